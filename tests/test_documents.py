"""parse_documents: pages and feeds into Documents, and bad input that never raises."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.extract import extract, extract_documents
from scraper.fetch.decode import decode_body
from scraper.models import Watch
from scraper.parse.documents import ParseError, may_name, parse_documents, pending_documents
from scraper.parse.pages import Block, Video, read_fragment, read_page
from scraper.parse.prefilter import may_mention

HS2 = Watch("Heartstopper", 2, ("Heartstopper S2",))

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>News</title>
<lastBuildDate>Fri, 21 Apr 2023 09:00:00 GMT</lastBuildDate>
<item><title>Heartstopper Season 2 gets a date</title><link>https://n.example/hs2</link>
<guid>hs2-date</guid><pubDate>Thu, 20 Apr 2023 16:00:00 GMT</pubDate>
<description><![CDATA[<p>Netflix confirmed Heartstopper Season 2 premieres on 3&nbsp;August.</p>]]>
</description></item>
<item><title>Something else</title><link>https://n.example/other</link>
<description>Another show arrives May 4.</description></item>
</channel></rss>"""

ATOM_YT = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom"
 xmlns:media="http://search.yahoo.com/mrss/"><title>Netflix</title><updated>2023-07-13T00:00:00Z</updated>
<entry><id>yt:video:OoXeC5EaVDA</id><yt:videoId>OoXeC5EaVDA</yt:videoId>
<title>Heartstopper Season 2 | Official Trailer | Netflix</title>
<link rel="alternate" href="https://www.youtube.com/watch?v=OoXeC5EaVDA"/>
<published>2023-07-13T14:00:00+00:00</published>
<media:group><media:description>Season 2 arrives August 3.</media:description></media:group></entry>
</feed>"""


def test_a_page_is_one_document_keyed_by_its_url() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2023-04-20T10:00:00Z"}</script><meta property="og:title" '
        'content="Headline"></head><body><nav><a href="/">Home</a></nav><p>Body text.</p></body>'
        "</html>"
    )
    [doc] = parse_documents(html, "https://n.example/a")
    assert (doc.kind, doc.key, doc.url, doc.published) == (
        "page",
        "https://n.example/a",
        "https://n.example/a",
        date(2023, 4, 20),
    )
    assert doc.headline == "Headline"
    assert [b.text for b in doc.blocks if not b.chrome] == ["Body text."]


def test_an_article_container_is_never_page_furniture() -> None:
    long = "A paragraph of the article that goes on for quite a while about the show. " * 2
    html = (
        '<body><div class="article-body share-enabled"><h1>Headline</h1>'
        + f"<p>{long}</p>" * 4
        + '</div><div class="related-stories"><p>Other news.</p></div></body>'
    )
    blocks = parse_documents(html, "u")[0].blocks
    assert [b.text for b in blocks if b.chrome] == ["Other news."]
    assert sum(not b.chrome for b in blocks) == 5


def test_a_page_without_date_metadata_is_dated_by_its_byline() -> None:
    html = "<body><h1>News</h1><p>By Dana Whitford / April 20, 2023 11:40 AM PT</p></body>"
    assert parse_documents(html, "u")[0].published == date(2023, 4, 20)


def test_an_rss_feed_is_one_document_per_item() -> None:
    docs = parse_documents(RSS, "https://n.example/feed")
    assert [d.kind for d in docs] == ["entry", "entry"]
    assert docs[0].key == "hs2-date" and docs[1].key == "https://n.example/other"
    assert docs[0].published == date(2023, 4, 20)
    assert docs[1].published == date(2023, 4, 21)  # the feed's date when the item has none
    [finding] = extract(docs[0], HS2)
    assert (finding.date, finding.precision) == ("2023-08-03", "day")


def test_a_changed_entry_gets_a_new_fingerprint() -> None:
    before = parse_documents(RSS, "https://n.example/feed")[0]
    after = parse_documents(RSS.replace("3&nbsp;August", "4 August"), "https://n.example/feed")[0]
    assert before.key == after.key and before.fingerprint != after.fingerprint


def test_a_youtube_channel_feed_entry_is_its_video() -> None:
    findings = extract_documents(parse_documents(ATOM_YT, "https://www.youtube.com/feeds/x"), HS2)
    assert [(f.kind, f.url or f.date) for f in findings] == [
        ("release_date", "2023-08-03"),
        ("trailer", "https://www.youtube.com/watch?v=OoXeC5EaVDA"),
    ]


def test_auto_sniffs_feeds_and_pages() -> None:
    assert parse_documents(ATOM_YT, "u")[0].kind == "entry"
    assert parse_documents("<html><body><p>rss feed</p></body></html>", "u")[0].kind == "page"


def test_select_limits_a_page_to_one_part() -> None:
    html = '<body><div id="main"><p class="lede">Inside.</p></div><p>Outside.</p></body>'
    for selector in ("#main", "div p.lede", "div > p", "[id=main]"):
        [doc] = parse_documents(html, "u", select=selector)
        assert [b.text for b in doc.blocks] == ["Inside."], selector


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        # Tag names are case-insensitive in HTML.
        ("ARTICLE P", ["One.", "Two, an ad.", "Three."]),
        ("article p:not(.ad)", ["One.", "Three."]),
        ("article p:nth-child(3)", ["Two, an ad."]),
        ("p.ad + p", ["Three."]),
        ("h2 ~ p", ["One.", "Two, an ad.", "Three."]),
        ('[data-role="main story"] p:last-child', ["Three."]),
    ],
)
def test_select_reads_css3_selectors(selector: str, expected: list[str]) -> None:
    html = (
        "<body><nav><p>Menu</p></nav>"
        '<article data-role="main story"><h2>Head</h2><p>One.</p>'
        '<p class="ad">Two, an ad.</p><p>Three.</p></article><p>Outside.</p></body>'
    )
    [doc] = parse_documents(html, "u", select=selector)
    assert [b.text for b in doc.blocks if not b.heading] == expected


def test_an_unreadable_selector_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not a CSS selector"):
        parse_documents("<body><p>x</p></body>", "u", select="p[")

def test_a_selector_that_matches_nothing_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_documents("<body><p>x</p></body>", "u", select="article")


@pytest.mark.parametrize("body", ["", "   \n"])
def test_an_empty_body_is_a_parse_error(body: str) -> None:
    with pytest.raises(ParseError):
        parse_documents(body, "u")


def test_a_feed_with_no_recoverable_entry_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_documents("<?xml version='1.0'?><rss><chan", "u", kind="feed")


def test_broken_xml_keeps_the_entries_it_can() -> None:
    broken = RSS.replace("</channel></rss>", "<item><title>cut off")
    docs = parse_documents(broken, "https://n.example/feed")
    assert extract(docs[0], HS2)[0].date == "2023-08-03"


def _feed(*items: str, closed: bool = True) -> str:
    entries = "".join(
        f"<item><title>Story {n}</title><link>https://n.example/{n}</link><guid>g{n}</guid>"
        f"<description>{description}</description></item>"
        for n, description in enumerate(items, 1)
    )
    head = "<?xml version='1.0'?><rss version='2.0'><channel><title>News</title>"
    return head + entries + ("</channel></rss>" if closed else "")


TRAILER = "<iframe title='Official Trailer' src='https://www.youtube.com/embed/OoXeC5EaVDA'></iframe>"


def test_an_entry_recovery_would_cut_short_keeps_its_embedded_trailer() -> None:
    # An unclosed <br> ends the description there for libxml2's recovery.
    feed = _feed("First.", f"Heartstopper Season 2<br> official trailer {TRAILER}", "Third.")
    docs = parse_documents(feed, "https://n.example/feed")
    assert [d.key for d in docs] == ["g1", "g2", "g3"]
    assert [v.url for v in docs[1].videos] == ["https://www.youtube.com/watch?v=OoXeC5EaVDA"]
    assert "official trailer" in docs[1].text


def test_an_entry_recovery_would_lose_is_kept() -> None:
    feed = _feed("First.", "Second, never closed.", "Third.")
    feed = feed.replace("never closed.</description></item>", "never closed.</description>")
    docs = parse_documents(feed, "https://n.example/feed")
    assert [d.key for d in docs] == ["g1", "g2", "g3"]
    assert docs[2].text.endswith("Third.")


def test_a_cut_off_broken_feed_drops_only_its_half_entry() -> None:
    feed = _feed("First.", "Unclosed <p>paragraph.", "Cut", closed=False)
    feed = feed[: feed.rindex("</description>")]
    docs = parse_documents(feed, "https://n.example/feed")
    assert [d.key for d in docs] == ["g1", "g2"]


def test_a_feed_body_naming_a_file_is_not_opened(tmp_path) -> None:
    # feedparser opens a str that names a file, and fetches one that looks like a URL.
    (tmp_path / "feed.xml").write_text(RSS)
    for body in (str(tmp_path / "feed.xml"), (tmp_path / "feed.xml").as_uri()):
        with pytest.raises(ParseError):
            parse_documents(body, "u", kind="feed")


@pytest.mark.parametrize(
    ("raw", "codec"),
    [
        (
            '<meta charset="windows-1252"><p>Heartstopper Season 2 premieres 3 August 2023 \u2013 '
            "caf\u00e9</p>",
            "cp1252",
        ),
        ("<p>Heartstopper Season 2 premieres 3 August 2023 \u2013 caf\u00e9</p>", "cp1252"),
        ("<p>Heartstopper Season 2 premieres 3 August 2023 caf\u00e9</p>", "latin-1"),
    ],
)
def test_legacy_encodings_read_with_or_without_a_charset(raw: str, codec: str) -> None:
    text = decode_body(raw.encode(codec))
    [doc] = parse_documents(text, "u")
    assert "caf\u00e9" in doc.text
    assert extract(doc, HS2)[0].date == "2023-08-03"


def test_ten_thousand_nested_tags_do_not_raise() -> None:
    html = "<div>" * 10_000 + "Heartstopper Season 2 premieres 3 August 2023." + "</div>" * 10_000
    [doc] = parse_documents(html, "u")
    assert extract(doc, HS2)[0].date == "2023-08-03"


def test_a_ten_megabyte_page_does_not_raise() -> None:
    filler = "<p>Nothing about the show here, just words.</p>" * 230_000
    html = (
        f"<html><body>{filler}<p>Heartstopper Season 2 premieres 3 August 2023.</p></body></html>"
    )
    assert len(html) > 10_000_000
    [doc] = parse_documents(html, "u")
    assert extract(doc, HS2)[0].date == "2023-08-03"


def test_truncated_html_keeps_what_arrived() -> None:
    html = "<html><body><p>Heartstopper Season 2 premieres 3 August 2023.</p><p>More te"
    assert extract(parse_documents(html, "u")[0], HS2)[0].date == "2023-08-03"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_random_bytes_never_raise(raw: bytes) -> None:
    text = decode_body(raw)
    for kind in ("auto", "page", "feed"):
        try:
            documents = parse_documents(text, "https://n.example/x", kind=kind)
        except ParseError:
            continue
        assert isinstance(extract_documents(documents, HS2), list)


MARKUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "<rss>",
        "<item>",
        "<title>",
        "</item>",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&nbsp;",
        "<iframe src='https://youtu.be/QP4va9IrcZo'>",
        "Heartstopper",
        "Season 2",
        "premieres",
        "3 August",
        "trailer",
        "<?xml version='1.0'?>",
        "<feed>",
        "<entry>",
        "\x00",
        "<script>",
        "'",
        '"',
        "<",
        ">",
        "&#",
        "\u00a0",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=60))
def test_generated_junk_markup_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        documents = parse_documents(text, "https://n.example/x")
    except ParseError:
        return
    assert isinstance(extract_documents(documents, HS2), list)


ATOM_XHTML_PLAYER = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Clips</title>
<entry><id>clip-1</id><title>New today</title><updated>2023-07-13T00:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Watch below.</p>
<iframe title="Heartstopper Season 2 | Official Trailer"
 src="https://www.youtube.com/embed/OoXeC5EaVDA"></iframe></div></content></entry>
</feed>"""

