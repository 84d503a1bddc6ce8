"""« Tableau de bord » as a coordinator uses it: the year's charts, hover, « Copier les
chiffres », a click on a bar lists its venues, a double-click opens one."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop.core.network_figures.compute import compute_figures
from desktop.core.network_figures.model import Period
from desktop.core.storage.workspace import open_workspace
from tests.core.network_dataset import build_network


@pytest.fixture
def network(data_dir):
    workspace = open_workspace(data_dir)
    workspace.set_setting("identity_confirmed", "1")
    net = build_network(workspace.store)
    expected = compute_figures(workspace.db, workspace.templates.visit, Period.year(2025))
    workspace.close()
    return net, expected


def open_dashboard(window, qtbot, year=2025):
    window.menus["dashboard"].trigger()
    view = window.dashboard.view
    assert window.pages.currentWidget() is view
    view.year.setValue(year)
    qtbot.waitUntil(lambda: view.data is not None and view.data.period.start.year == year
                    and not view.loading.isVisible(), timeout=5000)  # fmt: skip
    return view


def choose(view, key):
    row = [f.key for f in view.data.figures].index(key)
    view.figures.setCurrentRow(row)
    view.chart.grab()  # painted: the bars have their places
    return view.data.figures[row]


def test_the_year_in_charts_with_figures_on_hover(window, qtbot, network):
    _, expected = network
    view = open_dashboard(window, qtbot)
    assert view.data.visits_in_period == expected.visits_in_period
    assert f"{expected.visits_in_period} visites" in view.summary.text()
    assert "(x)" not in view.summary.text() and "(s)" not in view.summary.text()  # « 1 lieu »
    assert view.figures.item(0).text() == "Visites par mois"
    figure = choose(view, "visits_per_month")
    busiest = max(range(12), key=lambda i: figure.bars[i].total)
    tip = view.chart.tooltip_text(busiest)
    assert f"{figure.bars[busiest].total} visites" in tip and "Premier contact" in tip
    qtbot.mouseMove(view.chart, view.chart.bar_rect(busiest).center().toPoint())
    assert view.chart.bar_at(view.chart.bar_rect(busiest).center().toPoint()) == busiest


def test_copy_the_figures_as_a_table(window, qtbot, network):
    view = open_dashboard(window, qtbot)
    figure = choose(view, "legal_form")
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    lines = QApplication.clipboard().text().split("\n")
    assert lines[0] == "Forme juridique\tLieux"
    assert lines[1:] == [f"{bar.label}\t{bar.total}" for bar in figure.bars]


def test_click_a_bar_lists_its_venues_and_double_click_opens_one(window, qtbot, network):
    net, _ = network
    view = open_dashboard(window, qtbot)
    figure = choose(view, "legal_form")
    index = next(i for i, bar in enumerate(figure.bars) if bar.total >= 2)
    bar = figure.bars[index]
    qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton,
                     pos=view.chart.bar_rect(index).center().toPoint())  # fmt: skip
    listed = [view.venues.item(r).text().split(" (")[0] for r in range(view.venues.count())]
    assert listed == [net.venues[vid]["name"] for vid in bar.venue_ids]
    assert f"« {bar.label} » : {bar.total} lieu(x)" == view.venues_title.text()
    item = view.venues.item(1)
    rect = view.venues.visualItemRect(item)
    qtbot.mouseClick(view.venues.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.venues.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentWidget() is window.venue_editor
    assert window.venue_editor.record_id == bar.venue_ids[1]


def test_a_territory_and_another_year(window, qtbot, network):
    net, _ = network
    view = open_dashboard(window, qtbot)
    index = view.territory.findText("Bretagne")
    assert index > 0 and view.territory.findText("Département 25") > 0
    view.territory.setCurrentIndex(index)
    qtbot.waitUntil(
        lambda: view.data.territory.region == "Bretagne" and not view.loading.isVisible()
    )
    bretons = {vid for vid, v in net.venues.items() if v["region"] == "Bretagne"}
    assert {v.id for v in view.data.venues} == bretons
    view.year.setValue(2026)
    qtbot.waitUntil(lambda: view.data.period.start.year == 2026 and not view.loading.isVisible())
    in_2026 = [v for v in net.visits if not v["deleted"] and v["date"][:4] == "2026"
               and v["venue_id"] in bretons]  # fmt: skip
    assert view.data.visits_in_period == len(in_2026)
    assert view.territory.currentText() == "Bretagne"  # the filter survives the reload


def test_the_window_starts_without_the_dashboard(data_dir):
    """Loaded on first use: opening the window imports neither the view nor the figures."""
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop.app import create_window\n"
        "from desktop.core.storage.workspace import open_workspace\n"
        "app = QApplication([])\n"
        f"window = create_window(open_workspace({str(data_dir)!r}))\n"
        "print(sorted(m for m in sys.modules if 'dashboard_view' in m or 'network_figures' in m))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"CARNET_NO_BOOTSTRAP": "1", "PATH": "/usr/bin:/bin",
                              "HOME": str(data_dir.parent)}, cwd=str(_root()))  # fmt: skip
    assert out.stdout.strip() == "[]"


def _root():
    from pathlib import Path

    return Path(__file__).resolve().parents[2]


def test_nothing_to_show_says_so(window, qtbot):
    view = open_dashboard(window, qtbot, year=date.today().year)
    assert view.data.visits_in_period == 0
    figure = choose(view, "visits_per_month")
    assert figure.total == 0
    assert view.chart.bar_at(QPoint(-5, -5)) == -1


def test_the_annual_report_from_the_dashboard(window, qtbot, network, tmp_path, monkeypatch):
    import io

    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    view = open_dashboard(window, qtbot)
    view.territory.setCurrentIndex(view.territory.findText("Département 25"))
    qtbot.waitUntil(lambda: view.data.territory.department == "25" and not view.loading.isVisible())
    target = tmp_path / "bilan.pdf"
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (asked.append(args[2]) or str(target), ""))  # fmt: skip
    with qtbot.waitSignal(view.report_written, timeout=10000) as written:
        qtbot.mouseClick(view.report_button, Qt.MouseButton.LeftButton)
    assert written.args == [str(target)]
    assert asked[0].endswith("Bilan annuel 2025 – Département 25.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert f"Visites\n{view.data.visits_in_period}" in text
    assert "Bilan annuel enregistré" in window.statusBar().currentMessage()
