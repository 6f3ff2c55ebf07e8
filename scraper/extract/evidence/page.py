"""Evidence one candidate cannot see alone: what the page says elsewhere about its date.

A page that moves a release often still states the plan it left, in a sentence that
reads as a plain announcement: an "UPDATE: Season 5 now opens Oct. 27" box above a
story that still says "will premiere Tuesday, Nov. 10", or "will begin its second
season on September 25" above "Rather than Sept. 25, the season will now start Oct.
23". Read alone, the old sentence scores as well as the new one (often better: the
story's fuller sentence has the hour and the network). So after every candidate is
weighed, page_evidence asks, for each of the watch's dates, whether the page says its
release moved away from that date:

- the same date is named elsewhere as the date left ("rather than Sept. 25",
  "previously scheduled for July 24", "originally slated for"), or
- a sentence that names the watch (its title or its season) says its release moved to
  another date ("will now kick off its third season on June 19", "pushed to May 3"),
  and this date is no statement of that one (not "fall 2020" around "Oct. 27").

The replaced_by_move rule below is that answer; it only lowers a score, so a
candidate whose evaluation stopped early (below the threshold whatever the rest
said) stays below it, and the choice is the same with and without --explain.
"""

from __future__ import annotations

import re
from collections import Counter

from scraper.extract.candidates import DateCandidate
from scraper.extract.choose import same_release
from scraper.extract.evidence.governs import _old_date, _plan_changed, _superseded
from scraper.extract.evidence.rules import View, rule, view
from scraper.models import Watch

REPLACED = "replaced_by_move"


@rule(
    REPLACED,
    -3,
    "the page says the watch's release moved away from the date: it names the date "
    "elsewhere as the one left, or a sentence naming the watch moves its release to "
    "another date (the old plan, still stated in the story)",
    "will premiere Tuesday, Nov. 10 ... UPDATE: Season 5 now opens Oct. 27",
)
def _replaced(c: DateCandidate, v: View, w: Watch) -> str | None:
    return None  # a page's answer, given by page_evidence once every date is weighed


def page_evidence(dates: list[DateCandidate], watch: Watch) -> list[DateCandidate]:
    """Add replaced_by_move to the watch's dates the page says its release left; the
    candidates it changed (their score is the caller's to recompute)."""
    mine = [c for c in dates if c.is_the_watchs]
    if len(mine) < 2:
        return []
    left: dict[str, str] = {}  # date value -> the words that leave it
    leaving: set[int] = set()  # the candidates that are themselves such words
    moved: dict[str, str] = {}  # date value -> the words that move the release there
    named = Counter(c.mention.value for c in mine)
    for c in mine:
        seen = next((c.features[name] for name in _LEAVES if name in c.features), None)
        if seen is None and named[c.mention.value] > 1:
            # (asked again, of a date the page names twice only: an evaluation stopped
            # early may not have reached them)
            v = view(c, watch)
            seen = _old_date(c, v, watch) or _superseded(c, v, watch)
            seen = seen or _plan_changed(c, v, watch)
        if seen and not any(name in c.features for name in _ANOTHER_WORKS):
            left.setdefault(c.mention.value, seen)
            leaving.add(id(c))
        elif seen:
            # another work's move in a roundup ("Where The Wild Things Are has been delayed
            # from October 3rd 2008"): the date it leaves is no date the watch left
            leaving.add(id(c))
        elif (
            "moved_to" in c.features
            and c.score > 0.0  # (above the threshold: every rule ran on it)
            and (c.sentence.names_title or c.features["about_watch"].startswith("season named"))
        ):
            moved.setdefault(c.mention.value, c.features["moved_to"])
    changed = []
    for c in mine:
        if id(c) in leaving or ("moved_to" in c.features and not _slate_item(c, moved)):
            continue
        value = c.mention.value
        why = None
        if value in left:
            why = f"named elsewhere as the date left ('{left[value]}')"
        else:
            for target, words in moved.items():
                if not (same_release(value, target) or same_release(target, value)):
                    why = f"the release moved to {target} ('{words}')"
                    break
        if why:
            c.features[REPLACED] = why
            changed.append(c)
    return changed


def _slate_item(c: DateCandidate, moved: dict[str, str]) -> bool:
    """A move in a slate roundup that is not the watch's: the page moves the watch by name
    elsewhere, and this sentence, naming no watch, leads with some other subject ("Baz
    Luhrmann's Elvis film moves to November 5", not "It now moves to ...")."""
    return (
        bool(moved)
        and c.mention.value not in moved
        and not c.sentence.names_title
        and c.features.get("about_watch", "").startswith("the passage")
        and _OWN_SUBJECT.match(c.sentence.text) is None
    )


# How a sentence about the passage's own work opens: a pronoun or the work's common noun.
_OWN_SUBJECT = re.compile(
    r"\W*(?:it|its|it['\u2019]s|this|that|they|their|he|she|now|then|also|and|but|"
    r"(?:the|this|that)\s+(?:[\w-]+\s+)?(?:film|movie|sequel|prequel|pic|picture|feature|"
    r"project|release|title|season|series|show|studio|date|premiere|debut|opening))\b",
    re.IGNORECASE,
)
_LEAVES = ("old_date", "superseded_plan", "plan_changed")
_ANOTHER_WORKS = ("other_work_named", "other_work_subject")
