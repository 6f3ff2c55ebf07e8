"""releasewatch list: what config.yaml watches and where it looks, with each source's
next check and health when a state file exists."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from scraper.cli.common import add_config_argument, command_parser, load
from scraper.cli.display import add_utc_argument, iso, when
from scraper.cli.status import health, next_check
from scraper.config.settings import Config
from scraper.config.units import format_duration
from scraper.logs import public_url
from scraper.store.dialect import is_database_url
from scraper.store.state import State

EPILOG = """Needs no state file and no notifier secrets: before the first check, each
source is "due at the first check" (`run` or `check`).

examples:
  releasewatch list
  releasewatch list --json | jq '.sources[].name'
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "list",
        "List the watches (title, season, aliases, alerts, notifiers) and the sources "
        "(type, interval, next check, health).", EPILOG,
    )
    add_config_argument(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    add_utc_argument(parser)
    parser.set_defaults(run=run)


def collect(config: Config) -> dict[str, Any]:
    stored = {}
    # A PostgreSQL state is no file to look for: it is always read.
    if is_database_url(config.state_path) or Path(config.state_path).exists():
        state = State(config.state_path, read_only=True)
        try:
            stored = {s.name: s for s in state.source_states()}
        finally:
            state.close()
    return {
        "watches": [
            {"title": w.title, "season": w.season, "aliases": list(w.aliases),
             "alerts": list(w.alerts),
             "notify": list(w.notify) if w.notify is not None
             else [n.name for n in config.notifiers]}
            for w in config.watches
        ],
        "sources": [
            {"name": s.name, "type": s.type, "url": public_url(s.url),
             "interval": config.source_interval(s),
             "next_check_at": iso(next_check(config, s, stored.get(s.name))),
             "health": health(config, stored.get(s.name))}
            for s in config.sources
        ],
    }


def run(args: argparse.Namespace) -> int:
    config = load(args, notifier_env=False)
    data = collect(config)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print("watches:")
    for w in data["watches"]:
        name = f"{w['title']} Season {w['season']}" if w["season"] is not None else w["title"]
        print(f"  {name}")
        if w["aliases"]:
            print(f"    aliases: {', '.join(w['aliases'])}")
        print(f"    alerts: {', '.join(w['alerts']).replace('_', ' ')}")
        print(f"    notify: {', '.join(w['notify']) or 'no notifier'}")
    print("\nsources:")
    for s in data["sources"]:
        nxt = s["next_check_at"]
        # Never checked: due as soon as `run` or `check` starts (it has no time yet).
        shown = f"next check {when(_parse(nxt), args.utc)}" if nxt else "due at the first check"
        print(f"  {s['name']} ({s['type']}, every {format_duration(s['interval'])}): "
              f"{s['health']}; {shown}")
        print(f"    {s['url']}")
    return 0


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
