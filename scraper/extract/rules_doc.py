"""docs/extractor-rules.md: every evidence rule with its fitted weight, what it sees and
an example, rendered from the rule registry and weights.json so the page cannot drift
from the code. `python -m scraper.extract.fit` rewrites it with the weights."""

from __future__ import annotations

from pathlib import Path

from scraper.extract.evidence import DATE_RULES, TRAILER_RULES
from scraper.extract.evidence.rules import Rule
from scraper.extract.score import weights

DOC_FILE = Path(__file__).resolve().parents[2] / "docs" / "extractor-rules.md"

_HEAD = """\
# The extractor's evidence rules

Generated from the rule registry (`scraper/extract/evidence/`) and the fitted weights
(`scraper/extract/weights.json`) by `python -m scraper.extract.fit`; do not edit by hand.

A candidate's score is the bias plus the weights of the rules that fired on it. A release
date is reported when its score is above 0 and it is the watch's (`about_watch`); a video
is a trailer when its score is above 0. `releasewatch extract --explain PAGE` shows, for
every candidate of a page, which of these rules fired, what each saw, and the score.
A positive weight is evidence for, a negative one evidence against.
"""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(title: str, rules: list[Rule], table: dict[str, float]) -> list[str]:
    lines = [
        "",
        f"## {title}",
        "",
        f"Bias: {table['bias']:+.2f}. {len(rules)} rules.",
        "",
        "| rule | weight | what it sees | example |",
        "| --- | ---: | --- | --- |",
    ]
    for rule in rules:
        weight = table.get(rule.name, rule.prior)
        lines.append(
            f"| `{rule.name}` | {weight:+.2f} | {_cell(rule.description)} | {_cell(rule.example)} |"
        )
    return lines


def render(fitted: dict | None = None) -> str:
    """The page, for the shipped weights or for a fit's result (`fit.fitted`)."""
    shipped = weights()
    lines = [_HEAD.rstrip("\n")]
    for title, kind, rules in (
        ("Release dates", "release_date", DATE_RULES),
        ("Trailers", "trailer", TRAILER_RULES),
    ):
        table = dict(shipped[kind])
        if fitted is not None:
            table.update(fitted[kind]["weights"])
        lines += _table(title, rules, table)
    return "\n".join(lines) + "\n"
