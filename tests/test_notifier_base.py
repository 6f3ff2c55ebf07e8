"""The notifier base: registry, wording shared by all notifiers, truncation, masking; console."""

from __future__ import annotations

import io
import sys

import pytest
from support import make_alert

from notifiers import (
    NOTIFIER_TYPES,
    Notifier,
    PermanentError,
    Setting,
    TransientError,
    build_notifier,
)
from notifiers.base import mask_secrets, secret_values, status_error, truncate
from notifiers.text import alert_subject
from scraper.models import (
    SOURCE_FAILING,
    SOURCE_RECOVERED,
    TEST_ALERT,
    TRAILER_RELEASED,
)


def test_every_kind_is_registered_by_its_type_name():
    assert {"console", "email", "discord", "webhook", "apprise"} <= set(NOTIFIER_TYPES)
    for type_name, cls in NOTIFIER_TYPES.items():
        assert cls.type_name == type_name
        assert all(isinstance(s, Setting) for s in cls.settings.values())


def test_url_and_password_settings_are_declared_secret():
    secret = {
        (name, key)
        for name, cls in NOTIFIER_TYPES.items()
        for key, setting in cls.settings.items()
        if setting.secret
    }
    assert {
        ("email", "password"),
        ("discord", "url"),
        ("webhook", "url"),
        ("webhook", "secret"),
        ("apprise", "urls"),
    } <= secret


def test_spec_subject_line():
    assert alert_subject(make_alert()) == (
        "Heartstopper Season 2: release date announced — Thursday 3 August 2023"
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"event": TRAILER_RELEASED, "value": {"url": "https://youtu.be/x"}},
            "Heartstopper Season 2: trailer released — https://youtu.be/x",
        ),
        (
            {"event": SOURCE_FAILING, "watch_title": None, "value": None, "source_name": "Tudum"},
            "releasewatch: source Tudum is failing",
        ),
        (
            {"event": SOURCE_RECOVERED, "watch_title": None, "value": None, "source_name": "Tudum"},
            "releasewatch: source Tudum recovered",
        ),
        (
            {"watch_title": "Evil\r\nBcc: x@example.org"},
            "Evil Bcc: x@example.org Season 2: release date announced — Thursday 3 August 2023",
        ),
    ],
)
def test_subjects_are_one_clear_line(changes, expected):
    assert alert_subject(make_alert(**changes)) == expected


def test_test_alert_says_it_is_a_test():
    assert "test alert" in alert_subject(make_alert(event=TEST_ALERT, value=None))


def test_truncate_ends_with_an_ellipsis_only_when_cut():
    assert truncate("short", 10) == "short"
    cut = truncate("a" * 50, 10)
    assert len(cut) == 10 and cut.endswith("…")
    assert truncate("  padded  ", 6) == "padded"  # Discord trims before counting


def test_secret_url_masks_token_path_but_not_plain_words():
    settings = {"url": Setting(str, secret=True)}
    url = "https://discord.com/api/webhooks/112233445566778899/Tok3nValue_abcdefgh"
    secrets = secret_values(settings, {"url": url})
    line = "POST /api/webhooks/112233445566778899/Tok3nValue_abcdefgh?wait=true 500"
    masked = mask_secrets(line, secrets)
    assert "Tok3nValue_abcdefgh" not in masked and "112233445566778899" not in masked
    assert mask_secrets("2 webhooks configured", secrets) == "2 webhooks configured"


def test_userinfo_password_in_a_secret_url_is_masked():
    settings = {"url": Setting(str, secret=True)}
    secrets = secret_values(settings, {"url": "https://bob:pa55word-xyz@example.org/"})
    assert mask_secrets("auth pa55word-xyz failed", secrets) == "auth *** failed"


def test_console_prints_each_alert_readably(capsys):
    build_notifier("console", "console", {}).send(make_alert())
    out = capsys.readouterr().out
    first, *rest = out.splitlines()
    assert first == "== Heartstopper Season 2: release date announced — Thursday 3 August 2023"
    assert (
        "   Evidence: Netflix confirmed that Heartstopper Season 2 arrives on 3 August 2023."
        in rest
    )
    assert "   Also reported by: https://variety.example/hs2" in rest


def test_console_write_failure_is_transient():
    from notifiers import TransientError
    from notifiers.console import ConsoleNotifier

    stream = io.StringIO()
    stream.close()
    with pytest.raises(TransientError, match="cannot write to stdout"):
        ConsoleNotifier("console", {}, stream=stream).send(make_alert())


def test_console_without_a_stdout_is_transient_not_a_bug(monkeypatch):
    # `releasewatch run >&-` (or a service manager that closes it): Python's sys.stdout is
    # None, and each send was "internal error: AttributeError: 'NoneType' object has no
    # attribute 'write'" with a traceback in the log at every retry.
    from notifiers import TransientError

    monkeypatch.setattr(sys, "stdout", None)
    with pytest.raises(TransientError, match="no standard output"):
        build_notifier("console", "console", {}).send(make_alert())


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (200, None),
        (204, None),
        (408, TransientError),
        (425, TransientError),
        (429, TransientError),
        (500, TransientError),
        (503, TransientError),
        (301, PermanentError),
        (400, PermanentError),
        (401, PermanentError),
        (404, PermanentError),
        (410, PermanentError),
    ],
)
def test_one_mapping_from_http_status_to_transient_or_permanent(status, kind):
    error = status_error(status, f"HTTP {status}", retry_after=5.0, disable_on=(404,))
    assert type(error) is kind if kind else error is None
    if kind is TransientError:
        assert error.retry_after == 5.0
    if kind is PermanentError:
        assert error.disable is (status == 404)


def test_the_base_cuts_text_to_the_limits_a_notifier_declares():
    class Tiny(Notifier):
        type_name = "tiny"
        limits = {"title": 10}

    assert Tiny.fit("title", "A title much longer than ten") == "A title m…"
    assert Tiny.fit("body", "no limit declared") == "no limit declared"


def test_secrets_are_registered_once_by_building_the_notifier():
    from scraper.errors import mask_registered

    build_notifier("hook", "webhook", {"url": "https://example.net/hooks/Zq9xTokenValue42"})
    assert "Zq9xTokenValue42" not in mask_registered("GET /hooks/Zq9xTokenValue42 -> 404")
