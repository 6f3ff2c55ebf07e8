"""The structure a page is read into: each block's role, the document's own dates, and
the video players the reader finds. Small pages written for these tests, one case a row."""

from __future__ import annotations

import ast
import time
from datetime import date
from pathlib import Path

import pytest

from scraper.parse.documents import parse_documents
from scraper.parse.metadata import byline_date
from scraper.parse.pages import FURNITURE_ROLES, ROLES, Block, read_page
from scraper.parse.videos import watch_url

FILLER = (
    "<p>" + "The cast gathered in a rehearsal room to read the new scripts aloud. " * 3 + "</p>"
)


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def block_with(blocks: tuple[Block, ...], text: str) -> Block:
    found = [b for b in blocks if text in b.text]
    assert found, f"no block holds {text!r}: {[b.text for b in blocks]}"
    return found[0]


# (case, page body, text of the block, role it must have, whether it is furniture)
ROLE_CASES = [
    (
        "h1 is the headline",
        "<h1>Moonfall returns</h1>" + FILLER,
        "Moonfall returns",
        "headline",
        False,
    ),
    (
        "heading right under the headline is its dek",
        "<h1>Moonfall returns</h1><h2>The space drama is back for a second run</h2>" + FILLER,
        "space drama is back",
        "dek",
        False,
    ),
    (
        "a standfirst named so",
        '<h1>Moonfall</h1><p class="article-standfirst">Everything we know so far</p>' + FILLER,
        "Everything we know",
        "dek",
        False,
    ),
    (
        "byline by class",
        '<h1>Moonfall</h1><div class="c-byline">Riya Patel</div>' + FILLER,
        "Riya Patel",
        "byline",
        False,
    ),
    (
        "byline by its shape: name, dot, date",
        "<h1>Moonfall</h1><p>By Riya Patel \u00b7 June 11, 2025</p>" + FILLER,
        "By Riya Patel",
        "byline",
        False,
    ),
    (
        "an Updated stamp under the headline",
        "<h1>Moonfall</h1><p>Updated December 1, 2026 10:14 am ET</p>" + FILLER,
        "Updated December 1, 2026",
        "byline",
        False,
    ),
    (
        "a Published stamp",
        "<h1>Moonfall</h1><div>Published: 13 September 2022</div>" + FILLER,
        "Published: 13 September 2022",
        "byline",
        False,
    ),
    (
        "a short line around a <time>",
        '<h1>Moonfall</h1><div><time datetime="2025-06-11">June 11, 2025</time></div>' + FILLER,
        "June 11, 2025",
        "byline",
        False,
    ),
    (
        "'By' and a month is a sentence, not a byline",
        "<h1>Moonfall</h1><p>By December, the crew will have finished the shoot.</p>",
        "By December",
        "body",
        False,
    ),
    (
        "a paragraph that is only a press dateline",
        "<h1>Moonfall</h1><p>BURBANK, Calif. (AP) \u2014</p>" + FILLER,
        "BURBANK",
        "dateline",
        False,
    ),
    ("plain article text", "<h1>Moonfall</h1>" + FILLER, "rehearsal room", "body", False),
    (
        "figcaption",
        "<figure><img src=a.jpg><figcaption>The cast at the premiere in 2019</figcaption></figure>",
        "The cast at the premiere",
        "caption",
        False,
    ),
    (
        "a caption named so",
        '<div class="wp-caption-text">Photo: the set in Belfast</div>' + FILLER,
        "the set in Belfast",
        "caption",
        False,
    ),
    (
        "th row is the table's header",
        "<table><tr><th>Season</th><th>Premiere</th></tr>"
        "<tr><td>2</td><td>March 3, 2026</td></tr></table>",
        "Season | Premiere",
        "table_header",
        False,
    ),
    (
        "a first row of labels without th",
        "<table><tr><td>Title</td><td>Release date</td></tr>"
        "<tr><td>Moonfall</td><td>May 5, 2026</td></tr></table>",
        "Title | Release date",
        "table_header",
        False,
    ),
    (
        "a data row is a table cell row",
        "<table><tr><th>Season</th><th>Premiere</th></tr>"
        "<tr><td>2</td><td>March 3, 2026</td></tr></table>",
        "March 3, 2026",
        "table_cell",
        False,
    ),
    (
        "a list item",
        "<ul><li>Season two has eight episodes, all written by the creator</li></ul>" + FILLER,
        "eight episodes",
        "list_item",
        False,
    ),
    (
        "Reddit's comment element",
        "<shreddit-comment><p>I bet it lands in March next year</p></shreddit-comment>" + FILLER,
        "I bet it lands",
        "comment",
        True,
    ),
    (
        "a comment by test id",
        '<div data-testid="comment"><p>Releasing on my birthday, May 2</p></div>' + FILLER,
        "my birthday",
        "comment",
        True,
    ),
    (
        "old Reddit's comment",
        '<div class="thing comment"><div class="md"><p>Calling it: October 10</p></div></div>'
        + FILLER,
        "Calling it",
        "comment",
        True,
    ),
    (
        "a rail named related",
        "<h1>Moonfall</h1>" + FILLER + '<div class="related-stories"><p>Other news</p></div>',
        "Other news",
        "related",
        True,
    ),
    (
        "a nav element",
        "<nav><p>Home TV Film</p></nav><h1>Moonfall</h1>" + FILLER,
        "Home TV Film",
        "navigation",
        True,
    ),
    (
        "an unnamed link-dense list after the headline is a related rail",
        "<h1>Moonfall</h1>" + FILLER * 4 + "<ul>"
        '<li><a href="/a">Starfield Season 3 premieres on March 4, 2026</a></li>'
        '<li><a href="/b">Harbour Lights is renewed for a fourth run</a></li>'
        '<li><a href="/c">The Quiet Ones sets its finale for May 19</a></li></ul>',
        "Starfield Season 3",
        "related",
        True,
    ),
    (
        "an unnamed link-dense block above the headline is navigation",
        '<div><a href="/tv">Television news</a> <a href="/film">Film news here</a> '
        '<a href="/games">Games and more news</a></div><h1>Moonfall</h1>' + FILLER * 4,
        "Television news",
        "navigation",
        True,
    ),
    (
        "an embedded tweet",
        '<blockquote class="twitter-tweet"><p>Moonfall S2 is coming 3.3.26</p></blockquote>'
        + FILLER,
        "Moonfall S2 is coming",
        "embedded_post",
        False,
    ),
    (
        "a player's title",
        '<div class="video-title">Moonfall | Season 2 Teaser</div>' + FILLER,
        "Season 2 Teaser",
        "video_title",
        False,
    ),
    (
        "a Label: value line",
        "<p>Release date: January 15, 2027</p>" + FILLER,
        "Release date: January 15, 2027",
        "field",
        False,
    ),
    (
        "a sentence after a colon is no field",
        "<p>Netflix: The series returns for a final run.</p>" + FILLER,
        "Netflix: The series",
        "body",
        False,
    ),
    (
        "a term and its definition",
        "<dl><dt>Premiere date</dt><dd>August 3</dd></dl>" + FILLER,
        "Premiere date | August 3",
        "field",
        False,
    ),
    (
        "a row headed by its own th",
        "<table><tr><th>Release date</th><td>January 15, 2027</td></tr></table>",
        "January 15, 2027",
        "field",
        False,
    ),
]


