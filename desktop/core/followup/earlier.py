"""The actions still open from a venue's earlier visits, shown in a later visit.

They are the same actions, not copies: each stays in the visit that agreed it, and a
status changed from the later visit is an edit of that visit (`set_action_status`),
so the Suivi, the PDF of the earlier visit and colleagues all see one action.
"""

from __future__ import annotations

import json
from datetime import date

from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.model import ActionItem, cell_text, group_of, parse_date


def earlier_open_actions(
    store, visit_id: str, keep: frozenset[tuple[str, int]] = frozenset()
) -> list[ActionItem]:
    """Open actions of the live visits of the same venue before this one (by date, then
    by creation), the most recent visit first. `keep`: (visit id, row) of actions listed
    even when done (just closed from the later visit: they stay in view until it closes)."""
    template = store.template_of(visit_id)  # earlier records of the same template
    fields = FollowupFields.of(template)
    if not fields.actions:
        return []
    visit = store.get_visit(visit_id)
    this = store.db.conn.execute(
        "SELECT visit_date, created_at FROM visits WHERE id = ?", (visit_id,)
    ).fetchone()
    rows = store.db.conn.execute(
        "SELECT id, visit_date, data FROM visits WHERE venue_id = ? AND id != ? "
        "AND deleted_at IS NULL AND (visit_date < ? OR (visit_date = ? AND created_at < ?)) "
        f"AND {store.of_template('template_id')} = ? "
        "ORDER BY visit_date DESC, created_at DESC",
        (visit.venue_id, visit_id, this[0] or "", this[0] or "", this[1], template.id),
    ).fetchall()
    found, today = [], date.today()
    for earlier_id, visit_date, data in rows:
        table = json.loads(data).get(fields.actions)
        for row, record in enumerate(table if isinstance(table, list) else ()):
            if not isinstance(record, dict):
                continue
            status = cell_text(record.get(fields.status)) if fields.status else ""
            if fields.done and status == fields.done and (earlier_id, row) not in keep:
                continue
            found.append(
                ActionItem(
                    earlier_id,
                    visit.venue_id,
                    "",
                    visit_date or "",
                    fields.actions,
                    row,
                    cell_text(record.get(fields.action)),
                    cell_text(record.get(fields.responsible)),
                    cell_text(record.get(fields.due)),
                    status,
                    group_of(parse_date(record.get(fields.due)), today),
                )
            )
    return found
