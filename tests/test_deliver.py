"""The delivery loop over a real state file: retries, give-up, disabling, isolation, secrets."""

from __future__ import annotations

import io
import logging
import random
import threading
import time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import support
from werkzeug import Response

from notifiers import Notifier, PermanentError, Setting, TransientError
from notifiers.discord import DiscordNotifier
from scraper import logs
from scraper.deliver import (
    BACKOFF,
    BACKOFF_CAP,
    GIVE_UP_AFTER,
    JITTER,
    MAX_TRIES,
    build_notifiers,
    deliver_pending,
    next_attempt,
    stored_fingerprint,
)
from scraper.models import Alert
from scraper.store.state import Delivery, State

T0 = datetime(2023, 4, 20, 10, 0, tzinfo=UTC)


class Scripted(Notifier):
    """A notifier whose sends follow a script: None = accepted, an exception = raised."""

    type_name = "scripted"
    settings = {"url": Setting(str, secret=True)}

    def __init__(self, name: str, outcomes=(), *, url: str = "", gate=None, delay: float = 0):
        super().__init__(name, {"url": url})
        self.outcomes = list(outcomes)
        self.sent: list[str] = []
        self.gate = gate  # called before each send: lets a test hold a send in flight
        self.delay = delay

    def send(self, alert: Alert) -> None:
        if self.gate:
            self.gate()
        if self.delay:
            time.sleep(self.delay)
        self.sent.append(alert.id)
        outcome = self.outcomes.pop(0) if self.outcomes else None
        if outcome is not None:
            raise outcome


def make_alert(n: int, at: datetime = T0) -> Alert:
    return support.make_alert(
        id=f"alert-{n}",
        sources=(support.NETFLIX,),
        # Written before T0, in order: due at T0, and "oldest first" is well defined.
        detected_at=at - timedelta(minutes=10) + timedelta(seconds=n),
    )


def deliveries_of(state: State, alert_id: str) -> dict[str, dict]:
    for entry in state.history():
        if entry["alert"]["id"] == alert_id:
            return {d["notifier"]: d for d in entry["deliveries"]}
    raise AssertionError(f"{alert_id} not in history")


def test_a_sent_delivery_is_recorded_with_its_attempt(state):
    state.add_alert(make_alert(1), ["mail"])
    mail = Scripted("mail")
    report = deliver_pending(state, {"mail": (mail, "fp")}, T0 + timedelta(minutes=1))
    assert mail.sent == ["alert-1"]
    assert (report.sent, report.retrying, report.failed) == (1, 0, 0)
    delivery = deliveries_of(state, "alert-1")["mail"]
    assert delivery["status"] == "sent"
    assert [a["ok"] for a in delivery["attempts"]] == [True]
    assert state.pending_deliveries(T0 + timedelta(days=1), due_only=False) == []


def test_transient_failure_is_retried_after_backoff_with_jitter(state):
    state.add_alert(make_alert(1), ["hook"])
    hook = Scripted("hook", [TransientError("HTTP 503 Service Unavailable")])
    now = T0 + timedelta(minutes=1)
    report = deliver_pending(state, {"hook": (hook, "fp")}, now)
    assert report.retrying == 1 and "HTTP 503" in report.lines[0]
    [pending] = state.pending_deliveries(now, due_only=False)
    low, high = BACKOFF[0] * (1 - JITTER), BACKOFF[0] * (1 + JITTER)
    assert now + timedelta(seconds=low) <= pending.next_attempt_at <= now + timedelta(seconds=high)
    history = deliveries_of(state, "alert-1")["hook"]
    assert history["attempts"][0]["error"] == "HTTP 503 Service Unavailable"

    deliver_pending(state, {"hook": (hook, "fp")}, now + timedelta(seconds=10))
    assert hook.sent == ["alert-1"]  # not due yet: not tried
    deliver_pending(state, {"hook": (hook, "fp")}, now + timedelta(seconds=high + 1))
    assert hook.sent == ["alert-1", "alert-1"]
    assert deliveries_of(state, "alert-1")["hook"]["status"] == "sent"


def _delivery(attempts: int, created: datetime = T0) -> Delivery:
    return Delivery(1, make_alert(1), "hook", attempts, created, created)


