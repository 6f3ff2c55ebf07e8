"""diff: findings against the facts the state holds -> what is news to the user.

Pure rules (SPEC.md, "What is a finding, what is an alert"): `diff_findings`
decides which values are new, `alert_for` which of them the user hears about;
the store writes what they decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from scraper.models import (
    ANNOUNCED,
    CHANGED,
    PRECISION_RANK,
    RELEASE_DATE,
    TRAILER,
    TRAILER_RELEASED,
    Alert,
    Finding,
    Observation,
    Watch,
    new_alert_id,
)
from scraper.parse.videos import normalize_video_url


@dataclass(frozen=True)
class KnownFacts:
    """What the state holds for one watch."""

    current_date: Finding | None = None
    seen_date_keys: frozenset[str] = frozenset()  # every release date ever recorded
    trailer_keys: frozenset[str] = frozenset()
    latest_trailer_key: str | None = None  # the trailer fact recorded last


@dataclass
class NewFact:
    """A value the watch has never had; `event` is set when it is news to the user."""

    finding: Finding
    sources: list[str]
    event: str | None = None
    previous: Finding | None = None
    becomes_current: bool = False
    link: str | None = None


@dataclass
class Diff:
    new_facts: list[NewFact] = field(default_factory=list)
    # (kind, value_key, source_url): a known value reported by one more source.
    corroborations: list[tuple[str, str, str]] = field(default_factory=list)


def diff_findings(known: KnownFacts, observations: Sequence[Observation]) -> Diff:
    """Decide, for one batch of observations about one watch, what is new.

    At most one release-date alert per batch: when several new dates arrive
    together, the most precise (then the most recently published) is the news;
    the others are recorded as seen so they can never flip the date back later.
    """
    diff = Diff()
    _diff_trailers(known, [o for o in observations if o.finding.kind == TRAILER], diff)
    _diff_dates(known, [o for o in observations if o.finding.kind == RELEASE_DATE], diff)
    return diff


def is_video_url(url: str) -> bool:
    """A video's own identity, as opposed to the article that reported a trailer."""
    return normalize_video_url(url) is not None


def _diff_trailers(known: KnownFacts, observations: list[Observation], diff: Diff) -> None:
    new: dict[str, NewFact] = {}
    # Videos first: a report without a link is checked against every video seen.
    ordered = sorted(observations, key=lambda o: not is_video_url(o.finding.url or ""))
    for obs in ordered:
        key = obs.finding.value_key
        if not is_video_url(key):
            # A trailer reported without a link is identified only by the article's
            # URL, so ten outlets reporting it would be ten "new" trailers. It is news
            # only while the watch has no trailer at all; otherwise it corroborates
            # the latest one (the video itself alerts when any source links it).
            latest = next(reversed(new), None) if new else known.latest_trailer_key
            if latest is not None:
                if latest in new:
                    _add_source(new[latest], obs.source_url)
                else:
                    diff.corroborations.append((TRAILER, latest, obs.source_url))
                continue
        if key in known.trailer_keys:
            diff.corroborations.append((TRAILER, key, obs.source_url))
        elif key in new:
            _add_source(new[key], obs.source_url)
        else:
            new[key] = NewFact(
                obs.finding, [obs.source_url], event=TRAILER_RELEASED, link=obs.link
            )
    diff.new_facts.extend(new.values())


def _diff_dates(known: KnownFacts, observations: list[Observation], diff: Diff) -> None:
    new: dict[str, NewFact] = {}
    best: dict[str, tuple[int, date]] = {}
    for obs in observations:
        key = obs.finding.value_key
        if key in known.seen_date_keys:
            diff.corroborations.append((RELEASE_DATE, key, obs.source_url))
            continue
        rank = (PRECISION_RANK.get(obs.finding.precision or "", -1), obs.published or date.min)
        if key in new:
            _add_source(new[key], obs.source_url)
            best[key] = max(best[key], rank)
        else:
            new[key] = NewFact(obs.finding, [obs.source_url], link=obs.link)
            best[key] = rank
    if not new:
        return
    winner_key = max(best, key=lambda k: best[k])
    winner = new[winner_key]
    current = known.current_date
    if current is None:
        winner.event, winner.becomes_current = ANNOUNCED, True
    elif _at_least_as_precise(winner.finding, current):
        winner.event, winner.becomes_current = CHANGED, True
        winner.previous = current
    diff.new_facts.extend(new.values())


def _at_least_as_precise(candidate: Finding, current: Finding) -> bool:
    return PRECISION_RANK.get(candidate.precision or "", -1) >= PRECISION_RANK.get(
        current.precision or "", -1
    )


def _add_source(fact: NewFact, source_url: str) -> None:
    if source_url not in fact.sources:
        fact.sources.append(source_url)


def alert_for(watch: Watch, fact: NewFact, at: datetime) -> Alert | None:
    """The alert a new fact makes: only news (an event) of a kind the watch asked for."""
    finding = fact.finding
    if fact.event is None or finding.kind not in watch.alerts:
        return None
    return Alert(
        id=new_alert_id(),
        event=fact.event,
        watch_title=watch.title,
        watch_season=watch.season,
        value=finding.value(),
        previous=fact.previous.value() if fact.previous else None,
        evidence=finding.evidence,
        source=fact.sources[0],
        sources=tuple(fact.sources),
        detected_at=at,
        extra={"link": fact.link} if fact.link and fact.link != fact.sources[0] else {},
    )
