"""Durations ("30s", "5m", "1.5h", "2d") and sizes ("5MB", "512KB") as config.yaml writes them.

Each parser returns the value or raises ValueError with the fix a user can type.
"""

from __future__ import annotations

import math
import re

MAX_DURATION = 365 * 86400.0
DURATION_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}

# Binary multiples: a "5MB" limit then means 5 * 1024 * 1024, the same number as the
# HttpSettings default, and nobody reading a body cap cares about the 5% between the two.
SIZE_UNITS = {
    "": 1,
    "b": 1,
    "k": 1024,
    "kb": 1024,
    "kib": 1024,
    "m": 1024**2,
    "mb": 1024**2,
    "mib": 1024**2,
    "g": 1024**3,
    "gb": 1024**3,
    "gib": 1024**3,
}

_NUMBER = r"(\d+(?:\.\d*)?|\.\d+)"
_DURATION = re.compile(rf"{_NUMBER}\s*([smhd]?)", re.IGNORECASE)
_SIZE = re.compile(rf"{_NUMBER}\s*([a-z]*)", re.IGNORECASE)
# "5 minutes", "2 hrs", "1 day", "30 sec": the number and the unit a user meant.
_WORDY = re.compile(rf"{_NUMBER}\s*(sec|min|hour|hr|day)[a-z]*", re.IGNORECASE)
_WORD_UNIT = {"sec": "s", "min": "m", "hour": "h", "hr": "h", "day": "d"}


def parse_duration(value: object) -> float:
    """Seconds from "30s", "5m", "1h", "2d" or "1.5h".

    A bare number (YAML `90` or "90") is seconds, like every timeout a notifier
    takes; the suffix is what SPEC documents and what the shipped config uses.
    """
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        raise ValueError("is not a duration; write e.g. 30s, 5m, 1h or 2d")
    if isinstance(value, int | float):
        return _bounded(float(value))
    text = str(value).strip()
    match = _DURATION.fullmatch(text)
    if match:
        return _bounded(float(match.group(1)) * DURATION_UNITS[(match.group(2) or "s").lower()])
    wordy = _WORDY.fullmatch(text)
    if wordy:
        number, word = wordy.group(1), wordy.group(2).lower()
        raise ValueError(f"is not a duration; write {number}{_WORD_UNIT[word]}")
    raise ValueError("is not a duration; write e.g. 30s, 5m, 1h or 2d")


def _bounded(seconds: float) -> float:
    """A year at most: a next check or a deadline past datetime's range (year 9999) or a
    socket's would stop `list`, the scheduler or a fetch with an overflow, long after
    validate said OK."""
    if seconds > MAX_DURATION:
        raise ValueError("is longer than a year; write at most 365d")
    return seconds


def parse_size(value: object) -> int:
    """Bytes from "5MB", "512KB", "1GB", "1.5MB" or a plain integer (bytes)."""
    if isinstance(value, bool | float):
        raise ValueError("is not a size; write e.g. 5MB, 512KB or a number of bytes")
    if isinstance(value, int):
        return value
    match = _SIZE.fullmatch(str(value).strip())
    if match and match.group(2).lower() in SIZE_UNITS:
        return int(float(match.group(1)) * SIZE_UNITS[match.group(2).lower()])
    raise ValueError("is not a size; write e.g. 5MB, 512KB or a number of bytes")


def is_bare_number(text: object) -> bool:
    """True for "90" or "1.5": a duration written without its unit."""
    return bool(re.fullmatch(_NUMBER, str(text).strip()))


def format_duration(seconds: float) -> str:
    """As a user writes it in config.yaml: 30m, 1h, 1.5h, 2d, 45s."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and (seconds / size) * 10 == int((seconds / size) * 10):
            return f"{seconds / size:g}{unit}"
    return f"{seconds:g}s"
