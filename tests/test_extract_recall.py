"""Announcements the extractor used to read and then score below the threshold: the
date was a candidate, but what the sentence said about whose it was, or how it was
worded, was misread (session 10's recall work).

Every sentence here is written for the test; none comes from an article."""

from __future__ import annotations

from scraper.extract import extract, read
from scraper.extract.subject import season_references
from scraper.models import Watch
from scraper.parse.documents import parse_documents

TIDEWATER2 = Watch("Tidewater Lane", 2, ())
COPPER3 = Watch("Copper Canyon", 3, ())


def _doc(body: str, title: str = "TV news", lang: str = "en", published: str = "2024-06-12"):  # noqa: ANN202
    page = (
        f'<html lang="{lang}"><head><title>{title}</title>'
        f'<meta property="article:published_time" content="{published}T10:00:00Z"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )
    return parse_documents(page, "https://news.example/story")[0]


def release(body: str, watch: Watch, **page: str) -> str | None:
    found = [f.date for f in extract(_doc(body, **page), watch) if f.kind == "release_date"]
    return found[0] if found else None


def fired(body: str, watch: Watch, value: str, **page: str) -> set[str]:
    reading = read(_doc(body, **page), watch, complete=True)
    return {name for c in reading.dates if c.mention.value == value for name in c.features}


# ------------------------------------------------------------ whose season it is


def test_a_season_in_a_clause_after_the_date_is_not_the_dates() -> None:
    # "after the first season ran" is a clause of its own: the date is the return's
    body = (
        "<p>The network has picked a premiere date for the second season of Tidewater "
        "Lane.</p><p>The drama comes back Sunday, September 8, after the first season ran "
        "on Tuesdays last spring.</p>"
    )
    assert release(body, TIDEWATER2, title="Tidewater Lane Season 2 gets a date") == "2024-09-08"


def test_its_season_points_back_to_the_title_named_before() -> None:
    body = (
        "<ul><li>Copper Canyon won little notice for its second season outside the "
        "writers' guild. Its third season will premiere July 19.</li></ul>"
    )
    assert release(body, COPPER3, title="Summer streaming dates") == "2024-07-19"


def test_the_season_of_the_series_points_back_to_the_title_named_before() -> None:
    body = (
        "<p>The channel is rerunning the first season of Copper Canyon in August. "
        "The third season of the hit series is scheduled to launch on October 2 on the "
        "streaming service.</p>"
    )
    assert release(body, COPPER3, title="Summer streaming dates") == "2024-10-02"


def test_its_season_with_no_title_named_before_is_not_the_watchs() -> None:
    body = (
        "<p>The rival western Dust Riders was renewed in May. Its third season will "
        "premiere July 19.</p>"
    )
    assert release(body, COPPER3, title="Summer streaming dates") is None


# ------------------------------------------------------------ rules read too widely


def test_a_setting_closed_by_a_comma_does_not_date_the_story() -> None:
    body = (
        "<p>Tidewater Lane Season 2 is on the way.</p><p>The new season, set in Lisbon, "
        "will debut in early 2025.</p>"
    )
    assert "story_setting" not in fired(body, TIDEWATER2, "2025")
    assert release(body, TIDEWATER2, title="Tidewater Lane Season 2") == "2025"


def test_a_product_word_in_a_compound_is_no_other_product() -> None:
    body = (
        "<p>Tidewater Lane Season 2 is coming.</p><p>The confirmed news is that the video "
        "game-inspired drama will have eight episodes and be released in early 2025.</p>"
    )
    assert "other_product" not in fired(body, TIDEWATER2, "2025")


def test_the_network_bet_is_no_hedge() -> None:
    body = "<p>Tidewater Lane returns for Season 2 on BET on Wednesday, October 9.</p>"
    assert "hedge" not in fired(body, TIDEWATER2, "2024-10-09")
    assert release(body, TIDEWATER2) == "2024-10-09"


# ------------------------------------------------------------ other languages


def test_korean_and_japanese_seasons_take_the_number_without_a_space() -> None:
    watch = Watch("Tidewater Lane", 2, ())
    assert [r.season for r in season_references("시즌2의 공개일", watch)] == [2]
    assert [r.season for r in season_references("シーズン3 配信決定", watch)] == [3]
    assert season_references("시즌2024", watch) == []


def test_a_portuguese_ordinal_with_point_and_indicator_is_a_season() -> None:
    refs = season_references("2.ª Temporada - Prime Video - 11 de janeiro", TIDEWATER2)
    assert [r.season for r in refs] == [2]


def test_a_korean_confirmation_of_the_second_seasons_date() -> None:
    watch = Watch("Tidewater Lane", 2, ("타이드워터",))
    # (a page is read as Korean once its first sentences hold more Hangul than Latin)
    body = (
        "<p>넷플릭스는 '타이드워터' 시즌2의 공개를 오는 10월 25일로 확정했다.</p>"
        "<p>항구 마을을 배경으로 한 이 드라마는 첫 시즌에서 많은 시청자의 사랑을 받았다.</p>"
    )
    assert release(body, watch, lang="ko", title="넷플릭스 신작") == "2024-10-25"


def test_german_available_to_stream_is_a_release() -> None:
    watch = Watch("Tidewater Lane", 3, ())
    body = (
        "<p>Am 24. Juli werden zehn neue Folgen der dritten Staffel von \u201eTidewater "
        "Lane\u201c abrufbar sein.</p>"
    )
    assert release(body, watch, lang="de", title="Neu im Juli") == "2024-07-24"


def test_spanish_arrancar_starts_a_season() -> None:
    watch = Watch("Tidewater Lane", 4, ())
    body = (
        "<p>Tidewater Lane tiene fecha: el 3 de octubre de 2024 arranca la cuarta "
        "temporada.</p>"
    )
    assert release(body, watch, lang="es", title="Estrenos") == "2024-10-03"


def test_the_misspelt_its_with_a_curly_apostrophe_is_no_show_name() -> None:
    body = (
        "<ul><li>Copper Canyon\u2019s first season drew a small crowd. It\u2019s third "
        "season will premiere July 19.</li></ul>"
    )
    assert release(body, COPPER3, title="Summer streaming dates") == "2024-07-19"


def test_a_german_release_noun_in_a_relative_clause_dates_the_season_not_the_clip() -> None:
    watch = Watch("Tidewater Lane", 2, ())
    body = (
        "<p>Gezeigt wurde ein kurzer Promo-Clip zur zweiten Staffel von \u201eTidewater "
        "Lane\u201c, deren Ver\u00f6ffentlichung nun f\u00fcr den 14. November angek\u00fcndigt "
        "wurde.</p>"
    )
    assert "trailer_date" not in fired(body, watch, "2024-11-14", lang="de", title="Neu")
    assert release(body, watch, lang="de", title="Neu") == "2024-11-14"


# ------------------------------------------------------------ a day of the month alone


def test_the_day_of_the_month_alone_is_the_next_such_day() -> None:
    from datetime import date

    from scraper.extract.dates import find_dates

    published = date(2025, 1, 20)
    [later] = find_dates("The second season drops on the 24th.", published)
    assert later.value == "2025-01-24"
    [passed] = find_dates("The second season drops on the 2nd at 9pm.", published)
    assert passed.value == "2025-02-02"  # the 2nd of January has gone: February's
    assert find_dates("Her office is on the 14th floor.", published) == []
    [dia] = find_dates("A temporada estreia no pr\u00f3ximo dia 27.", published, foreign=True)
    assert dia.value == "2025-01-27"


def test_a_portuguese_next_day_number_dates_the_second_season() -> None:
    watch = Watch("Tidewater Lane", 2, ())
    body = (
        "<p>Confira a seguir as s\u00e9ries mais aguardadas para este ano.</p>"
        "<h2>Tidewater Lane</h2><p>A segunda temporada da s\u00e9rie, um dos maiores "
        "sucessos da plataforma, estreia no pr\u00f3ximo dia 17.</p>"
    )
    assert (
        release(body, watch, lang="pt", title="As estreias de 2025", published="2025-01-04")
        == "2025-01-17"
    )


# ------------------------------------------------------------ a year in another language


def test_another_languages_year_after_a_preposition_is_a_window() -> None:
    from datetime import date

    from scraper.extract.dates import find_dates

    published = date(2024, 3, 2)
    for sentence in (
        "La segunda temporada llegará en 2025.",
        "Die zweite Staffel startet im Jahr 2025.",
        "La seconda stagione arriverà all'inizio del 2025.",
        "A segunda temporada chega no início de 2025.",
    ):
        [found] = find_dates(sentence, published, foreign=True)
        assert (found.value, found.precision) == ("2025", "year"), sentence
    # in English, "no" before a year is a negation, not Portuguese's "in the"
    assert find_dates("There is no 2025 date yet.", published) == []


def test_a_spanish_window_for_the_season_is_reported_and_a_past_one_is_not() -> None:
    watch = Watch("Tidewater Lane", 2, ())
    announced = (
        "<p>La plataforma confirmó que la segunda temporada de Tidewater Lane llegará en "
        "2025, aunque todavía no hay un día concreto para el estreno de los episodios.</p>"
    )
    assert release(announced, watch, lang="es", title="Series") == "2025"
    history = (
        "<p>La primera temporada de Tidewater Lane se estrenó en 2019 y fue un éxito. "
        "Todavía no hay fecha para la segunda temporada de la serie.</p>"
    )
    assert release(history, watch, lang="es", title="Series") is None


def test_a_show_coming_back_in_another_language_starts_its_next_season() -> None:
    # no season named: "volta" (comes back) after the page's date is the coming season's
    # start, as "returns" is in English
    watch = Watch("Tidewater Lane", 2, ())
    body = (
        "<p>Depois de um sucesso instant\u00e2neo ao estrear-se em janeiro de 2025, "
        "Tidewater Lane volta ao servi\u00e7o a 23 de fevereiro, altura em que ser\u00e3o "
        "lan\u00e7ados tr\u00eas epis\u00f3dios da s\u00e9rie.</p>"
    )
    assert (
        release(body, watch, lang="pt", title="As s\u00e9ries de 2026", published="2026-01-05")
        == "2026-02-23"
    )


# ------------------------------------------------------------ a new season on a new night


def test_a_season_returning_on_a_new_night_is_its_start_not_a_slot_move() -> None:
    watch = Watch("Tidewater Lane", 5, ())
    body = (
        "<p>In addition, Tidewater Lane will return for its fifth season on a new night, "
        "moving to Tuesdays starting on March 7 at 10 PM.</p>"
    )
    assert {"time_slot_move", "other_work_subject"}.isdisjoint(
        fired(body, watch, "2024-03-07", published="2024-01-12")
    )
    assert release(body, watch, published="2024-01-12") == "2024-03-07"


def test_a_season_on_air_moving_to_a_new_night_is_still_no_release() -> None:
    watch = Watch("Tidewater Lane", 5, ())
    body = (
        "<p>Tidewater Lane, now in its fifth season, is moving to Tuesdays starting on "
        "March 7 at 10 PM.</p>"
    )
    assert "time_slot_move" in fired(body, watch, "2024-03-07", published="2024-01-12")
    assert release(body, watch, published="2024-01-12") is None


def test_portuguese_lancar_launches_a_season() -> None:
    watch = Watch("Tidewater Lane", 2, ())
    body = (
        "<p>A plataforma vai lan\u00e7ar ainda em 2024 a segunda temporada da s\u00e9rie "
        "\u201cTidewater Lane\u201d, segundo uma carta aos acionistas.</p>"
    )
    assert release(body, watch, lang="pt", title="Novidades", published="2024-01-25") == "2024"


# ------------------------------------------------------------ the page's own summary


def test_a_date_only_in_the_pages_summary_is_read_as_its_dek() -> None:
    page = (
        "<html><head><title>Tidewater Lane Season 2 News</title>"
        '<meta property="og:description" content="Tidewater Lane season 2 premieres '
        'September 5 on the streamer."/>'
        '<meta property="article:published_time" content="2024-06-12T10:00:00Z"></head>'
        "<body><article><h1>Tidewater Lane Season 2 News</h1><p>The streamer shared a "
        "first photo of the cast on Tuesday.</p></article></body></html>"
    )
    [doc] = parse_documents(page, "https://news.example/story")
    assert [b.role for b in doc.blocks if b.text.startswith("Tidewater Lane season 2")] == ["dek"]
    assert [f.date for f in extract(doc, TIDEWATER2)] == ["2024-09-05"]


def test_a_summary_the_body_already_says_is_not_read_twice() -> None:
    said = "Tidewater Lane season 2 premieres September 5 on the streamer."
    page = (
        f'<html><head><meta name="description" content="{said}"/></head><body><article>'
        f"<h1>Tidewater Lane</h1><p>{said} The cast is back.</p></article></body></html>"
    )
    [doc] = parse_documents(page, "https://news.example/story")
    assert sum(said[:30] in b.text for b in doc.blocks) == 1


def test_from_the_day_of_the_month_is_a_start_too() -> None:
    from datetime import date

    from scraper.extract.dates import find_dates

    [found] = find_dates("It will stream from the 14th.", date(2024, 6, 12))
    assert found.value == "2024-06-14"


# ------------------------------------------------------------ a move in a roundup


def test_a_move_to_a_day_before_the_old_one_goes_on_a_year() -> None:
    from datetime import date

    from scraper.extract.dates import find_dates

    sentence = "It was delayed from its prime June 27th slot to the quiet October 3rd weekend."
    old, new = find_dates(sentence, date(2007, 11, 20))
    assert (old.value, new.value) == ("2008-06-27", "2008-10-03")
    # brought forward, as said: the earlier day stays in its year
    forward = "It has been moved up from April 25th 2008 to April 11th."
    assert [m.value for m in find_dates(forward, date(2007, 11, 20))] == [
        "2008-04-25",
        "2008-04-11",
    ]


def test_another_films_move_in_a_roundup_does_not_void_the_watchs_date() -> None:
    watch = Watch("Harbor Lights", None, ())
    body = (
        "<p>\u201cHarbor Lights\u201d has been delayed from its prime June 27th slot to the "
        "generally quiet October 3rd weekend.</p><p>\u201cThe Glass Orchard\u201d has been "
        "delayed from October 3rd 2008 to 2009.</p>"
    )
    assert "replaced_by_move" not in fired(body, watch, "2008-10-03", published="2007-11-20")
    assert "moved_to" in fired(body, watch, "2008-10-03", published="2007-11-20")
    assert release(body, watch, published="2007-11-20") == "2008-10-03"


def test_a_list_of_dash_entries_gives_each_date_to_its_entrys_name() -> None:
    watch = Watch("Copper Canyon", None, ())
    body = (
        "<p>Several studios moved films this week. Briefly:</p>"
        "<p>Glass Harbor \u2013 The studio\u2019s sci-fi epic has moved from July 25, 2014 "
        "to July 18, 2014.</p>"
        "<p>Copper Canyon \u2013 Relativity has set the western for April 18, 2014.</p>"
        "<p>Night Orchard \u2013 The horror film has moved to August 22, 2014.</p>"
    )
    page = {"title": "Glass Harbor, Copper Canyon, Night Orchard Release Dates"}
    page["published"] = "2013-12-12"
    assert "about_watch" not in fired(body, watch, "2014-07-18", **page)
    assert "release_verb" in fired(body, watch, "2014-04-18", **page)
    assert release(body, watch, **page) == "2014-04-18"


def test_one_name_set_off_by_a_dash_in_prose_keeps_the_passage() -> None:
    watch = Watch("Copper Canyon", 2, ())
    body = (
        "<p>Copper Canyon season 2 is coming.</p>"
        "<p>Maria Lopez \u2013 who plays the sheriff \u2013 says the season arrives on "
        "October 4.</p>"
    )
    assert release(body, watch, title="Copper Canyon Season 2 news") == "2024-10-04"


def test_a_guide_line_naming_the_season_under_the_titles_entry() -> None:
    watch = Watch("Tidewater Lane", 2, ())
    body = (
        "<p>Estas s\u00e3o as s\u00e9ries que v\u00e3o estrear este ano.</p>"
        "<p>\u201cGlass Harbor\u201d</p><p>3.\u00aa Temporada - HBO Max - 8 de janeiro</p>"
        "<p>\u201cTidewater Lane\u201d</p><p>2.\u00aa Temporada - Prime Video - 11 de janeiro</p>"
        "<p>Dez anos depois, o elenco est\u00e1 de volta com esta s\u00e9rie.</p>"
    )
    page = {"lang": "pt", "title": "As s\u00e9ries de 2026", "published": "2026-01-03"}
    assert "dated_entry" in fired(body, watch, "2026-01-11", **page)
    assert release(body, watch, **page) == "2026-01-11"


def test_another_named_show_returning_for_its_season_is_not_the_watchs() -> None:
    watch = Watch("Copper Canyon", 2, ())
    body = (
        "<p>While the network has not said when Copper Canyon will return for season two, "
        "it is expected to air in April.</p>"
        "<p>The critically acclaimed series Glass Harbor will return for its second season "
        "on Thursday, March 1 at 10 p.m.</p>"
    )
    page = {"title": "Here is when the network's dramas will premiere", "published": "2018-01-05"}
    assert "other_work_subject" in fired(body, watch, "2018-03-01", **page)
    assert release(body, watch, **page) is None


def test_the_watch_by_a_short_name_kicking_off_its_season_is_still_the_watch() -> None:
    watch = Watch("Copper Canyon Chronicles", 3, ())
    body = (
        "<p>Copper Canyon Chronicles is back this week.</p><p>Canyon kicked off its third "
        "season on Sunday, May 14, and this episode closes that block.</p>"
    )
    assert "other_work_subject" not in fired(body, watch, "2023-05-14", published="2023-06-01")


def test_a_studio_whose_name_ends_in_media_sets_its_film_for_a_date() -> None:
    # "Media" before the verb is the studio's name, not a "media release" (a document).
    body = (
        "<p>Release calendar changes this week.</p>"
        "<p>Lantern Field – Northgate Media has set the horror film for April 18, 2014.</p>"
        "<p>Copper Sky – The studio's heist film has moved from July 25, 2014 to July 18, 2014.</p>"
    )
    assert release(body, Watch(title="Lantern Field"), published="2013-11-02") == "2014-04-18"
