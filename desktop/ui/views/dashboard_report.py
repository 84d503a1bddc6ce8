"""« Bilan annuel (PDF)… » from the dashboard: the year and territory shown, written in
the background on a worker copy of the workspace (desktop/core/report), then offered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.network_figures.model import Territory
from desktop.ui import file_dialogs
from desktop.ui.controllers.background import BackgroundRunner
from desktop.ui.texts import fill


class ReportWriter(QObject):
    written = Signal(str)  # the PDF's path

    def __init__(self, workspace, runner: BackgroundRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace, self.runner, self.parent_widget = workspace, runner, parent

    def save(self, year: int, territory: Territory, today: Callable) -> None:
        name = f"Bilan annuel {year} – {territory.label}.pdf"
        path = file_dialogs.save_file(self.parent_widget, "reports", self.tr("Bilan annuel"),
                                      name, self.tr("PDF (*.pdf)"))  # fmt: skip
        if not path:
            return
        workspace, day = self.workspace, today()

        def work() -> str:
            from desktop.core.report.service import make_report, write_report

            copy = workspace.worker_copy()
            try:
                return str(write_report(make_report(copy, year, territory, day), Path(path)))
            finally:
                copy.close()

        self.runner.run(work, self.written.emit, self._failed)

    def _failed(self, error: Exception) -> None:
        QMessageBox.warning(self.parent_widget, self.tr("Bilan annuel"),
                            fill(self.tr("Le bilan n'a pas pu être écrit : %1"), error))  # fmt: skip
