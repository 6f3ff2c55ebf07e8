"""The daemon: APScheduler decides *when* each source is checked; `check_sources` decides what.

One job per source (its interval plus jitter, never two runs of it at once), one
job draining the outbox, the main thread waiting for signals. A restart picks up
each source's schedule from its stored last check, so it never refetches
everything at once.
"""

from __future__ import annotations

import logging
import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from scraper.config.settings import Config, ConfigError, SourceConfig, load_config
from scraper.cycle import CycleReport, check_sources
from scraper.deliver import build_notifiers, deliver_pending, wait_for_sends
from scraper.fetch.fetcher import Fetcher
from scraper.fetch.hosts import host_of
from scraper.runtime.lock import InstanceLock
from scraper.runtime.schedule import (
    delivery_interval,
    schedule_sources,
    source_job_id,
)
from scraper.store.state import SourceState, State, to_db_time

log = logging.getLogger("releasewatch.daemon")

# Stop within the 10 s the user (and the issue) allow, closing included.
SHUTDOWN_GRACE = 8.0
# How long one delivery pass waits for its sends before it returns (they carry on).
DELIVERY_PASS = 2.0
# Sources that come due within this many seconds of each other are checked in one
# check_sources call, as `releasewatch check` checks them: which one finished first
# must not decide whether one announcement becomes one alert or two.
BATCH_SETTLE = 1.0
# A host ready within this long counts as ready: its source runs in this batch.
HOST_READY_SLACK = 0.25
HOST_WAIT_JOB_PREFIX = "host-wait:"
# A first round takes a host's sources whole when their turns on it (per_host_delay
# apart) take at most this long; more are split by host as usual.
FIRST_ROUND_WAIT = 10.0
# A wall clock that falls behind the monotonic one by more than this was set back.
CLOCK_JUMP = 2.0
DELIVERY_JOB = "deliver"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


# -- what the log says about a cycle ----------------------------------------------------


def cycle_log_lines(
    name: str, report: CycleReport, previous: SourceState | None, seconds: float
) -> list[tuple[int, str]]:
    """(level, message) lines for one source's cycle: its summary, and a change of health.

    cycle.py already logs the source.failing/recovered alerts; these lines say when a
    source *starts* failing (its first failure) and when it comes back without an alert.
    """
    lines: list[tuple[int, str]] = []
    failures = {n: (error, streak) for n, error, streak in report.failures}
    # This source's share of a batch: the documents it read, the alerts it reported
    # first (a batch's totals on every source's line said an unchanged feed read one).
    read = report.read_by_source.get(name, 0)
    alerts = sum(
        1 for a in report.alerts
        if (a.source_names[0] if a.source_names else a.source_name) == name
    )
    waiting = dict(report.waiting)
    if name in waiting:
        outcome = f"not checked: its server asked us to wait until {waiting[name]:%H:%M:%S} UTC"
    elif name in failures:
        error, streak = failures[name]
        if streak == 1:
            lines.append((logging.WARNING, f"source {name} started failing: {error}"))
        outcome = f"failed ({streak} in a row): {error}"
    else:
        was_failing = previous is not None and previous.consecutive_failures > 0
        if was_failing and not previous.failing_alerted:
            lines.append(
                (
                    logging.INFO,
                    f"source {name} recovered after {previous.consecutive_failures} "
                    "failed check(s)",
                )
            )
        outcome = "changed" if name in report.parsed else "unchanged"
    lines.append(
        (
            logging.INFO,
            f"cycle {name}: {outcome}; {read} document(s) read, "
            f"{alerts} new alert(s) in {seconds:.2f}s",
        )
    )
    return lines


# -- the daemon --------------------------------------------------------------------------------


