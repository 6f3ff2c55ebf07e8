"""releasewatch check: one cycle over the sources, deliver what is pending, exit."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from scraper.cli.common import add_config_argument, command_parser, load
from scraper.cli.display import count
from scraper.cycle import check_sources
from scraper.deliver import build_notifiers, deliver_pending
from scraper.errors import UsageError
from scraper.fetch.fetcher import Fetcher
from scraper.logs import setup_logging
from scraper.store.state import State

EPILOG = """Failed sources are reported on stderr, one line each; the exit code is 0
all the same (a source that is down is not your mistake). Alerts go to every
configured notifier; failed deliveries are retried on the next check.

examples:
  releasewatch check
  releasewatch check --config ~/releasewatch/config.yaml --source "Netflix Tudum"
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "check", "Check every source once, deliver pending alerts, exit.", EPILOG
    )
    add_config_argument(parser)
    parser.add_argument(
        "--source", action="append", metavar="NAME", help="check only this source (repeatable)"
    )
    parser.add_argument("--log-level", default="WARNING", help="DEBUG, INFO, WARNING (default)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = load(args)
    known = {s.name for s in config.sources}
    unknown = [name for name in args.source or [] if name not in known]
    if unknown:
        raise UsageError(
            f"no source named {unknown[0]!r} in {args.config}; known: {', '.join(sorted(known))}"
        )
    setup_logging(args.log_level)
    state = State(config.state_path)
    notifiers = build_notifiers(config)
    fetcher = Fetcher(config.http)
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
        # Everything pending is tried now, even before its backoff: the user asked.
        delivery = deliver_pending(state, notifiers, datetime.now(UTC), due_only=False)
        print(
            f"checked {count(len(report.checked), 'source')} ({len(report.failures)} failed, "
            f"{len(report.parsed)} changed); {count(len(report.alerts), 'new alert')}; "
            f"deliveries: {delivery.summary()}",
            file=sys.stderr,
        )
    finally:
        fetcher.close()
        for notifier, _ in notifiers.values():
            notifier.close()
        state.close()
    return 0
