"""RSS 2.0 / RSS 1.0 / Atom -> entries, with lxml (about ten times cheaper than
feedparser); feedparser reads what lxml cannot recover whole.

libxml2's recovery keeps going past broken markup by closing and reopening tags,
and an entry can come out of it cut short (an unclosed <br> in a description ends
it there, with the trailer's iframe after it), merged into its neighbour, or
lost. feedparser's loose parser reads such an entry whole, so a feed whose
recovery restructured the tree goes to feedparser, not only one lxml gives up on.

An entry is first known only by its identity, a fingerprint of its XML and its raw
words (`FeedItem`); its HTML is parsed and its dates and videos found (`read()`)
only when it is new or changed and may name a watch. Most entries of a feed are
other news, and reading one costs twenty times more than knowing it.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from html.entities import name2codepoint
from typing import Any

from lxml import etree

from scraper.parse.metadata import OwnDates, own_dates, parse_date
from scraper.parse.pages import Block, Video, read_fragment
from scraper.parse.videos import id_watch_url, normalize_video_url


@dataclass(frozen=True)
class Entry:
    headline: str
    link: str
    guid: str
    published: date | None
    blocks: tuple[Block, ...]
    videos: tuple[Video, ...]
    own_dates: OwnDates = OwnDates()


class FeedItem:
    """An entry as the feed's XML holds it, not read yet.

    Its identity (guid, link) and the fingerprint of its XML are worked out when first
    asked for: most entries of a feed that names a watch once are other news, which the
    pre-filter passes over on their raw XML (`raw`) without them."""

    __slots__ = ("element", "feed_date", "_body", "_span", "_fields", "_identity", "_fingerprint")

    def __init__(
        self,
        element: Any,
        feed_date: date | None,
        body: str | None = None,
        span: tuple[int, int] | None = None,
    ):
        self.element, self.feed_date = element, feed_date
        self._body, self._span = body, span
        self._fields: list[tuple[str, Any]] | None = None
        self._identity: tuple[str, str] | None = None
        self._fingerprint: str | None = None

    @property
    def guid(self) -> str:
        return self._ids()[0]

    @property
    def link(self) -> str:
        return self._ids()[1]

    @property
    def fingerprint(self) -> str:
        """Of the entry's XML (as lxml writes it): a changed entry gets a new one."""
        if self._fingerprint is None:
            xml = etree.tostring(self.element, encoding="utf-8")
            self._fingerprint = hashlib.sha256(xml).hexdigest()[:32]
        return self._fingerprint

    @property
    def span(self) -> tuple[str, tuple[int, int]] | None:
        """(the feed's body, where in it this entry's XML is written), or None when the
        tags written do not line up with the entries read (then only `words()` tells)."""
        if self._body is None or self._span is None:
            return None
        return self._body, self._span

    def _ids(self) -> tuple[str, str]:
        if self._identity is None:
            self._identity = _identity(self._named_fields())
        return self._identity

    def _named_fields(self) -> list[tuple[str, Any]]:
        # Asked for twice of an entry that is read (its identity, then its reading).
        if self._fields is None:
            self._fields = _fields(self.element)
        return self._fields

    def words(self) -> str:
        """Every text and attribute value of the entry, as written (entities in its HTML
        content still encoded): everything a reading of it could find a name in."""
        # Field by field: minified XML has no space between "<title>...Empire</title>" and
        # "<link>https:...", and "Empirehttps" would not be the name.
        text = "\n".join(
            (
                self.element.text or "",
                *(_text_of(child) for child in self.element),
            )
        )
        if not any(len(child) for child in self.element):
            return text  # no markup inside its fields: their attributes are links and flags
        # An Atom entry's XHTML content keeps an iframe's title in an attribute.
        return text + "\n" + "\n".join(_ATTRIBUTE_VALUES(self.element))

    def read(self) -> Entry:
        return _entry(self.element, self.feed_date, self.guid, self.link, self._named_fields())


def _text_of(element: Any) -> str:
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


