"""Whose date it is: the watch, another work, another season, the article itself."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from scraper.extract import cues, languages, scope, subject, works
from scraper.extract.candidates import DateCandidate
from scraper.extract.evidence.about import (
    SUBTITLE,
    UNNAMED_RETURN,
    about_once,
    names_alias,
    names_season,
)
from scraper.extract.evidence.governs import (
    _broadcast_slot,
    _dated_entry,
    _listing,
    _moved_to,
    _release_verb,
    _schedule_row,
    apposition_of_watch,
)
from scraper.extract.evidence.rules import View, found, rule
from scraper.extract.gate import gated
from scraper.extract.reading import Subject
from scraper.extract.subject import (
    part_references,
    season_references,
    title_mentions,
)
from scraper.models import Watch

# ---------------------------------------------------------------- whose it is


@rule(
    "other_product",
    -4,
    "another product shares the title: a game, a console release",
    "the game arrives on PS5 on Oct. 4",
)
def _product(c: DateCandidate, v: View, w: Watch) -> str | None:
    for match in cues.OTHER_PRODUCT.finditer(v.clause):
        if cues.SOURCE_BEFORE.search(v.clause, max(0, match.start() - 40), match.start()):
            continue  # "mixes action and nostalgia for fans of the games": the film's source
        return match.group().strip()
    return None


# A date in brackets right after a name: "BORDERTOWN (Jan. 3), LUCIFER (Jan. 25)",
# "The Lantern Keepers (premieres April 19)", a roundup's "Title Season 2 (HBO Max, Jan.
# 8)" (its network first). The name before the bracket owns it.
_OPENS_BRACKET = re.compile(r"\(\s*(?:[a-z][\w ]{0,18}\s|[A-Z][\w+&'\u2019 ]{0,18},\s*)?$")
_CLOSES_BRACKET = re.compile(r"[^()]{0,20}\)")
_NAME_BEFORE = re.compile(r"([A-Z0-9][\w'\u2019&:!?.-]*)\s*$")


def _bracket_owner(c: DateCandidate, w: Watch) -> str | None:
    """For a date in brackets right after a name: "watch" when the watch's name (and at
    most a season phrase) ends there, the other name otherwise; None when not so placed."""
    text = c.sentence.text
    start = c.mention.start
    opened = _OPENS_BRACKET.search(text, max(0, start - 24), start)
    if opened is None or _CLOSES_BRACKET.match(text, c.mention.end) is None:
        return None
    before = text[: opened.start()].rstrip()
    for _, end, _ in title_mentions(before[-160:], w):
        gap = before[-160:][end:]
        if len(gap) <= 20 and not any(ch.isupper() for ch in gap.replace("Season", "")):
            # (not a video of it: "Harbor Lights season 3 trailer (May 6, 2024)" dates
            # the trailer)
            return None if cues.TRAILER.search(gap) else "watch"
    name = _NAME_BEFORE.search(before)
    return name.group(1) if name is not None else None


@rule(
    "bracketed_for_watch",
    2,
    "the date in brackets right after the watch's name in a list of names",
    "... SECOND CHANCE (Jan. 13) and LUCIFER (Jan. 25)",
)
def _bracketed_for_watch(c: DateCandidate, v: View, w: Watch) -> str | None:
    return "in brackets after the title" if _bracket_owner(c, w) == "watch" else None


@rule(
    "bracketed_for_other",
    -4,
    "the date in brackets right after another name",
    "BORDERTOWN (Jan. 3), LUCIFER (Jan. 25)",
)
def _bracketed_for_other(c: DateCandidate, v: View, w: Watch) -> str | None:
    owner = _bracket_owner(c, w)
    return owner if owner not in (None, "watch") else None


@rule(
    "earlier_work",
    -4,
    "an earlier work is the date's subject",
    "the original series premiered April 10, 2015",
)
def _earlier(c: DateCandidate, v: View, w: Watch) -> str | None:
    start = c.mention.start - v.left
    for match in cues.EARLIER_WORK.finditer(v.clause):
        if cues.BRANDED_ORIGINAL.search(v.clause, max(0, match.start() - 30), match.start()):
            continue  # "the Disney+ original series debuts": the streamer's label for it
        if cues.NEW_ORIGINAL.search(v.clause, max(0, match.start() - 4), match.end()):
            continue  # "an original series from Disney Television Animation": not adapted
        if _in_aside(v.clause, match.start(), match.end(), start):
            continue  # "The series, set two centuries before the original show, premieres"
        if match.start() > start and _RELATED_TO.search(
            v.clause, max(start, match.start() - 40), match.start()
        ):
            continue  # "airs from 28 August, a follow-up to 2021's original series": the
            # earlier work, after the date, is what the watch is related to, not its subject
        return match.group().strip()
    first = _first_entry(w)
    if first is not None and (seen := first.search(v.clause, 0, start)):
        return seen.group()  # "The first Planet Earth ... back in 2006" (watching II)
    # the date in a relative clause whose antecedent is the earlier work, the clause
    # itself naming none: "a 5% rise on the first film, which opened in September 2014"
    relative = _WHICH_PREMIERED.search(v.text, max(0, c.mention.start - 60), c.mention.start)
    if relative and not title_mentions(v.text[: relative.start()], w):
        antecedent = v.text[max(0, relative.start() - 50) : relative.start()]
        match = _EARLIER_AT_END.search(antecedent)
        if match and not cues.BRANDED_ORIGINAL.search(antecedent, 0, match.start()):
            return (match.group() + relative.group()).strip()
    return None


# A relation that makes the work after it its object: "a follow-up to", "a sequel to",
# "ten years after", "bigger than".
_RELATED_TO = re.compile(
    r"\b(?:(?:follow[\s-]?up|sequel|successor|prequel|companion|spin[\s-]?off)\s+(?:to|of)|"
    r"after|since|than|following)\s+(?:[\w'\u2019-]+\s+){0,4}$",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def _first_entry(w: Watch) -> re.Pattern[str] | None:
    """For a numbered sequel ("Planet Earth II", "Dune: Part Two"), its base title named
    as the first or original entry: "the first Planet Earth", "the original Dune"."""
    bases = {
        m.group(1)
        for name in (w.title, *w.aliases)
        if (m := _NUMBERED.fullmatch(name.strip())) is not None and len(m.group(1)) >= 3
    }
    if not bases:
        return None
    names = "|".join(re.escape(b) for b in sorted(bases, key=len, reverse=True))
    return re.compile(
        r"\b(?:first|original|previous|earlier)\s+(?:" + names + r")\b(?![\s:]+(?:part\s+)?"
        r"(?:II|III|IV|[2-9]|two|three|four)\b)",
        re.IGNORECASE,
    )


_NUMBERED = re.compile(
    r"(.+?)[\s:\u2013-]+(?:(?:part|chapter|vol\.?|volume)\s+)?(?:II|III|IV|V|VI|[2-9]|two|"
    r"three|four|five)",
    re.IGNORECASE,
)


def _in_aside(clause: str, at: int, end: int, date_start: int) -> bool:
    """clause[at:end] sits in an aside set off by commas that closes before the date:
    what the aside compares the work with is not the date's subject."""
    opened = clause.rfind(",", 0, at)
    closed = clause.find(",", end)
    return opened > 0 and 0 <= closed < date_start and "," not in clause[closed + 1 : date_start]


_EARLIER_AT_END = re.compile(r"(?:" + cues.EARLIER_WORK.pattern + r")\s*$", re.IGNORECASE)


