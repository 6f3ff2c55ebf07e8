"""Console: prints each alert to stdout. The zero-setup notifier of the shipped config."""

from __future__ import annotations

import re
import sys
from typing import ClassVar, TextIO

from notifiers import register
from notifiers.base import Notifier, Setting, TransientError
from notifiers.text import alert_lines, alert_subject
from scraper.models import Alert

# What a terminal would obey rather than print: C0 controls (ESC starts every escape
# sequence), DEL, C1 controls (U+009B is an 8-bit CSI) and the bidi overrides and
# isolates that reorder what the eye reads. Scraped text must stay text on a console.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """One line of scraped text made inert for a terminal: controls go, line breaks and
    tabs become spaces (a page must not draw a fake alert line of its own)."""
    return _CONTROLS.sub(lambda m: " " if m.group() in "\t\n\r" else "", text)


@register
class ConsoleNotifier(Notifier):
    type_name: ClassVar[str] = "console"
    settings: ClassVar[dict[str, Setting]] = {}

    def __init__(self, name: str, options, stream: TextIO | None = None):
        super().__init__(name, options)
        # Resolved at send time by default, so pytest's capsys and a redirected stdout work.
        self._stream = stream

    def send(self, alert: Alert) -> None:
        stream = self._stream or sys.stdout
        if stream is None:
            # Started with stdout closed (`run >&-`, some service managers): Python has
            # no sys.stdout at all. Retried, as a full disk or a broken pipe is.
            raise TransientError("cannot write to stdout: no standard output (it is closed)")
        block = [f"== {printable(alert_subject(alert))}"]
        block += [f"   {printable(line)}" for line in alert_lines(alert)]
        try:
            stream.write("\n".join(block) + "\n\n")
            stream.flush()
        except (OSError, ValueError) as exc:  # a broken pipe or closed stream: try later
            raise TransientError(f"cannot write to stdout: {exc}") from exc
