"""Content-Encoding undone as urllib3 undoes it: gzip (every member of it) and deflate
(with its zlib header or without), several codings in reverse order; each step gives
at most a given number of bytes per call, so a gzip bomb grows by one read at a time."""

from __future__ import annotations

import zlib

SNIFF_BYTES = 64 * 1024  # a "deflate" body is told raw or zlib within this many bytes


class Decoder:
    """Content-Encoding undone in reverse order of the codings, each step giving at
    most `limit` bytes per call (the rest waits in the decompressor)."""

    def __init__(self, codings: list[str]):
        self._steps = [_Step(c) for c in reversed(codings)]

    @property
    def pending(self) -> bool:
        return any(s.pending for s in self._steps)

    def decode(self, data: bytes, limit: int) -> bytes:
        for step in self._steps:
            data = step.decode(data, limit)
        return data

    def flush(self, limit: int) -> bytes:
        data = b""
        for step in self._steps:
            data = step.decode(data, limit) if data else step.decode(b"", limit)
        return data


class _Step:
    def __init__(self, coding: str):
        self.gzip = coding != "deflate"
        self._seen = b""  # deflate: the first bytes, fed again as raw deflate if not zlib
        self._raw_deflate = False
        self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS if self.gzip else zlib.MAX_WBITS)
        self._tail = b""
        self._ended = False  # gzip: a member ended with garbage after it (ignored)

    @property
    def pending(self) -> bool:
        return bool(self._tail)

    def decode(self, data: bytes, limit: int) -> bytes:
        data = self._tail + data
        self._tail = b""
        if self._ended:
            return b""
        if not self.gzip and not self._raw_deflate and self._seen is not None:
            self._seen += data
            if len(self._seen) > SNIFF_BYTES:
                # Past this, a stream read as zlib without an error is zlib: keeping every
                # byte (as urllib3 does until output appears) would let a body of empty
                # deflate blocks, which never decodes to a byte, fill the memory.
                self._seen = None  # type: ignore[assignment]
        try:
            out = self._obj.decompress(data, limit)
        except zlib.error:
            if self.gzip or self._raw_deflate or self._seen is None:
                raise
            # urllib3's DeflateDecoder: a "deflate" body without its zlib header.
            self._raw_deflate = True
            self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
            data, self._seen = self._seen, None  # type: ignore[assignment]
            out = self._obj.decompress(data, limit)
        else:
            if out and not self.gzip:
                self._seen = None  # type: ignore[assignment]
        self._tail = self._obj.unconsumed_tail
        if self.gzip and self._obj.eof and self._obj.unused_data:
            # Another gzip member follows (urllib3 decodes them all); garbage ends it.
            rest = self._obj.unused_data
            self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                more = self._obj.decompress(rest, max(limit - len(out), 1))
            except zlib.error:
                self._ended = True
                return out
            self._tail = self._obj.unconsumed_tail
            out += more
        return out
