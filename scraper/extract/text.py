"""Text -> sentences: the unit a finding's evidence is, and the scope of its cues."""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u00ad": None,
        "\u200b": None,
    }
)
_SPACES = re.compile(r"\s+")
# A full stop after these is not the end of a sentence ("Aug. 3", "Mr. Farouk").
_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "vs",
        "no",
        "vol",
        "jr",
        "sr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "approx",
        "est",
        "inc",
        "ltd",
        "co",
        "dept",
        "ep",
        "pt",
        "fig",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "etc",
        "bros",
        "corp",
        "mt",
        "ft",
    ]
)
# "?'" and "!'" close a quoted title ('What If...?') more often than a sentence.
_BOUNDARY = re.compile(
    r"(?<=[.!?])((?<=\.)[\"'\u2019\u201d)\]]*|[)\]]*)\s+(?=[\"'\u2018\u201c(\[]*[A-Z0-9])"
    r"|\s*\n\s*|\s+\|\s+(?=\|)"
)


# "D.B. Weiss", "J.R.R. Tolkien": initials run on into the name.
_INITIALS = re.compile(r"(?:[a-z]\.){1,3}[a-z]")


def normalize(text: str) -> str:
    """No-break and thin spaces to plain ones; the words and quotes stay as written."""
    return _SPACES.sub(" ", text.translate(_TRANSLATE)).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive form, same length is not promised."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# "at 9 a.m. PT." ends a sentence: PT after a time is Pacific Time, not "Part".
_TIME_ZONE_END = re.compile(r"(?:\d|[ap]\.?m\.?)\s+(?:ET/)?PT\.$")


def sentences(text: str) -> list[str]:
    """Split a block into sentences, keeping abbreviations and initials whole."""
    text = normalize(text)
    if not text:
        return []
    result: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        # closing quotes and brackets stay with the sentence they close
        piece = text[start : match.end(1) if match.group(1) is not None else match.start()]
        last_word = piece.rsplit(None, 1)[-1] if piece.strip() else ""
        bare = last_word.rstrip(".!?\"'\u2019\u201d)]").lstrip("\"'\u2018\u201c([").lower()
        if (
            last_word.endswith(".")
            and not _TIME_ZONE_END.search(piece)
            and (
                bare in _ABBREVIATIONS
                or (len(bare) == 1 and bare.isalpha())
                or _INITIALS.fullmatch(bare)
            )
        ):
            continue
        if piece.strip():
            result.append(piece.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        result.append(tail)
    return result
