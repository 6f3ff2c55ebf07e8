"""The scripted story `releasewatch demo` replays: six moments in the news of one show.

The show, the streamer, the outlets and the video ids are invented; the pages are
written like real ones (head metadata, JSON-LD, navigation, related links about
other shows, footers) so the pipeline reads them exactly as it reads the web.

Dates are relative to the day the demo runs, so the story is never "old news":
the premiere is a Friday about three months ahead, and is later moved three weeks.
"""

from __future__ import annotations

import html
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.utils import format_datetime

TITLE = "The Glass Orchard"
SEASON = 2
STREAMER = "Halcyon+"

TEASER_ID = "gO7tEaSr2k4"
TRAILER_ID = "Rv3QmOrch9X"

# Roles of the documents the story publishes: what a careful reader would make of each.
SPECULATION = "speculation"  # a guess, a hope: never an alert
NEGATION = "negation"  # "no release date yet": never an alert
ANNOUNCEMENT = "announcement"
REPEAT = "repeat"  # a known fact, reported again by another outlet
STALE = "stale"  # an outlet still printing the earlier date after a change
TEASER = "teaser"
TRAILER = "trailer"
CHANGE = "change"
NOT_NEWS = {SPECULATION, NEGATION}


@dataclass(frozen=True)
class StorySource:
    name: str
    path: str  # on the local news site
    type: str  # page | feed
    content_type: str


OFFICIAL = StorySource(
    "Halcyon+ Newsroom", "/halcyon/newsroom/the-glass-orchard", "page", "text/html; charset=utf-8"
)
LEDGER = StorySource(
    "Screen Ledger", "/screenledger/feed/", "feed", "application/rss+xml; charset=utf-8"
)
COUCH = StorySource(
    "The Couch Report",
    "/couchreport/tv/the-glass-orchard-season-2-release-date-cast-news",
    "page",
    "text/html; charset=utf-8",
)
VIDEOS = StorySource(
    "Halcyon+ on YouTube",
    "/feeds/videos.xml?channel_id=UCh4lcy0nPlusTV8o2s9QxTa",
    "feed",
    "application/atom+xml; charset=utf-8",
)
SOURCES = (OFFICIAL, LEDGER, COUCH, VIDEOS)


@dataclass(frozen=True)
class Published:
    """One document that appears (or changes) at a step, as a person would describe it."""

    source: StorySource
    role: str
    what: str


@dataclass
class Step:
    title: str
    published: list[Published]
    bodies: dict[str, str] = field(default_factory=dict)  # source path -> full body now


@dataclass(frozen=True)
class Dates:
    today: date
    premiere: date  # the date first announced
    moved_to: date  # the date it is moved to
    season1: date  # Season 1's premiere, a year before: another season's date

    @classmethod
    def around(cls, today: date) -> Dates:
        first = today + timedelta(days=90)
        first += timedelta(days=(4 - first.weekday()) % 7)  # a Friday, as streamers like
        return cls(today, first, first + timedelta(days=21), first - timedelta(days=364))

    def day(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)


def uk(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


def us(d: date) -> str:
    return f"{d:%A}, {d:%B} {d.day}, {d.year}"


def short(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def rfc822(d: date, hour: int = 9) -> str:
    return format_datetime(datetime(d.year, d.month, d.day, hour, 0), usegmt=False)


def iso(d: date, hour: int = 9) -> str:
    return f"{d.isoformat()}T{hour:02d}:00:00+00:00"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


# -- the pages ------------------------------------------------------------------------------


def _page(
    *,
    site: str,
    site_url: str,
    url: str,
    headline: str,
    summary: str,
    published: date,
    modified: date,
    author: str,
    nav: list[str],
    body: str,
    related: list[str],
    extra_head: str = "",
) -> str:
    """An article page the way news sites build them: metadata, JSON-LD, chrome, article."""
    nav_items = "".join(f'<li><a href="{site_url}/{n.lower()}/">{esc(n)}</a></li>' for n in nav)
    related_items = "".join(
        f'<li><a href="{site_url}/tv/{i}/">{esc(r)}</a></li>' for i, r in enumerate(related, 1)
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(headline)} | {esc(site)}</title>
<meta name="description" content="{esc(summary)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{esc(site)}">
<meta property="og:title" content="{esc(headline)}">
<meta property="og:description" content="{esc(summary)}">
<meta property="og:url" content="{esc(url)}">
<meta property="article:published_time" content="{iso(published)}">
<meta property="article:modified_time" content="{iso(modified, 15)}">
<link rel="canonical" href="{esc(url)}">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{esc(headline)}", "datePublished": "{iso(published)}",
"dateModified": "{iso(modified, 15)}", "author": {{"@type": "Person", "name": "{esc(author)}"}},
"publisher": {{"@type": "Organization", "name": "{esc(site)}"}}}}</script>
{extra_head}
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "tv"}});</script>
</head>
<body>
<header class="site-header">
  <a class="logo" href="{site_url}/">{esc(site)}</a>
  <nav aria-label="Main"><ul>{nav_items}</ul></nav>
  <form class="search" action="{site_url}/search"><input name="q" placeholder="Search"></form>
