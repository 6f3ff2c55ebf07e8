"""A deterministic news site on 127.0.0.1 for the cycle benchmark (bench/cycle.py).

Generates N sources from a seed: even numbers are RSS 2.0 feeds (~24 KB, 20 items
with guid/link/pubDate/description), odd numbers are article pages (60-115 KB:
a mega-menu of hundreds of links, related/trending sidebars about other titles,
inline scripts with a big JSON state blob, then the article). About a tenth of
the documents mention the watched title, Heartstopper Season 2, in a realistic
mix: a date announcement, a trailer with a YouTube link, speculation, a denial,
another season. The rest are other news.

The server answers conditional GETs with 304 (ETag and Last-Modified), serves
/robots.txt, can add a per-request latency, and `advance(fraction)` (or
GET /_control/advance?fraction=0.1) changes a chosen fraction of the sources:
a changed feed gets a new item on top, a changed page an edited paragraph.

It is an asyncio server in one thread rather than http.server's
ThreadingHTTPServer: bodies are pre-rendered with their headers, so a request
costs a dict lookup and one write, and a latency is an `asyncio.sleep` that holds
no thread. The benchmark's client shares this machine's two cores with it, so the
server must cost as little CPU as possible.

Standalone, for poking at it by hand (loopback only, stops after --max-seconds):

    .venv/bin/python bench/fixture.py --sources 20 --port 8765
    curl -s http://127.0.0.1:8765/ | head            # the index of sources
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import random
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate
from urllib.parse import parse_qs, urlsplit

SEED = 2023
WATCH_TITLE = "Heartstopper"
WATCH_SEASON = 2
MENTION_SHARE = 0.10  # share of documents (feed items and pages) about the watched title
FEED_ITEMS = 20
# Last-Modified of generation g: a fixed day plus g hours, so runs are reproducible.
EPOCH = 1_680_307_200  # 2023-04-01T00:00:00Z
MAX_LATENCY_S = 5.0
MAX_REQUEST_BYTES = 16 * 1024

OTHER_TITLES = [
    "Stranger Things Season 5",
    "The Bear Season 3",
    "Wednesday Season 2",
    "Squid Game Season 2",
    "The Last of Us Season 2",
    "Bridgerton Season 4",
    "Severance Season 2",
    "House of the Dragon Season 2",
    "Andor Season 2",
    "The Boys Season 4",
    "Slow Horses Season 4",
    "Only Murders in the Building Season 4",
    "Shrinking Season 2",
    "Ted Lasso Season 4",
    "The White Lotus Season 3",
    "Abbott Elementary Season 4",
    "Yellowjackets Season 3",
    "Euphoria Season 3",
    "The Witcher Season 4",
    "One Piece Season 2",
    "Dune: Prophecy",
    "Sex Education",
    "Young Royals Season 3",
    "Never Have I Ever",
    "Top Boy",
    "Ginny & Georgia Season 3",
    "Outer Banks Season 4",
    "Emily in Paris Season 4",
    "Cobra Kai Season 6",
    "The Crown Season 6",
    "Loki Season 2",
    "Fallout",
    "3 Body Problem",
    "Shogun",
]
SECTIONS = [
    "TV",
    "Film",
    "Streaming",
    "Netflix",
    "Prime Video",
    "Disney+",
    "Apple TV+",
    "HBO",
    "Reviews",
    "Trailers",
    "Release Dates",
    "Interviews",
    "Features",
    "Awards",
    "Music",
    "Games",
    "Books",
    "Comics",
    "Anime",
    "Documentaries",
    "Kids",
    "Reality",
    "Podcasts",
]
_WORD_TEXT = (
    "the a series streaming platform cast episode showrunner audiences critics finale "
    "premiere production filming studio writers viewers weekend chart ratings network "
    "spin-off reboot adaptation novel script director producer scene character plot "
    "twist cliffhanger fans reaction interview festival award nomination budget "
    "schedule renewal cancellation soundtrack score location costume drama comedy "
    "thriller fantasy documentary anthology limited miniseries binge release week "
    "month year announced reported confirmed revealed shared posted according sources "
    "said told told us new latest upcoming returning original first second third final"
)
WORDS = _WORD_TEXT.split()
VIDEO_IDS = ["x9l9bLkP5Iw", "hnqS6P8uD0c", "Jd4oYw1QJxU"]

# The news about a watched title: (kind, headline, sentences), with {name} (the
# title) and {title} (the title and season) to fill in. Mostly what the daemon must
# recognise or reject; only a few are alert-worthy facts.
MENTION_TEMPLATES = [
    (
        "date",
        "{title} gets a release date",
        [
            "Netflix confirmed on Thursday that {title} arrives on 3 August 2023.",
            "All eight episodes of the second season will drop at once, the streamer said.",
        ],
    ),
    (
        "trailer",
        "Watch the {title} trailer",
        [
            "Netflix has released the official trailer for {title}.",
            "Watch the two-minute trailer below.",
        ],
    ),
    (
        "speculation",
        "When could {title} come out?",
        [
            "We hope to see {title} in late summer, but nothing is confirmed.",
            "Fans expect the new season some time next year.",
        ],
    ),
    (
        "denial",
        "{title}: what we know so far",
        [
            "A release date for {title} has yet to be announced by Netflix.",
            "Filming wrapped in the spring, according to the cast.",
        ],
    ),
    (
        "other_season",
        "{name} Season 3 is already in the works",
        [
            "{name} Season 3 was renewed this week; Season 2 is still to come.",
            "No date has been given for the third season.",
        ],
    ),
]


def _mentions(name: str, season: int) -> list[tuple[str, str, list[str]]]:
    values = {"name": name, "title": f"{name} Season {season}"}
    return [
        (kind, headline.format(**values), [s.format(**values) for s in sentences])
        for kind, headline, sentences in MENTION_TEMPLATES
    ]


MENTIONS = _mentions(WATCH_TITLE, WATCH_SEASON)


@dataclass(frozen=True)
class Theme:
    """What the site is about: the watches (title, season), the share of documents about
    each, the other shows its pages name, and whether weekdays appear as dates."""

    name: str
    watches: tuple[tuple[str, int], ...]
    shares: tuple[float, ...]
    other_titles: tuple[str, ...]
    weekdays: bool = False


# The site issue 8's numbers were measured on: the watched title is a rare word.
DEFAULT = Theme("default", ((WATCH_TITLE, WATCH_SEASON),), (MENTION_SHARE,), tuple(OTHER_TITLES))
# Issue 18's: the watched title's words are other shows' words too ("Savage Kingdom",
# "Empire Records", in menus, sidebars and sentences), and a second watch is a weekday,
# "Wednesday", which the site also writes as a date ("on Wednesday", bylines).
SHARED = Theme(
    "shared",
    (("Savage Empire", 2), ("Wednesday", 2)),
    (0.06, 0.04),
    tuple(t for t in OTHER_TITLES if not t.startswith("Wednesday"))
    + (
        "Savage Kingdom Season 3",
        "Empire Records",
        "Boardwalk Empire",
        "The Savage Season",
        "Empire of the Ants",
        "Savage Beauty",
        "Galactic Empire",
        "Savage Garden: The Reunion",
        "Empire Season 7",
        "Savage Lands",
    ),
    weekdays=True,
)
THEMES = {theme.name: theme for theme in (DEFAULT, SHARED)}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July")


@dataclass(frozen=True)
class Source:
    """One generated source: `kind` is "feed" or "page" (the config's source type)."""

    n: int
    kind: str
    path: str
    title: str

    @property
    def name(self) -> str:
        return f"{self.kind} {self.n:05d}"


@dataclass(frozen=True)
class Rendered:
    """A pre-rendered answer: the full 200 response, the 304 response, and validators."""

    etag: str
    last_modified: str
    ok: bytes  # headers + body
    not_modified: bytes
    size: int


class NewsSite:
    """The generated documents of N sources at the current generation, and their server.

    Rendering is deterministic in (seed, n, generation of each source): the same
    arguments give byte-identical bodies, so ETags repeat across runs.
    """

    def __init__(
        self, sources: int, *, seed: int = SEED, latency_ms: float = 0.0, theme: Theme = DEFAULT
    ):
        if sources < 1:
            raise ValueError("sources must be at least 1")
        self.seed = seed
        self.latency = min(max(latency_ms, 0.0) / 1000.0, MAX_LATENCY_S)
        self.sources = [
            Source(n, kind, f"/{kind}s/{n}.{'xml' if kind == 'feed' else 'html'}", f"src{n}")
            for n in range(sources)
            for kind in ["feed" if n % 2 == 0 else "page"]
        ]
        self.generation = 0
        self._revisions = [0] * sources  # how many times each source has changed
        self.theme = theme
        self._pools = _Pools(seed, theme)
        self._documents: dict[str, Rendered] = {}
        self.requests = 0
        self.not_modified = 0
        self._lock = threading.Lock()
        self._render_all()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # -- content -------------------------------------------------------------

    def reset(self) -> None:
        """Back to generation 0 (every source as first generated)."""
        with self._lock:
            self.generation = 0
            self._revisions = [0] * len(self.sources)
        self._render_all()

    def advance(self, fraction: float) -> list[int]:
        """Change `fraction` of the sources (a deterministic choice per generation);
        returns the numbers of the changed sources."""
        fraction = min(max(fraction, 0.0), 1.0)
        with self._lock:
            self.generation += 1
            rng = random.Random(f"{self.seed}-advance-{self.generation}")
            count = round(len(self.sources) * fraction)
            changed = sorted(rng.sample(range(len(self.sources)), count))
            for n in changed:
                self._revisions[n] += 1
        for n in changed:
            self._render(self.sources[n])
        return changed

    def mentions(self) -> tuple[int, int]:
        """(documents mentioning the watched title, all documents) at generation 0;
        a feed counts its items, a page counts one."""
        hits = total = 0
        for source in self.sources:
            count = FEED_ITEMS if source.kind == "feed" else 1
            total += count
            hits += sum(1 for i in range(count) if self._pools.mention_for(source.n, i) is not None)
        return hits, total

    def body(self, path: str) -> bytes:
        rendered = self._documents[path]
        return rendered.ok.split(b"\r\n\r\n", 1)[1]

    def _render_all(self) -> None:
        for source in self.sources:
            self._render(source)
        self._set(
            "/robots.txt",
            b"User-agent: *\nDisallow: /private/\n",
            "text/plain; charset=utf-8",
            0,
        )
        index = "".join(f'<li><a href="{s.path}">{s.name}</a></li>\n' for s in self.sources)
        self._set("/", f"<html><body><ul>\n{index}</ul></body></html>".encode(), _HTML, 0)

    def _render(self, source: Source) -> None:
        revision = self._revisions[source.n]
        if source.kind == "feed":
            body = self._pools.feed(source.n, revision)
            self._set(source.path, body, "application/rss+xml; charset=utf-8", revision)
        else:
            body = self._pools.page(source.n, revision)
            self._set(source.path, body, _HTML, revision)

    def _set(self, path: str, body: bytes, content_type: str, revision: int) -> None:
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        modified = formatdate(EPOCH + revision * 3600, usegmt=True)
        common = f"ETag: {etag}\r\nLast-Modified: {modified}\r\n"
        ok = (
            f"HTTP/1.1 200 OK\r\n{common}Content-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        not_modified = f"HTTP/1.1 304 Not Modified\r\n{common}\r\n".encode()
        self._documents[path] = Rendered(etag, modified, ok, not_modified, len(body))

    # -- server --------------------------------------------------------------

    def start(self, port: int = 0) -> NewsSite:
        """Serve on 127.0.0.1 (port 0: any free one) from a daemon thread."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def serve() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                self._server = loop.run_until_complete(
                    loop.create_server(lambda: _Connection(self), "127.0.0.1", port, backlog=512)
                )
                self.port = self._server.sockets[0].getsockname()[1]
            except OSError as exc:
                failure.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.close()

        self._thread = threading.Thread(target=serve, name="fixture-server", daemon=True)
        self._thread.start()
        if not ready.wait(10.0):
            raise RuntimeError("fixture server did not start within 10 s")
        if failure:
            raise failure[0]
        return self

    def stop(self) -> None:
        loop, server = self._loop, self._server
        if loop is None or server is None:
            return

        async def shutdown() -> None:
            server.close()
            await asyncio.wait_for(server.wait_closed(), 5.0)

        # wait_closed may wait for open keep-alive connections: bounded, then the loop stops.
        future = asyncio.run_coroutine_threadsafe(shutdown(), loop)
        with contextlib.suppress(Exception):  # stopping anyway
            future.result(6.0)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(5.0)
        self._loop = self._server = None

    def __enter__(self) -> NewsSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, method: bytes, target: bytes, headers: dict[bytes, bytes]) -> bytes:
        """The complete response bytes for one request (no latency applied here)."""
        path = target.split(b"?", 1)[0].decode("latin-1")
        if path == "/_control/advance":
            query = parse_qs(urlsplit(target.decode("latin-1")).query)
            changed = self.advance(float(query.get("fraction", ["0.1"])[0]))
            return _plain(200, json.dumps({"generation": self.generation, "changed": changed}))
        rendered = self._documents.get(path)
        self.requests += 1
        if rendered is None:
            return _plain(404, "not found")
        inm = headers.get(b"if-none-match")
        ims = headers.get(b"if-modified-since")
        fresh = (inm is not None and inm.decode("latin-1") == rendered.etag) or (
            inm is None and ims is not None and ims.decode("latin-1") == rendered.last_modified
        )
        if fresh:
            self.not_modified += 1
            return rendered.not_modified
        if method == b"HEAD":
            return rendered.ok.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
        return rendered.ok


_HTML = "text/html; charset=utf-8"


def _plain(status: int, text: str) -> bytes:
    body = text.encode()
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}
    return (
        f"HTTP/1.1 {status} {reason.get(status, 'Error')}\r\nContent-Type: text/plain\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


class _Connection(asyncio.Protocol):
    """One keep-alive HTTP/1.1 connection: GET/HEAD without bodies, answered in order."""

    def __init__(self, site: NewsSite):
        self.site = site
        self.buffer = b""
        self.transport: asyncio.Transport | None = None
        self.queue: asyncio.Queue[tuple[bytes, bytes, dict[bytes, bytes]] | None] | None = None
        self.worker: asyncio.Task | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        if self.site.latency:
            self.queue = asyncio.Queue()
            self.worker = asyncio.get_running_loop().create_task(self._answer_late())

    def connection_lost(self, exc: Exception | None) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > MAX_REQUEST_BYTES:
            self._send(_plain(400, "request too large"), close=True)
            return
        while b"\r\n\r\n" in self.buffer:
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            lines = head.split(b"\r\n")
            parts = lines[0].split()
            if len(parts) != 3:
                self._send(_plain(400, "bad request line"), close=True)
                return
            method, target, _ = parts
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                headers[name.strip().lower()] = value.strip()
            if method not in (b"GET", b"HEAD"):
                self._send(_plain(405, "GET only"), close=True)
                return
            close = headers.get(b"connection", b"").lower() == b"close"
            if self.queue is not None:
                self.queue.put_nowait((method, target, headers))
                if close:
                    self.queue.put_nowait(None)
                    return
            else:
                self._send(self.site.answer(method, target, headers), close=close)
                if close:
                    return

    async def _answer_late(self) -> None:
        assert self.queue is not None
        while True:
            item = await self.queue.get()
            if item is None:
                self._send(b"", close=True)
                return
            await asyncio.sleep(self.site.latency)
            self._send(self.site.answer(*item), close=False)

    def _send(self, data: bytes, *, close: bool) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        if data:
            self.transport.write(data)
        if close:
            self.transport.close()


class _Pools:
    """Pre-generated building blocks: rendering a 100 KB page joins a few hundred of
    them instead of drawing thousands of random words, so 5,000 sources render in
    seconds."""

    def __init__(self, seed: int, theme: Theme = DEFAULT):
        self.seed = seed
        self.theme = theme
        self.mentions = [_mentions(name, season) for name, season in theme.watches]
        rng = random.Random(f"{seed}-pools")
        self.sentences = [self._sentence(rng) for _ in range(600)]
        self.headlines = [self._headline(rng) for _ in range(400)]
        links = []
        for section in SECTIONS:
            slug = section.lower().replace("+", "plus").replace(" ", "-")
            links.append(f'<li class="menu-head"><a href="/{slug}/">{section}</a><ul>')
            for k in range(rng.randint(10, 18)):
                label = rng.choice(theme.other_titles)
                links.append(
                    f'<li><a href="/{slug}/{k}-{label.lower().replace(" ", "-")}" '
                    f'class="menu-link">{label}</a></li>'
                )
            links.append("</ul></li>")
        self.menu_items = links
        self.json_items = [
            json.dumps(
                {
                    "id": rng.randrange(10**8),
                    "slug": "-".join(rng.choices(WORDS, k=6)),
                    "title": self.headlines[i],
                    "image": f"https://img.example.invalid/{rng.randrange(10**9):x}.jpg",
                    "tags": rng.sample(SECTIONS, 3),
                    "summary": self.sentences[i],
                },
                separators=(",", ":"),
            )
            for i in range(300)
        ]

    def _sentence(self, rng: random.Random) -> str:
        words = rng.choices(WORDS, k=rng.randint(12, 26))
        words.insert(rng.randrange(len(words)), rng.choice(self.theme.other_titles))
        if self.theme.weekdays and rng.random() < 0.3:
            # A weekday as news writes dates: "on Wednesday", "last Friday", "Monday, 3 April".
            day = rng.choice(WEEKDAYS)
            phrase = rng.choice(
                [f"on {day}", f"last {day}", f"this {day}", f"{day}, {rng.randint(1, 28)} April"]
            )
            words.insert(rng.randrange(len(words)), phrase)
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def _headline(self, rng: random.Random) -> str:
        title = rng.choice(self.theme.other_titles)
        tail = " ".join(rng.choices(WORDS, k=rng.randint(4, 8)))
        return f"{title}: {tail}"

    def mention_for(self, n: int, item: int) -> tuple[str, str, list[str], str, str] | None:
        """(kind, headline, sentences, YouTube id of a trailer or "", the watch's "Title
        Season N") of document (n, item) when it is news about a watched title, else None."""
        rng = random.Random(f"{self.seed}-mention-{n}-{item}")
        draw, edge = rng.random(), 0.0
        for (name, season), share, mentions in zip(
            self.theme.watches, self.theme.shares, self.mentions, strict=True
        ):
            edge += share
            if draw < edge:
                kind, headline, sentences = rng.choice(mentions)
                video = rng.choice(VIDEO_IDS) if kind == "trailer" else ""
                return kind, headline, sentences, video, f"{name} Season {season}"
        return None

    def _paragraphs(self, rng: random.Random, count: int) -> list[str]:
        return [" ".join(rng.sample(self.sentences, rng.randint(2, 5))) for _ in range(count)]

    # -- feeds ---------------------------------------------------------------

    def feed(self, n: int, revision: int) -> bytes:
        """RSS 2.0 with 20 items; each revision puts one new item on top."""
        items = [
            self._item(n, serial) for serial in range(revision + FEED_ITEMS - 1, revision - 1, -1)
        ]
        channel = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
            f"<title>Screen News {n}</title>\n<link>https://news{n}.example.invalid/</link>\n"
            f"<description>Television and film news, feed {n}</description>\n"
            "<language>en-gb</language>\n"
            f"<lastBuildDate>{formatdate(EPOCH + revision * 3600, usegmt=True)}</lastBuildDate>\n"
            + "".join(items)
            + "</channel>\n</rss>\n"
        )
        return channel.encode()

    def _item(self, n: int, serial: int) -> str:
        rng = random.Random(f"{self.seed}-item-{n}-{serial}")
        link = f"https://news{n}.example.invalid/story/{serial}"
        mention = self.mention_for(n, serial)
        video = ""
        if mention is None:
            title = rng.choice(self.headlines)
            text = " ".join(rng.sample(self.sentences, rng.randint(3, 6)))
        else:
            _, title, sentences, video, watched = mention
            text = " ".join(sentences + rng.sample(self.sentences, rng.randint(2, 5)))
        html = f"<p>{_esc(text)}</p>"
        if video:
            # As news feeds carry it: a link to the video inside the item's HTML.
            html += (
                f'<p><a href="https://www.youtube.com/watch?v={video}">'
                f"{watched} | Official Trailer</a></p>"
            )
        html = _esc(html)
        published = formatdate(EPOCH - 86400 * 30 + serial * 3600, usegmt=True)
        return (
            f"<item>\n<title>{_esc(title)}</title>\n<link>{link}</link>\n"
            f'<guid isPermaLink="true">{link}</guid>\n<pubDate>{published}</pubDate>\n'
            f"<dc:creator>Staff writer {rng.randint(1, 40)}</dc:creator>\n"
            f"<category>{rng.choice(SECTIONS)}</category>\n"
            f"<description>{html}</description>\n</item>\n"
        )

    # -- pages ---------------------------------------------------------------

    def page(self, n: int, revision: int) -> bytes:
        """An article page of 60-115 KB; each revision edits one paragraph of it."""
        rng = random.Random(f"{self.seed}-page-{n}")
        target = rng.randint(60_000, 115_000)
        mention = self.mention_for(n, 0)
        video = watched = ""
        paragraphs = self._paragraphs(rng, rng.randint(8, 16))
        if mention is None:
            headline = rng.choice(self.headlines)
        else:
            _, headline, sentences, video, watched = mention
            paragraphs[0] = " ".join(sentences)
            paragraphs[1] = paragraphs[1] + " " + sentences[0]
        for edit in range(1, revision + 1):
            erng = random.Random(f"{self.seed}-edit-{n}-{edit}")
            where = erng.randrange(1 if mention is None else 2, len(paragraphs))
            paragraphs[where] = f"Update {edit}: " + " ".join(erng.sample(self.sentences, 3))
        menu = self.menu_items
        sidebar = "".join(
            f'<li class="related"><a href="/story/{rng.randrange(10**6)}">{_esc(h)}</a></li>'
            for h in rng.sample(self.headlines, 30)
        )
        trending = "".join(
            f'<li class="trending"><span class="rank">{k + 1}</span>'
            f'<a href="/story/{rng.randrange(10**6)}">{_esc(h)}</a></li>'
            for k, h in enumerate(rng.sample(self.headlines, 15))
        )
        article = "".join(f"<p>{_esc(p)}</p>\n" for p in paragraphs)
        if video:
            # The embedded player a news page puts under its first paragraph.
            embed = (
                f'<figure class="video"><iframe src="https://www.youtube.com/embed/{video}" '
                f'title="{watched} | Official Trailer | Netflix" '
                "allowfullscreen></iframe></figure>\n"
            )
            first = article.index("</p>\n") + 5
            article = article[:first] + embed + article[first:]
        published = formatdate(EPOCH - 86400 * rng.randint(1, 60), usegmt=True)
        byline = published
        if self.theme.weekdays:  # as a byline writes it: "Wednesday 8 March 2023"
            day = time.gmtime(EPOCH - 86400 * rng.randint(1, 60))
            byline = f"{WEEKDAYS[day.tm_wday]} {day.tm_mday} {MONTHS[day.tm_mon - 1]} 2023"
        head = (
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
            f"<title>{_esc(headline)} | Screen News {n}</title>\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta property="og:title" content="{_esc(headline)}">\n'
            f'<meta property="article:published_time" content="{published}">\n'
            "<script>(function(w,d){w.dataLayer=w.dataLayer||[];w.dataLayer.push({"
            "'event':'pageview','section':'tv'});var s=d.createElement('script');"
            "s.async=true;s.src='https://tags.example.invalid/gtm.js';"
            "d.head.appendChild(s);})(window,document);</script>\n"
            "<style>.menu-link{color:#222}.related a{font-weight:600}</style>\n</head>\n"
            '<body><header class="site-header"><nav class="mega-menu"><ul>\n'
            + "\n".join(menu)
            + "\n</ul></nav></header>\n"
            '<div class="layout"><aside class="sidebar related-stories"><h3>Related</h3><ul>'
            + sidebar
            + "</ul></aside>\n<main>\n"
            f'<article class="story"><h1>{_esc(headline)}</h1>\n'
            f'<p class="byline">By Staff writer {rng.randint(1, 40)}, {byline}</p>\n'
            + article
            + "</article>\n</main>\n"
            '<aside class="sidebar trending"><h3>Trending</h3><ol>'
            + trending
            + "</ol></aside></div>\n"
        )
        tail = (
            '<footer class="site-footer"><p>&copy; 2023 Screen News</p></footer>\n</body></html>\n'
        )
        # The inline JSON state (as a news site's JS framework ships it) fills the
        # page up to its target size.
        room = max(target - len(head.encode()) - len(tail) - 80, 2_000)
        blob: list[str] = []
        used = 0
        start = rng.randrange(len(self.json_items))
        k = 0
        while used < room and k < 10_000:
            item = self.json_items[(start + k) % len(self.json_items)]
            blob.append(item)
            used += len(item) + 1
            k += 1
        script = (
            '<script id="__NEXT_DATA__" type="application/json">{"props":{"stories":['
            + ",".join(blob)
            + "]}}</script>\n"
        )
        return (head + script + tail).encode()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main() -> int:
    parser = argparse.ArgumentParser(description="Serve the benchmark's news site on 127.0.0.1.")
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--fixture", choices=sorted(THEMES), default="default")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop by then")
    args = parser.parse_args()
    started = time.perf_counter()
    site = NewsSite(
        args.sources, seed=args.seed, latency_ms=args.latency_ms, theme=THEMES[args.fixture]
    )
    rendered = time.perf_counter() - started
    hits, total = site.mentions()
    site.start(args.port)
    try:
        print(
            f"{args.sources} sources rendered in {rendered:.1f}s; {hits}/{total} documents "
            f"mention a watched title; serving {site.url('/')} for {args.max_seconds:g}s "
            f"(advance: {site.url('/_control/advance?fraction=0.1')})",
            flush=True,
        )
        time.sleep(max(args.max_seconds, 0.0))
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
