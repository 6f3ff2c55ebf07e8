"""Dates as journalists write them -> (value, precision).

Day: "3 August 2023", "August 3rd", "Aug. 3", "Thursday 3rd August", "Wednesday, Aug. 6".
Month: "March 2024", "in April". Season: "summer 2024", "this summer".
Year: "in 2025", "later this year", "early 2024". Holidays: "Christmas Day",
"New Year's Day 2026", "the 4th of July", "Thanksgiving" (fixed or computed days).
Relative ones ("this Friday", "next month", "this October", "last night",
"Christmas Day next year") and those without a year need the document's publish date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from scraper.extract import languages
from scraper.extract.gate import gated
from scraper.extract.memo import remembered
from scraper.extract.text import case_key

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
           "winter": "winter"}  # fmt: skip


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], date]:
    """The n-th given weekday of a month (n = -1: the last one), as a function of the year."""

    def on(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return on


# Holidays a release is dated by: the phrase (lower case, as case_key gives it) -> its
# day in a given year. The one vocabulary of holidays; the pattern below is built from it.
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24),
    "boxing day": lambda y: date(y, 12, 26),
    # "will release the drama on Christmas", "opens this Christmas" (alone, only so: see
    # _CHRISTMAS_AS_A_DAY)
    "christmas": lambda y: date(y, 12, 25),
    "new year's day": lambda y: date(y, 1, 1),
    "new year\u2019s day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year\u2019s eve": lambda y: date(y, 12, 31),
    "the 4th of july": lambda y: date(y, 7, 4),
    "the fourth of july": lambda y: date(y, 7, 4),
    "independence day": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "valentine\u2019s day": lambda y: date(y, 2, 14),
    "thanksgiving day": _nth_weekday(11, 3, 4),
    "thanksgiving": _nth_weekday(11, 3, 4),
    "memorial day": _nth_weekday(5, 0, -1),
    "labor day": _nth_weekday(9, 0, 1),
}
_HOLIDAY_GATE = ("christmas", "new year", "of july", "independence day", "halloween", "valentine",
                 "thanksgiving", "memorial day", "labor day", "boxing day")  # fmt: skip
_HOLIDAY = (
    r"(?i:\b(?P<h>"
    + "|".join(re.escape(name) for name in sorted(HOLIDAYS, key=len, reverse=True))
    # ("the Memorial Day frame", "the Christmas corridor": a stretch of days, not the day)
    + r")(?!\s+(?:weekend|week|season|holidays?|special|episode|movie|film|album|frame|corridor|"
    r"window|period|break|slot|box\s+office)\b)"
    + r"(?:,?\s+(?P<y>(?:19|20)\d\d)(?!\d)|\s+(?P<rel>this|next|last)\s+year\b)?)"
)

# "Christmas" alone is the day only after these: "on Christmas", "this Christmas".
_CHRISTMAS_AS_A_DAY = re.compile(r"(?i:\b(?:on|this|next|for|come)\s+$)")

# A holiday after these words is a landmark near the date, not the date itself; so is
# one a stated date is said, after its comma, to be timed to ("in fall 2024, timed to
# Halloween", "a finales de octubre, coincidiendo con Halloween"): the date stands.
_NEAR_HOLIDAY = re.compile(
    r"(?i:\b(?:in\s+time\s+for|ahead\s+of|before|after|around|over|during|through|until|by|"
    r"near|since|like)\s+(?:the\s+)?$|,\s*(?:timed\s+to|coinciding\s+with|to\s+coincide\s+"
    r"with|coincidiendo\s+con|en\s+co[iï]ncidence\s+avec|in\s+concomitanza\s+con)\s+$)"
)

# Month names as pages misspell them ("in cinemas Novemeber 2013", "Febuary 14"): typed
# fast, they are still the month. Lower case -> the month's number (each opens with its
# month's first three letters, which the month gate and _month read).
MISSPELLED_MONTHS = {
    "janurary": 1, "janruary": 1, "febuary": 2, "feburary": 2, "febraury": 2,
    "augest": 8, "septmber": 9, "septemeber": 9, "novemeber": 11, "novmber": 11,
    "decemeber": 12, "decmber": 12,
}  # fmt: skip
_MONTH_NAMES = (
    r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|"
    r"Jul(?:y|\.)?|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.|t)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
    r"Dec(?:ember|\.)?|"
    + "|".join(sorted(MISSPELLED_MONTHS, key=len, reverse=True))
)
# As written, or in a press release's capitals ("RETURNS WEDNESDAY, OCT. 9"): not "may".
_MONTH = r"(?P<{n}>(?i:" + _MONTH_NAMES + r"))(?![a-zA-Z])"  # _month drops "may", "march"
_WEEKDAY = r"(?:(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?)?"
# (not an hour, "Aug. 9:30"; a label's colon is no hour: "Sept. 2: the show returns")
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)(?!\d|s\b)"  # "the 1980s" is a decade
# "this year's panels", "next month's awards": the time of something else, unless that
# something is the release ("next year's premiere").
_NOT_OWNED = (
    r"(?!['\u2019]s\s+(?!(?:[\w-]+\s+){0,2}?(?:premiere|debut|return|release|launch|arrival)"
    r"\b))"
)

# The other languages' month names (languages.py), longest first; those that are also
# English words ("Mars", "Mai") or English months are read only after a day.
_FOREIGN_MONTH = r"(?P<{n}>(?i:{names}))(?![^\W\d_])"
_FOREIGN_MONTH_NAMES = "|".join(sorted(languages.MONTHS, key=len, reverse=True))
_ENGLISH_MONTH_NAMES = ("april", "august", "september", "november")
_FOREIGN_ONLY_MONTH_NAMES = "|".join(
    name
    for name in sorted(languages.MONTHS, key=len, reverse=True)
    if name not in ("mars", "mai", *_ENGLISH_MONTH_NAMES)
)

_RELATIVE_UNITS = "|".join(
    sorted(
        (*languages.SEASONS, *languages.YEAR_NOUNS, *languages.MONTH_NOUNS,
         *(m for m in languages.MONTHS if m not in ("mars", "mai", *_ENGLISH_MONTH_NAMES))),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_FOREIGN_RELATIVE = (
    r"(?i:(?<![^\W\d_])(?:(?P<pre>"
    + "|".join(sorted(languages.RELATIVE_BEFORE, key=len, reverse=True))
    + r")(?:\s+|(?<=['\u2019]))(?P<u1>" + _RELATIVE_UNITS + r")"
    + r"|(?P<u2>" + _RELATIVE_UNITS + r")\s+(?P<post>"
    + "|".join(sorted(languages.RELATIVE_AFTER, key=len, reverse=True))
    + r"))(?![^\W\d_]))"
)
_FOREIGN_RELATIVE_GATE = tuple(
    sorted({w.split("\\")[0].rstrip("'\u2019") for w in (*languages.RELATIVE_BEFORE,
                                                       *languages.RELATIVE_AFTER)})
)  # fmt: skip

_CJK_GATE = re.compile(
    "[" + languages.CJK_YEAR + languages.CJK_MONTH + "]|"
    + "|".join((*languages.CJK_RELATIVE_YEARS, *languages.CJK_RELATIVE_MONTHS))
)

# Each pattern with the gates it cannot match without (see _gates): a sentence
# missing a gate skips the pattern, which would have found nothing there anyway.
_PATTERNS = [
    # 3 August 2023 / Thursday 3rd August / 3rd of August
    (
        "dmy",
        _WEEKDAY
        + _DAY.format(n="d")
        + r"\s+(?:of\s+)?"
        + _MONTH.format(n="m")
        + r"(?:,?\s+"
        + _YEAR.format(n="y")
        + r")?",
        ("month", "digit"),
    ),
    # "April of next year", "October of this year", "March next year", "December 25
    # next year"
    (
        "monthrel",
        _MONTH.format(n="m")
        + r"(?:\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?i:(?P<w>this|next)\s+year)\b",
        ("month", "this"),
    ),
    # August 3, 2023 / Thursday, Aug. 3 / August 3rd
    (
        "mdy",
        _WEEKDAY
        + _MONTH.format(n="m")
        + r"\s+"
        + _DAY.format(n="d")
        + r"(?:,?\s+"
        + _YEAR.format(n="y")
        + r")?",
        ("month", "digit"),
    ),
    # The other languages' dates (languages.py): "13. März 2020", "19 de outubro de 2018",
    # "il 7 ottobre 2023", "le 27 octobre" (a day, its month, maybe its year) ...
    (
        "fdmy",
        r"(?<![\d.])(?P<d>[0-3]?\d(?:\.|\u00ba|\u00b0|er)?\s+(?:de\s+)?|(?i:\b(?:"
        + "|".join(sorted(languages.DAY_WORDS, key=len, reverse=True))
        + r"))\s+de\s+)"
        + _FOREIGN_MONTH.format(n="m", names=_FOREIGN_MONTH_NAMES)
        + r"(?:,?\s+(?:de\s+|del\s+)?"
        + _YEAR.format(n="y")
        + r")?",
        ("foreign",),
    ),
    # ... a month written before its day, as Hungarian writes it: "május 28-án", "október
    # 15-én", "2023. március 17." (languages.MONTH_FIRST; its year, when written, first) ...
    (
        "fmdy",
        r"(?:(?<!\d)" + _YEAR.format(n="y") + r"\.\s+)?"
        + _FOREIGN_MONTH.format(n="m", names="|".join(languages.MONTH_FIRST))
        + r"\s+(?P<d>[0-3]?\d)(?!\d)(?:\.|-[^\W\d_]{1,4})?",
        ("foreign",),
    ),
    # ... a weekday with its day of the month and no month: "Nesta quinta-feira, 15",
    # "quinta-feira (15)", "el próximo viernes 20" (not "viernes 20 de junio", read above,
    # nor a time, "sábado 20h") ...
    (
        "fweekday",
        r"(?i:(?<![^\W\d_])(?P<wn>"
        + "|".join(sorted(languages.WEEKDAYS, key=len, reverse=True))
        + r"))(?![^\W\d_])(?:\s*,\s*|\s*\(\s*|\s+)(?P<d>[0-3]?\d)(?:\s*\))?"
        r"(?![\d.:/]|\s*(?:h\b|hs\b|horas|uhr|[\u00ba\u00aa]|de\s|del\s|d['\u2019]))",
        ("fweekday",),
    ),
    # ... "janvier 2021", "marzo de 2025" (not "Mars 2020", English's planet, nor
    # "April 2019", English's own; "april 2019" and "mai 2019" in lower case, as these
    # languages write their months, are theirs) ...
    (
        "fmy",
        r"(?P<m>(?i:" + _FOREIGN_ONLY_MONTH_NAMES + r")|"
        + "|".join(("mars", "mai", *_ENGLISH_MONTH_NAMES))
        + r")(?![^\W\d_])"
        + r"\s+(?:de\s+|del\s+)?"
        + _YEAR.format(n="y"),
        ("foreign", "year"),
    ),
    # ... "primavera 2024", "Herbst 2021", "nell'estate del 2025" ...
    (
        "fseason",
        r"(?i:\b(?P<s>" + "|".join(sorted(languages.SEASONS, key=len, reverse=True)) + r"))"
        r"\s+(?:(?:" + "|".join(languages.SEASON_YEAR_JOINERS) + r")\s*)?" + _YEAR.format(n="y"),
        ("foreign", "year"),
    ),
    # ... a time counted from the article: "diesen Sommer", "l'été prochain", "tahun
    # depan", "Maret nanti" (a unit with a word for this or the next before or after it).
    ("frel", _FOREIGN_RELATIVE, ("foreign_rel",)),
    # ... and a month after a preposition, in the article's year: "im März", "en janvier".
    (
        "fmonth",
        r"(?i:\b(?:"
        + "|".join(languages.MONTH_PREPOSITIONS)
        + r")\s+)"
        + _FOREIGN_MONTH.format(n="m", names=_FOREIGN_ONLY_MONTH_NAMES)
        + r"|(?i:\b(?:en|im|ab|d\u00e8s)\s+)"
        + _FOREIGN_MONTH.format(n="m2", names="mars|mai")
        + r"(?:\s+" + _YEAR.format(n="y") + r")?",
        ("foreign",),
    ),
    # ... "2026년 3월 15일", "2020年7月", "3월 15일", "내년" (Korean, Japanese, Chinese).
    (
        "cjk",
        r"(?P<y>(?:19|20)\d\d)\s*[" + languages.CJK_YEAR + r"](?:\s*(?P<mo>1[0-2]|0?[1-9])\s*["
        + languages.CJK_MONTH + r"](?:\s*(?P<d>[0-3]?\d)\s*[" + languages.CJK_DAY + r"])?)?"
        r"|(?<!\d)(?P<mo2>1[0-2]|0?[1-9])\s*[" + languages.CJK_MONTH + r"]\s*(?P<d2>[0-3]?\d)\s*["
        + languages.CJK_DAY + r"]"
        r"|(?P<relm>" + "|".join(languages.CJK_RELATIVE_MONTHS) + r")\s*(?P<d3>[0-3]?\d)\s*["
        + languages.CJK_DAY + r"\u53f7]"
        r"|(?P<rel>" + "|".join(languages.CJK_RELATIVE_YEARS) + r")"
        # (with its month and day: "내년 4월 18일", "来年3月": that year's date)
        r"(?:\s*(?P<mo3>1[0-2]|0?[1-9])\s*[" + languages.CJK_MONTH + r"](?:\s*(?P<d4>[0-3]?\d)\s*["
        + languages.CJK_DAY + r"])?)?",
        ("cjk",),
    ),
    ("iso", r"(?P<y>20\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?!\d)", ("year",)),
    ("my", _MONTH.format(n="m") + r",?\s+(?:of\s+)?" + _YEAR.format(n="y"), ("month", "year")),
    (
        "season",
        r"(?i:(?P<q>early|late|mid-?|the\s+)?\s*(?P<s>spring|summer|autumn|fall|winter))"
        r"(?:\s+(?:of\s+)?" + _YEAR.format(n="y") + r"|(?P<rel>))",
        ("season",),
    ),
    (
        "month",
        # "in April", "this October", "delayed until July"
        # ("next May", "this coming October": the month's next turn, see _resolve)
        r"(?<=\b)(?:in|this|by|from|early|late|mid-?|an?|until|till|to|into|(?P<nx>next|coming))"
        r"\s+" + _MONTH.format(n="m")
        # "slated for July", "set for October" (not "for June Carter", "for March Studios")
        + r"|(?<=\b)for\s+" + _MONTH.format(n="m2") + r"(?!\s+[A-Z0-9])",
        ("month",),
    ),
    # "a 2025 release", "a 2025 premiere", "confirmed a 2025 start for the new season"
    (
        "year",
        r"\b(?:an?)\s+" + _YEAR.format(n="y")
        + r"(?=\s+(?:release|premiere|debut|launch|start|return|arrival|bow|window|airdate)\b)",
        ("year",),
    ),
    # "premieres today", "arrives tomorrow": only after a release verb, or as the day of
    # a release noun ("today's big Netflix drop") or stated for one ("it is tonight")
    (
        "now",
        r"(?i:(?P<v>\b(?:(?:premieres?|arrives?|lands?|debuts?|drops?|returns?|out|releases?"
        r"|launch(?:es)?|starts?|begins?|airs?|streams?|opens?|back|hits?\s+\w+|streaming"
        r"|available|premiered|debuted|arrived|landed|dropped|released|launched|opened"
        # the progressive: "will be dropping on ITV1 tonight", "is premiering today"
        r"|premiering|arriving|landing|debuting|dropping|returning|launching|airing|opening)"
        # "returns to BBC One tonight", "is out in cinemas tomorrow"
        r"(?:\s+(?:to|on|in|at)\s+(?:[A-Z][\w+]*\s*){1,3}|\s+in\s+(?:cinemas|theaters|theatres))?"
        # an object between: "opens Season 46 tonight", "premieres its final season today"
        r"(?:\s+(?:its|their|the|season|series|(?-i:[A-Z0-9])[\w'\u2019+-]*|new|final|first|"
        r"second|third|fourth|fifth)){0,3}?\s+"
        # "It turns out 'soon' is tonight": the day stated for the release
        r"|(?:is|are)\s+(?:now\s+|finally\s+)?))"
        r"?\b(?P<w>today|tonight|tomorrow)\b"
        r"(?(v)|['\u2019]s\s+(?:[\w-]+\s+){0,3}?(?:premiere|drop|release|debut|launch|return|"
        r"opener|arrival)s?\b))",
        ("now",),
    ),
    ("holiday", _HOLIDAY, ("holiday",)),
    # "premiered last night", "aired last Sunday": the day before the article
    (
        "lastnight",
        r"(?i:\b(?P<w>last\s+night|yesterday|last\s+(?P<wd>" + "|".join(WEEKDAYS) + r")))\b",
        ("last",),
    ),
    # "the second half of 2024", "the first half of next year": a window inside a year
    # (before the year patterns, so its span is taken whole)
    (
        "half",
        r"(?i:\b(?:the\s+)?(?:first|second|latter|back|later)\s+half\s+of\s+(?:(?P<w>this|next)\s+"
        r"year|the\s+year|" + _YEAR.format(n="y") + r"))",
        ("half",),
    ),
    # "early in the year", "later in the year", "in the new year": a time in the year of
    # the article, or in the coming one ("early in the year" written in December)
    (
        "theyear",
        r"(?i:\b(?:(?P<q>early|earlier|later|late|mid|middle)\s+(?:in|of)\s+|in\s+)the\s+"
        r"(?P<n>new\s+)?year\b(?![\'\u2019]s))",
        ("theyear",),
    ),
    ("relmonth", r"(?i:\b(?P<w>this|next)\s+month\b)" + _NOT_OWNED, ("this",)),
    (
        "relyear",
        r"(?i:\b(?:later\s+|early\s+|late\s+)?(?P<w>this|next)\s+year\b)" + _NOT_OWNED,
        ("this",),
    ),
    ("relday", r"(?i:\b(?P<w>this|next)\s+(?P<wd>" + "|".join(WEEKDAYS) + r")\b)", ("this",)),
    (
        "year",
        # "until 2019", "delayed to 2024", "moves into 2025": a move's or a wait's year;
        # "it will be 2020"
        # "no definite date, aside from 2022": the one thing a denial leaves standing
        r"(?i:\b(?:in|for|early|late|mid-?|during|arrives?|coming|until|till|to|into|"
        r"will\s+be|aside\s+from|apart\s+from|except(?:\s+for)?|other\s+than)\s+)"
        + _YEAR.format(n="y"),
        ("year",),
    ),
    # US numeric dates, month first: "on 12/15", "12/15/2023"
    (
        "numeric",
        # (not a US broadcast hour, "at 10/9c": 10 Eastern, 9 Central)
        r"(?<![\d/.,])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/(?P<yy>(?:19|20)?\d\d))?"
        r"(?![\d/]|\.\d|\s?[cp]\b|\s?[ap]m\b)",
        ("slash",),
    ),
    # "drops all seven episodes on Thursday", "premieres Friday"
    (
        "weekday",
        r"\b(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
        # "Monday's third-season premiere", "Thursday night's premieres": the day of a
        # premiere the text names by it (any other "Monday's" is no date)
        r"(?:(?P<own>(?:\s+night)?['\u2019]s)(?=(?:\s+[\w-]+){0,3}?\s+(?:season\s+|series\s+)?"
        r"(?:premieres?|debut|opener|return|launch)\b)|(?![\'\u2019]s))"
        # "airs Sunday nights at 9pm", "Thursday evenings": a regular slot, no one day
        r"(?!\s+(?:nights|evenings|mornings|afternoons)\b)"
        # "CBC's Tuesday night comedy lineup", "the Sunday drama slot": the weekday names
        # a block of the schedule, not a day
        r"(?!(?:\s+(?:night|evening|morning|afternoon))?(?:\s+[\w-]+){0,2}?\s+"
        r"(?:line-?ups?|slots?|blocks?|schedules?|programming|time\s+periods?)\b)",
        ("day",),
    ),
    # Another language's year after a preposition: "llegará en 2025", "im Jahr 2026".
    (
        "fyear",
        r"(?i:(?<![^\W\d_])(?:" + "|".join(languages.YEAR_PREPOSITIONS) + r")\s*"
        r"(?:(?:el\s+|o\s+|l['\u2019]|dem\s+)?(?:" + "|".join(languages.YEAR_WORDS)
        + r")\s+(?:de\s+)?)?)" + _YEAR.format(n="y"),
        ("fyear",),
    ),
    # ... and a year that opens its sentence before the verb, as the verb-second languages
    # front a time: "2025 kehrt die Serie mit einer zweiten Staffel zurück", "2026 komt
    # het vervolg" (the rules still ask for the release verb that governs it).
    ("fyear", r"^\W{0,2}" + _YEAR.format(n="y") + r"(?=\s+[^\W\d_]{2,})", ("fyear",)),
    # ... and a year with Hungarian's case ending in place of a preposition: "2026-ban"
    # (in 2026), "2026-ra" (by 2026) (languages.YEAR_SUFFIXES).
    (
        "fyear",
        r"(?<![\d.])" + _YEAR.format(n="y")
        + r"(?=-(?:" + "|".join(languages.YEAR_SUFFIXES) + r")(?![^\W\d_]))",
        ("fyear",),
    ),
    # A day of the month alone, the next one from the article: "arrives on the 14th",
    # Portuguese and Spanish "estreia no próximo dia 17", "el día 9". Only where nothing
    # else follows that makes the ordinal a rank or a count ("on the 14th floor", "the
    # 14th of May" is read above).
    (
        "dom",
        r"(?i:\b(?:on|from|starting|beginning)\s+the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b"
        r"(?=\s*(?:[.,;:!?)\u2014]|$|(?:at|with|in|on|for|and|via|exclusively|only)\b))"
        r"|\bd[i\u00ed]a\s+(?P<d2>[0-3]?\d)(?!\d|\s*(?:de|del|do|da)\s|\s*[:h.,]\d))",
        ("dom",),
    ),
]
# Text every match of a pattern holds, so a sentence without it cannot match: most
# sentences pass few of these (and most that hold a digit hold no year, slash or month).
# Case-sensitive ones as the patterns spell them...
_MONTH_GATE = re.compile(
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
)
_DIGIT = re.compile(r"\d")
_YEAR_GATE = re.compile(r"(?:19|20)\d\d")
_SLASH_GATE = re.compile(r"\d/\d")
_DOM_GATE = re.compile(r"\d(?:st|nd|rd|th)\b|d[i\u00ed]a\s+\d", re.IGNORECASE)
# ... and the (?i:) ones as words in the sentence's case_key.
_WORD_GATES = [
    ("season", ("spring", "summer", "autumn", "fall", "winter")),
    ("now", ("today", "tonight", "tomorrow")),
    ("this", ("this", "next")),
    ("holiday", _HOLIDAY_GATE),
    ("last", ("last", "yesterday")),
    ("half", ("half",)),
    ("theyear", ("the year", "the new year")),
]
# The other languages' weekdays (their first four letters), with a digit in the sentence
_FOREIGN_WEEKDAY_GATE = tuple(sorted({w[:4] for w in languages.WEEKDAYS}))
# The other languages' month and season names, asked of a page in another language only
_FOREIGN_GATE = tuple(sorted({n[:4] for n in languages.MONTHS} | set(languages.SEASONS)))


def _gates(sentence: str, foreign: bool = False) -> set[str]:
    """The names of the gates the sentence passes. Each costly test runs after a cheap
    one it implies: "digit" is asked only with a month (the patterns needing it need
    one), a year only with "19" or "20", a slash only with "/", and those and a day of
    the month only with a digit."""
    passed = set()
    digit = _DIGIT.search(sentence) is not None
    if _MONTH_GATE.search(sentence):
        passed.add("month")
        if digit:
            passed.add("digit")
    if "day" in sentence:
        passed.add("day")
    if digit:  # (a year, a slash's date and a day of the month are all written with one)
        if ("19" in sentence or "20" in sentence) and _YEAR_GATE.search(sentence):
            passed.add("year")
        if "/" in sentence and _SLASH_GATE.search(sentence):
            passed.add("slash")
        if _DOM_GATE.search(sentence):
            passed.add("dom")
    if foreign and "year" in passed:
        passed.add("fyear")
    key = case_key(sentence)
    for name, words in _WORD_GATES:
        for word in words:
            if word in key:
                passed.add(name)
                break
    if foreign:  # (an English page never asks: seventy names to try on every sentence)
        for word in _FOREIGN_GATE:
            if word in key:
                passed.add("foreign")
                break
        for word in _FOREIGN_RELATIVE_GATE:
            if word in key:
                passed.add("foreign_rel")
                break
        if digit:
            for word in _FOREIGN_WEEKDAY_GATE:
                if word in key:
                    passed.add("fweekday")
                    break
        if not sentence.isascii() and _CJK_GATE.search(sentence):
            passed.add("cjk")
    return passed


# A bare weekday is a date only after a release verb in its clause ("premieres
# Friday", "drops all episodes on Thursday"), not "at its presentation on Wednesday".
_WEEKDAY_CUE = re.compile(
    r"\b(?:premieres?|premiering|arrives?|arriving|debuts?|debuting|drops?|dropping|lands?|"
    r"returns?|launch(?:es)?|bows?|opens?|opening|airs?|releases?|streams?|streaming|out|hits?|"
    r"available|starts?|starting|begins?|kicks?\s+off|(?:is|are|['\u2019][sr]e?)\s+back|coming|"
    r"due|set|"
    r"slated|scheduled)\b[^,.;:]{0,40}$"
    # a weekly guide's line: "Coming to Netflix: Friday"
    r"|\b(?:coming|arriving|streaming|premiering|out|new)\b[^.;:]{0,30}:\s*$",
    re.IGNORECASE,
)
_WEEKDAY_CUE = gated(_WEEKDAY_CUE)
# A bare weekday after a premiere verb in the past tense ("opened its tenth season on
# CBS Monday night", "premiered Sunday"): the premiere's day, before the article.
_PAST_CUE = re.compile(
    r"\b(?:premiered|debuted|opened|returned|launched|bowed|kicked\s+off|began|started)\b"
    r"[^,.;:]{0,40}$",
    re.IGNORECASE,
)
# A release in the past tense before "last night" / "yesterday": the day it happened.
_PAST_DAY_CUE = re.compile(
    r"\b(?:premiered|debuted|opened|returned|launched|bowed|kicked\s+off|began|started|aired|"
    r"arrived|dropped|landed|released|came\s+out|hit\s+\S+)\b[^,.;:]{0,40}$",
    re.IGNORECASE,
)
# "Last night's premiere episode", "yesterday's season opener": the day names its event.
_OWN_PREMIERE = re.compile(
    r"['\u2019]s\s+(?:[\w-]+\s+){0,3}?(?:premiere|debut|opener|return|launch)\b", re.IGNORECASE
)
# A ratings column reports a premiere that happened: "Monday's premiere drew 7 million
# viewers", "the season premiere on Thursday night drew a lower rating".
_RATINGS = re.compile(
    r"\b(?:drew|averaged|attracted|pulled\s+in|held\s+up|came\s+in|ratings?|viewers|"
    r"audiences?|numbers|adults\s+18-49|demo|share)\b",
    re.IGNORECASE,
)
# A bare weekday in a past-tense report is the day the news happened, not a release.
# Where a clause joined to the one before opens: ", but", ", and", "; ".
_CLAUSE_JOIN = re.compile(r"[;:]\s*|,\s*(?:but|and|so|yet|while|though)\s+", re.IGNORECASE)


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts: after the last join before it."""
    joins = [m.end() for m in _CLAUSE_JOIN.finditer(text, 0, position)]
    return joins[-1] if joins else 0


