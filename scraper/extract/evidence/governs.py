"""What governs the date: the event (a release or something else), hedges,
negations, moves, plans, time slots and tense."""

from __future__ import annotations

import re
from datetime import date, timedelta

from scraper.extract import cues, languages, scope
from scraper.extract.candidates import DateCandidate, is_listing
from scraper.extract.evidence.about import about_once, guide_line
from scraper.extract.evidence.rules import FRONTED_ABSOLUTE, View, _without_title, found, rule
from scraper.extract.gate import gated
from scraper.extract.reading import Subject
from scraper.extract.subject import ORDINAL_WORDS, season_references, title_mentions
from scraper.models import Watch

# ---------------------------------------------------------------- what governs it


@rule("release_verb", 3, "a release verb governs the date", "premieres on August 3")
def _release_verb(c: DateCandidate, v: View, w: Watch) -> str | None:
    return v.event_word if v.event == "release" else None


@rule(
    "schedule_row",
    3,
    "a date cell in the watch's row of a listings table",
    "| Aug. 15 | Emily in Paris | Season 4 |",
)
def _schedule_row(c: DateCandidate, v: View, w: Watch) -> str | None:
    s = c.sentence
    if v.event is None and s.schedule_row and s.subject in (Subject.WATCH, Subject.TITLE):
        return "table row naming the watch"
    return None


@rule(
    "listing_under_heading",
    3,
    "a date alone under a heading that names the watch",
    "## Heartstopper season 2 / August 3",
)
def _listing(c: DateCandidate, v: View, w: Watch) -> str | None:
    if c.mention.value in c.doc.own_dates:
        return None  # a blog post's date line under its title: the post's day, no listing
    if _stamped_long_after(c):
        return None  # "Sunday, December 28, 2025" atop a 2017 story: the day it was read
    if v.event is None and c.sentence.under_heading and is_listing(v.text, c.mention):
        return "a date alone under the watch's heading"
    return None


def _stamped_long_after(c: DateCandidate) -> bool:
    """A full date, weekday and year written out, more than a year after the page's own
    publish date: a site's today-stamp from when the page was served, not a listing (a
    guide lists days near its own)."""
    published = c.doc.published
    if published is None or c.mention.precision != "day" or c.mention.relative:
        return False
    text = c.sentence.text
    if not (
        _WEEKDAY_FIRST.match(text, max(0, c.mention.start - 12), c.mention.end)
        and _YEAR_IN.search(text, c.mention.start, c.mention.end)
    ):
        return False
    return c.mention.value[:10] > (published + timedelta(days=366)).isoformat()


_WEEKDAY_FIRST = re.compile(r"\W*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")


@rule(
    "broadcast_slot",
    2,
    "a listing or press-pack line of the watch: the day's date with its hour of broadcast",
    "BBC One, Sunday, June 10, 9pm / Sunday 18 September, then '9.00-10.00pm BBC One'",
)
def _broadcast_slot(c: DateCandidate, v: View, w: Watch) -> str | None:
    # (only the watch's: a listing names a slot for whichever season or show it lists)
    if c.mention.precision != "day" or c.mention.value in c.doc.own_dates:
        return None  # ("Submitted by Ann on 2011-11-14 20:00": the page's own stamp)
    if not about_once(c, v, w):
        return None
    if _HOUR_ONLY.fullmatch(v.text, c.mention.start, c.mention.end):
        return "tonight's listing: " + v.text[c.mention.start : c.mention.end]
    after = _TIME_AFTER.match(v.text, c.mention.end)
    before = _TIME_BEFORE.search(v.text, max(0, c.mention.start - 24), c.mention.start)
    seen = (after or before) and (after or before).group().strip(" ,")  # type: ignore[union-attr]
    if (
        not seen
        and len(v.text) <= 40
        and v.event is None  # (a bare date line, not a liveblog's "That film opens May 2.")
        and _TIME_AFTER.match(" " + c.following[:40])
    ):
        seen = c.following[:40]  # "Sunday 18 September" / "9.00-10.00pm BBC One"
    if not seen or _occasion(c, v, w):
        return None  # an episode's slot ("Episode 6 streams Saturday at 10:30 a.m.")
    return seen


# An hour of broadcast: "9pm", "9.00-10.00pm", "9:30 p.m. ET", "at 21:00".
_HOUR = (
    r"(?:\d{1,2}(?:[.:]\d\d)?\s*(?:[-\u2013]\s*\d{1,2}(?:[.:]\d\d)?\s*)?(?:[ap]\.?m\.?|GMT|BST)"
    r"(?![a-z])|[012]\d:[0-5]\d(?!\d))"
)
_TIME_AFTER = re.compile(
    r"\s*(?:,|/|[-\u2013\u2014|])?\s*(?:(?:at|from)\s+)?" + _HOUR, re.IGNORECASE
)
_HOUR_ONLY = re.compile(_HOUR, re.IGNORECASE)  # a listing's hour standing for tonight
_TIME_BEFORE = re.compile(_HOUR + r"\s*(?:,|/|[-\u2013\u2014|]|on)?\s*$", re.IGNORECASE)


@rule(
    "dated_entry",
    2,
    "a guide's line: the watch's title and the date with at most a channel, an hour or a "
    "season beside them, in either order",
    "Thursday, June 5 — Ginny & Georgia: Season 3 (Netflix Series) / 'Orchard Lights' "
    "Season 2 (HBO, Jan. 8) / Orchard Lights (Netflix), Jan. 8, 2026",
)
def _dated_entry(c: DateCandidate, v: View, w: Watch) -> str | None:
    if c.mention.precision not in ("day", "month"):
        return None  # ("Title (2015)" is a film's year label, no entry of a guide)
    if len(v.text) > 100 and not _dated_names(c, v):
        return None
    if not about_once(c, v, w):
        return None
    titles = title_mentions(v.text, w)
    if not titles and c.sentence.subject == Subject.WATCH and not c.sentence.schedule_row:
        # under the title's entry, the line names the season in its place: "2.ª Temporada -
        # Prime Video - 11 de janeiro", "Season 2 | HBO Max | Jan. 8"
        refs = season_references(v.text, w)
        own = [(r.start, r.end, r.season) for r in refs if r.season == w.season]
        return (guide_line(c, w, own) or None) if own else None
    if not titles or c.sentence.schedule_row:
        return None  # (a table's row is schedule_row's: one line, weighed once)
    if c.mention.start == 0:
        dash = _ENTRY_DASH.match(v.text, c.mention.end)
        if dash is not None and any(start == dash.end() for start, _, _ in titles):
            return v.text[: min(len(v.text), dash.end() + 30)]
        # a release calendar's day and the works opening on it: "June 29 -- Death at a
        # Funeral (MGM), Live Free or Die Hard (Fox), Ratatouille (Disney)"
        names = _dated_names(c, v)
        if names and any(start in names for start, _, _ in titles):
            return v.text[: min(len(v.text), dash.end() + 30)] if dash else None
    return guide_line(c, w, titles) or None


_ENTRY_DASH = re.compile(r"\s*(?:[\u2014\u2013:|]|\s-{1,2})\s*")
# One name of a day's list, its distributor or network in brackets after it.
_LISTED_NAME = re.compile(r"[A-Z0-9][^,;()]{0,80}?\s*\([^()]{1,30}\)\s*")
_LIST_COMMA = re.compile(r",\s*")


def _dated_names(c: DateCandidate, v: View) -> set[int]:
    """Where the names start in a line that is a day and then only names, each with its
    bracketed distributor, comma-separated: a release calendar's day (empty otherwise)."""
    if c.mention.start != 0:
        return set()
    dash = _ENTRY_DASH.match(v.text, c.mention.end)
    if dash is None:
        return set()
    starts, position = set(), dash.end()
    while position < len(v.text):
        name = _LISTED_NAME.match(v.text, position)
        if name is None:
            return set()
        starts.add(position)
        comma = _LIST_COMMA.match(v.text, name.end())
        if comma is None:
            return starts if name.end() >= len(v.text.rstrip(" .")) else set()
        position = comma.end()
    return starts


@rule(
    "other_event",
    -3,
    "another event word governs the date: renewal, filming, casting, "
    "a book, a finale, an announcement",
    "was renewed on May 20",
)
def _other_event(c: DateCandidate, v: View, w: Watch) -> str | None:
    return v.event_word if v.event == "other" else None


@rule("hedge", -4, "a hedge in the date's clause, quotation or sentence", "could arrive in 2025")
def _hedge(c: DateCandidate, v: View, w: Watch) -> str | None:
    # (a headline in title case capitalizes its hedge too: "Could Move" is no name)
    headed = (c.sentence.heading or c.sentence.block == -1) and _title_case(v.text)
    # (the date a move only talked of would leave is the plan that stands: the hedge
    # before the move is the move's, "is considering moving it from its November 3 date")
    move = _talked_of_move(v, c)
    floor = move - v.left if move is not None else 0
    seen = _clause_hedge(v, c.mention.start - v.left, c.mention.end - v.left, headed, floor)
    if seen:
        return seen
    if c.doc.foreign and (seen := found(cues.FOREIGN_HEDGE, v.clause)):
        return seen  # ("könnte", "podría", "pourrait", "potrebbe" in the date's clause)
    seen = found(cues.SENTENCE_HEDGE, v.text)
    if seen:
        return seen
    seen = _hedging_label(v.text, c.mention.start) or _conditional(v, c)
    if seen:
        return seen
    quotation = cues.quotation_around(v.text, c.mention.start)
    if quotation:
        return found(cues.SPECULATION, quotation) or found(cues.SPECULATIVE_MAY, quotation)
    return None


def _presupposed_in_question(text: str, date_start: int) -> bool:
    """The date sits in a relative clause inside a question that asks something else: the
    sentence opens on a question word that is not "when", and a relative pronoun after
    a comma or a name opens the date's clause ("Que nous dévoile ce court extrait des
    nouvelles aventures, qui arriveront en 2025 ?")."""
    opening = _QUESTION_WORD.match(text)
    if opening is None:
        return False
    relatives = list(_RELATIVE.finditer(text, opening.end(), date_start))
    return bool(relatives) and not cues.CLAUSE_BREAK.search(text, relatives[-1].end(), date_start)


# A question's opening word that asks what or how, not when (a "when" question hedges).
_QUESTION_WORD = re.compile(
    r"\W*(?:what|which|how|who|why|que|qu['\u2019]|quel(?:le)?s?|comment|pourquoi|was|wie|"
    r"welche[rsn]?|warum|qu[eé]|c[oó]mo|cosa|come|perch[eé]|o\s+que)\b",
    re.IGNORECASE,
)
# A relative pronoun opening a clause: ", which", ", qui", ", die", ", che" (not "that"
# or "que", which also open a question's own clause: "What's the chance that ...").
_RELATIVE = re.compile(
    r"(?:,\s*|\s)(?:which|who|qui|die|der|das|welche|che|cui)\s", re.IGNORECASE
)