@rule(
    "other_work_relative",
    -4,
    "a relative clause about another work: ', which opened ...'",
    "after the animated series Creature Commandos, which premiered Dec. 5",
)
def _relative(c: DateCandidate, v: View, w: Watch) -> str | None:
    # '"Avengers: Endgame," which opened April 26, 2019': a quoted title as the antecedent
    quoted = _QUOTED_WHICH.search(v.text, max(0, c.mention.start - 120), c.mention.start)
    # ('the season 3 premiere of Review, "Locorito / Dream", which aired March 16': the name
    # in apposition to an episode is that episode's, no other work, however it is read)
    episode = quoted is not None and bool(
        subject.EPISODE_NAMED_BEFORE.search(v.text, max(0, quoted.start() - 80), quoted.start())
    )
    relative = re.search(r",\s+which\s+$", v.text[: v.left], re.IGNORECASE)
    if relative and not episode and scope.other_work_antecedent(v.text, relative.start(), w):
        return v.text[max(0, relative.start() - 40) : relative.end()].strip()
    if (
        quoted
        and not episode
        and not any(
            s < quoted.end(1) and quoted.start(1) < e for s, e, _ in title_mentions(v.text, w)
        )
    ):
        return quoted.group().strip()
    # 'Also joining the list is Vigil, which in 2021 became ...': an unquoted name
    # (not the watch, a network, a season or a person) as the antecedent
    bare = _BARE_WHICH.search(v.text, max(0, c.mention.start - 130), c.mention.start)
    if (
        bare
        and not _PLACE_BEFORE.search(v.text, max(0, bare.start() - 50), bare.start())
        and subject.other_work_before(v.text, bare.start(), w)
    ):
        return v.text[max(0, bare.start() - 30) : bare.end()].strip()
    return None


# (the date anywhere in the relative clause, up to its closing comma)
_BARE_WHICH = re.compile(r",\s+which\s+[^,;]{0,120}$")
# A place, not a work: "its premiere in Japan, which will be on July 11"
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|across|throughout|around|outside)\s+(?:the\s+)?[A-Z][\w'\u2019.-]*"
    r"(?:\s+[A-Z][\w'\u2019.-]*){0,3}$"
)


_QUOTED_WHICH = re.compile(
    r"[\"\u201c\u2018]([A-Z0-9][^\"\u201d\u2019]{1,60}?),?[\"\u201d\u2019],?\s+which\s+"
    r"(?:[\w'\u2019-]+\s+){0,4}$"
)


@rule(
    "previous_credit",
    -4,
    "a person's earlier credit, the watch not named since",
    "Barton previously created Giri/Haji, which premiered in October 2019",
)
def _credit(c: DateCandidate, v: View, w: Watch) -> str | None:
    credits = list(cues.PREVIOUS_CREDIT.finditer(v.text, 0, c.mention.start))
    if not credits:
        return None
    if any(s >= credits[-1].end() for s, _, _ in title_mentions(v.text[: c.mention.start], w)):
        return None
    return credits[-1].group()


@rule(
    "later_part",
    -4,
    "a later part or volume of the season (its date is the first part's)",
    "Part 2 arrives July 4",
)
def _later(c: DateCandidate, v: View, w: Watch) -> str | None:
    if w.season is None:
        return None
    left = v.left
    relative = re.search(r",\s+which\s+$", v.text[:left], re.IGNORECASE)
    if relative:  # ", which arrives Sept. 12": the part is named in the antecedent's clause
        left = cues.clause_around(v.text, max(0, relative.start() - 1), relative.start())[0]
    clause = v.text[left : v.right]
    start, end = c.mention.start - left, c.mention.end - left
    parts = part_references(clause)
    if not any(p[0] < start for p in parts) and _COLON_BEFORE.search(v.text, 0, left):
        # "the back half now has a date: the show returns Aug. 10", "Volume 1: November 26"
        head = v.text[:left]
        parts = [(s - left, e - left, n) for s, e, n in part_references(head)[-1:]] + parts
    if _parts_are_seasons(w):
        parts = [p for p in parts if p[2] != w.season]  # "Lupin Part 3" is the watch
    # "As with the first batch, episodes stream a week early": the part compared with is
    # not the one the clause dates
    parts = [p for p in parts if p[0] < 0 or not _COMPARED_WITH.search(clause, 0, p[0])]
    before = [p for p in parts if p[0] < start]
    after = [p for p in parts if p[0] >= end]
    nearest = before[-1] if before else (after[0] if after else None)
    if (
        nearest is not None
        and nearest[2] > 1
        and not _season_appositive(v.text, left + nearest[0], w)
    ):
        return v.text[left + nearest[0] : left + nearest[1]]
    if (
        nearest is None
        and c.sentence.part > 1
        and not _parts_are_seasons(w)
        and not season_references(v.text, w)
        and not any(season is not None for _, _, season in title_mentions(v.text, w))
    ):
        return f"under a heading naming part {c.sentence.part}"
    return None


_COLON_BEFORE = re.compile(r":\s*$")
_COMPARED_WITH = re.compile(
    r"\b(?:as\s+with|like|unlike)\s+(?:the|its|their)\s+$", re.IGNORECASE
)


def _season_appositive(text: str, at: int, w: Watch) -> bool:
    """The part phrase at `at` is an appositive of a season named right before it:
    "Season 3, the final chapter, follows in 2025" names the season, not a part of it."""
    return any(
        r.season is not None and _APPOSITIVE_GAP.fullmatch(text, r.end, at)
        for r in season_references(text, w)
        if r.end <= at
    )


# (described, "Season 3, the final chapter"; not numbered, "Season five, part two")
_APPOSITIVE_GAP = re.compile(r"\s*[,(\u2014\u2013]\s*(?:the|its|their)\s+", re.IGNORECASE)


def _parts_are_seasons(w: Watch) -> bool:
    """An alias names the season as a part ("Lupin Part 3"): its parts are seasons."""
    return any(part_references(alias) for alias in w.aliases)


@rule(
    "first_part",
    2,
    "the first part of the watched season: its date is the season's",
    "the season arrives in two parts, with Part 1 on July 4 and Part 2 on August 1",
)
def _first_part(c: DateCandidate, v: View, w: Watch) -> str | None:
    if w.season is None or _parts_are_seasons(w):
        return None
    parts = part_references(v.clause)
    start = c.mention.start - v.left
    before = [p for p in parts if p[1] <= start]
    if not before and _COLON_BEFORE.search(v.text, 0, v.left):
        # "Volume 1: November 26", the label's colon closing the clause before the date
        head = part_references(v.text[: v.left])[-1:]
        before = [(s - v.left, e - v.left, n) for s, e, n in head]
    if not before or before[-1][2] != 1 or start - before[-1][1] > 40:
        return None  # (the part must lead straight to its date: "Part 1 on July 4")
    if not about_once(c, v, w) or _other_subject(c, v, w):
        return None  # ("Mad Men returns for the first half of its final season": its own)
    return v.text[v.left + before[-1][0] : v.left + before[-1][1]]