</header>
<main>
<article class="story">
  <h1>{esc(headline)}</h1>
  <p class="standfirst">{esc(summary)}</p>
  <p class="byline">By <span class="author">{esc(author)}</span> ·
    <time datetime="{published.isoformat()}">{short(published)}</time>
    {"" if modified == published else f'· Updated <time datetime="{modified.isoformat()}">'
     f"{short(modified)}</time>"}</p>
{body}
</article>
<aside class="related">
  <h2>More on TV</h2>
  <ul>{related_items}</ul>
</aside>
</main>
<footer>
  <p>&copy; {published.year} {esc(site)}. All rights reserved.</p>
  <a href="{site_url}/privacy">Privacy</a> · <a href="{site_url}/terms">Terms</a> ·
  <a href="{site_url}/newsletter">Newsletter</a>
</footer>
</body>
</html>
"""


def _paragraphs(*texts: str) -> str:
    return "\n".join(f"  <p>{esc(t)}</p>" for t in texts)


def official_page(d: Dates, stage: int) -> str:
    """Halcyon+'s own page for the show: no date, then the date, the trailer, the move."""
    url = "https://www.halcyonplus.example/newsroom/the-glass-orchard"
    related = [
        "Harbour Lights Season 3: first look",
        "Paper Crowns: meet the new cast",
        "Everything coming to Halcyon+ this month",
    ]
    nav = ["Shows", "Films", "Newsroom", "Schedule"]
    if stage == 0:
        return _page(
            site="Halcyon+ Newsroom", site_url="https://www.halcyonplus.example", url=url,
            headline="The Glass Orchard Season 2: everything we can tell you so far",
            summary="The Calloway sisters return to the orchard for a second season.",
            published=d.day(60), modified=d.day(60), author="Halcyon+ Press Office",
            nav=nav, related=related,
            body=_paragraphs(
                "The Glass Orchard is coming back. Season 2 finished filming in the Wye "
                "Valley this spring and is now in post-production.",
                "A release date for Season 2 has yet to be announced. Sign up for our "
                "newsletter and you will be among the first to know.",
                f"Season 1 premiered on {uk(d.season1)} and became the most-watched drama "
                "on Halcyon+ in its first month.",
            ),
        )
    paragraphs = []
    head = ""
    if stage >= 3:
        paragraphs.append(
            "Halcyon+ has moved the premiere of The Glass Orchard Season 2 to "
            f"{uk(d.moved_to)}, three weeks later than first planned, to give the final "
            "episodes more time in the edit."
        )
    paragraphs.append(
        f"The Glass Orchard Season 2 premieres on {uk(d.premiere)}, exclusively on "
        "Halcyon+, the streamer announced today."
        if stage < 3
        else f"The season had originally been scheduled for {uk(d.premiere)}."
    )
    paragraphs.append(
        "All eight episodes will be released at once. Maeve Calloway returns as Ivy, "
        "with Jonah Reyes and Pia Lindqvist joining the cast."
    )
    if stage >= 2:
        embed = f"https://www.youtube.com/embed/{TRAILER_ID}"
        paragraphs.append(
            "Halcyon+ has released the official trailer for The Glass Orchard Season 2. "
            "Watch it below."
        )
        head = (
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "VideoObject", "name": "The Glass Orchard: Season 2 | Official Trailer",'
            f' "uploadDate": "{iso(d.day(7), 16)}", "embedUrl": "{embed}"}}</script>'
        )
    body = _paragraphs(*paragraphs)
    if stage >= 2:
        body += (
            '\n  <figure class="video"><iframe width="560" height="315" '
            f'src="https://www.youtube.com/embed/{TRAILER_ID}" title="The Glass Orchard: '
            'Season 2 | Official Trailer" allowfullscreen></iframe></figure>'
        )
    headline = (
        f"The Glass Orchard Season 2 moves to {short(d.moved_to)}"
        if stage >= 3
        else f"The Glass Orchard Season 2 arrives {short(d.premiere)}"
    )
    modified = {1: d.day(35), 2: d.day(7), 3: d.today}[stage]
    return _page(
        site="Halcyon+ Newsroom", site_url="https://www.halcyonplus.example", url=url,
        headline=headline,
        summary="The Calloway sisters return to the orchard for a second season.",
        published=d.day(35), modified=modified, author="Halcyon+ Press Office",
        nav=nav, related=related, body=body, extra_head=head,
    )


