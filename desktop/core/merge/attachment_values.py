"""A photo's or a document's value in conflict as the user reads it.

Attachments have no template to give their choices' labels (conflicts names their
fields): without this, the conflicts list showed « 1 », « reseau », « 90 » or
« statuts ». Texts and dates are shown as they are, as a visit's are."""

from __future__ import annotations

from typing import Any

from desktop.core.privacy.audiences import AUDIENCE_TITLES

IDENTIFIABLE = {None: "À vérifier", 0: "Non", 1: "Oui"}  # stored as 0/1 (True/False alike)
ROTATIONS = {
    0: "Non tournée",
    90: "Tournée d'un quart de tour à droite",
    180: "Tournée d'un demi-tour",
    270: "Tournée d'un quart de tour à gauche",
}


def attachment_value(field: str, value: Any) -> str | None:
    """The words for the value of an attachment's field; None: show it as it is."""
    if field == "identifiable_people" and (value is None or isinstance(value, int)):
        return IDENTIFIABLE.get(value)
    if field == "allowed_use" and isinstance(value, str):
        return AUDIENCE_TITLES.get(value)
    if field == "rotation" and isinstance(value, int) and not isinstance(value, bool):
        return ROTATIONS.get(value % 360)
    if field == "doc_type" and isinstance(value, str):
        from desktop.core.media.documents import type_title

        return type_title(value)
    return None
