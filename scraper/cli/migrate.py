"""releasewatch migrate: create or upgrade the schema of a state (a PostgreSQL database)."""

from __future__ import annotations

import argparse

from scraper.cli.common import add_config_argument, command_parser, load, state_location
from scraper.store.schema import SCHEMA_VERSION
from scraper.store.state import State

EPILOG = """Every worker also migrates when it starts (under a lock, so many can start
at once); this command does it ahead of them, e.g. in a deploy step.

examples:
  releasewatch migrate --state postgresql://releasewatch@db.internal/releasewatch
  releasewatch migrate                # the config's state:
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "migrate", "Create or upgrade the state's schema.", EPILOG
    )
    add_config_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    location = state_location(args.state) if args.state else load(args).state_path
    state = State(location)
    try:
        print(f"{state.path}: schema at version {SCHEMA_VERSION}")
    finally:
        state.close()
    return 0
