"""Whose a date is: the watch's, another work's, another season's (rules in
scraper/extract/evidence/whose.py, subjects in subject.py and reading.py).

Every sentence here is written for the test; none comes from an article."""

from __future__ import annotations

import time

from scraper.extract import extract, read
from scraper.extract.subject import (
    OTHER_SEASON,
    other_work_before,
    part_references,
    season_references,
    title_mentions,
)
from scraper.models import Watch
from scraper.parse.documents import parse_documents

MOSSWOOD3 = Watch("Mosswood Manor", 3, ())
LANTERN2 = Watch("The Lantern Keepers", 2, ("Galaxy Tales: The Lantern Keepers",))


def _page(body: str, title: str) -> str:
    return (
        f'<html><head><title>{title}</title><meta property="article:published_time" '
        'content="2024-06-12T10:00:00Z"></head><body><article><h1>'
        f"{title}</h1>{body}</article></body></html>"
    )


def _doc(body: str, title: str = "TV news"):  # noqa: ANN202 (a parsed Document)
    return parse_documents(_page(body, title), "https://news.example/story")[0]


def fired(body: str, watch: Watch, value: str, title: str = "TV news") -> set[str]:
    """The rules that fired on the candidate dated `value`."""
    reading = read(_doc(body, title), watch, complete=True)
    return {name for c in reading.dates if c.mention.value == value for name in c.features}


def release(body: str, watch: Watch, title: str = "TV news") -> str | None:
    found = [f.date for f in extract(_doc(body, title), watch) if f.kind == "release_date"]
    return found[0] if found else None


def test_a_later_seasons_page_does_not_take_the_shows_debut() -> None:
    body = (
        "<p>Mosswood Manor season 3 is officially happening.</p>"
        "<p>The gothic drama was renewed on March 9, 2022, a week after its series "
        "premiere on March 2.</p>"
    )
    # (March 2 takes its year from the history sentence it sits in: 2022)
    assert "show_debut" in fired(body, MOSSWOOD3, "2022-03-02", "Mosswood Manor Season 3")
    assert release(body, MOSSWOOD3, "Mosswood Manor Season 3") is None


def test_which_premiered_after_the_first_one_is_the_earlier_seasons() -> None:
    body = (
        "<p>Mosswood Manor returns for its third season on Friday, July 12. The "
        "new episodes are bleaker than the first, which premiered in October 2021.</p>"
    )
    assert "show_debut" in fired(body, MOSSWOOD3, "2021-10")
    assert release(body, MOSSWOOD3) == "2024-07-12"


def test_which_premiered_after_the_series_is_the_shows_debut_not_the_seasons() -> None:
    body = (
        "<p>The streamer will not order a third season of the moody ghost series, which "
        "premiered May 2 and ended its run in June.</p>"
    )
    assert "show_debut" in fired(body, MOSSWOOD3, "2024-05-02", "Mosswood Manor cancelled")


def test_a_series_premiere_still_to_come_is_left_alone() -> None:
    # (in British usage "series" is a season: its premiere still to come may be this one)
    body = "<p>Mosswood Manor series 3: the series premiere will air on Sunday, July 14.</p>"
    assert "show_debut" not in fired(body, MOSSWOOD3, "2024-07-14")


def test_a_season_of_another_named_show_is_not_the_watched_season() -> None:
    refs = season_references("and the third season of Harbor Lights is slated for 2025", MOSSWOOD3)
    assert [r.season for r in refs] == [OTHER_SEASON]
    # the watch's own name, a network's possessive before it, or a description keep it
    for text in (
        "the third season of Mosswood Manor is slated for 2025",
        "season 3 of Netflix's Mosswood Manor is slated for 2025",
        "the third season of Ada Quill's gothic drama is slated for 2025",
        "the third season of the BBC drama is slated for 2025",
    ):
        assert [r.season for r in season_references(text, MOSSWOOD3)] == [3], text


def test_a_franchise_name_before_the_watchs_subtitle_is_another_work() -> None:
    text = "Galaxy Tales returns in December with a new film."
    assert other_work_before(text, text.index("returns"), LANTERN2)
    # while the subtitle alone still names the watch
    text = "The Lantern Keepers returns in December."
    assert not other_work_before(text, text.index("returns"), LANTERN2)


def test_counting_words_and_field_labels_are_not_works() -> None:
    body = (
        "<p>Mosswood Manor season 3 got a teaser.</p>"
        "<p>Two dates appear at the end: the day the house burned and Sept. 6, 2024, "
        "the release date of the new season.</p>"
    )
    assert "other_work_subject" not in fired(body, MOSSWOOD3, "2024-09-06")


def test_an_actor_returning_in_a_role_is_not_another_work() -> None:
    body = "<p>In Mosswood Manor season 3, Ada Quill returns as the housekeeper on July 12.</p>"
    assert "other_work_subject" not in fired(body, MOSSWOOD3, "2024-07-12")


def test_a_list_of_other_returning_shows_is_not_the_watch() -> None:
    body = (
        "<p>Mosswood Manor has been renewed for a third season.</p>"
        "<p>Other series returning in 2025 include Harbor Lights and Copper Street.</p>"
    )
    assert release(body, MOSSWOOD3, "Mosswood Manor renewed") is None


def test_an_aside_after_also_colon_is_another_story() -> None:
    body = (
        "<p>Mosswood Manor season 3 finished filming, and there is no date yet.</p>"
        "<p>Also: the streamer posted a trailer for Harbor Lights; it premieres Nov. 8.</p>"
    )
    assert release(body, MOSSWOOD3, "Weekly notes") is None


def test_a_numbered_film_named_by_its_place_is_the_watch() -> None:
    sequel = Watch("Starfall 3", None, ())
    body = '<p>The studio has set the next "Starfall" for November 6, 2026.</p>'
    assert release(body, sequel, "Studio dates third 'Starfall' film") == "2026-11-06"
    # an earlier entry is not
    body = "<p>The first Starfall opened in 2019.</p>"
    assert release(body, sequel, "Studio dates third 'Starfall' film") is None


def test_the_watchs_title_inside_a_longer_quoted_title_is_another_work() -> None:
    film = Watch("Starfall", None, ())
    body = (
        '<p>The last outing for the hero, "Starfall Rising," opened May 2, 2008.</p>'
        "<p>Starfall arrives in theaters on July 10, 2026.</p>"
    )
    assert release(body, film, "A first look at Starfall") == "2026-07-10"


def test_a_work_introduced_by_a_relative_clause_keeps_its_date() -> None:
    body = (
        "<p>Mosswood Manor season 3 is among the network's summer titles.</p>"
        "<p>Harbor Lights, which brings back its original cast after ten years, "
        "premieres Tuesday, July 16.</p>"
    )
    assert "leading_other_work" in fired(body, MOSSWOOD3, "2024-07-16")


def test_a_season_in_parts_takes_the_first_parts_date() -> None:
    body = (
        "<p>Mosswood Manor season 3 will be released in two parts, with Part 1 on "
        "August 7 and Part 2 on September 4.</p>"
    )
    assert "first_part" in fired(body, MOSSWOOD3, "2024-08-07")
    assert release(body, MOSSWOOD3, "Mosswood Manor season 3 dates") == "2024-08-07"


def test_what_is_left_of_the_season_is_a_later_part() -> None:
    body = (
        "<p>Mosswood Manor season 3 opened with four episodes on July 3. "
        "The remaining six arrive August 21.</p>"
    )
    assert "later_part" in fired(body, MOSSWOOD3, "2024-08-21")


def test_a_title_line_naming_part_two_makes_its_entry_part_twos() -> None:
    body = (
        "<p>Here is what returns this fall.</p>"
        "<p>Mosswood Manor Season 3 Part 2</p>"
        "<p>The ghosts are back for the last batch of episodes.</p>"
        "<p>Release date: September 4, 2024</p>"
        "<p>Harbor Lights Season 2</p>"
        "<p>Release date: October 9, 2024</p>"
    )
    assert "later_part" in fired(body, MOSSWOOD3, "2024-09-04", "Fall TV preview")
    assert "later_part" not in fired(body, MOSSWOOD3, "2024-10-09", "Fall TV preview")


def test_when_an_alias_names_seasons_as_parts_parts_are_seasons() -> None:
    watch = Watch("Mosswood Manor", 3, ("Mosswood Manor Part 3",))
    body = (
        "<p>Mosswood Manor Part 3</p>"
        "<p>Mosswood Manor Part 3 is out now: all episodes dropped on June 6.</p>"
    )
    assert "later_part" not in fired(body, watch, "2024-06-06", "Review")


def test_a_films_numbered_sequel_is_not_the_film() -> None:
    film = Watch("Starfall", None, ())
    for text in ('The studio moved "Starfall: Part Two" to May 1.', "Starfall 2 opens May 1."):
        assert title_mentions(text, film) == [], text
    assert title_mentions("Starfall opened in 2021.", film) == [(0, 8, None)]


