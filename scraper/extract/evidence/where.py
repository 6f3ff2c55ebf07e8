"""Where the date sits: page furniture, bylines, datelines, headlines, fields."""

from __future__ import annotations

import re
from datetime import timedelta

from scraper.extract import cues
from scraper.extract.candidates import DateCandidate, update_stamp
from scraper.extract.evidence.rules import View, found, rule
from scraper.extract.reading import Subject
from scraper.models import Watch

# ---------------------------------------------------------------- where it sits


@rule(
    "furniture",
    -4,
    "the sentence is page furniture: navigation, a related or trending "
    "rail, a link-dense list, comments, a footer",
    "Trending: Wednesday season 2 arrives Aug. 6",
)
def _furniture(c: DateCandidate, v: View, w: Watch) -> str | None:
    return "in page furniture" if c.sentence.chrome else None


@rule(
    "byline_or_stamp",
    -3,
    "the sentence is a byline or an updated/published stamp",
    "By Dana Roe \u00b7 Updated December 1, 2026",
)
def _byline(c: DateCandidate, v: View, w: Watch) -> str | None:
    if len(v.text) > 160:
        return None
    return found(_STAMP, v.text)


_HOUR = re.compile(r"\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?", re.IGNORECASE)
_STAMP = re.compile(
    r"^\W*(?:by\s+[A-Z][\w.'-]+|(?:last\s+)?updated(?:\s+on)?|published(?:\s+on)?|posted(?:\s+on)?|"
    r"first\s+published)\b|\s[\u00b7\u2022]\s",
    re.IGNORECASE,
)


@rule(
    "update_note",
    1.5,
    "the sentence is the article's update or correction note: what it dates supersedes "
    "what the article said before",
    "UPDATE 7/11: Season 2 now arrives on Oct. 27 (the story said Halloween)",
)
def _update_note(c: DateCandidate, v: View, w: Watch) -> str | None:
    note = cues.UPDATE_NOTE.match(v.text)
    if note is None or c.mention.start < note.end():
        return None  # (the note's own date, "UPDATE (Dec. 3):", is when, not what)
    stamp = update_stamp(c.sentence, c.doc)
    if stamp is not None and c.doc.latest_update is not None and stamp < c.doc.latest_update:
        return None  # a later note supersedes this one as this one did the story
    return note.group().strip()


@rule(
    "furniture_role",
    -3,
    "the page marks the date's block as a byline, dateline, comment, related rail or navigation",
    "a reader comment: 'I bet it comes out March 3'",
)
def _furniture_role(c: DateCandidate, v: View, w: Watch) -> str | None:
    role = c.sentence.role
    return f"a {role} block" if role in cues.FURNITURE_ROLES else None


@rule(
    "points_to_another_article",
    -4,
    "the sentence points the reader to another article of the site (a house promo), "
    "whatever date it names",
    "And for more on Netflix, find out which drama is coming back in 2016!",
)
def _pointer(c: DateCandidate, v: View, w: Watch) -> str | None:
    return found(cues.POINTER, v.text[:200])


@rule(
    "release_field",
    3,
    "a labeled release field or table cell: 'Release date: ...', a 'Premiere' column",
    "Release date: January 15, 2027",
)
def _release_field(c: DateCandidate, v: View, w: Watch) -> str | None:
    label = v.text[: c.mention.start]
    if len(label) > 60 and c.sentence.role not in cues.FIELD_ROLES:
        return None
    return found(cues.RELEASE_FIELD, label)


@rule(
    "series_run",
    -6,
    "a field or row gives a run that is still going ('February 4, 2022 – present'): the "
    "series' start, its first season's, not a later season's",
    "Release | February 4, 2022 – present (watching season 4)",
)
def _series_run(c: DateCandidate, v: View, w: Watch) -> str | None:
    if w.season in (None, 1) or c.sentence.role not in cues.FIELD_ROLES:
        return None
    run = cues.RUN_TO_PRESENT.match(v.text, c.mention.end)
    return run.group().strip() if run else None


@rule(
    "the_article_date",
    -2,
    "the date is the article's own publish or update date (from its metadata or byline)",
    "an article published 2025-06-11 that says 'June 11'",
)
def _own_date(c: DateCandidate, v: View, w: Watch) -> str | None:
    # (a release verb governing it says otherwise: a page without metadata takes its
    # date from its first dated line, which may be the announcement itself)
    if c.doc.tonight and _HOUR.fullmatch(v.text, c.mention.start, c.mention.end):
        return None  # a listing's hour on a tonight page: the page's day is its date
    if c.mention.precision == "day" and c.mention.value in c.doc.own_dates and v.event != "release":
        return f"the article's own date {c.mention.value}"
    return None


