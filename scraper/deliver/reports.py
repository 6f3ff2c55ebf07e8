"""What a delivery pass did, per notifier and in all: the lines commands print."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class NotifierReport:
    """What one pass did for one notifier."""

    name: str
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    held: int = 0  # pending, not attempted: disabled, not configured, cooling down, busy
    disabled: str | None = None  # the reason, when this notifier is disabled
    note: str = ""  # why deliveries were held, when they were
    errors: list[str] = field(default_factory=list)  # masked

    @property
    def line(self) -> str:
        counts = _counts(self.sent, self.retrying, self.failed, self.held)
        text = f"{self.name}: {', '.join(counts) or 'nothing due'}"
        if self.disabled:
            text += f"; disabled: {self.disabled}"
        elif self.note:
            text += f"; {self.note}"
        if self.errors:
            text += f"; last error: {self.errors[-1]}"
        return text


@dataclass
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    disabled: int = 0  # notifiers disabled (by now) that had deliveries waiting
    held: int = 0
    notifiers: dict[str, NotifierReport] = field(default_factory=dict)
    # Why sending stopped part-way (the state could not be written), if it did.
    stopped: str | None = None

    @property
    def lines(self) -> list[str]:
        return [self.notifiers[name].line for name in sorted(self.notifiers)]

    def summary(self) -> str:
        """One line for a command's output: "2 sent, 1 retrying, 1 held (1 notifier disabled)"."""
        counts = _counts(self.sent, self.retrying, self.failed, self.held)
        text = ", ".join(counts) or "nothing pending"
        if self.disabled:
            text += f" ({self.disabled} notifier{'s' if self.disabled > 1 else ''} disabled)"
        if self.stopped:
            text += f"; stopped: {self.stopped}"
        return text

    def _add(self, part: NotifierReport) -> None:
        self.notifiers[part.name] = part
        self.sent += part.sent
        self.retrying += part.retrying
        self.failed += part.failed
        self.held += part.held
        self.disabled += 1 if part.disabled else 0


def _counts(sent: int, retrying: int, failed: int, held: int) -> list[str]:
    """["2 sent", "1 held"]: the outcomes that happened, in the order commands print them."""
    return [
        f"{n} {label}"
        for n, label in ((sent, "sent"), (retrying, "retrying"), (failed, "failed"), (held, "held"))
        if n
    ]
