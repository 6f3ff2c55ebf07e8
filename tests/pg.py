"""A real PostgreSQL 15 server for the tests: one cluster per session, a database per test.

The server refuses to run as root, so the cluster lives in a temp dir owned by the
`postgres` user (initdb and pg_ctl through runuser) and listens only on a Unix socket
in that dir: no TCP port, nothing beyond this machine. fsync is off: a test database
is thrown away, and this keeps a test at ~0.15 s.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")


class Cluster:
    """A running cluster; `database()` makes a fresh, empty database and gives its URL."""

    def __init__(self, root: Path, user: str):
        self.root = root
        self.socket_dir = root / "socket"
        self.user = user
        self._numbers = itertools.count(1)

    def url(self, dbname: str) -> str:
        # libpq reads a host that starts with '/' as a socket directory.
        return f"postgresql://{self.user}@/{dbname}?host={self.socket_dir}"

    def database(self) -> str:
        name = f"t{os.getpid()}_{next(self._numbers)}"
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop(self, url: str) -> None:
        name = url.split("@/", 1)[1].split("?", 1)[0]
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def restart(self) -> None:
        """Stop the server (fast: every connection is cut, as a crash or a reboot of the
        database machine does) and start it again on the same socket."""
        subprocess.run(
            _as_postgres(BIN / "pg_ctl", "-D", self.root / "data", "-l", self.root / "log",
                         "-m", "fast", "-w", "restart"),
            check=True, stdout=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        """Stop the server (fast: every connection is cut) until start()."""
        subprocess.run(
            _as_postgres(BIN / "pg_ctl", "-D", self.root / "data", "-m", "fast", "-w", "stop"),
            check=True, stdout=subprocess.DEVNULL,
        )

    def start(self) -> None:
        subprocess.run(
            _as_postgres(BIN / "pg_ctl", "-D", self.root / "data", "-l", self.root / "log",
                         "-w", "-o", _options(self.socket_dir), "start"),
            check=True, stdout=subprocess.DEVNULL,
        )

    def psql(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)


def _options(socket_dir: Path) -> str:
    return (
        f"-c listen_addresses='' -k {socket_dir} -c fsync=off -c synchronous_commit=off"
        " -c full_page_writes=off -c max_connections=200"
    )


def _as_postgres(*args: str | os.PathLike) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *map(str, args)]
    return [str(a) for a in args]


def ensure_installed() -> None:
    """PostgreSQL's server binaries must be there (.ci/run installs them with apt). On a
    machine without them the PostgreSQL half of the suite is skipped, saying why: the
    tests never install system packages on a user's machine."""
    if (BIN / "initdb").exists():
        return
    import pytest

    pytest.skip(f"PostgreSQL 15's server binaries are not installed ({BIN}); "
                "`apt-get install postgresql` (as .ci/run does) runs these tests too")


@contextlib.contextmanager
def running_cluster() -> Iterator[Cluster]:
    ensure_installed()
    root = Path(tempfile.mkdtemp(prefix="releasewatch-pg-"))
    owner = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(root, entry.pw_uid, entry.pw_gid)
    root.chmod(0o755)
    data = root / "data"
    socket_dir = root / "socket"
    subprocess.run(
        _as_postgres("mkdir", "-p", socket_dir), check=True
    )
    subprocess.run(
        _as_postgres(BIN / "initdb", "-D", data, "-U", owner, "--auth=trust", "-E", "UTF8",
                     "--no-instructions", "--locale=C.UTF-8"),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        _as_postgres(BIN / "pg_ctl", "-D", data, "-l", root / "log", "-w", "-o",
                     _options(socket_dir), "start"),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        yield Cluster(root, owner)
    finally:
        subprocess.run(
            _as_postgres(BIN / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(root, ignore_errors=True)
