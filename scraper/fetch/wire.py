"""A GET on a kept-alive socket: the bytes requests would send, for a fraction of the
CPU (a 304 through Fetcher.fetch: ~0.11 ms, against ~0.47 ms through requests).

A warm cycle is a thousand 304s, and each cost ~0.45 ms of CPU in requests' adapter,
urllib3's pool and response and http.client's email-parser header reading, against
~0.02 ms for writing the request and reading the head on the socket. This module does
only that: one request line and the headers the caller ordered (after `Host`, as
http.client puts it), a response head read as http.client reads it (the same limits:
a 64 KiB line, 100 headers), a body framed by Content-Length, chunked or the end of
the connection, and gzip or deflate decoded as urllib3 decodes them (scraper.fetch.
codings), with a decoded size bounded per read (a gzip bomb grows by at most one
read). Idle connections wait in a pool per origin; one the server closed meanwhile is
found before it is used, as urllib3 finds it, and so is one holding bytes past its last
body (they would be read as the next response). A connection whose answer framed itself
ambiguously (Transfer-Encoding with Content-Length, a coding list) or switched protocol
(101) is never pooled. The TLS handshake and the head are read under the fetch's whole
deadline (the fetcher's watchdog shuts the socket), as its body is.

The Fetcher takes it only where it sends what requests would send (scraper.fetch.plain
says which URLs and headers): our own session without a proxy or netrc file to
consult, a URL requests sends unchanged, headers requests would send as they are, no
cookie to send, and TLS settings it can reproduce
(verify on, with the default or a given CA bundle). Everything else goes through
scraper.fetch.transport (urllib3 or requests) as before. It imports neither: a cycle
whose every GET takes this path (a warm one) loads no HTTP library at all.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import socket
import sys
import threading
import zlib
from collections import OrderedDict
from typing import Any

from scraper.errors import tls_reason
from scraper.fetch.codings import Decoder
from scraper.fetch.watchdog import Watchdog

MAX_LINE = 65536  # http.client's _MAXLINE
MAX_HEADERS = 100  # http.client's _MAXHEADERS
NO_BODY = frozenset({204, 304})
DEFAULT_PORTS = {"http": 80, "https": 443}
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")  # 16 hex digits: up to 2**64 - 1


class WireError(Exception):
    """What went wrong, worded for a source error (no URL, no query string)."""

    transient = True


class ConnectTimeout(WireError):
    pass


class ReadTimeout(WireError):
    pass


class TLSError(WireError):
    transient = False


class ConnectFailed(WireError):
    pass


class MalformedResponse(WireError):
    pass


class BodyBroken(WireError):
    """The connection ended or broke before the body did."""


class BodyNotDecodable(WireError):
    transient = False


class Headers(dict):
    """A response's headers by lower-case name; repeated ones joined by ", " (as
    urllib3's HTTPHeaderDict shows them). `raw` keeps every (name, value) as sent."""

    def __init__(self, raw: list[tuple[str, str]]):
        super().__init__()
        self.raw = raw
        for name, value in raw:
            key = name.lower()
            self[key] = f"{dict.__getitem__(self, key)}, {value}" if key in self else value

    def __getitem__(self, name: str) -> str:
        return dict.__getitem__(self, name.lower())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and dict.__contains__(self, name.lower())

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return dict.get(self, name.lower(), default)

    def get_all(self, name: str, default: Any = None) -> Any:
        """email.message.Message.get_all, for http.cookiejar (Set-Cookie)."""
        found = [v for n, v in self.raw if n.lower() == name.lower()]
        return found or default


class Conn:
    """A socket and the buffered reader over it, closed together (a socket with a
    reader open is not really closed until the reader is)."""

    __slots__ = ("sock", "reader")

    def __init__(self, sock: socket.socket):
        self.sock, self.reader = sock, sock.makefile("rb")

    def close(self) -> None:
        self.reader.close()
        self.sock.close()


