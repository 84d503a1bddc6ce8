"""Préférences: the user's name, the network on the sheets, the shared folder, the second
destination of the backups, the language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from desktop.core.backups.info import BackupError
from desktop.core.backups.second_copy import SETTING as SECOND_SETTING
from desktop.core.backups.second_copy import check_second_folder
from desktop.core.storage.data_dir import DataDirError
from desktop.core.sync.engine import check_shared_folder
from desktop.ui import file_dialogs
from desktop.ui.dialogs.folder_row import folder_row, path_row

LANGUAGES = (("fr", "Français"), ("en", "English"))  # each in its own language


class PreferencesDialog(QDialog):
    def __init__(
        self, values: dict[str, str], parent: QWidget | None = None, data_dir: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Préférences"))
        self.resize(520, 0)
        self.user_name = QLineEdit(values.get("user_name", ""))
        self.network_name = QLineEdit(values.get("network_name", ""))
        self.network_name.setPlaceholderText(self.tr("Réseau des tiers-lieux"))
        logo_row, self.logo = path_row(
            values.get("network_logo", ""),
            self.tr("Logo par défaut de Carnet"),
            self.tr("Logo du réseau"),
            self._choose_logo,
        )
        shared_row, self.shared = folder_row(
            self,
            "shared",
            values.get("shared_folder", ""),
            self.tr("Aucun : pas de synchronisation"),
            self.tr("Dossier partagé"),
        )
        second_row, self.second = folder_row(
            self,
            "backups",
            values.get(SECOND_SETTING, ""),
            self.tr("Aucune : sauvegardes sur cet ordinateur seulement"),
            self.tr("Seconde copie des sauvegardes"),
        )
        device = QLabel(values.get("device_id", ""))
        device.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.language = QComboBox()
        self.language.addItem(self.tr("Langue du système"), "")
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(values.get("language", ""))))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Votre &nom :"), self.user_name)
        form.addRow(self.tr("&Réseau (fiches PDF) :"), self.network_name)
        form.addRow(self.tr("Logo du réseau (PNG, JPEG) :"), logo_row)
        shared_label = QLabel(self.tr("&Dossier partagé :"))  # its & underlines the D
        shared_label.setBuddy(self.shared)  # (a row of widgets has no buddy of its own)
        form.addRow(shared_label, shared_row)
        second_label = QLabel(
            self.tr("Seconde &copie des sauvegardes\n(clé USB, disque externe) :")
        )
        second_label.setBuddy(self.second)  # a row of two widgets: the label needs its buddy
        form.addRow(second_label, second_row)
        form.addRow(self.tr("Identifiant de cet ordinateur :"), device)
        form.addRow(self.tr("&Langue (au prochain démarrage) :"), self.language)
        form.addRow(buttons)

    def _choose_logo(self, _line: QLineEdit) -> str:
        return file_dialogs.open_file(
            self, "logo", self.tr("Logo du réseau"), "Images (*.png *.jpg *.jpeg)"
        )

    def accept(self) -> None:
        folder = self.shared.text().strip()
        second = self.second.text().strip()
        if self.data_dir is not None:
            try:
                if folder:
                    self.shared.setText(str(check_shared_folder(self.data_dir, Path(folder))))
                if second:
                    checked = check_second_folder(Path(second), self.data_dir, folder or None)
                    self.second.setText(str(checked))
            except (DataDirError, BackupError) as error:
                QMessageBox.warning(self, self.windowTitle(), str(error))
                return
        super().accept()

    def values(self) -> dict[str, str]:
        return {
            "shared_folder": self.shared.text().strip(),
            "user_name": self.user_name.text().strip(),
            "network_name": self.network_name.text().strip(),
            "network_logo": self.logo.text().strip(),
            "language": self.language.currentData(),
            SECOND_SETTING: self.second.text().strip(),
        }
