"""releasewatch forget: clear one watch's facts, so its next check alerts as if new."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from scraper.cli.common import (
    add_config_argument,
    changing_state,
    command_parser,
    load,
    open_existing_state,
)
from scraper.cli.display import count as plural
from scraper.cli.watches import find_watch

EPILOG = """examples:
  releasewatch forget "Heartstopper Season 2"
  releasewatch check                          # alerts on what it finds, as if new
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "forget",
        "Clear one watch's facts, so that its next check alerts on what it finds as if new "
        "(values you rejected stay rejected).", EPILOG,
    )
    add_config_argument(parser)
    parser.add_argument("watch", metavar="WATCH", help='a title, alias or "Title Season N"')
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = load(args, notifier_env=False)  # it sends nothing: no notifier secret needed
    with changing_state(config):
        state = open_existing_state(config, read_only=False)
        try:
            # A watch removed from config.yaml keeps its facts: it can still be forgotten.
            stored = {f.watch_key for f in state.facts()}
            watch = find_watch(config, args.watch, stored, state.alert_watches())
            count = state.forget_watch(watch.key)
            if config.calendar_path:
                from scraper.calendar import refresh_calendar

                refresh_calendar(config, state, datetime.now(UTC))
        finally:
            state.close()
    if watch.key not in {w.key for w in config.watches}:
        print(f"forgot {plural(count, 'fact')} of {watch.label} (no longer in {config.path.name})")
        return 0
    print(f"forgot {plural(count, 'fact')} of {watch.label}; every source is read in full at its "
          "next check, which alerts on what it finds as if new")
    return 0
