"""Announced dates in real articles' wording that the extractor used to miss: a story verb
in another language before the date, and the other languages' words for a launch or a
premiere.

Every title and sentence here is invented for the test; none comes from an article."""

from __future__ import annotations

from support import first_release, news_page

from scraper.extract import extract
from scraper.models import Watch
from scraper.parse.documents import parse_documents

HARBOR2 = Watch("Harbor Lights", 2, ())


def release(body: str, watch: Watch = HARBOR2, published: str = "2024-03-04") -> str | None:
    found = first_release(body, watch, "https://news.example/story", published)
    return found[0] if found else None


def test_a_foreign_story_verb_before_a_dash_is_no_press_dateline() -> None:
    # ("startet am 12. April – ...": the sentence's own verb comes first, so the dash after
    # the date is an aside, not a wire's dateline)
    body = (
        "<p>Die zweite Staffel von \"Harbor Lights\" startet am 12. April – pünktlich zu "
        "den Osterferien.</p>"
        "<p>Die neuen Folgen erzählen die Geschichte der Leuchtturmwärter weiter.</p>"
    )
    assert release(body) == "2024-04-12"


def test_a_french_launch_and_comeback_are_release_words() -> None:
    body = (
        "<p>Le calendrier des retours de la rentrée est enfin connu.</p>"
        "<p>La série Harbor Lights fera son retour sur le petit écran le 18 avril, pour une "
        "deuxième saison.</p>"
    )
    assert release(body) == "2024-04-18"
    listed = (
        "<p>Les séries qui reviennent ce printemps, chaîne par chaîne.</p>"
        "<p>Quiet Rivers Saison 3 (NBC) Harbor Lights Saison 2 (HBO) – Lancement le 21 avril. "
        "Night Ferry Saison 5 (CBS)</p>"
    )
    assert release(listed) == "2024-04-21"


def test_an_italian_premiere_in_anteprima_is_a_release_word() -> None:
    body = (
        "<p>Lo staff ha svelato un nuovo video per la seconda stagione di Harbor Lights.</p>"
        "<p>Secondo lo staff, la serie verrà presentata in anteprima il 9 aprile in "
        "Giappone, con un evento speciale.</p>"
    )
    assert release(body) == "2024-04-09"


HARBOR_FILM = Watch("Harbor Lights: Second Tide", None, ("Harbor Lights 2",))


def test_a_sequel_named_by_the_work_it_follows_is_the_watch() -> None:
    body = (
        "<p>Harbor Lights 2 finally has a release date, and it is not alone on the "
        "studio's calendar.</p>"
        "<p>The big “Harbor Lights” sequel is now set to sail into theaters on April 1, "
        "2022, while “Cold Summit” has been delayed to January 14, 2022.</p>"
    )
    assert release(body, HARBOR_FILM, "2019-12-12") == "2022-04-01"


def test_a_chapter_inside_an_earlier_quoted_title_does_not_make_the_next_name_an_episode() -> (
    None
):
    body = (
        "<p>Harbor Lights 2 finally has a release date, and it is not alone on the "
        "studio's calendar.</p>"
        "<p>The next Tarn movie opens against “Night Ferry: Chapter 4” on May 21, 2021, and "
        "“Cold Summit” will run into theaters on July 1, 2021.</p>"
    )
    assert release(body, HARBOR_FILM, "2019-12-12") != "2021-07-01"


HARBOR_MOVIE = Watch("Harbor Lights", None, ())


def test_the_novel_a_film_is_made_from_is_not_the_occasion_of_its_date() -> None:
    body = (
        "<p>The studio filled in its calendar for the next two years on Thursday.</p>"
        "<p>Lee Park's take on Ann Moss's novel Harbor Lights will open in theaters on "
        "October 16, 2020.</p>"
    )
    assert release(body, HARBOR_MOVIE, "2019-01-31") == "2020-10-16"
    # (the book's own publication stays the book's)
    published = (
        "<p>The studio filled in its calendar for the next two years on Thursday.</p>"
        "<p>Ann Moss's novel Harbor Lights will be published on October 16, 2020.</p>"
    )
    assert release(published, HARBOR_MOVIE, "2019-01-31") is None


def test_a_tagged_name_in_a_list_of_subjects_keeps_the_list_whole() -> None:
    # ("Harbor Lights (season 2)" among the names the verb has for its subject: the watch
    # is one of them, its tag no break in the list)
    body = (
        "<p>The network moved its whole fall lineup to the new year.</p>"
        "<p>Per the upfront announcement today, returning series Quiet Rivers, Harbor Lights "
        "(season 2), Night Ferry, Cold Summit and Tarn will premiere in January 2021.</p>"
    )
    assert release(body, published="2020-05-14") == "2021-01"


def test_a_hyphenated_highly_anticipated_is_an_adjective_not_a_hedge() -> None:
    body = (
        "<p>The streamer has released a new teaser for Harbor Lights season 2, announcing a "
        "summer 2024 debut for the highly-anticipated new season.</p>"
    )
    assert release(body) == "2024-summer"


