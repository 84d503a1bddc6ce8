"""The « Suivi »: open actions, agreements ending, next visits and venues not visited.

Computed on a worker connection in the background: the actions are read a page at a
time (core/followup/action_rows.py: counts per due date, then the rows on screen), their
filters are SQL; the agreements, next visits and venues are counted in SQL, each list
read when its tab is shown (followup_lists.py). Activating a row (double-click, Entrée) asks to open the visit at the
right field; ticking « Fait » marks the action done through the store, like any edit,
and Ctrl+Z (or « Annuler ») takes it back (followup_undo.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.followup.action_rows import (
    ActionFilter,
    ActionLayout,
    ActionRows,
    action_venues,
    overdue_count,
    responsible_values,
)
from desktop.core.followup.actions import FollowupError, change_action_status
from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.load import load_followup
from desktop.core.followup.model import (
    LATER,
    NO_DATE,
    NO_RESPONSIBLE,
    OPEN,
    OVERDUE,
    THIS_MONTH,
    THIS_WEEK,
    Followup,
)
from desktop.core.storage.store import CarnetStore
from desktop.ui.controllers.background import BackgroundRunner
from desktop.ui.models.followup_model import GroupRow
from desktop.ui.texts import fill
from desktop.ui.views.followup_lists import FollowupLists
from desktop.ui.views.followup_tabs import FollowupTabs
from desktop.ui.views.followup_undo import FollowupUndo
from desktop.ui.views.followup_view_parts import ANY, OPEN_ONLY


class FollowupView(FollowupUndo, FollowupTabs, FollowupLists, QWidget):
    visit_requested = Signal(str, str, str, int)  # visit id, venue id, field key, row (-1)
    venue_requested = Signal(str)  # a venue never visited
    action_changed = Signal(str)  # visit id, after an action's status changed here
    said = Signal(str)  # what the status bar says of it
    counts_changed = Signal(int, int)  # overdue actions, agreements ending within 3 months

    def __init__(
        self,
        store: CarnetStore,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.runner = BackgroundRunner(self)
        self.data: Followup | None = None
        self._generation = 0
        self._shown_filter: ActionFilter | None = None  # the actions' filter last shown
        self._responsible_values: dict[str, tuple] = {}  # read with the responsable list
        self.status_column = self._status_column()
        self.title = QLabel(self.tr("<h2>Suivi</h2>"))
        self.loading = QLabel(self.tr("Calcul en cours…"))
        self.loading.hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._actions_tab(), "")
        self.tabs.addTab(self._agreements_tab(), "")
        self.tabs.addTab(self._next_visits_tab(), "")
        self.tabs.addTab(self._venues_tab(), "")
        header = QHBoxLayout()
        header.addWidget(self.title)
        self.review = QLabel()
        self.review.setObjectName("photos_to_review")
        self.review.setStyleSheet("color: #8a4b00;")
        self.review.linkActivated.connect(self._open_review)
        self.review.hide()
        header.addWidget(self.review)
        header.addStretch(1)
        header.addWidget(self.loading)
        refresh = QPushButton(self.tr("Actualiser"))
        refresh.setToolTip(self.tr("Relire toutes les visites (F5)"))
        refresh.setShortcut("F5")
        refresh.clicked.connect(self.reload)
        header.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self._lists_init()
        self._retitle()

    # ------------------------------------------------------------------ building
    def group_titles(self) -> dict[str, str]:
        return {
            OVERDUE: self.tr("En retard"),
            THIS_WEEK: self.tr("Cette semaine"),
            THIS_MONTH: self.tr("Ce mois-ci"),
            LATER: self.tr("Plus tard"),
            NO_DATE: self.tr("Sans échéance"),
        }

    def _retitle(self) -> None:
        data, tabs = self.data, self.counts
        counts = (
            (len(self.actions_model.rows) - len(self.actions_model.group_rows())),
            *((tabs.agreements, tabs.next_visits, tabs.not_visited) if tabs else (0, 0, 0)),
        )
        titles = (
            self.tr("&Actions (%1)"),
            self.tr("&Conventions (%1)"),
            self.tr("&Prochaines visites (%1)"),
            self.tr("&Lieux non visités (%1)"),
        )
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(index, fill(title, count if data else "…"))

    # ------------------------------------------------------------------ loading
    def _fields(self) -> dict[str, FollowupFields]:
        templates = self.store.templates
        return {t.id: FollowupFields.of(t) for t in (templates.visit, *templates.others)}

    def action_filter(self) -> ActionFilter:
        responsible = self._choice(self.responsible)
        stored = self._responsible_values.get(responsible)
        return ActionFilter(
            responsible=responsible,
            venue_id=self._choice(self.venue),
            status=self._choice(self.status),
            responsible_values=stored if responsible != NO_RESPONSIBLE else None,
        )

    def reload(self) -> None:
        """Recompute in the background, on a worker connection; the newest result wins."""
        self._generation += 1
        generation, today = self._generation, self.today()
        template, others = self.store.templates.visit, self.store.templates.others
        fields, wanted = self._fields(), self.action_filter()
        count, index = self.counts_reader(today), self.tabs.currentIndex()
        shown = self.list_reader(index, today)  # the tab on screen: its list too
        self.loading.show()

        def work():
            worker = self.store.worker_copy()
            try:
                conn = worker.db.conn
                data = load_followup(conn, template, today, others, actions=False, lists=False)
                layout = ActionLayout.read(conn, fields, today, wanted)
                overdue = _overdue(conn, fields, today, layout)
                lists = {index: shown(conn)} if shown else {}
                return data, layout, overdue, count(conn), lists
            finally:
                worker.close()

        chosen = self.list_filters()

        def done(result) -> None:
            if generation == self._generation:
                self.loading.hide()
                data, layout, overdue, counts, lists = result
                if chosen != self.list_filters():  # changed meanwhile: read here, for them
                    counts, lists = None, {}
                self.show_data(data, layout, overdue, counts, lists)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self.loading.setText(str(error))

        self.runner.run(work, done, failed)

    def refresh(self) -> None:
        """Recompute now, on the store's own connection."""
        self._generation += 1
        templates = self.store.templates
        data = load_followup(
            self.store.db,
            templates.visit,
            self.today(),
            templates.others,
            actions=False,
            lists=False,
        )
        self.show_data(data)

    def show_data(
        self,
        data: Followup,
        layout: ActionLayout | None = None,
        overdue: int | None = None,
        counts=None,
        lists: dict | None = None,
    ) -> None:
        """layout, overdue, counts, lists: the actions' counts, the other tabs' counts
        and the shown tab's list when read in the background (for the filters chosen
        then); read here otherwise."""
        self.data = data
        conn, fields = self.store.db.conn, self._fields()
        everyone, nobody = self.tr("Tout le monde"), self.tr("Sans responsable")
        self._responsible_values = {}  # the data changed: read again with the list

        def people() -> list[tuple[str, str]]:
            self._responsible_values = values = responsible_values(conn, fields)
            names = sorted(set(values) - {""}, key=str.casefold)
            return [(everyone, ANY), *((name, name) for name in names), (nobody, NO_RESPONSIBLE)]

        self.responsible.set_loader(people)
        every_venue = self.tr("Tous les lieux")
        self.venue.set_loader(lambda: [(every_venue, ANY), *action_venues(conn, fields)])
        self._show_lists(counts, lists or {})
        layout = self._show_actions(layout)
        self._show_review(data)
        self._emit_counts(layout, overdue)

    def _emit_counts(self, layout: ActionLayout, overdue: int | None = None) -> None:
        if overdue is None:
            overdue = _overdue(self.store.db.conn, self._fields(), self.data.today, layout)
        self.counts_changed.emit(overdue, self.counts.notice)

    def _show_review(self, data: Followup) -> None:
        """« 12 photos à vérifier »: they stay internal until their rights are said."""
        count = data.photos_to_review_count
        self.review.setVisible(count > 0)
        text = self.tr("%n photo(s) à vérifier (droit à l'image)", "", count)
        self.review.setText(f"⚠ {text} — <a href='#'>{self.tr('voir')}</a>")
        self.review.setToolTip(
            self.tr(
                "Tant que personne n'a dit si des personnes sont reconnaissables, ces photos "
                "restent sur cet ordinateur, hors des fiches réseau et public."
            )
        )

    def _open_review(self, _link: str = "") -> None:
        if self.data and self.data.photos_to_review:
            visit_id, venue_id, _ = self.data.photos_to_review[0]
            self.visit_requested.emit(visit_id, venue_id, "", -1)

    @staticmethod
    def _choice(combo: QComboBox):
        value = combo.currentData()
        return OPEN if value == OPEN_ONLY else None if value == ANY else value

    def _show_actions(self, layout: ActionLayout | None = None) -> ActionLayout | None:
        """The actions under the filters chosen: their counts per due date (layout, read
        now unless given for these filters), then rows read as the table shows them."""
        if self.data is None:
            return None
        wanted = self.action_filter()
        if layout is None or layout.filter != wanted:
            layout = ActionLayout.read(self.store.db.conn, self._fields(), self.data.today, wanted)
        titles = self.group_titles()
        rows = ActionRows(
            self.store.db.conn, layout, lambda group, count: GroupRow(f"{titles[group]} ({count})")
        )
        table, model = self.actions_view, self.actions_model
        same = self._shown_filter == wanted  # read again (a sync, an action marked done)
        place = table.currentIndex(), table.verticalScrollBar().value()
        self._shown_filter = wanted
        model.set_rows(rows, rows.header_rows)
        table.clearSpans()
        for row in rows.header_rows:
            table.setSpan(row, 0, 1, len(model.columns))
        if same:  # the user stays where they were, on the same row number
            self._stay(*place)
        else:  # other filters, other rows: from the top
            table.scrollToTop()
        self._retitle()
        return layout

    def _stay(self, current, scrolled: int) -> None:
        table, model = self.actions_view, self.actions_model
        if current.isValid() and model.rowCount():
            row = min(current.row(), model.rowCount() - 1)
            table.setCurrentIndex(model.index(row, current.column()))
        table.verticalScrollBar().setValue(scrolled)

    # ------------------------------------------------------------------ acting
    def _activate(self, view: QTableView, row: int) -> None:
        item = view.model().item(row)
        if item is None:
            return
        if getattr(item, "visit_id", None) is None:
            self.venue_requested.emit(item.venue_id)
            return
        self.visit_requested.emit(
            item.visit_id, item.venue_id, item.field, getattr(item, "row", -1)
        )

    def current_action(self):
        return self.actions_model.item(self.actions_view.currentIndex().row())

    def mark_current_done(self) -> None:
        action = self.current_action()
        if action is not None and self.data is not None and not self.data.is_done(action):
            self._on_check(action, True)

    def _on_check(self, action, checked: bool) -> None:
        if self.data is None:
            return
        done = self.data.done_of(action)  # the action's own template says which status
        status = done if checked else (self._previous_status(action) or None)
        try:
            change = change_action_status(self.store, action, status)
        except (FollowupError, LookupError) as error:
            QMessageBox.warning(self, self.tr("Suivi"), str(error))
            self.reload()
            return
        # Only the actions changed: read their counts and the rows in view again (the
        # next action takes the place of the one marked).
        self.remember(change)
        self._emit_counts(self._show_actions())
        self.action_changed.emit(action.visit_id)

    def _previous_status(self, action) -> str:
        """Unticking « Fait »: back to the first status (« À faire »)."""
        if self.data.done_of(action) != self.data.fields.done:
            return ""  # another template's statuses: cleared (not done)
        choices = self.status_column.choices if self.status_column else ()
        return next((v for v, _ in choices if v != self.data.fields.done), "")


def _overdue(conn, fields: dict[str, FollowupFields], today: date, layout: ActionLayout) -> int:
    """Overdue actions not done, for the status bar: the layout's count when no filter is
    chosen, else counted on their own."""
    if layout.filter == ActionFilter():
        return layout.counts.get(OVERDUE, 0)
    return overdue_count(conn, fields, today)
