"""releasewatch reject: mark a fact wrong, so it is never current again."""

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
from scraper.cli.watches import watch_of_key
from scraper.config.settings import Config
from scraper.errors import UserError
from scraper.models import CORRECTED, RELEASE_DATE, RETRACTED, Alert, format_value, new_alert_id
from scraper.store.facts import Rejection, StoredFact
from scraper.store.state import State

EPILOG = """examples:
  releasewatch facts                       # find the wrong fact's id
  releasewatch reject 12                   # it is never current again
  releasewatch reject 12 --notify          # and tell every notifier that saw it
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(
        subparsers, "reject",
        "Mark a fact wrong: it stops being current (the best remaining date takes its "
        "place) and its value never becomes a fact again for that watch.", EPILOG,
    )
    add_config_argument(parser)
    parser.add_argument("fact_id", metavar="FACT_ID", type=int, help="the id `facts` shows")
    parser.add_argument(
        "--notify", action="store_true",
        help="send a release_date.corrected / trailer.retracted alert to every notifier",
    )
    parser.set_defaults(run=run)


def correction_alert(rejection: Rejection, watch_title: str, watch_season: int | None,
                     now: datetime, current: StoredFact | None = None) -> Alert:
    """`current`: the release date current after the rejection, when it did not change
    (a superseded date was rejected); else the one that took the rejected one's place."""
    fact = rejection.fact
    current = rejection.now_current if rejection.was_current else current
    if fact.kind == RELEASE_DATE:
        wrong = format_value(fact.value)
        evidence = f"The release date {wrong} was wrong and has been withdrawn."
        if current is not None:
            again = "again" if rejection.was_current else "still"
            evidence += f" The release date is {again} {format_value(current.value)}."
        return Alert(
            id=new_alert_id(), event=CORRECTED, watch_title=watch_title,
            watch_season=watch_season, value=current.value if current else None,
            previous=fact.value, evidence=evidence,
            source=current.source_url if current else fact.source_url,
            sources=current.sources if current else (), detected_at=now,
        )
    return Alert(
        id=new_alert_id(), event=RETRACTED, watch_title=watch_title, watch_season=watch_season,
        value=fact.value, previous=None,
        evidence=f"{format_value(fact.value)} is not a trailer for it; it has been withdrawn.",
        source=fact.source_url, sources=(), detected_at=now,
    )


def run(args: argparse.Namespace) -> int:
    config = load(args, notifier_env=False)  # it only queues: no notifier secret needed
    now = datetime.now(UTC)
    with changing_state(config):
        state = open_existing_state(config, read_only=False)
    try:
        # The rejection and its correction commit together (SPEC: a change and its alert
        # in one transaction): a failure between the two would leave the fact rejected
        # and the correction never sent, as a second `reject --notify` finds it already
        # rejected. The watch's row is locked first, as workers lock it for a new fact.
        with changing_state(config), state.transaction():
            changed, lines = _reject(args, config, state, now)
        print("\n".join(lines))
        if changed and config.calendar_path:
            from scraper.calendar import refresh_calendar

            refresh_calendar(config, state, now)
    finally:
        state.close()
    return 0


def _reject(
    args: argparse.Namespace, config: Config, state: State, now: datetime
) -> tuple[bool, list[str]]:
    """What `reject` does inside its transaction: (whether anything changed, what to say)."""
    # Ids are database integers: a longer number (a typo, an alert id's digits) names no
    # fact, and asking the database for it would overflow its integer type.
    fits = -(2**63) <= args.fact_id < 2**63
    before = state.facts(fact_id=args.fact_id) if fits else []
    if not before:
        raise UserError(f"no fact #{args.fact_id}; `releasewatch facts` lists their ids")
    state.lock_watches([before[0].watch_key])
    before = state.facts(fact_id=args.fact_id)
    watch = watch_of_key(config, before[0].watch_key)
    if before[0].rejected:
        # Nothing changes, so nothing to tell: a second --notify would be a second
        # correction for one piece of news.
        return False, [f"#{args.fact_id} ({watch.label} {format_value(before[0].value)}) is "
                       "already rejected; nothing changed, nothing sent"]
    rejection = state.reject_fact(args.fact_id, now, now.date())
    if rejection is None:
        raise UserError(f"no fact #{args.fact_id}; `releasewatch facts` lists their ids")
    lines = [f"rejected #{args.fact_id}: {watch.label} {format_value(rejection.fact.value)}"]
    if rejection.now_current is not None:
        lines.append(f"current release date again: {format_value(rejection.now_current.value)}")
    elif rejection.was_current:
        lines.append("no release date is current now")
    if args.notify:
        # A superseded date rejected: the current one stands, and the correction says
        # so (it said "no date known" while a date was current).
        unchanged = next(
            (f for f in state.facts(watch.key)
             if f.kind == RELEASE_DATE and f.is_current and not f.rejected),
            None,
        )
        alert = correction_alert(rejection, watch.title, watch.season, now, unchanged)
        # The correction goes where the watch's alerts go (watches[].notify).
        names = [n.name for n in config.notifiers
                 if watch.notify is None or n.name in watch.notify]
        state.add_alert(alert, names, watch_key=watch.key)
        whom = "every notifier" if watch.notify is None else ", ".join(names) or "no notifier"
        lines.append(f"{alert.event} alert {alert.id} queued for {whom} "
                     "(sent by the running daemon, or by the next `releasewatch check`)")
    return True, lines
