"""Released trailers of the watched title and season among a document's videos.

A video is judged by the words nearest to it: its own title or link text
first, then the sentences just before and after it. The first of those that
says what kind of video it is decides: a trailer or teaser counts; a
featurette, clip, blooper reel, interview, cast or date-reveal video does not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scraper.extract import cues, subject
from scraper.extract.candidates import DocFacts, VideoCandidate
from scraper.extract.reading import Sentence, Subject, classify, headline_case
from scraper.extract.subject import title_mentions
from scraper.extract.text import case_key, normalize
from scraper.models import Watch

if TYPE_CHECKING:
    from scraper.parse.documents import Document
    from scraper.parse.pages import Video


def trailer_candidates(
    doc: Document, sentences: list[Sentence], watch: Watch, facts: DocFacts
) -> list[VideoCandidate]:
    """Every video of the document, once each, with the sentences around it; and, when
    no video is labeled a trailer, the document itself as a trailer reported in words."""
    by_block: dict[int, list[Sentence]] = {}
    for sentence in sentences if doc.videos else ():  # (most documents show no video)
        by_block.setdefault(sentence.block, []).append(sentence)
    found: dict[str, VideoCandidate] = {}
    for video in doc.videos:
        seen = found.get(video.url)
        if seen is not None and (seen.sentence or video.chrome):
            continue
        # A video linked in a sentence and embedded below it: whichever of its places
        # says it is the watch's trailer judges it ("(watch it here)" says too little).
        context = _context(video, by_block)
        candidate = VideoCandidate(video.url, normalize(video.label), video, context, facts)
        judged = _judge(video.label, context, watch, doc_subject(sentences))
        if judged is not None:
            candidate.sentence, candidate.tie = judged
        elif seen is not None:
            continue
        found[video.url] = candidate
    if not any(c.sentence for c in found.values()) and not any(
        v for v in doc.videos if not v.chrome and _is_trailer_label(v.label)
    ):
        # (a headline about a trailer over a video we could not judge means that video,
        # not the page: the headline alone reports a trailer only on a page that shows no
        # video. A feed entry's title is its link's: a video feed's entry whose video id
        # was refused must not turn into its link.)
        shown = any(not v.chrome for v in doc.videos)
        evidence = _reported_without_link(
            sentences, watch, headline=doc.kind == "page" and not shown
        )
        if evidence is not None and doc.url not in found:
            found[doc.url] = VideoCandidate(
                doc.url, "", None, [], facts, sentence=evidence, tie="reported"
            )
    return list(found.values())


def doc_subject(sentences: list[Sentence]) -> str | None:
    return sentences[0].doc_subject if sentences else None


def _is_trailer_label(label: str) -> bool:
    return bool(cues.TRAILER.search(label))


def _context(video: Video, by_block: dict[int, list[Sentence]]) -> list[Sentence]:
    """The sentences nearest a video, nearest first."""
    here = by_block.get(video.block, [])
    before = list(reversed(by_block.get(video.block - 1, [])))
    if not video.embedded:
        # A link: its own sentence, then the ones just before and after it.
        label = normalize(video.label)
        at = next((i for i, s in enumerate(here) if label and label in s.text), None)
        if at is None:
            return here[:1] + before[:1]
        if at == 0 and _POINTER.match(here[0].text) and _reports_trailer(before):
            # "Watch it here: <link>" on its own, after the paragraph reporting the trailer
            return [here[0], *before]
        if _bare_pointer(here[at].text, label):
            # "Here it is: <link>" says nothing of its own: the words before it do, and
            # the headline (a forum post's title)
            headline = [s for s in by_block.get(-1, []) if not s.chrome]
            earlier = by_block.get(video.block - 2, [])[-1:]
            return [here[at], *reversed(here[:at]), *before[:1], *earlier, *headline]
        return [here[at], *reversed(here[max(0, at - 2) : at]), *here[at + 1 : at + 2], *before[:1]]
    after = here[:1]  # a caption under the player
    earlier = list(reversed(by_block.get(video.block - 2, [])))
    headline = by_block.get(-1, [])
    return [s for s in before + after + earlier + headline if not s.chrome]


def _bare_pointer(text: str, label: str) -> bool:
    """A link's sentence with at most a few words besides the link: "Here it is: <url>"."""
    rest = text.replace(label, " ", 1)
    return len(re.findall(r"[A-Za-z]+", rest)) <= 4


