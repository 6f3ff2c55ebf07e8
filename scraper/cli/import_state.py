"""releasewatch import: move a single-user SQLite state into a PostgreSQL database."""

from __future__ import annotations

import argparse
from pathlib import Path

from scraper.cli.common import add_config_argument, command_parser, load, state_location
from scraper.errors import UsageError, UserError
from scraper.store.dialect import is_database_url
from scraper.store.state import State
from scraper.store.transfer import import_sqlite

EPILOG = """Copies every fact, alert, delivery and attempt, the feed memory and each
source's fetch state, ids kept, in one transaction. Stop the SQLite daemon first;
the target database must not hold facts or alerts yet.

examples:
  releasewatch import --from releasewatch.db --state postgresql://releasewatch@db/releasewatch
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "import", "Move a SQLite state file into a PostgreSQL state.", EPILOG
    )
    add_config_argument(parser)
    parser.add_argument("--from", dest="source", required=True, metavar="FILE.db",
                        help="the SQLite state file to copy")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    source = _source_file(args.source)
    target = state_location(args.state) if args.state else load(args).state_path
    if not is_database_url(target):
        raise UserError("import copies into a PostgreSQL state: give --state postgresql://...")
    state = State(target)
    try:
        copied = import_sqlite(source, state)
    finally:
        state.close()
    summary = ", ".join(f"{n} {table}" for table, n in copied.items() if n)
    print(f"imported {args.source} into {state.path}: {summary or 'nothing'}")
    return 0


def _source_file(given: str) -> Path:
    """--from: a SQLite state file. A URL is said without itself (a PostgreSQL URL may
    hold its password); a folder by name, not as SQLite's "disk I/O error"."""
    if "://" in given:
        raise UsageError("import --from takes a SQLite state file (releasewatch.db), "
                         "not a URL; the database to copy into is --state")
    path = Path(given).expanduser()
    if path.is_dir():
        raise UsageError(f"import --from {given}: is a folder; give the SQLite state file")
    return path
