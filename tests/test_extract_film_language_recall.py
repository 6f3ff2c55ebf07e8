"""Announced dates and released trailers the extractor used to miss, mostly on film pages
and pages in other languages: what governs a date that has no verb of its own, whose
season an ordinal stands for, what a page's language is, which clause a hedge or a
"when" belongs to (session 11's recall work).

Every sentence here is written for the test; none comes from an article."""

from __future__ import annotations

from scraper.extract import extract, read
from scraper.extract.text import sentences
from scraper.models import Watch
from scraper.parse.documents import parse_documents

HARBOR_GATE = Watch("Harbor Gate", None, ())
TIDEWATER2 = Watch("Tidewater Lane", 2, ())
URL = "https://news.example/story"


def _doc(  # noqa: ANN202
    body: str, title: str = "Film news", lang: str = "en", published: str | None = "2024-06-12"
):
    meta = (
        f'<meta property="article:published_time" content="{published}T10:00:00Z">'
        if published
        else ""
    )
    page = (
        f'<html lang="{lang}"><head><title>{title}</title>{meta}</head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )
    return parse_documents(page, URL)[0]


def release(body: str, watch: Watch, **page: str | None) -> str | None:
    found = [f.date for f in extract(_doc(body, **page), watch) if f.kind == "release_date"]
    return found[0] if found else None


def trailers(body: str, watch: Watch, **page: str | None) -> list[str]:
    return [f.url for f in extract(_doc(body, **page), watch) if f.kind == "trailer"]


def fired(body: str, watch: Watch, value: str, **page: str | None) -> set[str]:
    reading = read(_doc(body, **page), watch, complete=True)
    return {name for c in reading.dates if c.mention.value == value for name in c.features}


# ------------------------------------------------------------ what governs a date


def test_a_date_alone_after_a_dash_restates_when_the_clause_before_happens() -> None:
    body = (
        "<p>We can hardly wait for Harbor Gate, which opens in cinemas nearly two years "
        "to the day after the first film did \u2014 Sept. 6, 2024.</p>"
    )
    assert release(body, HARBOR_GATE) == "2024-09-06"


def test_a_sentence_that_is_only_its_date_answers_the_question_before_it() -> None:
    body = (
        "<p>Presentato a Cannes, Harbor Gate racconta la storia di un faro.</p><p>Finalmente "
        "il trailer in italiano di Harbor Gate. Quando l'uscita in sala? Il prossimo 14 "
        "ottobre.</p>"
    )
    assert release(body, HARBOR_GATE, lang="it", title="Harbor Gate: il trailer") == (
        "2024-10-14"
    )


def test_a_cinema_phrase_in_another_language_is_a_release() -> None:
    body = (
        "<h2>Harbor Gate</h2><p>La suite tant attendue arrive avec une bande-annonce "
        "sombre et tendue.</p><p>Rendez-vous en salle le 4 octobre</p>"
    )
    assert release(body, HARBOR_GATE, lang="fr", title="Les bandes-annonces de la semaine") == (
        "2024-10-04"
    )


def test_an_occasion_outside_the_dates_own_release_phrase_does_not_govern_it() -> None:
    body = (
        "<p>The crowd went wild at Comic-Con when the studio debuted the first trailer "
        "and poster for its June 2, 2025 release Harbor Gate.</p>"
    )
    assert "other_occasion" not in fired(body, HARBOR_GATE, "2025-06-02")
    assert release(body, HARBOR_GATE) == "2025-06-02"


def test_a_date_that_names_its_own_premiere_is_not_the_trailers() -> None:
    body = "<p>Comic-Con: the Tidewater Lane season 2 trailer and October 16 premiere</p>"
    assert "trailer_date" not in fired(body, TIDEWATER2, "2024-10-16")


def test_a_relative_clause_about_a_noun_in_apposition_dates_that_noun() -> None:
    watch = Watch("Marea Alta", None, ())
    body = (
        "<p>\u2018Marea Alta\u2019 ha publicado su primer tr\u00e1iler, una comedia muy "
        "esperada que llegar\u00e1 a los cines el 30 de enero de 2025.</p>"
    )
    assert release(body, watch, lang="es", title="Estrenos") == "2025-01-30"
    assert trailers(body, watch, lang="es", title="Estrenos") == [URL]


def test_a_date_before_a_verb_that_puts_out_a_trailer_is_the_trailers() -> None:
    watch = Watch("Marea Alta", None, ())
    body = (
        "<p>Este jueves 13 de junio ha sido lanzado un nuevo tr\u00e1iler de \u201cMarea "
        "Alta\u201d, a poco m\u00e1s de un mes de su estreno.</p><p>\u201cMarea Alta\u201d se "
        "estrenar\u00e1 en Estados Unidos el 26 de julio de 2024.</p>"
    )
    assert "trailer_date" in fired(body, watch, "2024-06-13", lang="es", title="Estrenos")
    assert release(body, watch, lang="es", title="Estrenos") == "2024-07-26"


# ------------------------------------------------------------ hedges that are not the date's


def test_as_originally_expected_is_a_comparison_not_a_hedge() -> None:
    body = (
        "<p>Instead of hitting theaters in May, as originally expected, Harbor Gate is "
        "now slated to open on February 8, 2025.</p>"
    )
    assert release(body, HARBOR_GATE) == "2025-02-08"


def test_earlier_than_expected_is_a_comparison_not_a_hedge() -> None:
    body = (
        "<p>The network also set the Tidewater Lane season 2 premiere: Sunday, October 13, "
        "two weeks earlier than expected.</p>"
    )
    assert release(body, TIDEWATER2) == "2024-10-13"


def test_what_to_expect_is_the_storys_content_not_a_guess_at_the_date() -> None:
    body = (
        "<p>Fans got a glimpse of what to expect from Harbor Gate which is set to open in "
        "cinemas later in December.</p>"
    )
    assert release(body, HARBOR_GATE) == "2024-12"


def test_the_exception_a_denial_leaves_is_stated() -> None:
    body = (
        "<p>Tidewater Lane season 2 has a new teaser.</p><p>Sadly, the streamer did not "
        "share a definite premiere date, aside from 2025, so all we can do is hope for "
        "news soon.</p>"
    )
    assert release(body, TIDEWATER2) == "2025"


# ------------------------------------------------------------ whose it is


def test_an_episode_name_in_apposition_is_no_other_work() -> None:
    watch = Watch("Tidewater Lane", 3, ())
    body = (
        '<p>Spoilers ahead for the season 3 premiere of Tidewater Lane, "Low Water / '
        'High Water", which aired Thursday, March 14 on Channel Nine.</p>'
    )
    assert release(body, watch, title="Recap", published="2024-03-15") == "2024-03-14"


def test_a_season_ordinal_standing_alone_names_the_season_said_before_it() -> None:
    watch = Watch("Tidewater Lane", 5, ())
    body = (
        "<p>Viele beliebte Serien bekommen neue Staffeln, die f\u00fcnfte von \u201eTidewater "
        "Lane\u201c wird aber erst November 2024 zu sehen sein.</p>"
    )
    assert release(body, watch, lang="de", title="Neu bei Netflix") == "2024-11"


# ------------------------------------------------------------ the page itself


def test_a_byline_that_stamps_only_a_month_gives_the_pages_year() -> None:
    body = (
        '<div class="byline">Le Site \u00b7 janvier 2017</div>'
        "<h2>Harbor Gate</h2><p>Le studio a avanc\u00e9 la sortie de trois mois.</p>"
        "<p>Rendez-vous en salle le 17 mai</p>"
    )
    assert release(body, HARBOR_GATE, lang="fr", title="Bandes-annonces", published=None) == (
        "2017-05-17"
    )


def test_the_watchs_english_name_does_not_make_a_french_page_english() -> None:
    watch = Watch("Tales of the Harbor", 2, ())
    body = (
        "<p>La saison 2 de Tales of the Harbor vient de d\u00e9voiler deux bandes-annonces. "
        "Les fans de Tales of the Harbor attendent la suite de la s\u00e9rie.</p><p>La saison 2 "
        "de Tales of the Harbor arrive bient\u00f4t, puisque les huit \u00e9pisodes seront "
        "diffus\u00e9s d\u00e8s le 16 juin 2024.</p>"
    )
    assert release(body, watch, lang="fr", title="Tales of the Harbor : la saison 2") == (
        "2024-06-16"
    )


def test_a_letters_full_stop_before_a_sentence_opener_ends_the_sentence() -> None:
    assert sentences("The studio saved the best for Hall H. The first trailer debuted.") == [
        "The studio saved the best for Hall H.",
        "The first trailer debuted.",
    ]
    assert len(sentences("It was directed by John F. Kennedy Jr. himself.")) == 1


# ------------------------------------------------------------ trailers


def test_when_a_trailer_comes_in_another_language_is_still_to_come() -> None:
    watch = Watch("Tidewater Lane", 3, ())
    body = "<p>La cadena lo anunci\u00f3 en sus redes.</p>"
    title = (
        "HBO confirma cu\u00e1ndo llega el primer tr\u00e1iler de la tercera temporada de "
        "Tidewater Lane"
    )
    assert trailers(body, watch, lang="es", title=title) == []


def test_the_main_preview_of_anime_news_is_a_trailer() -> None:
    body = (
        "<p>Tidewater Lane season 2 revealed the main preview, as well as an October 23 "
        "premiere date and two new cast members.</p>"
    )
    assert trailers(body, TIDEWATER2, title="Anime news") == [URL]


def test_a_french_trailer_doing_something_now_is_out() -> None:
    body = (
        "<h2>HARBOR GATE</h2><p>Entre fausses pistes et jeux de regard, la bande annonce "
        "laisse songeur. Sortie pr\u00e9vue le 27 mai.</p>"
    )
    assert trailers(body, HARBOR_GATE, lang="fr", title="Dix bandes annonces") == [URL]


def test_a_clause_whose_subject_is_the_film_dates_the_film_not_the_trailer() -> None:
    body = (
        "<p>Le nouveau trailer de \u00abHarbor Gate\u00bb a \u00e9galement \u00e9t\u00e9 "
        "diffus\u00e9, en sachant que le film sortira au cin\u00e9ma le 8 juillet.</p>"
    )
    page = {"lang": "fr", "title": "Super Bowl"}
    assert "trailer_date" not in fired(body, HARBOR_GATE, "2024-07-08", **page)
    assert release(body, HARBOR_GATE, **page) == "2024-07-08"


def test_a_season_after_the_watchs_quoted_title_is_the_watchs() -> None:
    watch = Watch("Star Harbor: Discovery", 3, ())
    body = "<p>The streamer released a teaser for \u201cStar Harbor: Discovery\u201d Season 3.</p>"
    title = "Roundup: Streamer Releases 'Star Harbor: Discovery' Season 3 Teaser"
    assert trailers(body, watch, title=title) == [URL]


def test_a_quoted_name_holding_a_colon_is_another_work_of_the_clause() -> None:
    watch = Watch("Star Harbor: Discovery", 3, ())
    body = (
        "<p>The streamer released a teaser for \u201cStar Harbor: Discovery\u201d Season 3.</p>"
        "<p>It also said that its second drama in the \u201cStar Harbor\u201d universe, "
        "\u201cStar Harbor: Picard,\u201d will premiere Jan. 23, 2025.</p>"
    )
    assert "other_work_named" in fired(body, watch, "2025-01-23")


def test_a_topic_shift_in_another_language_moves_the_story_on() -> None:
    body = (
        "<p>On commence avec HARBOR GATE. Le studio vient de publier une nouvelle "
        "bande-annonce, de quoi patienter avant la sortie le 16 d\u00e9cembre.</p>"
        "<p>On passe ensuite aux DEUX PHARES de Jean Martin. Sortie le 6 janvier 2025 : de "
        "quoi bien commencer l'ann\u00e9e.</p>"
    )
    page = {"lang": "fr", "title": "Trailers du jour"}
    assert "another_story" in fired(body, HARBOR_GATE, "2025-01-06", **page)
    assert release(body, HARBOR_GATE, **page) == "2024-12-16"


def test_french_sort_and_prevu_pour_govern_a_films_date() -> None:
    body = (
        "<p>Les fans de Harbor Gate retrouvent enfin leurs h\u00e9ros dans une bande-annonce "
        "tr\u00e8s sombre.</p><p>Le film sort le 25 f\u00e9vrier prochain.</p>"
    )
    assert release(body, HARBOR_GATE, lang="fr", title="Trailers", published="2025-02-09") == (
        "2025-02-25"
    )
