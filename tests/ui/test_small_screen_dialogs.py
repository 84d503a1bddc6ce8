"""Every dialog fits a 1024×600 screen, its window frame included: its buttons in reach."""

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.ui import screen_fit
from desktop.ui.screen_fit import FRAME
from tests.core.test_pdf_sheet import attach_photos, jpeg

SCREEN = (1024, 600)
ROOM = (SCREEN[0] - FRAME[0], SCREEN[1] - FRAME[1])  # what a dialog's inside may take


def made_dialogs(window, tmp_path: Path) -> dict[str, QDialog]:
    """The app's dialogs, each built as its controller builds it, on real data."""
    from desktop.core.storage.directory_store import search_directory
    from desktop.ui.dialogs.error_dialog import ErrorDialog
    from desktop.ui.dialogs.export_dialog import ExportDialog
    from desktop.ui.dialogs.first_run_dialog import FirstRunDialog
    from desktop.ui.dialogs.new_venue_dialog import NewVenueDialog
    from desktop.ui.dialogs.pdf_dialog import PdfDialog
    from desktop.ui.dialogs.persons_dialog import PersonsDialog
    from desktop.ui.dialogs.photo_rights_dialog import PhotoRightsDialog
    from desktop.ui.dialogs.preferences_dialog import PreferencesDialog
    from desktop.ui.dialogs.recent_messages import RecentMessages
    from desktop.ui.dialogs.restore_dialog import RestoreDialog
    from desktop.ui.dialogs.search_dialog import SearchDialog
    from desktop.ui.dialogs.sheet_ready_dialog import SheetReadyDialog
    from desktop.ui.dialogs.sync_panel import SyncPanel
    from desktop.ui.dialogs.trash_dialog import TrashDialog
    from desktop.ui.views.photo_viewer import PhotoViewer

    workspace, store = window.workspace, window.store
    venue = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    visit_id = store.create_visit(venue.id, "2025-02-11").id
    photos = attach_photos(workspace, visit_id, [jpeg(tmp_path / "p.jpg", size=(4000, 3000))])
    library = window.visit_editor.photos.library
    trace = "\n".join(f'  File "carnet.py", line {n}, in f' for n in range(200))
    return {
        "error": ErrorDialog(trace, trace, tmp_path, window),
        "export": ExportDialog((venue.id, "Le Moulin Fabrique"), window),
        "first_run": FirstRunDialog({}, workspace.data_dir, window),
        "new_venue": NewVenueDialog(lambda q: search_directory(workspace.db, q), window),
        "pdf": PdfDialog(window),
        "persons": PersonsDialog(lambda name: None, lambda name: None, window),
        "photo_rights": PhotoRightsDialog(3, window),
        "preferences": PreferencesDialog({}, window, workspace.data_dir),
        "recent_messages": RecentMessages(window),
        "restore": RestoreDialog(tmp_path, lambda folder: folder, window),
        "search": SearchDialog(store.search_visits, window),
        "sheet_ready": SheetReadyDialog(tmp_path / "fiche.pdf", "", lambda url: True, window),
        "sync": SyncPanel(workspace, window),
        "trash": TrashDialog(store.list_trash, None, window),
        "photo_viewer": PhotoViewer(library, photos, photos[0], window),
    }


def fits(size) -> bool:
    return size.width() <= ROOM[0] and size.height() <= ROOM[1]


@pytest.fixture
def dialogs(window, tmp_path, monkeypatch):
    # The offscreen platform's screen is 800×800: the dialogs that size themselves on the
    # screen (screen_fit.py) are told of a netbook's instead.
    monkeypatch.setattr(screen_fit, "free_area", lambda _widget: QRect(0, 0, *SCREEN))
    made = made_dialogs(window, tmp_path)
    yield made
    for dialog in made.values():
        dialog.close()


def test_every_dialog_fits_a_1024_by_600_screen(dialogs):
    too_big = {}
    for name, dialog in dialogs.items():
        dialog.show()
        QApplication.processEvents()
        sizes = (dialog.size(), dialog.sizeHint(), dialog.minimumSizeHint())
        if not all(fits(size) for size in sizes):
            too_big[name] = [size.toTuple() for size in sizes]
    assert too_big == {}


def test_the_photo_viewer_is_no_larger_than_the_screen(dialogs):
    viewer = dialogs["photo_viewer"]
    assert viewer.size().toTuple() == (1000, ROOM[1])  # was 1000×720: past a 600-px screen


def test_the_long_message_boxes_fit_too(window):
    """The longest the app shows: the device notice (a copied data folder)."""
    from desktop.ui.controllers.device_notice import device_moved_text

    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Carnet",
        device_moved_text("4da27614a777", "3753620eba47"),
        parent=window,
    )
    box.show()
    QApplication.processEvents()
    assert fits(box.size()), box.size().toTuple()
    box.close()