@pytest.mark.parametrize(
    ("body", "text", "role", "chrome"),
    [case[1:] for case in ROLE_CASES],
    ids=[case[0] for case in ROLE_CASES],
)
def test_each_block_has_its_role(body: str, text: str, role: str, chrome: bool) -> None:
    block = block_with(read_page(page(body)).blocks, text)
    assert (block.role, block.chrome) == (role, chrome)


def test_roles_are_the_documented_set_and_furniture_is_always_chrome() -> None:
    every = set()
    for _, body, _, _, _ in ROLE_CASES:
        for block in read_page(page(body)).blocks:
            every.add(block.role)
            assert block.role in ROLES
            assert (block.role in FURNITURE_ROLES) == block.chrome
    assert every == ROLES


# (case, paragraph, the dateline it opens with)
DATELINE_CASES = [
    (
        "a wire release",
        "LOS ANGELES, Dec. 16, 2024 /PRNewswire/ -- Starline today announced that Moonfall "
        "returns on March 3.",
        "LOS ANGELES, Dec. 16, 2024 /PRNewswire/ -- ",
    ),
    (
        "an agency with a date",
        "May 24 (UPI) -- Moonfall will return for a second season, the network said.",
        "May 24 (UPI) -- ",
    ),
    (
        "city, state and a dated parenthesis",
        "HOLLYWOOD, CA (December 2, 2024) \u2013 Moonfall is back this spring.",
        "HOLLYWOOD, CA (December 2, 2024) \u2013 ",
    ),
    ("agency only", "LONDON (Reuters) - The series was renewed on Monday.", "LONDON (Reuters) - "),
]


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [case[1:] for case in DATELINE_CASES],
    ids=[case[0] for case in DATELINE_CASES],
)
def test_a_press_dateline_is_marked_where_it_ends(paragraph: str, dateline: str) -> None:
    block = block_with(
        read_page(page(f"<h1>Moonfall</h1><p>{paragraph}</p>")).blocks, paragraph[:20]
    )
    assert block.role == "body"
    assert block.text[: block.dateline] == dateline


