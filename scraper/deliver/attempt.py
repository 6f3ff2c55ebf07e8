"""One send of one delivery, and the record of how it went."""

from __future__ import annotations

import logging
import random
from datetime import datetime

from notifiers import Notifier
from notifiers.base import mask_secrets
from scraper.errors import PermanentError, TransientError, mask_registered
from scraper.store.state import Delivery, State

from .record import Recorder
from .reports import NotifierReport
from .schedule import next_attempt, set_cooldown

log = logging.getLogger("releasewatch.deliver")


def attempt(
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
    record = Recorder(state, delivery)
    try:
        notifier.send(alert)
    except TransientError as exc:
        error = masked(notifier, exc)
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
            record.write(set_cooldown, state, name, fingerprint, when)
        log.warning(
            "alert %s via %s failed: %s; %s",
            alert.id,
            name,
            error,
            f"next try at {when:%Y-%m-%d %H:%M:%S} UTC" if when else "given up",
        )
        return "transient"
    except PermanentError as exc:
        error = masked(notifier, exc)
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
            record.write(set_cooldown, state, name, fingerprint, when)
        return "transient"
    part.sent += 1
    record(now, ok=True, error=None, next_attempt_at=None)
    record.write(set_cooldown, state, name, fingerprint, None)
    log.info("alert %s (%s) sent via %s", alert.id, alert.event, name)
    return "sent"


def masked(notifier: Notifier, exc: Exception) -> str:
    # Notifiers mask their own messages; masking again here is the belt to those braces.
    return mask_registered(notifier.mask(str(exc) or type(exc).__name__))
