"""English TV-season news read as real articles write it: a season named only as what the
watched one is measured against, a series' return told in passing, an entry's own "the
series returns" in a roundup.

Every title and sentence here is invented for the test; none comes from an article."""

from __future__ import annotations

import pytest
from support import first_release

from scraper.models import Watch

HARBOR2 = Watch("Harbor Lights", 2, ())


def release(body: str, watch: Watch = HARBOR2, published: str = "2024-03-04") -> str | None:
    found = first_release(body, watch, "https://news.example/story", published)
    return found[0] if found else None


@pytest.mark.parametrize(
    "measure",
    [
        "a worthy follow-up to the first season",
        "even darker than season 1",
        "a sequel to season one",
    ],
)
def test_a_season_named_as_the_watched_ones_measure_does_not_take_the_story(measure: str) -> None:
    body = (
        "<p>The network released a teaser for Harbor Lights season 2, and it looks like "
        f"{measure}.</p>"
        "<p>The teaser is moody and gives little away.</p>"
        "<p>We will learn more when the show comes back Sunday, April 14, at 9/8c.</p>"
    )
    assert release(body) == "2024-04-14"


def test_a_season_the_story_turns_to_still_takes_it() -> None:
    body = (
        "<p>The network renewed Harbor Lights for season 2 days after it dated the first season's "
        "finale.</p>"
        "<p>The finale airs Sunday, April 14.</p>"
    )
    assert release(body) is None


def test_an_update_note_dates_its_own_relative_dates() -> None:
    body = (
        "<p>Harbor Lights has been renewed for a second season.</p>"
        "<p>UPDATE (August 19, 2024): Harbor Lights season 2 will debut on the network this fall."
        "</p>"
    )
    assert release(body, published="2023-03-01") == "2024-autumn"


@pytest.mark.parametrize(("venue", "found"), [("on Sundance", True), ("at Sundance", False)])
def test_a_channel_sharing_a_festivals_name_is_where_the_season_airs(
    venue: str, found: bool
) -> None:
    body = f"<p>Harbor Lights season 2 premieres {venue} on October 5, 2024.</p>"
    assert release(body) == ("2024-10-05" if found else None)


def test_time_words_inside_the_watched_title_are_its_name_not_a_date() -> None:
    body = (
        "<p>Ruth Dale is back for a second series of See You Next Year.</p>"
        "<p>See You Next Year returns with its second series on Tuesdays at 8pm, starting on "
        "9th April.</p>"
    )
    assert release(body, Watch("See You Next Year", 2, ())) == "2024-04-09"


def test_a_roundup_entry_tagged_with_its_season_owns_that_season() -> None:
    body = (
        "<p>Harbor Lights season 2 and more: here is when your shows come back.</p>"
        '<p>"Salt Road" (Season 2): the desert thriller jumps ten years ahead in its second '
        "season return to the network on Sept. 8 at 9 p.m.</p>"
        "<p>\u201cHarbor Lights\u201d (Season 2): the lighthouse keepers face a storm. The series "
        "returns to the network Sept. 22 at 10 p.m.</p>"
    )
    assert release(body, published="2024-08-20") == "2024-09-22"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "A critic noted that an October 4 release date would be perfect for Harbor Lights "
            "season 2.",
            None,
        ),
        ("Many believed an October release for Harbor Lights season 2 was within reach.", None),
        (
            "Harbor Lights season 2 arrives on October 4, perfect for the long evenings.",
            "2024-10-04",
        ),
    ],
)
def test_a_date_judged_is_an_opinion_not_an_announcement(sentence: str, found: str | None) -> None:
    assert release(f"<p>{sentence}</p>") == found


def test_a_slate_named_by_what_its_members_are_dates_the_slate_not_the_watch() -> None:
    body = (
        "<p>Harbor Lights season 2 was among the shows teased at the streamer's fan event.</p>"
        "<p>The list of titles scheduled to be released in the second half of the year was "
        "also unveiled.</p>"
    )
    assert release(body) is None


def test_the_watch_named_beside_the_slate_keeps_its_own_date() -> None:
    body = (
        "<p>The network's new shows scheduled for the fall include Harbor Lights season 2, "
        "which premieres October 4.</p>"
    )
    assert release(body) == "2024-10-04"


@pytest.mark.parametrize(
    "sentence",
    [
        "The wait was long, but Harbor Lights season 2 comes back with its premiere on Sunday.",
        "Harbor Lights season 2 has a new showrunner, and it\u2019s back on Sunday.",
    ],
)
def test_a_bare_weekday_in_a_return_clause_is_the_coming_day(sentence: str) -> None:
    # published on Monday 2024-03-04: the coming Sunday is March 10
    assert release(f"<p>{sentence}</p>") == "2024-03-10"


def test_a_weekday_in_a_clause_of_past_news_stays_the_news_day() -> None:
    body = "<p>The network on Sunday released a teaser for Harbor Lights season 2.</p>"
    assert release(body) is None


def test_a_later_update_note_supersedes_an_earlier_one() -> None:
    body = (
        "<p>Harbor Lights has been renewed for a second season.</p>"
        "<p>UPDATE 1 (August 19, 2024): The second season of Harbor Lights will debut on "
        "Sundance this fall.</p>"
        "<p>UPDATE 2 (September 17, 2024): Sundance will premiere Season 2 of the French series "
        "Harbor Lights on October 31, 2024 (at 10/9c).</p>"
    )
    assert release(body, published="2024-01-10") == "2024-10-31"


def test_a_channel_named_like_a_festival_premiering_a_season_is_the_channel() -> None:
    body = "<p>Sundance will premiere Season 2 of Harbor Lights on October 31, 2024.</p>"
    assert release(body) == "2024-10-31"
