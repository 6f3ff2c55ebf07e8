"""Whose event a date is: a release named as a landmark, a previous release, the news's
own month, a trailer's day beside another show's premiere, and release verbs in forms
the vocabulary missed.

Every sentence here is invented for the test (the shows are made up too)."""

from __future__ import annotations

from support import first_release, news_page

from scraper.extract import extract
from scraper.models import Watch
from scraper.parse.documents import parse_documents

MOTHS = Watch("Paper Moths", 2, ())


def release(body: str, published: str | None = "2023-11-20") -> tuple[str, str] | None:
    return first_release(body, MOTHS, "https://tv.example/news/story", published)


def test_a_release_named_as_a_landmark_does_not_govern_the_date_before_it() -> None:
    # the month is when something else happened, timed by the premiere
    body = (
        "<p>Paper Moths season 2 is in the works.</p>"
        "<p>In August 2023, two weeks after the show's premiere, the network cut the pilot.</p>"
    )
    assert release(body) is None


def test_a_date_after_the_landmark_is_the_releases() -> None:
    body = (
        "<p>Paper Moths season 2 has wrapped.</p>"
        "<p>Shooting finished in October ahead of its planned return date next month.</p>"
    )
    assert release(body) == ("2023-12", "month")


def test_the_month_the_news_was_told_is_not_the_release() -> None:
    body = (
        "<p>The studio confirmed earlier this month that Paper Moths season 2 will be "
        "landing in February.</p>"
    )
    assert release(body) == ("2024-02", "month")


def test_the_last_release_is_the_previous_seasons() -> None:
    body = (
        "<p>A Paper Moths season 2 teaser is out.</p>"
        "<p>New episodes of the series were last released in 2021.</p>"
    )
    assert release(body) is None


def test_a_trailers_day_beside_another_shows_premiere_is_the_trailers() -> None:
    body = (
        "<p>Paper Moths season 2 will be starting later than usual: March 3.</p>"
        "<p>The Paper Moths trailer will come out on Friday, January 12, to coincide with "
        "the season premieres of two other dramas.</p>"
    )
    assert release(body) == ("2024-03-03", "day")


def test_kick_start_is_a_release_verb() -> None:
    body = "<p>Paper Moths season 2 does not kick start until some time next year.</p>"
    assert release(body) == ("2024", "year")


def test_a_posts_date_line_under_its_title_is_no_listing() -> None:
    page = news_page(
        "<p>Monday, November 20, 2023</p><p>The wait for the second season goes on.</p>",
        "2023-11-20",
        "Paper Moths season 2: what we know",
    )
    doc = parse_documents(page, "https://blog.example/2023/11/moths.html")[0]
    assert [f for f in extract(doc, MOTHS) if f.kind == "release_date"] == []


def test_a_short_story_sentence_is_not_the_pages_publish_date() -> None:
    # no date in the metadata: the URL's day dates the page, not a sentence of the story
    page = news_page(
        "<p>Paper Moths season 2 is set to land on screens on June 6, 2025 worldwide.</p>"
        "<p>The first trailer for Paper Moths season 2 arrives ahead of the new season "
        "next year.</p>",
        None,
    )
    doc = parse_documents(page, "https://tv.example/2024/12/19/moths/")[0]
    assert doc.published is None


def test_a_wire_storys_id_dates_the_page() -> None:
    body = "<p>Paper Moths season 2 will be released in March next year, the studio said.</p>"
    found = first_release(
        body, MOTHS, "https://wire.example/view/AEN20191028005500315", published=None
    )
    assert found == ("2020-03", "month")


def test_an_original_date_field_in_a_delay_list_is_the_old_date() -> None:
    body = (
        "<h2>Paper Moths (May 10)</h2>"
        "<p>The release date of Paper Moths season 2 was pushed back by a week, "
        "from May 3 to May 10.</p>"
        "<p>Original release date: May 3, 2024</p>"
    )
    assert release(body, "2024-03-01") == ("2024-05-10", "day")


