"""HTTP, shared by the Discord and webhook notifiers (and Apprise's log masking): one
requests.Session per notifier, under the send's deadline, errors mapped and masked."""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Collection, Mapping
from typing import Any
from urllib.parse import urlsplit

from notifiers.base import PAUSE_STATUSES, Notifier, status_error, truncate
from notifiers.deadline import SendDeadline
from scraper.errors import (
    TransientError,
    mask_registered,
    parse_retry_after,
    tls_reason,
)

DEFAULT_TIMEOUT = 20.0
ERROR_LIMIT = 300  # characters of a server's answer quoted in an error
ANSWER_LIMIT = 1024 * 1024  # bytes of an answer read; the rest is never received


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


@functools.cache
def user_agent() -> str:
    # From the installed distribution, not `scraper.__version__`: notifiers/ imports
    # nothing of scraper but its models and errors. importlib.metadata is imported here,
    # on the first send, not by every `check` that only validates the notifiers.
    import importlib.metadata

    try:
        version = importlib.metadata.version("releasewatch")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return f"releasewatch/{version} (+https://github.com/releasewatch/releasewatch)"


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
        # Made by the first send: every `check` builds its notifiers, and importing
        # requests (which imports importlib.metadata) costs a warm cycle with nothing to
        # send a tenth of a second.
        self._session_made: Any = None
        self._session_lock = threading.Lock()

    @property
    def _session(self) -> Any:
        with self._session_lock:
            if self._session_made is None:
                import requests

                session = requests.Session()
                session.headers["User-Agent"] = user_agent()
                adapter = _deadline_adapter()
                session.mount("http://", adapter)
                session.mount("https://", adapter)
                self._session_made = session
            return self._session_made

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
                response = self._session.post(
                    url,
                    data=data,
                    headers=dict(headers),
                    timeout=seconds,
                    allow_redirects=False,
                    stream=True,
                )
                try:
                    _read_answer(response)
                except (requests.RequestException, OSError):
                    if not 200 <= response.status_code < 300:
                        raise
                    # The receiver took the alert (a 2xx): only its answer's body was
                    # cut (it dripped past the deadline). Sending again would be a
                    # duplicate; nothing in the body is needed.
                    response.close()
                    response._content, response._content_consumed = b"", True
                return response
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
        with self._session_lock:
            if self._session_made is not None:
                self._session_made.close()


def _read_answer(response: Any) -> None:
    """Read at most ANSWER_LIMIT bytes of the answer, all anyone needs of it (Discord's
    message JSON, an error's first words). requests would read the whole body into
    memory: a receiver that never stops sending filled gigabytes within the timeout.
    A longer answer is cut and its connection closed, not drained."""
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size > ANSWER_LIMIT:
            response.close()
            break
    response._content = b"".join(chunks)[:ANSWER_LIMIT]
    response._content_consumed = True


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
        return tls_reason(exc)
    return "connection failed"