def _hedging_label(text: str, date_start: int) -> str | None:
    """A short label before a colon that opens the sentence and calls what follows a
    guess: "Our prediction: the season premieres in March", "Best guess: 2026". The
    clause after the colon reads as settled; the label says it is not."""
    label = _LABEL.match(text)
    if label is None or label.end() > date_start:
        return None
    return found(cues.SPECULATION, label.group(1))


_LABEL = re.compile(r"\W*((?:[\w'\u2019-]+\s+){0,4}[\w'\u2019-]+)\s*:\s")


def _conditional(v: View, c: DateCandidate) -> str | None:
    """The release in the conditional with nobody reporting it: "Based on previous
    seasons, the show would arrive in March" is a reckoning. Reported ("Netflix said
    the show would arrive in March") or told as past narrative ("the film was set for
    May and would open on the 5th") it is the plan's future."""
    would = _WOULD_RELEASE.search(v.clause)
    if would is None or _REPORTED.search(v.text) or _NARRATIVE.search(v.text, 0, c.mention.start):
        return None
    return would.group()


_WOULD_RELEASE = re.compile(
    r"\b(?:would|['\u2019]d)\s+(?:(?:likely|then|still|also|now|probably|next)\s+)?"
    r"(?:premiere|arrive|land|debut|drop|hit|return|launch|open|air|stream|bow|"
    r"come\s+(?:out|back)|be\s+(?:out|back|released|available|ready|arriving|landing|"
    r"premiering|dropping|hitting|streaming|airing))\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|says|say|announced|announces|confirmed|confirms|revealed|reveals|told|tells|"
    r"added|noted|explained|stated|insisted|according\s+to|reported|wrote|tweeted|"
    r"promised|assured|indicated|"
    # come to know of it: "last month we learned the show would be back on January 13"
    r"learned|learnt|found\s+out|(?:was|were)\s+told)\b",
    re.IGNORECASE,
)
_NARRATIVE = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)


def _title_case(text: str) -> bool:
    """Most of the line's longer words are capitalized: "Season 3 Could Arrive in 2025"."""
    words = _LONG_WORD.findall(text)
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= 0.7 * len(words)


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _talked_of_move(v: View, c: DateCandidate) -> int | None:
    """Where the move starts when the date is what a move only talked of would leave
    ("Warner is weighing moving the film from its November 3 date", "could push it from
    May 2 to the fall"): a hedge before the move in the date's clause. None otherwise."""
    if "from" not in v.text[max(v.left, c.mention.start - 45) : c.mention.start].lower():
        return None  # (the cheap test first: most dates follow no "from")
    move = _MOVE_FROM.search(v.text, max(v.left, c.mention.start - 80), c.mention.start)
    if move is None:
        return None
    for pattern in (cues.SPECULATION, cues.SPECULATIVE_MAY):
        for hedge in pattern.finditer(v.text, v.left, move.start()):
            if not cues.in_title_name(v.text, hedge.start(), hedge.end()):
                return move.start()
    return None


_MOVE_FROM = re.compile(
    r"\b" + cues.MOVE_VERB + r"\b[^.;:]{0,50}?\bfrom\s+(?:(?:its|their|the|on|for)\s+)?"
    r"(?:(?:current|original|planned|scheduled|set)\s+)?$",
    re.IGNORECASE,
)


def _clause_hedge(
    v: View, start: int, end: int, title_case: bool = False, floor: int = 0
) -> str | None:
    """A hedge in the date's clause; not one past a comma after the date that leads to
    another date ("will premiere in 2026, ending months of guessing whether it could
    make late 2025": the guess is the other date's)."""
    # "Scheduled to debut Sunday, April 12, the new season is expected to bring ...": a
    # date in a fronted schedule phrase; what the main clause after its comma hedges is
    # the season's story, not the date
    main_clause = len(v.clause) + 1
    if v.left + start <= 100 and cues.FRONTED_SCHEDULE.match(v.text):
        comma = v.clause.find(",", end)
        if comma >= 0:
            main_clause = comma
    for pattern in (cues.SPECULATION, cues.SPECULATIVE_MAY):
        for match in pattern.finditer(v.clause, floor):
            if match.start() > main_clause:
                continue
            if _aside(v.clause, match.start(), start):
                continue  # "(billed as season two, or series 15 if you count ...)"
            if cues.in_title_name(v.clause, match.start(), match.end(), title_case):
                continue  # a name's word: “Dream Home Makeover”, "Hope Street"
            if match.group() == "?" and _presupposed_in_question(v.text, v.left + start):
                continue  # "What does the teaser of the new adventures, which arrive in
                # 2025, show?": the question is what it shows, the date is its premise
            if v.plain and not v.plain[match.start() : match.end()].strip():
                continue  # the watch's own name: "Disney Animation's Wish granted a 22
                # November release"
            if _REPORTS.match(match.group()) and _OFFICIAL.search(v.clause, match.end(), start):
                continue  # "Deadline reports that Hulu has set the premiere for June 5"
            if match.end() <= start and _in_closed_subclause(
                v.text, v.left + match.start(), v.left + start
            ):
                continue  # "before Infinity War arrives presumably to blow our minds,
                # Black Panther has a February release date": the other clause's doubt
            if match.start() >= end and (
                _CONSEQUENCE.search(v.clause, end, match.start())
                or _judges_something_else(v.clause, end, match)
                or (
                    "," in v.clause[end : match.start()]
                    and _ANOTHER_DATE.search(v.clause, match.end())
                )
            ):
                continue
            return match.group().strip() or match.group()
    return None


def _in_closed_subclause(text: str, at: int, date_start: int) -> bool:
    """Position `at` of the sentence lies in a subordinate clause ("before X arrives
    ...", "while Y ...") that a comma closes before the date: what it hedges is that
    clause's own event. (Not a condition, "if all goes well, ...", which hedges the main
    clause; the subordinator is looked for back to the comma before, past a title's
    colon: "before Avengers: Infinity War arrives presumably ...".)"""
    comma = text.rfind(",", at, date_start)
    if comma < 0:
        return False
    opened = max(text.rfind(",", 0, at), text.rfind(";", 0, at), 0)
    return _SUBORDINATOR.search(text, opened, at) is not None


# (temporal ones: a clause timed by another event; a concession, "though it could still
# slip, ...", doubts the main clause's date as often)
_SUBORDINATOR = re.compile(r"\b(?:before|after|while|whilst|once|since|until)\s", re.I)


# A trade reporting what the studio did, not a rumour: the reported clause says it was
# done ("reports that Hulu has set", "reports that Netflix announced").
_REPORTS = re.compile(r"\s*reports?\s+that\b", re.IGNORECASE)
_OFFICIAL = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:officially\s+)?(?:set|dated|scheduled|announced|confirmed|"
    r"revealed|unveiled)|officially\s+(?:set|announced|confirmed)|announced|confirmed|"
    r"revealed|unveiled)\b",
    re.IGNORECASE,
)


def _aside(clause: str, at: int, date_start: int) -> bool:
    """Position `at` sits inside a parenthesis that closes before the date: an aside
    about something else (one after the date may well hedge it: "May 3 (probably)")."""
    opened = clause.rfind("(", 0, at)
    if opened < 0 or clause.rfind(")", 0, at) > opened:
        return False
    closed = clause.find(")", at)
    return 0 <= closed < date_start


# What follows from the date, not a doubt on it: "on May 30, meaning fans can watch it in
# one sitting if they so wish".
_CONSEQUENCE = re.compile(
    r",\s+(?:meaning|which\s+means|giving|allowing|letting|so\s+that|"
    # a result clause of the readers' own: ", so all we can do is hope we get clarity"
    r"so\s+(?:all\s+)?(?:we|you|fans|viewers|audiences|I)\b)",
    re.IGNORECASE,
)
def _judges_something_else(clause: str, end: int, hedge: re.Match[str]) -> bool:
    """The hedge opens a clause of its own after the date ("... in the New Year and it
    looks like the drama is just as fraught as before"): it weighs what that clause is
    about, not the date, unless that clause is about the date or a change to it."""
    joined = _COORDINATED.search(clause, end, hedge.start())
    return joined is not None and not _DATE_AT_STAKE.search(clause, joined.end())


# "and it", "but the show", "while fans", "but you'll want to": a coordinated clause with a
# subject of its own.
_COORDINATED = re.compile(
    r"\b(?:and|but|while|though|although)\s+(?:it|this|that|they|the\s+[\w-]+|its\s+[\w-]+|"
    r"fans|viewers|we|you|I)\b(?!\s+(?:date|release|premiere|debut)\b)",
    re.IGNORECASE,
)
# What a hedge about the date itself speaks of: "but that could change", "and it may slip".
_DATE_AT_STAKE = re.compile(
    r"\b(?:chang|slip|mov|shift|delay|push|date|release|premier|debut|arriv|launch|"
    r"(?:19|20)\d\d)\w*",
    re.IGNORECASE,
)


# A year, a month or a season: the start of a date of its own.
_ANOTHER_DATE = re.compile(
    r"\b(?:(?:19|20)\d\d|(?:January|February|March|April|June|July|August|September|October|"
    r"November|December)|(?i:spring|summer|autumn|fall|winter)|"
    # ("in a move the studio hopes will pay off at the awards next year")
    r"(?i:(?:next|this|last)\s+(?:year|month|season|spring|summer|autumn|fall|winter)))\b"
)


@rule("negation", -4, "a denial in the date's clause", "will no longer premiere on August 3")
def _negation(c: DateCandidate, v: View, w: Watch) -> str | None:
    position = c.mention.start - v.left
    denials = list(cues.NEGATION.finditer(v.clause))
    if c.doc.foreign:  # ("noch kein Starttermin", "pas encore de date")
        denials += cues.FOREIGN_NEGATION.finditer(v.clause)
    # (a denial in a parenthesis after the date about another detail is that detail's:
    # "Monday, April 25 (time slot TBA)", "on June 3 (title to be announced)")
    denials = [m for m in denials if not _detail_aside(v.clause, m.start(), position)]
    # (nor one in a fronted concession a comma closes before the date: "While there is no
    # exact release date, the season is slated for 2022" denies the day, not the year)
    denials = [m for m in denials if not _conceded(v.text, v.left + m.start(), c.mention.start)]
    if not denials:
        return None
    before = [m for m in denials if m.end() <= position]
    if len(before) == len(denials) and (
        _EXCEPTED.search(v.clause, 0, position)
        or _EXCEPTION_CLAUSE.search(v.clause, before[-1].end(), position)
    ):
        return None  # "did not divulge a definite premiere date, aside from 2022"; "have yet
        # to announce a day, other than that the series will start in May": the exception
        # the denial leaves is asserted
    if len(before) == len(denials) and _INSTEAD.search(v.clause, before[-1].end(), position):
        return None  # "no longer opens March 8 and will instead arrive June 28"
    if len(before) == len(denials) and all(
        _MOVE_DENIED.match(v.clause, m.end()) for m in before
    ):
        return None  # "has not moved yet and remains scheduled for May 1st": the denial
        # is of a move; the date stands
    if (
        len(before) == len(denials)
        and not cues.PAST_DENIAL.match(before[-1].group())
        and _WAITS_UNTIL.match(v.clause, before[-1].end(), position)
    ):
        return None  # "isn't set to hit theaters until December": the wait ends on the date
    return denials[0].group().strip()


