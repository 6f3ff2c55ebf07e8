"""A Document -> sentences, each with the subject it is about.

The subject runs through the text the way a reader follows it: the headline
sets it, a heading naming another show switches it (roundups, "coming this
week" sections), a sentence naming the title and a season sets it, and a
sentence naming neither ("The new season arrives...") continues it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from scraper.extract import languages
from scraper.extract.cues import CHANNEL, FIELD_ROLES, RELEASE
from scraper.extract.gate import gated
from scraper.extract.memo import remembered
from scraper.extract.subject import (
    PREVIOUS_WORK,
    Reference,
    names_a_derived_title,
    other_shows_season,
    other_work_before,
    part_references,
    season_references,
    seasons_named,
    title_mentions,
)
from scraper.extract.text import case_key, normalize
from scraper.extract.text import sentences as _split_sentences
from scraper.extract.works import FRONTED_PHRASE, continues_other_work, opens_on_other_work
from scraper.models import Watch

if TYPE_CHECKING:
    from scraper.parse.documents import Document

# A heading reporting that a date was announced: "BBC announces Title series three UK
# air date", "Network Sets Premiere Date For 'Title'", "Title gets a release date".
_ANNOUNCES_DATE = re.compile(
    r"\b(?:announc\w*|confirm\w*|sets?|reveal\w*|unveil\w*|gets?|lock\w*|dates)\b"
    r"(?:\s+[\w'\u2018\u2019-]+){0,8}?\s+(?:[A-Z]{2}\s+)?(?:air|premiere|release|launch|"
    r"return|start|debut)\s+dates?\b",
    re.IGNORECASE,
)


# A heading that is a section of the article itself, not the name of another show.
_GENERIC_HEADING = re.compile(
    r"\b(?:release|date|trailer|teaser|cast|plot|story|stories|when|what|where|how|who|why|"
    r"news|know|watch|more|latest|related|update|details|everything|synopsis|premiere|return|"
    r"episodes?|about|verdict|conclusion|summary|reception|production|filming|overview|"
    r"history|references|comments?|share|read|also|explore|recommended|popular|trending|"
    r"you|our|we|us|this|it|"
    # a wiki or guide's own sections: "Promotion", "Cast and characters", "Home media"
    r"promotion|marketing|development|casting|premise|background|broadcast|soundtrack|"
    r"ratings|accolades|home\s+media|notes|external\s+links|see\s+also|teasers|trailers|"
    r"first\s+look)\b",
    re.IGNORECASE,
)
_GENERIC_HEADING = gated(_GENERIC_HEADING)


# Words that turn a story to another subject ("Meanwhile, Bridgerton returns May 16").
# "Other series returning in 2020 include ...", "Also: HBO dropped ...": a list or an
# aside about other works.
_TOPIC_SHIFT = re.compile(
    r"^(?:meanwhile|elsewhere|in\s+other\s+news|also\s+(?:new|coming|arriving|on)|separately|"
    r"other\s+(?:premieres|releases|titles|shows|series|films|movies|dramas|comedies|"
    r"programmes|programs|returning|new|upcoming|highlights))\b|^also\s*[:\u2014\u2013]|"
    r"^(?:" + "|".join(languages.TOPIC_SHIFT_WORDS + languages.NEXT_ITEM_WORDS) + r")(?!\w)",
    re.IGNORECASE,
)
# ... and those that move a list on to its next item, which the sentences after follow.
_NEXT_ITEM = re.compile(r"^(?:" + "|".join(languages.NEXT_ITEM_WORDS) + r")", re.IGNORECASE)
# Words that say a show is past its first season ("returns", "the new season").
_LATER_SEASON = re.compile(
    r"\b(?:return\w*|renew\w*|comeback|come\s+back|back\s+for|again|(?:new|next|another|"
    r"upcoming|latest|final|last|sophomore)\s+(?:season|chapter|batch|episodes)|seasons)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
# A number right after the title ("Stranger Things 5", "Bluey's 3rd"): a season's.
_NUMBER_AFTER = re.compile(r"['\u2019]?s?\s+\d")
# A block's sentences, split once per text (a menu's links, a rail's headlines, an item
# syndicated in several feeds; the lists are only read).
sentences = remembered(_split_sentences)
# (read for a sentence naming another season, or any when the watch has none)
other_shows_season = remembered(other_shows_season)


# A row of a page's tabs or tools, a word or two between bars ("Edit | History | Talk
# (3)"): its bracketed count is no work's tag.
_MENU_ROW = re.compile(r"\W*[\w'()-]+(?:\s+[\w'()-]+)?(?:\s*\|\s*[\w'()-]+(?:\s+[\w'()-]+)?)+\W*")


def _block_sentences(text: str, watch: Watch) -> list[str]:
    """A block's sentences, a mark inside the watch's name no end of one: "Love Live!
    Sunshine!! 2nd Season airs ..." is one sentence, not three."""
    said = sentences(text)
    if len(said) < 2 or not _stop_in_name(watch):
        return said
    whole = [said[0]]
    for piece in said[1:]:
        joined = whole[-1] + " " + piece
        if any(s < len(whole[-1]) < e for s, e, _ in title_mentions(joined, watch)):
            whole[-1] = joined
        else:
            whole.append(piece)
    return whole


@lru_cache(maxsize=256)
def _stop_in_name(watch: Watch) -> bool:
    """A name of the watch has a sentence's end mark inside it ("Love Live! Sunshine!!",
    "Haikyu!! To the Top")."""
    return any(_INNER_STOP.search(name) for name in (watch.title, *watch.aliases))


_INNER_STOP = re.compile(r"[.!?]\s+\w")


def headline_case(text: str) -> bool:
    """Written like a headline ("Black Mirror Returns June 15"): every longer word
    capitalized and no full stop. A headline that does not name the watch is
    another story's (a "related" or "most popular" link)."""
    if text.rstrip().endswith((".", "!")):
        return False
    longer = 0  # (a sentence's first longer word in lower case decides it: no more look)
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) >= 4:
            if not word[0].isupper():
                return False
            longer += 1
    return longer >= 3


class Subject(StrEnum):
    """Who a sentence is about (classify's answer; a Sentence's subject is one of the
    first three or None). A StrEnum, so it prints and compares as its word."""

    WATCH = "watch"  # the watched title and season
    TITLE = "title"  # the watched title, season unclear
    OTHER = "other"  # another work
    OTHER_SEASON = "other season"  # the watched title's other season (or an earlier film)
    SEASON = "season"  # a season named without a title


class Sentence(NamedTuple):
    """A sentence and what it is about. (A named tuple: as immutable as a frozen
    dataclass, at a fraction of its cost to build, and a long page has hundreds.)"""

    text: str
    block: int  # -1 for the headline when it is not one of the blocks
    heading: bool
    chrome: bool
    subject: Subject | None  # WATCH, TITLE (season unclear), OTHER or None
    names_title: bool
    published: date | None
    doc_subject: Subject | None  # the headline's subject
    under_heading: bool = False  # first block after a heading that names the watch
    schedule_row: bool = False  # a table row of three or more cells: its own subject
    # The block's role as the page parser gives it ("headline", "byline", "comment",
    # "field", "table_cell", ...; scraper/parse/pages.py), "body" when it gives none.
    role: str = "body"
    # The part of the season the passage is about: a heading that names the watch and
    # "Part 2" makes the section under it Part 2's (0: none named).
    part: int = 0
    # The first block after a heading that names the watch and reports the date being
    # announced ("BBC announces Title series three air date", "Channel Sets Premiere Date
    # For 'Title'"): the block gives that date. (Last: sentences are built by position.)
    vouched: bool = False


