"""The alert table of SPEC.md, as pure rules over findings and known facts."""

from datetime import date

import pytest

from scraper.facts import KnownFacts, Observation, diff_findings
from scraper.models import ANNOUNCED, CHANGED, RELEASE_DATE, TRAILER, TRAILER_RELEASED, Finding


def day(value: str, precision: str = "day") -> Finding:
    return Finding(RELEASE_DATE, f"It arrives {value}.", value, precision)


def trailer(video: str) -> Finding:
    return Finding(TRAILER, "Watch the trailer.", url=f"https://www.youtube.com/watch?v={video}")


def known(current: Finding | None = None, seen=(), trailers=()) -> KnownFacts:
    keys = {f.value_key for f in seen} | ({current.value_key} if current else set())
    return KnownFacts(current, frozenset(keys), frozenset(t.value_key for t in trailers))


def events(diff):
    return [(f.event, f.finding.value_key) for f in diff.new_facts if f.event]


def test_first_date_is_announced():
    diff = diff_findings(known(), [Observation(day("2023-08-03"), "https://a")])
    assert events(diff) == [(ANNOUNCED, "2023-08-03/day")]


def test_same_date_from_second_source_sends_nothing():
    current = day("2023-08-03")
    diff = diff_findings(known(current), [Observation(day("2023-08-03"), "https://b")])
    assert events(diff) == []
    assert diff.corroborations == [(RELEASE_DATE, "2023-08-03/day", "https://b")]


def test_new_day_date_is_a_change_with_previous():
    current = day("2023-08-03")
    diff = diff_findings(known(current), [Observation(day("2023-08-10"), "https://b")])
    assert events(diff) == [(CHANGED, "2023-08-10/day")]
    assert diff.new_facts[0].previous == current


@pytest.mark.parametrize(
    "current, new, alerts",
    [
        (day("2024-06", "month"), day("2024-06-16"), True),  # refinement counts
        (day("2024", "year"), day("2024-summer", "season"), True),
        (day("2024-06-16"), day("2024", "year"), False),  # less precise never flips
        (day("2024-06-16"), day("2024-07", "month"), False),
    ],
)
def test_only_at_least_as_precise_values_change_the_date(current, new, alerts):
    diff = diff_findings(known(current), [Observation(new, "https://b")])
    assert bool(events(diff)) is alerts


def test_previously_seen_value_never_flips_back():
    old, current = day("2023-08-03"), day("2023-08-10")
    diff = diff_findings(known(current, seen=[old]), [Observation(old, "https://stale")])
    assert events(diff) == []


def test_several_new_dates_in_one_batch_alert_once_for_the_most_precise():
    diff = diff_findings(
        known(),
        [
            Observation(day("2023", "year"), "https://a"),
            Observation(day("2023-08-03"), "https://b"),
            Observation(day("2023-08", "month"), "https://c"),
        ],
    )
    assert events(diff) == [(ANNOUNCED, "2023-08-03/day")]
    assert len(diff.new_facts) == 3  # the others are remembered, so they never alert later


def test_tie_goes_to_the_most_recently_published_report():
    diff = diff_findings(
        known(),
        [
            Observation(day("2023-08-03"), "https://a", date(2023, 4, 1)),
            Observation(day("2023-08-10"), "https://b", date(2023, 6, 1)),
        ],
    )
    assert events(diff) == [(ANNOUNCED, "2023-08-10/day")]


def test_each_new_trailer_alerts_once_across_sources():
    diff = diff_findings(
        known(trailers=[trailer("QP4va9IrcZo")]),
        [
            Observation(trailer("QP4va9IrcZo"), "https://a"),
            Observation(trailer("OoXeC5EaVDA"), "https://a"),
            Observation(trailer("OoXeC5EaVDA"), "https://b"),
        ],
    )
    assert events(diff) == [(TRAILER_RELEASED, "https://www.youtube.com/watch?v=OoXeC5EaVDA")]
    assert diff.new_facts[0].sources == ["https://a", "https://b"]


def report(article: str) -> Finding:
    """A trailer reported without a link: identified only by the article's URL."""
    return Finding(TRAILER, "Netflix released the trailer today.", url=article)


def test_trailer_reports_without_a_link_alert_once_across_outlets():
    diff = diff_findings(
        known(),
        [Observation(report(f"https://news{n}.example/hs2-trailer"), f"https://news{n}")
         for n in range(5)],
    )
    assert len(events(diff)) == 1
    assert len(diff.new_facts[0].sources) == 5


def test_trailer_report_after_a_known_video_only_corroborates_it():
    teaser = trailer("QP4va9IrcZo")
    diff = diff_findings(
        KnownFacts(trailer_keys=frozenset({teaser.value_key}),
                   latest_trailer_key=teaser.value_key),
        [Observation(report("https://news.example/trailer-out"), "https://news")],
    )
    assert events(diff) == []
    assert diff.corroborations == [(TRAILER, teaser.value_key, "https://news")]


def test_a_video_link_is_news_even_after_a_link_less_report():
    reported = report("https://news.example/trailer-out")
    diff = diff_findings(
        KnownFacts(trailer_keys=frozenset({reported.value_key}),
                   latest_trailer_key=reported.value_key),
        [Observation(trailer("OoXeC5EaVDA"), "https://youtube")],
    )
    assert events(diff) == [(TRAILER_RELEASED, "https://www.youtube.com/watch?v=OoXeC5EaVDA")]
