"""releasewatch redeliver: put a given-up delivery back in the outbox."""

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
from scraper.errors import UserError

EPILOG = """examples:
  releasewatch history                 # each alert's id, and which deliveries gave up
  releasewatch redeliver 3f2a9c...     # tried again by the daemon or the next check
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "redeliver",
        "Put an alert's given-up deliveries back in the outbox, with a fresh retry budget.",
        EPILOG,
    )
    add_config_argument(parser)
    parser.add_argument(
        "alert_id", metavar="ALERT_ID",
        help="the id `history` shows, or its first digits (at least 4) if they name one alert",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = load(args, notifier_env=False)  # it sends nothing: no notifier secret needed
    with changing_state(config):
        state = open_existing_state(config, read_only=False)
        try:
            # An id's first digits will do, as long as they name one alert (git-like).
            found = state.alert_ids_like(args.alert_id.strip().lower())
            if len(found) > 1:
                raise UserError(f"{args.alert_id!r} begins more than one alert's id; give"
                                " more of it (`releasewatch history` lists them)")
            names = state.redeliver(found[0], datetime.now(UTC)) if found else None
        finally:
            state.close()
    if names is None:
        raise UserError(f"no alert {args.alert_id!r}; `releasewatch history` lists their ids")
    if not names:
        raise UserError(f"alert {found[0]} has no given-up delivery to put back")
    print(f"put back in the outbox for {', '.join(names)}: sent by the running daemon, "
          "or by the next `releasewatch check`")
    return 0