@remembered
def classify(text: str, watch: Watch, one_season: bool = False) -> Subject | None:
    """What one sentence names: the watched season, the title, another season, or nothing.
    With `one_season` (the document names only the watched season), the title returning
    or its new series is the watched season."""
    key = case_key(text)
    titles = title_mentions(text, watch, key)
    if watch.season is None:
        if titles:
            return Subject.WATCH
        if PREVIOUS_WORK.search(text):
            return Subject.OTHER_SEASON
        return Subject.OTHER if names_a_derived_title(text, watch) else None
    watched, named = seasons_named(text, key, watch, titles)
    if titles:
        if watched:
            return Subject.WATCH
        if named:
            return Subject.OTHER
        numbered = any(_NUMBER_AFTER.match(text[end : end + 6]) for _, end, _ in titles)
        # (the title's own words do not count: "Daredevil: Born Again" is not "again")
        rest = _without_titles(text, titles)
        if watch.season == 1 and not numbered and not _LATER_SEASON.search(rest):
            return Subject.WATCH  # a new show's articles never say "season 1"
        if one_season and not numbered and _RETURNS.search(rest):
            return Subject.WATCH
        return Subject.TITLE
    if watched:
        # "Squid Game became a hit in 2021, and its second season ...": another
        # show leads the sentence, and the seasons it names are that show's; so when
        # a roundup's entry opens on a name tagged with its season ("The Deuce" (Season 2):)
        return (
            Subject.OTHER
            if _led_by_another_work(text, watch) or _opens_on_tagged_work(text, watch)
            else Subject.SEASON
        )
    if named:
        return Subject.OTHER_SEASON
    # "The Kiln Street spin-off premieres July 8": the title inside another work's name
    return Subject.OTHER if names_a_derived_title(text, watch) else None


# The verbs that say a show (not a person) is the subject: "Squid Game became ...".
_WORK_VERB = re.compile(
    r"\s+(?:became|becomes|premiered|debuted|launched|aired|ended|concluded|earned|broke|"
    r"topped|(?:was|got|has\s+been)\s+(?:renewed|cancell?ed|picked\s+up)|"
    # the work coming back for the season the sentence names: "X will return for season 2"
    r"(?:is|are)\s+(?:set|slated|scheduled|due)\s+to\s+return|will\s+return|returns)\b"
)

_LEADING_NAME = re.compile(
    r"^(?:(?:And|But|Meanwhile|While|Also|Still|Even)\s+)?"
    r"[\"'\u2018\u201c]?[A-Z0-9][\w'\u2019&:!.-]*(?:\s+(?:[A-Z0-9][\w'\u2019&:!.-]*|of|the|and|in|on))*"
    r"[\"'\u2019\u201d]?"
)


def _led_by_another_work(text: str, watch: Watch) -> bool:
    # (after a fronted phrase, the main clause's subject: "Following an Emmy-nominated
    # first season, Palm Royale is set to return for season 2")
    fronted = FRONTED_PHRASE.match(text)
    start = fronted.end() if fronted else 0
    lead = _LEADING_NAME.match(text[start:])
    if lead is None:
        return False
    verb = _WORK_VERB.match(text, start + lead.end())
    return verb is not None and other_work_before(text, verb.start() + 1, watch)


# A season tag right after a sentence's opening name: '"The Deuce" (Season 2): ...'.
_SEASON_TAG = re.compile(r"\s*\((?:season|series)\s+\w+\)\s*:", re.IGNORECASE)


def _opens_on_tagged_work(text: str, watch: Watch) -> bool:
    """The sentence opens on another work's name with its season in brackets, a
    roundup entry's head: the season is that work's."""
    lead = _LEADING_NAME.match(text)
    if lead is None or not _SEASON_TAG.match(text, lead.end()):
        return False
    return other_work_before(text, lead.end() + 1, watch)


def _led_by_named_work(text: str, watch: Watch) -> bool:
    """The sentence opens with another work's name as its subject, quoted or capitalized
    ("“The Handmaid’s Tale” is still ...")."""
    lead = _LEADING_NAME.match(text)
    if lead is None or lead.end() >= len(text) or text[lead.end()] != " ":
        return False
    return other_work_before(text, lead.end() + 1, watch)


# "Doctor Who returns from Saturday 12 April": the title coming back, no season named.
_RETURNS = re.compile(
    r"\b(?:returns?|returning|comes?\s+back|is\s+back|new\s+(?:series|season|episodes))\b",
    re.IGNORECASE,
)
_RETURNS = gated(_RETURNS)


def _names_watched_season(doc: Document, doc_subject: str | None, watch: Watch) -> bool:
    """The headline or a video's title names the watched season, and no video another."""
    labels = [classify(normalize(v.label), watch) for v in doc.videos if not v.chrome]
    if any(named in (Subject.OTHER, Subject.OTHER_SEASON) for named in labels):
        return False
    return doc_subject == Subject.WATCH or Subject.WATCH in labels


def _returns_of_one_season(result: list[Sentence], returns: list[int], watch: Watch) -> None:
    """A document naming only the watched season: a return it reports is that season's."""
    for index in returns:
        sentence = result[index]
        if classify(sentence.text, watch, one_season=True) == Subject.WATCH:
            result[index] = sentence._replace(subject=Subject.WATCH)


