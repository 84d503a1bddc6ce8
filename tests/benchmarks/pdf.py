"""Benchmark: the « Fiche de visite » PDF (issue: visit sheet).

Run: .venv/bin/python tests/benchmarks/pdf.py [--sheet]   (--sheet: the 20-photo sheet only)
Prints, each against a baseline measured in the same run:
- one sheet with every section filled and 20 camera-like photos of 12 MP (make_sheet,
  median of 5) against a bare reportlab layout of the same print renditions, two per row
  (the photos have real detail: their 1200-px JPEGs weigh 200–300 KB, see camera_photos.py);
- make_all over 1,000 visits: total time and sheets per second against reportlab writing
  1,000 one-paragraph PDFs; the peak traced memory at 100, 500 and 1,000 sheets (it must
  not grow with the number of sheets) and the process's max RSS.
The data folders are cached in <tmp>/carnet-bench, so a rerun starts at once.
"""

from __future__ import annotations

import gc
import io
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

try:
    import resource  # not on Windows
except ImportError:
    resource = None

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Table  # noqa: E402

from desktop.core.media.photo_processing import PRINT_SIZE  # noqa: E402
from desktop.core.media.photos import PhotoLibrary  # noqa: E402
from desktop.core.pdf.service import make_all, make_sheet  # noqa: E402
from desktop.core.pdf.sheet_model import FRAME_WIDTH, PHOTO_BOX  # noqa: E402
from desktop.core.storage.workspace import Workspace, open_workspace  # noqa: E402
from tests.benchmarks.camera_photos import calibration, make_camera_photos  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "carnet-bench"
REPEAT, BASELINE_REPEAT = 5, 3  # the baseline takes some 20 s a run
VENUES, VISITS_PER_VENUE = 100, 10
CHECKPOINTS = (100, 500, 1000)
TEXT = ("Le collectif « cœur » a rénové la façade pour 12 000 € ; l’équipe bénévole anime "
        "l’atelier, le café et la régie du lieu, une œuvre commune depuis 2019.")  # fmt: skip


# --- one full sheet with 20 photos of 12 MP --------------------------------------------------


def sample_value(spec, n: int):
    """A valid value for any field, by widget (as the tests' filled_visit does)."""
    if spec.widget == "select":
        return spec.choices[0][0]
    if spec.widget == "multiselect":
        return [value for value, _ in spec.choices[:3]]
    if spec.widget in {"number", "integer"}:
        low = spec.schema.get("minimum", 0)
        value = low + (spec.schema.get("maximum", low + 100) - low) * 0.425
        return round(value) if spec.widget == "integer" else round(value, 1)
    if spec.widget == "date":
        return "2025-02-11"
    if spec.widget == "checkbox":
        return True
    if spec.widget == "table":
        return [{c.key: sample_value(c, 10 * n + row) for c in spec.columns} for row in range(4)]
    return f"{TEXT} ({n})" if spec.widget == "textarea" else f"Réponse {n} : {TEXT[:60]}"


def full_visit(photos: list[Path]) -> tuple[Workspace, str]:
    """A workspace with one visit, every field filled, the 20 photos attached (made once)."""
    workspace = open_workspace(CACHE / f"pdf-visit-20-camera-photos-{PRINT_SIZE}")
    store = workspace.store
    visits = store.list_visits()
    if visits:
        return workspace, visits[0].id
    venue = store.create_venue({"name": "La Fabrique du Banc d'essai", "commune": "Tulle",
                                "postal_code": "19000", "address": "4 quai Baluze"})  # fmt: skip
    visit_id = store.create_visit(venue.id, "2025-02-11").id
    fields = workspace.templates.visit.fields
    store.update_visit(visit_id, {f.key: sample_value(f, n) for n, f in enumerate(fields, 1)})
    library = PhotoLibrary(store, workspace.media)
    outcomes = library.attach_files(visit_id, photos)
    assert all(o.status == "attached" for o in outcomes), outcomes
    for number, outcome in enumerate(outcomes, start=1):
        library.update_photo(outcome.record_id, {"caption": f"Atelier partagé, vue n° {number}"})
    return workspace, visit_id


