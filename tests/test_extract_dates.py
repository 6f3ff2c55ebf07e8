"""Dates and release-date recall: the year of an undated page, relative and past
weekdays, listings, moves, year-only plans and teasers that carry the date.

Every sentence here is invented for the test (the shows are made up too)."""

from __future__ import annotations

from datetime import date

import pytest
from support import first_release, news_page

from scraper.extract.choose import same_release
from scraper.extract.dates import YearHint, find_dates
from scraper.models import Watch
from scraper.parse.documents import parse_documents

LANTERNS = Watch("The Lantern Keepers", 3, ())
FILM = Watch("Harbour of Glass", None, ())
LANTERNS_ANY = Watch("The Lantern Keepers", None, ())


def release(
    body: str,
    watch: Watch = LANTERNS,
    url: str = "https://tv.example/news/story",
    published: str | None = "2024-03-05",
    title: str = "TV news",
) -> tuple[str, str] | None:
    return first_release(body, watch, url, published, title)


# ---------------------------------------------------------------- an undated page's year

def test_next_year_is_not_counted_from_a_year_the_body_states() -> None:
    # The page has no date; its latest full date ("March 2016") is the release's own.
    # Counted from it, "next year" made 2017 and beat March 2016.
    body = (
        "<p>Also coming to the service next year is Harbour of Glass, a road comedy.</p>"
        "<p>That one is scheduled for release on the service in March 2016.</p>"
    )
    assert release(body, FILM, published=None) == ("2016-03", "month")


def test_a_publish_stamp_with_a_month_and_no_day_gives_a_year_less_date_its_year() -> None:
    # Before, a stamp of "2023-11" was no date at all: the page was undated, and with
    # no year in its URL or text "Dec. 22" had no year and was no candidate.
    page = (
        '<html><head><meta property="article:published_time" content="2023-11">'
        "<title>Harbour of Glass</title></head><body><article><h1>Harbour of Glass dated</h1>"
        "<p>Harbour of Glass will premiere on Friday, Dec. 22 on Disney+.</p>"
        "</article></body></html>"
    )
    doc = parse_documents(page, "https://tv.example/news/story")[0]
    assert doc.published is None and doc.own_dates.month == date(2023, 11, 1)
    from scraper.extract import extract

    [finding] = [f for f in extract(doc, FILM) if f.kind == "release_date"]
    assert (finding.date, finding.precision) == ("2023-12-22", "day")



@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://tv.example/2019/07/lanterns-season-3/", "2019-10-04"),
        ("https://tv.example/news/2019/jul/12/lanterns/", "2019-10-04"),
        ("https://tv.example/daily/2019-07-12/lanterns/", "2019-10-04"),
        ("https://tv.example/2019/lanterns-season-3/", "2019-10-04"),
    ],
)
def test_an_undated_page_takes_the_year_its_url_files_it_under(url: str, expected: str) -> None:
    body = "<p>The Lantern Keepers season 3 will start streaming Oct. 4 on Netflix.</p>"
    assert release(body, url=url, published=None) == (expected, "day")


def test_an_undated_page_with_no_url_date_takes_the_year_of_its_latest_full_date() -> None:
    body = (
        "<p>Season 2 of The Lantern Keepers premiered in March 2021.</p>"
        "<p>The Lantern Keepers season 3 will start streaming Oct. 4 on Netflix.</p>"
    )
    assert release(body, published=None) == ("2021-10-04", "day")


def test_an_undated_page_previewing_a_tv_season_takes_its_years() -> None:
    # "the 2030-31 season" and no other year: its fall is the first year's, its winter
    # the second's
    body = (
        "<p>Here are the highlights of the network's upcoming 2030-31 season.</p>"
        "<p>The Lantern Keepers returns for its third season Sept. 22.</p>"
    )
    assert release(body, published=None) == ("2030-09-22", "day")
    winter = body.replace("Sept. 22", "Jan. 6")
    assert release(winter, published=None) == ("2031-01-06", "day")


def test_a_year_hint_gives_years_not_days() -> None:
    hint = YearHint(date(2019, 1, 1), "year", "url")
    found = find_dates("It lands January 9 and again next year.", None, hint)
    assert [(m.value, m.inferred) for m in found] == [("2019-01-09", "url"), ("2020", "url")]
    assert find_dates("It lands this Friday.", None, hint) == []  # needs the day itself


