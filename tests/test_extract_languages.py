"""Articles in German, Spanish, Portuguese, French and Italian: their dates, release
verbs and season words (scraper/extract/languages.py), and the English list line whose
date is labelled with a colon.

Every sentence here is invented for the test (the shows are made up too)."""

from __future__ import annotations

from datetime import date

import pytest
from support import first_release

from scraper.extract.dates import find_dates
from scraper.extract.text import sentences
from scraper.models import Watch

ORCHARD = Watch("Orchard Lights", 2, ())
FILM = Watch("Saltmarsh", None, ())


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Die Folgen laufen ab dem 14. März 2025 bei Netflix.", "2025-03-14", "day"),
        ("A série estreia em 9 de outubro de 2025.", "2025-10-09", "day"),
        ("La serie llega el 21 de mayo de 2025.", "2025-05-21", "day"),
        ("La saison 2 arrive le 1er décembre.", "2024-12-01", "day"),
        ("La serie partirà dal 3 giugno 2025.", "2025-06-03", "day"),
        ("Le film sortira en janvier 2025.", "2025-01", "month"),
        ("Il film uscirà nella primavera 2025.", "2025-spring", "season"),
        ("Die Serie startet im Herbst 2025.", "2025-autumn", "season"),
        ("Die Serie startet im Oktober.", "2024-10", "month"),
    ],
)
def test_another_languages_dates(text: str, value: str, precision: str) -> None:
    found = find_dates(text, date(2024, 9, 2), foreign=True)
    assert [(m.value, m.precision) for m in found] == [(value, precision)]


def test_an_english_page_does_not_read_them() -> None:
    assert find_dates("Die Serie startet im Oktober 2025.", date(2024, 9, 2)) == []


def test_a_planet_is_no_month() -> None:
    assert find_dates("The Mars 2030 mission film wrapped.", date(2024, 9, 2), foreign=True) == []


def test_a_german_day_keeps_its_sentence() -> None:
    text = "Die Folgen sind ab dem 30. Oktober 2025 zu sehen. Das Finale folgt."
    assert sentences(text) == [
        "Die Folgen sind ab dem 30. Oktober 2025 zu sehen.",
        "Das Finale folgt.",
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<p>Die zweite Staffel von Orchard Lights startet am 12. Mai 2025 bei Netflix.</p>",
            ("2025-05-12", "day"),
        ),
        (
            "<p>A segunda temporada de Orchard Lights estreia em 4 de abril de 2025.</p>",
            ("2025-04-04", "day"),
        ),
        (
            "<p>Orchard Lights: la seconda stagione arriverà il 5 marzo 2025 su Disney+.</p>",
            ("2025-03-05", "day"),
        ),
        (
            "<p>La saison 2 de Orchard Lights débarquera le 18 avril 2025 sur Netflix.</p>",
            ("2025-04-18", "day"),
        ),
        (
            "<p>Orchard Lights: noch kein Starttermin für die zweite Staffel im Mai 2025.</p>",
            None,
        ),
    ],
)
def test_another_languages_release_of_a_season(body: str, expected: tuple[str, str] | None) -> None:
    assert first_release(body, ORCHARD, "https://tv.example/news/1", "2024-11-20", "TV") == expected


def test_a_trailer_that_reveals_the_date_is_not_the_dates_subject() -> None:
    body = (
        "<p>Nel nuovo trailer di Saltmarsh viene svelato che il film uscirà il 9 maggio 2025.</p>"
    )
    assert first_release(body, FILM, "https://film.example/it/1", "2024-11-20", "Film") == (
        "2025-05-09",
        "day",
    )


def test_a_list_line_labelled_with_its_date() -> None:
    body = (
        "<p>Here is the network's full rundown:</p>"
        "<p>Sept. 9: Orchard Lights season 2 on FX, streaming the next day.</p>"
    )
    assert first_release(body, ORCHARD, "https://tv.example/news/2", "2024-06-03", "TV") == (
        "2024-09-09",
        "day",
    )


# ---------------------------------------------------------------- a guide's lines


@pytest.mark.parametrize(
    "line",
    [
        "<h3>'Orchard Lights' Season 2 (Netflix, Jan. 9)</h3>",
        "<p>Orchard Lights Season 2 (Netflix), Jan. 9, 2025</p>",
        "<p>Orchard Lights season 2 — Jan. 9 US / Feb. 2 UK</p>",
    ],
)
def test_a_guide_line_of_title_and_date_alone(line: str) -> None:
    body = (
        "<p>Every new and returning show of the winter, with its network and date:</p>"
        f"{line}<p>A slow-burn mystery on a fruit farm.</p>"
    )
    assert first_release(body, ORCHARD, "https://tv.example/news/3", "2024-12-01", "TV") == (
        "2025-01-09",
        "day",
    )