class Pool:
    """Idle connections per (scheme, host, port): at most `per_origin` each, the
    `origins` most recently used origins kept (as the requests session's adapter).

    `verify` is requests' setting: True (certifi's bundle, requests' default) or a CA
    bundle file or directory; https is taken only with one of those (not with
    verification off, nor a bundle that is not there: requests says what is wrong)."""

    def __init__(self, per_origin: int, origins: int = 100, *, verify: str | bool = True):
        self.per_origin, self.origins = max(per_origin, 1), origins
        self._idle: OrderedDict[tuple[str, str, int], list[Conn]] = OrderedDict()
        self._lock = threading.Lock()
        self._tls: Any = None  # ssl.SSLContext, made on the first https request
        self._verify = verify
        checked = verify is True or (isinstance(verify, str) and os.path.exists(verify))
        self.schemes = frozenset({"http", "https"} if checked else {"http"})

    def take(self, origin: tuple[str, str, int]) -> Conn | None:
        with self._lock:
            idle = self._idle.get(origin)
            while idle:
                conn = idle.pop()
                if not _dropped(conn.sock) and not _bytes_left(conn):
                    return conn
                conn.close()
        return None

    def give(self, origin: tuple[str, str, int], conn: Conn) -> None:
        kept = False
        with self._lock:
            idle = self._idle.setdefault(origin, [])
            self._idle.move_to_end(origin)
            if len(idle) < self.per_origin:
                idle.append(conn)
                kept = True
            while len(self._idle) > self.origins:
                _, evicted = self._idle.popitem(last=False)
                for old in evicted:
                    old.close()
        if not kept:
            conn.close()

    def close(self) -> None:
        with self._lock:
            for idle in self._idle.values():
                for conn in idle:
                    conn.close()
            self._idle.clear()

    def tls_context(self) -> Any:
        with self._lock:
            if self._tls is None:
                import ssl

                bundle = self._verify
                if bundle is True:
                    import certifi  # requests' DEFAULT_CA_BUNDLE_PATH

                    bundle = certifi.where()
                assert isinstance(bundle, str)
                directory = os.path.isdir(bundle)
                cafile, capath = (None, bundle) if directory else (bundle, None)
                # urllib3's context for verified TLS (create_urllib3_context): TLS 1.2
                # or later, the host name checked against the certificate's names only
                # (never its common name, which ssl still accepts by default), the
                # stricter chain checks Python 3.13 brought, no compression nor session
                # tickets, ALPN http/1.1, and SSLKEYLOGFILE honoured as urllib3 does.
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                context.minimum_version = ssl.TLSVersion.TLSv1_2
                context.options |= ssl.OP_NO_COMPRESSION | ssl.OP_NO_TICKET
                context.hostname_checks_common_name = False
                if sys.version_info >= (3, 13):
                    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN | ssl.VERIFY_X509_STRICT
                context.set_alpn_protocols(["http/1.1"])
                keylog = os.environ.get("SSLKEYLOGFILE")
                if keylog:
                    context.keylog_filename = os.path.expandvars(keylog)
                context.load_verify_locations(cafile=cafile, capath=capath)
                self._tls = context
            return self._tls


def _dropped(sock: socket.socket) -> bool:
    """urllib3's is_connection_dropped: an idle socket with something to read (the
    server's close, or bytes it should not have sent) cannot carry a request."""
    try:
        if not hasattr(select, "poll"):  # Windows: select() (urllib3 does the same)
            return bool(select.select([sock], [], [], 0)[0])
        poller = select.poll()
        poller.register(sock, select.POLLIN)
        return bool(poller.poll(0))
    except (OSError, ValueError):
        return True


