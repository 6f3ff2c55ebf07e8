"""`releasewatch run` on a PostgreSQL state: one of any number of workers.

No cluster protocol, broker or leader of our own: the database is the coordinator.
Each worker runs a claim loop (claim due sources, check them, each committed only
while its claim holds) and a delivery loop (claim each notifier's due deliveries,
write the in-flight attempt, send, record). Both are woken by LISTEN/NOTIFY when
another worker commits news, with a short poll as the fallback. A worker that dies
costs its leases: its sources come due again after `SOURCE_LEASE`, and a delivery
it was sending is sent again after `DELIVERY_LEASE` (same alert id, so the same
Idempotency-Key; the unanswered attempt stays in `history`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import random
import signal
import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from scraper.config.settings import Config, load_config
from scraper.cycle import Claims, check_sources
from scraper.deliver import build_notifiers, next_attempt, stored_fingerprint
from scraper.deliver.schedule import cooling_down, set_cooldown
from scraper.errors import ConfigError, PermanentError, TransientError, mask_registered
from scraper.fetch.fetcher import Fetcher
from scraper.runtime.config_sync import sync_config
from scraper.runtime.daemon import cycle_log_lines
from scraper.store.db import WAKE_CHANNEL
from scraper.store.dialect import shown_url
from scraper.store.state import State
from scraper.store.work import SharedHostSlots, new_token

log = logging.getLogger("releasewatch.worker")

SOURCE_LEASE = timedelta(minutes=5)  # longer than any one source's check
DELIVERY_LEASE = timedelta(seconds=60)  # longer than a notifier's send timeout
POLL = 2.0  # seconds: the fallback when no NOTIFY arrives (at most half an interval)
HEARTBEAT = 1.0  # seconds between a worker's heartbeats (one small UPDATE)
# Not seen for this long: dead (or stalled), and its claims are void at once.
STALE = timedelta(seconds=5)
BATCH = 16  # sources claimed at once: fetched together, committed one by one
SHUTDOWN_GRACE = 8.0  # the whole stop stays within 10 s, as the daemon's does


def _env_seconds(name: str, default: float) -> float:
    # For the tests (a lease of seconds, not minutes); not a documented setting.
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


class Worker:
    def __init__(self, config: Config, *, rng: random.Random | None = None):
        self.config = config
        # The worker's id is its claim token: a dead worker's claims are found by it.
        self.id = f"{socket.gethostname()}:{os.getpid()}:{new_token()[:12]}"
        self.token = self.id
        self.source_lease = timedelta(
            seconds=_env_seconds("RELEASEWATCH_SOURCE_LEASE", SOURCE_LEASE.total_seconds())
        )
        self.delivery_lease = timedelta(
            seconds=_env_seconds("RELEASEWATCH_DELIVERY_LEASE", DELIVERY_LEASE.total_seconds())
        )
        shortest = min(
            [config.schedule.interval, *(s.interval for s in config.sources if s.interval)]
        )
        self.poll = _env_seconds("RELEASEWATCH_POLL", min(POLL, shortest / 2))
        self._rng = rng or random.Random()
        self._stop = threading.Event()
        self._sources_wake = threading.Event()
        self._outbox_wake = threading.Event()
        self._signals: list[int] = []
        self._reloads: list[int] = []  # SIGHUPs not yet acted on
        # Bumped by each reload: the loops rebuild their fetcher and notifiers from
        # self.config when it moves (a send running on an old notifier finishes there).
        self._generation = 0
        self._threads: list[threading.Thread] = []
        self._states: list[State] = []

    # -- lifecycle --------------------------------------------------------------------

    def run(self) -> int:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda num, frame: self._signals.append(num))
        # SIGHUP re-reads the config, as the SQLite daemon does (systemctl reload): its
        # default would end the worker on the spot.
        signal.signal(signal.SIGHUP, lambda num, frame: self._reloads.append(num))
        started = datetime.now(UTC)
        main = self._open()
        self._sync(main)
        # The notifiers this worker can send through: status shows who knows which.
        known = [n.name for n in self.config.notifiers]
        main.worker_seen(self.id, started, started, known)
        main.reap_workers(started, STALE)
        log.info("worker %s started (pid %d): %d source(s), %d notifier(s)", self.id,
                 os.getpid(), len(self.config.sources), len(self.config.notifiers))
        for target, name in ((self._claim_loop, "claim"), (self._delivery_loop, "deliver"),
                             (self._listen, "listen")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        last_beat = 0.0
        while not self._signals:
            if self._reloads:
                self._reloads.clear()
                if self.reload(main):
                    known = [n.name for n in self.config.notifiers]
                    last_beat = 0.0  # say at once which notifiers it now knows
            if time.monotonic() - last_beat >= HEARTBEAT:
                try:
                    now = datetime.now(UTC)
                    main.worker_seen(self.id, now, started, known)
                    for dead in main.reap_workers(now, STALE):
                        log.warning("worker %s stopped answering: its work is due again", dead)
                        self._sources_wake.set()
                        self._outbox_wake.set()
                except Exception as exc:  # noqa: BLE001 - the database may be away a while
                    log.warning("heartbeat failed: %s", mask_registered(str(exc)))
                last_beat = time.monotonic()
            time.sleep(0.1)
        log.info("%s received: stopping", signal.Signals(self._signals[0]).name)
        self._stop.set()
        self._sources_wake.set()
        self._outbox_wake.set()
        deadline = time.monotonic() + SHUTDOWN_GRACE
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        with contextlib.suppress(Exception):
            main.worker_gone(self.id)
        if any(thread.is_alive() for thread in self._threads[:2]):
            # A fetch or send outlived the grace: nothing of it is committed, its claim
            # is void (worker_gone above) and another worker takes it at once.
            log.warning("in-flight work did not finish within %.0f s; exiting anyway",
                        SHUTDOWN_GRACE)
            logging.shutdown()
            os._exit(0)
        for state in self._states:
            with contextlib.suppress(Exception):
                state.close()
        log.info("stopped")
        return 0

    def _open(self) -> State:
        state = State(self.config.state_path)
        self._states.append(state)
        return state

    def reload(self, state: State) -> bool:
        """Re-read the config (SIGHUP): upserted as at the start, then the loops take it
        up. A config that fails validation is logged and the running one kept."""
        old = self.config
        try:
            new = load_config(old.path)
            for warning in new.warnings:
                log.warning("reload: %s", warning)
            if str(new.state_path) != str(old.state_path):
                # The YAML's state was edited, or --state named another at the start: the
                # state changes with a restart only.
                log.warning("reload: the config names the state %s; this worker keeps %s"
                            " until it restarts", _shown(new.state_path),
                            _shown(old.state_path))
                new = dataclasses.replace(new, state_path=old.state_path)
            for notifier, _ in build_notifiers(new).values():  # their settings hold
                notifier.close()
            sync_config(new, state, datetime.now(UTC))
        except ConfigError as exc:
            for line in exc.errors:
                log.error("reload: %s", line)
            log.error("reload: config not valid; still running with the previous one")
            return False
        except Exception as exc:  # noqa: BLE001 - a reload must never take the worker down
            log.error("reload failed (%s); still running with the previous one",
                      mask_registered(f"{type(exc).__name__}: {exc}"))
            return False
        self.config = new
        self._generation += 1
        self._sources_wake.set()
        self._outbox_wake.set()
        log.info("reloaded %s: %d source(s), %d notifier(s)", new.path, len(new.sources),
                 len(new.notifiers))
        return True

    def _sync(self, state: State) -> None:
        """The YAML stays the source of truth: its sources, watches and notifiers (never
        their secrets) are upserted into the database, under an advisory lock, by every
        worker that starts."""
        sync_config(self.config, state, datetime.now(UTC))

    def _next_check(self, config: Config, now: datetime) -> Any:
        by_name = {s.name: s for s in config.sources}
        schedule = config.schedule

        def due(name: str) -> datetime:
            source = by_name.get(name)
            interval = (source.interval if source and source.interval else None) or (
                schedule.interval
            )
            return now + timedelta(seconds=interval + self._rng.uniform(0, schedule.jitter))

        return due

    # -- the claim loop ---------------------------------------------------------------

    def _claim_loop(self) -> None:
        state = self._open()
        # per_host_delay across every worker: a host's slot is taken in the database
        # (one statement) before a fetch, on a connection of its own.
        slots = SharedHostSlots(self._open())
        fetcher, generation = Fetcher(self.config.http, host_slots=slots), self._generation
        # Sources another config holds (mid roll-out): handed back once and not claimed
        # again until a reload, so the workers that can check them find them due.
        foreign: set[str] = set()
        try:
            while not self._stop.is_set():
                try:
                    now = datetime.now(UTC)
                    names = state.claim_sources(
                        self.token, now, self.source_lease, BATCH, skip=foreign
                    )
                    if not names:
                        self._sources_wake.wait(self.poll)
                        self._sources_wake.clear()
                        continue
                    # Read after the claim: a source a reload added is in the database
                    # a moment before it is in self.config, and is handed back meanwhile.
                    config = self.config
                    if generation != self._generation:  # reloaded: new http settings
                        generation = self._generation
                        foreign.clear()
                        if config.http != fetcher.http:
                            fetcher.close()
                            fetcher = Fetcher(config.http, host_slots=slots)
                    mine = self._hand_back_unknown(state, config, names, now, foreign)
                    if not mine:
                        continue
                    claims = Claims(self.token, self._next_check(config, now))
                    began = time.monotonic()
                    report = check_sources(config, state, fetcher, now, mine, claims=claims)
                    seconds = time.monotonic() - began
                    for name in mine:
                        if name not in report.lost:
                            for level, line in cycle_log_lines(name, report, None, seconds):
                                log.log(level, line)
                    if report.alerts:  # the other workers were woken by the commit
                        self._outbox_wake.set()
                    if report.lost:
                        log.warning("%d source(s) lost to another worker before their"
                                    " result was written: %s", len(report.lost),
                                    ", ".join(report.lost))
                except Exception as exc:  # noqa: BLE001 - keep working; the lease protects
                    log.error("claim loop: %s", mask_registered(f"{type(exc).__name__}: {exc}"))
                    self._stop.wait(self.poll)
        finally:
            fetcher.close()

    def _hand_back_unknown(
        self, state: State, config: Config, names: list[str], now: datetime,
        foreign: set[str],
    ) -> list[str]:
        """The claimed sources this worker's config holds. The others (another config, mid
        roll-out) are handed back at once, still due, and the other workers woken: held,
        they would wait out the whole lease unchecked. They join `foreign`."""
        known = {s.name for s in config.sources}
        unknown = [n for n in names if n not in known]
        for name in unknown:
            state.finish_claim(name, self.token, now)
        if unknown:
            foreign.update(unknown)
            state.wake_workers("sources")
            log.info("not in this worker's config, left to the workers that have it: %s",
                     ", ".join(unknown))
        return [n for n in names if n in known]

    # -- the delivery loop ------------------------------------------------------------

    def _delivery_loop(self) -> None:
        state = self._open()
        notifiers, generation = build_notifiers(self.config), self._generation
        while not self._stop.is_set():
            if generation != self._generation:  # reloaded: the notifiers as configured now
                generation = self._generation
                retired, notifiers = notifiers, build_notifiers(self.config)
                for notifier, _ in retired.values():
                    with contextlib.suppress(Exception):
                        notifier.close()
            sent_any = False
            try:
                for name, (notifier, fingerprint) in notifiers.items():
                    if self._stop.is_set():
                        break
                    stored = stored_fingerprint(state, fingerprint)
                    if state.notifier_disabled(name, stored):
                        continue
                    now = datetime.now(UTC)
                    # After a transient failure the notifier's queue waits behind the
                    # alert that failed, as the single daemon's does (deliver/schedule):
                    # a failing service is not hammered, and alerts keep their order.
                    if cooling_down(state, name, stored, now):
                        continue
                    batch = state.claim_deliveries(
                        name, self.token, now, self.delivery_lease, 10
                    )
                    for index, delivery in enumerate(batch):
                        sent_any = True
                        if not self._send(state, name, notifier, stored, delivery):
                            # The rest go back unsent, not held until their lease ends.
                            for rest in batch[index + 1:]:
                                state.release_delivery(rest.id, self.token)
                            break
            except Exception as exc:  # noqa: BLE001
                log.error("delivery loop: %s", mask_registered(f"{type(exc).__name__}: {exc}"))
            if not sent_any:
                self._outbox_wake.wait(self.poll)
                self._outbox_wake.clear()

    def _send(self, state: State, name: str, notifier: Any, fingerprint: str,
              delivery: Any) -> bool:
        """One claimed delivery; False stops this notifier's batch (disabled, or failing)."""
        now = datetime.now(UTC)
        attempt = state.begin_attempt(delivery.id, self.token, now)
        if attempt is None:
            return True  # the lease ran out before the send: another worker has it
        sending = threading.Event()
        renewer = threading.Thread(
            target=self._renew, args=(state, delivery.id, sending), daemon=True
        )
        renewer.start()
        try:
            return self._send_and_record(state, name, notifier, fingerprint, delivery,
                                         attempt, now)
        finally:
            sending.set()

    def _send_and_record(self, state: State, name: str, notifier: Any, fingerprint: str,
                         delivery: Any, attempt: int, now: datetime) -> bool:
        alert = delivery.alert
        try:
            notifier.send(alert)
        except TransientError as exc:
            error = mask_registered(notifier.mask(str(exc) or type(exc).__name__))
            when = next_attempt(delivery, now, self._rng, exc.retry_after)
            self._record(state, delivery.id, attempt, now, ok=False, error=error,
                         next_attempt_at=when)
            if when is not None:
                set_cooldown(state, name, fingerprint, when)
            log.warning("alert %s via %s failed: %s", alert.id, name, error)
            return False
        except PermanentError as exc:
            error = mask_registered(notifier.mask(str(exc) or type(exc).__name__))
            self._record(state, delivery.id, attempt, now, ok=False, error=error,
                         next_attempt_at=None)
            log.error("alert %s via %s failed for good: %s", alert.id, name, error)
            if exc.disable:
                state.disable_notifier(name, fingerprint, error, now)
                return False
            return True
        except Exception as exc:  # noqa: BLE001 - a notifier bug is retried, never lost
            error = mask_registered(f"internal error: {type(exc).__name__}: {exc}")
            when = next_attempt(delivery, now, self._rng)
            self._record(state, delivery.id, attempt, now, ok=False, error=error,
                         next_attempt_at=when)
            if when is not None:
                set_cooldown(state, name, fingerprint, when)
            return False
        self._record(state, delivery.id, attempt, datetime.now(UTC), ok=True, error=None,
                     next_attempt_at=None)
        set_cooldown(state, name, fingerprint, None)
        log.info("alert %s (%s) sent via %s", alert.id, alert.event, name)
        return True

    def _record(self, state: State, delivery_id: int, attempt: int, at: datetime,
                **outcome: Any) -> None:
        """A send's outcome, written however long the database is away (a restart, a
        failover): left unwritten, the delivery's lease would run out and the alert be
        sent again, though the receiver has it. Only a stop gives up, leaving the repeat
        SPEC allows to a process that ends mid-send; and only a lost connection is waited
        out: any other error (a value the database refuses) would fail the same way for
        ever, with every notifier of this worker stuck behind it."""
        import psycopg  # (workers run on PostgreSQL only)

        while True:
            try:
                state.finish_attempt(delivery_id, attempt, at, **outcome)
                return
            except Exception as exc:  # noqa: BLE001 - the database may be away a while
                if self._stop.is_set() or not isinstance(
                    exc, psycopg.OperationalError | psycopg.InterfaceError
                ):
                    raise
                log.warning("recording the send of delivery %d failed (%s); trying again",
                            delivery_id, mask_registered(str(exc)))
                self._stop.wait(0.5)

    def _renew(self, state: State, delivery_id: int, done: threading.Event) -> None:
        """The delivery's lease, renewed every third of it while the send runs."""
        every = self.delivery_lease.total_seconds() / 3
        while not done.wait(every):
            with contextlib.suppress(Exception):
                state.renew_delivery(
                    delivery_id, self.token, datetime.now(UTC) + self.delivery_lease
                )

    # -- LISTEN/NOTIFY ----------------------------------------------------------------

    def _listen(self) -> None:
        """Wake the loops when another worker commits news; the poll covers a lost one."""
        import psycopg

        url = str(getattr(self._states[0], "url", self.config.state_path))
        while not self._stop.is_set():
            try:
                with psycopg.connect(url, autocommit=True) as conn:
                    conn.execute(f"LISTEN {WAKE_CHANNEL}")
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0, stop_after=1):
                            if note.payload == "outbox":
                                self._outbox_wake.set()
                            else:
                                self._sources_wake.set()
            except Exception as exc:  # noqa: BLE001
                log.debug("listen: %s", mask_registered(str(exc)))
                self._stop.wait(self.poll)


def _shown(location: object) -> str:
    return shown_url(location) if isinstance(location, str) else str(location)
