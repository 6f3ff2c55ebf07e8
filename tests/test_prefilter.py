"""The pre-filter decides on the whole name (issue 18). That it never hides a document
with findings is proved over every labeled corpus in tests/test_extract_corpus.py."""

from __future__ import annotations

import random
import time

import pytest

from scraper.models import Watch
from scraper.parse.prefilter import _mentioned_without_context, may_mention, mentioned

SAVAGE_EMPIRE = Watch("Savage Empire", 2)
WEDNESDAY = Watch("Wednesday", 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<li>Savage Kingdom</li><li>Empire Records</li>", False),
        ("Savage Kingdom Season 3 and Boardwalk Empire", False),
        ("Empire Savage", False),  # the words out of order
        ("Savage Empires of the North", False),  # another word
        ("<h1>Savage Empire Season 2</h1>", True),
        ("SAVAGE&nbsp;<em>Empire</em> returns", True),  # entity and inline tag between
        ("Savage\n   Empire", True),
        ("savage-empire", True),
        ("Sav<b>age</b> Emp&#105;re", True),  # a tag inside a word, a letter as an entity
        ("Savàge Émpire", True),
        ("&lt;p&gt;Savage Empire", True),
        # A feed's escaped HTML: to the reader "&lt;/em&gt;" is a tag like "</em>".
        ("&lt;em&gt;Savage&lt;/em&gt; Empire", True),
        ("&lt;a href=&quot;/s?a=1&amp;b=2&quot;&gt;Savage&lt;/a&gt; Empire", True),
        ("Sav&lt;b&gt;age&lt;/b&gt; Empire", True),
        # A tag splitting the first word at each place: its head before the tag is found
        # by the word's own pattern, its tail after the tag by the tails' scan.
        ("S<b>avage</b> Empire", True),
        ("Sa<b>vage</b> Empire", True),
        ("Sava<b>ge</b> Empire", True),
        ("Savag<b>e</b> Empire", True),
        ("Savag&lt;b&gt;e&lt;/b&gt; Empire", True),
        ("S&lt;b&gt;avage Empire", True),
        ("Savage Kingdom, sav<b>age</b> Empire", True),  # after a whole "savage"
        ("Sav<b>ings</b> and an Empire", False),
        ("Savage &lt;em&gt;Kingdom&lt;/em&gt; Empire", False),
        # Entities escaped once more, as a feed's HTML content writes them.
        ("Savage&amp;nbsp;Empire", True),
        ("Sav&amp;#97;ge Emp&amp;iacute;re", True),
        ("Savage&amp;b=2 Empire", False),
    ],
)
def test_the_whole_name_in_order_is_needed(text: str, expected: bool) -> None:
    assert may_mention(text, [SAVAGE_EMPIRE]) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The network said on Wednesday that ratings were up.", False),
        ("Ratings fell last Wednesday.", False),
        ("By Staff writer 3, Wednesday 8 March 2023", False),
        ("Published Wednesday, Aug. 6, in print.", False),
        ("<h1>Wednesday</h1><p>Jenna Ortega returns.</p>", True),
        ("<title>Wednesday | Netflix</title>", True),
        ("Wednesday Season 2 arrives on 6 August.", True),
        ("The trailer for Wednesday is out.", True),
        ("Wednesday returns in August 2025.", True),
        # Dates as the extractor reads them, no more: it takes "Aug" for a month, not
        # "AUG", and reads "Ann<i>on" as one word, "Annon".
        ("WEDNESDAY, AUG 6 is the premiere.", True),
        ("Ann<i>on Wednesday</i>, the premiere.", True),
        ("<h1>Wed<b>nesday</b></h1>", True),
        ("<h1>Wednes<b>day</b></h1>", True),
        ("<h1>W<b>ednesday</b></h1>", True),
    ],
)
def test_a_title_that_is_a_common_word_needs_a_second_condition(text: str, expected: bool) -> None:
    assert may_mention(text, [WEDNESDAY]) is expected
    # Without that condition each of them would go on to a full read.
    assert _mentioned_without_context(text, [WEDNESDAY]) == [WEDNESDAY]