def _bytes_left(conn: Conn) -> bool:
    """Whether bytes past the last response wait in our buffer or TLS's (a server that
    sent more than it framed): the next response would be read from them. http.client
    drops them with its per-response reader; here the connection is dropped instead."""
    sock = conn.sock
    pending = getattr(sock, "pending", None)  # ssl.SSLSocket: decrypted, not yet read
    if pending is not None and pending():
        return True
    sock.settimeout(0.0)  # peek() reads the socket only when our buffer is empty
    try:
        return bool(conn.reader.peek(1))
    except OSError as exc:  # ssl.SSLWantReadError: nothing there
        return type(exc).__name__ != "SSLWantReadError"


def get(
    pool: Pool,
    scheme: str,
    host: str,
    port: int | None,
    target: str,
    headers: dict[str, str],
    timeout: tuple[float, float],
    deadline: tuple[Watchdog, float] | None = None,
) -> Response:
    """GET `target` from the origin; the response's head read, its body not.

    `deadline`: the watchdog that shuts the socket at that time.monotonic(), for a
    server that drips its TLS handshake or its head (one byte within every read
    timeout, or 1xx answers without end) past the whole fetch's deadline."""
    port = port or DEFAULT_PORTS[scheme]
    origin = (scheme, host, port)
    host_header = host if port == DEFAULT_PORTS[scheme] else f"{host}:{port}"
    lines = [f"GET {target} HTTP/1.1", f"Host: {host_header}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    cut = _Cut()
    token = deadline[0].arm(deadline[1], cut) if deadline is not None else None
    try:
        conn = pool.take(origin)
        if conn is None:
            conn = Conn(_connect(pool, scheme, host, port, timeout[0], cut))
        cut.hold(conn.sock)
        try:
            conn.sock.settimeout(timeout[1])
            conn.sock.sendall(request)
            status, version, raw_headers = _read_head(conn.reader)
            return Response(pool, origin, conn, status, version, Headers(raw_headers))
        except BaseException as exc:
            conn.close()
            if isinstance(exc, TimeoutError):
                raise ReadTimeout("read timed out") from exc
            if isinstance(exc, OSError):
                raise ConnectFailed(_os_reason(exc)) from exc
            raise
    finally:
        if token is not None:
            deadline[0].disarm(token)  # type: ignore[index]


class _Cut:
    """What the watchdog shuts for a request whose socket may not exist yet: the socket
    once there (shut at once if its time came before it)."""

    __slots__ = ("sock", "fired")

    def __init__(self) -> None:
        self.sock: socket.socket | None = None
        self.fired = False

    def hold(self, sock: socket.socket) -> None:
        self.sock = sock
        if self.fired:
            self.shutdown()

    def shutdown(self) -> None:
        self.fired = True
        if self.sock is not None:
            with contextlib.suppress(OSError):
                self.sock.shutdown(socket.SHUT_RDWR)


def _connect(
    pool: Pool, scheme: str, host: str, port: int, timeout: float, cut: _Cut
) -> socket.socket:
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except TimeoutError as exc:
        raise ConnectTimeout("connect timed out") from exc
    except socket.gaierror as exc:
        raise ConnectFailed("connection failed: host name not found") from exc
    except OSError as exc:
        raise ConnectFailed(_os_reason(exc)) from exc
    cut.hold(sock)  # the TLS handshake is the server's to drip too
    # http.client and urllib3 both send small requests at once (no Nagle delay).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if scheme != "https":
        return sock
    import ssl

    try:
        return pool.tls_context().wrap_socket(sock, server_hostname=host)
    except TimeoutError as exc:
        sock.close()
        raise ConnectTimeout("connect timed out") from exc
    except ssl.SSLError as exc:
        sock.close()
        raise TLSError(tls_reason(exc)) from exc
    except OSError as exc:
        sock.close()
        raise ConnectFailed(_os_reason(exc)) from exc


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection failed: connection refused"
    if isinstance(exc, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
        return "connection closed by the server"
    return "connection failed"


def _read_head(reader: Any) -> tuple[int, int, list[tuple[str, str]]]:
    """Status line and headers as http.client reads them; 1xx answers skipped."""
    while True:
        line = reader.readline(MAX_LINE + 1)
        if len(line) > MAX_LINE:
            raise MalformedResponse("response header too large")
        if not line:
            raise ConnectFailed("connection closed by the server")
        try:
            version, status, _ = (line.decode("iso-8859-1").split(None, 2) + [""])[:3]
        except ValueError:
            version, status = "", ""
        if not version.startswith("HTTP/1.") or len(status) != 3 or not status.isdigit():
            raise MalformedResponse("malformed HTTP response (bad status line)")
        code = int(status)
        if code < 100:
            raise MalformedResponse("malformed HTTP response (bad status line)")
        headers = _read_headers(reader)
        if code >= 200 or code == 101:
            return code, 10 if version == "HTTP/1.0" else 11, headers


def _read_headers(reader: Any) -> list[tuple[str, str]]:
    headers: list[tuple[str, str]] = []
    # Every line counts, as http.client counts them: folded and colon-less lines too
    # (else endless 64 KiB continuation lines would grow one value without a limit).
    for count in range(MAX_HEADERS + 1):
        line = reader.readline(MAX_LINE + 1)
        if len(line) > MAX_LINE:
            raise MalformedResponse("response header too large")
        if line in (b"\r\n", b"\n", b""):
            return headers
        if count == MAX_HEADERS:
            raise MalformedResponse("response header too large")
        text = line.decode("iso-8859-1").rstrip("\r\n")
        if text[:1] in (" ", "\t") and headers:  # a folded line continues the last value
            name, value = headers[-1]
            headers[-1] = (name, f"{value} {text.strip()}")
            continue
        name, colon, value = text.partition(":")
        if not colon or not name or name[-1] in " \t" or name[0] in " \t":
            # email's parser keeps no header for a line without a colon, nor for a name
            # with white space ("Content-Length : 5" must not frame the body: RFC 9112 5.1).
            continue
        headers.append((name.strip(), value.strip()))


def _content_length(value: str | None) -> int | None:
    """The body's length as urllib3 reads Content-Length: repeated equal values are one
    (joined by ", " in Headers), unequal ones an error; None when there is none or it is
    not a number (the body then ends with the connection)."""
    if value is None:
        return None
    lengths = {part.strip() for part in value.split(",")}
    if not all(part.isdigit() and part.isascii() for part in lengths):
        return None
    if len({int(part) for part in lengths}) > 1:
        raise MalformedResponse("malformed HTTP response (conflicting Content-Length)")
    return int(lengths.pop())


class Response:
    """A response whose body is read by read1(); the connection goes back to the pool
    when the body has been read to its end and the server keeps it open."""

    def __init__(
        self,
        pool: Pool,
        origin: tuple[str, str, int],
        conn: Conn,
        status: int,
        version: int,
        headers: Headers,
    ):
        self.status, self.headers = status, headers
        self._pool, self._origin, self._conn, self._reader = pool, origin, conn, conn.reader
        connection = headers.get("connection", "").lower()
        self._keep = "close" not in connection and (version == 11 or "keep-alive" in connection)
        coding = headers.get("transfer-encoding")
        no_body = status in NO_BODY or 100 <= status < 200
        # http.client's framing: chunked only when it is the one transfer coding named;
        # any other Transfer-Encoding leaves Content-Length or the connection's end.
        self._chunked = not no_body and coding is not None and coding.strip().lower() == "chunked"
        smuggled = coding is not None and (not self._chunked or "content-length" in headers)
        if smuggled or status == 101:
            # RFC 9112 6.1: Transfer-Encoding with Content-Length (a smuggling pattern), or
            # a coding we do not frame by: the connection is not trusted with another
            # request; nor one switched to another protocol (101).
            self._keep = False
        self._left: int | None = None  # bytes of the body (or of this chunk) still to read
        self._decoder: Decoder | None = None
        if no_body:
            self._left = 0
        elif not self._chunked:
            self._left = _content_length(headers.get("content-length"))
        if self._left is None and not self._chunked:
            self._keep = False  # the body ends with the connection
        self._done = False
        if self._left == 0 and not self._chunked:
            self._finish()

    # -- what the fetcher reads ------------------------------------------------------

    def read1(self, amount: int, decode_content: bool = True) -> bytes:
        """Up to `amount` bytes of the body (decoded when asked), b"" at its end.
        A read that decodes to nothing reads on, so b"" means the end."""
        while True:
            raw = self._read_raw(amount)
            if not decode_content:
                return raw
            decoder = self._decoder or self._new_decoder()
            if decoder is None:
                return raw
            try:
                out = decoder.decode(raw, amount) if raw else decoder.flush(amount)
            except zlib.error as exc:
                self.close()
                raise BodyNotDecodable("body not decodable (broken gzip/deflate)") from exc
            if out or not raw and not decoder.pending:
                return out

    def close(self) -> None:
        """Ends the response; an unread body closes its connection."""
        if not self._done:
            self._done = True
            self._conn.close()

    def release_conn(self) -> None:
        pass  # the connection went back to the pool when the body ended

    def shutdown(self) -> None:
        """The watchdog's cut: a read blocked on this socket returns at once."""
        if not self._done:
            self._conn.sock.shutdown(socket.SHUT_RDWR)

    # -- framing --------------------------------------------------------------------

    def _read_raw(self, amount: int) -> bytes:
        if self._done:
            return b""
        try:
            if self._chunked:
                data = self._read_chunked(amount)
            elif self._left is None:
                data = self._reader.read1(amount)
                if not data:
                    self._finish()
            else:
                data = self._reader.read1(min(amount, self._left))
                if not data:
                    self.close()
                    raise BodyBroken("connection broken while reading the body")
                self._left -= len(data)
                if self._left == 0:
                    self._finish()
            return data
        except TimeoutError as exc:
            self.close()
            raise ReadTimeout("read timed out") from exc
        except (OSError, ValueError) as exc:  # ValueError: a read after the watchdog's close
            self.close()
            raise BodyBroken("connection broken while reading the body") from exc

    def _read_chunked(self, amount: int) -> bytes:
        if not self._left:
            line = self._reader.readline(MAX_LINE + 1)
            if len(line) > MAX_LINE or not line:
                self.close()
                raise BodyBroken("connection broken while reading the body")
            digits = line.split(b";", 1)[0].strip()
            # RFC 9112 7.1: 1*HEXDIG. int() would also take "-5", "0x5", "1_0" and a
            # size of any length: a hostile size is a broken body, not a read to the end.
            if not _CHUNK_SIZE.fullmatch(digits):
                self.close()
                raise BodyBroken("connection broken while reading the body")
            size = int(digits, 16)
            if size == 0:
                _read_headers(self._reader)  # trailers, then the end
                self._finish()
                return b""
            self._left = size
        data = self._reader.read1(min(amount, self._left))
        if not data:
            self.close()
            raise BodyBroken("connection broken while reading the body")
        self._left -= len(data)
        if self._left == 0 and self._reader.readline(MAX_LINE + 1) not in (b"\r\n", b"\n"):
            self.close()
            raise BodyBroken("connection broken while reading the body")
        return data

    def _finish(self) -> None:
        self._done = True
        if self._keep:
            self._pool.give(self._origin, self._conn)
        else:
            self._conn.close()

    def _new_decoder(self) -> Decoder | None:
        codings = [
            c.strip().lower() for c in self.headers.get("content-encoding", "").split(",")
        ]
        codings = [c for c in codings if c]
        # urllib3 decodes only when it knows every coding named; otherwise the bytes are
        # given as they came.
        if not codings or any(c not in ("gzip", "x-gzip", "deflate") for c in codings):
            return None
        self._decoder = Decoder(codings)
        return self._decoder
