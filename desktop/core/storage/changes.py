"""What one mutation changed: the data service broadcasts it once, views subscribe.

A view asks only what concerns it (« did a visit of this venue change? », « did the
conflicts change? ») and refreshes just that, instead of being told to reload by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

RECORD_TABLES = ("venues", "visits", "photos", "documents")


@dataclass
class ChangeSet:
    """Filled by a mutation while it runs on the writer (not thread-safe: one writer)."""

    records: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    settings: set[str] = field(default_factory=set)
    conflicts: bool = False
    everything: bool = False

    def note(self, table: str, record_id: str, fields: Iterable[str] = ()) -> None:
        self.records.setdefault(table, {}).setdefault(record_id, set()).update(fields)

    def note_setting(self, key: str) -> None:
        self.settings.add(key)

    def __bool__(self) -> bool:
        return bool(self.records or self.settings or self.conflicts or self.everything)

    def frozen(self, origin: object = None, local: bool = False) -> Changes:
        records = {
            table: {rid: frozenset(keys) for rid, keys in ids.items()}
            for table, ids in self.records.items()
        }
        return Changes(
            records, frozenset(self.settings), self.conflicts, self.everything, origin, local
        )


@dataclass(frozen=True)
class Changes:
    """One mutation's changes, as broadcast; `origin` is whoever asked for it (an editor)."""

    records: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    settings: frozenset[str] = frozenset()
    conflicts: bool = False
    everything: bool = False  # a restore, or another program wrote: assume anything changed
    origin: object = None
    local: bool = False  # this laptop stamped something (an edit), not only took a colleague's

    @property
    def to_publish(self) -> bool:
        """A record changed here: colleagues should have it soon (the sync publishes it)."""
        return self.local and any(self.records.get(table) for table in RECORD_TABLES)

    def touches(self, table: str) -> bool:
        return self.everything or bool(self.records.get(table))

    def ids(self, table: str) -> frozenset[str]:
        return frozenset(self.records.get(table, {}))

    def fields_of(self, table: str, record_id: str) -> frozenset[str]:
        return self.records.get(table, {}).get(record_id, frozenset())

    def touches_record(self, table: str, record_id: str | None) -> bool:
        return self.everything or (record_id is not None and record_id in self.ids(table))


EVERYTHING = Changes(everything=True, conflicts=True)


def combined(first: Changes, second: Changes) -> Changes:
    """Both changes as one (a view refreshes once for a burst of mutations)."""
    records = {table: dict(ids) for table, ids in first.records.items()}
    for table, ids in second.records.items():
        mine = records.setdefault(table, {})
        for record_id, keys in ids.items():
            mine[record_id] = mine.get(record_id, frozenset()) | keys
    origin = first.origin if first.origin is second.origin else None
    return Changes(
        records,
        first.settings | second.settings,
        first.conflicts or second.conflicts,
        first.everything or second.everything,
        origin,
        first.local or second.local,
    )
