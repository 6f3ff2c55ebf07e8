"""Choose: the best-scoring release date above the threshold, and every trailer above its.

Precision breaks no ties on its own: a stray day-precision date does not beat a
window that scores higher. Only a statement of the SAME release at a finer
precision wins over the best one ("this fall" in the dek, "September 18" in the
body: the labeled convention reports the most precise statement), provided it is
above the threshold too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from scraper.models import PRECISION_RANK

_SEASON_MONTHS = {"spring": (3, 4, 5), "summer": (6, 7, 8), "autumn": (9, 10, 11),
                  "winter": (12, 1, 2)}  # fmt: skip

T = TypeVar("T")


def same_release(coarse: str, fine: str) -> bool:
    """`fine` states the release `coarse` states, as precisely or more ("2025-autumn"
    holds "2025-10-02"; "2025" holds "2025-08")."""
    if fine.startswith(coarse):
        return True
    year, _, rest = coarse.partition("-")
    if rest in _SEASON_MONTHS and fine[:4].isdigit() and fine[5:7].isdigit():
        month, later = int(fine[5:7]), int(fine[:4]) - int(year)
        if later == 1:
            # a winter runs on into the next year's January and February: a December
            # page's "this winter" (2017-winter) holds "Jan. 9" (2018-01-09)
            return rest == "winter" and month in (1, 2)
        # (a winter runs into the next year's January and February)
        return later == 0 and month in _SEASON_MONTHS[rest] and (month != 12 or rest == "winter")
    return False


def best(
    items: Sequence[T],
    value: callable,
    precision: callable,
    score: callable,
    apart: callable | None = None,
) -> T | None:
    """The item to report: the highest score above the threshold, then, step by step, the
    best-scoring finer statement of that same release above it (earlier items first on
    equal terms), so the most precise statement that agrees with the better windows.
    `apart(a, b)`: the two are entries of one list ("Echo (January 10), ... X (2024)"),
    so the finer is no restatement of the other."""
    above = [(i, item) for i, item in enumerate(items) if score(item) > 0.0]
    if not above:
        return None
    top = max(above, key=lambda pair: (score(pair[1]), -pair[0]))[1]
    # Refine step by step: the best-scoring finer statement of the current release, then
    # its own finer statements. A stray day inside the year does not beat the right
    # month: "to 2011" (headline), "moving it to April, 2011" and a superseded "set to hit
    # theaters on October 1st" refine to April, whose refinements the stray day is not.
    current = top
    while True:
        finer = [
            (i, item)
            for i, item in above
            if PRECISION_RANK[precision(item)] > PRECISION_RANK[precision(current)]
            and same_release(value(current), value(item))
            and (apart is None or not apart(item, current))
        ]
        if not finer:
            return current
        current = max(finer, key=lambda pair: (score(pair[1]), -pair[0]))[1]


# Between two entries of one list: "(January 10), WandaVision spinoff ...", "; ".
_LIST_BREAK = re.compile(r"\)\s*(?:[,;]|and\b)|;\s")


def list_entries(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """The spans `first` and `second` of `text` sit in different entries of a list, or
    one is a parenthesis of its own after a name ("the spinoff Echo (January 10)")."""
    (a, b), (c, d) = sorted([first, second])
    if _LIST_BREAK.search(text, b, c) is not None:
        return True
    return any(
        _OPEN.search(text, max(0, start - 40), start) and _CLOSE.match(text, end)
        for start, end in (first, second)
    )


# (after a name: "Echo (January 10)"; not "returns this fall (September 18)")
_OPEN = re.compile(r"\b[A-Z0-9][\w'\u2019!?.&:-]*\s*\(\s*$")
_CLOSE = re.compile(r"\s*\)")
