"""Trailers and the page structure around them: which videos of a page are the watched
season's released trailers. Sentences here are written for the tests (no article text)."""

from __future__ import annotations

import pytest

from scraper.extract import extract
from scraper.extract.cues import TRAILER
from scraper.models import Watch
from scraper.parse.documents import parse_documents

ANIME = Watch("Starfall Academy", 2)
SHOW = Watch("Harbor Lights", 3)
VIDEO = "https://www.youtube.com/watch?v=AbCdEfGhIj0"
PAGE_URL = "https://news.example/a"


def page(body: str, title: str = "TV news", published: str = "2024-05-02") -> str:
    return (
        f'<html><head><title>{title}</title><meta property="article:published_time" '
        f'content="{published}T10:00:00Z"></head><body><article><h1>{title}</h1>{body}'
        "</article></body></html>"
    )


def trailers(body: str, watch: Watch = SHOW, **kwargs: str) -> list[str]:
    doc = parse_documents(page(body, **kwargs), PAGE_URL)[0]
    return [f.url for f in extract(doc, watch) if f.kind == "trailer"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("the studio streamed the main PV", True),
        ("a second PV2 followed", True),
        ("the teaser PV closes on a date", True),
        ("a new promotional video", True),
        ("a short promo video", True),
        ("\u7b2c2\u671f \u672cPV", True),  # a player's Japanese title ending in "PV"
        ("\u30c6\u30a3\u30b6\u30fcPV", True),
        ("solar pv panels", False),  # capitals only
        ("a PVC pipe", False),
        ("an MPV", False),
    ],
)
def test_anime_news_calls_its_trailers_pvs(text: str, named: bool) -> None:
    assert bool(TRAILER.search(text)) is named


def test_a_main_pv_link_is_the_seasons_trailer() -> None:
    body = (
        "<p>The anime's site began streaming the main promotional video for the second "
        f'season of Starfall Academy on Friday: <a href="{VIDEO}">main PV</a>.</p>'
    )
    assert trailers(body, ANIME) == [VIDEO]


def test_an_embedded_pv_titled_in_japanese_is_a_trailer() -> None:
    body = (
        "<p>A new visual and video for the second season of Starfall Academy were shown "
        "at a festival stage on Sunday.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="\u30a2\u30cb\u30e1 \u7b2c2\u671f \u30c6\u30a3\u30b6\u30fcPV"></iframe>'
    )
    assert trailers(body, ANIME) == [VIDEO]


def test_a_lite_player_button_word_is_not_read_as_another_product() -> None:
    body = (
        "<p>Harbor Lights season 3 returns to the coast with a first look.</p>"
        '<lite-youtube videoid="AbCdEfGhIj0" '
        'playlabel="Play: Harbor Lights | Season 3 Official Teaser | Network"></lite-youtube>'
    )
    assert trailers(body) == [VIDEO]


def test_a_video_that_was_taken_down_is_not_a_released_trailer() -> None:
    body = (
        "<p>A promotional video for Harbor Lights season 3 was posted on a regional "
        "channel, and it was taken down within the hour.</p>"
    )
    assert trailers(body) == []


def test_what_follows_a_links_clause_describes_the_video_not_its_season() -> None:
    body = (
        "<p>Harbor Lights season 3 is back on June 9, and there is a trailer too.</p>"
        f'<p>The trailer (<a href="{VIDEO}">watch here</a>) opens in a storm, '
        "following the shipwreck at the end of season 2.</p>"
    )
    assert trailers(body) == [VIDEO]


def test_a_video_linked_vaguely_and_embedded_with_a_title_is_judged_by_its_player() -> None:
    body = (
        "<p>Harbor Lights season 3 returns June 9.</p>"
        f'<p>The network also shared a look (<a href="{VIDEO}">watch it here</a>).</p>'
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Harbor Lights Season 3 | Official Trailer"></iframe>'
    )
    assert trailers(body) == [VIDEO]


def test_a_wiki_promotion_section_stays_about_the_pages_season() -> None:
    body = (
        "<p>Season 3 of Harbor Lights premiered on June 9, 2024.</p>"
        "<p>A fourth season was confirmed in development.</p>"
        "<h2>Promotion</h2>"
        f'<ul><li>May 1, 2024: the official teaser was released (<a href="{VIDEO}">'
        "youtu.be</a>).</li></ul>"
    )
    assert trailers(body, title="Season 3") == [VIDEO]


def test_another_shows_trailer_in_a_newsletter_item_is_not_the_watchs() -> None:
    body = (
        "<p>Harbor Lights season 3 has wrapped filming; no date yet.</p>"
        "<p>Also: the network dropped the second Gull Island: Origins trailer today.</p>"
    )
    assert trailers(body, title="Harbor Lights season 3 wraps") == []


def test_a_trailer_named_for_an_event_is_still_the_watchs() -> None:
    body = "<p>Harbor Lights season 3: the network dropped the Comic-Con trailer today.</p>"
    assert trailers(body, title="Harbor Lights season 3 at Comic-Con") == [PAGE_URL]


def test_a_headline_in_title_case_names_no_other_work_before_its_teaser() -> None:
    assert trailers("", title="Harbor Lights Season 3 Sets June Premiere, Releases Teaser") == [
        PAGE_URL
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The first Harbor Lights season 3 teaser debuts Friday, May 9.",
        "The first teaser for Harbor Lights season 3 drops at the fan convention on Saturday.",
        "The Harbor Lights season 3 trailer arrives tomorrow.",
        "By this time tomorrow you're gonna watch the Harbor Lights season 3 teaser.",
        "No exact date or trailer for Harbor Lights season 3 has been released.",
        "The network hasn't released any Harbor Lights season 3 footage, not even a teaser.",
        "There is still no public trailer for Harbor Lights season 3.",
    ],
)
def test_a_trailer_still_to_come_or_denied_is_not_released(sentence: str) -> None:
    assert trailers(f"<p>{sentence}</p>") == []


def test_a_video_said_not_to_be_a_trailer_is_none() -> None:
    body = (
        "<p>Harbor Lights season 3 is filming. The network posted a short video from the "
        "set.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Harbor Lights Season 3 | On Set"></iframe>'
        "<p>It is a first-day-of-filming video rather than a trailer.</p>"
    )
    assert trailers(body) == []


@pytest.mark.parametrize(
    "label",
    [
        "HARBOR LIGHTS 3 \u2013 Teaser Trailer | (Concept)",
        "Harbor Lights 3 \u2013 Official Trailer (Fan-made)",
    ],
)
def test_concept_and_fan_made_videos_are_not_trailers(label: str) -> None:
    film = Watch("Harbor Lights 3", None)
    body = f'<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" title="{label}"></iframe>'
    assert trailers(body, film, title="Harbor Lights 3 videos") == []


def test_a_video_the_headline_calls_not_real_is_not_a_trailer() -> None:
    film = Watch("Harbor Lights 3", None)
    body = (
        "<p>A video channel stitched old footage into something new.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="HARBOR LIGHTS 3 \u2013 Trailer (2026)"></iframe>'
    )
    assert trailers(body, film, title="No, that Harbor Lights 3 trailer is not real") == []


def test_a_sequels_video_is_not_the_films_trailer() -> None:
    film = Watch("Harbor Lights", None)
    body = (
        "<p>Harbor Lights opened in cinemas in June.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="HARBOR LIGHTS: THE LOST YEAR \u2013 Official Trailer"></iframe>'
    )
    assert trailers(body, film) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "A new trailer for Harbor Lights season 3 has just been released, offering a taste "
        "of what fans can expect.",
        "The Harbor Lights season 3 panel opened with a trailer that has just made its way "
        "online.",
        "The studio showed the first Harbor Lights season 3 trailer to the crowd on "
        "Saturday and put it online an hour later.",
        # a ranking of what came out this week, not a trailer still to come
        "First to drop this week was the trailer for Harbor Lights season 3, and it is all "
        "storm.",
    ],
)
def test_a_trailer_reported_out_without_a_link_is_the_page(sentence: str) -> None:
    assert trailers(f"<p>{sentence}</p>") == [PAGE_URL]


