"""Whose a date is when a work named beside it is only what the watch is related to, and
what a future told from the past is: a sequel's date after which the original is named,
the plan someone came to know of.

Every title and sentence here is invented for the test; none comes from an article."""

from __future__ import annotations

import pytest
from support import first_release

from scraper.models import Watch

QUARRY2 = Watch("The Quarry Line", 2, ())


def release(body: str, watch: Watch = QUARRY2, published: str = "2024-06-12") -> str | None:
    found = first_release(body, watch, "https://news.example/story", published)
    return found[0] if found else None


@pytest.mark.parametrize(
    "relation",
    ["a follow-up to the original series of 2022", "two years after the original series"],
)
def test_the_original_named_after_the_date_as_what_the_sequel_follows_is_not_its_subject(
    relation: str,
) -> None:
    body = (
        "<p>The Quarry Line season 2 arrives on the channel on 9 September 2024, "
        f"{relation}.</p>"
    )
    assert release(body) == "2024-09-09"


def test_the_original_that_is_the_dates_own_subject_still_owns_it() -> None:
    body = (
        "<p>The Quarry Line season 2 is filming; the original series premiered on "
        "9 September 2022.</p>"
    )
    assert release(body) is None


@pytest.mark.parametrize(("verb", "found"), [("we learned", True), ("fans guessed", False)])
def test_a_future_in_the_past_after_learning_of_it_is_the_plan_not_a_reckoning(
    verb: str, found: bool
) -> None:
    body = (
        f"<p>Back in May, {verb} that The Quarry Line would be back for its second season on "
        "October 3, 2024.</p>"
    )
    assert release(body) == ("2024-10-03" if found else None)


FILM = Watch("Ember Station", None, ())


@pytest.mark.parametrize(
    ("turn", "found"),
    [(", and a streamer later picked it up", "2024-11"), ("", None)],
)
def test_a_delay_the_story_goes_past_in_its_own_sentence_leaves_the_later_date(
    turn: str, found: str | None
) -> None:
    body = (
        "<p>A first trailer for Ember Station is out ahead of the film's debut on "
        "Streamly this November.</p>"
        "<p>The studio shelved Ember Station in 2022 with no new release date"
        f"{turn}.</p>"
    )
    assert release(body, FILM) == found


@pytest.mark.parametrize("verb", ["will finally be dropping on Channel 5", "is premiering"])
def test_a_release_verb_in_the_progressive_dates_tonight(verb: str) -> None:
    body = f"<p>After two years away, The Quarry Line season 2 {verb} tonight.</p>"
    assert release(body) == "2024-06-12"


@pytest.mark.parametrize(
    ("rest", "found"),
    [
        (", other than that the series will begin airing in October 2024", "2024-10"),
        ("; a rival blog guesses October 2024", None),
    ],
)
def test_the_exception_a_denial_leaves_is_asserted(rest: str, found: str | None) -> None:
    body = (
        "<p>The channel has yet to announce a specific series air date for The Quarry Line "
        f"season 2{rest}.</p>"
    )
    assert release(body) == found
