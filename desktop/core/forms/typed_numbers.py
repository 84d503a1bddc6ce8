"""A typed number as a French user types it: « 1 234,5 », « −3 », « 45 000 € » in a field
in euros, « 30 % » in a field in percent, « 120 m2 » in a field in square metres.

The form shows the field's unit beside the box, yet people type it too: the number is
read, the unit dropped (it is the field's own). Any other word keeps the text as typed,
flagged by the validation, so nothing typed is changed into something else."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.forms.templates import FieldSpec

SPACES = re.compile(r"[\s\u202f\xa0]+")
MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})  # « − » (math minus), « – » (dash)
# Spellings of a unit that mean the same thing, once spaces are gone and case folded.
UNIT_SPELLINGS = (("euros", "€"), ("euro", "€"), ("eur", "€"), ("²", "2"), ("par", "/"))
PERCENT_WORDS = ("pourcents", "pourcent")
NUMBER_AND_REST = re.compile(r"(\D*?)([+-]?[\d.]+(?:e[+-]?\d+)?)(.*)", re.IGNORECASE)


def parse_number(text: str, integer: bool, unit: str = "") -> int | float:
    """French or English notation: « 1 234,5 » and « 1234.5 » both give 1234.5; the field's
    own unit may follow the number (or precede it: « € 45 »). ValueError otherwise."""
    cleaned = SPACES.sub("", text).translate(MINUS_SIGNS).replace(",", ".")
    cleaned = _without_unit(cleaned, unit) if unit else cleaned
    value = float(cleaned)
    if not math.isfinite(value):  # « nan », « inf », « 1e999 »: no number a sheet can hold
        raise ValueError(text)
    if integer:
        if not value.is_integer():
            raise ValueError(text)
        return int(value)
    return int(value) if value.is_integer() and "." not in cleaned else value


def cell_number(column: FieldSpec, text: str) -> int | float | str:
    """A cell of a table's column of numbers, as both the form and the `set` command read
    it: the number (« 1 200 », « 45 000 € » in a column in euros, « −3 », « 2,5 »), else
    the text as typed, its outer spaces dropped ("" when there is nothing but spaces),
    which the validation flags; nothing typed is lost."""
    text = text.strip()
    if not text:
        return ""
    try:
        return parse_number(text, column.widget == "integer", column.unit)
    except ValueError:
        return text


def _without_unit(cleaned: str, unit: str) -> str:
    """The number alone when the rest of cleaned is the unit, before or after it, in one
    spelling (« m2 » is « m² », « euros » is « € », « € par mois » is « €/mois »);
    cleaned unchanged otherwise (float() then refuses it)."""
    parts = NUMBER_AND_REST.fullmatch(cleaned)
    if parts is None:
        return cleaned
    before, number, after = parts.groups()
    rest = before + after
    if not rest or (before and after) or _spelling(rest) != _spelling(unit):
        return cleaned
    return number


def _spelling(text: str) -> str:
    text = SPACES.sub("", text.casefold())
    for word in PERCENT_WORDS:  # « pour cent », its spaces gone
        text = text.replace(word, "%")
    for spelling, unit in UNIT_SPELLINGS:
        text = text.replace(spelling, unit)
    return text
