"""Naming a watch on the command line: by title, "Title Season N", or an alias."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from scraper.config.settings import Config
from scraper.errors import UserError
from scraper.models import Watch


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_watch(
    config: Config,
    text: str,
    stored_keys: Iterable[str] = (),
    known: Mapping[str, Watch] | None = None,
) -> Watch:
    """The configured watch `text` names; a user error naming the choices otherwise.

    `stored_keys`: the watches the state holds facts or alerts of. One removed from
    config.yaml since is still found by its title, so `forget` can clear it. `known`: such
    watches as the state recorded them (their title as written), for display."""
    wanted = _fold(text)
    by_label = [w for w in config.watches if wanted in (_fold(w.label), w.key)]
    if by_label:
        return by_label[0]
    by_name = [
        w for w in config.watches
        if wanted == _fold(w.title) or wanted in {_fold(a) for a in w.aliases}
    ]
    if len(by_name) == 1:
        return by_name[0]
    configured = {w.key for w in config.watches}
    gone = [
        watch_of_key(config, k, known)
        for k in sorted(set(stored_keys) - configured)
    ]
    by_gone = [w for w in gone if wanted in (_fold(w.label), w.key)]
    by_gone = by_gone or [w for w in gone if wanted == _fold(w.title)]
    if not by_name and len(by_gone) == 1:
        return by_gone[0]
    labels = ", ".join(repr(w.label) for w in (by_name or config.watches))
    if by_name:
        raise UserError(f"{text!r} names several watches ({labels}); give the season too")
    raise UserError(f"no watch {text!r} in {config.path}; the watches are: {labels or 'none'}")


def watch_of_key(config: Config, key: str, known: Mapping[str, Watch] | None = None) -> Watch:
    """The watch a stored fact belongs to, even when config.yaml no longer lists it (then as
    `known` names it, else rebuilt from the key, whose title is case-folded)."""
    for watch in config.watches:
        if watch.key == key:
            return watch
    if known and key in known:
        return known[key]
    title, _, season = key.partition("|")
    return Watch(title, int(season) if season.isdigit() else None)
