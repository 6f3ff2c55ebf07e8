"""Evidence: named rules that each look at one candidate release date and say what they saw.

A rule never vetoes. It fires or not, and when it fires it returns the words it saw
("hedge in its clause: 'could'"); the score (score.py) adds the rule's fitted weight.
Each rule has a name, a one-line description and an example, so `releasewatch
extract --explain` can show a user why a date was or was not reported. The
vocabularies the rules read (release verbs, hedges, streamers, holidays, furniture
names) live in cues.py, each in one place.

Rules come in three groups: where the date sits (structure), what governs it
(the event and its hedges), and whose it is (the watch, another work, another
season, the article itself).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from scraper.extract import cues, scope, subject, works
from scraper.extract.candidates import DateCandidate, VideoCandidate, is_listing
from scraper.extract.dates import DateMention
from scraper.extract.reading import Sentence, Subject
from scraper.extract.subject import (
    ORDINAL_WORDS,
    Reference,
    part_references,
    season_references,
    title_mentions,
)
from scraper.models import Watch


@dataclass(frozen=True)
class Rule:
    name: str
    prior: (
        float  # the weight the fit starts from and is pulled toward (its sign is the rule's sense)
    )
    description: str
    example: str
    test: Callable[[DateCandidate, _View, Watch], str | None]


@dataclass
class _View:
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
    def register(test: Callable[[DateCandidate, _View, Watch], str | None]) -> Callable:
        DATE_RULES.append(Rule(name, prior, description, example, test))
        return test

    return register


def date_evidence(
    candidate: DateCandidate, watch: Watch, weights: dict[str, float] | None = None
) -> dict[str, str]:
    """Rule name -> what it saw, for every rule that fires on the candidate.

    With `weights`, the rules that can lift the score run first (most of a page's dates
    meet none of them), then the others, most negative first; evaluation stops once the
    score cannot reach the threshold any more. The choice is the same (a candidate
    stopped early is below the threshold whatever the rest say); only --explain and
    the fit need every rule."""
    view = _view(candidate, watch)
    fired: dict[str, str] = {}
    if weights is None:
        for r in DATE_RULES:
            saw = r.test(candidate, view, watch)
            if saw is not None:
                fired[r.name] = saw
        return fired
    order, _ = _evaluation_order(id(weights), weights)
    met = _conditions_met(candidate.sentence)
    total = weights.get("bias", 0.0)
    # The most the rules still to run can add: the positive weights of those whose
    # precondition the sentence meets (see may_score).
    ceiling, about_lift = _ceiling(id(weights), order, met)
    for r, weight, lift in order:
        if r.name in _NEEDS_ABOUT and view.about is None:
            continue  # it cannot fire: the date is not the watch's
        saw = r.test(candidate, view, watch)
        if _CONDITIONAL.get(r.name, "any") in met:
            ceiling -= lift
        if saw is not None:
            fired[r.name] = saw
            total += weight
        if r.name == "about_watch" and view.about is None:
            ceiling -= about_lift
        if total + ceiling <= 0.0:
            break
    return fired


_CEILINGS: dict[tuple[int, frozenset[str]], tuple[float, float]] = {}


def _ceiling(
    key: int, order: list[tuple[Rule, float, float]], met: frozenset[str]
) -> tuple[float, float]:
    """(the positive weights of the rules whose precondition `met` holds, the part of it
    from the rules that need the date to be the watch's)."""
    if (key, met) not in _CEILINGS:
        applicable = [(r, lift) for r, _, lift in order if _CONDITIONAL.get(r.name, "any") in met]
        _CEILINGS[key, met] = (
            sum(lift for _, lift in applicable),
            sum(lift for r, lift in applicable if r.name in _NEEDS_ABOUT),
        )
    return _CEILINGS[key, met]


def _conditions_met(sentence: Sentence) -> frozenset[str]:
    """The preconditions of _CONDITIONAL the sentence meets ("any": the unconditional
    rules; a release field is assumed possible, its pattern being dearer than its rule)."""
    met = {"any", "release_field"}
    if sentence.names_title or sentence.subject in (Subject.WATCH, Subject.TITLE):
        met.add("about")
        if sentence.names_title:
            met.add("names_title")
        if sentence.schedule_row:
            met.add("schedule_row")
    if sentence.heading or sentence.block == -1:
        met.add("headline")
    if sentence.under_heading:
        met.add("listing_under_heading")
    return frozenset(met)


# Rules that fire only on a date about_watch gives to the watch.
_NEEDS_ABOUT = frozenset({"release_of_watch", "moved_to"})


def may_score(sentence: Sentence, weights: dict[str, float]) -> bool:
    """Whether any date of the sentence could score above the threshold, from what the
    sentence alone says: the bias plus the positive weights of the rules whose
    preconditions it meets (a date not in a heading cannot gain the headline weight;
    one in a sentence that names no title and is not about the watch cannot be the
    watch's). Exact for any weights: a sentence it rules out holds no date the full
    evaluation would report, so its dates need not be found at all."""
    base, lift = _sentence_lifts(id(weights), weights)
    met = _conditions_met(sentence)
    total = base + sum(lift[name] for name in met if name not in ("any", "release_field"))
    if total > 0.0:
        return True
    return total + lift["release_field"] > 0.0 and bool(cues.RELEASE_FIELD.search(sentence.text))


_CONDITIONAL = {
    "headline": "headline",
    "schedule_row": "schedule_row",
    "listing_under_heading": "listing_under_heading",
    "release_field": "release_field",
    "names_title": "names_title",
    "about_watch": "about",
    **dict.fromkeys(_NEEDS_ABOUT, "about"),
}
_LIFTS: dict[int, tuple[float, dict[str, float]]] = {}


def _sentence_lifts(key: int, weights: dict[str, float]) -> tuple[float, dict[str, float]]:
    """(the bias plus the positive weights of rules any sentence may meet, the positive
    weights of the others by the precondition they need)."""
    if key not in _LIFTS:
        base = weights.get("bias", 0.0)
        lift = dict.fromkeys(_CONDITIONAL.values(), 0.0)
        for r in DATE_RULES:
            weight = max(0.0, weights.get(r.name, 0.0))
            if r.name in _CONDITIONAL:
                lift[_CONDITIONAL[r.name]] += weight
            else:
                base += weight
        _LIFTS[key] = (base, lift)
    return _LIFTS[key]


_ORDERS: dict[int, tuple[list[tuple[Rule, float, float]], float]] = {}


def _evaluation_order(
    key: int, weights: dict[str, float]
) -> tuple[list[tuple[Rule, float, float]], float]:
    """The rules as (rule, weight, positive part) in evaluation order, and the sum of
    the positive parts. about_watch first (its answer rules out the rules that need it),
    then the other rules that can lift the score in their declared order, then the rest
    from the most negative: most of a page's dates are not the watch's and stop after
    a few rules."""
    if key not in _ORDERS:
        lifting = [r for r in DATE_RULES if weights.get(r.name, 0.0) > 0.0]
        lifting.sort(key=lambda r: r.name != "about_watch")
        rest = sorted(
            (r for r in DATE_RULES if weights.get(r.name, 0.0) <= 0.0),
            key=lambda r: weights.get(r.name, 0.0),
        )
        order = [
            (r, weights.get(r.name, 0.0), max(0.0, weights.get(r.name, 0.0)))
            for r in lifting + rest
        ]
        _ORDERS[key] = (order, sum(lift for _, _, lift in order))
    return _ORDERS[key]


def _view(candidate: DateCandidate, watch: Watch) -> _View:
    text = candidate.sentence.text
    mention = candidate.mention
    left, right = cues.clause_around(text, mention.start, mention.end)
    clause = text[left:right]
    plain_text = _without_title(text, watch)
    plain = plain_text[left:right]
    event, word = _governing(plain, mention.start - left)
    if event is None and text[:left].rstrip().endswith(":"):
        # "Release date confirmed: 3 August" - the verb sits before the colon.
        event, word = _governing(plain_text[:left], left)
    return _View(text, left, right, clause, event, word, plain=plain)


def _without_title(text: str, watch: Watch) -> str:
    """`text` with the watch's title and aliases blanked out (same length)."""
    for start, end, _ in title_mentions(text, watch):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _governing(clause: str, position: int) -> tuple[str | None, str]:
    events = [(m.start(), "release", m.group()) for m in cues.RELEASE.finditer(clause)]
    events += [(m.start(), "other", m.group()) for m in cues.OTHER_EVENT.finditer(clause)]
    if not events:
        return None, ""
    before = [e for e in events if e[0] < position]
    chosen = max(before) if before else min(events)
    return chosen[1], chosen[2]


def _found(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> str | None:
    match = pattern.search(text, start, len(text) if end is None else end)
    return match.group().strip() or match.group() if match else None


# ---------------------------------------------------------------- where it sits


@rule(
    "furniture",
    -4,
    "the sentence is page furniture: navigation, a related or trending "
    "rail, a link-dense list, comments, a footer",
    "Trending: Wednesday season 2 arrives Aug. 6",
)
def _furniture(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return "in page furniture" if c.sentence.chrome else None


@rule(
    "byline_or_stamp",
    -3,
    "the sentence is a byline or an updated/published stamp",
    "By Dana Roe \u00b7 Updated December 1, 2026",
)
def _byline(c: DateCandidate, v: _View, w: Watch) -> str | None:
    if len(v.text) > 160:
        return None
    return _found(_STAMP, v.text)


_STAMP = re.compile(
    r"^\W*(?:by\s+[A-Z][\w.'-]+|(?:last\s+)?updated(?:\s+on)?|published(?:\s+on)?|posted(?:\s+on)?|"
    r"first\s+published)\b|\s[\u00b7\u2022]\s",
    re.IGNORECASE,
)


@rule(
    "furniture_role",
    -3,
    "the page marks the date's block as a byline, dateline, comment, related rail or navigation",
    "a reader comment: 'I bet it comes out March 3'",
)
def _furniture_role(c: DateCandidate, v: _View, w: Watch) -> str | None:
    role = c.sentence.role
    return f"a {role} block" if role in cues.FURNITURE_ROLES else None


@rule(
    "release_field",
    3,
    "a labeled release field or table cell: 'Release date: ...', a 'Premiere' column",
    "Release date: January 15, 2027",
)
def _release_field(c: DateCandidate, v: _View, w: Watch) -> str | None:
    label = v.text[: c.mention.start]
    if len(label) > 60 and c.sentence.role not in cues.FIELD_ROLES:
        return None
    return _found(cues.RELEASE_FIELD, label)


@rule(
    "the_article_date",
    -2,
    "the date is the article's own publish or update date (from its metadata or byline)",
    "an article published 2025-06-11 that says 'June 11'",
)
def _own_date(c: DateCandidate, v: _View, w: Watch) -> str | None:
    # (a release verb governing it says otherwise: a page without metadata takes its
    # date from its first dated line, which may be the announcement itself)
    if c.mention.precision == "day" and c.mention.value in c.doc.own_dates and v.event != "release":
        return f"the article's own date {c.mention.value}"
    return None


@rule(
    "press_dateline",
    -4,
    "the date opens a press dateline, before the story's first verb",
    "LOS ANGELES, Dec. 16, 2024 /PRNewswire/ --",
)
def _dateline(c: DateCandidate, v: _View, w: Watch) -> str | None:
    after = v.text[c.mention.end : c.mention.end + 40]
    before = v.text[: c.mention.start]
    if _DATELINE_AFTER.match(after) and len(before) <= 60 and not cues.RELEASE.search(before):
        return (before + v.text[c.mention.start : c.mention.end] + after).strip()[:80]
    return None


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
def _another_story(c: DateCandidate, v: _View, w: Watch) -> str | None:
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
def _headline(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return "heading" if c.sentence.heading or c.sentence.block == -1 else None


# ---------------------------------------------------------------- what governs it


@rule("release_verb", 3, "a release verb governs the date", "premieres on August 3")
def _release_verb(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return v.event_word if v.event == "release" else None


@rule(
    "schedule_row",
    3,
    "a date cell in the watch's row of a listings table",
    "| Aug. 15 | Emily in Paris | Season 4 |",
)
def _schedule_row(c: DateCandidate, v: _View, w: Watch) -> str | None:
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
def _listing(c: DateCandidate, v: _View, w: Watch) -> str | None:
    if v.event is None and c.sentence.under_heading and is_listing(v.text, c.mention):
        return "a date alone under the watch's heading"
    return None


@rule(
    "other_event",
    -3,
    "another event word governs the date: renewal, filming, casting, "
    "a book, a finale, an announcement",
    "was renewed on May 20",
)
def _other_event(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return v.event_word if v.event == "other" else None


@rule("hedge", -4, "a hedge in the date's clause, quotation or sentence", "could arrive in 2025")
def _hedge(c: DateCandidate, v: _View, w: Watch) -> str | None:
    seen = _found(cues.SPECULATION, v.clause) or _found(cues.SPECULATIVE_MAY, v.clause)
    if seen:
        return seen
    seen = _found(cues.SENTENCE_HEDGE, v.text)
    if seen:
        return seen
    quotation = cues.quotation_around(v.text, c.mention.start)
    if quotation:
        return _found(cues.SPECULATION, quotation) or _found(cues.SPECULATIVE_MAY, quotation)
    return None


@rule("negation", -4, "a denial in the date's clause", "will no longer premiere on August 3")
def _negation(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return _found(cues.NEGATION, v.clause)


@rule(
    "before_the_date", -4, "'before' the date: a deadline, not a date", "arrives before Christmas"
)
def _before(c: DateCandidate, v: _View, w: Watch) -> str | None:
    if cues.BEFORE.search(v.text, v.left, c.mention.start) and not _MOVED_TO.search(
        v.text, v.left, c.mention.start
    ):
        return "before"
    return None


# "before moving to July 10": the date the plan moved to, not one it precedes.
_MOVED_TO = re.compile(
    r"\bbefore\s+(?:being\s+)?(?:mov(?:ing|ed)|push(?:ing|ed)|shift(?:ing|ed)|bump(?:ing|ed)|"
    r"delay(?:ing|ed))\s+(?:(?:back|up|forward)\s+)?to\s+(?:(?:on|the)\s+)?$",
    re.IGNORECASE,
)


@rule(
    "until_the_date",
    -3,
    "the date ends a run or a window: 'until', 'through'",
    "in theaters until December 29",
)
def _until(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return _found(_UNTIL, v.text[max(0, c.mention.start - 30) : c.mention.start])


_UNTIL = re.compile(
    r"\b(?:until|till|through|thru|runs?\s+to|ends?\s+on)\s+(?:on\s+)?(?:the\s+)?$", re.I
)


@rule(
    "renewal",
    -4,
    "a renewal before the date, no release verb between",
    "renewed the show for a fourth series back in May 2022",
)
def _renewal(c: DateCandidate, v: _View, w: Watch) -> str | None:
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
def _production(c: DateCandidate, v: _View, w: Watch) -> str | None:
    clause, start, end = v.clause, c.mention.start - v.left, c.mention.end - v.left
    found = cues.PRODUCTION_SUBJECT.match(clause)
    if found is None or found.end() > start:
        return None
    if _SUBORDINATE.match(clause) and "," in clause[found.end() : start]:
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


_SUBORDINATE = re.compile(r"^\W*(?:once|after|when|now\s+that|as\s+soon\s+as)\s", re.I)
_CONJUNCTION = re.compile(r"\b(?:and|but|while|whereas|then|before|ahead\s+of)\b", re.I)
_NAMES_ITS_EVENT = re.compile(r"\s+(?:\w+\s+)?(?:premiere|release|debut|launch|return|bow)\b")


@rule(
    "other_occasion",
    -4,
    "an occasion that is not the premiere: a panel, a festival screening, a finale, a book",
    "the season 2 finale airs May 25",
)
def _occasion(c: DateCandidate, v: _View, w: Watch) -> str | None:
    if scope.other_occasion(
        v.plain, c.mention.start - v.left, c.mention.end - v.left, c.sentence.published
    ):
        return _found(cues.OTHER_OCCASION, v.plain) or "another occasion"
    return None


@rule(
    "trailer_date",
    -4,
    "the trailer or teaser is the date's subject",
    "Netflix released a teaser in August",
)
def _trailer_date(c: DateCandidate, v: _View, w: Watch) -> str | None:
    trailers = list(cues.TRAILER.finditer(v.text, 0, c.mention.start))
    if not trailers:
        return None
    if _NEW_CLAUSE.search(v.text, trailers[-1].end(), c.mention.start):
        return None
    after = v.text[max(v.left, trailers[-1].end()) : v.right]
    if re.search(r"premier|release|debut", after, re.IGNORECASE):
        return None
    return trailers[-1].group()


_NEW_CLAUSE = re.compile(r",\s+(?:and|which|while|but|whereas)\s|;", re.IGNORECASE)


@rule("old_date", -4, "a date the release moved away from", "moved from June 28 to July 10")
def _old_date(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return _found(cues.OLD_DATE, v.text[max(0, c.mention.start - 40) : c.mention.start])


@rule(
    "moved_to",
    2,
    "the watch's release moved to the date: 'from X to <date>', 'pushed back to <date>'",
    "postponed from December 20, 2024 to December 19, 2025",
)
def _moved_to(c: DateCandidate, v: _View, w: Watch) -> str | None:
    # (only the watch's own move: another season's or title's move is no news of it)
    seen = _found(cues.MOVED_TO, v.text[max(0, c.mention.start - 140) : c.mention.start])
    return seen if seen and _about_once(c, v, w) else None


@rule(
    "other_installment",
    -3,
    "another entry of the franchise, named by its place, is the date's subject",
    "the fourth installment moves to December 21, 2029",
)
def _installment(c: DateCandidate, v: _View, w: Watch) -> str | None:
    numbers = {int(n) for name in (w.title, *w.aliases) for n in re.findall(r"\b(\d{1,2})\b", name)}
    for match in cues.INSTALLMENT.finditer(v.text, v.left, c.mention.start):
        place = match.group("n").lower()
        if place in ("next", "latest"):
            continue  # the next film may well be the watch
        number = ORDINAL_WORDS.get(place) or (int(place[:-2]) if place[0].isdigit() else None)
        if number is None or number not in numbers:
            return match.group()
    return None


@rule(
    "confirmed",
    1,
    "the sentence says who stands behind the date: confirmed, officially, has dated",
    "will premiere in April, the network confirmed",
)
def _confirmed(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return _found(cues.CONFIRMED, v.text)


@rule(
    "years_before_article",
    -3,
    "the date is more than a year before the article: history or a story's setting, not news",
    "will be set in 1987 (an article of 2024)",
)
def _years_before(c: DateCandidate, v: _View, w: Watch) -> str | None:
    published = c.doc.published
    if published is None or int(c.mention.value[:4]) >= published.year - 1:
        return None
    if v.event == "release" and cues.PAST_RELEASE.search(v.clause):
        return None  # "Part 1 premiered November 13, 2022": the season's settled history
    return f"{c.mention.value[:4]}, the article {published.year}"


@rule(
    "superseded_plan",
    -4,
    "an abandoned plan: 'originally slated for'",
    "originally slated for 2022 before moving to Netflix",
)
def _superseded(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return "originally planned" if scope.superseded(v.text, v.left, c.mention.start) else None


@rule(
    "plan_reported",
    -1,
    "a plan reported in the past tense ('was set for'): it stands "
    "unless the text gives another date",
    "was set for Aug. 3",
)
def _plan(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return _found(cues.PLAN_DATE, v.text[max(0, c.mention.start - 40) : c.mention.start])


@rule(
    "plan_changed",
    -4,
    "a past plan and, in this or the next sentence, a change",
    "was set for Aug. 3 but has been pushed",
)
def _plan_changed(c: DateCandidate, v: _View, w: Watch) -> str | None:
    if not cues.PLAN_DATE.search(v.text, max(0, c.mention.start - 40), c.mention.start):
        return None
    return _found(cues.PLAN_CHANGED, v.text) or _found(cues.PLAN_CHANGED, c.following)


@rule(
    "story_setting",
    -3,
    "the date is when the story is set, not when it airs",
    "set in the fall of 1987",
)
def _setting(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return _found(_SETTING, v.text[max(0, c.mention.start - 50) : c.mention.start])


_SETTING = re.compile(
    r"\b(?:set|takes?\s+place|taking\s+place|unfolds?|story|flashbacks?\s+to)\b[^.;]{0,30}"
    r"\b(?:in|during|around)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?$",
    re.IGNORECASE,
)


@rule(
    "weekly_slot",
    -1.5,
    "a regular time slot near the date: 'Thursdays', 'weekly'",
    "new episodes Thursdays starting Dec. 8",
)
def _slot(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return _found(_SLOT, v.clause)


_SLOT = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekly|every\s+week|each\s+week|"
    r"every\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)


@rule(
    "past_release",
    0,
    "the release verb is in the past tense and the date is before the article",
    "its third season premiered on October 2",
)
def _past(c: DateCandidate, v: _View, w: Watch) -> str | None:
    published = c.sentence.published
    if published is None or not cues.PAST_RELEASE.search(v.clause):
        return None
    value = c.mention.value[:10]
    if value < published.isoformat()[: len(value)]:
        return _found(cues.PAST_RELEASE, v.clause)
    return None


# ---------------------------------------------------------------- whose it is


@rule(
    "other_product",
    -4,
    "another product shares the title: a game, a console release",
    "the game arrives on PS5 on Oct. 4",
)
def _product(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return _found(cues.OTHER_PRODUCT, v.clause)


@rule(
    "earlier_work",
    -4,
    "an earlier work is the date's subject",
    "the original series premiered April 10, 2015",
)
def _earlier(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return _found(cues.EARLIER_WORK, v.clause)


@rule(
    "other_work_relative",
    -4,
    "a relative clause about another work: ', which opened ...'",
    "after the animated series Creature Commandos, which premiered Dec. 5",
)
def _relative(c: DateCandidate, v: _View, w: Watch) -> str | None:
    relative = re.search(r",\s+which\s+$", v.text[: v.left], re.IGNORECASE)
    if relative and scope.other_work_antecedent(v.text, relative.start(), w):
        return v.text[max(0, relative.start() - 40) : relative.end()].strip()
    return None


@rule(
    "previous_credit",
    -4,
    "a person's earlier credit, the watch not named since",
    "Barton previously created Giri/Haji, which premiered in October 2019",
)
def _credit(c: DateCandidate, v: _View, w: Watch) -> str | None:
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
def _later(c: DateCandidate, v: _View, w: Watch) -> str | None:
    if w.season is None:
        return None
    left = v.left
    relative = re.search(r",\s+which\s+$", v.text[:left], re.IGNORECASE)
    if relative:  # ", which arrives Sept. 12": the part is named in the antecedent's clause
        left = cues.clause_around(v.text, max(0, relative.start() - 1), relative.start())[0]
    clause = v.text[left : v.right]
    start, end = c.mention.start - left, c.mention.end - left
    parts = part_references(clause)
    before = [p for p in parts if p[0] < start]
    after = [p for p in parts if p[0] >= end]
    nearest = before[-1] if before else (after[0] if after else None)
    if nearest is not None and nearest[2] > 1:
        return clause[nearest[0] : nearest[1]]
    return None


@rule(
    "other_work_named",
    -4,
    "the sentence names another work (in quotes, or a spin-off) and not the watch",
    "'Hawkeye' premieres Nov. 24",
)
def _other_named(c: DateCandidate, v: _View, w: Watch) -> str | None:
    text = v.text
    if title_mentions(text, w):
        return None
    seen = _found(cues.QUOTED_TITLE, text) or _found(cues.NAMED_SPINOFF, text)
    if seen:
        return seen
    # (a parenthetical after the date is an actor's name or an aside, not its subject)
    return _found(_PARENTHETICAL, text[: c.mention.start])


_PARENTHETICAL = re.compile(r"[A-Z][\w&'-]*\s*\(")


@rule(
    "other_work_subject",
    -4,
    "another named work is the subject of the date's verb",
    "while The Acolyte arrives June 4",
)
def _other_subject(c: DateCandidate, v: _View, w: Watch) -> str | None:
    text = v.text
    verbs = sorted(
        m.start()
        for pattern in (cues.RELEASE, cues.PAST_RELEASE)
        for m in pattern.finditer(text, 0, c.mention.start)
    )
    if not verbs:
        return None
    if title_mentions(text, w):
        verbs = verbs[-1:]
    for verb in verbs:
        if subject.other_work_before(text, verb, w):
            return text[max(0, verb - 40) : verb + 12].strip()
    return None


@rule(
    "leading_other_work",
    -4,
    "the sentence opens with another work and an appositive about it",
    "Barbie, released July 21, crossed $600 million",
)
def _leading(c: DateCandidate, v: _View, w: Watch) -> str | None:
    if works.leading_other_work(v.text, c.mention.start, w):
        return v.text[: v.text.find(",")]
    return None


@rule(
    "spinoff_title",
    -2,
    "the watch's title starts a longer title: 'Dune: Prophecy'",
    "Alien: Earth premieres Aug. 12",
)
def _spinoff(c: DateCandidate, v: _View, w: Watch) -> str | None:
    for _, end, _ in title_mentions(v.text, w):
        found = _SUBTITLE.match(v.text, end)
        if found and not _names_alias(found.group(1), w):
            return v.text[max(0, end - 20) : found.end()].strip()
    return None


_SUBTITLE = re.compile(
    r":\s+((?!Season\b|Series\b|Part\b|Volume\b|Vol\b|Chapter\b|Everything\b|Release\b|"
    r"Trailer\b|Teaser\b|Here\b|What\b|When\b|Why\b|How\b|All\b|New\b|Official\b|First\b|"
    r"The\s+(?:release|trailer|first|new)\b)[A-Z][\w'-]+)"
)


def _names_alias(subtitle: str, w: Watch) -> bool:
    return any(subtitle.lower() in name.lower() for name in (w.title, *w.aliases))


@rule(
    "show_first_premiere",
    -4,
    "for a later season, 'the series premiered ...' without a season is the show's first",
    "The series premiered on Netflix in April 2022",
)
def _first_premiere(c: DateCandidate, v: _View, w: Watch) -> str | None:
    if w.season in (None, 1) or not cues.PAST_RELEASE.search(v.clause):
        return None
    if _names_season(v.text, w):
        return None
    if c.sentence.subject == Subject.WATCH and part_references(v.clause):
        return None
    return _found(cues.PAST_RELEASE, v.clause)


def _about_once(c: DateCandidate, v: _View, w: Watch) -> str | None:
    """about_watch, asked once per candidate (several rules read it)."""
    if v.about is False:
        v.about = about_watch(c.sentence, c.mention, w)
    return v.about  # type: ignore[return-value]


@rule(
    "season_of_seasonless_watch",
    -3,
    "the watch has no season, and the date belongs to a numbered season",
    "Fargo season 3 premieres April 19 (watching Fargo, no season)",
)
def _seasonless(c: DateCandidate, v: _View, w: Watch) -> str | None:
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
def _about(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return _about_once(c, v, w)


@rule(
    "release_of_watch",
    3,
    "both at once: a release verb (or a listing) governs the date and the date is the watch's",
    "Season 2 arrives Aug. 3",
)
def _release_of_watch(c: DateCandidate, v: _View, w: Watch) -> str | None:
    if not (_release_verb(c, v, w) or _schedule_row(c, v, w) or _listing(c, v, w)):
        return None
    return "governed and about the watch" if _about_once(c, v, w) else None


@rule("names_title", 0.5, "the sentence names the watch", "Heartstopper returns Aug. 3")
def _names_title(c: DateCandidate, v: _View, w: Watch) -> str | None:
    found = title_mentions(v.text, w)
    return v.text[found[0][0] : found[0][1]] if found else None


def _precision(name: str) -> Callable[[DateCandidate, _View, Watch], str | None]:
    def test(c: DateCandidate, v: _View, w: Watch) -> str | None:
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
def _relative_date(c: DateCandidate, v: _View, w: Watch) -> str | None:
    return "resolved from the article's date" if c.mention.relative else None


def _names_season(text: str, w: Watch) -> bool:
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
    ref = before[-1] if before else next((r for r in refs if r.start >= mention.end), None)
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
    if (
        titles
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
        # season is the one the news is about, unless the page is about another season
        return f"the title's {text[ref.start : ref.end]}"
    if titles:
        # The title without a season: about the watch when the text around is.
        if sentence.subject == Subject.WATCH or (
            sentence.subject in (Subject.TITLE, None) and sentence.doc_subject == Subject.WATCH
        ):
            return "names the title in a passage about the watched season"
        return None
    return "the passage is about the watch" if sentence.subject == Subject.WATCH else None


# ---------------------------------------------------------------- trailers

TRAILER_RULES: list[Rule] = []


def trailer_rule(name: str, prior: float, description: str, example: str) -> Callable:
    def register(test: Callable[[VideoCandidate], str | None]) -> Callable:
        TRAILER_RULES.append(Rule(name, prior, description, example, test))  # type: ignore[arg-type]
        return test

    return register


def trailer_evidence(candidate: VideoCandidate) -> dict[str, str]:
    fired: dict[str, str] = {}
    for r in TRAILER_RULES:
        saw = r.test(candidate)  # type: ignore[call-arg]
        if saw is not None:
            fired[r.name] = saw
    return fired


def _tie(name: str, prior: float, description: str, example: str) -> None:
    """A rule for one way the words near a video call it a trailer (or teaser: not a
    clip, featurette or cast video) of the watched title and season (trailers.py)."""

    def test(c: VideoCandidate) -> str | None:
        return c.sentence[:100] if c.sentence and c.tie == name else None

    trailer_rule(f"trailer_{name}", prior, description, example)(test)


_tie(
    "own_sentence",
    4,
    "the link's own sentence calls it the trailer, in a passage about the watched season",
    "The season 2 trailer, which you can watch here, ...",
)
_tie(
    "names_watch",
    4,
    "the words nearest the video call it a trailer and name the watched season",
    "Netflix dropped the Heartstopper season 2 trailer: <link>",
)
_tie(
    "watch_passage",
    4,
    "the nearest words call it a trailer, name no season, and sit in a passage (or a "
    "document) about the watched season",
    "Watch the new trailer below. (in an article about season 2)",
)
_tie(
    "names_film",
    4,
    "the nearest words call it a trailer and name the watched film",
    "Watch the Superman trailer: <link>",
)
_tie(
    "reported",
    4,
    "the text reports the watch's trailer as released, linking no video",
    "The first trailer for season 2 just dropped.",
)


@trailer_rule(
    "video_in_furniture",
    -4,
    "the video sits in page furniture (a related rail, a 'watch next' list)",
    "More videos: Bridgerton season 3 trailer",
)
def _video_furniture(c: VideoCandidate) -> str | None:
    return "in page furniture" if c.video is not None and c.video.chrome else None


@trailer_rule(
    "fan_made",
    -5,
    "a fan-made, concept or unofficial trailer",
    "a fan-made concept trailer imagines season 5",
)
def _fan_made(c: VideoCandidate) -> str | None:
    texts = [c.label, c.sentence, *(s.text for s in c.context[:2])]
    for text in texts:
        seen = _found(cues.FAN_MADE, text) if text else None
        if seen:
            return seen
    return None


@trailer_rule(
    "official_label",
    1,
    "the video's own title says 'official trailer' or 'official teaser'",
    "Heartstopper: Season 2 | Official Trailer | Netflix",
)
def _official(c: VideoCandidate) -> str | None:
    return _found(_OFFICIAL, c.label) if c.label else None


_OFFICIAL = re.compile(r"\bofficial\s+(?:\w+\s+)?(?:trailer|teaser)\b", re.IGNORECASE)


@trailer_rule(
    "reported_in_words",
    0,
    "the text reports a released trailer but links no video: the finding is the article's URL",
    "The trailer for season 2 is out now.",
)
def _in_words(c: VideoCandidate) -> str | None:
    return "no video link" if c.video is None else None
