"""Released trailers of the watched title and season among a document's videos.

A video is judged by the words nearest to it: its own title or link text
first, then the sentences just before and after it. The first of those that
says what kind of video it is decides: a trailer or teaser counts; a
featurette, clip, blooper reel, interview, cast or date-reveal video does not.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

from scraper.extract import cues, languages, subject, works
from scraper.extract.candidates import DocFacts, VideoCandidate
from scraper.extract.reading import Sentence, Subject, classify, headline_case
from scraper.extract.subject import title_mentions
from scraper.extract.text import case_key, normalize
from scraper.models import Watch
from scraper.parse.videos import youtube_id

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
    if doc.videos and -1 not in by_block:
        # The headline is part of every player's context, wherever the page keeps it: "His
        # Dark Materials season 3 trailer heads for the land of the dead" over a player
        # whose paragraphs go on about the story is that trailer.
        # (not an explainer's list of what it covers: "Release Date, Cast, Trailer And More")
        headline = next((s for s in sentences if s.role == "headline" and not s.chrome), None)
        if headline is not None and not _explainer(headline.text):
            by_block[-1] = [headline]
    found: dict[str, VideoCandidate] = {}
    # A roundup of players, each under its item's short head line ("Tidewater season 2",
    # set in bold or as a heading): a player belongs to the item above it, and the head
    # line below it opens the next item (it is no caption).
    # (two players of one video, an iframe and its <noscript> fallback, are no roundup)
    players = len({v.url for v in doc.videos if v.embedded and not v.chrome})
    heads = _ItemHeads(sentences, watch) if players > 1 else None
    head_blocks = {block for block, _, _ in heads.heads} if heads is not None else set()
    # Each player's block (its caption): words that are one player's are not another's.
    player_blocks = {v.block: v.url for v in doc.videos if v.embedded and not v.chrome}
    own_page = youtube_id(doc.url) if doc.videos else None
    for video in doc.videos:
        seen = found.get(video.url)
        if seen is not None and (seen.sentence or video.chrome):
            continue
        # A video linked in a sentence and embedded below it: whichever of its places
        # says it is the watch's trailer judges it ("(watch it here)" says too little).
        context = _context(video, by_block, head_blocks, player_blocks)
        candidate = VideoCandidate(video.url, normalize(video.label), video, context, facts)
        block = by_block.get(video.block)
        lead = block[0].text if block and not video.embedded else None
        own_season = own_page is not None and youtube_id(video.url) == own_page
        if own_season:
            # A video's own page or feed entry: its description names its season ("Season
            # 3 premieres June 5") wherever its title leaves the season out.
            own_season = any(
                not s.chrome and classify(s.text, watch) == Subject.WATCH for s in sentences
            )
        judged = _judge(
            video.label,
            context,
            watch,
            doc_subject(sentences),
            lead,
            video.embedded,
            own_season,
        )
        if (
            isinstance(judged, tuple)
            and heads is not None
            and video.embedded
            and heads.block_of_another_item(video.block)
        ):
            judged = "the item it sits in is headed by another work's name"
        if isinstance(judged, tuple):
            candidate.sentence, candidate.tie = judged
        elif seen is not None:
            continue
        else:
            candidate.untied = judged
        found[video.url] = candidate
    _own_page_words(doc, sentences, found)
    if not any(c.sentence for c in found.values()) and not any(
        v
        for v in doc.videos
        if not v.chrome and _is_trailer_label(v.label) and not _anothers(found.get(v.url))
    ):
        # (a headline about a trailer over a video we could not judge means that video,
        # not the page: the headline alone reports a trailer only on a page that shows no
        # video. A feed entry's title is its link's: a video feed's entry whose video id
        # was refused must not turn into its link.)
        shown = any(not v.chrome for v in doc.videos)
        # (beside another work's trailer player, "the show's first teaser" may be that
        # one: only a report that names the watch is the watch's)
        beside = any(_anothers(c) and _is_trailer_label(c.label) for c in found.values())
        evidence = _reported_without_link(
            sentences, watch, headline=doc.kind == "page" and not shown, named_only=beside
        )
        players = [c for c in found.values() if c.video is not None and not c.video.chrome]
        if (
            evidence is not None
            and len(players) == 1
            and _points_at_report(players[0], watch, evidence)
        ):
            # The one video the page shows, with nothing near it but "check out the
            # trailer below", is the trailer the text reports.
            players[0].sentence, players[0].tie, players[0].untied = evidence, "reported", ""
        elif evidence is not None and doc.url not in found:
            found[doc.url] = VideoCandidate(
                doc.url, "", None, [], facts, sentence=evidence, tie="reported"
            )
    reported = [c for c in found.values() if c.tie == "reported"]
    if reported:
        unreleased = _hall_only(sentences, watch)
        slate = _slate_video(sentences)
        announces = _announcement_video(sentences, watch)
        for candidate in reported:
            # (a report that says in so many words a trailer was released is of that
            # trailer, unless it is itself the announcement: "dropped a teaser confirming
            # filming has begun"; the page's renewal video may be an older one)
            if cues.PRODUCTION_NEWS_VIDEO.search(candidate.sentence):
                candidate.announces = candidate.sentence
            elif not cues.TRAILER_RELEASED.search(candidate.sentence):
                candidate.announces = announces
            # (a report that puts the trailer online is about that video: what the hall
            # alone saw was other footage, "the extended reel shown only to the room")
            if not _PUT_ONLINE.search(candidate.sentence):
                candidate.unreleased = unreleased
            candidate.slate = slate
    return list(found.values())


def _anothers(candidate: VideoCandidate | None) -> bool:
    """The video was judged another work's or another season's ("Other Show | Official
    Trailer | Hulu"): a roundup's player that leaves the watch's own trailer, reported in
    words, to stand for itself."""
    if candidate is None or candidate.sentence:
        return False
    why = candidate.untied
    return why.startswith(_OTHER_NEAR) or "another work" in why or "another season" in why


# A trailer said to be on the web: "released the teaser online", "is now on YouTube".
_PUT_ONLINE = re.compile(r"\b(?:online|on\s+youtube|on\s+the\s+web)\b", re.IGNORECASE)


def _slate_video(sentences: list[Sentence]) -> str:
    """The sentence saying the document's video is a network's reel of its slate ("Apple
    previewed its upcoming slate of movies and shows in a teaser"): a trailer the text
    reports with no link is then that reel, in which the watch is one first look."""
    for sentence in sentences:
        text = sentence.text
        if sentence.chrome or (not _may_name_trailer(text) and "reel" not in text):
            continue
        if cues.SLATE_VIDEO.search(text) is not None:
            return text
    return ""


def _announcement_video(sentences: list[Sentence], watch: Watch) -> str:
    """The sentence saying the document's video announces a renewal or a production start
    ("The announcement video itself features the show's title", "Netflix dropped a small
    teaser confirming season 3 has begun filming"): a trailer the text reports with no link
    is then that video, which shows no season. Not a sentence about another work."""
    for sentence in sentences:
        text = sentence.text
        if sentence.chrome or sentence.subject in (Subject.OTHER, Subject.OTHER_SEASON):
            continue
        if "announc" not in text and "renew" not in text and not _may_name_trailer(text):
            continue
        if cues.PRODUCTION_NEWS_VIDEO.search(text) is not None:
            return text
    return ""


def _hall_only(sentences: list[Sentence], watch: Watch) -> str:
    """The sentence saying the watch's trailer (or footage) was shown only to a hall and
    not released ("Warner Bros. says this trailer is a Hall H exclusive", "they haven't
    released the footage online yet"): a trailer the text reports with no link is then
    that screening, not a video anyone can watch. Not a sentence about another work, nor
    one in a passage about another work (a liveblog's other panels)."""
    said = ""
    for sentence in sentences:
        if sentence.chrome:
            continue
        hall = cues.HALL_ONLY.search(sentence.text) is not None
        if not hall and _PUT_ONLINE.search(sentence.text) is None:
            continue
        if sentence.subject in (Subject.OTHER, Subject.OTHER_SEASON):
            continue
        named = classify(sentence.text, watch)
        if named in (Subject.OTHER, Subject.OTHER_SEASON):
            continue
        if hall:
            about = sentence.subject is not None or sentence.doc_subject in (
                Subject.WATCH,
                Subject.TITLE,
            )
            if about:
                said = said or sentence.text
        elif (
            named in (Subject.WATCH, Subject.TITLE)
            and cues.TRAILER_RELEASED.search(sentence.text)
            and not cues.NEGATION.search(sentence.text)
            and not cues.SPECULATION.search(sentence.text)
        ):
            # "The studio then released the Harbor Lights teaser on YouTube": shown in the
            # hall, and online too
            return ""
    return said


def _own_page_words(
    doc: Document, sentences: list[Sentence], found: dict[str, VideoCandidate]
) -> None:
    """On a video's own page (a YouTube watch page), the description anywhere on it is the
    video's: "this CONCEPT trailer" far below the player makes a fan's video of it (the
    fan_made rule reads a candidate's context)."""
    own = youtube_id(doc.url)
    candidate = found.get(f"https://www.youtube.com/watch?v={own}") if own else None
    if candidate is None:
        return
    words = [s for s in sentences if not s.chrome and cues.FAN_MADE.search(s.text)]
    candidate.context = [*candidate.context, *words]


_NO_WORDS = "no words near it call it a released trailer"
_OTHER_NEAR = "the words near it name another season or work"
_SEASON_NEAR = "nothing near it names the watched season, nor is its passage about it"


def _points_at_report(candidate: VideoCandidate, watch: Watch, evidence: str) -> bool:
    """Nothing near an unlabeled player says what it is, or only a pointer to "the
    trailer" that names no season or work of its own ("You can check out the trailer
    below:"): it is the trailer the document reports, whatever the sentence before the
    pointer is about. So is a link inside the very sentence that reports the trailer
    ("head over to the link here, you can watch the season 4 trailer"), and the page's one
    untitled player when only a season named in the prose around it (a recap of the last
    season's cliffhanger) kept it from being judged the watch's."""
    if candidate.label:
        return normalize(candidate.label) in evidence
    if candidate.untied in (_NO_WORDS, _SEASON_NEAR) or candidate.untied.startswith(_OTHER_NEAR):
        return True
    nearest = candidate.context[0].text if candidate.context else ""
    return (
        _SHOWN_HERE.search(nearest) is not None
        and cues.TRAILER.search(nearest) is not None
        and classify(nearest, watch) is None
    )


_SHOWN_HERE = re.compile(r"\b(?:below|above|here)\b", re.IGNORECASE)


def doc_subject(sentences: list[Sentence]) -> str | None:
    return sentences[0].doc_subject if sentences else None


def _is_trailer_label(label: str) -> bool:
    return bool(cues.TRAILER.search(label))


def _context(
    video: Video,
    by_block: dict[int, list[Sentence]],
    head_blocks: set[int] | None = None,
    player_blocks: dict[int, str] | None = None,
) -> list[Sentence]:
    """The sentences nearest a video, nearest first (`head_blocks`: the blocks that head
    a roundup's items, never a player's caption; `player_blocks`: each embedded player's
    block and its URL, whose caption is that player's words, not a neighbour's)."""
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
    # a caption under the player; not a heading, which opens the next section ("<h2>Another
    # Show</h2>" after a roundup item's player is the next item's)
    after = [
        s
        for s in here[:1]
        if (not s.heading or s.role == "caption") and s.block not in (head_blocks or ())
    ]
    if after and after[0].role != "caption" and before and _INTRODUCES.search(before[0].text):
        # "Confira o trailer completo:" right above the player introduces it: the line
        # below (a sub-heading set as a paragraph, the next topic) is no caption of it
        after = []
    earlier = list(reversed(by_block.get(video.block - 2, [])))
    headline = by_block.get(-1, [])
    # (a gallery of players, a teaser then three featurettes: the caption of the player
    # above says what that one is, nothing of this one)
    others = {b for b, url in (player_blocks or {}).items() if url != video.url}
    return [
        s for s in before + after + earlier + headline if not s.chrome and s.block not in others
    ]


# A line that ends by pointing at what follows it: "Watch the trailer below:", "Veja o
# trailer:", "Confira o trailer completo:".
_INTRODUCES = re.compile(r":\s*$")


def _points_at_anothers(text: str, label: str, context: list[Sentence], watch: Watch) -> bool:
    """A link's own sentence that names nothing ("Watch the trailer.", "Here it is:") after
    words naming another work's trailer ("Enola Holmes 2 trailer arrives"): the nearest
    earlier trailer word decides whose it is, not the passage's carried subject."""
    if title_mentions(text, watch) or not (_bare_pointer(text, label) or _POINTER.match(text)):
        return False
    for sentence in context[1:]:
        if sentence.text == text:
            continue
        trailer = cues.TRAILER.search(sentence.text) if _may_name_trailer(sentence.text) else None
        if trailer is None:
            continue
        if title_mentions(sentence.text, watch):
            return False
        return _named_for_other_work(sentence.text, trailer.start(), watch)
    return False


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


def _reports_watch_trailer(sentences: list[Sentence], watch: Watch) -> bool:
    """One of the sentences reports the watched season's trailer as released ("Netflix
    released the first teaser for Harbor Lights season 3 on Monday.") and names no
    other season or work."""
    return any(
        cues.TRAILER.search(s.text)
        and classify(s.text, watch) == Subject.WATCH
        and cues.TRAILER_RELEASED.search(s.text)
        and not cues.trailer_not_yet(s.text)
        for s in sentences
    )


def _reports_trailer(sentences: list[Sentence]) -> bool:
    """One of the paragraph's sentences reports a trailer as released."""
    return any(
        cues.TRAILER.search(s.text) and _said_out(s.text) and not cues.trailer_not_yet(s.text)
        for s in sentences
    )


def _judge(
    label: str,
    context: list[Sentence],
    watch: Watch,
    subject: str | None,
    lead: str | None = None,
    embedded: bool = False,
    own_season: bool = False,
) -> tuple[str, str] | str:
    """(the evidence sentence, how it ties the video to the watch) when the video is a
    trailer for the watch, else why it is not (--explain says it). The ties are the
    trailer rules' names' tails: the link's own sentence in a passage about the watch,
    words naming the watched season, a passage (or document) about it, the film's title."""
    label = normalize(label)
    if label and _label_names_other_work(label, watch):
        return "its title names another work"
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
        return "its link's sentence is about another work"
    # (the line the link's item opens with: "<b>Another Show</b> (Network) - cast news.
    # <a>Teaser</a>" puts the link in a sentence of its own)
    entry_line = lead if own is not None and lead is not None else own_text
    entry = _BRACKETED_ENTRY.match(entry_line) if entry_line is not None else None
    if entry is not None and _names_another_entry(entry.group(1), watch):
        # "THE ORVILLE (Thursday at 9/8c) [WATCH TRAILER HERE]": an entry of a list of
        # shows, led by another show's name
        return "its link's line is another work's entry"
    for text, _ in texts:
        cue = _cue_text(text, watch)  # (the watch's title blanked: its words are no cues)
        if own is not None and text == own_text:
            kind = _kind_before(cue, text.find(label) + len(label))
            if kind == "other" or cues.TRAILER_DENIED.search(cue):
                return f"its link's sentence calls it something else: {text[:80]!r}"
            if kind == "trailer" and not cues.trailer_not_yet(cue):
                word = _last_trailer_word(cue, text.find(label) + len(label))
                if word is not None and (
                    _named_for_other_work(text, word.start(), watch)
                    or _for_other_work(text, word.end(), watch)
                    or _other_kind_owns(text, word.start(), watch, word.end())
                ):
                    # "put the new <another film> trailer online; you can watch it here"
                    return f"the trailer its link's sentence names is another work's: {text[:80]!r}"
                if _points_at_anothers(own.text, label, context, watch):
                    # "Enola Holmes 2 trailer arrives ... Watch the trailer.": a bare
                    # pointer means the trailer named just before it
                    return "the trailer its bare pointer follows is another work's"
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
        if cues.NOT_A_TRAILER.search(cue) or cues.TRAILER_DENIED.search(cue):
            return f"the nearest words call it something else: {text[:80]!r}"
        trailer = cues.TRAILER.search(cue)
        if trailer:
            if text == label and cues.TRAILER_SCHEDULED.match(cue, trailer.end()):
                # A video titled "Teaser coming tomorrow" announces the trailer; it is
                # not it. (Other words of the future in a title are the show's: "Official
                # Teaser | Coming Soon to Netflix".)
                return "its title announces a trailer still to come"
            if text != label and cues.trailer_not_yet(cue):
                continue
            # Each trailer word in turn, as a report in words is read: the first may be
            # another work's or season's and a later one the watch's ("A few hours after
            # the Other Show season 3 trailer went up, HBO followed with a teaser for
            # season 2 of Harbor Lights").
            owner = None
            for trailer in cues.TRAILER.finditer(cue):
                owner = _trailer_owner(text, label, trailer, watch)
                if owner is None:
                    break
            if owner is not None:
                return owner
            kind_text = text
            # (what follows the trailer word's clause describes the video: "the cast
            # introduced the trailer, which makes clear nothing has improved since season
            # 2" is no season 2 trailer)
            cut = cues.CLAUSE_BREAK.search(cue, trailer.end())
            if cut is not None:
                texts = [(t[: cut.start()] if t == text else t, s) for t, s in texts]
            break
    if kind_text is None:
        return _NO_WORDS
    # Which season: the first of these words that names one decides.
    for text, sentence_subject in texts:
        named = classify(text, watch)
        if named == Subject.TITLE and text == label and watch.season is not None:
            japanese = _JAPANESE_SEASON.search(label)
            if japanese is not None:
                # "TVアニメ「Starfall Academy」第2期 本PV": the title and its season, 第N期
                if int(japanese.group(1).translate(_FULL_WIDTH)) == watch.season:
                    return kind_text, "names_watch"
                return f"its title names another season: {label[:80]!r}"
        if named in (Subject.OTHER, Subject.OTHER_SEASON):
            return f"{_OTHER_NEAR}: {text[:80]!r}"
        if named == Subject.TITLE and watch.season is not None:
            year = _year_after_title(text, watch)
            published = next((s.published for s in context if s.published), None)
            if year is not None and published is not None:
                # A show that names its seasons by year ("Love Island Australia 2019 |
                # Teaser", "the first Bake Off 2022 teaser"): the page's year or the next
                # is the season still to come, the watched one; an earlier year's is
                # an earlier season's video.
                if published.year <= year <= published.year + 1:
                    return kind_text, "names_watch"
                return f"its title names an earlier or later year's season: {text[:80]!r}"
        if named in (Subject.WATCH, Subject.SEASON):
            if named == Subject.WATCH:
                return kind_text, "names_watch"
            if sentence_subject in (Subject.WATCH, Subject.TITLE) or subject == Subject.WATCH:
                return kind_text, "watch_passage"
            if text == label and embedded:
                # a player titled with the season alone ("アニメ 第2期 ティザーPV") says
                # not whose: the words around it do
                continue
            return "it names a season, in a passage about no title"
        if (
            named == Subject.TITLE
            and watch.season is not None
            and watch.season > 1
            and text == label
            and not _LATER_PART.search(label)
            and (kind_text == label or classify(kind_text, watch) != Subject.WATCH)
            and not (embedded and _reports_watch_trailer(context[:1], watch))
            and not own_season
        ):
            # An official video named without a season is the first season's (unless it
            # names a later part: "Part 2 Trailer", "The Final Season"; or the words that
            # call it a trailer name the watched season: "a new trailer for the revival").
            return "its title names the show without a season: the first season's video"
    if watch.season is None:
        if any(title_mentions(t, watch) for t, _ in texts):
            return kind_text, "names_film"
        passage = [s for _, s in texts if s is not None][:2]
        if subject == Subject.WATCH or Subject.WATCH in passage:
            # (as for a season: the passage the player sits in is about the film, as in
            # a roundup's item headed by its name)
            return kind_text, "watch_passage"
        return "nothing near it names the film, nor is the document about it"
    # No season named anywhere near: the video is the watch's when the passage it
    # sits in (or the whole document) is about the watch.
    passage = [s for _, s in texts if s is not None][:2]
    if subject == Subject.WATCH or Subject.WATCH in passage or own_season:
        return kind_text, "watch_passage"
    return _SEASON_NEAR


def _year_after_title(text: str, watch: Watch) -> int | None:
    """The year written right after the watch's title ("Love Island Australia 2019 |
    Teaser"), or None."""
    for _, end, _ in title_mentions(text, watch):
        year = _TITLE_YEAR.match(text, end)
        if year is not None:
            return int(year.group(1))
    return None


_TITLE_YEAR = re.compile(r"\s*[(:-]?\s*((?:19|20)\d\d)\b\)?(?!\s*[-/]\d)")


def _trailer_owner(text: str, label: str, trailer: re.Match[str], watch: Watch) -> str | None:
    """Why the trailer word `trailer` of `text` (a video's title or a sentence near it) is
    another work's or another season's trailer; None when it may be the watch's."""
    if text != label and (
        _named_for_other_work(text, trailer.start(), watch)
        or _for_other_work(text, trailer.end(), watch)
        or _other_kind_owns(text, trailer.start(), watch, trailer.end())
    ):
        # (the checks a trailer reported in words passes: "the second trailer for Gary
        # Ross's Ocean's 8" above a player is that film's, on any page)
        return f"the trailer named is another work's: {text[:80]!r}"
    if _other_season_owns(text, trailer, watch):
        return f"the trailer named is another season's: {text[:80]!r}"
    return None


# A season numbered the Japanese way in a video's title: 第2期 ("the second period").
_JAPANESE_SEASON = re.compile(r"\u7b2c\s*([0-9\uff10-\uff19]{1,2})\s*\u671f")
_FULL_WIDTH = str.maketrans({chr(0xFF10 + digit): str(digit) for digit in range(10)})

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
    modifiers = _TRAILER_MODIFIERS.search(text, max(0, position - 60), position)
    if modifiers is not None:
        position = modifiers.start()  # "Season 2 | Official Teaser": "Official" is no work
    quoted = _QUOTED_BEFORE.search(text, max(0, position - 80), position)
    if quoted is not None and not title_mentions(quoted.group(), watch):
        # "'Other Show' Trailer Released; 'Harbor Lights' Adds Three": a title set in
        # quotes right before the trailer word owns it, in a headline's case too
        return True
    if headline_case(text):
        return False
    lead = text[:position].split()
    if lead and len(lead) <= 3 and all(w.lower() in _FUNCTION_WORDS for w in lead):
        return False  # "Nel trailer ...", "Im neuen Trailer ...": a sentence's opening words
    if not subject.other_work_before(text, position, watch):
        return False
    return not cues.TRAILER_EVENT.search(text, max(0, position - 40), position)


# Articles, prepositions and adjectives that open a sentence before its trailer word, in
# the languages of cues.FOREIGN_TRAILER_OUT ("Nel trailer", "Im neuen Trailer", "Dans la
# bande-annonce", "En el tráiler"): capitalized, and still no work's name.
_FUNCTION_WORDS = frozenset({
    "nel", "nella", "il", "lo", "la", "le", "l'", "un", "una", "uno", "questo", "nuovo", "primo",
    "im", "der", "die", "das", "dem", "den", "ein", "eine", "einem", "neuen", "ersten",
    "neue", "erste", "el", "en", "este", "esta", "nuevo", "primer", "novo",
    "dans", "cette", "ce", "une", "nouvelle", "première", "nouveau", "dalam",
})  # fmt: skip
# A quoted title ending right before a trailer word (cues.QUOTED_TITLE, anchored there).
_QUOTED_BEFORE = re.compile(cues.QUOTED_TITLE.pattern + r"['\u2019]?s?\s+$")
# Words between a work's name and its trailer word that describe the video.
_TRAILER_MODIFIERS = re.compile(
    r"(?:\b(?:official|final|first|second|third|new|full|main|extended|international|"
    r"red[\s-]band|latest|launch|teaser|character|story|special|exclusive|"
    # the version's language: "the Japanese trailer", "an English-dubbed trailer"
    r"english|japanese|korean|chinese|french|german|spanish|italian|us|uk|domestic|"
    r"(?:[a-z]+-)?(?:dubbed|subbed|subtitled|language))\s+)+$",
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
# (another language's season too: "Cidade Invisível: Temporada 2 | Trailer oficial")
_SAME_WORK_AFTER_COLON = re.compile(
    r"(?:season|series|s\d|vol\.?|volume|chapter|book|part|the\s+final\s+season|official|"
    r"final|new|first|teaser|trailer|original|exclusive|episode|ep\.?|"
    + "|".join(languages.SEASON_NOUNS)
    + r"|(?:" + "|".join(languages.ORDINALS) + r")\s+(?:" + "|".join(languages.SEASON_NOUNS)
    + r"))\b",
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


def _last_trailer_word(text: str, end: int) -> re.Match[str] | None:
    """The trailer word nearest before text[end]."""
    last = None
    for last in cues.TRAILER.finditer(text, 0, end):  # noqa: B007 (the last one is wanted)
        pass
    return last


def _kind_before(text: str, end: int) -> str | None:
    """What a link's own sentence calls the video: the kind word nearest before the
    link's end ("made the announcement alongside the trailer, which you can watch here").
    A video offered for a rewatch or a refresher is an old one, wherever that is said."""
    if _OLD_VIDEO.search(text):
        return "other"
    words = [(m.start(), "trailer") for m in cues.TRAILER.finditer(text, 0, end)]
    words += [(m.start(), "other") for m in cues.NOT_A_TRAILER.finditer(text, 0, end)]
    return max(words)[1] if words else None


def _cue_text(text: str, watch: Watch) -> str:
    """`text` with each mention of the watch's title blanked out (same length, one
    word): its words are a name, not cues. "28 Years Later" says nothing of a trailer
    still to come, nor does the colon of "Star Wars: The Force Awakens" end a clause."""
    spans = subject.name_spans(text, watch)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "x" * (end - start)
    return "".join(chars)


# A question whether the watch has a trailer: "Is there a trailer?", "Q: Has season 3
# got a teaser yet?" (a speaker's label may lead it).
_TRAILER_QUESTION = re.compile(
    r"^\W*(?:[A-Za-z]{1,12}:\s*)?(?:is|are|has|have|does|do|did)\s+(?:[\w'\u2019-]+\s+){0,6}?"
    r"(?:trailers?|teasers?)\b[^.!?]{0,40}\?\s*$",
    re.IGNORECASE,
)
# An answer that says yes, or points at the video: "Yes!", "Us: Feast on the below."
_AFFIRMED = re.compile(
    r"^\W*(?:[A-Za-z]{1,12}:\s*)?(?:yes|yep|yup|yeah|indeed|absolutely|of\s+course|there\s+is|"
    r"(?:[\w'\u2019]+\s+){0,5}(?:below|above|here)\b)",
    re.IGNORECASE,
)


def _answer(sentences: list[Sentence], index: int) -> str | None:
    """The next sentence when it answers the question at `index` with a yes (not "not
    yet", "no", "soon")."""
    following = next((s for s in sentences[index + 1 : index + 4] if not s.chrome), None)
    if following is None or not _AFFIRMED.match(following.text):
        return None
    text = following.text
    if cues.NEGATION.search(text) or cues.TRAILER_NOT_YET.search(text):
        return None
    return text


def _trailer_coming(sentences: list[Sentence], watch: Watch) -> bool:
    """The headline announces a trailer still to come ("HBO to release season 2 trailer
    during the Super Bowl", "Teaser Coming This Weekend"): the body's "the trailer" is
    that one, out only where the body says in so many words that it was released."""
    for sentence in sentences:
        if sentence.role != "headline" or sentence.chrome:
            continue
        text = _cue_text(sentence.text, watch)
        if cues.TRAILER.search(text) and cues.trailer_not_yet(text):
            if _ANOTHER_TRAILER.search(text):
                # "When can we expect the next trailer?": a trailer came before it, and
                # the body's "the teaser gave us a first look" is that earlier one
                return False
            return classify(sentence.text, watch) not in (Subject.OTHER, Subject.OTHER_SEASON)
    return False


# A trailer still to come that presupposes an earlier one: "the next trailer", "our full
# trailer", "another teaser".
_ANOTHER_TRAILER = re.compile(
    r"\b(?:next|another|second|third|full|final)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:trailers?|teasers?)\b",
    re.IGNORECASE,
)


def _reported_without_link(
    sentences: list[Sentence], watch: Watch, headline: bool = True, named_only: bool = False
) -> str | None:
    leads: dict[int, str] = {}  # each block's first sentence (once one is asked for)
    heads: _ItemHeads | None = None
    state: dict[str, bool] = {}  # what the document says once (_reports_here)
    new_season = _NewSeason(sentences, watch)
    for index, sentence in enumerate(sentences):
        if sentence.chrome:
            continue
        original = sentence.text
        if not _may_name_trailer(original):
            continue
        if sentence.subject != Subject.WATCH and not new_season.names(sentence):
            continue
        if named_only and not title_mentions(original, watch):
            continue
        if _TRAILER_QUESTION.match(original):
            # "Is there a trailer?" answered "Yes!" or "Feast on the below": the answer
            # reports it (a question alone reports nothing)
            answer = _answer(sentences, index)
            if answer is not None and classify(original, watch) not in (
                Subject.OTHER,
                Subject.OTHER_SEASON,
            ):
                return f"{original} {answer}"
            continue
        if sentence.role == "headline" and _explainer(original):
            continue  # an explainer's list of what it covers ("release date, cast, trailer")
        if _caption_of_first_season(original, watch):
            continue
        # the cues are read with the watch's own title blanked out (_cue_text)
        text = _cue_text(original, watch)
        if not leads:
            for each in sentences:
                leads.setdefault(each.block, each.text)
        lead = leads[sentence.block]
        if lead != original and _names_another_entry(lead, watch):
            continue  # an item of a list of shows, headed by another show's name
        heads = heads or _ItemHeads(sentences, watch)
        if heads.of_another_item(sentence):
            continue
        if _video_title_line(sentences, index, text):
            return original
        if not _said_out(text) or cues.trailer_not_yet(text):
            continue
        if cues.TRAILER_GONE.search(text) or cues.TRAILER_DENIED.search(text):
            continue
        # Each trailer word in turn: the first may be hedged, denied or another work's and
        # a later one the watch's released trailer ("Fans had hoped for a teaser at the
        # event, and Netflix delivered: the season 3 trailer dropped Saturday").
        for first in cues.TRAILER.finditer(text):
            if _reports_here(original, text, first, watch, sentence, sentences, state):
                return original
    if not headline:
        return None
    return _headline_names_trailer(sentences, watch) or _listed_item_trailer(sentences, watch)


def _listed_item_trailer(sentences: list[Sentence], watch: Watch) -> str | None:
    """A list of works, each item under its own short head line, whose item for the watch
    reports its trailer by the words that govern the item rather than by a sentence of
    its own: the section heading, headline or opening above the items says they are
    trailers ("New trailers and updates for upcoming films", "a list of trailers for the
    summer's films"), or the item ends on a bare pointer to its trailer ("[Watch the
    trailer]", "| Watch trailer"). Not when the item's own words take the trailer back
    ("While not an official trailer, the footage ...", "the trailer arrives Monday").
    (Only on a page that shows no player: a roundup's players are judged one by one.)"""
    governing: str | None = None  # the line that says the current section lists trailers
    in_items = False  # an item head seen since the section began
    for index, sentence in enumerate(sentences):
        if sentence.chrome or sentence.role in cues.FURNITURE_ROLES:
            continue
        text = sentence.text
        head = _item_head(sentences, index)
        if head and title_mentions(text, watch) and classify(text, watch) not in (
            Subject.OTHER,
            Subject.OTHER_SEASON,
        ):
            item = _item_lines(sentences, index)
            if any(_takes_trailer_back(line) for line in item):
                return None
            pointer = next((line for line in item if _TRAILER_POINTER.search(line)), None)
            if pointer is not None:
                return f"{text} {pointer}"
            return f"{governing} / {text}" if governing is not None else None
        lists = (
            "trailer" in case_key(text)  # (most lines: no regex)
            and _TRAILER_LIST.search(text) is not None
            and not cues.trailer_not_yet(text)
        )
        if sentence.heading or sentence.role == "headline":
            if lists:
                governing, in_items = text, False
            elif head and sentence.subject is None and not _names_something(text):
                governing = None  # another section ("Opening this weekend")
            elif head and sentence.role != "headline":
                in_items = True
        elif head:
            in_items = True
        elif lists and not in_items:
            governing = text  # the opening above the items
    return None


def _item_head(sentences: list[Sentence], index: int) -> bool:
    """The sentence is a short line that opens an item: a heading, or a few words with
    no full stop at the start of their block (after the item's number, "25.")."""
    sentence = sentences[index]
    text = sentence.text.strip()
    if len(text) > 90 or text[-1:] in ".!?:" or _TRAILER_POINTER.search(text):
        return False
    if sentence.heading:
        return True
    before = sentences[index - 1] if index else None
    if before is None or before.block != sentence.block:
        return True
    return _NUMBERING.fullmatch(before.text) is not None


def _names_something(text: str) -> bool:
    """A capitalized word after the first: a name ("The final Rogue One trailer is
    here" heads an item; "Opening this weekend" heads a section)."""
    return any(w[:1].isupper() for w in _WORDS.findall(text)[1:] if len(w) >= 3)


_WORDS = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _item_lines(sentences: list[Sentence], index: int) -> list[str]:
    """The item headed by sentences[index]: its head and the lines up to the next head."""
    lines = [sentences[index].text]
    for after in range(index + 1, min(len(sentences), index + 40)):
        sentence = sentences[after]
        if sentence.chrome:
            continue
        if _NUMBERING.fullmatch(sentence.text):
            break  # the next item's number
        # the next item's head: a name ("Minority Report (September 21, Fox)"), not the
        # item's own sub-heads ("New series", "Starring: ...")
        if (
            _item_head(sentences, after)
            and _names_something(sentence.text)
            and not _FIELD_LINE.match(sentence.text)
        ):
            break
        lines.append(sentence.text)
    return lines


def _takes_trailer_back(text: str) -> bool:
    """An item's line that denies a trailer or puts it still to come."""
    mentions = list(cues.TRAILER.finditer(text))
    if not mentions:
        return False
    if cues.TRAILER_DENIED.search(text) is not None:
        return True  # "While not an official trailer, ..."
    for mention in mentions:
        # a denial in the trailer's own clause: "No trailer has been shown" (not "Not that
        # there isn't action to be found - the trailer featured here even includes ...")
        start, end = cues.trailer_clause(text, mention.start(), mention.end())
        if cues.NEGATION.search(text, start, end) is not None:
            return True
    # (not a trailer that is seen doing something: "The trailer looks like the movie will
    # be everything I hoped" is out, whatever is still to come of the film)
    return cues.trailer_not_yet(text) and cues.TRAILER_OUT.search(text) is None


# A heading or opening that makes trailers what a list holds: "New trailers and updates",
# "This Week's New Movie Trailers", "a list of trailers for ...", "Trailer Roundup",
# "Plenty of noteworthy trailers have dropped".
_TRAILER_LIST = re.compile(
    r"\b(?:(?:new|newest|latest|recent|fresh|noteworthy|week['\u2019]s|movie|film|tv)\s+"
    r"(?:[\w&'\u2019-]+\s+){0,2}?trailers|(?:list|roundup|round-up|rundown|batch|slew|bunch|number|"
    r"handful|collection|selection)\s+"
    r"of\s+(?:[\w'\u2019-]+\s+){0,3}?trailers|trailers?\s+(?:roundup|round-up|rundown|blitz)|"
    r"trailers\s+(?:have|has)\s+(?:\w+\s+)?(?:dropped|arrived|landed|debuted|been\s+released))\b",
    re.IGNORECASE,
)
# A bare pointer to the item's trailer, on its own or after a bar or bracket: "Watch
# Trailer.", "[Watch the Trailer]", "... | Watch trailer (Photo: ...)". ("Watch the
# trailer for X" names its own work.)
_TRAILER_POINTER = re.compile(
    r"(?:^|[\[|(\u2022]\s*)(?:watch|view)\s+(?:the\s+)?(?:official\s+)?trailer\b"
    r"(?!\s+(?:for|of)\b)",
    re.IGNORECASE,
)
# A field of an item, its label and a colon: "Starring: ...", "Release Date: August 11".
_FIELD_LINE = re.compile(r"\s*[A-Z][\w ]{0,24}:\s")
# An item's number on a line of its own: "25.", "3/40".
_NUMBERING = re.compile(r"\s*\d{1,3}(?:\.|/\d{1,3})\s*")


def _video_title_line(sentences: list[Sentence], index: int, text: str) -> bool:
    """A body line that is nothing but a video's title, the watch's and its season's
    ("Harbor Lights Season 3 Official Trailer" alone in its paragraph, not a heading): the
    caption of a player the saved page lost. Not when the words after it deny a trailer
    (an explainer's "Harbor Lights Season 3 Trailer" line over "There is no trailer yet")."""
    sentence = sentences[index]
    if sentence.heading or sentence.role not in ("body", "caption"):
        return False
    if _VIDEO_TITLE.fullmatch(text) is None:
        return False
    # alone in its block (sentences come in order: only the neighbours can share it)
    if (index > 0 and sentences[index - 1].block == sentence.block) or (
        index + 1 < len(sentences) and sentences[index + 1].block == sentence.block
    ):
        return False
    following = next(
        (s.text for s in itertools.islice(sentences, index + 1, index + 4) if not s.chrome), ""
    )
    return not (
        cues.trailer_not_yet(following)
        or cues.NEGATION.search(following)
        or cues.SPECULATION.search(following)
    )


# The watch's title (blanked by _cue_text), its season, and the video's kind, nothing more.
_VIDEO_TITLE = re.compile(
    r"\W*x{3,}(?:\s*[:|\u2013\u2014-])?\s*(?:season|series|part|volume|vol\.?)\s+\w+\s*"
    r"(?:[:|\u2013\u2014-]\s*)?(?:official\s+|first\s+|final\s+|main\s+|full\s+)*"
    r"(?:teaser\s+)?(?:trailer|teaser)(?:\s*#?\d)?\W*",
    re.IGNORECASE,
)


def _said_out(text: str) -> bool:
    """The sentence has words that say a trailer is out, in English or in another
    language ("veröffentlichte den ersten Trailer", "ha rilasciato un trailer", "merilis
    teaser"); another language's future or denial ("wird ... erscheinen", "noch kein
    Trailer") takes its own words back."""
    if cues.TRAILER_OUT.search(text):
        return True
    if cues.FOREIGN_TRAILER_OUT.search(text) is None:
        return False
    # (a relative clause after a comma is said of its own noun: "ha publicado su primer
    # tráiler, un clásico de la TV que llegará a la gran pantalla el 30 de enero")
    own = _RELATIVE_AFTER_COMMA.sub("", text)
    return (
        cues.FOREIGN_TRAILER_NOT_YET.search(own) is None
        and cues.FOREIGN_NEGATION.search(own) is None
    )


_RELATIVE_AFTER_COMMA = re.compile(
    r",\s+(?:[^,;.]{0,60}?\s)?(?:que|qui|che|der|die|das)\s[^,;.]*", re.IGNORECASE
)


def _reports_here(
    original: str,
    text: str,
    first: re.Match[str],
    watch: Watch,
    sentence: Sentence,
    sentences: list[Sentence],
    state: dict[str, bool],
) -> bool:
    """The trailer word `first` of `text` (the sentence with the watch's title blanked)
    reports the watch's trailer as released: its own clause says so, unhedged, of no
    other work, season or kind of video. `state` keeps what the document says once."""
    if _called_other_kind(text, first) or cues.mention_not_yet(text, first):
        return False
    aside = _aside(text, first.start(), first.end())
    if aside is not None and not _said_out(text[aside[0] : aside[1]]):
        # A trailer named in an aside is said out only by the aside's own words: "The new
        # clip opens with footage (some of it seen in a trailer for the show) and ..."
        # reports the clip, not a trailer.
        return False
    if cues.MANY_TRAILERS_BEFORE.search(text, max(0, first.start() - 40), first.start()):
        return False  # "250 trailers and clips were shown": many works' videos
    if cues.NOT_A_TRAILER.search(text) and not cues.TRAILER_OUT.search(
        text, *cues.clause_around(text, first.start(), first.end())
    ):
        # ("Featurette reveals the village; trailer to debut in July": the verb that
        # says a video is out is the other video's)
        return False
    # (what follows the trailer word describes the video: a quoted slogan in it makes
    # no other work of the sentence when the words up to it do not; nor does a season
    # named in a clause after it: "..., which picks up where season 3 ended")
    said = original[: first.end()]
    cut = cues.CLAUSE_BREAK.search(text, first.end())
    reported = original[: cut.start()] if cut else original
    if classify(reported, watch) in (Subject.OTHER, Subject.OTHER_SEASON) or (
        _about_other_work(original, watch) and _about_other_work(said, watch)
    ):
        return False
    if _works_noun_named(original, watch):
        return False  # "6 more episodes of the Short Treks series, with a trailer for them"
    if works.leading_other_work(original, first.start(), watch, object_of=True):
        return False  # "Exception, Netflix's horror anime, has a date and a first teaser":
        # the sentence's subject is the work it opens on, as a date's there would be
    if (
        _named_for_other_work(original, first.start(), watch)
        or _for_other_work(original, first.end(), watch)
        or _other_kind_owns(original, first.start(), watch, first.end())
        or _other_season_owns(original, first, watch)
        or _denies_watched_season(original, first.end(), watch)
    ):
        return False
    # Only the clause reporting the trailer: "..., and a full trailer is expected";
    # not a participle after a comma ("..., offering a taste of what fans can expect").
    left, right = cues.clause_around(text, first.start(), first.end())
    comma = text.find(", ", first.end(), right)
    if comma != -1 and cues.TRAILER_OUT.search(text, first.end(), comma):
        right = comma
    if _hedged(text, left, right, first.end()) or cues.NEGATION.search(text, left, right):
        return False
    if cues.TRAILER_UNSHOWN.search(text, left, right):
        return False
    if sentence.role != "headline":
        if "coming" not in state:
            state["coming"] = _trailer_coming(sentences, watch)
        if state["coming"] and not cues.TRAILER_RELEASED.search(text, left, right):
            return False  # the coming trailer the headline announced, not said to be out
    return True


def _aside(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Bounds of the bracketed aside holding text[start:end], or None."""
    opening = text.rfind("(", 0, start)
    if opening == -1 or text.rfind(")", opening, start) != -1:
        return None
    closing = text.find(")", end)
    return (opening + 1, closing) if closing != -1 else None


def _works_noun_named(text: str, watch: Watch) -> bool:
    """A sentence that does not name the watch but names another work by its kind ("the
    Short Treks short-form series", "Planet of the Apes VR game gets a trailer"): its
    trailer is that work's, whatever passage it sits in."""
    if _WORK_KIND.search(text) is None or title_mentions(text, watch):
        return False
    if watch.season is not None and any(
        r.season == watch.season for r in subject.season_references(text, watch)
    ):
        return False  # "the trailer for season 3 of the Star Wars series": the watched season
    for match in _NAMED_KIND.finditer(text):
        name = match.group(1).strip()
        capitalized = [w for w in name.split() if w[:1].isupper() or w[:1].isdigit()]
        if len(capitalized) < 2 or any(re.search(r"-[a-z]", w) for w in capitalized):
            continue  # "the British series", "the Emmy-winning series": a description
        if subject.is_distributor(name) or name.split()[0].lower() in _NOT_NAME_STARTS:
            continue
        if re.search(r"['\u2019]s?(?:\s|$)", name):
            continue  # "Joel Schumacher's 1990 film": a person's work described, not named
        if _DESCRIBED_KIND.search(text, 0, match.start(1)):
            continue  # "the next Star Wars series": the watch described by its franchise
        return True
    return False


_WORK_KIND = re.compile(r"\b(?:series|game|film|movie|show|spin-?off|sequel|prequel)\b", re.I)
# A capitalized name, then at most one descriptive word, then the kind of work it is.
_NAMED_KIND = re.compile(
    r"((?:[A-Z][\w'\u2019:-]*\s+)(?:(?:of|the|and|a|in|on)\s+|[A-Z0-9][\w'\u2019:-]*\s+){0,5})"
    r"(?:[a-z][\w-]*\s+)?(?:series|game|video\s+game|film|movie|show|spin-?off|sequel|prequel)\b"
)
_DESCRIBED_KIND = re.compile(
    r"\b(?:next|latest|new|upcoming|hit|popular|beloved|acclaimed|final|last|first|second|"
    r"third|animated|live-action|anticipated|returning)\s+$",
    re.IGNORECASE,
)
_NOT_NAME_STARTS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that",
                              "new", "netflix", "hbo", "disney", "apple", "amazon", "hulu", "fx"})


def _caption_of_first_season(text: str, watch: Watch) -> bool:
    """A player's caption kept where the player was lost ("WATCH: Harbor Lights official
    trailer") is the video's title, read as a title is: an official video named with the
    show and no season is the first season's (see _judge), not the watched later one's."""
    if watch.season is None or watch.season < 2 or _CAPTION.match(text) is None:
        return False
    return (
        classify(text, watch) == Subject.TITLE
        and _LATER_PART.search(text) is None
        and _NEW_SEASON.search(text) is None
        and _NEWER_VIDEO.search(text) is None
    )


# A caption's words for a video of the season to come: "WATCH: the new Harbor Lights trailer".
_NEWER_VIDEO = re.compile(r"\b(?:new|latest|next|second|final)\b", re.IGNORECASE)
# A caption that stands for a player: "WATCH: ...", "Video: ...", "Play: ...".
_CAPTION = re.compile(r"\s*(?:watch|video|play|now\s+playing)\s*[:|\u2014\u2013-]\s", re.I)


def _other_season_owns(text: str, trailer: re.Match[str], watch: Watch) -> bool:
    """The trailer word is qualified by a season that is not the watched one: "the season
    2 trailer came out last year", "season two's teaser", "a trailer for the first season"
    (on a page about season 3, which names both)."""
    if watch.season is None or not _may_name_season(text):
        return False
    refs = subject.season_references(text, watch)
    # (the nearest season on either side: "the first season 4 teaser" is season 4's)
    before = max((r for r in refs if r.end <= trailer.start()), key=lambda r: r.end, default=None)
    after = min((r for r in refs if r.start >= trailer.end()), key=lambda r: r.start, default=None)
    if (
        before is not None
        and before.season not in (None, watch.season)
        and _SEASON_BEFORE_TRAILER.fullmatch(text, before.end, trailer.start())
    ):
        return True
    return (
        after is not None
        and after.season not in (None, watch.season)
        and _SEASON_AFTER_TRAILER.fullmatch(text, trailer.end(), after.start) is not None
    )


# Between a season and the trailer word it qualifies: "season 2's official ", "Season 2 ".
_SEASON_BEFORE_TRAILER = re.compile(r"(?:['\u2019]s?)?\s+(?:[\w-]+\s+){0,2}")
# Between the trailer word and the season it is for: "s for ", " for the ", " of ".
_SEASON_AFTER_TRAILER = re.compile(r"s?\s+(?:trailer\s+|teaser\s+)?(?:for|of)\s+(?:the\s+)?")


def _denies_watched_season(text: str, trailer_end: int, watch: Watch) -> bool:
    """After the trailer word the sentence says whose it is not: "it was for a film, not
    season 3", "a teaser for the movie rather than the new season". The trailer it
    reports is another work's, whatever it is called."""
    if watch.season is None or not _may_name_season(text):
        return False
    return any(
        ref.start >= trailer_end
        and ref.season in (watch.season, None)
        and _DENIED_BEFORE.search(text, max(trailer_end, ref.start - 30), ref.start)
        for ref in subject.season_references(text, watch)
    )


# The words that take a season back just before it: "not season 3", "rather than the new".
_DENIED_BEFORE = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of)\s+(?:for\s+)?(?:the\s+|its\s+)?(?:new\s+|upcoming\s+)?$",
    re.IGNORECASE,
)


def _may_name_season(text: str) -> bool:
    key = case_key(text)
    return "season" in key or "series" in key or "S" in text


def _called_other_kind(text: str, trailer: re.Match[str]) -> bool:
    """The clause of the trailer word calls the video something else: "a clip from the
    trailer", "the behind-the-scenes teaser". (Not a word of another clause: "Meet the
    crew and check out the first trailer", "after the trailer was released, he revealed
    ...".)"""
    left, right = cues.trailer_clause(text, trailer.start(), trailer.end())
    return cues.NOT_A_TRAILER.search(text, left, right) is not None


# What may stand between a trailer word and its own verb: "the trailer only hints at".
_OWN_VERB_GAP = re.compile(r"\s+(?:[a-z]+ly\s+|only\s+|also\s+|even\s+)?")


def _hedged(text: str, left: int, right: int, trailer_end: int) -> bool:
    """A hedge on the report in the clause text[left:right]: "the trailer might drop",
    "rumoured teaser", "the trailer was reportedly released". Not a hedge on something
    else the clause goes on to say once the report is made ("a trailer has been released
    and it's full of little hints"), an aside in brackets ("the second (and presumably
    final) trailer"), a condition on the reader ("if you need more, check out the
    teaser"), nor the trailer's own verb ("the trailer hints at the scale of the film"
    describes a video that exists)."""
    verb = cues.TRAILER_OUT.search(text, left, right)
    if verb is not None and verb.end() > trailer_end:
        right = verb.end()  # (a verb before the trailer word: the report ends with it)
    elif verb is not None:
        right = min(right, trailer_end)
    for hedge in cues.SPECULATION.finditer(text, left, right):
        if _in_brackets(text, left, hedge.start()) or _READER_CONDITION.match(text, hedge.start()):
            continue
        if hedge.start() < trailer_end and _quoted_before(text, hedge.start(), trailer_end):
            continue
        gap = _OWN_VERB_GAP.fullmatch(text, trailer_end, hedge.start())
        if gap is None or not hedge.group().lower().startswith("hint"):
            return True
    return False


# A condition on the reader, not on the trailer: "If you missed it, ...".
_READER_CONDITION = re.compile(r"if\s+you\b", re.IGNORECASE)


def _quoted_before(text: str, position: int, trailer_end: int) -> bool:
    """text[position] sits in a quotation that closes before the trailer word: an aside
    ('anime's answer to the question "what if ...?", just dropped a trailer'), someone's
    words ('"I want to know," he says in the trailer', its opening quote perhaps left in
    the sentence before), not the writer's hedge."""
    quote = _QUOTE.search(text, position, trailer_end)
    if quote is None:
        return False
    if quote.group() == "\u201d":
        return True
    if quote.group() != '"':
        return False
    # a straight quote closes one when an odd number of them come before the hedge, or
    # none does and it is followed by no word (an opening quote is: 'a "trailer"')
    before = text.count('"', 0, position)
    after = text[quote.end() : quote.end() + 1]
    return before % 2 == 1 or (before == 0 and not after.isalnum())


_QUOTE = re.compile('[\u201c\u201d"]')


def _in_brackets(text: str, left: int, position: int) -> bool:
    """text[position] sits inside a bracket opened after `left` and not yet closed."""
    opened = text.rfind("(", left, position)
    return opened != -1 and text.find(")", opened, position) == -1


# A list item's heading: "• Tidewater.", "2. Salt Marsh:" (a name and nothing more).
_ENTRY_NAME = re.compile(
    r"^[\W\d]*((?:[A-Z0-9][\w'\u2019&!-]*|of|the|and|a|in|on|to)"
    r"(?:\s+(?:[A-Z0-9][\w'\u2019&!-]*|of|the|and|a|in|on|to)){0,7})\s*[.:]?\s*$"
)


# A list entry's line: a name, then its details or links in brackets.
_BRACKETED_ENTRY = re.compile(r"^([^()\[\]]{2,80}?)\s*[(\[]")


class _NewSeason:
    """A document that names the title's season only as "the new season" ("a trailer for
    the new season of Harbor Lights") and numbers no other season: that new season is
    the watched one (a watch follows the season still to come)."""

    def __init__(self, sentences: list[Sentence], watch: Watch) -> None:
        self.sentences = sentences
        self.watch = watch
        self.possible: bool | None = None if watch.season is not None else False

    def names(self, sentence: Sentence) -> bool:
        if sentence.subject != Subject.TITLE or _NEW_SEASON.search(sentence.text) is None:
            return False
        if self.possible is None:
            # (a season numbered, not any other work named: a byline misread as another
            # work's sentence does not make "the forthcoming series" any season)
            self.possible = not any(
                s.subject in (Subject.OTHER, Subject.OTHER_SEASON)
                and any(
                    r.season not in (None, self.watch.season)
                    for r in subject.season_references(s.text, self.watch)
                )
                for s in self.sentences
                if not s.chrome
            )
        return self.possible


_NEW_SEASON = re.compile(
    r"\b(?:new|upcoming|next|latest|coming|forthcoming|brand-new)\s+(?:season|series)\b",
    re.IGNORECASE,
)


class _ItemHeads:
    """The short lines that head the items of a roundup ("Suicide Squad", "Flatliners gets
    a second life") and the item a sentence belongs to: the nearest such line before it.
    A weekly trailer roundup names many films' trailers; only the watch's item counts."""

    def __init__(self, sentences: list[Sentence], watch: Watch) -> None:
        counts: dict[int, int] = {}
        for sentence in sentences:
            counts[sentence.block] = counts.get(sentence.block, 0) + 1
        self.heads: list[tuple[int, bool, bool]] = []  # (block, names the watch, a bare name)
        for sentence in sentences:
            if sentence.chrome or sentence.role in _NOT_HEADS or counts[sentence.block] != 1:
                continue
            text = sentence.text.strip()
            if not _HEAD_LINE.fullmatch(text) or _NOT_HEAD_LINE.search(text):
                continue
            names = bool(title_mentions(text, watch)) or classify(text, watch) == Subject.WATCH
            self.heads.append((sentence.block, names, _names_another_entry(text, watch)))
        doc = sentences[0].doc_subject if sentences else None
        # Items only where one of the heads names the watch (a site's name or a section
        # label over an article heads no item); a roundup's headline names none of its
        # items ("This Week's New Movie Trailers").
        self.items = any(names for _, names, _ in self.heads)
        self.blocks = [block for block, _, _ in self.heads]  # (in order, as the sentences)
        self.roundup = doc not in (Subject.WATCH, Subject.TITLE)

    def block_of_another_item(self, block: int) -> bool:
        """The nearest head line above `block` is a bare name that is not the watch's
        (only on a page where some head names the watch)."""
        if not self.items:
            return False
        head = self._head_above(block)
        return head is not None and not head[1] and head[2]

    def of_another_item(self, sentence: Sentence) -> bool:
        """The sentence sits under an item head that is another work's: a bare name that
        is not the watch's, or, in a document whose headline does not name the watch,
        any head that does not name it."""
        if sentence.names_title or not self.items:
            return False  # it names the watch itself, or the page has no items
        head = self._head_above(sentence.block)
        if head is None:
            return False
        _, names, bare = head
        return not names and (bare or self.roundup)

    def _head_above(self, block: int) -> tuple[int, bool, bool] | None:
        """The last head line at or before `block` (a binary search: a long page asks
        this of every sentence)."""
        at = bisect.bisect_right(self.blocks, block)
        return self.heads[at - 1] if at else None


# A line that may head a roundup's item: a few words, capitalized, no full stop.
_HEAD_LINE = re.compile(r"[\W\d]{0,3}[A-Z0-9](?:[^.]|\.(?=\S)){0,80}(?<!:)")
# Short lines that head nothing: a liveblog entry's clock time, a byline, a share button.
_NOT_HEAD_LINE = re.compile(
    r"\d[:.]\d\d|\b(?:[ap]\.?m\.?|by|published|updated|posted)\b|^(?:share|live|tv|film|movies|"
    # a post's date stamp heads no item: "Apr 13 2016", "March 25, 2016"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d[\d,\s]*$|"
    r"advertisement|related|read\s+more|more)\W*$",
    re.IGNORECASE,
)
_NOT_HEADS = frozenset({"headline", "dek", *cues.FURNITURE_ROLES})


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
    new_season = _NewSeason(sentences, watch)
    for sentence in sentences:
        if sentence.role != "headline" or sentence.chrome:
            continue
        text = sentence.text
        first = cues.TRAILER.search(text) if _may_name_trailer(text) else None
        if first is None:
            continue
        if sentence.subject != Subject.WATCH and not new_season.names(sentence):
            continue
        # (a headline is short: a word of the future anywhere in it is the trailer's)
        if _explainer(text):
            continue
        if cues.TRAILER_NOT_YET.search(text) or cues.trailer_not_yet(text):
            continue
        if cues.NOT_A_TRAILER.search(text) or cues.FAN_MADE.search(text):
            continue
        if cues.NEGATION.search(text, *cues.clause_around(text, first.start(), first.end())):
            continue  # "the Fallen Kingdom trailer is not set for Thursday": denied
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


# "a trailer for the compilation film": the kind of work it is for, named after it.
_FOR_FILM = re.compile(
    r"(?:s|\s+(?:trailers?|teasers?))?\s+(?:for|of)\s+(?:the|this|that|a|an)\s+(?:[\w-]+\s+){0,2}"
    r"(?:film|movie|game|video\s+game|ova|special)\b",
    re.IGNORECASE,
)
_FOR_SHOW = re.compile(
    r"(?:s|\s+(?:trailers?|teasers?))?\s+(?:for|of)\s+(?:the|this|that|a|an)\s+(?:[\w-]+\s+){0,2}"
    r"(?:show|series|tv\s+series|game|video\s+game)\b",
    re.IGNORECASE,
)


def _other_kind_owns(text: str, position: int, watch: Watch, end: int | None = None) -> bool:
    """The trailer word at text[position:end] is owned by a kind of work the watch is
    not: "the film's trailer" or "a trailer for the compilation film" on a page about a
    season, "the series' teaser" about a film."""
    before = text[max(0, position - 50) : position]
    owner = _FILM_OWNER if watch.season is not None else _SHOW_OWNER
    if owner.search(before) is not None:
        return True
    after = _FOR_FILM if watch.season is not None else _FOR_SHOW
    return end is not None and after.match(text, end) is not None


def _explainer(headline: str) -> bool:
    """A headline that asks, or lists what an explainer covers (the trailer among other
    things): it reports no trailer. (Not one that says the trailer is out: "Release Date
    Announced With New Teaser".)"""
    if "?" in headline:
        return True
    if _EXPLAINER.search(headline) is None or _WITH_TRAILER.search(headline):
        return False
    trailer = cues.TRAILER.search(headline)
    if trailer is None:
        return True
    # (the release verb of the trailer's own clause: not "everything released so far")
    left, right = cues.trailer_clause(headline, trailer.start(), trailer.end())
    return cues.TRAILER_RELEASED.search(headline, left, right) is None


_WITH_TRAILER = re.compile(
    r"\bwith\s+(?:a|an|its|the|their|new|first)\s+(?:[\w-]+\s+){0,2}(?:trailer|teaser)",
    re.IGNORECASE,
)


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


_POSSESSOR = re.compile(r"['\u2019]s?$")
# What follows an owner's name when the work is described rather than named.
_DESCRIBED = re.compile(r"\s*\(|\s+[a-z]")


def _for_other_work(text: str, end: int, watch: Watch) -> bool:
    """The trailer word ending at `end` is followed by another work's name: "HBO released
    a teaser trailer for The Idol" on a page about another show. (A season, a part, a
    network or the watch's own name there is no other work.)"""
    match = _FOR_WORK.match(text, end)
    if match is None or headline_case(text):
        return False
    name = match.group(1).rstrip(":.")
    if _POSSESSOR.search(name) and any(
        match.end(1) <= s <= match.end(1) + 3 for s, _, _ in title_mentions(text, watch)
    ):
        return False  # "a trailer for Studio Ghibli's 'Harbor Lights'": the owner's watch
    if _POSSESSOR.search(name) and _DESCRIBED.match(text, match.end(1)):
        # "a trailer for Niels Arden Oplev's (Dragon Tattoo) remake", "for Scorsese's new
        # film": a person's (or studio's) work described, not another work named
        return False
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
    return (
        "trailer" in key
        or "teaser" in key
        or "promo" in key
        or "main preview" in key
        or "PV" in text
        or "bande" in key
        or (not text.isascii() and _FOREIGN_TRAILER_WORD.search(key) is not None)
    )


# The other languages' trailer nouns (cues.TRAILER), lower case: "tráiler", "трейлер",
# "тизер" ("bande-annonce" is asked above).
_FOREIGN_TRAILER_WORD = re.compile(
    "tr\u00e1iler|\u0442\u0440\u0435\u0439\u043b\u0435\u0440|\u0442\u0438\u0437\u0435\u0440|"
    + "|".join(languages.CJK_TRAILER_WORDS)
)
