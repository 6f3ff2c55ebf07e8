"""When each source runs in the SQLite daemon: its first run from its stored last
check, then APScheduler's interval jobs (the scheduler decides *when*, never *what*)."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from scraper.config.settings import Config
from scraper.store.state import State

DELIVERY_EVERY_MAX = 30.0  # seconds between outbox passes, at most
SOURCE_JOB_PREFIX = "source:"


def first_run_at(
    last_checked: datetime | None,
    interval: float,
    jitter: float,
    now: datetime,
    rng: random.Random,
) -> datetime:
    """A source's first run after a start: now if never checked, soon if overdue, else
    when its interval is up.

    The jitter spreads the last two, so a restart after a long pause does not fetch
    every overdue source in the same second.
    """
    if last_checked is None:
        # Never checked: every such source runs at once, in one batch, as `check` runs
        # them. The first check of a watch announces what it finds once; spread over the
        # jitter, a year on one site and the day on another were "announced" then
        # "changed". (fetch_all still spaces the requests to one host.)
        return now
    spread = timedelta(seconds=rng.uniform(0, jitter)) if jitter > 0 else timedelta(0)
    # A clock that went backwards must not postpone a source by more than one interval.
    due = min(last_checked, now) + timedelta(seconds=interval)
    if due <= now:
        return now + spread
    return due + spread


def plan_first_runs(
    config: Config,
    last_checked: Mapping[str, datetime | None],
    now: datetime,
    rng: random.Random,
) -> dict[str, datetime]:
    """source name -> first run time, from each source's stored last check."""
    return {
        source.name: first_run_at(
            last_checked.get(source.name),
            config.source_interval(source),
            config.schedule.jitter,
            now,
            rng,
        )
        for source in config.sources
    }


def source_job_id(name: str) -> str:
    return SOURCE_JOB_PREFIX + name


def schedule_sources(
    scheduler: BackgroundScheduler,
    config: Config,
    state: State,
    now: datetime,
    run_source: Callable[[str], Any],
    *,
    names: set[str] | None = None,
    rng: random.Random | None = None,
) -> dict[str, datetime]:
    """Add (or replace) one job per source; returns each job's first run time.

    `names` limits it to those sources (a reload that changed only some).
    """
    rng = rng or random.Random()
    stored = {s.name: s.last_checked_at for s in state.source_states()}
    plan = plan_first_runs(config, stored, now, rng)
    for source in config.sources:
        if names is not None and source.name not in names:
            continue
        interval = config.source_interval(source)
        scheduler.add_job(
            run_source,
            IntervalTrigger(seconds=interval, jitter=config.schedule.jitter or None, timezone=UTC),
            args=(source.name,),
            id=source_job_id(source.name),
            name=f"check {source.name}",
            replace_existing=True,
            # The first run comes from the stored last check, not from "now + interval".
            next_run_time=plan[source.name],
            max_instances=1,
            coalesce=True,
            # A run late by up to one interval (a busy pool, a suspended laptop) still runs.
            misfire_grace_time=max(int(interval), 1),
        )
    return {name: when for name, when in plan.items() if names is None or name in names}


def delivery_interval(config: Config) -> float:
    return min(config.schedule.interval, DELIVERY_EVERY_MAX)
