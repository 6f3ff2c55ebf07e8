"""What requests would send as it is: a URL its prepare_url returns unchanged, the
headers a new Session sends with a request's own, in its order; and `Reply`, a GET's
answer before its body is read, whichever path sent it.

scraper.fetch.wire sends exactly these on its own sockets; anything else goes through
requests (scraper.fetch.transport), which knows how to rewrite it. Nothing here
imports requests.
"""

from __future__ import annotations

import re
from types import TracebackType
from typing import Any

# requests.utils.UNRESERVED_SET: what requote_uri decodes an escape of.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# requests.models.REDIRECT_STATI: what requests reads a redirect's body for.
REDIRECT_STATI = frozenset({301, 302, 303, 307, 308})

# Characters urllib3's parse_url leaves alone in a path, query or fragment and
# requote_uri leaves alone too ("%" is checked on its own: see plain_path).
_CHARS = r"[A-Za-z0-9._~!$&'()*+,;=:@/%-]"
# A URL requests' prepare_url returns unchanged: lower-case http(s) scheme and
# ASCII host, no user:password, a port without leading zeros, a path, and a
# query or fragment only when not empty (prepare_url drops an empty "?" or "#").
_PLAIN_URL = re.compile(
    r"https?://[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"(?::(?P<port>[1-9][0-9]{0,4}))?"
    rf"(?P<path>/{_CHARS}*)(?P<query>\?(?:{_CHARS}|\?)+)?(?:#(?:{_CHARS}|\?)+)?"
)
_ESCAPE = re.compile(r"%([0-9A-F]{2})")


def plain_path(url: str) -> str | None:
    """The request target (path and query) if requests would send `url` exactly as
    it is; None if requests would rewrite it (or might: then requests does it)."""
    match = _PLAIN_URL.fullmatch(url)
    if match is None:
        return None
    port, path, query = match.group("port", "path", "query")
    if port is not None and int(port) > 65535:
        return None
    if "/." in path:  # parse_url removes "." and ".." segments
        return None
    if "%" in url and not _escapes_kept(url):
        return None
    return path + query if query else path


def _escapes_kept(url: str) -> bool:
    """Whether every %-escape survives as it is: parse_url upper-cases the hex
    digits (and escapes a "%" not followed by two), requote_uri decodes
    unreserved characters."""
    escapes = _ESCAPE.findall(url)
    if len(escapes) != url.count("%"):
        return False
    return not any(chr(int(digits, 16)) in _UNRESERVED for digits in escapes)


class Reply:
    """A GET's answer before its body is read: `status`, `headers` (case-insensitive,
    repeated headers joined by ", ") and `raw`, the urllib3 response to read.

    close() does what requests.Response.close() does: closes the raw response
    unless the body was consumed, and releases its connection.
    """

    __slots__ = ("status", "headers", "raw", "_response")

    def __init__(self, raw: Any, response: Any = None):
        self.raw = raw
        self._response = response
        if response is not None:
            self.status: int = response.status_code
            self.headers: Any = response.headers
        else:
            self.status = raw.status
            self.headers = raw.headers

    @property
    def is_redirect(self) -> bool:
        return self.status in REDIRECT_STATI and "location" in self.headers

    def redirect_target(self) -> str | None:
        """Session.get_redirect_target: Location, its latin-1-decoded UTF-8 fixed."""
        if not self.is_redirect:
            return None
        return self.headers["location"].encode("latin1").decode("utf8")

    def close(self) -> None:
        if self._response is not None:
            self._response.close()
            return
        self.raw.close()
        self.raw.release_conn()

    def __enter__(self) -> Reply:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


# A new requests Session's own headers, in its order (requests.utils.default_headers):
# a request's headers update them, so they go out first, then the request's others.
# None: requests' own value, which our requests always replace.
_SESSION_HEADERS = (
    ("User-Agent", None),
    ("Accept-Encoding", None),
    ("Accept", "*/*"),
    ("Connection", "keep-alive"),
)
_SESSION_NAMES = frozenset(name.lower() for name, _ in _SESSION_HEADERS)
# requests' check_header_validity, for str names and values.
_HEADER_NAME = re.compile(r"^[^:\s][^:\r\n]*$")
_HEADER_VALUE = re.compile(r"^\S[^\r\n]*$|^$")


def request_headers(headers: dict[str, str]) -> dict[str, str] | None:
    """The headers a new requests Session sends for a request with `headers`, in its
    order; None when only requests can say (a value it would refuse, a name that
    differs from one of the session's by case, a character http.client would not
    write, or its own User-Agent or Accept-Encoding left in)."""
    sent: dict[str, str] = {}
    for name, default in _SESSION_HEADERS:
        value = headers.get(name, default)
        if value is None:
            return None
        sent[name] = value
    for name, value in headers.items():
        if name not in sent:
            if name.lower() in _SESSION_NAMES:
                return None
            sent[name] = value
    for name, value in headers.items():
        if not (isinstance(name, str) and isinstance(value, str)):
            return None
        if not (_HEADER_NAME.match(name) and name.isascii() and sendable_value(value)):
            return None
    return sent


def sendable_value(value: str) -> bool:
    """Whether `value` can go out as a header value: requests refuses a CR, LF or
    leading white space in it, and http.client writes latin-1 only."""
    return bool(_HEADER_VALUE.match(value)) and _latin1(value)


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True
