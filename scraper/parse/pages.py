"""An HTML page (or a feed entry's HTML content) -> headline, text blocks, videos, date.

lxml directly: BeautifulSoup costs ten times as much per page, and the daemon
reads hundreds of pages a cycle. The walk is iterative, so 10,000 nested tags
cost no recursion.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml import etree

from scraper.parse.metadata import (
    byline_date,
    headline,
    json_ld_items,
    json_ld_videos,
    published_date,
    text_content,
)
from scraper.parse.selectors import BadSelector, compile_selector
from scraper.parse.videos import normalize_video_url


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
_BLOCK_END_TAGS = _BLOCK_TAGS - {"dt"}
_HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# A term and its definition, a row's cells: one block ("Premiere date | August 3").
_CELL_TAGS = frozenset(("td", "th", "dd"))
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
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


def read_page(text: str, select: str | None = None) -> Page:
    root = _parse_html(text)
    if root is None:
        return Page("", (), (), None)
    items = list(json_ld_items(root))
    published = published_date(root, items)
    title = headline(root, items)
    blocks: list[Block] = []
    videos: list[Video] = []
    if select:
        try:
            matches = compile_selector(select)(root)
        except (BadSelector, etree.XPathError) as exc:
            raise SelectorError(f"select: {exc}") from exc
        if not matches:
            raise SelectorError(f"select {select!r} matches nothing on the page")
        for element in matches:
            _walk(element, blocks, videos)
    else:
        _walk(root, blocks, videos)
        at = len(blocks)
        videos.extend(Video(url, label, at, False, True) for url, label in json_ld_videos(items))
        if not blocks:
            blocks = _text_fallback(text)
        if sum(len(b.text) for b in blocks if not b.chrome) < 200:
            # A page rendered by script carries its article only in JSON-LD.
            blocks.extend(_json_ld_body(items))
    if published is None:
        published = byline_date(block.text for block in blocks)
    return Page(title, tuple(blocks), tuple(videos), published)


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


# lxml.html's parser builds the same tree, but looks up a Python class for every
# element the walk touches; the walk needs nothing of those classes.
_HTML_PARSER = etree.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
)


def _parse_html(text: str) -> Any:
    """The document's root element; None for an empty or unreadable document."""
    try:
        return etree.fromstring(text.encode("utf-8", "surrogatepass"), parser=_HTML_PARSER)
    except (etree.ParserError, ValueError, UnicodeError):
        return None


def _clean(text: str) -> str:
    # str.split() splits on exactly the characters `\s` matches in a str pattern, and is
    # several times cheaper than a regex substitution over a long paragraph.
    return " ".join(text.replace("\u00ad", "").replace("\u200b", "").split())


def _is_chrome(element: Any, tag: str) -> bool:
    if tag in _CHROME_TAGS:
        return True
    if tag in _NEVER_CHROME:
        return False
    class_, id_, role = element.get("class"), element.get("id"), element.get("role")
    if not (class_ or id_ or role):  # most elements: no names, nothing to match
        return False
    names = f"{class_ or ''} {id_ or ''} {role or ''}"
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
    # The outermost open furniture and heading elements: what lies inside one is
    # furniture (or heading) whatever it is itself, so nothing inside is asked again.
    # Headings are block tags, so a block is a heading exactly when one is open.
    chrome_root: Any = None
    heading_root: Any = None
    skipping = False
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if skipping:  # only its own end event comes: the subtree is skipped
            skipping = False
            tail = element.tail
            if tail:
                parts.append(tail)
            continue
        tag = element.tag
        if tag.__class__ is not str:
            tag = ""
        start = event == "start"
        if start and tag in _SKIP_TAGS:
            skipping = True
            walker.skip_subtree()
            continue
        # A term runs on into its definition: no break after </dt>.
        if tag in (_BLOCK_TAGS if start else _BLOCK_END_TAGS) and parts:
            text = "".join(parts)
            parts.clear()
            if not text.isspace():  # most often the newlines between tags
                _add_blocks(text, blocks, heading_root is not None, chrome_root is not None)
        if start:
            if chrome_root is None and _is_chrome(element, tag):
                chrome_root = element
            if heading_root is None and tag in _HEADING_TAGS:
                heading_root = element
            if _may_hold_video(element):
                _collect_video(element, tag, blocks, videos, chrome_root is not None)
            if tag in _CELL_TAGS:
                parts.append(" | ")
            text = element.text
            if text:
                parts.append(text)
        else:
            if element is chrome_root:
                chrome_root = None
            if element is heading_root:
                heading_root = None
            tail = element.tail
            if tail:
                parts.append(tail)
    if parts:
        text = "".join(parts)
        _add_blocks(text, blocks, heading_root is not None, chrome_root is not None)


def _add_blocks(text: str, blocks: list[Block], heading: bool, chrome: bool) -> None:
    # A blank line is a paragraph break in plain text and in <pre>.
    paragraphs = _PARAGRAPH_BREAK.split(text) if "\n" in text else (text,)
    for paragraph in paragraphs:
        cleaned = _clean(paragraph)
        if cleaned:
            blocks.append(Block(cleaned, heading, chrome))


def _may_hold_video(element: Any) -> bool:
    """Any attribute naming YouTube: one look over all values, the exact check after.
    ("yout" holds no space, so joining the values cannot make a match.)"""
    return "yout" in " ".join(element.values())


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
            label = _clean(text_content(element))
            embedded = False
        else:
            label = _clean(element.get("title") or element.get("aria-label") or "")
            embedded = True
        videos.append(Video(url, label, len(blocks), chrome, embedded))
        return


def _json_ld_body(json_ld: list[dict[str, Any]]) -> list[Block]:
    for item in json_ld:
        body = item.get("articleBody")
        if isinstance(body, str) and body.strip():
            if "<" in body:
                return list(read_fragment(body)[0])
            return [Block(cleaned) for part in body.split("\n") if (cleaned := _clean(part))]
    return []
