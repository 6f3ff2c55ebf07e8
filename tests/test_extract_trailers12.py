"""Session 12: how the words around a video, or a report with no video, say which work's
released trailer it is. Sentences here are written for the tests (no article text)."""

from __future__ import annotations

from support import news_page

from scraper.extract import extract
from scraper.models import Watch
from scraper.parse.documents import parse_documents

SHOW = Watch("Harbor Lights", 3)
VIDEO = "https://www.youtube.com/watch?v=AbCdEfGhIj0"
PLAYER = '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0"></iframe>'
PAGE_URL = "https://news.example/a"


def trailers(
    body: str, watch: Watch = SHOW, title: str = "TV news", published: str = "2024-05-02"
) -> list[str]:
    doc = parse_documents(news_page(body, published, title), PAGE_URL)[0]
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


def test_the_noun_show_does_not_say_a_trailer_is_out() -> None:
    # "the show" is the series, not the verb of "the teaser shows ..."
    body = (
        "<p>The third season of the show, about a lighthouse keeper's family, was "
        "confirmed in a short teaser video.</p>"
    )
    assert trailers(body, title="Harbor Lights season 3 confirmed") == []


def test_a_teaser_that_shows_something_is_out() -> None:
    body = "<p>The teaser for Harbor Lights season 3 shows the family back at the lamp.</p>"
    assert trailers(body) == [PAGE_URL]


def test_a_trailer_named_in_an_aside_is_said_out_only_by_the_aside() -> None:
    # the clip is the page's video; the aside only says where some of its footage was seen
    body = (
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Harbor Lights: Inside Season 3"></iframe>'
        "<p>The network has put out a long look at the third season of Harbor Lights.</p>"
        "<p>The new clip begins with footage of season 3 (some of which appeared already in "
        "a trailer for the series) and then turns to interviews with the cast, with the "
        "network putting fans' questions to them.</p>"
    )
    assert trailers(body) == []


def test_an_aside_that_says_the_trailer_dropped_reports_it() -> None:
    body = (
        "<p>Season 3 of Harbor Lights returns in June (the network dropped its first "
        "teaser on Monday) with eight episodes.</p>"
    )
    assert trailers(body) == [PAGE_URL]


def test_a_headline_asking_when_the_trailer_comes_in_italian_announces_it_to_come() -> None:
    body = (
        "<p>Harbor Lights 3 non dovrebbe subire ritardi e la serie dovrebbe essere "
        "rilasciata in autunno, i tempi sembrano maturi anche per la pubblicazione del "
        "trailer.</p>"
    )
    title = "Quando arriverà il trailer di Harbor Lights 3?"
    assert trailers(body, title=title) == []


QUESTION = Watch("Who Knew…?", 2)


def test_a_titles_own_question_mark_is_no_hedge_on_its_trailer() -> None:
    body = (
        "<p>La saison 2 de la série animée Who Knew…? se dévoile aujourd'hui avec une "
        "bande-annonce.</p><p>Les épisodes arrivent chaque semaine sur la plateforme.</p>"
    )
    assert trailers(body, QUESTION, title="Séries") == [PAGE_URL]



def test_a_news_flag_before_a_colon_names_no_work() -> None:
    from scraper.extract.reading import Subject, classify

    watch = Watch("Harbor Lights", 5)
    for text in (
        "UPDATE: Season 5 now opens Oct. 27.",
        "[1:34PM PDT] BIG NEWS: Season 5 premieres Sunday, October 23.",
    ):
        assert classify(text, watch) == Subject.SEASON
    assert classify("Tidewater: Season 5 premieres soon.", watch) == Subject.OTHER_SEASON


def test_a_liveblog_flag_keeps_the_season_and_its_trailer_the_watchs() -> None:
    from support import first_release

    body = (
        "<p>[1:00PM PDT] Welcome to the Harbor Lights panel.</p>"
        "<p>[1:19PM PDT] They are rolling a trailer for the room.</p>"
        "<p>[1:34PM PDT] BIG NEWS: Season 3 premieres Sunday, October 23.</p>"
        "<p>[2:10PM PDT] UPDATE: The network has now put the panel trailer online. "
        f'<a href="{VIDEO}">Watch it here</a>.</p>'
    )
    title = "Live blog: the Harbor Lights panel"
    assert first_release(body, SHOW, published="2024-07-22", title=title) == ("2024-10-23", "day")
    assert trailers(body, title=title, published="2024-07-22") == [VIDEO]


