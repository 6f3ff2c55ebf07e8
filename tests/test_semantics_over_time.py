"""Alert semantics over time: scenarios of several checks against a local site whose pages
and feeds change between checks, on a real state file, with the clock passed in. Each test
reads like SPEC.md's "What is a finding, what is an alert"."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scraper.config.settings import load_config
from scraper.cycle import check_sources
from scraper.demo.localsite import LocalSite
from scraper.fetch.fetcher import Fetcher
from scraper.store.state import State

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta property="article:published_time" content="{published}T10:00:00Z">
<title>Heartstopper Season 2 news</title></head>
<body><article><h1>Heartstopper Season 2 news</h1><p>{text}</p></article></body></html>"""

RSS = "application/rss+xml"


def page(text: str, published: str) -> str:
    return PAGE.format(text=text, published=published)


def item(guid: str, title: str, text: str, published: str) -> str:
    return (f"<item><title>{title}</title><link>https://news.example/{guid}</link>"
            f"<guid>{guid}</guid><pubDate>{published}</pubDate>"
            f"<description>{text}</description></item>")


def feed(*items: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
            "<link>https://news.example/</link><description>TV news</description>"
            + "".join(items) + "</channel></rss>").encode()


def day(year: int, month: int, dom: int) -> datetime:
    return datetime(year, month, dom, 12, tzinfo=UTC)


class Story:
    """A config of watches and sources on `site`, and checks of it at a given time."""

    def __init__(self, tmp_path: Path, site: LocalSite, sources: tuple[str, ...],
                 watches: str = "  - title: Heartstopper\n    season: 2\n",
                 state: str | None = None):
        lines = [f"state: {state or tmp_path / 'state.db'}", "http:", "  timeout: 5s",
                 "  per_host_delay: 0s", "watches:", watches.rstrip("\n"), "sources:"]
        for name in sources:
            lines += [f"  - name: {name}", f"    url: {site.url('/' + name)}"]
        lines += ["notifiers:", "  - name: console", "    type: console"]
        self.path = tmp_path / "config.yaml"
        self.path.write_text("\n".join(lines) + "\n")

    def check(self, now: datetime, *names: str) -> list[tuple]:
        """One check (of the named sources, default all): (event, value, previous) per alert."""
        config = load_config(self.path)
        state, fetcher = State(config.state_path), Fetcher(config.http)
        try:
            report = check_sources(config, state, fetcher, now, list(names) or None)
        finally:
            fetcher.close()
            state.close()
        assert report.failures == []
        return [(a.event, a.value, a.previous) for a in report.alerts]


def date_value(text: str, precision: str = "day") -> dict:
    return {"date": text, "precision": precision}


@pytest.fixture
def site():
    with LocalSite() as running:
        yield running


def test_first_check_of_a_backlog_announces_the_newest_reports_date(tmp_path, site):
    # A feed holding the whole story: the date (firmly worded, April), then its delay
    # (plainly worded, July). The first check tells the user where the story stands now,
    # not what April said; the old date is only recorded, so it never flips back.
    site.set("/feed", feed(
        item("delay", "Heartstopper Season 2 delayed",
             "Heartstopper Season 2 now arrives 10 August 2023 after a delay.",
             "Sat, 01 Jul 2023 10:00:00 GMT"),
        item("date", "Heartstopper Season 2 release date",
             "Netflix officially confirmed that Heartstopper Season 2 premieres on"
             " 3 August 2023.", "Thu, 20 Apr 2023 10:00:00 GMT"),
    ), RSS)
    story = Story(tmp_path, site, ("feed",))
    assert story.check(day(2023, 7, 2)) == [
        ("release_date.announced", date_value("2023-08-10"), None)]


