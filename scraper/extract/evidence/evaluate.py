"""Evaluate the rules on a candidate: every rule (--explain, the fit), or, with
weights, the rules that can lift the score first, stopping once the threshold is out
of reach."""

from __future__ import annotations

import re
from collections.abc import Callable

from scraper.extract import cues
from scraper.extract.candidates import DateCandidate, VideoCandidate
from scraper.extract.evidence.rules import DATE_RULES, TRAILER_RULES, Rule, view
from scraper.extract.reading import Sentence, Subject
from scraper.extract.text import case_key
from scraper.models import Watch


def date_evidence(
    candidate: DateCandidate, watch: Watch, weights: dict[str, float] | None = None
) -> dict[str, str]:
    """Rule name -> what it saw, for every rule that fires on the candidate.

    With `weights`, the rules that can lift the score run first (most of a page's dates
    meet none of them), then the others, most negative first; evaluation stops once the
    score cannot reach the threshold any more. The choice is the same (a candidate
    stopped early is below the threshold whatever the rest say); only --explain and
    the fit need every rule."""
    seen = view(candidate, watch)
    fired: dict[str, str] = {}
    if weights is None:
        for r in DATE_RULES:
            saw = r.test(candidate, seen, watch)
            if saw is not None:
                fired[r.name] = saw
        return fired
    order, _ = _evaluation_order(id(weights), weights)
    met = _conditions_met(candidate.sentence)
    total = weights.get("bias", 0.0)
    # The most the rules still to run can add: the positive weights of those whose
    # precondition the sentence meets (see may_score).
    ceiling = _ceiling(id(weights), order, met)
    for test, name, weight, lowers, needs_about in _steps(id(weights), order, met):
        if needs_about and seen.about is None:
            continue  # it cannot fire: the date is not the watch's
        saw = test(candidate, seen, watch)
        ceiling -= lowers
        if saw is not None:
            fired[name] = saw
            total += weight
        if name == "about_watch" and seen.about is None:
            break  # not the watch's: never reported, whatever the other rules say
        if total + ceiling <= 0.0:
            break
    if len(fired) > 1:  # in the evaluation order's sequence, as every rule run gives it
        rank = _rank(id(weights), order)
        fired = dict(sorted(fired.items(), key=lambda item: rank[item[0]]))
    return fired


_RANKS: dict[int, dict[str, int]] = {}


def _rank(key: int, order: list[tuple[Rule, float, float]]) -> dict[str, int]:
    if key not in _RANKS:
        _RANKS[key] = {r.name: index for index, (r, _, _) in enumerate(order)}
    return _RANKS[key]


def _quick_order(
    order: list[tuple[Rule, float, float]], met: frozenset[str]
) -> list[tuple[Rule, float, float]]:
    """`order` as a candidate meeting `met` runs it: about_watch, then the lifting rules
    whose precondition it does not meet (they lower no ceiling), then those whose it
    does, the heaviest first (each that does not fire lowers the ceiling by its weight,
    so a date that cannot reach the threshold stops after the fewest rules), then the
    rest as in `order`. A candidate that runs every rule fires the same rules in any
    order (date_evidence gives them back in `order`'s sequence); one stopped early is
    below the threshold either way. (Cached by _steps, its one caller.)"""
    first = [e for e in order if e[0].name == "about_watch"]
    others = [e for e in order if e[0].name != "about_watch"]
    lifting = [e for e in others if e[2] > 0.0]
    unmet = [e for e in lifting if _CONDITIONAL.get(e[0].name, "any") not in met]
    heavy = sorted(
        (e for e in lifting if _CONDITIONAL.get(e[0].name, "any") in met),
        key=lambda e: -e[2],
    )
    rest = [e for e in others if e[2] <= 0.0]
    return first + unmet + heavy + rest


_Step = tuple[Callable[..., str | None], str, float, float, bool]
_STEPS: dict[tuple[int, frozenset[str]], list[_Step]] = {}