def test_the_last_few_episodes_are_a_later_part() -> None:
    assert [n for _, _, n in part_references("The last two episodes land on July 1")] == [2]


def test_a_return_after_the_debut_clause_is_not_the_debut() -> None:
    body = (
        "<p>Mosswood Manor season 3 news.</p><p>The series, which debuted in "
        "February 2021, will return on Friday, December 6.</p>"
    )
    assert "show_first_premiere" not in fired(body, MOSSWOOD3, "2024-12-06")
    assert "show_first_premiere" in fired(body, MOSSWOOD3, "2021-02")


def test_another_work_that_has_its_return_on_a_date_is_the_subject() -> None:
    text = "Hospital drama Copper Street has its winter return on January 14."
    assert other_work_before(text, text.index("return "), MOSSWOOD3)


def test_a_later_part_named_before_a_colon_owns_the_date_after_it() -> None:
    body = (
        "<p>Mosswood Manor season 3 is split in two, and the back half now has a date: "
        "the network said the show returns on Wednesday, August 14.</p>"
    )
    assert "later_part" in fired(body, MOSSWOOD3, "2024-08-14")


def test_a_date_in_apposition_to_another_work_is_that_works() -> None:
    film = Watch("Starfall", None, ())
    body = "<p>Starfall moves again. That leaves Harbor Lights, dated May 2, 2025, alone.</p>"
    assert "other_work_appositive" in fired(body, film, "2025-05-02")
    # a series described by its makers keeps its own date
    body = (
        "<p>The trailer for Starfall, the new film from writers Ada Quill and Bo Reyes, "
        "set for May 2, 2025, is out.</p>"
    )
    assert "other_work_appositive" not in fired(body, film, "2025-05-02")


def test_a_line_labeled_with_another_works_name_is_that_works() -> None:
    film = Watch("Starfall", None, ())
    body = (
        "<p>The studio moved four films.</p><p>Starfall: from May 2, 2025 to June 6, 2025</p>"
        "<p>Harbor Lights: from July 4, 2025 to May 1, 2026</p>"
    )
    assert "labeled_other_work" in fired(body, film, "2026-05-01")
    assert "labeled_other_work" not in fired(body, film, "2025-06-06")
    body = "<p>Starfall is coming.</p><p>Release date: June 6, 2025</p>"
    assert "labeled_other_work" not in fired(body, film, "2025-06-06")


def test_the_watch_between_a_verb_and_the_date_keeps_the_date() -> None:
    film = Watch("Starfall 2", None, ())
    headline = "Studio Shuffles Film Dates: Starfall 2 to February 2026"
    assert "other_work_subject" not in fired("<p>News.</p>", film, "2026-02", headline)


def test_the_titles_own_medium_word_before_the_season_keeps_it_the_watchs() -> None:
    for text in (
        "Mosswood Manor Anime's 3rd Season Delayed",
        "Mosswood Manor's season 3 arrives",
        "Mosswood Manor TV series 3 arrives",
    ):
        assert [r.season for r in season_references(text, MOSSWOOD3)] == [3], text


def test_a_previously_slated_date_is_a_superseded_plan() -> None:
    body = "<p>Mosswood Manor season 3 is delayed. It was previously slated to air this year.</p>"
    assert "superseded_plan" in fired(body, MOSSWOOD3, "2024")


def test_seasons_in_a_sentence_led_by_another_show_are_that_shows() -> None:
    body = (
        "<p>Mosswood Manor season 3 starts filming soon.</p>"
        "<p>Harbor Lights became a hit in 2021, and its third season is scheduled for 2025.</p>"
    )
    assert release(body, MOSSWOOD3, "Why the wait?") is None
    # a sentence about the watched season without a leading show still is the watch's
    body = "<p>Mosswood Manor season 3 is coming.</p><p>The third season is scheduled for 2025.</p>"
    assert release(body, MOSSWOOD3, "Why the wait?") == "2025"


def test_another_work_named_by_what_it_is_keeps_its_date() -> None:
    film = Watch("Starfall", None, ())
    cases = [
        (MOSSWOOD3, "<p>Mosswood Manor's holiday special airs on Christmas Day.</p>",
         "2024-12-25", "special_episode"),
        (film, "<p>Starfall is returning to IMAX theaters for a one-week run starting "
         "August 2.</p>", "2024-08-02", "re_release"),
        (film, "<p>The stage musical opened on Broadway on March 3, 2004.</p>",
         "2004-03-03", "stage_production"),
        (film, "<p>Ada Quill's next project, a legal drama, is slated for 2026.</p>",
         "2026", "next_project"),
        (MOSSWOOD3, "<p>The network gave Harbor Lights a second season; that series drops "
         "on November 8.</p>", "2024-11-08", "that_other_series"),
    ]  # fmt: skip
    for watch, body, value, rule_name in cases:
        assert rule_name in fired(body, watch, value, "News"), body


def test_that_series_after_the_watch_in_an_earlier_sentence_is_left_alone() -> None:
    body = "<p>Mosswood Manor season 3 is coming.</p><p>That series drops on November 8.</p>"
    assert "that_other_series" not in fired(body, MOSSWOOD3, "2024-11-08", "News")


def test_a_parenthetical_release_after_another_work_is_that_works() -> None:
    film = Watch("Starfall 2099", None, ())
    body = "<p>Set after Starfall 2049 (released October 6, 2017), the film follows a pilot.</p>"
    assert "other_work_appositive" in fired(body, film, "2017-10-06")


def test_a_relative_clause_after_a_work_it_follows_is_that_works() -> None:
    body = (
        "<p>Mosswood Manor season 3 is the latest entry, following HARBOR LIGHTS: ORIGIN, "
        "which premiered December 13, 2023.</p>"
    )
    assert "other_work_relative" in fired(body, MOSSWOOD3, "2023-12-13")


def test_after_its_dated_release_is_the_shows_debut() -> None:
    body = (
        "<p>Mosswood Manor season 3 is coming.</p>"
        "<p>A month after its March 2022 release, it topped the charts.</p>"
    )
    assert "show_debut" in fired(body, MOSSWOOD3, "2022-03")


def test_the_new_season_under_a_headline_about_another_season_is_that_one() -> None:
    body = "<p>The new season of Mosswood Manor premieres on August 27.</p>"
    assert release(body, MOSSWOOD3, "Mosswood Manor Season 2 Featurette Is Here") is None
    assert release(body, MOSSWOOD3, "Mosswood Manor: New Season Date") == "2024-08-27"


def test_one_episode_of_a_running_season_is_not_the_season() -> None:
    body = "<p>Mosswood Manor season 3 recap.</p><p>The next episode, 'Cold Open,' airs Nov. 3.</p>"
    assert "single_episode" in fired(body, MOSSWOOD3, "2024-11-03")
    body = "<p>Mosswood Manor season 3: the first episode airs Nov. 3.</p>"
    assert "single_episode" not in fired(body, MOSSWOOD3, "2024-11-03")


def test_quoted_episode_titles_are_not_other_works() -> None:
    body = (
        "<p>Mosswood Manor season 3 is near.</p><p>The first two episodes of the season, "
        '"The Gate" and "Ash," land on Friday, November 8.</p>'
    )
    assert "other_work_named" not in fired(body, MOSSWOOD3, "2024-11-08")


def test_a_quoted_work_in_an_earlier_clause_does_not_own_the_date() -> None:
    film = Watch("Starfall: Return", None, ())
    body = (
        '<p>"Starfall" opens Nov. 22, and the newly named sequel is scheduled for '
        "Nov. 21, 2025.</p>"
    )
    assert "other_work_named" not in fired(body, film, "2025-11-21", "Starfall sequel titled")


def test_headline_case_descriptions_and_line_openers_are_not_works() -> None:
    text = "Emmy-Winning Comedy Returns for Season Three on Wednesday, Oct. 9"
    assert not other_work_before(text, text.index("Returns"), MOSSWOOD3)
    text = "Starfall - Only in theaters July 2."
    assert not other_work_before(text, text.index("in theaters"), Watch("Starfall", None, ()))


def test_a_label_followed_by_a_sentence_is_no_work() -> None:
    body = "<p>Mosswood Manor season 3 panel.</p><p>Reminder: the season premieres Sept. 6.</p>"
    assert "labeled_other_work" not in fired(body, MOSSWOOD3, "2024-09-06")


def test_a_release_verb_after_the_titles_colon_is_no_subtitle() -> None:
    body = "<p>Fall TV.</p><p>Mosswood Manor: Premieres Sept. 27 on the network</p>"
    assert "spinoff_title" not in fired(body, MOSSWOOD3, "2024-09-27")


def test_volume_labels_in_a_row_each_date_their_own_part() -> None:
    body = "<p>Mosswood Manor season 3 dates: Volume 1: November 26 Volume 2: December 25</p>"
    assert "later_part" not in fired(body, MOSSWOOD3, "2024-11-26")
    assert "later_part" in fired(body, MOSSWOOD3, "2024-12-25")


