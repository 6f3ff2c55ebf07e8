"""Gated vocabulary patterns (scraper/extract/gate.py) answer exactly as their patterns do:
the words read from a pattern are held by every match, and a gated pattern gives the same
matches on every sentence of the labeled cases."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import scraper.extract
from scraper.extract.gate import Gated, gated, read_pattern, required_words
from scraper.extract.text import sentences
from scraper.parse.documents import parse_documents

CASES = Path(__file__).resolve().parent / "corpus" / "cases"


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\b(?:premier\w*|arriv\w*|out\s+on)\b", ("out", "arriv", "premier")),
        (r"\bhits?(?!\s+of\b)|(?:locked|pegged)(?:\s+in)?\s+for", ("hit", "locked", "pegged")),
        (r"(?:very\s+)?(?:soon|later)", ("soon", "later")),  # an optional part holds none
        (r"\b(?:yet|not)\b|\?", ()),  # an alternative of no word: never skipped
        (r"\b(?:if|bet)\b", ()),  # a word too short to skip anything
        (r"(?i:seen)\s+(?-i:[A-Z])\w+", ("seen",)),  # the flags do not matter to the words
        # a look-around that must hold: its words are in the text, next to the match
        (r"\b(?:an?)\s+\d{4}(?=\s+(?:release|premiere))", ("release", "premiere")),
        (r"(?!\s+release)\d", ()),  # one that must not: no word the text needs
        # a word of a script without case is a word too (a part's counter, "第2クール")
        (r"\bpart\s+\d|(?<!\d)\d{1,2}\s*(?:\u30af\u30fc\u30eb)", ("part", "\u30af\u30fc\u30eb")),
        # (a cased letter of another script folds to others: "\u00e9t\u00e9" is none)
        (r"\bpart\s+\d|\d\s+\u00e9t\u00e9", ()),
    ],
)
def test_required_words(pattern: str, words: tuple[str, ...]) -> None:
    assert set(required_words(re.compile(pattern, re.IGNORECASE))) == set(words)


def test_a_gated_pattern_skips_text_without_its_words_and_finds_the_rest() -> None:
    pattern = gated(re.compile(r"\bpremier\w*|\bLands\b", re.IGNORECASE))
    assert pattern.search("It arrives in May") is None
    assert list(pattern.finditer("It arrives in May")) == []
    assert pattern.sub("X", "It arrives in May") == "It arrives in May"
    assert pattern.search("It PREMIERES in May").group() == "PREMIERES"
    # the case-insensitive folds of an ASCII letter: the long s, the Kelvin sign
    assert gated(re.compile(r"\bstream", re.I)).search("\u017ftream") is not None
    assert gated(re.compile(r"\bkick", re.I)).search("\u212aick") is not None
    assert pattern.search("x lands", 2, 7).span() == (2, 7)
    assert pattern.pattern.startswith(r"\bpremier")


@pytest.mark.parametrize(
    "text",
    [
        "It's back: the show RETURNS Friday, then Hits Netflix and hits of the year.",
        "Big hits. A hit. \u017ftreaming \u212aicks off, \u0130n cinemas, it\u2019s back.",
        "returnsreturns back-to-back, \u201cSTREAMING\u201d now; coming soon? arrives.",
        "",
    ],
)
def test_a_pattern_read_from_its_starts_finds_what_it_finds(text: str) -> None:
    compiled = re.compile(
        r"\b(?:return\w*|(?<!big\s)(?<!a\s)hits?(?!\s+of\b)|stream\w*|kick(?:s|ed)?\s+off|"
        r"in\s+cinemas|(?:is|['\u2019]s)\s+back|coming(?=\s+(?-i:[A-Z]))|arrives)\b",
        re.IGNORECASE,
    )
    pattern = gated(compiled)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    for start in range(0, len(text), 3):
        for end in (len(text), max(start, len(text) - 5), start + 9):
            got, want = pattern.search(text, start, end), compiled.search(text, start, end)
            assert (got and got.span()) == (want and want.span()), (start, end)
            got_all = [m.span() for m in pattern.finditer(text, start, end)]
            assert got_all == [m.span() for m in compiled.finditer(text, start, end)]


@pytest.mark.parametrize(
    ("pattern", "bounded"),
    [
        (r"\b(?:premier\w*|is\s+back|on\s+air)", True),
        (r"(?i:\b(?:in|for)\s+(?:the\s+)?spring)", True),  # in a group
        (r"(?<!not\s)\b(?:out|due)\b", True),  # after a look-behind: still where it starts
        (r"\bout\b|\bdue\b", True),  # every alternative
        (r"\b(?:trailers?|promos?)|PV\d", False),  # one alternative is not
        (r"(?:the\s+)?\bpremiere", False),  # after an optional start: not where it starts
    ],
)
def test_a_start_pattern_keeps_the_patterns_word_boundary(pattern: str, bounded: bool) -> None:
    """Where every match starts at a word boundary, so do the places the start pattern
    finds ("on" in "Monday" is no place to try "on air"), and the answers are the same."""
    compiled = re.compile(pattern, re.IGNORECASE)
    _, starts = read_pattern(compiled)
    assert starts is not None
    assert starts.pattern.startswith("\\b") == bounded
    text = "Monday: it is back, out Friday; tonight, in the spring, on air. PV2 premiere"
    for start in range(len(text)):
        got, want = gated(compiled).search(text, start), compiled.search(text, start)
        assert (got and got.span()) == (want and want.span()), start


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        # a short run, then what follows it: re parses "trailer|teaser" as "t(?:...)"
        (r"\b(?:trailer|teaser)", {"trai", "teas"}),
        # a letter of another script that folds only to its cases starts a gate ...
        (r"\b(?:fake|\u0444\u0435\u0439\u043a\w*)", {"fake", "\u0444\u0435\u0439\u043a"}),
        # ... one re folds to another letter too ("\u043e" is also "\u1c82") ends the
        # start before it, and one letter of another script is start enough
        (r"\b(?:fake|\u043a\u043e\u043d\u0446\u0435\u043f\u0442)", {"fake", "\u043a"}),
        (r"\b(?:fake|\u03c3\u03b5\u03b9\u03c1\u03ac)", None),  # sigma: no start
        # a group's short start is read on into what follows the group ...
        (r"\b(?:mon|fri)day", {"mond", "frid"}),
        # ... and a letter before spaces is that letter and a space of any kind
        (r"\b(?:a|one)\s+sources?\b|\?", {"a\\s", "one", "\\?"}),
    ],
)
def test_the_starts_read_from_a_pattern(pattern: str, starts: set[str] | None) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    _, found = read_pattern(compiled)
    read = None if found is None else set(_alternatives(found.pattern).split("|"))
    assert read == starts
    texts = [
        "A\tSOURCE says, one source? A\u00a0source. Sources, a sourcing, ka source",
        "MONDAY, friday, Fri, mon, lemonday",
        "FAKE news, a TEASER and the \u0424\u0415\u0419\u041a trailer",
        "\u041a\u041e\u041d\u0426\u0415\u041f\u0422 and \u043a\u1c82\u043d\u0446\u0435\u043f\u0442",
        "\u03a3\u0395\u0399\u03a1\u0386 \u03c2\u03b5\u03b9\u03c1\u03ac trailers",
    ]
    for text in texts:
        want = [m.span() for m in compiled.finditer(text)]
        assert [m.span() for m in gated(compiled).finditer(text)] == want, text


def _alternatives(pattern: str) -> str:
    return pattern.removeprefix("\\b(?:")[:-1] if pattern.startswith("\\b(?:") else pattern


def test_a_letter_and_a_space_start_gives_way_to_a_word_every_match_holds() -> None:
    # ("a " is in most sentences; "separate" or "different" in few)
    compiled = re.compile(r"\b(?:a|the)\s+(?:separate|different)\b", re.IGNORECASE)
    assert read_pattern(compiled) == (("separate", "different"), None)


def _gated_patterns() -> dict[str, Gated]:
    found = {}
    for info in pkgutil.walk_packages(scraper.extract.__path__, "scraper.extract."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Gated):
                found[f"{info.name}.{name}"] = value
    return found


def _case_sentences() -> list[str]:
    texts = []
    for case in sorted(CASES.iterdir()):
        doc = next(case.glob("doc.*"), None)
        if doc is None:
            continue
        for document in parse_documents(doc.read_text(encoding="utf-8"), "https://example.org/"):
            texts.append(document.headline)
            for block in document.blocks:
                texts.extend(sentences(block.text))
    return texts


def test_gated_patterns_answer_as_their_patterns_on_every_case_sentence() -> None:
    patterns = _gated_patterns()
    assert len(patterns) >= 20
    texts = _case_sentences()
    assert len(texts) > 2000
    for name, pattern in patterns.items():
        compiled = pattern._compiled
        for text in texts:
            expected = [m.span() for m in compiled.finditer(text)]
            assert [m.span() for m in pattern.finditer(text)] == expected, (name, text)
            inner = (len(text) // 3, 2 * len(text) // 3 + 1)
            got, want = pattern.search(text, *inner), compiled.search(text, *inner)
            assert (got and got.span()) == (want and want.span()), (name, text)
            if expected:  # a text it matches holds one of its words
                key = text.lower()
                words = required_words(compiled)
                assert not words or any(w in key for w in words), (name, text)


def test_an_ascii_pattern_keeps_its_unbounded_starts() -> None:
    """Under re.ASCII the Kelvin sign is no word character, but its fold in the case_key
    is: a boundary read on the key would miss the match after it."""
    compiled = re.compile(r"\bon\s+air", re.IGNORECASE | re.ASCII)
    assert not read_pattern(compiled)[1].pattern.startswith("\\b")
    text = "\u212aon air"
    assert gated(compiled).search(text).span() == compiled.search(text).span() == (1, 7)


def test_the_part_pattern_without_its_counted_parts_finds_the_same_where_no_counter_is() -> None:
    """subject._PART_WORDS stands in for _PART in a sentence without a part counter: the
    same matches (and, unlike _PART, it has a start pattern)."""
    from scraper.extract import subject

    assert subject._PART_WORDS._starts is not None
    texts = _case_sentences() + [
        "The second half of 2024, then Part 2 and the remaining five episodes in 2025.",
        "Vol. 3 arrives before the rest of the season; the final act follows.",
    ]
    for text in texts:
        assert "\u30af\u30fc\u30eb" not in text
        expected = [m.span() for m in subject._PART._compiled.finditer(text)]
        assert [m.span() for m in subject._PART_WORDS.finditer(text)] == expected, text
    counted = "\u7b2c2\u30af\u30fc\u30eb, then Part 3"
    assert [n for _, _, n in subject.part_references(counted)] == [2, 3]
    assert [n for _, _, n in subject.part_references("Part 3 and the back half")] == [3, 2]
