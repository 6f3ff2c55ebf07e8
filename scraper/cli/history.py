"""releasewatch history: every alert, newest first, with each delivery attempt."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import Any

from scraper.cli.common import (
    add_config_argument,
    command_parser,
    load,
    open_existing_state,
)
from scraper.cli.display import add_utc_argument, count, inert, iso, label, when
from scraper.cli.watches import find_watch
from scraper.models import CHANGED, CORRECTED, format_value
from scraper.store.db import from_db_time

EPILOG = """A delivered alert takes one line, or two when it went out after retries; a
pending delivery shows its next try (or what holds it: a disabled notifier, an earlier alert
to it still retrying), a failed one each attempt with its error.
Times are in the local time zone (--utc for UTC).

examples:
  releasewatch history
  releasewatch history --watch "Heartstopper S2"     # a title, an alias or "Title Season N"
  releasewatch history --watch Heartstopper --json
  releasewatch history --utc
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "history",
        "List every alert (sent, pending or failed) with each delivery attempt.", EPILOG,
    )
    add_config_argument(parser)
    parser.add_argument("--watch", metavar="TITLE",
                        help="only this watch's alerts (title, alias, or \"Title Season N\")")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    add_utc_argument(parser)
    parser.set_defaults(run=run)


def _stamp(text: str | None) -> str | None:
    return iso(from_db_time(text)) if text else None


def public(entry: dict[str, Any]) -> dict[str, Any]:
    """One history entry as --json shows it: the alert as the webhook receives it (its id is
    the only id), each delivery with its attempts, times in UTC to the second."""
    alert = {k: v for k, v in entry["alert"].items() if k != "extra"}
    return {
        "alert": alert,
        "deliveries": [
            {
                "notifier": d["notifier"],
                "status": d["status"],
                "next_attempt_at": _stamp(d.get("next_attempt_at")),
                "attempts": [
                    {"at": _stamp(a["at"]), "ok": a["ok"], "error": a["error"]}
                    for a in d["attempts"]
                ],
            }
            for d in entry["deliveries"]
        ],
    }


def run(args: argparse.Namespace) -> int:
    config = load(args, notifier_env=False)
    state = open_existing_state(config)
    try:
        watch = None
        if args.watch:
            # A watch removed from config.yaml keeps its alerts: still find it by its title.
            gone = state.alert_watches()
            watch = find_watch(config, args.watch, gone, gone)
        entries = [public(e) for e in state.history(watch.key if watch else None)]
        disabled = state.disabled_notifiers() if not args.json else {}
        # What holds a due delivery back may be another watch's alert: look at them all.
        everything = (
            [public(e) for e in state.history()] if watch and not args.json else entries
        )
    finally:
        state.close()
    if args.json:
        print(json.dumps({"alerts": entries}, indent=2, ensure_ascii=False))
        return 0
    if not entries:
        print("no alerts yet" + (f" for {watch.label}" if watch else ""))
    held = holds(everything, disabled, {n.name for n in config.notifiers}, args.utc)
    for entry in entries:
        print(inert("\n".join(render(entry, args.utc, held))))
    return 0


def holds(
    entries: list[dict[str, Any]],
    disabled: dict[str, str],
    enabled: set[str],
    utc: bool = False,
    now: datetime | None = None,
) -> dict[str, str]:
    """Per notifier, why a delivery whose time has come is still pending. Its own next try
    is then in the past, which read as "stuck": the delivery pass holds a notifier's queue
    while it is disabled, not enabled, or waiting out an earlier alert's transient failure."""
    now = now or datetime.now(UTC)
    retry_at: dict[str, datetime] = {}
    for entry in entries:
        for d in entry["deliveries"]:
            if d["status"] == "pending" and d["attempts"] and d["next_attempt_at"]:
                at = _moment(d["next_attempt_at"])
                if at > now and (d["notifier"] not in retry_at or at < retry_at[d["notifier"]]):
                    retry_at[d["notifier"]] = at
    reasons: dict[str, str] = {}
    for entry in entries:
        for d in entry["deliveries"]:
            name = d["notifier"]
            if name in disabled:
                reasons[name] = f"held: the notifier is disabled ({disabled[name]})"
            elif name not in enabled:
                reasons[name] = "held: no enabled notifier of that name in the config"
            elif name in retry_at:
                reasons[name] = ("queued behind an earlier alert to it, retrying "
                                 f"{when(retry_at[name], utc)}")
            else:
                reasons[name] = "due now (sent by the running daemon or the next check)"
    return reasons


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _when(text: str | None, utc: bool) -> str:
    return when(datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None, utc)


def render(
    entry: dict[str, Any], utc: bool = False, held: dict[str, str] | None = None
) -> list[str]:
    alert = entry["alert"]
    watch = alert.get("watch") or {}
    subject = label(watch.get("title"), watch.get("season")) or alert.get("source_name") or ""
    value = format_value(alert.get("value"))
    if alert.get("previous") and alert["event"] in (CORRECTED, CHANGED):
        # A correction to no date at all showed nothing of what was corrected.
        value = f"{value or 'no date'} (was {format_value(alert['previous'])})"
    head = "  ".join(p for p in (_when(alert["detected_at"], utc), alert["event"], subject,
                                 value) if p)
    lines = [f"{head}  [id {alert['id']}]"]
    sent = [d for d in entry["deliveries"] if d["status"] == "sent" and len(d["attempts"]) == 1]
    if sent:
        lines.append("    sent: " + ", ".join(
            f"{d['notifier']} {_when(d['attempts'][0]['at'], utc)}" for d in sent))
    for d in entry["deliveries"]:
        if d in sent:
            continue
        attempts = d["attempts"]
        if d["status"] == "sent":
            lines.append(f"    {d['notifier']}: sent {_when(attempts[-1]['at'], utc)} after "
                         f"{count(len(attempts) - 1, 'failed attempt')}")
            continue
        if d["status"] == "pending":
            tried = f" ({count(len(attempts), 'attempt')} so far)" if attempts else ""
            due = not d["next_attempt_at"] or _moment(d["next_attempt_at"]) <= datetime.now(UTC)
            reason = (held or {}).get(d["notifier"], "")
            # A disabled or removed notifier holds even a delivery whose retry is ahead.
            if reason and (due or reason.startswith("held:")):
                lines.append(f"    {d['notifier']}: pending{tried}, {reason}")
            else:
                lines.append(f"    {d['notifier']}: pending, next try "
                             f"{_when(d['next_attempt_at'], utc)}{tried}")
        else:
            lines.append(f"    {d['notifier']}: failed after {count(len(attempts), 'attempt')}")
        for attempt in attempts:
            outcome = "ok" if attempt["ok"] else f"failed: {attempt['error']}"
            lines.append(f"      {_when(attempt['at'], utc)}  {outcome}")
    return lines
