"""releasewatch test-notify: send a clearly labelled test alert through each notifier."""

from __future__ import annotations

import argparse
import uuid
from datetime import UTC, datetime

from notifiers import DeliveryError
from scraper.errors import ConfigError, UsageError
from scraper.models import TEST_ALERT, Alert

EPILOG = """examples:
  releasewatch test-notify                      every enabled notifier in ./config.yaml
  releasewatch test-notify --notifier discord   only the one named "discord"

The test alert goes straight to the notifier (not through the outbox): nothing is
recorded, and a notifier disabled after a refusal is tried once more.
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "test-notify",
        help="Send a test alert through each notifier and show the result.",
        description="Send a clearly labelled test alert through each configured notifier "
        "(or only --notifier NAME) and print the result per notifier; exit 1 if any failed.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--config", default="config.yaml", help="config file (./config.yaml)")
    parser.add_argument("--notifier", metavar="NAME", help="only this notifier")
    parser.set_defaults(run=run)


def test_alert(now: datetime | None = None) -> Alert:
    """An alert nobody can mistake for news: its event, title and text all say "test"."""
    return Alert(
        id=f"test-{uuid.uuid4().hex}",
        event=TEST_ALERT,
        watch_title="releasewatch test alert",
        watch_season=None,
        value=None,
        previous=None,
        evidence="This is a releasewatch test alert: if you can read it, this notifier "
        "works. No release date or trailer was found.",
        source="https://github.com/releasewatch/releasewatch",
        sources=(),
        detected_at=now or datetime.now(UTC),
    )


def run(args: argparse.Namespace) -> int:
    # Imported here so `releasewatch --help` works while a notifier's library is missing.
    from scraper.config.settings import load_config
    from scraper.deliver import build_notifiers

    config = load_config(args.config)
    types = {entry.name: entry.type for entry in config.notifiers}
    notifiers = build_notifiers(config)
    if args.notifier:
        if args.notifier not in notifiers and args.notifier in config.notifier_names:
            raise UsageError(
                f"--notifier {args.notifier}: it has enabled: false in {args.config}; set "
                "enabled: true to send to it"
            )
        if args.notifier not in notifiers:
            known = ", ".join(sorted(notifiers)) or "none"
            raise UsageError(
                f"--notifier {args.notifier}: no such enabled notifier in {args.config}"
                f" (known: {known})"
            )
        notifiers = {args.notifier: notifiers[args.notifier]}
    if not notifiers:
        raise ConfigError([f"{args.config}: no notifiers enabled; add one under notifiers:"])

    alert = test_alert()
    failed = 0
    for name, (notifier, _fingerprint) in notifiers.items():
        label = f"{name} ({types.get(name, notifier.type_name)})"
        try:
            notifier.send(alert)
        except DeliveryError as exc:
            failed += 1
            print(f"{label}: FAILED — {notifier.mask(str(exc))}", flush=True)
        except Exception as exc:  # noqa: BLE001 - one broken notifier must not hide the rest
            failed += 1
            said = notifier.mask(f"internal error: {type(exc).__name__}: {exc}")
            print(f"{label}: FAILED — {said}", flush=True)
        else:
            print(f"{label}: ok", flush=True)
        finally:
            notifier.close()
    return 1 if failed else 0
