"""One GET through a requests Session, as `session.get(url, headers=..., timeout=...,
allow_redirects=False, stream=True)` would send it, for a fraction of the CPU.

Most of a warm cycle is 304s, and requests spends more CPU around each of them
(preparing the request, merging settings, building a Response and its cookie
jar) than urllib3 spends sending it. For our own session without proxies or
netrc (trust_env off, see fetch._new_session) and a URL already in the form
requests would give it, none of that changes what goes on the wire: the
request goes straight to the adapter's urllib3 pool, with the same headers in
the same order, the session's cookies, the same pool, TLS settings, retries and
timeouts, and urllib3's errors become the same requests exceptions. Anything
else (another session, trust_env, a URL requests would rewrite) takes the
requests path it always did.
"""

from __future__ import annotations

import contextlib
import functools
import socket
import threading
from collections.abc import Iterator
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from requests.cookies import (
    RequestsCookieJar,
    extract_cookies_to_jar,
    get_cookie_header,
    merge_cookies,
)
from requests.hooks import default_hooks
from requests.structures import CaseInsensitiveDict
from requests.utils import check_header_validity
from urllib3.exceptions import (
    ClosedPoolError,
    ConnectTimeoutError,
    InvalidHeader,
    LocationValueError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    ProxyError,
    ReadTimeoutError,
    ResponseError,
    SSLError,
)
from urllib3.util import Timeout

from scraper.fetch.hosts import usual_origin
from scraper.fetch.plain import Reply, plain_path
from scraper.fetch.watchdog import Watchdog

__all__ = ["Reply", "Sender", "guarded_adapter", "head_guard", "plain_path"]

# The watchdog and deadline of the GET running on this thread, and the tokens it armed
# (by connection): the pools of guarded_adapter() arm each connection they hand out, and
# disarm one handed back meanwhile (a redirect's, read inside the guard), which another
# thread may take at once.
_guard = threading.local()


@contextlib.contextmanager
def head_guard(watchdog: Watchdog, deadline: float) -> Iterator[None]:
    """While a GET through requests sends and reads its head: the connections it takes
    are shut at `deadline`. http.client reads a head line by line with a per-read
    timeout only, so a server dripping a byte at a time (or 1xx answers without end)
    would hold it for as long as it liked. The body's read is armed on its own."""
    _guard.current, _guard.tokens = (watchdog, deadline), {}
    try:
        yield
    finally:
        for token in _guard.tokens.values():
            watchdog.disarm(token)
        _guard.current, _guard.tokens = None, {}


class _Connection:
    """What the watchdog shuts: the connection's socket as it is then (it connects after
    the pool hands it out, and again after a drop)."""

    def __init__(self, connection: Any):
        self.connection = connection

    def shutdown(self) -> None:
        sock = getattr(self.connection, "sock", None)
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)


def _guarded_get_conn(base: type) -> Any:
    def get(self: Any, timeout: float | None = None) -> Any:
        connection = base._get_conn(self, timeout)
        current = getattr(_guard, "current", None)
        if current is not None:
            watchdog, deadline = current
            _guard.tokens[id(connection)] = watchdog.arm(deadline, _Connection(connection))
        return connection

    return get


def _guarded_put_conn(base: type) -> Any:
    def put(self: Any, connection: Any) -> None:
        current = getattr(_guard, "current", None)
        token = _guard.tokens.pop(id(connection), None) if current is not None else None
        if token is not None:
            current[0].disarm(token)
        base._put_conn(self, connection)

    return put


@functools.cache
def _guarded_pool(base: type) -> type:
    """`base` (urllib3's pool, or a proxy manager's own: SOCKS pools connect through the
    proxy) with its connections armed by head_guard()."""
    # The base's own name: it shows in connection errors, as before.
    return type(
        base.__name__,
        (base,),
        {"_get_conn": _guarded_get_conn(base), "_put_conn": _guarded_put_conn(base),
         "_guarded": True},
    )


def _guard_pools(manager: Any) -> None:
    manager.pool_classes_by_scheme = {
        scheme: base if getattr(base, "_guarded", False) else _guarded_pool(base)
        for scheme, base in manager.pool_classes_by_scheme.items()
    }


