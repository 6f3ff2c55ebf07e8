"""Issue 14: hostile sources and servers. Links and markup stay inert, secrets are masked
exactly, stored waits survive a clock jump, the state stays bounded and its damage is
named, and hostile HTTP answers give one clear source error.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from support import ANNOUNCEMENT, make_alert
from werkzeug import Response

from notifiers import build_notifier
from notifiers.base import Notifier, Setting, TransientError
from notifiers.console import ConsoleNotifier
from scraper import logs
from scraper.cli.main import main
from scraper.deliver import GIVE_UP_AFTER, deliver_pending
from scraper.demo.localsite import Page
from scraper.models import TRAILER_RELEASED
from scraper.parse import feeds
from scraper.parse.videos import normalize_video_url
from scraper.store.state import State, to_db_time

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
PHISH = "AAAAAAAAAAA [Claim prize](https://evil.example/phish) @everyone"


def config_for(tmp_path: Path, sources: dict[str, str], notifier: str = "recording") -> Path:
    lines = [f"state: {tmp_path / 'state.db'}", "http:", "  timeout: 2s",
             "  per_host_delay: 0s", "watches:", "  - title: Heartstopper", "    season: 2",
             "sources:"]
    for name, url in sources.items():
        lines += [f"  - name: {name}", f"    url: '{url}'"]
    lines += ["notifiers:", "  - name: recorder", f"    type: {notifier}"]
    config = tmp_path / "config.yaml"
    config.write_text("\n".join(lines) + "\n")
    return config


def youtube_feed(video_id: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom"
 xmlns:media="http://search.yahoo.com/mrss/"><title>Netflix</title>
<updated>2023-07-13T00:00:00Z</updated>
<entry><id>yt:video:1</id><yt:videoId>{video_id}</yt:videoId>
<title>Heartstopper Season 2 | Official Trailer | Netflix</title>
<link rel="alternate" href="https://evil.example/watch"/>
<published>2023-07-13T14:00:00+00:00</published></entry>
</feed>""".encode()


# -- 5. links and markup stay inert ------------------------------------------------------


def test_a_phishing_video_id_in_a_feed_yields_no_trailer(tmp_path, site, recording, capsys):
    site.pages["/yt.xml"] = Page(youtube_feed(PHISH), "application/atom+xml")
    site.pages["/ok.xml"] = Page(youtube_feed("OoXeC5EaVDA"), "application/atom+xml")
    config = config_for(tmp_path, {"evil": site.url("/yt.xml")})
    assert main(["check", "--config", str(config)]) == 0
    assert [a for a in recording if a.event == TRAILER_RELEASED] == []
    # The same feed with a real id is a trailer: the test above is not vacuous.
    config = config_for(tmp_path, {"good": site.url("/ok.xml")})
    assert main(["check", "--config", str(config)]) == 0
    assert [a.value for a in recording if a.event == TRAILER_RELEASED] == [
        {"url": "https://www.youtube.com/watch?v=OoXeC5EaVDA"}
    ]


def test_every_reader_of_video_ids_checks_them():
    # The lenient reader (feedparser, for broken feeds) reads yt:videoId too.
    broken = youtube_feed(PHISH).decode().replace("</feed>", "<oops>")
    for entry in feeds.read_feed_leniently(broken) or []:
        assert all("evil" not in v.url and " " not in v.url for v in entry.videos)
    # "$" would accept an id followed by a newline, percent-encoded in a link.
    assert normalize_video_url("https://www.youtube.com/watch?v=AAAAAAAAAAA%250A") is None
    assert normalize_video_url(f"https://www.youtube.com/watch?v={quote(PHISH)}") is None
    assert normalize_video_url("https://youtu.be/OoXeC5EaVDA") == (
        "https://www.youtube.com/watch?v=OoXeC5EaVDA"
    )