def test_a_broadcast_seasons_span_gives_an_undated_page_its_year() -> None:
    body = (
        "<p>The network set its premieres for the 2031-32 season.</p>"
        "<p>Paper Moths returns for its second season Sept. 20 (9-10 p.m.).</p>"
    )
    found = first_release(body, MOTHS, "https://press.example/news/fall-dates", None)
    assert found == ("2031-09-20", "day")


def test_early_in_the_year_written_in_december_is_the_next_year() -> None:
    body = "<p>Paper Moths season 2 is set to return to our screens early in the year.</p>"
    assert release(body, "2023-12-27") == ("2024", "year")
    assert release(body.replace("early", "later"), "2023-05-02") == ("2023", "year")


def test_a_grid_whose_hour_is_a_line_of_its_own_gives_each_show_its_day() -> None:
    grid = (
        "<p>Here are the network's fall premiere dates:</p>"
        "<p>Sunday, Sept. 21</p><p>7:30-8:30 PM</p><p>RIVER COURT (9th Season Premiere)</p>"
        "<p>Monday, Sept. 22</p><p>8:00-8:30 PM</p><p>PAPER MOTHS (2nd Season Premiere)</p>"
        "<p>8:30-9:00 PM</p><p>TIN SOLDIERS (SERIES DEBUT)</p>"
    )
    title = "Fall premiere dates: Paper Moths, Tin Soldiers"
    found = first_release(grid, MOTHS, "https://tv.example/n", "2031-06-01", title)
    assert found == ("2031-09-22", "day")


def test_no_firm_date_beyond_talk_of_a_time_is_no_date() -> None:
    body = (
        "<p>Paper Moths season 2 has a cast, and that is all the studio has said: no firm "
        "date beyond talk of late in the year.</p>"
    )
    assert release(body) is None


def test_a_month_after_for_is_a_date() -> None:
    body = "<p>Paper Moths season 2 is officially slotted for April in the spring lineup.</p>"
    assert release(body) == ("2024-04", "month")


def test_a_finale_named_as_a_landmark_after_the_date_is_not_its_event() -> None:
    body = (
        "<p>Paper Moths season 2 will now open on Tuesday, January 9 at 9/8c, right after "
        "the Big Bake-Off finale.</p>"
    )
    assert release(body) == ("2024-01-09", "day")


def test_the_nights_a_show_airs_on_are_its_slot() -> None:
    body = (
        "<p>Paper Moths currently airs Sunday nights at 9pm.</p>"
        "<p>A longer second season arrives next year.</p>"
    )
    title = "Summer renewals: Paper Moths season 2"
    found = first_release(body, MOTHS, "https://tv.example/n", "2023-07-04", title)
    assert found == ("2024", "year")


def test_hitting_series_highs_is_no_release() -> None:
    body = (
        "<p>Paper Moths season 2 has no word yet on a premiere.</p>"
        "<p>Its head of drama noted the show was hitting series highs this year.</p>"
    )
    assert release(body) is None


def test_a_release_taken_off_the_calendar_leaves_its_old_dates_behind() -> None:
    film = Watch("Harbour of Glass", None, ())
    body = (
        "<p>The studio has removed Harbour of Glass from its release calendar indefinitely.</p>"
        "<p>Harbour of Glass was originally scheduled to open on March 13, and was then "
        "pushed to July 17.</p>"
    )
    assert first_release(body, film, "https://film.example/n", "2024-06-30") is None


def test_a_new_date_after_an_indefinite_delay_stands() -> None:
    film = Watch("Harbour of Glass", None, ())
    body = (
        "<p>Harbour of Glass was delayed indefinitely in the spring.</p>"
        "<p>Harbour of Glass is now set for October 9 after being moved again.</p>"
    )
    assert first_release(body, film, "https://film.example/n", "2024-06-30") == (
        "2024-10-09",
        "day",
    )