def read_sentences(doc: Document, watch: Watch) -> list[Sentence]:
    headline = normalize(doc.headline)
    doc_subject = classify(headline, watch) if headline else None
    returns: list[int] = []  # sentences where the title returns, no season named
    other_season = doc_subject in (Subject.OTHER, Subject.OTHER_SEASON)
    if doc_subject == Subject.SEASON:
        doc_subject = None
    state = doc_subject
    # The passage is about the watched title (the headline or the last heading named it,
    # perhaps with another season): a sentence naming the watched season is the watch's
    # even when the passage's own season is another ("Season 2, which dropped on Dec. 26"
    # in season 3 news, watching season 2).
    title_passage = doc_subject in (Subject.WATCH, Subject.TITLE, Subject.OTHER)
    result: list[Sentence] = []
    blocks_text = {normalize(b.text) for b in doc.blocks[:5]}
    if headline and headline not in blocks_text:
        if doc_subject == Subject.TITLE and _RETURNS.search(headline):
            returns.append(0)
        result.append(
            Sentence(
                headline,
                -1,
                True,
                False,
                doc_subject,
                doc_subject in (Subject.WATCH, Subject.TITLE),
                doc.published,
                doc_subject,
                role="headline",
            )
        )
    heading_names_watch = False
    heading_vouches = False  # ... and reports the date being announced
    last_said: str | None = None  # the body's last sentence so far
    title_last = doc_subject in (Subject.WATCH, Subject.TITLE)  # the last work named is the title
    day_heading = ""  # the date heading above a schedule's lines ("Wednesday, Feb. 7")
    section_names_watch = False  # the last heading named the watch
    section_names_title = False  # the last heading named the title, no season
    # The shapes of the watch's entry lines since the last heading (their role and the
    # label before a colon, "Trailer: X"): the next entry's line shares one.
    watch_entry: set[tuple[str, str]] = set()
    part = 0
    section = _Section(len(result), None)
    published = doc.published
    dash_entries = _dash_entries(doc.blocks, watch)
    for index, block in enumerate(doc.blocks):
        text = block.text
        if block.chrome and not block.heading:
            # Page furniture (a mega-menu's hundreds of links, rails, comments): its
            # sentences carry their role and nothing else, as the full path below gives
            # them (and most of a page's blocks are these).
            heading_names_watch = False
            role = block_role(block)
            for said in sentences(text):
                result.append(
                    Sentence(said, index, False, True, None, False, published, doc_subject,
                             False, False, role)
                )  # fmt: skip
            continue
        under_heading = heading_names_watch and not block.heading
        vouched = under_heading and heading_vouches
        heading_names_watch = heading_vouches = False
        role = block_role(block)
        if role == "byline" and index > 0 and _CLOCK.search(text):
            # "2:41 PM ET" over a liveblog's entry: each entry is its own story, about
            # what it names; until it names something, about what the page is
            state = doc_subject
            section_names_watch = False
        listing = False
        day_line = False  # a schedule's day over its programme lines
        if block.heading:
            section_names_watch = False
            if not block.chrome:
                # (its colon dropped: "September 16:" reads as a time to the date finder)
                day = _day_of_heading(text)
                if day or not (day_heading and _channel_heading(text)):
                    # (a channel's sub-heading under a day, "Monday, Sept. 24" then
                    # "NBC": a night-by-night grid, its lines still that day's)
                    day_heading = day
        elif (
            section_names_watch or (section_names_title and _asks_of_coming_season(text, watch))
        ) and _WHEN_QUESTION.match(text):
            # "When can I watch it? July 20" in the watch's section of a Q&A listicle; or
            # "When does the final season premiere? Sept. 24" under the title's heading:
            # the title's coming season, the one a reader of the slate watches for
            under_heading = True
            state = Subject.WATCH
        elif (
            day_heading
            and not block.chrome
            and len(text) <= 600
            and (slot := _SLOT_ENTRY.match(text)) is not None
            and _DATE_WORD.search(slot.group()) is None
            and _PROMO_SLOT.search(slot.group()) is None
        ):
            # "9.00pm Happy Valley New series. 1/6. Catherine is ...": a listings grid's
            # entry with its blurb; its first line is the row, on the heading's day
            block = block._replace(text=f"| {day_heading} | {slot.group().strip()}")
            listing = True
        elif (
            day_heading
            and not block.chrome
            and len(text) <= 1000
            and (entry := _CALENDAR_ENTRY.match(text)) is not None
            and _DATE_WORD.search(entry.group()) is None
        ):
            # '"The Terror: Infamy" (AMC, Mondays at 9): George Takei stars in ...' under
            # "Aug. 12": a calendar's entry, its title and network, then its blurb; the
            # title is the row, on the heading's day
            block = block._replace(text=f"| {day_heading} | {entry.group().strip()}")
            listing = True
        elif block.chrome or len(text) > 160 or _ends_sentence(text):
            pass  # prose, not a schedule's line (most blocks: no further look)
        elif len(text) <= 40 and (
            _day_line(doc.blocks, index)
            or (day_heading and _CLOCK.search(text) is None and _day_of_heading(text))
        ):
            # "TUESDAY, SEPT. 17" over "8:00-10:00 p.m. - "Dancing with the Stars" (Season
            # 33 Premiere)": a schedule's day as a bold line, its programmes below it.
            # Once a schedule has begun, any line that is only a date is its next day,
            # whatever follows it (a paragraph on the night, a network's name).
            day_heading = _day_of_heading(text)
            day_line = True
        elif len(text) <= 40 and _transmission(doc.blocks, index):
            # "Sunday 18 September" over "9.00-10.00pm BBC One": a broadcaster's
            # transmission details, the listing of the passage's programme
            under_heading = True
        elif day_heading and _schedule_line(block.text, role):
            # "9 p.m.: Abbott Elementary (season premiere)" under "Wednesday, Feb. 7":
            # the line is one show's entry on the heading's day, read as a listings row.
            block = block._replace(text=f"| {day_heading} | {block.text.strip()}")
            listing = True
        elif (row := _dated_line(block.text)) is not None:
            # "Thursday, June 5 — Ginny & Georgia: Season 3": a schedule's line
            block = block._replace(text=row)
            listing = True
        elif (row := _listing_line(block.text)) is not None:
            # "Poldark, BBC One, Sunday, June 10, 9pm": a TV listing
            block = block._replace(text=row)
            listing = True
        if block.chrome:
            for text in sentences(block.text):
                result.append(
                    Sentence(
                        text,
                        index,
                        block.heading,
                        True,
                        None,
                        False,
                        doc.published,
                        doc_subject,
                        role=role,
                    )  # fmt: skip
                )
            continue
        # A heading's or a name line's text and what it names, read once for the uses
        # below (None until a use asks: most blocks are prose, asked none of them).
        line: str | None = None
        line_named: Subject | None = None
        if block.heading:
            watch_entry = set()
            _settle_section(result, section)
            line = normalize(block.text)
            line_named = classify(line, watch)
            section = _Section(len(result), _entry_heading(line, watch, line_named))
        if block.heading or (_title_line(block.text) and role != "byline"):
            # (a listicle's entry titles are often plain short lines, not headings; a
            # byline, "By Ann Lee October 8, 2021", is no title and leaves the part)
            if line is None:
                line = normalize(block.text)
                line_named = classify(line, watch)
            part = _heading_part(line, line_named)
        if (
            not block.heading
            and not listing
            and role not in ("table_cell", "table_header")  # (a row, not a name line)
            and _entry_line(block.text)
        ):
            # A listicle's entry title as a plain line ("Orange Is the New Black (Season 6)"
            # over "When can I watch it? July 27"): it opens the entry as a heading does.
            # One naming nothing (a byline, a network) only closes the last entry.
            named = line_named if line is not None else classify(normalize(block.text), watch)
            section_names_watch = named == Subject.WATCH or (
                named == Subject.TITLE and watch.season is None
            )
            section_names_title = named == Subject.TITLE and watch.season is not None
            heading_names_watch = section_names_watch
            if named in (Subject.OTHER, Subject.OTHER_SEASON) or (
                named is None
                and _ENTRY_TAG.search(block.text.strip())
                and not _MENU_ROW.fullmatch(block.text.strip())
            ):
                state = Subject.OTHER  # (a tagged name, "Critical Thinking (2020)", is a work)
            elif named == Subject.WATCH:
                state = Subject.WATCH
            elif (
                named is None
                and state == Subject.WATCH
                and _entry_shape(block.text, role) in watch_entry
            ):
                # a list of entries each opened by a name line, the watch's one of them:
                # the next entry line ends the watch's entry, and what the next entry is
                # about is not known (a bare name, "Borderlands" over its own "Release
                # date:" field), but it is no longer the watch's
                state = None
                watch_entry = set()
            if named == Subject.WATCH:
                watch_entry.add(_entry_shape(block.text, role))
        if block.heading:
            named = line_named
            section_names_title = named == Subject.TITLE and watch.season is not None
            label = named is None and _entry_label(block.text)
            if named in (Subject.WATCH, Subject.TITLE, Subject.OTHER):
                title_passage = True
            elif named == Subject.OTHER_SEASON or not (
                _GENERIC_HEADING.search(block.text)
                or _date_only(block.text)
                or _sentence_case(block.text)
                or label
            ):
                title_passage = False
            if named == Subject.OTHER_SEASON:
                named = Subject.OTHER
            if named in (Subject.WATCH, Subject.OTHER, Subject.TITLE):
                state = (
                    Subject.WATCH if named == Subject.TITLE and state == Subject.WATCH else named
                )
                heading_names_watch = named == Subject.WATCH or (
                    named == Subject.TITLE and watch.season is None
                )
                heading_vouches = heading_names_watch and bool(_ANNOUNCES_DATE.search(block.text))
                section_names_watch = heading_names_watch
            elif (
                named is None
                and not _GENERIC_HEADING.search(block.text)
                and not _date_only(block.text)
                and not _sentence_case(block.text)
                and not label
            ):
                state = Subject.OTHER
        if (
            listing
            or _schedule_row(block.text)
            or (
                role == "table_cell"
                and _two_cells(block)
                and not (section_names_watch and _label_row(block, watch))
            )
        ):
            # A listings row is about the title in its own cells, never the row above's.
            text = normalize(block.text)
            named = classify(text, watch)
            other_season = other_season or named in (Subject.OTHER, Subject.OTHER_SEASON)
            subject = {
                Subject.WATCH: Subject.WATCH,
                # the bare title in a passage about the watched season ("returns for
                # its third series" above "Title, BBC One, Sunday, June 9, 9pm")
                Subject.TITLE: Subject.WATCH if state == Subject.WATCH else Subject.TITLE,
                Subject.SEASON: _season_subject(state, title_passage),
            }.get(named, Subject.OTHER)
            result.append(
                Sentence(
                    text, index, False, False, subject, named in (Subject.WATCH, Subject.TITLE),
                    doc.published, doc_subject, under_heading, True, role,
                )
            )  # fmt: skip
            continue
        # the sentence before: in this block, or the last of the paragraph before (a
        # paragraph may open by going on about the work the one before ended with)
        previous = last_said if not block.heading else None
        across = previous is not None  # (until this block's first sentence is read)
        paragraph = len(result)  # where this block's sentences start
        if not block.heading and _NUMBERED_ENTRY.match(block.text):
            # "5. IronHeart, the spinoff of ..., was removed from the schedule": a numbered
            # list's entry is about what it names, not the entry above it; until it names
            # something, about what the page is
            state = doc_subject
        elif index in dash_entries:
            # "Jupiter Ascending – The Wachowskis' film has moved to July 18": in a list
            # of such entries, each is about the name before its dash
            entry = classify(dash_entries[index], watch)
            state = entry if entry in (Subject.WATCH, Subject.TITLE) else Subject.OTHER
        paragraph_names = set()  # what its sentences name
        # the paragraph opened on another work as its subject and has not named the watch
        # since: after 'The Handmaid's Tale is ..., and Season 4 is slated for April 28.',
        # 'Hulu shared a teaser to confirm the premiere date.' is the other show's teaser
        other_topic = False
        for text in _block_sentences(block.text, watch):
            named = classify(text, watch)
            if named in (Subject.WATCH, Subject.TITLE, Subject.SEASON):
                other_topic = False
            elif (
                len(result) == paragraph
                and not block.heading
                and named in (Subject.OTHER, Subject.OTHER_SEASON)
                and opens_on_other_work(text, watch)
            ):
                other_topic = True
            paragraph_names.add(named)
            other_season = other_season or named in (Subject.OTHER, Subject.OTHER_SEASON)
            if named == Subject.TITLE and _RETURNS.search(text):
                returns.append(len(result))
            other_story = False
            owner = (
                other_shows_season(text, watch)
                if named == Subject.OTHER_SEASON or (named is None and watch.season is None)
                else None
            )
            if owner is not None and len(result) == paragraph and not block.heading:
                # a paragraph that opens on another named show's season ("Sony Crackle
                # dropped the trailer for season two of “The Oath”") is that show's
                # item until it names the watch: "The new season premieres Feb. 21" too
                other_topic = True
            if named in (Subject.WATCH, Subject.OTHER):
                subject = named
            elif owner is not None:
                # "Bridgerton season 2 teaser!": another show's season, not the watch's
                # other one (which leaves the passage the watch's); the sentences after
                # go on about it when its name opens the sentence
                subject, other_story = Subject.OTHER, owner != 0
            elif named == Subject.OTHER_SEASON and _led_by_named_work(text, watch):
                # "“The Handmaid’s Tale” is still a hit, and Season 4 is slated for
                # April 28": another work leads the sentence, and the season it names is
                # that work's; the story turns to it (the sentences after go on about it)
                subject, other_story = Subject.OTHER, False
            elif named == Subject.OTHER_SEASON:
                subject = state
            elif named == Subject.TITLE:
                subject = Subject.WATCH if state == Subject.WATCH else Subject.TITLE
            elif named == Subject.SEASON:
                subject = _season_subject(state, title_passage)
                if subject is None and title_last and _ANAPHORIC_SEASON.search(text):
                    # "Grace and Frankie's first season won awards. Its second season
                    # premieres May 6": "its" (the show's, the series') points back to the
                    # last work named, the watched title
                    subject = Subject.WATCH
                # (the watched season named in a passage about another season of the
                # title is this sentence's subject only: the passage stays the other's)
                other_story = state == Subject.OTHER
            elif day_line:
                # (the day's date belongs to the programmes listed below it, each row its
                # own subject, never to the passage above the grid)
                subject, other_story = None, True
            elif (headline_case(text) and role not in FIELD_ROLES) or _TOPIC_SHIFT.match(text):
                # (a labeled field, "Coming to Netflix: Friday" or "Original run | January
                # 10, 2023", is a fact of its entry, not another story's headline)
                subject, other_story = Subject.OTHER, True
                if _NEXT_ITEM.match(text) and not title_mentions(text, watch):
                    # "On passe ensuite aux 8 Salopards de Tarantino. Sortie le 6 janvier":
                    # the list has moved on to another item, the sentences after it too
                    # (not "Meanwhile the cast met the press": a turn, no new subject)
                    state = Subject.OTHER
            elif previous is not None and continues_other_work(text, previous, watch, across):
                subject, other_story = Subject.OTHER, True  # "It starts Sept. 4." after X
            elif other_topic and named is None:
                subject, other_story = Subject.OTHER, True
            else:
                subject = state
            # (an FAQ's question line heads its answer as a heading does: "When did
            # Wednesday season 2 come out?" makes the answer below season 2's)
            if (
                (not block.heading or named is not None)
                and not other_story
                and (named != Subject.OTHER or block.heading or _question_line(block.text))
                and not (named in (Subject.WATCH, Subject.TITLE) and _named_in_aside(text, watch))
            ):
                # (the watch named only in brackets, an aside, "(neither was its 2010
                # sequel Tron: Legacy)", leaves the story whose it was)
                state = subject
                if named == Subject.WATCH and _ends_on_other_season(
                    text, watch
                ):
                    # "The season 3 renewal comes days after the network said when season
                    # 2 will premiere. The first episode streams March 24.": the story
                    # goes on about the season it named last
                    state = Subject.OTHER
            previous = text
            across = False
            last_said = text if not block.heading else None
            if named in (Subject.WATCH, Subject.TITLE) or (
                named == Subject.OTHER and title_mentions(text, watch)
            ):
                title_last = True
            elif subject == Subject.OTHER or other_story:
                title_last = False
            if named is not None:
                if named in (Subject.OTHER, Subject.OTHER_SEASON):
                    section.other = True
                elif (
                    subject == Subject.WATCH
                    and named != Subject.TITLE
                    and not _OPEN_QUESTION.search(text)
                ):
                    # (a season asked about, "whether there will be a second season is
                    # anyone's guess", does not make the entry that season's)
                    section.watch = True
            result.append(
                Sentence(
                    text,
                    index,
                    block.heading,
                    False,
                    subject,
                    named in (Subject.WATCH, Subject.TITLE, Subject.OTHER),
                    doc.published,
                    doc_subject,
                    under_heading,
                    role=role,
                    part=part,
                    vouched=vouched,
                )
            )
        if (
            Subject.TITLE in paragraph_names
            and paragraph_names & {Subject.WATCH, Subject.SEASON}
            and not paragraph_names & {Subject.OTHER, Subject.OTHER_SEASON}
        ):
            # "Fargo, Nov. 21, FX. The much-honored series finally has its fifth
            # installment.": a paragraph that names the title and, in another sentence,
            # the watched season and no other is about that season throughout
            _paragraph_of_watch(result, paragraph)
    _settle_section(result, section)
    if (
        returns
        and watch.season not in (None, 1)
        and not other_season
        and _names_watched_season(doc, doc_subject, watch)
    ):
        _returns_of_one_season(result, returns, watch)
    if (
        doc_subject == Subject.TITLE
        and watch.season not in (None, 1)
        and not other_season
        and (
            any(r.season is None for r in season_references(headline, watch))
            or _names_watched_season(doc, doc_subject, watch)
        )
    ):
        # "Netflix Drops the Trailer for Sesame Street's New Season" and no other season
        # named anywhere: the new season is the watched one, the whole page about it. So
        # when the page's own player names the season ("Season 8 | Official Tease") over
        # text that says only "the final season".
        for index, sentence in enumerate(result):
            if sentence.subject == Subject.TITLE:
                result[index] = sentence._replace(subject=Subject.WATCH)
    if len(doc.blocks) >= 3:
        dated_headline = bool(
            doc_subject is None
            and headline
            and RELEASE.search(headline)
            and not _DAY_RANGE.search(headline)
        )
        _roundup(doc, result, watch, dated_headline)
    return result


