"""How the window shows a record, for the controllers that ask it to (they do not know
its pages or its lists)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Navigation:
    show_venue: Callable[[str], None]  # in the editor; the lists stay as they are
    show_visit: Callable[[str], None]
    open_venue: Callable[[str], None]  # selected in the list too
    open_visit: Callable[[str, str], None]  # visit id, venue id: selected in the lists too
    show_welcome: Callable[[], None]
