"""extract: Documents -> Findings (announced release dates, released trailers) for a Watch.

A pipeline, one module a stage:

    structure   reading.py, candidates.py   blocks -> sentences with roles and subjects,
                                            and the document's own dates
    mentions    subject.py, dates.py        the watch's title and seasons, other works, dates
    candidates  candidates.py, trailers.py  every date mention and every video, with context
    evidence    evidence.py (cues.py)       named rules, each saying what it saw
    score       score.py (weights.json)     a logistic regression over the rules that fired
    choose      choose.py                   the best release date above the threshold,
                                            and every trailer above its

Pure functions: a Document and a Watch in, Findings out, never an exception. A
document that takes longer than its budget gets one warning and no findings. Answers
about one sentence are remembered across documents (memo.py; `forget` drops them).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scraper import patterns

# The extractor's ~540 patterns, compiled once and kept for the next process (patterns.py).
with patterns.kept("extract"):
    from scraper.extract import choose
    from scraper.extract.candidates import (
        Budget,
        DateCandidate,
        OverBudget,
        VideoCandidate,
        date_candidates,
        structure,
    )
    from scraper.extract.evidence import date_evidence, may_score, page_evidence, trailer_evidence
    from scraper.extract.memo import forget
    from scraper.extract.score import score, weights
    from scraper.extract.trailers import trailer_candidates
    from scraper.models import RELEASE_DATE, TRAILER, Finding, Watch
    from scraper.parse.prefilter import may_mention

if TYPE_CHECKING:
    from scraper.parse.documents import Document

__all__ = ["Reading", "extract", "extract_documents", "forget", "may_mention", "read"]

log = logging.getLogger(__name__)


@dataclass
class Reading:
    """Everything the extractor made of one document: each candidate with the rules
    that fired and its score, and what it chose."""

    dates: list[DateCandidate] = field(default_factory=list)
    videos: list[VideoCandidate] = field(default_factory=list)
    release: DateCandidate | None = None
    trailers: list[VideoCandidate] = field(default_factory=list)
    over_budget: bool = False

    def findings(self) -> list[Finding]:
        result = []
        if self.release is not None:
            result.append(release_finding(self.release))
        result.extend(
            Finding(TRAILER, c.sentence or c.label, url=c.url, score=c.score) for c in self.trailers
        )
        return result


def release_finding(candidate: DateCandidate) -> Finding:
    mention = candidate.mention
    return Finding(
        RELEASE_DATE,
        candidate.sentence.text,
        date=mention.value,
        precision=mention.precision,
        score=candidate.score,
    )


def read(
    doc: Document, watch: Watch, budget: Budget | None = None, complete: bool = False
) -> Reading:
    """Run the pipeline on one document (exceptions and the budget are the caller's).
    `complete`: run every rule on every candidate (--explain, the fit), not only
    until a candidate can no longer reach the threshold."""
    budget = budget or Budget.for_document(doc)
    sentences, facts = structure(doc, watch, budget)
    reading = Reading()
    table = weights()[RELEASE_DATE]
    gate = None if complete else (lambda sentence: may_score(sentence, table))
    reading.dates = date_candidates(sentences, facts, budget, complete, gate)
    for index, candidate in enumerate(reading.dates):
        if index % 16 == 0:
            budget.check()
        candidate.features = date_evidence(candidate, watch, None if complete else table)
        candidate.score = score(RELEASE_DATE, candidate.features)
    for candidate in page_evidence(reading.dates, watch):
        candidate.score = score(RELEASE_DATE, candidate.features)
    reading.videos = trailer_candidates(doc, sentences, watch, facts)
    for video in reading.videos:
        video.features = trailer_evidence(video)
        video.score = score(TRAILER, video.features)
    reading.release = choose.best(
        [c for c in reading.dates if c.is_the_watchs],
        lambda c: c.mention.value,
        lambda c: c.mention.precision,
        lambda c: c.score,
        _list_entries,
    )
    reading.trailers = [v for v in reading.videos if v.score > 0.0]
    return reading


def _list_entries(a: DateCandidate, b: DateCandidate) -> bool:
    """Two dates of one sentence in different entries of its list."""
    return a.order == b.order and choose.list_entries(
        a.sentence.text, (a.mention.start, a.mention.end), (b.mention.start, b.mention.end)
    )


def read_safely(doc: Document, watch: Watch, complete: bool = False) -> Reading:
    try:
        return read(doc, watch, complete=complete)
    except OverBudget:
        log.warning("extractor: %s took longer than its budget; skipped (no findings)", doc.url)
        return Reading(over_budget=True)
    except Exception:  # a rule tripping on odd text must not stop a whole cycle
        log.exception("extractor failed on %s", doc.url)
        return Reading()


def extract(doc: Document, watch: Watch) -> list[Finding]:
    """The best announced release date and every released trailer of `watch` in `doc`."""
    return read_safely(doc, watch).findings()


def extract_documents(docs: Sequence[Document], watch: Watch) -> list[Finding]:
    """The union over a source's documents: the best release date first (by the same
    score and choice as within one document), then trailers."""
    dates: list[DateCandidate] = []
    trailers: dict[str, Finding] = {}
    for doc in docs:
        reading = read_safely(doc, watch)
        if reading.release is not None:
            dates.append(reading.release)
        for finding in reading.findings():
            if finding.kind == TRAILER:
                trailers.setdefault(finding.value_key, finding)
    best = choose.best(dates, lambda c: c.mention.value, lambda c: c.mention.precision,
                       lambda c: c.score)  # fmt: skip
    return ([release_finding(best)] if best is not None else []) + list(trailers.values())
