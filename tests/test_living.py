"""Living with it (issue 17): status and history that answer, reading commands without
secrets, `list`, per-watch routing, the release calendar, `check --dry-run`, and user
mistakes as one line. Real local sites, real state files, the real CLI."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from test_daemon import daemons, wait_for  # noqa: F401 - a fixture

from scraper.cli.main import main
from scraper.demo.localsite import LocalSite

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta property="article:published_time" content="2026-11-20T10:00:00Z">
<title>Heartstopper Season 2 news</title></head>
<body><article><h1>Heartstopper Season 2 news</h1><p>{sentence}</p></article></body></html>"""

DAY = "Netflix confirmed that Heartstopper Season 2 premieres on 9 July 2027."
MONTH = "Netflix confirmed that Heartstopper Season 2 premieres in July 2027."
SUMMER = "Netflix confirmed that Heartstopper Season 2 premieres in summer 2027."


def write_config(tmp_path: Path, site: LocalSite, *extra: str, notify: str | None = None,
                 alert_after: int = 3, notifiers: str | None = None) -> Path:
    lines = [f"state: {tmp_path / 'state.db'}", *extra, "http:", "  timeout: 2s",
             "  per_host_delay: 0s", "health:", f"  alert_after: {alert_after}", "watches:",
             "  - title: Heartstopper", "    season: 2", "    aliases: [Heartstopper S2]"]
    if notify is not None:
        lines.append(f"    notify: {notify}")
    lines += ["  - title: Wednesday", "sources:",
              "  - name: Tudum", f"    url: {site.url('/tudum')}",
              "  - name: Gone", f"    url: {site.url('/gone')}", "    interval: 1h"]
    lines += ["notifiers:", *(notifiers or (
        "  - name: recorder\n    type: recording\n"
        "  - name: mail\n    type: email\n    host: 127.0.0.1\n    password: ${RW_TEST_SMTP}\n"
        "    username: me\n    from: rw@example.org\n    to: [me@example.org]\n    enabled: false"
    )).splitlines()]
    path = tmp_path / "config.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def serve(site: LocalSite, sentence: str) -> None:
    site.set("/tudum", PAGE.format(sentence=sentence))


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- status ---------------------------------------------------------------------------


def test_status_text_answers_is_it_working(tmp_path, site, recording, capsys):
    config = write_config(tmp_path, site)
    serve(site, DAY)
    code, _, err = cli(capsys, "check", "--config", str(config))
    assert code == 0, err
    assert "checked 2 sources" in err and "1 new alert;" in err

    code, out, err = cli(capsys, "status", "--config", str(config), "--utc")
    assert code == 0, err
    assert "Heartstopper Season 2: release date Friday 9 July 2027" in out
    assert f"evidence: {DAY}" in out
    assert "sources: Tudum" in out
    assert "Wednesday: no release date yet" in out
    assert "no date yet" not in out.replace("no release date yet", "")
    assert "source(s)" not in out
    # Gone: one failure is not FAILING; its next check is its interval after the last.
    assert re.search(r"Gone: 1 failure\n", out)
    assert "FAILING" not in out
    checked = re.search(
        r"Gone: .*\n    last checked  (\S+ \S+) UTC\n    next check    (\S+ \S+) UTC", out
    )
    assert checked, out
    last, following = (datetime.fromisoformat(t) for t in checked.groups())
    assert following - last == timedelta(hours=1)
    assert not re.search(r"\d\d:\d\d:\d\d\.\d", out)  # no microseconds
    assert "last error    HTTP 404" in out


def test_failing_only_once_alert_after_is_reached(tmp_path, site, recording, capsys):
    config = write_config(tmp_path, site, alert_after=2)
    serve(site, DAY)
    for expected in ("Gone: 1 failure\n", "Gone: FAILING (2 failures in a row)"):
        assert cli(capsys, "check", "--config", str(config))[0] == 0
        code, out, _ = cli(capsys, "status", "--config", str(config))
        assert expected in out


