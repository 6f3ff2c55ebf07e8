"""`releasewatch test-notify`: a labelled test alert through each notifier, a line each."""

from __future__ import annotations

import argparse

import pytest
from werkzeug import Response

from scraper.cli import test_notify
from scraper.errors import UserError
from scraper.models import TEST_ALERT

TOKEN = "TestNotifyT0ken_abcdefghijklmnop0123456789"


def main(argv: list[str]) -> int:
    """The command as cli.py runs it, without importing every other command module."""
    parser = argparse.ArgumentParser(prog="releasewatch")
    test_notify.add_parser(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.run(args)


def write_config(tmp_path, notifiers: str):
    path = tmp_path / "config.yaml"
    path.write_text(
        "state: state.db\n"
        "watches:\n  - title: Heartstopper\n    season: 2\n"
        "sources:\n  - name: Local\n    url: http://127.0.0.1:9/page\n"
        f"notifiers:\n{notifiers}",
        encoding="utf-8",
    )
    return path


def test_sends_a_test_alert_through_each_notifier_and_reports_each(tmp_path, httpserver, capsys):
    bodies: list[dict] = []

    def record(request):
        bodies.append(request.get_json())
        return Response(status=204)

    httpserver.expect_request("/ok-hook").respond_with_handler(record)
    httpserver.expect_request(f"/gone/{TOKEN}").respond_with_json(
        {"message": "Unknown Webhook", "code": 10015}, status=404
    )
    config = write_config(
        tmp_path,
        "  - name: console\n    type: console\n"
        f"  - name: hook\n    type: webhook\n    url: {httpserver.url_for('/ok-hook')}\n"
        f"  - name: discord\n    type: discord\n    url: {httpserver.url_for('/gone/' + TOKEN)}\n",
    )
    code = main(["test-notify", "--config", str(config)])
    out = capsys.readouterr()
    assert code == 1  # one of them failed
    lines = [line for line in out.out.splitlines() if line.startswith(("hook", "discord"))]
    assert "hook (webhook): ok" in lines
    [failed] = [line for line in lines if line.startswith("discord")]
    assert failed.startswith("discord (discord): FAILED — HTTP 404")
    assert "Unknown Webhook" in failed
    assert TOKEN not in out.out + out.err
    assert "console (console): ok" in out.out
    assert "releasewatch test alert" in out.out  # what the console notifier printed
    assert bodies[0]["event"] == TEST_ALERT
    assert "test alert" in bodies[0]["evidence"]
    assert not (tmp_path / "state.db").exists()  # sent directly, not through the outbox


def test_only_the_named_notifier_and_exit_0_when_it_works(tmp_path, httpserver, capsys):
    httpserver.expect_request("/ok-hook").respond_with_data("", status=200)
    config = write_config(
        tmp_path,
        "  - name: console\n    type: console\n"
        f"  - name: hook\n    type: webhook\n    url: {httpserver.url_for('/ok-hook')}\n",
    )
    assert main(["test-notify", "--config", str(config), "--notifier", "hook"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "hook (webhook): ok"
    assert len(httpserver.log) == 1


def test_an_unknown_notifier_name_is_a_user_error(tmp_path, capsys):
    config = write_config(tmp_path, "  - name: console\n    type: console\n")
    with pytest.raises(UserError) as caught:
        main(["test-notify", "--config", str(config), "--notifier", "nope"])
    assert str(caught.value).startswith("--notifier nope: no such enabled notifier")
    assert "known: console" in str(caught.value)


def test_a_disabled_notifier_named_says_it_is_disabled(tmp_path, capsys):
    # The shipped config says "test-notify --notifier NAME tries one out" beside notifiers
    # with enabled: false; "no such enabled notifier" left the user guessing why.
    config = write_config(tmp_path, "  - name: console\n    type: console\n"
                          "  - name: hook\n    type: webhook\n    enabled: false\n"
                          "    url: ${RW_UNSET_HOOK_URL}\n")
    with pytest.raises(UserError) as caught:
        main(["test-notify", "--config", str(config), "--notifier", "hook"])
    assert "--notifier hook: it has enabled: false" in str(caught.value)
    assert "set enabled: true" in str(caught.value)


def test_help_shows_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["test-notify", "--help"])
    assert "releasewatch test-notify --notifier discord" in capsys.readouterr().out