def test_console_prints_no_terminal_escape_sequences():
    out = io.StringIO()
    hostile = (
        "Heartstopper Season 2 arrives\x1b]0;pwned\x07 on\x1b[2J 3 August\x9b31m 2023"
        "\u202e\u2066.evil\u2069\r== fake alert line\x00"
    )
    ConsoleNotifier("console", {}, stream=out).send(make_alert(evidence=hostile))
    printed = out.getvalue()
    for control in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2069", "\r", "\x00"):
        assert control not in printed, repr(control)
    assert "arrives]0;pwned on[2J 3 August31m 2023.evil" in printed
    assert "\n== fake" not in printed  # a line of its own is indented under Evidence


# -- 6. secrets masked exactly -----------------------------------------------------------


class Hook(Notifier):
    type_name = "hooklike"
    settings = {"url": Setting(str, secret=True), "password": Setting(str, secret=True)}


def test_masking_blanks_secrets_not_common_words():
    for path in ("/alert", "/hook", "/hooks/releases", "/api/release_date"):
        notifier = Hook("my-hook", {"url": f"http://127.0.0.1:9/{path.lstrip('/')}"})
        line = "alert release_date.announced via my-hook (hooklike): POST /api/x"
        assert notifier.mask(line) == line, path
        assert logs.mask(line) == line, path
    token = "AbCdEf0123456789tokenValue_-xyz"
    notifier = Hook("d", {"url": f"https://discord.example/api/webhooks/1187452093/{token}",
                          "password": "pw-Secret-1"})
    for shown in (token, quote(token + "/", safe=""), "1187452093", "pw-Secret-1",
                  quote("pw-Secret-1", safe="").replace("-", "%2D"), "/api/webhooks/1187452093/"
                  + token):
        assert "***" in notifier.mask(f"echo {shown} end"), shown
        assert "1187452093" not in notifier.mask(f"echo {shown}")
        assert "0123456789" not in logs.mask(f"echo {shown}")


def test_a_token_echoed_late_or_encoded_is_masked_before_the_cut(httpserver):
    token = "Zq9TokenSecret_abcdefghijklmnopqrstuvwxyz0123456789"
    path = f"/api/webhooks/112233445566778899/{token}"
    # The token straddles the 300-character cut, once plain and once percent-encoded.
    padding = "x " * 135
    httpserver.expect_request(path).respond_with_handler(
        lambda request: Response(f"{padding}{token} {quote(request.url, safe='')}", status=502)
    )
    notifier = build_notifier("d", "webhook", {"url": httpserver.url_for(path), "timeout": 5})
    try:
        notifier.send(make_alert())
    except TransientError as exc:
        said = str(exc)
    assert "HTTP 502" in said
    assert "Zq9" not in said and "Zq9TokenSecret"[:6] not in said, said


def test_source_url_credentials_are_never_shown_sent_or_stored(tmp_path, site, recording, capsys):
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    port = site.url("/").split(":")[2].split("/")[0]
    url = f"http://reader:hunter2pass@127.0.0.1:{port}/news?edition=uk&token=SeCrEtToKeN42"
    config = config_for(tmp_path, {"news": url})
    assert main(["check", "--config", str(config)]) == 0
    [alert] = recording
    assert alert.source == f"http://127.0.0.1:{port}/news?edition=uk&token=***"
    site.pages["/news"] = Page(b"", status=503)
    for _ in range(5):  # health.alert_after's default
        main(["check", "--config", str(config)])
    assert [a.event for a in recording][-1] == "source.failing"
    main(["status", "--config", str(config)])
    main(["history", "--config", str(config), "--json"])
    shown = capsys.readouterr()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("state.db*"))
    for secret in ("hunter2pass", "SeCrEtToKeN42"):
        assert secret not in shown.out + shown.err
        assert secret.encode() not in stored
        assert all(secret not in str(a.to_json()) for a in recording)


