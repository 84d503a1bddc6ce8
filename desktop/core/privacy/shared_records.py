"""What of a record goes to the shared folder: the network's part of it, nothing more.

A venue or a visit goes without the fields that do not reach the network (and without
their stamps, so a colleague's copy of such a field is left alone, never erased). A
photo whose rights no longer reach the network goes as its rights alone: colleagues
learn that they may no longer show it, and nothing else about it (no caption, no name,
no consent reference, no picture).
"""

from __future__ import annotations

from typing import Any

from desktop.core.privacy.audiences import SHARE_AUDIENCE, hidden_keys, reaches, rights_audience
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
    venue = store.templates.venue
    venue_hidden = hidden_keys(venue.schema.get("properties", {}), SHARE_AUDIENCE)
    for record in document.get("venues", []):
        _drop(record, venue_hidden)
    for record in document.get("visits", []):
        _drop(record, _visit_hidden(store, record))


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
