"""The trash: deleted venues, visits, photos and documents, restorable or purged for good.

« Supprimer définitivement » (one item) and « Vider la corbeille » (all) ask first: a
purge cannot be undone, takes the files with it, and reaches colleagues' laptops.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
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

    def __init__(self, list_trash, purge=None, parent: QWidget | None = None) -> None:
        """purge(ids) deletes these trash items for good (all of it when empty) and
        returns what went (storage.purge.Purged); None: no purge offered."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Corbeille"))
        self.resize(560, 400)
        self._list_trash = list_trash
        self._purge = purge
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Éléments de la corbeille"))
        self.items.itemDoubleClicked.connect(lambda _: self._restore())
        self.restore = QPushButton(self.tr("&Restaurer"))
        self.restore.clicked.connect(self._restore)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        self.purge_one = QPushButton(self.tr("&Supprimer définitivement…"))
        self.purge_one.clicked.connect(self._purge_current)
        self.purge_all = QPushButton(self.tr("&Vider la corbeille…"))
        self.purge_all.clicked.connect(self._purge_everything)
        for button in (self.purge_one, self.purge_all):
            button.setVisible(purge is not None)
            close.addButton(button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Les éléments supprimés restent ici et peuvent être restaurés."))
        )
        layout.addWidget(self.items, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.items.clear()
        for entry in self._list_trash():
            text = fill(self.tr("%1 — supprimé le %2"), entry.label, local_date(entry.deleted_at))
            item = QListWidgetItem(text)
            item.setData(ITEM_ROLE, entry)
            self.items.addItem(item)
        for button in (self.restore, self.purge_one, self.purge_all):
            button.setEnabled(self.items.count() > 0)
        if self.items.count():
            self.items.setCurrentRow(0)

    def _restore(self) -> None:
        item = self.items.currentItem()
        if item is not None:
            entry: TrashItem = item.data(ITEM_ROLE)
            self.restore_requested.emit(entry)
            self.refresh()

    # ------------------------------------------------------------------ purging
    def _purge_current(self) -> None:
        item = self.items.currentItem()
        if item is None:
            return
        entry: TrashItem = item.data(ITEM_ROLE)
        question = fill(self.tr("Supprimer définitivement « %1 » ?"), entry.label) + self._warning(
            entry.kind in ("venue", "visit")
        )
        if self._confirm(question):
            self._done(self._purge([entry.id]))

    def _purge_everything(self) -> None:
        count = self.items.count()
        question = fill(
            self.tr("Vider la corbeille : supprimer définitivement ses %1 élément(s) ?"),
            str(count),
        ) + self._warning(True)
        if count and self._confirm(question):
            self._done(self._purge([]))

    def _warning(self, with_children: bool) -> str:
        children = (
            self.tr(" Un lieu emporte ses visites, photos et documents ; une visite, ses photos.")
            if with_children
            else ""
        )
        warning = self.tr(
            "Cette action est irréversible : rien ne pourra être restauré, les fichiers "
            "des photos et documents sont effacés de cet ordinateur.%1 La suppression "
            "sera transmise aux collègues à la prochaine synchronisation."
        )
        return "\n\n" + fill(warning, children)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Supprimer définitivement"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _done(self, purged) -> None:
        counts = [purged.count(t) for t in ("venues", "visits", "photos", "documents")]
        text = fill(
            self.tr(
                "Supprimé définitivement : %1 lieu(x), %2 fiche(s), %3 photo(s), "
                "%4 document(s) ; %5 fichier(s) effacé(s) de cet ordinateur."
            ),
            *counts,
            len(purged.media),
        )
        if purged.kept:  # a deletion in conflict: the user answers it first
            text += "\n" + fill(
                self.tr(
                    "Laissé(s) dans la corbeille : %1 élément(s) dont la suppression est en "
                    "conflit avec une modification faite ailleurs. Répondez d'abord au conflit "
                    "« Suppression » (Synchronisation) : rien n'a été perdu."
                ),
                len(purged.kept),
            )
        self.outcome.setText(text)
        self.refresh()