# A line that only points at a video: "Watch it here:", "See the teaser below".
_POINTER = re.compile(
    r"^\W*(?:you\s+can\s+)?(?:watch|see|view|check\s+(?:it|them)\s+out)\s+(?:it|them|"
    r"(?:the\s+)?(?:new\s+|full\s+|official\s+)?(?:trailer|teaser(?:\s+trailer)?))?"
    r"\s*(?:here|below|above|now|on\s+youtube)\b",
    re.IGNORECASE,
)


def _reports_trailer(sentences: list[Sentence]) -> bool:
    """One of the paragraph's sentences reports a trailer as released."""
    return any(
        cues.TRAILER.search(s.text)
        and cues.TRAILER_OUT.search(s.text)
        and not cues.trailer_not_yet(s.text)
        for s in sentences
    )


def _judge(
    label: str, context: list[Sentence], watch: Watch, subject: str | None
) -> tuple[str, str] | None:
    """(the evidence sentence, how it ties the video to the watch) when the video is a
    trailer for the watch, else None. The ties are the trailer rules' names' tails:
    the link's own sentence in a passage about the watch, words naming the watched
    season, a passage (or document) about it, the film's title."""
    label = normalize(label)
    if label and _label_names_other_work(label, watch):
        return None
    texts: list[tuple[str, str | None]] = [(s.text, s.subject) for s in context]
    own = context[0] if context and label and label in context[0].text else None
    own_text = None
    if own is not None:
        # A link's own sentence, up to the end of the link's clause: what follows
        # describes the video ("(watch here), which picks up after season 2's finale").
        own_text = _said_of_link(own.text, label)
        texts[0] = (own_text, own.subject)
    if label:
        # A link's own sentence comes first (it holds the label and says more:
        # "Rewatch the trailer"); a player's title comes first.
        at = 1 if own is not None else 0
        texts.insert(at, (label, None))
    kind_text = None
    if own_text is not None and _about_other_work(own_text, watch):
        return None
    for text, _ in texts:
        if own is not None and text == own_text:
            kind = _kind_before(text, text.find(label) + len(label))
            if kind == "other" or cues.TRAILER_DENIED.search(text):
                return None
            if kind == "trailer" and not cues.trailer_not_yet(text):
                if own.subject == Subject.WATCH and classify(text, watch) not in (
                    Subject.OTHER,
                    Subject.OTHER_SEASON,
                ):
                    # "the season's trailer, which you can watch here" in a passage
                    # about the watch: the link is that trailer.
                    return own.text, "own_sentence"
                kind_text = own.text
                break
            continue
        if cues.NOT_A_TRAILER.search(text) or cues.TRAILER_DENIED.search(text):
            return None
        trailer = cues.TRAILER.search(text)
        if trailer:
            if text != label and cues.trailer_not_yet(text):
                continue
            if text != label and _named_for_other_work(text, trailer.start(), watch):
                return None
            kind_text = text
            break
    if kind_text is None:
        return None
    # Which season: the first of these words that names one decides.
    for text, sentence_subject in texts:
        named = classify(text, watch)
        if named in (Subject.OTHER, Subject.OTHER_SEASON):
            return None
        if named in (Subject.WATCH, Subject.SEASON):
            if named == Subject.WATCH:
                return kind_text, "names_watch"
            if sentence_subject in (Subject.WATCH, Subject.TITLE) or subject == Subject.WATCH:
                return kind_text, "watch_passage"
            return None
        if (
            named == Subject.TITLE
            and watch.season is not None
            and watch.season > 1
            and text == label
            and not _LATER_PART.search(label)
        ):
            # An official video named without a season is the first season's (unless it
            # names a later part: "Part 2 Trailer", "The Final Season").
            return None
    if watch.season is None:
        if any(title_mentions(t, watch) for t, _ in texts):
            return kind_text, "names_film"
        return (kind_text, "watch_passage") if subject == Subject.WATCH else None
    # No season named anywhere near: the video is the watch's when the passage it
    # sits in (or the whole document) is about the watch.
    passage = [s for _, s in texts if s is not None][:2]
    if subject == Subject.WATCH or Subject.WATCH in passage:
        return kind_text, "watch_passage"
    return None


