"""Merging two versions of one field: the later stamp wins, concurrent edits are kept.

Each stored field carries its stamp (hybrid logical clock + device) and its *base*: the
stamp of the value that edit replaced. When two versions differ, the later stamp wins,
as everywhere. The losing value is kept as a conflict for the user when it differs and
its stamp is later than the winner's base: the winner's author never saw it, so both
edits were made concurrently and dropping one silently would lose work.

The decision depends only on the two versions, never on which one is "ours", so every
laptop decides the same whatever order the files arrive in.
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
    conflict: FieldVersion | None  # the concurrent loser to show the user, if any


def decide(key: str, ours: FieldVersion | None, theirs: FieldVersion) -> FieldDecision:
    if ours is None:
        return FieldDecision(True, theirs, None)
    if theirs.stamp <= ours.stamp:
        winner, loser, take = ours, theirs, False
    else:
        winner, loser, take = theirs, ours, True
    if theirs.stamp == ours.stamp or key in LWW_ONLY:
        return FieldDecision(take, winner, None)
    concurrent = loser.stamp > winner.base and loser.value != winner.value
    return FieldDecision(take, winner, loser if concurrent else None)


def still_in_conflict(candidate: FieldVersion, winner: FieldVersion) -> bool:
    """Whether a kept conflict value still disagrees with a field's current version."""
    return (
        candidate.stamp != winner.stamp
        and candidate.stamp > winner.base
        and candidate.value != winner.value
    )
