"""The rule: a name, a prior weight, a description and an example, and a test that
says what it saw. Rules register themselves in DATE_RULES or TRAILER_RULES; View is
what several date rules read of one candidate, computed once."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from scraper.extract import cues, languages
from scraper.extract.candidates import DateCandidate, VideoCandidate
from scraper.extract.memo import remembered
from scraper.extract.subject import title_mentions
from scraper.models import Watch


@dataclass(frozen=True)
class Rule:
    name: str
    prior: (
        float  # the weight the fit starts from and is pulled toward (its sign is the rule's sense)
    )
    description: str
    example: str
    test: Callable[[DateCandidate, View, Watch], str | None]


@dataclass
class View:
    """What several rules read of one candidate, computed once."""

    text: str
    left: int
    right: int
    clause: str
    event: str | None
    event_word: str
    about: str | None | bool = False  # about_watch's answer once asked (False: not yet)
    # The clause with the watch's own name blanked: "Gavin & Stacey: The Finale" names
    # the work, no finale event (same length, so positions hold).
    plain: str = ""


DATE_RULES: list[Rule] = []


def rule(name: str, prior: float, description: str, example: str) -> Callable:
    def register(test: Callable[[DateCandidate, View, Watch], str | None]) -> Callable:
        DATE_RULES.append(Rule(name, prior, description, example, test))
        return test

    return register


TRAILER_RULES: list[Rule] = []


def trailer_rule(name: str, prior: float, description: str, example: str) -> Callable:
    def register(test: Callable[[VideoCandidate], str | None]) -> Callable:
        TRAILER_RULES.append(Rule(name, prior, description, example, test))  # type: ignore[arg-type]
        return test

    return register


def view(candidate: DateCandidate, watch: Watch) -> View:
    """The candidate's View, each part worked out when a rule first reads it."""
    return _LazyView(candidate, watch)


def _worked_out(candidate: DateCandidate, watch: Watch) -> View:
    text, mention = candidate.sentence.text, candidate.mention
    left, right, clause, event, word, plain = _clause(
        text, mention.start, mention.end, candidate.doc.foreign, watch
    )
    if event is None and candidate.order and _FRAGMENT.fullmatch(text[: mention.start]):
        event, word = _previous_event(candidate, watch)
    return View(text, left, right, clause, event, word, plain=plain)


def _previous_event(candidate: DateCandidate, watch: Watch) -> tuple[str | None, str]:
    """A sentence that is only its date ("Le 16 novembre exactement, si on en croit
    l'annonce.", "Il prossimo 14 ottobre." after "Quando l'uscita in sala?") has no verb
    of its own: it answers or narrows the sentence before it, in the same block, and is
    governed by that sentence's last event."""
    text, mention = candidate.sentence.text, candidate.mention
    rest = _CLAUSE_END.search(text, mention.end)
    if not _FRAGMENT_END.fullmatch(text, mention.end, rest.start() if rest else len(text)):
        return None, ""
    previous = candidate.doc.sentences[candidate.order - 1]
    if previous.block != candidate.sentence.block or previous.chrome:
        return None, ""
    plain = _without_title(previous.text, watch)
    return _governing(plain, len(plain), candidate.doc.foreign)


# A date's sentence that holds nothing else: before the date at most two articles,
# prepositions or words for "next" ("Le", "Il prossimo", "On the"); after it, up to a comma
# or its end, at most one word ("exactement").
_LEAD_WORD = (
    r"(?:the|on|in|at|next|" + "|".join(languages.ARTICLES) + r"|am|ab|dès|à|au|dal|dall|al|"
    r"del|prochain|prossimo|pr[oó]ximo|n[aä]chsten|kommenden|desde|partir)"
)
_FRAGMENT = re.compile(r"\W*(?:" + _LEAD_WORD + r"\b\W*){0,2}", re.IGNORECASE)
_FRAGMENT_END = re.compile(r"\W*(?:[^\W\d]+\W*)?", re.UNICODE)
_CLAUSE_END = re.compile(r"[,;:(]|\s[-\u2013\u2014]\s")