RSS_ENTITY_NAME = RSS.replace(
    "<![CDATA[<p>Netflix confirmed Heartstopper Season 2",
    "<![CDATA[<p>Netflix confirmed &#72;eartstopper Season 2",
).replace("<title>Heartstopper Season 2 gets a date</title>", "<title>A date</title>")


RSS_TAG_IN_NAME = RSS_ENTITY_NAME.replace("&#72;eartstopper", "Heart<wbr>stopper")


@pytest.mark.parametrize("feed", [ATOM_XHTML_PLAYER, RSS_ENTITY_NAME, RSS_TAG_IN_NAME])
def test_an_entrys_raw_words_hold_the_names_its_reading_finds(feed: str) -> None:
    pending = pending_documents(feed, "https://n.example/feed")[0]
    document = pending.read()
    assert extract(document, HS2)  # the name is only in an attribute / an HTML entity
    assert may_mention(pending.words(), [HS2])
    assert (pending.key, pending.fingerprint) == (document.key, document.fingerprint)


def test_an_entry_is_known_by_key_and_fingerprint_before_it_is_read() -> None:
    first = pending_documents(RSS, "https://n.example/feed")
    again = pending_documents(RSS, "https://n.example/feed")
    assert [(p.key, p.fingerprint) for p in first] == [(p.key, p.fingerprint) for p in again]
    assert [p.key for p in first] == ["hs2-date", "https://n.example/other"]
    assert [p.kind for p in first] == ["entry", "entry"]


