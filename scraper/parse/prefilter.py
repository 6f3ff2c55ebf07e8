"""may_mention / mentioned: can a watch's name occur in this text at all? The cheap test
that lets a cycle skip parsing the bodies (and feed entries) that are other news.

It decides on the whole name, all its words in order, as the extractor's title
pattern (extract.subject.title_pattern) would find it once the text is read: case,
accents and HTML entities folded, and between two words anything that is not a letter
or digit (spaces, punctuation, entities, tags: "Savage&nbsp;<em>Empire</em>"); a tag
may also split a word ("Heart<wbr>stopper"), which the page reader joins. It is a
superset of the extractor: it never says no to a document the extractor would find
the name in (tests/test_extract_corpus.py runs every labeled document to prove it).

All names of all watches are one compiled regex, a trie of their letters, so the cost
of a scan is bounded by the text's length times the longest name, whatever the number
of watches; a loop over watches would cost their number times the text.

It is deliberately light to import: a warm cycle, where every source answers 304,
never needs the extractor, and this module is all the cycle loads of it up front.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from scraper.models import Watch

# An entity that may stand for a letter: any but those of markup, spaces, quotes, dashes
# and signs, which pages are full of (&amp; in each link, &rsquo; in each sentence) and
# which never spell a name. Matched on lowered bytes.
_NOT_A_LETTER = (
    rb"(?:amp|lt|gt|quot|apos|nbsp|copy|reg|trade|[mn]dash|hellip|[lr][sd]quo|middot|"
    rb"bull|[lr]aquo|#0*(?:3[489]|160|169|174|82(?:1[1-9]|2[0-6]|30))|"
    rb"#x0*(?:2[267]|a0|a9|ae|201[3-9a-f]|202[0-6]));"
)
_LETTER_ENTITY = re.compile(rb"&(?!" + _NOT_A_LETTER + rb")[#a-z]")
# The same, escaped once more, as a feed's HTML content writes it ("&amp;#233;",
# "&amp;eacute;"): the reader decodes the XML, then the HTML, and reads a letter. Whole
# entities only: "&amp;b=2" in every link of a page is none.
_ESCAPED_LETTER = (
    rb"amp;(?!" + _NOT_A_LETTER + rb")(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});"
)
_ESCAPED_LETTER_ENTITY = re.compile(rb"&" + _ESCAPED_LETTER)
# Either, in one scan of a page.
_ANY_LETTER_ENTITY = re.compile(
    rb"&(?:" + _ESCAPED_LETTER + rb"|(?!" + _NOT_A_LETTER + rb")[#a-z])"
)
# The non-ASCII letters re.IGNORECASE takes for an ASCII one without lower() giving it:
# the long s, the Kelvin sign, the dotted and the dotless I. The extractor matches names
# that way (extract.text.case_key), so the pre-filter must read them as it does.
IGNORECASE_ASCII = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0130": "i", "\u0131": "i"})
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Characters the reader drops from text (extract.text._INVISIBLE): they join letters.
_INVISIBLE = ("\u00ad", "\u200b")
# Not ASCII, not a letter or digit, not a combining mark: a space to the extractor's
# title pattern (\W), which NFKD might otherwise turn into letters ("™" -> "TM").
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w\u0300-\u036f]")

# A tag as a feed escapes it in its HTML content ("&lt;/em&gt;"): the reader decodes the
# XML, then parses that HTML, so to it this is a tag like any other.
_ESCAPED_TAG = rb"&lt;(?:[^&<>]|&(?!gt;))*&gt;"
# An entity, or one escaped once more ("&amp;nbsp;" in a feed: "&nbsp;" to the reader).
_ENTITY = rb"&(?:amp;)?#?[a-z0-9]{1,31};"
# Between two words of a name: anything but a letter or a digit, an entity or a tag
# whole (escaped or not). The extractor allows up to 4 non-word characters of read
# text; raw markup can hold any number, so there is no bound here (superset).
_SEPARATOR = rb"(?:" + _ESCAPED_TAG + rb"|" + _ENTITY + rb"|<[^<>]*>|[^a-z0-9])*"
# Inside a word: tags the reader joins the letters across.
_IN_WORD = rb"(?:<[^<>]*>|" + _ESCAPED_TAG + rb")*"
_EDGE = rb"[a-z0-9]"
_WORD = re.compile(rb"[a-z0-9]+")
_MARKUP = re.compile(_ESCAPED_TAG + rb"|" + _ENTITY + rb"|<[^<>]*>")

# Single-word titles that are also common words: a page holds "you", "wednesday" or
# "industry" whatever it is about, so the name alone would send most pages to a full
# parse. For these a second condition must hold near the name (below). The list is of
# words frequent enough in news text to matter; a rarer title needs nothing more.
_CALENDAR = frozenset(
    str.split(
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april may june july august september october november december"
    )
)
COMMON_WORDS = _CALENDAR | frozenset(
    str.split(
        """you me us we they them it this that what who why how when where here there now
    then today tonight tomorrow yesterday again always never ever forever everything
    nothing something someone anyone everyone one two three four five six seven eight
    nine ten first last next new old young big little good bad best better love life
    live living home house family friends friend girls boys girl boy man men woman women
    people person world time day days night nights week year years summer winter spring
    autumn fall morning evening power money work working business industry company
    office school college city town country land war peace game games play show shows
    series season news story stories star stars light dark black white red blue green
    gold silver fire water ice blood heart hearts mind body soul king queen crown empire
    kingdom house lost found heroes legends succession severance euphoria community
    dispatches insider originals watch wait run chase hunt hunted survivor survivors
    outsider outsiders strangers secret secrets truth lies liar bear lion wolf fox
    shark dragon angel devil ghost ghosts monster monsters vampire witch"""
    )
)
# What news about a show holds near its name: its season, episodes, trailer, release,
# a month or a year; or the name is in the page's title or a heading. Matched on lowered
# bytes, within _CONTEXT_REACH bytes either side of the name.
_CONTEXT = re.compile(
    rb"season|series|episode|trailer|teaser|premiere|release|renew|debut|streaming|"
    rb"netflix|\bs\d|<title|<h[1-3]\b|og:title|\b(?:19|20)\d\d\b|"
    rb"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d"
)
_CONTEXT_REACH = 200
# A calendar word used as a date: "on Wednesday", "Wednesday, Aug. 6", "Wednesday 3
# March". The extractor takes these for dates, never for the name (extract.subject.
# _inside_other_name), so they do not count as mentions here either.
# As the extractor's patterns, on the text with its case (a month is "Aug", not "AUG");
# never after a letter's entity or tags that follow a letter: the reader joins them.
_DATE_BEFORE = re.compile(rb"(?<![a-z0-9])(?:on|this|next|last|every|until|by|from|since|each)\s+$")
_DATE_AFTER = re.compile(
    rb"^,?\s+(?:the\s+)?(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
)
_MANY = 16  # more names than this: the one regex alone, no regex per first word


def may_mention(text: str, watches: Sequence[Watch]) -> bool:
    """False only when no watch's title or alias can occur in `text` (raw HTML or XML).

    Case-, accent- and HTML-entity-insensitive: "HEARTSTOPPER", "Heartst&ouml;pper",
    "&#72;eartstopper" and "Heartstöpper" all may mention Heartstopper. A name of
    several words needs them all, in order; a title that is one common word
    ("Wednesday", "You") needs a season, date or trailer word near it, or to be in a
    title or heading.
    """
    return bool(mentioned(text, watches, first=True))


def mentioned(text: str, watches: Sequence[Watch], *, first: bool = False) -> list[Watch]:
    """The watches whose title or alias may occur in `text`, in the order given (a
    superset, as may_mention). With `first`, stops at the first one found."""
    if not watches:
        return []
    return [watches[i] for i in sorted(_compiled(tuple(watches)).find(text, first=first))]


def spans_naming(
    text: str, spans: Sequence[tuple[int, int]], watches: Sequence[Watch]
) -> list[bool]:
    """Per span of `text` (a feed's entries as written: in order, not overlapping),
    whether a watch's name may occur in it: all its words in order, read as `mentioned`
    reads them, but without the second condition for a common one-word title (the
    caller asks `mentioned` of the entry's words next, which has it).

    One scan of the whole text, each match placed in the span it starts in (a match
    that runs on into the next entry only makes one more entry asked about). A text not
    all ASCII or with an entity that may spell a letter is asked span by span instead:
    flattened, its letters are no longer where the text has them."""
    if not spans:
        return []
    names = _compiled(tuple(watches)) if watches else None
    if names is None or (names.pattern is None and not names.others):
        return [False] * len(spans)
    data = text.encode("utf-8", "surrogatepass").lower()
    if (
        names.others
        or names.pattern is None
        or not data.isascii()
        or _ANY_LETTER_ENTITY.search(data) is not None
    ):
        return [bool(names.find(text[start:end], confirm=False)) for start, end in spans]
    starts = [start for start, _ in spans]
    answers = [False] * len(spans)
    for match in names._matches(data):
        at = bisect_right(starts, match.start()) - 1
        if at >= 0 and match.start() < spans[at][1]:
            answers[at] = True
    return answers


def _mentioned_without_context(text: str, watches: Sequence[Watch]) -> list[Watch]:
    """mentioned() without the second condition on common words: for the benchmark,
    to measure what that condition saves."""
    return [watches[i] for i in sorted(_compiled(tuple(watches)).find(text, confirm=False))]


@dataclass(frozen=True)
class _Names:
    """Every name of a set of watches, compiled once."""

    pattern: re.Pattern[bytes] | None  # all ASCII names, one trie, on lowered bytes
    names: dict[bytes, frozenset[int]]  # a name's words joined -> the watches it names
    common: frozenset[bytes]  # names that need the second condition
    # Few names: (first word of some names, a regex of those names starting with it).
    anchors: tuple[tuple[bytes, re.Pattern[bytes]], ...]
    others: tuple[tuple[int, tuple[str, ...]], ...]  # names not ASCII once folded

    def find(self, text: str, *, first: bool = False, confirm: bool = True) -> set[int]:
        found: set[int] = set()
        wanted = len(self.names) and self.pattern is not None
        for index, keys in self.others:
            # "Pokémon", "Straße", "進撃の巨人": the longest word, folded, as a substring.
            if index not in found and _folded_holds(text, keys):
                found.add(index)
                if first:
                    return found
        if not wanted:
            return found
        # Bytes, because lowering a long str that is not all ASCII is slow and lowering
        # its UTF-8 bytes is not (only ASCII letters change, which is all an ASCII name has).
        cased = text.encode("utf-8", "surrogatepass")
        data = cased.lower()
        self._scan(data, cased, found, first, confirm)
        if found and first:
            return found
        if (
            data.isascii()
            and _ANY_LETTER_ENTITY.search(data) is None
        ):
            return found  # nothing is written in any other way than the lowered text shows
        flat = _flatten(text, data)
        self._scan(flat.lower(), flat, found, first, confirm)
        return found

    def _scan(self, data: bytes, cased: bytes, found: set[int], first: bool, confirm: bool) -> None:
        """Add the watches `data` (lowered; `cased` as written, of the same length) names."""
        for match in self._matches(data):
            for name in _prefixes(match.group()):
                watches = self.names.get(name)
                if watches is None or watches <= found:
                    continue
                if confirm and name in self.common and not _in_context(data, cased, match, name):
                    continue
                found |= watches
                if first:
                    return

    def _matches(self, data: bytes) -> Iterator[re.Match[bytes]]:
        """Every match, overlapping ("Empire" inside "Savage Empire" is a name too).

        With few names, one regex per first word, which starts with that word: the
        engine finds such a literal many times faster than it scans a page letter by
        letter, and tries the rest of the names there only. A first word a tag may
        split ("Heart<wbr>stopper"), or many names, take the scan of the whole text.
        (A match may come twice; the caller keeps a set.)"""
        assert self.pattern is not None
        if self.anchors:
            split = False
            for key, pattern in self.anchors:
                # The pattern also matches the key's first half or more right before a
                # tag ("sav<", "heart&lt;"): a tag that may split the word, which only
                # the whole scan below reads. One scan for both: the text is long.
                head = key[: _half(key)]
                position = 0
                while (match := pattern.search(data, position)) is not None:
                    if match.lastgroup == "split":
                        split = True
                    else:
                        yield match
                    # Another of these names may start inside this match ("New New
                    # York"; a tag's attribute between two words): search there too.
                    inside = data.find(head, match.start() + 1, match.end())
                    position = inside if inside >= 0 else match.end()
            if not split and not _split_tails(data, tuple(key for key, _ in self.anchors)):
                return
        yield from _overlapping(self.pattern, data)


def _overlapping(pattern: re.Pattern[bytes], data: bytes) -> Iterator[re.Match[bytes]]:
    """Every match, the next searched from one byte after the last one's start."""
    position = 0
    while (match := pattern.search(data, position)) is not None:
        position = match.start() + 1
        yield match


@lru_cache(maxsize=64)
def _compiled(watches: tuple[Watch, ...]) -> _Names:
    names: dict[bytes, set[int]] = {}
    words_of: dict[bytes, tuple[bytes, ...]] = {}
    others: list[tuple[int, tuple[str, ...]]] = []
    for index, watch in enumerate(watches):
        if not ascii_names(watch):
            others.append((index, watch_keys(watch)))
            continue
        for words in _name_forms(watch):
            key = b"".join(words)
            names.setdefault(key, set()).add(index)
            words_of[key] = words
    common = frozenset(
        key for key, words in words_of.items() if len(words) == 1 and key.decode() in COMMON_WORDS
    )
    few = len(words_of) <= _MANY
    pattern, anchored = _trie_pattern(words_of.values(), few) if words_of else (None, {})
    return _Names(
        pattern=pattern,
        names={key: frozenset(value) for key, value in names.items()},
        common=common,
        anchors=tuple(sorted(anchored.items())),
        others=tuple(others),
    )


def _name_forms(watch: Watch) -> list[tuple[bytes, ...]]:
    """Each name's words, folded; and without its leading article when the extractor
    lets writers drop it ("Last of Us" for "The Last of Us")."""
    forms = []
    for name in (watch.title, *watch.aliases):
        words = tuple(w.encode("ascii") for w in re.findall(r"\w+", fold(name)))
        if not words:
            continue
        forms.append(words)
        if words[0] in (b"the", b"a", b"an") and len(words) > 2:
            forms.append(words[1:])
    return forms


def _trie_pattern(
    names: Iterable[tuple[bytes, ...]], anchored: bool
) -> tuple[re.Pattern[bytes], dict[bytes, re.Pattern[bytes]]]:
    """One regex for all names: a trie of their letters, a separator between words,
    a tag allowed between letters, and no letter or digit on either side. And per first
    word, the names that start with it, that word written whole."""
    end = object()
    root: dict = {}
    names_seen = list(names)
    for words in names_seen:
        node = root
        for i, word in enumerate(words):
            if i:
                node = node.setdefault(" ", {})
            for letter in word:
                node = node.setdefault(letter, {})
        node[end] = {}

    def emit(node: dict, in_word: bool) -> bytes:
        letters = sorted(k for k in node if isinstance(k, int))
        branches = []
        if letters:
            alternatives = b"|".join(re.escape(bytes([k])) + emit(node[k], True) for k in letters)
            joined = alternatives if len(letters) == 1 else b"(?:" + alternatives + b")"
            branches.append((_IN_WORD if in_word else b"") + joined)
        if " " in node:
            branches.append(_SEPARATOR + emit(node[" "], False))
        if not branches:
            return b"(?!" + _EDGE + b")"
        body = b"|".join(branches)
        body = body if len(branches) == 1 else b"(?:" + body + b")"
        if end in node:  # a name ends here; a longer one may go on (greedy, backtracks)
            return b"(?:" + body + b"|(?!" + _EDGE + b"))"
        return body

    by_first = {}
    for first in {words[0] for words in names_seen} if anchored else ():
        node = root
        for letter in first:
            node = node[letter]
        half = _half(first)
        # The word whole, then the names that start with it; or its first half or more
        # before a tag (_matches). Both start with the literal first half, which the
        # engine searches for fast.
        heads = b"|".join(re.escape(first[half:i]) for i in range(half, len(first)))
        by_first[first] = re.compile(
            re.escape(first[:half])
            + b"(?:"
            + re.escape(first[half:])
            + b"(?<!" + _EDGE + re.escape(first) + b")"
            + emit(node, True)
            + b"|(?P<split>(?:" + heads + b")(?:<|&lt;)))"
        )
    return re.compile(b"(?<!" + _EDGE + b")" + emit(root, False)), by_first


def _prefixes(matched: bytes) -> list[bytes]:
    """The names a match may be, as their words joined: a match of "savage empire" may
    also be of "savage", and a tag may part two words or split one ("sav<b>age</b>"),
    so every run of its first pieces counts, longest first."""
    pieces = _WORD.findall(_MARKUP.sub(b" ", matched))
    return [b"".join(pieces[:i]) for i in range(len(pieces), 0, -1)]


def _in_context(data: bytes, cased: bytes, match: re.Match[bytes], name: bytes) -> bool:
    """The second condition for a common one-word title, at this occurrence."""
    start, end = match.start(), match.end()
    before = _DATE_BEFORE.search(data, max(0, start - 8), start)
    if before is not None and _joined_to_a_letter(data, before.start()):
        before = None  # "Ann<i>on Wednesday": the reader reads "Annon Wednesday"
    if name.decode() in _CALENDAR and (before or _DATE_AFTER.match(cased[end : end + 30])):
        return False  # a date, to the extractor too
    return _CONTEXT.search(data, max(0, start - _CONTEXT_REACH), end + _CONTEXT_REACH) is not None


def _joined_to_a_letter(data: bytes, at: int) -> bool:
    """Whether what is right before `at` may join a letter to it: tags (or a feed's
    escaped tags) after a letter or digit ("ann<i>" before "on"), or a letter's entity."""
    for _ in range(8):  # a few tags in a row; more is no inline markup
        if data[at - 1 : at] == b">":
            at = data.rfind(b"<", 0, at - 1)
        elif data.endswith(b"&gt;", 0, at):
            at = data.rfind(b"&lt;", 0, at - 4)
        elif data[at - 1 : at] == b";":
            amp = data.rfind(b"&", max(0, at - 12), at)
            return amp >= 0 and _LETTER_ENTITY.match(data, amp) is not None
        else:
            break
        if at <= 0:
            return False
    return data[at - 1 : at].isalnum()


def _flatten(text: str, data: bytes) -> bytes:
    """The text with entities decoded, accents off and every other non-ASCII character
    out: the ASCII spelling the extractor's case-insensitive match sees (not lowered)."""
    escaped = _ESCAPED_LETTER_ENTITY.search(data) is not None
    spelled = html.unescape(text) if escaped or _LETTER_ENTITY.search(data) else text
    if escaped:
        spelled = html.unescape(spelled)  # "&amp;#97;" -> "&#97;" -> "a"
    for char in _INVISIBLE:
        if char in spelled:
            spelled = spelled.replace(char, "")
    if any(chr(code) in spelled for code in IGNORECASE_ASCII):  # rare: translate is slow
        spelled = spelled.translate(IGNORECASE_ASCII)
    if not spelled.isascii():
        spelled = _NON_ASCII_NON_WORD.sub(" ", spelled)
    # Accents come off with NFKD, and everything else not ASCII can go at once.
    return unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore")


def _half(key: bytes) -> int:
    """A tag splitting `key` once leaves at least this much of it on one side."""
    return (len(key) + 1) // 2


def _split_tails(data: bytes, keys: tuple[bytes, ...]) -> bool:
    """Whether a tag may end inside one of `keys`, with half of it or more after the
    tag (">stopper"; in a feed's escaped HTML "&gt;stopper"). The other half of a split,
    the head before the tag ("heart<"), is found by the key's own pattern
    (_trie_pattern)."""
    return any(pattern.search(data) is not None for pattern in _tail_patterns(keys))


@lru_cache(maxsize=256)
def _tail_patterns(keys: tuple[bytes, ...]) -> tuple[re.Pattern[bytes], ...]:
    """For all keys at once, ">" then a tail of half a key or more, and "&gt;" then such
    a tail: each starts with a literal the engine searches for fast. (One regex for both
    tag ends would start with no literal, and try the tails at every character; a regex
    per key would find every ">" of a page once per key.)"""
    tails = []
    for key in keys:
        tails += [re.escape(key[i:]) for i in range(1, len(key) - _half(key) + 1)]
    if not tails:
        return ()
    # Longest first: each ends the same way, and the first to fit is enough.
    tail = b"(?:" + b"|".join(sorted(set(tails), key=len, reverse=True)) + b")"
    return (re.compile(b">" + tail), re.compile(b"&gt;" + tail))


def _folded_holds(text: str, keys: Sequence[str]) -> bool:
    """For names beyond ASCII ("Pokémon", "Straße", "進撃の巨人"): the longest word."""
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
