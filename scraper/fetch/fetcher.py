"""fetch: a URL -> a `Response`, or a `FetchError` (a SourceError) saying in one line what failed.

The usual GET goes out on the Fetcher's own kept-alive sockets (scraper.fetch.wire,
byte for byte what requests would send); anything else through one requests Session
for the Fetcher's lifetime, made when first needed, sent through
scraper.fetch.transport (which skips requests' per-request machinery where that
changes nothing on the wire). Redirects, robots.txt, the body size limit
and the whole-fetch deadline (scraper.fetch.watchdog) are handled here rather than
by requests, because each needs a rule requests does not have.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urljoin, urlsplit, urlunsplit

from scraper.errors import SourceError, parse_retry_after, tls_reason
from scraper.fetch import wire
from scraper.fetch.decode import decode_body
from scraper.fetch.hosts import HostClock, HostSlots, fetch_by_host, host_of, usual_origin
from scraper.fetch.plain import Reply, plain_path, request_headers, sendable_value
from scraper.fetch.robots import RobotsCache, RobotsUnreachable
from scraper.fetch.watchdog import Watchdog
from scraper.models import HttpSettings, Response

if TYPE_CHECKING:  # requests and urllib3 are imported when first needed (below)
    import requests

    from scraper.fetch.transport import Sender

__all__ = [
    "Fetcher",
    "FetchError",
    "SourceError",
    "Validators",
    "decode_body",
    "parse_retry_after",
]

log = logging.getLogger(__name__)

_importing = threading.Lock()


def _requests() -> Any:
    """requests (with our transport over it), imported on first use by one fetch thread
    at a time, the package before any of its modules. Threads importing requests.utils
    (a redirect) and requests (a URL with a user name) at once took Python's per-module
    import locks in opposite orders; Python breaks such a deadlock by handing one thread
    a half-made module: ImportError for those sources, and `requests` could stay without
    `.exceptions` for the life of the daemon. Every lazy import below goes through here."""
    with _importing:
        import requests

        import scraper.fetch.transport  # noqa: F401 - imports the rest of requests, urllib3
    return requests

K = TypeVar("K")

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# 408 and 425 are the server asking us to try again, like a 429 or a 5xx.
TRANSIENT_STATUSES = frozenset({408, 425, 429})
# Whole-fetch deadline, as a multiple of the per-read timeout: a server that
# trickles a byte every few seconds never trips a read timeout.
DEADLINE_FACTOR = 3.0
CHUNK_BYTES = 64 * 1024
# A redirect's body this small is read so the connection can go back to the pool.
DRAIN_BYTES = 16 * 1024
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks parsers to read at least 500 KiB
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8"
)


# The fetcher's name for a SourceError: FetchError(message, transient=True) is a
# TransientSourceError, without it a PermanentSourceError (scraper.errors).
FetchError = SourceError


@dataclass(frozen=True)
class Validators:
    """What the state stored from the last success, sent back for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional headers. A validator that cannot be sent back (a server's
        ETag with a bare CR in it) is left out: the GET is then unconditional, where
        sending it would fail every later fetch of the source."""
        headers = {}
        if self.etag and sendable_value(self.etag):
            headers["If-None-Match"] = self.etag
        if self.last_modified and sendable_value(self.last_modified):
            headers["If-Modified-Since"] = self.last_modified
        return headers


class Fetcher:
    """Fetches URLs politely: robots.txt, per-host spacing, bounded size and time."""

    def __init__(
        self,
        http: HttpSettings,
        *,
        session: requests.Session | None = None,
        deadline: float | None = None,
        host_slots: HostSlots | None = None,
    ):
        """`host_slots`: hosts shared with other workers (a PostgreSQL state), so that
        per_host_delay holds across them; None (SQLite, one process) keeps it in memory."""
        self.http = http
        # Seconds one fetch (robots.txt, redirects, body) may take in all.
        self.deadline = deadline if deadline is not None else http.timeout * DEADLINE_FACTOR
        self._own_session = session is None
        self._session_made = session
        self._sender_made: Sender | None = None
        # Our own socket path (scraper.fetch.wire) for what it sends as requests would:
        # our own session, without a proxy or netrc file to consult per request. It
        # needs no requests at all, so a cycle whose every GET takes it (a warm one:
        # 304s) never imports requests or urllib3 (a tenth of its CPU).
        self._wire: wire.Pool | None = None
        if self._own_session and not _proxies_or_netrc():
            self._wire = wire.Pool(http.concurrency, verify=_ca_bundle())
        # A shared slot is held while its fetch runs; one whose worker died mid-fetch
        # frees itself after the longest a fetch may take, and the delay after it.
        self._hosts = HostClock(
            http.per_host_delay, host_slots, hold=self.deadline + http.per_host_delay + 5.0
        )
        self._robots = RobotsCache(http.user_agent, self._get_robots)
        self._watchdog = Watchdog()

    @property
    def _session(self) -> requests.Session:
        """The requests Session, made on first use: for a URL, header, cookie or setting
        our socket path does not take."""
        if self._session_made is None:
            self._session_made = _new_session(self.http.concurrency)
        return self._session_made

    @property
    def _sender(self) -> Sender:
        if self._sender_made is None:
            _requests()
            from scraper.fetch.transport import Sender

            self._sender_made = Sender(self._session, own_session=self._own_session)
        return self._sender_made

    def close(self) -> None:
        self._watchdog.stop()
        if self._wire is not None:
            self._wire.close()
        if self._own_session and self._session_made is not None:
            self._session_made.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- one fetch -------------------------------------------------------------

    def fetch(self, url: str, validators: Validators | None = None) -> Response:
        """GET `url`; a 304 comes back as a Response with text and content None.

        Every request it makes (robots.txt, each redirect hop, the page) waits for its
        host's per_host_delay first (fetch_all schedules around the first, so its workers
        do not wait for a host that is busy). Raises FetchError.
        """
        if self._hosts.delay <= 0:  # no politeness to keep (finished() would do nothing)
            return self._fetch(url, validators)
        host = host_of(url)
        try:
            return self._fetch(url, validators)
        finally:
            self._hosts.finished(host)

    def host_wait(self, url: str) -> float:
        """Seconds until `url`'s host may be asked again (0: now), for schedulers that
        would rather run something else than hold a worker waiting for it."""
        return max(self._hosts.ready_at(host_of(url)) - time.monotonic(), 0.0)

    def _pace(self, url: str, deadline: float) -> None:
        # per_host_delay holds between any two requests to a host: robots.txt and the
        # first request, and each redirect hop, are requests too.
        if self._hosts.delay <= 0 and not self._hosts.shared:
            return  # reserve() would wait 0 s: no host to work out, per request
        host = host_of(url)
        pause = self._hosts.reserve(host)
        if pause > 0:
            time.sleep(pause)
        # Other workers too (a shared state): a request fetch_all did not take the
        # host's slot for (a redirect to another host, a kind's own fetches) takes one.
        if not self._hosts.take_for_request(host, deadline):
            raise FetchError(
                "host kept busy by other workers past the fetch's deadline", transient=True
            )

    def _fetch(self, url: str, validators: Validators | None) -> Response:
        deadline = time.monotonic() + self.deadline
        headers = {"Accept": ACCEPT, **(validators.headers() if validators else {})}
        resp, final_url = self._follow(url, headers, deadline, check_robots=True)
        status = resp.status
        if not 200 <= status < 300:
            self._drain(resp, deadline)
            if status == 304 and validators and validators.headers():
                return Response(
                    url=final_url,
                    status=304,
                    text=None,
                    content=None,
                    content_type=resp.headers.get("Content-Type", ""),
                    # A 304 need not repeat the validators; keep the stored ones then.
                    etag=resp.headers.get("ETag") or validators.etag,
                    last_modified=resp.headers.get("Last-Modified") or validators.last_modified,
                )
            if status == 304:
                # Nothing to compare against: a confused cache or proxy, worth a retry.
                raise FetchError(
                    "HTTP 304 to a request that was not conditional", transient=True, status=304
                )
            raise status_error(resp)
        with resp:
            content = self._read(resp, self.http.max_bytes, deadline)
        if not content.strip():
            # An error page in disguise, or a server mid-deploy: never "the news went away".
            raise FetchError("empty body", transient=True, status=status)
        content_type = resp.headers.get("Content-Type", "")
        return Response(
            url=final_url,
            status=status,
            text=decode_body(content, content_type),
            content=content,
            content_type=content_type,
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
        )

    def _follow(
        self, url: str, headers: dict[str, str], deadline: float, *, check_robots: bool
    ) -> tuple[Reply, str]:
        """GET, following up to max_redirects redirects; returns the final, unread response."""
        current = _checked_url(url)
        seen: set[str] = set()
        for _ in range(self.http.max_redirects + 1):
            if (
                check_robots
                and self.http.respect_robots
                and not self._robots.allowed(current, deadline)
            ):
                raise FetchError("disallowed by robots.txt")
            resp = self._get(current, headers, deadline)
            if resp.status not in REDIRECT_STATUSES:
                return resp, current
            seen.add(current)
            try:
                target = self._redirect_target(resp, current)
            except FetchError:
                resp.close()  # its connection too: a refused Location must not leak a socket
                raise
            self._drain(resp, deadline)
            # A site may bounce A -> B -> A while setting a cookie (a consent or
            # session dance); only a revisit without a new cookie is a loop.
            if target in seen and not resp.headers.get("Set-Cookie"):
                raise FetchError("redirect loop", status=resp.status)
            current = target
        raise FetchError(
            f"too many redirects (more than {self.http.max_redirects})", status=resp.status
        )

    def _redirect_target(self, resp: Reply, current: str) -> str:
        # A hostile server's Location is checked here, so its flaws are one clear source
        # error, not a ValueError from deep in requests (a port of 99999, bytes that are
        # not UTF-8, a broken IPv6 host).
        try:
            location = resp.redirect_target()  # fixes latin-1-decoded UTF-8
        except UnicodeError:
            raise FetchError(
                "redirect to an invalid URL (Location is not UTF-8)", status=resp.status
            ) from None
        if not location:
            raise FetchError(f"HTTP {resp.status} redirect without a Location", status=resp.status)
        requests = _requests()
        try:
            parts = urlsplit(urljoin(current, requests.utils.requote_uri(location.strip())))
            parts.port  # noqa: B018 - raises ValueError for a port like ":99999" or ":x"
        except (ValueError, requests.exceptions.InvalidURL):
            raise FetchError("redirect to an invalid URL", status=resp.status) from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(
                f"redirect to a non-http(s) URL ({scheme or 'no scheme'}:)", status=resp.status
            )
        if not parts.hostname:
            raise FetchError("redirect to an invalid URL (no host)", status=resp.status)
        return urlunsplit(parts._replace(fragment=""))

    def _get(self, url: str, headers: dict[str, str], deadline: float) -> Reply:
        """One GET, streaming; every requests error becomes a FetchError."""
        self._pace(url, deadline)
        try:
            remaining = _remaining(deadline, self.deadline)
        except FetchError:
            self._hosts.request_done(host_of(url))
            raise
        per_read = min(self.http.timeout, remaining)
        started = time.monotonic()
        try:
            resp = self._send(
                url,
                {"User-Agent": self.http.user_agent, "Accept-Encoding": "gzip, deflate", **headers},
                (per_read, per_read),
                deadline,
            )
        except (wire.ConnectTimeout, wire.ReadTimeout) as exc:
            if time.monotonic() >= deadline:
                raise _deadline_error(self.deadline) from exc  # not a stall: out of time
            where = " connecting" if isinstance(exc, wire.ConnectTimeout) else ""
            raise FetchError(f"timed out{where} after {per_read:g}s", transient=True) from exc
        except wire.WireError as exc:  # worded as the requests path words the same failure
            if time.monotonic() >= deadline:
                raise _deadline_error(self.deadline) from exc  # the watchdog cut the head
            raise FetchError(str(exc), transient=exc.transient) from exc
        except Exception as exc:
            problem = _requests_problem(exc, deadline, self.deadline, per_read)
            if problem is None:
                raise
            raise problem from exc
        finally:
            # Redirect hops and robots.txt count for their host's politeness too.
            if self._hosts.delay > 0:
                self._hosts.finished(host_of(url))
                self._hosts.request_done(host_of(url))
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "GET %s -> %d in %.2fs", _loggable(url), resp.status, time.monotonic() - started
            )
        return resp

    def _send(
        self, url: str, headers: dict[str, str], timeout: tuple[float, float], deadline: float
    ) -> Reply:
        """One GET, the body unread: on our own socket path when it sends what requests
        would (plain.request_headers says), through requests (scraper.fetch.transport)
        otherwise, or once a cookie is held (requests' jar writes the Cookie header)."""
        pool, session = self._wire, self._session_made
        if pool is not None and (session is None or not len(session.cookies)):
            origin = usual_origin(url)
            path = plain_path(url) if origin and origin[0] in pool.schemes else None
            sent = request_headers(headers) if path is not None else None
            if sent is not None:
                scheme, host, port = origin  # type: ignore[misc]
                guard = (self._watchdog, deadline)  # the head too is cut at the deadline
                raw = wire.get(pool, scheme, host, port, path, sent, timeout, guard)  # type: ignore[arg-type]
                if "Set-Cookie" in raw.headers or "Set-Cookie2" in raw.headers:
                    self._keep_cookies(url, sent, raw.headers)
                return Reply(raw)
        _requests()
        from scraper.fetch.transport import head_guard

        with head_guard(self._watchdog, deadline):
            return self._sender.get(url, headers, timeout)

    def _keep_cookies(self, url: str, headers: dict[str, str], answer: wire.Headers) -> None:
        """A cookie the server set goes into the session's jar, as requests keeps it."""
        requests = _requests()
        from requests.cookies import extract_cookies_to_jar

        request = requests.PreparedRequest()
        request.method, request.url, request.headers = "GET", url, headers  # type: ignore[assignment]
        extract_cookies_to_jar(self._session.cookies, request, _CookieSource(answer))

    def _read(self, resp: Reply, limit: int, deadline: float) -> bytes:
        """The decoded body, refusing more than `limit` bytes and stopping at `deadline`."""
        declared = resp.headers.get("Content-Length", "")
        if _declared_length(declared) > limit:
            raise FetchError(f"body larger than {human_bytes(limit)}: not read", status=resp.status)
        if declared == "0" or resp.status in (204, 304):
            # Nothing to read (every 304 of a warm cycle): no watchdog thread needed.
            # The one read still matters: it returns at once (http.client knows there
            # is no body) and reaching the end is what hands the connection back to
            # the pool. Closing the unread response would close the connection, and
            # each 304 would cost a new TCP connection (and a TLS handshake).
            try:
                resp.raw.read1(CHUNK_BYTES, decode_content=False)
            except Exception as exc:
                if not (_body_error(exc) or isinstance(exc, OSError)):
                    raise
            return b""
        # read1 returns what one socket read brings, so the deadline is checked
        # between reads even when a server trickles; the watchdog shuts the socket
        # at the deadline for the read that would outlast it (a gzip trickle
        # that decodes to nothing keeps urllib3 reading inside one call).
        _remaining(deadline, self.deadline)  # out of time already: raise, arm nothing
        token = self._watchdog.arm(deadline, resp.raw)
        chunks: list[bytes] = []
        total = 0
        try:
            while True:
                if time.monotonic() >= deadline:
                    raise _deadline_error(self.deadline)
                chunk = resp.raw.read1(CHUNK_BYTES, decode_content=True)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise FetchError(
                        f"body larger than {human_bytes(limit)}: not read", status=resp.status
                    )
                chunks.append(chunk)
        except Exception as exc:
            if not _body_error(exc):
                raise
            if time.monotonic() >= deadline:
                raise _deadline_error(self.deadline) from exc
            raise body_problem(exc, self.http.timeout, resp.status) from exc
        finally:
            self._watchdog.disarm(token)
        if time.monotonic() >= deadline:
            raise _deadline_error(self.deadline)  # the watchdog cut the body short
        return b"".join(chunks)

    def _drain(self, resp: Reply, deadline: float) -> None:
        """Read a small body we do not need (a redirect's, an error page's) so the
        connection goes back to the pool; close the response either way."""
        with resp:
            declared = _declared_length(resp.headers.get("Content-Length", ""))
            no_body = resp.status in (204, 304)
            if no_body or 0 <= declared <= DRAIN_BYTES:
                # The status is what matters, not this body: its errors do not count.
                with contextlib.suppress(FetchError):
                    self._read(resp, DRAIN_BYTES, deadline)

    def _get_robots(self, url: str, deadline: float) -> tuple[int, bytes]:
        """robots.txt through the same session, redirects and limits (RobotsCache's getter)."""
        try:
            resp, _ = self._follow(url, {"Accept": "text/plain"}, deadline, check_robots=False)
            if not 200 <= resp.status < 300:
                self._drain(resp, deadline)  # most sites answer 404: keep the connection
                if resp.status == 429 or resp.status >= 500:
                    raise RobotsUnreachable(f"HTTP {resp.status}")
                return resp.status, b""
            with resp:
                return resp.status, self._read(resp, ROBOTS_MAX_BYTES, deadline)
        except FetchError as exc:
            if exc.transient:
                raise RobotsUnreachable(str(exc)) from exc
            return 0, b""  # a redirect loop, a huge file: no usable rules

    # -- many fetches ----------------------------------------------------------

    def fetch_all(
        self, jobs: Iterable[tuple[K, str, Validators | None]]
    ) -> Iterator[tuple[K, Response | FetchError]]:
        """Fetch every job, yielding (key, Response or FetchError) as each completes.

        At most http.concurrency fetches are in flight. Jobs for one host run in
        their given order, per_host_delay apart; a host that must wait never
        holds a worker: jobs are handed out only when their host is ready.
        Every job yields exactly one result.
        """
        return fetch_by_host(jobs, self._fetch_job, self.http.concurrency, self._hosts)

    def _fetch_job(self, url: str, validators: Validators | None) -> Response | FetchError:
        try:
            return self.fetch(url, validators)
        except FetchError as exc:
            return exc
        except Exception as exc:  # a bug must not swallow the job: it still yields a result
            log.exception("fetching %s failed unexpectedly", _loggable(url))
            return FetchError(f"internal error ({type(exc).__name__})")


# -- small pure helpers ---------------------------------------------------------


def status_error(resp: Reply) -> FetchError:
    """The FetchError for a non-2xx, non-redirect, non-304 status."""
    status = resp.status
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    transient = status in TRANSIENT_STATUSES or status >= 500
    retry_after = None
    if status in (429, 503):
        retry_after = parse_retry_after(resp.headers.get("Retry-After"), datetime.now(UTC))
    message = f"HTTP {status} {phrase}".rstrip()
    if retry_after is not None:
        message += f" (retry after {retry_after:g}s)"
    return FetchError(message, transient=transient, status=status, retry_after=retry_after)


def human_bytes(n: int) -> str:
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= size:
            return f"{round(n / size, 1):g} {unit}"
    return f"{n} bytes"


def connection_problem(exc: requests.exceptions.ConnectionError) -> str:
    """A short reason, without the URL (urllib3's messages repeat it, query string and all)."""
    malformed = _malformed_response(exc)
    if malformed:
        return malformed
    text = repr(exc)
    if "NameResolutionError" in text or "getaddrinfo" in text or "Name or service" in text:
        return "connection failed: host name not found"
    if "Connection refused" in text or "ConnectionRefused" in text:
        return "connection failed: connection refused"
    if "RemoteDisconnected" in text or "Connection aborted" in text:
        return "connection closed by the server"
    return "connection failed"


def _malformed_response(exc: BaseException) -> str | None:
    """What http.client refused in a response's head, found among the wrapped causes
    (requests wraps urllib3's ProtocolError, which wraps http.client's error)."""
    import http.client

    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, http.client.RemoteDisconnected):
            return None  # closed before answering: a BadStatusLine subclass, not garbage
        if isinstance(item, http.client.LineTooLong) or "got more than" in str(item):
            return "response header too large"
        if isinstance(item, http.client.BadStatusLine):
            return "malformed HTTP response (bad status line)"
        if isinstance(item, http.client.HTTPException):
            return "malformed HTTP response"
        todo.extend([*item.args, item.__cause__, item.__context__])
    return None


