"""Repository: per source, its fetch state and health (the `sources` table)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from scraper.store.db import Database, from_db_time, to_db_time


@dataclass(frozen=True)
class SourceState:
    name: str
    url: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    watch_signature: str | None
    last_checked_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    consecutive_failures: int
    failing_alerted: bool
    # Not to be fetched before this: the server's Retry-After on the last failure.
    retry_at: datetime | None = None
    # Several workers (a PostgreSQL state): when the source is due to be claimed next.
    next_check_at: datetime | None = None



class SourceStore(Database):
    def source_state(self, name: str) -> SourceState | None:
        rows = self._query("SELECT * FROM sources WHERE name = ?", (name,))
        return _source_state(rows[0]) if rows else None

    def source_states(self, names: Sequence[str] | None = None) -> list[SourceState]:
        """Every source's state, or the named ones' (a worker's claimed batch: a few rows
        of a table that may hold 100,000)."""
        if names is None:
            rows = self._query("SELECT * FROM sources ORDER BY name")
        else:
            marks = ", ".join("?" * len(names))
            rows = self._query(
                f"SELECT * FROM sources WHERE name IN ({marks}) ORDER BY name", list(names)
            ) if names else []
        return [_source_state(row) for row in rows]

    def failing_alerted(self, names: Sequence[str] | None = None) -> set[str]:
        """The sources whose `source.failing` alert went out and that have not succeeded
        since: all of them, or those among `names` (a cycle's few sources). What a
        cycle's write transaction reads again of each source's health, so it is one
        narrow query, not every column of every source."""
        if names is None:
            rows = self._query("SELECT name FROM sources WHERE failing_alerted = 1")
        else:
            names = list(names)
            found: set[str] = set()
            for at in range(0, len(names), 500):  # bound the statement's parameters
                part = names[at : at + 500]
                marks = ", ".join("?" * len(part))
                found.update(
                    row[0]
                    for row in self._query(
                        f"SELECT name FROM sources WHERE failing_alerted = 1 AND name IN ({marks})",
                        part,
                    )
                )
            return found
        return {row[0] for row in rows}

    def save_source_success(
        self,
        name: str,
        url: str,
        at: datetime,
        *,
        etag: str | None,
        last_modified: str | None,
        content_hash: str | None,
        watch_signature: str,
    ) -> None:
        self._execute(
            """
            INSERT INTO sources (name, url, etag, last_modified, content_hash, watch_signature,
                                 last_checked_at, last_success_at, last_error,
                                 consecutive_failures, failing_alerted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, 0)
            ON CONFLICT (name) DO UPDATE SET
                url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,
                content_hash = excluded.content_hash, watch_signature = excluded.watch_signature,
                last_checked_at = excluded.last_checked_at,
                last_success_at = excluded.last_success_at,
                last_error = NULL, consecutive_failures = 0, failing_alerted = 0,
                retry_at = NULL
            """,
            (name, url, etag, last_modified, content_hash, watch_signature, to_db_time(at),
             to_db_time(at)),
        )

    def save_source_failure(
        self, name: str, url: str, at: datetime, error: str, *, retry_at: datetime | None = None
    ) -> int:
        """Record a failed check; the stored fetch state stays as it was. Returns the streak.

        `retry_at`: when the server said to come back (Retry-After); no check before then.
        """
        self._execute(
            """
            INSERT INTO sources (name, url, last_checked_at, last_error, consecutive_failures,
                                 retry_at)
            VALUES (?, ?, ?, ?, 1, ?)
            ON CONFLICT (name) DO UPDATE SET
                last_checked_at = excluded.last_checked_at, last_error = excluded.last_error,
                consecutive_failures = sources.consecutive_failures + 1,
                retry_at = excluded.retry_at
            """,
            (name, url, to_db_time(at), error, to_db_time(retry_at) if retry_at else None),
        )
        row = self._query("SELECT consecutive_failures FROM sources WHERE name = ?", (name,))
        return int(row[0][0])

    def mark_failing_alerted(self, name: str) -> None:
        self._execute("UPDATE sources SET failing_alerted = 1 WHERE name = ?", (name,))

    def reset_source(self, name: str) -> None:
        """Forget a source's fetch state and feed memory (its URL changed)."""
        with self.transaction():
            self._execute("DELETE FROM feed_entries WHERE source_name = ?", (name,))
            self._execute(
                "UPDATE sources SET etag = NULL, last_modified = NULL, content_hash = NULL,"
                " watch_signature = NULL, retry_at = NULL WHERE name = ?",
                (name,),
            )


def _source_state(row: Any) -> SourceState:
    return SourceState(
        name=row["name"],
        url=row["url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        content_hash=row["content_hash"],
        watch_signature=row["watch_signature"],
        last_checked_at=from_db_time(row["last_checked_at"]),
        last_success_at=from_db_time(row["last_success_at"]),
        last_error=row["last_error"],
        consecutive_failures=row["consecutive_failures"],
        failing_alerted=bool(row["failing_alerted"]),
        retry_at=from_db_time(row["retry_at"]),
        next_check_at=from_db_time(row["next_check_at"]),
    )