@rule(
    "other_work_named",
    -4,
    "the sentence names another work (in quotes, or a spin-off) and not the watch",
    "'Hawkeye' premieres Nov. 24",
)
def _other_named(c: DateCandidate, v: View, w: Watch) -> str | None:
    text = v.text
    # A gapped clause after a comma, its verb left out: "'Agatha' Moves to Fall 2024,
    # 'Echo' to January": the name before "to" is the date's subject, whatever the first
    # clause named.
    gapped = _GAPPED.search(text, max(0, c.mention.start - 80), c.mention.start)
    if gapped is not None and not title_mentions(gapped.group("name"), w):
        return gapped.group("name").strip()
    if title_mentions(text, w):
        return None
    # (a quoted name in an earlier clause has its own verb: '"Wicked" opens Nov. 22, and
    # the sequel is scheduled for Nov. 21, 2025'; unless the clause is its relative one)
    start = 0 if _RELATIVE_BEFORE.search(text, 0, v.left) else v.left
    # (a work the date is compared with, after it, is no subject of it: 'will debut on
    # Dec. 22, sharing its date with "Migration"', 'opens May 3, a week after "Sinners"')
    companion = cues.COMPANION_AFTER.match(text, c.mention.end)
    stop = companion.start() if companion else len(text)
    # (nor a name after the date in a clause of its own: 'is set for April 1, 2022, while
    # "Sesame Street" has been delayed', the other clause's subject)
    contrast = _CONTRAST_AFTER.search(text, c.mention.end, stop)
    stop = contrast.start() if contrast else stop
    # (the watch as a plain noun opening the sentence, the date in its clause, is the
    # subject; a name quoted after the date is what it shows: 'The docu-series, which
    # premieres Dec. 3, follows the cast of "Some Musical"')
    if cues.WORK_NOUN_SUBJECT.match(text):
        closing = text.find(",", c.mention.end)
        stop = min(stop, closing) if closing >= 0 else stop
    # (a quoted name the clause starts inside counts too: its colon, '“Star Trek:
    # Picard,” will premiere', is no clause break)
    for quoted in cues.QUOTED_TITLE.finditer(text, max(0, start - 80), stop):
        if quoted.end() <= start:
            continue
        lead = _quoted_as_spaces(text[max(0, quoted.start() - 50) : quoted.start()])
        if _EPISODE_BEFORE.search(lead):
            continue  # (a word of a name quoted before it is none: '"John Wick: Chapter 4"
            # on May 21, and "The Flash" on July 1')
        if not _LETTER.search(quoted.group(1)):
            continue  # a quoted year or number names no work: 'only "2022." on the card'
        if _starts_watch_title(quoted.group(1), w) and _with_watched_season(text, quoted, w):
            continue  # 'season 2 of "Demon Slayer"', watching "Demon Slayer: Kimetsu no
            # Yaiba" season 2: the watch's short name, its season beside it
        if _NEW_ENTRY_BEFORE.search(text, max(0, quoted.start() - 20), quoted.start()) and (
            _starts_watch_title(quoted.group(1), w)
        ):
            continue  # 'its new "Karate Kid"', watching "Karate Kid: Legends": the watch
        if _sequel_named_by(text, quoted) and _starts_watch_title(quoted.group(1), w, shorter=True):
            continue  # 'the big "Shazam!" sequel', 'the sequel to "Frozen"', watching
            # "Shazam! Fury of the Gods" or "Frozen 2": the work it follows names the watch
        return quoted.group().strip()
    seen = found(cues.NAMED_SPINOFF, text)
    if seen:
        return seen
    # the works a group of them "include", named in a list the watch is not in: "sequels
    # hitting theaters later this year include Spectre, and Star Wars: The Force Awakens"
    if listed := _INCLUDES_NAMES.search(text):
        return listed.group().strip()
    # (a parenthetical after the date is an actor's name or an aside, not its subject)
    return found(_PARENTHETICAL, text[: c.mention.start])


# A work's tag after its name: "Critical Thinking (2020)", "Ghosts (CBS)". (Not a
# description, which follows a person's name: "Dafne Keen (the star of Logan)", "Rick
# Lincoln (who has played ...)".)
# (Nor a source credited after a name: "at CinemaCon (via The Film Stage)".)
_PARENTHETICAL = re.compile(
    r"[A-Z][\w&'-]*\s*\((?!(?i:who|whose|the|a|an|" + cues.CREDIT_WORDS + r")\s)"
)
_RELATIVE_BEFORE = re.compile(r"\bwhich\s*$")
_CONTRAST_AFTER = re.compile(r",\s+(?:while|whereas|but|and)\s", re.IGNORECASE)


def _quoted_as_spaces(text: str) -> str:
    return cues.QUOTED_TITLE.sub(lambda m: " " * len(m.group()), text)


# "include" and two or more capitalized names in a list: "include Spectre, and Star Wars".
# (works the group is made of, not a cast: "The season includes guest stars A, B")
_INCLUDES_NAME = (
    r"(?:the\s+)?[A-Z][\w'\u2019:&!.-]*(?:\s+(?:[A-Z0-9][\w'\u2019:&!.-]*|of|the|and|in))*"
)
_INCLUDES_NAMES = re.compile(
    r"\b(?i:sequels|films|movies|shows|series|titles|releases|premieres|slate|line-?up)\b"
    r"[^.;]{0,80}?\binclud(?:e|es|ed|ing)\s+"
    + _INCLUDES_NAME
    + r"(?:,\s+(?:and\s+)?"
    + _INCLUDES_NAME
    + r")+"
)
_GAPPED = re.compile(
    r"[,;]\s+(?:and\s+)?(?P<name>['\"\u2018\u201c][^'\"\u2019\u201d]{2,60}['\"\u2019\u201d])"
    r"\s+(?:to|until|for)\s+$"
)
_NEW_ENTRY_BEFORE = re.compile(r"\b(?:new|next|upcoming|untitled|latest)\s+$", re.IGNORECASE)


_LETTER = re.compile(r"[^\W\d_]")


def _with_watched_season(text: str, quoted: re.Match[str], w: Watch) -> bool:
    """The watched season is named right beside the quoted name: 'season 2 of "X"',
    '"X" season 2', '"X" Season Two'."""
    if w.season is None:
        return False
    return any(
        r.season == w.season
        and (
            0 <= quoted.start() - r.end <= 5  # ("season 2 of ")
            or 0 <= r.start - quoted.end() <= 3  # ('" season 2')
        )
        for r in season_references(text, w)
    )


def _starts_watch_title(name: str, w: Watch, shorter: bool = False) -> bool:
    """The name's words open the watch's title or an alias (`shorter`: and are not all of
    it, the franchise's name before the watch's own)."""
    words = re.findall(r"\w+", name.lower())
    return bool(words) and any(
        full_words[: len(words)] == words and (not shorter or len(full_words) > len(words))
        for full_words in (re.findall(r"\w+", full.lower()) for full in (w.title, *w.aliases))
    )