def test_status_shows_local_time_unless_utc(tmp_path, site, recording, capsys, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        config = write_config(tmp_path, site)
        serve(site, DAY)
        cli(capsys, "check", "--config", str(config))
        assert " IST" in cli(capsys, "status", "--config", str(config))[1]
        assert " IST" not in cli(capsys, "status", "--config", str(config), "--utc")[1]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


# -- history --------------------------------------------------------------------------


def test_history_is_short_matches_aliases_and_has_no_internal_fields(
    tmp_path, site, recording, capsys
):
    config = write_config(tmp_path, site)
    serve(site, DAY)
    cli(capsys, "check", "--config", str(config))
    code, out, err = cli(capsys, "history", "--config", str(config), "--watch", "Heartstopper S2")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2, out  # the alert, and where it went
    assert "release_date.announced" in lines[0] and "[id " in lines[0]
    assert lines[1].startswith("    sent: recorder ")

    code, out, _ = cli(capsys, "history", "--config", str(config), "--json")
    [entry] = json.loads(out)["alerts"]
    assert "extra" not in entry["alert"]
    [delivery] = entry["deliveries"]
    assert set(delivery) == {"notifier", "status", "attempts", "next_attempt_at"}
    [attempt] = delivery["attempts"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", attempt["at"])

    code, _, err = cli(capsys, "history", "--config", str(config), "--watch", "Lupin")
    assert code == 1 and "no watch 'Lupin'" in err and "Heartstopper Season 2" in err


def test_history_shows_the_next_try_of_a_pending_delivery(tmp_path, site, recording, capsys):
    from support import RecordingNotifier

    from notifiers.base import TransientError

    class Down(RecordingNotifier):
        type_name = "down"

        def send(self, alert):
            raise TransientError("HTTP 503")

    import notifiers

    notifiers.register(Down)
    try:
        config = write_config(tmp_path, site, notifiers="  - name: hook\n    type: down")
        serve(site, DAY)
        cli(capsys, "check", "--config", str(config))
        code, out, err = cli(capsys, "history", "--config", str(config))
    finally:
        notifiers.NOTIFIER_TYPES.pop("down", None)
    assert code == 0, err
    assert "hook: pending, next try " in out and "(1 attempt so far)" in out
    assert "failed: HTTP 503" in out


# -- reading commands need no secrets ---------------------------------------------------


def test_reading_commands_work_without_the_notifiers_variables(
    tmp_path, site, recording, capsys, monkeypatch
):
    notifiers = (
        "  - name: recorder\n    type: recording\n"
        "  - name: discord\n    type: discord\n    url: ${RW_TEST_DISCORD}\n"
    )
    config = write_config(tmp_path, site, notifiers=notifiers)
    monkeypatch.setenv("RW_TEST_DISCORD", "http://127.0.0.1:9/hook")
    serve(site, DAY)
    assert cli(capsys, "check", "--config", str(config))[0] == 0
    monkeypatch.delenv("RW_TEST_DISCORD")
    for argv in (["status"], ["history"], ["facts"], ["list"], ["validate", "--no-env"],
                 ["calendar", "-o", str(tmp_path / "r.ics")]):
        code, out, err = cli(capsys, *argv, "--config", str(config))
        assert code == 0, (argv, err)
        assert "RW_TEST_DISCORD" not in err
    code, _, err = cli(capsys, "validate", "--config", str(config))
    assert code == 1 and "environment variable RW_TEST_DISCORD is not set" in err
    code, out, _ = cli(capsys, "status", "--config", str(config))
    assert "discord (discord)" in out


def test_validate_no_env_still_checks_what_does_not_need_the_variable(tmp_path, site, capsys):
    notifiers = "  - name: discord\n    type: discord\n    url: ${RW_TEST_DISCORD}\n    colour: 3\n"
    config = write_config(tmp_path, site, notifiers=notifiers)
    code, _, err = cli(capsys, "validate", "--no-env", "--config", str(config))
    assert code == 1 and "colour: unknown key" in err and "RW_TEST_DISCORD" not in err


# -- list -------------------------------------------------------------------------------


def test_list_shows_watches_and_sources(tmp_path, site, recording, capsys):
    config = write_config(tmp_path, site, notify="[recorder]")
    code, out, err = cli(capsys, "list", "--config", str(config))
    assert code == 0, err
    assert "Heartstopper Season 2\n    aliases: Heartstopper S2\n" in out
    assert "alerts: release date, trailer" in out and "notify: recorder" in out
    assert "Tudum (auto, every 30m): not checked yet; due at the first check" in out
    assert "next check at the next check" not in out
    assert "Gone (auto, every 1h)" in out
    serve(site, DAY)
    cli(capsys, "check", "--config", str(config))
    out = cli(capsys, "list", "--config", str(config), "--utc")[1]
    assert re.search(r"Tudum \(auto, every 30m\): ok; next check \S+ \S+ UTC", out)
    assert "Gone (auto, every 1h): 1 failure" in out


# -- routing ----------------------------------------------------------------------------


def test_a_watch_alerts_only_its_notifiers_and_health_alerts_go_to_all(
    tmp_path, site, recording, capsys
):
    notifiers = "  - name: a\n    type: recording\n  - name: b\n    type: recording\n"
    config = write_config(tmp_path, site, notify="[b]", alert_after=1, notifiers=notifiers)
    serve(site, DAY)
    assert cli(capsys, "check", "--config", str(config))[0] == 0
    history = json.loads(cli(capsys, "history", "--config", str(config), "--json")[1])["alerts"]
    routes = {e["alert"]["event"]: sorted(d["notifier"] for d in e["deliveries"])
              for e in history}
    assert routes == {"release_date.announced": ["b"], "source.failing": ["a", "b"]}


def test_validate_rejects_an_unknown_notifier_name_with_its_line(
    tmp_path, site, recording, capsys
):
    config = write_config(tmp_path, site, notify="[recorder, discrod]")
    code, _, err = cli(capsys, "validate", "--config", str(config))
    line = config.read_text().splitlines().index("    notify: [recorder, discrod]") + 1
    assert code == 1
    assert f"config.yaml:{line}: watches[0].notify: no notifier named 'discrod'" in err
    assert "the notifiers are: recorder, mail" in err


# -- the release calendar ---------------------------------------------------------------


def events(path: Path) -> list:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_the_calendar_follows_the_date_with_one_uid_per_watch(tmp_path, site, recording, capsys):
    from datetime import date

    config = write_config(tmp_path, site, "calendar: releases.ics")
    ics = tmp_path / "releases.ics"
    serve(site, SUMMER)
    assert cli(capsys, "check", "--config", str(config))[0] == 0
    [window] = events(ics)
    assert window.decoded("dtstart") == date(2027, 6, 1)
    assert window.decoded("dtend") == date(2027, 9, 1)  # exclusive: the whole of August
    assert str(window["summary"]) == "Heartstopper Season 2: release window (summer 2027)"
    assert SUMMER in str(window["description"]) and "Tudum" in str(window["description"])

    serve(site, DAY)
    assert cli(capsys, "check", "--config", str(config))[0] == 0
    [day] = events(ics)
    assert str(day["uid"]) == str(window["uid"])
    assert day.decoded("dtstart") == date(2027, 7, 9)
    assert day.decoded("dtend") == date(2027, 7, 10)
    assert str(day["summary"]) == "Heartstopper Season 2: release"
    assert not list(tmp_path.glob(".releases.ics.*"))  # the temporary file was renamed

    out = tmp_path / "other.ics"
    code, _, err = cli(capsys, "calendar", "--config", str(config), "-o", str(out))
    assert code == 0, err
    assert [str(e["uid"]) for e in events(out)] == [str(window["uid"])]
    code, _, err = cli(capsys, "calendar", "--config", str(config), "-o",
                      str(tmp_path / "missing" / "x.ics"))  # /nonexistent may exist
    assert code == 1 and "its folder does not exist" in err


def test_the_calendar_writes_through_a_link_and_into_a_pipe(tmp_path, site, recording, capsys):
    # A calendar file linked into a synced or served folder stays a link to it, and
    # `-o /dev/stdout` or a FIFO is written, not replaced: the atomic rename swapped each
    # for a plain file (as root, /dev/stdout and /dev/full were gone for the whole machine).
    import os
    import threading

    shared = tmp_path / "synced"
    shared.mkdir()
    (shared / "releases.ics").write_text("old")
    (tmp_path / "releases.ics").symlink_to(shared / "releases.ics")
    config = write_config(tmp_path, site, "calendar: releases.ics")
    serve(site, SUMMER)
    assert cli(capsys, "check", "--config", str(config))[0] == 0
    assert (tmp_path / "releases.ics").is_symlink()
    assert len(events(shared / "releases.ics")) == 1
    assert not list(tmp_path.glob(".releases.ics.*")) and not list(shared.glob(".releases*"))

    link = tmp_path / "linked.ics"
    link.symlink_to(shared / "other.ics")  # a link to a file still to be made
    assert cli(capsys, "calendar", "--config", str(config), "-o", str(link))[0] == 0
    assert link.is_symlink() and len(events(shared / "other.ics")) == 1

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    try:
        code, _, err = cli(capsys, "calendar", "--config", str(config), "-o", str(pipe))
    finally:
        # (asked of the thread, not of `got`: the reader may have read everything and
        # not yet stored it, and opening a pipe nobody reads would wait for ever)
        reader.join(5)
        if reader.is_alive() and pipe.is_fifo():
            with open(pipe, "wb"):  # let the reader go: nothing was written into it
                pass
            reader.join(5)
    assert code == 0, err
    assert pipe.is_fifo() and got and b"BEGIN:VCALENDAR" in got[0]


def test_the_calendar_folder_must_exist(tmp_path, site, capsys):
    config = write_config(tmp_path, site, "calendar: nowhere/releases.ics")
    code, _, err = cli(capsys, "validate", "--config", str(config))
    assert code == 1 and "calendar: the folder" in err and "does not exist" in err


# -- previews ---------------------------------------------------------------------------

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>News</title><link>{base}</link>
<item><title>Other show renewed</title><link>{base}/other</link><guid>{base}/other</guid>
<description>Some other show was renewed today.</description></item>
<item><title>Heartstopper Season 2 date</title><link>{base}/hs2</link><guid>{base}/hs2</guid>
<description>Netflix confirmed that Heartstopper Season 2 premieres on 9 July 2027.</description>
</item></channel></rss>"""


def test_dry_run_shows_what_would_alert_and_writes_nothing(tmp_path, site, recording, capsys):
    config = write_config(tmp_path, site)
    serve(site, DAY)
    code, out, err = cli(capsys, "check", "--dry-run", "--source", "Tudum", "--config",
                         str(config))
    assert code == 0, err
    assert "would alert release_date.announced: Heartstopper Season 2: Friday 9 July 2027" in out
    assert f"evidence: {DAY}" in out and "from Tudum:" in out
    assert not (tmp_path / "state.db").exists() and recording == []
    assert "nothing was stored or sent" in err

    assert cli(capsys, "check", "--config", str(config))[0] == 0
    before = (tmp_path / "state.db").read_bytes()
    code, out, err = cli(capsys, "check", "--dry-run", "--config", str(config))
    assert "would only corroborate (already known): Heartstopper Season 2" in out
    assert "source 'Gone': failed: HTTP 404" in out
    assert "dry run: read 1 of 2 sources (1 failed)" in err  # not "read 2 sources"
    assert (tmp_path / "state.db").read_bytes() == before and len(recording) == 1


def test_dry_run_needs_no_notifier_secrets(tmp_path, site, recording, capsys):
    notifiers = "  - name: discord\n    type: discord\n    url: ${RW_TEST_DISCORD}\n"
    config = write_config(tmp_path, site, notifiers=notifiers)
    serve(site, DAY)
    code, out, err = cli(capsys, "check", "--dry-run", "--config", str(config))
    assert code == 0, err and "would alert" in out


def test_extract_reads_one_configured_source_and_names_feed_entries(
    tmp_path, site, recording, capsys
):
    config = write_config(tmp_path, site)
    site.set("/tudum", FEED.format(base=site.url("")), "application/rss+xml")
    code, out, err = cli(capsys, "extract", "--config", str(config), "--source", "Tudum")
    assert code == 0, err
    [finding] = json.loads(out)["findings"]
    assert finding["watch"] == "Heartstopper Season 2" and finding["date"] == "2027-07-09"
    assert finding["document"].endswith("/hs2")
    assert not (tmp_path / "state.db").exists()

    saved = tmp_path / "feed.xml"
    saved.write_text(FEED.format(base="https://news.example"))
    code, out, err = cli(capsys, "extract", "--title", "Heartstopper", "--season", "2",
                         str(saved))
    assert code == 0, err
    [finding] = json.loads(out)["findings"]
    assert finding["document"] == "https://news.example/hs2"

    code, _, err = cli(capsys, "extract", "--config", str(config), "--source", "Nope")
    assert code == 1 and "no source named 'Nope'" in err


def test_extract_explains_one_configured_source(tmp_path, site, recording, capsys):
    config = write_config(tmp_path, site)
    site.set("/tudum", FEED.format(base=site.url("")), "application/rss+xml")
    code, out, err = cli(capsys, "extract", "--config", str(config), "--source", "Tudum",
                         "--explain")
    assert code == 0, err
    explanation, _, findings = out.rpartition("findings: ")
    assert "== Heartstopper Season 2" in explanation
    assert "2027-07-09" in explanation and "CHOSEN" in explanation
    assert json.loads(findings)["findings"][0]["date"] == "2027-07-09"
    assert not (tmp_path / "state.db").exists()


def test_extract_select_reads_only_that_part_of_a_saved_page(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(sentence=DAY).replace(
        "</article>", "</article><main><p>Heartstopper Season 2 is in production.</p></main>"))
    argv = ["extract", "--title", "Heartstopper", "--season", "2"]
    assert json.loads(cli(capsys, *argv, str(page))[1])["findings"]
    code, out, err = cli(capsys, *argv, "--select", "main", str(page))
    assert code == 0, err and json.loads(out) == {"findings": []}
    code, _, err = cli(capsys, *argv, "--select", "main[", str(page))
    assert code == 1 and "--select" in err


# -- validate catches what it can ---------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("to: [me@example.org]", "to: [me]"), "to: 'me' is not an email address"),
        (("from: rw@example.org", "from: releasewatch"),
         "from: 'releasewatch' is not an email address"),
        (("    season: 2", "    season: 0"), "season: 0 must be 1 or more"),
        (("state: ", "state: nowhere/"), "does not exist; create it or fix the path"),
    ],
)
def test_validate_catches(tmp_path, site, recording, capsys, change, message):
    config = write_config(tmp_path, site)
    text = config.read_text().replace("    enabled: false\n", "")
    old, new = change
    if old == "state: ":
        text = text.replace(f"state: {tmp_path / 'state.db'}", "state: nowhere/state.db")
    else:
        text = text.replace(old, new)
    config.write_text(text)
    code, _, err = cli(capsys, "validate", "--no-env", "--config", str(config))
    assert code == 1 and message in err, err
    assert not (tmp_path / "nowhere").exists()


# -- user mistakes: one line, exit 1 -------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--log-level", "LOUD"], "releasewatch check: argument --log-level"),
        (["status", "--jsn"], "releasewatch status: unrecognized arguments: --jsn; did you "
                              "mean --json?"),
        (["extract", "--title", "X", "ftp://x/y"], "only http:// and https:// URLs"),
    ],
)
def test_user_mistakes_are_one_line(tmp_path, site, capsys, argv, message):
    config = write_config(tmp_path, site, notifiers="  - name: c\n    type: console")
    code, _, err = cli(capsys, *argv, *(["--config", str(config)] if argv[0] != "extract"
                                         else []))
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1, err


def test_config_mistakes_are_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(capsys, "status")
    assert code == 1 and "config.yaml: no such file; give its path with --config PATH" in err
    (tmp_path / "config.yaml").write_text("- watches\n- sources\n")
    code, _, err = cli(capsys, "validate")
    assert code == 1 and "(top level): must be a mapping of sections" in err
    assert ": :" not in err


# -- alert wording ------------------------------------------------------------------------


def test_alert_subjects_say_what_happened(monkeypatch):
    import time
    from datetime import UTC, datetime

    from support import make_alert

    from notifiers.text import alert_fields, alert_subject
    from scraper.models import CHANGED, SOURCE_FAILING, TRAILER_RELEASED

    trailer = make_alert(event=TRAILER_RELEASED, value={"url": "https://youtu.be/abcdefghijk"},
                         evidence="Heartstopper: Season 2 | Official Trailer | Netflix")
    assert alert_subject(trailer) == (
        "Heartstopper Season 2: Official Trailer released — https://youtu.be/abcdefghijk")
    teaser = make_alert(event=TRAILER_RELEASED, value={"url": "https://youtu.be/abcdefghijk"},
                        evidence="Heartstopper Season 2 teaser")
    assert alert_subject(teaser).startswith("Heartstopper Season 2: Teaser released — ")

    narrowed = make_alert(event=CHANGED, value={"date": "2027-07", "precision": "month"},
                          previous={"date": "2027-summer", "precision": "season"})
    assert alert_subject(narrowed) == (
        "Heartstopper Season 2: release date narrowed — July 2027 (was summer 2027)")
    moved = make_alert(event=CHANGED, value={"date": "2027-10", "precision": "month"},
                       previous={"date": "2027-summer", "precision": "season"})
    assert "release date changed — October 2027 (was summer 2027)" in alert_subject(moved)

    health = make_alert(event=SOURCE_FAILING, watch_title=None, watch_season=None, value=None,
                        evidence="Tudum has failed 5 checks in a row", source_name="Tudum")
    assert "Evidence" not in dict(alert_fields(health))
    assert dict(alert_fields(health))["Details"] == "Tudum has failed 5 checks in a row"

    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        local = make_alert(detected_at=datetime(2027, 7, 9, 10, 0, tzinfo=UTC))
        assert dict(alert_fields(local))["Detected"] == "2027-07-09 15:30 IST"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_name_that_cannot_be_resolved_is_said_in_words():
    # The exception urllib3 raises for a failed lookup, built here: a real lookup would
    # leave 127.0.0.1.
    import requests
    from urllib3.exceptions import MaxRetryError, NameResolutionError

    from notifiers.http import connection_reason

    cause = NameResolutionError("no-such-host.invalid", None, OSError("Name or service"))
    exc = requests.ConnectionError(MaxRetryError(None, "/hook", cause))
    assert connection_reason(exc).startswith("host name not found")


# -- the lock file --------------------------------------------------------------------------


def test_the_lock_file_goes_at_a_clean_stop(tmp_path, site, daemons):  # noqa: F811
    import signal

    config = write_config(tmp_path, site, "schedule:", "  jitter: 0s",
                          notifiers="  - name: c\n    type: console")
    serve(site, DAY)
    daemon = daemons(config)
    lock = tmp_path / "state.db.lock"
    # The daemon takes the lock, then writes its pid into the file: wait for both.
    wait_for(lambda: lock.exists() and lock.read_text().strip(), "the lock file's pid",
             daemon=daemon)
    assert lock.read_text().strip() == str(daemon.pid)
    daemon.wait_for_log("cycle")
    daemon.proc.send_signal(signal.SIGTERM)
    assert daemon.exit_code() == 0
    assert not lock.exists()


def test_a_lock_file_removed_by_its_owner_is_not_taken(tmp_path):
    import os

    from scraper.runtime.lock import InstanceLock

    first = InstanceLock(tmp_path / "state.db")
    first.acquire()
    stale = os.open(tmp_path / "state.db.lock", os.O_RDONLY)  # opened before the removal
    first.release()
    assert not (tmp_path / "state.db.lock").exists()
    second = InstanceLock(tmp_path / "state.db")
    second.acquire()  # a new file at the path, not the removed one
    try:
        assert os.fstat(stale).st_ino != os.stat(tmp_path / "state.db.lock").st_ino
    finally:
        os.close(stale)
        second.release()


def test_gitignore_ignores_the_lock_file():
    text = (Path(__file__).parent.parent / ".gitignore").read_text()
    assert "*.db.lock" in text.split()


@pytest.mark.parametrize(
    ("command", "example"),
    [
        ("status", "releasewatch status --utc"),
        ("history", 'releasewatch history --watch "Heartstopper S2"'),
        ("list", "releasewatch list"),
        ("calendar", "releasewatch calendar -o releases.ics"),
        ("check", 'releasewatch check --dry-run --source "Netflix Tudum"'),
        ("extract", 'releasewatch extract --config config.yaml --source "Netflix Tudum"'),
        ("extract", '--select "main article" saved-page.html'),
        ("validate", "releasewatch validate --no-env"),
    ],
)
def test_every_new_command_and_option_has_an_example_in_its_help(command, example, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert example in capsys.readouterr().out
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    assert f"releasewatch {command}" in readme


def test_each_attempt_is_stamped_when_it_was_made(tmp_path, site, recording, capsys):
    import time

    from support import RecordingNotifier

    import notifiers

    class Slow(RecordingNotifier):
        type_name = "slow"

        def send(self, alert):
            time.sleep(1.2)

    notifiers.register(Slow)
    try:
        config = write_config(tmp_path, site, alert_after=1,
                              notifiers="  - name: slow\n    type: slow")
        serve(site, DAY)
        assert cli(capsys, "check", "--config", str(config))[0] == 0
        out = cli(capsys, "history", "--config", str(config), "--json")[1]
    finally:
        notifiers.NOTIFIER_TYPES.pop("slow", None)
    stamps = sorted(
        datetime.fromisoformat(e["deliveries"][0]["attempts"][0]["at"].replace("Z", "+00:00"))
        for e in json.loads(out)["alerts"]
    )
    assert len(stamps) == 2 and stamps[1] - stamps[0] >= timedelta(seconds=1)


def test_history_says_why_a_due_delivery_waits(tmp_path, site, recording, capsys):
    # A notifier that fails holds its later alerts back until its retry: history showed
    # their "next try" as a time already past, which reads as stuck.
    from support import RecordingNotifier

    from notifiers.base import TransientError

    class Down(RecordingNotifier):
        type_name = "down"

        def send(self, alert):
            raise TransientError("HTTP 503")

    import notifiers

    notifiers.register(Down)
    try:
        config = write_config(tmp_path, site, notifiers="  - name: hook\n    type: down")
        serve(site, DAY + ' Watch the official trailer: '
              '<iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe>')
        cli(capsys, "check", "--config", str(config))
        code, out, err = cli(capsys, "history", "--config", str(config))
    finally:
        notifiers.NOTIFIER_TYPES.pop("down", None)
    assert code == 0, err
    assert out.count("hook: pending") == 2, out
    assert "hook: pending, next try " in out and "(1 attempt so far)" in out
    assert "hook: pending, queued behind an earlier alert to it, retrying " in out
    # The notifier gone from the config: its deliveries are held, and history says so.
    config.write_text(config.read_text().replace("name: hook\n    type: down",
                                                 "name: recorder\n    type: recording"))
    out = cli(capsys, "history", "--config", str(config))[1]
    assert out.count("held: no enabled notifier of that name in the config") == 2, out