_LATER_PART = re.compile(
    r"\b(?:part|cour|volume|vol\.?)\s*(?:[2-9]|two|three|four|ii\b)|\b(?:final|new|next)\s+season|"
    r"\b(?:second|back)\s+half",
    re.IGNORECASE,
)


def _named_for_other_work(text: str, position: int, watch: Watch) -> bool:
    """The trailer word at `position` follows another work's name: "HBO dropped the
    second Dune: Prophecy trailer" (on a page about another show). A network or an
    event ("the Comic-Con trailer") names no work. (In a headline every word is
    capitalized: "Sets June Premiere, Releases Teaser" names nothing.)"""
    if headline_case(text):
        return False
    modifiers = _TRAILER_MODIFIERS.search(text, max(0, position - 60), position)
    if modifiers is not None:
        position = modifiers.start()  # "Season 2 | Official Teaser": "Official" is no work
    if not subject.other_work_before(text, position, watch):
        return False
    return not cues.TRAILER_EVENT.search(text, max(0, position - 40), position)


# Words between a work's name and its trailer word that describe the video.
_TRAILER_MODIFIERS = re.compile(
    r"(?:\b(?:official|final|first|second|third|new|full|main|extended|international|"
    r"red[\s-]band|latest|launch|teaser|character|story|special|exclusive)\s+)+$",
    re.IGNORECASE,
)


def _said_of_link(text: str, label: str) -> str:
    """`text` up to the end of the clause holding the link's label."""
    end = text.find(label) + len(label)
    cut = cues.CLAUSE_BREAK.search(text, end)
    return text[: cut.start()] if cut else text


def _about_other_work(text: str, watch: Watch) -> bool:
    """A link's own sentence (or list item) is about another work and never names the
    watch: "“Murderbot” debuts May 16 — watch the trailer here"."""
    if title_mentions(text, watch):
        return False
    if cues.QUOTED_TITLE.search(text):
        return True
    verb = cues.RELEASE.search(text)
    return verb is not None and subject.other_work_before(text, verb.start(), watch)


_LABEL_SEPARATOR = re.compile(r"\s+[|\u2014\u2013-]\s+|:\s+|\s+\|")


def _label_names_other_work(label: str, watch: Watch) -> bool:
    """A video title leads with the product it is for: "Disney Speedstorm | Mufasa
    Season Trailer" is the game's, "Minecraft: Bundles of Bravery - Official Trailer"
    the update's, whatever later words share the watch's name."""
    if _extends_title(label, watch):
        return True
    separator = _LABEL_SEPARATOR.search(label)
    if separator is None:
        return False
    head = label[: separator.start()].strip()
    if any(start < separator.start() for start, _, _ in title_mentions(label, watch)):
        return False
    if cues.TRAILER.search(head) or cues.NOT_A_TRAILER.search(head):
        return False
    if subject.is_distributor(head) or not head[:1].isupper():
        return False
    words = re.findall(r"[A-Za-z][\w'\u2019]*", head)
    return bool(words) and all(w[0].isupper() for w in words if len(w) > 3)


# What may follow the watch's title after a colon in a video title and still be the watch:
# its season or part, the video's kind, a network's tagline.
_SAME_WORK_AFTER_COLON = re.compile(
    r"(?:season|series|s\d|vol\.?|volume|chapter|book|part|the\s+final\s+season|official|"
    r"final|new|first|teaser|trailer|original|exclusive|episode|ep\.?)\b",
    re.IGNORECASE,
)
_SUBTITLE = re.compile(r"\s*:\s+([A-Z0-9][^|\u2013\u2014()]*?)\s*(?:$|[|\u2013\u2014(]|\s-\s)")


def _extends_title(label: str, watch: Watch) -> bool:
    """A video title in which the watch's title goes on with a subtitle of its own is a
    sequel's or a spin-off's: "Harbor Lights: The Lost Year – Official Trailer" is not
    the film "Harbor Lights". (A season, or a series' part, after the colon is the watch.)"""
    for _, end, _ in title_mentions(label, watch):
        subtitle = _SUBTITLE.match(label, end)
        if subtitle is None:
            continue
        rest = subtitle.group(1).strip()
        if not rest or cues.TRAILER.search(rest) or subject.is_distributor(rest):
            continue
        if _SAME_WORK_AFTER_COLON.match(rest):
            if watch.season is None and re.match(r"(?i)part\b", rest):
                return True  # a film's "Part Two" is its sequel
            continue
        return True
    return False


