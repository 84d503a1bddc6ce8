"""Changing an action's status from the « Suivi »: a stamped edit of its visit, and
taking that change back (Ctrl+Z), the same kind of edit."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class StatusChange:
    """An action's status as the Suivi changed it: enough to put the former one back."""

    action: ActionItem  # as shown before the change (its status: the former one)
    status: str | None  # the status set

    @property
    def before(self) -> str | None:
        return self.action.status or None


def change_action_status(store, action: ActionItem, status: str | None) -> StatusChange:
    set_action_status(store, action.visit_id, action.row, status, action)
    return StatusChange(action, status)


def undo_status_change(store, change: StatusChange) -> ChangeResult:
    """The former status again, unless the action changed since (in its visit's form, or
    a colleague's edit synced): then nothing is overwritten and FollowupError says so."""
    action = change.action
    fields = FollowupFields.of(store.template_of(action.visit_id))
    rows = store.get_visit(action.visit_id).data.get(fields.actions)
    rows = rows if isinstance(rows, list) else []
    index = _find_row(rows, action.row, fields, action) if fields.status else None
    current = rows[index].get(fields.status) if index is not None else None
    if index is None or (current or None) != change.status:
        raise FollowupError("Cette action a changé depuis : son statut n'a pas été rétabli.")
    return set_action_status(store, action.visit_id, index, change.before, action)


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