_PAST_NEWS = re.compile(
    r"\b(?:premiered|debuted|released|dropped|unveiled|revealed|announced|shared|posted|"
    r"launched|aired|arrived|landed|opened|said|confirmed|told|was|were)\b",
    re.IGNORECASE,
)
# A number that numbers a part of the work ("Part 1", "Volume 2", "Season 3") is no day
# of the month, though a month follows: "Part 1 August 6" is August 6, not 1 August.
_NUMBERED_PART = re.compile(
    r"\b(?:part|volume|vol\.|chapter|season|series|episode|book)\s+$", re.IGNORECASE
)
# "a week from Friday": the Friday after the coming one.
_WEEKS_FROM = re.compile(r"\b(a|one|two|three)\s+weeks?\s+from\s+(?:this\s+)?$", re.IGNORECASE)
_WEEK_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3}
# The kinds whose scan the gate (gate.py) makes cheaper: a month's or a word's name
# starts each match, found before the pattern is tried ("mdy": 2.5x, "my": 1.8x).
_GATED = {"mdy", "my", "monthrel", "now", "year"}
_COMPILED = [
    (kind, gated(re.compile(pattern)) if kind in _GATED else re.compile(pattern), frozenset(gates))
    for kind, pattern, gates in _PATTERNS
]
_RUNNABLE: dict[frozenset[str], list[tuple[str, re.Pattern[str]]]] = {}


