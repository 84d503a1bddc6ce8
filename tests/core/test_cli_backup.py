"""`python main.py --data-dir DIR backup [-o FICHIER]` and `restore FICHIER`, run for real."""

import re

from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.workspace import open_workspace
from tests.core.test_cli import refused


def venue_names(carnet) -> set[str]:
    result = carnet("list")
    assert result.returncode == 0, result.stderr
    return {line.split("\t")[1] for line in result.stdout.splitlines()}


def new_venue_with_visit(carnet, name: str) -> None:
    venue = carnet("new-venue", "--name", name, "--commune", "Felletin")
    assert venue.returncode == 0, venue.stderr
    assert carnet("new-visit", venue.stdout.strip(), "--date", "2025-03-14").returncode == 0


def test_help_lists_backup_and_restore(carnet):
    result = carnet("--help")
    for command in ("backup", "restore"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), command


def test_backup_then_restore_round_trip(carnet, tmp_path):
    new_venue_with_visit(carnet, "Le Moulin Fabrique")
    made = carnet("backup")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Sauvegarde : ")
    assert "1 lieu(x), 1 visite(s)" in made.stdout
    backups = list((tmp_path / "data" / "backups").glob("carnet-*.sqlite"))
    assert len(backups) == 1 and str(backups[0]) in made.stdout
    new_venue_with_visit(carnet, "Après la sauvegarde")
    assert venue_names(carnet) == {"Le Moulin Fabrique", "Après la sauvegarde"}
    restored = carnet("restore", str(backups[0]))
    assert restored.returncode == 0, restored.stderr
    assert "État précédent sauvegardé : " in restored.stdout
    assert "identifiant d'appareil" not in restored.stdout  # its own backup: same id
    # What was created after the backup is in the trash (core/backups/restore_sync.py).
    assert "Mis à la corbeille : 2 élément(s) créé(s) sur ce poste" in restored.stdout
    assert "synchronisé" not in restored.stdout  # no shared folder: nothing travels
    assert venue_names(carnet) == {"Le Moulin Fabrique"}
    pre = list((tmp_path / "data" / "backups").glob("carnet-*-avant-restauration.sqlite"))
    assert len(pre) == 1
    assert carnet("restore", str(pre[0])).returncode == 0  # and back
    assert venue_names(carnet) == {"Le Moulin Fabrique", "Après la sauvegarde"}
    assert carnet("check").returncode == 0


def test_restore_on_a_synced_laptop_says_that_colleagues_follow(carnet, tmp_path):
    """A laptop with a shared folder: the command says what the next sync does, and what
    it put back and in the trash."""
    share = tmp_path / "partage"
    share.mkdir()
    new_venue_with_visit(carnet, "Le Moulin Fabrique")
    assert carnet("sync", "--shared", str(share)).returncode == 0
    backup_file = tmp_path / "avant.sqlite"
    assert carnet("backup", "-o", str(backup_file)).returncode == 0
    visit_id = carnet("list").stdout.split("\t")[0]
    assert carnet("set", visit_id, "obstacles=Bail résilié").returncode == 0
    assert carnet("sync").returncode == 0
    assert "Bail résilié" in carnet("show", visit_id).stdout
    restored = carnet("restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert "Remis à l'état de la sauvegarde : 1 champ(s) modifié(s) sur ce poste" in (
        restored.stdout
    )
    assert "vos collègues verront aussi les fiches revenir à l'état de la sauvegarde" in (
        restored.stdout
    )
    assert carnet("sync").returncode == 0
    # Not undone by the sync (its own later file in the share has the edit).
    assert "Bail résilié" not in carnet("show", visit_id).stdout


def test_backup_to_a_chosen_file(carnet, tmp_path):
    new_venue_with_visit(carnet, "Le Moulin Fabrique")
    target = tmp_path / "clé-usb" / "ma-sauvegarde.sqlite"
    refused(carnet("backup", "-o", str(target)))  # no such folder
    target.parent.mkdir()
    made = carnet("backup", "-o", str(target))
    assert made.returncode == 0, made.stderr
    assert target.is_file()
    assert "existe déjà" in refused(carnet("backup", "-o", str(target)))
    other = tmp_path / "other"
    restored = carnet("restore", str(target), data_dir=other)
    assert restored.returncode == 0
    assert venue_names(lambda *a: carnet(*a, data_dir=other)) == {"Le Moulin Fabrique"}
    # Another data folder: it does not go on under the first one's device id.
    workspace = open_workspace(other)
    assert f"Nouvel identifiant d'appareil : {workspace.store.author.device_id}" in (
        restored.stdout
    )
    workspace.close()


def test_backup_refuses_the_shared_folder(carnet, tmp_path):
    carnet("list")
    workspace = open_workspace(tmp_path / "data")
    workspace.set_setting("shared_folder", str(tmp_path / "partage"))
    workspace.set_setting("backup_dir", str(tmp_path / "partage" / "sauvegardes"))
    workspace.close()
    assert "dossier partagé du réseau" in refused(carnet("backup"))
    (tmp_path / "partage").mkdir()
    assert "dossier partagé du réseau" in refused(
        carnet("backup", "-o", str(tmp_path / "partage" / "b.sqlite"))
    )


def test_restore_refuses_bad_input_and_changes_nothing(carnet, tmp_path):
    new_venue_with_visit(carnet, "Le Moulin Fabrique")
    assert "n'existe pas" in refused(carnet("restore", str(tmp_path / "absent.sqlite")))
    junk = tmp_path / "carnet-2025-03-14T090000.sqlite"
    junk.write_bytes(b"pas une sauvegarde" * 500)
    assert "lisible" in refused(carnet("restore", str(junk)))
    assert venue_names(carnet) == {"Le Moulin Fabrique"}
    assert not (tmp_path / "data" / "backups").exists()


def test_restore_repairs_a_damaged_data_folder(carnet, tmp_path):
    new_venue_with_visit(carnet, "Le Moulin Fabrique")
    assert carnet("backup").returncode == 0
    live = tmp_path / "data" / DATABASE_NAME
    damaged = b"\xde\xad" * 4000
    live.write_bytes(damaged)
    assert refused(carnet("list"))  # the damaged base is refused as before
    backup_file = next((tmp_path / "data" / "backups").glob("carnet-*.sqlite"))
    restored = carnet("restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert "endommagée" in restored.stdout
    aside = list((tmp_path / "data").glob(f"{DATABASE_NAME}.endommagé-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert venue_names(carnet) == {"Le Moulin Fabrique"}
