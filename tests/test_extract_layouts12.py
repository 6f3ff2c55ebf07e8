"""Dates that a page's layout gives rather than a sentence: a fact card of plain lines, a
calendar's entries under their day, a table of moves, a date written in numbers.

Every title and sentence here is invented for the test; none comes from an article."""

from __future__ import annotations

from support import first_release, news_page

from scraper.models import Watch
from scraper.parse.pages import read_page

LANTERN = Watch("The Lantern Keeper", None, ())
HARBOR2 = Watch("Harbor Lights", 2, ())


def test_a_fact_card_of_plain_lines_dates_the_film_in_a_roundup() -> None:
    # A preview list with no dateline: the card's "Release Date" line is the film's date,
    # not the page's own stamp (which would make the date the article's own).
    body = (
        "<p>Here are the films we cannot wait to see this season, in order of release.</p>"
        "<h2>'The Lantern Keeper'</h2><p>June 6</p>"
        "<p>A lighthouse keeper finds a stranger washed up on the rocks, and nothing on the "
        "island is quite what it seems in this slow-burning mystery.</p>"
        "<p>The Lantern Keeper<br>Release Date<br>June 6, 2025<br>Director<br>Mara Quist<br>"
        "Cast<br>Ivo Brandt, Lena Sauer</p>"
        "<h2>'Paper Comets'</h2><p>June 7</p>"
    )
    assert first_release(body, LANTERN, published=None) == ("2025-06-06", "day")


def test_a_column_of_names_is_no_fact_card() -> None:
    names = "<p>Starring</p><p>Ivo Brandt</p><p>Lena Sauer</p><p>Mara Quist</p><p>Tom Eld</p>"
    page = read_page(news_page(names))
    assert all(block.role != "field" for block in page.blocks)


def test_a_calendar_entry_with_its_blurb_takes_the_day_above_it() -> None:
    body = (
        "<p>Mark your calendar: here is when your shows come back this autumn.</p>"
        "<h2>Sept. 9</h2>"
        '<p>"Copper Creek" (FX, Mondays at 10)</p>'
        "<h2>Sept. 12</h2>"
        '<p>"Harbor Lights" (ABC, Thursdays at 9): The fishing-town drama picks up a year '
        "after the storm in its second season, with two new families on the quay.</p>"
        '<p>"Night Desk" (ABC, Thursdays at 10)</p>'
    )
    title = "Fall TV premiere dates: when your favorite shows return"
    assert first_release(body, HARBOR2, published="2024-08-20", title=title) == (
        "2024-09-12",
        "day",
    )


def test_a_table_of_moves_dates_the_film_where_it_now_stands() -> None:
    body = (
        "<p>Studios reshuffled the calendar again this week.</p>"
        "<table><thead><tr><th>Title</th><th>Studio</th><th>Was</th><th>Now</th></tr></thead>"
        "<tbody><tr><td>The Lantern Keeper</td><td>Northwind</td><td>Mar 14, 2025</td>"
        "<td>Sep 19, 2025</td></tr>"
        "<tr><td>Paper Comets</td><td>Bluefield</td><td>Sep 19, 2025</td><td>Jan 9, 2026</td></tr>"
        "</tbody></table>"
    )
    assert first_release(body, LANTERN, published="2025-01-10") == ("2025-09-19", "day")


def test_a_start_dated_in_numbers_is_a_release() -> None:
    body = (
        "<p>The cast of Harbor Lights teased the return on social media.</p>"
        "<blockquote><p>Good news, neighbours: our second season starts 8/14! See you there.</p>"
        "</blockquote>"
    )
    assert first_release(body, HARBOR2, published="2024-05-02") == ("2024-08-14", "day")


def test_a_list_of_entries_each_opened_by_a_name_keeps_each_date_its_own() -> None:
    # Each item opens on a film's name as a sentence of its own; "It" in the next item is
    # that item's film, not the watched one above it.
    body = (
        "<p>Three winter releases lost their dates this week:</p><ul>"
        "<li>The Lantern Keeper. The island mystery was due in March, but reshoots ran long "
        "and the film now opens Sept. 19, 2025.</li>"
        "<li>Paper Comets. Bluefield had planned an Easter launch. It is now scheduled for "
        "May 2.</li>"
        "<li>Salt Road. The western moved to an unspecified date in 2026.</li></ul>"
    )
    assert first_release(body, LANTERN, published="2025-01-10") == ("2025-09-19", "day")


