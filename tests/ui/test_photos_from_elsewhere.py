"""Photos added or taken away elsewhere while the visit is open (the `attach` command
beside the window, a colleague's photo synced in) appear in its grid (QA, session 8: an
attached photo showed only after a restart)."""

from __future__ import annotations

from desktop.core.media.photos import PhotoLibrary
from desktop.core.storage.workspace import open_workspace
from tests.headless import run_carnet
from tests.ui.test_photo_rotation import icon_is_portrait, landscape, visit_with_photos


def test_a_photo_attached_beside_the_window_appears_in_the_open_visit(window, qtbot, tmp_path):
    panel = visit_with_photos(window, qtbot, tmp_path, count=1)
    panel.grid.setCurrentRow(0)
    chosen = panel.photo_ids()[0]
    visit_id = window.visit_editor.record_id
    photo = landscape(tmp_path / "depuis-la-console.jpg", (240, 200, 10))
    done = run_carnet(window.workspace.data_dir, "attach", visit_id, str(photo))
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: panel.grid.count() == 2, timeout=5000)  # the hub looks every 1 s
    assert panel.photo_ids()[0] == chosen and panel.grid.currentRow() == 0  # still chosen
    window.visit_editor.photos.library.delete_photo(panel.photo_ids()[1])
    qtbot.waitUntil(lambda: panel.grid.count() == 1, timeout=5000)


def test_a_photo_turned_and_captioned_elsewhere_follows_in_the_grid_and_its_card(
    window, qtbot, tmp_path
):
    """A colleague's rotation and caption (or a command's beside the window): the open
    visit's thumbnail turns and the open card shows them, the chosen photo kept."""
    panel = visit_with_photos(window, qtbot, tmp_path, count=2)
    panel.grid.setCurrentRow(0)
    chosen = panel.photo_ids()[0]
    assert not icon_is_portrait(panel, 0)
    elsewhere = open_workspace(window.workspace.data_dir)
    try:
        PhotoLibrary(elsewhere.store, elsewhere.media).update_photo(
            chosen, {"rotation": 90, "caption": "Façade côté jardin"}
        )
    finally:
        elsewhere.close()
    qtbot.waitUntil(lambda: icon_is_portrait(panel, 0), timeout=5000)  # the hub looks every 1 s
    assert panel.grid.item(0).text() == "Façade côté jardin"
    assert panel.details.caption.text() == "Façade côté jardin"
    assert panel.grid.currentRow() == 0 and panel.photo_ids()[0] == chosen


def test_what_is_being_typed_on_the_card_is_not_replaced_by_a_change_from_elsewhere(
    window, qtbot, tmp_path
):
    panel = visit_with_photos(window, qtbot, tmp_path, count=1)
    panel.grid.setCurrentRow(0)
    chosen = panel.photo_ids()[0]
    panel.details.caption.setFocus()
    qtbot.keyClicks(panel.details.caption, "Atelier bois")
    elsewhere = open_workspace(window.workspace.data_dir)
    try:
        PhotoLibrary(elsewhere.store, elsewhere.media).update_photo(chosen, {"rotation": 270})
    finally:
        elsewhere.close()
    qtbot.waitUntil(lambda: icon_is_portrait(panel, 0), timeout=5000)
    assert panel.details.caption.text() == "Atelier bois"  # not put back as stored
    assert panel.flush()
    photo = panel.library.get_photo(chosen)
    assert (photo.caption, photo.rotation) == ("Atelier bois", 270)