NESTED_FURNITURE = (
    "<html><body><nav class='site-nav'><h2>Menu <aside>deep</aside> tail</h2>"
    "<a href='https://youtu.be/QP4va9IrcZo'>Trailer</a></nav>"
    "<h1>Title <span class='share'>share</span><div class='related'>inner</div> end</h1>"
    "<p>Body <iframe data-foo='youtube' src='https://www.youtube.com/embed/QP4va9IrcZo'"
    " title='Player'></iframe> text</p><dl><dt>Premiere</dt><dd>August 3</dd></dl>"
    "<p data-note='youtube fan'>no video here</p></body></html>"
)


def test_furniture_and_headings_nested_in_each_other_keep_their_marks() -> None:
    page = read_page(NESTED_FURNITURE)
    assert [(b.text, b.heading, b.chrome) for b in page.blocks] == [
        ("Menu", True, True),
        ("deep", True, True),
        ("tail", True, True),
        ("Trailer", False, True),
        ("Title share", True, False),
        ("inner", True, True),
        ("end", True, False),
        ("Body", False, False),
        ("text", False, False),
        ("Premiere | August 3", False, False),
        ("no video here", False, False),
    ]
    watch = "https://www.youtube.com/watch?v=QP4va9IrcZo"
    assert page.videos == (
        Video(watch, "Trailer", 3, chrome=True, embedded=False),
        Video(watch, "Player", 8, chrome=False, embedded=True),
    )


