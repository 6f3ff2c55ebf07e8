"""scraper.fetch.fetcher against a real HTTP server on 127.0.0.1: every bad input a source can
send."""

from __future__ import annotations

import gzip
import logging
import os
import socket
import ssl
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
import trustme
from support import FAST_HTTP

from scraper.config.settings import HttpSettings
from scraper.fetch.fetcher import Fetcher, FetchError, Validators, decode_body, parse_retry_after
from scraper.fetch.hosts import host_of, usual_origin
from scraper.fetch.robots import RobotsCache, RobotsUnreachable, origin_of
from scraper.fetch.transport import plain_path
from scraper.fetch.watchdog import Watchdog

SETTINGS = FAST_HTTP
FRENCH = "Le café de l’été – “Heartstopper” saison 2 arrive bientôt. Voilà ce que nous savons."

Respond = Callable[[BaseHTTPRequestHandler], None]


# -- a tiny scriptable server ------------------------------------------------------


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog of 5 drops the SYNs of a burst of 8 connects on a
    # busy machine, and the client then times out connecting (0.5 s in these tests).
    request_queue_size = 64

    def handle_error(self, request: object, client_address: object) -> None:
        # The fetcher hanging up on a body it refuses is the point of some tests.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class Site:
    """Routes path -> responder; records each request as (path, headers, monotonic time)."""

    def __init__(self) -> None:
        self.routes: dict[str, Respond] = {}
        self.requests: list[tuple[str, dict[str, str], float]] = []
        self.connections: set[int] = set()  # client ports: one per TCP connection
        self.in_flight = 0
        self.max_in_flight = 0
        self.stop = threading.Event()  # set at teardown: stalling responders give up
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                with site.lock:
                    site.requests.append((self.path, dict(self.headers), time.monotonic()))
                    site.connections.add(self.client_address[1])
                    site.in_flight += 1
                    site.max_in_flight = max(site.max_in_flight, site.in_flight)
                try:
                    site.routes.get(path, reply(404, b"not found"))(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client hung up: that is what several tests want
                finally:
                    with site.lock:
                        site.in_flight -= 1

            def log_message(self, *args: object) -> None:
                pass

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [p for p, _, _ in self.requests]


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    thread = threading.Thread(target=s.server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield s
    s.stop.set()
    s.server.shutdown()
    s.server.server_close()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    f = Fetcher(SETTINGS)
    yield f
    f.close()


def reply(status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> Respond:
    def respond(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        for name, value in (headers or {"Content-Type": "text/html; charset=utf-8"}).items():
            h.send_header(name, value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return respond


def redirect(location: str, status: int = 302) -> Respond:
    return reply(status, b"", {"Location": location})


def raises(fetcher: Fetcher, url: str, validators: Validators | None = None) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url, validators)
    return info.value


# -- decoding ----------------------------------------------------------------------


def test_cp1252_page_with_charset_header(site: Site, fetcher: Fetcher) -> None:
    body = f"<p>{FRENCH}</p>".encode("cp1252")
    site.routes["/"] = reply(200, body, {"Content-Type": "text/html; charset=windows-1252"})
    response = fetcher.fetch(site.url("/"))
    assert FRENCH in (response.text or "")
    assert response.content == body  # raw bytes for the caller's content hash


def test_latin1_label_is_read_as_windows_1252_like_browsers_do(site: Site, fetcher: Fetcher):
    body = f"<p>{FRENCH}</p>".encode("cp1252")  # curly quotes are 0x93/0x94: C1 in true latin-1
    site.routes["/"] = reply(200, body, {"Content-Type": "text/html; charset=ISO-8859-1"})
    assert FRENCH in (fetcher.fetch(site.url("/")).text or "")


def test_cp1252_page_with_only_a_meta_charset(site: Site, fetcher: Fetcher) -> None:
    body = f'<html><head><meta charset="windows-1252"></head><p>{FRENCH}</p>'.encode("cp1252")
    site.routes["/"] = reply(200, body, {"Content-Type": "text/html"})
    assert FRENCH in (fetcher.fetch(site.url("/")).text or "")


def test_meta_http_equiv_charset() -> None:
    body = (
        b'<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        + b"caf\xe9</head>"
    )
    assert "café" in decode_body(body, "text/html")


def test_cp1252_page_with_no_charset_anywhere_is_detected(site: Site, fetcher: Fetcher) -> None:
    body = f"<p>{FRENCH}</p>".encode("cp1252")
    site.routes["/"] = reply(200, body, {"Content-Type": "text/html"})
    assert FRENCH in (fetcher.fetch(site.url("/")).text or "")


def test_undeclared_cyrillic_is_not_forced_into_windows_1252() -> None:
    text = "Второй сезон сериала выйдет в августе. Привет всем поклонникам!"
    assert decode_body(text.encode("cp1251")) == text


def test_xml_declaration_names_the_feed_encoding() -> None:
    body = '<?xml version="1.0" encoding="windows-1252"?><rss>café “x”</rss>'.encode("cp1252")
    assert "café “x”" in decode_body(body, "application/rss+xml")


def test_byte_order_mark_beats_a_wrong_header() -> None:
    assert decode_body("é".encode("utf-16"), "text/html; charset=utf-8") == "é"
    assert decode_body(b"\xef\xbb\xbfcaf\xc3\xa9") == "café"  # the BOM is not text


def test_utf8_without_any_declaration() -> None:
    assert decode_body("“Heartstopper” é".encode()) == "“Heartstopper” é"


@pytest.mark.parametrize(
    ("label", "text", "codec"),
    [
        # Each label as browsers read it: the wider code page servers actually send.
        ("gb2312", "朱镕基访问", "gbk"),  # 镕 is GBK, not GB2312
        ("euc-kr", "똠방각하 뷁", "cp949"),  # Hangul outside KS X 1001's 2,350
        ("shift_jis", "①髙橋", "cp932"),  # Windows' additions to Shift_JIS
    ],
)
def test_east_asian_labels_read_as_browsers_read_them(
    site: Site, fetcher: Fetcher, label: str, text: str, codec: str
) -> None:
    body = f"<p>{text}</p>".encode(codec)
    site.routes["/"] = reply(200, body, {"Content-Type": f"text/html; charset={label}"})
    assert fetcher.fetch(site.url("/")).text == f"<p>{text}</p>"
    meta = f'<meta charset="{label.upper()}"><p>{text}</p>'
    assert decode_body(meta.encode(codec)) == meta


@pytest.mark.parametrize("label", ["iso-8859-1", "latin1", "windows-1252", "us-ascii"])
def test_utf8_under_a_lying_latin1_label_is_read_as_utf8(label: str) -> None:
    page = f'<meta charset="{label}"><p>Heartstopper – saison 2, le 3 août “bientôt”</p>'
    assert decode_body(page.encode("utf-8")) == page
    assert decode_body(page.encode("utf-8"), f"text/html; charset={label}") == page
    # Real windows-1252 under the same label stays windows-1252.
    assert decode_body(page.encode("cp1252"), f"text/html; charset={label}") == page


def test_a_charset_impossible_for_the_bytes_is_not_believed(site: Site, fetcher: Fetcher) -> None:
    page = "<p>Heartstopper season 2 premieres on 3 August</p>"
    utf16 = {"Content-Type": "text/html; charset=utf-16"}
    site.routes["/"] = reply(200, page.encode("ascii"), utf16)
    assert fetcher.fetch(site.url("/")).text == page
    accented = "<p>Saison 2 : le 3 août, “bientôt”</p>"
    assert decode_body(accented.encode("cp1252"), "text/html; charset=utf-16le") == accented
    # Real UTF-16 without a byte-order mark is read in the byte order its zeros show.
    for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        label = codec.split("-")[0] + "-" + codec.split("-")[1]
        assert decode_body(accented.encode(codec), f"text/html; charset={label}") == accented


@pytest.mark.parametrize(
    "content, content_type",
    [
        (b"", ""),
        (b"\xff\xfe\x00", "text/html; charset=bogus"),  # a BOM with half a character
        (b"caf\xe9", "text/html; charset=utf-8"),  # the header lies
        (b"abc", "text/plain; charset=base64"),  # a codec, but not a charset
        (b"<meta charset='x-unknown'>\x80\x81\xfe", ""),
    ],
)
def test_decode_body_never_raises(content: bytes, content_type: str) -> None:
    assert isinstance(decode_body(content, content_type), str)


# -- size -------------------------------------------------------------------------


def test_declared_length_over_max_bytes_is_not_read(site: Site, fetcher: Fetcher) -> None:
    site.routes["/big"] = reply(200, b"x" * (SETTINGS.max_bytes + 1))
    error = raises(fetcher, site.url("/big"))
    assert str(error) == "body larger than 97.7 KB: not read"
    assert not error.transient


def test_endless_body_stops_at_the_limit(site: Site, fetcher: Fetcher) -> None:
    sent = []

    def fifty_megabytes(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")  # no Content-Length: the size shows only by reading
        h.end_headers()
        block = b"y" * 65536
        for _ in range(50 * 16):
            h.wfile.write(block)
            sent.append(len(block))

    site.routes["/stream"] = fifty_megabytes
    started = time.monotonic()
    error = raises(fetcher, site.url("/stream"))
    assert "body larger than" in str(error)
    assert time.monotonic() - started < 5
    time.sleep(0.2)  # let the server notice the closed socket
    assert sum(sent) < 25 * 1024 * 1024  # the client hung up long before 50 MB


def test_gzip_body_is_decoded(site: Site, fetcher: Fetcher) -> None:
    page = f"<p>{FRENCH}</p>".encode()
    site.routes["/gz"] = reply(
        200,
        gzip.compress(page),
        {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
    )
    response = fetcher.fetch(site.url("/gz"))
    assert response.content == page
    assert "gzip" in site.requests[-1][1]["Accept-Encoding"]


def test_gzip_bomb_counts_decoded_bytes(site: Site, fetcher: Fetcher) -> None:
    bomb = gzip.compress(b"\0" * 10_000_000)  # ~10 KB on the wire
    site.routes["/bomb"] = reply(200, bomb, {"Content-Encoding": "gzip"})
    assert "body larger than" in str(raises(fetcher, site.url("/bomb")))


# -- time -------------------------------------------------------------------------


def stall_before_headers(site: Site) -> Respond:
    def respond(h: BaseHTTPRequestHandler) -> None:
        site.stop.wait(5)

    return respond


def test_server_that_never_answers_times_out(site: Site, fetcher: Fetcher) -> None:
    site.routes["/stall"] = stall_before_headers(site)
    started = time.monotonic()
    error = raises(fetcher, site.url("/stall"))
    assert str(error) == "timed out after 0.5s"
    assert error.transient
    assert time.monotonic() - started < 2


def test_server_that_stalls_mid_body_times_out(site: Site, fetcher: Fetcher) -> None:
    def respond(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", "1000")
        h.end_headers()
        h.wfile.write(b"<html>")
        h.wfile.flush()
        site.stop.wait(5)

    site.routes["/half"] = respond
    error = raises(fetcher, site.url("/half"))
    assert str(error) == "timed out after 0.5s"
    assert error.transient


# A gzip header announcing a comment (FLG.FCOMMENT) that never ends: it decodes to
# nothing, so urllib3 keeps reading inside one read1() call; only the timer that
# shuts the socket at the deadline gets the fetch out.
ENDLESS_GZIP_HEADER = b"\x1f\x8b\x08\x10\0\0\0\0\0\xff"


def trickle(site: Site, gzipped: bool) -> Respond:
    """A byte every 0.1 s: no single read ever times out."""

    def respond(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Connection", "close")
        if gzipped:
            h.send_header("Content-Encoding", "gzip")
        h.end_headers()
        if gzipped:
            h.wfile.write(ENDLESS_GZIP_HEADER)
        for _ in range(100):  # bounded: 10 s at most
            h.wfile.write(b"a")
            h.wfile.flush()
            if site.stop.wait(0.1):
                return

    return respond


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip-comment-forever"])
def test_trickling_server_hits_the_whole_fetch_deadline(site: Site, gzipped: bool) -> None:
    site.routes["/trickle"] = trickle(site, gzipped)
    with Fetcher(SETTINGS, deadline=1.0) as fetcher:
        started = time.monotonic()
        error = raises(fetcher, site.url("/trickle"))
        elapsed = time.monotonic() - started
    assert str(error) == "timed out after 1s (whole fetch)"
    assert error.transient
    assert 0.9 < elapsed < 2.5


def test_default_deadline_is_three_read_timeouts() -> None:
    assert Fetcher(replace(SETTINGS, timeout=20)).deadline == 60


def test_unreachable_host_is_transient_and_names_no_query_string() -> None:
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        # Port 9 (discard) on loopback is closed on any test machine.
        error = raises(fetcher, "http://127.0.0.1:9/feed?token=s3cret")
    assert error.transient
    assert str(error) == "connection failed: connection refused"
    assert "s3cret" not in str(error)


# -- redirects --------------------------------------------------------------------


def test_redirects_are_followed_and_the_final_url_reported(site: Site, fetcher: Fetcher):
    site.routes["/a"] = redirect(site.url("/b"), 301)
    site.routes["/b"] = redirect("c?x=1", 307)  # relative Location
    site.routes["/c"] = reply(200, b"<p>here</p>")
    response = fetcher.fetch(site.url("/a"))
    assert response.url == site.url("/c?x=1")
    assert response.text == "<p>here</p>"


def test_five_redirects_are_allowed(site: Site, fetcher: Fetcher) -> None:
    for n in range(5):
        site.routes[f"/{n}"] = redirect(f"/{n + 1}")
    site.routes["/5"] = reply(200, b"end")
    assert fetcher.fetch(site.url("/0")).url == site.url("/5")


def test_six_redirects_are_too_many(site: Site, fetcher: Fetcher) -> None:
    for n in range(6):
        site.routes[f"/{n}"] = redirect(f"/{n + 1}")
    site.routes["/6"] = reply(200, b"end")
    error = raises(fetcher, site.url("/0"))
    assert str(error) == "too many redirects (more than 5)"
    assert not error.transient
    assert "/6" not in site.paths()


def test_redirect_loop(site: Site, fetcher: Fetcher) -> None:
    site.routes["/a"] = redirect("/b")
    site.routes["/b"] = redirect("/a")
    error = raises(fetcher, site.url("/a"))
    assert str(error) == "redirect loop"
    assert not error.transient


def test_cookie_dance_back_to_the_same_url_is_not_a_loop(site: Site, fetcher: Fetcher) -> None:
    def page(h: BaseHTTPRequestHandler) -> None:
        if "consent=yes" in (h.headers.get("Cookie") or ""):
            reply(200, b"<p>the article</p>")(h)
        else:
            redirect("/consent")(h)

    site.routes["/article"] = page
    site.routes["/consent"] = reply(302, b"", {"Location": "/article", "Set-Cookie": "consent=yes"})
    assert fetcher.fetch(site.url("/article")).text == "<p>the article</p>"


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/file", "file:///etc/passwd", "javascript:x"])
def test_redirect_to_a_non_http_scheme(site: Site, fetcher: Fetcher, target: str) -> None:
    site.routes["/a"] = redirect(target)
    error = raises(fetcher, site.url("/a"))
    assert str(error).startswith("redirect to a non-http(s) URL (")
    assert not error.transient


@pytest.mark.parametrize(
    "url, message",
    [
        ("ftp://127.0.0.1/x", "not an http(s) URL"),
        ("/relative/path", "not an http(s) URL"),
        ("http://127.0.0.1:99999/x", "not a valid http(s) URL"),
        ("http://[::1/x", "not a valid http(s) URL"),
    ],
)
def test_a_bad_url_is_refused_without_a_request(fetcher: Fetcher, url: str, message: str):
    error = raises(fetcher, url)
    assert (str(error), error.transient) == (message, False)


# -- statuses ---------------------------------------------------------------------


def test_500_is_transient(site: Site, fetcher: Fetcher) -> None:
    site.routes["/"] = reply(500, b"<h1>oops</h1>")
    error = raises(fetcher, site.url("/"))
    assert str(error) == "HTTP 500 Internal Server Error"
    assert (error.transient, error.status, error.retry_after) == (True, 500, None)


def test_404_is_not_transient(site: Site, fetcher: Fetcher) -> None:
    error = raises(fetcher, site.url("/gone"))
    assert (str(error), error.transient, error.status) == ("HTTP 404 Not Found", False, 404)


def test_429_with_retry_after_seconds(site: Site, fetcher: Fetcher) -> None:
    site.routes["/"] = reply(429, b"slow down", {"Retry-After": "120"})
    error = raises(fetcher, site.url("/"))
    assert str(error) == "HTTP 429 Too Many Requests (retry after 120s)"
    assert (error.transient, error.status, error.retry_after) == (True, 429, 120.0)


def test_503_with_retry_after_http_date(site: Site, fetcher: Fetcher) -> None:
    when = datetime.now(UTC).replace(microsecond=0) + (
        datetime(2000, 1, 1, 0, 10) - datetime(2000, 1, 1)
    )
    site.routes["/"] = reply(503, b"", {"Retry-After": format_datetime(when, usegmt=True)})
    error = raises(fetcher, site.url("/"))
    assert error.transient and error.status == 503
    assert error.retry_after is not None and 590 <= error.retry_after <= 600


@pytest.mark.parametrize(
    "value, expected",
    [
        ("120", 120.0),
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),  # already past: retry now
        ("99999999", 86400.0),  # capped at a day
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = datetime(2015, 10, 21, 7, 28, tzinfo=UTC)
    assert parse_retry_after(value, now) == expected


@pytest.mark.parametrize("body", [b"", b"  \r\n\t "])
def test_empty_200_body_is_transient(site: Site, fetcher: Fetcher, body: bytes) -> None:
    site.routes["/"] = reply(200, body)
    error = raises(fetcher, site.url("/"))
    assert (str(error), error.transient, error.status) == ("empty body", True, 200)


# -- conditional GET ------------------------------------------------------------------


def test_etag_and_last_modified_give_a_304(site: Site, fetcher: Fetcher) -> None:
    etag, modified = '"v1"', "Wed, 21 Oct 2015 07:28:00 GMT"

    def page(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.end_headers()
        else:
            reply(200, b"<p>news</p>", {"ETag": etag, "Last-Modified": modified})(h)

    site.routes["/"] = page
    first = fetcher.fetch(site.url("/"))
    assert (first.status, first.etag, first.last_modified) == (200, etag, modified)
    second = fetcher.fetch(site.url("/"), Validators(first.etag, first.last_modified))
    assert second.not_modified
    assert (second.text, second.content) == (None, None)
    # A 304 that does not repeat Last-Modified keeps the stored one.
    assert (second.etag, second.last_modified) == (etag, modified)
    sent = site.requests[-1][1]
    assert (sent["If-None-Match"], sent["If-Modified-Since"]) == (etag, modified)
    # One pooled connection served both fetches (and robots.txt).
    assert len(site.connections) == 1


def test_no_validators_no_conditional_headers(site: Site, fetcher: Fetcher) -> None:
    site.routes["/"] = reply(200, b"<p>news</p>")
    fetcher.fetch(site.url("/"), Validators())
    sent = site.requests[-1][1]
    assert "If-None-Match" not in sent and "If-Modified-Since" not in sent
    assert sent["User-Agent"] == SETTINGS.user_agent


# -- robots.txt -------------------------------------------------------------------


def robots(text: str) -> Respond:
    return reply(200, text.encode(), {"Content-Type": "text/plain"})


def test_robots_disallow_is_respected(site: Site, fetcher: Fetcher) -> None:
    site.routes["/robots.txt"] = robots("User-agent: releasewatch-test\nDisallow: /private\n")
    site.routes["/private/page"] = reply(200, b"secret")
    site.routes["/public"] = reply(200, b"<p>ok</p>")
    error = raises(fetcher, site.url("/private/page"))
    assert (str(error), error.transient) == ("disallowed by robots.txt", False)
    assert fetcher.fetch(site.url("/public")).text == "<p>ok</p>"
    assert "/private/page" not in site.paths()
    assert site.paths().count("/robots.txt") == 1  # cached per host


# Rules as RFC 9309 reads them: the longest match wins (Allow on a tie), `*` matches
# any characters and `$` anchors the end; the order of the lines does not matter.
ROBOTS_RULES = """\
User-agent: *
Disallow: /

User-agent: releasewatch-test
Disallow: /news/
Allow: /news/tv/
Disallow: /*?print=
Disallow: /*.pdf$
Allow: /shows/$
Disallow: /shows/

User-agent: github
Allow: /
"""


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/news/tv/heartstopper", True),  # the longer Allow beats the earlier Disallow
        ("/news/film/dune", False),
        ("/news/tv/heartstopper?print=1", False),  # `*` matches the path before it
        ("/press/kit.pdf", False),  # `$`: ends with .pdf
        ("/press/kit.pdf?v=2", True),  # does not end with .pdf; the `*` group is not ours
        ("/shows/", True),  # `$`: exactly /shows/
        ("/shows/heartstopper", False),
    ],
)
def test_robots_rules_are_read_as_rfc_9309_says(
    site: Site, fetcher: Fetcher, path: str, allowed: bool
) -> None:
    site.routes["/robots.txt"] = robots(ROBOTS_RULES)
    site.routes[path.split("?")[0]] = reply(200, b"<p>ok</p>")
    if allowed:
        assert fetcher.fetch(site.url(path)).text == "<p>ok</p>"
    else:
        assert str(raises(fetcher, site.url(path))) == "disallowed by robots.txt"
        assert path.split("?")[0] not in site.paths()


def test_robots_group_is_chosen_by_our_product_token_only() -> None:
    fake = FakeRobots()
    fake.answers = [(200, b"User-agent: github\nDisallow: /\n")]
    cache = RobotsCache("releasewatch/0.1 (+https://github.com/releasewatch)", fake.get)
    # The URL in the User-Agent's comment names "github"; that group is another bot's.
    assert cache.allowed("https://news.example/x", deadline=0)

def test_robots_disallow_applies_to_a_redirect_target(site: Site, fetcher: Fetcher) -> None:
    site.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /private\n")
    site.routes["/a"] = redirect("/private")
    assert str(raises(fetcher, site.url("/a"))) == "disallowed by robots.txt"


def test_robots_404_means_allowed(site: Site, fetcher: Fetcher) -> None:
    site.routes["/"] = reply(200, b"<p>ok</p>")
    assert fetcher.fetch(site.url("/")).text == "<p>ok</p>"
    assert site.paths() == ["/robots.txt", "/"]


def test_robots_5xx_means_allowed_for_a_watcher(site: Site, fetcher: Fetcher) -> None:
    site.routes["/robots.txt"] = reply(503, b"down")
    site.routes["/"] = reply(200, b"<p>ok</p>")
    assert fetcher.fetch(site.url("/")).text == "<p>ok</p>"


def test_robots_not_fetched_when_not_respected(site: Site) -> None:
    site.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /\n")
    site.routes["/"] = reply(200, b"<p>ok</p>")
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        assert fetcher.fetch(site.url("/")).text == "<p>ok</p>"
    assert site.paths() == ["/"]


class FakeRobots:
    """A RobotsCache getter answering from a script, and a clock the test moves."""

    def __init__(self) -> None:
        self.answers: list[tuple[int, bytes] | Exception] = []
        self.asked = 0
        self.now = 1000.0

    def get(self, url: str, deadline: float) -> tuple[int, bytes]:
        self.asked += 1
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_robots_cache_expires_and_keeps_old_rules_while_unreachable() -> None:
    fake = FakeRobots()
    cache = RobotsCache("bot/1.0", fake.get, ttl=3600, retry_ttl=600, clock=lambda: fake.now)
    url = "https://news.example/private/x"
    fake.answers = [(200, b"User-agent: *\nDisallow: /private\n")]
    assert not cache.allowed(url, deadline=0)
    assert not cache.allowed(url, deadline=0)
    assert fake.asked == 1
    fake.now += 3601  # expired; the site is down now: the rules we read still stand
    fake.answers = [RobotsUnreachable("HTTP 503")]
    assert not cache.allowed(url, deadline=0)
    fake.now += 601  # retried sooner than the TTL; the file is gone now (404): all allowed
    fake.answers = [(404, b"")]
    assert cache.allowed(url, deadline=0)
    assert fake.asked == 3


def test_robots_401_403_are_unavailable_so_allowed() -> None:
    fake = FakeRobots()
    fake.answers = [(403, b"")]
    cache = RobotsCache("bot/1.0", fake.get, clock=lambda: fake.now)
    assert cache.allowed("https://news.example/x", deadline=0)


# -- many fetches -----------------------------------------------------------------


def test_fetch_all_yields_one_result_per_job(site: Site, fetcher: Fetcher) -> None:
    site.routes["/ok"] = reply(200, b"<p>ok</p>")
    site.routes["/err"] = reply(500, b"")
    jobs = [
        ("ok", site.url("/ok"), None),
        ("err", site.url("/err"), None),
        ("bad", "not a url", None),
        ("ftp", "ftp://127.0.0.1/x", None),
    ]
    results = dict(fetcher.fetch_all(jobs))
    assert set(results) == {"ok", "err", "bad", "ftp"}
    assert results["ok"].status == 200  # type: ignore[union-attr]
    assert isinstance(results["err"], FetchError) and results["err"].transient
    assert isinstance(results["bad"], FetchError) and isinstance(results["ftp"], FetchError)


def test_fetch_all_never_has_more_than_concurrency_in_flight(site: Site) -> None:
    def slow(h: BaseHTTPRequestHandler) -> None:
        time.sleep(0.05)
        reply(200, b"<p>ok</p>")(h)

    site.routes["/slow"] = slow
    settings = replace(SETTINGS, concurrency=3, respect_robots=False)
    with Fetcher(settings) as fetcher:
        results = list(fetcher.fetch_all((n, site.url(f"/slow?n={n}"), None) for n in range(12)))
    assert len(results) == 12
    assert site.max_in_flight <= 3


def test_per_host_delay_spaces_one_host_while_others_proceed(site: Site) -> None:
    # 127.0.0.1 and localhost are two hosts for politeness, one server for the test.
    site.routes["/p"] = reply(200, b"<p>ok</p>")
    other = site.url("/p").replace("127.0.0.1", "localhost")
    delay = 0.3
    settings = replace(SETTINGS, per_host_delay=delay, respect_robots=False, concurrency=2)
    jobs = [(f"a{n}", site.url(f"/p?a={n}"), None) for n in range(3)]
    jobs += [(f"b{n}", other + f"?b={n}", None) for n in range(3)]
    with Fetcher(settings) as fetcher:
        keys = [key for key, _ in fetcher.fetch_all(jobs)]
    assert sorted(keys) == sorted(k for k, _, _ in jobs)
    by_host: dict[str, list[float]] = {"a": [], "b": []}
    for path, _, at in site.requests:
        by_host["a" if "a=" in path else "b"].append(at)
    for times in by_host.values():
        gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
        assert len(times) == 3 and all(gap >= delay * 0.9 for gap in gaps)
    # Host b did not wait for host a's delays: their requests interleave.
    assert by_host["b"][0] < by_host["a"][1]


def test_direct_fetches_to_one_host_are_spaced_too(site: Site) -> None:
    site.routes["/p"] = reply(200, b"<p>ok</p>")
    with Fetcher(replace(SETTINGS, per_host_delay=0.2, respect_robots=False)) as fetcher:
        fetcher.fetch(site.url("/p"))
        fetcher.fetch(site.url("/p"))
    first, second = (at for _, _, at in site.requests)
    assert second - first >= 0.18


def test_robots_txt_is_fetched_once_by_many_threads(site: Site, fetcher: Fetcher) -> None:
    site.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /private\n")
    site.routes["/p"] = reply(200, b"<p>ok</p>")
    threads = [threading.Thread(target=fetcher.fetch, args=(site.url("/p"),)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert site.paths().count("/robots.txt") == 1
    assert site.paths().count("/p") == 8


def test_unasked_for_304_is_an_error_not_an_unchanged_page(site: Site, fetcher: Fetcher) -> None:
    site.routes["/"] = reply(304, b"", {})
    error = raises(fetcher, site.url("/"))
    assert (error.status, error.transient) == (304, True)


def test_logs_never_carry_the_query_string(
    site: Site, fetcher: Fetcher, caplog: pytest.LogCaptureFixture
) -> None:
    site.routes["/feed"] = reply(200, b"<rss/>")
    with caplog.at_level(logging.DEBUG, logger="scraper"):
        fetcher.fetch(site.url("/feed?token=s3cret"))
        raises(fetcher, "http://user:pw@127.0.0.1:9/x?token=s3cret")
    assert "/feed" in caplog.text
    assert "s3cret" not in caplog.text and "pw@" not in caplog.text


def test_a_run_of_304s_reuses_one_pooled_connection() -> None:
    """A warm cycle is all 304s: each must hand its connection back to the pool,
    not close it (a new TCP, and on https a new TLS, handshake per source)."""
    from dataclasses import replace

    from scraper.demo.localsite import LocalSite

    with LocalSite() as local:
        local.set("/feed.xml", "<rss><channel><item><title>x</title></item></channel></rss>")
        fetcher = Fetcher(replace(HttpSettings(), per_host_delay=0.0, respect_robots=False))
        try:
            first = fetcher.fetch(local.url("/feed.xml"))
            validators = Validators(first.etag, first.last_modified)
            answers = [fetcher.fetch(local.url("/feed.xml"), validators) for _ in range(5)]
        finally:
            fetcher.close()
        seen = local.take_requests()
    assert [a.status for a in answers] == [304] * 5
    assert len({r.client_port for r in seen}) == 1, [(r.status, r.client_port) for r in seen]


# -- the direct path to the pool sends what requests would ----------------------------


def test_requests_go_out_as_requests_would_send_them(site: Site) -> None:
    """Our own session skips requests' per-request machinery; a session of the
    caller's goes through requests. The server must not see the difference:
    same headers in the same order, cookies included."""
    sent: list[list[tuple[str, str]]] = []

    def page(h: BaseHTTPRequestHandler) -> None:
        sent.append(list(h.headers.items()))
        reply(200, b"<p>ok</p>", {"Set-Cookie": "session=abc; Path=/", "ETag": '"v1"'})(h)

    site.routes["/p"] = page
    validators = Validators('"v1"', "Wed, 21 Oct 2015 07:28:00 GMT")
    foreign = requests.Session()
    foreign.trust_env = False  # no proxy from the environment on either side
    for fetcher in (Fetcher(SETTINGS), Fetcher(SETTINGS, session=foreign)):
        with fetcher:
            fetcher.fetch(site.url("/p?a=1&b=%2F"))
            fetcher.fetch(site.url("/p?a=1&b=%2F"), validators)
    own, theirs = sent[:2], sent[2:]
    assert own == theirs
    assert ("Cookie", "session=abc") in own[1]
    assert ("If-None-Match", '"v1"') in own[1]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/feeds/1.xml",
        "https://news.example/a/b;c?x=1&y=%2F&z=a:b@c#top",
        "https://news.example/caf%C3%A9",
        "HTTPS://news.example/",  # requests lower-cases the scheme
        "https://News.example/",  # ...and the host
        "https://news.example",  # ...adds the path
        "https://news.example/?",  # ...drops an empty query
        "https://news.example/%7Euser",  # ...decodes unreserved escapes
        "https://news.example/%2f",  # ...upper-cases escapes
        "https://news.example/a b",  # ...quotes a space
        "https://news.example/./a/../b",  # ...removes dot segments
        "https://news.example:080/",  # ...drops leading zeros of a port
        "https://user:pw@news.example/",  # ...turns credentials into a header
        "https://café.example/",  # ...IDNA-encodes the host
    ],
)
def test_plain_path_only_for_urls_requests_sends_unchanged(url: str) -> None:
    prepared = requests.PreparedRequest()
    prepared.prepare(method="GET", url=url)
    path = plain_path(url)
    if path is not None:
        assert (prepared.url, prepared.path_url) == (url, path)
    else:
        assert prepared.url != url or "@" in url


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/x",
        "https://news.example",
        "https://news.example?q=1",
        "https://news.example:0/",
        "https://news.example:/",
        "https://news.example:0443/",
        "https://news.example:99999/",
        "https://u:p@news.example:8080/",
        "https://News.Example/",
        "https://news.example\t/x",
        "http://[::1]:8080/",
        "https://news.example:80@evil.example/",
        "mailto:someone@news.example",
    ],
)
def test_usual_origin_reads_urls_as_urlsplit_does(url: str) -> None:
    parts = urlsplit(url)
    try:
        port = f":{parts.port}" if parts.port else ""
        expected = f"{parts.scheme}://{parts.hostname}{port}".lower()
    except ValueError:
        expected = "a bad port"
    try:
        origin = origin_of(url)
    except ValueError:
        origin = "a bad port"
    assert origin == expected
    assert host_of(url) == (parts.hostname or "").lower()
    usual = usual_origin(url)
    if usual is not None:
        assert usual == (parts.scheme, parts.hostname, parts.port)


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    """The scriptable site over https, with a certificate from a CA made by the test."""
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path_factory.mktemp("tls") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    s = Site()
    s.server.socket = context.wrap_socket(s.server.socket, server_side=True)
    s.base = s.base.replace("http://", "https://")
    thread = threading.Thread(target=s.server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield s, str(ca_file)
    s.stop.set()
    s.server.shutdown()
    s.server.server_close()


def test_untrusted_certificate_is_a_tls_error(tls_site: tuple[Site, str]) -> None:
    site, _ = tls_site
    site.routes["/"] = reply(200, b"<p>ok</p>")
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        error = raises(fetcher, site.url("/"))
    assert (str(error), error.transient) == (
        "TLS error: the server's certificate was refused (unable to get local issuer"
        " certificate); a private CA's certificate goes in REQUESTS_CA_BUNDLE", False)


def test_https_with_a_trusted_ca_bundle_reuses_its_connection(
    tls_site: tuple[Site, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, ca_file = tls_site
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca_file)
    site.routes["/news"] = reply(200, b"<p>news</p>")
    site.connections.clear()
    with Fetcher(SETTINGS) as fetcher:
        for _ in range(3):
            assert fetcher.fetch(site.url("/news")).text == "<p>news</p>"
    assert len(site.connections) == 1  # robots.txt and the three pages


# -- the deadline watchdog ------------------------------------------------------------


class Recorded:
    def __init__(self) -> None:
        self.shut = threading.Event()

    def shutdown(self) -> None:
        self.shut.set()


def test_watchdog_shuts_what_outlives_its_deadline_and_spares_the_rest() -> None:
    watchdog = Watchdog()
    late, early_done, later = Recorded(), Recorded(), Recorded()
    now = time.monotonic()
    watchdog.arm(now + 0.1, late)
    watchdog.disarm(watchdog.arm(now + 0.05, early_done))
    token = watchdog.arm(now + 30, later)
    assert late.shut.wait(2)
    assert not early_done.shut.is_set()
    watchdog.disarm(token)
    watchdog.stop()
    assert not later.shut.is_set()
    assert "fetch-watchdog" not in [t.name for t in threading.enumerate()]


def test_an_earlier_deadline_wakes_the_watchdog() -> None:
    watchdog = Watchdog()
    distant, soon = Recorded(), Recorded()
    now = time.monotonic()
    distant_token = watchdog.arm(now + 60, distant)  # the thread now sleeps for a minute
    watchdog.arm(now + 0.05, soon)
    assert soon.shut.wait(2)
    watchdog.disarm(distant_token)
    watchdog.stop()


def test_bodies_share_one_watchdog_thread_that_close_ends(site: Site) -> None:
    site.routes["/p"] = reply(200, b"<p>ok</p>")
    fetcher = Fetcher(replace(SETTINGS, respect_robots=False))
    results = list(fetcher.fetch_all((n, site.url(f"/p?n={n}"), None) for n in range(12)))
    assert all(not isinstance(r, FetchError) for _, r in results)
    names = [t.name for t in threading.enumerate()]
    assert names.count("fetch-watchdog") == 1
    fetcher.close()
    assert "fetch-watchdog" not in [t.name for t in threading.enumerate()]


@pytest.mark.parametrize(
    ("variables", "looks_per_request"),
    [
        ({}, False),
        ({"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "localhost"}, False),
        ({"HTTPS_PROXY": "http://proxy.invalid:3128"}, True),
    ],
)
def test_only_a_proxy_or_netrc_makes_each_request_consult_the_environment(
    tmp_path, monkeypatch, variables: dict[str, str], looks_per_request: bool
) -> None:
    # NO_PROXY alone bypasses no proxy: it must not cost every request requests'
    # per-request environment lookups (a fifth of a warm cycle's CPU).
    for name in list(os.environ):
        if name.lower().endswith("_proxy") or name.upper() in ("NETRC", "REQUEST_METHOD"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.netrc there
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with Fetcher(SETTINGS) as fetcher:
        assert fetcher._session.trust_env is looks_per_request


# -- our own socket path (scraper.fetch.wire) reads what urllib3 reads ----------------


def raw_reply(head: bytes, *parts: bytes) -> Respond:
    """Bytes no BaseHTTPRequestHandler helper writes: chunked, close-delimited, ..."""

    def respond(h: BaseHTTPRequestHandler) -> None:
        h.wfile.write(head)
        for part in parts:
            h.wfile.write(part)
            h.wfile.flush()
        if b"Connection: close" in head:
            h.close_connection = True

    return respond


def test_a_chunked_body_is_read_whole_and_the_connection_kept(site: Site) -> None:
    page = f"<p>{FRENCH}</p>".encode()
    chunks = b"".join(b"%x;ext=1\r\n%s\r\n" % (len(page[i : i + 7]), page[i : i + 7])
                      for i in range(0, len(page), 7))
    site.routes["/chunked"] = raw_reply(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n", chunks, b"0\r\nX-Trailer: 1\r\n\r\n"
    )
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        assert [fetcher.fetch(site.url("/chunked")).content for _ in range(3)] == [page] * 3
    assert len(site.connections) == 1


def test_a_body_ended_by_closing_the_connection_is_read_to_the_close(site: Site) -> None:
    site.routes["/close"] = raw_reply(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n",
        b"<p>one</p>", b"<p>two</p>",
    )
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        assert fetcher.fetch(site.url("/close")).text == "<p>one</p><p>two</p>"
        assert fetcher.fetch(site.url("/close")).text == "<p>one</p><p>two</p>"


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_deflate_with_or_without_its_zlib_header_is_decoded(site: Site, wbits: int) -> None:
    page = f"<p>{FRENCH}</p>".encode() * 50
    packer = zlib.compressobj(wbits=wbits)
    body = packer.compress(page) + packer.flush()
    site.routes["/d"] = reply(200, body, {"Content-Type": "text/html; charset=utf-8",
                                          "Content-Encoding": "deflate"})
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        assert fetcher.fetch(site.url("/d")).content == page


def test_two_gzip_members_are_both_decoded_and_broken_gzip_is_an_error(site: Site) -> None:
    site.routes["/two"] = reply(200, gzip.compress(b"<p>one</p>") + gzip.compress(b"<p>two</p>"),
                                {"Content-Encoding": "gzip"})
    site.routes["/broken"] = reply(200, b"\x1f\x8b not gzip at all", {"Content-Encoding": "gzip"})
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        assert fetcher.fetch(site.url("/two")).content == b"<p>one</p><p>two</p>"
        error = raises(fetcher, site.url("/broken"))
    assert (str(error), error.transient) == ("body not decodable (broken gzip/deflate)", False)


def test_a_body_cut_short_is_a_broken_connection(site: Site) -> None:
    site.routes["/short"] = raw_reply(
        b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n", b"<p>only this"
    )
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        error = raises(fetcher, site.url("/short"))
    assert (str(error), error.transient) == ("connection broken while reading the body", True)


def test_a_pooled_connection_the_server_closed_is_not_used_again(site: Site) -> None:
    site.routes["/p"] = reply(200, b"<p>ok</p>")
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        assert fetcher.fetch(site.url("/p")).text == "<p>ok</p>"
        [conn] = [c for idle in fetcher._wire._idle.values() for c in idle]
        conn.sock.shutdown(socket.SHUT_RD)  # as if the server had hung up meanwhile
        assert fetcher.fetch(site.url("/p")).text == "<p>ok</p>"
    assert len(site.connections) == 2


def test_a_cookie_set_on_our_socket_path_is_sent_back(site: Site) -> None:
    site.routes["/set"] = reply(200, b"<p>ok</p>", {"Set-Cookie": "consent=yes; Path=/"})
    site.routes["/next"] = reply(200, b"<p>ok</p>")
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        fetcher.fetch(site.url("/set"))
        fetcher.fetch(site.url("/next"))
    assert site.requests[-1][1].get("Cookie") == "consent=yes"


def test_a_fetcher_on_its_own_socket_path_never_imports_requests(tmp_path) -> None:
    """Without a proxy or netrc, our GETs need neither requests nor urllib3: a warm
    cycle (every source a 304) must not pay for importing them."""
    import subprocess

    from scraper.demo.localsite import LocalSite

    with LocalSite() as local:
        local.set("/feed.xml", "<rss><channel><item><title>x</title></item></channel></rss>")
        code = (
            "import sys\nfrom dataclasses import replace\n"
            "from scraper.config.settings import HttpSettings\n"
            "from scraper.fetch.fetcher import Fetcher, Validators\n"
            "with Fetcher(replace(HttpSettings(), per_host_delay=0.0)) as fetcher:\n"
            f"    first = fetcher.fetch({local.url('/feed.xml')!r})\n"
            f"    again = fetcher.fetch({local.url('/feed.xml')!r},"
            " Validators(first.etag, first.last_modified))\n"
            "loaded = [m for m in ('requests', 'urllib3', 'http.client') if m in sys.modules]\n"
            "print(first.status, again.status, loaded)\n"
        )
        env = {k: v for k, v in os.environ.items()
               if not k.lower().endswith("_proxy") and k not in ("NETRC", "REQUEST_METHOD")}
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=60, cwd=tmp_path, env={**env, "HOME": str(tmp_path)})
    assert run.stdout.strip() == "200 304 []", run.stderr


RACE = """
import sys, threading
from concurrent.futures import ThreadPoolExecutor
from scraper.fetch.fetcher import Fetcher, FetchError
from scraper.models import HttpSettings

base, keyed = sys.argv[1], sys.argv[2]
fetcher = Fetcher(HttpSettings(timeout=5, per_host_delay=0, respect_robots=False,
                               concurrency=32))
urls = [f"{base}/moved?n={i}" for i in range(16)] + [f"{keyed}/page?n={i}" for i in range(16)]
start = threading.Barrier(len(urls))

def one(url):
    start.wait()
    try:
        fetcher.fetch(url)
    except FetchError:
        pass
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"

with ThreadPoolExecutor(len(urls)) as pool:
    bugs = [r for r in pool.map(one, urls) if r]
print(len(bugs), bugs[:1])
"""


def test_the_first_fetches_of_a_process_import_requests_one_at_a_time(tmp_path):
    # requests is imported on the first fetch that needs it, in the fetch threads. One
    # thread importing requests.utils (a redirect) while another imported requests (a URL
    # with a user name) took Python's per-module import locks in opposite orders, and
    # Python broke the deadlock by handing one a half-made module: those sources failed as
    # 'internal error (ImportError)', and `requests` could stay without `.exceptions` for
    # the life of the daemon. A race: each run is a fresh process, several runs.
    from scraper.demo.localsite import LocalSite, Page

    script = tmp_path / "race.py"
    script.write_text(RACE)
    with LocalSite() as site:
        site.pages["/moved"] = Page(b"", status=302, headers=(("Location", "/page"),))
        site.pages["/page"] = Page(b"<html><body><p>Nothing yet.</p></body></html>")
        keyed = site.url("").replace("http://", "http://user:pass@")
        for _ in range(6):
            done = subprocess.run(
                [sys.executable, str(script), site.url(""), keyed], capture_output=True,
                text=True, timeout=60, cwd=Path(__file__).resolve().parent.parent,
            )
            assert done.returncode == 0, done.stderr
            assert done.stdout.startswith("0 "), done.stdout


def test_https_to_a_plain_http_server_says_so_in_one_line(site: Site) -> None:
    # The usual slip: https:// to a server that speaks plain HTTP on that port.
    site.routes["/"] = reply(200, b"<p>ok</p>")
    with Fetcher(replace(SETTINGS, respect_robots=False)) as fetcher:
        error = raises(fetcher, site.url("/").replace("http://", "https://"))
    assert str(error) == (
        "TLS error: the server does not speak TLS on this port (is the URL http://?)")
    assert "\n" not in str(error) and not error.transient


def test_refused_and_unresolvable_hosts_are_one_line_each(fetcher: Fetcher, monkeypatch) -> None:
    import socket as socket_module

    with socket_module.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert str(raises(fetcher, f"http://127.0.0.1:{port}/")) == (
        "connection failed: connection refused")

    def no_such_host(*args, **kwargs):  # a real lookup would leave 127.0.0.1
        raise socket_module.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket_module, "getaddrinfo", no_such_host)
    assert str(raises(fetcher, "http://news.example/")) == (
        "connection failed: host name not found")