def test_a_forum_link_posts_own_title_is_not_a_rail_of_links() -> None:
    post = (
        '<html><head><meta property="og:title" content="Harbor Lights Season 3 | Official '
        'Teaser | Network"></head>'
        '<body><div class="header"><a href="/">forum</a> <a href="/r/tv">tv</a></div>'
        '<div class="sitetable"><div class="thing link" data-url="https://www.youtube.com/'
        'watch?v=AbCdEfGhIj0"><p class="title"><a class="title" href="https://www.youtube.com/'
        'watch?v=AbCdEfGhIj0">Harbor Lights Season 3 | Official Teaser | Network</a> '
        '<a href="/domain/youtube.com">(youtube.com)</a></p><ul><li><a href="#">90 comments'
        '</a></li><li><a href="#">share</a></li></ul></div></div>'
        '<div class="commentarea"><div class="comment"><p>The lighthouse keeper looks '
        "different this year, and the storm sequence at the end is the best thing they "
        'have shot.</p></div><div class="comment"><p>No date at the end of it, just the '
        "network logo and a shot of the harbor at night. Probably autumn again.</p></div>"
        "</div>"
        '<div class="side"><h1>tv</h1><p>News and talk about television: premieres, '
        "renewals, trailers and reviews, posted by readers and sorted by votes.</p>"
        "<p>Be civil. No spoilers in titles.</p></div></body></html>"
    )
    doc = parse_documents(post, "https://forum.example/r/tv/1")[0]
    assert [f.url for f in extract(doc, SHOW) if f.kind == "trailer"] == [VIDEO]


def test_a_bare_link_is_judged_by_the_post_title_above_it() -> None:
    body = (
        "<p>Harbor Lights Season 3 | Official Teaser (self.tv)</p>"
        "<p>submitted by a_reader</p>"
        '<p>Here it is: <a href="https://youtu.be/AbCdEfGhIj0">https://youtu.be/AbCdEfGhIj0</a>'
        "</p>"
    )
    assert trailers(body, title="tv") == [VIDEO]


def dates(body: str, watch: Watch = SHOW, **kwargs: str) -> list[tuple[str, str]]:
    doc = parse_documents(page(body, **kwargs), PAGE_URL)[0]
    return [(f.date, f.precision) for f in extract(doc, watch) if f.kind == "release_date"]


def test_a_schedule_line_under_a_day_heading_takes_the_headings_date() -> None:
    body = (
        "<p>The network set its winter lineup. All times Eastern.</p>"
        "<h3>Monday, Jan. 13, 2025</h3><ul><li>8 p.m.: Quiz Night</li>"
        "<li>9 p.m.: Dock Street</li></ul>"
        "<h3>Wednesday, Jan. 15, 2025</h3><ul><li>8 p.m.: Gull Island</li>"
        "<li>9 p.m.: Harbor Lights (season 3 premiere)</li></ul>"
    )
    assert dates(body, title="Network sets winter premiere dates") == [("2025-01-15", "day")]


def test_a_dated_line_of_a_weekly_list_is_the_shows_row() -> None:
    body = (
        "<p>Here is what arrives on the service this week.</p>"
        "<p>Monday, June 2 \u2014 Dock Street (Documentary)</p>"
        "<p>Thursday, June 5 \u2014 Harbor Lights: Season 3 (Series)</p>"
        "<p>Friday, June 6 \u2014 Gull Island (Film)</p>"
    )
    assert dates(body, title="New this week", published="2025-05-30") == [("2025-06-05", "day")]


def test_a_table_kept_as_text_is_read_row_by_row() -> None:
    cells = [
        "Title |", "Premiere Date |", "---|---|",
        "Quiz Night season 4 |", "January 13 at 8:00 p.m. |",
        "Harbor Lights season 3 |", "January 15 at 9:00 p.m. |",
        "Gull Island season 2 |", "January 16 at 9:30 p.m. |",
    ]  # fmt: skip
    body = "<p>The network's winter slate is out.</p>" + "".join(f"<p>{c}</p>" for c in cells)
    assert dates(body, title="Winter premiere dates", published="2024-11-20") == [
        ("2025-01-15", "day")
    ]
    doc = parse_documents(page(body), PAGE_URL)[0]
    rows = [b for b in doc.blocks if b.role == "table_cell"]
    assert [b.cells for b in rows][1] == ("Harbor Lights season 3", "January 15 at 9:00 p.m.")
    assert rows[1].header == ("Title", "Premiere Date")


def test_reader_comments_kept_as_text_are_comments() -> None:
    body = (
        "<p>Harbor Lights has been renewed for a third season.</p>"
        "<p>\u2022 sailor_jo says:</p><p>May 2, 2024 at 10:02 AM</p>"
        "<p>I bet Harbor Lights season 3 is back in early 2025.</p><p>Reply</p>"
    )
    doc = parse_documents(page(body), PAGE_URL)[0]
    assert [b.role for b in doc.blocks[-4:]] == ["comment"] * 4
    assert dates(body, title="Harbor Lights renewed") == []


def test_a_tv_listing_line_is_the_shows_row() -> None:
    body = (
        "<p>The drama returns for its third series, and the storm is coming.</p>"
        "<p>Harbor Lights, BBC One, Sunday, June 9, 9pm</p>"
    )
    assert dates(body, title="TV preview: Harbor Lights returns") == [("2024-06-09", "day")]


def test_a_date_headed_slate_with_a_colon_and_line_breaks() -> None:
    harbor = Watch("Harbor Lights", 2)
    body = (
        "<p>Our list of fall premiere dates, new and returning series.</p>"
        "<h3>October 3:</h3><p>Dock Street (Network, Season 4)<br>Quiz Night (Cable, Season 9)</p>"
        "<h3>October 4:</h3><p>Harbor Lights (Netflix, Season 2)<br>"
        "Gull Island (Network, new drama series)</p>"
    )
    assert dates(body, harbor, title="Fall premiere dates", published="2024-09-10") == [
        ("2024-10-04", "day")
    ]


def test_a_when_question_answered_in_the_watchs_section_dates_it() -> None:
    body = (
        "<p>Our pick of what lands on the service soon.</p>"
        "<h2>Harbor Lights (Season 3)</h2>"
        "<p><b>What is it?</b> The coastal drama moves its story to a new town.</p>"
        "<p><b>When can I watch it?</b> July 20</p>"
        "<h2>Gull Island (Season 2)</h2>"
        "<p><b>What is it?</b> The island mystery returns.</p>"
        "<p><b>When can I watch it?</b> July 27</p>"
    )
    assert dates(body, title="New arrivals this month", published="2024-07-01") == [
        ("2024-07-20", "day")
    ]


def test_a_press_packs_transmission_details_date_the_programme() -> None:
    body = (
        "<p>Programme information for the third series of the coastal drama.</p>"
        "<p>New series</p><p><strong>Sunday 9 June</strong><br>9.00-10.00pm BBC One</p>"
        "<p>In the third series of Harbor Lights, the harbour master faces a storm.</p>"
    )
    assert dates(body, title="Harbor Lights series 3: programme information") == [
        ("2024-06-09", "day")
    ]


def test_styled_fields_side_by_side_stay_separate_words() -> None:
    body = (
        '<div class="meta"><span class="who">Press Office</span>'
        '<span class="when">2011-09-06</span></div><p>Text of the release.</p>'
    )
    doc = parse_documents(page(body), PAGE_URL)[0]
    assert "Press Office 2011-09-06" in [b.text for b in doc.blocks]


def test_a_time_stamp_over_an_updated_stamp_is_no_transmission_listing() -> None:
    body = (
        "<h2>Harbor Lights season 3</h2><p>By Jo Roe, TV editor</p>"
        '<ul><li><time datetime="2024-05-02T16:14">16:14, 2 May 2024</time></li>'
        '<li>Updated <time datetime="2024-05-02T17:02">17:02, 2 May 2024</time></li></ul>'
        "<p>Harbor Lights season 3 returns to the coast on 6 June.</p>"
    )
    assert dates(body, title="Harbor Lights season 3 date") == [("2024-06-06", "day")]


def test_a_later_parts_video_named_without_a_season_is_the_seasons() -> None:
    body = (
        "<p>The official site for the third season of Harbor Lights began streaming a "
        "trailer for the season's second part on Friday.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="HARBOR LIGHTS Part 2 Trailer"></iframe>'
    )
    assert trailers(body) == [VIDEO]


def test_a_trailer_put_out_last_month_is_reported() -> None:
    body = (
        "<h2>Is there a trailer?</h2>"
        "<p>Yes \u2014 the network put out a Harbor Lights season 3 trailer last month.</p>"
    )
    assert trailers(body, title="Harbor Lights season 3: what we know") == [PAGE_URL]


def test_a_listings_day_heading_may_name_its_channel() -> None:
    body = (
        "<p>What is on tonight and tomorrow.</p>"
        "<h2>BBC One \u00b7 Wednesday 15 January</h2>"
        "<ul><li>8pm: Quiz Night</li><li>9pm: Harbor Lights (series 3 opener)</li></ul>"
    )
    assert dates(body, title="TV guide", published="2025-01-14") == [("2025-01-15", "day")]


# ---------------------------------------------------------------- trailers told in words
# Real articles, stored as text, keep no video link: a trailer they report as released is
# the page itself (FORMAT.md). These sentences are written for the tests.


