"""Opening the local SQLite database: pragmas, explicit transactions, migrations.

WAL lets readers run during a write; synchronous=FULL makes each committed autosave
survive a power cut, not just a crash of the app. Transactions are explicit (BEGIN
IMMEDIATE ... COMMIT) so that a migration or a multi-row edit is all or nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from desktop.core.migrations import MIGRATIONS


class DatabaseError(RuntimeError):
    """The database cannot be opened or upgraded; str() is a French message."""


def connect(path: Path) -> sqlite_utils.Database:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        db = sqlite_utils.Database(conn)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise DatabaseError(f"Le journal WAL n'a pas pu être activé (mode : {mode}).")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()  # a refused file must not stay open (and locked, on Windows)
        raise
    return db


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def schema_version(db: sqlite_utils.Database) -> int:
    return db.conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, target: int | None = None) -> int:
    """Apply the numbered migrations above the stored version, each in one transaction."""
    target = len(MIGRATIONS) if target is None else target
    current = schema_version(db)
    if current > len(MIGRATIONS):
        raise DatabaseError(
            f"Cette base vient d'une version plus récente de Carnet (schéma {current}, "
            f"cette version connaît le schéma {len(MIGRATIONS)}). Mettez Carnet à jour."
        )
    for number in range(current + 1, target + 1):
        with transaction(db):
            MIGRATIONS[number - 1](db)
            db.conn.execute(f"PRAGMA user_version = {number}")
    return schema_version(db)


def open_database(path: Path) -> sqlite_utils.Database:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = connect(path)
        try:
            migrate(db)
        except BaseException:
            db.conn.close()
            raise
    except sqlite3.DatabaseError as error:
        raise DatabaseError(
            f"La base de données « {path} » est illisible ou endommagée ({error})."
        ) from None
    return db


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    rows = db.conn.execute("PRAGMA integrity_check").fetchall()
    problems = [r[0] for r in rows if r[0] != "ok"]
    problems += [str(r) for r in db.conn.execute("PRAGMA foreign_key_check").fetchall()]
    return problems
