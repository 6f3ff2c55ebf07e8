"""A studio's slate shuffle: which film a move belongs to, and which end of a
"from <date> to <date>" pair is the new date, in English and in other languages.

Every sentence here is invented for the test (the films are made up too)."""

from __future__ import annotations

from support import first_release

from scraper.models import Watch

ORCHARD = Watch("The Glass Orchard", None, ())


def release(body: str, title: str = "Studio moves films") -> tuple[str, str] | None:
    return first_release(body, ORCHARD, "https://film.example/news/slate", "2024-03-05", title)


def test_the_second_date_of_a_foreign_move_pair_is_the_new_one() -> None:
    # French: "from 14 May 2025 to 3 October 2025"; the first date is the one left
    body = (
        "<p>Le studio a décalé la sortie de The Glass Orchard, prévue du 14 mai 2025 "
        "au 3 octobre 2025.</p>"
    )
    assert release(body, "The Glass Orchard repoussé") == ("2025-10-03", "day")


def test_the_second_date_of_an_italian_move_pair_is_the_new_one() -> None:
    body = (
        "<p>Il film The Glass Orchard non uscirà più a gennaio: lo studio ha spostato "
        "l'uscita nelle sale dal 9 gennaio 2026 al 20 marzo 2026.</p>"
    )
    assert release(body, "The Glass Orchard rinviato") == ("2026-03-20", "day")


def test_a_fronted_phrase_about_production_does_not_own_the_moved_date() -> None:
    # "with filming stopped," only sets the scene; the date is the film's new release
    body = (
        "<p>The studio shuffled its 2025 calendar today.</p>"
        "<p>With production paused, The Glass Orchard slides from April 4, 2025 to "
        "August 22, 2025.</p>"
    )
    assert release(body) == ("2025-08-22", "day")


def test_other_films_pulled_from_the_calendar_leave_the_watch_dated() -> None:
    body = (
        "<p>The studio shuffled its 2025 calendar today.</p>"
        "<p>The Glass Orchard moves from April 4, 2025 to August 22, 2025.</p>"
        "<p>The studio has also pulled Copper Tide and Night Ferry from the calendar "
        "with no new dates.</p>"
    )
    assert release(body) == ("2025-08-22", "day")


def test_another_films_move_in_the_roundup_does_not_replace_the_watchs() -> None:
    # the later item names no watch and leads with its own film: its date is that film's
    body = (
        "<p>The studio shuffled its 2025 calendar today.</p>"
        "<p>The Glass Orchard slides from April 4, 2025 to August 22, 2025.</p>"
        "<p>Marta Lind's untitled heist picture moves to November 7, 2025.</p>"
    )
    assert release(body) == ("2025-08-22", "day")


def test_the_date_named_before_instead_of_is_the_new_plan() -> None:
    # the new day comes first and the abandoned one after "instead of"; a later item of
    # the roundup dates a different film
    body = (
        "<p>The studio moved several dates today.</p>"
        "<p>First, The Glass Orchard is going a week earlier, on Friday, Nov. 14 this "
        "year instead of Nov. 21.</p>"
        "<p>The long-delayed harbor thriller from Ana Reyes gets a March 6, 2026 release "
        "date.</p>"
    )
    assert release(body) == ("2024-11-14", "day")


def test_a_yearless_date_a_move_sends_the_film_to_lies_ahead() -> None:
    # Written on 5 March: "back to February 20" is next February, not the one just gone.
    body = (
        "<p>The studio moved Copper Hill up to May 2, 2025, pushing The Glass Orchard "
        "back to February 20.</p>"
    )
    assert release(body) == ("2025-02-20", "day")


def test_a_move_told_as_history_keeps_the_nearest_year() -> None:
    # The film has opened: the move the sentence names is history, in the year just gone.
    from datetime import date

    from scraper.extract.dates import find_dates

    told = "After its move to February 20, The Glass Orchard opened to strong reviews."
    assert [m.value for m in find_dates(told, date(2024, 3, 5))] == ["2024-02-20"]
    ahead = "The studio is pushing The Glass Orchard back to February 20."
    assert [m.value for m in find_dates(ahead, date(2024, 3, 5))] == ["2025-02-20"]