class _GuardedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        _guard_pools(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        _guard_pools(manager)  # on every request: a kept manager is guarded already
        return manager


def guarded_adapter(**kwargs: Any) -> HTTPAdapter:
    """An HTTPAdapter whose connections head_guard() can cut at a deadline."""
    return _GuardedAdapter(**kwargs)


class Sender:
    """GETs through one Session: straight to its urllib3 pool when that sends what
    requests would send, through requests otherwise."""

    def __init__(self, session: requests.Session, *, own_session: bool):
        self.session = session
        self._adapter: HTTPAdapter | None = None
        self._base_headers: dict[str, Any] = {}
        self._base_names: set[str] = set()
        self._pool_kwargs: dict[str, Any] = {}
        self._verify, self._cert = session.verify, session.cert
        if own_session and not session.trust_env:
            self._direct_setup()

    def _direct_setup(self) -> None:
        """Take the direct path only with settings it knows how to honour."""
        session = self.session
        http, https = session.get_adapter("http://x"), session.get_adapter("https://x")
        # Our own adapter (guarded_adapter) is an HTTPAdapter whose pools head_guard()
        # arms: the direct path takes connections from those same pools.
        if http is not https or type(http) not in (HTTPAdapter, _GuardedAdapter):
            return
        if session.auth or session.proxies or session.params or session.hooks != default_hooks():
            return
        try:
            for header in session.headers.items():
                check_header_validity(header)
        except requests.exceptions.InvalidHeader:
            return  # requests raises it for every request: let it
        self._adapter = http
        self._base_headers = dict(session.headers.items())
        self._base_names = {name.lower() for name in self._base_headers}
        # The pool's TLS settings depend on verify and cert alone, fixed for our
        # session: worked out once (requests stats a CA bundle path per request).
        example = requests.PreparedRequest()
        example.url = "https://example.com/"
        _, self._pool_kwargs = http.build_connection_pool_key_attributes(
            example, self._verify, self._cert
        )

    def get(self, url: str, headers: dict[str, str], timeout: tuple[float, float]) -> Reply:
        """One GET, the body unread; raises what session.get would raise."""
        path = plain_path(url) if self._adapter is not None else None
        merged = self._merged(headers) if path is not None else None
        if path is None or merged is None:
            return self._via_requests(url, headers, timeout)
        return self._direct(url, path, merged, timeout)

    def _merged(self, headers: dict[str, str]) -> dict[str, Any] | None:
        """The session's headers updated with `headers`, as merge_setting orders them;
        None when a name differs from the session's only by case (rare: requests merges)."""
        merged = dict(self._base_headers)
        for name, value in headers.items():
            if name not in merged and name.lower() in self._base_names:
                return None
            merged[name] = value
        # prepare_headers checks them all, in this order; the session's were checked once.
        for header in merged.items():
            if header[0] in headers:
                check_header_validity(header)
        return merged

    def _direct(
        self, url: str, path: str, headers: dict[str, Any], timeout: tuple[float, float]
    ) -> Reply:
        # What requests' cookie and pool code reads of a request: its url and headers.
        request = requests.PreparedRequest()
        request.method, request.url, request.headers = "GET", url, headers  # type: ignore[assignment]
        jar = self.session.cookies
        if len(jar):
            # Session.prepare_request hands prepare a copy of the jar.
            cookie = get_cookie_header(merge_cookies(RequestsCookieJar(), jar), request)
            if cookie is not None:
                headers["Cookie"] = cookie
        raw = self._urlopen(self._pool(request), path, headers, timeout, request)
        if "Set-Cookie" in raw.headers or "Set-Cookie2" in raw.headers:
            extract_cookies_to_jar(jar, request, raw)
        reply = Reply(raw)
        if reply.is_redirect:
            return self._redirect(url, headers, timeout, raw)
        return reply

    def _pool(self, request: requests.PreparedRequest) -> Any:
        """HTTPAdapter.get_connection_with_tls_context without a proxy."""
        assert self._adapter is not None and request.url is not None
        origin = usual_origin(request.url)  # a plain URL is a usual one
        assert origin is not None
        scheme, host, port = origin
        try:
            pool = self._adapter.poolmanager.connection_from_host(
                host, port, scheme, pool_kwargs=self._pool_kwargs
            )
        except LocationValueError as exc:
            raise requests.exceptions.InvalidURL(exc, request=request) from exc
        self._adapter.cert_verify(pool, request.url, self._verify, self._cert)
        return pool

    def _urlopen(
        self,
        pool: Any,
        path: str,
        headers: dict[str, Any],
        timeout: tuple[float, float],
        request: requests.PreparedRequest,
    ) -> Any:
        """HTTPAdapter.send's urlopen call, and its errors as it raises them."""
        assert self._adapter is not None
        try:
            return pool.urlopen(
                method="GET",
                url=path,
                body=None,
                headers=headers,
                redirect=False,
                assert_same_host=False,
                preload_content=False,
                decode_content=False,
                retries=self._adapter.max_retries,
                timeout=_timeout(timeout),
                chunked=False,
            )
        except _SEND_ERRORS as exc:
            raise _as_requests_error(exc, request) from exc

    def _redirect(
        self, url: str, headers: dict[str, Any], timeout: tuple[float, float], raw: Any
    ) -> Reply:
        """Session.send's step for a redirect it does not follow: compute Response.next,
        which reads the redirect's body (and raises what that raises)."""
        session, adapter = self.session, self._adapter
        assert adapter is not None
        prepared = self._prepared(url, {k: v for k, v in headers.items() if k != "Cookie"})
        response = adapter.build_response(prepared, raw)
        response._next = next(  # type: ignore[assignment]
            session.resolve_redirects(
                response,
                prepared,
                yield_requests=True,
                stream=True,
                timeout=timeout,
                verify=self._verify,
                cert=self._cert,
                proxies={},
            ),
            None,
        )
        return Reply(raw, response)

    def _prepared(self, url: str, headers: dict[str, Any]) -> requests.PreparedRequest:
        jar = self.session.cookies
        prepared = requests.PreparedRequest()
        prepared.prepare(
            method="GET",
            url=url,
            headers=CaseInsensitiveDict(headers),
            params={},
            cookies=merge_cookies(RequestsCookieJar(), jar) if len(jar) else None,
            hooks=default_hooks(),
        )
        return prepared

    def _via_requests(
        self, url: str, headers: dict[str, str], timeout: tuple[float, float]
    ) -> Reply:
        response = self.session.get(
            url, headers=headers, timeout=timeout, allow_redirects=False, stream=True
        )
        return Reply(response.raw, response)


@functools.lru_cache(maxsize=64)
def _timeout(timeout: tuple[float, float]) -> Timeout:
    """urllib3's Timeout for (connect, read): the same few values for every request of a
    cycle (urlopen works on a clone of it), so each is built and validated once."""
    return Timeout(connect=timeout[0], read=timeout[1])


# What HTTPAdapter.send turns into a requests exception; anything else it lets through.
_SEND_ERRORS = (
    ProtocolError,
    OSError,
    MaxRetryError,
    ClosedPoolError,
    ProxyError,
    SSLError,
    ReadTimeoutError,
    InvalidHeader,
)


def _as_requests_error(exc: Exception, request: requests.PreparedRequest) -> Exception:
    """The exception HTTPAdapter.send raises for what urlopen raised (one of _SEND_ERRORS)."""
    errors = requests.exceptions
    if isinstance(exc, (ProtocolError, OSError)):
        return errors.ConnectionError(exc, request=request)
    if isinstance(exc, MaxRetryError):
        reason = exc.reason
        if isinstance(reason, ConnectTimeoutError) and not isinstance(reason, NewConnectionError):
            return errors.ConnectTimeout(exc, request=request)
        if isinstance(reason, ResponseError):
            return errors.RetryError(exc, request=request)
        if isinstance(reason, ProxyError):
            return errors.ProxyError(exc, request=request)
        if isinstance(reason, SSLError):
            return errors.SSLError(exc, request=request)
        return errors.ConnectionError(exc, request=request)
    if isinstance(exc, ClosedPoolError):
        return errors.ConnectionError(exc, request=request)
    if isinstance(exc, ProxyError):
        return errors.ProxyError(exc)
    if isinstance(exc, SSLError):
        return errors.SSLError(exc, request=request)
    if isinstance(exc, ReadTimeoutError):
        return errors.ReadTimeout(exc, request=request)
    return errors.InvalidHeader(exc, request=request)
