"""The words that make a date an announcement, a guess, a denial or another event.

Each is a style-guide rule: an announced date is reported with a release verb
("premieres", "arrives", "is set for"); a hedge ("could", "we hope",
"rumoured") makes it speculation; "yet to be announced" denies it; renewal,
filming and book publication dates are other events.
"""

from __future__ import annotations

import re

from scraper.extract import languages
from scraper.extract.gate import gated

# The other languages' release verbs, hedges and denials (languages.py), asked of a page
# in another language only (DocFacts.foreign): as alternatives of RELEASE, SPECULATION and
# NEGATION they would lengthen every English page's scans.
# (Japanese and Chinese words have no word boundaries to match at: "2026年に放送される".)
FOREIGN_RELEASE = gated(
    re.compile(
        r"\b(?:" + "|".join(languages.RELEASE_WORDS) + r")\b|"
        + "|".join(languages.CJK_RELEASE_WORDS),
        re.IGNORECASE,
    )
)
FOREIGN_HEDGE = gated(
    re.compile(
        r"\b(?:" + "|".join(languages.HEDGE_WORDS) + r")\b|"
        + "|".join(languages.CJK_HEDGE_WORDS),
        re.IGNORECASE,
    )
)
FOREIGN_NEGATION = gated(
    re.compile(
        r"\b(?:" + "|".join(languages.NEGATION_WORDS) + r")\b|"
        + "|".join(languages.CJK_NEGATION_WORDS),
        re.IGNORECASE,
    )
)
# ... and their releases already past ("gestartet war", "se estrenó"): a date without a
# year in such a clause is before the article (candidates.past_tense).
FOREIGN_PAST = gated(
    re.compile(r"\b(?:" + "|".join(languages.PAST_RELEASE_WORDS) + r")\b", re.IGNORECASE)
)

# Where a release goes: "flies into theaters", "swoops onto Disney+", "heads to Netflix".
_STREAMERS = (
    r"netflix|hulu|max|hbo(?:\s+max)?|(?:amazon\s+)?prime\s+video|disney(?:\s+plus)?|"
    r"apple\s+tv|paramount|peacock|bbc\s+(?:iplayer|one|two)|itvx|channel\s+4|sky\s+\w+|"
    r"starz|showtime|fx|amc|britbox|crunchyroll|tubi|mubi"
)  # (a trailing "+" is left out: the word boundary falls before it)
# Broadcast channels a listing line names ("ITV, 9pm", "BBC One, Sunday, 9pm"): the
# streamers and the networks and channels of the US and the UK.
CHANNEL = re.compile(
    r"\b(?:"
    + _STREAMERS
    + r"|bbc\s*(?:one|two|three|four|scotland|[1-4])|itv\s*[1-4x]?|channel\s*[45]|e4|more4|"
    r"film4|sky\s+\w+|u&\w+|alibi|dave|s4c|rt[e\u00e9]\s*(?:one|two|2)?|abc|cbs|nbc|fox|"
    r"the\s+cw|pbs|tnt|tbs|bravo|hbo|syfy|freeform|lifetime|a&e)\b",
    re.IGNORECASE,
)
# What can be the subject of a work's release (the noun right before a release verb):
# the work, its kinds and parts, and who releases it. Any other noun there ("the pandemic
# hit", "a strike landed") makes the verb no release (evidence/rules.py).
WORK_SUBJECTS = frozenset((
    "show", "shows", "series", "season", "seasons", "film", "films", "movie", "movies",
    "episode", "episodes", "pilot", "premiere", "finale", "opener", "sequel", "sequels",
    "prequel", "spinoff", "spin-off", "reboot", "revival", "remake", "adaptation",
    "special", "specials", "installment", "instalment", "entry", "entries", "chapter",
    "chapters", "part", "parts", "volume", "volumes", "half", "batch", "run", "arc",
    "cour", "edition", "story", "saga", "franchise", "title", "titles", "drama", "comedy",
    "sitcom", "thriller", "documentary", "docuseries", "docu-series", "miniseries",
    "anime", "animation", "feature", "features", "blockbuster", "musical", "procedural",
    "mystery", "romance", "western", "horror", "slate", "lineup", "project", "production",
    "release", "version", "cut", "one", "ones", "first", "second", "third", "fourth",
    "fifth", "latter", "former", "rest", "remainder", "next", "latest", "new", "follow-up",
    "followup", "collection", "network", "networks", "streamer", "streamers", "studio",
    "studios", "service", "platform", "channel", "broadcaster", "company", "giant",
    "outlet", "distributor", "label",
))  # fmt: skip

# What a guide's line holds beside a title and a date (the dated_entry rule): the season,
# the kind of start, the hour and the region, the weekday, another date's month (a second
# region's release). "'Orchard Lights' Season 2 (HBO Max, Jan. 8)".
GUIDE_LINE_WORDS = frozenset((
    "season", "series", "part", "volume", "premiere", "premieres", "debut", "return",
    "returns", "finale", "new", "on", "at", "in", "and", "the", "a", "of", "to", "from",
    "us", "uk", "ca", "au", "et", "pt", "ct", "mt", "c", "p", "m", "pm", "am", "tba",
    "limited", "docuseries", "film", "movie", "special", "streaming", "theaters", "cinemas",
    "theatres", "worldwide", "wide", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays",
    "saturdays", "sundays", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
    "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
    "nov", "november", "dec", "december", "one", "two", "three", "four", "five", "six",
    "first", "second", "third", "fourth", "fifth", "sixth", "final",
))  # fmt: skip
# What a show hits that is no screen: "hitting series highs", "hit a record", "hits 10 million".
# "dropped by nearly 50 percent", "drops to 2.1 million": a fall in numbers, no release.
_NOT_A_FALL = (
    r"(?!\s+(?:by|to)\s+(?:(?:nearly|about|almost|roughly|just|around|over|some|only|a)\s+)?"
    r"(?:[\d.]|half|a\s+third|a\s+quarter|series\s+lows?|new\s+lows?|a\s+(?:new\s+|series\s+)?low)"
    r"|\s+off\b|\s+out\b)"
)
_HIT_TARGET = (
    r"\s+(?:(?:series|new|all-time|record|ratings)\s+)?(?:highs?|lows?|records?|milestones?|"
    r"numbers?|the\s+mark|a\s+(?:high|low|record|milestone|nerve|snag|wall)|"
    r"\d[\d,.]*\s*(?:million|billion|k\b|%|viewers|views|streams))"
)
RELEASE = re.compile(
    r"\b(?:premier\w*|releas\w*|arriv\w*|debut\w*|return\w*|launch\w*|drop\w*"
    + _NOT_A_FALL
    + r"|land(?:s|ed|ing)?\b|"
    r"(?<!biggest\s)(?<!big\s)(?<!a\s)(?<!the\s)(?<!smash\s)(?<!surprise\s)hits?(?!\s+of\b)(?!"
    + _HIT_TARGET
    + r")|hitting(?!"
    + _HIT_TARGET
    + r")|stream(?!ers?\b)\w*|out\s+(?:on|in|from)|coming|come\s+out|comes\s+out|airs?|"
    r"airing|bows?|"
    # ("the dates stretching all the way to 2020": a slate's many dates, a noun, no verb)
    r"open(?:s|ed)?|available|due|dated?|(?<!the\s)(?<!these\s)(?<!those\s)(?<!their\s)dates|"
    r"set\s+for|slated|slotted|scheduled|arrives|kick(?:s|ed|ing)?\s+off|"
    # "its Japanese opening is locked for September 15" (not the opening credits or scene)
    r"opening\b(?!\s+(?:credits|titles?|scenes?|sequence|song|theme|remarks|act|lines?|monologue))|"
    r"(?:locked|pegged|penned)(?:\s+in)?\s+for|"
    r"in(?:to)?\s+(?:cinemas|theaters|theatres)|onto\s+(?:screens|"
    + _STREAMERS
    + r")|(?:flies|fly|flying|swoops?|soars?|heads?|heading|comes?|races?|zooms?|sails?|"
    r"storms?|speeds?|dashes|rolls?|makes?\s+(?:its|their)\s+way)\s+(?:back\s+)?to\s+(?:"
    + _STREAMERS
    + r")|mov(?:es|ed|ing)|move\s+(?:up|back|to|from)|delay\w*|postpon\w*|"
    # "the show will resume on Paramount+ in November"
    r"resum(?:e|es|ed|ing)\b|"
    # "Anime Gets Second Season in April 2019", "will have a second season in April"
    r"(?:gets?|getting|will\s+have|to\s+have)\s+(?:an?\s+|its\s+)?(?:[\w-]+\s+)?season\b"
    r"(?=\s+(?:in|on|this|next|starting)\b)|"
    r"push\w*\s+back|reschedul\w*|shift\w*|on\s+netflix|back\s+on|starts?\s+streaming|"
    # a British broadcast: "goes out this Sunday at 9pm on BBC One"
    r"(?:goes|go|going)\s+out(?=\s+(?:on|this|next|at|tonight|tomorrow|from|(?-i:[A-Z])))|"
    # a move without "moves": "slipped to April 2021", "slips into 2025"
    r"slip(?:s|ped|ping)?\s+(?:back\s+)?(?:to|into|until)|"
    # a studio's calendar: "now the studio has it down for October 8", "Paramount+ has
    # the new season down for Sunday" (whatever names the release between)
    r"(?:has|have|had)\s+(?:[\w'\u2019+:-]+\s+){1,6}?(?:down|dated|penned)\s+for|"
    # a studio setting its film for a date: "Relativity has set Mike Flanagan's horror film
    # for April 18, 2014"
    r"(?:has|have|had)\s+set\s+(?:[\w'\u2018\u2019+:.-]+\s+){1,6}?for"
    r"(?=\s+(?:the\s+)?(?:\d|early\b|late\b|mid\b|next\b|this\b|(?-i:[A-Z])))|"
    # "remains on Warner Bros.' calendar for November 3", "stays on the slate for May"
    r"(?:on|in)\s+(?:[\w'\u2019.+:-]+\s+){0,3}?(?:calendar|slate|(?:release\s+)?schedule)"
    r"\s+for|"
    # confirmed or announced for a date: "has been confirmed for September 19th"
    r"(?:confirmed|announced|greenlit|officially\s+set)\s+for(?=\s+(?:the\s+)?(?:\d|early\b|"
    r"late\b|mid\b|next\b|this\b|(?-i:[A-Z])))|"
    # "won't reach our screens until 2023", "hits screens", "graces our screens"
    r"(?:reach\w*|grac\w*|hit\w*)\s+(?:our\s+|your\s+|the\s+)?(?:small\s+|big\s+|tv\s+)?screens\b|"
    # "it will now reach cinemas on April 23", "hits theaters Friday"
    r"(?:reach\w*|hit\w*)\s+(?:the\s+|us\s+|uk\s+)?(?:cinemas|theaters|theatres)\b|"
    # a film taking the cinemas: "invades theaters everywhere", "storms cinemas"
    r"(?:invad|storm|flood|sweep|return)\w*\s+(?:to\s+)?(?:theaters|theatres|cinemas)\b|"
    r"(?<=\s)(?:theaters|theatres|cinemas)\s+(?:everywhere|nationwide|worldwide|across\s+the)\b|"
    # "you can start binge-watching the new episodes from May 18th"
    # (not "you can watch it on YouTube": a video, no release)
    r"(?:(?:start|begin)\s+)?binge[\s-]?(?:watch|stream)\w*(?=[^.;]{0,60}?\b(?:from|on|starting)\b)|"
    r"(?:start|begin)\s+watching(?=[^.;]{0,60}?\bfrom\b)|"
    # the verb right after the date it times: "Then on Mar. 16 comes On My Block"
    # ... or has it for subject: "October 6 brings the first two films"
    r"(?<=\d\s)(?:comes?|brings?)\b|(?<=\d,\s)(?:comes?|brings?)\b|"
    # the travel family without a destination: "season 2 sets sail in 2026"
    r"(?:sets?|setting)\s+sail\b|"
    # "is back in March", "Ghosts is back Oct. 17"; not "Back in December, he left"
    r"(?:is|are|be|['\u2019]s|comes?|coming)\s+back\b(?:\s+in)?|"
    # "brings the innies back in January"
    r"bring(?:s|ing)?(?:\s+[\w'\u2019+-]+){1,4}?\s+back\b|"
    # "series four begins on Wednesday", not "the story begins in 1987" (a setting rule's)
    r"simulcast\w*|broadcast(?:s|ing)?\b|"
    # "catch the first episode of the new season on Friday, October 30th"
    r"(?:first|opening)\s+(?:new\s+)?episode\b|"
    # "will now be out Sept. 17", "is out this Friday"
    r"(?:be|is|are)\s+out(?=\s+(?:on|this|next|from|(?-i:[A-Z])))|"
    # "will come to the platform on Oct. 4", "coming to cinemas in May"
    r"(?:comes?|coming|came|heads?|heading)\s+to\s+(?:the\s+)?(?:platform|service|streamer|"
    r"streaming\s+service|cinemas|theaters|theatres|screens|tv|television|big\s+screen)\b|"
    # "the show will be starting later than ever before: April 24" (not "is starting to")
    r"(?:be|is|are)\s+(?:starting|beginning)\b(?!\s+(?:to|out|off|over|as|from|with)\b)|"
    # "Season 1 does not kick start until this year", "kickstarts on May 2"
    r"kick[\s-]?start(?:s|ed|ing)?(?=\s+(?:on|in|until|till|this|next|with|its|their))|"
    r"(?:begins?|beginning|began|starts?|starting|started)(?=\s+(?:on|at|this|next|from|with|airing|tonight|"
    # "will begin its third and final season on Wednesday"
    r"tomorrow|(?:its|their)\s+(?:[\w-]+\s+){0,4}?(?:season|series|run)\b|"
    # "the first cour starts in January 2021" (a month or a year of this century; "the
    # story begins in 1987" is a setting)
    r"in\s+(?:early\s+|late\s+|mid-?)?(?-i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\b|20\d\d)|"
    # a date written day first or in numbers: "starts 7/23", "begins 23 July"
    r"\d{1,2}/\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?\s+(?-i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
    r"Nov|Dec)[a-z]*\b)|"
    r"(?-i:[A-Z])))|gets?\s+underway|"
    # a move's verbs not above: "is now postponed to October 1, 2021", "redated to May"
    r"postpon\w*|redated|re-dated|brought\s+forward|"
    r"push\w*(?=\s+(?:back|up|forward|from|to|into|out)\b)|"
    # "you can start binge-watching the new episodes from May 18th"
    r"binge[\s-]?watch\w*|bingeable|"
    # a run picked up again: "will resume on Paramount+ in November" (not its filming)
    r"resum(?:e|es|ed|ing)\b(?!\s+(?:its\s+|their\s+)?(?:filming|production|shooting|work|"
    r"talks|negotiations)))\b",
    re.IGNORECASE,
)
RELEASE = gated(RELEASE)