@remembered
def _clause(
    text: str, start: int, end: int, foreign: bool, watch: Watch
) -> tuple[int, int, str, str | None, str, str]:
    """The View's clause, event and blanked clause: a pure function of the sentence, the
    date's place in it, the page's language and the watch, so remembered (memo.py)."""
    plain_text = _without_title(text, watch)
    left, right = cues.clause_around(text, start, end)
    # (the watch's own name after the date ends no clause: "Beginning Thursday, Aug. 31,
    # THE CHALLENGE: USA will air Thursdays" goes on through the title's colon; before the
    # date, its colon still bounds what the clause says of it)
    right = max(right, cues.clause_around(plain_text, start, end)[1])
    clause = text[left:right]
    plain = plain_text[left:right]
    event, word = _governing(plain, start - left, foreign)
    if event is None and (
        text[:left].rstrip().endswith(":")
        or (text[:left].rstrip().endswith(("\u2014", "\u2013", " -")) and _BARE.fullmatch(
            text, left, start) and _BARE.fullmatch(text, end, right))
    ):
        # "Release date confirmed: 3 August" - the verb sits before the colon; "lands in
        # theaters two years after the first one did — Sept. 6, 2019." - a date alone
        # after a dash restates when the clause before it happens.
        event, word = _governing(plain_text[:left], left, foreign)
    own = _OWN_EVENT.match(text, end)
    if own and (event is None or _NAMED_RELEASE.match(own.group())):
        # "confirmed a 2025 start for the new season", "at a convention ... confirmed its
        # March 13, 2025 return": the date names its own event, whatever governs the clause
        event, word = "release", own.group().strip()
    if event is None and (first := _first_list_entry(text, start)) is not None:
        # "the return of The Blacklist (Sept 21), Scandal (Sept 25) and Brooklyn Nine-Nine
        # (Sept 28)": each bracketed date of a list of names is governed as the first is
        event, word = _clause(text, *first, foreign, watch)[3:5]
    which = _WHICH.search(text, 0, left) if event is None else None
    if which is not None and _IS_ON.match(clause):
        # "the anime's premiere in Japan, which will be on July 11": the event is the
        # relative clause's antecedent, in the clause before the comma.
        event, word = _governing(plain_text[: which.start()], which.start(), foreign)
    return left, right, clause, event, word, plain


# What may stand beside a date that is a clause alone: space, punctuation, "on" or "in".
_BARE = re.compile(r"[\s,.!)]*(?:(?:on|in)\s+)?", re.IGNORECASE)


# The end of one entry of a list of names each with its date in brackets, up to the
# opening bracket of the next: "(Sept 21), Agents of S.H.I.E.L.D (", "(Sept 25), and
# Brooklyn Nine-Nine (".
_ENTRY_BEFORE = re.compile(r"\(([^()]{1,30})\)\s*,\s*(?:and\s+|or\s+)?[^,;()]{1,60}\(\s*$")


def _first_list_entry(text: str, start: int) -> tuple[int, int] | None:
    """For a date in brackets after a name that is a later entry of such a list, the
    span of the first entry's bracketed date; None otherwise."""
    first = None
    position = start
    for _ in range(30):
        entry = _ENTRY_BEFORE.search(text, 0, position)
        if entry is None:
            break
        first = entry.span(1)
        position = entry.start() + 1
    return first


# The date names its own event right after it: "its March 13, 2025 return", "the Dec. 21
# premiere" (whatever else the clause holds: a convention, a panel).
_NAMED_RELEASE = re.compile(r"\s+(?:return|premiere|debut|release|launch|opening)\b", re.I)
_OWN_EVENT = re.compile(
    r"\s+(?:start|bow|arrival|rollout|airdate|return|premiere|debut|release|launch|opening)\b",
    re.IGNORECASE,
)
_WHICH = re.compile(r",\s+(?:which|that)\s+$", re.IGNORECASE)
_IS_ON = re.compile(
    r"\s*(?:(?:will\s+be|is|was|falls|lands)\s+(?:on|in|set\s+for)|"
    # ('the season 3 premiere of Review, "Locorito", which aired Thursday, March 16'; 'the
    # Season 7 finale, which aired Aug. 27': what aired is the antecedent, premiere or not)
    r"aired|was\s+(?:aired|broadcast|shown))\b",
    re.IGNORECASE,
)


