"""Discord notifier: payload shape and limits (responses), rate limits and refusals
against a local HTTP server (pytest-httpserver)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import responses
from support import make_alert
from werkzeug import Response

from notifiers import PermanentError, TransientError, build_notifier
from notifiers.discord import DiscordNotifier, execute_url
from scraper.models import CHANGED, TRAILER_RELEASED

WEBHOOK_ID = "112233445566778899"
TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-tokenPART"
DISCORD_URL = f"https://discord.com/api/webhooks/{WEBHOOK_ID}/{TOKEN}"
TRAILER = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


class FakeTime:
    """sleep() advances clock(): rate-limit waits cost no real time and are recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def discord(url: str, fake: FakeTime | None = None, **options) -> DiscordNotifier:
    fake = fake or FakeTime()
    return DiscordNotifier(
        "discord", {"url": url, "timeout": 5, **options}, sleep=fake.sleep, clock=fake.clock
    )


def sent_payload(call) -> dict:
    return json.loads(call.request.body)


def embed_total(embed: dict) -> int:
    total = len(embed.get("title", "")) + len(embed.get("description", ""))
    total += len(embed.get("footer", {}).get("text", ""))
    return total + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))


# -- payload shape (responses) ----------------------------------------------------------


@responses.activate
def test_posts_one_embed_with_wait_true_and_no_mentions():
    responses.post(DISCORD_URL, json={"id": "1"}, status=200)
    discord(DISCORD_URL, username="releasewatch").send(
        make_alert(event=CHANGED, previous={"date": "2023", "precision": "year"})
    )
    call = responses.calls[0]
    assert parse_qs(urlsplit(call.request.url).query) == {"wait": ["true"]}
    payload = sent_payload(call)
    assert payload["allowed_mentions"] == {"parse": []}
    assert payload["username"] == "releasewatch"
    assert "content" not in payload  # nothing to play inline for a date
    [embed] = payload["embeds"]
    assert embed["title"].startswith("Heartstopper Season 2: release date narrowed")
    assert embed["url"] == "https://www.netflix.com/tudum/heartstopper"
    assert embed["description"] == (
        "Netflix confirmed that Heartstopper Season 2 arrives on 3 August 2023."
    )
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Release date"] == "Thursday 3 August 2023"
    assert fields["Previously"] == "2023"
    assert fields["Sources"].splitlines() == [
        "https://www.netflix.com/tudum/heartstopper",
        "https://variety.example/hs2",
    ]
    assert embed["timestamp"] == "2023-04-20T10:00:00+00:00"
    assert isinstance(embed["color"], int)


@responses.activate
def test_colour_differs_by_event():
    responses.post(DISCORD_URL, json={"id": "1"})
    notifier = discord(DISCORD_URL)
    notifier.send(make_alert())
    notifier.send(make_alert(event=TRAILER_RELEASED, value={"url": TRAILER}))
    colours = [sent_payload(c)["embeds"][0]["color"] for c in responses.calls]
    assert colours[0] != colours[1]


@responses.activate
def test_trailer_url_also_goes_in_content_so_it_plays_inline():
    responses.post(DISCORD_URL, json={"id": "1"})
    discord(DISCORD_URL).send(make_alert(event=TRAILER_RELEASED, value={"url": TRAILER}))
    payload = sent_payload(responses.calls[0])
    assert payload["content"] == TRAILER
    assert {"name": "Trailer", "value": TRAILER, "inline": True} in payload["embeds"][0]["fields"]


def test_existing_query_such_as_thread_id_is_kept():
    url = execute_url(DISCORD_URL + "?thread_id=987654321&wait=false")
    assert parse_qs(urlsplit(url).query) == {"thread_id": ["987654321"], "wait": ["true"]}
    assert url.startswith(DISCORD_URL + "?")


@responses.activate
def test_long_text_is_truncated_within_discord_limits_never_rejected():
    responses.post(DISCORD_URL, json={"id": "1"})
    long_title = "Heartstopper " + "x" * 400
    alert = make_alert(
        watch_title=long_title,
        event=TRAILER_RELEASED,
        value={"url": TRAILER + "&t=" + "9" * 2500},
        evidence="word " * 2000,
        sources=tuple(f"https://site{i}.example/{'p' * 60}" for i in range(40)),
    )
    discord(DISCORD_URL).send(alert)
    payload = sent_payload(responses.calls[0])
    [embed] = payload["embeds"]
    assert len(embed["title"]) <= 256 and embed["title"].endswith("…")
    assert len(embed["description"]) <= 4096 and embed["description"].endswith("…")
    assert all(len(f["value"]) <= 1024 for f in embed["fields"])
    assert all(len(f["name"]) <= 256 for f in embed["fields"])
    assert any(f["value"].endswith("…") for f in embed["fields"])
    assert embed_total(embed) <= 6000
    assert len(payload["content"]) <= 2000 and payload["content"].endswith("…")


