"""Structure -> mentions -> candidates: every date and every video a document offers.

A candidate is one thing the extractor may report, with the context the evidence
rules read: for a date, its sentence (and the sentence's role and subject, see
reading.py), its clause and the next sentence; for a video, its label and the
sentences around it. Nothing is decided here: a date in a byline or a related-
stories rail is still a candidate, and a rule says where it sits.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scraper.extract import cues, languages
from scraper.extract.dates import MONTHS, DateMention, YearHint, in_the_past
from scraper.extract.dates import find_dates as _read_dates
from scraper.extract.memo import remembered
from scraper.extract.reading import Sentence, Subject, read_sentences
from scraper.extract.subject import (
    led_by_other_work,
    numbered_seasons,
    season_references,
    title_mentions,
)
from scraper.extract.text import case_key
from scraper.models import Watch

if TYPE_CHECKING:
    from scraper.parse.documents import Document
    from scraper.parse.pages import Video

# The hard per-document budget, in proportion to its text: a page that takes longer
# is pathological (one huge paragraph repeating a title and a date); it gets one
# warning and no findings. Ordinary article pages take a few milliseconds (the largest
# in the corpora, 60-115 KB with mega-menus, under 10 ms); a 10 MB page of ordinary
# paragraphs about three seconds. Counted in the reading thread's own CPU time: on a
# loaded machine (other processes, the fetch pool's threads) an ordinary page must not
# be cut for time it never had. The wall clock still caps it, at WALL_FACTOR times as
# long, so no page holds a cycle however starved the machine: a 256 KB pathological
# page is given up within 0.66 s of CPU and 1.6 s of wall time.
BUDGET_SECONDS = 0.5
BUDGET_SECONDS_PER_MB = 0.6
WALL_FACTOR = 2.5
# A "sentence" longer than this is cut at spaces: no real sentence is (the labeled
# corpora's longest is under 400 characters), and every rule reads its sentence, so a
# paragraph without full stops would otherwise cost its length squared.
MAX_SENTENCE = 600


_TEXT = attrgetter("text")


def find_dates(
    sentence: str,
    published: date | None,
    hint: YearHint | None = None,
    day_first: bool = False,
    foreign: bool = False,
) -> list[DateMention]:
    """dates.find_dates, remembered (memo.py): a pure function of its arguments, asked of
    every sentence that may hold a date."""
    return list(_find_dates(sentence, published, hint, day_first, foreign))


@remembered
def _find_dates(
    sentence: str, published: date | None, hint: YearHint | None, day_first: bool, foreign: bool
) -> tuple[DateMention, ...]:
    return tuple(_read_dates(sentence, published, hint, day_first, foreign))


class OverBudget(Exception):
    """The document took longer than BUDGET_SECONDS to read."""


@dataclass
class Budget:
    deadline: float  # the reading thread's CPU time (time.thread_time)
    wall_deadline: float = float("inf")  # time.monotonic

    @classmethod
    def start(cls, seconds: float = BUDGET_SECONDS) -> Budget:
        return cls(time.thread_time() + seconds, time.monotonic() + WALL_FACTOR * seconds)

    @classmethod
    def for_document(cls, doc: Document) -> Budget:
        size = len(doc.headline) + sum(map(len, map(_TEXT, doc.blocks)))
        return cls.start(BUDGET_SECONDS + BUDGET_SECONDS_PER_MB * size / 1_000_000)

    def check(self) -> None:
        if time.thread_time() > self.deadline or time.monotonic() > self.wall_deadline:
            raise OverBudget


@dataclass(frozen=True)
class DocFacts:
    """What the document says about itself: its URL and own dates (published/updated
    from metadata, and those of its bylines and datelines)."""

    url: str
    published: date | None
    own_dates: frozenset[str] = frozenset()
    # Without a publish date: where a year for "Sept. 2" comes from (year_hint).
    hint: YearHint | None = None
    # A page of a country that writes dates day first (02/01/2025 is January 2nd).
    day_first: bool = False
    # A page of tonight's listings ("TV tonight", "What's on tonight"): a listing line's
    # hour ("Broadchurch / ITV, 9pm") is on the page's own day.
    tonight: bool = False
    # Some sentence of the page names the watch's title (or an alias).
    names_watch: bool = True
    # The page is written in another language (languages.py): its dates are read too.
    foreign: bool = False
    # What `stated`, `seasons`, `other_works` and `undated` are read from, when first
    # asked: only a yearless or relative date reads `stated`, only unnamed_return and
    # delayed_without_date the others, for few of a document's candidates, and reading
    # them for every document was ~4% (the others) and ~5% (`stated`) of the
    # extractor's work. The budget is the document's, checked while `stated` is read.
    sentences: list[Sentence] = field(default_factory=list, repr=False, compare=False)
    watch: Watch | None = field(default=None, repr=False, compare=False)
    budget: Budget | None = field(default=None, repr=False, compare=False)

    @cached_property
    def stated(self) -> dict[str, int]:
        """The year of each month and day the text states with its year ("10 October
        2015"), which "10 October" elsewhere on the page shares."""
        return _stated_years(self.sentences, self.budget)

    @cached_property
    def latest_update(self) -> date | None:
        """The day of the page's latest dated update note ("UPDATE 2 (September 17,
        2015):"), if it has any: asked only when a candidate's sentence is a note."""
        stamps = [day for s in self.sentences if (day := update_stamp(s, self)) is not None]
        return max(stamps) if stamps else None

    @property
    def undated_at(self) -> int:
        """The index of the sentence `undated` was read from (-1: none)."""
        return self._undated[1]

    @property
    def undated_passed(self) -> bool:
        """The sentence that says so goes on past the delay ("..., and Netflix later
        bought it"): the delay holds for that sentence's own dates only."""
        return self._undated[2]

    @cached_property
    def _undated(self) -> tuple[str, int, bool]:
        return _undated(self.sentences)

    @cached_property
    def undated(self) -> str:
        """A sentence naming the watch says its release has no date now ("indefinitely
        delayed", "removed from the release calendar", "no new release date"): what it
        says, or ""."""
        return self._undated[0]

    @cached_property
    def seasons(self) -> frozenset[int]:
        """The watch's seasons the page names by number, in sentences naming its title or
        in its passages (for a watched season after the first; see about.unnamed_return)."""
        watch = self.watch
        if watch is None or watch.season in (None, 1):
            return frozenset()
        return numbered_seasons(
            [
                (s.text, s.names_title)
                for s in self.sentences
                if not s.chrome and (s.names_title or s.subject in (Subject.WATCH, Subject.TITLE))
            ],
            watch,
        )

    @cached_property
    def premiere_list(self) -> str:
        """The page lists premiere dates ("NBC has unveiled premiere dates", "the premiere
        week schedule", "Newly announced are:"): the words that say so, or "". Read from
        its first sentences and its headings, when a rule first asks."""
        for order, s in enumerate(self.sentences):
            if order >= 40 and not s.heading:
                continue
            if not s.chrome and (found := cues.PREMIERE_LIST.search(s.text)) is not None:
                return found.group()
        return ""

    @cached_property
    def first_listing(self) -> int:
        """The index of the first line of a guide (a table row, or a short line) that
        names the watch's title, or -1 (the headline's and headings' naming it are not)."""
        for order, s in enumerate(self.sentences):
            if s.heading or s.block == -1 or not s.names_title or s.chrome:
                continue
            if s.schedule_row or len(s.text) <= 100:
                return order
        return -1

    @cached_property
    def renewed(self) -> bool:
        """Some sentence about the watch reports its watched season renewed or ordered
        ("Netflix has decided to renew it for a second season"): a season not yet made,
        so no premiere told in the past is its own. Asked by show_first_premiere only."""
        watch = self.watch
        if watch is None or watch.season in (None, 1):
            return False
        for s in self.sentences:
            if s.chrome or s.subject not in (Subject.WATCH, Subject.TITLE):
                continue
            for renewal in cues.RENEWAL.finditer(s.text):
                if any(
                    ref.season == watch.season and ref.start >= renewal.end()
                    for ref in season_references(s.text[: renewal.end() + 40], watch)
                ):
                    return True
        return False

    @cached_property
    def other_works(self) -> bool:
        """Some sentence of the page is about another work (a schedule, a slate, a
        roundup); asked for a watched season after the first only."""
        watch = self.watch
        return (
            watch is not None
            and watch.season not in (None, 1)
            and _other_works(self.sentences, watch)
        )


@dataclass
class DateCandidate:
    order: int  # the sentence's index
    sentence: Sentence
    mention: DateMention
    following: str  # the next sentence's text ("was set for Aug. 3. It has been pushed.")
    doc: DocFacts
    features: dict[str, str] = field(default_factory=dict)  # rule name -> what it saw
    score: float = 0.0

    @property
    def is_the_watchs(self) -> bool:
        """Whether the date is tied to the watched title and season at all (the
        about_watch rule fired). Only such a date can be reported, however well its
        words read: a headline announcing another show's date is not this watch's news,
        and the weights, added up, cannot say "only if" on their own."""
        return "about_watch" in self.features


@dataclass
class VideoCandidate:
    url: str
    label: str
    video: Video | None  # None: a trailer reported in a sentence with no link
    context: list[Sentence]
    doc: DocFacts
    sentence: str = ""  # the sentence that calls it a trailer, once a rule finds one
    # How that sentence ties the trailer to the watch (see trailers.py): "own_sentence",
    # "names_watch", "watch_passage", "names_film" or "reported" (no link).
    tie: str = ""
    untied: str = ""  # with no tie: why the words near it make it no trailer of the watch
    # A trailer reported in words that the document says was shown only to a hall (a
    # convention panel) and not released: that statement (trailers.py, _hall_only).
    unreleased: str = ""
    # ... or says is a network's reel of its whole slate (trailers.py, _slate_video).
    slate: str = ""
    # ... or says is a video announcing a renewal or production (trailers.py).
    announces: str = ""
    features: dict[str, str] = field(default_factory=dict)
    score: float = 0.0


def structure(doc: Document, watch: Watch, budget: Budget) -> tuple[list[Sentence], DocFacts]:
    """The document as sentences with roles and subjects, and the document's own dates."""
    stale = _stale_update(doc)
    if stale:
        # its yearless dates are of the year its headline names, not of the update's
        doc = replace(doc, published=None)
    sentences = _bounded(read_sentences(doc, watch), budget)
    own = set()
    if doc.published is not None:
        own.add(doc.published.isoformat())
    foreign = _foreign(sentences, watch)
    stamp_month = doc.own_dates.month
    stamp_day = None
    for sentence in sentences[:60]:
        if len(sentence.text) > 160:
            continue
        stamped = None
        if _byline(sentence.text):
            stamped = find_dates(sentence.text, doc.published, foreign=foreign)
        elif foreign and sentence.role in _STAMP_ROLES:
            stamped = _foreign_stamp(sentence.text, doc.published)
        if stamped:
            own.update(m.value for m in stamped if m.precision == "day")
            if stamp_day is None and doc.published is None and not stale:
                # "Viernes 22 de julio de 2016": a stamp that gives the day is the
                # page's publish date, as parse reads an English byline's
                stamp_day = next(
                    (date.fromisoformat(m.value) for m in stamped if m.precision == "day"), None
                )
            if stamp_month is None:
                # "Numerama · janvier 2017": a byline that stamps only the month is the
                # page's publish month, as a publish <meta> without a day is
                month = next((m.value for m in stamped if m.precision == "month"), None)
                stamp_month = date.fromisoformat(month + "-01") if month else None
    hint = (
        None
        if doc.published is not None
        else YearHint(stamp_day, "day", "meta")
        if stamp_day is not None
        else YearHint(stamp_month, "month", "meta")
        if stamp_month is not None
        else year_hint(doc.url, sentences, budget, doc.headline)
    )
    day_first = _day_first(doc.url)
    tonight = doc.published is not None and any(
        "tonight" in case_key(s.text) and _TONIGHT_PAGE.search(s.text)
        for s in sentences[:6]
        if not s.chrome
    )
    names_watch = any(s.names_title for s in sentences)
    return sentences, DocFacts(
        doc.url, doc.published, frozenset(own), hint, day_first, tonight, names_watch,
        foreign, sentences, watch, budget,
    )  # fmt: skip


def _stale_update(doc: Document) -> bool:
    """The page says only when it was last updated, and that is years after the one year
    its headline names ("Fall Movie Preview 2019!", "Last Updated on August 3, 2021"): a
    page of that year touched up later, whose "September 6th" is the headline year's.
    (An update within the year after, "Best of 2023" updated in January 2024, may well
    have rewritten its dates.)"""
    own = doc.own_dates
    if own.published is not None or own.updated is None or doc.published != own.updated:
        return False
    named = set(_HEADLINE_YEAR.findall(doc.headline))
    return len(named) == 1 and int(named.pop()) <= own.updated.year - 2


def _foreign(sentences: list[Sentence], watch: Watch | None = None) -> bool:
    """The page's first sentences of text (not its menus, whose English labels a site in
    another language keeps) hold more of another language's short words than of
    English's (languages.MARKERS), or more letters of another script than Latin ones.
    The watch's own names are left out: "House of the Dragon" is a name in a French
    page, not three English words of it."""
    text = " " + " ".join(_first_text(sentences, 12)) + " "
    for name in (watch.title, *watch.aliases) if watch is not None else ():
        if " " in name:
            text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    other = 0 if text.isascii() else len(_OTHER_SCRIPT.findall(text))
    if other > 40 and other > len(_LATIN.findall(text)):
        return True  # Cyrillic, Hangul, kana, Han: no English page is mostly these
    # English's words in lower case only: "The Batman rinviato al 2022" is an English
    # title in an Italian sentence, where "the" inside an English sentence is lower case.
    if text.count(" the ") > 2:
        return False  # (most pages: English at once, without the counting)
    lower = text.lower()
    # Each marker's count, as str.count gives it, for the markers the text holds at all
    # (one scan finds which): the ~50 counts of every marker cost several times more.
    foreign = sum(lower.count(word) for word in _MARKERS_OTHER)
    foreign += sum(
        lower.count(word + " ") * _MARKER_TIMES[word] for word in set(_MARKER_WORD.findall(lower))
    )
    return foreign > sum(text.count(w) for w in languages.ENGLISH_MARKERS)


# languages.MARKERS written " word " (a space, a word without spaces, a space): where one
# occurs, the scan below finds " word" (the space after it only looked at, so the next
# marker may start there; two markers cannot both start at one place, as each needs the
# space right after its word). Any other marker is counted as it is.
_MARKER_TIMES = Counter(
    m[:-1] for m in languages.MARKERS if re.fullmatch(r" [^\s]+ ", m) and m.lower() == m
)
_MARKERS_OTHER = tuple(m for m in languages.MARKERS if m[:-1] not in _MARKER_TIMES)
_MARKER_WORD = re.compile(
    "(?:" + "|".join(re.escape(w) for w in sorted(_MARKER_TIMES)) + ")(?= )"
    if _MARKER_TIMES
    else "(?!)"
)


# Letters of the scripts of the languages whose dates dates.py reads (Cyrillic, Hangul,
# kana and Han), and Latin letters.
_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _first_text(sentences: list[Sentence], count: int) -> list[str]:
    """The texts of the first `count` sentences that are not page chrome."""
    texts: list[str] = []
    for sentence in sentences:
        if not sentence.chrome:
            texts.append(sentence.text)
            if len(texts) == count:
                break
    return texts


def _other_works(sentences: list[Sentence], watch: Watch) -> bool:
    """Some sentence of the page is about another work: the reading gave it another
    work's subject, or, naming no watch, it quotes a title or its first verb has another
    work for subject ("Jane Lynch's reboot of "Weakest Link" will premiere ...")."""
    return any(
        not s.chrome
        and (
            s.subject == Subject.OTHER
            or (
                not s.names_title
                and (
                    cues.QUOTED_TITLE.search(s.text) is not None
                    or led_by_other_work(s.text, watch)
                )
            )
        )
        for s in sentences
    )


# Works counted, not named: "some titles", "several other films", "a handful of releases".
_OTHER_WORKS_COUNTED = re.compile(
    r"\b(?:some|other|several|many|most|a\s+few|a\s+number\s+of|a\s+handful\s+of|"
    r"numerous|multiple|dozens\s+of)\s+(?:other\s+)?(?:[\w-]+\s+)?"
    r"(?:titles|films|movies|releases|shows|series|projects|features|blockbusters)\b",
    re.IGNORECASE,
)


def _undated(sentences: list[Sentence]) -> tuple[str, int, bool]:
    """What a sentence naming the watch says to take its release off the calendar, where,
    and whether the sentence tells a later turn past it; or ("", -1, False)."""
    for order, sentence in enumerate(sentences):
        if sentence.chrome or not (
            sentence.names_title or sentence.subject in (Subject.WATCH, Subject.TITLE)
        ):
            continue  # ("That timeline is effectively off the table" in the watch's passage)
        key = case_key(sentence.text)
        if not any(word in key for word in cues.UNDATED_GATE):
            continue  # (most sentences: no regex)
        said = cues.UNDATED.search(sentence.text)
        if said is not None and not sentence.names_title and _NAMED_OBJECT.match(said.group()):
            continue  # "Disney has pulled Mulan and Black Widow from the calendar", in a
            # roundup's passage on the watch: the works taken off are others, named
        if (
            said is not None
            and not sentence.names_title
            and _OTHER_WORKS_COUNTED.search(sentence.text, 0, said.start())
        ):
            continue  # "some titles have simply been pulled without a new date": others,
            # counted, in a passage on the watch
        if said is not None:
            return said.group(), order, _LATER_TURN.search(sentence.text, said.end()) is not None
    return "", -1, False


# A delay whose object is a named work: "pulled Mulan and Black Widow from the calendar"
# (not "pulled the film from ...", "taken off the schedule").
_NAMED_OBJECT = re.compile(
    r"\w+\s+(?:(?:and|&|,)\s*|(?-i:[A-Z0-9])[\w'\u2019:!.-]*\s+)*?"
    r"(?-i:[A-Z0-9])[\w'\u2019:!.-]*\s+(?:off|from)\b",
    re.IGNORECASE,
)


# A later turn told after the delay in its own sentence: "was pulled from the slate with
# no new date, and Netflix later bought it": the delay is history the story went past.
_LATER_TURN = re.compile(
    r"[,;]?\s+(?:and|but|before|until)\s+(?:[\w'\u2019&.-]+\s+){0,4}?"
    r"(?:later|subsequently|eventually|has\s+since|have\s+since|since\s+then)\b",
    re.IGNORECASE,
)


def _stated_years(sentences: list[Sentence], budget: Budget | None) -> dict[str, int]:
    """Month-day (and month) -> year of the dates the text writes with their year (not
    furniture's); one stated with two different years is left out."""
    years: dict[str, int] = {}
    for order, sentence in enumerate(sentences):
        if budget is not None and order % 32 == 0:
            budget.check()
        if sentence.chrome or not _YEAR_IN.search(sentence.text):
            continue
        for mention in find_dates(sentence.text, None):
            if mention.precision in ("day", "month"):
                year = int(mention.value[:4])
                # the day, and its month ("10-03" and "10")
                for key in {mention.value[5:], mention.value[5:7]}:
                    years[key] = year if years.get(key, year) == year else 0
    return {key: year for key, year in years.items() if year}


_TONIGHT_PAGE = re.compile(
    r"\b(?:tv|watch|on|viewing|listings?|picks?|highlights?)\b[^.!?]{0,30}\btonight\b|"
    r"\btonight['\u2019]s\s+(?:tv|picks?|highlights|listings|viewing)\b",
    re.IGNORECASE,
)
# A listing line's hour: "ITV, 9pm", "Trigger Point, 9pm, ITV" (a field between commas
# or at the line's end) on a line that names a channel.
_LISTING_HOUR = re.compile(
    r"(?:^|,)\s*(?P<hour>\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?)\s*(?=,|$)", re.IGNORECASE
)


def listing_hour(text: str, published: date) -> DateMention | None:
    """On a page of tonight's listings, a short line with a channel and an hour (and no
    date of its own) dates its show to the page's day."""
    if len(text) > 100 or not cues.CHANNEL.search(text):
        return None
    match = _LISTING_HOUR.search(text)
    if match is None:
        return None
    return DateMention(match.start("hour"), match.end("hour"), published.isoformat(), "day", True)


# Countries whose sites write numeric dates day first, by their domain.
_DAY_FIRST_HOST = re.compile(r"\.(?:uk|ie|au|nz|in|za)$", re.IGNORECASE)
# Where a host with one of the endings can end in its URL: before a port, the path, the
# query, the fragment or the URL's end ("www.indiewire.com" and ".invalid" hold ".in").
_DAY_FIRST_ENDING = re.compile(r"\.(?:uk|ie|au|nz|in|za)(?:[:/?#]|$)")


def _day_first(url: str) -> bool:
    """The page's host is of a country that writes dates day first. (A URL without
    any of the endings where a host ends needs no parse: most do not. urlsplit drops
    tabs and line breaks, which could join one: such a URL is parsed.)"""
    key = case_key(url)
    if _DAY_FIRST_ENDING.search(key) is None and not any(char in url for char in "\t\r\n"):
        return False
    return _DAY_FIRST_HOST.search(urlsplit(url).hostname or "") is not None


# Dates in a URL's path, as news sites file their articles: /2018/05/14/, /2018/05/,
# /2020/jan/03/, /2023-09-08/, -20220121-, /2016/.
_URL_DAY = re.compile(
    r"/(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2]|[a-z]{3})/(?P<d>0?[1-9]|[12]\d|3[01])/"
    r"|[/_-](?P<y2>(?:19|20)\d\d)-?(?P<m2>0[1-9]|1[0-2])-?(?P<d2>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    # a wire story's id that opens on its day: /view/AEN20191028005500315
    r"|/[A-Z]{2,5}(?P<y3>(?:19|20)\d\d)(?P<m3>0[1-9]|1[0-2])(?P<d3>0[1-9]|[12]\d|3[01])\d{0,12}"
    r"(?=[/_.?#-]|$)",
    re.IGNORECASE,
)
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2]|[a-z]{3})/", re.IGNORECASE)
_URL_YEAR = re.compile(r"/(?P<y>(?:19|20)\d\d)/")
# A year of this century as a word of the URL's slug ("premiere-dates-2021"), not a number
# inside a title ("blade-runner-2049") nor an id.
_SLUG_YEAR = re.compile(r"(?<=[/_-])(20[0-3]\d)(?=[/_.-]|$)")