def _runnable(passed: frozenset[str]) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns, in order, whose gates a sentence passing `passed` passes (the others
    need text it lacks: no match to take a span); a few dozen combinations occur."""
    runnable = _RUNNABLE.get(passed)
    if runnable is None:
        runnable = [(kind, pattern) for kind, pattern, gates in _COMPILED if gates <= passed]
        _RUNNABLE[passed] = runnable
    return runnable


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # "2023-08-03", "2023-08", "2023-summer", "2023"
    precision: str  # day | month | season | year
    relative: bool = False  # resolved from the publish date
    # Where the year came from when the document has no publish date ("url", "meta",
    # "headline", "text"):
    # a fallback (see YearHint), said by the year_inferred rule.
    inferred: str = ""


@dataclass(frozen=True)
class YearHint:
    """A stand-in for a missing publish date, to give a year to dates written without
    one: the date in the page's URL (/2018/05/, /2016/, -20220121-) or the year of the
    latest full date its text states. A URL with a day is as good as a publish date;
    with a month or a year only, or from the text, it dates "Sept. 2" and "next year"
    but not "Friday" or "tomorrow", which need the day."""

    day: date
    precision: str  # day | month | year
    source: str  # url | meta (a publish month without a day) | headline | text


def find_dates(
    sentence: str,
    published: date | None,
    hint: YearHint | None = None,
    day_first: bool = False,
    foreign: bool = False,
) -> list[DateMention]:
    """Every date in a sentence that can be resolved to a value, in order, not overlapping.
    `hint` stands in for a missing `published` (YearHint); `day_first`: the page is
    British (or of a country that writes 02/01/2025 for January 2nd); `foreign`: the page
    is in another language (languages.py), whose dates are read too."""
    if published is None and hint is not None:
        if hint.precision == "day":
            return [
                replace(m, inferred=hint.source) if m.relative else m
                for m in find_dates(sentence, hint.day, None, day_first, foreign)
            ]
        return _find_dates(sentence, None, hint, day_first, foreign)
    return _find_dates(sentence, published, None, day_first, foreign)


def _find_dates(
    sentence: str, published: date | None, hint: YearHint | None, day_first: bool, foreign: bool
) -> list[DateMention]:
    found: list[DateMention] = []
    for kind, match in _spans(sentence, foreign):
        mention = _resolve(kind, match, published, day_first, foreign)
        if mention is None and hint is not None and _may_hint(kind, match, hint):
            mention = _resolve(kind, match, _hinted(hint), day_first, foreign)
            if mention is not None:
                mention = replace(mention, inferred=hint.source)
        if mention is not None:
            found.append(mention)
    found.sort(key=lambda m: m.start)
    if published is not None and len(found) > 1:
        found = _in_a_dated_past(found, published)
        found = _moved_on(sentence, found)
        found = _that_year(sentence, found)
    if published is not None and found:
        found = _moved_ahead(sentence, found, published)
    return found


def _moved_ahead(sentence: str, found: list[DateMention], published: date) -> list[DateMention]:
    """A date a move sends the work to lies ahead of the news: "pushing Kingsman back to
    October 6" written in late November is next October, though the nearest-year reading
    of a bare "October 6" gives the October just gone. Not in a sentence telling of a
    release that has happened ("after its move to March 3, it opened to ...")."""
    today = published.isoformat()
    result = list(found)
    for i, mention in enumerate(result):
        if not mention.relative or mention.precision not in ("day", "month"):
            continue
        if mention.value >= today[: len(mention.value)]:
            continue
        if not _MOVED_TO.search(sentence, max(0, mention.start - 60), mention.start):
            continue
        if _RELEASED_SINCE.search(sentence):
            continue
        year, rest = mention.value.split("-", 1)
        moved = f"{int(year) + 1}-{rest}"
        if mention.precision == "day" and _a_year_on(mention.value) is None:
            continue  # (February 29th)
        result[i] = replace(mention, value=moved)
    return result


# A move's verb and its "to" right before the date: "pushed back to", "moves to", "delayed
# until", "has been shifted to the" (a move up to an earlier date is still ahead of the news)
_MOVED_TO = re.compile(
    r"\b(?:push|pushe[sd]|pushing|move[sd]?|moving|delay(?:s|ed|ing)?|postpon(?:e|es|ed|ing)|"
    r"shift(?:s|ed|ing)?|bump(?:s|ed|ing)?|reschedul(?:e|es|ed|ing)|slid(?:e|es|ing)?|"
    r"slip(?:s|ped|ping)?)\b(?:\s+[\w'\u2019:.-]+){0,6}?\s+(?:back\s+|out\s+|up\s+)?"
    r"(?:to|until|till)\s+(?:(?:the|a|an|its)\s+)?(?:[A-Za-z]+day,?\s+)?$",
    re.IGNORECASE,
)
# A sentence that tells of the release as done: the move it names is history.
_RELEASED_SINCE = re.compile(
    r"\b(?:opened|premiered|debuted|aired|grossed|hit\s+(?:theaters|theatres|cinemas)|"
    r"was\s+released|were\s+released)\b",
    re.IGNORECASE,
)


@remembered
def _spans(sentence: str, foreign: bool) -> tuple[tuple[str, re.Match[str]], ...]:
    """Each pattern's matches (kind, match) that a date is read from, in the patterns'
    order: not overlapping a span taken before (an unresolvable span still hides its
    parts). What they resolve to depends on the publish date, the hint and the page's
    day-first order; which spans they are does not, so a sentence read for its stated
    years and again for its dates is scanned once (memo.py)."""
    passed = _gates(sentence, foreign)
    if not passed:
        return ()
    spans: list[tuple[str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _runnable(frozenset(passed)):
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if kind == "dmy" and _NUMBERED_PART.search(sentence, 0, start):
                continue  # "Part 1 August 6": the number is the part's, the date follows
            taken.append((start, end))
            spans.append((kind, match))
    return tuple(spans)


def _moved_on(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """A move "from <date> to <date>" goes forward in time unless the text says it is
    brought forward: "delayed from its June 27th slot (2008) to the October 3rd weekend"
    written in November 2007 is October 2008, not the October just gone, which the
    nearest-year reading of a bare "October 3rd" would give."""
    result = list(found)
    for i in range(1, len(result)):
        old, new = result[i - 1], result[i]
        if not (new.relative and new.precision == "day" and old.precision == "day"):
            continue
        if new.value >= old.value or not _FROM_TO.match(sentence, old.end, new.start):
            continue
        if not _FROM_BEFORE.search(sentence, max(0, old.start - 30), old.start):
            continue
        if _FORWARD.search(sentence, max(0, old.start - 100), old.start):
            continue  # "moved up from April 25th 2008 to April 11th": earlier, as said
        moved = _a_year_on(new.value)
        if moved is not None:
            result[i] = replace(new, value=moved)
    return result


def _that_year(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """A date without a year that says its year is one named before it: "Elio is set for
    1 March, 2024 ... and Mufasa is due 5 July that year" is 2024's July, whatever the
    article's own year."""
    result = list(found)
    for i, mention in enumerate(result):
        if not mention.relative or mention.precision not in ("day", "month"):
            continue
        if not _THAT_YEAR.match(sentence, mention.end):
            continue
        stated = [m for m in result[:i] if not m.relative and m.value[:4].isdigit()]
        if not stated:
            continue
        value = stated[-1].value[:4] + mention.value[4:]
        try:
            if mention.precision == "day":
                date.fromisoformat(value)
        except ValueError:
            continue  # (February 29th)
        result[i] = replace(mention, value=value, relative=False)
    return result


