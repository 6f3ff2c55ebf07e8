"""What a page's tags and class/id/itemprop names say an element is: page furniture
(navigation, a related rail, comments) or a role inside the article (byline, dek,
caption, infobox, ...)."""

from __future__ import annotations

import re
from typing import Any

_CHROME_TAGS = {"nav": "navigation", "aside": "related", "footer": "navigation"}
# Reddit's comment element (new Reddit); old Reddit and most sites name theirs "comment".
_TAG_FURNITURE = {**_CHROME_TAGS, "shreddit-comment": "comment"}
_NEVER_CHROME = frozenset(("html", "body", "main", "article"))
# Class or id words of page furniture around an article.
_CHROME_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|sidebar|side-bar|rail|related|trending|popular|"
    r"most-read|mostread|recommend\w*|read-next|readnext|more-stories|newsletter|footer|"
    r"breadcrumbs?|share|social|promo|widget|comments?|tags|taglist|watch-next|up-next|"
    r"outbrain|taboola|cards?-grid|more-to-explore|printfooter|catlinks|disqus\w*|"
    r"recirc\w*|more-like-this|you-may-like|you-might-like|also-like|more-from|next-article|"
    r"next-up|upnext|sponsored|sponsor|advert\w*|ad-slot|ad-container|signup|sign-up|"
    r"subscribe)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Which furniture role a chrome name means (anything else named furniture is "related").
_COMMENT_NAMES = re.compile(r"comment|disqus", re.IGNORECASE)
_NAVIGATION_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|footer|share|social|tags|taglist|"
    r"newsletter|navigation|printfooter|catlinks|signup|sign-up|subscribe)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Class or id words of an infobox: a wiki's or a guide's box of a work's facts
# ("Premiere | February 20, 2025", "Network | Prime Video"). Often an <aside> or a
# sidebar, it is the page's own data, not furniture.
_INFOBOX_WORDS = (
    r"infobox|portable-infobox|info-box|infobox-\w+|factbox|fact-box|fact-file|quick-facts|"
    r"quickfacts|key-facts|show-info|series-info|film-info|movie-info|title-details"
)
# Class, id or itemprop words of the roles inside an article.
_ROLE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:"
    r"(?P<byline>byline|by-line|bylines|author|authors|posted-on|post-meta|entry-meta|"
    r"article-meta|timestamp|pubdate|publish-date|published-date|post-date|article-date|"
    r"datepublished|datemodified)"
    r"|(?P<dateline>dateline)"
    r"|(?P<dek>dek|deck|standfirst|subtitle|subheadline|sub-headline|subhead|strapline|"
    r"alternativeheadline)"
    r"|(?P<caption>caption|figcaption|wp-caption-text|image-credit|photo-credit|credit)"
    r"|(?P<embedded_post>twitter-tweet|instagram-media|tiktok-embed|reddit-embed-bq|"
    r"bluesky-embed|fb-post|threads-embed|embedded-post)"
    r"|(?P<video_title>video-title|videotitle|video-headline|player-title)"
    r"|(?P<infobox>" + _INFOBOX_WORDS + r")"
    r")(?:$|[\s_-])",
    re.IGNORECASE,
)
# Elements that may hold a whole article (a <span class="author"> cannot).
_CONTAINER_TAGS = frozenset(("div", "section", "header", "article", "main", "ul", "table"))
_TAG_ROLES = {"figcaption": "caption", "caption": "caption", "address": "byline"}


def _plain_tokens(names: str) -> list[str]:
    # Page furniture is named plainly ("sidebar", "related-stories"); a long
    # feature-flag class ("vector-feature-main-menu-pinned-disabled") is not furniture.
    return [t for t in names.split() if t.count("-") + t.count("_") <= 3]


# A page names thousands of elements with a few dozen class strings: each is read once.
_MEANINGS: dict[str, tuple[str | None, str | None]] = {}


def _name_meaning(names: str) -> tuple[str | None, str | None]:
    """(furniture role, role) that a names string says, before looking at the element."""
    found = _MEANINGS.get(names)
    if found is not None:
        return found
    tokens = _plain_tokens(names)
    furniture = None
    if any(_CHROME_NAMES.search(token) is not None for token in tokens):
        if any(_COMMENT_NAMES.search(token) for token in tokens):
            furniture = "comment"
        elif any(_NAVIGATION_NAMES.search(token) for token in tokens):
            furniture = "navigation"
        else:
            furniture = "related"
    match = _ROLE_NAMES.search(names)
    found = (furniture, match.lastgroup if match else None)
    if len(_MEANINGS) > 20_000:  # a page inventing a class per element: stay bounded
        _MEANINGS.clear()
    _MEANINGS[names] = found
    return found


def _holds_article(element: Any) -> bool:
    if element.find(".//h1") is not None:
        return True
    return element.xpath("count(.//p[string-length(normalize-space()) > 120])") > 3