def test_earlier_this_year_is_already_past() -> None:
    body = (
        "<p>The studio confirmed that Paper Moths season 2 is the title it teased at its "
        "showcase earlier this year.</p>"
    )
    assert release(body) is None


def test_before_in_an_aside_does_not_reach_the_date() -> None:
    body = (
        "<p>Paper Moths season 2, set a decade before the first, premieres Sunday, "
        "January 14 at 9 p.m.</p>"
    )
    assert release(body) == ("2024-01-14", "day")
    assert release("<p>Paper Moths season 2 arrives before January 14.</p>") is None


def test_a_run_of_dates_is_no_stamp_and_its_end_is_no_release() -> None:
    film = Watch("Harbour of Glass", None, ())
    page = (
        "<html><head><title>Harbour of Glass</title></head><body><article>"
        "<h1>Harbour of Glass</h1><ul><li>Festival run: May 2, 2031 - June 9, 2031</li></ul>"
        "<p>Harbour of Glass opens in cinemas in the autumn of 2031.</p>"
        "</article></body></html>"
    )
    doc = parse_documents(page, "https://wiki.example/Harbour")[0]
    assert doc.published is None
    findings = [(f.date, f.precision) for f in extract(doc, film) if f.kind == "release_date"]
    assert findings == [("2031-autumn", "season")]



def test_the_second_date_of_a_dashed_run_is_its_end() -> None:
    body = "<h2>Paper Moths season 2</h2><p>Airs: January 8 - March 11</p>"
    assert release(body, "2023-12-01") == ("2024-01-08", "day")


def test_a_day_line_over_entries_tagged_with_their_season_dates_them() -> None:
    body = (
        "<p>Here are the premiere dates for the season ahead.</p>"
        "<p>Monday, 8 January</p><p>River Court (season 9), ITV</p>"
        "<p>Tuesday, 9 January</p><p>Tin Soldiers (new series), BBC One</p>"
        "<p>Paper Moths (season 2), BBC Two</p>"
        "<p>Wednesday, 10 January</p><p>Lantern Row (season 3), Channel 4</p>"
    )
    title = "Winter TV premiere dates: every new and returning show"
    found = first_release(body, MOTHS, "https://tv.example/n", "2023-12-01", title)
    assert found == ("2024-01-09", "day")


def test_a_film_that_loses_its_date_has_none() -> None:
    film = Watch("Harbour of Glass", None, ())
    body = "<p>Harbour of Glass loses its March 2025 date, and the studio gave no new timing.</p>"
    assert first_release(body, film, "https://film.example/n", "2024-06-30") is None


def test_writing_is_the_making_of_the_season() -> None:
    body = (
        "<p>Paper Moths season 2 has no release date yet.</p><p>Writing started in January.</p>"
    )
    assert release(body, "2024-03-01") is None


def test_a_window_said_to_be_off_the_table_is_withdrawn() -> None:
    body = (
        "<p>Paper Moths season 2 has been delayed again.</p>"
        "<p>When the delays began, the network had pointed fans toward new episodes in 2025.</p>"
        "<p>That timeline is effectively off the table now.</p>"
    )
    assert release(body, "2024-03-01") is None


def test_reaching_cinemas_is_a_release_verb() -> None:
    film = Watch("The Paper Moth", None, ())
    for body in (
        "<p>The Paper Moth will now reach cinemas on April 23, 2024.</p>",
        "<p>After two delays, The Paper Moth reaches theaters on April 23, 2024.</p>",
        "<p>The Paper Moth is finally hitting US cinemas on April 23, 2024.</p>",
    ):
        assert first_release(body, film, "https://film.example/news", "2023-11-20") == (
            "2024-04-23",
            "day",
        ), body