def test_a_facts_table_under_the_shows_heading_is_that_shows() -> None:
    from support import first_release

    # a seasonal preview: each show's heading, then a small table of its facts
    body = (
        "<p>Our autumn preview is heavy on sequels this year.</p>"
        "<h3>Harbor Lights Season 3</h3>"
        "<table><tr><td>Studio</td><td>Lanternworks</td></tr>"
        "<tr><td>Airs</td><td>Saturday, October 7</td></tr>"
        f'<tr><td>PV</td><td><a href="{VIDEO}">Official PV</a></td></tr></table>'
        "<p>The keepers are back for another stormy run.</p>"
        "<h3>Tidewater Season 2</h3>"
        "<table><tr><td>Studio</td><td>Bayline</td></tr>"
        "<tr><td>Airs</td><td>Saturday, October 14</td></tr></table>"
    )
    title = "Autumn 2023 preview"
    assert first_release(body, SHOW, published="2023-09-22", title=title) == ("2023-10-07", "day")
    assert trailers(body, title=title, published="2023-09-22") == [VIDEO]


def test_a_listing_table_of_titles_is_still_each_rows_own() -> None:
    from support import first_release

    body = (
        "<p>Several autumn shows have moved.</p>"
        "<table><tr><th>Title</th><th>Status</th></tr>"
        "<tr><td>Tidewater season 2</td><td>Moved to January 2024</td></tr>"
        "<tr><td>Saltmarsh Six</td><td>Moved to October 2023</td></tr></table>"
    )
    assert first_release(body, SHOW, published="2023-09-22") is None


def test_a_season_field_under_the_shows_entry_names_the_season() -> None:
    from support import first_release

    from scraper.extract.reading import Subject, classify

    assert classify("Upcoming Season: 3", SHOW) == Subject.SEASON
    assert classify("Season: 3 episodes", SHOW) is None  # (a number that ends no field)
    body = (
        "<p>Here is what I will be watching, sorted by premiere date.</p>"
        "<p><b>TIDEWATER [NBC]</b></p><p>Upcoming Season: 6</p><p>Premiere Date: Mon. Sept 8</p>"
        "<p><b>HARBOR LIGHTS [APPLE TV+]</b></p><p>Upcoming Season: 3</p>"
        "<p>Premiere Date: Wed. Sept. 17</p>"
        f'<p>Why I watch: habit. Trailer\'s out: <a href="{VIDEO}">watch it here</a>.</p>'
    )
    title = "Fall TV preview"
    assert first_release(body, SHOW, published="2025-08-31", title=title) == ("2025-09-17", "day")
    assert trailers(body, title=title, published="2025-08-31") == [VIDEO]


def test_the_date_a_trailer_is_confirmed_to_premiere_is_the_trailers() -> None:
    from support import first_release

    film = Watch("Harbor Lights", None)
    body = (
        "<p>The studio's first official trailer arrives tonight, September 26, on a late "
        "show.</p><p>The film opens Feb. 14, 2019.</p>"
    )
    title = "Harbor Lights Trailer Confirmed to Premiere Tonight"
    assert first_release(body, film, published="2018-09-26", title=title) == ("2019-02-14", "day")


def test_a_relative_clause_after_the_trailers_adjective_dates_the_trailer() -> None:
    from support import first_release

    body = (
        "<p>La tercera temporada de Harbor Lights llega pronto a la plataforma. Lo más "
        "grande lo guardó para el tráiler oficial, que se estrenó este 8 de julio.</p>"
    )
    assert first_release(body, SHOW, published="2020-07-10") is None


def test_a_line_introducing_the_player_outweighs_the_next_topic_below_it() -> None:
    body = (
        "<p>The network put out a new trailer on Tuesday. The season arrives in July.</p>"
        "<p>The coach faces bigger trouble in the new run.</p>"
        "<p>Watch the full trailer:</p>"
        '<p><a href="https://youtu.be/AbCdEfGhIj0">https://youtu.be/AbCdEfGhIj0</a></p>'
        "<p>Harbor Lights: season 1 of the series won several awards</p>"
        "<p>With ten episodes, the first season of Harbor Lights did well with critics.</p>"
    )
    assert trailers(body, title="Harbor Lights: season 3 gets a trailer") == [VIDEO]
