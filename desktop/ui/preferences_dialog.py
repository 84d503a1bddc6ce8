"""Préférences: the user's name, the network shown on the sheets, the interface language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

LANGUAGES = (("fr", "Français"), ("en", "English"))  # each in its own language


class PreferencesDialog(QDialog):
    def __init__(self, values: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Préférences"))
        self.resize(520, 0)
        self.user_name = QLineEdit(values.get("user_name", ""))
        self.network_name = QLineEdit(values.get("network_name", ""))
        self.network_name.setPlaceholderText(self.tr("Réseau des tiers-lieux"))
        self.logo = QLineEdit(values.get("network_logo", ""))
        self.logo.setPlaceholderText(self.tr("Logo par défaut de Carnet"))
        browse = QPushButton(self.tr("Choisir…"))
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
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
        form.addRow(self.tr("&Langue (au prochain démarrage) :"), self.language)
        form.addRow(buttons)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Logo du réseau"), "",
                                              "Images (*.png *.jpg *.jpeg)")  # fmt: skip
        if path:
            self.logo.setText(path)

    def values(self) -> dict[str, str]:
        return {
            "user_name": self.user_name.text().strip(),
            "network_name": self.network_name.text().strip(),
            "network_logo": self.logo.text().strip(),
            "language": self.language.currentData(),
        }
