"""Delivery: the outbox -> notifiers.

- passes: one pass over the pending deliveries, a queue per notifier on its own thread
- attempt: one send and the record of how it went
- schedule: backoff, the give-up horizon, a failing notifier's cooldown
- lease: a delivery claimed by one run at a time, and a dead holder's lease released
- record: outcomes kept in memory when the state cannot be written
- fingerprints: a notifier's config identity as the state keeps it (keyed, never bare)
- reports: what a pass did, as commands print it
"""

from .fingerprints import stored_fingerprint
from .passes import build_notifiers, deliver_pending, wait_for_sends
from .reports import DeliveryReport, NotifierReport
from .schedule import (
    BACKOFF,
    BACKOFF_CAP,
    GIVE_UP_AFTER,
    JITTER,
    MAX_TRIES,
    next_attempt,
    waiting,
    waiting_over,
)

__all__ = [
    "BACKOFF",
    "BACKOFF_CAP",
    "GIVE_UP_AFTER",
    "JITTER",
    "MAX_TRIES",
    "DeliveryReport",
    "NotifierReport",
    "build_notifiers",
    "deliver_pending",
    "next_attempt",
    "stored_fingerprint",
    "wait_for_sends",
    "waiting",
    "waiting_over",
]