def test_the_watched_season_named_in_news_of_the_next_season_is_the_watchs() -> None:
    watch = Watch("Mosswood Manor", 2, ())
    body = (
        "<p>The streamer set the third season for June.</p>"
        "<p>Season 2, which dropped on Dec. 26, 2023, drew a huge audience.</p>"
        "<p>The season that began on Dec. 26 ended in a cliffhanger.</p>"
    )
    reading = read(_doc(body, "Mosswood Manor Season 3 Gets a June Date"), watch, complete=True)
    subjects = {c.sentence.text[:10]: c.sentence.subject for c in reading.dates}
    assert subjects["Season 2, "] == "watch"
    assert subjects["The season"] != "watch"  # the passage stays season 3's


def test_a_listicle_entry_headed_by_the_bare_title_is_about_the_season_it_names() -> None:
    body = (
        "<h2>HARBOR LIGHTS</h2><p>STREAMER, this spring</p><p>The second outing is darker.</p>"
        "<h2>MOSSWOOD MANOR</h2><p>NETWORK, later this autumn</p>"
        "<p>The creator says this third series is the last.</p>"
    )
    reading = read(_doc(body, "What to watch this year"), MOSSWOOD3, complete=True)
    subjects = {c.sentence.text: c.sentence.subject for c in reading.dates}
    assert subjects["NETWORK, later this autumn"] == "watch"
    assert subjects["STREAMER, this spring"] != "watch"


def test_a_paragraph_repeating_the_title_is_read_in_linear_time() -> None:
    text = "Mosswood Manor and " * 20_000
    # CPU time, not the wall clock: ~0.13 s here, where a quadratic scan took minutes; the
    # wall clock of a loaded CI machine once took 1 s.
    start = time.process_time()
    assert len(title_mentions(text, Watch("Mosswood Manor", 3, ("Mosswood Manor S3",)))) == 20_000
    assert time.process_time() - start < 1.0


def test_an_installment_phrase_in_apposition_to_the_watch_is_the_watch() -> None:
    film = Watch("Starfall Ends", None, ())
    body = '<p>The third film in the series, "Starfall Ends," will now open Oct. 14, 2026.</p>'
    assert "other_installment" not in fired(body, film, "2026-10-14")
    assert release(body, film, "Starfall Ends moves") == "2026-10-14"


def test_it_after_a_sentence_introducing_another_show_is_that_show() -> None:
    body = (
        "<p>Mosswood Manor season 3 gets an autumn slot, day to come.</p>"
        "<p>The network also dated its fall shows, led by Ada Quill's Harbor Lights, which "
        "it calls its boldest drama. It starts Tuesday, Sept. 3.</p>"
    )
    assert "another_story" in fired(body, MOSSWOOD3, "2024-09-03", "Fall dates")
    body = "<p>Mosswood Manor season 3 is dated.</p><p>It starts Tuesday, Sept. 3.</p>"
    assert "another_story" not in fired(body, MOSSWOOD3, "2024-09-03", "Fall dates")


def test_a_quoted_title_before_which_owns_the_relative_clauses_date() -> None:
    film = Watch("Starfall 4", None, ())
    body = '<p>The hero died at the end of "Harbor Lights," which opened April 26, 2019.</p>'
    assert "other_work_relative" in fired(body, film, "2019-04-26", "Starfall 4 trailer")


def test_another_franchises_entry_named_by_its_place_keeps_its_date() -> None:
    film = Watch("Starfall: Day One", None, ())
    body = "<p>Studio news.</p><p>And the next Harbor Lights movie goes to Dec. 19, 2025.</p>"
    assert "other_franchise_entry" in fired(body, film, "2025-12-19", "Starfall: Day One moves")
    body = "<p>Studio news.</p><p>The next Starfall film goes to Dec. 19, 2025.</p>"
    assert "other_franchise_entry" not in fired(body, film, "2025-12-19", "Starfall moves")


def test_an_order_for_a_season_and_next_weeks_episode_are_not_releases() -> None:
    body = "<p>Mosswood Manor news.</p><p>The network confirmed a third season in July.</p>"
    assert "season_ordered" in fired(body, MOSSWOOD3, "2024-07")
    body = "<p>Mosswood Manor season 3 recap.</p><p>Next Sunday's episode brings a wedding.</p>"
    assert "single_episode" in fired(body, MOSSWOOD3, "2024-06-16")


def test_a_season_number_after_a_quoted_show_is_that_shows() -> None:
    text = 'Also, "Harbor Lights" season 3 will arrive in summer 2026.'
    assert [r.season for r in season_references(text, MOSSWOOD3)] == [OTHER_SEASON]
    text = '"Mosswood Manor" season 3 will arrive in 2026.'
    assert [r.season for r in season_references(text, MOSSWOOD3)] == [3]


def test_a_separate_work_and_a_series_film_are_other_works() -> None:
    body = (
        "<p>Mosswood Manor season 3 news.</p><p>No, a separate animated series is due in 2026.</p>"
    )
    assert "separate_work" in fired(body, MOSSWOOD3, "2026")
    body = (
        "<p>Mosswood Manor season 3 news.</p><p>The studio showed a trailer for the film, "
        "which opens in Japan September 19.</p>"
    )
    assert "separate_work" in fired(body, MOSSWOOD3, "2024-09-19")


def test_an_faq_question_about_another_season_heads_its_answer() -> None:
    body = (
        "<p>Mosswood Manor season 3 has no date yet.</p>"
        "<p>When did Mosswood Manor season 2 come out?</p>"
        "<p>Part 1 was released on August 6, 2023 and Part 2 on September 3, 2023.</p>"
    )
    assert release(body, MOSSWOOD3, "Mosswood Manor season 3: what we know") is None


def test_a_subtitled_film_is_also_its_franchises_new_entry() -> None:
    film = Watch("Starfall: Legends", None, ())
    assert title_mentions('The studio is moving its new "Starfall" to May 30.', film)
    assert title_mentions("The next Starfall movie is set for May 30.", film)
    assert not title_mentions("The 1984 Starfall opened in June.", film)


def test_an_alias_extending_the_title_with_a_subtitle_names_the_watched_season() -> None:
    watch = Watch("Mosswood Manor", 3, ("Mosswood Manor: The Cellar", "Mosswood Manor (US)"))
    text = "Mosswood Manor: The Cellar premieres Sept. 29."
    assert title_mentions(text, watch) == [(0, 26, 3)]
    assert title_mentions("Mosswood Manor (US) returns.", watch)[0][2] is None


def test_a_dated_season_after_confirmed_is_no_order() -> None:
    body = "<p>Hulu confirmed Mosswood Manor season 3 premieres June 27.</p>"
    assert "season_ordered" not in fired(body, MOSSWOOD3, "2024-06-27")


# ---------------------------------------------------------------- tying a date to the watch


def test_an_alias_that_names_the_season_keeps_its_number_the_watchs() -> None:
    # the title's short form before the season number is the alias, not another show
    watch = Watch("QUILLBACK: TALES OF THE REEF", 2, ("Quillback Season 2",))
    refs = season_references("QUILLBACK Season 2 is coming March 2025 to Streamly.", watch)
    assert [r.season for r in refs] == [2]
    body = "<p>QUILLBACK Season 2 is coming March 2025 to Streamly.</p>"
    assert release(body, watch) == "2025-03"


def test_a_describing_word_may_sit_between_the_ordinal_and_season() -> None:
    for text in (
        "Back for a fourth hilarious season, the sitcom returns.",
        "The comedy returns for its fourth full series.",
        "a fourth highly-anticipated season",
    ):
        assert [r.season for r in season_references(text, MOSSWOOD3)] == [4], text


def test_a_listicle_entry_line_heads_its_when_answer() -> None:
    # entry titles as plain lines, each followed by its blurb and "When can I watch it?"
    body = (
        "<p>Harbor Lights (Season 2)</p><p>What is it? The lighthouse drama is back.</p>"
        "<p>When can I watch it? July 12</p>"
        "<p>Mosswood Manor (Season 3)</p><p>What is it? The gothic drama returns.</p>"
        "<p>When can I watch it? July 19</p>"
        "<p>The Velvet Ledger</p><p>What is it? A documentary about accountants.</p>"
        "<p>When can I watch it? July 26</p>"
    )
    assert release(body, MOSSWOOD3, "New on Streamly this month") == "2024-07-19"
    other = Watch("Harbor Lights", 3, ())
    assert release(body, other, "New on Streamly this month") is None


def test_a_slate_line_with_the_title_before_its_date_is_a_listing_row() -> None:
    body = (
        "<p>Harbor Lights (Season 2) - October 4, 2024</p>"
        "<p>Mosswood Manor (Season 3) - November 8, 2024</p>"
        "<p>Quiet Orchard (Season 2) - TBA</p>"
        "<p>The neighbors' comedy will return for Season 3 this year.</p>"
    )
    assert release(body, MOSSWOOD3, "Every returning Streamly original") == "2024-11-08"
    # a field label before the dash is no title: "Release date - ..." stays a field
    field = "<p>Mosswood Manor season 3 is coming.</p><p>Release date - November 8, 2024</p>"
    assert "another_story" not in fired(field, MOSSWOOD3, "2024-11-08")


