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
    date_window,
    new_alert_id,
)
from scraper.parse.videos import normalize_video_url


@dataclass(frozen=True)
class KnownFacts:
    """What the state holds for one watch."""

    current_date: Finding | None = None
    # Every release date ever recorded, and every value the user rejected: a value
    # seen before is never news again, whichever source repeats it.
    seen_date_keys: frozenset[str] = frozenset()
    trailer_keys: frozenset[str] = frozenset()
    latest_trailer_key: str | None = None  # the trailer fact recorded last
    # (kind, value_key) of the values the user rejected (`releasewatch reject`).
    rejected: frozenset[tuple[str, str]] = frozenset()
    # Dates recorded after the current one that never became current (less precise than
    # it, or already past, when they came): once the current date has passed, a report of
    # one may still make it current (SPEC: a passed date does not block a later one).
    held_back: dict[str, Finding] = field(default_factory=dict, hash=False, compare=False)
    # When the report that made the current date was published (None: not known).
    current_published: date | None = None
    # The trailer fact recorded last, when it is a report without a video link: the
    # day it was first seen and its sentence, so the video it was about, linked later
    # by another source, is known for the same news (see _claims_unlinked).
    latest_trailer_seen: date | None = None
    latest_trailer_evidence: str = ""
    # Per held-back date: (source URL, name, article link) of each source that reported
    # it, for the alert when it becomes current with no fresh report.
    held_back_reports: dict[str, tuple[tuple[str, str | None, str | None], ...]] = field(
        default_factory=dict, hash=False, compare=False
    )


@dataclass
class NewFact:
    """A value the watch has never had; `event` is set when it is news to the user."""

    finding: Finding
    sources: list[str]
    event: str | None = None
    previous: Finding | None = None
    becomes_current: bool = False
    link: str | None = None
    source_names: list[str] = field(default_factory=list)
    # A value the state holds already (a held-back date made current): updated, not added.
    existing: bool = False
    # Its newest report's publish date, never after the day it was found (None: undated).
    published: date | None = None


@dataclass
class Diff:
    new_facts: list[NewFact] = field(default_factory=list)
    # (kind, value_key, source_url): a known value reported by one more source.
    corroborations: list[tuple[str, str, str]] = field(default_factory=list)
    # source_url -> (configured name, article link), for showing sources to the reader.
    reporters: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    # (value_key, source_url) -> the article that reported that value: one feed's date
    # and trailer usually come from two entries, and each fact links its own.
    links: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def reporter(self, url: str, value_key: str) -> tuple[str | None, str | None]:
        """(name, article link) of one source's report of one value."""
        name, link = self.reporters.get(url, (None, None))
        return name, self.links.get((value_key, url), link)


def diff_findings(
    known: KnownFacts, observations: Sequence[Observation], today: date | None = None
) -> Diff:
    """Decide, for one batch of observations about one watch, what is new.

    At most one release-date alert per batch: when several new dates arrive
    together, one still ahead beats one already past, then the most precise,
    then the most recently published is the news; the others are recorded as
    seen so they can never flip the date back later. `today` (default: the
    latest date anyone would read as now) decides which dates have passed.
    """
    diff = Diff()
    for obs in observations:
        diff.reporters.setdefault(obs.source_url, (obs.source_name, obs.link))
        diff.links.setdefault((obs.finding.value_key, obs.source_url), obs.link)
    _diff_trailers(known, [o for o in observations if o.finding.kind == TRAILER], diff, today)
    _diff_dates(
        known, [o for o in observations if o.finding.kind == RELEASE_DATE], diff, today
    )
    return diff


def is_video_url(url: str) -> bool:
    """A video's own identity, as opposed to the article that reported a trailer."""
    return normalize_video_url(url) is not None


def _diff_trailers(
    known: KnownFacts, observations: list[Observation], diff: Diff, today: date | None = None
) -> None:
    new: dict[str, NewFact] = {}
    unlinked_open = known.latest_trailer_key is not None and not is_video_url(
        known.latest_trailer_key
    )
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
                    _add_source(new[latest], obs.source_url, obs.source_name)
                else:
                    diff.corroborations.append((TRAILER, latest, obs.source_url))
                continue
        if key in known.trailer_keys:
            diff.corroborations.append((TRAILER, key, obs.source_url))
        elif key in new:
            _add_source(new[key], obs.source_url, obs.source_name)
        else:
            # The first video after a report without a link, soon after it and not
            # called another kind (a teaser against a trailer): the video that report
            # was about. Recorded, linked, and no second alert for one trailer.
            claims = unlinked_open and _claims_unlinked(obs.finding, known, today)
            unlinked_open = unlinked_open and not claims
            new[key] = NewFact(
                obs.finding, [obs.source_url], event=None if claims else TRAILER_RELEASED,
                link=obs.link, source_names=[obs.source_name] if obs.source_name else [],
            )
    diff.new_facts.extend(new.values())


# How long after a trailer reported without a link its video, first linked by another
# source, is taken for the same news. A teaser and the official trailer come weeks apart.
UNLINKED_TRAILER_DAYS = 7


def _claims_unlinked(video: Finding, known: KnownFacts, today: date | None) -> bool:
    seen = known.latest_trailer_seen
    if seen is None or today is None or (today - seen).days > UNLINKED_TRAILER_DAYS:
        return False
    said, linked = _trailer_kind(known.latest_trailer_evidence), _trailer_kind(video.evidence)
    return said is None or linked is None or said == linked


def _trailer_kind(evidence: str) -> str | None:
    """"teaser" or "trailer" as the sentence calls the video, None when it says neither."""
    text = evidence.casefold()
    if "teaser" in text:
        return "teaser"
    return "trailer" if "trailer" in text else None