# The words that leave an exception to a denial: "aside from", "other than", "except".
_EXCEPTION = r"(?:aside\s+from|apart\s+from|except|other\s+than|save)"
# The date is the exception a denial leaves: "no date, aside from 2022", "except for 2022".
_EXCEPTED = re.compile(r"\b" + _EXCEPTION + r"(?:\s+for)?\s+$", re.IGNORECASE)


# An exception after a denial that opens a clause of its own ("other than that the series
# will start in May", "except that it arrives in spring"), the date inside it.
_EXCEPTION_CLAUSE = re.compile(
    r",?\s+" + _EXCEPTION + r"\s+(?:that\s+)?(?:the|it|its|this|they|their)\b[^;:]*$",
    re.IGNORECASE,
)


def _conceded(text: str, at: int, date_start: int) -> bool:
    """Position `at` lies in a concession opening the sentence ("While there is no exact
    date, ...", "Although Netflix has not set a day, ...") that a comma closes before the
    date."""
    comma = text.rfind(",", at, date_start)
    return comma >= 0 and _CONCESSION.match(text, 0, at) is not None


_CONCESSION = re.compile(r"\W*(?:while|whilst|although|though|even\s+though)\b[^,;]*$", re.I)


def _detail_aside(clause: str, at: int, date_start: int) -> bool:
    """Position `at` sits in a parenthesis opened after the date that names a detail of
    its own (a time slot, the title, the episode count): what it denies is that detail."""
    opened = clause.rfind("(", 0, at)
    if opened < date_start or clause.rfind(")", 0, at) > opened:
        return False
    return _DETAIL.match(clause, opened + 1) is not None


_DETAIL = re.compile(
    r"\s*(?:the\s+|its\s+)?(?:time\s*slot|timeslot|time|hour|slot|channel|network|platform|"
    r"title|episode\s+count|number\s+of\s+episodes|runtime|details|venue|location|cast|"
    r"trailer|teaser|poster)\b",
    re.IGNORECASE,
)


# A denial that waits for the date: "... until (on) (the) <date>", nothing stopping between.
_WAITS_UNTIL = re.compile(r"[^.;:]{0,60}?\b(?:until|till)\s+(?:on\s+)?(?:the\s+)?$", re.I)


# The denial's plan replaced within the clause: the date after it is the new one.
_INSTEAD = re.compile(r"\b(?:instead|now|but|rather)\b", re.IGNORECASE)


@rule(
    "before_the_date", -4, "'before' the date: a deadline, not a date", "arrives before Christmas"
)
def _before(c: DateCandidate, v: View, w: Watch) -> str | None:
    if _BEFORE_THE_DATE.search(v.text, v.left, c.mention.start) and not (
        _MOVED_TO.search(v.text, v.left, c.mention.start)
        or _BEFORE_IT_OPENED.search(v.text, v.left, c.mention.start)
        or _BEFORE_THE_EVENT_ON.search(v.text, v.left, c.mention.start)
        or _names_its_release(v.text, c.mention.start, c.mention.end)
        or _release_clause_after_before(v.text, v.left, c.mention.start, w)
    ):
        return "before"
    return None


def _release_clause_after_before(text: str, left: int, start: int, w: Watch) -> bool:
    """'before' opens a clause whose subject is the watch and whose release verb comes
    ahead of the date: "you have three months before The Marvels lands in cinemas on Nov
    9", "before it arrives in theaters on May 3". The date is that release's; what comes
    before it is another thing (a deadline is "before" the date itself: "arrives before
    Christmas"; "weeks before the fourth arrives" is another season's)."""
    befores = list(_BEFORE_WORD.finditer(text, left, start))
    if not befores:
        return False
    after = befores[-1].end()
    verb = cues.RELEASE.search(text, after, start)
    if verb is None:
        return False
    subject = text[after : verb.start()]
    return bool(_PRONOUN_SUBJECT.fullmatch(subject)) or any(
        after <= s and e <= verb.start() for s, e, _ in title_mentions(text, w)
    )


# A pronoun subject of a clause: "before it arrives", "before they return".
_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|they)\s+(?:\w+\s+)?", re.IGNORECASE)


def _names_its_release(text: str, start: int, end: int) -> bool:
    """The date sits in a noun phrase that names the release it is the date of: "six
    months before the Dec. 18 release", "ahead of its May 2 premiere". What comes before
    (or at) that release is another thing; the date itself is stated as settled."""
    return bool(
        _ARTICLE_BEFORE.search(text, max(0, start - 12), start)
        and cues.OWN_RELEASE_NOUN.match(text, end)
    )


# The determiner of a noun phrase that the date opens: "the", "its", "their", "this".
_ARTICLE_BEFORE = re.compile(r"\b(?:the|its|their|this|his|her)\s+$", re.IGNORECASE)


@rule(
    "after_the_date",
    -2,
    "'after' or 'since' the date: a landmark passed, not the release",
    "less than a month after its March 2017 release",
)
def _after(c: DateCandidate, v: View, w: Watch) -> str | None:
    return found(_AFTER, v.text, max(0, c.mention.start - 30), c.mention.start)


_AFTER = re.compile(
    # ("the following Friday, Jan. 6" is the next Friday: an adjective, no landmark)
    r"\b(?:after|since|(?<!the\s)following)\s+(?:(?:its|the|their|a|an|his|her)\s+)?$"
    # "since its premiere in September 2021": what "since" counts from has passed,
    # whichever release it names
    r"|\bsince\s+(?:its|the|their|the\s+show['\u2019]s|the\s+series['\u2019])\s+"
    r"(?:[\w-]+\s+)?(?:premiere|debut|release|launch|arrival|return|opening|bow)\s+"
    r"(?:(?:back\s+)?(?:in|on)\s+)?$",
    re.IGNORECASE,
)


# "before" leading to the date, not one inside an aside before it ("the series set a
# century before the original show, premieres Sunday"): no comma or stop between.
_BEFORE_THE_DATE = re.compile(r"\bbefore\b[^,;:()\u2014\u2013]*$", re.IGNORECASE)
_BEFORE_WORD = re.compile(r"\bbefore\b", re.IGNORECASE)
# "delayed from late 2020 before it finally opened in October 2021": what came after
# the delays, the release itself.
_BEFORE_IT_OPENED = re.compile(
    r"\bbefore\s+(?:it|they|the\s+\w+)\s+(?:\w+\s+)?(?:opened|premiered|arrived|debuted|landed|"
    r"released|returned|launched|bowed|hit)\b[^.;]{0,50}?\s+(?:(?:in|on)\s+)?$",
    re.IGNORECASE,
)
# "Before the Season 15 premiere on Tuesday, October 1, Bravo hosts a fan event": what
# comes before is another thing; the date is the premiere's own, named after its noun.
_BEFORE_THE_EVENT_ON = re.compile(
    r"\bbefore\s+(?:the|its|their|this|next\s+week['\u2019]s|the\s+show['\u2019]s)\s+"
    r"(?:[\w'\u2019-]+\s+){0,4}?(?:premiere|release|debut|launch|return|opening)\s+"
    r"(?:date\s+)?(?:on|in|of|this|next)?\s*$",
    re.IGNORECASE,
)
# "before moving to July 10": the date the plan moved to, not one it precedes.
_MOVED_TO = re.compile(
    r"\bbefore\s+(?:being\s+|(?:it|they)\s+(?:was|were|got|had\s+been)\s+)?"
    r"(?:mov(?:ing|ed)|push(?:ing|ed)|shift(?:ing|ed)|bump(?:ing|ed)|postpon(?:ing|ed)|"
    r"delay(?:ing|ed))\s+(?:(?:back|up|forward)\s+)?(?:to|until)\s+(?:(?:on|the)\s+)?$",
    re.IGNORECASE,
)


@rule(
    "until_the_date",
    -3,
    "the date ends a run or a window: 'until', 'through'",
    "in theaters until December 29",
)
def _until(c: DateCandidate, v: View, w: Watch) -> str | None:
    seen = found(_UNTIL, v.text[max(0, c.mention.start - 30) : c.mention.start])
    if not seen and _RUN_END.search(v.text, max(0, c.mention.start - 30), c.mention.start):
        return "the end of a run: " + v.text[max(0, c.mention.start - 30) : c.mention.end]
    if seen and _WAIT_UNTIL.search(v.text, v.left, c.mention.start):
        return None  # "pushed back until June 18", "will not premiere until 2022": the date
    return seen


