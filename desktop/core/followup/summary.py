"""The follow-up's summary tables (migration 14) brought in step after a bulk write.

followup_due_counts (actions per template, done and due) and followup_latest (each venue's
latest record of each template) follow followup_actions / followup_records through
triggers, row by row. A bulk insert (a share's first import: derived.fill, 500 records at
a time) or a refill would pay those triggers for each of its rows, so they stand aside
(`paused`) and the rows touched are summed and chosen here, a few statements per batch.

Derived like the tables they summarise: never shared, rebuilt by `rebuild`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

PAUSED = "followup_summary"  # its name in fts_paused (migration 10's table of paused triggers)
_SAME = "template_id IS ? AND done = ? AND due IS ?"
_LATEST = (
    "INSERT INTO followup_latest SELECT venue_id, template_id, record_id, visit_date, "
    "agreement_end, next_visit FROM (SELECT *, row_number() OVER (PARTITION BY venue_id, "
    "template_id ORDER BY visit_date DESC, created_at DESC, record_id DESC) AS n "
    "FROM followup_records WHERE {where}) WHERE n = 1"
)


@contextmanager
def paused(conn) -> Iterator[None]:
    """The summary's triggers stand aside (inside the writer's transaction: no other
    connection ever sees the name, and a failure rolls it back)."""
    conn.execute("INSERT OR IGNORE INTO fts_paused (tbl) VALUES (?)", (PAUSED,))
    try:
        yield
    finally:
        conn.execute("DELETE FROM fts_paused WHERE tbl = ?", (PAUSED,))


def touched(conn, record_ids: list[str]) -> tuple[list[tuple], set[tuple]]:
    """What these records' rows weigh in the summary: their actions per (template, done,
    due) with their count, and their (venue, template) pairs."""
    marks = ", ".join("?" * len(record_ids))
    counts = conn.execute(
        "SELECT template_id, done, due, count(*) FROM followup_actions "
        f"WHERE record_id IN ({marks}) GROUP BY template_id, done, due",
        record_ids,
    ).fetchall()
    pairs = conn.execute(
        f"SELECT DISTINCT venue_id, template_id FROM followup_records WHERE record_id IN ({marks})",
        record_ids,
    ).fetchall()
    return counts, set(pairs)


def add_counts(conn, counts: list[tuple], sign: int) -> None:
    """Add (sign 1) or take off (-1) actions counted per (template, done, due)."""
    keys = [(t, d, due) for t, d, due, _ in counts]
    conn.executemany(
        "INSERT INTO followup_due_counts SELECT ?1, ?2, ?3, 0 WHERE NOT EXISTS "
        "(SELECT 1 FROM followup_due_counts WHERE template_id IS ?1 AND done = ?2 AND due IS ?3)",
        keys,
    )
    conn.executemany(
        f"UPDATE followup_due_counts SET actions = actions + ? WHERE {_SAME}",
        [(sign * n, t, d, due) for t, d, due, n in counts],
    )
    conn.executemany(f"DELETE FROM followup_due_counts WHERE {_SAME} AND actions <= 0", keys)


def choose_latest(conn, pairs: set[tuple]) -> None:
    """Each (venue, template)'s latest record chosen again (one seek in the index each)."""
    pairs = list(pairs)
    conn.executemany("DELETE FROM followup_latest WHERE venue_id IS ? AND template_id IS ?", pairs)
    conn.executemany(
        "INSERT INTO followup_latest SELECT venue_id, template_id, record_id, visit_date, "
        "agreement_end, next_visit FROM followup_records WHERE venue_id IS ?1 "
        "AND template_id IS ?2 ORDER BY visit_date DESC, created_at DESC, record_id DESC LIMIT 1",
        pairs,
    )


def rebuild(conn, template_id: str | None = None) -> None:
    """Both tables summed again from the follow-up rows, of one template or all."""
    where, params = ("template_id IS ?", (template_id,)) if template_id else ("1", ())
    conn.execute(f"DELETE FROM followup_due_counts WHERE {where}", params)
    conn.execute(
        "INSERT INTO followup_due_counts SELECT template_id, done, due, count(*) "
        f"FROM followup_actions WHERE {where} GROUP BY template_id, done, due",
        params,
    )
    conn.execute(f"DELETE FROM followup_latest WHERE {where}", params)
    conn.execute(_LATEST.format(where=where), params)
