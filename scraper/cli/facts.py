"""releasewatch facts: every fact per watch, with its id, evidence and sources."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

from scraper.cli.common import add_config_argument, command_parser, load, open_existing_state
from scraper.cli.display import add_utc_argument, inert, when
from scraper.cli.watches import find_watch, watch_of_key
from scraper.models import RELEASE_DATE, format_value
from scraper.store.facts import StoredFact

EPILOG = """examples:
  releasewatch facts
  releasewatch facts --watch "Heartstopper Season 2" --json
  releasewatch facts --utc            # times in UTC (default: the local time zone)
  releasewatch reject 12 --notify     # a fact listed here that is wrong
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "facts",
        "List each watch's facts: the current release date, superseded, held-back and "
        "rejected dates, "
        "and trailers, each with its id, evidence and sources.", EPILOG,
    )
    add_config_argument(parser)
    parser.add_argument("--watch", metavar="TITLE", help="only this watch (title, alias, "
                        "or \"Title Season N\")")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    add_utc_argument(parser)
    parser.set_defaults(run=run)


def status_of(fact: StoredFact, current_seen: datetime | None = None) -> str:
    if fact.rejected:
        return "rejected"
    if fact.kind != RELEASE_DATE:
        return "known"
    if fact.is_current:
        return "current"
    # First seen after the current date and never current: less precise than it (or
    # past) when it came. It becomes current once the current date has passed (as the
    # state reads it: KnownFacts.held_back). "superseded" said it had been replaced.
    if current_seen is not None and fact.first_seen_at > current_seen:
        return "held_back"
    return "superseded"


HELD_BACK_NOTE = ("not current: less precise than the current date (or past) when it came;"
                  " it becomes current once the current date has passed")


def fact_json(fact: StoredFact, current_seen: datetime | None = None) -> dict[str, Any]:
    return {
        "id": fact.id,
        "kind": fact.kind,
        "status": status_of(fact, current_seen),
        "value": fact.value,
        "first_seen_at": fact.first_seen_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "evidence": fact.evidence,
        "sources": [
            {"name": r.name, "url": r.url, "link": r.link or r.url} for r in fact.reports
        ],
    }


def run(args: argparse.Namespace) -> int:
    config = load(args, notifier_env=False)
    state = open_existing_state(config)
    try:
        watch_key = None
        known = state.alert_watches()
        if args.watch:
            stored = {f.watch_key for f in state.facts()}
            watch_key = find_watch(config, args.watch, stored, known).key
        facts = state.facts(watch_key)
    finally:
        state.close()
    grouped: dict[str, list[StoredFact]] = {}
    for fact in facts:
        grouped.setdefault(fact.watch_key, []).append(fact)
    watches = [
        {"title": w.title, "season": w.season,
         "facts": [fact_json(f, _current_seen(found)) for f in found]}
        for key, found in grouped.items()
        for w in (watch_of_key(config, key, known),)
    ]
    if args.json:
        print(json.dumps({"watches": watches}, indent=2, ensure_ascii=False))
        return 0
    if not watches:
        print("no facts yet" + (f" for {args.watch}" if args.watch else ""))
    for watch in watches:
        label = watch["title"] + (
            f" Season {watch['season']}" if watch["season"] is not None else ""
        )
        print(label)
        for fact in watch["facts"]:
            kind = "release date" if fact["kind"] == RELEASE_DATE else "trailer"
            status = fact["status"].replace("_", " ")
            print(f"  #{fact['id']}  {kind} ({status}): {format_value(fact['value'])}")
            if fact["status"] == "held_back":
                print(f"      {HELD_BACK_NOTE}")
            # As status, history and list show times: local unless --utc, to the second.
            seen = datetime.fromisoformat(fact["first_seen_at"].replace("Z", "+00:00"))
            print(f"      first seen {when(seen, args.utc)}")
            if fact["evidence"]:
                print(f"      evidence: {inert(fact['evidence'])}")
            for source in fact["sources"]:
                print(inert(f"      source: {source['name'] or source['url']} — {source['link']}"))
    return 0


def _current_seen(facts: list[StoredFact]) -> datetime | None:
    return next((f.first_seen_at for f in facts
                 if f.kind == RELEASE_DATE and f.is_current and not f.rejected), None)