@pytest.mark.parametrize(
    "sentence",
    [
        "Harbor Lights season 3 lands in the autumn; see the first teaser below.",
        "The Harbor Lights season 3 teaser, cut by the network's promo team, reveals the "
        "lighthouse in ruins.",
        "A forty second trailer for Harbor Lights season 3 features the two keepers.",
        "The studio's channel has started streaming a new PV for Harbor Lights season 3.",
        "Harbor Lights season 3 has no date yet, but we already have a poster and a teaser.",
        "The network dropped a teaser for Harbor Lights, the upcoming third season of the "
        "drama.",
        "The Harbor Lights season 3 trailer opens with a storm and sees the keepers split up.",
        "Take a look at the first Harbor Lights season 3 teaser.",
    ],
)
def test_a_trailer_shown_or_described_is_reported_without_a_link(sentence: str) -> None:
    assert trailers(f"<p>{sentence}</p>") == [PAGE_URL]


@pytest.mark.parametrize(
    "headline",
    [
        "Harbor Lights Season 3 Trailer",
        "Harbor Lights Season 3 Gets a Brand New PV",
        "Weekly Trailer Round-Up: From Tidewater to Harbor Lights Season 3",
    ],
)
def test_a_headline_whose_news_is_the_trailer_reports_it(headline: str) -> None:
    body = "<p>The keepers return to the island, and the storm has not finished with them.</p>"
    assert trailers(body, title=headline) == [PAGE_URL]


@pytest.mark.parametrize(
    "headline",
    [
        "Harbor Lights Season 3: Release Date, Cast, Trailer and More",
        "Is There a Harbor Lights Season 3 Trailer?",
        "Harbor Lights Season 3 Trailer Coming Soon",
        "Harbor Lights Season 3 Teaser on the Way",
        "The Harbor Lights Season 3 Trailer Arrives Friday",
        "Harbor Lights Season 3 Trailer Breakdown",
    ],
)
def test_a_headline_listing_asking_or_promising_a_trailer_reports_none(headline: str) -> None:
    body = "<p>The keepers return to the island, and the storm has not finished with them.</p>"
    assert trailers(body, title=headline) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # another title's teaser, named after the trailer word
        "Harbor Lights season 3 premieres in March. The network released a teaser trailer "
        "for Salt Marsh in July.",
        # a film of the franchise, on the season's page
        "Harbor Lights season 3 premieres in March. The film's trailer was streamed at the "
        "same panel.",
        # a network's reel of many coming shows
        "Harbor Lights season 3 is among the returning dramas in the channel's slate trailer, "
        "which also confirms two new comedies.",
        "The network shared a sizzle reel with footage from Harbor Lights season 3 and five "
        "other shows.",
        # a thread named after a trailer is no trailer
        "People in the trailer thread keep asking about Harbor Lights season 3.",
        # advertising withdrawn, not a trailer put out
        "Harbor Lights season 3 is off the schedule; the network will pull all on-air "
        "advertising, including trailers.",
    ],
)
def test_another_works_or_withdrawn_trailer_is_not_the_watchs(sentence: str) -> None:
    assert trailers(f"<p>{sentence}</p>") == []


def test_a_trailer_headline_over_an_unclear_video_does_not_name_the_page() -> None:
    # The headline's trailer is the video under it; when the player says too little to be
    # judged, the page is not offered in its place.
    body = (
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" title="Episode 4 | Clip"></iframe>'
        "<p>The keepers return to the island.</p>"
    )
    assert PAGE_URL not in trailers(body, title="Harbor Lights Season 3 Trailer")


def test_a_teaser_in_another_shows_list_item_is_that_shows() -> None:
    body = (
        "<p>The channel looked ahead at its autumn dramas.</p>"
        "<ul><li>Harbor Lights season 3. It returns in October.</li>"
        "<li>Salt Marsh. A coastal thriller from the same writers. A new teaser was released "
        "over the weekend.</li></ul>"
    )
    assert trailers(body, title="Harbor Lights season 3 and more this autumn") == []


def test_a_teaser_in_the_watchs_own_list_item_is_the_watchs() -> None:
    body = (
        "<ul><li>Salt Marsh. It returns in October.</li>"
        "<li>Harbor Lights season 3. The keepers are back. A new teaser was released over "
        "the weekend.</li></ul>"
    )
    assert trailers(body, title="Harbor Lights season 3 and more this autumn") == [PAGE_URL]


# Trailers reported in words with no link (the finding is the page): how real articles
# phrase one, and what of a sentence says the video is something else.
FILM = Watch("Copper Lantern", None)


@pytest.mark.parametrize(
    ("body", "watch"),
    [
        # a video of another kind named in another clause of the sentence
        (
            "<p>Harbor Lights season 3 is coming.</p><p>Meet the new crew and check out the "
            "first trailer below.</p>",
            SHOW,
        ),
        (
            "<p>Harbor Lights season 3 is coming.</p><p>Shortly after the trailer was released, "
            "the lead appeared on a talk show and revealed a twist.</p>",
            SHOW,
        ),
        # "revealed" before the trailer word says it is out, it is no reveal video
        (
            "<p>Harbor Lights season 3 has no date yet.</p><p>At the end of the recently "
            "revealed trailer for season 3, a sign flashes.</p>",
            SHOW,
        ),
        # the trailer someone is in, or a work has
        (
            "<p>Harbor Lights season 3 is coming.</p><p>In the trailer, the keeper climbs "
            "the tower one last time.</p>",
            SHOW,
        ),
        ("<p>Copper Lantern</p><p>The remake finally has a trailer.</p>", FILM),
        # the trailer's own verb is no hedge on it
        (
            "<p>Copper Lantern opens in June.</p><p>With glimpses of the mines, the trailer "
            "hints at the scale of the film.</p>",
            FILM,
        ),
        # a season named after the trailer's clause describes the video
        (
            "<p>Harbor Lights season 3 arrives soon.</p><p>The network released the new "
            "trailer for the show on Tuesday, which picks up where season 2 ended.</p>",
            SHOW,
        ),
        # a person's work described, not another work named
        (
            "<p>Copper Lantern</p><p>In this first trailer for Mara Quill's (Night Ferry) "
            "remake, the miners go underground.</p>",
            FILM,
        ),
    ],
)
def test_a_trailer_described_in_words_is_reported(body: str, watch: Watch) -> None:
    assert trailers(body, watch, title="Film news" if watch is FILM else "TV news") == [PAGE_URL]


@pytest.mark.parametrize(
    "body",
    [
        # the verb that says a video is out is the featurette's
        "<p>A Copper Lantern featurette reveals the mines; the trailer to debut in July.</p>",
        # a trailer for a kind of work the watch is not
        "<p>Copper Lantern season 2 is coming.</p><p>A trailer for the compilation film was "
        "released alongside the news.</p>",
        # a noun the trailer word qualifies
        "<p>Copper Lantern is back.</p><p>People in the trailer thread keep asking about it.</p>",
    ],
)
def test_a_trailer_word_that_reports_no_released_trailer_of_the_watch(body: str) -> None:
    watch = Watch("Copper Lantern", 2) if "season 2" in body else FILM
    assert trailers(body, watch, title="News") == []


def test_a_roundup_counts_only_the_watchs_item() -> None:
    roundup = (
        "<p>New trailers and updates for upcoming films</p>"
        "<p>Copper Lantern</p><p>Not an official trailer: the footage shown got the crowd "
        "going.</p>"
        "<p>Night Ferry</p><p>The studio unveiled one last trailer at the convention.</p>"
    )
    assert trailers(roundup, FILM, title="This Week's New Movie Trailers") == []
    watchs = roundup.replace("Not an official trailer: the footage shown", "Its first trailer")
    assert trailers(watchs, FILM, title="This Week's New Movie Trailers") == [PAGE_URL]


def test_a_clip_titled_as_announcing_the_teaser_is_not_the_teaser() -> None:
    body = (
        "<p>The studio posted a short clip saying the first Copper Lantern teaser airs on "
        "a morning show.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Copper Lantern - Teaser coming tomorrow"></iframe>'
    )
    assert trailers(body, FILM, title="The Copper Lantern teaser lands tomorrow") == []


def test_a_link_that_opens_with_watch_names_no_other_show() -> None:
    body = (
        "<p>The distributor put out the teaser, which shows new monsters.</p>"
        f'<p><a href="{VIDEO}">Watch the Season Three teaser on YouTube</a>.</p>'
    )
    assert trailers(body, title="Harbor Lights Season Three Teaser Arrives") == [VIDEO]