@rule(
    "press_dateline",
    -4,
    "the date opens a press dateline, before the story's first verb",
    "LOS ANGELES, Dec. 16, 2024 /PRNewswire/ --",
)
def _dateline(c: DateCandidate, v: View, w: Watch) -> str | None:
    if c.sentence.role in cues.FIELD_ROLES:
        return None  # "Original run | January 10, 2023 – June 20, 2023": a range, not a dateline
    if _LISTED_DAY.match(v.text, c.mention.start):
        return None  # "Thursday, June 5 — Ginny & Georgia: Season 3": a guide's line
    after = v.text[c.mention.end : c.mention.end + 40]
    before = v.text[: c.mention.start]
    if _WEEKDAY.match(before + v.text[c.mention.start : c.mention.end]):
        return None  # "Thursday, June 5 — <title>": a schedule line, not a dateline
    if len(before) > 60 or cues.RELEASE.search(before):
        return None
    if c.doc.foreign and cues.FOREIGN_RELEASE.search(before):
        return None  # "Die dritte Staffel startet am 4. Juli – ...": the story's verb came first
    if _RANGE_AFTER.match(after):
        return None  # "Title, Season 4 — Sundays, January 7 – February 25": a run's start
    if _after_the_page(c):
        return None  # "June 29 -- Death at a Funeral (MGM), Ratatouille (Disney)" in a
        # March preview: a dateline dates the story, never a day weeks after the page's
    if _DATELINE_AFTER.match(after) or (
        # any wire's or outlet's name in brackets ("July 23 (Uptake) --") on the
        # article's own day: a guide's "June 5 (Netflix) - <title>" is another day's
        _ANY_SOURCE_AFTER.match(after) and c.mention.value in c.doc.own_dates
    ):
        return (before + v.text[c.mention.start : c.mention.end] + after).strip()[:80]
    return None


def _after_the_page(c: DateCandidate) -> bool:
    """The date lies more than a week after the page's own date (known to the day)."""
    published = c.doc.published
    if published is None or c.mention.precision != "day":
        return False
    return c.mention.value > (published + timedelta(days=7)).isoformat()


# A dash and another date after the date: a run ("January 7 – February 25"), no dateline.
_RANGE_AFTER = re.compile(
    r"^\s*(?:--|\u2014|\u2013|-)\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:[0-3]?\d\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.IGNORECASE,
)
_ANY_SOURCE_AFTER = re.compile(r"^\s*\([A-Z][\w.&' ]{0,25}\)\s*(?:--|\u2014|\u2013|-\s)")
_WEEKDAY = re.compile(r"\W*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_LISTED_DAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
_DATELINE_AFTER = re.compile(
    r"^\s*(?:/\s*[A-Z][\w ]*/|\((?:UPI|AP|Reuters|AFP|PRNewswire|Business\s+Wire|"
    r"GLOBE\s+NEWSWIRE|Deadline)\)|[A-Z]{2,}(?:\s+[A-Z]{2,})*)?\s*(?:--|\u2014|\u2013|-\s)"
)


@rule(
    "another_story",
    -4,
    "the sentence belongs to another story: a heading or a topic "
    "shift ('Meanwhile, ...') moved the subject and the watch is not named",
    "Meanwhile, Bridgerton returns May 16.",
)
def _another_story(c: DateCandidate, v: View, w: Watch) -> str | None:
    s = c.sentence
    return (
        "the passage is about another title"
        if s.subject == Subject.OTHER and not s.names_title
        else None
    )


@rule(
    "headline",
    0,
    "the date is in the headline or a heading",
    "Heartstopper Season 2 Arrives Aug. 3",
)
def _headline(c: DateCandidate, v: View, w: Watch) -> str | None:
    return "heading" if c.sentence.heading or c.sentence.block == -1 else None


@rule(
    "year_inferred",
    -0.5,
    "the page gives no publish date: the date's year came from its URL (/2018/05/), a "
    "publish month without a day, or the latest full date in its text, a fallback",
    "'starts streaming Sept. 2' on a page filed under /2016/08/",
)
def _year_inferred(c: DateCandidate, v: View, w: Watch) -> str | None:
    source = c.mention.inferred
    said = {"url": "URL", "meta": "publish month (no day)", "headline": "headline"}.get(
        source, "other dates"
    )
    return f"year from the page's {said}" if source else None


@rule(
    "page_never_names_watch",
    -4,
    "no sentence of the page names the watch's title: its dates are another story's",
    "a page about another show: 'The Final Season Arrives in 2025'",
)
def _never_named(c: DateCandidate, v: View, w: Watch) -> str | None:
    return None if c.doc.names_watch else "the title is nowhere on the page"
