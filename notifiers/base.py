"""What every notifier is: declared settings, a send(), secrets masked by construction.

A notifier raises TransientError (try again later) or PermanentError (give up);
the delivery loop needs to know nothing else. The work every notifier needs is
done here, once: secrets registered when a notifier is built, text cut to the
limits a service declares, HTTP statuses mapped to transient or permanent, and
the wait a service asks for (throttling).

notifiers/ depends only on scraper.models and scraper.errors (tests/test_layering.py).
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

from scraper.errors import (
    DeliveryError,
    PermanentError,
    TransientError,
    mask_registered,
    mask_with,
    parse_retry_after,
    register_secrets,
    url_secret_parts,
)
from scraper.models import (
    ANNOUNCED,
    CHANGED,
    CORRECTED,
    RETRACTED,
    SOURCE_FAILING,
    SOURCE_RECOVERED,
    TEST_ALERT,
    TRAILER_RELEASED,
    Alert,
    date_window,
    format_value,
)

ELLIPSIS = "…"


__all__ = [
    "DeliveryError",
    "HttpNotifier",
    "Notifier",
    "PermanentError",
    "Setting",
    "TransientError",
]


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
    # The most characters the service takes in each part of a message ("title", ...):
    # longer text is cut by `fit`, never sent to be rejected whole.
    limits: ClassVar[Mapping[str, int]] = {}

    def __init__(
        self,
        name: str,
        options: Mapping[str, Any],
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.name = name
        self.options = {key: options.get(key, s.default) for key, s in self.settings.items()}
        # Masked by construction, here and only here: from now on no log record and no
        # error, whoever writes it, shows them.
        register_secrets(self.secrets())
        self._sleep = sleep
        self._clock = clock
        self._blocked_until = 0.0  # the service asked for no call before then (clock time)

    @classmethod
    def fit(cls, part: str, text: str) -> str:
        """`text` cut to the service's declared limit for `part` (ending in an ellipsis)."""
        limit = cls.limits.get(part)
        return text if limit is None else truncate(text, limit)

    # -- throttling: the pauses a service asks for, kept by the notifier ---------------------

    def hold_off(self, seconds: float) -> None:
        """The service asked for a pause (Retry-After, an empty rate-limit bucket): no call
        to it before the pause ends, whichever send comes next."""
        self._blocked_until = max(self._blocked_until, self._clock() + seconds)

    def pause_left(self) -> float:
        return max(self._blocked_until - self._clock(), 0.0)

    def wait_turn(self, waited: float = 0.0, said: str = "rate limited") -> float:
        """Sleep out the pause the service asked for when this send may still wait that
        long (its `max_wait` setting; none: not at all), else raise TransientError carrying
        the pause left, so the outbox retries after it. Returns the seconds waited so far."""
        pause = self.pause_left()
        if pause <= 0:
            return waited
        if waited + pause > float(self.options.get("max_wait") or 0):
            raise TransientError(f"{said}; retry after {pause:.1f}s", retry_after=pause)
        self._sleep(pause)
        return waited + pause

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
            found.extend(url_secret_parts(text))
    # Longest first, so a URL is masked whole before its token is.
    return sorted({s for s in found if len(s) >= 4}, key=len, reverse=True)


def mask_secrets(text: str, secrets: Iterable[str]) -> str:
    # Each secret in any percent-encoding too: scraper.secrets decides what one looks like.
    return mask_with(text, secrets)


# HTTP statuses that ask the client to try again later, like any 5xx.
RETRY_STATUSES = frozenset({408, 425, 429})
# Statuses whose Retry-After is a pause for the whole service, not only this request.
PAUSE_STATUSES = frozenset({429, 503})


def status_error(
    status: int,
    words: str,
    *,
    retry_after: float | None = None,
    disable_on: Collection[int] = (),
) -> DeliveryError | None:
    """The error an HTTP status means for a delivery, or None for a 2xx: one mapping for
    every notifier that speaks HTTP (Discord, webhook, Apprise's services).

    Timeouts (408), 425, 429 and 5xx are transient; any other status permanent, and a
    redirect is not followed (requests would turn the POST into a GET and drop the body).
    `disable_on`: statuses by which the service asks never to be called again.
    """
    if 200 <= status < 300:
        return None
    if status in RETRY_STATUSES or status >= 500:
        return TransientError(words, retry_after=retry_after)
    if 300 <= status < 400:
        return PermanentError(f"{words} (redirect not followed: set url to the final address)")
    return PermanentError(words, disable=status in disable_on)


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
    if alert.event == TRAILER_RELEASED:
        video = trailer_name(alert.evidence)
        return f"{label}: {video + ' released' if video else 'trailer released'} — {value}"
    if alert.event == ANNOUNCED:
        return f"{label}: {_EVENT_PHRASES[alert.event]} — {value}"
    if alert.event == CHANGED:
        previous = _one_line(format_value(alert.previous))
        was = f" (was {previous})" if previous else ""
        verb = "narrowed" if narrows(alert.previous, alert.value) else "changed"
        return f"{label}: release date {verb} — {value}{was}"
    if alert.event == CORRECTED:
        wrong = _one_line(format_value(alert.previous))
        now = value or "no date known"
        return f"{label}: release date corrected — {now} ({wrong} was wrong)"
    if alert.event == RETRACTED:
        return f"{label}: trailer retracted — {value} was not a trailer for it"
    source = _one_line(alert.source_name or alert.source)
    if alert.event == SOURCE_FAILING:
        return f"releasewatch: source {source} is failing"
    if alert.event == SOURCE_RECOVERED:
        return f"releasewatch: source {source} recovered"
    if alert.event == TEST_ALERT:
        return "releasewatch test alert — delivery works, nothing happened"
    return f"releasewatch: {_one_line(alert.event)} — {label or source}"