def _body_error(exc: Exception) -> bool:
    """A failure reading a body: our socket path's, or urllib3's (then it is imported)."""
    if isinstance(exc, wire.WireError):
        return True
    errors = sys.modules.get("urllib3.exceptions")
    return errors is not None and isinstance(exc, errors.HTTPError)


def body_problem(exc: Exception, timeout: float, status: int) -> FetchError:
    errors: Any = sys.modules.get("urllib3.exceptions")
    if isinstance(exc, wire.ReadTimeout) or (errors and isinstance(exc, errors.ReadTimeoutError)):
        return FetchError(f"timed out after {timeout:g}s", transient=True, status=status)
    if isinstance(exc, wire.BodyNotDecodable) or (errors and isinstance(exc, errors.DecodeError)):
        return FetchError("body not decodable (broken gzip/deflate)", status=status)
    return FetchError("connection broken while reading the body", transient=True, status=status)


def _declared_length(value: str) -> int:
    """A Content-Length of ASCII digits as a number, -1 for anything else: str.isdigit()
    also takes "²" (a latin-1 header byte), which int() refuses."""
    return int(value) if value.isascii() and value.isdigit() else -1


def _deadline_error(seconds: float) -> FetchError:
    return FetchError(f"timed out after {seconds:g}s (whole fetch)", transient=True)


