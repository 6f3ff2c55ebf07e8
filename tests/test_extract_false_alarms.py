"""False alarms on release dates: a date the page gives for something other than the
watched release, read as its release because a release word stood near it.

Every sentence here is invented for the test (the shows are made up too)."""

from __future__ import annotations

from support import first_release

from scraper.models import Watch

KILN = Watch("Kiln Street", 4, ())
HARBOR = Watch("Harbor Lights", 2, ())


def kiln(body: str, published: str | None = "2020-10-02") -> tuple[str, str] | None:
    return first_release(body, KILN, "https://tv.example/news/kiln-street", published)


def harbor(body: str, published: str | None = "2021-10-15") -> tuple[str, str] | None:
    return first_release(body, HARBOR, "https://tv.example/news/harbor-lights", published)


# -- the subject of the release word ---------------------------------------------------


def test_a_release_verb_said_of_something_else_is_no_release() -> None:
    # "hit" is a release verb for a show; here the pandemic does the hitting
    body = (
        "<p>Kiln Street season 4 has added three actors to its regular cast.</p>"
        "<p>The crew was a month into the new season when the outbreak hit the country "
        "in March.</p>"
    )
    assert kiln(body) is None


def test_the_same_verb_said_of_the_season_is_still_its_release() -> None:
    body = (
        "<p>Kiln Street season 4 has added three actors to its regular cast.</p>"
        "<p>The network says the new season will hit screens in March.</p>"
    )
    assert kiln(body) == ("2021-03", "month")


def test_a_numbered_season_as_the_subject_keeps_its_verb() -> None:
    # "season four will begin": the number ends the noun phrase, the season is the subject
    body = "<p>The channel confirmed that series four of Kiln Street will begin in November.</p>"
    assert kiln(body) == ("2020-11", "month")


def test_a_press_release_is_a_document_not_the_release() -> None:
    body = (
        "<p>Kiln Street is coming back.</p>"
        "<p>The streamer said in a press release on Sept. 30, 2020, that Kiln Street had "
        "been picked up for a fourth season.</p>"
    )
    assert kiln(body) is None


# -- what "since" counts from ----------------------------------------------------------


def test_since_its_premiere_counts_from_a_release_that_has_passed() -> None:
    body = (
        "<p>Will Harbor Lights get a second season?</p>"
        "<p>Since its premiere in September 2021, the drama has drawn steady praise, but "
        "nothing about more episodes has been said.</p>"
    )
    assert harbor(body, published=None) is None


# -- a weekday in a past report -------------------------------------------------------


def test_premiered_on_a_weekday_written_that_weekday_is_the_same_day() -> None:
    # 2021-10-15 is a Friday: "premiered on Friday" in a Friday article is that day
    body = (
        "<p>Season two of Harbor Lights premiered on Friday, so here is where season one "
        "left off.</p>"
    )
    assert harbor(body) == ("2021-10-15", "day")


def test_a_ratings_column_still_counts_back_a_week_for_its_own_weekday() -> None:
    # ratings arrive the morning after: Friday's numbers in a Friday column are last week's
    body = (
        "<p>Season two of Harbor Lights premiered on Friday and drew 4.1 million viewers, "
        "its best start yet.</p>"
    )
    assert harbor(body) == ("2021-10-08", "day")


# -- speculation without the classic hedge words ----------------------------------------

KILN3 = Watch("Kiln Street", 3, ())


def kiln3(sentence: str) -> tuple[str, str] | None:
    return first_release(f"<p>{sentence}</p>", KILN3, "https://tv.example/news/kiln", "2024-06-12")


def test_a_modal_of_expectation_on_the_release_is_a_guess() -> None:
    assert kiln3("Kiln Street season 3 should be back on the streamer by March 2025.") is None


def test_should_said_of_the_reader_leaves_the_date_alone() -> None:
    sentence = (
        "Viewers should clear their diaries: Kiln Street season 3 premieres on March 4, "
        "2025, the streamer announced."
    )
    assert kiln3(sentence) == ("2025-03-04", "day")


def test_a_label_calling_the_sentence_a_guess_hedges_what_follows_its_colon() -> None:
    assert kiln3("Our best guess: Kiln Street season 3 premieres in March 2025.") is None


def test_a_conditional_release_nobody_reports_is_a_reckoning() -> None:
    sentence = "Going by the last two gaps, Kiln Street season 3 would arrive in March 2025."
    assert kiln3(sentence) is None


