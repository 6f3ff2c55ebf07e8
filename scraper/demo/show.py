"""`releasewatch demo`: the whole pipeline, offline, on a scripted story.

A local news site (scraper/localsite.py) replays the story of scraper/demo_story.py;
a local Discord-like webhook and a local SMTP server receive what the real Discord
and email notifiers send. Each step runs the same `check_sources` + `deliver_pending`
as `releasewatch check`, then shows what arrived: nothing here is simulated except
the internet. Everything is written inside a temporary directory and removed.
"""

from __future__ import annotations

import email
import email.policy
import json
import socketserver
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from notifiers import Notifier
from notifiers.text import alert_subject
from scraper.config.settings import Config, load_config
from scraper.cycle import CycleReport, check_sources
from scraper.deliver import build_notifiers, deliver_pending
from scraper.demo import story as demo_story
from scraper.demo.localsite import LocalSite
from scraper.fetch.fetcher import Fetcher
from scraper.models import ANNOUNCED, CHANGED, TRAILER_RELEASED, Alert, format_value
from scraper.store.state import State

WEBHOOK_PATH = "/api/webhooks/1187452093/demo-token-not-a-secret"
NEWS_EVENTS = (ANNOUNCED, CHANGED, TRAILER_RELEASED)

# -- a tiny SMTP server: enough of RFC 5321 for smtplib with `security: none` ----------------


class SmtpSink:
    """Accepts every message on 127.0.0.1 and keeps it in memory (never relays)."""

    MAX_MESSAGE = 1024 * 1024

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self._lock = threading.Lock()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            timeout = 10  # a stuck client must not hold the demo

            def handle(self) -> None:
                sink._session(self.rfile, self.wfile)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def start(self) -> SmtpSink:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _session(self, rfile: Any, wfile: Any) -> None:
        def say(line: str) -> None:
            wfile.write(line.encode("ascii") + b"\r\n")
            wfile.flush()

        say("220 127.0.0.1 releasewatch-demo ESMTP")
        for _ in range(1000):  # bounded: a session is a handful of commands
            raw = rfile.readline(4096)
            if not raw:
                return
            verb = raw.decode("ascii", "replace").strip().split(" ", 1)[0].upper()
            if verb == "EHLO":
                say("250-127.0.0.1")
                say("250 8BITMIME")
            elif verb in ("HELO", "MAIL", "RCPT", "RSET", "NOOP"):
                say("250 OK")
            elif verb == "DATA":
                say("354 end with <CRLF>.<CRLF>")
                data = self._read_data(rfile)
                message = email.message_from_bytes(data, policy=email.policy.default)
                with self._lock:
                    self.messages.append(message)  # type: ignore[arg-type]
                say("250 OK: queued")
            elif verb == "QUIT":
                say("221 bye")
                return
            else:
                say("502 not implemented")

    def _read_data(self, rfile: Any) -> bytes:
        lines: list[bytes] = []
        size = 0
        while size <= self.MAX_MESSAGE:
            line = rfile.readline(65536)
            if not line or line in (b".\r\n", b".\n"):
                break
            if line.startswith(b".."):
                line = line[1:]  # undo the sender's dot-stuffing
            lines.append(line)
            size += len(line)
        return b"".join(lines)

    def take(self) -> list[email.message.EmailMessage]:
        with self._lock:
            taken, self.messages = self.messages, []
        return taken


# -- how an alert looks to its reader ----------------------------------------------------------


def render_discord(payload: dict[str, Any]) -> list[str]:
    """A Discord message with its embed, as text: title, link, description, fields."""
    lines: list[str] = []
    if payload.get("content"):
        lines.append(f"{payload['content']}   (the video plays inline)")
    for embed in payload.get("embeds", []):
        lines.append(f"**{embed.get('title', '')}**")
        if embed.get("url"):
            lines.append(f"<{embed['url']}>")
        if embed.get("description"):
            lines.append(f"> {_unescape_markdown(embed['description'])}")
        for item in embed.get("fields", []):
            name, *rest = [item["name"], *str(item["value"]).splitlines()]
            lines.append(f"{name}: {rest[0] if rest else ''}")
            lines.extend(f"{' ' * (len(name) + 2)}{more}" for more in rest[1:])
    return lines


def _unescape_markdown(text: str) -> str:
    # The notifier escapes page text so Discord shows it literally; show it literally too.
    out, escaped = [], False
    for char in text:
        if char == "\\" and not escaped:
            escaped = True
            continue
        out.append(char)
        escaped = False
    return "".join(out)


def render_email(message: email.message.EmailMessage) -> str:
    return f"Subject: {message['Subject']}   (to {message['To']})"


# -- the run -------------------------------------------------------------------------------------


