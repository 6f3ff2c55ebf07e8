"""A year-less date takes the year the text itself writes for that day or month, when
that year is later than the guess from the article's date; an earlier one is another
instalment's and leaves the guess alone.

Every sentence here is invented for the test (the show is made up too)."""

from __future__ import annotations

from support import first_release

from scraper.models import Watch

LANTERN = Watch("Lantern Row", None, ())


def release(body: str) -> tuple[str, str] | None:
    return first_release(
        body, LANTERN, "https://film.example/news/story", "2024-12-10", "Lantern Row news"
    )


def test_a_later_year_written_elsewhere_dates_the_bare_day() -> None:
    body = (
        "<p>The studio moved Lantern Row out of its spring slot; the film now opens "
        "October 3.</p>"
        "<table><tr><td>Lantern Row</td><td>October 3, 2025</td></tr></table>"
    )
    assert release(body) == ("2025-10-03", "day")


def test_a_later_year_written_elsewhere_dates_the_bare_month() -> None:
    body = (
        "<p>Lantern Row now opens in October, the studio said.</p>"
        "<p>The studio also has a horror film set for October 2025 and a musical for "
        "May.</p>"
    )
    assert release(body) == ("2025-10", "month")


def test_an_earlier_year_written_elsewhere_leaves_the_guess() -> None:
    body = (
        "<p>Lantern Row will open on December 25, the studio confirmed.</p>"
        "<p>The first film opened on December 25, 2021.</p>"
    )
    assert release(body) == ("2024-12-25", "day")