def test_a_conditional_in_reported_speech_is_the_announced_future() -> None:
    sentence = "The streamer confirmed that Kiln Street season 3 would arrive on March 4, 2025."
    assert kiln3(sentence) == ("2025-03-04", "day")


def test_unnamed_sources_and_fan_theories_are_no_announcement() -> None:
    assert kiln3("Kiln Street season 3 premieres in March 2025, two sources told us.") is None
    assert kiln3("Kiln Street season 3 premieres in March 2025, going by a fan theory.") is None


# -- which season, which work -----------------------------------------------------------


def test_last_season_without_a_determiner_is_the_season_before() -> None:
    body = (
        "<p>Kiln Street season 3 is on its way.</p>"
        "<p>Last season premiered on March 4, 2024.</p>"
    )
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-06-12") is None


def test_its_last_season_is_still_the_final_one() -> None:
    body = "<p>Kiln Street ends with its last season, which premieres on March 4, 2025.</p>"
    watch = Watch("Kiln Street", 3, ())
    assert first_release(body, watch, "https://tv.example/news/kiln", "2024-06-12") == (
        "2025-03-04",
        "day",
    )


def test_the_title_as_a_modifier_of_a_spinoff_is_another_work() -> None:
    body = (
        "<p>Kiln Street season 3 is on its way.</p>"
        "<p>The Kiln Street spin-off premieres on July 8.</p>"
    )
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-06-12") is None


def test_a_longer_title_starting_with_the_watchs_is_another_work() -> None:
    body = (
        "<p>Kiln Street season 3 is on its way.</p>"
        "<p>Kiln Street Stories, the anthology offshoot, premieres on July 8.</p>"
    )
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-06-12") is None


def test_a_title_case_headline_still_names_the_watch() -> None:
    body = "<p>Kiln Street Returns For Season 3 On March 4, 2025</p>"
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-06-12") == (
        "2025-03-04",
        "day",
    )


# -- details, past markers and falls -----------------------------------------------------


def test_a_denial_in_a_parenthesis_about_another_detail_leaves_the_date() -> None:
    body = (
        "<p>* Season 2 of Harbor Lights will premiere on the channel Monday, April 25 "
        "(time slot TBA), and stream the same night.</p>"
    )
    assert harbor(body, published="2022-04-05") == ("2022-04-25", "day")


def test_a_parenthesis_denying_the_date_itself_still_denies_it() -> None:
    body = "<p>Season 2 of Harbor Lights will premiere in the spring (date TBA).</p>"
    assert harbor(body, published="2022-01-05") is None


def test_a_possibility_is_no_announcement() -> None:
    body = (
        "<p>According to one outlet, there is a possibility that Harbor Lights season 2 "
        "will premiere in the fall of next year.</p>"
    )
    assert harbor(body, published="2022-02-07") is None


def test_back_in_a_month_dates_a_report_not_the_release() -> None:
    # "back in March" is when the plan was told (last March), not a coming March
    body = (
        "<p>The network has ordered ten episodes of Harbor Lights season 2, which back in "
        "March, was set to premiere in 2023.</p>"
    )
    assert harbor(body, published="2022-02-07") == ("2023", "year")


def test_hearsay_in_the_passive_is_no_announcement() -> None:
    body = "<p>Harbor Lights season 2 was reported to premiere in 2023.</p>"
    assert harbor(body, published="2022-02-07") is None


def test_a_fall_in_numbers_is_no_release() -> None:
    # "dropped by ... percent" is the ratings falling; the year is season one's premiere
    body = (
        "<p>Harbor Lights was renewed for a second season on Thursday.</p>"
        "<p>The drama dropped by nearly half compared to the premiere run of episodes in "
        "2020, the ratings service said.</p>"
    )
    assert harbor(body, published="2021-10-15") is None


def test_a_premiere_named_by_its_noun_with_a_past_date_is_the_shows_first() -> None:
    body = (
        "<p>Harbor Lights is coming back for a second season.</p>"
        "<p>Viewing is well below the premiere batch of episodes in 2020.</p>"
    )
    assert harbor(body, published="2021-10-15") is None


def test_each_bullet_of_a_news_roundup_is_its_own_story() -> None:
    # the watch's bullet gives only a production start; the next bullets are other films'
    body = (
        "<p>The week's sequel news, in brief:</p>"
        "<p>– Kiln Street 2 will begin shooting next January with the original cast.</p>"
        "<p>– Paper Harbour Returns has been confirmed for September 19th next year.</p>"
        "<p>– The Orchard sequel has been pushed back to August 22nd next year.</p>"
    )
    film = Watch("Kiln Street 2", None, ())
    assert first_release(body, film, "https://film.example/news/sequels", "2013-06-19") is None