def test_a_line_with_a_verb_of_its_own_is_no_guide_line() -> None:
    body = "<p>Orchard Lights season 2 was shot on Jan. 9 in Kent.</p>"
    assert first_release(body, ORCHARD, "https://tv.example/news/4", "2024-12-01", "TV") is None


# ---------------------------------------------------------------- an undated grid's year


def test_an_undated_page_takes_the_one_year_of_its_slug() -> None:
    body = "<p>MONDAY, SEPT. 15</p><p>8 p.m. — Orchard Lights (NBC, season premiere)</p>"
    url = "https://tv.example/network-fall-premiere-dates-2031/"
    assert first_release(body, ORCHARD, url, None, "Fall premiere dates") == ("2031-09-15", "day")


def test_an_undated_grid_of_a_tv_season_schedule_takes_its_years() -> None:
    body = (
        "<p>NBC MIDSEASON 2031-32 SCHEDULE</p><p>SATURDAY, JAN. 10</p>"
        "<p>8 – ORCHARD LIGHTS (Season premiere)</p>"
    )
    assert first_release(body, ORCHARD, "https://tv.example/nbc-midseason", None, "NBC") == (
        "2032-01-10",
        "day",
    )


# ---------------------------------------------------------------- a page of premiere dates

LANTERNS = Watch("Lantern Row", 4, ())


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # the title's first line in the grid is its season's start
        (
            "<p>TUESDAY, SEPT. 22</p><p>9 p.m. - Lantern Row</p>"
            "<p>TUESDAY, OCT. 6</p><p>8 p.m. - Lantern Row</p>",
            ("2026-09-22", "day"),
        ),
        ("<p>— “Lantern Row,” Nov. 3, FX.</p>", ("2026-11-03", "day")),
        # a new series on the list is a first season, not the watched fourth
        ("<p>SUNDAY, SEPT. 20</p><p>9 p.m. - Lantern Row (Series premiere)</p>", None),
    ],
)
def test_a_guide_line_on_a_page_of_premiere_dates(
    lines: str, expected: tuple[str, str] | None
) -> None:
    body = f"<p>The network has unveiled the premiere dates for its fall season.</p>{lines}"
    assert first_release(body, LANTERNS, "https://tv.example/n/5", "2026-06-30", "Fall") == expected


def test_a_guide_line_without_a_page_of_premiere_dates_presumes_no_season() -> None:
    body = "<p>What we watched this week.</p><p>TUESDAY, SEPT. 22</p><p>9 p.m. - Lantern Row</p>"
    assert first_release(body, LANTERNS, "https://tv.example/n/6", "2026-06-30", "Week") is None


def test_a_plan_in_the_past_perfect_is_the_old_date() -> None:
    body = "<p>Saltmarsh, which had been dated March 6, 2026, now opens October 2, 2026.</p>"
    assert first_release(body, FILM, "https://film.example/n/7", "2025-05-01", "Dates") == (
        "2026-10-02",
        "day",
    )


@pytest.mark.parametrize("label", ["UPDATE 7/11:", "Update (July 11) —", "Editor's note:"])
def test_an_update_note_supersedes_the_storys_earlier_date(label: str) -> None:
    body = (
        "<p>The teaser says season 2 of Orchard Lights is coming on Halloween.</p>"
        f"<p>{label} Season 2 of Orchard Lights arrives on Netflix on Oct. 27.</p>"
    )
    assert first_release(body, ORCHARD, "https://tv.example/n/8", "2017-02-06", "TV") == (
        "2017-10-27",
        "day",
    )


def test_next_month_by_name_is_its_next_turn() -> None:
    found = find_dates("The film is not out until next May.", date(2015, 7, 12))
    assert [(m.value, m.precision) for m in found] == [("2016-05", "month")]


def test_a_run_that_resumes_on_a_date_is_its_release() -> None:
    body = "<p>The network says Orchard Lights season 2 will resume on Netflix in November.</p>"
    assert first_release(body, ORCHARD, "https://tv.example/n/9", "2025-05-12", "TV") == (
        "2025-11",
        "month",
    )


def test_a_slate_lines_run_starts_on_its_first_date() -> None:
    body = (
        "<p>The channel today revealed its winter schedule.</p>"
        "<p>Orchard Lights, Season 2 — Sundays, January 11 – March 1, 2026, 9/8c.</p>"
    )
    assert first_release(body, ORCHARD, "https://tv.example/n/10", "2025-10-17", "TV") == (
        "2026-01-11",
        "day",
    )


