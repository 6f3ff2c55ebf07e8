"""extract: Documents -> Findings (announced release dates, released trailers) for a Watch.

Pure functions: a Document and a Watch in, Findings out, never an exception.
The document is read as a sequence of sentences with a running subject (the
headline's, then whatever each heading or sentence names), so "Season 2,
premiering Aug. 3" in an article about Heartstopper is about Heartstopper,
and a roundup's section about another show is not.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from scraper.extract import cues, scope, subject, works
from scraper.extract.dates import DateMention, find_dates, in_the_past
from scraper.extract.reading import Sentence, read_sentences
from scraper.extract.subject import (
    Reference,
    part_references,
    season_references,
    title_mentions,
)
from scraper.extract.trailers import find_trailers
from scraper.models import PRECISION_RANK, RELEASE_DATE, TRAILER, Finding, Watch
from scraper.parse.prefilter import may_mention

if TYPE_CHECKING:
    from scraper.parse.documents import Document

__all__ = ["extract", "extract_documents", "may_mention"]

log = logging.getLogger(__name__)


def extract(doc: Document, watch: Watch) -> list[Finding]:
    """The best announced release date and every released trailer of `watch` in `doc`."""
    try:
        return _extract(doc, watch)
    except Exception:  # a rule tripping on odd text must not stop a whole cycle
        log.exception("extractor failed on %s", doc.url)
        return []


def extract_documents(docs: Sequence[Document], watch: Watch) -> list[Finding]:
    """The union over a source's documents: the best release date first, then trailers."""
    dates: list[Finding] = []
    trailers: dict[str, Finding] = {}
    for doc in docs:
        for finding in extract(doc, watch):
            if finding.kind == RELEASE_DATE:
                dates.append(finding)
            else:
                trailers.setdefault(finding.value_key, finding)
    best = sorted(
        enumerate(dates), key=lambda item: (-PRECISION_RANK[item[1].precision or "year"], item[0])
    )
    return [finding for _, finding in best[:1]] + list(trailers.values())


def _extract(doc: Document, watch: Watch) -> list[Finding]:
    sentences = read_sentences(doc, watch)
    findings: list[Finding] = []
    release = _best_release_date(sentences, watch)
    if release is not None:
        findings.append(release)
    for url, evidence in find_trailers(doc, sentences, watch):
        findings.append(Finding(TRAILER, evidence, url=url))
    return findings


def _best_release_date(sentences: list[Sentence], watch: Watch) -> Finding | None:
    stated: list[tuple[int, int, Finding]] = []
    plans: list[tuple[int, int, Finding]] = []
    for order, sentence in enumerate(sentences):
        if order and _DATE_ANAPHOR.match(sentence.text):
            sentence = _resolve_date_anaphor(sentences[order - 1], sentence)
        if sentence.chrome or (sentence.subject == "other" and not sentence.names_title):
            continue
        for mention in find_dates(sentence.text, sentence.published):
            if _past_tense(sentence.text, mention):
                mention = in_the_past(mention, sentence.published)
            if not _is_release_date(sentence, mention, watch):
                continue
            finding = Finding(
                RELEASE_DATE, sentence.text, date=mention.value, precision=mention.precision
            )
            candidate = (PRECISION_RANK[mention.precision], order, finding)
            if cues.PLAN_DATE.search(sentence.text, max(0, mention.start - 40), mention.start):
                following = sentences[order + 1].text if order + 1 < len(sentences) else ""
                if cues.PLAN_CHANGED.search(sentence.text) or cues.PLAN_CHANGED.search(following):
                    continue  # "was set for Aug. 3 but has been pushed": the old plan
                plans.append(candidate)
            else:
                stated.append(candidate)
    # "was set for Aug. 3" stands unless the text gives the watch another date.
    plans = [p for p in plans if all(_compatible(p[2], s[2]) for s in stated)]
    candidates = stated + plans
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c[0], -c[1]))[2]


