"""The release calendar: every watch's current release date as an iCalendar (RFC 5545) file.

A day date is an all-day event on that day; a month, season or year is an all-day event
spanning its window (models.date_window), its title saying it is a window. Each watch has
one event whose UID never changes, so a calendar app moves the event when the date does.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Calendar, Event

from scraper.models import RELEASE_DATE, Watch, date_window, format_value
from scraper.store.facts import FactStore, StoredFact

if TYPE_CHECKING:
    from scraper.config.settings import Config

log = logging.getLogger("releasewatch.calendar")

PRODID = "-//releasewatch//release calendar//EN"


def event_uid(watch_key: str) -> str:
    """Stable per watch, whatever its date: a hash of its key (case and spacing folded)."""
    return f"{hashlib.sha256(watch_key.encode()).hexdigest()[:24]}@releasewatch"


def build_calendar(
    watches: Sequence[Watch], facts: Sequence[StoredFact], now: datetime
) -> bytes:
    """The .ics bytes: one event per watch that has a current release date."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "releasewatch: release dates")
    current = {f.watch_key: f for f in facts
               if f.kind == RELEASE_DATE and f.is_current and not f.rejected}
    for watch in watches:
        fact = current.get(watch.key)
        window = date_window(fact.value) if fact else None
        if fact is None or window is None:
            continue
        first, last = window
        shown = format_value(fact.value)
        event = Event()
        event.add("uid", event_uid(watch.key))
        event.add("dtstamp", now)
        event.add("last-modified", fact.first_seen_at)
        if fact.value.get("precision") == "day":
            event.add("summary", f"{watch.label}: release")
        else:
            event.add("summary", f"{watch.label}: release window ({shown})")
        # All-day: DTEND is the day after the last (RFC 5545 3.6.1, exclusive end).
        event.add("dtstart", first)
        event.add("dtend", last + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        names = [r.name or r.url for r in fact.reports] or list(fact.sources)
        links = [r.link or r.url for r in fact.reports] or list(fact.sources)
        event.add("description", "\n".join([
            f"Release date: {shown}",
            f"Evidence: {fact.evidence}",
            f"Sources: {', '.join(names)}",
            *links,
        ]))
        if links:
            event.add("url", links[0])
        calendar.add_component(event)
    return calendar.to_ical()


def write_calendar(path: Path, content: bytes) -> None:
    """Whole or not at all: a calendar app reading mid-write sees the old file or the new.

    A link is followed (a calendar linked into a synced or served folder stays linked),
    and what is no regular file (`-o /dev/stdout`, a FIFO) is written as it is: renaming
    over it would replace the device or pipe with a plain file."""
    path = Path(path)
    if path.exists() and not path.is_file():
        with open(path, "wb") as out:
            out.write(content)
        return
    # Resolved only now: /dev/stdout on a pipe resolves to a name no file has.
    path = Path(os.path.realpath(path))
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def refresh_calendar(config: Config, state: FactStore, now: datetime) -> Path | None:
    """Rewrite config.yaml's `calendar:` file from the state's facts (no-op without one).
    A file that cannot be written is logged, never stops the cycle that changed the facts."""
    path = config.calendar_path
    if path is None:
        return None
    try:
        write_calendar(path, build_calendar(config.watches, state.facts(), now))
    except OSError as exc:
        log.error("calendar %s not written: %s", path, exc.strerror or exc)
        return None
    return path
