"""may_mention: can any watch's name occur in this text at all? The cheap test that
lets a cycle skip parsing the bodies (and feed entries) that are other news.

It is deliberately light to import: a warm cycle, where every source answers 304,
never needs the extractor, and this module is all the cycle loads of it up front.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from scraper.models import Watch

# An entity that may stand for a letter: any but those of markup, spaces, quotes, dashes
# and signs, which pages are full of (&amp; in each link, &rsquo; in each sentence) and
# which never spell a name. Matched on lowered bytes.
_LETTER_ENTITY = re.compile(
    rb"&(?!(?:amp|lt|gt|quot|apos|nbsp|copy|reg|trade|[mn]dash|hellip|[lr][sd]quo|middot|"
    rb"bull|[lr]aquo|#0*(?:3[489]|160|169|174|82(?:1[1-9]|2[0-6]|30))|"
    rb"#x0*(?:2[267]|a0|a9|ae|201[3-9a-f]|202[0-6]));)[#a-z]"
)
# Tags (and comments) between two letters: the page reader joins the letters.
_INLINE_TAGS = re.compile(rb"(?<=[a-z])(?:<[^<>]*>)+(?=[a-z])")
# The non-ASCII letters re.IGNORECASE takes for an ASCII one without lower() giving it:
# the long s, the Kelvin sign, the dotted and the dotless I. The extractor matches names
# that way (extract.text.case_key), so the pre-filter must read them as it does.
IGNORECASE_ASCII = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0130": "i", "\u0131": "i"})
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def may_mention(text: str, watches: Sequence[Watch]) -> bool:
    """False only when no watch's title or alias can occur in `text` (raw HTML or XML).

    Case-, accent- and HTML-entity-insensitive: "HEARTSTOPPER", "Heartst&ouml;pper",
    "&#72;eartstopper" and "Heartstöpper" all may mention Heartstopper. Only the
    longest word of each name is looked for: every match of the name contains it.
    """
    keys = [key for watch in watches for key in watch_keys(watch)]
    if not keys:
        return False
    if not all(ascii_names(w) for w in watches):  # then every key is ASCII too
        return _may_mention_folded(text, keys)
    # Bytes, because lowering a long str that is not all ASCII is slow and lowering
    # its UTF-8 bytes is not (only ASCII letters change, which is all an ASCII key has).
    data = text.encode("utf-8", "surrogatepass").lower()
    wanted = [key.encode("ascii") for key in keys]
    if any(key in data for key in wanted):
        return True
    if any(_split_by_markup(data, key) for key in wanted):
        # "Heart<wbr>stopper", a drop cap "<span>H</span>eartstopper": the page reader
        # joins what inline tags split. Rare, so only then are the tags taken out.
        data = _INLINE_TAGS.sub(b"", data)
        if any(key in data for key in wanted):
            return True
    entities = _LETTER_ENTITY.search(data) is not None
    if data.isascii() and not entities:
        return False  # nothing is written in any other way than the lowered text shows
    spelled = html.unescape(text) if entities else text
    if any(chr(code) in spelled for code in IGNORECASE_ASCII):  # rare: translate is slow
        spelled = spelled.translate(IGNORECASE_ASCII)
    # Accents come off with NFKD, and everything else not ASCII can go at once.
    flat = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").lower()
    return any(key in flat for key in wanted)


def _split_by_markup(data: bytes, key: bytes) -> bool:
    """Whether a tag may split `key` once: then one side of the split is at least half of
    it, next to the tag ("heart<", ">stopper"). Two substring tests rule out most pages."""
    half = (len(key) + 1) // 2
    head, tail = key[:half] in data, key[-half:] in data
    if not (head or tail):
        return False
    return any(
        (head and i >= half and key[:i] + b"<" in data)
        or (tail and len(key) - i >= half and b">" + key[i:] in data)
        for i in range(1, len(key))
    )


def _may_mention_folded(text: str, keys: Sequence[str]) -> bool:
    """may_mention for names beyond ASCII ("Pokémon", "Straße", "進撃の巨人")."""
    folded = fold(html.unescape(text) if "&" in text else text)
    return any(key in folded for key in keys)


@lru_cache(maxsize=256)
def watch_keys(watch: Watch) -> tuple[str, ...]:
    """The longest word of each of the watch's names, folded."""
    keys = []
    for name in (watch.title, *watch.aliases):
        words = re.findall(r"\w+", fold(name))
        if words:
            keys.append(max(words, key=len))
    return tuple(keys)


def ascii_names(watch: Watch) -> bool:
    """Every name is plain ASCII ("Straße" is not: its fold, "strasse", is spelled "ß")."""
    return all(name.isascii() for name in (watch.title, *watch.aliases))


def fold(text: str) -> str:
    """Lower case without accents ("Pokémon" -> "pokemon")."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))
