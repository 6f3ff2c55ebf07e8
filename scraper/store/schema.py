"""The state file's schema, as numbered migrations (PRAGMA user_version is the version).

A migration is appended, never edited: a user's state file from any earlier
release is brought forward step by step when it is opened.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: fetch state, feed-entry memory, facts with their sources, outbox, notifier state.
    """
    CREATE TABLE sources (
        name TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        watch_signature TEXT,
        last_checked_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        failing_alerted INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE feed_entries (
        source_name TEXT NOT NULL,
        entry_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (source_name, entry_key)
    ) WITHOUT ROWID;
    CREATE INDEX feed_entries_by_age ON feed_entries (seen_at);
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        watch_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        value_key TEXT NOT NULL,
        value_json TEXT NOT NULL,
        evidence TEXT NOT NULL,
        source_url TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        is_current INTEGER NOT NULL DEFAULT 0,
        UNIQUE (watch_key, kind, value_key)
    );
    CREATE TABLE fact_sources (
        fact_id INTEGER NOT NULL REFERENCES facts (id),
        source_url TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        PRIMARY KEY (fact_id, source_url)
    ) WITHOUT ROWID;
    CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        event TEXT NOT NULL,
        watch_key TEXT,
        body_json TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX alerts_by_watch ON alerts (watch_key, created_at);
    CREATE INDEX alerts_by_time ON alerts (created_at);
    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        alert_id TEXT NOT NULL REFERENCES alerts (id),
        notifier TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        updated_at TEXT NOT NULL,
        UNIQUE (alert_id, notifier)
    );
    CREATE INDEX deliveries_by_status ON deliveries (status, next_attempt_at);
    CREATE TABLE delivery_attempts (
        id INTEGER PRIMARY KEY,
        delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
        at TEXT NOT NULL,
        ok INTEGER NOT NULL,
        error TEXT
    );
    CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id);
    CREATE TABLE notifier_state (
        name TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        reason TEXT NOT NULL,
        disabled_at TEXT NOT NULL
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE cache (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # 2: the time before which a source must not be fetched again: its server's Retry-After.
    """
    ALTER TABLE sources ADD COLUMN retry_at TEXT;
    """,
    # 3: sources by name with the article they reported; values the user rejected
    # (kept apart from facts, so that `forget` does not bring a rejected value back).
    """
    ALTER TABLE fact_sources ADD COLUMN source_name TEXT;
    ALTER TABLE fact_sources ADD COLUMN link TEXT;
    CREATE TABLE rejections (
        watch_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        value_key TEXT NOT NULL,
        rejected_at TEXT NOT NULL,
        PRIMARY KEY (watch_key, kind, value_key)
    ) WITHOUT ROWID;
    """,
    # 4: a delivery's lease: the run sending it writes claim_token and claimed_until
    # before it sends, so two runs at once (check beside run) never send it twice;
    # a lease that ran out (its run died mid-send) may be claimed again.
    """
    ALTER TABLE deliveries ADD COLUMN claimed_until TEXT;
    ALTER TABLE deliveries ADD COLUMN claim_token TEXT;
    """,
    # 5: work shared by several workers (a PostgreSQL state): a source's next_check_at is
    # both its schedule and its lease, claim_token fences a worker that lost it; a row
    # per watch to lock (in sorted order) while a source's facts are written; a host's
    # next allowed fetch; the workers' heartbeats. An empty next_check_at is due now.
    """
    ALTER TABLE sources ADD COLUMN next_check_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE sources ADD COLUMN claim_token TEXT;
    ALTER TABLE sources ADD COLUMN configured INTEGER NOT NULL DEFAULT 1;
    CREATE INDEX sources_by_due ON sources (next_check_at);
    CREATE TABLE watches (
        key TEXT PRIMARY KEY
    );
    CREATE TABLE hosts (
        host TEXT PRIMARY KEY,
        next_allowed_at TEXT NOT NULL
    );
    CREATE TABLE workers (
        id TEXT PRIMARY KEY,
        hostname TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
    );
    """,
    # 6: the notifiers the YAML configures, upserted by every worker (and migrate) beside
    # sources and watches: name, kind and the settings that are not secret (a webhook URL,
    # an SMTP password stay in each machine's environment), for status to show; and
    # which notifiers each worker can send through (a JSON list of names).
    """
    CREATE TABLE notifiers (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        settings_json TEXT NOT NULL DEFAULT '{}',
        configured INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
    );
    ALTER TABLE workers ADD COLUMN notifiers TEXT NOT NULL DEFAULT '[]';
    """,
    # 7: the day the report that made a fact was published (its newest, never after the
    # day it was found): a report older than the current date's is no change of it.
    """
    ALTER TABLE facts ADD COLUMN published TEXT;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The state file was written by a newer releasewatch."""


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema to SCHEMA_VERSION, one migration per transaction.

    The version is read inside the write transaction that migrates: two first runs at
    once (two `check`s from cron) would otherwise both read the old version and the
    second would fail on "table ... already exists" / "duplicate column".
    """
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return  # the usual open: no write lock taken
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise SchemaTooNew(
                    f"state file has schema version {version}; "
                    f"this releasewatch knows {SCHEMA_VERSION}"
                )
            if version == SCHEMA_VERSION:
                conn.execute("COMMIT")
                return
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


# PostgreSQL keeps its version in a table (it has no PRAGMA user_version); the same
# migrations run there, their DDL rewritten by the dialect. Every worker may start at
# once: the first to take the advisory lock migrates, the others then find it done.
MIGRATION_LOCK = 0x72770001  # pg_advisory_xact_lock key: "rw" + 1


def pg_version(conn) -> int:  # conn: psycopg.Connection (not imported for SQLite)
    row = conn.execute(
        "SELECT to_regclass('schema_version') IS NOT NULL"
    ).fetchone()
    if not row[0]:
        return 0
    found = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(found[0] or 0)


def migrate_pg(conn) -> None:
    """Bring a PostgreSQL schema to SCHEMA_VERSION, in one transaction under a lock."""
    from scraper.store.dialect import POSTGRESQL

    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        version = pg_version(conn)
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"database has schema version {version}; this releasewatch knows "
                f"{SCHEMA_VERSION}"
            )
        for number in range(version, SCHEMA_VERSION):
            for statement in POSTGRESQL.ddl(MIGRATIONS[number]).split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (number + 1,))