COLD_SUMMIT = Watch("Cold Summit", None, ())


def test_a_date_stated_after_the_delay_in_its_sentence_is_the_new_plan() -> None:
    body = (
        "<p>Another round of calendar changes hit the studios this week.</p>"
        "<p>Cold Summit, which had been set for March 8 before being pulled off the schedule "
        "last month, now drops September 13.</p>"
    )
    assert release(body, COLD_SUMMIT, "2024-05-02") == "2024-09-13"
    # (the plan given up after its date, the film undated since: no date)
    undated = (
        "<p>Another round of calendar changes hit the studios this week.</p>"
        "<p>Cold Summit was slated for a September 13 wide release, but is now undated.</p>"
    )
    assert release(undated, COLD_SUMMIT, "2024-05-02") is None


def test_a_name_inside_what_modifies_the_series_is_not_its_subject() -> None:
    # (the subject is "the series"; the award is only in what describes it)
    body = (
        "<p>The streamer released the first teaser for Harbor Lights season 2 today.</p>"
        "<p>The series nominated for a Golden Globe Award will debut on Monday, April 8.</p>"
    )
    assert release(body) == "2024-04-08"
    italian = (
        "<p>È arrivato il primo teaser della seconda stagione di Harbor Lights.</p>"
        "<p>La serie drama candidata agli Emmy® Award debutterà lunedì 8 aprile 2024 su "
        "Disney+.</p>"
    )
    assert release(italian) == "2024-04-08"


HARBOR2_JA = Watch("Harbor Lights", 2, ("ハーバーライツ",))


def test_a_japanese_paragraph_is_read_sentence_by_sentence() -> None:
    # (each sentence ends with "。" and no space; "PVには第2期" is the PV's particle, no
    # name owning the season; the special programme before the broadcast is no premiere)
    body = (
        "<p>テレビアニメ「ハーバーライツ」第2期のプロモーションビデオが公開された。</p>"
        "<p>PVには第2期から登場する新キャラクターの3人が登場。灯台の場面などは声付きで"
        "収録されている。同作の放送が、TOKYO MXほかで4月6日からスタートすることも決定した。"
        "直前の3月30日には「ハーバーライツ」2期放送直前特番が放送される。</p>"
    )
    assert release(body, HARBOR2_JA, "2024-03-19") == "2024-04-06"


def test_a_wiki_pages_tool_row_with_a_count_is_no_work_entry() -> None:
    # ("Talk (3)" is a count of comments, not a work tagged with its year or channel: the
    # season page's infobox below stays the watched season's)
    page = (
        "<html><head><title>Season 2 | Harbor Lights Wiki</title>"
        '<meta property="article:published_time" content="2024-05-01T09:00:00Z"></head>'
        "<body><h1>Season 2</h1><div>Edit | History | Talk (3)</div>"
        "<p>Season 2</p>"
        "<table><tr><th>Network</th><td>Showtime</td></tr>"
        "<tr><th>Premiere</th><td>March 24, 2023 (streaming)</td></tr>"
        "<tr><th>Finale</th><td>May 26, 2023</td></tr></table>"
        "<p>Season 2 of Harbor Lights was announced in 2021, ahead of the first season's "
        "finale.</p></body></html>"
    )
    doc = parse_documents(page, "https://harborlights.fandom.example/wiki/Season_2")[0]
    found = [f.date for f in extract(doc, HARBOR2) if f.kind == "release_date"]
    assert found[:1] == ["2023-03-24"]


def test_an_entrys_season_field_names_the_season_its_premiere_field_dates() -> None:
    # (a preview's entry: the title, then "Upcoming Season: 2" and "Premiere Date: ..." as
    # fields; "Upcoming" labels the season, it is no show owning it)
    body = (
        "<p>Fall TV is here. Here's what I'll be watching, sorted by premiere date.</p>"
        "<h3>NIGHT FERRY [HBO]</h3><p>Upcoming Season: 1<br>Premiere Date: Sun. Sep. 8</p>"
        "<h3>HARBOR LIGHTS [APPLE TV+]</h3><p>Upcoming Season: 2<br>"
        "Premiere Date: Wed. Sept. 18<br>Genre: Drama</p>"
        "<h3>COLD SUMMIT [NETFLIX]</h3><p>Upcoming Season: 3<br>Premiere Date: Thu. Sep. 19</p>"
    )
    assert release(body, published="2024-08-31") == "2024-09-18"


def test_a_news_kicker_before_a_colon_owns_no_season() -> None:
    body = (
        "<p>[1:00PM PDT] Welcome to the Harbor Lights panel in Hall H.</p>"
        "<p>[1:19PM PDT] They're rolling a trailer. Video is banned in the room.</p>"
        "<p>[1:34PM PDT] BIG NEWS: Season 2 premieres Sunday, April 14.</p>"
        "<p>[2:15PM PDT] That's a wrap.</p>"
    )
    assert release(body, published="2024-03-01") == "2024-04-14"