def test_the_titles_new_season_is_the_watched_one_when_no_other_is_numbered() -> None:
    body = (
        "<p>The streamer released the official trailer for the new season of Harbor Lights "
        "on Tuesday.</p>"
    )
    assert trailers(body, title="Harbor Lights news") == [PAGE_URL]
    numbered = body + "<p>Harbor Lights season 2 ended on a storm.</p>"
    # (another season numbered: "the new season" may be any)
    assert trailers(numbered, Watch("Harbor Lights", 4), title="Harbor Lights news") == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("<p>Copper Lantern's first trailer is finally here.</p>", True),
        ("<p>Harbor Lights season 3 does not have a trailer.</p>", False),
        # the trailer word qualified by another season, on a page that names both
        (
            "<p>Harbor Lights season 3 is filming; the season 2 trailer came out last "
            "year.</p>",
            False,
        ),
        (
            "<p>Harbor Lights season 3 is filming; a trailer for season two dropped in "
            "2023.</p>",
            False,
        ),
        # a trailer given, described, or someone in it
        (
            "<p>The streamer has given fans a first look at Harbor Lights season 3 with a "
            "teaser trailer.</p>",
            True,
        ),
        ("<p>Copper Lantern</p><p>The remake's trailer leans into horror.</p>", True),
        ("<p>In the new Harbor Lights season 3 trailer, the keeper returns.</p>", True),
        # (the nearest season is the one the trailer word is for)
        ("<p>The first season 3 teaser for Harbor Lights arrived in February.</p>", True),
    ],
)
def test_what_says_the_watchs_trailer_is_out(body: str, found: bool) -> None:
    watch = FILM if "Copper" in body else SHOW
    assert trailers(body, watch) == ([PAGE_URL] if found else [])


@pytest.mark.parametrize(("number", "found"), [("2", True), ("\uff12", True), ("1", False)])
def test_a_japanese_player_title_numbers_its_season(number: str, found: bool) -> None:
    body = (
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        f'title="TV\u30a2\u30cb\u30e1\u300cStarfall Academy\u300d\u7b2c{number}\u671f \u672cPV">'
        "</iframe>"
    )
    assert trailers(body, ANIME, title="Starfall Academy 2nd season streams a PV") == (
        [VIDEO] if found else []
    )


LATER = Watch("Ten Winters Later", None)
COLON = Watch("Harbor Lights: The Lost Year", None)


@pytest.mark.parametrize(
    ("body", "watch", "found"),
    [
        # the watch's own title is a name, not a cue: "Later" is no trailer to come, and
        # the colon in a title ends no clause before "will"
        ("<p>The Ten Winters Later trailer dropped on Monday.</p>", LATER, True),
        (
            "<p>The first teaser for Harbor Lights: The Lost Year will be released this "
            "weekend.</p>",
            COLON,
            False,
        ),
        # a hedge on what the clause goes on to say, after the report, hedges no report
        (
            "<p>Harbor Lights season 3 is coming.</p><p>A teaser has been released and it's "
            "packed with little hints about the finale.</p>",
            SHOW,
            True,
        ),
        # nor does an aside in brackets, or a condition on the reader
        (
            "<p>Harbor Lights season 3 is coming.</p><p>Check out the second (and presumably "
            "final) full trailer for the season.</p>",
            SHOW,
            True,
        ),
        (
            "<p>If you need something to tide you over until Harbor Lights season 3, check "
            "out the first teaser released for the season.</p>",
            SHOW,
            True,
        ),
        # but a hedge before the report is one
        (
            "<p>A Harbor Lights season 3 teaser was reportedly released to theaters.</p>",
            SHOW,
            False,
        ),
        # the verb "revealed" says a video is out; the noun "a reveal" is another video
        ("<p>Harbor Lights season 3 revealed a new preview trailer on Sunday.</p>", SHOW, True),
        # a trailer added to a page, one that has already done something
        ("<p>Teaser trailer #2 added for Harbor Lights season 3.</p>", SHOW, True),
        (
            "<p>The trailer for Harbor Lights season 3 has already shown fans where the "
            "keeper will end up.</p>",
            SHOW,
            True,
        ),
        # the trailer's own modal: what it can show is no video out
        (
            "<p>Harbor Lights season 3 wrapped filming.</p><p>The trailer can show footage "
            "from every episode.</p>",
            SHOW,
            False,
        ),
        # a past "when", an idiom "awaited", an adverb "before", the conjunction "yet"
        (
            "<p>The Harbor Lights season 3 trailer shook the internet when it dropped "
            "without warning.</p>",
            SHOW,
            True,
        ),
        (
            "<p>The network has released a brand new trailer for the much-awaited Harbor "
            "Lights season 3.</p>",
            SHOW,
            True,
        ),
        (
            "<p>Harbor Lights season 3 is close, and its new trailer shows more than anything "
            "released before.</p>",
            SHOW,
            True,
        ),
        ("<p>Here's a very short yet chilling trailer for Harbor Lights season 3.</p>", SHOW, True),
        # shown on air or to a hall is out; to be shown is not
        (
            "<p>Harbor Lights season 3 is close.</p><p>The minute-long trailer was broadcast "
            "at half-time of the final.</p>",
            SHOW,
            True,
        ),
        ("<p>A Harbor Lights season 3 teaser will be shown at the panel.</p>", SHOW, False),
        # what stands beside the video is not what it is: "along with the date announcement"
        (
            "<p>Harbor Lights season 3 is dated.</p><p>The network also released a brief "
            "teaser along with the premiere date announcement.</p>",
            SHOW,
            True,
        ),
        # a teaser that gives the date is a trailer: "announced" is a verb, not a kind
        (
            "<p>The network announced the Harbor Lights season 3 premiere date with a new "
            "teaser trailer.</p>",
            SHOW,
            True,
        ),
        ("<p>Harbor Lights Season 3 Gets a Premiere Date and a First Teaser</p>", SHOW, True),
        ("<p>The Harbor Lights season 3 teaser is now up on YouTube.</p>", SHOW, True),
        # (but what comes before the video still governs it)
        (
            "<p>The network will release the Harbor Lights season 3 date along with a "
            "teaser.</p>",
            SHOW,
            False,
        ),
        # "introduces" is the trailer's verb ("Introducing the crew" names a kind of video)
        (
            "<p>Harbor Lights season 3 is coming.</p><p>The network has released a teaser "
            "trailer that introduces new keepers.</p>",
            SHOW,
            True,
        ),
        # what the video shows is the story's future, not the video's
        (
            "<p>Harbor Lights season 3 is coming.</p><p>The new teaser reveals that the "
            "keeper will leave the island.</p>",
            SHOW,
            True,
        ),
        # a tagline quoted after the trailer word is the video's, not a trailer to come
        (
            "<p>Harbor Lights Season 3 Teaser Promises 'All Will Be Revealed'</p>",
            SHOW,
            True,
        ),
        # a quoted aside or someone's words before the report are no hedge on it
        (
            "<p>Harbor Lights, the answer to the question \"what if a lighthouse could "
            "talk?\", just dropped a trailer for its 3rd season.</p>",
            SHOW,
            True,
        ),
        (
            "<p>Harbor Lights season 3 is coming.</p><p>\u201cI want to know the whole "
            "story,\u201d the keeper says in the new trailer.</p>",
            SHOW,
            True,
        ),
    ],
)
def test_what_a_sentence_says_of_the_watchs_trailer(body: str, watch: Watch, found: bool) -> None:
    assert trailers(body, watch) == ([PAGE_URL] if found else [])


@pytest.mark.parametrize(
    ("headline", "sentence", "found"),
    [
        # a headline announcing a coming trailer: the body's "the trailer" is that one
        ("Network to release Harbor Lights season 3 trailer on Sunday", "The trailer can "
         "show footage from the whole season, since filming is done.", False),
        ("Harbor Lights season 3 teaser coming this weekend", "Cinemas are billing it as the "
         "world premiere of the teaser.", False),
        # unless the body says it is out
        ("Harbor Lights season 3 teaser coming this weekend", "Update: the teaser has been "
         "released early.", True),
    ],
)
def test_a_trailer_the_headline_says_is_coming_needs_the_body_to_say_it_is_out(
    headline: str, sentence: str, found: bool
) -> None:
    body = f"<p>Harbor Lights season 3 is the network's big autumn show.</p><p>{sentence}</p>"
    assert trailers(body, title=headline) == ([PAGE_URL] if found else [])


def test_an_explainers_headline_listing_the_trailer_reports_none() -> None:
    body = "<p>Harbor Lights season 3 was renewed in March.</p>"
    assert trailers(body, title="Harbor Lights 3: release date, cast and trailer news") == []


PLAYER = '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0"></iframe>'


def test_a_player_under_a_headline_about_the_trailer_is_that_trailer() -> None:
    # the paragraphs around the player tell the story; the headline (a block of the page,
    # under the site's name) says what the video is
    html = (
        "<html><head><title>Reel Notes</title></head><body><p>Reel Notes</p><article>"
        "<p>Trailers</p><h1>Harbor Lights season 3 trailer heads for open water</h1>"
        "<p>By Jo Bell, May 2, 2024</p>"
        "<p>The final season is gearing up for a war at sea.</p>"
        f"{PLAYER}<p>The keeper sails for the outer islands.</p></article></body></html>"
    )
    doc = parse_documents(html, PAGE_URL)[0]
    assert [f.url for f in extract(doc, SHOW) if f.kind == "trailer"] == [VIDEO]