_VIDEO_NAME = re.compile(
    r"\b(?:official\s+|final\s+|first\s+|new\s+)*(?:teaser\s+)?(?:trailer|teaser)(?:\s+#?\d+)?\b",
    re.IGNORECASE,
)


def trailer_name(evidence: str) -> str:
    """ "Official Trailer", "Teaser", "Final Trailer 2": what the video calls itself in its
    title (a trailer's evidence is the title or the line that links it); "" if it says
    nothing of the kind."""
    found = _VIDEO_NAME.search(evidence or "")
    if not found:
        return ""
    return _one_line(" ".join(w.capitalize() for w in found.group(0).split()))


def narrows(previous: dict | None, value: dict | None) -> bool:
    """A more precise date inside the window of the one before: summer 2027 -> July 2027."""
    before, after = date_window(previous), date_window(value)
    if not before or not after or before == after:
        return False
    return before[0] <= after[0] and after[1] <= before[1]


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
        # A health alert's text is our own account of the source, not evidence read in it.
        fields.append(("Evidence" if alert.watch_title is not None else "Details",
                       alert.evidence))
    first, *others = source_lines(alert) or [""]
    if first:
        fields.append(("Source", first))
    if others:
        fields.append(("Also reported by", "\n".join(others)))
    if alert.detected_at:
        fields.append(("Detected", local_time(alert.detected_at)))
    return fields


