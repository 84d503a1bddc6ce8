"""The exchange format's schema compiled to Python code, for the many files of a share.

fastjsonschema turns schemas/exchange.schema.json into a plain function that is about
ten times faster than walking the schema with jsonschema. It only answers « valid or
not »: the French reason of a refused file is still jsonschema's first error (see
exchange.validate_exchange), worked out only for the files that fail here, so the
reasons shown to the user do not change.
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

    return fastjsonschema.compile(json.loads(SCHEMA_PATH.read_text("utf-8")))


def passes_exchange_schema(document: Any) -> bool:
    """True when the document is valid; False means « ask jsonschema why »."""
    from fastjsonschema import JsonSchemaException

    try:
        _compiled()(document)
    except JsonSchemaException:
        return False
    return True
