"""A whole send's time limit, kept however slowly a server answers (HTTP and SMTP)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Any


class SendDeadline:
    """A whole exchange's time limit, kept however a server answers.

    A socket timeout bounds each read, not the exchange: a server that drips its reply
    a byte at a time keeps a send going for as long as it likes. Here the connections
    the exchange uses are registered (`hold`) and, when the time is up, their sockets
    are shut from a timer thread: the blocked read returns at once with an error.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._held: list[Any] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> SendDeadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        """Seconds left (a little above 0 when out: a socket timeout must be positive)."""
        return max(self.end - time.monotonic(), 0.01)

    def hold(self, owner: Any) -> None:
        """Shut `owner.sock` (a connection: urllib3's, smtplib's) when the time is up."""
        with self._lock:
            self._held.append(owner)
            expired = self.expired
        if expired:
            _shut(owner)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            held = list(self._held)
        for owner in held:
            _shut(owner)


def _shut(owner: Any) -> None:
    sock = getattr(owner, "sock", None)
    if sock is None:
        return
    with contextlib.suppress(OSError, ValueError):  # closed already: nothing to wait on
        sock.shutdown(socket.SHUT_RDWR)
