"""« Tourner à gauche / à droite »: the thumbnail and the viewer show the photo turned,
the rotation saved with the photo (its files untouched); Ctrl+R and Ctrl+Maj+R in the
photos turn the selected ones."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.views.photo_viewer import PhotoViewer

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def landscape(path: Path, colour) -> Path:
    Image.new("RGB", (640, 480), colour).save(path, "JPEG")
    return path


def visit_with_photos(window, qtbot, tmp_path, count: int = 2):
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.open_visit(visit.id, venue.id)
    panel = window.visit_editor.photos
    colours = [(200, 20, 20), (20, 140, 20), (20, 20, 200)][:count]
    panel.attach_paths([landscape(tmp_path / f"p{i}.jpg", c) for i, c in enumerate(colours)])
    qtbot.waitUntil(lambda: panel.running == 0 and panel.grid.count() == count, timeout=15000)
    return panel


def icon_is_portrait(panel, row: int) -> bool:
    pixmap = panel.grid.item(row).icon().pixmap(150, 150)
    return pixmap.height() > pixmap.width()


def test_the_buttons_turn_the_photo_and_its_thumbnail(window, qtbot, tmp_path):
    panel = visit_with_photos(window, qtbot, tmp_path)
    first = panel.photo_ids()[0]
    files = sorted(p.name for p in Path(panel.media.root).rglob("*") if p.is_file())
    panel.grid.setCurrentRow(0)
    assert not icon_is_portrait(panel, 0)
    qtbot.mouseClick(panel.details.turn_right, Qt.MouseButton.LeftButton)
    assert panel.library.get_photo(first).rotation == 90
    assert icon_is_portrait(panel, 0) and not icon_is_portrait(panel, 1)
    qtbot.mouseClick(panel.details.turn_left, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.details.turn_left, Qt.MouseButton.LeftButton)
    assert panel.library.get_photo(first).rotation == 270
    assert icon_is_portrait(panel, 0)
    assert "rotation" in window.store.field_stamps(first)  # a stamped edit: it syncs
    assert sorted(p.name for p in Path(panel.media.root).rglob("*") if p.is_file()) == files


def test_ctrl_r_turns_the_selected_photos(window, qtbot, tmp_path):
    panel = visit_with_photos(window, qtbot, tmp_path, count=3)
    ids = panel.photo_ids()
    panel.grid.setCurrentRow(0)
    panel.grid.item(2).setSelected(True)  # the first and the third
    window.activateWindow()
    panel.grid.setFocus()
    qtbot.keyClick(panel.grid, Qt.Key.Key_R, CTRL)
    assert [panel.library.get_photo(i).rotation for i in ids] == [90, 0, 90]
    assert [icon_is_portrait(panel, r) for r in range(3)] == [True, False, True]
    qtbot.keyClick(panel.grid, Qt.Key.Key_R, CTRL | SHIFT)
    assert [panel.library.get_photo(i).rotation for i in ids] == [0, 0, 0]


def test_the_viewer_shows_the_photo_turned_and_turns_it(window, qtbot, tmp_path):
    panel = visit_with_photos(window, qtbot, tmp_path)
    ids = panel.photo_ids()
    panel.library.rotate_photo(ids[1], 1)
    viewer = PhotoViewer(panel.library, ids, ids[1], panel)
    qtbot.addWidget(viewer)
    assert viewer._pixmap.height() > viewer._pixmap.width()  # shown turned
    viewer.go(1)  # the first one, as attached
    assert viewer._pixmap.width() > viewer._pixmap.height()
    viewer.show()
    viewer.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer, timeout=2000)
    viewer.image.setFocus()
    qtbot.keyClick(viewer.image, Qt.Key.Key_R, CTRL | SHIFT)  # « ↺ »
    assert panel.library.get_photo(ids[0]).rotation == 270
    assert viewer._pixmap.height() > viewer._pixmap.width()
    viewer.accept()
