"""Articles in Czech, Slovene, Hungarian and Romanian: their month names (Hungarian's
written before the day, with a case ending after it), release words, season nouns and
trailer nouns (scraper/extract/languages.py).

Every sentence here is invented for the test (the shows are made up too)."""

from __future__ import annotations

from datetime import date

import pytest
from support import first_release

from scraper.extract.dates import find_dates
from scraper.models import Watch

ORCHARD = Watch("Orchard Lights", 2, ())


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        # Hungarian: the month first, the day with a case ending, the year (if any) before
        ("Az új évad június 12-én érkezik.", "2025-06-12", "day"),
        ("A filmet október 3-tól vetítik a mozik.", "2025-10-03", "day"),
        ("A bemutató 2026. február 20. lesz.", "2026-02-20", "day"),
        # Czech and Slovene: a day with its full stop and the month in the genitive
        ("Seriál bude mít premiéru 14. září.", "2025-09-14", "day"),
        ("Nova sezona se vrne 2. decembra.", "2025-12-02", "day"),
        # Romanian: "of the month of" before the month's name
        ("Serialul va avea premiera la începutul lunii noiembrie.", "2025-11", "month"),
    ],
)
def test_central_european_dates(text: str, value: str, precision: str) -> None:
    found = find_dates(text, date(2025, 5, 2), foreign=True)
    assert [(m.value, m.precision) for m in found] == [(value, precision)]


def test_a_hungarian_month_name_is_not_read_on_an_english_page() -> None:
    assert find_dates("The Budapest premiere was május 28-án.", date(2025, 5, 2)) == []


@pytest.mark.parametrize(
    "body",
    [
        "<p>A Netflix bejelentette, hogy az Orchard Lights második évada június 12-én"
        " debütál a platformon.</p>",
        "<p>Druhá řada seriálu Orchard Lights bude mít premiéru 12. června na Netflixu.</p>",
        "<p>Druga sezona serije Orchard Lights se na male zaslone vrne 12. junija.</p>",
        "<p>Sezonul 2 al serialului Orchard Lights va avea premiera pe 12 iunie.</p>",
    ],
)
def test_a_seasons_release_in_these_languages(body: str) -> None:
    assert first_release(body, ORCHARD, "https://tv.example/news/1", "2025-05-02", "TV") == (
        "2025-06-12",
        "day",
    )


# Japanese and Korean hedges and denials (languages.CJK_HEDGE_WORDS, CJK_NEGATION_WORDS).
SKYLINE = Watch("スカイライン", None, ("Skyline",))


def test_a_japanese_rumoured_day_gives_way_to_the_official_year() -> None:
    body = (
        "<p>映画「スカイライン」は2026年中に公開予定と公式に発表されている。</p>"
        "<p>ファンの間では「スカイライン」が2026年8月7日に公開されるのではないかという憶測が"
        "広がっている。</p>"
    )
    assert first_release(body, SKYLINE, "https://anime.example/ja/1", "2025-11-02", "映画") == (
        "2026",
        "year",
    )


def test_a_korean_date_called_undecided_is_no_release() -> None:
    body = (
        "<p>영화 '스카이라인'의 국내 개봉일은 아직 미정이며, 배급사는 12월 5일 시사회를 연다고"
        " 밝혔다.</p>"
        "<p>'스카이라인' 측은 12월 5일 개봉 여부는 미정이라고 전했다.</p>"
    )
    assert first_release(body, Watch("스카이라인", None, ()), "https://kr.example/1",
                         "2025-11-02", "영화") is None


# A plan given up, said right before its date in another language
# (languages.SUPERSEDED_WORDS): the date that replaced it is the release.
FILM = Watch("Saltmarsh", None, ())


@pytest.mark.parametrize(
    ("body", "url", "expected"),
    [
        (
            "<p>Według starego planu dystrybutora film Saltmarsh miał wejść do kin w Wigilię,"
            " czyli 24 grudnia. Teraz premiera wypada wcześniej: Saltmarsh trafi do kin 19"
            " grudnia, razem z innym hitem.</p>",
            "https://film.example/pl/1",
            ("2025-12-19", "day"),
        ),
        (
            "<p>Il film Saltmarsh doveva uscire nelle sale il 1 novembre. La distribuzione ha"
            " cambiato i piani: Saltmarsh arriverà al cinema il 25 ottobre.</p>",
            "https://film.example/it/1",
            ("2025-10-25", "day"),
        ),
    ],
)
def test_the_date_a_plan_was_to_keep_is_the_old_one(
    body: str, url: str, expected: tuple[str, str]
) -> None:
    assert first_release(body, FILM, url, "2025-05-02", "Film") == expected


