"""An HTML page (or a feed entry's HTML content) -> headline, text blocks, videos, date.

lxml directly: BeautifulSoup costs ten times as much per page, and the daemon
reads hundreds of pages a cycle. The walk is iterative, so 10,000 nested tags
cost no recursion.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any

import lxml.html
from lxml import etree

from scraper.extract.videos import normalize_video_url


class SelectorError(ValueError):
    """A CSS selector this module cannot read, or one that matches nothing."""


@dataclass(frozen=True)
class Block:
    """A paragraph, heading, list item or table row, as plain text."""

    text: str
    heading: bool = False
    chrome: bool = False  # navigation, sidebars, related/trending lists, footers


@dataclass(frozen=True)
class Video:
    url: str  # normalized watch URL
    label: str  # the link text, iframe title, VideoObject name/description, entry title
    block: int  # index of the block it sits in (or the next one): its surrounding words
    chrome: bool = False
    embedded: bool = False  # a player on the page rather than a link in a sentence


@dataclass(frozen=True)
class Page:
    headline: str
    blocks: tuple[Block, ...]
    videos: tuple[Video, ...]
    published: date | None


_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "figure",
        "figcaption",
        "blockquote",
        "pre",
        "br",
        "hr",
        "address",
        "aside",
        "nav",
        "footer",
        "form",
        "fieldset",
        "details",
        "summary",
        "iframe",
        "noscript",
    ]
)
_HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_CELL_TAGS = frozenset(("td", "th"))
_SKIP_TAGS = frozenset(
    ["script", "style", "template", "svg", "head", "button", "select", "option", "textarea"]
)
_CHROME_TAGS = frozenset(("nav", "aside", "footer"))
_NEVER_CHROME = frozenset(("html", "body", "main", "article"))
# Class or id words of page furniture around an article.
_CHROME_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|sidebar|side-bar|rail|related|trending|popular|"
    r"most-read|mostread|recommend\w*|read-next|readnext|more-stories|newsletter|footer|"
    r"breadcrumbs?|share|social|promo|widget|comments?|tags|taglist|watch-next|up-next|"
    r"outbrain|taboola|cards?-grid|more-to-explore)(?:$|[\s_-])",
    re.IGNORECASE,
)
_VIDEO_ATTRS = ("src", "data-src", "data-lazy-src", "href", "data", "value", "data-url")
_SPACES = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
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


def read_page(text: str, select: str | None = None) -> Page:
    root = _parse_html(text)
    if root is None:
        return Page("", (), (), None)
    published = _published(root)
    json_ld = list(_json_ld(root))
    headline = _headline(root, json_ld)
    if select:
        from scraper.selectors import css_to_xpath

        try:
            matches = root.xpath(css_to_xpath(select))
        except (ValueError, etree.XPathError) as exc:
            raise SelectorError(f"select {select!r}: {exc}") from exc
        if not matches:
            raise SelectorError(f"select {select!r} matches nothing on the page")
        blocks: list[Block] = []
        videos: list[Video] = []
        for element in matches:
            _walk(element, blocks, videos)
    else:
        blocks, videos = [], []
        _walk(root, blocks, videos)
        videos.extend(_json_ld_videos(json_ld, len(blocks)))
        if not blocks:
            blocks = _text_fallback(text)
        if published is None:
            published = _byline_date(blocks)
        if sum(len(b.text) for b in blocks if not b.chrome) < 200:
            # A page rendered by script carries its article only in JSON-LD.
            blocks.extend(_json_ld_body(json_ld))
    return Page(headline, tuple(blocks), tuple(videos), published)


_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|tr|br|section|article)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")


def _text_fallback(text: str) -> list[Block]:
    """libxml2 gives up on pathological trees (thousands of nested tags) and returns
    nothing: read the text between the tags instead."""
    stripped = _ANY_TAG.sub(" ", _BLOCK_TAG.sub("\n\n", _SCRIPTS.sub(" ", text)))
    return [
        Block(cleaned)
        for paragraph in _PARAGRAPH_BREAK.split(html.unescape(stripped))
        if (cleaned := _clean(paragraph))
    ]


def read_fragment(html: str) -> tuple[tuple[Block, ...], tuple[Video, ...]]:
    """Blocks and videos of an HTML snippet (a feed entry's description or content)."""
    if "<" not in html:
        text = _clean(html)
        return ((Block(text),) if text else ()), ()
    root = _parse_html(html)
    if root is None:
        return (), ()
    blocks: list[Block] = []
    videos: list[Video] = []
    _walk(root, blocks, videos)
    return tuple(blocks), tuple(videos)


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


_HTML_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
)


def _parse_html(text: str) -> Any:
    try:
        return lxml.html.document_fromstring(
            text.encode("utf-8", "surrogatepass"), parser=_HTML_PARSER
        )
    except (etree.ParserError, ValueError, UnicodeError):
        return None


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00ad", "").replace("\u200b", "")).strip()


