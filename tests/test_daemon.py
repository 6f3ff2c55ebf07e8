"""`releasewatch run`: the daemon as its user runs it, a subprocess against a local site.

The scheduler decides when; what happens is check's code. These tests hold the
daemon to its promises: an announcement is alerted within three intervals, one
daemon per state file, a clean stop on SIGTERM, no alert lost to kill -9, and a
restart that does not refetch what was just checked.
"""

from __future__ import annotations

import json
import logging
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from support import ANNOUNCEMENT, NOTHING_YET, dripping_server

from scraper.config.settings import load_config
from scraper.cycle import CycleReport
from scraper.demo.localsite import LocalSite, Page
from scraper.errors import UserError
from scraper.runtime.daemon import BATCH_SETTLE, cycle_log_lines
from scraper.runtime.lock import InstanceLock
from scraper.runtime.schedule import first_run_at, schedule_sources, source_job_id
from scraper.store.state import SourceState, State

HOOK = "/hook/s3cr3t-token"  # the path holds a token: it must never reach the log
WAIT = 15.0  # generous: a slow shared machine, but never an unbounded wait


# -- helpers ------------------------------------------------------------------------------


class Receiver:
    """A webhook endpoint on the local site that records each alert it is POSTed."""

    def __init__(self, site: LocalSite):
        self.bodies: list[dict] = []
        self.hold = threading.Event()  # set: the next POSTs stall until `release` is set
        self.release = threading.Event()
        self._lock = threading.Lock()
        site.on_post = self._on_post

    def _on_post(self, path: str, headers: dict, body: bytes):
        with self._lock:
            self.bodies.append(json.loads(body))
        if self.hold.is_set():
            self.release.wait(WAIT)
        return 200, [("Content-Type", "application/json")], b"{}"

    def events(self) -> list[str]:
        with self._lock:
            return [b["event"] for b in self.bodies]

    def ids(self) -> list[str]:
        with self._lock:
            return [b["id"] for b in self.bodies]


def write_config(
    tmp_path: Path,
    site: LocalSite,
    sources: dict[str, str],
    *,
    interval: str = "1s",
    timeout: str = "20s",
    extra: str = "",
) -> Path:
    lines = [
        f"state: {STATE_AT.get('location', tmp_path / 'state.db')}",
        "schedule:",
        f"  interval: {interval}",
        "  jitter: 0s",
        "http:",
        f"  timeout: {timeout}",
        "  per_host_delay: 0s",
        "  respect_robots: false",
        "health:",
        "  alert_after: 3",
        "watches:",
        "  - title: Heartstopper",
        "    season: 2",
        "sources:",
    ]
    for name, path in sources.items():
        lines += [f"  - name: {name}", f"    url: {site.url(path)}"]
    lines += ["notifiers:", "  - name: hook", "    type: webhook", f"    url: {site.url(HOOK)}"]
    config = tmp_path / "config.yaml"
    config.write_text("\n".join(lines) + "\n" + extra)
    return config


class DaemonProcess:
    """`python -m scraper run` with its log in a file (a pipe could fill up and block it)."""

    count = 0

    def __init__(self, config: Path, *args: str):
        DaemonProcess.count += 1
        self.log_path = config.parent / f"daemon-{DaemonProcess.count}.log"
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "scraper", "run", "--config", str(config), *args],
            cwd=config.parent,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for_log(self, text: str, timeout: float = WAIT) -> None:
        wait_for(lambda: text in self.log(), f"{text!r} in the daemon log", timeout, self)

    def exit_code(self, timeout: float = WAIT) -> int:
        return self.proc.wait(timeout)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(WAIT)
        self._log.close()