def test_a_page_about_the_titles_new_season_naming_no_other_is_the_watchs() -> None:
    body = (
        "<p>Streamly released the trailer for the new season of Mosswood Manor on Monday.</p>"
        "<p>The studio said the season premieres on Friday, August 9.</p>"
    )
    assert release(body, MOSSWOOD3, "Mosswood Manor's New Season Gets a Trailer") == "2024-08-09"
    # another season named on the page: "the season" may be that one
    other = body + "<p>Season 2 ended in 2023.</p>"
    assert release(other, MOSSWOOD3, "Mosswood Manor's New Season Gets a Trailer") is None


def test_a_premiere_lists_row_noting_the_season_premiere_is_the_watched_season() -> None:
    body = (
        "<h3>Tuesday, Oct. 8</h3><p>9 p.m. - Harbor Lights (NBS, season premiere)</p>"
        "<h3>Tuesday, Oct. 22</h3><p>8 p.m. - Harbor Lights (NBS, regular time slot premiere)</p>"
    )
    watch = Watch("Harbor Lights", 7, ())
    assert "about_watch" in fired(body, watch, "2024-10-08", "Fall premiere dates (updating)")
    assert "about_watch" not in fired(body, watch, "2024-10-22", "Fall premiere dates (updating)")
    assert release(body, watch, "Fall premiere dates (updating)") == "2024-10-08"


def test_a_channel_sub_heading_keeps_the_day_of_a_night_by_night_grid() -> None:
    body = (
        "<h3>Monday, Sept. 23</h3><h4>NBS</h4><p>8 p.m.: Quiet Orchard</p>"
        "<p>10 p.m.: Mosswood Manor (New Series)</p><h4>CBX</h4><p>9 p.m.: Harbor Lights</p>"
        "<h3>Tuesday, Sept. 24</h3><p>Two returning comedies fill the night.</p>"
    )
    watch = Watch("Mosswood Manor", 1, ())
    assert release(body, watch, "Every fall premiere, night by night") == "2024-09-23"


def test_a_bare_weekday_heading_of_a_weeks_list_is_that_weeks_day() -> None:
    body = (
        "<p>Everything arriving on Streamly this week, day by day.</p>"
        "<h3>Wednesday</h3><ul><li>The Velvet Ledger (documentary)</li></ul>"
        "<h3>Thursday</h3><ul><li>Mosswood Manor (Season 3)</li><li>Quiet Orchard</li></ul>"
    )
    # published Wednesday 2024-06-12: the list's Thursday is June 13
    assert release(body, MOSSWOOD3, "New on Streamly this week") == "2024-06-13"


def test_a_sentence_case_heading_is_no_other_story() -> None:
    # a liveblog's entry headings are sentences, not other works' titles
    body = (
        "<p>The Mosswood Manor cast takes the stage shortly; refresh for updates.</p>"
        "<h3>Crowd goes quiet</h3><p>The lights dim.</p>"
        "<h3>Big news</h3><p>They just confirmed it: season 3 premieres Friday, October 4.</p>"
    )
    assert release(body, MOSSWOOD3, "Live: Mosswood Manor Season 3 Panel") == "2024-10-04"
    # a heading written as a name still opens another entry
    other = body.replace("<h3>Big news</h3>", "<h3>The Velvet Ledger</h3>")
    assert release(other, MOSSWOOD3, "Live: Mosswood Manor Season 3 Panel") is None


def test_a_roundups_headline_date_is_its_entries_when_one_is_the_watch() -> None:
    body = (
        "<p>The network has a busy season lined up.</p>"
        "<h3>The Velvet Ledger</h3><p>A documentary about accountants.</p>"
        "<h3>Mosswood Manor Season 3</h3><p>The gothic drama is back with new faces.</p>"
        "<h3>Quiet Orchard</h3><p>A family saga in the hills.</p>"
    )
    title = "Five new NBS shows coming this autumn 2024"
    assert release(body, MOSSWOOD3, title) == "2024-autumn"
    # not an entry of it: the headline's date is the other shows'
    other = body.replace("Mosswood Manor Season 3", "Harbor Lights")
    assert release(other + "<p>Mosswood Manor is also renewed.</p>", MOSSWOOD3, title) is None
    # a week's range in the headline is no day of any entry
    week = "What's coming to Streamly this week: June 17th to 23rd, 2024"
    assert release(body, MOSSWOOD3, week) is None


def test_an_entrys_labeled_field_is_its_fact_not_another_story() -> None:
    body = (
        "<p>Here is what is on the way this week.</p>"
        "<p>Mosswood Manor (Season 3)</p><p>Coming to Streamly: Friday</p>"
        "<p>The gothic drama returns with a new ghost.</p>"
        "<p>Critical Ledger (2020)</p><p>Coming to Streamly: Thursday</p>"
        "<p>A film about a chess team.</p>"
    )
    # published Wednesday 2024-06-12: Friday is June 14; Thursday is the film's
    assert release(body, MOSSWOOD3, "New on Streamly") == "2024-06-14"
    assert "about_watch" not in fired(body, MOSSWOOD3, "2024-06-13", "New on Streamly")


def test_a_weekday_owns_no_season() -> None:
    watch = Watch("Late Night Revue", 12, ())
    refs = season_references("Numbers for Saturday's 12th season premiere were down.", watch)
    assert [r.season for r in refs] == [12]


def test_a_season_in_a_phrase_after_the_date_is_not_its_subject() -> None:
    watch = Watch("Harbor Lights", 2, ())
    body = (
        "<p>Harbor Lights is coming back.</p><p>The studio confirmed it will be dropping in "
        "October, with only one actor returning from the first season.</p>"
    )
    assert "about_watch" in fired(body, watch, "2024-10", "Harbor Lights Season 2 News")


def test_a_roundups_intro_date_is_its_entries_when_one_is_the_watch() -> None:
    body = (
        "<p>Streamly wraps up a long-running favorite this weekend.</p>"
        "<p>Here is everything debuting on Streamly on Friday.</p>"
        '<h3>"The Velvet Ledger" (documentary)</h3><p>A look at accountants.</p>'
        '<h3>"Mosswood Manor" season 3 (series)</h3><p>The ghosts are back.</p>'
        '<h3>"Quiet Orchard" (movie)</h3><p>A family saga.</p>'
    )
    # published Wednesday 2024-06-12: Friday is June 14
    assert release(body, MOSSWOOD3, "The Streamly Originals Arriving This Weekend") == "2024-06-14"
    other = body.replace('"Mosswood Manor" season 3', '"Harbor Lights"')
    assert release(other, MOSSWOOD3, "The Streamly Originals Arriving This Weekend") is None


def test_a_roundup_of_entries_dated_one_by_one_shares_no_date() -> None:
    body = (
        "<p>Here's everything coming to the service this month.</p>"
        "<h3>Harbor Lights (June 20)</h3><p>The drama returns.</p>"
        "<h3>Quiet Orchard (June 27)</h3><p>A family saga.</p>"
        "<h3>Still waiting: Mosswood Manor season 3</h3><p>No word on when it returns.</p>"
    )
    assert release(body, MOSSWOOD3, "New on Streamly in June 2024") is None


def test_a_listings_grid_entry_with_its_blurb_is_a_row_of_the_days_heading() -> None:
    body = (
        "<h3>NBS One \u00b7 Wednesday 12 June</h3>"
        "<p>8.00pm Quiet Orchard (repeat)</p>"
        "<p>9.00pm Mosswood Manor New series. 1/6. The ghosts return to the manor "
        "as the family prepares for a wedding.</p>"
        "<p>10.00pm Trailer: Harbor Lights New series coming soon to NBS One.</p>"
    )
    assert release(body, MOSSWOOD3, "TV Guide: NBS One tonight") == "2024-06-12"
    promo = Watch("Harbor Lights", 2, ())
    assert release(body, promo, "TV Guide: NBS One tonight") is None


def test_a_bold_day_line_over_programme_lines_is_their_day() -> None:
    body = (
        "<p>The fall schedule is as follows:</p>"
        "<p><strong>TUESDAY, SEPT. 17</strong></p>"
        "<p>8:00-10:00 p.m. \u2013 \u201cQuiet Orchard\u201d (Season 9 Premiere)</p>"
        "<p><strong>WEDNESDAY, OCT. 9</strong></p>"
        "<p>9:30-10:00 p.m. \u2013 \u201cMosswood Manor\u201d (Season Three Premiere)</p>"
    )
    assert release(body, MOSSWOOD3, "NBS unveils its fall premiere dates") == "2024-10-09"


def test_people_named_before_the_verb_are_no_other_work() -> None:
    text = "Harbor Lights starring Ann Marlow and Bo Pettersen will return for a second series."
    watch = Watch("Harbor Lights", 2, ())
    assert not other_work_before(text, text.index("will"), watch)
    # a work owned by a person is still another work
    lineup = "The fall is led by Kurt Vale's Iron Saints, which returns Sept. 4."
    assert other_work_before(lineup, lineup.index(", which"), watch)


