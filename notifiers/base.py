"""What every notifier is: declared settings, a send(), secrets masked by construction.

A notifier raises TransientError (try again later) or PermanentError (give up);
the delivery loop needs to know nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import urlsplit

from scraper import logs
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

ELLIPSIS = "…"


class DeliveryError(Exception):
    """A notifier could not deliver. The message is already free of secrets."""


class TransientError(DeliveryError):
    """Worth retrying later: timeouts, 5xx, 429, SMTP 4xx, connection refused."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(DeliveryError):
    """Retrying cannot help: 4xx, SMTP 5xx, a webhook that no longer exists."""

    def __init__(self, message: str, disable: bool = False):
        super().__init__(message)
        # True when the service asks us to stop calling it at all (Discord 401/403/404).
        self.disable = disable


@dataclass(frozen=True)
class Setting:
    """One key a notifier type accepts in config.yaml."""

    type: type | tuple[type, ...]  # str, int, bool, list (of str)
    required: bool = False
    default: Any = None
    secret: bool = False  # masked everywhere; a URL setting marked secret masks its path too
    choices: tuple[Any, ...] = ()
    doc: str = ""


class Notifier:
    """Base of every notifier kind. Subclasses set `type_name`, `settings` and `send`."""

    type_name: ClassVar[str] = ""
    settings: ClassVar[Mapping[str, Setting]] = {}

    def __init__(self, name: str, options: Mapping[str, Any]):
        self.name = name
        self.options = {key: options.get(key, s.default) for key, s in self.settings.items()}
        # Masked by construction: from here on no log record, whoever writes it, shows them.
        logs.register_secrets(self.secrets())

    @classmethod
    def config_problems(cls, options: Mapping[str, Any]) -> list[str]:
        """Errors beyond what the declared settings can say (config.py reports them)."""
        return []

    @classmethod
    def config_warnings(cls, options: Mapping[str, Any]) -> list[str]:
        """Things that work but look like a mistake."""
        return []

    def describe(self) -> str:
        """How status and test-notify name this notifier: never with its secrets."""
        return f"{self.name} ({self.type_name})"

    def send(self, alert: Alert) -> None:
        """Deliver one alert or raise TransientError / PermanentError."""
        raise NotImplementedError

    def secrets(self) -> Iterable[str]:
        """Every string that must never reach a log, an error, status or history."""
        return secret_values(self.settings, self.options)

    def mask(self, text: str) -> str:
        return mask_secrets(text, self.secrets())

    def close(self) -> None:
        """Release connections; called when the process stops."""


def secret_values(settings: Mapping[str, Setting], options: Mapping[str, Any]) -> list[str]:
    """The secret strings in a notifier's options, including the tokens inside a secret URL."""
    found: list[str] = []
    for key, setting in settings.items():
        value = options.get(key)
        if not setting.secret or not value:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            text = str(item)
            found.append(text)
            found.extend(logs.url_secret_parts(text))
    # Longest first, so a URL is masked whole before its token is.
    return sorted({s for s in found if len(s) >= 4}, key=len, reverse=True)


def mask_secrets(text: str, secrets: Iterable[str]) -> str:
    # Each secret in any percent-encoding too: scraper.logs decides what a secret looks like.
    return logs.mask_with(text, secrets)


