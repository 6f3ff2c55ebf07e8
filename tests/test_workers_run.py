"""`releasewatch run` workers on one PostgreSQL: real subprocesses, a local site, a
webhook sink. Kill one with SIGKILL just after news appears, start another: every
expected alert arrives, at most the one in flight twice (same Idempotency-Key, the
unanswered attempt kept in history); a worker stopped past its lease commits nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from scraper.demo.localsite import LocalSite, Page
from scraper.errors import UserError
from scraper.store.state import State
from scraper.store.work import IN_FLIGHT

SHOWS = ("Wednesday", "Heartstopper", "Severance", "Andor", "Arcane", "Shogun")
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta property="article:published_time" content="2026-11-20T10:00:00Z">
<title>{show} Season 2 news</title></head>
<body><article><h1>{show} Season 2 news</h1><p>{sentence}</p></article></body></html>"""
FAST = {"RELEASEWATCH_SOURCE_LEASE": "3", "RELEASEWATCH_DELIVERY_LEASE": "3",
        "RELEASEWATCH_POLL": "0.3"}


def page(show: str, sentence: str, delay: float = 0.0) -> Page:
    return Page(PAGE.format(show=show, sentence=sentence).encode(), delay=delay)


def nothing_yet(show: str) -> Page:
    return page(show, f"{show} Season 2 is in production; no date has been set.")


def announced(show: str, delay: float = 0.0) -> Page:
    return page(show, f"{show} Season 2 arrives on 3 August 2027, Netflix said.", delay)


class Sink:
    """The webhook receiver: every POST's Idempotency-Key and event, in arrival order."""

    def __init__(self, site: LocalSite):
        self.received: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        site.on_post = self._post

    def _post(self, path, headers, body):
        with self._lock:
            self.received.append((headers.get("Idempotency-Key"), json.loads(body)["event"]))
        return 200, (), b"ok"

    def keys(self) -> list[str]:
        with self._lock:
            return [k for k, _ in self.received]


def write_config(tmp_path: Path, site: LocalSite, url: str, shows=SHOWS) -> Path:
    lines = [f"state: {url}", "schedule:", "  interval: 1s", "  jitter: 0s", "http:",
             "  timeout: 10s", "  per_host_delay: 0s", "  respect_robots: false", "watches:"]
    for show in shows:
        lines += [f"  - title: {show}", "    season: 2"]
    lines += ["sources:"]
    for show in shows:
        lines += [f"  - name: {show.lower()}", f"    url: {site.url('/' + show.lower())}"]
    lines += ["notifiers:", "  - name: sink", "    type: webhook",
              f"    url: {site.url('/hook')}"]
    path = tmp_path / "config.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def start_worker(config: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "scraper", "run", "--config", str(config)],
        stdout=subprocess.DEVNULL, stderr=log.open("ab"), env={**os.environ, **FAST},
    )


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def checked_all(url: str, names) -> bool:
    try:
        state = State(url, read_only=True)
    except UserError:  # no worker has created the schema yet
        return False
    try:
        return all((s := state.source_state(n)) and s.last_checked_at for n in names)
    finally:
        state.close()