def test_a_long_cast_list_set_off_by_commas_is_people_not_the_subject() -> None:
    # A press release's film paragraph: the cast runs long, and its last name stands
    # before the verb after a comma, like an appositive title would.
    watch = Watch("Lantern Hill", None, ())
    body = (
        "<p>LANTERN HILL, starring Mara Quillington, Theodore Banks, Ruth Okafor, Daniel"
        " Ferris, Ewan Stonebridge and Lena Hartwell, will air in June 2027.</p>"
        "<p>SALT ROAD, a portrait of a river town in the year after a flood, comes to the"
        " network this August.</p>"
    )
    assert release(body, watch, "Network sets its summer films") == "2027-06"


def test_a_plug_for_another_article_lends_it_no_date() -> None:
    body = (
        "<p>Mosswood Manor has been renewed for a fourth season.</p>"
        "<p>And for more on Streamly, find out which hit drama will be coming back in 2025!</p>"
    )
    assert "reader_plug" in fired(body, MOSSWOOD3, "2025", "Mosswood Manor Season 3 News")
    assert release(body, MOSSWOOD3, "Mosswood Manor Season 3 News") is None


def test_a_relative_clause_after_another_works_name_is_that_works() -> None:
    body = (
        "<p>Mosswood Manor season 3 now has a date: the studio set it for May 2, 2025.</p>"
        "<p>The bigger change is the studio's long-planned Copper Lantern, which has been "
        "pushed back a year to November 2026.</p>"
    )
    assert "other_work_subject" in fired(body, MOSSWOOD3, "2026-11", "Mosswood Manor Season 3")
    assert release(body, MOSSWOOD3, "Mosswood Manor Season 3") == "2025-05-02"


COPPER = Watch("Copper Lantern", None, ())


def test_a_release_delayed_with_no_new_date_leaves_the_earlier_dates_abandoned() -> None:
    for news in (
        "The studio has delayed Copper Lantern indefinitely.",
        "The studio removed Copper Lantern from its release calendar on Thursday.",
        "Copper Lantern slipped again, and the studio gave no new release date.",
    ):
        body = (
            f"<p>{news}</p><p>The film was originally set to open on March 27, and was then "
            "pushed to July 24, and then to August 21.</p>"
        )
        assert "delayed_without_date" in fired(body, COPPER, "2024-08-21")
        assert release(body, COPPER) is None, news


def test_the_new_date_after_an_indefinite_delay_is_the_release() -> None:
    body = (
        "<p>The studio had delayed Copper Lantern indefinitely in May.</p>"
        "<p>Copper Lantern now opens on August 21, its new release date.</p>"
    )
    assert release(body, COPPER) == "2024-08-21"


def test_a_sentence_naming_another_work_on_a_slate_is_not_the_passages() -> None:
    # the watch's passage goes on, but the sentence introduces another work by name
    body = (
        "<p>Copper Lantern now has a date: the studio set it for June 21, 2027.</p>"
        "<p>The studio also confirmed that its take on an old fairy tale will be called "
        "Glass Giants, as teased at its expo earlier this year (the film opens March 9, "
        "2026).</p>"
    )
    assert "about_watch" not in fired(body, COPPER, "2026-03-09")
    assert release(body, COPPER) == "2027-06-21"


def test_a_slates_dates_as_a_noun_govern_nothing() -> None:
    body = (
        "<p>Copper Lantern now has a date: the studio set it for June 21, 2027.</p>"
        "<p>With the dates stretching all the way to 2029, the studio is planning ahead.</p>"
    )
    assert "release_verb" not in fired(body, COPPER, "2029")
    assert release(body, COPPER) == "2027-06-21"


def test_a_day_line_over_a_season_lists_entries_dates_each_entry() -> None:
    body = (
        "<p>Here is the autumn schedule, night by night.</p>"
        "<p>Monday, 16 September</p><p>Quarry Road (season 2), ABC</p>"
        "<p>Glass Atlas (season 6), CBS</p>"
        "<p>Tuesday, 17 September</p><p>Pinecone Diner (season 3), Fox</p>"
        "<p>Mosswood Manor (season 3), NBC</p><p>Harbor Lights (new series), NBC</p>"
    )
    assert release(body, MOSSWOOD3, "The autumn TV schedule") == "2024-09-17"


SHELDONISH = Watch("Harbor Lights", 1, ())


def test_a_three_line_grid_dates_each_programme_by_its_day_line() -> None:
    body = (
        "<p>The network set its fall nights today.</p>"
        "<p>Here are the premiere dates:</p>"
        "<p>Sunday, Sept. 22</p><p>7:30-8:30 PM</p><p>QUARRY ROAD (50th Season Premiere)</p>"
        "<p>Monday, Sept. 23</p><p>8:00-8:30 PM</p><p>GLASS ATLAS (11th Season Premiere)</p>"
        "<p>8:30-9:00 PM</p><p>HARBOR LIGHTS (SERIES DEBUT)</p>"
    )
    assert release(body, SHELDONISH, "Fall Premiere Dates: Harbor Lights, Glass Atlas") == (
        "2024-09-23"
    )


def test_another_works_premiere_in_the_watchs_passage_is_that_works() -> None:
    body = (
        "<p>Harbor Lights will get a special premiere in the fall.</p>"
        "<p>The network will use football to drive viewers to the season premiere of "
        "Quarry Road on Sept. 22.</p>"
    )
    assert "about_watch" not in fired(body, SHELDONISH, "2024-09-22", "Harbor Lights news")


def test_a_release_called_the_last_so_far_is_an_earlier_seasons() -> None:
    body = (
        "<p>Mosswood Manor season 3 has a first teaser.</p>"
        "<p>New episodes of the gothic series were last released in 2022.</p>"
    )
    assert "previous_release" in fired(body, MOSSWOOD3, "2022", "Mosswood Manor Season 3 teaser")
    assert release(body, MOSSWOOD3, "Mosswood Manor Season 3 teaser") is None


def test_an_appositive_with_a_relative_clause_leaves_the_sentence_the_other_works() -> None:
    body = (
        "<p>The studio pulled Copper Lantern from its release calendar.</p>"
        "<p>Glass Giants, the fairy-tale prequel that has moved more times than we can count, "
        "now opens Aug. 20.</p>"
    )
    assert "leading_other_work" in fired(body, COPPER, "2024-08-20")
    assert release(body, COPPER) is None


def test_the_next_entries_of_a_batch_counted_are_other_works() -> None:
    body = (
        "<p>Copper Lantern leads the studio's six-film horror batch.</p>"
        "<p>October 6 brings the first two films, Copper Lantern and Glass Giants. "
        "(The next four will be out in 2025.)</p>"
    )
    assert "other_entries" in fired(body, COPPER, "2025")
    # (the date that brings the first two, the watch among them, is the watch's release:
    # a real slate page said so, "October 6 brings the first two films")
    assert release(body, COPPER) == "2024-10-06"


def test_which_after_a_creators_names_is_the_series() -> None:
    body = (
        "<p>The streamer released the trailer for Copper Lantern, the eight-episode series "
        "from Glass Atlas creators Ann Lee and B.C. Park, which is set to debut March 21.</p>"
    )
    watch = Watch("Copper Lantern", 1, ())
    assert release(body, watch, "Copper Lantern trailer") == "2024-03-21"


def test_a_day_line_over_plain_hour_and_title_lines_is_their_day_not_the_passages() -> None:
    # "7:00-8:00 p.m. Quarry Road" (no quotes, no premiere note) and a dash-led row whose
    # note names the slot's later airing: each show takes the day line above it, and a
    # day line is never dated by the show listed before it.
    body = (
        "<p>The network set its fall nights today.</p>"
        "<p>Fall Schedule:</p>"
        "<p>Sunday, Sept. 22</p>"
        "<p>7:00-8:00 p.m. Quarry Road</p><p>8:00-9:00 p.m. Harbor Lights</p>"
        "<p>Monday, Sept. 23</p>"
        "<p>8:00-9:00 p.m. Glass Atlas</p>"
        "<p>WEDNESDAY, SEPT. 25</p>"
        "<p>8:00-10:00 PM \u2013 MOSSWOOD MANOR (season 3 premiere) \u2013 *Regular "
        "8:00-9:00 PM timeslot begins Wednesday, Oct. 2.</p>"
    )
    assert release(body, SHELDONISH, "NBS sets its fall schedule") == "2024-09-22"
    assert release(body, MOSSWOOD3, "NBS sets its fall schedule") == "2024-09-25"


QUARRY2 = Watch("Quarry Road 2", None, ())


def test_the_first_film_as_a_relative_clauses_antecedent_dates_the_earlier_film() -> None:
    body = (
        "<p>Quarry Road 2 took $30 million in its opening weekend.</p>"
        "<p>That is a 4% rise on the first film, which opened in September 2019.</p>"
    )
    assert "earlier_work" in fired(body, QUARRY2, "2019-09", "Quarry Road 2 box office")
    assert release(body, QUARRY2, "Quarry Road 2 box office") is None


