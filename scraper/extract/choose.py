"""Choose: the best-scoring release date above the threshold, and every trailer above its.

Precision breaks no ties on its own: a stray day-precision date does not beat a
window that scores higher. Only a statement of the SAME release at a finer
precision wins over the best one ("this fall" in the dek, "September 18" in the
body: the labeled convention reports the most precise statement), provided it is
above the threshold too.
"""

from __future__ import annotations

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
    if rest in _SEASON_MONTHS and fine[:4] == year and fine[5:7].isdigit():
        month = int(fine[5:7])
        # (a winter runs into the next year's January and February)
        return month in _SEASON_MONTHS[rest] and (month != 12 or rest == "winter")
    return False


def best(items: Sequence[T], value: callable, precision: callable, score: callable) -> T | None:
    """The item to report: the highest score above the threshold, then the most precise
    statement of that same release above it (earlier items first on equal terms)."""
    above = [(i, item) for i, item in enumerate(items) if score(item) > 0.0]
    if not above:
        return None
    top = max(above, key=lambda pair: (score(pair[1]), -pair[0]))[1]
    same = [(i, item) for i, item in above if same_release(value(top), value(item))]
    return max(
        same, key=lambda pair: (PRECISION_RANK[precision(pair[1])], score(pair[1]), -pair[0])
    )[1]
