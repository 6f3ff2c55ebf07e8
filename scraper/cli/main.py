"""The `releasewatch` command line: a thin layer over the pipeline.

Each command lives in scraper/cli/<name>.py with `add_parser(subparsers)` and
`run(args) -> int`. Every user error is a scraper.errors.UserError (ConfigError,
UsageError, InputError, StateFileError), caught here and only here: one `error:`
line each (a ConfigError has one per problem), exit 1. Anything else is an
internal error, exit 2.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys

from scraper import __version__, patterns

# A command's imports compile ~70 regular expressions besides the extractor's and the
# readers' (PyYAML's reader, constructor and resolver, logging's styles, the config's
# units and YAML checks, w3lib's): ~20 ms of CPU in every process, a warm cycle's too,
# for patterns that do not change between two runs. Kept as theirs are (patterns.py).
with patterns.kept("cli"):
    import logging

    from scraper.errors import UsageError, UserError, mask_registered

COMMANDS = (
    "run", "check", "extract", "status", "history", "facts", "reject", "forget", "redeliver",
    "list", "calendar", "validate", "test-notify", "demo", "migrate", "import",
)
# `import` is a Python keyword: its module has another name.
MODULES = {"import": "import_state"}

EPILOG = """examples:
  releasewatch check                 one cycle over config.yaml's sources, deliver, exit
  releasewatch run                   the daemon, until SIGTERM/SIGINT
  releasewatch extract --title Heartstopper --season 2 page.html
  releasewatch status                status, history, list, facts: what is known and sent
  releasewatch calendar -o releases.ics
"""


class ArgumentParser(argparse.ArgumentParser):
    """Bad arguments are a user error like any other: one line, exit 1 (SPEC), not
    argparse's usage dump and exit 2, which means "internal error" here."""

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: with only its command when argv names one, so that
    `releasewatch check` does not import the daemon's scheduler, the demo or every
    other command's dependencies (a tenth of a warm check's CPU). Without a known
    command first (--help, --version, a typo), every command, as before: the
    top-level help lists them all and an invalid choice names them all."""
    parser = ArgumentParser(
        prog="releasewatch",
        description="Watch news pages and feeds for announced release dates and released "
        "trailers; alert once per piece of news.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"releasewatch {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    first = argv[0] if argv else None
    with patterns.kept("cli"):
        for name in (first,) if first in COMMANDS else COMMANDS:
            module_name = MODULES.get(name, name.replace("-", "_"))
            module = importlib.import_module(f"scraper.cli.{module_name}")
            module.add_parser(subparsers)
    return parser


def _unrecognized(parser: argparse.ArgumentParser, command: str | None, extra: list[str]) -> str:
    """Names the command the option was given to (`releasewatch status: ... --jsn`), and the
    option meant when it is one typo away."""
    import difflib

    prog, options = "releasewatch", list(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            sub = action.choices[command]
            prog, options = sub.prog, list(sub._option_string_actions)
    hint = ""
    close = difflib.get_close_matches(extra[0].split("=")[0], options, n=1, cutoff=0.6)
    if extra[0].startswith("-") and close:
        hint = f"; did you mean {close[0]}?"
    return f"{prog}: unrecognized arguments: {' '.join(extra)}{hint} (see {prog} --help)"


def main(argv: list[str] | None = None) -> int:
    from_command_line = argv is None  # the program itself, not a test calling main()
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:
            raise UsageError(_unrecognized(parser, getattr(args, "command", None), extra))
        if not getattr(args, "run", None):
            parser.print_help(sys.stderr)
            return 1
        return int(args.run(args) or 0)
    except UserError as exc:
        for line in exc.lines:
            # Belt and braces: a message should never hold a notifier's secret.
            print(f"error: {mask_registered(line)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if from_command_line:
            # Fetch and send threads still running would hold the interpreter's exit
            # until their timeouts (a stalled source: a minute). What was written is
            # committed or rolled back whole, and a send cut off is sent again later.
            print("interrupted", file=sys.stderr)
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(130)
        return 130
    except BrokenPipeError:
        # `releasewatch history | head`: the reader left; that is no error of ours. Point
        # stdout at devnull so the interpreter's own flush at exit stays quiet too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the one place internal errors are reported
        logging.getLogger("releasewatch").debug("internal error", exc_info=True)
        # Masked like a user error: a library's exception may quote a webhook URL.
        said = mask_registered(f"{type(exc).__name__}: {exc}")
        print(f"internal error: {said}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