def test_a_spinoff_set_off_by_commas_is_the_subject_of_its_verb() -> None:
    watch = Watch("Harbor Lights", 2, ())
    body = (
        "<p>Harbor Lights season 2 still has no date.</p>"
        "<p>What we do know is that the reality spin-off, Harbor Lights: The Contest, "
        "arrives this November.</p>"
    )
    assert "other_work_subject" in fired(body, watch, "2024-11", "Harbor Lights season 2")
    assert release(body, watch, "Harbor Lights season 2") is None


def test_a_work_the_date_is_shared_with_is_not_the_dates_subject() -> None:
    watch = Watch("Glass Atlas", None, ())
    body = (
        "<p>Studio Nine has dated Glass Atlas.</p>"
        "<p>The film will open nationwide on Dec. 20, sharing a release date with the "
        "animated comedy \u201cQuiet Orchard.\u201d</p>"
    )
    assert "other_work_named" not in fired(body, watch, "2024-12-20", "Glass Atlas gets a date")
    assert release(body, watch, "Glass Atlas gets a date") == "2024-12-20"
    rival = body.replace(", sharing a release date with", " and so does")
    assert "other_work_named" in fired(rival, watch, "2024-12-20", "Glass Atlas gets a date")


def test_an_unquoted_work_before_which_owns_the_relative_clauses_date() -> None:
    watch = Watch("Harbor Lights", 2, ())
    body = (
        "<p>The broadcaster renewed Harbor Lights for a second series.</p>"
        "<p>Also on the list is Quarry Road, which in 2021 became the most-watched new "
        "drama launch in years.</p>"
        "<p>Its premiere in Japan, which will be in 2025, was also confirmed.</p>"
    )
    assert "other_work_relative" in fired(body, watch, "2021", "Harbor Lights renewed")
    assert "other_work_relative" not in fired(body, watch, "2025", "Harbor Lights renewed")


def test_a_title_of_an_article_and_a_name_is_the_names_new_movie() -> None:
    watch = Watch("The Lantern", None, ())
    assert title_mentions("Studio Nine delays the new Lantern movie again.", watch)
    assert not title_mentions("Lantern fans cheered the costume.", watch)


def test_an_alias_x_sequel_also_reads_a_sequel_to_x() -> None:
    watch = Watch("Mirror Hall", None, ("Quarry Road sequel",))
    assert title_mentions("The director announced a sequel to \u201cQuarry Road\u201d.", watch)
    body = (
        "<p>The director announced a sequel to \u201cQuarry Road\u201d on Monday.</p>"
        "<p>The film will be released in January 2025.</p>"
    )
    assert release(body, watch, "Sequel news roundup") == "2025-01"


def test_the_networks_midseason_is_a_launch_period_not_a_break() -> None:
    watch = Watch("Quarry Road", 1, ())
    body = (
        "<p>NBS announced its winter schedule today.</p>"
        "<p>Midseason will see the debut of two dramas, beginning on Friday nights in "
        "January with the thriller \u201cQuarry Road\u201d at 8 p.m.</p>"
    )
    assert "other_occasion" not in fired(body, watch, "2025-01", "NBS midseason schedule")
    running = Watch("Harbor Lights", 3, ())
    brk = "<p>Harbor Lights season 3 returns from its midseason break on January 5.</p>"
    assert "other_occasion" in fired(brk, running, "2025-01-05", "Harbor Lights returns")


def test_a_shows_installment_of_the_watched_number_is_the_watched_season() -> None:
    body = (
        "<p>The streamer announced on Thursday that the third installment of the gothic "
        "drama would be launching at the end of the month, on June 28.</p>"
    )
    seen = fired(body, MOSSWOOD3, "2024-06-28", "Mosswood Manor season 3")
    assert "other_installment" not in seen


def test_the_new_show_after_a_paragraph_presenting_another_work_is_that_work() -> None:
    watch = Watch("Harbor Lights", 2, ())
    body = (
        "<p>Harbor Lights season 2 finally has a trailer.</p>"
        "<p>Meanwhile Quarry Road is the latest offering from the same studio.</p>"
        "<p>The trailer looks great, and the new show begins streaming on Tuesday 2 July.</p>"
    )
    assert "about_watch" not in fired(body, watch, "2024-07-02", "Harbor Lights season 2")
    edited = body.replace("<p>Meanwhile Quarry Road", "<p>Meanwhile the cast").replace(
        "is the latest offering from", "met the press at"
    )
    assert "about_watch" in fired(edited, watch, "2024-07-02", "Harbor Lights season 2")


def test_that_film_after_another_works_trailer_is_that_film() -> None:
    body = (
        "<p>Quarry Road 2 had a panel today.</p>"
        "<p>The studio also put the new Glass Atlas trailer online. That film opens "
        "March 25, 2025.</p>"
    )
    assert "about_watch" not in fired(body, QUARRY2, "2025-03-25", "Panel live blog")


def test_a_season_only_wondered_about_does_not_make_a_dated_entry_that_seasons() -> None:
    watch = Watch("Harbor Lights", 2, ())
    body = (
        "<p>Here are the three series we are most looking forward to.</p>"
        "<h3>Quiet Orchard (June 20)</h3><p>A family saga.</p>"
        "<h3>Harbor Lights (June 27)</h3><p>The series is a spin-off of the film.</p>"
        "<p>Whether there will be a second season is anyone's guess.</p>"
        "<h3>Glass Atlas (June 30)</h3><p>A heist drama.</p>"
    )
    assert release(body, watch, "Three shows to watch in June 2024") is None


def test_a_shows_past_debut_on_a_platform_is_its_first_season() -> None:
    body = (
        "<p>Mosswood Manor season 3 is coming this year.</p>"
        "<p>Mosswood Manor debuted on Netflix on September 17, 2021, and became a hit.</p>"
    )
    seen = fired(body, MOSSWOOD3, "2021-09-17", "Mosswood Manor season 3")
    assert "show_first_premiere" in seen


def test_a_season_given_to_works_after_the_date_is_not_the_dates() -> None:
    watch = Watch("Harbor Lights", 2, ())
    given = (
        "<p>Streamly renewed its launch titles.</p>"
        "<p>In fact, all four shows the service debuted on Nov. 1 were given a second season.</p>"
    )
    assert "about_watch" not in fired(given, watch, "2023-11-01", "Harbor Lights renewed")
    same = "<p>Harbor Lights returns on June 20 for a second season.</p>"
    assert "about_watch" in fired(same, watch, "2024-06-20", "New on Streamly")


def test_works_that_are_the_ones_dated_own_the_date() -> None:
    watch = Watch("Harbor Lights", 2, ())
    body = (
        "<p>Harbor Lights is getting a second season, along with Quarry Road 3.</p>"
        "<p>Glass Atlas 2 and Quarry Road 3 are the ones actually dated for 2025 so far.</p>"
    )
    assert "other_work_subject" in fired(body, watch, "2025", "Streamly renews seven dramas")



def test_a_quoted_episode_ending_the_paragraph_before_is_no_subject_of_the_series() -> None:
    watch = Watch("Harbor Lights", 1, ())
    body = (
        "<p>Harbor Lights won best drama series on Sunday night.</p>"
        "<p>Its director also won, for the episode \u201cCold Harbor.\u201d</p>"
        "<p>The series, which premiered Feb. 27 on Streamly, became a hit.</p>"
    )
    assert "about_watch" in fired(body, watch, "2024-02-27", "Harbor Lights wins big")


def test_a_possessive_ending_the_paragraph_before_is_no_work_the_next_goes_on_about() -> None:
    body = (
        "<p>The studio released the trailer for Glass Atlas today.</p>"
        "<p>The director co-wrote the script with Quarry Road's Jane Amberley.</p>"
        "<p>The movie is due to reach US theatres December 25, 2024.</p>"
    )
    watch = Watch("Glass Atlas", None, ())
    assert release(body, watch, "Glass Atlas trailer") == "2024-12-25"


def test_another_shows_numbered_season_takes_the_sentences_after_it() -> None:
    # A liveblog: the watch's entry, then one whose line opens with another show's season;
    # the date under it is that show's, not the watched season's other one.
    body = (
        "<p>Here is the trailer for Mosswood Manor season 3.</p>"
        "<p>Cinder Road season 3 teaser!</p><p>Streaming in early 2027.</p>"
    )
    assert extract(_doc(body, "Streamfest live: every date"), MOSSWOOD3) == []


def test_a_topic_linked_to_a_season_is_not_its_show() -> None:
    # "Filming on Season 3": a topic of the season, not a show named "Filming on".
    body = (
        "<p>The streamer renewed Mosswood Manor for a third season.</p>"
        "<p>Filming on Season 3 starts in July and it will arrive on the service in 2025.</p>"
    )
    found = extract(_doc(body, "Mosswood Manor renewed for season 3"), MOSSWOOD3)
    assert [(f.date, f.precision) for f in found] == [("2025", "year")]