SHINE2 = Watch("Love Shine! Sunrise!!", 2, ())


def test_a_mark_inside_the_watchs_name_ends_no_sentence() -> None:
    body = (
        "<p>The autumn schedule is out, and it is heavy on sequels.</p>"
        "<p>Night Ferry returns on October 3. Love Shine! Sunrise!! season 2 starts airing "
        "Saturday, October 7 on Tokyo MX.</p>"
    )
    assert release(body, SHINE2, "2017-09-22") == "2017-10-07"


def test_a_release_row_of_a_fact_table_under_the_watchs_entry_is_the_entrys() -> None:
    body = (
        "<p>It's time for our fall preview; each entry has a fact table.</p>"
        "<h3>Harbor Lights 2nd Season</h3>"
        "<table><tr><td>Studio</td><td>Sunrise</td></tr>"
        "<tr><td>Airs</td><td>Saturday, October 7</td></tr>"
        "<tr><td>Genre</td><td>Drama</td></tr></table>"
        "<p>The keepers are back for another winter.</p>"
        "<h3>Night Ferry 3rd Season</h3>"
        "<table><tr><td>Studio</td><td>Shaft</td></tr>"
        "<tr><td>Airs</td><td>Saturday, October 14</td></tr></table>"
    )
    assert release(body, published="2017-09-22") == "2017-10-07"


def test_a_history_of_plans_moved_once_more_is_left_for_the_new_date() -> None:
    body = (
        "<p>Harbor Lights season 2 has been delayed for a third time.</p>"
        "<p>The sequel was first scheduled for 2019, then pushed to April 2020, then to July "
        "2020 because of the pandemic. Now it has been delayed again: the second season will "
        "begin airing in October 2020.</p>"
    )
    assert release(body, published="2020-06-01") == "2020-10"


def test_a_release_label_in_another_language_is_no_works_name() -> None:
    body = (
        "<p>In den nächsten Monaten kommen viele neue Staffeln. Hier ist unser Kalender.</p>"
        "<p>Harbor Lights: Staffel 2</p><p>Starttermin: 25. August 2024</p>"
        "<p>Plattform: BBC One</p><p>Die Leuchtturmwärter sind zurück.</p>"
    )
    assert release(body, published="2024-08-05") == "2024-08-25"


def test_a_trailers_date_with_the_adjective_after_the_noun_is_the_trailers() -> None:
    body = (
        "<p>La segunda temporada de Harbor Lights se acerca, y la plataforma fue soltando "
        "adelantos poco a poco.</p>"
        "<p>Lo más grande lo guardó para el tráiler oficial, que se estrenó este 8 de julio.</p>"
    )
    assert release(body, published="2020-07-09") != "2020-07-08"


def test_characters_back_in_the_sequel_are_not_another_works_subject() -> None:
    body = (
        "<p>The studio is planning a very big 2019, with sequels to its biggest hits.</p>"
        "<p>• Maren and Joss will be back in the animated sequel to the smash-hit “Harbor "
        "Lights” on Nov. 27, 2019. Not much is known about the plot for “Harbor Lights 2,” "
        "but the cast is expected to return.</p>"
    )
    page = news_page(body, "2018-01-10", title="'Night Ferry 3,' 'Harbor Lights 2' coming in 2019")
    doc = parse_documents(page, "https://news.example/story")[0]
    sequel = Watch("Harbor Lights 2", None, ("Harbor Lights II",))
    found = [f.date for f in extract(doc, sequel) if f.kind == "release_date"]
    assert found[:1] == ["2019-11-27"]
    # (a show's own return for its season is still that show's)
    other = (
        "<p>The network set its fall premieres.</p>"
        "<p>Night Ferry will return for its second season on Nov. 27, 2019.</p>"
    )
    assert release(other, HARBOR2, "2019-06-10") is None


def test_a_move_denied_leaves_the_date_standing() -> None:
    body = (
        "<p>Cold Summit's final trailer debuted this week as the calendar empties out. By "
        "our count, no wide release remains for the next three Fridays, and some titles have "
        "simply been pulled without a new date.</p>"
        "<p>The studio's big spring film has not moved yet and remains scheduled for May "
        "1st, 2024.</p>"
    )
    assert release(body, COLD_SUMMIT, "2024-03-13") == "2024-05-01"


def test_a_fronted_start_dates_the_weekly_slot_of_its_main_clause() -> None:
    body = (
        "<p>The network has set the return of Harbor Lights: USA for its second season.</p>"
        "<p>The two-part premiere kicks off Thursday, Aug. 8 (10:00-11:00 PM), and part two "
        "airs Sunday, Aug. 11 on the network.</p>"
        "<p>Beginning Thursday, Aug. 29, HARBOR LIGHTS: USA will air Thursdays (10:00-11:00 "
        "PM, ET/PT).</p>"
    )
    # (the colon inside the title closed the date's clause before "Thursdays")
    assert release(body, Watch("Harbor Lights: USA", 2, ()), "2024-07-12") == "2024-08-08"
