"""parse: a fetched body -> Documents (one for a page, one per entry for a feed).

A Document carries what the extractor reads: the headline, the text as blocks
(paragraphs, headings, list items, table cells) with page chrome (navigation,
sidebars, "related" lists, footers) marked so it can be ignored, the videos
the document links or embeds with the words around them, and the publish date
that anchors dates written without a year.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from scraper import feeds, pages
from scraper.pages import Block, Video


class ParseError(Exception):
    """The body is not a usable page or feed (a source failure, never a change)."""


@dataclass(frozen=True)
class Document:
    url: str  # where the text lives: the page URL, or the feed entry's link
    key: str  # identity within its source: feed entry guid/link/content hash; the page URL
    fingerprint: str  # hash of the content that matters; a changed entry gets a new one
    published: date | None  # anchors dates written without a year
    kind: str  # "page" | "entry"
    headline: str = ""
    blocks: tuple[Block, ...] = ()
    videos: tuple[Video, ...] = field(default=())

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(rss|feed|RDF)\b")
_FIRST_TAG = re.compile(r"<(?![?!])")


def parse_documents(
    text: str, url: str, kind: str = "auto", select: str | None = None
) -> list[Document]:
    if not text or not text.strip():
        raise ParseError("empty body")
    if kind == "auto":
        kind = "feed" if looks_like_feed(text) else "page"
    if kind == "feed":
        return _feed_documents(text, url)
    return [_page_document(text, url, select)]


def looks_like_feed(text: str) -> bool:
    """The first element of the body is <rss>, <feed> or <rdf:RDF>."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    # Skip the XML declaration, comments, doctypes and stylesheets to the first element.
    match = _FIRST_TAG.search(head)
    return match is not None and _FEED_ROOT.match(head, match.start()) is not None


def _page_document(text: str, url: str, select: str | None) -> Document:
    try:
        page = pages.read_page(text, select)
    except pages.SelectorError as exc:
        raise ParseError(str(exc)) from exc
    return Document(
        url=url,
        key=url,
        fingerprint=_fingerprint(page.headline, page.blocks, page.videos),
        published=page.published,
        kind="page",
        headline=page.headline,
        blocks=page.blocks,
        videos=page.videos,
    )


def _feed_documents(text: str, url: str) -> list[Document]:
    try:
        entries = feeds.read_feed(text)
    except (etree.Error, ValueError):
        entries = None  # feedparser may still read what lxml refuses
    if entries is None:
        entries = feeds.read_feed_leniently(text)
    if entries is None:
        raise ParseError("broken feed: no entry could be recovered")
    documents = []
    for entry in entries:
        fingerprint = _fingerprint(entry.headline, entry.blocks, entry.videos)
        documents.append(
            Document(
                url=entry.link or url,
                key=entry.guid or entry.link or fingerprint,
                fingerprint=fingerprint,
                published=entry.published,
                kind="entry",
                headline=entry.headline,
                blocks=entry.blocks,
                videos=entry.videos,
            )
        )
    return documents


def _fingerprint(headline: str, blocks: tuple[Block, ...], videos: tuple[Video, ...]) -> str:
    digest = hashlib.sha256(headline.encode("utf-8", "replace"))
    for block in blocks:
        digest.update(b"\x00" + block.text.encode("utf-8", "replace"))
    for video in videos:
        digest.update(b"\x01" + video.url.encode())
    return digest.hexdigest()[:32]
