"""The user is told once that this database took a fresh device id: at start (a copied
data folder, a restore by the headless command) and in the restore's own message."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QMessageBox

from desktop.app import create_window, tell_moved
from desktop.core.backups.info import read_backup_info
from desktop.core.backups.making import write_backup
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.device_binding import moved_notice
from desktop.core.storage.workspace import open_workspace
from desktop.core.sync.engine import SHARED_FOLDER, SyncEngine


def notices(window) -> list[str]:
    return [
        box.text()
        for box in window.findChildren(QMessageBox)
        if box.isVisible() and "identifiant d'appareil" in box.text()
    ]


def test_a_copied_data_folder_tells_its_new_device_id_once(qtbot, tmp_path):
    first = open_workspace(tmp_path / "donnees")
    first.set_setting("identity_confirmed", "1")
    old = first.store.author.device_id
    first.close()
    shutil.copytree(tmp_path / "donnees", tmp_path / "copie")
    for attempt in range(2):
        workspace = open_workspace(tmp_path / "copie")
        window = create_window(workspace)
        qtbot.addWidget(window)
        window.show()
        tell_moved(window)()
        shown = notices(window)
        if attempt == 0:
            [text] = shown
            assert workspace.store.author.device_id in text and old in text
            assert "Reprendre ses fiches (ordinateur retiré)" in text
        else:
            assert shown == []  # told once
        window.close()
        workspace.close()


def test_restoring_another_laptops_backup_says_so_in_the_restore_message(window, qtbot, tmp_path):
    laptop = open_workspace(tmp_path / "portable")
    laptop.store.create_venue({"name": "Le Tiers-Lieu du Moulin"})
    laptop_id = laptop.store.author.device_id
    copy = tmp_path / "cle-usb.sqlite"
    write_backup(laptop.data_dir / DATABASE_NAME, copy)
    laptop.close()
    shown = []
    window.backups.message_box = lambda title, text: shown.append(text)
    window.backups.restore(read_backup_info(copy))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    now = window.workspace.store.author.device_id
    assert now != laptop_id
    assert "restaurée" in shown[0] and now in shown[0] and laptop_id in shown[0]
    assert moved_notice(window.workspace.db) is None  # not told again at the next start


def test_after_such_a_restore_the_app_publishes_and_watches_its_new_folder(
    qtbot, tmp_path, data_dir, open_window
):
    share = tmp_path / "partage"
    share.mkdir()
    laptop = open_workspace(tmp_path / "portable")
    laptop.store.create_venue({"name": "Le Tiers-Lieu du Moulin"})
    laptop.set_setting(SHARED_FOLDER, str(share))
    assert SyncEngine(laptop, share).run_pass(sheets=False, set_up=True).ok
    copy = tmp_path / "cle-usb.sqlite"
    write_backup(laptop.data_dir / DATABASE_NAME, copy)
    laptop.close()
    office = open_workspace(data_dir)
    office.set_setting(SHARED_FOLDER, str(share))
    office.close()
    window = open_window()
    controller = window.sync.controller
    qtbot.waitUntil(lambda: controller.last_report is not None, timeout=15000)
    shown = []
    window.backups.message_box = lambda title, text: shown.append(text)
    window.backups.restore(read_backup_info(copy))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    now = window.workspace.store.author.device_id
    done = controller.last_report
    controller.sync_now()
    qtbot.waitUntil(lambda: controller.last_report is not done, timeout=15000)
    assert controller.last_report.ok
    assert controller.watcher.own_device.name == now
    assert (share / "Carnet" / "devices" / now / "records" / "venues").is_dir()
