"""Issue 14 (1-4, 7): slow notifiers, concurrent runs, huge waits, a retry budget spent in
time, and hosts that do not starve each other. Real servers on 127.0.0.1, real state
files, real subprocesses."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from support import dripping_server, make_alert

from notifiers import TransientError, build_notifier
from scraper.deliver import GIVE_UP_AFTER, deliver_pending, next_attempt
from scraper.store.state import State

REPO = Path(__file__).resolve().parent.parent


def fresh(**changes: object):  # noqa: ANN201
    """An alert detected now: its retry budget (24 h from detection) still open."""
    from datetime import UTC, datetime

    return make_alert(**{"detected_at": datetime.now(UTC), **changes})


# -- servers ------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    """A test server whose request threads end with it: server_close() waits for them
    (a daemon thread still answering after its test printed its peer's hang-up into the
    next test's captured stderr), and a client hanging up is no error worth printing."""

    daemon_threads = False
    block_on_close = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class Sink:
    """A webhook receiver on 127.0.0.1 that keeps every alert id posted to it."""

    def __init__(self, delay: float = 0.0):
        self.ids: list[str] = []
        self.delay = delay
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                sink.ids.append(json.loads(body)["id"])
                time.sleep(sink.delay)
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: object) -> None:
                pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def sink() -> Iterator[Sink]:
    running = Sink()
    yield running
    running.close()


# -- 1. a deadline for the whole send ----------------------------------------------------


def test_a_webhook_dripping_its_answer_is_cut_off_at_the_timeout():
    with dripping_server(b"HTTP/1.1 200 OK\r\n", b"X-Slow: a\r\n") as port:
        hook = build_notifier("hook", "webhook", {"url": f"http://127.0.0.1:{port}/h",
                                                  "timeout": 1})
        started = time.monotonic()
        with pytest.raises(TransientError, match="timed out after 1s"):
            hook.send(make_alert())
        assert time.monotonic() - started < 2.5
        hook.close()


def test_discord_dripping_its_answer_is_cut_off_at_the_timeout():
    with dripping_server(b"HTTP/1.1 200 OK\r\n", b"X-Slow: a\r\n") as port:
        discord = build_notifier("chat", "discord", {
            "url": f"http://127.0.0.1:{port}/api/webhooks/1/tok3nS3cretValue0123456789",
            "timeout": 1,
        })
        started = time.monotonic()
        with pytest.raises(TransientError):
            discord.send(make_alert())
        assert time.monotonic() - started < 2.5
        discord.close()


def test_an_smtp_server_dripping_its_greeting_is_cut_off_at_the_timeout():
    with dripping_server(b"220-", b"slow\r\n220-") as port:
        mail = build_notifier("mail", "email", {
            "host": "127.0.0.1", "port": port, "security": "none",
            "from": "rw@example.org", "to": "me@example.org", "timeout": 1,
        })
        started = time.monotonic()
        with pytest.raises(TransientError, match="timed out after 1s"):
            mail.send(make_alert())
        assert time.monotonic() - started < 2.5


def test_check_is_not_kept_busy_past_the_timeout_by_a_dripping_webhook(tmp_path):
    with dripping_server(b"HTTP/1.1 200 OK\r\n", b"X-Slow: a\r\n") as port:
        config = _config(tmp_path, f"http://127.0.0.1:{port}/h", timeout="1")
        state = State(tmp_path / "state.db")
        state.add_alert(fresh(), ["hook"])
        state.close()
        started = time.monotonic()
        done = _check(config)
        assert done.returncode == 0, done.stderr
        assert time.monotonic() - started < 8  # a subprocess start and one 1 s deadline
        assert "1 retrying" in done.stderr


# -- 2. no alert twice from concurrent runs ---------------------------------------------


NO_SOURCE = "  - name: none\n    url: http://127.0.0.1:9/none\n"


def _config(
    tmp_path: Path, hook_url: str, *, timeout: str = "5", sources: str = NO_SOURCE,
    alert_after: int = 100,
) -> Path:
    config = tmp_path / "config.yaml"
    config.write_text(
        f"state: {tmp_path / 'state.db'}\n"
        "http:\n  timeout: 2s\n  per_host_delay: 0s\n"
        f"health:\n  alert_after: {alert_after}\n"
        "watches:\n  - title: Heartstopper\n    season: 2\n"
        f"sources:\n{sources}"
        "notifiers:\n"
        f"  - name: hook\n    type: webhook\n    url: '{hook_url}'\n    timeout: {timeout}\n"
    )
    return config


def _check(config: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scraper", "check", "--config", str(config), *extra],
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )


