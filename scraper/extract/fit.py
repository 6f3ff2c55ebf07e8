"""Fit the evidence weights to the labeled corpus's training split; write weights.json.

    .venv/bin/python -m scraper.extract.fit [--corpus tests/corpus] [--check]

Every case folder whose number ends in 0-6 is training data; 7-9 is held out and
never read here, so its score (tests/heldout_score.py) measures documents the
weights never saw. Each candidate the pipeline produces is one row: the rules that
fired, and whether it is the labeled answer (a release date candidate is right
when it is the labeled value; a coarser statement of the same release is left
out, since choosing among statements of one release is choose.py's work; a video
when its URL is a labeled trailer).

The model is a logistic regression fitted by Newton's method, written out here
(forty weights need no library): the log-loss plus an L2 pull of each weight
toward its rule's prior, so a rule the corpus rarely shows keeps its designed sense
and one it shows often gets the weight the data gives it. Deterministic: the same
corpus gives the same weights, which a test checks against the shipped file.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from scraper.extract import read, rules_doc
from scraper.extract.candidates import Budget
from scraper.extract.choose import same_release
from scraper.extract.evidence import DATE_RULES, TRAILER_RULES
from scraper.extract.score import WEIGHTS_FILE
from scraper.models import Watch
from scraper.parse.documents import parse_documents
from scraper.parse.videos import normalize_video_url

SETS = (
    "cases", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
    "dev1", "dev2", "dev3", "dev4", "dev5", "blind1",
)  # fmt: skip
PULL = 10  # the L2 strength toward the priors
BIAS_PRIOR = -5.0
TRAINING_DIGITS = "0123456"


def is_training(case_dir: Path) -> bool:
    number = re.match(r"\d+", case_dir.name)
    return number is not None and number.group()[-1] in TRAINING_DIGITS


def training_cases(corpus: Path) -> list[Path]:
    return [
        case
        for name in SETS
        if (corpus / name).is_dir()
        for case in sorted((corpus / name).iterdir())
        if (case / "case.yaml").exists() and is_training(case)
    ]


def rows(cases: list[Path]) -> tuple[Counter, Counter]:
    """(release-date rows, trailer rows): Counter of (frozenset of fired rules, label)."""
    dates: Counter = Counter()
    videos: Counter = Counter()
    for case_dir in cases:
        case = yaml.safe_load((case_dir / "case.yaml").read_text(encoding="utf-8"))
        spec = case["watch"]
        watch = Watch(spec["title"], spec.get("season"), tuple(spec.get("aliases") or ()))
        expect = case.get("expect") or {}
        want = expect.get("release_date")
        want_value = str(want["date"]) if want else None
        want_trailers = {
            normalize_video_url(u) or u.rstrip("/") for u in expect.get("trailers") or ()
        }
        text = next(case_dir.glob("doc.*")).read_text(encoding="utf-8")
        for doc in parse_documents(text, case["url"]):
            reading = read(doc, watch, Budget.start(60.0), complete=True)
            for candidate in reading.dates:
                if not candidate.is_the_watchs:
                    continue  # never reported, whatever its weights: nothing to learn
                value = candidate.mention.value
                right = value == want_value
                if not right and want_value is not None and same_release(value, want_value):
                    continue  # a coarser statement of the labeled release: choose's business
                dates[(frozenset(candidate.features), right)] += 1
            for video in reading.videos:
                right = video.url.rstrip("/") in want_trailers
                videos[(frozenset(video.features), right)] += 1
    return dates, videos


def fit(data: Counter, priors: dict[str, float], pull: float = PULL) -> dict[str, float]:
    """Weights (with "bias") minimizing the weighted log-loss + pull/2 * |w - prior|^2."""
    names = ["bias", *priors]
    index = {name: i for i, name in enumerate(names)}
    prior = [BIAS_PRIOR, *priors.values()]
    pattern = [([0] + [index[f] for f in sorted(fired) if f in index], label, count)
               for (fired, label), count in data.items()]  # fmt: skip
    w = list(prior)
    n = len(names)
    for _ in range(100):
        grad = [pull * (w[i] - prior[i]) for i in range(n)]
        hess = [[pull if i == j else 0.0 for j in range(n)] for i in range(n)]
        for active, label, count in pattern:
            z = sum(w[i] for i in active)
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
            g = count * (p - (1.0 if label else 0.0))
            h = count * p * (1.0 - p)
            for i in active:
                grad[i] += g
                row = hess[i]
                for j in active:
                    row[j] += h
        step = _solve(hess, grad)
        # Backtracking: a full Newton step can overshoot far from the optimum.
        current, scale = _loss(w, pattern, prior, pull), 1.0
        while scale > 1e-6:
            trial = [wi - scale * si for wi, si in zip(w, step, strict=True)]
            if _loss(trial, pattern, prior, pull) <= current + 1e-12:
                break
            scale /= 2
        w = trial
        if max(abs(s) for s in step) * scale < 1e-10:
            break
    return {name: round(w[i], 4) for name, i in index.items()}


def _loss(w: list[float], pattern: list, prior: list[float], pull: float) -> float:
    total = 0.5 * pull * sum((wi - pi) ** 2 for wi, pi in zip(w, prior, strict=True))
    for active, label, count in pattern:
        z = sum(w[i] for i in active)
        # log(1 + e^-z) for a right answer, log(1 + e^z) for a wrong one, computed stably
        m = -z if label else z
        total += count * (max(m, 0.0) + math.log1p(math.exp(-abs(m))))
    return total


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Hessian is positive definite)."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor:
                for c in range(col, n + 1):
                    a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def fitted(corpus: Path) -> dict:
    cases = training_cases(corpus)
    dates, videos = rows(cases)
    return {
        "about": "Evidence weights fitted by scraper/extract/fit.py on the training split "
        "(case numbers ending in 0-6) of the labeled sets; do not edit by hand.",
        "training_cases": len(cases),
        "release_date": {
            "rows": sum(dates.values()),
            "weights": fit(dates, {r.name: r.prior for r in DATE_RULES}),
        },
        "trailer": {
            "rows": sum(videos.values()),
            "weights": fit(videos, {r.name: r.prior for r in TRAILER_RULES}),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("tests/corpus"))
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    result = fitted(args.corpus)
    text = json.dumps(result, indent=1, sort_keys=False) + "\n"
    page = rules_doc.render(result)
    if args.check:
        same = WEIGHTS_FILE.exists() and WEIGHTS_FILE.read_text(encoding="utf-8") == text
        print("weights.json is up to date" if same else "weights.json differs from a refit")
        documented = rules_doc.DOC_FILE.exists() and rules_doc.DOC_FILE.read_text(
            encoding="utf-8"
        ) == page
        if not documented:
            print(f"{rules_doc.DOC_FILE.name} differs from the rules and a refit's weights")
        return 0 if same and documented else 1
    WEIGHTS_FILE.write_text(text, encoding="utf-8")
    rules_doc.DOC_FILE.write_text(page, encoding="utf-8")
    print(f"wrote {WEIGHTS_FILE} ({result['training_cases']} training cases) "
          f"and {rules_doc.DOC_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
