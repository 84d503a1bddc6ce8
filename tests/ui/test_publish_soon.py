"""Any edit made on this laptop is published within PUBLISH_DELAY_MS (5 s), whichever view
made it: a photo turned, captioned or removed reached the share only at the minute's pass
(QA, session 8: 42–57 s), while a form's field took 6 s. A colleague's record taken in
by a pass is no edit of this laptop: it asks for no pass of its own."""

from __future__ import annotations

from desktop.core.storage.workspace import open_workspace
from desktop.core.sync.engine import SyncEngine
from tests.ui.test_photo_rotation import visit_with_photos


def quiet(window, qtbot, share) -> None:
    """A shared folder set, and no pass waiting."""
    window.workspace.set_setting("shared_folder", str(share))
    qtbot.wait(100)  # the setting's own broadcast handled first
    window.sync.controller.publish_timer.stop()


def test_photo_edits_are_published_soon(window, qtbot, tmp_path):
    share = tmp_path / "partage"
    share.mkdir()
    panel = visit_with_photos(window, qtbot, tmp_path)
    timer = window.sync.controller.publish_timer
    photos = panel.library
    first = photos.list_photos(window.visit_editor.record_id)[0].id
    for edit in (
        lambda: photos.rotate_photo(first, 1),
        lambda: photos.update_photo(first, {"caption": "La cour"}),
        lambda: photos.delete_photo(first),
    ):
        quiet(window, qtbot, share)
        edit()
        qtbot.waitUntil(timer.isActive, timeout=2000)


def test_a_colleagues_record_taken_in_asks_for_no_pass(window, qtbot, tmp_path):
    share = tmp_path / "partage"
    share.mkdir()
    colleague = open_workspace(tmp_path / "collegue")
    colleague.store.create_venue({"name": "La Grange de Bob", "commune": "Guéret"})
    assert SyncEngine(colleague, share).run_pass(sheets=False).ok
    colleague.close()
    quiet(window, qtbot, share)
    report = SyncEngine(window.workspace, share).run_pass(sheets=False)
    assert report.ok and report.imported.created == 1
    qtbot.wait(300)  # its broadcast delivered (the hub coalesces within 50 ms)
    assert not window.sync.controller.publish_timer.isActive()


def test_a_pass_that_publishes_asks_for_no_other(window, qtbot, tmp_path):
    """Publishing stamps nothing: a pass after an edit is not followed by another, and so
    on every 5 s."""
    share = tmp_path / "partage"
    share.mkdir()
    quiet(window, qtbot, share)
    window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    qtbot.waitUntil(window.sync.controller.publish_timer.isActive, timeout=2000)
    window.sync.controller.publish_timer.stop()
    for _ in range(2):
        report = SyncEngine(window.workspace, share).run_pass(sheets=True)
        assert report.ok
        qtbot.wait(300)
        assert not window.sync.controller.publish_timer.isActive()


def test_a_field_typed_in_the_form_is_published_soon(window, qtbot, tmp_path):
    """The form's saves reach the sync by the same broadcast as every other edit."""
    share = tmp_path / "partage"
    share.mkdir()
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.open_visit(visit.id, venue.id)
    quiet(window, qtbot, share)
    editor = window.visit_editor
    editor.form.editor("governance_notes").set_value("Collège solidaire")
    editor.form.editor("governance_notes").edited.emit()
    assert editor.flush()
    qtbot.waitUntil(window.sync.controller.publish_timer.isActive, timeout=3000)
