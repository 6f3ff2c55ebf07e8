"""Which film a date in a slate shuffle belongs to, as trade columns and release
calendars write them: several films and dates in one sentence, row or list, each date
its own film's.

Every title and sentence here is invented for the test; none comes from an article."""

from __future__ import annotations

from support import first_release

from scraper.models import Watch

HARBOR = Watch("Harbor of Kites", None, ())


def test_a_studio_move_told_of_another_film_is_that_films() -> None:
    # (the passage is the watch's, but the next paragraph's subject is another film,
    # moved by the studio: its new date is not the watch's)
    body = (
        "<p>Harbor of Kites is the studio's tentpole.</p>"
        "<p>In better news for fans, Copper Lantern 3 has been pushed ahead from Nov. 8, "
        "2024, to May 3, 2024, to fill the gap.</p>"
    )
    assert first_release(body, HARBOR) is None


def test_the_subject_of_a_foreign_verb_owns_the_date() -> None:
    # ("Copper Lantern 2 starts now on 19 August" in German: another film's start, in a
    # live blog whose last update named the watch)
    body = (
        '<div lang="de"><p>Der Verleih hat Harbor of Kites einen neuen Starttermin '
        "gegeben.</p><p>Copper Lantern 2 startet jetzt am 19. August 2024 in den deutschen "
        "Kinos.</p></div>"
    )
    assert first_release(body, HARBOR) is None


def test_in_name_date_pairs_the_date_before_the_watchs_pair_is_the_other_names() -> None:
    body = (
        '<div lang="de"><p>So erscheint Copper Lantern jetzt erst am 30. September 2024 '
        "und Harbor of Kites am 27. Mai 2024.</p></div>"
    )
    assert first_release(body, HARBOR) == ("2024-05-27", "day")


def test_a_release_calendars_day_row_dates_each_film_in_it() -> None:
    # ("June 29 -- A (studio), B (studio)": a calendar's day and the films opening then;
    # not a press dateline, which would date the story, a March page)
    body = (
        "<p>Wide releases only. Dates accurate as of March 1.</p>"
        "<p>June 22 -- Glass Orchard (Paramount), Salt Road (Fox)</p>"
        "<p>June 29 -- Copper Lantern (MGM), Harbor of Kites (Disney)</p>"
        "<p>July 6 -- Night Ferry (WB)</p>"
    )
    assert first_release(body, HARBOR, published="2024-03-02") == ("2024-06-29", "day")


def test_a_slate_row_with_its_old_date_noted_is_the_films_new_date() -> None:
    # ("Title: new date (was old date)": a was/now note, no clause; the date after the
    # colon is no subtitle of a longer title)
    body = (
        "<p>The studio has delayed Harbor of Kites from March to August and dated two "
        "others.</p>"
        "<p>Harbor of Kites: August 9, 2024 (was March 8, 2024)</p>"
        "<p>Copper Lantern: November 22, 2024</p>"
    )
    assert first_release(body, HARBOR, published="2023-09-15") == ("2024-08-09", "day")


def test_a_hedge_word_that_is_the_watchs_name_hedges_nothing() -> None:
    wish = Watch("Perhaps", None, ())
    body = "<p>The studio's animated Perhaps was granted a 22 November 2024 release.</p>"
    assert first_release(body, wish, published="2023-09-15") == ("2024-11-22", "day")


def test_a_date_that_says_that_year_takes_the_year_stated_before_it() -> None:
    body = (
        "<p>Copper Lantern is set for 1 March, 2025, and Harbor of Kites is due 5 July "
        "that year.</p>"
    )
    assert first_release(body, HARBOR, published="2023-09-15") == ("2025-07-05", "day")


def test_the_second_date_of_a_slate_jump_is_the_new_one() -> None:
    body = (
        "<p>That film takes the spot vacated by Harbor of Kites, which is jumping from May "
        "1, 2026, to May 7, 2027.</p>"
    )
    assert first_release(body, HARBOR) == ("2027-05-07", "day")


def test_a_move_of_the_films_own_dated_release_leaves_that_date() -> None:
    body = (
        '<p>Harbor of Kites: the indie is pushing back its August 4 release "to support '
        'the director."</p>'
    )
    assert first_release(body, HARBOR, published="2023-07-20") is None


def test_originally_in_another_language_marks_the_plan_given_up() -> None:
    body = (
        '<div lang="de"><p>Harbor of Kites sollte ursprünglich bereits im Juni 2024 in die '
        "Kinos kommen.</p><p>Ein neuer Termin steht noch nicht fest.</p></div>"
    )
    assert first_release(body, HARBOR) is None


def test_a_list_line_labeled_by_a_quoted_name_is_that_films() -> None:
    body = (
        '<div lang="de"><p>\u201cHarbor of Kites\u201d: Der Start ist verschoben, ein neuer '
        "Termin steht noch nicht fest.</p>"
        "<p>\u201cCopper Lantern\u201d: Der Film mit Anna Berg kommt jetzt am 25. Dezember "
        "2024 in die Kinos.</p></div>"
    )
    assert first_release(body, HARBOR) is None


def test_a_sentence_opening_on_an_untitled_film_is_not_the_watchs() -> None:
    body = (
        "<p>Harbor of Kites is getting an April 21 release.</p>"
        "<p>An untitled studio movie originally on Feb. 16, 2025 gets moved to Sept. 6, "
        "2025.</p>"
    )
    assert first_release(body, HARBOR, published="2024-09-13") == ("2025-04-21", "day")


def test_the_last_item_of_a_list_set_off_by_and_owns_the_date_after_it() -> None:
    body = (
        "<p>The studio is delaying two movies, Harbor of Kites, which was initially "
        "scheduled to open in March 2025, and Copper Lantern, postponed to August 2025.</p>"
    )
    assert first_release(body, HARBOR, published="2024-08-25") is None
