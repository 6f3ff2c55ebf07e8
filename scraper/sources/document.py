"""The page, feed and auto source kinds: a body at a URL, parsed into documents.

The cycle fetches the URL ahead, with every other source's, and reads only a
body that changed; this kind turns that body into documents known by key and
fingerprint (a page's read already, a feed's entries still to read). Which
entries are read, and what is extracted from them, the cycle decides.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from scraper.fetch.fetcher import FetchError
from scraper.sources.base import Fetch, Setting, SourceKind, SourceResult

# The parsers (scraper.parse.documents, pages, feeds, lxml, cssselect) are imported
# where a body is read, not here: the config imports this module, and a warm cycle,
# where every source answers 304, reads no body (a tenth of its start-up).
if TYPE_CHECKING:
    from collections.abc import Mapping

    from scraper.config.settings import Config, SourceConfig
    from scraper.parse.documents import PendingDocument
    from scraper.store.state import State


def _css_selector(value: str) -> str | None:
    # Compiled when the config is read, so a bad selector is a config error with its
    # line (at load and in `validate`), not a source that fails at every check.
    from scraper.parse.selectors import BadSelector, compile_selector

    if not value.strip():
        return "must not be empty"
    try:
        compile_selector(value)
    except BadSelector as exc:
        # The config reader shows the value before the reason: don't say it twice.
        return str(exc).removeprefix(f"{value!r} ")
    return None


SELECT = Setting(
    str,
    check=_css_selector,
    applies_to="pages",
    doc="a CSS selector: only this part of a page counts",
)


class DocumentSource(SourceKind):
    """A page or a feed at a URL (auto: sniffed from the body)."""

    def fetch_ahead(self, source: SourceConfig) -> str | None:
        return source.url

    def read(
        self, source: SourceConfig, config: Config, state: State, fetcher: Fetch, now: datetime
    ) -> SourceResult:
        try:
            response = fetcher.fetch(source.url)
        except FetchError as exc:
            return SourceResult(source, error=str(exc), retry_after=exc.retry_after)
        from scraper.parse.documents import ParseError
        from scraper.parse.prefilter import may_mention

        # The fetcher refuses an empty body (a broken source, never "the news went
        # away"), so the text here has content.
        text, url = response.text or "", response.url
        try:
            if not may_mention(text, config.watches):
                # No watched title can occur in it: nothing to read (most news is other news).
                self.verify(text, url)
                return SourceResult(source)
            documents = self.parse(text, url, source)
        except ParseError as exc:
            return SourceResult(source, error=f"unparseable body: {exc}")
        is_feed = any(d.kind == "entry" for d in documents)
        return SourceResult(source, parsed=True, documents=documents, is_feed=is_feed)

    def parse(self, text: str, url: str, source: SourceConfig) -> list[PendingDocument]:
        raise NotImplementedError

    def verify(self, text: str, url: str) -> None:
        """Raise ParseError when a body that will not be read is not what the source promises."""


class PageSource(DocumentSource):
    """An HTML article; `select:` narrows it to the part that counts."""

    name = "page"
    settings: ClassVar[Mapping[str, Setting]] = {"select": SELECT}

    def parse(self, text: str, url: str, source: SourceConfig) -> list[PendingDocument]:
        from scraper.parse.documents import pending_documents

        return pending_documents(text, url, kind="page", select=source.settings["select"])


class FeedSource(DocumentSource):
    """RSS or Atom: each entry is a document, read once and again only when it changes."""

    name = "feed"

    def parse(self, text: str, url: str, source: SourceConfig) -> list[PendingDocument]:
        from scraper.parse.documents import ParseError, looks_like_feed, pending_documents

        if not looks_like_feed(text):
            raise ParseError("not a feed: the body is not RSS or Atom")
        return pending_documents(text, url, kind="feed")

    def verify(self, text: str, url: str) -> None:
        _verify_feed(text, url)


class AutoSource(DocumentSource):
    """A feed when the body is one, else a page (the default `type:`)."""

    name = "auto"
    settings: ClassVar[Mapping[str, Setting]] = {"select": SELECT}

    def parse(self, text: str, url: str, source: SourceConfig) -> list[PendingDocument]:
        from scraper.parse.documents import pending_documents

        return pending_documents(text, url, kind="auto", select=source.settings["select"])

    def verify(self, text: str, url: str) -> None:
        from scraper.parse.documents import looks_like_feed

        if looks_like_feed(text):
            _verify_feed(text, url)


def _verify_feed(text: str, url: str) -> None:
    """A feed that holds no news for us must still be a feed: a broken one is a failing
    source. A strict XML parse costs a fraction of a millisecond; only when it fails
    does the lenient reader decide whether anything can be recovered."""
    from lxml import etree

    from scraper.parse.documents import ParseError, looks_like_feed, parse_documents

    if not looks_like_feed(text):
        raise ParseError("not a feed: the body is not RSS or Atom")
    try:
        etree.fromstring(text.encode("utf-8", "surrogatepass"), _strict_xml())
    except etree.XMLSyntaxError:
        if not parse_documents(text, url, kind="feed"):
            raise ParseError("broken feed: no entry could be read") from None


@functools.cache
def _strict_xml() -> object:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