_THAT_YEAR = re.compile(r",?\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.IGNORECASE)


def _a_year_on(value: str) -> str | None:
    try:
        day = date.fromisoformat(value)
        return day.replace(year=day.year + 1).isoformat()
    except ValueError:
        return None  # February 29th


# A month's own preposition that names an end of a move: "from April", "to July".
_MOVE_END_WORD = re.compile(r"(?:from|to|until|till|into)\s", re.IGNORECASE)
# "from <date> [slot] to [the quiet] <date>", nothing else between
_FROM_TO = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:back\s+)?to\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?$")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:its|their|the|a)\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
_FORWARD = re.compile(r"\b(?:up|forward|earlier|ahead)\b", re.I)


def _in_a_dated_past(found: list[DateMention], published: date) -> list[DateMention]:
    """A sentence of history ("renewed on August 26, 2022, five days after its premiere
    on August 21", in a 2024 article): a date without a year near one stated with its
    year, over a year before the article, is of that year, not of the article's."""
    history = [
        date.fromisoformat(m.value)
        for m in found
        if m.precision == "day" and not m.relative
        and (published - date.fromisoformat(m.value)).days > 365
    ]  # fmt: skip
    if not history:
        return found
    return [
        replace(m, value=_near(date.fromisoformat(m.value), history).isoformat())
        if m.relative and m.precision == "day" and not m.inferred
        else m
        for m in found
    ]


