"""The one error hierarchy: user errors, source errors with their kinds, Retry-After."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta

import pytest

from notifiers import DeliveryError, PermanentError, TransientError
from scraper.cli.main import main
from scraper.config.settings import ConfigError
from scraper.errors import (
    RETRY_AFTER_CAP,
    InputError,
    PermanentSourceError,
    ReleasewatchError,
    SourceError,
    StateFileError,
    TransientSourceError,
    UsageError,
    UserError,
    parse_retry_after,
)
from scraper.fetch.fetcher import FetchError

NOW = datetime(2015, 10, 21, 7, 28, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        ("12.5", 12.5),  # Discord sends decimals
        (0.25, 0.25),
        ("-5", 0.0),
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),  # already past: now
        ("Fri, 31 Dec 9999 23:59:59 GMT", RETRY_AFTER_CAP),
        ("99999999", RETRY_AFTER_CAP),
        ("1e12", RETRY_AFTER_CAP),
        (1e12, RETRY_AFTER_CAP),
        ("inf", RETRY_AFTER_CAP),
        (float("inf"), RETRY_AFTER_CAP),
        ("9" * 400, RETRY_AFTER_CAP),
        ("nan", None),
        ("soon", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_retry_after_is_seconds_within_a_day(value, expected) -> None:
    assert parse_retry_after(value, NOW) == expected


@pytest.mark.parametrize("value", ["1e12", "inf", "9" * 400, "Fri, 31 Dec 9999 23:59:59 GMT"])
def test_any_retry_after_can_be_added_to_a_date(value) -> None:
    # The clamp is what keeps `now + wait` from an OverflowError.
    assert NOW + timedelta(seconds=parse_retry_after(value, NOW)) <= NOW + timedelta(days=1)


def test_a_source_error_is_transient_or_permanent_by_its_class() -> None:
    slow = SourceError("timed out", transient=True, status=None)
    gone = FetchError("HTTP 404 Not Found", status=404)
    limited = FetchError("HTTP 429", transient=True, status=429, retry_after=30.0)
    assert type(slow) is TransientSourceError and slow.transient
    assert type(gone) is PermanentSourceError and not gone.transient and gone.status == 404
    assert limited.retry_after == 30.0 and isinstance(limited, ReleasewatchError)
    with pytest.raises(TypeError):
        PermanentSourceError("x", transient=True)
    copy = pickle.loads(pickle.dumps(slow))
    assert type(copy) is TransientSourceError and str(copy) == "timed out"


def test_the_families_share_one_root() -> None:
    for cls in (ConfigError, UsageError, InputError, StateFileError):
        assert issubclass(cls, UserError)
    for cls in (UserError, SourceError, DeliveryError):
        assert issubclass(cls, ReleasewatchError)
    assert issubclass(TransientError, DeliveryError) and issubclass(PermanentError, DeliveryError)


def test_a_config_error_prints_one_line_per_problem(tmp_path, capsys) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("watches: 3\nsources: nope\n")
    assert main(["validate", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) >= 2 and all(line.startswith("error: ") for line in lines)
    assert "Traceback" not in err


def test_a_bad_argument_is_one_line_and_exit_1(capsys) -> None:
    assert main(["check", "--no-such-flag"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: releasewatch")
