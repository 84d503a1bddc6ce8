"""JSON as the standard says it. Python's parser also takes the bare words NaN, Infinity
and -Infinity as numbers, which no other tool reads (SQLite's json functions call such a
text malformed): here they are read as the text they are, so the document stays valid
JSON, and a number field holding one is kept, flagged by validation, never lost."""

from __future__ import annotations

import json
from typing import Any


def loads(text: str) -> Any:
    """json.loads, with NaN, Infinity and -Infinity read as strings."""
    return json.loads(text, parse_constant=str)