class Daemon:
    """Holds the config, state, fetcher and notifiers; `run()` until SIGTERM/SIGINT."""

    def __init__(self, config: Config, *, rng: random.Random | None = None):
        self.config = config
        self._rng = rng or random.Random()
        self._lock = InstanceLock(config.state_path)
        self._state: State | None = None
        self._fetcher: Fetcher | None = None
        # Fetchers replaced by a reload: jobs may still hold one, so they close at exit.
        self._retired_fetchers: list[Fetcher] = []
        self._notifiers: dict[str, tuple[Any, str]] = {}
        self._retired_notifiers: list[Any] = []  # replaced by a reload, closed at exit
        # Held while a delivery pass starts its queues and while a reload swaps the
        # notifiers: never for a whole send, so a slow one never holds up a reload.
        self._notifier_lock = threading.Lock()
        self._scheduler: BackgroundScheduler | None = None
        self._due: set[str] = set()  # sources whose job fired, waiting for their batch
        # Sources never checked when the daemon started: their first runs are one batch,
        # split by host only for a host with many of them (see _first_round_whole).
        self._first_round: set[str] = set()
        self._collecting = False  # a batch is gathering the sources due with it
        self._due_lock = threading.Lock()
        self._signals: list[int] = []  # appended by signal handlers (atomic), read by run()
        self._wake = threading.Event()  # set only from ordinary code (stop()), never a handler
        self._wake_batch = threading.Event()  # set at shutdown: a gathering batch runs at once
        # The wall clock less the monotonic one, as last seen: a drop is the clock set back.
        self._clock_offset: float | None = None

    # -- lifecycle ----------------------------------------------------------------------

    def run(self) -> int:
        """Start, wait for signals, stop. Raises UserError if another daemon owns the state."""
        # First of all: a SIGHUP (systemctl reload) while the state opens, which may wait
        # for a `check` holding it, would otherwise end the process (its default action);
        # a stop signal meanwhile stops the daemon as soon as it has started.
        for signum in (*STOP_SIGNALS, signal.SIGHUP):
            signal.signal(signum, self._on_signal)
        self._lock.acquire()  # before anything touches the state file
        try:
            self._start()
            stopped_cleanly = self._wait_for_stop()
        except BaseException:
            self._close()
            self._lock.release()
            raise
        if not stopped_cleanly:
            # In-flight work outlived the grace: its cycle was not committed and runs
            # again at the next start; the pool's threads would block a normal exit.
            log.warning(
                "in-flight work did not finish within %.0f s; exiting anyway", SHUTDOWN_GRACE
            )
            logging.shutdown()
            sys.stdout.flush()
            os._exit(0)
        self._close()
        self._lock.release()
        log.info("stopped")
        return 0

    def stop(self) -> None:
        """Ask run() to stop (for callers other than a signal)."""
        self._signals.append(signal.SIGTERM)
        self._wake.set()

    def _start(self) -> None:
        config = self.config
        self._state = State(config.state_path)
        self._notifiers = build_notifiers(config)
        self._fetcher = Fetcher(config.http)
        now = datetime.now(UTC)
        self._state.set_meta("daemon_pid", str(os.getpid()))
        self._state.set_meta("daemon_started_at", to_db_time(now))
        _quiet_scheduler_logs()
        workers = max(2, min(config.http.concurrency, len(config.sources) or 1))
        self._scheduler = BackgroundScheduler(
            timezone=UTC,
            executors={
                "default": ThreadPoolExecutor(workers),
                # Its own thread, so a full pool of slow fetches never holds up alerts.
                DELIVERY_JOB: ThreadPoolExecutor(1),
            },
        )
        checked = {s.name for s in self._state.source_states() if s.last_checked_at}
        self._first_round = {s.name for s in config.sources if s.name not in checked}
        plan = schedule_sources(
            self._scheduler, config, self._state, now, self._run_source, rng=self._rng
        )
        self._add_delivery_job(now)
        self._scheduler.start()
        overdue = sum(1 for when in plan.values() if when <= now + _jitter(config))
        log.info(
            "started (pid %d): %d source(s), %d due now, the rest when their interval is up; "
            "%d notifier(s)",
            os.getpid(),
            len(plan),
            overdue,
            len(self._notifiers),
        )

    def _on_signal(self, signum: int, frame: object) -> None:
        # Only an atomic append here: taking a lock in a handler can deadlock the main thread.
        self._signals.append(signum)

    def _wait_for_stop(self) -> bool:
        """Serve signals until a stop signal; then shut down. False if the grace ran out."""
        while True:
            self._wake.wait(0.2)
            self._wake.clear()
            self.watch_clock(time.time(), time.monotonic())
            while self._signals:
                signum = self._signals.pop(0)
                if signum == signal.SIGHUP:
                    try:
                        self.reload()
                    except Exception:  # noqa: BLE001 - a failed reload must not stop the daemon
                        log.exception("reload failed; carrying on with what is scheduled")
                    continue
                log.info("%s received: stopping", signal.Signals(signum).name)
                return self._shutdown_scheduler()

    def watch_clock(self, wall: float, monotonic: float) -> float:
        """Undo what a wall clock set back does to the schedule; returns the jump (seconds).

        APScheduler keeps its times on the wall clock: set back an hour (a wrong NTP
        answer, a VM restored, a user fixing the time), every job would wait that hour on
        top of its interval. Each job's next run moves back by the jump, so it comes when
        it was due by the time that really passed. (Forward jumps need nothing: what is
        due runs.)"""
        offset = wall - monotonic
        previous, self._clock_offset = self._clock_offset, offset
        if previous is None or previous - offset < CLOCK_JUMP:
            return 0.0
        jump = previous - offset
        scheduler = self._scheduler
        log.warning("the clock went back %.0f s; the schedule is moved back with it", jump)
        if scheduler is None:
            return jump
        try:
            for job in scheduler.get_jobs():
                if job.next_run_time is not None:
                    scheduler.modify_job(
                        job.id, next_run_time=job.next_run_time - timedelta(seconds=jump)
                    )
        except Exception:  # noqa: BLE001 - shutting down, or a job gone meanwhile
            log.debug("could not move the schedule back", exc_info=True)
        return jump

    def _shutdown_scheduler(self) -> bool:
        scheduler = self._scheduler
        self._wake_batch.set()  # a batch still gathering gives up: its sources run next start
        if scheduler is None:
            return True
        # shutdown(wait=True) stops scheduling and waits for running jobs; bounded here.
        started = time.monotonic()
        stopper = threading.Thread(target=scheduler.shutdown, kwargs={"wait": True}, daemon=True)
        stopper.start()
        stopper.join(SHUTDOWN_GRACE)
        if stopper.is_alive():
            return False
        # Sends a delivery pass left running get what is left of the grace, then are cut
        # off: their leases let the next start (or a `check`) send them again.
        return wait_for_sends(max(SHUTDOWN_GRACE - (time.monotonic() - started), 0.0))

    def _close(self) -> None:
        for fetcher in [*self._retired_fetchers, self._fetcher]:
            if fetcher is not None:
                _quietly(fetcher.close)
        for notifier in [*self._retired_notifiers, *(n for n, _ in self._notifiers.values())]:
            _quietly(notifier.close)
        if self._state is not None:
            _quietly(self._state.close)

    # -- reload (SIGHUP) ---------------------------------------------------------------

    def reload(self) -> bool:
        """Re-read the config; a config that fails validation is logged and the old one kept."""
        old = self.config
        try:
            new = load_config(old.path)
        except ConfigError as exc:
            for line in exc.errors:
                log.error("reload: %s", line)
            log.error("reload: config not valid; still running with the previous one")
            return False
        except Exception as exc:  # noqa: BLE001 - a reload must never take the daemon down
            log.error(
                "reload failed (%s: %s); still running with the previous one",
                type(exc).__name__,
                exc,
            )
            return False
        for warning in getattr(new, "warnings", ()):
            log.warning("reload: %s", warning)
        if Path(new.state_path).resolve() != Path(old.state_path).resolve():
            log.warning(
                "reload: the state file changed to %s; that takes a restart, still using %s",
                new.state_path,
                old.state_path,
            )
        try:
            notifiers = build_notifiers(new)
        except Exception as exc:  # noqa: BLE001
            log.error("reload: notifiers could not be built (%s); keeping the previous config", exc)
            return False
        if new.http != old.http and self._fetcher is not None:
            self._retired_fetchers.append(self._fetcher)
            self._fetcher = Fetcher(new.http)
        with self._notifier_lock:
            previous, self._notifiers = self._notifiers, notifiers
            self.config = new
        # Not closed now: a send may still be running on one (a slow webhook); closed at exit.
        self._retired_notifiers.extend(notifier for notifier, _ in previous.values())
        changes = self._reschedule(old, new)
        log.info("reloaded %s: %s", new.path, changes)
        return True

    def _reschedule(self, old: Config, new: Config) -> str:
        scheduler, state = self._scheduler, self._state
        assert scheduler is not None and state is not None
        before = {s.name: s for s in old.sources}
        after = {s.name: s for s in new.sources}
        removed = set(before) - set(after)
        added = set(after) - set(before)
        jitter_changed = old.schedule.jitter != new.schedule.jitter
        retimed = {
            name
            for name in set(after) & set(before)
            if jitter_changed
            or old.source_interval(before[name]) != new.source_interval(after[name])
        }
        for name in removed:
            if scheduler.get_job(source_job_id(name)):
                scheduler.remove_job(source_job_id(name))
        now = datetime.now(UTC)
        if added or retimed:
            schedule_sources(
                scheduler, new, state, now, self._run_source, names=added | retimed, rng=self._rng
            )
        if delivery_interval(old) != delivery_interval(new):
            self._add_delivery_job(now)
        # A source whose URL or selector changed keeps its slot: check_sources sees the change.
        return (
            f"{len(added)} source(s) added, {len(removed)} removed, "
            f"{len(retimed)} rescheduled, {len(self._notifiers)} notifier(s)"
        )

    # -- jobs ---------------------------------------------------------------------------

    def _add_delivery_job(self, now: datetime) -> None:
        assert self._scheduler is not None
        every = delivery_interval(self.config)
        self._scheduler.add_job(
            self._deliver,
            IntervalTrigger(seconds=every, timezone=UTC),
            id=DELIVERY_JOB,
            name="deliver pending alerts",
            executor=DELIVERY_JOB,
            replace_existing=True,
            next_run_time=now,  # whatever a previous run left in the outbox goes out first
            max_instances=1,
            coalesce=True,
            misfire_grace_time=max(int(every), 1),
        )

    def _run_source(self, name: str) -> None:
        """A source's job fired: check it in a batch with every source due at the same
        moment, through the same check_sources `releasewatch check` runs. Never raises."""
        with self._due_lock:
            self._due.add(name)
            if self._collecting:
                return  # the batch being gathered takes it
            self._collecting = True
        stopping = self._wake_batch.wait(BATCH_SETTLE)
        with self._due_lock:
            names, self._due = sorted(self._due), set()
            self._collecting = False
        if not stopping:
            self._check_batch(names)

    def _check_batch(self, names: list[str]) -> None:
        config, fetcher, state = self.config, self._fetcher, self._state
        if state is None or fetcher is None:
            return
        # A source removed by a reload while its run was queued is not checked.
        names = [name for name in names if _find_source(config, name) is not None]
        first = self._first_round_whole(config, names)
        names = first + self._take_ready(
            config, fetcher, [name for name in names if name not in first]
        )
        if not names:
            return
        try:
            previous = {name: state.source_state(name) for name in names}
            started = time.monotonic()
            report = check_sources(config, state, fetcher, datetime.now(UTC), names)
            elapsed = time.monotonic() - started
            for name in names:
                for level, line in cycle_log_lines(name, report, previous[name], elapsed):
                    log.log(level, "%s", line)
            if report.alerts:
                self._deliver_soon()
        except Exception:  # noqa: BLE001 - one bad run must not stop the schedule
            # The log filter masks secrets in the message and the traceback alike.
            log.exception(
                "cycle %s: internal error; the sources are tried again next run", ", ".join(names)
            )

    def _first_round_whole(self, config: Config, names: list[str]) -> list[str]:
        """The sources of a first round checked whole, as `check` checks them: one cycle,
        whose fetches take turns on a shared host, so one announcement is one alert. Split
        by host, the source read first announced its year and the next "changed" it to the
        day. A host with so many sources that their turns would take longer than
        FIRST_ROUND_WAIT is split as usual (a site's hundred feeds must not hold up the
        others' first check)."""
        with self._due_lock:
            first = [name for name in names if name in self._first_round]
            self._first_round.difference_update(first)
        delay = config.http.per_host_delay
        by_host: dict[str, list[str]] = {}
        for name in first:
            source = _find_source(config, name)
            if source is not None:
                by_host.setdefault(host_of(source.url), []).append(name)
        return [
            name for group in by_host.values()
            if (len(group) - 1) * delay <= FIRST_ROUND_WAIT for name in group
        ]

    def _take_ready(self, config: Config, fetcher: Fetcher, names: list[str]) -> list[str]:
        """The sources of a batch whose host may be asked now: one per host, as
        per_host_delay spaces a host's requests. The others run later, each at the
        slot its host will be free, on a one-off job: a worker that waited for a busy
        host would be a worker a source on another host cannot have (with 300 feeds
        on one host, a source elsewhere waited minutes)."""
        delay = config.http.per_host_delay
        scheduler = self._scheduler
        if delay <= 0 or scheduler is None or len(names) == 0:
            return names
        by_host: dict[str, list[SourceConfig]] = {}
        for name in names:
            source = _find_source(config, name)
            if source is not None:
                by_host.setdefault(host_of(source.url), []).append(source)
        taken: list[str] = []
        now = datetime.now(UTC)
        for group in by_host.values():
            wait = fetcher.host_wait(group[0].url)
            later = group
            if wait <= HOST_READY_SLACK:
                taken.append(group[0].name)
                later, wait = group[1:], wait + delay
            for n, source in enumerate(later):
                self._run_later(source.name, now + timedelta(seconds=wait + n * delay))
        return taken

    def _run_later(self, name: str, when: datetime) -> None:
        """Check a source at `when` (its host is busy until then); an earlier such run
        already planned for it stands, so a busy host never pushes a source back."""
        scheduler = self._scheduler
        job_id = HOST_WAIT_JOB_PREFIX + name
        try:
            if scheduler is None or not scheduler.running or scheduler.get_job(job_id):
                return
            scheduler.add_job(
                self._run_source,
                DateTrigger(run_date=when, timezone=UTC),
                args=(name,),
                id=job_id,
                name=f"check {name} (host busy)",
                misfire_grace_time=None,
            )
        except Exception:  # noqa: BLE001 - shutting down: the next start checks it
            log.debug("could not plan a later check of %s", name, exc_info=True)

    def _deliver_soon(self) -> None:
        """Bring the next outbox pass forward: news should not wait up to 30 s."""
        scheduler = self._scheduler
        try:
            if scheduler is not None and scheduler.running:
                scheduler.modify_job(DELIVERY_JOB, next_run_time=datetime.now(UTC))
        except Exception:  # noqa: BLE001 - shutting down: the outbox keeps it for next start
            log.debug("could not bring delivery forward", exc_info=True)

    def _deliver(self) -> None:
        """One pass over the outbox, due deliveries only (scraper.deliver keeps the backoff)."""
        state = self._state
        if state is None:
            return
        try:
            with self._notifier_lock:
                notifiers = dict(self._notifiers)
            # Each notifier's queue runs on its own thread; the pass returns after a short
            # while and leaves a slow send (a dripping webhook, up to its timeout) to
            # finish there. So the next pass, a reload and a stop never wait for it, and
            # a new alert to another notifier goes out meanwhile. A notifier still busy
            # is left to its queue; the leases in the state keep every alert sent once.
            report = deliver_pending(
                state, notifiers, datetime.now(UTC), due_only=True, max_seconds=DELIVERY_PASS
            )
            # scraper.deliver logs each alert sent or failed; this is for a closer look.
            log.debug("delivery pass: %s", report.summary())
        except Exception:  # noqa: BLE001 - the outbox keeps everything; try again next pass
            log.exception("delivery pass failed; pending alerts stay in the outbox")