@dataclass
class Tally:
    sent: list[Alert] = field(default_factory=list)
    messages: int = 0
    repeats: list[str] = field(default_factory=list)  # one line per report of a known fact
    not_news: list[str] = field(default_factory=list)  # speculation / negation pages read


def demo_config(site: LocalSite, smtp_port: int) -> str:
    """The demo's config.yaml: the story's sources, the local Discord and SMTP servers."""
    sources = "\n".join(
        f"  - name: {json.dumps(s.name)}\n    url: {json.dumps(site.url(s.path))}\n"
        f"    type: {s.type}"
        for s in demo_story.SOURCES
    )
    return f"""# Written by `releasewatch demo`; removed when it ends.
state: demo.db
http:
  timeout: 5s
  per_host_delay: 0s        # every outlet of the story lives on 127.0.0.1
  respect_robots: false     # a local site has no robots.txt to honour
watches:
  - title: {demo_story.TITLE}
    season: {demo_story.SEASON}
sources:
{sources}
notifiers:
  - name: discord
    type: discord
    url: {site.url(WEBHOOK_PATH)}
    username: releasewatch
  - name: email
    type: email
    host: 127.0.0.1
    port: {smtp_port}
    security: none
    from: "releasewatch <alerts@demo.invalid>"
    to: [you@demo.invalid]
"""


def run_demo(out: TextIO = sys.stdout, delay: float = 0.3) -> int:
    """Replay the story; print progress, each alert as received, and a summary. Exit code."""
    started = time.monotonic()
    say = _printer(out)
    steps = demo_story.story(datetime.now(UTC).date())
    discord = DiscordInbox()
    site = LocalSite()
    site.on_post = discord.on_post
    smtp = SmtpSink()
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="releasewatch-demo-") as tmp:
        site.start()
        smtp.start()
        try:
            config_path = Path(tmp) / "config.yaml"
            config_path.write_text(demo_config(site, smtp.port), encoding="utf-8")
            config = load_config(config_path, env={})
            say(
                f"releasewatch demo: watching {demo_story.TITLE} Season {demo_story.SEASON} "
                f"on {len(config.sources)} local sources; alerts go to a local Discord webhook "
                "and a local SMTP server."
            )
            say(f"(config and state in {tmp}, removed at the end)\n")
            state = State(config.state_path)
            notifiers = build_notifiers(config)
            fetcher = Fetcher(config.http)
            names = {site.url(s.path): s.name for s in demo_story.SOURCES}
            run = DemoRun(config, state, notifiers, fetcher, names, smtp, discord, tally, say)
            try:
                for number, step in enumerate(steps, 1):
                    for source in demo_story.SOURCES:
                        if source.path in step.bodies:
                            site.set(source.path, step.bodies[source.path], source.content_type)
                    say(f"[{number}/{len(steps)}] {step.title}")
                    run.step(step)
                    if delay and number < len(steps):
                        time.sleep(min(delay, 2.0))
            finally:
                fetcher.close()
                for notifier, _ in notifiers.values():
                    notifier.close()
                state.close()
        finally:
            smtp.stop()
            site.stop()
    _summary(tally, say, time.monotonic() - started)
    return 0


