"""Readers of one config.yaml value each: durations, sizes, URLs, titles, lists.

Each takes (reader, value node, dotted key) and returns the value, or INVALID
after recording an error with the node's line; settings.py's tables map keys to them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from yaml.nodes import Node, ScalarNode

from scraper.config.units import is_bare_number, parse_duration, parse_size
from scraper.config.yamlnodes import INVALID, NULL, NodeReader, shorten
from scraper.models import FINDING_KINDS

if TYPE_CHECKING:
    from notifiers.base import Setting
    from scraper.sources.base import Setting as SourceSetting

# One reader per key: (reader, value node, dotted key) -> value or INVALID.
# These tables are the whole vocabulary of config.yaml; accepted_keys() reads them.
Field = Callable[[NodeReader, Node, str], Any]


# The shortest check interval: below it a source would be fetched many times a second.
MIN_INTERVAL = 1.0


def duration(zero_ok: bool = False, interval: bool = False) -> Field:
    def read(r: NodeReader, node: Node, key: str) -> Any:
        seconds = r.convert(node, key, parse_duration)
        if seconds is INVALID:
            return INVALID
        if seconds < 0 or (seconds == 0 and not zero_ok):
            return r.error(node, key, f"{shorten(node.value)} must be more than 0")
        if interval and seconds < MIN_INTERVAL:
            return r.error(
                node, key,
                f"{shorten(node.value)} is shorter than {MIN_INTERVAL:g}s, the shortest interval",
            )
        if interval and seconds < 60 and is_bare_number(node.value):
            # `interval: 30` meant as minutes would fetch every site twice a minute.
            r.warn(
                node,
                key,
                f"{node.value} means {seconds:g} seconds; write {node.value}m for minutes",
            )
        elif interval and seconds < 60:
            # Every source, every few seconds: sites block such clients, and a cycle of
            # many sources takes longer than that (its runs are skipped, said once).
            r.warn(
                node,
                key,
                f"{node.value} fetches each source every {seconds:g} seconds; news sites"
                " expect minutes (1m or more; the default is 30m) and may block a client"
                " that asks this often",
            )
        return seconds

    return read


def positive_int(r: NodeReader, node: Node, key: str) -> Any:
    return r.value(node, key, int, check=lambda v: None if v >= 1 else "must be 1 or more")


def size(r: NodeReader, node: Node, key: str) -> Any:
    size = r.convert(node, key, parse_size)
    if size is not INVALID and size <= 0:
        return r.error(node, key, f"{shorten(node.value)} must be more than 0")
    return size


def text(r: NodeReader, node: Node, key: str) -> Any:
    def check(v: str) -> str | None:
        if not v.strip():
            return "must not be empty"
        return _control_problem(v)

    return r.value(node, key, str, check=check)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _control_problem(v: str) -> str | None:
    """A control character (a YAML "\\0" or "\\x07" escape, a pasted NUL) matches no
    news, and PostgreSQL refuses a NUL in text: every cycle failed, an internal error."""
    found = _CONTROL.search(v)  # a scan in C: every source's name and URL is asked
    if found is None:
        return None
    return f"holds a control character ({found.group()!r}); write it without"


def header_text(r: NodeReader, node: Node, key: str) -> Any:
    """Text sent as an HTTP header value: a line break or control character in it would
    make every request fail (requests refuses it), so it is refused here, with its line."""

    def check(v: str) -> str | None:
        if not v.strip():
            return "must not be empty"
        if any((ord(c) < 32 and c != "\t") or ord(c) == 127 for c in v):
            return "must be one line without control characters (it is sent as a header)"
        if any(ord(c) > 255 for c in v):
            # A header carries Latin-1 at most: every fetch would fail on it.
            return "must be plain text (ASCII, or Latin-1 letters like é): it is sent as a header"
        return None

    return r.value(node, key, str, check=check)


def text_list(r: NodeReader, node: Node, key: str) -> Any:
    # A single string is a one-item list: `aliases: Heartstopper S2` means what it says.
    values = r.value(node, key, (list, str))
    if values is INVALID:
        return INVALID
    items = tuple([values] if isinstance(values, str) else values)
    for index, item in enumerate(items):
        problem = _control_problem(item) if isinstance(item, str) else None
        if problem:
            return r.error(node, f"{key}[{index}]", problem)
    return items


def url(r: NodeReader, node: Node, key: str) -> Any:
    url = r.value(node, key, str)
    if url is INVALID:
        return INVALID
    stripped = url.strip()
    try:
        parts = urlsplit(stripped)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError for a port out of range (":99999")
    except ValueError:
        ok = False
    # \s is str.isspace() to the re module: one scan, not a generator step per character
    # (a config of 1,000 sources is read at every `check`).
    if not ok or _SPACE.search(stripped) or _control_problem(stripped):
        return r.error(node, key, f"{shorten(url)} is not an http(s) URL with a host")
    labels = parts.hostname.rstrip(".").split(".") if parts.hostname.isascii() else []
    if any(not 1 <= len(label) <= 63 for label in labels):
        # No name server is asked for such a name (each part is 1 to 63 characters):
        # every fetch failed, reported as "redirect to an invalid URL".
        return r.error(node, key, f"{shorten(url)}: its host name has an empty part or one "
                       "longer than 63 characters")
    return stripped


_SPACE = re.compile(r"\s")


def choice(choices: Iterable[str]) -> Field:
    choices = tuple(choices)

    def read(r: NodeReader, node: Node, key: str) -> Any:
        return r.value(
            node,
            key,
            str,
            check=lambda v: None if v in choices else f"is not one of {', '.join(choices)}",
        )

    return read


def season(r: NodeReader, node: Node, key: str) -> Any:
    if isinstance(node, ScalarNode) and node.tag == NULL:
        return None  # `season:` left empty: a film
    # Season 0 is no season a title has (extract --season 0 refuses it too); a film omits it.
    return r.value(
        node, key, int, check=lambda v: None if v >= 1 else "must be 1 or more (omit it for a film)"
    )


def alerts(r: NodeReader, node: Node, key: str) -> Any:
    kinds = text_list(r, node, key)
    if kinds is INVALID:
        return INVALID
    unknown = [k for k in kinds if k not in FINDING_KINDS]
    if unknown or not kinds:
        return r.error(node, key, f"give one or both of {', '.join(FINDING_KINDS)}")
    return tuple(k for k in FINDING_KINDS if k in kinds)


# -- sources: keys declared by each kind's `settings` ------------------------------------


def kind_setting(setting: SourceSetting) -> Field:
    def read(r: NodeReader, node: Node, key: str) -> Any:
        value = r.value(node, key, setting.type, check=setting.check)
        if value is INVALID or setting.convert is None:
            return value
        return setting.convert(value)

    return read


# -- notifiers: keys declared by each type's `settings` --------------------------------


def notifier_settings(
    r: NodeReader,
    node: Node,
    key: str,
    settings: Mapping[str, Setting],
    found: dict[str, tuple[Node, Node]],
    enabled: bool,
) -> Any:
    options: dict[str, Any] = {}
    ok = True
    for name, setting in settings.items():
        where = f"{key}.{name}"
        if name not in found:
            if setting.required:
                ok = r.error(node, where, "missing (required)") and False
            options[name] = setting.default
            continue
        value_node = found[name][1]
        if isinstance(value_node, ScalarNode) and value_node.tag == NULL and not setting.required:
            options[name] = setting.default  # `username:` left empty means not set
            continue
        if setting.duration:
            value = _seconds(r, value_node, where, setting)
        else:
            value = r.value(
                value_node,
                where,
                setting.type,
                secret=setting.secret,
                check=setting_check(setting, enabled),
            )
        if value is INVALID:
            ok = False
        options[name] = tuple(value) if isinstance(value, list) else value
    return options if ok else INVALID


def _seconds(r: NodeReader, node: Node, key: str, setting: Setting) -> Any:
    """A notifier's timeout: `20` or `20s`, as http.timeout is written."""
    seconds = duration(zero_ok=True)(r, node, key)
    if seconds is INVALID:
        return INVALID
    problem = setting.check(seconds) if setting.check else None
    if problem:
        return r.error(node, key, f"{shorten(node.value)} {problem}")
    return seconds


def setting_check(setting: Setting, enabled: bool) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if setting.choices and value not in setting.choices:
            return f"is not one of {', '.join(map(str, setting.choices))}"
        if enabled and setting.required and isinstance(value, str) and not value.strip():
            return "must not be empty"
        if setting.check:
            return setting.check(value)
        return None

    return check


def locate(
    node: Node, key: str, found: dict[str, tuple[Node, Node]], message: str
) -> tuple[Node, str, str]:
    """A notifier's own "url: must start with http://" pinned to that key's line."""
    name, sep, rest = message.partition(": ")
    if sep and name in found:
        return found[name][1], f"{key}.{name}", rest
    return node, key, message


def fingerprint(type_name: str, options: Mapping[str, Any]) -> str:
    blob = json.dumps([type_name, sorted(options.items())], default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