def test_killing_a_worker_loses_no_alert_and_repeats_at_most_the_one_in_flight(
    tmp_path, site, pg_url, workers
):
    sink = Sink(site)
    for show in SHOWS:
        site.pages["/" + show.lower()] = nothing_yet(show)
    config = write_config(tmp_path, site, pg_url)
    log = tmp_path / "workers.log"
    workers += [start_worker(config, log) for _ in range(3)]
    wait_for(lambda: checked_all(pg_url, [s.lower() for s in SHOWS]), 30, "a first round")
    assert sink.keys() == []
    for show in SHOWS:
        site.pages["/" + show.lower()] = announced(show)
    wait_for(lambda: sink.keys(), 30, "the first alert")
    workers[0].kill()  # SIGKILL, just after news appeared: maybe mid-check or mid-send
    workers.append(start_worker(config, log))
    wait_for(lambda: len(set(sink.keys())) >= len(SHOWS), 60, "every alert")
    time.sleep(4)  # past every lease: anything still to repeat has repeated by now
    counts = Counter(sink.keys())
    assert len(counts) == len(SHOWS), log.read_text()[-3000:]
    repeated = [key for key, n in counts.items() if n > 1]
    assert len(repeated) <= 1 and all(counts[k] == 2 for k in repeated), counts
    state = State(pg_url, read_only=True)
    history = state.history()
    state.close()
    events = Counter(entry["alert"]["event"] for entry in history)
    assert events == {"release_date.announced": len(SHOWS)}
    in_flight = 0
    for entry in history:
        [delivery] = entry["deliveries"]
        assert delivery["status"] == "sent"
        errors = [a["error"] for a in delivery["attempts"]]
        if entry["alert"]["id"] in repeated:  # the send that was in flight at the kill
            assert errors == [IN_FLIGHT, None]
        elif errors != [None]:
            # in flight at the kill, but killed before its request left: marked in
            # history, and sent once
            assert errors == [IN_FLIGHT, None]
            assert [a["ok"] for a in delivery["attempts"]] == [False, True]
        in_flight += errors[0] == IN_FLIGHT
    assert in_flight <= 1  # only the send in flight at the kill was tried twice


def test_a_worker_stopped_past_its_lease_commits_nothing(tmp_path, site, pg_url, workers):
    sink = Sink(site)
    show = "Wednesday"
    site.pages["/wednesday"] = nothing_yet(show)
    config = write_config(tmp_path, site, pg_url, shows=(show,))
    log = tmp_path / "stopped.log"
    workers.append(start_worker(config, log))
    wait_for(lambda: checked_all(pg_url, ["wednesday"]), 30, "a first round")
    # Its next check (within 1 s + a poll) hangs 5 s in its fetch; it is stopped there.
    site.pages["/wednesday"] = announced(show, delay=5.0)
    time.sleep(1.6)
    workers[0].send_signal(signal.SIGSTOP)
    time.sleep(4)  # past its 3 s lease
    site.pages["/wednesday"] = announced(show)
    workers.append(start_worker(config, log))
    wait_for(lambda: sink.keys(), 30, "the other worker's alert")
    workers[0].send_signal(signal.SIGCONT)
    time.sleep(3)
    assert len(sink.keys()) == 1
    workers[0].terminate()
    workers[0].wait(15)
    assert "lost to another worker" in log.read_text()
    state = State(pg_url, read_only=True)
    assert len(state.history()) == 1
    [fact] = state.facts()
    state.close()
    assert fact.value["date"] == "2027-08-03"



def test_workers_carry_on_after_the_database_restarts(tmp_path, site, pg_cluster, pg_url, workers):
    """SPEC, several machines: PostgreSQL is the engine, and an engine is restarted (an
    upgrade, a failover, a reboot). Every connection is cut; the workers must reconnect
    and go on checking and delivering, not log the same error for ever."""
    sink = Sink(site)
    shows = SHOWS[:2]
    for show in shows:
        site.pages["/" + show.lower()] = nothing_yet(show)
    config = write_config(tmp_path, site, pg_url, shows)
    log = tmp_path / "workers.log"
    workers += [start_worker(config, log) for _ in range(2)]
    wait_for(lambda: checked_all(pg_url, [s.lower() for s in shows]), 30, "a first round")
    pg_cluster.restart()
    for show in shows:
        site.pages["/" + show.lower()] = announced(show)
    try:
        wait_for(lambda: len(set(sink.keys())) >= len(shows), 30, "every alert")
    except AssertionError:
        raise AssertionError(log.read_text()[-3000:]) from None
    time.sleep(2)
    assert len(sink.keys()) == len(shows), Counter(sink.keys())
    assert all(w.poll() is None for w in workers), log.read_text()[-3000:]


