"""Trailer rules: how the words near a video tie it to the watched season."""

from __future__ import annotations

import re

from scraper.extract import cues
from scraper.extract.candidates import VideoCandidate
from scraper.extract.evidence.rules import found, trailer_rule

# ---------------------------------------------------------------- trailers


def _tie(name: str, prior: float, description: str, example: str) -> None:
    """A rule for one way the words near a video call it a trailer (or teaser: not a
    clip, featurette or cast video) of the watched title and season (trailers.py).
    (The ties' prior, +6, clears the bias prior, -5: with the priors alone a tied video
    is a trailer, as the fit finds; at +4 an unfitted or strongly pulled fit reported
    none, tests/corpus/SCORES.md, session 9.)"""

    def test(c: VideoCandidate) -> str | None:
        return c.sentence[:100] if c.sentence and c.tie == name else None

    trailer_rule(f"trailer_{name}", prior, description, example)(test)


_tie(
    "own_sentence",
    6,
    "the link's own sentence calls it the trailer, in a passage about the watched season",
    "The season 2 trailer, which you can watch here, ...",
)
_tie(
    "names_watch",
    6,
    "the words nearest the video call it a trailer and name the watched season",
    "Netflix dropped the Heartstopper season 2 trailer: <link>",
)
_tie(
    "watch_passage",
    6,
    "the nearest words call it a trailer, name no season, and sit in a passage (or a "
    "document) about the watched season",
    "Watch the new trailer below. (in an article about season 2)",
)
_tie(
    "names_film",
    6,
    "the nearest words call it a trailer and name the watched film",
    "Watch the Superman trailer: <link>",
)
_tie(
    "reported",
    6,
    "the text reports the watch's trailer as released, linking no video (or showing one "
    "player that nothing near calls anything else: that player)",
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
    # (all the words near the video: "No, that trailer is not real" may be the headline)
    texts = [c.label, c.sentence, *(s.text for s in c.context)]
    for text in texts:
        seen = found(cues.FAN_MADE, text) if text else None
        if seen:
            return seen
    return None


@trailer_rule(
    "shown_only_to_hall",
    -5,
    "a trailer reported in words that the document says was shown only to a hall (a "
    "convention panel, a studio presentation) and not released online",
    "The teaser played for the room; the studio says it will not be released online.",
)
def _hall_only(c: VideoCandidate) -> str | None:
    return c.unreleased[:100] if c.unreleased and c.tie == "reported" else None


@trailer_rule(
    "slate_reel",
    -4,
    "a trailer reported in words that the document says is a network's reel of its whole "
    "slate, in which the watch is one show among many",
    "The streamer previewed its upcoming slate of shows in a teaser.",
)
def _slate(c: VideoCandidate) -> str | None:
    return c.slate[:100] if c.slate and c.tie == "reported" else None


@trailer_rule(
    "announces_production",
    -5,
    "a trailer reported in words that the document says is a video announcing a renewal or "
    "a production start (an announcement video), not a trailer",
    "Netflix dropped a small teaser confirming season 3 has begun filming.",
)
def _announces(c: VideoCandidate) -> str | None:
    return c.announces[:100] if c.announces and c.tie == "reported" else None


@trailer_rule(
    "official_label",
    1,
    "the video's own title says 'official trailer' or 'official teaser'",
    "Heartstopper: Season 2 | Official Trailer | Netflix",
)
def _official(c: VideoCandidate) -> str | None:
    return found(_OFFICIAL, c.label) if c.label else None


_OFFICIAL = re.compile(r"\bofficial\s+(?:\w+\s+)?(?:trailer|teaser)\b", re.IGNORECASE)


@trailer_rule(
    "reported_in_words",
    0,
    "the text reports a released trailer but links no video: the finding is the article's URL",
    "The trailer for season 2 is out now.",
)
def _in_words(c: VideoCandidate) -> str | None:
    return "no video link" if c.video is None else None