@pytest.mark.parametrize("attempts", range(0, 8))
def test_backoff_grows_about_30s_2m_10m_1h_6h_then_caps(attempts):
    rng = random.Random(attempts)
    now = T0 + timedelta(minutes=1)
    when = next_attempt(_delivery(attempts), now, rng)
    base = BACKOFF[attempts] if attempts < len(BACKOFF) else BACKOFF_CAP
    deadline = T0 + GIVE_UP_AFTER
    expected_low = min(now + timedelta(seconds=base * (1 - JITTER)), deadline)
    expected_high = min(now + timedelta(seconds=base * (1 + JITTER)), deadline)
    assert when is not None and expected_low <= when <= expected_high


def test_jitter_spreads_retries():
    rng = random.Random(7)
    times = {next_attempt(_delivery(2), T0, rng) for _ in range(20)}
    assert len(times) > 10


def test_gives_up_after_the_tenth_try_or_24_hours():
    rng = random.Random(1)
    assert next_attempt(_delivery(MAX_TRIES - 2), T0 + timedelta(minutes=5), rng) is not None
    assert next_attempt(_delivery(MAX_TRIES - 1), T0 + timedelta(minutes=5), rng) is None
    assert next_attempt(_delivery(2), T0 + GIVE_UP_AFTER, rng) is None


def test_service_retry_after_pushes_the_next_attempt_later():
    when = next_attempt(_delivery(0), T0, random.Random(1), retry_after=3600)
    assert when is not None and when >= T0 + timedelta(seconds=3600)


def test_the_retry_budget_is_spent_in_time_not_in_calls(state):
    # Issue 14: ten `check`s from cron in two seconds against a 503 gave an alert up
    # "after 10 tries". A plain check retries only what is due; --now (due_only=False)
    # tries everything, but a try forced before its time spends no budget.
    state.add_alert(make_alert(1), ["hook"])
    hook = Scripted("hook", [TransientError(f"HTTP 503 try {i}") for i in range(40)])
    notifiers = {"hook": (hook, "fp")}
    for tick in range(10):  # ten plain checks within two seconds
        deliver_pending(state, notifiers, T0 + timedelta(seconds=tick / 5))
    assert len(hook.sent) == 1
    for tick in range(15):  # fifteen `check --now`s within a minute
        deliver_pending(state, notifiers, T0 + timedelta(seconds=3 + tick), due_only=False)
    assert len(hook.sent) == 16
    delivery = deliveries_of(state, "alert-1")["hook"]
    assert delivery["status"] == "pending"
    assert len(delivery["attempts"]) == 16  # every attempt recorded
    assert all(a["error"] for a in delivery["attempts"])
    [pending] = state.pending_deliveries(T0, due_only=False)
    assert pending.attempts == 1  # only the due one counted
    assert pending.next_attempt_at >= T0 + timedelta(seconds=24)  # its backoff kept


def test_a_service_down_for_a_day_is_given_up_on_within_24_hours(state):
    state.add_alert(make_alert(1), ["hook"])
    hook = Scripted("hook", [TransientError("HTTP 500") for _ in range(MAX_TRIES)])
    notifiers = {"hook": (hook, "fp")}
    now, rng = T0, random.Random(3)
    for _ in range(MAX_TRIES + 2):  # the daemon waking up exactly when each retry is due
        deliver_pending(state, notifiers, now, rng=rng)
        pending = state.pending_deliveries(now, due_only=False)
        if not pending:
            break
        now = pending[0].next_attempt_at
    delivery = deliveries_of(state, "alert-1")["hook"]
    assert delivery["status"] == "failed"
    assert 5 <= len(hook.sent) < MAX_TRIES  # time ran out before the try budget
    assert now <= T0 + timedelta(seconds=1) + GIVE_UP_AFTER


def test_permanent_failure_is_given_up_at_once(state):
    state.add_alert(make_alert(1), ["mail"])
    mail = Scripted("mail", [PermanentError("SMTP 550 5.1.1 No such user")])
    report = deliver_pending(state, {"mail": (mail, "fp")}, T0)
    assert report.failed == 1
    delivery = deliveries_of(state, "alert-1")["mail"]
    assert delivery["status"] == "failed" and len(delivery["attempts"]) == 1
    deliver_pending(state, {"mail": (mail, "fp")}, T0 + timedelta(days=1), due_only=False)
    assert mail.sent == ["alert-1"]