def local_time(moment: datetime) -> str:
    """The machine's local time, as the reader of an alert lives in it: "2027-07-09 11:31 CEST"."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    shown = moment.astimezone()
    return shown.strftime("%Y-%m-%d %H:%M ") + (shown.tzname() or "")


def source_lines(alert: Alert) -> list[str]:
    """The reporting sources as a reader wants them: the first by its configured name with
    the article it was read in, then every other one by name (its URL when it has none)."""
    if not alert.source:
        return []
    first = f"{alert.source_name}: {alert.source}" if alert.source_name else alert.source
    names = dict(zip(alert.sources, alert.source_names, strict=False))
    lines = [first]
    for url in alert.sources:
        if url in (alert.source, alert.feed):
            continue
        lines.append(names.get(url) or url)
    return lines


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
ERROR_LIMIT = 300  # characters of a server's answer quoted in an error


class _MaskLibraryLog(logging.Filter):
    """urllib3 (and Apprise) log request URLs (a webhook's token) at DEBUG, to whatever
    handler listens. A filter on their loggers runs before any handler, so no handler
    (a test's caplog, a user's own logging set-up) ever sees a registered secret.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_registered(message)
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
    # From the installed distribution, not `scraper.__version__`: notifiers/ imports
    # nothing of scraper but its models and errors.
    try:
        version = importlib.metadata.version("releasewatch")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return f"releasewatch/{version} (+https://github.com/releasewatch/releasewatch)"


class SendDeadline:
    """A whole exchange's time limit, kept however a server answers.

    A socket timeout bounds each read, not the exchange: a server that drips its reply
    a byte at a time keeps a send going for as long as it likes. Here the connections
    the exchange uses are registered (`hold`) and, when the time is up, their sockets
    are shut from a timer thread: the blocked read returns at once with an error.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._held: list[Any] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> SendDeadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        """Seconds left (a little above 0 when out: a socket timeout must be positive)."""
        return max(self.end - time.monotonic(), 0.01)

    def hold(self, owner: Any) -> None:
        """Shut `owner.sock` (a connection: urllib3's, smtplib's) when the time is up."""
        with self._lock:
            self._held.append(owner)
            expired = self.expired
        if expired:
            _shut(owner)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            held = list(self._held)
        for owner in held:
            _shut(owner)


def _shut(owner: Any) -> None:
    sock = getattr(owner, "sock", None)
    if sock is None:
        return
    with contextlib.suppress(OSError, ValueError):  # closed already: nothing to wait on
        sock.shutdown(socket.SHUT_RDWR)


# The deadline of the send running on this thread: the HTTP pools below register each
# connection they hand out with it.
_deadlines = threading.local()


_pool_classes: dict[str, type] = {}


def _deadline_pools() -> dict[str, type]:
    """urllib3 pools whose connections are held by the current thread's SendDeadline
    (built on first use: notifiers import requests only when one is built)."""
    if not _pool_classes:
        from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

        def _get_conn(base: type) -> Callable[..., Any]:
            def get(self: Any, timeout: float | None = None) -> Any:
                conn = base._get_conn(self, timeout)
                deadline = getattr(_deadlines, "current", None)
                if deadline is not None:
                    deadline.hold(conn)
                return conn

            return get

        for scheme, base in (("http", HTTPConnectionPool), ("https", HTTPSConnectionPool)):
            # The base's own name: it shows in connection errors, as before.
            _pool_classes[scheme] = type(base.__name__, (base,), {"_get_conn": _get_conn(base)})
    return _pool_classes


def _deadline_adapter() -> Any:
    from requests.adapters import HTTPAdapter

    class DeadlineAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = dict(_deadline_pools())

    return DeadlineAdapter()


class HttpNotifier(Notifier):
    """A notifier that POSTs to a URL: one requests.Session, errors mapped and masked."""

    def __init__(self, name: str, options: Mapping[str, Any], **clock: Any):
        super().__init__(name, options, **clock)
        import requests

        self._session = requests.Session()
        self._session.headers["User-Agent"] = user_agent()
        adapter = _deadline_adapter()
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    @property
    def timeout(self) -> float:
        return float(self.options.get("timeout") or DEFAULT_TIMEOUT)

    def post(
        self, url: str, *, data: bytes, headers: Mapping[str, str], within: float | None = None
    ):
        """POST once, within `timeout` in all (connect, send, the whole answer), or the
        `within` seconds a send has left of it: a network failure becomes a
        TransientError with the URL masked."""
        import requests

        seconds = self.timeout if within is None else min(within, self.timeout)
        if seconds <= 0:
            raise TransientError(f"timed out after {self.timeout:g}s (the whole send)")
        with SendDeadline(seconds) as deadline:
            _deadlines.current = deadline
            try:
                return self._session.post(
                    url, data=data, headers=dict(headers), timeout=seconds,
                    allow_redirects=False,
                )
            except requests.Timeout:
                error = f"{_server(url)}: timed out after {self.timeout:g}s"
            except requests.ConnectionError as exc:
                error = f"{_server(url)}: {connection_reason(exc)}"
                if deadline.expired:
                    error = f"{_server(url)}: timed out after {self.timeout:g}s (the whole answer)"
            except requests.RequestException as exc:
                error = f"{type(exc).__name__}: {exc}"
                if deadline.expired:
                    error = f"{_server(url)}: timed out after {self.timeout:g}s (the whole answer)"
            finally:
                _deadlines.current = None
        # `from None`: the original exception's text and traceback carry the full URL.
        raise TransientError(self.mask(error)) from None

    def raise_for_status(self, response, *, disable_on: Collection[int] = ()) -> None:
        """Return on a 2xx; else raise the mapped DeliveryError, words masked, after noting
        any pause the service asked for (so the next send waits it out first)."""
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if retry_after is not None and response.status_code in PAUSE_STATUSES:
            self.hold_off(retry_after)
        error = status_error(
            response.status_code,
            self.server_words(response) if not 200 <= response.status_code < 300 else "",
            retry_after=retry_after,
            disable_on=disable_on,
        )
        if error is not None:
            raise error

    def server_words(self, response, limit: int = ERROR_LIMIT) -> str:
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


def http_url_problems(url: str) -> list[str]:
    """What makes a notifier's URL unusable, said without the URL (it holds a token):
    not http(s), no host, or a port that cannot be (`:99999`), so `validate` says so
    instead of the first alert failing."""
    if not url:
        return []
    if not url.lower().startswith(("http://", "https://")):
        return ["url: must start with http:// or https://"]
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return ["url: is not a valid URL (its host or port cannot be read)"]
    if not parts.hostname or any(c.isspace() for c in url.strip()):
        return ["url: is not a valid URL (no host, or spaces in it)"]
    return []


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _server(url: str) -> str:
    """host:port of a URL, never its path or query (where a webhook's token lives)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = None
    return f"{parts.hostname}:{port}" if port else str(parts.hostname)


def connection_reason(exc: BaseException) -> str:
    """A short reason a person can act on, not urllib3's nested repr of its retries."""
    text = repr(exc)
    if "NameResolutionError" in text or "getaddrinfo" in text or "Name or service" in text:
        return "host name not found (check the host, or this machine's DNS)"
    if "Connection refused" in text or "ConnectionRefused" in text:
        return "connection refused (nothing listens on that port)"
    if "RemoteDisconnected" in text or "Connection aborted" in text:
        return "connection closed by the server"
    if "SSLError" in text or "CERTIFICATE" in text:
        return "TLS failed (certificate or protocol)"
    return "connection failed"
