"""The three tables of a network export (Visites, Actions, Lieux), derived from the templates.

One row per visit with one column per template field, one row per agreed action, one
row per venue. The templates decide the columns, their order and their French headers;
cells are typed plain values (str, int, float, datetime.date or None) that the CSV and
XLSX writers turn into text or real numbers and dates.

Without personal data, an export is made for the network (privacy.audiences): fields
that do not reach « réseau » (`"x-personal": true`, like the names of the people met,
or `"x-audience": "interne"`) and what is known of the photos (captions, consent
references) are left out. With personal data, it is internal: everything.
Trashed venues and visits are always left out.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.core.forms.templates import FieldSpec, Template
from desktop.core.privacy.audiences import INTERNE, RESEAU, field_audience, reaches, visible_data
from desktop.core.storage.store import CarnetStore

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


@dataclass(frozen=True)
class Tables:
    visits: Table
    actions: Table
    venues: Table

    def __iter__(self):
        return iter((self.visits, self.actions, self.venues))


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


def cell(spec: FieldSpec, value: Any) -> Any:
    """The exported cell of a field's stored value. Values the form kept although they are
    invalid (a draft) are exported as the text they are, never dropped."""
    if value is None or value == "" or value == []:
        return None
    widget = spec.widget
    if widget == "checkbox" and isinstance(value, bool):
        return YES if value else NO
    if widget in {"number", "integer"} and isinstance(value, int | float):
        return value if not isinstance(value, bool) else str(value)
    if widget == "date":
        return parse_iso_date(value) or clean_text(str(value))
    if widget == "select":
        return clean_text(spec.label_of(value))
    if widget == "multiselect" and isinstance(value, list):
        return clean_text(_join_labels(spec, value))
    if widget == "table" and isinstance(value, list):
        return clean_text("\n".join(_table_row_text(spec, row) for row in value)) or None
    if isinstance(value, str):
        return clean_text(value)
    return clean_text(json.dumps(value, ensure_ascii=False))


def _table_row_text(spec: FieldSpec, row: Any) -> str:
    if not isinstance(row, dict):
        return str(row)
    parts = []
    for column in spec.columns:
        value = cell(column, row.get(column.key))
        if value is not None:
            parts.append(value.isoformat() if isinstance(value, date) else str(value))
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


# --------------------------------------------------------------------------- tables

VISIT_LEADING = (
    "Lieu",
    "Commune",
    None,
    "Auteur·rice",
    "Identifiant de la visite",
    "Identifiant du lieu",
)  # (None: the visit date's own title)
ACTION_LEADING = ("Lieu", "Commune", None, "Identifiant de la visite")
VENUE_LEADING = ("Identifiant du lieu",)
VENUE_TRAILING = ("Visites exportées", "Dernière visite")
PHOTOS_HEADER = "Photos (légende, autorisation, usage)"
AUDIENCE_TITLES = {"interne": "interne", "reseau": "réseau", "public": "public"}
ENGLISH = {  # the fixed headers and sheet names when the templates are shown in English
    "Lieu": "Venue",
    "Commune": "Municipality",
    "Auteur·rice": "Author",
    "Identifiant de la visite": "Visit id",
    "Identifiant du lieu": "Venue id",
    "Visites exportées": "Visits exported",
    "Dernière visite": "Last visit",
    PHOTOS_HEADER: "Photos (caption, permission, use)",
    "Visites": "Visits",
    "Actions": "Actions",
    "Lieux": "Venues",
}


def _in_language(language: str):
    """The fixed words of the export in the templates' language (fr or en)."""
    return (lambda words: ENGLISH.get(words, words)) if language == "en" else (lambda w: w)


def check_filter(store: CarnetStore, filters: ExportFilter) -> None:
    """Refuse unknown or trashed venues, and a date range the wrong way round."""
    for venue_id in filters.venue_ids:
        row = store.db.conn.execute(
            "SELECT deleted_at FROM venues WHERE id = ?", (venue_id,)
        ).fetchone()
        if row is None:
            raise TabularExportError(f"Lieu introuvable : {venue_id}")
        if row[0] is not None:
            raise TabularExportError(f"Ce lieu est à la corbeille : {venue_id}")
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise TabularExportError(
            f"La période est à l'envers : du {filters.date_from.isoformat()} "
            f"au {filters.date_to.isoformat()}."
        )