# A move or a wait that ends on the date: the release, not the end of a run.
_WAIT_UNTIL = re.compile(
    r"(?:\b(?:" + cues.MOVE_VERB + r"|wait\w*|hold\w*\s+(?:off|back))\b|" + cues.DENIAL_WORD + r")"
    r"[^.;]{0,60}?\b(?:until|till)\s+(?:on\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


# The second date of a run written with a dash: "September 30, 2012 - May 12, 2013".
# (Not a season's number before a guide's dash: "Title season 2 — Jan. 9".)
_RUN_END = re.compile(
    r"(?:\b(?:19|20)\d\d|(?<!season\s)(?<!series\s)(?<!part\s)(?<!volume\s)(?<!staffel\s)"
    r"(?<!temporada\s)(?<!stagione\s)(?<!saison\s)\b[0-3]?\d(?:st|nd|rd|th)?)"
    r"\s*[-\u2013\u2014]\s*$",
    re.IGNORECASE,
)
_UNTIL = re.compile(
    r"\b(?:until|till|through|thru|runs?\s+to|ends?\s+on)\s+(?:on\s+)?(?:the\s+)?$", re.I
)


@rule(
    "news_date",
    -3,
    "the date is when the news was told, not the release: 'confirmed in July that ...', "
    "'On Nov. 19, ABC revealed ...', 'a June 2025 update'",
    "Netflix confirmed in July that the show will return",
)
def _news_date(c: DateCandidate, v: View, w: Watch) -> str | None:
    told = _TOLD_ON.search(v.text, max(0, c.mention.start - 40), c.mention.start)
    if told and _THAT.match(v.text, c.mention.end):
        return told.group().strip()
    if _FRONTED.match(v.text[: c.mention.start]):
        teller = _TOLD_AFTER.match(v.text, c.mention.end)
        if teller:
            return teller.group().strip()
    after = _NEWS_NOUN.match(v.text, c.mention.end)
    if after:
        return after.group().strip()
    # "That date was confirmed in April": told in the passive, no "that" clause after
    return found(_TOLD_PASSIVE, v.text, max(0, c.mention.start - 40), c.mention.start)


# "confirmed in July that ...", "announced on Tuesday that ..."
_TOLD_ON = re.compile(
    r"\b(?:confirm|announc|reveal|unveil|report|said|says|told|tease|shar)\w*\s+"
    # ("confirmed earlier this month that ...": the month of the news)
    r"(?:(?:on|in|during|back\s+in|earlier\s+in|earlier|last|this)\s+)?$",
    re.IGNORECASE,
)
_TOLD_PASSIVE = re.compile(
    r"\b(?:was|were|been|being)\s+(?:first\s+|officially\s+)?(?:confirmed|announced|revealed|"
    r"unveiled|reported)\s+(?:(?:on|in|during|back\s+in|earlier\s+in|earlier|last)\s+)?$",
    re.IGNORECASE,
)
_THAT = re.compile(r",?\s+(?:that|when|how|what)\b", re.IGNORECASE)
# "On Nov. 19, ABC revealed the release date": a sentence that opens on the date, then
# someone telling the news.
_FRONTED = re.compile(r"^\W*(?:(?:on|in|back\s+in|earlier\s+in)\s+)?$", re.IGNORECASE)
_TOLD_AFTER = re.compile(
    r",\s+(?:[\w&+.'\u2019-]+\s+){1,5}?"
    r"(?:confirmed|announced|revealed|unveiled|shared|teased|said|told|"
    # "On October 4, MBC dropped a new poster for ...": that day's promotion, not the release
    r"(?:dropped|released|posted|published)\s+(?:a|an|the|its|their)\s+(?:new\s+|first\s+|"
    r"official\s+|main\s+|character\s+|short\s+)*(?:posters?|key\s+visuals?|stills?|images?|photos?|"
    # ... or a trailer: "On May 18th, CBS released a teaser trailer for the new series"
    r"first[\s-]look|(?:teaser\s+)?trailers?|teasers?|promos?|featurettes?))\b",
    re.IGNORECASE,
)
# "a June 2025 update": the date names the article, not the release.
_NEWS_NOUN = re.compile(
    r"\s+(?:update|edition|issue|recap|roundup|round-up|newsletter|report|briefing)\b",
    re.IGNORECASE,
)


@rule(
    "renewal",
    -4,
    "a renewal before the date, no release verb between",
    "renewed the show for a fourth series back in May 2022",
)
def _renewal(c: DateCandidate, v: View, w: Watch) -> str | None:
    position = c.mention.start - v.left
    renewals = [m for m in cues.RENEWAL.finditer(v.clause) if m.end() <= position]
    if not renewals:
        return None
    between = v.clause[renewals[-1].end() : position]
    if any(not m.group().lower().startswith("back") for m in cues.RELEASE.finditer(between)):
        return None
    return renewals[-1].group()


@rule(
    "production",
    -4,
    "the clause's subject is filming or production",
    "Principal photography kicks off in June",
)
def _production(c: DateCandidate, v: View, w: Watch) -> str | None:
    clause, start, end = v.clause, c.mention.start - v.left, c.mention.end - v.left
    found = cues.PRODUCTION_SUBJECT.match(clause)
    if found is None and c.doc.foreign:
        made = _made_then(clause, start, end)
        if made is not None:
            return made
    if found is None or found.end() > start:
        if found is None:
            carried = _production_carried(v.text, v.left, clause, start)
            if carried:
                return carried
        # a relative clause of its own after a comma: "... series two, filming for which
        # began in April last year", "..., whose shoot wrapped in May"
        relative = max(_PRODUCTION_RELATIVE.finditer(clause, 0, start), key=_start, default=None)
        if relative is None or cues.RELEASE.search(clause, relative.end(), start):
            return None
        return relative.group().strip(", ")
    if (_SUBORDINATE.match(clause) or FRONTED_ABSOLUTE.match(clause)) and "," in clause[
        found.end() : start
    ]:
        return None  # "Once filming wrapped, Netflix confirmed ...": the clause ends at its comma
    between = clause[found.end() : start]
    for verb in cues.RELEASE.finditer(between):
        if between[verb.start() - 1 : verb.start()] == "-":
            continue  # "long-delayed": an adjective, not the verb
        if _CONJUNCTION.search(between, 0, verb.start()):
            return None
    if _NAMES_ITS_EVENT.match(clause, end):
        return None  # "a 2026 premiere" names its event
    return found.group().strip()


_PRODUCTION_ANY = re.compile(r"\b(?:" + "|".join(languages.PRODUCTION_WORDS) + r")\b", re.I)


def _made_then(clause: str, start: int, end: int) -> str | None:
    """On a page in another language: the word of the clause nearest the date, of its
    making (languages.PRODUCTION_WORDS) and of its release (cues.FOREIGN_RELEASE), is
    one of its making: "Vuelve la máscara: en noviembre empieza a filmarse La Casa de
    Papel 3" (filming, not the return, is in November)."""
    made = list(_PRODUCTION_ANY.finditer(clause))
    if not made:
        return None

    def distance(m: re.Match[str]) -> int:
        return start - m.end() if m.end() <= start else m.start() - end

    nearest = min(made, key=distance)
    released = [*cues.FOREIGN_RELEASE.finditer(clause), *cues.RELEASE.finditer(clause)]
    if any(distance(r) < distance(nearest) for r in released):
        return None
    return nearest.group()


def _production_carried(text: str, left: int, clause: str, start: int) -> str | None:
    """A clause with no subject of its own ("and didn't resume until September") or a
    pronoun for one ("one month later, it was shut down") goes on about the subject of
    the clause before it, back to the first that names one: when that one is filming or
    production, so is the date's ("Filming began in February 2020 - one month later, it
    was shut down, and didn't resume until September"). Not when the date's verb is one
    a shoot never takes ("Filming wrapped in May, and it premieres in September": "it"
    is the show)."""
    if not _CARRIES_SUBJECT.match(clause):
        return None
    for verb in cues.RELEASE.finditer(clause, 0, start):
        if not _SHOOT_VERB.match(verb.group()):
            return None
    # the clauses before the date's, each between two breaks, read nearest first
    spans, begin = [], 0
    for brk in cues.CLAUSE_BREAK.finditer(text, 0, left):
        spans.append((begin, brk.start()))
        begin = brk.end()
    for begin, stop in reversed(spans):
        before = text[begin:stop]
        found = cues.PRODUCTION_SUBJECT.match(before)
        if found is not None:
            return found.group().strip()
        if not _CARRIES_SUBJECT.match(before):
            return None
    return None


# A clause that takes its subject from the one before: none of its own ("and didn't
# resume", "was halted"), or "it"/"they" after an opening phrase ("a month later, it").
_CARRIES_SUBJECT = re.compile(
    r"^\W*(?:(?:and|but|then|so)\s+)?(?:[^,;]{0,40},\s+)?(?:(?:it|they)\s|"
    r"(?:was|were|is|are|has|have|had|did|didn['\u2019]t|did\s+not|wasn['\u2019]t|hasn['\u2019]t|"
    r"won['\u2019]t|will|would|only|then|later|eventually|finally)\s|[a-z]+ed\s)",
    re.IGNORECASE,
)
# The verbs a shoot takes that the release verbs share: it starts, resumes, is delayed.
_SHOOT_VERB = re.compile(
    r"(?:resum|restart|start|began|begin|kick|got|get|delay|postpon|push|halt|paus|continu)",
    re.IGNORECASE,
)
_SUBORDINATE = re.compile(r"^\W*(?:once|after|when|now\s+that|as\s+soon\s+as)\s", re.I)
def _start(match: re.Match[str]) -> int:
    return match.start()


_PRODUCTION_RELATIVE = re.compile(
    r",\s*(?:(?:filming|production|shooting|principal\s+photography|the\s+shoot)\s+"
    r"(?:for|of|on)\s+which|whose\s+(?:filming|production|shooting|shoot))\b",
    re.IGNORECASE,
)
_CONJUNCTION = re.compile(r"\b(?:and|but|while|whereas|then|before|ahead\s+of)\b", re.I)
_NAMES_ITS_EVENT = re.compile(r"\s+(?:\w+\s+)?(?:premiere|release|debut|launch|return|bow)\b")


@rule(
    "fronted_past_phrase",
    -5,
    "the date sits in a fronted phrase about something before the news",
    "Following its success this summer, the show will return for a second series",
)
def _fronted_past_phrase(c: DateCandidate, v: View, w: Watch) -> str | None:
    text = c.sentence.text
    opening = _FRONTED_PAST.match(text, 0, c.mention.start)
    if opening is None or cues.RELEASE.search(text, opening.end(), c.mention.start):
        return None  # ("After its premiere on May 5, ..." names the release itself)
    comma = text.find(",", c.mention.end)
    if comma < 0 or comma - c.mention.end > 40:
        return None
    if not cues.RELEASE.search(text, comma):
        return None  # the release the sentence tells is after the phrase, not in it
    return text[: comma].strip()[:80]


# "Following its success this summer,", "After a record-breaking run in 2023,": an
# opening phrase about what came before, its own clause ending at a comma.
_FRONTED_PAST = re.compile(
    r"\W*(?:following|after|since|despite|with|on\s+the\s+back\s+of)\s+[^,]*$", re.IGNORECASE
)


@rule(
    "other_occasion",
    -4,
    "an occasion that is not the premiere: a panel, a festival screening, a finale, a book",
    "the season 2 finale airs May 25",
)
def _occasion(c: DateCandidate, v: View, w: Watch) -> str | None:
    clause, start, end = v.plain, c.mention.start - v.left, c.mention.end - v.left
    if _names_its_release(v.text, c.mention.start, c.mention.end):
        # "Six months before the Dec. 18 release, the Comic-Con panel will ...": the date
        # is its release's, named right after it; an occasion counts only in its own phrase
        # ("the Sept. 10 premiere at the festival").
        # (from its determiner on: "Warner Bros. debuted the first trailer at Comic-Con for
        # its June 2, 2017 release": the convention is the trailer's, before the phrase)
        article = _ARTICLE_BEFORE.search(clause, max(0, start - 12), start)
        left = article.start() if article else 0
        stop = cues.PHRASE_BREAK.search(clause, end)
        clause = clause[left : stop.start() if stop else len(clause)]
        start, end = start - left, end - left
    if scope.other_occasion(clause, start, end, c.sentence.published):
        return found(cues.OTHER_OCCASION, clause) or "another occasion"
    label = _LABEL.match(v.text)  # (the speculation label's shape: a few words and a colon)
    if label is not None and label.end() <= c.mention.start and len(v.text) <= _FIELD_LINE:
        # a field line's label names what its value is ("Festival run: May 2 - June 9",
        # "Finale: May 25"), though the colon ends the clause the date is read in
        # (a value with a release word of its own is a headline's, not a field's: "Comic-Con:
        # Heartstopper season 2 trailer and August 3 premiere")
        occasion = cues.OTHER_OCCASION.search(label.group(1))
        if occasion is not None and not cues.RELEASE.search(v.text):
            return occasion.group()
    if c.sentence.schedule_row and not _ROW_START.search(v.text):
        # a listings row is one entry, its note anywhere in it: "| Aug. 15 | Title (AMC),
        # 9 p.m. — series finale |" lists the finale, whatever clause the date is in
        note = cues.OTHER_OCCASION.search(_without_title(v.text, w))
        if note is not None and not cues.in_title_name(v.text, note.start(), note.end(), True):
            return note.group()
    return None


# A "Label: value" line (a fact box, an infobox row) is short.
_FIELD_LINE = 120


# A row that lists a start as well ("season premiere", "returns", "series debut"): its
# other note is not what the date is.
_ROW_START = re.compile(
    r"\b(?:premiere|premieres|debut|debuts|launch|returns?|new\s+series|series\s+start)\b",
    re.IGNORECASE,
)


@rule(
    "trailer_date",
    -4,
    "the trailer or teaser is the date's subject",
    "Netflix released a teaser in August",
)
def _trailer_date(c: DateCandidate, v: View, w: Watch) -> str | None:
    if cues.OWN_RELEASE_NOUN.match(v.text, c.mention.end):
        return None  # "the season 2 trailer and October 16 premiere": the date's own event
    trailers = list(_PROMO.finditer(v.text, 0, c.mention.start))
    if not trailers and v.event == "release":
        # "Este jueves 27 de junio ha sido lanzado un nuevo tráiler de ...", "On June 27,
        # Sony released a new trailer": what the release verb after the date puts out,
        # its object, is the trailer
        verb = v.text.find(v.event_word, c.mention.end)
        if verb >= 0 and (video := _OBJECT_PROMO.match(v.text, verb + len(v.event_word))):
            return video.group("video")
        if verb >= 0 and c.doc.foreign and _CJK.match(v.event_word):
            # Korean and Japanese put the object before its verb: "11월 1일, 넷플릭스는 ...
            # 티저 포스터, 예고편, 스틸컷을 공개하며" (on November 1 Netflix put out the
            # trailer), "10月1日、PVを公開した": the video between the date and the verb
            # is what it puts out
            video = _PROMO.search(v.text, c.mention.end, verb)
            if video is not None and not cues.FOREIGN_RELEASE.search(v.text, c.mention.end,
                                                                     video.start()):
                return video.group()
    if not trailers:
        # "First released on May 6, the season 3 trailer has ...": an opening participle
        # whose subject, after its comma, is the trailer
        opening = _OPENING_PARTICIPLE.match(v.text)
        if opening is not None and c.mention.end <= opening.end("phrase"):
            return opening.group("video")
        return None
    new_clause, of_the_trailer = (
        (_NEW_CLAUSE_ANY, _OF_THE_TRAILER_ANY) if c.doc.foreign else (_NEW_CLAUSE, _OF_THE_TRAILER)
    )
    clause = new_clause.search(v.text, trailers[-1].end(), c.mention.start)
    appositive = _APPOSITIVE_RELATIVE.search(v.text, trailers[-1].end(), c.mention.start)
    if appositive is not None and not _PROMO.search(appositive.group()):
        # "ha publicado su primer tráiler, un clásico de la TV que llegará ... el 30 de
        # enero": the relative clause is said of the noun in apposition, another thing
        return None
    if clause is not None and not (
        # ("The trailer, which debuted May 6, shows ...": a clause said of the trailer
        # itself, its antecedent the trailer word right before it, dates the trailer)
        _antecedent(v.text, trailers[-1].end(), clause.start(), c.doc.foreign)
        and of_the_trailer.match(v.text, clause.start())
        and not new_clause.search(v.text, clause.end(), c.mention.start)
    ):
        return None
    if _TRAILER_SET_TO.match(v.text, trailers[-1].end()):
        # "Trailer Confirmed to Premiere Tonight", "the teaser is set to debut Friday":
        # the verb the trailer is confirmed to do is its own, and so is its date
        return trailers[-1].group()
    carries = _TRAILER_CARRIES_ANY if c.doc.foreign else _TRAILER_CARRIES
    colon = v.text.find(":", trailers[-1].end(), c.mention.start)
    if (
        colon >= 0
        and carries.search(v.text, max(0, trailers[-1].start() - 30), colon) is not None
        and _release_after(v.text, colon, c)
    ):
        # "Wann die zweite Staffel zu sehen ist, verrät der Trailer auch: Ab dem 21. Juni
        # laufen die neuen Folgen": what the trailer reveals, after the colon, is a clause
        # of its own that tells the release
        return None
    if _AHEAD_OF.search(v.text, trailers[-1].end(), c.mention.start):
        return None  # "the trailer is here ahead of the new episodes arriving in 2019"
    segments = list(_SEGMENT.finditer(v.text, trailers[-1].end(), c.mention.start))
    if segments and cues.RELEASE.search(v.text, segments[-1].end(), c.mention.start):
        # "Teaser Trailer: <cast> Face ... - In Theaters November 20th, 2026": a headline's
        # last part gives the release, whatever its first part shows
        return None
    base = max(v.left, trailers[-1].end())
    after = v.text[base : v.right]
    # (a release named well after the date is a landmark, not the date's event: "the
    # trailer will come out on Sunday, April 21, to coincide with the season premieres
    # of two other shows")
    reach = c.mention.end - base + 12
    if any(
        not _AUXILIARY.search(after, 0, m.start("w" if m.group("w") else "f"))
        and not _FOR_OF.search(after, 0, m.start())
        for m in (_NAMES_THE_RELEASE_ANY if c.doc.foreign else _NAMES_THE_RELEASE).finditer(
            after, 0, reach
        )
    ):
        return None  # "the trailer confirms a May 5 premiere", not "the teaser debuts Friday"
    if carries.search(v.text, trailers[-1].end(), c.mention.start):
        return None  # the teaser shows the date: "a teaser that ends with the date: Jan. 17"
    if _CLAUSE_OF_ITS_OWN.search(v.text, trailers[-1].end(), c.mention.start):
        return None  # "watch the teaser and see what awaits when Frozen hits theaters Nov. 27"
    if c.doc.foreign and _released_in_a_that_clause(v.text, trailers[-1].end(), c.mention.start):
        return None
    return trailers[-1].group()


# "that" and its kin in the other languages (languages.SUBORDINATORS)
_FOREIGN_THAT = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(languages.SUBORDINATORS) + r")(?![^\W\d_])", re.IGNORECASE
)


