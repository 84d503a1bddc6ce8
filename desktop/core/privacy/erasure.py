"""Erasing a person's name (right to erasure): « [effacé] » in its place, everywhere held.

Each record is changed by the ordinary stamped edit (update_visit, update_venue,
update_photo…), so the erasure travels to colleagues with the next sync like any other
edit, and their sheets are made again. The versions kept aside by the sync (conflicts,
and the versions that may become one) are rewritten too, and travel with the record
(merge/kept_versions.py) so that colleagues rewrite their copies. All of it is one
transaction on the writer: all or nothing.

An erasure answers no conflict: a venue's or visit's field it rewrites keeps, as its
base, the base of the version it replaces (what that version's author had seen), so
the conflicts open on it stay open, here and on colleagues' laptops, their values
rewritten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import PhotoLibrary
from desktop.core.merge.conflict_rows import decode_value
from desktop.core.merge.conflicts import open_rows
from desktop.core.merge.kept_versions import mark_erased
from desktop.core.privacy.matching import NameMatcher, erase_in
from desktop.core.privacy.persons import DOCUMENT_FIELDS, PHOTO_FIELDS
from desktop.core.storage.data_service import Writer
from desktop.core.storage.record_basics import now_iso
from desktop.core.storage.store import CarnetStore

FILE_NAME = "original_name"  # not an editable field: stamped here so the new name travels


@dataclass
class Erasure:
    records: dict[str, int] = field(default_factory=dict)  # table -> records changed
    occurrences: int = 0
    conflicts: int = 0  # versions listed in conflict, rewritten
    kept_aside: int = 0  # other versions the sync keeps aside (not listed), rewritten

    @property
    def total_records(self) -> int:
        return sum(self.records.values())

    def note(self, table: str, occurrences: int) -> None:
        if occurrences:
            self.records[table] = self.records.get(table, 0) + 1
            self.occurrences += occurrences

    def as_json(self) -> dict:
        return {
            "records": self.records,
            "occurrences": self.occurrences,
            "conflicts": self.conflicts,
            "kept_aside": self.kept_aside,
        }


def erase_person(store: CarnetStore, name: str) -> Erasure:
    """Replace every occurrence of the name; ValueError (French) if the name is too short."""
    matcher = NameMatcher.of(name)
    return store.service.call(lambda writer: _erase(writer, matcher))


def _erase(writer: Writer, matcher: NameMatcher) -> Erasure:
    erasure = Erasure()
    store = writer.store
    listed, aside = _rows_holding(writer, matcher)
    for table in ("venues", "visits"):
        rows = store.db.conn.execute(f"SELECT id, data, deleted_at FROM {table}").fetchall()
        for record_id, data, deleted_at in rows:
            changes, count = _erased_fields(json.loads(data), matcher)
            if changes:
                update = store.update_venue if table == "venues" else store.update_visit
                update(record_id, changes, _bases_kept(store, record_id, changes))
            if changes and deleted_at:  # the deletion has seen the erasure: no conflict
                store.set_deleted(table, record_id, deleted_at)
            erasure.note(table, count)
    _erase_attachments(writer, matcher, erasure)
    _erase_conflicts(writer, matcher)
    erasure.conflicts, erasure.kept_aside = listed, aside
    return erasure


def _bases_kept(store: CarnetStore, record_id: str, changes: dict) -> dict[str, str]:
    """Per field rewritten, the base of the version replaced: the erasure saw what it saw."""
    stamps = store.field_stamps(record_id)
    return {key: stamps[key].get("base", "") for key in changes if key in stamps}


def _erased_fields(data: dict, matcher: NameMatcher) -> tuple[dict, int]:
    changes, total = {}, 0
    for key, value in data.items():
        erased, count = erase_in(value, matcher)
        if count:
            changes[key], total = erased, total + count
    return changes, total


def _erase_attachments(writer: Writer, matcher: NameMatcher, erasure: Erasure) -> None:
    libraries = {
        "photos": (PHOTO_FIELDS, PhotoLibrary(writer.store, writer.media).update_photo),
        "documents": (DOCUMENT_FIELDS, DocumentLibrary(writer.store, writer.media).update),
    }
    for table, (fields, update) in libraries.items():
        columns = ", ".join(fields)
        rows = writer.db.conn.execute(f"SELECT id, {columns} FROM {table}").fetchall()
        for record_id, *values in rows:
            erased = {k: matcher.erase(v or "") for k, v in zip(fields, values, strict=True)}
            changes = {k: text for k, (text, count) in erased.items() if count}
            name = changes.pop(FILE_NAME, None)
            if changes:
                update(record_id, changes)
            if name is not None:
                _rename(writer, table, record_id, name)
            erasure.note(table, sum(count for _, count in erased.values()))


def _rename(writer: Writer, table: str, record_id: str, name: str) -> None:
    writer.db[table].update(record_id, {FILE_NAME: name, "updated_at": now_iso()})
    writer.store.stamp(table, record_id, [FILE_NAME])


def _rows_holding(writer: Writer, matcher: NameMatcher) -> tuple[int, int]:
    """How many kept versions hold the name before the erasure: (listed in conflict,
    kept aside only)."""
    listed = {(r.record_id, r.field, r.other.stamp) for r in open_rows(writer.store)}
    rows = writer.db.conn.execute("SELECT record_id, field, stamp, value FROM sync_conflicts")
    counts = [0, 0]
    for record_id, key, stamp, text in rows.fetchall():
        if erase_in(decode_value(text), matcher)[1]:
            counts[(record_id, key, stamp) not in listed] += 1
    return counts[0], counts[1]


def _erase_conflicts(writer: Writer, matcher: NameMatcher) -> None:
    """Every kept version without the name, marked rewritten so that it travels: those
    kept before the erasure, and those its edits replaced (colleagues' versions)."""
    rows = writer.db.conn.execute(
        "SELECT record_id, field, stamp, value FROM sync_conflicts"
    ).fetchall()
    rewritten = []
    for record_id, key, stamp, text in rows:
        erased, count = erase_in(decode_value(text), matcher)
        if count:
            rewritten.append((mark_erased(text, erased), record_id, key, stamp))
    writer.db.conn.executemany(
        "UPDATE sync_conflicts SET value = ? WHERE record_id = ? AND field = ? AND stamp = ?",
        rewritten,
    )
    # Their records' files are written again (with kept_versions) even where the record
    # itself held no name: colleagues rewrite their copies of these versions too.
    writer.db.conn.executemany(
        "DELETE FROM sync_published WHERE record_id = ?", {(row[1],) for row in rewritten}
    )
    if rewritten:
        writer.changes.conflicts = True