def _remaining(deadline: float, total: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _deadline_error(total)
    return remaining


def _checked_url(url: str) -> str:
    if usual_origin(url) is not None:
        return url  # http(s), a host name, a valid port: what the checks below ask
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port like ":99999" or ":x"
    except ValueError:
        raise FetchError("not a valid http(s) URL") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL")
    return url


def _loggable(url: str) -> str:
    """scheme://host/path: no credentials, no query string (source URLs may carry tokens)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _requests_problem(
    exc: Exception, deadline: float, total: float, per_read: float
) -> FetchError | None:
    """The FetchError for what a GET through requests raised; None: not a request's
    failure (a bug), which the caller lets through."""
    requests = _requests()

    errors = requests.exceptions
    if isinstance(exc, errors.Timeout | errors.ConnectionError) and time.monotonic() >= deadline:
        return _deadline_error(total)  # out of time (the watchdog shut a dripping head)
    if isinstance(exc, errors.Timeout):
        where = " connecting" if isinstance(exc, errors.ConnectTimeout) else ""
        return FetchError(f"timed out{where} after {per_read:g}s", transient=True)
    if isinstance(exc, errors.SSLError):
        return FetchError(tls_reason(exc))
    if isinstance(exc, errors.ConnectionError):
        return FetchError(connection_problem(exc), transient=True)
    if isinstance(exc, (errors.InvalidURL, errors.InvalidSchema)):
        return FetchError("not a valid http(s) URL")
    if isinstance(exc, errors.RequestException):
        return FetchError(f"request failed ({type(exc).__name__})", transient=True)
    if isinstance(exc, (UnicodeError, ValueError)):
        # requests reads a redirect's Location while answering (Session.send works
        # out the next request): a Location that is not UTF-8, or whose port or host
        # cannot be read, fails there. _redirect_target says which, when it can.
        return FetchError("redirect to an invalid URL")
    return None


class _CookieSource:
    """What requests' extract_cookies_to_jar reads of a response: its headers as an
    email.message.Message (get_all), under `_original_response.msg`."""

    def __init__(self, headers: wire.Headers):
        self._original_response = self
        self.msg = headers


def _ca_bundle() -> str | bool:
    """The CA bundle requests would verify with, read as it reads it (trust_env off)."""
    return os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True


def _new_session(concurrency: int) -> requests.Session:
    requests = _requests()
    from scraper.fetch.transport import guarded_adapter

    session = requests.Session()
    # With trust_env, every request looks in the environment for proxies (and
    # NO_PROXY), a netrc file and a CA bundle: a fifth of a warm cycle's CPU. When
    # there is no proxy variable and no netrc file, those lookups find nothing
    # for any URL, and the CA bundle (REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE) is
    # the same every time: it is read once here, as requests would read it. With
    # a proxy or a netrc file, requests keeps looking per request, as before.
    if not _proxies_or_netrc():
        session.trust_env = False
        session.verify = _ca_bundle()
    # One pool per host, as many connections per pool as fetches in flight; the
    # 100 most recent hosts keep theirs (thousands of sources share far fewer hosts).
    adapter = guarded_adapter(
        pool_connections=100, pool_maxsize=max(concurrency, 1), max_retries=0
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _proxies() -> dict[str, str]:
    """urllib.request.getproxies(), without importing urllib.request (and http.client,
    email, ...) where it only reads the environment: on Linux and other Unixes."""
    if sys.platform in ("darwin", "win32"):  # the system's settings too
        from urllib.request import getproxies

        return getproxies()
    # getproxies_environment, step by step: any-case names first, then the upper-case
    # ones again (an empty one removes), and no HTTP_PROXY under CGI (REQUEST_METHOD).
    proxies: dict[str, str] = {}
    for name, value in os.environ.items():
        lowered = name.lower()
        if value and lowered[-6:] == "_proxy":
            proxies[lowered[:-6]] = value
    if "REQUEST_METHOD" in os.environ:
        proxies.pop("http", None)
    for name, value in os.environ.items():
        if name[-6:] == "_PROXY":
            key = name.lower()[:-6]
            if value:
                proxies[key] = value
            else:
                proxies.pop(key, None)
    return proxies


def _proxies_or_netrc() -> bool:
    """Whether requests' trust_env could change a request to some URL: a proxy
    variable (only then NO_PROXY matters) or a netrc file where
    requests.utils.get_netrc_auth looks for one."""
    # getproxies() also holds NO_PROXY (as "no"): without a proxy to bypass it changes
    # nothing, and a NO_PROXY=localhost left in the environment is common.
    if any(scheme != "no" for scheme in _proxies()):
        return True
    netrc_file = os.environ.get("NETRC")
    locations = (netrc_file,) if netrc_file is not None else ("~/.netrc", "~/_netrc")
    for location in locations:
        try:
            if os.path.exists(os.path.expanduser(location)):
                return True
        except KeyError:  # no HOME: requests finds no netrc there either
            continue
    return False
