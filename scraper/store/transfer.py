"""`releasewatch import`: a single-user SQLite state moved into a PostgreSQL database.

Everything is copied in one transaction (facts, their sources, rejections, alerts with
every delivery and attempt, feed memory, fetch state, notifier state, meta), ids kept,
so history and `reject ID` read the same afterwards. Refused into a database that
already holds facts or alerts: two histories are not merged.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from scraper.errors import StateFileError
from scraper.store.schema import SCHEMA_VERSION
from scraper.store.state import State

# Parents before children (foreign keys); alerts in their SQLite order (history's tie-break).
TABLES = (
    ("sources", "name"),
    ("feed_entries", "source_name, entry_key"),
    ("facts", "id"),
    ("fact_sources", "fact_id, source_url"),
    ("rejections", "watch_key, kind, value_key"),
    ("alerts", "rowid"),
    ("deliveries", "id"),
    ("delivery_attempts", "id"),
    ("notifier_state", "name"),
    ("meta", "key"),
    ("cache", "key"),
)
IDENTITIES = ("facts", "deliveries", "delivery_attempts")


def import_sqlite(source: Path, target: State) -> dict[str, int]:
    """Copy the state file at `source` into `target` (a PostgreSQL state); {table: rows}."""
    if not source.exists():
        raise StateFileError(f"{source}: no such state file")
    reader = _open_source(source)
    copied: dict[str, int] = {}
    try:
        with target.transaction():
            for table in ("facts", "alerts"):
                if target._query(f"SELECT count(*) FROM {table}")[0][0]:
                    raise StateFileError(
                        f"{target.path}: the database already holds {table}; import only "
                        "into a new database (two histories are not merged)"
                    )
            target._execute("DELETE FROM sources")  # synced from a config: nothing checked
            for table, order in TABLES:
                columns = [row[1] for row in reader._query(f"PRAGMA table_info({table})")]
                listed = ", ".join(columns)
                rows = [
                    tuple(row)
                    for row in reader._query(f"SELECT {listed} FROM {table} ORDER BY {order}")
                ]
                marks = ", ".join("?" * len(columns))
                target._executemany(
                    f"INSERT OR IGNORE INTO {table} ({listed}) VALUES ({marks})", rows
                )
                copied[table] = len(rows)
            if target.is_postgresql:
                for table in IDENTITIES:  # new rows continue after the imported ids
                    target._execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                        f" COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)"
                    )
    finally:
        reader.close()
    return copied


def _open_source(source: Path) -> State:
    """The state file to copy, read-only; one written by an older release (the SQLite
    daemon stopped before the upgrade) is first brought forward as any command would,
    rather than sending its user to `check`, which would fetch and alert first."""
    try:
        conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        version = SCHEMA_VERSION  # State names what is wrong with it
    if 0 < version < SCHEMA_VERSION:
        State(source).close()  # migrates it, one step per transaction
    return State(source, read_only=True)
