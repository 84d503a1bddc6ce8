"""Fields of a previous version: what a document holds that its template no longer has.

A newer template version opens an older document without dropping anything:
- a key the template does not have any more (removed, or a document of a template this
  laptop has not received yet) stays in the data, untouched by saves, merges and syncs;
  the form, `show` and the internal PDF list it apart, with the title it had;
- a renamed field is mapped by its new field's `x-replaces` hint: the new field *reads
  through* to the old key while it has no value of its own. Nothing is written when a
  document is opened; the first edit of the new field writes the new key (stamped, so
  it travels), and the old key keeps its value (read-only, shown apart).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.forms.template_check import RESERVED_IDS, replaces_of
from desktop.core.forms.templates import VERSIONS_DIR, Template, received_versions


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


@dataclass(frozen=True)
class EarlierField:
    key: str
    title: str  # the title it had in the latest version that had it (else its key)
    value: Any
    replaced_by: str = ""  # the title of the field that now reads it (x-replaces)


_MAPPINGS: dict[int, tuple[dict, dict[str, str]]] = {}  # id(schema) -> (schema, mapping)


def replaced_keys(template: Template) -> dict[str, str]:
    """old key -> the template's field that reads it (its x-replaces hint)."""
    held = _MAPPINGS.get(id(template.schema))
    if held is None or held[0] is not template.schema:  # validation asks at every merge
        held = (template.schema, _mapping(template))
        _MAPPINGS[id(template.schema)] = held
    return held[1]


def _mapping(template: Template) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for key, schema in template.schema.get("properties", {}).items():
        for old in replaces_of(schema):
            if isinstance(old, str):
                mapping.setdefault(old, key)
    return mapping


def read_through(template: Template, data: dict[str, Any]) -> dict[str, Any]:
    """The data as the template reads it: a renamed field without its own value shows
    the old key's. The old key stays in it (a copy, never a move)."""
    shown = dict(data)
    for old, new in replaced_keys(template).items():
        if is_empty(shown.get(new)) and not is_empty(data.get(old)):
            shown[new] = data[old]
    return shown


def earlier_fields(template: Template, data: dict[str, Any]) -> list[EarlierField]:
    """The non-empty values of keys the template does not know, in the data's order.

    None for the venue card: it is Carnet's own (a network cannot ship another version)
    and its data keeps Carnet's bookkeeping beside the fields (`directory_id`)."""
    if template.id in RESERVED_IDS:
        return []
    known = template.schema.get("properties", {})
    mapped = replaced_keys(template)
    titles = former_titles(template)
    found = []
    for key, value in data.items():
        if key in known or key.startswith("_") or is_empty(value):
            continue
        new = mapped.get(key)
        new_spec = template.field(new) if new else None
        found.append(
            EarlierField(key, titles.get(key, key), value, new_spec.title if new_spec else "")
        )
    return found


def without_earlier(template: Template, data: dict[str, Any]) -> dict[str, Any]:
    """Only the keys the template knows (what validation judges: leftovers are no error)."""
    known = template.schema.get("properties", {})
    return {k: v for k, v in data.items() if k in known}


def former_titles(template: Template) -> dict[str, str]:
    """key -> title, from the versions of this template kept beside its file (newest
    version wins); empty for a template with none (Carnet's own)."""
    if template.source is None:
        return {}
    folder = Path(template.source).parent / VERSIONS_DIR
    return dict(_titles_in(str(folder), template.id, _stamp(folder)))


def _stamp(folder: Path) -> float:
    try:
        return folder.stat().st_mtime
    except OSError:
        return 0.0


@functools.lru_cache(maxsize=32)
def _titles_in(folder: str, template_id: str, _changed: float) -> tuple[tuple[str, str], ...]:
    titles: dict[str, str] = {}
    for schema in received_versions(Path(folder), template_id):  # newer titles last: they win
        properties = schema.get("properties")
        for key, field_schema in (properties if isinstance(properties, dict) else {}).items():
            if isinstance(field_schema, dict) and isinstance(field_schema.get("title"), str):
                titles[key] = field_schema["title"]
    return tuple(titles.items())


def plain_text(value: Any) -> str:
    """A value whose template is gone, as plain text: lists one item a line, table rows as
    « clé : valeur » pairs (nothing says any more how to show it better)."""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return "\n".join(plain_text(item) for item in value)
    if isinstance(value, dict):
        return " ; ".join(f"{k} : {plain_text(v)}" for k, v in value.items() if not is_empty(v))
    return str(value)
