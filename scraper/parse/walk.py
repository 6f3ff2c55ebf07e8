"""The walk over a parsed page's elements: text in reading order, cut into blocks at
block-level tags, each with its role (from the names, names.py, or its content), link
rails measured, and the videos the page links or embeds. Iterative, so 10,000 nested
tags cost no recursion."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from lxml import etree

from scraper.parse.blocks import Block, Video
from scraper.parse.metadata import date_and_time_only, day_dates, text_content
from scraper.parse.names import (
    _CONTAINER_TAGS,
    _NEVER_CHROME,
    _TAG_FURNITURE,
    _TAG_ROLES,
    _holds_article,
    _name_meaning,
)
from scraper.parse.videos import (
    bare_video_url,
    normalize_video_url,
    valid_video_id,
    watch_url,
    written_video_urls,
)

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
        # Reddit's post and comments: a comment's furniture must not take in the post's
        # last line.
        "shreddit-post",
        "shreddit-comment",
    ]
)
_BLOCK_END_TAGS = _BLOCK_TAGS - {"dt"}
_HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# Tags the walk keeps state for (links, list items, tables, <time>, headings).
_TRACKED_TAGS = _HEADING_TAGS | frozenset(("a", "li", "tr", "table", "time", "td", "th"))
# A term and its definition, a row's cells: one block ("Premiere date | August 3").
_CELL_TAGS = frozenset(("td", "th", "dd"))
# Between cells in the walk's text: split into Block.cells, shown as " | " in Block.text.
# (Private use, not whitespace: a row with empty cells still reads "|", as it always has.)
_CELL = "\ue000"
_SKIP_TAGS = frozenset(
    ["script", "style", "template", "svg", "head", "button", "select", "option", "textarea"]
)
# Containers whose text, when mostly link text, is a rail of links (related stories,
# a menu) whatever their names say.
_RAIL_TAGS = frozenset(("ul", "ol", "div", "section", "table", "dl"))
_RAIL_MIN_LINKS = 3
_RAIL_LINK_SHARE = 0.7
# Below the headline, a rail's links are headlines; short ones (an infobox's "Drama",
# "Joe Locke") are facts of the article.
_RAIL_MIN_LINK_LENGTH = 12
# A link-dense container holding this share of the page's text is the page's content
# (a list of headlines someone watches on purpose), not a rail beside it.
_RAIL_MAX_PAGE_SHARE = 0.5
_VIDEO_ATTRS = (
    "src",
    "data-src",
    "data-lazy-src",
    "href",
    "data",
    "value",
    "data-url",
    "content-href",  # new Reddit's <shreddit-post>: the link post's target
)
# Attributes that hold a bare YouTube id: <lite-youtube videoid>, <amp-youtube
# data-videoid>, players' data-youtube-id / data-video-id.
_VIDEO_ID_ATTRS = (
    "videoid",
    "video-id",
    "data-videoid",
    "data-youtube-id",
    "data-youtubeid",
    "data-yt-id",
    "data-video-id",
)
# Where a bare id may sit: players are divs, figures and custom elements (<lite-youtube>,
# <amp-youtube>); a link, an image or an iframe names YouTube in its URL when it is one.
# (Asking every <a>, <span> and <img> too costs the page reader several percent.)
_PLAYER_TAGS = frozenset(("div", "figure"))
# A player's button words before its video's title ("Play: Lioness | Season 2 Official
# Trailer"): the player's, not the video's (they would read as the product it is for).
_PLAYER_VERB = re.compile(
    r"^\s*(?:play|watch|play\s+video|watch\s+video|video)\s*[:\u2014\u2013-]\s+", re.I
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")

_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
# "By Jane Roe", "By JANE ROE and Sam Poe · June 11, 2025"; not "By December, fans...".
_BY_NAME = re.compile(
    r"\s*(?i:by)\s+(?!" + _MONTH_WORD + r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
    r"|(?:The|Then|Now|Late|Early|Mid|Next|This|That|Far|Its|His|Her|Their)\b)"
    r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"\s*(?:$|[\u00b7\u2022|/,\u2014\u2013-]|\s(?:and|&)\s|\s(?i:published|updated|posted|on)\b|\d)"
)
# "Updated December 1, 2026 10:14 am ET", "Published: 13 September 2022", "Posted 3 hours ago".
_STAMP_WORD = re.compile(
    r"\s*(?i:(?:last\s+)?updated|published|first\s+published|posted|modified)\b\s*(?:on\b|at\b|:)?"
)
_STAMP_INITIALS = frozenset("BbUuPpFfLlMm")
_CLOCK_OR_AGO = re.compile(r"\d{1,2}:\d{2}|\b(?:ago|yesterday|today)\b", re.IGNORECASE)
_STAMP_SEPARATOR = re.compile(r"\s[\u00b7\u2022|]\s")
# A press dateline opening a paragraph: city (and state), date, wire or agency, dash.
_DATELINE = re.compile(
    r"(?:(?P<city>[A-Z][A-Z.'\u2019\- ]{2,40}?)"
    r"(?:,\s*(?:[A-Z][a-z]{1,12}\.?|[A-Z]{2})(?:\s[A-Z][a-z]+\.?)?)?"
    r"(?:\s*[,\u2013\u2014-]\s*|\s+))?"
    r"(?:\(?(?P<date>" + _MONTH_WORD + r"\s+\d{1,2}(?:,?\s+\d{4})?"
    r"|\d{1,2}\s+" + _MONTH_WORD + r"(?:\s+\d{4})?|\d{4}-\d{2}-\d{2})\)?\s*)?"
    r"(?P<source>\([A-Z][\w.&' ]{0,25}\)\s*|/\s*[A-Z][\w ]{1,30}/\s*)?"
    r"(?:--|[\u2013\u2014]|-)\s*"
)
# A line in the article's text that points to another story: "RELATED: <headline>",
# "READ MORE: ...", "Also read - ...". ("Watch: <video>" is not: it presents a video.)
_PROMO_LABEL = re.compile(
    r"\W{0,3}(?i:related(?:\s+(?:story|stories|article|coverage|reading))?|read\s+more|"
    r"read\s+next|also\s+read|read\s+also|more|see\s+also|don['\u2019]t\s+miss|must\s+read|"
    r"recommended(?:\s+reading)?|more\s+from\s+[\w ]{2,30}|trending(?:\s+now)?|popular|"
    r"up\s+next|next\s+up|next\s+(?:story|article))"
    r"\s*(?::|\s[|\u2013\u2014-]|\u2013|\u2014)\s*\S"
)
_PROMO_MAX = 220
_PROMO_INITIALS = frozenset("RrAaMmSsDdTtPpUuNn\u2022\u25ba\u25b6\u00bb>*-\u2014")
# "Release date: January 15, 2027": a short label, a colon, a short value, which is not
# a sentence ("Netflix: The series returns.").
_SENTENCE_VALUE = re.compile(r"(?:The|A|An|It|This|That|We|He|She|They|I)\b.*[.!?]$")
_FIELD = re.compile(r"([A-Z][\w'\u2019 /&()-]{1,40}?)\s*:\s+(\S.{0,100})")


# lxml.html's parser builds the same tree, but looks up a Python class for every
# element the walk touches; the walk needs nothing of those classes.
_HTML_PARSER = etree.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
)


# A start tag longer than this is looked at before parsing: libxml2's HTML parser
# compares each attribute with every one before it, so 60,000 attributes in one tag cost
# ~20 s of CPU and a 5 MB page of them hours. A real tag this long is one long value (a
# data: URI, inline JSON), with a handful of '='.
_LONG_TAG_CHARS = 8192
_MAX_ATTRIBUTES = 500
_TAG_NAME = re.compile(r"<([A-Za-z][\w:-]{0,40})")
# A '>' or '<' inside quoted values (a{i}=">") hides a long tag from the '>'-free look
# (60,000 such attributes cost ~50 s). Such a tag is read with its quotes respected when
# a stretch is dense with '=' (an ordinary page's busiest 4 KB holds ~120; that tag's
# ~550), or when the page holds enough '=' for one tag of them to cost a second (8,000
# attributes ~1 s) however thinly they are spread.
_DENSE_EQUALS = 192
_MANY_EQUALS = 8000
# A start tag read as libxml2 reads it: quoted values may hold '>' and '<'; a quote never
# closed is one character. Possessive, so a read never backtracks: linear in the page.
_START_TAG = re.compile(r"<([A-Za-z][\w:-]{0,40})(?:[^>\"']++|\"[^\"]*+\"|'[^']*+'|[\"'])*+")
_QUOTED = re.compile(r"\"[^\"]*+\"|'[^']*+'")


def _quoted_gt_tags(text: str) -> list[tuple[int, int, str]]:
    """The long start tags of more than _MAX_ATTRIBUTES attributes, read with their
    quotes respected: (begin, end at its '>' or the text's end, name). Only a page dense
    with '=' somewhere, or full of it, is read: one str.count per 4 KB (~50 us for a
    120 KB page) passes the rest."""
    half = _LONG_TAG_CHARS // 2
    counts = [text.count("=", at, at + half) for at in range(0, len(text), half)]
    if sum(counts) < _MANY_EQUALS and max(counts, default=0) < _DENSE_EQUALS:
        return []
    found = []
    for tag in _START_TAG.finditer(text):
        begin, end = tag.span()
        if (
            end - begin > _LONG_TAG_CHARS
            and tag.group(0).count("=") > _MAX_ATTRIBUTES
            and _QUOTED.sub("", tag.group(0)).count("=") > _MAX_ATTRIBUTES
        ):
            found.append((begin, end, tag.group(1)))
    return found


def _tame_long_tags(text: str) -> str:
    """The text with each start tag of more than _MAX_ATTRIBUTES attributes cut to its
    bare name (its words for itself are lost; its content is read as usual)."""
    # A tag that long holds a '>'-free stretch of half its length at a multiple of that
    # half: a few str.find calls (microseconds for a 120 KB page) pass most pages.
    half = _LONG_TAG_CHARS // 2
    cuts: list[tuple[int, int, str]] = []
    at = 0
    while at + half <= len(text):
        if text.find(">", at, at + half) >= 0:
            at += half
            continue
        end = text.find(">", at)
        end = len(text) if end < 0 else end
        begin = text.rfind("<", 0, end)  # the tag this run ends, if it is one
        if (
            begin >= 0
            and end - begin > _LONG_TAG_CHARS
            and text.count(">", begin, end) == 0
            and text.count("=", begin, end) > _MAX_ATTRIBUTES
            and (name := _TAG_NAME.match(text, begin))
        ):
            cuts.append((begin, end, name.group(1)))
        at = end + 1
    cuts += _quoted_gt_tags(text)
    if not cuts:
        return text
    pieces, done = [], 0
    for begin, end, name in sorted(cuts):
        if begin < done:  # found by both looks
            continue
        pieces += [text[done:begin], f"<{name}"]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _parse_html(text: str) -> Any:
    """The document's root element; None for an empty or unreadable document."""
    text = _tame_long_tags(text)
    try:
        return etree.fromstring(text.encode("utf-8", "surrogatepass"), parser=_HTML_PARSER)
    except (etree.ParserError, ValueError, UnicodeError):
        return None


def _clean(text: str) -> str:
    # str.split() splits on exactly the characters `\s` matches in a str pattern, and is
    # several times cheaper than a regex substitution over a long paragraph.
    return " ".join(text.replace("\u00ad", "").replace("\u200b", "").split())


def _names(element: Any, values: list[str]) -> str:
    """The words a page names an element with: class, id, ARIA role, itemprop, test id
    ("" when it has none). `values`: its attribute values; most elements have only a
    class or an id, and then two gets are all it takes."""
    get = element.get
    class_, id_ = get("class"), get("id")
    role = prop = test = None
    if len(values) > (class_ is not None) + (id_ is not None):
        role, prop, test = get("role"), get("itemprop"), get("data-testid")
        if element.tag in _RAIL_TAGS or element.tag == "aside":
            # A container's own words for itself: <section aria-label="Related stories">,
            # <div data-component="related-links"> (on a link they name the link).
            label, component = get("aria-label"), get("data-component") or get("data-module")
            if label or component:
                test = f"{test or ''} {(label or '').replace(' ', '-')} {component or ''}"
    if class_ or id_ or role or prop or test:
        return f"{class_ or ''} {id_ or ''} {role or ''} {prop or ''} {test or ''}"
    return ""


class _Row:
    """The table row being read: how many header and data cells so far."""

    __slots__ = ("th", "td", "first_th")

    def __init__(self) -> None:
        self.th = self.td = 0
        self.first_th = False


class _Walk:
    """What a walk has read so far, and the counts link density is measured with."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.videos: list[Video] = []
        self.headers: list[tuple[str, ...]] = []  # per open table: its column labels
        self.rows_seen: list[int] = []  # per open table: rows read
        # (first block, end, text length, or -1 when its links are short: a rail only
        # above the headline)
        self.rails: list[tuple[int, int, int]] = []
        # Text outside furniture up to each block, in characters: [0, after block 0, ...]
        self.chars = [0]
        self.time_seen = False  # a <time> since the last block

    def add(self, text: str, heading: bool, chrome: bool, role: str, row: _Row | None) -> None:
        blocks, chars = self.blocks, self.chars
        # A blank line is a paragraph break in plain text and in <pre>.
        paragraphs = _PARAGRAPH_BREAK.split(text) if "\n" in text else (text,)
        for paragraph in paragraphs:
            cells: tuple[str, ...] = ()
            if _CELL in paragraph:
                parts = paragraph.split(_CELL)
                if not parts[0].strip():
                    parts = parts[1:]
                cells = tuple(_clean(part) for part in parts)
                paragraph = paragraph.replace(_CELL, " | ")
            cleaned = _clean(paragraph)
            if not cleaned:
                continue
            if role == "body" and not chrome and (url := bare_video_url(cleaned)):
                # a YouTube link alone on its line: the player a blogging tool makes of it
                self.videos.append(Video(url, "", len(blocks), False, True))
                continue
            if role == "body" and not heading and not chrome:
                block = self._body_block(cleaned, cells)
            elif role == "table":
                block = self._row_block(cleaned, cells, row)
            elif heading and role == "body" and blocks and blocks[-1].role == "headline":
                block = Block(cleaned, True, chrome, "dek", "", cells)  # right under it
            else:
                block = Block(cleaned, heading, chrome, role, "", cells)
            if role == "body" and not chrome and "yout" in cleaned:
                self._written_links(cleaned, len(blocks))
            blocks.append(block)
            chars.append(chars[-1] if block.chrome else chars[-1] + len(cleaned))
        self.time_seen = False

    def _written_links(self, text: str, block: int) -> None:
        """A YouTube link written out in a sentence ("See the trailer here:
        https://youtu.be/ID") is a link of that sentence, as its <a> would be on the live
        page (one a link of its own already gave is not added twice)."""
        for url, written in written_video_urls(text):
            if not any(v.url == url for v in self.videos):
                self.videos.append(Video(url, written, block, False, False))

    def _body_block(self, text: str, cells: tuple[str, ...]) -> Block:
        """A body block, unless its content says it is a byline, dateline or field."""
        if cells:  # a term and its definition: "Premiere date | August 3"
            return Block(text, role="field", label=cells[0], cells=cells)
        if len(text) <= _PROMO_MAX and text[0] in _PROMO_INITIALS and _PROMO_LABEL.match(text):
            return Block(text, chrome=True, role="related")
        if len(text) <= 160 and self._looks_like_byline(text):
            return Block(text, role="byline")
        if (
            text.find("-", 0, 120) >= 0
            or text.find("\u2013", 0, 120) >= 0
            or text.find("\u2014", 0, 120) >= 0
        ):
            match = _DATELINE.match(text, 0, 200)
            if match and (match["source"] or (match["city"] and match["date"])):
                end = match.end()
                role = "dateline" if end >= len(text) else "body"
                return Block(text, role=role, dateline=end)
        if len(text) <= 160 and ":" in text:
            field = _FIELD.fullmatch(text)
            if (
                field
                and len(field[1].split()) <= 5
                and len(field[2].split()) <= 12
                and not _SENTENCE_VALUE.match(field[2])
            ):
                return Block(text, role="field", label=field[1].strip())
        return Block(text)

    def _looks_like_byline(self, text: str) -> bool:
        if text[0] in _STAMP_INITIALS:
            if _BY_NAME.match(text):
                return True
            if _STAMP_WORD.match(text):
                return bool(day_dates(text) or _CLOCK_OR_AGO.search(text))
        if self.time_seen and len(text) <= 100:
            return True  # a short line around a <time>: the article's stamp
        if len(text) <= 60 and date_and_time_only(text):
            return True  # "1 December 2026 at 10:14": a stamp without a word
        if "\u00b7" in text or "\u2022" in text or "|" in text:
            return _STAMP_SEPARATOR.search(text) is not None and bool(day_dates(text))
        return False

    def _row_block(self, text: str, cells: tuple[str, ...], row: _Row | None) -> Block:
        headers, seen = self.headers, self.rows_seen
        first = bool(seen) and seen[-1] == 0
        if seen:
            seen[-1] += 1
        if row is not None and row.th and not row.td:
            role = "table_header"
        elif first and row is not None and len(cells) >= 2 and not any(c.isdigit() for c in text):
            role = "table_header"  # a first row of labels without th cells
        elif row is not None and row.first_th and len(cells) >= 2:
            # A row headed by its own th: "Release date | January 15, 2027".
            return Block(text, role="field", label=cells[0], cells=cells)
        else:
            header = headers[-1] if headers else ()
            return Block(text, role="table_cell", cells=cells, header=header)
        if headers and not headers[-1]:
            headers[-1] = cells
        return Block(text, role=role, cells=cells)

    def mark_rails(self, title: str = "") -> None:
        """Blocks in link-dense containers become related (or, above the headline,
        navigation) furniture, and so do the videos in them. The page's own title is
        not: a link post's title links its video, in a list of links (old Reddit)."""
        total = self.chars[-1]
        own = _clean(title).casefold() if len(title) >= _RAIL_MIN_LINK_LENGTH else ""
        rails = [r for r in self.rails if r[2] < _RAIL_MAX_PAGE_SHARE * total]
        if not rails:
            return
        blocks = self.blocks
        top = next((i for i, b in enumerate(blocks) if b.role == "headline"), None)
        marked: set[int] = set()
        done = 0
        for start, end, length in sorted(rails):
            above = top is None or start < top
            if length < 0 and not above:
                continue
            role = "navigation" if above else "related"
            for index in range(max(start, done), end):
                block = blocks[index]
                if own and block.text.casefold().startswith(own):
                    continue
                if not block.chrome and block.role != "headline":
                    blocks[index] = block._replace(chrome=True, role=role)
                    marked.add(index)
            done = max(done, end)
        self.videos = [
            replace(v, chrome=True)
            if v.block in marked and not v.chrome and not (own and v.label.casefold() == own)
            else v
            for v in self.videos
        ]


def _walk(root: Any, walk: _Walk) -> None:
    """Text in reading order, cut into blocks at block-level tags."""
    parts: list[str] = []
    # The outermost open furniture, heading and role elements: what lies inside one is
    # furniture (or heading, or of that role) whatever it is itself, so nothing inside
    # is asked again. Headings are block tags, so a block is a heading exactly when one
    # is open.
    chrome_root: Any = None
    chrome_role = ""
    heading_root: Any = None
    role_root: Any = None
    role_name = ""
    role_checked = False
    li_root: Any = None
    link_root: Any = None
    rows: list[_Row] = []
    # Open containers that may be rails: (element, first block, link characters, links,
    # h1s) at their start. Text lengths come from the blocks (walk.chars).
    rails: list[tuple[Any, int, int, int, int]] = []
    blocks = walk.blocks
    link_chars = links = h1s = 0
    skipping = False
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if skipping:  # only its own end event comes: the subtree is skipped
            skipping = False
            tail = element.tail
            if tail:
                parts.append(tail)
                if link_root is not None:
                    link_chars += len(tail.strip())
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
                if chrome_root is not None:
                    role = chrome_role
                elif heading_root is not None and heading_root.tag == "h1":
                    role = "headline"
                elif role_root is not None and (
                    role_checked
                    or role_root.tag not in _CONTAINER_TAGS
                    or not _holds_article(role_root)
                ):
                    # Most named elements (an author's <span>) close before a block ends
                    # inside them: whether one holds the article is asked only here.
                    role, role_checked = role_name, True
                elif heading_root is not None:
                    role = "body"
                elif rows:
                    role = "table"
                elif li_root is not None:
                    role = "list_item"
                else:
                    role = "body"
                walk.add(
                    text,
                    heading_root is not None,
                    chrome_root is not None,
                    role,
                    rows[-1] if rows else None,
                )
        if start:
            values = element.values()  # most elements have none: nothing to match
            if chrome_root is None:
                names = _names(element, values) if values else ""
                if tag in _TAG_FURNITURE:
                    furniture, named = _TAG_FURNITURE[tag], None
                    if names and _name_meaning(names)[1] == "infobox":
                        furniture, named = None, "infobox"  # <aside class="infobox">
                elif names and tag not in _NEVER_CHROME:
                    furniture, named = _name_meaning(names)
                    # "article-body share-enabled": a container that holds the article
                    # is not furniture, whatever its classes say; nor is an infobox
                    # styled as a sidebar ("infobox sidebar").
                    if furniture is not None and (named == "infobox" or _holds_article(element)):
                        furniture = None
                    named = _TAG_ROLES.get(tag, named)
                else:
                    furniture, named = None, _TAG_ROLES.get(tag)
                if furniture is not None:
                    chrome_root, chrome_role = element, furniture
                else:
                    if named is not None and role_root is None:
                        role_root, role_name, role_checked = element, named, False
                    if tag in _RAIL_TAGS:
                        rails.append((element, len(blocks), link_chars, links, h1s))
            if tag in _TRACKED_TAGS:
                if tag == "a":
                    if link_root is None and element.get("href"):
                        link_root = element
                        links += 1
                elif tag == "li":
                    if li_root is None:
                        li_root = element
                elif tag == "tr":
                    rows.append(_Row())
                elif tag == "table":
                    walk.headers.append(())
                    walk.rows_seen.append(0)
                elif tag == "time":
                    walk.time_seen = True
                elif tag in _CELL_TAGS and rows:
                    row = rows[-1]
                    if tag == "th":
                        if not row.th and not row.td:
                            row.first_th = True
                        row.th += 1
                    elif tag == "td":
                        row.td += 1
                elif heading_root is None and tag in _HEADING_TAGS:
                    heading_root = element
                    if tag == "h1":
                        h1s += 1
            if values and (
                "yout" in " ".join(values)
                or ((tag in _PLAYER_TAGS or "-" in tag) and _may_hold_video_id(element))
            ):
                _collect_video(element, tag, walk, chrome_root is not None)
            if tag in _CELL_TAGS:
                parts.append(_CELL)
            elif (
                (tag == "time" or (tag == "span" and values))
                and parts
                and parts[-1][-1:].isalnum()
            ):
                # Styled fields side by side ("<span>Press Office</span><span>2011-09-06
                # </span>", a listing's time and title) are separate words on screen.
                parts.append(" ")
            text = element.text
            if text:
                parts.append(text)
                if link_root is not None:
                    link_chars += len(text.strip())
        else:
            if element is chrome_root:
                chrome_root = None
            elif rails and rails[-1][0] is element:
                _, first, link_chars0, links0, h1s0 = rails.pop()
                end = len(blocks)
                inside = walk.chars[end] - walk.chars[first]
                if (
                    links - links0 >= _RAIL_MIN_LINKS
                    and end > first
                    and link_chars - link_chars0 >= _RAIL_LINK_SHARE * inside
                    and h1s == h1s0
                ):
                    long_links = link_chars - link_chars0 >= _RAIL_MIN_LINK_LENGTH * (
                        links - links0
                    )
                    walk.rails.append((first, end, inside if long_links else -1))
            # One element can be several of these (<a class="author">, <h2 class="dek">).
            if element is heading_root:
                heading_root = None
            if element is role_root:
                role_root = None
            if element is li_root:
                li_root = None
            if element is link_root:
                link_root = None
            if tag == "tr":
                if rows:
                    rows.pop()
            elif tag == "table" and walk.headers:
                walk.headers.pop()
                walk.rows_seen.pop()
            tail = element.tail
            if tail:
                parts.append(tail)
                if link_root is not None:
                    link_chars += len(tail.strip())
    if parts:
        text = "".join(parts)
        walk.add(
            text,
            heading_root is not None,
            chrome_root is not None,
            chrome_role if chrome_root is not None else "body",
            None,
        )


def _may_hold_video_id(element: Any) -> bool:
    """An attribute that may hold a bare video id (`_VIDEO_ID_ATTRS`): one look over the
    names, the exact check after. (Links and players naming YouTube in an attribute
    value the walk finds with one look over the values.)"""
    keys = " ".join(element.keys())
    return "videoid" in keys or "video-id" in keys or "yt-id" in keys or "youtube" in keys


def _collect_video(element: Any, tag: str, walk: _Walk, chrome: bool) -> None:
    url = None
    for name in _VIDEO_ATTRS:
        value = element.get(name)
        if value and "yout" in value and (url := normalize_video_url(value)):
            break
    else:
        for name in _VIDEO_ID_ATTRS:
            video_id = valid_video_id(element.get(name) or "")
            # A numeric id is another player's (Brightcove, Vimeo), not YouTube's.
            if video_id and not video_id.isdigit():
                url = watch_url(video_id)
                break
    if url is None:
        return
    if tag == "a":
        # (a player made of a link, "<figure><a>Play: Title | Official Trailer</a>",
        # has the same button words)
        label = _PLAYER_VERB.sub("", _clean(text_content(element)), count=1)
        embedded = False
    else:
        get = element.get
        label = _clean(
            get("title") or get("aria-label") or get("post-title") or get("playlabel") or ""
        )
        if not label and "thing" in (get("class") or ""):
            # Old Reddit's link post: its title is the link inside it.
            titles = element.xpath(".//a[contains(concat(' ', @class, ' '), ' title ')]")
            label = _clean(text_content(titles[0])) if titles else ""
        if not label and len(element):
            # A lite player's poster link: "Watch the official trailer on YouTube".
            links = element.xpath(".//a[@href]")
            label = _clean(text_content(links[0]))[:300] if links else ""
        label = _PLAYER_VERB.sub("", label, count=1)
        embedded = True
    walk.videos.append(Video(url, label, len(walk.blocks), chrome, embedded))
