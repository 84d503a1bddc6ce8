"""Benchmarks for the foundation: start time, full-text search, autosave.

Run: .venv/bin/python tests/benchmarks/run.py [--visits 10000]
Every figure is printed with a baseline measured in the same run, because the
machines are shared and noisy: compare the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.storage.workspace import open_workspace  # noqa: E402
from tests.benchmarks import dataset  # noqa: E402
from tests.benchmarks.dataset import build  # noqa: E402

PROBE = Path(__file__).with_name("startup_probe.py")


PYCACHE = Path(tempfile.gettempdir()) / "carnet-bench" / "pycache"


def time_start(*args: str, bytecode: bool = True) -> dict:
    """One start, in a fresh process: {"usable": seconds until its first frame is painted,
    "settled": until what waited for that frame is done (the last visit reopened…)}; the
    process's closing is not counted. bytecode: Python's compiled modules are kept (in a
    cache of the benchmark's own), as on a user's laptop from the second start on; without
    it (PYTHONDONTWRITEBYTECODE, as in these sessions' shells) every start compiles all of
    Carnet's sources again, a cost the bare window does not have."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CARNET_NO_BOOTSTRAP": "1"}
    env["XDG_STATE_HOME"] = str(PYCACHE.parent / "state")  # Carnet's log, not the user's
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    if not bytecode:
        env["PYTHONDONTWRITEBYTECODE"], env["PYTHONPYCACHEPREFIX"] = "1", str(PYCACHE / "none")
    started, times = time.perf_counter(), {}
    with subprocess.Popen([sys.executable, str(PROBE), *args], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True, env=env) as probe:  # fmt: skip
        for line in probe.stdout:
            times[line.strip()] = time.perf_counter() - started
    assert set(times) == {"usable", "settled"} and probe.returncode == 0, (times, probe.returncode)
    return times


def with_last_visit(data_dir: Path) -> Path:
    """A copy of data_dir left on one of its visits (window.ini), as a user leaves Carnet
    most days: the start reopens it."""
    folder = data_dir.with_name(data_dir.name + "-last-visit")
    if not folder.exists():
        shutil.copytree(data_dir, folder, ignore=shutil.ignore_patterns("window.ini"))
        dataset.same_laptop(folder)  # no « new device id » notice in the start measured
        conn = sqlite3.connect(folder / "carnet.sqlite")
        visit_id, venue_id = conn.execute(
            "SELECT id, venue_id FROM visits WHERE deleted_at IS NULL ORDER BY id LIMIT 1"
        ).fetchone()
        conn.close()
        (folder / "window.ini").write_text(f"[last]\nvenue={venue_id}\nvisit={visit_id}\n")
    return folder


def median_of(function, repeat: int) -> float:
    return statistics.median(function() for _ in range(repeat))


def bench_startup(big: Path, small: Path, repeat: int) -> dict:
    runs = {"bare": ("bare",), "small": ("carnet", str(small)), "big": ("carnet", str(big)),
            "last_visit": ("carnet", str(with_last_visit(big)))}  # fmt: skip
    samples: dict[str, list[dict]] = {name: [] for name in [*runs, "compiling"]}
    time_start("bare"), time_start("carnet", str(small))  # the modules compiled once
    for _ in range(repeat):  # interleaved so that load changes hit all alike
        for name, args in runs.items():
            samples[name].append(time_start(*args))
        samples["compiling"].append(time_start("carnet", str(big), bytecode=False))

    def median(name: str, until: str = "usable") -> float:
        return statistics.median(sample[until] for sample in samples[name])

    bare, small_s, big_s, compiling = (median(k) for k in ("bare", "small", "big", "compiling"))
    last, last_settled = median("last_visit"), median("last_visit", "settled")
    print(f"Start, bare PySide6 window (baseline) : {bare * 1000:7.0f} ms")
    print(
        f"Start, Carnet, 100 visits             : {small_s * 1000:7.0f} ms  ×{small_s / bare:.2f}"
    )
    print(
        f"Start, Carnet, big data set           : {big_s * 1000:7.0f} ms  ×{big_s / bare:.2f}"
        f"  (big/small ×{big_s / small_s:.2f}; target ≤ ×1.5)"
    )
    print(
        f"Start, big, left on a visit           : {last * 1000:7.0f} ms  ×{last / bare:.2f}"
        f"  (the visit shown at {last_settled * 1000:.0f} ms)"
    )
    print(f"Start, Carnet, big, compiling sources : {compiling * 1000:7.0f} ms  ×{compiling / bare:.2f}"
          f"  (no .pyc kept: a first start, or PYTHONDONTWRITEBYTECODE)")  # fmt: skip
    return {"bare_ms": bare * 1000, "small_ms": small_s * 1000, "big_ms": big_s * 1000,
            "last_visit_ms": last * 1000, "last_visit_shown_ms": last_settled * 1000,
            "compiling_ms": compiling * 1000}  # fmt: skip


# What facilitators type, from narrow to broad (the person is read from the data set).
# The figure of the search is the mean of these queries' medians; the broad ones below
# are printed on their own.
QUERIES = {
    "a venue": "casemate",
    "a commune": "Bordeaux",
    "a person": None,
    "a theme word": "friche",
    "two words": "convention occupation",
    "a prefix": "gouv",
    "a common word": "association",
}
WORST = {
    "a word in most notes (worst case)": "lieu",
    "one letter (the dialog searches as you type)": "d",
}


def bench_search(data_dir: Path, rounds: int = 15) -> dict:
    """Each query's median time, beside the same search ranking every match (no window,
    visit_search.RANK_WINDOW) and how many of its 50 best hits the search returns."""
    from desktop.core.storage import visit_search

    workspace = open_workspace(data_dir)
    conn = workspace.db.conn
    person = conn.execute(
        "SELECT json_extract(data, '$.people_met[0].name') FROM visits ORDER BY rowid LIMIT 1"
    ).fetchone()[0]
    mix = {what: query or person for what, query in QUERIES.items()}
    queries = [*mix.values(), *WORST.values()]
    times = {(query, every): [] for query in queries for every in (False, True)}
    for _ in range(rounds):  # interleaved, so that load changes hit all queries alike
        for (query, every), samples in times.items():
            started = time.perf_counter()
            if every:
                visit_search.best_hits(conn, query, 50, window=10**9)
            else:
                workspace.store.search_visits(query)
            samples.append(time.perf_counter() - started)

    def baseline() -> float:  # a plain indexed lookup on the same connection
        started = time.perf_counter()
        conn.execute("SELECT data FROM visits WHERE rowid = 5000").fetchone()
        return time.perf_counter() - started

    base = median_of(baseline, 201)
    medians = {key: statistics.median(samples) * 1000 for key, samples in times.items()}
    shares = {query: matched_share(workspace, query) for query in queries}
    same = {q: same_hits(workspace, q) for q in queries}
    ranked = {q: visit_search.ranked_hits(conn, q, 50).window for q in queries}
    total = conn.execute("SELECT count(*) FROM visits").fetchone()[0]
    print(f"Full-text search, {total:,} visits (the 50 best hits; median of {rounds} runs; "
          f"beside it, ranking every match):")  # fmt: skip
    for what, query in [*mix.items(), *WORST.items()]:
        if what == next(iter(WORST)):
            print("  on their own, the broadest:")
        print(f"  {what:<46} {query!r:<24} {medians[query, False]:7.2f} ms  "
              f"matches {shares[query]:6.2%}  (every match ranked: {medians[query, True]:7.2f} ms,"
              f" {same[query]} of its best hits)"
              + (f"  ranked the newest {ranked[query]:,}" if ranked[query] else ""))  # fmt: skip
    search = statistics.mean(medians[query, False] for query in mix.values())
    every = statistics.mean(medians[query, True] for query in mix.values())
    worst = medians[WORST["a word in most notes (worst case)"], False]
    print(f"Full-text search, mean of the {len(mix)} queries: {search:6.2f} ms  (×{search / (base * 1000):.0f}"
          f" a primary-key lookup at {base * 1000:.4f} ms; every match ranked: {every:.2f} ms);"
          f" worst case {worst:.2f} ms")  # fmt: skip
    workspace.close()
    return {"search_ms": search, "lookup_ms": base * 1000, "worst_ms": worst, "every_ms": every,
            "one_letter_ms": medians[WORST["one letter (the dialog searches as you type)"], False],
            "queries": {q: {"ms": medians[q, False], "every_ms": medians[q, True],
                            "share": shares[q], "same_hits": same[q], "window": ranked[q]}
                        for q in queries}}  # fmt: skip


def same_hits(workspace, query: str) -> str:
    """« n/50 »: how many of the best hits of every match ranked the search returns."""
    from desktop.core.storage import visit_search

    conn = workspace.db.conn
    every = {row[0] for row in visit_search.best_hits(conn, query, 50, window=10**9)}
    windowed = {row[0] for row in visit_search.best_hits(conn, query, 50)}
    return f"{len(every & windowed)}/{len(every)}"


def matched_share(workspace, query: str) -> float:
    """The share of visits a query matches: ranking (bm25) scores every match it ranks,
    so the time follows it."""
    from desktop.core.forms import text

    conn = workspace.db.conn
    total = conn.execute("SELECT count(*) FROM visits").fetchone()[0]
    sql = "SELECT count(*) FROM visits_fts WHERE visits_fts MATCH ?"
    return conn.execute(sql, (text.fts_query(query, text.SHORT_WORDS_WHOLE),)).fetchone()[0] / max(
        1, total
    )


def bench_autosave(data_dir: Path) -> None:
    workspace = open_workspace(data_dir)
    visit_id = workspace.store.list_visits()[0].id
    counter = iter(range(10**6))

    def one_save() -> float:
        started = time.perf_counter()
        workspace.store.update_visit(visit_id, {"governance_notes": f"note {next(counter)}"})
        return time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:  # baseline: one durable row insert
        raw = sqlite3.connect(Path(folder) / "b.sqlite", isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute("CREATE TABLE t(x)")

        def one_insert() -> float:
            started = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO t VALUES (?)", ("note",))
            raw.execute("COMMIT")
            return time.perf_counter() - started

        base = median_of(one_insert, 200)
        save = median_of(one_save, 200)
        raw.close()
    print(f"Autosave of one field: {save * 1000:6.2f} ms  (×{save / base:.1f} a bare durable "
          f"insert at {base * 1000:.2f} ms)")  # fmt: skip
    workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "carnet-bench")
    args = parser.parse_args()
    print(f"Preparing data sets in {args.cache} (once)…", flush=True)
    big = build(dataset.folder(args.cache, args.visits), args.visits)
    small = build(args.cache / "small-100", 100)
    bench_startup(big, small, args.repeat)
    bench_search(big)
    bench_autosave(big)


if __name__ == "__main__":
    main()