def test_a_later_date_held_back_while_the_current_was_ahead_becomes_current_once_it_passed(
    tmp_path, site, backend
):
    # SPEC: a current date that has passed does not block a later date, whatever its
    # precision. "Delayed to 2024" arrived while 3 August 2023 was still ahead: less
    # precise, so no alert then. Once 3 August has passed, the next report of 2024 makes it
    # current, although the state has seen it before.
    story = Story(tmp_path, site, ("news",), state=backend)
    site.set("/news", page("Netflix confirmed that Heartstopper Season 2 premieres on"
                           " 3 August 2023.", "2023-04-20"))
    assert story.check(day(2023, 4, 20)) == [
        ("release_date.announced", date_value("2023-08-03"), None)]
    delayed = "Heartstopper Season 2 has been delayed to 2024, Netflix confirmed."
    site.set("/news", page(delayed, "2023-07-01"))
    assert story.check(day(2023, 7, 1)) == []
    site.set("/news", page(delayed + " Filming wrapped in May.", "2023-08-09"))
    assert story.check(day(2023, 8, 10)) == [
        ("release_date.changed", date_value("2024", "year"), date_value("2023-08-03"))]
    # ... and once: the next report of it corroborates.
    site.set("/news", page(delayed + " Filming wrapped in June.", "2023-08-11"))
    assert story.check(day(2023, 8, 12)) == []


def test_a_date_that_was_current_before_does_not_come_back_when_its_successor_passed(
    tmp_path, site, backend
):
    # Moved up from 10 to 3 August; after 3 August a stale page still saying 10 August is
    # an old value, not news (the rule above is for dates that were never current).
    story = Story(tmp_path, site, ("a", "b"), state=backend)
    stale = page("Netflix confirmed that Heartstopper Season 2 premieres on 10 August 2023.",
                 "2023-04-20")
    site.set("/a", stale)
    site.set("/b", page("Nothing new on Heartstopper Season 2 yet.", "2023-04-20"))
    assert story.check(day(2023, 4, 20)) == [
        ("release_date.announced", date_value("2023-08-10"), None)]
    site.set("/b", page("Netflix confirmed Heartstopper Season 2 moves up to 3 August 2023"
                        " from its planned 10 August date.", "2023-07-01"))
    assert story.check(day(2023, 7, 1)) == [
        ("release_date.changed", date_value("2023-08-03"), date_value("2023-08-10"))]
    site.set("/a", stale.replace("</p>", " Cast news soon.</p>"))
    assert story.check(day(2023, 8, 10)) == []


def test_an_older_report_checked_after_a_newer_one_does_not_flip_the_date(
    tmp_path, site, backend
):
    # The daemon checks sources as they come due, one batch each: on a first run the July
    # page (the delay) may be read before the April page (the old date). The April page's
    # date is older news than the current one: recorded, not a change.
    story = Story(tmp_path, site, ("april", "july"), state=backend)
    site.set("/april", page("Netflix confirmed that Heartstopper Season 2 premieres on"
                            " 3 August 2023.", "2023-04-20"))
    site.set("/july", page("Netflix has postponed Heartstopper Season 2 from 3 August 2023"
                           " to 10 August 2023.", "2023-07-01"))
    assert story.check(day(2023, 7, 2), "july") == [
        ("release_date.announced", date_value("2023-08-10"), None)]
    assert story.check(day(2023, 7, 2), "april") == []
    # A newer report of a new date is still a change, and so is a later date once the
    # current one has passed, from whatever article.
    site.set("/april", page("Netflix confirmed that Heartstopper Season 2 premieres on"
                            " 17 August 2023.", "2023-07-05"))
    assert story.check(day(2023, 7, 5), "april") == [
        ("release_date.changed", date_value("2023-08-17"), date_value("2023-08-10"))]


def test_a_page_that_changed_is_news_now_whatever_its_old_publish_date(tmp_path, site):
    # An evergreen page keeps the publish date it first had (January) and is edited as the
    # story moves: read again because it changed, its new date is today's news, not a
    # report older than April's article.
    story = Story(tmp_path, site, ("evergreen", "news"))
    site.set("/evergreen", page("Heartstopper Season 2: everything we know so far.",
                                "2023-01-10"))
    site.set("/news", page("Netflix confirmed that Heartstopper Season 2 premieres on"
                           " 3 August 2023.", "2023-04-21"))
    assert story.check(day(2023, 4, 21)) == [
        ("release_date.announced", date_value("2023-08-03"), None)]
    site.set("/evergreen", page("Netflix has postponed Heartstopper Season 2 from 3 August"
                                " 2023 to 10 August 2023.", "2023-01-10"))
    assert story.check(day(2023, 7, 1)) == [
        ("release_date.changed", date_value("2023-08-10"), date_value("2023-08-03"))]


