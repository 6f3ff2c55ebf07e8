"""One check cycle: fetch -> parse -> extract -> diff against facts -> outbox.

`check_sources` is the only way sources are checked: `releasewatch check` calls
it once, the daemon calls it on a schedule. The scheduler decides when, never what.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from scraper import logs
from scraper.config.settings import Config, SourceConfig
from scraper.facts import diff_findings, revivable_dates
from scraper.fetch.fetcher import Fetcher, FetchError, Validators
from scraper.models import (
    SOURCE_FAILING,
    SOURCE_RECOVERED,
    Alert,
    Observation,
    Watch,
    format_value,
    new_alert_id,
)
from scraper.models import Response as HttpResponse
from scraper.sources.base import Fetch, SourceResult
from scraper.sources.registry import SOURCE_TYPES
from scraper.store.retention import prune_if_due
from scraper.store.state import SourceState, State, to_db_time

if TYPE_CHECKING:  # a warm cycle (every source a 304) imports no parser
    from scraper.parse.documents import Document

log = logging.getLogger("releasewatch.cycle")


@dataclass
class CycleReport:
    checked: list[str] = field(default_factory=list)
    failures: list[tuple[str, str, int]] = field(default_factory=list)  # name, error, streak
    parsed: list[str] = field(default_factory=list)  # sources whose body was parsed
    documents_read: int = 0
    # Per source, for a log line of its own (a batch checks several sources at once).
    read_by_source: dict[str, int] = field(default_factory=dict)
    alerts: list[Alert] = field(default_factory=list)
    # Not checked: their server's Retry-After (name, not before) is not up yet.
    waiting: list[tuple[str, datetime]] = field(default_factory=list)
    # Claimed work (several workers): sources whose lease this worker lost before it
    # could commit; nothing of theirs was written.
    lost: list[str] = field(default_factory=list)
    facts_changed: bool = False  # a new fact or a new source for one: the calendar is redone


def watch_signature(config: Config) -> str:
    """Changes when the watches change: then every source is read again in full,
    because content already seen may hold news for a new watch or alias."""
    text = "\n".join(
        f"{w.key}|{'|'.join(sorted(a.casefold() for a in w.aliases))}" for w in config.watches
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def check_sources(
    config: Config,
    state: State,
    fetcher: Fetcher,
    now: datetime,
    source_names: Sequence[str] | None = None,
    claims: Claims | None = None,
) -> CycleReport:
    """Check the given sources (default: all) once and write what is new to the state.

    Every source's fetch state, feed memory, facts and alerts of the cycle are
    committed together after all fetches, so a crash loses nothing: the next
    cycle simply fetches again.

    With `claims` (a worker among several on one database), each source is its own
    transaction instead, written only while this worker's claim on it holds.
    """
    sources = _select(config, source_names)
    signature = watch_signature(config)
    stored = _stored_states(state, sources, batch=claims is not None)
    waiting = _waiting(sources, stored, now)
    sources = [s for s in sources if s.name not in waiting]
    # Per source: what was fetched before, as it stands now, and whether to read it in full.
    before: dict[str, tuple[SourceState | None, bool]] = {}
    ahead: list[tuple[SourceConfig, str | None, Validators | None]] = []
    for source in sources:
        # A source URL's credentials (user:pass@, ?token=) are for fetching only: masked
        # in every log line and error, and left out of what is stored, shown or sent.
        logs.register_secrets(logs.url_credentials(source.url))
        previous = stored.get(source.name)
        if previous is not None and previous.url not in (source.url, logs.public_url(source.url)):
            # Its health (streak, failing alert) stays in `stored`; what was fetched goes.
            state.reset_source(source.name)
            previous = None
        forced = previous is None or previous.watch_signature != signature
        before[source.name] = (previous, forced)
        validators = None if forced else Validators(previous.etag, previous.last_modified)
        ahead.append((source, SOURCE_TYPES[source.type].fetch_ahead(source), validators))
    results = [
        _check_alone(source, outcome, *before[source.name], config, state, fetcher, now)
        for source, outcome in _fetch_ahead(fetcher, ahead)
    ]
    if claims is None:
        report = _apply(config, state, results, stored, signature, now)
    else:
        report = _apply_claimed(config, state, results, stored, signature, now, claims)
        for name, until in waiting.items():  # asked to wait: due again when the wait ends
            state.finish_claim(name, claims.token, until)
    report.waiting = sorted(waiting.items())
    prune_if_due(state, now)
    if config.calendar_path and (report.facts_changed or not config.calendar_path.exists()):
        from scraper.calendar import refresh_calendar  # icalendar only when one is configured

        refresh_calendar(config, state, now)
    return report


def read_source(
    source: SourceConfig, config: Config, state: State, fetcher: Fetcher, now: datetime
) -> SourceResult:
    """One source fetched and read in full, every document extracted, nothing written:
    what `check --dry-run` and `extract --source` show. `state` is only read (a kind may
    look up its cache); the caller decides what it keeps."""
    logs.register_secrets(logs.url_credentials(source.url))
    return _check(source, None, None, True, config, state, fetcher, now)


def _stored_states(
    state: State, sources: list[SourceConfig], *, batch: bool = False
) -> dict[str, SourceState]:
    # The daemon checks one source per job: don't read every source's row for it; nor
    # does a worker for its claimed batch, in a table of maybe 100,000 sources.
    if batch:
        return {s.name: s for s in state.source_states([s.name for s in sources])}
    if len(sources) <= 8:
        found = (state.source_state(s.name) for s in sources)
        return {s.name: s for s in found if s is not None}
    return {s.name: s for s in state.source_states()}


def _waiting(
    sources: list[SourceConfig], stored: dict[str, SourceState], now: datetime
) -> dict[str, datetime]:
    """Sources whose server asked us (Retry-After) not to come back before a time still ahead:
    a news site's 429 is waited out, by `check` and the daemon alike, not retried at once."""
    found = {}
    for source in sources:
        previous = stored.get(source.name)
        # A new URL is a new server: the old one's Retry-After does not hold it back.
        same = previous is not None and previous.url in (source.url, logs.public_url(source.url))
        until = previous.retry_at if same else None
        if until and now < until:
            found[source.name] = until
    return found