# "December 12th to 18th": a week's window, not its first day.
_DAY_RANGE = re.compile(
    r"\d(?:st|nd|rd|th)?\s*(?:to|through|thru|until|[-\u2013\u2014])\s*"
    r"(?:[A-Z][a-z]+\.?\s+)?\d",
    re.IGNORECASE,
)


def _roundup(doc: Document, result: list[Sentence], watch: Watch, dated_headline: bool) -> None:
    """A roundup one of whose entry headings or entry lines is the watch: a date its
    headline gives all its entries ("Seven new ITV shows coming this autumn 2023", "What's
    new on Netflix: September 18th, 2020"), or its intro does ("Here is everything
    debuting on Netflix on Friday."), is the watch's too (its own entry's date, if it gives
    one, is more precise and wins)."""
    if not dated_headline and not any(
        s.role == "body" and _ROUNDUP_INTRO.match(s.text) for s in result
    ):
        return  # (most pages: nothing a roundup's date could be read from)
    entries = []
    first = None  # the first entry's block: the intro is before it
    for index, b in enumerate(doc.blocks):
        if b.chrome:
            continue
        if not b.heading and _dated_entry_line(b.text):
            return  # entries dated one by one ("Spielberg (October 9)" lines): no date is
            # shared, the headline's is its first entry's
        if not (b.heading or _entry_line(b.text)):
            continue
        named = classify(normalize(b.text), watch)
        if block_role(b) != "headline" and _DATE_WORD.search(_ENTRY_TAG.sub("", b.text.strip())):
            return  # entries dated one by one ("MobLand (March 30)"): no date is shared
        if named == Subject.WATCH and _NOT_COMING.search(b.text):
            return  # "Still waiting: Mayor of Kingstown season 4": listed as not coming
        entries.append(named)
        # (a plain line naming nothing, a site's name, opens no entry)
        if (
            first is None
            and block_role(b) != "headline"
            and (b.heading or named is not None or _ENTRY_TAG.search(b.text.strip()))
        ):
            first = index
    if len(entries) < 3 or not any(
        e == Subject.WATCH or (e == Subject.TITLE and watch.season is None) for e in entries
    ):
        return
    for index, sentence in enumerate(result):
        headline = sentence.block == -1 or sentence.role == "headline"
        intro = (
            not headline
            and first is not None
            and 0 <= sentence.block < first
            and sentence.role == "body"
            and _ROUNDUP_INTRO.match(sentence.text)
            and RELEASE.search(sentence.text)
        )
        if ((headline and dated_headline) or intro) and classify(sentence.text, watch) is None:
            result[index] = sentence._replace(subject=Subject.WATCH)


