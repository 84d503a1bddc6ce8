"""Ctrl+Z right after Ctrl+Suppr brings the visit back (a QA finding).

Found by hand (xdotool, keyboard only): Entrée opens a visit, Ctrl+Suppr puts it in the
trash and the status bar says « Visite mise à la corbeille. Ctrl+Z pour annuler… ». The
venue's page is shown with the cursor in its « Nom » field, so the next Ctrl+Z goes to
that line edit (its own, empty, undo) and the visit stays in the trash. Had anything been
typed in « Nom » meanwhile, Ctrl+Z would undo that text instead. Édition › « Annuler la
suppression » (or Ctrl+Z once the focus is in a list) does bring it back. Offscreen, the
focus lands in the venue filter (« Filtrer les lieux… »), another line edit: same result.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_ctrl_z_after_deleting_the_open_visit_brings_it_back(window, qtbot):
    venue = window.store.create_venue({"name": "La Ferme de Chassagne", "commune": "Villefagnan"})
    record = window.store.create_visit(venue.id, "2026-10-13")
    window.browser.reload_venues()
    window.open_visit(record.id, venue.id)
    window.menus["delete_visit"].trigger()  # Ctrl+Suppr
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=3000)
    qtbot.wait(50)  # the venue's page takes the focus
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(500)
    assert window.store.get_visit(record.id).deleted_at is None, focus.accessibleName()


def test_ctrl_z_after_deleting_the_open_venue_brings_it_back(window, qtbot):
    venue = window.store.create_venue({"name": "La Ferme de Chassagne", "commune": "Villefagnan"})
    window.browser.reload_venues()
    window.open_venue(venue.id)  # its page, the cursor in its « Nom »
    window.records.delete_venue()
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=3000)
    qtbot.wait(50)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(500)
    assert venue.id in {v.id for v in window.store.list_venues()}
