"""Compiled regular expressions kept from one process to the next, as .pyc files keep
compiled modules.

Importing the extractor compiles ~540 regular expressions, and Python's `re` compiles
in Python: ~0.13 s of CPU, every process (a `check` from cron, each cold cycle, each
daemon start), for patterns that never change between two runs of one version. What
that compilation produces (the pattern's code: a list of integers) is kept in a cache
file, and a later process builds each pattern from it directly (~2 ms for all).

`kept(name)` does it for the patterns compiled while its block runs (module imports):
`re.compile` is answered from the cache file, and a pattern not in it is compiled as
usual, checked to be the same pattern its kept code gives, and written to the file
when the block ends. Whatever goes wrong (no cache directory, a read-only one, a
corrupt or foreign file, another Python) costs only the time saved: the pattern is
compiled as `re` always does. The file is keyed by the Python build and `re`'s engine
version, and `re` checks the code it is given.

The cache lives in $XDG_CACHE_HOME/releasewatch (~/.cache/releasewatch), one file per
name and Python build (~400 KB for the extractor's).

The same file keeps what code reads from a pattern once a process (`kept_reading`: the
extractor's gate reads each vocabulary's parse tree for the words its matches start
with, ~45 ms for all of them in pure Python): keyed by the reader's own version, so a
changed reader reads again.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import contextlib
import marshal
import os
import re
import sys
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# What a pattern's code is built for: a file written by another build is not read.
_BUILD = (sys.version, _sre.MAGIC, _sre.CODESIZE)
# The file's layout: (build, patterns, readings) since 2; a file of another layout is
# another file (a version of releasewatch that reads the other layout keeps its own).
_FORMAT = 2
_MAX_ENTRIES = 4096  # a cache file holds at most this many patterns
# Only these flags are kept (DEBUG prints, TEMPLATE is deprecated): others compile as usual.
_KEPT_FLAGS = (
    re.IGNORECASE | re.LOCALE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE | re.ASCII
).value

# `re.compile` itself: a block nested in another compiles what its file lacks with this,
# not with the outer block's cache (which would keep the inner block's patterns too).
_COMPILE = re.compile

# A pattern's code as kept: its words as bytes (an array of CODESIZE-byte integers).
_WORD = "I" if array("I").itemsize == _sre.CODESIZE else "L"
# (pattern, flags) -> the rest of _sre.compile's arguments, the code as bytes: (flags,
# code, groups, groupindex, indexgroup)
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
# The cache of the kept block running, if any (kept_reading answers from it).
_RUNNING: list[_Cache] = []


def cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/releasewatch, or ~/.cache/releasewatch; None without a home (a
    service user with none: no cache, rather than a "~" folder wherever it runs)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG spec says to ignore)
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "releasewatch"


@contextlib.contextmanager
def kept(name: str) -> Iterator[None]:
    """Patterns compiled with re.compile while the block runs come from the cache file
    `name` when it holds them; those it does not are added to it when the block ends."""
    folder = cache_dir()
    if folder is None:
        yield
        return
    path = folder / f"patterns-{name}-{sys.implementation.cache_tag}-{_FORMAT}.marshal"
    cache = _Cache(*_load(path))
    original = re.compile
    re.compile = cache.compile  # type: ignore[assignment]
    _RUNNING.append(cache)
    try:
        yield
    finally:
        re.compile = original
        _RUNNING.pop()
    if cache.added:
        _store(path, cache)


def kept_reading(key: tuple[Any, ...], work: Callable[[], T]) -> T | None:
    """work()'s answer as the running kept block's file holds it under `key`, worked out
    and added to the file when it holds none; None outside a kept block (or without a
    cache directory): the caller works it out itself, when it needs it. `key` must name
    everything the answer depends on besides the Python build (the reader's version, the
    pattern's text and flags), and the answer must be plain data marshal can write."""
    if not _RUNNING:
        return None
    cache = _RUNNING[-1]
    if key in cache.readings:
        cache.used_readings.add(key)
        return cache.readings[key]  # type: ignore[no-any-return]
    answer = work()
    try:
        marshal.dumps(answer)
    except ValueError:  # not plain data: answered, not kept
        return answer
    cache.readings[key] = answer
    cache.used_readings.add(key)
    cache.added += 1
    return answer


class _Cache:
    def __init__(
        self,
        entries: dict[tuple[Any, int], _Entry],
        readings: dict[tuple[Any, ...], Any] | None = None,
    ):
        self.entries = entries
        self.readings = {} if readings is None else readings
        self.used: set[tuple[Any, int]] = set()
        self.used_readings: set[tuple[Any, ...]] = set()
        self.added = 0
        self.original = _COMPILE

    def compile(self, pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        if isinstance(flags, re.RegexFlag):
            flags = flags.value
        if type(pattern) not in (str, bytes) or not isinstance(flags, int) or flags & ~_KEPT_FLAGS:
            return self.original(pattern, flags)
        key = (pattern, flags)
        entry = self.entries.get(key)
        if entry is not None:
            try:
                compiled = _build(pattern, entry)
            except Exception:  # a damaged entry: compile it as usual, and keep that instead
                del self.entries[key]
            else:
                self.used.add(key)
                return compiled
        compiled = self.original(pattern, flags)
        made = _entry(pattern, flags)
        # Kept only when its code gives exactly the pattern `re` compiled (a Pattern is
        # equal to another of the same text, flags and code).
        if made is not None and _build(pattern, made) == compiled:
            self.entries[key] = made
            self.used.add(key)
            self.added += 1
        return compiled


def _entry(pattern: str | bytes, flags: int) -> _Entry | None:
    """What re._compiler.compile passes to _sre.compile, worked out as it does."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for group, index in groupindex.items():
            indexgroup[index] = group
        return (
            flags | parsed.state.flags,
            array(_WORD, code).tobytes(),
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
    except Exception:  # another Python's internals: nothing kept, nothing lost
        return None


def _build(pattern: str | bytes, entry: _Entry) -> re.Pattern[Any]:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_WORD, code).tolist(), groups, groupindex, indexgroup)


def _load(path: Path) -> tuple[dict[tuple[Any, int], _Entry], dict[tuple[Any, ...], Any]]:
    try:
        build, entries, readings = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}, {}
    if build != _BUILD or not isinstance(entries, dict) or not isinstance(readings, dict):
        return {}, {}
    return entries, readings


def _store(path: Path, cache: _Cache) -> None:
    entries = _bounded(cache.entries, cache.used)
    readings = _bounded(cache.readings, cache.used_readings)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_BUILD, entries, readings)))
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink()


def _bounded(kept: dict[Any, Any], used: set[Any]) -> dict[Any, Any]:
    """At most _MAX_ENTRIES of `kept`: those of this run first, then the others."""
    if len(kept) <= _MAX_ENTRIES:
        return kept
    keys = sorted(kept, key=lambda key: key not in used)[:_MAX_ENTRIES]
    return {key: kept[key] for key in keys}
