"""Cut a body read short at its deadline: one thread for all of a Fetcher's reads.

A read timeout does not stop a server that trickles a byte every few seconds,
and a gzip stream that decodes to nothing keeps urllib3 reading inside one
call, so the only way out at the whole-fetch deadline is to shut the socket
from another thread. A threading.Timer per body did that at the cost of a
thread per body; this one thread sleeps until the earliest deadline armed.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import threading
import time
from typing import Protocol


class Shuttable(Protocol):
    def shutdown(self) -> None: ...


class Watchdog:
    """shutdown()s what is armed once its time.monotonic() deadline passes, unless
    disarmed first. After disarm() returns, that response is never touched."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._armed: dict[int, tuple[float, Shuttable]] = {}
        self._tokens = itertools.count()
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._wake_at = math.inf  # when the thread wakes next, unless notified

    def arm(self, deadline: float, response: Shuttable) -> int:
        """Returns the token to disarm with. Starts the thread if none runs."""
        with self._cond:
            token = next(self._tokens)
            self._armed[token] = (deadline, response)
            self._stopping = False
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="fetch-watchdog", daemon=True
                )
                self._thread.start()
            elif deadline < self._wake_at:
                self._cond.notify()
            return token

    def disarm(self, token: int) -> None:
        with self._cond:
            self._armed.pop(token, None)
            # Otherwise no wake-up: the thread finds nothing due and sleeps again.
            if self._stopping and not self._armed:
                self._cond.notify()

    def stop(self) -> None:
        """Ends the thread once nothing is armed (a later arm() starts a new one);
        waits for it when nothing is."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
            thread = None if self._armed else self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def _run(self) -> None:
        with self._cond:
            while not (self._stopping and not self._armed):
                now = time.monotonic()
                for token, (deadline, response) in list(self._armed.items()):
                    if deadline <= now:
                        del self._armed[token]
                        _shutdown(response)  # under the lock: disarm() waits for it
                self._wake_at = min((d for d, _ in self._armed.values()), default=math.inf)
                self._cond.wait(None if self._wake_at == math.inf else self._wake_at - now)
            self._thread = None


def _shutdown(response: Shuttable) -> None:
    # Already closed or released to the pool: nothing left to unblock.
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        response.shutdown()