def _diff_dates(
    known: KnownFacts, observations: list[Observation], diff: Diff, today: date | None
) -> None:
    new: dict[str, NewFact] = {}
    best: dict[str, tuple[bool, int, date, float]] = {}
    current = known.current_date
    for obs in observations:
        key = obs.finding.value_key
        held = known.held_back.get(key)
        # Only SPEC's exception brings a seen date back: a later one than a current date
        # that has passed, itself still ahead.
        revived = held is not None and _revivable(held, current, today)
        if key in known.seen_date_keys and not revived:
            diff.corroborations.append((RELEASE_DATE, key, obs.source_url))
            continue
        # A publish date ahead of the clock (a wrong clock or zone) counts as today's.
        reported = min(obs.published, today) if obs.published and today else obs.published
        rank = (
            not has_passed(obs.finding, today),
            PRECISION_RANK.get(obs.finding.precision or "", -1),
            # Equally precise: the newer report is where the story stands (a backlog's
            # April date and July delay: the delay is the news, and the April date,
            # recorded as seen, can never flip it back); from one day, the better-supported.
            reported or date.min,
            obs.finding.rank_score,
        )
        if key in new:
            _add_source(new[key], obs.source_url, obs.source_name)
            best[key] = max(best[key], rank)
            if reported and (new[key].published is None or reported > new[key].published):
                new[key].published = reported
        else:
            new[key] = NewFact(
                obs.finding, [obs.source_url], link=obs.link,
                source_names=[obs.source_name] if obs.source_name else [],
                existing=revived, published=reported,
            )
            best[key] = rank
    # SPEC: a current date that has passed does not block a later one. A later date held
    # back while the current one was ahead becomes current once it has passed, whether
    # or not a source says it again (a feed's one article may never be read again).
    for key, held in known.held_back.items():
        if key in new or not _revivable(held, current, today):
            continue
        reports = known.held_back_reports.get(key, ())
        if not reports:
            continue
        fact = NewFact(
            held, [url for url, _, _ in reports], link=reports[0][2],
            source_names=[name for _, name, _ in reports if name], existing=True,
        )
        for url, name, link in reports:
            diff.reporters.setdefault(url, (name, link))
            diff.links.setdefault((key, url), link)
        new[key] = fact
        best[key] = (True, PRECISION_RANK.get(held.precision or "", -1), date.min,
                     float("-inf"))
    if not new:
        return
    winner_key = max(best, key=lambda k: best[k])
    winner = new[winner_key]
    if current is None:
        winner.event, winner.becomes_current = ANNOUNCED, True
    elif _replaces(winner.finding, current, today) and not _older_report(winner, known, today):
        winner.event, winner.becomes_current = CHANGED, True
        winner.previous = current
    for fact in new.values():
        if fact.existing and not fact.becomes_current:
            # A held-back date that did not win this time: its reports only corroborate.
            key = fact.finding.value_key
            diff.corroborations.extend((RELEASE_DATE, key, url) for url in fact.sources)
        else:
            diff.new_facts.append(fact)


def _revivable(held: Finding, current: Finding | None, today: date | None) -> bool:
    return (
        current is not None and has_passed(current, today)
        and _starts_after(held, current) and not has_passed(held, today)
    )


def revivable_dates(known: KnownFacts, today: date | None) -> bool:
    """Whether a held-back date would become current now, with no report at all: the
    cycle asks this of a watch no source reported on."""
    return any(_revivable(h, known.current_date, today) for h in known.held_back.values())


def _replaces(candidate: Finding, current: Finding, today: date | None) -> bool:
    """SPEC: a date at least as precise replaces the current one; a current date that
    has passed does not block a later one, whatever its precision; and a date that has
    passed never replaces one still ahead (an "Updated" stamp is not a release)."""
    if has_passed(current, today):
        return _starts_after(candidate, current) or _at_least_as_precise(candidate, current)
    if has_passed(candidate, today):
        return False
    return _at_least_as_precise(candidate, current)


def _older_report(fact: NewFact, known: KnownFacts, today: date | None) -> bool:
    """Its newest report was published before the current date's: older news (a source
    the daemon checked after a newer one), recorded but no change. A current date that
    has passed holds nothing back, however old the news of a later one."""
    current = known.current_date
    if current is None or has_passed(current, today):
        return False
    return (
        fact.published is not None and known.current_published is not None
        and fact.published < known.current_published
    )


def has_passed(finding: Finding, today: date | None) -> bool:
    """The whole window the date can mean lies before `today`."""
    window = date_window(finding.value())
    return today is not None and window is not None and window[1] < today


def _starts_after(candidate: Finding, current: Finding) -> bool:
    mine, theirs = date_window(candidate.value()), date_window(current.value())
    return mine is not None and theirs is not None and mine[1] > theirs[1]


def _at_least_as_precise(candidate: Finding, current: Finding) -> bool:
    return PRECISION_RANK.get(candidate.precision or "", -1) >= PRECISION_RANK.get(
        current.precision or "", -1
    )


def _add_source(fact: NewFact, source_url: str, source_name: str | None = None) -> None:
    if source_url not in fact.sources:
        fact.sources.append(source_url)
        if source_name:
            fact.source_names.append(source_name)


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
        source=fact.link or fact.sources[0],
        sources=tuple(fact.sources),
        detected_at=at,
        source_name=fact.source_names[0] if fact.source_names else None,
        feed=fact.sources[0] if fact.link and fact.link != fact.sources[0] else None,
        source_names=tuple(fact.source_names),
    )