def test_mentioned_says_which_watches_a_text_names() -> None:
    empire = Watch("Empire", None)
    savage = Watch("Savage", None)
    watches = [SAVAGE_EMPIRE, WEDNESDAY, empire, savage]
    # Names inside a longer name count too: "Empire" and "Savage" are in it.
    assert mentioned("<p>Savage Empire season 2</p>", watches) == [SAVAGE_EMPIRE, empire, savage]
    assert mentioned("<p>Savage Kingdom</p>", watches) == [savage]
    # "Empire" is a common word: alone, with nothing of a show's news near it, it is not.
    assert mentioned("<li>Galactic Empire</li>", watches) == []
    # A name starting inside another's match: "Savage Savage Empire" holds both.
    doubled = Watch("Savage Savage", None)
    assert mentioned("Savage Savage Empire", [SAVAGE_EMPIRE, doubled]) == [SAVAGE_EMPIRE, doubled]
    assert mentioned("", watches) == []
    assert mentioned("Savage Empire", []) == []


def test_a_leading_article_may_be_dropped_as_the_extractor_allows() -> None:
    watch = Watch("The Last of Us", 2)
    assert may_mention("Last of Us season 2 gets a date", [watch])
    assert not may_mention("The last one of us", [watch])


def _title(rng: random.Random) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return " ".join(
        "".join(rng.choices(letters, k=rng.randint(4, 9))).capitalize()
        for _ in range(rng.randint(1, 3))
    )


def test_thousands_of_watches_are_one_scan_not_a_loop() -> None:
    """The work per byte of text is bounded by the longest name (a trie), not by the
    number of watches: 2,000 watches cost a small multiple of 30 on the same text,
    where a loop over watches would cost ~65 times as much."""
    rng = random.Random(18)
    many = [Watch(_title(rng), 1) for _ in range(2000)]
    few = many[:30]
    filler = " ".join(_title(rng) for _ in range(8000))  # ~160 KB of title-like words
    text = f"<p>{filler} {many[1999].title} season 1 {filler}</p>"
    assert many[1999] in mentioned(text, many)
    assert many[1999] not in mentioned(text, few)

    def cost(watches: list[Watch]) -> float:
        mentioned(text, watches)  # compiled once, as a cycle does for its watches
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            mentioned(text, watches)
            best = min(best, time.process_time() - started)
        return best

    assert cost(many) < 10 * cost(few) + 0.05


def test_a_feed_whose_escaped_html_parts_the_name_is_read() -> None:
    """The whole body is filtered before its entries are: an escaped tag between the
    name's words ("&lt;em&gt;Savage&lt;/em&gt; Empire", as RSS descriptions write
    emphasis) must not hide a feed whose entry the extractor finds the name in."""
    from scraper.extract import extract
    from scraper.parse.documents import parse_documents

    feed = (
        '<rss version="2.0"><channel><title>TV</title><item><title>News</title>'
        "<link>https://example.org/1</link><guid>1</guid>"
        "<pubDate>Mon, 03 Apr 2023 10:00:00 GMT</pubDate><description>&lt;p&gt;&lt;em&gt;"
        "Savage&lt;/em&gt; Empire season 2 arrives on 3 August 2023, Netflix announced."
        "&lt;/p&gt;</description></item></channel></rss>"
    )
    for written in ("&lt;em&gt;Savage&lt;/em&gt; Empire", "Savage&amp;nbsp;Empire",
                    "Sav&amp;#97;ge Empire"):
        body = feed.replace("&lt;em&gt;Savage&lt;/em&gt; Empire", written)
        [document] = parse_documents(body, "https://example.org/feed", kind="feed")
        assert extract(document, SAVAGE_EMPIRE), written  # the extractor reads a date in it
        assert may_mention(body, [SAVAGE_EMPIRE]), written
