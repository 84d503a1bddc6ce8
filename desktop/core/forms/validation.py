"""Validation of a document against its template, with French messages per field.

A draft may be incomplete or wrong: validation never blocks a save, it only reports.
Messages are keyed by the top-level field key (a table cell error is reported on its
table, with the row and column in the message).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.core.forms.compiled_check import passes_compiled
from desktop.core.forms.earlier_fields import read_through, without_earlier
from desktop.core.forms.figure_checks import contradictions
from desktop.core.forms.templates import FieldSpec, Template

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

ROOT_KEY = ""


@dataclass(frozen=True)
class FieldError:
    key: str
    message: str


def _describe(error: ValidationError, spec: FieldSpec | None) -> str:
    kind, limit = error.validator, error.validator_value
    messages = {
        "required": "Champ obligatoire.",
        "type": _type_message(limit),
        "enum": "Valeur hors de la liste proposée.",
        "minimum": f"La valeur doit être au moins {limit}.",
        "maximum": f"La valeur doit être au plus {limit}.",
        "exclusiveMinimum": f"La valeur doit être supérieure à {limit}.",
        "exclusiveMaximum": f"La valeur doit être inférieure à {limit}.",
        "minLength": "Ce champ ne peut pas être vide.",
        "maxLength": f"Texte trop long (au plus {limit} caractères).",
        "pattern": _pattern_message(spec),
        "format": "Date invalide (format attendu : AAAA-MM-JJ)."
        if limit == "date"
        else f"Format invalide ({limit}).",
        "uniqueItems": "Une même valeur est choisie deux fois.",
        "additionalProperties": "Colonne inconnue dans le tableau.",
    }
    return messages.get(kind, f"Valeur invalide ({kind}).")


def _type_message(expected: Any) -> str:
    names = {
        "string": "un texte",
        "number": "un nombre",
        "integer": "un nombre entier",
        "boolean": "oui ou non",
        "array": "une liste",
        "object": "un objet",
    }
    if isinstance(expected, list):
        expected = expected[0]
    return f"Valeur attendue : {names.get(expected, expected)}."


def _pattern_message(spec: FieldSpec | None) -> str:
    if spec and spec.key == "siret":
        return "Le SIRET compte 14 chiffres, sans espaces."
    if spec and spec.key in {"postal_code", "insee_code"}:
        return "Code à 5 caractères attendu (ex. 23000, 2A004)."
    return "Format invalide."


def _located(error: ValidationError, template: Template) -> FieldError:
    path = list(error.absolute_path)
    if not path:
        if error.validator == "required":
            # "'visit_date' is a required property": report it on that field.
            missing = next((k for k in error.validator_value if k in str(error.message)), "")
            return FieldError(missing, "Champ obligatoire.")
        return FieldError(ROOT_KEY, _describe(error, None))
    key = str(path[0])
    spec = template.field(key)
    message = _describe(error, _column_spec(spec, path) or spec)
    if spec and spec.widget == "table" and len(path) >= 2:
        column = _column_spec(spec, path)
        where = f"ligne {int(path[1]) + 1}"
        if column:
            where += f", « {column.title} »"
        elif error.validator == "required":
            title = _missing_column_title(spec, error)
            where += f", « {title} »" if title else ""
        message = f"{where[0].upper()}{where[1:]} : {message}"
    return FieldError(key, message)


def _column_spec(spec: FieldSpec | None, path: list[Any]) -> FieldSpec | None:
    if not spec or spec.widget != "table" or len(path) < 3:
        return None
    return next((c for c in spec.columns if c.key == path[2]), None)


def _missing_column_title(spec: FieldSpec, error: ValidationError) -> str:
    for column in spec.columns:
        if f"'{column.key}'" in error.message:
            return column.title
    return ""


def validate_document(
    template: Template, data: dict[str, Any], figures: bool = True
) -> dict[str, list[str]]:
    """Field key -> French messages; an empty dict means the document is valid.

    Judged as the template reads it: fields of a previous version are no error (even
    under `additionalProperties: false`), a renamed field reads its old key's value.
    figures=False leaves out the figures that contradict each other (figure_checks.py),
    which no single value is wrong for: a value alone is judged."""
    data = without_earlier(template, read_through(template, data))
    errors: dict[str, list[str]] = {}
    if not passes_compiled(template.schema, data):  # the common case skips jsonschema
        for error in template.validator.iter_errors(data):
            located = _located(error, template)
            errors.setdefault(located.key, []).append(located.message)
    for key, message in contradictions(template, data) if figures else ():
        errors.setdefault(key, []).append(message)
    return errors


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}