def couch_page(d: Dates, stage: int) -> str:
    """An evergreen "release date, cast, news" article, updated as news comes in."""
    url = "https://www.thecouchreport.example/tv/the-glass-orchard-season-2-release-date-cast-news"
    when = [
        "The Glass Orchard Season 2: when will it be out? Halcyon+ has not said yet.",
        "Season 2 finished filming in the spring, and the first season arrived about a "
        "year after its own shoot wrapped, so our best guess is early next year. We would "
        "love to see it sooner, and fans on social media are hoping for a spring release, "
        "but nothing is confirmed.",
    ]
    if stage >= 1:
        when = [
            f"Halcyon+ has confirmed that The Glass Orchard Season 2 arrives on "
            f"{us(d.premiere)}, with all eight episodes dropping at once."
        ]
    cast = [
        "Maeve Calloway is back as Ivy, and Season 2 adds Jonah Reyes as the orchard's "
        "new owner and Pia Lindqvist as a visiting glassblower.",
        f"For a refresher, Season 1 premiered on {us(d.season1)}.",
    ]
    if stage >= 2:
        cast.append(
            "Reyes told us the new season is \u201cquieter and stranger\u201d than the first, "
            "and that the finale was shot in a single night."
        )
    body = (
        "  <h2>Release date</h2>\n" + _paragraphs(*when)
        + "\n  <h2>Cast</h2>\n" + _paragraphs(*cast)
        + "\n  <h2>Trailer</h2>\n" + _paragraphs(
            "There is no trailer yet. We will add it here as soon as Halcyon+ releases one."
        )
    )
    modified = {0: d.day(50), 1: d.day(34), 2: d.today}[stage]
    return _page(
        site="The Couch Report", site_url="https://www.thecouchreport.example", url=url,
        headline="The Glass Orchard Season 2: release date, cast and everything we know",
        summary="Everything we know about the return of the Calloway sisters.",
        published=d.day(120), modified=modified, author="Dana Whitfield",
        nav=["TV", "Streaming", "Reviews", "Podcasts"],
        related=[
            "Best new shows to stream this weekend",
            "Harbour Lights Season 3 release date",
            "The 20 best British dramas of the decade",
        ],
        body=body,
    )


# -- the feeds ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    title: str
    slug: str
    day: date
    text: str  # paragraphs separated by blank lines
    author: str = "Screen Ledger Staff"


