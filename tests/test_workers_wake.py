"""Workers are woken by LISTEN/NOTIFY when another process commits work for them, with a
short poll as the fallback: a real `releasewatch run` on a real PostgreSQL, a webhook sink.

A worker with a 30 s poll delivers an alert another process wrote within seconds (the
commit's NOTIFY woke it), and an alert written without a NOTIFY only at its poll; a
worker with a short poll delivers even that one soon."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest
from test_workers_run import Sink, checked_all, nothing_yet, wait_for, write_config

from scraper.models import ANNOUNCED, Alert
from scraper.store.state import State

SHOWS = ("Heartstopper",)


def alert(alert_id: str) -> Alert:
    return Alert(alert_id, ANNOUNCED, "Heartstopper", 2, {"date": "2027", "precision": "year"},
                 None, "Heartstopper Season 2 arrives in 2027.", "https://x", ("https://x",),
                 datetime.now(UTC))


def write_unannounced(url: str, alert_id: str, like: str) -> None:
    """An alert and its delivery written as SQL alone: no NOTIFY, as from a writer that
    does not know the workers listen (or a notification lost on the way)."""
    import psycopg

    with psycopg.connect(url) as conn:
        conn.execute(
            "INSERT INTO alerts (id, event, watch_key, body_json, created_at)"
            " SELECT %s, event, watch_key, replace(body_json, %s, %s), created_at"
            " FROM alerts WHERE id = %s",
            (alert_id, like, alert_id, like),
        )
        conn.execute(
            "INSERT INTO deliveries (alert_id, notifier, created_at, next_attempt_at,"
            " updated_at) SELECT %s, notifier, created_at, created_at, created_at"
            " FROM deliveries WHERE alert_id = %s",
            (alert_id, like),
        )


@pytest.fixture
def worker_with_poll(tmp_path, site, pg_url):
    started: list[subprocess.Popen] = []

    def start(poll: float) -> subprocess.Popen:
        config = write_config(tmp_path, site, pg_url, SHOWS)
        config.write_text(config.read_text().replace("interval: 1s", "interval: 1h"))
        env = {**os.environ, "RELEASEWATCH_POLL": str(poll)}
        process = subprocess.Popen(
            [sys.executable, "-m", "scraper", "run", "--config", str(config)],
            stdout=subprocess.DEVNULL, stderr=(tmp_path / "worker.log").open("ab"), env=env,
        )
        started.append(process)
        wait_for(lambda: checked_all(pg_url, ["heartstopper"]), 30, "the first check")
        time.sleep(0.5)  # its delivery loop found nothing and waits for its poll
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(15)


def test_a_commit_wakes_a_worker_long_before_its_poll(site, pg_url, worker_with_poll):
    sink = Sink(site)
    site.pages["/heartstopper"] = nothing_yet("Heartstopper")
    state = State(pg_url)
    state.add_alert(alert("seed"), ["sink"])  # before any worker: sent when one starts
    worker_with_poll(30.0)
    wait_for(lambda: sink.keys() == ["seed"], 10, "the alert waiting at the start")
    write_unannounced(pg_url, "silent", like="seed")
    time.sleep(2.0)
    assert sink.keys() == ["seed"]  # nothing woke it: it sleeps out its 30 s poll
    state.add_alert(alert("loud"), ["sink"])  # another process's commit, with its NOTIFY
    began = time.monotonic()
    wait_for(lambda: sorted(sink.keys()) == ["loud", "seed", "silent"], 10, "the wake-up")
    assert time.monotonic() - began < 5
    state.close()


def test_a_short_poll_finds_work_nobody_announced(site, pg_url, worker_with_poll):
    sink = Sink(site)
    site.pages["/heartstopper"] = nothing_yet("Heartstopper")
    state = State(pg_url)
    state.add_alert(alert("seed"), ["sink"])
    worker_with_poll(0.5)
    wait_for(lambda: sink.keys() == ["seed"], 10, "the alert waiting at the start")
    write_unannounced(pg_url, "silent", like="seed")
    wait_for(lambda: sink.keys() == ["seed", "silent"], 5, "the poll")
    state.close()
