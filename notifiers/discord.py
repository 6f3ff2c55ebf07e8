"""Discord: one message with one embed, posted to a channel webhook.

Discord facts this module relies on are in PEERS.md ("Discord webhook facts").
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from notifiers import register
from notifiers.base import (
    HttpNotifier,
    PermanentError,
    Setting,
    TransientError,
    alert_subject,
    host_of,
    parse_seconds,
    source_lines,
    truncate,
    value_heading,
)
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
# so we cut instead: an alert with a shortened sentence beats no alert.
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
CONTENT_LIMIT = 2000
USERNAME_LIMIT = 80

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


def _embed_size(embed: dict[str, Any]) -> int:
    size = len(embed.get("title", "")) + len(embed.get("description", ""))
    size += len(embed.get("footer", {}).get("text", ""))
    for field in embed.get("fields", []):
        size += len(field["name"]) + len(field["value"])
    return size


def build_embed(alert: Alert) -> dict[str, Any]:
    embed: dict[str, Any] = {
        "title": truncate(alert_subject(alert), TITLE_LIMIT),
        "color": COLOURS.get(alert.event, 0x99AAB5),
        "footer": {"text": "releasewatch"},
    }
    link = _http_url(alert.source)
    if link:
        embed["url"] = link
    if alert.evidence.strip():
        embed["description"] = truncate(escape_markdown(alert.evidence), DESCRIPTION_LIMIT)
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
            "name": truncate(name, FIELD_NAME_LIMIT),
            "value": truncate(value, FIELD_VALUE_LIMIT),
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
    excess = _embed_size(embed) - EMBED_TOTAL_LIMIT
    if excess > 0 and embed.get("description"):
        keep = max(len(embed["description"]) - excess, 0)
        embed["description"] = truncate(embed["description"], keep)
        if not embed["description"]:
            del embed["description"]
    for field in reversed(embed["fields"]):
        excess = _embed_size(embed) - EMBED_TOTAL_LIMIT
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
        payload["content"] = truncate(str(alert.value["url"]), CONTENT_LIMIT)
    if options.get("username"):
        payload["username"] = truncate(str(options["username"]), USERNAME_LIMIT)
    if options.get("avatar_url"):
        payload["avatar_url"] = options["avatar_url"]
    return payload


@register
class DiscordNotifier(HttpNotifier):
    type_name: ClassVar[str] = "discord"
    settings: ClassVar[dict[str, Setting]] = {
        "url": Setting(
            str, required=True, secret=True, doc="channel webhook URL (holds the token)"
        ),
        "username": Setting(str, doc="name the message is posted under"),
        "avatar_url": Setting(str, doc="picture the message is posted with"),
        "timeout": Setting((int, float), default=20, doc="seconds to wait for Discord"),
        "max_wait": Setting(
            (int, float), default=30, doc="seconds one send may wait out rate limits"
        ),
    }
    max_tries: ClassVar[int] = 5  # 429s answered within one send: never a hot loop

    def __init__(
        self,
        name: str,
        options,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__(name, options)
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._blocked_until = 0.0  # this webhook's bucket is empty until then (clock time)
        self._disabled: str | None = None

    @classmethod
    def config_problems(cls, options) -> list[str]:
        url = str(options.get("url") or "")
        if url and not url.lower().startswith(("http://", "https://")):
            return ["url: must start with http:// or https://"]
        return []

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
        max_wait = float(self.options.get("max_wait") or 0)
        waited = 0.0
        said = "rate limited by Discord"
        for _ in range(self.max_tries):
            pause = self._blocked_until - self._clock()
            if pause > 0:
                if waited + pause > max_wait:
                    raise TransientError(f"{said}; retry after {pause:.1f}s", retry_after=pause)
                self._sleep(pause)
                waited += pause
            response = self.post(url, data=body, headers={"Content-Type": "application/json"})
            self._note_bucket(response)
            status = response.status_code
            if 200 <= status < 300:
                return
            words = self.server_words(response)
            if status == 429:
                said = words
                retry_after = self._retry_after(response)
                self._blocked_until = max(self._blocked_until, self._clock() + retry_after)
                continue  # the check at the top waits, or gives up with retry_after
            if status in (401, 403, 404):
                # PEERS.md: "If a webhook returns a 404 status you should not attempt to use
                # it again"; 401/403 count toward Discord's invalid-request ban.
                self._disabled = words
                raise PermanentError(words, disable=True)
            if status >= 500:
                raise TransientError(words)
            raise PermanentError(words)
        pause = max(self._blocked_until - self._clock(), 0.0)
        raise TransientError(f"{said} ({self.max_tries} tries)", retry_after=pause)

    def _note_bucket(self, response) -> None:
        """Remember when this webhook's bucket refills, so the next send waits first
        instead of collecting a 429 (each one counts toward the ban)."""
        remaining = response.headers.get("X-RateLimit-Remaining")
        reset_after = parse_seconds(response.headers.get("X-RateLimit-Reset-After"))
        if remaining is not None and reset_after is not None:
            try:
                empty = int(float(remaining)) <= 0
            except ValueError:
                empty = False
            if empty:
                self._blocked_until = max(self._blocked_until, self._clock() + reset_after)

    @staticmethod
    def _retry_after(response) -> float:
        try:
            body = response.json()
        except ValueError:
            body = None
        seconds = None
        if isinstance(body, dict):
            seconds = parse_seconds(body.get("retry_after"))
        if seconds is None:
            seconds = parse_seconds(response.headers.get("Retry-After"))
        # No figure at all: wait a little rather than retrying at once.
        return seconds if seconds is not None else 1.0
