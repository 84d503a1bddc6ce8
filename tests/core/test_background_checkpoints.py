"""The WAL copied into the database on a thread of its own during a large pass (issue 15):
what the writer commits reaches the database file without the writer checkpointing, and
a helper that cannot open the file stops alone."""

from __future__ import annotations

import sqlite3
import time

from desktop.core.storage.background_checkpoints import checkpoints_aside
from desktop.core.storage.db import WAL_SIZE_LIMIT, connect


def writer_without_checkpoints(path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")  # only someone else copies the WAL
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    return conn


def write_pages(conn: sqlite3.Connection, rows: int = 2000) -> None:
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO notes(text) VALUES (?)", [("Réunion du collège " * 20,)] * rows)
    conn.execute("COMMIT")


def wait_for(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_commits_reach_the_database_file_while_the_writer_never_checkpoints(tmp_path):
    path = tmp_path / "carnet.sqlite"
    writer = writer_without_checkpoints(path)
    write_pages(writer)
    before = path.stat().st_size
    time.sleep(0.2)
    assert path.stat().st_size == before  # nothing copies the WAL: the file stays as it was
    with checkpoints_aside(path, every_s=0.02):
        assert wait_for(lambda: path.stat().st_size > before + 500_000)
        write_pages(writer)  # the writer goes on while the helper copies
        grown = path.stat().st_size
        assert wait_for(lambda: path.stat().st_size > grown)
    # the helper stopped: a commit now stays in the WAL alone
    write_pages(writer)
    after = path.stat().st_size
    time.sleep(0.2)
    assert path.stat().st_size == after
    reader = sqlite3.connect(str(path))
    assert reader.execute("SELECT count(*) FROM notes").fetchone() == (6000,)
    assert reader.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    reader.close()
    writer.close()


def test_a_helper_that_cannot_open_the_file_stops_alone(tmp_path):
    for missing in (tmp_path / "absent" / "carnet.sqlite", tmp_path / "carnet.sqlite"):
        with checkpoints_aside(missing, every_s=0.01):
            time.sleep(0.05)  # the thread failed to open: the work inside goes on
        assert not missing.exists()  # nothing was made in its place


def test_a_log_grown_large_is_cut_back_when_it_starts_over(tmp_path):
    """A first import lets the WAL grow past 100 MB; once copied, the next write starts the
    log over and cuts the file back (db.WAL_SIZE_LIMIT), rather than keeping it whole."""
    path = tmp_path / "carnet.sqlite"
    db = connect(path)
    conn = db.conn
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    for _ in range(8):  # some 45 MB of log
        write_pages(conn, rows=12_000)
    wal = tmp_path / "carnet.sqlite-wal"
    assert wal.stat().st_size > 2 * WAL_SIZE_LIMIT
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    write_pages(conn, rows=10)  # starts the log over
    assert wal.stat().st_size <= WAL_SIZE_LIMIT
    assert conn.execute("SELECT count(*) FROM notes").fetchone() == (96_010,)
    conn.close()