def ledger_feed(d: Dates, stage: int) -> str:
    """A trade's RSS feed: mostly other shows, a few items about ours."""
    items = [
        Item(
            "Harbour Lights renewed for a fourth season ahead of its Season 3 premiere",
            "harbour-lights-renewed-season-4", d.day(62),
            "Harbour Lights Season 3 premieres on Halcyon+ on "
            f"{short(d.day(62) + timedelta(days=45))}, and the streamer has already ordered a "
            "fourth.\n\nThe coastal mystery is Halcyon+'s longest-running drama.",
        ),
        Item(
            "The Glass Orchard wraps Season 2; no release date yet",
            "the-glass-orchard-wraps-season-2", d.day(58),
            "Production on The Glass Orchard Season 2 has wrapped in the Wye Valley, the "
            "show's producers said on Tuesday.\n\nHalcyon+ has not announced a release date "
            "for the new season, and a spokesperson would only say it is coming "
            "\u201cwhen it is ready\u201d. Season 1 premiered on "
            f"{short(d.season1)}.",
        ),
        Item(
            "Paper Crowns casts three newcomers for its period drama",
            "paper-crowns-casts-newcomers", d.day(55),
            "Paper Crowns, the period drama set in a 1920s printing house, has cast three "
            "newcomers in leading roles. Filming starts in the autumn.",
        ),
    ]
    if stage >= 1:
        items.append(
            Item(
                f"Halcyon+ sets {short(d.premiere)} premiere for The Glass Orchard Season 2",
                "halcyon-sets-the-glass-orchard-season-2-premiere", d.day(34),
                f"Halcyon+ has scheduled The Glass Orchard Season 2 for {uk(d.premiere)}, "
                "the streamer said in a statement.\n\nAll eight episodes will drop at once. "
                "The season follows the Calloway sisters as a stranger buys the orchard next "
                "door.",
                "Ravi Menon",
            )
        )
    if stage >= 2:
        items.append(
            Item(
                f"The Glass Orchard Season 2 pushed back three weeks to {short(d.moved_to)}",
                "the-glass-orchard-season-2-pushed-back", d.today,
                f"Halcyon+ has delayed The Glass Orchard Season 2 from {short(d.premiere)} to "
                f"{uk(d.moved_to)}.\n\nA spokesperson said the extra weeks give the final "
                "episodes more time in post-production.",
                "Ravi Menon",
            )
        )
    items.sort(key=lambda i: i.day, reverse=True)
    base = "https://www.screenledger.example"
    entries = "".join(
        f"""
  <item>
    <title>{esc(i.title)}</title>
    <link>{base}/tv/news/{i.slug}/</link>
    <guid isPermaLink="false">{base}/?p={zlib.crc32(i.slug.encode()) % 90000 + 10000}</guid>
    <dc:creator><![CDATA[{i.author}]]></dc:creator>
    <pubDate>{rfc822(i.day)}</pubDate>
    <category><![CDATA[TV]]></category>
    <description><![CDATA[{i.text.split(chr(10))[0]}]]></description>
    <content:encoded><![CDATA[{"".join(f"<p>{esc(p)}</p>" for p in i.text.split(chr(10) * 2))}]]>
    </content:encoded>
  </item>"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Screen Ledger</title>
  <atom:link href="{base}/feed/" rel="self" type="application/rss+xml"/>
  <link>{base}/</link>
  <description>Television business news</description>
  <lastBuildDate>{rfc822(items[0].day, 10)}</lastBuildDate>
  <language>en-GB</language>{entries}
</channel>
</rss>
"""


@dataclass(frozen=True)
class Video:
    id: str
    title: str
    day: date
    description: str


def videos_feed(d: Dates, stage: int) -> str:
    """The streamer's YouTube channel feed (Atom, yt: namespace), newest first."""
    videos = [
        Video("hL3bR7kQp2s", "Harbour Lights: Season 3 | Official Trailer | Halcyon+",
              d.day(40), "The tide is turning. Harbour Lights Season 3, only on Halcyon+."),
        Video("gO1sRec4pX0", "The Glass Orchard | Season 1 Recap | Halcyon+", d.day(52),
              "Catch up on everything that happened in Season 1 before the Calloway sisters "
              "return."),
        Video("pC7nBts9aQ1", "Paper Crowns | Behind the Scenes | Halcyon+", d.day(57),
              "Go behind the scenes at the printing house set."),
    ]
    if stage >= 1:
        videos.append(
            Video(TEASER_ID, "The Glass Orchard: Season 2 | Official Teaser | Halcyon+",
                  d.day(21), f"The Calloway sisters are back. The Glass Orchard Season 2 "
                  f"arrives {short(d.premiere)}, only on Halcyon+.")
        )
    if stage >= 2:
        videos.append(
            Video(TRAILER_ID, "The Glass Orchard: Season 2 | Official Trailer | Halcyon+",
                  d.day(7), "Someone has bought the orchard next door. Watch the official "
                  "trailer for The Glass Orchard Season 2.")
        )
    videos.sort(key=lambda v: v.day, reverse=True)
    channel = "UCh4lcy0nPlusTV8o2s9QxTa"
    entries = "".join(
        f"""
 <entry>
  <id>yt:video:{v.id}</id>
  <yt:videoId>{v.id}</yt:videoId>
  <yt:channelId>{channel}</yt:channelId>
  <title>{esc(v.title)}</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v={v.id}"/>
  <author><name>Halcyon+</name><uri>https://www.youtube.com/channel/{channel}</uri></author>
  <published>{iso(v.day, 16)}</published>
  <updated>{iso(v.day, 16)}</updated>
  <media:group>
   <media:title>{esc(v.title)}</media:title>
   <media:content url="https://www.youtube.com/v/{v.id}?version=3"
     type="application/x-shockwave-flash" width="640" height="390"/>
   <media:thumbnail url="https://i1.ytimg.com/vi/{v.id}/hqdefault.jpg" width="480" height="360"/>
   <media:description>{esc(v.description)}

Subscribe to Halcyon+: https://www.youtube.com/channel/{channel}?sub_confirmation=1</media:description>
  </media:group>
 </entry>"""
        for v in videos
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015"
  xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="http://www.youtube.com/feeds/videos.xml?channel_id={channel}"/>
 <id>yt:channel:{channel}</id>
 <yt:channelId>{channel}</yt:channelId>
 <title>Halcyon+</title>
 <link rel="alternate" href="https://www.youtube.com/channel/{channel}"/>
 <author><name>Halcyon+</name><uri>https://www.youtube.com/channel/{channel}</uri></author>
 <published>2019-02-11T10:00:00+00:00</published>{entries}
</feed>
"""


# -- the script -----------------------------------------------------------------------------

Render = Callable[[Dates, int], str]
RENDER: dict[StorySource, Render] = {
    OFFICIAL: official_page, LEDGER: ledger_feed, COUCH: couch_page, VIDEOS: videos_feed,
}


def story(today: date) -> list[Step]:
    """The six checks of the demo; each step's bodies are every source as it reads then."""
    d = Dates.around(today)
    # (step title, {source: stage}, what was published)
    script: list[tuple[str, dict[StorySource, int], list[Published]]] = [
        (
            "Rumours only: no date, no trailer",
            {OFFICIAL: 0, LEDGER: 0, COUCH: 0, VIDEOS: 0},
            [
                Published(OFFICIAL, NEGATION, "\u201ca release date has yet to be announced\u201d"),
                Published(LEDGER, NEGATION, "\u201cwraps Season 2; no release date yet\u201d"),
                Published(COUCH, SPECULATION, "\u201cour best guess is early next year\u201d"),
            ],
        ),
        (
            "The streamer announces the date",
            {OFFICIAL: 1},
            [Published(OFFICIAL, ANNOUNCEMENT, f"premieres on {uk(d.premiere)}")],
        ),
        (
            "Two other outlets repeat the news",
            {LEDGER: 1, COUCH: 1},
            [
                Published(LEDGER, REPEAT, f"\u201csets {short(d.premiere)} premiere\u201d"),
                Published(COUCH, REPEAT, f"\u201cconfirmed ... arrives on {us(d.premiere)}\u201d"),
            ],
        ),
        (
            "A teaser appears on the streamer's video channel",
            {VIDEOS: 1},
            [Published(VIDEOS, TEASER, "\u201cSeason 2 | Official Teaser\u201d")],
        ),
        (
            "The official trailer is released",
            {VIDEOS: 2, OFFICIAL: 2},
            [
                Published(VIDEOS, TRAILER, "\u201cSeason 2 | Official Trailer\u201d"),
                Published(OFFICIAL, TRAILER, "the trailer embedded on the show's page"),
            ],
        ),
        (
            "The premiere is moved three weeks",
            {OFFICIAL: 3, LEDGER: 2, COUCH: 2},
            [
                Published(OFFICIAL, CHANGE, f"moved to {uk(d.moved_to)}"),
                Published(LEDGER, REPEAT, f"\u201cpushed back to {short(d.moved_to)}\u201d"),
                Published(COUCH, STALE, f"a cast update that still says {us(d.premiere)}"),
            ],
        ),
    ]
    steps: list[Step] = []
    stages: dict[StorySource, int] = {}
    for title, changes, published in script:
        stages.update(changes)
        bodies = {s.path: RENDER[s](d, stage) for s, stage in stages.items()}
        steps.append(Step(title, published, bodies))
    return steps


def story_dates(today: date) -> Dates:
    return Dates.around(today)
