"""releasewatch calendar: every watch's current release date as an iCalendar (.ics) file."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from scraper.cli.common import add_config_argument, command_parser, load, open_existing_state
from scraper.errors import UsageError

EPILOG = """A day date is an all-day event on that day; a month, season or year is an
all-day event spanning it, titled "release window". Each watch keeps one event UID, so a
calendar app that subscribes to the file moves the event when the date changes.
With `calendar: releases.ics` in config.yaml, check and run rewrite the file themselves
after each cycle that changes a fact.

examples:
  releasewatch calendar -o releases.ics
  releasewatch calendar > releases.ics           # -o - (the default without calendar:)
  releasewatch calendar                          # writes config.yaml's calendar: file
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "calendar",
        "Write an iCalendar file of every watch's current release date.", EPILOG,
    )
    add_config_argument(parser)
    parser.add_argument(
        "-o", "--output", metavar="FILE",
        help="where to write it; - for stdout (default: config.yaml's calendar:, else stdout)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from scraper.calendar import build_calendar, write_calendar

    config = load(args, notifier_env=False)
    output = args.output or (str(config.calendar_path) if config.calendar_path else "-")
    state = open_existing_state(config)
    try:
        content = build_calendar(config.watches, state.facts(), datetime.now(UTC))
    finally:
        state.close()
    if output == "-":
        sys.stdout.write(content.decode("utf-8"))
        return 0
    path = Path(output).expanduser()
    if path.is_dir() or not path.parent.is_dir():
        raise UsageError(f"calendar: cannot write {output}: "
                         + ("it is a folder" if path.is_dir() else "its folder does not exist"))
    try:
        write_calendar(path, content)
    except OSError as exc:
        raise UsageError(f"calendar: cannot write {output}: {exc.strerror or exc}") from None
    print(f"wrote {output}", file=sys.stderr)
    return 0
