"""A page in another language read as its reader reads it: the page's own stamp when
it is written in that language (a month and year alone, a weekday and a date, after
"Publicado el" or "Veröffentlicht am") dates its yearless dates; a clause of its own after
a comma or a colon says its date of its own subject, not of the trailer before it; a date
nearest a word of filming is when the show is made.

Every sentence here is invented for the test (the shows are made up too)."""

from __future__ import annotations

import pytest
from support import first_release, news_page

from scraper.extract.candidates import _foreign_stamp
from scraper.models import Watch

LANTERN = Watch("Harbor Lantern", 2, ())
LANTERN_3 = Watch("Harbor Lantern", 3, ())


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("noviembre de 2021", "2021-11"),
        ("März 2022", "2022-03"),
        ("mai 2023", "2023-05"),
        ("april 2019", "2019-04"),
        ("Sábado 14 de mayo de 2022", "2022-05-14"),
        ("Veröffentlicht am 8. Juni 2021, 09:30 Uhr", "2021-06-08"),
        ("Mis à jour le 2 février 2020 à 18h05", "2020-02-02"),
        ("Aggiornato il 30 gennaio 2024 alle 11:15", "2024-01-30"),
    ],
)
def test_a_line_that_is_only_a_stamp(line: str, value: str) -> None:
    assert [m.value for m in _foreign_stamp(line, None)] == [value]


@pytest.mark.parametrize(
    "line",
    [
        "Llegará en 2022 a la plataforma",  # a sentence of news
        "14 de mayo",  # a listing's date, no year
        "Staffel 2 ab März 2022",  # a season's start
    ],
)
def test_a_line_of_news_is_no_stamp(line: str) -> None:
    assert _foreign_stamp(line, None) == []


@pytest.mark.parametrize(
    ("stamp", "body", "expected"),
    [
        (
            "noviembre de 2021",
            "Starz mostró hoy el avance de la segunda temporada de Harbor Lantern. "
            "Los nuevos capítulos arribarán a la televisión el 16 de enero.",
            ("2022-01-16", "day"),
        ),
        (
            "März 2022",
            "Die zweite Staffel von Harbor Lantern hat einen Termin. "
            "Notiert euch den 9. Mai, denn an diesem Tag startet die zweite Staffel.",
            ("2022-05-09", "day"),
        ),
        (
            # (the stamp's month, not only its year: January after December is next year's)
            "Sábado 3 de diciembre de 2022",
            "La segunda temporada de Harbor Lantern llega el 20 de enero.",
            ("2023-01-20", "day"),
        ),
        (
            "april 2019",
            "Harbor Lantern sæson 2 får premiere 24. maj, og det er bekræftet af kanalen.",
            ("2019-05-24", "day"),
        ),
    ],
)
def test_the_stamp_dates_a_yearless_day(
    stamp: str, body: str, expected: tuple[str, str]
) -> None:
    page = f'<div class="byline">{stamp}</div><p>{body}</p>'
    assert first_release(page, LANTERN, "https://tv.example/a", None, "Harbor Lantern") == expected


def _rules(body: str, watch: Watch, value: str) -> dict[str, str]:
    """The rules that fired on the candidate `value` of a page around `body` (every rule
    read, as --explain reads them)."""
    from scraper.extract import read
    from scraper.parse.documents import parse_documents

    doc = parse_documents(news_page(body, "2022-05-02", "TV"), "https://tv.example/b")[0]
    reading = read(doc, watch, complete=True)
    return next(c.features for c in reading.dates if c.mention.value == value)


@pytest.mark.parametrize(
    "body",
    [
        # the relative clause is said of the season, not of the teaser
        "<p>Netflix publicó el martes el primer tráiler de la segunda temporada de Harbor "
        "Lantern, la cual regresará a la plataforma el 2 de julio.</p>",
        # what the trailer reveals, after the colon, is a clause of its own
        "<p>Wann die zweite Staffel kommt, verrät der Trailer auch: Ab dem 2. Juli laufen die "
        "neuen Folgen von Harbor Lantern bei Netflix.</p>",
    ],
)
def test_a_clause_of_its_own_after_the_trailer(body: str) -> None:
    assert "trailer_date" not in _rules(body, LANTERN, "2022-07-02")


def test_an_english_title_with_a_colon_keeps_the_trailers_date() -> None:
    body = "<p>The full trailer for Harbor Lantern: Tides is set to drop on July 2.</p>"
    assert "trailer_date" in _rules(body, LANTERN, "2022-07-02")


