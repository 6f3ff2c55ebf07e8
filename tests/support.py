"""Plain test helpers shared by several test files: sample pages, a recording notifier,
a sample alert. Fixtures that use them live in conftest.py.

Imported as `from support import ...`: pytest puts tests/ on sys.path (rootdir, prepend
import mode), both for the whole suite and for a single file.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from typing import ClassVar

from notifiers.base import Notifier
from scraper.config.settings import HttpSettings
from scraper.models import ANNOUNCED, Alert, Watch

# -- news pages for a local site --------------------------------------------------------

ANNOUNCEMENT = """<!doctype html><html><head>
<meta charset="utf-8">
<meta property="article:published_time" content="2023-04-20T10:00:00Z">
<title>Heartstopper season 2 gets a release date</title></head>
<body><article><h1>Heartstopper Season 2 gets a release date</h1>
<p>Netflix confirmed today that Heartstopper Season 2 arrives on 3 August 2023.</p>
</article></body></html>"""

NOTHING_YET = """<!doctype html><html><head><meta charset="utf-8">
<meta property="article:published_time" content="2023-03-01T10:00:00Z">
<title>Heartstopper season 2: what we know</title></head>
<body><article><h1>Heartstopper Season 2: what we know</h1>
<p>Netflix has not announced a release date for Heartstopper Season 2 yet.</p>
</article></body></html>"""


# -- notifiers and alerts ---------------------------------------------------------------


class RecordingNotifier(Notifier):
    """Keeps every alert it is sent, in memory, for the test to read.

    Registered (and `received` emptied) by the `recording` fixture in conftest.py.
    """

    type_name = "recording"
    settings: ClassVar = {}
    received: ClassVar[list] = []

    def send(self, alert) -> None:
        RecordingNotifier.received.append(alert)


NETFLIX = "https://www.netflix.com/tudum/heartstopper"
VARIETY = "https://variety.example/hs2"


# Small HTTP limits, so every fetch failure mode shows in well under a second.
FAST_HTTP = HttpSettings(
    user_agent="releasewatch-test/1.0",
    timeout=0.5,
    max_bytes=100_000,
    concurrency=4,
    per_host_delay=0.0,
    respect_robots=True,
)


def make_alert(**changes) -> Alert:
    """A sample Heartstopper Season 2 announcement; keyword arguments replace its fields."""
    fields = dict(
        id="alert-0001",
        event=ANNOUNCED,
        watch_title="Heartstopper",
        watch_season=2,
        value={"date": "2023-08-03", "precision": "day"},
        previous=None,
        evidence="Netflix confirmed that Heartstopper Season 2 arrives on 3 August 2023.",
        source=NETFLIX,
        sources=(NETFLIX, VARIETY),
        detected_at=datetime(2023, 4, 20, 10, 0, tzinfo=UTC),
    )
    fields.update(changes)
    return Alert(**fields)


@contextmanager
def dripping_server(first_line: bytes, then: bytes, every: float = 0.2) -> Iterator[int]:
    """A TCP server that answers each connection with `first_line` and then `then`
    forever, one byte every `every` seconds: no single read ever times out."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(0.1)
            try:
                for byte in first_line:
                    if stop.is_set():
                        return
                    conn.sendall(bytes([byte]))
                    _drain(conn)
                    time.sleep(every)
                while not stop.is_set():
                    for byte in then:
                        conn.sendall(bytes([byte]))
                        _drain(conn)
                        if stop.wait(every):
                            return
            except OSError:
                return

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def _drain(conn: socket.socket) -> None:
    with suppress(TimeoutError, BlockingIOError):
        conn.recv(65536)


def news_page(body: str, published: str | None = "2024-03-05", title: str = "TV news") -> str:
    """An article page around `body`: a headline, and the publish date in its metadata
    (none with `published=None`)."""
    meta = (
        f'<meta property="article:published_time" content="{published}T09:00:00Z">'
        if published
        else ""
    )
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
        f"{body}</article></body></html>"
    )


def first_release(
    body: str,
    watch: Watch,
    url: str = "https://tv.example/news/story",
    published: str | None = "2024-03-05",
    title: str = "TV news",
) -> tuple[str, str] | None:
    """(date, precision) of the release date the extractor reports for `watch` in a news
    page around `body`, or None."""
    from scraper.extract import extract
    from scraper.parse.documents import parse_documents

    doc = parse_documents(news_page(body, published, title), url)[0]
    dates = [(f.date, f.precision) for f in extract(doc, watch) if f.kind == "release_date"]
    return dates[0] if dates else None
