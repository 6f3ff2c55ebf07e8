"""A vocabulary pattern that skips text lacking every word its matches must hold.

A case-insensitive alternation ("premieres|arrives|...") scans every word of a text
and tries each alternative there: on a sentence that holds none of its words that is
most of its cost. `gated(pattern)` gives the same answers, asking first whether the
text's case_key holds one of the words every match of the pattern holds; most
sentences hold none, and a substring test costs far less than the scan.

The words are read from the pattern itself (its parse tree, on first use), so a
vocabulary stays plain data: add a word to the pattern and the gate follows. A
pattern with an alternative that needs no word (a bare "?", a digit) is never
skipped, and if the parse tree cannot be read (a Python that changed it) the gate
is off: the answers stay the pattern's, only slower.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scraper import patterns
from scraper.extract.text import case_key

try:  # the letters re.IGNORECASE folds to others besides their cases (re's own table)
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
except ImportError:  # (another Python: no letter outside ASCII starts a gate)
    _EXTRA_CASES = None

# A gate word shorter than this passes nearly every sentence ("if", "up"): no gate.
_SHORTEST = 3
# A start of one letter or digit is in most words ("a"): every word would be tried, as
# without it. (One other character, "?" or a quote, is rare enough.)
_SHORTEST_START = 2
_START_LETTERS = 4
_END = sys.maxsize


def _version() -> str | None:
    """This module's text: what a reading kept in the pattern cache was read by (a reading
    of another version of this reader is not used). None when it cannot be read."""
    try:
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    except OSError:
        return None


_VERSION = _version()


class Gated:
    """`pattern`'s search, match, fullmatch, finditer, findall and sub, each first
    asking whether the text's case_key holds one of the pattern's required words (a
    match lies in the text, so a text without any of them has none)."""

    __slots__ = ("_compiled", "_words", "_starts", "pattern", "flags", "groups", "groupindex")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self._compiled = compiled
        self._words: tuple[str, ...] | None = None  # None: not read yet; (): no gate
        # What every match starts with, lowered, as one case-sensitive pattern (None: no
        # such start can be said): it finds where a match may start, far faster than the
        # case-insensitive pattern tries every word, which then tries only there.
        self._starts: re.Pattern[str] | None = None
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex
        if _VERSION is not None:
            # Made while a module is imported (patterns.kept): read now, from the pattern
            # cache when it holds this reading (reading a parse tree is ~1 ms a pattern
            # in pure Python, every process); else on first use.
            key = ("gate", _VERSION, compiled.pattern, compiled.flags)
            reading = patterns.kept_reading(key, lambda: _reading(compiled))
            if reading is not None:
                self._words, self._starts = _compiled_reading(reading)

    def _read(self) -> tuple[str, ...]:
        self._words, self._starts = read_pattern(self._compiled)
        return self._words

    def _absent(self, text: str) -> bool:
        words = self._words
        if words is None:
            words = self._read()
        if not words:
            return False
        key = case_key(text)
        for word in words:  # noqa: SIM110 (a plain loop: any() over a generator costs more)
            if word in key:
                return False
        return True

    def _prepare(self, text: str) -> str | bool:
        """How to search `text`: its case_key, to scan with the start pattern; True, with
        the pattern itself; False, not at all (it lacks every word a match holds)."""
        if self._words is None:
            self._read()
        if self._starts is not None:
            key = case_key(text)
            return key if len(key) == len(text) else True  # (always, but for U+0130)
        words = self._words
        if words:
            key = case_key(text)
            for word in words:  # noqa: SIM110 (a plain loop: any() over a generator costs more)
                if word in key:
                    return True
            return False
        return True

    def _scan(self, text: str, key: str, pos: int, endpos: int) -> re.Match[str] | None:
        """compiled.search(text, pos, endpos): the leftmost position where a match may
        start (the start pattern on the key) at which the pattern matches."""
        find, match = self._starts.search, self._compiled.match  # type: ignore[union-attr]
        while True:
            hit = find(key, pos, endpos)
            if hit is None:
                return None
            found = match(text, hit.start(), endpos)
            if found is not None:
                return found
            pos = hit.start() + 1

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        key = self._prepare(text)
        if key is True:
            return self._compiled.search(text, pos, endpos)
        if key is False:
            return None
        return self._scan(text, key, pos, min(endpos, len(text)))

    def match(self, text: str, *bounds: int) -> re.Match[str] | None:
        return None if self._absent(text) else self._compiled.match(text, *bounds)

    def fullmatch(self, text: str, *bounds: int) -> re.Match[str] | None:
        return None if self._absent(text) else self._compiled.fullmatch(text, *bounds)

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        key = self._prepare(text)
        if key is True:
            return self._compiled.finditer(text, pos, endpos)
        if key is False:
            return iter(())
        return self._each(text, key, pos, min(endpos, len(text)))

    def _each(self, text: str, key: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        # (every match holds a character, so the next one starts where this one ends)
        while (found := self._scan(text, key, pos, endpos)) is not None:
            yield found
            pos = found.end()

    def findall(self, text: str, *bounds: int) -> list[Any]:
        return [] if self._absent(text) else self._compiled.findall(text, *bounds)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return text if self._absent(text) else self._compiled.sub(repl, text, count)

    def __repr__(self) -> str:
        return f"gated({self._compiled!r})"


def gated(compiled: re.Pattern[str]) -> Gated:
    return Gated(compiled)


def read_pattern(compiled: re.Pattern[str]) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """(required_words, the start pattern: the lowered texts one of which every match
    starts with, as one case-sensitive alternation for a case_key, or None). A pattern
    with a start pattern needs no words: the start pattern finds nothing where they lack."""
    return _compiled_reading(_reading(compiled))


def _compiled_reading(
    reading: tuple[tuple[str, ...], str | None],
) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    words, starts = reading
    return words, None if starts is None else re.compile(starts)


def _reading(compiled: re.Pattern[str]) -> tuple[tuple[str, ...], str | None]:
    """read_pattern's answer as plain data (the start pattern's text), to be kept."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        tree = _parser.parse(compiled.pattern, compiled.flags)
        starts = _starts(list(tree), c) if tree.getwidth()[0] > 0 else None
        if not starts or not all(_rare_enough(start) for start in starts):
            return _words_kept(_needs(list(tree), c)), None
        if any(len(start) == 2 and start.endswith(" ") for start in starts):
            # ("a " starts most sentences' words: a word every match holds, if the
            # pattern has one, skips more of them)
            words = _words_kept(_needs(list(tree), c))
            if words:
                return words, None
    except Exception:  # noqa: BLE001 (an unreadable tree only turns the gate off)
        return (), None
    # The first few letters of each start find nearly the same places, and a shorter
    # alternation compiles faster (it is compiled once a process, when first used).
    kept = sorted({s[:_START_LETTERS] for s in starts}, key=len)
    kept = [s for i, s in enumerate(kept) if not any(s.startswith(t) for t in kept[:i])]
    # (a space in a start stands for any space \s takes: the key has the text's own)
    alternation = "|".join(re.escape(s).replace(_ESCAPED_SPACE, r"\s") for s in kept)
    if not compiled.flags & re.ASCII and _at_word_boundary(list(tree), c):
        # Every match starts at a word boundary ("\b(?:premier\w*|...)"): so does the
        # start pattern, and "on", "in" and "is" inside other words ("Monday", "this")
        # are no longer places to try. (A case_key of the same length has the text's
        # Unicode word characters where the text has them: lower() and the ASCII folds
        # keep a letter a letter. Not so under re.ASCII, where the Kelvin sign is no
        # word character and its fold is. re's \b looks at the character before `pos`.)
        return (), rf"\b(?:{alternation})"
    return (), alternation


