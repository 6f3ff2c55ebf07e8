"""The extractor's rules, one table each: dates, video URLs, subject, cues, sentences."""

from __future__ import annotations

import re
import string
import sys
from datetime import date

import pytest

from scraper.extract import extract, may_mention, read
from scraper.extract.dates import find_dates
from scraper.extract.text import case_key, sentences
from scraper.models import Watch
from scraper.parse.documents import parse_documents
from scraper.parse.videos import normalize_video_url

PUBLISHED = date(2023, 4, 20)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("It arrives on 3 August 2023.", "2023-08-03", "day"),
        ("It arrives on August 3rd.", "2023-08-03", "day"),
        ("It arrives Aug. 3.", "2023-08-03", "day"),
        ("It arrives on Thursday 3rd August.", "2023-08-03", "day"),
        ("It arrives on Thursday, Aug. 3, 2023.", "2023-08-03", "day"),
        ("It arrives on 3\u00a0August\u00a02023.", "2023-08-03", "day"),
        ("It arrives on the 3rd of August.", "2023-08-03", "day"),
        ("It arrives Sept. 21.", "2023-09-21", "day"),
        ("It premieres in March 2024.", "2024-03", "month"),
        ("It premieres in April.", "2023-04", "month"),
        ("It premieres next month.", "2023-05", "month"),
        ("It debuts this summer.", "2023-summer", "season"),
        ("It debuts in autumn 2024.", "2024-autumn", "season"),
        ("It debuts in fall 2024.", "2024-autumn", "season"),
        ("It is coming in 2025.", "2025", "year"),
        ("It arrives later this year.", "2023", "year"),
        ("It arrives this Friday.", "2023-04-21", "day"),
        ("It arrives on 2023-08-03.", "2023-08-03", "day"),
    ],
)
def test_dates_as_journalists_write_them(text: str, value: str, precision: str) -> None:
    found = find_dates(text, PUBLISHED)
    assert [(m.value, m.precision) for m in found] == [(value, precision)]


@pytest.mark.parametrize(
    "text", ["It arrives on August 3.", "It arrives next month.", "It arrives this Friday."]
)
def test_a_date_without_a_year_needs_a_publish_date(text: str) -> None:
    assert find_dates(text, None) == []


def test_a_month_well_before_the_article_is_next_years() -> None:
    assert find_dates("It premieres January 15.", date(2023, 12, 1))[0].value == "2024-01-15"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=QP4va9IrcZo",
        "https://www.youtube.com/watch?v=QP4va9IrcZo&ab_channel=Netflix",
        "https://m.youtube.com/watch?feature=share&v=QP4va9IrcZo",
        "https://youtu.be/QP4va9IrcZo?si=abc",
        "https://www.youtube.com/embed/QP4va9IrcZo?autoplay=0&rel=0",
        "//www.youtube-nocookie.com/embed/QP4va9IrcZo",
        "https://www.youtube.com/shorts/QP4va9IrcZo",
        "https://www.youtube.com/v/QP4va9IrcZo?version=3",
        "youtube.com/watch?v=QP4va9IrcZo",
    ],
)
def test_every_youtube_form_normalizes_to_one_watch_url(url: str) -> None:
    assert normalize_video_url(url) == "https://www.youtube.com/watch?v=QP4va9IrcZo"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/channel/UCWOA1ZGywLbqmigxE4Qlvuw",
        "https://www.youtube.com/playlist?list=PL123",
        "https://example.org/watch?v=QP4va9IrcZo",
        "https://www.youtube.com/watch?v=short",
        "not a url at all",
    ],
)
def test_other_links_are_not_videos(url: str) -> None:
    assert normalize_video_url(url) is None


def test_sentences_keep_abbreviated_dates_and_titles_whole() -> None:
    text = (
        "Season 2 premieres Aug. 3 on Netflix. Mr. Farouk returns. "
        "Did you see 'What If...?' It airs."
    )
    assert sentences(text) == [
        "Season 2 premieres Aug. 3 on Netflix.",
        "Mr. Farouk returns.",
        "Did you see 'What If...?' It airs.",
    ]


HS2 = Watch("Heartstopper", 2, ("Heartstopper S2",))
FILM = Watch("Dune: Part Three", None, ())


def page(body: str, published: str = "2023-04-20", title: str = "TV news") -> str:
    return (
        f'<html><head><title>{title}</title><meta property="article:published_time" '
        f'content="{published}T10:00:00Z"></head><body><article><h1>{title}</h1>{body}'
        "</article></body></html>"
    )


def findings(body: str, watch: Watch = HS2, **kwargs: str) -> list[tuple]:
    doc = parse_documents(page(body, **kwargs), "https://news.example/a")[0]
    return [(f.kind, f.date or f.url, f.precision) for f in extract(doc, watch)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # announced, in many phrasings
        ("<p>Heartstopper Season 2 premieres August 3.</p>", ("2023-08-03", "day")),
        (
            "<p>Netflix confirmed Heartstopper S2 will arrive on 3 August.</p>",
            ("2023-08-03", "day"),
        ),
        (
            "<p>The second season of Heartstopper lands on Netflix in June 2024.</p>",
            ("2024-06", "month"),
        ),
        (
            "<p>Heartstopper season two is set for a summer 2024 release.</p>",
            ("2024-summer", "season"),
        ),
        ("<p>Heartstopper Season 2 is coming in 2024.</p>", ("2024", "year")),
        (
            "<p>Netflix has set a Dec. 26 premiere date for Heartstopper Season 2.</p>",
            ("2023-12-26", "day"),
        ),
        (
            "<p>Heartstopper 2 will be available to stream from 26 December.</p>",
            ("2023-12-26", "day"),
        ),
        ("<p>Heartstopper season 2 is slated for a 2024 release.</p>", ("2024", "year")),
        (
            "<p>Heartstopper season 2 release date confirmed: 26 December.</p>",
            ("2023-12-26", "day"),
        ),
        ("<p>Heartstopper season 2 premieres today on Netflix.</p>", ("2023-04-20", "day")),
        ("<p>Heartstopper Season 2 premieres May 4 on Netflix.</p>", ("2023-05-04", "day")),
        (
            "<p>Filming on Heartstopper season 2 wrapped in June 2022; the show returns on 3 "
            "August.</p>",
            ("2023-08-03", "day"),
        ),
        # moved: the new date
        (
            "<p>Heartstopper Season 2 has been moved from June 5 to July 10.</p>",
            ("2023-07-10", "day"),
        ),
        # parts: the first part's date
        (
            "<p>Heartstopper Season 2 Part 1 premieres May 16 and Part 2 follows on June 13.</p>",
            ("2023-05-16", "day"),
        ),
        # "before" hedges only a date it precedes
        (
            "<p>Heartstopper season 2 is in cinemas 3 August in the UK, a week before it opens "
            "in the US on 10 August.</p>",
            ("2023-08-03", "day"),
        ),
        # a source appositive ("based on the novel") does not make the date a book's
        (
            "<p>Heartstopper season 2, based on Alice Oseman's 2020 novel, will bow Thursday, "
            "Aug. 3.</p>",
            ("2023-08-03", "day"),
        ),
        # a teaser poster is a picture: the date after it is the release's
        (
            "<p>Netflix unveiled a teaser poster for Heartstopper season 2 and confirmed the "
            "show will return Thursday, Aug. 3, at 9 p.m.</p>",
            ("2023-08-03", "day"),
        ),
        # a relative clause after the trailer has its own subject
        (
            "<p>Netflix announced the trailer for Heartstopper season 2 is coming soon, and "
            "confirmed the teen drama arrives Aug. 3.</p>",
            ("2023-08-03", "day"),
        ),
        # a world premiere is an event; the release is the streaming date
        (
            "<p>Heartstopper season 2 has its world premiere in London on 1 August.</p>"
            "<p>Heartstopper season 2 arrives on Netflix on 3 August.</p>",
            ("2023-08-03", "day"),
        ),
        # the most precise statement wins
        (
            "<p>Heartstopper Season 2 arrives next month.</p><p>It premieres on 3 May.</p>",
            ("2023-05-03", "day"),
        ),
    ],
)
def test_announced_release_dates(body: str, expected: tuple[str, str]) -> None:
    assert findings(body) == [("release_date", *expected)]


@pytest.mark.parametrize(
    "body",
    [
        "<p>We hope Heartstopper Season 2 arrives in summer 2023.</p>",
        "<p>Our guess: Heartstopper Season 2 could land in August 2023.</p>",
        "<p>Heartstopper Season 2 is rumoured for 3 August.</p>",
        "<p>Fans expect Heartstopper Season 2 in late 2023.</p>",
        "<p>Heartstopper Season 2 may arrive in August 2023.</p>",
        "<p>Netflix is targeting a summer 2023 release for Heartstopper Season 2.</p>",
        "<p>Heartstopper Season 2 premieres August 3, according to a leaked listing.</p>",
        "<p>A release date for Heartstopper Season 2 has yet to be announced.</p>",
        "<p>Heartstopper Season 2 release date: TBC.</p>",
        "<p>Heartstopper Season 3 premieres October 3.</p>",
        "<p>Heartstopper season 1 premiered on April 22, 2022.</p>",
        "<p>Heartstopper was renewed for Season 2 on May 20, 2022.</p>",
        "<p>Heartstopper Season 2 began filming on 12 September 2022.</p>",
        "<p>The fifth Heartstopper book will be published on 7 December 2023.</p>",
        "<p>Netflix's Young Royals Season 3 premieres March 11.</p>",
        "<p>'Bridgerton' Season 3 premieres May 16.</p>",
        "<p>The season 2 finale of Heartstopper airs August 30.</p>",
        "<p>Netflix also confirmed that Wednesday season 2 arrives in 2025.</p>",
        "<p>Heartstopper season 2 is expected to premiere in late 2023.</p>",
        "<p>Netflix says Heartstopper will be at its fan event this Saturday.</p>",
        "<p>Heartstopper: The Musical season 2 premieres August 3.</p>",
        "<p>Heartstopper season 2 is coming; the original Netflix series premiered April 22, "
        "2022.</p>",
        "<p>The spin-off Heartstopper: Nick's Story is slated for 2024.</p>",
        "<p>The prequel Heartstopper: Year One, about Nick's parents, is set for 2024.</p>",
        "<p>Heartstopper season 2 will have its world premiere at Venice on Aug. 28.</p>",
        "<p>Heartstopper season 2 holds a red carpet gala in Leicester Square on 13 July.</p>",
        "<p>The Heartstopper season 2 game arrives on PS5 and PC on Oct. 4.</p>",
        "<p>Heartstopper season 2 was one of the biggest hits of spring 2023.</p>",
        "<p>Heartstopper season 2 is set for release later this year, according to sources "
        "close to the production.</p>",
        "<p>Heartstopper season 2 lands in August, sources familiar with the plans said.</p>",
    ],
)
def test_not_an_announced_release_date(body: str) -> None:
    assert findings(body) == []


