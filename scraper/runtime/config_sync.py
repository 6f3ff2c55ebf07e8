"""The YAML upserted into a shared state: what every worker (and `migrate`) writes.

The YAML stays the source of truth; the database holds what workers need to share
work (sources as claimable rows, watches as rows to lock) and what `status` shows of
the notifiers: name, kind and the settings that are not secret. A notifier's secrets
(a Discord or webhook URL, which holds a token; an SMTP password; an HMAC key; Apprise
URLs) are declared `secret` by its type and stay in each machine's environment.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from scraper import logs
from scraper.config.settings import Config, NotifierConfig
from scraper.errors import mask_with
from scraper.store.state import State
from scraper.store.work import ConfiguredNotifier


def public_settings(entry: NotifierConfig) -> dict[str, Any] | None:
    """A notifier's settings without any its type declares secret; None when the config
    was read without its ${VAR}s (a reading command) and its settings are unknown."""
    from notifiers import NOTIFIER_TYPES
    from notifiers.base import secret_values

    if not entry.fingerprint:
        return None
    declared = NOTIFIER_TYPES[entry.type].settings
    secrets = secret_values(declared, entry.options)
    public: dict[str, Any] = {}
    for key, value in entry.options.items():
        setting = declared.get(key)
        if setting is None or setting.secret or value is None:
            continue
        # A secret repeated in a setting that is not one (a token pasted into a name)
        # is masked there too: nothing secret reaches the database.
        if isinstance(value, str):
            value = mask_with(value, secrets)
        elif isinstance(value, list | tuple):
            value = [mask_with(v, secrets) if isinstance(v, str) else v for v in value]
        public[key] = value
    return public


def configured_notifiers(config: Config) -> list[ConfiguredNotifier]:
    return [ConfiguredNotifier(n.name, n.type, public_settings(n)) for n in config.notifiers]


def sync_config(config: Config, state: State, now: datetime) -> None:
    """Upsert the config's sources, watches and notifiers, under the config's advisory lock."""
    for source in config.sources:
        logs.register_secrets(logs.url_credentials(source.url))
    state.sync_config(
        {s.name: logs.public_url(s.url) for s in config.sources},
        [w.key for w in config.watches],
        configured_notifiers(config),
        now,
    )
