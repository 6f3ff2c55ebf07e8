"""One daemon per SQLite state file: an exclusive lock on `<state file>.lock`.

The lock file holds the daemon's pid; a clean stop removes it. (With a PostgreSQL
state any number of workers run, and no lock is taken.)
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from pathlib import Path

from scraper.errors import UserError


class InstanceLock:
    """An exclusive flock on `<state>.lock` holding the owner's pid.

    The kernel drops the lock when the process dies, kill -9 included, so a stale
    lock file never blocks a restart.
    """

    def __init__(self, state_path: str | Path):
        # Beside the file itself: a state reached through a link (`state: link.db`,
        # --state real.db) is one file, and must be one lock.
        self.path = Path(f"{os.path.realpath(state_path)}.lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise UserError("... already running (pid N)") touching nothing."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:  # a read-only folder: the state could not be written either
                raise UserError(
                    f"{self.path.with_suffix('')}: cannot write the daemon's lock file "
                    f"{self.path.name}: {exc.strerror or exc}"
                ) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                owner = _read_pid(fd)
                os.close(fd)
                raise UserError(
                    f"{self.path.with_suffix('')}: releasewatch is already running (pid {owner})"
                ) from None
            # The owner removes the file at a clean exit: one we opened just before that
            # is no lock any more, so take the file at the path now, whoever made it.
            if _same_file(fd, self.path):
                break
            os.close(fd)
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            os.fsync(fd)
        except OSError as exc:
            # A full disk: said as the user's problem with the state's place, not a crash.
            with contextlib.suppress(OSError):
                self.path.unlink()
            os.close(fd)
            raise UserError(
                f"{self.path.with_suffix('')}: cannot write the daemon's lock file "
                f"{self.path.name}: {exc.strerror or exc}"
            ) from None
        self._fd = fd

    def release(self) -> None:
        """Remove the file while still holding it (acquire re-checks the path, so no one
        can be left holding a removed file), then close, which drops the flock."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            os.close(self._fd)
            self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


def _read_pid(fd: int) -> str:
    # The owner writes its pid just after locking: give it a moment if we raced it.
    for _ in range(20):
        text = os.pread(fd, 32, 0).decode(errors="replace").strip()
        if text:
            return text
        time.sleep(0.05)
    return "unknown"