def _steps(key: int, order: list[tuple[Rule, float, float]], met: frozenset[str]) -> list[_Step]:
    """_quick_order's rules as date_evidence runs them: (test, name, weight, what not
    firing takes off the ceiling, whether it needs the date to be the watch's), worked
    out once per weights and preconditions met instead of once per rule and candidate
    (0.0 off the ceiling leaves it as it was)."""
    if (key, met) not in _STEPS:
        _STEPS[key, met] = [
            (
                r.test,
                r.name,
                weight,
                lift if _CONDITIONAL.get(r.name, "any") in met else 0.0,
                r.name in _NEEDS_ABOUT,
            )
            for r, weight, lift in _quick_order(order, met)
        ]
    return _STEPS[key, met]


_CEILINGS: dict[tuple[int, frozenset[str]], float] = {}


def _ceiling(key: int, order: list[tuple[Rule, float, float]], met: frozenset[str]) -> float:
    """The positive weights of the rules whose precondition `met` holds."""
    if (key, met) not in _CEILINGS:
        _CEILINGS[key, met] = sum(
            lift for r, _, lift in order if _CONDITIONAL.get(r.name, "any") in met
        )
    return _CEILINGS[key, met]


def _conditions_met(sentence: Sentence, hour: bool = True) -> frozenset[str]:
    """The preconditions of _CONDITIONAL the sentence meets ("any": the unconditional
    rules; a release field is assumed possible, its pattern being dearer than its rule).
    Without `hour`, the hour's is not looked for (its pattern is the dearest test)."""
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
    if "about" in met:  # (the two rules below need the date to be the watch's)
        text = sentence.text
        if hour and (len(text) <= 40 or (_may_hold_hour(text) and _HOURISH.search(text))):
            met.add("hour")  # broadcast_slot: an hour in it, or a short line the next times
        if len(text) <= 100:
            met.add("short")  # dated_entry: a guide's line
    return frozenset(met)


# Text every broadcast hour holds ("9pm", "9.00-10.00pm", "21:00", "9 GMT").
_HOURISH = re.compile(r"\d\s*[ap]\.?m|\d[.:]\d\d|GMT|BST", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def _may_hold_hour(text: str) -> bool:
    """What every _HOURISH match holds: a digit, or GMT or BST (in case_key, any case).
    A sentence without them (most) skips the case-insensitive scan of every position."""
    if _DIGIT.search(text) is not None:
        return True
    key = case_key(text)
    return "gmt" in key or "bst" in key


# Rules that fire only on a date about_watch gives to the watch.
_NEEDS_ABOUT = frozenset({"release_of_watch", "moved_to", "broadcast_slot", "dated_entry"})


def may_score(sentence: Sentence, weights: dict[str, float]) -> bool:
    """Whether any date of the sentence could score above the threshold, from what the
    sentence alone says: the bias plus the positive weights of the rules whose
    preconditions it meets (a date not in a heading cannot gain the headline weight;
    one in a sentence that names no title and is not about the watch cannot be the
    watch's). Exact for any weights: a sentence it rules out holds no date the full
    evaluation would report, so its dates need not be found at all."""
    if not sentence.names_title and sentence.subject not in (Subject.WATCH, Subject.TITLE):
        return False  # (as below: not "about", the cheap test first)
    base, lift = _sentence_lifts(id(weights), weights)
    met = _conditions_met(sentence, hour=False)
    if "about" not in met:
        return False  # no date of it can be the watch's (about_watch needs the title or
        # the passage), and only the watch's are reported (DateCandidate.is_the_watchs)
    # The names_title rule finds the title in the text whatever classify made of the
    # sentence: "'Bridgerton' Season 4 ..." (watching 5) is another season's, no sentence
    # naming the watch, and the rule fires. So its weight is possible in any sentence
    # about the watch, whether the sentence names the title or not.
    met |= {"names_title"}
    total = base + sum(lift[name] for name in met if name not in ("any", "release_field"))
    if total > 0.0:
        return True  # (the hour's weight, when its condition holds, only adds)
    met = _conditions_met(sentence) | {"names_title"}
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
    # (these two also need the date to be the watch's: the condition that is rarer)
    "broadcast_slot": "hour",
    "dated_entry": "short",
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


def trailer_evidence(candidate: VideoCandidate) -> dict[str, str]:
    fired: dict[str, str] = {}
    for r in TRAILER_RULES:
        saw = r.test(candidate)  # type: ignore[call-arg]
        if saw is not None:
            fired[r.name] = saw
    return fired
