"""Merging an incoming record's fields into ours, keeping concurrent edits as conflicts.

Used by the JSON import and the shared-folder sync alike: both hand over a record's
full state with a stamp per field (see field_merge for the rule).
"""

from __future__ import annotations

from typing import Any

from desktop.core.merge.conflict_rows import drop_seen, keep_version
from desktop.core.merge.field_merge import LWW_ONLY, MISSING, FieldVersion, decide
from desktop.core.storage.plain_upsert import upsert_rows
from desktop.core.storage.store import CarnetStore


def merge_fields(
    store: CarnetStore,
    table: str,
    record_id: str,
    ours: dict[str, Any],
    theirs: dict[str, Any],
    their_stamps: dict[str, dict],
    our_stamps: dict[str, dict] | None = None,
) -> dict[str, dict]:
    """Decide each incoming field against ours; returns {key: stamp} of the fields taken.

    The stamps of the fields taken are stored; the caller writes their values. Runs
    on the data service's writer, inside its transaction. `our_stamps`: the record's
    stamps here, if the caller has read them already.
    """
    if our_stamps is None:
        our_stamps = store.field_stamps(record_id)
    taken: dict[str, dict] = {}
    for key, stamp in their_stamps.items():
        store.observe(stamp)
        mine = our_stamps.get(key)
        if mine is not None and mine["stamp"] == stamp["stamp"]:
            continue
        incoming = FieldVersion.of(theirs.get(key, MISSING), stamp)
        current = FieldVersion.of(ours.get(key, MISSING), mine) if mine else None
        decision = decide(current, incoming)
        if decision.take_theirs:
            taken[key] = stamp
        if key not in LWW_ONLY and current is not None:
            _keep_loser(store, table, record_id, key, decision.winner, current, incoming)
    write_stamps(store, table, record_id, taken)
    return taken


def _keep_loser(store, table, record_id, key, winner, ours, theirs) -> None:
    """Every losing version is kept, concurrent or not: whether it is a conflict is
    judged against the field's winner of the moment each time conflicts are listed."""
    loser = theirs if winner is ours else ours
    kept = keep_version(store.db, table, record_id, key, loser, winner)
    dropped = winner is theirs and drop_seen(
        store.db, record_id, key, winner.device_id, winner.base
    )
    if kept or dropped:
        store.changes.conflicts = True


def write_stamps(store: CarnetStore, table: str, record_id: str, stamps: dict[str, dict]) -> None:
    if not stamps:
        return
    store.changes.note(table, record_id, stamps)
    upsert_rows(
        store.db.conn,
        "field_stamps",
        (
            {"record_id": record_id, "field": k, "base": v.get("base"), **v}
            for k, v in stamps.items()
        ),
        ("record_id", "field"),
    )
