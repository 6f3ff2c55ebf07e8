"""Answers about one sentence, remembered across documents while a process runs.

Most of the extractor's work is asking the same questions of each sentence (what it
names, which dates it holds, which event governs a date's clause), and the answer is a
pure function of the sentence's text, the watch and the few document facts passed in
(its publish date, year hint, language). News repeats sentences: a syndicated item in
several feeds, a site's boilerplate in every entry, the same rail of headlines on every
page. So a function of that kind is remembered by its arguments, for every document of
a cycle (and the daemon's next ones), not only within one.

Bounded: each remembered function keeps its last SIZE answers (a least-recently-used
cache), and only for a text of at most LONGEST characters (a longer one, a rare long
paragraph, is worked out each time: it is seldom repeated, and it would hold memory),
so the memory is bounded however long the process runs: filled with 2,048 distinct
600-character texts each, the remembered functions hold ~6 MB besides the texts (1.2
MB); a cycle over the shared fixture's 1,000 sources leaves ~2 MB. Only
functions whose arguments are all they read belong here: a function that reads a
document's other sentences, or state set elsewhere, would be answered from another
document.

`forget()` drops every answer: a benchmark that reads the same documents again calls
it between rounds, so that each round measures reading, not remembering.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

T = TypeVar("T")

# Answers kept per function, and the longest text (the first argument) remembered. A
# cycle over the shared fixture's 1,000 sources asks 800-2,900 distinct texts of each
# (the most, a block's sentences, mostly paragraphs seen once); a read sentence is at
# most 600 characters (candidates.MAX_SENTENCE), a news paragraph often more, and one
# is seldom repeated (a menu's links and a rail's headlines are short).
SIZE = 2048
LONGEST = 600

_FORGETS: list[Callable[[], None]] = []


def remembered(function: Callable[..., T]) -> Callable[..., T]:
    """`function` (pure, of hashable arguments, a text first) remembered by its arguments
    (SIZE answers, texts of at most LONGEST characters). Its answer is shared by every
    caller: a list it returns must only be read."""
    cached = lru_cache(maxsize=SIZE)(function)
    _FORGETS.append(cached.cache_clear)

    @wraps(function)
    def answer(text: str, *args: Any, **kwargs: Any) -> T:
        if len(text) > LONGEST:
            return function(text, *args, **kwargs)
        return cached(text, *args, **kwargs)

    answer.cache_info = cached.cache_info  # type: ignore[attr-defined]
    return answer


def on_forget(clear: Callable[[], Any]) -> None:
    """Call `clear` in forget(): for a memory kept by hand (a dict bounded by its owner)."""
    _FORGETS.append(clear)


def forget() -> None:
    """Drop every remembered answer."""
    for clear in _FORGETS:
        clear()