def test_a_link_in_another_shows_entry_of_a_list_is_that_shows() -> None:
    other = "https://www.youtube.com/watch?v=ZyXwVuTsRq9"
    body = (
        "<p>The network released first trailers for its new series.</p>"
        f'<p>HARBOR LIGHTS SEASON 3 (Sundays at 8/7c) <a href="{VIDEO}">[WATCH TRAILER HERE]</a>'
        "</p>"
        "<p>It looks moody.</p>"
        f'<p>SALT MARSH (Thursdays at 9/8c) <a href="{other}">[WATCH TRAILER HERE]</a></p>'
        "<p>It looks damp.</p>"
    )
    assert trailers(body, title="Harbor Lights and more: the network's new trailers") == [VIDEO]


def test_a_player_under_words_naming_another_works_trailer_is_that_works() -> None:
    body = (
        "<p>Harbor Lights season 3 has a new poster.</p>"
        "<p>First, the second full trailer for Jo Bell's Salt Marsh.</p>" + PLAYER
    )
    assert trailers(body, title="Harbor Lights season 3 poster and more") == []


def test_a_player_named_without_a_season_under_a_report_naming_the_watched_one() -> None:
    body = (
        "<p>The network has released a brand new trailer for Harbor Lights season 3.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Harbor Lights | The Tide Turns | Network"></iframe>'
    )
    assert trailers(body, title="Network releases new Harbor Lights trailer") == [VIDEO]


def test_a_player_in_a_roundups_item_about_the_film_is_its_trailer() -> None:
    body = (
        "<h2>Copper Lantern</h2><p>Release Date: Fall 2026</p>"
        "<p>The first teaser for the streamer's film has the miners digging deeper.</p>"
        + PLAYER
        + "<h2>Salt Marsh</h2><p>Release Date: July 3, 2026</p>"
    )
    assert trailers(body, FILM, title="The best new movie trailers of the week") == [VIDEO]


def test_the_forthcoming_series_is_the_watched_one_whatever_a_byline_says() -> None:
    body = (
        "<p>| Sunday, 13 July | Reported by Jo Bell</p>"
        "<p>The first full trailer for the forthcoming series of Harbor Lights has now been "
        "released by the network.</p>"
    )
    assert trailers(body, title="Full Harbor Lights trailer released") == [PAGE_URL]


def test_a_youtube_link_alone_on_its_line_is_the_player_the_text_points_at() -> None:
    # a blogging tool makes a player of the line; the page keeps the line as text. The
    # pointer above it says "the trailer": the one the text reported, not season 1.
    body = (
        "<p>A new trailer for Harbor Lights season 3 has just been released.</p>"
        "<p>No premiere date has been set. All of season 1 is streaming now. You can check "
        "out the trailer below:</p><p>www.youtube.com/watch?v=AbCdEfGhIj0</p>"
    )
    assert trailers(body) == [VIDEO]


def test_the_one_player_under_a_reported_trailer_is_that_trailer_not_the_page() -> None:
    body = (
        "<p>The network has released the first teaser for Harbor Lights season 3.</p>"
        "<p>The keeper is back on the rocks.</p><p>The storm is worse than ever.</p>"
        "<p>And the lamp is out.</p>" + PLAYER + "<p>More soon.</p>"
    )
    assert trailers(body, title="Harbor Lights: news from the lighthouse") == [VIDEO]


@pytest.mark.parametrize(
    ("answer", "found"),
    [
        ("Us: Feast your eyes on the below.", True),
        ("Yes! It went up this morning.", True),
        ("Not yet, but one is due in the spring.", False),
        ("Yes, a teaser is coming next week.", False),
    ],
)
def test_a_question_whether_there_is_a_trailer_is_answered_by_the_next_line(
    answer: str, found: bool
) -> None:
    body = (
        "<p>You have had questions about Harbor Lights season 3. We have answers.</p>"
        f"<p>You: Is there a trailer?</p><p>{answer}</p>"
    )
    assert trailers(body, title="Harbor Lights season 3: your questions") == (
        [PAGE_URL] if found else []
    )


def test_a_date_announcement_video_is_still_no_trailer() -> None:
    body = (
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Harbor Lights Season 3 | Date Announce | Network"></iframe>'
    )
    assert trailers(body, title="Harbor Lights season 3 gets a date") == []


@pytest.mark.parametrize(
    ("headline", "found"),
    [
        ("Harbor Lights Season 3 Release Date Announced With New Teaser", True),
        ("Harbor Lights season 3: trailer released, plus everything we know", True),
        ("Harbor Lights Season 3: Release Date, Trailer, Cast", False),
        ("Harbor Lights season 3 release date, cast, trailer and news: all released so far", False),
    ],
)
def test_an_explainers_headline_is_one_that_does_not_say_the_trailer_is_out(
    headline: str, found: bool
) -> None:
    body = "<p>The keeper returns to the island in the new episodes.</p>"
    assert trailers(body, title=headline) == ([PAGE_URL] if found else [])


# Session 7 (issue 13, trailers): words used in another sense, trailers made or dated but
# not shown, and a page's one player tied to the trailer its text reports.


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # "coming" describes the season, not the trailer
        ("On Monday the network posted the official trailer for the coming season.", True),
        ("The official trailer is coming in the next few weeks.", False),
        # a trailer named with its work, then its own verb
        ("The first teaser for the new season promises more storms than ever.", True),
        # the reveal of a trailer is the trailer's own reveal, not a "reveal video"
        ("Thursday saw the reveal of the teaser trailer for the new season.", True),
        # dated, rated or made but not shown
        ("The network revealed the release date of the first teaser for the new season.", False),
        ("The new season's teaser has already been given its classification.", False),
        ("The showrunner confirms the first trailer for the new season is finished.", False),
        ("The showrunner shared an update on the first trailer for the new season.", False),
        ("Its teasers always debuted near the start of summer, before the new season.", False),
    ],
)
def test_what_a_sentence_says_of_the_trailer_it_names(sentence: str, found: bool) -> None:
    body = f"<p>Harbor Lights season 3 is on its way.</p><p>{sentence}</p>"
    assert trailers(body, title="Harbor Lights season 3 news") == ([PAGE_URL] if found else [])


def test_the_cast_introducing_a_trailer_does_not_make_it_a_cast_video() -> None:
    body = (
        "<p>Harbor Lights season 3 closed the evening.</p>"
        "<p>The cast introduced the trailer, which makes clear little has changed since "
        "the storm at the end of season 2.</p>"
        f'<iframe src="https://www.youtube.com/embed/{VIDEO[-11:]}"></iframe>'
    )
    assert trailers(body, title="Harbor Lights season 3 news") == [VIDEO]


def test_a_link_in_the_sentence_that_reports_the_trailer_is_that_trailer() -> None:
    body = (
        "<p>Harbor Lights season 3 returns in the autumn.</p>"
        f'<p>If you follow <a href="https://youtu.be/{VIDEO[-11:]}?si=track">this link</a>, '
        "you can watch the season 3 trailer, and it looks stormy.</p>"
    )
    assert trailers(body, title="Harbor Lights season 3") == [VIDEO]


def test_the_one_player_of_a_page_reporting_the_trailer_is_that_trailer() -> None:
    # (the paragraph over the player recalls the last season's ending)
    body = (
        "<p>Harbor Lights season 3 gets a teaser trailer, and it just landed.</p>"
        "<p>Count me in: that season two cliffhanger left the keepers stranded.</p>"
        f'<iframe src="//www.youtube.com/embed/{VIDEO[-11:]}"></iframe>'
    )
    assert trailers(body, title="Harbor Lights season 3 gets a teaser") == [VIDEO]


@pytest.mark.parametrize(
    ("headline", "found"),
    [
        # the next trailer presupposes an earlier one, which the body describes
        ("When can we expect the next Harbor Lights season 3 trailer?", True),
        ("Harbor Lights season 3 trailer coming next week", False),
    ],
)
def test_a_headline_awaiting_the_next_trailer_leaves_the_first_one_out(
    headline: str, found: bool
) -> None:
    body = (
        "<p>Harbor Lights season 3 has fans waiting.</p>"
        "<p>The teaser trailer gave us our first look at the flooded lighthouse.</p>"
    )
    assert trailers(body, title=headline) == ([PAGE_URL] if found else [])


def test_watch_it_right_here_reports_a_trailer_the_headline_had_coming() -> None:
    body = (
        "<p>[Update: Watch the official Harbor Lights season 3 trailer right here!]</p>"
        "<p>The network will debut the trailer during the match.</p>"
    )
    assert trailers(body, title="Harbor Lights season 3 trailer to debut this weekend") == [
        PAGE_URL
    ]


