"""The start-up notice of the Suivi, light enough to build with the main window."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.storage.store import CarnetStore
from desktop.ui.controllers.background import BackgroundRunner
from desktop.ui.texts import fill

log = logging.getLogger(__name__)


class FollowupNotice(QLabel):
    """The status bar's discreet line: « 3 actions en retard · 1 convention finit d'ici
    3 mois », a link to the Suivi; hidden when there is nothing to say."""

    activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(lambda _link: self.activated.emit())
        self.setToolTip(self.tr("Ouvrir le suivi (Ctrl+T)"))
        self.hide()

    def check(self, store: CarnetStore, runner: BackgroundRunner, today: date | None = None):
        """Count in the background, on a worker connection, then show the line if needed."""
        from desktop.core.followup.action_rows import overdue_count
        from desktop.core.followup.fields import FollowupFields
        from desktop.core.followup.tab_lists import NOTICE_MONTHS, Window, tab_counts

        template, today = store.templates.visit, today or date.today()
        others = store.templates.others  # their actions count too
        fields = {t.id: FollowupFields.of(t) for t in (template, *others)}

        def work():  # counted in SQL: no action, no venue read one by one
            worker = store.worker_copy()
            try:
                conn, window = worker.db.conn, Window.of(today, NOTICE_MONTHS)
                overdue = overdue_count(conn, fields, today)
                return overdue, tab_counts(conn, template, others, today, window, 12).notice
            finally:
                worker.close()

        runner.run(work, lambda counts: self.set_counts(*counts), self._failed)

    def _failed(self, error: Exception) -> None:
        """A discreet line still: the count failed, the app goes on; the log has why."""
        log.error("Le décompte du suivi a échoué", exc_info=error)
        self.setText(fill(self.tr("Suivi indisponible : %1"), error))
        self.setToolTip(
            self.tr("Le décompte du suivi a échoué ; le journal de Carnet dit pourquoi.")
        )
        self.show()

    def set_counts(self, overdue: int, ending: int) -> None:
        parts = []
        if overdue:
            parts.append(self.tr("%n action(s) en retard", "", overdue))
        if ending:
            parts.append(self.tr("%n convention(s) finissant d'ici 3 mois", "", ending))
        self.setText(f'<a href="#suivi">{" · ".join(parts)}</a>' if parts else "")
        self.setVisible(bool(parts))
