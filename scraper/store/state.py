"""The state file: one SQLite database (WAL) holding fetch state, facts and the outbox.

Everything a check decides about one source (its fetch state, the feed entries
read, new facts and their alerts) is written in one transaction: a crash at
any point loses no alert and invents none.
"""

from __future__ import annotations

from scraper.models import new_alert_id
from scraper.store.db import from_db_time, to_db_time
from scraper.store.facts import FactStore, StoredFact
from scraper.store.feed_entries import FeedEntryStore
from scraper.store.meta import MetaStore
from scraper.store.outbox import Delivery, Outbox
from scraper.store.sources import SourceState, SourceStore
from scraper.store.work import WorkStore

__all__ = [
    "Delivery",
    "SourceState",
    "State",
    "StoredFact",
    "from_db_time",
    "new_alert_id",
    "to_db_time",
]


class State(SourceStore, FeedEntryStore, FactStore, Outbox, MetaStore, WorkStore):
    """The state file: every repository over one connection, one lock, one transaction."""