_OLD_VIDEO = re.compile(r"\b(?:rewatch\w*|revisit\w*|throwback|refresher|look\s+back)\b", re.I)


def _kind_before(text: str, end: int) -> str | None:
    """What a link's own sentence calls the video: the kind word nearest before the
    link's end ("made the announcement alongside the trailer, which you can watch here").
    A video offered for a rewatch or a refresher is an old one, wherever that is said."""
    if _OLD_VIDEO.search(text):
        return "other"
    words = [(m.start(), "trailer") for m in cues.TRAILER.finditer(text, 0, end)]
    words += [(m.start(), "other") for m in cues.NOT_A_TRAILER.finditer(text, 0, end)]
    return max(words)[1] if words else None


def _reported_without_link(
    sentences: list[Sentence], watch: Watch, headline: bool = True
) -> str | None:
    leads: dict[int, str] = {}  # each block's first sentence (once one is asked for)
    for sentence in sentences:
        if sentence.chrome or sentence.subject != Subject.WATCH:
            continue
        text = sentence.text
        if not _may_name_trailer(text):
            continue
        if not leads:
            for each in sentences:
                leads.setdefault(each.block, each.text)
        lead = leads[sentence.block]
        if lead != text and _names_another_entry(lead, watch):
            continue  # an item of a list of shows, headed by another show's name
        if not cues.TRAILER.search(text) or not cues.TRAILER_OUT.search(text):
            continue
        if cues.trailer_not_yet(text) or cues.NOT_A_TRAILER.search(text):
            continue
        if cues.TRAILER_GONE.search(text) or cues.TRAILER_DENIED.search(text):
            continue
        first = cues.TRAILER.search(text)
        # (what follows the trailer word describes the video: a quoted slogan in it makes
        # no other work of the sentence when the words up to it do not)
        said = text[: first.end()] if first else text
        if classify(text, watch) in (Subject.OTHER, Subject.OTHER_SEASON) or (
            _about_other_work(text, watch) and _about_other_work(said, watch)
        ):
            continue
        if first is not None and (
            _named_for_other_work(text, first.start(), watch)
            or _for_other_work(text, first.end(), watch)
            or _other_kind_owns(text, first.start(), watch)
        ):
            continue
        # Only the clause reporting the trailer: "..., and a full trailer is expected";
        # not a participle after a comma ("..., offering a taste of what fans can expect").
        left, right = cues.clause_around(text, first.start(), first.end()) if first else (0, 0)
        comma = text.find(", ", first.end(), right) if first else -1
        if comma != -1 and cues.TRAILER_OUT.search(text, first.end(), comma):
            right = comma
        if cues.SPECULATION.search(text, left, right) or cues.NEGATION.search(text, left, right):
            continue
        return text
    return _headline_names_trailer(sentences, watch) if headline else None


# A list item's heading: "• Tidewater.", "2. Salt Marsh:" (a name and nothing more).
_ENTRY_NAME = re.compile(
    r"^[\W\d]*((?:[A-Z0-9][\w'\u2019&!-]*|of|the|and|a|in|on|to)"
    r"(?:\s+(?:[A-Z0-9][\w'\u2019&!-]*|of|the|and|a|in|on|to)){0,7})\s*[.:]?\s*$"
)


def _names_another_entry(lead: str, watch: Watch) -> bool:
    """A block opening with a bare name that is not the watch's ("• Tidewater.") is an
    entry of a list about that work: what it says of "a new teaser" is that work's."""
    match = _ENTRY_NAME.match(lead)
    if match is None or not match.group(1)[:1].isupper():
        return False
    name = match.group(1)
    if cues.TRAILER.search(name) or subject.is_distributor(name) or len(name) < 4:
        return False  # "Trailer:", "Netflix:" head an item about the watch as well
    return not title_mentions(lead, watch) and classify(lead, watch) != Subject.WATCH


