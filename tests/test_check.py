"""`releasewatch check` end to end against a local site: bad input, health, crashes.

A failing source is transient trouble, never a change: the stored state stays
as it was and nothing is lost.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from support import ANNOUNCEMENT, NOTHING_YET, RecordingNotifier

from scraper.cli.main import main
from scraper.config.settings import load_config
from scraper.cycle import CycleReport, check_sources
from scraper.demo.localsite import LocalSite, Page
from scraper.fetch.fetcher import Fetcher
from scraper.parse import feeds
from scraper.store.state import State

# Where this test's state lives: every test here runs on SQLite and on PostgreSQL.
STATE_AT: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _on_each_backend(backend):
    STATE_AT["location"] = backend
    yield
    STATE_AT.clear()


def config_for(tmp_path: Path, site: LocalSite, sources: dict[str, str], **http) -> Path:
    settings = {"timeout": "1s", "per_host_delay": "0s", **http}
    lines = [f"state: {STATE_AT['location']}", "http:"]
    lines += [f"  {key}: {value}" for key, value in settings.items()]
    lines += ["health:", "  alert_after: 3", "watches:", "  - title: Heartstopper",
              "    season: 2", "sources:"]
    for name, path in sources.items():
        lines += [f"  - name: {name}", f"    url: {site.url(path)}"]
    lines += ["notifiers:", "  - name: recorder", "    type: recording"]
    config = tmp_path / "config.yaml"
    config.write_text("\n".join(lines) + "\n")
    return config


def check(config: Path, capsys) -> tuple[int, str]:
    code = main(["check", "--config", str(config)])
    return code, capsys.readouterr().err


def stored_source(tmp_path: Path, name: str) -> dict:
    state = State(STATE_AT["location"], read_only=True)
    try:
        return dataclasses.asdict(state.source_state(name))
    finally:
        state.close()


def announce_then_break(tmp_path, site, capsys, broken: Page, **http):
    """Check a good announcement, then the same source broken: report, keep state, no alert."""
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    config = config_for(tmp_path, site, {"news": "/news"}, **http)
    code, _ = check(config, capsys)
    assert code == 0
    assert [a.event for a in RecordingNotifier.received] == ["release_date.announced"]
    before = stored_source(tmp_path, "news")
    site.pages["/news"] = broken
    code, err = check(config, capsys)
    assert code == 0
    failed = [line for line in err.splitlines() if line.startswith("source 'news' failed")]
    assert len(failed) == 1, err
    after = stored_source(tmp_path, "news")
    for key in ("etag", "last_modified", "content_hash", "last_success_at"):
        assert after[key] == before[key], key
    assert after["consecutive_failures"] == 1
    # Back to normal: the same date again is no news.
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    assert check(config, capsys)[0] == 0
    assert [a.event for a in RecordingNotifier.received] == ["release_date.announced"]
    return failed[0]


def test_server_error_leaves_state_as_it_was(tmp_path, site, recording, capsys):
    line = announce_then_break(tmp_path, site, capsys, Page(b"oops", status=500))
    assert "500" in line


def test_rate_limited_source_is_transient(tmp_path, site, recording, capsys):
    page = Page(b"slow down", status=429, headers=(("Retry-After", "120"),))
    line = announce_then_break(tmp_path, site, capsys, page)
    assert "429" in line


def test_empty_body_is_a_failure_not_a_change(tmp_path, site, recording, capsys):
    line = announce_then_break(tmp_path, site, capsys, Page(b""))
    assert "empty" in line


def test_broken_xml_feed_is_a_failure(tmp_path, site, recording, capsys):
    broken = Page(b"<?xml version='1.0'?><rss version='2.0'><channel><<<&&&>>>",
                  content_type="application/rss+xml")
    site.pages["/feed"] = broken
    config = config_for(tmp_path, site, {"feed": "/feed"})
    path = config.read_text().replace("url: " + site.url("/feed"),
                                      "url: " + site.url("/feed") + "\n    type: feed")
    config.write_text(path)
    code, err = check(config, capsys)
    assert code == 0
    assert "source 'feed' failed" in err
    assert stored_source(tmp_path, "feed")["content_hash"] is None
    # An HTML error page served with 200 where a feed should be is a failure too.
    site.pages["/feed"] = Page(b"<html><body><h1>Maintenance</h1></body></html>")
    code, err = check(config, capsys)
    assert "source 'feed' failed: unparseable body: not a feed" in err
    assert stored_source(tmp_path, "feed")["consecutive_failures"] == 2


def test_body_over_max_bytes_is_not_read(tmp_path, site, recording, capsys):
    huge = Page(ANNOUNCEMENT.encode() + b"<p>" + b"x" * (3 * 1024 * 1024) + b"</p>")
    line = announce_then_break(tmp_path, site, capsys, huge, max_bytes="1MB")
    assert "larger" in line or "max_bytes" in line


def test_stalled_server_times_out(tmp_path, site, recording, capsys):
    line = announce_then_break(tmp_path, site, capsys, Page(b"late", delay=3.0))
    assert "time" in line


def test_redirect_loop_is_a_failure(tmp_path, site, recording, capsys):
    site.pages["/loop"] = Page(b"", status=302, headers=(("Location", "/news"),))
    line = announce_then_break(
        tmp_path, site, capsys, Page(b"", status=302, headers=(("Location", "/loop"),))
    )
    assert "redirect" in line


def test_robots_disallow_is_respected(tmp_path, site, recording, capsys):
    site.set("/robots.txt", "User-agent: *\nDisallow: /private\n", "text/plain")
    site.pages["/private/news"] = Page(ANNOUNCEMENT.encode())
    config = config_for(tmp_path, site, {"news": "/private/news"})
    code, err = check(config, capsys)
    assert code == 0 and "robots" in err
    assert RecordingNotifier.received == []
    assert not [r for r in site.take_requests() if r.path == "/private/news"]


def test_non_utf8_page_is_read(tmp_path, site, recording, capsys):
    text = ANNOUNCEMENT.replace('<meta charset="utf-8">', "").replace(
        "Netflix confirmed", "Netflix\u2019s team confirmed"
    ).replace("3 August", "3\u00a0August")
    site.pages["/news"] = Page(text.encode("cp1252"), content_type="text/html")
    config = config_for(tmp_path, site, {"news": "/news"})
    assert check(config, capsys)[0] == 0
    (alert,) = RecordingNotifier.received
    assert alert.value == {"date": "2023-08-03", "precision": "day"}
    # Decoded as cp1252, not mojibake: the apostrophe survives as an apostrophe.
    assert "Netflix\u2019s team" in alert.evidence or "Netflix's team" in alert.evidence
    assert "\ufffd" not in alert.evidence and "\u00e2" not in alert.evidence


def test_truncated_html_is_read_as_far_as_it_goes(tmp_path, site, recording, capsys):
    cut = ANNOUNCEMENT[: ANNOUNCEMENT.index("</p>")]
    site.pages["/news"] = Page(cut.encode())
    config = config_for(tmp_path, site, {"news": "/news"})
    assert check(config, capsys)[0] == 0
    assert [a.value["date"] for a in RecordingNotifier.received] == ["2023-08-03"]


def test_invalid_config_exits_1_without_traceback(tmp_path, capsys):
    config = tmp_path / "config.yaml"
    config.write_text("watches:\n  - title: X\nsources:\n  - name: a\n    url: http://h/\n"
                      "    interval: 5 minutes\n")
    code, err = check(config, capsys)
    assert code == 1
    assert "config.yaml:6" in err and "interval" in err and "Traceback" not in err


def test_source_failing_alerts_once_and_recovered_once(tmp_path, site, recording, capsys):
    site.pages["/news"] = Page(b"down", status=503)
    config = config_for(tmp_path, site, {"news": "/news"})
    for _ in range(5):  # failing from the third (alert_after: 3), alerted once
        code = main(["check", "--config", str(config), "--log-level", "INFO"])
        assert code == 0
    # The log names the source it is about (it said "alert source.failing: ").
    assert "alert source.failing: news" in capsys.readouterr().err
    assert [a.event for a in RecordingNotifier.received] == ["source.failing"]
    assert RecordingNotifier.received[0].source_name == "news"
    site.pages["/news"] = Page(NOTHING_YET.encode())
    for _ in range(2):
        assert check(config, capsys)[0] == 0
    assert [a.event for a in RecordingNotifier.received] == ["source.failing", "source.recovered"]


def test_crash_between_fact_and_delivery_loses_nothing(tmp_path, site, recording, capsys,
                                                       monkeypatch):
    import scraper.cli.check as check_command

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # the process dies right after the fact is committed

    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    config = config_for(tmp_path, site, {"news": "/news"})
    monkeypatch.setattr(check_command, "deliver_pending", crash)
    assert main(["check", "--config", str(config)]) == 130
    assert RecordingNotifier.received == []
    monkeypatch.undo()
    assert check(config, capsys)[0] == 0
    assert [a.event for a in RecordingNotifier.received] == ["release_date.announced"]
    assert check(config, capsys)[0] == 0  # and only once
    assert len(RecordingNotifier.received) == 1


def test_a_new_watch_reads_unchanged_sources_again(tmp_path, site, recording, capsys):
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    config = config_for(tmp_path, site, {"news": "/news"})
    text = config.read_text()
    config.write_text(text.replace("title: Heartstopper", "title: Wednesday"))
    assert check(config, capsys)[0] == 0
    assert RecordingNotifier.received == []
    config.write_text(text)  # the user now watches Heartstopper too
    assert check(config, capsys)[0] == 0
    assert [a.event for a in RecordingNotifier.received] == ["release_date.announced"]


def test_unknown_source_name_is_a_user_error(tmp_path, site, recording, capsys):
    config = config_for(tmp_path, site, {"news": "/news"})
    code = main(["check", "--config", str(config), "--source", "nope"])
    assert code == 1
    assert "no source named 'nope'" in capsys.readouterr().err


def _feed(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>https://n.example/{guid}</link><guid>{guid}</guid>"
        f"<pubDate>Thu, 20 Apr 2023 16:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{title}. More to follow.&lt;/p&gt;</description></item>"
        for guid, title in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        f"{entries}</channel></rss>"
    ).encode()


def _cycle(config_path: Path) -> CycleReport:
    config = load_config(config_path)
    state, fetcher = State(config.state_path), Fetcher(config.http)
    try:
        return check_sources(config, state, fetcher, datetime.now(UTC))
    finally:
        fetcher.close()
        state.close()


def test_only_new_or_changed_feed_entries_that_may_name_a_watch_are_read(
    tmp_path, site, recording, monkeypatch
):
    # Reading an entry (parsing its HTML, finding dates and videos) is what costs:
    # count the readings, not only the documents handed to the extractor.
    readings: list[str] = []
    read_entry = feeds._entry
    monkeypatch.setattr(
        feeds, "_entry", lambda item, *a: readings.append(item) or read_entry(item, *a)
    )
    others = [(f"other-{n}", f"Another show gets its finale on May {n + 1}") for n in range(19)]
    about = ("hs2", "Heartstopper Season 2 premieres on 3 August 2023")
    site.pages["/feed"] = Page(_feed([about, *others]), "application/rss+xml")
    config = config_for(tmp_path, site, {"feed": "/feed"})
    first = _cycle(config)
    assert first.documents_read == 1 and len(readings) == 1  # 20 entries, one names the watch
    assert [a.event for a in first.alerts] == ["release_date.announced"]
    site.pages["/feed"] = Page(_feed([("new", "A quiz show returns"), about, *others]),
                               "application/rss+xml")
    assert _cycle(config).documents_read == 0  # the new entry is other news; the rest were read
    changed = (about[0], about[1] + ", Netflix says")
    site.pages["/feed"] = Page(_feed([changed, *others]), "application/rss+xml")
    again = _cycle(config)
    assert again.documents_read == 1 and again.alerts == []  # read again; nothing new in it
    assert len(readings) == 2


def test_only_entries_that_may_name_a_watch_are_remembered(tmp_path, site, recording):
    # The others are passed over on their XML: not identified, hashed nor stored. Editing
    # one to name the watch makes it news; a new watch reads every entry again.
    others = [(f"other-{n}", f"Another show gets its finale on May {n + 1}") for n in range(5)]
    about = ("hs2", "Heartstopper Season 2 premieres on 3 August 2023")
    site.pages["/feed"] = Page(_feed([about, *others]), "application/rss+xml")
    config = config_for(tmp_path, site, {"feed": "/feed"})
    assert _cycle(config).documents_read == 1
    state = State(STATE_AT["location"], read_only=True)
    try:
        assert set(state.known_entries("feed")) == {"hs2"}
    finally:
        state.close()
    edited = ("other-2", "Heartstopper Season 3 is confirmed for 2025")
    site.pages["/feed"] = Page(_feed([about, *others[:2], edited, *others[3:]]),
                               "application/rss+xml")
    assert _cycle(config).documents_read == 1  # the edited entry; hs2 is known
    text = config.read_text().replace(
        "    season: 2\n", "    season: 2\n  - title: Another show\n    season: 1\n"
    )
    config.write_text(text)
    assert _cycle(config).documents_read == 6  # a new watch: every entry is read again


def test_an_entry_that_fails_to_read_is_tried_again_next_cycle(
    tmp_path, site, recording, monkeypatch
):
    read_entry = feeds._entry
    failures = [RuntimeError("odd markup")]

    def flaky(item, *args):
        if failures:
            raise failures.pop()
        return read_entry(item, *args)

    monkeypatch.setattr(feeds, "_entry", flaky)
    about = ("hs2", "Heartstopper Season 2 premieres on 3 August 2023")
    site.pages["/feed"] = Page(_feed([about, ("x", "A quiz show returns")]), "application/rss+xml")
    config = config_for(tmp_path, site, {"feed": "/feed"})
    first = _cycle(config)
    assert first.alerts == [] and first.failures == []  # the source itself is fine
    site.pages["/feed"] = Page(
        _feed([("y", "Another quiz"), about, ("x", "A quiz show returns")]),
        "application/rss+xml",
    )
    assert [a.event for a in _cycle(config).alerts] == ["release_date.announced"]


# -- Retry-After: a rate-limited source is waited out ------------------------------------------


def _gets(site: LocalSite, path: str) -> int:
    return sum(1 for r in site.requests if r.path == path)


def test_a_429_with_retry_after_is_waited_out_not_retried_at_the_next_check(
    tmp_path, site, recording, capsys
):
    site.pages["/news"] = Page(b"slow down", status=429, headers=(("Retry-After", "120"),))
    config = config_for(tmp_path, site, {"news": "/news"}, respect_robots="false")
    code, err = check(config, capsys)
    assert code == 0 and "source 'news' failed: HTTP 429" in err
    assert _gets(site, "/news") == 1
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())  # the site is fine again: still wait
    code, err = check(config, capsys)
    assert code == 0 and _gets(site, "/news") == 1
    assert "source 'news' not checked: its server asked us to wait until" in err
    assert stored_source(tmp_path, "news")["consecutive_failures"] == 1  # waiting is no failure
    assert RecordingNotifier.received == []

    # Once the time is up, the source is checked again (the daemon calls the same function).
    loaded = load_config(config)
    state, fetcher = State(loaded.state_path), Fetcher(loaded.http)
    try:
        later = datetime.now(UTC) + timedelta(seconds=121)
        report = check_sources(loaded, state, fetcher, later)
    finally:
        fetcher.close()
        state.close()
    assert report.waiting == [] and report.checked == ["news"] and _gets(site, "/news") == 2
    assert stored_source(tmp_path, "news")["retry_at"] is None  # a success forgets it


def test_retry_after_as_an_http_date_and_an_absurd_one(tmp_path, site, recording, capsys):
    soon = format_datetime(datetime.now(UTC) + timedelta(minutes=10), usegmt=True)
    site.pages["/a"] = Page(b"busy", status=503, headers=(("Retry-After", soon),))
    site.pages["/b"] = Page(b"busy", status=429, headers=(("Retry-After", "1e12"),))
    site.pages["/c"] = Page(b"busy", status=503)  # no Retry-After: the next check tries again
    config = config_for(tmp_path, site, {"a": "/a", "b": "/b", "c": "/c"}, respect_robots="false")
    before = datetime.now(UTC)
    assert check(config, capsys)[0] == 0
    waits = {
        name: stored_source(tmp_path, name)["retry_at"] - before
        for name in ("a", "b")
    }
    assert timedelta(minutes=9) < waits["a"] <= timedelta(minutes=10, seconds=5)
    assert timedelta(hours=23) < waits["b"] <= timedelta(days=1, seconds=5)  # capped at a day
    assert stored_source(tmp_path, "c")["retry_at"] is None
    code, err = check(config, capsys)
    assert code == 0 and (_gets(site, "/a"), _gets(site, "/b"), _gets(site, "/c")) == (1, 1, 2)


def test_a_new_url_is_not_held_back_by_the_old_servers_retry_after(
    tmp_path, site, recording, capsys
):
    site.pages["/old"] = Page(b"slow down", status=429, headers=(("Retry-After", "600"),))
    site.pages["/new"] = Page(ANNOUNCEMENT.encode())
    config = config_for(tmp_path, site, {"news": "/old"}, respect_robots="false")
    check(config, capsys)
    config.write_text(config.read_text().replace(site.url("/old"), site.url("/new")))
    code, err = check(config, capsys)
    assert code == 0 and _gets(site, "/new") == 1 and "not checked" not in err
    assert [a.event for a in RecordingNotifier.received] == ["release_date.announced"]