def _released_in_a_that_clause(text: str, after_trailer: int, date_start: int) -> bool:
    """Between the trailer and the date, a "that" clause with a release verb of its own:
    "släpptes en ny teaser, samtidigt som man avslöjade att tv-serien har premiär den 9
    juni" (the series premieres, the teaser was out at the weekend). Not a relative clause
    of the trailer itself, its "que" right after the trailer word or its adjectives ("el
    tráiler que llegará el lunes", "el tráiler oficial, que se estrenó este 8 de julio"
    date the trailer)."""
    that = _FOREIGN_THAT.search(text, after_trailer, date_start)
    if that is None:
        return False
    gap = text[after_trailer : that.start()].rstrip(" ,")
    if _antecedent(gap, 0, len(gap), True):
        return False  # (its antecedent the trailer: "el tráiler oficial, que se estrenó")
    return cues.FOREIGN_RELEASE.search(text, that.end(), date_start) is not None


# Between the trailer and the date, a clause with its own release: a subordinate clause
# ("... when the film hits theaters on", "... that we will see the season in") or the
# season described after the trailer ("Trailer for the second series, airing 11 April").
_CLAUSE_OF_ITS_OWN = re.compile(
    # (a clause whose subject is the work itself: "..., knowing that the film opens May 8",
    # "en sachant que le film sortira au cinéma le 8 mai")
    r"\b(?:that|que|qu['\u2019]|che|dass)\s+(?:the|le|la|il|lo|el|der|die|das)\s+(?:film|movie|"
    r"series|show|season|s\u00e9rie|saison|serie|pel\u00edcula|stagione|staffel)\s|"
    r"\b(?:when|once|that\s+(?:we|you|fans|viewers|audiences)|until)\s+[^.;]{0,80}?"
    r"\b(?:hit(?:s|ting)?|arriv\w+|premier\w+|land(?:s|ing)|open(?:s|ing)|debut(?:s|ing)|"
    r"return(?:s|ing)|stream(?:s|ing)|airs?|airing|see|watch)\b|"
    r",\s+(?:airing|premiering|streaming|returning|arriving|opening|hitting)\s+",
    re.IGNORECASE,
)


# The trailer as the subject of what it is confirmed or set to do: "Trailer Confirmed to
# Premiere Tonight", "the teaser is set to debut Friday", "trailer scheduled to arrive".
_TRAILER_SET_TO = re.compile(
    r"s?\s+(?:(?:is|was|has\s+been|have\s+been|are|were)\s+)?(?:now\s+|officially\s+)?"
    r"(?:confirmed|set|scheduled|slated|due|expected)\s+to\s+"
    r"(?:premiere|debut|drop|arrive|air|land|launch|release|be\s+released|go\s+live)\b",
    re.IGNORECASE,
)
# A trailer that carries the release date: it reveals it, ends or closes on it.
_TRAILER_CARRIES = re.compile(
    r"\b(?:reveal\w*|confirm\w*|announc\w*|ends?\s+(?:with|on)|ending\s+(?:with|on)|"
    r"clos\w*\s+(?:with|on)|(?:the|a|its)\s+(?:\w+\s+)?date\b|sets?\s+(?:a|the|its)\b)",
    re.IGNORECASE,
)
# ... and on a page in another language, its words too ("Nel trailer viene svelato che").
_TRAILER_CARRIES_ANY = re.compile(
    _TRAILER_CARRIES.pattern[:-1] + "|" + "|".join(languages.TRAILER_REVEALS) + ")",
    re.IGNORECASE,
)


