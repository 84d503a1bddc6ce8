"""The follow-up's derived rows recomputed in Python, to check the tables against."""

from __future__ import annotations

import json
from collections import Counter

from desktop.core.followup.derived import followup_templates
from desktop.core.followup.fields import FollowupFields


def recomputed(ws) -> tuple[set, set]:
    """(actions, records) as the tables should hold them, computed here in Python from
    each live visit's data and its template's hints, independently of the SQL."""
    fields = {t.id: FollowupFields.of(t) for t in followup_templates(ws.templates)}
    actions, records = set(), set()
    rows = ws.db.conn.execute(
        "SELECT id, venue_id, visit_date, created_at, template_id, data FROM visits "
        "WHERE deleted_at IS NULL"
    )
    for record_id, venue_id, day, created_at, template_id, data in rows:
        data, keys = json.loads(data), fields.get(template_id, FollowupFields())

        def value(record: dict, key: str | None):
            return record.get(key) if key else None

        end, planned = value(data, keys.agreement_end), value(data, keys.next_visit)
        records.add((record_id, venue_id, day, created_at, end, planned))
        table = value(data, keys.actions)
        for row, action in enumerate(table if isinstance(table, list) else []):
            if not isinstance(action, dict):
                continue
            status = value(action, keys.status)
            done = int(keys.done is not None and status == keys.done)
            cells = [value(action, k) for k in (keys.action, keys.responsible, keys.due)]
            actions.add((record_id, venue_id, day, row, *cells, status, done))
    return actions, records


ACTION_COLUMNS = (
    "record_id, venue_id, visit_date, row_index, action, responsible, due, status, done"
)
RECORD_COLUMNS = "record_id, venue_id, visit_date, created_at, agreement_end, next_visit"


def stored(ws) -> tuple[set, set]:
    run = ws.db.conn.execute
    return (
        set(run(f"SELECT {ACTION_COLUMNS} FROM followup_actions")),
        set(run(f"SELECT {RECORD_COLUMNS} FROM followup_records")),
    )


def summary_recomputed(ws) -> tuple[dict, dict]:
    """What followup_due_counts and followup_latest (migration 14) should hold, summed and
    chosen here in Python from the follow-up rows."""
    run = ws.db.conn.execute
    counts = Counter(run("SELECT template_id, done, due FROM followup_actions"))
    latest: dict[tuple, tuple] = {}
    for row in run(
        "SELECT venue_id, template_id, record_id, visit_date, created_at, agreement_end, "
        "next_visit FROM followup_records"
    ):
        key = tuple((value is not None, value or "") for value in (row[3], row[4], row[2]))
        best = latest.get(row[:2])
        if best is None or key > best[0]:
            latest[row[:2]] = (key, row)
    return counts, {pair: (r[2], r[3], r[5], r[6]) for pair, (_, r) in latest.items()}


def summary_stored(ws) -> tuple[dict, dict]:
    run = ws.db.conn.execute
    counts = [(r[:3], r[3]) for r in run("SELECT * FROM followup_due_counts WHERE actions")]
    latest = [(r[:2], r[2:]) for r in run("SELECT * FROM followup_latest")]
    assert run("SELECT count(*) FROM followup_due_counts WHERE actions < 0").fetchone()[0] == 0
    assert len(dict(counts)) == len(counts) and len(dict(latest)) == len(latest)  # one each
    return dict(counts), dict(latest)


def assert_in_step(ws) -> None:
    actions, records = stored(ws)
    expected_actions, expected_records = recomputed(ws)
    assert actions == expected_actions
    assert records == expected_records
    assert summary_stored(ws) == summary_recomputed(ws)
    for table in ("followup_actions", "followup_records"):  # each row names its template
        wrong = ws.db.conn.execute(
            f"SELECT count(*) FROM {table} f JOIN visits v ON v.id = f.record_id "
            "WHERE f.template_id IS NOT v.template_id"
        ).fetchone()[0]
        assert wrong == 0, table
