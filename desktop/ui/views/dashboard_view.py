"""« Tableau de bord »: the network's figures for a year and a territory, as charts.

The figures come from desktop.core.network_figures, computed on a worker connection in
the background; the list on the left picks a figure, the chart shows it (hover: its
figures), « Copier les chiffres » puts its table on the clipboard (tab-separated, for a
spreadsheet), a click on a bar lists its venues and a double-click opens one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.network_figures.compute import dashboard_data
from desktop.core.network_figures.model import NetworkFigures, Period, Territory
from desktop.core.storage.store import CarnetStore
from desktop.ui.controllers.background import BackgroundRunner
from desktop.ui.texts import fill
from desktop.ui.views.dashboard_charts import BarChart
from desktop.ui.views.map_view import MapView

VENUE_ID = Qt.ItemDataRole.UserRole


def territory_of(choice: str) -> Territory:
    """The territory combo's data: "" (everywhere), "r:<région>" or "d:<département>"."""
    if choice.startswith("r:"):
        return Territory(region=choice[2:])
    return Territory(department=choice[2:]) if choice.startswith("d:") else Territory()


class DashboardView(QWidget):
    venue_requested = Signal(str)

    report_written = Signal(str)

    def __init__(self, store: CarnetStore, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None, workspace=None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store, self.today = store, today
        self.runner = BackgroundRunner(self)
        self.report_button = QPushButton(self.tr("Bilan annuel (PDF)…"))
        self.report_button.setVisible(workspace is not None)
        if workspace is not None:
            from desktop.ui.views.dashboard_report import ReportWriter

            self.reports = ReportWriter(workspace, self.runner, self)
            self.reports.written.connect(self.report_written)
            self.report_button.clicked.connect(self.save_report)
        self.data: NetworkFigures | None = None
        self._generation = 0
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.year.setAccessibleName(self.tr("Année"))
        self.territory = QComboBox()
        self.territory.setAccessibleName(self.tr("Territoire"))
        self.territory.addItem(self.tr("Tout le réseau"), "")
        self.summary = QLabel()
        self.summary.setObjectName("dashboard_summary")
        self.loading = QLabel(self.tr("Calcul en cours…"))
        self.figures = QListWidget()
        self.figures.setAccessibleName(self.tr("Chiffres"))
        # A narrow window (1024 px) shortens the long titles « … » (whole in their
        # tooltip) rather than scroll the list sideways.
        self.figures.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart = BarChart()
        self.copy_button = QPushButton(self.tr("Copier les chiffres"))
        self.venues = QListWidget()
        self.venues.setAccessibleName(self.tr("Lieux de la barre choisie"))
        self.venues_title = QLabel(self.tr("Cliquez sur une barre pour voir ses lieux."))
        self.venues_title.setWordWrap(True)
        self.map = MapView()
        self.tabs = QTabWidget()
        self._lay_out()
        self.map.venue_requested.connect(self.venue_requested)
        self.year.valueChanged.connect(lambda _: self.reload())
        self.territory.currentIndexChanged.connect(lambda _: self.reload())
        self.figures.currentRowChanged.connect(self._show_figure)
        self.chart.bar_clicked.connect(self._list_venues)
        self.chart.bar_activated.connect(self._open_bar)
        self.copy_button.clicked.connect(self.copy_figures)
        self.venues.itemActivated.connect(
            lambda item: self.venue_requested.emit(item.data(VENUE_ID))
        )

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("<h2>Tableau de bord</h2>")))
        header.addStretch(1)
        for label, widget in (
            (self.tr("A&nnée :"), self.year),  # A: the « &Aller » menu
            (self.tr("&Territoire :"), self.territory),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            header.addWidget(caption)
            header.addWidget(widget)
        header.addWidget(self.report_button)
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.chart, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        column.addLayout(buttons)
        side = QWidget()
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.venues_title)
        right.addWidget(self.venues, 1)
        split = QSplitter()
        for widget in (self.figures, middle, side):
            split.addWidget(widget)
        split.setSizes([230, 640, 220])
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        status = QHBoxLayout()
        status.addWidget(self.summary, 1)
        status.addWidget(self.loading)
        layout.addLayout(status)
        self.tabs.addTab(split, self.tr("&Graphiques"))
        self.tabs.addTab(self.map, self.tr("&Carte des lieux"))
        layout.addWidget(self.tabs, 1)

    def save_report(self) -> None:
        """The annual report of the year and territory shown (« réseau » audience)."""
        territory = territory_of(self.territory.currentData() or "")
        self.reports.save(self.year.value(), territory, self.today)

    # ---------------------------------------------------------------- loading
    def period(self) -> Period:
        return Period.year(self.year.value())

    def reload(self) -> None:
        """Recompute in the background, on a worker connection; the newest result wins."""
        self._generation += 1
        generation, today, period = self._generation, self.today(), self.period()
        territory = territory_of(self.territory.currentData() or "")
        template = self.store.templates.visit
        self.loading.setText(self.tr("Calcul en cours…"))
        self.loading.show()

        def work():
            worker = self.store.worker_copy()
            try:
                return dashboard_data(worker.db, template, period, territory, today)
            finally:
                worker.close()

        def done(result) -> None:
            if generation == self._generation:
                self.loading.hide()
                self.show_data(*result)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self.loading.setText(str(error))

        self.runner.run(work, done, failed)

    def show_data(self, data: NetworkFigures, places: tuple[list[str], list[str]]) -> None:
        self.data = data
        self._fill_territories(*places)
        self.summary.setText(fill(  # one plural per text: Qt's %n is one number
            self.tr("%1 : %2, %3 en %4, %5."),
            data.territory.label,
            self.tr("%n lieu(x)", "", len(data.venues)),
            self.tr("%n visité(s)", "", data.venues_visited),
            data.period.start.year,
            self.tr("%n visite(s)", "", data.visits_in_period),
        ))  # fmt: skip
        shown = self.figures.currentRow()
        self.figures.blockSignals(True)
        self.figures.clear()
        for figure in data.figures:
            title = self.figure_title(figure.key, figure.title)
            self.figures.addItem(title)
            self.figures.item(self.figures.count() - 1).setToolTip(title)
        self.figures.blockSignals(False)
        self.figures.setCurrentRow(max(0, min(shown, len(data.figures) - 1)))
        self._show_figure(self.figures.currentRow())
        self.map.show_figures(data)

    def figure_title(self, key: str, title: str) -> str:
        """The fixed figures' titles through tr(); a template field keeps its title."""
        fixed = {
            "visits_per_month": self.tr("Visites par mois"),
            "agreements_by_quarter": self.tr("Conventions qui prennent fin"),
            "overdue_by_owner": self.tr("Actions en retard par responsable"),
            "not_visited": self.tr("Lieux sans visite depuis 12 mois"),
        }
        return fixed.get(key, title)

    def _fill_territories(self, regions: list[str], departments: list[str]) -> None:
        current = self.territory.currentData() or ""
        self.territory.blockSignals(True)
        self.territory.clear()
        self.territory.addItem(self.tr("Tout le réseau"), "")
        for region in regions:
            self.territory.addItem(region, "r:" + region)
        for code in departments:
            self.territory.addItem(fill(self.tr("Département %1"), code), "d:" + code)
        self.territory.setCurrentIndex(max(0, self.territory.findData(current)))
        self.territory.blockSignals(False)

    # ---------------------------------------------------------------- figures
    def current_figure(self):
        row = self.figures.currentRow()
        return self.data.figures[row] if self.data and 0 <= row < len(self.data.figures) else None

    def _show_figure(self, _row: int) -> None:
        self.chart.set_figure(self.current_figure())
        self.venues.clear()
        self.venues_title.setText(self.tr("Cliquez sur une barre pour voir ses lieux."))

    def _list_venues(self, index: int) -> None:
        bar = self.current_figure().bars[index]
        self.venues.clear()
        for venue_id in bar.venue_ids:
            venue = self.data.venue(venue_id)
            item = QListWidgetItem(
                f"{venue.name} ({venue.commune})" if venue.commune else venue.name
            )
            item.setData(VENUE_ID, venue_id)
            self.venues.addItem(item)
        self.venues_title.setText(
            fill(self.tr("« %1 » : %2 lieu(x)"), bar.label, len(bar.venue_ids))
        )

    def _open_bar(self, index: int) -> None:
        """Double-click on a bar: its only venue opens; with several, the list shows them."""
        bar = self.current_figure().bars[index]
        if len(bar.venue_ids) == 1:
            self.venue_requested.emit(bar.venue_ids[0])

    def copy_figures(self) -> None:
        figure = self.current_figure()
        if figure is None:
            return
        table = figure.table()
        table[0][0] = self.figure_title(figure.key, figure.title)
        text = "\n".join("\t".join(cell.replace("\t", " ") for cell in row) for row in table)
        QApplication.clipboard().setText(text)
