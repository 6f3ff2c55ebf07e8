"""Reading the date itself: windows of a year, relative forms, the year of an undated page,
and the words around a date that say whether it is an announcement (a wait that ends on
it, a withdrawal, an idiom that is no hedge, a plug for another story, a life's dates).

Every sentence here is invented for the test, and so are the shows."""

from __future__ import annotations

from datetime import date

import pytest
from support import first_release, news_page

from scraper.extract import choose, read
from scraper.extract.dates import find_dates
from scraper.models import Watch
from scraper.parse.documents import parse_documents

ORCHARD = Watch("The Copper Orchard", 2, ())
PUBLISHED = date(2024, 3, 5)


def release(
    body: str,
    published: str | None = "2024-03-05",
    title: str = "TV news",
    url: str = "https://tv.example/news/story",
) -> tuple[str, str] | None:
    return first_release(body, ORCHARD, url, published, title)


# ---------------------------------------------------------------- date forms


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("It arrives in the second half of 2025.", "2025", "year"),
        ("It arrives in the first half of next year.", "2025", "year"),
        ("It arrives in the back half of this year.", "2024", "year"),
        ("New episodes start in April of next year.", "2025-04", "month"),
        ("The network moved the debut to the fall.", "2024-autumn", "season"),
        ("The drama returns in the fall, the network said.", "2024-autumn", "season"),
    ],
)
def test_windows_and_relative_forms(text: str, value: str, precision: str) -> None:
    found = find_dates(text, PUBLISHED)
    assert [(m.value, m.precision) for m in found][-1:] == [(value, precision)]


@pytest.mark.parametrize(
    "text",
    [
        "Tickets for this year's panels go on sale soon.",
        "Next month's awards will be streamed live.",
        "Launching it into the fall meat grinder would be a mistake.",
    ],
)
def test_a_time_that_qualifies_something_else_is_no_date(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def test_next_years_premiere_is_still_a_date() -> None:
    assert [m.value for m in find_dates("Ahead of next year's premiere, a poster.", PUBLISHED)] == [
        "2025"
    ]


def test_the_second_half_of_a_year_is_not_a_later_part_of_the_season() -> None:
    body = "<p>The Copper Orchard season 2 will arrive in the second half of 2024, Hulu said.</p>"
    assert release(body) == ("2024", "year")


# ---------------------------------------------------------------- an undated page's year


def test_a_yearless_date_takes_the_year_the_page_states_for_that_day() -> None:
    body = (
        "<p>The Copper Orchard season 2 is set to premiere on 10 October.</p>"
        "<p>The official site lists the second season for 10 October 2015 on Tokyo MX, and "
        "a stage play follows in February 2016.</p>"
    )
    assert release(body, published=None) == ("2015-10-10", "day")


def test_a_yearless_date_takes_the_year_the_headline_names() -> None:
    body = "<p>The Copper Orchard season 2 will hit the streaming service on May 30.</p>"
    title = "The Copper Orchard new season 2017: release date and cast"
    assert release(body, published=None, title=title) == ("2017-05-30", "day")


# ---------------------------------------------------------------- waits, moves, withdrawals


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<p>The teaser reveals that The Copper Orchard season 2 will not premiere "
            "until 2025.</p>",
            ("2025", "year"),
        ),
        (
            "<p>The Copper Orchard season 2 was pushed back until June 18, 2025, a year after "
            "it was slated to hit on June 25.</p>",
            ("2025-06-18", "day"),
        ),
        (
            "<p>The Copper Orchard season 2 is set to premiere in the fall of 2024.</p>",
            ("2024-autumn", "season"),
        ),
        (
            "<p>The first episode of The Copper Orchard series two goes out this Sunday at "
            "9pm on BBC One.</p>",
            ("2024-03-10", "day"),
        ),
    ],
)
def test_the_date_a_wait_or_a_move_ends_on_is_the_release(
    body: str, expected: tuple[str, str]
) -> None:
    assert release(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>The Copper Orchard season 2 has dropped its April 19 premiere.</p>",
        "<p>Hulu pulled The Copper Orchard season 2 from its July 18 slot; no new date yet.</p>",
        "<p>The Copper Orchard Season 2 Exits Its March 2025 Date</p>",
        "<p>The Copper Orchard season 2 was scheduled to release on December 11 but will "
        "now sit in limbo until the studio picks a new date.</p>",
        "<p>In a statement, the network said it will reschedule The Copper Orchard season "
        "2's April 21 debut to a later date.</p>",
    ],
)
def test_a_withdrawn_date_is_no_release(body: str) -> None:
    assert release(body) is None


