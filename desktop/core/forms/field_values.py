"""Turning typed text (a command line's KEY=VALUE) into a field's value, by its widget."""

from __future__ import annotations

from typing import Any

from desktop.core.forms import strict_json
from desktop.core.forms.templates import FieldSpec, Template
from desktop.core.forms.typed_dates import typed_date_value
from desktop.core.forms.typed_numbers import cell_number, parse_number

TRUE_WORDS = {"oui", "o", "vrai", "true", "1", "yes", "y"}
FALSE_WORDS = {"non", "n", "faux", "false", "0", "no"}


class FieldValueError(ValueError):
    """str() is a French message naming the field."""


def parse_value(spec: FieldSpec, text: str) -> Any:
    """The value for spec from text; empty text clears the field (None)."""
    text = text.strip()
    if text == "":
        return None
    widget = spec.widget
    try:
        if widget in {"integer", "number"}:
            return parse_number(text, integer=widget == "integer", unit=spec.unit)
        if widget == "checkbox":
            return _parse_bool(text)
        if widget == "date":
            return typed_date_value(text)  # « 11/02/2025 » as the form reads it; else as typed
        if widget in {"multiselect", "table"}:
            value = strict_json.loads(text)
            if not isinstance(value, list):
                raise ValueError(text)
            return [_typed_cells(spec, row) for row in value] if widget == "table" else value
    except ValueError:  # json.JSONDecodeError too
        raise FieldValueError(_expected(spec, text)) from None
    return text


def _typed_cells(spec: FieldSpec, row: Any) -> Any:
    """A table row's cells read as the form reads them: a due date « 15/03/2027 » (or
    « 15/03 ») stored 2027-03-15, « 1 200 € » in a column of numbers stored 1200; a cell
    that is neither is kept as typed (validation flags it)."""
    if not isinstance(row, dict):
        return row
    typed = dict(row)
    for column in spec.columns:
        cell = typed.get(column.key)
        if not isinstance(cell, str):
            continue
        if column.widget == "date":
            typed[column.key] = typed_date_value(cell)
        elif column.widget in {"integer", "number"} and cell.strip():
            typed[column.key] = cell_number(column, cell)  # not a number: kept as typed
    return typed


def _parse_bool(text: str) -> bool:
    word = text.casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(text)


def _expected(spec: FieldSpec, text: str) -> str:
    expected = {
        "integer": "un nombre entier",
        "number": "un nombre",
        "checkbox": "oui ou non",
        "multiselect": 'une liste JSON, ex. ["valeur1", "valeur2"]',
        "table": 'une liste JSON d\'objets, ex. [{"role": "présidente"}]',
    }[spec.widget]
    return f"« {spec.key} » ({spec.title}) : « {text} » n'est pas {expected}."


def parse_assignment(template: Template, assignment: str, strict: bool = True) -> tuple[str, Any]:
    """KEY=VALUE -> (key, value). Unknown keys are refused when strict."""
    key, sep, text = assignment.partition("=")
    key = key.strip()
    if not sep or not key:
        raise FieldValueError(f"« {assignment} » : écrivez CLÉ=VALEUR (ex. visit_type=suivi).")
    spec = template.field(key)
    if spec is None:
        if strict:
            raise FieldValueError(f"Champ inconnu dans le modèle « {template.id} » : « {key} ».")
        return key, text or None
    return key, parse_value(spec, text)