@responses.activate
def test_scraped_markdown_and_mentions_stay_text():
    responses.post(DISCORD_URL, json={"id": "1"})
    discord(DISCORD_URL).send(make_alert(evidence="@everyone **soon** [click](https://x.example)"))
    payload = sent_payload(responses.calls[0])
    description = payload["embeds"][0]["description"]
    assert "\\*\\*soon\\*\\*" in description and "\\[click\\]" in description
    assert payload["allowed_mentions"] == {"parse": []}


@responses.activate
def test_timeout_is_transient():
    responses.post(DISCORD_URL, body=requests.ReadTimeout("read timed out for " + DISCORD_URL))
    with pytest.raises(TransientError) as caught:
        discord(DISCORD_URL).send(make_alert())
    assert "timed out" in str(caught.value) and TOKEN not in str(caught.value)


@responses.activate
@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_transient(status):
    responses.post(DISCORD_URL, json={"message": "oops"}, status=status)
    with pytest.raises(TransientError, match=f"HTTP {status}"):
        discord(DISCORD_URL).send(make_alert())


@responses.activate
def test_bad_request_is_permanent_but_does_not_disable():
    responses.post(DISCORD_URL, json={"message": "Invalid Form Body", "code": 50035}, status=400)
    notifier = discord(DISCORD_URL)
    with pytest.raises(PermanentError) as caught:
        notifier.send(make_alert())
    assert "Invalid Form Body (code 50035)" in str(caught.value)
    assert caught.value.disable is False


# -- rate limits and refusals (a local server) ------------------------------------------


def hook_path() -> str:
    return f"/api/webhooks/{WEBHOOK_ID}/{TOKEN}"


def test_429_waits_retry_after_then_sends(httpserver):
    httpserver.expect_ordered_request(hook_path(), method="POST").respond_with_json(
        {"message": "You are being rate limited.", "retry_after": 0.75, "global": False},
        status=429,
        headers={"Retry-After": "1"},
    )
    httpserver.expect_ordered_request(hook_path(), method="POST").respond_with_json({"id": "9"})
    fake = FakeTime()
    discord(httpserver.url_for(hook_path()), fake).send(make_alert())
    assert fake.sleeps == [pytest.approx(0.75)]  # the body's float wins over the header
    assert len(httpserver.log) == 2
    assert all(req.args.get("wait") == "true" for req, _ in httpserver.log)


def test_429_header_is_used_when_the_body_has_no_retry_after(httpserver):
    httpserver.expect_ordered_request(hook_path()).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "2.5"}
    )
    httpserver.expect_ordered_request(hook_path()).respond_with_json({"id": "9"})
    fake = FakeTime()
    discord(httpserver.url_for(hook_path()), fake).send(make_alert())
    assert fake.sleeps == [pytest.approx(2.5)]


def test_429_beyond_the_wait_bound_is_transient_with_retry_after(httpserver):
    httpserver.expect_request(hook_path()).respond_with_json(
        {"message": "You are being rate limited.", "retry_after": 120.0}, status=429
    )
    fake = FakeTime()
    notifier = discord(httpserver.url_for(hook_path()), fake, max_wait=5)
    with pytest.raises(TransientError) as caught:
        notifier.send(make_alert())
    assert caught.value.retry_after == pytest.approx(120.0)
    assert "rate limited" in str(caught.value)
    assert fake.sleeps == [] and len(httpserver.log) == 1  # no hot loop on 429


def test_repeated_429s_stop_within_the_total_wait_bound(httpserver):
    httpserver.expect_request(hook_path()).respond_with_json(
        {"message": "You are being rate limited.", "retry_after": 1.5}, status=429
    )
    fake = FakeTime()
    notifier = discord(httpserver.url_for(hook_path()), fake, max_wait=4)
    with pytest.raises(TransientError):
        notifier.send(make_alert())
    assert sum(fake.sleeps) <= 4
    assert len(httpserver.log) == 3  # two waits fit in 4 s, the third would not


