"""A layout that puts its items on as many lines as the width needs.

Check lists and rows of buttons laid out in a fixed grid or line are as wide as all their
items side by side: on a 1024-px screen that width pushed the visit form past the window
(a horizontal scrollbar, the photo section cut). This layout is only as wide as its widest
item and tells its height for a given width (heightForWidth), so the form's scroll area
narrows it and it grows downwards instead.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class ReflowLayout(QLayout):
    """columns > 0: a grid of equal columns, at most that many, fewer when narrow (a
    check list keeps its items aligned); columns 0: each item at its own width, wrapped
    like words (a row of buttons)."""

    def __init__(
        self, parent: QWidget | None = None, columns: int = 0, spacing: tuple[int, int] = (6, 6)
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.across, self.down = spacing
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)

    # --------------------------------------------------------------- QLayout's API
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def minimumSize(self) -> QSize:
        """The widest item: narrower than that, an item would be cut."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:
        """As wide as it likes to be: every column, or every item on one line."""
        shown = self._shown()
        if not shown:
            return self.minimumSize()
        if self.columns:
            per_line = min(self.columns, len(shown))
            width = per_line * self._cell_width() + (per_line - 1) * self.across
        else:
            width = sum(i.sizeHint().width() for i in shown) + (len(shown) - 1) * self.across
        margins = self.contentsMargins()
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    # --------------------------------------------------------------- placing
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _cell_width(self) -> int:
        return max((item.sizeHint().width() for item in self._shown()), default=0)

    def _place(self, rect: QRect, move: bool) -> int:
        """Lays the items out in rect (move) or only measures; returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines = self._grid_lines(area.width()) if self.columns else self._flow_lines(area.width())
        y = area.y()
        for line in lines:
            height = max(item.sizeHint().height() for item, _x, _w in line)
            if move:
                for item, x, width in line:
                    item.setGeometry(QRect(QPoint(area.x() + x, y), QSize(width, height)))
            y += height + self.down
        used = y - area.y() - (self.down if lines else 0)
        return used + margins.top() + margins.bottom()

    def _grid_lines(self, width: int) -> list[list[tuple[QLayoutItem, int, int]]]:
        """Equal columns, as many as fit (at least one), items left to right."""
        shown, cell = self._shown(), self._cell_width()
        fit = (width + self.across) // (cell + self.across) if cell else 1
        per_line = max(1, min(self.columns, fit))
        column = max(cell, (width - (per_line - 1) * self.across) // per_line)
        return [
            [(item, n * (column + self.across), column) for n, item in enumerate(chunk)]
            for chunk in (shown[i : i + per_line] for i in range(0, len(shown), per_line))
        ]

    def _flow_lines(self, width: int) -> list[list[tuple[QLayoutItem, int, int]]]:
        """Each item at its own width; a new line when the next one does not fit."""
        lines: list[list[tuple[QLayoutItem, int, int]]] = []
        x = 0
        for item in self._shown():
            item_width = min(item.sizeHint().width(), max(width, item.minimumSize().width()))
            if lines and x > 0 and x + item_width > width:
                x = 0
                lines.append([])
            if not lines:
                lines.append([])
            lines[-1].append((item, x, item_width))
            x += item_width + self.across
        return lines
