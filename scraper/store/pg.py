"""The PostgreSQL connection of a state at a `postgresql://` URL (psycopg 3).

Imported only for such a URL, so a SQLite run never loads psycopg.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

from scraper.store.schema import SCHEMA_VERSION, SchemaTooNew, migrate_pg, pg_version

Error = psycopg.Error


class Row(tuple):
    """A row read by index or by column name, as sqlite3.Row is."""

    _names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            key = self._names[key]
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        return list(self._names)


def _rows(cursor: psycopg.Cursor) -> Any:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, names)


def connect(url: str, *, read_only: bool = False, migrate: bool = True) -> psycopg.Connection:
    """Autocommit: the store says BEGIN and COMMIT itself, as it does on SQLite."""
    options = "-c default_transaction_read_only=on" if read_only else None
    conn = psycopg.connect(
        url, autocommit=True, row_factory=_rows, options=options, connect_timeout=30,
        application_name="releasewatch",
    )
    try:
        if read_only or not migrate:
            check_version(conn)
        else:
            migrate_pg(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def check_version(conn: psycopg.Connection) -> None:
    version = pg_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"database has schema version {version}; this releasewatch knows {SCHEMA_VERSION}"
        )
    if version == 0:
        raise psycopg.DatabaseError(
            "no state in this database yet; run `releasewatch check` first "
            "(or `releasewatch migrate --state URL` to create the schema)"
        )
    if version < SCHEMA_VERSION:
        raise psycopg.DatabaseError(
            "the schema is from an older release: "
            "run `releasewatch migrate --state URL` to create or upgrade it"
        )