def test_an_empty_bucket_is_waited_out_before_the_next_send(httpserver):
    httpserver.expect_request(hook_path()).respond_with_json(
        {"id": "1"}, headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": "1.25"}
    )
    fake = FakeTime()
    notifier = discord(httpserver.url_for(hook_path()), fake)
    notifier.send(make_alert())
    assert fake.sleeps == []
    notifier.send(make_alert(id="alert-0002"))
    assert fake.sleeps == [pytest.approx(1.25)]  # waited instead of collecting a 429
    assert len(httpserver.log) == 2


@pytest.mark.parametrize("remaining", ["inf", "1e999", "-inf", "nan", "x"])
def test_a_rate_limit_header_that_is_no_number_does_not_undo_a_sent_message(
    httpserver, remaining
):
    # "X-RateLimit-Remaining: inf" (a proxy, a fake) raised OverflowError after Discord
    # had saved the message: an internal error, so the alert was posted again.
    httpserver.expect_request(hook_path()).respond_with_json(
        {"id": "1"}, headers={"X-RateLimit-Remaining": remaining,
                              "X-RateLimit-Reset-After": "1"}
    )
    discord(httpserver.url_for(hook_path()), FakeTime()).send(make_alert())  # no error
    assert len(httpserver.log) == 1


@pytest.mark.parametrize("status", [401, 403, 404])
def test_refusal_is_permanent_and_the_notifier_makes_no_more_calls(httpserver, status):
    httpserver.expect_request(hook_path()).respond_with_json(
        {"message": "Unknown Webhook", "code": 10015}, status=status
    )
    notifier = discord(httpserver.url_for(hook_path()))
    with pytest.raises(PermanentError) as first:
        notifier.send(make_alert())
    assert first.value.disable is True
    assert "Unknown Webhook" in str(first.value) and TOKEN not in str(first.value)
    with pytest.raises(PermanentError) as second:
        notifier.send(make_alert(id="alert-0002"))
    assert second.value.disable is True
    assert len(httpserver.log) == 1  # Discord bans clients that keep sending invalid requests


def test_error_body_echoing_the_token_is_masked(httpserver):
    httpserver.expect_request(hook_path()).respond_with_handler(
        lambda request: Response(f"upstream failed for {request.path}", status=502)
    )
    with pytest.raises(TransientError) as caught:
        discord(httpserver.url_for(hook_path())).send(make_alert())
    assert "HTTP 502" in str(caught.value)
    assert TOKEN not in str(caught.value) and WEBHOOK_ID not in str(caught.value)


def test_a_non_discord_host_is_a_warning_not_an_error():
    options = {"url": "http://127.0.0.1:9/hook/abc"}
    assert DiscordNotifier.config_problems(options) == []
    assert "not a Discord host" in DiscordNotifier.config_warnings(options)[0]
    assert DiscordNotifier.config_warnings({"url": DISCORD_URL}) == []
    assert DiscordNotifier.config_problems({"url": "ftp://x/y"}) != []


def test_a_name_or_avatar_discord_refuses_is_a_config_error(tmp_path):
    # Discord answers 400 to a message posted as "My Discord bot" (or 81 characters, or a
    # non-URL avatar): every alert would be given up. validate says it with the line.
    from scraper.config.settings import ConfigError, load_config

    def problems(**options):
        return DiscordNotifier.config_problems({"url": DISCORD_URL, **options})

    assert problems(username="releasewatch", avatar_url="https://example.org/a.png") == []
    assert problems(username="My Discord bot") == [
        'username: Discord refuses a name containing "discord" or "clyde"']
    assert problems(username="Clyde") != [] and problems(username="everyone") != []
    assert problems(username="x" * 81) == ["username: must be 1 to 80 characters"]
    assert problems(username="  ") == ["username: must be 1 to 80 characters"]
    assert problems(avatar_url="notaurl") == ["avatar_url: must start with http:// or https://"]

    config = tmp_path / "config.yaml"
    config.write_text("watches:\n  - title: X\nsources:\n  - name: a\n"
                      "    url: http://127.0.0.1:9/a\nnotifiers:\n  - type: discord\n"
                      f"    url: {DISCORD_URL}\n    username: Discord alerts\n")
    with pytest.raises(ConfigError) as caught:
        load_config(config, env={})
    [error] = caught.value.errors
    assert error.startswith(f"{config}:9: notifiers[0].username: Discord refuses")
    assert TOKEN not in error


def test_registry_builds_discord_by_type_name():
    assert isinstance(build_notifier("d", "discord", {"url": DISCORD_URL}), DiscordNotifier)