def test_a_publish_date_in_the_future_does_not_hold_back_later_news(tmp_path, site):
    # A feed entry stamped nine days ahead of the clock that found it (a wrong clock or
    # zone) is read as of the day it was found, not as news every later report is older
    # than.
    story = Story(tmp_path, site, ("feed", "news"))
    site.set("/feed", feed(item("x", "Heartstopper Season 2 release date",
                                "Netflix confirmed that Heartstopper Season 2 premieres on"
                                " 3 August 2023.", "Mon, 10 Jul 2023 10:00:00 GMT")), RSS)
    site.set("/news", page("Nothing new on Heartstopper Season 2 yet.", "2023-06-30"))
    assert story.check(day(2023, 7, 1)) == [
        ("release_date.announced", date_value("2023-08-03"), None)]
    site.set("/news", page("Netflix has postponed Heartstopper Season 2 from 3 August 2023"
                           " to 10 August 2023.", "2023-07-05"))
    assert story.check(day(2023, 7, 5)) == [
        ("release_date.changed", date_value("2023-08-10"), date_value("2023-08-03"))]


def test_a_watch_renamed_with_its_old_title_as_an_alias_keeps_its_facts(
    tmp_path, site, backend
):
    # A film retitled: the user writes the new title and keeps the old one as an alias
    # (README, watches[].aliases). It is the same watch: what it knew is still known, and
    # only news alerts, under the new title.
    film = "  - title: Mission Impossible 8\n"
    story = Story(tmp_path, site, ("news",), watches=film, state=backend)
    site.set("/news", page("Paramount confirmed that Mission Impossible 8 opens in cinemas"
                           " on 23 May 2025.", "2024-11-01"))
    assert story.check(day(2024, 11, 1)) == [
        ("release_date.announced", date_value("2025-05-23"), None)]
    renamed = ("  - title: The Final Reckoning\n"
               "    aliases: [Mission Impossible 8]\n")
    story = Story(tmp_path, site, ("news",), watches=renamed, state=backend)
    assert story.check(day(2024, 11, 2)) == []
    site.set("/news", page("Paramount confirmed that The Final Reckoning opens in cinemas"
                           " on 21 May 2025.", "2024-11-10"))
    config = load_config(story.path)
    state, fetcher = State(config.state_path), Fetcher(config.http)
    try:
        [alert] = check_sources(config, state, fetcher, day(2024, 11, 10)).alerts
        assert (alert.event, alert.watch_label, alert.previous) == (
            "release_date.changed", "The Final Reckoning", date_value("2025-05-23"))
    finally:
        fetcher.close()
        state.close()


def test_a_new_watch_that_only_shares_an_alias_with_a_configured_one_starts_afresh(
    tmp_path, site
):
    # Two configured watches: neither takes the other's facts.
    both = ("  - title: Heartstopper\n    season: 2\n"
            "  - title: Heartstopper S2\n    season: 2\n")
    story = Story(tmp_path, site, ("news",), watches="  - title: Heartstopper\n    season: 2\n")
    site.set("/news", page("Netflix confirmed that Heartstopper Season 2 premieres on"
                           " 3 August 2023.", "2023-04-20"))
    assert len(story.check(day(2023, 4, 20))) == 1
    story = Story(tmp_path, site, ("news",), watches=both.replace(
        "Heartstopper S2\n    season: 2\n",
        "Heartstopper S2\n    season: 2\n    aliases: [Heartstopper]\n"))
    config = load_config(story.path)
    state, fetcher = State(config.state_path), Fetcher(config.http)
    try:
        alerts = check_sources(config, state, fetcher, day(2023, 4, 21)).alerts
        assert [(a.event, a.watch_label) for a in alerts] == [
            ("release_date.announced", "Heartstopper S2 Season 2")]
        assert state.known_facts("heartstopper|2").current_date is not None
    finally:
        fetcher.close()
        state.close()