def test_a_check_beside_workers_never_deadlocks_with_them(tmp_path, site, pg_url, workers):
    """README: a `check` beside the workers takes its turn on the watches' rows as they do.
    It locked the watches and then wrote each source's row, while a worker locked its
    source's row and then the watches: on pages that change at every fetch (a news site's
    timestamps and ads), PostgreSQL found the two waiting on each other and killed one,
    so `check` died with an internal error and the worker's sources waited out its lease."""
    churning = [f"news{i}" for i in range(30)]
    stop = threading.Event()

    def churn() -> None:  # every fetch reads a changed page: parsed, findings, watch locks
        n = 0
        while not stop.is_set():
            n += 1
            for name in churning:
                site.pages["/" + name] = page(
                    "Heartstopper", f"Heartstopper Season 2 arrives on 3 August 2027, "
                    f"Netflix said. ({n})")
            time.sleep(0.05)

    threading.Thread(target=churn, daemon=True).start()
    Sink(site)
    config = write_config(tmp_path, site, pg_url, ["Heartstopper"])
    one = f"  - name: heartstopper\n    url: {site.url('/heartstopper')}\n"
    many = "".join(f"  - name: {n}\n    url: {site.url('/' + n)}\n" for n in churning)
    config.write_text(config.read_text().replace(one, many))
    log = tmp_path / "workers.log"
    try:
        workers += [start_worker(config, log) for _ in range(2)]
        wait_for(lambda: checked_all(pg_url, churning), 30, "a first round")
        for _ in range(8):
            done = subprocess.run(
                [sys.executable, "-m", "scraper", "check", "--config", str(config)],
                capture_output=True, text=True, env={**os.environ, **FAST}, timeout=60,
            )
            assert done.returncode == 0, done.stderr[-2000:]
    finally:
        stop.set()
    assert "deadlock" not in log.read_text().lower(), log.read_text()[-3000:]


def test_a_send_answered_while_the_database_restarts_is_recorded_not_repeated(
    tmp_path, site, pg_cluster, pg_url, workers
):
    """SPEC: an alert is sent twice only if the process dies between the receiver's yes
    and the outbox's record. A worker that lives on must record the yes it got once the
    database is back, not leave the delivery to its lease and send it again."""
    received: list[str] = []
    answered = threading.Event()

    def post(path, headers, body):
        received.append(headers.get("Idempotency-Key"))
        if len(received) == 1:
            answered.wait(30)  # the first send is answered while the database restarts
        return 200, (), b"ok"

    site.on_post = post
    site.pages["/heartstopper"] = announced("Heartstopper")
    config = write_config(tmp_path, site, pg_url, ["Heartstopper"])
    log = tmp_path / "workers.log"
    workers.append(start_worker(config, log))
    wait_for(lambda: received, 30, "the first send")
    restarting = threading.Thread(target=pg_cluster.restart)
    restarting.start()
    time.sleep(0.3)  # the server is going down: the answer arrives while it is away
    answered.set()
    restarting.join()
    time.sleep(8)  # past the 3 s delivery lease, twice: a repeat would have come by now
    assert len(received) == 1, (received, log.read_text()[-3000:])
    state = State(pg_url, read_only=True)
    [entry] = state.history()
    state.close()
    assert [d["status"] for d in entry["deliveries"]] == ["sent"]


def test_a_failing_service_is_not_hammered_with_the_rest_of_its_queue_by_a_worker(
    tmp_path, site, pg_url, workers
):
    """README: after a transient failure a notifier's later alerts wait behind the one
    that failed (history says "queued behind an earlier alert to it"), as the single
    daemon does. A worker claimed ten at a time, stopped at the failure and left the
    other nine claimed until their lease ran out, then sent each of them to the failing
    service, out of order."""
    received: list[str] = []

    def post(path, headers, body):
        received.append(json.loads(body)["watch"]["title"])
        return 503, (), b"down"

    site.on_post = post
    shows = SHOWS[:3]
    for show in shows:
        site.pages["/" + show.lower()] = announced(show)
    config = write_config(tmp_path, site, pg_url, shows)
    log = tmp_path / "workers.log"
    workers.append(start_worker(config, log))
    wait_for(lambda: received, 30, "the first send")
    time.sleep(8)  # past the 3 s delivery lease, twice; the retry is ~30 s away
    assert len(received) == 1, (received, log.read_text()[-3000:])