# The release named as a thing after the trailer: "reveals a January 17 premiere",
# "confirms the release date", "the season premieres" (a verb whose subject is not it).
_NAMES_THE_RELEASE = re.compile(
    # (or a release joined to the trailer: "season 2 trailer and October 16 premiere")
    r"\b(?:the|a|an|its|their|season|series|show|and)(?:['\u2019]s)?\s+(?:[\w.,]+\s+){0,3}?"
    r"(?P<w>premiere|release|debut|launch|return)(?:s|\s+date)?\b(?P<f>)",
    re.IGNORECASE,
)
# ... and on a page in another language, its nouns too: "in uscita", "sa sortie".
_NAMES_THE_RELEASE_ANY = re.compile(
    _NAMES_THE_RELEASE.pattern.replace("(?P<f>)", "")
    + r"|(?<!\w)(?:"
    + "|".join(languages.RELEASE_NOUN_INTRODUCERS)
    + r")\s*(?:[\w.,]+\s+){0,3}?(?P<f>"
    + "|".join(languages.RELEASE_NOUNS)
    + r")\b",
    re.IGNORECASE,
)
# "The first teaser for The Boys season 4 debuts Saturday": the season is the trailer's
# complement, the verb still the trailer's.
_FOR_OF = re.compile(r"^\s*(?:for|of)\s+$", re.IGNORECASE)
# "... season 2 will debut": the release word is a verb of the trailer, not a noun.
_AUXILIARY = re.compile(r"\b(?:will|to|would|shall|can|['\u2019]ll)\s+$", re.IGNORECASE)
# A trailer, or another promotional video: "the footage airs Sunday", "a promo drops".
_PROMO = re.compile(
    cues.TRAILER.pattern + r"|\b(?:footage|promos?|(?:tv\s+)?spots?|sneak\s+peeks?|previews?|"
    r"featurettes?|first[\s-]looks?)\b",
    re.IGNORECASE,
)
# (a comma inside a title's closing quote too, as American style puts it: '“The Lantern
# Keepers,” which premieres April 19')
_NEW_CLAUSE = re.compile(
    r",[\"\u201d\u2019']?\s+(?:and|which|while|but|whereas)\s|;", re.IGNORECASE
)
_OF_THE_TRAILER = re.compile(r",\s+which\s", re.IGNORECASE)
# ... and in the other languages: ", y", ", und", ", la cual", ", che" (languages.py).
_NEW_CLAUSE_ANY = re.compile(
    _NEW_CLAUSE.pattern
    + r"|,[\"\u201d\u2019'\u00bb]?\s+(?:"
    + "|".join((*languages.CLAUSE_CONJUNCTIONS, *languages.RELATIVE_PRONOUNS))
    + r")\s",
    re.IGNORECASE,
)
_OF_THE_TRAILER_ANY = re.compile(
    r",\s+(?:which|" + "|".join(languages.RELATIVE_PRONOUNS) + r")\s", re.IGNORECASE
)


# A move denied: "has not moved", "hasn't been delayed", "has not budged".
_MOVE_DENIED = re.compile(
    r"\s*(?:yet\s+)?(?:been\s+)?(?:moved|delayed|pushed|postponed|shifted|budged|bumped|"
    r"rescheduled|changed)\b",
    re.IGNORECASE,
)


def _antecedent(text: str, trailer_end: int, clause_start: int, foreign: bool) -> bool:
    """The trailer word is the relative clause's antecedent: right before it, or (where
    the adjective follows its noun) with an adjective or two between: "el tráiler
    oficial, que se estrenó este 8 de julio", "il trailer ufficiale, che"."""
    gap = text[trailer_end:clause_start]
    return not gap or (foreign and _FOLLOWING_ADJECTIVES.fullmatch(gap) is not None)


_FOLLOWING_ADJECTIVES = re.compile(r"(?:\s+[^\W\d_A-Z][\w-]*){1,2}")


def _release_after(text: str, colon: int, c: DateCandidate) -> bool:
    """A release word in the clause a colon opens, up to a little after the date: "...:
    Ab dem 21. Juni laufen die neuen Folgen", "...: the season returns May 5"."""
    end = min(len(text), c.mention.end + 40)
    if cues.RELEASE.search(text, colon, end) is not None:
        return True
    return c.doc.foreign and cues.FOREIGN_RELEASE.search(text, colon, end) is not None
# The object right after a release verb, a video: " a new trailer", " un nuevo tráiler".
_OBJECT_PROMO = re.compile(
    r"\s+(?:(?:a|an|the|its|their|un|una|le|la|il|lo|el|den|einen|ein|eine)\s+)?"
    r"(?:(?:new|first|final|official|full|nuevo|nueva|primer|primera|nouvelle|nouveau|"
    r"premier|premi\u00e8re|nuovo|primo|neuen|ersten|offizielle[n]?)\s+){0,2}"
    # (and any describing words before it: "the highly anticipated official trailer"; not
    # a work or a second object: "released the film with a trailer")
    r"(?:(?!(?:film|movie|series|show|season|episodes?|and|with|alongside|along|plus|as|"
    r"in|on|at|for|to)\b)[a-z][\w'\u2019-]*\s+){0,3}?(?P<video>"
    + cues.TRAILER.pattern
    + r")",
    re.IGNORECASE,
)
# A noun in apposition and a relative clause said of it: ", a classic that opens ...", ", un
# clásico de la TV en España que llegará ...", ", un film qui sortira ...".
_APPOSITIVE_RELATIVE = re.compile(
    r",\s+(?:a|an|the|un|une|una|uno|el|la|le|il|lo|ein|eine|einen)\s[^,;]{0,60}?"
    r"\b(?:that|which|que|qui|che|der|die|das)\s",
    re.IGNORECASE,
)
# (a second fronted phrase may stand before the subject: "Released yesterday (July 15),
# on the show's anniversary, the behind-the-scenes video is ..."; the subject may be any
# video, whose release is not the show's)
_OPENING_PARTICIPLE = re.compile(
    r"\W*(?P<phrase>(?:first\s+|originally\s+)?(?:released|shown|unveiled|dropped|posted|"
    r"screened|debuted|uploaded|shared)\b[^,;.]{0,60})(?:,\s+(?:on|in|at|as|with)\s[^,;.]{0,60})?"
    r",\s+(?:the|a|an|this|its|their)\s+"
    r"(?:[\w'\u2019:-]+\s+){0,6}?(?P<video>" + cues.TRAILER.pattern + r"|\b(?:videos?|clips?|"
    r"featurettes?|footage)\b)",
    re.IGNORECASE,
)
_DONT_MISS = re.compile(r"\W*don['\u2019]t\s+miss", re.IGNORECASE)
_AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|in\s+advance\s+of|before)\s+(?:the|its|their|a)?\s*"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:premiere|release|debut|launch|return|arriv\w*|opening|"
    r"(?:new\s+)?(?:episodes|season))\b",
    re.IGNORECASE,
)
# A dash or a pipe between a headline's parts.
_SEGMENT = re.compile(r"\s[\u2014\u2013|-]\s")


@rule("old_date", -4, "a date the release moved away from", "moved from June 28 to July 10")
def _old_date(c: DateCandidate, v: View, w: Watch) -> str | None:
    before = v.text[max(0, c.mention.start - 100) : c.mention.start]
    seen = (
        found(cues.OLD_DATE, before)
        or _later_move(v.text, c.mention.end)
        or found(_LABEL_FROM, before)
        or found(_OLD_LABEL, before)
        or _moved_event(v, c)
        or _left_date(v, c)
        or _pair_start(v, c)
        or (_foreign_old_plan(before) if c.doc.foreign else None)
    )
    if seen and _talked_of_move(v, c) is not None:
        return None  # "is considering moving it from its November 3 date": it stands
    return seen


def _foreign_old_plan(before: str) -> str | None:
    """The first plan's word just before the date, in another language: "avrebbe dovuto
    uscire originariamente il", "miał zadebiutować w kinach w dniu Bożego Narodzenia,
    czyli", "기존" (not when the words between turn to the new plan: "originariamente il 2
    ottobre 2026, ma uscirà ora il")."""
    plan = cues.FOREIGN_OLD_DATE.search(before)
    if plan is None:
        return None
    gap = plan.group("gap")
    if _TURN.search(gap) or _MOVE_WORD.search(gap) or _DIGIT_RUN.search(gap):
        return None
    if _CJK.match(plan.group()) and (len(gap.strip()) > 8 or "보다" in gap):
        # Korean and Japanese put the old plan's word right before its date ("기존 5월
        # 28일에서"): farther, it is a comparison's ("기존 개봉일보다 하루 앞당겨진 6월 10일",
        # a day earlier than the existing date: the new one)
        return None
    return plan.group().strip()[:60]


# A turn from the plan to what replaced it: ", ma", ", pero", ", mais", ", aber", ", ale".
_TURN = re.compile(r",\s*(?:" + "|".join(languages.TURN_WORDS) + r")\b", re.IGNORECASE)
# (another date between the word and this one: "originariamente il 2 ottobre 2026 e poi il")
_DIGIT_RUN = re.compile(r"\d")
_CJK = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]")


def _pair_start(v: View, c: DateCandidate) -> str | None:
    """The first date of a "from <date> to <date>" pair in a sentence that tells a move,
    in any language: "slides from June 25 to October 1", "repoussé du 25 juin au 1er
    octobre", "spostato dal 1 aprile al 22 dicembre": the date left behind."""
    if _PAIR_FROM.search(v.text, max(0, c.mention.start - 12), c.mention.start) is None:
        return None
    to = _PAIR_TO.match(v.text, c.mention.end)
    if to is None or not _MOVE_WORD.search(v.text):
        return None
    return to.group().strip()


def _pair_end(v: View, c: DateCandidate) -> str | None:
    """The second date of such a pair: the date the release moved to."""
    start = max(0, c.mention.start - 60)
    pair = _PAIR_BEFORE.search(v.text, start, c.mention.start)
    if pair is None or not _MOVE_WORD.search(v.text):
        return None
    return pair.group().strip()


# "from" and "to" of a date pair, English and the page languages': du/au, dal/al, del/al,
# von/auf, de/para, z/na, od/do, fra/til, från/till, van/naar.
_FROM_WORD = (
    r"(?:from|du|dal|dall['\u2019]|del|de|von|vom|z|od|fra|från|van)\s+"
    r"(?:(?:le|il|the|el|den|dem)\s+)?"
)
_TO_WORD = (
    r"(?:to|au|al|all['\u2019]|a|auf|bis|para|na|do|til|till|tot|naar|zum)\s+"
    r"(?:(?:le|il|the|el|den|dem)\s+)?"
)
_PAIR_FROM = re.compile(r"\b" + _FROM_WORD + r"$", re.IGNORECASE)
# (the second date starts right after: a day number or a month name)
_PAIR_TO = re.compile(r",?\s+" + _TO_WORD + r"(?=\d|[^\W\d_]{3,}\.?\s+\d)", re.IGNORECASE)
_PAIR_BEFORE = re.compile(
    r"\b" + _FROM_WORD + r"[^,;.]{0,8}?\d[^;]{0,22}?,?\s+" + _TO_WORD + r"$", re.IGNORECASE
)
# A move, the English vocabulary and the page languages' stems (postponed, brought
# forward, moved): the pair is a move, not a run ("airs from May 2 to June 6").
_MOVE_WORD = re.compile(
    # ("jumping from May 1, 2026, to May 7, 2027": a slate's jump, told by its pair)
    r"\b" + cues.MOVE_VERB + r"\b|\b(?:jump|leap|"
    r"repouss|report|décal|decal|déplac|deplac|retard|rinvi|"
    r"spostat|posticip|anticipat|verschob|verleg|retras|pospuest|adiad|aplaz|atrasad|przesun|"
    r"odgod|flytt|utsatt|uitgesteld|verplaatst)\w*",
    re.IGNORECASE,
)