def _compatible(one: Finding, other: Finding) -> bool:
    """The same date, or one a coarser statement of the other ("2023-08", "2023-08-03")."""
    a, b = one.date or "", other.date or ""
    return a.startswith(b) or b.startswith(a)


# "That's the date Netflix revealed for the new season": the date is the heading above.
_DATE_ANAPHOR = re.compile(
    r"(?:that|this)(?:['\u2019]s|\s+is|\s+was)\s+(?:the\s+)?(?:date|day)\b", re.IGNORECASE
)


def _resolve_date_anaphor(previous: Sentence, sentence: Sentence) -> Sentence:
    """Put a date heading's date in place of the pronoun that points back at it."""
    if not previous.heading or previous.chrome:
        return sentence
    dates = find_dates(previous.text, previous.published)
    if len(dates) != 1 or not _is_listing(previous.text, dates[0]):
        return sentence
    pronoun = _DATE_ANAPHOR.match(sentence.text)
    if pronoun is None:
        return sentence
    said = previous.text.strip() + " is the " + pronoun.group().split()[-1]
    return sentence._replace(text=said + sentence.text[pronoun.end() :])


def _is_release_date(sentence: Sentence, mention: DateMention, watch: Watch) -> bool:
    """The date is the watch's announced release: no hedge or denial in its clause,
    a release verb governs it (or it is a schedule entry under the watch's heading),
    it is not a trailer's, an old or a later part's date, and it is the watched
    title's and season's."""
    text = sentence.text
    left, right = cues.clause_around(text, mention.start, mention.end)
    clause = text[left:right]
    if cues.SPECULATION.search(clause) or cues.NEGATION.search(clause):
        return False
    if cues.BEFORE.search(text, left, mention.start) and not _MOVED_TO.search(
        text, left, mention.start
    ):
        return False
    if cues.SPECULATIVE_MAY.search(clause) or cues.SENTENCE_HEDGE.search(text):
        return False
    quotation = cues.quotation_around(text, mention.start)
    if quotation and (cues.SPECULATION.search(quotation) or cues.SPECULATIVE_MAY.search(quotation)):
        return False
    if _renewal_date(clause, mention.start - left):
        return False
    if _production_date(clause, mention.start - left, mention.end - left):
        return False
    event = cues.governing_event(clause, mention.start - left)
    if event is None and text[:left].rstrip().endswith(":"):
        # "Release date confirmed: 3 August" - the verb sits before the colon.
        event = cues.governing_event(text[:left], left)
    if scope.other_occasion(clause, mention.start - left, mention.end - left, sentence.published):
        return False
    if cues.OTHER_PRODUCT.search(clause) or cues.EARLIER_WORK.search(clause):
        return False
    if event == "other":
        return False
    if event is None and sentence.schedule_row and sentence.subject in ("watch", "title"):
        event = "release"  # a date cell in the watch's row of a listings table
    if event is None and not (sentence.under_heading and _is_listing(text, mention)):
        return False
    if _trailer_date(text, mention, left, right):
        return False  # the trailer's date, not the release's
    if cues.OLD_DATE.search(text[max(0, mention.start - 40) : mention.start]):
        return False
    if scope.superseded(text, left, mention.start):
        return False
    relative = re.search(r",\s+which\s+$", text[:left], re.IGNORECASE)
    if relative and scope.other_work_antecedent(text, relative.start(), watch):
        return False
    if _previous_credit(text, mention.start, watch):
        return False
    if relative:  # ", which arrives Sept. 12": the part is named in the antecedent's clause
        left = cues.clause_around(text, max(0, relative.start() - 1), relative.start())[0]
    if _later_part(text[left:right], mention.start - left, mention.end - left, watch):
        return False
    if _other_work(text, mention, watch) or _other_work_subject(text, mention, watch):
        return False
    if works.leading_other_work(text, mention.start, watch):
        return False  # "Barbie, released July 21, crossed $600 million"
    if (
        watch.season not in (None, 1)
        and cues.PAST_RELEASE.search(clause)
        and not _names_season(text, watch)
        and not (sentence.subject == "watch" and part_references(clause))
    ):
        return False  # "the series premiered on ..." is the show's first season
    return _about_watch(sentence, mention, watch)