class _LazyView(View):
    """A View whose clause, event and blanked clause are worked out when a rule first
    reads one of them: about_watch, asked first, reads none, and most dates of a page
    stop there (not the watch's: no other rule is asked)."""

    def __init__(self, candidate: DateCandidate, watch: Watch) -> None:  # (not View's)
        self.text = candidate.sentence.text
        self.about = False
        self._of = (candidate, watch)

    @cached_property
    def _parts(self) -> View:
        return _worked_out(*self._of)

    left = property(lambda self: self._parts.left)  # type: ignore[assignment]
    right = property(lambda self: self._parts.right)  # type: ignore[assignment]
    clause = property(lambda self: self._parts.clause)  # type: ignore[assignment]
    event = property(lambda self: self._parts.event)  # type: ignore[assignment]
    event_word = property(lambda self: self._parts.event_word)  # type: ignore[assignment]
    plain = property(lambda self: self._parts.plain)  # type: ignore[assignment]


def _without_title(text: str, watch: Watch) -> str:
    """`text` with the watch's title and aliases blanked out (same length)."""
    for start, end, _ in title_mentions(text, watch):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _governing(clause: str, position: int, foreign: bool = False) -> tuple[str | None, str]:
    verbs = list(cues.RELEASE.finditer(clause))
    if foreign:  # a page in another language: its release verbs too ("startet", "estreia")
        verbs += cues.FOREIGN_RELEASE.finditer(clause)
    events = [
        (m.start(), "release", m.group())
        for m in verbs
        # "In June 2020, a month after the show's debut, Netflix removed ...": a release
        # named as a landmark after the date times the date, it is not the date's event
        if (m.start() < position or not cues.LANDMARK_BEFORE.search(clause, 0, m.start()))
        and not _not_a_works_release(clause, m.start())
    ]
    events += [(m.start(), "other", m.group()) for m in cues.OTHER_EVENT.finditer(clause)]
    if not events:
        return None, ""
    before = [e for e in events if e[0] < position]
    if not before and _OTHER_CLAUSE.search(clause, position, min(events)[0]):
        # "came into its own this year and fans hear it will be back next year": the
        # verb after the date heads another clause, with its own date
        return None, ""
    if not before and _FRONTED_CLAUSE.match(clause) and "," in clause[position : min(events)[0]]:
        # "While most of us were sleeping off New Year's Eve, Netflix dropped a teaser":
        # the date times the fronted clause's own doing, not the main clause's verb
        return None, ""
    if before and max(before)[1] == "other" and FRONTED_ABSOLUTE.match(clause):
        # "With production halted, The Batman slides from June 25 to October 1": the
        # fronted phrase's event ends at its comma; the main clause's date is not its
        comma = clause.find(",", max(before)[0], position)
        if comma >= 0:
            before = [e for e in before if e[0] > comma]
            if not before:
                return None, ""
    chosen = max(before) if before else min(events)
    if chosen[1] == "release" and _STARTS.match(chosen[2]):
        # "filming for the third season will start in January": what starts is the
        # event named before the verb
        other = [
            e
            for e in events
            if e[1] == "other"
            and chosen[0] - 80 <= e[0] < chosen[0]
            and not _COMMA.search(clause, e[0], chosen[0])
        ]
        if other:
            chosen = max(other)
    return chosen[1], chosen[2]


def _not_a_works_release(clause: str, at: int) -> bool:
    """The release word at `at` is not a work's release: a document ("in a press release
    on Oct. 13"), or a verb whose subject, the noun right before it, is no work, part of
    one or distributor ("when the pandemic hit the U.S. in March", "the strike landed")."""
    before = clause[max(0, at - 60) : at]
    if _DOCUMENT_BEFORE.search(before) and _RELEASE_NOUN.match(clause, at):
        return True  # (not "Relativity Media has set the film for April 18": a studio)
    if not _VERB_FORM.match(clause, at) and not _AUXILIARY_BEFORE.search(before):
        # a noun ("a two-hour premiere", "the first episode"): no subject; unless a
        # record ranks it ("became the UK's most-watched new drama launch"): a release
        # that happened, measured, and its date the record's
        return _RECORD_BEFORE.search(before) is not None
    subject = _COMMON_SUBJECT.search(before)
    # (any word of the phrase may name the work: "the third season", "series four")
    return subject is not None and not any(
        word.lower() in cues.WORK_SUBJECTS for word in re.findall(r"[\w'\u2019-]+", subject.group())
    )


