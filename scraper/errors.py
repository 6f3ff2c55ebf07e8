"""Every error releasewatch raises on purpose, in one small hierarchy (as requests does).

    ReleasewatchError
    ├── UserError            a mistake the user can fix: caught once, at the CLI edge
    │   ├── ConfigError      config.yaml cannot be used (one line per problem)
    │   ├── UsageError       bad command-line arguments
    │   ├── InputError       a file or URL given on the command line cannot be read
    │   └── StateFileError   the state file is missing, unreadable or too new
    ├── SourceError          a source gave no usable body (the fetcher's FetchError)
    │   ├── TransientSourceError   timeouts, 429, 5xx, an empty body: try again later
    │   └── PermanentSourceError   404, 410, robots.txt, a bad URL: trying again won't help
    └── DeliveryError        a notifier could not deliver
        ├── TransientError   timeouts, 5xx, 429, SMTP 4xx: retried with backoff
        └── PermanentError   4xx, SMTP 5xx: given up at once

Also here, because errors and logs must never carry them: the masking of secrets
(every notifier's declared secret settings, re-exported from the leaf module
scraper.secrets) and Retry-After parsing, which sources and notifiers share. It imports
nothing of releasewatch but scraper.secrets, so notifiers/ may depend on it.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scraper.secrets import (  # noqa: F401
    MIN_SHORT_SECRET,
    mask_with,
    public_url,
    register_secrets,
    url_secret_parts,
)

# Re-exported: notifiers/ reach the one secrets registry through this module.
from scraper.secrets import mask as mask_registered  # noqa: F401

# A "retry in a year" is a misconfigured server; a day is the longest we wait.
RETRY_AFTER_CAP = 24 * 3600.0


class ReleasewatchError(Exception):
    """Base of every error releasewatch raises on purpose. str() is one line, free of secrets."""


# -- the user's mistakes -----------------------------------------------------------------------


class UserError(ReleasewatchError):
    """Bad arguments, an unreadable file, a missing state file: the message says what to do."""

    @property
    def lines(self) -> list[str]:
        """What the CLI prints, one `error: ` line each."""
        return [str(self)]


class ConfigError(UserError):
    """The config cannot be used. `errors` holds one "file:line: key: message" per problem."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))

    @property
    def lines(self) -> list[str]:
        return list(self.errors)


class UsageError(UserError):
    """Bad command-line arguments."""


class InputError(UserError):
    """A file or URL named on the command line that cannot be read."""


class StateFileError(UserError):
    """The state file is missing (no check has run), unreadable, or from a newer release."""


# -- sources -----------------------------------------------------------------------------------


class SourceError(ReleasewatchError):
    """A fetch that produced no usable body. str() is one line naming the problem.

    `SourceError(message, transient=True)` is a TransientSourceError, without it a
    PermanentSourceError, so a caller may test either `exc.transient` or the class.
    `retry_after`: seconds the server asked us to wait (its Retry-After), or None.
    The caller keeps the stored state as it was either way.
    """

    transient: bool = False

    def __new__(cls, *args: object, transient: bool = False, **kwargs: object) -> SourceError:
        if cls is SourceError:
            cls = TransientSourceError if transient else PermanentSourceError
        return super().__new__(cls, *args)

    def __init__(
        self,
        message: str,
        *,
        transient: bool | None = None,
        status: int | None = None,
        retry_after: float | None = None,
    ):
        super().__init__(message)
        if transient is not None and transient != type(self).transient:
            raise TypeError(f"{type(self).__name__} cannot be transient={transient}")
        self.status = status
        self.retry_after = retry_after


class TransientSourceError(SourceError):
    """The source may well work next time: a timeout, a refused connection, 429, 5xx, no body."""

    transient = True


class PermanentSourceError(SourceError):
    """Trying again will not help until something changes: 404, 410, robots.txt, a bad URL."""

    transient = False


# -- delivery ----------------------------------------------------------------------------------


class DeliveryError(ReleasewatchError):
    """A notifier could not deliver. The message is already free of secrets."""


class TransientError(DeliveryError):
    """Worth retrying later: timeouts, 5xx, 429, SMTP 4xx, connection refused."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(DeliveryError):
    """Retrying cannot help: 4xx, SMTP 5xx, a webhook that no longer exists."""

    def __init__(self, message: str, disable: bool = False):
        super().__init__(message)
        # True when the service asks us to stop calling it at all (Discord 401/403/404).
        self.disable = disable


# -- Retry-After -------------------------------------------------------------------------------


def parse_retry_after(value: object, now: datetime | None = None) -> float | None:
    """Retry-After (or Discord's retry_after) as seconds from `now`, within [0, a day].

    Delta-seconds (Discord sends decimals) or an HTTP-date; None when absent or
    unreadable. Never more than RETRY_AFTER_CAP, so "1e12" or "inf" cannot push a
    date past the calendar's end (OverflowError) or park a source for good.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        text = str(value).strip()
        if not text:
            return None
        try:
            seconds = float(text)
        except ValueError:
            return _seconds_until(text, now)
    if math.isnan(seconds):
        return None
    return min(max(0.0, seconds), RETRY_AFTER_CAP)


def _seconds_until(http_date: str, now: datetime | None) -> float | None:
    try:
        when = parsedate_to_datetime(http_date)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # HTTP-dates are GMT
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(0.0, seconds), RETRY_AFTER_CAP)


# OpenSSL's reasons when what came back is no TLS at all: a plain-HTTP server (https://
# to an http:// site's port) answers the handshake with "HTTP/1.0 400 ...".
_NOT_TLS = frozenset({"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "HTTP_REQUEST",
                      "UNKNOWN_PROTOCOL", "PACKET_LENGTH_TOO_LONG", "WRONG_SSL_VERSION"})


def tls_reason(exc: BaseException, plain_hint: str = "is the URL http://?") -> str:
    """One line a user can act on for a failed TLS handshake: the certificate and why it
    was refused, or a server that does not speak TLS on that port."""
    import ssl

    found = _find_ssl_error(exc, ssl.SSLError)
    if isinstance(found, ssl.SSLCertVerificationError):
        why = (found.verify_message or "").rstrip(".") or "not verified"
        # A private CA (a NAS, a company proxy) is trusted as requests trusts one.
        return (f"TLS error: the server's certificate was refused ({why}); a private CA's"
                " certificate goes in REQUESTS_CA_BUNDLE")
    reason = getattr(found, "reason", None) or ""
    if reason in _NOT_TLS:
        return f"TLS error: the server does not speak TLS on this port ({plain_hint})"
    return f"TLS error: handshake failed ({reason.lower().replace('_', ' ')})" if reason else (
        "TLS error: handshake failed")


def _find_ssl_error(exc: BaseException | None, kind: type, depth: int = 0) -> Any:
    """The ssl error inside what requests and urllib3 wrap it in (args, reason, cause)."""
    if exc is None or depth > 6:
        return None
    if isinstance(exc, kind):
        return exc
    inner = [getattr(exc, "reason", None), exc.__cause__, exc.__context__,
             *(a for a in getattr(exc, "args", ()) if isinstance(a, BaseException))]
    for item in inner:
        if isinstance(item, BaseException):
            found = _find_ssl_error(item, kind, depth + 1)
            if found is not None:
                return found
    return None
