"""releasewatch migrate: create or upgrade the schema of a state (a PostgreSQL database),
and upsert a config's sources, watches and notifiers into it."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from scraper.cli.common import add_config_argument, command_parser, load, state_location
from scraper.cli.display import count
from scraper.runtime.config_sync import sync_config
from scraper.store.schema import SCHEMA_VERSION
from scraper.store.state import State

EPILOG = """Every worker also migrates when it starts (under a lock, so many can start
at once); this command does it ahead of them, e.g. in a deploy step. With a config
(--config, or ./config.yaml when no --state is given) and a PostgreSQL state, it also
upserts the config's sources, watches and notifiers, as each worker does when it
starts: names, kinds and settings, never a secret (those stay in each machine's
environment, and need not be set where migrate runs).

examples:
  releasewatch migrate --state postgresql://releasewatch@db.internal/releasewatch
  releasewatch migrate --config /etc/releasewatch/config.yaml     # its state: and its YAML
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "migrate", "Create or upgrade the state's schema.", EPILOG
    )
    add_config_argument(parser)
    # No config is read for `migrate --state URL` alone: ./config.yaml is a default
    # for the state's location, not a YAML to push into a database named on purpose.
    parser.set_defaults(run=run, config=None)


def run(args: argparse.Namespace) -> int:
    config = None
    if args.config or not args.state:
        args.config = args.config or "config.yaml"
        # Sends nothing: a notifier's ${VAR}s need not be set on a deploy host.
        config = load(args, notifier_env=False)
    location = state_location(args.state) if args.state else config.state_path
    state = State(location)
    try:
        print(f"{state.path}: schema at version {SCHEMA_VERSION}")
        if config is not None and state.is_postgresql:
            sync_config(config, state, datetime.now(UTC))
            print(
                f"upserted {count(len(config.sources), 'source')}, "
                f"{count(len(config.watches), 'watch', 'watches')} and "
                f"{count(len(config.notifiers), 'notifier')} from {config.path}"
            )
    finally:
        state.close()
    return 0