_ATTRIBUTE_VALUES = etree.XPath(".//@*")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# A named entity XML does not define (the five it does are left alone).
_NAMED_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z][A-Za-z0-9]*);")
_ENTRY_TAGS = frozenset(("item", "entry"))
_ENTRY_TAG_ENDS = tuple(_ENTRY_TAGS)
_ENTRY_END = re.compile(r"</(?:[\w-]+:)?(?:item|entry)\s*>")
_ENTRY_START = re.compile(r"<(?:[\w-]+:)?(?:item|entry)[\s/>]")
_FEED_END = re.compile(r"</(?:[\w-]+:)?(?:rss|feed|RDF)\s*>\s*$")
# Recovery closed or reopened tags to go on: what follows in that entry may be cut
# off, or belong to the wrong entry. (A stray & or < costs only that character.)
_RESTRUCTURED = etree.ErrorTypes.ERR_TAG_NAME_MISMATCH
_DATE_TAGS = ("pubDate", "published", "date", "issued", "updated", "modified")
_CONTENT_TAGS = ("encoded", "content", "description", "summary")


def feed_items(text: str) -> list[FeedItem] | None:
    """The entries of a feed, unread; None when lxml cannot read them whole (no entry
    found, or recovery lost or restructured one): read_feed_leniently then."""
    body = _XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1)
    # HTML entities (&nbsp;, &eacute;) are undefined in XML: a recovering
    # parser would drop them, and the words around them with them.
    body = _NAMED_ENTITY.sub(_numeric_entity, body)
    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True
    )
    root = etree.fromstring(body.encode("utf-8", "surrogatepass"), parser)
    if root is None:
        return None
    feed_date = _feed_date(root)
    if parser.error_log:
        # Recovered: a tag may have a prefix no namespace declares ("atom:entry").
        # endswith first: a feed has hundreds of elements and only its entries end so.
        items = [
            el
            for el in root.iter(etree.Element)
            if el.tag.endswith(_ENTRY_TAG_ENDS) and _local(el) in _ENTRY_TAGS
        ]
    else:  # every prefix declared: lxml's own filter, in any namespace or none
        items = list(root.iter("{*}item", "{*}entry"))
    if parser.error_log:
        if _damaged(body, len(items), parser.error_log):
            return None
        # A cut-off body leaves its last entry half-read: keep only closed entries.
        items = items[: len(_ENTRY_END.findall(body))]
    if not items:
        return None if parser.error_log else []
    spans = None if parser.error_log else _spans(body, items)
    if spans is None:
        return [FeedItem(item, feed_date) for item in items]
    return [FeedItem(item, feed_date, body, span) for item, span in zip(items, spans, strict=True)]


def _spans(body: str, items: list[Any]) -> list[tuple[int, int]] | None:
    """Where each entry lxml read is written in `body`: its start tag to its end tag.
    None unless the tags written line up one to one with the entries read, in order and
    not nested (an entry tag inside CDATA or a comment, an entry in an entry, a self-closed
    one), and no comment or split CDATA section could hide a name's letters from a scan
    of the raw XML (lxml drops comments and joins CDATA sections)."""
    if "<!--" in body or "]]><![CDATA[" in body:
        return None
    names = {f"{el.prefix}:{_local(el)}" if el.prefix else _local(el) for el in items}
    if len(names) != 1:
        return None
    start_tag, end_tag = _entry_tags(names.pop())
    starts = [match.start() for match in start_tag.finditer(body)]
    if len(starts) != len(items):
        return None
    ends = [match.end() for match in end_tag.finditer(body)]
    if len(ends) != len(items):
        return None
    bounds = [*starts[1:], len(body)]
    placed = zip(starts, ends, bounds, strict=True)
    if any(not start < end <= bound for start, end, bound in placed):
        return None
    return list(zip(starts, ends, strict=True))


