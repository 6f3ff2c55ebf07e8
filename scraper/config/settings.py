"""config.yaml -> frozen dataclasses, with every error reported as file:line: key: message.

Parsed once; nothing downstream reads raw dicts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scraper.config import fields as f
from scraper.config.fields import Field
from scraper.config.yamlnodes import INVALID, NULL, NodeReader, compose, line_of
from scraper.errors import ConfigError  # a UserError: the CLI prints each problem, exit 1
from scraper.models import DEFAULT_USER_AGENT, HttpSettings, Watch
from scraper.sources.registry import DEFAULT_TYPE, SOURCE_TYPES

if TYPE_CHECKING:
    from notifiers import Notifier
    from scraper.sources.base import Setting

__all__ = [  # HttpSettings and its default live in models, for the fetcher; config reads them
    "DEFAULT_USER_AGENT",
    "Config",
    "ConfigError",
    "Health",
    "HttpSettings",
    "NotifierConfig",
    "Schedule",
    "SourceConfig",
    "accepted_keys",
    "load_config",
]


@dataclass(frozen=True)
class Schedule:
    interval: float = 30 * 60.0  # seconds
    jitter: float = 60.0


@dataclass(frozen=True)
class Health:
    alert_after: int = 5


@dataclass(frozen=True, init=False)
class SourceConfig:
    """One source. Its kind's own keys (a page's `select`, a tvmaze source's `show`) are in
    `settings`, every one the kind declares, defaults filled in; as with urlwatch's jobs,
    they read as attributes too (`source.select`)."""

    name: str
    url: str
    type: str  # a name in scraper.sources.registry.SOURCE_TYPES
    interval: float | None  # seconds; None -> schedule.interval
    settings: Mapping[str, Any] = field(hash=False)

    def __init__(
        self,
        name: str,
        url: str,
        type: str = DEFAULT_TYPE,
        interval: float | None = None,
        settings: Mapping[str, Any] | None = None,
        **kind_settings: Any,
    ):
        if type not in SOURCE_TYPES:
            raise ValueError(f"unknown source type {type!r}; known: {', '.join(SOURCE_TYPES)}")
        declared = SOURCE_TYPES[type].settings
        given = {**(settings or {}), **kind_settings}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise TypeError(f"a {type} source takes no {', '.join(unknown)}")
        values = {key: given.get(key, setting.default) for key, setting in declared.items()}
        for key, value in (
            ("name", name),
            ("url", url),
            ("type", type),
            ("interval", interval),
            ("settings", MappingProxyType(values)),
        ):
            object.__setattr__(self, key, value)

    def __getattr__(self, key: str) -> Any:
        # Only called for what is not a field: a key of the kind's settings.
        settings = self.__dict__.get("settings", {})
        if key in settings:
            return settings[key]
        raise AttributeError(f"a {self.__dict__.get('type')} source has no {key!r}")


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
    # A SQLite file (relative paths are resolved against the config file's folder), or a
    # PostgreSQL URL (`postgresql://...`), kept as the string it is.
    state_path: Path | str
    schedule: Schedule
    http: HttpSettings
    health: Health
    watches: tuple[Watch, ...]
    sources: tuple[SourceConfig, ...]
    notifiers: tuple[NotifierConfig, ...]
    warnings: tuple[str, ...] = ()  # "file:line: key: message"; shown, never fatal
    calendar_path: Path | None = None  # `calendar:`: an .ics file rewritten after each change
    # Every notifier's name, `enabled: false` ones too (`notifiers` holds the enabled ones).
    notifier_names: tuple[str, ...] = ()

    def source_interval(self, source: SourceConfig) -> float:
        return source.interval if source.interval is not None else self.schedule.interval


# -- loading ------------------------------------------------------------------------------

SECTIONS = (
    "state", "calendar", "schedule", "http", "health", "watches", "sources", "notifiers",
)
NOTIFIER_COMMON = ("name", "type", "enabled")  # accepted by every notifier, beside its settings

STATE_FIELD: Field = f.text
SCHEDULE_FIELDS: dict[str, Field] = {
    "interval": f.duration(interval=True),
    "jitter": f.duration(zero_ok=True),
}
HTTP_FIELDS: dict[str, Field] = {
    "user_agent": f.header_text,
    "timeout": f.duration(),
    "max_bytes": f.size,
    "concurrency": f.positive_int,
    "per_host_delay": f.duration(zero_ok=True),  # 0: a local test site needs no politeness
    "respect_robots": lambda r, node, key: r.strict_bool(node, key),
}
HEALTH_FIELDS: dict[str, Field] = {"alert_after": f.positive_int}
WATCH_FIELDS: dict[str, Field] = {
    "title": f.text,
    "season": f.season,
    "aliases": f.text_list,
    "alerts": f.alerts,
    "notify": f.text_list,  # notifier names; checked against notifiers: once both are read
}


def kind_settings() -> dict[str, dict[str, Setting]]:
    """{key: {kind name: its declaration}} for every key a source kind declares, from the
    registry as it stands: a key of another kind is an error on this one."""
    found: dict[str, dict[str, Setting]] = {}
    for kind in SOURCE_TYPES.values():
        for key, setting in kind.settings.items():
            found.setdefault(key, {})[kind.name] = setting
    return found


def source_fields() -> dict[str, Field]:
    """Every key a source may have: the ones all take, and each kind's own."""
    common: dict[str, Field] = {
        "name": f.text,
        "url": f.url,
        "type": f.choice(SOURCE_TYPES),
        "interval": f.duration(interval=True),
    }
    # A key several kinds declare is read by the first one's declaration: kinds that
    # share a key share its meaning (page and auto take the same `select`).
    own = {key: f.kind_setting(next(iter(k.values()))) for key, k in kind_settings().items()}
    return {**common, **own}


