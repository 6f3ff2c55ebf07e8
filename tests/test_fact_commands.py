"""Facts a user can trust and correct: `facts`, `reject`, `forget`, `redeliver`, stale
dates, article links, and `run` deciding exactly as `check` does. Real SQLite files,
a real local site, the real CLI."""

from __future__ import annotations

import json
import signal
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from support import RecordingNotifier
from test_daemon import HOOK, Receiver, daemons, wait_for  # noqa: F401 - a fixture
from test_timeline import EXPECTED, describe, serve_snapshot, sort_key
from test_timeline import write_config as write_timeline_config

from scraper.cli.main import main
from scraper.demo.localsite import LocalSite, Page
from scraper.facts import KnownFacts, Observation, diff_findings
from scraper.models import ANNOUNCED, CHANGED, RELEASE_DATE, Finding
from scraper.store.state import State

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta property="article:published_time" content="{published}">
<title>{headline}</title></head>
<body><article><h1>{headline}</h1><p>{sentence}</p></article></body></html>"""


def page(sentence: str, published: str = "2026-11-20T10:00:00Z") -> Page:
    return Page(
        PAGE.format(
            sentence=sentence, published=published, headline="Heartstopper Season 2 news"
        ).encode()
    )


# Where this test's state lives: every test here runs on SQLite and on PostgreSQL.
STATE_AT: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _on_each_backend(backend):
    STATE_AT["location"] = backend
    yield
    STATE_AT.clear()


def config_for(tmp_path: Path, site: LocalSite, sources: dict[str, str]) -> Path:
    lines = [f"state: {STATE_AT['location']}", "http:", "  timeout: 2s",
             "  per_host_delay: 0s", "watches:", "  - title: Heartstopper", "    season: 2",
             "    aliases: [Heartstopper S2]", "sources:"]
    for name, path in sources.items():
        lines += [f"  - name: {name}", f"    url: {site.url(path)}"]
    lines += ["notifiers:", "  - name: recorder", "    type: recording"]
    config = tmp_path / "config.yaml"
    config.write_text("\n".join(lines) + "\n")
    return config


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def facts_json(capsys, config: Path) -> list[dict]:
    code, out, err = run(capsys, "facts", "--config", str(config), "--json")
    assert code == 0, err
    [watch] = json.loads(out)["watches"]
    return watch["facts"]


def day(value: str) -> Finding:
    return Finding(RELEASE_DATE, "e", value, "day")


# -- the rules: a stale fact does not block the truth --------------------------------------


def test_a_later_date_replaces_a_current_date_that_has_passed_whatever_its_precision():
    stale = day("2026-12-01")
    later = Finding(RELEASE_DATE, "summer", "2027-summer", "season")
    diff = diff_findings(KnownFacts(stale, frozenset({stale.value_key})),
                         [Observation(later, "https://a")], date(2026, 12, 3))
    [fact] = diff.new_facts
    assert fact.event == CHANGED and fact.becomes_current and fact.previous == stale


def test_a_less_precise_date_still_does_not_replace_a_current_date_ahead():
    current = day("2027-07-09")
    diff = diff_findings(KnownFacts(current, frozenset({current.value_key})),
                         [Observation(Finding(RELEASE_DATE, "e", "2027", "year"), "https://a")],
                         date(2026, 12, 3))
    assert [f.event for f in diff.new_facts] == [None]


def test_a_past_date_never_replaces_a_current_date_ahead():
    current = Finding(RELEASE_DATE, "summer", "2027-summer", "season")
    diff = diff_findings(KnownFacts(current, frozenset({current.value_key})),
                         [Observation(day("2026-12-01"), "https://a")], date(2026, 12, 3))
    assert [f.event for f in diff.new_facts] == [None]


def test_in_one_batch_a_date_ahead_beats_a_more_precise_one_that_has_passed():
    diff = diff_findings(
        KnownFacts(),
        [Observation(day("2026-12-01"), "https://stamp"),
         Observation(Finding(RELEASE_DATE, "summer", "2027-summer", "season"), "https://news")],
        date(2026, 12, 3),
    )
    announced = [f for f in diff.new_facts if f.event == ANNOUNCED]
    assert [f.finding.date for f in announced] == ["2027-summer"]


# -- facts, reject, forget ------------------------------------------------------------------


def test_facts_lists_ids_values_evidence_and_sources_by_name(tmp_path, site, recording, capsys):
    site.pages["/tudum"] = page("Netflix confirmed that Heartstopper Season 2 arrives on "
                                "3 August 2027.")
    site.pages["/trade"] = page("Heartstopper Season 2 premieres August 3, 2027, Netflix said.")
    config = config_for(tmp_path, site, {"Netflix Tudum": "/tudum", "Trade": "/trade"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    [fact] = facts_json(capsys, config)
    assert fact["status"] == "current" and fact["value"] == {"date": "2027-08-03",
                                                             "precision": "day"}
    assert fact["id"] > 0 and fact["evidence"] and fact["first_seen_at"]
    assert {s["name"] for s in fact["sources"]} == {"Netflix Tudum", "Trade"}
    code, out, _ = run(capsys, "facts", "--config", str(config), "--watch", "heartstopper s2")
    assert code == 0
    assert f"#{fact['id']}" in out and "Tuesday 3 August 2027" in out
    assert "Netflix Tudum" in out
    # Times read as in status and history: "2026-12-03 11:31:04 UTC" with --utc, not ISO.
    seen = datetime.fromisoformat(fact["first_seen_at"].replace("Z", "+00:00"))
    out = run(capsys, "facts", "--config", str(config), "--utc")[1]
    assert f"first seen {seen:%Y-%m-%d %H:%M:%S} UTC" in out


def test_facts_of_an_unknown_watch_is_a_user_error(tmp_path, site, recording, capsys):
    site.pages["/tudum"] = page("Nothing yet.")
    config = config_for(tmp_path, site, {"Netflix Tudum": "/tudum"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    code, _, err = run(capsys, "facts", "--config", str(config), "--watch", "Squid Game")
    assert code == 1 and "no watch 'Squid Game'" in err and "Heartstopper Season 2" in err


def test_a_rejected_date_stops_being_current_and_never_comes_back(
    tmp_path, site, recording, capsys
):
    site.pages["/a"] = page("Netflix confirmed Heartstopper Season 2 will premiere in "
                            "summer 2027.")
    site.pages["/b"] = page("Heartstopper Season 2 now arrives on 9 July 2027, Netflix said.")
    config = config_for(tmp_path, site, {"A": "/a"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    config = config_for(tmp_path, site, {"A": "/a", "B": "/b"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    assert [a.event for a in RecordingNotifier.received] == [ANNOUNCED, CHANGED]
    wrong = next(f for f in facts_json(capsys, config) if f["status"] == "current")
    assert wrong["value"]["date"] == "2027-07-09"

    code, out, err = run(capsys, "reject", str(wrong["id"]), "--config", str(config), "--notify")
    assert code == 0, err
    assert "current release date again: summer 2027" in out
    statuses = {f["value"]["date"]: f["status"] for f in facts_json(capsys, config)}
    assert statuses == {"2027-summer": "current", "2027-07-09": "rejected"}

    # The correction reaches every notifier through the outbox.
    assert run(capsys, "check", "--config", str(config))[0] == 0
    corrected = RecordingNotifier.received[-1]
    assert corrected.event == "release_date.corrected"
    assert corrected.previous == {"date": "2027-07-09", "precision": "day"}
    assert corrected.value == {"date": "2027-summer", "precision": "season"}
    assert corrected.to_json()["event"] == "release_date.corrected"
    # history says what was corrected, and what a change was from.
    code, out, err = run(capsys, "history", "--config", str(config))
    assert "release_date.corrected  Heartstopper Season 2  summer 2027 (was Friday 9 July" in out
    assert "release_date.changed  Heartstopper Season 2  Friday 9 July 2027 (was summer" in out

    # Another source repeating the rejected value changes nothing.
    site.pages["/c"] = page("Heartstopper Season 2 lands 9 July 2027.")
    config = config_for(tmp_path, site, {"A": "/a", "B": "/b", "C": "/c"})
    count = len(RecordingNotifier.received)
    # A dry run says why it would not alert: the user's rejection, not "already known".
    code, out, err = run(capsys, "check", "--config", str(config), "--dry-run")
    assert code == 0, err
    refused = "would not alert (a value you rejected): Heartstopper Season 2: Friday 9 July 2027"
    assert refused in out
    assert "would alert" not in out
    assert run(capsys, "check", "--config", str(config))[0] == 0
    assert len(RecordingNotifier.received) == count
    statuses = {f["value"]["date"]: f["status"] for f in facts_json(capsys, config)}
    assert statuses["2027-summer"] == "current" and statuses["2027-07-09"] == "rejected"


def test_rejecting_a_superseded_date_keeps_the_current_one_in_the_correction(
    tmp_path, site, recording, capsys
):
    # The correction said "no date known" while 9 July 2027 was still current; and a
    # second `reject --notify` of the same fact sent a second correction.
    site.pages["/a"] = page("Netflix confirmed Heartstopper Season 2 will premiere in "
                            "summer 2027.")
    site.pages["/b"] = page("Heartstopper Season 2 now arrives on 9 July 2027, Netflix said.")
    config = config_for(tmp_path, site, {"A": "/a"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    config = config_for(tmp_path, site, {"A": "/a", "B": "/b"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    old = next(f for f in facts_json(capsys, config) if f["status"] == "superseded")

    code, out, err = run(capsys, "reject", str(old["id"]), "--config", str(config), "--notify")
    assert code == 0, err
    assert run(capsys, "check", "--config", str(config))[0] == 0
    corrected = RecordingNotifier.received[-1]
    assert corrected.event == "release_date.corrected"
    assert corrected.previous == {"date": "2027-summer", "precision": "season"}
    assert corrected.value == {"date": "2027-07-09", "precision": "day"}
    assert corrected.evidence.endswith("The release date is still Friday 9 July 2027.")

    count = len(RecordingNotifier.received)
    code, out, err = run(capsys, "reject", str(old["id"]), "--config", str(config), "--notify")
    assert code == 0, err
    assert "already rejected" in out and "queued" not in out
    assert run(capsys, "check", "--config", str(config))[0] == 0
    assert len(RecordingNotifier.received) == count


def refuse_alerts(location: str) -> None:
    """Make every write of an alert fail in the state itself (as a full disk or a killed
    process would, between two statements): a real failure of the real database."""
    if location.startswith("postgresql"):
        import psycopg

        with psycopg.connect(location, autocommit=True) as conn:
            conn.execute("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN"
                         " RAISE EXCEPTION 'cannot write'; END $$ LANGUAGE plpgsql")
            conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON alerts"
                         " FOR EACH ROW EXECUTE FUNCTION refuse()")
    else:
        import sqlite3

        with sqlite3.connect(location) as conn:
            conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON alerts"
                         " BEGIN SELECT RAISE(ABORT, 'cannot write'); END")


def allow_alerts(location: str) -> None:
    if location.startswith("postgresql"):
        import psycopg

        with psycopg.connect(location, autocommit=True) as conn:
            conn.execute("DROP TRIGGER refuse ON alerts")
    else:
        import sqlite3

        with sqlite3.connect(location) as conn:
            conn.execute("DROP TRIGGER refuse")


def test_a_reject_whose_correction_cannot_be_written_rejects_nothing(
    tmp_path, site, recording, capsys
):
    # SPEC: a fact's change and its alerts are written together; a crash loses no
    # alert. The rejection was committed before its correction was written: a failure
    # between the two left the fact rejected with no correction queued, and `reject
    # --notify` again answered "already rejected; nothing sent" -- the correction lost.
    site.pages["/a"] = page("Heartstopper Season 2 now arrives on 9 July 2027, Netflix said.")
    config = config_for(tmp_path, site, {"A": "/a"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    [fact] = facts_json(capsys, config)

    refuse_alerts(STATE_AT["location"])
    code, out, err = run(capsys, "reject", str(fact["id"]), "--config", str(config), "--notify")
    assert code == 2, (out, err)
    allow_alerts(STATE_AT["location"])
    assert [f["status"] for f in facts_json(capsys, config)] == ["current"]

    code, out, err = run(capsys, "reject", str(fact["id"]), "--config", str(config), "--notify")
    assert code == 0 and "queued" in out, (out, err)
    assert run(capsys, "check", "--config", str(config))[0] == 0
    assert [a.event for a in RecordingNotifier.received] == [ANNOUNCED, "release_date.corrected"]


def test_rejecting_an_unknown_fact_is_a_user_error(tmp_path, site, recording, capsys):
    site.pages["/a"] = page("Nothing yet.")
    config = config_for(tmp_path, site, {"A": "/a"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    code, _, err = run(capsys, "reject", "999", "--config", str(config))
    assert code == 1 and "no fact #999" in err
    # An id past a database integer (a pasted alert id's digits, a typo) is no fact
    # either: it was 'internal error: OverflowError ...', exit 2.
    code, _, err = run(capsys, "reject", "9" * 25, "--config", str(config))
    assert code == 1 and f"no fact #{'9' * 25}" in err and "internal" not in err, err


def test_forget_makes_the_next_check_alert_as_if_new(tmp_path, site, recording, capsys):
    site.pages["/a"] = page("Heartstopper Season 2 arrives on 3 August 2027, Netflix said.")
    config = config_for(tmp_path, site, {"A": "/a"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    assert run(capsys, "check", "--config", str(config))[0] == 0
    assert [a.event for a in RecordingNotifier.received] == [ANNOUNCED]
    code, out, _ = run(capsys, "forget", "Heartstopper Season 2", "--config", str(config))
    assert code == 0 and "forgot 1 fact of" in out
    assert run(capsys, "check", "--config", str(config))[0] == 0
    assert [a.event for a in RecordingNotifier.received] == [ANNOUNCED, ANNOUNCED]


def test_a_watch_removed_from_the_config_can_still_be_listed_and_forgotten(
    tmp_path, site, recording, capsys
):
    # Facts are kept for ever; once the watch left config.yaml, `forget` answered
    # "no watch 'Heartstopper Season 2'" and they could not be cleared.
    site.pages["/a"] = page("Heartstopper Season 2 arrives on 3 August 2027, Netflix said.")
    config = config_for(tmp_path, site, {"A": "/a"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    config.write_text(config.read_text().replace(
        "  - title: Heartstopper\n    season: 2\n    aliases: [Heartstopper S2]\n",
        "  - title: Wednesday\n"))
    code, out, err = run(capsys, "facts", "--config", str(config), "--watch",
                         "Heartstopper Season 2")
    assert code == 0, err
    assert "Tuesday 3 August 2027" in out
    assert out.startswith("Heartstopper Season 2\n"), out  # as written, not case-folded
    code, out, err = run(capsys, "forget", "heartstopper", "--config", str(config))
    assert code == 0, err
    assert "forgot 1 fact of Heartstopper Season 2 (no longer in config.yaml)" in out
    assert run(capsys, "facts", "--config", str(config))[1] == "no facts yet\n"
    code, _, err = run(capsys, "forget", "Lupin", "--config", str(config))
    assert code == 1 and "no watch 'Lupin'" in err


def test_history_finds_a_watch_removed_from_the_config_by_its_title(
    tmp_path, site, recording, capsys
):
    # Alerts are kept after the watch leaves config.yaml; `history --watch` answered
    # "no watch ..." for them, and named the watch in lower case where it did find one.
    site.pages["/a"] = page("Heartstopper Season 2 arrives on 3 August 2027, Netflix said.")
    config = config_for(tmp_path, site, {"A": "/a"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    config.write_text(config.read_text().replace(
        "  - title: Heartstopper\n    season: 2\n    aliases: [Heartstopper S2]\n",
        "  - title: Wednesday\n"))
    code, out, err = run(capsys, "history", "--config", str(config), "--watch",
                         "heartstopper season 2", "--json")
    assert code == 0, err
    [entry] = json.loads(out)["alerts"]
    assert entry["alert"]["watch"]["title"] == "Heartstopper"
    code, out, err = run(capsys, "history", "--config", str(config), "--watch", "Wednesday")
    assert code == 0 and out == "no alerts yet for Wednesday\n", (out, err)
    code, _, err = run(capsys, "history", "--config", str(config), "--watch", "Lupin")
    assert code == 1 and "no watch 'Lupin'" in err


def test_redeliver_puts_a_given_up_delivery_back(tmp_path, site, recording, capsys):
    site.pages["/a"] = page("Heartstopper Season 2 arrives on 3 August 2027, Netflix said.")
    config = config_for(tmp_path, site, {"A": "/a"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    [alert] = RecordingNotifier.received
    state = State(STATE_AT["location"])
    state._execute(
        "UPDATE deliveries SET status = 'failed', attempts = 8 WHERE alert_id = ?", (alert.id,)
    )
    state.close()
    code, out, err = run(capsys, "redeliver", alert.id, "--config", str(config))
    assert code == 0, err
    assert "recorder" in out
    assert run(capsys, "check", "--config", str(config))[0] == 0
    assert [a.id for a in RecordingNotifier.received] == [alert.id, alert.id]
    code, _, err = run(capsys, "redeliver", alert.id, "--config", str(config))
    assert code == 1 and "no given-up delivery" in err
    code, _, err = run(capsys, "redeliver", "nope", "--config", str(config))
    assert code == 1 and "no alert 'nope'" in err


def test_redeliver_takes_the_first_digits_of_an_alert_id(tmp_path, site, recording, capsys):
    # The help's example is `redeliver 3f2a9c...`: a user copies the start of the id.
    site.pages["/a"] = page("Heartstopper Season 2 arrives on 3 August 2027, Netflix said.")
    config = config_for(tmp_path, site, {"A": "/a"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    [alert] = RecordingNotifier.received
    state = State(STATE_AT["location"])
    state._execute("UPDATE deliveries SET status = 'failed' WHERE alert_id = ?", (alert.id,))
    state.close()
    code, out, err = run(capsys, "redeliver", alert.id[:8].upper(), "--config", str(config))
    assert code == 0 and "recorder" in out, err
    code, _, err = run(capsys, "redeliver", alert.id[:3], "--config", str(config))
    assert code == 1 and "no alert" in err  # too short to name one


# -- alerts link the news -----------------------------------------------------------------

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>TV news</title>
<item><title>Heartstopper Season 2 date set</title><link>{link}</link><guid>{link}</guid>
<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate>
<description>Netflix confirmed that Heartstopper Season 2 arrives on 3 August 2027.
</description></item></channel></rss>"""


