"""Global full-text search across visits, with the matched words highlighted."""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forms.text import HIT_END, HIT_START
from desktop.core.storage.records import SearchHit
from desktop.ui.formatting import local_date
from desktop.ui.texts import fill

VISIT_ROLE = Qt.ItemDataRole.UserRole


def highlighted(snippet: str) -> str:
    """Escape user text first, then turn the FTS markers into highlights."""
    safe = html.escape(snippet.replace("\n", " · "))
    return safe.replace(HIT_START, "<b style='background:#ffe28a'>").replace(HIT_END, "</b>")


SHOWN = 50  # hits listed, the best first


class SearchDialog(QDialog):
    visit_chosen = Signal(str, str)  # visit id, venue id

    def __init__(self, search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rechercher dans les fiches"))
        self.resize(720, 520)
        self._search = search
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Mots à chercher dans toutes les fiches…"))
        self.query.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Fiches trouvées"))
        self.results.setWordWrap(True)
        # The hits wrap to the list's width: its vertical scroll bar, shown once they are
        # laid out, would otherwise make them a few pixels too wide to scroll sideways.
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.results.itemActivated.connect(self._choose)
        self.results.itemDoubleClicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.run_search)
        self.query.textEdited.connect(lambda: self._debounce.start())
        self.query.returnPressed.connect(self._enter)

    def run_search(self) -> list[SearchHit]:
        hits = self._search(self.query.text(), SHOWN)
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem()
            item.setData(VISIT_ROLE, (hit.visit_id, hit.venue_id))
            kind = f" · <i>{html.escape(hit.kind)}</i>" if hit.kind else ""  # which template
            label = QLabel(
                f"<b>{html.escape(hit.venue_name)}</b> — {html.escape(local_date(hit.visit_date))}"
                f"{kind}<br><span style='color:#444'>{highlighted(hit.snippet)}</span>"
            )
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(4, 4, 4, 4)
            width = max(200, self.results.viewport().width() - 8)
            item.setSizeHint(QSize(width, label.heightForWidth(width)))  # wrapped height
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self.summary.setText(self._summary(hits))
        return hits

    def _summary(self, hits: list[SearchHit]) -> str:
        window = getattr(hits, "window", 0)
        if window:  # only the newest matches were ranked: say so, and how many
            return fill(
                self.tr(
                    "Les %n fiches les plus pertinentes parmi les %1 ajoutées le plus "
                    "récemment qui contiennent ces mots ; les plus anciennes n'ont pas été "
                    "classées : précisez la recherche.",
                    "",
                    len(hits),
                ),
                QLocale().toString(window),
            )
        if len(hits) >= SHOWN:  # there may be many more: say these are the best ones
            return (
                self.tr(
                    "Les %n fiches les plus pertinentes : précisez pour en voir d'autres.",
                    "",
                    len(hits),
                )  # fmt: skip
            )
        if self.query.text().strip():
            return self.tr("%n fiche(s) trouvée(s)", "", len(hits))  # every kind
        return ""

    def _enter(self) -> None:
        self._debounce.stop()
        self.run_search()
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def done(self, result: int) -> None:
        self._debounce.stop()  # no search may run once the dialog is gone
        super().done(result)

    def _choose(self, item: QListWidgetItem) -> None:
        visit_id, venue_id = item.data(VISIT_ROLE)
        self.visit_chosen.emit(visit_id, venue_id)
        self.accept()
