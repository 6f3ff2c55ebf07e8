"""Why the extractor reported what it did: every candidate, its rules, its score.

`releasewatch extract --explain` prints this. Per document: each release-date
candidate (best first) with its sentence, the rules that fired with their weights
and what each saw, the score and whether it cleared the threshold; then why the
winner won; then the same for every video.
"""

from __future__ import annotations

from scraper.extract import Reading
from scraper.extract.candidates import DateCandidate, VideoCandidate
from scraper.extract.choose import list_entries, same_release
from scraper.extract.score import THRESHOLD, probability, weights


def explain(reading: Reading, url: str) -> str:
    lines = [f"== {url}"]
    if reading.over_budget:
        lines.append("   over the per-document time budget: skipped, no findings")
        return "\n".join(lines)
    table = weights()["release_date"]
    dates = sorted(reading.dates, key=lambda c: -c.score)
    lines.append(f"release-date candidates: {len(dates)} (bias {table['bias']:+.2f})")
    for candidate in dates:
        lines.extend(_date_lines(candidate, reading.release, table))
    lines.append("   => " + _why_date(reading))
    table = weights()["trailer"]
    videos = sorted(reading.videos, key=lambda c: -c.score)
    lines.append(f"video candidates: {len(videos)} (bias {table['bias']:+.2f})")
    for video in videos:
        lines.extend(_video_lines(video, table))
    chosen = len(reading.trailers)
    lines.append(f"   => {chosen} trailer(s) above the threshold {THRESHOLD:+.1f}")
    return "\n".join(lines)


def _verdict(candidate: DateCandidate, chosen: DateCandidate | None) -> str:
    if candidate is chosen:
        return "CHOSEN"
    if candidate.score <= THRESHOLD:
        return "rejected: below the threshold"
    if not candidate.is_the_watchs:
        return "rejected: not the watch's (nothing ties it to the watched title and season)"
    if chosen is not None and same_release(candidate.mention.value, chosen.mention.value):
        if (
            candidate.order == chosen.order
            and candidate.mention.precision != chosen.mention.precision
            and list_entries(
                candidate.sentence.text,
                (candidate.mention.start, candidate.mention.end),
                (chosen.mention.start, chosen.mention.end),
            )
        ):
            return "rejected: in the winner's own sentence, another entry of its list"
        return "the same release, less precise than the winner"
    return "rejected: a higher-scoring date won"


def _date_lines(candidate: DateCandidate, chosen: DateCandidate | None, table: dict) -> list[str]:
    m = candidate.mention
    lines = [
        f"  [{candidate.score:+.2f} p={probability(candidate.score):.2f}] {m.value} ({m.precision})"
        f"  {_verdict(candidate, chosen)}",
        f"     sentence: {candidate.sentence.text[:300]!r}",
    ]
    for name, saw in candidate.features.items():
        lines.append(f"     {table.get(name, 0.0):+6.2f} {name}: {saw[:80]!r}")
    return lines


def _video_lines(video: VideoCandidate, table: dict) -> list[str]:
    verdict = "TRAILER" if video.score > THRESHOLD else "rejected: below the threshold"
    lines = [f"  [{video.score:+.2f} p={probability(video.score):.2f}] {video.url}  {verdict}"]
    if video.label:
        lines.append(f"     label: {video.label[:200]!r}")
    if video.sentence:
        lines.append(f"     sentence: {video.sentence[:300]!r}")
    elif video.untied:
        lines.append(f"     not a trailer of the watch: {video.untied}")
    for name, saw in video.features.items():
        lines.append(f"     {table.get(name, 0.0):+6.2f} {name}: {saw[:80]!r}")
    return lines


def _why_date(reading: Reading) -> str:
    winner = reading.release
    if winner is None:
        return f"no release date: no candidate scored above the threshold {THRESHOLD:+.1f}"
    others = [c for c in reading.dates if c is not winner and c.score > THRESHOLD]
    best = max(reading.dates, key=lambda c: c.score)
    if best is not winner:
        return (
            f"{winner.mention.value} ({winner.mention.precision}) won: the most precise "
            f"statement of the best-scoring release {best.mention.value} ({best.score:+.2f})"
        )
    if not others:
        value = f"{winner.mention.value} ({winner.mention.precision})"
        return f"{value} won: the only candidate above the threshold"
    runner = max(others, key=lambda c: c.score)
    return (
        f"{winner.mention.value} ({winner.mention.precision}) won with {winner.score:+.2f}; "
        f"the next, {runner.mention.value}, scored {runner.score:+.2f}"
    )