def _select(config: Config, names: Sequence[str] | None) -> list[SourceConfig]:
    if names is None:
        return list(config.sources)
    by_name = {s.name: s for s in config.sources}
    return [by_name[n] for n in names]


def _fetch_ahead(
    fetcher: Fetcher, ahead: list[tuple[SourceConfig, str | None, Validators | None]]
) -> Iterator[tuple[SourceConfig, HttpResponse | FetchError | None]]:
    """Every source with what was fetched for it ahead, all at once (None: nothing, as its
    kind fetches while it reads); those come first, as the batch needs no waiting for them."""
    yield from ((source, None) for source, url, _ in ahead if url is None)
    yield from fetcher.fetch_all(
        (source, url, validators) for source, url, validators in ahead if url is not None
    )


def _check_alone(
    source: SourceConfig,
    outcome: HttpResponse | FetchError | None,
    previous: SourceState | None,
    forced: bool,
    config: Config,
    state: State,
    fetcher: Fetcher,
    now: datetime,
) -> SourceResult:
    """`_check`, with a bug met while reading one source kept to that source: it fails
    this cycle (its body not remembered, so the next cycle reads it again) and the
    batch's other sources are written and alerted as usual."""
    try:
        return _check(source, outcome, previous, forced, config, state, fetcher, now)
    except Exception as exc:
        if state.is_database_error(exc):
            raise  # the state's, not the source's: the cycle's caller answers it
        log.exception("reading source %s failed", source.name)
        return SourceResult(
            source, error=f"internal error while reading it ({type(exc).__name__}); see the log"
        )


