"""Other works as a sentence's subject: whose is a date in a sentence that never names the watch.

A style guide's appositive: "Barbie, released July 21, crossed $600 million" and
"Godzilla x Kong: The New Empire, the most recent MonsterVerse film, opened March
29, 2024" are sentences about the work named first. Its sequel or follow-up ("and a
sequel is dated for March 26, 2027") is that work's too.
"""

from __future__ import annotations

import re

from scraper.extract import cues
from scraper.extract.dates import find_dates
from scraper.extract.scope import introduced_work
from scraper.extract.subject import is_distributor, other_work_before, title_mentions
from scraper.models import Watch

# Words a title may hold in lower case: "Godzilla x Kong", "Lord of the Rings".
_TITLE_WORD = re.compile(
    r"(?:[A-Z0-9][\w'\u2019&+.!:-]*|of|the|and|x|vs\.?|a|an|in|on|at|to|for|&|:|[-\u2013])$"
)
_WORK_NOUN = (
    r"(?:film|movie|feature|series|show|drama|comedy|thriller|sequel|prequel|spin-?off|"
    r"instal+ment|entry|chapter|blockbuster|hit|franchise|miniseries|documentary|anthology|"
    r"anime|adaptation|docuseries)"
)
# ", released July 21," / ", the most recent MonsterVerse film," after the name.
# ", which brings Olyphant back as Raylan," and ", the spy drama with Jamie Bell," too.
_APPOSITIVE = re.compile(
    r",\s+(?:(?:released|opened|premiered|debuted|out|now\s+streaming|which)\b"
    # (or a maker's possessive: ", Netflix's original horror anime,")
    r"|(?:the|a|an|its|this|that|(?-i:[A-Z])[\w&+.-]*['\u2019]s)\s+[^,;]{0,60}?\b"
    + _WORK_NOUN
    # (its relative clause too: ", the Kingsman prequel that has moved more times,")
    + r"(?:\s+(?:with|from|by|starring|about|set\s+in|based\s+on|that|which)\s+[^,;]{0,60})?\s*,)",
    re.IGNORECASE,
)
# A new clause with a subject of its own, unless it is the work's sequel.
_NEW_CLAUSE = re.compile(r",?\s+(?:and|but|while|whereas)\s+|;\s*", re.IGNORECASE)
_ITS_SEQUEL = re.compile(
    r"(?:a|an|its|the)\s+(?:\w+\s+){0,2}(?:sequel|follow-?up|prequel|spin-?off)\b", re.IGNORECASE
)


def leading_other_work(text: str, position: int, watch: Watch, object_of: bool = False) -> bool:
    """The sentence opens with another work's name and an appositive about it, never
    names the watch, and the date at `position` is still in that work's clauses.
    `object_of`: `position` is a noun the work's verb may take with others ("has a date,
    key visuals and a first teaser"), so only a comma or semicolon starts a new clause."""
    comma = text.find(",")
    if comma <= 0 or comma >= position or title_mentions(text, watch):
        return False
    words = text[:comma].split()
    if not words or len(words) > 10 or not all(_TITLE_WORD.match(w) for w in words):
        return False
    if not _APPOSITIVE.match(text, comma) or not other_work_before(text, comma, watch):
        return False
    for clause in _NEW_CLAUSE.finditer(text, comma, position):
        if object_of and clause.group()[:1] not in ",;":
            continue
        if not _ITS_SEQUEL.match(text, clause.end()):
            return False
    return True


# A sentence that goes on about the work the sentence before introduced: "It starts
# Tuesday, Sept. 4." after "... led by Kurt Sutter's Mayans M.C., which ...".
_PRONOUN_SUBJECT = re.compile(
    r"^(?:It\b(?!\s+(?:is|was)\s+(?:not\s+)?(?:clear|unclear|likely|possible|unknown|"
    r"official|confirmed|expected|too|still|been|worth|hard|time))|It['\u2019]s\s+(?:set|due|slated|"
    r"coming|scheduled|back|out)\b|(?:The|This|That)\s+(?:new\s+)?(?:show|series|drama|comedy|"
    r"film|movie)\b)"
    # or opening a later clause: "The trailer looks great, and the new show begins ..."
    r"|^[^,;]{0,80},\s+(?:and|but|so)\s+(?:the|this|that)\s+(?:new\s+)?(?:show|series|"
    r"drama|comedy|film|movie)\s+(?!(?:season|series|episodes?|trailer|teaser)\b)"
)
# "The Acolyte is the latest offering from ...", "Warner put the new Gotham Knights
# trailer online": a sentence that brings another work in, so that "the show" or
# "that film" after it is that work.
_NAME_PRESENTED = re.compile(
    r"\s+(?:is|was)\s+(?:the|a|an)\s+(?:latest|newest|new|next|upcoming)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:offering|entry|addition|instal+ment|chapter|series|show|film|movie)\b"
    r"|\s+(?:official\s+)?(?:trailer|teaser)\b"
)


