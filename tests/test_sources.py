"""Source kinds declare themselves: a new kind is one class and one registration, and
config.yaml's validation and the cycle take it from there."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

import pytest
from support import ANNOUNCEMENT

from scraper.cli.main import main
from scraper.config.settings import ConfigError, SourceConfig, accepted_keys, load_config
from scraper.demo.localsite import Page
from scraper.models import RELEASE_DATE, Finding, Observation
from scraper.sources.base import Setting, SourceKind, SourceResult
from scraper.sources.registry import SOURCE_TYPES, register


class CalendarSource(SourceKind):
    """A made-up API kind: it states a date outright, for the watch it is asked about."""

    name = "calendar"
    default_url = "https://calendar.example"
    settings: ClassVar[Mapping[str, Setting]] = {
        "day": Setting(str, default="2023-08-03", doc="the date the calendar lists"),
    }

    def read(self, source, config, state, fetcher, now) -> SourceResult:
        finding = Finding(RELEASE_DATE, "the calendar says so", source.day, "day")
        return SourceResult(
            source,
            observations={w.key: [Observation(finding, source.url)] for w in config.watches},
        )


@pytest.fixture
def calendar_kind():
    register(CalendarSource())  # what its one line in scraper/sources/registry.py would do
    yield SOURCE_TYPES["calendar"]
    SOURCE_TYPES.pop("calendar")


def write(tmp_path: Path, sources: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(
        f"state: {tmp_path / 'state.db'}\n"
        "watches:\n  - title: Heartstopper\n    season: 2\n"
        f"sources:\n{sources}"
        "notifiers:\n  - name: recorder\n    type: recording\n"
    )
    return path


def test_the_registry_is_the_list_of_types():
    assert list(SOURCE_TYPES) == ["page", "feed", "auto", "tvmaze"]
    assert {"sources[].select", "sources[].show"} <= accepted_keys()


def test_a_registered_kind_is_a_type_with_its_own_keys(tmp_path, calendar_kind, recording):
    path = write(
        tmp_path,
        "  - name: cal\n    type: calendar\n    day: '2023-09-01'\n"
        "  - name: cal default\n    type: calendar\n",
    )
    first, second = load_config(path).sources
    assert (first.url, first.settings, first.day) == (
        "https://calendar.example",
        {"day": "2023-09-01"},
        "2023-09-01",
    )
    assert second.settings == {"day": "2023-08-03"}
    assert "sources[].day" in accepted_keys()


def test_a_kinds_key_on_another_kind_is_an_error_with_its_line(tmp_path, calendar_kind, recording):
    path = write(
        tmp_path,
        "  - name: page\n    url: https://example.org/\n    type: page\n    day: '2023-09-01'\n"
        "  - name: cal\n    type: calendar\n    select: main\n",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.errors == [
        f"{path}:9: sources[0].day: applies to type: calendar sources only, not type: page",
        f"{path}:12: sources[1].select: applies to pages only, not type: calendar",
    ]


def test_a_kinds_setting_is_checked_by_its_declaration(tmp_path, calendar_kind, recording):
    path = write(tmp_path, "  - name: cal\n    type: calendar\n    day: [1, 2]\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    [error] = caught.value.errors
    assert error.startswith(f"{path}:8: sources[0].day: ")


def test_the_cycle_asks_a_registered_kind_to_read(tmp_path, calendar_kind, recording, capsys):
    path = write(tmp_path, "  - name: cal\n    type: calendar\n")
    assert main(["check", "--config", str(path)]) == 0
    assert [(a.event, a.value) for a in recording] == [
        ("release_date.announced", {"date": "2023-08-03", "precision": "day"})
    ]


def test_a_page_and_an_api_kind_are_checked_in_one_cycle(
    tmp_path, site, calendar_kind, recording, capsys
):
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    path = write(tmp_path, f"  - name: news\n    url: {site.url('/news')}\n"
                 "  - name: cal\n    type: calendar\n")
    text = path.read_text().replace("sources:", "http:\n  per_host_delay: 0s\nsources:")
    path.write_text(text)
    assert main(["check", "--config", str(path)]) == 0
    [alert] = recording  # the same date from two sources: one alert
    assert alert.event == "release_date.announced"
    assert len(alert.sources) == 2


def test_source_config_takes_only_its_kinds_keys():
    page = SourceConfig("news", "https://example.org/", "page", select="main")
    assert (page.select, dict(page.settings)) == ("main", {"select": "main"})
    with pytest.raises(TypeError, match="a feed source takes no select"):
        SourceConfig("news", "https://example.org/feed", "feed", select="main")
    with pytest.raises(AttributeError):
        _ = page.show


class BrokenSource(SourceKind):
    """A made-up kind with a bug: reading it raises, as new code sometimes does."""

    name = "broken"
    default_url = "https://broken.example"
    settings: ClassVar[Mapping[str, Setting]] = {}

    def read(self, source, config, state, fetcher, now) -> SourceResult:
        return {}["no such key"]


@pytest.fixture
def broken_kind():
    register(BrokenSource())
    yield SOURCE_TYPES["broken"]
    SOURCE_TYPES.pop("broken")


def test_a_source_whose_reading_fails_fails_alone(
    tmp_path, site, broken_kind, recording, capsys
):
    # Before, the exception left check_sources: the whole batch (the daemon's, or
    # check's every source) went unwritten and unalerted, cycle after cycle.
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    path = write(tmp_path, "  - name: odd\n    type: broken\n"
                 f"  - name: news\n    url: {site.url('/news')}\n")  # fmt: skip
    main(["check", "--config", str(path)])
    [alert] = recording
    assert alert.event == "release_date.announced"
    out = capsys.readouterr()
    assert "odd" in out.out + out.err
    assert "internal error while reading it (KeyError)" in out.out + out.err
    assert "reading source odd failed" in out.err  # the traceback is in the log, for a bug report
    assert main(["status", "--config", str(path)]) in (0, 1)
    status = capsys.readouterr().out
    assert "internal error while reading it (KeyError)" in status