class DiscordInbox:
    """The local Discord-like webhook: answers like Discord with ?wait=true, keeps payloads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._payloads: list[dict[str, Any]] = []

    def on_post(self, path: str, headers: dict[str, str], body: bytes):
        if not path.startswith(WEBHOOK_PATH):
            return 404, [], b'{"message": "Unknown Webhook", "code": 10015}'
        with self._lock:
            self._payloads.append(json.loads(body))
            answer = json.dumps({"id": str(len(self._payloads)), "type": 0}).encode()
        return 200, [("Content-Type", "application/json")], answer

    def take(self) -> list[dict[str, Any]]:
        with self._lock:
            taken, self._payloads = self._payloads, []
        return taken


def _printer(out: TextIO) -> Callable[[str], None]:
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None:
        # A terminal that cannot show "—" gets "?", not a crash in the middle of the story.
        reconfigure(errors="replace")

    def say(text: str = "") -> None:
        out.write(text + "\n")
        out.flush()

    return say


def _pairs(state: State) -> set[tuple[str, str, str]]:
    """(kind, value, source URL) for every source of every stored fact."""
    facts = state.facts()
    return {(f.kind, json.dumps(f.value, sort_keys=True), url) for f in facts for url in f.sources}


@dataclass
class DemoRun:
    """One check cycle per story step, through the same functions `releasewatch check` uses."""

    config: Config
    state: State
    notifiers: dict[str, tuple[Notifier, str]]
    fetcher: Fetcher
    names: dict[str, str]  # source URL -> source name
    smtp: SmtpSink
    discord: DiscordInbox
    tally: Tally
    say: Callable[[str], None]

    def step(self, step: demo_story.Step) -> None:
        say = self.say
        for item in step.published:
            say(f"      {item.source.name} publishes: {item.what}")
        before = _pairs(self.state)
        began = time.monotonic()
        report = check_sources(self.config, self.state, self.fetcher, datetime.now(UTC))
        delivery = deliver_pending(self.state, self.notifiers, datetime.now(UTC), due_only=False)
        new_pairs = _pairs(self.state) - before
        say(
            f"      checked {len(report.checked)} sources in {time.monotonic() - began:.2f} s: "
            f"{len(report.parsed)} changed, {_count(report.documents_read, 'document')} read, "
            f"{_count(len(report.alerts), 'new alert')}; delivered: {delivery.summary()}"
        )
        for name, error, _streak in report.failures:
            say(f"      ! {name} failed: {error}")
        self._show_alerts(report.alerts)
        not_sent = self._not_sent(step, report, new_pairs)
        if report.alerts and not_sent:
            say("")
        for line in not_sent:
            say(f"      not sent: {line}")
        say("")

    def _show_alerts(self, alerts: list[Alert]) -> None:
        payloads, mails = self.discord.take(), self.smtp.take()
        self.tally.messages += len(payloads) + len(mails)
        for alert in alerts:
            self.tally.sent.append(alert)
            self.say("")
            self.say(f"   >> ALERT {alert.event}")
            subject = alert_subject(alert)
            # Matched by what the user sees: the embed's title is the alert's subject line.
            payload = next(
                (p for p in payloads if p.get("embeds") and p["embeds"][0].get("title") == subject),
                None,
            )
            if payload is not None:
                self.say("      Discord message:")
                for line in render_discord(payload):
                    self.say(f"      | {line}")
            # The Message-ID is derived from the alert's id (notifiers/email.py).
            mail = next((m for m in mails if alert.id in str(m.get("Message-ID", ""))), None)
            if mail is not None:
                self.say(f"      Email: {render_email(mail)}")

    def _not_sent(
        self, step: demo_story.Step, report: CycleReport, new_pairs: set[tuple[str, str, str]]
    ) -> list[str]:
        """What was read and deliberately not sent, from what the pipeline recorded."""
        lines: list[str] = []
        news = [a for a in report.alerts if a.event in NEWS_EVENTS]
        alerted = {(_kind(a), json.dumps(a.value, sort_keys=True), a.source) for a in news}
        for kind, value, url in sorted(new_pairs - alerted):
            same = any((k, v) == (kind, value) for k, v, _ in alerted)
            why = "same news as the alert above" if same else "already known"
            line = f"{self.names.get(url, url)} reports {format_value(json.loads(value))} ({why})"
            self.tally.repeats.append(line)
            lines.append(line)
        # Pages the story wrote to be read and ignored: read (parsed) and nothing came of them.
        alert_sources = {url for a in report.alerts for url in a.sources}
        for item in step.published:
            url = next(u for u, n in self.names.items() if n == item.source.name)
            if item.source.name not in report.parsed or url in alert_sources:
                continue
            if item.role in demo_story.NOT_NEWS and not any(p[2] == url for p in new_pairs):
                line = f"{item.source.name}: {item.what} ({item.role}, no date announced)"
                self.tally.not_news.append(line)
                lines.append(line)
            elif item.role == demo_story.STALE and not any(p[2] == url for p in new_pairs):
                line = f"{item.source.name}: {item.what} (an older date never replaces the current)"
                self.tally.repeats.append(line)
                lines.append(line)
        return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _kind(alert: Alert) -> str:
    return "trailer" if alert.event == TRAILER_RELEASED else "release_date"


def _summary(tally: Tally, say: Callable[[str], None], seconds: float) -> None:
    say("=" * 72)
    say(
        f"Sent {_count(len(tally.sent), 'alert')} "
        f"({_count(tally.messages, 'message')}: each to Discord and by email):"
    )
    for number, alert in enumerate(tally.sent, 1):
        value = format_value(alert.value)
        if alert.previous:
            value += f" (was {format_value(alert.previous)})"
        say(f"  {number}. {alert.event:<24} {value}")
    say("Deliberately not sent:")
    say(f"  repeats: {len(tally.repeats)} reports of facts already known")
    for line in tally.repeats:
        say(f"    - {line}")
    say(f"  speculation/negation: {len(tally.not_news)} pages read, nothing announced")
    for line in tally.not_news:
        say(f"    - {line}")
    say(f"Done in {seconds:.1f} s; the temporary config, state and servers are gone.")
    say("Next: edit config.yaml, then `releasewatch validate` and `releasewatch run`.")
