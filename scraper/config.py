"""config.yaml -> frozen dataclasses, with every error reported as file:line: key: message.

Parsed once; nothing downstream reads raw dicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scraper.models import Watch

DEFAULT_USER_AGENT = "releasewatch/0.1 (+https://github.com/releasewatch/releasewatch)"


class ConfigError(Exception):
    """The config cannot be used. `errors` holds one "file:line: key: message" per problem."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass(frozen=True)
class Schedule:
    interval: float = 30 * 60.0  # seconds
    jitter: float = 60.0


@dataclass(frozen=True)
class HttpSettings:
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0  # seconds, connect and read each
    max_bytes: int = 5 * 1024 * 1024
    concurrency: int = 16
    per_host_delay: float = 1.0
    respect_robots: bool = True
    max_redirects: int = 5  # not configurable: SPEC's ceiling


@dataclass(frozen=True)
class Health:
    alert_after: int = 5


@dataclass(frozen=True)
class SourceConfig:
    name: str
    url: str
    type: str = "auto"  # page | feed | auto | tvmaze
    select: str | None = None  # CSS selector: only this part of a page counts
    interval: float | None = None  # seconds; None -> schedule.interval
    show: str | None = None  # tvmaze only: show name or numeric id


@dataclass(frozen=True)
class NotifierConfig:
    name: str
    type: str
    # validated against the notifier type's declared settings
    options: Mapping[str, Any] = field(default_factory=dict)
    fingerprint: str = ""  # hash of the resolved settings: a change re-enables a disabled notifier


@dataclass(frozen=True)
class Config:
    path: Path
    state_path: Path  # relative paths are resolved against the config file's folder
    schedule: Schedule
    http: HttpSettings
    health: Health
    watches: tuple[Watch, ...]
    sources: tuple[SourceConfig, ...]
    notifiers: tuple[NotifierConfig, ...]

    def source_interval(self, source: SourceConfig) -> float:
        return source.interval if source.interval is not None else self.schedule.interval


def load_config(path: str | Path) -> Config:
    """Read, resolve ${VAR}s and validate; raises ConfigError listing every problem."""
    raise NotImplementedError
