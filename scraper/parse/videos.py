"""Video links: every YouTube URL form -> https://www.youtube.com/watch?v=ID.

Two links to one video are one trailer, whatever the player, host or tracking
parameters (ab_channel, feature=share, si, t) around the id.

Every id is checked here, wherever it was read (a link, a feed's yt:videoId, JSON-LD,
an embed): it goes into alerts as a link, so a page must not be able to smuggle
markup, a mention or another link in through it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qs, unquote, urlsplit

# fullmatch, not match with "$": "$" also matches before a final newline.
_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_HOSTS = re.compile(r"(?:^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be)$")
# The id sits in the path after one of these (embed/ID, shorts/ID, v/ID, live/ID).
_PATH_ID = re.compile(r"^/(?:embed|shorts|v|e|live)/([A-Za-z0-9_-]{11})(?:[/?&#]|$)")


def youtube_id(url: str) -> str | None:
    """The video id of a YouTube link, or None for anything else (channels, playlists).
    Remembered for URLs of ordinary length: the extractor asks it of the page's own URL
    and of each video's, for every watch, and a site links the same players from many
    pages."""
    return _remembered_id(url) if len(url) <= 2048 else _youtube_id(url)


@lru_cache(maxsize=1024)
def _remembered_id(url: str) -> str | None:
    return _youtube_id(url)


def _youtube_id(url: str) -> str | None:
    url = unquote(url.strip())
    if url.startswith("//"):
        url = "https:" + url
    elif "://" not in url[:12]:
        url = "https://" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    match = _HOSTS.search(host)
    if not match:
        return None
    if match.group(1) == "youtu.be":
        candidate = parts.path.strip("/").split("/")[0]
        return candidate if _ID.fullmatch(candidate) else None
    if parts.path.rstrip("/") in ("/watch", "/watch_videos"):
        for candidate in parse_qs(parts.query).get("v", []):
            if _ID.fullmatch(candidate):
                return candidate
        return None
    path_match = _PATH_ID.match(parts.path)
    return path_match.group(1) if path_match else None


def valid_video_id(text: str) -> str | None:
    """`text` when it is a YouTube video id (11 of [A-Za-z0-9_-], blanks around allowed)."""
    text = text.strip()
    return text if _ID.fullmatch(text) else None


def watch_url(video_id: str) -> str:
    if not _ID.fullmatch(video_id):
        raise ValueError(f"not a YouTube video id: {video_id[:40]!r}")
    return f"https://www.youtube.com/watch?v={video_id}"


def id_watch_url(text: str) -> str | None:
    """The watch URL of a bare video id as a feed gives it (yt:videoId); None if invalid."""
    video_id = valid_video_id(text)
    return watch_url(video_id) if video_id else None


def normalize_video_url(url: str) -> str | None:
    """The canonical watch URL of a YouTube link; None when it is not a video link."""
    video_id = youtube_id(url)
    return watch_url(video_id) if video_id else None


# A YouTube link written out in running text ("See the trailer here: https://youtu.be/ID"):
# the live page's CMS links it; a saved page or a plain-text post keeps only the words.
_WRITTEN_LINK = re.compile(
    r"(?:https?://)?(?:www\.|m\.)?(?:youtube\.com/(?:watch\?|embed/|shorts/|v/)|youtu\.be/)"
    r"[^\s<>\"'()\[\]]{1,200}"
)


def written_video_urls(text: str) -> list[tuple[str, str]]:
    """(watch URL, the link as written) of each YouTube video link written out in `text`."""
    if "yout" not in text:
        return []
    found = []
    for match in _WRITTEN_LINK.finditer(text):
        written = match.group().rstrip(".,;:!?")
        url = normalize_video_url(written)
        if url is not None:
            found.append((url, written))
    return found


def bare_video_url(text: str) -> str | None:
    """The watch URL of a paragraph that is nothing but a YouTube link written out
    ("www.youtube.com/watch?v=ID" on its own line): blogging tools turn such a line into
    a player, and a saved page or a feed keeps the line as text. None for anything else."""
    text = text.strip()
    if len(text) > 200 or "yout" not in text or any(c.isspace() for c in text):
        return None
    return normalize_video_url(text)