# A season only wondered about: "Whether there will be a second season is anyone's guess".
_OPEN_QUESTION = re.compile(
    r"\b(?:whether|anyone['\u2019]s\s+guess|remains\s+to\s+be\s+seen|if\s+there\s+(?:is|will|'ll))\b",
    re.IGNORECASE,
)
# An entry heading that lists the title as not coming ("Still waiting: ...", "No date yet").
_NOT_COMING = re.compile(
    r"\b(?:still\s+waiting|not|no|tba|tbd|yet|delayed|postponed|cancell?ed|leaving)\b",
    re.IGNORECASE,
)
# A roundup's intro to its list: "Here is everything debuting on Netflix on Friday."
_ROUNDUP_INTRO = re.compile(
    r"\s*(?:here(?:['\u2019]s|\s+is|\s+are)|below,?\s+(?:is|are|you['\u2019]ll\s+find)|"
    r"these\s+are)\b",
    re.IGNORECASE,
)


@dataclass
class _Section:
    """The sentences under one heading: where they start, what the heading named, and
    whether they name the watched season or another one."""

    start: int
    heading: Subject | None
    watch: bool = False
    other: bool = False


def _entry_heading(text: str, watch: Watch, named: Subject | None) -> Subject | None:
    """TITLE for a heading that is the bare title, as a listicle's entry is headed
    ("THE CROWN", "'Empire' (Fox)"), else what it names (`named`: classify's answer)."""
    if named != Subject.TITLE:
        return named
    rest = _without_titles(text, title_mentions(text, watch))
    rest = re.sub(r"\([^)]*\)", " ", rest)  # the network in parentheses
    return Subject.TITLE if len(_WORD.findall(rest)) <= 1 else None


def _settle_section(result: list[Sentence], section: _Section) -> None:
    """A section headed by the bare title ("THE CROWN", a listicle's entry) that names
    the watched season and no other is about the watch throughout: its "NETFLIX, later
    this autumn" line before "this sixth series ..." is the watched season's, and that
    line, the first under the heading, is a listing under the watch's heading."""
    if section.heading != Subject.TITLE or not section.watch or section.other:
        return
    first = None  # the block right under the heading: a line under the watch's heading
    for index in range(section.start, len(result)):
        said = result[index]
        if first is None and not said.heading:
            first = said.block
        if said.subject == Subject.TITLE:
            said = said._replace(subject=Subject.WATCH)
        if said.block == first and not said.chrome:
            said = said._replace(under_heading=True)
        result[index] = said


def _paragraph_of_watch(result: list[Sentence], start: int) -> None:
    for index in range(start, len(result)):
        if result[index].subject == Subject.TITLE:
            result[index] = result[index]._replace(subject=Subject.WATCH)


# A season owned by a word pointing back to a work: "its second season", "it's third
# season" (as often misspelt), "the show's final season", "the third season of the hit
# series".
_ANAPHORIC_SEASON = re.compile(
    r"\b(?:(?:its|it['\u2019]s|the\s+(?:show|series|drama|comedy|sitcom)['\u2019]s?)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:season|series)\b|"
    r"(?:season|series)\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:series|show|drama|comedy|sitcom)\b)",
    re.IGNORECASE,
)
def _named_in_aside(text: str, watch: Watch) -> bool:
    """Every mention of the watch's title sits inside brackets."""
    if "(" not in text:
        return False
    mentions = title_mentions(text, watch)
    return bool(mentions) and all(
        text.rfind("(", 0, start) > text.rfind(")", 0, start) for start, _, _ in mentions
    )