# A sequel named by the work it follows: 'the "Shazam!" sequel', 'the sequel to "Frozen"',
# '"Dune" follow-up'.
_SEQUEL_AFTER = re.compile(r"[\s'\u2019s]*(?:sequel|follow-up|followup)\b", re.IGNORECASE)
_SEQUEL_BEFORE = re.compile(
    r"\b(?:sequel|follow-up|followup)\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)


def _sequel_named_by(text: str, quoted: re.Match[str]) -> bool:
    return bool(
        _SEQUEL_AFTER.match(text, quoted.end())
        or _SEQUEL_BEFORE.search(text, max(0, quoted.start() - 50), quoted.start())
    )


# Quoted names that are episodes, arcs or chapters of the watch: 'the first two episodes,
# "The Curse" and "Run,"', 'Part 1 closes with "For Blood,"', a wiki's episode table.
_EPISODE_BEFORE = re.compile(
    r"(?:\b(?:episodes?|eps?\.|arc|chapter|instal+ment|titled|called|named|closes\s+with|"
    r"opens\s+with|ends\s+with|kicks\s+off\s+with)\b|\|)[^.;]*$",
    re.IGNORECASE,
)


@rule(
    "paired_with_other_work",
    -4,
    "name-date pairs in a row, the watch's pair after the date: the date is the name's "
    "before it",
    "Mission Impossible 7 opens Sept. 30 and Top Gun: Maverick May 27",
)
def _paired(c: DateCandidate, v: View, w: Watch) -> str | None:
    text = v.text
    titles = title_mentions(text, w)
    if not titles or titles[0][0] < c.mention.end:
        return None
    joined = _PAIR_JOIN.match(text, c.mention.end)
    if joined is None or joined.end() != titles[0][0]:
        return None  # the watch's name must open the next pair right after the date
    if not _LATER_DATE.search(text, titles[0][1]):
        return None  # (and a date of its own follow it: "... and Top Gun: Maverick am 27. Mai")
    # the date's own name before it, since the sentence's start or the last date
    for name in _PAIR_NAME.finditer(text, v.left, c.mention.start):
        if subject.other_work_before(text + " x", name.end(), w):
            return name.group().strip()
    return None


# A coordinator between one pair and the next: ", and", "und", "et", ";".
_PAIR_JOIN = re.compile(
    r"[\s,;]*(?:\b(?:and|und|et|e|y|en|och|og|i|oraz|while|whereas)\b[\s,]*)?",
    re.IGNORECASE,
)
_LATER_DATE = re.compile(r"\d")
# A capitalized name of one to eight words, a digit or a colon allowed ("Mission
# Impossible 7", "Avengers: Secret Wars").
_PAIR_NAME = re.compile(
    r"(?<![\w'\u2019])(?-i:[A-Z])[\w'\u2019&!.-]*(?::?\s+(?:(?-i:[A-Z0-9])[\w'\u2019&!.-]*|of|the|and|&))*"
)


@rule(
    "other_work_subject",
    -4,
    "another named work is the subject of the date's verb",
    "while The Acolyte arrives June 4",
)
def _other_subject(c: DateCandidate, v: View, w: Watch) -> str | None:
    text = v.text
    # (a field's label is no work: "Air date | April 19, 2026" - only its value can name one)
    label_end = text.find(" | ") + 3 if c.sentence.role == "field" else 0
    verbs = sorted(
        {
            m.start()
            for pattern in (cues.RELEASE, cues.PAST_RELEASE, _SCHEDULES)
            for m in pattern.finditer(text, max(label_end, 0), c.mention.start)
        }
        | _governing_verb(c, v, w)
    )
    verbs = [verb for verb in verbs if verb >= label_end]
    if not verbs:
        return _scheduled_object(c, v, w)
    titles = title_mentions(text, w)
    if titles:
        verbs = verbs[-1:]
    # The watched season named after a verb and before the date is the later clause's
    # own subject: "The Pogues are back ... when Season 3 returns in 2023".
    # (one owned by "its" is the named subject's season, not a clause of its own:
    # "Atlanta will return for its second season" on a page watching Legion's; unless the
    # name may be the watch's by a word of its title: "Fear kicked off ... its eighth")
    # (so "Archer will kick off its fifth season on Jan. 13 while Justified ..." on a page
    # watching Justified's fifth: Archer's season)
    watched = [
        r.start
        for r in season_references(text, w)
        if w.season
        and r.season == w.season
        and not (_ITS.search(text, 0, r.start) and not _title_word_before(text, r.start, w))
    ]
    if cues.FRONTED_SCHEDULE.match(text):
        # "Set to premiere on Aug. 28, The Strain picks up ...", "Set to hit theatres on
        # June 20th, 2025, the movie ...": the fronted phrase's subject is the main
        # clause's, named after its comma (its own capital "Set" names no work)
        comma = text.find(",")
        verbs = [verb for verb in verbs if comma < 0 or verb > comma]
    for verb in verbs:
        if _CLAUSE_BREAK.search(text, verb, c.mention.start) and not titles:
            continue  # '"Wicked" opens Nov. 22, and the sequel is scheduled for Nov. 21,
            # 2025': the other work's verb is in a clause of its own before the date's
        if any(
            end <= verb and cues.APPOSITIVE_TO_VERB.fullmatch(text, end, verb)
            for _, end, _ in titles
        ):
            continue  # "Devs, the new limited series from Alex Garland, will premiere ..."
        if cues.POSSESSIVE_LEAD.search(text, max(0, verb - 40), verb):
            continue  # "Its Japanese opening is locked for ...": the watch's, described
        if _IN_A_ROLE.match(text, verb) or _BACK_IN_A_WORK.match(text, verb):
            continue  # "Jenna Ortega returns as Wednesday": a person back in a role; "Elsa
            # and Anna will be back in the animated sequel": characters back in the work
        if _DATE_NOUN.match(text, verb):
            continue  # "The July 2021 release date has been moved": a noun, no work's verb
        if any(verb < start < c.mention.start for start, _, _ in titles):
            continue  # "Disney Shuffles Marvel Dates: Captain America 4 to February"
        if any(verb < start < c.mention.start for start in watched):
            continue
        if cues.CLAUSE_BREAK.search(text, verb, c.mention.start):
            continue  # '"Wicked" opens Nov. 22, and the sequel is set for Nov. 21, 2025':
            # a clause after the verb's has a subject of its own, and the date is in it
        if subject.other_work_before(text, verb, w) or _spinoff_subject(text, verb, w):
            return text[max(0, verb - 40) : verb + 12].strip()
    return _scheduled_object(c, v, w)


def _governing_verb(c: DateCandidate, v: View, w: Watch) -> set[int]:
    """Where the word that governs the date is, in whatever language the page is in,
    when a name opening the sentence stands right before it as its subject ("Escape Room
    2 startet jetzt am 19. August"): not a season ("Staffel 2 startet am 20."), nor one
    word ("Com lançamento marcado para", a preposition before a noun), nor a name inside
    a phrase ("Der Film von 'Blade Runner 2049'-Regisseur Denis Villeneuve kommt")."""
    verb = _verb_before(v, c.mention.start)
    if verb <= 0:
        return set()
    stem = v.text[:verb].strip()
    if " " not in stem or _LOWER_WORD.search(stem):
        return set()
    if any(0 <= verb - r.end <= 3 for r in season_references(v.text, w)):
        return set()
    return {verb}


_LOWER_WORD = re.compile(r"(?:^|\s)(?!(?:of|the|and|in|on|a|an)\b)[^\W\d_A-Z]", re.UNICODE)


def _spinoff_subject(text: str, verb: int, w: Watch) -> bool:
    """The verb's subject is the watch's title run on into a subtitle of a longer title,
    a sequel's or a spin-off's: "Harbor Lights: The Lost Year opens ..." watching
    "Harbor Lights" (not a season's or a part's label, nor an alias's words)."""
    for _, end, _ in title_mentions(text, w):
        found = SUBTITLE.match(text, end)
        if found is None or cues.RELEASE.match(found.group(1)) or names_alias(found.group(1), w):
            continue
        between = text[found.end() : verb]
        # (the rest of the name, then at most a verb or two: "Kingdom opens in theaters")
        if re.fullmatch(r"(?:\s+[A-Z][\w'\u2019-]*)*\s+(?:[a-z]+\s+){0,2}", between):
            return True
    return False


_ITS = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _title_word_before(text: str, position: int, w: Watch) -> bool:
    """A word of the watch's title (four letters or more) in the text before `position`."""
    before = text[:position].lower()
    return any(
        len(word) >= 4 and re.search(r"\b" + re.escape(word) + r"\b", before)
        for name in (w.title, *w.aliases)
        for word in name.lower().split()
    )



def _scheduled_object(c: DateCandidate, v: View, w: Watch) -> str | None:
    """Another named work is the object a studio dates or moves to the date: "Searchlight
    has dated Scott Cooper's Antlers for February 19", "the studio pushed The Batman to
    March 4" (the watch's name there, or "the film", is the watch's own news); or whose
    release a release noun names: "with the season premieres of Girls and Togetherness
    later in February"."""
    for noun in _RELEASE_OF.finditer(v.text, v.left, c.mention.start):
        name = _OBJECT_NAME.match(v.text, noun.end())
        if name is None or name.end() > c.mention.start:
            continue
        if _CLAUSE_BREAK.search(v.text, name.end(), c.mention.start):
            continue
        if any(
            noun.end() <= start < c.mention.start for start, _, _ in title_mentions(v.text, w)
        ):
            continue  # "the premiere of Harbor Lights season 2", "the return of Stone
            # Harbour (Oct. 4), Harbor Lights (Oct. 11)": the watch's own among them
        if subject.other_work_before(v.text + " x", name.end(), w):
            return (noun.group() + name.group()).strip()
    for verb in _SCHEDULES.finditer(v.text, v.left, c.mention.start):
        name = _OBJECT_NAME.match(v.text, verb.end())
        if name is None or name.end() > c.mention.start:
            continue
        if _CLAUSE_BREAK.search(v.text, name.end(), c.mention.start):
            continue  # the date belongs to a later clause of its own
        if any(name.end() <= start < c.mention.start for start, _, _ in title_mentions(v.text, w)):
            continue  # the watch is moved nearer the date: "moved Copper Hill up to May 2,
            # pushing The Glass Orchard back to February 20"
        if name.group(1).endswith(("'s", "\u2019s")):
            continue  # "has shifted Antoine Fuqua's biopic": the maker's, a work unnamed
        if subject.other_work_before(v.text + " x", name.end(), w):
            return (verb.group() + " " + name.group()).strip()
    return None


# A release noun and the "of" that names whose release it is.
_RELEASE_OF = re.compile(
    r"\b(?:premieres?|debuts?|releases?|launch(?:es)?|returns?|openings?)\s+of(?=\s)",
    re.IGNORECASE,
)
# A studio's scheduling verb with its object right after it.
_SCHEDULES = re.compile(
    r"\b(?:(?:has|have|had)\s+)?(?:dated|dates|dating|moved|moves|moving|pushed|pushes|pushing|"
    r"shifted|shifts|shifting|slid|slides|sliding|bumped|bumps|bumping|delayed|delays|"
    r"delaying|postponed|postpones|postponing|rescheduled|reschedules|rescheduling)\b",
    re.IGNORECASE,
)
_OBJECT_NAME = re.compile(
    # (not a date: "had been dated May 7", "moved Tuesday's premiere")
    r"\s+(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"spring|summer|fall|autumn|winter|next|this|early|late|mid|season|series|part|volume)"
    r"[a-z]*\b)((?-i:[A-Z])[\w'\u2019&:.!-]*(?:\s+(?:(?-i:[A-Z])[\w'\u2019&:.!-]*|of|the|and|&|in|on|at|a|"
    r"to(?=\s+(?-i:[A-Z])))){0,7})",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|which|who)\b", re.IGNORECASE)


