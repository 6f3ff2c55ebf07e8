"""Whose season a date is: the nearest season named, else the passage's subject.

Several rules in governs.py and whose.py ask it, so a candidate asks it once.
"""

from __future__ import annotations

import re
from datetime import date

from scraper.extract import cues
from scraper.extract.candidates import DateCandidate
from scraper.extract.dates import DateMention
from scraper.extract.evidence.rules import View
from scraper.extract.memo import remembered
from scraper.extract.reading import Sentence, Subject
from scraper.extract.scope import named_work
from scraper.extract.subject import Reference, season_references, title_mentions
from scraper.models import Watch


def about_once(c: DateCandidate, v: View, w: Watch) -> str | None:
    """about_watch, asked once per candidate (several rules read it)."""
    if v.about is False:
        v.about = about_watch(c.sentence, c.mention, w) or unnamed_return(c, v, w)
    return v.about  # type: ignore[return-value]


UNNAMED_RETURN = "the title's season start after the page's date"


def unnamed_return(c: DateCandidate, v: View, w: Watch) -> str | None:
    """A schedule's "The Blacklist returns on October 4", watching season 7: a page that
    names no other season of the title by number, reporting the title's season start
    after its own date, reports the watched season's (the season a reader of the page
    watches for). A return so; a premiere on a page about other works too (a network's
    schedule), since alone it may be the show's first. Not a past start (any season's),
    nor a return inside the running season ("returns from its winter break"); the
    unnamed_season_return rule weighs the presumption."""
    if w.season in (None, 1):
        return None
    text = c.sentence.text
    titles = title_mentions(text, w)
    if c.sentence.subject == Subject.OTHER or not titles:
        return None
    if any(start < c.mention.end and c.mention.start < end for start, end, _ in titles):
        return None  # "Friday" of "Friday Night Dinner": a word of the title, no date
    if any(r.season is not None for r in season_references(text, w)):
        return None  # a season named, or "the previous season": about_watch's to judge
        # ("returns for a new season" is the coming one: as good as a return)
    listed = ""
    if v.event is None and (c.sentence.schedule_row or guide_line(c, w, titles)):
        # "| Tuesday, Sept. 24 | 9 p.m. - Title", "— 'Title,' Nov. 21, FX.": the title's
        # first line in a guide on a page of premiere dates starts the season the page is
        # about (a later line of it is a new time slot; a "new series" is the first season)
        listed = c.doc.premiere_list
        if longer_titles_only(text, titles, w):
            return None  # "| 8/7c: Law & Order: SVU": the spin-off's line, not the watch's
        if not listed or c.order != c.doc.first_listing or cues.SERIES_DEBUT.search(text):
            return None
    elif c.doc.seasons - {w.season}:
        return None  # (asked after the sentence's own tests: reading the page's seasons
        # costs more, and most candidates fail one of them first)
    elif v.event != "release" or not cues.SEASON_START.search(v.event_word):
        return None
    elif not cues.COMES_BACK.search(v.event_word) and not c.doc.other_works:
        # "'Dune: Prophecy' premieres November 17" alone: as likely the show's first
        # season; on a schedule among other shows, a premiere is a season's
        return None
    if (v.event_word and cues.PAST_RELEASE.search(v.event_word)) or cues.MIDSEASON.search(
        v.clause
    ):
        return None
    published = c.doc.published or (c.doc.hint.day if c.doc.hint is not None else None)
    if published is None or not _on_or_after(c.mention, published):
        return None
    if listed:
        return f"{UNNAMED_RETURN} (a guide's line on a page of {listed})"
    return f"{UNNAMED_RETURN} ({v.event_word}), no other season of it named"


# A subtitle after the watch's title: 'Law & Order: SVU', 'Dune: Prophecy' (another work;
# not a label such as 'Title: Season 2' or 'Title: Premieres Sept. 27').
SUBTITLE = re.compile(
    r":\s+((?!Season\b|Series\b|Part\b|Volume\b|Vol\b|Chapter\b|Everything\b|Release\b|"
    r"Trailer\b|Teaser\b|Here\b|What\b|When\b|Why\b|How\b|All\b|New\b|Official\b|First\b|"
    r"The\s+(?:release|trailer|first|new)\b)[A-Z][\w'-]+)"
)


