"""Why a write failed, in French: SQLite's and the system's English never reach the user."""

import errno
import sqlite3

import pytest

from desktop.core.storage.files import french_reason


def sqlite_error(code: int) -> sqlite3.Error:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(
    ("code", "words"),
    [(13, "le disque est plein"), (10, "le disque ne répond pas"), (5, "occupée"),
     (8, "ne peut pas être modifiée"), (266, "le disque ne répond pas")],  # 266: IOERR_READ
)  # fmt: skip
def test_sqlite_errors_in_french(code, words):
    assert words in french_reason(sqlite_error(code))


def test_a_real_sqlite_refusal_and_a_system_error():
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA query_only = ON")
    with pytest.raises(sqlite3.Error) as refused:
        conn.execute("CREATE TABLE t (x)")
    assert french_reason(refused.value) == "la base ne peut pas être modifiée"
    assert french_reason(OSError(errno.ENOSPC, "No space left on device")) == "disque plein"
