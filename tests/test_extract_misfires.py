"""Negative rules whose word is used in another sense, and release constructions of
films the vocabulary missed: the date stays the release's.

Every sentence here is invented for the test (the films and shows are made up too)."""

from __future__ import annotations

from support import first_release

from scraper.models import Watch

LANTERN = Watch("The Glass Lantern", None, ())
ORCHARD = Watch("Salt Orchard", 3, ())


def film(body: str, published: str | None = "2024-06-12") -> tuple[str, str] | None:
    return first_release(body, LANTERN, "https://film.example/news/story", published)


def show(body: str, published: str | None = "2024-06-12") -> tuple[str, str] | None:
    return first_release(body, ORCHARD, "https://tv.example/news/story", published)


def test_a_contracted_denial_before_until_waits_for_the_date() -> None:
    # "isn't ... until" is a wait that ends on the release, not the end of a run
    body = (
        "<p>The Glass Lantern wrapped in May.</p>"
        "<p>The film isn't set to hit theaters until February 2025.</p>"
    )
    assert film(body) == ("2025-02", "month")


def test_the_end_of_a_run_is_still_no_release() -> None:
    body = "<p>The Glass Lantern is back in a few theaters until July 30 for its anniversary.</p>"
    assert film(body) is None


def test_before_the_dated_release_names_the_release_itself() -> None:
    # what happens before "the Oct. 4 release" is another thing; the date is stated
    body = (
        "<p>The Glass Lantern is the studio's big autumn bet.</p>"
        "<p>About two months before the Oct. 4 release, the Comic-Con panel will show "
        "a first clip of the film.</p>"
    )
    assert film(body) == ("2024-10-04", "day")


def test_before_a_bare_date_is_still_a_deadline() -> None:
    body = "<p>The Glass Lantern should reach theaters before Oct. 4, the studio hopes.</p>"
    assert film(body) is None


def test_will_be_released_is_no_past_premiere_of_the_show() -> None:
    # show_first_premiere reads a past "released"; "will be released" is the future
    body = (
        "<p>Salt Orchard season 3 has a teaser.</p>"
        "<p>In it, the cast reveals that the season will be released on November 8th.</p>"
    )
    assert show(body) == ("2024-11-08", "day")


def test_a_hope_about_another_time_is_no_hedge_on_the_date() -> None:
    body = (
        "<p>The Glass Lantern has been given a September 20th release in the US, in a move "
        "the distributor hopes will carry it into the awards race next year.</p>"
    )
    assert film(body) == ("2024-09-20", "day")


def test_a_hope_on_the_date_itself_still_hedges_it() -> None:
    body = "<p>The studio hopes The Glass Lantern will open on September 20th.</p>"
    assert film(body) is None


def test_a_film_storming_theaters_is_released() -> None:
    body = (
        "<p>After two long years, The Glass Lantern finally invades theaters everywhere "
        "on Friday, November 15th.</p>"
    )
    assert film(body) == ("2024-11-15", "day")


def test_binge_watching_from_a_date_is_the_release() -> None:
    body = (
        "<p>Salt Orchard season 3 is done filming.</p>"
        "<p>Fans can start binge-watching the new episodes from August 9th.</p>"
    )
    assert show(body) == ("2024-08-09", "day")


def test_a_fronted_schedule_phrase_belongs_to_the_title_after_its_comma() -> None:
    body = (
        "<p>Salt Orchard season 3 gets a poster.</p>"
        "<p>Set to premiere on Sept. 1, Salt Orchard picks up a year after the flood.</p>"
    )
    assert show(body) == ("2024-09-01", "day")


def test_a_makers_name_in_the_watchs_appositive_is_no_other_work() -> None:
    limited = Watch("Tidewater", None, ())
    body = (
        "<p>Tidewater, the eight-episode limited series from Wren Calloway will premiere its "
        "first two episodes on Thursday, October 3 on FX.</p>"
    )
    assert first_release(body, limited, published="2024-06-12") == ("2024-10-03", "day")


def test_a_work_quoted_after_a_docuseries_date_is_what_it_shows() -> None:
    docuseries = Watch("Backstage at Harbor Park", None, ())
    body = (
        "<p>Backstage at Harbor Park follows the people who run a theme park.</p>"
        "<p>The docu-series, which will premiere on Dec. 3, follows everyone from the ride "
        'engineers to the lead of the touring production of "The Tin Parade."</p>'
    )
    assert first_release(body, docuseries, published="2024-11-02") == ("2024-12-03", "day")


def test_a_work_quoted_before_the_date_still_takes_it() -> None:
    body = (
        "<p>Salt Orchard season 3 is coming.</p>"
        '<p>Meanwhile, the network said "Copper Wells" premieres on Dec. 3.</p>'
    )
    assert show(body) is None


def test_a_source_credited_in_brackets_is_no_work() -> None:
    body = (
        "<p>The Glass Lantern stars two unknowns.</p>"
        "<p>During yesterday's presentation at CinemaCon (via Screen Ledger), the studio "
        "announced that it will release the untitled drama on Christmas Day.</p>"
    )
    assert film(body) == ("2024-12-25", "day")