# A work described instead of named, opening the sentence ("The Julia Roberts thriller
# drops ...", "The romantic dramedy starring ... arrives ..."): the work the text named
# last. A describing word is required: "The new series" alone is _PRONOUN_SUBJECT's, and
# "the final film", "the upcoming show" name the one the news is about as often.
_DESCRIBED_WORK = re.compile(
    r"^(?:The|This|That)\s+(?!(?:new|upcoming|next|final|last|latest|original|same|current|"
    r"forthcoming|coming|whole|entire|first|second|third)\b)(?:[\w'\u2019-]+\s+){1,3}?"
    r"(?:thriller|dramedy|drama|comedy|sitcom|film|movie|series|show|documentary|docuseries|"
    r"anime|adaptation|miniseries|limited\s+series|feature|blockbuster|musical|procedural|"
    r"mystery|romance|western|mind-bender)\b(?!\s+(?:season|series|episodes?|trailer|teaser)\b)"
)
# A capitalized name inside a sentence (not its first word): a work, a person or a place.
_INNER_NAME = re.compile(
    r"(?<=[\s(\u201c\"'])([A-Z][\w'\u2019&:!-]*(?:\s+(?:of|the|to|[A-Z][\w'\u2019&:!-]*))*)"
)
# What is said or done by people, not works: a quote's speaker, a named role.
_PEOPLE_TALK = re.compile(
    r"\b(?:said|says|told|tells|explained|added|noted|teased|revealed|stars?|starring|"
    r"plays?|directed|directs|wrote|writes|created|creator|showrunner|actor|actress|"
    r"director|writer|producer)\b",
    re.IGNORECASE,
)


def _names_another_name(previous: str) -> bool:
    """`previous` names something capitalized inside it that is not a network and not
    told about as a person ("Amazon gave Cinder Road a two-season order"): the last named
    thing a described work can be."""
    if _PEOPLE_TALK.search(previous):
        return False
    for match in _INNER_NAME.finditer(previous):
        name = match.group(1).rstrip(":")
        if len(name) < 3 or is_distributor(name) or find_dates(name, None):
            continue
        if _ATTRIBUTIVE_BEFORE.search(previous, 0, match.start()) and _COMMON_NOUN_AFTER.match(
            previous, match.end()
        ):
            continue  # a name modifying a thing, "the Cuban-American family": no work named
        return True
    return False


# A name between an article and a lowercase noun that is no work ("the Cuban-American
# family", "a British actor") describes the noun; "a Star Wars series" still names a work.
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
_COMMON_NOUN_AFTER = re.compile(
    r"\s+(?!(?:series|show|drama|comedy|film|movie|thriller|sitcom|documentary|docuseries|"
    r"anime|adaptation|miniseries|spinoff|spin-off|sequel|prequel|reboot|franchise)\b)[a-z]"
)


def continues_other_work(text: str, previous: str, watch: Watch, across: bool = False) -> bool:
    """`text` opens with "It" (or "The show") and `previous`, naming no watch, introduced
    another work by its kind, its maker's possessive or in quotes: the pronoun is that
    work's. `across`: `previous` ends the paragraph before, and only a work it presents
    counts (a quoted episode title there, "directing the episode \"Crimson Sky.\"", is no
    subject the next paragraph goes on about)."""
    described = _DESCRIBED_WORK.match(text) is not None
    if not (described or _PRONOUN_SUBJECT.match(text)) or title_mentions(text, watch):
        return False
    if not previous or title_mentions(previous, watch):
        return False
    if described and not across and _names_another_name(previous):
        return True
    if not across and introduced_work(previous, watch):
        return True  # (across a paragraph, "co-wrote it with Penny Dreadful's Krysty
        # Wilson-Cairns" introduces people as often: only a presented work counts)
    for presented in _NAME_PRESENTED.finditer(previous):
        if other_work_before(previous, presented.start(), watch):
            return True
    if across:
        return False
    quoted = cues.QUOTED_TITLE.search(previous)
    return quoted is not None


# A phrase before the main clause, ended by a comma: "Following its first season, ...".
FRONTED_PHRASE = re.compile(
    r"(?:Following|After|Ahead\s+of|Before|With|Despite|Like|Unlike|Fresh\s+off)\b[^,]{1,80},\s+"
)


def opens_on_other_work(text: str, watch: Watch) -> bool:
    """The sentence's subject, the words it opens with before its verb, is another work
    ("'The Handmaid's Tale' is still ..., and Season 4 is slated for April 28",
    "Nightjar returns in May"); the watch is not named in it. A paragraph that opens so is
    about that work until it names the watch (reading.py)."""
    if title_mentions(text, watch):
        return False
    fronted = FRONTED_PHRASE.match(text)  # (its main clause's subject)
    text = text[fronted.end() :] if fronted else text
    quoted = _OPENING_QUOTED.match(text)
    if quoted is not None:
        return not is_distributor(quoted.group(1))
    name = _OPENING_NAME.match(text)
    return name is not None and other_work_before(text, name.end(1), watch)


# A finite verb a work takes as its sentence's subject.
_WORK_VERB = (
    r"(?:is|was|are|were|has|had|will|would|returns?|returned|premieres?|premiered|debuts?|"
    r"debuted|arrives?|arrived|gets?|got|lands?|landed|drops?|dropped|comes?|came|opens?|"
    r"opened|hits?|wraps?|wrapped|ends?|ended|continues?|continued)\b"
)
_OPENING_QUOTED = re.compile(
    r"^\W{0,2}?[\"\u201c\u2018']([^\"\u201c\u201d]{2,80}?)[\"\u201d\u2019']\s+" + _WORK_VERB
)
_OPENING_NAME = re.compile(
    r"^([A-Z0-9][\w'\u2019&:!.-]*(?:\s+(?:of|the|and|a|in|on|to|x|[A-Z0-9][\w'\u2019&:!.-]*)){0,6})"
    r"\s+" + _WORK_VERB
)
