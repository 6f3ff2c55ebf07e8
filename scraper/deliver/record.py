"""Writing an attempt's outcome, and keeping it in memory when the state cannot be
written (a full disk) so the next pass writes it before it sends anything."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from scraper.store.state import Delivery, State

# Deliveries sent whose record could not be written (a full disk), per state file:
# written first by the next pass, before anything else is sent, so a send whose record
# failed is not sent again while this process lives.
_unrecorded: dict[str, list[tuple[int, datetime, bool, str | None, datetime | None, bool]]] = {}
_unrecorded_lock = threading.Lock()


class StateWriteFailed(Exception):
    """The state could not be written after a send: stop sending for this pass."""


class Recorder:
    """Writes one attempt's outcome; a state that cannot be written (a full disk) keeps
    the outcome in memory for the next pass and stops this one (StateWriteFailed)."""

    def __init__(self, state: State, delivery: Delivery):
        self.state, self.delivery = state, delivery

    def __call__(
        self,
        at: datetime,
        *,
        ok: bool,
        error: str | None,
        next_attempt_at: datetime | None,
        counted: bool = True,
    ) -> None:
        outcome = (self.delivery.id, at, ok, error, next_attempt_at, counted)
        try:
            self.state.record_delivery_attempt(
                self.delivery.id, at, ok=ok, error=error, next_attempt_at=next_attempt_at,
                counted=counted,
            )
        except sqlite3.Error as exc:
            with _unrecorded_lock:
                _unrecorded.setdefault(str(Path(self.state.path).resolve()), []).append(outcome)
            raise StateWriteFailed(write_problem(exc)) from None

    def write(self, write: Any, *args: Any) -> None:
        try:
            write(*args)
        except sqlite3.Error as exc:
            raise StateWriteFailed(write_problem(exc)) from None


def write_problem(exc: sqlite3.Error) -> str:
    return (
        f"the state file cannot be written ({exc}); no more alerts are sent until it can be"
    )


def write_unrecorded(state: State, path: str) -> str | None:
    """Record the outcomes a previous pass could not; the problem when it still cannot."""
    with _unrecorded_lock:
        waiting_list = _unrecorded.pop(path, [])
        while waiting_list:
            delivery_id, at, ok, error, when, counted = waiting_list[0]
            try:
                state.record_delivery_attempt(
                    delivery_id, at, ok=ok, error=error, next_attempt_at=when, counted=counted
                )
            except sqlite3.Error as exc:
                _unrecorded[path] = waiting_list
                return write_problem(exc)
            waiting_list.pop(0)
    return None
