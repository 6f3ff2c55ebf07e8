"""Answers about one sentence, remembered across documents while a process runs.

Most of the extractor's work is asking the same questions of each sentence (what it
names, which dates it holds, which event governs a date's clause), and the answer is a
pure function of the sentence's text, the watch and the few document facts passed in
(its publish date, year hint, language). News repeats sentences: a syndicated item in
several feeds, a site's boilerplate in every entry, the same rail of headlines on every
page. So a function of that kind is remembered by its arguments, for every document of
a cycle (and the daemon's next ones), not only within one.

Bounded: each remembered function keeps its last SIZE answers (a least-recently-used
cache), and a sentence is at most MAX_SENTENCE (600) characters, so the whole memory is
a few MB at most however long the process runs. Only functions whose arguments are all
they read belong here: a function that reads a document's other sentences, or state
set elsewhere, would be answered from another document.

`forget()` drops every answer: a benchmark that reads the same documents again calls
it between rounds, so that each round measures reading, not remembering.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")

# Answers kept per function. A cycle over 1,000 sources asks ~720 distinct sentences of
# the shared fixture's news; a page's furniture is read without these questions.
SIZE = 4096

_FORGETS: list[Callable[[], None]] = []


def remembered(function: Callable[..., T]) -> Callable[..., T]:
    """`function` (pure, of hashable arguments) remembered by its arguments (SIZE answers).
    Its answer is shared by every caller: a list it returns must only be read."""
    cached = lru_cache(maxsize=SIZE)(function)
    _FORGETS.append(cached.cache_clear)
    return cached


def on_forget(clear: Callable[[], Any]) -> None:
    """Call `clear` in forget(): for a memory kept by hand (a dict bounded by its owner)."""
    _FORGETS.append(clear)


def forget() -> None:
    """Drop every remembered answer."""
    for clear in _FORGETS:
        clear()