def test_a_links_sentence_naming_another_works_trailer_is_not_the_watchs() -> None:
    body = (
        "<p>The Harbor Lights season 3 panel ended with a clip.</p>"
        "<p>After the panel, the studio put the new Tidewater: Salt and Iron trailer online; "
        f'<a href="{VIDEO}">you can watch it here</a>.</p>'
    )
    assert VIDEO not in trailers(body, title="Harbor Lights season 3 panel")


def test_a_video_pages_description_calling_it_a_concept_trailer_makes_it_a_fans() -> None:
    watch_page = "https://www.youtube.com/watch?v=AbCdEfGhIj0"
    html = page(
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" title="Trailer Forge"></iframe>'
        "<p>Harbor Lights season 3 official teaser trailer | Network</p>"
        "<p>Subscribe for more.</p><p>The keepers return in this CONCEPT trailer we cut.</p>",
        title="Harbor Lights Season 3 | Official Teaser Trailer",
    )
    doc = parse_documents(html, watch_page)[0]
    assert [f for f in extract(doc, SHOW) if f.kind == "trailer"] == []


def test_a_posts_date_stamp_heads_no_item_of_a_roundup() -> None:
    body = (
        "<p>Trailer: Harbor Lights season 3</p><p>Apr 13 2016</p>"
        "<p>The trailer looks wonderful, and the storm scenes are huge.</p>"
    )
    assert trailers(body, title="Trailers (tag archive)") == [PAGE_URL]


def test_a_link_in_a_list_item_led_by_another_shows_name_is_that_shows() -> None:
    body = (
        "<p>A few shows reached the teaser stage this week.</p>"
        "<p><b>Harbor Lights</b> (Network) - season 3 returns with the keepers. "
        f'<a href="{VIDEO}">First teaser</a></p>'
        "<p><b>Tidewater Hotel</b> (Channel 9) - two rivals run a hotel. "
        '<a href="https://www.youtube.com/watch?v=ZzYyXxWwVv1">Teaser</a></p>'
    )
    assert trailers(body, title="Teasers roundup") == [VIDEO]


@pytest.mark.parametrize(
    "aside",
    [
        "The studio says the teaser is a convention exclusive and will not be released online.",
        "Nobody outside the hall has seen it: the network has no plans to release that footage.",
        "The footage was screened only to the audience in the hall.",
        "The studio screened it for theater owners, and it has yet to be released publicly.",
    ],
)
def test_a_trailer_shown_only_to_a_hall_is_not_released(aside: str) -> None:
    body = (
        "<p>Harbor Lights season 3 brought its cast to the big convention stage on "
        "Saturday.</p>"
        "<p>The first Harbor Lights season 3 teaser played, and it gives the lighthouse a "
        f"new keeper.</p><p>{aside}</p>"
    )
    assert trailers(body) == []


@pytest.mark.parametrize(
    "aside",
    [
        "",
        "<p>An extended reel was shown only to the audience in the hall.</p>",
        "<p>The studio says that teaser is a convention exclusive.</p><p>The network then "
        "released the Harbor Lights teaser on YouTube.</p>",
    ],
)
def test_a_trailer_put_online_after_its_panel_is_released(aside: str) -> None:
    body = (
        "<p>Harbor Lights season 3 brought its cast to the big convention stage on "
        "Saturday.</p>"
        "<p>The network released the Harbor Lights season 3 teaser online right after it "
        f"debuted for the hall.</p>{aside}"
    )
    assert trailers(body) == [PAGE_URL]


def test_a_youtube_link_written_out_in_a_sentence_is_the_trailer() -> None:
    body = (
        "<p>Harbor Lights season 3 is scheduled to return in August.</p>"
        "<p>Watch the new trailer here: https://youtu.be/AbCdEfGhIj0</p>"
    )
    assert trailers(body, title="New trailer for Harbor Lights season 3") == [VIDEO]


def test_a_player_link_keeps_its_title_past_the_button_word() -> None:
    body = (
        "<p>The network released the first full trailer for Harbor Lights season 3 on "
        "Tuesday.</p>"
        f'<figure class="video"><a href="{VIDEO}">Play: The Harbor Lights \u2013 Season 3 '
        "Official Trailer</a></figure>"
    )
    assert trailers(body, Watch("The Harbor Lights", 3, ("Harbor Lights",))) == [VIDEO]


@pytest.mark.parametrize(
    ("caption", "found"),
    [
        ("WATCH: Harbor Lights starring Jo Bell official trailer", False),
        ("WATCH: the new Harbor Lights trailer", True),
        ("WATCH: Harbor Lights season 3 official trailer", True),
    ],
)
def test_a_players_caption_naming_no_season_is_the_first_seasons_video(
    caption: str, found: bool
) -> None:
    body = (
        "<p>Harbor Lights will return for a third season, the network confirmed on "
        f"Monday.</p><p>{caption}</p><p>Filming starts in the spring.</p>"
    )
    assert trailers(body) == ([PAGE_URL] if found else [])


@pytest.mark.parametrize(
    "opening",
    [
        "The network previewed its upcoming slate of shows and films in a new teaser trailer.",
        "The network released the trailer for its 2026 drama slate on Monday.",
    ],
)
def test_a_networks_slate_reel_is_not_one_shows_trailer(opening: str) -> None:
    body = (
        f"<p>{opening}</p>"
        "<p>The footage gave a first look at Harbor Lights season 3, and the teaser shows "
        "the lighthouse in a storm.</p>"
    )
    assert trailers(body) == []


def test_a_player_titled_without_a_season_under_the_seasons_reported_teaser_is_it() -> None:
    body = (
        "<p>Netflix released the first teaser for Harbor Lights season 3 on Monday.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Harbor Lights | Official Teaser | Netflix"></iframe>'
        "<p>The new season arrives in June.</p>"
    )
    assert trailers(body) == [VIDEO]


def test_the_date_a_trailer_debuted_in_its_own_which_clause_is_no_release() -> None:
    body = (
        "<p>The Harbor Lights season 3 trailer, which debuted May 6, shows the keeper "
        "alone at sea.</p>"
    )
    assert dates(body, title="Harbor Lights season 3 trailer") == []
    # (a clause said of the season, not the trailer, still dates the season)
    body = "<p>Netflix released a trailer for Harbor Lights season 3, which debuts June 5.</p>"
    assert dates(body) == [("2024-06-05", "day")]


@pytest.mark.parametrize(
    "line",
    [
        "First released on May 6, the Harbor Lights season 3 trailer has two million views.",
        "Harbor Lights season 3 trailer (May 6, 2024)",
    ],
)
def test_a_trailer_posts_own_date_line_is_no_release_date(line: str) -> None:
    body = f"<p>{line}</p><p>Netflix has not said when the season arrives.</p>"
    assert dates(body, title="Harbor Lights season 3 trailer") == []


def test_a_bootleg_recording_of_a_screening_is_not_a_trailer() -> None:
    film = Watch("Harbor Lights 3", None)
    body = (
        "<p>Bootleg footage of the Harbor Lights 3 teaser shown to exhibitors made its way "
        "online on Wednesday.</p>"
    )
    assert trailers(body, film) == []


def _roundup(heads: tuple[str, str], order: tuple[int, int]) -> str:
    items = [
        (
            "Tidewater season 2",
            "<p>The streamer dropped the first teaser on Monday.</p>"
            '<iframe src="https://www.youtube.com/embed/ZzZzZzZzZz0"></iframe>',
        ),
        (
            "Harbor Lights season 3",
            "<p>The keeper is back in a moody new trailer.</p>"
            '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0"></iframe>',
        ),
    ]
    return "".join(f"{heads[0]}{items[i][0]}{heads[1]}{items[i][1]}" for i in order)


@pytest.mark.parametrize("heads", [("<h2>", "</h2>"), ("<p><b>", "</b></p>")])
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_roundups_player_belongs_to_the_item_above_it(
    heads: tuple[str, str], order: tuple[int, int]
) -> None:
    # (the head line under a player opens the next item: it is no caption of the player)
    body = _roundup(heads, order)
    assert trailers(body, title="Every new trailer this week") == [VIDEO]


