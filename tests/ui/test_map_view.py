"""« Carte des lieux »: the venues where they are, hover names one, a click opens it,
wheel and drag move the map, venues without coordinates are listed beside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.core.map.boundaries import departements
from desktop.core.storage.workspace import open_workspace
from tests.core.network_dataset import build_network


@pytest.fixture
def network(data_dir):
    workspace = open_workspace(data_dir)
    workspace.set_setting("identity_confirmed", "1")
    net = build_network(workspace.store)
    workspace.close()
    return net


def open_map(window, qtbot):
    window.menus["venue_map"].trigger()
    view = window.dashboard.view
    view.year.setValue(2025)
    qtbot.waitUntil(lambda: view.data is not None and view.data.period.start.year == 2025
                    and not view.loading.isVisible() and view.map.data is not None)  # fmt: skip
    assert view.tabs.currentWidget() is view.map
    return view.map


def test_venues_on_the_map_and_the_others_beside(window, qtbot, network):
    view = open_map(window, qtbot)
    placed = {p.venue.name for p in view.data.points}
    with_coordinates = {v["name"] for v in network.venues.values() if "lat" in v}
    assert placed == with_coordinates
    beside = [view.off_map.item(r).text().split(" (")[0] for r in range(view.off_map.count())]
    assert beside == sorted(v["name"] for v in network.venues.values() if "lat" not in v)
    canvas = view.canvas
    doubs = next(a for a in departements() if a.code == "25")
    besancon = next(
        p for p in view.data.points if network.venues[p.venue.id]["commune"] == "Besançon"
    )
    assert doubs.contains(besancon.x, besancon.y)
    on_screen = canvas.screen_of(besancon)
    assert canvas.rect().contains(on_screen.toPoint())


def test_hover_names_and_click_opens(window, qtbot, network):
    view = open_map(window, qtbot)
    canvas = view.canvas
    point = max(
        view.data.points, key=lambda p: p.radius
    )  # drawn last among its neighbours? no: the biggest
    spot = canvas.screen_of(point)
    found = canvas.point_at(spot)
    assert found is not None
    qtbot.mouseMove(canvas, spot.toPoint())
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=spot.toPoint())
    assert window.pages.currentWidget() is window.venue_editor
    assert window.venue_editor.record_id == found.venue.id


def test_wheel_zooms_around_the_cursor_and_drag_pans(window, qtbot, network):
    view = open_map(window, qtbot)
    canvas = view.canvas
    point = view.data.points[0]
    before = canvas.screen_of(point)
    event = QWheelEvent(before, canvas.mapToGlobal(before), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(canvas, event)
    assert canvas.zoom == pytest.approx(1.25)
    after = canvas.screen_of(point)
    assert (after - before).manhattanLength() < 1  # the point under the cursor stays put
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    qtbot.mouseMove(canvas, QPoint(90, 70))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(90, 70))
    moved = canvas.screen_of(point)
    assert moved.x() - after.x() == pytest.approx(
        40, abs=1
    ) and moved.y() - after.y() == pytest.approx(20, abs=1)
    assert window.pages.currentWidget() is window.dashboard.view  # a drag opens nothing
    assert isinstance(moved, QPointF)


def test_a_region_frames_the_map_on_it(window, qtbot, network):
    view = open_map(window, qtbot)
    dashboard = window.dashboard.view
    whole = view.canvas.transform().m11()
    dashboard.territory.setCurrentIndex(dashboard.territory.findText("Bretagne"))
    qtbot.waitUntil(lambda: dashboard.data.territory.region == "Bretagne"
                    and not dashboard.loading.isVisible())  # fmt: skip
    assert view.canvas.transform().m11() > 2 * whole  # metres per pixel: zoomed on Bretagne
    assert {p.venue.region for p in view.data.points} == {"Bretagne"}
    for point in view.data.points:
        assert view.canvas.rect().contains(view.canvas.screen_of(point).toPoint())
