"""Préférences: the user's name (author of visits) and the interface language."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

LANGUAGES = (("fr", "Français"), ("en", "English"))  # each in its own language


class PreferencesDialog(QDialog):
    def __init__(self, user_name: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Préférences"))
        self.user_name = QLineEdit(user_name)
        self.language = QComboBox()
        self.language.addItem(self.tr("Langue du système"), "")
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Votre &nom :"), self.user_name)
        form.addRow(self.tr("&Langue (au prochain démarrage) :"), self.language)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.user_name.text().strip(), self.language.currentData()