def test_a_date_set_as_the_label_of_the_entry_below_dates_that_entry() -> None:
    body = (
        "<p>Here is what is worth your money at the multiplex this summer.</p>"
        "<p>June 6th:</p><p>The Lantern Keeper</p><p>Studio: Northwind</p>"
        "<p>Director: Mara Quist</p>"
        "<p>Lowdown: A lighthouse keeper finds a stranger on the rocks.</p>"
        "<p>June 13th:</p><p>Paper Comets</p><p>Studio: Bluefield</p>"
    )
    assert first_release(body, LANTERN, published="2025-05-20") == ("2025-06-06", "day")


def test_an_installment_in_apposition_to_the_watch_is_the_watch() -> None:
    body = (
        "<p>Low Tide, the third Lantern Keeper film, will now arrive in May 2026 because the "
        "effects need more time.</p>"
    )
    watch = Watch("Low Tide", None, ())
    assert first_release(body, watch, published="2025-05-20") == ("2026-05", "month")


def test_a_date_over_a_line_of_quoted_titles_and_their_slots_dates_each_title() -> None:
    body = (
        "<p>For calendar purposes, here are the premieres planned through early October.</p>"
        "<p>Sept. 10<br>Returning: “Copper Creek” (8 p.m., FX)<br>Sept. 12<br>"
        "Returning: “Night Desk” (8 p.m., CW), “Harbor Lights” (10 p.m., NBC)<br>Sept. 13<br>"
        "New: “Salt Road” (9 p.m., CBS)</p>"
    )
    title = "Fall TV premiere dates"
    assert first_release(body, HARBOR2, published="2024-09-01", title=title) == (
        "2024-09-12",
        "day",
    )


def test_a_launch_ranked_as_a_record_is_no_release_date() -> None:
    # A renewal story: the year dates the first season's record, not the second's release.
    body = (
        "<p>The broadcaster has ordered more of four dramas.</p>"
        "<p>Also back is Harbor Lights, which in 2023 became the channel's most-watched new "
        "drama launch in five years.</p>"
    )
    title = "Dramas returning for a second season: Harbor Lights, Night Desk and Salt Road"
    assert first_release(body, HARBOR2, published=None, title=title) is None


def test_a_release_noun_naming_other_works_gives_them_its_date() -> None:
    # The watch's own date comes later in the post; "later in February" is the other
    # shows' premieres, which the new clip merely arrives alongside.
    body = (
        "<p>The network posted a new clip for Harbor Lights season 2.</p>"
        "<p>It arrives with the season premieres of Night Desk and Salt Road later in "
        "February.</p>"
    )
    assert first_release(body, HARBOR2, published="2024-02-02") is None


def test_a_denial_outside_the_trailers_clause_does_not_take_a_roundups_trailer_back() -> None:
    from scraper.extract import extract
    from scraper.parse.documents import parse_documents

    body = (
        "<h2>Paper Comets</h2><p>The final trailer for Paper Comets is short and vague.</p>"
        "<h2>The Lantern Keeper</h2><p>The island mystery looks moody. Not that there isn't "
        "action to be found - the international trailer featured here even includes a "
        "shipwreck. The Lantern Keeper is set for a June 6, 2025 release.</p>"
    )
    url = "https://films.example/trailer-round-up-march-8"
    page = news_page(body, "2025-03-08", title="Trailer Round-Up – March 8, 2025")
    doc = parse_documents(page, url)[0]
    trailers = [f.url for f in extract(doc, LANTERN) if f.kind == "trailer"]
    assert trailers == [url]


def test_a_headline_that_eyes_a_date_is_a_plan_weighed() -> None:
    body = (
        "<p>Studios keep reshuffling as the strike drags on.</p>"
        "<blockquote><p>'Low Tide 2' Eyes Push to 2026; Studio Considers New Dates for "
        "'Salt Road' (EXCLUSIVE)</p></blockquote>"
    )
    assert first_release(body, Watch("Low Tide 2", None, ()), published="2025-08-01") is None


def test_before_opening_the_watchs_own_release_clause_is_no_deadline() -> None:
    body = (
        "<p>A new trailer is out. You have three months to do your homework before The "
        "Lantern Keeper lands in cinemas on Nov 7.</p>"
    )
    assert first_release(body, LANTERN, published="2025-08-01") == ("2025-11-07", "day")


def test_a_date_in_a_relative_clause_of_a_question_about_something_else_stands() -> None:
    body = (
        "<p>A first teaser for Harbor Lights season 2 aired after the special.</p>"
        "<p>What does this short clip tell us about the new episodes, which arrive in 2025?"
        "</p>"
    )
    assert first_release(body, HARBOR2, published="2024-12-26") == ("2025", "year")


def test_a_question_about_when_still_hedges_its_date() -> None:
    body = "<p>When will Harbor Lights season 2, which fans adore, arrive in 2025?</p>"
    assert first_release(body, HARBOR2, published="2024-12-26") is None
