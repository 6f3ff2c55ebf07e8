"""Repository: work shared by several workers on one state (a PostgreSQL database).

A source's `next_check_at` is both its schedule and its lease. A worker claims due
sources with one UPDATE over `... ORDER BY next_check_at LIMIT k FOR UPDATE SKIP LOCKED`,
which pushes next_check_at a lease length ahead and writes the worker's claim token.
It commits a source's result only while that token still holds (fencing): a worker
that stalled past its lease and lost the source writes nothing. A worker that dies
simply lets its lease run out, and the source comes due again.

On SQLite the same statements run without row locks (BEGIN IMMEDIATE holds the one
write lock), so the single daemon could use them too; it keeps its per-source jobs.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from scraper.errors import mask_registered
from scraper.store.db import Database, from_db_time, to_db_time
from scraper.store.dialect import storable
from scraper.store.outbox import Delivery, delivery_from_row

log = logging.getLogger("releasewatch.worker")

# Far enough ahead that a source no longer configured is never claimed again.
NEVER = "9999-12-31T23:59:59.000000Z"


def new_token() -> str:
    import uuid  # here: every `check` imports this module, few make a token

    return uuid.uuid4().hex


# pg_advisory_xact_lock key ("rw" + 2) held while the YAML is upserted.
CONFIG_LOCK = 0x72770002


@dataclass(frozen=True)
class WorkerInfo:
    id: str
    hostname: str
    pid: int
    started_at: datetime | None
    last_seen_at: datetime | None
    notifiers: tuple[str, ...] = ()  # the notifiers it can send through (its config's)


@dataclass(frozen=True)
class ConfiguredNotifier:
    """A notifier as the database knows it: never a secret (see runtime/config_sync)."""

    name: str
    kind: str
    settings: dict[str, Any] | None  # None: not known where the config was read
    configured: bool = True


class WorkStore(Database):
    # -- the configured sources, watches and notifiers ---------------------------------

    def sync_config(
        self,
        sources: dict[str, str],
        watch_keys: Iterable[str],
        notifiers: Sequence[ConfiguredNotifier],
        now: datetime,
    ) -> None:
        """The YAML upserted into the state, in one transaction under an advisory lock (on
        PostgreSQL), so workers starting together with the same config do it one after
        another, never interleaved. `sources`: name -> URL as it may be stored."""
        with self.transaction():
            self.advisory_lock(CONFIG_LOCK)
            self._upsert_sources(sources, now)
            self._upsert_watches(watch_keys)
            self._upsert_notifiers(notifiers, now)
            self.wake_workers("sources")  # a new source is due now

    def sync_sources(self, names: Iterable[str], urls: dict[str, str], now: datetime) -> None:
        """Make the sources table hold exactly the configured sources as claimable work:
        new ones due now, ones gone from the config never claimed again (their history
        stays). Under the config's advisory lock, as sync_config."""
        with self.transaction():
            self.advisory_lock(CONFIG_LOCK)
            self._upsert_sources({name: urls[name] for name in names}, now)

    def sync_watches(self, keys: Iterable[str]) -> None:
        with self.transaction():
            self.advisory_lock(CONFIG_LOCK)
            self._upsert_watches(keys)

    def _upsert_sources(self, urls: dict[str, str], now: datetime) -> None:
        wanted = sorted(urls)
        self._executemany(
            "INSERT INTO sources (name, url, next_check_at, configured) VALUES (?, ?, ?, 1)"
            " ON CONFLICT (name) DO UPDATE SET configured = 1",
            [(name, urls[name], to_db_time(now)) for name in wanted],
        )
        rows = self._query("SELECT name FROM sources WHERE configured = 1")
        gone = sorted({row[0] for row in rows} - set(wanted))
        self._executemany(
            "UPDATE sources SET configured = 0, claim_token = NULL WHERE name = ?",
            [(name,) for name in gone],
        )

    def _upsert_watches(self, keys: Iterable[str]) -> None:
        self._executemany(
            "INSERT OR IGNORE INTO watches (key) VALUES (?)", [(k,) for k in sorted(set(keys))]
        )

    def _upsert_notifiers(self, notifiers: Sequence[ConfiguredNotifier], now: datetime) -> None:
        stamp = to_db_time(now)
        known = sorted((n for n in notifiers if n.settings is not None), key=lambda n: n.name)
        self._executemany(
            "INSERT INTO notifiers (name, kind, settings_json, configured, updated_at)"
            " VALUES (?, ?, ?, 1, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,"
            " settings_json = excluded.settings_json, configured = 1,"
            " updated_at = excluded.updated_at",
            [(n.name, n.kind, json.dumps(n.settings, sort_keys=True), stamp) for n in known],
        )
        # Read from a config whose ${VAR}s are not set here (migrate on a deploy host):
        # its name and kind are known, its settings kept as a worker last wrote them.
        partial = sorted((n for n in notifiers if n.settings is None), key=lambda n: n.name)
        self._executemany(
            "INSERT INTO notifiers (name, kind, configured, updated_at) VALUES (?, ?, 1, ?)"
            " ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, configured = 1,"
            " updated_at = excluded.updated_at",
            [(n.name, n.kind, stamp) for n in partial],
        )
        wanted = {n.name for n in notifiers}
        rows = self._query("SELECT name FROM notifiers WHERE configured = 1")
        gone = sorted({row[0] for row in rows} - wanted)
        self._executemany(
            "UPDATE notifiers SET configured = 0, updated_at = ? WHERE name = ?",
            [(stamp, name) for name in gone],
        )

    def configured_notifiers(self) -> list[ConfiguredNotifier]:
        """The notifiers the YAML last upserted (configured=False: gone from it since)."""
        return [
            ConfiguredNotifier(r["name"], r["kind"], json.loads(r["settings_json"] or "{}"),
                               bool(r["configured"]))
            for r in self._query("SELECT * FROM notifiers ORDER BY name")
        ]

    def advisory_lock(self, key: int) -> None:
        """Held until the transaction ends (PostgreSQL); SQLite's write lock is enough."""
        if self.is_postgresql:
            self._execute("SELECT pg_advisory_xact_lock(?)", (key,))

    # -- claiming sources ------------------------------------------------------------

    def claim_sources(
        self, token: str, now: datetime, lease: timedelta, limit: int,
        skip: Collection[str] = (),
    ) -> list[str]:
        """Claim up to `limit` due sources, the longest overdue first; returns their names.
        One statement, atomic on its own: no BEGIN/COMMIT round trips around it.
        `skip`: sources the caller cannot check (another config's, mid roll-out), left
        due for the workers that can."""
        skipped = sorted(set(skip))
        unless = f" AND name NOT IN ({', '.join('?' * len(skipped))})" if skipped else ""
        rows = self._query(
            "UPDATE sources SET next_check_at = ?, claim_token = ? WHERE name IN ("
            f" SELECT name FROM sources WHERE configured = 1 AND next_check_at <= ?{unless}"
            f" ORDER BY next_check_at LIMIT ?{self.dialect.skip_locked}"
            ") RETURNING name",
            (to_db_time(now + lease), token, to_db_time(now), *skipped, int(limit)),
        )
        return sorted(row[0] for row in rows)

    def holds_claim(self, name: str, token: str) -> bool:
        """Inside the source's transaction: True while this worker's claim still holds.
        The row stays locked until the commit, so no other worker can take it meanwhile."""
        rows = self._query(
            f"SELECT claim_token FROM sources WHERE name = ?{self.dialect.for_update}", (name,)
        )
        return bool(rows) and rows[0][0] == token

    def finish_claim(self, name: str, token: str, next_check_at: datetime) -> bool:
        """Release a claim, due again at `next_check_at`; False when it was lost."""
        cursor = self._execute(
            "UPDATE sources SET next_check_at = ?, claim_token = NULL"
            " WHERE name = ? AND claim_token = ?",
            (to_db_time(next_check_at), name, token),
        )
        return cursor.rowcount == 1

    def lock_watches(self, keys: Sequence[str]) -> None:
        """Lock the rows of the watches a source's findings touch, in sorted order, so
        two workers that find the same fact take turns (one alert) and never deadlock."""
        wanted = sorted(set(keys))
        if not wanted or not self.is_postgresql:
            return
        self._executemany(
            "INSERT INTO watches (key) VALUES (?) ON CONFLICT DO NOTHING", [(k,) for k in wanted]
        )
        marks = ", ".join("?" * len(wanted))
        self._query(
            f"SELECT key FROM watches WHERE key IN ({marks}) ORDER BY key FOR UPDATE", wanted
        )

    def due_backlog(self, now: datetime) -> int:
        rows = self._query(
            "SELECT count(*) FROM sources WHERE configured = 1 AND next_check_at <= ?",
            (to_db_time(now),),
        )
        return int(rows[0][0])

    # -- politeness across workers -----------------------------------------------------

    def reserve_host(self, host: str, now: datetime, delay: timedelta) -> datetime | None:
        """Reserve the host's next fetch slot with one statement: None when this worker may
        fetch now (the host is then not free to others before now + delay), else the
        time the host is free again. Two workers asking at once: the row lock of the
        upsert makes the second see the first's reservation."""
        rows = self._query(
            "INSERT INTO hosts (host, next_allowed_at) VALUES (?, ?)"
            " ON CONFLICT (host) DO UPDATE SET next_allowed_at = excluded.next_allowed_at"
            " WHERE hosts.next_allowed_at <= ? RETURNING host",
            (host, to_db_time(now + delay), to_db_time(now)),
        )
        if rows:
            return None
        found = self._query("SELECT next_allowed_at FROM hosts WHERE host = ?", (host,))
        return (from_db_time(found[0][0]) if found else None) or now

    def release_host(self, host: str, reserved_until: datetime, free_at: datetime) -> bool:
        """Move a reservation's end to `free_at` (its fetch ended early); False when the
        reservation is no longer this worker's (it ran out and another took the host)."""
        return self._execute(
            "UPDATE hosts SET next_allowed_at = ? WHERE host = ? AND next_allowed_at = ?",
            (to_db_time(free_at), host, to_db_time(reserved_until)),
        ).rowcount == 1

    # -- workers -----------------------------------------------------------------------

    def worker_seen(
        self,
        worker_id: str,
        now: datetime,
        started_at: datetime,
        notifiers: Sequence[str] = (),
    ) -> None:
        """A heartbeat, saying which notifiers the worker can send through (they change
        when it reloads its config)."""
        self._execute(
            "INSERT INTO workers (id, hostname, pid, started_at, last_seen_at, notifiers)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " last_seen_at = excluded.last_seen_at, notifiers = excluded.notifiers",
            (worker_id, socket.gethostname(), os.getpid(), to_db_time(started_at),
             to_db_time(now), json.dumps(sorted(notifiers))),
        )

    def worker_gone(self, worker_id: str, now: datetime | None = None) -> None:
        """A worker that stops hands back what it still holds (a fetch or send that
        outlived its grace): due again now, for the others."""
        with self.transaction():
            self._execute(
                "UPDATE sources SET next_check_at = ?, claim_token = NULL WHERE claim_token = ?",
                (to_db_time(now or datetime.now(UTC)), worker_id),
            )
            self._execute(
                "UPDATE deliveries SET claim_token = NULL, claimed_until = NULL"
                " WHERE status = 'pending' AND claim_token = ?",
                (worker_id,),
            )
            self._execute("DELETE FROM workers WHERE id = ?", (worker_id,))
            self.wake_workers("sources")
            self.wake_workers("outbox")

    def workers(self) -> list[WorkerInfo]:
        return [
            WorkerInfo(r["id"], r["hostname"], r["pid"], from_db_time(r["started_at"]),
                       from_db_time(r["last_seen_at"]), tuple(json.loads(r["notifiers"] or "[]")))
            for r in self._query("SELECT * FROM workers ORDER BY last_seen_at DESC, id")
        ]

    def reap_workers(self, now: datetime, stale: timedelta) -> list[str]:
        """Workers not seen for `stale` are dead (or stalled, which fencing makes the
        same): their claims on sources and deliveries are void at once, not at the end
        of each lease, and the work comes due now. Claim tokens are worker ids."""
        with self.transaction():
            dead = [
                row[0]
                for row in self._query(
                    f"SELECT id FROM workers WHERE last_seen_at < ?{self.dialect.skip_locked}",
                    (to_db_time(now - stale),),
                )
            ]
            if not dead:
                return []
            marks = ", ".join("?" * len(dead))
            self._execute(
                f"UPDATE sources SET next_check_at = ?, claim_token = NULL"
                f" WHERE claim_token IN ({marks})",
                (to_db_time(now), *dead),
            )
            self._execute(
                "UPDATE deliveries SET claim_token = NULL, claimed_until = NULL"
                f" WHERE status = 'pending' AND claim_token IN ({marks})",
                dead,
            )
            self._execute(f"DELETE FROM workers WHERE id IN ({marks})", dead)
            self.wake_workers("sources")
            self.wake_workers("outbox")
        return dead

    def forget_workers(self, unseen_since: datetime) -> int:
        return self._execute(
            "DELETE FROM workers WHERE last_seen_at < ?", (to_db_time(unseen_since),)
        ).rowcount

    # -- deliveries claimed per notifier -----------------------------------------------

    def claim_deliveries(
        self, notifier: str, token: str, now: datetime, lease: timedelta, limit: int
    ) -> list[Delivery]:
        """Claim up to `limit` due deliveries of one notifier, oldest first, leased to
        this worker (deliveries.claim_token / claimed_until, as the deliver branch names
        them); a lease that ran out (its worker died mid-send) is claimed again."""
        stamp = to_db_time(now)
        rows = self._query(
            "UPDATE deliveries SET claim_token = ?, claimed_until = ? WHERE id IN ("
            " SELECT id FROM deliveries WHERE status = 'pending' AND notifier = ?"
            " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)"
            f" ORDER BY created_at, id LIMIT ?{self.dialect.skip_locked}"
            ") RETURNING id",
            (token, to_db_time(now + lease), notifier, stamp, stamp, int(limit)),
        )
        ids = sorted(row[0] for row in rows)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        found = self._query(
            "SELECT d.*, a.body_json FROM deliveries d JOIN alerts a ON a.id = d.alert_id"
            f" WHERE d.id IN ({marks}) ORDER BY d.created_at, d.id",
            ids,
        )
        return [delivery_from_row(row) for row in found]

    def begin_attempt(self, delivery_id: int, token: str, at: datetime) -> int | None:
        """Write the in-flight attempt before the send (so a repeat after a crash shows in
        history); None when this worker's lease on the delivery no longer holds."""
        with self.transaction():
            rows = self._query(
                f"SELECT claim_token FROM deliveries WHERE id = ?{self.dialect.for_update}",
                (delivery_id,),
            )
            if not rows or rows[0][0] != token:
                return None
            return self._query(
                "INSERT INTO delivery_attempts (delivery_id, at, ok, error)"
                " VALUES (?, ?, 0, ?) RETURNING id",
                (delivery_id, to_db_time(at), IN_FLIGHT),
            )[0][0]

    def renew_delivery(self, delivery_id: int, token: str, until: datetime) -> bool:
        """Push a held delivery's lease ahead while its send is still running."""
        return self._execute(
            "UPDATE deliveries SET claimed_until = ? WHERE id = ? AND claim_token = ?",
            (to_db_time(until), delivery_id, token),
        ).rowcount == 1

    def finish_attempt(
        self,
        delivery_id: int,
        attempt_id: int,
        at: datetime,
        *,
        ok: bool,
        error: str | None,
        next_attempt_at: datetime | None,
    ) -> None:
        """The send's outcome on its in-flight row, and the delivery's new status."""
        status = "sent" if ok else ("pending" if next_attempt_at is not None else "failed")
        with self.transaction():
            self._execute(
                "UPDATE delivery_attempts SET ok = ?, error = ? WHERE id = ?",
                (int(ok), storable(error), attempt_id),
            )
            self._execute(
                "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ?,"
                " next_attempt_at = COALESCE(?, next_attempt_at), updated_at = ?,"
                " claim_token = NULL, claimed_until = NULL WHERE id = ?",
                (status, None if ok else storable(error),
                 to_db_time(next_attempt_at) if next_attempt_at else None, to_db_time(at),
                 delivery_id),
            )

    def oldest_pending_delivery(self) -> datetime | None:
        rows = self._query("SELECT min(created_at) FROM deliveries WHERE status = 'pending'")
        return from_db_time(rows[0][0]) if rows else None


