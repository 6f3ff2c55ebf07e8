"""What the page reader gives: blocks of text with their roles, videos, and the page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from scraper.parse.metadata import OwnDates

# What a block is on its page. Furniture roles (related, navigation, comment) are
# always chrome; the others never are.
ROLES = frozenset(
    (
        "headline",  # the h1, a feed entry's title
        "dek",  # the standfirst under the headline
        "byline",  # author and date stamps: "By Jane Roe · June 11, 2025", "Updated ..."
        "dateline",  # a block that is only a press dateline (see Block.dateline)
        "body",  # article text, and headings below the headline (heading=True)
        "caption",  # figcaption, table caption, photo captions and credits
        "table_header",  # a table's header row (th cells, or a first row of labels)
        "table_cell",  # a table's other rows (their column labels in Block.header)
        "list_item",  # li
        "comment",  # reader comments (Reddit's comment elements, comment sections)
        "related",  # related/trending/recommended rails, by name or by link density
        "navigation",  # menus, breadcrumbs, footers, share bars; link rails above the headline
        "embedded_post",  # an embedded tweet, Instagram, TikTok, Reddit or Bluesky post
        "video_title",  # the title shown with a video player
        "field",  # "Label: value" ("Release date: January 15, 2027"), dt/dd, a row headed by th
    )
)
FURNITURE_ROLES = frozenset(("related", "navigation", "comment"))
# Roles whose dates are the page's data, never its own publish date.
_DATA_ROLES = frozenset(("table_header", "table_cell", "caption"))


class Block(NamedTuple):
    """A paragraph, heading, list item or table row, as plain text, with its role.

    A named tuple: a page has thousands, and building one costs a third of a frozen
    dataclass with this many fields."""

    text: str
    heading: bool = False
    chrome: bool = False  # navigation, sidebars, related/trending lists, comments, footers
    role: str = "body"  # one of ROLES
    label: str = ""  # a "field"'s label: "Release date" of "Release date: January 15, 2027"
    cells: tuple[str, ...] = ()  # a table row's (or dt/dd pair's) cell texts, in order
    header: tuple[str, ...] = ()  # a "table_cell" row: its table's column labels
    # text[:dateline] is a press dateline opening the paragraph ("LOS ANGELES, Dec. 16,
    # 2024 /PRNewswire/ --", "May 24 (UPI) --"); 0 when there is none.
    dateline: int = 0


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
    published: date | None  # anchors dates written without a year (the latest writing)
    own_dates: OwnDates = OwnDates()