def _check(
    source: SourceConfig,
    outcome: HttpResponse | FetchError | None,
    previous: SourceState | None,
    forced: bool,
    config: Config,
    state: State,
    fetcher: Fetcher,
    now: datetime,
) -> SourceResult:
    """One source: its kind reads it (unless its body did not change), then the documents
    it holds that may be news are read in full, then extracted."""
    if isinstance(outcome, FetchError):
        return SourceResult(source, error=str(outcome), retry_after=outcome.retry_after)
    reader: Fetch = fetcher
    content_hash = None
    if outcome is not None:
        if outcome.not_modified:
            content_hash = previous.content_hash if previous else None
        else:
            content_hash = hashlib.sha256(outcome.content or b"").hexdigest()
        if outcome.not_modified or (
            not forced and previous is not None and previous.content_hash == content_hash
        ):
            return SourceResult(
                source,
                etag=outcome.etag,
                last_modified=outcome.last_modified,
                content_hash=content_hash,
            )
        reader = _Fetched(fetcher, source.url, outcome)
    result = SOURCE_TYPES[source.type].read(source, config, state, reader, now)
    if outcome is not None and result.error is None:
        result.etag, result.last_modified = outcome.etag, outcome.last_modified
        result.content_hash = content_hash
    if result.documents:
        known = {} if forced else state.known_entries(source.name)
        documents = _read_documents(result, config.watches, known)
        # A page read again because it changed reports as of today, whatever publish date
        # it kept (an evergreen page edited as the story moves); a first read, or a feed
        # entry, reports as of its own date.
        _extract_into(result, documents, None if forced else now.date())
    return result


class _Fetched:
    """The fetcher as a kind reads through it, answering its URL with what was fetched ahead."""

    def __init__(self, fetcher: Fetch, url: str, response: HttpResponse):
        self._fetcher, self._url, self._response = fetcher, url, response

    def fetch(self, url: str, validators: Validators | None = None) -> HttpResponse:
        if url == self._url and validators is None:
            return self._response
        return self._fetcher.fetch(url, validators)


def _read_documents(
    result: SourceResult, watches: Sequence[Watch], known_entries: dict[str, str]
) -> list[tuple[Document, list[Watch]]]:
    """Parse, to the end: the documents not read before whose words may name a watch,
    each read in full, with the watches it may name. The feed's entries are remembered."""
    # Imported here: a warm cycle (every source a 304) reads no document.
    from scraper.parse.documents import may_name
    from scraper.parse.prefilter import mentioned

    if result.is_feed:
        # An entry whose XML holds no watch's name is passed over unknown: not identified,
        # hashed, nor remembered (the memory is of entries that may be news; a later
        # edit that names a watch makes it one, and a new watch reads every entry again).
        named = may_name(result.documents, watches)
        candidates = [d for d, may in zip(result.documents, named, strict=True) if may]
        result.entries = [(d.key, d.fingerprint) for d in candidates]
        pending = [d for d in candidates if known_entries.get(d.key) != d.fingerprint]
    else:
        pending = list(result.documents)
    documents: list[tuple[Document, list[Watch]]] = []
    for item in pending:
        # Most entries of a feed that names the watch once are other news: the
        # pre-filter runs per document, before it is read, and says which watches it
        # may name (one matcher for all of them, not a loop over watches).
        words = item.words()
        named = mentioned(words, watches)
        if not named:
            continue
        try:
            document = item.read()
        except Exception:  # one odd entry must not stop the source, nor the cycle
            log.exception("reading an entry of %s failed", result.source.name)
            # Not remembered as read: the next cycle tries it again.
            result.entries = [e for e in result.entries if e[0] != item.key]
            continue
        documents.append((document, named))
    result.documents = []  # read: the cycle holds every result until its commit
    result.documents_read = len(documents)
    return documents


def _extract_into(
    result: SourceResult,
    documents: list[tuple[Document, list[Watch]]],
    changed_on: date | None = None,
) -> None:
    """Extract: findings from finished documents, per watch the document may name."""
    # Imported here: a warm cycle (every source a 304) never needs the extractor.
    from scraper.extract import extract

    for document, watches in documents:
        reported = changed_on if changed_on and document.kind == "page" else document.published
        for watch in watches:
            for finding in extract(document, watch):
                result.observations.setdefault(watch.key, []).append(
                    Observation(
                        finding,
                        logs.public_url(result.source.url),
                        reported,
                        logs.public_url(document.url),
                        result.source.name,
                    )
                )


