"""The trash: deleted venues and visits, restorable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.storage.records import TrashItem
from desktop.ui.formatting import local_date
from desktop.ui.texts import fill

ITEM_ROLE = Qt.ItemDataRole.UserRole


class TrashDialog(QDialog):
    restore_requested = Signal(object)  # TrashItem

    def __init__(self, list_trash, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Corbeille"))
        self.resize(560, 400)
        self._list_trash = list_trash
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Éléments de la corbeille"))
        self.items.itemDoubleClicked.connect(lambda _: self._restore())
        self.restore = QPushButton(self.tr("&Restaurer"))
        self.restore.clicked.connect(self._restore)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Les éléments supprimés restent ici et peuvent être restaurés."))
        )
        layout.addWidget(self.items, 1)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.items.clear()
        for entry in self._list_trash():
            text = fill(self.tr("%1 — supprimé le %2"), entry.label, local_date(entry.deleted_at))
            item = QListWidgetItem(text)
            item.setData(ITEM_ROLE, entry)
            self.items.addItem(item)
        self.restore.setEnabled(self.items.count() > 0)
        if self.items.count():
            self.items.setCurrentRow(0)

    def _restore(self) -> None:
        item = self.items.currentItem()
        if item is not None:
            entry: TrashItem = item.data(ITEM_ROLE)
            self.restore_requested.emit(entry)
            self.refresh()
