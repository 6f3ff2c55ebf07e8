"""What a page says about itself: headline, publish date, JSON-LD videos.

The publish date anchors dates written without a year; the order of sources is
the usual one for news pages: JSON-LD, then <meta> tags, then <time>, then a
dated byline near the top.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
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


def headline(root: Any, json_ld: list[dict[str, Any]]) -> str:
    for xpath in ('//meta[@property="og:title"]/@content', "//h1", "//title"):
        found = root.xpath(xpath)
        if found:
            value = found[0] if isinstance(found[0], str) else text_content(found[0])
            text = _clean(value)
            if text:
                return text
    for item in json_ld:
        if isinstance(item.get("headline"), str):
            return _clean(item["headline"])
    return ""


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
    page's blocks in order (plain text, so pages, which calls this, needs no import back)."""
    from scraper.extract.dates import find_dates  # the extractor loads only when a page is read

    candidates = [text for text in islice(texts, 40) if len(text) <= 100]
    for text in sorted(candidates, key=lambda t: _BYLINE.search(t) is None):
        for mention in find_dates(text, None):
            if mention.precision == "day":
                return date.fromisoformat(mention.value)
    return None


def json_ld_items(root: Any) -> Any:
    """Every JSON-LD object on the page, @graph and lists flattened (bounded)."""
    for script in root.xpath('//script[@type="application/ld+json"]'):
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
