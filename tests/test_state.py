"""The state file: a real SQLite file, migrations, facts, outbox."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from scraper.errors import UserError
from scraper.facts import KnownFacts, Observation, diff_findings
from scraper.models import ANNOUNCED, RELEASE_DATE, Alert, Finding, Watch
from scraper.schema import SCHEMA_VERSION
from scraper.state import State

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


def test_new_fact_and_its_alerts_are_written_together_and_survive_reopen(tmp_path):
    state = State(tmp_path / "s.db")
    diff = diff_findings(KnownFacts(), [Observation(date_finding(), "https://tudum")])
    alerts = state.store_diff(WATCH, diff, NOW, ["console", "mail"])
    assert [a.event for a in alerts] == [ANNOUNCED]
    state.close()

    state = State(tmp_path / "s.db")
    known = state.known_facts(WATCH.key)
    assert known.current_date.value_key == "2023-08-03/day"
    pending = state.pending_deliveries(NOW)
    assert sorted(d.notifier for d in pending) == ["console", "mail"]
    assert pending[0].alert.value == {"date": "2023-08-03", "precision": "day"}
    assert pending[0].alert.sources == ("https://tudum",)


def test_a_failure_inside_the_transaction_leaves_nothing_behind(tmp_path):
    state = State(tmp_path / "s.db")
    diff = diff_findings(KnownFacts(), [Observation(date_finding(), "https://tudum")])
    with pytest.raises(RuntimeError), state.transaction():
        state.store_diff(WATCH, diff, NOW, ["console"])
        raise RuntimeError("crash before commit")
    assert state.known_facts(WATCH.key).current_date is None
    assert state.pending_deliveries(NOW) == []


def test_delivery_attempts_move_status_and_are_kept_for_history(tmp_path):
    state = State(tmp_path / "s.db")
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


def test_disabled_notifier_is_re_enabled_by_a_config_change(tmp_path):
    state = State(tmp_path / "s.db")
    state.disable_notifier("discord", "fp1", "HTTP 404: Unknown Webhook", NOW)
    assert state.notifier_disabled("discord", "fp1") == "HTTP 404: Unknown Webhook"
    assert state.notifier_disabled("discord", "fp2") is None
    assert state.notifier_disabled("discord", "fp1") is None


def test_failure_streak_counts_and_success_resets_it(tmp_path):
    state = State(tmp_path / "s.db")
    assert state.save_source_failure("feed", "https://f", NOW, "HTTP 500") == 1
    assert state.save_source_failure("feed", "https://f", NOW, "HTTP 500") == 2
    state.save_source_success("feed", "https://f", NOW, etag='"e"', last_modified=None,
                              content_hash="h", watch_signature="w")
    saved = state.source_state("feed")
    assert (saved.consecutive_failures, saved.etag, saved.last_error) == (0, '"e"', None)


def test_feed_entry_memory_is_pruned_by_age(tmp_path):
    state = State(tmp_path / "s.db")
    state.remember_entries("feed", [("a", "1"), ("b", "2")], NOW - timedelta(days=200))
    state.remember_entries("feed", [("b", "3")], NOW)
    assert state.prune_entries(NOW - timedelta(days=180)) == 1
    assert state.known_entries("feed") == {"b": "3"}


def test_retention_forgets_old_entries_and_finished_alerts_but_never_pending(tmp_path):
    from scraper.retention import prune_if_due

    state = State(tmp_path / "s.db")
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
