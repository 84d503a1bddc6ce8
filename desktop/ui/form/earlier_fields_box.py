"""« Champs d'une version précédente »: what a document holds that its template lost.

Read-only, with their values and a button to copy each one (to paste it into the field
that took its place). They stay in the document, untouched, whatever is edited here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.core.forms.earlier_fields import EarlierField, earlier_fields, plain_text
from desktop.core.forms.templates import Template
from desktop.ui.form.narrow_rows import in_label_column
from desktop.ui.texts import fill

EARLIER_STYLE = (
    "QGroupBox { font-weight: bold; color: #5a4a00; } QGroupBox * { font-weight: normal; }"
)


class EarlierFieldsBox(QGroupBox):
    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.setObjectName("earlier_fields")
        self.setTitle(self.tr("Champs d'une version précédente"))
        self.setStyleSheet(EARLIER_STYLE)
        self.form = QFormLayout(self)
        self.fields: list[EarlierField] = []
        self.hide()

    def show_data(self, data: dict[str, Any]) -> None:
        self.fields = earlier_fields(self.template, data)
        while self.form.rowCount():
            self.form.removeRow(0)
        if not self.fields:
            self.hide()
            return
        note = QLabel(
            fill(
                self.tr(
                    "Ces champs ne sont plus dans le modèle « %1 » (version %2). Leurs valeurs "
                    "sont gardées telles quelles, en lecture seule ; elles restent sur cet "
                    "ordinateur et ne vont plus au dossier partagé."
                ),
                self.template.title,
                self.template.version,
            )
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        for earlier in self.fields:
            self.form.addRow(self._label(earlier), self._value_row(earlier))
        self.show()

    def _label(self, earlier: EarlierField) -> QLabel:
        text = earlier.title
        if earlier.replaced_by:
            text += "\n" + fill(self.tr("(repris dans « %1 »)"), earlier.replaced_by)
        label = QLabel(text)
        label.setWordWrap(True)
        return in_label_column(label, 190)

    def _value_row(self, earlier: EarlierField) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        value = QPlainTextEdit(plain_text(earlier.value))
        value.setReadOnly(True)
        value.setObjectName(f"earlier_{earlier.key}")
        value.setAccessibleName(earlier.title)
        lines = max(1, min(5, value.toPlainText().count("\n") + 1))
        value.setFixedHeight(value.fontMetrics().lineSpacing() * (lines + 1) + 8)
        copy = QPushButton(self.tr("Copier"))
        copy.setObjectName(f"copy_{earlier.key}")
        copy.setToolTip(self.tr("Copier la valeur, pour la coller dans un autre champ"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(value.toPlainText()))
        layout.addWidget(value, 1)
        layout.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)
        return row
