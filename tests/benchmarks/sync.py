"""Benchmark: the shared-folder sync (issue: sync through the shared folder).

Run: .venv/bin/python tests/benchmarks/sync.py [--big]
Builds shares of record files as 20 colleagues' laptops publish them (a real visit,
every section filled, cloned with new ids and stamps), then measures on a fresh laptop:
- the first import of 20 devices × 500 visits (10,000 visit files + their venues),
  against a baseline measured in the same run: reading and json-parsing the same files;
- a pass with nothing changed (rescan), against os.walk + stat of the same files;
- watch mode: one colleague's file lands, time until it is merged (median of 5);
- the cost of a pass as the share grows: 1k and 10k files (and 100k with --big).
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

try:
    import resource  # not on Windows
except ImportError:
    resource = None

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.forms.templates import TemplateSet  # noqa: E402
from desktop.core.merge.exchange import record_document  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402
from desktop.core.sync.engine import SyncEngine  # noqa: E402
from desktop.core.sync.share import APP_FOLDER  # noqa: E402
from desktop.core.sync.watcher import ShareWatcher, watch_forever  # noqa: E402

TEMPLATES = TemplateSet.load()
BENCH = Path(tempfile.gettempdir()) / "carnet-bench" / "sync"


def sample_records() -> tuple[dict, dict]:
    """A venue and a visit with every section filled, as record documents."""
    with tempfile.TemporaryDirectory() as folder:
        ws = open_workspace(Path(folder) / "d", TEMPLATES)
        venue = ws.store.create_venue({"name": "Le Lieu témoin", "commune": "Guéret"})
        visit = ws.store.create_visit(venue.id, "2026-11-20")
        ws.store.update_visit(visit.id, {
            "visit_type": "suivi", "legal_form": "association_loi_1901", "staff_fte": 2.5,
            "decision_making": "Collège solidaire et assemblée mensuelle. " * 5,
            "governance_notes": "Observations détaillées sur la gouvernance. " * 8,
            "economic_notes": "Équilibre entre ventes et subventions. " * 8,
            "strengths": "Une équipe soudée, des bénévoles fidèles. " * 6,
            "actions": [{"what": f"Action {n}", "who": "Marie", "due": "2027-01-15",
                         "status": "a_faire"} for n in range(3)],
        })  # fmt: skip
        assert ws.store.get_visit(visit.id).errors == {}, "a visit as the app's form makes it"
        documents = (record_document(ws.store, "venues", venue.id),
                     record_document(ws.store, "visits", visit.id))  # fmt: skip
        ws.close()
    return documents


def _restamp(record: dict, device: str, serial: int) -> None:
    stamp = f"{1_790_000_000_000 + serial:015d}-00000-{device}"
    for value in record["stamps"].values():
        value.update(stamp=stamp, device_id=device, user_name=f"Collègue {device}")
        value.pop("base", None)


def build_share(folder: Path, devices: int, visits_per_device: int) -> int:
    """Write the share as the devices would have published it; returns the file count."""
    venue_doc, visit_doc = sample_records()
    count, serial = 0, 0
    for d in range(devices):
        device = f"dev{d:03d}"
        base = folder / APP_FOLDER / "devices" / device / "records"
        (base / "venues").mkdir(parents=True)
        (base / "visits").mkdir(parents=True)
        venue_ids = []
        for v in range(max(1, visits_per_device // 7)):
            serial += 1
            document = copy.deepcopy(venue_doc)
            record = document["venues"][0]
            record["id"] = f"v{d:03d}x{v:05d}"
            record["data"]["name"] = f"Tiers-lieu {d}-{v}"
            _restamp(record, device, serial)
            document["device_id"] = device
            (base / "venues" / f"{record['id']}.json").write_text(json.dumps(document), "utf-8")
            venue_ids.append(record["id"])
            count += 1
        for n in range(visits_per_device):
            serial += 1
            document = copy.deepcopy(visit_doc)
            record = document["visits"][0]
            record["id"] = f"s{d:03d}x{n:06d}"
            record["venue_id"] = venue_ids[n % len(venue_ids)]
            record["owner_device"] = device
            _restamp(record, device, serial)
            document["device_id"] = device
            (base / "visits" / f"{record['id']}.json").write_text(json.dumps(document), "utf-8")
            count += 1
    return count


def cached_share(devices: int, per_device: int) -> tuple[Path, int]:
    folder = BENCH / f"share-v2-{devices}x{per_device}"  # v2: visits valid for the template
    marker = folder / "count.txt"
    if not marker.exists():
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        marker.write_text(str(build_share(folder, devices, per_device)))
    return folder, int(marker.read_text())


def baseline_read(folder: Path) -> float:
    started = time.perf_counter()
    for path in (folder / APP_FOLDER).rglob("*.json"):
        json.loads(path.read_bytes())
    return time.perf_counter() - started


def baseline_walk(folder: Path) -> float:
    started = time.perf_counter()
    for root, _dirs, files in os.walk(folder / APP_FOLDER):
        for name in files:
            os.stat(os.path.join(root, name))
    return time.perf_counter() - started


def fresh_laptop(share: Path):
    data = Path(tempfile.mkdtemp(prefix="carnet-sync-bench-"))
    return open_workspace(data / "d", TEMPLATES)


def measure_pass_costs(devices: int, per_device: int) -> dict:
    """The import first, its peak memory read right after it, the baselines last: reading
    every file with json.loads (pathlib's rglob) peaks at some 95 MB at 114,280 files, and
    measured first it set the « import's » peak (its freed memory stays with the process)."""
    share, files = cached_share(devices, per_device)
    ws = fresh_laptop(share)
    engine = SyncEngine(ws, share)
    written, cpu, workers = written_bytes(), time.process_time(), children_cpu()
    started = time.perf_counter()
    first = engine.run_pass(sheets=False)
    first_s = time.perf_counter() - started
    cpu = time.process_time() - cpu  # this process (writer and pass), not the pool's workers
    workers = children_cpu() - workers  # the pool's, counted once they are reaped
    written = written_bytes() - written
    assert first.ok and first.imported.created >= files, first.summary()
    rescans = []
    for _ in range(5):
        started = time.perf_counter()
        again = engine.run_pass(sheets=False)
        rescans.append(time.perf_counter() - started)
        assert again.imported.files_read == 0
    ws.close()
    shutil.rmtree(ws.data_dir.parent, ignore_errors=True)  # the laptop: 700 MB at 114k files
    rss = peak_rss_mb()
    walk = min(baseline_walk(share) for _ in range(3))
    return {"files": files, "first": first_s, "read": baseline_read(share),
            "rescan": statistics.median(rescans), "walk": walk, "rss_mb": rss,
            "written_mb": written / 2**20, "cpu_s": cpu, "workers_cpu_s": workers}  # fmt: skip


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM first: ru_maxrss keeps the high-water
    mark across execve, so a process started by a big one (run_all) reported its parent's."""
    with_status = Path("/proc/self/status")
    if with_status.exists():
        for line in with_status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if resource else 0


def children_cpu() -> float:
    """CPU seconds of this process's children that ended (the reading pool's workers)."""
    if resource is None:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def written_bytes() -> int:
    """Bytes this process handed to write calls (Linux; 0 elsewhere): the database, its
    WAL, its temporary files, and the tasks sent to the pool's workers."""
    try:
        with open("/proc/self/io") as io:
            return next(int(line.split()[1]) for line in io if line.startswith("wchar:"))
    except OSError:
        return 0


def measured_apart(devices: int, per_device: int) -> dict:
    """One size in its own process, so its peak memory is its own."""
    import subprocess

    out = subprocess.run([sys.executable, __file__, "--one", str(devices), str(per_device)],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def measure_watch_latency(share: Path) -> list[float]:
    ws = fresh_laptop(share)
    engine = SyncEngine(ws, share)
    engine.run_pass(sheets=False)
    merged, stop = threading.Event(), threading.Event()

    def one_pass():
        if engine.run_pass(sheets=False).imported.updated:
            merged.set()

    watcher = ShareWatcher(engine.share.root, engine.share.own, lambda: None)
    thread = threading.Thread(target=watch_forever, args=(one_pass, watcher, 60.0, stop))
    thread.start()
    time.sleep(1)
    target = next((share / APP_FOLDER / "devices" / "dev007" / "records" / "visits").iterdir())
    latencies = []
    for n in range(5):
        document = json.loads(target.read_text("utf-8"))
        record = document["visits"][0]
        latest = max(int(v["stamp"][:15]) for v in record["stamps"].values())
        stamp = f"{max(latest + 1, time.time_ns() // 1_000_000):015d}-00000-dev007"
        record["data"]["strengths"] = f"Modifié {n}"
        record["stamps"]["strengths"] = {"stamp": stamp, "device_id": "dev007", "user_name": "X"}
        merged.clear()
        temporary = target.with_name(f".syncthing.{target.name}.tmp")
        temporary.write_text(json.dumps(document), "utf-8")
        landed = time.perf_counter()
        os.replace(temporary, target)  # as Syncthing does
        assert merged.wait(30)
        latencies.append(time.perf_counter() - landed)
    stop.set()
    thread.join()
    ws.close()
    return latencies


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure_pass_costs(int(sys.argv[2]), int(sys.argv[3]))))
        return
    sizes = [(2, 500), (20, 500)] + ([(20, 5000)] if "--big" in sys.argv else [])
    print("Shared-folder sync — fresh laptop, passes without sheets")
    results = []
    for devices, per_device in sizes:
        cached_share(devices, per_device)  # built here, not inside the measured process
        r = measured_apart(devices, per_device)
        results.append(r)
        print(f"{r['files']:>7} files: first import {r['first']:.2f} s "
              f"(×{r['first'] / r['read']:.1f} read+parse {r['read']:.2f} s, "
              f"{r['files'] / r['first']:.0f} files/s); rescan unchanged {r['rescan'] * 1000:.0f} ms "
              f"(×{r['rescan'] / r['walk']:.1f} os.walk+stat {r['walk'] * 1000:.0f} ms); "
              f"max RSS {r['rss_mb']:.0f} MB; written {r.get('written_mb', 0):.0f} MB; "
              f"CPU of the importing process {r.get('cpu_s', 0):.1f} s, "
              f"of its reading workers {r.get('workers_cpu_s', 0):.1f} s")  # fmt: skip
    share, _ = cached_share(20, 500)
    latencies = measure_watch_latency(share)
    print(f"watch mode, one changed file merged after it lands: median "
          f"{statistics.median(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms "
          f"(share of {results[1]['files']} files)")  # fmt: skip


if __name__ == "__main__":
    main()
