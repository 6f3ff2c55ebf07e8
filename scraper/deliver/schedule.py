"""When a delivery is tried again: backoff with jitter, the give-up horizon, and the
per-notifier cooldown that keeps a failing service's queue waiting behind its first failure."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from scraper.store.state import Delivery, State, from_db_time, to_db_time

# About 30 s, 2 m, 10 m, 1 h, 6 h, then a day: fast enough for a blip, slow enough
# never to hammer a service that is down.
BACKOFF = (30.0, 120.0, 600.0, 3600.0, 6 * 3600.0)
BACKOFF_CAP = 24 * 3600.0
JITTER = 0.2  # +-20 %, so many pending alerts do not retry in lockstep
MAX_TRIES = 10
GIVE_UP_AFTER = timedelta(hours=24)

_COOLDOWN_KEY = "deliver.cooldown."  # meta key prefix: "<fingerprint>|<time>" per notifier


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


def waiting_over(delivery: Delivery, now: datetime) -> bool:
    """Whether the delivery is due by its schedule (not only forced by `check --now`)."""
    return not waiting(delivery.next_attempt_at, now)


def set_cooldown(state: State, name: str, fingerprint: str, until: datetime | None) -> None:
    state.set_meta(_COOLDOWN_KEY + name, f"{fingerprint}|{to_db_time(until)}" if until else "")


def cooling_down(state: State, name: str, fingerprint: str, now: datetime) -> bool:
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