# -- other occasions: library batches, extras, festivals, later windows -----------------

LANTERN = Watch("The Glass Lantern", None, ())


def lantern(sentence: str) -> tuple[str, str] | None:
    return first_release(f"<p>{sentence}</p>", LANTERN, "https://film.example/news", "2024-06-12")


def test_earlier_seasons_arriving_on_another_service_are_no_premiere() -> None:
    body = (
        "<p>Kiln Street season 3 is coming.</p>"
        "<p>The first two seasons arrive on a second streamer on July 1.</p>"
    )
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-06-12") is None


def test_a_special_that_airs_is_not_the_season() -> None:
    body = (
        "<p>Kiln Street season 3 is coming.</p>"
        "<p>A behind-the-scenes special airs on July 1.</p>"
    )
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-06-12") is None


def test_a_festival_premiere_is_a_screening() -> None:
    sentence = "The Glass Lantern premieres at Cannes on May 20 ahead of a fall release."
    assert lantern(sentence) is None


def test_a_streaming_window_after_the_theatrical_run_is_not_the_release() -> None:
    sentence = "The Glass Lantern streams from July 12 after its theatrical run."
    assert lantern(sentence) is None


# -- relative dates ------------------------------------------------------------------------


def test_next_fall_written_in_spring_is_the_coming_fall() -> None:
    body = (
        "<p>The network has picked up Kiln Street for a third season, and a spokeswoman "
        "confirms that the show will return next fall.</p>"
    )
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-03-24") == (
        "2024-autumn",
        "season",
    )


def test_next_fall_written_in_summer_is_next_years() -> None:
    body = (
        "<p>The network has picked up Kiln Street for a third season, and a spokeswoman "
        "confirms that the show will return next fall.</p>"
    )
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-07-24") == (
        "2025-autumn",
        "season",
    )


def test_a_date_inferred_from_the_pattern_of_past_seasons_is_a_guess() -> None:
    assert kiln3("Going by the pattern, Kiln Street season 3 premieres in March 2025.") is None
    assert kiln3("History suggests Kiln Street season 3 will premiere in March 2025.") is None
    sentence = (
        "Season 2 arrived in March 2024, so Kiln Street season 3 will arrive in a similar "
        "window in March 2025."
    )
    assert kiln3(sentence) is None


def test_odds_talk_is_no_announcement() -> None:
    assert kiln3("Chances are Kiln Street season 3 premieres in March 2025.") is None
    assert kiln3("Barring delays, Kiln Street season 3 will premiere in March 2025.") is None
    assert kiln3("We're looking at a March 2025 premiere for Kiln Street season 3.") is None


def test_a_condition_after_a_dash_hedges_the_whole_sentence() -> None:
    sentence = (
        "Kiln Street season 3 will premiere in March 2025 \u2014 if the streamer sticks to form."
    )
    assert kiln3(sentence) is None


def test_a_concession_after_a_dash_is_no_condition() -> None:
    sentence = (
        "Kiln Street season 2 premiered on March 4, 2024 \u2013 if not yet to the acclaim "
        "of the first."
    )
    watch = Watch("Kiln Street", 2, ())
    found = first_release(f"<p>{sentence}</p>", watch, "https://tv.example/news/k", "2024-06-12")
    assert found == ("2024-03-04", "day")


def test_a_denial_in_a_fronted_concession_denies_the_day_not_the_window() -> None:
    body = (
        "<p>While there is no exact release date, Kiln Street season 3 is slated for a 2025 "
        "release, the distributor said.</p>"
    )
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-06-12") == (
        "2025",
        "year",
    )


def test_a_denial_in_the_main_clause_still_denies() -> None:
    body = (
        "<p>As of today, Kiln Street season 3 has no release date, though 2025 looks "
        "likely.</p>"
    )
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-06-12") is None


def test_a_week_from_a_weekday_counts_past_the_coming_one() -> None:
    # 2024-06-12 is a Wednesday: the coming Friday is the 14th, a week from it the 21st
    assert kiln3("Kiln Street season 3 arrives a week from Friday.") == ("2024-06-21", "day")


def test_a_work_of_another_kind_called_by_the_title_is_another_work() -> None:
    body = (
        "<p>Kiln Street season 3 is on its way.</p>"
        "<p>A documentary called Kiln Street, about the real road, opens in cinemas on "
        "July 12.</p>"
    )
    assert first_release(body, KILN3, "https://tv.example/news/kiln", "2024-06-12") is None