def _apply(
    config: Config,
    state: State,
    results: list[SourceResult],
    stored: dict[str, SourceState],
    signature: str,
    now: datetime,
) -> CycleReport:
    report = CycleReport()
    notifier_names = [n.name for n in config.notifiers]
    # The most precise reports first, so one cycle sends one announcement, not
    # an announcement of the year followed by a change to the day.
    results.sort(key=lambda r: r.best_date_rank(), reverse=True)
    with state.transaction():
        # A `check` beside workers on PostgreSQL takes its turn on the watches' rows as
        # they do (sorted: no deadlock); on SQLite the transaction's write lock is enough.
        state.lock_watches([w.key for w in config.watches])
        # Health (the failing streak, whether `source.failing` went out) is read again
        # inside the write transaction: two runs at once each read it before either
        # wrote, and both would send the same source.failing.
        # Only whether source.failing went out is read: by name, through the index.
        alerted = state.failing_alerted([r.source.name for r in results])
        for result in results:
            report.checked.append(result.source.name)
            was_alerted = result.source.name in alerted
            if result.error is not None:
                _record_failure(config, state, result, was_alerted, now, notifier_names, report)
                continue
            _record_success(state, result, was_alerted, signature, now, notifier_names, report)
        # The heartbeat `status` shows, written by the one code path `check` and `run` share.
        state.set_meta("last_cycle_at", to_db_time(now))
        for watch in config.watches:
            observations = [
                o for r in results if r.error is None for o in r.observations.get(watch.key, [])
            ]
            if not observations:
                continue
            _adopt_renamed(state, watch, config)
            diff = diff_findings(state.known_facts(watch.key), observations, now.date())
            report.facts_changed |= bool(diff.new_facts or diff.corroborations)
            # Per-watch routing (watches[].notify); health alerts above go to every notifier.
            routed = [n for n in notifier_names if watch.notify is None or n in watch.notify]
            report.alerts.extend(state.store_diff(watch, diff, now, routed))
    _revive_held_back(config, state, now, report, notifier_names)
    for alert in report.alerts:
        log.info("alert %s: %s", alert.event, _alert_line(alert))
    return report


def _alert_line(alert: Alert) -> str:
    """What an alert is about, for the log: the watch and its value, or the source a
    health alert names (it logged "alert source.failing: " with nothing after it)."""
    about = alert.watch_label or alert.source_name or ""
    return ": ".join(p for p in (about, format_value(alert.value)) if p)


@dataclass(frozen=True)
class Claims:
    """This worker's claim token on the sources it checks, and when each is due next."""

    token: str
    next_check_at: Callable[[str], datetime]


def _apply_claimed(
    config: Config,
    state: State,
    results: list[SourceResult],
    stored: dict[str, SourceState],
    signature: str,
    now: datetime,
    claims: Claims,
) -> CycleReport:
    """One source, one transaction: its fetch state, feed memory, facts, alerts and
    outbox rows, committed only while this worker's claim holds (fencing). The rows of
    the watches it touches are locked in sorted order first (before the source's own
    row), so two workers that find the same fact take turns and the second finds it
    known: one alert."""
    report = CycleReport()
    notifier_names = [n.name for n in config.notifiers]
    results.sort(key=lambda r: r.best_date_rank(), reverse=True)
    for result in results:
        name = result.source.name
        touched = [w for w in config.watches if result.error is None
                   and result.observations.get(w.key)]
        with state.transaction():
            # The watches first, then the source's row: the order a `check` beside the
            # workers takes them in (_apply). The other way round the two wait on each
            # other and PostgreSQL kills one (a deadlock).
            state.lock_watches([w.key for w in touched])
            if not state.holds_claim(name, claims.token):
                report.lost.append(name)
                log.warning("source %s: the claim on it ran out before its result was"
                            " written; another worker checks it", name)
                continue
            report.checked.append(name)
            previous = stored.get(name)
            was_alerted = previous is not None and previous.failing_alerted
            if result.error is not None:
                _record_failure(config, state, result, was_alerted, now, notifier_names, report)
            else:
                _record_success(state, result, was_alerted, signature, now, notifier_names,
                                report)
            for watch in touched:
                _adopt_renamed(state, watch, config)
                diff = diff_findings(
                    state.known_facts(watch.key), result.observations[watch.key], now.date()
                )
                report.facts_changed |= bool(diff.new_facts or diff.corroborations)
                # Per-watch routing (watches[].notify), as _apply does.
                routed = [n for n in notifier_names if watch.notify is None or n in watch.notify]
                report.alerts.extend(state.store_diff(watch, diff, now, routed))
            due = claims.next_check_at(name)
            if result.retry_after:
                due = max(due, now + timedelta(seconds=result.retry_after))
            state.finish_claim(name, claims.token, due)
    _revive_held_back(config, state, now, report, notifier_names)
    if report.checked:
        state.set_meta("last_cycle_at", to_db_time(now))
    for alert in report.alerts:
        log.info("alert %s: %s", alert.event, _alert_line(alert))
    return report


