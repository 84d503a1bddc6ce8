"""Benchmark: backups (issue: backups that always restore).

Run: .venv/bin/python tests/benchmarks/backup.py [--visits 10000]
Prints, each against baselines measured in the same run (median of 5):
- make_backup of a database of 10,000 visits (SQLite backup API, manifest, integrity
  check of the copy, fsync, rename; target under 2 s) against a raw file copy of the same
  database (shutil.copyfile: what a backup must not be, but the floor for the I/O) and
  VACUUM INTO;
- restore of that backup (pre-restore backup included), and the quick_check run at
  start, against the same raw copy.
The data folder is built once and cached in <tmp>/carnet-bench.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.backups import info as backup_info  # noqa: E402
from desktop.core.backups import making as backup  # noqa: E402
from desktop.core.backups import recovery as backup_recovery  # noqa: E402
from desktop.core.backups import restore as backup_restore  # noqa: E402
from desktop.core.storage.data_dir import DATABASE_NAME  # noqa: E402
from tests.benchmarks.dataset import build  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "carnet-bench"
REPEAT = 5


def median_time(function, repeat: int = REPEAT) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=10000)
    visits = parser.parse_args().visits
    source = build(CACHE / f"big-{visits}", visits)
    work = Path(tempfile.mkdtemp(prefix="carnet-bench-backup-"))
    try:
        data = work / "data"  # a copy: the cached folder stays as it is
        data.mkdir()
        shutil.copyfile(source / DATABASE_NAME, data / DATABASE_NAME)
        db_path, folder = data / DATABASE_NAME, work / "backups"
        size = db_path.stat().st_size
        counter = iter(range(10**6))

        def raw_copy() -> None:
            shutil.copyfile(db_path, work / f"raw-{next(counter)}.sqlite")

        def vacuum_into() -> None:
            conn = sqlite3.connect(str(db_path))
            conn.execute("VACUUM INTO ?", (str(work / f"vacuum-{next(counter)}.sqlite"),))
            conn.close()

        made: list[backup.BackupInfo] = []
        raw = median_time(raw_copy)
        vacuum = median_time(vacuum_into)
        ours = median_time(lambda: made.append(backup.make_backup(db_path, folder)))
        restore = median_time(lambda: backup_restore.restore(made[0].path, db_path, folder), 3)
        check = median_time(lambda: backup_recovery.damage_problem(db_path))
        thorough = median_time(lambda: backup_recovery.damage_problem(db_path, thorough=True))
        listing = median_time(lambda: backup_info.list_backups(folder))
        print(f"Database: {visits} visits, {size / 1e6:.1f} MB; {len(backup_info.list_backups(folder))}"
              " backups listed")  # fmt: skip
        print(f"Raw file copy (baseline)        : {raw * 1000:7.0f} ms")
        print(f"VACUUM INTO (baseline)          : {vacuum * 1000:7.0f} ms  ×{vacuum / raw:.2f}")
        print(f"make_backup (target < 2000 ms)  : {ours * 1000:7.0f} ms  ×{ours / raw:.2f}"
              f"  (×{ours / vacuum:.2f} VACUUM INTO)")  # fmt: skip
        print(f"restore (with its pre-restore)  : {restore * 1000:7.0f} ms  ×{restore / raw:.2f}")
        print(f"quick_check at start            : {check * 1000:7.0f} ms  ×{check / raw:.2f}")
        print(f"integrity_check                 : {thorough * 1000:7.0f} ms  ×{thorough / raw:.2f}")
        print(f"list_backups                    : {listing * 1000:7.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