def year_hint(
    url: str, sentences: list[Sentence], budget: Budget | None = None, headline: str = ""
) -> YearHint | None:
    """For a document without a publish date: the date its URL files it under, else the
    year its headline names ("House of Cards new season 2017: release date"), else the
    year of the latest full date its text states (not page furniture). A fallback; the
    year_inferred rule says a candidate used it."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("//", 1)[-1]
    for pattern, precision in ((_URL_DAY, "day"), (_URL_MONTH, "month"), (_URL_YEAR, "year")):
        match = pattern.search(path)
        if match is None:
            continue
        groups = {k.rstrip("23"): v for k, v in match.groupdict().items() if v}
        try:
            year = int(groups["y"])
            month = 1 if precision == "year" else _url_month(groups["m"])
            day = int(groups["d"]) if precision == "day" else 1
            return YearHint(date(year, month, day), precision, "url")
        except (KeyError, ValueError):
            continue
    moved = _HEADLINE_MOVED_TO.search(headline)
    if moved is not None:
        # "Release Postponed to 2024": news of a move into a later year is written in the
        # year before (its "next year" is 2024, its "Nov. 3" the old date of 2023)
        return YearHint(date(int(moved.group("y")) - 1, 1, 1), "year", "headline")
    named = _HEADLINE_YEAR.findall(headline)
    if len(set(named)) == 1:  # (two years in a headline: a move, no one year of the news)
        return YearHint(date(int(named[0]), 1, 1), "year", "headline")
    slug = set(_SLUG_YEAR.findall(path))
    if len(slug) == 1:  # "/fall-tv-premiere-dates-2021/": the slug's one year, as a headline's
        return YearHint(date(int(slug.pop()), 1, 1), "year", "url")
    counts: dict[str, int] = {}  # the years of the dates stated with one: "March 2019"
    latest = None  # the latest year of a date stated with its year: "March 2019", "fall 2020"
    span = None  # a broadcast season the page previews: "NBC's upcoming 2014-15 season",
    # "NBC MIDSEASON 2023-24 SCHEDULE"
    for order, sentence in enumerate(sentences):
        if budget is not None and order % 32 == 0:
            budget.check()
        if sentence.chrome or not _YEAR_IN.search(sentence.text):
            continue
        for match in _FULL_DATE_YEAR.finditer(sentence.text):
            year = match.group("y") or match.group("iso") or match.group("num") or match.group("fy")
            counts[year] = counts.get(year, 0) + 1
            if latest is None or year > latest:
                latest = year  # ("in 2018" alone is too often a guess)
        if span is None and (found := _SEASON_SPAN.search(sentence.text)) is not None:
            first, second = int(found.group("y")), int(found.group("z"))
            if second % 100 == (first + 1) % 100:
                span = first
    if latest:
        # the year most of them state (the page's time, around which a season's dates
        # fall), the latest of those tied: "Spring 2020", "Summer 2020", "October 2020"
        # and one "Winter 2021" of a later delay are a 2020 page
        most = max(counts.values())
        year = max(y for y, n in counts.items() if n == most)
        return YearHint(date(int(year), 1, 1), "year", "text")
    # A TV season runs from one fall into the next year: its "Sept. 22" is the first
    # year's, its "Jan. 5" the second's (news from the summer before, looking ahead).
    return YearHint(date(span, 6, 1), "month", "text") if span else None


_SEASON_SPAN = re.compile(
    r"\b(?P<y>(?:19|20)\d\d)[-\u2013/](?P<z>(?:19|20)?\d\d)\s+(?:(?:tv|television|"
    r"broadcast|network|primetime|prime-time)\s+)?(?:season|schedule|line-?up|slate)\b",
    re.IGNORECASE,
)


_YEAR_IN = re.compile(r"(?:19|20)\d\d")
# A headline reporting a move into a year: "Postponed to 2024", "Delayed Until 2021",
# "pushed back into 2025", "moves release to 2022".
_HEADLINE_MOVED_TO = re.compile(
    r"\b(?:postpon|delay|push|mov|shift|bump|slid|slip|pull|reschedul)\w*\s+"
    r"(?:(?:back|out|up|again|release|premiere|debut|date)\s+){0,2}"
    r"(?:from\s+\S+(?:\s+\S+)?\s+)?(?:to|until|till|into)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?P<y>20[0-3]\d)(?![\w/-])",
    re.IGNORECASE,
)
# A year of this century standing alone in a headline (not "1923", a show's name,
# nor "2049" in "Blade Runner 2049": only years near the web's).
_HEADLINE_YEAR = re.compile(r"(?<![\w/-])(20[0-3]\d)(?![\w/-])")
# The year of a date stated with its year, finer than the year: "August 3, 2023",
# "3 August 2023", "March 2019", "fall 2020", "2023-08-03" (one pass over a sentence).
_MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_FULL_DATE_YEAR = re.compile(
    r"(?:\b" + _MONTH_WORD + r"\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+|of\s+)?"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + r",?\s+"
    r"|\b(?i:spring|summer|fall|autumn|winter|half)\s+(?:of\s+)?"
    # a part of the year: "starts early in 2017", "late 2019" (not "in 2018" alone, a guess)
    r"|\b(?i:early|late|mid|end\s+of)[\s-](?:in\s+)?)(?P<y>(?:19|20)\d\d)(?!\d)"
    r"|\b(?P<iso>20\d\d)-[01]\d-[0-3]\d\b"
    # a numeric date with its year ("Selasa (25/2/2020)", "02/25/2020", "25.02.2020")
    r"|(?<![\d/.])[0-3]?\d(?P<sep>[/.])[01]?\d(?P=sep)(?P<num>(?:19|20)\d\d)(?!\d)"
    # another language's ("14 Desember 2019", "10 января 2019 года", "3. März 2020")
    r"|(?<![\d.])[0-3]?\d\.?\s+(?:de\s+)?(?i:"
    + "|".join(sorted(languages.MONTHS, key=len, reverse=True))
    + r")(?![^\W\d_]),?\s+(?:de\s+|del\s+)?(?P<fy>(?:19|20)\d\d)(?!\d)"
)


def _url_month(token: str) -> int:
    return int(token) if token.isdigit() else MONTHS[token[:3].lower()]


_BYLINE = re.compile(
    r"^\W*(?:by\s+[A-Z]|(?:last\s+)?updated\b|published\b|posted\b|first\s+published\b)"
    r"|\s[\u00b7\u2022]\s",
    re.IGNORECASE,
)


def _byline(text: str) -> bool:
    """_BYLINE.search(text): its first branch holds only at the start, its second needs a
    middle dot or a bullet (most sentences have neither: no scan of every position)."""
    if _BYLINE.match(text) is not None:
        return True
    return ("\u00b7" in text or "\u2022" in text) and _BYLINE.search(text) is not None


# The blocks a page's stamp stands in (the page parser's roles): its byline, its
# dateline, or a short block of the text before the story begins.
_STAMP_ROLES = frozenset(("byline", "dateline", "body"))
_STAMP_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
_CLOCK_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b")


def _foreign_stamp(text: str, published: date | None) -> list[DateMention]:
    """The dates of a short line in another language that is only the page's stamp: a
    date that writes its year ("octubre de 2018", "22. Oktober 2017", "Publicado el 9 de
    octubre de 2018 às 10h30", "Viernes 22 de julio de 2016") and around it nothing but
    the words a stamp holds (languages.STAMP_WORDS), no word of a sentence. A line of
    news ("Será en 2025 cuando...") and a listing's date without its year ("9 de
    diciembre") are not stamps. [] when it is not one."""
    if len(text) > 80 or not _YEAR_IN.search(text):
        return []
    found = find_dates(text, published, foreign=True) or _numeric_stamp(text)
    if not found or not any(_YEAR_IN.search(text, m.start, m.end) for m in found):
        return []
    rest = text
    for mention in reversed(found):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    rest = _CLOCK_TIME.sub(" ", rest)
    for word in _STAMP_TOKEN.findall(rest):
        if word.lower() not in languages.STAMP_WORDS:
            return []
    return found


def _numeric_stamp(text: str) -> list[DateMention]:
    """A stamp's date written in figures, year first, as Korean, Japanese and Chinese
    sites stamp a page ("입력: 2023.11.16 09:40", "配信日:2024/06/30"): its day."""
    found = []
    for match in _YEAR_FIRST_FIGURES.finditer(text):
        try:
            day = date(*(int(g) for g in match.groups()))
        except ValueError:
            continue
        found.append(DateMention(match.start(), match.end(), day.isoformat(), "day"))
    return found


_YEAR_FIRST_FIGURES = re.compile(r"(?<![\d.])((?:19|20)\d\d)[./-](\d{1,2})[./-](\d{1,2})(?![\d.])")


def _bounded(sentences: list[Sentence], budget: Budget) -> list[Sentence]:
    result: list[Sentence] = []
    for sentence in sentences:
        if len(sentence.text) <= MAX_SENTENCE:
            result.append(sentence)
            continue
        budget.check()
        text, start = sentence.text, 0
        while start < len(text):
            end = min(len(text), start + MAX_SENTENCE)
            if end < len(text):
                space = text.rfind(" ", start + MAX_SENTENCE // 2, end)
                end = space if space > 0 else end
            result.append(sentence._replace(text=text[start:end].strip()))
            start = end
    return result


def _inside_title(text: str, mention: DateMention, watch: Watch) -> bool:
    """The date's words are part of the watched title's name ("This Time Next Year",
    "Summer of '85")."""
    return any(
        start <= mention.start and mention.end <= end
        for start, end, _ in title_mentions(text, watch)
    )


def update_stamp(sentence: Sentence, facts: DocFacts) -> date | None:
    """The day an update note opening the sentence gives itself ("UPDATE 2 (September 17,
    2015):", "Update, Dec. 3 --"), if any."""
    note = cues.UPDATE_NOTE.match(sentence.text)
    if note is None:
        return None
    stamped = find_dates(
        sentence.text[: note.end()], sentence.published, facts.hint, facts.day_first, False
    )
    day = next((m for m in stamped if m.precision == "day" and not m.relative), None)
    return date.fromisoformat(day.value) if day is not None else None


def date_candidates(
    sentences: list[Sentence],
    facts: DocFacts,
    budget: Budget,
    furniture: bool = True,
    may_score: Callable[[Sentence], bool] | None = None,
) -> list[DateCandidate]:
    """Every date mention of every sentence (dates stated in the past tense resolved to
    the year that puts them before the article). Without `furniture`, sentences of page
    furniture (navigation, rails, comments) are not read for dates: the furniture rule
    weighs each of theirs down past the threshold, so only --explain and the fit, which
    show and weigh every candidate, need them. With `may_score`, a sentence it rules
    out (none of its dates could reach the threshold) is not read for dates either."""
    result: list[DateCandidate] = []
    noted: tuple[int, date] | None = None  # the block an update note dates, and its date
    for order, sentence in enumerate(sentences):
        if order % 32 == 0:
            budget.check()
        stamp = update_stamp(sentence, facts)
        if stamp is not None:
            noted = (sentence.index, stamp)
        if noted is not None and noted[0] == sentence.index:
            # "UPDATE (August 19, 2015): Season 2 debuts this fall.": the note's sentences
            # are written on its date, and 'this fall' is that date's fall, not the page's
            sentence = sentence._replace(published=noted[1])
        if not furniture and sentence.chrome:
            continue
        if order and _DATE_ANAPHOR.match(sentence.text):
            sentence = _resolve_date_anaphor(sentences[order - 1], sentence, facts)
        if may_score is not None and not may_score(sentence):
            continue
        following = sentences[order + 1].text if order + 1 < len(sentences) else ""
        mentions = find_dates(
            sentence.text, sentence.published, facts.hint, facts.day_first, facts.foreign
        )
        if not mentions and facts.tonight and sentence.published is not None:
            hour = listing_hour(sentence.text, sentence.published)
            mentions = [hour] if hour is not None else []
        for mention in mentions:
            if _post_stamp(sentence.text, mention.start):
                continue  # "— Netflix (@netflix) August 8, 2024": when a post was posted
            if (
                mention.relative
                and facts.watch is not None
                and _inside_title(sentence.text, mention, facts.watch)
            ):
                continue  # "a second series of This Time Next Year": the show's name
            year = (
                facts.stated.get(mention.value[5:])
                if mention.inferred or mention.relative
                else None
            )
            if year and mention.relative and not mention.inferred:
                # a guess from the article's date yields only to a later year the text
                # states: "October 3" (a December article), "October 3, 2008" in its
                # table; not to an earlier one, another instalment's "Christmas Day 2019"
                year = year if year > int(mention.value[:4]) else None
                if year:
                    mention = replace(
                        mention, value=f"{year:04d}{mention.value[4:]}", relative=False
                    )
            elif year and mention.precision == "day":
                # "10 October" in the headline, "10 October 2015" in the body: that year
                mention = replace(mention, value=f"{year:04d}{mention.value[4:]}")
            # (in_the_past moves only a relative day or month: the clause's verbs are
            # read for those alone)
            written = sentence.published or _hint_month_end(facts.hint)
            if (
                mention.relative
                and written is not None
                and mention.precision in ("day", "month")
                and past_tense(sentence.text, mention, facts.foreign)
            ):
                mention = in_the_past(mention, written)
            result.append(DateCandidate(order, sentence, mention, following, facts))
    return result


# What an embedded post's own stamp follows: its author's handle ("— Netflix (@netflix)
# August 8, 2024", "A post shared by Netflix (@netflix) on Nov 15, 2023") or, its text
# run on into the stamp, its picture link ("pic.twitter.com/T4qOZ13RNdNovember 15, 2023").
_POST_STAMP_BEFORE = re.compile(r"(?:\(@[\w.]{1,30}\)\s*(?:on\s+)?|pic\.twitter\.com/\w*)$")


def _post_stamp(text: str, start: int) -> bool:
    """The date at `start` is an embedded post's stamp (_POST_STAMP_BEFORE)."""
    if "@" not in text and "twitter.com/" not in text:
        return False  # (most sentences)
    return _POST_STAMP_BEFORE.search(text, max(0, start - 80), start) is not None


def _hint_month_end(hint: YearHint | None) -> date | None:
    """The last day a page without a publish date can have been written, when a stamp or
    its URL gives its month ("2018-03"): a release it reports as past is before it."""
    if hint is None or hint.precision != "month" or hint.source not in ("meta", "url"):
        return None
    return (hint.day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def past_tense(text: str, mention: DateMention, foreign: bool = False) -> bool:
    """The release verb of the date's clause is in the past tense ("which premiered Feb. 27").
    `foreign`: the page is in another language, whose verb may follow the date ("die im
    Dezember gestartet war")."""
    left, right = cues.clause_around(text, mention.start, mention.end)
    lead = text[max(0, mention.start - 30) : mention.start]
    if text.startswith("in ", mention.start):  # (a mention may hold its "in")
        lead += "in "
    if _PAST_MARKER.search(lead):
        return True  # "which back in March was reported ...": whatever the verb, the past
    if _OWN_EVENT_AFTER.match(text, mention.end):
        return False  # "ahead of its June 16 premiere": the date names its own event
    if foreign and cues.FOREIGN_PAST.search(text, left, right) is not None:
        return True
    verbs = list(cues.RELEASE.finditer(text, left, mention.start))
    verbs += list(cues.PAST_RELEASE.finditer(text, left, mention.start))
    if not verbs:
        return False
    last = max(verbs, key=lambda m: m.start())
    if _PASSIVE_NOT_PAST.search(text, 0, last.start()):
        return False  # "will be released on Thursday 11 July": a participle, not a past verb
    return cues.PAST_RELEASE.fullmatch(last.group()) is not None


# A date the words before put in the past: "back in March", "as far back as June".
# ("back in" as an adverbial of its own, not "will come back in March": a return)
_PAST_MARKER = re.compile(
    r"(?:(?:^|[,;(]|\b(?:which|that|and|but|when|was|were|had|it|this|all)\b)\s*back\s+in"
    r"|\bas\s+far\s+back\s+as|\bas\s+early\s+as\s+last)\s+$",
    re.IGNORECASE,
)
_OWN_EVENT_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:premiere|release|debut|launch|return|bow)\b")
_PASSIVE_NOT_PAST = re.compile(
    r"\b(?:be|being|is|are|gets?|getting)\s+(?:(?:all|now|officially|finally|also|only)\s+)?$",
    re.IGNORECASE,
)

# "That's the date Netflix revealed for the new season": the date is the heading above.
_DATE_ANAPHOR = re.compile(
    r"(?:that|this)(?:['\u2019]s|\s+is|\s+was)\s+(?:the\s+)?(?:date|day)\b", re.IGNORECASE
)


def _resolve_date_anaphor(previous: Sentence, sentence: Sentence, facts: DocFacts) -> Sentence:
    """Put a date heading's date in place of the pronoun that points back at it."""
    if not previous.heading or previous.chrome:
        return sentence
    dates = find_dates(
        previous.text, previous.published, facts.hint, facts.day_first, facts.foreign
    )
    if len(dates) != 1 or not is_listing(previous.text, dates[0]):
        return sentence
    pronoun = _DATE_ANAPHOR.match(sentence.text)
    if pronoun is None:
        return sentence
    said = previous.text.strip() + " is the " + pronoun.group().split()[-1]
    return sentence._replace(text=said + sentence.text[pronoun.end() :])


def is_listing(text: str, mention: DateMention) -> bool:
    """A schedule entry: a date alone in its block or table row, under a heading."""
    rest = text[: mention.start] + text[mention.end :]
    return len(re.findall(r"[A-Za-z]+", rest)) <= 4