def test_a_date_followed_by_a_number_and_full_stop_ends_the_sentence() -> None:
    body = "<p>Heartstopper season 2 premieres on August 3. Season 3 is expected in 2024.</p>"
    assert findings(body) == [("release_date", "2023-08-03", "day")]


def test_another_titles_second_half_in_the_next_clause_is_not_a_later_part() -> None:
    body = (
        "<p>Heartstopper returns for its second season on August 3, while The Lincoln "
        "Lawyer's second half lands the same day.</p>"
    )
    assert findings(body, title="Everything coming to Netflix in August 2023") == [
        ("release_date", "2023-08-03", "day")
    ]


def test_a_definition_list_entry_is_read_as_one_line() -> None:
    body = "<dl><dt>Premiere date</dt><dd>Thursday, August 3</dd><dt>Episodes</dt><dd>8</dd></dl>"
    assert findings(body, title="Heartstopper Season 2 guide") == [
        ("release_date", "2023-08-03", "day")
    ]


def test_a_longer_title_may_drop_its_leading_article() -> None:
    watch = Watch("The Last of Us", 2, ())
    body = "<p>HBO confirmed Last of Us season 2 premieres in April.</p>"
    assert findings(body, watch, published="2025-01-14") == [("release_date", "2025-04", "month")]


def test_a_sentence_continuing_the_headline_is_about_its_subject() -> None:
    body = "<p>The new season arrives on 3 August, Netflix said.</p>"
    assert findings(body, title="Heartstopper Season 2 gets a date") == [
        ("release_date", "2023-08-03", "day")
    ]


def test_a_turn_to_another_subject_is_not_the_watch() -> None:
    body = (
        "<p>Heartstopper Season 2 has no date yet.</p><p>Meanwhile, Bridgerton returns May 16.</p>"
    )
    assert findings(body, title="Heartstopper Season 2 news") == []


def test_another_storys_headline_is_not_the_watch() -> None:
    body = (
        "<p>Heartstopper Season 2 has no date yet.</p>"
        "<div><a href='/x'>Black Mirror Returns June 15 With Six Episodes</a></div>"
    )
    assert findings(body, title="Heartstopper Season 2 news") == []


def test_a_roundup_section_about_another_show_is_not_the_watch() -> None:
    body = (
        "<h2>Heartstopper Season 2</h2><p>No date yet, sadly.</p>"
        "<h2>One Piece</h2><p>The live-action series premieres August 31.</p>"
    )
    assert findings(body, title="Everything from the Netflix event") == []


TEASER = "https://www.youtube.com/watch?v=QP4va9IrcZo"


@pytest.mark.parametrize(
    ("body", "trailers"),
    [
        (
            "<p>Netflix dropped the Heartstopper Season 2 teaser.</p>"
            '<iframe src="https://www.youtube.com/embed/QP4va9IrcZo" title="YouTube video player">'
            "</iframe>",
            [TEASER],
        ),
        (
            '<p>Watch the <a href="https://youtu.be/QP4va9IrcZo">Heartstopper Season 2 trailer</a>.'
            "</p>",
            [TEASER],
        ),
        (
            '<iframe data-src="https://www.youtube-nocookie.com/embed/QP4va9IrcZo" '
            'title="Heartstopper Season 2 | Official Trailer | Netflix"></iframe>',
            [TEASER],
        ),
        (
            '<iframe src="https://www.youtube.com/embed/QP4va9IrcZo" '
            'title="Heartstopper Season 2 | Bloopers | Netflix"></iframe>',
            [],
        ),
        (
            '<p>Watch the <a href="https://youtu.be/QP4va9IrcZo">Heartstopper season 1 trailer</a>.'
            "</p>",
            [],
        ),
        (
            "<p>Watch the cast reveal the date:</p>"
            '<iframe src="https://www.youtube.com/embed/QP4va9IrcZo"></iframe>',
            [],
        ),
        ("<p>There is no Heartstopper Season 2 trailer yet.</p>", []),
        ("<p>Netflix unveiled a teaser poster for Heartstopper Season 2.</p>", []),
        ("<p>Netflix released the teaser art and key art for Heartstopper Season 2.</p>", []),
        (
            '<figure><iframe src="https://www.youtube.com/embed/QP4va9IrcZo"></iframe><figcaption>'
            "Watch the official trailer for Heartstopper season 2 above.</figcaption></figure>",
            [TEASER],
        ),
        (
            "<p>Netflix has released the Heartstopper Season 2 teaser. "
            '<a href="https://youtu.be/QP4va9IrcZo">Watch it here</a>.</p>',
            [TEASER],
        ),
        (
            '<p>Revisit <a href="https://youtu.be/QP4va9IrcZo">the first season trailer</a>.</p>',
            [],
        ),
        ("<p>The Heartstopper Season 2 trailer is coming next week.</p>", []),
        (
            "<p>Netflix has released the official Heartstopper Season 2 trailer.</p>",
            ["https://news.example/a"],
        ),
        (
            "<p>Heartstopper season two is coming August 3 and the teaser is here.</p>"
            '<iframe src="https://www.youtube.com/embed/QP4va9IrcZo"></iframe>',
            [TEASER],
        ),
        ("<p>Heartstopper Season 2 is coming. The season 1 trailer was released in 2022.</p>", []),
        (
            "<p>Netflix hasn't released a Heartstopper Season 2 trailer yet, but here is the "
            'first season\'s.</p><iframe src="https://www.youtube.com/embed/QP4va9IrcZo" '
            'title="Heartstopper | Official Trailer | Netflix"></iframe>',
            [],
        ),
    ],
)
def test_trailers(body: str, trailers: list[str]) -> None:
    assert [f[1] for f in findings(body) if f[0] == "trailer"] == trailers


def test_a_trailer_in_a_roundup_section_about_the_watch_is_the_watchs() -> None:
    body = (
        "<h2>One Piece</h2><p>The live-action series arrives August 31.</p>"
        "<h2>Heartstopper Season 2</h2><p>Here is the new trailer.</p>"
        '<iframe src="https://www.youtube.com/embed/QP4va9IrcZo"></iframe>'
    )
    trailers = [f[1] for f in findings(body, title="Everything from Tudum") if f[0] == "trailer"]
    assert trailers == [TEASER]


def test_trailers_are_counted_once_per_video() -> None:
    body = (
        "<p>Netflix released the Heartstopper Season 2 teaser: "
        '<a href="https://youtu.be/QP4va9IrcZo">watch the teaser</a>.</p>'
        '<iframe src="https://www.youtube.com/embed/QP4va9IrcZo" '
        'title="Heartstopper Season 2 | Official Teaser"></iframe>'
    )
    assert [f[1] for f in findings(body) if f[0] == "trailer"] == [TEASER]


def test_a_title_that_is_a_weekday_is_not_mentioned_by_a_date() -> None:
    watch = Watch("Wednesday", 2, ())
    body = "<p>Netflix's new thriller premieres Wednesday, Aug. 6.</p>"
    assert findings(body, watch, title="New on Netflix") == []


def test_a_weekday_title_is_still_the_title_outside_dates() -> None:
    watch = Watch("Wednesday", 2, ())
    body = "<p>Wednesday season 2 premieres on Wednesday, Aug. 6.</p>"
    assert findings(body, watch) == [("release_date", "2023-08-06", "day")]


def test_a_script_rendered_page_is_read_from_its_json_ld_article_body() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2023-04-20", "headline": "News", "articleBody": '
        '"Netflix confirmed Heartstopper Season 2 premieres Aug. 3."}</script></head>'
        '<body><div id="root"></div></body></html>'
    )
    doc = parse_documents(html, "u")[0]
    assert [(f.date, f.precision) for f in extract(doc, HS2)] == [("2023-08-03", "day")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<p>Dune: Part Three will open in theaters on December 18, 2026.</p>",
            [("release_date", "2026-12-18", "day")],
        ),
        (
            "<p>Warner Bros. moved Dune: Part Three from November 3, 2026 to March 15, 2027.</p>",
            [("release_date", "2027-03-15", "day")],
        ),
        (
            '<p>Rewatch <a href="https://www.youtube.com/watch?v=n9xhJrPXop4">the trailer for the '
            "first film</a>.</p>",
            [],
        ),
        (
            '<p>Watch the <a href="https://www.youtube.com/watch?v=Way9Dexny3w">final trailer for '
            "Dune: Part Three</a>.</p>",
            [("trailer", "https://www.youtube.com/watch?v=Way9Dexny3w", None)],
        ),
    ],
)
def test_films(body: str, expected: list[tuple]) -> None:
    assert findings(body, FILM) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>HEARTSTOPPER returns</p>", True),
        ("<p>H&eacute;artstopper returns</p>", True),
        ("<p>&#72;eartstopper returns</p>", True),
        ("<p>Heartst\u00f6pper returns</p>", True),
        ("<p>Heartst&ouml;pper returns</p>", True),
        ("<p>&#x48;&#X45;artstopper returns</p>", True),
        ("<p>Heart&shy;stopper returns</p>", True),  # a soft hyphen the page reader drops
        ("<p>Heart\u00adstop\u200bper returns</p>", True),
        ("<p>It&rsquo;s &ldquo;Bridgerton&rdquo; &mdash; &#8217;&amp;&nbsp;&copy;</p>", False),
        ("<p>Heart<b>stopper</b> returns</p>", True),  # the page reader joins them
        ('<p><span class="drop">H</span>eartstopper returns</p>', True),
        ("<p>Heart<!-- -->stopper returns</p>", True),
        ("<p>Bridgerton returns</p>", False),
    ],
)
def test_may_mention_is_case_entity_and_accent_insensitive(text: str, expected: bool) -> None:
    assert may_mention(text, [HS2]) is expected


