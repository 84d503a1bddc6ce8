"""Benchmark: publishing again what the share lost (issue 13: republish).

Run: .venv/bin/python tests/benchmarks/republish.py [--no-sheets]
A laptop with 1,000 visits over 150 venues (every text section filled) and 100 shared
photos publishes into a share; then its device folder and the sheets are deleted and one
pass publishes everything again. Measured in the same run:
- the republish pass: time, files and bytes written (records, media, sheets);
- baseline: writing the same files, same bytes, with the same atomic writer (temp file,
  fsync, rename), and with a plain open/write;
- a pass with nothing lost, and in it the check of the index against the folders, against
  os.walk and os.scandir of the same folders.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from desktop.core.forms.templates import TemplateSet  # noqa: E402
from desktop.core.media.photos import PhotoLibrary  # noqa: E402
from desktop.core.storage.files import write_atomic  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402
from desktop.core.sync import republish  # noqa: E402
from desktop.core.sync.engine import SyncEngine  # noqa: E402
from desktop.core.sync.share import Share  # noqa: E402
from tests.benchmarks.dataset import same_laptop  # noqa: E402

VISITS, VENUES, PHOTOS = 1000, 150, 100
BENCH = Path(tempfile.gettempdir()) / "carnet-bench" / "republish"
TEXT = "Observations détaillées sur le lieu, son équipe et ses usages. " * 6


def build_laptop(folder: Path) -> None:
    ws = open_workspace(folder, TemplateSet.load())
    ws.set_setting("user_name", "Camille Bench")
    venues = [
        ws.store.create_venue({"name": f"Tiers-lieu n° {n}", "commune": "Guéret"})
        for n in range(VENUES)
    ]
    visits = []
    for n in range(VISITS):
        visit = ws.store.create_visit(
            venues[n % VENUES].id, f"20{20 + n % 6}-0{1 + n % 9}-1{n % 9}"
        )
        ws.store.update_visit(visit.id, {
            "visit_type": "suivi", "staff_fte": 2.5, "governance_notes": TEXT,
            "economic_notes": TEXT, "strengths": TEXT,
            "actions": [{"action": f"Action {k}", "who": "Marie", "status": "a_faire"}
                        for k in range(3)],
        })  # fmt: skip
        visits.append(visit.id)
    photos = PhotoLibrary(ws.store, ws.media)
    with tempfile.TemporaryDirectory() as pictures:
        for n in range(PHOTOS):
            path = Path(pictures) / f"photo-{n}.jpg"
            Image.new("RGB", (1600, 1200), (n * 2 % 255, 90, 160)).save(path, quality=90)
            photos.attach_files(visits[n * 7], [path])
    ws.close()


def cached_laptop() -> Path:
    folder = BENCH / "laptop"
    if not (folder / "ready").exists():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        build_laptop(folder)
        (folder / "ready").write_text("1")
        print(f"(laptop built in {time.perf_counter() - started:.0f} s)")
    return folder


def published_files(share: Share) -> list[Path]:
    found = [p for p in share.own.rglob("*") if p.is_file()]
    return found + [p for p in share.sheets.rglob("*") if p.is_file()]


def baseline_writes(files: list[Path], target: Path) -> tuple[float, float]:
    """The same bytes written again: atomic (temp, fsync, rename), then plain."""
    contents = [(f"{n:05d}-{path.name}", path.read_bytes()) for n, path in enumerate(files)]
    timings = []
    for atomic in (True, False):
        folder = target / ("atomic" if atomic else "plain")
        folder.mkdir(parents=True)
        started = time.perf_counter()
        for name, data in contents:
            if atomic:
                write_atomic(folder / name, data)
            else:
                (folder / name).write_bytes(data)
        timings.append(time.perf_counter() - started)
    return timings[0], timings[1]


def baseline_listing(share: Share) -> float:
    started = time.perf_counter()
    for root, _dirs, _files in os.walk(share.own):
        with os.scandir(root) as entries:
            [entry.name for entry in entries]
    return time.perf_counter() - started


def main() -> None:
    sheets = "--no-sheets" not in sys.argv
    laptop = cached_laptop()
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        same_laptop(shutil.copytree(laptop, data))
        share_folder = Path(scratch) / "partage"
        share_folder.mkdir()
        ws = open_workspace(data, TemplateSet.load())
        engine = SyncEngine(ws, share_folder)
        started = time.perf_counter()
        first = engine.run_pass(sheets=sheets)
        first_s = time.perf_counter() - started
        assert first.ok, first.summary()
        shutil.rmtree(engine.share.own)
        shutil.rmtree(engine.share.sheets, ignore_errors=True)
        started = time.perf_counter()
        again = engine.run_pass(sheets=sheets)
        republish_s = time.perf_counter() - started
        assert again.ok and again.published.records == first.published.records, again.summary()
        files = published_files(engine.share)
        size = sum(p.stat().st_size for p in files)
        started = time.perf_counter()
        quiet = engine.run_pass(sheets=sheets)
        quiet_s = time.perf_counter() - started
        assert quiet.published.records == 0 and quiet.republished == 0
        started = time.perf_counter()
        for _ in range(5):
            assert republish.forget_missing(ws, engine.share) == 0
        check_s = (time.perf_counter() - started) / 5
        listing_s = min(baseline_listing(engine.share) for _ in range(3))
        atomic_s, plain_s = baseline_writes(files, Path(scratch) / "baseline")
        ws.close()
    p = again.published
    print(
        f"Republish of {VISITS} visits, {VENUES} venues, {PHOTOS} photos"
        f"{'' if sheets else ' (no sheets)'}:"
    )
    print(f"  first publish to a new share : {first_s:6.1f} s")
    print(
        f"  republish, device folder and sheets deleted: {republish_s:6.1f} s — "
        f"{p.records} records, {p.media} media, {p.sheets} sheets = {len(files)} files, "
        f"{size / 1e6:.1f} MB"
    )
    print(
        f"  baseline, the same {len(files)} files written atomically: {atomic_s:6.2f} s; "
        f"plain writes: {plain_s:6.2f} s"
    )
    print(f"  a pass with nothing lost: {quiet_s * 1000:6.0f} ms, of which the check of the index "
          f"against the folders {check_s * 1000:.0f} ms (os.walk + scandir of our folder: "
          f"{listing_s * 1000:.0f} ms)")  # fmt: skip


if __name__ == "__main__":
    main()