@pytest.mark.parametrize(
    "paragraph",
    [
        "NETFLIX — the streamer's biggest show returns.",  # a name in capitals, no date or agency
        "Season two - which was shot in Belfast - premieres in March.",
        "In a statement, the studio said the film opens May 5.",
    ],
)
def test_an_ordinary_paragraph_has_no_dateline(paragraph: str) -> None:
    block = block_with(read_page(page(f"<p>{paragraph}</p>")).blocks, paragraph[:10])
    assert block.dateline == 0


def test_table_cells_carry_their_cells_and_column_labels() -> None:
    body = (
        "<table><tr><th>Season</th><th>Premiere</th></tr>"
        "<tr><td>2</td><td>March 3, 2026</td></tr></table>"
    )
    header, row = read_page(page(body)).blocks
    assert header.cells == ("Season", "Premiere")
    assert (row.cells, row.header) == (("2", "March 3, 2026"), ("Season", "Premiere"))
    assert row.text == "| 2 | March 3, 2026"  # the text reads as it always has


def test_a_field_carries_its_label() -> None:
    blocks = read_page(page("<p>Release date: January 15, 2027</p>")).blocks
    assert (blocks[0].role, blocks[0].label) == ("field", "Release date")


# (case, head, body, published, updated)
DATE_CASES = [
    (
        "article meta tags",
        '<meta property="article:published_time" content="2025-06-11T08:00:00Z">'
        '<meta property="article:modified_time" content="2026-12-01T10:14:00Z">',
        FILLER,
        date(2025, 6, 11),
        date(2026, 12, 1),
    ),
    (
        "JSON-LD",
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-03-02", "dateModified": "2024-03-05"}</script>',
        FILLER,
        date(2024, 3, 2),
        date(2024, 3, 5),
    ),
    (
        "bylines without metadata",
        "",
        "<h1>Moonfall</h1><p>By Riya Patel \u00b7 June 11, 2025</p>"
        "<p>Updated December 1, 2026 10:14 am ET</p>" + FILLER,
        date(2025, 6, 11),
        date(2026, 12, 1),
    ),
    (
        "a <time> in the byline",
        "",
        '<h1>Moonfall</h1><div class="byline">By Riya Patel '
        '<time datetime="2025-06-11T09:00">June 11</time></div>' + FILLER,
        date(2025, 6, 11),
        None,
    ),
    (
        "a press dateline",
        "",
        "<p>LOS ANGELES, Dec. 16, 2024 /PRNewswire/ -- Starline announced Moonfall.</p>",
        date(2024, 12, 16),
        None,
    ),
]


@pytest.mark.parametrize(
    ("head", "body", "published", "updated"),
    [case[1:] for case in DATE_CASES],
    ids=[case[0] for case in DATE_CASES],
)
def test_the_document_knows_its_own_dates(
    head: str, body: str, published: date, updated: date | None
) -> None:
    [doc] = parse_documents(page(body, head), "https://n.example/a")
    assert (doc.own_dates.published, doc.own_dates.updated) == (published, updated)
    assert published in doc.own_dates.all()


def test_a_yearless_dateline_takes_the_articles_year() -> None:
    head = '<meta property="article:published_time" content="2025-05-24T08:00:00Z">'
    body = "<p>May 24 (UPI) -- Moonfall will return for a second season.</p>"
    [doc] = parse_documents(page(body, head), "https://n.example/a")
    assert doc.own_dates.stated == (date(2025, 5, 24),)


def test_a_feed_entry_knows_its_own_dates() -> None:
    feed = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        "<entry><id>e1</id><title>Moonfall news</title>"
        "<published>2025-06-11T08:00:00Z</published><updated>2025-06-12T08:00:00Z</updated>"
        '<content type="html">&lt;p&gt;Moonfall returns.&lt;/p&gt;</content></entry></feed>'
    )
    [doc] = parse_documents(feed, "https://n.example/feed")
    assert (doc.own_dates.published, doc.own_dates.updated) == (
        date(2025, 6, 11),
        date(2025, 6, 12),
    )
    assert doc.blocks[0].role == "headline"


