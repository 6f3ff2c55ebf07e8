"""releasewatch history: every alert, newest first, with each delivery attempt."""

from __future__ import annotations

import argparse
import json

from scraper.cli.common import (
    add_config_argument,
    command_parser,
    load,
    open_existing_state,
)
from scraper.models import format_value

EPILOG = """examples:
  releasewatch history
  releasewatch history --watch Heartstopper --json
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "history",
        "List every alert (sent, pending or failed) with each delivery attempt.", EPILOG,
    )
    add_config_argument(parser)
    parser.add_argument("--watch", metavar="TITLE", help="only alerts for this title")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = load(args)
    state = open_existing_state(config)
    try:
        entries = state.history()
    finally:
        state.close()
    if args.watch:
        wanted = " ".join(args.watch.split()).casefold()
        entries = [
            e for e in entries
            if (e["alert"].get("watch") or {}).get("title", "").casefold() == wanted
        ]
    if args.json:
        print(json.dumps({"alerts": entries}, indent=2, ensure_ascii=False))
        return 0
    if not entries:
        print("no alerts yet")
    for entry in entries:
        alert = entry["alert"]
        watch = alert.get("watch")
        label = ""
        if watch:
            label = watch["title"] + (
                f" Season {watch['season']}" if watch.get("season") is not None else ""
            )
        subject = label or alert.get("source_name") or ""
        print(f"{alert['detected_at']}  {alert['event']}  {subject}  "
              f"{format_value(alert.get('value'))}  [id {alert['id']}]")
        for d in entry["deliveries"]:
            print(f"    {d['notifier']}: {d['status']}")
            for attempt in d["attempts"]:
                outcome = "ok" if attempt["ok"] else f"failed: {attempt['error']}"
                print(f"      {attempt['at']}  {outcome}")
    return 0
