"""robots.txt: fetched once per scheme+host, cached with a TTL, read with protego.

protego reads rules as RFC 9309 and the big crawlers do: the longest matching
rule wins (Allow on a tie), `*` matches any characters and `$` anchors the end.
urllib.robotparser, used before, took the first matching rule and read `*` and
`$` as plain characters, so it fetched pages a site disallows ("Disallow:
/*?print=") and refused pages it allows ("Allow: /news/" after "Disallow: /").
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from scraper.fetch.hosts import usual_origin

log = logging.getLogger(__name__)

# The daemon keeps one Fetcher for days: re-read a site's rules now and then.
ROBOTS_TTL = 3600.0
# After a 5xx or an unreachable robots.txt, ask again sooner than the TTL.
ROBOTS_RETRY_TTL = 600.0


class RobotsUnreachable(Exception):
    """robots.txt could not be read: a 5xx, a 429, a timeout, a connection error."""


# (robots.txt URL, deadline) -> (status, body); raises RobotsUnreachable.
# Redirects are followed by the caller; `status` is the final one.
RobotsGetter = Callable[[str, float], tuple[int, bytes]]


@dataclass
class _Entry:
    parser: Protego | None  # None: no usable rules, everything allowed
    expires: float
    from_file: bool  # rules from a real robots.txt, worth keeping when it is unreachable later


class RobotsCache:
    """Answers "may this URL be fetched?" for one user agent. Thread-safe.

    One robots.txt request per scheme+host at a time: threads asking about the
    same host while it is fetched wait for that answer instead of fetching again.
    """

    def __init__(
        self,
        user_agent: str,
        get: RobotsGetter,
        *,
        ttl: float = ROBOTS_TTL,
        retry_ttl: float = ROBOTS_RETRY_TTL,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._agent = product_token(user_agent)
        self._get = get
        self._ttl = ttl
        self._retry_ttl = retry_ttl
        self._clock = clock
        self._entries: dict[str, _Entry] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def allowed(self, url: str, deadline: float) -> bool:
        """`deadline` is a time.monotonic() value the robots.txt request must finish by."""
        entry = self._entry(origin_of(url), deadline)
        if entry.parser is None:
            return True
        return entry.parser.can_fetch(url, self._agent)

    def _entry(self, origin: str, deadline: float) -> _Entry:
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            entry = self._entries.get(origin)
            if entry is not None and entry.expires > self._clock():
                return entry
            entry = self._load(origin, deadline, entry)
            self._entries[origin] = entry
            return entry

    def _load(self, origin: str, deadline: float, previous: _Entry | None) -> _Entry:
        now = self._clock()
        try:
            status, body = self._get(origin + "/robots.txt", deadline)
        except RobotsUnreachable as exc:
            log.debug("robots.txt of %s unreachable: %s", origin, exc)
            # RFC 9309 2.3.1.4 says an unreachable robots.txt means "complete
            # disallow", and allows a cached copy to be used instead. We keep
            # the last rules we read, if any; with none, we allow. A watcher is
            # not a crawler: it makes one request per source per interval, to a
            # page its user named, so "disallow" would turn a flaky robots.txt
            # into a source that silently stops working, while the page request
            # itself reports a sick host (5xx, timeout) as a transient error.
            # The short retry TTL reads the real rules as soon as they are back.
            if previous is not None and previous.from_file:
                return _Entry(previous.parser, now + self._retry_ttl, from_file=True)
            return _Entry(None, now + self._retry_ttl, from_file=False)
        if 200 <= status < 300:
            return _Entry(parse_robots(body), now + self._ttl, from_file=True)
        # RFC 9309 2.3.1.3: any other 4xx (401 and 403 too) is "unavailable":
        # the crawler may access everything. So is a 3xx we could not follow.
        return _Entry(None, now + self._ttl, from_file=False)


def origin_of(url: str) -> str:
    """scheme://host[:port], lower case: robots.txt's scope. Never the credentials
    (the cache is keyed by it, and it is logged). Raises ValueError for a bad port."""
    usual = usual_origin(url)
    if usual is not None:
        scheme, hostname, port_number = usual
    else:
        parts = urlsplit(url)
        scheme, hostname, port_number = parts.scheme, parts.hostname, parts.port
    port = f":{port_number}" if port_number else ""
    return f"{scheme}://{hostname}{port}".lower()


def parse_robots(body: bytes) -> Protego:
    """The rules of a robots.txt body (RFC 9309: UTF-8; junk bytes are ignored)."""
    return Protego.parse(body.decode("utf-8", errors="replace").lstrip("\ufeff"))


def product_token(user_agent: str) -> str:
    """"releasewatch/0.1 (+https://github.com/...)" -> "releasewatch": the name a
    robots.txt group names (RFC 9309 2.2.1). Matching the whole header would let a
    group for "github" apply to us through the URL in the comment."""
    token = user_agent.strip().split("/", 1)[0].split(None, 1)
    return token[0] if token else user_agent
