"""A venue as its list shows it: in a module of its own, so that the window's first frame
lists the venues without importing the rest of the records (records.py re-exports it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VenueSummary:
    id: str
    name: str
    commune: str