def _find_source(config: Config, name: str) -> SourceConfig | None:
    return next((s for s in config.sources if s.name == name), None)


def _jitter(config: Config) -> timedelta:
    return timedelta(seconds=config.schedule.jitter)


def _quiet_scheduler_logs() -> None:
    # APScheduler logs two INFO lines per job run; the daemon's own line per cycle is
    # the one a user wants. Its warnings (a missed run) still show, but a run skipped
    # because the last one is still going is said once per job, in our words.
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
    scheduler_log = logging.getLogger("apscheduler.scheduler")
    if not any(isinstance(f, _StillRunning) for f in scheduler_log.filters):
        scheduler_log.addFilter(_StillRunning())


class _StillRunning(logging.Filter):
    """APScheduler warns at every interval that a job's previous run is still going
    (a slow host, an interval shorter than a check): max_instances=1 is our choice, so
    that is no fault. One line per job says so; the repeats are dropped."""

    def __init__(self) -> None:
        super().__init__()
        self._said: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if "maximum number of running instances reached" not in record.getMessage():
            return True
        args = record.args if isinstance(record.args, tuple) else ()
        job = str(getattr(args[0], "name", args[0])) if args else "a job"
        if job not in self._said:
            self._said.add(job)
            log.warning(
                "%s: the previous run is still going, so this one is skipped (said once; "
                "a longer interval, or a shorter http.timeout, avoids it)", job,
            )
        return False


def _quietly(close: Callable[[], Any]) -> None:
    try:
        close()
    except Exception:  # noqa: BLE001 - closing at exit: nothing left to save
        log.debug("error while closing", exc_info=True)
