"""Hybrid logical clock: per-field version stamps that order edits across laptops.

A stamp is (wall milliseconds, counter, device id). It never goes backwards on one
device even if the system clock does, and after observing a colleague's stamp the
next local stamp is later than it. Encoded as a fixed-width string, stamps sort
lexicographically in the same order as they compare: the counter never passes
MAX_COUNTER (a burst of edits in one millisecond moves on to the next millisecond).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 99_999  # five digits in the encoded stamp
DAY_MS = 86_400_000


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    device_id: str

    def encode(self) -> str:
        return f"{self.wall_ms:015d}-{self.counter:05d}-{self.device_id}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        wall, counter, device = text.split("-", 2)
        return cls(int(wall), int(counter), device)


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    def __init__(
        self,
        device_id: str,
        last: Stamp | None = None,
        now_ms: Callable[[], int] = wall_clock_ms,
    ) -> None:
        self.device_id = device_id
        self._now_ms = now_ms
        self._wall, self._counter = 0, 0
        self._last: Stamp | None = None
        self.ticks = 0  # stamps made for local changes (observing a colleague's makes none)
        if last:
            self.observe(last)

    @property
    def last(self) -> Stamp | None:
        """The latest stamp made or seen (what the database keeps as its clock)."""
        return self._last

    def now_ms(self) -> int:
        return self._now_ms()

    def tick(self) -> Stamp:
        """A new stamp for a local change, later than every stamp seen so far."""
        now = self._now_ms()
        if now > self._wall:
            self._wall, self._counter = now, 0
        elif self._counter >= MAX_COUNTER:
            self._wall, self._counter = self._wall + 1, 0
        else:
            self._counter += 1
        self._last = Stamp(self._wall, self._counter, self.device_id)
        self.ticks += 1
        return self._last

    def observe(self, remote: Stamp) -> None:
        """Account for a stamp from another device so our next tick comes after it."""
        if self._last is None or remote > self._last:
            self._last = remote
        wall, counter = remote.wall_ms, remote.counter
        if counter > MAX_COUNTER:  # written by a version without the cap
            wall, counter = wall + 1, 0
        if (wall, counter) > (self._wall, self._counter):
            self._wall, self._counter = wall, counter
