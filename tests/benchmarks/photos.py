"""Benchmark: attaching 20 photos of 12 MP (issue 3).

Run: .venv/bin/python tests/benchmarks/photos.py
Prints, each against a baseline measured in the same run:
- the batch time (hash, draft decode, thumbnail + print rendition, files, database)
  against Pillow alone draft-decoding and re-encoding the same photos at print size;
- the longest stall of the Qt event loop while the panel attaches them in the background;
- the total size of the print renditions.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from desktop.core.media.photo_processing import PRINT_QUALITY, PRINT_SIZE  # noqa: E402
from desktop.core.media.photos import PhotoLibrary  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402

COUNT, SIZE = 20, (4000, 3000)  # 12 MP


def make_photos(folder: Path) -> list[Path]:
    """Photo-like JPEGs (gradients + grain, camera quality), made once and kept."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(COUNT):
        path = folder / f"IMG_{index:04d}.jpg"
        if not path.exists():
            gradient = Image.linear_gradient("L").resize(SIZE)
            grain = Image.effect_noise(SIZE, 40 + index)
            red = Image.blend(gradient, grain, 0.35)
            image = Image.merge("RGB", (red, gradient.rotate(90 * (index % 4)).resize(SIZE), grain))
            image.save(path, "JPEG", quality=92)
        paths.append(path)
    return paths


def pillow_alone(paths: list[Path]) -> float:
    """The baseline: draft-decode and re-encode each photo at print size, nothing else."""
    started = time.perf_counter()
    for path in paths:
        with Image.open(path) as image:
            image.draft("RGB", (PRINT_SIZE, PRINT_SIZE))
            image.thumbnail((PRINT_SIZE, PRINT_SIZE))
            image.save(os.devnull, "JPEG", quality=PRINT_QUALITY)
    return time.perf_counter() - started


def carnet_batch(paths: list[Path], folder: Path) -> tuple[float, int]:
    workspace = open_workspace(folder)
    venue = workspace.store.create_venue({"name": "Banc d'essai", "commune": "Tulle"})
    visit = workspace.store.create_visit(venue.id, "2025-02-11")
    library = PhotoLibrary(workspace.store, workspace.media)
    started = time.perf_counter()
    outcomes = library.attach_files(visit.id, paths)
    elapsed = time.perf_counter() - started
    assert all(o.status == "attached" for o in outcomes), outcomes
    size = sum(Path(p.print_rendition).stat().st_size for p in library.list_photos(visit.id))
    workspace.close()
    return elapsed, size


def event_loop_stall(paths: list[Path], folder: Path) -> tuple[float, float]:
    """(longest gap between 10 ms timer ticks during the batch, same when idle)."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.views.photo_panel import PhotoPanel

    app = QApplication.instance() or QApplication([])
    workspace = open_workspace(folder)
    venue = workspace.store.create_venue({"name": "Banc d'essai", "commune": "Tulle"})
    visit = workspace.store.create_visit(venue.id, "2025-02-11")
    panel = PhotoPanel(workspace.store, workspace.media)
    panel.show_visit(visit.id)
    panel.show()

    def longest_gap(start, finished) -> float:
        clock, gaps, last = QElapsedTimer(), [], [0]
        clock.start()
        timer = QTimer()
        timer.setInterval(10)

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now
            if finished():
                app.quit()

        timer.timeout.connect(tick)
        timer.start()
        QTimer.singleShot(0, start)
        app.exec()
        timer.stop()
        return max(gaps[1:] or [0]) / 1000

    idle_until = time.perf_counter() + 1.0
    idle = longest_gap(lambda: None, lambda: time.perf_counter() > idle_until)
    busy = longest_gap(lambda: panel.attach_paths(paths), lambda: panel.running == 0 and
                       panel.grid.count() == len(paths))  # fmt: skip
    workspace.close()
    return busy, idle


def main() -> None:
    cache = Path(tempfile.gettempdir()) / "carnet-bench" / "photos-12mp"
    print(f"Preparing {COUNT} photos of 12 MP in {cache} (once)…", flush=True)
    paths = make_photos(cache)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    baselines, batches = [], []
    for _ in range(3):  # interleaved: both see the same machine load
        baselines.append(pillow_alone(paths))
        with tempfile.TemporaryDirectory() as folder:
            elapsed, size = carnet_batch(paths, Path(folder))
        batches.append(elapsed)
    base, batch = statistics.median(baselines), statistics.median(batches)
    print(
        f"Pillow alone, draft decode + print re-encode : {base:6.2f} s ({megabytes:.0f} MB of photos)"
    )
    print(f"Carnet, attach with thumbnail + print + store: {batch:6.2f} s  ×{batch / base:.2f}")
    print(f"Print renditions of {COUNT} photos           : {size / 1e6:6.2f} MB")
    with tempfile.TemporaryDirectory() as folder:
        busy, idle = event_loop_stall(paths, Path(folder))
    print(f"Longest event-loop stall during the batch    : {busy * 1000:6.0f} ms "
          f"(idle loop: {idle * 1000:.0f} ms)")  # fmt: skip


if __name__ == "__main__":
    main()
