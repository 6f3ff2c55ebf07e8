"""Fixtures shared by several test files. Plain helpers and constants are in support.py."""

from __future__ import annotations

import logging
import signal
import subprocess

import pytest
from pg import running_cluster
from support import RecordingNotifier

import notifiers
from scraper.demo.localsite import LocalSite
from scraper.store.state import State


@pytest.fixture(autouse=True)
def restore_root_logging():
    """A CLI run in a test points the root logger at that test's captured stderr; the
    next test's logs (a local server's request lines) must not go to a closed stream."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)


@pytest.fixture
def recording():
    """The `recording` notifier type, registered for the test: the list of alerts it got."""
    notifiers.register(RecordingNotifier)
    RecordingNotifier.received = []
    yield RecordingNotifier.received
    notifiers.NOTIFIER_TYPES.pop("recording", None)


@pytest.fixture
def site():
    """A LocalSite, started for the test and stopped after it."""
    with LocalSite() as running:
        yield running


@pytest.fixture
def state(tmp_path):
    """A State on a fresh state file in tmp_path, closed after the test."""
    opened = State(tmp_path / "state.db")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def pg_cluster():
    """One PostgreSQL cluster for the session, on a Unix socket in a temp dir (tests/pg.py)."""
    with running_cluster() as cluster:
        yield cluster


@pytest.fixture
def pg_url(pg_cluster):
    """The URL of a fresh, empty PostgreSQL database, dropped after the test."""
    url = pg_cluster.database()
    yield url
    pg_cluster.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    """Where a state lives, once per backend: a SQLite file path, or a PostgreSQL URL.
    A test taking it runs on both, so neither backend can rot."""
    if request.param == "sqlite":
        yield str(tmp_path / "state.db")
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture
def workers():
    """`releasewatch run` subprocesses a test starts: woken and ended after it."""
    started: list[subprocess.Popen] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGCONT)
            process.terminate()
    for process in started:
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