def test_may_mention_reads_letters_that_match_ascii_case_insensitively() -> None:
    bridgerton = Watch("Bridgerton", 4)
    assert may_mention("<h1>Br&#305;dgerton season 4</h1>", [bridgerton])
    assert may_mention("<h1>Br\u0131dgerton season 4</h1>", [bridgerton])
    assert not may_mention("<h1>Br\u0131dge season 4</h1>", [bridgerton])


def test_may_mention_is_false_without_watches() -> None:
    assert may_mention("Heartstopper", []) is False


@pytest.mark.parametrize(
    "body",
    [
        "<p>Heartstopper Season 2 news.</p><p>Netflix renewed the show for a third season "
        "back in May 2023.</p>",
        "<p>Heartstopper Season 2 news.</p><p>The streamer greenlit it for more episodes in "
        "June 2023.</p>",
        "<p>Heartstopper Season 2 news.</p><p>\"We're hoping to have it out in 2024, but "
        "don't hold me to that,\" the creator said.</p>",
        '<p>Heartstopper Season 2 news.</p><p>"It arrives in 2024, fingers crossed," she said.</p>',
        '<p>Heartstopper Season 2 news.</p><p>"We are aiming for the spring, so it lands in '
        'March 2024," he said.</p>',
        "<p>Heartstopper Season 2 news.</p><p>Reports of a June debut were wide of the mark.</p>",
    ],
)
def test_renewals_and_quoted_hedges_are_not_announcements(body: str) -> None:
    assert findings(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "<p>Heartstopper Season 2 news.</p><p>Netflix also confirmed that Sex Education: "
        "The Final Term premieres Dec. 3.</p>",
        "<p>Heartstopper Season 2 is coming in 2024.</p><p>Elsewhere on the slate, Young "
        "Royals Part II remains dated for Oct. 2, 2024.</p>",
        "<p>Heartstopper Season 2 is coming in 2024.</p><p>The slate is busy: The Crown "
        "opened March 1 and was a hit, and it reached Netflix on May 21.</p>",
        "<p>Heartstopper Season 2 is coming in 2024.</p><p>Heartstopper returns in 2024, "
        "while Sex Education arrives June 4.</p>",
    ],
)
def test_a_date_whose_subject_is_another_named_work_is_not_the_watchs(body: str) -> None:
    assert findings(body) in ([], [("release_date", "2024", "year")])


def test_the_watch_named_by_its_subtitle_alone_is_still_the_watch() -> None:
    film = Watch("Dune: Part Three", None, ("Dune: The Final Messiah",))
    body = (
        "<p>Dune: The Final Messiah news.</p><p>The Final Messiah is due in cinemas on 3 May.</p>"
    )
    assert findings(body, film) == [("release_date", "2023-05-03", "day")]


NEW_SHOW = Watch("Ripley", 1, ())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a new show's articles never say "season 1"
        (
            "<p>Ripley will premiere April 4 on Netflix.</p>",
            [("release_date", "2023-04-04", "day")],
        ),
        (
            "<p>Ripley news.</p><p>The series, which premiered Feb. 27 on Netflix, won.</p>",
            [("release_date", "2023-02-27", "day")],
        ),
        # past tense: the year that puts the date before the article
        (
            "<p>Ripley news.</p><p>The drama, which debuted Nov. 2 on Netflix, won.</p>",
            [("release_date", "2022-11-02", "day")],
        ),
        # the show returning is a later season; a numbered namesake is another work
        ("<p>Ripley returns April 4 on Netflix.</p>", []),
        ("<p>Ripley 2 arrives April 4 on Netflix.</p>", []),
        ("<p>Ripley news.</p><p>The Talented Mr. Ripley opened Dec. 25, 1999.</p>", []),
    ],
)
def test_a_first_season_is_the_title_named_with_no_other_season(
    body: str, expected: list[tuple]
) -> None:
    assert findings(body, NEW_SHOW) == expected


def test_a_past_tense_date_before_its_own_noun_is_that_events() -> None:
    body = (
        "<p>HBO has released a featurette for Heartstopper season 2 ahead of its June 16 "
        "premiere.</p>"
    )
    assert findings(body, published="2023-05-20") == [("release_date", "2023-06-16", "day")]


def test_initials_and_abbreviations_inside_names_do_not_end_a_sentence() -> None:
    assert sentences("From D.B. Weiss and Warner Bros. Discovery. It airs.") == [
        "From D.B. Weiss and Warner Bros. Discovery.",
        "It airs.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It lands on Netflix on 12/15.", [("2023-12-15", "day")]),
        ("It lands on Netflix on 12/15/2023.", [("2023-12-15", "day")]),
        ("It lands on Netflix on 15/12/2023.", [("2023-12-15", "day")]),
        ("It streams 24/7.", []),
        # Thursday 20 April 2023: the next such weekday, on or after the article
        ("It drops all eight episodes on Tuesday at 9 p.m.", [("2023-04-25", "day")]),
        ("It premieres Thursday on Netflix.", [("2023-04-20", "day")]),
        ("The streamer said Tuesday that the show is coming.", []),
        ("Netflix on Saturday dropped the teaser.", []),
        ("It now arrives on a Wednesday night.", []),
        ("It was unveiled during Tuesday's showcase.", []),
    ],
)
def test_numeric_and_weekday_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.value, m.precision) for m in find_dates(text, PUBLISHED)] == expected


@pytest.mark.parametrize(
    ("body", "trailers"),
    [
        # the link in the sentence reporting the trailer is that trailer
        (
            "<p>Heartstopper Season 2 arrives August 3.</p><p>Netflix made the announcement "
            "alongside the season's trailer, which you can "
            '<a href="https://youtu.be/QP4va9IrcZo">watch on YouTube here</a>. Season 1 '
            "premiered in 2022.</p>",
            [TEASER],
        ),
        (
            "<p>Heartstopper Season 2 arrives August 3.</p><p>The streamer also debuted a "
            'teaser, which you can <a href="https://youtu.be/QP4va9IrcZo">watch here</a>.</p>',
            [TEASER],
        ),
        # a link offered as a refresher is an old video
        (
            "<p>Heartstopper Season 2 arrives August 3.</p><p>If you need a refresher, "
            '<a href="https://youtu.be/QP4va9IrcZo">rewatch the trailer</a>.</p>',
            [],
        ),
    ],
)
def test_a_trailer_link_in_the_sentence_reporting_it(body: str, trailers: list[str]) -> None:
    found = findings(body)
    assert [url for kind, url, _ in found if kind == "trailer"] == trailers


SCHEDULE = (
    "<table><tr><th>Date</th><th>Title</th><th>What</th></tr>"
    "<tr><td>Wednesday, June 7</td><td>Heartstopper</td><td>Season 2, Part 1</td></tr>"
    "<tr><td>2023-06-14</td><td>Black Mirror</td><td>Series premiere</td></tr>"
    "<tr><td>2023-07-05</td><td>Heartstopper</td><td>Season 2, Part 2</td></tr>"
    "</table>"
)


def test_a_listings_row_is_about_its_own_title() -> None:
    assert findings(SCHEDULE) == [("release_date", "2023-06-07", "day")]


def test_a_listings_row_of_another_title_is_not_the_watchs() -> None:
    assert (
        findings(
            SCHEDULE.replace(
                "<td>Heartstopper</td><td>Season 2, Part 1", "<td>Wednesday</td><td>Season 1"
            )
        )
        == []
    )


def test_a_part_named_without_the_title_is_the_seasons_the_passage_is_about() -> None:
    body = (
        "<p>Netflix released the trailer for Part 2 of Heartstopper season 2, which arrives "
        "Sept. 12.</p><p>Part 1 premiered Aug. 15 and ended on a cliffhanger, with Nick "
        "(Kit Connor) learning that Charlie isn't moving after all.</p>"
    )
    assert findings(body, published="2023-08-29")[0] == ("release_date", "2023-08-15", "day")


def test_an_alias_naming_its_season_wins_over_the_shorter_title() -> None:
    watch = Watch("Lupin", 3, ("Lupin Part 3",))
    body = (
        "<p>Lupin Part 3 is out now on Netflix \u2014 all episodes dropped on Thursday, Oct. 5.</p>"
    )
    assert findings(body, watch, published="2023-10-06") == [("release_date", "2023-10-05", "day")]


def test_that_date_points_back_to_a_date_heading() -> None:
    body = (
        "<h2>Thursday, August 3, 2023</h2><p>That's the date Netflix revealed on Monday for "
        "all eight episodes of the new season.</p>"
    )
    assert findings(body, title="Heartstopper season 2 finally has a release date") == [
        ("release_date", "2023-08-03", "day")
    ]


def test_a_date_heading_alone_says_nothing_about_the_release() -> None:
    body = "<h2>Thursday, August 3, 2023</h2><p>Fans have waited a long time.</p>"
    assert findings(body, title="Heartstopper season 2 finally has a release date") == []