ID = "OoXeC5EaVDA"

# (case, body, label the video must have)
EMBED_CASES = [
    (
        "lite-youtube",
        f'<lite-youtube videoid="{ID}" playlabel="Play: Moonfall Teaser"></lite-youtube>',
        "Moonfall Teaser",  # the player's button word is not the video's title
    ),
    (
        "lite-youtube-embed",
        f'<lite-youtube-embed video-id="{ID}" title="Moonfall Trailer"></lite-youtube-embed>',
        "Moonfall Trailer",
    ),
    (
        "youtube-video",
        f'<youtube-video src="https://www.youtube.com/watch?v={ID}" title="Moonfall">'
        "</youtube-video>",
        "Moonfall",
    ),
    ("amp-youtube", f'<amp-youtube data-videoid="{ID}" layout="responsive"></amp-youtube>', ""),
    (
        "data-youtube-id",
        f'<div class="player" data-youtube-id="{ID}" title="Moonfall Teaser"></div>',
        "Moonfall Teaser",
    ),
    (
        "data-video-id with a poster link",
        f'<div class="lite-embed" data-video-id="{ID}">'
        '<a href="/watch">Watch the Moonfall trailer</a></div>',
        "Watch the Moonfall trailer",
    ),
    (
        "new Reddit's link post",
        f'<shreddit-post post-title="Moonfall Season 2 | Official Trailer" post-type="link" '
        f'content-href="https://youtu.be/{ID}"></shreddit-post>',
        "Moonfall Season 2 | Official Trailer",
    ),
    (
        "old Reddit's link post",
        f'<div class="thing link" data-url="https://www.youtube.com/watch?v={ID}">'
        '<p class="title"><a class="title" href="/r/x">Moonfall - Official Teaser</a></p></div>',
        "Moonfall - Official Teaser",
    ),
]


@pytest.mark.parametrize(
    ("body", "label"), [case[1:] for case in EMBED_CASES], ids=[case[0] for case in EMBED_CASES]
)
def test_players_and_link_posts_are_videos(body: str, label: str) -> None:
    videos = read_page(page(body)).videos
    assert (videos[0].url, videos[0].label, videos[0].embedded) == (watch_url(ID), label, True)


@pytest.mark.parametrize(
    "body",
    [
        '<lite-youtube videoid="short"></lite-youtube>',
        '<div data-video-id="12345678901"></div>',  # another player's numeric id
        '<amp-youtube data-videoid="OoXeC5EaVDA&lt;b&gt;"></amp-youtube>',
        '<div data-youtube-id="javascript:alert(1)"></div>',
    ],
)
def test_a_bad_or_foreign_id_is_no_video(body: str) -> None:
    assert read_page(page(body)).videos == ()


def test_a_reddit_feed_link_post_is_labelled_with_its_title() -> None:
    feed = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>r/tv</title>'
        "<entry><id>t3_x</id><title>Moonfall Season 2 | Official Teaser</title>"
        '<content type="html">&lt;span&gt;&lt;a href="https://youtu.be/'
        + ID
        + '"&gt;[link]&lt;/a&gt;&lt;/span&gt;</content></entry></feed>'
    )
    [doc] = parse_documents(feed, "https://www.reddit.com/r/tv/.rss")
    assert [v.label for v in doc.videos] == ["Moonfall Season 2 | Official Teaser"]


def test_videos_in_a_link_rail_are_furniture() -> None:
    rail = "".join(
        f'<li><a href="https://youtu.be/{vid}">Watch the trailer for show {n}</a></li>'
        for n, vid in enumerate(("OoXeC5EaVDA", "QP4va9IrcZo", "OMpiu86UN10"))
    )
    videos = read_page(page("<h1>Moonfall</h1>" + FILLER * 4 + f"<ul>{rail}</ul>")).videos
    assert [v.chrome for v in videos] == [True, True, True]


def test_a_page_that_is_a_list_of_headlines_is_not_furniture() -> None:
    # Someone watching a site's TV index page: its headlines are the news.
    items = "".join(
        f'<li><a href="/{n}">Moonfall Season {n} premieres on March {n}</a></li>'
        for n in range(2, 9)
    )
    blocks = read_page(page(f"<h1>TV news</h1><ul>{items}</ul>")).blocks
    assert not any(b.chrome for b in blocks)


