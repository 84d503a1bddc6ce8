"""Changing an action's status from the « Suivi »: a stamped edit of its visit."""

from __future__ import annotations

from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.model import ActionItem, cell_text
from desktop.core.storage.records import ChangeResult


class FollowupError(LookupError):
    """str() is a French message."""


def set_action_status(
    store, visit_id: str, row: int, status: str | None, expected: ActionItem | None = None
) -> ChangeResult:
    """Set one action's status through CarnetStore.update_visit (stamped, saved, validated).

    `expected`, the action as the Suivi showed it, guards against a table edited since:
    when its row no longer holds that action, the action is looked for by its text.
    """
    fields = FollowupFields.of(store.template_of(visit_id))  # the record's own template
    if not fields.actions or not fields.status:
        raise FollowupError("Ce modèle de fiche n'a pas de statut d'action.")
    visit = store.get_visit(visit_id)
    rows = visit.data.get(fields.actions)
    rows = [dict(r) if isinstance(r, dict) else r for r in rows] if isinstance(rows, list) else []
    index = _find_row(rows, row, fields, expected)
    if index is None:
        raise FollowupError("Cette action a changé entre-temps : rouvrez le suivi.")
    if status:
        rows[index][fields.status] = status
    else:
        rows[index].pop(fields.status, None)
    return store.update_visit(visit_id, {fields.actions: rows})


def _find_row(
    rows: list, row: int, fields: FollowupFields, expected: ActionItem | None
) -> int | None:
    def matches(index: int) -> bool:
        record = rows[index]
        if not isinstance(record, dict):
            return False
        return expected is None or cell_text(record.get(fields.action)) == expected.what

    if 0 <= row < len(rows) and matches(row):
        return row
    if expected is None:
        return None
    return next((i for i in range(len(rows)) if matches(i)), None)
