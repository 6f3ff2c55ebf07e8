"""Delivery: the outbox -> notifiers, each notifier's queue on its own thread.

SPEC "Delivery and state": at-least-once, retried with backoff on transient errors,
given up visibly on permanent ones or after a bounded number of tries; one notifier
failing never blocks another. Notifiers raise TransientError or PermanentError and
this module needs to know nothing else about them.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import random
import secrets
import socket
import sqlite3
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from notifiers import Notifier, build_notifier
from notifiers.base import mask_secrets
from scraper.errors import PermanentError, TransientError, mask_registered
from scraper.store.state import Delivery, State, from_db_time, to_db_time

log = logging.getLogger("releasewatch.deliver")

# About 30 s, 2 m, 10 m, 1 h, 6 h, then a day: fast enough for a blip, slow enough
# never to hammer a service that is down.
BACKOFF = (30.0, 120.0, 600.0, 3600.0, 6 * 3600.0)
BACKOFF_CAP = 24 * 3600.0
JITTER = 0.2  # +-20 %, so many pending alerts do not retry in lockstep
MAX_TRIES = 10
GIVE_UP_AFTER = timedelta(hours=24)

_COOLDOWN_KEY = "deliver.cooldown."  # meta key prefix: "<fingerprint>|<time>" per notifier
# The notifier fingerprint is a hash of options that include secrets (a webhook URL, a
# password): what the state stores is an HMAC of it under this per-state random key, so
# the state file offers nothing to test guessed secrets against.
_FINGERPRINT_KEY = "deliver.fingerprint_key"

NotifierSet = Mapping[str, tuple[Notifier, str]]


@dataclass
class NotifierReport:
    """What one pass did for one notifier."""

    name: str
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    held: int = 0  # pending, not attempted: disabled, not configured, cooling down, busy
    disabled: str | None = None  # the reason, when this notifier is disabled
    note: str = ""  # why deliveries were held, when they were
    errors: list[str] = field(default_factory=list)  # masked

    @property
    def line(self) -> str:
        counts = [
            f"{n} {label}"
            for n, label in (
                (self.sent, "sent"),
                (self.retrying, "retrying"),
                (self.failed, "failed"),
                (self.held, "held"),
            )
            if n
        ]
        text = f"{self.name}: {', '.join(counts) or 'nothing due'}"
        if self.disabled:
            text += f"; disabled: {self.disabled}"
        elif self.note:
            text += f"; {self.note}"
        if self.errors:
            text += f"; last error: {self.errors[-1]}"
        return text


@dataclass
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    disabled: int = 0  # notifiers disabled (by now) that had deliveries waiting
    held: int = 0
    notifiers: dict[str, NotifierReport] = field(default_factory=dict)
    # Why sending stopped part-way (the state could not be written), if it did.
    stopped: str | None = None

    @property
    def lines(self) -> list[str]:
        return [self.notifiers[name].line for name in sorted(self.notifiers)]

    def summary(self) -> str:
        """One line for a command's output: "2 sent, 1 retrying, 1 held (1 notifier disabled)"."""
        counts = [
            f"{n} {label}"
            for n, label in (
                (self.sent, "sent"),
                (self.retrying, "retrying"),
                (self.failed, "failed"),
                (self.held, "held"),
            )
            if n
        ]
        text = ", ".join(counts) or "nothing pending"
        if self.disabled:
            text += f" ({self.disabled} notifier{'s' if self.disabled > 1 else ''} disabled)"
        if self.stopped:
            text += f"; stopped: {self.stopped}"
        return text

    def _add(self, part: NotifierReport) -> None:
        self.notifiers[part.name] = part
        self.sent += part.sent
        self.retrying += part.retrying
        self.failed += part.failed
        self.held += part.held
        self.disabled += 1 if part.disabled else 0


def build_notifiers(config: Any) -> dict[str, tuple[Notifier, str]]:
    """name -> (notifier, fingerprint) for every enabled notifier in a loaded Config."""
    built: dict[str, tuple[Notifier, str]] = {}
    # A notifier with `enabled: false` never reaches Config.notifiers (config drops it).
    for entry in config.notifiers:
        # Building it registers its secrets with the log filter (notifiers.base.Notifier).
        notifier = build_notifier(entry.name, entry.type, dict(entry.options))
        built[entry.name] = (notifier, entry.fingerprint)
    return built


def next_attempt(
    delivery: Delivery,
    now: datetime,
    rng: random.Random,
    retry_after: float | None = None,
) -> datetime | None:
    """When to try again after a transient failure of this delivery, or None to give up."""
    tries = delivery.attempts + 1  # counting the one that just failed
    deadline = delivery.created_at + GIVE_UP_AFTER
    if tries >= MAX_TRIES or now >= deadline:
        return None
    base = BACKOFF[tries - 1] if tries <= len(BACKOFF) else BACKOFF_CAP
    delay = min(base, BACKOFF_CAP) * rng.uniform(1 - JITTER, 1 + JITTER)
    # The last try lands on the deadline rather than past it, so 24 h means 24 h.
    when = min(now + timedelta(seconds=delay), deadline)
    if retry_after and retry_after > 0:
        # The service said when (Discord's retry_after): never earlier than that, but
        # never past the give-up horizon either: a "1e12" or "inf" would overflow the
        # date (and leave the attempt unrecorded); the last try lands on the deadline.
        wait = min(float(retry_after), GIVE_UP_AFTER.total_seconds())
        when = min(max(when, now + timedelta(seconds=wait)), deadline)
    return when


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