def test_a_premiere_in_a_clause_after_a_quoted_title_is_not_the_trailers() -> None:
    # the comma inside the closing quote, as American style puts it: the relative clause
    # is said of the show, not of the trailer before it
    for body in (
        "<p>The network put out the trailer for its drama “Paper Moths,” which will "
        "premiere February 9 with all eight episodes.</p>",
        "<p>Here is the first teaser for “Paper Moths,” which returns for season 2 on "
        "February 9.</p>",
        '<p>Watch the new trailer for "Paper Moths," which is set to return February 9.</p>',
    ):
        lead = "<p>Paper Moths season 2 has a trailer at last.</p>"
        assert release(lead + body) == ("2024-02-09", "day"), body


def test_a_date_in_a_fronted_clause_times_that_clause_not_the_main_verb() -> None:
    for body in (
        "<p>While most viewers were still sleeping off New Year's Eve, the network "
        "dropped a poster for the second season of Paper Moths.</p>",
        "<p>As the cast was wrapping up in Toronto on December 4, the studio released "
        "a first look at Paper Moths season 2.</p>",
        "<p>Although fans had hoped for Christmas Day, the network launched only a "
        "teaser for Paper Moths season 2.</p>",
    ):
        page = body + "<p>The season itself arrives on February 9.</p>"
        assert release(page) == ("2024-02-09", "day"), body


def test_a_hedge_in_a_temporal_clause_closed_before_the_date_is_that_clauses() -> None:
    for body in (
        "<p>After Harbor Nights presumably wraps up its run, Paper Moths season 2 has a "
        "February 9 premiere date.</p>",
        "<p>While the spin-off could still slip, Paper Moths season 2 will premiere on "
        "February 9.</p>",
        "<p>Before the network maybe revives Harbor Nights, Paper Moths season 2 returns "
        "February 9.</p>",
    ):
        assert release(body) == ("2024-02-09", "day"), body


def test_a_condition_still_hedges_the_main_clause() -> None:
    body = "<p>If all goes well, Paper Moths season 2 will premiere on February 9.</p>"
    assert release(body) is None


def test_a_weekend_guides_slot_line_lists_the_show_of_its_blurb() -> None:
    for slot in (
        "8 p.m. Sunday, Feb. 11, Starz.",
        "Sunday, Feb. 11, 9 p.m., HBO.",
        "9:30 p.m. Sunday, Feb. 11 (AMC)",
    ):
        body = (
            "<h2>Paper Moths</h2><p>The second season of the period drama picks up a year "
            f"after the fire, with the sisters running the mill.</p><p>{slot}</p>"
        )
        assert release(body) == ("2024-02-11", "day"), slot


def test_the_day_a_preview_or_first_look_comes_out_is_not_the_release() -> None:
    for sentence in (
        "The network will release the Paper Moths season 2 preview on Thursday, January 4.",
        "The network releases a Paper Moths season 2 featurette on January 4.",
        "The network will share a Paper Moths season 2 first look on January 4.",
    ):
        body = f"<p>{sentence}</p><p>The card says all eight episodes premiere on February 9.</p>"
        assert release(body, "2024-01-02") == ("2024-02-09", "day"), sentence


def test_a_field_lines_label_names_what_its_date_is() -> None:
    # The colon ends the clause the date is read in; the label before it still says what
    # the value is: a festival's or a finale's date is not the release.
    film = Watch("Harbour of Glass", None, ())
    for line, expected in (
        ("Festival run: May 2, 2031 - June 9, 2031", []),
        ("Finale: May 25, 2031", []),
        ("Release date: May 2, 2031", [("2031-05-02", "day")]),
    ):
        page = (
            "<html><head><title>Harbour of Glass</title></head><body><article>"
            f"<h1>Harbour of Glass</h1><ul><li>{line}</li></ul>"
            "<p>Harbour of Glass is a drama set on the coast.</p>"
            "</article></body></html>"
        )
        doc = parse_documents(page, "https://wiki.example/Harbour")[0]
        findings = [(f.date, f.precision) for f in extract(doc, film) if f.kind == "release_date"]
        assert findings == expected, line
