"""What Carnet holds about a person met (right of access): every place a name appears.

Venues and visits (every text of their data, table rows included: people met, action
owners), photos (caption, consent reference, file name), documents (file name) and the
versions kept aside by the sync (listed as conflicts or not); trashed records too,
since they are still held.
Matching ignores case and accents and takes whole words (matching.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from desktop.core.merge.conflict_rows import decode_value
from desktop.core.merge.conflicts import open_rows
from desktop.core.privacy.matching import NameMatcher, strings_in
from desktop.core.storage.store import CarnetStore

PHOTO_FIELDS = {"caption": "Légende", "consent": "Autorisation", "original_name": "Nom du fichier"}
DOCUMENT_FIELDS = {"original_name": "Nom du fichier"}
KIND_TITLES = {"venues": "Lieu", "visits": "Visite", "photos": "Photo", "documents": "Document"}


@dataclass(frozen=True)
class Mention:
    """One field of one record where the name appears."""

    table: str
    id: str
    field: str
    field_title: str
    excerpt: str
    venue: str
    visit_date: str | None
    in_trash: bool
    occurrences: int
    conflict: bool = False  # a value kept aside by a sync conflict, not the current one

    def as_json(self) -> dict:
        return asdict(self)


def find_person(store: CarnetStore, name: str) -> list[Mention]:
    """Every field of every record holding the name; ValueError (French) if it is too short."""
    matcher = NameMatcher.of(name)
    mentions = [
        *_in_venues(store, matcher),
        *_in_visits(store, matcher),
        *_in_attachments(store, matcher, "photos"),
        *_in_attachments(store, matcher, "documents"),
        *_in_conflicts(store, matcher),
    ]
    return mentions


def _mention(matcher, value, table, record_id, field, label, venue, day, trashed, conflict=False):
    """label: the template's FieldSpec (its title; a table's columns) or a plain title."""
    spec = None if isinstance(label, str) else label
    title = spec.title if spec else label
    texts = [t for t in _texts(value, spec) if matcher.found_in(t)]
    if not texts:
        return None
    count = sum(len(matcher.spans(t)) for t in texts)
    excerpt = matcher.excerpt(texts[0])
    return Mention(
        table, record_id, field, title, excerpt, venue, day, bool(trashed), count, conflict
    )


def _texts(value, spec=None) -> list[str]:
    """The strings of a value; a table's row as one line (« Trésorier — Éric Dubois »),
    its choices by their French label."""
    if isinstance(value, list) and all(isinstance(row, dict) for row in value):
        return [" — ".join(_cells(row, spec)) for row in value]
    return strings_in(value)


def _cells(row: dict, spec) -> list[str]:
    columns = {column.key: column for column in spec.columns} if spec else {}
    cells = []
    for key, value in row.items():
        column = columns.get(key)
        if column is not None and column.widget == "select" and isinstance(value, str):
            cells.append(column.label_of(value))
        else:
            cells += strings_in(value)
    return [cell for cell in cells if cell]


def _title(store: CarnetStore, table: str, key: str, record_id: str = ""):
    """The record's template's field (its title, its table's columns), or the bare key."""
    template = store.templates.venue if table == "venues" else store.template_of(record_id)
    return template.field(key) or key


def _data_mentions(store, matcher, table, record_id, data, venue, day, trashed) -> Iterator:
    for key, value in data.items():
        title = _title(store, table, key, record_id)
        found = _mention(matcher, value, table, record_id, key, title, venue, day, trashed)
        if found:
            yield found


def _in_venues(store: CarnetStore, matcher: NameMatcher) -> Iterator[Mention]:
    rows = store.db.conn.execute("SELECT id, name, data, deleted_at FROM venues ORDER BY sort_key")
    for record_id, venue, data, trashed in rows.fetchall():
        yield from _data_mentions(
            store, matcher, "venues", record_id, json.loads(data), venue, None, trashed
        )


def _in_visits(store: CarnetStore, matcher: NameMatcher) -> Iterator[Mention]:
    rows = store.db.conn.execute(
        "SELECT v.id, ve.name, v.visit_date, v.data, coalesce(v.deleted_at, ve.deleted_at) "
        "FROM visits v JOIN venues ve ON ve.id = v.venue_id ORDER BY ve.sort_key, v.visit_date"
    )
    for record_id, venue, day, data, trashed in rows.fetchall():
        yield from _data_mentions(
            store, matcher, "visits", record_id, json.loads(data), venue, day, trashed
        )


ATTACHMENT_QUERIES = {
    "photos": (
        "SELECT p.id, ve.name, v.visit_date, "
        "coalesce(p.deleted_at, v.deleted_at, ve.deleted_at), p.caption, p.consent, "
        "p.original_name FROM photos p JOIN visits v ON v.id = p.visit_id "
        "JOIN venues ve ON ve.id = v.venue_id ORDER BY ve.sort_key, v.visit_date"
    ),
    "documents": (
        "SELECT d.id, ve.name, NULL, coalesce(d.deleted_at, ve.deleted_at), d.original_name "
        "FROM documents d JOIN venues ve ON ve.id = d.venue_id ORDER BY ve.sort_key"
    ),
}


def _in_attachments(store: CarnetStore, matcher: NameMatcher, table: str) -> Iterator[Mention]:
    fields = PHOTO_FIELDS if table == "photos" else DOCUMENT_FIELDS
    for row in store.db.conn.execute(ATTACHMENT_QUERIES[table]).fetchall():
        record_id, venue, day, trashed = row[:4]
        for (key, title), value in zip(fields.items(), row[4:], strict=True):
            found = _mention(
                matcher, value or "", table, record_id, key, title, venue, day, trashed
            )
            if found:
                yield found


def _in_conflicts(store: CarnetStore, matcher: NameMatcher) -> Iterator[Mention]:
    # Every version kept aside is held, listed as a conflict or not (conflict_rows).
    listed = {(r.record_id, r.field, r.other.stamp) for r in open_rows(store)}
    rows = store.db.conn.execute(
        "SELECT c.record_id, c.tbl, c.field, c.value, c.stamp, "
        "coalesce(ve.name, vv.name, pv.name, dv.name), v.visit_date "
        "FROM sync_conflicts c "
        "LEFT JOIN venues ve ON c.tbl = 'venues' AND ve.id = c.record_id "
        "LEFT JOIN visits v ON c.tbl = 'visits' AND v.id = c.record_id "
        "LEFT JOIN venues vv ON vv.id = v.venue_id "
        "LEFT JOIN photos p ON c.tbl = 'photos' AND p.id = c.record_id "
        "LEFT JOIN visits pvv ON pvv.id = p.visit_id "
        "LEFT JOIN venues pv ON pv.id = pvv.venue_id "
        "LEFT JOIN documents d ON c.tbl = 'documents' AND d.id = c.record_id "
        "LEFT JOIN venues dv ON dv.id = d.venue_id"
    )
    for record_id, table, key, value, stamp, venue, day in rows.fetchall():
        spec = _title(store, table, key, record_id)
        kept = "en conflit" if (record_id, key, stamp) in listed else "remplacée, gardée"
        title = f"{getattr(spec, 'title', spec)} (version {kept})"
        value = decode_value(value)
        found = _mention(
            matcher, value, table, record_id, key, title, venue or "", day, False, True
        )
        if found:
            yield found
