"""Whose date or trailer it is, in documents that speak of several works: schedules
whose day lines are plain paragraphs, lists, franchise news, split seasons.

Every title and sentence here is invented for the test; none comes from an article."""

from __future__ import annotations

from scraper.extract import extract
from scraper.extract.subject import OTHER_SEASON, season_references
from scraper.models import Watch
from scraper.parse.documents import parse_documents


def _doc(body: str, title: str = "TV news", published: str = "2024-06-12T10:00:00Z"):  # noqa: ANN202
    page = (
        f'<html><head><title>{title}</title><meta property="article:published_time" '
        f'content="{published}"></head><body><article><h1>{title}</h1>{body}</article>'
        "</body></html>"
    )
    return parse_documents(page, "https://news.example/story")[0]


def release(body: str, watch: Watch, title: str = "TV news") -> str | None:
    found = [f.date for f in extract(_doc(body, title), watch) if f.kind == "release_date"]
    return found[0] if found else None


def trailers(body: str, watch: Watch, title: str = "TV news") -> set[str]:
    return {f.value_key for f in extract(_doc(body, title), watch) if f.kind == "trailer"}


def _lines(*lines: str) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


SCHEDULE_INTRO = "Here is when the autumn's returning series come back:"


def test_a_day_written_as_a_plain_line_is_the_day_of_the_entries_below_it() -> None:
    body = _lines(
        SCHEDULE_INTRO,
        "Tuesday, Sept. 3",
        "Harbour Lights (Channel 9), 9 p.m. (Season 4)",
        "Paper Moons (Channel 9), 9:30 p.m. (Season 2)",
        "Thursday, Sept. 5",
        "Gravel Road (Northcast, Season 3)",
        "Saturday, Sept. 7",
        "The Quiet Acre – Season 6 (Fieldnet)",
        "Sunday, Sept. 8",
        "Lamplighters (Streamly)",
    )
    assert release(body, Watch("Paper Moons", 2, ())) == "2024-09-03"
    assert release(body, Watch("Gravel Road", 3, ())) == "2024-09-05"
    assert release(body, Watch("The Quiet Acre", 6, ())) == "2024-09-07"
    assert release(body, Watch("Lamplighters", None, ())) == "2024-09-08"


def test_once_a_schedule_has_begun_a_line_that_is_only_a_date_is_its_next_day() -> None:
    body = _lines(
        SCHEDULE_INTRO,
        "Friday, Oct. 4",
        "Copper Kettle (Channel 9), 8 p.m. (Season 3)",
        "Saturday, Oct. 5",
        "A football night on Channel 9, then the late news.",
        "Lantern Row (Channel 9), 10 p.m. (Season 2)",
        "Sunday, Oct. 6",
        "Channel 9",
        "9 p.m.: Blue Orchard (New Series)",
    )
    assert release(body, Watch("Lantern Row", 2, ())) == "2024-10-05"
    assert release(body, Watch("Blue Orchard", 1, ())) == "2024-10-06"


def test_a_listicles_quoted_title_and_colon_under_a_date_line_is_that_days_entry() -> None:
    body = _lines(
        "Here are the premiere dates for the season's new and returning programmes.",
        "OCTOBER 1",
        "\u201cStill Waters\u201d: A four-part documentary about a drowned village. (Streamly)",
        "OCTOBER 3",
        "\u201cThe Night Ferry\u201d: The crime drama returns for Season 4. (9 p.m. Northcast)",
        "\u201cMarigold Lane\u201d: The family comedy returns for Season 2. (Channel 9)",
        "OCTOBER 8",
        "\u201cHigh Meadow\u201d: The western is back for Season 5. (10 p.m. Fieldnet)",
    )
    assert release(body, Watch("The Night Ferry", 4, ())) == "2024-10-03"
    assert release(body, Watch("Marigold Lane", 2, ())) == "2024-10-03"
    assert release(body, Watch("High Meadow", 5, ())) == "2024-10-08"


def test_a_list_of_other_shows_that_will_all_return_does_not_take_the_watchs_passage() -> None:
    body = _lines(
        "Channel 9 has dated its autumn. The first drama back is Copper Kettle, which "
        "premieres Thursday, Oct. 17.",
        "Blue Orchard, Gravel Road and Lantern Row will all return in 2025 along with new "
        "series Paper Moons.",
    )
    assert release(body, Watch("Copper Kettle", 6, ())) == "2024-10-17"


