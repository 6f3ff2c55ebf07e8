"""Whose is a date: the occasion, source work, old plan or other work it is attached to.

A style guide scopes each to its own phrase: "its Annecy panel on June 10" dates
the panel, "Highsmith's 1955 novel" dates the book, "originally slated for 2022
before moving to Netflix" is a superseded plan, and in "Gunn's Superman, which
opens July 11" the relative clause is Superman's. None of them reaches a release
date stated elsewhere in the same sentence.
"""

from __future__ import annotations

import re
from datetime import date

from scraper.extract import cues, subject
from scraper.extract.dates import find_dates
from scraper.extract.gate import gated
from scraper.models import Watch

# A book is the date's only when the date comes before it or is attached to it
# ("Patricia Highsmith's 1955 novel"), not when the book is mentioned after the date.
_BOOK = re.compile(r"\b(?:book|novel|publication)\b", re.IGNORECASE)
_ATTACHED = re.compile(r"^\W{0,3}(?:[\w'\u2019-]+\s+){0,2}$")
# What a screen work is made from, before the book's word: "Zemeckis' take on Roald Dahl's
# novel The Witches will open in theaters", "an adaptation of the novel", "based on the book".
_ADAPTED_FROM = re.compile(
    r"\b(?:take|spin|version|adaptation|retelling|based|adapted|adapting)\s+(?:on|of|from)?\s*"
    r"(?:[\w'\u2019.-]+\s+){0,3}$",
    re.IGNORECASE,
)


def other_occasion(clause: str, start: int, end: int, published: date | None) -> bool:
    """An occasion that is not the season's premiere governs the date at clause[start:end].

    An occasion with its own date before this one ("during its panel on June 10 that
    the season will premiere in October") is that date's, not this one's."""
    scoped = cues.SOURCE_APPOSITIVE.sub(lambda m: " " * len(m.group()), clause)
    if not cues.OTHER_OCCASION.search(scoped):
        return False
    dates = find_dates(clause, published)
    # The occasion before the last date ahead of this one is that date's; but dates in
    # one list share what governs them ("two specials air, on October 11 and October 18")
    earlier = sorted((m.start, m.end) for m in dates if m.end <= start)
    bound = start
    while earlier and _COORDINATED.fullmatch(clause, earlier[-1][1], bound):
        bound = earlier.pop()[0]
    offset = earlier[-1][1] if earlier else 0
    last = max((m.start for m in dates if m.start >= end), default=-1)
    for match in cues.OTHER_OCCASION.finditer(scoped, offset):
        at = match.start()
        if _BOOK.fullmatch(match.group()) and at >= end and not _ATTACHED.match(scoped[end:at]):
            continue  # the source book named after the release date
        if _BOOK.fullmatch(match.group()) and at < start and _ADAPTED_FROM.search(
            scoped, max(0, at - 50), at
        ):
            continue  # the book the film is made from, before it: "take on the novel X"
        if end <= at and match.end() <= last:
            break  # "premiered Feb. 27 ... with the finale on April 23": the later date's
        if at >= end and cues.LANDMARK_BEFORE.search(scoped, max(0, at - 60), at):
            continue  # "premieres September 20, right after the talent show's finale"
        if at >= end and _SEASONS_OCCASION.search(scoped, max(0, at - 40), at):
            # "Season 2 debuts Dec. 17 and picks up in the aftermath of the first season's
            # finale": an occasion a season owns, after the date, is a point of the story
            continue
        if (
            at < start
            and _LANDMARK_OPENING.match(scoped, 0, at)
            and cues.RELEASE.search(scoped, match.end(), start)
        ):
            continue  # "After screening at the festival it will be on Netflix on Oct. 7"
        if _NEWS_VENUE.search(scoped, max(0, at - 60), at):
            continue  # "it was revealed at Netflix's TCA panel": where the news was told
        if at < start and _TOLD.search(scoped, match.end(), start):
            # "At Comic-Con, the panel announced the season will debut October 16": the
            # occasion is where the news was told; the date is what it told
            continue
        if cues.in_title_name(scoped, at, match.end(), quoted_only=True):
            continue  # a word of a quoted title: “The Book Club”
        if _another_sense(scoped, at):
            continue  # "die finale Staffel", "Sky Ticket": another sense of the word
        return True
    return False


