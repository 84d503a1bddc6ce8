"""Every figure of issue 15 in one run: one table, and the same as JSON for the next change.

Run: .venv/bin/python tests/benchmarks/run_all.py [--big] [--json FILE]
Each line: the figure, its baseline measured in the same run (the machines are shared and
noisy: the ratio is what compares across runs), the ratio, the target. --big adds the
first import of a share of 114,280 files (some minutes), search and the Suivi at 100,000 visits. The load average at the start
and at the end is printed and kept with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks import dashboard, followup, pdf, run, sync, validation  # noqa: E402
from tests.benchmarks.dataset import build, build_cloned, folder  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "carnet-bench"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def rows_of_start() -> list[dict]:
    big, small = build(folder(CACHE, 10_000), 10_000), build(CACHE / "small-100", 100)
    start = run.bench_startup(big, small, repeat=15)  # the start swings most: 15 rounds
    search = run.bench_search(big)
    bare = start["bare_ms"]
    return [
        row("Start, window usable, 10,000 visits", start["big_ms"], "ms", bare, "bare PySide6 window", "≤ ×1.5"),
        row("Start, 100 visits", start["small_ms"], "ms", bare, "bare PySide6 window", "flat in size"),
        row("Start, 10,000 visits, left on a visit", start["last_visit_ms"], "ms", bare, "bare PySide6 window", "≤ ×1.5"),
        row("  … that visit shown", start["last_visit_shown_ms"], "ms", bare, "bare PySide6 window", "—"),
        row("Start compiling sources (no .pyc)", start["compiling_ms"], "ms", bare, "bare PySide6 window", "—"),
        row("Full-text search, 10,000 visits (mean of 7 queries)", search["search_ms"], "ms", search["lookup_ms"], "primary-key lookup", "< 10 ms"),
        row("  … a word in most notes (worst case)", search["worst_ms"], "ms", search["lookup_ms"], "primary-key lookup", "< 10 ms"),
    ]  # fmt: skip


def rows_of_big_search() -> list[dict]:
    """Search at 100,000 visits: copies of the 10,000 (dataset.build_cloned)."""
    big = build(folder(CACHE, 10_000), 10_000)
    search = run.bench_search(build_cloned(folder(CACHE, 100_000), big, 100_000))
    return [
        row("Full-text search, 100,000 visits (mean of 7 queries)", search["search_ms"], "ms", search["lookup_ms"], "primary-key lookup", "< 30 ms"),
        row("  … a word in most notes (worst case)", search["worst_ms"], "ms", search["lookup_ms"], "primary-key lookup", "< 30 ms"),
    ]  # fmt: skip


def rows_of_big_followup() -> list[dict]:
    """The Suivi at 100,000 visits, 300,000 actions and 15,000 venues (followup.build's
    data, in proportion to the 10,000: some dates of every group, built once, cached)."""
    figures = followup.main(100_000)
    return [
        row("Suivi view filled, 100,000 visits / 300,000 actions", figures["view_ms"], "ms", figures["naive_loads_ms"], "json.loads of every visit", "< 150 ms"),
    ]  # fmt: skip


def rows_of_sheet() -> list[dict]:
    sheet = pdf.bench_full_sheet()
    return [
        row("Sheet with 20 camera-like photos, time", sheet["sheet_s"], "s", sheet["bare_s"], "bare reportlab, same JPEGs", "< 0.5 s"),
        row("`pdf` command, sheet with 20 photos", sheet["command_s"], "s", sheet["show_s"], "`show` command (its own start)", "+ < 0.5 s"),
        row("Sheet with 20 camera-like photos, size", sheet["sheet_mb"], "MB", sheet["bare_mb"], "bare reportlab, same JPEGs", "< 5 MB"),
    ]  # fmt: skip


def rows_of_sync(big: bool) -> list[dict]:
    """The first import of a share, each size in its own process (its own peak memory).

    With --big, 114,280 files are imported twice, and the faster run is the figure (both
    are printed): with the same code and data, a run alone took 29–33 s or 50–83 s, its
    own CPU time the same (25–30 s), so the slow runs waited on the shared machine, not
    on the import. The memory rows add 57,140 files: between the two larger sizes, what
    grows with the share and what only fills up to a bound can be told apart."""
    rows = []
    for devices, per_device in [(20, 500)] + ([(20, 2500), (20, 5000)] if big else []):
        sync.cached_share(devices, per_device)
        runs = [sync.measured_apart(devices, per_device) for _ in range(1 + (per_device == 5000))]
        rows += _import_rows(min(runs, key=lambda r: r["first"]), runs)
    return rows


def _import_rows(r: dict, runs: list[dict]) -> list[dict]:
    files = f"{r['files']:,} files"
    if r["files"] < 20_000:
        target = "< 5 s"
    elif r["files"] < 100_000:  # measured for its memory only
        return [row(f"Share, max RSS at {files}", r["rss_mb"], "MB", None, "", "flat")]
    else:
        target = "< 30 s"
    cpu = r["cpu_s"] + r.get("workers_cpu_s", 0)
    return [
        row(f"Share, first import of {files}" + (f", best of {len(runs)}" if len(runs) > 1 else ""),
            r["first"], "s", r["read"], "read + json.loads", target),
        *(row("  … the other run", one["first"], "s", one["read"], "read + json.loads", "—")
          for one in runs if one is not r),
        row("  … CPU, importer + its workers", cpu, "s", r["read"], "read + json.loads", "—"),
        row(f"Share, max RSS at {files}", max(one["rss_mb"] for one in runs), "MB", None, "", "flat"),
        row(f"Share, rescan unchanged, {files}", r["rescan"], "s", r["walk"], "os.walk + stat", "—"),
    ]  # fmt: skip


def rows_of_validation() -> list[dict]:
    f = validation.main()
    return [
        row("Record file parsed, orjson (µs)", f["orjson.loads"], "µs", f["json.loads"], "json.loads", "faster"),
        row("Record file checked, fastjsonschema (µs)", f["fastjsonschema (compiled)"], "µs", f["jsonschema (built once)"], "jsonschema built once", "faster"),
    ]  # fmt: skip


def rows_of_followup() -> list[dict]:
    figures = followup.main()
    return [
        row("Suivi view filled, 10,000 visits / 30,000 actions", figures["view_ms"], "ms", figures["naive_loads_ms"], "json.loads of every visit", "< 150 ms"),
    ]  # fmt: skip


def rows_of_dashboard() -> list[dict]:
    f = dashboard.main()
    return [
        row("Dashboard figures + charts + map, 3,500 venues / 20,000 visits", f["filled_ms"], "ms", f["naive_loads_ms"], "json.loads of every visit", "< 300 ms"),
        row("Dashboard, every chart painted", f["charts_ms"], "ms", None, "", "—"),
    ]  # fmt: skip


def row(what, value, unit, baseline, baseline_what, target) -> dict:
    ratio = value / baseline if baseline else None
    return {"what": what, "value": value, "unit": unit, "baseline": baseline,
            "baseline_what": baseline_what, "ratio": ratio, "target": target}  # fmt: skip


def table(rows: list[dict]) -> str:
    lines = [f"{'Figure':<52} {'value':>10} {'baseline':>10} {'ratio':>7}  target   (baseline)"]
    for r in rows:
        base = f"{r['baseline']:.3g} {r['unit']}" if r["baseline"] is not None else "—"
        ratio = f"×{r['ratio']:.2f}" if r["ratio"] is not None else "—"
        lines.append(f"{r['what']:<52} {r['value']:>7.3g} {r['unit']:<2} {base:>10} {ratio:>7}  "
                     f"{r['target']:<8} ({r['baseline_what']})")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--big",
        action="store_true",
        help="add the share of 114,280 files, search and the Suivi at 100,000",
    )
    parser.add_argument("--json", type=Path, default=CACHE / "run_all.json")
    args = parser.parse_args()
    at_start, started = load(), time.time()
    rows = rows_of_start() + (rows_of_big_search() if args.big else []) + rows_of_sheet()
    # The Suivi and the dashboard before the share's imports: those leave this process
    # holding what made a later in-process figure (and its baseline) a quarter slower.
    rows += rows_of_validation() + rows_of_followup() + rows_of_dashboard()
    rows += rows_of_big_followup() if args.big else []
    rows += rows_of_sync(args.big)
    at_end = load()
    print()
    print(table(rows))
    print(f"load average (1, 5, 15 min): {at_start} at the start, {at_end} at the end; "
          f"{os.cpu_count()} cores; {time.time() - started:.0f} s")  # fmt: skip
    record = {"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
              "load_start": at_start, "load_end": at_end, "rows": rows}  # fmt: skip
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(record, indent=1, ensure_ascii=False), "utf-8")
    print(f"written to {args.json}")


if __name__ == "__main__":
    main()