def test_the_notifier_fingerprint_is_stored_keyed(tmp_path):
    state = State(tmp_path / "state.db")
    try:
        state.add_alert(make_alert(id="a1"), ["refuser"])

        class Refuser(Notifier):
            type_name = "refuser"

            def send(self, alert):
                from notifiers import PermanentError

                raise PermanentError("HTTP 404", disable=True)

        deliver_pending(state, {"refuser": (Refuser("refuser", {}), "bare-fp")}, T0)
        [row] = state._query("SELECT fingerprint FROM notifier_state")
        assert row[0] != "bare-fp" and len(row[0]) == 64
        # A second state file keys it differently: nothing to compare across files.
        other = State(tmp_path / "other.db")
        other.add_alert(make_alert(id="a1"), ["refuser"])
        deliver_pending(other, {"refuser": (Refuser("refuser", {}), "bare-fp")}, T0)
        assert other._query("SELECT fingerprint FROM notifier_state")[0][0] != row[0]
        other.close()
    finally:
        state.close()


def test_the_state_file_is_private(tmp_path):
    check = State(tmp_path / "state.db")
    check.add_alert(make_alert(), ["x"])
    for path in tmp_path.glob("state.db*"):
        assert path.stat().st_mode & 0o777 == 0o600, path
    check.close()


# -- 9. clock jumps ----------------------------------------------------------------------


class Counting(Notifier):
    type_name = "counting"

    def __init__(self, name, options):
        super().__init__(name, options)
        self.sent: list[str] = []

    def send(self, alert):
        self.sent.append(alert.id)


def test_a_wait_stored_before_the_clock_jumped_back_holds_nothing(state):
    notifier = Counting("mail", {})
    far = T0 + timedelta(days=3 * 365)
    state.add_alert(make_alert(id="a1", detected_at=T0 - timedelta(minutes=5)), ["mail"])
    # A transient failure stored while the clock said 2027: the delivery and the
    # notifier's cooldown both wait until then.
    state._execute("UPDATE deliveries SET next_attempt_at = ?", (to_db_time(far),))
    state.set_meta("deliver.cooldown.mail", f"fp|{to_db_time(far)}")
    report = deliver_pending(state, {"mail": (notifier, "fp")}, T0)
    assert notifier.sent == ["a1"], report.lines


def test_a_wait_within_the_horizon_still_holds(state):
    notifier = Counting("mail", {})
    state.add_alert(make_alert(id="a1"), ["mail"])
    soon = T0 + GIVE_UP_AFTER - timedelta(minutes=1)
    state._execute("UPDATE deliveries SET next_attempt_at = ?", (to_db_time(soon),))
    deliver_pending(state, {"mail": (notifier, "fp")}, T0)
    assert notifier.sent == []



# -- 8. a bounded state, its damage named --------------------------------------------------


def checked_once(tmp_path, site) -> Path:
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    config = config_for(tmp_path, {"news": site.url("/news")})
    assert main(["check", "--config", str(config)]) == 0
    return config


def test_a_state_file_cut_to_zero_bytes_is_an_error_naming_it(tmp_path, site, recording, capsys):
    config = checked_once(tmp_path, site)
    capsys.readouterr()
    (tmp_path / "state.db").write_bytes(b"")
    for command in ("check", "status", "history"):
        assert main([command, "--config", str(config)]) == 1, command
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and str(tmp_path / "state.db") in err, err
        assert "empty" in err
    assert (tmp_path / "state.db").stat().st_size == 0  # left as it was, not re-initialised
    assert len(recording) == 1


def test_a_state_file_damaged_in_its_middle_is_an_error_naming_it(
    tmp_path, site, recording, capsys
):
    config = checked_once(tmp_path, site)
    capsys.readouterr()
    path = tmp_path / "state.db"
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    for at in range(2 * page, len(data) - page, 7):  # every page but the first and last
        data[at] = 0xA5
    path.write_bytes(bytes(data))
    for command in ("check", "status", "history"):
        assert main([command, "--config", str(config)]) == 1, command
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and str(path) in err, err
        assert "damaged" in err or "malformed" in err, err


