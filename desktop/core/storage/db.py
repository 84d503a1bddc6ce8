"""Opening the local SQLite database: pragmas, read connections, integrity.

WAL lets readers run during a write; synchronous=FULL makes each committed autosave
survive a power cut, not just a crash of the app. Writes (and migrations) happen only
on the data service's connection (data_service.py); every other connection is read-only.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


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


def connect(path: Path) -> Database:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        db = Database(conn)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise DatabaseError(f"Le journal WAL n'a pas pu être activé (mode : {mode}).")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()  # a refused file must not stay open (and locked, on Windows)
        raise
    return db


def schema_version(db: Database) -> int:
    return db.conn.execute("PRAGMA user_version").fetchone()[0]


def open_reader(path: Path) -> Database:
    """A read-only connection: every write goes through the data service's own one."""
    import sqlite3

    try:
        db = connect(path)
        db.conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as error:
        raise DatabaseError(
            f"La base de données « {path} » est illisible ou endommagée ({error})."
        ) from None
    return db


def integrity_problems(db: Database) -> list[str]:
    rows = db.conn.execute("PRAGMA integrity_check").fetchall()
    problems = [r[0] for r in rows if r[0] != "ok"]
    problems += [str(r) for r in db.conn.execute("PRAGMA foreign_key_check").fetchall()]
    return problems