# "before moving to July 10": the date the plan moved to, not one it precedes.
_MOVED_TO = re.compile(
    r"\bbefore\s+(?:being\s+)?(?:mov(?:ing|ed)|push(?:ing|ed)|shift(?:ing|ed)|bump(?:ing|ed)|"
    r"delay(?:ing|ed))\s+(?:(?:back|up|forward)\s+)?to\s+(?:(?:on|the)\s+)?$",
    re.IGNORECASE,
)


def _past_tense(text: str, mention: DateMention) -> bool:
    """The release verb of the date's clause is in the past tense ("which premiered Feb. 27")."""
    left, _ = cues.clause_around(text, mention.start, mention.end)
    if re.match(
        r"\s+(?:\w+\s+)?(?:premiere|release|debut|launch|return|bow)\b", text[mention.end :]
    ):
        return False  # "ahead of its June 16 premiere": the date names its own event
    verbs = list(cues.RELEASE.finditer(text, left, mention.start))
    verbs += list(cues.PAST_RELEASE.finditer(text, left, mention.start))
    if not verbs:
        return False
    last = max(verbs, key=lambda m: m.start())
    if _PASSIVE_NOT_PAST.search(text, 0, last.start()):
        return False  # "will be released on Thursday 11 July": a participle, not a past verb
    return cues.PAST_RELEASE.fullmatch(last.group()) is not None


_PASSIVE_NOT_PAST = re.compile(
    r"\b(?:be|being|is|are|gets?|getting)\s+(?:(?:all|now|officially|finally|also|only)\s+)?$",
    re.IGNORECASE,
)


# A new clause with its own verb: ", and confirmed the show will return April 10",
# ", which arrives Oct. 23" - the trailer named before it is not the date's subject.
_NEW_CLAUSE = re.compile(r",\s+(?:and|which|while|but|whereas)\s|;", re.IGNORECASE)


def _trailer_date(text: str, mention: DateMention, left: int, right: int) -> bool:
    """A trailer or teaser (the video, not a poster) is the subject of the date: no
    new clause and no premiere after it ("the trailer, ahead of the Aug. 3 premiere").
    "Netflix released a teaser in August" is the teaser's month."""
    trailers = list(cues.TRAILER.finditer(text, 0, mention.start))
    if not trailers:
        return False
    if _NEW_CLAUSE.search(text, trailers[-1].end(), mention.start):
        return False
    after = text[max(left, trailers[-1].end()) : right]
    return not re.search(r"premier|release|debut", after, re.IGNORECASE)


def _renewal_date(clause: str, position: int) -> bool:
    """A renewal before the date with no release verb between them: "renewed the show
    for a fourth series back in May 2022" ("back in" is a time, not a return)."""
    renewals = [m for m in cues.RENEWAL.finditer(clause) if m.end() <= position]
    if not renewals:
        return False
    between = clause[renewals[-1].end() : position]
    return not any(not m.group().lower().startswith("back") for m in cues.RELEASE.finditer(between))


def _production_date(clause: str, start: int, end: int) -> bool:
    """The clause's subject is filming or production, whatever its verb ("Filming
    ... starts next month", "Principal photography kicks off in June"), unless a
    conjunction brings in a release of another subject before the date ("Filming
    wrapped in May and the show premieres ..."). "A 2026 premiere" names its event."""
    subject = cues.PRODUCTION_SUBJECT.match(clause)
    if subject is None or subject.end() > start:
        return False
    if _SUBORDINATE.match(clause) and "," in clause[subject.end() : start]:
        return False  # "Once filming wrapped, Netflix confirmed ...": the clause ends at its comma
    between = clause[subject.end() : start]
    for verb in cues.RELEASE.finditer(between):
        if between[verb.start() - 1 : verb.start()] == "-":
            continue  # "long-delayed": an adjective, not the verb
        if _CONJUNCTION.search(between, 0, verb.start()):
            return False
    return not _NAMES_ITS_EVENT.match(clause, end)


