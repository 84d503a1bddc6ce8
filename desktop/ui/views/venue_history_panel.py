"""A venue's history: its visits on a timeline, and what changed between two of them.

The comparison covers the stable parts of the sheet (the template's carry-over sections:
activités et publics, gouvernance, modèle économique, lieu et occupation), computed by
desktop.core.forms.visit_diff.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forms.visit_diff import FieldChange, diff_stored_visits
from desktop.core.storage.records import VisitSummary
from desktop.core.storage.store import CarnetStore
from desktop.ui.formatting import local_date

ID_ROLE = Qt.ItemDataRole.UserRole


class VenueHistoryPanel(QWidget):
    visit_requested = Signal(str, str)  # visit id, venue id

    def __init__(self, store: CarnetStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.venue_id: str | None = None
        self.visits: list[VisitSummary] = []  # oldest first
        self.timeline = QTreeWidget()
        self.timeline.setAccessibleName(self.tr("Visites du lieu, de la plus récente"))
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels([self.tr("Date"), self.tr("Type"), self.tr("Auteur·rice")])
        self.timeline.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setToolTip(self.tr("Double-clic ou Entrée : ouvrir la visite"))
        self.timeline.itemActivated.connect(self._open)
        self.before = QComboBox()
        self.after = QComboBox()
        for combo in (self.before, self.after):
            combo.currentIndexChanged.connect(self._show_changes)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Comparer la visite du")))
        choose.addWidget(self.before)
        choose.addWidget(QLabel(self.tr("à celle du")))
        choose.addWidget(self.after)
        choose.addStretch(1)
        self.changes = QLabel()
        self.changes.setObjectName("history_changes")
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.setWordWrap(True)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.timeline)
        layout.addLayout(choose)
        layout.addWidget(self.changes)

    def show_venue(self, venue_id: str) -> None:
        self.venue_id = venue_id
        # The timeline holds every record (a meeting's minutes with its kind); the
        # comparison, the visits (the same template's fields on both sides).
        visit_template = self.store.templates.visit.id
        self.visits = list(reversed(self.store.list_visits(venue_id, visit_template)))
        self.timeline.clear()
        for record in self.store.list_visits(venue_id):  # most recent on top
            kind = record.visit_type
            if record.template_id != visit_template:
                kind = " · ".join(filter(None, (record.kind, record.visit_type)))
            item = QTreeWidgetItem([local_date(record.visit_date), kind, record.author])
            item.setData(0, ID_ROLE, record.id)
            self.timeline.addTopLevelItem(item)
        self._fit_timeline()
        for combo in (self.before, self.after):
            combo.blockSignals(True)
            combo.clear()
            for visit in self.visits:
                combo.addItem(local_date(visit.visit_date) or self.tr("date à préciser"), visit.id)
            combo.blockSignals(False)
        count = len(self.visits)
        self.before.setCurrentIndex(count - 2 if count >= 2 else -1)  # default: the last two
        self.after.setCurrentIndex(count - 1)
        self._show_changes()

    def _fit_timeline(self) -> None:
        rows = min(self.timeline.topLevelItemCount(), 8)
        row_height = self.timeline.sizeHintForRow(0) if rows else 20
        header = self.timeline.header().sizeHint().height()
        self.timeline.setFixedHeight(header + max(rows, 1) * max(row_height, 20) + 6)

    def compare(self, before_id: str, after_id: str) -> None:
        self.before.setCurrentIndex(self.before.findData(before_id))
        self.after.setCurrentIndex(self.after.findData(after_id))

    def _show_changes(self) -> None:
        if len(self.visits) < 2:
            self.changes.setText(
                self.tr("<i>Aucune visite à comparer.</i>")
                if not self.visits
                else self.tr("<i>Une seule visite : rien à comparer encore.</i>")
            )
            return
        before, after = self.before.currentData(), self.after.currentData()
        if not before or not after or before == after:
            self.changes.setText(self.tr("<i>Choisissez deux visites différentes.</i>"))
            return
        changes = diff_stored_visits(self.store, before, after)
        if not changes:
            self.changes.setText(
                self.tr("<i>Rien n'a changé en gouvernance, modèle économique ni occupation.</i>")
            )
            return
        self.changes.setText(self._html(changes))

    def lines(self) -> list[str]:
        """The changes shown, one line each (for tests and copying)."""
        before, after = self.before.currentData(), self.after.currentData()
        if not before or not after or before == after:
            return []
        return [self._line(c) for c in diff_stored_visits(self.store, before, after)]

    def _line(self, change: FieldChange) -> str:
        if change.widget == "date" and not change.is_list:
            before = local_date(change.before) if change.before else change.before_text
            after = local_date(change.after) if change.after else change.after_text
            return f"{change.title} : {before} → {after}"
        return change.line()

    def _html(self, changes: list[FieldChange]) -> str:
        parts, section = [], None
        for change in changes:
            if change.section_id != section:
                if section is not None:
                    parts.append("</ul>")
                section = change.section_id
                parts.append(f"<b>{html.escape(change.section_title)}</b><ul>")
            parts.append(f"<li>{html.escape(self._line(change))}</li>")
        parts.append("</ul>")
        return "".join(parts)

    def _open(self, item: QTreeWidgetItem) -> None:
        if self.venue_id:
            self.visit_requested.emit(item.data(0, ID_ROLE), self.venue_id)