# Deliveries sent whose record could not be written (a full disk), per state file:
# written first by the next pass, before anything else is sent, so a send whose record
# failed is not sent again while this process lives.
_unrecorded: dict[str, list[tuple[int, datetime, bool, str | None, datetime | None, bool]]] = {}
_unrecorded_lock = threading.Lock()

# Spare seconds on a delivery's lease beyond the longest its send may take.
LEASE_SLACK = 60.0


class StateWriteFailed(Exception):
    """The state could not be written after a send: stop sending for this pass."""


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
    problem = _write_unrecorded(state, path)
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
        if due_only and _cooling_down(state, name, fingerprint, now):
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
        token = _new_token()
        lease = timedelta(seconds=_lease_seconds(self.notifier))
        try:
            if delivery.claim_token and _holder_gone(delivery.claim_token):
                # Its run died mid-send (kill -9, a crash): no need to wait out the lease.
                self.state.release_delivery(delivery.id, delivery.claim_token)
            claimed = self.state.claim_delivery(
                delivery.id, delivery.attempts, token, at, at + lease, GIVE_UP_AFTER
            )
        except sqlite3.Error as exc:
            raise StateWriteFailed(_write_problem(exc)) from None
        if not claimed:
            self.part.held += 1
            self.part.note = "being sent by another run"
            return "held"
        return _attempt(
            self.state, self.name, self.notifier, self.fingerprint, delivery, at,
            self.rng, self.part, forced=not waiting_over(delivery, self.now),
        )


_HOST = socket.gethostname()


def _new_token() -> str:
    """A lease's token names its holder (host, process) so a run on the same machine can
    tell a lease whose process is gone, and a random part so no two leases are alike."""
    return f"{os.getpid()}@{_HOST}:{secrets.token_hex(8)}"


def _holder_gone(token: str) -> bool:
    """Whether the lease's process is known to be dead: on this host, no such pid."""
    holder, _, _ = token.partition(":")
    pid, _, host = holder.partition("@")
    if host != _HOST or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, someone else's
    return False


def _lease_seconds(notifier: Notifier) -> float:
    """The longest one send may take (each HTTP try's deadline, the pauses it may sleep
    out) and a margin: a lease shorter than its send would let another run send too."""
    options = getattr(notifier, "options", {}) or {}
    try:
        timeout = float(options.get("timeout") or 20)
        max_wait = float(options.get("max_wait") or 0)
    except (TypeError, ValueError):
        timeout, max_wait = 20.0, 0.0
    tries = int(getattr(notifier, "max_tries", 1) or 1)
    return timeout * tries + max_wait + LEASE_SLACK


def waiting_over(delivery: Delivery, now: datetime) -> bool:
    """Whether the delivery is due by its schedule (not only forced by `check --now`)."""
    return not waiting(delivery.next_attempt_at, now)


def _attempt(
    state: State,
    name: str,
    notifier: Notifier,
    fingerprint: str,
    delivery: Delivery,
    now: datetime,
    rng: random.Random,
    part: NotifierReport,
    *,
    forced: bool = False,
) -> str:
    """Send one delivery and record the attempt; returns sent | transient | failed | disabled.

    `forced`: tried before it was due (`check --now`). A transient failure then is
    recorded but spends nothing: the count and the next due time stay as they were.
    Raises StateWriteFailed when the attempt cannot be recorded.
    """
    alert = delivery.alert
    record = _Recorder(state, delivery)
    try:
        notifier.send(alert)
    except TransientError as exc:
        error = _masked(notifier, exc)
        if forced:
            part.retrying += 1
            part.errors.append(error)
            record(now, ok=False, error=error, next_attempt_at=delivery.next_attempt_at,
                   counted=False)
            log.warning("alert %s via %s failed: %s; kept for its next try at %s UTC",
                        alert.id, name, error, f"{delivery.next_attempt_at:%Y-%m-%d %H:%M:%S}")
            return "transient"
        when = next_attempt(delivery, now, rng, exc.retry_after)
        if when is None:
            error = f"{error} (given up after {delivery.attempts + 1} tries)"
            part.failed += 1
        else:
            part.retrying += 1
        part.errors.append(error)
        record(now, ok=False, error=error, next_attempt_at=when)
        if when is not None:
            record.write(_set_cooldown, state, name, fingerprint, when)
        log.warning(
            "alert %s via %s failed: %s; %s",
            alert.id,
            name,
            error,
            f"next try at {when:%Y-%m-%d %H:%M:%S} UTC" if when else "given up",
        )
        return "transient"
    except PermanentError as exc:
        error = _masked(notifier, exc)
        part.failed += 1
        part.errors.append(error)
        record(now, ok=False, error=error, next_attempt_at=None)
        log.error("alert %s via %s failed for good: %s", alert.id, name, error)
        if exc.disable:
            record.write(state.disable_notifier, name, fingerprint, error, now)
            part.disabled = error
            log.error(
                "notifier %s disabled until its config changes (the service refused it: %s)",
                name,
                error,
            )
            return "disabled"
        return "failed"
    except Exception as exc:  # noqa: BLE001 - a notifier bug is retried, never loses the alert
        error = mask_secrets(f"internal error: {type(exc).__name__}: {exc}", notifier.secrets())
        log.exception("alert %s via %s: %s", alert.id, name, error)
        if forced:
            part.retrying += 1
            part.errors.append(error)
            record(now, ok=False, error=error, next_attempt_at=delivery.next_attempt_at,
                   counted=False)
            return "transient"
        when = next_attempt(delivery, now, rng)
        part.errors.append(error)
        if when is None:
            part.failed += 1
        else:
            part.retrying += 1
        record(now, ok=False, error=error, next_attempt_at=when)
        if when is not None:
            record.write(_set_cooldown, state, name, fingerprint, when)
        return "transient"
    part.sent += 1
    record(now, ok=True, error=None, next_attempt_at=None)
    record.write(_set_cooldown, state, name, fingerprint, None)
    log.info("alert %s (%s) sent via %s", alert.id, alert.event, name)
    return "sent"