def test_a_worker_on_postgresql_announces_a_backlog_once_with_the_newest_date(
    tmp_path, site, pg_url
):
    # A worker writes each claimed source in its own transaction. A backlog of April's
    # firmly worded date and July's plainly worded delay must give what `check` gives: one
    # announcement, of the delay, not the April date followed by a change.
    from datetime import timedelta

    from scraper.cycle import Claims

    site.set("/april", page("Netflix officially confirmed that Heartstopper Season 2"
                            " premieres on 3 August 2023.", "2023-04-20"))
    site.set("/july", page("Heartstopper Season 2 now arrives 10 August 2023 after a delay.",
                           "2023-07-01"))
    story = Story(tmp_path, site, ("april", "july"), state=pg_url)
    config = load_config(story.path)
    now = day(2023, 7, 2)
    state, fetcher = State(pg_url), Fetcher(config.http)
    try:
        state.sync_sources(["april", "july"], {s.name: s.url for s in config.sources}, now)
        claimed = state.claim_sources("A", now, timedelta(minutes=5), 2)
        assert sorted(claimed) == ["april", "july"]
        claims = Claims("A", lambda name: now + timedelta(minutes=30))
        report = check_sources(config, state, fetcher, now, claimed, claims=claims)
    finally:
        fetcher.close()
        state.close()
    assert [(a.event, a.value) for a in report.alerts] == [
        ("release_date.announced", date_value("2023-08-10"))]


ANNOUNCE = ("Netflix confirmed that Heartstopper Season 2 premieres on 3 August 2023.",
            "2023-04-20")


def test_a_page_that_fails_empties_or_drops_the_date_leaves_the_fact_alone(tmp_path, site):
    from scraper.demo.localsite import Page

    story = Story(tmp_path, site, ("news",))
    site.set("/news", page(*ANNOUNCE))
    assert len(story.check(day(2023, 4, 20))) == 1
    config = load_config(story.path)
    for broken in (Page(b"oops", status=500), Page(b"", status=200), Page(b"gone", status=404),
                   Page(b"slow down", status=429)):
        site.pages["/news"] = broken
        state, fetcher = State(config.state_path), Fetcher(config.http)
        try:
            report = check_sources(config, state, fetcher, day(2023, 4, 21))
            assert report.alerts == [] and report.failures, broken
            assert state.known_facts("heartstopper|2").current_date.date == "2023-08-03"
        finally:
            fetcher.close()
            state.close()
    # Retracted in words: no finding, the fact stays; the date back again is no news.
    site.set("/news", page("Netflix has not announced a release date for Heartstopper"
                           " Season 2 yet.", "2023-04-24"))
    assert story.check(day(2023, 4, 24)) == []
    site.set("/news", page(*ANNOUNCE))
    assert story.check(day(2023, 4, 25)) == []


def test_a_feed_reordered_renumbered_or_republishing_old_news_sends_nothing(tmp_path, site):
    date_item = item("g1", "Heartstopper Season 2 release date", ANNOUNCE[0],
                     "Thu, 20 Apr 2023 10:00:00 GMT")
    teaser = item("t1", "Heartstopper Season 2 | Official Teaser",
                  '<iframe src="https://www.youtube.com/embed/QP4va9IrcZo"></iframe>'
                  " The official teaser for Heartstopper Season 2.",
                  "Sun, 18 Jun 2023 10:00:00 GMT")
    other = item("o1", "Other show", "Something else.", "Fri, 16 Jun 2023 10:00:00 GMT")
    story = Story(tmp_path, site, ("feed",))
    site.set("/feed", feed(teaser, other, date_item), RSS)
    assert sorted(e for e, _, _ in story.check(day(2023, 6, 18))) == [
        "release_date.announced", "trailer.released"]
    for variant in (
        feed(date_item, other, teaser),  # reordered
        feed(date_item.replace("g1", "g1-new"), teaser.replace("t1", "t1-new")),  # new GUIDs
        feed(date_item.replace("20 Apr", "19 Jun"), teaser),  # an old item republished
    ):
        site.set("/feed", variant, RSS)
        assert story.check(day(2023, 6, 19)) == []


def test_a_source_removed_and_added_back_or_renamed_sends_nothing_again(tmp_path, site):
    site.set("/a", page(*ANNOUNCE))
    site.set("/b", page("Nothing new on Heartstopper Season 2 yet.", "2023-04-20"))
    assert len(Story(tmp_path, site, ("a", "b")).check(day(2023, 4, 20))) == 1
    assert Story(tmp_path, site, ("b",)).check(day(2023, 4, 21)) == []
    assert Story(tmp_path, site, ("b", "a")).check(day(2023, 4, 22)) == []
    site.set("/a2", page(*ANNOUNCE))
    assert Story(tmp_path, site, ("b", "a2")).check(day(2023, 4, 23)) == []


