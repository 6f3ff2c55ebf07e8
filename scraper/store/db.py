"""The state's one connection: SQLite (WAL) or PostgreSQL, its transaction and time format.

Each table family has its repository beside this module (sources, feed_entries,
facts, outbox, meta); `State` in state.py joins them over this one connection.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scraper.errors import StateFileError
from scraper.store.dialect import POSTGRESQL, SQLITE, Dialect, is_database_url, shown_url
from scraper.store.schema import SCHEMA_VERSION, SchemaTooNew, migrate

# What SQLite cuts the WAL back to after a checkpoint. A connection that stays open
# (the daemon) never deletes its WAL, and without a limit the file keeps the size of
# the largest stretch between checkpoints it ever wrote: a cold cycle writes the whole
# database into it, and 1,000 pages (4 MB) pile up between automatic checkpoints.
WAL_SIZE_LIMIT = 1024 * 1024


# The PostgreSQL channel workers LISTEN on, woken by a commit that makes work for them.
WAKE_CHANNEL = "releasewatch"


@functools.lru_cache(maxsize=256)  # a cycle writes its one `now` twice per source
def to_db_time(moment: datetime) -> str:
    """UTC, fixed width: strings sort in time order, so SQL can compare them."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db_time(text: str | None) -> datetime | None:
    if not text:
        return None
    return _from_db_time(text)


# A cycle loads every source's row, and the sources checked in one cycle share their
# last_checked_at and last_success_at: the same few strings, read once each (a datetime
# is immutable, so sharing one is safe).
@functools.lru_cache(maxsize=256)
def _from_db_time(text: str) -> datetime:
    # to_db_time's own shape: fromisoformat reads it 20x faster than strptime
    # (two per source when a cycle loads the sources' state).
    shaped = text[10:11] == "T" and text[19:20] == "." and text[26:] == "Z"
    if shaped and len(text) == 27 and text.isascii() and text[20:26].isdigit():
        return datetime.fromisoformat(text[:26]).replace(tzinfo=UTC)
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)



