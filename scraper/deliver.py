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
import random
import secrets
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
    if retry_after:
        # The service said when (Discord's retry_after): never earlier than that.
        when = max(when, now + timedelta(seconds=retry_after))
    return when


# Notifier queues still running (a pass that hit max_seconds leaves them to finish):
# a later pass must not send the same delivery again alongside them.
_busy: set[tuple[str, str]] = set()
_busy_lock = threading.Lock()


def deliver_pending(
    state: State,
    notifiers: NotifierSet,
    now: datetime,
    *,
    due_only: bool = True,
    rng: random.Random | None = None,
    max_seconds: float | None = None,
) -> DeliveryReport:
    """Try the pending deliveries (only those due, unless due_only=False) once each.

    `releasewatch check` passes due_only=False to try everything pending now, once.
    With max_seconds, queues stop starting new sends after that long and the pass
    returns; a send in progress finishes on its own thread.
    """
    rng = rng or random.Random()
    report = DeliveryReport()
    queues: dict[str, list[Delivery]] = {}
    for delivery in state.pending_deliveries(now, due_only=due_only, horizon=GIVE_UP_AFTER):
        queues.setdefault(delivery.notifier, []).append(delivery)

    deadline = time.monotonic() + max_seconds if max_seconds is not None else None
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
        key = (str(Path(state.path).resolve()), name)
        with _busy_lock:
            if key in _busy:
                part.held, part.note = len(queue), "a previous pass is still sending"
                report._add(part)
                continue
            _busy.add(key)
        thread = threading.Thread(
            target=_run_queue,
            args=(
                state,
                name,
                notifier,
                fingerprint,
                queue,
                now,
                due_only,
                rng,
                deadline,
                part,
                key,
            ),
            name=f"deliver-{name}",
            daemon=True,
        )
        thread.start()
        threads.append((thread, part))

    for thread, part in threads:
        thread.join(None if deadline is None else max(deadline - time.monotonic(), 0.0))
        if thread.is_alive():
            part.note = "still sending when the pass ended"
        report._add(part)
    return report


def _run_queue(
    state: State,
    name: str,
    notifier: Notifier,
    fingerprint: str,
    queue: Sequence[Delivery],
    now: datetime,
    due_only: bool,
    rng: random.Random,
    deadline: float | None,
    part: NotifierReport,
    busy_key: tuple[str, str],
) -> None:
    started = time.monotonic()
    try:
        for index, delivery in enumerate(queue):
            if deadline is not None and time.monotonic() >= deadline:
                part.held += len(queue) - index
                part.note = "pass time limit reached (kept pending)"
                return
            # Each attempt is stamped when it is made: a slow SMTP server before it
            # must not make history show every send of the pass at the pass's start.
            at = now + timedelta(seconds=time.monotonic() - started)
            outcome = _attempt(state, name, notifier, fingerprint, delivery, at, rng, part)
            if outcome == "disabled":
                part.held += len(queue) - index - 1
                return
            if outcome == "transient" and due_only:
                # Don't hammer a failing service with the rest of its queue: they wait
                # as long as the one that failed (the cooldown), then go oldest first.
                part.held += len(queue) - index - 1
                if part.held:
                    part.note = "waiting after a transient failure"
                return
    except Exception:  # noqa: BLE001 - a state error must not vanish with its thread
        log.exception("delivery via %s stopped", name)
    finally:
        with _busy_lock:
            _busy.discard(busy_key)


def _attempt(
    state: State,
    name: str,
    notifier: Notifier,
    fingerprint: str,
    delivery: Delivery,
    now: datetime,
    rng: random.Random,
    part: NotifierReport,
) -> str:
    """Send one delivery and record the attempt; returns sent | transient | failed | disabled."""
    alert = delivery.alert
    try:
        notifier.send(alert)
    except TransientError as exc:
        error = _masked(notifier, exc)
        when = next_attempt(delivery, now, rng, exc.retry_after)
        if when is None:
            error = f"{error} (given up after {delivery.attempts + 1} tries)"
            part.failed += 1
        else:
            part.retrying += 1
            _set_cooldown(state, name, fingerprint, when)
        part.errors.append(error)
        state.record_delivery_attempt(delivery.id, now, ok=False, error=error, next_attempt_at=when)
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
        state.record_delivery_attempt(delivery.id, now, ok=False, error=error, next_attempt_at=None)
        log.error("alert %s via %s failed for good: %s", alert.id, name, error)
        if exc.disable:
            state.disable_notifier(name, fingerprint, error, now)
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
        when = next_attempt(delivery, now, rng)
        part.errors.append(error)
        if when is None:
            part.failed += 1
        else:
            part.retrying += 1
            _set_cooldown(state, name, fingerprint, when)
        state.record_delivery_attempt(delivery.id, now, ok=False, error=error, next_attempt_at=when)
        return "transient"
    part.sent += 1
    state.record_delivery_attempt(delivery.id, now, ok=True, error=None, next_attempt_at=None)
    _set_cooldown(state, name, fingerprint, None)
    log.info("alert %s (%s) sent via %s", alert.id, alert.event, name)
    return "sent"


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