def test_a_filming_month_is_no_release() -> None:
    body = (
        "<p>Vuelven los faroles: en noviembre empieza a rodarse Harbor Lantern 3, "
        "según contó su protagonista.</p>"
    )
    assert "production" in _rules(body, LANTERN_3, "2022-11")


@pytest.mark.parametrize(
    "body",
    [
        "<p>Ese calendario dejaría que la tercera temporada de Harbor Lantern se estrenase "
        "en 2024.</p>",
        "<p>Selon le producteur, la saison 3 de Harbor Lantern arriverait en 2024.</p>",
        "<p>La terza stagione di Harbor Lantern arriverebbe nel 2024, dice il regista.</p>",
    ],
)
def test_a_verb_in_the_conditional_is_a_guess(body: str) -> None:
    assert "hedge" in _rules(body, LANTERN_3, "2024")


def _trailer_urls(body: str, watch: Watch) -> list[str]:
    from scraper.extract import extract
    from scraper.parse.documents import parse_documents

    doc = parse_documents(news_page(body, "2022-05-02", "TV"), "https://tv.example/t")[0]
    return [f.url for f in extract(doc, watch) if f.kind == "trailer"]


@pytest.mark.parametrize(
    "body",
    [
        # Danish: the trailer's definite form, and "anden sæson" (the second season)
        "<p>Netflix har udgivet traileren til anden sæson af Harbor Lantern.</p>",
        # Norwegian: "andre sesong" (the second season), released ("sluppet")
        "<p>Kanalen har sluppet traileren for andre sesong av Harbor Lantern.</p>",
        # Italian: "lanciando il nuovo trailer"
        "<p>La rete ha sorpreso tutti lanciando il nuovo trailer della seconda stagione di "
        "Harbor Lantern.</p>",
    ],
)
def test_a_trailer_reported_out_in_another_language(body: str) -> None:
    assert _trailer_urls(body, LANTERN) == ["https://tv.example/t"]


def test_a_nordic_second_season_is_the_watched_one() -> None:
    body = "<p>Andre sesong av Harbor Lantern kommer til strømmetjenesten 9. juni.</p>"
    assert first_release(body, LANTERN, "https://tv.example/n", "2022-05-02", "TV") == (
        "2022-06-09",
        "day",
    )


def test_a_french_appointment_is_the_release() -> None:
    body = (
        "<p>La dernière bande-annonce de la saison 2 de Harbor Lantern est là.</p>"
        "<p>Rendez-vous le 9 juin sur la plateforme, avec une nouveauté : trois épisodes "
        "d'un coup.</p>"
    )
    assert first_release(body, LANTERN, "https://tv.example/f", "2022-05-02", "TV") == (
        "2022-06-09",
        "day",
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("La serie vuelve el próximo cuatro de octubre.", "2022-10-04"),
        ("A temporada estreia no dia primeiro de julho.", "2022-07-01"),
    ],
)
def test_a_day_written_as_a_word(text: str, value: str) -> None:
    from datetime import date

    from scraper.extract.dates import find_dates

    assert [m.value for m in find_dates(text, date(2022, 5, 2), foreign=True)] == [value]


def test_a_video_titled_with_the_season_in_another_language_is_the_watchs() -> None:
    body = (
        "<p>A Netflix divulgou o trailer da segunda temporada de Harbor Lantern.</p>"
        '<figure><iframe src="https://www.youtube.com/embed/hL2tmp0ra2A" '
        'title="Harbor Lantern: Temporada 2 | Trailer oficial | Netflix"></iframe></figure>'
    )
    assert _trailer_urls(body, LANTERN) == ["https://www.youtube.com/watch?v=hL2tmp0ra2A"]


def test_the_danish_future_auxiliary_is_no_release_verb() -> None:
    body = "<p>Fans af Harbor Lantern kommer til at vente på anden sæson til den 9. juni.</p>"
    assert _rules(body, LANTERN, "2022-06-09").get("release_verb") != "kommer til"


def test_a_croatian_day_and_its_stamp() -> None:
    page = (
        '<div class="byline">ožujak 2022</div>'
        "<p>Netflix je potvrdio da druga sezona serije Harbor Lantern stiže na platformu "
        "6. svibnja.</p>"
    )
    assert first_release(page, LANTERN, "https://tv.example/hr", None, "Harbor Lantern") == (
        "2022-05-06",
        "day",
    )