def test_two_seasons_of_one_title_are_two_watches_and_a_season_change_is_a_new_watch(
    tmp_path, site
):
    site.set("/news", page(ANNOUNCE[0] + " Netflix also confirmed that Heartstopper Season 3"
                           " premieres on 3 October 2024.", "2023-04-20"))
    two = "  - title: Heartstopper\n    season: 2\n"
    three = "  - title: Heartstopper\n    season: 3\n"
    config = load_config(Story(tmp_path, site, ("news",), watches=two + three).path)
    state, fetcher = State(config.state_path), Fetcher(config.http)
    try:
        alerts = check_sources(config, state, fetcher, day(2023, 4, 20)).alerts
    finally:
        fetcher.close()
        state.close()
    assert sorted((a.watch_label, a.value["date"]) for a in alerts) == [
        ("Heartstopper Season 2", "2023-08-03"), ("Heartstopper Season 3", "2024-10-03")]
    # Season 2 alone, then changed to 4: a new watch, whose first check finds nothing yet.
    assert Story(tmp_path, site, ("news",), watches=two).check(day(2023, 4, 21)) == []
    four = "  - title: Heartstopper\n    season: 4\n"
    assert Story(tmp_path, site, ("news",), watches=four).check(day(2023, 4, 22)) == []


def test_dry_run_and_extract_write_no_state(tmp_path, site, capsys):
    import hashlib

    from scraper.cli.main import main

    story = Story(tmp_path, site, ("news",))
    site.set("/news", page(*ANNOUNCE))
    state_file = tmp_path / "state.db"
    assert main(["check", "--dry-run", "--config", str(story.path)]) == 0
    assert main(["extract", "--config", str(story.path), "--source", "news"]) == 0
    assert not state_file.exists()
    assert main(["check", "--config", str(story.path)]) == 0
    site.set("/news", page(ANNOUNCE[0].replace("3 August", "10 August"), "2023-04-21"))
    before = hashlib.sha256(state_file.read_bytes()).hexdigest()
    assert main(["check", "--dry-run", "--config", str(story.path)]) == 0
    assert "would alert release_date.changed" in capsys.readouterr().out
    assert main(["extract", "--config", str(story.path), "--source", "news"]) == 0
    assert hashlib.sha256(state_file.read_bytes()).hexdigest() == before
    assert main(["check", "--config", str(story.path)]) == 0  # and the real check alerts
    assert "release date changed" in capsys.readouterr().out


# -- what each notifier receives over a story -------------------------------------------


class Inbox:
    """aiosmtpd handler keeping every message, parsed."""

    def __init__(self):
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        self.messages.append(email.message_from_bytes(envelope.content,
                                                      policy=email.policy.default))
        return "250 OK"


