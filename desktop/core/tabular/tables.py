"""The three tables of a network export (Visites, Actions, Lieux), derived from the templates.

One row per visit with one column per template field, one row per agreed action (of a
visit, or of another record such as a meeting's minutes: action_rows), one row per venue. The templates decide the columns, their order and their French headers;
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
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from desktop.core.privacy.audiences import visible_data
from desktop.core.storage.store import CarnetStore
from desktop.core.tabular.action_rows import KIND_HEADER, ActionRows, action_dicts
from desktop.core.tabular.cells import (  # noqa: F401  (the names this module always offered)
    ACTIONS_KEY,
    NO,
    PEOPLE_WORDS,
    SUBVALUE_SEPARATOR,
    YES,
    Column,
    ExportFilter,
    Table,
    TabularExportError,
    _audience,
    _headers,
    _wraps,
    actions_field,
    cell,
    clean_text,
    header_of,
    is_personal,
    parse_iso_date,
)
from desktop.core.tabular.record_table import RecordTable, _venue_clause, sheet_name


@dataclass(frozen=True)
class Tables:
    visits: Table
    actions: Table
    venues: Table
    others: tuple[Table, ...] = ()  # one per other record template (meetings' minutes…)

    def __iter__(self):
        return iter((self.visits, self.actions, self.venues, *self.others))


# --------------------------------------------------------------------------- tables

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
    "Identifiant de la fiche": "Record id",
    "Identifiant du lieu": "Venue id",
    KIND_HEADER: "Record type",
    "Visites exportées": "Visits exported",
    "Dernière visite": "Last visit",
    PHOTOS_HEADER: "Photos (caption, permission, use)",
    "Visites": "Visits",
    "Actions": "Actions",
    "Lieux": "Venues",
    "oui": "yes",
    "non": "no",
    "à vérifier": "to check",
    "personnes reconnaissables": "identifiable people",
    "autorisation": "permission",
    "aucune": "none",
    "usage": "use",
    "interne": "internal",
    "réseau": "network",
    "public": "public",
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


def build_tables(store: CarnetStore, filters: ExportFilter = ExportFilter()) -> Tables:  # noqa: B008
    """The tables for these filters (checked first: TabularExportError if refused): the
    visits, their actions, the venues, then one table per other record template."""
    check_filter(store, filters)
    visit_template, venue_template = store.templates.visit, store.templates.venue
    say = _in_language(store.templates.language)
    action_spec = actions_field(visit_template)
    visits = RecordTable(visit_template, filters, say, skip=action_spec)
    visit_columns = visits.columns(say("Visites"), "")
    if filters.include_personal:
        visit_columns.columns.append(Column(say(PHOTOS_HEADER), wrap=True))
    date_title = visits.date_title
    action_columns = [Column(say(h) if h else date_title) for h in ACTION_LEADING]
    action_specs = list(action_spec.columns) if action_spec else []
    action_columns += [Column(header_of(s), _wraps(s)) for s in action_specs]
    action_columns.append(Column(say(KIND_HEADER)))
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
    actions = ActionRows(store, action_specs, say)
    tables = Tables(
        visit_columns,
        Table(say("Actions"), "-actions", action_columns),
        Table(say("Lieux"), "-lieux", venue_columns),
        other_tables(store, filters, say, actions.add_record),
    )
    photos = _photo_texts(store, say) if filters.include_personal else {}
    kind = visit_template.title
    visit_count: dict[str, int] = defaultdict(int)
    last_visit: dict[str, date] = {}
    for row, data, visit_date in visits.rows(store):
        visit_id, venue_id = row[4], row[5]
        if filters.include_personal:
            row.append(photos.get(visit_id))
        tables.visits.rows.append(row)
        visit_count[venue_id] += 1
        if visit_date and (venue_id not in last_visit or visit_date > last_visit[venue_id]):
            last_visit[venue_id] = visit_date
        for action in action_dicts(data.get(action_spec.key) if action_spec else None):
            cells = [cell(spec, action.get(spec.key), say) for spec in action_specs]
            actions.add([row[0], row[1], row[2], visit_id], venue_id, visit_date, cells, kind)
    tables.actions.rows.extend(actions.rows())
    venue_fields = venue_template.schema.get("properties", {})
    for venue_id, data in _venue_rows(store, filters):
        data = visible_data(venue_fields, data, _audience(filters))
        tables.venues.rows.append(
            [venue_id]
            + [cell(spec, data.get(spec.key), say) for spec in venue_specs]
            + [visit_count.get(venue_id, 0), last_visit.get(venue_id)]
        )
    return tables


def other_tables(
    store: CarnetStore, filters: ExportFilter, say, on_record=lambda *_record: None
) -> tuple[Table, ...]:
    """One table per record template besides the visit sheet: its fields as columns, one
    row per record (its tables, actions included, flattened into their cell); only the
    templates with records in the export. on_record(template, row, data, day): each
    record as read (the Actions sheet takes its actions)."""
    tables, taken = [], {say(n).casefold() for n in ("Visites", "Actions", "Lieux")}
    for template in store.templates.others:
        records = RecordTable(template, filters, say, record_header="Identifiant de la fiche")
        name = sheet_name(template.short_title or template.title, taken)
        table = records.columns(name, "-" + template.id)
        for row, data, day in records.rows(store):  # read once: the Actions sheet too
            on_record(template, row, data, day)
            table.rows.append(row)
        if table.rows:  # no empty sheet or file for a template nobody used
            tables.append(table)
    return tuple(tables)


def _venue_rows(store: CarnetStore, filters: ExportFilter):
    clause, params = _venue_clause(filters, "id")
    cursor = store.db.conn.execute(
        f"SELECT id, data FROM venues WHERE deleted_at IS NULL{clause} ORDER BY sort_key, id",
        params,
    )
    for venue_id, data in cursor:
        yield venue_id, json.loads(data)


def _photo_texts(store: CarnetStore, say) -> dict[str, str]:
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
        parts.append(f"{say('personnes reconnaissables')} : {say(PEOPLE_WORDS[people])}")
        if people:
            parts.append(f"{say('autorisation')} : {consent or say('aucune')}")
        audience = AUDIENCE_TITLES.get(allowed or "", "interne")
        parts.append(f"{say('usage')} : {say(audience)}")
        lines[visit_id].append(clean_text(SUBVALUE_SEPARATOR.join(parts)))
    return {visit_id: "\n".join(texts) for visit_id, texts in lines.items()}