# ---------------------------------------------------------------- dates of something else


@pytest.mark.parametrize(
    "body",
    [
        # a plug for another story
        "<p>The Copper Orchard season 2 has no date yet.</p>"
        "<p>And for more on Hulu, find out which hit drama will be coming back in 2025!</p>",
        # an order, not a release
        "<p>Hulu renewed The Copper Orchard for ten episodes, but in August the streamer "
        "ordered six more for season 2.</p>",
        # a life's dates in a plot summary
        "<p>In The Copper Orchard season 2, December 1, 1949 is the hero's birth date.</p>",
        # filming, named before the verb that starts it
        "<p>Hulu said production on the long-awaited second season of The Copper Orchard "
        "will begin in January in Atlanta.</p>",
    ],
)
def test_a_date_of_something_else_is_no_release(body: str) -> None:
    assert release(body) is None


def test_an_idiom_is_no_hedge() -> None:
    body = (
        "<p>As expected, the highly anticipated second season of The Copper Orchard "
        "premieres on April 12.</p>"
    )
    assert release(body) == ("2024-04-12", "day")


def test_a_habit_is_no_date() -> None:
    body = "<p>Premieres of The Copper Orchard season 2 are usually the Monday before.</p>"
    assert release(body) is None


def test_a_premiere_named_before_which_governs_the_date() -> None:
    body = (
        "<p>The video also covers The Copper Orchard season 2's premiere in Japan, which will "
        "be on July 11, 2024.</p>"
    )
    assert release(body) == ("2024-07-11", "day")


# ---------------------------------------------------------------- choosing


def test_a_finer_date_in_another_entry_of_the_winners_list_is_not_its_restatement() -> None:
    text = "the streamer confirmed Ember (January 10) and Flint (undated 2024)"
    ember = (text.index("January 10"), text.index("January 10") + len("January 10"))
    flint = (text.index("2024"), text.index("2024") + 4)
    assert choose.list_entries(text, flint, ember)
    same = "the season opens in 2024, on January 10"
    year, day = same.index("2024"), same.index("January 10")
    assert not choose.list_entries(same, (year, year + 4), (day, day + 10))


def test_explain_names_the_withdrawal() -> None:
    body = "<p>The Copper Orchard season 2 has dropped its April 19 premiere.</p>"
    doc = parse_documents(news_page(body), "https://tv.example/news/story")[0]
    [candidate] = [c for c in read(doc, ORCHARD, complete=True).dates]
    assert "negation" in candidate.features


def test_a_hedge_past_the_date_that_leads_to_another_date_is_that_dates() -> None:
    body = (
        "<p>Hulu confirmed on Monday that The Copper Orchard season 2 will premiere in 2025, "
        "ending months of guessing about whether it could squeeze into late 2024.</p>"
    )
    assert release(body) == ("2025", "year")


def test_some_time_in_a_year_is_a_window_not_a_hedge() -> None:
    body = "<p>The Copper Orchard season 2 is coming sometime in 2025, Hulu said.</p>"
    assert release(body) == ("2025", "year")


def test_a_wish_split_by_a_quotation_mark_is_a_hedge() -> None:
    body = (
        "<p>The Copper Orchard's creators said they\u2019d \u201clove to be back next spring\u201d "
        "for season 2.</p>"
    )
    assert release(body) is None


def test_the_day_a_date_was_confirmed_in_the_passive_is_no_release() -> None:
    body = (
        "<p>The Copper Orchard season 2 premieres on Aug. 21. That date was confirmed in "
        "February, and the network repeated it on Tuesday.</p>"
    )
    assert release(body) == ("2024-08-21", "day")


def test_a_fronted_phrase_before_the_news_verb_is_not_the_release() -> None:
    body = (
        "<p>With all eyes on the election in November, Hulu quietly announced the release "
        "date for The Copper Orchard season 2.</p>"
    )
    assert release(body) is None


def test_a_consequence_after_the_date_is_no_hedge() -> None:
    body = (
        "<p>Hulu will release all ten episodes of The Copper Orchard season 2 on May 30, "
        "meaning fans can watch it in one sitting if they so wish.</p>"
    )
    assert release(body) == ("2024-05-30", "day")


def test_a_name_is_not_a_release_verb() -> None:
    body = (
        "<p>Network chief Ada Landgraf said cameras will not roll on The Copper Orchard "
        "season 2 until January 2025.</p>"
    )
    assert release(body) is None


def test_a_past_wait_is_history() -> None:
    body = (
        "<p>The first season of The Copper Orchard did not premiere until the spring, and "
        "that is the earliest we can expect season 2.</p>"
    )
    assert release(body) is None