def test_a_new_time_slot_is_no_release() -> None:
    body = (
        "<p>Orchard Lights, currently in its second season, will shift to 9:00-9:30 PM, "
        "beginning Thursday, April 4.</p>"
    )
    assert first_release(body, ORCHARD, "https://tv.example/n/11", "2024-03-01", "TV") is None


def test_a_slot_move_after_the_premiere_is_the_later_dates() -> None:
    body = (
        "<p>ORCHARD LIGHTS returns for its second season on TUESDAY, JAN. 6, 2026, before "
        "moving to its regular time period, Tuesdays at 10:00 p.m., on Jan. 13, 2026.</p>"
    )
    assert first_release(body, ORCHARD, "https://tv.example/n/12", "2025-11-05", "TV") == (
        "2026-01-06",
        "day",
    )


def test_binge_watching_from_a_date_is_its_release() -> None:
    body = "<p>Orchard Lights season 2: you can start binge-watching it from May 18th.</p>"
    assert first_release(body, ORCHARD, "https://tv.example/n/13", "2025-03-01", "TV") == (
        "2025-05-18",
        "day",
    )


def test_postponed_to_a_date_is_the_release() -> None:
    body = (
        "<p>Saltmarsh was originally scheduled to be released on June 25, 2027, but is now "
        "postponed to October 1, 2027.</p>"
    )
    assert first_release(body, FILM, "https://film.example/n/14", "2026-04-01", "Film") == (
        "2027-10-01",
        "day",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("La saison 2 de Orchard Lights reviendra en mars 2026.", ("2026-03", "month")),
        ("Die zweite Staffel von Orchard Lights kehrt im Mai 2025 zurück.", ("2025-05", "month")),
        ("La segunda temporada de Orchard Lights vuelve el 5 de marzo.", ("2025-03-05", "day")),
        ("La seconda stagione di Orchard Lights torna dal 5 marzo 2025.", ("2025-03-05", "day")),
    ],
)
def test_another_languages_return_verbs(sentence: str, expected: tuple[str, str]) -> None:
    body = f"<p>{sentence}</p>"
    assert first_release(body, ORCHARD, "https://tv.example/n/15", "2024-11-02", "TV") == expected


def test_a_later_sentence_gives_the_delayed_seasons_new_date() -> None:
    body = (
        "<p>NBC has pulled Orchard Lights from its October schedule; there is no "
        "replacement date yet.</p>"
        "<p>Now Orchard Lights season 2 will premiere on Thursday, February 5, 2026.</p>"
    )
    assert first_release(body, ORCHARD, "https://tv.example/n/16", "2025-11-20", "TV") == (
        "2026-02-05",
        "day",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Orchard Lights season 2 will not be back on Friday, October 17 as announced.",
        "Orchard Lights season 2, originally scheduled for release on October 17, will "
        "be redated at a later time.",
    ],
)
def test_a_withdrawn_date_after_a_delay_is_no_release(sentence: str) -> None:
    body = f"<p>NBC has delayed Orchard Lights indefinitely.</p><p>{sentence}</p>"
    assert first_release(body, ORCHARD, "https://tv.example/n/17", "2025-09-20", "TV") is None


def test_an_original_series_from_a_studio_is_a_label_not_an_earlier_work() -> None:
    body = "<p>Saltmarsh, an original series from a small studio, starts streaming July 2.</p>"
    assert first_release(body, FILM, "https://film.example/n/18", "2025-05-20", "Film") == (
        "2025-07-02",
        "day",
    )


def test_a_date_that_brings_the_release() -> None:
    body = "<p>October 6 brings Saltmarsh and one other film to the service.</p>"
    assert first_release(body, FILM, "https://film.example/n/19", "2025-08-20", "Film") == (
        "2025-10-06",
        "day",
    )


def test_pushed_to_a_window_is_the_release() -> None:
    body = "<p>Saltmarsh is being pushed from this December to next summer.</p>"
    assert first_release(body, FILM, "https://film.example/n/20", "2025-08-20", "Film") == (
        "2026-summer",
        "season",
    )


def test_an_english_title_in_another_language_does_not_make_the_page_english() -> None:
    # "The" three times in the first sentences made the page English at once: its
    # Italian dates were never read.
    film = Watch("The Glass Harbour", None, ())
    body = (
        "<p>The Glass Harbour, il seguito di The Lighthouse, arriva presto: The Glass Harbour "
        "ha una data.</p>"
        "<p>La Warner ha confermato oggi che The Glass Harbour uscirà nelle sale il 14 "
        "novembre 2025.</p>"
    )
    assert first_release(body, film, published="2025-06-02") == ("2025-11-14", "day")


