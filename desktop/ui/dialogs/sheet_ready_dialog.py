"""« Fiche PDF prête »: what to do with the sheet just made (open it, show its folder,
save a copy elsewhere). Not modal: the user may go on typing and come back to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.pdf.service import InternalSheetRefused, refuse_in_share
from desktop.core.storage.files import french_reason, write_atomic
from desktop.ui import file_dialogs
from desktop.ui.texts import fill


class SheetReadyDialog(QDialog):
    def __init__(
        self,
        path: Path,
        note: str,
        open_url: Callable[[QUrl], bool],
        parent: QWidget | None = None,
        internal_share: str | None = None,
    ) -> None:
        """internal_share: for an internal sheet, the shared folder its copies may not enter."""
        super().__init__(parent)
        self.path, self._open_url = Path(path), open_url
        self.internal_share = internal_share
        self.setWindowTitle(self.tr("Fiche PDF prête"))
        self.setObjectName("sheet_ready")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        text = fill(self.tr("La fiche est enregistrée :<br><b>%1</b>"), self._escaped(path))
        self.message = QLabel(text + (f"<br>{self._escaped(note)}" if note else ""))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.open_button = self._button(self.tr("&Ouvrir"), self.open_sheet)
        self.folder_button = self._button(self.tr("Ouvrir le &dossier"), self.open_folder)
        self.save_button = self._button(self.tr("&Enregistrer sous…"), self.save_as)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.open_button.setDefault(True)

    @staticmethod
    def _escaped(value) -> str:
        import html

        return html.escape(str(value))

    def _button(self, label: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(label)
        button.setAccessibleName(label.replace("&", ""))
        button.clicked.connect(slot)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button

    def open_sheet(self) -> bool:
        if self._open_url(QUrl.fromLocalFile(str(self.path))):
            self.accept()
            return True
        message = self.tr(
            "Aucun lecteur de PDF n'a pu ouvrir la fiche. Installez-en un, ou ouvrez-la "
            "vous-même ; elle est enregistrée ici :\n%1"
        )
        self._warn(fill(message, self.path))
        return False

    def open_folder(self) -> bool:
        if self._open_url(QUrl.fromLocalFile(str(self.path.parent))):
            return True
        self._warn(fill(self.tr("Le dossier n'a pas pu être ouvert : %1"), self.path.parent))
        return False

    def save_as(self) -> Path | None:
        chosen = file_dialogs.save_file(
            self,
            "sheets",
            self.tr("Enregistrer la fiche sous"),
            self.path.name,
            self.tr("Fiche PDF (*.pdf)"),
        )
        return self.copy_to(Path(chosen)) if chosen else None

    def copy_to(self, target: Path) -> Path | None:
        """A copy of the sheet at target (written whole, or not at all)."""
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            if self.internal_share:
                refuse_in_share(target, self.internal_share)
        except InternalSheetRefused as refusal:
            self._warn(str(refusal))
            return None
        try:
            write_atomic(target, self.path.read_bytes())
        except OSError as error:
            message = self.tr("La copie n'a pas pu être enregistrée dans %1 : %2.")
            self._warn(fill(message, target, french_reason(error)))
            return None
        self.message.setText(
            fill(self.tr("Copie enregistrée :<br><b>%1</b>"), self._escaped(target))
        )
        return target

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.windowTitle(), text)
