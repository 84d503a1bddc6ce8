"""What changed between two visits of a venue, in the stable parts of the sheet.

The stable parts are the template's carry-over sections (activités et publics,
gouvernance, modèle économique, lieu et occupation). Each change names the field by its
title and shows values the way the sheet does: enum titles, « Oui » / « Non », numbers
with their unit; lists (check lists, tables) as items added and removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.forms.templates import FieldSpec, Template
from desktop.core.forms.validation import is_empty

EMPTY = "—"
LONG_TEXT = 80  # characters of a long text shown before « … »


@dataclass(frozen=True)
class FieldChange:
    section_id: str
    section_title: str
    key: str
    title: str
    widget: str
    before: Any  # raw values, None when empty
    after: Any
    before_text: str = EMPTY  # single values, as shown
    after_text: str = EMPTY
    added: tuple[str, ...] = ()  # list values: items, as shown
    removed: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        return self.widget in {"multiselect", "table"}

    def line(self) -> str:
        """« Forme juridique : Association loi 1901 → SCIC », or the list's items."""
        if self.is_list:
            parts = [f"+ {item}" for item in self.added] + [f"− {item}" for item in self.removed]
            return f"{self.title} : " + " ; ".join(parts)
        return f"{self.title} : {self.before_text} → {self.after_text}"


def stable_sections(template: Template) -> tuple[str, ...]:
    return tuple(s.id for s in template.sections if s.carry_over)


def diff_visits(
    template: Template,
    before: dict[str, Any],
    after: dict[str, Any],
    sections: tuple[str, ...] | None = None,
) -> list[FieldChange]:
    """The changes from `before` to `after` (visit data), in template order."""
    wanted = stable_sections(template) if sections is None else sections
    changes = []
    for section in template.sections:
        if section.id not in wanted:
            continue
        for spec in section.fields:
            old, new = before.get(spec.key), after.get(spec.key)
            old = None if is_empty(old) else old
            new = None if is_empty(new) else new
            if old == new:
                continue
            change = _change(spec, old, new, section.id, section.title)
            if change is not None:
                changes.append(change)
    return changes


def _change(spec: FieldSpec, old: Any, new: Any, section_id: str, section_title: str):
    common = dict(
        section_id=section_id,
        section_title=section_title,
        key=spec.key,
        title=spec.title,
        widget=spec.widget,
        before=old,
        after=new,
    )
    if spec.widget in {"multiselect", "table"}:
        old_items = _items(spec, old)
        new_items = _items(spec, new)
        added = tuple(i for i in new_items if i not in old_items)
        removed = tuple(i for i in old_items if i not in new_items)
        if not added and not removed:  # only the order changed
            return None
        return FieldChange(**common, added=added, removed=removed)
    return FieldChange(**common, before_text=show(spec, old), after_text=show(spec, new))


def _items(spec: FieldSpec, value: Any) -> list[str]:
    if not isinstance(value, list):
        return [] if value is None else [show(spec, value)]
    if spec.widget == "table":
        return [_row_text(spec, row) for row in value]
    return [spec.label_of(item) for item in value]


def _row_text(spec: FieldSpec, row: Any) -> str:
    if not isinstance(row, dict):
        return str(row)
    parts = [show(column, row.get(column.key)) for column in spec.columns]
    return " — ".join(p for p in parts if p != EMPTY) or EMPTY


def display(spec: FieldSpec, value: Any) -> str:
    """Any value of a field on one line: show(), and a table's rows joined."""
    if spec.widget == "table" and isinstance(value, list):
        return " ; ".join(_items(spec, value)) or EMPTY
    return show(spec, value)


def show(spec: FieldSpec, value: Any) -> str:
    """A single value as the sheet shows it (dates stay AAAA-MM-JJ)."""
    if value is None or is_empty(value):
        return EMPTY
    if spec.widget == "select":
        return spec.label_of(value)
    if spec.widget == "checkbox" and isinstance(value, bool):
        return "Oui" if value else "Non"
    if spec.widget in {"number", "integer"} and isinstance(value, int | float):
        text = f"{value:,}".replace(",", "\u202f").replace(".", ",")
        return f"{text} {spec.unit}".strip()
    if isinstance(value, list):
        return ", ".join(spec.label_of(v) for v in value)
    text = " ".join(str(value).split())
    return text if len(text) <= LONG_TEXT else text[: LONG_TEXT - 1].rstrip() + "…"


def diff_stored_visits(store, before_id: str, after_id: str) -> list[FieldChange]:
    """The changes between two stored visits (older first), by their ids."""
    template = store.templates.visit
    return diff_visits(template, store.get_visit(before_id).data, store.get_visit(after_id).data)
