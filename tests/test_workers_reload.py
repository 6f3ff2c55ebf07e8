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
from datetime import UTC, datetime

from test_workers_run import checked_all, nothing_yet, wait_for, write_config

from scraper.store.state import State


def start_worker(config, log):
    """A worker with the default five-minute source lease, polling often."""
    return subprocess.Popen(
        [sys.executable, "-m", "scraper", "run", "--config", str(config)],
        stdout=subprocess.DEVNULL, stderr=log.open("ab"),
        env={**os.environ, "RELEASEWATCH_POLL": "0.3"},
    )


def test_sighup_reloads_a_workers_config_and_a_bad_one_is_kept_out(tmp_path, site, pg_url):
    for show in ("Heartstopper", "Severance"):
        site.pages["/" + show.lower()] = nothing_yet(show)
    config = write_config(tmp_path, site, pg_url, ("Heartstopper",))
    log = tmp_path / "worker.log"
    worker = start_worker(config, log)
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


def test_a_source_only_another_config_holds_is_handed_back_not_held_for_the_lease(
    tmp_path, site, pg_url, workers
):
    """Mid roll-out: worker A runs the old config (Heartstopper), worker B the new one
    (Heartstopper and Severance). A claims Severance with the due work but cannot check
    it; it hands it back at once, still due, instead of sitting on it for its
    five-minute lease, claims it no more, and checks nothing it did not claim."""
    for show in ("Heartstopper", "Severance"):
        site.pages["/" + show.lower()] = nothing_yet(show)
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    old_dir.mkdir()
    new_dir.mkdir()
    old = write_config(old_dir, site, pg_url, ("Heartstopper",))
    new = write_config(new_dir, site, pg_url, ("Heartstopper", "Severance"))
    workers.append(start_worker(old, old_dir / "worker.log"))
    wait_for(lambda: checked_all(pg_url, ["heartstopper"]), 30, "the old worker's check")
    # The new config's source, due now, as the new worker's start writes it; the old
    # worker claims it on its next turn (a poll at most).
    state = State(pg_url)
    try:
        state.sync_sources(["heartstopper", "severance"],
                           {"heartstopper": site.url("/heartstopper"),
                            "severance": site.url("/severance")}, datetime.now(UTC))
    finally:
        state.close()
    old_log = old_dir / "worker.log"
    wait_for(lambda: "left to the workers that have it: severance" in old_log.read_text(), 30,
             "the old worker to claim Severance and hand it back")

    def severance_due():
        state = State(pg_url, read_only=True)
        try:
            return state.source_state("severance").next_check_at
        finally:
            state.close()

    # Handed back once, still due, and left alone after that: claiming it again every
    # poll would keep it from the worker that can check it most of the time.
    due = severance_due()
    time.sleep(1.0)  # more than three of the old worker's polls
    assert severance_due() == due and due <= datetime.now(UTC)
    assert "lost to another worker" not in old_log.read_text()
    workers.append(start_worker(new, new_dir / "worker.log"))
    wait_for(lambda: checked_all(pg_url, ["heartstopper", "severance"]), 30,
             "the new worker's check of its new source")
