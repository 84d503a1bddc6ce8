"""Migration 14: the visits' search index keeps prefix indexes of one and two characters.

Frozen with the migration (see migrations.py): never edit once shipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.storage.db import Database


def m014_search_prefix_index(db: Database) -> None:
    """Every word of a search is a prefix, and the search dialog searches as you type:
    after one or two letters (« d », « de »), FTS5 merged the lists of every word that
    starts with them (all of the index: 120–190 ms at 100,000 visits) before it could
    rank anything. prefix='1 2' keeps those lists ready (0.4 ms instead of 16 at 10,000
    visits); the index is about twice as large (6 → 14 MB at 10,000 visits). Its
    triggers are those of migrations 1 and 10, made again for the new table, which
    is filled from visits.search_text (a few seconds at 100,000 visits, once)."""
    run = db.conn.execute
    for trigger in ("visits_ai", "visits_ad", "visits_au"):
        run(f"DROP TRIGGER {trigger}")
    run("DROP TABLE visits_fts")
    run(
        "CREATE VIRTUAL TABLE visits_fts USING fts5(search_text, content='visits', "
        "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='1 2')"
    )
    run(
        "CREATE TRIGGER visits_ai AFTER INSERT ON visits "
        "WHEN NOT EXISTS (SELECT 1 FROM fts_paused WHERE tbl = 'visits') BEGIN "
        "INSERT INTO visits_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    run(
        "CREATE TRIGGER visits_ad AFTER DELETE ON visits BEGIN "
        "INSERT INTO visits_fts(visits_fts, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); END"
    )
    run(
        "CREATE TRIGGER visits_au AFTER UPDATE OF search_text ON visits BEGIN "
        "INSERT INTO visits_fts(visits_fts, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); "
        "INSERT INTO visits_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    run("INSERT INTO visits_fts(visits_fts) VALUES ('rebuild')")