def test_a_liveblog_entry_is_about_what_it_names_not_the_entry_before() -> None:
    # Each timestamped entry is its own story: "The series" in the later entry is the
    # show that entry names, not the watch of the entry above it.
    body = (
        '<p class="byline">4:10 PM ET</p>'
        "<p>Here is the first trailer for Mosswood Manor season 3.</p>"
        '<p class="byline">3:55 PM ET</p>'
        "<p>Opening titles for Glass Orchard are out. The series hits the service March 3.</p>"
    )
    assert extract(_doc(body, "Streamfest live: every date as it happens"), MOSSWOOD3) == []


def test_the_next_name_line_of_a_list_ends_the_watchs_entry() -> None:
    # A list whose entries each open with a bare name line: the field under the next
    # name is that entry's, not the watch's.
    film = Watch("Tidebreaker", None, ())
    body = (
        "<p>Every game adaptation on the way, starting with Tidebreaker.</p>"
        "<p>Tidebreaker</p><p>Release date: TBA</p>"
        "<p>A studio has confirmed it is developing a Tidebreaker film.</p>"
        "<p>Lanternfall</p><p>Release date: August 9, 2024</p>"
        "<p>Lanternfall has finished filming and has a date.</p>"
    )
    assert extract(_doc(body, "Upcoming game adaptations"), film) == []


def test_a_described_work_is_the_one_the_sentence_before_named() -> None:
    # "The heist comedy" describes the work the sentence before named, not the watch.
    body = (
        "<p>Mosswood Manor will be back for a third season, the streamer said.</p>"
        "<p>The service also picked up Glass Orchard for a full season. "
        "The heist comedy premieres on March 3.</p>"
    )
    assert extract(_doc(body, "Mosswood Manor renewed"), MOSSWOOD3) == []


def test_a_described_work_after_a_persons_words_is_still_the_watch() -> None:
    body = (
        "<p>Mosswood Manor season 3 has a date.</p>"
        "<p>Showrunner Ada Quill said the cast is thrilled. "
        "The gothic drama returns on March 3.</p>"
    )
    found = extract(_doc(body, "Mosswood Manor season 3 date"), MOSSWOOD3)
    assert [(f.date, f.precision) for f in found] == [("2024-03-03", "day")]


def test_a_paragraph_naming_the_title_then_its_season_is_about_that_season() -> None:
    # A roundup's paragraph: the title's return first, the season it is said after it.
    body = (
        "<p>The network has dated its fall shows. Mosswood Manor season 2 was its hit.</p>"
        "<p>Mosswood Manor returns on September 14. The gothic drama is back for its "
        "third season, with a new cast.</p>"
    )
    found = extract(_doc(body, "Fall premiere dates"), MOSSWOOD3)
    assert [(f.date, f.precision) for f in found] == [("2024-09-14", "day")]


def test_a_numbered_entry_is_about_what_it_names_not_the_entry_above() -> None:
    # A numbered listicle: the entry after the watch's is another show's, its "It" too.
    body = (
        "<p>Here are the shows the strike has pushed back.</p>"
        "<p>1. Mosswood Manor season 3 has been delayed until 2026.</p>"
        "<p>2. Glass Orchard, the spinoff of a hit drama, was pulled from the schedule. "
        "It will now premiere in March 2025.</p>"
    )
    found = extract(_doc(body, "Ten shows the strike delayed"), MOSSWOOD3)
    assert [(f.date, f.precision) for f in found] == [("2026", "year")]


def test_a_labeled_entry_line_like_the_watchs_starts_another_entry() -> None:
    # A tag archive of posts each titled "Trailer: <film>": the film under the next such
    # title is another, and its date is not the watch's.
    film = Watch("Tidebreaker", None, ())
    page = (
        "<html><head><title>Trailers archive</title></head><body><article>"
        "<p>Trailer: Tidebreaker</p>"
        "<p>The score alone sold me on this one.</p>"
        "<p>Trailer: Lanternfall</p>"
        "<p>A small documentary I have followed for years. The film opens on June 3, 2016.</p>"
        "</article></body></html>"
    )
    doc = parse_documents(page, "https://blog.example/tag/trailers/")[0]
    assert [f for f in extract(doc, film) if f.kind == "release_date"] == []


def test_the_new_season_of_another_show_is_not_the_watched_one() -> None:
    # In a passage about the watch, "the final season of the flagship" (or of another
    # named show) dates that show.
    body = (
        "<p>Mosswood Manor has been renewed for a third season.</p>"
        "<p>Spinoffs are planned, but only after the final season of the flagship, "
        "which will arrive in 2025.</p>"
    )
    assert extract(_doc(body, "Mosswood Manor renewed for season 3"), MOSSWOOD3) == []


def test_a_roundup_entry_bracket_with_its_network_dates_the_entry() -> None:
    # "Title Season 3 (Network, Date)" headings: each bracket is its own entry's.
    body = (
        "<h2>'Glass Orchard' (Larkspur TV, Jan. 8)</h2><p>A heist comedy.</p>"
        "<h2>'Mosswood Manor' Season 3 (Larkspur TV, Jan. 15)</h2><p>The gothic drama is back.</p>"
        "<h2>'Cinder Road' Season 2 (Channel Nine, Jan. 22)</h2><p>More of the same.</p>"
    )
    found = extract(_doc(body, "Shows to watch this winter"), MOSSWOOD3)
    assert [(f.date, f.precision) for f in found] == [("2025-01-15", "day")]


def test_a_title_with_its_network_then_a_date_is_an_entry_of_its_own() -> None:
    # "Title (Network), Date" lines: each line is its own entry, not the line above's.
    body = (
        "<h2>New series</h2>"
        "<p>Glass Orchard (Larkspur TV), Jan. 8, 2025</p>"
        "<p>A heist comedy about florists.</p>"
        "<p>Mosswood Manor (Larkspur TV), Jan. 15, 2025</p>"
        "<p>A gothic drama in a crumbling house.</p>"
    )
    film = Watch("Glass Orchard", None, ())
    found = extract(_doc(body, "The most anticipated shows of 2025"), film)
    assert [(f.date, f.precision) for f in found] == [("2025-01-08", "day")]


def test_a_roundup_dated_entry_by_entry_shares_no_date_from_its_headline() -> None:
    # The headline's date is the first entry's; each entry line carries its own.
    film = Watch("Lantern Hall", None, ())
    body = (
        "<p>This year's lineup includes:</p>"
        "<p>Glass Orchard (October 2)</p><p>A film about florists.</p>"
        "<p>Lantern Hall (October 9)</p><p>A portrait of a famous director.</p>"
        "<p>Cinder Road (October 16)</p><p>A film about a town.</p>"
    )
    found = extract(_doc(body, "The Documentary Season kicks off October 2"), film)
    assert [(f.date, f.precision) for f in found] == [("2024-10-09", "day")]


def test_a_work_named_with_an_episode_subtitle_is_the_verbs_subject() -> None:
    # "Title - Episode Name" is one work's name; set off by commas, it is the subject.
    film = Watch("Tidebreaker", None, ())
    body = (
        "<p>The distributor bought three films, Tidebreaker among them.</p>"
        "<p>The first film of the franchise, Glass Orchard - Episode Nagi, is slated to "
        "hit theaters on June 28.</p>"
    )
    assert extract(_doc(body, "Distributor buys three anime films"), film) == []


GLASS2 = Watch("Glass Orchard: The Winter Court", 2, ())


def test_the_watchs_quoted_short_name_beside_its_season_is_no_other_work() -> None:
    # the page shortens the title; the watched season named with it makes it the watch's
    for body in (
        "<p>The studio said that season 2 of “Glass Orchard” will come out in 2025.</p>",
        '<p>Fans learned at the panel that "Glass Orchard" season 2 arrives in 2025.</p>',
        "<p>The studio confirmed “Glass Orchard” Season 2 for a 2025 release.</p>",
    ):
        assert "other_work_named" not in fired(body, GLASS2, "2025", "Glass Orchard news")


def test_a_quoted_year_is_no_other_work() -> None:
    body = (
        "<p>Mosswood Manor season 3 has a teaser.</p><p>The new season will not arrive "
        "until 2025, and the teaser's card keeps it so: only “2025.”</p>"
    )
    assert "other_work_named" not in fired(body, MOSSWOOD3, "2025", "Mosswood Manor season 3")


def test_a_quoted_short_name_without_the_watched_season_is_still_another_work() -> None:
    # (the franchise's first entry, shortened the same way, with its own season)
    body = "<p>The studio said that season 1 of “Glass Orchard” arrives in 2025.</p>"
    assert "other_work_named" in fired(body, GLASS2, "2025", "Glass Orchard news")


def test_another_work_a_studio_dates_or_moves_owns_the_date() -> None:
    lead = "<p>Mosswood Manor season 3 is in post-production.</p>"
    for sentence, value in (
        ("The network has dated Harbor Nights for March 4, 2025.", "2025-03-04"),
        ("The studio pushed Cinder Road from May 2 to June 6, 2025.", "2025-06-06"),
        ("Meanwhile the streamer is moving Glass Orchard up to April 11, 2025.", "2025-04-11"),
    ):
        assert "other_work_subject" in fired(lead + f"<p>{sentence}</p>", MOSSWOOD3, value)


