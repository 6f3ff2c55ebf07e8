"""Console: prints each alert to stdout. The zero-setup notifier of the shipped config."""

from __future__ import annotations

import sys
from typing import ClassVar, TextIO

from notifiers import register
from notifiers.base import Notifier, Setting, TransientError, alert_lines, alert_subject
from scraper.models import Alert


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
        block = [f"== {alert_subject(alert)}"]
        block += [f"   {line}" for line in alert_lines(alert)]
        try:
            stream.write("\n".join(block) + "\n\n")
            stream.flush()
        except (OSError, ValueError) as exc:  # a broken pipe or closed stream: try later
            raise TransientError(f"cannot write to stdout: {exc}") from exc
