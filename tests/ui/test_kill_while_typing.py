"""kill -9 of the app while typing loses at most the last second, never the database."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.workspace import open_workspace
from tests.ui.typing_app import FIELD, typed_text

SCRIPT = Path(__file__).with_name("typing_app.py")
RUNS = 20
DURABILITY_S = 1.0


def run_and_kill(data_dir: Path, visit_id: str, run: int, rng: random.Random):
    """Start the typing app, kill it at a random moment; (kill time, typed lines)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CARNET_NO_BOOTSTRAP": "1"}
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(data_dir), visit_id, str(run)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in process.stdout:
            lines.append(line.strip())
            if line.strip() == "ready":
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), "the app did not start"
    time.sleep(rng.uniform(0.2, 1.8))
    killed_at = time.time()
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join(5)
    typed = [tuple(map(float, line.split())) for line in lines if line != "ready"]
    return killed_at, typed


def test_sigkill_at_random_moments_loses_at_most_the_last_second(tmp_path):
    data_dir = tmp_path / "donnees"
    workspace = open_workspace(data_dir)
    venue = workspace.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit_id = workspace.store.create_visit(venue.id, "2025-02-11").id
    workspace.close()
    rng = random.Random(20251125)
    stored = ""
    for run in range(RUNS):
        killed_at, typed = run_and_kill(data_dir, visit_id, run, rng)
        with sqlite3.connect(data_dir / DATABASE_NAME) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            row = db.execute("SELECT json_extract(data, ?) FROM visits WHERE id = ?",
                             (f"$.{FIELD}", visit_id)).fetchone()  # fmt: skip
        now_stored = row[0] or ""
        safe = max((int(n) for n, at in typed if at <= killed_at - DURABILITY_S), default=0)
        everything = stored + typed_text(run, len(typed))
        assert everything.startswith(now_stored), f"run {run}: stored text is not what was typed"
        assert len(now_stored) >= len(stored) + safe, (
            f"run {run}: {safe} characters typed over a second before the kill, "
            f"only {len(now_stored) - len(stored)} stored"
        )
        stored = now_stored
    assert len(stored) > RUNS  # the runs really typed and saved
