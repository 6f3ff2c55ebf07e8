"""Repository: the outbox: alerts, one delivery per notifier, every attempt."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from scraper.models import Alert, Watch
from scraper.store.db import Database, from_db_time, to_db_time
from scraper.store.dialect import storable


@dataclass(frozen=True)
class Delivery:
    id: int
    alert: Alert
    notifier: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    claim_token: str | None = None  # the lease of the run sending it, if one holds it



class Outbox(Database):
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
            self._executemany(
                "INSERT INTO deliveries (alert_id, notifier, created_at, next_attempt_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?)",
                [(alert.id, name, stamp, stamp, stamp) for name in notifiers],
            )
            if notifiers:
                self.wake_workers("outbox")

    def pending_deliveries(
        self,
        now: datetime,
        *,
        due_only: bool = True,
        notifier: str | None = None,
        horizon: timedelta | None = None,
    ) -> list[Delivery]:
        """Pending deliveries; with due_only, those whose wait is over, and (with a horizon)
        those whose wait ends further ahead than it: stored before a clock jumped back."""
        sql = (
            "SELECT d.*, a.body_json FROM deliveries d JOIN alerts a ON a.id = d.alert_id"
            " WHERE d.status = 'pending'"
        )
        params: list[Any] = []
        if due_only and horizon is not None:
            sql += " AND (d.next_attempt_at <= ? OR d.next_attempt_at > ?)"
            params += [to_db_time(now), to_db_time(now + horizon)]
        elif due_only:
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
                claim_token=row["claim_token"],
            )
            for row in self._query(sql, params)
        ]

    def claim_delivery(
        self,
        delivery_id: int,
        attempts: int,
        token: str,
        now: datetime,
        until: datetime,
        horizon: timedelta,
    ) -> bool:
        """Lease a pending delivery to one sender before it is sent: True when this run
        holds it now. Written in one transaction, so two runs at once (`check` beside
        `run`, two `check`s) never both send it. Refused while another run's lease holds,
        and when the delivery was attempted since the caller read it (`attempts` changed):
        that run already sent it, or set its next wait. A lease ending beyond `horizon`
        from now was written by a clock that jumped back since: it holds nothing."""
        with self.transaction():
            cursor = self._execute(
                "UPDATE deliveries SET claim_token = ?, claimed_until = ?"
                " WHERE id = ? AND status = 'pending' AND attempts = ?"
                " AND (claimed_until IS NULL OR claimed_until <= ? OR claimed_until > ?)",
                (token, to_db_time(until), delivery_id, attempts,
                 to_db_time(now), to_db_time(now + horizon)),
            )
            return cursor.rowcount == 1

    def release_delivery(self, delivery_id: int, token: str) -> None:
        """Give a lease back unsent (the pass stopped before sending it)."""
        self._execute(
            "UPDATE deliveries SET claim_token = NULL, claimed_until = NULL"
            " WHERE id = ? AND claim_token = ?",
            (delivery_id, token),
        )

    def record_delivery_attempt(
        self,
        delivery_id: int,
        at: datetime,
        *,
        ok: bool,
        error: str | None,
        next_attempt_at: datetime | None,
        counted: bool = True,
    ) -> None:
        """Record one attempt and release its lease. counted=False (a try forced before
        it was due) leaves the retry budget as it was."""
        status = "sent" if ok else ("pending" if next_attempt_at is not None else "failed")
        stamp = to_db_time(at)
        with self.transaction():
            self._execute(
                "INSERT INTO delivery_attempts (delivery_id, at, ok, error) VALUES (?, ?, ?, ?)",
                (delivery_id, stamp, int(ok), storable(error)),
            )
            self._execute(
                "UPDATE deliveries SET status = ?, attempts = attempts + ?, last_error = ?,"
                " next_attempt_at = COALESCE(?, next_attempt_at), updated_at = ?,"
                " claim_token = NULL, claimed_until = NULL WHERE id = ?",
                (status, int(counted), None if ok else storable(error),
                 to_db_time(next_attempt_at) if next_attempt_at else None, stamp, delivery_id),
            )

    def alert_ids_like(self, given: str) -> list[str]:
        """The alert ids `given` may mean: itself, else those it starts (at least 4 hex
        digits, as `history` shows an id and a user copies part of it); at most two."""
        if self._query("SELECT 1 FROM alerts WHERE id = ?", (given,)):
            return [given]
        if len(given) < 4 or any(c not in "0123456789abcdef" for c in given):
            return []
        return [row[0] for row in self._query(
            "SELECT id FROM alerts WHERE id LIKE ? ORDER BY id LIMIT 2", (given + "%",)
        )]

    def redeliver(self, alert_id: str, at: datetime) -> list[str] | None:
        """Put an alert's given-up deliveries back in the outbox, due now, with a fresh
        retry budget. Returns the notifiers it went back to; None for an unknown alert."""
        stamp = to_db_time(at)
        with self.transaction():
            if not self._query("SELECT 1 FROM alerts WHERE id = ?", (alert_id,)):
                return None
            names = [
                row[0]
                for row in self._query(
                    "SELECT notifier FROM deliveries WHERE alert_id = ? AND status = 'failed'"
                    " ORDER BY notifier",
                    (alert_id,),
                )
            ]
            self._execute(
                "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?,"
                " updated_at = ?, claim_token = NULL, claimed_until = NULL"
                " WHERE alert_id = ? AND status = 'failed'",
                (stamp, stamp, alert_id),
            )
            if names:
                self.wake_workers("outbox")
        return names

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

    def alert_watches(self) -> dict[str, Watch]:
        """Per watch key that has alerts, the watch as its latest alert names it (title as the
        user wrote it), so a watch removed from the config can still be asked about."""
        found: dict[str, Watch] = {}
        for key, body in self._query(
            "SELECT watch_key, body_json FROM alerts WHERE watch_key IS NOT NULL"
            " ORDER BY created_at, rowid"
        ):
            watch = json.loads(body).get("watch") or {}
            if watch.get("title"):
                found[key] = Watch(watch["title"], watch.get("season"))
        return found

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



def delivery_from_row(row: Any) -> Delivery:
    """A delivery read with its alert's body_json."""
    return Delivery(
        id=row["id"],
        alert=_alert_from_body(json.loads(row["body_json"])),
        notifier=row["notifier"],
        attempts=row["attempts"],
        created_at=from_db_time(row["created_at"]),
        next_attempt_at=from_db_time(row["next_attempt_at"]),
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
        feed=body.get("feed"),
        source_names=tuple(body.get("source_names") or ()),
    )
