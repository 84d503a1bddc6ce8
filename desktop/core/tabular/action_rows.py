"""The rows of the Actions table: every agreed action, whichever kind of record holds it.

The visit sheet's action table gives the columns. Another template's actions (a governance
meeting's « Actions à mener ») fill the same columns through their `x-followup` roles
(action, responsible, due, status), as the Suivi reads them, or through a column of the
same key; a trailing « Type de fiche » column says which kind of record each row comes
from. Rows are in the venues' order, then by date, as the visits are.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.core.followup.fields import FollowupFields
from desktop.core.forms.templates import FieldSpec, Template
from desktop.core.storage.store import CarnetStore
from desktop.core.tabular.cells import cell, is_personal

KIND_HEADER = "Type de fiche"
ROLES = ("action", "responsible", "due", "status")


class ActionRows:
    """Collects action rows with their sort keys; `rows()` gives them in export order."""

    def __init__(self, store: CarnetStore, action_specs: list[FieldSpec], say) -> None:
        self.store, self.action_specs, self.say = store, action_specs, say
        self._venue_order = _venue_positions(store)
        self._keyed: list[tuple[tuple, list[Any]]] = []
        self._columns: dict[str, tuple | None] = {}  # per template: _matching_columns

    def add(self, leading: list[Any], venue_id: str, day: date | None, cells: list, kind: str):
        """One action: the venue, commune, date and record id, then its cells."""
        order = (self._venue_order.get(venue_id, len(self._venue_order)), day or date.min)
        self._keyed.append((order, [*leading, *cells, kind]))

    def add_record(self, template: Template, row: list, data: dict, day: date | None) -> None:
        """The actions of a record of another template (its row as RecordTable gives it:
        venue, commune, date, author, record id, venue id), if it has an action table."""
        if template.id not in self._columns:
            self._columns[template.id] = _matching_columns(
                template, self.action_specs, _role_of_key(self.store.templates.visit)
            )
        columns = self._columns[template.id]
        if columns is None:
            return
        table_key, matched = columns
        for action in action_dicts(data.get(table_key)):
            cells = [
                cell(spec, action.get(spec.key), self.say) if spec else None for spec in matched
            ]
            self.add([row[0], row[1], row[2], row[4]], row[5], day, cells, template.title)

    def rows(self) -> list[list[Any]]:
        return [row for _order, row in sorted(self._keyed, key=lambda pair: pair[0])]


def action_dicts(value) -> list[dict]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _venue_positions(store: CarnetStore) -> dict[str, int]:
    ids = store.db.conn.execute("SELECT id FROM venues ORDER BY sort_key, id")
    return {venue_id: position for position, (venue_id,) in enumerate(ids)}


def _role_of_key(template: Template) -> dict[str, str]:
    fields = FollowupFields.of(template)
    return {getattr(fields, role): role for role in ROLES if getattr(fields, role)}


def _matching_columns(
    template: Template, action_specs: list[FieldSpec], visit_roles: dict[str, str]
) -> tuple[str, list[FieldSpec | None]] | None:
    """(the template's action table key, its column for each of the visit's action
    columns, None where it has none), or None when it has no action table for the export."""
    fields = FollowupFields.of(template)
    table = template.field(fields.actions) if fields.actions else None
    if table is None or is_personal(table):
        return None
    by_key = {c.key: c for c in table.columns}
    matched = []
    for spec in action_specs:
        role = visit_roles.get(spec.key)
        key = getattr(fields, role) if role else spec.key
        matched.append(by_key.get(key or spec.key))
    return table.key, matched