class _Recorder:
    """Writes one attempt's outcome; a state that cannot be written (a full disk) keeps
    the outcome in memory for the next pass and stops this one (StateWriteFailed)."""

    def __init__(self, state: State, delivery: Delivery):
        self.state, self.delivery = state, delivery

    def __call__(
        self,
        at: datetime,
        *,
        ok: bool,
        error: str | None,
        next_attempt_at: datetime | None,
        counted: bool = True,
    ) -> None:
        outcome = (self.delivery.id, at, ok, error, next_attempt_at, counted)
        try:
            self.state.record_delivery_attempt(
                self.delivery.id, at, ok=ok, error=error, next_attempt_at=next_attempt_at,
                counted=counted,
            )
        except sqlite3.Error as exc:
            with _unrecorded_lock:
                _unrecorded.setdefault(str(Path(self.state.path).resolve()), []).append(outcome)
            raise StateWriteFailed(_write_problem(exc)) from None

    def write(self, write: Any, *args: Any) -> None:
        try:
            write(*args)
        except sqlite3.Error as exc:
            raise StateWriteFailed(_write_problem(exc)) from None


def _write_problem(exc: sqlite3.Error) -> str:
    return (
        f"the state file cannot be written ({exc}); no more alerts are sent until it can be"
    )


def _write_unrecorded(state: State, path: str) -> str | None:
    """Record the outcomes a previous pass could not; the problem when it still cannot."""
    with _unrecorded_lock:
        waiting_list = _unrecorded.pop(path, [])
        while waiting_list:
            delivery_id, at, ok, error, when, counted = waiting_list[0]
            try:
                state.record_delivery_attempt(
                    delivery_id, at, ok=ok, error=error, next_attempt_at=when, counted=counted
                )
            except sqlite3.Error as exc:
                _unrecorded[path] = waiting_list
                return _write_problem(exc)
            waiting_list.pop(0)
    return None


def _masked(notifier: Notifier, exc: Exception) -> str:
    # Notifiers mask their own messages; masking again here is the belt to those braces.
    return mask_registered(notifier.mask(str(exc) or type(exc).__name__))


def stored_fingerprint(state: State, fingerprint: str) -> str:
    """The form of a notifier's config fingerprint the state keeps: keyed, never bare."""
    key = state.get_meta(_FINGERPRINT_KEY)
    if key is None:
        with state.transaction():  # one key per state, whoever creates it first
            key = state.get_meta(_FINGERPRINT_KEY)
            if key is None:
                key = secrets.token_hex(32)
                state.set_meta(_FINGERPRINT_KEY, key)
    return hmac.new(bytes.fromhex(key), fingerprint.encode(), hashlib.sha256).hexdigest()


def _set_cooldown(state: State, name: str, fingerprint: str, until: datetime | None) -> None:
    state.set_meta(_COOLDOWN_KEY + name, f"{fingerprint}|{to_db_time(until)}" if until else "")


def _cooling_down(state: State, name: str, fingerprint: str, now: datetime) -> bool:
    value = state.get_meta(_COOLDOWN_KEY + name) or ""
    stored_fingerprint, _, until = value.partition("|")
    if not until or stored_fingerprint != fingerprint:
        return False  # a changed config gets its chance at once
    return waiting(from_db_time(until), now)


def waiting(until: datetime | None, now: datetime) -> bool:
    """Whether a stored wait still holds. One ending further away than the give-up horizon
    was not written by this clock (it jumped back since): it holds nothing, else a clock
    set years ahead once would hold every alert for years."""
    return until is not None and now < until <= now + GIVE_UP_AFTER
