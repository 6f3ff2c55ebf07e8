"""The YAML in a shared PostgreSQL state: every worker (and `migrate`) upserts its
sources, watches and notifiers under one advisory lock. A notifier reaches the database
as name, kind and the settings its type does not declare secret: no webhook URL (its
token), no SMTP password, no HMAC key, ever. `status` shows which workers know which."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

from scraper.cli.main import main
from scraper.config.settings import load_config
from scraper.runtime.config_sync import sync_config
from scraper.store.state import State

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
SECRETS = {
    "SMTP_PASSWORD": "smtp-pass-Zq81",
    "DISCORD_WEBHOOK_URL": "http://127.0.0.1:9/api/webhooks/4242/discord-token-Kx7",
    "HOOK_URL": "http://127.0.0.1:9/hooks/hook-token-Vb2?key=query-token-Pp4",
    "WEBHOOK_SECRET": "hmac-key-Lm5",
}
# Each secret and every part of one a leak could show (a URL's token path, its query).
LEAKS = [*SECRETS.values(), "discord-token-Kx7", "hook-token-Vb2", "query-token-Pp4"]


def write_config(tmp_path: Path, url: str, notifiers: str | None = None) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(
        f"state: {url}\nwatches:\n  - title: Heartstopper\n    season: 2\n"
        "  - title: Severance\n    season: 2\nsources:\n"
        "  - name: news\n    url: http://127.0.0.1:9/news\nnotifiers:\n"
        + (notifiers or
           "  - name: mail\n    type: email\n    host: smtp.example.org\n    port: 587\n"
           "    username: alerts@example.org\n    password: ${SMTP_PASSWORD}\n"
           "    from: alerts@example.org\n    to: [me@example.org]\n"
           "  - name: discord\n    type: discord\n    url: ${DISCORD_WEBHOOK_URL}\n"
           "    username: releasewatch\n"
           "  - name: hook\n    type: webhook\n    url: ${HOOK_URL}\n"
           "    secret: ${WEBHOOK_SECRET}\n    timeout: 7\n"
           "  - name: console\n    type: console\n")
    )
    return path


def every_text_in(url: str) -> str:
    """Every value of every table of the database, as one text."""
    with psycopg.connect(url) as conn:
        tables = [row[0] for row in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        )]
        return "\n".join(
            repr(row) for table in tables for row in conn.execute(f'SELECT * FROM "{table}"')
        )


def test_notifiers_are_upserted_with_their_settings_and_never_a_secret(tmp_path, pg_url):
    config = load_config(write_config(tmp_path, pg_url), env=SECRETS)
    state = State(pg_url)
    sync_config(config, state, NOW)
    found = {n.name: n for n in state.configured_notifiers()}
    assert {name: n.kind for name, n in found.items()} == {
        "mail": "email", "discord": "discord", "hook": "webhook", "console": "console"}
    assert "password" not in found["mail"].settings
    assert found["mail"].settings["host"] == "smtp.example.org"
    assert found["mail"].settings["to"] == ["me@example.org"]
    assert "url" not in found["discord"].settings
    assert found["discord"].settings["username"] == "releasewatch"
    assert "url" not in found["hook"].settings and "secret" not in found["hook"].settings
    assert found["hook"].settings["timeout"] == 7
    stored = every_text_in(pg_url)
    assert [leak for leak in LEAKS if leak in stored] == []
    # Sources and watches came in the same upsert.
    assert [s.name for s in state.source_states()] == ["news"]
    state.close()


def test_a_notifier_gone_from_the_yaml_is_marked_and_settings_survive_a_config_without_env(
    tmp_path, pg_url
):
    state = State(pg_url)
    sync_config(load_config(write_config(tmp_path, pg_url), env=SECRETS), state, NOW)
    before = {n.name: n.settings for n in state.configured_notifiers()}
    assert before["discord"]["username"] == "releasewatch"
    # migrate on a deploy host: the secrets' variables are not set there.
    lenient = load_config(write_config(tmp_path, pg_url), env={}, notifier_env=False)
    sync_config(lenient, state, NOW)
    assert {n.name: n.settings for n in state.configured_notifiers()} == before  # kept
    shorter = "  - name: console\n    type: console\n"
    sync_config(load_config(write_config(tmp_path, pg_url, shorter), env={}), state, NOW)
    assert {n.name: n.configured for n in state.configured_notifiers()} == {
        "console": True, "discord": False, "hook": False, "mail": False}
    state.close()


def test_workers_syncing_at_once_take_turns_under_the_lock(tmp_path, pg_url):
    config = load_config(write_config(tmp_path, pg_url), env=SECRETS)
    State(pg_url).close()  # the schema, once
    start, errors = threading.Barrier(4), []

    def sync() -> None:
        state = State(pg_url)
        try:
            start.wait()
            for _ in range(5):
                sync_config(config, state, datetime.now(UTC))
        except Exception as exc:  # noqa: BLE001 - a deadlock or a unique violation
            errors.append(exc)
        finally:
            state.close()

    threads = [threading.Thread(target=sync) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    state = State(pg_url, read_only=True)
    assert len(state.configured_notifiers()) == 4
    state.close()


def test_migrate_with_a_config_upserts_it_without_needing_the_secrets(tmp_path, pg_url, capsys):
    config = write_config(tmp_path, pg_url)
    assert main(["migrate", "--config", str(config)]) == 0  # no SMTP_PASSWORD set here
    out = capsys.readouterr().out
    assert "upserted 1 source, 2 watches and 4 notifiers" in out
    state = State(pg_url, read_only=True)
    assert [n.name for n in state.configured_notifiers()] == ["console", "discord", "hook",
                                                               "mail"]
    state.close()


def test_migrate_with_only_a_url_creates_the_schema_and_upserts_nothing(pg_url, capsys):
    assert main(["migrate", "--state", pg_url]) == 0
    assert "upserted" not in capsys.readouterr().out
    state = State(pg_url, read_only=True)
    assert state.configured_notifiers() == [] and state.source_states() == []
    state.close()


def test_status_shows_which_workers_know_which_notifiers_and_no_secret(
    tmp_path, pg_url, capsys, monkeypatch
):
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    config_path = write_config(tmp_path, pg_url)
    state = State(pg_url)
    sync_config(load_config(config_path), state, NOW)
    now = datetime.now(UTC)
    state.worker_seen("east:1:aaaa", now, now, ["console", "hook"])
    state.worker_seen("west:2:bbbb", now, now, ["console"])
    from scraper.models import ANNOUNCED, Alert

    state.add_alert(
        Alert("a1", ANNOUNCED, "Heartstopper", 2, {"date": "2027", "precision": "year"},
              None, "evidence", "https://x", ("https://x",), now),
        ["mail"],
    )
    state.close()
    assert main(["status", "--config", str(config_path), "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    shared = {n["name"]: n for n in data["shared_notifiers"]}
    assert shared["console"]["known_by"] == ["east:1:aaaa", "west:2:bbbb"]
    assert shared["hook"]["known_by"] == ["east:1:aaaa"]
    assert shared["mail"]["known_by"] == [] and shared["mail"]["pending"] == 1
    assert [leak for leak in LEAKS if leak in out] == []
    assert main(["status", "--config", str(config_path)]) == 0
    text = capsys.readouterr().out
    assert "hook (webhook): known by 1 worker: east:1:aaaa" in text
    assert "mail (email): known by no running worker" in text
    assert "1 delivery pending, and no running worker can send them" in text
    assert [leak for leak in LEAKS if leak in text] == []


def test_status_shows_when_the_workers_will_claim_each_source(tmp_path, pg_url, capsys):
    config_path = write_config(tmp_path, pg_url, "  - name: console\n    type: console\n")
    state = State(pg_url)
    sync_config(load_config(config_path), state, NOW)
    assert state.claim_sources("w", NOW, timedelta(minutes=5), 1) == ["news"]
    due = datetime(2026, 12, 3, 13, 17, 5, tzinfo=UTC)  # its interval plus its jitter
    assert state.finish_claim("news", "w", due)
    state.close()
    assert main(["status", "--config", str(config_path), "--json"]) == 0
    [source] = json.loads(capsys.readouterr().out)["sources"]
    assert source["next_check_at"] == "2026-12-03T13:17:05Z"
