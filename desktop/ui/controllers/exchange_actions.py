"""« Exporter… » (Ctrl+E) and « Importer (JSON)… » (Ctrl+I): the window's side of the
exchange, run in the background and summed up in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from desktop.ui import file_dialogs
from desktop.ui.controllers.ui_context import UiContext
from desktop.ui.texts import fill


class ExchangeActions(QObject):
    def __init__(self, context: UiContext, venue_id: Callable[[], str | None]) -> None:
        """venue_id: the venue selected in the window, offered as the export's filter."""
        super().__init__(context.parent)
        self.context, self._venue_id = context, venue_id

    def export(self) -> None:
        """XLSX or CSV tables for the network, or the lossless JSON (export_dialog.py)."""
        from desktop.ui.dialogs.export_dialog import export_from

        export_from(self.context, self._venue_id(), self.exported_message)

    def import_json(self) -> None:
        from desktop.core.merge import exchange

        path = file_dialogs.open_file(
            self.context.parent, "imports", self.tr("Importer un export Carnet"), "JSON (*.json)"
        )
        if path:
            self.context.flush_edits()
            self.context.run_with_busy_dialog(
                self.tr("Import en cours…"),
                lambda ws: exchange.import_json(ws.store, Path(path)),
                self.imported_message,
            )

    def exported_message(self, counts: dict[str, int]) -> str:
        text = fill(
            self.tr("Export terminé : %1, %2, %3."),
            self.tr("%n lieu(x)", "", counts["venues"]),
            self.tr("%n fiche(s)", "", counts["visits"]),
            self.tr("%n photo(s)", "", counts["photos"]),
        )
        if counts["photos_left_out"]:
            text += " " + self.tr(
                "%n photo(s) de personnes reconnaissables sans autorisation laissée(s) de côté.",
                "",
                counts["photos_left_out"],
            )
        return text

    def imported_message(self, counts: dict[str, int]) -> str:
        return fill(
            self.tr("Import terminé : %1 nouveaux, %2 mis à jour."),
            counts["created"],
            counts["updated"],
        )