def test_a_page_with_a_publish_date_ignores_the_url() -> None:
    body = "<p>The Lantern Keepers season 3 will start streaming Oct. 4 on Netflix.</p>"
    url = "https://tv.example/2019/07/lanterns/"
    assert release(body, url=url, published="2024-03-05") == ("2024-10-04", "day")


# ---------------------------------------------------------------- relative and past days


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Season three starts on Sunday evening at 9pm.", date(2024, 3, 5), "2024-03-10"),
        ("Coming to Netflix: Friday", date(2024, 3, 3), "2024-03-08"),
        ("The drama returns to BBC One tonight.", date(2024, 3, 5), "2024-03-05"),
        ("The film is out in cinemas tomorrow.", date(2024, 3, 5), "2024-03-06"),
        ("The first six episodes began streaming today.", date(2024, 3, 5), "2024-03-05"),
        # a ratings column: the premiere it reports was the last such day
        ("The comedy opened its fourth season Monday night.", date(2024, 3, 5), "2024-03-04"),
        ("Thursday's season premiere drew 5 million viewers.", date(2024, 3, 9), "2024-03-07"),
        ("Don't miss Sunday's season premiere.", date(2024, 3, 5), "2024-03-10"),
    ],
)
def test_relative_days(text: str, published: date, value: str) -> None:
    assert [m.value for m in find_dates(text, published)] == [value]


@pytest.mark.parametrize(
    "text",
    ["Tuesday's meeting ran long.", "The studio on Friday released a statement."],
)
def test_weekdays_that_are_not_a_release(text: str) -> None:
    assert find_dates(text, date(2024, 3, 5)) == []


def test_a_weekday_picks_the_year_the_date_falls_on_it() -> None:
    # Saturday 8 March is 2025's, not 2024's (a Friday)
    assert find_dates("Returns Saturday 8 March.", date(2024, 12, 1))[0].value == "2025-03-08"


def test_british_pages_write_numeric_dates_day_first() -> None:
    assert find_dates("from 04/02/2025", date(2025, 1, 1), day_first=True)[0].value == (
        "2025-02-04"
    )
    assert find_dates("from 04/02/2025", date(2025, 1, 1))[0].value == "2025-04-02"
    # the weekday decides: 6 March 2025 was a Thursday
    assert find_dates("Thu 03/06/2025", date(2025, 1, 1))[0].value == "2025-03-06"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The show won't be back until 2026.", "2026"),
        ("The second season is delayed to 2026.", "2026"),
        ("The film moves into 2026.", "2026"),
        ("The card at the end says it will be 2026.", "2026"),
    ],
)
def test_year_only_plans(text: str, value: str) -> None:
    assert [(m.value, m.precision) for m in find_dates(text, date(2025, 5, 1))] == [(value, "year")]


def test_a_decade_is_no_year() -> None:
    assert find_dates("The story is set in the late 1990s.", date(2025, 5, 1)) == []


# ---------------------------------------------------------------- listings and press packs


def test_a_listing_line_with_its_hour_is_the_premiere() -> None:
    body = (
        "<p>The Lantern Keepers is back for a third series of lighthouse mysteries.</p>"
        "<p>The Lantern Keepers, BBC One, Sunday, March 10, 9pm</p>"
    )
    assert release(body) == ("2024-03-10", "day")


def test_a_press_pack_date_with_the_slot_on_the_next_line() -> None:
    body = (
        "<p>Programme information: The Lantern Keepers, series 3.</p>"
        "<p>Sunday 10 March</p><p>9.00-10.00pm BBC One</p>"
        "<p>The keepers of the third series face a winter storm.</p>"
    )
    assert release(body) == ("2024-03-10", "day")


def test_one_episodes_slot_is_not_the_seasons() -> None:
    body = (
        "<p>The Lantern Keepers season 3 is halfway through.</p>"
        "<p>The next episode of The Lantern Keepers season 3 airs Sunday, March 10 at 9pm.</p>"
    )
    assert release(body) is None


# ---------------------------------------------------------------- moves and past facts


def test_a_move_stated_across_abbreviations_keeps_the_new_date() -> None:
    body = (
        "<p>The studio has moved Harbour of Glass from Oct. 3, 2025, to Feb. 6, 2026, "
        "it said Monday.</p>"
    )
    assert release(body, FILM) == ("2026-02-06", "day")


