"""Repository: per watch, its facts and every source that reported each one."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from scraper.facts import Diff, KnownFacts, alert_for, has_passed
from scraper.models import PRECISION_RANK, RELEASE_DATE, TRAILER, Alert, Finding, Watch
from scraper.store.db import Database, from_db_time, to_db_time


@dataclass(frozen=True)
class Report:
    """One configured source that reported a fact, with the article it was read in."""

    url: str  # the configured source's URL
    name: str | None  # its configured name (None in states from before names were kept)
    link: str | None  # the article or feed entry, when it is not the source itself


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
    id: int = 0
    rejected: bool = False
    reports: tuple[Report, ...] = ()


@dataclass(frozen=True)
class Rejection:
    """What `reject` did: the fact, and the release date that is current now (if any)."""

    fact: StoredFact
    was_current: bool
    now_current: StoredFact | None


class FactStore(Database):
    def known_facts(self, watch_key: str) -> KnownFacts:
        rows = self._query(
            "SELECT id, kind, value_key, value_json, evidence, is_current, first_seen_at,"
            " published FROM facts"
            " WHERE watch_key = ? ORDER BY id",
            (watch_key,),
        )
        rejected = self._query(
            "SELECT kind, value_key FROM rejections WHERE watch_key = ?", (watch_key,)
        )
        current = None
        latest_trailer = None
        dates = {r["value_key"] for r in rejected if r["kind"] == RELEASE_DATE}
        rejected_dates = frozenset(dates)
        trailers = {r["value_key"] for r in rejected if r["kind"] == TRAILER}
        # Dates first seen in a check after the one that made the current date current, and
        # not current, were held back when they came (less precise, or past): never current,
        # so no old value. (The current date's own check recorded older reports beside it.)
        later: list[tuple[str, str, Finding, int]] = []
        latest_trailer_row = None
        current_seen = ""
        current_published = None
        for row in rows:
            if row["kind"] == RELEASE_DATE:
                dates.add(row["value_key"])
                value = json.loads(row["value_json"])
                finding = Finding(RELEASE_DATE, row["evidence"], value["date"], value["precision"])
                if row["is_current"]:
                    current, current_seen = finding, row["first_seen_at"]
                    current_published = _day(row["published"])
                elif row["value_key"] not in rejected_dates:
                    later.append((row["first_seen_at"], row["value_key"], finding, row["id"]))
            elif row["kind"] == TRAILER:
                trailers.add(row["value_key"])
                latest_trailer, latest_trailer_row = row["value_key"], row
        held = {key: (f, fid) for seen, key, f, fid in later if current and seen > current_seen}
        return KnownFacts(
            current,
            frozenset(dates),
            frozenset(trailers),
            latest_trailer,
            frozenset((r["kind"], r["value_key"]) for r in rejected),
            {key: f for key, (f, _) in held.items()},
            current_published,
            latest_trailer_seen=(
                from_db_time(latest_trailer_row["first_seen_at"]).date()
                if latest_trailer_row is not None else None
            ),
            latest_trailer_evidence=(
                latest_trailer_row["evidence"] if latest_trailer_row is not None else ""
            ),
            held_back_reports=self._reports_of({key: fid for key, (_, fid) in held.items()}),
        )

    def _reports_of(
        self, fact_ids: dict[str, int]
    ) -> dict[str, tuple[tuple[str, str | None, str | None], ...]]:
        """value_key -> (source URL, name, link) of each report of these facts."""
        if not fact_ids:
            return {}
        keys = {fid: key for key, fid in fact_ids.items()}
        found: dict[str, list[tuple[str, str | None, str | None]]] = {}
        for r in self._query(
            "SELECT fact_id, source_url, source_name, link FROM fact_sources"
            f" WHERE fact_id IN ({','.join('?' * len(keys))})"
            " ORDER BY fact_id, first_seen_at, source_url",
            list(keys),
        ):
            found.setdefault(keys[r["fact_id"]], []).append(
                (r["source_url"], r["source_name"], r["link"])
            )
        return {key: tuple(reports) for key, reports in found.items()}

    def adopt_renamed(self, watch: Watch, configured: Sequence[str]) -> str | None:
        """A watch renamed with its old title kept as an alias (a film retitled) is the
        same watch: when it has no facts yet and an unconfigured watch of that old title
        and season has, those facts, rejections and alerts become its own, so what was
        known stays known and is not announced again. Returns the old key, if any."""
        old_keys = [
            key for key in dict.fromkeys(Watch(a, watch.season).key for a in watch.aliases)
            if key != watch.key and key not in configured
        ]
        if not old_keys or self._has_facts(watch.key):
            return None
        for old in old_keys:
            if not self._has_facts(old):
                continue
            self._execute("UPDATE facts SET watch_key = ? WHERE watch_key = ?", (watch.key, old))
            self._execute("UPDATE alerts SET watch_key = ? WHERE watch_key = ?", (watch.key, old))
            self._execute(
                "INSERT OR IGNORE INTO rejections (watch_key, kind, value_key, rejected_at)"
                " SELECT ?, kind, value_key, rejected_at FROM rejections WHERE watch_key = ?",
                (watch.key, old),
            )
            self._execute("DELETE FROM rejections WHERE watch_key = ?", (old,))
            return old
        return None

    def _has_facts(self, watch_key: str) -> bool:
        return bool(self._query("SELECT 1 FROM facts WHERE watch_key = ? LIMIT 1", (watch_key,)))

    def store_diff(
        self, watch: Watch, diff: Diff, at: datetime, notifiers: Sequence[str]
    ) -> list[Alert]:
        """Write new facts, corroborating sources and the alerts they make, in one go."""
        alerts: list[Alert] = []
        stamp = to_db_time(at)

        def reporter(url: str, value_key: str) -> tuple[str | None, str | None]:
            name, link = diff.reporter(url, value_key)
            return name, link if link != url else None

        with self.transaction():
            for kind, value_key, source_url in diff.corroborations:
                self._execute(
                    "INSERT OR IGNORE INTO fact_sources"
                    " (fact_id, source_url, first_seen_at, source_name, link)"
                    " SELECT id, ?, ?, ?, ? FROM facts WHERE watch_key = ? AND kind = ?"
                    " AND value_key = ?",
                    (source_url, stamp, *reporter(source_url, value_key), watch.key, kind,
                     value_key),
                )
            for fact in diff.new_facts:
                finding = fact.finding
                if fact.becomes_current:
                    self._execute(
                        "UPDATE facts SET is_current = 0 WHERE watch_key = ? AND kind = ?",
                        (watch.key, finding.kind),
                    )
                if fact.existing:  # a held-back date made current: the row is there
                    fact_id = self._query(
                        "UPDATE facts SET is_current = 1, published = COALESCE(?, published)"
                        " WHERE watch_key = ?"
                        " AND kind = ? AND value_key = ? RETURNING id",
                        (_iso(fact.published), watch.key, finding.kind, finding.value_key),
                    )[0][0]
                else:
                    fact_id = self._query(
                        "INSERT INTO facts (watch_key, kind, value_key, value_json, evidence,"
                        " source_url, first_seen_at, is_current, published)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        (watch.key, finding.kind, finding.value_key,
                         json.dumps(finding.value()), finding.evidence, fact.sources[0], stamp,
                         int(fact.becomes_current), _iso(fact.published)),
                    )[0][0]
                self._executemany(
                    "INSERT OR IGNORE INTO fact_sources"
                    " (fact_id, source_url, first_seen_at, source_name, link)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [(fact_id, url, stamp, *reporter(url, finding.value_key))
                     for url in fact.sources],
                )
                alert = alert_for(watch, fact, at)
                if alert is None:
                    continue
                self.add_alert(alert, notifiers, watch_key=watch.key)
                alerts.append(alert)
        return alerts

    def facts(
        self, watch_key: str | None = None, *, fact_id: int | None = None
    ) -> list[StoredFact]:
        """Every fact (of one watch, or the one with `fact_id`), each with its reports."""
        if fact_id is not None:
            where, params = "WHERE f.id = ?", (fact_id,)
        elif watch_key:
            where, params = "WHERE f.watch_key = ?", (watch_key,)
        else:
            where, params = "", ()
        rows = self._query(
            f"""
            SELECT f.*, r.rejected_at FROM facts f LEFT JOIN rejections r
              ON r.watch_key = f.watch_key AND r.kind = f.kind AND r.value_key = f.value_key
            {where} ORDER BY f.watch_key, f.first_seen_at, f.id
            """,
            params,
        )
        reports: dict[int, list[Report]] = {}
        if rows:
            ids = [row["id"] for row in rows]
            for chunk in range(0, len(ids), 500):
                part = ids[chunk : chunk + 500]
                for r in self._query(
                    "SELECT fact_id, source_url, source_name, link FROM fact_sources"
                    f" WHERE fact_id IN ({','.join('?' * len(part))})"
                    " ORDER BY fact_id, first_seen_at, source_url",
                    part,
                ):
                    reports.setdefault(r["fact_id"], []).append(
                        Report(r["source_url"], r["source_name"], r["link"])
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
                sources=tuple(r.url for r in reports.get(row["id"], ())),
                id=row["id"],
                rejected=row["rejected_at"] is not None,
                reports=tuple(reports.get(row["id"], ())),
            )
            for row in rows
        ]

    def reject_fact(self, fact_id: int, at: datetime, today: date) -> Rejection | None:
        """Mark a fact wrong: never current again, whichever source repeats its value.

        When it was the current release date, the best remaining date becomes current:
        one still ahead before one already past, then the most precise, then the newest.
        """
        with self.transaction():
            found = self.facts(fact_id=fact_id)
            if not found:
                return None
            fact = found[0]
            self._execute(
                "INSERT OR IGNORE INTO rejections (watch_key, kind, value_key, rejected_at)"
                " SELECT watch_key, kind, value_key, ? FROM facts WHERE id = ?",
                (to_db_time(at), fact_id),
            )
            self._execute("UPDATE facts SET is_current = 0 WHERE id = ?", (fact_id,))
            now_current = None
            if fact.kind == RELEASE_DATE and fact.is_current:
                remaining = [
                    f for f in self.facts(fact.watch_key)
                    if f.kind == RELEASE_DATE and not f.rejected and f.id != fact_id
                ]
                if remaining:
                    now_current = max(remaining, key=lambda f: _date_rank(f, today))
                    self._execute(
                        "UPDATE facts SET is_current = 1 WHERE id = ?", (now_current.id,)
                    )
            return Rejection(self.facts(fact_id=fact_id)[0], fact.is_current, now_current)

    def forget_watch(self, watch_key: str) -> int:
        """Clear one watch's facts, so its next check alerts on what it finds as if new.

        Every source is read in full again at its next check (content already seen is
        where those findings are); rejections stay: a wrong value stays wrong.
        """
        with self.transaction():
            self._execute("UPDATE sources SET watch_signature = NULL")
            self._execute(
                "DELETE FROM fact_sources WHERE fact_id IN"
                " (SELECT id FROM facts WHERE watch_key = ?)",
                (watch_key,),
            )
            return self._execute("DELETE FROM facts WHERE watch_key = ?", (watch_key,)).rowcount


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _date_rank(fact: StoredFact, today: date) -> tuple[bool, int, datetime]:
    finding = Finding(RELEASE_DATE, fact.evidence, fact.value["date"], fact.value["precision"])
    return (
        not has_passed(finding, today),
        PRECISION_RANK.get(fact.value.get("precision") or "", -1),
        fact.first_seen_at,
    )
