"""Full-text search over visits: the best hits by bm25, within a window of matches.

FTS5 finds a query's matches fast, but its bm25 ranking costs about a microsecond per
match (each match's positions and its size, read from the index's docsize table), and
it must score every match before it can keep the best 50. So bm25 scores at most
RANK_WINDOW matches: all of them when there are no more (any narrow query), otherwise
the RANK_WINDOW matches most recently added to this laptop (the highest rowids: FTS5
stops at a rowid bound without reading past it), and the search says so (`Ranked`; the
dialog tells the user). The scores are bm25's over the whole index (its IDF counts every
match), so the hits are in the same order as when every match is ranked; a hit that only
ranked among older matches is left out.

Why 4,000: a word in nearly every note (« lieu ») cost 12.5 ms at 10,000 visits with
every match ranked, and 43.5 ms at 100,000 with a window of 20,000, against targets of
10 and 30 ms. bm25 costs 0.6–0.8 µs a match ranked, the snippets and FTS5's sort of the
window a few milliseconds more: 4,000 keeps the broadest query near 8 ms at 10,000
visits on a loaded machine. At 100,000 most of the rest is fixed: each statement that
reads a prefix (« lieu » as « lieu* ») merges the lists of every word starting with it
(about 5 ms for « lieu », « lieux »), and bm25 first counts every match for its IDF.
So the bound is found with one walk, newest first (FTS5 walks several words' lists
backwards more slowly, but a first walk forwards, to learn whether there are more
matches than the window, cost one more merge).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from desktop.core.forms import text

RANK_WINDOW = 4_000

# The match just older than the window: none when the window holds every match.
_PAST_WINDOW = (
    "SELECT rowid FROM visits_fts WHERE visits_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"
)

_HITS = (
    "SELECT v.id, v.venue_id, ve.name, v.visit_date, "
    f"snippet(visits_fts, 0, '{text.HIT_START}', '{text.HIT_END}', '…', 16), v.template_id "
    "FROM visits_fts f JOIN visits v ON v.rowid = f.rowid JOIN venues ve ON ve.id = v.venue_id "
    "WHERE visits_fts MATCH ? AND f.rowid > ? AND v.deleted_at IS NULL "
    "AND ve.deleted_at IS NULL ORDER BY rank LIMIT ?"
)


@dataclass(frozen=True)
class Ranked:
    """The best hits (id, venue id, venue name, date, snippet, template id), best first;
    `window` is the number of newest matches ranked when there were more, else 0."""

    rows: list[tuple]
    window: int = 0


def rowid_past_window(conn: sqlite3.Connection, fts: str, window: int) -> int:
    """The rowid of the newest match older than the `window` newest (0: there is none)."""
    if (conn.execute("SELECT max(rowid) FROM visits").fetchone()[0] or 0) <= window:
        return 0  # no more rows than that: no need to walk the matches to know it
    row = conn.execute(_PAST_WINDOW, (fts, window)).fetchone()
    return row[0] if row else 0


def ranked_hits(
    conn: sqlite3.Connection, user_text: str, limit: int, window: int | None = None
) -> Ranked:
    """The best `limit` hits among at most `window` (RANK_WINDOW) newest matches."""
    fts = text.fts_query(user_text, text.SHORT_WORDS_WHOLE)
    if not fts:
        return Ranked([])
    window = window or RANK_WINDOW
    past = rowid_past_window(conn, fts, window)
    rows = conn.execute(_HITS, (fts, past, limit)).fetchall()
    return Ranked(rows, window if past else 0)


def best_hits(conn: sqlite3.Connection, user_text: str, limit: int, window: int | None = None):
    """Rows (id, venue id, venue name, date, snippet, template id), best first."""
    return ranked_hits(conn, user_text, limit, window).rows
