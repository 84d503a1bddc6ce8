"""« Bienvenue dans Carnet »: who you are, your network and, if you have one, the
network's shared folder; asked once, before the first record."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.storage.data_dir import DataDirError
from desktop.core.sync.engine import check_shared_folder
from desktop.ui.dialogs.folder_row import folder_row


class FirstRunDialog(QDialog):
    def __init__(
        self, values: dict[str, str], data_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Bienvenue dans Carnet"))
        self.setObjectName("first_run")
        self.resize(560, 0)
        intro = QLabel(
            self.tr(
                "<p>Avant votre première fiche, dites-nous qui vous êtes : votre nom signe "
                "les visites que vous saisissez sur cet ordinateur, et vos collègues le "
                "voient sur les fiches partagées.</p><p>Vous pourrez tout changer plus "
                "tard dans <b>Fichier › Préférences</b>.</p>"
            )
        )
        intro.setWordWrap(True)
        self.user_name = self._line("user_name", values.get("user_name", ""), self.tr("Votre nom"))
        self.user_name.setPlaceholderText(self.tr("Prénom Nom"))
        self.network = self._line("network_name", values.get("network_name", ""), self.tr("Réseau"))
        self.network.setPlaceholderText(self.tr("Réseau des tiers-lieux"))
        shared_row, self.shared = folder_row(
            self,
            "shared",
            values.get("shared_folder", ""),
            self.tr("Facultatif : sans dossier, pas de synchronisation"),
            self.tr("Dossier partagé"),
        )
        self.shared.setObjectName("shared_folder")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start.setText(self.tr("Commencer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Plus tard"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.user_name.textChanged.connect(self._enable_start)
        shared_label = QLabel(self.tr("Dossier &partagé :"))
        shared_label.setBuddy(self.shared)  # a row of two widgets: the label needs its buddy
        form = QFormLayout()
        form.addRow(self.tr("Votre &nom :"), self.user_name)
        form.addRow(self.tr("Votre &réseau :"), self.network)
        form.addRow(shared_label, shared_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)  # outside the form: a wrapped label gets its full height
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._enable_start()

    def _line(self, name: str, value: str, accessible: str) -> QLineEdit:
        line = QLineEdit(value)
        line.setObjectName(name)
        line.setAccessibleName(accessible)
        return line

    def _enable_start(self) -> None:
        self.start.setEnabled(bool(self.user_name.text().strip()))

    def accept(self) -> None:
        if not self.user_name.text().strip():
            return
        folder = self.shared.text().strip()
        if folder:
            try:
                self.shared.setText(str(check_shared_folder(self.data_dir, Path(folder))))
            except DataDirError as error:
                QMessageBox.warning(self, self.windowTitle(), str(error))
                return
        super().accept()

    def values(self) -> dict[str, str]:
        return {
            "user_name": self.user_name.text().strip(),
            "network_name": self.network.text().strip(),
            "shared_folder": self.shared.text().strip(),
        }
