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

import re
from collections.abc import Iterator
from typing import Any

from scraper.extract.text import case_key

# A gate word shorter than this passes nearly every sentence ("if", "up"): no gate.
_SHORTEST = 3


class Gated:
    """`pattern`'s search, match, fullmatch, finditer, findall and sub, each first
    asking whether the text's case_key holds one of the pattern's required words (a
    match lies in the text, so a text without any of them has none)."""

    __slots__ = ("_compiled", "_words", "pattern", "flags", "groups", "groupindex")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self._compiled = compiled
        self._words: tuple[str, ...] | None = None  # None: not read yet; (): no gate
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex

    def _absent(self, text: str) -> bool:
        words = self._words
        if words is None:
            words = self._words = required_words(self._compiled)
        if not words:
            return False
        key = case_key(text)
        for word in words:  # noqa: SIM110 (a plain loop: any() over a generator costs more)
            if word in key:
                return False
        return True

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return None if self._absent(text) else self._compiled.search(text, *bounds)

    def match(self, text: str, *bounds: int) -> re.Match[str] | None:
        return None if self._absent(text) else self._compiled.match(text, *bounds)

    def fullmatch(self, text: str, *bounds: int) -> re.Match[str] | None:
        return None if self._absent(text) else self._compiled.fullmatch(text, *bounds)

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        return iter(()) if self._absent(text) else self._compiled.finditer(text, *bounds)

    def findall(self, text: str, *bounds: int) -> list[Any]:
        return [] if self._absent(text) else self._compiled.findall(text, *bounds)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return text if self._absent(text) else self._compiled.sub(repl, text, count)

    def __repr__(self) -> str:
        return f"gated({self._compiled!r})"


def gated(compiled: re.Pattern[str]) -> Gated:
    return Gated(compiled)


def required_words(compiled: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case ASCII words one of which every match of `compiled` holds as written
    (so its case_key holds it, whatever the case), shortest first; () when none can be
    said (an alternative needing no word, a word shorter than _SHORTEST)."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        tree = _parser.parse(compiled.pattern, compiled.flags)
        words = _needs(list(tree), c)
    except Exception:  # noqa: BLE001 (an unreadable tree only turns the gate off)
        return ()
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
        if op is c.LITERAL and av < 128 and chr(av).isalnum():
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
        elif op is c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                found = _needs(list(alternative), c)
                if not found:
                    union = set()
                    break
                union |= found
            consider(frozenset(union) if union else None)
        # (anything else, a class, a look-around, an anchor, holds no word of its own)
    if run:
        consider(frozenset([run]))
    return best


def _rank(words: frozenset[str]) -> tuple[int, int]:
    return min(len(w) for w in words), -len(words)
