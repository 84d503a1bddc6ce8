"""The warning about colleagues whose clock runs far ahead (see core/clock_ahead)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.merge.clock_ahead import ClockAhead, clocks_ahead
from desktop.core.merge.hlc import DAY_MS, wall_clock_ms
from desktop.ui.texts import fill

HOUR_MS = 3_600_000


class ClockNotice(QLabel):
    """One line per colleague still ahead; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_for(self, store) -> None:
        now = wall_clock_ms()
        # Once our clock has caught up with his latest stamp, it no longer matters.
        lines = [self._line(c) for c in clocks_ahead(store) if c.until_ms > now]
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))

    def _line(self, clock: ClockAhead) -> str:
        until = datetime.fromtimestamp(clock.until_ms / 1000).strftime("%d/%m/%Y %H:%M")
        return fill(
            self.tr(
                "⚠ L'horloge de %1 (appareil %2) avance de %3 sur celle de cet ordinateur : "
                "jusqu'au %4, ses modifications l'emportent sur celles faites ici en même "
                "temps. Demandez-lui de remettre son ordinateur à l'heure."
            ),
            clock.user_name or "?",
            clock.device_id,
            self._duration(clock.ahead_ms),
            until,
        )

    def _duration(self, ahead_ms: int) -> str:
        days = round(ahead_ms / DAY_MS)
        if days < 2:  # « 1 jour » could hide half a day
            return self.tr("%n heure(s)", "", round(ahead_ms / HOUR_MS))
        return self.tr("%n jour(s)", "", days)