def _rare_enough(start: str) -> bool:
    """A start found in few places: two letters or more, or one character that is not
    an ASCII letter or digit ("?", a quote, a Cyrillic letter in English news)."""
    return len(start) >= _SHORTEST_START or not (start.isascii() and start.isalnum())


def _at_word_boundary(items: list[tuple[Any, Any]], c: Any) -> bool:
    """Every match of the sequence `items` starts where it asserts a word boundary: a \\b
    among the zero-width items it opens with, or in its first group or every alternative
    of its first branch."""
    for op, av in items:
        if op is c.AT and av is c.AT_BOUNDARY:
            return True
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # (zero-width: the match still starts here)
        if op is c.SUBPATTERN:
            return _at_word_boundary(list(av[-1]), c)
        if op is c.BRANCH:
            return all(_at_word_boundary(list(branch), c) for branch in av[1])
        return False
    return False


def required_words(compiled: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case ASCII words one of which every match of `compiled` holds as written
    (so its case_key holds it, whatever the case), shortest first; () when none can be
    said (an alternative needing no word, a word shorter than _SHORTEST)."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        return _words_kept(_needs(list(_parser.parse(compiled.pattern, compiled.flags)), c))
    except Exception:  # noqa: BLE001 (an unreadable tree only turns the gate off)
        return ()


def _words_kept(words: frozenset[str] | None) -> tuple[str, ...]:
    if not words or min(len(w) for w in words) < _SHORTEST:
        return ()
    # (a word holding another is implied by it: keep the shorter)
    kept = sorted(words, key=len)
    kept = [w for i, w in enumerate(kept) if not any(v in w for v in kept[:i])]
    return tuple(kept)


def _needs(items: list[tuple[Any, Any]], c: Any) -> frozenset[str] | None:
    """Words one of which every match of the sequence `items` holds, or None. Each
    element of a sequence is matched, so any element's answer is the sequence's: the
    one whose shortest word is longest is kept. A run of plain letters is one word."""
    best: frozenset[str] | None = None
    run = ""

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _rank(found) > _rank(best)):
            best = found

    for op, av in items:
        if op is c.LITERAL and ((av < 128 and chr(av).isalnum()) or _uncased(av)):
            run += chr(av).lower()
            continue
        if run:
            consider(frozenset([run]))
            run = ""
        if op is c.SUBPATTERN:
            consider(_needs(list(av[-1]), c))
        elif op is c.ATOMIC_GROUP:
            consider(_needs(list(av), c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _, body = av
            if low >= 1:
                consider(_needs(list(body), c))
        elif op is c.ASSERT:
            # a look-ahead or look-behind that must hold: its words are in the text
            # next to the match ("a 2025 release": "(?=\s+(?:release|premiere))")
            consider(_needs(list(av[1]), c))
        elif op is c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                found = _needs(list(alternative), c)
                if not found:
                    union = set()
                    break
                union |= found
            consider(frozenset(union) if union else None)
        # (anything else, a class, a look-around that must not hold, an anchor, holds
        # no word of its own)
    if run:
        consider(frozenset([run]))
    return best


def _uncased(code: int) -> bool:
    """A letter of a script without case (kana, Han, the kana's length mark): re's
    IGNORECASE matches it by itself only, and the case_key keeps it, so a word of them
    ("クール") holds in the key as the pattern writes it."""
    char = chr(code)
    return (
        unicodedata.category(char) in ("Lo", "Lm")
        and char.lower() == char == char.upper()
        and (_EXTRA_CASES is None or code not in _EXTRA_CASES)
    )


def _starts(items: list[tuple[Any, Any]], c: Any) -> set[str] | None:
    """The lowered texts one of which every match of the sequence `items` starts with
    (after look-arounds and anchors, which take no text), or None. A case-insensitive
    letter of ASCII is found lowered in a case_key; a cased letter of another script
    may fold to a letter lower() does not give (so None)."""
    index = 0
    while index < len(items) and items[index][0] in (c.AT, c.ASSERT, c.ASSERT_NOT):
        index += 1
    if index == len(items):
        return None
    op, av = items[index]
    if op is c.LITERAL:
        run = _run(items, index, c)
        if not run:
            return None
        after = index + len(run)
        if len(run) < _START_LETTERS and after < len(items):
            # "t(?:railer|easer)", as re parses "trailer|teaser": the run, then what
            # follows it starts with
            rest = _starts(items[after:], c)
            if rest:
                return {run + start for start in rest}
            if len(run) < _SHORTEST_START and _spaces(items[after], c):
                # "a\s+sources?": the letter, then a space of any kind (found by the
                # start pattern's \s, see _reading), a start rarer than the bare "a"
                return {run + " "}
        return {run}
    if op is c.IN:
        chars = set()
        for member, value in av:
            if member is not c.LITERAL:
                return None  # (a range, a category, a negation: no short list of starts)
            char = _lowered(chr(value))
            if char is None:
                return None
            chars.add(char)
        run = _run(items, index + 1, c)  # "['\u2019]s": "'s" and "\u2019s"
        return {char + run for char in chars} or None
    # A group's or a branch's text is followed by the sequence's rest: read on into it
    # where the group's own start is too short ("(?:a|one)\s+sources?": "a ", "one").
    rest_items = items[index + 1 :]
    if op is c.SUBPATTERN:
        return _starts(list(av[-1]) + rest_items, c)
    if op is c.ATOMIC_GROUP:
        return _starts(list(av), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        if av[0] >= 1:
            return _starts(list(av[2]), c)
        # An optional start ("Thursday, " before "August 3"): a match starts with it or
        # with what follows it.
        optional, rest = _starts(list(av[2]), c), _starts(items[index + 1 :], c)
        return optional | rest if optional and rest else None
    if op is c.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            found = _starts(list(alternative) + rest_items, c)
            if not found:
                return None
            union |= found
        return union
    return None


def _spaces(item: tuple[Any, Any], c: Any) -> bool:
    r"""`item` is one or more spaces, "\s+" (the text at a match's start holds one)."""
    op, av = item
    return (
        op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)
        and av[0] >= 1
        and list(av[2]) == [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])]
    )


_ESCAPED_SPACE = re.escape(" ")


def _run(items: list[tuple[Any, Any]], index: int, c: Any) -> str:
    """The lowered literal text from items[index] on (up to a letter lower() may miss)."""
    run = ""
    while index < len(items) and items[index][0] is c.LITERAL:
        char = _lowered(chr(items[index][1]))
        if char is None:
            break
        run += char
        index += 1
    return run


def _lowered(char: str) -> str | None:
    """`char` as a case_key holds it wherever re.IGNORECASE matches it: lowered, for one
    whose every case re takes for it lower() gives too (ASCII, most letters of other
    scripts: "ф"); None for one that may fold otherwise (re's extra cases: "о" is also
    "\u1c82", the long s an "s", Greek sigma's final form; a lowering to two letters)."""
    if char.isascii() or char.lower() == char.upper():
        return char.lower()
    lowered = char.lower()
    if len(lowered) != 1 or _sre.unicode_tolower(ord(char)) != ord(lowered):
        return None
    return None if _EXTRA_CASES is None or ord(lowered) in _EXTRA_CASES else lowered


def _rank(words: frozenset[str]) -> tuple[int, int]:
    return min(len(w) for w in words), -len(words)