def _NOT_IDIOM(stem: str) -> str:  # noqa: N802 (a pattern builder, read as a pattern)
    """`stem` and the rest of its word, not after a word that makes it an idiom. The
    look-behinds follow the stem, so they cost nothing where the stem is absent."""
    after = "".join(
        f"(?<!{before}{stem})"
        # ("as originally expected", "earlier than expected": the same comparison; "a
        # glimpse of what to expect": the story's content, not a guess at a date)
        # (the adverb hyphenated to the adjective too: "the highly-anticipated new season")
        for before in (r"\bas\s", r"highly[\s-]", r"most[\s-]", r"much\s", "much-", "long-",
                       r"hotly[\s-]", r"eagerly[\s-]", r"\bas\soriginally\s", r"\bas\sinitially\s",
                       r"\bas\spreviously\s", r"\bas\sfirst\s", r"\bas\swidely\s", r"\bthan\s",
                       r"\bwhat\sto\s")
    )  # fmt: skip
    return stem + after + r"\w*"


SPECULATION = re.compile(
    r"\b(?:hope\w*|hoping|hints?\b|hinted|hinting|guess\w*|could|might|rumou?r\w*|"
    # (an idiom is no hedge: "as expected", "the highly anticipated second season")
    + _NOT_IDIOM("expect")
    + "|"
    + _NOT_IDIOM("anticipat")
    + r"|likely|unlikely|predict\w*|"
    r"speculat\w*|perhaps|possibl\w*|possibilit\w*|probabl\w*|presumabl\w*|conceivabl\w*|maybe|estimat\w*(?!\s+[$\u00a3\u20ac\d])|assum\w*|"
    r"wish\w*|talk\s+of|"
    # a want said of the release by those waiting for it: "fans are keen for season 5 to hit
    # Netflix in 2023", "viewers are itching to see it this summer" (a wish, no announcement)
    r"(?:keen|eager|itching|desperate|impatient|longing|yearning|raring|clamou?ring)\s+"
    r"(?:for|to)\b|"
    # a habit, not a date: "the show has always debuted in February", "usually returns in
    # the spring" (what it did before, from which a reader guesses)
    r"(?:has|have|had)\s+always|usually|typically|traditionally|historically|"
    r"tends?\s+to|tended\s+to|(?:would|['\u2019]d)\s+[\"\u201c]?(?:love|like)|wants?|dream(?:s|ing|ed|t)?\b|fingers\s+crossed|at\s+the\s+earliest|no\s+earlier\s+than|wouldn't|"
    r"reportedly|if|(?-i:[Bb]et)|suspect\w*|(?<!come\sto\s)think(?!\s+(?:of|about|back)\b)|believe|imagine|wager|pencil\w*|fans?\s+(?:want|say)|"
    r"tipped|claim\w*|leak\w*|allegedly|supposedly|apparently|insiders?|sources\s+say|"
    r"eyeing|targeting|aiming|tentative\w*|said\s+to\s+be|hunch\w*|"
    # a trade headline's "eyes": "'Dune 2' Eyes Push to 2024" (not "all eyes on", "eyes of")
    r"(?<![\w-])eye[sd](?!\s+(?:on|of|to|and|are|were|open|wide|glued|peeled)\b)|"
    # hearsay in the passive: "was reported to premiere in 2017", "is rumoured to land"
    r"(?:is|was|are|were|been)\s+(?:reported|believed|thought|understood)\s+to\b|"
    # a plan still deliberated: "is seriously considering moving it to 2024", "weighing a
    # push", "mulling a delay", "in talks to move"
    r"consider(?:s|ing|ed)?|weigh(?:s|ing)|mull\w*|contemplat\w*|explor(?:es|ing)|"
    r"debating|discussing|in\s+talks|posits?|reports?\s+(?:say|said|claim)\w*|around\s+(?:the\s+)?(?:end|start|beginning|early|late|mid|"
    r"spring|summer|autumn|fall|winter|\d|[A-Z][a-z]+\s+\d)|please\s+be|we'd|we\s+reckon|reckon|"
    r"reports?\s+(?:of|that|suggest\w*)|had\s+reported|according\s+to\s+(?:sources|insiders|"
    r"people|reports?|a\s+(?:source|report|person))|sources?\s+(?:close|familiar)|"
    r"declined\s+to\s+comment|unnamed|would\s+make\s+sense|makes\s+sense|would\s+fit|"
    r"plausible|odds\s+are|our\s+money|we['\u2019]d\s+bet|"
    # a date judged, not set: "an August 8 release date would be perfect", "many believed
    # an August release is feasible" (an opinion of a date is no announcement of it)
    r"dates?\s+(?:would|will|could|might|is|seems|sounds)\s+(?:be\s+)?(?:\w+\s+)?"
    r"(?:perfect|ideal|fitting)|feasible|believed(?!\s+to\b)|"
    # unnamed sourcing and theories: "a source told us", "two sources say", "a fan theory"
    r"(?:a|one|two|three|several|multiple)\s+sources?\b|sources?\s+(?:told|tell|tells|said)|"
    r"theor(?:y|ies|ize[sd]?|izing)|"
    # a date inferred from the past, not announced: "going by the pattern", "history
    # suggests", "a similar window", "in keeping with past seasons", "all signs point to"
    r"going\s+(?:by|off)|judging\s+(?:by|from)|based\s+on\s+(?:past|previous|prior|earlier|"
    r"the\s+(?:show['\u2019]s\s+|series['\u2019]\s+)?(?:pattern|history|track\s+record|"
    r"release\s+pattern|schedule\s+so\s+far|usual\s+gap))|suggest\w*|"
    r"(?:similar|same)\s+(?:release\s+)?(?:window|time\s*frame|period)|in\s+keeping\s+with|"
    r"in\s+line\s+with\s+(?:past|previous|prior|earlier)|(?:signs?|everything)\s+points?\s+to|"
    r"chances\s+are|stands?\s+to\s+reason|smart\s+money|barring|"
    r"(?:we|you)(?:['\u2019]re|\s+are)\s+looking\s+at|"
    # an expectation's modal on the release itself: "should land in March", "ought to be
    # out by May" (not "fans should mark the date": the modal's verb is the release's)
    r"(?:should|ought\s+to)\s+(?:(?:also|still|now|then|finally|easily)\s+)?(?:land|arrive|"
    r"premiere|debut|drop|hit|come|launch|return|open|air|stream|bow|release|"
    r"be\s+(?:out|back|here|available|released|ready|arriving|landing|premiering|dropping|"
    r"hitting|streaming|airing))|"
    # how things look, not what was said: "it looks like things are on track for ..."
    r"looks?\s+(?:like|set\s+to|to\s+be)|seems?\s+(?:like|to|set)|appears?\s+(?:to|set)|"
    # two windows offered: "a spring or summer 2018 release", "2020 or maybe 2021"
    r"or\s+(?:maybe\s+|possibly\s+|perhaps\s+|even\s+)?(?:early\s+|late\s+)?"
    r"(?:spring|summer|autumn|fall|winter|(?:19|20)\d\d)|"
    # a habit, no particular date: "premieres are usually the Monday before opening"
    r"usually|typically|normally|traditionally|tends?\s+to)\b|\?",
    re.IGNORECASE,
)
SPECULATION = gated(SPECULATION)
# "Before" hedges a date it precedes ("before Christmas"), not one stated ahead of it
# ("in cinemas 15 November, a week before it opens in the US").
BEFORE = re.compile(r"\bbefore\b", re.IGNORECASE)
# A hedge that reaches back over the whole sentence, quotes included: "We're
# aiming for 2026, but don't hold me to that," the showrunner said.
SENTENCE_HEDGE = re.compile(
    # a line labeled as hearsay: "Rumor: 'Title' Could Move to 2024"
    r"^\W*(?:rumou?rs?|speculation|unconfirmed)\s*[:|\u2014\u2013]|"
    r"\b(?:don['\u2019]?t\s+hold\s+(?:me|us)\s+to|do\s+not\s+hold\s+(?:me|us)\s+to|"
    r"fingers\s+crossed|if\s+all\s+goes\s+(?:well|to\s+plan)|knock\s+on\s+wood|"
    r"touch\s+wood|no\s+promises|(?:that|this|it)(?:['\u2019]s|\s+is)\s+(?:just\s+|only\s+|"
    r"purely\s+)?(?:our|my)\s+(?:guess|estimate|prediction|speculation|bet|theory|hunch)|"
    r"our\s+money['\u2019]?s?\s+(?:is\s+)?on|we['\u2019]d\s+bet|"
    r"if\s+(?:we|I)\s+had\s+to\s+(?:guess|bet|predict))\b|"
    # a condition set off after a dash: "... in March 2025 — if Netflix sticks to form"
    # (not "– if not yet officially out": a concession)
    r"[\u2014\u2013]\s*(?:if|unless|assuming|provided)\b(?!\s+not\b)",
    re.IGNORECASE,
)
SENTENCE_HEDGE = gated(SENTENCE_HEDGE)
_QUOTATION = re.compile(r"[\"\u201c][^\"\u201c\u201d]{3,400}[\"\u201d]")


# A short quoted title, every word capitalized or a small joining word: “Dream Home
# Makeover,” or "The Cabin with Bert Kreischer". Trades put titles in quotes; a hedge or
# an occasion word inside one is part of the name, not that word.
_QUOTED_TITLE = re.compile(
    r"[\"\u201c\u2018](?:(?:[A-Z0-9][\w'\u2019:&.!?-]*|of|the|and|with|in|on|a|an|to|for|at|from)"
    r"[\s,]*){1,8}[\"\u201d\u2019]"
)
# A capitalized word inside a run of capitalized words, away from the sentence's start:
# "the Dream Home Makeover team", "Hope Street returns".
_CAPITALIZED_RUN = re.compile(r"(?<=[a-z,;:]\s)(?:[A-Z][\w'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*")


def in_title_name(text: str, start: int, end: int, quoted_only: bool = False) -> bool:
    """text[start:end] lies inside a name rather than being the word itself: a short
    quoted title, or (unless `quoted_only`) a run of two or more capitalized words past
    the sentence's first word."""
    for match in _QUOTED_TITLE.finditer(text, max(0, start - 80), min(len(text), end + 80)):
        if match.start() < start and end < match.end():
            return True
    if quoted_only or not text[start : start + 1].isupper():
        return False
    for match in _CAPITALIZED_RUN.finditer(text, max(0, start - 60), min(len(text), end + 60)):
        if match.start() <= start and end <= match.end() and " " in match.group().strip():
            return True
    return False


def quotation_around(sentence: str, start: int) -> str | None:
    """The quoted speech holding position `start`: a hedge anywhere in it hedges the date."""
    for match in _QUOTATION.finditer(sentence):
        if match.start() < start < match.end():
            return match.group()
    return None


