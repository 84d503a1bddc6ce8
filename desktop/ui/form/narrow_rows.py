"""A form's labels go above their fields when the form is narrow.

Beside its field, a label takes a column of its own (190 px, the same in every section);
when the form has little width left (a 1024-px screen with the lists open, a window half
the screen wide), that column would squeeze the fields or push the form past the window.
Below NARROW_BELOW pixels of the scroll area's viewport, every row puts its label on the
line above its field (QFormLayout.WrapAllRows) and the label takes the whole width; above
it, the rows are as before. The switch happens only when the width crosses the limit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea

NARROW_BELOW = 480  # the viewport's width under which labels go above their fields
COLUMN_WIDTH = "column_width"  # a label's property: its width beside its field
ANY_WIDTH = 16777215  # QWIDGETSIZE_MAX


def in_label_column(label: QLabel, width: int) -> QLabel:
    """A label that stands beside its field at this width (above it when narrow)."""
    label.setProperty(COLUMN_WIDTH, width)
    label.setFixedWidth(width)
    return label


class NarrowRows(QObject):
    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self.scroll, self.viewport = scroll, scroll.viewport()
        self.layouts: list[QFormLayout] = []
        self.narrow = False
        self.viewport.installEventFilter(self)

    def add(self, layout: QFormLayout) -> None:
        self.layouts.append(layout)
        self.refresh(layout)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport and event.type() == QEvent.Type.Resize:
            self._hold_width()
            narrow = event.size().width() < NARROW_BELOW
            if narrow != self.narrow:
                self.narrow = narrow
                for layout in self.layouts:
                    self.refresh(layout)
        return False

    def _hold_width(self) -> None:
        """The scroll area no narrower than its page (once its sections are all in, at
        its first showing): the splitter then stops the lists short of the width where
        the form would scroll sideways."""
        if self.scroll.minimumWidth() or self.scroll.widget() is None:
            return
        page = self.scroll.widget().minimumSizeHint().width()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.scroll.setMinimumWidth(page + bar + 2 * self.scroll.frameWidth())

    def refresh(self, layout: QFormLayout) -> None:
        """Its rows as the width wants them (again, after rows were added)."""
        wrap = QFormLayout.RowWrapPolicy
        layout.setRowWrapPolicy(wrap.WrapAllRows if self.narrow else wrap.WrapLongRows)
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            width = label.property(COLUMN_WIDTH) if isinstance(label, QLabel) else None
            if width is None:
                continue
            if self.narrow:
                label.setMinimumWidth(0)
                label.setMaximumWidth(ANY_WIDTH)
            else:
                label.setFixedWidth(width)