def _ends_on_other_season(text: str, watch: Watch) -> bool:
    """The last season the sentence names by number is another than the watched one,
    named after the watched one. (Not asked of a run-on text past a long sentence's
    length: reading every season's owner there costs a pass over the text each.)"""
    if len(text) > 600:
        return False
    # (a season numbered 0 is an unnumbered other one: "up from every previous season")
    numbered = [r for r in season_references(text, watch) if r.season]
    numbered += [Reference(a, b, season) for a, b, season in title_mentions(text, watch) if season]
    if len(numbered) < 2:
        return False
    last = max(numbered, key=lambda r: r.start)
    if _COMPARED_TO.search(text[max(0, last.start - 40) : last.start]):
        # "a stellar follow-up to the first season", "darker than season 1": the other
        # season is what the watched one is measured against, not where the story goes
        return False
    return last.season != watch.season and any(r.season == watch.season for r in numbered)


# What a season named as a comparison's standard follows.
_COMPARED_TO = re.compile(
    r"\b(?:follow[- ]?up|sequel|successor|compared|comparison|than)\s+(?:to\s+|with\s+)?"
    r"(?:(?:the|its|their|his|her)\s+)?$",
    re.IGNORECASE,
)


def _season_subject(state: Subject | None, title_passage: bool) -> Subject | None:
    """Whose is a sentence naming the watched season without a title: the watch's in a
    passage about the watch or its title, else the passage's."""
    if state in (Subject.WATCH, Subject.TITLE) or (state == Subject.OTHER and title_passage):
        return Subject.WATCH
    return state


def _entry_label(text: str) -> bool:
    """A heading written as a short sentence about what happens, not as a title: a
    liveblog entry's "Panel wraps", "A tribute first". It names no work (a work's name
    is capitalized), so the passage stays whose it was."""
    words = _WORD.findall(text)
    return (
        1 < len(words) <= 8
        and not any(w[0].isupper() for w in words[1:])
        and any(len(w) >= 4 and w.islower() for w in words[1:])
    )


def _question_line(text: str) -> bool:
    """A block that is one short question ("When did X season 2 come out?")."""
    text = text.strip()
    return len(text) < 120 and text.endswith("?") and "\n" not in text and "." not in text[:-1]


def _sentence_case(text: str) -> bool:
    """A heading written as a sentence ("Panel wraps", "A tribute first"), not as a
    name: a longer word after the first in lower case. A liveblog's entries and an
    article's sub-headings are so; another work's title is not."""
    words = [w for w in _WORD.findall(text)[1:] if len(w) >= 4]
    return any(w[0].islower() for w in words)


def _entry_line(text: str) -> bool:
    """A short plain line written as a name ("The Bleeding Edge", "El Chapo (Season 3)"):
    every longer word capitalized, no date, no sentence punctuation."""
    text = text.strip()
    if not text or len(text) > 70 or "\n" in text or text[-1] in ".!?,;:":
        return False
    name = _ENTRY_TAG.sub("", text)
    if _DATE_WORD.search(name) and _DIGIT.search(name):
        return False  # ("Critical Thinking (2020)": a film's year, no date; "Freakier
        # Friday": a weekday in a name, no date without a number)
    words = [w for w in _WORD.findall(text) if len(w) >= 4]
    return bool(words) and all(w[0].isupper() for w in words)


# A numbered list's entry opening a paragraph: "5. IronHeart", "12) The Bear" (not a
# date, a decimal or an hour: "5.30pm", "2.5 million").
# (or a bulleted one: "– Dolphin Tale 2 has been confirmed for ...", "* Season 2 of ...")
_NUMBERED_ENTRY = re.compile(
    r"\s*(?:\d{1,2}\s*[.)]|[-\u2013\u2014*\u2022\u00b7])\s*(?=[A-Z\"'\u201c\u2018])"
)


def _dash_entries(blocks: Sequence[object], watch: Watch) -> dict[int, str]:
    """The body's entry lines opened by a work's name and a dash ("Oculus – Relativity
    Media has set ...") or a full stop ("Foxcatcher. The drama moved ..."), by block
    index -> name; only where the page has two or more, so a list of them (one such
    line may be a person or a place set off in prose)."""
    found: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if block.heading or block.chrome:  # type: ignore[attr-defined]
            continue
        match = _DASH_ENTRY.match(block.text)  # type: ignore[attr-defined]
        if match is None or _NOT_ENTRY_NAME.match(match.group(1)):
            continue
        if match.group().rstrip().endswith(".") and block_role(block) != "list_item":
            continue  # (a name as a sentence of its own opens a list's item, not a caption's)
        name = match.group(1)
        if title_mentions(name, watch) or other_work_before(name + " x", len(name) + 1, watch):
            found[index] = name
    return found if len(found) >= 2 else {}


# A name of one to seven words (capitalized, or the small words of a title) and a dash,
# or a colon and the entry's text in lower case ("Title: trailers on the tape promised
# summer 1997. It arrived in spring 1998."; not a subtitle, "Title: Part Two"), or a
# full stop, the name a sentence of its own ("Foxcatcher. The Steve Carell drama moved
# from Dec. 20 ...").
_DASH_ENTRY = re.compile(
    r"\W{0,2}((?-i:[A-Z0-9])[\w'\u2019&!.:-]*(?:\s+(?:(?-i:[A-Z0-9])[\w'\u2019&!.:-]*|of|the|a|"
    r"an|and|&|in|on|to|at|for|with)){0,6})(?:\s+[\u2013\u2014]\s+(?=\S)|:\s+(?=[a-z])"
    r"|(?<![A-Z\d])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Vs|vs))(?<!Mrs)\.\s+(?=[A-Z\"\u201c]))"
)
# ... but not a date, a season or a note opening the line: "June 5 – ...", "Update – ..."
_NOT_ENTRY_NAME = re.compile(
    r"(?i:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tues?(?:day)?|"
    r"wed(?:nesday)?|thu(?:rs)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|season|series|"
    r"part|episode|chapter|volume|update[sd]?|note|edit|correction|source|via|photo|credit|"
    r"image|watch|read|more|related|also|yes|no|q|a)\b|\d)"
)
# A listicle entry's tag after its name: "(2020)", "(Season 3)", "(movie)", "(Netflix)".
_ENTRY_TAG = re.compile(r"\s*\([^()]{1,30}\)$")


def _entry_shape(text: str, role: str) -> tuple[str, str]:
    """What a list's entry lines share: the role the page gives them and the label
    before a colon ("Trailer: Tickled" and "Trailer: Another Film"), none for a bare name."""
    label, colon, _ = text.partition(":")
    return role, label.strip().lower() if colon else ""


def _dated_entry_line(text: str) -> bool:
    """A list's entry line dated in its tag: "Spielberg (October 9)"."""
    text = text.strip()
    if len(text) > 100 or not text.endswith(")"):
        return False
    tag = _ENTRY_TAG.search(text)
    return bool(tag and _DATE_WORD.search(tag.group()) and _entry_line(text[: tag.start()]))


def _title_line(text: str) -> bool:
    """A short line written like a title ("Wednesday Season 2 Part 2")."""
    return len(text) < 80 and text[-1:] not in ".!?," and headline_case(text) and "\n" not in text


