"""Benchmark: the first run's name given over many visits signed with the login name.

Run: .venv/bin/python tests/benchmarks/first_run_resign.py [--visits 10000] [--old]
On a copy of the benchmark data folder (every visit signed with the login name), a real
main window (offscreen) with a visit open types a character every 20 ms into « Modèle
économique » while a 10 ms timer measures the longest gap of the event loop. Printed:
- typing with nothing running (the baseline);
- typing while the visits take the name (core/storage/resigning.py, in the background),
  how long the job took, and an autosave's round trip meanwhile (median, worst);
- with --old, on another copy, the former way (update_visit per visit, in one
  transaction, as set_identity did on the UI thread): the window was frozen that long.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import create_window  # noqa: E402
from desktop.core.storage.identity import set_identity  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "carnet-bench"


def copy_of(source: Path, target: Path) -> Path:
    """The cached folder's database, copied with SQLite's backup (never a raw copy)."""
    target.mkdir(parents=True)
    with (
        sqlite3.connect(source / "carnet.sqlite") as src,
        sqlite3.connect(target / "carnet.sqlite") as dst,
    ):
        src.backup(dst)
    return target


def typing_stall(box, start, finished, least_s: float = 1.0) -> float:
    from ui_stall import typing_stall as stall  # beside this script

    return stall(box, start, finished, least_s)


def autosaves(workspace, visit_id: str, running) -> tuple[list[float], threading.Thread]:
    """Round trips of one-field saves through the writer while running() (a thread)."""
    times: list[float] = []

    def loop() -> None:
        index = 0
        while running():
            started = time.perf_counter()
            workspace.service.call(
                lambda w, i=index: w.store.update_visit(visit_id, {"strengths": f"v{i}"})
            )
            times.append(time.perf_counter() - started)
            index += 1
            time.sleep(0.2)

    thread = threading.Thread(target=loop)
    thread.start()
    return times, thread


def old_way(folder: Path) -> tuple[float, int]:
    """The former set_identity, timed: every visit's JSON read, update_visit per visit."""
    import json

    workspace = open_workspace(folder)
    try:
        started = time.perf_counter()

        def resign(writer) -> int:
            store, device = writer.store, writer.store.author.device_id
            rows = store.db.conn.execute(
                "SELECT id, data, template_id FROM visits WHERE created_device = ?", (device,)
            ).fetchall()
            previous, count = store.author.user_name, 0
            for record_id, data, template_id in rows:
                key = store.templates.template_or_visit(template_id).author_key
                if key and json.loads(data).get(key) == previous:
                    store.update_visit(record_id, {key: "Camille Martin"})
                    count += 1
            return count

        count = workspace.service.call(resign)
        return time.perf_counter() - started, count
    finally:
        workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=10000)
    parser.add_argument("--old", action="store_true")
    args = parser.parse_args()
    from dataset import build, folder

    source = build(folder(CACHE, args.visits), args.visits)
    work = Path(tempfile.mkdtemp(prefix="carnet-resign-"))
    print(f"load {os.getloadavg()[0]:.2f}", flush=True)
    _app = QApplication.instance() or QApplication([])  # kept alive for the run
    workspace = open_workspace(copy_of(source, work / "new"))
    window = create_window(workspace)
    window.sync.stop()
    window.show()
    venue_id, visit_id = workspace.db.conn.execute(
        "SELECT venue_id, id FROM visits ORDER BY rowid DESC LIMIT 1"
    ).fetchone()
    window.open_visit(visit_id, venue_id)  # its venue's list reloads after each batch
    box = window.visit_editor.form.editor("economic_notes").box
    box.setFocus()

    idle = typing_stall(box, lambda: None, lambda: True)
    print(f"Typing, nothing running          : longest stall {idle:5.0f} ms", flush=True)

    state = {"started": 0.0, "took": 0.0, "signed": 0}
    window.resigning.finished.connect(
        lambda n: state.update(took=time.perf_counter() - state["started"], signed=n)
    )

    def give_name() -> None:
        state["started"] = time.perf_counter()
        set_identity(workspace, "Camille Martin")  # what the first run's dialog does
        window.resigning.start()

    saves, thread = autosaves(workspace, visit_id, lambda: not state["took"])
    busy = typing_stall(box, give_name, lambda: bool(state["took"]))
    thread.join()
    print(f"Typing, visits taking the name   : longest stall {busy:5.0f} ms  "
          f"×{busy / max(idle, 1):.1f}  ({state['signed']} visits in {state['took']:.1f} s)",
          flush=True)  # fmt: skip
    if saves:
        print(f"Autosave round trip meanwhile    : median {statistics.median(saves) * 1000:5.0f} ms"
              f", worst {max(saves) * 1000:5.0f} ms ({len(saves)} saves)")  # fmt: skip
    window.close()
    workspace.close()
    if args.old:
        took, count = old_way(copy_of(source, work / "old"))
        print(f"Former way (UI thread frozen)    : {count} visits in {took:.1f} s", flush=True)
    print(f"load {os.getloadavg()[0]:.2f}", flush=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
