"""Data that crosses module lines: what the pipeline stages hand each other.

    fetch -> parse -> extract -> diff against facts -> outbox -> notify
  Response   Document   Finding  Observation    Alert

Also the HTTP settings the fetcher takes, so the fetcher needs nothing of the
config stage above it (nor the notifiers config reads about).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# Order matters: a value may replace the current release date only when it is at
# least as precise (SPEC: "June 2024" -> "16 June 2024" is a refinement).
PRECISIONS = ("year", "season", "month", "day")
PRECISION_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}

RELEASE_DATE = "release_date"
TRAILER = "trailer"
FINDING_KINDS = (RELEASE_DATE, TRAILER)

ANNOUNCED = "release_date.announced"
CHANGED = "release_date.changed"
TRAILER_RELEASED = "trailer.released"
SOURCE_FAILING = "source.failing"
SOURCE_RECOVERED = "source.recovered"
CORRECTED = "release_date.corrected"  # the user rejected the date an earlier alert announced
RETRACTED = "trailer.retracted"  # the user rejected a trailer an earlier alert announced
TEST_ALERT = "test"

DEFAULT_USER_AGENT = "releasewatch/0.1 (+https://github.com/releasewatch/releasewatch)"


@dataclass(frozen=True)
class HttpSettings:
    """config.yaml's `http:` section, as the fetcher takes it."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0  # seconds, connect and read each
    max_bytes: int = 5 * 1024 * 1024
    concurrency: int = 16
    per_host_delay: float = 1.0
    respect_robots: bool = True
    max_redirects: int = 5  # not configurable: SPEC's ceiling


@dataclass(frozen=True)
class Watch:
    """A title the user cares about: a season of a show, or a film (season None)."""

    title: str
    season: int | None = None
    aliases: tuple[str, ...] = ()
    alerts: tuple[str, ...] = FINDING_KINDS
    notify: tuple[str, ...] | None = None  # the notifiers its alerts go to; None: every one

    def __hash__(self) -> int:
        # Worked out once: the extractor keys its remembered answers by watch, thousands
        # of lookups a page. (The dataclass's own hash, of the same fields, is kept as is:
        # equal watches hash equal.)
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.title, self.season, self.aliases, self.alerts, self.notify))
            object.__setattr__(self, "_hash", cached)
        return cached

    @property
    def key(self) -> str:
        """Stable identity in the state file; case and spacing do not make a new watch."""
        base = " ".join(self.title.split()).casefold()
        return f"{base}|{self.season}" if self.season is not None else base

    @property
    def label(self) -> str:
        return f"{self.title} Season {self.season}" if self.season is not None else self.title


@dataclass(frozen=True)
class Response:
    """A successfully fetched body (or a 304). Failures are `FetchError`s, not Responses."""

    url: str  # final URL after redirects
    status: int
    text: str | None  # decoded body; None on 304
    content: bytes | None  # raw body; None on 304
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class Finding:
    """What the extractor read in one document for one watch."""

    kind: str  # RELEASE_DATE | TRAILER
    evidence: str  # the sentence it came from
    date: str | None = None  # "2023-08-03", "2023-08", "2023-summer", "2023"
    precision: str | None = None  # one of PRECISIONS
    url: str | None = None  # normalized trailer URL
    # The extractor's score (log-odds) for it, so the cycle and the facts can prefer the
    # better-supported report; not part of its identity and not shown in JSON.
    score: float | None = field(default=None, compare=False)

    @property
    def rank_score(self) -> float:
        """The score for ranking: a finding without one ranks below any that has one."""
        return self.score if self.score is not None else float("-inf")

    @property
    def value_key(self) -> str:
        """What makes two findings the same news: the value, never the wording."""
        if self.kind == RELEASE_DATE:
            return f"{self.date}/{self.precision}"
        return self.url or ""

    def value(self) -> dict[str, Any]:
        if self.kind == RELEASE_DATE:
            return {"date": self.date, "precision": self.precision}
        return {"url": self.url}

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.value(), "evidence": self.evidence}


