"""What a source kind is: its name, its settings, and how it reads.

A kind declares the keys it takes beside every source's `name`, `url`, `type`
and `interval` (config validation is built from these declarations), and
`read`s a source into a `SourceResult`: findings it already has (an API that
states a date outright), or documents for the cycle to extract from (a page,
a feed). The cycle treats every kind alike: it may fetch a kind's URL ahead,
with every other source's at once, and then asks the kind to read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from scraper.models import PRECISION_RANK, RELEASE_DATE, Observation

if TYPE_CHECKING:
    from scraper.config.settings import Config, SourceConfig
    from scraper.fetch.fetcher import Validators
    from scraper.models import Response
    from scraper.parse.documents import PendingDocument
    from scraper.store.state import State


@dataclass(frozen=True)
class Setting:
    """One key a source kind takes in config.yaml, beside name, url, type and interval."""

    type: type | tuple[type, ...] = str  # as yamlnodes.NodeReader.value reads it
    default: Any = None
    # A problem with a value of the right type ("must not be empty"), or None.
    check: Callable[[Any], str | None] | None = None
    convert: Callable[[Any], Any] | None = None  # applied to a valid value
    # Where the key applies, for the error on a source of another kind
    # ("applies to pages only"); default: the kinds that declare it.
    applies_to: str = ""
    doc: str = ""


class Fetch(Protocol):
    """What a kind fetches through: the cycle's Fetcher, or what the cycle fetched ahead."""

    def fetch(self, url: str, validators: Validators | None = None) -> Response: ...


@dataclass
class SourceResult:
    """What one source's check found, before it is written to the state."""

    source: SourceConfig
    error: str | None = None
    retry_after: float | None = None  # seconds its server asked us to wait (Retry-After)
    # Only the validators are kept, never the body: a cycle holds every result
    # until its commit, and a thousand bodies would be a hundred megabytes.
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    parsed: bool = False  # the body was parsed (not a 304, not an unchanged hash)
    # A body's documents, known by key and fingerprint; the cycle reads those it needs.
    documents: list[PendingDocument] = field(default_factory=list)
    is_feed: bool = False  # feed entries are remembered, and only new or changed ones are read
    documents_read: int = 0
    entries: list[tuple[str, str]] = field(default_factory=list)  # feed memory to keep
    observations: dict[str, list[Observation]] = field(default_factory=dict)  # per watch key

    def best_date_rank(self) -> tuple[int, date, float]:
        """The batch order: the most precise report first, then the newest, then the
        better-scoring, as the facts choose among new dates (scraper/facts.py): a worker
        writing one source at a time then announces where the story stands, once."""
        ranks = [
            (
                PRECISION_RANK.get(o.finding.precision or "", -1),
                o.published or date.min,
                o.finding.rank_score,
            )
            for observations in self.observations.values()
            for o in observations
            if o.finding.kind == RELEASE_DATE
        ]
        return max(ranks, default=(-1, date.min, float("-inf")))


class SourceKind:
    """Base of every source kind. Subclasses set `name` (the `type:` in config.yaml),
    `settings`, and `read`."""

    name: ClassVar[str] = ""
    settings: ClassVar[Mapping[str, Setting]] = {}
    default_url: ClassVar[str | None] = None  # `url:` may be left out (an API's address)

    def fetch_ahead(self, source: SourceConfig) -> str | None:
        """The URL the cycle fetches for this source beside every other source's, at once
        (conditional GET; an unchanged body is not read again). None: the kind fetches
        what it needs as it reads (requests that depend on each other's answers)."""
        return None

    def read(
        self, source: SourceConfig, config: Config, state: State, fetcher: Fetch, now: datetime
    ) -> SourceResult:
        """Read the source once. A failure is a result with `error` set, never an exception."""
        raise NotImplementedError
