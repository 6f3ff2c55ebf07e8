"""The form of a notifier's config fingerprint the state keeps."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from scraper.store.state import State

# The notifier fingerprint is a hash of options that include secrets (a webhook URL, a
# password): what the state stores is an HMAC of it under this per-state random key, so
# the state file offers nothing to test guessed secrets against.
_FINGERPRINT_KEY = "deliver.fingerprint_key"


def stored_fingerprint(state: State, fingerprint: str) -> str:
    """The form of a notifier's config fingerprint the state keeps: keyed, never bare."""
    key = state.get_meta(_FINGERPRINT_KEY)
    if key is None:
        with state.transaction():  # one key per state, whoever creates it first
            key = state.get_meta(_FINGERPRINT_KEY)
            if key is None:
                key = secrets.token_hex(32)
                state.set_meta(_FINGERPRINT_KEY, key)
    return hmac.new(bytes.fromhex(key), fingerprint.encode(), hashlib.sha256).hexdigest()
