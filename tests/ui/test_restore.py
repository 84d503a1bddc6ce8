"""Backups from the app and a damaged database at start, as a facilitator meets them."""

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from desktop.core.backups import info as backup_info
from desktop.core.backups import making as backup
from desktop.core.backups.damage import BackgroundCheck
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.workspace import open_workspace
from desktop.ui.dialogs.damaged_start import open_or_recover
from desktop.ui.dialogs.restore_dialog import RestoreDialog
from tests.ui.conftest import accept_next_dialog


def counts(venues, visits, photos=0):
    """« 1 lieu, 2 fiches, 0 photo », as the French catalogue says it, or its source
    « lieu(x) »."""
    return re.compile(
        rf"{venues} lieux?(\(x\))?, {visits} fiches?(\(s\))?, {photos} photos?(\(s\))?"
    )


def add_venue(window, name):
    venue = window.store.create_venue({"name": name, "commune": "Felletin"})
    window.browser.reload_venues()
    return venue


def venue_names(window):
    return [venue.name for venue in window.browser.venues.venues]


def backups_of(window):
    return backup_info.list_backups(window.backups.folder())


def test_file_menu_offers_backup_and_restore(window):
    texts = {action.text() for action in window.findChildren(QAction)}
    assert "&Sauvegarder maintenant" in texts
    assert "&Restaurer une sauvegarde…" in texts


def test_backup_now_runs_in_the_background_and_the_dialog_lists_its_content(window, qtbot):
    venue = add_venue(window, "Le Moulin Fabrique")
    window.store.create_visit(venue.id, "2025-03-14")
    window.store.create_visit(venue.id, "2025-04-02")
    window.backups.backup_now()
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    assert "Sauvegarde enregistrée" in window.statusBar().currentMessage()
    dialog = RestoreDialog(window.backups.folder(), window.backups.change_folder, window)
    qtbot.addWidget(dialog)
    assert dialog.backups.topLevelItemCount() == 1
    row = dialog.backups.topLevelItem(0)
    assert counts(1, 2).fullmatch(row.text(1))
    assert not dialog.restore_button.isEnabled()  # nothing selected yet
    dialog.select(0)
    assert dialog.restore_button.isEnabled()


def test_restore_after_confirmation_keeps_the_current_state_and_reloads_the_window(window, qtbot):
    add_venue(window, "Le Moulin Fabrique")
    window.backups.backup_now()
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    later = add_venue(window, "Après la sauvegarde")
    window.browser.select_venue(later.id)
    window.show_venue(later.id)
    assert venue_names(window) == ["Après la sauvegarde", "Le Moulin Fabrique"]
    shown = []
    window.backups.message_box = lambda title, text: shown.append(text)
    asked = []

    def refuse_then_accept(dialog):
        dialog.select(0)
        dialog.confirm = lambda info: asked.append(info) or len(asked) > 1
        dialog.restore_button.click()  # refused: nothing happens, the dialog stays
        assert dialog.isVisible()
        dialog.restore_button.click()

    accept_next_dialog(qtbot, refuse_then_accept)
    window.backups.choose_and_restore()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    # The lists follow the data service's broadcast of the restore.
    qtbot.waitUntil(lambda: venue_names(window) == ["Le Moulin Fabrique"], timeout=3000)
    assert window.pages.currentWidget() is window.welcome
    assert "restaurée" in shown[0] and counts(1, 0).search(shown[0])
    assert "avant-restauration" in shown[0]
    pre = [info for info in backups_of(window) if info.label == "avant restauration"]
    assert len(pre) == 1 and pre[0].venues == 2
    # The window goes on working on the restored base.
    add_venue(window, "Encore un lieu")
    assert len(venue_names(window)) == 2


def test_on_a_synced_laptop_the_restore_says_that_colleagues_follow(window, qtbot, tmp_path):
    """The confirmation says what the next sync does; the message, what was put back and
    what went to the trash (core/backups/restore_sync.py)."""
    share = tmp_path / "partage"
    share.mkdir()
    window.workspace.set_setting("shared_folder", str(share))
    kept = add_venue(window, "Le Moulin Fabrique")
    window.backups.backup_now()
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    window.store.update_venue(kept.id, {"commune": "Aubusson"})
    later = add_venue(window, "Après la sauvegarde")
    shown, asked = [], []
    window.backups.message_box = lambda title, text: shown.append(text)

    def confirm(dialog):
        dialog.select(0)
        dialog.confirm = lambda info: asked.append(dialog.confirmation_text(info)) or True
        dialog.restore_button.click()

    accept_next_dialog(qtbot, confirm)
    window.backups.choose_and_restore()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "vos collègues verront aussi les fiches revenir à l'état de la sauvegarde" in asked[0]
    assert re.search(r"1 champs?(\(s\))? modifiés?(\(s\))? sur ce poste", shown[0])
    assert re.search(r"1 éléments?(\(s\))? créés?(\(s\))? .* dans la corbeille", shown[0])
    assert "Vos collègues verront aussi ces changements" in shown[0]
    assert window.store.get_venue(kept.id).data["commune"] == "Felletin"
    assert window.store.get_venue(later.id).deleted_at is not None  # kept, in the trash
    # Published like any edit, a few seconds later (not at the next minute's pass).
    assert window.sync.controller.publish_timer.isActive()


