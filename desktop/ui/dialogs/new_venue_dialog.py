"""« Nouveau lieu »: type a name, pick a known venue from the national list or not."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forms.venue_directory import DirectoryEntry
from desktop.ui.texts import fill

ENTRY_ROLE = Qt.ItemDataRole.UserRole


class NewVenueDialog(QDialog):
    def __init__(self, search_directory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouveau lieu"))
        self.resize(560, 460)
        self._search_directory = search_directory
        self._picked: DirectoryEntry | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText(
            self.tr("Nom du lieu, ou commune pour chercher dans l'annuaire")
        )
        self.commune = QLineEdit()
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Lieux de la liste nationale"))
        self.matches.itemClicked.connect(self._pick)
        self.matches.itemActivated.connect(self._pick)
        self.picked_label = QLabel()
        self.picked_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Créer le lieu"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Nom :"), self.name)
        form.addRow(self.tr("&Commune :"), self.commune)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("Lieux connus de l'annuaire national (cliquez pour reprendre) :"))
        )
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.picked_label)
        layout.addWidget(self.buttons)
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self._refresh_matches)
        self.name.textEdited.connect(self._on_typed)
        self.commune.textEdited.connect(self._on_typed)
        for line in (self.name, self.commune):
            line.installEventFilter(self)
        self._update_ok()

    def eventFilter(self, watched, event) -> bool:
        """Bas, from the name or the commune, goes into the list of matches (Entrée then
        takes the one chosen), as in a search box."""
        down = event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
        if not (down and watched in (self.name, self.commune)):
            return super().eventFilter(watched, event)
        if self._debounce.isActive():  # typed a moment ago: the matches of what is there
            self._debounce.stop()
            self._refresh_matches()
        if not self.matches.count():
            return False
        self.matches.setFocus()
        self.matches.setCurrentRow(0)
        return True

    def _on_typed(self) -> None:
        self._picked = None
        self.picked_label.clear()
        self._debounce.start()
        self._update_ok()

    def _refresh_matches(self) -> None:
        query = f"{self.name.text()} {self.commune.text()}".strip()
        self.matches.clear()
        for entry in self._search_directory(query) if query else []:
            place = " ".join(filter(None, [entry.postal_code, entry.commune]))
            item = QListWidgetItem(f"{entry.name} — {place}" if place else entry.name)
            item.setData(ENTRY_ROLE, entry)
            self.matches.addItem(item)

    def _pick(self, item: QListWidgetItem) -> None:
        entry: DirectoryEntry = item.data(ENTRY_ROLE)
        self._picked = entry
        self.name.setText(entry.name)
        self.commune.setText(entry.commune or "")
        details = ", ".join(filter(None, [entry.address, entry.postal_code, entry.commune]))
        self.picked_label.setText(
            fill(self.tr("Identité reprise de l'annuaire : %1"), details or entry.name)
        )
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def picked_entry(self) -> DirectoryEntry | None:
        return self._picked

    def identity(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "commune": self.commune.text().strip()}