def accepted_keys() -> set[str]:
    """Every key config.yaml accepts, as dotted paths ("http.timeout", "sources[].select",
    "notifiers[email].host"); keys every notifier takes are "notifiers[].name" etc.
    Only keys that hold a value are listed, not the section names holding them."""
    keys = {"state", "calendar"}
    for section, fields in (
        ("schedule", SCHEDULE_FIELDS),
        ("http", HTTP_FIELDS),
        ("health", HEALTH_FIELDS),
    ):
        keys |= {f"{section}.{name}" for name in fields}
    keys |= {f"watches[].{name}" for name in WATCH_FIELDS}
    keys |= {f"sources[].{name}" for name in source_fields()}
    keys |= {f"notifiers[].{name}" for name in NOTIFIER_COMMON}
    for type_name, cls in _notifier_types().items():
        keys |= {f"notifiers[{type_name}].{name}" for name in cls.settings}
    return keys


# The most of a config file read: 100,000 sources take about 8 MB. What is longer
# (--config /dev/zero, a link to it) is no config, and was read until memory ran out.
CONFIG_LIMIT = 32 * 1024**2


def load_config(
    path: str | Path, env: Mapping[str, str] | None = None, *, notifier_env: bool = True
) -> Config:
    """Read, resolve ${VAR}s and validate; raises ConfigError listing every problem.

    `env` replaces os.environ (tests). Warnings that do not stop a run are in
    Config.warnings; the caller decides where to show them. notifier_env=False is for
    commands that send nothing: a notifier whose ${VAR} is unset is still known by name
    and type, with its settings that depend on the variable left unchecked.
    """
    path = Path(path)
    filename = str(path)
    try:
        with path.open("rb") as file:
            data = file.read(CONFIG_LIMIT + 1)
        if len(data) > CONFIG_LIMIT:
            raise ConfigError([
                f"{filename}: larger than {CONFIG_LIMIT // 1024**2} MB: not a config file"
            ])
        # As read_text reads it: universal newlines.
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except FileNotFoundError:
        hint = "; give its path with --config PATH" if path.name == "config.yaml" else ""
        raise ConfigError([f"{filename}: no such file{hint}"]) from None
    except IsADirectoryError:
        raise ConfigError([f"{filename}: is a folder, not a config file"]) from None
    except UnicodeDecodeError as exc:
        # Name the line, as every other config error does: a pasted curly quote in
        # Latin-1 is one character in a long file.
        line = exc.object[: exc.start].count(b"\n") + 1
        raise ConfigError([
            f"{filename}:{line}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x}); "
            "save the file as UTF-8"
        ]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigError([f"{filename}: cannot read: {reason}"]) from None
    try:
        root = compose(text)
    except yaml.YAMLError as exc:
        raise ConfigError([_syntax_error(filename, exc)]) from None

    reader = NodeReader(filename, os.environ if env is None else env)
    reader.notifier_env = notifier_env
    config = _read_config(reader, root, path)
    if reader.errors:
        raise ConfigError(reader.sorted_errors())
    assert config is not None
    return replace(config, warnings=tuple(reader.sorted_warnings()))


def _syntax_error(filename: str, exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    line = f"{mark.line + 1}:" if mark is not None else ""
    return f"{filename}:{line} not valid YAML: {problem}"


def _read_config(r: NodeReader, root: Node | None, path: Path) -> Config | None:
    if root is None or (isinstance(root, ScalarNode) and root.tag == NULL):
        r.error(None, "watches", "the file is empty: no watches; add a watches: list")
        return None
    if not isinstance(root, MappingNode):
        r.error(root, "(top level)", "must be a mapping of sections (watches:, sources:, ...), "
                f"not {'a list' if isinstance(root, SequenceNode) else 'a single value'}")
        return None
    top = r.mapping(root, "", SECTIONS)
    if top is INVALID:
        return None

    state = _read_state(r, top, path)
    calendar = _read_calendar(r, top, path)
    schedule = Schedule(**_read_fields(r, top.get("schedule"), "schedule", SCHEDULE_FIELDS))
    http = HttpSettings(**_read_fields(r, top.get("http"), "http", HTTP_FIELDS))
    health = Health(**_read_fields(r, top.get("health"), "health", HEALTH_FIELDS))
    watches, routes = _read_watches(r, top.get("watches"), root)
    sources = _read_sources(r, top.get("sources"), root)
    known: dict[str, int] = {}
    notifiers = _read_notifiers(r, top.get("notifiers"), root, known)
    _check_routes(r, routes, known)
    return Config(
        path, state, schedule, http, health, watches, sources, notifiers,
        calendar_path=calendar, notifier_names=tuple(known),
    )


def _read_state(r: NodeReader, top: dict[str, tuple[Node, Node]], path: Path) -> Path | str:
    value = STATE_FIELD(r, top["state"][1], "state") if "state" in top else INVALID
    # The same test as scraper.store.dialect.is_database_url (config sits below the store).
    if isinstance(value, str) and value.startswith(("postgresql://", "postgres://")):
        problem = database_url_problem(value)
        if problem is None:
            return value
        # Not quoted: the URL may hold its password.
        r.error(top["state"][1], "state", problem)
        return Path("releasewatch.db")
    if isinstance(value, str) and "://" in value:
        r.error(top["state"][1], "state", f"{value!r} is not a postgresql:// URL nor a file; "
                "write postgresql://user@host/db or a path such as releasewatch.db")
        value = INVALID
    state = Path(value if value is not INVALID else "releasewatch.db").expanduser()
    # Relative to the config file, not the working directory: a daemon started by systemd
    # from / must find the same state as `releasewatch status` run beside the config.
    state = state if state.is_absolute() else path.resolve().parent / state
    if "state" in top and value is not INVALID:
        _check_folder(r, top["state"][1], "state", state)
    return state


def database_url_problem(url: str) -> str | None:
    """What makes a postgresql:// URL unreadable (an unclosed [IPv6]), said without the
    URL, which may hold a password; None when it reads. Its port is left to libpq: a
    URL may list several hosts ("h1:5432,h2:5433"), which urlsplit's .port refuses."""
    from urllib.parse import urlsplit

    try:
        urlsplit(url)
    except ValueError as exc:
        return f"is not a valid URL ({exc}); write postgresql://user@host/db"
    return None


def _read_calendar(r: NodeReader, top: dict[str, tuple[Node, Node]], path: Path) -> Path | None:
    if "calendar" not in top or top["calendar"][1].tag == NULL:
        return None
    value = f.text(r, top["calendar"][1], "calendar")
    if value is INVALID:
        return None
    calendar = Path(value).expanduser()
    calendar = calendar if calendar.is_absolute() else path.resolve().parent / calendar
    _check_folder(r, top["calendar"][1], "calendar", calendar)
    return calendar


def _check_folder(r: NodeReader, node: Node, key: str, file: Path) -> None:
    """A file we write goes in a folder that exists: a typo in its path is an error here,
    not a folder quietly made somewhere unexpected."""
    if file.is_dir():
        r.error(node, key, f"{file} is a folder; give a file name in it")
    elif not file.parent.is_dir():
        r.error(node, key, f"the folder {file.parent} does not exist; create it or fix the path")


def _read_fields(
    r: NodeReader, entry: tuple[Node, Node] | None, key: str, fields: Mapping[str, Field]
) -> dict[str, Any]:
    """The valid values of one mapping; absent or invalid keys keep the dataclass default."""
    if entry is None or (isinstance(entry[1], ScalarNode) and entry[1].tag == NULL):
        return {}
    values = _read_entry(r, entry[1], key, fields)
    if values is INVALID:  # `schedule: 5`: the error is recorded; keep every default
        return {}
    return {name: value for name, value in values.items() if value is not INVALID}


def _read_entry(r: NodeReader, node: Node, key: str, fields: Mapping[str, Field]) -> Any:
    """{name: value or INVALID} for the keys present, or INVALID when not a mapping."""
    found = r.mapping(node, key, fields)
    if found is INVALID:
        return INVALID
    return {name: fields[name](r, value, f"{key}.{name}") for name, (_k, value) in found.items()}


def _key_node(node: Node, name: str) -> Node:
    """The line of `name:` inside a mapping (for errors about a key that is present)."""
    for key_node, _value in getattr(node, "value", ()):
        if getattr(key_node, "value", None) == name:
            return key_node
    return node


def _items(r: NodeReader, entry: tuple[Node, Node] | None, key: str, root: Node) -> list[Node]:
    if entry is None:
        r.error(root, key, f"missing; add a {key}: list")
        return []
    items = r.sequence(entry[1], key)
    if items is INVALID:
        return []
    if not items:
        r.error(entry[1], key, "is empty; add at least one")
    return items


def _complete(r: NodeReader, node: Node, key: str, values: Any, required: Iterable[str]) -> bool:
    """True when every required key is present and every value valid."""
    if values is INVALID:
        return False
    for name in required:
        if name not in values:
            r.error(node, f"{key}.{name}", "missing (required)")
            values[name] = INVALID
    return INVALID not in values.values()


def _read_watches(
    r: NodeReader, entry: tuple[Node, Node] | None, root: Node
) -> tuple[tuple[Watch, ...], list[tuple[tuple[str, ...], Node, str]]]:
    """The watches, and each `notify:` (names, its node, its key) to check once the
    notifiers are read."""
    watches: list[Watch] = []
    routes: list[tuple[tuple[str, ...], Node, str]] = []
    first_line: dict[str, int] = {}
    for i, node in enumerate(_items(r, entry, "watches", root)):
        key = f"watches[{i}]"
        values = _read_entry(r, node, key, WATCH_FIELDS)
        if not _complete(r, node, key, values, ["title"]):
            continue
        watch = Watch(**values)
        if watch.key in first_line:
            r.error(
                node,
                key,
                f"duplicate watch: {watch.label!r} is already watched "
                f"(line {first_line[watch.key]})",
            )
            continue
        first_line[watch.key] = line_of(node)
        watches.append(watch)
        if watch.notify is not None:
            routes.append((watch.notify, _key_node(node, "notify"), f"{key}.notify"))
    return tuple(watches), routes


def _read_sources(
    r: NodeReader, entry: tuple[Node, Node] | None, root: Node
) -> tuple[SourceConfig, ...]:
    sources: list[SourceConfig] = []
    first_line: dict[str, int] = {}
    fields, own = source_fields(), kind_settings()
    for i, node in enumerate(_items(r, entry, "sources", root)):
        key = f"sources[{i}]"
        values = _read_entry(r, node, key, fields)
        if values is INVALID:
            continue
        type_name = values.get("type", DEFAULT_TYPE)
        # None: the type is already reported; the kind's own rules below cannot apply.
        kind = SOURCE_TYPES.get(type_name) if type_name is not INVALID else None
        if values.get("name") not in (None, INVALID):
            name = values["name"]
            if name in first_line:
                r.error(
                    _key_node(node, "name"),
                    f"{key}.name",
                    f"duplicate source name {name!r} (first at line {first_line[name]})",
                )
                values["name"] = INVALID
            else:
                first_line[name] = line_of(node)
        if kind is not None:
            if kind.default_url is not None:
                values.setdefault("url", kind.default_url)
            for name in [name for name in values if name in own]:
                if name not in kind.settings:
                    written = type_name if "type" in values else None
                    r.error(
                        _key_node(node, name),
                        f"{key}.{name}",
                        _applies_elsewhere(own[name], written),
                    )
                    values[name] = INVALID
        if not _complete(r, node, key, values, ["name", "url"]):
            continue
        settings = {name: values.pop(name) for name in list(values) if name in own}
        sources.append(SourceConfig(**values, settings=settings))
    return tuple(sources)


def _applies_elsewhere(by_kind: dict[str, Setting], written_type: str | None) -> str:
    """ "applies to pages only, not type: feed": where a key of another kind belongs."""
    where = next((s.applies_to for s in by_kind.values() if s.applies_to), "")
    where = where or f"type: {', '.join(by_kind)} sources"
    return f"applies to {where} only" + (f", not type: {written_type}" if written_type else "")


def _check_routes(
    r: NodeReader, routes: list[tuple[tuple[str, ...], Node, str]], known: dict[str, int]
) -> None:
    """Each watch's `notify:` names notifiers that exist (enabled or not)."""
    for names, node, key in routes:
        if not names:
            r.error(node, key, "is empty: this watch's alerts would reach no notifier; "
                    "omit notify: for every notifier, or name one")
        for name in names:
            if name not in known:
                r.error(node, key, f"no notifier named {name!r}; the notifiers are: "
                        f"{', '.join(known) or 'none'}")


def _read_notifiers(
    r: NodeReader, entry: tuple[Node, Node] | None, root: Node, first_line: dict[str, int]
) -> tuple[NotifierConfig, ...]:
    """Zero notifiers is allowed: alerts then wait in the outbox until one is configured.
    `first_line` gets every notifier's name (enabled or not) with its line."""
    nodes = r.sequence(entry[1], "notifiers") if entry is not None else []
    notifiers: list[NotifierConfig] = []
    for i, node in enumerate(nodes if nodes is not INVALID else []):
        notifier = _read_notifier(r, node, f"notifiers[{i}]", first_line)
        if notifier is not None:
            notifiers.append(notifier)
    if not notifiers and nodes is not INVALID:
        r.warn(
            entry[1] if entry else root,
            "notifiers",
            "no notifier is enabled; alerts will wait in the outbox until one is",
        )
    return tuple(notifiers)


def _read_notifier(
    r: NodeReader, node: Node, key: str, first_line: dict[str, int]
) -> NotifierConfig | None:
    if not isinstance(node, MappingNode):
        r.mapping(node, key, ())
        return None
    # type first: it decides which other keys exist.
    raw = {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}
    if "type" not in raw:
        r.mapping(node, key, [*NOTIFIER_COMMON, *_all_settings()])
        r.error(node, f"{key}.type", f"missing (required); known: {_known_types()}")
        return None
    type_name = r.value(raw["type"][1], f"{key}.type", str)
    if type_name is INVALID:
        return None
    notifier_types = _notifier_types()
    if type_name not in notifier_types:
        r.error(
            raw["type"][1],
            f"{key}.type",
            f"unknown notifier type {type_name!r}; known: {_known_types()}",
        )
        return None
    cls = notifier_types[type_name]
    found = r.mapping(node, key, [*NOTIFIER_COMMON, *cls.settings])
    enabled = r.strict_bool(found["enabled"][1], f"{key}.enabled") if "enabled" in found else True
    name = f.text(r, found["name"][1], f"{key}.name") if "name" in found else type_name
    if name is not INVALID:
        if name in first_line:
            r.error(
                found.get("name", found["type"])[1],
                f"{key}.name",
                f"duplicate notifier name {name!r} (first at line {first_line[name]}); "
                "give each a name:",
            )
            name = INVALID
        else:
            first_line[name] = line_of(node)

    # A disabled notifier is checked as written, so it is ready to enable, but the
    # variables it reads need not exist until then (the shipped config relies on it).
    lenient = not r.notifier_env and enabled is not False
    r.missing_env_ok = enabled is False or lenient
    r.unresolved = set()
    before = len(r.errors)
    try:
        options = f.notifier_settings(r, node, key, cls.settings, found, enabled is not False)
    finally:
        r.missing_env_ok = False
    if lenient and r.unresolved:
        # Its ${VAR} is not set here (a reading command, validate --no-env): known by name
        # and type; what depends on the variable is not checked, the rest is.
        def independent(error: tuple[int, str]) -> bool:
            return not any(f": {k}: " in error[1] for k in r.unresolved)

        r.errors[before:] = [e for e in r.errors[before:] if independent(e)]
        if options is not INVALID:
            for problem in cls.config_problems(options):
                node_, key_, message = f.locate(node, key, found, problem)
                if independent((0, f": {key_}: ")):
                    r.error(node_, key_, message)
        if len(r.errors) > before or INVALID in (name, enabled):
            return None
        return NotifierConfig(name, type_name, MappingProxyType({}), "")
    if options is INVALID or INVALID in (name, enabled):
        return None
    for problem in cls.config_problems(options):
        r.error(*f.locate(node, key, found, problem))
    if not enabled:
        return None
    for warning in cls.config_warnings(options):
        r.warn(*f.locate(node, key, found, warning))
    return NotifierConfig(
        name, type_name, MappingProxyType(options), f.fingerprint(type_name, options)
    )


def _notifier_types() -> Mapping[str, type[Notifier]]:
    # Looked up when a config is read, not when this module is imported: the fetcher
    # and the cycle import config, and need neither the notifiers nor smtplib.
    from notifiers import NOTIFIER_TYPES

    return NOTIFIER_TYPES


def _known_types() -> str:
    return ", ".join(sorted(_notifier_types()))


def _all_settings() -> set[str]:
    return {name for cls in _notifier_types().values() for name in cls.settings}