def test_every_unicode_space_collapses_and_soft_hyphens_vanish() -> None:
    text = "a\u00a0\u00a0b\x1c\x1dc\u2028d\u3000e\x85f\u00adg\u200bh\t\r\n i"
    assert read_fragment(f"<p>{text}</p>") == ((Block("a b c d e fgh i"),), ())
    assert read_fragment(text) == ((Block("a b c d e fgh i"),), ())


# -- a feed's entries asked about on their raw XML (issue 18) ---------------------------

SAVAGE = Watch("Savage Empire", 2)


def _rss(*items: str, head: str = "") -> str:
    body = "".join(
        f"<item><title>{title}</title><guid>g{n}</guid>"
        f"<description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"
        for n, (title, text) in enumerate(item.split("|") for item in items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{head}{body}</channel></rss>'


def test_a_feeds_entries_are_asked_about_on_their_own_xml() -> None:
    feed = _rss(
        "Savage Kingdom returns|Empire Records on stage",
        "A date|&lt;em&gt;Savage&lt;/em&gt; Empire Season 2 arrives 3 May",
        "Other news|Sav&amp;#97;ge Emp&amp;iacute;re, renewed",  # entities escaped once more
    )
    pendings = pending_documents(feed, "https://n.example/feed")
    assert all(p.item is not None and p.item.span is not None for p in pendings)
    assert may_name(pendings, [SAVAGE]) == [False, True, True]
    # Each answer is the entry's own: asking about one alone gives the same.
    assert [may_name([p], [SAVAGE])[0] for p in pendings] == [False, True, True]


def test_a_name_running_from_one_entry_into_the_next_is_in_neither() -> None:
    feed = _rss("First|ends with Savage", "Empire of dust|nothing")
    assert may_name(pending_documents(feed, "https://n.example/feed"), [SAVAGE])[1] is False


def test_a_common_word_is_asked_of_the_entrys_words_after_its_xml() -> None:
    # The raw XML only says the word is there; whether it is a date or the show is
    # `mentioned`'s second condition, asked of the words next (the cycle does).
    feed = _rss("On Wednesday|the council met", "Nothing|about anything")
    assert may_name(pending_documents(feed, "u"), [Watch("Wednesday", 2)]) == [True, False]


@pytest.mark.parametrize(
    "feed",
    [
        # A comment lxml drops could join a name's letters; CDATA sections are joined.
        _rss("Sav<!-- x -->age Empire returns|text", "Other|text"),
        _rss("Sav<![CDATA[ag]]><![CDATA[e]]> Empire returns|text", "Other|text"),
        # An entry tag inside CDATA: the tags written do not line up with the entries.
        _rss("<![CDATA[<item>]]> Savage Empire|text", "Other|text"),
        # Recovered XML: where an entry starts is lxml's guess, not the text's.
        _rss("Savage Empire & more|text", "Other|text"),
        # Not ASCII (asked entry by entry), an entity that spells a letter.
        _rss("Savage Empire – Season 2|text", "Other|naïve"),
        _rss("&#83;avage Empire|text", "Other|text"),
    ],
)
def test_an_entry_whose_xml_cannot_be_placed_is_asked_about_as_before(feed: str) -> None:
    pendings = pending_documents(feed, "https://n.example/feed")
    assert [may_mention(p.words(), [SAVAGE]) for p in pendings] == [True, False]
    assert may_name(pendings, [SAVAGE])[0] is True


def test_an_entrys_words_part_its_fields() -> None:
    # Minified XML: the title's last word and the link's first are not one word.
    feed = _rss("Savage Empire|text").replace("<guid>", "<link>https://n.example/x</link><guid>")
    [pending] = pending_documents(feed, "https://n.example/feed")
    assert may_mention(pending.words(), [SAVAGE])
    assert extract(pending.read(), SAVAGE) == []  # nothing to find: only its words matter


def test_atom_entries_with_a_prefix_are_placed() -> None:
    feed = (
        '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>t</a:title>'
        "<a:entry><a:id>1</a:id><a:title>Nothing here</a:title></a:entry>"
        "<a:entry><a:id>2</a:id><a:title>Savage Empire Season 2</a:title></a:entry></a:feed>"
    )
    pendings = pending_documents(feed, "https://n.example/feed")
    assert [p.key for p in pendings] == ["1", "2"]
    assert all(p.item is not None and p.item.span is not None for p in pendings)
    assert may_name(pendings, [SAVAGE]) == [False, True]
