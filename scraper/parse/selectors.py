"""The CSS selectors a source's `select:` may use, as XPath for lxml.

cssselect is not a dependency; a source needs only the everyday subset:
type, #id, .class, [attr], [attr=value], [attr~=value], [attr*=value],
descendant and child combinators, and comma-separated groups.
"""

from __future__ import annotations

import re

_SIMPLE = re.compile(
    r"""(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:\#[\w-]+|\.[\w-]+|
        \[\s*[\w:-]+\s*(?:[~*^$|]?=\s*(?:"[^"]*"|'[^']*'|[^\]\s]+)\s*)?\])*)""",
    re.VERBOSE,
)
_PART = re.compile(
    r"""\#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)|
        \[\s*(?P<attr>[\w:-]+)\s*(?:(?P<op>[~*^$|]?=)\s*(?P<val>"[^"]*"|'[^']*'|[^\]\s]+)\s*)?\]""",
    re.VERBOSE,
)


def css_to_xpath(selector: str) -> str:
    """XPath for a CSS selector group; ValueError for what the subset does not cover."""
    groups = [group.strip() for group in selector.split(",")]
    if not all(groups):
        raise ValueError("empty selector")
    return " | ".join(_group(group) for group in groups)


def _group(selector: str) -> str:
    tokens = re.split(r"\s*(>)\s*|\s+", selector.strip())
    xpath = "//"
    pending_axis = ""
    for token in tokens:
        if token is None or token == "":
            continue
        if token == ">":
            pending_axis = "/"
            continue
        if xpath != "//":
            xpath += pending_axis or "//"
        pending_axis = ""
        xpath += _simple(token)
    if xpath == "//":
        raise ValueError(f"cannot read selector {selector!r}")
    return xpath


def _simple(token: str) -> str:
    match = _SIMPLE.fullmatch(token)
    if not match or not (match["tag"] or match["rest"]):
        raise ValueError(f"unsupported selector part {token!r}")
    conditions = []
    for part in _PART.finditer(match["rest"] or ""):
        if part["id"]:
            conditions.append(f"@id={_literal(part['id'])}")
        elif part["cls"]:
            padded = _literal(" " + part["cls"] + " ")
            conditions.append(f"contains(concat(' ', normalize-space(@class), ' '), {padded})")
        else:
            conditions.append(_attribute(part["attr"], part["op"], part["val"]))
    return (match["tag"] or "*") + "".join(f"[{c}]" for c in conditions)


def _attribute(name: str, op: str | None, raw: str | None) -> str:
    attr = f"@{name}"
    if op is None or raw is None:
        return attr
    value = raw[1:-1] if raw[:1] in "\"'" else raw
    literal = _literal(value)
    if op == "=":
        return f"{attr}={literal}"
    if op == "~=":
        return f"contains(concat(' ', normalize-space({attr}), ' '), {_literal(' ' + value + ' ')})"
    if op == "*=":
        return f"contains({attr}, {literal})"
    if op == "^=":
        return f"starts-with({attr}, {literal})"
    if op == "$=":
        return f"substring({attr}, string-length({attr}) - {len(value) - 1})={literal}"
    return f"({attr}={literal} or starts-with({attr}, {_literal(value + '-')}))"


def _literal(value: str) -> str:
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    pieces = value.split("'")
    return "concat(" + ', "\'", '.join(f"'{p}'" for p in pieces) + ")"