@contextlib.contextmanager
def _checked_state_for_a_reader(site):
    """A state `check` wrote, outside pytest's private tmp folder (which another user
    could not enter), and the command prefix that runs as a user who may not write it
    (as root: nobody, by setpriv, for root may write anything). Yields (prefix, top
    folder, config, state file); the caller takes the write access away."""
    as_reader: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("root without setpriv: cannot take write access away")
        as_reader = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    top = Path(tempfile.mkdtemp(prefix="releasewatch-ro-"))
    folder = top / "state"
    folder.mkdir()
    try:
        site.pages["/news"] = Page(ANNOUNCEMENT.encode())
        config = config_for(folder, {"news": site.url("/news")}, notifier="console")
        assert main(["check", "--config", str(config)]) == 0
        yield as_reader, top, config, folder / "state.db"
    finally:
        for path in (top, folder):
            path.chmod(0o755)
        shutil.rmtree(top)


def _run_as(prefix: list[str], command: str, config: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "scraper", command, "--config", str(config)],
        capture_output=True, text=True, timeout=60, cwd=Path(__file__).parent.parent,
    )


def test_status_and_history_read_a_read_only_state(site, capsys):
    # A subprocess of a user who may only read the file and its folder (as root: nobody,
    # by setpriv, for root may write anything). Outside pytest's private tmp folder,
    # which that user could not enter.
    with _checked_state_for_a_reader(site) as (as_reader, top, config, state_file):
        before = state_file.read_bytes()
        state_file.chmod(0o444)
        config.chmod(0o444)
        for path in (state_file.parent, top):
            path.chmod(0o555)
        for command in ("status", "history"):
            done = _run_as(as_reader, command, config)
            assert done.returncode == 0, done.stderr
            assert "Heartstopper" in done.stdout or "announced" in done.stdout
        assert state_file.read_bytes() == before


def test_status_opens_the_state_read_only(tmp_path, site, recording, capsys):
    # As root the chmod above proves nothing: a read-only open is seen by SQLite refusing
    # a write through the state status opened.
    from scraper.cli.common import open_existing_state
    from scraper.config.settings import load_config

    config = checked_once(tmp_path, site)
    state = open_existing_state(load_config(config))
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            state.set_meta("x", "y")
    finally:
        state.close()


