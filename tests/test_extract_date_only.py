"""reading._date_only reads in one scan what it read by removing the date words and looking
for a letter left: the same answer on awkward lines and on every block and sentence of the
labeled cases. (A speed change: the test holds the old reading as the reference.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scraper.extract import reading
from scraper.extract.text import sentences
from scraper.parse.documents import parse_documents

CASES = Path(__file__).resolve().parent / "corpus" / "cases"
_LETTER = re.compile(r"[A-Za-z]")


def _by_removal(text: str) -> bool:
    if reading._DIGIT.search(text) is None:
        return False
    return _LETTER.search(reading._DATE_WORDS.sub("", text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Thursday, January 23, 2025",
        "Mon 3 Sept",
        "2nd-3rd May",
        "1st",
        "Mayday 5",  # a word that starts like a month: "may" needs its boundary
        "January 23rd-ish",
        "Season 2: March 3",
        "5 (Jan. 3)",
        "23 \u212a",  # the Kelvin sign: no letter of [A-Za-z] as written
        "Monday 3 \u017f",  # the long s, likewise
        "\u00e9t\u00e9 2025",  # letters outside ASCII are no letters here
        "2025",
        "no digit",
        "",
    ],
)
def test_the_one_scan_answers_as_the_removal(text: str) -> None:
    assert reading._date_only(text) == _by_removal(text)


def test_every_line_of_the_cases_answers_as_the_removal() -> None:
    lines = []
    for case_dir in sorted(CASES.iterdir()):
        doc_path = next(case_dir.glob("doc.*"), None)
        if doc_path is None:
            continue
        for doc in parse_documents(doc_path.read_text(encoding="utf-8"), "https://example.com/a"):
            for block in doc.blocks:
                lines.append(block.text)
                lines.extend(sentences(block.text))
    assert sum(map(_by_removal, lines)) > 10  # (dates alone on their line are read)
    assert [line for line in lines if reading._date_only(line) != _by_removal(line)] == []
