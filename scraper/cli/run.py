"""releasewatch run: the daemon, until SIGTERM or SIGINT (SIGHUP re-reads the config)."""

from __future__ import annotations

import argparse
import logging

from scraper.cli.common import add_config_argument, command_parser, load
from scraper.errors import UserError, mask_registered
from scraper.logs import setup_logging
from scraper.runtime.daemon import Daemon
from scraper.store.dialect import is_database_url

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")

EPILOG = """Checks each source at its interval (plus jitter) with the same code as
`releasewatch check`, and delivers alerts as they are found, retrying failed
ones with backoff. After a restart each source resumes from its last check, so
nothing is fetched twice in a hurry. One daemon per state file: a second one
exits 1. With a PostgreSQL state (`state: postgresql://...` or --state URL) any
number of workers run, on as many machines: each claims due sources and
deliveries from the database. SIGTERM/SIGINT: finish what is in flight (up to 10 s), exit 0.
SIGHUP: re-read the config (an invalid one is logged and the old one kept).
`releasewatch status` shows the daemon's last completed cycle.

examples:
  releasewatch run
  releasewatch run --config /etc/releasewatch/config.yaml --log-format json
  kill -HUP "$(cat releasewatch.db.lock)"     # reload the config
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "run", "Run the daemon: check sources on schedule, deliver alerts.", EPILOG
    )
    add_config_argument(parser)
    parser.add_argument(
        "--log-level",
        default="INFO",
        type=str.upper,
        choices=LOG_LEVELS,
        help="INFO (default): one line per cycle, per alert sent, per source failing or back",
    )
    parser.add_argument(
        "--log-format",
        default="text",
        choices=("text", "json"),
        help="text (default) or json: one JSON object per line, for a log collector",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Logging first: the config's warnings go through it, so that with --log-format json
    # every line on stderr is a JSON object a log collector can read.
    setup_logging(args.log_level, args.log_format)
    try:
        config = load(args, warn=logging.getLogger("releasewatch.config").warning)
        if is_database_url(config.state_path):
            # Any number of workers share a PostgreSQL state; each claims its work there.
            from scraper.runtime.workers import Worker

            return Worker(config).run()
        return Daemon(config).run()
    except UserError as exc:
        if args.log_format != "json":
            raise  # the usual one "error: ..." line each, from main
        # A bad config or a second daemon, as JSON records like the rest of the log.
        for line in exc.lines:
            logging.getLogger("releasewatch").error(mask_registered(line))
        return 1