def names_alias(subtitle: str, w: Watch) -> bool:
    return any(subtitle.lower() in name.lower() for name in (w.title, *w.aliases))


def longer_titles_only(text: str, titles: list[tuple[int, int, int | None]], w: Watch) -> bool:
    """Every mention of the title starts a longer one: the line is another work's."""
    for _, end, _ in titles:
        found = SUBTITLE.match(text, end)
        if not found or cues.RELEASE.match(found.group(1)) or names_alias(found.group(1), w):
            return False
    return True


def guide_line(c: DateCandidate, w: Watch, titles: list[tuple[int, int, int | None]]) -> str:
    """A guide's line: the title and the date, and beside them only a channel, an hour, a
    season or another region's date (cues.GUIDE_LINE_WORDS), in either order: "'Title'
    Season 2 (HBO Max, Jan. 8)", "Title (Netflix), Jan. 8, 2026", "— 'Title,' Nov. 21,
    FX.", "Thursday, June 5 — Title: Season 3". What the line is, or ""."""
    text = c.sentence.text
    if len(text) > 100 or c.mention.precision not in ("day", "month") or not titles:
        return ""  # ("Title (2015)" is a film's year label, no entry of a guide)
    rest = text
    for start, end in [(a, b) for a, b, _ in titles] + [(c.mention.start, c.mention.end)]:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    # (the date it replaces, bracketed after it, is a slate's note, no clause: "Haunted
    # Mansion: August 11, 2023 (was March 10, 2023)")
    rest = _WAS_NOTE.sub(lambda m: " " * len(m.group()), rest)
    if _ENTRY_CLAUSE.search(rest):
        return ""  # a sentence with a verb of its own, not a line of a guide
    words = [x.lower() for x in _ENTRY_WORD.findall(cues.CHANNEL.sub(" ", rest))]
    if len(words) <= 6 and all(x in cues.GUIDE_LINE_WORDS for x in words):
        return "the title and the date alone: " + text[:60]
    return ""


_ENTRY_WORD = re.compile(r"[^\W\d_]+")
_WAS_NOTE = re.compile(
    r"\(\s*(?:was|previously|originally|formerly|from)\s[^()]{3,40}\)", re.IGNORECASE
)
# A verb or a clause in the line: it says something, it does not list.
_ENTRY_CLAUSE = re.compile(r"[.;!?]\s+[^\W\d_]|\b(?:was|were|is|are|will|has|had|have)\b")


_GIVEN_SEASON = re.compile(
    r"\b(?:given|granted|handed|renewed\s+for|ordered|picked\s+up\s+for|greenlit\s+for|"
    r"green-lit\s+for)\s+(?:a|an|another)\s+$",
    re.IGNORECASE,
)


def _on_or_after(mention: DateMention, published: date) -> bool:
    """The date is ahead of the page's: a day after its own (a return "tonight" is the
    running season airing, no announcement), a month from its own, a year or a season
    of the year from the page's year on."""
    if mention.precision == "day":
        return mention.value > published.isoformat()
    if mention.precision == "month":
        return mention.value >= published.isoformat()[:7]
    return mention.value[:4] >= f"{published.year:04d}"


def names_season(text: str, w: Watch) -> bool:
    refs = season_references(text, w)
    aliases = [season for _, _, season in title_mentions(text, w) if season is not None]
    return w.season in aliases or any(r.season in (w.season, None) for r in refs)


