"""Erasing a person's name (right to erasure): « [effacé] » in its place, everywhere held.

Each record is changed by the ordinary stamped edit (update_visit, update_venue,
update_photo…), so the erasure travels to colleagues with the next sync like any other
edit, and their sheets are made again. The values kept aside by sync conflicts are
rewritten too. All of it is one transaction on the writer: all or nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import PhotoLibrary
from desktop.core.merge.conflict_rows import decode_value, encode_value
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
    conflicts: int = 0  # kept conflict values rewritten

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
        }


def erase_person(store: CarnetStore, name: str) -> Erasure:
    """Replace every occurrence of the name; ValueError (French) if the name is too short."""
    matcher = NameMatcher.of(name)
    return store.service.call(lambda writer: _erase(writer, matcher))


def _erase(writer: Writer, matcher: NameMatcher) -> Erasure:
    erasure = Erasure()
    store = writer.store
    kept = writer.db.conn.execute("SELECT * FROM sync_conflicts").fetchall()
    for table in ("venues", "visits"):
        rows = store.db.conn.execute(f"SELECT id, data, deleted_at FROM {table}").fetchall()
        for record_id, data, deleted_at in rows:
            changes, count = _erased_fields(json.loads(data), matcher)
            if changes and table == "venues":
                store.update_venue(record_id, changes)
            elif changes:
                store.update_visit(record_id, changes)
            if changes and deleted_at:  # the deletion has seen the erasure: no conflict
                store.set_deleted(table, record_id, deleted_at)
            erasure.note(table, count)
    _erase_attachments(writer, matcher, erasure)
    erasure.conflicts = _erase_conflicts(writer, matcher, kept)
    return erasure


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


def _erase_conflicts(writer: Writer, matcher: NameMatcher, kept: list[tuple]) -> int:
    """The conflicts as they were before the erasure, their values erased.

    An edit dismisses the conflicts its author had seen (store_stamps.stamp); the
    erasure is no answer to them, so they are all put back, without the name.
    """
    columns = [row[1] for row in writer.db.conn.execute("PRAGMA table_info(sync_conflicts)")]
    value_at = columns.index("value")
    rows, rewritten = [], 0
    for row in kept:
        erased, count = erase_in(decode_value(row[value_at]), matcher)
        row = list(row)
        if count:
            row[value_at] = encode_value(erased)
            rewritten += 1
        rows.append(row)
    marks = ", ".join("?" * len(columns))
    writer.db.conn.execute("DELETE FROM sync_conflicts")
    writer.db.conn.executemany(f"INSERT INTO sync_conflicts VALUES ({marks})", rows)
    if rewritten:
        writer.changes.conflicts = True
    return rewritten