@pytest.mark.parametrize(
    "label",
    [
        "Oseman Racing | Heartstopper Season 2 Trailer",
        "Oseman Quest: Summer Update \u2014 Official Trailer",
    ],
)
def test_a_video_title_leading_with_another_product_is_not_the_watchs(label: str) -> None:
    body = (
        "<p>Heartstopper season 2 arrives on 3 August.</p>"
        f'<p><a href="https://www.youtube.com/watch?v=abcdefghijk">{label}</a></p>'
    )
    assert findings(body, title="Heartstopper season 2: everything we know") == [
        ("release_date", "2023-08-03", "day")
    ]


def test_a_video_title_leading_with_the_watch_is_the_watchs() -> None:
    body = (
        "<p>Heartstopper season 2 arrives on 3 August.</p>"
        '<p><a href="https://www.youtube.com/watch?v=abcdefghijk">Heartstopper: Season 2 | '
        "Official Trailer | Netflix</a></p>"
    )
    assert ("trailer", "https://www.youtube.com/watch?v=abcdefghijk", None) in findings(
        body, title="Heartstopper season 2: everything we know"
    )


def test_a_time_zone_after_a_time_ends_the_sentence() -> None:
    assert sentences("The teaser debuts Sept. 4 at 9 a.m. PT. The film opens April 4.") == [
        "The teaser debuts Sept. 4 at 9 a.m. PT.",
        "The film opens April 4.",
    ]


def test_a_released_teaser_is_reported_even_when_a_full_trailer_is_still_expected() -> None:
    body = (
        "<p>Netflix released a teaser for Heartstopper season 2 in March, and a full trailer "
        "is expected in June.</p>"
    )
    assert findings(body) == [("trailer", "https://news.example/a", None)]


def test_a_first_seasons_title_may_hold_words_that_say_later_season() -> None:
    watch = Watch("Heartstopper: Born Again", 1, ())
    body = "<p>Heartstopper: Born Again premieres Tuesday, March 4, at 6 p.m. PT.</p>"
    # (the headline about a trailer also reports one, the page: only the date is tested here)
    found = findings(body, watch, title="Heartstopper: Born Again trailer")
    assert [f for f in found if f[0] == "release_date"] == [("release_date", "2023-03-04", "day")]


@pytest.mark.parametrize(
    "body",
    [
        "<p>Principal photography on Heartstopper season 2 kicks off in June 2023.</p>",
        "<p>Production on the long-awaited second season gets under way next month.</p>",
        "<p>Shooting for Heartstopper season 2 starts in September.</p>",
        "<p>The table read for Heartstopper season 2 is set for May 3.</p>",
        "<p>Filming on the much-delayed Heartstopper season 2 begins next month.</p>",
    ],
)
def test_a_clause_about_making_the_show_is_not_its_release(body: str) -> None:
    assert findings(body, title="Heartstopper Season 2 news") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<p>Filming wrapped in May and Heartstopper season 2 premieres on 3 August.</p>",
            ("2023-08-03", "day"),
        ),
        (
            "<p>Production company Wild Pictures said Heartstopper season 2 arrives in June.</p>",
            ("2023-06", "month"),
        ),
    ],
)
def test_production_words_that_are_not_the_subject(body: str, expected: tuple) -> None:
    assert findings(body) == [("release_date", *expected)]


@pytest.mark.parametrize(
    "body",
    [
        "<p>Netflix tends to take a year, so an August 2023 debut for Heartstopper season 2 "
        "would make sense.</p>",
        "<p>Heartstopper season 2 in August 2023 - that's just our guess, not Netflix's.</p>",
        "<p>Our money is on Heartstopper season 2 arriving in August 2023.</p>",
        "<p>If we had to guess, Heartstopper season 2 lands in August 2023.</p>",
        "<p>Heartstopper season 2 premieres in August 2023 \u2014 or so we'd bet.</p>",
    ],
)
def test_a_hedge_after_the_date_is_speculation(body: str) -> None:
    assert findings(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "<p>Dune: Part Three is coming.</p><p>It follows the animated series Arrakis Nights, "
        "which premiered Dec. 5 on Max.</p>",
        "<p>Dune: Part Three is coming.</p><p>Villeneuve previously directed Sicario, which "
        "opened in September 2015.</p>",
        "<p>Dune: Part Three is coming.</p><p>Zendaya also starred in Challengers, which hit "
        "theaters April 26, 2024.</p>",
        "<p>Dune: Part Three is coming.</p><p>Arrakis: Sisterhood of the Sands is set for "
        "June 26, 2026.</p>",
    ],
)
def test_another_works_relative_clause_or_a_previous_credit_is_not_the_watchs(body: str) -> None:
    assert findings(body, FILM) == []


def test_a_relative_clause_after_a_persons_name_still_belongs_to_the_watch() -> None:
    body = (
        "<p>Netflix released the trailer for Heartstopper season 2, the drama from writer "
        "Alice Oseman, which is set to debut Aug. 3.</p>"
    )
    assert ("release_date", "2023-08-03", "day") in findings(body)


@pytest.mark.parametrize(
    "body",
    [
        "<p>Dune: Part Three flies into theaters December 18, 2026.</p>",
        "<p>Dune: Part Three swoops into cinemas on 18 December 2026.</p>",
        "<p>Dune: Part Three soars onto Max on December 18, 2026.</p>",
        "<p>Dune: Part Three heads to Netflix on December 18, 2026.</p>",
    ],
)
def test_a_verb_of_motion_into_theaters_or_onto_a_streamer_is_a_release(body: str) -> None:
    assert findings(body, FILM) == [("release_date", "2026-12-18", "day")]


@pytest.mark.parametrize(
    ("body", "trailers"),
    [
        (
            "<p>Netflix dropped the teaser for Heartstopper season 2 on Monday. It arrives "
            "Aug. 3.</p><p>Watch it here: <a href='https://youtu.be/QP4va9IrcZo?si=abc'>"
            "https://youtu.be/QP4va9IrcZo</a></p>",
            [TEASER],
        ),
        (
            "<p>Netflix released the official trailer for Heartstopper season 2.</p>"
            "<p>See it below: <a href='https://youtu.be/QP4va9IrcZo'>YouTube</a></p>",
            [TEASER],
        ),
        (
            "<p>The Heartstopper season 2 trailer is coming next week.</p>"
            "<p>Watch it here: <a href='https://youtu.be/QP4va9IrcZo'>YouTube</a></p>",
            [],
        ),
        (
            "<p>Netflix released the Heartstopper season 1 trailer in 2022.</p>"
            "<p>Watch it here: <a href='https://youtu.be/QP4va9IrcZo'>YouTube</a></p>",
            [],
        ),
    ],
)
def test_a_watch_it_here_paragraph_links_the_trailer_reported_just_before(
    body: str, trailers: list[str]
) -> None:
    found = findings(body, title="Heartstopper Season 2 news")
    assert [url for kind, url, _ in found if kind == "trailer"] == trailers


PLAYER = (
    '<iframe src="https://www.youtube-nocookie.com/embed/QP4va9IrcZo" '
    'title="Heartstopper: Season 2 | Official Trailer | Netflix"></iframe>'
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the only season the document names is the watched one: its return is that season's
        (
            "<p>Heartstopper returns to Netflix from Thursday 3 August.</p>" + PLAYER,
            [("release_date", "2023-08-03", "day"), ("trailer", TEASER, None)],
        ),
        # another season named too: the return could be either
        (
            "<p>Heartstopper returns to Netflix from Thursday 3 August.</p>"
            "<p>Season 1 premiered in April 2022.</p>" + PLAYER,
            [("trailer", TEASER, None)],
        ),
        # no season named anywhere: a coming return is the next season, the one watched
        # (a network's schedule names none: "returns on October 4", watching season 7)
        (
            "<p>Heartstopper returns to Netflix from Thursday 3 August.</p>",
            [("release_date", "2023-08-03", "day")],
        ),
    ],
)
def test_a_return_is_the_one_season_the_document_names(body: str, expected: list) -> None:
    assert findings(body, title="Heartstopper returns to Netflix") == expected


LANTERN = Watch("Harbor Lights", 4, ())
FALL_NIGHTS = (
    "<p>The network set its fall nights on Tuesday. Quarry Road opens the week on "
    "Monday, Sept. 22, and Glass Atlas follows on Wednesday, Sept. 24.</p><p>{}</p>"
    "<p>Pinecone Diner moves to Thursdays.</p>"
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a schedule naming no season of the title: its coming start is the watched season's
        ("Harbor Lights returns on Friday, Oct. 3.", [("release_date", "2025-10-03", "day")]),
        (
            "Harbor Lights is the odd one out, premiering at 9 p.m. on Friday, October 3.",
            [("release_date", "2025-10-03", "day")],
        ),
        (
            '"Harbor Lights" will have a two-hour premiere on Friday, Oct. 3.',
            [("release_date", "2025-10-03", "day")],
        ),
        # a return inside the running season: its second half, not the watched season
        ("Harbor Lights returns from its winter break on Friday, Oct. 3.", []),
        ("Harbor Lights comes back for the back half on Friday, Oct. 3.", []),
        ("Harbor Lights returns from hiatus on Friday, Oct. 3.", []),
        # a past return: any season's
        ("Harbor Lights returned on Friday, Aug. 1.", []),
    ],
)
def test_a_schedules_unnamed_return_is_the_watched_season(sentence: str, expected: list) -> None:
    body = FALL_NIGHTS.format(sentence)
    assert findings(body, LANTERN, published="2025-08-20") == expected


