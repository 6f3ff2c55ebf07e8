"""per_host_delay across workers on one PostgreSQL: a host's slot is taken in the database
(the `hosts` table) before a fetch, so two workers never ask one host closer than the
delay apart, and a worker whose host is busy elsewhere fetches other hosts meanwhile.
A real server (tests/pg.py), real worker processes, a local HTTP server that notes when
each request arrived and for which host name."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scraper.config.settings import load_config
from scraper.fetch.fetcher import Fetcher, FetchError
from scraper.store.state import State
from scraper.store.work import SharedHostSlots

PAGE = (b"<!doctype html><html><head><title>Studio news</title></head><body><article>"
        b"<h1>Studio news</h1><p>Nothing about any release yet.</p></article></body></html>")


class Recorder:
    """An HTTP server on 127.0.0.1 that notes (arrival time, host name, user agent, path)
    of every request. It is reached as 127.0.0.1 and as localhost: two hosts to the
    fetcher's politeness, one server."""

    def __init__(self) -> None:
        self.seen: list[tuple[float, str, str, str]] = []
        lock = threading.Lock()
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                arrived = time.monotonic()
                host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
                with lock:
                    recorder.seen.append(
                        (arrived, host, self.headers.get("User-Agent", ""), self.path)
                    )
                status, body = (404, b"none") if self.path == "/robots.txt" else (200, PAGE)
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def times(self, host: str) -> list[float]:
        return sorted(t for t, h, _, _ in self.seen if h == host)

    def agents(self, host: str) -> set[str]:
        return {a for _, h, a, _ in self.seen if h == host}


@pytest.fixture
def recorder():
    running = Recorder()
    yield running
    running.stop()


def write_config(tmp_path: Path, url: str, port: int, agent: str, delay: str) -> Path:
    lines = [f"state: {url}", "schedule:", "  interval: 1s", "  jitter: 0s", "http:",
             f"  user_agent: {agent}", "  timeout: 5s", f"  per_host_delay: {delay}",
             "  respect_robots: true", "watches:", "  - title: Heartstopper", "    season: 2",
             "sources:"]
    # More sources than a worker claims at once (16): both workers hold some at a time.
    for host in ("127.0.0.1", "localhost"):
        for n in range(20):
            lines += [f"  - name: {host}-{n}", f"    url: http://{host}:{port}/news/{n}"]
    lines += ["notifiers:", "  - name: console", "    type: console"]
    path = tmp_path / f"{agent}.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_two_workers_never_ask_one_host_closer_than_the_delay(tmp_path, pg_url, recorder):
    delay = 0.3
    configs = [write_config(tmp_path, pg_url, recorder.port, agent, f"{delay}s")
               for agent in ("worker-one", "worker-two")]
    env = {**os.environ, "RELEASEWATCH_POLL": "0.2"}
    log = (tmp_path / "workers.log").open("ab")
    workers = [
        subprocess.Popen([sys.executable, "-m", "scraper", "run", "--config", str(config)],
                         stdout=subprocess.DEVNULL, stderr=log, env=env)
        for config in configs
    ]
    try:
        # Forty sources due every second on two hosts that take one request per 0.3 s:
        # the workers want each host far more often than it may be asked.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not all(
            len(recorder.agents(h)) == 2 and len(recorder.times(h)) >= 14
            for h in ("127.0.0.1", "localhost")
        ):
            time.sleep(0.1)
        # Each says which notifiers it can send through (status shows it).
        state = State(pg_url, read_only=True)
        assert [w.notifiers for w in state.workers()] == [("console",), ("console",)]
        assert [n.name for n in state.configured_notifiers()] == ["console"]
        state.close()
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.wait(20)
    said = (tmp_path / "workers.log").read_text()[-2000:]
    for host in ("127.0.0.1", "localhost"):
        times = recorder.times(host)
        assert recorder.agents(host) == {"worker-one", "worker-two"}, said  # both fetched it
        assert len(times) >= 14
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert min(gaps) >= delay, (host, [round(g, 3) for g in gaps])
    assert all(worker.returncode == 0 for worker in workers)


def test_a_host_busy_with_another_worker_holds_no_fetch_thread(tmp_path, pg_url, recorder):
    config = load_config(write_config(tmp_path, pg_url, recorder.port, "w", "0.2s"))
    other, mine = State(pg_url), State(pg_url)
    # Another worker is fetching from 127.0.0.1 (its slot is held for 1.5 s at most).
    assert other.reserve_host("127.0.0.1", datetime.now(UTC), timedelta(seconds=1.5)) is None
    http = dataclasses.replace(config.http, concurrency=1)
    fetcher = Fetcher(http, host_slots=SharedHostSlots(mine))
    base = f"http://{{}}:{recorder.port}/news/"
    jobs = [("busy", base.format("127.0.0.1") + "0", None),
            ("free-1", base.format("localhost") + "1", None),
            ("free-2", base.format("localhost") + "2", None)]
    started = time.monotonic()
    try:
        done = [(key, time.monotonic() - started) for key, _ in fetcher.fetch_all(jobs)]
    finally:
        fetcher.close()
        other.close()
        mine.close()
    # The one fetch thread served the free host while the busy one waited its turn.
    assert [key for key, _ in done] == ["free-1", "free-2", "busy"]
    assert done[1][1] < 1.0 <= done[2][1]
    first_busy = min(t for t, h, _, _ in recorder.seen if h == "127.0.0.1")
    assert first_busy - started >= 1.4


def test_a_single_fetch_waits_for_a_host_another_worker_holds(tmp_path, pg_url, recorder):
    # A kind's own fetches (an article a feed links to) go one by one, not through
    # fetch_all: they wait for the host's slot in their thread, up to their deadline.
    config = load_config(write_config(tmp_path, pg_url, recorder.port, "w", "0.2s"))
    other, mine = State(pg_url), State(pg_url)
    url = f"http://127.0.0.1:{recorder.port}/news/0"
    try:
        assert other.reserve_host("127.0.0.1", datetime.now(UTC), timedelta(seconds=1)) is None
        with Fetcher(config.http, host_slots=SharedHostSlots(mine)) as fetcher:
            started = time.monotonic()
            assert fetcher.fetch(url).status == 200
            assert time.monotonic() - started >= 0.95
        time.sleep(0.25)  # the fetch gave the host back per_host_delay ahead
        assert other.reserve_host("127.0.0.1", datetime.now(UTC), timedelta(seconds=30)) is None
        late = Fetcher(config.http, host_slots=SharedHostSlots(mine), deadline=1.0)
        with late, pytest.raises(FetchError, match="busy by other workers"):
            late.fetch(url)
    finally:
        other.close()
        mine.close()


def test_a_check_beside_the_workers_waits_for_their_hosts_too(tmp_path, pg_url, recorder):
    from scraper.cli.main import main

    config = write_config(tmp_path, pg_url, recorder.port, "check", "0.2s")
    other = State(pg_url)
    started = time.monotonic()
    try:
        assert other.reserve_host("localhost", datetime.now(UTC), timedelta(seconds=1.5)) is None
        assert main(["check", "--config", str(config)]) == 0
    finally:
        other.close()
    first = min(t for t, h, _, _ in recorder.seen if h == "localhost")
    assert first - started >= 1.4  # not before the worker's hold ran out
    assert min(t for t, h, _, _ in recorder.seen if h == "127.0.0.1") - started < 1.4
