"""QA finding (session 8): a restore brings back the backup's shared folder.

A laptop syncs with folder A, is backed up, then the network moves to folder B
(Préférences › Dossier partagé, or `sync --shared B`). A visit made after that goes to B.
The backup is restored: the laptop now syncs with A again, silently. Its restore (the
visit to the trash) is published to A, which nobody reads any more, and B keeps the visit
live with its sheet: colleagues on B never see the restore, and later work goes to A.
Seen by hand in the app too (Préférences showed the new folder before the restore)."""

import json
import sqlite3

from tests.headless import run_carnet


def shared_folder(data_dir) -> str:
    with sqlite3.connect(f"file:{data_dir / 'carnet.sqlite'}?mode=ro", uri=True) as db:
        return db.execute("SELECT value FROM meta WHERE key = 'shared_folder'").fetchone()[0]


def live_visits_in(share) -> list[str]:
    live = []
    for path in (share / "Carnet" / "devices").glob("*/records/visits/*.json"):
        for visit in json.loads(path.read_text("utf-8"))["visits"]:
            if visit["deleted_at"] is None:
                live.append(visit["id"])
    return live


def test_a_restore_keeps_the_shared_folder_chosen_since_the_backup(tmp_path):
    laptop, old_share, new_share = tmp_path / "laptop", tmp_path / "A", tmp_path / "B"
    old_share.mkdir()
    new_share.mkdir()
    venue = run_carnet(laptop, "new-venue", "--name", "Lieu", "--commune", "Tulle").stdout.strip()
    assert run_carnet(laptop, "sync", "--shared", str(old_share)).returncode == 0
    backup = tmp_path / "avant.sqlite"
    assert run_carnet(laptop, "backup", "-o", str(backup)).returncode == 0
    assert run_carnet(laptop, "sync", "--shared", str(new_share)).returncode == 0
    visit = run_carnet(laptop, "new-visit", venue).stdout.strip()
    assert run_carnet(laptop, "sync").returncode == 0
    assert visit in live_visits_in(new_share)

    assert run_carnet(laptop, "restore", str(backup)).returncode == 0
    assert run_carnet(laptop, "sync").returncode == 0

    assert shared_folder(laptop) == str(new_share)
    assert visit not in live_visits_in(new_share)  # the restore reached the network's folder
