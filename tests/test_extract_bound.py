"""The extractor's bounds against the full evaluation, on every labeled case of tests/corpus.

A normal read skips work a candidate cannot need (scraper/extract/evidence/evaluate.py):
a sentence may_score rules out is not read for dates, and a date's rules stop once its
score cannot reach the threshold (the bias plus the positive weights of the rules still
to run, those whose precondition its sentence meets, from weights.json as loaded). Both
bounds must be sound: whatever they skip, the full evaluation (`complete`, as --explain
runs it) reports nothing more and scores nothing reportable differently. The tests below
read every case both ways; a rule added without its precondition holding, or weights
refitted so that a bound no longer holds, fail here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scraper.extract import candidates, read
from scraper.extract.evidence import evaluate
from scraper.extract.reading import Sentence, Subject
from scraper.extract.score import weights
from scraper.models import RELEASE_DATE, Watch
from scraper.parse.documents import parse_documents

CORPUS = Path(__file__).parent / "corpus"
SETS = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def _cases(folder: Path) -> list[tuple[str, str, Watch, str]]:
    work = []
    for case_dir in sorted(p for p in folder.iterdir() if (p / "case.yaml").exists()):
        case = yaml.safe_load((case_dir / "case.yaml").read_text(encoding="utf-8"))
        spec = case["watch"]
        watch = Watch(spec["title"], spec.get("season"), tuple(spec.get("aliases") or ()))
        text = next(case_dir.glob("doc.*")).read_text(encoding="utf-8")
        work.append((case_dir.name, case["url"], watch, text))
    return work


def _key(c: candidates.DateCandidate) -> tuple:
    return (c.order, c.mention.start, c.mention.end, c.mention.value, c.mention.precision)


def _reportable(reading) -> dict[tuple, tuple[float, dict[str, str]]]:
    """The watch's dates above the threshold: any of them may be chosen (the best, or a
    finer statement of its release), so each one's score and rules must be exact."""
    return {
        _key(c): (round(c.score, 9), c.features)  # (the order of a float sum: the last bit)
        for c in reading.dates
        if c.is_the_watchs and c.score > 0.0
    }


def _readings(folder: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(candidates.Budget, "check", lambda self: None)  # (the load must not skip)
    for name, url, watch, text in _cases(folder):
        for doc in parse_documents(text, url):
            yield f"{folder.name}/{name} {doc.url}", doc, watch


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_the_bounds_skip_nothing_the_full_evaluation_would_report(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every document read as the daemon reads it and as --explain does: the same chosen
    # date, the same trailers, and the same dates above the threshold with the same rules
    # and scores. A bound that rejects a sentence or stops a date the full evaluation
    # would keep fails here.
    wrong = []
    for where, doc, watch in _readings(folder, monkeypatch):
        bounded, full = read(doc, watch), read(doc, watch, complete=True)
        if _reportable(bounded) != _reportable(full):
            wrong.append(f"{where}: reportable dates {_reportable(bounded)} != {_reportable(full)}")
        chosen = [
            (_key(r.release), round(r.release.score, 9)) if r.release else None
            for r in (bounded, full)
        ]
        if chosen[0] != chosen[1]:
            wrong.append(f"{where}: chose {chosen[0]}, the full evaluation {chosen[1]}")
        trailers = [[(v.url, round(v.score, 9)) for v in r.trailers] for r in (bounded, full)]
        if trailers[0] != trailers[1]:
            wrong.append(f"{where}: trailers {trailers[0]} != {trailers[1]}")
    assert not wrong, "\n".join(wrong[:20])


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_what_the_bounds_assume_holds_on_every_date(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # may_score and the stopping ceiling count a lifting rule's weight only where its
    # sentence meets the rule's precondition (_CONDITIONAL): on every date of a sentence
    # about the watch, a lifting rule that fires has its precondition met (names_title's
    # counted wherever the sentence is about the watch: may_score). A normal read does not
    # look for dates in page furniture at all, which the weights alone cannot justify (the
    # furniture weight is not below every positive weight together): every furniture date
    # scores at or below the threshold in the full evaluation.
    table = weights()[RELEASE_DATE]
    lifting = {name for name, weight in table.items() if name != "bias" and weight > 0.0}
    wrong = []
    for where, doc, watch in _readings(folder, monkeypatch):
        for c in read(doc, watch, complete=True).dates:
            if c.sentence.chrome:
                if c.score > 0.0:
                    wrong.append(
                        f"{where}: furniture date {c.sentence.text[:80]!r} scores {c.score}"
                    )
                continue
            if not c.is_the_watchs:
                continue
            met = evaluate._conditions_met(c.sentence)
            if "about" not in met:
                wrong.append(f"{where}: about_watch fired on {c.sentence.text[:80]!r}, not about")
                continue
            for rule in c.features.keys() & lifting:
                condition = evaluate._CONDITIONAL.get(rule, "any")
                if condition not in met | {"names_title"}:
                    wrong.append(
                        f"{where}: {rule} fired on {c.sentence.text[:80]!r} without {condition}"
                    )
    assert not wrong, "\n".join(wrong[:20])


def test_may_score_counts_the_title_rule_in_a_sentence_about_the_watch() -> None:
    # The passage's sentence is about the watch, yet classify did not count it as naming
    # the title (another season's name in it): the names_title rule can still fire, so
    # where its weight decides, may_score must not rule the sentence out.
    sentence = Sentence(
        "It follows Bridgerton Season 4 and arrives on 12 May 2027.",
        3, False, False, Subject.WATCH, False, None, Subject.WATCH,
    )  # fmt: skip
    zero = dict.fromkeys(weights()[RELEASE_DATE], 0.0)
    deciding = zero | {"bias": -2.5, "about_watch": 2.0, "names_title": 1.0}
    short = zero | {"bias": -2.5, "about_watch": 2.0, "names_title": 0.4}  # (-0.1 at most)
    assert evaluate.may_score(sentence, deciding)
    assert not evaluate.may_score(sentence, short)  # (weights are read once per table)
