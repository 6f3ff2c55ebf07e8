"""Session 12: how the words around a video, or a report with no video, say which work's
released trailer it is. Sentences here are written for the tests (no article text)."""

from __future__ import annotations

from scraper.extract import extract
from scraper.models import Watch
from scraper.parse.documents import parse_documents

SHOW = Watch("Harbor Lights", 3)
VIDEO = "https://www.youtube.com/watch?v=AbCdEfGhIj0"
PLAYER = '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0"></iframe>'
PAGE_URL = "https://news.example/a"


def page(body: str, title: str = "TV news", published: str = "2024-05-02") -> str:
    return (
        f'<html><head><title>{title}</title><meta property="article:published_time" '
        f'content="{published}T10:00:00Z"></head><body><article><h1>{title}</h1>{body}'
        "</article></body></html>"
    )


def trailers(body: str, watch: Watch = SHOW, **kwargs: str) -> list[str]:
    doc = parse_documents(page(body, **kwargs), PAGE_URL)[0]
    return [f.url for f in extract(doc, watch) if f.kind == "trailer"]


def test_a_later_trailer_word_of_the_sentence_may_be_the_watchs() -> None:
    # the first trailer word is another show's season; the second, the watched season's
    body = (
        "<p>Two networks released footage within a day of each other. Soon after the "
        "Tidewater season 5 trailer went online, the network answered with a teaser for "
        f"season 3 of Harbor Lights.</p>{PLAYER}<p>It runs just under a minute.</p>"
    )
    assert trailers(body) == [VIDEO]


def test_a_sentence_whose_only_trailer_is_another_seasons_still_says_so() -> None:
    body = (
        "<p>Soon after the season 2 trailer of Harbor Lights went online, fans asked for "
        f"more.</p>{PLAYER}<p>It runs just under a minute.</p>"
    )
    assert trailers(body) == []


DATING = Watch("Island Hearts Australia", 2)


def test_a_player_titled_with_this_years_season_is_the_coming_season() -> None:
    # a reality show names its seasons by year: the page's year is the season to come
    body = (
        "<p>The second season of Island Hearts Australia premieres on Monday, October 7. "
        "Last year's first season aired on a digital channel.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Island Hearts Australia 2019 | Teaser"></iframe>'
    )
    assert trailers(body, DATING, published="2019-09-24") == [VIDEO]


def test_a_player_titled_with_an_earlier_years_season_is_that_seasons() -> None:
    body = (
        "<p>The second season of Island Hearts Australia premieres on Monday, October 7.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Island Hearts Australia 2018 | Official Trailer"></iframe>'
    )
    assert trailers(body, DATING, published="2019-09-24") == []