def test_a_refusing_notifier_is_disabled_until_its_config_changes(state):
    for n in range(3):
        state.add_alert(make_alert(n), ["discord", "mail"])
    discord = Scripted("discord", [PermanentError("HTTP 404: Unknown Webhook", disable=True)])
    mail = Scripted("mail")
    notifiers = {"discord": (discord, "fp-1"), "mail": (mail, "m")}
    report = deliver_pending(state, notifiers, T0)
    assert discord.sent == ["alert-0"]  # stopped at the refusal: no more invalid requests
    assert mail.sent == ["alert-0", "alert-1", "alert-2"]
    assert report.disabled == 1 and report.notifiers["discord"].held == 2
    assert "disabled: HTTP 404: Unknown Webhook" in report.notifiers["discord"].line
    keyed = stored_fingerprint(state, "fp-1")  # the state keeps it keyed, never bare
    assert state.notifier_disabled("discord", keyed) == "HTTP 404: Unknown Webhook"

    later = deliver_pending(state, notifiers, T0 + timedelta(hours=1), due_only=False)
    assert discord.sent == ["alert-0"]  # not called while disabled...
    assert later.notifiers["discord"].held == 2  # ...and its alerts are kept, not lost
    assert [d.alert.id for d in state.pending_deliveries(T0, notifier="discord")] == [
        "alert-1",
        "alert-2",
    ]

    fixed = {"discord": (discord, "fp-2"), "mail": (mail, "m")}  # the user edited its url
    deliver_pending(state, fixed, T0 + timedelta(hours=2))
    assert discord.sent == ["alert-0", "alert-1", "alert-2"]


def test_deliveries_for_a_notifier_no_longer_configured_stay_pending(state):
    state.add_alert(make_alert(1), ["old-hook", "mail"])
    mail = Scripted("mail")
    report = deliver_pending(state, {"mail": (mail, "m")}, T0)
    assert mail.sent == ["alert-1"]
    assert report.notifiers["old-hook"].held == 1
    assert "not configured" in report.notifiers["old-hook"].line
    assert len(state.pending_deliveries(T0, notifier="old-hook")) == 1


def test_a_slow_notifier_never_delays_another(state):
    for n in range(3):
        state.add_alert(make_alert(n), ["slow", "fast"])
    fast_done = threading.Event()
    seen_by_slow: list[bool] = []

    def wait_for_fast() -> None:
        # Run one after the other, "slow" (first by name) would wait here in vain.
        seen_by_slow.append(fast_done.wait(timeout=2))

    slow = Scripted("slow", gate=wait_for_fast)
    fast = Scripted("fast")
    original = fast.send

    def send_and_flag(alert: Alert) -> None:
        original(alert)
        if len(fast.sent) == 3:
            fast_done.set()

    fast.send = send_and_flag
    report = deliver_pending(state, {"slow": (slow, "s"), "fast": (fast, "f")}, T0)
    assert seen_by_slow[0] is True
    assert report.sent == 6


def test_after_a_transient_failure_the_rest_of_that_queue_waits(state):
    for n in range(3):
        state.add_alert(make_alert(n), ["hook", "mail"])
    hook = Scripted("hook", [TransientError("HTTP 503")])
    mail = Scripted("mail")
    notifiers = {"hook": (hook, "h"), "mail": (mail, "m")}
    report = deliver_pending(state, notifiers, T0, rng=random.Random(1))
    assert hook.sent == ["alert-0"]  # the other two are not hammered at a failing service
    assert report.notifiers["hook"].held == 2 and mail.sent == ["alert-0", "alert-1", "alert-2"]

    deliver_pending(state, notifiers, T0 + timedelta(seconds=5))  # still cooling down
    assert hook.sent == ["alert-0"]
    deliver_pending(state, notifiers, T0 + timedelta(minutes=1))  # after the backoff
    assert hook.sent == ["alert-0", "alert-0", "alert-1", "alert-2"]  # oldest first
    assert state.pending_deliveries(T0 + timedelta(days=1), due_only=False) == []


