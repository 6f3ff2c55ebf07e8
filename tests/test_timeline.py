"""The timeline of tests/timeline: six `releasewatch check` runs against a local site.

Exactly the alerts of expected.yaml reach a recording notifier, nothing else; a
seventh run with nothing changed sends only conditional requests and parses nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from scraper.cli.main import main
from scraper.config.settings import load_config
from scraper.cycle import check_sources
from scraper.demo.localsite import LocalSite
from scraper.fetch.fetcher import Fetcher
from scraper.store.state import State

TIMELINE = Path(__file__).parent / "timeline"
EXPECTED = yaml.safe_load((TIMELINE / "expected.yaml").read_text())
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/xml"}


# Where this test's state lives: every test here runs on SQLite and on PostgreSQL.
STATE_AT: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _on_each_backend(backend):
    STATE_AT["location"] = backend
    yield
    STATE_AT.clear()


def write_config(tmp_path: Path, site: LocalSite) -> Path:
    watch = EXPECTED["watch"]
    lines = [
        f"state: {STATE_AT.get('location', tmp_path / 'state.db')}",
        "http:",
        "  timeout: 5s",
        "  per_host_delay: 0s",
        "watches:",
        f"  - title: {watch['title']}",
        f"    season: {watch['season']}",
        f"    aliases: {watch['aliases']}",
        "sources:",
    ]
    for name in EXPECTED["sources"]:
        lines += [f"  - name: {name}", f"    url: {site.url('/' + name)}"]
    lines += ["notifiers:", "  - name: recorder", "    type: recording"]
    path = tmp_path / "config.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def serve_snapshot(site: LocalSite, snapshot: str) -> None:
    for name in EXPECTED["sources"]:
        path = TIMELINE / snapshot / name
        site.set("/" + name, path.read_bytes(), CONTENT_TYPES[path.suffix])


def describe(alert, site: LocalSite) -> dict:
    # The source that reported it: a feed entry's alert links the article, beside its feed.
    source = (alert.feed or alert.source).rsplit("/", 1)[-1]
    if alert.event == "trailer.released":
        return {"kind": "trailer", "url": alert.value["url"], "source": source}
    return {
        "kind": "release_date",
        "date": alert.value["date"],
        "precision": alert.value["precision"],
        "source": source,
        "previous": alert.previous["date"] if alert.previous else None,
    }


def expected_alerts(snapshot: dict) -> list[dict]:
    wanted = []
    for alert in snapshot["alerts"]:
        entry = {k: v for k, v in alert.items() if k != "sources"}
        if entry["kind"] == "release_date":
            entry.setdefault("previous", None)
        wanted.append(entry)
    return wanted


def sort_key(entry: dict) -> str:
    return repr(sorted(entry.items()))


def test_six_checks_send_exactly_the_expected_alerts(tmp_path, site, recording, capsys):
    config_path = write_config(tmp_path, site)
    for snapshot in EXPECTED["snapshots"]:
        serve_snapshot(site, snapshot["id"])
        recording.clear()
        assert main(["check", "--config", str(config_path)]) == 0, capsys.readouterr().err
        got = sorted((describe(a, site) for a in recording), key=sort_key)
        want = sorted(expected_alerts(snapshot), key=sort_key)
        assert got == want, f"{snapshot['id']}: got {got}, expected {want}"

    # A seventh check with nothing changed: only conditional requests, all answered
    # 304, and not one body parsed.
    site.take_requests()
    config = load_config(config_path)
    state = State(config.state_path)
    fetcher = Fetcher(config.http)
    try:
        report = check_sources(config, state, fetcher, datetime.now(UTC))
    finally:
        fetcher.close()
        state.close()
    requests = [r for r in site.take_requests() if r.path != "/robots.txt"]
    assert sorted(r.path.lstrip("/") for r in requests) == sorted(EXPECTED["sources"])
    assert all(r.conditional and r.status == 304 for r in requests), requests
    assert report.parsed == [] and report.documents_read == 0
    assert report.alerts == [] and report.failures == []


def test_unchanged_body_from_a_server_without_304_is_not_parsed(tmp_path, site, recording):
    config = load_config(write_config(tmp_path, site))
    site.conditional = False
    serve_snapshot(site, "snapshot1")
    state = State(config.state_path)
    fetcher = Fetcher(config.http)
    try:
        first = check_sources(config, state, fetcher, datetime.now(UTC))
        assert sorted(first.parsed) == sorted(EXPECTED["sources"])
        serve_snapshot(site, "snapshot2")  # byte-identical to snapshot1
        second = check_sources(config, state, fetcher, datetime.now(UTC))
    finally:
        fetcher.close()
        state.close()
    assert all(r.status == 200 for r in site.take_requests() if r.path != "/robots.txt")
    assert second.parsed == [] and second.failures == []


def test_status_and_history_tell_the_story_after_the_timeline(tmp_path, site, recording, capsys):
    import json

    config_path = write_config(tmp_path, site)
    for snapshot in EXPECTED["snapshots"]:
        serve_snapshot(site, snapshot["id"])
        assert main(["check", "--config", str(config_path)]) == 0
    capsys.readouterr()

    assert main(["status", "--config", str(config_path), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    (watch,) = status["watches"]
    assert watch["release_date"] == {"date": "2023-08-10", "precision": "day"}
    assert sorted(t["url"] for t in watch["trailers"]) == [
        "https://www.youtube.com/watch?v=OoXeC5EaVDA",
        "https://www.youtube.com/watch?v=QP4va9IrcZo",
    ]
    assert {s["name"] for s in status["sources"]} == set(EXPECTED["sources"])
    assert all(s["consecutive_failures"] == 0 for s in status["sources"])
    assert status["notifiers"] == [
        {"name": "recorder", "type": "recording", "pending": 0, "sent": 4, "failed": 0,
         "disabled": None}
    ]
    assert status["last_cycle_at"]

    assert main(["status", "--config", str(config_path)]) == 0
    text = capsys.readouterr().out
    assert "Heartstopper Season 2: release date Thursday 10 August 2023" in text

    assert main(["history", "--config", str(config_path), "--json"]) == 0
    history = json.loads(capsys.readouterr().out)["alerts"]
    events = [entry["alert"]["event"] for entry in history]
    assert sorted(events) == sorted(
        ["release_date.announced", "trailer.released", "trailer.released",
         "release_date.changed"]
    )
    for entry in history:
        (delivery,) = entry["deliveries"]
        assert delivery["status"] == "sent" and len(delivery["attempts"]) == 1

    assert main(["history", "--config", str(config_path), "--watch", "heartstopper"]) == 0
    assert capsys.readouterr().out.count("release_date.") == 2
    assert main(["history", "--config", str(config_path), "--watch", "Wednesday"]) == 1
    assert "no watch 'Wednesday'" in capsys.readouterr().err


def test_status_before_any_check_says_what_to_do(tmp_path, site, recording, capsys):
    config_path = write_config(tmp_path, site)
    assert main(["status", "--config", str(config_path)]) == 1
    assert "run `releasewatch check` first" in capsys.readouterr().err