def test_the_watch_or_its_makers_work_as_the_object_is_the_watchs() -> None:
    for sentence in (
        "<p>The network has dated Mosswood Manor season 3 for March 4, 2025.</p>",
        "<p>The network has moved Ada Quill's drama, season 3, to March 4, 2025.</p>",
    ):
        assert "other_work_subject" not in fired(sentence, MOSSWOOD3, "2025-03-04")


def test_a_described_appositive_of_the_season_is_the_season_not_a_later_part() -> None:
    for sentence in (
        "<p>Season 3, the final chapter, arrives in 2025.</p>",
        "<p>Season 3 (the last installment) will premiere in 2025.</p>",
        "<p>Mosswood Manor Season 3 — the final volume — is set for 2025.</p>",
    ):
        assert "later_part" not in fired(sentence, MOSSWOOD3, "2025", "Mosswood Manor news")
    # a numbered part after the season is still a part of it
    body = "<p>Season 3, part two will premiere in 2025.</p>"
    assert "later_part" in fired(body, MOSSWOOD3, "2025", "Mosswood Manor news")


def test_a_numbered_sequels_base_title_named_as_the_first_is_the_earlier_work() -> None:
    sequel = Watch("Tide Walkers II", None, ("Tide Walkers 2",))
    for body in (
        "<p>The first Tide Walkers took five years to make, reaching cinemas in 2016.</p>",
        "<p>The original Tide Walkers opened in 2016 to strong reviews.</p>",
        "<p>Back then the previous Tide Walkers premiered on Netflix in 2016.</p>",
    ):
        assert "earlier_work" in fired(body, sequel, "2016", "Tide Walkers II news")
    # the sequel itself, however it is numbered, is not the earlier work
    body = "<p>The first Tide Walkers 2 trailer is out; the film arrives in 2026.</p>"
    assert "earlier_work" not in fired(body, sequel, "2026", "Tide Walkers II news")


def test_another_shows_possessive_before_an_unnumbered_season_owns_it() -> None:
    # "Harbor Lights' final season" was any season: in a schedule about the watch's
    # title, the other show's start was taken for the watched season.
    text = "Harborview's final season starts Tuesday, Jan. 7, and Quill Street opens Feb. 2."
    assert [r.season for r in season_references(text, MOSSWOOD3)] == [OTHER_SEASON]
    # the watch's own possessive, or a pronoun's, keeps the season the text's
    for kept in (
        "Mosswood Manor's final season starts Tuesday, Jan. 7.",
        "Its final season starts Tuesday, Jan. 7.",
        "Netflix's final season of it starts Tuesday, Jan. 7.",
    ):
        assert [r.season for r in season_references(kept, MOSSWOOD3)] == [None], kept


def test_a_schedule_line_of_another_shows_final_season_is_not_the_watchs() -> None:
    body = (
        "<p>Mosswood Manor's second season ended in May; a third has not been ordered.</p>"
        "<p>Harborview's final season begins Thursday, June 20, and Quill Street premieres"
        " Friday, July 12.</p>"
    )
    assert release(body, MOSSWOOD3, "Mosswood Manor news and the summer schedule") is None


def test_a_headline_ending_on_another_season_hands_it_the_next_line() -> None:
    # Watching season 4: the headline names the order of season 4 and then season 3's
    # premiere; the unnamed return under it is season 3's, as after such a body sentence.
    watch = Watch("Mosswood Manor", 4, ())
    title = "Mosswood Manor gets a season 4 order days before season 3 premieres"
    body = "<p>The gothic drama comes back on Wednesday, October 16.</p>"
    assert release(body, watch, title) is None
    # a headline about the watched season alone still gives it the line
    assert release(body, watch, "Mosswood Manor season 4 sets its date") == "2024-10-16"


def test_a_slates_question_about_the_titles_new_season_gives_its_answer_the_watch() -> None:
    # Under a heading naming only the title, "when does its new season start?" asks of
    # the season a reader watches for: the bare date after it is that season's.
    body = (
        "<p>Four shows come back this autumn.</p>"
        "<h3>1. Mosswood Manor (Northcast)</h3>"
        "<p><strong>When does the new season start?</strong> October 2</p>"
        "<h3>2. Harborview (Eastline)</h3>"
        "<p><strong>When does the new season start?</strong> October 9</p>"
    )
    assert release(body, MOSSWOOD3, "Four returning shows and their dates") == "2024-10-02"
    # a question naming another season by number leaves the answer alone
    numbered = body.replace("When does the new season", "When does season 2", 1)
    assert release(numbered, MOSSWOOD3, "Four returning shows and their dates") is None


def test_the_first_line_under_a_bare_title_heading_is_the_watchs_listing() -> None:
    # A guide's entry headed by the title alone, its channel-and-when line first, and
    # its blurb naming the watched season: the line lists the watched season's start.
    body = (
        "<h3>1. MOSSWOOD MANOR</h3>"
        "<p>NORTHCAST, later this autumn</p>"
        "<p>The third series, set in the 1920s, is said to be the last. The cast return.</p>"
        "<h3>2. HARBORVIEW</h3>"
        "<p>EASTLINE, November</p>"
        "<p>A quiz show returns.</p>"
    )
    assert release(body, MOSSWOOD3, "What to watch this autumn") == "2024-autumn"


def test_a_part_named_only_as_a_comparison_is_not_the_dated_one() -> None:
    # On a page about Part 2, "as with the first batch" compares; the date it goes with
    # is still Part 2's, and the season's own start stays its date.
    watch = Watch("Mosswood Manor", 3, ())
    title = "Mosswood Manor Season 3 Part 2 Sets a February Return"
    body = (
        "<p>Like the first batch, episodes will reach the app a week early, from"
        " February 13.</p>"
    )
    assert "later_part" in fired(body, watch, "2024-02-13", title)


def test_a_byline_line_keeps_the_part_the_headline_named() -> None:
    # "By Marta Okafor June 12, 2024" reads like a title line; it no longer clears Part 2.
    watch = Watch("Mosswood Manor", 3, ())
    doc = parse_documents(
        "<html><head><title>Mosswood Manor Season 3 Part 2 Sets a Date</title></head><body>"
        "<article><h1>Mosswood Manor Season 3 Part 2 Sets a Date</h1>"
        '<p class="byline">By Marta Okafor June 12, 2024</p>'
        "<p>Episodes will stream from October 2.</p></article></body></html>",
        "https://news.example/story",
    )[0]
    reading = read(doc, watch, complete=True)
    assert {name for c in reading.dates for name in c.features} >= {"later_part"}


def test_an_alias_numbering_the_season_another_way_is_the_watched_season() -> None:
    # Watching season 2, which its home channel bills as series 9 (an alias): "series
    # 9" was another season, so the page's date went to no one.
    watch = Watch("Mosswood Manor", 2, ("Mosswood Manor Series 9",))
    assert [r.season for r in season_references("Series 9 begins in the autumn.", watch)] == [2]
    assert [r.season for r in season_references("Series 8 ended in May.", watch)] == [8]
    body = "<p>The channel says the new run starts on Saturday 12 October.</p>"
    title = "Mosswood Manor series 9 start date confirmed"
    assert release(body, watch, title) == "2024-10-12"


def test_a_first_volume_labelled_with_a_colon_gives_the_seasons_date() -> None:
    # "Volume 1: March 3" heads a description's schedule; the colon closes the clause
    # before the date, which hid the label from the first-part reading.
    body = (
        "<p>Mosswood Manor Season 3 Volume 1: October 3 Volume 2: November 21"
        " The Finale: December 19</p>"
    )
    assert "first_part" in fired(body, MOSSWOOD3, "2024-10-03", "Mosswood Manor Season 3 dates")


def test_another_shows_first_half_is_not_the_watchs_first_part() -> None:
    # "Harborview returns for the first half of its last season": Harborview's part one,
    # not a first part of the watched season, whatever the passage is about.
    body = (
        "<p>Mosswood Manor season 3 heads the network's new year.</p>"
        "<p>Harborview returns for the first half of its final season on Sunday, April 13"
        " at 10 p.m.</p>"
    )
    assert "first_part" not in fired(body, MOSSWOOD3, "2025-04-13", "Network sets dates")


def test_the_watchs_title_run_on_into_a_subtitle_is_another_work_as_subject() -> None:
    film = Watch("Copper Lantern", None, ())
    body = "<p>Copper Lantern: Ember Tide opens in theaters on June 5, 2026.</p>"
    assert "other_work_subject" in fired(body, film, "2026-06-05")
    # a season's label after the colon is still the watch
    body = "<p>Copper Lantern: Season Two opens in theaters on June 5, 2026.</p>"
    assert "other_work_subject" not in fired(body, film, "2026-06-05")
