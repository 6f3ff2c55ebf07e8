"""Whose a date or trailer is when the words around it say so by their structure: a clause
that carries on the subject of the one before, a sentence that opens on another work,
a season denied after the trailer, a wish, a compilation film, episodes shown again.

Every title and sentence here is invented for the test; none comes from an article."""

from __future__ import annotations

from support import news_page

from scraper.extract import extract
from scraper.models import Watch
from scraper.parse.documents import parse_documents

LANTERN3 = Watch("Lantern Row", 3, ())
QUARRY2 = Watch("The Quarry Line", 2, ())
GLASSHOUSE = Watch("Glasshouse Kings", None, ())
TIDES4 = Watch("Harbour Lights: Tides", 4, ())


def _doc(body: str, title: str = "TV news"):  # noqa: ANN202
    return parse_documents(news_page(body, "2024-06-12", title), "https://news.example/story")[0]


def release(body: str, watch: Watch, title: str = "TV news") -> str | None:
    found = [f.date for f in extract(_doc(body, title), watch) if f.kind == "release_date"]
    return found[0] if found else None


def trailers(body: str, watch: Watch, title: str = "TV news") -> set[str]:
    return {f.value_key for f in extract(_doc(body, title), watch) if f.kind == "trailer"}


def test_a_clause_without_its_own_subject_carries_the_shoots() -> None:
    # the later clauses say "it" or nothing for their subject: still the shoot's dates
    body = (
        "<p>Shooting on Lantern Row season 3 got going in March 2023; two weeks on, it was "
        "halted by the strike, and resumed only in October.</p>"
    )
    assert release(body, LANTERN3) is None


def test_a_pronoun_after_the_shoot_that_takes_a_release_verb_is_the_shows() -> None:
    body = (
        "<p>Shooting on Lantern Row season 3 finished in March, and it premieres on "
        "Streamly on October 9.</p>"
    )
    assert release(body, LANTERN3) == "2024-10-09"


def test_a_sentence_opening_on_another_work_and_its_appositive_owns_its_teaser() -> None:
    body = (
        "<p>Lantern Row season 3 comes back on Streamly this autumn.</p>"
        "<p>Nightjar, Streamly's new sci-fi anime, has been given a premiere date, along "
        "with a poster and its first teaser.</p>"
    )
    assert trailers(body, LANTERN3) == set()


def test_the_watchs_own_teaser_after_an_appositive_about_it_still_counts() -> None:
    body = (
        "<p>Lantern Row, Streamly's long-running mystery series, dropped a first teaser "
        "for season 3 on Monday.</p>"
    )
    assert trailers(body, LANTERN3) == {"https://news.example/story"}


def test_a_trailer_said_afterwards_to_be_for_something_else_is_not_the_seasons() -> None:
    body = (
        "<p>Still waiting on The Quarry Line season 2.</p>"
        "<p>If you spotted a Quarry Line trailer on YouTube last week, it was for the "
        "stage show, not season 2.</p>"
    )
    assert trailers(body, QUARRY2) == set()


def test_a_headline_denying_the_trailer_reports_none() -> None:
    body = "<p>The studio says the date has not moved; Glasshouse Kings opens on August 2.</p>"
    title = "Studio says the Glasshouse Kings trailer is not set for Friday"
    assert trailers(body, GLASSHOUSE, title) == set()


def test_viewers_keen_for_a_year_is_a_wish_not_an_announcement() -> None:
    body = (
        "<p>Viewers are eager for The Quarry Line season 2 to reach Streamly sometime in "
        "2025.</p>"
    )
    assert release(body, QUARRY2) is None


def test_a_compilation_film_on_a_season_page_is_another_work() -> None:
    body = (
        "<p>Fans of The Quarry Line season 2 will have to wait until 2025, the studio said.</p>"
        "<p>The Quarry Line: Deep Cut - a compilation of the mine arc with a few new scenes "
        "- arrives in cinemas on September 20, 2024.</p>"
    )
    assert release(body, QUARRY2, "The Quarry Line season 2 is not coming this year") is None


def test_episodes_shown_again_are_a_rerun_not_the_season() -> None:
    body = (
        "<p>The Quarry Line season 2 has paused after its fourth episode. The channel "
        "will broadcast the first four episodes again from July 1 while the rest are "
        "finished.</p>"
    )
    assert release(body, QUARRY2) is None


def test_a_seasons_second_cours_premiere_is_not_the_seasons_release() -> None:
    # "cours", as anime news writes the singular too, is a later part like "cour"
    body = (
        "<p>The closing card of the new promo says that Moonlit Atelier season 2 will have "
        "its second cours premiere on October 3.</p>"
    )
    assert release(body, Watch("Moonlit Atelier", 2, ())) is None


def test_a_paragraph_opening_on_another_show_keeps_its_unnamed_teaser() -> None:
    body = (
        "<p>Streamly set dates for several of its shows at the press day. It also dated "
        "the second season of \u201cPaper Moons.\u201d</p>"
        "<p>\u201cHarbour Lights\u201d is still the service's biggest drama, and season 5 is "
        "slated to open on May 2. Streamly shared a teaser to confirm the date.</p>"
        "<p>\u201cPaper Moons\u201d season 2 arrives on July 9.</p>"
    )
    title = "Streamly's summer schedule: 'Harbour Lights', 'Paper Moons' and more"
    watch = Watch("Paper Moons", 2, ())
    assert trailers(body, watch, title) == set()
    assert release(body, watch, title) == "2024-07-09"


def test_a_season_after_the_watchs_quoted_title_is_the_watchs() -> None:
    # the closing quotation mark sits between the title (with its colon) and its season
    title = "Comic Con roundup: Streamly releases 'Harbour Lights: Tides' Season 4 teaser"
    body = (
        "<p>At today's Comic Con panels, Streamly also releases a teaser for \u201cHarbour "
        "Lights: Tides\u201d Season 4.</p>"
    )
    assert trailers(body, TIDES4, title) == {"https://news.example/story"}


def test_another_work_in_quotation_marks_is_the_subject_of_its_date() -> None:
    title = "Comic Con roundup: Streamly releases 'Harbour Lights: Tides' Season 4 teaser"
    body = (
        "<p>At today's Comic Con panels, Streamly dates \u201cHarbour Lights: Dawn\u201d and "
        "also releases a teaser for \u201cHarbour Lights: Tides\u201d Season 4.</p>"
        "<p>Streamly said that its second drama in the \u201cHarbour Lights\u201d universe, "
        "\u201cHarbour Lights: Dawn,\u201d will premiere Jan. 9, 2025 on the service.</p>"
    )
    assert release(body, TIDES4, title) is None
    assert trailers(body, TIDES4, title) == {"https://news.example/story"}


def test_what_a_show_has_always_done_is_a_habit_not_a_date() -> None:
    body = (
        "<p>No date has been set for The Quarry Line season 2. The show has always "
        "debuted in March, so Streamly may hold the new season until March 2025.</p>"
    )
    assert release(body, QUARRY2) is None


def test_a_recent_premiere_of_a_show_renewed_for_the_watched_season_is_the_first() -> None:
    # the page says season 2 was only just ordered: the premiere it tells is the first's
    body = (
        "<h2>The Quarry Line</h2>"
        "<p>The Quarry Line is one of Streamly's newest hits, having premiered in early June. "
        "So it is no surprise that Streamly has decided to renew it for a second season.</p>"
    )
    assert release(body, QUARRY2) is None
