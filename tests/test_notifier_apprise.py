"""Apprise notifier: optional; without the package the type fails clearly, never at import."""

from __future__ import annotations

import logging
from functools import partial

import pytest
import support

import notifiers.apprise as apprise_module
from notifiers import PermanentError, TransientError, build_notifier
from notifiers.apprise import MISSING, AppriseNotifier

TOKEN = "appriseT0kenValue987654321"

make_alert = partial(support.make_alert, sources=())  # no other sources to list


def test_without_apprise_the_type_is_a_config_error_and_a_permanent_failure(monkeypatch):
    monkeypatch.setattr(apprise_module, "_apprise", lambda: None)
    options = {"urls": [f"json://127.0.0.1:9/{TOKEN}"]}
    assert AppriseNotifier.config_problems(options) == [f"type: {MISSING}"]
    with pytest.raises(PermanentError, match=r"pip install 'releasewatch\[apprise\]'"):
        build_notifier("more", "apprise", options).send(make_alert())


def test_apprise_delivers_to_a_local_json_endpoint(httpserver):
    pytest.importorskip("apprise")
    httpserver.expect_request(f"/{TOKEN}", method="POST").respond_with_json({"ok": True})
    url = f"json://127.0.0.1:{httpserver.port}/{TOKEN}"
    assert AppriseNotifier.config_problems({"urls": url}) == []
    build_notifier("more", "apprise", {"urls": url}).send(make_alert())
    [(request, _)] = httpserver.log
    body = request.get_json()
    assert body["title"] == (
        "Heartstopper Season 2: release date announced — Thursday 3 August 2023"
    )
    assert "arrives on 3 August 2023" in body["message"]


def test_apprise_failure_is_transient_and_masked_even_in_debug_logs(httpserver, caplog):
    pytest.importorskip("apprise")
    httpserver.expect_request(f"/{TOKEN}").respond_with_data("down", status=503)
    url = f"json://127.0.0.1:{httpserver.port}/{TOKEN}"
    # The test server's own access log shows the path it received; it is not releasewatch's.
    # (First: caplog.set_level also sets its handler's level, so the last call must be DEBUG.)
    caplog.set_level(logging.WARNING, logger="werkzeug")
    caplog.set_level(logging.DEBUG, logger="apprise")
    caplog.set_level(logging.DEBUG, logger="urllib3")  # setup_logging elsewhere quiets it
    caplog.set_level(logging.DEBUG)
    notifier = build_notifier("more", "apprise", {"urls": [url]})
    with pytest.raises(TransientError) as caught:
        notifier.send(make_alert())
    assert "Apprise could not notify" in str(caught.value)
    assert TOKEN not in str(caught.value)
    # Apprise and urllib3 did log the request at DEBUG...
    assert any(r.levelno == logging.DEBUG and r.name.startswith("urllib3") for r in caplog.records)
    assert TOKEN not in caplog.text  # ...without the token


def test_tokens_in_the_host_position_and_passwords_are_secret_but_host_names_are_not():
    notifier = build_notifier(
        "more",
        "apprise",
        {"urls": ["tgram://123456:AAbbCCddEEff/4242", "mailto://me:Pa55w0rd-x@gmail.com"]},
    )
    masked = notifier.mask("bot 123456:AAbbCCddEEff, login me:Pa55w0rd-x at gmail.com")
    assert "AAbbCCddEEff" not in masked and "Pa55w0rd-x" not in masked
    assert "gmail.com" in masked


def test_an_unknown_apprise_url_is_named_by_position_not_by_content():
    pytest.importorskip("apprise")
    problems = AppriseNotifier.config_problems({"urls": [f"nosuchservice://{TOKEN}"]})
    assert problems == ["urls[0]: Apprise does not recognise this URL"]


def test_a_service_that_refuses_for_good_is_a_permanent_failure(httpserver):
    # The same status mapping as Discord and the webhook: 404 permanent, 503 transient.
    pytest.importorskip("apprise")
    httpserver.expect_request(f"/{TOKEN}").respond_with_data("no such hook", status=404)
    notifier = build_notifier("more", "apprise", {"urls": [f"json://127.0.0.1:{httpserver.port}/{TOKEN}"]})
    with pytest.raises(PermanentError) as caught:
        notifier.send(make_alert())
    assert "404" in str(caught.value) and TOKEN not in str(caught.value)


def test_a_retry_after_one_url_failed_does_not_send_again_to_the_urls_that_took_it(httpserver):
    # Two URLs, one down: the retry goes to the one that failed only; the other already
    # has the alert, and sending it again would be a duplicate.
    pytest.importorskip("apprise")
    httpserver.expect_request("/up-Tok3n1").respond_with_json({"ok": True})
    down = httpserver.expect_request("/down-Tok3n2")
    down.respond_with_data("down", status=503)
    urls = [f"json://127.0.0.1:{httpserver.port}/up-Tok3n1",
            f"json://127.0.0.1:{httpserver.port}/down-Tok3n2"]
    notifier = build_notifier("more", "apprise", {"urls": urls})
    alert = make_alert()
    with pytest.raises(TransientError):
        notifier.send(alert)
    httpserver.clear_all_handlers()
    httpserver.expect_request("/up-Tok3n1").respond_with_json({"ok": True})
    httpserver.expect_request("/down-Tok3n2").respond_with_json({"ok": True})
    notifier.send(alert)
    paths = [request.path for request, _ in httpserver.log]
    assert paths.count("/up-Tok3n1") == 1
    assert paths.count("/down-Tok3n2") == 2
    notifier.send(make_alert(id="another"))  # a new alert goes to both
    paths = [request.path for request, _ in httpserver.log]
    assert paths.count("/up-Tok3n1") == 2