def _near(day: date, anchors: list[date]) -> date:
    """`day` moved to the year that puts it within two months of an anchor, if one does."""
    for anchor in anchors:
        for year in (anchor.year, anchor.year - 1, anchor.year + 1):
            try:
                moved = day.replace(year=year)
            except ValueError:  # February 29th
                continue
            if abs((moved - anchor).days) <= 60:
                return moved
    return day


# The kinds a year alone resolves (a YearHint's year stands in for the publish date's).
_YEAR_KINDS = frozenset(
    {"dmy", "mdy", "numeric", "month", "season", "holiday", "relyear", "half", "monthrel",
     "theyear", "fdmy", "fmdy", "fmonth", "frel", "cjk"}
)

# A year the body gives ("March 2016", its latest full date) is often the release's own:
# "next year" and "this year" counted from it are a guess a year out. A URL's, a stamp's
# or a headline's year is the page's own time, and dates them.
_HINTED_KINDS = {
    "url": _YEAR_KINDS,
    "meta": _YEAR_KINDS,
    "headline": _YEAR_KINDS,
    "text": _YEAR_KINDS - {"relyear", "theyear", "monthrel", "frel", "cjk"},
}


def _may_hint(kind: str, match: re.Match[str], hint: YearHint) -> bool:
    """A hint gives this kind of date its year: a month named "nanti" or "prochain"
    ("Maret nanti", "mars prochain") takes it as a month alone does, a year or a season
    counted from it ("tahun depan") only from a URL, a stamp or a headline."""
    if kind in _HINTED_KINDS[hint.source]:
        return True
    if kind == "fweekday":  # (its month is the nearest with that weekday: a month's hint)
        return hint.precision == "month"
    return kind == "frel" and (match.group("u1") or match.group("u2")).lower() in languages.MONTHS


