"""« Générer la fiche PDF » (Ctrl+P) and its options: the open visit's sheet, rendered in
the background into the data folder's « Fiches », then offered: open it, show its
folder, save a copy (sheet_ready_dialog.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QMessageBox

from desktop.ui.controllers.ui_context import UiContext
from desktop.ui.texts import fill


class SheetActions(QObject):
    def __init__(
        self,
        context: UiContext,
        visit_id: Callable[[], str | None],
        open_url: Callable[[QUrl], bool],
    ) -> None:
        """visit_id: the visit open or selected in the window; open_url: shows a file."""
        super().__init__(context.parent)
        self.context, self._visit_id, self._open_url = context, visit_id, open_url
        self.ready = None  # the « Fiche PDF prête » dialog of the last sheet, while shown

    def generate(
        self, audience: str = "reseau", blank: bool = False, language: str | None = None
    ) -> None:
        """language: the sheet's; None: the interface's (the templates shown)."""
        visit_id = self._visit_id()
        if not visit_id:
            QMessageBox.information(
                self.context.parent, self.tr("Fiche PDF"), self.tr("Ouvrez d'abord une fiche.")
            )
            return
        self.context.flush_edits()
        folder = self.context.workspace.data_dir / "Fiches"
        language = language or self.context.workspace.templates.language

        def job(workspace):
            from desktop.core.pdf.service import make_sheet, write_sheet

            folder.mkdir(exist_ok=True)
            sheet = make_sheet(workspace, visit_id, audience, blank, language=language)
            return write_sheet(sheet, folder), sheet.photos_left_out, audience

        self.context.run_with_busy_dialog(self.tr("Fiche PDF en cours…"), job, self._ready)

    def generate_with_options(self) -> None:
        from desktop.ui.dialogs.pdf_dialog import PdfDialog

        dialog = PdfDialog(self.context.parent, self.context.workspace.templates.language)
        if dialog.exec() == PdfDialog.DialogCode.Accepted:
            self.generate(*dialog.choice())

    def _ready(self, result) -> str:
        """Offer what to do with the written sheet; the status bar's message."""
        from desktop.ui.dialogs.sheet_ready_dialog import SheetReadyDialog

        path, left_out, audience = result
        share = self.context.workspace.setting("shared_folder") if audience == "interne" else None
        note = ""
        if left_out:
            note = self.tr(
                "%n photo(s) sans autorisation laissée(s) hors de la fiche.", "", left_out
            )
        if self.ready is not None:
            self.ready.close()
        self.ready = dialog = SheetReadyDialog(
            path, note, self._open_url, self.context.parent, internal_share=share
        )
        key = id(dialog)  # the closed one may be destroyed after the next is shown
        dialog.destroyed.connect(lambda *_: self._forget_ready(key))
        dialog.show()
        return " ".join(filter(None, [fill(self.tr("Fiche enregistrée : %1"), path), note]))

    def _forget_ready(self, key: int) -> None:
        if id(self.ready) == key:
            self.ready = None