def naive_layout(photos: list[str]) -> bytes:
    """The baseline: reportlab placing the same print JPEGs two per row, nothing else."""
    buffer = io.BytesIO()
    cells = []
    for path in photos:
        width, height = ImageReader(path).getSize()
        scale = min(PHOTO_BOX[0] / width, PHOTO_BOX[1] / height)
        cells.append(Image(path, width * scale, height * scale))
    rows = [Table([cells[i : i + 2]], colWidths=[FRAME_WIDTH / 2] * 2)
            for i in range(0, len(cells), 2)]  # fmt: skip
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(rows)
    return buffer.getvalue()


def bench_full_sheet() -> dict:
    photos = make_camera_photos(CACHE / "camera-12mp", 20, (4000, 3000))
    print(f"  {calibration(photos)}")
    workspace, visit_id = full_visit(photos)
    renditions = [p.print_rendition for p in PhotoLibrary(workspace.store, workspace.media)
                  .list_photos(visit_id)]  # fmt: skip
    print_mb = sum(Path(r).stat().st_size for r in renditions) / 1e6
    naive, carnet = [], []
    for run in range(REPEAT):  # interleaved: both see the same machine load
        if run < BASELINE_REPEAT:
            started = time.perf_counter()
            naive_pdf = naive_layout(renditions)
            naive.append(time.perf_counter() - started)
        started = time.perf_counter()
        sheet = make_sheet(workspace, visit_id, "interne")
        carnet.append(time.perf_counter() - started)
    data_dir = workspace.data_dir
    workspace.close()
    base, made = statistics.median(naive), statistics.median(carnet)
    print(f"Sheet with every section and {len(photos)} photos of 12 MP "
          f"({print_mb:.2f} MB of print renditions, {_long_side(renditions)} px):")  # fmt: skip
    print(f"  bare reportlab laying out the same JPEGs (baseline, median of {BASELINE_REPEAT}): "
          f"{base:6.2f} s   PDF {len(naive_pdf) / 1e6:6.2f} MB")  # fmt: skip
    print(f"  Carnet make_sheet (median of {REPEAT})                        : {made:6.2f} s   "
          f"PDF {len(sheet.data) / 1e6:6.2f} MB   ×{made / base:.2f} the baseline "
          f"(targets: < 0.5 s, < 5 MB)")  # fmt: skip
    show, pdf = command_times(data_dir, visit_id)
    print(f"  the command: `pdf` {pdf:.2f} s against `show` {show:.2f} s (the same start, "
          f"opening the same data, printing the visit): {pdf - show:+.2f} s for the sheet")  # fmt: skip
    return {"sheet_s": made, "sheet_mb": len(sheet.data) / 1e6, "bare_s": base,
            "bare_mb": len(naive_pdf) / 1e6, "command_s": pdf, "show_s": show}  # fmt: skip


def command_times(data_dir: Path, visit_id: str) -> tuple[float, float]:
    """Medians of `main.py show` and `main.py pdf` on the visit, interleaved."""
    import os
    import subprocess

    env = {**os.environ, "CARNET_NO_BOOTSTRAP": "1"}
    base = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)]
    times: dict[str, list[float]] = {"show": [], "pdf": []}
    with tempfile.TemporaryDirectory() as folder:
        commands = {"show": ["show", visit_id],
                    "pdf": ["pdf", visit_id, "--audience", "interne", "-o", f"{folder}/f.pdf"]}  # fmt: skip
        for _ in range(REPEAT):
            for name, args in commands.items():
                started = time.perf_counter()
                subprocess.run(base + args, env=env, check=True, capture_output=True)
                times[name].append(time.perf_counter() - started)
    return statistics.median(times["show"]), statistics.median(times["pdf"])


def _long_side(renditions: list[str]) -> int:
    return max(max(ImageReader(r).getSize()) for r in renditions)


# --- make_all over 1,000 visits -------------------------------------------------------------