# A clause whose subject is the making of the show is never its release, whatever
# the verb: "Filming on the long-delayed third season starts next month",
# "Principal photography kicks off in June", "Production gets under way in May".
PRODUCTION_SUBJECT = re.compile(
    r"^\W*(?:(?:and|but|so|while|as)\s+)?(?:[\w'\u2019-]+\s+){0,2}?"
    r"(?:filming|production|shooting|principal\s+photography|(?:the\s+)?shoot|table\s+reads?|"
    # "Writing started in January", "the writers' room opened in May"
    r"writing|(?:the\s+)?writers['\u2019]?\s+room)"
    r"(?=\s+[a-z])(?!\s+(?:company|companies|house|studio|designer|banner|partner|budget|"
    r"values?|notes)\b)",
    re.IGNORECASE,
)
# Renewal is never a release, whatever names the show ("renewed the show ... back in May 2022").
RENEWAL = re.compile(
    r"\b(?:renew\w*|green-?lit|green-?light\w*|ordered|picked\s+up\s+for)\b", re.IGNORECASE
)
RENEWAL = gated(RENEWAL)
# "May" the hedge, never "May" the month.
SPECULATIVE_MAY = re.compile(r"\bmay\b(?!\s+\d)")
SPECULATIVE_MAY = gated(SPECULATIVE_MAY)
NEGATION = re.compile(
    r"\b(?:yet\s+to|not\s+yet|no\s+(?:(?:official|firm|confirmed|set|specific|exact|concrete|"
    r"fixed)\s+)?(?:release|premiere|launch|air)?\s*date|"
    r"hasn['\u2019]t|has\s+not|haven['\u2019]t|have\s+not|isn['\u2019]t|is\s+not|wasn['\u2019]t|not\s+(?:been\s+)?"
    r"(?:announced|confirmed|set|revealed|given)|tb[ca]|to\s+be\s+(?:confirmed|announced|"
    r"determined)|unknown|unconfirmed|no\s+word|still\s+waiting|remains\s+to\s+be|"
    r"no\s+longer|not\s+happening|"
    # a past wait is history ("the first seasons did not premiere until the spring")
    r"(?:did\s+not|didn['\u2019]t)\s+(?:premier|open|releas|arriv|debut|air|return|launch)\w*|"
    # ("will not premiere until 2022" gives the date: not a denial)
    r"not\s+(?:be\s+)?(?:open|premier|releas|arriv|debut)\w*(?!\s+(?:\w+\s+){0,3}?(?:until|till)\b)|"
    # "will not be back on Friday, October 19 as announced", "won't return in May"
    r"(?:not|won['\u2019]t)\s+(?:be\s+)?(?:back|return\w*|air\w*|launch\w*)"
    r"(?!\s+(?:\w+\s+){0,5}?(?:until|till)\b)|"
    # a date given up: "has dropped its April 19 premiere", "removed from its December 11 date"
    r"(?:dropped|scrapped|abandoned|vacated|gave\s+up|given\s+up|ditched|"
    r"(?:bailed|backed)\s+(?:out\s+)?(?:on|of))\s+(?:its|their|the)"
    r"(?=\s+[^.;]{0,25}\b(?:premiere|date|release|debut|slot|launch|opening)\b)|"
    r"(?:removed|pulled)\s+(?:\w+\s+)?from\s+(?:its|their|the)(?=\s+[^.;]{0,30}\b(?:date|"
    r"premiere|release|slot|schedule|calendar)\b))\b",
    re.IGNORECASE,
)
NEGATION = gated(NEGATION)
# A denial of a past release: "did not premiere until the spring" is history, no wait.
PAST_DENIAL = re.compile(r"(?:did\s+not|didn['\u2019]t)\s", re.IGNORECASE)
# Dates of events that are not the release: renewal, production, books, the finale.
OTHER_EVENT = re.compile(
    # (filming is an event; "the film's November 21 opening" is the watch itself)
    r"\b(?:renew\w*|film(?:ing|ed)\b|shoot\w*|shot|wrap\w*|production|cast(?:ing)?\b|"
    r"publish\w*|publication|book|novel|graphic\s+novel|comic|issue|birthday|born|"
    # a life's dates in a plot summary: "his birth date", "the day he dies"; an order
    r"birth(?:\s*date)?|died|dies|death|ordered|talks|negotiations|"
    r"finale|final\s+episode|episode\s+(?!1\b)\d+|event(?<!premiere\sevent)|panel|convention|comic-con|tickets?|"
    r"auditions?|table\s+read|announced\s+(?:on|in)|announcement)\b",
    re.IGNORECASE,
)
OTHER_EVENT = gated(OTHER_EVENT)
# Occasions that are not the season's premiere, whatever verb they take:
# "the season 2 finale airs May 25", "tickets go on sale", "the book is out".
OTHER_OCCASION = re.compile(
    r"\b(?:finale|final\s+episode|episodes?\s+(?!1\b)\d+|tickets?|convention|comic-con|"
    # the season's return from its break ("the midseason premiere", "midseason finale");
    # not the networks' midseason, a time of year ("NBC's midseason schedule starts in
    # January", "Midseason will see the debut of three dramas")
    r"mid-?season\s+(?:premiere|finale|return|break|hiatus|debut|episodes?)|"
    # one episode, not the season: "the episode will now air on March 8", "the next
    # episode airs Sunday" (the first or premiere episode is the season's start)
    # (not the episode a season opens with: "Season Two opened with the episode 'Broken'")
    r"(?<!with\s)(?:the|this|that|its|next|each|every)\s+(?:next\s+|new\s+|latest\s+|upcoming\s+|"
    r"following\s+|delayed\s+)?episode(?!s)|"
    # a special, and a film's later home release: "the Christmas special airs on Christmas
    # Day", "arrives on digital December 31"
    r"(?:christmas|holiday|festive|new\s+year['\u2019]?s?|halloween|anniversary)\s+"
    r"(?:special|episode)|(?<!according\s)(?:on|to)\s+(?:premium\s+)?(?:digital|blu-?ray|dvd|4k|home\s+video|"
    r"pvod|vod)|"
    r"(?:digital|dvd|blu-?ray|4k(?:\s+uhd)?|physical)\s+(?:release|debut)|"
    r"home\s+(?:video|entertainment)\s+release|"
    # a move into the show's weekly slot, not its premiere: "shifts to its normal Friday
    # timeslot on Sept. 14"
    r"(?:regular|normal|usual|permanent)\s+(?:[\w-]+\s+){0,2}?time\s*-?slot|"
    # specials around a season: "Two specials air beforehand, on October 11 and 18"
    r"(?:two|three|several|these|the|its)\s+specials\b|(?:recap|preview|clip|reunion)\s+special|"
    # a special or an extra as the thing that airs: "A behind-the-scenes special airs on
    # July 1", "the aftershow streams Friday" (not "a special two-hour premiere")
    r"(?:behind[\s-]the[\s-]scenes|making[\s-]of|companion|retrospective|anniversary|"
    r"documentary|one-off|holiday)\s+(?:special|documentary)|"
    r"(?:special|featurette|after-?show)(?=\s+(?:will\s+|is\s+set\s+to\s+|is\s+slated\s+to\s+)?"
    r"(?:airs?|airing|premieres?|debuts?|streams?|drops?|arrives?)\b)|"
    # a later window of a film already out: "streams on Max from July 12 after its
    # theatrical run"
    r"(?:after|following)\s+(?:its|their|a|the)\s+(?:[\w-]+\s+)?(?:theatrical|cinema|"
    r"big-screen)\s+(?:run|release|window|debut)|"
    # a festival named: "premieres at Cannes on May 20" (a screening, no release); not a
    # channel of the same name a show airs on ("debuts on Sundance this fall")
    r"(?<!\bon\s)(?:cannes|sundance|berlinale|tiff|sxsw|tribeca|telluride|locarno|annecy|venice\s+film|"
    r"toronto\s+(?:international\s+)?film)(?!\s+(?:will|is\s+set\s+to)\s+(?:premiere|air|debut)\s+"
    r"(?:season|series)\b)|"
    r"panel|book|novel(?!\s+(?:coronavirus|virus|approach|idea|concept|way|twist|take))|publication|birthday|screening|festival|red\s+carpet|gala|"
    # an awards night: "the ceremony aired Sept. 15 on ABC"
    r"ceremony|awards?\s+(?:show|night|telecast)|"
    r"(?:world|global|uk|u\.s\.|us|european|london|festival|red[\s-]carpet)\s+premiere)\b|"
    # the same in Japanese: a special programme ("放送直前特番", "特別番組"), an advance
    # screening ("先行上映"), the finale ("最終回")
    r"特番|特別番組|先行上映|最終回",
    re.IGNORECASE,
)
OTHER_OCCASION = gated(OTHER_OCCASION)
# A person's earlier work: "previously created Giri/Haji", "also starred in Fleabag".
PREVIOUS_CREDIT = re.compile(
    r"\b(?:previously|also|earlier|formerly|once|last)\s+(?:co-?)?(?:created|wrote|directed|"
    r"produced|developed|adapted|showran|headlined|starred\s+in|appeared\s+in|worked\s+on)\b",
    re.IGNORECASE,
)
PREVIOUS_CREDIT = gated(PREVIOUS_CREDIT)
# Another kind of product whose launch shares the title: the video game, its DLC or
# patch, a console release ("the game arrives on PS5 and PC on Oct. 4").
OTHER_PRODUCT = re.compile(
    r"\b(?:(?-i:game|games|DLC|patch|expansion|remaster|remake\s+of)|video\s*games?|"
    r"(?-i:PS[45]|PlayStation(?:\s+[45])?|Xbox(?:\s+Series\s+[XS])?|Nintendo\s+Switch|Steam)|"
    # audio and print spin-offs: "the Audible original is due June 25", "the soundtrack"
    r"podcast|audio\s*(?:drama|series|book)|audiobook|(?-i:Audible)|soundtrack|album|"
    r"vinyl|tie-in\s+novel|companion\s+book)\b"
    # (nor the first half of a compound, "the video game-come-TV series", "game-changing")
    r"(?![-\u2010\u2011]|\s+(?:adaptation|series|show|film|movie|franchise|based|-based))",
    re.IGNORECASE,
)
OTHER_PRODUCT = gated(OTHER_PRODUCT)
# Words that name a product as what the watch comes from, not as another release: "based
# on the games", "for fans of the games", "adapted from the video game".
SOURCE_BEFORE = re.compile(
    r"\b(?:fans\s+of|based\s+on|adapt\w*\s+(?:of|from)|inspired\s+by|version\s+of|"
    r"(?:the\s+)?world\s+of)\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w'\u2019-]+\s+){0,2}$",
    re.IGNORECASE,
)
# What follows a proper name that makes it an institution, not a work: "the New York Film
# Festival", "the Sundance Film Institute".
INSTITUTION_AFTER = re.compile(
    r"\s+(?:festival|fest|awards?|society|institute|academy|critics|school|cent(?:er|re)|"
    r"market|commission|circle|guild|association|museum|forum)\b",
    re.IGNORECASE,
)
# "the original Netflix series premiered April 10, 2015": the earlier show, not this one.
EARLIER_WORK = re.compile(
    # ("an original series from Disney", "a Netflix original film": a label, not the
    # work before; the original is "the original")
    r"(?<!\ban\s)\b(?:original|previous|earlier|prior|older)\s+(?:[A-Z][\w+]*\s+){0,2}"
    r"(?:series|show|film|movie)\b"
    # a sequel's page on the film it follows ("a 5% increase on the first film, which
    # opened in ..."); not "the first series", a UK season 1
    r"|\bfirst\s+(?:[A-Z][\w+]*\s+){0,2}(?:film|movie|instal+ment)\b",
    re.IGNORECASE,
)
EARLIER_WORK = gated(EARLIER_WORK)
# "an original series", "an original film": a work made for the label, not adapted; the
# earlier work is "the original".
NEW_ORIGINAL = re.compile(r"\ban\s+original\s", re.IGNORECASE)
# After a date, the work it is compared with: "opens Dec. 20, sharing its date with
# Quiet Orchard", "a week after Sinners" (that work is no subject of the date).
COMPANION_AFTER = re.compile(
    r"[^,;]{0,40},\s+(?:sharing|alongside|against|opposite|competing|going\s+up\s+against|"
    r"the\s+same\s+(?:day|date|weekend)|(?:a|one|two|three|four|several|a\s+few)\s+"
    r"(?:days?|weeks?|months?)\s+(?:after|before|ahead\s+of)|just\s+(?:after|before)|"
    r"ahead\s+of)\b",
    re.IGNORECASE,
)
# A streamer's or network's label, not an earlier work: "the Netflix original series",
# "an HBO Original film" (right before EARLIER_WORK's "original").
BRANDED_ORIGINAL = re.compile(
    r"(?:" + CHANNEL.pattern + r")\+?(?:['\u2019]s)?\s*$", re.IGNORECASE
)
# Words around a title-and-appositive that name the work's source, not its date:
# "The series, based on Rick Riordan's 2006 novel The Sea of Monsters, will bow ...".
SOURCE_APPOSITIVE = re.compile(
    r",\s+(?:based\s+on|adapted\s+from|inspired\s+by)\b[^,;]*,", re.IGNORECASE
)
# A date the release moved away from: "moving from June 28 to ...", "instead of Friday".
# A stretch of one sentence: no full stop but an abbreviation's ("Dec. 20", "Sept. 2").
_IN_SENTENCE = r"(?:[^.;]|(?<=\b[A-Z][a-z]{2})\.|(?<=\bSept)\.)"
OLD_DATE = re.compile(
    r"\b(?:(?:mov\w*|push\w*|delay\w*|shift\w*|chang\w*|bump\w*|brought\s+forward|postpon\w*|"
    r"reschedul\w*)\b" + _IN_SENTENCE + r"{0,60}?\bfrom|instead\s+of|rather\s+than|"
    # the plan given up, told with its verb: "Rather than hit theaters on Christmas Day",
    # "instead of premiering in May"
    r"(?:instead\s+of|rather\s+than)\s+(?:[\w'\u2019-]+\s+){1,4}?(?:on|in|for|at)|"
    # "its previously announced February 23 premiere date", "the originally planned May 1"
    r"(?:originally|previously|formerly|initially)\s+(?:announced|planned|scheduled|set|slated|"
    r"dated|intended|reported|targeted)|"
    r"originally|previously|formerly|initially|"
    r"had\s+been\s+\w+\s+for|"
    # a plan in the past perfect is one given up: "which had been dated May 7, 2027, now opens"
    r"had\s+been\s+(?:officially\s+)?(?:dated|set|slated|scheduled|due|planned|pegged|"
    r"pencil+ed(?:\s+in)?)(?:\s+(?:for|on|to\s+\w+))?|"
    r"pushed\s+back\s+from|moved\s+up\s+from|since|"
    # the date of what is moved, its object: "is pushing back its August 4 release",
    # "delays their March 3 opening"
    r"(?:mov|push|delay|postpon|shift|bump|resched)\w*\s+(?:back\s+|up\s+)?(?:its|their))"
    r"\s+(?:(?:on|for|the)\s+)?$",
    re.IGNORECASE,
)
OLD_DATE = gated(OLD_DATE)
# ... and in the other languages (languages.SUPERSEDED_WORDS), read of the text before the
# date: the word, then a few words of its clause up to the date (a turn to the new plan
# between, ", ma ...", ", pero ...", or a move verb, leaves the date the new one's).
FOREIGN_OLD_DATE = re.compile(
    r"(?:(?<![^\W\d_])|(?<=[\u3040-\u30ff\u4e00-\u9fff]))(?:"
    + "|".join(languages.SUPERSEDED_WORDS)
    + r")(?![^\W\d_])(?P<gap>[^.;]{0,70}?)$",
    re.IGNORECASE,
)
FOREIGN_OLD_DATE = gated(FOREIGN_OLD_DATE)
# A later move follows the date in its sentence: "slated for Jan. 13, before moving to
# Oct. 6, and then to Aug. 30": the first two were plans the last replaced.
LATER_MOVE = re.compile(  # (read with .match at the date's end)
    r",?\s+(?:and\s+)?(?:then|later|before|until|till)\s+(?:(?:being|it\s+was|was)\s+)?"
    r"(?:(?:mov\w*|push\w*|postpon\w*|delay\w*|shift\w*|bump\w*|slid\w*|slipp\w*)\s+)?"
    r"(?:(?:back|up|forward)\s+)?to\s+(?:the\s+)?"
    # ... to a date, not to a service ("before moving to iPlayer")
    r"(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"next|this|later|early|late|mid|spring|summer|fall|autumn|winter)[a-z]*\b)",
    re.IGNORECASE,
)
# The date a release moved TO: "postponed from December 20, 2024 to December 19, 2025",
# "pushed back to May 2026", "moves up a week to Friday". The one vocabulary of moves.
# A plain denial word, the contracted ones included ("isn't", "doesn't", "won't", "can't"):
# "isn't set to hit theaters until December" waits for the date, it does not end a run.
DENIAL_WORD = r"\b(?:not|never|\w*n['\u2019]t)\b"
# The release a date names right after it, as a noun: "the Dec. 18 release", "its May 2
# premiere" (the date is that release's, whatever the rest of the sentence is about).
OWN_RELEASE_NOUN = re.compile(
    r"\s+(?:(?:theatrical|wide|limited|streaming|global|worldwide|u\.?s\.?|nationwide)\s+)?"
    r"(?:release|premiere|debut|opening|launch|bow)\b(?!\s+(?:of|for)\b)",
    re.IGNORECASE,
)
# Where a phrase ends inside a clause: a comma, a dash, a parenthesis.
PHRASE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
MOVE_VERB = (
    r"(?:mov\w*|push\w*|postpon\w*|delay\w*|shift\w*|bump\w*|slid\w*|slipp\w*|"
    r"reschedul\w*|brought\s+forward|pulled\s+forward|pull\w*\s+up|swap\w*|chang\w*|"
    r"mov\w*\s+up|push\w*\s+back|redated|re-dated)"
)
MOVED_TO = re.compile(
    r"\b" + MOVE_VERB + r"\b" + _IN_SENTENCE + r"{0,100}?\b(?:to|until|for|into)\s+"
    # (an article may take a word or two before the date: "to the generally quiet
    # October 3rd weekend")
    r"(?:on\s+|(?:the|a|an)\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}?)?$",
    re.IGNORECASE,
)
MOVED_TO = gated(MOVED_TO)
# A move told by its result: "will now kick off its third season on June 19", "now opens
# Tuesday, Oct. 27", "has now dated the film for September 4", "is now set for January
# 24": "now" before the date in its sentence says the date replaced an earlier plan. Not
# the adverb of a state ("now streaming", "now in production", "now available"), a time
# span ("for now", "until now", "by now", "from now", "right now") or a discourse
# "Now, ..." / "now that".
NOW_MOVED = re.compile(
    r"(?<![Ff]or\s)(?<![Uu]ntil\s)(?<![Bb]y\s)(?<![Ff]rom\s)(?<![Rr]ight\s)(?<![Tt]ill\s)"
    r"(?<![Ee]ven\s)(?<!\bof\s)"
    r"\bnow\b(?!\s*[,:\u2014\u2013]|\s+(?:that|streaming|available|playing|showing|airing|out|"
    r"on\s+(?:air|netflix|disney|hulu|max|prime|apple)|in\b|is\s+the\b|more\b|and\s+then\b|"
    r"the\b|a\b|an\b|has\s+(?:a|an|its|their)\s+(?:premiere|release|launch)\s+date\b))"
    + _IN_SENTENCE
    + r"{0,60}?$",
    re.IGNORECASE,
)
NOW_MOVED = gated(NOW_MOVED)
# A move told by its new date, right before it: "set a new theatrical date of Sept. 3",
# "the film's new release date is May 2", "New premiere date: June 5".
NEW_DATE_OF = re.compile(
    r"\bnew\s+(?:(?:theatrical|release|premiere|opening|debut|streaming|launch|air)\s+){0,2}"
    r"date\s*(?:of|is|will\s+be|:|,|\u2014|-)?\s*(?:(?:now|on|set\s+for|for)\s+)?$",
    re.IGNORECASE,
)
# "the fourth installment", "the first film", "the original movie": another entry of a
# franchise named by its place in it.
INSTALLMENT = re.compile(
    r"\b(?:the|its|their)\s+(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|next|previous|original|last|latest|prior|earlier|\d+(?:st|nd|rd|th))\s+(?:\w+\s+)?"
    r"(?:installments?|instalments?|films?|movies?|entry|entries|sequels?|features?)\b",
    re.IGNORECASE,
)

