"""releasewatch extract: what the extractor reads in one page, feed or URL, as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scraper.cli.common import command_parser
from scraper.errors import InputError, UsageError
from scraper.extract import extract_documents
from scraper.fetch.decode import decode_body
from scraper.models import Watch
from scraper.parse.documents import ParseError, parse_documents

EPILOG = """Prints {"findings": [...]}: the announced release date (date, precision,
evidence) and every released trailer (normalized URL, evidence). An empty list
when there is nothing; exit 1 with one line on stderr when the input cannot be read.

examples:
  releasewatch extract --title Heartstopper --season 2 article.html
  releasewatch extract --title "Stranger Things" --season 5 --alias "Stranger Things 5" feed.xml
  releasewatch extract --title Heartstopper --season 2 https://example.org/news/heartstopper
  releasewatch extract --explain --title Heartstopper --season 2 article.html

--explain prints, per document and per candidate (every date mention, every video),
the sentence, the rules that fired with their weights and what each saw, the score,
and why the winner won; then the findings as JSON.
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "extract", "Show what the extractor finds in a page, a feed or a URL.", EPILOG
    )
    # Checked in run(), not by argparse: a bad value is one line on stderr and exit 1.
    parser.add_argument("--title", help="the watched title (required)")
    parser.add_argument("--season", help="the watched season (omit for a film)")
    parser.add_argument(
        "--alias", action="append", default=[], metavar="A", help="another name (repeatable)"
    )
    parser.add_argument("--url", help="the document's URL (default: the file's or the fetched URL)")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print, per candidate, its sentence, the rules that fired with their weights, "
        "its score, and why the winner won (text, not JSON)",
    )
    parser.add_argument(
        "path", nargs="?", metavar="PATH|URL", help="a local file or an http(s) URL"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.title or not args.title.strip():
        raise UsageError("extract: --title is required (the title to look for)")
    if not args.path:
        raise UsageError("extract: give a file or an http(s) URL to read")
    watch = Watch(
        args.title.strip(), _season(args.season), tuple(a for a in args.alias if a.strip())
    )
    if args.path.startswith(("http://", "https://")):
        text, url = _fetch(args.path)
    else:
        text, url = _read_file(Path(args.path))
    try:
        documents = parse_documents(text, args.url or url)
    except ParseError as exc:
        raise InputError(f"{args.path}: {exc}") from exc
    if args.explain:
        from scraper.extract import read_safely
        from scraper.extract.explain import explain

        for document in documents:
            reading = read_safely(document, watch, complete=True)
            sys.stdout.write(explain(reading, document.url) + "\n")
        findings = extract_documents(documents, watch)
        sys.stdout.write("findings: ")
    else:
        findings = extract_documents(documents, watch)
    json.dump({"findings": [f.to_json() for f in findings]}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _season(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.strip().isdigit() or int(value) < 1:
        raise UsageError(
            f"extract: --season {value!r} is not a season number; write e.g. --season 2"
        )
    return int(value)


def _read_file(path: Path) -> tuple[str, str]:
    try:
        content = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory, not a file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return decode_body(content), path.resolve().as_uri()


def _fetch(url: str) -> tuple[str, str]:
    from scraper.config.settings import HttpSettings
    from scraper.errors import SourceError
    from scraper.fetch.fetcher import Fetcher

    try:
        with Fetcher(HttpSettings()) as fetcher:
            response = fetcher.fetch(url)
    except SourceError as exc:
        raise InputError(f"{url}: {exc}") from exc
    return response.text or "", response.url
