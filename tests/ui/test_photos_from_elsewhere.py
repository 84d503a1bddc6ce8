"""Photos added or taken away elsewhere while the visit is open (the `attach` command
beside the window, a colleague's photo synced in) appear in its grid (QA, session 8: an
attached photo showed only after a restart)."""

from __future__ import annotations

from tests.headless import run_carnet
from tests.ui.test_photo_rotation import landscape, visit_with_photos


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
