"""Benchmark: a restore on the app's data service, the state before it merged in
(core/backups/restore_sync.py).

Run: .venv/bin/python tests/benchmarks/restore.py [--visits 10000] [--edited 100]
Prints, against a raw copy of the same database measured in the same run (median of 5):
- a restore of a backup with nothing edited since (the merge finds no record to read);
- a restore with --edited visits edited since the backup (each run edits them again
  first, untimed): those fields set back as an edit of this laptop.
Run it on the code before the change (another checkout) for the « before » figure. The
data folder is built once and cached in <tmp>/carnet-bench.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.backups import making as backup  # noqa: E402
from desktop.core.backups import restore as backup_restore  # noqa: E402
from desktop.core.storage.data_dir import DATABASE_NAME  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402
from tests.benchmarks.dataset import build  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "carnet-bench"
REPEAT = 5


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=10000)
    parser.add_argument("--edited", type=int, default=100)
    options = parser.parse_args()
    source = build(CACHE / f"big-{options.visits}", options.visits)
    work = Path(tempfile.mkdtemp(prefix="carnet-bench-restore-"))
    try:
        data = work / "data"  # a copy: the cached folder stays as it is
        data.mkdir()
        db_path, folder = data / DATABASE_NAME, work / "backups"
        shutil.copyfile(source / DATABASE_NAME, db_path)
        workspace = open_workspace(data)
        try:
            figures = measure(workspace, db_path, folder, work, options.edited)
        finally:
            workspace.close()
        raw, unchanged, edited = figures
        print(f"Database: {options.visits} visits, {db_path.stat().st_size / 1e6:.1f} MB")
        lines = (
            ("Raw file copy (baseline)", raw),
            ("Restore, nothing edited since", unchanged),
            (f"Restore, {options.edited} visits edited since", edited),
        )
        for label, seconds in lines:
            print(f"{label:<36}: {seconds * 1000:7.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(workspace, db_path: Path, folder: Path, work: Path, count: int) -> tuple:
    conn = workspace.db.conn
    ids = [row[0] for row in conn.execute("SELECT id FROM visits ORDER BY id LIMIT ?", (count,))]
    made = backup.make_backup(db_path, folder)
    raws, unchanged, edited = [], [], []
    for run in range(REPEAT):
        started = time.perf_counter()
        shutil.copyfile(db_path, work / f"raw-{run}.sqlite")
        raws.append(time.perf_counter() - started)
        unchanged.append(timed_restore(workspace, made, db_path, folder))
        for n, visit_id in enumerate(ids):
            workspace.store.update_visit(visit_id, {"obstacles": f"Modifié ({run}, {n})"})
        edited.append(timed_restore(workspace, made, db_path, folder))
    return tuple(statistics.median(samples) for samples in (raws, unchanged, edited))


def timed_restore(workspace, made, db_path: Path, folder: Path) -> float:
    started = time.perf_counter()
    backup_restore.restore(made.path, db_path, folder, service=workspace.service)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
