"""Notifier kinds, one module each, registered by their `type:` name in config.yaml."""

from __future__ import annotations

from notifiers.base import Notifier, Setting
from scraper.errors import DeliveryError, PermanentError, TransientError

NOTIFIER_TYPES: dict[str, type[Notifier]] = {}


def register(cls: type[Notifier]) -> type[Notifier]:
    """Class decorator: make a notifier kind available to config.yaml by its type_name."""
    NOTIFIER_TYPES[cls.type_name] = cls
    return cls


def build_notifier(name: str, type_name: str, options: dict) -> Notifier:
    return NOTIFIER_TYPES[type_name](name, options)


def _load_builtin_kinds() -> None:
    # Imported for their @register side effect; optional kinds (apprise) register
    # themselves even when their library is missing, and fail clearly on use.
    import importlib

    for module in ("console", "email", "discord", "webhook", "apprise"):
        try:
            importlib.import_module(f"notifiers.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"notifiers.{module}":
                raise


_load_builtin_kinds()

__all__ = [
    "NOTIFIER_TYPES",
    "DeliveryError",
    "Notifier",
    "PermanentError",
    "Setting",
    "TransientError",
    "build_notifier",
    "register",
]
