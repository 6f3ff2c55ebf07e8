"""Source kinds, registered by their `type:` name in config.yaml.

A new kind is one module under scraper/sources/ (a SourceKind subclass: its
name, settings and read) and one `register(...)` line here. config.yaml's
`type:` names, and which keys apply to which kind, come from this registry.
"""

from __future__ import annotations

from scraper.sources.base import SourceKind
from scraper.sources.document import AutoSource, FeedSource, PageSource
from scraper.sources.tvmaze import TvmazeSource

DEFAULT_TYPE = "auto"

# In the order `releasewatch validate` lists them.
SOURCE_TYPES: dict[str, SourceKind] = {}


def register(kind: SourceKind) -> None:
    SOURCE_TYPES[kind.name] = kind


register(PageSource())
register(FeedSource())
register(AutoSource())
register(TvmazeSource())
