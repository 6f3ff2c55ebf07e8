"""Several workers on one PostgreSQL state: claims with leases, fencing, one alert for
one fact however many workers find it. A real server (tests/pg.py), real local sites."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from support import ANNOUNCEMENT

from scraper.config.settings import load_config
from scraper.cycle import Claims, check_sources
from scraper.demo.localsite import LocalSite, Page
from scraper.fetch.fetcher import Fetcher
from scraper.store.state import State
from scraper.store.work import new_token

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def config_for(tmp_path: Path, site: LocalSite, url: str, sources: dict[str, str]) -> Path:
    lines = [f"state: {url}", "http:", "  timeout: 2s", "  per_host_delay: 0s",
             "  respect_robots: false", "watches:", "  - title: Heartstopper", "    season: 2",
             "sources:"]
    for name, path in sources.items():
        lines += [f"  - name: {name}", f"    url: {site.url(path)}"]
    lines += ["notifiers:", "  - name: hook", "    type: webhook",
              "    url: http://127.0.0.1:9/hook"]
    path = tmp_path / "config.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def synced(url: str, names: list[str], now: datetime = NOW) -> State:
    state = State(url)
    state.sync_sources(names, {n: f"http://127.0.0.1/{n}" for n in names}, now)
    return state


def test_workers_claim_disjoint_sources_oldest_first(pg_url):
    names = [f"s{i:02d}" for i in range(10)]
    one, two = synced(pg_url, names), State(pg_url)
    lease = timedelta(minutes=5)
    a = one.claim_sources("A", NOW, lease, 4)
    b = two.claim_sources("B", NOW, lease, 4)
    c = two.claim_sources("C", NOW, lease, 4)
    assert len(a) == 4 and len(b) == 4 and len(c) == 2
    assert not set(a) & set(b) and not (set(a) | set(b)) & set(c)
    assert one.claim_sources("D", NOW, lease, 4) == []  # nothing due: all claimed
    assert one.due_backlog(NOW) == 0


def test_a_claim_skips_the_sources_its_worker_cannot_check(pg_url):
    state = synced(pg_url, ["a", "b", "c"])
    lease = timedelta(minutes=5)
    assert state.claim_sources("old", NOW, lease, 10, skip={"b", "c"}) == ["a"]
    assert state.claim_sources("new", NOW, lease, 10) == ["b", "c"]  # still due for it
    state.close()


def test_a_dead_workers_claims_come_due_again(pg_url):
    state = synced(pg_url, ["a", "b"])
    lease = timedelta(minutes=5)
    assert state.claim_sources("dead", NOW, lease, 10) == ["a", "b"]
    assert state.claim_sources("alive", NOW + timedelta(minutes=4), lease, 10) == []
    assert state.claim_sources("alive", NOW + lease, lease, 10) == ["a", "b"]


def test_a_worker_that_lost_its_lease_writes_nothing(pg_url):
    state = synced(pg_url, ["a"])
    lease = timedelta(minutes=5)
    assert state.claim_sources("stalled", NOW, lease, 1) == ["a"]
    later = NOW + lease + timedelta(seconds=1)
    assert state.claim_sources("other", later, lease, 1) == ["a"]
    with state.transaction():
        assert not state.holds_claim("a", "stalled")
    assert state.finish_claim("a", "stalled", later) is False
    with state.transaction():
        assert state.holds_claim("a", "other")
        assert state.finish_claim("a", "other", later + timedelta(minutes=30)) is True


def test_a_stalled_worker_commits_nothing_of_its_check(tmp_path, site, pg_url):
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    config = load_config(config_for(tmp_path, site, pg_url, {"news": "/news"}))
    state, fetcher = synced(pg_url, ["news"], datetime.now(UTC)), Fetcher(config.http)
    try:
        now = datetime.now(UTC)
        lease = timedelta(seconds=30)
        assert state.claim_sources("stalled", now, lease, 1) == ["news"]
        # Its lease runs out while it is stopped; another worker claims the source.
        assert state.claim_sources("other", now + lease, lease, 1) == ["news"]
        claims = Claims("stalled", lambda name: now + timedelta(minutes=30))
        report = check_sources(config, state, fetcher, now, ["news"], claims=claims)
        assert report.lost == ["news"] and report.alerts == []
        assert state.history() == [] and state.facts() == []
        assert state.source_state("news").last_checked_at is None
    finally:
        state.close()
        fetcher.close()


def test_an_empty_batch_checks_nothing(tmp_path, site, pg_url):
    """A worker whose claimed batch held none of its config's sources checks none: an empty
    list is not "all of them", which would fetch and write sources it never claimed."""
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    config = load_config(config_for(tmp_path, site, pg_url, {"news": "/news"}))
    state, fetcher = synced(pg_url, ["news"], datetime.now(UTC)), Fetcher(config.http)
    try:
        now = datetime.now(UTC)
        claims = Claims("A", lambda name: now + timedelta(minutes=30))
        report = check_sources(config, state, fetcher, now, [], claims=claims)
        assert report.checked == [] and report.lost == [] and report.alerts == []
        assert site.requests == [] and state.source_state("news").last_checked_at is None
    finally:
        fetcher.close()
        state.close()


def test_two_workers_finding_the_same_fact_at_once_send_one_alert(tmp_path, site, pg_url):
    for path in ("/a", "/b", "/c", "/d"):
        site.pages[path] = Page(ANNOUNCEMENT.encode())
    names = {"a": "/a", "b": "/b", "c": "/c", "d": "/d"}
    config = load_config(config_for(tmp_path, site, pg_url, names))
    synced(pg_url, list(names), datetime.now(UTC)).close()
    start = threading.Barrier(2)
    reports = []

    def worker(token: str) -> None:
        state, fetcher = State(pg_url), Fetcher(config.http)
        try:
            now = datetime.now(UTC)
            claimed = state.claim_sources(token, now, timedelta(minutes=5), 2)
            start.wait()
            claims = Claims(token, lambda name: now + timedelta(minutes=30))
            reports.append(check_sources(config, state, fetcher, now, claimed, claims=claims))
        finally:
            state.close()
            fetcher.close()

    threads = [threading.Thread(target=worker, args=(t,)) for t in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    checked = sorted(n for r in reports for n in r.checked)
    assert checked == ["a", "b", "c", "d"]
    alerts = [a for r in reports for a in r.alerts]
    assert [a.event for a in alerts] == ["release_date.announced"]
    state = State(pg_url, read_only=True)
    [fact] = state.facts()
    assert len(fact.sources) == 4  # every source corroborates the one fact
    assert len(state.history()) == 1
    assert state.due_backlog(datetime.now(UTC)) == 0
    state.close()


def test_one_update_reserves_a_hosts_slot(pg_url):
    one, two = State(pg_url), State(pg_url)
    delay = timedelta(seconds=2)
    assert one.reserve_host("news.example", NOW, delay) is None
    assert two.reserve_host("news.example", NOW, delay) == NOW + delay
    assert two.reserve_host("news.example", NOW + delay, delay) is None
    assert one.reserve_host("other.example", NOW, delay) is None


def test_workers_report_themselves(pg_url):
    state = State(pg_url)
    state.worker_seen("w1", NOW, NOW)
    state.worker_seen("w2", NOW - timedelta(minutes=10), NOW - timedelta(hours=1))
    state.worker_seen("w1", NOW + timedelta(seconds=5), NOW)
    assert [(w.id, w.last_seen_at) for w in state.workers()] == [
        ("w1", NOW + timedelta(seconds=5)), ("w2", NOW - timedelta(minutes=10)),
    ]
    assert state.forget_workers(NOW - timedelta(minutes=5)) == 1
    assert new_token() != new_token()


def test_deliveries_are_claimed_per_notifier_with_a_lease_renewed_while_sending(pg_url):
    from scraper.models import ANNOUNCED, Alert
    from scraper.store.work import IN_FLIGHT

    state = State(pg_url)
    for n in range(3):
        state.add_alert(
            Alert(f"a{n}", ANNOUNCED, "Heartstopper", 2, {"date": "2027", "precision": "year"},
                  None, "evidence", "https://x", ("https://x",), NOW),
            ["hook", "mail"],
        )
    lease = timedelta(seconds=60)
    mine = state.claim_deliveries("hook", "A", NOW, lease, 2)
    theirs = state.claim_deliveries("hook", "B", NOW, lease, 2)
    assert [d.alert.id for d in mine] == ["a0", "a1"] and [d.alert.id for d in theirs] == ["a2"]
    assert len(state.claim_deliveries("mail", "B", NOW, lease, 5)) == 3  # per notifier
    attempt = state.begin_attempt(mine[0].id, "A", NOW)
    assert state.begin_attempt(mine[1].id, "B", NOW) is None  # not B's to send
    # Renewed while sending: not claimable when the first lease would have ended.
    assert state.renew_delivery(mine[0].id, "A", NOW + 2 * lease)
    later = state.claim_deliveries("hook", "C", NOW + lease, lease, 5)
    assert [d.alert.id for d in later] == ["a1", "a2"]  # their leases ran out; a0's did not
    [entry] = [e for e in state.history() if e["alert"]["id"] == "a0"]
    hook = [d for d in entry["deliveries"] if d["notifier"] == "hook"][0]
    assert [a["error"] for a in hook["attempts"]] == [IN_FLIGHT]  # visible before the answer
    state.finish_attempt(mine[0].id, attempt, NOW, ok=True, error=None, next_attempt_at=None)
    assert state.oldest_pending_delivery() == NOW
    state.close()


def claimed_check(config, url: str, names: list[str]):
    state, fetcher = State(url), Fetcher(config.http)
    try:
        now = datetime.now(UTC)
        claimed = state.claim_sources("A", now, timedelta(minutes=5), 10)
        assert claimed == sorted(names)
        claims = Claims("A", lambda name: now - timedelta(seconds=1))  # due again at once
        return check_sources(config, state, fetcher, now, claimed, claims=claims)
    finally:
        state.close()
        fetcher.close()


def test_a_worker_routes_each_watchs_alerts_to_its_notifiers(tmp_path, site, pg_url):
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    path = config_for(tmp_path, site, pg_url, {"news": "/news"})
    path.write_text(path.read_text().replace(
        "    season: 2\n", "    season: 2\n    notify: [mail]\n", 1
    ) + "  - name: mail\n    type: webhook\n    url: http://127.0.0.1:9/mail\n")
    config = load_config(path)
    synced(pg_url, ["news"], datetime.now(UTC)).close()
    report = claimed_check(config, pg_url, ["news"])
    assert [a.event for a in report.alerts] == ["release_date.announced"]
    state = State(pg_url, read_only=True)
    [entry] = state.history()
    assert [d["notifier"] for d in entry["deliveries"]] == ["mail"]  # not hook
    state.close()


def test_a_worker_rewrites_the_calendar_when_a_fact_is_new(tmp_path, site, pg_url):
    site.pages["/news"] = Page(b"<html><body><p>Heartstopper: nothing yet.</p></body></html>")
    path = config_for(tmp_path, site, pg_url, {"news": "/news"})
    path.write_text(f"calendar: {tmp_path / 'releases.ics'}\n" + path.read_text())
    config = load_config(path)
    synced(pg_url, ["news"], datetime.now(UTC)).close()
    claimed_check(config, pg_url, ["news"])
    assert "DTSTART" not in (tmp_path / "releases.ics").read_text()
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    report = claimed_check(config, pg_url, ["news"])
    assert report.facts_changed
    assert "DTSTART" in (tmp_path / "releases.ics").read_text()