def test_a_previously_announced_date_is_the_old_one() -> None:
    body = (
        "<p>Harbour of Glass now opens November 14, 2025.</p>"
        "<p>That is a month later than its previously announced October 17 date.</p>"
    )
    assert release(body, FILM) == ("2025-11-14", "day")


def test_a_label_line_from_a_to_b_is_a_move() -> None:
    body = "<p>Harbour of Glass: from May 2, 2025 to March 6, 2026</p>"
    assert release(body, FILM) == ("2026-03-06", "day")


def test_a_chain_of_moves_ends_on_the_last() -> None:
    body = (
        "<p>Harbour of Glass was originally slated for May 2, 2025, before moving to "
        "Aug. 8, 2025, and then to March 6, 2026.</p>"
    )
    assert release(body, FILM) == ("2026-03-06", "day")


def test_a_finale_after_the_premiere_is_the_later_dates() -> None:
    body = (
        "<p>The Lantern Keepers season 3 premiered Feb. 6 on Hulu and wraps its run "
        "with the finale on April 2.</p>"
    )
    assert release(body) == ("2024-02-06", "day")


def test_a_teaser_that_ends_on_the_date_carries_it() -> None:
    body = (
        "<p>Hulu released a teaser for The Lantern Keepers season 3 that closes on the "
        "date: May 17, 2024.</p>"
    )
    assert release(body) == ("2024-05-17", "day")


def test_a_sentence_of_history_gives_its_year_to_a_date_without_one() -> None:
    text = "The show was renewed on May 9, 2021, a week after its premiere on May 2."
    assert [m.value for m in find_dates(text, date(2024, 6, 1))] == ["2021-05-09", "2021-05-02"]
    # a recent dated neighbour says nothing of the other date's year
    text = "It returns March 3, a year after the last season began Feb. 27, 2024."
    assert [m.value for m in find_dates(text, date(2025, 1, 10))] == ["2025-03-03", "2024-02-27"]


def test_a_guide_line_of_date_dash_title_is_the_premiere() -> None:
    body = (
        "<p>New on streaming this week</p>"
        "<p>Wednesday, March 6 \u2014 The Lantern Keepers: Season 3 (Hulu Original)</p>"
    )
    assert release(body) == ("2024-03-06", "day")


@pytest.mark.parametrize(
    "body",
    [
        "<p>The Lantern Keepers season 3 holiday special airs on Christmas Day.</p>",
        "<p>Harbour of Glass arrives on premium digital March 26.</p>",
        "<p>The Lantern Keepers star hints at a season 3 return next year.</p>",
    ],
)
def test_specials_home_releases_and_hints_are_no_release_date(body: str) -> None:
    assert release(body, FILM if "Harbour" in body else LANTERNS) is None


def test_a_press_release_in_capitals() -> None:
    assert find_dates("THE SERIES RETURNS WEDNESDAY, OCT. 9", date(2024, 7, 1))[0].value == (
        "2024-10-09"
    )
    assert find_dates("we may 3D print the props", date(2024, 7, 1)) == []


def test_a_past_release_decades_before_the_article_is_history() -> None:
    body = (
        "<p>Harbour of Glass opens in theaters June 12, 2026.</p>"
        "<p>The last film of the saga, Harbour of Glass, opened May 3, 2004.</p>"
    )
    assert release(body, FILM, published="2025-11-02") == ("2026-06-12", "day")


def test_a_weekly_run_after_the_premiere_does_not_weigh_the_premiere_down() -> None:
    body = (
        "<p>The Lantern Keepers season 3 premieres with two episodes on Friday, March 8, "
        "followed by one episode every Friday through April 26.</p>"
    )
    assert release(body) == ("2024-03-08", "day")


@pytest.mark.parametrize(
    "body",
    [
        "<p>Hulu confirmed in February that The Lantern Keepers season 3 will return.</p>",
        "<p>The Lantern Keepers season 3 premiere date: a March 2024 update</p>",
    ],
)
def test_the_date_the_news_was_told_is_no_release_date(body: str) -> None:
    assert release(body) is None


def test_a_date_the_text_counts_from_is_no_release() -> None:
    body = (
        "<p>Within weeks after its February 2023 release, the second season of The Lantern "
        "Keepers topped the charts; season 3 has no date yet.</p>"
    )
    assert release(body) is None


