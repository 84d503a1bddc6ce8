"""The follow-up's summary (migration 14) of a bulk insert's rows, worked out per chunk.

Row by row, followup_records' insert trigger finds its venue's latest record again with
a query that sorts that venue's records (followup_records_by_venue ends with
agreement_end, not the record id of the ORDER BY): 0.4 s of CPU per 20,000 records, a
third of writing them. For a chunk of new rows (derived_in_bulk), the triggers stand
aside (summary.paused) and this module leaves what they would have left:

- followup_due_counts: each (template, done, due) counted in Python, one UPSERT per
  key rather than one per action;
- followup_latest: for each (venue, template) of the chunk, its latest new record as
  load.py's LATEST orders them (visit date, creation time, id: all descending, NULL
  last), which replaces the stored latest row only if it is later than that row's
  record. Those columns are TEXT or NULL (TEXT affinity): Python's order of str is
  SQLite's BINARY order.
"""

from __future__ import annotations

from collections import Counter

from desktop.core.followup import summary
from desktop.core.storage.migration_followup_summary import COUNT_KEY

COUNT = (
    "INSERT INTO followup_due_counts VALUES (?, ?, ?, ?) "
    f"ON CONFLICT ({COUNT_KEY}) DO UPDATE SET actions = actions + excluded.actions"
)
STORED_LATEST = (  # the stored latest record of (venue, template)
    "SELECT r.visit_date, r.created_at, r.record_id FROM followup_latest l "
    "JOIN followup_records r ON r.record_id = l.record_id "
    "WHERE l.template_id IS ? AND l.venue_id IS ?"
)
FORGET = "DELETE FROM followup_latest WHERE venue_id IS ? AND template_id IS ?"
LATEST = "INSERT INTO followup_latest VALUES (?, ?, ?, ?, ?, ?)"
# A followup_records row: (record_id, template_id, venue_id, visit_date, created_at,
# agreement_end, next_visit); an action row: template_id second, done and due at the end.


def write_summarised(conn, write_rows, actions: list[tuple], records: list[tuple]) -> None:
    """Run write_rows() (the inserts of those rows) with the summary's triggers aside,
    then update the summary as they would have."""
    with summary.paused(conn):
        write_rows()
        _count(conn, actions)
        _latest(conn, records)


def _count(conn, actions: list[tuple]) -> None:
    counts = Counter((row[1], row[-1], row[-3]) for row in actions)  # template, done, due
    conn.executemany(COUNT, [(*key, n) for key, n in counts.items()])


def _order(row: tuple) -> tuple:
    """A record's place in LATEST's order (NULL before any text)."""
    visit_date, created_at = row[3], row[4]
    return (visit_date is not None, visit_date or "", created_at is not None,
            created_at or "", row[0])  # fmt: skip


def _latest(conn, records: list[tuple]) -> None:
    latest: dict[tuple, tuple] = {}  # (venue, template) -> its latest new record
    for row in records:
        group = (row[2], row[1])
        if group not in latest or _order(row) > _order(latest[group]):
            latest[group] = row
    for (venue_id, template_id), best in latest.items():
        stored = conn.execute(STORED_LATEST, (template_id, venue_id)).fetchone()
        if stored is not None:
            visit_date, created_at, record_id = stored
            if _order((record_id, None, None, visit_date, created_at)) > _order(best):
                continue
        record_id, _template, _venue, visit_date, _created, end, planned = best
        conn.execute(FORGET, (venue_id, template_id))
        conn.execute(LATEST, (venue_id, template_id, record_id, visit_date, end, planned))
