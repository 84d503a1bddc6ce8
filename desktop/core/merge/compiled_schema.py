"""The exchange format's schema compiled to Python code, for the many files of a share.

fastjsonschema turns schemas/exchange.schema.json into a plain function that is about
ten times faster than walking the schema with jsonschema. It only answers « valid or
not »: the French reason of a refused file is still jsonschema's first error (see
exchange.validate_exchange), worked out only for the files that fail here, so the
reasons shown to the user do not change.

The schema's local references ($ref to #/$defs/…) are inlined before compiling: the
generated code builds each referenced check's error path with str.format(**locals()) at
every call, valid or not, and the eleven stamps of a record made that half the check's
time (47 → 23 µs a visit file).
"""

from __future__ import annotations

import functools
import json
from typing import Any

from desktop.paths import SCHEMAS

SCHEMA_PATH = SCHEMAS / "exchange.schema.json"


@functools.cache
def _compiled():
    import fastjsonschema

    return fastjsonschema.compile(inlined(json.loads(SCHEMA_PATH.read_text("utf-8"))))


def inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each local reference replaced by what it names: alone, by the
    definition itself; beside other keywords, by allOf [definition, the others] (what
    $ref means in draft 2020-12). A definition that refers to itself stays a $ref."""
    definitions = schema.get("$defs", {})

    def walk(node: Any, within: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [walk(item, within) for item in node]
        if not isinstance(node, dict):
            return node
        name = _local_name(node.get("$ref"))
        if name in definitions and name not in within:
            target = walk(definitions[name], within + (name,))
            others = walk({k: v for k, v in node.items() if k != "$ref"}, within)
            return {"allOf": [target, others]} if others else target
        return {k: v if k in _VALUES else walk(v, within) for k, v in node.items()}

    return walk(schema, ())


_VALUES = frozenset({"const", "enum", "default", "examples"})  # data, not schemas


def _local_name(reference: Any) -> str | None:
    prefix = "#/$defs/"
    if isinstance(reference, str) and reference.startswith(prefix):
        return reference[len(prefix) :]
    return None


def passes_exchange_schema(document: Any) -> bool:
    """True when the document is valid; False means « ask jsonschema why »."""
    from fastjsonschema import JsonSchemaException

    try:
        _compiled()(document)
    except JsonSchemaException:
        return False
    return True
