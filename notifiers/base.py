"""What every notifier is: declared settings, a send(), secrets masked by construction.

A notifier raises TransientError (try again later) or PermanentError (give up);
the delivery loop needs to know nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from scraper.models import Alert


class DeliveryError(Exception):
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


@dataclass(frozen=True)
class Setting:
    """One key a notifier type accepts in config.yaml."""

    type: type | tuple[type, ...]  # str, int, bool, list (of str)
    required: bool = False
    default: Any = None
    secret: bool = False  # masked everywhere; a URL setting marked secret masks its path too
    choices: tuple[Any, ...] = ()
    doc: str = ""


class Notifier:
    """Base of every notifier kind. Subclasses set `type_name`, `settings` and `send`."""

    type_name: ClassVar[str] = ""
    settings: ClassVar[Mapping[str, Setting]] = {}

    def __init__(self, name: str, options: Mapping[str, Any]):
        self.name = name
        self.options = {key: options.get(key, s.default) for key, s in self.settings.items()}

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
            found.extend(_url_secret_parts(text))
    # Longest first, so a URL is masked whole before its token is.
    return sorted({s for s in found if len(s) >= 4}, key=len, reverse=True)


def _url_secret_parts(text: str) -> list[str]:
    """A webhook URL's path and query carry its token: mask each long segment on its own too."""
    if "://" not in text:
        return []
    rest = text.split("://", 1)[1]
    host, _, tail = rest.partition("/")
    parts = [tail] if tail else []
    for piece in tail.replace("?", "/").replace("&", "/").replace("=", "/").split("/"):
        if len(piece) >= 8:
            parts.append(piece)
    return parts


def mask_secrets(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text
