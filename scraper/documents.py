"""parse: a fetched body -> Documents (one for a page, one per entry for a feed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


class ParseError(Exception):
    """The body is not a usable page or feed (a source failure, never a change)."""


@dataclass(frozen=True)
class Document:
    url: str  # where the text lives: the page URL, or the feed entry's link
    key: str  # identity within its source: feed entry guid/link/content hash; the page URL
    fingerprint: str  # hash of the content that matters; a changed entry gets a new one
    published: date | None  # anchors dates written without a year
    kind: str  # "page" | "entry"


def parse_documents(
    text: str, url: str, kind: str = "auto", select: str | None = None
) -> list[Document]:
    raise NotImplementedError
