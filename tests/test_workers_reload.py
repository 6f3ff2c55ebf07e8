"""SIGHUP re-reads the config of a `releasewatch run` worker on PostgreSQL, as it does for
the SQLite daemon (`systemctl reload`): a new source is upserted and checked, a new
notifier known, and a config that fails validation is logged with the old one kept.
Its default action would end the worker on the spot."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from test_workers_run import checked_all, nothing_yet, wait_for, write_config

from scraper.store.state import State


def test_sighup_reloads_a_workers_config_and_a_bad_one_is_kept_out(tmp_path, site, pg_url):
    for show in ("Heartstopper", "Severance"):
        site.pages["/" + show.lower()] = nothing_yet(show)
    config = write_config(tmp_path, site, pg_url, ("Heartstopper",))
    log = tmp_path / "worker.log"
    worker = subprocess.Popen(
        [sys.executable, "-m", "scraper", "run", "--config", str(config)],
        stdout=subprocess.DEVNULL, stderr=log.open("ab"),
        env={**os.environ, "RELEASEWATCH_POLL": "0.3"},
    )
    try:
        wait_for(lambda: checked_all(pg_url, ["heartstopper"]), 30, "the first check")
        config.write_text(
            write_config(tmp_path, site, pg_url, ("Heartstopper", "Severance")).read_text()
            + "  - name: console\n    type: console\n"
        )
        worker.send_signal(signal.SIGHUP)
        wait_for(lambda: checked_all(pg_url, ["heartstopper", "severance"]), 30,
                 "the source added by the reload")

        def knows_console() -> bool:
            state = State(pg_url, read_only=True)
            try:
                return [w.notifiers for w in state.workers()] == [("console", "sink")]
            finally:
                state.close()

        wait_for(knows_console, 30, "the worker to say it knows the new notifier")
        good = config.read_text()
        config.write_text(good.replace("interval: 1s", "interval: soon"))
        worker.send_signal(signal.SIGHUP)
        wait_for(lambda: "config not valid" in log.read_text(), 30, "the refused reload")
        time.sleep(0.5)
        assert worker.poll() is None  # still running, with the config it had
    finally:
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(20) == 0
    said = log.read_text()
    assert "reloaded" in said and "interval" in said
    state = State(pg_url, read_only=True)
    assert [n.name for n in state.configured_notifiers()] == ["console", "sink"]
    state.close()
