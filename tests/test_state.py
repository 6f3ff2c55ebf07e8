"""The state file: a real SQLite file, migrations, facts, outbox."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from scraper.errors import UserError
from scraper.facts import KnownFacts, Observation, diff_findings
from scraper.models import ANNOUNCED, RELEASE_DATE, Alert, Finding, Watch
from scraper.store.schema import SCHEMA_VERSION
from scraper.store.state import State

NOW = datetime(2023, 4, 20, 16, 0, tzinfo=UTC)
WATCH = Watch("Heartstopper", 2, ("Heartstopper S2",))


def date_finding(value="2023-08-03"):
    return Finding(RELEASE_DATE, "Heartstopper Season 2 premieres August 3.", value, "day")


def test_new_state_file_is_wal_and_versioned(tmp_path):
    path = tmp_path / "deep" / "state.db"
    State(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_state_from_a_newer_release_is_refused_clearly(tmp_path):
    path = tmp_path / "state.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(UserError, match="upgrade releasewatch"):
        State(path)


def test_not_a_database_is_a_user_error(tmp_path):
    path = tmp_path / "state.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(UserError, match="cannot open the state file"):
        State(path)


def test_new_fact_and_its_alerts_are_written_together_and_survive_reopen(backend):
    state = State(backend)
    diff = diff_findings(KnownFacts(), [Observation(date_finding(), "https://tudum")])
    alerts = state.store_diff(WATCH, diff, NOW, ["console", "mail"])
    assert [a.event for a in alerts] == [ANNOUNCED]
    state.close()

    state = State(backend)
    known = state.known_facts(WATCH.key)
    assert known.current_date.value_key == "2023-08-03/day"
    pending = state.pending_deliveries(NOW)
    assert sorted(d.notifier for d in pending) == ["console", "mail"]
    assert pending[0].alert.value == {"date": "2023-08-03", "precision": "day"}
    assert pending[0].alert.sources == ("https://tudum",)


def test_a_failure_inside_the_transaction_leaves_nothing_behind(backend):
    state = State(backend)
    diff = diff_findings(KnownFacts(), [Observation(date_finding(), "https://tudum")])
    with pytest.raises(RuntimeError), state.transaction():
        state.store_diff(WATCH, diff, NOW, ["console"])
        raise RuntimeError("crash before commit")
    assert state.known_facts(WATCH.key).current_date is None
    assert state.pending_deliveries(NOW) == []


def test_delivery_attempts_move_status_and_are_kept_for_history(backend):
    state = State(backend)
    alert = Alert("a1", ANNOUNCED, "Heartstopper", 2, {"date": "2023", "precision": "year"},
                  None, "evidence", "https://x", ("https://x",), NOW)
    state.add_alert(alert, ["hook"])
    (delivery,) = state.pending_deliveries(NOW)
    later = NOW + timedelta(seconds=30)
    state.record_delivery_attempt(delivery.id, NOW, ok=False, error="HTTP 503",
                                  next_attempt_at=later)
    assert state.pending_deliveries(NOW) == []  # not due yet
    assert len(state.pending_deliveries(NOW, due_only=False)) == 1
    state.record_delivery_attempt(delivery.id, later, ok=True, error=None, next_attempt_at=None)
    assert state.pending_deliveries(later, due_only=False) == []
    (entry,) = state.history()
    assert [a["ok"] for a in entry["deliveries"][0]["attempts"]] == [False, True]
    assert entry["deliveries"][0]["status"] == "sent"


def test_disabled_notifier_is_re_enabled_by_a_config_change(backend):
    state = State(backend)
    state.disable_notifier("discord", "fp1", "HTTP 404: Unknown Webhook", NOW)
    assert state.notifier_disabled("discord", "fp1") == "HTTP 404: Unknown Webhook"
    assert state.notifier_disabled("discord", "fp2") is None
    assert state.notifier_disabled("discord", "fp1") is None


def test_failure_streak_counts_and_success_resets_it(backend):
    state = State(backend)
    assert state.save_source_failure("feed", "https://f", NOW, "HTTP 500") == 1
    assert state.save_source_failure("feed", "https://f", NOW, "HTTP 500") == 2
    state.save_source_success("feed", "https://f", NOW, etag='"e"', last_modified=None,
                              content_hash="h", watch_signature="w")
    saved = state.source_state("feed")
    assert (saved.consecutive_failures, saved.etag, saved.last_error) == (0, '"e"', None)


def test_feed_entry_memory_is_pruned_by_age(backend):
    state = State(backend)
    state.remember_entries("feed", [("a", "1"), ("b", "2")], NOW - timedelta(days=200))
    state.remember_entries("feed", [("b", "3")], NOW)
    assert state.prune_entries(NOW - timedelta(days=180)) == 1
    assert state.known_entries("feed") == {"b": "3"}


def test_retention_forgets_old_entries_and_finished_alerts_but_never_pending(backend):
    from scraper.store.retention import prune_if_due

    state = State(backend)
    old = NOW - timedelta(days=400)
    state.remember_entries("feed", [("old", "1")], old)
    state.remember_entries("feed", [("new", "2")], NOW)
    for alert_id, status in (("sent-long-ago", True), ("still-pending", False)):
        alert = Alert(alert_id, ANNOUNCED, "Heartstopper", 2, {"date": "2023", "precision": "year"},
                      None, "evidence", "https://x", ("https://x",), old)
        state.add_alert(alert, ["hook"])
        if status:
            (delivery,) = [d for d in state.pending_deliveries(NOW) if d.alert.id == alert_id]
            state.record_delivery_attempt(delivery.id, old, ok=True, error=None,
                                          next_attempt_at=None)
    assert prune_if_due(state, NOW) is True
    assert prune_if_due(state, NOW + timedelta(minutes=5)) is False  # at most hourly
    assert state.known_entries("feed") == {"new": "2"}
    assert [e["alert"]["id"] for e in state.history()] == ["still-pending"]


# -- cost does not grow with history (issue 8) -------------------------------------------


def test_wal_is_cut_back_after_a_checkpoint_on_a_connection_that_stays_open(tmp_path):
    """The daemon keeps its connection, so its WAL is never deleted: after a transaction
    bigger than the checkpoint interval (a cold cycle) the file must not keep that size."""
    from scraper.store.db import WAL_SIZE_LIMIT

    path = tmp_path / "s.db"
    state = State(path)
    key = "https://news.example/story/" + "x" * 400
    # One transaction of ~2,000 pages (a cold cycle's): past SQLite's 1,000-page
    # automatic checkpoint, which runs at its commit.
    with state.transaction():
        state.remember_entries("feed", [(f"{key}/{i}", "f" * 16) for i in range(8000)], NOW)
    assert (tmp_path / "s.db-wal").stat().st_size > 4 * WAL_SIZE_LIMIT
    for minute in range(3):  # warm cycles: small transactions
        state.save_source_success("feed", "https://f", NOW + timedelta(minutes=minute),
                                  etag='"e"', last_modified=None, content_hash="h",
                                  watch_signature="w")
    assert (tmp_path / "s.db-wal").stat().st_size <= WAL_SIZE_LIMIT
    state.close()


class _NotModifiedFetcher:
    """Every source answers 304: a warm cycle."""

    def fetch_all(self, jobs):
        from scraper.models import Response

        for source, url, _validators in jobs:
            yield source, Response(url, 304, None, None, etag='"e1"', last_modified="Mon")


def _warm_cycle_work(tmp_path, state: State) -> tuple[int, list[str]]:
    """SQLite VM steps and statements of one warm `check` (cycle, outbox read, heartbeat)."""
    from scraper.config.settings import load_config
    from scraper.cycle import check_sources

    lines = [f"state: {state.path}", "watches:", "  - title: Heartstopper", "    season: 2",
             "sources:"]
    for n in range(20):
        lines += [f"  - name: feed {n:02}", f"    url: https://news{n}.example/rss",
                  "    type: feed"]
    (tmp_path / "config.yaml").write_text("\n".join(lines) + "\n")
    config = load_config(tmp_path / "config.yaml", env={})
    steps, statements = [0], []

    def count() -> int:
        steps[0] += 1
        return 0

    state._conn.set_progress_handler(count, 1)
    state._conn.set_trace_callback(statements.append)
    try:
        check_sources(config, state, _NotModifiedFetcher(), NOW)
        state.pending_deliveries(NOW, due_only=False)
        state.set_meta("last_cycle_at", "2023-04-20T16:00:00.000000Z")
    finally:
        state._conn.set_progress_handler(None, 0)
        state._conn.set_trace_callback(None)
    return steps[0], statements


def _add_history(state: State, cycles: int) -> None:
    """What `cycles` cycles of changing feeds leave: remembered entries, corroborating
    sources, alerts delivered long ago with their attempts."""
    for cycle in range(cycles):
        at = NOW - timedelta(hours=cycles - cycle)
        with state.transaction():
            for n in range(20):
                entries = [(f"https://news{n}.example/{cycle}/{i}", "f") for i in range(20)]
                state.remember_entries(f"feed {n:02}", entries, at)
            diff = diff_findings(state.known_facts(WATCH.key), [
                Observation(date_finding(f"2023-08-{1 + cycle % 28:02}"), f"https://s{cycle}"),
            ])
            state.store_diff(WATCH, diff, at, ["console"])
            for delivery in state.pending_deliveries(at):
                state.record_delivery_attempt(delivery.id, at, ok=True, error=None,
                                              next_attempt_at=None)


def test_a_warm_cycle_does_the_same_sqlite_work_however_long_the_history(tmp_path):
    """Issue 8: a warm cycle reads and writes only the sources' rows, the pending outbox
    and the meta keys, by index: feed memory, facts and delivered alerts may grow (up to
    their retention) without making it cost more."""
    young, old = tmp_path / "young", tmp_path / "old"
    young.mkdir()
    old.mkdir()
    fresh = State(young / "state.db")
    _warm_cycle_work(young, fresh)  # the first cycle stores the sources
    grown = State(old / "state.db")
    _warm_cycle_work(old, grown)
    _add_history(grown, 100)
    assert len(grown.facts(WATCH.key)) > 25
    assert grown.delivery_counts()["console"]["sent"] > 25
    fresh_steps, fresh_sql = _warm_cycle_work(young, fresh)
    grown_steps, grown_sql = _warm_cycle_work(old, grown)
    assert len(grown_sql) == len(fresh_sql)
    assert grown_steps == fresh_steps


def _plans(state: State, statements: list[str]) -> dict[str, list[str]]:
    plans = {}
    for sql in statements:
        if sql.split(None, 1)[0].upper() in {"SELECT", "UPDATE", "DELETE", "INSERT"}:
            rows = state._conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
            plans[sql] = [row[3] for row in rows]
    return plans


def test_every_lookup_a_cycle_makes_uses_an_index(tmp_path):
    """Reading every source's row is a cycle's one full read; every other statement of a
    cycle, its delivery and its pruning finds its rows through an index (foreign-key
    checks included), so none of them scans a table that grows with history."""
    from scraper.store.retention import prune_if_due

    state = State(tmp_path / "state.db")
    _warm_cycle_work(tmp_path, state)
    _add_history(state, 5)
    statements: list[str] = []
    state._conn.set_trace_callback(statements.append)
    state.known_entries("feed 01")
    state.save_source_failure("feed 02", "https://news2.example/rss", NOW, "HTTP 500")
    state.mark_failing_alerted("feed 02")
    state.reset_source("feed 03")
    diff = diff_findings(state.known_facts(WATCH.key), [
        Observation(date_finding("2023-08-01"), "https://another"),
        Observation(date_finding("2023-09-09"), "https://new"),
    ])
    for alert in state.store_diff(WATCH, diff, NOW, ["console"]):
        for delivery in state.pending_deliveries(NOW):
            state.record_delivery_attempt(delivery.id, NOW, ok=False, error="HTTP 503",
                                          next_attempt_at=NOW + timedelta(minutes=1))
        assert alert.id
    state.pending_deliveries(NOW, notifier="console")
    state.notifier_disabled("console", "fp")
    state.history(WATCH.key, limit=5)
    state.failed_deliveries()
    state.cache_get("tvmaze:show")
    state.set_meta("last_pruned_at", "2000-01-01T00:00:00.000000Z")
    prune_if_due(state, NOW + timedelta(days=400))
    state._conn.set_trace_callback(None)
    _, warm = _warm_cycle_work(tmp_path, state)
    scans = {
        sql: plan
        for sql, plan in _plans(state, statements + warm).items()
        if any(step.startswith("SCAN") for step in plan)
        and not sql.startswith("SELECT * FROM sources ORDER BY name")
    }
    assert scans == {}


def test_a_state_file_from_the_first_release_gains_the_retry_after_column(tmp_path):
    from scraper.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + ";PRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO sources (name, url, last_checked_at) VALUES ('news', 'https://x.test/', ?)",
        ("2024-05-01T12:00:00.000000Z",),
    )
    conn.commit()
    conn.close()
    state = State(path)
    try:
        assert state.source_state("news").retry_at is None
        later = datetime(2024, 5, 1, 13, tzinfo=UTC)
        state.save_source_failure("news", "https://x.test/", later, "HTTP 429", retry_at=later)
        assert state.source_state("news").retry_at == later
    finally:
        state.close()
