"""One check cycle: fetch -> parse -> extract -> diff against facts -> outbox.

`check_sources` is the only way sources are checked: `releasewatch check` calls
it once, the daemon calls it on a schedule. The scheduler decides when, never what.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from scraper import logs
from scraper.config.settings import Config, SourceConfig
from scraper.facts import Observation, diff_findings
from scraper.fetch.fetcher import Fetcher, FetchError, Validators
from scraper.models import (
    PRECISION_RANK,
    RELEASE_DATE,
    SOURCE_FAILING,
    SOURCE_RECOVERED,
    Alert,
    new_alert_id,
)
from scraper.models import Response as HttpResponse
from scraper.parse.documents import ParseError
from scraper.parse.prefilter import may_mention
from scraper.sources.registry import SOURCE_TYPES, SourceRead
from scraper.store.retention import prune_if_due
from scraper.store.state import SourceState, State

log = logging.getLogger("releasewatch.cycle")


@dataclass
class SourceResult:
    """What one source's check found, before it is written to the state."""

    source: SourceConfig
    error: str | None = None
    # Only the validators are kept, never the body: a cycle holds every result
    # until its commit, and a thousand bodies would be a hundred megabytes.
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    parsed: bool = False  # the body was parsed (not a 304, not an unchanged hash)
    documents_read: int = 0
    entries: list[tuple[str, str]] = field(default_factory=list)  # feed memory to keep
    observations: dict[str, list[Observation]] = field(default_factory=dict)  # per watch key

    def best_date_rank(self) -> tuple[int, date]:
        ranks = [
            (PRECISION_RANK.get(o.finding.precision or "", -1), o.published or date.min)
            for observations in self.observations.values()
            for o in observations
            if o.finding.kind == RELEASE_DATE
        ]
        return max(ranks, default=(-1, date.min))


@dataclass
class CycleReport:
    checked: list[str] = field(default_factory=list)
    failures: list[tuple[str, str, int]] = field(default_factory=list)  # name, error, streak
    parsed: list[str] = field(default_factory=list)  # sources whose body was parsed
    documents_read: int = 0
    alerts: list[Alert] = field(default_factory=list)


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
    *,
    clock: Callable[[], datetime] | None = None,
) -> CycleReport:
    """Check the given sources (default: all) once and write what is new to the state.

    Every source's fetch state, feed memory, facts and alerts of the cycle are
    committed together after all fetches, so a crash loses nothing: the next
    cycle simply fetches again.
    """
    sources = _select(config, source_names)
    signature = watch_signature(config)
    stored = _stored_states(state, sources)
    results: list[SourceResult] = []
    jobs = []
    for source in sources:
        # A source URL's credentials (user:pass@, ?token=) are for fetching only: masked
        # in every log line and error, and left out of what is stored, shown or sent.
        logs.register_secrets(logs.url_credentials(source.url))
        previous = stored.get(source.name)
        if previous is not None and previous.url not in (source.url, logs.public_url(source.url)):
            state.reset_source(source.name)
            previous = None
        forced = previous is None or previous.watch_signature != signature
        kind = SOURCE_TYPES[source.type]
        if kind.reads_itself:
            results.append(kind.read(source, config, state, fetcher, now))
            continue
        validators = None if forced or previous is None else Validators(
            previous.etag, previous.last_modified
        )
        jobs.append((source, source.url, validators))
    for source, outcome in fetcher.fetch_all(jobs):
        previous = stored.get(source.name)
        forced = previous is None or previous.watch_signature != signature
        results.append(_read_response(source, outcome, previous, forced, config, state))
    report = _apply(config, state, results, stored, signature, clock() if clock else now)
    prune_if_due(state, now)
    return report


def _stored_states(state: State, sources: list[SourceConfig]) -> dict[str, SourceState]:
    # The daemon checks one source per job: don't read every source's row for it.
    if len(sources) <= 8:
        found = (state.source_state(s.name) for s in sources)
        return {s.name: s for s in found if s is not None}
    return {s.name: s for s in state.source_states()}


