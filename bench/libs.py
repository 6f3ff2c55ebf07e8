"""The cost of each parsing library against what it replaced or competes with.

    .venv/bin/python bench/libs.py [--rounds N]

On the cycle benchmark's generated documents (bench/fixture.py: 60-115 KB
article pages, ~24 KB RSS feeds), per call, best of N rounds:

- select:   read_page with `select: article` vs the whole page; compiling a
            selector with cssselect (once per source: it is cached);
- robots:   protego vs urllib.robotparser, parse + one can_fetch;
- decode:   decode_body (w3lib's labels and prescan) vs a bare bytes.decode;
- feeds:    feedparser (the fallback) vs lxml's feed_items + reading every entry;
- pages:    beautifulsoup4 building its tree vs the whole lxml page reader,
            when bs4 is installed (it is not a dependency).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.robotparser import RobotFileParser

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixture import NewsSite  # noqa: E402

from scraper.fetch.decode import decode_body  # noqa: E402
from scraper.fetch.robots import parse_robots  # noqa: E402
from scraper.parse import feeds  # noqa: E402
from scraper.parse.pages import read_page  # noqa: E402
from scraper.parse.selectors import compile_selector  # noqa: E402

ROBOTS = b"""User-agent: *
Disallow: /private/
Disallow: /*?print=
Disallow: /*.pdf$
Allow: /news/tv/
Disallow: /news/
Crawl-delay: 1
"""


def best_ms(work: Callable[[], object], items: int, rounds: int) -> float:
    """Milliseconds per item, best of `rounds` passes (the least disturbed one)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best * 1000 / items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    site = NewsSite(20)
    raw_pages = [site.body(s.path) for s in site.sources if s.kind == "page"]
    raw_feeds = [site.body(s.path) for s in site.sources if s.kind == "feed"]
    pages = [p.decode("utf-8") for p in raw_pages]
    texts = [f.decode("utf-8") for f in raw_feeds]
    r = args.rounds
    rows: list[tuple[str, float, str, float]] = []

    def compile_cold() -> None:
        for n in range(200):
            compile_selector.cache_clear()
            compile_selector(f"article p:not(.ad), #main > h2 + p, .c{n}")

    rows.append(
        (
            "read_page, select: article",
            best_ms(lambda: [read_page(p, "article") for p in pages], len(pages), r),
            "read_page, whole page",
            best_ms(lambda: [read_page(p) for p in pages], len(pages), r),
        )
    )
    rows.append(("cssselect compile (uncached)", best_ms(compile_cold, 200, r), "", 0.0))

    def urllib_robots() -> None:
        for _ in range(200):
            rp = RobotFileParser()
            rp.parse(ROBOTS.decode().splitlines())
            rp.can_fetch("releasewatch", "https://n.example/news/tv/x?print=1")

    def protego_robots() -> None:
        for _ in range(200):
            parse_robots(ROBOTS).can_fetch("https://n.example/news/tv/x?print=1", "releasewatch")

    rows.append(
        (
            "protego parse+can_fetch",
            best_ms(protego_robots, 200, r),
            "urllib.robotparser",
            best_ms(urllib_robots, 200, r),
        )
    )
    bodies = raw_pages + raw_feeds
    rows.append(
        (
            "decode_body (w3lib)",
            best_ms(lambda: [decode_body(b, "text/html") for b in bodies], len(bodies), r),
            "bytes.decode('utf-8')",
            best_ms(lambda: [b.decode("utf-8") for b in bodies], len(bodies), r),
        )
    )
    rows.append(
        (
            "feedparser (fallback)",
            best_ms(lambda: [feeds.read_feed_leniently(t) for t in texts], len(texts), r),
            "lxml feed_items + read all",
            best_ms(
                lambda: [[i.read() for i in feeds.feed_items(t) or ()] for t in texts],
                len(texts),
                r,
            ),
        )
    )
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        print("(beautifulsoup4 not installed: pip install beautifulsoup4 to compare it)")
    else:
        rows.append(
            (
                "BeautifulSoup(page, 'lxml')",
                best_ms(lambda: [BeautifulSoup(p, "lxml") for p in pages], len(pages), r),
                "read_page (lxml reader)",
                best_ms(lambda: [read_page(p) for p in pages], len(pages), r),
            )
        )
    sizes = sorted(len(p) // 1024 for p in raw_pages)
    print(f"{len(pages)} pages ({sizes[0]}-{sizes[-1]} KB), {len(texts)} feeds; CPU ms per item")
    for name, ms, other, other_ms in rows:
        ratio = f"  {ms / other_ms:5.2f}x" if other_ms else ""
        against = f"  vs {other:28} {other_ms:8.3f}" if other else ""
        print(f"  {name:30} {ms:8.3f}{against}{ratio}")


if __name__ == "__main__":
    main()
