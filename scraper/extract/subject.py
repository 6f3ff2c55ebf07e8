"""Who a sentence is about: the watched title, which season, which part.

A title is matched word by word with any punctuation between (so "Mission:
Impossible - Dead Reckoning" matches the en-dash spelling), case- and accent-
insensitively. Season references come in many spellings: "Season 2", "season
two", "second season", "S2", "series 2", and a bare number after the title
("Stranger Things 5").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from scraper.extract import languages, memo
from scraper.extract.gate import gated
from scraper.extract.text import case_key
from scraper.models import Watch

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
# A season number meaning "some season other than any the watch could be": another
# show's "season 2", "the previous season" (no real season is numbered 0).
OTHER_SEASON = 0
# The part number of "the final part", "the last volume": after every numbered part.
FINAL_PART = 99

# One describing word between an ordinal and its noun: "a fifth hilarious season", "its
# second full season" (lower case: the keyed patterns run on the lowered text too).
_SEASON_ADJECTIVE = (
    r"\s+(?:full|new|final|last|whole|hilarious|thrilling|explosive|epic|gripping|"
    r"long[\s-]awaited|(?:highly|much)[\s-]anticipated|anticipated|brand[\s-]new|"
    r"acclaimed|shortened|extended)"
)
_NUM = r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
# A season aired in halves, lettered: "Season 8B", "season 1a" is season 8, season 1.
_HALF_LETTER = r"(?:(?<=\d)[ab])?"
_ORD = r"(\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")"
# A field whose label is the season noun and whose value is its number: "Upcoming Season:
# 4", "Series: 3" (the number ends the line).
_FIELD_COLON = r"\s*:\s*(?=\d{1,2}\s*$)"
_SEASON_PATTERNS = [
    re.compile(
        r"(?i:\b(?:season|series)(?:\s+|" + _FIELD_COLON + r"))" + _NUM + _HALF_LETTER + r"\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b" + _ORD + r"(?:\s+and\s+(?:final|last)|" + _SEASON_ADJECTIVE + r")?[\s-]+"
        r"(?:season|series|outing|instal+ment)\b",
        re.I,
    ),
    re.compile(r"\bS0?(\d{1,2})(?:\b|(?=E\d))"),
]
# The season the news is about, whatever its number ("the new season arrives...").
_CURRENT_SEASON = re.compile(
    r"\b(?:new|next|upcoming|latest|final|last|forthcoming|coming|sophomore)\s+(?:season|series|"
    r"chapter|episodes|instal+ment)\b",
    re.IGNORECASE,
)
_PREVIOUS_SEASON = re.compile(
    r"\b(?:previous|prior|earlier|past|debut|inaugural)\s+season\b", re.IGNORECASE
)
# For a film: the earlier film of a series is another work.
PREVIOUS_WORK = re.compile(
    r"\b(?:first|original|previous|earlier|last|prior)\s+(?:film|movie|instal+ment|entry)\b"
    r"|\bpredecessor\b",
    re.IGNORECASE,
)
PREVIOUS_WORK = gated(PREVIOUS_WORK)
_PART_WORDS_SOURCE = (
    # (anime news writes "cour" and "cours" for one quarter-year run alike)
    r"\b(?:part|volume|vol\.|chapter|batch|cours?|act|"
    + "|".join(languages.PART_NOUNS)
    + r")\s+(\d{1,2}|one|two|three|four|i{1,3}|iv)\b"
    r"|\b(first|second|third|fourth|final|last)\s+(?:part|volume|half|batch|chapter|cours?|act)\b"
    # ("the second half of 2024" is a window of the year, not of the season)
    r"(?!\s+of\s+(?:(?:this|next|the)\s+year|(?:19|20)\d\d))"
    # the later part named by what is left: "the back half", "the remaining five episodes"
    r"|\b(?P<later>(?:back|latter)\s+half|(?:the\s+)?remaining\s+(?:\w+\s+)?episodes|"
    r"the\s+remaining\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})|"
    r"(?:the\s+)?rest\s+of\s+the\s+(?:season|episodes|series)|"
    r"(?:last|final)\s+(?:two|three|four|five|six|\d)\s+episodes)\b"
)
_PART = re.compile(
    _PART_WORDS_SOURCE
    # a part counted with its counter, as Japanese counts a cour: "第2クール", "2クール目"
    + r"|(?:\u7b2c\s*)?(?<!\d)(?P<counted>\d{1,2})\s*(?:"
    + "|".join(languages.PART_COUNTERS)
    + r")",
    re.IGNORECASE,
)
_PART = gated(_PART)  # (asked of every heading and passage sentence: ~1.5-2x faster)
# The same without the counted alternative, for a sentence that holds no counter (most):
# that alternative finds nothing in it, so the matches are the same, and the words'
# alternatives, all at a word's start, give the gate a start pattern (a counted part
# may start at any digit, so with it every sentence holding a word of it was scanned
# whole: ~15 us a sentence).
_PART_WORDS = gated(re.compile(_PART_WORDS_SOURCE, re.IGNORECASE))
# A title used inside another name: "Queen Charlotte: A Bridgerton Story".
_ARTICLE_BEFORE = re.compile(r"\b(?:A|An)\s+$")
_NAME_AFTER = re.compile(r"^\s+(?!Season|Series|Part|Volume|Vol\b)[A-Z][a-z]+")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr)\.?\s+$")
# "Squid Game: The Challenge", "Stranger Things: The First Shadow": a subtitle
# makes another work of the same name.
# (but "The Walking Dead: The Final Season" is the show's season, no other work)
_SUBTITLE_AFTER = re.compile(
    r"^:\s+(?:The|A|An)\s+(?!(?:Final|Last|New|Next|Complete|Concluding)\s+"
    r"(?:Season|Series|Chapter|Episodes)\b)[A-Z]"
)
# A lower-case word right before a name: the name sits inside a sentence, not a headline.
_PROSE_BEFORE = re.compile(r"\b(?-i:[a-z]+),?\s+$")
# A subtitle: a colon and a capitalized run that is no season, part or news word, ending
# the clause or followed by lower case ("Fallen Kingdom, the sequel", "Original Sin is").
_NAMED_SUBTITLE = re.compile(
    r":\s+(?!(?:Season|Series|Part|Volume|Vol|Chapter|Episode|Book|Act|Cour|The\s+(?:Final|"
    r"Last|New|Next|Complete)|Final|Official|First|New|Trailer|Teaser|Release|Premiere|"
    r"Everything|What|When|How|Who|Why|Netflix|Cast|Review|Recap)\b)"
    r"(?-i:[A-Z][\w'\u2019-]*)(?:\s+(?:(?-i:[A-Z][\w'\u2019-]*)|of|the|and|in|on|to|a)){0,5}"
    r"(?=\s*[,.;)!?\u201d\"]|\s+(?-i:[a-z])(?!\w*\s+\d)|\s*$)"
    r"(?!\s+(?i:season|series|part|volume|chapter)\b)"
)
_FRANCHISE_AFTER = re.compile(r"['\u2019]?s?\s+(?:shared\s+)?(?:franchise|universe|saga)\b", re.I)
# "The prequel Outlander: Blood of My Blood": a spin-off named with its franchise's title.
_SPINOFF_BEFORE = re.compile(r"\b(?:prequel|sequel|spin-?off|companion\s+series)\s+$", re.I)
_SPINOFF_AFTER = re.compile(
    r"^[\s:'s-]*(?:spin-?off|prequel|sequel|franchise|universe|shared universe)\b", re.I
)


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    season: int | None  # None: "the new season" (the one the news is about); OTHER_SEASON


@lru_cache(maxsize=256)
def title_pattern(name: str) -> re.Pattern[str] | None:
    words = re.findall(r"\w+", name)
    if not words:
        return None
    body = r"[\W_]{0,4}".join(re.escape(word) for word in words[1:])
    first = re.escape(words[0])
    if words[0].lower() in ("the", "a", "an") and len(words) > 2:
        # "Last of Us season 2": writers drop a leading article of a longer title
        first = f"(?:{first}[\\W_]{{1,4}})?"
    elif len(words) > 1:
        first += r"[\W_]{0,4}"
    # A name in a script written without spaces between words (Japanese, Chinese) or
    # with its particles joined on (Korean: "킹덤2와", "<보좌관>이다") has no word boundary
    # at that end: the next or the previous character is no other word's letter.
    before = "" if _UNSPACED_SCRIPT.match(words[0][0]) else r"(?<!\w)"
    after = "" if _UNSPACED_SCRIPT.match(words[-1][-1]) else r"(?!\w)"
    return re.compile(before + first + body + after, re.IGNORECASE)


# Hangul, kana and CJK ideographs: the scripts whose names join the words around them.
_UNSPACED_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@lru_cache(maxsize=256)
def alias_numbers(watch: Watch) -> frozenset[int]:
    """The other numbers the watch's aliases give its season: a show numbered two ways
    ("Doctor Who Series 15" is Disney+'s "Season 2") is the watch under either."""
    if watch.season is None:
        return frozenset()
    found = {alias_season(alias) for alias in watch.aliases}
    return frozenset(n for n in found if n is not None and n not in (watch.season, OTHER_SEASON))


@lru_cache(maxsize=256)
def alias_season(alias: str) -> int | None:
    """The season an alias itself names ("Heartstopper S2", "Stranger Things 5")."""
    refs = season_references(alias, None)
    if refs:
        return refs[0].season
    tail = re.search(r"\s(\d{1,2})$", alias.strip())
    return int(tail.group(1)) if tail else None


# Words after a title that name the show, not a season: "Ghosts (US)", "Fallout TV series".
_SHOW_LEVEL_TAIL = re.compile(
    r"^\W*(?:\(.*\)|(?:the\s+)?(?:tv\s+|hbo\s+|netflix\s+)?(?:series|show|anime|drama|"
    r"live[\s-]action|remake|reboot|adaptation)|uk|us|u\.s\.|usa|\d{4})\W*$",
    re.IGNORECASE,
)


def _season_subtitle(alias: str, title: str) -> bool:
    """The alias is the title and a subtitle of its own season ("One Piece: Into the Grand
    Line", "Gotham final season"), not another name of the show ("Ghosts (US)")."""
    pattern = title_pattern(title)
    start = pattern.match(alias.strip()) if pattern is not None else None
    if start is None:
        return False
    tail = alias.strip()[start.end() :]
    return bool(re.search(r"\w", tail)) and _SHOW_LEVEL_TAIL.match(tail) is None


@lru_cache(maxsize=256)
def name_gate(name: str) -> tuple[str, ...]:
    """The words every match of title_pattern(name) holds, as case_key spells them
    (longest first), so a text whose case_key lacks one of them (`lacks(gate, key)`)
    holds no match, found without the pattern's scan. Every word, not only the longest:
    "Savage Empire" is not in a sentence about "Savage Kingdom". Empty when no word
    qualifies (case_key keys only ASCII words exactly)."""
    words = re.findall(r"\w+", name)
    if words and words[0].lower() in ("the", "a", "an") and len(words) > 2:
        words = words[1:]  # the leading article is optional
    keyed = {word.lower() for word in words if word.isascii()}
    return tuple(sorted(keyed, key=lambda word: (-len(word), word)))


def lacks(gate: tuple[str, ...], key: str) -> bool:
    """Whether the case_key `key` lacks a word of a name_gate: the name is not there."""
    for word in gate:  # noqa: SIM110 (a plain loop: any() over a generator costs more)
        if word not in key:
            return True
    return False


@lru_cache(maxsize=256)
def _name_patterns(
    watch: Watch,
) -> tuple[tuple[re.Pattern[str], int | None, tuple[str, ...]], ...]:
    """The watch's title and aliases as (pattern, season the name itself gives, its
    name_gate), longest name first: "Lupin Part 3" (an alias naming its season) wins
    over "Lupin"."""
    names: list[tuple[str, int | None]] = [(watch.title, None)]
    for alias in watch.aliases:
        season = alias_season(alias) if watch.season is not None else None
        if season is not None:
            season = watch.season  # "Doctor Who Series 15" for season 2: its own number
        if season is None and watch.season is not None and _season_subtitle(alias, watch.title):
            season = watch.season  # "Daryl Dixon – The Book of Carol" names the season
        names.append((alias, season))
    ordered = sorted(names, key=lambda n: -len(n[0]))
    patterns = tuple(
        (pattern, season, name_gate(name))
        for name, season in ordered
        if (pattern := title_pattern(name)) is not None
    )
    described = [
        found
        for name in (watch.title, *watch.aliases)
        if (found := _described_sequel(name, watch)) is not None
    ]
    described += [
        found for alias in watch.aliases if (found := _follow_up_of(alias)) is not None
    ]
    return patterns + tuple(described)


_FOLLOW_UP_ALIAS = re.compile(r"^(.*\w)\s+(sequel|prequel|spin-?off|follow-?up)$", re.IGNORECASE)


def _follow_up_of(alias: str) -> tuple[re.Pattern[str], None, tuple[str, ...]] | None:
    """An alias "Unbreakable sequel" also reads the other way round: "a sequel to
    'Unbreakable'", "the prequel to Heat"."""
    named = _FOLLOW_UP_ALIAS.match(alias.strip())
    if named is None:
        return None
    body = title_pattern(named.group(1))
    if body is None:
        return None
    kind = re.escape(named.group(2))
    pattern = re.compile(
        rf"(?<!\w){kind}\s+(?:to|of)\s+['\"\u2018\u201c]?(?:{body.pattern})['\"\u2019\u201d]?(?!\w)",
        re.IGNORECASE,
    )
    return pattern, None, name_gate(named.group(1))


# A numbered film named by its place: "Jumanji 3" is "the third 'Jumanji'", "the next
# Jumanji film", "the untitled Jumanji sequel". ("A new Jumanji film" is left out: it
# comes with news of the making more often than with a date.)
_SEQUEL_NUMBER = re.compile(r"^(.*\w)\s+(\d|ii|iii|iv|v|vi)$", re.IGNORECASE)
_PLACE_WORDS = {number: word for word, number in ORDINAL_WORDS.items()}


def _described_sequel(
    title: str, watch: Watch
) -> tuple[re.Pattern[str], None, tuple[str, ...]] | None:
    if watch.season is not None:
        return None
    numbered = _SEQUEL_NUMBER.match(title.strip())
    if numbered is None:
        return _described_entry(title)
    token = numbered.group(2).lower()
    number = int(token) if token.isdigit() else ROMAN.get(token)
    if number is None or number < 2 or number not in _PLACE_WORDS:
        return None
    name = numbered.group(1)
    body = title_pattern(name)
    if body is None:
        return None
    ordinal = rf"{_PLACE_WORDS[number]}|{number}(?:st|nd|rd|th)"
    place = rf"(?:(?:the|a|an)\s+)?(?:{ordinal})|(?:the|a|an)\s+(?:next|upcoming|untitled)"
    pattern = re.compile(
        rf"(?<!\w)(?:{place})\s+['\"\u2018\u201c]?(?:{body.pattern})['\"\u2019\u201d]?"
        r"(?:\s+(?:film|movie|sequel|instal+ment|entry|chapter))?(?!\w)",
        re.IGNORECASE,
    )
    return pattern, None, name_gate(name)


def _described_entry(title: str) -> tuple[re.Pattern[str], None, tuple[str, ...]] | None:
    """A subtitled film ("Karate Kid: Legends") is also the franchise's new entry: "the
    new 'Karate Kid'", "the next Karate Kid movie" (quoted, or with its noun)."""
    prefix = re.match(r"^(.+?\w)\s*:\s+\S", title.strip())
    if prefix is None:
        # a title that is an article and a name ("The Batman"): the name's new film is
        # the watch, "the new Batman movie" (never the bare name, a character's)
        prefix = re.match(r"^(?:the|a|an)\s+(\w[\w'\u2019-]*)$", title.strip(), re.IGNORECASE)
        if prefix is None:
            return None
        body = title_pattern(prefix.group(1))
        if body is None:
            return None
        pattern = re.compile(
            r"(?<!\w)(?:(?:the|a|an|its|their)\s+)?(?:new|next|upcoming|untitled)\s+"
            rf"(?:{body.pattern})\s+(?:film|movie)(?!\w)",
            re.IGNORECASE,
        )
        return pattern, None, name_gate(prefix.group(1))
    body = title_pattern(prefix.group(1))
    if body is None:
        return None
    pattern = re.compile(
        r"(?<!\w)(?:(?:the|a|an|its|their)\s+)?(?:new|next|upcoming|untitled)\s+"
        rf"(?:['\"\u2018\u201c](?:{body.pattern})['\"\u2019\u201d](?:\s+(?:film|movie))?"
        rf"|(?:{body.pattern})\s+(?:film|movie|sequel|instal+ment|entry|chapter))(?!\w)",
        re.IGNORECASE,
    )
    return pattern, None, name_gate(prefix.group(1))


def title_mentions(
    sentence: str, watch: Watch, key: str | None = None
) -> list[tuple[int, int, int | None]]:
    """(start, end, season named by the alias or None) of each mention of the watch.
    `key` is case_key(sentence) when the caller has it. Several stages and rules ask
    about the same sentence, and news repeats sentences: the answer is remembered (see
    memo.py), by sentence and watch (not by `key`: a caller without it asks the same
    question)."""
    if len(sentence) > memo.LONGEST:
        return list(_title_mentions(sentence, watch, key))
    found = _MENTIONS.get((sentence, watch))
    if found is None:
        if len(_MENTIONS) >= memo.SIZE:
            _MENTIONS.clear()
        found = _MENTIONS[sentence, watch] = _title_mentions(sentence, watch, key)
    return list(found)


def name_spans(sentence: str, watch: Watch) -> list[tuple[int, int]]:
    """Where the watch's names stand in `sentence`, each with the punctuation that ends
    the name itself ("What If...?" keeps its "...?", "Oklahoma!" its "!"): words and marks
    to read as a name, not as cues (a title's "?" asks nothing)."""
    spans = [(start, end) for start, end, _ in title_mentions(sentence, watch)]
    if not spans or not _ends_in_marks(watch):
        return spans
    return [(start, _NAME_MARKS.match(sentence, end).end()) for start, end in spans]


@lru_cache(maxsize=256)
def _ends_in_marks(watch: Watch) -> bool:
    return any(name.rstrip()[-1:] in "?!.\u2026" for name in (watch.title, *watch.aliases) if name)


_NAME_MARKS = re.compile(r"[?!.\u2026]{0,4}")


_MENTIONS: dict[tuple[str, Watch], tuple[tuple[int, int, int | None], ...]] = {}
memo.on_forget(_MENTIONS.clear)


def _title_mentions(
    sentence: str, watch: Watch, key: str | None
) -> tuple[tuple[int, int, int | None], ...]:
    mentions: list[tuple[int, int, int | None]] = []
    if key is None:
        key = case_key(sentence)
    for pattern, season, gate in _name_patterns(watch):
        if lacks(gate, key):
            continue  # a name whose words the sentence lacks: its scan finds nothing
        # The longer names' mentions, sorted: a match overlapping one is part of it. (One
        # pattern's own matches never overlap, so only the earlier patterns' count, and a
        # bisection keeps a paragraph repeating the title linear, not quadratic.)
        taken = sorted(mentions) if mentions else mentions
        starts = [s for s, _, _ in taken]
        for match in pattern.finditer(sentence):
            if _inside_other_name(sentence, match.start(), match.end()):
                continue
            if watch.season is None and _SEQUEL_AFTER.match(sentence, match.end()):
                continue  # watching "Dune": "Dune: Part Two" and "Dune 2" are the sequel
            if _another_kind_called(sentence, match.start(), watch):
                continue  # watching a series: "a documentary called The Bear" is not it
            if taken and _overlaps(taken, starts, match.start(), match.end()):
                continue
            mentions.append((match.start(), match.end(), season))
    return tuple(sorted(mentions))


def _overlaps(
    taken: list[tuple[int, int, int | None]], starts: list[int], start: int, end: int
) -> bool:
    """Whether [start, end) overlaps a span of `taken` (sorted, non-overlapping)."""
    at = bisect_left(starts, end)  # the spans starting before `end`: only the last may reach
    return at > 0 and taken[at - 1][1] > start


# A film's sequel named by its number after the title.
_SEQUEL_AFTER = re.compile(
    # (in any case: a title set in capitals, "IT CHAPTER TWO - Official Trailer")
    r"(?:[:\s\u2013\u2014-]+(?i:Part|Chapter|Vol\.?|Volume)\s+"
    r"(?:(?i:Two|Three|Four|Five)|II|III|IV|V|[2-9])"
    r"|\s+(?:[2-9]|II|III|IV))(?![\w,.:])"
)
# A title that is also a weekday or a month ("Wednesday") is a date in
# "premieres Wednesday, Aug. 6" and "on Wednesday".
_CALENDAR_WORDS = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
    r"august|september|october|november|december",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(
    r"^,?\s+(?:the\s+)?(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
)
_DATE_BEFORE = re.compile(r"\b(?:on|this|next|last|every|until|by|from|since|each)\s+$", re.I)


_OPENING_QUOTES = "\"'\u2018\u201c"
_LONGER_QUOTED = re.compile(
    r"(?:[\s:-]+(?!(?:Season|Series|Part|Volume|Vol)\b)[A-Z0-9][\w'\u2019&.!-]*)+[,.!?]?"
    r"[\"\u2019\u201d']"
)


def _another_kind_called(sentence: str, start: int, watch: Watch) -> bool:
    """A series is watched and the name is given to a work of another kind: "a
    documentary called The Bear", "the novel titled Kiln Street" (a same-named work)."""
    if watch.season is None:
        return False
    return _KIND_CALLED.search(sentence, max(0, start - 60), start) is not None


_KIND_CALLED = re.compile(
    r"\b(?:film|movie|documentary|feature|book|novel|memoir|game|video\s+game|play|musical|"
    r"podcast|album|song|single|comic|manga|short)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:called|titled|entitled|named)\s+[\"'\u201c\u2018]?$",
    re.IGNORECASE,
)


def _longer_name_in_prose(sentence: str, end: int) -> bool:
    """A capitalized word right after the title, in a sentence written in sentence case:
    the title starts a longer name ("Kiln Street Stories premieres ..."). Not a season's
    or a part's word, a month or a weekday, a network; nor in a headline's title case,
    where every word is capitalized."""
    word = _NEXT_NAME_WORD.match(sentence, end)
    if word is None or _CALENDAR_WORDS.fullmatch(word.group(1)) or is_distributor(word.group(1)):
        return False
    words = _LONG_WORDS.findall(sentence)
    lower = sum(w[0].islower() for w in words)
    return lower >= 2 and lower >= 0.25 * len(words)


_NEXT_NAME_WORD = re.compile(
    r"\s+(?!(?:Season|Series|Part|Volume|Vol|Chapter|Episode|Episodes|Book|Act|Cour|Staffel|"
    r"Temporada|Saison|Stagione|Seizoen|Sezon)\b)([A-Z][a-z]{2,})\b"
)
_LONG_WORDS = re.compile(r"[^\W\d_]{4,}")


def names_a_derived_title(sentence: str, watch: Watch) -> bool:
    """The watch's title only inside another work's name: "the Kiln Street spin-off",
    "Kiln Street: Origins", "A Kiln Street Story", a film's "Kiln Street 2" (the
    mentions title_mentions leaves out). Such a sentence is about that other work."""
    key = case_key(sentence)
    for pattern, _, gate in _name_patterns(watch):
        if lacks(gate, key):
            continue
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if _FRANCHISE_AFTER.match(sentence, end):
                continue  # "the end of the Kiln Street universe": the whole, no other work
            if watch.season is None and _SEQUEL_AFTER.match(sentence, end):
                return True
            if _another_kind_called(sentence, start, watch):
                return True
            if _inside_other_name(sentence, start, end) and not (
                _CALENDAR_WORDS.fullmatch(sentence[start:end])
                or _HONORIFIC_BEFORE.search(sentence, max(0, start - 6), start)
            ):
                return True
    return False


def _inside_other_name(sentence: str, start: int, end: int) -> bool:
    before, after = sentence[max(0, start - 4) : start], sentence[end : end + 30]
    if _CALENDAR_WORDS.fullmatch(sentence[start:end]) and (
        _DATE_AFTER.match(after) or _DATE_BEFORE.search(sentence[max(0, start - 8) : start])
    ):
        return True
    if _ARTICLE_BEFORE.search(before) and _NAME_AFTER.match(after):
        return True
    if _longer_name_in_prose(sentence, end):
        return True  # "Kiln Street Stories, the spin-off, ...": a longer title
    if start > 0 and sentence[start - 1] in _OPENING_QUOTES and _LONGER_QUOTED.match(after):
        return True  # '"Superman Returns," opened in 2006': a longer title holding the name
    if _HONORIFIC_BEFORE.search(sentence, max(0, start - 6), start):
        return True  # "The Talented Mr. Ripley": a person's name, not the show
    if _SPINOFF_BEFORE.search(sentence[max(0, start - 20) : start]) and re.match(
        r":\s+[A-Z]", after
    ):
        return True
    if _SPINOFF_AFTER.match(after) is not None or _SUBTITLE_AFTER.match(after) is not None:
        return True
    # "the teaser for Harbor Lights: Low Tide, the sequel to ...": in running prose, a
    # colon and a capitalized name right after the title make a longer title, another work
    # of the franchise (a headline's "Harbor Lights: Trailer Released" is its news)
    return (
        _PROSE_BEFORE.search(sentence, max(0, start - 12), start) is not None
        and _NAMED_SUBTITLE.match(sentence, end) is not None
    )


# Each pattern runs only when the sentence holds words every match of it holds
# (compared case-insensitively through case_key): most sentences skip most of them.
_SEASON_NOUNS = ("season", "series", "chapter", "episodes", "instal", *languages.SEASON_NOUNS)
_ORDINAL_NOUNS = ("season", "series", "outing", "instal")
# _CURRENT_SEASON's words in the case_key, the modifier's common words making a
# word test too weak.
_CURRENT_IN_KEY = re.compile(
    r"(?:new|next|upcoming|latest|final|last|coming|sophomore)\s+"
    r"(?:season|series|chapter|episodes|instal)"
)
_PREVIOUS_WORDS = ("previous", "prior", "earlier", "past", "debut", "inaugural")
# Seasons named together: "the first two seasons", "seasons 1 and 2", "both seasons".
_SEASON_BATCH = re.compile(
    r"\b(?:(?:first|last|previous|past|earlier|prior)\s+(?:two|three|four|five|six|\d)|"
    r"(?:two|three|four|five|six|\d)\s+(?:previous|prior|earlier|past)|both|all|previous|past|"
    r"earlier|prior|older)\s+seasons\b"
    r"|\bseasons\s+(?:\d{1,2}|one|two|three|four|five)\s*(?:,\s*\d{1,2}\s*)*"
    r"(?:and|&|-|\u2013|through|to)\s*(?:\d{1,2}|two|three|four|five|six)\b",
    re.IGNORECASE,
)
# "last season" with no determiner before it is the season before, not the final one.
_BARE_LAST = re.compile(r"last\s+(?:season|series)$", re.IGNORECASE)
_DETERMINED = re.compile(
    r"\b(?:the|its|their|his|her|this|that|a|one|show['\u2019]s|series['\u2019]?|"
    r"drama['\u2019]s|comedy['\u2019]s)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_ORDINALS = tuple(ORDINAL_WORDS)
_DIGIT = re.compile(r"\d")
_DIGIT_SUFFIX = re.compile(r"\d(?:st|nd|rd|th)")
_SHORT_SEASON = re.compile(r"S\d")
# "Stranger Things 5": a bare number right after the title, not an ordinal or a time.
_NUMBER_AFTER_TITLE = re.compile(r"\s+(\d{1,2})(?![\d,.:]|\s*(?:st|nd|rd|th)\b)")
_NAME_AFTER_NUMBER = re.compile(r"\s+[A-Z][a-z]{2}")


def _has_any(key: str, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 (a plain loop: any() over a generator costs more)
        if word in key:
            return True
    return False


# The case-insensitive _SEASON_PATTERNS spelled in lower case, for an ASCII text's
# case_key (its lower(), index for index): they find the spans the originals find in
# the text, and scan far faster than a case-insensitive pattern can. (The first's \b
# is a look back after "se": a pattern opening with text skips to where it occurs.)
_KEYED_SEASON_PATTERNS = [
    re.compile(
        r"se(?<!\wse)(?:ason|ries)(?:\s+|" + _FIELD_COLON + r")" + _NUM + _HALF_LETTER + r"\b"
    ),
    re.compile(
        r"\b" + _ORD + r"(?:\s+and\s+(?:final|last)|" + _SEASON_ADJECTIVE + r")?[\s-]+"
        r"(?:season|series|outing|instal+ment)\b"
    ),
]


@memo.remembered
def _numbered_matches(sentence: str, key: str, digits: bool) -> tuple[re.Match[str], ...]:
    """The matches of the _SEASON_PATTERNS, pattern by pattern, each in order; a pattern
    runs only when the sentence holds its words. Group 1 is the number (any case).
    Remembered (memo.py): a sentence's seasons are read for what it names (classify) and
    again for its references and their owners."""
    numbered, ordinal, short = _SEASON_PATTERNS
    if sentence.isascii():
        numbered, ordinal = _KEYED_SEASON_PATTERNS
        keyed = key
    else:
        keyed = sentence
    matches: list[re.Match[str]] = []
    if "season" in key or "series" in key:
        matches.extend(numbered.finditer(keyed))
    if _has_any(key, _ORDINAL_NOUNS) and (
        _has_any(key, _ORDINALS) or (digits and _DIGIT_SUFFIX.search(key))
    ):
        matches.extend(ordinal.finditer(keyed))
    if digits and _SHORT_SEASON.search(sentence):
        matches.extend(short.finditer(sentence))
    if digits and _has_any(sentence, languages.SEASON_COUNTERS):
        # a season counted as Japanese counts it: "第2期", "2期", "第3シーズン"
        matches.extend(_COUNTED_SEASON.finditer(sentence))
    if _has_any(key, languages.SEASON_NOUNS):
        # another language's season: "Staffel 2", "la segunda temporada", "2. Staffel"
        matches.extend(_FOREIGN_NUMBERED.finditer(sentence))
        matches.extend(_FOREIGN_ORDINAL.finditer(sentence))
        # "Viele Serien bekommen neue Staffeln, die fünfte von The Crown ...": an ordinal
        # standing alone for the season noun said before it
        noun = _FOREIGN_NOUN_ANY.search(sentence)
        if noun is not None:
            matches.extend(_FOREIGN_ELLIPTIC.finditer(sentence, noun.end()))
    if _has_any(key, _ORDINALS_AFTER_WORDS):
        # an ordinal after its noun: "musim kedua", "season ketiganya" (Indonesian)
        matches.extend(_ORDINAL_AFTER.finditer(sentence))
    return tuple(matches)


_FOREIGN_CURRENT = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(languages.CURRENT_SEASON) + r")(?![^\W\d_])", re.IGNORECASE
)
_FOREIGN_NOUN = r"(?:" + "|".join(languages.SEASON_NOUNS) + r")"
_COUNTED_SEASON = re.compile(
    r"(?:\u7b2c\s*)?(?<!\d)(\d{1,2})\s*(?:" + "|".join(languages.SEASON_COUNTERS) + r")"
)
# ("시즌2의": a particle may follow the number with no space, so no word boundary after it)
_FOREIGN_NUMBERED = re.compile(
    r"(?<![^\W\d_])" + _FOREIGN_NOUN + r"\s*(\d{1,2})(?!\d|[.,:]\d)", re.IGNORECASE
)
_FOREIGN_ORDINAL = re.compile(
    r"(?<!\w)("
    + "|".join(sorted(languages.ORDINALS, key=len, reverse=True))
    + r"|\d{1,2}(?:\.\u00aa|\.\u00ba|\.|\u00aa|\u00ba|a|e|\u00e8me|eme))\s+"
    # "die zweite und finale Staffel", "la troisième et dernière saison"
    + r"(?:(?:und|et|y|e)\s+(?:finale|letzte|dernière|derniere|final|última|ultima)\s+)?"
    + _FOREIGN_NOUN
    + r"\b",
    re.IGNORECASE,
)


_SEASON_NOUN_NAME = re.compile(r"(?:seasons?|series|" + _FOREIGN_NOUN + r")\w*", re.I)
_FOREIGN_NOUN_ANY = re.compile(r"(?<!\w)" + _FOREIGN_NOUN, re.IGNORECASE)
_FOREIGN_ELLIPTIC = re.compile(
    r"(?<!\w)(?:die|der|la|le|el|il|a|o)\s+("
    + "|".join(sorted(languages.ORDINALS, key=len, reverse=True))
    + r")(?=\s+(?:von|de|di|du|del|des|do|da|della)\s)",
    re.IGNORECASE,
)
_ORDINALS_AFTER_WORDS = tuple(languages.ORDINALS_AFTER)
_ORDINAL_AFTER = re.compile(
    r"\b(?:season|" + "|".join(languages.SEASON_NOUNS) + r")\s+("
    + "|".join(sorted(languages.ORDINALS_AFTER, key=len, reverse=True))
    + r")(?:nya)?\b",
    re.IGNORECASE,
)


def numbered_seasons(texts: list[tuple[str, bool]], watch: Watch) -> frozenset[int]:
    """The numbers of the watch's seasons the texts (each with whether it names the
    title) name ("Season 6", "its seventh season", an alias naming one), not other
    shows' nor "the new season". A text not naming the title whose first verb has
    another work for its subject ("Chicago Fire returns for its eighth season" in a
    schedule) names that work's season."""
    found: set[int] = set()
    for text, named in texts:
        refs = season_references(text, watch)
        if not refs:
            continue
        if not named and led_by_other_work(text, watch):
            continue
        for ref in refs:
            if ref.season not in (None, OTHER_SEASON):
                found.add(ref.season)
        found.update(s for _, _, s in title_mentions(text, watch) if s is not None)
    return frozenset(found)


def led_by_other_work(text: str, watch: Watch) -> bool:
    """The sentence's first verb has another work for its subject ("Chicago Fire
    returns for its eighth season", "Kenan will be held until 2021")."""
    verb = _FIRST_VERB.search(text)
    return verb is not None and other_work_before(text, verb.start() + 1, watch)


# The first verb of a sentence that names its show: "Chicago Fire returns ...".
_FIRST_VERB = re.compile(
    r"\s(?:returns?|premieres?|begins?|starts?|kicks|launches|debuts|opens|arrives|comes|"
    r"is|are|was|were|will|has|have|had|gets|got|wraps|ends|enters|heads|moves)\b"
)


def season_references(sentence: str, watch: Watch | None) -> list[Reference]:
    """The seasons a sentence names, in order ("Season 2", "the third and final season",
    "series four", "the new season" = None); remembered (memo.py)."""
    return list(_season_references(sentence, watch))


@memo.remembered
def _season_references(sentence: str, watch: Watch | None) -> tuple[Reference, ...]:
    refs: list[Reference] = []
    key = case_key(sentence)
    digits = _DIGIT.search(sentence) is not None
    nouns = _has_any(key, _SEASON_NOUNS)
    foreign_current = _has_any(key, languages.CURRENT_SEASON_GATE)
    if not (digits or nouns or foreign_current):
        return ()  # ("the first outing" alone has never counted)
    for match in _numbered_matches(sentence, key, digits):
        number = _number(match.group(1))
        if number is not None:
            refs.append(Reference(match.start(), match.end(), number))
    if nouns and _CURRENT_IN_KEY.search(key):
        numbered = [(r.start, r.end) for r in refs]
        for match in _CURRENT_SEASON.finditer(sentence):
            if any(a <= match.start() < b for a, b in numbered):
                continue  # "the third and final season" is season 3, said once
            if _BARE_LAST.match(match.group()) and not _DETERMINED.search(
                sentence, max(0, match.start() - 30), match.start()
            ):
                # "Last season premiered in March", "better than last series": the one
                # before; "its last season", "one last season" is the final one
                refs.append(Reference(match.start(), match.end(), OTHER_SEASON))
                continue
            refs.append(Reference(match.start(), match.end(), None))
    if foreign_current:  # "die neue Staffel", "les nouveaux épisodes", "musim baru"
        numbered = [(r.start, r.end) for r in refs]
        for match in _FOREIGN_CURRENT.finditer(sentence):
            if not any(a <= match.start() < b for a, b in numbered):
                refs.append(Reference(match.start(), match.end(), None))
    if "season" in key and _has_any(key, _PREVIOUS_WORDS):
        for match in _PREVIOUS_SEASON.finditer(sentence):
            refs.append(Reference(match.start(), match.end(), OTHER_SEASON))
    if "seasons" in key:
        # "the first two seasons arrive on Hulu", "Seasons 1 and 2 leave": a batch of the
        # library, no season's premiere
        for match in _SEASON_BATCH.finditer(sentence):
            refs.append(Reference(match.start(), match.end(), OTHER_SEASON))
    if watch is not None:
        refs = [_owned(sentence, ref, watch) for ref in refs]
        renumbered = alias_numbers(watch)
        if renumbered:
            refs = [
                Reference(r.start, r.end, watch.season) if r.season in renumbered else r
                for r in refs
            ]
    if watch is not None and watch.season is not None and digits:
        refs.extend(_numbers_after_title(sentence, key, watch))
    return tuple(sorted(refs, key=lambda r: r.start))


def _numbers_after_title(sentence: str, key: str, watch: Watch) -> list[Reference]:
    """ "Stranger Things 5": the season as a bare number after the title, or after a
    name of it in Korean or Japanese, which writes the number on: "킹덤2", "스위트홈2"."""
    refs = []
    for name in (watch.title, *watch.aliases):
        unspaced = _UNSPACED_SCRIPT.match(name.strip()[-1:] or " ") is not None
        if name != watch.title and not unspaced:
            continue
        pattern = title_pattern(name)
        if pattern is None or lacks(name_gate(name), key):
            continue
        after = _NUMBER_JOINED if unspaced else _NUMBER_AFTER_TITLE
        for match in pattern.finditer(sentence):
            tail = after.match(sentence, match.end())
            if tail and not _NAME_AFTER_NUMBER.match(sentence, tail.end()):
                refs.append(Reference(match.start(), tail.end(), int(tail.group(1))))
    return refs


# ... written straight on, a name's particle or a bracket after it: "<킹덤2>와", "미씽2'의"
# (not a date's or a count's number: "2일", "2月", "2期", "2話")
_NUMBER_JOINED = re.compile(
    r"\s*(\d{1,2})(?![\d,.:]|\s*[\uc77c\uc6d4\ub144\u65e5\u6708\u5e74\u671f\u8a71])"
)


def seasons_named(
    sentence: str, key: str, watch: Watch, titles: list[tuple[int, int, int | None]]
) -> tuple[bool, bool]:
    """(the watched season is among them, any is) for the seasons the sentence names:
    its season_references' numbers and those of the aliases in `titles` (the watch's
    title_mentions). The same answer as building that set, without the work that cannot
    change it: "the new season" (no number), and the owner of a number other than the
    watched one (another show's is 0, still some season)."""
    season = watch.season
    named = any(s is not None for _, _, s in titles)
    if season in (s for _, _, s in titles):
        return True, True
    if season is None or season <= OTHER_SEASON:  # (an owned number: take the whole set)
        seasons = {r.season for r in season_references(sentence, watch) if r.season is not None}
        return season in seasons, named or bool(seasons)
    digits = _DIGIT.search(sentence) is not None
    if not (digits or _has_any(key, _SEASON_NOUNS)):
        return False, named
    for match in _numbered_matches(sentence, key, digits):
        number = _number(match.group(1))
        if number is None:
            continue
        named = True
        if number == season or number in alias_numbers(watch):
            ref = Reference(match.start(), match.end(), number)
            if _owned(sentence, ref, watch).season == number:
                return True, True
    if not named and "season" in key and _has_any(key, _PREVIOUS_WORDS):
        named = _PREVIOUS_SEASON.search(sentence) is not None
    if digits:
        for ref in _numbers_after_title(sentence, key, watch):
            if ref.season == season:
                return True, True
            named = True
    return False, named


# Capitalized words that start sentences rather than name shows.
_NOT_NAMES = frozenset(
    [
        *languages.ARTICLES,
        "the",
        "a",
        "an",
        "when",
        "in",
        "on",
        "and",
        "but",
        "its",
        "it's",
        "it",  # "It’s second season", the possessive misspelt with a curly apostrophe
        "their",
        "this",
        "that",
        "netflix",
        "why",
        "how",
        "what",
        "will",
        "new",
        # the season a field labels ("Upcoming Season: 4", "Latest season 3 news")
        "upcoming",
        "next",
        "latest",
        "current",
        "is",
        "for",
        "of",
        "with",
        "as",
        "after",
        "before",
        "while",
        "our",
        "your",
        "his",
        "her",
        "so",
        "if",
        "all",
        "every",
        "both",
        "each",
        # adverbs that open a line ("Only in theaters July 2", "Coming to Netflix ...")
        "only",
        "exclusively",
        "soon",
        "coming",
        "now",
        "finally",
        "officially",
        "streaming",
        "available",
        "out",
        "reminder",
        # words that open a line about a video ("Watch the Season Two teaser", "Recently
        # released trailer")
        "watch",
        "see",
        "recently",
        "newly",
        "just",
        # numbers open a sentence about things counted ("Three dates flash across ..."),
        # never a work's name on their own
        *NUMBER_WORDS,
        *ORDINAL_WORDS,
        # a day owns no season: "Saturday's 45th season premiere", "tonight's season 3 finale"
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "tonight",
        "today",
        "tomorrow",
        "yesterday",
    ]
)
# (a quoted name too: '"House of the Dragon" season 3')
# A name made into a describing word before the season: "the Nic Pizzolatto-directed",
# "the Jenna Ortega-led", "the Tokyo-set".
_DESCRIBING_SUFFIX = re.compile(
    r"-(?:directed|led|starring|created|penned|helmed|fronted|produced|written|backed|set|"
    r"based|centric|focused|hosted|narrated|voiced)$",
    re.IGNORECASE,
)
# A name before a season that ends in a linking word is a topic, not the season's show.
_LINKED_BY_WORD = re.compile(r"\s(?:and|of|the|&|in|on)$")
# A flag that opens a line before a colon or a dash, after a liveblog's time stamp if any:
# "UPDATE:", "BIG NEWS:", "Breaking -", "[1:34PM PDT] EXCLUSIVE:", "Editor's note:".
_NEWS_LABEL = re.compile(
    r"\W*(?:\[[^\]]{1,24}\]\s*)?(?:(?:big|huge|major|more|latest|breaking)\s+)?"
    r"(?:news|updated?|breaking|exclusive|confirmed|official|report|alert|spoilers?|"
    r"editor['\u2019]?s\s+note|correction|clarification|fyi|psa|reminder|announcement)"
    r"\s*(?::|\s[-\u2013\u2014]|[\u2013\u2014])\s*",
    re.IGNORECASE,
)
# (a Latin name's word stops at Japanese or Chinese script: "PVには第2期" is the PV's
# particle, no name owning the season; \w takes kana and kanji as letters)
_NAME_WORD = r"[A-Z](?:(?![\u3040-\u30ff\u3400-\u9fff])[\w&'\u2019-])*"
_NAME_BEFORE = re.compile(
    r"(" + _NAME_WORD + r"(?:\s+(?:and|of|the|&|in|on|" + _NAME_WORD + r")){0,5})"
    r"[\"\u201d]?[\s:,(]*$"
)


@memo.remembered
def _owned(sentence: str, ref: Reference, watch: Watch) -> Reference:
    """A season number right after another show's name ("Shadow and Bone season 2",
    "Ginny & Georgia (Season 2") is that show's: not the watched season. Remembered
    (memo.py): asked of a sentence's numbers by classify, by its references and by the
    season's owner, ~30 us each."""
    if ref.season is None:
        # "the final season of Game of Thrones", "the new season of the flagship": the
        # season the news is about, of another show
        if _of_other_name(sentence, ref, watch) or _OF_PARENT_SHOW.match(sentence, ref.end):
            return Reference(ref.start, ref.end, OTHER_SEASON)
        if not _POSSESSOR_BEFORE.search(sentence, max(0, ref.start - 60), ref.start):
            return ref
        # "Gotham's final season": a name that owns the season, read as a number's below
    if any(
        start <= ref.start and ref.end <= end and season == ref.season
        for start, end, season in title_mentions(sentence, watch)
    ):
        return ref  # inside an alias that names the season: "Mashle Season 2"
    if _of_other_name(sentence, ref, watch):
        return Reference(ref.start, ref.end, OTHER_SEASON)
    before = sentence[max(0, ref.start - 60) : ref.start]
    match = _NAME_BEFORE.search(before)
    if match is None:
        return ref
    name = match.group(1)
    if _NEWS_LABEL.fullmatch(sentence, 0, ref.start):
        return ref  # "UPDATE: Season 5 now opens ...", "BIG NEWS: Season 7 premieres ...":
        # a flag opening the line names no work
    if _SEASON_NOUN_NAME.fullmatch(name):
        return ref  # "neue Staffeln, die fünfte": the season noun itself (German capitals)
    if _DESCRIBING_SUFFIX.search(name):
        return ref  # "The Nic Pizzolatto-directed third season": a maker, no show's name
    if _LINKED_BY_WORD.search(name):
        return ref  # "Production on Season 2", "News of season 3": a topic of the season,
        # linked by a word no title ends with, not its show
    # (the cheap tests first: any one keeps the number the watch's)
    words = name.split()
    if len(words) == 1 and _POSSESSIVE.sub("", words[0].lower()) in _NOT_NAMES:
        return ref
    if all(w.lower() in _NOT_NAMES for w in words):
        return ref
    name_key = case_key(name)
    if any(
        not lacks(gate, name_key) and pattern.search(name)
        for pattern, _, gate in _name_patterns(watch)
    ):
        return ref  # the watch's title or an alias
    if _main_title_of_watch(name, watch):
        return ref  # "Seirei Gensouki 2nd Season" for "Seirei Gensouki: Spirit Chronicles"
    # "Vikings: Valhalla season 3": the name before the number is the end of the watch's title.
    if any(
        _BETWEEN_NAME_AND_NUMBER.fullmatch(sentence, end, ref.start)
        for _, end, _ in title_mentions(sentence[: ref.start], watch)
    ):
        return ref
    return Reference(ref.start, ref.end, OTHER_SEASON)


# A title's subtitle after a colon or a dash: "Mushoku Tensei: Jobless Reincarnation".
_SUBTITLE_SPLIT = re.compile(r"\s*(?::|\s[-\u2013\u2014])\s+\S")


@lru_cache(maxsize=256)
def _main_titles(watch: Watch) -> tuple[re.Pattern[str], ...]:
    """The watch's names without their subtitles, each as a whole-name pattern."""
    found = []
    for full in (watch.title, *watch.aliases):
        split = _SUBTITLE_SPLIT.search(full)
        if split is None or split.start() == 0:
            continue
        pattern = title_pattern(full[: split.start()])
        if pattern is not None:
            found.append(re.compile(pattern.pattern + r"\W*$", re.IGNORECASE))
    return tuple(found)


def _main_title_of_watch(name: str, watch: Watch) -> bool:
    """The name right before a season number is the watch's title without its subtitle:
    writers number a subtitled show's seasons on its main title ("Mushoku Tensei Season
    2" for "Mushoku Tensei: Jobless Reincarnation"). (As the whole name only: "Star
    Wars" before another number is still no mention of "Star Wars: Andor".)"""
    words = name.split()
    while words and words[0].lower() in _NOT_NAMES:
        words.pop(0)  # "Watch the Seirei Gensouki Season 2 PV"
    rest = " ".join(words)
    return bool(rest) and any(pattern.match(rest) for pattern in _main_titles(watch))


# "the second season of Andor": the season of the show named after it.
# Another show named by what it is to the watch: "of the flagship", "of the parent series".
_OF_PARENT_SHOW = re.compile(
    r"\s+of\s+the\s+(?:flagship|mothership|parent\s+(?:show|series)|original\s+(?:show|series))\b",
    re.IGNORECASE,
)
# (also through the season's event: "the second season premiere of Joss Whedon's Dollhouse")
_OF_NAME_AFTER = re.compile(
    # (the name may stand in quotation marks: "season two of \u201cThe Oath\u201d")
    r"(?:\s+(?:premiere|finale|debut|opener|return|launch))?\s+of\s+[\"\u201c\u2018']?([A-Z][\w&'\u2019:.-]*(?:\s+(?:[A-Z][\w&'\u2019:.-]*|of|the|and|&)){0,5})"
)


def other_shows_season(sentence: str, watch: Watch) -> int | None:
    """Where the name of another show starts whose season the sentence numbers
    ("Bridgerton season 2 teaser!", "images for Silo season 2"; -1 for "season two of
    Andor"), None when it numbers none: not a network's ("HBO's second season"), not
    the watch's. (The first such season only.)"""
    key = case_key(sentence)
    digits = _DIGIT.search(sentence) is not None
    if not (digits or _has_any(key, _SEASON_NOUNS)):
        return None
    for match in _numbered_matches(sentence, key, digits):
        number = _number(match.group(1))
        if number is None or number == OTHER_SEASON:
            continue
        ref = Reference(match.start(), match.end(), number)
        if _owned(sentence, ref, watch).season != OTHER_SEASON:
            continue
        if _of_other_name(sentence, ref, watch):
            return -1
        offset = max(0, ref.start - 60)
        named = _NAME_BEFORE.search(sentence[offset : ref.start])
        if (
            named is not None
            and not _POSSESSIVE.search(named.group(1))
            and not is_distributor(named.group(1))
        ):
            # (a possessive is as often a maker's or a character's: "Ryan Murphy's
            # second season", "Okarun and Momo's second season")
            return offset + named.start(1)
    return None


def _of_other_name(sentence: str, ref: Reference, watch: Watch) -> bool:
    """ "Season 2 of Andor" names Andor's season unless the name is the watch's (or
    a network's: "season two of Netflix's Wednesday")."""
    after = _OF_NAME_AFTER.match(sentence, ref.end)
    if after is None:
        return False
    name, start, end = after.group(1), after.start(1), after.end(1)
    words = name.split()
    first = _POSSESSIVE.sub("", words[0])
    owner = next((i for i, word in enumerate(words) if _POSSESSIVE.search(word)), None)
    if owner is not None:
        # "of Netflix's Squid Game", "of Peter Morgan's The Crown": the show is after the
        # owner; "of Peter Morgan's royal drama" names none.
        rest = " ".join(words[owner + 1 :])
        if not rest:
            return False
        name, start = rest, end - len(rest)
        first = rest.split()[0]
    words = name.split()
    if all(w.lower() in _NOT_NAMES for w in words) or is_distributor(first):
        return False
    if _main_title_of_watch(name, watch):
        return False  # "season 2 of “Glass Orchard”": the watch's title less its subtitle
    if is_distributor(name) or _NOT_WORK_WORDS.search(name):
        return False
    return not any(s < end + 2 and start - 2 < e for s, e, _ in title_mentions(sentence, watch))


_POSSESSIVE = re.compile(r"['\u2019]s$")
# A capitalized name in the possessive right before a season without a number.
_POSSESSOR_BEFORE = re.compile(r"[A-Z][\w&-]*['\u2019]s\s+$")
# (also "The Bear's season 3", "Frieren Anime's 2nd Season", "Bluey TV series 4", and a
# listing's tag in brackets, its network first: "Gravel Road (Northcast, Season 3)")
_BETWEEN_NAME_AND_NUMBER = re.compile(
    # (the title's closing quotation mark too: "'Star Trek: Discovery' Season 3")
    r"(?:['\u2019]s)?[\"'\u201d\u2019]?(?:\s*\(\s*[^()\n,]{1,40},\s*|[\s:,(]*)"
    r"(?:(?:TV\s+)?(?:anime|series|show|drama|sitcom)(?:['\u2019]s)?\s+)?",
    re.IGNORECASE,
)


def part_references(sentence: str) -> list[tuple[int, int, int]]:
    """(start, end, number) of "Part 2", "Volume 1", "the second part"."""
    parts = []
    counted = _has_any(sentence, languages.PART_COUNTERS)
    for match in (_PART if counted else _PART_WORDS).finditer(sentence):
        token = (
            match.group(1) or match.group(2) or (counted and match.group("counted")) or ""
        ).lower()
        if match.group("later"):
            number = 2  # (whatever is left comes after the first part)
        else:
            number = (
                FINAL_PART
                if token in ("final", "last")
                else _number(token) or ROMAN.get(token) or 0
            )
        parts.append((match.start(), match.end(), number))
    return parts


_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)$")
_FOREIGN_ORDINAL_DIGITS = re.compile(
    r"(\d+)(?:\.\u00aa|\.\u00ba|\.|\u00aa|\u00ba|a|e|\u00e8me|eme)$"
)


def _number(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    digits = _ORDINAL_DIGITS.match(token)
    if digits:
        return int(digits.group(1))
    number = (
        NUMBER_WORDS.get(token)
        or ORDINAL_WORDS.get(token)
        or languages.ORDINALS.get(token)
        or languages.ORDINALS_AFTER.get(token)
    )
    if number is None and (foreign := _FOREIGN_ORDINAL_DIGITS.match(token)):
        return int(foreign.group(1))  # "2." of "2. Staffel", "2ª temporada"
    return number


# Networks, streamers and studios: they release works, they are not works.
_DISTRIBUTORS = re.compile(
    r"^(?:the\s+)?(?:netflix|hulu|max|hbo(?:\s+max)?|prime(?:\s+video)?|amazon(?:\s+\w+)?|"
    r"apple(?:\s+tv\+?)?|disney\+?|disney\s+plus|paramount\+?|peacock|fx|fxx|amc\+?|starz|"
    r"showtime|bbc(?:\s+\w+)?|itv\w*|channel\s+\d|sky(?:\s+\w+)?|cbs|nbc|abc|fox|the\s+cw|cw|"
    r"crunchyroll|marvel(?:\s+studios)?|lucasfilm|pixar|warner\s+bros\.?|universal|sony|a24|"
    r"lionsgate|neon|searchlight|focus\s+features|mgm|amazon\s+mgm\s+studios|"
    # ("fans can watch all 13 episodes On Demand starting Sept. 9": a way to watch)
    r"(?:video\s+)?on\s+demand|the\s+(?:streamer|network|studio|service|company))$",
    re.IGNORECASE,
)


def is_distributor(name: str) -> bool:
    """A network, streamer or studio, or a season/pronoun word: not a work's name."""
    return bool(_DISTRIBUTORS.match(name) or _NOT_WORK_WORDS.search(name))


_NOT_WORK_WORDS = re.compile(
    # ("Episode" naming a film's instalment is its title's: "Star Wars: Episode IX")
    r"\b(?:Season|Series|Episodes?(?!\s+(?:[IVX]+|[A-Z][a-z]+)\b)|Chapter|Volume|Vol|"
    r"Finale|Premiere|Trailer|Teaser|It|"
    r"This|That|They|He|She|We|Today|Tomorrow|Tonight|Now|Meanwhile|Also|Release|Dates?)\b"
)
# A capitalized name ending right before the verb, after auxiliaries (and a relative
# pronoun: "Gigantic, which has been pushed back to ...", the relative clause's subject).
_AUXILIARIES = re.compile(
    r"(?:,\s*(?:which|that)\b"
    r"|\s+(?:will|is|are|was|were|has|have|had|also|now|officially|finally|still|remains?|"
    r"be|been|set|to|going|scheduled|slated|due|expected|then|already|just|"
    # a plural subject's quantifier: "X and Y will both return", "A, B and C all return"
    r"both|all)"
    # "The Resident has its winter return on ...", "gets a Sunday launch"
    r"|\s+(?:has|have|gets?|makes?|will\s+(?:have|get|make))\s+(?:its|their|a|an)"
    r"(?:\s+(?-i:[a-z])[\w-]*){0,2}(?=\s*$)"
    # "X and Y are the ones actually dated for 2024", "X is the only one set for May"
    r"|\s+(?:is|are|was|were)\s+the\s+(?:only\s+)?ones?(?:\s+(?:actually|already|now|"
    r"officially))?)*\s*$",
    re.IGNORECASE,
)
# A name in apposition to an episode, or in its quoted name, is the episode's ("the premiere
# of Review, 'Locorito / Dream', which aired ...")
EPISODE_NAMED_BEFORE = re.compile(
    r"\b(?:premiere|finale|episode|opener|closer)\b[^,;.]{0,40},\s*"
    r"(?:[\"\u201c\u2018'][^\"\u201d\u2019]{0,60})?$",
    re.IGNORECASE,
)
_QUOTES_AS_SPACES = str.maketrans({'"': " ", "\u201c": " ", "\u201d": " "})
_CLOSING_COMMA = re.compile(r",\s*$")
# (also the last of a list's items, set off by ", and ... ,": "Spider-Man ..., which was
# scheduled for March 2024, and Kraven the Hunter, postponed to August 2024")
_OPENING_COMMA = re.compile(r"[a-z],\s*$|[a-z0-9],\s*and\s+$")
_CAP = r"(?:[A-Z0-9][\w'\u2019&+.!-]*)"
_WORK_BEFORE = re.compile(
    r"(?:^|[\s(\"\u201c\u2018])("
    + _CAP
    + r"(?:(?::\s+|\s+[-\u2013]\s+|\s+(?:of|the|and|in|on|at|for|to|a|an|&|vs\.?)\s+|\s+)"
    + _CAP
    # (a quoted name's closing quote: '“The Handmaid’s Tale” is still ...')
    + r")*)[\"\u201d]?$"
)


def other_work_before(text: str, position: int, watch: Watch) -> bool:
    """The words right before a verb at `position` name another work: its
    grammatical subject is a capitalized title that is not the watch, a network,
    a season or a pronoun ("Star Wars: Skeleton Crew premieres Dec. 3")."""
    window_start = max(0, position - 90)
    # (a name in quotation marks is read as the bare name: '"Star Trek: Picard," will
    # premiere Jan. 23' - the marks become spaces, so that positions hold)
    before = text[window_start:position].translate(_QUOTES_AS_SPACES)
    aux = _AUXILIARIES.search(before)
    stem = (before[: aux.start()] if aux else before).rstrip()
    # A name set off by commas, an appositive to the subject: "the reality spin-off,
    # Harbor Lights: The Challenge, arrives in November" (one comma alone closes a clause)
    closing = _CLOSING_COMMA.search(stem)
    if closing:
        stem = stem[: closing.start()]
    match = _WORK_BEFORE.search(stem)
    if match is None or (closing and not _OPENING_COMMA.search(stem, 0, match.start(1))):
        return False
    name = re.sub(r"['\u2019]s$", "", match.group(1))
    name = re.sub(r"^(?:And|But|While|Whereas|Meanwhile|Also|Then)\s+", "", name)
    if re.match(r"(?:Part|Volume|Vol\.?|Act)\s", name):
        return False  # a part of the season the text is about
    if _WEEKLY_NIGHT.fullmatch(name):
        return False  # "moving to Tuesdays starting on March 7": a time slot, no work
    if not name[:1].isalpha():
        return False
    if not any(c.islower() for c in name) and not _SHOUTED_TITLE.fullmatch(name):
        return False  # an acronym; but a title set in capitals ("DEXTER: ORIGINAL SIN") counts
    words = name.split()
    if all(w.lower().strip(":") in _NOT_NAMES for w in words):
        return False
    if _DISTRIBUTORS.match(name) or _NOT_WORK_WORDS.search(name):
        return False
    if len(words) > 1 and _GENRE_NOUN.fullmatch(words[-1]):
        return False  # "Emmy-Winning Comedy Returns ...": a description in headline case
    if _part_of_watch_name(name, watch):
        return False  # the watch by its subtitle alone ("The Final Reckoning is due ...")
    start = window_start + match.start(1)
    # (the name's capitalized words all count as it: "Emmy® Award")
    if _MODIFIED_WORK_NOUN.match(_NAME_WORDS_END.sub("", text[:start])):
        return False  # "La serie drama candidata agli Emmy Award debutterà": the subject is
        # the series, the name only in what modifies it
    if EPISODE_NAMED_BEFORE.search(text, max(0, start - 120), start):
        return False  # an episode's name: 'the season 3 premiere of Review, "Locorito", which'
    # (a cast list can be long: "starring A, B, C, D and E, will air in April")
    if _PEOPLE_CUE.search(text, max(0, start - 200), start) and not re.search(
        r"['\u2019]s\s", match.group(1)
    ):  # (not "from creator Kurt Sutter's Mayans M.C.": the owner's work)
        return False  # "the comedy starring Ann Lee and Bo Park will return": people
    end = start + len(match.group(1))
    # "Brooklyn Nine-Nine, Good Girls and Manifest will all return": the watch among the
    # names the verb has for its subject is one of them
    start = _list_start(text, start)
    return not any(s < end and start < e for s, e, _ in title_mentions(text, watch))


# A sentence opening on a work's common noun, then lowercase words that modify it up to a
# preposition before a name: "The series nominated for an Emmy Award", "La serie drama
# candidata agli Emmy", "Le film récompensé par ..." ("of" excluded: "the new season of X"
# is X's).
_MODIFIED_WORK_NOUN = re.compile(
    r"\W*(?i:the|this|la|il|lo|le|el|die|der|das)\s+(?:[^\W\d_A-Z][\w'-]*\s+){0,3}?"
    r"(?:series|serie|série|serien|film|show|movie|drama|sitcom|anime|documentary|docuseries)"
    r"(?:\s+[^\W\d_A-Z][\w'-]*){1,6}?\s+"
    r"(?:for|to|at|by|with|from|agli|alla|alle|ai|al|allo|per|con|da|dal|dai|dagli|pour|par|"
    r"avec|aux|au|à|für|mit|bei|zum|zur|por|para|em|pelo|pela)\s+"
    r"(?:(?:an?|the|gli|le|les|la|il|los|las|die|den|dem|un|une|una|uno)\s+)?$",
)
_NAME_WORDS_END = re.compile(r"(?:[A-Z]\S*\s+)+$")
_WEEKLY_NIGHT = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days(?:\s+at)?")
# The link between two names of a list, right before the later one: ", ", " and ", ", and ".
_LIST_LINK = re.compile(r"(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)$")


def _list_start(text: str, start: int) -> int:
    """Where a list of names ending with the name at `start` begins."""
    for _ in range(12):
        link = _LIST_LINK.search(text, max(0, start - 8), start)
        if link is None:
            break
        # (a name's tag between it and the link: "Nancy Drew (season 2), The Flash")
        tag = _TAG_BEFORE.search(text, max(0, link.start() - 30), link.start())
        end = tag.start() if tag else link.start()
        name = _WORK_BEFORE.search(text, max(0, end - 80), end)
        if name is None:
            break
        start = name.start(1)
    return start


_TAG_BEFORE = re.compile(r"\s*\([^()]{1,25}\)$")


# Words that introduce people, not a work, right before a name (and the names listed
# with it): "starring David Mitchell and Robert Webb", "from creators A and B".
_PEOPLE_CUE = re.compile(
    r"\b(?:starring|co-starring|stars|opposite|created\s+by|directed\s+by|written\s+by|"
    r"from\s+(?:creators?|showrunners?|writers?|directors?)"
    # "from Game of Thrones creators David Benioff and D.B. Weiss, which ...": people
    r"|creators?|co-creators?|showrunners?|writers?|directors?|producers?)\s+"
    r"(?:[A-Z][\w.'\u2019-]*+\s*(?:,\s*|\s+and\s+|\s*&\s*)?)*$"
)
_GENRE_NOUN = re.compile(
    r"(?:Comedy|Drama|Dramedy|Sitcom|Thriller|Docuseries|Miniseries|Anime|Anthology|Saga|"
    r"Franchise|Sequel|Prequel|Spinoff|Spin-off|Revival|Reboot)",
    re.IGNORECASE,
)
_SHOUTED_TITLE = re.compile(r"[A-Z][A-Z'\u2019&-]+:?(?:\s+[A-Z][A-Z'\u2019&-]+:?){1,5}")


def _part_of_watch_name(name: str, watch: Watch) -> bool:
    """The watch named by the end of its full name: its subtitle ("The Final Reckoning"
    of "Mission: Impossible - The Final Reckoning"). The start of it is the franchise
    ("Star Wars" of "Star Wars: The Acolyte"), another work."""
    words = [w for w in re.findall(r"\w+", name.lower()) if w not in ("the", "a", "an")]
    if not words:
        return False
    needle = " " + " ".join(words) + " "
    for full in (watch.title, *watch.aliases):
        words_of_full = [w for w in re.findall(r"\w+", full.lower()) if w not in ("the", "a", "an")]
        hay = " " + " ".join(words_of_full) + " "
        if hay.endswith(needle):
            return True
    return False
