"""Score: a logistic regression over the rules that fired.

score = bias + the sum of the weights of the rules that fired; a candidate is
reported when its score is above 0 (probability above one half). The weights are
fitted to the labeled corpus's training split by scraper/extract/fit.py and ship
in weights.json; a rule missing from the file counts its prior.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from scraper.extract.evidence import DATE_RULES, TRAILER_RULES

WEIGHTS_FILE = Path(__file__).with_name("weights.json")
THRESHOLD = 0.0  # on the score (log-odds): probability 0.5


@lru_cache(maxsize=1)
def weights() -> dict[str, dict[str, float]]:
    """{"release_date": {"bias": b, rule: w, ...}, "trailer": {...}}"""
    try:
        data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    result = {}
    for kind, rules in (("release_date", DATE_RULES), ("trailer", TRAILER_RULES)):
        table = {"bias": -5.0, **{r.name: r.prior for r in rules}}
        table.update(data.get(kind, {}).get("weights", {}))
        result[kind] = table
    return result


def score(kind: str, fired: dict[str, str]) -> float:
    table = weights()[kind]
    return table["bias"] + sum(table.get(name, 0.0) for name in fired)


def probability(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, value))))