def thousand_visits() -> Path:
    """100 venues × 10 visits with a few filled fields and no photos (made once)."""
    folder = CACHE / "pdf-1000"
    workspace = open_workspace(folder)
    store = workspace.store
    if len(store.list_visits()) >= VENUES * VISITS_PER_VENUE:
        workspace.close()
        return folder
    print(f"  preparing {VENUES * VISITS_PER_VENUE} visits in {folder} (once)…", flush=True)
    for v in range(VENUES):
        venue = store.create_venue({"name": f"Tiers-lieu n° {v + 1} « La Coopérative »",
                                    "commune": "Guéret", "postal_code": "23000"})  # fmt: skip
        for year in range(VISITS_PER_VENUE):
            visit = store.create_visit(venue.id, f"{2016 + year}-0{1 + v % 9}-1{v % 10}",
                                       carry_over=False)  # fmt: skip
            store.update_visit(visit.id, {
                "visit_type": "suivi", "legal_form": "scic", "annual_budget": 120000 + v,
                "activity_types": ["tiers_lieu_culturel", "cuisine_partagee"],
                "governance_notes": TEXT, "strengths": TEXT, "obstacles": TEXT,
                "people_met": [{"role": "Présidente", "name": "Jeanne Dupont"}],
                "actions": [{"what": "Relancer la mairie", "who": "Camille",
                             "due": "2025-03-01", "status": "a_faire"}] * 3,
            })  # fmt: skip
    workspace.close()
    return folder


def plain_pdfs(count: int, folder: Path) -> float:
    """The baseline: reportlab alone writing count one-paragraph PDFs to files."""
    style = getSampleStyleSheet()["Normal"]
    started = time.perf_counter()
    for index in range(count):
        SimpleDocTemplate(str(folder / f"{index}.pdf"), pagesize=A4).build([Paragraph(TEXT, style)])
    return time.perf_counter() - started


def run_make_all(data_dir: Path, out: Path, checkpoints=()) -> tuple[float, int, dict]:
    """(seconds, sheets written, {checkpoint: (peak so far, held after a collection)})."""
    workspace = open_workspace(data_dir)
    memory: dict[int, tuple[int, int]] = {}

    def progress(done: int, _total: int, _name: str) -> None:
        if done in checkpoints:
            peak = tracemalloc.get_traced_memory()[1]
            gc.collect()  # what is still held once the cycles of the last sheets are freed
            memory[done] = peak, tracemalloc.get_traced_memory()[0]

    started = time.perf_counter()
    count = sum(1 for _ in make_all(workspace, out, "reseau", progress))
    elapsed = time.perf_counter() - started
    workspace.close()
    return elapsed, count, memory


def bench_make_all() -> None:
    print(f"make_all over {VENUES * VISITS_PER_VENUE} visits (no photos):")
    data_dir = thousand_visits()
    with tempfile.TemporaryDirectory() as folder:
        base = plain_pdfs(VENUES * VISITS_PER_VENUE, Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        elapsed, count, _ = run_make_all(data_dir, Path(folder))
        sizes = sum(p.stat().st_size for p in Path(folder).iterdir())
    print(f"  reportlab, {count} one-paragraph PDFs (baseline): {base:6.1f} s  "
          f"{count / base:6.0f} PDF/s")  # fmt: skip
    print(f"  Carnet make_all, {count} sheets                 : {elapsed:6.1f} s  "
          f"{count / elapsed:6.0f} sheets/s  ×{elapsed / base:.1f} the baseline  "
          f"({sizes / count / 1e3:.0f} kB a sheet)")  # fmt: skip
    tracemalloc.start()
    with tempfile.TemporaryDirectory() as folder:  # a second pass, traced (slower)
        _, _, memory = run_make_all(data_dir, Path(folder), CHECKPOINTS)
    tracemalloc.stop()
    for title, column in (("peak traced memory (tracemalloc)", 0), ("held after gc.collect()", 1)):
        figures = "  ".join(
            f"{n:>4} sheets: {memory[n][column] / 1e6:4.1f} MB" for n in CHECKPOINTS
        )
        print(f"  {title:<33}: {figures}")
    if resource:  # run first, so that the camera originals below do not count
        max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        scale = 1e6 if sys.platform == "darwin" else 1e3  # bytes on macOS, kB on Linux
        print(f"  max RSS of the process so far    : {max_rss / scale:.0f} MB")


def main() -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    if "--sheet" not in sys.argv:
        bench_make_all()
    bench_full_sheet()


if __name__ == "__main__":
    main()
