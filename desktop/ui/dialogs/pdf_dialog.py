"""« Fiche PDF… »: who the sheet is for, whether empty fields are printed to fill in, and
its language (French whatever the interface's, or English)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel


class PdfDialog(QDialog):
    def __init__(self, parent=None, language: str = "fr") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fiche PDF"))  # a visit's, a meeting's…
        self.audience = QComboBox()
        self.audience.addItem(self.tr("Réseau (collègues, dossier partagé)"), "reseau")
        self.audience.addItem(self.tr("Public (le lieu, les partenaires)"), "public")
        self.audience.addItem(self.tr("Interne (cet ordinateur)"), "interne")
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Langue de la fiche"))
        self.language.addItem("Français", "fr")  # each in its own language
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.blank = QCheckBox(self.tr("Imprimer les champs vides, à remplir à la main"))
        note = QLabel(
            self.tr(
                "Les photos sont reprises selon les autorisations de droit à "
                "l'image pour cette diffusion."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Générer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Diffusion :"), self.audience)
        form.addRow(self.tr("&Langue de la fiche :"), self.language)
        form.addRow(self.blank)
        form.addRow(note)
        form.addRow(buttons)

    def choice(self) -> tuple[str, bool, str]:
        return self.audience.currentData(), self.blank.isChecked(), self.language.currentData()
