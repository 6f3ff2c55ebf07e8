"""Text -> sentences: the unit a finding's evidence is, and the scope of its cues."""

from __future__ import annotations

import re

from scraper.extract import languages
from scraper.parse.prefilter import IGNORECASE_ASCII

# Invisible characters that are not whitespace: the soft hyphen and the zero-width space.
_INVISIBLE = ("\u00ad", "\u200b")
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
_END = r"((?<=\.)[\"'\u2019\u201d)\]]*|[)\]]*)\s+(?=[\"'\u2018\u201c(\[]*[A-Z0-9])"
# A boundary is what follows a full stop, question or exclamation mark, or the space
# before a table's empty cell. Each pattern starts by matching a character (the mark
# itself, not a look back at it) so the scan can skip to the next one; the mark is
# not part of the boundary's group. (Text is normalized first: no line breaks.)
_SENTENCE_END = re.compile(r"[.!?]" + _END)
_BOUNDARY = re.compile(r"[.!?\s](?:(?<=[.!?])" + _END + r"|(?<=\s)\s*\|\s+(?=\|))")
# Every boundary follows one of these.
_MAYBE_BOUNDARY = re.compile(r"[.!?|]")
# The end of a Japanese or Chinese sentence, with the brackets it closes: "。", "。」".
_CJK_SENTENCE_END = re.compile(r"(?<=[\u3002\uff01\uff1f])(?![\u300d\u300f\uff09)\u3002])")


# "D.B. Weiss", "J.R.R. Tolkien": initials run on into the name.
_INITIALS = re.compile(r"(?:[a-z]\.){1,3}[a-z]")


def normalize(text: str) -> str:
    """No-break and thin spaces to plain ones; the words and quotes stay as written."""
    if not text.isascii():
        for char in _INVISIBLE:
            if char in text:
                text = text.replace(char, "")
    # (str.split takes every character re's \s does, no-break and thin spaces too)
    return " ".join(text.split())


def case_key(text: str) -> str:
    """Lower case in which `word in case_key(text)` holds exactly when
    re.search(word, text, re.IGNORECASE) finds a word of ASCII letters: a substring
    test costs far less than a case-insensitive pattern scanning every position."""
    if text.isascii():
        return text.lower()
    for char in _FOLDED:  # (rare, and translate is slow: a curly quote makes text non-ASCII)
        if char in text:
            return text.translate(IGNORECASE_ASCII).lower()
    return text.lower()


_FOLDED = tuple(chr(code) for code in IGNORECASE_ASCII)


# "at 9 a.m. PT." ends a sentence: PT after a time is Pacific Time, not "Part".
_TIME_ZONE_END = re.compile(r"(?:\d|[ap]\.?m\.?)\s+(?:ET/)?PT\.$")


# An hour written "8 p.m." ends its sentence when what follows is not the hour's zone:
# "airs Jan. 5 at 8 p.m. Meanwhile, the spy drama lands Jan. 8" is two sentences (the
# second's date is not the first's), "at 9 p.m. ET on CBC" and "at 9 p.m. Eastern" one.
_HOUR_END = re.compile(r"\d\s*[ap]\.m\.$", re.IGNORECASE)
_ZONE_NEXT = re.compile(
    r"[A-Z]{1,4}\b(?![a-z])|(?:Eastern|Pacific|Central|Mountain|Atlantic|Newfoundland)\b|[a-z(/\d]"
    # a listing's slot goes on with its day: "8 p.m. Sunday, Feb. 11, Starz."
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
    r"Nov|Dec)[a-z]*\.?\s+\d"
)


# Words that open a sentence and never a name after an initial ("George R. R. Martin").
_OPENER = re.compile(
    r"[\"'\u2018\u201c]?(?:The|A|An|It|Its|This|That|These|Those|They|Their|There|We|Our|He|"
    r"His|She|Her|But|And|So|Then|Meanwhile)\s"
)


# A day written with its full stop before the month ("30. Oktober"), as German does.
_WORD = re.compile(r"[^\W\d_]+")


def _month_word_at(text: str, at: int) -> bool:
    word = _WORD.match(text, at)
    return word is not None and word.group().lower() in languages.MONTHS


def _hour_ends(bare: str, sentence: str, text: str, after: int) -> bool:
    """`sentence` ends in an hour ("at 8 p.m.") and what starts at `after` is no zone."""
    return (
        bare in ("a.m", "p.m")
        and _HOUR_END.search(sentence) is not None
        and not _ZONE_NEXT.match(text, after)
    )


def sentences(text: str) -> list[str]:
    """Split a block into sentences, keeping abbreviations and initials whole."""
    text = normalize(text)
    if not text:
        return []
    if "\u3002" in text:
        # Japanese and Chinese end a sentence with a full stop of their own and no space
        # after it ("...放送が決定した。直前の3月27日には特番が..."): each is a sentence
        pieces = [piece.strip() for piece in _CJK_SENTENCE_END.split(text)]
        return [s for piece in pieces if piece for s in _split(piece)]
    return _split(text)


# An ellipsis or a dash a word is glued to: "\u2026.Feb." is the abbreviation "Feb.".
_GLUED = re.compile(r"\u2026+\.*|\.{2,}|[\u2014\u2013/]")


def _split(text: str) -> list[str]:
    if not _MAYBE_BOUNDARY.search(text, 0, len(text) - 2):
        return [text]  # (a boundary's mark has a space and a character after it)
    result: list[str] = []
    start = 0
    for match in (_BOUNDARY if "|" in text else _SENTENCE_END).finditer(text):
        # closing quotes and brackets stay with the sentence they close
        piece = text[start : match.end(1) if match.group(1) is not None else match.start()]
        sentence = piece.strip()
        if not sentence:
            start = match.end()
            continue
        last_word = sentence.rsplit(None, 1)[-1]
        if (
            len(last_word) <= 3
            and last_word[:-1].isdigit()
            and last_word[-1] == "."
            and _month_word_at(text, match.end())
        ):
            continue  # a German date's day: "ab dem 30. Oktober 2020"
        if last_word.endswith("."):
            # (the word after an ellipsis or a dash glued to it: "is\u2026.Feb. 7", "\u2014Feb. 7")
            last_word = _GLUED.split(last_word)[-1] or last_word
            bare = last_word.rstrip(".!?\"'\u2019\u201d)]").lstrip("\"'\u2018\u201c([").lower()
            if (
                (
                    bare in _ABBREVIATIONS
                    or (
                        len(bare) == 1
                        and bare.isalpha()
                        # "Hall H. The first trailer ...": no name goes on with "The"
                        and not _OPENER.match(text, match.end())
                    )
                    or _INITIALS.fullmatch(bare)
                )
                and not _TIME_ZONE_END.search(piece)  # (the scans of the piece last)
                and not _hour_ends(bare, sentence, text, match.end())
            ):
                continue
        result.append(sentence)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        result.append(tail)
    return result
