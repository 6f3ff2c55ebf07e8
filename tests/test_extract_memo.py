"""The extractor's memory of a sentence's answers across documents (scraper/extract/memo.py):
the same findings whatever was read before, bounded, and forgotten on request."""

from __future__ import annotations

from pathlib import Path

import yaml

from scraper.extract import candidates, extract_documents, forget, memo, read_safely
from scraper.extract.explain import explain
from scraper.extract.reading import Sentence
from scraper.models import Watch
from scraper.parse.documents import parse_documents

CASES = Path(__file__).parent / "corpus" / "cases"


def _cases() -> list[tuple[str, str, Watch]]:
    work = []
    for case_dir in sorted(p for p in CASES.iterdir() if (p / "case.yaml").exists()):
        case = yaml.safe_load((case_dir / "case.yaml").read_text(encoding="utf-8"))
        spec = case["watch"]
        watch = Watch(spec["title"], spec.get("season"), tuple(spec.get("aliases") or ()))
        text = next(case_dir.glob("doc.*")).read_text(encoding="utf-8")
        work.append((text, case["url"], watch))
    return work


def _reading(text: str, url: str, watch: Watch) -> tuple[list, list[str]]:
    docs = parse_documents(text, url)
    findings = [f.to_json() | {"score": f.score} for f in extract_documents(docs, watch)]
    return findings, [explain(read_safely(d, watch, complete=True), d.url) for d in docs]


def test_a_document_reads_the_same_after_others_as_alone() -> None:
    # Every case read with nothing remembered, then all again in reverse order with the
    # answers of every other case remembered: the findings, their scores and the
    # --explain text are the same.
    work = _cases()
    alone = []
    for text, url, watch in work:
        forget()
        alone.append(_reading(text, url, watch))
    forget()
    after = [_reading(text, url, watch) for text, url, watch in reversed(work)]
    assert after[::-1] == alone


def test_long_texts_are_not_remembered_and_forget_drops_the_rest() -> None:
    calls = []

    @memo.remembered
    def words(text: str) -> int:
        calls.append(text)
        return len(text.split())

    short, long = "a b c", "a " * memo.LONGEST
    assert words(short) == words(short) == 3
    assert words(long) == words(long) == memo.LONGEST
    assert calls == [short, long, long]  # the short one worked out once
    memo.forget()
    words(short)
    assert calls[-1] == short and len(calls) == 4


def test_the_language_count_is_every_markers_count() -> None:
    # _foreign counts only the markers a scan finds; str.count of every marker is the
    # definition, repeated words ("la la") and markers side by side ("de la") included.
    def plain(text: str) -> bool:
        from scraper.extract import languages

        foreign = sum(text.lower().count(w) for w in languages.MARKERS)
        return foreign > sum(text.count(w) for w in languages.ENGLISH_MARKERS)

    texts = [
        "la la la la", "de la de la et le", "Der Film ist da und die Serie", "não é uma",
        "to be or not to be", "La Casa de Papel returns", "il la il la il", "ÜND der",
    ]  # fmt: skip
    for text in texts:
        sentences = [Sentence(text, 0, False, False, None, False, None, None)]
        assert candidates._foreign(sentences) == plain(f" {text} "), text
