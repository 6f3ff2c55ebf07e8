"""Repository: per watch, its facts and every source that reported each one."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from scraper.facts import Diff, KnownFacts, alert_for
from scraper.models import RELEASE_DATE, TRAILER, Alert, Finding, Watch
from scraper.store.db import Database, from_db_time, to_db_time


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



class FactStore(Database):
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
                alert = alert_for(watch, fact, at)
                if alert is None:
                    continue
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
