"""`releasewatch demo` runs offline, end to end, and says what it sent and what it did not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scraper.demo import story as demo_story

ROOT = Path(__file__).resolve().parent.parent


def test_demo_sends_each_piece_of_news_once_and_leaves_nothing_behind(tmp_path):
    workdir, tmp = tmp_path / "cwd", tmp_path / "tmp"
    workdir.mkdir()
    tmp.mkdir()
    # Only 127.0.0.1 is used: a proxy from the environment must not get in the way.
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(TMPDIR=str(tmp), PYTHONPATH=str(ROOT), NO_PROXY="127.0.0.1")
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "demo"],
        cwd=workdir, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    out = result.stdout
    assert result.returncode == 0, f"exit {result.returncode}\n{out}\n{result.stderr}"

    summary = out[out.index("Sent 4 alerts"):]  # four pieces of news, no more
    assert "release_date.announced" in summary
    assert "release_date.changed" in summary
    assert summary.count("trailer.released") == 2  # the teaser and the official trailer
    assert f"watch?v={demo_story.TEASER_ID}" in summary
    assert f"watch?v={demo_story.TRAILER_ID}" in summary
    # Each alert as the user receives it: the Discord embed and the email subject.
    assert "Discord message:" in out
    assert "Subject: The Glass Orchard Season 2: release date announced — " in out
    assert "Subject: The Glass Orchard Season 2: release date changed — " in out
    assert out.count("Email: Subject:") == 4
    # What was deliberately not sent is named.
    assert "Deliberately not sent:" in summary
    assert "reports of facts already known" in summary
    assert "speculation/negation: 3 pages read, nothing announced" in summary
    assert "Traceback" not in result.stderr

    assert list(workdir.iterdir()) == [], "the demo left files in the working directory"
    assert list(tmp.iterdir()) == [], "the demo left its temporary directory behind"


def test_demo_story_dates_are_fridays_in_the_future_and_the_move_is_later():
    from datetime import date

    dates = demo_story.Dates.around(date(2031, 1, 7))
    assert dates.premiere > dates.today and dates.premiere.weekday() == 4
    assert (dates.moved_to - dates.premiere).days == 21
    assert dates.season1 < dates.today  # Season 1's date: another season, in the past


def test_demo_smtp_sink_receives_what_the_email_notifier_sends():
    from datetime import UTC, datetime

    from notifiers.email import EmailNotifier
    from scraper.demo.show import SmtpSink, render_email
    from scraper.models import ANNOUNCED, Alert

    alert = Alert(
        id="a1", event=ANNOUNCED, watch_title="The Glass Orchard", watch_season=2,
        value={"date": "2031-04-11", "precision": "day"}, previous=None,
        evidence="The Glass Orchard Season 2 premieres on Friday 11 April 2031.",
        source="http://127.0.0.1/official", sources=("http://127.0.0.1/official",),
        detected_at=datetime(2031, 1, 7, tzinfo=UTC),
    )
    sink = SmtpSink().start()
    try:
        notifier = EmailNotifier("email", {
            "host": "127.0.0.1", "port": sink.port, "security": "none",
            "from": "releasewatch <a@demo.invalid>", "to": ["you@demo.invalid"], "timeout": 5,
        })
        notifier.send(alert)
        notifier.send(alert)
        first, second = sink.take()
    finally:
        sink.stop()
    assert render_email(first) == (
        "Subject: The Glass Orchard Season 2: release date announced — Friday 11 April 2031"
        "   (to you@demo.invalid)"
    )
    assert "premieres on Friday 11 April 2031" in first.get_body(("plain",)).get_content()
    assert first["Message-ID"] == second["Message-ID"]  # the same alert, the same id


def test_a_delay_that_is_not_a_number_of_seconds_is_a_user_error(capsys):
    # `--delay nan` ran the whole story and then died 'internal error: ValueError', exit 2.
    from scraper.cli.main import main

    for given in ("nan", "inf", "-1", "soon"):
        assert main(["demo", "--delay", given]) == 1, given
        err = capsys.readouterr().err
        assert err.startswith("error: ") and "--delay" in err and "internal" not in err, err
