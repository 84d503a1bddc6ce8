"""Benchmark: the network exports (XLSX and CSV) of 10,000 visits and 30,000 actions.

Run: .venv/bin/python tests/benchmarks/export.py [--visits 10000] [--full]
Prints, each against baselines measured in the same run:
- export_tables to XLSX (target: under 10 s) and to CSV, time and file sizes;
- build_tables alone (reading and turning the template's fields into cells);
- baseline 1: csv.writer writing the same rows as raw JSON (one cell per visit's data,
  one per action), i.e. the floor of « read the database and write a file »;
- baseline 2: the lossless JSON exchange export (exchange.export_json) of the same data.
The data folder (tests/benchmarks/dataset.py: 1,500 venues, visits with 3 actions each)
is cached in <tmp>/carnet-bench, shared with run.py. --full fills every field of every
visit first (a copy of the folder, made once), the heaviest case for the exporter.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.merge import exchange  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402
from desktop.core.tabular import build_tables, export_tables  # noqa: E402
from tests.benchmarks.dataset import build  # noqa: E402
from tests.benchmarks.pdf import sample_value  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "carnet-bench"


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def fill_every_field(source: Path, target: Path) -> Path:
    """A copy of source where each visit has every field of the template filled."""
    if (target / "full.done").exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    workspace = open_workspace(target)
    fields = workspace.templates.visit.fields
    rows = workspace.db.conn.execute("SELECT id, data FROM visits").fetchall()

    def fill(writer) -> None:  # straight to the rows: the store's path takes minutes
        for number, (visit_id, data) in enumerate(rows):
            values = {f.key: sample_value(f, number) for f in fields if f.key != "visit_date"}
            merged = {**values, **json.loads(data)}  # keep the dataset's actions
            writer.db.conn.execute(
                "UPDATE visits SET data = ? WHERE id = ?",
                (json.dumps(merged, ensure_ascii=False), visit_id),
            )

    workspace.service.call(fill)
    workspace.close()
    (target / "full.done").write_text("ok")
    return target


def raw_json_csv(workspace, path: Path) -> int:
    """Baseline: the same number of rows, each the raw JSON of a visit or of an action."""
    rows = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        for visit_id, data in workspace.db.conn.execute(
            "SELECT id, data FROM visits WHERE deleted_at IS NULL"
        ):
            document = json.loads(data)
            writer.writerow([visit_id, data])
            for action in document.get("actions", []):
                writer.writerow([visit_id, json.dumps(action, ensure_ascii=False)])
                rows += 1
            rows += 1
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=10_000)
    parser.add_argument("--full", action="store_true", help="every field of every visit filled")
    args = parser.parse_args()
    folder = build(CACHE / f"big-{args.visits}", args.visits)
    if args.full:
        folder = fill_every_field(folder, CACHE / f"export-full-{args.visits}")
    workspace = open_workspace(folder)
    out = Path(tempfile.mkdtemp(prefix="carnet-export-bench-"))
    try:
        build_time, tables = timed(lambda: build_tables(workspace.store))
        cells = sum(len(t.rows) * len(t.columns) for t in tables)
        xlsx_time, result = timed(lambda: export_tables(workspace.store, out / "r.xlsx", "xlsx"))
        csv_time, csv_result = timed(lambda: export_tables(workspace.store, out / "r.csv", "csv"))
        raw_time, raw_rows = timed(lambda: raw_json_csv(workspace, out / "raw.csv"))
        json_time, _ = timed(lambda: exchange.export_json(workspace.store, out / "x.json"))
        size = (out / "r.xlsx").stat().st_size / 1e6
        csv_size = sum(p.stat().st_size for p in csv_result.paths) / 1e6
        kind = "every field filled" if args.full else "dataset.py's visits"
        print(f"Export of {result.visits} visits, {result.actions} actions, {result.venues} "
              f"venues ({kind}; {cells:,} cells in the three tables):")  # fmt: skip
        print(f"  build_tables (read + cells)            : {build_time:6.2f} s")
        print(f"  XLSX (xlsxwriter, constant_memory)     : {xlsx_time:6.2f} s   "
              f"{size:5.1f} MB   (target < 10 s)")  # fmt: skip
        print(f"  CSV (3 files)                          : {csv_time:6.2f} s   {csv_size:5.1f} MB")
        print(f"  baseline csv.writer, raw JSON, {raw_rows} rows: {raw_time:6.2f} s   "
              f"XLSX ×{xlsx_time / raw_time:.1f}, CSV ×{csv_time / raw_time:.1f}")  # fmt: skip
        print(f"  baseline exchange.export_json          : {json_time:6.2f} s   "
              f"XLSX ×{xlsx_time / json_time:.1f}, CSV ×{csv_time / json_time:.1f}")  # fmt: skip
    finally:
        workspace.close()
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
