"""Reading composed YAML nodes so that every problem can name its file, line and key.

yaml.safe_load forgets where a value came from; yaml.compose keeps a mark on
every node. `NodeReader` walks those nodes, converts scalars, expands ${VAR}
and collects errors ("config.yaml:14: sources[2].interval: ...") instead of
stopping at the first, so one `validate` run shows everything to fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"

# ${VAR} is read from the environment; $${VAR} is a literal "${VAR}".
_ENV = re.compile(r"\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}")


class Invalid:
    """The marker for "an error was recorded for this value": callers skip it."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = Invalid()


def compose(text: str) -> Node | None:
    """The node tree of one YAML document; yaml.YAMLError on bad syntax.

    PyYAML's pure-Python scanner is most of a large config's load time (0.12 s of
    a warm `check` over 1,000 sources); libyaml (yaml.CSafeLoader) is ten times
    faster but not the same parser: it accepts tabs, '?' and '!' where PyYAML
    stops, and reads some complex keys differently. So libyaml is used only for
    text in the plain subset both read alike (`_simple`: indented keys, "- "
    items, plain or simply quoted scalars, one-line lists of words, comments),
    and its nodes get the two attributes PyYAML sets otherwise (`_as_pyyaml`).
    Anything else, and any text libyaml rejects, goes through PyYAML: the same
    tree, the same errors as before.
    """
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None and _simple(text):
        try:
            root = yaml.compose(text, Loader=loader)
        except yaml.YAMLError:
            pass  # PyYAML's own message and line, below
        else:
            _as_pyyaml(root)
            return root
    return yaml.compose(text, Loader=yaml.SafeLoader)


# One line of the subset libyaml and PyYAML compose alike (tests/test_config.py
# and a fuzzer comparing both parsers' trees and marks over it). Scalars: plain
# ones not starting with an indicator and holding no ": ", " #" or trailing ":",
# or quoted ones without escapes or inner quotes. No tabs, other flow collections,
# tags, anchors, aliases, block scalars, complex keys or directives.
_SCALAR = (
    r"""(?:"[^"\\]*"|'[^']*'|[^\s\-?:,\[\]{}#&*!|>'"%@`](?:[^\s:]|:(?=\S)| (?=[^\s#]))*)"""
)
# ... or a one-line flow list of words or simply quoted strings: `alerts: [date, trailer]`.
_ITEM = r"""(?:[A-Za-z0-9_][A-Za-z0-9_.@/+-]*|"[^"\\]*"|'[^']*')"""
_VALUE = rf"(?:{_SCALAR}|\[ *(?:{_ITEM}(?: *, *{_ITEM})* *)?\])"
_SIMPLE_LINE = re.compile(
    rf"(?: *(?:- +)?[A-Za-z_][A-Za-z0-9_]*:(?: +{_VALUE})?(?: +#.*| *)| *- +{_VALUE}(?: +#.*| *)"
    r"| *(?:#.*)?)"
)
# Any character but "\n", " "-"~", U+00A0-U+D7FF, U+E000-U+FEFE and U+FF00-U+FFFD, written
# as the ranges it does match: the negated class costs ~10 ms of every start-up to
# compile (the engine builds a map of the whole plane for it).
_NOT_SIMPLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\U00010000-\U0010ffff]"
)


def _simple(text: str) -> bool:
    if _NOT_SIMPLE.search(text):  # tabs, CR, control characters, NEL, BOM, ...
        return False
    return all(_SIMPLE_LINE.fullmatch(line) for line in text.split("\n"))


def _as_pyyaml(node: Node | None) -> None:
    """Where libyaml's nodes differ from PyYAML's on the simple subset: a plain
    scalar's style ('' for None) and an indentless sequence's flow_style (a "- "
    list at its key's own column: False for None)."""
    stack = [node] if node is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            if node.style == "":
                node.style = None
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                if (
                    isinstance(value, SequenceNode)
                    and value.flow_style is False
                    and value.start_mark.column == key.start_mark.column
                ):
                    value.flow_style = None
                stack.append(key)
                stack.append(value)


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


