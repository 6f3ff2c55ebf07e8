"""Reading configured sources without writing anything: `check --dry-run` and
`extract --config --source`. The state file, when there is one, is opened read-only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from scraper.config.settings import Config, SourceConfig
from scraper.cycle import read_source
from scraper.facts import KnownFacts, alert_for, diff_findings
from scraper.fetch.fetcher import Fetcher
from scraper.models import Observation, format_value
from scraper.sources.base import SourceResult
from scraper.store.dialect import is_database_url
from scraper.store.state import State


class ScratchState:
    """What a source kind may read (its cache) from the real state, read-only; what it
    would store stays here and is dropped."""

    def __init__(self, state: State | None):
        self._state, self._cache = state, {}

    def cache_get(self, key: str) -> str | None:
        if key in self._cache:
            return self._cache[key]
        return self._state.cache_get(key) if self._state is not None else None

    def cache_set(self, key: str, value: str, at: datetime) -> None:
        self._cache[key] = value


@dataclass
class Preview:
    results: list[SourceResult] = field(default_factory=list)
    alerts: list[tuple[str, str, Observation]] = field(default_factory=list)  # event, watch, obs
    recorded: list[tuple[str, Observation]] = field(default_factory=list)  # new, no alert
    corroborations: list[tuple[str, Observation]] = field(default_factory=list)
    rejected: list[tuple[str, Observation]] = field(default_factory=list)  # the user said no


def read_sources(
    config: Config, sources: Sequence[SourceConfig], now: datetime
) -> tuple[list[SourceResult], State | None]:
    """Every source read in full; the state (read-only) for what is known, or None."""
    exists = is_database_url(config.state_path) or Path(config.state_path).exists()
    state = State(config.state_path, read_only=True) if exists else None
    scratch: Any = ScratchState(state)
    fetcher = Fetcher(config.http)
    try:
        return [read_source(s, config, scratch, fetcher, now) for s in sources], state
    finally:
        fetcher.close()


def preview(config: Config, sources: Sequence[SourceConfig], now: datetime) -> Preview:
    """What a check of `sources` would alert and what it would only corroborate, against the
    facts the state holds now (none without a state file)."""
    results, state = read_sources(config, sources, now)
    found = Preview(results)
    try:
        for watch in config.watches:
            observations = [o for r in results if r.error is None
                            for o in r.observations.get(watch.key, [])]
            if not observations:
                continue
            known = state.known_facts(watch.key) if state is not None else KnownFacts()
            # A value the user rejected is dropped by the diff; say so, not nothing.
            refused = [o for o in observations
                       if (o.finding.kind, o.finding.value_key) in known.rejected]
            found.rejected.extend((watch.label, o) for o in refused)
            observations = [o for o in observations if o not in refused]
            diff = diff_findings(known, observations, now.date())
            by_value = {(o.finding.kind, o.finding.value_key): o for o in observations}
            for fact in diff.new_facts:
                obs = by_value.get((fact.finding.kind, fact.finding.value_key))
                obs = obs or Observation(fact.finding, fact.sources[0])
                alert = alert_for(watch, fact, now)
                if alert is not None:
                    found.alerts.append((alert.event, watch.label, obs))
                else:
                    found.recorded.append((watch.label, obs))
            for kind, value_key, source_url in diff.corroborations:
                obs = next((o for o in observations if o.source_url == source_url
                            and (o.finding.kind, o.finding.value_key) == (kind, value_key)),
                           None)
                if obs is not None:
                    found.corroborations.append((watch.label, obs))
    finally:
        if state is not None:
            state.close()
    return found


def describe(obs: Observation) -> list[str]:
    """A finding as the preview shows it: value, where it was read, the sentence."""
    lines = [f"      from {obs.source_name or obs.source_url}: {obs.link or obs.source_url}"]
    if obs.finding.evidence:
        lines.append(f"      evidence: {obs.finding.evidence}")
    return lines


def render(found: Preview) -> list[str]:
    lines = []
    for result in found.results:
        if result.error:
            lines.append(f"source {result.source.name!r}: failed: {result.error}")
    if not (found.alerts or found.recorded or found.corroborations or found.rejected):
        lines.append("would alert nothing: no new release date or trailer found")
    for event, label, obs in found.alerts:
        lines.append(f"would alert {event}: {label}: {format_value(obs.finding.value())}")
        lines += describe(obs)
    for label, obs in found.recorded:
        lines.append(f"would record, no alert: {label}: {format_value(obs.finding.value())}")
        lines += describe(obs)
    for label, obs in found.corroborations:
        lines.append(f"would only corroborate (already known): {label}: "
                     f"{format_value(obs.finding.value())}")
        lines += describe(obs)
    for label, obs in found.rejected:
        lines.append(f"would not alert (a value you rejected): {label}: "
                     f"{format_value(obs.finding.value())}")
        lines += describe(obs)
    return lines
