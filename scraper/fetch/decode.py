"""Bytes -> text for fetched bodies and local files: never raises, always returns a str.

Order (the HTML standard's, which browsers follow): a byte-order mark, then the
charset of the Content-Type header, then an XML declaration or <meta> in the
first few KB, then UTF-8 if the bytes are valid UTF-8, then charset_normalizer's
guess, then windows-1252 with replacement characters.

Labels are read as browsers read them, by w3lib's table (the WHATWG Encoding
Standard's): "gb2312" is GBK (read by its superset gb18030), "euc-kr" is cp949,
"shift_jis" is cp932, "iso-8859-1" and "ascii" are windows-1252. Python's own
codecs of those names are the narrow originals and turn the characters a real
page uses (a GBK-only hanzi, a Korean name outside KS X 1001, the curly quotes
of a "Latin-1" page) into replacement characters or C1 controls.
"""

from __future__ import annotations

import codecs
import unicodedata

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
    to_unicode,
)

# How far into the body an XML declaration or a <meta> is looked for. The HTML
# standard's prescan reads 1024 bytes; real pages put long <script>s first.
SNIFF_BYTES = 4096

_WIDE = ("utf-16", "utf-32")


def decode_body(content: bytes, content_type: str = "") -> str:
    """Decode a fetched body or a file; `content_type` is the HTTP header, if any."""
    if not content:
        return ""
    bom_codec, bom = read_bom(content)
    if bom_codec is not None and bom is not None:
        return content[len(bom) :].decode(bom_codec, errors="replace")
    declared = charset_from_content_type(content_type) or sniff_charset(content[:SNIFF_BYTES])
    if declared and declared.startswith(_WIDE):
        declared = _wide_byte_order(content, declared)
    if declared == "cp1252" and not content.isascii():
        # UTF-8 under a "Latin-1" label (a CMS template's default): multibyte UTF-8
        # sequences are all but impossible in real windows-1252 text ("Ã©" for "é").
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if declared:
        return to_unicode(content, declared)
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(content)


def charset_from_content_type(content_type: str) -> str | None:
    """The Python codec named by a Content-Type's charset parameter, if Python knows it."""
    return _text_codec(http_content_type_encoding(content_type or None))


def sniff_charset(head: bytes) -> str | None:
    """The codec named by an XML declaration or an HTML <meta> in the first bytes."""
    codec = _text_codec(html_body_declared_encoding(head))
    # A document that could declare its charset in ASCII is not UTF-16/32
    # (the HTML standard says: read such a label as UTF-8).
    if codec and codec.startswith(_WIDE):
        return "utf-8"
    return codec


def _wide_byte_order(content: bytes, codec: str) -> str | None:
    """UTF-16/32 declared without a BOM: the byte order its zero bytes show, or None
    when the bytes cannot be that encoding. Markup in UTF-16 or UTF-32 has a zero
    byte beside every ASCII character; a body without any is ASCII-compatible text
    under a wrong label, and read as UTF-16 it would be CJK noise."""
    head = content[:SNIFF_BYTES]
    if b"\x00" not in head:
        return None
    if codec not in _WIDE:
        return codec  # the label names its byte order
    width = 2 if codec == "utf-16" else 4
    # "<" is 3C 00 little-endian and 00 3C big-endian (00 00 00 3C in UTF-32).
    big = head[0::width].count(0) > head[width - 1 :: width].count(0)
    return f"{codec}-{'be' if big else 'le'}"


def _detect(content: bytes) -> str:
    # Imported here: only a body with no declared charset that is not UTF-8 gets this
    # far, and charset_normalizer's import is ~8 ms of every process's start-up.
    import charset_normalizer

    guess = charset_normalizer.from_bytes(content).best()
    codec = _usable(guess.encoding) if guess is not None else None
    if codec is None:
        return content.decode("cp1252", errors="replace")
    text = to_unicode(content, codec)
    # charset_normalizer cannot tell the Latin-script code pages apart on news
    # text (it reads French cp1252 as Baltic cp1257: "bientôt" -> "bientōt").
    # When its guess reads as Latin script anyway, windows-1252 - the legacy
    # web's default and the HTML standard's fallback for Western locales - is
    # the better bet, if every byte is defined in it. Cyrillic, Greek, CJK
    # guesses are kept.
    if codec != "cp1252" and _latin_script(text):
        try:
            return content.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return text


def _latin_script(text: str) -> bool:
    letters = {c for c in set(text) if ord(c) > 127 and c.isalpha()}
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def _usable(label: str | None) -> str | None:
    """A label -> a Python codec name as browsers read the label, or None for unknown
    labels and non-text codecs."""
    if not label:
        return None
    return _text_codec(resolve_encoding(label.strip()))


def _text_codec(codec: str | None) -> str | None:
    if codec is None:
        return None
    if not getattr(codecs.lookup(codec), "_is_text_encoding", True):
        return None  # "base64", "rot13", "zlib": codecs, but not charsets
    return codec