# A release word in a verb's form: inflected ("premieres", "landed", "arriving"), or
# "hit", whose past is its base ("the outbreak hit").
_VERB_FORM = re.compile(r"(?i:[a-z]+(?:s|ed|ing)|hit|came|began)\b")
_AUXILIARY_BEFORE = re.compile(
    r"\b(?i:will|would|to|can|could|may|might|shall|should|must|did|does|do)\s+$"
)
# A superlative of what a release achieved, before its noun: "the most-watched new drama
# launch", "the biggest opening", "the highest-rated debut" (not "most anticipated").
_RECORD_BEFORE = re.compile(
    r"\b(?:most[\s-](?:watched|viewed|streamed|binged|popular|successful)|biggest|largest|"
    r"highest[\s-]\w+|best[\s-](?:rated|reviewed)|record[\s-]\w+)\s+(?:[\w'\u2019-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "a press release", "the news release": a document, not an event.
_DOCUMENT_BEFORE = re.compile(r"\b(?:press|news|media)\s+$", re.IGNORECASE)
_RELEASE_NOUN = re.compile(r"releases?\b", re.IGNORECASE)
# A common noun with its determiner right before the verb ("the pandemic hit", "a strike
# has landed"): the verb's subject. Lower case only: a capitalized name may be a title.
_COMMON_SUBJECT = re.compile(
    r"(?:^|\s)(?i:the|a|an|this|that)\s+(?:[a-z][\w'\u2019-]*\s+){0,3}?"
    # (no pronoun, linking word or reporting verb: "a series that premiered", "the
    # network said will premiere")
    r"(?!(?:the|a|an|this|these|those|its|their|his|her|our|your|my|"
    r"that|which|who|whose|it|they|he|she|we|you|and|or|but|to|of|in|on|for|with|"
    r"is|was|are|were|be|been|said|says|told|tells|confirmed|announced|revealed|reported|"
    r"added|noted|expects|expected|hopes|promised|insists|claims|believes|thinks|wrote|has|"
    r"have|had|will|would|can|could|may|might|shall|should|must|finally|officially|first|"
    r"also|then|just|now|already|reportedly)\b)"
    r"(?P<noun>[a-z][a-z-]*)\s+"
    r"(?:(?i:has|have|had|will|would|finally|officially|first|also|then|just|now|already|"
    r"reportedly)\s+)*$"
)



# A coordinated clause with a subject of its own between a date and a later verb.
# ... or the main clause after a fronted phrase, whose verb tells the news: "With all eyes
# on the inauguration in January, Netflix quietly announced the release date".
_OTHER_CLAUSE = re.compile(
    r"\s(?:and|but|so|while)\s+(?:\S+\s+){3,}|,\s+(?:\S+\s+){1,4}?(?:announced|revealed|"
    r"confirmed|unveiled|said|shared|teased)\b",
    re.IGNORECASE,
)
_COMMA = re.compile(r"[,;:]")
# A fronted subordinate clause with a subject and verb of its own ("While fans were ...",
# "As the network wrapped up ..."); not "As of May 3," (a start) nor "With a May 3
# premiere," (its release named inside it).
_FRONTED_CLAUSE = re.compile(
    r"\W*(?:while|whilst|as(?!\s+of\b)|although|though|because|whereas)\s+"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:was|were|is|are|had|has|have|did|do|does|\w+ed)\b",
    re.IGNORECASE,
)
# A fronted absolute phrase, a state the main clause happens in: "With production halted,
# ...", "Amid the strike, ..." (read up to its comma).
FRONTED_ABSOLUTE = re.compile(
    r"\W*(?:with|amid|amidst)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:\w+ed|shut|over|on\s+hold)\b"
    r"[^,;]{0,40},",
    re.IGNORECASE,
)
_STARTS = re.compile(r"(?:begins?|starts?|starting|gets?\s+underway)\b", re.IGNORECASE)


def found(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> str | None:
    match = pattern.search(text, start, len(text) if end is None else end)
    return match.group().strip() or match.group() if match else None
