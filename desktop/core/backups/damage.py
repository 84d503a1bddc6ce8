"""Whether the database file is damaged: SQLite's own check, the first thing a start does.

Standard library and the database helpers only, so that a start can run the check on a
thread of its own before it imports the window (BackgroundCheck): sqlite3 lets go of
Python's lock while it reads the pages, so the check, proportional to the data (about
60 ms at 10,000 visits), runs beside the imports instead of after them.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from desktop.core.storage.db import DatabaseError, is_read_only, read_only_uri
from desktop.core.storage.files import french_reason

# SQLite's primary codes that say the file itself is damaged; any other error (a full
# disk, an I/O error, a file it cannot open or lock) says nothing of the file, which
# must then never be set aside as « endommagé » (a full disk looked like damage, and the
# start offered to put a sound database aside and begin empty).
DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def damage_problem(db_path: Path, thorough: bool = False) -> str | None:
    """Why the database file is damaged, or None (also None when it does not exist).

    quick_check at start (it reads every page but skips the index cross-checks: about
    half the time of integrity_check); thorough=True runs the full integrity_check.
    A file whose schema is merely newer than this Carnet is not damaged.
    """
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    read_only = is_read_only(db_path)  # a folder Carnet cannot write is not damage
    name = read_only_uri(db_path) if read_only else str(db_path)
    try:
        conn = sqlite3.connect(name, uri=read_only, isolation_level=None, timeout=5)
    except sqlite3.DatabaseError as error:
        return damage_of(error, db_path)
    try:
        check = "integrity_check" if thorough else "quick_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {check}").fetchall()]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        return damage_of(error, db_path)
    finally:
        conn.close()
    return None if rows == ["ok"] else "; ".join(rows[:5])


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite's error says the file is damaged (not the disk, a lock, a right)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is None or code & 0xFF in DAMAGE_CODES


def damage_of(error: sqlite3.Error, db_path: Path) -> str:
    """str(error) when it is damage; DatabaseError (French) when the disk or the system
    is the cause: nothing is set aside, the user frees room or plugs the disk in again."""
    if is_damage(error):
        return str(error)
    raise DatabaseError(unavailable_text(error, db_path)) from None


def unavailable_text(error: sqlite3.Error, db_path: Path) -> str:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    advice = (
        "fermez l'autre programme qui l'utilise (une autre copie de Carnet, un outil de "
        "sauvegarde ou de synchronisation), puis relancez Carnet."
        if code in {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
        else "libérez de la place sur le disque (ou rebranchez-le), puis relancez Carnet."
    )
    return (
        f"Carnet ne peut pas ouvrir sa base de données ({french_reason(error)} ; SQLite : "
        f"{error}). Le fichier {db_path} n'a pas été modifié et n'est pas endommagé pour "
        f"autant : {advice}"
    )


class BackgroundCheck:
    """damage_problem(db_path) started now on its own thread; problem() waits for it."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._found: str | None = None
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="carnet-start-check")
        self._thread.start()

    def _run(self) -> None:
        try:
            self._found = damage_problem(self.db_path)
        except Exception:  # checked again, in the caller's thread, where errors are handled
            self._failed = True

    def problem(self, db_path: Path) -> str | None:
        """What damage_problem(db_path) says: the thread's answer, or checked again here
        when the thread checked another file or failed."""
        self._thread.join()
        if self._failed or Path(db_path) != self.db_path:
            return damage_problem(db_path)
        return self._found