def test_a_parenthesised_date_after_a_name_is_that_names() -> None:
    text = "new in 2024: the spinoff Ember (January 10) and more"
    year, day = text.index("2024"), text.index("January 10")
    assert choose.list_entries(text, (year, year + 4), (day, day + 10))
    restated = "returns this fall (September 18) on Hulu"
    fall, day = restated.index("this fall"), restated.index("September 18")
    assert not choose.list_entries(restated, (fall, fall + 9), (day, day + 12))


def test_a_year_that_names_its_own_start_is_governed() -> None:
    body = "<p>Hulu has already confirmed a 2025 start for The Copper Orchard season 2.</p>"
    assert release(body) == ("2025", "year")


def test_a_holiday_frame_is_a_stretch_of_days_not_the_day() -> None:
    assert find_dates("The film shifts to the Memorial Day frame.", PUBLISHED) == []


def test_a_hedge_in_an_aside_before_the_date_is_not_on_the_date() -> None:
    body = (
        "<p>The Copper Orchard's second season (or its third, if you count the special) "
        "premieres on Friday 12 April on Hulu.</p>"
    )
    assert release(body) == ("2024-04-12", "day")


def test_what_happened_after_the_delays_is_the_release() -> None:
    body = (
        "<p>The Copper Orchard season 2 was delayed by the strikes, from late 2023 before it "
        "finally arrived on Hulu on February 2, 2024.</p>"
    )
    assert release(body) == ("2024-02-02", "day")


@pytest.mark.parametrize(
    "body",
    [
        "<p>The Copper Orchard will begin its second season on Wednesday, Aug. 7 on Hulu, "
        "wrapping up the story.</p>",
        "<p>Hulu to Simulcast The Copper Orchard Season 2 Beginning August 7</p>",
    ],
)
def test_beginning_a_season_is_a_release(body: str) -> None:
    assert release(body) == ("2024-08-07", "day")


def test_a_broadcast_hour_is_no_numeric_date() -> None:
    assert find_dates("New episodes air at 10/9c on Syfy.", PUBLISHED) == []
    assert [m.value for m in find_dates("It premieres on 12/15.", PUBLISHED)] == ["2024-12-15"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The studio made the move yesterday of pulling the film.", []),
        ("The drama premiered last night on Hulu.", ["2024-03-04"]),
        ("Last night's premiere episode drew a crowd.", ["2024-03-04"]),
    ],
)
def test_yesterday_is_a_release_only_of_a_release(text: str, found: list[str]) -> None:
    assert [m.value for m in find_dates(text, PUBLISHED)] == found


def test_an_awards_ceremony_is_another_occasion() -> None:
    body = (
        "<p>The Copper Orchard season 2 premiered on February 2, 2024.</p>"
        "<p>The ceremony, where The Copper Orchard won three awards, aired March 1 on ABC.</p>"
    )
    assert release(body) == ("2024-02-02", "day")


def test_a_teasers_own_debut_is_no_release_even_with_the_season_after_for() -> None:
    body = (
        "<p>Hulu confirmed that The Copper Orchard season 2 arrives in 2025.</p>"
        "<p>The first teaser for The Copper Orchard season 2 debuts at the convention on "
        "Saturday.</p>"
    )
    assert release(body) == ("2025", "year")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<p>The streamer has The Copper Orchard season 2 down for Friday, May 17.</p>",
            ("2024-05-17", "day"),
        ),
        (
            "<p>The Copper Orchard season 2 has been confirmed for September 12th.</p>",
            ("2024-09-12", "day"),
        ),
        (
            "<p>Sadly The Copper Orchard season 2 won't reach our screens until 2025.</p>",
            ("2025", "year"),
        ),
        (
            "<p>Then on Apr. 9 comes The Copper Orchard season 2, darker than before.</p>",
            ("2024-04-09", "day"),
        ),
        (
            "<p>The studio confirms that The Copper Orchard season 2 sets sail in 2025.</p>",
            ("2025", "year"),
        ),
    ],
)
def test_release_constructions_without_a_premiere_verb(
    body: str, expected: tuple[str, str]
) -> None:
    assert release(body) == expected


