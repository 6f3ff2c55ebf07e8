"""A small HTTP site on 127.0.0.1 serving documents from memory.

Used by `releasewatch demo` (a scripted news story) and by the tests: it answers
conditional requests with 304 like a real news site, and records every request
so a test can tell which were conditional.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog of 5 drops connects when a cycle opens
    # http.concurrency (16) connections at once on a busy machine.
    request_queue_size = 64


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0  # seconds to stall before answering (a slow server), at most 30


@dataclass(frozen=True)
class SeenRequest:
    path: str
    if_none_match: str | None
    if_modified_since: str | None
    status: int
    headers: dict[str, str]
    client_port: int = 0  # one port per TCP connection: shows whether connections are reused

    @property
    def conditional(self) -> bool:
        return bool(self.if_none_match or self.if_modified_since)


class LocalSite:
    """`site.pages["/feed.xml"] = Page(...)`; start(); site.url("/feed.xml"); stop()."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.requests: list[SeenRequest] = []
        self.on_post = None  # callable(path, headers, body) -> (status, headers, body)
        self.conditional = True  # False: a server that ignores If-None-Match, always 200
        self._lock = threading.Lock()
        self._modified: dict[str, tuple[bytes, str]] = {}
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> LocalSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def set(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8"):
        data = body.encode() if isinstance(body, str) else body
        with self._lock:
            self.pages[path] = Page(data, content_type)

    def take_requests(self) -> list[SeenRequest]:
        with self._lock:
            taken, self.requests = self.requests, []
        return taken

    def _last_modified(self, path: str, body: bytes) -> str:
        # A stable Last-Modified per body, as a real server's file mtime would be.
        with self._lock:
            known = self._modified.get(path)
            if known is None or known[0] != body:
                known = (body, formatdate(usegmt=True))
                self._modified[path] = known
            return known[1]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test and demo output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                path = self.path.split("?", 1)[0]
                page = site.pages.get(self.path) or site.pages.get(path)
                inm = self.headers.get("If-None-Match")
                ims = self.headers.get("If-Modified-Since")
                if page is not None and page.delay:
                    time.sleep(min(page.delay, 30.0))
                if page is None:
                    status, body, headers = 404, b"not found", [("Content-Type", "text/plain")]
                else:
                    etag = '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"'
                    modified = site._last_modified(path, page.body)
                    headers = [("ETag", etag), ("Last-Modified", modified), *page.headers]
                    fresh = inm == etag or (not inm and ims == modified)
                    if site.conditional and page.status == 200 and fresh:
                        status, body = 304, b""
                    else:
                        status, body = page.status, page.body
                        headers.append(("Content-Type", page.content_type))
                self._answer(path, status, headers, body, inm, ims)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                path = self.path
                if site.on_post is None:
                    status, headers, answer = 404, [], b"no receiver"
                else:
                    status, headers, answer = site.on_post(path, dict(self.headers), body)
                self._answer(path, status, list(headers), answer, None, None)

            def _answer(self, path, status, headers, body, inm, ims) -> None:
                with site._lock:
                    site.requests.append(
                        SeenRequest(
                            path, inm, ims, status, dict(self.headers), self.client_address[1]
                        )
                    )
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body and self.command != "HEAD":
                    self.wfile.write(body)

        return Handler