@dataclass(frozen=True)
class Observation:
    """A finding as one source reported it."""

    finding: Finding
    source_url: str  # the configured source: "every reporting source" counts these
    published: date | None = None  # the document's date: a later report wins a tie
    link: str | None = None  # the article or feed entry itself, for the reader
    source_name: str | None = None  # the configured source's name, for the reader


@dataclass(frozen=True)
class Alert:
    """One piece of news for the user, as stored in the outbox and sent by notifiers."""

    id: str
    # one of ANNOUNCED, CHANGED, TRAILER_RELEASED, SOURCE_FAILING, SOURCE_RECOVERED, TEST_ALERT
    event: str
    watch_title: str | None  # None for source health alerts
    watch_season: int | None
    value: dict[str, Any] | None  # {"date", "precision"} or {"url"}; None for health alerts
    previous: dict[str, Any] | None
    evidence: str
    source: str  # the news itself: the article (a feed entry's link), else the source's URL
    sources: tuple[str, ...] = ()  # every configured source that reported it, by URL
    detected_at: datetime | None = None
    source_name: str | None = None  # the configured name of the (first) reporting source
    extra: dict[str, Any] = field(default_factory=dict)
    feed: str | None = None  # the configured source's URL when `source` is an article in it
    source_names: tuple[str, ...] = ()  # `sources` by their configured names

    @property
    def watch_label(self) -> str:
        if self.watch_title is None:
            return ""
        if self.watch_season is None:
            return self.watch_title
        return f"{self.watch_title} Season {self.watch_season}"

    def to_json(self) -> dict[str, Any]:
        """The webhook body of SPEC.md ("Notifier formats")."""
        detected = self.detected_at.strftime("%Y-%m-%dT%H:%M:%SZ") if self.detected_at else None
        body: dict[str, Any] = {
            "id": self.id,
            "event": self.event,
            "watch": (
                {"title": self.watch_title, "season": self.watch_season}
                if self.watch_title is not None
                else None
            ),
            "value": self.value,
            "previous": self.previous,
            "evidence": self.evidence,
            "source": self.source,
            "sources": list(self.sources),
            "detected_at": detected,
        }
        if self.feed:
            body["feed"] = self.feed
        if self.source_name is not None:
            body["source_name"] = self.source_name
        if self.source_names:
            body["source_names"] = list(self.source_names)
        return body


def format_value(value: dict[str, Any] | None) -> str:
    """A value as a person reads it: "Thursday 3 August 2023", "August 2023", "summer 2023"."""
    if not value:
        return ""
    if "url" in value:
        return str(value["url"])
    raw, precision = str(value.get("date", "")), value.get("precision")
    try:
        if precision == "day":
            d = date.fromisoformat(raw)
            return f"{d:%A} {d.day} {d:%B %Y}"
        if precision == "month":
            d = date.fromisoformat(raw + "-01")
            return f"{d:%B %Y}"
        if precision == "season":
            year, season = raw.split("-", 1)
            return f"{season} {year}"
    except ValueError:
        pass
    return raw


def new_alert_id() -> str:
    """An alert's id: also its idempotency key for the receiver."""
    import uuid  # here: 5 ms of every start-up, for a cycle that finds nothing new

    return uuid.uuid4().hex


_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}


def date_window(value: dict[str, Any] | None) -> tuple[date, date] | None:
    """The first and last day a release date value can mean: a day is itself, "2027-summer"
    is June to August, winter runs December to February. None for a value that is no date."""
    if not value or "date" not in value:
        return None
    raw, precision = str(value.get("date") or ""), value.get("precision")
    try:
        if precision == "day":
            day = date.fromisoformat(raw)
            return day, day
        if precision == "month":
            first = date.fromisoformat(raw + "-01")
            return first, _month_end(first.year, first.month)
        if precision == "season":
            year_text, season = raw.split("-", 1)
            first_month, last_month = _SEASON_MONTHS[season]
            year = int(year_text)
            last_year, last_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
            return date(year, first_month, 1), _month_end(last_year, last_month)
        if precision == "year":
            year = int(raw)
            return date(year, 1, 1), date(year, 12, 31)
    except (KeyError, ValueError):
        return None
    return None


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