@pytest.mark.parametrize(
    "other",
    [
        "<p>Harbor Lights season 3 drew its best numbers yet.</p>",
        "<p>The third season of Harbor Lights ended in May.</p>",
    ],
)
def test_an_unnamed_return_is_no_ones_when_the_page_names_another_season(other: str) -> None:
    body = FALL_NIGHTS.format("Harbor Lights returns on Friday, Oct. 3.") + other
    assert findings(body, LANTERN, published="2025-08-20") == []


def test_an_unnamed_return_on_the_pages_own_day_is_the_running_season_airing() -> None:
    body = FALL_NIGHTS.format("Harbor Lights returns tonight at 9 p.m.")
    assert findings(body, LANTERN, published="2025-08-20") == []


@pytest.mark.parametrize(
    "title",
    ["Star Wars: Andor", "Star Wars:  Andor", "Star Wars : Andor", "Star Wars &#8211; Andor"],
)
def test_a_season_number_after_a_colon_title_is_the_titles(title: str) -> None:
    watch = Watch("Star Wars: Andor", 3, ())
    body = f"<p>Disney has confirmed {title} season 3 will be released on Thursday 11 July.</p>"
    assert findings(body, watch, published="2024-06-20") == [("release_date", "2024-07-11", "day")]


def test_a_subtitled_shows_season_numbered_on_its_main_title_is_the_watchs() -> None:
    """Writers drop a long subtitle and number the season on the main title: "Moonfall
    Academy 2nd Season" is season 2 of "Moonfall Academy: Tides of the Hollow"; another
    name, or a piece of the main title, is still another show."""
    from scraper.extract.reading import classify

    watch = Watch("Moonfall Academy: Tides of the Hollow", 2)
    assert classify("Moonfall Academy 2nd Season opens in October.", watch) == "season"
    assert classify("Watch the Moonfall Academy Season 2 PV here.", watch) == "season"
    assert classify("Moonfall Harbor Season 2 opens in October.", watch) == "other season"
    assert classify("Academy Season 2 opens in October.", watch) == "other season"
    dashed = Watch("Moonfall Academy - Tides of the Hollow", 2)
    assert classify("Moonfall Academy Season 2 opens in October.", dashed) == "season"


def test_a_trailer_titled_with_the_main_title_and_season_is_the_watchs() -> None:
    watch = Watch("Moonfall Academy: Tides of the Hollow", 2)
    body = (
        "<p>The second season of Moonfall Academy: Tides of the Hollow premieres on "
        "October 7.</p>"
        '<iframe src="https://www.youtube.com/embed/mfA2seasnPV" '
        'title="Moonfall Academy 2nd Season Official Trailer"></iframe>'
    )
    headline = "Moonfall Academy: Tides of the Hollow Season 2"
    assert ("trailer", "https://www.youtube.com/watch?v=mfA2seasnPV") in [
        f[:2] for f in findings(body, watch, published="2025-09-01", title=headline)
    ]


@pytest.mark.parametrize("half", ["Season 3B", "season 3a", "SEASON 3B"])
def test_a_lettered_half_of_a_season_is_that_season(half: str) -> None:
    """A season aired in halves is lettered: "Season 3B" is season 3 (its second half)."""
    from scraper.extract.reading import classify

    watch = Watch("Harbor Lights", 3)
    assert classify(f"Harbor Lights {half} Official Trailer", watch) == "watch"
    assert classify("Harbor Lights Season 3C Official Trailer", watch) == "title"


@pytest.mark.parametrize(
    "aside", ["(the breakout star of Glass Road)", "(who played the twins in Glass Road)"]
)
def test_a_description_after_a_persons_name_is_no_other_works_tag(aside: str) -> None:
    """A work's tag follows its name ("Glass Road (2021)"); a description in parentheses
    after a cast member's name is about a person, and the date stays the watch's."""
    watch = Watch("Harbor Lights", 1)
    body = (
        "<p>The first trailer for Harbor Lights is here.</p>"
        f"<p>Mara Quill {aside}, Teo Brand and Ana Lind lead the new series, due on "
        "screens in September.</p>"
    )
    assert ("release_date", "2025-09", "month") in findings(
        body, watch, published="2025-05-02", title="Harbor Lights trailer"
    )
    tagged = body.replace(aside, "").replace("Mara Quill", "Glass Road (2021)")
    assert ("release_date", "2025-09", "month") not in findings(
        tagged, watch, published="2025-05-02", title="Harbor Lights trailer"
    )


def test_a_verb_before_the_watched_season_names_its_own_clause_not_the_dates() -> None:
    """The characters lead the sentence ("The Wardens are back"), but the date is in the
    clause whose subject is the watched season: "when Season 2 returns in 2026"."""
    watch = Watch("Harbor Lights", 2)
    body = (
        "<p>Netflix shared a first look at Harbor Lights season 2.</p>"
        "<p>The Wardens are back on the water and as restless as ever when Season 2 "
        "returns to Netflix in 2026.</p>"
    )
    found = findings(body, watch, published="2025-09-20", title="Harbor Lights season 2")
    assert found[:1] == [("release_date", "2026", "year")]


@pytest.mark.parametrize("verb", ["will be released", "is released", "is set to be released"])
def test_a_passive_release_ahead_of_the_article_is_not_past(verb: str) -> None:
    body = f"<p>Heartstopper Season 2 {verb} on 3 August.</p>"
    assert findings(body, published="2023-06-20") == [("release_date", "2023-08-03", "day")]


@pytest.mark.parametrize(
    "body",
    [
        "<p>Dune: Part Three is coming.</p><p>Wonka, released Dec. 15, crossed $200 million "
        "domestically, while Aquaman slid to third.</p>",
        "<p>Dune: Part Three is coming.</p><p>Blade Runner 2049, the most recent Villeneuve "
        "film, opened Oct. 6, 2017, and a sequel is dated for May 5, 2028.</p>",
        "<p>Dune: Part Three is coming.</p><p>Arrival, the director's breakout hit, premiered "
        "Nov. 11, 2016; a follow-up is set for June 2, 2028.</p>",
    ],
)
def test_a_sentence_led_by_another_work_and_its_appositive_is_that_works(body: str) -> None:
    assert findings(body, FILM) == []


@pytest.mark.parametrize(
    "body",
    [
        "<p>Heartstopper Season 2 news.</p><p>Alice Oseman, the show's creator, confirmed the "
        "new season arrives Aug. 3.</p>",
        "<p>Heartstopper Season 2 news.</p><p>Kit Connor, who plays Nick, said the new season "
        "arrives Aug. 3.</p>",
    ],
)
def test_a_person_with_an_appositive_leading_the_sentence_is_not_another_work(body: str) -> None:
    assert findings(body) == [("release_date", "2023-08-03", "day")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Warner's Dune: Part Three, which opened Friday, Dec. 18, led the weekend box office "
        "with an estimated $90 million.",
        "Warner's Dune: Part Three, which opened in theaters on Dec. 18, 2026, led the box office.",
        "Dune: Part Three, which was released on Dec. 18, led the box office.",
        "Dune: Part Three opened Dec. 18 and led the weekend box office.",
    ],
)
def test_a_box_office_report_of_the_watchs_opening_is_a_settled_release(sentence: str) -> None:
    body = f"<p>Box office report.</p><p>{sentence}</p>"
    assert findings(body, FILM, published="2026-12-21") == [("release_date", "2026-12-18", "day")]


OTHER_TRAILER = "https://www.youtube.com/watch?v=Zq9wXy3kLm0"


@pytest.mark.parametrize(
    ("item", "trailers"),
    [
        (f"\u201cYoung Royals\u201d debuts May 16 \u2014 watch the trailer "
         f'<a href="{OTHER_TRAILER}">here</a>', []),
        (f'Sex Education returns May 16 \u2014 watch the trailer <a href="{OTHER_TRAILER}">here'
         "</a>", []),
        (f"\u201cHeartstopper\u201d season 2 debuts Aug. 3 \u2014 watch the trailer "
         f'<a href="{OTHER_TRAILER}">here</a>', [OTHER_TRAILER]),
    ],
)  # fmt: skip
def test_a_trailer_link_belongs_to_the_title_named_in_its_own_list_item(
    item: str, trailers: list[str]
) -> None:
    body = (
        "<p>Netflix confirmed Heartstopper season 2 premieres Aug. 3.</p>"
        f"<h3>Also from Netflix</h3><ul><li>{item}</li></ul>"
    )
    found = [value for kind, value, _ in findings(body) if kind == "trailer"]
    assert found == trailers


def test_a_source_works_year_rejects_only_the_date_attached_to_it() -> None:
    body = (
        "<p>Netflix has set Friday, Aug. 4 as the premiere date for Heartstopper season 2, "
        "the adaptation of Alice Oseman\u2019s 2019 graphic novel, starring Kit Connor.</p>"
    )
    assert findings(body) == [("release_date", "2023-08-04", "day")]


@pytest.mark.parametrize(
    "body",
    [
        "<p>Heartstopper season 2, which was originally made for Channel 4 and slated for 2022 "
        "before moving to Netflix, stars Kit Connor.</p>",
        "<p>Heartstopper season 2 had initially been planned for June 2023 before the strike.</p>",
        "<p>Heartstopper season 2 was once set for 2022 before moving to Netflix.</p>",
    ],
)
def test_an_originally_planned_date_is_superseded(body: str) -> None:
    assert findings(body) == []


