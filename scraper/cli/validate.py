"""releasewatch validate: check config.yaml and list every problem with file:line and key."""

from __future__ import annotations

import argparse
import sys

from scraper.config.settings import load_config

SUMMARY = "Check a config file and list every problem with its file:line and key."

EPILOG = """Nothing is fetched or sent: the file is read, ${VAR}s are looked up in the
environment, and every error is printed (exit 1) or one OK line (exit 0).
Warnings (a non-Discord host for a discord notifier, no notifier enabled) do
not fail the check.

examples:
  releasewatch validate
  releasewatch validate --config ~/releasewatch/config.yaml
  SMTP_PASSWORD=secret releasewatch validate --config mail.yaml
  releasewatch validate --no-env     # on a machine without the notifiers' secrets
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help=SUMMARY,
        description=SUMMARY[0].upper() + SUMMARY[1:] + ".",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--config",
        default="config.yaml",
        metavar="PATH",
        help="the configuration file (default: ./config.yaml)",
    )
    parser.add_argument(
        "--no-env", action="store_true",
        help="a notifier's unset ${VAR} is not an error (what depends on it goes unchecked)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # ConfigError propagates: cli.py prints one "error: ..." line per problem, exit 1.
    config = load_config(args.config, notifier_env=not args.no_env)
    for warning in config.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    notifiers = ", ".join(n.name for n in config.notifiers) or "none enabled"
    print(
        f"{args.config}: OK — {_count(config.watches, 'watch', 'watches')}, "
        f"{_count(config.sources, 'source')}, "
        f"{_count(config.notifiers, 'notifier')} ({notifiers})"
    )
    return 0


def _count(items: tuple, singular: str, plural: str | None = None) -> str:
    return f"{len(items)} {singular if len(items) == 1 else plural or singular + 's'}"