def truncate(text: str, limit: int) -> str:
    """Cut to at most `limit` characters, ending in an ellipsis when cut (never rejected)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    return text[: limit - 1].rstrip() + ELLIPSIS


# -- how an alert reads, shared by every human-facing notifier ------------------------------

_EVENT_PHRASES = {
    ANNOUNCED: "release date announced",
    CHANGED: "release date changed",
    TRAILER_RELEASED: "trailer released",
}


def _one_line(text: str) -> str:
    # Scraped text goes into subjects and titles: a newline there would forge a header.
    return " ".join(str(text).split())


def alert_subject(alert: Alert) -> str:
    """One line that says it all, e.g. the SPEC's email subject:
    `Heartstopper Season 2: release date announced — Thursday 3 August 2023`."""
    label = _one_line(alert.watch_label)
    value = _one_line(format_value(alert.value))
    if alert.event in (ANNOUNCED, TRAILER_RELEASED):
        return f"{label}: {_EVENT_PHRASES[alert.event]} — {value}"
    if alert.event == CHANGED:
        previous = _one_line(format_value(alert.previous))
        was = f" (was {previous})" if previous else ""
        return f"{label}: release date changed — {value}{was}"
    source = _one_line(alert.source_name or alert.source)
    if alert.event == SOURCE_FAILING:
        return f"releasewatch: source {source} is failing"
    if alert.event == SOURCE_RECOVERED:
        return f"releasewatch: source {source} recovered"
    if alert.event == TEST_ALERT:
        return "releasewatch test alert — delivery works, nothing happened"
    return f"releasewatch: {_one_line(alert.event)} — {label or source}"


def value_heading(alert: Alert) -> str:
    if alert.value and "url" in alert.value:
        return "Trailer"
    if alert.event == TEST_ALERT:
        return "Test"
    return "Release date"


def alert_fields(alert: Alert) -> list[tuple[str, str]]:
    """(heading, text) pairs every notifier shows: value, previous, evidence, sources, time."""
    fields: list[tuple[str, str]] = []
    if alert.value:
        fields.append((value_heading(alert), format_value(alert.value)))
    if alert.previous:
        fields.append(("Previously", format_value(alert.previous)))
    if alert.evidence:
        fields.append(("Evidence", alert.evidence))
    if alert.source:
        fields.append(("Source", alert.source))
    others = [s for s in alert.sources if s != alert.source]
    if others:
        fields.append(("Also reported by", "\n".join(others)))
    if alert.detected_at:
        fields.append(("Detected", alert.detected_at.strftime("%Y-%m-%d %H:%M UTC")))
    return fields


def alert_lines(alert: Alert) -> list[str]:
    """The plain-text body: one `Heading: text` line per field (multi-line values indented)."""
    lines = []
    for heading, text in alert_fields(alert):
        first, *rest = str(text).splitlines() or [""]
        lines.append(f"{heading}: {first}")
        lines.extend(f"    {line}" for line in rest)
    return lines


# -- HTTP, shared by the Discord and webhook notifiers ------------------------------------

DEFAULT_TIMEOUT = 20.0


class _MaskLibraryLog(logging.Filter):
    """urllib3 (and Apprise) log request URLs (a webhook's token) at DEBUG, to whatever
    handler listens. A filter on their loggers runs before any handler, so no handler
    (a test's caplog, a user's own logging set-up) ever sees a registered secret.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = logs.mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def mask_library_logs(*names: str) -> None:
    """Mask registered secrets in records logged directly to these loggers (a logger's
    filters do not see records propagated from its children, hence the explicit list)."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _MaskLibraryLog) for f in logger.filters):
            logger.addFilter(_MaskLibraryLog())


mask_library_logs(
    "urllib3",
    "urllib3.connectionpool",
    "urllib3.connection",
    "urllib3.poolmanager",
    "urllib3.response",
    "urllib3.util.retry",
    "requests",
)


def user_agent() -> str:
    from scraper import __version__

    return f"releasewatch/{__version__} (+https://github.com/releasewatch/releasewatch)"


class HttpNotifier(Notifier):
    """A notifier that POSTs to a URL: one requests.Session, errors mapped and masked."""

    def __init__(self, name: str, options: Mapping[str, Any]):
        super().__init__(name, options)
        import requests

        self._session = requests.Session()
        self._session.headers["User-Agent"] = user_agent()

    @property
    def timeout(self) -> float:
        return float(self.options.get("timeout") or DEFAULT_TIMEOUT)

    def post(self, url: str, *, data: bytes, headers: Mapping[str, str]):
        """POST once; a network failure becomes a TransientError with the URL masked."""
        import requests

        try:
            return self._session.post(
                url, data=data, headers=dict(headers), timeout=self.timeout, allow_redirects=False
            )
        except requests.Timeout as exc:
            error = f"timed out after {self.timeout:g}s: {exc}"
        except requests.RequestException as exc:
            error = f"{type(exc).__name__}: {exc}"
        # `from None`: the original exception's text and traceback carry the full URL.
        raise TransientError(self.mask(error)) from None

    def server_words(self, response, limit: int = 300) -> str:
        """What the server said, for an error message: JSON `message` or the body's start."""
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict) and body.get("message"):
            text = str(body["message"])
            if body.get("code"):
                text += f" (code {body['code']})"
        else:
            text = " ".join((response.text or "").split())
        reason = f"HTTP {response.status_code}"
        if response.reason:
            reason += f" {response.reason}"
        # Masked before cut: a token cut in two by the limit would not match any more.
        text = truncate(self.mask(text), limit)
        return self.mask(f"{reason}: {text}" if text else reason)

    def close(self) -> None:
        self._session.close()


def parse_seconds(value: Any) -> float | None:
    """Retry-After / retry_after as float seconds (Discord sends decimals); None if absent."""
    if value is None or value == "":
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, seconds) if seconds == seconds else None  # NaN is not a wait


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