@pytest.mark.parametrize(
    ("description", "found"),
    [
        ("The keeper returns. Harbor Lights season 3 premieres June 5.", True),
        ("Watch the official trailer for Harbor Lights, now streaming.", False),
    ],
)
def test_a_channel_videos_description_names_the_season_its_title_leaves_out(
    description: str, found: bool
) -> None:
    feed = (
        '<?xml version="1.0"?><feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" '
        'xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">'
        "<title>Network</title><entry><id>yt:video:AbCdEfGhIj0</id>"
        "<yt:videoId>AbCdEfGhIj0</yt:videoId><title>Harbor Lights | Official Teaser</title>"
        f'<link rel="alternate" href="{VIDEO}"/><published>2024-05-06T10:00:00+00:00'
        "</published><media:group><media:title>Harbor Lights | Official Teaser</media:title>"
        f"<media:description>{description}</media:description></media:group></entry></feed>"
    )
    docs = parse_documents(feed, "https://www.youtube.com/feeds/videos.xml?channel_id=x")
    got = [f.url for doc in docs for f in extract(doc, SHOW) if f.kind == "trailer"]
    assert got == ([VIDEO] if found else [])


@pytest.mark.parametrize(
    "sentence",
    [
        "The teaser was expected in May, but Netflix released the Harbor Lights season 3 "
        "trailer early on Monday.",
        "Fans had hoped for a teaser at the fan event, and Netflix delivered: the Harbor "
        "Lights season 3 trailer dropped Saturday.",
        "No trailer yet for Tidewater, but Netflix released the Harbor Lights season 3 "
        "trailer on Monday.",
    ],
)
def test_a_later_trailer_word_of_the_sentence_can_report_the_release(sentence: str) -> None:
    assert trailers(f"<p>{sentence}</p>") == [PAGE_URL]


def test_a_trailer_promised_for_later_is_not_out() -> None:
    body = (
        "<p>No new promo video was released today for Harbor Lights season 3, just a poster; "
        'a trailer is promised "closer to the premiere".</p>'
    )
    assert trailers(body) == []


def test_one_video_in_a_player_and_its_fallback_is_no_roundup() -> None:
    # (an iframe and its <noscript> copy are one video: the page's section heads, a
    # "Key Points" box among them, head no roundup items)
    body = (
        "<p>By Jo Bell</p><h2>Key Points</h2><ul><li>The network released the Harbor "
        "Lights season 3 trailer.</li></ul>"
        "<p>The network has released the official trailer for Harbor Lights season 3.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Harbor Lights Season 3 | Official Trailer"></iframe>'
        '<noscript><iframe src="https://www.youtube.com/embed/AbCdEfGhIj0"></iframe></noscript>'
        "<p>The keeper is back, and so is the storm.</p>"
        "<h2>When Does Harbor Lights Season 3 Come Out?</h2><p>It arrives in June.</p>"
    )
    assert trailers(body) == [VIDEO]


@pytest.mark.parametrize(
    "sentence",
    [
        # German, Italian, Portuguese, French, Indonesian: a trailer reported as out
        "Am Montag veröffentlichte der Sender den ersten Trailer zur dritten Staffel von "
        "Harbor Lights.",
        "La rete ha rilasciato il primo trailer della terza stagione di Harbor Lights.",
        "A emissora divulgou nesta segunda o trailer da terceira temporada de Harbor Lights.",
        "La chaîne a dévoilé la bande-annonce de la saison 3 de Harbor Lights.",
        "Jaringan itu telah merilis teaser Harbor Lights season 3 pada hari Senin.",
        # "is here", "in the trailer", "is available": other ways to say it exists
        "Der erste Trailer zur dritten Staffel von Harbor Lights ist da.",
        "Nel trailer della terza stagione di Harbor Lights vediamo il faro.",
        "Ya está disponible el tráiler de la temporada 3 de Harbor Lights.",
    ],
)
def test_a_trailer_reported_out_in_another_language_is_the_page(sentence: str) -> None:
    assert trailers(f"<p>{sentence}</p>") == [PAGE_URL]


@pytest.mark.parametrize(
    "sentence",
    [
        "Für die dritte Staffel von Harbor Lights wird der Sender bald einen Trailer "
        "veröffentlichen.",
        "Todavía no se ha publicado un tráiler de la tercera temporada de Harbor Lights.",
        "La bande-annonce de la saison 3 de Harbor Lights sera dévoilée en juin.",
        "Il trailer della terza stagione di Harbor Lights arriverà presto.",
        "Trailer Harbor Lights season 3 akan dirilis bulan depan.",
    ],
)
def test_a_trailer_to_come_or_denied_in_another_language_is_not_released(sentence: str) -> None:
    assert trailers(f"<p>{sentence}</p>") == []


def test_a_teaser_the_studio_disowns_is_not_a_trailer() -> None:
    body = (
        "<p>A moody Harbor Lights season 3 teaser spread across social media this week.</p>"
        '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj0" '
        'title="Harbor Lights Season 3 - Teaser"></iframe>'
        "<p>The network said the video was not made by the studio.</p>"
    )
    assert trailers(body, title="That Harbor Lights teaser? The network says it isn't theirs") == []


def test_a_headline_saying_a_trailer_isnt_real_reports_none() -> None:
    title = "No, that 'Harbor Lights Season 3 Official Trailer' isn't real"
    assert trailers("<p>It has been shared widely.</p>", title=title) == []


def test_trailers_counted_by_the_hundred_at_an_event_are_no_ones_trailer() -> None:
    body = (
        "<p>Harbor Lights season 3 was on the programme of the exhibitors' day, where more "
        "than 200 trailers and clips were shown.</p>"
    )
    assert trailers(body) == []


OTHER_PLAYER = (
    '<iframe src="https://www.youtube.com/embed/ZyXwVuTsRq9" '
    'title="Saltmarsh | Official Trailer | Hulu"></iframe>'
)


def test_another_shows_player_leaves_the_watchs_trailer_reported_in_words() -> None:
    body = (
        "<p>Hulu released the first trailer for Saltmarsh, its new crime drama.</p>"
        + OTHER_PLAYER
        + "<p>Elsewhere, the network put out the trailer for Harbor Lights season 3, which "
        "returns in May.</p>"
    )
    assert trailers(body, title="Saltmarsh trailer; Harbor Lights returns") == [PAGE_URL]


def test_beside_another_shows_player_an_unnamed_trailer_is_that_one() -> None:
    body = (
        "<p>Harbor Lights season 3 footage played for the convention crowd only.</p>"
        "<p>Saltmarsh was another matter.</p>"
        "<p>The panel premiered the show's first teaser and put it on YouTube.</p>"
        + OTHER_PLAYER
    )
    assert trailers(body, title="Harbor Lights footage shown; Saltmarsh teaser online") == []


def test_a_quoted_title_before_the_trailer_word_owns_it_in_a_headline() -> None:
    title = "'Saltmarsh' Teaser Arrives; 'Harbor Lights' Season 3 Adds Two"
    body = (
        "<p>Two new faces join Harbor Lights season 3.</p>"
        '<iframe src="https://www.youtube.com/embed/ZyXwVuTsRq9" '
        'title="Saltmarsh | Teaser | Hulu"></iframe>'
    )
    assert trailers(body, title=title) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the trailer's own date, not a trailer
        "Harbor Lights season 3 trailer date revealed by the network.",
        "The Harbor Lights season 3 teaser time was revealed on Friday.",
        # a trailer being made
        "The showrunner confirms that production of the first Harbor Lights season 3 "
        "trailer is in full swing.",
        "The first trailer for Harbor Lights season 3 is being edited, the studio revealed.",
        "Work on the Harbor Lights season 3 teaser has started, the editor revealed.",
    ],
)
def test_a_trailer_dated_or_still_being_made_is_not_released(sentence: str) -> None:
    assert trailers(f"<p>{sentence}</p>") == []


def test_no_trailer_for_a_work_named_in_capitals_is_none() -> None:
    film = Watch("Harbor Lights: The Long Night", None, ("The Long Night",))
    body = "<p>The studio will not bring footage to the convention this year.</p>"
    title = "Report: No Long Night Trailer Shown at Comic-Con This Week"
    assert trailers(body, film, title=title) == []


LIGHTS_FILM = Watch("Harbor Lights", None)


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        # a player pointed at, the embed lost
        ("Harbor Lights moves to March", "The latest trailer for the film can be found below."),
        ("Harbor Lights moves to March", "The new Harbor Lights teaser is embedded above."),
        ("Harbor Lights moves to March", "You can find the new Harbor Lights trailer below."),
        # a relative clause's idiom is the film's, not a trailer still awaited
        ("Harbor Lights trailer teases the sequel we've all been waiting for \u2014 watch",
         "The studio is back, and the footage looks enormous."),
        ("Harbor Lights moves to March",
         "Now the studio is back with a full, proper Harbor Lights trailer."),
        # a version's language is no other work's name
        ("English-dubbed trailer for Harbor Lights", "The voice cast is stacked."),
        ("Japanese teaser for Northwind's 'Harbor Lights'", "It is short."),
    ],
)
def test_a_films_trailer_reported_in_more_ways_is_the_page(title: str, sentence: str) -> None:
    assert trailers(f"<p>{sentence}</p>", LIGHTS_FILM, title=title) == [PAGE_URL]