def test_a_korean_comparison_with_the_old_date_dates_the_new_one() -> None:
    body = (
        "<p>영화 '소금늪'이 기존 개봉일보다 하루 앞당겨진 10월 25일로 개봉일을 확정했다.</p>"
        "<p>'소금늪'은 오는 10월 25일 개봉.</p>"
    )
    assert first_release(body, Watch("소금늪", None, ()), "https://kr.example/1", "2025-05-02",
                         "영화") == ("2025-10-25", "day")


# A release told after the trailer in a clause or a noun of its own is the season's, not
# the trailer's (languages.SUBORDINATORS, RELEASE_NOUNS).
@pytest.mark.parametrize(
    ("body", "url"),
    [
        (
            "<p>Orchard Lights säsong 2 närmar sig.</p><p>I helgen släpptes en ny teaser inför"
            " säsongen, samtidigt som kanalen meddelade att serien har premiär den 12 juni.</p>",
            "https://tv.example/se/1",
        ),
        (
            "<p>La chaîne a mis en ligne la bande-annonce de la saison 2 d'Orchard Lights à"
            " une semaine de la diffusion -le 12 juin- sur Netflix.</p>",
            "https://tv.example/fr/1",
        ),
    ],
)
def test_a_release_after_the_trailer_in_its_own_clause(body: str, url: str) -> None:
    assert first_release(body, ORCHARD, url, "2025-05-02", "TV") == ("2025-06-12", "day")


def test_a_relative_clause_of_the_trailer_still_dates_the_trailer() -> None:
    body = (
        "<p>Netflix anunció un tráiler que llegará el 12 de junio para la segunda temporada"
        " de Orchard Lights.</p>"
    )
    assert first_release(body, ORCHARD, "https://tv.example/es/1", "2025-05-02", "TV") is None


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("배급사는 이 영화를 내년 4월 18일 북미에서 개봉한다고 밝혔다.", "2026-04-18", "day"),
        ("映画は来年3月7日に公開される。", "2026-03-07", "day"),
        ("시즌2는 내년 3월 공개 예정이다.", "2026-03", "month"),
    ],
)
def test_next_year_with_its_month_and_day_is_one_date(
    text: str, value: str, precision: str
) -> None:
    # (published in May: the nearest April 18 would be this year's, a month back)
    found = find_dates(text, date(2025, 5, 2), foreign=True)
    assert [(m.value, m.precision) for m in found] == [(value, precision)]


# Korean and Japanese put the object before the verb: a date whose verb puts out a trailer
# dates the trailer, not the season.
@pytest.mark.parametrize(
    "body",
    [
        "<p>넷플릭스의 인기 시리즈 '오차드 라이츠'가 시즌2로 돌아옵니다!</p><p>9월 3일,"
        " 넷플릭스는 '오차드 라이츠2'의 티저 포스터, 예고편, 스틸컷을 공개하며 팬들의 관심을"
        " 모았습니다.</p>",
        "<p>「オーチャード・ライツ」第2期の制作が進行中。9月3日、公式サイトは第2期のPVを"
        "公開した。</p>",
    ],
)
def test_the_day_a_trailer_is_put_out_is_not_the_release(body: str) -> None:
    watch = Watch("오차드 라이츠" if "오차드" in body else "オーチャード・ライツ", 2, ())
    assert first_release(body, watch, "https://kr.example/2", "2025-09-04", "TV") is None


# A year in the verb-second languages: fronted before the verb, or after Dutch "in".
@pytest.mark.parametrize(
    ("body", "url"),
    [
        (
            "<p>Die Fans von Orchard Lights dürfen sich freuen.</p><p>2026 kehrt die Serie mit"
            " einer zweiten Staffel zu Netflix zurück.</p>",
            "https://tv.example/de/1",
        ),
        (
            "<p>Netflix bevestigt een tweede seizoen van Orchard Lights. Het tweede seizoen,"
            " dat in 2026 uitkomt, speelt een jaar later.</p>",
            "https://tv.example/nl/1",
        ),
    ],
)
def test_a_year_fronted_or_after_dutch_in(body: str, url: str) -> None:
    assert first_release(body, ORCHARD, url, "2025-05-02", "TV") == ("2026", "year")