def _heading_part(text: str, named: Subject | None) -> int:
    """The part a heading about the watch names ("Wednesday Season 2 Part 2"), else 0."""
    if named not in (Subject.WATCH, Subject.TITLE):
        return 0
    parts = part_references(text)
    return parts[-1][2] if parts else 0


def block_role(block: object) -> str:
    """A page block's role; "body" until the page parser gives blocks roles (and for
    documents, such as feed entries, whose blocks carry none)."""
    return getattr(block, "role", "body") or "body"


def _without_titles(text: str, titles: list[tuple[int, int, int | None]]) -> str:
    kept, position = [], 0
    for start, end, _ in titles:
        kept.append(text[position:start])
        position = max(position, end)
    return " ".join([*kept, text[position:]])


def _date_only(text: str) -> bool:
    """A heading that is just a date ("Thursday, January 23, 2025") names no other show:
    every letter is inside a date word. (One scan that stops at the first letter outside
    one, a prose line's first word, where removing the date words and looking for a
    letter left read the whole text twice: the scan tries a date word where removal
    would, so a letter it meets is one removal leaves.)"""
    if _DIGIT.search(text) is None:
        return False
    for match in _DATE_WORD_OR_LETTER.finditer(text):  # noqa: SIM110 (a plain loop costs less)
        if match.group(1) is not None:
            return False
    return True


_DATE_WORDS = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan\w*|feb\w*|mar\w*|apr\w*|may|"
    r"jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|\d+(?:st|nd|rd|th)?)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# ... or, failing one, an ASCII letter (in any case: the scoped flag keeps re's IGNORECASE
# from taking the Kelvin sign and the long s as letters of [A-Za-z]).
_DATE_WORD_OR_LETTER = re.compile(
    r"(?:" + _DATE_WORDS.pattern + r")|((?-i:[A-Za-z]))", re.IGNORECASE
)


# A guide's question about when, answered in the same block: "When can I watch it? July 20",
# "Release date: ..." is a field; "When does it premiere? Sept. 24 on Fox."
def _asks_of_coming_season(text: str, watch: Watch) -> bool:
    """The question asks of the title's new, next or final season, by no number."""
    question = text[: text.find("?") + 1]
    refs = season_references(question, watch)
    return bool(refs) and all(r.season is None for r in refs)


_WHEN_QUESTION = re.compile(
    r"\s*(?:when\b|what\s+is\s+the\s+(?:release|premiere|air)\s+date|(?:release|premiere)\s+date"
    r"\b)[^?]{0,60}\?\s*\S",
    re.IGNORECASE,
)
_DATE_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)


def _ends_sentence(text: str) -> bool:
    """A full stop, a question or an exclamation ends the text; not an hour's "p.m."
    ("Royal Pains (USA), 10 p.m." is a schedule's line)."""
    end = text.rstrip()
    return end[-1:] in (".", "?", "!") and _HOUR_END.search(end) is None


_HOUR_END = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s*[ap]\.m\.$", re.IGNORECASE)


def _schedule_line(text: str, role: str) -> bool:
    """A short list item or line with no date of its own: one entry of a schedule."""
    return (
        role in ("list_item", "body", "field")
        and len(text) <= 160
        and not text.lstrip().startswith("|")
        and _DATE_WORD.search(text) is None
        and not _ends_sentence(text)
    )


# (and a comma after a title's tag: "His and Hers (Netflix), Jan. 8, 2026")
_LINE_SEPARATOR = re.compile(r"\s+[\u2014\u2013-]\s+|:\s+|(?<=\)),\s+")


def _dated_line(text: str) -> str | None:
    """A short line that is a date, a dash and a title, read as a listings row
    ("| Thursday, June 5 | Ginny & Georgia: Season 3"); None for anything else."""
    if len(text) > 160 or text.rstrip().endswith((".", "?", "!")):
        return None
    separator = _LINE_SEPARATOR.search(text)
    if separator is None:
        return None
    head, rest = text[: separator.start()].strip(), text[separator.end() :].strip()
    if (
        rest
        and ":" not in separator.group()
        and not _DATE_WORD.search(head)
        and _DATE_WORD.search(rest)
        and _date_only(rest)
        and not _FIELD_LABEL.search(head)
    ):
        # "The Crown (Season 2) - December 8, 2017": a slate's line, the title first
        return f"| {rest} | {head}"
    if not rest or not _DATE_WORD.search(head) or not _date_only(head):
        return None
    return f"| {head} | {rest}"


# A line's label that names a fact, not a work ("Release date - ...", "Updated - ...").
_FIELD_LABEL = re.compile(
    r"\b(?:date|release|premiere|updated?|posted|published|by|air\w*|out|returns?|due)\b",
    re.IGNORECASE,
)


_CLOCK = re.compile(
    r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b\d{1,2}[.:]\d{2}\b", re.IGNORECASE
)
_FIELD_SEPARATOR = re.compile(r",\s+|\s+[|\u2022\u00b7/]\s+")


def _listing_line(text: str) -> str | None:
    """A TV listing's line: a title, a channel, a day, a date and a time, and no sentence
    ("Poldark, BBC One, Sunday, June 10, 9pm"), read as a listings row."""
    if len(text) > 120 or text.rstrip().endswith((".", "?", "!")):
        return None
    if _CLOCK.search(text) is None or _DATE_WORD.search(text) is None:
        return None
    fields = [f.strip() for f in _FIELD_SEPARATOR.split(text) if f.strip()]
    if len(fields) < 3 or any(len(f.split()) > 6 for f in fields):
        return None
    return "| " + " | ".join(fields)


# A schedule's programme line: its hour, then a quoted title or a premiere note.
_PROGRAMME_LINE = re.compile(
    r"^\s*\d{1,2}(?:[.:]\d\d)?(?:\s*[ap]\.?m\.?)?(?:\s*[-\u2013]\s*\d{1,2}(?:[.:]\d\d)?)?"
    r"\s*(?:[ap]\.?m\.?)?[^\n]{0,12}?(?:[\"\u201c\u2018]\w|[^\n]*\([^)]*\b(?:premiere|"
    r"finale|new\s+series|debut)\b)"
    # an hour with its half of the day, then a title: "7:00-8:00 p.m. 60 Minutes"
    r"|^\s*\d{1,2}(?:[.:]\d\d)?(?:\s*[-\u2013]\s*\d{1,2}(?:[.:]\d\d)?)?\s*[ap]\.?m\.?"
    r"(?:\s*[ECMP][SD]?T\b)?(?:\s*[-\u2013\u2014:])?\s+(?-i:[A-Z0-9])"
    # a season list's entry, its title, season and network: "Bull (season 2), CBS"
    r"|^\s*[A-Z0-9][^()\n]{0,80}\((?:season|series)\s+\d{1,2}\)\s*(?:,|[-\u2013\u2014])\s*[A-Z]",
    re.IGNORECASE,
)


