"""« Retirer la photo » asks nothing and loses nothing: the photo goes to the trash, and
« Annuler » or Ctrl+Z in the photos puts it back at its place, stamped (so it syncs)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt

from desktop.core.storage.store_stamps import DELETED_FIELD
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def photo(path: Path, colour) -> Path:
    Image.new("RGB", (640, 480), colour).save(path, "JPEG")
    return path


def visit_with_photos(window, qtbot, tmp_path, count: int = 3):
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.open_visit(visit.id, venue.id)
    panel = window.visit_editor.photos
    colours = [(200, 20, 20), (20, 140, 20), (20, 20, 200), (90, 90, 90)][:count]
    panel.attach_paths([photo(tmp_path / f"p{i}.jpg", c) for i, c in enumerate(colours)])
    qtbot.waitUntil(lambda: panel.running == 0 and panel.grid.count() == count, timeout=15000)
    return visit.id, panel


def remove_row(panel, qtbot, row: int) -> str:
    panel.grid.setCurrentRow(row)
    photo_id = panel.photo_ids()[row]
    qtbot.mouseClick(panel.remove, Qt.MouseButton.LeftButton)
    return photo_id


def test_ctrl_z_puts_the_removed_photo_back_at_its_place(window, qtbot, tmp_path):
    visit_id, panel = visit_with_photos(window, qtbot, tmp_path)
    library = panel.library
    before = panel.photo_ids()
    library.update_photo(before[1], {"caption": "La cour"})
    panel.reload(before[1])
    removed = remove_row(panel, qtbot, 1)
    assert panel.photo_ids() == [before[0], before[2]]
    assert [i.id for i in window.store.list_trash()] == [removed]  # in the trash meanwhile
    text = "Photo « La cour » retirée (dans la corbeille) — Ctrl+Z pour annuler."
    assert panel.report.text() == text
    assert panel.undo_remove.isVisible()
    stamp_removed = window.store.field_stamps(removed)[DELETED_FIELD]["stamp"]
    window.activateWindow()
    panel.remove.setFocus()  # where the click on « Retirer la photo » leaves it
    qtbot.keyClick(panel.remove, Qt.Key.Key_Z, CTRL)
    assert panel.photo_ids() == before  # at its former place
    assert panel.current_photo().id == removed and panel.current_photo().caption == "La cour"
    assert window.store.list_trash() == []
    assert window.store.field_stamps(removed)[DELETED_FIELD]["stamp"] > stamp_removed
    assert not panel.undo_remove.isVisible()
    assert [p.id for p in library.list_photos(visit_id)] == before


def test_annuler_brings_back_several_latest_first(window, qtbot, tmp_path):
    _visit_id, panel = visit_with_photos(window, qtbot, tmp_path, count=4)
    before = panel.photo_ids()
    remove_row(panel, qtbot, 0)
    remove_row(panel, qtbot, 2)  # the fourth photo, now third
    assert panel.photo_ids() == before[1:3]
    qtbot.mouseClick(panel.undo_remove, Qt.MouseButton.LeftButton)
    assert panel.photo_ids() == before[1:]
    assert panel.undo_remove.isVisible()  # one more to bring back
    qtbot.keyClick(panel.grid, Qt.Key.Key_Z, CTRL)
    assert panel.photo_ids() == before
    assert panel.report.text() == "Photo remise à sa place."


def test_the_photos_take_ctrl_z_before_the_windows_undo_of_a_deletion(window, qtbot, tmp_path):
    other = window.store.create_venue({"name": "La Friche", "commune": "Lyon"})
    window.browser.select_venue(other.id)
    window.records.delete_venue()
    assert window.undo_action.isEnabled()
    _visit_id, panel = visit_with_photos(window, qtbot, tmp_path, count=2)
    removed = remove_row(panel, qtbot, 0)
    window.activateWindow()
    panel.grid.setFocus()
    qtbot.keyClick(panel.grid, Qt.Key.Key_Z, CTRL)
    assert removed in panel.photo_ids()
    assert window.store.get_venue(other.id).deleted_at  # the venue stays in the trash


def test_ctrl_z_in_the_caption_stays_the_texts_own_undo(window, qtbot, tmp_path):
    _visit_id, panel = visit_with_photos(window, qtbot, tmp_path, count=2)
    removed = remove_row(panel, qtbot, 0)
    panel.grid.setCurrentRow(0)
    caption = panel.details.caption
    window.activateWindow()
    caption.setFocus()
    type_text(caption, "Atelier")
    qtbot.keyClick(caption, Qt.Key.Key_Z, CTRL)
    assert caption.text() == ""  # the typing taken back, not the removal
    assert removed not in panel.photo_ids()
    assert panel.undo_remove.isVisible()


def test_another_visit_forgets_the_removal(window, qtbot, tmp_path):
    visit_id, panel = visit_with_photos(window, qtbot, tmp_path, count=1)
    removed = remove_row(panel, qtbot, 0)
    venue = window.store.create_venue({"name": "Autre lieu", "commune": "Aubusson"})
    second = window.store.create_visit(venue.id, "2025-03-01")
    window.open_visit(second.id, venue.id)
    assert not panel.undo_remove.isVisible() and panel.removed == []
    qtbot.keyClick(panel.grid, Qt.Key.Key_Z, CTRL)
    assert [i.id for i in window.store.list_trash()] == [removed]  # still in the trash
    assert panel.library.list_photos(visit_id) == []
