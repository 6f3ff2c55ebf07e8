"""A delivery pass: the outbox -> notifiers, each notifier's queue on its own thread.

SPEC "Delivery and state": at-least-once, retried with backoff on transient errors,
given up visibly on permanent ones or after a bounded number of tries; one notifier
failing never blocks another. Notifiers raise TransientError or PermanentError and
this package needs to know nothing else about them.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from notifiers import Notifier, build_notifier
from scraper.store.state import Delivery, State

from .attempt import attempt
from .fingerprints import stored_fingerprint
from .lease import holder_gone, lease_seconds, new_token
from .record import StateWriteFailed, write_problem, write_unrecorded
from .reports import DeliveryReport, NotifierReport
from .schedule import GIVE_UP_AFTER, cooling_down, waiting_over

log = logging.getLogger("releasewatch.deliver")

NotifierSet = Mapping[str, tuple[Notifier, str]]


def build_notifiers(config: Any) -> dict[str, tuple[Notifier, str]]:
    """name -> (notifier, fingerprint) for every enabled notifier in a loaded Config."""
    built: dict[str, tuple[Notifier, str]] = {}
    # A notifier with `enabled: false` never reaches Config.notifiers (config drops it).
    for entry in config.notifiers:
        # Building it registers its secrets with the log filter (notifiers.base.Notifier).
        notifier = build_notifier(entry.name, entry.type, dict(entry.options))
        built[entry.name] = (notifier, entry.fingerprint)
    return built


# Notifier queues still running (a pass that hit max_seconds leaves them to finish):
# a later pass in this process leaves that notifier to them, so its alerts keep their
# order. What keeps a delivery from being sent twice, by this process or another one
# (`check` beside `run`), is its lease in the state (State.claim_delivery), not this.
_busy: set[tuple[str, str]] = set()
_busy_lock = threading.Lock()

# Queue threads still sending (a pass with max_seconds leaves them running).
_sending: set[threading.Thread] = set()


def wait_for_sends(seconds: float) -> bool:
    """Wait up to `seconds` for every queue thread still sending; True when none is left
    (the daemon's stop: a send in flight gets the stop's grace to finish and be recorded)."""
    end = time.monotonic() + seconds
    while True:
        with _busy_lock:
            left = [thread for thread in _sending if thread.is_alive()]
        if not left:
            return True
        remaining = end - time.monotonic()
        if remaining <= 0:
            return False
        left[0].join(remaining)


def deliver_pending(
    state: State,
    notifiers: NotifierSet,
    now: datetime,
    *,
    due_only: bool = True,
    rng: random.Random | None = None,
    max_seconds: float | None = None,
) -> DeliveryReport:
    """Try the pending deliveries that are due once each (due_only=False: every pending
    one, now: `releasewatch check --now`).

    An attempt forced before its time does not spend the retry budget: a failure keeps
    the delivery's count and its next due time (the budget is spent in time, whoever
    calls). Each delivery is leased in the state before it is sent, so a run beside this
    one never sends it too. With max_seconds, queues stop starting new sends after that
    long and the pass returns; a send in progress finishes on its own thread.
    """
    rng = rng or random.Random()
    report = DeliveryReport()
    path = str(Path(state.path).resolve())
    problem = write_unrecorded(state, path)
    queues: dict[str, list[Delivery]] = {}
    for delivery in state.pending_deliveries(now, due_only=due_only, horizon=GIVE_UP_AFTER):
        queues.setdefault(delivery.notifier, []).append(delivery)
    if problem:
        # Sending now would only send again what could not be recorded.
        report.stopped = problem
        for name, queue in queues.items():
            report._add(NotifierReport(name, held=len(queue), note="state not writable"))
        return report

    started = time.monotonic()
    deadline = started + max_seconds if max_seconds is not None else None
    stop = _Stop()
    threads: list[tuple[threading.Thread, NotifierReport]] = []
    for name in sorted(queues):
        queue = queues[name]
        part = NotifierReport(name)
        if name not in notifiers:
            part.held, part.note = len(queue), "not configured (kept pending)"
            log.warning(
                "%d pending alert(s) for notifier %r, which is not configured", len(queue), name
            )
            report._add(part)
            continue
        notifier, fingerprint = notifiers[name]
        fingerprint = stored_fingerprint(state, fingerprint)
        reason = state.notifier_disabled(name, fingerprint)
        if reason:
            part.held, part.disabled = len(queue), notifier.mask(reason)
            report._add(part)
            continue
        if due_only and cooling_down(state, name, fingerprint, now):
            part.held, part.note = len(queue), "waiting after a transient failure"
            report._add(part)
            continue
        key = (path, name)
        with _busy_lock:
            if key in _busy:
                part.held, part.note = len(queue), "a previous pass is still sending"
                report._add(part)
                continue
            _busy.add(key)
        queue_run = _Queue(state, name, notifier, fingerprint, queue, now, due_only, rng,
                           started, deadline, part, key, stop)
        thread = threading.Thread(target=queue_run.run, name=f"deliver-{name}", daemon=True)
        with _busy_lock:
            _sending.add(thread)
        thread.start()
        threads.append((thread, part))

    for thread, part in threads:
        thread.join(None if deadline is None else max(deadline - time.monotonic(), 0.0))
        if thread.is_alive():
            part.note = "still sending when the pass ended"
        report._add(part)
    report.stopped = stop.reason
    return report


class _Stop:
    """Set by the first queue that cannot write the state: the others send no more."""

    def __init__(self) -> None:
        self.reason: str | None = None

    def set(self, reason: str) -> None:
        if self.reason is None:
            self.reason = reason
            log.error("delivery stopped for this pass: %s", reason)


@dataclass
class _Queue:
    """One notifier's deliveries of one pass, oldest first, on its own thread."""

    state: State
    name: str
    notifier: Notifier
    fingerprint: str
    queue: Sequence[Delivery]
    now: datetime
    due_only: bool
    rng: random.Random
    started: float
    deadline: float | None
    part: NotifierReport
    busy_key: tuple[str, str]
    stop: _Stop

    def run(self) -> None:
        part = self.part
        try:
            for index, delivery in enumerate(self.queue):
                rest = len(self.queue) - index
                if self.stop.reason:
                    part.held += rest
                    part.note = "state not writable (kept pending)"
                    return
                if self.deadline is not None and time.monotonic() >= self.deadline:
                    part.held += rest
                    part.note = "pass time limit reached (kept pending)"
                    return
                outcome = self._claimed_attempt(delivery)
                if outcome == "disabled":
                    part.held += rest - 1
                    return
                if outcome == "transient" and self.due_only:
                    # Don't hammer a failing service with the rest of its queue: they wait
                    # as long as the one that failed (the cooldown), then go oldest first.
                    part.held += rest - 1
                    if part.held:
                        part.note = "waiting after a transient failure"
                    return
        except StateWriteFailed as exc:
            self.stop.set(str(exc))
            part.note = "state not writable (kept pending)"
        except Exception:  # noqa: BLE001 - a state error must not vanish with its thread
            log.exception("delivery via %s stopped", self.name)
        finally:
            with _busy_lock:
                _busy.discard(self.busy_key)
                _sending.discard(threading.current_thread())

    def _claimed_attempt(self, delivery: Delivery) -> str:
        # The time now, on the pass's clock: a queue's tenth send starts later than its first.
        at = self.now + timedelta(seconds=time.monotonic() - self.started)
        token = new_token()
        lease = timedelta(seconds=lease_seconds(self.notifier))
        try:
            if delivery.claim_token and holder_gone(delivery.claim_token):
                # Its run died mid-send (kill -9, a crash): no need to wait out the lease.
                self.state.release_delivery(delivery.id, delivery.claim_token)
            claimed = self.state.claim_delivery(
                delivery.id, delivery.attempts, token, at, at + lease, GIVE_UP_AFTER
            )
        except sqlite3.Error as exc:
            raise StateWriteFailed(write_problem(exc)) from None
        if not claimed:
            self.part.held += 1
            self.part.note = "being sent by another run"
            return "held"
        return attempt(
            self.state, self.name, self.notifier, self.fingerprint, delivery, at,
            self.rng, self.part, forced=not waiting_over(delivery, self.now),
        )