def test_a_huge_feed_entry_key_is_stored_as_its_hash(tmp_path, site, recording, capsys):
    guid = "urn:x:" + "g" * 100_000
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><guid>{guid}</guid><title>Heartstopper cast interview</title>
<description>Nothing.</description></item>
<item><guid>short-1</guid><title>Heartstopper fans</title><description>Nothing.</description></item>
</channel></rss>""".encode()
    site.pages["/feed.xml"] = Page(feed, "application/rss+xml")
    config = config_for(tmp_path, {"feed": site.url("/feed.xml")})
    assert main(["check", "--config", str(config)]) == 0
    conn = sqlite3.connect(tmp_path / "state.db")
    keys = sorted(row[0] for row in conn.execute("SELECT entry_key FROM feed_entries"))
    conn.close()
    assert keys == sorted(["short-1", "sha256:" + hashlib.sha256(guid.encode()).hexdigest()])
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("state.db*"))
    assert b"g" * 2000 not in stored


# -- 10. clear errors for hostile responses ------------------------------------------------


class RawServer:
    """A TCP server on 127.0.0.1 that answers every connection with the same raw bytes,
    whatever they are: what no HTTP library would let a test server send."""

    def __init__(self, answer: bytes):
        self.answer = answer
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.sock.close()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                try:
                    conn.settimeout(5)
                    conn.recv(65536)
                    conn.sendall(self.answer)
                    conn.shutdown(socket.SHUT_WR)
                except OSError:
                    pass


def redirect_to(location: bytes) -> bytes:
    # Connection: close, for the server closes after one answer: without it the client
    # would send its next request (robots.txt first, then the page) on a closed socket.
    return (
        b"HTTP/1.1 302 Found\r\nLocation: " + location
        + b"\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    )


HOSTILE = [
    (redirect_to(b"http://127.0.0.1:99999/next"), "redirect to an invalid URL"),
    (redirect_to(b"//127.0.0.1:65536/next"), "redirect to an invalid URL"),
    (redirect_to(b"/caf\xe9\xff\xfe"), "redirect to an invalid URL"),
    (redirect_to(b"http://[::1/next"), "redirect to an invalid URL"),
    (b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 1_000_000 + b"\r\n\r\nok", "response header too large"),
    (b"HTTP/1.1 200 OK\r\n" + b"X-Many: a\r\n" * 500 + b"\r\nok", "response header too large"),
    (b"\x00\x01GARBAGE nonsense\r\n\r\nhello", "malformed HTTP response"),
    (b"HTTP/1.1 abc Weird\r\nContent-Length: 2\r\n\r\nok", "malformed HTTP response"),
]


@pytest.mark.parametrize(
    ("answer", "reason"),
    HOSTILE,
    ids=["port-99999", "port-65536", "not-utf8", "bad-ipv6", "1MB-header", "500-headers",
         "garbage", "bad-status"],
)
def test_a_hostile_response_is_one_clear_source_error(tmp_path, recording, capsys, answer, reason):
    with RawServer(answer) as server:
        config = config_for(tmp_path, {"hostile": f"http://127.0.0.1:{server.port}/news"})
        code = main(["check", "--config", str(config)])
    err = capsys.readouterr().err
    assert code == 0, err
    [failed] = [line for line in err.splitlines() if line.startswith("source 'hostile' failed")]
    assert reason in failed, err
    assert "Traceback" not in err and "internal error" not in err


def test_a_charset_impossible_for_the_bytes_is_not_believed(tmp_path, recording, capsys):
    page = ANNOUNCEMENT.encode()
    answer = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-16\r\nConnection: close\r\n"
        b"Content-Length: " + str(len(page)).encode() + b"\r\n\r\n" + page
    )
    with RawServer(answer) as server:
        config = config_for(tmp_path, {"mislabelled": f"http://127.0.0.1:{server.port}/news"})
        assert main(["check", "--config", str(config)]) == 0
    assert [a.value for a in recording] == [{"date": "2023-08-03", "precision": "day"}]


def served(body: bytes, content_type: str) -> bytes:
    return (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


# lxml reads no entry from it, so feedparser's fallback reads it, and its character
# reference past U+10FFFF raised OverflowError out of `check`: exit 2 for every source.
BROKEN_FEED = (
    b"<?xml version='1.0'?><rss><channel><item><title>Heartstopper Season 2 <b>news"
    b"</title><description>Heartstopper Season 2 premieres soon.<br></description></item>"
    b"<item><title>&bogus; &#xFFFFFFFF; \x00"
)


def test_a_feed_that_breaks_its_parser_fails_alone(tmp_path, recording, capsys):
    with RawServer(served(BROKEN_FEED, "application/rss+xml")) as bad, RawServer(
        served(ANNOUNCEMENT.encode(), "text/html; charset=utf-8")
    ) as good:
        config = config_for(tmp_path, {
            "broken": f"http://127.0.0.1:{bad.port}/feed",
            "good": f"http://127.0.0.1:{good.port}/news",
        })
        code = main(["check", "--config", str(config)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "internal error" not in err and "Traceback" not in err
    assert [a.value for a in recording] == [{"date": "2023-08-03", "precision": "day"}]


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_check_on_a_state_it_may_not_write_is_a_clear_error(site, read_only):
    # `check` opened the file, checked every source, and then failed to record it:
    # "internal error: OperationalError: attempt to write a readonly database", exit 2.
    with _checked_state_for_a_reader(site) as (as_reader, top, config, state_file):
        before = state_file.read_bytes()
        state_file.chmod(0o444 if read_only == "file" else 0o666)
        config.chmod(0o444)
        state_file.parent.chmod(0o555 if read_only == "folder" else 0o777)
        top.chmod(0o555)
        done = _run_as(as_reader, "check", config)
        assert done.returncode == 1, done.stderr
        assert "internal error" not in done.stderr
        assert f"error: {state_file}: " in done.stderr and "read-only" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert state_file.read_bytes() == before


def test_check_on_a_full_disk_is_a_clear_error(site):
    # The state's writes fail as on a full disk: the file size limit (RLIMIT_FSIZE) stops
    # the -wal file a few pages in. A connection of the test's own keeps the -wal and
    # -shm files there, so the open succeeds and the check's own write is what fails.
    # It was "internal error: OperationalError: database or disk is full", exit 2.
    import resource
    import signal

    top = Path(tempfile.mkdtemp(prefix="releasewatch-full-"))
    try:
        config = config_for(top, {"news": site.url("/news")}, notifier="console")
        site.pages["/news"] = Page(b"<html><body><p>Nothing yet.</p></body></html>")
        assert main(["check", "--config", str(config)]) == 0
        site.pages["/news"] = Page(ANNOUNCEMENT.encode())
        holder = sqlite3.connect(top / "state.db")
        holder.execute("SELECT count(*) FROM sqlite_master").fetchone()

        def small_files() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a kill
            resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

        done = subprocess.run(
            [sys.executable, "-m", "scraper", "check", "--config", str(config)],
            capture_output=True, text=True, timeout=60, cwd=Path(__file__).parent.parent,
            preexec_fn=small_files,
        )
        holder.close()
        assert done.returncode == 1, done.stderr
        assert "internal error" not in done.stderr and "Traceback" not in done.stderr
        [line] = [x for x in done.stderr.splitlines() if x.startswith("error:")]
        assert line.startswith(f"error: {top / 'state.db'}: cannot write the state file")
    finally:
        shutil.rmtree(top)


@pytest.mark.parametrize("command", ["reject", "forget", "redeliver"])
def test_a_correction_on_a_full_disk_is_a_clear_error(site, command, capsys):
    # reject, forget and redeliver write the state too: a full disk (or a lock another
    # process held past the busy timeout) was "internal error: OperationalError: database
    # or disk is full", exit 2, as check's was before it was made a clear error.
    import resource
    import signal

    top = Path(tempfile.mkdtemp(prefix="releasewatch-full-"))
    try:
        config = config_for(top, {"news": site.url("/news")}, notifier="webhook")
        config.write_text(config.read_text() + f"    url: {site.url('/hook')}\n")
        site.pages["/news"] = Page(ANNOUNCEMENT.encode())
        assert main(["check", "--config", str(config)]) == 0  # the hook's 404: given up
        history = main(["history", "--config", str(config), "--json"])
        [alert] = json.loads(capsys.readouterr().out)["alerts"]
        assert history == 0 and alert["deliveries"][0]["status"] == "failed", alert
        argv = {"reject": ["1"], "forget": ["Heartstopper Season 2"],
                "redeliver": [alert["alert"]["id"]]}[command]
        holder = sqlite3.connect(top / "state.db")
        holder.execute("SELECT count(*) FROM sqlite_master").fetchone()
        counts = ("SELECT (SELECT count(*) FROM facts), (SELECT count(*) FROM rejections), "
                  "(SELECT count(*) FROM deliveries WHERE status = 'pending')")
        before = holder.execute(counts).fetchone()
        assert before == (1, 0, 0)

        def no_room() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a kill
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # not one WAL frame

        done = subprocess.run(
            [sys.executable, "-m", "scraper", command, *argv, "--config", str(config)],
            capture_output=True, text=True, timeout=60, cwd=Path(__file__).parent.parent,
            preexec_fn=no_room,
        )
        after = holder.execute(counts).fetchone()
        holder.close()
        assert done.returncode == 1, done.stderr
        assert "internal error" not in done.stderr and "Traceback" not in done.stderr
        [line] = done.stderr.strip().splitlines()
        assert line.startswith(f"error: {top / 'state.db'}: cannot write the state file"), line
        assert after == before  # nothing half done
    finally:
        shutil.rmtree(top)


def test_run_on_a_full_disk_is_a_clear_error(tmp_path):
    # Writing its pid into `<state>.lock` failed with "internal error: OSError: [Errno 28]
    # No space left on device", exit 2. A file size limit of 0 fails that write the same way.
    import resource
    import signal

    config = config_for(tmp_path, {"news": "http://127.0.0.1:9/news"}, notifier="console")

    def no_writes() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))

    done = subprocess.run(
        [sys.executable, "-m", "scraper", "run", "--config", str(config)],
        capture_output=True, text=True, timeout=60, cwd=Path(__file__).parent.parent,
        preexec_fn=no_writes,
    )
    assert done.returncode == 1, done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: {tmp_path / 'state.db'}"), done.stderr


def test_a_tag_with_endless_attributes_is_read_in_linear_time(tmp_path, capsys):
    # libxml2's HTML parser checks each attribute against all before it: 60,000 in one
    # tag (~700 KB, well under max_bytes) cost ~20 s of CPU, 100,000 four minutes, and a
    # 5 MB page of them hours, for any page that names the watch.
    attributes = " ".join(f"a{i}=1" for i in range(60_000))
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><body><div {attributes}>Heartstopper Season 2</div>"
        "<p>Netflix confirmed today that Heartstopper Season 2 arrives on 3 August 2023.</p>"
        "</body></html>"
    )
    started = time.process_time()
    assert main(["extract", "--title", "Heartstopper", "--season", "2", str(page)]) == 0
    assert time.process_time() - started < 3
    assert '"date": "2023-08-03"' in capsys.readouterr().out


@pytest.mark.parametrize("attribute", ['a{i}=">"', "a{i}='>'", 'a{i}="<>"'])
def test_a_tag_with_endless_attributes_quoting_angle_brackets_is_read_in_linear_time(
    tmp_path, capsys, attribute
):
    # A '>' inside quoted values hid the tag from the '>'-free look for long tags: 60,000
    # attributes a{i}=">" (~650 KB) cost ~50 s of CPU where a{i}=1 cost half a second.
    attributes = " ".join(attribute.format(i=i) for i in range(60_000))
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><body><div {attributes}>Heartstopper Season 2</div>"
        "<p>Netflix confirmed today that Heartstopper Season 2 arrives on 3 August 2023.</p>"
        "</body></html>"
    )
    started = time.process_time()
    assert main(["extract", "--title", "Heartstopper", "--season", "2", str(page)]) == 0
    assert time.process_time() - started < 3
    assert '"date": "2023-08-03"' in capsys.readouterr().out


def test_long_tags_of_few_attributes_are_kept():
    # A long value holding '>' and many '=' (inline JSON, a query string) is no endless
    # tag: the guard leaves it, and dense '=' in text between tags is no tag at all.
    from scraper.parse.walk import _tame_long_tags

    value = "&".join(f"k{i}=v>{i}" for i in range(2000))
    page = f'<p>{"x=1 " * 3000}</p><div data-q="{value}" class="a">Text</div>' + "<p>y</p>" * 50
    assert _tame_long_tags(page) == page


def test_short_secrets_are_masked_where_they_stand_alone(httpserver):
    # SPEC: secrets never appear in logs or errors, short ones included: a webhook whose
    # token is five characters, a three-letter password. Masked as whole words, so a
    # short secret does not blank the letters of every other word.
    notifier = Hook("h", {"url": "http://127.0.0.1:9/h/k3Y9x", "password": "x7q"})
    assert notifier.mask("auth x7q failed; token k3Y9x refused") == (
        "auth *** failed; token *** refused")
    assert notifier.mask("POST /h/k3Y9x 500") == "POST *** 500"
    assert notifier.mask("x7quick, ax7q") == "x7quick, ax7q"
    httpserver.expect_request("/h/k3Y9x").respond_with_handler(
        lambda request: Response("unknown token k3Y9x", status=502))
    hook = build_notifier("w", "webhook", {"url": httpserver.url_for("/h/k3Y9x"), "timeout": 5})
    with pytest.raises(TransientError) as caught:
        hook.send(make_alert())
    assert "HTTP 502" in str(caught.value) and "k3Y9x" not in str(caught.value)
    assert "k3Y9x" not in logs.mask("echo k3Y9x")
