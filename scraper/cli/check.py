"""releasewatch check: one cycle over the sources, deliver what is pending, exit."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import UTC, datetime

from scraper.cli.common import (
    add_config_argument,
    command_parser,
    database_outage,
    load,
    outage_error,
)
from scraper.cli.display import count, inert
from scraper.config.settings import Config
from scraper.cycle import check_sources
from scraper.deliver import build_notifiers, deliver_pending
from scraper.errors import StateFileError, UsageError
from scraper.fetch.fetcher import Fetcher
from scraper.logs import setup_logging
from scraper.store.state import State
from scraper.store.work import SharedHostSlots

EPILOG = """Failed sources are reported on stderr, one line each; the exit code is 0
all the same (a source that is down is not your mistake). Alerts go to every
configured notifier; a failed delivery is retried by the first check after its
backoff is up (30 s, 2 min, 10 min, ...), however often check runs. --now tries
every pending alert at once; a try forced early spends none of its retries.

--dry-run fetches and reads the sources (all, or the named ones) in full, with the
config's watches, aliases and select:, and prints what a check would alert and what
it would only corroborate (a date or trailer already known). It writes nothing, not
even the state file, and sends nothing: the way to try a new source before trusting it.

examples:
  releasewatch check
  releasewatch check --config ~/releasewatch/config.yaml --source "Netflix Tudum"
  releasewatch check --now
  releasewatch check --dry-run --source "Netflix Tudum"
"""

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "check", "Check every source once, deliver pending alerts, exit.", EPILOG
    )
    add_config_argument(parser)
    parser.add_argument(
        "--source", action="append", metavar="NAME", help="check only this source (repeatable)"
    )
    parser.add_argument(
        "--now",
        action="store_true",
        help="try every pending alert now, even one waiting out its backoff "
        "(a forced try spends none of its retries)",
    )
    parser.add_argument(
        "--log-level", default="WARNING", type=str.upper, choices=LOG_LEVELS,
        metavar="LEVEL", help="DEBUG, INFO, WARNING (default) or ERROR",
    )
    parser.add_argument(
        "--dry-run", action="store_true",
        help="fetch and read, print what would be alerted; write nothing, send nothing",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = load(args, notifier_env=not args.dry_run)
    known = {s.name for s in config.sources}
    unknown = [name for name in args.source or [] if name not in known]
    if unknown:
        raise UsageError(
            f"no source named {unknown[0]!r} in {args.config}; known: {', '.join(sorted(known))}"
        )
    setup_logging(args.log_level)
    if args.dry_run:
        return _dry_run(config, args.source)
    state = State(config.state_path)
    notifiers = build_notifiers(config)
    # Beside workers on a PostgreSQL state, per_host_delay holds across them too.
    slots = (SharedHostSlots(State(config.state_path))
             if state.is_postgresql and config.http.per_host_delay > 0 else None)
    fetcher = Fetcher(config.http, host_slots=slots)
    try:
        report = check_sources(config, state, fetcher, datetime.now(UTC), args.source)
        for name, until in report.waiting:
            print(
                f"source {name!r} not checked: its server asked us to wait until "
                f"{until:%Y-%m-%d %H:%M:%S} UTC (Retry-After)",
                file=sys.stderr,
            )
        for name, error, streak in report.failures:
            times = "1 check" if streak == 1 else f"{streak} checks in a row"
            print(f"source {name!r} failed: {error} ({times})", file=sys.stderr)
        # Only what is due, like the daemon: ten checks from cron in two seconds must
        # not spend ten retries. --now forces the rest, without spending the budget.
        delivery = deliver_pending(state, notifiers, datetime.now(UTC), due_only=not args.now)
        print(
            f"checked {count(len(report.checked), 'source')} ({len(report.failures)} failed, "
            f"{len(report.parsed)} changed); {count(len(report.alerts), 'new alert')}; "
            f"deliveries: {delivery.summary()}",
            file=sys.stderr,
        )
    except sqlite3.OperationalError as exc:
        # A full disk, a file gone read-only, a lock held past the busy timeout: the
        # cycle's transaction rolled back whole, so nothing is lost, only not recorded.
        raise StateFileError(
            f"{config.state_path}: cannot write the state file ({exc}); nothing of this "
            "check was recorded: free space or fix its permissions, then check again"
        ) from None
    except Exception as exc:
        # PostgreSQL stopped or restarted mid-write: the same, said of the database.
        if not database_outage(exc):
            raise
        raise outage_error(config, exc, "nothing of this check was recorded") from None
    finally:
        fetcher.close()
        if slots is not None:
            slots.close()
        for notifier, _ in notifiers.values():
            notifier.close()
        state.close()
    return 0


def _dry_run(config: Config, names: list[str] | None) -> int:
    from scraper.cli.preview import preview, render

    sources = [s for s in config.sources if not names or s.name in names]
    found = preview(config, sources, datetime.now(UTC))
    print(inert("\n".join(render(found))))
    failed = sum(1 for r in found.results if r.error)
    # "read 2 sources" when one of them failed read as if both had been read.
    read = f"{len(sources) - failed} of {count(len(sources), 'source')} ({failed} failed)" \
        if failed else count(len(sources), "source")
    print(f"dry run: read {read}; nothing was stored or sent", file=sys.stderr)
    return 0