# A season owning the occasion after it: "the first season's", "season one's".
_SEASONS_OCCASION = re.compile(
    r"\b(?:(?:first|second|third|fourth|fifth|previous|last|prior)\s+season|"
    r"season\s+(?:\d+|one|two|three|four|five))['\u2019]s\s+$",
    re.IGNORECASE,
)


# An occasion's word in another sense: another language's adjective before its season
# noun ("die zehnte und finale Staffel", "la stagione finale" is the season itself) ...
_FINAL_SEASON = re.compile(r"finale\s+(?:staffel|stagione|saison|temporada)\b", re.IGNORECASE)
# ... or a capitalized word of a service's name after another ("auf Sky Ticket").
_NAME_BEFORE = re.compile(r"\w\s+[A-Z][\w+]*\s+$")


def _another_sense(text: str, at: int) -> bool:
    if _FINAL_SEASON.match(text, at):
        return True
    if not text.startswith("Ticket", at):
        return False
    return _NAME_BEFORE.search(text, max(0, at - 30), at) is not None


# A clause that opens on a landmark: what comes after or before the occasion is the
# release its main verb tells ("After screening at the festival, it will stream on ...").
_LANDMARK_OPENING = re.compile(
    r"\W*(?:after|following|fresh\s+off|before|ahead\s+of)\s+[^,;]{0,60}$", re.IGNORECASE
)
_COORDINATED = re.compile(r"\s*(?:,|and|or|&|,\s*and)\s*(?:on\s+)?", re.IGNORECASE)
# A verb of telling between an occasion and the date: the occasion is the news's venue.
_TOLD = re.compile(
    r"\b(?:announced|revealed|confirmed|unveiled|disclosed|shared|said|told|teased)\b",
    re.IGNORECASE,
)
# The occasion where the news was told, not an occasion the date is of.
_NEWS_VENUE = re.compile(
    r"\b(?:revealed|announced|confirmed|unveiled|said|shared|teased|told)\s+"
    r"(?:(?:today|yesterday|tonight|this\s+week|on\s+\w+day)\s+)?(?:at|during)\s+"
    r"(?:(?:the|its|their|a|an|this|last)\s+|[\w+&.-]+['\u2019]s?\s+){0,2}(?:[\w&+-]+\s+){0,2}$",
    re.IGNORECASE,
)