def _headline_names_trailer(sentences: list[Sentence], watch: Watch) -> str | None:
    """A headline about the watch whose news is its trailer ("Harbor Lights Season 2
    Trailer", "Season 2 Gets a New PV", "This Week in Trailers: From X to <watch>") reports
    a released trailer even when the body keeps no link and no release verb. Not an
    explainer's list ("Release Date, Cast, Trailer and More"), a question, or a trailer
    still to come."""
    for sentence in sentences:
        if sentence.role != "headline" or sentence.chrome:
            continue
        text = sentence.text
        first = cues.TRAILER.search(text) if _may_name_trailer(text) else None
        if first is None or sentence.subject != Subject.WATCH:
            continue
        # (a headline is short: a word of the future anywhere in it is the trailer's)
        if "?" in text or _EXPLAINER.search(text):
            continue
        if cues.TRAILER_NOT_YET.search(text) or cues.trailer_not_yet(text):
            continue
        if cues.NOT_A_TRAILER.search(text) or cues.FAN_MADE.search(text):
            continue
        if classify(text, watch) in (Subject.OTHER, Subject.OTHER_SEASON):
            continue
        if _named_for_other_work(text, first.start(), watch) or _for_other_work(
            text, first.end(), watch
        ):
            continue
        return text
    return None


# "the film's trailer": a trailer owned by a kind of work the watch is not.
_FILM_OWNER = re.compile(
    r"\b(?:the|this|that)\s+(?:new\s+|upcoming\s+|animated\s+)?(?:film|movie|game|video\s+game|"
    r"sequel|prequel|spin-?off|ova|special)['\u2019]s?\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_SHOW_OWNER = re.compile(
    r"\b(?:the|this|that)\s+(?:new\s+|upcoming\s+)?(?:show|series|season|game|video\s+game|"
    r"spin-?off)['\u2019]s?\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _other_kind_owns(text: str, position: int, watch: Watch) -> bool:
    """The trailer word at `position` is owned by a kind of work the watch is not: "the
    film's trailer" on a page about a season, "the series' teaser" about a film."""
    before = text[max(0, position - 50) : position]
    owner = _FILM_OWNER if watch.season is not None else _SHOW_OWNER
    return owner.search(before) is not None


# Headlines that list what an explainer covers, the trailer among other things.
_EXPLAINER = re.compile(
    r"\b(?:release\s+date|cast|plot|everything|what\s+we\s+know|what\s+to\s+expect|news|"
    r"updates?|rumou?rs?|spoilers?|when|how|where|why|details|theor(?:y|ies)|easter\s+eggs|"
    r"things|takeaways|predictions?|and\s+more|&\s+more)\b",
    re.IGNORECASE,
)

# "a teaser trailer for The Idol": the work the trailer is for, named after it.
_FOR_WORK = re.compile(
    r"(?:\s+(?:trailers?|teasers?|videos?|promo))?\s+(?:for|of)\s+(?:the\s+(?:new\s+|upcoming\s+|next\s+)?)?[\"\u201c\u2018']?"
    r"((?:[A-Z0-9][\w'\u2019!:.&-]*)(?:\s+(?:(?:of|the|and|a|in|on|to|&)\s+)*[A-Z0-9][\w'\u2019!:.&-]*)*)"
)


def _for_other_work(text: str, end: int, watch: Watch) -> bool:
    """The trailer word ending at `end` is followed by another work's name: "HBO released
    a teaser trailer for The Idol" on a page about another show. (A season, a part, a
    network or the watch's own name there is no other work.)"""
    match = _FOR_WORK.match(text, end)
    if match is None or headline_case(text):
        return False
    name = match.group(1).rstrip(":.")
    if subject.is_distributor(name) or re.match(
        r"(?i)(?:season|series|part|volume|vol\b|chapter|episode|the\s+(?:show|series|film|"
        r"movie|season))", name
    ):
        return False
    if name.split()[0].lower() in ("the", "a", "an") and len(name.split()) == 1:
        return False
    start = match.start(1)
    stop = start + len(name)
    if any(s < stop and start < e for s, e, _ in title_mentions(text, watch)):
        return False
    return not any(s < stop and start < e for s, e, _ in title_mentions(name, watch))


def _may_name_trailer(text: str) -> bool:
    """The words cues.TRAILER needs: most sentences lack them and skip its scan."""
    key = case_key(text)
    return "trailer" in key or "teaser" in key or "promo" in key or "PV" in text
