"""A source's `select:` CSS selector, compiled once to an XPath over the lxml tree.

cssselect's HTMLTranslator reads all of CSS 3 selectors (`:not`, `:nth-child`,
`+`, `~`, quoted attribute values) and compares tag names without case, as
HTML does: `ARTICLE P` finds the paragraphs of an <article>. Our old subset
raised on the first four and matched nothing for the last.
"""

from __future__ import annotations

from functools import lru_cache

from cssselect import HTMLTranslator, SelectorError
from lxml import etree

_TRANSLATOR = HTMLTranslator()


class BadSelector(ValueError):
    """A `select:` value that is not a CSS selector the page reader can use."""


@lru_cache(maxsize=256)
def compile_selector(selector: str) -> etree.XPath:
    """The XPath that finds `selector`'s elements; BadSelector with the reason if none.

    Cached: a source's selector is compiled at config load and again for every page."""
    if not selector.strip():
        raise BadSelector("is empty")
    try:
        return etree.XPath(_TRANSLATOR.css_to_xpath(selector))
    except SelectorError as exc:  # cssselect's SelectorSyntaxError and ExpressionError
        raise BadSelector(f"{selector!r} is not a CSS selector: {exc}") from exc
    except etree.XPathSyntaxError as exc:  # a translation lxml cannot compile
        raise BadSelector(f"{selector!r} cannot be used: {exc}") from exc