def test_a_sentence_opening_on_the_day_the_news_was_told_is_no_release_date() -> None:
    from scraper.extract import read

    body = (
        "<p>On Feb. 20, the network revealed the premiere date for The Lantern Keepers "
        "season 3.</p><p>The Lantern Keepers season 3 premieres on April 14.</p>"
    )
    assert release(body) == ("2024-04-14", "day")
    doc = parse_documents(news_page(body), "https://tv.example/news/story")[0]
    told = next(c for c in read(doc, LANTERNS, complete=True).dates
                if c.mention.value == "2024-02-20")
    assert told.features["news_date"] == ", the network revealed"


# ------------------------------------- rules that fired on a word used in another sense


@pytest.mark.parametrize(
    "body",
    [
        # a hedge word that is part of another show's quoted name
        "<p>Netflix also dated two unscripted shows, \u201cSleepless Harbour\u201d on May 2 and"
        " \u201cDream Kitchen Rescue,\u201d which opens May 9. The Lantern Keepers season 3"
        " will come to the platform on April 19.</p>",
        # the occasion where the news was told, fronted, before the telling verb
        "<p>At Comic-Con, the cast of The Lantern Keepers announced that season 3 will debut"
        " Sunday, April 19.</p>",
        # an adjective, not a book
        "<p>The third season of The Lantern Keepers, held back by the novel coronavirus, is"
        " now set to begin broadcasting on April 19.</p>",
        # the streamer's label for the watch itself, not an earlier work
        "<p>Season 3 of the Netflix original series The Lantern Keepers debuts April 19.</p>",
    ],
)
def test_a_rule_word_used_in_another_sense_does_not_sink_the_date(body: str) -> None:
    assert release(body) == ("2024-04-19", "day")


def test_the_original_series_still_names_an_earlier_work() -> None:
    body = (
        "<p>The Lantern Keepers season 3 has no date yet; the original series premiered"
        " on April 19, 2011.</p>"
    )
    assert release(body) is None


@pytest.mark.parametrize(
    ("body", "watch", "expected"),
    [
        # any outlet's wire dateline on the article's own day, not only the big agencies'
        ("<p>March 5 (Newsfeed Wire) -- The Lantern Keepers is back in a first trailer for"
         " its third season.</p><p>The new season is set to premiere in the summer of"
         " 2024.</p>", LANTERNS, ("2024-summer", "season")),
        # a plan that did not hold
        ("<p>Harbour of Glass was supposed to come out March 29, but will now be out"
         " May 17.</p>", FILM, ("2024-05-17", "day")),
        # a disc release of the season is another occasion
        ("<p>The Lantern Keepers season 3 premieres in April on Netflix.</p>"
         "<dl><dt>DVD Release</dt><dd>March 19, 2024</dd></dl>", LANTERNS, ("2024-04", "month")),
        # so are specials around the season
        ("<p>The Lantern Keepers season 3 premieres in April on Netflix. Two specials air"
         " beforehand, on March 19 and March 26.</p>", LANTERNS, ("2024-04", "month")),
    ],
)
def test_a_date_of_something_else_gives_way_to_the_announced_one(
    body: str, watch: Watch, expected: tuple[str, str]
) -> None:
    assert release(body, watch) == expected


def test_the_first_episode_on_a_day_states_the_premiere_a_month_announced() -> None:
    body = (
        "<p>The series is scheduled to start in late April, and fans can set a reminder to"
        " catch the first episode of the new season on Friday, April 26 in the app.</p>"
    )
    assert release(body, title="The Lantern Keepers season 3 trailer") == ("2024-04-26", "day")


def test_a_move_into_the_regular_time_slot_is_not_the_premiere() -> None:
    body = (
        "<p>The Lantern Keepers will start its third season on Monday, April 8, right after"
        " the playoffs. That will be followed by the Lantern Keepers season 3 debut proper,"
        " which shifts to its normal Friday timeslot on April 19.</p>"
    )
    assert release(body) == ("2024-04-08", "day")


def test_a_date_it_was_originally_scheduled_to_be_released_on_has_been_given_up() -> None:
    body = (
        "<p>Harbour of Glass was originally scheduled to be released on March 29 this year,"
        " against a rival blockbuster, but has now been withdrawn to the gap of another"
        " film, that is, May 17.</p>"
    )
    assert release(body, FILM) != ("2024-03-29", "day")