def _hinted(hint: YearHint) -> date:
    """The stand-in publish date a hint gives: with a month, its first day (news looks
    ahead from it, as from a publish date); with a year only, January 1st, which keeps
    every month and day in that year."""
    if hint.precision == "month":
        return hint.day.replace(day=1)
    return date(hint.day.year, 1, 1)


_FOREIGN_KINDS = {
    "fdmy": "dmy", "fmdy": "dmy", "fmy": "my", "fmonth": "month", "fseason": "season",
    "fyear": "year",
}  # fmt: skip


def _day_number(token: str) -> int:
    """A day as the date writes it: "14", "1er", "14. " or a word ("dos de ")."""
    digits = token[:2].rstrip(". \u00ba\u00b0er")
    if digits.isdigit():
        return int(digits)
    return languages.DAY_WORDS[token.split()[0].lower()]


def _foreign_month(token: str) -> int:
    return languages.MONTHS[token.lower()]


def _month(token: str) -> int:
    if not (token[0].isupper() and (token[1:2].islower() or token.isupper())):
        raise ValueError(token)  # "we may 3D print", "they march 2 miles": no month
    return MISSPELLED_MONTHS.get(token.lower()) or MONTHS[token[:3].lower()]


def _resolve(
    kind: str,
    match: re.Match[str],
    published: date | None,
    day_first: bool = False,
    foreign: bool = False,
) -> DateMention | None:
    start, end = match.span()
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    month_of = _month
    if kind in _FOREIGN_KINDS:
        # the other languages' dates read as their English shapes, their months by name
        kind, month_of = _FOREIGN_KINDS[kind], _foreign_month
    try:
        if kind in ("dmy", "mdy", "iso"):
            month = int(groups["mo"]) if kind == "iso" else month_of(groups["m"])
            day = _day_number(groups["d"])
            if year is None:
                if published is None:
                    return None
                year = _nearest_year(published, month, day)
                if groups.get("wd"):  # "Sunday, June 10": the year it falls on a Sunday
                    year = _weekday_year(year, month, day, groups["wd"])
            value = date(year, month, day)
            return DateMention(start, end, value.isoformat(), "day", groups.get("y") is None)
        if kind == "my":
            return DateMention(start, end, f"{year:04d}-{month_of(groups['m']):02d}", "month")
        if kind == "month":
            if published is None:
                return None
            if groups.get("m") and _MOVE_END_WORD.match(match.group()):
                # "from April to July": the words of a move's ends stay outside the date,
                # where the move's rules read them, as they do before "April 3"
                start = match.start("m")
            if groups.get("nx"):  # "next May": the first May after the article's month
                month = month_of(groups["m"])
                year = published.year + (month <= published.month)
                return DateMention(start, end, f"{year:04d}-{month:02d}", "month", True)
            month = month_of(groups["m"] or groups["m2"])
            if year is not None:  # "en mars 2025": a foreign month the planet's name shares
                return DateMention(start, end, f"{year:04d}-{month:02d}", "month")
            year = _nearest_year(published, month, 1)
            return DateMention(start, end, f"{year:04d}-{month:02d}", "month", True)
        if kind == "season":
            season = SEASONS.get(groups["s"].lower()) or languages.SEASONS[groups["s"].lower()]
            if year is None:
                # "this summer"; a bare "summer" is not a date
                prefix = match.string[max(0, start - 8) : start].lower()
                if published is None:
                    return None
                if re.search(r"\b(this|next)\s*$", prefix):
                    year = published.year + (1 if prefix.rstrip().endswith("next") else 0)
                    if prefix.rstrip().endswith("next") and (
                        _SEASON_START[season] - published.month >= _SEASON_AHEAD
                    ):
                        # "will return next fall" written in March: the coming fall,
                        # months away (a network's spring renewal); in July, next year's
                        year -= 1
                    start = start - (
                        len(prefix) - prefix.rfind("this" if "this" in prefix else "next")
                    )
                elif (
                    _TO_THE_SEASON.search(match.string, max(0, start - 12), start)
                    and (groups["q"] or "").strip().lower() == "the"
                    and _SEASON_ALONE.match(match.string, end)
                ):
                    # "rescheduled the debut to the fall", "returns in the fall": the
                    # coming one (next year's once this year's has passed)
                    year = published.year + (published.month > _SEASON_END[season])
                else:
                    return None
            return DateMention(start, end, f"{year:04d}-{season}", "season", groups["y"] is None)
        if kind == "holiday":
            if _NEAR_HOLIDAY.search(match.string, max(0, start - 30), start):
                return None  # "just in time for Thanksgiving": a reference, not the date
            if groups["h"].lower() == "christmas" and not _CHRISTMAS_AS_A_DAY.search(
                match.string, max(0, start - 12), start
            ):
                # "the Christmas tree", "at Christmas": the season, not the day; "moves to
                # Christmas 2026": the holiday frame, whose day the text gives elsewhere
                return None
            on = HOLIDAYS[groups["h"].lower()]
            relative = year is None
            if year is None:
                if published is None:
                    return None
                shift = {"this": 0, "next": 1, "last": -1}.get((groups["rel"] or "").lower())
                if shift is not None:
                    year = published.year + shift
                else:
                    day = on(published.year)
                    year = _nearest_year(published, day.month, day.day)
            return DateMention(start, end, on(year).isoformat(), "day", relative)
        if kind == "lastnight":
            if published is None:
                return None
            if not (
                _PAST_DAY_CUE.search(match.string, max(0, start - 60), start)
                or _OWN_PREMIERE.match(match.string, end)
            ):
                return None  # "made the move yesterday of pulling ...": the news's day
            if groups["wd"]:
                back = (published.weekday() - WEEKDAYS.index(groups["wd"].lower())) % 7 or 7
            else:
                back = 1  # "last night", "yesterday": the day before the article
            value = published - timedelta(days=back)
            return DateMention(start, end, value.isoformat(), "day", True)
        if kind == "relmonth":
            if published is None:
                return None
            first = published.replace(day=1)
            if groups["w"].lower() == "next":
                first = (first + timedelta(days=32)).replace(day=1)
            return DateMention(start, end, f"{first.year:04d}-{first.month:02d}", "month", True)
        if kind == "cjk":
            return _cjk(match, published)
        if kind == "dom":
            return _day_of_month(match, published)
        if kind == "fweekday":
            return _weekday_and_day(match, published)
        if kind == "frel":
            return _foreign_relative(match, published)
        if kind == "half":
            if year is None:
                if (groups["w"] or "").lower() not in ("this", "next") and published is None:
                    return None
                if published is None:
                    return None
                year = published.year + (1 if (groups["w"] or "").lower() == "next" else 0)
            return DateMention(start, end, f"{year:04d}", "year", groups.get("y") is None)
        if kind == "monthrel":
            if published is None:
                return None
            year = published.year + (1 if groups["w"].lower() == "next" else 0)
            value = f"{year:04d}-{_month(groups['m']):02d}"
            if groups.get("d"):
                try:
                    day = date(year, _month(groups["m"]), int(groups["d"]))
                except ValueError:
                    return None
                return DateMention(start, end, day.isoformat(), "day", True)
            return DateMention(start, end, value, "month", True)
        if kind == "theyear":
            if published is None:
                return None
            quality = (groups["q"] or "").lower()
            if not groups["n"] and not quality:
                return None  # "in the year": no time of its own ("in the year 2000")
            # "the new year", or "early in the year" written in its last two months: the next
            ahead = bool(groups["n"]) and published.month >= 9 or (
                quality == "early" and published.month >= 11
            )
            value_year = published.year + (1 if ahead else 0)
            return DateMention(start, end, f"{value_year:04d}", "year", True)
        if kind == "relyear":
            if published is None:
                return None
            value_year = published.year + (1 if groups["w"].lower() == "next" else 0)
            return DateMention(start, end, f"{value_year:04d}", "year", True)
        if kind == "now":
            if published is None:
                return None
            value = published + timedelta(days=1 if groups["w"].lower() == "tomorrow" else 0)
            # (the word alone: "today's big Netflix drop" names the day, then its release)
            return DateMention(match.start("w"), match.end("w"), value.isoformat(), "day", True)
        if kind == "relday":
            if published is None:
                return None
            target = WEEKDAYS.index(groups["wd"].lower())
            ahead = (target - published.weekday()) % 7
            if groups["w"].lower() == "next" and ahead == 0:
                ahead = 7
            value = published + timedelta(days=ahead)
            return DateMention(start, end, value.isoformat(), "day", True)
        if kind == "year":
            return DateMention(start, end, f"{year:04d}", "year")
        if kind == "numeric":
            return _numeric(match, published, day_first, foreign)
        if kind == "weekday":
            prefix = match.string[max(0, start - 60) : start]
            if published is None:
                return None
            past = _PAST_CUE.search(prefix) is not None
            if not (past or groups["own"] or _WEEKDAY_CUE.search(prefix)):
                return None
            if re.search(r"\b(?:a|an|every|each|any|one|some|following)\s+$", prefix, re.I):
                return None  # "on a Wednesday night" is no particular day
            target = WEEKDAYS.index(groups["wd"].lower())
            ratings = _RATINGS.search(match.string) is not None
            if past or ((groups["own"] or _WEEKDAY_CUE.search(prefix)) and ratings):
                # "opened its tenth season on CBS Monday night" in a ratings column: the
                # last such day before the article (its numbers come the day after); a
                # plain past report counts the article's own day: "premiered on Friday"
                # written on a Friday is that day (a week before is "last Friday")
                back = (published.weekday() - target) % 7 or (7 if ratings else 0)
                return DateMention(start, end, (published - timedelta(days=back)).isoformat(),
                                   "day", True)  # fmt: skip
            if _PAST_NEWS.search(match.string, _clause_start(match.string, start)):
                # "Netflix on Saturday dropped the teaser": the news's own day (its clause's
                # verbs only: "It was a long road, but it returns on Sunday" is the return's)
                return None
            value = published + timedelta(days=(target - published.weekday()) % 7)
            weeks = _WEEKS_FROM.search(prefix)
            if weeks:
                # "a week from Friday", "two weeks from Sunday": counted past that day
                value += timedelta(weeks=_WEEK_COUNTS[weeks.group(1).lower()])
            return DateMention(start, end, value.isoformat(), "day", True)
    except (ValueError, KeyError):
        return None
    return None