_DATE_NOUN = re.compile(r"(?:release|premiere|debut|launch|opening)\s+date", re.IGNORECASE)
_BACK_IN_A_WORK = re.compile(
    # (not "returns for its second season": the work's own return)
    r"(?:be\s+)?(?:back|returns?|returning)\s+in\s+(?:the|a|an|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:sequel|follow-up|film|movie|season|instal+ment|chapter)\b",
    re.IGNORECASE,
)
_IN_A_ROLE = re.compile(r"\w+\s+as\s+(?!(?:early|soon|late|of|well|part|planned)\b)", re.I)


@rule(
    "show_debut",
    -4,
    "for a later season, the show's own debut: 'its series premiere', or ', which "
    "premiered' after the series or an earlier one ('the first', 'its predecessor')",
    "renewed five days after its series premiere on May 3 (watching season 3)",
)
def _show_debut(c: DateCandidate, v: View, w: Watch) -> str | None:
    if w.season in (None, 1):
        return None
    before = v.text[: c.mention.start]
    debut = _SERIES_DEBUT.search(before, max(0, c.mention.start - 60))
    if (
        debut
        and not _FUTURE.search(v.clause)  # (a UK "series" is a season: "the series premiere will")
        and not season_references(before[debut.start() : c.mention.start], w)
    ):
        return debut.group()
    if _SINCE_ITS.search(before, max(0, c.mention.start - 40)) and _RELEASE_NOUN.match(
        v.text, c.mention.end
    ):
        return "since its release"  # "less than a month after its March 2017 release"
    relative = _WHICH_PREMIERED.search(before)
    if relative:
        antecedent = before[max(0, relative.start() - 40) : relative.start()]
        named = _EARLIER_ANTECEDENT.search(antecedent)
        if named:
            return (named.group() + relative.group()).strip()
    return None