def test_two_shows_that_both_return_on_a_day_are_neither_a_third_shows() -> None:
    body = _lines(
        "Northcast has news for its spring. Harbour Lights returns for its fourth season.",
        "Gravel Road and Lamplighters will both return Sept. 27.",
    )
    assert release(body, Watch("Harbour Lights", 4, ())) is None
    assert release(body, Watch("Lamplighters", 2, ())) == "2024-09-27"


def test_each_bracketed_date_of_a_list_is_governed_as_the_lists_first_is() -> None:
    body = _lines(
        "Channel 9 has its autumn in place.",
        "October brings the return of Stone Harbour (Oct. 4), The Glass Orchard (Oct. 11), "
        "Paper Moons (Oct. 18), and Lamplighters (Oct. 25).",
    )
    assert release(body, Watch("Lamplighters", 3, ())) == "2024-10-25"
    assert release(body, Watch("The Glass Orchard", 5, ())) == "2024-10-11"


def _video(video_id: str, caption: str) -> str:
    return (
        f'<figure><iframe src="https://www.youtube.com/embed/{video_id}" title="{caption}">'
        f"</iframe><figcaption>{caption}</figcaption></figure>"
    )


def test_a_trailer_for_the_title_with_a_subtitle_in_prose_is_the_sequels() -> None:
    body = _lines(
        "Fieldnet has put out the first teaser for Stone Harbour: Low Tide, the follow-up to "
        "the 2021 hit Stone Harbour.",
        "The sequel brings back most of the original cast.",
    ) + _video("sToNeHrB2tz", "Stone Harbour: Low Tide - Teaser")
    assert trailers(body, Watch("Stone Harbour", None, ())) == set()
    assert trailers(body, Watch("Stone Harbour: Low Tide", None, ())) == {
        "https://www.youtube.com/watch?v=sToNeHrB2tz"
    }


def test_a_sequels_label_set_in_capitals_is_not_the_first_films() -> None:
    body = _lines("Here is the new look at the horror sequel.") + _video(
        "gLaSsCh2tr1", "GLASS ORCHARD CHAPTER TWO - Official Trailer"
    )
    assert trailers(body, Watch("Glass Orchard", None, ())) == set()


def test_a_sentence_ending_on_another_season_hands_the_story_to_that_season() -> None:
    body = _lines(
        "Harbour Lights has been renewed for a fourth season months ahead of its return.",
        "The Season 4 order arrives a week after Northcast said when Harbour Lights Season 3 "
        "will premiere.",
        "The first episode streams on Friday, Oct. 18, and it airs on Sunday, Oct. 20.",
    )
    headline = "Harbour Lights renewed for season 4"
    assert release(body, Watch("Harbour Lights", 4, ()), headline) is None
    assert release(body, Watch("Harbour Lights", 3, ()), headline) == "2024-10-18"


def test_a_players_caption_says_nothing_of_the_player_below_it() -> None:
    body = (
        _lines(
            "Northcast has put out a new teaser for season 3 of Harbour Lights, and three "
            "behind-the-scenes videos on its sets and costumes.",
            "Watch them all below.",
        )
        + _video("hArBrS3tsr1", "Harbour Lights Season 3: Teaser - Undertow (Northcast)")
        + _video("hArBrS3bts1", "Harbour Lights Season 3: Building the Lighthouse (Northcast)")
        + _video("hArBrS3bts2", "Harbour Lights Season 3: Dressing the Keepers (Northcast)")
    )
    assert trailers(body, Watch("Harbour Lights", 3, ()), "New Harbour Lights videos") == {
        "https://www.youtube.com/watch?v=hArBrS3tsr1"
    }


def test_the_pages_player_naming_the_season_makes_the_final_season_that_one() -> None:
    body = _lines(
        "At last we know when the final season of Harbour Lights begins.",
        "Northcast put out this teaser along with a return date of Oct. 14.",
    ) + _video("hArBrS5tsr1", "Harbour Lights | Season 5 | Official Teaser (Northcast)")
    headline = "Harbour Lights Teaser And Return Date"
    assert release(body, Watch("Harbour Lights", 5, ()), headline) == "2024-10-14"
    assert release(body, Watch("Harbour Lights", 4, ()), headline) is None


def test_the_watch_among_the_names_that_will_all_return_is_one_of_them() -> None:
    body = _lines(
        "Channel 9 has dated its autumn, but not all of it.",
        "Blue Orchard, Gravel Road and Lantern Row will all return in 2025.",
    )
    assert release(body, Watch("Blue Orchard", 4, ())) == "2025"
    assert release(body, Watch("Gravel Road", 2, ())) == "2025"