def test_a_premiere_before_moving_to_another_service_is_still_the_premiere() -> None:
    body = "<p>Heartstopper season 2 premieres on BBC One on Aug. 3 before moving to iPlayer.</p>"
    assert findings(body) == [("release_date", "2023-08-03", "day")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<p>Netflix confirmed during its Tudum festival panel on June 10 that Heartstopper "
            "season 2 will premiere in August 2023.</p>",
            [("release_date", "2023-08", "month")],
        ),
        ("<p>Heartstopper season 2 screens at a festival panel on June 10.</p>", []),
        ("<p>The Heartstopper season 2 finale airs June 10.</p>", []),
    ],
)
def test_an_event_rejects_only_its_own_date(body: str, expected: list) -> None:
    assert findings(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>Dune: Part Three is coming.</p><p>It follows Villeneuve\u2019s Arrival, which opens "
        "in theaters Nov. 11, 2026, and the animated Arrakis Nights, which premieres Dec. 5, "
        "2026 on Max.</p>",
        "<p>Dune: Part Three has no release date yet.</p><p>The film follows Legendary's "
        "Godzilla Rising, which arrives July 10, 2026.</p>",
    ],
)
def test_a_relative_clause_after_another_named_work_is_that_works(body: str) -> None:
    assert findings(body, FILM) == []


def test_once_as_a_conjunction_is_no_superseded_plan() -> None:
    body = "<p>Once the strike ended, Heartstopper season 2 was dated for Aug. 3.</p>"
    assert findings(body) == [("release_date", "2023-08-03", "day")]


BEAR3 = Watch("The Bear", 3, ())
SQUID2 = Watch("Squid Game", 2, ())


@pytest.mark.parametrize(
    ("body", "watch", "expected"),
    [
        # past-tense reporting of a standing plan: the release
        ("<p>Heartstopper season 2 was set for Aug. 3.</p>", HS2, [("2023-08-03", "day")]),
        (
            "<p>The Bear season 3 was slated for June 5, FX said on Monday.</p>",
            BEAR3,
            [("2023-06-05", "day")],
        ),
        (
            "<p>Squid Game season 2 was scheduled for Dec. 26.</p><p>Lee Jung-jae returns as "
            "Gi-hun.</p>",
            SQUID2,
            [("2023-12-26", "day")],
        ),
        (
            "<p>The Bear season 3 was set for June 5.</p><p>The Bear season 3 arrives in June.</p>",
            BEAR3,
            [("2023-06-05", "day")],
        ),
        # a move reported in the same sentence: the new date
        (
            "<p>The Bear season 3 was originally set for June 5 before moving to July 10.</p>",
            BEAR3,
            [("2023-07-10", "day")],
        ),
        (
            "<p>Squid Game season 2 was set for Aug. 3 but has been pushed to Aug. 10.</p>",
            SQUID2,
            [("2023-08-10", "day")],
        ),
        # ... or in the next one
        (
            "<p>The Bear season 3 was set for Aug. 3.</p><p>It has now been delayed to Aug. 10."
            "</p>",
            BEAR3,
            [("2023-08-10", "day")],
        ),
        (
            "<p>Squid Game season 2 was scheduled for June 5.</p><p>Netflix has bumped it.</p>",
            SQUID2,
            [],
        ),
        # ... or another date for the watch anywhere in the text
        (
            "<p>The Bear season 3 was set for June 5.</p><p>Hulu confirmed The Bear season 3 "
            "premieres June 27.</p>",
            BEAR3,
            [("2023-06-27", "day")],
        ),
    ],
)
def test_a_was_set_for_date_is_old_only_when_the_text_reports_a_change(
    body: str, watch: Watch, expected: list[tuple[str, str]]
) -> None:
    assert [(d, p) for _, d, p in findings(body, watch)] == expected


@pytest.mark.parametrize(
    ("body", "watch", "expected"),
    [
        (
            "<p>Once filming wrapped, Netflix confirmed Squid Game season 2 premieres June 5.</p>",
            SQUID2,
            [("2023-06-05", "day")],
        ),
        (
            "<p>After filming wrapped, FX confirmed The Bear season 3 premieres June 5.</p>",
            BEAR3,
            [("2023-06-05", "day")],
        ),
        (
            "<p>Now that filming has wrapped, The Bear season 3 arrives on June 27.</p>",
            BEAR3,
            [("2023-06-27", "day")],
        ),
        # the date inside the production clause stays production's
        ("<p>Filming on The Bear season 3 starts next month.</p>", BEAR3, []),
        ("<p>Once filming wraps in May, The Bear season 3 heads into editing.</p>", BEAR3, []),
        ("<p>Squid Game season 2 began filming on 12 September 2022.</p>", SQUID2, []),
    ],
)
def test_a_subordinate_production_clause_ends_at_its_comma(
    body: str, watch: Watch, expected: list[tuple[str, str]]
) -> None:
    assert [(d, p) for _, d, p in findings(body, watch)] == expected


