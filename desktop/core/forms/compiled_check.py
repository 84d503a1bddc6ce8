"""A template compiled to Python code (fastjsonschema): the quick « is this valid? ».

Most documents are valid, and then their French messages are not needed: the compiled
check answers in a fraction of jsonschema's time, which counts when a share brings
thousands of visits (each merged visit's error count is recomputed) and when a visit
opens. Only a document it refuses goes through jsonschema, which words the messages
(validation.py), so what the user reads does not change.

It is used only where it cannot say « valid » when jsonschema would not: schemas made of
the keywords below (a network's template using others is always checked by jsonschema),
and the « date » format checked exactly as jsonschema's FormatChecker checks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

KEYWORDS = {
    "$id", "$schema", "$comment", "title", "description", "default", "examples", "type",
    "properties", "required", "additionalProperties", "items", "enum", "const", "minimum",
    "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern",
    "format", "uniqueItems", "minItems", "maxItems",
}  # fmt: skip
FORMATS = {"date"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)  # jsonschema's own test, then a real day
_compiled: dict[int, tuple[dict, Callable | None]] = {}  # id(schema) -> (schema, check)


def passes_compiled(schema: dict[str, Any], document: Any) -> bool:
    """True: valid. False: not valid, or not known here (ask jsonschema)."""
    check = _check_for(schema)
    if check is None:
        return False
    from fastjsonschema import JsonSchemaException

    try:
        check(document)
    except JsonSchemaException:
        return False
    return True


def _check_for(schema: dict[str, Any]) -> Callable | None:
    held = _compiled.get(id(schema))
    if held is None or held[0] is not schema:
        held = (schema, _compile(schema) if _supported(schema) else None)
        _compiled[id(schema)] = held
    return held[1]


def _compile(schema: dict[str, Any]) -> Callable | None:
    import fastjsonschema

    try:
        return fastjsonschema.compile(schema, formats={"date": _is_date})
    except fastjsonschema.JsonSchemaDefinitionException:
        return None


def _is_date(value: str) -> bool:
    try:
        return bool(_DATE.fullmatch(value) and date.fromisoformat(value))
    except ValueError:
        return False


def _supported(schema: Any) -> bool:
    """Only keywords (and formats) both validators read alike; x- hints are ignored by both."""
    if isinstance(schema, list):
        return all(_supported(item) for item in schema)
    if not isinstance(schema, dict):
        return True
    for key, value in schema.items():
        if key.startswith("x-"):
            continue
        if key not in KEYWORDS or (key == "format" and value not in FORMATS):
            return False
        if key == "properties":
            if not all(_supported(sub) for sub in value.values()):
                return False
        elif key in {"items", "additionalProperties"} and not _supported(value):
            return False
    return True