@pytest.mark.parametrize(
    "body",
    [
        "<p>A final trailer is out. Harbour of Glass has its Japanese opening locked for"
        " April 19 (a Friday).</p>",
        "<p>The studio unveiled a new teaser for Harbour of Glass this week, and it confirms"
        " the film's April 19, 2024 opening in Japan.</p>",
        "<p>Harbour of Glass premieres Friday, April 19 on CBS, then streams in the U.S."
        " Watch the new trailer revealed today at San Diego Comic-Con.</p>",
    ],
)
def test_an_opening_and_where_its_trailer_was_shown_do_not_hide_the_date(body: str) -> None:
    assert release(body, FILM) == ("2024-04-19", "day")


def test_a_date_in_brackets_belongs_to_the_name_right_before_it() -> None:
    body = (
        "<p>The network set premiere dates for new series HOLLOW CROWN (Jan. 3), SALT ROAD"
        " (Jan. 3), NIGHT FERRY (Jan. 13) and HARBOUR OF GLASS (Jan. 25), and for returning"
        " series OLD MILL (Jan. 5).</p>"
    )
    assert release(body, FILM, published="2023-11-20") == ("2024-01-25", "day")



def test_an_audio_spin_off_sharing_the_name_is_another_product() -> None:
    body = (
        "<p>Starz dropped a teaser for The Lantern Keepers, which premieres in the spring."
        " The Audible original is due March 25.</p>"
    )
    assert release(body, LANTERNS_ANY) == ("2024-spring", "season")


def test_a_list_entry_of_the_title_gives_its_final_season_the_date() -> None:
    body = (
        "<p>Shows saying goodbye this year</p>"
        "<p>Salt Road</p><p>The final season, starring Ann Vale, drops March 15 on Hulu.</p>"
        "<p>The Lantern Keepers</p><p>The final season, starring Jo Park, begins this fall"
        " on USA.</p>"
    )
    assert release(body) == ("2024-autumn", "season")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("will be released in March next year", [("2025-03", "month")]),
        ("postponed from March next year to December 25 next year",
         [("2025-03", "month"), ("2025-12-25", "day")]),
        ("arrives in April of this year", [("2024-04", "month")]),
    ],
)
def test_a_month_or_day_with_next_year_takes_that_year(text: str, expected: list) -> None:
    found = [(m.value, m.precision) for m in find_dates(text, date(2024, 6, 1))]
    assert found == expected


def test_a_season_that_began_on_a_day_has_that_release() -> None:
    body = (
        "<p>Catch up on The Lantern Keepers: the final season began on February 26 with its"
        " first volume, and the series finale arrived on New Year's Eve.</p>"
    )
    assert release(body) == ("2024-02-26", "day")


def test_a_headline_part_after_a_dash_gives_the_release_not_the_trailer() -> None:
    body = (
        "<p>\u201cHarbour of Glass\u201d Teaser Trailer: Ann Vale Faces the Storm in the"
        " Director's Star-Packed Sequel \u2014 In Theaters April 19th, 2024</p>"
    )
    assert release(body, FILM) == ("2024-04-19", "day")


def test_a_date_in_a_fronted_phrase_about_what_came_before_is_not_the_release() -> None:
    body = (
        "<p>Following its success this winter, The Lantern Keepers will return for a third"
        " series of four feature-length episodes, the broadcaster said.</p>"
    )
    assert release(body) is None


def test_a_premiere_a_show_bailed_on_is_given_up() -> None:
    body = (
        "<p>The network's The Lantern Keepers season 3 bailed on its planned April 19"
        " premiere date as only eight of its ten episodes were finished.</p>"
    )
    assert release(body) is None


