"""A read-only data folder opens read-only: reading works, writing is refused in French."""

from __future__ import annotations

import json
import sqlite3

from desktop.core.privacy.rights_review import DONE_KEY
from tests.headless import run_carnet as carnet
from tests.read_only_folder import read_only


def test_read_commands_work_and_writes_are_refused(tmp_path):
    data = tmp_path / "data"
    venue = carnet(data, "new-venue", "--name", "La Ferme du Bourg").stdout.strip()
    visit = carnet(data, "new-visit", venue, "--date", "2026-11-20").stdout.strip()
    before = (data / "carnet.sqlite").read_bytes()
    with read_only(data):
        listed = carnet(data, "list")
        assert listed.returncode == 0 and "La Ferme du Bourg" in listed.stdout, listed.stderr
        assert json.loads(carnet(data, "show", visit).stdout)["id"] == visit
        checked = carnet(data, "check")
        assert checked.returncode == 0 and "Base et modèles : OK" in checked.stdout
        exported = carnet(data, "export", "--format", "json", "-o", str(tmp_path / "e.json"))
        assert exported.returncode == 0 and (tmp_path / "e.json").is_file()
        assert carnet(data, "pdf", visit, "-o", str(tmp_path / "f.pdf")).returncode == 0
        for command in (["new-venue", "--name", "X"], ["set", visit, "visit_type=suivi"]):
            refused = carnet(data, *command)
            assert refused.returncode == 2 and "Traceback" not in refused.stderr
            assert "est en lecture seule" in refused.stderr
            assert "endommagée" not in refused.stderr  # never called damaged
    assert (data / "carnet.sqlite").read_bytes() == before


def test_a_folder_from_before_the_photo_review_opens_read_only(tmp_path):
    """The one-time review of old photos writes: on a read-only folder it waits."""
    data = tmp_path / "data"
    carnet(data, "new-venue", "--name", "La Ferme du Bourg")
    with sqlite3.connect(data / "carnet.sqlite") as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (DONE_KEY,))
    conn.close()
    with read_only(data):
        listed = carnet(data, "list")
        assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
