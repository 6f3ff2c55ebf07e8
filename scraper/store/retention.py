"""How long the state file remembers things, so it stays bounded however long it runs.

- Feed entries: forgotten 30 days after a feed last showed them. Forgetting is
  safe: an entry read again only corroborates facts already stored (facts are
  kept for ever and dedupe by value), so it can never alert twice.
- Alerts: kept 365 days after their last delivery ended (sent or given up), so
  `history` covers a year; pending deliveries are never pruned.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from scraper.store.state import State, from_db_time, to_db_time

FEED_ENTRY_DAYS = 30
ALERT_DAYS = 365
PRUNE_EVERY = timedelta(hours=1)


def prune_if_due(state: State, now: datetime) -> bool:
    """Prune at most once an hour; returns True when it ran."""
    last = from_db_time(state.get_meta("last_pruned_at"))
    if last is not None and now - last < PRUNE_EVERY:
        return False
    state.prune_entries(now - timedelta(days=FEED_ENTRY_DAYS))
    state.prune_delivered(now - timedelta(days=ALERT_DAYS))
    state.set_meta("last_pruned_at", to_db_time(now))
    return True
