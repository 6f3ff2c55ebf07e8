"""parse: a fetched body -> Documents (one for a page, one per entry for a feed).

A Document carries what the extractor reads: the headline, the text as blocks
(paragraphs, headings, list items, table cells) each with its role (pages.ROLES:
headline, byline, dateline, body, caption, field, comment, related, ...) and page
chrome (navigation, sidebars, "related" lists, comments, footers) marked so it can
be ignored, the videos the document links or embeds with the words around them,
the publish date that anchors dates written without a year, and the document's
own dates (first published, last updated, those its bylines and datelines state),
which are never news about a watch.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from scraper import patterns
from scraper.models import Watch

# The readers' ~60 patterns, compiled once and kept for the next process (patterns.py).
with patterns.kept("parse"):
    from scraper.parse import feeds, pages
    from scraper.parse.metadata import OwnDates
    from scraper.parse.pages import Block, Video
    from scraper.parse.prefilter import spans_naming


class ParseError(Exception):
    """The body is not a usable page or feed (a source failure, never a change)."""


@dataclass(frozen=True)
class Document:
    url: str  # where the text lives: the page URL, or the feed entry's link
    key: str  # identity within its source: feed entry guid/link/content hash; the page URL
    fingerprint: str  # hash of the content that matters; a changed entry gets a new one
    # Anchors dates written without a year: when the text was last written (the
    # update's date when the page says it was updated), as before own_dates existed.
    published: date | None
    kind: str  # "page" | "entry"
    headline: str = ""
    blocks: tuple[Block, ...] = ()
    videos: tuple[Video, ...] = field(default=())
    # The document's own dates: own_dates.published (first published), .updated (last
    # updated), .stated (every date its byline and dateline blocks give), .all().
    own_dates: OwnDates = field(default=OwnDates())

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


class PendingDocument:
    """A document known by its key and fingerprint before it is read: plain data.

    A feed entry is read (its HTML parsed, dates and videos found) only when it is
    new or changed and its words may name a watch, so the cycle decides with `key`,
    `fingerprint` and `words()` which to `read()`, reads those, and only then hands
    the finished Documents to the extractor. A page is read already. An entry's key
    and fingerprint are worked out when first asked for (`may_name` passes over most
    entries of a feed without them).
    """

    __slots__ = ("kind", "document", "item", "feed_url")

    def __init__(
        self,
        kind: str,  # "page" | "entry"
        document: Document | None = None,  # read already
        item: feeds.FeedItem | None = None,  # to read
        feed_url: str = "",
    ):
        self.kind, self.document, self.item, self.feed_url = kind, document, item, feed_url

    def __repr__(self) -> str:
        return f"PendingDocument(key={self.key!r}, kind={self.kind!r})"

    @property
    def key(self) -> str:
        """Identity within its source: a feed entry's guid, link or XML hash; the page URL."""
        if self.document is not None:
            return self.document.key
        assert self.item is not None
        return self.item.guid or self.item.link or self.item.fingerprint

    @property
    def fingerprint(self) -> str:
        if self.document is not None:
            return self.document.fingerprint
        assert self.item is not None
        return self.item.fingerprint

    def words(self) -> str:
        """The raw text a watch's name would have to be in (cheaper than reading)."""
        if self.document is not None:
            return searchable_text(self.document)
        assert self.item is not None
        return self.item.words()

    def read(self) -> Document:
        """The whole document: for a feed entry, its HTML parsed now."""
        if self.document is not None:
            return self.document
        assert self.item is not None
        return _entry_document(self.item.read(), self.feed_url, self.key, self.fingerprint)


def may_name(documents: Sequence[PendingDocument], watches: Sequence[Watch]) -> list[bool]:
    """Per document, whether its raw XML may hold a watch's name at all (all its words,
    as the pre-filter reads them, but without the second condition for a common word).

    A superset of `mentioned(document.words(), ...)`: what the words of an entry hold, its
    XML holds, written with the tags and entities the pre-filter reads through. A feed's
    entries are asked about together, in one scan of the feed; a document whose XML
    is not known by its place in the feed (a page, a feed read by feedparser, a feed
    whose tags do not line up with its entries) is always True: its words() tell."""
    answers = [True] * len(documents)
    by_body: dict[int, tuple[str, list[int], list[tuple[int, int]]]] = {}
    for index, document in enumerate(documents):
        located = document.item.span if document.item is not None else None
        if located is None:
            continue
        body, span = located
        _, indexes, spans = by_body.setdefault(id(body), (body, [], []))
        indexes.append(index)
        spans.append(span)
    for body, indexes, spans in by_body.values():
        for index, named in zip(indexes, spans_naming(body, spans, watches), strict=True):
            answers[index] = named
    return answers


_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(rss|feed|RDF)\b")
_FIRST_TAG = re.compile(r"<(?![?!])")


def parse_documents(
    text: str, url: str, kind: str = "auto", select: str | None = None
) -> list[Document]:
    return [pending.read() for pending in pending_documents(text, url, kind, select)]


def pending_documents(
    text: str, url: str, kind: str = "auto", select: str | None = None
) -> list[PendingDocument]:
    """The documents of a body, each read on demand (a page's at once)."""
    if not text or not text.strip():
        raise ParseError("empty body")
    if kind == "auto":
        kind = "feed" if looks_like_feed(text) else "page"
    if kind == "feed":
        return _feed_documents(text, url)
    return [_already_read(_page_document(text, url, select))]


def _already_read(document: Document) -> PendingDocument:
    return PendingDocument(document.kind, document=document)


def searchable_text(document: Document) -> str:
    """Everything of a document the extractor can read a watch's name in."""
    labels = "\n".join(video.label for video in document.videos)
    return f"{document.headline}\n{document.text}\n{labels}"


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
        own_dates=page.own_dates,
    )


def _feed_documents(text: str, url: str) -> list[PendingDocument]:
    try:
        items = feeds.feed_items(text)
    except (etree.Error, ValueError):
        items = None  # feedparser may still read what lxml refuses
    if items is not None:
        return [_pending_entry(item, url) for item in items]
    entries = feeds.read_feed_leniently(text)
    if entries is None:
        raise ParseError("broken feed: no entry could be recovered")
    return [_already_read(_entry_document(entry, url)) for entry in entries]


def _pending_entry(item: feeds.FeedItem, feed_url: str) -> PendingDocument:
    return PendingDocument("entry", item=item, feed_url=feed_url)


def _entry_document(
    entry: feeds.Entry, feed_url: str, key: str | None = None, fingerprint: str | None = None
) -> Document:
    if fingerprint is None:
        fingerprint = _fingerprint(entry.headline, entry.blocks, entry.videos)
    return Document(
        url=entry.link or feed_url,
        key=key or entry.guid or entry.link or fingerprint,
        fingerprint=fingerprint,
        published=entry.published,
        kind="entry",
        headline=entry.headline,
        blocks=entry.blocks,
        videos=entry.videos,
        own_dates=entry.own_dates,
    )


def _fingerprint(headline: str, blocks: tuple[Block, ...], videos: tuple[Video, ...]) -> str:
    digest = hashlib.sha256(headline.encode("utf-8", "replace"))
    for block in blocks:
        digest.update(b"\x00" + block.text.encode("utf-8", "replace"))
    for video in videos:
        digest.update(b"\x01" + video.url.encode())
    return digest.hexdigest()[:32]
