"""Opening the local SQLite database: pragmas, read connections, integrity.

WAL lets readers run during a write; synchronous=FULL makes each committed autosave
survive a power cut, not just a crash of the app. Writes (and migrations) happen only
on the data service's connection (data_service.py); every other connection is read-only.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from desktop.core.storage.migrations import MIGRATIONS


class DatabaseError(RuntimeError):
    """The database cannot be opened or upgraded; str() is a French message."""


class Database:
    """A sqlite3 connection, with sqlite-utils' table helpers loaded on first use.

    Reads go straight to `conn`. sqlite-utils takes longer to import than the whole
    first screen needs, and the first screen only reads: `db["table"]` and any other
    sqlite-utils method import it when a write first needs it.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils = None

    @property
    def utils(self):
        if self._utils is None:
            import sqlite_utils

            # recursive_triggers=False: no PRAGMA behind our back, maybe mid-transaction.
            self._utils = sqlite_utils.Database(self.conn, recursive_triggers=False)
        return self._utils

    def __getitem__(self, table: str):
        return self.utils[table]

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)


WAL_SIZE_LIMIT = 16 * 2**20  # bytes; the WAL of everyday writes stays under 5 MB
DURABLE_COMMIT = "FULL"  # every commit waits until the log is on the disk
UNSYNCED_COMMIT = "NORMAL"  # WAL: the log is synced at the next durable commit or checkpoint


def connect(path: Path) -> Database:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        db = Database(conn)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise DatabaseError(f"Le journal WAL n'a pas pu être activé (mode : {mode}).")
        conn.execute(f"PRAGMA synchronous = {DURABLE_COMMIT}")
        # The log file keeps the size it once reached: a share's first import lets it grow
        # to some 160 MB (new_files.LARGE_PASS). Cut back to this when it next starts over.
        conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()  # a refused file must not stay open (and locked, on Windows)
        raise
    return db


def data_version(db: Database) -> int:
    """Moves when another connection committed to the file since this one last read it
    (never for this connection's own commits)."""
    return db.conn.execute("PRAGMA data_version").fetchone()[0]


def schema_version(db: Database) -> int:
    return db.conn.execute("PRAGMA user_version").fetchone()[0]


def open_reader(path: Path) -> Database:
    """A read-only connection: every write goes through the data service's own one."""
    if is_read_only(path):  # a folder Carnet cannot write: opened immutable (read_only.py)
        return connect_read_only(path)
    try:
        db = connect(path)
        db.conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as error:
        raise DatabaseError(
            f"La base de données « {path} » est illisible ou endommagée ({error})."
        ) from None
    return db


def is_read_only(db_path: Path) -> bool:
    """The database exists and its folder or the file itself cannot be written."""
    db_path = Path(db_path)
    if not db_path.exists():
        return False
    return not (os.access(db_path.parent, os.W_OK) and os.access(db_path, os.W_OK))


def read_only_uri(db_path: Path) -> str:
    """SQLite's name for the file opened read-only and immutable (no -wal, no -shm made)."""
    return f"file:{quote(str(Path(db_path).resolve()))}?mode=ro&immutable=1"


def connect_read_only(db_path: Path) -> Database:
    try:
        conn = sqlite3.connect(
            read_only_uri(db_path), uri=True, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA query_only = ON")
        db = Database(conn)
        version = schema_version(db)
    except sqlite3.DatabaseError as error:
        raise DatabaseError(
            f"La base de données « {db_path} » est illisible ou endommagée ({error})."
        ) from None
    if version != len(MIGRATIONS):
        conn.close()
        raise DatabaseError(
            f"La base « {db_path} » est en lecture seule et d'une autre version de Carnet "
            f"(schéma {version}, attendu {len(MIGRATIONS)}) : elle ne peut pas être mise à "
            "jour ici. Copiez le dossier des données sur un disque où Carnet peut écrire."
        )
    return db


def integrity_problems(db: Database) -> list[str]:
    rows = db.conn.execute("PRAGMA integrity_check").fetchall()
    problems = [r[0] for r in rows if r[0] != "ok"]
    problems += [str(r) for r in db.conn.execute("PRAGMA foreign_key_check").fetchall()]
    return problems
