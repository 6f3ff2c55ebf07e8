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
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import contextlib
import marshal
import os
import re
import sys
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# What a pattern's code is built for: a file written by another build is not read.
_BUILD = (sys.version, _sre.MAGIC, _sre.CODESIZE)
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
    path = folder / f"patterns-{name}-{sys.implementation.cache_tag}.marshal"
    cache = _Cache(_load(path))
    original = re.compile
    re.compile = cache.compile  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = original
    if cache.added:
        _store(path, cache)


class _Cache:
    def __init__(self, entries: dict[tuple[Any, int], _Entry]):
        self.entries = entries
        self.used: set[tuple[Any, int]] = set()
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


def _load(path: Path) -> dict[tuple[Any, int], _Entry]:
    try:
        build, entries = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if build != _BUILD or not isinstance(entries, dict):
        return {}
    return entries


def _store(path: Path, cache: _Cache) -> None:
    entries = cache.entries
    if len(entries) > _MAX_ENTRIES:  # the patterns of this run first, then the others
        keys = sorted(entries, key=lambda key: key not in cache.used)[:_MAX_ENTRIES]
        entries = {key: entries[key] for key in keys}
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_BUILD, entries)))
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink()
