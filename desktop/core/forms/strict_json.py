"""JSON as the standard says it. Python's parser also takes the bare words NaN, Infinity
and -Infinity as numbers, which no other tool reads (SQLite's json functions call such a
text malformed): here they are read as the text they are, so the document stays valid
JSON, and a number field holding one is kept, flagged by validation, never lost.

A text nested deeper than the parser's recursion allows (a hostile or broken file: « [[[[…
» 100,000 deep) is a JSONDecodeError like any other unreadable JSON, not a RecursionError
that nothing expects."""

from __future__ import annotations

import json
from typing import Any


def loads(text: str) -> Any:
    """json.loads, with NaN, Infinity and -Infinity read as strings."""
    try:
        return json.loads(text, parse_constant=str)
    except RecursionError:
        raise json.JSONDecodeError(TOO_DEEP, text if isinstance(text, str) else "", 0) from None


TOO_DEEP = "JSON imbriqué trop profondément"
# A record or a template nests a few levels; past this one a document is no record or
# template of ours, and what walks it recursively (Python's json, jsonschema, SQLite's
# JSON functions past 1,000 levels) would fail on it. Checked where files come in.
MAX_DEPTH = 64


def nested_over(document: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether document nests lists and objects more than limit deep (walked without
    recursion, so that any depth is judged)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict | list):
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
