"""What every notifier is: declared settings, a send(), secrets masked by construction.

A notifier raises TransientError (try again later) or PermanentError (give up);
the delivery loop needs to know nothing else. The work every notifier needs is
done here, once: secrets registered when a notifier is built, text cut to the
limits a service declares, HTTP statuses mapped to transient or permanent, and
the wait a service asks for (throttling).

How an alert reads is in text.py, the HTTP notifiers' common part in http.py, a whole
send's time limit in deadline.py. notifiers/ depends only on scraper.models and
scraper.errors (tests/test_layering.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from scraper.errors import (
    MIN_SHORT_SECRET,
    DeliveryError,
    PermanentError,
    TransientError,
    mask_with,
    register_secrets,
    url_secret_parts,
)
from scraper.models import (
    Alert,
)

ELLIPSIS = "…"


__all__ = [
    "MIN_SHORT_SECRET",
    "DeliveryError",
    "Notifier",
    "PermanentError",
    "Setting",
    "TransientError",
]


@dataclass(frozen=True)
class Setting:
    """One key a notifier type accepts in config.yaml."""

    type: type | tuple[type, ...]  # str, int, bool, list (of str)
    required: bool = False
    default: Any = None
    secret: bool = False  # masked everywhere; a URL setting marked secret masks its path too
    choices: tuple[Any, ...] = ()
    doc: str = ""
    # Seconds, written as a number or as a duration ("30s", "2m") like every other
    # duration in config.yaml; read as a float.
    duration: bool = False
    # A further rule on the value: None if fine, else what is wrong ("must be more than 0").
    check: Callable[[Any], str | None] | None = None


def more_than_zero(value: float) -> str | None:
    """A timeout of 0 or less would end every send before it starts."""
    return None if value > 0 else "must be more than 0"


def tcp_port(value: int) -> str | None:
    return None if 1 <= value <= 65535 else "is not a port number (1 to 65535)"


class Notifier:
    """Base of every notifier kind. Subclasses set `type_name`, `settings` and `send`."""

    type_name: ClassVar[str] = ""
    settings: ClassVar[Mapping[str, Setting]] = {}
    # The most characters the service takes in each part of a message ("title", ...):
    # longer text is cut by `fit`, never sent to be rejected whole.
    limits: ClassVar[Mapping[str, int]] = {}

    def __init__(
        self,
        name: str,
        options: Mapping[str, Any],
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.name = name
        self.options = {key: options.get(key, s.default) for key, s in self.settings.items()}
        # Masked by construction, here and only here: from now on no log record and no
        # error, whoever writes it, shows them.
        register_secrets(self.secrets())
        self._sleep = sleep
        self._clock = clock
        self._blocked_until = 0.0  # the service asked for no call before then (clock time)

    @classmethod
    def fit(cls, part: str, text: str) -> str:
        """`text` cut to the service's declared limit for `part` (ending in an ellipsis)."""
        limit = cls.limits.get(part)
        return text if limit is None else truncate(text, limit)

    # -- throttling: the pauses a service asks for, kept by the notifier ---------------------

    def hold_off(self, seconds: float) -> None:
        """The service asked for a pause (Retry-After, an empty rate-limit bucket): no call
        to it before the pause ends, whichever send comes next."""
        self._blocked_until = max(self._blocked_until, self._clock() + seconds)

    def pause_left(self) -> float:
        return max(self._blocked_until - self._clock(), 0.0)

    def wait_turn(self, waited: float = 0.0, said: str = "rate limited") -> float:
        """Sleep out the pause the service asked for when this send may still wait that
        long (its `max_wait` setting; none: not at all), else raise TransientError carrying
        the pause left, so the outbox retries after it. Returns the seconds waited so far."""
        pause = self.pause_left()
        if pause <= 0:
            return waited
        if waited + pause > float(self.options.get("max_wait") or 0):
            raise TransientError(f"{said}; retry after {pause:.1f}s", retry_after=pause)
        self._sleep(pause)
        return waited + pause

    @classmethod
    def config_problems(cls, options: Mapping[str, Any]) -> list[str]:
        """Errors beyond what the declared settings can say (config.py reports them)."""
        return []

    @classmethod
    def config_warnings(cls, options: Mapping[str, Any]) -> list[str]:
        """Things that work but look like a mistake."""
        return []

    def describe(self) -> str:
        """How status and test-notify name this notifier: never with its secrets."""
        return f"{self.name} ({self.type_name})"

    def send(self, alert: Alert) -> None:
        """Deliver one alert or raise TransientError / PermanentError."""
        raise NotImplementedError

    def secrets(self) -> Iterable[str]:
        """Every string that must never reach a log, an error, status or history."""
        return secret_values(self.settings, self.options)

    def mask(self, text: str) -> str:
        return mask_secrets(text, self.secrets())

    def close(self) -> None:
        """Release connections; called when the process stops."""


def secret_values(settings: Mapping[str, Setting], options: Mapping[str, Any]) -> list[str]:
    """The secret strings in a notifier's options, including the tokens inside a secret URL."""
    found: list[str] = []
    for key, setting in settings.items():
        value = options.get(key)
        if not setting.secret or not value:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            text = str(item)
            found.append(text)
            found.extend(url_secret_parts(text))
    # Longest first, so a URL is masked whole before its token is.
    return sorted({s for s in found if len(s) >= MIN_SHORT_SECRET}, key=len, reverse=True)


def mask_secrets(text: str, secrets: Iterable[str]) -> str:
    # Each secret in any percent-encoding too: scraper.secrets decides what one looks like.
    return mask_with(text, secrets)


# HTTP statuses that ask the client to try again later, like any 5xx.
RETRY_STATUSES = frozenset({408, 425, 429})
# Statuses whose Retry-After is a pause for the whole service, not only this request.
PAUSE_STATUSES = frozenset({429, 503})


def status_error(
    status: int,
    words: str,
    *,
    retry_after: float | None = None,
    disable_on: Collection[int] = (),
) -> DeliveryError | None:
    """The error an HTTP status means for a delivery, or None for a 2xx: one mapping for
    every notifier that speaks HTTP (Discord, webhook, Apprise's services).

    Timeouts (408), 425, 429 and 5xx are transient; any other status permanent, and a
    redirect is not followed (requests would turn the POST into a GET and drop the body).
    `disable_on`: statuses by which the service asks never to be called again.
    """
    if 200 <= status < 300:
        return None
    if status in RETRY_STATUSES or status >= 500:
        return TransientError(words, retry_after=retry_after)
    if 300 <= status < 400:
        return PermanentError(f"{words} (redirect not followed: set url to the final address)")
    return PermanentError(words, disable=status in disable_on)


def truncate(text: str, limit: int) -> str:
    """Cut to at most `limit` characters, ending in an ellipsis when cut (never rejected)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    return text[: limit - 1].rstrip() + ELLIPSIS