@lru_cache(maxsize=16)
def _entry_tags(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An entry's start and end tag as written ("item", "atom:entry"): a literal the
    regex engine finds fast, where a pattern for any prefix tries every "<"."""
    return re.compile("<" + re.escape(name) + r"[\s/>]"), re.compile(
        "</" + re.escape(name) + r"\s*>"
    )


def _damaged(body: str, recovered: int, errors: Any) -> bool:
    """Recovery lost an entry (fewer than the entry tags written, less the one a
    cut-off body leaves open) or restructured the tree around one."""
    written = len(_ENTRY_START.findall(body)) - (0 if _FEED_END.search(body) else 1)
    return recovered < written or any(error.type == _RESTRUCTURED for error in errors)


def read_feed_leniently(text: str) -> list[Entry] | None:
    import feedparser

    body = _XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1)
    # Bytes in a stream: given a str, feedparser fetches it if it looks like a URL and
    # opens it if it names a file. The text is decoded already: tell it so.
    try:
        parsed = feedparser.parse(
            io.BytesIO(body.encode("utf-8", "surrogatepass")),
            response_headers={"content-type": "application/xml; charset=utf-8"},
            # Its sanitizer strips <iframe>: the embedded trailers an entry is read for.
            sanitize_html=False,
        )
    except Exception:  # noqa: BLE001 - its sgmllib raises what hostile bytes provoke
        # ("&#xFFFFFFFF;" is an OverflowError in chr()): a body no reader can read.
        return None
    items = parsed.entries
    if not _FEED_END.search(body) and len(items) > len(_ENTRY_END.findall(body)):
        items = items[:-1]  # a cut-off body: its last entry is half there
    if not items:
        return None
    feed_date = _struct_date(
        parsed.feed.get("updated_parsed") or parsed.feed.get("published_parsed")
    )
    entries = []
    for item in items:
        headline = html.unescape(item.get("title", "") or "").strip()
        content = " ".join(c.get("value", "") for c in item.get("content", []) or [])
        blocks, videos = read_fragment(content or item.get("summary", "") or "")
        videos = tuple(replace(v, label=_link_label(v.label, headline)) for v in videos)
        link = item.get("link", "") or ""
        videos = _with_link_video(link, headline, videos)
        if url := id_watch_url(str(item.get("yt_videoid") or "")):
            videos += (Video(url, headline, 0, False, True),)
        published = _struct_date(item.get("published_parsed") or item.get("updated_parsed"))
        dates = {
            name: found
            for name, key in (("published", "published_parsed"), ("updated", "updated_parsed"))
            # dict.get: feedparser's own get maps a missing "updated" to "published".
            if (found := _struct_date(dict.get(item, key)))
        }
        blocks = _with_headline(headline, blocks)
        entries.append(
            Entry(
                headline,
                link,
                item.get("id", "") or "",
                published or feed_date,
                blocks,
                videos,
                _entry_dates(dates, blocks, published or feed_date),
            )
        )
    return entries


def _numeric_entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name not in name2codepoint:
        return match.group(0)
    return f"&#{name2codepoint[name]};"


def _local(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        if len(_LOCAL_NAMES) >= _LOCAL_NAMES_MAX:
            _LOCAL_NAMES.clear()  # a feed inventing tags must not grow memory
        name = _LOCAL_NAMES[tag] = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
    return name


# "{http://www.w3.org/2005/Atom}entry" -> "entry": a feed has a few dozen distinct tags
# and this is asked for every element; bounded by the tags feeds use, cleared if not.
_LOCAL_NAMES: dict[str, str] = {}
_LOCAL_NAMES_MAX = 4096


def _text(element: Any) -> str:
    if not len(element):
        return (element.text or "").strip()
    return "".join(element.itertext()).strip()


def _feed_date(root: Any) -> date | None:
    channel = next((el for el in root if _local(el) == "channel"), root)
    for child in channel:
        if _local(child) in ("lastBuildDate", "pubDate", "updated", "date"):
            found = parse_date(_text(child))
            if found:
                return found
    return None


def _identity(fields: list[tuple[str, Any]]) -> tuple[str, str]:
    """(guid, link): the first guid or id; the first link's text or alternate href."""
    guid = link = ""
    for name, child in fields:
        if name == "link":
            href = child.get("href")
            if href is None:
                link = link or _text(child)
            elif child.get("rel") in (None, "alternate") and not link:
                link = href.strip()
        elif name in ("guid", "id") and not guid:
            guid = _text(child)
    return guid, link


def _entry(
    item: Any,
    feed_date: date | None,
    guid: str,
    link: str,
    fields: list[tuple[str, Any]] | None = None,  # _fields(item), when known already
) -> Entry:
    """Read an entry whose identity (`_identity`) is known already."""
    headline = ""
    published: date | None = None
    dates: dict[str, date] = {}
    contents: dict[str, str] = {}
    videos: list[Video] = []
    for name, child in _fields(item) if fields is None else fields:
        if name == "title" and not headline:
            headline = _text(child)
        elif name == "link":
            href = child.get("href")
            if href and (url := normalize_video_url(href)):
                videos.append(Video(url, "", 0, False, True))
        elif name in _DATE_TAGS and name not in dates:
            found = parse_date(_text(child))
            if found:
                dates[name] = found
        elif name in _CONTENT_TAGS or name == "description":
            contents.setdefault(name, _content(child))
        elif name in ("videoId", "content", "player") and (url := _own_video(name, child)):
            videos.append(Video(url, "", 0, False, True))
    for name in _DATE_TAGS:
        if name in dates:
            published = dates[name]
            break
    body = next((contents[name] for name in _CONTENT_TAGS if contents.get(name)), "")
    blocks, inline_videos = read_fragment(body)
    headline = html.unescape(headline) if "&" in headline else headline
    blocks = _with_headline(headline, blocks)
    # A video the entry itself is (YouTube feeds) is described by the entry's title.
    own = tuple(Video(v.url, headline, 0, False, True) for v in videos)
    shifted = tuple(
        Video(v.url, _link_label(v.label, headline), v.block + 1, v.chrome, v.embedded)
        for v in inline_videos
    )
    dates = _entry_dates(dates, blocks, published or feed_date)
    return Entry(
        headline, link, guid, published or feed_date, blocks, _unique(own + shifted), dates
    )


def _link_label(label: str, headline: str) -> str:
    """Reddit's feeds link a link post's target as "[link]": the post's title is its label
    ("Dune: Part Three | Official Trailer")."""
    return headline if label == "[link]" and headline else label


def _entry_dates(
    dates: dict[str, date], blocks: tuple[Block, ...], anchor: date | None
) -> OwnDates:
    """An entry's own dates: its feed dates (published/issued/pubDate; updated/modified),
    then those its byline and dateline blocks state."""
    stamps = (
        b.text if b.role in ("byline", "dateline") else b.text[: b.dateline]
        for b in blocks[:60]
        if b.role in ("byline", "dateline") or b.dateline
    )
    found = own_dates(None, [], stamps, anchor)
    published = next(
        (dates[n] for n in ("published", "pubDate", "issued", "date") if n in dates), None
    )
    updated = next((dates[n] for n in ("updated", "modified") if n in dates), None)
    return OwnDates(published or found.published, updated or found.updated, found.stated)


def _own_video(name: str, element: Any) -> str | None:
    """The video an entry is: a bare id (yt:videoId, checked like any id) or a media URL."""
    if name == "videoId":
        return id_watch_url(_text(element))
    return normalize_video_url(element.get("url") or "")


def _fields(item: Any) -> list[tuple[str, Any]]:
    """An entry's own elements, and those of a media:group (YouTube feeds), each with
    its local name (asked once: an entry's identity and its reading both go by them)."""
    fields = []
    for child in item:
        name = _local(child)
        fields.append((name, child))
        if name == "group":
            fields.extend((_local(grandchild), grandchild) for grandchild in child)
    return fields


def _content(element: Any) -> str:
    if element.get("type") == "xhtml" or len(element):
        return "".join(
            etree.tostring(child, encoding="unicode", method="html") for child in element
        ) + (element.text or "")
    return element.text or ""


def _with_headline(headline: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return ((Block(headline, heading=True, role="headline"),) if headline else ()) + blocks


def _with_link_video(link: str, headline: str, videos: tuple[Video, ...]) -> tuple[Video, ...]:
    url = normalize_video_url(link) if link else None
    return ((Video(url, headline, 0, False, True),) if url else ()) + videos


def _unique(videos: tuple[Video, ...]) -> tuple[Video, ...]:
    seen: set[str] = set()
    kept = []
    for video in videos:
        key = f"{video.url}|{video.block}"
        if key not in seen:
            seen.add(key)
            kept.append(video)
    return tuple(kept)


def _struct_date(value: Any) -> date | None:
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday) if value else None
    except (AttributeError, ValueError):
        return None
