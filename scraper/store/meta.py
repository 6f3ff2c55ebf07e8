"""Repository: small keyed values: meta (bookkeeping) and cache (API answers)."""

from __future__ import annotations

from datetime import datetime

from scraper.store.db import Database, to_db_time


class MetaStore(Database):
    def set_meta(self, key: str, value: str) -> None:
        self._execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def get_meta(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def cache_get(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM cache WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def cache_set(self, key: str, value: str, at: datetime) -> None:
        self._execute(
            "INSERT INTO cache (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key)"
            " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (key, value, to_db_time(at)),
        )