def shorten(value: Any, limit: int = 60) -> str:
    """A value as the user wrote it, cut to fit in one error line."""
    if isinstance(value, bool):
        return str(value).lower()
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def closest(word: str, known: Iterable[str]) -> str:
    """ "; did you mean 'interval'?" when a key is one typo away from a known one."""
    match = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.7)
    return f"; did you mean '{match[0]}'?" if match else ""


class NodeReader:
    """Converts nodes to Python values; every problem becomes one "file:line: key: message"."""

    def __init__(self, filename: str, env: Mapping[str, str]):
        self.filename = filename
        self.env = env
        self.errors: list[tuple[int, str]] = []
        self.warnings: list[tuple[int, str]] = []
        # Set while reading a disabled notifier: its variables are needed only once enabled.
        self.missing_env_ok = False
        # The keys whose ${VAR} was unset while missing_env_ok: read as if not written.
        self.unresolved: set[str] = set()
        # False for commands that send nothing: a notifier's unset ${VAR} is no error then.
        self.notifier_env = True
        self._constructor = yaml.constructor.SafeConstructor()

    def error(self, node: Node | None, key: str, message: str) -> Any:
        line = line_of(node) if node is not None else 1
        self.errors.append((line, f"{self.filename}:{line}: {key}: {message}"))
        return INVALID

    def warn(self, node: Node | None, key: str, message: str) -> None:
        line = line_of(node) if node is not None else 1
        self.warnings.append((line, f"{self.filename}:{line}: {key}: {message}"))

    def sorted_errors(self) -> list[str]:
        return [text for _line, text in sorted(self.errors, key=lambda item: item[0])]

    def sorted_warnings(self) -> list[str]:
        return [text for _line, text in sorted(self.warnings, key=lambda item: item[0])]

    # -- containers ---------------------------------------------------------------------

    def mapping(
        self, node: Node, key: str, allowed: Iterable[str]
    ) -> dict[str, tuple[Node, Node]] | Any:
        """{key: (key node, value node)}; unknown and duplicate keys are errors."""
        if not isinstance(node, MappingNode):
            return self.error(node, key, f"must be a mapping (key: value lines), not {_kind(node)}")
        self._constructor.flatten_mapping(node)  # YAML merge keys (<<: *defaults)
        allowed = set(allowed)
        found: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else None
            where = f"{key}.{name}" if key else str(name)
            if not isinstance(name, str) or key_node.tag not in (STR, INT, BOOL, FLOAT):
                self.error(key_node, key or "(top level)", "keys must be plain words")
            elif name not in allowed:
                self.error(key_node, where, f"unknown key{closest(name, allowed)}")
            elif name in found:
                self.error(key_node, where, "duplicate key (the one above would be ignored)")
            else:
                found[name] = (key_node, value_node)
        return found

    def sequence(self, node: Node, key: str) -> list[Node] | Any:
        if isinstance(node, SequenceNode):
            return list(node.value)
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return []
        return self.error(
            node, key, f"must be a list (lines starting with '- '), not {_kind(node)}"
        )

    # -- scalars ------------------------------------------------------------------------

    def scalar(self, node: Node, key: str, *, text_wanted: bool = False) -> Any:
        """The Python value of a scalar, with ${VAR} expanded in strings.

        `text_wanted`: the setting takes text, so a number or a boolean (written, or given
        by a ${VAR}) is the text as written: a password "012345" is not the number 5349,
        nor "true" a boolean that is "not a string"."""
        if not isinstance(node, ScalarNode):
            return self.error(node, key, f"must be a single value, not {_kind(node)}")
        if node.tag != STR:
            if text_wanted and node.tag in (INT, FLOAT, BOOL):
                return str(node.value)
            return self._constructor.construct_object(node, deep=True)
        text = str(node.value)
        if "$" not in text:
            return text
        expanded = self._expand(node, key, text)
        if expanded is INVALID or expanded == text.replace("$${", "${"):
            return expanded
        if _ENV.fullmatch(text) and node.style is None and not text_wanted:
            # `port: ${SMTP_PORT}` should be the number 587, as if written in the file.
            tag = yaml.SafeLoader.resolve(yaml.SafeLoader, ScalarNode, expanded, (True, False))
            if tag in (INT, FLOAT, BOOL):
                return self._constructor.construct_object(ScalarNode(tag, expanded), deep=True)
        return expanded

    def _expand(self, node: Node, key: str, text: str) -> Any:
        missing: list[str] = []

        def substitute(match: re.Match[str]) -> str:
            if match.group(1):
                return match.group(0)[1:]
            name = match.group(2)
            if name not in self.env:
                missing.append(name)
                return ""
            return self.env[name]

        expanded = _ENV.sub(substitute, text)
        if missing and self.missing_env_ok:
            self.unresolved.add(key)
        if missing and not self.missing_env_ok:
            for name in missing:
                self.error(node, key, f"environment variable {name} is not set")
            return INVALID
        return expanded

    def value(
        self,
        node: Node,
        key: str,
        types: type | tuple[type, ...],
        *,
        secret: bool = False,
        check: Callable[[Any], str | None] | None = None,
    ) -> Any:
        """A scalar of one of `types` (bool never counts as int; int counts as float)."""
        types = types if isinstance(types, tuple) else (types,)
        if list in types and isinstance(node, SequenceNode):
            items = [
                self.value(item, f"{key}[{i}]", str, secret=secret)
                for i, item in enumerate(node.value)
            ]
            return INVALID if INVALID in items else items
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return self.error(node, key, f"has no value; give {_type_words(types)}")
        # A title "1899", a numeric password: the text as written, leading zeros kept.
        value = self.scalar(node, key, text_wanted=str in types)
        if value is INVALID:
            return INVALID
        if not _is_instance(value, types):
            shown = "" if secret else f"{shorten(value)} "
            return self.error(node, key, f"{shown}is not {_type_words(types)}")
        problem = check(value) if check else None
        if problem:
            shown = "" if secret else f"{shorten(value)} "
            return self.error(node, key, f"{shown}{problem}")
        return float(value) if float in types and int not in types else value

    def strict_bool(self, node: Node, key: str) -> Any:
        """true or false only: YAML 1.1's yes/no/on/off are too easy to write by accident."""
        value = self.scalar(node, key)
        if value is INVALID:
            return INVALID
        written = str(node.value).lower() if isinstance(node, ScalarNode) else ""
        # Checked on the text as written; a ${VAR} that expanded to a boolean is taken as is.
        if not isinstance(value, bool) or (node.tag == BOOL and written not in ("true", "false")):
            return self.error(node, key, f"{shorten(node.value)} is not true or false")
        return value

    def convert(self, node: Node, key: str, parse: Callable[[Any], Any]) -> Any:
        """A scalar run through a units parser whose ValueError says how to write it."""
        value = self.scalar(node, key)
        if value is INVALID:
            return INVALID
        try:
            return parse(value)
        except ValueError as exc:
            return self.error(node, key, f"{shorten(value)} {exc}")


def _is_instance(value: Any, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool):
        return bool in types
    if isinstance(value, int) and float in types:
        return True
    return isinstance(value, types)


def _type_words(types: tuple[type, ...]) -> str:
    words = {
        str: "a string",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        list: "a list of strings",
    }
    names = [words.get(t, t.__name__) for t in types]
    if float in types:
        names = [n for n in names if n != "a whole number"]
    return " or ".join(dict.fromkeys(names))


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == NULL:
        return "empty"
    return shorten(node.value)