def wait_for(condition, what: str, timeout: float = WAIT, daemon: DaemonProcess | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if daemon is not None and daemon.proc.poll() is not None:
            break
        time.sleep(0.05)
    log = daemon.log() if daemon is not None else ""
    raise AssertionError(f"timed out waiting for {what}\n--- daemon log ---\n{log}")


def gets(site: LocalSite, path: str) -> int:
    with site._lock:
        return sum(1 for r in site.requests if r.path == path)


# Where a test's state lives when it runs on both backends (the `on_each_backend`
# fixture): on PostgreSQL, `run` is one of any number of workers (runtime/workers.py).
STATE_AT: dict[str, str] = {}


@pytest.fixture
def on_each_backend(backend):
    STATE_AT["location"] = backend
    yield backend
    STATE_AT.clear()


def on_postgresql() -> bool:
    return str(STATE_AT.get("location", "")).startswith("postgresql://")


def meta(tmp_path: Path, key: str) -> str | None:
    if on_postgresql():
        state = State(STATE_AT["location"], read_only=True)
        try:
            return state.get_meta(key)
        finally:
            state.close()
    conn = sqlite3.connect(tmp_path / "state.db")
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


@pytest.fixture
def daemons():
    """Every daemon a test starts is killed at the end, whatever happened."""
    started: list[DaemonProcess] = []

    def start(config: Path, *args: str) -> DaemonProcess:
        process = DaemonProcess(config, *args)
        started.append(process)
        return process

    yield start
    for process in started:
        process.kill()


# -- scheduling rules (pure) ---------------------------------------------------------------

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "last_checked, earliest, latest",
    [
        (None, NOW, NOW),  # never checked: now, all in one first round (one announcement)
        (NOW - timedelta(hours=5), NOW, NOW + timedelta(seconds=60)),  # overdue: soon
        (
            NOW - timedelta(minutes=10),  # checked recently: waits out its interval
            NOW + timedelta(minutes=50),
            NOW + timedelta(minutes=51),
        ),
        (
            NOW + timedelta(hours=3),  # the clock went back: at most one interval away
            NOW + timedelta(hours=1),
            NOW + timedelta(hours=1, seconds=60),
        ),
    ],
)
def test_first_run_comes_from_the_stored_last_check(last_checked, earliest, latest):
    rng = random.Random(7)
    for _ in range(20):
        when = first_run_at(last_checked, 3600.0, 60.0, NOW, rng)
        assert earliest <= when <= latest


def test_overdue_sources_are_spread_by_jitter_not_fetched_at_once():
    rng = random.Random(1)
    times = {first_run_at(NOW - timedelta(hours=5), 3600.0, 60.0, NOW, rng) for _ in range(50)}
    assert len(times) > 40
    assert max(times) - min(times) > timedelta(seconds=30)


def test_schedule_sources_adds_one_guarded_job_per_source(tmp_path, site):
    config_path = write_config(tmp_path, site, {"old": "/old", "recent": "/recent"}, interval="1h")
    config = load_config(config_path)
    state = State(config.state_path)
    try:
        now = datetime.now(UTC)
        state.save_source_success(
            "old",
            site.url("/old"),
            now - timedelta(hours=2),
            etag=None,
            last_modified=None,
            content_hash=None,
            watch_signature="x",
        )
        state.save_source_success(
            "recent",
            site.url("/recent"),
            now - timedelta(minutes=1),
            etag=None,
            last_modified=None,
            content_hash=None,
            watch_signature="x",
        )
        scheduler = BackgroundScheduler(timezone=UTC)
        plan = schedule_sources(scheduler, config, state, now, print, rng=random.Random(0))
        assert plan["old"] == now  # overdue, and jitter is 0s
        assert abs(plan["recent"] - (now + timedelta(minutes=59))) < timedelta(seconds=1)
        for name in ("old", "recent"):
            job = scheduler.get_job(source_job_id(name))
            assert job.next_run_time == plan[name]
            assert (job.max_instances, job.coalesce) == (1, True)
            assert job.misfire_grace_time == 3600
    finally:
        state.close()


def test_a_source_that_starts_failing_is_logged_once_then_in_the_summary():
    report = CycleReport(checked=["news"], failures=[("news", "HTTP 500", 1)])
    lines = cycle_log_lines("news", report, None, 0.1)
    assert [level for level, _ in lines] == [30, 20]
    assert "news started failing: HTTP 500" in lines[0][1]
    report.failures = [("news", "HTTP 500", 2)]
    assert len(cycle_log_lines("news", report, None, 0.1)) == 1


