"""What of a record goes to the shared folder: the network's part of it, nothing more.

A venue or a visit goes without the fields that do not reach the network (and without
their stamps, so a colleague's copy of such a field is left alone, never erased). A
table whose field reaches the network goes with its stamp and its rows, each row without
the columns that do not (« Présenté par », « Porteur·se »): the laptop that holds those
cells puts them back on the rows of a colleague's edited version (merge/personal_cells).
The versions kept aside that travel with a record (kept_versions) are reduced the same
way. A photo whose rights no longer reach the network goes as its rights alone: colleagues
learn that they may no longer show it, and nothing else about it (no caption, no name,
no consent reference, no picture).
"""

from __future__ import annotations

from typing import Any

from desktop.core.merge.kept_versions import KEPT_KEY
from desktop.core.privacy.audiences import (
    SHARE_AUDIENCE,
    hidden_keys,
    reaches,
    rights_audience,
    row_columns,
    visible_rows,
)
from desktop.core.storage.store import CarnetStore
from desktop.core.storage.store_stamps import DELETED_FIELD

RIGHTS_FIELDS = ("identifiable_people", "allowed_use")


def network_document(
    store: CarnetStore, document: dict[str, Any], shareable: bool = True
) -> dict[str, Any]:
    """An exchange document (one record) reduced to what the network may hold.

    shareable=False: the publisher found the photo no longer shareable for a reason the
    record does not carry (its visit or venue deleted): rights alone, too.
    """
    drop_hidden_fields(store, document)
    document["photos"] = [_photo_for_network(r, shareable) for r in document.get("photos", [])]
    return document


def drop_hidden_fields(store: CarnetStore, document: dict[str, Any]) -> None:
    """Venues and visits of an exchange document lose the fields the network may not see.

    A visit (any record of `visits`) is judged by its own template. A key that template
    does not have (a field of a previous version, or a record of a template this laptop
    has not received) has no audience any more: it is treated as interne, so it is never
    shared wider than before (colleagues keep the copies they already had)."""
    venue_properties = store.templates.venue.schema.get("properties", {})
    venue_hidden = hidden_keys(venue_properties, SHARE_AUDIENCE)
    for record in document.get("venues", []):
        _drop(record, venue_hidden)
        _reduce_tables(record["data"], venue_properties)
    for record in document.get("visits", []):
        _drop(record, _visit_hidden(store, record))
        _reduce_tables(record["data"], _visit_properties(store, record))


def drop_hidden_kept_cells(store: CarnetStore, document: dict[str, Any]) -> None:
    """The versions kept aside listed in the records of a file (kept_versions, only for
    fields that travel) lose the table cells the network may not see, as the fields do."""
    venue_properties = store.templates.venue.schema.get("properties", {})
    for name in ("venues", "visits"):
        for record in document.get(name, []):
            properties = venue_properties if name == "venues" else _visit_properties(store, record)
            for version in record.get(KEPT_KEY) or []:
                schema = properties.get(version["field"])
                if schema is not None and "value" in version:
                    version["value"] = visible_rows(schema, version["value"], SHARE_AUDIENCE)


def _reduce_tables(data: dict[str, Any], properties: dict[str, Any]) -> None:
    """Each table's rows without the cells the network may not see."""
    for key, value in data.items():
        schema = properties.get(key)
        if schema is not None and row_columns(schema):
            data[key] = visible_rows(schema, value, SHARE_AUDIENCE)


def _visit_properties(store: CarnetStore, record: dict[str, Any]) -> dict[str, Any]:
    template = _record_template(store, record.get("template_id"))
    return template.schema.get("properties", {}) if template is not None else {}


def _visit_hidden(store: CarnetStore, record: dict[str, Any]) -> set[str]:
    template = _record_template(store, record.get("template_id"))
    if template is None:  # a template not received yet: none of its data goes out
        return set(record["data"]) | {k for k in record["stamps"] if not k.startswith("_")}
    properties = template.schema.get("properties", {})
    leftovers = {k for k in record["data"] if k not in properties}
    leftovers |= {k for k in record["stamps"] if k not in properties and not k.startswith("_")}
    return hidden_keys(properties, SHARE_AUDIENCE) | leftovers


def _record_template(store: CarnetStore, template_id: str | None):
    from desktop.core.forms.templates import TemplateError

    try:
        return store.templates.template(template_id or store.templates.visit.id)
    except TemplateError:
        return None


def photo_reaches_network(record: dict[str, Any]) -> bool:
    data = record["data"]
    audience = rights_audience(
        data.get("identifiable_people"), data.get("consent"), data.get("allowed_use")
    )
    return reaches(audience, SHARE_AUDIENCE)


def is_withdrawn(record: dict[str, Any]) -> bool:
    """A photo record that carries only its rights (see _photo_for_network): every full
    photo record has its position."""
    return "position" not in record["data"]


def _drop(record: dict[str, Any], keys: set[str]) -> None:
    for key in keys:
        record["data"].pop(key, None)
        record["stamps"].pop(key, None)


def _photo_for_network(record: dict[str, Any], shareable: bool) -> dict[str, Any]:
    if shareable and photo_reaches_network(record) and not record.get("deleted_at"):
        return record
    data, stamps = record["data"], record["stamps"]
    kept = set(RIGHTS_FIELDS)
    if not (data.get("consent") or "").strip():
        kept.add("consent")  # an empty consent says « withdrawn »; a reference stays here
    kept_stamps = kept | {DELETED_FIELD}
    return {
        **record,
        "original_name": "",
        "data": {k: v for k, v in data.items() if k in kept},
        "stamps": {k: v for k, v in stamps.items() if k in kept_stamps},
    }
