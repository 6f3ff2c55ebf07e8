"""How an alert reads, shared by every human-facing notifier: its subject, its fields,
its lines."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from scraper.models import (
    ANNOUNCED,
    CHANGED,
    CORRECTED,
    RETRACTED,
    SOURCE_FAILING,
    SOURCE_RECOVERED,
    TEST_ALERT,
    TRAILER_RELEASED,
    Alert,
    date_window,
    format_value,
)

_EVENT_PHRASES = {
    ANNOUNCED: "release date announced",
    CHANGED: "release date changed",
    TRAILER_RELEASED: "trailer released",
}


def _one_line(text: str) -> str:
    # Scraped text goes into subjects and titles: a newline there would forge a header.
    return " ".join(str(text).split())


def alert_subject(alert: Alert) -> str:
    """One line that says it all, e.g. the SPEC's email subject:
    `Heartstopper Season 2: release date announced — Thursday 3 August 2023`."""
    label = _one_line(alert.watch_label)
    value = _one_line(format_value(alert.value))
    if alert.event == TRAILER_RELEASED:
        video = trailer_name(alert.evidence)
        return f"{label}: {video + ' released' if video else 'trailer released'} — {value}"
    if alert.event == ANNOUNCED:
        return f"{label}: {_EVENT_PHRASES[alert.event]} — {value}"
    if alert.event == CHANGED:
        previous = _one_line(format_value(alert.previous))
        was = f" (was {previous})" if previous else ""
        verb = "narrowed" if narrows(alert.previous, alert.value) else "changed"
        return f"{label}: release date {verb} — {value}{was}"
    if alert.event == CORRECTED:
        wrong = _one_line(format_value(alert.previous))
        now = value or "no date known"
        return f"{label}: release date corrected — {now} ({wrong} was wrong)"
    if alert.event == RETRACTED:
        return f"{label}: trailer retracted — {value} was not a trailer for it"
    source = _one_line(alert.source_name or alert.source)
    if alert.event == SOURCE_FAILING:
        return f"releasewatch: source {source} is failing"
    if alert.event == SOURCE_RECOVERED:
        return f"releasewatch: source {source} recovered"
    if alert.event == TEST_ALERT:
        return "releasewatch test alert — delivery works, nothing happened"
    return f"releasewatch: {_one_line(alert.event)} — {label or source}"


_VIDEO_NAME = re.compile(
    r"\b(?:official\s+|final\s+|first\s+|new\s+)*(?:teaser\s+)?(?:trailer|teaser)(?:\s+#?\d+)?\b",
    re.IGNORECASE,
)


def trailer_name(evidence: str) -> str:
    """ "Official Trailer", "Teaser", "Final Trailer 2": what the video calls itself in its
    title (a trailer's evidence is the title or the line that links it); "" if it says
    nothing of the kind."""
    found = _VIDEO_NAME.search(evidence or "")
    if not found:
        return ""
    return _one_line(" ".join(w.capitalize() for w in found.group(0).split()))


def narrows(previous: dict | None, value: dict | None) -> bool:
    """A more precise date inside the window of the one before: summer 2027 -> July 2027."""
    before, after = date_window(previous), date_window(value)
    if not before or not after or before == after:
        return False
    return before[0] <= after[0] and after[1] <= before[1]


def value_heading(alert: Alert) -> str:
    if alert.value and "url" in alert.value:
        return "Trailer"
    if alert.event == TEST_ALERT:
        return "Test"
    return "Release date"


def alert_fields(alert: Alert) -> list[tuple[str, str]]:
    """(heading, text) pairs every notifier shows: value, previous, evidence, sources, time."""
    fields: list[tuple[str, str]] = []
    if alert.value:
        fields.append((value_heading(alert), format_value(alert.value)))
    if alert.previous:
        fields.append(("Previously", format_value(alert.previous)))
    if alert.evidence:
        # A health alert's text is our own account of the source, not evidence read in it.
        fields.append(("Evidence" if alert.watch_title is not None else "Details", alert.evidence))
    first, *others = source_lines(alert) or [""]
    if first:
        fields.append(("Source", first))
    if others:
        fields.append(("Also reported by", "\n".join(others)))
    if alert.detected_at:
        fields.append(("Detected", local_time(alert.detected_at)))
    return fields


def local_time(moment: datetime) -> str:
    """The machine's local time, as the reader of an alert lives in it: "2027-07-09 11:31 CEST"."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    shown = moment.astimezone()
    return shown.strftime("%Y-%m-%d %H:%M ") + (shown.tzname() or "")


def source_lines(alert: Alert) -> list[str]:
    """The reporting sources as a reader wants them: the first by its configured name with
    the article it was read in, then every other one by name (its URL when it has none)."""
    if not alert.source:
        return []
    first = f"{alert.source_name}: {alert.source}" if alert.source_name else alert.source
    names = dict(zip(alert.sources, alert.source_names, strict=False))
    lines = [first]
    for url in alert.sources:
        if url in (alert.source, alert.feed):
            continue
        lines.append(names.get(url) or url)
    return lines


def alert_lines(alert: Alert) -> list[str]:
    """The plain-text body: one `Heading: text` line per field (multi-line values indented)."""
    lines = []
    for heading, text in alert_fields(alert):
        first, *rest = str(text).splitlines() or [""]
        lines.append(f"{heading}: {first}")
        lines.extend(f"    {line}" for line in rest)
    return lines
