"""The state's one connection: SQLite (WAL), its transaction and time format.

Each table family has its repository beside this module (sources, feed_entries,
facts, outbox, meta); `State` in state.py joins them over this one connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scraper.errors import StateFileError
from scraper.store.schema import SchemaTooNew, migrate

# What SQLite cuts the WAL back to after a checkpoint. A connection that stays open
# (the daemon) never deletes its WAL, and without a limit the file keeps the size of
# the largest stretch between checkpoints it ever wrote: a cold cycle writes the whole
# database into it, and 1,000 pages (4 MB) pile up between automatic checkpoints.
WAL_SIZE_LIMIT = 1024 * 1024


def to_db_time(moment: datetime) -> str:
    """UTC, fixed width: strings sort in time order, so SQL can compare them."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db_time(text: str | None) -> datetime | None:
    if not text:
        return None
    # to_db_time's own shape: fromisoformat reads it 20x faster than strptime
    # (two per source when a cycle loads the sources' state).
    shaped = text[10:11] == "T" and text[19:20] == "." and text[26:] == "Z"
    if shaped and len(text) == 27 and text.isascii() and text[20:26].isdigit():
        return datetime.fromisoformat(text[:26]).replace(tzinfo=UTC)
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)



class Database:
    """One open state file. Thread-safe: every call holds one lock."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=30
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            migrate(self._conn)
        except SchemaTooNew as exc:
            raise StateFileError(f"{self.path}: {exc}; upgrade releasewatch") from exc
        except sqlite3.DatabaseError as exc:
            raise StateFileError(f"{self.path}: cannot open the state file: {exc}") from exc
        self._lock = threading.RLock()
        self._depth = 0

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (nested: the outer one decides)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._conn.execute(sql, params)

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()
