"""Discord: one message with one embed, posted to a channel webhook.

Discord facts this module relies on are in PEERS.md ("Discord webhook facts").
"""

from __future__ import annotations

import json
import re
import threading
import time
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from notifiers import register
from notifiers.base import PermanentError, Setting, TransientError, more_than_zero, truncate
from notifiers.http import HttpNotifier, host_of, http_url_problems
from notifiers.text import alert_subject, source_lines, value_heading
from scraper.errors import parse_retry_after
from scraper.models import (
    ANNOUNCED,
    CHANGED,
    SOURCE_FAILING,
    SOURCE_RECOVERED,
    TEST_ALERT,
    TRAILER_RELEASED,
    Alert,
    format_value,
)

# Discord's embed limits ("Embed Limits"); anything longer is a 400 for the whole message,
# so the base cuts instead (Notifier.fit): an alert with a shortened sentence beats no alert.
LIMITS = {
    "title": 256,
    "description": 4096,
    "field.name": 256,
    "field.value": 1024,
    "embed": 6000,  # title + description + fields + footer, together
    "content": 2000,
    "username": 80,
}
# PEERS.md: "If a webhook returns a 404 status you should not attempt to use it again";
# 401/403 count toward Discord's invalid-request ban.
REFUSALS = (401, 403, 404)

COLOURS = {
    ANNOUNCED: 0x2ECC71,  # green: news
    CHANGED: 0xE67E22,  # orange: plans moved
    TRAILER_RELEASED: 0xE74C3C,  # red, like a play button
    SOURCE_FAILING: 0x95A5A6,  # grey: housekeeping
    SOURCE_RECOVERED: 0x3498DB,
    TEST_ALERT: 0x5865F2,  # Discord's blurple
}

DISCORD_HOSTS = ("discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com")

_MARKDOWN = re.compile(r"([\\*_~`|\[\]()<>#])")


def escape_markdown(text: str) -> str:
    """Scraped text is shown as written: no bold, links or mention syntax from a page."""
    return _MARKDOWN.sub(r"\\\1", text)


def execute_url(url: str) -> str:
    """The webhook URL with wait=true (Discord then confirms the message was saved),
    keeping any other query such as thread_id."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "wait"]
    query.append(("wait", "true"))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _http_url(url: str | None) -> str | None:
    # An embed url that is not http(s) makes Discord reject the whole message.
    if url and url.lower().startswith(("http://", "https://")) and len(url) <= 2048:
        return url
    return None


def _fit(part: str, text: str) -> str:
    return DiscordNotifier.fit(part, text)


def _embed_size(embed: dict[str, Any]) -> int:
    size = len(embed.get("title", "")) + len(embed.get("description", ""))
    size += len(embed.get("footer", {}).get("text", ""))
    for field in embed.get("fields", []):
        size += len(field["name"]) + len(field["value"])
    return size


def build_embed(alert: Alert) -> dict[str, Any]:
    embed: dict[str, Any] = {
        "title": _fit("title", alert_subject(alert)),
        "color": COLOURS.get(alert.event, 0x99AAB5),
        "footer": {"text": "releasewatch"},
    }
    link = _http_url(alert.source)
    if link:
        embed["url"] = link
    if alert.evidence.strip():
        embed["description"] = _fit("description", escape_markdown(alert.evidence))
    fields: list[tuple[str, str, bool]] = []
    if alert.value:
        fields.append((value_heading(alert), format_value(alert.value), True))
    if alert.previous:
        fields.append(("Previously", format_value(alert.previous), True))
    sources = source_lines(alert)
    if sources:
        fields.append(("Sources", "\n".join(sources), False))
    embed["fields"] = [
        {
            "name": _fit("field.name", name),
            "value": _fit("field.value", value),
            "inline": inline,
        }
        for name, value, inline in fields
        if value.strip()  # an empty field value is a 400
    ]
    if alert.detected_at:
        embed["timestamp"] = alert.detected_at.isoformat()
    _fit_total(embed)
    return embed


def _fit_total(embed: dict[str, Any]) -> None:
    """Discord counts title + description + fields + footer against 6000: shrink the
    description first (the evidence is also at the source), then the last fields."""
    excess = _embed_size(embed) - LIMITS["embed"]
    if excess > 0 and embed.get("description"):
        keep = max(len(embed["description"]) - excess, 0)
        embed["description"] = truncate(embed["description"], keep)
        if not embed["description"]:
            del embed["description"]
    for field in reversed(embed["fields"]):
        excess = _embed_size(embed) - LIMITS["embed"]
        if excess <= 0:
            break
        field["value"] = truncate(field["value"], max(len(field["value"]) - excess, 1))


def build_payload(alert: Alert, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON body of one Discord message for one alert."""
    options = options or {}
    payload: dict[str, Any] = {
        "embeds": [build_embed(alert)],
        # Scraped text must never ping anyone (@everyone in an article).
        "allowed_mentions": {"parse": []},
    }
    if alert.value and alert.value.get("url"):
        # A bare video URL in content is what makes Discord play the trailer inline.
        payload["content"] = _fit("content", str(alert.value["url"]))
    if options.get("username"):
        payload["username"] = _fit("username", str(options["username"]))
    if options.get("avatar_url"):
        payload["avatar_url"] = options["avatar_url"]
    return payload


