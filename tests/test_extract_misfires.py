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