class Database:
    """One open state file. Thread-safe: every call holds one lock.

    read_only (status, history): opened with SQLite's mode=ro, so a state file or folder
    the user may only read still answers; nothing is created, migrated or written.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, upgrade: bool = True):
        self._lock = threading.RLock()
        self._depth = 0
        if is_database_url(path):
            self._open_postgresql(str(path), read_only=read_only, upgrade=upgrade)
            return
        self.dialect: Dialect = SQLITE
        self.path = Path(path)
        try:
            if read_only:
                self._conn = _connect_read_only(self.path)
                _check_version(self._conn)
            else:
                _create_if_missing(self.path)
                _refuse_empty(self.path)
                _refuse_read_only(self.path)
                self._conn = _open_for_writing(self.path)
            _check_intact(self._conn)
        except SchemaTooNew as exc:
            raise StateFileError(f"{self.path}: {exc}; upgrade releasewatch") from exc
        except sqlite3.DatabaseError as exc:
            raise StateFileError(
                f"{self.path}: cannot open the state file: {_said(exc)}"
            ) from exc
        except OSError as exc:
            raise StateFileError(
                f"{self.path}: cannot create the state file: {exc.strerror}"
            ) from exc

    def _open_postgresql(self, url: str, *, read_only: bool, upgrade: bool) -> None:
        from scraper.store import pg  # psycopg is loaded only for a PostgreSQL state

        self.dialect = POSTGRESQL
        self.path = shown_url(url)  # type: ignore[assignment]  # named in messages
        self.url = url
        self._read_only = read_only
        try:
            self._conn = pg.connect(url, read_only=read_only, migrate=upgrade)
        except SchemaTooNew as exc:
            raise StateFileError(f"{self.path}: {exc}; upgrade releasewatch") from exc
        except pg.Error as exc:
            said = " ".join(str(exc).split()) or type(exc).__name__
            raise StateFileError(
                f"{self.path}: {said.replace(url, self.path)}"
            ) from exc

    @property
    def is_postgresql(self) -> bool:
        return self.dialect is POSTGRESQL

    def is_database_error(self, exc: BaseException) -> bool:
        """`exc` is the state database's own error (SQLite's or PostgreSQL's driver)."""
        if isinstance(exc, sqlite3.Error):
            return True
        if self.is_postgresql:
            from scraper.store import pg

            return isinstance(exc, pg.Error)
        return False

    def wake_workers(self, what: str) -> None:
        """Tell the workers listening on the database (runtime/workers.py) that this
        transaction makes work for them: "outbox" (a delivery to send) or "sources" (a
        source due now). PostgreSQL sends it at the commit, and not at all on a rollback;
        their short poll covers a lost one. Nothing listens to a SQLite file."""
        if self.is_postgresql:
            self._execute("SELECT pg_notify(?, ?)", (WAKE_CHANNEL, what))

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _live(self) -> Any:
        """The connection, opened again if the server cut it (PostgreSQL restarted, a
        failover, an idle timeout): a worker lives longer than any one connection, and
        would otherwise fail every call until it is restarted. Only between transactions:
        inside one, the cut is the transaction's failure (the server rolled it back), and
        the caller's next call reconnects."""
        if self.is_postgresql and self._depth == 0 and (self._conn.closed or self._conn.broken):
            from scraper.store import pg

            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = pg.connect(self.url, read_only=self._read_only, migrate=False)
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (nested: the outer one decides)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._live().execute(self.dialect.begin)
            self._depth = 1
            try:
                yield
            except BaseException:
                # A PostgreSQL connection that broke cannot roll back; the server did.
                with contextlib.suppress(Exception):
                    self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock:
            return self._live().execute(self.dialect.sql(sql), params)

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        with self._lock:
            self._live().cursor().executemany(self.dialect.sql(sql), rows)

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Rows readable by index or column name (sqlite3.Row, or pg.Row alike)."""
        with self._lock:
            return self._live().execute(self.dialect.sql(sql), params).fetchall()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    conn.row_factory = sqlite3.Row
    return conn


# How long an open waits for other runs that hold the file while they migrate it.
OPEN_PATIENCE = 30.0


def _open_for_writing(path: Path) -> sqlite3.Connection:
    """Connected in WAL mode and migrated. Most lock waits honour the connection's busy
    timeout, but a few steps of an open (switching an old file to WAL, a read that
    meets another run's migration) answer "database is locked" at once: those are
    retried, every step being safe to repeat, for up to OPEN_PATIENCE seconds."""
    deadline = time.monotonic() + OPEN_PATIENCE
    while True:
        conn = _connect(path)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            migrate(conn)
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)
        except BaseException:
            conn.close()
            raise


def _create_if_missing(path: Path) -> None:
    """A new state file appears whole: built beside its place with mode 0600 (it holds
    alert history and delivery errors; SQLite gives its -wal and -shm files the same
    mode), then linked into place. So the state file is never seen empty, and an empty
    one is always damage (see _refuse_empty); two first runs at once keep one of them."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.new")
    os.close(os.open(building, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        conn = _connect(building)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            migrate(conn)
        finally:
            conn.close()
        with contextlib.suppress(FileExistsError):  # another first run was quicker
            os.link(building, path)
    finally:
        for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _refuse_empty(path: Path) -> None:
    # SQLite reads an empty file as a new database and the schema would be created in
    # it: every fact known so far forgotten, and alerted again. Never silently.
    if path.stat().st_size == 0:
        raise StateFileError(
            f"{path}: the state file is empty (0 bytes), so it was cut off or is not a "
            "releasewatch state; restore it from a backup, or delete it to start afresh "
            "(every current release date and trailer is then alerted again)"
        )


def _refuse_read_only(path: Path) -> None:
    """A state this user may not write is named now. SQLite opens it all the same (read
    only) and fails at the first write: after every source was fetched, as an
    "attempt to write a readonly database" internal error."""
    if not os.access(path, os.W_OK):
        raise StateFileError(
            f"{path}: the state file is read-only for this user; releasewatch records "
            "every check in it: make it writable, or set state: to a file this user may write"
        )
    folder = path.parent
    beside = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    if not os.access(folder, os.W_OK | os.X_OK) and not all(
        os.access(p, os.W_OK) for p in beside
    ):
        raise StateFileError(
            f"{path}: its folder {folder} is read-only for this user, and SQLite keeps "
            f"the state's -wal and -shm files beside it: make the folder writable"
        )


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if path.exists() and path.stat().st_size == 0:
        _refuse_empty(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL database in a folder we may not write: SQLite cannot make its -shm file.
        # Nobody can be writing it then (no -wal either), so it can be read as it is.
        conn.close()
        if Path(f"{path}-wal").exists():
            raise
        conn = sqlite3.connect(f"{uri}&immutable=1", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
    return conn


def _check_version(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"state file has schema version {version}; this releasewatch knows {SCHEMA_VERSION}"
        )
    if version < SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            "not a releasewatch state file, or one from an older release: "
            "run `releasewatch check` once to bring it up to date"
        )


def _check_intact(conn: sqlite3.Connection) -> None:
    """A damaged file is named now, before a check reads half of it and sends alerts on
    what it could not read (quick_check reads every page once: milliseconds for a state)."""
    found = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    if found != "ok":
        found = " ".join(found.replace("*** in database main ***", "").split())
        raise sqlite3.DatabaseError(f"the file is damaged ({found}); restore it from a backup")


def _said(exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "malformed" in text or "not a database" in text:
        return f"the file is damaged ({text}); restore it from a backup"
    return text
