"""Who may see what: one rule for the PDF, the share, the exports and the published sheets.

Audiences nest: interne ⊃ réseau ⊃ public. Every field, photo and record has the widest
audience it may reach; an output made for an audience shows only what reaches it.

- A template field reaches `x-audience` (public by default); `x-personal` means interne,
  and so does any field a network marks so in its template. Table columns follow the
  same hints inside their rows: a table reaches an audience with its rows, each row
  without the columns that do not (never the whole table held back for one column).
- A photo reaches: nobody identifiable → its allowed use (public if none chosen);
  identifiable with a consent reference → its allowed use (interne if none chosen);
  identifiable without consent, or not reviewed yet (« à vérifier ») → interne.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

INTERNE, RESEAU, PUBLIC = "interne", "reseau", "public"
AUDIENCES = (INTERNE, RESEAU, PUBLIC)  # narrowest reach last
AUDIENCE_TITLES = {INTERNE: "Interne", RESEAU: "Réseau", PUBLIC: "Public"}
SHARE_AUDIENCE = RESEAU  # colleagues of the network: the shared folder and its sheets


class PhotoRights(Protocol):
    identifiable_people: bool | None
    consent: str
    allowed_use: str | None


def check_audience(audience: str) -> str:
    if audience not in AUDIENCES:
        raise ValueError(f"Diffusion inconnue « {audience} » : interne, reseau ou public.")
    return audience


def reaches(widest: str, audience: str) -> bool:
    """Whether something that may reach `widest` may be shown to `audience`."""
    return AUDIENCES.index(widest) >= AUDIENCES.index(audience)


def field_audience(schema: Mapping[str, Any]) -> str:
    """The widest audience of a template property (its JSON Schema)."""
    if schema.get("x-personal"):
        return INTERNE
    declared = schema.get("x-audience", PUBLIC)
    return declared if declared in AUDIENCES else INTERNE  # a typo errs on the safe side


def rights_audience(identifiable: Any, consent: str | None, allowed_use: str | None) -> str:
    """The widest audience of a photo, from its three image-rights fields."""
    allowed = allowed_use if allowed_use in AUDIENCES else None
    if identifiable is None:
        return INTERNE  # not reviewed: treated as people without consent
    if not identifiable:
        return allowed or PUBLIC  # a building, a workshop: as wide as the author allows
    if not (consent or "").strip():
        return INTERNE
    return allowed or INTERNE


def photo_audience(photo: PhotoRights) -> str:
    return rights_audience(photo.identifiable_people, photo.consent, photo.allowed_use)


def photo_reaches(photo: PhotoRights, audience: str) -> bool:
    return reaches(photo_audience(photo), audience)


def sql_rights_reach(audience: str, prefix: str = "") -> str:
    """A SQL condition true for the photo rows that reach `audience` (same rule as above)."""
    p = prefix
    wider = tuple(a for a in AUDIENCES if reaches(a, audience))
    listed = ", ".join(f"'{a}'" for a in wider)
    consented = f"trim(coalesce({p}consent, '')) <> ''"
    no_one = f"({p}identifiable_people = 0 AND coalesce({p}allowed_use, 'public') IN ({listed}))"
    people = (
        f"({p}identifiable_people = 1 AND {consented} "
        f"AND coalesce({p}allowed_use, 'interne') IN ({listed}))"
    )
    return f"({no_one} OR {people})" if audience != INTERNE else "1"


# Photo rows (p, with their visit v) this laptop may hold: its own (it took the photo or
# owns the visit), or one the network may see. Parameter :me is this laptop's device id.
HOLDABLE_PHOTO = (
    "((p.created_device = :me OR v.owner_device = :me) OR "
    f"({sql_rights_reach(SHARE_AUDIENCE, 'p.')} AND p.deleted_at IS NULL "
    "AND v.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM venues hv "
    "WHERE hv.id = v.venue_id AND hv.deleted_at IS NOT NULL)))"
)


def visible_data(
    properties: Mapping[str, Mapping[str, Any]], data: Mapping[str, Any], audience: str
) -> dict[str, Any]:
    """The values of `data` that reach `audience`; table rows lose their hidden columns.

    Keys the template does not know (older versions, local fields) reach only interne:
    nobody decided who may see them.
    """
    if audience == INTERNE:
        return dict(data)
    shown: dict[str, Any] = {}
    for key, value in data.items():
        schema = properties.get(key)
        if schema is None or not reaches(field_audience(schema), audience):
            continue
        shown[key] = _visible_rows(schema, value, audience)
    return shown


def hidden_keys(properties: Mapping[str, Mapping[str, Any]], audience: str) -> set[str]:
    """Template keys whose values may not go to `audience` at all.

    A table whose own field reaches it goes with its rows, each row without the columns
    that do not (visible_rows): the reader's copy of those cells is placed back on its
    rows when the table comes back edited (merge/personal_cells.py).
    """
    return {k for k, s in properties.items() if not reaches(field_audience(s), audience)}


def visible_rows(schema: Mapping[str, Any], value: Any, audience: str) -> Any:
    """A field's value as `audience` may see it: a table's rows without their hidden
    columns (and without the columns the template does not know); any other value whole."""
    return _visible_rows(schema, value, audience)


def hidden_cells(
    columns: Mapping[str, Mapping[str, Any]], row: Mapping[str, Any], audience: str
) -> dict[str, Any]:
    """The cells of one table row that `audience` may not see (what visible_rows leaves out)."""
    shown = visible_data(columns, row, audience)
    return {key: value for key, value in row.items() if key not in shown}


def row_columns(schema: Mapping[str, Any]) -> Mapping[str, Mapping[str, Any]] | None:
    """The columns of a table field (its rows' properties), None for any other field."""
    items = schema.get("items") if isinstance(schema.get("items"), dict) else None
    columns = (items or {}).get("properties")
    return columns if isinstance(columns, dict) and columns else None


def _visible_rows(schema: Mapping[str, Any], value: Any, audience: str) -> Any:
    columns = row_columns(schema)
    if not columns or not isinstance(value, list):
        return value
    return [visible_data(columns, row, audience) if isinstance(row, dict) else row for row in value]
