"""A moved release: the new date wins over the plan it replaced, however the move is
told ("now", "rather than", an update box), and even where the story still states the
old plan in a fuller sentence.

Every sentence here is invented for the test (the shows are made up too)."""

from __future__ import annotations

import pytest
from support import first_release

from scraper.models import Watch

LANTERN = Watch("Lantern Row", 2, ())


def release(body: str, published: str | None = "2024-01-15") -> tuple[str, str] | None:
    return first_release(
        body, LANTERN, "https://tv.example/news/story", published, "Lantern Row season 2 news"
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "now" tells the move by its result; the old plan is stated in full above it
        (
            "<p>The network said Monday that Lantern Row will open its second season on "
            "Friday, March 8, at 9 p.m., it confirmed.</p>"
            "<p>Rather than March 8, the second season will now start Friday, April 19.</p>",
            ("2024-04-19", "day"),
        ),
        # an update box above a story that was not rewritten
        (
            "<p>UPDATE, Jan. 15: The network has moved the premiere up by a week.</p>"
            "<p>Season 2 now opens Tuesday, February 20.</p>"
            "<p>The network confirmed that season 2 of Lantern Row will premiere with two "
            "episodes on Tuesday, February 27, at 8 p.m.</p>",
            ("2024-02-20", "day"),
        ),
        # the title and the season named, the old plan after it
        (
            "<p>Lantern Row will now kick off its second season on May 6; the network had "
            "it down for a June 3 start, it confirmed.</p>"
            "<p>Lantern Row season 2 premieres June 3 at 10 p.m., the network confirmed in "
            "December.</p>",
            ("2024-05-06", "day"),
        ),
    ],
)
def test_the_new_date_wins_over_the_plan_it_replaced(body: str, expected: tuple) -> None:
    assert release(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # "now" of a state or a span of time is no move: the one date stands
        "<p>Lantern Row season 2 is now in production and premieres Friday, March 8.</p>",
        "<p>For now, Lantern Row season 2 is set to premiere on Friday, March 8.</p>",
        "<p>Lantern Row season 2 premieres Friday, March 8, so the wait is nearly over "
        "now.</p>",
    ],
)
def test_now_of_a_state_keeps_the_date(body: str) -> None:
    assert release(body) == ("2024-03-08", "day")


def test_another_titles_move_replaces_nothing_of_the_watch() -> None:
    body = (
        "<p>Lantern Row season 2 premieres Friday, March 8, the network confirmed.</p>"
        "<p>Harbor Nights will now start its new season on March 1 instead.</p>"
    )
    assert release(body) == ("2024-03-08", "day")


@pytest.mark.parametrize(
    "body",
    [
        # a move still deliberated is no date
        "<p>The network is weighing a push of Lantern Row season 2 to 2025.</p>",
        "<p>Sources say the studio is seriously considering moving Lantern Row season 2 "
        "to 2025.</p>",
        "<p>The streamer is mulling a shift of the second season of Lantern Row into "
        "2025.</p>",
    ],
)
def test_a_move_only_deliberated_is_no_date(body: str) -> None:
    assert release(body) is None


@pytest.mark.parametrize(
    "headline",
    [
        "Why Lantern Row Season Two Could Arrive in 2025",
        "Rumor: Lantern Row Season 2 Moves to 2025",
        "Speculation: Lantern Row Season 2 Will Move to 2025",
    ],
)
def test_a_title_case_headline_keeps_its_hedge(headline: str) -> None:
    body = "<p>Nothing is official about the second season of Lantern Row yet.</p>"
    assert (
        first_release(body, LANTERN, "https://tv.example/news/story", "2024-01-15", headline)
        is None
    )


@pytest.mark.parametrize(
    "body",
    [
        "<p>Reports say the network is considering moving Lantern Row season 2 from its "
        "March 8 premiere date to later in the year.</p>",
        "<p>The studio could push Lantern Row season 2 from its March 8 premiere to the "
        "summer.</p>",
        "<p>Lantern Row season 2 remains on the network's calendar for March 8.</p>"
        "<p>Executives are weighing a delay.</p>",
    ],
)
def test_the_date_a_deliberated_move_would_leave_stands(body: str) -> None:
    assert release(body) == ("2024-03-08", "day")


