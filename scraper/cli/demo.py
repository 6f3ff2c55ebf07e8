"""releasewatch demo: the whole pipeline, offline, on a scripted news story."""

from __future__ import annotations

import argparse
import math
import os

from scraper.cli.common import command_parser
from scraper.errors import UsageError

EPILOG = """A local news site replays a scripted story about an invented show (rumours,
a date announcement, repeats on other sites, a teaser, the trailer, a date
change). Each step runs a real check cycle; alerts go through the real Discord
and email notifiers to a local webhook and a local SMTP server, and are shown
as they arrive. Nothing leaves 127.0.0.1; config and state live in a temporary
directory that is removed at the end. Takes a few seconds.

examples:
  releasewatch demo
  releasewatch demo --delay 0      as fast as it goes
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "demo", "Show the whole pipeline offline on a scripted news story.", EPILOG
    )
    parser.add_argument(
        "--delay", type=_seconds, default=0.3, metavar="SECONDS",
        help="pause between the story's steps, for reading (default 0.3, at most 2)",
    )
    parser.set_defaults(run=run)


def _seconds(text: str) -> float:
    """--delay: a finite number of seconds, 0 or more (nan passed `< 0` and reached sleep)."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        raise UsageError(f"--delay {text}: give 0 or more seconds")
    return seconds


def run(args: argparse.Namespace) -> int:
    # The story's servers are on 127.0.0.1: a proxy from the environment could not reach them.
    for key in ("NO_PROXY", "no_proxy"):
        os.environ[key] = ",".join(filter(None, [os.environ.get(key), "127.0.0.1"]))
    # Imported here: the demo pulls in the whole pipeline, other commands' --help should not.
    from scraper.demo.show import run_demo

    return run_demo(delay=args.delay)
