"""Apprise: the 100+ services Apprise knows, one config line away (extra releasewatch[apprise]).

Wrapped like every other notifier: the outbox, retries and masking are ours. This module
imports without Apprise; using the type without it fails clearly, at config time and on send.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any, ClassVar

from notifiers import register
from notifiers.base import (
    MIN_SHORT_SECRET,
    Notifier,
    PermanentError,
    Setting,
    TransientError,
    more_than_zero,
    status_error,
    truncate,
)
from notifiers.http import mask_library_logs
from notifiers.text import alert_lines, alert_subject
from scraper.models import Alert

MISSING = "the apprise notifier needs the apprise package: pip install 'releasewatch[apprise]'"
# How Apprise's HTTP services log a refusal: "Failed to send ...: Not Found - error=404."
_HTTP_STATUS = re.compile(r"\berror=(\d{3})\b")
# Alerts whose partial delivery is remembered, at most (the oldest are forgotten).
MAX_REMEMBERED = 1000


def _apprise() -> Any | None:
    try:
        return importlib.import_module("apprise")
    except ImportError:
        return None


def _urls(value) -> list[str]:
    if not value:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [str(item).strip() for item in items if str(item).strip()]


@register
class AppriseNotifier(Notifier):
    type_name: ClassVar[str] = "apprise"
    settings: ClassVar[dict[str, Setting]] = {
        # Secret whole: Apprise URLs carry tokens and passwords in any position.
        "urls": Setting(
            (list, str), required=True, secret=True, doc="one Apprise URL or a list of them"
        ),
        "timeout": Setting(
            (int, float), default=20, duration=True, check=more_than_zero,
            doc="seconds one send may take in all (every URL)",
        ),
    }

    def __init__(self, name: str, options):
        super().__init__(name, options)
        self._lib = _apprise()
        # alert id -> the URLs (by position) that took it: a retry after a partial failure
        # goes only to the others (Apprise answers one "failed" for all of them, and
        # sending the whole set again was a duplicate on each URL that had taken it).
        # In memory: a restart may repeat it, as at-least-once allows.
        self._delivered: OrderedDict[str, set[int]] = OrderedDict()
        self._delivered_lock = threading.Lock()
        if self._lib is not None:
            # Apprise logs each service URL at DEBUG.
            mask_library_logs("apprise")

    @classmethod
    def config_problems(cls, options) -> list[str]:
        lib = _apprise()
        if lib is None:
            return [f"type: {MISSING}"]
        problems = []
        for index, url in enumerate(_urls(options.get("urls"))):
            if not lib.Apprise().add(url):
                # Say which entry, never the URL itself (it holds the token).
                problems.append(f"urls[{index}]: Apprise does not recognise this URL")
        if not _urls(options.get("urls")):
            problems.append("urls: give at least one Apprise URL")
        return problems

    def secrets(self) -> Iterable[str]:
        found = set(super().secrets())
        for url in _urls(self.options.get("urls")):
            # Unlike a webhook, an Apprise URL may hold its token where a host would be
            # (tgram://123:bottoken/chat, discord://id/token) or as user:password@host.
            authority = url.split("://", 1)[-1].split("/", 1)[0]
            userinfo, at, host = authority.rpartition("@")
            if at:
                found.add(authority)
                found.update(p for p in userinfo.split(":") if p)
            if "." not in host:  # not a host name: a token in the host's place
                found.add(host)
                found.update(host.split(":"))
        return sorted((s for s in found if len(s) >= MIN_SHORT_SECRET), key=len, reverse=True)

    def send(self, alert: Alert) -> None:
        lib = self._lib
        if lib is None:
            raise PermanentError(MISSING)
        urls = _urls(self.options.get("urls"))
        clients: list[tuple[int, Any]] = []
        for index, url in enumerate(urls):
            client = lib.Apprise()
            if client.add(url):
                clients.append((index, client))
        if not clients:
            raise PermanentError("no usable Apprise URL in urls")
        with self._delivered_lock:
            done = set(self._delivered.get(alert.id, ()))
        outcome: dict[str, Any] = {"result": True, "said": ""}

        def notify() -> None:
            try:
                for index, client in clients:
                    if index in done:
                        continue
                    with lib.LogCapture(level=lib.logging.WARNING) as captured:
                        sent = client.notify(
                            title=alert_subject(alert),
                            body="\n".join(alert_lines(alert)),
                            body_format=lib.NotifyFormat.TEXT,
                        )
                        outcome["said"] += captured.getvalue()
                    if sent:
                        self._taken(alert.id, index)
                    else:
                        outcome["result"] = False
            except Exception as exc:  # raised again on the caller's thread
                outcome["error"] = exc

        # Apprise's sockets time out per read, not per send: a server that drips its
        # answer would hold the delivery pass. Its HTTP calls are not ours to cut, so
        # the send runs on a daemon thread and is given up (transient: retried) when
        # its time is out; the thread ends at Apprise's own socket timeouts.
        timeout = float(self.options.get("timeout") or 20)
        worker = threading.Thread(target=notify, name=f"apprise-{self.name}", daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            raise TransientError(f"Apprise: timed out after {timeout:g}s (the whole send)")
        if "error" in outcome:
            raise outcome["error"]
        result, said = outcome["result"], outcome.get("said", "")
        if result:
            with self._delivered_lock:
                self._delivered.pop(alert.id, None)
            return
        words = " | ".join(line.split(" - ", 2)[-1] for line in said.splitlines() if line)
        # Masked before it is cut: a cut must not leave half a token showing.
        message = self.mask(f"Apprise could not notify: {words or 'no reason given'}")
        message = truncate(message, 500)
        # Apprise returns only "failed"; its log names the HTTP status of a service that
        # refused. Permanent only when every status it names is (a 404, a 401), by the
        # mapping every HTTP notifier uses; no status, or any transient one, is retried,
        # so the bounded retries decide and nothing is dropped early.
        kinds = [status_error(int(code), message) for code in _HTTP_STATUS.findall(said)]
        if kinds and all(isinstance(kind, PermanentError) for kind in kinds):
            raise PermanentError(message)
        raise TransientError(message)

    def _taken(self, alert_id: str, index: int) -> None:
        with self._delivered_lock:
            self._delivered.setdefault(alert_id, set()).add(index)
            self._delivered.move_to_end(alert_id)
            while len(self._delivered) > MAX_REMEMBERED:
                self._delivered.popitem(last=False)