def _left_date(v: View, c: DateCandidate) -> str | None:
    """A date the release leaves: "pulled Blade from its Nov. 3 slot", "exits its March
    2024 date", "vacates its July 18 release"."""
    before = _LEAVES_ITS.search(v.text, max(0, c.mention.start - 30), c.mention.start)
    if before is None or not _SLOT_NOUN.match(v.text, c.mention.end):
        return None
    return before.group().strip()


_LEAVES_ITS = re.compile(
    r"\b(?:from|exits?|exited|exiting|vacat\w+|leaves|leaving|left|abandon\w*|gives?\s+up|"
    r"los(?:es|ing|t)|"
    r"gave\s+up|ditch\w*|(?:bail|back)(?:s|ed)?\s+(?:out\s+)?(?:on|of))\s+"
    # (any word or two before the date: "from its prime June 27th slot")
    r"(?:its|their|the|his|her)\s+(?:(?!to\b|for\b)[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_SLOT_NOUN = re.compile(
    r"\s+(?:(?:release|premiere|opening|theatrical)\s+)?(?:date|slot|release|premiere|opening|"
    r"launch|debut|bow|berth|spot)\b",
    re.IGNORECASE,
)


def _moved_event(v: View, c: DateCandidate) -> str | None:
    """The date names the event a move takes elsewhere: "reschedule the January 30
    debut to the fall", "pushes its May 2 premiere back to June"."""
    moved = _EVENT_WAS_MOVED.match(v.text, c.mention.end)
    if moved is not None:
        return moved.group().strip()  # "The July 2021 release date has been moved to ..."
    # (the event the verb takes away, whether or not the sentence says where to: "has
    # delayed its April 17 release date.")
    after = _EVENT_MOVED_AFTER.match(v.text, c.mention.end) or _EVENT_NOUN_AFTER.match(
        v.text, c.mention.end
    )
    if after is None:
        return None
    verb = found(_MOVE_BEFORE, v.text, max(v.left, c.mention.start - 80), c.mention.start)
    return f"{verb} ... {after.group().strip()}" if verb else None


# The date's event is what a move moved: "<date> release date has been moved to ...".
_EVENT_WAS_MOVED = re.compile(
    r"\s+(?:(?:theatrical|streaming|global|us|u\.s\.)\s+)?"
    r"(?:premiere|debut|release|launch|opening|bow|return)(?:\s+date)?\s+"
    r"(?:has\s+been|have\s+been|had\s+been|was|were|is\s+being|got)\s+(?:officially\s+)?"
    r"(?:moved|pushed|delayed|postponed|shifted|bumped|rescheduled|changed|scrapped|"
    r"cancell?ed|dropped|abandoned)\b",
    re.IGNORECASE,
)
_EVENT_MOVED_AFTER = re.compile(
    r"\s+(?:premiere|debut|release|launch|opening|bow|return)(?:\s+date)?\s+"
    r"(?:(?:back|up|forward|out)\s+)?(?:to|until|till|into)\b",
    re.IGNORECASE,
)
_EVENT_NOUN_AFTER = re.compile(
    r"\s+(?:(?:theatrical|streaming|global|us|u\.s\.)\s+)?"
    r"(?:premiere|debut|release|launch|opening|bow)\s+(?:date|slot)\b",
    re.IGNORECASE,
)
_MOVE_BEFORE = re.compile(
    # "reschedule the January 30 debut", "move The Show season 2's May 2 premiere"
    r"\b" + cues.MOVE_VERB + r"\s+(?:[^\s,;.]+\s+){1,6}$",
    re.IGNORECASE,
)


def _later_move(text: str, end: int) -> str | None:
    match = cues.LATER_MOVE.match(text, end)
    return match.group().strip(" ,") if match else None


# A move stated as a label line, no verb: "Captain America: from July 26, 2024 to
# February 14, 2025" (the first date old, the second new).
# "will instead arrive June 28": the replacing date.
_INSTEAD_ON = re.compile(r"\binstead\s+(?:[\w-]+\s+){0,2}(?:(?:on|in|for)\s+)?$", re.IGNORECASE)
_INSTEAD_ON = gated(_INSTEAD_ON)
_BEFORE_INSTEAD = re.compile(
    r",?\s+(?:(?:this|next)\s+year\s+|(?:the\s+)?same\s+\w+\s+)?(?:instead\s+of|rather\s+than)\s+"
    # (the plan replaced: a date or a named day, "Nov. 21", "Christmas Day"; not "instead
    # of letting the world see it")
    r"(?:(?:the|its|their|on|in)\s+)?(?-i:[A-Z0-9])",
    re.IGNORECASE,
)
_LABEL_FROM = re.compile(r"\w:\s+from\s+$")
# A delay list's field of the date given up: "Original release date: July 17, 2020" (a
# wiki's "Original release" header names the first airing, and has no "date ...:" label).
_OLD_LABEL = re.compile(
    r"\b(?:original|previous|initial|old|former)\s+(?:release|premiere|air|opening|launch)\s+"
    r"date\s*:\s*$",
    re.IGNORECASE,
)
_LABEL_FROM_TO = re.compile(r"\w:\s+from\s+[^;:]{3,30}?,?\s+to\s+$")
_LABEL_FROM_TO = gated(_LABEL_FROM_TO)


@rule(
    "moved_to",
    2,
    "the watch's release moved to the date: 'from X to <date>', 'pushed back to <date>', "
    "'will instead arrive <date>', 'will now open on <date>'",
    "postponed from December 20, 2024 to December 19, 2025",
)
def _moved_to(c: DateCandidate, v: View, w: Watch) -> str | None:
    # (only the watch's own move: another season's or title's move is no news of it)
    before = v.text[max(0, c.mention.start - 140) : c.mention.start]
    seen = found(cues.MOVED_TO, before) or found(_LABEL_FROM_TO, before)
    seen = seen or found(_INSTEAD_ON, before) or _pair_end(v, c)
    # the new plan named before the one it replaces: "on Wednesday, Dec. 20 this year
    # instead of Christmas Day", "in March rather than May"
    after = _BEFORE_INSTEAD.match(v.text, c.mention.end)
    seen = seen or (after.group().strip(" ,") if after else None)
    # (a move told by its result, "now", in the date's own clause)
    start = max(v.left, c.mention.start - 100)
    seen = seen or found(cues.NOW_MOVED, v.text, start, c.mention.start)
    seen = seen or found(cues.NEW_DATE_OF, v.text, max(0, c.mention.start - 60), c.mention.start)
    return seen if seen and about_once(c, v, w) else None


@rule(
    "other_installment",
    -3,
    "another entry of the franchise, named by its place, is the date's subject",
    "the fourth installment moves to December 21, 2029",
)
def _installment(c: DateCandidate, v: View, w: Watch) -> str | None:
    numbers = {int(n) for name in (w.title, *w.aliases) for n in re.findall(r"\b(\d{1,2})\b", name)}
    if w.season is not None:
        numbers.add(w.season)  # a show's "third installment" is its third season
    for match in cues.INSTALLMENT.finditer(v.text, v.left, c.mention.start):
        place = match.group("n").lower()
        if place in ("next", "latest"):
            continue  # the next film may well be the watch
        number = ORDINAL_WORDS.get(place) or (int(place[:-2]) if place[0].isdigit() else None)
        if _named_in_apposition(v.text, match.end(), c.mention.start, w):
            continue  # "The third film in the franchise, 'Halloween Ends', will open"
        if apposition_of_watch(v.text, match.start(), w):
            continue  # "Dawn Treader, the third Narnia entry, will now arrive": the watch's
        if number is None or number not in numbers:
            return match.group()
    return None


def _named_in_apposition(text: str, end: int, date_start: int, w: Watch) -> bool:
    """The watch's title follows the installment phrase within its apposition."""
    return any(
        end <= start < min(date_start, end + 50) and not _CLAUSE_END.search(text, end, start)
        for start, _, _ in title_mentions(text, w)
    )


_CLAUSE_END = re.compile(r"[.;:]\s|\s(?:and|but|while|whereas|which)\s")
_APPOSITION_OPENS = re.compile(r"\W{0,2},\s*(?:the\s+|its\s+|a\s+|an\s+)?", re.IGNORECASE)


def apposition_of_watch(text: str, start: int, w: Watch) -> bool:
    """The installment phrase is an appositive right after the watch's title: it says
    which entry the watch is ("Dawn Treader, the third Narnia entry, ...")."""
    return any(
        _APPOSITION_OPENS.fullmatch(text, end, start) is not None
        for _, end, _ in title_mentions(text, w)
        if end <= start
    )


@rule(
    "confirmed",
    1,
    "the sentence says who stands behind the date: confirmed, officially, has dated",
    "will premiere in April, the network confirmed",
)
def _confirmed(c: DateCandidate, v: View, w: Watch) -> str | None:
    if c.sentence.vouched and c.sentence.subject == Subject.WATCH:
        # the passage's heading reports this date being announced: "BBC announces Title
        # series three air date" over "... starting from Sunday 19th April"
        return found(cues.CONFIRMED, v.text) or "the heading announces the date"
    return found(cues.CONFIRMED, v.text)


@rule(
    "years_before_article",
    -3,
    "the date is more than a year before the article: history or a story's setting, not news",
    "will be set in 1987 (an article of 2024)",
)
def _years_before(c: DateCandidate, v: View, w: Watch) -> str | None:
    published = c.doc.published
    if published is None and c.doc.hint is not None:
        # the date the page's URL files it under, or the year its headline or its latest
        # dated statement gives (the article is no older than that)
        published = c.doc.hint.day
    if published is None or not _year_before(c.mention.value, c.mention.precision, published):
        return None
    recent = int(c.mention.value[:4]) >= published.year - 3
    if recent and v.event == "release" and cues.PAST_RELEASE.search(v.clause):
        return None  # "Part 1 premiered November 13, 2022": the season's settled history
        # (not "the last solo outing opened June 28, 2006", decades before the article)
    return f"{c.mention.value[:4]}, the article {published.year}"


