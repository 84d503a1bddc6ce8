"""Text helpers shared by storage and search: accent folding, sort keys, search text, FTS queries."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from desktop.core.forms.templates import FieldSpec, Template

HIT_START, HIT_END = "\x02", "\x03"  # snippet markers; the UI turns them into highlights
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents, for sorting and comparing names the French way."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Ligatures have no Unicode decomposition: « Œuvre » sorts and matches as « oeuvre ».
    return folded.replace("œ", "oe").replace("æ", "ae")


def venue_sort_key(name: str, commune: str) -> str:
    """The French order of venues: accents and case ignored, then by commune."""
    return f"{fold(name or '')}\x1f{fold(commune or '')}"


def _value_text(spec: FieldSpec, value: Any) -> list[str]:
    if spec.widget in {"select"}:
        return [spec.label_of(value)]
    if spec.widget == "multiselect" and isinstance(value, list):
        return [spec.label_of(v) for v in value]
    if spec.widget == "table" and isinstance(value, list):
        cells = []
        for row in value if isinstance(value, list) else []:
            for column in spec.columns:
                if isinstance(row, dict) and row.get(column.key) not in (None, ""):
                    cells += _value_text(column, row[column.key])
        return cells
    if isinstance(value, str):
        return [value]
    return []


def document_text(template: Template, data: dict[str, Any]) -> str:
    """Every human-readable word of a document, for the full-text index."""
    parts: list[str] = []
    for spec in template.fields:
        if spec.key in data:
            parts += _value_text(spec, data[spec.key])
    # Fields from a newer template we do not know yet are still searchable.
    parts += [v for k, v in data.items() if k not in template.field_keys and isinstance(v, str)]
    return "\n".join(p for p in parts if p)


SHORT_WORDS_WHOLE = 3  # visits: words from this length on are prefixes, shorter ones whole


def fts_query(user_text: str, prefix_from: int = 1) -> str | None:
    """A safe FTS5 query from what the user typed: every word required, as a prefix from
    `prefix_from` letters on, searched whole below. The visits' search passes
    SHORT_WORDS_WHOLE: as a prefix, « d » or « la » made FTS5 merge the lists of every
    word starting with them (120–190 ms at 100,000 visits, at every keystroke of the
    dialog, which searches as you type), and a prefix index against it doubles the index
    and the time to fill it. The venues' filter (a few thousand) keeps every prefix."""
    words = _WORD.findall(user_text)
    if not words:
        return None
    return " ".join(
        '"' + w.replace('"', '""') + '"' + ("*" if len(w) >= prefix_from else "") for w in words
    )
