"""The extractor's pipeline: --explain, the fitted weights, and the per-document budget."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import pytest

from scraper.cli.main import main
from scraper.extract import extract, extract_documents, fit, read, rules_doc
from scraper.extract.evidence import DATE_RULES, TRAILER_RULES
from scraper.extract.score import WEIGHTS_FILE
from scraper.facts import KnownFacts, Observation, diff_findings
from scraper.models import RELEASE_DATE, Finding, Watch
from scraper.parse.documents import parse_documents

CORPUS = Path(__file__).parent / "corpus"
HS2 = Watch("Heartstopper", 2)

PAGE = """<html><head><title>Heartstopper season 2 date</title>
<meta property="article:published_time" content="2023-04-20T09:00:00Z"></head><body>
<h1>Heartstopper season 2 gets a date</h1>
<p class="byline">By Dana Roe \u00b7 Updated April 20, 2023</p>
<p>Netflix confirmed that Heartstopper season 2 premieres on August 3, 2023.</p>
<p>Fans had hoped it might arrive in June.</p>
</body></html>"""


def test_explain_shows_the_winner_and_a_rejected_candidate(tmp_path: Path, capsys) -> None:
    page = tmp_path / "a.html"
    page.write_text(PAGE, encoding="utf-8")
    argv = ["extract", "--explain", "--title", "Heartstopper", "--season", "2", str(page)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "2023-08-03 (day)  CHOSEN" in out
    assert "premieres on August 3, 2023" in out
    assert "release_verb" in out and "about_watch" in out  # the rules that fired, with weights
    assert "rejected: below the threshold" in out
    assert "hedge: 'hoped'" in out  # what the rule saw
    assert "byline_or_stamp" in out  # the Updated stamp is a candidate, and says why it lost
    assert "=> 2023-08-03 (day) won" in out  # why the winner won
    findings = json.loads(out.split("findings: ", 1)[1])["findings"]
    assert findings[0]["date"] == "2023-08-03"


def test_explain_says_why_a_video_is_no_trailer_of_the_watch(tmp_path: Path, capsys) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        PAGE.replace(
            "<p>Fans had hoped",
            '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
            'title="Heartstopper Season 1 | Official Trailer"></iframe><p>Fans had hoped',
        ),
        encoding="utf-8",
    )
    argv = ["extract", "--explain", "--title", "Heartstopper", "--season", "2", str(page)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "not a trailer of the watch: the words near it name another season" in out


def test_an_updated_stamp_is_never_the_release_date() -> None:
    page = PAGE.replace(
        "<p>Netflix confirmed that Heartstopper season 2 premieres on August 3, 2023.</p>", ""
    )
    [doc] = parse_documents(page, "https://example.org/a")
    assert extract(doc, HS2) == []


def test_the_shipped_weights_are_a_refit_of_the_training_split() -> None:
    shipped = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    refit = fit.fitted(CORPUS)
    for kind in ("release_date", "trailer"):
        assert refit[kind]["rows"] == shipped[kind]["rows"]
        for name, weight in refit[kind]["weights"].items():
            assert shipped[kind]["weights"][name] == pytest.approx(weight, abs=1e-3), name


def test_the_rules_page_is_the_registry_and_the_shipped_weights() -> None:
    # A rule added, renamed or refitted without `python -m scraper.extract.fit` leaves the
    # page describing rules the code no longer has.
    page = rules_doc.DOC_FILE.read_text(encoding="utf-8")
    assert page == rules_doc.render()
    for rule in DATE_RULES + TRAILER_RULES:
        assert f"| `{rule.name}` |" in page


def test_the_fit_reads_only_the_training_split() -> None:
    assert fit.is_training(Path("dev1/106-x")) and not fit.is_training(Path("dev1/107-x"))
    assert all(fit.is_training(case) for case in fit.training_cases(CORPUS))


def test_a_256_kb_paragraph_repeating_the_title_finishes_in_two_seconds(caplog) -> None:
    unit = "Heartstopper season 2 premieres August 3, 2023 on Netflix and "
    body = (unit * (262_144 // len(unit) + 1))[:262_144]
    html = f"<html><head><title>Heartstopper</title></head><body><p>{body}</p></body></html>"
    docs = parse_documents(html, "https://example.org/long")
    caplog.set_level(logging.WARNING, logger="scraper.extract")
    start = time.perf_counter()
    findings = extract_documents(docs, HS2)
    assert time.perf_counter() - start < 2.0
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    if warnings:  # over its budget: one warning and no findings, never a stall
        assert len(warnings) == 1 and "budget" in warnings[0].getMessage()
        assert findings == []


def test_findings_carry_their_score_which_json_leaves_out() -> None:
    doc = parse_documents(
        "<html><head><title>Heartstopper season 2</title></head><body>"
        "<p>Netflix confirmed Heartstopper Season 2 premieres August 3, 2023.</p></body></html>",
        "https://news.example/hs2",
    )[0]
    [finding] = extract(doc, Watch("Heartstopper", 2))
    assert finding.score is not None and finding.score > 0.0
    assert "score" not in finding.to_json()
    # the score is no part of what makes two findings the same news
    assert finding == Finding(RELEASE_DATE, finding.evidence, "2023-08-03", "day", score=-1.0)


def test_among_equally_precise_new_dates_the_better_scoring_report_wins() -> None:
    weak = Finding(RELEASE_DATE, "a stray date", "2023-08-03", "day", score=0.2)
    strong = Finding(RELEASE_DATE, "premieres Aug. 10", "2023-08-10", "day", score=3.0)
    for order in ([weak, strong], [strong, weak]):
        diff = diff_findings(KnownFacts(), [Observation(f, "https://a") for f in order])
        winners = [f.finding for f in diff.new_facts if f.event is not None]
        assert [f.date for f in winners] == ["2023-08-10"]


def test_the_budget_counts_the_readers_own_cpu_time_and_caps_the_wall_clock() -> None:
    from scraper.extract.candidates import WALL_FACTOR, Budget, OverBudget

    budget = Budget.start(0.2)
    time.sleep(0.3)  # waiting for the CPU (a loaded machine) spends none of the budget
    budget.check()
    time.sleep(0.2 * WALL_FACTOR)  # but a starved reader is still cut, on the wall clock
    with pytest.raises(OverBudget):
        budget.check()
    spinning = Budget.start(0.05)
    with pytest.raises(OverBudget):
        for _ in range(10_000_000):  # bounded: the budget ends it long before
            spinning.check()


def test_a_date_nothing_ties_to_the_watch_is_never_reported_however_it_reads() -> None:
    html = (
        "<html><head><title>Mapleford News</title></head><body>"
        "<h1>Lanternfall season 2 release date confirmed: Thursday 3rd August 2023</h1>"
        "<p>The streamer confirmed the news on Monday.</p></body></html>"
    )
    docs = parse_documents(html, "https://news.example/lanternfall")
    reading = read(docs[0], Watch("Copper Harbour"), complete=True)
    headline = next(c for c in reading.dates if c.mention.value == "2023-08-03")
    assert not headline.is_the_watchs and reading.release is None
    assert extract_documents(docs, Watch("Copper Harbour")) == []
    assert extract_documents(docs, Watch("Lanternfall", 2))[0].date == "2023-08-03"


def test_two_seasons_of_one_year_are_different_releases() -> None:
    # ("2025-summer" and "2025-autumn" both above the threshold once raised a ValueError,
    # which cost the whole document its findings)
    from scraper.extract.choose import same_release

    assert not same_release("2025-summer", "2025-autumn")
    assert same_release("2025-autumn", "2025-10-02") and same_release("2025", "2025-autumn")
