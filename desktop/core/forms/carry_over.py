"""What a new record takes from the venue's last record of the same template.

A section marked `x-carry-over: true` is prefilled whole, except the columns of its
tables marked `x-carry-over: false`: a meeting's participants carry over (the collèges,
structures and roles are the body's composition) but not each one's presence, which is
the last meeting's alone and must be said again.
"""

from __future__ import annotations

from typing import Any

from desktop.core.forms.templates import FieldSpec, Template


def carried_values(template: Template, previous: dict[str, Any]) -> dict[str, Any]:
    """The values a new record takes from `previous` (read as the template reads it):
    the carry-over sections' fields that are not empty, without the left-out columns."""
    carried: dict[str, Any] = {}
    for key in template.carry_over_keys():
        spec = template.field(key)
        value = carried_value(spec, previous.get(key)) if spec else previous.get(key)
        if not _is_empty(value):
            carried[key] = value
    return carried


def left_out_columns(spec: FieldSpec) -> frozenset[str]:
    """The columns of a table that never carry over (`x-carry-over: false`)."""
    return frozenset(c.key for c in spec.columns if c.schema.get("x-carry-over") is False)


def carried_value(spec: FieldSpec, value: Any) -> Any:
    """The value as it carries over: a table's rows without their left-out columns (a
    row left with nothing is dropped). Anything else carries as it is."""
    left_out = left_out_columns(spec)
    if not left_out or not isinstance(value, list):
        return value
    rows = []
    for row in value:
        if isinstance(row, dict):
            row = {k: v for k, v in row.items() if k not in left_out}
        if not _is_empty(row):
            rows.append(row)
    return rows


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}