def test_a_feed_entry_alert_links_its_article_with_the_feed_beside_it(
    tmp_path, site, recording, capsys
):
    article = "https://news.example/tv/heartstopper-season-2-date"
    site.set("/feed.xml", FEED.format(link=article).encode(), "application/rss+xml")
    config = config_for(tmp_path, site, {"TV news": "/feed.xml"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    [alert] = RecordingNotifier.received
    body = alert.to_json()
    assert body["source"] == article
    assert body["feed"] == site.url("/feed.xml")
    assert body["source_name"] == "TV news"
    [fact] = facts_json(capsys, config)
    assert fact["sources"] == [{"name": "TV news", "url": site.url("/feed.xml"),
                                "link": article}]


TWO_ENTRIES = """<?xml version="1.0"?><rss version="2.0"><channel><title>TV news</title>
<item><title>Heartstopper Season 2 date set</title><link>{date}</link><guid>{date}</guid>
<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate>
<description>Netflix confirmed that Heartstopper Season 2 arrives on 3 August 2027.
</description></item>
<item><title>Heartstopper Season 2 official trailer</title><link>{trailer}</link>
<guid>{trailer}</guid><pubDate>Fri, 20 Nov 2026 11:00:00 GMT</pubDate>
<description>Watch the Heartstopper Season 2 official trailer:
&lt;iframe src="https://www.youtube.com/embed/gO7tEaSr2k4"&gt;&lt;/iframe&gt;
</description></item></channel></rss>"""


def test_each_fact_from_one_feed_links_the_entry_it_was_read_in(
    tmp_path, site, recording, capsys
):
    # The date and the trailer came from two entries of one feed, and `facts` gave both
    # the date's article: the link was kept per source, not per fact.
    date_article = "https://news.example/tv/heartstopper-season-2-date"
    trailer_article = "https://news.example/tv/heartstopper-season-2-trailer"
    site.set("/feed.xml", TWO_ENTRIES.format(date=date_article, trailer=trailer_article).encode(),
             "application/rss+xml")
    config = config_for(tmp_path, site, {"TV news": "/feed.xml"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    sent = {a.event: a.to_json()["source"] for a in RecordingNotifier.received}
    assert sent == {"release_date.announced": date_article, "trailer.released": trailer_article}
    links = {fact["kind"]: [s["link"] for s in fact["sources"]]
             for fact in facts_json(capsys, config)}
    assert links == {"release_date": [date_article], "trailer": [trailer_article]}


# -- run and check send the same alerts ------------------------------------------------------


def alerts_by_check(tmp_path: Path, site: LocalSite, capsys) -> list[list[dict]]:
    tmp_path.mkdir()
    config = write_timeline_config(tmp_path, site)
    per_snapshot = []
    for snapshot in EXPECTED["snapshots"]:
        serve_snapshot(site, snapshot["id"])
        RecordingNotifier.received.clear()
        assert main(["check", "--config", str(config)]) == 0
        capsys.readouterr()
        per_snapshot.append(sorted((describe(a, site) for a in RecordingNotifier.received),
                                   key=sort_key))
    return per_snapshot


def test_run_sends_the_same_alerts_as_check_over_the_timeline(
    tmp_path, site, recording, daemons, capsys  # noqa: F811 - the daemons fixture
):
    by_check = alerts_by_check(tmp_path / "check", site, capsys)

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    run_site = LocalSite()
    run_site.start()
    try:
        receiver = Receiver(run_site)
        names = {name: "/" + name for name in EXPECTED["sources"]}
        config = write_timeline_config(run_dir, run_site)
        text = config.read_text().split("notifiers:")[0]
        config.write_text(
            text.replace("http:\n", "schedule:\n  interval: 3s\n  jitter: 0s\nhttp:\n"
                         "  respect_robots: false\n")
            + f"notifiers:\n  - name: hook\n    type: webhook\n    url: {run_site.url(HOOK)}\n"
        )
        by_run = []
        serve_snapshot(run_site, EXPECTED["snapshots"][0]["id"])
        daemon = daemons(config)
        for number, snapshot in enumerate(EXPECTED["snapshots"]):
            if number:
                serve_snapshot(run_site, snapshot["id"])
            seen = len(receiver.bodies)
            cycles = daemon.log().count("cycle ")
            # The next batch after the change: every source checked once more.
            wait_for(lambda c=cycles: daemon.log().count("cycle ") >= c + 2 * len(names),
                     "two more batches", 30, daemon)
            time.sleep(0.5)  # deliveries of the batch
            by_run.append(sorted(
                (describe_body(b) for b in receiver.bodies[seen:]), key=sort_key))
        daemon.proc.send_signal(signal.SIGTERM)
        assert daemon.exit_code() == 0
    finally:
        run_site.stop()
    assert by_run == by_check


def describe_body(body: dict) -> dict:
    source = (body.get("feed") or body["source"]).rsplit("/", 1)[-1]
    if body["event"] == "trailer.released":
        return {"kind": "trailer", "url": body["value"]["url"], "source": source}
    return {"kind": "release_date", "date": body["value"]["date"],
            "precision": body["value"]["precision"], "source": source,
            "previous": body["previous"]["date"] if body["previous"] else None}


def test_last_cycle_at_is_written_by_the_shared_cycle(tmp_path, site, recording, capsys):
    site.pages["/a"] = page("Nothing yet.")
    config = config_for(tmp_path, site, {"A": "/a"})
    before = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    assert run(capsys, "check", "--config", str(config), "--source", "A")[0] == 0
    state = State(STATE_AT["location"], read_only=True)
    stamp = state.get_meta("last_cycle_at")
    state.close()
    assert stamp[:19] >= before


def test_facts_and_status_keep_scraped_escape_sequences_off_the_terminal(
    tmp_path, site, recording, capsys
):
    site.pages["/a"] = page("Heartstopper Season 2 arrives on 3 August 2027, Netflix said."
                            " \x1b]0;PWNED\x07\x1b[2J")
    config = config_for(tmp_path, site, {"A": "/a"})
    assert run(capsys, "check", "--config", str(config))[0] == 0
    for command in ("facts", "status"):
        code, out, err = run(capsys, command, "--config", str(config))
        assert code == 0, err
        assert "3 August 2027" in out
        assert "\x1b" not in out and "\x07" not in out
