"""Naming a watch on the command line: by title, "Title Season N", or an alias."""

from __future__ import annotations

from scraper.config.settings import Config
from scraper.errors import UserError
from scraper.models import Watch


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_watch(config: Config, text: str) -> Watch:
    """The configured watch `text` names; a user error naming the choices otherwise."""
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
    labels = ", ".join(repr(w.label) for w in (by_name or config.watches))
    if by_name:
        raise UserError(f"{text!r} names several watches ({labels}); give the season too")
    raise UserError(f"no watch {text!r} in {config.path}; the watches are: {labels or 'none'}")


def watch_of_key(config: Config, key: str) -> Watch:
    """The watch a stored fact belongs to, even when config.yaml no longer lists it."""
    for watch in config.watches:
        if watch.key == key:
            return watch
    title, _, season = key.partition("|")
    return Watch(title, int(season) if season.isdigit() else None)
