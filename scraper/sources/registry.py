"""Source kinds, registered by their `type:` name in config.yaml.

page, feed and auto are bodies fetched by the cycle's fetcher and parsed into
Documents; a kind that talks to an API of its own (tvmaze) reads itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from lxml import etree

from scraper.parse.documents import (
    ParseError,
    PendingDocument,
    looks_like_feed,
    parse_documents,
    pending_documents,
)

if TYPE_CHECKING:
    from datetime import datetime

    from scraper.config.settings import Config, SourceConfig
    from scraper.cycle import SourceResult
    from scraper.fetch.fetcher import Fetcher
    from scraper.store.state import State


@dataclass(frozen=True)
class SourceRead:
    documents: list[PendingDocument]
    is_feed: bool  # feed entries are remembered, and only new or changed ones are read


class SourceKind:
    name: ClassVar[str] = ""
    reads_itself: ClassVar[bool] = False

    def parse(self, text: str, url: str, source: SourceConfig) -> SourceRead:
        raise NotImplementedError

    def verify(self, text: str, url: str) -> None:
        """Raise ParseError when a body that will not be read is not what the source promises."""

    def read(
        self, source: SourceConfig, config: Config, state: State, fetcher: Fetcher, now: datetime
    ) -> SourceResult:
        raise NotImplementedError


class DocumentSource(SourceKind):
    """A page or a feed at a URL (auto: sniffed from the body)."""

    def __init__(self, kind: str):
        self.kind = kind

    def parse(self, text: str, url: str, source: SourceConfig) -> SourceRead:
        if self.kind == "feed" and not looks_like_feed(text):
            raise ParseError("not a feed: the body is not RSS or Atom")
        documents = pending_documents(text, url, kind=self.kind, select=source.select)
        return SourceRead(documents, is_feed=any(d.kind == "entry" for d in documents))

    def verify(self, text: str, url: str) -> None:
        """A feed that holds no news for us must still be a feed: a broken one is a failing
        source. A strict XML parse costs a fraction of a millisecond; only when it fails
        does the lenient reader decide whether anything can be recovered."""
        if self.kind == "page" or (self.kind == "auto" and not looks_like_feed(text)):
            return
        if not looks_like_feed(text):
            raise ParseError("not a feed: the body is not RSS or Atom")
        try:
            etree.fromstring(text.encode("utf-8", "surrogatepass"), _STRICT_XML)
        except etree.XMLSyntaxError:
            if not parse_documents(text, url, kind="feed"):
                raise ParseError("broken feed: no entry could be read") from None


_STRICT_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)

SOURCE_TYPES: dict[str, SourceKind] = {
    "page": DocumentSource("page"),
    "feed": DocumentSource("feed"),
    "auto": DocumentSource("auto"),
}


def register(name: str, kind: SourceKind) -> None:
    SOURCE_TYPES[name] = kind


import scraper.sources.tvmaze  # noqa: E402, F401 - registers "tvmaze"; last, as it builds on this module