def _select(config: Config, names: Sequence[str] | None) -> list[SourceConfig]:
    if not names:
        return list(config.sources)
    by_name = {s.name: s for s in config.sources}
    return [by_name[n] for n in names]


def _read_response(
    source: SourceConfig,
    outcome: HttpResponse | FetchError,
    previous: SourceState | None,
    forced: bool,
    config: Config,
    state: State,
) -> SourceResult:
    if isinstance(outcome, FetchError):
        return SourceResult(source, error=str(outcome))
    result = SourceResult(source, etag=outcome.etag, last_modified=outcome.last_modified)
    if outcome.not_modified:
        result.content_hash = previous.content_hash if previous else None
        return result
    content = outcome.content or b""
    result.content_hash = hashlib.sha256(content).hexdigest()
    if not forced and previous is not None and previous.content_hash == result.content_hash:
        return result
    # The fetcher already refused an empty body (a broken source, never "the news
    # went away"), so the text here has content.
    text = outcome.text or ""
    kind = SOURCE_TYPES[source.type]
    try:
        if not may_mention(text, config.watches):
            # No watched title can occur in it: nothing to read (most news is other news).
            kind.verify(text, outcome.url)
            return result
        read = kind.parse(text, outcome.url, source)
    except ParseError as exc:
        return SourceResult(source, error=f"unparseable body: {exc}")
    result.parsed = True
    _extract_into(result, read, config, {} if forced else state.known_entries(source.name))
    return result


def _extract_into(
    result: SourceResult, read: SourceRead, config: Config, known_entries: dict[str, str]
) -> None:
    """Extract findings from the documents not read before; remember the feed's entries."""
    # Imported here: a warm cycle (every source a 304) never needs the extractor.
    from scraper.extract import extract

    if read.is_feed:
        result.entries = [(d.key, d.fingerprint) for d in read.documents]
        pending = [d for d in read.documents if known_entries.get(d.key) != d.fingerprint]
    else:
        pending = list(read.documents)
    for item in pending:
        # Most entries of a feed that names the watch once are other news: the
        # pre-filter runs per document and per watch, and before a document is read.
        words = item.words()
        watches = [w for w in config.watches if may_mention(words, [w])]
        if not watches:
            continue
        try:
            document = item.read()
        except Exception:  # one odd entry must not stop the source, nor the cycle
            log.exception("reading an entry of %s failed", result.source.name)
            # Not remembered as read: the next cycle tries it again.
            result.entries = [e for e in result.entries if e[0] != item.key]
            continue
        result.documents_read += 1
        for watch in watches:
            for finding in extract(document, watch):
                result.observations.setdefault(watch.key, []).append(
                    Observation(
                        finding,
                        logs.public_url(result.source.url),
                        document.published,
                        logs.public_url(document.url),
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
        for result in results:
            report.checked.append(result.source.name)
            previous = stored.get(result.source.name)
            if result.error is not None:
                _record_failure(config, state, result, previous, now, notifier_names, report)
                continue
            _record_success(state, result, previous, signature, now, notifier_names, report)
        for watch in config.watches:
            observations = [
                o for r in results if r.error is None for o in r.observations.get(watch.key, [])
            ]
            if not observations:
                continue
            diff = diff_findings(state.known_facts(watch.key), observations)
            report.alerts.extend(state.store_diff(watch, diff, now, notifier_names))
    for alert in report.alerts:
        log.info("alert %s: %s %s", alert.event, alert.watch_label, alert.value)
    return report


def _record_success(
    state: State,
    result: SourceResult,
    previous: SourceState | None,
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
    if previous is not None and previous.failing_alerted:
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
    previous: SourceState | None,
    now: datetime,
    notifier_names: list[str],
    report: CycleReport,
) -> None:
    source, error = result.source, logs.mask(result.error or "unknown error")
    streak = state.save_source_failure(source.name, logs.public_url(source.url), now, error)
    report.failures.append((source.name, error, streak))
    already_alerted = previous is not None and previous.failing_alerted
    if streak >= config.health.alert_after and not already_alerted:
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