def _is_chrome(element: Any) -> bool:
    if element.tag in _CHROME_TAGS:
        return True
    if element.tag in _NEVER_CHROME:
        return False
    names = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"
    # Page furniture is named plainly ("sidebar", "related-stories"); a long
    # feature-flag class ("vector-feature-main-menu-pinned-disabled") is not furniture.
    named = any(
        _CHROME_NAMES.search(token) is not None
        for token in names.split()
        if token.count("-") + token.count("_") <= 3
    )
    # "article-body share-enabled": a container that holds the article is not
    # furniture, whatever its classes say.
    return named and not _holds_article(element)


def _holds_article(element: Any) -> bool:
    if element.find(".//h1") is not None:
        return True
    return element.xpath("count(.//p[string-length(normalize-space()) > 120])") > 3


def _walk(root: Any, blocks: list[Block], videos: list[Video]) -> None:
    """Text in reading order, cut into blocks at block-level tags."""
    parts: list[str] = []
    chrome_depth = 0
    heading_depth = 0
    flags: list[tuple[bool, bool]] = []  # per open element: (was chrome, was heading)
    heading_in_block = False

    def flush() -> None:
        nonlocal heading_in_block
        # A blank line is a paragraph break in plain text and in <pre>.
        for paragraph in _PARAGRAPH_BREAK.split("".join(parts)):
            text = _clean(paragraph)
            if text:
                heading = heading_in_block or heading_depth > 0
                blocks.append(Block(text, heading, chrome_depth > 0))
        parts.clear()
        heading_in_block = False

    skipping: Any = None
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
                if element.tail:
                    parts.append(element.tail)
            continue
        if event == "start":
            if tag in _SKIP_TAGS:
                skipping = element
                continue
            chrome = _is_chrome(element)
            heading = tag in _HEADING_TAGS
            if tag in _BLOCK_TAGS:
                flush()
            chrome_depth += chrome
            heading_depth += heading
            flags.append((chrome, heading))
            if heading:
                heading_in_block = True
            _collect_video(element, tag, blocks, videos, chrome_depth > 0)
            if tag in _CELL_TAGS:
                parts.append(" | ")
            if element.text:
                parts.append(element.text)
        else:
            if tag in _SKIP_TAGS:
                continue
            if tag in _BLOCK_TAGS:
                flush()
            if flags:
                chrome, heading = flags.pop()
                chrome_depth -= chrome
                heading_depth -= heading
            if element.tail:
                parts.append(element.tail)
    flush()


def _collect_video(
    element: Any, tag: str, blocks: list[Block], videos: list[Video], chrome: bool
) -> None:
    for name in _VIDEO_ATTRS:
        value = element.get(name)
        if not value or "yout" not in value:
            continue
        url = normalize_video_url(value)
        if url is None:
            continue
        if tag == "a":
            label = _clean(element.text_content())
            embedded = False
        else:
            label = _clean(element.get("title") or element.get("aria-label") or "")
            embedded = True
        videos.append(Video(url, label, len(blocks), chrome, embedded))
        return


def _headline(root: Any, json_ld: list[dict[str, Any]]) -> str:
    for xpath in ('//meta[@property="og:title"]/@content', "//h1", "//title"):
        found = root.xpath(xpath)
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text_content()
            text = _clean(value)
            if text:
                return text
    for item in json_ld:
        if isinstance(item.get("headline"), str):
            return _clean(item["headline"])
    return ""


def _published(root: Any) -> date | None:
    """The date the text was last written: an updated article's "August 3" is read
    from its update, not from when it first appeared."""
    for item in _json_ld(root):
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


_BYLINE = re.compile(r"\b(?:published|updated|posted|by)\b", re.IGNORECASE)


def _byline_date(blocks: list[Block]) -> date | None:
    """A page without date metadata: the dated byline near the top ("Published:
    13 September 2022", "By Dana Whitford / June 17, 2023")."""
    from scraper.extract.dates import find_dates

    candidates = [b.text for b in blocks[:40] if len(b.text) <= 100]
    for text in sorted(candidates, key=lambda t: _BYLINE.search(t) is None):
        for mention in find_dates(text, None):
            if mention.precision == "day":
                return date.fromisoformat(mention.value)
    return None


def _json_ld(root: Any) -> Any:
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


def _json_ld_body(json_ld: list[dict[str, Any]]) -> list[Block]:
    for item in json_ld:
        body = item.get("articleBody")
        if isinstance(body, str) and body.strip():
            if "<" in body:
                return list(read_fragment(body)[0])
            return [Block(cleaned) for part in body.split("\n") if (cleaned := _clean(part))]
    return []


def _json_ld_videos(json_ld: list[dict[str, Any]], at_block: int) -> list[Video]:
    videos = []
    for item in json_ld:
        kind = item.get("@type")
        if kind != "VideoObject" and not (isinstance(kind, list) and "VideoObject" in kind):
            continue
        for key in ("embedUrl", "contentUrl", "url"):
            value = item.get(key)
            if isinstance(value, str) and (url := normalize_video_url(value)):
                label = " ".join(
                    str(item.get(k) or "") for k in ("name", "description") if item.get(k)
                )
                videos.append(Video(url, _clean(label), at_block, False, True))
                break
    return videos