def _start_checks(config: Path, count: int, *extra: str) -> list[subprocess.Popen[str]]:
    return [
        subprocess.Popen(
            [sys.executable, "-m", "scraper", "check", "--config", str(config), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        )
        for _ in range(count)
    ]


def test_two_checks_at_once_send_each_delivery_once(tmp_path):
    slow = Sink(delay=0.3)  # each send takes a while: the two runs overlap for sure
    try:
        config = _config(tmp_path, slow.url)
        state = State(tmp_path / "state.db")
        for n in range(6):
            state.add_alert(fresh(id=f"alert-{n}"), ["hook"])
        state.close()
        runs = _start_checks(config, 2)
        for run in runs:
            _, err = run.communicate(timeout=60)
            assert run.returncode == 0, err
        assert sorted(slow.ids) == [f"alert-{n}" for n in range(6)]
        state = State(tmp_path / "state.db")
        assert state.delivery_counts() == {"hook": {"sent": 6}}
        state.close()
    finally:
        slow.close()


def test_two_first_runs_at_once_on_a_new_state_file_both_work(tmp_path, sink):
    for attempt in range(3):  # a race: a few tries at it
        folder = tmp_path / str(attempt)
        folder.mkdir()
        config = _config(folder, sink.url)
        runs = _start_checks(config, 3)
        for run in runs:
            _, err = run.communicate(timeout=60)
            assert run.returncode == 0, err
            assert "already exists" not in err


def test_two_checks_on_a_failing_source_send_source_failing_once(tmp_path, sink):
    sources = "  - name: down\n    url: http://127.0.0.1:9/gone\n"
    for attempt in range(3):
        folder = tmp_path / str(attempt)
        folder.mkdir()
        config = _config(folder, sink.url, sources=sources, alert_after=1)
        sink.ids.clear()
        for run in _start_checks(config, 2):
            _, err = run.communicate(timeout=60)
            assert run.returncode == 0, err
        state = State(folder / "state.db")
        events = [h["alert"]["event"] for h in state.history()]
        state.close()
        assert events == ["source.failing"]
        assert len(sink.ids) == 1


def test_a_migration_is_safe_against_a_concurrent_open(tmp_path):
    # An old (version 3) state file opened by two runs at once: both bring it forward or
    # find it done; neither fails on "duplicate column".
    from scraper.store.schema import MIGRATIONS

    path = tmp_path / "state.db"
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:3]):
        conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    conn.commit()
    conn.close()
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            State(path).close()
        except BaseException as exc:  # noqa: BLE001 - collected for the assert
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_a_lease_keeps_another_run_from_sending_and_expires(state, sink):
    state.add_alert(make_alert(), ["hook"])
    [delivery] = state.pending_deliveries(T0_NOW(), due_only=False)
    now = delivery.next_attempt_at
    # Another run holds it: this pass leaves it alone.
    assert state.claim_delivery(delivery.id, 0, "other", now, now + timedelta(minutes=2),
                                GIVE_UP_AFTER)
    hook = build_notifier("hook", "webhook", {"url": sink.url, "timeout": 2})
    report = deliver_pending(state, {"hook": (hook, "fp")}, now + timedelta(seconds=1))
    assert sink.ids == [] and report.held == 1
    assert "another run" in report.lines[0]
    # That run died mid-send: once its lease ran out, the delivery goes out (at least once).
    report = deliver_pending(state, {"hook": (hook, "fp")}, now + timedelta(minutes=3))
    assert sink.ids == ["alert-0001"] and report.sent == 1
    hook.close()


def T0_NOW():  # noqa: N802 - a time far ahead of any test alert's
    from datetime import UTC, datetime

    return datetime(2100, 1, 1, tzinfo=UTC)