def about_watch(sentence: Sentence, mention: DateMention, watch: Watch) -> str | None:
    """Whether the date belongs to the watched title and season, and why.

    Within a sentence a date belongs to the nearest season named before it
    ("Season 3 arrives Oct. 3, a year after season 2 premiered Aug. 3, 2023"),
    else the first one after it; a sentence naming no season continues the
    subject of the text around it.
    """
    text = sentence.text
    titles = title_mentions(text, watch)
    refs = [
        r for r in season_references(text, watch) if not (mention.start <= r.start < mention.end)
    ]
    refs += [Reference(start, end, season) for start, end, season in titles if season is not None]
    refs.sort(key=lambda r: r.start)
    before = [r for r in refs if r.start < mention.start]
    ref = before[-1] if before else next(
        (
            r
            for r in refs
            if r.start >= mention.end
            and not cues.SEASON_AS_MODIFIER.search(text, 0, r.start)
            # (a season named as what a work was given is not the date's: "shows that
            # debuted Nov. 1 were given a second season")
            and not _GIVEN_SEASON.search(text, max(0, r.start - 40), r.start)
        ),
        None,
    )
    if (
        ref is None
        and not before
        and not titles
        and any(
            r.start >= mention.end
            and r.season is not None
            and not cues.SEASON_AS_MODIFIER.search(text, 0, r.start)
            for r in refs
        )
    ):
        # the only seasons named after the date are given to a work: the sentence is
        # about them, not the date's work ("debuted Nov. 1 were given a second season")
        return None
    if watch.season is not None and ref is not None and ref.season is not None:
        if ref.season != watch.season:
            return None
        if titles or sentence.subject in (Subject.WATCH, Subject.TITLE):
            return f"season named: {text[ref.start : ref.end]}"
        return None
    if watch.season is None and ref is not None and ref.season is not None:
        return None  # a numbered season is not a watch without seasons (a film, a show)
    if titles and watch.season is None:
        return "names the title"
    if titles and ref is None and sentence.schedule_row:
        # "| Wednesday, Oct. 14 | 9 p.m. - Title (CBS, season premiere)": a premiere
        # list's row of the title, the season starting there the one the list is about
        start = cues.LISTED_SEASON_START.search(text)
        if start:
            return f"a listing's {start.group()}"
    if (
        (titles or sentence.subject == Subject.TITLE)
        and ref is not None
        and ref.season is None
        and sentence.doc_subject
        in (
            None,
            Subject.WATCH,
            Subject.TITLE,
        )
    ):
        # "The Bear: the new season arrives June 26": the title's new (next, final)
        # season is the one the news is about, unless the page is about another season;
        # so in a passage about the title ("Mr. Robot" over "The final season begins
        # this fall"), a list entry's or a paragraph's
        return f"the title's {text[ref.start : ref.end]}"
    if titles and ref is not None and ref.season is None:
        # "the new season of See premieres Aug. 27" under a headline about See's season
        # 2, watching season 3: the new season is the one the page is about
        return None
    if titles:
        # The title without a season: about the watch when the text around is.
        if sentence.subject == Subject.WATCH or (
            sentence.subject in (Subject.TITLE, None) and sentence.doc_subject == Subject.WATCH
        ):
            return "names the title in a passage about the watched season"
        return None
    if sentence.subject != Subject.WATCH:
        return None
    if _ANOTHER_WORK_OPENS.match(text):
        # "An untitled Marvel movie originally on Feb. 16, 2024 gets moved to Sept. 6":
        # a work the sentence brings in as new, not the one the passage is about
        return None
    companion = cues.COMPANION_AFTER.match(text, mention.end)
    if _introduces_work(text[: companion.start()] if companion else text, watch):
        # "Disney also confirmed its take on a fairy tale will be called Gigantic (the
        # film opens March 9)" on a slate page about another film: a sentence naming no
        # watch that introduces another work is that work's, whatever the passage's
        return None
    return "the passage is about the watch"


# A sentence opening on a work brought in by an indefinite article: "An untitled Marvel
# movie", "Another Pixar film" (not "a sequel", which may well be the watch).
_ANOTHER_WORK_OPENS = re.compile(
    r"\W*(?:(?:and|but|meanwhile|also),?\s+)?(?:an?|another)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:movie|film|pic|feature|picture)\b(?!\s+(?:about|of|version|adaptation)\b)",
    re.IGNORECASE,
)


@remembered
def _introduces_work(text: str, watch: Watch) -> bool:
    return named_work(text, watch)
