"""Figures of a record that contradict each other, worded in French on the field.

A JSON Schema judges each value alone: it cannot say that 12 members present is more
than the 5 who have a vote. A template declares such limits with two hints, and
validation adds what they find to the record's errors (shown on the field, counted,
never blocking a save: nothing typed is lost).

- `"x-at-most": "<field>"` on a number: it may not exceed that field's value
  (« Membres présents ou représentés » at most « Membres ayant voix délibérative »).
- `"x-rows-at-most": {"sum": ["<column>", ...], "field": "<field>"}` on a table: in each
  row, those columns added up may not exceed that field's value (a decision's votes for,
  against and abstentions at most the members present or represented).

Only figures both given are compared; a value of the wrong type is the schema's error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.core.forms.templates import FieldSpec, Template

AT_MOST, ROWS_AT_MOST = "x-at-most", "x-rows-at-most"
# id(schema) -> (schema, its fields with a hint): found once per template, not per record
# (a share's import validates thousands, most of templates that declare none).
_limited: dict[int, tuple[dict, tuple[FieldSpec, ...]]] = {}


def contradictions(template: Template, data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(field key, French message) for each declared limit the figures break."""
    for spec in _limited_fields(template):
        hint = spec.schema.get(AT_MOST)
        if isinstance(hint, str):
            message = _over_field(template, spec, data.get(spec.key), hint, data)
            if message:
                yield spec.key, message
        rows_hint = spec.schema.get(ROWS_AT_MOST)
        if isinstance(rows_hint, dict):
            yield from ((spec.key, m) for m in _over_in_rows(template, spec, rows_hint, data))


def _limited_fields(template: Template) -> tuple[FieldSpec, ...]:
    held = _limited.get(id(template.schema))
    if held is None or held[0] is not template.schema:
        found = tuple(f for f in template.fields if AT_MOST in f.schema or ROWS_AT_MOST in f.schema)
        held = _limited[id(template.schema)] = (template.schema, found)
    return held[1]


def _over_field(
    template: Template, spec: FieldSpec, value: Any, limit_key: str, data: dict[str, Any]
) -> str:
    limit = data.get(limit_key)
    if not (_is_number(value) and _is_number(limit)) or value <= limit:
        return ""
    return (
        f"{_number(value)}, c'est plus que « {_title(template, limit_key)} » "
        f"({_number(limit)}) : l'un des deux chiffres est à corriger."
    )


def _over_in_rows(
    template: Template, spec: FieldSpec, hint: dict[str, Any], data: dict[str, Any]
) -> Iterator[str]:
    rows, limit_key = data.get(spec.key), hint.get("field")
    limit, columns = data.get(limit_key), [c for c in hint.get("sum", []) if isinstance(c, str)]
    if not isinstance(rows, list) or not _is_number(limit) or not columns:
        return
    for index, row in enumerate(rows, start=1):
        figures = [row.get(c) for c in columns] if isinstance(row, dict) else []
        total = sum(f for f in figures if _is_number(f))
        if total > limit:
            titles = ", ".join(_column_title(spec, c) for c in columns)
            yield (
                f"Ligne {index} : {_number(total)} ({titles}), c'est plus que "
                f"« {_title(template, limit_key)} » ({_number(limit)}) : un chiffre est à "
                "corriger."
            )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: int | float) -> str:
    """12, or 12,5: as a French reader writes it."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


def _title(template: Template, key: str) -> str:
    spec = template.field(key)
    return spec.title if spec else key


def _column_title(spec: FieldSpec, key: str) -> str:
    column = next((c for c in spec.columns if c.key == key), None)
    return column.title if column else key


def hint_problem(template: Template) -> str:
    """Why the template's figure hints cannot be used (French), or "" (a network's
    template is refused for it: a misspelt key would silently check nothing)."""
    numbers = {f.key for f in template.fields if f.widget in {"integer", "number"}}
    for spec in _limited_fields(template):
        hint, rows_hint = spec.schema.get(AT_MOST), spec.schema.get(ROWS_AT_MOST)
        if AT_MOST in spec.schema and (spec.key not in numbers or hint not in numbers):
            return (
                f"« {AT_MOST} » du champ « {spec.key} » : ce champ et « {hint} » doivent être "
                "des nombres du modèle"
            )
        if ROWS_AT_MOST in spec.schema and not _rows_hint_ok(spec, rows_hint, numbers):
            return (
                f"« {ROWS_AT_MOST} » du champ « {spec.key} » : attendu "
                '{"sum": [colonnes nombres du tableau], "field": un nombre du modèle}'
            )
    return ""


def _rows_hint_ok(spec: FieldSpec, hint: Any, numbers: set[str]) -> bool:
    if spec.widget != "table" or not isinstance(hint, dict) or hint.get("field") not in numbers:
        return False
    columns = {c.key for c in spec.columns if c.widget in {"integer", "number"}}
    summed = hint.get("sum")
    return isinstance(summed, list) and bool(summed) and all(c in columns for c in summed)