class SharedHostSlots:
    """The fetcher's HostSlots (scraper.fetch.hosts) over a state's `hosts` table, so
    per_host_delay holds across every worker on the database. Give it a State of its
    own: fetch threads call it while the claim loop's connection is in a transaction.

    Times are the workers' clocks (keep the machines on NTP): a slot's end is compared
    with another machine's now.
    """

    def __init__(self, store: WorkStore, clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self._store = store
        self._clock = clock
        self._lock = threading.Lock()
        self._held: dict[str, datetime] = {}  # host -> the reservation's end, as written

    def take(self, host: str, hold: float) -> float | None:
        now = self._clock()
        free = self._store.reserve_host(host, now, timedelta(seconds=hold))
        if free is None:
            with self._lock:
                self._held[host] = now + timedelta(seconds=hold)
            return None
        return max((free - now).total_seconds(), 0.0)

    def give_back(self, host: str, delay: float) -> None:
        with self._lock:
            until = self._held.pop(host, None)
        if until is None:
            return
        try:
            self._store.release_host(host, until, self._clock() + timedelta(seconds=delay))
        except Exception as exc:  # noqa: BLE001 - the hold frees the host in the end
            log.warning("could not give host %s back: %s", host, mask_registered(str(exc)))

    def close(self) -> None:
        self._store.close()


# What an attempt row says while its send is in flight; one still saying it after the
# worker died is the send that may have reached the service before the crash.
IN_FLIGHT = "in flight: no answer recorded (the worker stopped mid-send?)"
