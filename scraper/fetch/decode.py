"""Bytes -> text for fetched bodies and local files: never raises, always returns a str.

Order (the HTML standard's, which browsers follow): a byte-order mark, then the
charset of the Content-Type header, then an XML declaration or <meta> in the
first few KB, then UTF-8 if the bytes are valid UTF-8, then charset_normalizer's
guess, then windows-1252 with replacement characters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

# How far into the body an XML declaration or a <meta> is looked for. The HTML
# standard's prescan reads 1024 bytes; real pages put long <script>s first.
SNIFF_BYTES = 4096

_BOMS = (
    # UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)

# Servers and pages label windows-1252 text "iso-8859-1" or "ascii" all the time
# (curly quotes, dashes, the euro sign); browsers decode those labels as
# windows-1252, and so do we, so "smart quotes" do not become control characters.
_WINDOWS_1252_LABELS = {"iso8859-1", "latin-1", "ascii"}


def decode_body(content: bytes, content_type: str = "") -> str:
    """Decode a fetched body or a file; `content_type` is the HTTP header, if any."""
    if not content:
        return ""
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(encoding, errors="replace")
    declared = charset_from_content_type(content_type) or sniff_charset(content[:SNIFF_BYTES])
    if declared and _impossible(declared, content):
        declared = None  # a wrong label: the bytes decide (below)
    if declared:
        return content.decode(declared, errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(content)


def _impossible(codec: str, content: bytes) -> bool:
    """A label the bytes cannot be in: UTF-16/32 text of markup (ASCII tags) always has
    NUL bytes; a server saying "utf-16" of ASCII bytes would make them CJK soup."""
    return codec.startswith(("utf-16", "utf-32")) and b"\x00" not in content[:SNIFF_BYTES]


def charset_from_content_type(content_type: str) -> str | None:
    """The Python codec named by a Content-Type's charset parameter, if Python knows it."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _usable(match.group(1)) if match else None


def sniff_charset(head: bytes) -> str | None:
    """The codec named by an XML declaration or an HTML <meta> in the first bytes."""
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    codec = _usable(match.group(1).decode("ascii", errors="replace"))
    # A document that could declare its charset in ASCII is not UTF-16/32
    # (the HTML standard says: read such a label as UTF-8).
    if codec and codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return codec


def _detect(content: bytes) -> str:
    guess = charset_normalizer.from_bytes(content).best()
    codec = _usable(guess.encoding) if guess is not None else None
    if codec is None:
        return content.decode("cp1252", errors="replace")
    text = content.decode(codec, errors="replace")
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
    """A label -> a Python codec name, or None for unknown labels and non-text codecs."""
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip())
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # "base64", "rot13", "zlib": codecs, but not charsets
    if info.name in _WINDOWS_1252_LABELS:
        return "cp1252"
    return info.name
