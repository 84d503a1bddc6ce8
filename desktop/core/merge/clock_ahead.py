"""Colleagues whose clock runs far ahead of this laptop's (noted by Writer.observe).

Their stamps are later than the edits made here meanwhile, so wherever both edit the
same field without having seen each other, theirs wins until this laptop's wall clock
reaches theirs. Worth telling the user: the fix is to set that laptop's date right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.storage.store import CarnetStore


@dataclass(frozen=True)
class ClockAhead:
    device_id: str
    user_name: str
    ahead_ms: int  # the most seen, at the time of seeing
    seen_at: str  # UTC, as SQLite's datetime('now') writes it

    @property
    def until_ms(self) -> int:
        """When this laptop's wall clock reaches the colleague's latest stamp seen."""
        seen = datetime.fromisoformat(self.seen_at).replace(tzinfo=UTC)
        return int(seen.timestamp() * 1000) + self.ahead_ms


def clocks_ahead(store: CarnetStore) -> list[ClockAhead]:
    """Every colleague device seen more than a day ahead, the furthest first."""
    rows = store.db.conn.execute(
        "SELECT device_id, user_name, ahead_ms, seen_at FROM clock_ahead "
        "ORDER BY ahead_ms DESC, device_id"
    )
    return [ClockAhead(*row) for row in rows]
