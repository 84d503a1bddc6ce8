"""Image rights in the window: photos start « à vérifier », several set at once, Suivi counts."""

from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import accept_next_dialog
from tests.ui.test_photo_panel import open_new_visit, photo, wait_for_batch

COLOURS = [(200, 20, 20), (20, 200, 20), (20, 20, 200)]


def attach_three(window, qtbot, tmp_path):
    visit_id = open_new_visit(window)
    panel = window.visit_editor.photos
    panel.attach_paths([photo(tmp_path / f"p{n}.jpg", c) for n, c in enumerate(COLOURS)])
    wait_for_batch(panel, qtbot, 3)
    return visit_id, panel


def test_new_photos_are_marked_to_review_and_counted_in_the_suivi(window, qtbot, tmp_path):
    visit_id, panel = attach_three(window, qtbot, tmp_path)
    assert all(p.needs_review for p in panel.library.list_photos(visit_id))
    assert "À vérifier" in panel.grid.item(0).toolTip()
    window.show_followup()
    view = window.followup
    qtbot.waitUntil(lambda: view.data is not None and not view.review.isHidden(), timeout=10000)
    assert "3 photos à vérifier" in view.review.text()
    view.review.linkActivated.emit("#")  # « voir » opens the visit with photos to review
    assert window.editors.open_visit_id() == visit_id


def test_rights_of_several_photos_are_set_at_once(window, qtbot, tmp_path):
    visit_id, panel = attach_three(window, qtbot, tmp_path)
    panel.grid.item(0).setSelected(True)
    panel.grid.item(2).setSelected(True)

    def fill(dialog):
        dialog.identifiable.setCurrentIndex(dialog.identifiable.findData("no"))
        dialog.allowed_use.setCurrentIndex(dialog.allowed_use.findData("reseau"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    accept_next_dialog(qtbot, fill)
    panel.set_rights_of_selection()
    photos = {p.original_name: p for p in panel.library.list_photos(visit_id)}
    assert photos["p0.jpg"].identifiable_people is False
    assert photos["p2.jpg"].identifiable_people is False
    assert photos["p0.jpg"].allowed_use == photos["p2.jpg"].allowed_use == "reseau"
    assert photos["p1.jpg"].needs_review  # not selected: unchanged
    assert "2 photo(s)" in panel.report.text()
