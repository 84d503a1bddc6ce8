"""The detail editor of the photo panel: caption, date taken and image rights of the
selected photo (the panel saves each change as it is made)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.core.privacy.audiences import AUDIENCES
from desktop.core.storage.records import Photo
from desktop.ui.dialogs.photo_rights_dialog import (
    audience_labels,
    identifiable_choices,
    identifiable_key,
)
from desktop.ui.form.date_field import DateField
from desktop.ui.form.reflow_layout import ReflowLayout
from desktop.ui.form.wheel_guard import guard_wheel


class PhotoDetails(QWidget):
    """Caption, date taken and image rights of the selected photo, saved as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("Légende de la photo"))
        self.caption.setAccessibleName(self.tr("Légende"))
        self.taken_on = DateField()
        self.taken_on.line.setAccessibleName(self.tr("Prise le"))
        self.identifiable = QComboBox()
        for label, value in identifiable_choices(self):
            self.identifiable.addItem(label, value)
        self.consent = QLineEdit()
        self.consent.setPlaceholderText(self.tr("Référence ou texte de l'autorisation"))
        self.allowed_use = QComboBox()
        self.allowed_use.addItem("—", None)
        for audience, label in zip(AUDIENCES, audience_labels(self), strict=True):
            self.allowed_use.addItem(label, audience)
        for combo, name in (
            (self.identifiable, self.tr("Personnes reconnaissables")),
            (self.allowed_use, self.tr("Usage autorisé")),
        ):
            guard_wheel(combo).setAccessibleName(name)
        self.consent.setAccessibleName(self.tr("Autorisation obtenue"))
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b00020;")
        self.warning.setWordWrap(True)
        form = QFormLayout(self)
        # Narrow (a 1024-px screen), a field goes under its label rather than widen the form.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Légende :"), self.caption)
        form.addRow(self.tr("Prise le :"), self.taken_on)
        form.addRow(self.tr("Orientation :"), self._turn_buttons())
        form.addRow(self.tr("Personnes reconnaissables :"), self.identifiable)
        form.addRow(self.tr("Autorisation obtenue :"), self.consent)
        form.addRow(self.tr("Usage autorisé :"), self.allowed_use)
        form.addRow(self.warning)

    def _turn_buttons(self) -> ReflowLayout:
        """« Tourner à gauche / à droite »: the panel turns the selected photos. One
        under the other when the form is narrow (a 1024-px screen)."""
        self.turn_left = QPushButton(self.tr("↺ Tourner à gauche"))
        self.turn_left.setToolTip(self.tr("Tourner d'un quart de tour à gauche (Ctrl+Maj+R)"))
        self.turn_right = QPushButton(self.tr("↻ Tourner à droite"))
        self.turn_right.setToolTip(self.tr("Tourner d'un quart de tour à droite (Ctrl+R)"))
        row = ReflowLayout()
        row.addWidget(self.turn_left)
        row.addWidget(self.turn_right)
        return row

    def show_photo(self, photo: Photo | None) -> None:
        self.setEnabled(photo is not None)
        self.caption.setText(photo.caption if photo else "")
        self.taken_on.set_value(photo.taken_on if photo else None)
        self.identifiable.setCurrentIndex(
            self.identifiable.findData(
                identifiable_key(photo.identifiable_people if photo else None)
            )
        )
        self.consent.setText(photo.consent if photo else "")
        self.allowed_use.setCurrentIndex(
            max(0, self.allowed_use.findData(photo.allowed_use if photo else None))
        )
        self.show_warning(photo)

    def show_warning(self, photo: Photo | None) -> None:
        if photo and photo.needs_review:
            text = self.tr(
                "À vérifier : dites si des personnes sont reconnaissables. D'ici là, cette "
                "photo reste sur cet ordinateur, hors des fiches et exports partagés."
            )
        elif photo and photo.lacks_consent:
            text = self.tr(
                "Personnes reconnaissables sans autorisation : cette photo reste sur cet "
                "ordinateur, hors des fiches et exports partagés."
            )
        else:
            text = ""
        self.warning.setText(text)