# Who stands behind a date: "the network confirmed", "officially", "has dated".
CONFIRMED = re.compile(
    r"\b(?:confirm(?:ed|s)|officially|(?:has|have|just)\s+(?:dated|set|announced|revealed)|"
    r"announced\s+(?:today|on\s+\w+day|this\s+week)|revealed|unveiled|it['\u2019]s\s+official|"
    # the release's owner speaking: "the network said Thursday", "the studio announced"
    r"(?:network|studio|streamer|broadcaster|distributor|channel|platform)\s+"
    r"(?:said|says|announced|confirmed))\b",
    re.IGNORECASE,
)
CONFIRMED = gated(CONFIRMED)

# "was set for Aug. 3": past-tense reporting of a plan, the release unless the text
# reports a change (PLAN_CHANGED) in the same or the next sentence, or gives another date.
PLAN_DATE = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:set|scheduled|slated|due|planned|dated)\s+"
    # "was set for Aug. 3", "had been set to debut on Wednesday, August 23"
    r"(?:for|to(?:\s+(?:premiere|debut|launch|open|air|arrive|return|stream|bow|release|hit|"
    r"be\s+released))?|"
    # "was due in cinemas on June 26", "was due out in May"
    r"in(?:to)?\s+(?:cinemas|theaters|theatres)|out)\s+"
    # (where, between the verb and the date: "was set to open in Korean cinemas on Feb. 26")
    r"(?:(?:in|at|on)\s+(?:[\w'\u2019+-]+\s+){1,3}?(?=(?:on|for|in)\s+$))?"
    r"(?:(?:on|for|the|in)\s+)?$",
    re.IGNORECASE,
)
PLAN_CHANGED = re.compile(
    r"\b(?:before|until|but|now|instead|mov(?:e|ed|es|ing)|push\w*|delay\w*|bump\w*|"
    r"shift\w*|postpon\w*|reschedul\w*|limbo|indefinitely|no\s+longer)\b",
    re.IGNORECASE,
)
# A plug for more reading, often the article's last line: what it dates is another story.
READER_PLUG = re.compile(
    r"^\W*(?:(?:and|also|meanwhile),?\s+)?(?:for\s+more\s+(?:on|about|from)\b|"
    r"(?:you\s+can\s+)?(?:read|check\s+out|see)\s+(?:our|more\s+about)\b|"
    r"click\s+here\b|related\s*:|don['\u2019]t\s+miss\b)"
    # anywhere in the sentence: "For more, read our guide", "check out our list"
    r"|\b(?:for\s+more\s+on|(?:you\s+can\s+)?read\s+our|check\s+out\s+our|click\s+here|"
    r"see\s+our\s+(?:article|guide|list|story|piece)|don['\u2019]t\s+miss\s+our)\b"
    # told to the reader: "For more, find out which drama returns in 2026!"; not said of
    # someone ("We'll find out when it lands on September 1": the date is this story's)
    r"|(?:^\W*|[,:;!(\u2014]\s*|\b(?:and|also|then)\s+)find\s+out\s+(?:which|what|when|who|how)\b",
    re.IGNORECASE,
)
READER_PLUG = gated(READER_PLUG)
CLAUSE_BREAK = re.compile(
    r"\s*(?:;|\s[-\u2013\u2014]\s|\u2014|:\s|,\s+(?:but|while|though|although|whereas|and|"
    r"which|after|following|with|a\s+year\s+after|"
    # the same concessions and contrasts in the other languages read: "llegará en 2025,
    # aunque todavía no hay fecha" keeps the year out of the denial's clause
    r"aunque|pero|mientras|embora|mas|por[e\u00e9]m|mais|bien\s+que|m[e\u00ea]me\s+si|"
    r"anche\s+se|ma|per[o\u00f2]|mentre|obwohl|aber|jedoch|doch)\s)",
    re.IGNORECASE,
)

