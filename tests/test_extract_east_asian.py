"""Japanese and Korean pages: release words written without spaces, seasons counted with
a counter ("第2期"), a later cour dated apart from its season, names with particles or a
number joined on, and their words for a trailer (and a teaser still, which is none)."""

from __future__ import annotations

from support import first_release, news_page

from scraper.extract import extract, subject
from scraper.models import Watch
from scraper.parse.documents import parse_documents

LANTERN = Watch("Lantern Fox", 2, ("灯狐",))
HARBOR = Watch("Harbor Lights", 2, ("항구의 불빛",))
# (a page is read as Japanese or Korean when most of its opening letters are: some more)
JA_MORE = "<p>原作は港町を舞台にした小説で、狐の少女と灯台守の物語を描く。</p>"
KO_MORE = "<p>이 작품은 바닷가 마을의 등대지기와 여우 소녀 이야기를 그린 드라마다.</p>"


def _trailers(body: str, watch: Watch, url: str) -> list[str]:
    doc = parse_documents(news_page(body, "2025-06-10"), url)[0]
    return [f.url for f in extract(doc, watch) if f.kind == "trailer"]


def test_a_japanese_season_counted_with_its_counter_and_its_broadcast() -> None:
    body = "<p>アニメ『灯狐』第2期が2026年1月9日から放送されることが決まった。</p>" + JA_MORE
    assert first_release(body, LANTERN, published="2025-06-10") == ("2026-01-09", "day")


def test_another_seasons_count_is_not_the_watch() -> None:
    body = "<p>アニメ『灯狐』第3期が2026年1月9日から放送されることが決まった。</p>" + JA_MORE
    assert first_release(body, LANTERN, published="2025-06-10") is None


def test_a_later_cour_is_a_part_and_not_the_seasons_premiere() -> None:
    assert subject.part_references("『灯狐』第2クールは10月から") == [(4, 9, 2)]
    body = "<p>アニメ『灯狐』第2期の第2クールが10月3日から放送される。</p>" + JA_MORE
    assert first_release(body, LANTERN, published="2025-06-10") is None


def test_a_pv_put_out_in_japanese_is_a_trailer_a_teaser_visual_is_not() -> None:
    url = "https://anime.example.jp/news/1"
    out = "<p>『灯狐』第2期の本PVが公開された。</p>" + JA_MORE
    assert _trailers(out, LANTERN, url) == [url]
    still = "<p>『灯狐』第2期のティザービジュアルが公開された。</p>" + JA_MORE
    assert _trailers(still, LANTERN, url) == []


def test_a_pv_in_full_width_letters_or_spelled_out_is_a_trailer() -> None:
    # Japanese text often sets the Latin "PV" in full-width letters
    url = "https://anime.example.jp/news/4"
    full_width = "<p>『灯狐』第2期の新ティザービジュアルと\uff30\uff36が公開。</p>" + JA_MORE
    assert _trailers(full_width, LANTERN, url) == [url]
    spelled = "<p>『灯狐』第2期のプロモーションビデオが公開された。</p>" + JA_MORE
    assert _trailers(spelled, LANTERN, url) == [url]


def test_a_japanese_trailer_still_to_come_is_none() -> None:
    url = "https://anime.example.jp/news/2"
    body = "<p>『灯狐』第2期の予告映像は来月公開予定だ。</p>" + JA_MORE
    assert _trailers(body, LANTERN, url) == []


def test_a_korean_trailer_put_out() -> None:
    url = "https://drama.example.kr/news/3"
    body = "<p>'항구의 불빛' 시즌2 메인 예고편이 공개됐다.</p>" + KO_MORE
    assert _trailers(body, HARBOR, url) == [url]


def test_a_korean_name_with_its_particle_and_its_number_joined_on() -> None:
    assert subject.title_mentions("<항구의 불빛>이 돌아온다", HARBOR)
    refs = subject.season_references("넷플릭스는 <항구의 불빛2>를 공개한다", HARBOR)
    assert [r.season for r in refs] == [2]


def test_a_latin_title_keeps_its_word_boundaries() -> None:
    assert subject.title_mentions("Lantern Foxes are here", LANTERN) == []


def test_a_stamp_in_figures_year_first_dates_the_page() -> None:
    body = (
        '<div class="byline">입력: 2025.06.10 08:15</div>'
        "<p>'항구의 불빛' 시즌2는 7월 4일 공개된다.</p>" + KO_MORE + KO_MORE
    )
    assert first_release(body, HARBOR, published=None) == ("2025-07-04", "day")


def test_a_day_of_next_month_counted_from_the_article() -> None:
    from datetime import date

    from scraper.extract.dates import find_dates

    found = find_dates("다음 달 3일 첫 방송", date(2025, 12, 20), foreign=True)
    assert [(m.value, m.precision) for m in found] == [("2026-01-03", "day")]
    found = find_dates("来月12日から配信", date(2025, 6, 10), foreign=True)
    assert [(m.value, m.precision) for m in found] == [("2025-07-12", "day")]


def test_portuguese_future_of_estrear_is_a_release_verb() -> None:
    body = "<p>A segunda temporada de Harbor Lights estreará no dia 4 de abril de 2025.</p>"
    assert first_release(body, HARBOR, published="2024-11-20") == ("2025-04-04", "day")