def test_a_dutch_trailer_seen_in_the_article_is_reported() -> None:
    from support import news_page

    from scraper.extract import extract
    from scraper.parse.documents import parse_documents

    body = (
        "<p>Netflix bevestigt een tweede seizoen van Orchard Lights. We krijgen de titels van"
        " de acht afleveringen al te zien in een nieuwe trailer.</p>"
    )
    doc = parse_documents(news_page(body, "2025-05-02", "TV"), "https://tv.example/nl/2")[0]
    assert [f.kind for f in extract(doc, ORCHARD)] == ["trailer"]


@pytest.mark.parametrize(
    ("body", "url"),
    [
        (
            "<p>A segunda temporada de Orchard Lights deverá entrar no ar no ano que vem,"
            " segundo o produtor.</p>",
            "https://tv.example/br/1",
        ),
        (
            "<p>Het tweede seizoen van Orchard Lights verschijnt naar verwachting in 2026.</p>",
            "https://tv.example/nl/3",
        ),
        (
            "<p>Az Orchard Lights második évada várhatóan 2026-ban érkezik.</p><p>A Netflix"
            " még nem jelentett be dátumot, de az évad várhatóan június 12-én debütál.</p>",
            "https://tv.example/hu/1",
        ),
    ],
)
def test_an_expectation_is_no_announcement(body: str, url: str) -> None:
    assert first_release(body, ORCHARD, url, "2025-05-02", "TV") is None


@pytest.mark.parametrize(
    ("body", "url"),
    [
        (
            "<p>A segunda temporada de Orchard Lights vai entrar no ar no ano que vem, segundo"
            " a emissora.</p>",
            "https://tv.example/br/2",
        ),
        ("<p>Az Orchard Lights második évada 2026-ban érkezik.</p>", "https://tv.example/hu/2"),
    ],
)
def test_the_same_without_the_expectation_is_the_year(body: str, url: str) -> None:
    assert first_release(body, ORCHARD, url, "2025-05-02", "TV") == ("2026", "year")


SALTMARSH = Watch("Saltmarsh", None, ())


@pytest.mark.parametrize(
    "body",
    [
        # a leak taken at its word is still a leak
        "<p>Dando per buono il leak di un account locale, Saltmarsh uscirà nelle sale il 12"
        " giugno.</p>",
        "<p>Según una filtración de una cadena de cines, Saltmarsh llegará a los cines el 12"
        " de junio.</p>",
        # a release date not yet set, in Japanese: the screening is another occasion
        "<p>映画「Saltmarsh」の公開日はまだ決まっていないが、6月12日に特別上映会が開かれる。</p>",
    ],
)
def test_a_leak_or_an_unset_date_is_no_release(body: str) -> None:
    assert first_release(body, SALTMARSH, "https://film.example/x/1", "2025-05-02", "Film") is None


def test_an_austrian_month_name() -> None:
    body = "<p>Die zweite Staffel von Orchard Lights startet am 12. Feber 2026 im ORF.</p>"
    assert first_release(body, ORCHARD, "https://tv.example/at/1", "2025-05-02", "TV") == (
        "2026-02-12",
        "day",
    )


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Nesta quinta-feira, 15, estreia a nova temporada.", date(2024, 8, 14), "2024-08-15"),
        ("A série chega na sexta-feira (16) à plataforma.", date(2024, 8, 14), "2024-08-16"),
        ("La serie llega el próximo viernes 20 a Netflix.", date(2025, 6, 16), "2025-06-20"),
    ],
)
def test_a_weekday_with_its_day_of_the_month(text: str, published: date, value: str) -> None:
    found = find_dates(text, published, foreign=True)
    assert [(m.value, m.precision) for m in found] == [(value, "day")]


@pytest.mark.parametrize(
    "text",
    [
        "Il ritorno di Mercoledì 2 alimenta attese e teorie.",  # a title that is a weekday
        "La gala empieza el sábado 20h en Madrid.",  # an hour
        "Nesta quinta-feira, 16, a série volta.",  # no Thursday the 16th near August 2024
    ],
)
def test_a_weekday_with_a_number_that_is_no_day(text: str) -> None:
    assert find_dates(text, date(2024, 8, 14), foreign=True) == []


def test_a_portuguese_show_that_got_a_teaser() -> None:
    from support import news_page

    from scraper.extract import extract
    from scraper.parse.documents import parse_documents

    body = (
        "<p>Orchard Lights volta para uma segunda temporada em 2026. A série ganhou um teaser"
        " recente e tem estreia prevista para o inverno.</p>"
    )
    doc = parse_documents(news_page(body, "2025-05-02", "TV"), "https://tv.example/br/3")[0]
    assert "trailer" in [f.kind for f in extract(doc, ORCHARD)]
