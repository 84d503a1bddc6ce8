"""Cells and columns of the exported tables, from the templates' fields: typed plain
values (str, int, float, datetime.date or None) and French headers with their unit."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.core.forms.templates import FieldSpec, Template
from desktop.core.privacy.audiences import INTERNE, RESEAU, field_audience, reaches

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ACTIONS_KEY = "actions"  # the « suites à donner » table, if the template has one
YES, NO = "oui", "non"
PEOPLE_WORDS = {1: YES, 0: NO, None: "à vérifier"}  # photos.identifiable_people (NULL: unknown)
SUBVALUE_SEPARATOR = " — "  # between the cells of a table row flattened into one cell


class TabularExportError(ValueError):
    """A refused export (unknown venue, dates the wrong way round); str() is French."""


@dataclass(frozen=True)
class ExportFilter:
    """What to export: venues (all when empty), a date range (bounds included), personal data."""

    venue_ids: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    include_personal: bool = False


@dataclass(frozen=True)
class Column:
    header: str
    wrap: bool = False  # long text: wrapped (and its row height capped) in the XLSX


@dataclass
class Table:
    name: str  # the worksheet's name
    csv_suffix: str  # FILE.csv, FILE-actions.csv, FILE-lieux.csv
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)


# --------------------------------------------------------------------------- cells


def clean_text(text: str) -> str:
    """Text without the control characters no spreadsheet can hold (tabs and newlines kept)."""
    return CONTROL_CHARACTERS.sub("", text)


def parse_iso_date(value: Any) -> date | None:
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _join_labels(spec: FieldSpec, values: list[Any]) -> str:
    """Enum titles joined « Coworking, Fablab »; with « ; » when a title holds a comma."""
    labels = [spec.label_of(v) for v in values]
    separator = " ; " if any("," in title for _, title in spec.choices) else ", "
    return separator.join(labels)


def same_words(words: str) -> str:
    return words


def cell(spec: FieldSpec, value: Any, say: Callable[[str], str] = same_words) -> Any:
    """The exported cell of a field's stored value. Values the form kept although they are
    invalid (a draft) are exported as the text they are, never dropped. say: the export's
    own words (oui / non) in the templates' language."""
    if value is None or value == "" or value == []:
        return None
    widget = spec.widget
    if widget == "checkbox" and isinstance(value, bool):
        return say(YES) if value else say(NO)
    if widget in {"number", "integer"} and isinstance(value, int | float):
        return value if not isinstance(value, bool) else str(value)
    if widget == "date":
        return parse_iso_date(value) or clean_text(str(value))
    if widget == "select":
        return clean_text(spec.label_of(value))
    if widget == "multiselect" and isinstance(value, list):
        return clean_text(_join_labels(spec, value))
    if widget == "table" and isinstance(value, list):
        return clean_text("\n".join(_table_row_text(spec, row, say) for row in value)) or None
    if isinstance(value, str):
        return clean_text(value)
    return clean_text(json.dumps(value, ensure_ascii=False))


def _table_row_text(spec: FieldSpec, row: Any, say: Callable[[str], str]) -> str:
    if not isinstance(row, dict):
        return str(row)
    parts = []
    for column in spec.columns:
        value = cell(column, row.get(column.key), say)
        if value is not None:
            # A date inside a table's text reads as the French write it (its own column
            # would be a spreadsheet date; here it is text among text).
            parts.append(value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value))
    return SUBVALUE_SEPARATOR.join(parts)


# --------------------------------------------------------------------------- columns


def is_personal(spec: FieldSpec) -> bool:
    """A field left out of an export for the network (it does not reach « réseau »)."""
    return not reaches(field_audience(spec.schema), RESEAU)


def _audience(filters: ExportFilter) -> str:
    return INTERNE if filters.include_personal else RESEAU


def actions_field(template: Template) -> FieldSpec | None:
    """The table of agreed actions: the `actions` field, else the first non-personal table
    in the last section (« Bilan et suites »)."""
    spec = template.field(ACTIONS_KEY)
    if spec is not None and spec.widget == "table" and not is_personal(spec):
        return spec
    for section in reversed(template.sections):
        for candidate in section.fields:
            if candidate.widget == "table" and not is_personal(candidate):
                return candidate
    return None


def header_of(spec: FieldSpec) -> str:
    return f"{spec.title} ({spec.unit})" if spec.unit else spec.title


def _headers(template: Template, specs: list[FieldSpec], taken: set[str]) -> list[str]:
    """French titles with their unit; prefixed by the section where a title is ambiguous."""
    sections = {s.id: s.title for s in template.sections}
    plain = [header_of(spec) for spec in specs]
    counts = defaultdict(int)
    for header in [*plain, *taken]:
        counts[header.casefold()] += 1
    return [
        f"{sections.get(spec.section, spec.section)} — {header}"
        if counts[header.casefold()] > 1
        else header
        for spec, header in zip(specs, plain, strict=True)
    ]


def _wraps(spec: FieldSpec) -> bool:
    return spec.widget in {"textarea", "table"}
