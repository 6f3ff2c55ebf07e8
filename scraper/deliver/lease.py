"""A delivery's lease: who holds it, whether that holder is gone, and how long it lasts."""

from __future__ import annotations

import os
import secrets
import socket

from notifiers import Notifier

# Spare seconds on a delivery's lease beyond the longest its send may take.
LEASE_SLACK = 60.0

_HOST = socket.gethostname()


def new_token() -> str:
    """A lease's token names its holder (host, process) so a run on the same machine can
    tell a lease whose process is gone, and a random part so no two leases are alike."""
    return f"{os.getpid()}@{_HOST}:{secrets.token_hex(8)}"


def holder_gone(token: str) -> bool:
    """Whether the lease's process is known to be dead: on this host, no such pid."""
    holder, _, _ = token.partition(":")
    pid, _, host = holder.partition("@")
    if host != _HOST or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, someone else's
    return False


def lease_seconds(notifier: Notifier) -> float:
    """The longest one send may take (each HTTP try's deadline, the pauses it may sleep
    out) and a margin: a lease shorter than its send would let another run send too."""
    options = getattr(notifier, "options", {}) or {}
    try:
        timeout = float(options.get("timeout") or 20)
        max_wait = float(options.get("max_wait") or 0)
    except (TypeError, ValueError):
        timeout, max_wait = 20.0, 0.0
    tries = int(getattr(notifier, "max_tries", 1) or 1)
    return timeout * tries + max_wait + LEASE_SLACK
