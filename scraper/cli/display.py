"""How reading commands show things to a person: times in the local zone (or UTC) without
microseconds, counts with the right plural, a watch's label."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def when(moment: datetime | None, utc: bool = False, never: str = "never") -> str:
    """"2026-12-03 11:31:04 CET": local time unless `utc`, to the second."""
    if moment is None:
        return never
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    shown = moment.astimezone(UTC) if utc else moment.astimezone()
    return shown.strftime("%Y-%m-%d %H:%M:%S ") + (shown.tzname() or "")


def iso(moment: datetime | None) -> str | None:
    """For --json: UTC, to the second, as the webhook's detected_at."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def count(n: int, singular: str, plural: str | None = None) -> str:
    """"1 source", "2 sources", "1 failure"."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def label(title: str | None, season: Any) -> str:
    if title is None:
        return ""
    return f"{title} Season {season}" if season is not None else title


def add_utc_argument(parser: Any) -> None:
    parser.add_argument(
        "--utc", action="store_true", help="show times in UTC (default: the local time zone)"
    )


def inert(text: str) -> str:
    """Text for the terminal, line by line made inert: scraped evidence may hold escape
    sequences (a page must not retitle or clear the user's terminal)."""
    from notifiers.console import printable

    return "\n".join(printable(line) for line in str(text).split("\n"))
