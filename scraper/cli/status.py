"""releasewatch status: facts per watch, source health, the outbox, the daemon's heartbeat."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from scraper.cli.common import (
    add_config_argument,
    command_parser,
    load,
    open_existing_state,
)
from scraper.cli.display import add_utc_argument, count, inert, iso, label, when
from scraper.config.settings import Config, SourceConfig
from scraper.logs import public_url
from scraper.models import RELEASE_DATE, format_value
from scraper.store.db import from_db_time
from scraper.store.facts import StoredFact
from scraper.store.sources import SourceState
from scraper.store.state import State

EPILOG = """Times are in the local time zone (--utc for UTC). A source shows "1 failure",
"2 failures"... until health.alert_after checks in a row have failed; then it is FAILING.

examples:
  releasewatch status
  releasewatch status --utc
  releasewatch status --json | jq '.sources[] | select(.failing)'
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers,
        "status",
        "Show what is known per watch, each source's health and pending or failed deliveries.",
        EPILOG,
    )
    add_config_argument(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    add_utc_argument(parser)
    parser.set_defaults(run=run)


def next_check(
    config: Config, source: SourceConfig, stored: SourceState | None, *, shared: bool = False
) -> datetime | None:
    """When the daemon checks this source next: its interval after the last check (plus up
    to schedule.jitter), not before a server's Retry-After; None: at the daemon's start.
    `shared` (workers on PostgreSQL): the time the database holds, the one they claim by."""
    if shared and stored is not None and stored.next_check_at is not None:
        return stored.next_check_at
    if stored is None or stored.last_checked_at is None:
        return None
    due = stored.last_checked_at + timedelta(seconds=config.source_interval(source))
    return max(due, stored.retry_at) if stored.retry_at else due


def health(config: Config, stored: SourceState | None) -> str:
    """"ok", "1 failure", "2 failures", then FAILING once alert_after is reached."""
    if stored is None or stored.last_checked_at is None:
        return "not checked yet"
    failures = stored.consecutive_failures
    if not failures:
        return "ok"
    if failures >= config.health.alert_after or stored.failing_alerted:
        return f"FAILING ({count(failures, 'failure')} in a row)"
    return count(failures, "failure")


def _names(fact: StoredFact) -> list[str]:
    return [r.name or r.url for r in fact.reports] or list(fact.sources)


def collect(config: Config, state: State) -> dict[str, Any]:
    facts = state.facts()
    watches = []
    for watch in config.watches:
        mine = [f for f in facts if f.watch_key == watch.key and not f.rejected]
        current = next((f for f in mine if f.kind == RELEASE_DATE and f.is_current), None)
        watches.append(
            {
                "title": watch.title,
                "season": watch.season,
                "release_date": current.value if current else None,
                "release_date_evidence": current.evidence if current else None,
                "release_date_sources": list(current.sources) if current else [],
                "release_date_source_names": _names(current) if current else [],
                "trailers": [
                    {"url": f.value["url"], "evidence": f.evidence, "sources": list(f.sources),
                     "source_names": _names(f)}
                    for f in mine
                    if f.kind != RELEASE_DATE
                ],
            }
        )
    stored = {s.name: s for s in state.source_states()}
    sources = []
    for source in config.sources:
        s = stored.get(source.name)
        sources.append(
            {
                "name": source.name,
                "url": public_url(source.url),
                "type": source.type,
                "health": health(config, s),
                "last_checked_at": iso(s.last_checked_at) if s else None,
                "next_check_at": iso(next_check(config, source, s, shared=state.is_postgresql)),
                "last_success_at": iso(s.last_success_at) if s else None,
                "consecutive_failures": s.consecutive_failures if s else 0,
                "last_error": s.last_error if s else None,
                "failing": bool(s and (s.failing_alerted
                                       or s.consecutive_failures >= config.health.alert_after)),
            }
        )
    counts = state.delivery_counts()
    disabled = state.disabled_notifiers()
    notifiers = [
        {
            "name": n.name,
            "type": n.type,
            "pending": counts.get(n.name, {}).get("pending", 0),
            "sent": counts.get(n.name, {}).get("sent", 0),
            "failed": counts.get(n.name, {}).get("failed", 0),
            "disabled": disabled.get(n.name),
        }
        for n in config.notifiers
    ]
    last_cycle = state.get_meta("last_cycle_at")
    data = {
        "state": str(state.path),  # a URL without its password
        "last_cycle_at": iso(from_db_time(last_cycle)) if last_cycle else None,
        "watches": watches,
        "sources": sources,
        "notifiers": notifiers,
        "failed_deliveries": [
            {"notifier": f["notifier"], "attempts": f["attempts"], "error": f["error"],
             "event": f["alert"]["event"], "alert_id": f["alert"]["id"]}
            for f in state.failed_deliveries()
        ],
    }
    if state.is_postgresql:
        # Several workers share this state: who is alive, and whether they keep up.
        now = datetime.now(UTC)
        workers = state.workers()
        data["workers"] = [
            {"id": w.id, "hostname": w.hostname, "pid": w.pid,
             "started_at": iso(w.started_at), "last_seen_at": iso(w.last_seen_at),
             "notifiers": list(w.notifiers)}
            for w in workers
        ]
        data["due_backlog"] = state.due_backlog(now)
        data["oldest_pending_delivery"] = iso(state.oldest_pending_delivery())
        # The notifiers the YAML upserted (no secrets) and which workers can send
        # through each: a delivery waits for good on a notifier no running worker knows.
        data["shared_notifiers"] = [
            {"name": n.name, "type": n.kind, "settings": n.settings, "configured": n.configured,
             "known_by": [w.id for w in workers if n.name in w.notifiers],
             "pending": counts.get(n.name, {}).get("pending", 0)}
            for n in state.configured_notifiers()
        ]
    return data


def run(args: argparse.Namespace) -> int:
    config = load(args, notifier_env=False)
    state = open_existing_state(config)
    try:
        data = collect(config, state)
    finally:
        state.close()
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(inert(render(data, utc=args.utc)))
    return 0


def _time(text: str | None, utc: bool, never: str = "never") -> str:
    return when(datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None, utc, never)


def render(data: dict[str, Any], utc: bool = False) -> str:
    lines = [f"last cycle: {_time(data['last_cycle_at'], utc)}", "", "watches:"]
    for w in data["watches"]:
        name = label(w["title"], w["season"])
        if not w["release_date"]:
            lines.append(f"  {name}: no release date yet")
        else:
            lines.append(f"  {name}: release date {format_value(w['release_date'])}")
            if w["release_date_evidence"]:
                lines.append(f"    evidence: {w['release_date_evidence']}")
            lines.append(f"    sources: {', '.join(w['release_date_source_names'])}")
        for t in w["trailers"]:
            lines.append(f"    trailer: {t['url']} (from {', '.join(t['source_names'])})")
    lines += ["", "sources:"]
    for s in data["sources"]:
        lines.append(f"  {s['name']}: {s['health']}")
        if s["last_checked_at"] is None:
            continue
        lines.append(f"    last checked  {_time(s['last_checked_at'], utc)}")
        lines.append(f"    next check    {_time(s['next_check_at'], utc)}")
        lines.append(f"    last success  {_time(s['last_success_at'], utc)}")
        if s["last_error"]:
            lines.append(f"    last error    {s['last_error']}")
    lines += ["", "notifiers:"]
    for n in data["notifiers"]:
        state = f"DISABLED ({n['disabled']})" if n["disabled"] else "enabled"
        lines.append(
            f"  {n['name']} ({n['type']}): {state}; {n['pending']} pending, "
            f"{n['sent']} sent, {n['failed']} failed"
        )
    for f in data["failed_deliveries"]:
        lines.append(f"  gave up: {f['event']} via {f['notifier']} after "
                     f"{count(f['attempts'], 'attempt')}: {f['error']}")
    if "workers" in data:
        lines += ["", f"workers ({len(data['workers'])}):"]
        lines += [f"  {w['id']}: last seen {_time(w['last_seen_at'], utc)}"
                  for w in data["workers"]]
        lines.append(f"  due backlog: {count(data['due_backlog'], 'source')}")
        lines.append(
            f"  oldest pending delivery: {data['oldest_pending_delivery'] or 'none'}"
        )
        lines += ["", "notifiers in the database (from the YAML, without secrets):"]
        for n in data["shared_notifiers"]:
            known = n["known_by"]
            who = (f"known by {count(len(known), 'worker')}: {', '.join(known)}" if known
                   else "known by no running worker")
            gone = "" if n["configured"] else "; no longer in the YAML"
            lines.append(f"  {n['name']} ({n['type']}): {who}{gone}")
            if n["settings"]:
                shown = ", ".join(f"{k}={v}" for k, v in sorted(n["settings"].items()))
                lines.append(f"    settings: {shown}")
            if n["pending"] and not known:
                lines.append(f"    {count(n['pending'], 'delivery', 'deliveries')} pending, and "
                             "no running worker can send them (none has this notifier in "
                             "its config, with its secrets)")
    return "\n".join(lines)
