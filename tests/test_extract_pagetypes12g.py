"""Page types beyond the single news story: a roundup or an "in brief" page that stitches
several items into one page, each paragraph its own story. Which item a date (or a trailer)
belongs to is the item's, not the paragraph's before it.

Every title and sentence here is invented for the test; none comes from an article."""

from __future__ import annotations

from support import news_page

from scraper.extract import extract
from scraper.models import Watch
from scraper.parse.documents import parse_documents

LANTERN3 = Watch("Lantern Street", 3, ())


def findings(body: str, watch: Watch, published: str = "2024-03-04") -> tuple[str | None, int]:
    doc = parse_documents(news_page(body, published), "https://news.example/roundup")[0]
    found = extract(doc, watch)
    dates = [f.date for f in found if f.kind == "release_date"]
    return (dates[0] if dates else None), sum(f.kind == "trailer" for f in found)


def test_a_paragraph_opening_on_a_quoted_shows_season_is_that_shows_item() -> None:
    # "season two of “Copper Bay”": the quoted name after "of" owns the season, and the
    # paragraph's unnamed sentences after it are Copper Bay's, not the watch's
    body = (
        "<p>In today's roundup, several streamers shared new footage.</p>"
        '<p>The streamer released the first trailer for the third season of "Lantern '
        'Street." No premiere date came with it.</p>'
        '<p>Streaming platform Tidewave has dropped the trailer for season two of "Copper '
        'Bay" from its showrunner. The new season premieres April 9 on the service.</p>'
    )
    assert findings(body, LANTERN3) == (None, 1)


def test_a_name_modifying_a_common_noun_introduces_no_other_work() -> None:
    # "the Irish-Canadian family" is no work: "The drama series" after it is still the
    # watch's
    body = (
        '<p>The first trailer for the third season of "Lantern Street" is out. The new '
        "season follows the Irish-Canadian family through a hard winter. The drama series "
        "will stream on March 22.</p>"
    )
    assert findings(body, LANTERN3)[0] == "2024-03-22"


def test_a_trailer_paragraph_of_another_shows_season_gives_the_watch_no_trailer() -> None:
    lantern5 = Watch("Lantern Street", 5, ())
    body = (
        "<p>Netflix has announced that the fifth season of \"Lantern Street\" will premiere "
        "on Aug. 21.</p>"
        '<p>The network has announced that Season 5 of "Copper Bay" will premiere on Aug. '
        "16. Watch a new trailer for the season below.</p>"
    )
    assert findings(body, lantern5, "2020-06-22") == ("2020-08-21", 0)


def test_a_show_returning_for_the_watched_season_number_after_a_fronted_phrase() -> None:
    # "Following its first season, Copper Bay will return for season 3 on Nov. 12": the
    # main clause's subject, after the fronted phrase, owns the season number
    body = (
        "<p>The first trailer for Lantern Street season 3 has arrived. Season 3 debuts "
        "Dec. 17 and picks up in the aftermath of the second season's finale ...</p>"
        "<p>Following an award-winning first season, Copper Bay is set to return for "
        "season 3 on Nov. 12. The eight-episode season will air weekly until Jan. 14 ...</p>"
    )
    assert findings(body, LANTERN3, "2024-08-20") == ("2024-12-17", 1)


def test_a_date_before_a_trailer_its_verb_releases_is_the_trailers() -> None:
    # "On Tuesday, March 5, the network released the much-awaited official trailer for
    # season 3, which premieres on April 14": the describing words before "trailer" leave
    # it the release verb's object, so March 5 is the trailer's day
    body = (
        "<p>On Tuesday, March 5, the network released the much-awaited official trailer "
        "for season 3 of Lantern Street, which premieres on Sunday, April 14, with eight "
        "episodes.</p>"
    )
    assert findings(body, LANTERN3, "2024-03-05")[0] == "2024-04-14"


def test_a_month_abbreviation_glued_to_an_ellipsis_ends_no_sentence() -> None:
    # a blog's "the premiere is….Feb. 7": the abbreviation after the ellipsis keeps its day
    from scraper.extract.text import sentences

    assert sentences("The network says the premiere is\u2026.Feb. 7 at 8 p.m. Finally!") == [
        "The network says the premiere is\u2026.Feb. 7 at 8 p.m.",
        "Finally!",
    ]
    body = "<p>The network said the third season of Lantern Street arrives\u2026Feb. 7.</p>"
    assert findings(body, LANTERN3, "2023-10-31")[0] == "2024-02-07"