# Issue 13, session 9: Indonesian and Russian dates, times counted from the article in
# every language read, year-less day-first dates, and a page whose menus are English.


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Serial ini mulai tayang 14 Desember 2024 di Netflix.", "2024-12-14", "day"),
        ("Musim kedua akan tayang bulan Desember.", "2024-12", "month"),
        ("Премьера нового сезона состоится 10 января 2025 года.", "2025-01-10", "day"),
        ("Фильм выйдет в прокат в марте 2025 года.", "2025-03", "month"),
    ],
)
def test_indonesian_and_russian_dates(text: str, value: str, precision: str) -> None:
    found = find_dates(text, date(2024, 9, 2), foreign=True)
    assert [(m.value, m.precision) for m in found] == [(value, precision)]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Die neue Staffel kommt bereits diesen Sommer.", "2024-summer", "season"),
        ("Die Serie startet im nächsten Jahr bei Netflix.", "2025", "year"),
        ("Le film sortira l'été prochain en salles.", "2025-summer", "season"),
        ("La saison 3 arrive le mois prochain.", "2024-10", "month"),
        ("La película se estrena el próximo año.", "2025", "year"),
        ("La serie torna quest'estate su Sky.", "2024-summer", "season"),
        ("Film ini akan tayang tahun depan.", "2025", "year"),
        ("Musim kedua tayang awal Maret nanti.", "2025-03", "month"),
        ("Сериал выйдет этим летом.", "2024-summer", "season"),
        ("Продолжение покажут в следующем году.", "2025", "year"),
    ],
)
def test_times_counted_from_the_article(text: str, value: str, precision: str) -> None:
    found = find_dates(text, date(2024, 9, 2), foreign=True)
    assert [(m.value, m.precision) for m in found] == [(value, precision)]


def test_a_day_first_date_without_its_year_on_a_page_in_another_language() -> None:
    found = find_dates("Orchard Lights (2ª temporada, 23/11)", date(2024, 9, 2), foreign=True)
    assert [(m.value, m.precision) for m in found] == [("2024-11-23", "day")]
    rate = "Der Sender läuft rund um die Uhr, 24/7."
    assert find_dates(rate, date(2024, 9, 2), foreign=True) == []


def test_a_past_start_in_another_language_is_before_the_article() -> None:
    body = (
        "<p>Die zweite Staffel von Orchard Lights wird fortgesetzt, nachdem die erste erst "
        "im Dezember ohne Ankündigung gestartet war.</p>"
    )
    found = first_release(body, ORCHARD, "https://tv.example/de/1", "2025-02-10", "Serien")
    assert found is None or found == ("2024-12", "month")


def test_english_menus_do_not_make_a_page_english() -> None:
    menu = "".join(
        f'<li><a href="/s/{n}">The best of the {w} and the rest</a></li>'
        for n, w in enumerate(("week", "month", "year", "decade", "season", "day") * 3)
    )  # (more items than the sentences the language is judged on)
    body = (
        f"<nav><ul>{menu}</ul></nav>"
        "<p>La seconda stagione di Orchard Lights debutterà il 5 marzo su Netflix, con "
        "otto episodi della durata di un'ora.</p>"
    )
    found = first_release(body, ORCHARD, "https://tv.example/it/2", "2025-01-20", "Serie TV")
    assert found == ("2025-03-05", "day")


def test_a_headline_moving_the_release_into_a_year_dates_next_year() -> None:
    body = (
        "<p>The studio confirmed on Thursday that Saltmarsh will not open in November. "
        "The thriller will instead land in theaters March 6 next year.</p>"
    )
    headline = "Saltmarsh Release Postponed to 2027 After Reshoots"
    found = first_release(body, FILM, "https://film.example/node/77", None, headline)
    assert found == ("2027-03-06", "day")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The sequel will be in cinemas Novemeber 2026.", "2026-11"),
        ("Season 2 lands on Febuary 14, 2026.", "2026-02-14"),
        ("The finale airs Decemeber 3, 2026.", "2026-12-03"),
    ],
)
def test_a_misspelled_month_is_still_the_month(text: str, value: str) -> None:
    assert [m.value for m in find_dates(text, date(2026, 1, 5))] == [value]


