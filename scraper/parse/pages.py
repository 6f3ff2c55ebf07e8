"""An HTML page (or a feed entry's HTML content) -> headline, text blocks, videos, date.

Each block has a role (`ROLES`): what it is on the page, read from its tag, its
class/id/itemprop names and, where the names say nothing, its content (a list or
div whose text is mostly link text is a related or navigation rail; "By Jane Roe ·
June 11, 2025" is a byline; "LOS ANGELES, Dec. 16, 2024 /PRNewswire/ --" opens a
press release with a dateline; "Release date: January 15, 2027" is a field).
`chrome` stays the one flag for page furniture the extractor ignores; roles refine.

lxml directly: BeautifulSoup costs ten times as much per page, and the daemon
reads hundreds of pages a cycle. The walk is iterative, so 10,000 nested tags
cost no recursion.

The reader's parts: blocks.py (what it gives), names.py (what tags and class names
say), walk.py (the walk), passes.py (what is read from the blocks after it).
"""

from __future__ import annotations

import html
import re
from typing import Any

from lxml import etree

from scraper.parse.blocks import _DATA_ROLES, FURNITURE_ROLES, ROLES, Block, Page, Video
from scraper.parse.metadata import (
    byline_date,
    description,
    headline,
    json_ld_items,
    json_ld_videos,
    own_dates,
    published_date,
)
from scraper.parse.passes import (
    _card_fields,
    _episode_tables,
    _infobox_fields,
    _moves_tables,
    _stamps,
    _text_comments,
    _text_tables,
)
from scraper.parse.videos import written_video_urls
from scraper.parse.walk import _PARAGRAPH_BREAK, _clean, _parse_html, _Walk, _walk

# What other stages import from here (the blocks' types live in blocks.py).
__all__ = [
    "FURNITURE_ROLES",
    "ROLES",
    "Block",
    "Page",
    "SelectorError",
    "Video",
    "read_fragment",
    "read_page",
]


class SelectorError(ValueError):
    """A CSS selector this module cannot read, or one that matches nothing."""


def read_page(text: str, select: str | None = None) -> Page:
    root = _parse_html(text)
    if root is None:
        return Page("", (), (), None)
    items = list(json_ld_items(root))
    published = published_date(root, items)
    title = headline(root, items)
    walk = _Walk()
    if select:
        # Imported here: cssselect is ~5 ms of start-up, for the sources with a select:.
        from scraper.parse.selectors import BadSelector, compile_selector

        try:
            matches = compile_selector(select)(root)
        except (BadSelector, etree.XPathError) as exc:
            raise SelectorError(f"select: {exc}") from exc
        if not matches:
            raise SelectorError(f"select {select!r} matches nothing on the page")
        for element in matches:
            _walk(element, walk)
    else:
        _walk(root, walk)
    walk.mark_rails(title)
    blocks, videos = walk.blocks, walk.videos
    if not select:
        _summary_as_dek(blocks, description(root))
    _text_tables(blocks)
    _moves_tables(blocks)
    _infobox_fields(blocks)
    _card_fields(blocks)
    _episode_tables(blocks)
    _text_comments(blocks)
    if not select:
        at = len(blocks)
        videos.extend(Video(url, label, at, False, True) for url, label in json_ld_videos(items))
        if not blocks:
            blocks = _text_fallback(text)
        if sum(len(b.text) for b in blocks if not b.chrome) < 200:
            # A page rendered by script carries its article only in JSON-LD.
            blocks.extend(_json_ld_body(items))
    if published is None:
        # (a table's rows and an infobox's fields are the page's data, not its stamp:
        # a wiki page's first dated line is its subject's premiere)
        published = byline_date(
            block.text for block in blocks if not block.cells and block.role not in _DATA_ROLES
        )
    dates = own_dates(root, items, _stamps(blocks), published)
    return Page(title, tuple(blocks), tuple(videos), published, dates)


def _summary_as_dek(blocks: list[Block], summary: str) -> None:
    """The page's summary, as a dek under the headline, when the body does not say it
    already: "Netflix Dates Harbor Lights Season 3" over a body that never restates the
    date its summary gives ("The third season premieres September 5")."""
    if len(summary) < 20 or not any(ch.isdigit() for ch in summary):
        return  # (only a summary with a number in it can add a date)
    key = _summary_key(summary.rstrip(".\u2026 "))[:120]
    for block in blocks:
        text = _summary_key(block.text)
        if key in text or (len(text) >= 40 and text in key):
            return  # the body's own dek or first paragraph
    at = next((i + 1 for i, b in enumerate(blocks) if b.role == "headline"), None)
    if at is None:
        at = next((i for i, b in enumerate(blocks) if not b.chrome), len(blocks))
    blocks.insert(at, Block(summary, True, False, "dek"))


def _summary_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|tr|br|section|article)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")


def _text_fallback(text: str) -> list[Block]:
    """libxml2 gives up on pathological trees (thousands of nested tags) and returns
    nothing: read the text between the tags instead."""
    stripped = _ANY_TAG.sub(" ", _BLOCK_TAG.sub("\n\n", _SCRIPTS.sub(" ", text)))
    return [
        Block(cleaned)
        for paragraph in _PARAGRAPH_BREAK.split(html.unescape(stripped))
        if (cleaned := _clean(paragraph))
    ]


def read_fragment(html: str) -> tuple[tuple[Block, ...], tuple[Video, ...]]:
    """Blocks and videos of an HTML snippet (a feed entry's description or content)."""
    if "<" not in html:
        # Plain text (a forum feed's summary): a YouTube link written out in it is the
        # entry's link, as in an HTML body (walk.py, _written_links)
        text = _clean(html)
        links = tuple(
            Video(url, written, 0, False, False) for url, written in written_video_urls(text)
        )
        return ((Block(text),) if text else ()), links
    root = _parse_html(html)
    if root is None:
        return (), ()
    walk = _Walk()
    _walk(root, walk)
    # No rails in a fragment: a feed entry is short, and its links (Reddit's "[link]")
    # are what it is about.
    return tuple(walk.blocks), tuple(walk.videos)


def _json_ld_body(json_ld: list[dict[str, Any]]) -> list[Block]:
    for item in json_ld:
        body = item.get("articleBody")
        if isinstance(body, str) and body.strip():
            if "<" in body:
                return list(read_fragment(body)[0])
            return [Block(cleaned) for part in body.split("\n") if (cleaned := _clean(part))]
    return []
