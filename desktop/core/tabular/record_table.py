"""One table of records of one template: the leading columns (venue, commune, date,
author, ids), then one column per field of the template, in its order; one row per live
record of that template, with only what the export's audience may see."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from desktop.core.forms.templates import FieldSpec, Template
from desktop.core.privacy.audiences import visible_data
from desktop.core.storage.store import CarnetStore
from desktop.core.tabular.cells import (
    Column,
    ExportFilter,
    Table,
    _audience,
    _headers,
    _wraps,
    cell,
    clean_text,
    is_personal,
    parse_iso_date,
)

LEADING = ("Lieu", "Commune", None, "Auteur·rice", "Identifiant de la visite",
           "Identifiant du lieu")  # (None: the record date's own title)  # fmt: skip
SHEET_NAME_LIMIT = 31  # characters, in Excel
SHEET_NAME_FORBIDDEN = re.compile(r"[\\\[\]:*?/]")


def sheet_name(title: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts (≤ 31 characters, none of []:*?/\\), unique."""
    base = SHEET_NAME_FORBIDDEN.sub("-", title).strip("' ")[:SHEET_NAME_LIMIT] or "Fiches"
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name, number = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
    taken.add(name.casefold())
    return name


class RecordTable:
    """The columns and rows of one template's records (skip: a field exported apart, the
    visits' actions that get their own sheet)."""

    def __init__(
        self,
        template: Template,
        filters: ExportFilter,
        say,
        skip: FieldSpec | None = None,
        record_header: str = "Identifiant de la visite",
    ) -> None:
        self.template, self.filters, self.say = template, filters, say
        self.date_spec = template.field(template.date_key)
        self.date_title = self.date_spec.title if self.date_spec else "Date"
        self.specs = [
            spec
            for spec in template.fields
            if spec.key != template.date_key
            and spec is not skip
            and (filters.include_personal or not is_personal(spec))
        ]
        self.leading = [
            say(record_header if h == "Identifiant de la visite" else h) if h else self.date_title
            for h in LEADING
        ]

    def columns(self, name: str, csv_suffix: str) -> Table:
        headers = _headers(self.template, self.specs, set(self.leading))
        columns = [Column(h) for h in self.leading]
        columns += [Column(h, _wraps(s)) for h, s in zip(headers, self.specs, strict=True)]
        return Table(name, csv_suffix, columns)

    def rows(self, store: CarnetStore) -> Iterator[tuple[list[Any], dict, date | None]]:
        """(row, the data its audience sees, the record's date) per record in the filters."""
        fields = self.template.schema.get("properties", {})
        audience, key = _audience(self.filters), self.template.date_key
        records = _record_rows(store, self.filters, self.template.id)
        for record_id, venue_id, venue_name, commune, author, data in records:
            data = visible_data(fields, data, audience)
            day = parse_iso_date(data.get(key))
            if not _in_range(day, self.filters):
                continue
            shown_date = (
                (day or cell(self.date_spec, data.get(key), self.say)) if self.date_spec else None
            )
            row = [
                clean_text(venue_name),
                clean_text(commune or "") or None,
                shown_date,
                clean_text(author or "") or None,
                record_id,
                venue_id,
            ]
            row += [cell(spec, data.get(spec.key), self.say) for spec in self.specs]
            yield row, data, day


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


def _record_rows(store: CarnetStore, filters: ExportFilter, template_id: str):
    """The live records of one template (a row from before templates is a visit)."""
    clause, params = _venue_clause(filters, "v.venue_id")
    cursor = store.db.conn.execute(
        "SELECT v.id, v.venue_id, ve.name, ve.commune, v.author, v.data "
        "FROM visits v JOIN venues ve ON ve.id = v.venue_id "
        f"WHERE v.deleted_at IS NULL AND ve.deleted_at IS NULL{clause} "
        f"AND {store.of_template()} = ? "
        "ORDER BY ve.sort_key, v.visit_date, v.created_at, v.id",
        (*params, template_id),
    )
    for visit_id, venue_id, name, commune, author, data in cursor:
        yield visit_id, venue_id, name, commune, author, json.loads(data)
