"""What the window's first frame shows, read before the workspace is opened.

Opening the workspace imports the whole storage layer (the writer, the store, the
templates, the media: some 40 ms) and may migrate the database; the first frame needs
only the venues' list and the saved language. They are read here with one light
connection and the standard library, so the window paints while the workspace opens
right after. When that is not safe, read_first_screen() says None and the start opens
the workspace first, as before: a database of another version (its migration runs
first), or one SQLite refuses to read (the damage check and the recovery come first).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.db import is_read_only, read_only_uri
from desktop.core.storage.migrations import MIGRATIONS
from desktop.core.storage.venue_summary import VenueSummary

# The venues' list without a filter, the store's list_venues() too (the covering index
# venues_by_sort_key).
VENUES_SQL = "SELECT id, name, commune FROM venues WHERE deleted_at IS NULL ORDER BY sort_key"
# The first frame reads the venues a window can show, and counts the others (its list's
# scroll bar, « 1 500 lieux »): its read stays as short with 15,000 venues as with 15.
# The whole list comes with the rest of the window, before any input reaches the list
# (ui/first_frame.py).
FIRST_ROWS = 200
COUNT_SQL = "SELECT count(*) FROM venues WHERE deleted_at IS NULL"


@dataclass(frozen=True)
class FirstScreen:
    data_dir: Path
    read_only: bool = False  # the folder cannot be written: the banner shows
    language: str = ""  # the saved preference, "" when none
    venues: list[VenueSummary] = field(default_factory=list)  # the first FIRST_ROWS
    venue_count: int = 0  # all of them


def read_first_screen(folder: Path) -> FirstScreen | None:
    """The first frame's data for a data folder already checked (check_data_dir), or None
    when the workspace must be opened first."""
    db_path = Path(folder) / DATABASE_NAME
    if not db_path.exists():
        return FirstScreen(Path(folder))  # a new folder: its database is made after
    read_only = is_read_only(db_path)
    try:
        conn = sqlite3.connect(
            read_only_uri(db_path) if read_only else str(db_path),
            uri=read_only,
            isolation_level=None,
        )
    except sqlite3.DatabaseError:
        return None
    try:
        conn.execute("PRAGMA query_only = ON")
        if conn.execute("PRAGMA user_version").fetchone()[0] != len(MIGRATIONS):
            return None
        row = conn.execute("SELECT value FROM meta WHERE key = 'language'").fetchone()
        rows = conn.execute(f"{VENUES_SQL} LIMIT {FIRST_ROWS}")
        venues = [VenueSummary(r[0], r[1], r[2] or "") for r in rows]
        count = conn.execute(COUNT_SQL).fetchone()[0] if len(venues) == FIRST_ROWS else len(venues)
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return FirstScreen(Path(folder), read_only, row[0] if row else "", venues, count)