def _day_of_month(match: re.Match[str], published: date | None) -> DateMention | None:
    """ "the 14th", "dia 17": that day of the article's month, or of the next month when
    it has passed (a day already gone is reported in the past tense, which moves it)."""
    if published is None:
        return None
    day = int(match.group("d") or match.group("d2"))
    month_start = published.replace(day=1)
    if day < published.day:
        month_start = (month_start + timedelta(days=32)).replace(day=1)
    try:
        value = month_start.replace(day=day)
    except ValueError:
        return None  # "the 31st" of a month of thirty days: no such date
    start, end = match.span()
    return DateMention(start, end, value.isoformat(), "day", True)


def _weekday_and_day(match: re.Match[str], published: date | None) -> DateMention | None:
    """ "Nesta quinta-feira, 15": the 15th nearest the article (of its month, the one
    before or the next) that falls on the weekday named; none when no such 15th is near
    (the number is then no day of the month)."""
    if published is None:
        return None
    name = match.group("wn")
    if (
        name[0].isupper()
        and match.start() > 0
        and name.lower() not in languages.CAPITALIZED_WEEKDAYS
    ):
        return None  # "È quello che sta succedendo con Mercoledì 2": a title, not a day
    day, weekday = int(match.group("d")), languages.WEEKDAYS[name.lower()]
    first = published.replace(day=1)
    months = [(first - timedelta(days=1)).replace(day=1), first,
              (first + timedelta(days=32)).replace(day=1)]  # fmt: skip
    near = []
    for month in months:
        try:
            value = month.replace(day=day)
        except ValueError:
            continue
        if value.weekday() == weekday:
            near.append(value)
    if not near:
        return None
    value = min(near, key=lambda d: abs((d - published).days))
    start, end = match.span()
    return DateMention(start, end, value.isoformat(), "day", True)