def test_infobox_lists_of_short_links_stay_article_text() -> None:
    links = "".join(f'<li><a href="/{g}">{g}</a></li>' for g in ("Drama", "Comedy", "Romance"))
    blocks = read_page(page("<h1>Moonfall</h1>" + FILLER * 4 + f"<ul>{links}</ul>")).blocks
    assert block_with(blocks, "Drama").role == "list_item"


def test_link_density_stays_linear_in_deep_nesting() -> None:
    def nested(depth: int) -> str:
        return "<div>" * depth + '<a href="/x">a link of some length</a>' * 3 + "</div>" * depth

    start = time.perf_counter()
    read_page(page(nested(2_000)))
    small = time.perf_counter() - start
    start = time.perf_counter()
    read_page(page(nested(8_000)))
    assert time.perf_counter() - start < 12 * small + 0.5


def test_parse_never_imports_the_extractor() -> None:
    for path in (Path(__file__).parent.parent / "scraper" / "parse").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("scraper.extract"), path.name
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("scraper.extract") for a in node.names), path.name


# A wiki's infobox: an <aside> or a sidebar-styled box of the work's facts.
WIKI_INFOBOX = (
    "<h1>Season 2</h1>"
    '<aside class="portable-infobox pi-theme-wikia">'
    '<h2 class="pi-title">Harbor Lights Season 2</h2><h2 class="pi-header">Information</h2>'
    '<div class="pi-data"><h3 class="pi-data-label">Network</h3>'
    '<div class="pi-data-value">Starline</div></div>'
    '<div class="pi-data"><h3 class="pi-data-label">Premiere</h3>'
    '<div class="pi-data-value">March 5, 2026</div></div></aside>' + FILLER
)


def test_a_wiki_infobox_is_the_pages_facts_not_a_sidebar() -> None:
    blocks = read_page(page(WIKI_INFOBOX)).blocks
    premiere = block_with(blocks, "March 5, 2026")
    assert (premiere.role, premiere.chrome, premiere.label) == ("field", False, "Premiere")
    assert premiere.cells == ("Premiere", "March 5, 2026")
    assert premiere.text == "Premiere | March 5, 2026"
    # the box's own group headings head no passage of the article
    assert not block_with(blocks, "Information").heading


@pytest.mark.parametrize(
    "box",
    [
        '<table class="infobox"><tr><th>Original release</th><td>March 5, 2026</td></tr></table>',
        '<div class="infobox sidebar"><dl><dt>Original release</dt>'
        "<dd>March 5, 2026</dd></dl></div>",
    ],
    ids=["a table infobox", "an infobox styled as a sidebar"],
)
def test_other_infobox_shapes_are_fields_too(box: str) -> None:
    block = block_with(read_page(page("<h1>Harbor Lights</h1>" + box + FILLER)).blocks, "2026")
    assert (block.role, block.chrome, block.label) == ("field", False, "Original release")


def test_a_wiki_season_page_is_headed_by_its_work_and_season() -> None:
    head = '<title>Season 2 | Harbor Lights Wiki | Fandom</title>'
    assert read_page(page(WIKI_INFOBOX, head)).headline == "Harbor Lights Season 2"
    site = '<meta property="og:site_name" content="Harbor Lights Wiki">'
    assert read_page(page(WIKI_INFOBOX, site)).headline == "Harbor Lights Season 2"
    # a news site's name is no work's
    news = '<title>Season 2 | The TV Desk</title>'
    assert read_page(page(WIKI_INFOBOX, news)).headline == "Season 2"


def test_a_pages_data_is_not_its_publish_date() -> None:
    """Without date metadata a page takes its date from its first short dated line;
    an infobox's or a table's dates are the work's, never the page's."""
    table = (
        "<table><tr><th>No.</th><th>Title</th><th>Air date</th></tr>"
        "<tr><td>1</td><td>Low Tide</td><td>March 5, 2026</td></tr></table>"
    )
    for body in (WIKI_INFOBOX, "<h1>Harbor Lights</h1>" + table + FILLER):
        [doc] = parse_documents(page(body), "https://harbor-lights.wiki.example/Season_2")
        assert doc.published is None and not doc.own_dates.all()


@pytest.mark.parametrize(
    "line",
    [
        "RELATED: Harbor Lights Season 1 Finale Twist Explained",
        "Read more \u2014 Moonfall season 3 sets its premiere for June 4",
        "Also read: Every show leaving the service in March",
    ],
)
def test_a_line_pointing_to_another_story_is_a_related_link(line: str) -> None:
    blocks = read_page(page(f"<h1>Moonfall</h1><p>{line}</p>" + FILLER)).blocks
    block = block_with(blocks, line[:12])
    assert (block.role, block.chrome) == ("related", True)