def test_a_schedule_line_ending_on_its_hour_is_no_sentence() -> None:
    body = _lines(
        "Here is the cable summer premiere schedule.",
        "July 3",
        "Copper Kettle (Northcast), 9 p.m.",
        "Lantern Row (Northcast), 10 p.m.",
        "July 6",
        "Blue Orchard (Fieldnet), 10 p.m.",
    )
    assert release(body, Watch("Lantern Row", 2, ()), "Summer premieres") == "2024-07-03"
    assert release(body, Watch("Blue Orchard", 3, ()), "Summer premieres") == "2024-07-06"


def test_a_season_its_subject_owns_is_not_the_watch_named_in_the_later_clause() -> None:
    body = _lines(
        "Many cable dramas come back this winter.",
        "The animated comedy Paper Moons will kick off its fifth season on Jan. 13 while "
        "the western High Meadow will premiere its fifth season on Jan. 7.",
    )
    headline = "Winter premiere dates"
    assert release(body, Watch("High Meadow", 5, ()), headline) == "2025-01-07"
    assert release(body, Watch("Paper Moons", 5, ()), headline) == "2025-01-13"


def test_a_listicle_entry_whose_name_holds_a_weekday_still_opens_its_entry() -> None:
    body = _lines(
        "The late-summer sequels, from Mosswood Tuesday to Lamplighters II.",
        "Mosswood Tuesday (dir. Ada Lark)",
        "The family comedy returns to the old house for one more holiday.",
        "In theatres 8 August",
        "Lamplighters II (dir. Bo Quill)",
        "Forty years on, the band plays one last night in the harbour town.",
        "In theatres 12 September",
    )
    headline = "Sequels to watch this summer"
    assert release(body, Watch("Lamplighters II", None, ()), headline) == "2024-09-12"


def test_a_hedge_in_the_main_clause_is_not_the_fronted_schedule_phrases() -> None:
    body = _lines(
        "Scheduled to premiere Sunday, Oct. 13, the new season of Harbour Lights is expected "
        "to tie together the keepers' separate stories at last.",
    )
    headline = "New Harbour Lights teaser"
    assert release(body, Watch("Harbour Lights", 4, ()), headline) == "2024-10-13"


def test_the_season_premiere_of_another_named_show_is_that_shows_season() -> None:
    lantern = Watch("Lantern Row", 2, ())
    text = "It is followed by the second season premiere of Ada Lark's GRAVEL ROAD at nine."
    assert [r.season for r in season_references(text, lantern)] == [OTHER_SEASON]
    text = "It is followed by the second season premiere of Lantern Row at nine."
    assert [r.season for r in season_references(text, lantern)] == [2]


def test_the_watch_named_only_in_an_aside_leaves_the_story_whose_it_was() -> None:
    body = _lines(
        "Lamplighters: Ember (dir. Ada Lark)",
        "A third film in the series (the first was a cult hit, and neither was its 2012 "
        "sequel Lamplighters: Tide), it takes the story out of the harbour at last.",
        "In theatres 10 October",
    )
    headline = "Sequels to watch this autumn"
    assert release(body, Watch("Lamplighters: Tide", None, ()), headline) is None
    assert release(body, Watch("Lamplighters: Ember", None, ()), headline) == "2024-10-10"


def test_a_schedule_row_of_the_spin_off_is_not_the_watched_shows_return() -> None:
    # The watch's title only begins the spin-offs' names: their rows are theirs, and
    # the flagship (not on the schedule) gets no date.
    body = (
        "<p>The network set its autumn nights; the flagship itself is not among them.</p>"
        "<table><tr><th>Date</th><th>Time and show</th></tr>"
        "<tr><td>Thursday, Sept. 23</td>"
        "<td>8/7c: Harbour Watch: Night Shift (two-hour premiere)</td></tr>"
        "<tr><td>Thursday, Sept. 23</td><td>10/9c: Harbour Watch: Dockside</td></tr>"
        "</table>"
    )
    watch = Watch(title="Harbour Watch", season=21)
    assert release(body, watch, "Fall premiere dates: the network's Thursday lineup") is None


def test_the_titles_universe_or_franchise_is_no_other_work() -> None:
    from scraper.extract.reading import Subject, classify

    watch = Watch(title="Kiln Street", season=8)
    assert classify("This is not the end of the Kiln Street universe on HBO.", watch) != (
        Subject.OTHER
    )
    assert classify("The Kiln Street franchise will go on.", watch) != Subject.OTHER
    # (a spin-off named with the title still is one)
    assert classify("The Kiln Street spin-off starts filming soon.", watch) == Subject.OTHER
