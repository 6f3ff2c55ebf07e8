"""What several commands share: the --config option and opening the state file."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from scraper.config.settings import Config, database_url_problem, load_config
from scraper.errors import StateFileError, UsageError
from scraper.store.dialect import is_database_url
from scraper.store.state import State


def state_location(given: str) -> Path | str:
    """--state: a PostgreSQL URL as it is, a file path as a Path from the working folder.
    Any other `scheme://` is a typo (postgresq://, mysql://), never a folder to create."""
    if is_database_url(given):
        problem = database_url_problem(given)
        if problem:
            raise UsageError(f"--state: {problem}")
        return given
    if "://" in given:
        raise UsageError(
            f"--state {given!r}: not a postgresql:// URL nor a file; write "
            "postgresql://user@host/db or a path such as releasewatch.db"
        )
    path = Path(given).expanduser().resolve()
    # As for `state:` in the config: a typo in the folder is an error, not a folder
    # quietly made somewhere unexpected (the store would create it).
    if path.is_dir():
        raise UsageError(f"--state {given!r}: {path} is a folder; give a file name in it")
    if not path.parent.is_dir():
        raise UsageError(
            f"--state {given!r}: the folder {path.parent} does not exist; create it or fix "
            "the path"
        )
    return path


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", default="config.yaml", metavar="PATH",
        help="the configuration file (default: ./config.yaml)",
    )
    parser.add_argument(
        "--state", metavar="PATH_OR_URL",
        help="the state instead of the config's `state:`: a SQLite file or a "
        "postgresql:// URL",
    )


def load(
    args: argparse.Namespace,
    *,
    notifier_env: bool = True,
    warn: Callable[[str], None] | None = None,
) -> Config:
    """The config; with notifier_env=False (commands that send nothing) a notifier's
    ${VAR}s may be unset: status and history need no SMTP password. `warn` takes each
    config warning (the daemon logs them, so --log-format json stays one JSON object a
    line); by default they are printed on stderr."""
    config = load_config(args.config, notifier_env=notifier_env)
    if getattr(args, "state", None):
        config = dataclasses.replace(config, state_path=state_location(args.state))
    for warning in config.warnings:
        if warn is not None:
            warn(warning)
        else:
            print(f"warning: {warning}", file=sys.stderr)
    return config


def open_existing_state(config: Config, *, read_only: bool = True) -> State:
    """For commands on what a check stored: a missing state file means no check has run
    yet. Reading commands open it read-only, so status, history and facts work on a state
    the user may only read; reject, forget and redeliver pass read_only=False."""
    if not is_database_url(config.state_path) and not Path(config.state_path).exists():
        raise StateFileError(
            f"{config.state_path}: no state file yet; run `releasewatch check` first"
        )
    return State(config.state_path, read_only=read_only)


def database_outage(exc: BaseException) -> bool:
    """psycopg's OperationalError: the PostgreSQL server went away, restarted mid-write or
    refuses connections (psycopg is looked up, never imported, for a SQLite state)."""
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(exc, psycopg.OperationalError)


def outage_error(config: Config, exc: BaseException, lost: str) -> StateFileError:
    """The one line for a database outage: the URL without its password, what was lost."""
    from scraper.store.dialect import shown_url

    said = " ".join(str(exc).split())
    return StateFileError(
        f"{shown_url(str(config.state_path))}: the database connection failed ({said}); "
        f"{lost}: check that PostgreSQL is running, then try again"
    )


@contextlib.contextmanager
def changing_state(config: Config) -> Iterator[None]:
    """For the commands that change the state (reject, forget, redeliver), as `check`
    does for its cycle: a write that fails (a full disk, an I/O error, a lock another
    process held past the busy timeout) rolled its transaction back whole, and is the
    state file's problem said in one line, not an internal error."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        held = "locked" in str(exc) or "busy" in str(exc)
        fix = ("another program held it past 30 s (a `check`, an open sqlite3 shell); "
               "try again" if held else "free space or fix its permissions, then try again")
        raise StateFileError(
            f"{config.state_path}: cannot write the state file ({exc}); nothing was "
            f"changed: {fix}"
        ) from None
    except Exception as exc:
        if not database_outage(exc):
            raise
        raise outage_error(config, exc, "nothing was changed") from None


def command_parser(
    subparsers: argparse._SubParsersAction, name: str, summary: str, epilog: str
) -> argparse.ArgumentParser:
    return subparsers.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
