"""Personnes: what Carnet holds about a person met (access), and erasing it (Édition menu).

The search and the erasure are the core's (privacy/persons.py, privacy/erasure.py),
handed in: the dialog shows each place the name appears, asks before erasing, and says
what was erased.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.formatting import local_date
from desktop.ui.texts import fill


class PersonsDialog(QDialog):
    def __init__(self, find, erase, parent: QWidget | None = None) -> None:
        """find(name) -> [Mention]; erase(name) -> Erasure. Both raise ValueError (French)
        for a name too short to look for."""
        super().__init__(parent)
        self._find, self._erase = find, erase
        self.mentions: list = []
        self.setWindowTitle(self.tr("Personnes"))
        self.resize(820, 480)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Nom d'une personne rencontrée"))
        self.name.returnPressed.connect(self.search)
        self.find_button = QPushButton(self.tr("&Rechercher"))
        self.find_button.clicked.connect(self.search)
        self.results = QTableWidget(0, 5)
        headers = [self.tr("Lieu"), self.tr("Visite"), self.tr("Élément"), self.tr("Champ")]
        self.results.setHorizontalHeaderLabels([*headers, self.tr("Extrait")])
        header = self.results.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.erase_button = QPushButton(self.tr("&Effacer ce nom partout…"))
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase)
        self._lay_out()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.find_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        note = QLabel(
            self.tr(
                "Recherche sans tenir compte des majuscules ni des accents, dans les lieux, "
                "les visites (personnes rencontrées, actions…), les photos, les documents, "
                "les conflits et la corbeille. L'effacement remplace le nom par « [effacé] » "
                "et se transmet aux collègues à la prochaine synchronisation ; il n'atteint "
                "ni les sauvegardes déjà faites ni les fiches déjà envoyées."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ access
    def search(self) -> list:
        try:
            self.mentions = self._find(self.name.text())
        except ValueError as error:
            self.mentions = []
            self.summary.setText(str(error))
        else:
            self.summary.setText(self._found_text())
        self._show(self.mentions)
        self.erase_button.setEnabled(bool(self.mentions))
        return self.mentions

    def _found_text(self) -> str:
        if not self.mentions:
            return fill(self.tr("Aucune mention de « %1 »."), self.name.text().strip())
        records = len({(m.table, m.id) for m in self.mentions})
        return fill(
            self.tr("« %1 » : %2 mention(s) dans %3 élément(s)."),
            self.name.text().strip(),
            sum(m.occurrences for m in self.mentions),
            records,
        )

    def _show(self, mentions: list) -> None:
        kinds = {
            "venues": self.tr("Lieu"),
            "visits": self.tr("Visite"),
            "photos": self.tr("Photo"),
            "documents": self.tr("Document"),
        }
        self.results.setRowCount(len(mentions))
        for row, mention in enumerate(mentions):
            kind = kinds.get(mention.table, mention.table)
            if mention.in_trash:
                kind = fill(self.tr("%1 (corbeille)"), kind)
            cells = [
                mention.venue,
                local_date(mention.visit_date) if mention.visit_date else "",
                kind,
                mention.field_title,
                mention.excerpt,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.results.setItem(row, column, item)

    # ------------------------------------------------------------------ erasure
    def erase(self) -> None:
        name = self.name.text().strip()
        if not self.mentions or not self._confirm(name):
            return
        erasure = self._erase(name)
        self.search()
        self.summary.setText(
            fill(
                self.tr(
                    "« %1 » effacé : %2 occurrence(s) remplacée(s) par « [effacé] » dans "
                    "%3 élément(s), %4 version(s) en conflit. L'effacement sera transmis "
                    "aux collègues à la prochaine synchronisation."
                ),
                name,
                erasure.occurrences,
                erasure.total_records,
                erasure.conflicts,
            )
        )

    def _confirm(self, name: str) -> bool:
        question = fill(
            self.tr(
                "Remplacer « %1 » par « [effacé] » partout (%2 mention(s)) ?\n\n"
                "Cette action est irréversible et sera transmise aux collègues."
            ),
            name,
            sum(m.occurrences for m in self.mentions),
        )
        answer = QMessageBox.question(
            self,
            self.tr("Effacer une personne"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