def test_a_full_disk_after_a_send_stops_the_pass_and_nothing_is_sent_twice(tmp_path, sink):
    # RLIMIT_FSIZE (set on the running check by the sink, once the first alert arrived)
    # makes every write to the state fail, as a full disk does.
    config = _config(tmp_path, sink.url)
    state = State(tmp_path / "state.db")
    for n in range(3):
        state.add_alert(fresh(id=f"alert-{n}"), ["hook"])
    state.close()
    runs: list[subprocess.Popen[str]] = []
    original = sink.server.RequestHandlerClass.do_POST

    def full_disk_after_post(handler: BaseHTTPRequestHandler) -> None:
        import resource

        for run in runs:
            resource.prlimit(run.pid, resource.RLIMIT_FSIZE, (1, 1))
        original(handler)

    sink.server.RequestHandlerClass.do_POST = full_disk_after_post  # type: ignore[method-assign]
    runs.append(subprocess.Popen(
        [sys.executable, "-m", "scraper", "check", "--config", str(config)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        # A write past the limit fails with EFBIG (the signal is ignored, as a disk
        # full would not send one).
        preexec_fn=lambda: signal.signal(signal.SIGXFSZ, signal.SIG_IGN),
    ))
    _, err = runs[0].communicate(timeout=60)
    assert sink.ids == ["alert-0"]  # the pass stopped after the record failed
    assert "cannot be written" in err
    assert "Traceback" not in err


# -- 3. a huge Retry-After ---------------------------------------------------------------


@pytest.mark.parametrize("wait", [1e12, float("inf")])
def test_a_huge_retry_after_is_clamped_and_every_attempt_recorded(state, wait):
    state.add_alert(make_alert(), ["hook"])
    [delivery] = state.pending_deliveries(T0_NOW(), due_only=False)
    now = delivery.next_attempt_at
    when = next_attempt(delivery, now, __import__("random").Random(1), retry_after=wait)
    assert when is not None and when <= delivery.created_at + GIVE_UP_AFTER

    class Throttled:
        name = "hook"
        options: dict = {}

        def send(self, alert):  # noqa: ANN001 - the Notifier protocol
            raise TransientError("HTTP 429", retry_after=wait)

        def mask(self, text: str) -> str:
            return text

        def secrets(self) -> list[str]:
            return []

    deliver_pending(state, {"hook": (Throttled(), "fp")}, now)  # type: ignore[dict-item]
    [history] = state.history()
    [attempt] = history["deliveries"][0]["attempts"]
    assert attempt["error"].startswith("HTTP 429")


# -- 4. the retry budget is spent in time -----------------------------------------------


def test_ten_checks_in_two_seconds_against_a_503_spend_one_try(tmp_path):
    posts: list[float] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            posts.append(time.monotonic())
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = _Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        config = _config(tmp_path, f"http://127.0.0.1:{server.server_address[1]}/h")
        state = State(tmp_path / "state.db")
        state.add_alert(fresh(), ["hook"])
        state.close()
        for _ in range(5):
            assert _check(config).returncode == 0
        assert len(posts) == 1
        forced = _check(config, "--now")
        assert forced.returncode == 0 and len(posts) == 2
        state = State(tmp_path / "state.db")
        [delivery] = state.pending_deliveries(T0_NOW(), due_only=False)
        assert delivery.attempts == 1  # the forced try spent nothing
        assert len(state.history()[0]["deliveries"][0]["attempts"]) == 2
        state.close()
    finally:
        server.shutdown()
        server.server_close()


def test_check_help_documents_now():
    done = subprocess.run([sys.executable, "-m", "scraper", "check", "--help"],
                          capture_output=True, text=True, cwd=REPO, env={**os.environ})
    assert "--now" in done.stdout


# -- 7. sources on other hosts are not starved ------------------------------------------


class PacedSite:
    """Pages on 127.0.0.1 that record when each request came: robots.txt, a redirect,
    a page that names no watch."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, float]] = []  # (Host header, path, monotonic time)
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                site.seen.append((self.headers.get("Host", ""), self.path, time.monotonic()))
                if self.path == "/robots.txt":
                    self._answer(200, b"User-agent: *\nAllow: /\n", "text/plain")
                elif self.path.startswith("/hop"):
                    self.send_response(302)
                    self.send_header("Location", "/page")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                else:
                    self._answer(200, b"<html><body><p>Other news.</p></body></html>",
                                 "text/html")

            def _answer(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def paced() -> Iterator[PacedSite]:
    running = PacedSite()
    yield running
    running.close()


def test_per_host_delay_holds_between_robots_txt_redirect_hops_and_the_page(paced):
    from dataclasses import replace

    from scraper.config.settings import HttpSettings
    from scraper.fetch.fetcher import Fetcher

    fetcher = Fetcher(replace(HttpSettings(), per_host_delay=0.4, respect_robots=True,
                              timeout=5.0))
    try:
        fetcher.fetch(f"http://127.0.0.1:{paced.port}/hop")
    finally:
        fetcher.close()
    paths = [path for _, path, _ in paced.seen]
    assert paths == ["/robots.txt", "/hop", "/page"]
    times = [at for _, _, at in paced.seen]
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert all(gap >= 0.35 for gap in gaps), gaps


def test_in_the_daemon_a_source_on_another_host_is_not_starved(tmp_path, paced):
    # Many sources on one host paced 1 s apart, one source on another host name (the
    # same server as "localhost"): that one is checked every interval, not after them all.
    lines = [
        f"state: {tmp_path / 'state.db'}",
        "schedule:\n  interval: 2s\n  jitter: 0s",
        "http:\n  timeout: 5s\n  per_host_delay: 1s\n  concurrency: 2\n  respect_robots: false",
        "watches:\n  - title: Heartstopper\n    season: 2",
        "sources:",
    ]
    for n in range(20):
        lines.append(f"  - name: busy{n}\n    url: http://127.0.0.1:{paced.port}/busy{n}")
    lines.append(f"  - name: other\n    url: http://localhost:{paced.port}/other")
    lines.append("notifiers:\n  - name: out\n    type: console")
    config = tmp_path / "config.yaml"
    config.write_text("\n".join(lines) + "\n")
    log = (tmp_path / "daemon.log").open("wb")
    daemon = subprocess.Popen(
        [sys.executable, "-m", "scraper", "run", "--config", str(config)],
        stdout=subprocess.DEVNULL, stderr=log, cwd=REPO,
    )
    try:
        time.sleep(9)
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(15)
        log.close()
    other = [at for _, path, at in paced.seen if path == "/other"]
    busy = [at for _, path, at in paced.seen if path.startswith("/busy")]
    assert len(other) >= 3, (len(other), len(busy), (tmp_path / "daemon.log").read_text())
    busy.sort()
    gaps = [later - earlier for earlier, later in zip(busy, busy[1:], strict=False)]
    assert min(gaps) >= 0.9, gaps  # the busy host is still paced


# -- the README's secret-masking sentences, each pinned ------------------------------------


def test_readme_secret_masking_claims_hold():
    from scraper import logs

    hook = build_notifier("h", "webhook", {
        "url": "https://bob:Pa55word@hooks.example/in/abc?sig=Zz9aa",
        "secret": "signing-S3cret",
    })
    # Every secret setting's whole value; of a secret URL its user:password and query.
    masked = hook.mask("https://bob:Pa55word@hooks.example/in/abc?sig=Zz9aa signing-S3cret "
                       "bob:Pa55word sig=Zz9aa")
    for secret in ("Pa55word", "signing-S3cret", "Zz9aa"):
        assert secret not in masked, masked
    # ... but not plain words of its path.
    assert hook.mask("the abc of it") == "the abc of it"
    hook.close()
    # A source URL's credentials are for fetching only.
    assert logs.public_url("https://x.example/f?key=K3yValue") == "https://x.example/f?key=***"
    assert logs.public_url("https://x.example/f?api_key=abc1") == "https://x.example/f?api_key=***"
    assert logs.public_url("https://x.example/f?sig=s1&a=1") == "https://x.example/f?sig=***&a=1"
    assert logs.public_url("https://u:p4ss@x.example/f") == "https://x.example/f"


def test_check_beside_run_sends_each_delivery_once(tmp_path):
    slow = Sink(delay=0.3)
    log = (tmp_path / "daemon.log").open("wb")
    daemon = None
    try:
        config = _config(tmp_path, slow.url)
        state = State(tmp_path / "state.db")
        for n in range(6):
            state.add_alert(fresh(id=f"alert-{n}"), ["hook"])
        state.close()
        daemon = subprocess.Popen(
            [sys.executable, "-m", "scraper", "run", "--config", str(config)],
            stdout=subprocess.DEVNULL, stderr=log, cwd=REPO,
        )
        done = _check(config)  # starts while the daemon delivers the same outbox
        assert done.returncode == 0, done.stderr
        deadline = time.monotonic() + 20
        while len(set(slow.ids)) < 6 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1)  # anything sent twice would have arrived by now
        assert sorted(slow.ids) == [f"alert-{n}" for n in range(6)]
    finally:
        if daemon is not None:
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(15)
        log.close()
        slow.close()


def test_apprise_dripping_its_answer_is_cut_off_at_the_timeout():
    pytest.importorskip("apprise")
    with dripping_server(b"HTTP/1.1 200 OK\r\n", b"X-Slow: a\r\n") as port:
        notifier = build_notifier("many", "apprise", {
            "urls": [f"json://127.0.0.1:{port}/tok3nS3cretValue0123456789"], "timeout": 1,
        })
        started = time.monotonic()
        with pytest.raises(TransientError, match="timed out after 1s") as caught:
            notifier.send(make_alert())
        # (the server drips forever; apprise loads its plugins on the first send, which
        # took 3.4 s on a loaded machine: the bound proves the cut-off, not the speed)
        assert time.monotonic() - started < 8
        assert "tok3nS3cret" not in str(caught.value)