@pytest.mark.parametrize(
    "body",
    [
        "<p>The network set its fall dates on Monday.</p><p>Lantern Row season 2, held "
        "for midseason, was first expected on Tuesday, March 12.</p>",
        "<p>Lantern Row season 2, which the network is keeping on the shelf for "
        "midseason, had been expected Tuesday, March 12.</p>",
        "<p>The network is holding Lantern Row season 2 until later, though Tuesday, "
        "March 12 was long the plan.</p>",
    ],
)
def test_a_season_held_back_without_a_date_has_none(body: str) -> None:
    assert release(body) is None


@pytest.mark.parametrize(
    "row",
    [
        "<tr><td>Tuesday, March 12</td><td>Lantern Row (ABC), 9 p.m. — season 2 finale, "
        "the last of the run</td></tr>",
        "<tr><td>March 12</td><td>Lantern Row</td><td>Season 2, 9 p.m.; mid-season "
        "finale</td></tr>",
        "<tr><td>Tue., March 12</td><td>Lantern Row, season 2 — final episode</td></tr>",
    ],
)
def test_a_listings_row_of_the_finale_is_no_release(row: str) -> None:
    body = (
        "<table><tr><th>Date</th><th>Show</th></tr>"
        "<tr><td>Monday, March 11</td><td>Harbor Nights (NBC), 8 p.m. — season 3 "
        "premiere</td></tr>" + row + "</table>"
    )
    assert release(body) is None


@pytest.mark.parametrize(
    "body",
    [
        "<p>Our own hunch is a 2025 return for Lantern Row season 2.</p>",
        "<p>Lantern Row season 2 will be back in 2025, if our hunch is right.</p>",
        "<p>My hunch says the second season of Lantern Row arrives in 2025.</p>",
    ],
)
def test_a_hunch_is_a_hedge(body: str) -> None:
    assert release(body) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The studio set a new theatrical date of March 15 for the second season.",
        "The second season's new premiere date is March 15.",
        "New release date: March 15, the network says of the second season.",
    ],
)
def test_a_new_date_is_where_the_release_moved(sentence: str) -> None:
    from support import news_page

    from scraper.extract import read
    from scraper.parse.documents import parse_documents

    body = f"<p>Lantern Row season 2 now premieres on March 8, insiders say.</p><p>{sentence}</p>"
    page = news_page(body, "2024-01-15", "Lantern Row season 2 news")
    doc = parse_documents(page, "https://tv.example/news/story")[0]
    [new] = [c for c in read(doc, LANTERN, complete=True).dates if c.mention.value == "2024-03-15"]
    assert "moved_to" in new.features and "replaced_by_move" not in new.features


@pytest.mark.parametrize(
    "sentence",
    [
        "Starting March 21, Lantern Row season 2 slides to 8:30p, the network confirmed.",
        "Beginning Thursday, March 21, Lantern Row season 2 moves to 10/9c, the network "
        "confirmed.",
        "Effective March 21, Lantern Row season 2 shifts to Thursdays, the network "
        "confirmed.",
    ],
)
def test_a_date_that_starts_a_new_time_slot_is_no_premiere(sentence: str) -> None:
    body = f"<p>The second season opens on March 5.</p><p>{sentence}</p>"
    assert release(body) == ("2024-03-05", "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "Rather than premiering on March 8, Lantern Row season 2 now arrives in April.",
        "Instead of opening on March 8, the second season of Lantern Row comes in April.",
        "Rather than hit screens on March 8 as planned, Lantern Row season 2 lands in April.",
    ],
)
def test_the_plan_given_up_with_its_verb_is_an_old_date(sentence: str) -> None:
    from support import news_page

    from scraper.extract import read
    from scraper.parse.documents import parse_documents

    page = news_page(f"<p>{sentence}</p>", "2024-01-15", "Lantern Row season 2 news")
    doc = parse_documents(page, "https://tv.example/news/story")[0]
    [old] = [c for c in read(doc, LANTERN, complete=True).dates if c.mention.value == "2024-03-08"]
    assert "old_date" in old.features


@pytest.mark.parametrize(
    "body",
    [
        "<p>Lantern Row season 2 has been pushed from March to June by the network.</p>",
        "<p>The network delayed Lantern Row season 2 from March until June.</p>",
    ],
)
def test_a_move_between_bare_months_lands_on_the_later_one(body: str) -> None:
    # a month named alone carries its preposition; the move's ends must still be read
    assert release(body) == ("2024-06", "month")


def test_a_delayed_dated_slot_with_no_new_date_is_no_date() -> None:
    # the date names the slot the release gives up; the sentence says nothing of the next
    body = "<p>The network has postponed Lantern Row season 2's March 8 premiere date.</p>"
    assert release(body) is None