def test_case_key_finds_a_word_exactly_where_an_ignorecase_pattern_does() -> None:
    """Every character re.IGNORECASE takes for an ASCII letter keys to that letter alone
    (the long s, the Kelvin sign, the dotted and dotless I too), and no other character
    keys to one: a word is in the key just where the pattern would find it."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    like_letters = set(re.findall("[a-z]", every, re.IGNORECASE))
    assert {"\u017f", "\u212a", "\u0130", "\u0131"} < like_letters
    for char in like_letters:
        key = case_key(char)
        matched = [x for x in string.ascii_lowercase if re.fullmatch(x, char, re.IGNORECASE)]
        assert matched == [key], (hex(ord(char)), key)
    rest = "".join(c for c in every if c not in like_letters)
    assert re.search("[a-z]", case_key(rest)) is None
    assert "season" in case_key("\u017fEASON 2") and "series" in case_key("SER\u0130ES")


@pytest.mark.parametrize(
    "text",
    [
        "Season 2 arrives",
        "SEASON two, then season 10 and series 3",
        "xseason 2, _season 3, 2season 4, re-season 5, (season 6",
        "season  2x, season 2, season\t7",
        "The second season and the 3rd series, the first and final outing",
        "S2 and S02E01 but not xS3",
        "Season 8B, season 1a, SEASON 2AB, series 4b and season fiveb",
        "\u017feason 2 and Season 2 beside caf\u00e9",  # not ASCII: the pattern on the text
    ],
)
def test_season_numbers_found_on_the_key_are_the_case_insensitive_patterns(text: str) -> None:
    """The lower-case season patterns run on an ASCII text's case_key find the spans
    and numbers the case-insensitive ones find in the text."""
    from scraper.extract import subject

    key = case_key(text)
    digits = re.search(r"\d", text) is not None
    expected = sorted(
        (m.span(), m.group(1).lower())
        for pattern in subject._SEASON_PATTERNS
        for m in pattern.finditer(text)
    )
    found = sorted(
        (m.span(), m.group(1).lower()) for m in subject._numbered_matches(text, key, digits)
    )
    assert found == expected


@pytest.mark.parametrize(
    ("title", "text", "mentions"),
    [
        ("Heartstopper", "HEARTSTOPPER season 2", 1),
        ("The Last of Us", "Last of Us season 2", 1),
        ("The Last of Us", "The Last of Us", 1),
        ("Pok\u00e9mon Concierge", "POK\u00c9MON CONCIERGE returns", 1),
        ("Heartstopper", "Heart stopper", 0),
        ("Savage Empire", "SAVAGE\u2014empire returns", 1),
    ],
)
def test_a_name_gate_never_hides_a_mention(title: str, text: str, mentions: int) -> None:
    """title_mentions skips a name whose gate words the sentence's key lacks one of: the
    gate is words every match holds."""
    from scraper.extract import subject

    pattern = subject.title_pattern(title)
    assert pattern is not None and len(pattern.findall(text)) == mentions
    assert len(subject.title_mentions(text, Watch(title, 2))) == mentions
    gate = subject.name_gate(title)
    assert all(word in case_key(m) for m in pattern.findall(text) for word in gate)
    if mentions:
        assert not subject.lacks(gate, case_key(text))


def test_a_name_gate_holds_every_word_of_the_name() -> None:
    """A sentence naming a show that shares one word with the watch ("Savage Kingdom"
    for "Savage Empire") skips the watch's pattern: the gate is every word, not the
    longest."""
    from scraper.extract import subject

    gate = subject.name_gate("Savage Empire")
    assert set(gate) == {"savage", "empire"}
    text = "Savage Kingdom returns for a third season."
    assert subject.lacks(gate, case_key(text))
    assert subject.title_mentions(text, Watch("Savage Empire", 2)) == []
    assert subject.name_gate("The Last of Us") == ("last", "of", "us")  # (the article optional)


def test_classify_answers_as_the_set_of_seasons_named() -> None:
    """seasons_named skips work that cannot change classify's answer: another show's
    numbers and "the new season" still count as some season, never as the watched one."""
    from scraper.extract.reading import classify

    watch = Watch("Heartstopper", 2)
    assert classify("Euphoria Season 2 and Heartstopper", watch) == "other"
    assert classify("Heartstopper Season 2 and Euphoria Season 3", watch) == "watch"
    assert classify("Euphoria Season 2 arrives.", watch) == "other season"
    assert classify("The new season arrives.", watch) is None
    assert classify("Unlike the previous season, it arrives.", watch) == "other season"
    assert classify("Heartstopper 2 arrives Aug. 3.", watch) == "watch"
    assert classify("Season 0 of it arrives.", Watch("Heartstopper", 0)) == "season"


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("It opens in theaters on Christmas Day.", date(2024, 2, 1), "2024-12-25"),
        ("A24 dated it for Christmas Day next year.", date(2024, 12, 10), "2025-12-25"),
        ("It returns on New Year's Day 2026.", date(2025, 11, 1), "2026-01-01"),
        ("It opens on the Fourth of July.", date(2025, 3, 1), "2025-07-04"),
        ("It opens on Thanksgiving 2025.", date(2025, 3, 1), "2025-11-27"),
        ("It opens Memorial Day.", date(2025, 3, 1), "2025-05-26"),
        ("The show premiered last night.", date(2024, 6, 27), "2024-06-26"),
    ],
)
def test_holidays_and_last_night_are_days(text: str, published: date, value: str) -> None:
    assert [(m.value, m.precision) for m in find_dates(text, published)] == [(value, "day")]


def test_a_holiday_near_a_date_is_a_landmark_not_the_date() -> None:
    found = find_dates("It opens November 27, just in time for Thanksgiving.", date(2024, 3, 1))
    assert [m.value for m in found] == ["2024-11-27"]
    assert find_dates("It opens over Memorial Day weekend.", date(2024, 3, 1)) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a move: the new date, not the old one
        (
            "<p>Netflix has postponed Heartstopper season 2 from August 3 to September 14.</p>",
            [("release_date", "2023-09-14", "day")],
        ),
        # a denial with no new date
        ("<p>Heartstopper season 2 will no longer premiere on August 3.</p>", []),
        # a labeled field in a fact box
        (
            "<p>Heartstopper season 2: everything we know</p><p>Release date: August 3, 2023</p>",
            [("release_date", "2023-08-03", "day")],
        ),
        # 'the third and final season' is season 3, not the watched one
        ("<p>Netflix confirmed the third and final season will arrive in 2025.</p>", []),
    ],
)
def test_moves_denials_fields_and_indirect_seasons(body: str, expected: list[tuple]) -> None:
    assert findings(body) == expected


def test_another_installment_of_a_film_series_is_another_work() -> None:
    film = Watch("Avatar: Fire and Ash", None, ("Avatar 3",))
    body = (
        "<p>Avatar 3 moves from December 20, 2024 to December 19, 2025. The fourth "
        "installment moves from December 18, 2026 to December 21, 2029.</p>"
    )
    assert findings(body, film) == [("release_date", "2025-12-19", "day")]


def test_a_watch_without_a_season_does_not_take_a_numbered_seasons_date() -> None:
    show = Watch("Heartstopper", None)
    assert findings("<p>Heartstopper season 3 premieres October 3.</p>", show) == []
    assert findings("<p>Heartstopper premieres October 3 on Netflix.</p>", show) == [
        ("release_date", "2023-10-03", "day")
    ]


def test_series_four_begins_is_a_release() -> None:
    body = "<p>Series two of Heartstopper begins on Thursday 3rd August.</p>"
    assert findings(body) == [("release_date", "2023-08-03", "day")]


def test_the_titles_new_season_is_the_watched_one() -> None:
    body = "<p>Heartstopper: the new season arrives August 3 on Netflix.</p>"
    assert findings(body) == [("release_date", "2023-08-03", "day")]


def test_event_words_inside_the_watchs_own_name_are_no_event() -> None:
    special = Watch("Heartstopper: The Finale", None)
    body = "<p>It's official: Heartstopper: The Finale will air on Christmas Day on Netflix.</p>"
    assert findings(body, special, published="2023-12-01") == [
        ("release_date", "2023-12-25", "day")
    ]


def test_a_teaser_visual_is_a_picture_not_a_trailer() -> None:
    assert findings("<p>A teaser visual for Heartstopper season 2 was unveiled.</p>") == []


WIKI_SEASON_PAGE = (
    "<html><head><title>Season 2 | Harbor Lights Wiki | Fandom</title></head><body>"
    "<h1>Season 2</h1>"
    '<aside class="portable-infobox"><h2 class="pi-header">Information</h2>'
    '<div class="pi-data"><h3 class="pi-data-label">Studio</h3>'
    '<div class="pi-data-value">Tidewater Animation</div></div>'
    '<div class="pi-data"><h3 class="pi-data-label">Original run</h3>'
    '<div class="pi-data-value">March 5, 2026 \u2013 May 21, 2026</div></div></aside>'
    "<p>The second season adapts the lighthouse arc of the novels and was produced "
    "over eighteen months by a new team of animators in Lisbon.</p>"
    '<footer><p>This page was last edited on 2 June 2026, at 10:00.</p></footer>'
    "</body></html>"
)


def test_a_wiki_infobox_row_dates_the_season_its_page_is_about() -> None:
    url = "https://harbor-lights.fandom.example/wiki/Season_2"
    doc = parse_documents(WIKI_SEASON_PAGE, url)[0]
    [finding] = extract(doc, Watch("Harbor Lights", 2, ()))
    assert (finding.date, finding.precision) == ("2026-03-05", "day")
    assert finding.evidence.startswith("Original run |")
    assert extract(doc, Watch("Harbor Lights", 3, ())) == []


@pytest.mark.parametrize(
    "pointer",
    [
        "And for more on Harbor Lights, find out why season 3 is coming back in 2027!",
        "You can read our article on how Harbor Lights season 3 is coming back in 2027.",
        "Check out our guide to Harbor Lights season 3, which is coming back in 2027.",
    ],
)
def test_a_sentence_pointing_to_another_article_dates_nothing(pointer: str) -> None:
    """(The same words told as news date the season: "Harbor Lights season 3 is coming
    back in 2027!" is 2027.)"""
    body = (
        "<h1>Harbor Lights renewed for season 3</h1>"
        "<p>Starline has renewed Harbor Lights for a third season. The cast returns.</p>"
        f"<p>{pointer}</p>"
    )
    html = '<html><head><meta property="article:published_time" content="2026-05-02">'
    doc = parse_documents(html + f"</head><body>{body}</body></html>", "https://n.example/a")[0]
    assert extract(doc, Watch("Harbor Lights", 3, ())) == []


def _liveblog(entry_heading: str) -> str:
    return (
        '<html><head><meta property="article:published_time" content="2026-07-24"></head><body>'
        "<h1>Live: the Harbor Lights panel at Comic-Con</h1>"
        "<p>By Lee Okafor \u00b7 July 24, 2026</p>"
        "<p>12:41 pm PT</p>"
        f"<h3>{entry_heading}</h3>"
        "<p>It is on the big screen now: season 3 premieres Sunday, October 4.</p>"
        "<p>12:20 pm PT</p><h3>The cast walks out</h3><p>Everyone is here.</p>"
        "</body></html>"
    )


def test_a_liveblog_entry_headed_by_a_sentence_stays_the_pages_story() -> None:
    """An entry's heading written as a sentence ("The room goes quiet") names no work;
    a heading written as a title ("Starfall Academy (Nova)") is another show's."""
    watch = Watch("Harbor Lights", 3, ())
    doc = parse_documents(_liveblog("The room goes quiet"), "https://n.example/live")[0]
    [finding] = extract(doc, watch)
    assert (finding.date, finding.precision) == ("2026-10-04", "day")
    other = parse_documents(_liveblog("Starfall Academy (Nova)"), "https://n.example/live")[0]
    assert extract(other, watch) == []


def test_a_fields_label_is_never_another_works_name() -> None:
    """"Original air date | ..." on the watched season's page: "Original" is no work."""
    html = (
        "<html><head><title>Season 2 | Harbor Lights Wiki</title></head><body>"
        "<h1>Season 2</h1><p>The second season of Harbor Lights has ten episodes.</p>"
        "<dl><dt>Original air date</dt><dd>March 5, 2026</dd></dl></body></html>"
    )
    doc = parse_documents(html, "https://harbor-lights.wiki.example/Season_2")[0]
    reading = read(doc, Watch("Harbor Lights", 2, ()), complete=True)
    assert reading.release is not None and reading.release.mention.value == "2026-03-05"
    assert "other_work_subject" not in reading.release.features


def test_a_run_still_going_dates_the_series_not_a_later_season() -> None:
    html = (
        "<html><head><title>Harbor Lights (TV series)</title></head><body>"
        "<h1>Harbor Lights (TV series)</h1>"
        '<table class="infobox"><tr><th>Release</th><td>March 5, 2024 \u2013 present</td></tr>'
        "</table><p>Harbor Lights is a drama series. It was renewed for a third season.</p>"
        "</body></html>"
    )
    doc = parse_documents(html, "https://wiki.example/Harbor_Lights")[0]
    assert extract(doc, Watch("Harbor Lights", 3, ())) == []
    [finding] = extract(doc, Watch("Harbor Lights", None, ()))  # the series itself
    assert (finding.date, finding.precision) == ("2024-03-05", "day")


def test_hitting_series_highs_is_no_release() -> None:
    body = (
        "<p>Heartstopper Season 2 news.</p>"
        "<p>The network's chief said the show was hitting series highs this year.</p>"
    )
    assert findings(body) == []


def test_an_unnamed_new_season_on_a_page_about_other_shows_is_the_watched_one() -> None:
    body = FALL_NIGHTS.format("Harbor Lights returns for a new season on Friday, Oct. 3.")
    title = "Glass Atlas season 6 leads the network's fall nights"
    assert findings(body, LANTERN, published="2025-08-20", title=title) == [
        ("release_date", "2025-10-03", "day")
    ]


def test_another_shows_numbered_season_after_the_return_does_not_block_it() -> None:
    body = FALL_NIGHTS.format(
        "Harbor Lights returns on Friday, Oct. 3. Quarry Road returns for its eighth season "
        "the same night."
    )
    assert findings(body, LANTERN, published="2025-08-20") == [
        ("release_date", "2025-10-03", "day")
    ]


def test_a_lone_premiere_naming_no_season_may_be_the_shows_first() -> None:
    # alone, "premieres" may be the series premiere; "returns" is a later season's
    assert findings("<p>Harbor Lights premieres November 17 on HBO.</p>", LANTERN,
                    published="2025-08-20") == []  # fmt: skip
    assert findings("<p>Harbor Lights returns November 17 on HBO.</p>", LANTERN,
                    published="2025-08-20") == [("release_date", "2025-11-17", "day")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The quiz opens Jan. 5 at 6 p.m, then a cooking show at 8 p.m. Meanwhile, the "
            "spy drama lands Jan. 8.",
            [
                "The quiz opens Jan. 5 at 6 p.m, then a cooking show at 8 p.m.",
                "Meanwhile, the spy drama lands Jan. 8.",
            ],
        ),
        ("It airs at 9 p.m. ET on the network.", ["It airs at 9 p.m. ET on the network."]),
        ("It airs at 9 p.m. Eastern on Fridays.", ["It airs at 9 p.m. Eastern on Fridays."]),
        ("It airs at 9 p.m. (8:30 NT) weekly.", ["It airs at 9 p.m. (8:30 NT) weekly."]),
    ],
)
def test_an_hour_ends_its_sentence_unless_its_zone_follows(text: str, expected: list[str]) -> None:
    # "at 8 p.m. Meanwhile, ..." ran on into the next sentence, whose date then read as
    # the first show's.
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>Viewers keep asking about Heartstopper season 2, filming for which began in "
        "April.</p>",
        "<p>Fans keep talking about Heartstopper season 2, whose filming started in May.</p>",
    ],
)
def test_a_relative_clause_about_making_the_show_is_not_its_release(body: str) -> None:
    # The clause's subject ("Viewers") is no production word; the date sits in a relative
    # clause of its own whose subject is the filming.
    assert findings(body, title="Heartstopper Season 2 news") == []


