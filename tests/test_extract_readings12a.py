"""Dates that are not the watched season's announced release, as real articles tell them:
a launch more than a year before the article is the show's history, however the calendar
years fall.

Every title and sentence here is invented for the test; none comes from an article."""

from __future__ import annotations

from datetime import date

import pytest
from support import first_release

from scraper.extract.evidence.governs import _year_before
from scraper.models import Watch

LANTERN2 = Watch("Lantern Bay", 2, ())


def test_a_launch_thirteen_months_before_the_article_is_the_first_seasons() -> None:
    # (the first season's launch in the previous calendar year: "last year" by the
    # calendar, but more than a year before the article, which a byline dates to a month)
    body = (
        '<div lang="fr"><div class="byline">Août 2024</div>'
        "<p>Lantern Bay revient pour une deuxième saison sur la plateforme.</p>"
        "<p>Lancée en streaming, la série a trouvé son public dès sa première semaine de "
        "diffusion, le 12 juillet 2023.</p>"
        "<p>La plateforme a fixé sa date de diffusion au 3 novembre.</p></div>"
    )
    assert first_release(body, LANTERN2, published=None) == ("2024-11-03", "day")


@pytest.mark.parametrize(
    ("value", "precision", "published", "before"),
    [
        ("2023-07-12", "day", date(2024, 8, 20), True),
        ("2023-09-30", "day", date(2024, 8, 20), False),  # within the year before
        ("2023-07", "month", date(2024, 8, 20), True),
        ("2023-08", "month", date(2024, 8, 20), False),  # its last day is within the year
        ("2023-summer", "season", date(2024, 9, 20), True),
        ("2023-winter", "season", date(2024, 2, 10), False),  # runs into February 2024
        ("2023", "year", date(2024, 8, 20), False),  # "last year"
        ("2022", "year", date(2024, 1, 5), True),
    ],
)
def test_over_a_year_before_is_counted_from_the_dates_last_day(
    value: str, precision: str, published: date, before: bool
) -> None:
    assert _year_before(value, precision, published) is before


def test_a_list_entry_opened_by_a_name_and_a_colon_is_about_that_name() -> None:
    # (each entry of a list of delays is about the film it opens with: "It" in the later
    # entries is that entry's film, not the watched one of the first, which has no date)
    body = (
        "<p>Films whose teasers promised a season they will not keep.</p><ul>"
        "<li>Copper Meadow: the teaser on the tape said fall 2005. The studio has not given "
        "it a new date.</li>"
        "<li>Glass Orchard: posters in the lobby promised summer 2005. It arrives in spring "
        "2006.</li>"
        "<li>Salt Harbor: the first teaser named no date at all. It opens in May 2006.</li>"
        "</ul>"
    )
    assert first_release(body, Watch("Copper Meadow", None, ()), published="2005-07-01") is None
    assert first_release(body, Watch("Salt Harbor", None, ()), published="2005-07-01") == (
        "2006-05",
        "month",
    )


def _preview(updated: str) -> str:
    return (
        "<html><head><title>Fall Movie Preview 2019!</title></head><body><article>"
        "<h1>Fall Movie Preview 2019!</h1>"
        f'<div class="byline">Last Updated on {updated}</div>'
        "<p>Summer is winding down, so here is what the fall slate holds.</p>"
        "<h2>September</h2><p>Copper Meadow (September 6th)</p><p>Glass Orchard "
        "(September 13th)</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("updated", "year"),
    [
        ("August 3, 2021", "2019"),  # touched up two years on: the headline's year
        ("August 3, 2019", "2019"),
    ],
)
def test_an_update_years_after_the_headlines_year_does_not_date_the_list(
    updated: str, year: str
) -> None:
    from scraper.extract import extract
    from scraper.parse.documents import parse_documents

    doc = parse_documents(_preview(updated), "https://films.example/lists/fall-preview")[0]
    found = [
        f.date for f in extract(doc, Watch("Copper Meadow", None, ())) if f.kind == "release_date"
    ]
    assert found == [f"{year}-09-06"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Lantern Bay", ("2025-03", "month")), ("Copper Meadow", ("2025-06", "month"))],
)
def test_a_gapped_clause_gives_its_date_to_the_name_before_it(
    title: str, expected: tuple[str, str]
) -> None:
    # ("'A' moves to March, 'B' to June": the verb left out of the second clause, June is
    # B's, though the sentence named A first)
    body = (
        "<p>Studio shuffles its calendar: 'Lantern Bay' moves to March 2025, "
        "'Copper Meadow' to June.</p>"
    )
    assert first_release(body, Watch(title, None, ()), published="2024-10-01") == expected


def test_a_relative_clause_after_the_trailers_adjective_dates_the_trailer() -> None:
    # ("el tráiler oficial, que se estrenó ...": the clause is said of the trailer, its
    # adjective between them)
    body = (
        '<div lang="es"><p>Lantern Bay vuelve con su segunda temporada y la plataforma '
        "ya lo ha mostrado todo.</p>"
        "<p>Lo mejor lo guardó para el tráiler oficial, que se estrenó este 8 de julio.</p>"
        "</div>"
    )
    assert first_release(body, LANTERN2, published="2020-07-10") is None


def test_a_video_released_after_two_fronted_phrases_is_the_videos_date() -> None:
    body = (
        "<p>Released yesterday (July 15), on the eighth anniversary of the show's debut, the "
        "behind-the-scenes video is our best look yet at Lantern Bay season 2.</p>"
    )
    assert first_release(body, LANTERN2, published="2024-07-16") is None


