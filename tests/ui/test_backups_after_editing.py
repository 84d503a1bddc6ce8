"""Backups that mean something: one after editing stops, one at closing when anything
changed, a second destination (USB key) that receives them with the photos and documents,
and a restore dialog that says what each backup holds."""

import shutil

from PIL import Image

from desktop.core.backups import info as backup_info
from desktop.core.backups import restore as backup_restore
from desktop.core.backups.second_copy import SETTING as SECOND
from desktop.core.media.photos import PhotoLibrary
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.workspace import open_workspace
from desktop.ui.dialogs.restore_dialog import RestoreDialog


def _photo(path, colour=(40, 120, 200)):
    Image.new("RGB", (640, 480), colour).save(path, "JPEG", quality=90)
    return path


def _started(window, qtbot, idle_ms=200):
    controller = window.backups
    controller.idle.setInterval(idle_ms)
    controller.start()  # as the app does after showing the window: today's backup
    qtbot.waitUntil(lambda: controller.last is not None and not controller.busy, timeout=5000)
    return controller


def _backups(window):
    return backup_info.list_backups(window.backups.folder())


def test_a_backup_follows_when_editing_stops(window, qtbot):
    controller = _started(window, qtbot)
    first = controller.last
    assert first.visits == 0
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    window.store.create_visit(venue.id, "2025-02-11")
    qtbot.waitUntil(lambda: controller.last is not first and not controller.busy, timeout=5000)
    assert (controller.last.venues, controller.last.visits) == (1, 1)
    assert not controller.changed
    assert len(_backups(window)) == 2  # the first of the day is kept too (5 most recent)


def test_nothing_changed_means_no_backup_after_a_pause_or_at_closing(open_window, qtbot):
    window = open_window()
    controller = _started(window, qtbot)
    qtbot.wait(400)  # past the idle delay
    window.close()
    assert len(backup_info.list_backups(controller.folder())) == 1


def test_closing_makes_a_backup_when_something_changed(open_window, qtbot):
    window = open_window()
    controller = _started(window, qtbot, idle_ms=60_000)  # no pause long enough
    venue = window.store.create_venue({"name": "La Ruche", "commune": "Aubusson"})
    window.store.create_visit(venue.id, "2025-03-14")
    qtbot.waitUntil(lambda: controller.changed)
    folder = controller.folder()
    window.close()
    newest = backup_info.list_backups(folder)[0]
    assert (newest.venues, newest.visits) == (1, 1)


def test_the_second_destination_gets_the_backups_with_their_photos(window, qtbot, tmp_path):
    usb = tmp_path / "CLE_USB"
    usb.mkdir()
    window.workspace.set_setting(SECOND, str(usb))
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    PhotoLibrary(window.store, window.workspace.media).attach_files(
        visit.id,
        [_photo(tmp_path / "IMG_0001.jpg"), _photo(tmp_path / "IMG_0002.jpg", (200, 90, 30))],
    )
    controller = _started(window, qtbot)
    on_usb = backup_info.list_backups(usb)
    assert len(on_usb) == 1 and on_usb[0].media_included and on_usb[0].photos == 2
    assert (usb / "media" / "originals").is_dir()
    local = _backups(window)[0]
    assert not local.media_included and local.media_files == on_usb[0].media_files
    assert "Copie avec les photos et documents" in window.statusBar().currentMessage()

    dialog = RestoreDialog(usb, controller.change_folder, window)
    qtbot.addWidget(dialog)
    row = dialog.backups.topLevelItem(0)
    assert row.text(1) == "1 lieu, 1 fiche, 2 photos" and row.text(2) == "inclus"
    dialog.folder = controller.folder()
    dialog.reload()
    assert dialog.backups.topLevelItem(0).text(2) == "non inclus (dossier des données)"


def test_a_lost_laptop_is_restored_from_the_key_with_its_photos(window, qtbot, tmp_path):
    usb = tmp_path / "CLE_USB"
    usb.mkdir()
    window.workspace.set_setting(SECOND, str(usb))
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    PhotoLibrary(window.store, window.workspace.media).attach_files(
        visit.id, [_photo(tmp_path / "IMG_0001.jpg")]
    )
    _started(window, qtbot)
    new_laptop = tmp_path / "nouvel-ordinateur"
    fresh = open_workspace(new_laptop)
    fresh.close()
    key_backup = backup_info.list_backups(usb)[0]
    report = backup_restore.restore(
        key_backup.path, new_laptop / DATABASE_NAME, new_laptop / "backups"
    )
    assert report.missing_media == []
    restored = open_workspace(new_laptop)
    try:
        photos = PhotoLibrary(restored.store, restored.media).list_photos(visit.id)
        assert len(photos) == 1
        assert list((new_laptop / "media" / "originals").rglob("*.jpg"))
    finally:
        restored.close()


def test_a_removed_key_is_said_in_french_and_the_backup_is_made(window, qtbot, tmp_path):
    usb = tmp_path / "CLE_USB"
    usb.mkdir()
    window.workspace.set_setting(SECOND, str(usb))
    shutil.rmtree(usb)  # the key is pulled out
    controller = _started(window, qtbot)
    message = window.statusBar().currentMessage()
    assert message.startswith("Seconde copie non faite") and str(usb) in message
    assert "La sauvegarde sur cet ordinateur est faite" in message
    assert not usb.exists()  # never recreated: it would fill the laptop's own disk
    assert len(_backups(window)) == 1 and controller.second_problem
    usb.mkdir()  # plugged in again: the next backup completes the copy
    window.store.create_venue({"name": "La Ruche", "commune": "Aubusson"})
    qtbot.waitUntil(lambda: bool(backup_info.list_backups(usb)), timeout=5000)
    qtbot.waitUntil(lambda: not controller.busy)
    assert controller.second_problem == ""


def test_the_second_destination_is_chosen_in_the_preferences(window, qtbot, tmp_path):
    from desktop.ui.controllers.preferences_flow import edit_preferences
    from tests.ui.conftest import accept_next_dialog

    usb = tmp_path / "DISQUE"
    usb.mkdir()
    refused = []

    def inside_data_folder(dialog):
        from PySide6.QtWidgets import QMessageBox

        dialog.second.setText(str(window.workspace.data_dir / "copie"))
        (window.workspace.data_dir / "copie").mkdir()
        original = QMessageBox.warning
        QMessageBox.warning = lambda *args: refused.append(args[2])
        try:
            dialog.accept()
        finally:
            QMessageBox.warning = original
        dialog.second.setText(str(usb))
        dialog.accept()

    accept_next_dialog(qtbot, inside_data_folder)
    edit_preferences(window.context, lambda: None, window.resigning)
    assert "autre disque" in refused[0]
    assert window.workspace.setting(SECOND) == str(usb)


def test_backup_now_with_the_key_removed_says_it_in_a_dialog(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window.workspace.set_setting(SECOND, str(tmp_path / "CLE_RETIREE"))
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    window.backups.backup_now()
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert "Sauvegarde enregistrée" in said[0] and "Seconde copie non faite" in said[0]
    assert len(_backups(window)) == 1 and not (tmp_path / "CLE_RETIREE").exists()