USERNAME_MAX = 80  # Discord's limit on a webhook's name, and on the name a message is posted under


@register
class DiscordNotifier(HttpNotifier):
    type_name: ClassVar[str] = "discord"
    settings: ClassVar[dict[str, Setting]] = {
        "url": Setting(
            str, required=True, secret=True, doc="channel webhook URL (holds the token)"
        ),
        "username": Setting(str, doc="name the message is posted under"),
        "avatar_url": Setting(str, doc="picture the message is posted with"),
        "timeout": Setting(
            (int, float), default=20, duration=True, check=more_than_zero,
            doc="seconds one send may take on the wire in all",
        ),
        # 0 is meaningful: never wait out a rate limit within a send, retry later instead.
        "max_wait": Setting(
            (int, float), default=30, duration=True,
            doc="seconds one send may wait out rate limits",
        ),
    }
    limits: ClassVar[dict[str, int]] = LIMITS
    max_tries: ClassVar[int] = 5  # 429s answered within one send: never a hot loop

    def __init__(self, name: str, options, **clock):
        super().__init__(name, options, **clock)
        self._lock = threading.Lock()
        self._disabled: str | None = None

    @classmethod
    def config_problems(cls, options) -> list[str]:
        problems = http_url_problems(str(options.get("url") or ""))
        avatar = str(options.get("avatar_url") or "")
        problems += [p.replace("url:", "avatar_url:", 1) for p in http_url_problems(avatar)]
        # Discord answers 400 to every message posted under such a name, so each alert
        # would be given up: say it before anything is sent.
        username = options.get("username")
        if username is not None:
            name = str(username).strip()
            folded = name.casefold()
            if not 1 <= len(name) <= USERNAME_MAX:
                problems.append(f"username: must be 1 to {USERNAME_MAX} characters")
            elif any(word in folded for word in ("discord", "clyde")):
                problems.append('username: Discord refuses a name containing "discord" or '
                                '"clyde"')
            elif folded in ("here", "everyone"):
                problems.append(f"username: Discord refuses the name {name!r}")
        return problems

    @classmethod
    def config_warnings(cls, options) -> list[str]:
        host = host_of(str(options.get("url") or ""))
        if host and host not in DISCORD_HOSTS:
            return [f"url: {host} is not a Discord host; Discord's format is sent anyway"]
        return []

    def send(self, alert: Alert) -> None:
        body = json.dumps(build_payload(alert, self.options), ensure_ascii=False).encode("utf-8")
        with self._lock:
            self._send(body)

    def _send(self, body: bytes) -> None:
        if self._disabled:
            # Discord bans clients that keep sending invalid requests: no call at all.
            raise PermanentError(f"not sent: webhook refused earlier ({self._disabled})", True)
        url = execute_url(self.options["url"])
        waited = 0.0
        said = "rate limited by Discord"
        # `timeout` bounds the send's time on the wire in all, whatever the number of
        # tries; only the rate-limit waits come on top (max_wait bounds those).
        on_wire = 0.0
        for _ in range(self.max_tries):
            waited = self.wait_turn(waited, said)  # sleeps, or gives up with retry_after
            started = time.monotonic()
            try:
                response = self.post(
                    url,
                    data=body,
                    headers={"Content-Type": "application/json"},
                    within=self.timeout - on_wire,
                )
            finally:
                on_wire += time.monotonic() - started
            self._note_bucket(response)
            if response.status_code == 429:
                said = self.server_words(response)
                self.hold_off(self._retry_after(response))
                continue  # the wait at the top of the loop
            try:
                self.raise_for_status(response, disable_on=REFUSALS)
            except PermanentError as exc:
                if exc.disable:
                    self._disabled = str(exc)
                raise
            return
        raise TransientError(f"{said} ({self.max_tries} tries)", retry_after=self.pause_left())

    def _note_bucket(self, response) -> None:
        """Remember when this webhook's bucket refills, so the next send waits first
        instead of collecting a 429 (each one counts toward the ban)."""
        remaining = response.headers.get("X-RateLimit-Remaining")
        reset_after = parse_retry_after(response.headers.get("X-RateLimit-Reset-After"))
        if remaining is not None and reset_after is not None:
            try:
                empty = float(remaining) < 1  # no int(): "inf" would raise OverflowError
            except ValueError:
                empty = False
            if empty:
                self.hold_off(reset_after)

    @staticmethod
    def _retry_after(response) -> float:
        try:
            body = response.json()
        except ValueError:
            body = None
        seconds = None
        if isinstance(body, dict):
            seconds = parse_retry_after(body.get("retry_after"))
        if seconds is None:
            seconds = parse_retry_after(response.headers.get("Retry-After"))
        # No figure at all: wait a little rather than retrying at once.
        return seconds if seconds is not None else 1.0
