"""The follow-up's summary tables (migration 14), rebuilt after a refill.

followup_due_counts (actions per template, done and due) and followup_latest (each venue's
latest record of each template) follow followup_actions / followup_records through
triggers, row by row, a share's bulk insert included (derived.fill: summed per batch
instead, it cost more). A refill of every row has them stand aside (`paused`) and sums
them again at the end (`rebuild`).

Derived like the tables they summarise: never shared, rebuilt by `rebuild`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

PAUSED = "followup_summary"  # its name in fts_paused (migration 10's table of paused triggers)
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