def test_a_story_reaches_each_notifier_once_per_piece_of_news_in_its_format(tmp_path, site):
    import hashlib
    import hmac
    import json
    import socket

    from aiosmtpd.controller import Controller

    from scraper.cli.main import main

    posts: list[tuple[str, dict, bytes]] = []

    def on_post(path, headers, body):
        posts.append((path, headers, body))
        return 200, [("Content-Type", "application/json")], b'{"id": "1"}'

    site.on_post = on_post
    inbox = Inbox()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    smtp = Controller(inbox, hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        story = Story(tmp_path, site, ("Tudum", "Couch", "Feed"))
        text = story.path.read_text().split("notifiers:")[0]
        story.path.write_text(text + "\n".join([
            "notifiers:",
            "  - name: hook", "    type: webhook", f"    url: {site.url('/hook')}",
            "    secret: s3cret-signing-key",
            "  - name: discord", "    type: discord", f"    url: {site.url('/discord/1/tok')}",
            "  - name: mail", "    type: email", "    host: 127.0.0.1", f"    port: {port}",
            "    security: none", "    from: rw@example.org", "    to: [me@example.org]",
        ]) + "\n")
        announce = page("Netflix confirmed that Heartstopper Season 2 premieres on"
                        " 3 August 2023.", "2023-04-20")
        quiet = page("Nothing new on Heartstopper Season 2 yet.", "2023-03-01")
        site.set("/Tudum", announce)
        site.set("/Couch", quiet)
        site.set("/Feed", feed(item("other", "Other show", "Something else.",
                                    "Mon, 17 Apr 2023 10:00:00 GMT")), RSS)

        def check() -> None:
            assert main(["check", "--config", str(story.path)]) == 0

        check()  # the announcement
        site.set("/Couch", page("Heartstopper Season 2 arrives on 3 August 2023, Netflix"
                                " confirmed.", "2023-04-21"))
        check()  # a second source: nothing
        site.set("/Feed", feed(
            item("delay", "Heartstopper Season 2 delayed",
                 "Netflix has postponed Heartstopper Season 2 from 3 August 2023 to"
                 " 10 August 2023.", "Sat, 01 Jul 2023 10:00:00 GMT"),
            item("teaser", "Heartstopper Season 2 | Official Teaser",
                 '<iframe src="https://www.youtube.com/embed/QP4va9IrcZo?autoplay=1">'
                 "</iframe> Watch the official teaser for Heartstopper Season 2.",
                 "Sat, 01 Jul 2023 09:00:00 GMT"),
        ), RSS)
        check()  # the change and the teaser
        site.set("/Couch", page("Netflix released the official teaser for Heartstopper"
                                " Season 2: https://youtu.be/QP4va9IrcZo?si=x",
                                "2023-07-02"))
        check()  # the teaser again, another URL form: nothing
    finally:
        smtp.stop()

    hooks = [(h, b) for p, h, b in posts if p == "/hook"]
    bodies = [json.loads(b) for _, b in hooks]
    assert sorted(b["event"] for b in bodies) == [
        "release_date.announced", "release_date.changed", "trailer.released"]
    for headers, raw in hooks:
        body = json.loads(raw)
        assert headers["Idempotency-Key"] == body["id"]
        digest = hmac.new(b"s3cret-signing-key", raw, hashlib.sha256).hexdigest()
        assert headers["X-Releasewatch-Signature"] == f"sha256={digest}"
        assert {"id", "event", "watch", "value", "previous", "evidence", "source", "sources",
                "detected_at"} <= set(body)
        assert body["watch"] == {"title": "Heartstopper", "season": 2}
    by_event = {b["event"]: b for b in bodies}
    changed = by_event["release_date.changed"]
    assert changed["value"] == date_value("2023-08-10")
    assert changed["previous"] == date_value("2023-08-03")
    assert changed["source"] == "https://news.example/delay"  # the article, beside its feed
    assert changed["feed"] == site.url("/Feed")
    assert changed["sources"] == [site.url("/Feed")]
    assert "10 August 2023" in changed["evidence"]
    trailer = by_event["trailer.released"]
    assert trailer["value"] == {"url": "https://www.youtube.com/watch?v=QP4va9IrcZo"}
    assert trailer["previous"] is None
    announced = by_event["release_date.announced"]
    assert announced["previous"] is None and announced["source"] == site.url("/Tudum")

    discord = [(p, json.loads(b)) for p, _, b in posts if p.startswith("/discord")]
    assert len(discord) == 3
    assert all(p == "/discord/1/tok?wait=true" for p, _ in discord)
    for _, message in discord:
        assert message["allowed_mentions"] == {"parse": []}
        [embed] = message["embeds"]
        assert embed["title"] and embed["url"] and embed["description"] and embed["timestamp"]
    [video] = [m for _, m in discord if "content" in m]
    assert video["content"] == "https://www.youtube.com/watch?v=QP4va9IrcZo"

    subjects = sorted(m["Subject"] for m in inbox.messages)
    assert subjects == sorted([
        "Heartstopper Season 2: release date announced — Thursday 3 August 2023",
        "Heartstopper Season 2: release date changed — Thursday 10 August 2023"
        " (was Thursday 3 August 2023)",
        "Heartstopper Season 2: Official Teaser released —"
        " https://www.youtube.com/watch?v=QP4va9IrcZo",
    ])
    for message in inbox.messages:
        assert message.get_body(("plain",)) and message.get_body(("html",))
    ids = {m["Message-ID"] for m in inbox.messages}
    assert len(ids) == 3


def test_a_held_back_date_becomes_current_once_the_current_one_passed_without_a_new_report(
    tmp_path, site, backend, capsys
):
    # SPEC: a current date that has passed does not block a later date. The delay was
    # read once (a feed's one article, a page that never changes again): waiting for a
    # fresh report of it would leave the passed date current for good.
    story = Story(tmp_path, site, ("news",), state=backend)
    site.set("/news", page("Netflix confirmed that Heartstopper Season 2 premieres on"
                           " 3 August 2023.", "2023-04-20"))
    assert story.check(day(2023, 4, 20)) == [
        ("release_date.announced", date_value("2023-08-03"), None)]
    site.set("/news", page("Heartstopper Season 2 has been delayed to 2024, Netflix"
                           " confirmed.", "2023-07-01"))
    assert story.check(day(2023, 7, 1)) == []
    # `facts` says why the delay is not current yet, not that it was "superseded".
    from scraper.cli.main import main
    assert main(["facts", "--config", str(story.path), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)["watches"][0]["facts"]
    assert {f["value"]["date"]: f["status"] for f in facts} == {
        "2023-08-03": "current", "2024": "held_back"}
    assert story.check(day(2023, 8, 2)) == []  # 3 August still ahead: held back
    assert story.check(day(2023, 8, 10)) == [  # the same page, unchanged
        ("release_date.changed", date_value("2024", "year"), date_value("2023-08-03"))]
    assert story.check(day(2023, 8, 11)) == []  # once


def test_a_trailer_reported_without_a_link_then_linked_elsewhere_is_one_alert(
    tmp_path, site, backend
):
    # One teaser: an outlet reports it in words, and a day later the studio's feed links
    # the video. One piece of news, one alert; the video is recorded with the fact.
    story = Story(tmp_path, site, ("words", "feed"), state=backend)
    site.set("/words", page("Netflix released the first teaser for Heartstopper Season 2"
                            " today.", "2023-06-17"))
    site.set("/feed", feed(item("x", "Other show", "Something else.",
                                "Fri, 16 Jun 2023 10:00:00 GMT")), RSS)
    assert [e for e, _, _ in story.check(day(2023, 6, 17))] == ["trailer.released"]
    site.set("/feed", feed(item(
        "t1", "Heartstopper Season 2 | Official Teaser",
        '<iframe src="https://www.youtube.com/embed/QP4va9IrcZo"></iframe>'
        " The official teaser for Heartstopper Season 2.", "Sun, 18 Jun 2023 10:00:00 GMT")),
        RSS)
    assert story.check(day(2023, 6, 18)) == []
    # The official trailer weeks later is news.
    site.set("/feed", feed(item(
        "t2", "Heartstopper Season 2 | Official Trailer",
        '<iframe src="https://www.youtube.com/embed/OoXeC5EaVDA"></iframe>'
        " The official trailer for Heartstopper Season 2.", "Mon, 17 Jul 2023 10:00:00 GMT")),
        RSS)
    assert story.check(day(2023, 7, 17)) == [
        ("trailer.released", {"url": "https://www.youtube.com/watch?v=OoXeC5EaVDA"}, None)]


def test_control_characters_in_a_page_are_stored_on_either_backend(tmp_path, site, backend):
    # PostgreSQL refuses a NUL in text; a page's title and sentence may hold one.
    story = Story(tmp_path, site, ("news",), state=backend)
    site.set("/news", page("Netflix confirmed that Heartstopper Season 2\x00 premieres on"
                           " 3 August 2023.\x01", "2023-04-20").replace("<title>", "<title>\x00"))
    assert story.check(day(2023, 4, 20)) == [
        ("release_date.announced", date_value("2023-08-03"), None)]


def test_a_worker_makes_a_held_back_date_current_without_a_new_report(tmp_path, site, pg_url):
    # The same rule on the workers' path (each claimed source its own transaction).
    from datetime import timedelta

    from scraper.cycle import Claims

    story = Story(tmp_path, site, ("news",), state=pg_url)
    site.set("/news", page("Netflix confirmed that Heartstopper Season 2 premieres on"
                           " 3 August 2023.", "2023-04-20"))
    assert len(story.check(day(2023, 4, 20))) == 1
    site.set("/news", page("Heartstopper Season 2 has been delayed to 2024, Netflix"
                           " confirmed.", "2023-07-01"))
    assert story.check(day(2023, 7, 1)) == []
    config = load_config(story.path)
    now = day(2023, 8, 10)
    state, fetcher = State(pg_url), Fetcher(config.http)
    try:
        state.sync_sources(["news"], {s.name: s.url for s in config.sources}, now)
        claimed = state.claim_sources("A", now, timedelta(minutes=5), 1)
        claims = Claims("A", lambda name: now + timedelta(minutes=30))
        report = check_sources(config, state, fetcher, now, claimed, claims=claims)
    finally:
        fetcher.close()
        state.close()
    assert [(a.event, a.value) for a in report.alerts] == [
        ("release_date.changed", date_value("2024", "year"))]