# "teaser poster", "teaser art": a picture, not a video. Anime news calls its trailers
# "PV"s ("main PV", "teaser PV", "PV2") or "promotional videos"; "PV" only in capitals, and
# also after Japanese text (a player titled "...第2期 本PV"), as are the Japanese words for
# a trailer (yokoku), a teaser and a trailer (katakana) in such titles.
TRAILER = re.compile(
    # (other languages' nouns too: "la bande-annonce", "el tráiler", "трейлер", "тизер")
    # (anime news renders the main trailer, "hon-yokoku", as the "main preview")
    r"(?:\b(?:trailer(?:s|en|n|e|ne)?|teaser(?:s|en|n|e|ne)?|promo(?:tional)?\s+videos?|main\s+previews?|bandes?[\s-]annonces?|tr\u00e1ilers?|"
    r"\u0442\u0440\u0435\u0439\u043b\u0435\u0440\w*|\u0442\u0438\u0437\u0435\u0440\w*|"
    + "|".join(languages.TRAILER_NOUNS)
    + r")\b|(?<![A-Za-z0-9])(?-i:PVs?)"
    r"(?:\s?\d)?(?![A-Za-z0-9])|(?:" + "|".join(languages.CJK_TRAILER_WORDS) + r")"
    r"(?!\s?(?:" + "|".join(languages.CJK_NOT_VIDEO_AFTER) + r")))"
    r"(?!\s+(?:posters?|images?|stills?|art|key\s+art|artwork|visuals?|photos?|one-sheets?|"
    r"banners?)\b)",
    re.IGNORECASE,
)
TRAILER = gated(TRAILER)
# ("reveals" is a verb a trailer does, "the trailer reveals ...": not a kind of video.)
NOT_A_TRAILER = re.compile(
    r"\b(?:featurettes?|clips?|bloopers?|gag\s+reel|outtakes?|interviews?|behind[\s-]the[\s-]"
    r"scenes|bts|react\w*|recaps?|"
    # the noun ("a date announcement video", "Date Announce"), not the verb: "Netflix
    # announced the date with a new teaser" is a teaser that gives the date, a trailer
    r"announcement|announce(?!d|s)|"
    # (a reveal video: the noun, not the verb. "revealed a new preview trailer", "Trailer
    # Revealed", "the teaser reveals ..." say a trailer is out; a "reveal trailer" is one)
    # ("the reveal of the teaser trailer" is the trailer's own reveal)
    r"reveal(?!\s+(?:of\s+(?:the|a|an|its|their)\s+(?:[\w'\u2019-]+\s+){0,3})?(?:trailers?|teasers?)\b)"
    r"(?:\s+videos?)?|meet\s+the|"
    # (the noun: "a cast intro video"; "the cast introduced the trailer" presents one)
    r"best\s+of|messages?|table\s+read|cast\s+(?:video|intro(?:s|duction)?\b)|"
    # ("Introducing the crew" is a video's kind; "the trailer introduces us to" is its verb)
    r"introduc(?!es\b|ed\b)\w*|q&a|"
    r"date\s+reveal|sneak\s+peek|making\s+of|explained|breakdown|review|rewatch\w*|revisit\w*|"
    r"throwback|"
    # a network's reel of its coming shows, not one show's trailer
    r"slate\s+(?:trailer|teaser|promo|video)|sizzle(?:\s+reel)?|(?:preview|footage|show)\s*reel)\b",
    re.IGNORECASE,
)
NOT_A_TRAILER = gated(NOT_A_TRAILER)
# Not the studio's video: a fan's edit or an imagined "concept" trailer.
FAN_MADE = re.compile(
    r"\b(?:fan[\s-]?made|fan\s+(?:trailer|edit|film)|concept[\s-]+(?:trailers?|teasers?|videos?)|"
    r"unofficial|parody|spoof|ai[\s-]generated|mock[\s-]?up|imagined\s+trailer|"
    # someone's recording of a screening: "bootleg footage", "a shaky fan-cam video"
    r"bootleg\w*|fan[\s-]?cams?|shaky[\s-]?cam\w*|cam[\s-]?rips?|"
    r"fake\s+(?:trailers?|teasers?|videos?)|(?:trailer|teaser|video)\s+(?:is|was)\s+(?:not\s+real|"
    r"fake)|not\s+real|(?:is|was)n['\u2019]t\s+real|"
    # disowned by the studio: "Netflix says it isn't theirs", "was not made by the company"
    r"(?:is|was)n['\u2019]t\s+(?:theirs|ours|official)|(?:is|was)\s+not\s+(?:theirs|official)|"
    r"not\s+(?:made|produced|released|authori[sz]ed)\s+by\s+(?:the\s+)?(?:company|studio|network|"
    r"streamer|netflix|hbo|disney|amazon|apple|hulu)|(?:had|has)\s+no\s+(?:involvement|part)\s+in|"
    r"(?:had|has)\s+nothing\s+to\s+do\s+with\s+(?:it|the\s+(?:video|trailer|teaser))|"
    # other languages: "trailer falso", "фейковый трейлер", "концепт-трейлер"
    r"(?:trailer|teaser|tr\u00e1iler)\s+(?:fals[oae]|fake)|\u0444\u0435\u0439\u043a\w*|"
    r"\u043a\u043e\u043d\u0446\u0435\u043f\u0442\w*)\b|\((?:concept|fan[\s-]?made|fan\s+trailer|parody)\)",
    re.IGNORECASE,
)
FAN_MADE = gated(FAN_MADE)
# Shown to a hall, not released: a trailer screened at a convention panel, a CinemaCon
# presentation or an upfront that the studio keeps off the web ("a Hall H exclusive",
# "will not be released online", "no plans to release the footage", "played for the
# room", "that's going to live in that hall"). A trailer put online after its panel is
# said differently ("released it online after it debuted in Hall H") and is not matched.
HALL_ONLY = re.compile(
    r"\b(?:exclusive\s+to\s+(?:the\s+|those\s+)?(?:hall|panel|room|attendees|audience|crowd|"
    r"convention|fans\s+(?:in|at))|"
    r"(?:hall\s+h|comic[\s-]?con|convention|panel|cinemacon|d23|ccxp|sdcc|nycc|upfronts?|"
    r"expo|fan\s+event)['\u2019]?\s+exclusives?|"
    # kept off the web: "will not be released online", "has yet to be released publicly",
    # "they haven't released the footage online yet"
    r"(?:not|never|yet\s+to)\s+(?:yet\s+)?(?:be\s+|been\s+)?(?:released|posted|put|shared|"
    r"made\s+available|uploaded|available|made\s+public)\s+(?:online|publicly|to\s+the\s+public)|"
    r"(?:haven['\u2019]t|hasn['\u2019]t|have\s+not|has\s+not|didn['\u2019]t|did\s+not|"
    r"won['\u2019]t|will\s+not)\s+(?:yet\s+)?(?:been\s+)?(?:release[ds]?|post(?:ed)?|put|"
    r"share[ds]?|upload(?:ed)?)\s+(?:[\w'\u2019-]+\s+){0,3}(?:online|publicly|to\s+the\s+public)|"
    r"(?:no|any)\s+plans?\s+(?:\w+\s+){0,2}to\s+(?:release|post|put\s+out|share)\s+"
    r"(?:[\w'\u2019:-]+\s+){0,6}?(?:footage|trailers?|teasers?|videos?|it|them|online)|"
    r"live\s+in\s+(?:that|the)\s+(?:hall|room)|"
    # (a screening alone is no statement: "it played for the crowd, then went online")
    r"(?:plays?|played|screens?|screened|shown|showed)\s+only\s+(?:for|to)\s+(?:the|those)\s+"
    r"(?:room|hall|crowd|audience|attendees)|"
    r"(?:plays?|played|screens?|screened|shown|showed)\s+(?:for|to)\s+(?:the|those)\s+"
    r"(?:room|hall|crowd|audience|attendees)\s+only|"
    r"(?:shown|screened|played)\s+(?:only|exclusively)\s+(?:to|for|at|in)|"
    r"(?:only|exclusively)\s+(?:shown|screened|played)\s+(?:to|for|at|in))\b",
    re.IGNORECASE,
)
HALL_ONLY = gated(HALL_ONLY)
# A network's reel of its coming slate, said of the video: "previewed its upcoming slate of
# movies and shows in a teaser", "the trailer for its 2020 drama slate", "other shows
# featured in the teaser include ...": one show's first look in it is no trailer of its own.
SLATE_VIDEO = re.compile(
    r"\b(?:(?:its|their)\s+(?:upcoming\s+|new\s+|coming\s+|next\s+|\d{4}(?:-\d\d)?\s+)*"
    r"(?:[\w-]+\s+)?(?:slate|line-?up)\b|"
    r"slate\s+of\s+(?:[\w-]+\s+){0,4}(?:movies|films|shows|series|programmes|programs|titles|"
    r"originals)\b|"
    r"(?:shows|series|movies|films|titles)\s+(?:featured|included|seen|glimpsed|shown)\s+in\s+"
    r"(?:the|this|that)\s+(?:teaser|trailer|reel|video|footage|promo)|"
    r"(?:teaser|trailer|reel|video|footage|promo)\s+(?:also\s+)?(?:previewed|featured|included|"
    r"showcased|spotlighted)\s+(?:[\w-]+\s+){0,3}(?:movies|films|shows|series|titles)\b)",
    re.IGNORECASE,
)
SLATE_VIDEO = gated(SLATE_VIDEO)
TRAILER_OUT = re.compile(
    r"\b(?:released|releases|dropp?ed|drops|unveil\w*|debut(?:ed|s)|shared|arrived|landed|revealed|"
    # a video put up on a page or a channel: "Teaser trailer #1 added for ..."
    r"added|"
    # shown on air or to a hall: "the trailer was broadcast on BBC One at half-time", "a
    # teaser was shown at the panel" (a passive: "will be shown" is still to come)
    r"(?:was|were|been|got)\s+(?:first\s+)?(?:broadcast|shown|screened|played|aired)|"
    # done already: "the trailer has already shown fans ...", "already out"
    r"(?:has|have)\s+already\s+(?!been\s+(?:set|scheduled|planned|announced|confirmed|dated)\b)"
    r"[a-z]+|already\s+(?:out|online|available)|"
    r"premiered|(?:is|are)\s+(?:finally\s+|now\s+|officially\s+)?(?:here|out)|out\s+now|"
    r"here['\u2019]?s|has\s+(?:finally\s+)?(?:arrived|landed)|"
    r"watch|gives?|gave|given|offers?|finds|teases|dropped|published|posted|launched|aired|"
    # the verb, not the noun: "the trailer shows ...", not "a trailer for the show"
    r"(?<!the\s)(?<!\ba\s)(?<!this\s)(?<!\bits\s)(?<!their\s)(?<!\bhis\s)"
    r"(?<!\bher\s)(?<!\bour\s)(?<!\btv\s)(?<!\bnew\s)(?<!\bhit\s)shows?(?![\'\u2019\w])|"
    r"world\s+premiere|went\s+live|hit\s+(?:youtube|the\s+web|online)|got\s+(?:a|its|the)|"
    r"made\s+(?:its|their)\s+way\s+online|(?:is|are)\s+(?:now\s+)?online|now\s+online|"
    r"surfaced\s+online|(?:is|are)\s+now\s+(?:live|available)|put\s+out|puts\s+out|"
    r"rolled\s+out|came\s+out|uploaded|put\s+(?:it|them)\s+(?:up\s+)?online|"
    # a ranking of what came out: "First to debut was the trailer for ..."
    r"(?:first|second|third|last|latest)\s+to\s+(?:debut|drop|arrive|land|premiere)|"
    # A trailer someone is in, or a work has: "in this first trailer", "in the trailer, Max
    # speaks ...", "the film finally has a trailer", "has only a brief teaser for now".
    r"in\s+(?:the|this|that|its|their)\s+(?:[\w'\u2019-]+\s+){0,5}(?:trailer|teaser)s?"
    # (not a noun the trailer word qualifies: "in the trailer thread")
    r"(?=\s*(?:[,.;:!?)\u2014]|$)|\s+(?:for|of|we|you|they|he|she|it|there|above|below)\b)|"
    # ("X Gets a Date and a Teaser", "gets premiere date and first trailer")
    r"(?:has|have|got|gets)\s+(?:[\w-]+\s+){0,4}(?:a|an|its|their|first|new)\s+(?:[\w-]+\s+){0,2}"
    r"(?:trailer|teaser)s?|"
    r"(?:is|are)\s+(?:now\s+)?(?:up|live|available|streaming|playing)\s+on\s+(?:youtube|the\s+\w+\s+"
    r"(?:channel|site|website))|"
    # a video something was done with: "announced the date with a new teaser"
    r"with\s+(?:a|an|its|their|the)\s+(?:[\w-]+,?\s+){0,3}(?:trailer|teaser)s?|"
    # A video being shown or described exists: "the trailer reveals ...", "a teaser that
    # features ...", "check out the first trailer below", "the channel started streaming a PV",
    # "we already have a key visual and a PV".
    r"reveals|features|hints\s+at|showcases|introduces|reintroduces|"
    # the trailer doing something now: "the remake's trailer leans into horror" (not an
    # auxiliary, nor a noun: "teaser trailers")
    r"(?:trailer|teaser)\s+(?:[a-z]+ly\s+)?(?!(?:is|was|has|does|needs|seems|remains|trailers|"
    r"teasers|comes|goes|hits|arrives|lands|drops|debuts|premieres|news|views|thoughts|"
    r"reactions|details|times|views|breakdowns|questions|links)\b)[a-z]{3,}s|"
    r"highlights|check\s+out|(?:see|view|find)\s+(?:[\w'-]+\s+){0,6}(?:below|above)|"
    # a player on the page pointed at: "the latest trailer can be found below", "is
    # embedded above", "is available below"
    r"(?:found|seen|watched|viewed|embedded|posted|included|available|streaming|playing)\s+"
    r"(?:right\s+|just\s+)?(?:below|above)|"
    r"(?:started|began|begun|been)\s+streaming|streamed|"
    r"we\s+(?:already\s+|now\s+|finally\s+)?(?:have|got)|we['\u2019]ve\s+(?:already\s+)?got|"
    r"sees|(?:begins|ends|closes|opens)\s+(?:with|on)|confirms|"
    # the video the subject of a perfect: "a short teaser from the BBC has confirmed that
    # the show returns on January 1" (it exists to have done so)
    r"(?:trailer|teaser)s?\s+(?:[\w'\u2019-]+\s+){0,4}?(?:has|have)\s+(?:confirmed|revealed|"
    r"shown|teased|given)|"
    # what a trailer named with its work does: "the first teaser for the new season
    # promises ...", "the trailer for the film packs ..."
    r"(?:trailer|teaser)s?\s+(?:for|of)\s+(?:[\w'\u2019:-]+\s+){1,6}?(?:promises|packs|captures|"
    r"depicts|previews|spotlights|includes|delivers|kicks\s+off|sets\s+up|centers)|"
    # a past event that was the trailer's release: "Tuesday saw the reveal of the teaser"
    r"(?:saw|brought|marked)\s+the\s+(?:reveal|release|debut|premiere|arrival|launch)\s+of|"
    r"(?:take|have)\s+a\s+(?:look|peek)|feast\s+your\s+eyes)\b",
    re.IGNORECASE,
)
# Said in so many words to be out (a subset of TRAILER_OUT: no "shows", "in the trailer",
# "world premiere", which describe a video announced as well as one released).
TRAILER_RELEASED = re.compile(
    r"\b(?:released|dropped|debuted|unveiled|premiered|arrived|landed|revealed|shared|posted|"
    r"published|launched|aired|added|surfaced|went\s+live|came\s+out|put\s+out|rolled\s+out|"
    r"uploaded|put\s+(?:it|them)\s+(?:up\s+)?online|"
    r"(?:was|were|been)\s+(?:first\s+)?(?:broadcast|shown|screened|played)|"
    r"(?:is|are)\s+(?:now\s+|finally\s+|officially\s+)?(?:here|out|online|live|available)|"
    r"out\s+now|here['\u2019]s|hit\s+(?:youtube|the\s+web|online)|"
    # the reader sent to it: "Watch the official trailer right here!"
    r"watch\s+(?:it|the|this|our)\s+(?:[\w'\u2019:-]+\s+){0,5}?(?:(?:right|just)\s+)?(?:here|below|above)|"
    r"(?:saw|brought|marked)\s+the\s+(?:reveal|release|debut|premiere|arrival|launch)\s+of)\b",
    re.IGNORECASE,
)
# Other languages' words for a trailer that is out, the same senses as TRAILER_OUT's
# (released, put online, shown in it, "here it is"): German, Italian, Spanish, Portuguese,
# French, Indonesian, Russian, Swedish, Dutch. Only words no English sentence uses, so it is
# asked of every page's trailer sentences that TRAILER_OUT passes over (as RELEASE's
# alternatives they would lengthen every English scan; most pages never get here).
FOREIGN_TRAILER_OUT = re.compile(
    r"\b(?:"
    # de: "veröffentlichte den ersten Trailer", "ist da", "im neuen Trailer", "zeigt"
    r"ver\u00f6ffentlicht\w*|pr\u00e4sentiert\w*|enth\u00fcllt\w*|erschienen|zeigt|gezeigt|"
    r"(?:ist|sind)\s+(?:jetzt\s+|nun\s+|endlich\s+)?(?:da|online|erschienen)|"
    r"(?:im|in\s+(?:dem|einem))\s+(?:[\w-]+\s+){0,3}(?:trailer|teaser)|"
    # it: "ha rilasciato un trailer", "è online il trailer", "nel trailer", "ecco il teaser"
    r"rilasciat[oaie]|pubblicat[oaie]|diffus[oai]|svelat[oaie]|presentat[oaie]|mostra(?:to)?|"
    r"(?:\u00e8|\u00c8|sono)\s+(?:ora\s+|finalmente\s+)?(?:online|arrivat[oaie]|uscit[oaie]|"
    r"disponibil[ei])|ecco\s+(?:il|la|lo|l['\u2019]|i)|nel\s+(?:[\w-]+\s+){0,2}(?:trailer|teaser)|"
    # es/pt: "lanzó el tráiler", "divulgou o trailer", "confira", "no trailer"
    r"lanz(?:\u00f3|ado|ada|a)|public(?:\u00f3|ado|ada|ou)|estren(?:\u00f3|ado)|"
    r"revel(?:\u00f3|ado|ada|ou)|present(?:\u00f3|ou)|divulg(?:a|ou|ado|ada|am)|"
    r"lan\u00e7(?:ou|ado|ada|a)|liber(?:ou|ado|ada)|confira|veja\s+(?:o|a)|mira\s+el|"
    r"(?:ya\s+)?est\u00e1\s+(?:disponible|aqu\u00ed|online)|aqu\u00ed\s+(?:est\u00e1|tienes)|"
    r"en\s+el\s+(?:[\w-]+\s+){0,2}tr[a\u00e1]iler|no\s+novo\s+(?:trailer|teaser)|"
    # fr: "a dévoilé la bande-annonce", "mise en ligne", "est là", "découvrez", "voici"
    r"d\u00e9voil\w*|r\u00e9v\u00e9l\u00e9\w*|pr\u00e9sent\u00e9\w*|publi\u00e9\w*|mis[e]?\s+en\s+ligne|"
    r"(?:est|sont)\s+(?:enfin\s+)?(?:l\u00e0|disponibles?|en\s+ligne|arriv\u00e9e?s?|sortie?s?)|"
    r"d\u00e9couvrez|voici|dans\s+(?:la|le|cette|ce)\s+(?:[\w-]+\s+){0,2}(?:bande|teaser|trailer)|"
    # the trailer doing something now, as in English: "la bande annonce laisse songeur",
    # "cette bande-annonce se présente" (not its coming: "arrive", "sort", "est", "doit")
    r"bandes?[\s-]annonces?\s+(?:se\s+)?(?!(?:arrive|arrivent|sort|sortent|d\u00e9barque|"
    r"tombe|est|sont|doit|devrait|va|vont|sera|de|du|des|et|qui|que)(?!\w))"
    r"[a-z\u00e0-\u00ff]{3,}(?:e|it|ent)|"
    # id: "telah merilis teaser", "dirilis", "diunggah", "dalam trailer"
    r"merilis|dirilis|meluncurkan|diluncurkan|mengunggah|diunggah|memperlihatkan|"
    r"dalam\s+(?:teaser|trailer|video)|"
    # ru: "появился в сети", "опубликовал", "представил", "вышел", "в трейлере"
    r"\u043f\u043e\u044f\u0432\u0438\u043b\w*|\u043e\u043f\u0443\u0431\u043b\u0438\u043a\u043e\u0432\u0430\w*|"
    r"\u043f\u0440\u0435\u0434\u0441\u0442\u0430\u0432\u0438\u043b\w*|\u0432\u044b\u0448\u0435\u043b|"
    r"\u0432\u044b\u0448\u043b\u0430|\u0432\u044b\u043f\u0443\u0441\u0442\u0438\u043b\w*|"
    r"\u043f\u043e\u043a\u0430\u0437\u0430\u043b\w*|\u0432\s+\u0441\u0435\u0442\u0438|"
    # sv/nl: "släppte trailern", "is verschenen", "uitgebracht", "vrijgegeven"
    r"sl\u00e4ppt\w*|sl\u00e4ppte|verschenen|uitgebracht|onthuld|vrijgegeven|"
    # da/no: "har sluppet traileren", "udgivet", "offentliggjort", "lanceret"
    r"sluppet|udgivet|"
    r"offentliggjort|lanceret|"
    # it: "lanciando il nuovo trailer"; hr: "objavio je prvi trailer"
    r"lanci(?:ato|ata|ando|a\s+il)|objavi\w*|"
    + "|".join(languages.TRAILER_OUT_WORDS)
    + r")(?!\w)"
    # ko/ja: "예고편을 공개했다", "PVが公開された", "PV解禁" (no word boundaries in Japanese)
    r"|" + "|".join(languages.CJK_TRAILER_OUT),
    re.IGNORECASE,
)
FOREIGN_TRAILER_OUT = gated(FOREIGN_TRAILER_OUT)
# Other languages' words that put a trailer in the future or deny it ("wird ... erscheinen",
# "arriverà", "será lanzado", "sera dévoilée", "akan dirilis", "будет", "noch kein Trailer").
FOREIGN_TRAILER_NOT_YET = re.compile(
    r"\b(?:wird|werden|soll|sollen|kein\w*|sar\u00e0|saranno|arriver\u00e0|presto|nessun\w*|"
    r"ser\u00e1n?|llegar\u00e1|pronto|ning\u00fan|ninguna|sera|seront|arrivera|bient\u00f4t|"
    r"aucune?|nenhum\w*|em\s+breve|akan|belum|segera|ska|kommer\s+att|"
    r"\u0431\u0443\u0434\u0435\u0442|\u0432\u044b\u0439\u0434\u0435\u0442|"
    r"\u0441\u043a\u043e\u0440\u043e|\u043d\u0435\u0442)(?!\w)",
    re.IGNORECASE,
)
FOREIGN_TRAILER_NOT_YET = gated(FOREIGN_TRAILER_NOT_YET)
# Trailers counted by the dozen, read right before the trailer word: "more than 250
# trailers and clips were shown", "plus de 250 bandes-annonces", "dozens of teasers": an
# event's or a reel's many works' videos, none of them one work's trailer reported. (Not a
# roundup's own count, "Check out 11 trailers from this week", one of which is the watch's.)
MANY_TRAILERS_BEFORE = re.compile(
    r"(?:\b(?:more\s+than|over|plus\s+de|pi\u00f9\s+di|m\u00e1s\s+de|mais\s+de|\u00fcber)\s+\d{2,}|"
    r"\b(?:dozens|hundreds|scores|dizaines|centaines|decenas|centenares|dutzende|hunderte|"
    r"decine|centinaia|dezenas|centenas))\s+(?:of\s+|de\s+|d['\u2019]|di\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A video that announces a renewal or a production start, said of the document's video:
# "the announcement video itself shows a glimpse of ...", "a renewal teaser", "dropped a
# small teaser confirming season 3 has begun filming". Such a "teaser" is no trailer.
PRODUCTION_NEWS_VIDEO = re.compile(
    # (an "announcement teaser" is a work's first teaser; an announcement video is not)
    r"\b(?:renewal|production|filming)(?:[\s-]announcement)?\s+(?:video|teaser|clip|promo)s?\b|"
    r"\bannouncement\s+(?:video|clip)s?\b|"
    r"\b(?:video|teaser|trailer|clip|promo)s?\s+(?:confirming|announcing|revealing|celebrating|"
    r"marking|to\s+(?:confirm|announce|celebrate|mark))\s+(?:that\s+)?(?:[\w'\u2019:-]+\s+){0,8}?"
    r"(?:(?:has|have)\s+(?:officially\s+)?(?:begun|started|wrapped|commenced)\s+(?:filming|"
    r"production|shooting)|(?:is|are)\s+(?:now\s+|officially\s+)?(?:filming|in\s+production)|"
    r"(?:filming|production|shooting)\s+(?:has\s+)?(?:officially\s+)?(?:begun|started|wrapped|"
    r"underway|commenced)|(?:the\s+|its\s+)?renewal|(?:was|has\s+been|is|been)\s+renewed|"
    r"returning\s+for)",
    re.IGNORECASE,
)
PRODUCTION_NEWS_VIDEO = gated(PRODUCTION_NEWS_VIDEO)
# Events a trailer is named after ("the Comic-Con trailer"): not another work's name.
TRAILER_EVENT = re.compile(
    r"\b(?:comic[\s-]?con|sdcc|nycc|ccxp|d23|tudum|super\s+bowl|anime\s?expo|jump\s+festa|"
    r"animejapan|upfronts?|game\s+awards|summer\s+game\s+fest|cinemacon|brazil)\b",
    re.IGNORECASE,
)
# A video that is no longer up: "before the video was taken down", "the leaked teaser
# was pulled".
TRAILER_GONE = re.compile(
    r"\b(?:taken\s+down|pulled\s+(?:down|offline|from)|was\s+pulled|were\s+pulled|"
    r"(?:was|were|been)\s+(?:removed|deleted|made\s+private)|"
    r"no\s+longer\s+(?:up|online|available)|"
    # advertising withdrawn: "to pull all in-theater advertising, including trailers"
    r"(?:to\s+)?(?:pull|pulling|withdraw\w*|retrieve)\s+(?:the\s+|all\s+|its\s+|their\s+)+"
    r"(?:[\w-]+\s+){0,3}(?:advertis\w*|trailers?|teasers?|promos?|marketing))\b",
    re.IGNORECASE,
)
# A trailer made, rated or dated but not shown, said anywhere in the clause that reports
# it ("the teaser trailer for the studio's musical has gotten its classification", "the
# imminent release of one"): the same words as in TRAILER_NOT_YET, which reads only a few
# words either side of the trailer word.
TRAILER_UNSHOWN = re.compile(
    r"\b(?:classif(?:ied|ication)|certif(?:ied|icate|ication)|green\s+signal|rating\s+board|"
    r"(?:is|was|are|were|been)\s+(?:now\s+|all\s+)?(?:finished|completed|locked|in\s+the\s+can)|"
    r"imminent|impending|"
    # a habit, not a video: "their teasers always debuted near the start of summer"
    r"always|usually|typically|traditionally|normally|tends?\s+to)\b",
    re.IGNORECASE,
)
# Said not to be a trailer: "a production-start video rather than a trailer".
TRAILER_DENIED = re.compile(
    r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of|not|isn['\u2019]t|wasn['\u2019]t)\s+"
    r"(?:a|an|the)\s+(?:(?:real|proper|full|official|actual|new)\s+)?(?:trailer|teaser)\b",
    re.IGNORECASE,
)
# A trailer scheduled for a coming day, in the present tense, matched right after the
# trailer word: "the teaser debuts Friday, May 9", "the first teaser for season 4 drops
# at CCXP on Saturday", "the trailer arrives tomorrow", a clip titled "Teaser coming
# tomorrow".
TRAILER_SCHEDULED = re.compile(
    r"(?:(?!\b(?:and|but|while|is|was|has|after|before)\b)[^.;,]){0,50}?"
    r"\b(?:arrives?|drops?|debuts?|lands?|premieres?|comes?\s+out|coming|hits|goes\s+live|"
    r"is\s+(?:set|due|scheduled)\s+to\s+\w+)\b[^.;]{0,60}?\b(?:tomorrow|tonight|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)
TRAILER_NOT_YET = re.compile(
    r"\b(?:no\s+(?:\w+\s+)?(?:trailer|teaser|PVs?\b)|not\s+(?:out|yet|been|even)|soon|will|"
    # none for a work named in capitals: "No Force Awakens Trailer at Comic-Con"
    r"no\s+(?:(?-i:[A-Z])[\w'\u2019:-]*\s+){2,4}(?:trailer|teaser)|"
    # a trailer being made: "production of the first trailer is in full swing", "the
    # trailer is being worked on", "isn't finished yet"
    r"(?:production|work|editing)\s+(?:of|on)\s+(?:the|a|its|their)\b|being\s+(?:worked\s+on|"
    r"made|edited|cut|put\s+together|finished|finali[sz]ed)|in\s+(?:full\s+)?swing|in\s+the\s+works|"
    r"in\s+progress|(?:is|was)n['\u2019]t\s+(?:yet\s+)?(?:finished|done|ready)|"
    # the adjective of a work is the work's: "the trailer for the coming season" is out
    r"coming(?!\s+(?:season|series|film|movie|episodes?|installment|chapter|sequel)\b)|"
    # a contracted "will" of the video: "when it'll be released" (not the reader's:
    # "the trailer you'll want to watch")
    r"(?:it|they|one)['\u2019]ll|"
    # a trailer dated, rated or made but not shown: "revealed the release date of the
    # teaser", "the teaser got its classification", "the trailer is finished"
    r"(?:release|launch|premiere|debut|drop)\s+date\s+(?:of|for)\s+(?:the|its|their|a|an)\b|"
    r"classif\w+|certif\w+|green\s+signal|rating\s+board|"
    r"(?:is|was|are|were|been)\s+(?:now\s+|all\s+)?(?:finished|completed|locked|done|in\s+the\s+can)|"
    r"imminent|impending|"
    # news of the trailer, not the trailer: "shared an update on the first trailer"
    r"(?:updates?|news|details|info(?:rmation)?|status)\s+(?:on|about|regarding)\b|"
    # the adverb ("no trailer yet", "yet to drop"), not the conjunction ("short yet chilling")
    r"yet(?=\s*(?:[.,;:!?)\u2014]|$)|\s+to\b)|"
    r"hasn['\u2019]t|haven['\u2019]t|has\s+not|have\s+not|gonna|going\s+to|about\s+to|"
    r"tomorrow|tonight|no\s+(?:\w+\s+){1,4}(?:or|nor)\s+(?:\w+\s+)?(?:trailer|teaser)|"
    # (an idiom is no wait: "the much-awaited revival", "as expected")
    # promised, not shown: "a trailer is promised closer to broadcast"
    r"(?:is|are|was|were|been)\s+promised|"
    r"stay\s+tuned|" + _NOT_IDIOM("expect") + r"|next\s+week|later|once|until|"
    + _NOT_IDIOM("await") + r"|hope\w*|might|could|"
    # "when the trailer drops" is to come; "when it dropped on Dec. 10" is past
    r"when(?!\s+(?:it|they|the\s+[\w-]+|\w+)\s+(?:was|were|came|went|hit|got|[a-z]+ed)\b)|"
    # the trailer's own modal: "the trailer can show footage from the whole season"
    r"(?:trailers?|teasers?)\s+(?:can|may|must)|"
    # (not the adverb ending a clause: "more than anything released before.")
    # (not a relative clause's idiom of a work: "the sequel we've all been waiting for")
    r"planned|would|should|wait(?!\w*\s+for\s*(?:[,.;:!?)\u2014\u2013-]|$))\w*|"
    r"before(?!\s*(?:[.,;:!?)]|$))|incoming|"
    r"on\s+(?:the|its|their)\s+way|"
    # (not a ranking of what came out: "First to debut was the trailer for ...")
    r"(?:set\s+|due\s+)?(?<!first\s)(?<!last\s)(?<!latest\s)(?<!second\s)(?<!third\s)"
    r"to\s+(?:debut|drop|arrive|land|premiere|air|be\s+released)|"
    # a headline's infinitive is its future: "HBO to release season 2 trailer"
    r"to\s+(?:release|unveil|reveal|launch|show)|"
    r"(?:does|do|did)(?:n['\u2019]t|\s+not)\s+(?:\w+\s+)?(?:have|get|got))\b|"
    # "the upcoming teaser" is still to come; "a teaser for the upcoming series" is out.
    r"\bupcoming\s+(?:\w+\s+)?(?:trailers?|teasers?)\b|"
    # the trailer's own date: "trailer release date", "Trailer Date Revealed", "teaser time"
    r"\b(?:trailers?|teasers?)['\u2019]?s?\s+(?:(?:release|launch|premiere|debut|drop|air)\s+)?"
    r"(?:date|time)\b",
    re.IGNORECASE,
)


def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding sentence[start:end]: cues from the next clause do
    not leak in."""
    left = 0
    right = len(sentence)
    for match in CLAUSE_BREAK.finditer(sentence):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


# A release named as a landmark, read right before the release word: "a month after the
# show's debut", "ahead of its scheduled return date", "in time for the premiere". A date
# before such a phrase is another event's, timed by the release ("completed in September
# ahead of its return"); a date inside or after it is the release's ("ahead of its return
# date next month").
LANDMARK_BEFORE = re.compile(
    r"\b(?:after|since|following|before|ahead\s+of|in\s+time\s+for|in\s+advance\s+of|"
    r"leading\s+up\s+to|prior\s+to)\s+(?:[\w'\u2019-]+\s+){0,4}$",
    re.IGNORECASE,
)
# A release taken off the calendar with no new date: "indefinitely delayed the release",
# "pushes back release of the movie indefinitely", "removed X from its release calendar",
# "gave no new release date", "postponed until further notice".
UNDATED_GATE = ("indefinite", "calendar", "schedule", "slate", "no new", "no other",
                "no replacement", "no firm", "without", "further notice", "undated",
                "off the table", "held", "hold", "shelf", "keeping", "kept", "saved",
                "saving")  # fmt: skip
UNDATED = re.compile(
    r"\b(?:indefinite(?:ly)?\s+(?:delay|postpon|push|shelv)\w*|"
    r"(?:delay|postpon|push|shelv|pull|remov)\w*\b[^.;]{0,80}?\bindefinitely|"
    r"indefinite\s+(?:delay|postponement|hiatus)|"
    r"(?:taken|taking|pulled|pulling|removed|removing|dropped|yanked)\s+(?:[\w'\u2019-]+\s+){0,6}?"
    r"(?:off|from)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'\u2019/-]+\s+){0,3}?"
    r"(?:release\s+)?(?:calendars?|schedules?|slates?)|"
    r"no\s+new\s+(?:release\s+|premiere\s+|opening\s+)?(?:date|timing|window)|"
    r"no\s+(?:other|replacement|firm)\s+(?:release\s+|premiere\s+|opening\s+)?date|"
    r"without\s+(?:a\s+|any\s+)?(?:new|replacement)\s+(?:release\s+|premiere\s+)?date|"
    r"(?:struck|strikes?|striking)\s+(?:[\w'\u2019-]+\s+){0,6}?from\s+(?:the\s+|its\s+)?"
    r"(?:release\s+)?(?:calendars?|schedules?|slates?)|indefinitely\b(?!\s+(?:article|pronoun))|"
    # ("Until further notice, all episode talk goes in the megathread": a forum rule)
    r"(?:delay|postpon|push|shelv|hold|halt|paus|suspend|pull|off)\w*\b[^.;]{0,40}?\buntil\s+"
    r"further\s+notice|(?:is|now|left|remains)\s+undated|"
    r"(?:is|are|now|effectively)\s+off\s+the\s+(?:table|calendar|schedule)|"
    # held back from a schedule with no date: "Held for Midseason", "which NBC is keeping
    # on the shelf for midseason", "saved for later in the season"
    r"(?:held|holding|kept|keeping|saved|saving|shelv\w*)\s+(?:back\s+|off\s+)?"
    r"(?:on\s+the\s+shelf\s+)?(?:for|until|till)\s+(?:midseason|mid-season|later|"
    r"(?:a\s+)?later\s+date|next\s+year)|on\s+hold\s+(?:for|until|till)\s+(?:midseason|"
    r"mid-season|later|further))\b",
    re.IGNORECASE,
)
UNDATED = gated(UNDATED)  # (its starts: a sentence past UNDATED_GATE is scanned ~2x faster)
# The release before this one: "new episodes were last released in 2019", "the show last
# aired in 2021", "was most recently seen in 2022" (a previous season's date, not the news).
PREVIOUS_RELEASE = re.compile(
    r"\b(?:last|most\s+recently|previously)\s+(?:been\s+)?(?:premiered|released|aired|seen|"
    r"returned|debuted|dropped|streamed|broadcast|arrived|on\s+(?:air|screens?|tv))\b",
    re.IGNORECASE,
)
# The release already happened: reported of an earlier season as often as of this one.
PAST_RELEASE = re.compile(
    # ("will be released", "is to be premiered": a passive of the future, not the past)
    r"\b(?<!\bbe\s)(?<!\bbeing\s)(?:premiered|debuted|released|arrived|dropped"
    + _NOT_A_FALL
    + r"|launched|landed|bowed|aired|returned|opened|"
    r"was\s+released|first\s+streamed|began|kicked\s+off)\b",
    re.IGNORECASE,
)
PAST_RELEASE = gated(PAST_RELEASE)
# Another work named in quotes, as style guides set titles: 'Hawkeye', "A Quiet Place".
QUOTED_TITLE = re.compile(
    r"(?:^|(?<=[\s(]))['\"\u2018\u201c]([A-Z0-9][\w&:,.!?'\u2019-]*(?:\s+(?:[A-Z0-9]"
    r"[\w&:,.!?'\u2019-]*|of|in|the|and|a|an|on|at|to|for|with|from)){0,8})['\"\u2019\u201d]"
    r"(?=[\s,.:;)]|$)"
)

# The watch as a plain noun opening a sentence, a relative clause after it: "The
# docu-series, which ...", "The new film, which ...".
WORK_NOUN_SUBJECT = re.compile(
    r"\W*(?:the|this)\s+(?:(?:new|upcoming|latest|original|animated|limited|\w+-part|"
    r"\w+-episode)\s+){0,3}(?:docu-?series|docuseries|series|show|film|movie|season|drama|"
    r"comedy|documentary|miniseries|anime)\s*,\s+(?:which|that)\b",
    re.IGNORECASE,
)
# Words that credit a source in a parenthesis: "(via Variety)", "(per Deadline)", "(h/t ...)".
CREDIT_WORDS = r"via|per|h/t|hat\s+tip|source|courtesy|according|as\s+reported"
# A sentence that opens on a schedule participle, its subject after the comma: "Set to
# premiere on Aug. 28, The Strain ...", "Due in March, the film ...".
FRONTED_SCHEDULE = re.compile(
    r"\W*(?:set|slated|scheduled|due|expected|poised|gearing\s+up)\b[^,;]{0,80},", re.IGNORECASE
)
# An appositive after the watch's name, up to its verb: "Devs, the 8-episode limited series
# from Alex Garland(,) will premiere" (the name in it is the maker's, not the subject).
APPOSITIVE_TO_VERB = re.compile(
    r"\s*,\s+(?:the|a|an|its|their)\s+[^,;.:()]{0,90}?,?\s*"
    r"(?:(?:will|is|are|has|have|was|were|also|now|officially|finally|set\s+to|due\s+to|"
    r"be|to)\s+)*",
    re.IGNORECASE,
)
# A capitalized run right before a verb that opens on a possessive is the watch described,
# not another work's name: "Its Japanese opening", "Their Netflix debut".
POSSESSIVE_LEAD = re.compile(r"\b(?-i:Its|Their|His|Her|Our)\s+(?:[A-Z][\w-]*\s+){0,2}$")
# A related work introduced by name: "The prequel Outlander: Blood of My Blood ...".
NAMED_SPINOFF = re.compile(r"\b(?i:prequel|sequel|spin-?off|companion\s+series)\s+[A-Z0-9]")
NAMED_SPINOFF = gated(NAMED_SPINOFF)


def governing_event(clause: str, position: int) -> str | None:
    """What the date at `position` is the date of: the nearest event word before it
    ("renewed ... on May 20", "returns ... on 3 August"), else the first after it."""
    events = [(m.start(), "release") for m in RELEASE.finditer(clause)]
    events += [(m.start(), "other") for m in OTHER_EVENT.finditer(clause)]
    if not events:
        return None
    before = [e for e in events if e[0] < position]
    if before:
        return max(before)[1]
    return min(events)[1]


# (a dash set off by spaces joins two clauses: "Season 2 is on its way - watch a first
# trailer here": the way is the show's)
_TRAILER_CLAUSE_BREAK = re.compile(
    r"[,;:.!?]|\s[-\u2013\u2014]\s|\s(?:and|but|while|although|though)\s", re.I
)
# Where what is said of the video ends, after it (not where it starts before it: "Netflix
# will release the date along with a teaser" is still a teaser to come).
_TRAILER_CLAUSE_END = re.compile(
    r"[,;:.!?]|\s(?:and|but|while|although|though|along\s+with|alongside|together\s+with|"
    r"as\s+well\s+as)\s|"
    # what a video shows is its content, not the video: "the teaser reveals that the season
    # will be darker" (its "will" is the story's)
    r"\s(?:reveals?|revealed|shows?|showed|confirms?|confirmed|teases?|teased|hints?|hinted|"
    r"suggests?|promises?|says?|said|makes\s+(?:it\s+)?clear)\s+that\s",
    re.I,
)


def trailer_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the short clause around a trailer word at text[start:end] (at most 60
    characters either side, up to punctuation or a conjunction): what is said of that
    video, not of the next thing the sentence mentions."""
    left = max(0, start - 60)
    right = min(len(text), end + 60)
    before = list(_TRAILER_CLAUSE_BREAK.finditer(text, left, start))
    after = _TRAILER_CLAUSE_END.search(text, end, right)
    return (before[-1].end() if before else left), (after.start() if after else right)


def trailer_not_yet(text: str) -> bool:
    """Every mention of a trailer in `text` is denied or still to come ("no trailer
    yet", "the teaser drops next week"); one that exists ("and the teaser is here")
    is enough to say no."""
    mentions = list(TRAILER.finditer(text))
    if not mentions:
        return False
    return all(mention_not_yet(text, mention) for mention in mentions)


def mention_not_yet(text: str, mention: re.Match[str]) -> bool:
    """The trailer word `mention` of `text` is denied or still to come in its own clause."""
    start, end = trailer_clause(text, mention.start(), mention.end())
    # (words quoted after the trailer word are its own: "Teaser Promises 'All Will Be
    # Revealed'" says nothing of a trailer to come)
    clause = text[start : mention.end()] + _QUOTED.sub("", text[mention.end() : end])
    return bool(
        TRAILER_NOT_YET.search(clause)
        or TRAILER_SCHEDULED.match(text, mention.end())
        or FOREIGN_TRAILER_WHEN.search(clause)
    )


# Other languages' "when" and "tomorrow" in a trailer's clause: it is still to come ("HBO
# confirma cuándo llega el primer tráiler", "la bande-annonce arrive demain"), as
# TRAILER_NOT_YET reads "when" and "tomorrow" in English. (Words no English clause holds.)
FOREIGN_TRAILER_WHEN = re.compile(
    r"\b(?:cu\u00e1ndo|quand|quando|wann|ma\u00f1ana|demain|morgen|domani|amanh\u00e3)\b",
    re.IGNORECASE,
)


# A quotation: a tagline, a line of dialogue (not an apostrophe: "the trailer's").
_QUOTED = re.compile(
    "(?<![\\w])['\"\u2018\u201c][^'\"\u2019\u201d]{1,80}['\"\u2019\u201d](?![\\w])"
)


# A sentence that points the reader to another article of the site, whatever the
# date in it: "And for more on Netflix, find out which drama is coming back in 2016!",
# "You can read our article on this year's panels", "Check out our guide to ...".
POINTER = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:"
    r"for\s+more\s+(?:on|about)\b[^.!?]{0,80}?,?\s+(?:find\s+out|check\s+out|read|see|head|"
    r"click|take\s+a\s+look|make\s+sure)"
    r"|(?:you\s+can\s+|be\s+sure\s+to\s+|make\s+sure\s+to\s+)?(?:read|check\s+out|see|"
    r"take\s+a\s+look\s+at)\s+our\s+(?:\w+\s+){0,2}(?:article|story|review|guide|coverage|recap|"
    r"list|piece|interview|explainer|rundown|roundup|ranking|breakdown)s?\b"
    r"|click\s+here\b|tap\s+here\b)",
    re.IGNORECASE,
)
# A run still going after its first date: "February 4, 2022 – present", "2019-ongoing".
RUN_TO_PRESENT = re.compile(
    r"\s*(?:[\u2013\u2014-]|to|until)\s*(?:the\s+)?(?:present|ongoing|now|today)\b", re.IGNORECASE
)
# Block roles (scraper/parse/pages.py) whose dates are the page's, not the story's.
FURNITURE_ROLES = frozenset({"byline", "dateline", "comment", "related", "navigation"})
# Block roles that hold labeled facts: a "Release date: ..." line, a table's cells.
FIELD_ROLES = frozenset({"field", "table_cell", "table_header"})
# A labeled release field: "Release date: January 15, 2027", "Premieres: Sept. 4",
# "| Release date | May 22, 2026 |", "Original release: ...".
RELEASE_FIELD = re.compile(
    r"(?:^|\|)\s*(?:(?:original|initial|theatrical|us|u\.s\.|uk|digital\s+)?\s*"
    r"(?:release|premiere|air|launch|debut|opening|streaming|broadcast)(?:\s+date)?s?|"
    r"(?:original\s+)?run|originally\s+(?:aired|released|broadcast)|premieres|released|first\s+aired|"
    r"aired|airs|opens|out|coming|arrives)"
    r"\s*(?::|\||-\s)",
    re.IGNORECASE,
)
# A listings row's note that the title's next season starts there: "(CBS, season premiere)",
# "returns", "new season" (not "regular time slot premiere" or "season finale").
LISTED_SEASON_START = re.compile(
    r"\b(?:season\s+(?:premiere|debut|opener|launch|return)|new\s+season|returns?|returning"
    r"(?:\s+series)?|back\s+for\s+(?:a|another)\s+(?:new\s+)?season)\b",
    re.IGNORECASE,
)
# A season named after a date inside a phrase that modifies something else is not the
# date's subject: "dropping in October, with the only returning cast member from the first
# season", "later than season one"; nor one that opens a clause of its own after the date's
# ("returning Saturday, January 6th, after the first season aired on Thursdays").
SEASON_AS_MODIFIER = re.compile(
    r"\b(?:from|since|than|like|unlike|during|throughout|after|before|following|while)\s+"
    r"(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)

# A show's season starting, as a schedule page says it without naming the season:
# "returns on October 4", "will have a two-hour premiere", "premiering Friday".
SEASON_START = re.compile(
    r"\b(?:return(?:s|ing)?|premier(?:e|es|ing)|debut(?:s|ing)?|launch(?:es|ing)?|"
    r"kick(?:s|ing)?\s+off|bows?|back|arriv(?:es|ing)|begin(?:s|ning)?|start(?:s|ing)?|"
    + "|".join(languages.RETURN_WORDS)
    + r")(?!\w)",
    re.IGNORECASE,
)
# A season start that can only be a later season's: the show comes back.
# A page that lists premiere dates (a network's premiere week, a fall slate, "newly
# announced are:"): an unnumbered entry of the watch's title on it is the coming season's
# start (about.unnamed_return).
PREMIERE_LIST = re.compile(
    r"\b(?:(?:season\s+)?premiere|return|debut|launch|release|air)\s+(?:dates?|schedules?|week|"
    r"calendar)\b|\b(?:fall|autumn|winter|spring|summer|midseason|mid-season|holiday)\s+"
    r"(?:tv\s+)?(?:premieres|schedules?|line-?ups?|slate|calendar|preview)\b|"
    r"\bnewly\s+(?:announced|dated|scheduled)\b",
    re.IGNORECASE,
)
PREMIERE_LIST = gated(PREMIERE_LIST)
# An article's note that corrects it, opening its line: "UPDATE 7/11:", "Update (Dec. 3) —",
# "Editor's note:", "Correction:". What the note dates supersedes the story's earlier date.
UPDATE_NOTE = re.compile(
    r"\W*(?:update[sd]?|editor['\u2019]?s\s+note|correction|clarification)\b"
    r"[^:\u2014\u2013.]{0,30}?(?:[:\u2014\u2013]|\s-)\s*",
    re.IGNORECASE,
)
# A season on air given a new hour or night (the time_slot_move rule): "will shift to
# 9:00-9:30 PM", "moves to Thursdays", "(Time period premiere)", "in its new time slot".
TIME_SLOT_MOVE = re.compile(
    r"\b(?:time[\s-]?(?:slot|period)\s+premiere|(?:new|regular)\s+time[\s-]?(?:slot|period)|"
    r"(?:shift|mov|switch|slid)\w*\s+(?:back\s+)?to\s+(?:(?:a\s+new\s+)?time[\s-]?slot\b|"
    r"\d{1,2}(?::\d\d)?\s*(?:-\s*\d{1,2}(?::\d\d)?\s*)?[ap]\.?m|"
    # ("slides to 8:30p", "moves to 10/9c": a grid's short hours)
    r"\d{1,2}:\d\d\s*[ap]\b|\d{1,2}(?::\d\d)?/\d{1,2}(?::\d\d)?c\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days\b))",
    re.IGNORECASE,
)
TIME_SLOT_MOVE = gated(TIME_SLOT_MOVE)
# A clause in the future tense: "will premiere", "is set to return", "is coming back".
FUTURE_TENSE = re.compile(
    r"\b(?:will|['\u2019]ll|(?:is|are)\s+(?:now\s+)?(?:set|slated|scheduled|due)\s+"
    r"to|(?:is|are)\s+(?:now\s+)?(?:coming|returning|premiering|arriving|launching))\b",
    re.IGNORECASE,
)
# A plan given up, before its date: "originally scheduled for release on August 4".
SUPERSEDED_WORDS = re.compile(r"\b(?:originally|previously|formerly|initially)\b", re.I)
# A guide's line for a show's first season: "(Series premiere)", "new drama series".
SERIES_DEBUT = re.compile(
    r"\bseries\s+(?:premiere|debut|launch)\b|\bnew\s+(?:[\w-]+\s+){0,2}?series\b|"
    r"\b(?:new|freshman|debut)\s+(?:show|drama|comedy|sitcom)\b",
    re.IGNORECASE,
)
COMES_BACK = re.compile(
    r"\b(?:return(?:s|ing)?|back|" + "|".join(languages.RETURN_WORDS) + r")(?!\w)", re.IGNORECASE
)
# A show coming back inside its running season: the season's second half, not its start
# ("returns from its winter break", "the midseason premiere", "for the back half").
MIDSEASON = re.compile(
    r"\b(?:mid-?season|winter\s+(?:break|hiatus|finale)|(?:holiday|winter|summer|spring|"
    r"mid-?season|brief|long)\s+(?:break|hiatus)|hiatus|back\s+half|second\s+half|"
    r"remaining\s+episodes|rest\s+of\s+(?:the|its)\s+season|fall\s+finale)\b",
    re.IGNORECASE,
)

# A date the text gives as the new one after a delay: "its new release date, Aug. 26",
# "will now open", "now set for", "has been re-dated to".
NEW_DATE = re.compile(
    r"\bnew\s+(?:release\s+|premiere\s+|opening\s+|debut\s+)?date\b|\bwill\s+now\b"
    r"|\bnow\s+(?:be\s+|has\s+been\s+|been\s+)?(?:set|slated|scheduled|dated|due|opens?|"
    r"arrives?|lands?|hits?|premieres?|debuts?|releas\w*|coming|expected|targeting)\b"
    r"|\bre-?dated\b|\brescheduled\s+(?:for|to)\b|\b(?:has|have)\s+(?:since|now)\s+(?:been\s+)?"
    r"(?:set|dated|slated|scheduled)\b",
    re.IGNORECASE,
)

# Other entries of a batch, counted: "the next four will be out in 2021", "the other two
# films open later" (not episodes, parts or spans of time: those are the watch's own).
OTHER_ENTRIES = re.compile(
    r"\b(?:the|its|their)\s+(?:next|other|remaining|last|final|latter)\s+(?:two|three|four|"
    r"five|six|seven|eight|nine|ten|\d{1,2}|few|several)\b(?!\s+(?:episodes?|eps?|parts?|"
    r"volumes?|chapters?|instal+ments?\s+of\s+the\s+season|weeks?|days?|months?|years?|"
    r"seasons?|series|hours?|minutes?|nights?))"
    # a slate named by what its members are: "works scheduled to be released in the second
    # half of the year", "the titles slated for 2025" (a batch's dates, the watch unnamed)
    r"|\b(?:works|titles|projects|films|movies|shows|releases)\s+(?:\w+\s+)?"
    r"(?:scheduled|slated|set|due|planned|coming)\s+(?:to|for|in|out)\b",
    re.IGNORECASE,
)
