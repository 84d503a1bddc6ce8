"""Merging two versions of one field: the later stamp wins, concurrent edits are kept.

Each stored field carries its stamp (hybrid logical clock + device) and its *base*: the
stamp of the value that edit replaced. When two versions differ, the later stamp wins,
as everywhere. A losing version is a conflict for the user while it differs from the
field's winner and its stamp is later than the winner's base: the winner's author never
saw it, so both edits were made concurrently and dropping one silently would lose work.

That is judged against the winner in place when conflicts are listed (see conflict_rows:
every losing version is kept), never once when a version loses: the winner of the
moment may have a base that a later winner does not, and the files arrive in any order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MISSING = object()  # a field absent from a record (cleared): a value like any other
LWW_ONLY = frozenset({"_deleted", "_owner"})  # the tombstone and the sheet's owner


@dataclass(frozen=True)
class FieldVersion:
    value: Any
    stamp: str
    base: str = ""
    device_id: str = ""
    user_name: str = ""

    @classmethod
    def of(cls, value: Any, stamp: dict[str, Any]) -> FieldVersion:
        return cls(
            value,
            stamp["stamp"],
            stamp.get("base") or "",
            stamp.get("device_id", ""),
            stamp.get("user_name", ""),
        )


@dataclass(frozen=True)
class FieldDecision:
    take_theirs: bool
    winner: FieldVersion


def decide(ours: FieldVersion | None, theirs: FieldVersion) -> FieldDecision:
    """The later stamp wins (the same on every laptop, whichever version is ours)."""
    if ours is None or theirs.stamp > ours.stamp:
        return FieldDecision(True, theirs)
    return FieldDecision(False, ours)


def still_in_conflict(candidate: FieldVersion, winner: FieldVersion) -> bool:
    """Whether a kept conflict value still disagrees with a field's current version."""
    return (
        candidate.stamp != winner.stamp
        and candidate.stamp > winner.base
        and candidate.value != winner.value
    )
