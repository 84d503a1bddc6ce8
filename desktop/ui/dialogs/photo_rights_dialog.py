"""« Droits des photos sélectionnées… »: the same image rights for several photos at once.

Each field starts on « (ne pas changer) », so only what the user sets is written; the
photos are changed together or not at all.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.privacy.audiences import AUDIENCES
from desktop.ui.texts import fill

KEEP = "__keep__"  # the combo's « unchanged » choice


def identifiable_choices(widget: QWidget) -> list[tuple[str, Any]]:
    """The labels and values of « Personnes reconnaissables » (empty means not reviewed)."""
    return [
        (widget.tr("À vérifier"), "unknown"),
        (widget.tr("Non"), "no"),
        (widget.tr("Oui"), "yes"),
    ]


IDENTIFIABLE_VALUES = {"unknown": None, "no": False, "yes": True}


def identifiable_key(value: bool | None) -> str:
    return {None: "unknown", False: "no", True: "yes"}[value]


def audience_labels(widget: QWidget) -> list[str]:
    return [widget.tr("Interne"), widget.tr("Réseau"), widget.tr("Public")]


class PhotoRightsDialog(QDialog):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Droits à l'image"))
        intro = QLabel(fill(self.tr("Même réglage pour les %1 photos sélectionnées."), count))
        self.identifiable = QComboBox()
        self.identifiable.setAccessibleName(self.tr("Personnes reconnaissables"))
        self.identifiable.addItem(self.tr("(ne pas changer)"), KEEP)
        for label, value in identifiable_choices(self):
            self.identifiable.addItem(label, value)
        self.consent = QLineEdit()
        self.consent.setAccessibleName(self.tr("Autorisation obtenue"))
        self.consent.setPlaceholderText(self.tr("(ne pas changer)"))
        self.allowed_use = QComboBox()
        self.allowed_use.setAccessibleName(self.tr("Usage autorisé"))
        self.allowed_use.addItem(self.tr("(ne pas changer)"), KEEP)
        self.allowed_use.addItem("—", "")
        for audience, label in zip(AUDIENCES, audience_labels(self), strict=True):
            self.allowed_use.addItem(label, audience)
        form = QFormLayout()
        form.addRow(self.tr("Personnes reconnaissables :"), self.identifiable)
        form.addRow(self.tr("Autorisation obtenue :"), self.consent)
        form.addRow(self.tr("Usage autorisé :"), self.allowed_use)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Appliquer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, Any]:
        """Only the fields the user set."""
        changes: dict[str, Any] = {}
        identifiable = self.identifiable.currentData()
        if identifiable != KEEP:
            changes["identifiable_people"] = IDENTIFIABLE_VALUES[identifiable]
        if self.consent.text().strip():
            changes["consent"] = self.consent.text().strip()
        allowed = self.allowed_use.currentData()
        if allowed != KEEP:
            changes["allowed_use"] = allowed or None
        return changes