@pytest.mark.parametrize(
    "body",
    [
        "<p>The network dropped a short teaser confirming Harbor Lights season 3 has "
        "officially begun filming.</p>",
        "<p>Harbor Lights is coming back for a third season, the network said, and a new "
        "trailer teases the next chapter.</p><p>The renewal video itself shows only the "
        "lighthouse and a large number three.</p>",
        "<p>A teaser announcing that Harbor Lights season 3 is now in production was "
        "posted on Monday.</p>",
    ],
)
def test_a_teaser_announcing_a_renewal_or_filming_is_not_a_trailer(body: str) -> None:
    assert trailers(body) == []


def test_a_works_announcement_teaser_is_still_a_teaser() -> None:
    body = (
        "<p>Like the announcement teaser of last winter, the new Harbor Lights season 3 "
        "teaser released today shows the coast at night.</p>"
    )
    assert trailers(body) == [PAGE_URL]


def test_a_link_written_in_a_plain_text_feed_summary_is_the_entrys_video() -> None:
    feed = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Fan blog</title>'
        "<entry><id>tag:fan.example,2024:1</id><title>New teaser day</title>"
        '<link rel="alternate" href="https://fan.example/2024/05/teaser"/>'
        "<updated>2024-05-06T10:00:00Z</updated><summary type=\"html\">The network just "
        "posted the first Harbor Lights season 3 teaser: https://youtu.be/AbCdEfGhIj0 - "
        "it looks stormy.</summary></entry></feed>"
    )
    docs = parse_documents(feed, "https://fan.example/feed")
    got = [f.url for doc in docs for f in extract(doc, SHOW) if f.kind == "trailer"]
    assert got == [VIDEO]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The panel also announced four episodes of the Tidewater Tales anthology series, "
         "with a trailer for the new episodes.", False),
        ("\u2022 Salt Marsh VR game gets a trailer", False),
        ("The studio debuted a teaser for the Tidewater spin-off on Saturday.", False),
        # a person's work described, or the watched season named: still the watch's
        ("The first trailer for Ann Lee's new series dropped on Saturday.", True),
        ("Lucasfilm released the trailer for season 3 of the Lighthouse Saga series on "
         "Monday.", True),
    ],
)
def test_a_trailer_of_another_work_named_by_its_kind_is_not_the_watchs(
    sentence: str, found: bool
) -> None:
    body = f"<p>Harbor Lights season 3 was at the convention.</p><p>{sentence}</p>"
    assert trailers(body, title="Harbor Lights season 3 at the convention") == (
        [PAGE_URL] if found else []
    )


@pytest.mark.parametrize(
    ("line", "after", "found"),
    [
        ("Harbor Lights Season 3 Trailer", "The season premieres in May.", True),
        ("Harbor Lights Season 3 | Official Teaser", "Press contact: the network.", True),
        # an explainer's line over a denial, a line that says more, another season
        ("Harbor Lights Season 3 Trailer", "There is no trailer yet.", False),
        ("Harbor Lights Season 3 trailer coming soon", "Stay tuned.", False),
        ("Harbor Lights Season 2 Trailer", "The season premieres in May.", False),
    ],
)
def test_a_line_that_is_a_lost_players_title_reports_the_trailer(
    line: str, after: str, found: bool
) -> None:
    body = (
        "<p>The network announced that Harbor Lights season 3 returns in May.</p>"
        f"<p>{line}</p><p>{after}</p>"
    )
    assert trailers(body, title="Harbor Lights returns") == ([PAGE_URL] if found else [])


def test_a_bare_pointer_after_another_works_trailer_is_that_trailer() -> None:
    body = (
        "<p>9:15 p.m.</p><p>Harbor Lights season 3 splits in two</p>"
        "<p>The network released the first Harbor Lights season 3 teaser on Saturday.</p>"
        "<p>6:40 p.m.</p><p>Saltmarsh 2 trailer arrives</p>"
        "<p>The detective returns in November. "
        '<a href="https://www.youtube.com/watch?v=ZyXwVuTsRq9">Watch the trailer.</a></p>'
    )
    assert trailers(body, title="The ticker: the day's TV headlines") == [PAGE_URL]


def test_a_trailer_said_released_beside_an_older_renewal_video_is_still_reported() -> None:
    body = (
        "<p>Netflix released the first Harbor Lights season 3 trailer on Monday.</p>"
        "<p>Back in March, the renewal video showed only the lighthouse.</p>"
    )
    assert trailers(body) == [PAGE_URL]


def test_a_teaser_that_has_confirmed_the_date_is_out() -> None:
    # "A short teaser from the channel has confirmed that ..." : the video exists, the
    # subject of a perfect tense; the page links no player, so the page is the trailer.
    from support import news_page

    from scraper.extract import extract
    from scraper.models import Watch
    from scraper.parse.documents import parse_documents

    body = (
        "<p>The channel has said when the third series of Lantern Row will air.</p>"
        "<p>A short teaser from the channel has confirmed that Lantern Row will return on "
        "Sunday, January 1.</p>"
    )
    doc = parse_documents(news_page(body), "https://tv.example/news/story")[0]
    watch = Watch("Lantern Row", 3, ())
    found = [(f.kind, f.url) for f in extract(doc, watch) if f.kind == "trailer"]
    assert found == [("trailer", "https://tv.example/news/story")]


TIDE = Watch("Copper Tide", None)
ROUNDUP_TITLE = "Friday reel: the week's new film trailers"


def test_a_section_heading_of_new_trailers_governs_the_watchs_item_under_it() -> None:
    body = (
        "<h2>In cinemas now</h2><p>A look at what opened this weekend, from Dust Road to "
        "Paper Moons.</p>"
        "<h2>The latest trailers and news</h2>"
        "<h2>Glass Orchard grows darker</h2><p>The gardener returns, and so does the frost. "
        "Glass Orchard reaches cinemas in March.</p>"
        "<h2>Copper Tide sets sail</h2><p>A salvage crew finds more than wreckage off the "
        "coast. Copper Tide opens on July 9.</p>"
    )
    assert trailers(body, TIDE, title=ROUNDUP_TITLE) == [PAGE_URL]


def test_an_opening_that_lists_trailers_governs_the_items_below() -> None:
    body = (
        "<p>A handful of trailers have dropped since our last look, so here is the batch "
        "worth your time.</p>"
        "<p>Glass Orchard (March 3)</p><p>The frost is back and so is the gardener.</p>"
        "<p>Copper Tide (July 9)</p><p>A salvage crew finds more than wreckage.</p>"
    )
    assert trailers(body, TIDE, title="Roundup: early summer") == [PAGE_URL]


def test_an_items_bare_pointer_reports_its_trailer_in_a_list_that_says_nothing_of_trailers(
) -> None:
    body = (
        "<p>Twenty films we are waiting for this summer, ranked.</p>"
        "<p>2.</p><p>Copper Tide</p><p>Release: July 9</p>"
        "<p>A salvage crew finds more than wreckage. [Watch the trailer]</p>"
        "<p>1.</p><p>Glass Orchard</p><p>Release: August 1</p>"
        "<p>The gardener returns.</p>"
    )
    assert trailers(body, TIDE, title="Summer film preview") == [PAGE_URL]


@pytest.mark.parametrize(
    "item",
    [
        # the pointer is another item's
        "<p>Copper Tide (July 9)</p><p>A salvage crew finds more than wreckage.</p>"
        "<p>Glass Orchard (August 1)</p><p>The gardener returns. Watch the trailer.</p>",
        # the item's own words take the trailer back
        "<p>Copper Tide (July 9)</p><p>No trailer has been shown for it yet.</p>"
        "<p>Glass Orchard (August 1)</p><p>The gardener returns.</p>",
    ],
)
def test_a_list_item_reports_no_trailer_that_is_anothers_or_taken_back(item: str) -> None:
    body = "<p>Twenty films we are waiting for this summer, ranked.</p>" + item
    assert trailers(body, TIDE, title="Summer film preview") == []


def test_a_section_of_releases_under_a_trailers_headline_is_not_governed_by_it() -> None:
    body = (
        "<h2>Opening this weekend</h2>"
        "<h2>Copper Tide</h2><p>A salvage crew finds more than wreckage. In cinemas now.</p>"
        "<h2>Glass Orchard</h2><p>The gardener returns on Friday.</p>"
    )
    assert trailers(body, TIDE, title=ROUNDUP_TITLE) == []


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Harbor Lights season 3 is on its way - watch a first trailer here.", True),
        ("Harbor Lights season 3 is on its way, with a first trailer on its way too.", False),
    ],
)
def test_what_is_still_on_its_way_before_a_spaced_dash_is_the_shows(
    line: str, found: bool
) -> None:
    assert trailers(f"<p>{line}</p>", title="Harbor Lights returns") == (
        [PAGE_URL] if found else []
    )
