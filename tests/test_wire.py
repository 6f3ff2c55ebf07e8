"""Our own socket path (scraper.fetch.wire) against servers that lie about their framing,
drip, or mean harm: raw bytes on 127.0.0.1 that no HTTP library would let a server send.
Each answer is compared with what the requests path (urllib3, http.client) does with it."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import gzip
import os
import socket
import ssl
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import trustme
from support import FAST_HTTP

from scraper.config.settings import HttpSettings
from scraper.fetch.fetcher import Fetcher, FetchError, Validators

SETTINGS = dataclasses.replace(FAST_HTTP, respect_robots=False)
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"


class Listener:
    """A TCP listener on 127.0.0.1 that hands each connection to `_serve` on a thread of
    its own; `connections` counts them."""

    def __init__(self) -> None:
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self.listener.close()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        raise NotImplementedError


class Scripted(Listener):
    """A TCP server on 127.0.0.1: the n-th request it reads (over any connection) gets
    answers[n] (the last one again after that), sent as given, each part `pause` apart;
    with `close`, the connection is closed after each answer."""

    def __init__(self, *answers: bytes | list[bytes], pause: float = 0.0, close: bool = False):
        self.answers = [a if isinstance(a, list) else [a] for a in answers]
        self.pause, self.close_after = pause, close
        self.served = 0
        self.received: list[bytes] = []  # what each recv() read: the requests as sent
        self.stop = threading.Event()
        super().__init__()

    def url(self, path: str = "/news") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.stop.set()
        super().close()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            try:
                while request := conn.recv(65536):
                    self.received.append(request)
                    parts = self.answers[min(self.served, len(self.answers) - 1)]
                    self.served += 1
                    for part in parts:
                        if self.stop.is_set():
                            return
                        conn.sendall(part)
                        if self.pause:
                            time.sleep(self.pause)
                    if self.close_after:
                        return
            except OSError:
                return


@pytest.fixture
def serve() -> Iterator:
    servers: list[Scripted] = []

    def start(*answers: bytes | list[bytes], pause: float = 0.0, close: bool = False) -> Scripted:
        servers.append(Scripted(*answers, pause=pause, close=close))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def fetch(url: str, settings: HttpSettings = SETTINGS, validators: Validators | None = None):
    """The Response, or the FetchError, of one fetch by a new Fetcher."""
    with Fetcher(settings) as fetcher:
        assert fetcher._wire is not None  # these tests are about our own socket path
        try:
            return fetcher.fetch(url, validators)
        except FetchError as error:
            return error


# -- framing ---------------------------------------------------------------------------


def test_bytes_sent_past_a_body_are_never_read_as_the_next_response(serve) -> None:
    # A second, forged response right behind the first body, in the same packet: the
    # next request on this connection must get the server's real answer to it.
    server = serve(
        HEAD + b"Content-Length: 2\r\n\r\nok"
        + b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged",
        HEAD + b"Content-Length: 4\r\n\r\nreal",
    )
    with Fetcher(SETTINGS) as fetcher:
        assert fetcher.fetch(server.url()).content == b"ok"
        assert fetcher.fetch(server.url()).content == b"real"


def test_a_content_length_repeated_with_one_value_is_that_length(serve) -> None:
    server = serve(HEAD + b"Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello")
    started = time.monotonic()
    with Fetcher(SETTINGS) as fetcher:  # urllib3 reads it as one length, and so must we
        assert [fetcher.fetch(server.url()).content for _ in range(2)] == [b"hello"] * 2
    assert time.monotonic() - started < 0.4
    assert server.connections == 1


def test_unequal_content_lengths_are_a_malformed_response(serve) -> None:
    server = serve(HEAD + b"Content-Length: 5\r\nContent-Length: 3\r\n\r\nhello")
    error = fetch(server.url())
    assert isinstance(error, FetchError)
    assert str(error) == "malformed HTTP response (conflicting Content-Length)"


@pytest.mark.parametrize("size", [b"-5", b"0x5", b"1_0", b"+5", b"f" * 40],
                         ids=["negative", "0x", "underscore", "plus", "overflow"])
def test_a_chunk_size_that_is_not_only_hex_digits_is_a_broken_body(serve, size: bytes) -> None:
    server = serve(HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + size + b"\r\nhello\r\n0\r\n\r\n")
    started = time.monotonic()
    error = fetch(server.url())
    assert isinstance(error, FetchError)
    assert str(error) == "connection broken while reading the body"
    assert time.monotonic() - started < 0.4  # said at once, not after a read timeout


def test_an_answer_with_transfer_encoding_and_content_length_does_not_keep_its_connection(
    serve,
) -> None:
    # RFC 9112 6.1: chunked wins, and the connection is closed after such a message (it
    # is how one response is smuggled inside another).
    server = serve(
        HEAD + b"Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        HEAD + b"Content-Length: 3\r\n\r\nabc",
    )
    with Fetcher(SETTINGS) as fetcher:
        assert fetcher.fetch(server.url()).content == b"hello"
        assert fetcher.fetch(server.url()).content == b"abc"
    assert server.connections == 2


def test_a_transfer_coding_list_is_not_chunked_framing(serve) -> None:
    # http.client frames by chunked only when it is the one coding named: "chunked,
    # gzip" leaves Content-Length to say where the body ends (requests reads "hello").
    server = serve(HEAD + b"Transfer-Encoding: chunked, gzip\r\nContent-Length: 5\r\n\r\nhello")
    response = fetch(server.url())
    assert not isinstance(response, FetchError), response
    assert response.content == b"hello"


def test_a_304_naming_chunked_has_no_body_to_wait_for(serve) -> None:
    server = serve(b'HTTP/1.1 304 Not Modified\r\nETag: "1"\r\nTransfer-Encoding: chunked\r\n\r\n')
    started = time.monotonic()
    response = fetch(server.url(), validators=Validators(etag='"1"'))
    assert not isinstance(response, FetchError), response
    assert response.status == 304
    assert time.monotonic() - started < 0.4


def test_a_header_name_with_white_space_frames_nothing(serve) -> None:
    # "Content-Length : 2" is no Content-Length (RFC 9112 5.1; http.client ignores it):
    # the body runs to the connection's end, as on the requests path.
    server = serve(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length : 2\r\n\r\nokay",
        close=True,
    )
    response = fetch(server.url())
    assert not isinstance(response, FetchError), response
    assert response.content == b"okay"


def test_a_validator_that_cannot_be_sent_back_is_left_out_not_a_failure(serve) -> None:
    # A bare CR inside an ETag: sent back as If-None-Match it would be refused, and the
    # source would fail on every check after its first. Its good Last-Modified still goes.
    stamp = b"Wed, 02 Dec 2026 10:00:00 GMT"
    server = serve(HEAD + b'ETag: "v1\rx"\r\nLast-Modified: ' + stamp
                   + b"\r\nContent-Length: 2\r\n\r\nok")
    first = fetch(server.url())
    assert first.etag == '"v1\rx"'
    second = fetch(server.url(), validators=Validators(first.etag, first.last_modified))
    assert second.content == b"ok"
    sent = server.received[-1]
    assert b"If-None-Match" not in sent and b"If-Modified-Since: " + stamp in sent


def test_a_status_line_of_another_http_version_is_malformed(serve) -> None:
    server = serve(b"HTTP/2 200 OK\r\nContent-Length: 2\r\n\r\nok")
    error = fetch(server.url())
    assert isinstance(error, FetchError) and "malformed HTTP response" in str(error)


def test_a_connection_switched_to_another_protocol_is_not_used_again(serve) -> None:
    server = serve(
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
        HEAD + b"Content-Length: 4\r\n\r\nnews",
    )
    with Fetcher(SETTINGS) as fetcher:
        with pytest.raises(FetchError, match="HTTP 101"):
            fetcher.fetch(server.url())
        assert fetcher.fetch(server.url()).content == b"news"
    assert server.connections == 2


def test_a_content_length_of_other_digits_is_no_length(serve) -> None:
    # "\xb2" is "²" in latin-1: str.isdigit() says yes, int() says no (it raised
    # ValueError out of fetch() on both paths). The body then runs to the close.
    server = serve(HEAD + b"Content-Length: \xb2\r\n\r\nhello", close=True)
    response = fetch(server.url())
    assert not isinstance(response, FetchError), response
    assert response.content == b"hello"


def test_early_hints_before_the_answer_are_skipped(serve) -> None:
    server = serve(
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
        + HEAD + b"Content-Length: 2\r\n\r\nok"
    )
    response = fetch(server.url())
    assert not isinstance(response, FetchError), response
    assert response.content == b"ok"


@pytest.mark.parametrize(
    "tail",
    ["/a b HTTP/1.1\r\nX-Injected: 1", "/a?q=1\r\nX-Injected: 1", "/a\nX-Injected: 1"],
    ids=["space", "crlf-in-query", "lf"],
)
def test_white_space_in_a_url_never_reaches_the_request_line(serve, tail: str) -> None:
    server = serve(HEAD + b"Content-Length: 2\r\n\r\nok")
    fetch(server.url(tail))
    [request] = server.received
    request_line, _, _ = request.partition(b"\r\n")
    assert b"X-Injected" not in request.split(b"\r\n\r\n")[0].replace(request_line, b"")
    assert request_line.count(b" ") == 2, request_line


def test_a_location_with_crlf_is_one_url_not_a_header(serve) -> None:
    server = serve(
        b"HTTP/1.1 302 Found\r\nLocation: /next\rX-Injected: 1\r\nContent-Length: 0\r\n\r\n",
        HEAD + b"Content-Length: 2\r\n\r\nok",
    )
    fetch(server.url())
    for request in server.received:
        head = request.split(b"\r\n\r\n")[0].split(b"\r\n")
        assert not any(line.startswith(b"X-Injected") for line in head), request


# -- time ------------------------------------------------------------------------------


DRIPPED_HEAD = [bytes([b]) for b in HEAD + b"X-Slow: " + b"a" * 200]  # a byte each 0.1 s
ENDLESS_1XX = [b"HTTP/1.1 100 Continue\r\n\r\n"] * 200  # 1xx answers without end


@pytest.mark.parametrize("answer", [DRIPPED_HEAD, ENDLESS_1XX], ids=["dripped-head", "endless-1xx"])
def test_a_head_that_never_ends_is_cut_at_the_whole_fetch_deadline(serve, answer) -> None:
    server = serve(answer, pause=0.1)
    started = time.monotonic()
    error = fetch(server.url())  # timeout 0.5 s: the whole fetch may take 1.5 s
    assert isinstance(error, FetchError)
    assert str(error) == "timed out after 1.5s (whole fetch)"
    assert time.monotonic() - started < 2.5


def test_a_connection_handed_back_inside_the_guard_is_no_longer_armed(serve) -> None:
    # requests reads a redirect's body and hands its connection back to the pool before
    # the GET returns: another thread may take it at once, and must not have it shut at
    # this GET's deadline.
    from scraper.fetch.fetcher import _new_session
    from scraper.fetch.transport import Sender, head_guard
    from scraper.fetch.watchdog import Watchdog

    server = serve(b"HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 2\r\n\r\nno")
    session = _new_session(2)
    watchdog = Watchdog()
    try:
        with head_guard(watchdog, time.monotonic() + 60):
            reply = Sender(session, own_session=True).get(server.url(), {}, (5.0, 5.0))
            assert reply.is_redirect
            assert watchdog._armed == {}
    finally:
        watchdog.stop()
        session.close()


@pytest.mark.parametrize("answer", [DRIPPED_HEAD, ENDLESS_1XX], ids=["dripped-head", "endless-1xx"])
def test_a_head_that_never_ends_is_cut_at_the_deadline_on_the_requests_path_too(
    serve, answer, tmp_path, monkeypatch
) -> None:
    # A netrc file (or a proxy) makes every GET go through requests, which reads a head
    # line by line with only a per-read timeout: the same whole-fetch deadline holds.
    (tmp_path / "netrc").write_text("")
    monkeypatch.setenv("NETRC", str(tmp_path / "netrc"))
    server = serve(answer, pause=0.1)
    started = time.monotonic()
    with Fetcher(SETTINGS) as fetcher:
        assert fetcher._wire is None
        try:
            error = fetcher.fetch(server.url())
        except FetchError as exc:
            error = exc
    assert isinstance(error, FetchError)
    assert str(error) == "timed out after 1.5s (whole fetch)"
    assert time.monotonic() - started < 2.5


def test_a_held_cookie_keeps_the_direct_pool_path_and_its_head_is_cut_at_the_deadline(
    serve,
) -> None:
    # Once a cookie is held, a GET goes through transport.Sender, straight to our
    # session's urllib3 pool (not through the whole of requests, which costs a warm
    # cycle its CPU); the pool is the guarded one, so a dripping head is cut there too.
    cookie = HEAD + b"Set-Cookie: consent=yes; Path=/\r\nContent-Length: 2\r\n\r\nok"
    server = serve([cookie], DRIPPED_HEAD, pause=0.1)
    with Fetcher(SETTINGS) as fetcher:
        assert fetcher.fetch(server.url()).content == b"ok"
        assert fetcher._sender._adapter is not None  # the direct path, not session.get
        started = time.monotonic()
        try:
            error = fetcher.fetch(server.url())
        except FetchError as exc:
            error = exc
    assert b"Cookie: consent=yes" in server.received[-1]
    assert isinstance(error, FetchError)
    assert str(error) == "timed out after 1.5s (whole fetch)"
    assert time.monotonic() - started < 2.5


class Socks5(Listener):
    """A SOCKS5 proxy on 127.0.0.1 (no authentication, CONNECT only) that relays each
    connection and records the (host, port) asked for."""

    def __init__(self) -> None:
        self.targets: list[tuple[str, int]] = []
        super().__init__()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            try:
                _, methods = conn.recv(2)
                conn.recv(methods)
                conn.sendall(b"\x05\x00")
                _, command, _, kind = conn.recv(4)
                if kind == 1:
                    host = socket.inet_ntoa(conn.recv(4))
                else:
                    host = conn.recv(conn.recv(1)[0]).decode()
                port = int.from_bytes(conn.recv(2), "big")
                self.targets.append((host, port))
                upstream = socket.create_connection((host, port), timeout=10)
                conn.sendall(b"\x05\x00\x00\x01" + bytes(6))
            except (OSError, ValueError):
                return
            with upstream:
                threading.Thread(target=_relay, args=(upstream, conn), daemon=True).start()
                _relay(conn, upstream)


def _relay(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    with contextlib.suppress(OSError):
        sink.shutdown(socket.SHUT_WR)


def test_a_socks_proxy_from_the_environment_is_used_not_bypassed(serve, monkeypatch) -> None:
    # requests[socks] installed, ALL_PROXY/http_proxy=socks5://...: the proxy manager's
    # pools are urllib3's SOCKS pools. Ours arm them for the head's deadline; swapping
    # them for plain pools would connect straight to the site, past the user's proxy.
    pytest.importorskip("socks")
    for name in [n for n in os.environ if n.lower().endswith("_proxy")]:
        monkeypatch.delenv(name)
    proxy = Socks5()
    try:
        monkeypatch.setenv("http_proxy", f"socks5://127.0.0.1:{proxy.port}")
        server = serve(HEAD + b"Content-Length: 2\r\n\r\nok")
        with Fetcher(SETTINGS) as fetcher:
            assert fetcher._wire is None
            assert fetcher.fetch(server.url()).content == b"ok"
    finally:
        proxy.close()
    assert proxy.targets == [("127.0.0.1", server.port)]


def test_an_endless_chunked_body_is_cut_at_the_size_limit(serve) -> None:
    chunk = b"4000\r\n" + b"a" * 0x4000 + b"\r\n"
    server = serve([HEAD + b"Transfer-Encoding: chunked\r\n\r\n"] + [chunk] * 100)
    error = fetch(server.url())
    assert isinstance(error, FetchError) and str(error).startswith("body larger than")


# -- size ------------------------------------------------------------------------------


@pytest.mark.parametrize("coding", ["deflate", "gzip, gzip"])
def test_a_compression_bomb_counts_decoded_bytes(serve, coding: str) -> None:
    body = zlib.compress(b"\0" * 20_000_000, 9)
    if coding == "gzip, gzip":
        body = gzip.compress(gzip.compress(b"\0" * 20_000_000))
    server = serve(HEAD + f"Content-Encoding: {coding}\r\nContent-Length: {len(body)}\r\n\r\n"
                   .encode() + body)
    error = fetch(server.url())
    assert isinstance(error, FetchError) and str(error).startswith("body larger than")


def test_a_deflate_body_that_never_decodes_to_a_byte_is_not_kept_in_memory(serve) -> None:
    # A zlib header, then empty stored blocks without end: no output, no error, so
    # nothing tells a zlib stream from a raw one, and the sniffing must stop keeping bytes.
    body = b"\x78\x9c" + b"\x00\x00\x00\xff\xff" * 4_000_000  # 20 MB, decodes to b""
    server = serve(HEAD + b"Content-Encoding: deflate\r\n\r\n" + body, close=True)
    tracemalloc.start()
    try:
        error = fetch(server.url(), replace(SETTINGS, timeout=5))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, FetchError) and str(error) == "empty body"
    assert peak < 5_000_000, f"{peak / 1e6:.0f} MB held for a body that decodes to nothing"


@pytest.mark.parametrize("line", [b" folded\r\n", b"no colon\r\n"], ids=["folded", "no-colon"])
def test_every_head_line_counts_toward_the_100_header_limit(serve, line: bytes) -> None:
    # As http.client counts them; 1000 continuation lines of 64 KiB would otherwise
    # make one 64 MB header value.
    server = serve(HEAD + b"X-Long: a\r\n" + line * 500 + b"Content-Length: 2\r\n\r\nok")
    error = fetch(server.url())
    assert isinstance(error, FetchError) and str(error) == "response header too large"


def test_a_huge_content_length_is_refused_unread(serve) -> None:
    server = serve(HEAD + b"Content-Length: 99999999999999999999999\r\n\r\nhello")
    error = fetch(server.url())
    assert isinstance(error, FetchError) and str(error).startswith("body larger than")


# -- resources, threads, secrets -------------------------------------------------------


MOVED = b"HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 5\r\n\r\nmoved"


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts /proc/self/fd")
def test_failing_fetches_leak_no_sockets(serve) -> None:
    bad = [
        serve(MOVED % b"ftp://127.0.0.1/x"),  # a redirect refused, its body unread
        serve(MOVED % b"http://127.0.0.1:99999/"),
        serve(HEAD + b"Content-Length: 5\r\nContent-Length: 3\r\n\r\nhello"),
        serve(HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n"),
        serve(b"\x00garbage\r\n\r\n"),
        serve(HEAD + b"Content-Encoding: gzip\r\nContent-Length: 9\r\n\r\nnot gzip!"),
    ]
    kept: list[object] = []  # errors kept, as fetch_all's callers keep them
    with Fetcher(SETTINGS) as fetcher:
        before = open_descriptors()
        for _ in range(10):
            for server in bad:
                try:
                    fetcher.fetch(server.url())
                except FetchError as error:
                    kept.append(error)
        grown = open_descriptors() - before
    assert len(kept) == 60
    assert grown <= len(bad), f"{grown} descriptors left open after 60 failed fetches"


def test_concurrent_fetches_share_the_pool_without_mixing_answers(serve) -> None:
    servers = [serve(HEAD + b"Content-Length: 2\r\n\r\n" + b"%02d" % n) for n in range(4)]
    jobs = [(n, servers[n % 4].url(f"/p{n}"), None) for n in range(80)]
    with Fetcher(replace(SETTINGS, concurrency=8)) as fetcher:
        results = dict(fetcher.fetch_all(jobs))
        idle = [len(conns) for conns in fetcher._wire._idle.values()]  # type: ignore[union-attr]
    assert {n: r.content for n, r in results.items()} == {n: b"%02d" % (n % 4) for n in range(80)}
    assert max(idle) <= 8


def test_an_ipv6_literal_host_is_fetched() -> None:
    try:
        listener = socket.create_server(("::1", 0), family=socket.AF_INET6)
    except OSError:
        pytest.skip("no IPv6 loopback")
    port = listener.getsockname()[1]

    def answer() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(HEAD + b"Content-Length: 2\r\nConnection: close\r\n\r\nv6")

    threading.Thread(target=answer, daemon=True).start()
    with Fetcher(SETTINGS) as fetcher:
        assert fetcher.fetch(f"http://[::1]:{port}/news").content == b"v6"
    listener.close()


def test_an_error_names_no_credentials_nor_query(serve) -> None:
    server = serve(HEAD + b"Content-Length: 5\r\nContent-Length: 3\r\n\r\nhello")
    url = server.url("/feed?token=s3cr3tT0ken").replace("http://", "http://user:pa55w0rd@")
    for address in (url, server.url("/feed?token=s3cr3tT0ken")):
        error = fetch(address)
        assert isinstance(error, FetchError)
        assert "s3cr3t" not in str(error) and "pa55w0rd" not in str(error)


# -- TLS -------------------------------------------------------------------------------


class TLSServer(Listener):
    """A one-answer-per-connection https server on 127.0.0.1 with the given certificate;
    records the SNI name each client sent."""

    def __init__(self, cert_file: str, key_file: str):
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.context.load_cert_chain(cert_file, key_file)
        self.names: list[str | None] = []
        self.context.sni_callback = lambda sock, name, ctx: self.names.append(name)
        super().__init__()

    def _serve(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(5)
            with self.context.wrap_socket(conn, server_side=True) as tls:
                tls.recv(65536)
                tls.sendall(HEAD + b"Content-Length: 2\r\nConnection: close\r\n\r\nok")
        except (OSError, ssl.SSLError):
            conn.close()


@pytest.fixture
def ca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> trustme.CA:
    authority = trustme.CA()
    authority.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "ca.pem"))
    return authority


def tls_server(tmp_path: Path, cert_pem: bytes, key_pem: bytes) -> TLSServer:
    (tmp_path / "cert.pem").write_bytes(cert_pem)
    (tmp_path / "key.pem").write_bytes(key_pem)
    return TLSServer(str(tmp_path / "cert.pem"), str(tmp_path / "key.pem"))


def test_tls_checks_the_host_name_and_sends_it(ca: trustme.CA, tmp_path: Path) -> None:
    issued = ca.issue_cert("localhost")
    server = tls_server(tmp_path, issued.private_key_and_cert_chain_pem.bytes(),
                        issued.private_key_pem.bytes())
    response = fetch(f"https://localhost:{server.port}/news")
    assert not isinstance(response, FetchError), response
    assert response.content == b"ok" and server.names == ["localhost"]  # SNI
    error = fetch(f"https://127.0.0.1:{server.port}/news")  # a name the certificate lacks
    assert isinstance(error, FetchError)
    assert str(error).startswith("TLS error: the server's certificate was refused (IP address")
    assert not error.transient


def test_a_self_signed_server_is_refused_without_its_ca(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    issued = trustme.CA().issue_cert("127.0.0.1")
    server = tls_server(tmp_path, issued.private_key_and_cert_chain_pem.bytes(),
                        issued.private_key_pem.bytes())
    error = fetch(f"https://127.0.0.1:{server.port}/news")
    assert isinstance(error, FetchError)
    assert str(error).startswith("TLS error: the server's certificate was refused (")


def test_a_certificate_naming_the_host_only_as_its_common_name_is_refused(
    ca: trustme.CA, tmp_path: Path
) -> None:
    # urllib3 never matches a host against the subject's common name; ssl does by default.
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = x509.load_pem_x509_certificate(ca.cert_pem.bytes())
    ca_key = serialization.load_pem_private_key(ca.private_key_pem.bytes(), password=None)
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())  # type: ignore[arg-type]
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    server = tls_server(tmp_path, cert.public_bytes(serialization.Encoding.PEM), key_pem)
    error = fetch(f"https://localhost:{server.port}/news")
    assert isinstance(error, FetchError)
    assert str(error).startswith("TLS error: the server's certificate was refused (")