def test_a_source_that_comes_back_is_logged():
    previous = SourceState("news", "u", None, None, None, None, NOW, NOW, "HTTP 500", 2, False)
    lines = cycle_log_lines("news", CycleReport(checked=["news"]), previous, 0.1)
    assert "news recovered after 2 failed check(s)" in lines[0][1]


def test_instance_lock_holds_for_the_state_file_by_any_path(tmp_path):
    # `state: link.db` beside the config and `--state real/state.db` (or a state folder
    # reached through a symlinked /var/lib) are one SQLite file: two daemons ran on it,
    # each holding its own lock file, fetching every source twice.
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "state.db").touch()
    (tmp_path / "link.db").symlink_to(tmp_path / "real" / "state.db")
    (tmp_path / "linked-folder").symlink_to(tmp_path / "real")
    first = InstanceLock(tmp_path / "real" / "state.db")
    first.acquire()
    try:
        for other in (tmp_path / "link.db", tmp_path / "linked-folder" / "state.db"):
            with pytest.raises(UserError, match=rf"already running \(pid {os.getpid()}\)"):
                InstanceLock(other).acquire()
    finally:
        first.release()


def test_instance_lock_refuses_a_second_owner_and_names_the_first(tmp_path):
    first, second = InstanceLock(tmp_path / "state.db"), InstanceLock(tmp_path / "state.db")
    first.acquire()
    try:
        with pytest.raises(UserError, match=rf"already running \(pid {os.getpid()}\)"):
            second.acquire()
    finally:
        first.release()
    second.acquire()  # released: the next one may start
    second.release()


# -- the daemon, end to end --------------------------------------------------------------------


@pytest.mark.usefixtures("on_each_backend")
def test_announcement_is_alerted_within_three_intervals(tmp_path, site, daemons):
    receiver = Receiver(site)
    site.set("/news", NOTHING_YET)
    config = write_config(tmp_path, site, {"news": "/news"})
    daemon = daemons(config, "--log-format", "json")
    daemon.wait_for_log("cycle news:")
    assert receiver.bodies == []

    site.set("/news", ANNOUNCEMENT)
    changed_at = time.monotonic()
    wait_for(lambda: receiver.events(), "the alert", daemon=daemon)
    elapsed = time.monotonic() - changed_at
    assert receiver.events() == ["release_date.announced"]
    assert receiver.bodies[0]["value"] == {"date": "2023-08-03", "precision": "day"}
    assert elapsed <= 3 * 1.0, f"alerted after {elapsed:.1f}s, more than 3 intervals"

    daemon.wait_for_log("sent via hook")
    assert meta(tmp_path, "last_cycle_at")  # the heartbeat `status` shows
    if not on_postgresql():  # one daemon per SQLite file; workers are listed instead
        assert meta(tmp_path, "daemon_pid") == str(daemon.pid)
    log = daemon.log()
    assert "s3cr3t-token" not in log
    records = [json.loads(line) for line in log.splitlines() if line.strip()]
    assert any(r["message"].startswith("cycle news: changed") for r in records)


