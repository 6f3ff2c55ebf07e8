"""What a page says about itself: headline, its own dates, JSON-LD videos.

The publish date anchors dates written without a year; the order of sources is
the usual one for news pages: JSON-LD, then <meta> tags, then <time>, then a
dated byline near the top. The page's own dates (`OwnDates`: first published,
last updated, every date its bylines and datelines state) are what the
extractor must not take for news: "Updated December 1, 2026" is not a premiere.

Bylines are read with the small day-date reader here (`day_dates`), so parse
never imports the extractor.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from itertools import islice
from typing import Any

from lxml import etree

from scraper.parse.videos import normalize_video_url

_SPACES = re.compile(r"\s+")
# An element's text with its descendants' (lxml.html's HtmlElement.text_content).
text_content = etree.XPath("string()", smart_strings=False)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


_BYLINE = re.compile(r"\b(?:published|updated|posted|by)\b", re.IGNORECASE)


_PUBLISHED_META = (
    "article:modified_time",
    "article:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str) -> date | None:
    """An ISO 8601 or RFC 822 timestamp -> its date (as written, no timezone shift)."""
    value = value.strip()
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


# A headline that names only a part of a work: a wiki's season page ("Season 3").
_PART_ONLY = re.compile(
    r"(?:season|series|volume|part|book|cour|chapter)\s+(?:\d{1,2}|[ivx]{1,4}|one|two|three|four|"
    r"five|six|seven|eight|nine|ten)",
    re.IGNORECASE,
)
# A site's name that is a work's wiki: "Reacher Wiki", "The Boys Wikia".
_WIKI_NAME = re.compile(r"\s*(.{2,60}?)\s+(?:wiki|wikia|fandom\s+wiki)\s*", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014-]\s+")


def headline(root: Any, json_ld: list[dict[str, Any]]) -> str:
    for look in (_og_title, _first_h1, _first_title):
        found = look(root)
        if found is not None:
            value = found if isinstance(found, str) else text_content(found)
            text = _clean(value)
            if text:
                if _PART_ONLY.fullmatch(text):
                    return _with_work(root, text)
                return text
    for item in json_ld:
        if isinstance(item.get("headline"), str):
            return _clean(item["headline"])
    return ""


# The first of each as an XPath over the whole tree finds it ('//meta[@property="og:title"]
# /@content', "//h1", "//title"), with lxml's own iteration over the tree's elements of
# one tag (an XPath is compiled and run over every node, each time asked).
def _og_title(root: Any) -> str | None:
    for meta in root.iter("meta"):
        if meta.get("property") == "og:title" and (content := meta.get("content")) is not None:
            return content
    return None


def _first_h1(root: Any) -> Any:
    return next(root.iter("h1"), None)


def _first_title(root: Any) -> Any:
    return next(root.iter("title"), None)


def description(root: Any) -> str:
    """The page's own summary (og:description, else the description meta tag): the
    standfirst an editor wrote under the headline, which a saved or scripted page may
    carry nowhere else."""
    # (one pass over the page's <meta> elements, not an XPath over the whole tree for
    # each: the og:description values in page order, then the description ones)
    og: list[str] = []
    named: list[str] = []
    for meta in root.iter("meta"):
        if meta.get("property") == "og:description" and (content := meta.get("content")):
            og.append(content)
        if meta.get("name") == "description" and (content := meta.get("content")):
            named.append(content)
    for value in og + named:
        text = _clean(value)
        if text:
            return text
    return ""


def _with_work(root: Any, text: str) -> str:
    """A wiki's page about one season is headed by the season alone ("Season 3"); the
    work is the wiki's own subject, named by the site ("Reacher Wiki", in og:site_name or
    the <title>): "Reacher Season 3". The bare part when no wiki names its work."""
    names = root.xpath('//meta[@property="og:site_name"]/@content')
    names.extend(_TITLE_SEPARATOR.split(_clean(text_content(t))) for t in root.iter("title"))
    for name in names:
        for part in [name] if isinstance(name, str) else name:
            match = _WIKI_NAME.fullmatch(_clean(part))
            if match:
                return f"{match[1]} {text}"
    return text


def published_date(root: Any, json_ld: list[dict[str, Any]] | None = None) -> date | None:
    """The date the text was last written: an updated article's "August 3" is read
    from its update, not from when it first appeared. `json_ld`: the page's
    json_ld_items, when the caller has them already."""
    for item in json_ld_items(root) if json_ld is None else json_ld:
        dates = [
            found
            for key in ("dateModified", "datePublished")
            if isinstance(item.get(key), str) and (found := parse_date(item[key]))
        ]
        if dates:
            return max(dates)
    for meta in root.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in _PUBLISHED_META and (found := parse_date(meta.get("content") or "")):
            return found
    for element in root.iter("time"):
        value = element.get("datetime") or ""
        if value and (found := parse_date(value)):
            return found
    return None


def byline_date(texts: Iterable[str]) -> date | None:
    """A page without date metadata: the dated byline near the top ("Published:
    13 September 2022", "By Dana Whitford / June 17, 2023"), given the texts of the
    page's blocks in order."""
    candidates = [text for text in islice(texts, 40) if len(text) <= 100]
    for text in sorted(candidates, key=lambda t: _BYLINE.search(t) is None):
        if _BYLINE.search(text) is None and _prose(_DAY_DATE.sub(" ", text)):
            continue  # a short sentence of the story ("It lands in cinemas July 11, 2025.")
        found = day_dates(text)
        if len(found) > 1 and _BYLINE.search(text) is None:
            continue  # a run ("United States: September 30, 2012 - May 12, 2013"), no stamp
        for _, day in found:
            return day
    return None


# Words of a sentence, not of a stamp or a dateline: six words beside the date ...
_PROSE = re.compile(r"(?:[A-Za-z][\w'\u2019-]*\W+){6}")
# ... or four lower-case words that a stamp does not hold ("Season 2 will reportedly
# begin filming on February 11, 2020." is news; "By Jane Doe on Feb 11, 2020 at 10:30 am,
# 4 min read" is a stamp).
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*(?![\w'\u2019-])")
_STAMP_WORD = frozenset(
    ("by", "on", "at", "am", "pm", "min", "mins", "read", "ago", "and", "in", "of", "the",
     "published", "updated", "posted", "last", "first", "hours", "hour", "minutes", "days",
     "edt", "est", "pdt", "pst", "gmt", "utc", "et", "pt", "staff", "writer", "editor")
)  # fmt: skip


def _prose(text: str) -> bool:
    if _PROSE.search(text):
        return True
    words = [w for w in _LOWER_WORD.findall(text) if w not in _STAMP_WORD]
    return len(words) >= 4


@dataclass(frozen=True)
class OwnDates:
    """The document's own dates: when it was first published and last updated (from
    metadata, bylines and datelines), and every day its bylines and datelines state.
    None when the document does not say."""

    published: date | None = None
    updated: date | None = None
    stated: tuple[date, ...] = ()  # in byline and dateline blocks, in reading order
    # With no day anywhere: the month a publish stamp gives alone ("2023-11"), as its
    # first day. It gives a year to "22 December", not a day to "tomorrow".
    month: date | None = None

    def all(self) -> frozenset[date]:
        """Every date the document gives for itself (the extractor's "own date")."""
        found = set(self.stated)
        found.update(d for d in (self.published, self.updated) if d is not None)
        return frozenset(found)


_MODIFIED_META = frozenset(
    (
        "article:modified_time",
        "og:updated_time",
        "datemodified",
        "modified_time",
        "last-modified",
        "dc.date.modified",
        "dcterms.modified",
        "parsely-updated",
    )
)
_ORIGINAL_META = frozenset(_PUBLISHED_META) - {"article:modified_time"}


def metadata_dates(root: Any, json_ld: list[dict[str, Any]]) -> tuple[date | None, date | None]:
    """(first published, last updated) as the page's metadata states them: JSON-LD
    datePublished/dateModified, then <meta> tags, then <time itemprop> and <time>."""
    published = updated = None
    for item in json_ld:
        if published is None and isinstance(item.get("datePublished"), str):
            published = parse_date(item["datePublished"])
        if updated is None and isinstance(item.get("dateModified"), str):
            updated = parse_date(item["dateModified"])
    if published is None or updated is None:
        for meta in root.iter("meta"):
            if published is not None and updated is not None:
                break
            name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
            if updated is None and name in _MODIFIED_META:
                updated = parse_date(meta.get("content") or "")
            elif published is None and name in _ORIGINAL_META:
                published = parse_date(meta.get("content") or "")
    if published is None:
        # The first dated <time> (an update's own <time itemprop=dateModified> aside).
        for element in root.iter("time"):
            found = parse_date(element.get("datetime") or "")
            if found is None:
                continue
            if (element.get("itemprop") or "").lower() == "datemodified":
                updated = updated or found
                continue
            published = found
            break
    return published, updated


_UPDATED_WORD = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.IGNORECASE)
_PUBLISHED_WORD = re.compile(r"\b(?:published|posted|first\s+published)\b", re.IGNORECASE)


def own_dates(
    root: Any, json_ld: list[dict[str, Any]], stamps: Iterable[str], anchor: date | None
) -> OwnDates:
    """The document's own dates from its metadata and the texts of its byline and
    dateline blocks (`stamps`): a date after "Updated" is the update, any other the
    publication. `anchor` gives a year to a dateline that has none ("May 24 (UPI)")."""
    published, updated = metadata_dates(root, json_ld) if root is not None else (None, None)
    stated: list[date] = []
    for text in islice(stamps, 20):
        for start, found in day_dates(text, anchor):
            stated.append(found)
            before = text[:start]
            said_updated = [m.end() for m in _UPDATED_WORD.finditer(before)]
            said_published = [m.end() for m in _PUBLISHED_WORD.finditer(before)]
            if said_updated and (not said_published or said_updated[-1] > said_published[-1]):
                updated = updated or found
            else:
                published = published or found
    month = None
    if published is None and updated is None and root is not None:
        month = _published_month(root, json_ld)
    return OwnDates(published, updated, tuple(stated), month)


_YEAR_MONTH = re.compile(r"\s*((?:19|20)\d\d)-(0[1-9]|1[0-2])\s*$")


def _published_month(root: Any, json_ld: list[dict[str, Any]]) -> date | None:
    """The month of a publish stamp that gives no day: datePublished or a publish
    <meta> of the form "2023-11"."""
    values = [i["datePublished"] for i in json_ld if isinstance(i.get("datePublished"), str)]
    for meta in root.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in _ORIGINAL_META:
            values.append(meta.get("content") or "")
    for value in values:
        if (match := _YEAR_MONTH.match(value)) is not None:
            return date(int(match[1]), int(match[2]), 1)
    return None


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month{n}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
# The day-precision shapes bylines and datelines use; a year is optional only where
# an anchor can give one (press datelines: "May 24 (UPI) --").
_DAY_DATE = re.compile(
    r"\b(?:"
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<nm>\d{1,2})/(?P<nd>\d{1,2})/(?P<ny>\d{4})"
    rf"|{_MONTH.format(n=1)}\s+(?P<d1>\d{{1,2}}){_ORDINAL}(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH.format(n=2)},?\s+(?P<y2>\d{{4}})"
    r")(?:\b|(?=T\d\d:))",  # (a printed timestamp: "2026-12-01T10:14:00Z")
    re.IGNORECASE,
)


# A machine timestamp printed as is: "2026-12-01T10:14:00Z", "2026-12-01 10:14".
_ISO_STAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
# What a time stamp holds besides its date: weekday, "at", the time, its zone.
_STAMP_WORDS = re.compile(
    r"(?i:\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|\bat\b|\bon\b"
    r"|\b(?:gmt|utc|bst|cest?|ist|aest|aedt|jst|kst|[ecmp][sd]?t)\b"
    r"|\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?(?!\w))?)"
)


def date_and_time_only(text: str) -> bool:
    """A short line that is only a date with a year and a time of day: a page's own
    stamp ("1 December 2026 at 10:14", "2026-12-01T10:14:00Z", "Tue 1 Dec 2026 10.14 GMT"),
    never news. (A listing's line has no year: "Sunday 10 June, 9.00pm".)"""
    if len(text) > 60:
        return False
    if _ISO_STAMP.fullmatch(text.strip()):
        return True
    if _CLOCK.search(text) is None:
        return False
    dated = [m for m in _DAY_DATE.finditer(text) if m["iy"] or m["ny"] or m["y1"] or m["y2"]]
    if not dated:
        return False
    rest = _STAMP_WORDS.sub(" ", _DAY_DATE.sub(" ", text))
    return not any(c.isalnum() for c in rest)


def day_dates(text: str, anchor: date | None = None) -> list[tuple[int, date]]:
    """(offset, date) of each day-precision date in a short byline or dateline text:
    "June 11, 2025", "11 June 2025", "2025-06-11", "06/11/2025" (US order unless the
    first number cannot be a month), "Dec. 16" with `anchor`'s year."""
    found = []
    for match in _DAY_DATE.finditer(text):
        groups = match.groupdict()
        try:
            if groups["iy"]:
                value = date(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
            elif groups["ny"]:
                first, second = int(groups["nm"]), int(groups["nd"])
                month, day = (second, first) if first > 12 else (first, second)
                value = date(int(groups["ny"]), month, day)
            elif groups["month1"]:
                year = groups["y1"]
                if year is None:
                    if anchor is None:
                        continue
                    year = str(anchor.year)
                value = date(int(year), _MONTHS[groups["month1"].lower()], int(groups["d1"]))
            else:
                month = _MONTHS[groups["month2"].lower()]
                value = date(int(groups["y2"]), month, int(groups["d2"]))
        except ValueError:
            continue
        found.append((match.start(), value))
    return found


def json_ld_items(root: Any) -> Any:
    """Every JSON-LD object on the page, @graph and lists flattened (bounded)."""
    # (the page's <script> elements looked over once, as an XPath over the whole tree
    # would, and kept before any is read)
    scripts = [s for s in root.iter("script") if s.get("type") == "application/ld+json"]
    for script in scripts:
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        seen = 0
        while stack and seen < 500:
            seen += 1
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
                video = item.get("video")
                if isinstance(video, dict | list):
                    stack.append(video)


def json_ld_videos(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(normalized URL, name and description) of each VideoObject."""
    videos = []
    for item in items:
        kind = item.get("@type")
        if kind != "VideoObject" and not (isinstance(kind, list) and "VideoObject" in kind):
            continue
        for key in ("embedUrl", "contentUrl", "url"):
            value = item.get(key)
            if isinstance(value, str) and (url := normalize_video_url(value)):
                label = " ".join(
                    str(item.get(k) or "") for k in ("name", "description") if item.get(k)
                )
                videos.append((url, _clean(label)))
                break
    return videos