def build_tables(store: CarnetStore, filters: ExportFilter = ExportFilter()) -> Tables:
    """The three tables for these filters (checked first: TabularExportError if refused)."""
    check_filter(store, filters)
    visit_template, venue_template = store.templates.visit, store.templates.venue
    say = _in_language(store.templates.language)
    date_spec = visit_template.field("visit_date")
    date_title = date_spec.title if date_spec else "Date de la visite"
    action_spec = actions_field(visit_template)
    visit_specs = [
        spec
        for spec in visit_template.fields
        if spec.key != "visit_date"
        and spec is not action_spec
        and (filters.include_personal or not is_personal(spec))
    ]
    leading = [say(h) if h else date_title for h in VISIT_LEADING]
    visit_columns = [Column(h) for h in leading] + [
        Column(h, _wraps(s))
        for h, s in zip(
            _headers(visit_template, visit_specs, set(leading)), visit_specs, strict=True
        )
    ]
    if filters.include_personal:
        visit_columns.append(Column(say(PHOTOS_HEADER), wrap=True))
    action_columns = [Column(say(h) if h else date_title) for h in ACTION_LEADING]
    action_specs = list(action_spec.columns) if action_spec else []
    action_columns += [Column(header_of(s), _wraps(s)) for s in action_specs]
    venue_specs = [
        s for s in venue_template.fields if filters.include_personal or not is_personal(s)
    ]
    venue_leading = [say(h) for h in VENUE_LEADING]
    venue_columns = [Column(h) for h in venue_leading]
    venue_columns += [
        Column(h, _wraps(s))
        for h, s in zip(
            _headers(venue_template, venue_specs, set(venue_leading)), venue_specs, strict=True
        )
    ]
    venue_columns += [Column(say(h)) for h in VENUE_TRAILING]
    tables = Tables(
        Table(say("Visites"), "", visit_columns),
        Table(say("Actions"), "-actions", action_columns),
        Table(say("Lieux"), "-lieux", venue_columns),
    )
    photos = _photo_texts(store) if filters.include_personal else {}
    visit_count: dict[str, int] = defaultdict(int)
    last_visit: dict[str, date] = {}
    audience, visit_fields = _audience(filters), visit_template.schema.get("properties", {})
    for visit_id, venue_id, venue_name, commune, author, data in _visit_rows(store, filters):
        data = visible_data(visit_fields, data, audience)
        visit_date = parse_iso_date(data.get("visit_date"))
        if not _in_range(visit_date, filters):
            continue
        shown_date = (visit_date or cell(date_spec, data.get("visit_date"))) if date_spec else None
        row = [
            clean_text(venue_name),
            clean_text(commune or "") or None,
            shown_date,
            clean_text(author or "") or None,
            visit_id,
            venue_id,
        ]
        row += [cell(spec, data.get(spec.key)) for spec in visit_specs]
        if filters.include_personal:
            row.append(photos.get(visit_id))
        tables.visits.rows.append(row)
        visit_count[venue_id] += 1
        if visit_date and (venue_id not in last_visit or visit_date > last_visit[venue_id]):
            last_visit[venue_id] = visit_date
        actions = data.get(action_spec.key) if action_spec else None
        for action in actions if isinstance(actions, list) else ():
            if not isinstance(action, dict):
                continue
            tables.actions.rows.append(
                [row[0], row[1], shown_date, visit_id]
                + [cell(spec, action.get(spec.key)) for spec in action_specs]
            )
    venue_fields = venue_template.schema.get("properties", {})
    for venue_id, data in _venue_rows(store, filters):
        data = visible_data(venue_fields, data, audience)
        tables.venues.rows.append(
            [venue_id]
            + [cell(spec, data.get(spec.key)) for spec in venue_specs]
            + [visit_count.get(venue_id, 0), last_visit.get(venue_id)]
        )
    return tables


def _in_range(visit_date: date | None, filters: ExportFilter) -> bool:
    if filters.date_from is None and filters.date_to is None:
        return True
    if visit_date is None:  # no valid date: cannot be said to be in the period
        return False
    if filters.date_from and visit_date < filters.date_from:
        return False
    return not (filters.date_to and visit_date > filters.date_to)


def _venue_clause(filters: ExportFilter, column: str) -> tuple[str, tuple[str, ...]]:
    if not filters.venue_ids:
        return "", ()
    marks = ", ".join("?" for _ in filters.venue_ids)
    return f" AND {column} IN ({marks})", tuple(filters.venue_ids)


def _visit_rows(store: CarnetStore, filters: ExportFilter):
    clause, params = _venue_clause(filters, "v.venue_id")
    cursor = store.db.conn.execute(
        "SELECT v.id, v.venue_id, ve.name, ve.commune, v.author, v.data "
        "FROM visits v JOIN venues ve ON ve.id = v.venue_id "
        f"WHERE v.deleted_at IS NULL AND ve.deleted_at IS NULL{clause} "
        "ORDER BY ve.sort_key, v.visit_date, v.created_at, v.id",
        params,
    )
    for visit_id, venue_id, name, commune, author, data in cursor:
        yield visit_id, venue_id, name, commune, author, json.loads(data)


def _venue_rows(store: CarnetStore, filters: ExportFilter):
    clause, params = _venue_clause(filters, "id")
    cursor = store.db.conn.execute(
        f"SELECT id, data FROM venues WHERE deleted_at IS NULL{clause} ORDER BY sort_key, id",
        params,
    )
    for venue_id, data in cursor:
        yield venue_id, json.loads(data)


def _photo_texts(store: CarnetStore) -> dict[str, str]:
    """Per visit, one line per live photo: caption, date, people, consent, allowed use."""
    lines: dict[str, list[str]] = defaultdict(list)
    rows = store.db.conn.execute(
        "SELECT visit_id, original_name, caption, taken_on, identifiable_people, consent, "
        "allowed_use FROM photos WHERE deleted_at IS NULL ORDER BY visit_id, position"
    )
    for visit_id, name, caption, taken_on, people, consent, allowed in rows:
        parts = [caption or name or "photo"]
        if taken_on:
            parts.append(taken_on)
        parts.append(f"personnes reconnaissables : {PEOPLE_WORDS[people]}")
        if people:
            parts.append(f"autorisation : {consent or 'aucune'}")
        parts.append(f"usage : {AUDIENCE_TITLES.get(allowed or '', 'interne')}")
        lines[visit_id].append(clean_text(SUBVALUE_SEPARATOR.join(parts)))
    return {visit_id: "\n".join(texts) for visit_id, texts in lines.items()}