# "originally made for Showtime and slated for 2022", "had initially been planned for",
# "was once set for": a plan the text reports as given up.
SUPERSEDED = re.compile(
    r"\b(?:originally|initially|previously|formerly|(?:was|were|been)\s+once|at\s+first)\b"
    r"(?:(?!\b(?:now|instead|but)\b)[^,;.!?]){0,80}?"
    r"\b(?:slated|set|scheduled|planned|due|dated|earmarked|intended|meant)\s+"
    r"(?:to\s+(?:be\s+)?\w+\s+)?"
    # where before when: "originally scheduled to debut on FX in early 2021"
    r"(?:(?:on|in|at)\s+(?!(?:early|late|mid)\b)[\w+&.'\u2019-]+(?:\s+[A-Z][\w+&.-]*)?\s+)?"
    r"(?:for|in|on|to)?\s*(?:the\s+)?(?:(?:early|late|mid-?)\s*)?$|"
    # "It was supposed to come out July 30, but ...": a plan that did not hold
    r"\b(?:was|were|had\s+been)\s+supposed\s+to\s+\w+(?:\s+(?:out|back|up))?\s+"
    r"(?:on|in|for|by)?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
SUPERSEDED = gated(SUPERSEDED)


def superseded(text: str, left: int, start: int) -> bool:
    """The date is an abandoned plan: "originally ... slated for" leads to it."""
    return SUPERSEDED.search(text[left:start]) is not None


# "the animated series Creature Commandos", "Gunn's Superman": a work introduced by
# its kind, or by its maker's possessive, and its name.
_NAME = (
    r"['\"\u2018\u201c]?[A-Z0-9][\w'\u2019:&!./-]*(?:\s+(?:[A-Z0-9][\w'\u2019:&!./-]*|of|the|"
    r"and|in|on|a|an|to|for))*['\"\u2019\u201d]?$"
)
_KIND_AND_NAME = re.compile(
    r"\b(?:series|show|film|movie|special|drama|comedy|sitcom|thriller|documentary|docuseries|"
    r"miniseries|anthology|spin-?off|prequel|sequel|musical|novel|book|game|animated|"
    r"live-action)\s+" + _NAME
)
_POSSESSIVE_AND_NAME = re.compile(r"\b[A-Z][\w.-]*['\u2019]s\s+" + _NAME)
# (the same, not anchored to a comma: the name ends before punctuation or a lower-case word)
_NAME_HERE = (
    r"['\"\u2018\u201c]?[A-Z0-9][\w'\u2019:&!./-]*(?:\s+(?:[A-Z0-9][\w'\u2019:&!./-]*|of|the|"
    r"and|in|on))*(?=[,;.)]|\s+[a-z]|$)"
)
_KIND_AND_NAME_ANYWHERE = re.compile(
    r"\b(?:series|show|film|movie|drama|comedy|sitcom|thriller|documentary|docuseries|"
    r"miniseries|anthology|spin-?off|prequel|sequel)\s+" + _NAME_HERE
)
_POSSESSIVE_AND_NAME_ANYWHERE = re.compile(r"\b[A-Z][\w.-]*['\u2019]s\s+" + _NAME_HERE)
# "following Dexter: Original Sin, which premiered ...": a work the text compares with.
_AFTER_AND_NAME = re.compile(
    r"\b(?i:following|after|alongside|like|unlike|joining|than|besides|behind)\s+" + _NAME
)


# "will in fact be called Gigantic", "a spin-off titled Night Shift": a work named.
_NAMING_AND_NAME_ANYWHERE = re.compile(
    r"\b(?:called|titled|entitled|dubbed|(?:re)?named)\s+" + _NAME_HERE
)
# "the season premiere of 60 Minutes", "the return of Quarry Road": the event's work.
_EVENT_OF_NAME_ANYWHERE = re.compile(
    r"\b(?:premiere|debut|return|launch|finale|opener|bow)\s+of\s+(?:the\s+)?" + _NAME_HERE,
    re.IGNORECASE,
)


_NAMING = (_KIND_AND_NAME_ANYWHERE, _NAMING_AND_NAME_ANYWHERE, _EVENT_OF_NAME_ANYWHERE)
_INTRODUCING = (_KIND_AND_NAME_ANYWHERE, _POSSESSIVE_AND_NAME_ANYWHERE, _NAMING_AND_NAME_ANYWHERE)


def introduced_work(text: str, watch: Watch) -> bool:
    """`text` introduces another work by its kind, its maker's possessive or a naming
    verb ("the animated series Creature Commandos", "Kurt Sutter's Mayans M.C.", "will be
    called Gigantic")."""
    return _introduced(text, watch, _INTRODUCING)


def named_work(text: str, watch: Watch) -> bool:
    """`text` names another work by its kind, a naming verb or its event ("the season
    premiere of 60 Minutes"); not by a possessive, which names people's roles and panels
    as often ("Gal Gadot's Wonder Woman")."""
    return _introduced(text, watch, _NAMING)


def _introduced(text: str, watch: Watch, patterns: tuple[re.Pattern[str], ...]) -> bool:
    for pattern in patterns:
        for match in pattern.finditer(text):
            if subject.other_work_before(text, match.end(), watch):
                return True
    return False


def other_work_antecedent(text: str, comma: int, watch: Watch) -> bool:
    """ ", which premiered Dec. 5" after another work named with its kind or its
    maker's possessive: the relative clause's date is that work's ("after the animated
    series Creature Commandos, which premiered Dec. 5 on Max"). A person's name before
    the comma decides nothing."""
    introduced = (
        _KIND_AND_NAME.search(text, 0, comma)
        or _POSSESSIVE_AND_NAME.search(text, 0, comma)
        or _AFTER_AND_NAME.search(text, 0, comma)
    )
    return bool(introduced) and subject.other_work_before(text, comma, watch)
