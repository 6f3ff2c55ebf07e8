"""The state file: one SQLite database (WAL) holding fetch state, facts and the outbox.

Everything a check decides about one source (its fetch state, the feed entries
read, new facts and their alerts) is written in one transaction: a crash at
any point loses no alert and invents none.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scraper.errors import StateFileError
from scraper.facts import Diff, KnownFacts
from scraper.models import RELEASE_DATE, TRAILER, Alert, Finding, Watch
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


@dataclass(frozen=True)
class Delivery:
    id: int
    alert: Alert
    notifier: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime


@dataclass(frozen=True)
class StoredFact:
    watch_key: str
    kind: str
    value: dict[str, Any]
    evidence: str
    source_url: str
    first_seen_at: datetime
    is_current: bool
    sources: tuple[str, ...]


class State:
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

    # -- sources -----------------------------------------------------------------

    def source_state(self, name: str) -> SourceState | None:
        rows = self._query("SELECT * FROM sources WHERE name = ?", (name,))
        return _source_state(rows[0]) if rows else None

    def source_states(self) -> list[SourceState]:
        return [_source_state(row) for row in self._query("SELECT * FROM sources ORDER BY name")]

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
                consecutive_failures = consecutive_failures + 1, retry_at = excluded.retry_at
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

    # -- feed entries --------------------------------------------------------------

    def known_entries(self, source_name: str) -> dict[str, str]:
        rows = self._query(
            "SELECT entry_key, fingerprint FROM feed_entries WHERE source_name = ?",
            (source_name,),
        )
        return {row[0]: row[1] for row in rows}

    def remember_entries(
        self, source_name: str, entries: Sequence[tuple[str, str]], at: datetime
    ) -> None:
        """Remember (key, fingerprint) of every entry the feed holds now."""
        stamp = to_db_time(at)
        with self._lock:
            self._conn.executemany(
                """
                INSERT INTO feed_entries (source_name, entry_key, fingerprint, seen_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (source_name, entry_key) DO UPDATE SET
                    fingerprint = excluded.fingerprint, seen_at = excluded.seen_at
                """,
                [(source_name, key, fingerprint, stamp) for key, fingerprint in entries],
            )

    def prune_entries(self, older_than: datetime) -> int:
        """Forget entries no feed has shown since `older_than` (bounded memory)."""
        cursor = self._execute(
            "DELETE FROM feed_entries WHERE seen_at < ?", (to_db_time(older_than),)
        )
        return cursor.rowcount

    # -- facts -----------------------------------------------------------------------

    def known_facts(self, watch_key: str) -> KnownFacts:
        rows = self._query(
            "SELECT kind, value_key, value_json, evidence, is_current FROM facts"
            " WHERE watch_key = ? ORDER BY id",
            (watch_key,),
        )
        current = None
        latest_trailer = None
        dates, trailers = set(), set()
        for row in rows:
            if row["kind"] == RELEASE_DATE:
                dates.add(row["value_key"])
                if row["is_current"]:
                    value = json.loads(row["value_json"])
                    current = Finding(
                        RELEASE_DATE, row["evidence"], value["date"], value["precision"]
                    )
            elif row["kind"] == TRAILER:
                trailers.add(row["value_key"])
                latest_trailer = row["value_key"]
        return KnownFacts(current, frozenset(dates), frozenset(trailers), latest_trailer)

    def store_diff(
        self, watch: Watch, diff: Diff, at: datetime, notifiers: Sequence[str]
    ) -> list[Alert]:
        """Write new facts, corroborating sources and the alerts they make, in one go."""
        alerts: list[Alert] = []
        stamp = to_db_time(at)
        with self.transaction():
            for kind, value_key, source_url in diff.corroborations:
                self._execute(
                    "INSERT OR IGNORE INTO fact_sources (fact_id, source_url, first_seen_at)"
                    " SELECT id, ?, ? FROM facts WHERE watch_key = ? AND kind = ?"
                    " AND value_key = ?",
                    (source_url, stamp, watch.key, kind, value_key),
                )
            for fact in diff.new_facts:
                finding = fact.finding
                if fact.becomes_current:
                    self._execute(
                        "UPDATE facts SET is_current = 0 WHERE watch_key = ? AND kind = ?",
                        (watch.key, finding.kind),
                    )
                cursor = self._execute(
                    "INSERT INTO facts (watch_key, kind, value_key, value_json, evidence,"
                    " source_url, first_seen_at, is_current) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (watch.key, finding.kind, finding.value_key, json.dumps(finding.value()),
                     finding.evidence, fact.sources[0], stamp, int(fact.becomes_current)),
                )
                with self._lock:
                    self._conn.executemany(
                        "INSERT OR IGNORE INTO fact_sources VALUES (?, ?, ?)",
                        [(cursor.lastrowid, url, stamp) for url in fact.sources],
                    )
                if fact.event is None or finding.kind not in watch.alerts:
                    continue
                alert = Alert(
                    id=new_alert_id(),
                    event=fact.event,
                    watch_title=watch.title,
                    watch_season=watch.season,
                    value=finding.value(),
                    previous=fact.previous.value() if fact.previous else None,
                    evidence=finding.evidence,
                    source=fact.sources[0],
                    sources=tuple(fact.sources),
                    detected_at=at,
                    extra={"link": fact.link} if fact.link and fact.link != fact.sources[0] else {},
                )
                self.add_alert(alert, notifiers, watch_key=watch.key)
                alerts.append(alert)
        return alerts

    def facts(self, watch_key: str | None = None) -> list[StoredFact]:
        where, params = ("WHERE f.watch_key = ?", (watch_key,)) if watch_key else ("", ())
        rows = self._query(
            f"""
            SELECT f.*, group_concat(s.source_url, char(10)) AS all_sources
            FROM facts f LEFT JOIN fact_sources s ON s.fact_id = f.id
            {where} GROUP BY f.id ORDER BY f.watch_key, f.first_seen_at, f.id
            """,
            params,
        )
        return [
            StoredFact(
                watch_key=row["watch_key"],
                kind=row["kind"],
                value=json.loads(row["value_json"]),
                evidence=row["evidence"],
                source_url=row["source_url"],
                first_seen_at=from_db_time(row["first_seen_at"]),
                is_current=bool(row["is_current"]),
                sources=tuple((row["all_sources"] or "").split("\n")) if row["all_sources"] else (),
            )
            for row in rows
        ]

    # -- outbox -------------------------------------------------------------------------

    def add_alert(
        self, alert: Alert, notifiers: Sequence[str], *, watch_key: str | None = None
    ) -> None:
        """Write the alert and one pending delivery per notifier (delivery reads the outbox)."""
        created = alert.detected_at or datetime.now(UTC)
        stamp = to_db_time(created)
        if watch_key is None and alert.watch_title is not None:
            watch_key = Watch(alert.watch_title, alert.watch_season).key
        with self.transaction():
            self._execute(
                "INSERT INTO alerts (id, event, watch_key, body_json, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (alert.id, alert.event, watch_key, json.dumps(_alert_body(alert)), stamp),
            )
            with self._lock:
                self._conn.executemany(
                    "INSERT INTO deliveries (alert_id, notifier, created_at, next_attempt_at,"
                    " updated_at) VALUES (?, ?, ?, ?, ?)",
                    [(alert.id, name, stamp, stamp, stamp) for name in notifiers],
                )

    def pending_deliveries(
        self, now: datetime, *, due_only: bool = True, notifier: str | None = None
    ) -> list[Delivery]:
        sql = (
            "SELECT d.*, a.body_json FROM deliveries d JOIN alerts a ON a.id = d.alert_id"
            " WHERE d.status = 'pending'"
        )
        params: list[Any] = []
        if due_only:
            sql += " AND d.next_attempt_at <= ?"
            params.append(to_db_time(now))
        if notifier is not None:
            sql += " AND d.notifier = ?"
            params.append(notifier)
        sql += " ORDER BY d.created_at, d.id"
        return [
            Delivery(
                id=row["id"],
                alert=_alert_from_body(json.loads(row["body_json"])),
                notifier=row["notifier"],
                attempts=row["attempts"],
                created_at=from_db_time(row["created_at"]),
                next_attempt_at=from_db_time(row["next_attempt_at"]),
            )
            for row in self._query(sql, params)
        ]

    def record_delivery_attempt(
        self,
        delivery_id: int,
        at: datetime,
        *,
        ok: bool,
        error: str | None,
        next_attempt_at: datetime | None,
    ) -> None:
        status = "sent" if ok else ("pending" if next_attempt_at is not None else "failed")
        stamp = to_db_time(at)
        with self.transaction():
            self._execute(
                "INSERT INTO delivery_attempts (delivery_id, at, ok, error) VALUES (?, ?, ?, ?)",
                (delivery_id, stamp, int(ok), error),
            )
            self._execute(
                "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ?,"
                " next_attempt_at = COALESCE(?, next_attempt_at), updated_at = ? WHERE id = ?",
                (status, None if ok else error,
                 to_db_time(next_attempt_at) if next_attempt_at else None, stamp, delivery_id),
            )

    def notifier_disabled(self, name: str, fingerprint: str) -> str | None:
        rows = self._query("SELECT fingerprint, reason FROM notifier_state WHERE name = ?", (name,))
        if not rows:
            return None
        if rows[0]["fingerprint"] != fingerprint:
            # The user changed this notifier's config: give the new settings a chance.
            self._execute("DELETE FROM notifier_state WHERE name = ?", (name,))
            return None
        return rows[0]["reason"]

    def disable_notifier(self, name: str, fingerprint: str, reason: str, at: datetime) -> None:
        self._execute(
            "INSERT INTO notifier_state (name, fingerprint, reason, disabled_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET fingerprint ="
            " excluded.fingerprint, reason = excluded.reason, disabled_at = excluded.disabled_at",
            (name, fingerprint, reason, to_db_time(at)),
        )

    def disabled_notifiers(self) -> dict[str, str]:
        return {row[0]: row[1] for row in self._query("SELECT name, reason FROM notifier_state")}

    def delivery_counts(self) -> dict[str, dict[str, int]]:
        """{notifier: {status: count}}"""
        counts: dict[str, dict[str, int]] = {}
        for row in self._query(
            "SELECT notifier, status, count(*) FROM deliveries GROUP BY notifier, status"
        ):
            counts.setdefault(row[0], {})[row[1]] = row[2]
        return counts

    def history(self, watch_key: str | None = None, limit: int | None = None) -> list[dict]:
        """Every alert, newest first, with each delivery and each attempt."""
        sql = "SELECT id, body_json FROM alerts"
        params: list[Any] = []
        if watch_key is not None:
            sql += " WHERE watch_key = ?"
            params.append(watch_key)
        sql += " ORDER BY created_at DESC, rowid DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        result = []
        for alert_row in self._query(sql, params):
            deliveries = []
            for d in self._query(
                "SELECT * FROM deliveries WHERE alert_id = ? ORDER BY notifier", (alert_row[0],)
            ):
                attempts = [
                    {"at": a["at"], "ok": bool(a["ok"]), "error": a["error"]}
                    for a in self._query(
                        "SELECT * FROM delivery_attempts WHERE delivery_id = ? ORDER BY id",
                        (d["id"],),
                    )
                ]
                deliveries.append(
                    {
                        "notifier": d["notifier"],
                        "status": d["status"],
                        "attempts": attempts,
                        "next_attempt_at": d["next_attempt_at"] if d["status"] == "pending"
                        else None,
                    }
                )
            result.append({"alert": json.loads(alert_row[1]), "deliveries": deliveries})
        return result

    def failed_deliveries(self) -> list[dict]:
        rows = self._query(
            "SELECT d.notifier, d.attempts, d.last_error, a.body_json FROM deliveries d"
            " JOIN alerts a ON a.id = d.alert_id WHERE d.status = 'failed' ORDER BY d.updated_at"
        )
        return [
            {"notifier": r[0], "attempts": r[1], "error": r[2], "alert": json.loads(r[3])}
            for r in rows
        ]

    def prune_delivered(self, older_than: datetime) -> int:
        """Forget alerts whose every delivery ended (sent or given up) before `older_than`."""
        stamp = to_db_time(older_than)
        with self.transaction():
            done = [
                row[0]
                for row in self._query(
                    "SELECT a.id FROM alerts a WHERE a.created_at < ? AND NOT EXISTS ("
                    " SELECT 1 FROM deliveries d WHERE d.alert_id = a.id"
                    " AND (d.status = 'pending' OR d.updated_at >= ?))",
                    (stamp, stamp),
                )
            ]
            for alert_id in done:
                self._execute(
                    "DELETE FROM delivery_attempts WHERE delivery_id IN"
                    " (SELECT id FROM deliveries WHERE alert_id = ?)",
                    (alert_id,),
                )
                self._execute("DELETE FROM deliveries WHERE alert_id = ?", (alert_id,))
                self._execute("DELETE FROM alerts WHERE id = ?", (alert_id,))
        return len(done)

    # -- meta and cache -------------------------------------------------------------------

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


def new_alert_id() -> str:
    return uuid.uuid4().hex


def _source_state(row: sqlite3.Row) -> SourceState:
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
    )


def _alert_body(alert: Alert) -> dict[str, Any]:
    body = alert.to_json()
    body["source_name"] = alert.source_name
    body["extra"] = alert.extra
    return body


def _alert_from_body(body: dict[str, Any]) -> Alert:
    watch = body.get("watch") or {}
    detected = body.get("detected_at")
    return Alert(
        id=body["id"],
        event=body["event"],
        watch_title=watch.get("title"),
        watch_season=watch.get("season"),
        value=body.get("value"),
        previous=body.get("previous"),
        evidence=body.get("evidence") or "",
        source=body.get("source") or "",
        sources=tuple(body.get("sources") or ()),
        detected_at=(
            datetime.strptime(detected, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            if detected
            else None
        ),
        source_name=body.get("source_name"),
        extra=body.get("extra") or {},
    )
