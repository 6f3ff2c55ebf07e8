"""releasewatch status: facts per watch, source health, the outbox, the daemon's heartbeat."""

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
from scraper.config.settings import Config
from scraper.logs import public_url
from scraper.models import RELEASE_DATE, format_value
from scraper.store.state import State

EPILOG = """examples:
  releasewatch status
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
    parser.set_defaults(run=run)


def collect(config: Config, state: State) -> dict[str, Any]:
    facts = state.facts()
    watches = []
    for watch in config.watches:
        mine = [f for f in facts if f.watch_key == watch.key]
        current = next((f for f in mine if f.kind == RELEASE_DATE and f.is_current), None)
        watches.append(
            {
                "title": watch.title,
                "season": watch.season,
                "release_date": current.value if current else None,
                "release_date_evidence": current.evidence if current else None,
                "release_date_sources": list(current.sources) if current else [],
                "trailers": [
                    {"url": f.value["url"], "evidence": f.evidence, "sources": list(f.sources)}
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
                "last_checked_at": _iso(s.last_checked_at) if s else None,
                "last_success_at": _iso(s.last_success_at) if s else None,
                "consecutive_failures": s.consecutive_failures if s else 0,
                "last_error": s.last_error if s else None,
                "failing": bool(s and s.failing_alerted),
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
    data = {
        "state": str(state.path),  # a URL without its password
        "last_cycle_at": state.get_meta("last_cycle_at"),
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
        data["workers"] = [
            {"id": w.id, "hostname": w.hostname, "pid": w.pid,
             "started_at": _iso(w.started_at), "last_seen_at": _iso(w.last_seen_at)}
            for w in state.workers()
        ]
        data["due_backlog"] = state.due_backlog(now)
        data["oldest_pending_delivery"] = _iso(state.oldest_pending_delivery())
    return data


def run(args: argparse.Namespace) -> int:
    config = load(args)
    state = open_existing_state(config)
    try:
        data = collect(config, state)
    finally:
        state.close()
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(render(data))
    return 0


def render(data: dict[str, Any]) -> str:
    lines = [f"last cycle: {data['last_cycle_at'] or 'never'}", "", "watches:"]
    for w in data["watches"]:
        label = w["title"] + (f" Season {w['season']}" if w["season"] is not None else "")
        date = format_value(w["release_date"]) if w["release_date"] else "no date yet"
        lines.append(f"  {label}: release date {date}")
        if w["release_date"]:
            lines.append(f"    reported by {len(w['release_date_sources'])} source(s)")
        for t in w["trailers"]:
            lines.append(f"    trailer {t['url']} ({len(t['sources'])} source(s))")
    lines += ["", "sources:"]
    for s in data["sources"]:
        if s["last_checked_at"] is None:
            health = "not checked yet"
        elif s["consecutive_failures"]:
            health = f"FAILING x{s['consecutive_failures']}: {s['last_error']}"
        else:
            health = f"ok (last success {s['last_success_at']})"
        lines.append(f"  {s['name']}: {health}")
    lines += ["", "notifiers:"]
    for n in data["notifiers"]:
        state = f"DISABLED ({n['disabled']})" if n["disabled"] else "enabled"
        lines.append(
            f"  {n['name']} ({n['type']}): {state}; {n['pending']} pending, "
            f"{n['sent']} sent, {n['failed']} failed"
        )
    for f in data["failed_deliveries"]:
        lines.append(f"  gave up: {f['event']} via {f['notifier']} after "
                     f"{f['attempts']} attempts: {f['error']}")
    if "workers" in data:
        lines += ["", f"workers ({len(data['workers'])}):"]
        lines += [f"  {w['id']}: last seen {w['last_seen_at']}" for w in data["workers"]]
        lines.append(f"  due backlog: {data['due_backlog']} source(s)")
        lines.append(
            f"  oldest pending delivery: {data['oldest_pending_delivery'] or 'none'}"
        )
    return "\n".join(lines)


def _iso(moment) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None
