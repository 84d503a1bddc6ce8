"""Photos in the visit editor: drop files, see them appear, edit rights and captions."""

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import drop_files as drop_photos
from tests.ui.conftest import type_text


def photo(path: Path, colour) -> Path:
    Image.new("RGB", (640, 480), colour).save(path, "JPEG")
    return path


def open_new_visit(window):
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.open_visit(visit.id, venue.id)
    return visit.id


def drop_files(widget, paths):
    entered, _dropped = drop_photos(widget, paths)
    assert entered


def wait_for_batch(panel, qtbot, count):
    qtbot.waitUntil(lambda: panel.running == 0 and panel.grid.count() == count, timeout=15000)


def test_dropping_files_and_a_folder_on_the_visit_attaches_them(window, qtbot, tmp_path):
    visit_id = open_new_visit(window)
    editor, panel = window.visit_editor, window.visit_editor.photos
    folder = tmp_path / "carte-SD"
    folder.mkdir()
    photo(folder / "atelier.jpg", (20, 140, 20))
    broken = tmp_path / "abimee.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 pas une vraie photo")
    drop_files(editor, [photo(tmp_path / "facade.jpg", (200, 20, 20)), folder, broken])
    wait_for_batch(panel, qtbot, 2)
    names = {p.original_name for p in panel.library.list_photos(visit_id)}
    assert names == {"facade.jpg", "atelier.jpg"}
    assert "abimee.jpg" in panel.report.text()  # the refused file is named, with its reason
    assert not panel.progress.isVisible()


def test_dropping_on_the_photo_grid_attaches_too(window, qtbot, tmp_path):
    open_new_visit(window)
    panel = window.visit_editor.photos
    drop_files(panel.grid.viewport(), [photo(tmp_path / "salle.jpg", (1, 2, 200))])
    wait_for_batch(panel, qtbot, 1)


def test_rights_edited_in_the_panel_are_saved_and_badged(window, qtbot, tmp_path):
    visit_id = open_new_visit(window)
    panel = window.visit_editor.photos
    panel.attach_paths([photo(tmp_path / "groupe.jpg", (90, 90, 90))])
    wait_for_batch(panel, qtbot, 1)
    panel.grid.setCurrentRow(0)
    details = panel.details
    assert details.identifiable.currentText() == "À vérifier"  # nobody looked yet
    assert "À vérifier" in details.warning.text()
    details.identifiable.setCurrentIndex(2)  # « Oui »
    details.identifiable.activated.emit(2)
    panel.flush()
    assert "reste sur cet ordinateur" in details.warning.text()
    stored = panel.library.list_photos(visit_id)[0]
    assert stored.identifiable_people and stored.lacks_consent
    type_text(details.consent, "Autorisation signée le 11/02")
    panel.flush()
    assert not panel.library.list_photos(visit_id)[0].lacks_consent
    assert details.warning.text() == ""


def test_caption_edited_in_the_viewer_is_saved(window, qtbot, tmp_path):
    visit_id = open_new_visit(window)
    panel = window.visit_editor.photos
    panel.attach_paths(
        [photo(tmp_path / "a.jpg", (200, 0, 0)), photo(tmp_path / "b.jpg", (0, 0, 200))]
    )
    wait_for_batch(panel, qtbot, 2)
    from desktop.ui.views.photo_viewer import PhotoViewer

    ids = panel.photo_ids()
    viewer = PhotoViewer(panel.library, ids, ids[0], panel)
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer, timeout=2000)
    type_text(viewer.caption, "Façade côté rue")
    viewer.image.setFocus()  # in the caption, the arrows move the text cursor
    qtbot.keyClick(viewer.image, Qt.Key.Key_Right)  # moves on, and saves on the way
    assert viewer.current_id == ids[1]
    type_text(viewer.caption, "Atelier")
    viewer.accept()
    captions = {p.id: p.caption for p in panel.library.list_photos(visit_id)}
    assert captions == {ids[0]: "Façade côté rue", ids[1]: "Atelier"}


def test_a_pasted_image_is_attached(window, qtbot):
    visit_id = open_new_visit(window)
    panel = window.visit_editor.photos
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    panel.attach_image(image)
    photos = panel.library.list_photos(visit_id)
    assert len(photos) == 1 and photos[0].original_name.startswith("image-collée-")
    assert panel.grid.count() == 1


def test_a_removed_photo_comes_back_from_the_trash(window, qtbot, tmp_path):
    visit_id = open_new_visit(window)
    panel = window.visit_editor.photos
    panel.attach_paths([photo(tmp_path / "cour.jpg", (10, 90, 10))])
    wait_for_batch(panel, qtbot, 1)
    panel.grid.setCurrentRow(0)
    panel.delete_current()
    assert panel.grid.count() == 0
    item = next(i for i in window.store.list_trash() if i.kind == "photo")
    assert "cour.jpg" in item.label
    window.restore(item)
    assert window.visit_editor.record_id == visit_id
    assert window.visit_editor.photos.grid.count() == 1


def test_the_date_taken_is_typed_the_french_way_and_a_bad_one_kept_as_typed(
    window, qtbot, tmp_path
):
    visit_id = open_new_visit(window)
    panel = window.visit_editor.photos
    panel.attach_paths([photo(tmp_path / "four.jpg", (120, 60, 10))])
    wait_for_batch(panel, qtbot, 1)
    panel.grid.setCurrentRow(0)
    line = panel.details.taken_on.line
    for typed, expected in (("11/02/2025", "2025-02-11"), ("03012024", "2024-01-03")):
        line.setFocus()
        line.selectAll()
        qtbot.keyClicks(line, typed)
        qtbot.keyClick(line, Qt.Key.Key_Return)
        panel.flush()
        assert panel.library.list_photos(visit_id)[0].taken_on == expected
    line.selectAll()
    qtbot.keyClicks(line, "31/02/2024")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    panel.flush()
    assert panel.library.list_photos(visit_id)[0].taken_on == "2024-01-03"  # not replaced
    assert line.text() == "31/02/2024" and panel.details.taken_on.message.isVisible()
    assert "pas une date" in panel.report.text()
    line.setText("")
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_F4)  # empty: the calendar opens on the visit's date
    assert line.calendar.selectedDate().toString(Qt.DateFormat.ISODate) == "2025-02-11"
    line.calendar.hide()