# "its series premiere on", "the series debut in": the first season's, by definition.
_SERIES_DEBUT = re.compile(
    r"\b(?:its|the|their|a)\s+(?:series|show['\u2019]s)\s+(?:premiere|debut|launch)\b"
    r"|\b(?:premiered|debuted|launched)\s+as\s+a\s+series\b",
    re.IGNORECASE,
)
# "after its March 2017 release", "since the show's 2019 debut": the show's first release.
_SINCE_ITS = re.compile(
    r"\b(?:after|since|following)\s+(?:its|their|the\s+(?:show|series)['\u2019]s?)\s+$",
    re.IGNORECASE,
)
_RELEASE_NOUN = re.compile(r"\s+(?:release|premiere|debut|launch|bow)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|set\s+for|slated|scheduled|coming|upcoming|due)\b", re.I)
# ", which premiered June 4": the relative clause's past release, right before the date.
_WHICH_PREMIERED = re.compile(
    r",\s+which\s+(?:first\s+|originally\s+)?(?:premiered|debuted|launched|bowed|aired|"
    r"arrived|dropped|opened|was\s+released|streamed)\s+(?:on\s+|in\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# Its antecedent: the show as a whole ("the Leslye Headland series"), not a season of it,
# or an earlier one ("the first", "its predecessor").
_EARLIER_ANTECEDENT = re.compile(
    r"\b(?:(?:the|this|that|its|their)\s+(?:[\w'\u2019-]+\s+){0,3}"
    r"(?:series|show|drama|comedy|sitcom|thriller)"
    r"|(?:the|its)\s+(?:first|previous|prior|earlier|last|original)"
    r"(?:\s+(?:one|season|series|outing|chapter|instal+ment))?|(?:its|the)\s+predecessor)$",
    re.IGNORECASE,
)


@rule(
    "other_work_appositive",
    -4,
    "an appositive after another work's name holds the date: 'X, dated July 26,'",
    "That leaves Starfall 3, dated July 26, as the only release",
)
def _appositive(c: DateCandidate, v: View, w: Watch) -> str | None:
    lead = _DATED_APPOSITIVE.search(v.text, max(0, c.mention.start - 60), c.mention.start)
    if lead is None or _PEOPLE_BEFORE.search(v.text, max(0, lead.start() - 50), lead.start()):
        return None  # "the series from creators A and B, set to debut ...": the series'
    if subject.other_work_before(v.text, lead.start(), w):
        return v.text[max(0, lead.start() - 30) : lead.end()].strip()
    return None


# ", dated July 26", ", opening Nov. 1", ", which is set for May 2": right before the date.
_PEOPLE_BEFORE = re.compile(
    r"\b(?:from|by|with|starring|creators?|directors?|writers?|producers?|showrunners?|stars?)"
    r"\s+(?:[A-Z][\w.'\u2019-]*\s*(?:and\s+|&\s+)?)+$"
)
# (", which is set for ..." is other_work_relative's: the antecedent may be far back)
_DATED_APPOSITIVE = re.compile(
    r"(?:,\s+|\s\()(?:now\s+)?(?:dated|opening|released|opened|premiered|debuted|"
    r"premiering|arriving|debuting|releasing|(?:set|slated|scheduled|due)(?:\s+(?:for|to\s+\w+))?|"
    r"due\s+out|out)\s+(?:on\s+|in\s+|for\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


@rule(
    "labeled_other_work",
    -3,
    "a line labeled with another work's name: 'Starfall: from May 2 to July 4'",
    "Thunderbolts: from December 20, 2024 to July 25, 2025",
)
def _labeled(c: DateCandidate, v: View, w: Watch) -> str | None:
    label = _LABEL.match(v.text)
    if label is None or label.end() > c.mention.start or title_mentions(v.text, w):
        return None
    if _SENTENCE_AFTER_LABEL.match(v.text, label.end()):
        return None  # "Reminder: the series premieres September 2": a sentence, no label
    name = label.group(1)
    if _GENERIC_LABEL.search(name) or subject.is_distributor(name):
        return None
    if c.doc.foreign and (cues.FOREIGN_RELEASE.search(name) or _FOREIGN_PART.search(name)):
        return None  # "Starttermin: 25. August 2019": the release's label in another language
    return subject.other_work_before(v.text, label.end(1), w) and name or None


# A line opening with a name and a colon ("Blade: from ... to ...").
_LABEL = re.compile(
    # (its closing quotation mark before the colon: "“Wonder Woman 1984”: Der Film ...")
    r"^\W{0,3}([A-Z0-9][\w'\u2019&.!-]*(?:\s+[\w'\u2019&.!-]+){0,6})[\"\u201d]?:\s"
)
_SENTENCE_AFTER_LABEL = re.compile(
    r"(?:the|this|that|these|it|its|their|a|an|we|you|they|he|she|i|our|there)\b", re.I
)
# Labels that name a section or a fact, not a work.
# a part of the season as the label in the page's language: "Parte 1: 6 agosto 2025"
_FOREIGN_PART = re.compile(r"\b(?:" + "|".join(languages.PART_NOUNS) + r")\b", re.IGNORECASE)
_GENERIC_LABEL = re.compile(
    r"\b(?:release|date|premiere|update|updated|trailer|teaser|cast|plot|story|synopsis|"
    r"where|when|what|how|why|who|news|note|editor|spoiler|watch|stream\w*|season|series|"
    r"episodes?|part|volume|status|confirmed|official|breaking|exclusive|also|more|read|"
    r"see|related|review|verdict|rating|runtime|network|platform|creator|showrunner|genre|"
    r"previously|original|new|tl;?dr|bottom\s+line|the\s+big\s+news|coming|arriv\w*|"
    r"available|debut\w*|launch\w*|airs|airing|returns?|out\s+now)\b",
    re.IGNORECASE,
)


# Other works named by what they are, not by name: a special, a re-release, a stage
# production, a person's next project, "that series" after another show.
_SPECIAL = re.compile(
    r"\b(?:christmas|holiday|festive|new\s+year['\u2019]?s?|halloween|easter|anniversary|"
    r"one-off|feature-length|reunion|live|standalone|valentine['\u2019]?s(?:\s+day)?)\s+special\b",
    re.IGNORECASE,
)
_SPECIAL = gated(_SPECIAL)
_RERELEASE = re.compile(
    r"\b(?:re-?releas\w*|re-?air\w*|rerun\w*|re-?run\w*|encore\s+(?:run|screening)s?|"
    r"(?:return\w*|back)\s+to\s+(?:imax|theaters|theatres|cinemas|the\s+big\s+screen)|"
    r"back\s+in\s+(?:theaters|theatres|cinemas)|(?:one|two)-week\s+run|limited\s+(?:re-?)?run|"
    r"anniversary\s+(?:screening|release|run)s?|"
    # what aired once, shown again: "will instead air the first six episodes again"
    r"(?:air|broadcast|show|screen|stream)\w*\s+(?:[\w'\u2019-]+\s+){0,5}?again)\b",
    re.IGNORECASE,
)
_RERELEASE = gated(_RERELEASE)
_STAGE = re.compile(
    r"\b(?:stage\s+(?:show|musical|production|play|version)|(?:opened|premiered|debuted|ran)\s+"
    r"(?:on|off)[\s-]+broadway|(?:on|in)\s+the\s+west\s+end|broadway\s+(?:musical|production|"
    r"show|run|revival))\b",
    re.IGNORECASE,
)
_STAGE = gated(_STAGE)
_NEXT_PROJECT = re.compile(
    r"\b[A-Z][\w.-]*['\u2019]s?\s+(?:next|new|upcoming|latest|follow-up|other)\s+(?:[\w-]+\s+)?"
    r"(?:project|venture|film|movie|series|show|feature)\b"
)
_DEMONSTRATIVE = re.compile(
    r"\b(?:that|the\s+latter|the\s+former)\s+(?:series|show|film|movie|drama|comedy|one)\b",
    re.IGNORECASE,
)


@rule(
    "single_episode",
    -3,
    "one episode of a running season (the next, this week's, the fifth) is not the season",
    "The next episode, 'Cold Open,' airs Sunday, Nov. 3",
)
def _episode(c: DateCandidate, v: View, w: Watch) -> str | None:
    after = _EPISODE_AFTER.match(v.text, c.mention.end)  # "next Sunday's episode"
    if after:
        return v.text[c.mention.start : after.end()]
    return found(_ONE_EPISODE, v.text, max(0, v.left - 1), c.mention.start)


_EPISODE_AFTER = re.compile(r"['\u2019]s\s+(?:[\w-]+\s+)?episode\b(?!s)", re.IGNORECASE)


# (not the first episode: "the first episode airs Sept. 5" is the season's premiere)
_ONE_EPISODE = re.compile(
    # ("its first new episode on April 1" is the season's first: no "first" before "new")
    r"\b(?:the\s+)?(?:next|latest|(?<!first\s)new|upcoming|penultimate|"
    r"(?:this|next|last)\s+(?:week|mon|tues|wednes|thurs|fri|satur|sun)(?:day)?['\u2019]s|"
    r"tonight['\u2019]s|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:nd|rd|th))\s+episode\b(?!s)",
    re.IGNORECASE,
)
_ONE_EPISODE = gated(_ONE_EPISODE)


@rule(
    "other_franchise_entry",
    -3,
    "another franchise's entry named by its place is the date's clause subject",
    "the next Harbor Lights movie goes from May 23 to Dec. 19",
)
def _franchise_entry(c: DateCandidate, v: View, w: Watch) -> str | None:
    for entry in _FRANCHISE_ENTRY.finditer(v.text, v.left, c.mention.start):
        start, end = entry.start(1), entry.end(1)
        if any(s < end and start < e for s, e, _ in title_mentions(v.text, w)):
            continue
        if apposition_of_watch(v.text, entry.start(), w):
            continue  # "Low Tide, the third Harbor Lights film, ...": which entry the watch is
        if cues.INSTITUTION_AFTER.match(v.text, entry.end()):
            continue  # "the New York Film Festival": a place, no franchise's film
        name = entry.group(1).lower()
        if any(name in full.lower() for full in (w.title, *w.aliases)):
            continue  # "the next Starfall film", watching "Starfall: Day One": maybe the watch
        if not subject.is_distributor(entry.group(1)):
            return entry.group()
    return None


# "the next SpongeBob movie", "a new Star Wars series", "the third Conjuring film".
_FRANCHISE_ENTRY = re.compile(
    r"\b(?i:the|a|an)\s+(?i:next|new|upcoming|latest|untitled|second|third|fourth|fifth|"
    r"sixth|\d+(?:st|nd|rd|th))\s+([A-Z][\w'\u2019:&.-]*(?:\s+[A-Z][\w'\u2019:&.-]*){0,3})\s+"
    r"(?i:movie|film|series|show|sequel|prequel|instal+ment|entry|spin-?off|feature)\b"
)


@rule(
    "separate_work",
    -3,
    "a work the text calls separate, or a film when the watch is a series",
    "it's a separate animated series due in 2026; the film, which opens Sept. 19",
)
def _separate(c: DateCandidate, v: View, w: Watch) -> str | None:
    seen = found(_SEPARATE_WORK, v.text, 0, c.mention.start)
    if seen is None and w.season is not None:
        seen = found(_THE_FILM, v.text, max(0, v.left - 60), c.mention.start)
    if seen is None and w.season is not None:
        seen = found(_COMPILATION, v.text, 0, c.mention.start)
    if seen is None:
        # the watch named as what a later work follows: "two sequels to Fantastic Beasts,
        # due for release in 2018 and 2020" (not "a follow-up to its first season": the
        # watched season may be that follow-up)
        for start, end, _ in title_mentions(v.text, w):
            if start >= c.mention.start or _SEASON_AFTER.match(v.text, end):
                continue
            if relation := _LATER_WORK_OF.search(v.text, max(0, start - 50), start):
                return relation.group().strip()
    return seen


# A later work and the relation to the work named after it: "sequels to", "a spin-off of".
_LATER_WORK_OF = re.compile(
    r"\b(?:sequels?|prequels?|spin[\s-]?offs?|follow[\s-]?ups?|successors?)\s+(?:to|of)\s+"
    r"(?:the\s+)?(?:[\w'\u2019-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_SEASON_AFTER = re.compile(
    r"['\u2019]?s?\s+(?:(?:first|second|third|previous|last)\s+)?(?:season|series)\b", re.I
)


_SEPARATE_WORK = re.compile(
    r"\b(?:a|an|the)\s+(?:separate|different|standalone|stand-alone|distinct|unrelated)\s+"
    r"(?:[\w-]+\s+)?(?:series|show|film|movie|project|spin-?off|prequel|sequel|special)\b",
    re.IGNORECASE,
)
_SEPARATE_WORK = gated(_SEPARATE_WORK)
# (a series' page: "the film" is the franchise's film, another work)
_THE_FILM = re.compile(r"\bthe\s+(?:[\w-]+\s+)?(?:film|movie)\b(?!\s+(?:crew|set|shoot))", re.I)
# ... and so, anywhere before the date, is a compilation of its episodes cut for cinemas:
# "X: Hidden Inventory - a compilation of the arc with new footage - arrives July 16"
_COMPILATION = re.compile(
    r"\b(?:a|the)\s+(?:[\w-]+\s+)?(?:compilation|recap\s+(?:film|movie))\b", re.IGNORECASE
)


@rule(
    "season_ordered",
    -3,
    "the date of an order for another season, not of a release",
    "the network confirmed a third season in July",
)
def _ordered(c: DateCandidate, v: View, w: Watch) -> str | None:
    return found(_SEASON_ORDER, v.text, v.left, c.mention.start)


# ("confirmed a third season", "ordered another series"; not "confirmed The Bear season 3
# premieres June 27", whose season is dated, not ordered)
_SEASON_ORDER = re.compile(
    r"\b(?i:confirm\w*|announc\w*|order\w*|greenlit|green-lit|commission\w*|gave\s+\w+)\s+"
    r"(?:a|another)\s+(?:[\w-]+\s+){0,2}(?i:season|series)\b(?!\s+(?:\d|(?i:premiere|date|"
    r"will|is|would|arrives|returns|debut|launch|(?:air|start|release|launch|broadcast)\s*dates?)))"
)


@rule(
    "special_episode",
    -3,
    "a special (Christmas, holiday, reunion) is not the season",
    "the Christmas special airs on Christmas Day",
)
def _special(c: DateCandidate, v: View, w: Watch) -> str | None:
    if w.season is None:
        return None
    return found(_SPECIAL, v.text, 0, c.mention.start) or found(_SPECIAL, v.clause)


@rule(
    "re_release",
    -3,
    "a re-release, a re-air or a limited return to cinemas is not the release",
    "returning to IMAX for a one-week run starting April 11",
)
def _rerelease(c: DateCandidate, v: View, w: Watch) -> str | None:
    return found(_RERELEASE, v.clause)


@rule(
    "stage_production",
    -3,
    "a stage production of the story (Broadway, the West End) is another work",
    "the stage show opened on Broadway on October 30, 2003",
)
def _stage(c: DateCandidate, v: View, w: Watch) -> str | None:
    return found(_STAGE, v.clause)


@rule(
    "next_project",
    -3,
    "a person's next project, the watch not named: another work",
    "Quill's next project, a legal drama, is slated for 2026",
)
def _next_project(c: DateCandidate, v: View, w: Watch) -> str | None:
    if title_mentions(v.text, w):
        return None
    return found(_NEXT_PROJECT, v.text, 0, c.mention.start)


@rule(
    "that_other_series",
    -3,
    "'that series' after another show named in the same sentence, the watch not named",
    "Amazon gave Harbor Lights a second season; that series drops on November 2",
)
def _demonstrative(c: DateCandidate, v: View, w: Watch) -> str | None:
    if title_mentions(v.text, w):
        return None
    pointers = list(_DEMONSTRATIVE.finditer(v.text, 0, c.mention.start))
    if not pointers:
        return None
    pointer = pointers[-1]
    # a name inside the sentence before it (not its first word): the show it points to
    for name in _INNER_NAME.finditer(v.text, 1, pointer.start()):
        if subject.other_work_before(v.text, name.end(), w) and not subject.is_distributor(
            name.group(1)
        ):
            return pointer.group()
    return None


_INNER_NAME = re.compile(r"(?<=\s)([A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*){0,4})(?=[\s,;])")


@rule(
    "leading_other_work",
    -4,
    "the sentence opens with another work and an appositive about it",
    "Barbie, released July 21, crossed $600 million",
)
def _leading(c: DateCandidate, v: View, w: Watch) -> str | None:
    if works.leading_other_work(v.text, c.mention.start, w):
        return v.text[: v.text.find(",")]
    return None


@rule(
    "spinoff_title",
    -2,
    "the watch's title starts a longer title: 'Dune: Prophecy'",
    "Alien: Earth premieres Aug. 12",
)
def _spinoff(c: DateCandidate, v: View, w: Watch) -> str | None:
    for _, end, _ in title_mentions(v.text, w):
        found = SUBTITLE.match(v.text, end)
        if found and cues.RELEASE.match(found.group(1)):
            continue  # "Murphy Brown: Premieres Sept. 27": a label, no subtitle
        if found and found.start(1) <= c.mention.start < found.end():
            continue  # "Haunted Mansion: August 11, 2023 (was March 10)": a slate's row,
            # the title then its date, no subtitle
        if found and not names_alias(found.group(1), w):
            return v.text[max(0, end - 20) : found.end()].strip()
        found = _LONGER_NAME.match(v.text, end)
        if (
            found
            and found.group(1).lower() not in languages.MONTHS
            and not subject.is_distributor(found.group(1))
            and not names_alias(found.group(), w)
        ):
            # "Once Upon a Time in Wonderland will start ...": the title and a capitalized
            # continuation make the clause's subject, a longer name of another work
            return v.text[max(0, end - 20) : found.end()].strip()
    return None


# The title going on as a longer name, " in Wonderland", " of Pern", right before the
# clause's verb (not "X in March", a month; not "X on Netflix": on/at name a place to watch).
_LONGER_NAME = re.compile(
    r"\s+(?:in|of)\s+([A-Z][\w'\u2019-]+)(?=\s+(?:will|is|are|was|has|have|returns?|"
    r"premieres?|debuts?|starts?|begins?|arrives?|airs?|opens?|launches?|kicks\s+off)\b)"
)


@rule(
    "show_first_premiere",
    -4,
    "for a later season, 'the series premiered ...' without a season is the show's first",
    "The series premiered on Netflix in April 2022",
)
def _first_premiere(c: DateCandidate, v: View, w: Watch) -> str | None:
    if w.season in (None, 1):
        return None
    published = c.sentence.published
    value = c.mention.value
    # "compared to the premiere set of episodes in 2014" in 2015: a premiere named, not
    # told, dated wholly before the article (a year before its year, a month before its
    # month) is as past as "premiered"
    named = _PREMIERE_NOUN.search(v.text, v.left, c.mention.start)
    named = named if named and published is not None and _wholly_before(c, published) else None
    if not (named or cues.PAST_RELEASE.search(v.clause)):
        return None
    if (
        published is not None
        and c.mention.precision in ("day", "month")
        and value >= (published - timedelta(days=_RECENT_DAYS)).isoformat()[: len(value)]
        and not c.doc.renewed
    ):
        return None  # "The Following premiered last night": a later season's, the show is
        # older (unless the page says the watched season was only just ordered: "having
        # premiered in early May ... renewed it for a second season" is the first's)
    verbs = [
        m
        for m in cues.RELEASE.finditer(v.text, v.left, c.mention.start)
        if not _PLATFORM_PHRASE.match(m.group())  # "debuted on Netflix on ...": no verb
    ]
    if (
        verbs
        and not cues.PAST_RELEASE.search(verbs[-1].group())
        and not (named and named.start("noun") == verbs[-1].start())
    ):
        return None  # "the series, which debuted in 2021, will return on Dec. 2": the return's
    if names_season(v.text, w):
        return None
    if c.sentence.subject == Subject.WATCH and part_references(v.clause):
        return None
    return named.group("noun") if named else found(cues.PAST_RELEASE, v.clause)


# A premiere named by its noun after a determiner, the date in its phrase: "the premiere
# set of episodes in 2014", "its debut in March 2022".
_PREMIERE_NOUN = re.compile(
    r"\b(?:the|its|their|a)\s+(?:(?:series|show['\u2019]s|original)\s+)?"
    r"(?P<noun>premiere|debut|launch)\b(?:\s+[\w-]+){0,3}?\s+(?:(?:back\s+)?(?:in|on)\s+)?$",
    re.IGNORECASE,
)


def _wholly_before(c: DateCandidate, published: date) -> bool:
    """The date ends before the article's day, month or year begins, as precise as it is."""
    value = c.mention.value
    if c.mention.precision == "year":
        return value[:4] < f"{published.year:04d}"
    if c.mention.precision == "season":
        return value[:4] < f"{published.year:04d}"
    return value < published.isoformat()[: len(value)]


_PLATFORM_PHRASE = re.compile(r"(?:on|to|via|at)\s", re.IGNORECASE)
# A premiere days before the article ("last night") is the current season's: a show's first
# premiere is at least a season's run older than a later season's news.
_RECENT_DAYS = 7


@rule(
    "other_entries",
    -3,
    "other entries of a batch, counted, are the date's subject and the watch is not named",
    "(The next four will be out in 2021.)",
)
def _other_entries(c: DateCandidate, v: View, w: Watch) -> str | None:
    if title_mentions(v.text, w):
        return None
    return found(cues.OTHER_ENTRIES, v.text, 0, c.mention.start)


@rule(
    "season_of_seasonless_watch",
    -3,
    "the watch has no season, and the date belongs to a numbered season",
    "Fargo season 3 premieres April 19 (watching Fargo, no season)",
)
def _seasonless(c: DateCandidate, v: View, w: Watch) -> str | None:
    if w.season is not None:
        return None
    refs = [
        r
        for r in season_references(v.clause, w)
        if r.season is not None
        and not (c.mention.start - v.left <= r.start < c.mention.end - v.left)
    ]
    return v.clause[refs[-1].start : refs[-1].end] if refs else None


@rule(
    "about_watch",
    3,
    "the date belongs to the watched title and season (the nearest "
    "season named, else the passage's subject)",
    "Season 2 arrives Aug. 3",
)
def _about(c: DateCandidate, v: View, w: Watch) -> str | None:
    return about_once(c, v, w)


@rule(
    "delayed_without_date",
    -4,
    "the page reports the watch's release delayed with no new date: the dates its story "
    "gives are abandoned plans, unless the text calls one the new date",
    "Tenet has been delayed indefinitely ... it was moved to August 12 (no new date)",
)
def _delayed_without_date(c: DateCandidate, v: View, w: Watch) -> str | None:
    if not c.doc.undated:
        return None
    if cues.NEW_DATE.search(v.text, 0, c.mention.start):
        return None  # "after the delay, its new release date is Aug. 26": the new plan
    if c.doc.undated_passed and c.order != c.doc.undated_at:
        return None  # "pulled from the slate in 2017, and Netflix later bought it": past
    if (
        c.order == c.doc.undated_at
        and v.event == "release"
        and 0 <= v.text.find(c.doc.undated) <= _verb_before(v, c.mention.start) - len(c.doc.undated)
        and not cues.PAST_RELEASE.search(v.event_word)
        and not cues.NEGATION.search(v.clause)
    ):
        # the delay told in a clause of its own, the date's clause the plan since: "Antlers,
        # which had been set for February 19 before being pulled off the schedule last
        # month, now drops October 29"
        return None
    if (
        c.order > c.doc.undated_at
        and v.event == "release"
        and cues.FUTURE_TENSE.search(v.text, v.left, c.mention.start)
        and not cues.PAST_RELEASE.search(v.event_word)
        and not cues.NEGATION.search(v.clause)
        and not cues.OLD_DATE.search(v.text, max(0, c.mention.start - 100), c.mention.start)
        and not cues.SUPERSEDED_WORDS.search(v.text, v.left, c.mention.start)
    ):
        # the story goes on past the delay, a later sentence stating the release ahead:
        # "... season 4 will premiere on Thursday, February 7, 2013"
        return None
    return c.doc.undated


def _verb_before(v: View, position: int) -> int:
    """Where the date's release verb is, before the date (-1: none there)."""
    return v.text.rfind(v.event_word, 0, position) if v.event_word else -1


@rule(
    "unnamed_season_return",
    -1,
    "the watched season is presumed: the title's season start after the page's date, on "
    "a page that names no other season of it (a network's schedule)",
    "The Blacklist returns on October 4 (a fall schedule; watching season 7)",
)
def _unnamed_return(c: DateCandidate, v: View, w: Watch) -> str | None:
    about = about_once(c, v, w)
    return about if about and about.startswith(UNNAMED_RETURN) else None


@rule(
    "release_of_watch",
    3,
    "both at once: a release verb (or a listing) governs the date and the date is the watch's",
    "Season 2 arrives Aug. 3",
)
def _release_of_watch(c: DateCandidate, v: View, w: Watch) -> str | None:
    if not (
        _release_verb(c, v, w)
        or _schedule_row(c, v, w)
        or _listing(c, v, w)
        or _dated_entry(c, v, w)
        or _moved_to(c, v, w)  # "before moving to Aug. 8, and then to March 6": the last
        # a listing's line and nothing else: "8 p.m. Sunday, Nov. 4, Starz." after a
        # weekend guide's blurb on the show (no verb: a slot, not a sentence about it)
        or (len(v.text) <= 60 and v.event is None and _broadcast_slot(c, v, w))
    ):
        return None
    return "governed and about the watch" if about_once(c, v, w) else None


@rule("names_title", 0.5, "the sentence names the watch", "Heartstopper returns Aug. 3")
def _names_title(c: DateCandidate, v: View, w: Watch) -> str | None:
    found = title_mentions(v.text, w)
    return v.text[found[0][0] : found[0][1]] if found else None


def _precision(name: str) -> Callable[[DateCandidate, View, Watch], str | None]:
    def test(c: DateCandidate, v: View, w: Watch) -> str | None:
        return c.mention.value if c.mention.precision == name else None

    return test


for _name, _example in (("year", "in 2025"), ("season", "this fall"), ("month", "in August")):
    rule(f"precision_{_name}", 0, f"the date is a {_name}", _example)(_precision(_name))


@rule(
    "relative_date",
    0,
    "the date is resolved from the article's date",
    "this Friday, next month, August 3 without a year",
)
def _relative_date(c: DateCandidate, v: View, w: Watch) -> str | None:
    return "resolved from the article's date" if c.mention.relative else None