def test_second_instance_is_refused_and_touches_nothing(tmp_path, site, daemons):
    Receiver(site)
    site.set("/news", NOTHING_YET)
    config = write_config(tmp_path, site, {"news": "/news"}, interval="1h")
    first = daemons(config)
    first.wait_for_log("cycle news:")
    files = sorted(tmp_path.glob("state.db*"))
    before = {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in files}

    second = subprocess.run(
        [sys.executable, "-m", "scraper", "run", "--config", str(config)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert second.returncode == 1
    assert f"already running (pid {first.pid})" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1
    after = {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in files}
    assert after == before
    assert first.proc.poll() is None
    assert meta(tmp_path, "daemon_pid") == str(first.pid)


def test_a_sighup_while_the_daemon_starts_is_a_reload_not_its_end(tmp_path, site, daemons):
    # The handlers were installed only once the state was open and every source scheduled:
    # a `systemctl reload` meanwhile (here: while a `check` holds the state's write lock)
    # met SIGHUP's default action, which ends the process.
    Receiver(site)
    site.set("/news", NOTHING_YET)
    config = write_config(tmp_path, site, {"news": "/news"}, interval="1h")
    assert subprocess.run([sys.executable, "-m", "scraper", "check", "--config", str(config)],
                          cwd=tmp_path, capture_output=True, timeout=WAIT).returncode == 0
    holder = sqlite3.connect(tmp_path / "state.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        daemon = daemons(config)
        time.sleep(3)  # it has the instance lock and waits for the state
        assert daemon.proc.poll() is None, daemon.log()
        daemon.proc.send_signal(signal.SIGHUP)
        time.sleep(0.5)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    daemon.wait_for_log("started")
    daemon.wait_for_log("reloaded")
    daemon.proc.send_signal(signal.SIGTERM)
    assert daemon.exit_code() == 0, daemon.log()


@pytest.mark.usefixtures("on_each_backend")
def test_sigterm_exits_zero_within_ten_seconds_even_with_a_fetch_in_flight(tmp_path, site, daemons):
    Receiver(site)
    site.set("/news", NOTHING_YET)
    site.pages["/slow"] = Page(NOTHING_YET.encode(), delay=30)  # answers after the grace
    config = write_config(tmp_path, site, {"news": "/news", "slow": "/slow"})
    daemon = daemons(config)
    daemon.wait_for_log("started")
    time.sleep(BATCH_SETTLE + 1.0)  # both due at once, one batch: /slow is in flight now

    sent_at = time.monotonic()
    daemon.proc.send_signal(signal.SIGTERM)
    assert daemon.exit_code() == 0
    assert time.monotonic() - sent_at <= 10.0
    assert "SIGTERM received: stopping" in daemon.log()


@pytest.mark.usefixtures("on_each_backend")
def test_sigint_lets_a_cycle_finish_and_exits_zero(tmp_path, site, daemons):
    Receiver(site)
    site.pages["/news"] = Page(NOTHING_YET.encode(), delay=1.5)
    config = write_config(tmp_path, site, {"news": "/news"})
    daemon = daemons(config)
    daemon.wait_for_log("started")
    time.sleep(BATCH_SETTLE + 0.5)  # the first fetch is waiting for its answer

    daemon.proc.send_signal(signal.SIGINT)
    assert daemon.exit_code() == 0
    log = daemon.log()
    assert "cycle news: changed" in log  # the in-flight cycle finished and was recorded
    assert log.rstrip().endswith("stopped")
    assert meta(tmp_path, "last_cycle_at")


@pytest.mark.usefixtures("on_each_backend")
def test_kill_9_during_delivery_then_restart_repeats_at_most_the_inflight_alert(
    tmp_path, site, daemons
):
    receiver = Receiver(site)
    receiver.hold.set()  # the first POST stalls: the daemon dies while it is in flight
    site.set("/news", ANNOUNCEMENT)
    config = write_config(tmp_path, site, {"news": "/news"})
    first = daemons(config)
    wait_for(lambda: receiver.events(), "the first delivery attempt", daemon=first)
    first.proc.kill()
    first.exit_code()
    receiver.hold.clear()
    receiver.release.set()

    second = daemons(config)
    wait_for(lambda: len(receiver.ids()) >= 2, "the alert again after the restart", daemon=second)
    second.wait_for_log("sent via hook")
    time.sleep(2.5)  # a couple more cycles: nothing else may arrive
    ids = receiver.ids()
    assert len(ids) == 2 and len(set(ids)) == 1, ids  # the in-flight one, repeated once
    assert receiver.events()[0] == "release_date.announced"


@pytest.mark.usefixtures("on_each_backend")
def test_kill_9_during_a_fetch_then_restart_loses_no_alert(tmp_path, site, daemons):
    receiver = Receiver(site)
    site.pages["/news"] = Page(ANNOUNCEMENT.encode(), delay=5)
    config = write_config(tmp_path, site, {"news": "/news"})
    first = daemons(config)
    first.wait_for_log("started")
    time.sleep(0.5)  # the fetch is in flight, nothing of the cycle is committed
    first.proc.kill()
    first.exit_code()
    assert receiver.bodies == []

    site.set("/news", ANNOUNCEMENT)
    second = daemons(config)
    wait_for(lambda: receiver.events(), "the alert after the restart", daemon=second)
    time.sleep(2.5)
    assert receiver.events() == ["release_date.announced"]


def test_restart_does_not_refetch_sources_checked_less_than_an_interval_ago(
    tmp_path, site, daemons
):
    Receiver(site)
    site.set("/a", NOTHING_YET)
    site.set("/b", NOTHING_YET)
    config = write_config(tmp_path, site, {"a": "/a"}, interval="1h")
    first = daemons(config)
    first.wait_for_log("cycle a:")
    first.proc.send_signal(signal.SIGTERM)
    assert first.exit_code() == 0
    assert gets(site, "/a") == 1

    write_config(tmp_path, site, {"a": "/a", "b": "/b"}, interval="1h")
    second = daemons(config)
    second.wait_for_log("cycle b:")  # never checked: due at once
    time.sleep(2.0)
    assert gets(site, "/a") == 1  # checked a minute ago: waits out its hour
    assert "cycle a:" not in second.log()


def test_sighup_reloads_the_config_and_keeps_the_old_one_when_invalid(tmp_path, site, daemons):
    Receiver(site)
    site.set("/a", NOTHING_YET)
    site.set("/b", NOTHING_YET)
    config = write_config(tmp_path, site, {"a": "/a"})
    daemon = daemons(config)
    daemon.wait_for_log("cycle a:")

    good = config.read_text()
    config.write_text(good + "bogus_key: 1\n")
    daemon.proc.send_signal(signal.SIGHUP)
    daemon.wait_for_log("still running with the previous one")
    fetched = gets(site, "/a")
    wait_for(
        lambda: gets(site, "/a") > fetched, "source a checked with the old config", daemon=daemon
    )
    assert "bogus_key" in daemon.log()

    write_config(tmp_path, site, {"a": "/a", "b": "/b"})
    daemon.proc.send_signal(signal.SIGHUP)
    daemon.wait_for_log("1 source(s) added")
    daemon.wait_for_log("cycle b:")
    assert daemon.proc.poll() is None


def test_the_daemon_waits_out_a_sources_retry_after(tmp_path, site, daemons):
    # Interval 1 s, Retry-After 3 s: without the wait, the source would be fetched ~3 times more.
    with site._lock:
        site.pages["/news"] = Page(b"slow down", status=429, headers=(("Retry-After", "3"),))
    config = write_config(tmp_path, site, {"news": "/news"})
    daemon = daemons(config)
    daemon.wait_for_log("cycle news: failed")
    limited_at = time.monotonic()
    site.set("/news", NOTHING_YET)
    daemon.wait_for_log("cycle news: not checked: its server asked us to wait until")
    wait_for(lambda: gets(site, "/news") == 2, "the check after Retry-After", daemon=daemon)
    waited = time.monotonic() - limited_at
    assert 2.0 <= waited <= 3 + 2 * 1.0 + 1, f"fetched again after {waited:.1f}s"


def test_a_waiting_source_is_logged_as_waiting_not_unchanged():
    until = NOW + timedelta(minutes=2)
    report = CycleReport(waiting=[("news", until)])
    (line,) = cycle_log_lines("news", report, None, 0.0)
    assert "cycle news: not checked: its server asked us to wait until 12:02:00 UTC" in line[1]


def test_a_dripping_notifier_holds_up_neither_another_nor_a_reload_nor_a_stop(
    tmp_path, site, daemons
):
    # Issue 14: a new alert to a healthy notifier waited minutes behind a webhook that
    # drips its answer, and SIGHUP then SIGTERM during such a send kept the daemon alive.
    receiver = Receiver(site)
    site.set("/news", ANNOUNCEMENT)
    with dripping_server(b"HTTP/1.1 200 OK\r\n", b"X-Slow: a\r\n", every=0.5) as port:
        slow = (
            "  - name: slow\n    type: webhook\n"
            f"    url: http://127.0.0.1:{port}/drip\n    timeout: 120\n"
        )
        # /gone answers 404: after 3 checks (1 s apart) it is a new alert, source.failing.
        config = write_config(tmp_path, site, {"news": "/news", "gone": "/gone"}, extra=slow)
        daemon = daemons(config)
        wait_for(lambda: "release_date.announced" in receiver.events(), "the first alert",
                 daemon=daemon)
        # The slow notifier is stuck on the first alert; the new one reaches the healthy one.
        wait_for(lambda: "source.failing" in receiver.events(), "the second alert",
                 daemon=daemon)
        daemon.proc.send_signal(signal.SIGHUP)
        time.sleep(0.3)
        daemon.proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        assert daemon.exit_code(timeout=15) == 0
        assert time.monotonic() - started < 10
        assert "reloaded" in daemon.log()


def test_json_logs_carry_the_config_warnings_too(tmp_path, site, daemons):
    # --log-format json is for a log collector: the config's warnings were printed as
    # plain "warning: ..." text before the first JSON line.
    Receiver(site)
    site.set("/news", NOTHING_YET)
    extra = "  - name: d\n    type: discord\n    url: http://127.0.0.1:9/api/webhooks/1/x\n"
    config = write_config(tmp_path, site, {"news": "/news"}, interval="1h", extra=extra)
    daemon = daemons(config, "--log-format", "json")
    daemon.wait_for_log("cycle news:")
    records = [json.loads(line) for line in daemon.log().splitlines() if line.strip()]
    [warning] = [r for r in records if r["logger"] == "releasewatch.config"]
    assert warning["level"] == "WARNING" and "is not a Discord host" in warning["message"]


def test_json_logs_carry_a_fatal_config_error_too(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("watches:\n  - title: Heartstopper\nsources:\n  - name: a\n"
                      "    url: http://127.0.0.1:9/a\nshedule: {}\n")
    proc = subprocess.run(
        [sys.executable, "-m", "scraper", "run", "--config", str(config), "--log-format", "json"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    [record] = [json.loads(line) for line in proc.stderr.splitlines()]
    assert record["level"] == "ERROR" and "shedule: unknown key" in record["message"]


def test_a_run_skipped_because_the_last_one_is_still_going_is_said_once(caplog):
    from apscheduler.schedulers.background import BackgroundScheduler

    from scraper.runtime.daemon import _quiet_scheduler_logs

    _quiet_scheduler_logs()
    caplog.set_level(logging.WARNING)
    started, release = threading.Event(), threading.Event()

    def slow() -> None:
        started.set()
        release.wait(5)

    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.add_job(slow, "interval", seconds=0.2, name="check slow-source",
                      max_instances=1, next_run_time=datetime.now(UTC))
    scheduler.start()
    try:
        assert started.wait(5)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(
            "still going" in r.getMessage() for r in caplog.records
        ):
            time.sleep(0.1)
        time.sleep(0.7)  # a few more skipped intervals
    finally:
        release.set()
        scheduler.shutdown(wait=True)
    said = [r.getMessage() for r in caplog.records if "still going" in r.getMessage()]
    assert len(said) == 1 and said[0].startswith("check slow-source:")
    assert not [r for r in caplog.records if "maximum number of running" in r.getMessage()]


@pytest.mark.usefixtures("on_each_backend")
def test_sigterm_during_a_send_records_it_and_a_restart_repeats_nothing(
    tmp_path, site, daemons
):
    # SPEC: a crash repeats at most the send in flight; a stop asked for with SIGTERM is
    # no crash: a send the receiver answers within the stop's grace is recorded as sent,
    # and the next run sends nothing again.
    receiver = Receiver(site)
    receiver.hold.set()  # the first POST is answered only 2 s after SIGTERM
    site.set("/news", ANNOUNCEMENT)
    config = write_config(tmp_path, site, {"news": "/news"})
    first = daemons(config)
    wait_for(lambda: receiver.events(), "the first delivery attempt", daemon=first)
    first.proc.send_signal(signal.SIGTERM)
    threading.Timer(2.0, receiver.release.set).start()
    assert first.exit_code() == 0
    receiver.hold.clear()

    second = daemons(config)
    second.wait_for_log("started")
    time.sleep(3.0)  # several cycles and delivery passes
    assert len(receiver.ids()) == 1, (receiver.ids(), first.log(), second.log())


def test_the_first_run_announces_once_what_check_would_announce(tmp_path, site, daemons):
    # Two sources on one host, never checked: a year on one, the day on the other. `check`
    # reads both in one cycle and announces the day; the daemon's first run must not
    # spread them over the jitter or the host's delay into "announced 2027" followed by
    # "changed to 9 July 2027".
    receiver = Receiver(site)
    body = ('<html><head><meta property="article:published_time" content="2026-12-01T09:00:00Z">'
            "<title>TV news</title></head><body><article><h1>TV news</h1><p>{}</p>"
            "</article></body></html>")
    site.set("/a-year", body.format(
        "Netflix confirmed that Heartstopper Season 2 premieres in 2027."))
    site.set("/b-day", body.format(
        "Netflix confirmed that Heartstopper Season 2 premieres on 9 July 2027."))
    config = write_config(tmp_path, site, {"a-year": "/a-year", "b-day": "/b-day"},
                          interval="1h")
    config.write_text(config.read_text().replace("  per_host_delay: 0s", "  per_host_delay: 1s"))
    daemon = daemons(config)
    daemon.wait_for_log("cycle a-year:")
    daemon.wait_for_log("cycle b-day:")
    wait_for(lambda: receiver.events(), "the alert", daemon=daemon)
    time.sleep(1.5)  # a second alert, if any, would be on its way
    assert receiver.events() == ["release_date.announced"]
    assert receiver.bodies[0]["value"] == {"date": "2027-07-09", "precision": "day"}


def test_a_clock_set_back_does_not_delay_the_next_checks_by_the_jump(tmp_path, site):
    # APScheduler keeps wall-clock times: set back an hour, every source would wait an hour
    # more than its interval. The daemon sees the wall clock fall behind the monotonic one
    # and moves each job back by the jump.
    from scraper.runtime.daemon import Daemon

    site.set("/news", NOTHING_YET)
    config = load_config(write_config(tmp_path, site, {"news": "/news"}, interval="10m"))
    daemon = Daemon(config)
    daemon._start()
    try:
        scheduler = daemon._scheduler
        scheduler.pause()  # no job runs (and reschedules itself) while the test reads them
        before = {job.id: job.next_run_time for job in scheduler.get_jobs()}
        assert daemon.watch_clock(1_000_000.0, 500.0) == 0.0
        assert daemon.watch_clock(1_000_000.5, 500.5) == 0.0  # time passing is no jump
        assert daemon.watch_clock(1_000_001.0 - 3600, 501.0) == pytest.approx(3600)
        after = {job.id: job.next_run_time for job in scheduler.get_jobs()}
        for job_id, when in before.items():
            if after.get(job_id) is not None and when is not None:
                assert when - after[job_id] == timedelta(hours=1), job_id
        assert source_job_id("news") in after
    finally:
        daemon._shutdown_scheduler()
        daemon._close()


def test_a_batchs_log_lines_give_each_source_its_own_counts():
    # Two sources checked in one batch: the feed was unchanged, the page read one document
    # and alerted. The feed's line said "1 document(s) read, 1 new alert(s)" too.
    from support import make_alert

    report = CycleReport(checked=["feed", "page"], parsed=["page"], documents_read=1,
                         read_by_source={"page": 1},
                         alerts=[make_alert(source_names=("page",), source_name="page")])
    (feed_line,) = cycle_log_lines("feed", report, None, 0.5)
    (page_line,) = cycle_log_lines("page", report, None, 0.5)
    assert "cycle feed: unchanged; 0 document(s) read, 0 new alert(s)" in feed_line[1]
    assert "cycle page: changed; 1 document(s) read, 1 new alert(s)" in page_line[1]
