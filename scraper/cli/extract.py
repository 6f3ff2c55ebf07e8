"""releasewatch extract: what the extractor reads in one page, feed or URL, as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from scraper.cli.common import command_parser
from scraper.errors import InputError, UsageError
from scraper.extract import extract_documents
from scraper.fetch.decode import decode_body
from scraper.models import Finding, Watch
from scraper.parse.documents import Document, ParseError, parse_documents

EPILOG = """Prints {"findings": [...]}: the announced release date (date, precision,
evidence) and every released trailer (normalized URL, evidence). An empty list
when there is nothing; exit 1 with one line on stderr when the input cannot be read.

examples:
  releasewatch extract --title Heartstopper --season 2 article.html
  releasewatch extract --title "Stranger Things" --season 5 --alias "Stranger Things 5" feed.xml
  releasewatch extract --title Heartstopper --season 2 https://example.org/news/heartstopper
  releasewatch extract --explain --title Heartstopper --season 2 article.html
  releasewatch extract --title Heartstopper --season 2 --select "main article" saved-page.html
  releasewatch extract --config config.yaml --source "Netflix Tudum"
  releasewatch extract --config config.yaml --source "Netflix Tudum" --explain

With --config and --source, the configured source is fetched and read as a check reads
it (its type, select: and every watch with its aliases); nothing is stored or sent.
For a feed, each finding names the entry ("document") it came from.

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
        "--select", metavar="CSS",
        help="only this part of a page counts, as a source's select: (a saved page)",
    )
    parser.add_argument(
        "--config", metavar="PATH",
        help="with --source: the configuration file to read the source and watches from",
    )
    parser.add_argument("--source", metavar="NAME", help="read this configured source")
    parser.add_argument(
        "path", nargs="?", metavar="PATH|URL", help="a local file or an http(s) URL"
    )
    parser.set_defaults(run=run)


def _is_http_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def run(args: argparse.Namespace) -> int:
    if args.source or args.config:
        return _configured(args)
    if not args.title or not args.title.strip():
        raise UsageError("extract: --title is required (the title to look for)")
    if not args.path:
        raise UsageError("extract: give a file or an http(s) URL to read")
    if args.url is not None and not _is_http_url(args.url):
        # It resolves the page's relative links (a trailer's /embed/ID): "notaurl" read
        # them against nothing, silently.
        raise UsageError(f"extract: --url {args.url!r} is not an http(s) URL; give the "
                         "address the page came from, e.g. https://example.org/article")
    watch = Watch(
        args.title.strip(), _season(args.season), tuple(a for a in args.alias if a.strip())
    )
    if args.select is not None:
        from scraper.parse.selectors import BadSelector, compile_selector

        try:
            compile_selector(args.select)
        except BadSelector as exc:
            reason = str(exc).removeprefix(f"{args.select!r} ")  # it names the selector too
            raise UsageError(f"extract: --select {args.select!r} {reason}") from None
    scheme = args.path.partition("://")[0].lower() if "://" in args.path else ""
    if scheme in ("http", "https"):
        text, url = _fetch(args.path)
    elif scheme:
        raise UsageError(f"extract: {args.path}: only http:// and https:// URLs can be "
                         "fetched; save the page and give its file")
    else:
        text, url = _read_file(Path(args.path))
    try:
        documents = parse_documents(text, args.url or url, select=args.select)
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
    shown = [f.to_json() for f in findings]
    if len(documents) > 1 or any(d.kind == "entry" for d in documents):
        for finding, entry in zip(shown, findings, strict=True):
            finding["document"] = _source_document(documents, watch, entry)
    json.dump({"findings": shown}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _source_document(documents: list[Document], watch: Watch, finding: Finding) -> str | None:
    """The feed entry a finding was read in: the first whose own reading has its value."""
    for document in documents:
        if any(f.value_key == finding.value_key for f in extract_documents([document], watch)):
            return document.url
    return None


def _configured(args: argparse.Namespace) -> int:
    """extract --config PATH --source NAME: the source as a check reads it, every watch."""
    from datetime import UTC, datetime

    from scraper.cli.common import load
    from scraper.cli.display import label
    from scraper.cli.preview import read_sources

    if not args.source:
        raise UsageError("extract: --config needs --source NAME (the source to read)")
    if args.path or args.title or args.select:
        raise UsageError("extract: --source reads a configured source as configured; give no "
                         "PATH, --title or --select with it")
    args.config = args.config or "config.yaml"
    config = load(args, notifier_env=False)
    by_name = {s.name: s for s in config.sources}
    if args.source not in by_name:
        raise UsageError(f"extract: no source named {args.source!r} in {args.config}; "
                         f"known: {', '.join(sorted(by_name))}")
    [result], state = read_sources(config, [by_name[args.source]], datetime.now(UTC))
    if state is not None:
        state.close()
    if result.error:
        raise InputError(f"{args.source}: {result.error}")
    if args.explain:
        _explain_source(config, by_name[args.source])
        sys.stdout.write("findings: ")
    findings = []
    for watch in config.watches:
        for obs in result.observations.get(watch.key, []):
            findings.append({"watch": label(watch.title, watch.season), **obs.finding.to_json(),
                             "document": obs.link or obs.source_url})
    json.dump({"findings": findings}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _explain_source(config, source) -> None:
    """--explain for a configured page or feed: every candidate of every document, for
    every watch, read as the source is configured (its type and `select:`)."""
    from scraper.errors import SourceError
    from scraper.extract import read_safely
    from scraper.extract.explain import explain
    from scraper.fetch.fetcher import Fetcher

    if source.type not in ("page", "feed", "auto"):
        raise UsageError(f"extract: --explain reads pages and feeds; {source.name!r} is a "
                         f"{source.type} source")
    try:
        with Fetcher(config.http) as fetcher:
            response = fetcher.fetch(source.url)
    except SourceError as exc:
        raise InputError(f"{source.name}: {exc}") from exc
    select = source.settings.get("select")
    try:
        documents = parse_documents(response.text or "", response.url, source.type, select)
    except ParseError as exc:
        raise InputError(f"{source.name}: {exc}") from exc
    for watch in config.watches:
        sys.stdout.write(f"== {watch.label}\n")
        for document in documents:
            reading = read_safely(document, watch, complete=True)
            sys.stdout.write(explain(reading, document.url) + "\n")


def _season(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.strip().isdigit() or int(value) < 1:
        raise UsageError(
            f"extract: --season {value!r} is not a season number; write e.g. --season 2"
        )
    return int(value)


def _read_file(path: Path) -> tuple[str, str]:
    from scraper.config.settings import HttpSettings

    # As a fetched body is read: past max_bytes, not at all (`/dev/zero` filled memory).
    limit = HttpSettings().max_bytes
    try:
        with path.open("rb") as file:
            content = file.read(limit + 1)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory, not a file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if len(content) > limit:
        raise InputError(
            f"{path}: larger than {limit // (1024 * 1024)} MB, the most a check reads of a "
            "page (http.max_bytes); not read"
        )
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