@pytest.mark.parametrize(
    ("body", "watch", "expected"),
    [
        # the date modifying the event a move moved is the old one
        ("<p>The July 2024 release date of Harbour of Glass has been moved to November 19,"
         " 2024.</p>", FILM, ("2024-11-19", "day")),
        # a trade reporting what the streamer did is no rumour
        ("<p>The streamer announced The Lantern Keepers will return with three new episodes"
         " in June 2024. Deadline reports that Hulu has set The Lantern Keepers season 3"
         " premiere date for June 5, 2024.</p>", LANTERNS, ("2024-06-05", "day")),
        # the day a poster came out is the promotion's, not the premiere's
        ("<p>On March 4, the network dropped a new poster for The Lantern Keepers season 3."
         " The first broadcast on April 5th follows a royal court.</p>", LANTERNS,
         ("2024-04-05", "day")),
    ],
)
def test_a_moved_date_a_reported_fact_and_a_poster_day(
    body: str, watch: Watch, expected: tuple[str, str]
) -> None:
    assert release(body, watch) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the date names its own event, whatever the clause's occasion
        ("<p>Today at a fan convention in Lisbon, the streamer unveiled the trailer for The"
         " Lantern Keepers' third season and confirmed its April 19, 2024 return.</p>",
         ("2024-04-19", "day")),
        # an idiom, no hedge
        ("<p>Come to think of it, an April 19 premiere for The Lantern Keepers season 3 has"
         " already been announced.</p>", ("2024-04-19", "day")),
        # how things look, and two windows offered, are no announcement
        ("<p>The network hasn't announced a date for The Lantern Keepers season 3, but it looks"
         " like things are on track for a spring or summer 2024 release.</p>", None),
    ],
)
def test_a_date_s_own_event_and_words_that_only_look_like_hedges(body: str, expected) -> None:
    assert release(body) == expected


def test_presumably_hedges_the_year() -> None:
    body = (
        "<p>Earlier today the network renewed The Lantern Keepers for a third season, which"
        " will presumably air in 2025.</p>"
    )
    assert release(body) is None


@pytest.mark.parametrize(
    "body",
    [
        # a maker's name made a describing word owns no season
        "<p>The Ann Vale-directed third season of The Lantern Keepers will premiere in"
        " January 2025.</p>",
        # a trailer out ahead of the release: the date is the release's
        "<p>The Lantern Keepers Season 3: the first trailer for season three is here ahead"
        " of the new episodes arriving on the streaming platform in January 2025.</p>",
        # a viewing plug that names the watch is no plug for another story
        "<p>Don't miss the third season of The Lantern Keepers in January 2025 on Netflix.</p>",
    ],
)
def test_a_describing_name_a_trailer_ahead_of_the_release_and_a_viewing_plug(body: str) -> None:
    assert release(body) == ("2025-01", "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The studio will release the drama on Christmas.", [("2024-12-25", "day")]),
        ("It opens this Christmas in a few cities.", [("2024-12-25", "day")]),
        ("Fans decorate a Christmas tree every year.", []),
        ("The cast spent Christmas on set.", []),
        ("The film should be out by Christmas.", []),
        ("The sequel moves to Christmas 2026.", []),
    ],
)
def test_christmas_alone_is_the_day_only_after_on_or_this(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_dates(text, date(2024, 4, 2))
    assert [(m.value, m.precision) for m in found] == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It turns out the mystery date is tonight, after the big game.", "tonight"),
        ("The network opens Season 12 tonight at 11:30.", "tonight"),
        ("She is back with today's big streaming drop, a six-part thriller.", "today"),
        ("Tonight, we find out what the pilot was hiding.", None),
        ("I rewatched the first season today.", None),
        # the news's day, not the release's: the object is no release word
        ("The network revealed the premiere date today, with a trailer.", None),
    ],
)
def test_today_and_tonight_as_a_release_day(text: str, found: str | None) -> None:
    mentions = find_dates(text, date(2024, 4, 2))
    assert [text[m.start : m.end] for m in mentions] == ([found] if found else [])


@pytest.mark.parametrize(
    "url",
    [
        "https://www.bbc.co.uk/news/entertainment",
        "HTTPS://WWW.RTE.IE/entertainment/",
        "https://x.com.au#top",
        "https://user@tv.co.za?page=2",
        "https://example.in:8443/shows",
        "https://www.indiewire.com/2024/05/a.uk-story",  # ".in" and ".uk", not where a host ends
        "http://news0.example.invalid/story/8",
        "https://x.nz.example.com/",
        "https://x.ie./",
        "https://x.in\t/split",  # urlsplit drops the tab
        "http://[::1]/.in",
    ],
)
def test_a_day_first_host_is_read_as_urlsplit_reads_it(url: str) -> None:
    """The pre-check before parsing a URL gives urlsplit's answer on every URL."""
    from urllib.parse import urlsplit

    from scraper.extract.candidates import _DAY_FIRST_HOST, _day_first

    host = urlsplit(url).hostname or ""
    assert _day_first(url) == (_DAY_FIRST_HOST.search(host) is not None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Saltmarsh is opening Friday in theaters nationwide.", "2026-03-06"),
        ("Three films opening Friday: Saltmarsh leads the pack.", "2026-03-06"),
        ("The thriller, opening this Sunday, drew early raves.", "2026-03-08"),
    ],
)
def test_a_weekday_after_opening_is_the_opening_day(text: str, value: str) -> None:
    assert [m.value for m in find_dates(text, date(2026, 3, 4))] == [value]