def test_the_watch_named_as_what_sequels_follow_does_not_own_their_dates() -> None:
    body = (
        "<p>The first trailer for Copper Meadow arrives next week.</p>"
        "<p>The studio has also ordered two sequels to Copper Meadow, due for release in 2018 "
        "and 2020.</p>"
    )
    assert first_release(body, Watch("Copper Meadow", None, ()), published="2016-05-01") is None


def test_the_sequel_itself_keeps_its_date() -> None:
    body = "<p>Copper Meadow 2, the sequel to Copper Meadow, opens in theaters on May 5.</p>"
    assert first_release(body, Watch("Copper Meadow 2", None, ()), published="2024-03-01") == (
        "2024-05-05",
        "day",
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Copper Meadow 3", None), ("Glass Orchard", ("2015", "year"))],
)
def test_the_works_a_group_includes_own_its_date(
    title: str, expected: tuple[str, str] | None
) -> None:
    # (the page is about Copper Meadow 2's weekend and hints at a third; the films
    # "hitting theaters later this year" are the ones the list names)
    body = (
        "<p>Copper Meadow 2 topped the box office this weekend, and its director is already "
        "hinting at Copper Meadow 3.</p>"
        "<p>Highly anticipated sequels hitting theaters later this year include Glass Orchard, "
        "Salt Harbor, and "
        "The Lantern Keepers.</p>"
    )
    assert first_release(body, Watch(title, None, ()), published="2015-05-17") == expected


def test_a_plan_with_its_place_before_the_date_and_a_change_after_is_no_date() -> None:
    body = (
        "<p>Copper Meadow premiered at a festival in February and was set to open in "
        "Korean cinemas on Feb. 26, but that release was postponed several times.</p>"
    )
    assert first_release(body, Watch("Copper Meadow", None, ()), published="2020-04-20") is None


def test_the_watchs_title_after_the_date_ends_no_clause() -> None:
    # ("Beginning <date>, TITLE: PART will air Thursdays": the weekly slot is the date's
    # clause, through the colon of the title; the premiere is the earlier date)
    body = (
        "<p>Copper Meadow: USA season 2 brings back eighteen players.</p>"
        "<p>The two-part premiere kicks off Thursday, Aug. 10, and part two airs Sunday, "
        "Aug. 13.</p>"
        "<p>Beginning Thursday, Aug. 31, COPPER MEADOW: USA will air Thursdays at 10 PM.</p>"
    )
    watch = Watch("Copper Meadow: USA", 2, ())
    assert first_release(body, watch, published="2023-07-12") == ("2023-08-10", "day")


def test_the_readers_want_in_a_later_clause_does_not_hedge_the_date() -> None:
    body = (
        "<p>The second season of Lantern Bay premiered September 21 on the network, more or "
        'less rebooting the show under the name "Tides Turn," but you\'ll want to catch up on '
        "the discs to see how things got here.</p>"
    )
    assert first_release(body, LANTERN2, published="2015-09-29") == ("2015-09-21", "day")


def test_a_holiday_a_stated_date_is_timed_to_leaves_the_date_as_stated() -> None:
    body = "<p>Lantern Bay season 2 will premiere in October 2017, timed to Halloween.</p>"
    assert first_release(body, LANTERN2, published="2017-02-06") == ("2017-10", "month")


def test_a_foreign_release_label_is_no_other_works_name() -> None:
    # (a German calendar's field "Starttermin:" (start date) is the entry's release, not a
    # line labeled with another work's name)
    body = (
        '<div lang="de"><p>Die Serienstarts im Herbst auf einen Blick.</p>'
        "<h2>Lantern Bay – Staffel 2</h2>"
        "<p>Die zweite Staffel erzählt, wie es nach dem Sturm weitergeht.</p>"
        "<p>Starttermin: 25. August 2019</p></div>"
    )
    assert first_release(body, LANTERN2, published="2019-08-05") == ("2019-08-25", "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "La plataforma confirmó que la segunda temporada de Lantern Bay llegará a finales "
        "de octubre.",
        "Die zweite Staffel von Lantern Bay startet Ende Oktober bei dem Streamingdienst.",
    ],
)
def test_a_part_of_a_month_in_another_language_is_that_month(sentence: str) -> None:
    body = f'<div lang="es"><p>{sentence}</p></div>'
    assert first_release(body, LANTERN2, published="2017-02-06") == ("2017-10", "month")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The crowded fall 2021 anime schedule has officially kicked off.", None),
        ("The film officially opens in fall 2021.", ("2021-autumn", "season")),
    ],
)
def test_a_date_that_modifies_a_schedule_dates_the_schedule(
    sentence: str, expected: tuple[str, str] | None
) -> None:
    body = f"<p>A new trailer for Copper Meadow is out.</p><p>{sentence}</p>"
    watch = Watch("Copper Meadow", None, ())
    assert first_release(body, watch, published="2021-09-03") == expected


def test_a_fronted_schedule_phrase_names_no_work_of_its_own() -> None:
    # "Set to ..." opens the sentence: its capital is no title, and its subject is the
    # main clause's ("the movie", the watch of the page), not another work
    film = Watch("Ninety Winters On", None, ())
    body = (
        "<p>The first trailer for Ninety Winters On arrived this week.</p>"
        "<p>Set to open in cinemas on the longest day of the year, June 20th, 2025, the "
        "movie follows two earlier films, Ninety Days On (2002) and Ninety Weeks On "
        "(2007).</p>"
    )
    assert first_release(body, film, published="2025-01-14") == ("2025-06-20", "day")
