"""Full-text search over visits: the best hits by bm25, within a window of matches.

FTS5 finds a query's matches fast (a few milliseconds for all 100,000 visits) but its
bm25 ranking costs about a microsecond per match (each match's positions and its size,
read from the index's docsize table), and it must score every match before it can keep
the best 50: a word found in most notes costs 100–200 ms at 100,000 visits. So bm25
scores at most RANK_WINDOW matches: all of them when there are fewer (every search at
10,000 visits, and any narrower query), otherwise the RANK_WINDOW matches most recently
added to this laptop (the highest rowids: FTS5 stops at a rowid bound without reading
past it). The scores are bm25's over the whole index (its IDF counts every match), so
the hits are in the same order as before; a hit that only ranked among older matches
is left out, for queries that match more than RANK_WINDOW visits.
"""

from __future__ import annotations

import sqlite3

from desktop.core.forms import text

RANK_WINDOW = 20_000

_NTH_MATCH = (
    "SELECT rowid FROM visits_fts WHERE visits_fts MATCH ? ORDER BY rowid {} LIMIT 1 OFFSET ?"
)

_HITS = (
    "SELECT v.id, v.venue_id, ve.name, v.visit_date, "
    f"snippet(visits_fts, 0, '{text.HIT_START}', '{text.HIT_END}', '…', 16), v.template_id "
    "FROM visits_fts f JOIN visits v ON v.rowid = f.rowid JOIN venues ve ON ve.id = v.venue_id "
    "WHERE visits_fts MATCH ? AND f.rowid >= ? AND v.deleted_at IS NULL "
    "AND ve.deleted_at IS NULL ORDER BY rank LIMIT ?"
)


def first_ranked_rowid(conn: sqlite3.Connection, fts: str, window: int | None = None) -> int:
    """The lowest rowid of the `window` matches most recently added (0: rank them all)."""
    window = window or RANK_WINDOW
    if (conn.execute("SELECT max(rowid) FROM visits").fetchone()[0] or 0) <= window:
        return 0  # fewer rows than that: no need to walk the matches to know it
    # Fewer matches than that? Walking forward tells it sooner (FTS5 walks several
    # words' lists backwards at a third of the speed: 7 against 2 ms at 100,000 visits).
    if conn.execute(_NTH_MATCH.format("ASC"), (fts, window - 1)).fetchone() is None:
        return 0
    return conn.execute(_NTH_MATCH.format("DESC"), (fts, window - 1)).fetchone()[0]


def best_hits(conn: sqlite3.Connection, user_text: str, limit: int, window: int | None = None):
    """Rows (id, venue id, venue name, date, snippet, template id), best first."""
    fts = text.fts_query(user_text, text.SHORT_WORDS_WHOLE)
    if not fts:
        return []
    return conn.execute(_HITS, (fts, first_ranked_rowid(conn, fts, window), limit)).fetchall()
