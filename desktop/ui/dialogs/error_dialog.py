"""The dialog of an unexpected error: the reassurance, the traceback, the report.

The hooks that log errors and open it are in desktop/ui/error_hooks.py, imported at
start; this module, and the Qt classes it needs, only when an error is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.error_hooks import ErrorReporter, install_error_hooks
from desktop.ui.texts import fill

__all__ = ["ErrorDialog", "ErrorReporter", "install_error_hooks"]


class ErrorDialog(QDialog):
    """The reassurance first, the traceback behind « Détails », the report one click away."""

    def __init__(
        self, details: str, report: str, log_folder: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Carnet — erreur inattendue"))
        message = QLabel(
            self.tr(
                "<p><b>Une erreur inattendue s'est produite.</b> Vos saisies déjà enregistrées "
                "ne sont pas perdues.</p><p>Vous pouvez continuer ; si l'erreur revient, fermez "
                "puis rouvrez Carnet. Pour la signaler, copiez le rapport et envoyez-le à la "
                "personne qui s'occupe de Carnet dans votre réseau.</p>"
            )
        )
        message.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setVisible(False)  # a traceback alarms more than it informs
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        if log_folder is not None:
            layout.addWidget(self._folder_label(log_folder))
        layout.addWidget(self.details, 1)
        layout.addWidget(self._buttons())
        self.resize(560, 0)

    def _folder_label(self, log_folder: Path) -> QLabel:
        label = QLabel(fill(self.tr("Journal de Carnet : %1"), log_folder))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.show_details = QPushButton(self.tr("Détails"))
        self.show_details.setCheckable(True)
        self.show_details.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton(self.tr("Copier le rapport"))
        self.copy_button.clicked.connect(self.copy_report)
        self.close_button = QPushButton(self.tr("Fermer"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.reject)
        buttons.addButton(self.show_details, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        return buttons

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.resize(self.width(), 420 if shown else self.minimumSizeHint().height())

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Rapport copié"))