REVIVED_ON = "held_back_checked_on"  # meta key: the day _revive_held_back last looked


def _revive_held_back(
    config: Config, state: State, now: datetime, report: CycleReport, notifier_names: list[str]
) -> None:
    """A later date held back while the current one was ahead becomes current once that
    one has passed, reported again or not (SPEC: a passed date does not block a later one).
    The sources touched above did this for the watches they reported on."""
    today = now.date()
    # A date passes only when the day changes (a later date that came after the current
    # one passed was weighed then): once a day, so a cycle's cost does not grow with
    # each watch's history.
    if state.get_meta(REVIVED_ON) == today.isoformat():
        return
    due = [w for w in config.watches if revivable_dates(state.known_facts(w.key), today)]
    state.set_meta(REVIVED_ON, today.isoformat())
    if not due:
        return
    with state.transaction():
        state.lock_watches([w.key for w in due])
        for watch in due:
            known = state.known_facts(watch.key)  # again, under the watch's lock
            if not revivable_dates(known, today):
                continue
            diff = diff_findings(known, [], today)
            report.facts_changed |= bool(diff.new_facts)
            routed = [n for n in notifier_names if watch.notify is None or n in watch.notify]
            report.alerts.extend(state.store_diff(watch, diff, now, routed))


def _adopt_renamed(state: State, watch: Watch, config: Config) -> None:
    """A watch renamed with its old title as an alias takes over the old title's facts
    (inside the cycle's transaction, its watch row locked), so nothing known alerts again."""
    if watch.aliases:
        old = state.adopt_renamed(watch, [w.key for w in config.watches])
        if old is not None:
            log.info("watch %s: renamed from %r, its facts kept", watch.label, old)


def _record_success(
    state: State,
    result: SourceResult,
    was_alerted: bool,  # source.failing went out for it, and no success since
    signature: str,
    now: datetime,
    notifier_names: list[str],
    report: CycleReport,
) -> None:
    source = result.source
    state.save_source_success(
        source.name,
        logs.public_url(source.url),
        now,
        etag=result.etag,
        last_modified=result.last_modified,
        content_hash=result.content_hash,
        watch_signature=signature,
    )
    if result.entries:
        state.remember_entries(source.name, result.entries, now)
    if result.parsed:
        report.parsed.append(source.name)
        report.documents_read += result.documents_read
        report.read_by_source[source.name] = result.documents_read
    if was_alerted:
        alert = _health_alert(
            SOURCE_RECOVERED, source, f"{source.name} is back: the last check succeeded.", now
        )
        state.add_alert(alert, notifier_names)
        report.alerts.append(alert)
        log.info("source %s recovered", source.name)


def _record_failure(
    config: Config,
    state: State,
    result: SourceResult,
    was_alerted: bool,
    now: datetime,
    notifier_names: list[str],
    report: CycleReport,
) -> None:
    source, error = result.source, logs.mask(result.error or "unknown error")
    retry_at = now + timedelta(seconds=result.retry_after) if result.retry_after else None
    streak = state.save_source_failure(
        source.name, logs.public_url(source.url), now, error, retry_at=retry_at
    )
    report.failures.append((source.name, error, streak))
    if streak >= config.health.alert_after and not was_alerted:
        alert = _health_alert(
            SOURCE_FAILING,
            source,
            f"{source.name} has failed {streak} checks in a row; last error: {error}",
            now,
        )
        state.add_alert(alert, notifier_names)
        state.mark_failing_alerted(source.name)
        report.alerts.append(alert)
        log.info("source %s is failing: %s", source.name, error)


def _health_alert(event: str, source: SourceConfig, evidence: str, now: datetime) -> Alert:
    return Alert(
        id=new_alert_id(),
        event=event,
        watch_title=None,
        watch_season=None,
        value=None,
        previous=None,
        evidence=evidence,
        source=logs.public_url(source.url),
        sources=(logs.public_url(source.url),),
        detected_at=now,
        source_name=source.name,
    )