def test_a_past_release_on_a_page_stamped_with_a_month_only_is_before_that_month() -> None:
    from scraper.extract import read

    page = (
        '<html><head><meta property="article:published_time" content="2031-03">'
        "<title>Orchard Lights</title></head><body><article><h1>Orchard Lights</h1>"
        "<p>The first season of Orchard Lights premiered on December 29 on Netflix.</p>"
        "<p>Its second season opened on February 12 to strong reviews.</p>"
        "</article></body></html>"
    )
    [doc] = parse_documents(page, "https://tv.example/story")
    values = sorted(c.mention.value for c in read(doc, Watch("Orchard Lights", 2, ())).dates)
    assert values == ["2030-12-29", "2031-02-12"]


@pytest.mark.parametrize(
    "post",
    [
        "Orchard Lights returns for season 2. pic.twitter.com/Ab12Cd34Ef — Streamflix "
        "(@streamflix) August 8, 2030",
        "All of Orchard Lights season 2 is coming soon! pic.twitter.com/Ab12Cd34EfAugust 8, "
        "2030 See more",
        "A post shared by Orchard Lights (@orchardlights.tv) on Aug 8, 2030 at 9:02am PDT",
    ],
)
def test_an_embedded_posts_stamp_is_no_release(post: str) -> None:
    watch = Watch("Orchard Lights", 2, ())
    assert first_release(f"<p>{post}</p>", watch, published="2030-08-09") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Saltmarsh will now reach cinemas on May 2, 2031.",
        "Saltmarsh finally hits theaters on May 2, 2031.",
        "Saltmarsh graces theatres nationwide on May 2, 2031.",
    ],
)
def test_reaching_the_cinemas_is_a_release(sentence: str) -> None:
    watch = Watch("Saltmarsh", None, ())
    assert first_release(f"<p>{sentence}</p>", watch, published="2031-01-10") == (
        "2031-05-02",
        "day",
    )


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Volume 1 March 14, Volume 2 April 11.", ["2024-03-14", "2024-04-11"]),
        ("Chapter 2 June 9 on the service.", ["2024-06-09"]),
    ],
)
def test_a_part_number_before_a_month_is_not_a_day(text: str, values: list[str]) -> None:
    # "Volume 1 March 14" was read day first as 1 March: the number numbers the part.
    found = find_dates(text, date(2024, 1, 10))
    assert [m.value for m in found] == values


def test_a_day_before_a_month_is_still_read_day_first() -> None:
    assert [m.value for m in find_dates("It returns on 14 March.", date(2024, 1, 10))] == [
        "2024-03-14"
    ]


# ---------------------------------------------------------------- templates: schedules

@pytest.mark.parametrize(
    "text",
    [
        "The quiz returns to the network's Tuesday night comedy lineup on Jan. 9.",
        "It returns to the Sunday drama slot on Jan. 9.",
    ],
)
def test_a_weekday_naming_a_block_of_the_schedule_is_no_date(text: str) -> None:
    # "Tuesday night comedy lineup" was resolved to the Tuesday after the page's date
    # and competed with the date the sentence states.
    found = find_dates(text, date(2017, 12, 10))
    assert [m.value for m in found] == ["2018-01-09"]


def test_a_weekday_after_a_release_verb_is_still_a_date() -> None:
    found = find_dates("The quiz returns Tuesday night with two episodes.", date(2017, 12, 10))
    assert [m.value for m in found] == ["2017-12-12"]


@pytest.mark.parametrize(
    ("window", "day", "same"),
    [
        ("2017-winter", "2018-01-09", True),  # a December page's "this winter" and "Jan. 9"
        ("2017-winter", "2018-02-20", True),
        ("2017-winter", "2018-03-01", False),
        ("2017-summer", "2018-07-01", False),
        ("2018-winter", "2018-01-15", True),
    ],
)
def test_a_winter_holds_the_january_and_february_it_runs_into(
    window: str, day: str, same: bool
) -> None:
    # "this winter" (2017-winter) in a December page's schedule and "returns Jan. 9" state
    # one release; the day was not read as a finer statement of it and lost to the window.
    assert same_release(window, day) is same
