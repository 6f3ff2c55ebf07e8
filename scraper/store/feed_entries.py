"""Repository: the feed entries each feed source has shown (the `feed_entries` table)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from scraper.store.db import Database, to_db_time

# A feed chooses its entries' keys (guid): one over this is kept as its hash, or a feed
# whose 4 MB guid changes every check grows the state by megabytes a check.
MAX_KEY = 1024


def stored_key(key: str) -> str:
    if len(key) <= MAX_KEY:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class KnownEntries(dict[str, str]):
    """key -> fingerprint of the entries a feed showed, looked up by the feed's own keys."""

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return super().get(stored_key(key), default)

    def __contains__(self, key: object) -> bool:
        return super().__contains__(stored_key(key) if isinstance(key, str) else key)


class FeedEntryStore(Database):
    def known_entries(self, source_name: str) -> dict[str, str]:
        rows = self._query(
            "SELECT entry_key, fingerprint FROM feed_entries WHERE source_name = ?",
            (source_name,),
        )
        return KnownEntries((row[0], row[1]) for row in rows)

    def remember_entries(
        self, source_name: str, entries: Sequence[tuple[str, str]], at: datetime
    ) -> None:
        """Remember (key, fingerprint) of every entry the feed holds now."""
        stamp = to_db_time(at)
        self._executemany(
            """
            INSERT INTO feed_entries (source_name, entry_key, fingerprint, seen_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (source_name, entry_key) DO UPDATE SET
                fingerprint = excluded.fingerprint, seen_at = excluded.seen_at
            """,
            [(source_name, stored_key(key), fingerprint, stamp) for key, fingerprint in entries],
        )

    def prune_entries(self, older_than: datetime) -> int:
        """Forget entries no feed has shown since `older_than` (bounded memory)."""
        cursor = self._execute(
            "DELETE FROM feed_entries WHERE seen_at < ?", (to_db_time(older_than),)
        )
        return cursor.rowcount