def _day_line(blocks: Sequence[object], index: int) -> bool:
    """A block that is only a date, over a programme line of a schedule (its hour and a
    quoted title), or a date as a label over an entry's name: the day of the lines below
    it, as a heading would be."""
    text = getattr(blocks[index], "text", "")
    if not _DATE_WORD.search(text) or _CLOCK.search(text) or not _date_only(text):
        return False
    if index + 1 >= len(blocks):
        return False
    below = getattr(blocks[index + 1], "text", "")
    if _HOUR_LINE.fullmatch(below) and index + 2 < len(blocks):
        # a grid whose hour is a line of its own: "8:00-8:30 PM" / "SHOW (SERIES DEBUT)"
        below = f"{below} {getattr(blocks[index + 2], 'text', '')}"
    hour = _HOUR_LINE.match(below)
    if hour is not None and CHANNEL.match(below, hour.end()):
        return False  # "9.00-10.00pm BBC One": a transmission line, the passage's programme
    if _PROGRAMME_LINE.match(below) is not None or _TAGGED_ENTRY.match(below) is not None:
        return True
    if _QUOTED_ENTRY.match(below) is not None:
        return True  # 'Returning: "Parenthood" (10 p.m., NBC)': a quoted title and its slot
    # "May 29th:" over "San Andreas": a date set as the label of the entry below it
    return text.rstrip().endswith(":") and _entry_line(below)


# A schedule's entry with no hour, its season in brackets: "Gotham (season 4), Fox",
# "Riviera (new series), Sundance Now", wherever the brackets are and whatever else they
# hold ("Fate: The Winx Saga (Netflix, Season 2)", "You're the Worst (FXX), 10:30 p.m.
# (Season 2)"), or after a dash ("Total Divas – Season 8 (E!)"); or a title and only its
# network in brackets ("The Good Cop (Netflix)").
_TAGGED_ENTRY = re.compile(
    r"[^\n]{2,100}?(?:\([^()\n]*\b(?:(?:season|series)\s+\w+|new\s+series|premiere|debut|"
    r"finale)\b[^()\n]*\)|\s[-\u2013\u2014]\s+(?:season|series)\s+\d)"
    r"|[^()\n]{2,80}\((?-i:[A-Z][\w&!+.'\u2019/-]*)(?:\s+[\w&!+.'\u2019/-]+){0,3}\)"
    # ... and its hour after it ("Game Shakers (Nickelodeon), 8:30 p.m.")
    r"(?:,?\s+\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?)?\s*$"
    # A listicle's entry, its quoted title and a colon: ""Queen Sugar": The drama returns"
    r"|\s*[\"\u201c][^\"\u201d\n]{1,80}[\"\u201d]:\s",
    re.IGNORECASE,
)


# A schedule's line of quoted titles, each with its slot or network in brackets, after
# an optional label: 'Returning: "One Tree Hill" (8 p.m., CW), "Parenthood" (10 p.m., NBC)'.
_QUOTED_ENTRY = re.compile(
    r"\s*(?:[A-Za-z][\w ]{0,20}:\s+)?[\"\u201c\u2018][^\"\u201d\u2019\n]{1,80}[\"\u201d\u2019]"
    r"\s*\([^()\n]{1,40}\)"
)


# A schedule line that is only its hour: "8:00-8:30 PM", "9pm", "10:00-11:00 p.m. ET".
_HOUR_LINE = re.compile(
    r"\s*\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[-\u2013]\s*\d{1,2}(?:[.:]\d\d)?"
    r"\s*(?:[ap]\.?m\.?)?)?\s*(?:[ECMP][SD]?T)?\s*",
    re.IGNORECASE,
)


def _transmission(blocks: Sequence[object], index: int) -> bool:
    """A block that is only a date, over a short line with a time ("9pm BBC One")."""
    text = getattr(blocks[index], "text", "")
    if len(text) > 40 or index + 1 >= len(blocks) or not _DATE_WORD.search(text):
        return False
    if _CLOCK.search(text) is not None or not _date_only(text):
        return False  # "16:14, 13 Jul 2023": a page's time stamp
    after = getattr(blocks[index + 1], "text", "")
    return (
        len(after) <= 80
        and _CLOCK.search(after) is not None
        and _DATE_WORD.search(after) is None  # "Updated 17:02, 13 Jul 2023": another stamp
    )


_HEADING_PARTS = re.compile(r"\s+[\u00b7|\u2022\u2013\u2014-]\s+")


def _day_of_heading(text: str) -> str:
    """The date a heading is, or "": "Wednesday, Feb. 7, 2024", "September 16:" (its colon
    dropped: the date finder reads "16:" as a time), "BBC One · Sunday 1 January" (a
    listings grid's channel and day)."""
    for part in _HEADING_PARTS.split(text.strip()):
        part = part.strip().rstrip(":").strip()
        if part and _date_only(part) and _DATE_WORD.search(part):
            return part
        if _BARE_WEEKDAY.fullmatch(part):
            # a week's list, day by day: "Thursday" over its titles is that week's
            # Thursday (written so, since a bare weekday alone is no date to the finder)
            return f"this {part}"
    return ""


# A grid entry opening with its hour, up to its first full stop: "9.00pm Happy Valley New
# series." (the entry's blurb follows).
# Its hour may be a range and a dash may set off the title ("8:00-10:00 PM – SURVIVOR
# (47th season premiere) – *Regular timeslot begins ..."): the row ends at the next dash
# or full stop, the note after it being the slot's later airings.
_SLOT_ENTRY = re.compile(
    r"\s*\d{1,2}(?:[.:]\d\d)?(?:\s*[-\u2013]\s*\d{1,2}(?:[.:]\d\d)?)?\s*"
    r"(?:am|pm|a\.m\.|p\.m\.)(?:\s*[ECMP][SD]?T\b)?(?:\s*[-\u2013\u2014:])?\s+"
    r"(?-i:[A-Z0-9])[^.!?\u2013\u2014*]{1,80}?(?=\s+[-\u2013\u2014]\s|\s*\*|[.!?]|$)[.!?]?",
    re.IGNORECASE,
)


# A calendar's entry that opens on its title, quoted or with its network in brackets,
# then a colon and its blurb: '"Lodge 49" (AMC, Mondays at 10): The second season ...'.
_CALENDAR_ENTRY = re.compile(
    r"\s*(?:[\"\u201c][^\"\u201d\n]{1,80}[\"\u201d](?:\s*\([^()\n]{1,60}\))?"
    r"|(?-i:[A-Z0-9])[^()\n:.!?]{0,80}\([^()\n]{1,60}\))(?=:\s)"
)


# A slot that is a promotion, not a programme: "9.30pm Trailer: ... coming soon".
_PROMO_SLOT = re.compile(r"\b(?:trailer|teaser|promo|preview|coming\s+soon)\b", re.IGNORECASE)


def _channel_heading(text: str) -> bool:
    """A short heading that is a name ("NBC", "BBC One", "Prime Video"), no date."""
    words = text.split()
    return (
        0 < len(words) <= 3
        and len(text) <= 25
        and _DATE_WORD.search(text) is None
        and all(w[0].isupper() or w[0].isdigit() for w in words)
    )


_BARE_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)


def _two_cells(block: object) -> bool:
    """A table row of a title and its date ("| Abbott Elementary season 3 | February 7")."""
    return len(getattr(block, "cells", ()) or ()) == 2


def _label_row(block: object, watch: Watch) -> bool:
    """A two-cell row whose first cell labels the second and names no work ("| Airs |
    Saturday, October 7", "| PV | Official PV"): under a heading naming the watch (a
    preview's table of the show's facts), a field of that item, not a listing of
    another title."""
    cells = getattr(block, "cells", ()) or ()
    label = str(cells[0]).strip(" |:") if cells else ""
    return (
        0 < len(label) <= 24
        and len(label.split()) <= 3
        and not any(c.isdigit() for c in label)
        and classify(label, watch) is None
        and classify(str(block.text), watch) is None
    )


def _schedule_row(text: str) -> bool:
    """A table row of three or more cells ("| Aug. 15 | Emily in Paris | Season 4")."""
    return text.lstrip().startswith("|") and text.count(" | ") + 1 >= 3