_SUBORDINATE = re.compile(r"^\W*(?:once|after|when|now\s+that|as\s+soon\s+as)\s", re.I)
_CONJUNCTION = re.compile(r"\b(?:and|but|while|whereas|then|before|ahead\s+of)\b", re.I)
_NAMES_ITS_EVENT = re.compile(r"\s+(?:\w+\s+)?(?:premiere|release|debut|launch|return|bow)\b")


def _previous_credit(text: str, position: int, watch: Watch) -> bool:
    """A person's earlier credits come before the date and the watch is not named
    since: "Barton previously created Giri/Haji, which premiered in October 2019"."""
    credits = list(cues.PREVIOUS_CREDIT.finditer(text, 0, position))
    if not credits:
        return False
    return not any(
        start >= credits[-1].end() for start, _, _ in title_mentions(text[:position], watch)
    )


def _is_listing(text: str, mention: DateMention) -> bool:
    """A schedule entry: a date alone in its block or table row, under a heading."""
    rest = text[: mention.start] + text[mention.end :]
    return len(re.findall(r"[A-Za-z]+", rest)) <= 4


def _names_season(text: str, watch: Watch) -> bool:
    refs = season_references(text, watch)
    aliases = [season for _, _, season in title_mentions(text, watch) if season is not None]
    return watch.season in aliases or any(r.season in (watch.season, None) for r in refs)


def _other_work(text: str, mention: DateMention, watch: Watch) -> bool:
    """Another title named in quotes, or a show's parenthetical, governs the date."""
    if title_mentions(text, watch):
        return False
    if cues.QUOTED_TITLE.search(text) or cues.NAMED_SPINOFF.search(text):
        return True
    # (a parenthetical after the date is an actor's name or an aside, not its subject)
    return bool(re.search(r"[A-Z][\w&'-]*\s*\(", text[: mention.start]))


def _other_work_subject(text: str, mention: DateMention, watch: Watch) -> bool:
    """Another named work is the subject of the date's verb ("while The Acolyte arrives
    June 4"); in a sentence not naming the watch, of any release verb before the date
    (", and it hit Max on May 21" is still Dune: Part Two's)."""
    verbs = sorted(
        m.start()
        for pattern in (cues.RELEASE, cues.PAST_RELEASE)
        for m in pattern.finditer(text, 0, mention.start)
    )
    if not verbs:
        return False
    if title_mentions(text, watch):
        verbs = verbs[-1:]
    return any(subject.other_work_before(text, verb, watch) for verb in verbs)


def _later_part(clause: str, start: int, end: int, watch: Watch) -> bool:
    """Part 2 / Volume 2 of a season: the season's date is its first part's."""
    if watch.season is None:
        return False
    parts = part_references(clause)
    before = [p for p in parts if p[0] < start]
    after = [p for p in parts if p[0] >= end]
    nearest = before[-1] if before else (after[0] if after else None)
    return nearest is not None and nearest[2] > 1


def _about_watch(sentence: Sentence, mention: DateMention, watch: Watch) -> bool:
    """The date belongs to the watched title and season.

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
            return False
        return bool(titles) or sentence.subject in ("watch", "title")
    if titles and watch.season is None:
        return True
    if titles:
        # The title without a season: about the watch when the text around is.
        return sentence.subject == "watch" or (
            sentence.subject in ("title", None) and sentence.doc_subject == "watch"
        )
    return sentence.subject == "watch"