def test_without_a_shared_folder_the_confirmation_says_nothing_of_colleagues(window, tmp_path):
    dialog = RestoreDialog(tmp_path, lambda folder: folder, window)
    made = backup.make_backup(window.workspace.data_dir / DATABASE_NAME, tmp_path)
    assert "collègues" not in dialog.confirmation_text(made)
    assert "avant restauration" in dialog.confirmation_text(made)


def test_automatic_backup_after_start_once_a_day(window, qtbot):
    add_venue(window, "Le Moulin Fabrique")
    window.backups.start()
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    assert window.backups.timer.isActive()
    message = window.statusBar().currentMessage()
    assert "Sauvegarde automatique faite" in message and counts(1, 0).search(message)
    first = window.backups.last
    window.backups.automatic()  # the hourly check, the same day: nothing new
    window.runner.wait(5000)
    qtbot.waitUntil(lambda: not window.backups.busy, timeout=5000)
    assert window.backups.last is first
    assert len(backups_of(window)) == 1


def test_a_backup_folder_in_the_shared_folder_is_refused_with_a_message(window, qtbot, tmp_path):
    window.workspace.set_setting("shared_folder", str(tmp_path / "partage"))
    dialog = RestoreDialog(window.backups.folder(), window.backups.change_folder, window)
    qtbot.addWidget(dialog)
    dialog.pick_folder = lambda: str(tmp_path / "partage" / "sauvegardes")
    warned = []
    accept_next_dialog(qtbot, lambda box: (warned.append(box.text()), box.close()))
    dialog.folder_button.click()
    assert "dossier partagé du réseau" in warned[0]
    dialog.pick_folder = lambda: str(tmp_path / "disque-externe")
    dialog.folder_button.click()
    assert dialog.folder == (tmp_path / "disque-externe").resolve()
    assert window.workspace.setting("backup_dir") == str(dialog.folder)


# ----------------------------------------------------------------- a damaged database at start


@pytest.fixture
def saved(data_dir):
    """A data folder with one venue, a backup of it, then a second venue; closed."""
    ws = open_workspace(data_dir)
    ws.store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    backup.make_backup(ws.data_dir / DATABASE_NAME, ws.data_dir / "backups")
    ws.store.create_venue({"name": "Après la sauvegarde", "commune": "Felletin"})
    ws.close()
    return ws.data_dir


def garbage(path: Path) -> bytes:
    path.write_bytes(b"\x00\xff pas une base " * 512)
    return path.read_bytes()


def truncated(path: Path) -> bytes:
    path.write_bytes(path.read_bytes()[:8192])
    return path.read_bytes()


def click(qtbot, button_text, seen):
    """Click the message box's button named button_text once it shows; keep its text."""

    def fill(box):
        seen.append(f"{box.text()}\n{box.informativeText()}")
        next(b for b in box.buttons() if b.text() == button_text).click()

    accept_next_dialog(qtbot, fill)


@pytest.mark.parametrize("damage", [garbage, truncated])
@pytest.mark.parametrize("early", [False, True], ids=["checked-here", "checked-on-a-thread"])
def test_damaged_base_at_start_restores_the_latest_backup_and_keeps_the_damaged_file(
    qtbot, saved, damage, early
):
    live = saved / DATABASE_NAME
    damaged_bytes = damage(live)
    seen, informed = [], []
    click(qtbot, "Restaurer la sauvegarde", seen)
    check = BackgroundCheck(live.resolve()) if early else None  # as entry.py starts it
    workspace = open_or_recover(saved, inform=informed.append, check=check)
    try:
        assert [v.name for v in workspace.store.list_venues()] == ["Le Moulin Fabrique"]
    finally:
        workspace.close()
    assert "La base de données est endommagée" in seen[0]
    assert "La dernière sauvegarde date du" in seen[0] and counts(1, 0).search(seen[0])
    assert "jamais effacé" in seen[0]
    aside = list(saved.glob(f"{DATABASE_NAME}.endommagé-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes
    assert "a été restaurée" in informed[0] and counts(1, 0).search(informed[0])


def test_damaged_base_without_backup_starts_empty_and_keeps_the_damaged_file(qtbot, data_dir):
    open_workspace(data_dir).close()
    damaged_bytes = garbage(data_dir / DATABASE_NAME)
    seen, informed = [], []
    click(qtbot, "Démarrer avec une base vide", seen)
    workspace = open_or_recover(data_dir, inform=informed.append)
    try:
        assert workspace.store.list_venues() == []
    finally:
        workspace.close()
    assert "Aucune sauvegarde n'a été trouvée" in seen[0]
    assert "base vide" in informed[0]
    aside = list(data_dir.glob(f"{DATABASE_NAME}.endommagé-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes


def test_quitting_at_the_damage_message_changes_nothing(saved):
    live = saved / DATABASE_NAME
    damaged_bytes = garbage(live)
    asked = []
    ask = lambda problem, latest, path: asked.append((problem, latest, path)) and False  # noqa: E731
    assert open_or_recover(saved, ask=ask) is None
    problem, latest, path = asked[0]
    assert problem and latest is not None and path == live.resolve()
    assert live.read_bytes() == damaged_bytes
    assert not list(saved.glob(f"{DATABASE_NAME}.endommagé-*"))