def test_an_undated_page_takes_the_year_most_of_its_dates_state() -> None:
    body = (
        "<p>The second season of Orchard Lights was first planned for spring 2030, then "
        "for summer 2030. Filming wrapped in January 2030; the novel the third season "
        "adapts is published in March 2031.</p>"
        "<p>Orchard Lights season 2 now premieres in July on Netflix.</p>"
    )
    found = first_release(body, ORCHARD, "https://tv.example/news/undated", None, "Schedules")
    assert found == ("2030-07", "month")


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("새 시즌은 2031년 상반기에 방송된다.", "2031", "year"),
        ("오차드 라이츠 시즌2는 2031년 4월 12일 첫 방송된다.", "2031-04-12", "day"),
        ("続編は2031年7月に公開予定。", "2031-07", "month"),
        ("새 시즌은 내년 방영 예정이다.", "2031", "year"),
        ("새 시즌은 4월 12일 공개된다.", "2030-04-12", "day"),
    ],
)
def test_dates_written_with_their_units(text: str, value: str, precision: str) -> None:
    found = find_dates(text, date(2030, 3, 2), foreign=True)
    assert [(m.value, m.precision) for m in found] == [(value, precision)]


@pytest.mark.parametrize(
    "body",
    [
        "<p>Orchard Lights kehrt zurück. Die neuen Folgen laufen ab 14. März 2031 bei Netflix.</p>",
        "<p>Orchard Lights revient. La nouvelle saison arrive le 14 mars 2031 sur Netflix.</p>",
        "<p>Orchard Lights vuelve. La nueva temporada llega el 14 de marzo de 2031.</p>",
        "<p>Orchard Lights torna. I nuovi episodi arrivano il 14 marzo 2031 su Netflix.</p>",
    ],
)
def test_the_new_season_in_another_language_is_the_watched_one(body: str) -> None:
    assert first_release(body, ORCHARD, "https://tv.example/x/1", "2031-01-10", "Serie") == (
        "2031-03-14",
        "day",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Am 14. März 2031 startet die zweite und finale Staffel von Orchard Lights.",
        "Die zweite Staffel von Orchard Lights ist ab 14. März 2031 auf Sky Ticket zu sehen.",
    ],
)
def test_an_occasions_word_in_another_sense_is_no_occasion(sentence: str) -> None:
    found = first_release(f"<p>{sentence}</p>", ORCHARD, "https://tv.example/x/2", "2031-01-10")
    assert found == ("2031-03-14", "day")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<p>Het tweede seizoen van Orchard Lights verschijnt op 14 maart 2031 op Netflix, "
            "zo heeft de streamingdienst bekendgemaakt. Het is een van de series van het jaar.</p>",
            ("2031-03-14", "day"),
        ),
        (
            "<p>Orchard Lights säsong 2 har premiär den 3 maj 2031 på Netflix, och det är "
            "för många en efterlängtad nyhet att serien kommer tillbaka.</p>",
            ("2031-05-03", "day"),
        ),
        (
            "<p>Drugi sezon Orchard Lights zadebiutuje 14 marca 2031 na Netflix. To nie jest "
            "jeszcze koniec serii, ale to jest ostatni sezon.</p>",
            ("2031-03-14", "day"),
        ),
    ],
)
def test_dutch_swedish_and_polish_releases(body: str, expected: tuple[str, str]) -> None:
    assert first_release(body, ORCHARD, "https://tv.example/x/3", "2031-01-10", "TV") == expected


def test_a_page_in_cyrillic_is_read_in_its_language() -> None:
    body = (
        "<p>Второй сезон сериала Orchard Lights выйдет 10 января 2031 года на Netflix. "
        "Создатели сериала рассказали, что в сезон войдут восемь эпизодов, а съёмки "
        "завершились ещё осенью прошлого года.</p>"
    )
    assert first_release(body, ORCHARD, "https://tv.example/ru/1", "2030-11-20", "Сериалы") == (
        "2031-01-10",
        "day",
    )


@pytest.mark.parametrize(
    "body",
    [
        "<p>La seconda stagione di Orchard Lights arriverà in due blocchi di episodi. La "
        "Parte 2 della stagione arriverà il 3 settembre 2025, conferma la piattaforma.</p>",
        "<p>Die zweite Staffel von Orchard Lights startet in zwei Hälften. Teil 2 der "
        "Staffel startet am 3. September 2025, bestätigte der Streamingdienst.</p>",
    ],
)
def test_another_languages_later_part_is_not_the_seasons_date(body: str) -> None:
    # a season released in parts takes Part 1's date: "Parte 2", "Teil 2" are later parts
    assert first_release(body, ORCHARD, published="2025-04-29") is None
