"""Copying the WAL into the database on a thread of its own during a large pass.

In WAL mode each commit appends the pages it changed to the -wal file; a checkpoint
copies them into the database. SQLite runs it on the committing connection once the
WAL holds wal_autocheckpoint pages: during a share's first import, that is the single
writer, the pass's critical path, which then copies and syncs tens of megabytes while
every other file waits. Here a connection of its own does it on its own thread (the
sqlite3 module lets go of the interpreter's lock while SQLite works), on the core the
reading workers leave free between chunks.

PASSIVE checkpoints only: they never wait for a lock nor hold up the writer or a
reader. The writer keeps its own automatic checkpoint as a backstop, at a higher mark:
only a checkpoint on the writer's connection at its commit restarts the WAL from its
beginning (SQLite restarts it when the next transaction finds it all copied), which
bounds its size on disk.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# A first import commits a chunk (some 14 MB of pages) every 0.1–0.15 s; checkpoints
# every 0.25 and every 1 s measured alike (114,280 files, interleaved).
EVERY_S = 0.25


@contextmanager
def checkpoints_aside(db_path: Path, every_s: float = EVERY_S) -> Iterator[None]:
    """While inside, checkpoint db_path's WAL every every_s seconds on another thread.

    A failure to open or to checkpoint stops only this helper: the writer's own
    automatic checkpoints go on as before."""
    stop = threading.Event()
    thread = threading.Thread(
        target=_checkpoint_until, args=(Path(db_path), stop, every_s),
        name="carnet-checkpoints", daemon=True,
    )  # fmt: skip
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _checkpoint_until(db_path: Path, stop: threading.Event, every_s: float) -> None:
    try:
        uri = db_path.resolve().as_uri() + "?mode=rw"  # never makes a file in its place
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA synchronous = FULL")  # the copy synced as the writer's commits
        while not stop.wait(every_s):
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error:
        return  # the writer's automatic checkpoints still run
    finally:
        conn.close()