def test_the_networks_midseason_is_a_time_of_year_not_an_occasion() -> None:
    body = (
        "<p>Midseason will see the debut of The Copper Orchard season 2 on Tuesday nights "
        "in January.</p>"
    )
    assert release(body, published="2023-11-08") == ("2024-01", "month")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # someone finding out is no plug for another story
        (
            "<p>The Copper Orchard season 2 has a teaser out today. We'll find out when it "
            "lands on Streamly on June 14.</p>",
            ("2024-06-14", "day"),
        ),
        # "think of" recalls something; it doubts nothing
        (
            "<p>The Copper Orchard season 2 arrives on June 14 with a story that makes me "
            "think of the first season.</p>",
            ("2024-06-14", "day"),
        ),
        # what comes before the premiere is another event; the date is the premiere's
        (
            "<p>Before The Copper Orchard season 2 premiere on Tuesday, June 11, the network "
            "throws a party for fans.</p>",
            ("2024-06-11", "day"),
        ),
    ],
)
def test_a_plug_hedge_or_deadline_word_in_another_sense_leaves_the_date(
    body: str, expected: tuple[str, str]
) -> None:
    assert release(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the release has its own clause after the trailer
        (
            "<p>Watch the first teaser trailer above and see what awaits when The Copper "
            "Orchard season 2 hits Streamly on June 14.</p>",
            ("2024-06-14", "day"),
        ),
        # the season is described after the trailer, with its own verb
        (
            "<h2>Trailer for The Copper Orchard season 2, airing 14 June 2024</h2>"
            "<p>The new season looks darker.</p>",
            ("2024-06-14", "day"),
        ),
        # a fronted date with a trailer released that day: the trailer's day
        (
            "<p>On May 18th, the network released a teaser trailer for The Copper Orchard "
            "season 2. The season premieres in September.</p>",
            ("2024-09", "month"),
        ),
    ],
)
def test_a_trailer_in_the_sentence_takes_only_its_own_date(
    body: str, expected: tuple[str, str]
) -> None:
    assert release(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>The Copper Orchard season 2 was originally scheduled to debut on Streamly in "
        "early 2024, and the delay is far from over.</p>",
        "<p>The Copper Orchard season 2 was due in cinemas on June 26 before the studio took "
        "it off the calendar.</p>",
    ],
)
def test_a_plan_that_did_not_hold_is_no_release(body: str) -> None:
    assert release(body) is None


def test_a_today_stamp_long_after_the_story_is_no_listing() -> None:
    # a site prints the day the page was served under the headline of an old story
    body = (
        "<p>Saturday, November 14, 2026</p>"
        "<p>The Copper Orchard season 2 will be arriving on June 14 this year.</p>"
    )
    title = "The Copper Orchard season 2: first poster"
    assert release(body, title=title) == ("2024-06-14", "day")


def test_the_hit_show_is_no_release_verb() -> None:
    body = (
        "<p>The hit drama The Copper Orchard won fans over this winter, and a "
        "second season is in the works.</p>"
    )
    assert release(body) is None


def test_a_liveblog_stamp_after_a_sentence_is_no_broadcast_hour() -> None:
    # a liveblog entry's own time on the next line does not make a sentence a listing

    body = (
        "<h2>The Copper Orchard season 2</h2><p>Season 2 opens May 3.</p>"
        "<p>10:31 AM</p><p>The panel moves on to the cast.</p>"
    )
    doc = parse_documents(news_page(body), "https://tv.example/live")[0]
    reading = read(doc, ORCHARD, complete=True)
    may = [c for c in reading.dates if c.mention.value == "2024-05-03"]
    assert may and all("broadcast_slot" not in c.features for c in may)


def test_the_episode_a_season_opens_with_is_its_premiere() -> None:
    body = (
        "<p>The Copper Orchard season 2 opens with the episode \u201cRootstock\u201d on "
        "Sunday, June 9.</p>"
    )
    assert release(body) == ("2024-06-09", "day")


def test_a_yearless_date_takes_the_year_a_part_of_the_year_states() -> None:
    # no publish date, a URL without one; "early in 2017" is the year the schedule gives
    body = (
        "<p>The network's winter schedule starts early in 2017.</p>"
        "<p>The following Friday, Jan. 6, The Copper Orchard starts its second season at "
        "8 p.m.</p>"
    )
    assert release(body, published=None) == ("2017-01-06", "day")


def test_a_stray_day_does_not_beat_the_better_window_it_does_not_refine() -> None:
    # (value, precision, score): the year wins; April refines it and scores above the
    # October day, which is no statement of April
    items = [("2026", "year", 3.0), ("2026-04", "month", 1.8), ("2026-10-01", "day", 1.5)]
    best = choose.best(items, lambda c: c[0], lambda c: c[1], lambda c: c[2])
    assert best == ("2026-04", "month", 1.8)
    # a day inside the winning month still refines it
    items.append(("2026-04-08", "day", 0.5))
    best = choose.best(items, lambda c: c[0], lambda c: c[1], lambda c: c[2])
    assert best == ("2026-04-08", "day", 0.5)