def test_a_line_presenting_a_video_or_a_sentence_is_not_a_related_link() -> None:
    for line in ("Watch: the first trailer for Moonfall", "More episodes arrive on June 3."):
        block = block_with(read_page(page(f"<p>{line}</p>" + FILLER)).blocks, line[:10])
        assert not block.chrome


def _episodes(first: str) -> str:
    return (
        "<h1>Harbor Lights season 2</h1><table>"
        "<tr><th>No. overall</th><th>No. in season</th><th>Title</th>"
        "<th>Original air date</th></tr>"
        f"<tr><td>9</td><td>{first}</td><td>Low Tide</td><td>March 5, 2026</td></tr>"
        "<tr><td>10</td><td>2</td><td>The Keeper</td><td>March 12, 2026</td></tr></table>"
    )


def test_an_episode_tables_first_episode_dates_the_premiere_as_a_field() -> None:
    blocks = read_page(page(_episodes("1"))).blocks
    first = block_with(blocks, "March 5, 2026")
    assert (first.role, first.label) == ("field", "Original air date")
    assert first.text == "Original air date | March 5, 2026"
    assert block_with(blocks, "March 12, 2026").role == "table_cell"  # a later episode


def test_an_episode_table_starting_later_has_no_premiere() -> None:
    blocks = read_page(page(_episodes("5"))).blocks
    assert block_with(blocks, "March 5, 2026").role == "table_cell"


@pytest.mark.parametrize(
    "stamp", ["1 December 2026 at 10:14", "2026-12-01T10:14:00Z", "Tue 1 Dec 2026 10.14 GMT"]
)
def test_a_line_of_only_a_date_and_a_time_is_the_pages_stamp(stamp: str) -> None:
    blocks = read_page(page(f"<h1>Moonfall season 3</h1><p>{stamp}</p>" + FILLER)).blocks
    assert block_with(blocks, stamp).role == "byline"
    [doc] = parse_documents(page(f"<h1>Moonfall season 3</h1><p>{stamp}</p>" + FILLER), "u")
    assert doc.published == date(2026, 12, 1)


def test_a_listing_line_without_a_year_is_not_a_stamp() -> None:
    blocks = read_page(page("<h1>Moonfall</h1><p>Sunday 10 June, 9.00pm</p>" + FILLER)).blocks
    assert block_with(blocks, "Sunday 10 June").role != "byline"


@pytest.mark.parametrize(
    ("box", "role"),
    [
        ('<div id="disqus_thread"><p>{}</p></div>', "comment"),
        ('<section aria-label="Related stories"><p>{}</p></section>', "related"),
        ('<div data-component="related-links"><p>{}</p></div>', "related"),
        ('<div class="recirc-module"><p>{}</p></div>', "related"),
        ('<div class="you-may-like"><p>{}</p></div>', "related"),
        ('<div class="sponsored-content"><p>{}</p></div>', "related"),
        ('<div class="nl-signup"><p>{}</p></div>', "navigation"),
        ("<div><p>Up next: {}</p></div>", "related"),
    ],
)
def test_furniture_named_in_other_words_is_furniture(box: str, role: str) -> None:
    line = "Moonfall season 3 premieres August 6, 2027"
    blocks = read_page(page("<h1>Moonfall</h1>" + FILLER + box.format(line))).blocks
    block = block_with(blocks, line)
    assert (block.role, block.chrome) == (role, True)


def test_a_label_on_a_link_names_the_link_not_its_paragraph() -> None:
    body = '<p>Moonfall returns. <a aria-label="Share on social" href="/s">share</a> it.</p>'
    assert not block_with(read_page(page(body + FILLER)).blocks, "Moonfall returns").chrome


@pytest.mark.parametrize(
    "line",
    [
        "Season 2 will reportedly begin filming on February 11, 2031.",
        "The cast was told the read-through moves to February 11, 2031.",
        "Tickets for the premiere go on sale February 11, 2031.",
    ],
)
def test_a_short_sentence_of_news_is_no_byline(line: str) -> None:
    # (a dated sentence of the story is no stamp; "By Jane Doe on Feb 11, 2031" is one)
    assert byline_date([line]) is None
    stamp = "By Jane Doe on Feb 11, 2031 at 10:30 am, 4 min read"
    assert byline_date([stamp]) == date(2031, 2, 11)
