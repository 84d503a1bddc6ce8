"""The left column: venue search and list, then the selected venue's visits.

It is in the window's first frame, which does not build Qt's namespace (ui/qt_values.py):
`QtCore.Qt` is read only by what runs once the window is finished, and until then the
empty visit list shows its columns' titles from a stand-in model (VisitTableModel's
headerData would receive a Qt.Orientation)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QItemSelectionModel, QTimer, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.storage.venue_summary import VenueSummary
from desktop.ui.models.venue_list_model import ID_ROLE as VENUE_ID
from desktop.ui.models.venue_list_model import VenueListModel
from desktop.ui.models.visit_table_model import ID_ROLE as VISIT_ID
from desktop.ui.models.visit_table_model import VisitTableModel
from desktop.ui.qt_values import VERTICAL
from desktop.ui.views.venue_delegate import VenueDelegate

if TYPE_CHECKING:
    from desktop.core.storage.changes import Changes
    from desktop.core.storage.store import CarnetStore

VENUE_LIST_FIELDS = {"name", "commune", "_deleted"}  # what the venue list shows or hides


class BrowserPanel(QWidget):
    venue_selected = Signal(str)
    visit_selected = Signal(str)
    # A click (even on the selected row): open it; Entrée: open it and go into it.
    venue_activated = Signal(str, bool)  # id, by the keyboard
    visit_activated = Signal(str, bool)
    venues_reloaded = Signal()  # after a change to the list (the window counts them)

    def __init__(self, store: CarnetStore | None, parent: QWidget | None = None) -> None:
        """store None: the window's first frame, its venues shown with show_venues() until
        attach(store) (the start, right after that frame)."""
        super().__init__(parent)
        self.store = store
        self.venue_id: str | None = None
        # The visit editor's own saves update their row in place (no reload for them).
        self.visit_editor: Callable[[], object] = lambda: None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filtrer les lieux (nom, commune)… Ctrl+L"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filtrer les lieux"))
        self.venues = VenueListModel(self)
        self.venue_view = QListView()
        self.venue_view.setModel(self.venues)
        self.venue_view.setUniformItemSizes(True)  # cheap layout for long lists
        self.venue_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.venue_view.setItemDelegate(VenueDelegate(self.venue_view))
        self.venue_view.selectionModel().currentChanged.connect(self._on_venue_changed)
        self.venue_view.setAccessibleName(self.tr("Lieux"))
        for signal, keyboard in (
            (self.venue_view.clicked, False),
            (self.venue_view.activated, True),
        ):
            signal.connect(
                lambda index, k=keyboard: self.venue_activated.emit(index.data(VENUE_ID), k)
            )
        self.visits = VisitTableModel(self)
        self.visit_view = QTableView()
        self._show_visits_model(self._titles_only())  # the real one: attach()
        self.visit_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.visit_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.visit_view.verticalHeader().setVisible(False)
        self.visit_view.horizontalHeader().setStretchLastSection(False)
        self.visit_view.setAccessibleName(self.tr("Fiches du lieu : visites, comptes rendus"))
        self.visit_view.setTabKeyNavigation(False)  # Tab leaves the list, arrows move in it
        for signal, keyboard in (
            (self.visit_view.clicked, False),
            (self.visit_view.activated, True),
        ):
            signal.connect(
                lambda index, k=keyboard: self.visit_activated.emit(
                    self.visits.index(index.row(), 0).data(VISIT_ID), k
                )
            )
        self.visits_label = QLabel()
        if store is not None:
            self.attach(store)
        self._build_layout()
        self._debounce = QTimer(self, singleShot=True, interval=80)
        self._debounce.timeout.connect(self.reload_venues)
        self.filter.textChanged.connect(lambda: self._debounce.start())

    def _build_layout(self) -> None:
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("<b>Lieux</b>")))
        top_layout.addWidget(self.filter)
        top_layout.addWidget(self.venue_view, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.visits_label)
        bottom_layout.addWidget(self.visit_view, 1)
        self.split = QSplitter()
        self.split.setProperty("orientation", VERTICAL)  # by name: no Qt.Orientation
        self.split.addWidget(top)
        self.split.addWidget(bottom)
        self.split.setSizes([380, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.split)

    def attach(self, store: CarnetStore) -> None:
        self.store = store
        self.visits.visit_template_id = store.templates.visit.id
        self._show_visits_model(self.visits)
        self.visit_view.selectionModel().currentRowChanged.connect(self._on_visit_changed)
        # Bas / Entrée: into the list. Not in the first frame: each event the filter sees
        # is wrapped in Python, and the first of each kind loads its type.
        self.filter.installEventFilter(self)

    def _titles_only(self) -> QStandardItemModel:
        """The first frame's visit list: no rows (no venue is chosen yet), the titles of
        VisitTableModel's columns."""
        titles = QStandardItemModel(0, len(self.visits.headers), self)
        titles.setHorizontalHeaderLabels(self.visits.headers)
        return titles

    def _show_visits_model(self, model) -> None:
        """model in the visit list, its columns sized (a new model's sections start over)."""
        previous, selection = self.visit_view.model(), self.visit_view.selectionModel()
        self.visit_view.setModel(model)
        header = self.visit_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Each column as wide as its content (« ⚠ 1 à corriger » whole), but the Type and
        # the author share what is left and elide: a long kind (« Instances de gouvernance
        # · Assemblée générale ordinaire ») or name would push the date or the state out
        # of view (their tooltips say them whole).
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        if previous is not None and previous is not model:  # the stand-in, its selection
            previous.deleteLater()
            selection.deleteLater()

    def show_venues(self, venues: list[VenueSummary], count: int) -> None:
        """The first frame's list, read before the store exists (first_screen.py): its
        first venues, and how many there are."""
        self.venues.set_venues(venues, count)

    def on_changes(self, changes: Changes) -> None:
        """Show what a mutation changed, whoever made it (an editor, a sync, a command)."""
        venues = changes.records.get("venues", {}).values()
        if changes.everything or any(fields & VENUE_LIST_FIELDS for fields in venues):
            self.reload_venues(self.venue_id)
            self.venues_reloaded.emit()
        mine = changes.origin is not None and changes.origin is self.visit_editor()
        if self.venue_id and changes.touches("visits") and not mine:
            self.reload_visits(self.current_visit_id())

    def eventFilter(self, watched, event) -> bool:
        Key = QtCore.Qt.Key  # installed once the window is finished: no cost to its frame
        keys = (Key.Key_Down, Key.Key_Return, Key.Key_Enter)
        if watched is not self.filter or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        if event.key() not in keys:
            return False
        self.focus_venues()
        current = self.venue_view.currentIndex()
        if event.key() != Key.Key_Down and current.isValid():
            self.venue_activated.emit(current.data(VENUE_ID), True)  # Entrée opens it
        return True

    def focus_venues(self) -> None:
        """The keyboard goes to the venue list, on the selected venue (or the first)."""
        self._debounce.stop()
        self.reload_venues()  # what was just typed in the filter
        if not self.venue_view.currentIndex().isValid() and self.venues.rowCount() > 0:
            self.select_venue_row(0)
        self.venue_view.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def focus_visits(self) -> bool:
        """The keyboard goes to the visit list (its first row when none is selected)."""
        if self.visits.rowCount() == 0:
            return False
        if not self.visit_view.currentIndex().isValid():  # pointed at, not opened yet
            self.visit_view.selectionModel().blockSignals(True)
            self.visit_view.selectRow(0)
            self.visit_view.selectionModel().blockSignals(False)
            self.visit_view.viewport().update()
        self.visit_view.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        return True

    def stop(self) -> None:
        """The window closes: a filter typed just before must not read a closed database."""
        self._debounce.stop()

    # --------------------------------------------------------------- venues
    def reload_venues(self, select_id: str | None = None) -> None:
        keep = select_id or self.venue_id
        self.venues.set_venues(self.store.list_venues(self.filter.text()))
        row = self.venues.row_of(keep) if keep else -1
        if row >= 0:
            self.select_venue_row(row)

    def select_venue(self, venue_id: str) -> None:
        row = self.venues.row_of(venue_id)
        if row < 0:  # hidden by the filter: clear it so the venue shows
            self.filter.clear()
            self.reload_venues(venue_id)
            row = self.venues.row_of(venue_id)
        self.select_venue_row(row)

    def select_venue_row(self, row: int) -> None:
        index = self.venues.index(row, 0)
        self.venue_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.venue_view.scrollTo(index)

    def _on_venue_changed(self, current, _previous) -> None:
        venue_id = current.data(VENUE_ID) if current.isValid() else None
        if venue_id and venue_id != self.venue_id:
            self.venue_id = venue_id
            self.reload_visits()
            self.venue_selected.emit(venue_id)

    # --------------------------------------------------------------- visits
    def reload_visits(self, select_id: str | None = None) -> None:
        visits = self.store.list_visits(self.venue_id) if self.venue_id else []
        # Quietly: a list refreshed after a change (a sync, a command) keeps its selection
        # without taking the user away from the Suivi or the venue page.
        self.visit_view.selectionModel().blockSignals(True)
        self.visits.set_visits(visits)
        if select_id:
            self.select_visit(select_id)
        self.visit_view.selectionModel().blockSignals(False)
        self.visits_label.setText(self.tr("<b>Fiches</b> (%n)", "", len(visits)))  # every kind

    def select_visit(self, visit_id: str) -> None:
        row = self.visits.row_of(visit_id)
        if row >= 0:
            self.visit_view.selectRow(row)

    def _on_visit_changed(self, current, _previous) -> None:
        if current.isValid():
            self.visit_selected.emit(self.visits.index(current.row(), 0).data(VISIT_ID))

    def current_visit_id(self) -> str | None:
        index = self.visit_view.currentIndex()
        return self.visits.index(index.row(), 0).data(VISIT_ID) if index.isValid() else None
