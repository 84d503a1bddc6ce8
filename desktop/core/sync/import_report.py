"""What a pass's import did: counts, conflict copies, and which records it changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class ImportReport:
    files_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflict_copies: list[tuple[str, str]] = field(default_factory=list)
    media_fetched: int = 0
    media_forgotten: int = 0  # received pictures deleted: their rights were withdrawn
    photos_erased: int = 0  # received photos that kept only their rights (withdrawn)
    purged: int = 0  # records deleted for good by a colleague's tombstone
    # A colleague's purge left in place here, one French line each (sync/purges.py)
    purges_kept: list[str] = field(default_factory=list)
    # Ids of the records created or updated, the first CHANGED_LISTED of them: a first
    # import changes 100,000 records or more, and their ids (some 13 MB) would make the
    # pass's memory grow with the share; changed_beyond counts the ones not listed.
    changed_records: set[str] = field(default_factory=set)
    changed_beyond: int = 0

    def note_changed(self, ids: Iterable[str]) -> None:
        for record_id in ids:
            if record_id in self.changed_records:
                continue
            if len(self.changed_records) < CHANGED_LISTED:
                self.changed_records.add(record_id)
            else:
                self.changed_beyond += 1  # an id met again beyond the list counts again


CHANGED_LISTED = 1000