def _year_before(value: str, precision: str, published: date) -> bool:
    """The date is over before the year up to the article began: its last day (a month's,
    a season's, a year's) lies more than a year before the article's. (Not the calendar
    years: a July 2023 launch told in an August 2024 article is as much the history as
    one of 2022, while "last year" in January may be weeks ago.)"""
    year = int(value[:4])
    if precision == "day":
        last = date.fromisoformat(value[:10])
    elif precision == "month":
        month = int(value[5:7])
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    elif precision == "season" and value.endswith("winter"):
        last = date(year + 1, 2, 28)  # a winter runs into the next year's February
    elif precision == "season":
        last = date(year, {"spring": 5, "summer": 8}.get(value[5:], 11), 28)
    else:
        last = date(year, 12, 31)
    return last < published - timedelta(days=366)


@rule(
    "superseded_plan",
    -4,
    "an abandoned plan: 'originally slated for'",
    "originally slated for 2022 before moving to Netflix",
)
def _superseded(c: DateCandidate, v: View, w: Watch) -> str | None:
    return "originally planned" if scope.superseded(v.text, v.left, c.mention.start) else None


@rule(
    "plan_reported",
    -1,
    "a plan reported in the past tense ('was set for'): it stands "
    "unless the text gives another date",
    "was set for Aug. 3",
)
def _plan(c: DateCandidate, v: View, w: Watch) -> str | None:
    return found(cues.PLAN_DATE, v.text[max(0, c.mention.start - 40) : c.mention.start])


@rule(
    "plan_changed",
    -4,
    "a past plan and, in this or the next sentence, a change",
    "was set for Aug. 3 but has been pushed",
)
def _plan_changed(c: DateCandidate, v: View, w: Watch) -> str | None:
    if not cues.PLAN_DATE.search(v.text, max(0, c.mention.start - 40), c.mention.start):
        # a history of plans ("was first scheduled for 2019, then pushed to April 2020,
        # then to July 2020") that the next sentence moves once more ("Now it has been
        # delayed again"): each of its dates, the last too, is a plan left
        if _PLAN_HISTORY.search(v.text, 0, c.mention.start):
            return found(_MOVED_AGAIN, c.following)
        return None
    return found(cues.PLAN_CHANGED, v.text) or found(cues.PLAN_CHANGED, c.following)


_PLAN_HISTORY = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:first|originally|initially)\s+"
    r"(?:set|scheduled|slated|planned|dated|due)\b",
    re.IGNORECASE,
)
_MOVED_AGAIN = re.compile(
    r"\b(?:delay|push|postpon|mov|shift|bump|reschedul)\w*\s+(?:\w+\s+)?again\b|"
    r"\bagain\s+(?:been\s+)?(?:delay|push|postpon|mov|shift|bump|reschedul)\w*",
    re.IGNORECASE,
)


@rule(
    "story_setting",
    -3,
    "the date is when the story is set, not when it airs",
    "set in the fall of 1987",
)
def _setting(c: DateCandidate, v: View, w: Watch) -> str | None:
    return found(_SETTING, v.text[max(0, c.mention.start - 50) : c.mention.start])


_FRONTED_START = re.compile(r"\W*(?:beginning|starting)\s+(?:on\s+)?[^,;]{0,20},?\s*$", re.I)
_SETTING = re.compile(
    # ("set to premiere in the fall of 2013" is a schedule, not a setting)
    # (a comma closes the setting: "The new season, set in Thailand, will debut in early
    # 2025" dates the debut)
    r"\b(?:set(?!\s+(?:to|for)\b)|takes?\s+place|taking\s+place|unfolds?|story|flashbacks?\s+to)\b[^.;,]{0,30}"
    r"\b(?:in|during|around)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?$",
    re.IGNORECASE,
)
_SETTING = gated(_SETTING)


@rule(
    "weekly_slot",
    -1.5,
    "a regular time slot near the date: 'Thursdays', 'weekly'",
    "new episodes Thursdays starting Dec. 8",
)
def _slot(c: DateCandidate, v: View, w: Watch) -> str | None:
    # (a fronted start, "Beginning Thursday, Aug. 31, Title will air Thursdays", dates the
    # main clause after its comma: the slot is there)
    right = len(v.text) if _FRONTED_START.match(v.text, 0, c.mention.start) else v.right
    for slot in _SLOT.finditer(v.text, v.left, right):
        between = v.text[c.mention.end : slot.start()]
        if slot.start() >= c.mention.end and _THEN.search(between):
            continue  # "premieres Oct. 13, followed by one episode every Friday": the start
        return slot.group()
    return None


_THEN = re.compile(r"\b(?:followed\s+by|then|after\s+which|thereafter|and\s+then)\b", re.I)


@rule(
    "time_slot_move",
    -3,
    "the show moves to another hour or night from the date: a new time slot for a season "
    "already on air, not its release",
    "Orchard Lights, currently in its third season, will shift to 9:00 PM beginning "
    "Thursday, April 4 / 8:30 – ORCHARD LIGHTS (Time period premiere)",
)
def _time_slot_move(c: DateCandidate, v: View, w: Watch) -> str | None:
    # before the date in its sentence ("will shift to 9 PM, beginning Thursday, April 4"),
    # or anywhere in a guide's short line; one after the date in a sentence is a later
    # date's ("premieres Jan. 6, before moving to its regular time period on Jan. 13")
    end = len(v.text) if len(v.text) <= 100 else c.mention.start
    move = cues.TIME_SLOT_MOVE.search(v.text[:end])
    if move is not None and _SEASON_COMES.search(v.text, 0, move.start()):
        # "will return for its fifth season on a new night, moving to Tuesdays starting
        # on March 7": the new season's start, on its new night, not a season on air moved
        return None
    seen = found(cues.TIME_SLOT_MOVE, v.text[:end])
    if seen is None and _STARTING.search(v.text, max(0, c.mention.start - 16), c.mention.start):
        # "starting October 29th it slides to 8:30p", "Beginning Thursday, April 4, the
        # show moves to 9 PM": the date starts the new slot its clause goes on to name
        seen = found(cues.TIME_SLOT_MOVE, v.text, c.mention.end, v.right)
    return seen


_STARTING = re.compile(r"\b(?:starting|beginning|effective|as\s+of)\s+(?:on\s+)?$", re.I)
# A season coming, said before the move: "returns for its fifth season", "premieres its
# final season".
_SEASON_COMES = re.compile(
    r"\b(?:return(?:s|ing)?|premier(?:e|es|ing)|debut(?:s|ing)?|(?:is|are)\s+back)\s+"
    r"(?:for\s+|with\s+)?(?:its|their|the|a)\s+(?:[\w-]+\s+){0,2}?(?:season|series)\b",
    re.IGNORECASE,
)


_SLOT = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekly|every\s+week|each\s+week|"
    r"every\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)
_SLOT = gated(_SLOT)


@rule(
    "past_release",
    0,
    "the release verb is in the past tense and the date is before the article",
    "its third season premiered on October 2",
)
def _past(c: DateCandidate, v: View, w: Watch) -> str | None:
    published = c.sentence.published
    # (a page in another language: its own past verbs, "gestartet war", "se estrenó")
    past = cues.FOREIGN_PAST if c.doc.foreign and cues.FOREIGN_PAST.search(v.clause) else None
    if published is None or not (past or cues.PAST_RELEASE.search(v.clause)):
        return None
    value = c.mention.value[:10]
    if value < published.isoformat()[: len(value)]:
        return found(past or cues.PAST_RELEASE, v.clause)
    return None


@rule(
    "earlier_than_the_article",
    -3,
    "'earlier this year', 'earlier this month': a time already past when the article was written",
    "as teased at the convention earlier this year",
)
def _earlier(c: DateCandidate, v: View, w: Watch) -> str | None:
    if not c.mention.relative:
        return None
    if c.mention.precision in ("month", "year") and (
        seen := found(_EARLIER, v.text, max(0, c.mention.start - 12), c.mention.start)
    ):
        return seen
    # "which back in March was reported ...", "Back on June 3, ...": told as past
    return found(_BACK_IN, v.text, max(0, c.mention.start - 30), c.mention.start)


_EARLIER = re.compile(r"\bearlier\s+(?:in\s+)?$", re.IGNORECASE)
# ("back in" as an adverbial of its own, not "will come back in March": a return)
_BACK_IN = re.compile(
    r"(?:^|[,;(]|\b(?:which|that|and|but|when|was|were|had|it|this|all)\b)\s*"
    r"back\s+(?:(?:in|on)\s+)?$",
    re.IGNORECASE,
)


@rule(
    "previous_release",
    -4,
    "the date is of the release before this one: 'last released', 'last aired'",
    "new episodes were last released in 2019",
)
def _previous_release(c: DateCandidate, v: View, w: Watch) -> str | None:
    return found(cues.PREVIOUS_RELEASE, v.text, v.left, c.mention.start)


@rule(
    "reader_plug",
    -4,
    "a plug for more reading: the date is another story's",
    "And for more on Netflix, find out which drama will be back in 2026!",
)
def _plug(c: DateCandidate, v: View, w: Watch) -> str | None:
    plug = cues.READER_PLUG.search(v.text)
    if plug is None:
        return None
    if _DONT_MISS.match(plug.group()) and title_mentions(v.text[plug.end() :], w):
        return None  # "Don't miss the second season of The Dragon Prince on February 15"
    return plug.group().strip() or plug.group()


@rule(
    "date_of_a_schedule",
    -3,
    "the date modifies a schedule's noun: it dates the line-up, not a release",
    "The Fall 2021 anime schedule has officially kicked off",
)
def _date_of_a_schedule(c: DateCandidate, v: View, w: Watch) -> str | None:
    if c.mention.precision not in ("season", "year", "month"):
        return None
    after = _SCHEDULE_NOUN_AFTER.match(v.text, c.mention.end)
    start = max(0, c.mention.start - 40)
    if after is None or not _DETERMINER_BEFORE.search(v.text, start, c.mention.start):
        return None
    return after.group("noun")


# "the Fall 2021 anime schedule", "its 2020 summer line-up", "the fall 2019 TV preview": a
# date set before a schedule's noun, in the noun's phrase.
_SCHEDULE_NOUN_AFTER = re.compile(
    r"(?:\s+(?:tv|television|anime|streaming|network|broadcast|premiere|film|movie|release|"
    r"season|fall|summer|spring|winter)){0,2}\s+(?P<noun>schedules?|line-?ups?|slates?|calendars?|"
    r"previews?|upfronts?)\b",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|its|their|this|our|a|an)|['\u2019]s)(?:\s+[\w-]+){0,3}?\s*$", re.IGNORECASE
)