def test_a_relative_clause_about_filming_leaves_a_later_release_to_the_sentence() -> None:
    body = (
        "<p>Heartstopper season 2, filming for which wrapped in May, premieres on 3 "
        "August.</p>"
    )
    found = findings(body, title="Heartstopper Season 2 news")
    assert ("release_date", "2023-08-03", "day") in found


def test_the_title_going_on_as_a_longer_name_is_another_work() -> None:
    # The companion show's name starts with the watched title and goes on without a colon;
    # its later date beat the watched season's premiere.
    body = (
        "<p>Heartstopper will be back with its season 2 premiere, airing on Sunday, "
        "August 6, 2023.</p>"
        "<p>Heartstopper in Wonderland will start on Thursday, August 10, 2023 at 8 PM.</p>"
    )
    found = findings(body, title="Heartstopper season 2 schedule")
    assert [f for f in found if f[0] == "release_date"] == [("release_date", "2023-08-06", "day")]


def test_the_title_before_a_month_is_not_a_longer_name() -> None:
    body = "<p>Heartstopper season 2 premieres in August, Netflix says.</p>"
    assert findings(body, title="Heartstopper season 2") == [("release_date", "2023-08", "month")]


def test_a_hedge_in_a_later_clause_about_the_show_leaves_the_date_alone() -> None:
    # "and it looks like" weighs how the new run feels, not when it comes.
    body = (
        "<p>Heartstopper is back on Netflix with its second season in August and it looks "
        "like the drama is every bit as tender as the first run.</p>"
    )
    found = findings(body, title="Heartstopper season 2 news")
    assert [f for f in found if f[0] == "release_date"] == [("release_date", "2023-08", "month")]


def test_a_hedge_in_a_later_clause_about_the_date_still_hedges_it() -> None:
    body = "<p>Heartstopper season 2 arrives in August and it might be delayed again.</p>"
    found = findings(body, title="Heartstopper season 2 news")
    assert [f for f in found if f[0] == "release_date"] == []


def test_on_demand_is_a_way_to_watch_not_another_work() -> None:
    # "On Demand" before "starting" was read as a capitalized title, the verb's subject.
    body = (
        "<p>Heartstopper season 2 looks tender in the new footage, and the clip also tells "
        "when the season will debut: viewers can watch all eight episodes On Demand "
        "starting on Wednesday, September 6th.</p>"
    )
    found = findings(body, title="Heartstopper season 2 trailer")
    assert [f for f in found if f[0] == "release_date"] == [("release_date", "2023-09-06", "day")]


def test_a_heading_announcing_the_date_vouches_for_the_passage_under_it() -> None:
    # A tag page's teaser: the heading says the date was announced, the line under it
    # gives the date among the weekly slots.
    body = (
        "<h2>Channel announces Heartstopper season 2 UK air date</h2>"
        "<p>New episodes stream every Thursday from 6am and go out weekly on the channel "
        "at 9pm, starting from Sunday 6th August.</p>"
        "<h2>Another drama begins filming</h2><p>Cameras roll on a new thriller.</p>"
    )
    found = findings(body, title="Tag: streaming")
    assert [f for f in found if f[0] == "release_date"] == [("release_date", "2023-08-06", "day")]


def test_a_heading_that_announces_nothing_vouches_for_nothing() -> None:
    from scraper.extract import read

    line = (
        "<p>New episodes stream every Thursday from 6am and go out weekly on the channel "
        "at 9pm, starting from Sunday 6th August.</p>"
    )
    vouched: dict[str, bool] = {}
    headings = ("Channel announces Heartstopper season 2 air date", "Heartstopper season 2 cast")
    for heading in headings:
        html = page(f"<h2>{heading}</h2>{line}", title="Tag: streaming")
        doc = parse_documents(html, "https://news.example/a")[0]
        dates = read(doc, HS2, complete=True).dates
        dated = next(c for c in dates if c.mention.value == "2023-08-06")
        vouched[heading] = "confirmed" in dated.features
    assert vouched == {
        "Channel announces Heartstopper season 2 air date": True,
        "Heartstopper season 2 cast": False,
    }


def test_a_wiki_infobox_run_field_gives_the_seasons_start() -> None:
    # A fan wiki's season page: the infobox's "Run" field holds the season's first and
    # last air dates; the first is the season's release.
    body = (
        "<table class='infobox'><tr><th>Network</th><td>Netflix</td></tr>"
        "<tr><th>Run</th><td>3 Aug 2023 - 31 Aug 2023</td></tr>"
        "<tr><th>Episodes</th><td>8</td></tr></table>"
        "<p>The second series of Heartstopper follows Nick and Charlie after they get "
        "together.</p>"
    )
    found = findings(body, title="Heartstopper Series 2", published="2023-12-01")
    assert [f for f in found if f[0] == "release_date"] == [("release_date", "2023-08-03", "day")]


@pytest.mark.parametrize(
    "headline",
    ["\u201813 Lanterns\u2019 Season Two Has A Trailer", '"13 Lanterns" season 2 gets a trailer'],
)
def test_a_quoted_title_that_opens_with_a_number_keeps_its_season(headline: str) -> None:
    # The name before "season" was looked for from a capital letter: "Lanterns", which is
    # no title, so the season read as another show's and the trailer as not the watch's.
    watch = Watch("13 Lanterns", 2, ())
    assert ("trailer", "https://news.example/a", None) in findings(
        "<p>It is coming soon.</p>", watch, title=headline
    )


def test_a_quoted_name_with_its_comma_inside_the_quotes_is_the_verbs_subject() -> None:
    # Trade style: ', \u201cHarbour Lights: Dusk,\u201d will premiere ...' names the franchise's
    # other series as the subject; the comma inside the closing quote hid the name.
    watch = Watch("Harbour Lights: Dawn", 2, ())
    body = (
        "<p>The streamer said its next drama in the \u201cHarbour Lights\u201d universe, "
        "\u201cHarbour Lights: Dusk,\u201d will premiere Jan. 23, 2024 on the service.</p>"
    )
    found = findings(body, watch, title="Streamer releases a Harbour Lights: Dawn season 2 teaser")
    assert [f for f in found if f[0] == "release_date"] == []


def test_a_season_of_a_work_that_leads_the_sentence_turns_the_story_to_that_work() -> None:
    # A schedule roundup: the quoted show opens the sentence and its season 4 is dated;
    # the teaser in the next sentence is that show's, not the watched one's.
    body = (
        "<p>The streamer also dated the second season of Heartstopper.</p>"
        "<p>\u201cHarbour Lights\u201d is still the streamer\u2019s biggest drama, and Season 4 is "
        "slated to premiere on April 28th. The streamer shared a teaser to confirm the "
        "date.</p><p>Fans of Heartstopper can catch season 2 when it premieres on June "
        "11th.</p>"
    )
    found = findings(body, title="Spring schedule: Harbour Lights, Heartstopper and more")
    assert found == [("release_date", "2023-06-11", "day")]


def test_another_works_verb_in_an_earlier_clause_leaves_the_dates_clause_alone() -> None:
    # 'Harbour Lights opens Nov. 22, and the sequel is scheduled for Nov. 21, 2024':
    # the other work's verb sits in a clause of its own before the date's.
    watch = Watch("Harbour Lights: Part Two", None, ())
    body = (
        "<p>Harbour Lights: Part Two is the sequel's new name.</p>"
        "<p>Harbour Lights opens in theaters Nov. 22, and the newly named sequel is "
        "scheduled for Nov. 21, 2024, a year later.</p>"
    )
    found = findings(body, watch, title="The Harbour Lights sequel gets a title")
    assert [f for f in found if f[0] == "release_date"] == [("release_date", "2024-11-21", "day")]


def test_a_letter_before_a_sentence_opener_ends_the_sentence() -> None:
    # "Hall H." is a room's name, not an initial: "The" opens the next sentence.
    assert sentences("The studio kept its best for Hall H. The first teaser ran.") == [
        "The studio kept its best for Hall H.",
        "The first teaser ran.",
    ]
    assert sentences("It is by George R. R. Martin and friends.") == [
        "It is by George R. R. Martin and friends."
    ]


def test_a_release_joined_to_the_trailer_by_and_is_not_the_trailers_date() -> None:
    # "season 2 trailer and August 3 premiere": the date is the premiere's, the noun after it.
    headline = "Comic-Con: Heartstopper season 2 trailer and August 3 premiere"
    found = findings("<p>It is coming.</p>", title=headline)
    assert ("release_date", "2023-08-03", "day") in found


def test_an_hour_before_its_day_keeps_the_listing_line_whole() -> None:
    assert sentences("8 p.m. Sunday, Feb. 11, on the channel.") == [
        "8 p.m. Sunday, Feb. 11, on the channel."
    ]
    assert sentences("At 9 p.m. March 3 it returns.") == ["At 9 p.m. March 3 it returns."]