def _cjk(match: re.Match[str], published: date | None) -> DateMention | None:
    """ "2026년 3월 15일", "2020年7月", "2026년" (a year alone, as "in 2026"), "3월 15일" (in the
    article's year, as "March 15"), "내년" (the article's next year) and "내년 4월 18일" (its
    April 18)."""
    start, end = match.span()
    groups = match.groupdict()
    if groups["rel"]:
        if published is None:
            return None
        year = published.year + languages.CJK_RELATIVE_YEARS[groups["rel"]]
        if groups["mo3"]:  # "내년 4월 18일": next year's April 18, not the nearest one
            month = int(groups["mo3"])
            if not groups["d4"]:
                return DateMention(start, end, f"{year:04d}-{month:02d}", "month", True)
            try:
                value = date(year, month, int(groups["d4"]))
            except ValueError:
                return None
            return DateMention(start, end, value.isoformat(), "day", True)
        return DateMention(start, end, f"{year:04d}", "year", True)
    if groups["relm"]:
        if published is None:
            return None
        ahead = published.month - 1 + languages.CJK_RELATIVE_MONTHS[groups["relm"]]
        try:
            value = date(published.year + ahead // 12, ahead % 12 + 1, int(groups["d3"]))
        except ValueError:
            return None
        return DateMention(start, end, value.isoformat(), "day", True)
    if groups["y"]:
        year = int(groups["y"])
        if not groups["mo"]:
            return DateMention(start, end, f"{year:04d}", "year")
        if not groups["d"]:
            return DateMention(start, end, f"{year:04d}-{int(groups['mo']):02d}", "month")
        value = date(year, int(groups["mo"]), int(groups["d"]))
        return DateMention(start, end, value.isoformat(), "day")
    if published is None:
        return None
    month, day = int(groups["mo2"]), int(groups["d2"])
    value = date(_nearest_year(published, month, day), month, day)
    return DateMention(start, end, value.isoformat(), "day", True)


def _foreign_relative(match: re.Match[str], published: date | None) -> DateMention | None:
    """"diesen Sommer", "l'été prochain", "tahun depan", "Maret nanti": the unit's turn
    counted from the article (this one, or the next)."""
    if published is None:
        return None
    start, end = match.span()
    pre, post = match.group("pre"), match.group("post")
    unit = (match.group("u1") or match.group("u2")).lower()
    if pre is not None:
        shift = languages.RELATIVE_BEFORE.get(pre.lower(), 0)
    else:
        shift = next(
            (n for word, n in languages.RELATIVE_AFTER.items() if re.fullmatch(word, post, re.I)),
            0,
        )
    if unit in languages.SEASONS:
        value = f"{published.year + shift:04d}-{languages.SEASONS[unit]}"
        return DateMention(start, end, value, "season", True)
    if unit in languages.YEAR_NOUNS:
        return DateMention(start, end, f"{published.year + shift:04d}", "year", True)
    if unit in languages.MONTH_NOUNS:
        first = published.replace(day=1)
        if shift:
            first = (first + timedelta(days=32)).replace(day=1)
        return DateMention(start, end, f"{first.year:04d}-{first.month:02d}", "month", True)
    month = languages.MONTHS[unit]
    # "Maret nanti", "nächsten März": the month's next turn; "Juli ini": this year's
    year = published.year + (month < published.month) if shift else published.year
    return DateMention(start, end, f"{year:04d}-{month:02d}", "month", True)


# A season after these words is a coming one: "moved to the fall", "back in the fall".
_TO_THE_SEASON = re.compile(r"(?i:\b(?:to|until|till|into|in|for)\s+$)")
# ... standing as a time ("to the fall, so", "in the fall on CBS"), not a modifier ("the
# fall meat grinder", "the summer schedule").
_SEASON_ALONE = re.compile(
    r"(?i:\s*(?:[,.;:!?)\u2014\u2013-]|$)|\s+(?:and|or|but|on|with|as|to|after|before|when|if|"
    r"so|at|for|from|in|alongside|via)\b)"
)
_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "winter": 12}
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
# How far ahead this year's season must still be for "next <season>" to mean it.
_SEASON_AHEAD = 5


def _numeric(
    match: re.Match[str], published: date | None, day_first: bool = False, foreign: bool = False
) -> DateMention | None:
    """US style is month first ("12/15"); a first number over 12 can only be a day
    (15/12/2023, as British outlets write), and a British page writes day first. A
    weekday before the date ("Fri 10/01/2025") decides between the two. A page in
    another language writes day first, and its schedules leave the year out ("(23/11)")."""
    first, second = int(match.group("a")), int(match.group("b"))
    day_first = day_first or foreign
    month, day = (second, first) if first > 12 or (day_first and second <= 12) else (first, second)
    short = match.group("yy")
    if short is None and (first > 12 or day_first) and not (foreign and (first, second) != (24, 7)):
        return None  # "24/7" is a rate, and an English day-first date carries its year
    if short is None:
        if published is None:
            return None
        year = _nearest_year(published, month, day)
    else:
        year = int(short) + (2000 if len(short) == 2 else 0)
    named = _WEEKDAY_BEFORE.search(match.string, max(0, match.start() - 12), match.start())
    if named and first <= 12 and second <= 12:
        target = _WEEKDAY_ABBR.index(named.group(1)[:3].lower())
        for m, d in ((month, day), (day, month)):
            try:
                if date(year, m, d).weekday() == target:
                    month, day = m, d
                    break
            except ValueError:
                continue
    value = date(year, month, day)
    return DateMention(match.start(), match.end(), value.isoformat(), "day", short is None)


_WEEKDAY_ABBR = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_BEFORE = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+$", re.IGNORECASE)


def _weekday_year(year: int, month: int, day: int, weekday: str) -> int:
    """Of the year given and the ones either side, the first in which month/day falls
    on the weekday the text names ("Sunday, June 10" is 2018's, not 2017's)."""
    target = _WEEKDAY_ABBR.index(weekday[:3].lower())
    for candidate in (year, year + 1, year - 1):
        try:
            if date(candidate, month, day).weekday() == target:
                return candidate
        except ValueError:
            continue
    return year


def _nearest_year(published: date, month: int, day: int) -> int:
    """News looks ahead: a month/day well before the article ("January 15" in a
    December article) is next year's; a recent one is this year's."""
    try:
        candidate = date(published.year, month, min(day, 28))
    except ValueError:
        return published.year
    return published.year + 1 if (published - candidate).days > 120 else published.year


def in_the_past(mention: DateMention, published: date | None) -> DateMention:
    """A date without a year in a past-tense report ("which premiered Feb. 27") is
    on or before the article: the year that puts it there."""
    if not mention.relative or published is None or mention.precision not in ("day", "month"):
        return mention
    year = int(mention.value[:4])
    rest = mention.value[4:]
    limit = published.isoformat()[: len(mention.value)]
    while f"{year:04d}{rest}" > limit:
        year -= 1
    return DateMention(mention.start, mention.end, f"{year:04d}{rest}", mention.precision, True)