def test_an_original_series_from_a_studio_is_no_earlier_work() -> None:
    cartoon = Watch("Lamp Street", None, ())
    body = (
        "<p>Lamp Street, an original series from Bramble Animation, starts streaming "
        "August 9 on the studio's app.</p>"
    )
    assert first_release(body, cartoon, published="2024-06-12") == ("2024-08-09", "day")


def test_the_original_series_as_subject_is_still_the_earlier_work() -> None:
    body = (
        "<p>Salt Orchard season 3 is on its way.</p>"
        "<p>The original series premiered on August 9, 2019.</p>"
    )
    assert show(body) is None


def test_an_earlier_work_in_an_aside_before_the_date_is_no_subject() -> None:
    prequel = Watch("Ember Crown", None, ())
    body = (
        "<p>Ember Crown has a first teaser.</p>"
        "<p>The series, set a hundred years before the original show, premieres on the "
        "network in 2025.</p>"
    )
    assert first_release(body, prequel, published="2024-06-12") == ("2025", "year")


def test_until_further_notice_in_a_forum_rule_takes_no_date_off_the_calendar() -> None:
    body = (
        "<p>Salt Orchard season 3 thread.</p>"
        "<p>Until further notice, all episode talk goes in the weekly threads.</p>"
        "<p>The first episode of Salt Orchard season 3 goes up on the app on Monday, July 29.</p>"
    )
    assert show(body) == ("2024-07-29", "day")


def test_the_games_a_film_is_drawn_from_are_no_other_product() -> None:
    body = (
        "<p>Meanwhile The Glass Lantern, releasing on October 24, mixes swordplay and "
        "nostalgia for fans of the games.</p>"
    )
    assert film(body) == ("2024-10-24", "day")


def test_a_game_arriving_on_the_date_is_still_another_product() -> None:
    body = "<p>The Glass Lantern game arrives on consoles on October 24.</p>"
    assert film(body) is None


def test_a_festival_named_like_a_film_is_no_franchise_entry() -> None:
    doc = Watch("Ninth Avenue", None, ())
    body = (
        "<p>Ninth Avenue is a documentary about a street market.</p>"
        "<p>After screening at the New Harbor Film Festival it will stream on the service "
        "on the 7th of October, 2024.</p>"
    )
    assert first_release(body, doc, published="2024-06-12") == ("2024-10-07", "day")


def test_an_occasion_that_is_the_dates_own_subject_still_counts() -> None:
    body = "<p>The Glass Lantern screens at the Harbor festival on October 7.</p>"
    assert film(body) is None


def test_the_first_new_episode_is_the_seasons_start() -> None:
    body = (
        "<p>A recap special of Salt Orchard airs first.</p>"
        "<p>Salt Orchard season 3 itself begins the following week, with its first new "
        "episode on July 6.</p>"
    )
    assert show(body) == ("2024-07-06", "day")


def test_postponed_to_a_date_is_a_release_verb() -> None:
    body = (
        "<p>The Glass Lantern will not open this summer.</p>"
        "<p>The film has been postponed to March 7, 2025.</p>"
    )
    assert film(body) == ("2025-03-07", "day")


def test_a_date_it_had_been_given_is_the_old_plan() -> None:
    body = (
        "<p>The Glass Lantern, which had been dated May 2, 2025, now opens "
        "November 14, 2025.</p>"
    )
    assert film(body) == ("2025-11-14", "day")


def test_resume_is_a_release_verb() -> None:
    body = (
        "<p>Salt Orchard season 3 was paused mid-shoot last year.</p>"
        "<p>The studio's chief says the show will resume on the app in November.</p>"
    )
    assert show(body) == ("2024-11", "month")


def test_gets_a_season_in_a_month_is_its_release() -> None:
    body = (
        "<p>The studio revealed on Thursday that Salt Orchard will have a third season in "
        "October 2024.</p>"
    )
    assert show(body) == ("2024-10", "month")


def test_a_premiere_last_night_is_the_current_seasons_not_the_shows_first() -> None:
    body = (
        "<p>Salt Orchard season 3 review.</p>"
        "<p>The long-awaited return of Salt Orchard premiered last night at an odd hour.</p>"
    )
    assert show(body) == ("2024-06-11", "day")


def test_a_premiere_years_back_is_still_the_shows_first() -> None:
    body = (
        "<p>Salt Orchard season 3 has no date yet.</p>"
        "<p>The series premiered in April 2021 on the network.</p>"
    )
    assert show(body) is None


def test_a_possessive_before_the_verb_describes_the_watch() -> None:
    body = (
        "<p>The Glass Lantern has a final trailer.</p>"
        "<p>Its Japanese opening is locked for September 13 (this Friday!).</p>"
    )
    assert film(body, published="2024-09-09") == ("2024-09-13", "day")


def test_a_roundup_bracket_with_the_channel_first_dates_the_entry() -> None:
    body = (
        "<h2>'Salt Orchard' Season 3 (Hulu, Oct. 4)</h2><p>The drama returns for more.</p>"
        "<h2>'Copper Wells' (Netflix, Oct. 11)</h2><p>A new mystery.</p>"
    )
    assert show(body) == ("2024-10-04", "day")