def test_check_tries_the_whole_queue_even_after_a_transient_failure(state):
    for n in range(3):
        state.add_alert(make_alert(n), ["hook"])
    hook = Scripted("hook", [TransientError("HTTP 503"), None, None])
    report = deliver_pending(state, {"hook": (hook, "h")}, T0, due_only=False)
    assert hook.sent == ["alert-0", "alert-1", "alert-2"]
    assert (report.sent, report.retrying) == (2, 1)


def test_a_notifier_bug_is_retried_not_lost(state):
    state.add_alert(make_alert(1), ["buggy"])
    buggy = Scripted("buggy", [KeyError("subject")])
    report = deliver_pending(state, {"buggy": (buggy, "b")}, T0)
    assert report.retrying == 1
    assert (
        "internal error: KeyError"
        in deliveries_of(state, "alert-1")["buggy"]["attempts"][0]["error"]
    )
    assert len(state.pending_deliveries(T0, due_only=False)) == 1


def test_a_pass_with_a_time_limit_returns_and_keeps_the_rest(state):
    for n in range(4):
        state.add_alert(make_alert(n), ["slow"])
    release = threading.Event()
    slow = Scripted("slow", gate=lambda: release.wait(timeout=2))
    started = time.monotonic()
    report = deliver_pending(state, {"slow": (slow, "s")}, T0, max_seconds=0.2)
    assert time.monotonic() - started < 1.5
    assert "still sending" in report.notifiers["slow"].line
    # The queue still in flight is not started twice by the next pass (no duplicate ping).
    again = deliver_pending(state, {"slow": (slow, "s")}, T0, max_seconds=0.2)
    assert "previous pass is still sending" in again.notifiers["slow"].line
    release.set()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and any(
        t.name == "deliver-slow" for t in threading.enumerate()
    ):
        time.sleep(0.01)
    assert slow.sent == ["alert-0"]  # stopped starting new sends after the limit
    assert len(state.pending_deliveries(T0, due_only=False)) == 3  # the rest kept


def test_a_failing_delivery_never_leaks_the_webhook_token(state, httpserver, caplog, capsys):
    token = "Zq9TokenSecret_abcdefghijklmnopqrstuvwxyz0123456789"
    path = f"/api/webhooks/112233445566778899/{token}"
    # A server that echoes the URL it was called at, as some proxies' error pages do.
    httpserver.expect_request(path).respond_with_handler(
        lambda request: Response(f"bad gateway for {request.url}", status=502)
    )
    raw = io.StringIO()
    unfiltered = logging.StreamHandler(raw)  # no masking filter: sees what loggers emit
    unfiltered.setLevel(logging.DEBUG)
    root = logging.getLogger()
    root.addHandler(unfiltered)
    # The test server's own access log shows the path it received; it is not ours. (First:
    # caplog.set_level also sets its handler's level, so the last call must be DEBUG.)
    caplog.set_level(logging.WARNING, logger="werkzeug")
    caplog.set_level(logging.DEBUG, logger="urllib3")
    caplog.set_level(logging.DEBUG)  # everything, urllib3's request lines included
    try:
        config = SimpleNamespace(
            notifiers=[
                SimpleNamespace(
                    name="discord",
                    type="discord",
                    options={"url": httpserver.url_for(path), "timeout": 5},
                    fingerprint="fp",
                )
            ]
        )
        notifiers = build_notifiers(config)
        state.add_alert(make_alert(1), ["discord"])
        report = deliver_pending(state, notifiers, T0)
    finally:
        root.removeHandler(unfiltered)
    assert report.retrying == 1 and "HTTP 502" in report.lines[0]
    # urllib3 did log the request line (with the path), masked before any handler saw it.
    assert any(r.name.startswith("urllib3") and "POST" in r.getMessage() for r in caplog.records)
    captured = capsys.readouterr()
    outputs = {
        "caplog": caplog.text,
        "unfiltered handler": raw.getvalue(),
        "stdout/stderr": captured.out + captured.err,
        "report": "\n".join(report.lines),
        "history": repr(state.history()),
        "pending": repr(state.pending_deliveries(T0, due_only=False)),
    }
    for where, text in outputs.items():
        assert token not in text, f"token leaked into {where}"
    assert isinstance(notifiers["discord"][0], DiscordNotifier)
    assert logs.mask(f"x {token} y") == "x *** y"  # registered for the root handler too
