"""Secrets: which strings must never be shown, and masking them wherever text goes.

Every secret a notifier declares (and every credential in a source URL) is registered
when it is read; the log filter, error messages and alerts mask them, whoever wrote the
text. What counts is decided here: whole values, and of a secret URL only the pieces
that look like tokens, never a plain word such as "alert". A leaf module: anything may
import it (notifiers reach it through scraper.errors).
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable
from urllib.parse import parse_qsl, unquote, unquote_plus, urlsplit, urlunsplit

_secrets: set[str] = set()
_lock = threading.Lock()
_compiled: tuple[frozenset[str], re.Pattern[str] | None] = (frozenset(), None)

# A whole secret shorter than this is masked only where it stands as a word of its own:
# anywhere, it would blank the letters of ordinary words.
MIN_SECRET = 4
# Shorter than this, a value is no secret worth the name and is not masked at all.
MIN_SHORT_SECRET = 2
# A piece of a secret URL is masked on its own only when it looks like a token.
MIN_TOKEN = 8
# ... or, this long, when it mixes letters with digits ("k3Y9x"): a short token.
MIN_SHORT_TOKEN = 4
# Query parameters whose value is a credential, whatever it looks like (lower case,
# without - and _): ?token=, ?key=, ?api_key=, ?sig=, AWS and Azure signed URLs...
_CREDENTIAL_PARAMS = frozenset(
    {"token", "accesstoken", "authtoken", "auth", "key", "apikey", "accesskey", "secret",
     "clientsecret", "password", "passwd", "pass", "pwd", "sig", "signature", "code",
     "session", "sessionid", "xamzsignature", "xamzcredential", "xamzsecuritytoken",
     "xgoogsignature", "xgoogcredential"}
)


def register_secrets(values: Iterable[str]) -> None:
    with _lock:
        _secrets.update(v for v in values if v and len(v) >= MIN_SHORT_SECRET)


def mask(text: str) -> str:
    """`text` with every registered secret, in any percent-encoding, replaced by ***."""
    global _compiled
    with _lock:
        if _compiled[0] != _secrets:
            frozen = frozenset(_secrets)
            _compiled = (frozen, _pattern(frozen))
        pattern = _compiled[1]
    return pattern.sub("***", text) if pattern is not None and text else text


def mask_with(text: str, secrets: Iterable[str]) -> str:
    """`text` with these secrets (and their percent-encoded forms) replaced by ***."""
    pattern = _pattern(frozenset(s for s in secrets if s and len(s) >= MIN_SHORT_SECRET))
    return pattern.sub("***", text) if pattern is not None and text else text


@functools.lru_cache(maxsize=64)
def _pattern(secrets: frozenset[str]) -> re.Pattern[str] | None:
    """One regex for all secrets, longest first (a URL goes whole before its token), each
    character matching itself or its percent-encoding: a server echoing the token in a
    URL-encoded form (`%2F`, `%2f`, `+` for a space) must not show it either."""
    if not secrets:
        return None
    ordered = sorted(secrets, key=lambda s: (-len(s), s))
    return re.compile("|".join(_secret_pattern(s) for s in ordered))


def _secret_pattern(secret: str) -> str:
    body = "".join(_char(c) for c in secret)
    if len(secret) >= MIN_SECRET:
        return body
    # A short secret ("x7q") only as a word of its own, not inside "x7quick".
    return rf"(?<![0-9A-Za-z]){body}(?![0-9A-Za-z])"


def _char(char: str) -> str:
    encoded = "".join(
        "%" + "".join(f"[{d.upper()}{d.lower()}]" if d.isalpha() else d for d in f"{b:02X}")
        for b in char.encode("utf-8")
    )
    forms = [re.escape(char), encoded]
    if char == " ":
        forms.append(r"\+")
    elif char == "/":
        forms.append(r"\\/")  # JSON may escape a slash
    return "(?:" + "|".join(forms) + ")"


def looks_like_token(piece: str) -> bool:
    """A URL piece that is a credential rather than a word: long, or mixing letters with
    digits or cases ("x7Gq2...", a numeric webhook id). "alert", "hook", "release_date",
    "webhooks" are words: masking them would blank them in every log line."""
    if len(piece) < MIN_TOKEN:
        return (
            len(piece) >= MIN_SHORT_TOKEN
            and any(c.isdigit() for c in piece) and any(c.isalpha() for c in piece)
        )
    if len(piece) >= 20:
        return True
    has_digit = any(c.isdigit() for c in piece)
    has_upper = any(c.isupper() for c in piece)
    has_lower = any(c.islower() for c in piece)
    return has_digit or (has_upper and has_lower)


def url_secret_parts(url: str) -> list[str]:
    """What must be masked of a secret URL (a webhook's, which holds its token) besides the
    URL itself: its path and query as a whole when they hold a token (urllib3 logs them
    without the host), its credentials, and each token-like piece alone (a server may
    echo the token alone)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return []
    if not parts.scheme or not parts.netloc:
        return []
    found = _userinfo_parts(parts.netloc)
    path_tokens = [p for p in parts.path.split("/") if looks_like_token(p)]
    query_tokens = [
        v for k, v in parse_qsl(parts.query)
        if _is_credential_param(k) or looks_like_token(v) or looks_like_token(k)
    ]
    if path_tokens or query_tokens or found:
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    if path_tokens:
        found.append(parts.path)
    if query_tokens:
        found.append(parts.query)
    return [p for p in found + path_tokens + query_tokens if p and len(p) >= MIN_SHORT_SECRET]


def url_credentials(url: str) -> list[str]:
    """The credentials a source URL carries: its user:password and the values of its
    credential query parameters (?token=, ?key=, ?sig=...)."""
    if "@" not in url and "?" not in url:
        return []  # no user:password@, no query: nothing to find (asked per source per cycle)
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return []
    found = _userinfo_parts(parts.netloc)
    found += [v for k, v in parse_qsl(parts.query) if _is_credential_param(k)]
    return [p for p in found if p and len(p) >= MIN_SHORT_SECRET]


def public_url(url: str) -> str:
    """A source URL fit to show, store and send: without user:password@ and with the value
    of every credential query parameter replaced by ***."""
    if "@" not in url and "?" not in url:
        return url  # nothing to take out (asked several times per source per cycle)
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc.rpartition("@")[2]
    query = parts.query
    if query and any(_is_credential_param(k) for k, _ in parse_qsl(query)):
        query = "&".join(
            f"{name}=***" if _is_credential_param(unquote_plus(name)) else pair
            for pair in query.split("&")
            for name in [pair.partition("=")[0]]
        )
    if netloc == parts.netloc and query == parts.query:
        return url
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def _is_credential_param(name: str) -> bool:
    return name.lower().replace("-", "").replace("_", "") in _CREDENTIAL_PARAMS


def _userinfo_parts(netloc: str) -> list[str]:
    userinfo, at, _host = netloc.rpartition("@")
    if not at or not userinfo:
        return []
    user, _, password = userinfo.partition(":")
    return [userinfo, password, unquote(password)] if password else [userinfo]
