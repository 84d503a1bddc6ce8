"""Benchmark: the UI thread while typing, idle and during heavy background writes (issue 10).

Run: .venv/bin/python tests/benchmarks/ui_stall.py [--files-devices 20 --per-device 500]
A real main window (offscreen) types a character every 20 ms into « Modèle économique »
and a 10 ms timer measures the longest gap of the event loop. Printed, in one run:
- typing with nothing running (the baseline);
- typing during a first import of a share of 10,000 colleague files (sync pass);
- typing during an import of 100 camera photos;
- an autosave's round trip through the data service (median, idle).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import create_window  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402


def typing_stall(box, start, finished, least_s: float = 2.0) -> float:
    """Longest gap (ms) between 10 ms ticks while typing, from start() until finished().
    On a local event loop: app.quit() would close the windows (Qt 6 closes them on quit),
    which stops what runs at closing (first_run_resign.py's re-signing)."""
    clock, gaps, last, loop = QElapsedTimer(), [], [0], QEventLoop()
    clock.start()
    began = time.perf_counter()
    ticker, typist = QTimer(), QTimer()
    ticker.setInterval(10)
    typist.setInterval(20)

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now
        if finished() and time.perf_counter() - began > least_s:
            loop.quit()

    def type_one() -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "é")
            QApplication.sendEvent(box, event)

    ticker.timeout.connect(tick)
    typist.timeout.connect(type_one)
    ticker.start()
    typist.start()
    QTimer.singleShot(0, start)
    loop.exec()
    ticker.stop()
    typist.stop()
    return max(gaps[2:] or [0])


def hundred_photos(folder: Path) -> list[Path]:
    from photos import make_photos

    originals = make_photos(Path(tempfile.gettempdir()) / "carnet-bench" / "photos-12mp")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(100):  # distinct files (one more byte each), camera-sized
        path = folder / f"IMG_{index:04d}.jpg"
        path.write_bytes(originals[index % len(originals)].read_bytes() + bytes([index]))
        paths.append(path)
    return paths


def autosave_round_trip(window, visit_id: str) -> float:
    service, times = window.workspace.service, []
    for index in range(30):
        started = time.perf_counter()
        service.call(lambda w, i=index: w.store.update_visit(visit_id, {"strengths": f"v{i}"}))
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--per-device", type=int, default=500)
    args = parser.parse_args()
    from sync import cached_share

    share, files = cached_share(args.devices, args.per_device)
    _app = QApplication.instance() or QApplication([])  # kept alive for the whole run
    data = Path(tempfile.mkdtemp(prefix="carnet-stall-"))
    workspace = open_workspace(data / "d")
    workspace.set_setting("shared_folder", str(share))
    window = create_window(workspace)
    window.sync.stop()  # passes are started by hand below
    window.show()
    venue = workspace.store.create_venue({"name": "Banc d'essai", "commune": "Tulle"})
    visit = workspace.store.create_visit(venue.id, "2025-02-11")
    window.open_visit(visit.id, venue.id)
    box = window.visit_editor.form.editor("economic_notes").box
    box.setFocus()

    idle = typing_stall(box, lambda: None, lambda: True)
    print(f"Typing, nothing running            : longest stall {idle:5.0f} ms", flush=True)

    done = {"sync": False, "photos": False}

    def run_pass() -> None:
        from desktop.core.sync.engine import SyncEngine

        def work():
            copy = workspace.worker_copy()
            try:
                return SyncEngine(copy, share).run_pass(sheets=False)
            finally:
                copy.close()

        def finished(report) -> None:
            done["sync"] = True
            done["report"] = report

        window.runner.run(work, finished, lambda e: (done.update(sync=True), print(e)))

    started = time.perf_counter()
    busy = typing_stall(box, run_pass, lambda: done["sync"])
    report = done.get("report")
    imported = report.imported.created if report else 0
    print(f"Typing, first import of {files} files: longest stall {busy:5.0f} ms  "
          f"×{busy / max(idle, 1):.1f}  ({imported} records in {time.perf_counter() - started:.0f} s)",
          flush=True)  # fmt: skip

    photos = hundred_photos(data / "photos")
    panel = window.visit_editor.photos

    def attach() -> None:
        panel.attach_paths(photos)

    def attached() -> bool:
        return panel.running == 0 and panel.grid.count() >= len(photos)

    started = time.perf_counter()
    busy_photos = typing_stall(box, attach, attached)
    print(f"Typing, import of 100 photos       : longest stall {busy_photos:5.0f} ms  "
          f"×{busy_photos / max(idle, 1):.1f}  ({time.perf_counter() - started:.0f} s)",
          flush=True)  # fmt: skip
    window.visit_editor.flush()
    print(f"Autosave round trip (idle, median) : {autosave_round_trip(window, visit.id):5.1f} ms")
    window.close()
    workspace.close()
    shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
