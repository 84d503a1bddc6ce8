"""Benchmark: the withdrawn-photo check of a sync pass with nothing changed.

Run: .venv/bin/python tests/benchmarks/withdrawn_check.py [--photos N]
Alice shares one real photo; its record file is cloned in her device folder of the share
into N photos (20,000 by default) over 50 visits, a hundredth of them narrowed to
« interne » with a caption. Bob imports them (his check erases the narrowed ones), then
passes until nothing is left to do. Then, each the median of 7, on Bob's laptop:
- baselines: SELECT count(*) FROM photos (an index), and one read of every row;
- before: the check every pass used to run (withdrawn_copies.any_to_erase: two scans);
- after: the pass's step as it is now (withdrawals.erase_unheld_details), nothing changed;
- a whole pass with nothing changed, for scale;
and the first import's time against a laptop whose write connection has no watch triggers.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from desktop.core.media.photos import PhotoLibrary  # noqa: E402
from desktop.core.merge.exchange import record_document  # noqa: E402
from desktop.core.privacy.withdrawn_copies import any_to_erase  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402
from desktop.core.sync import withdrawals  # noqa: E402
from desktop.core.sync.engine import SHARED_FOLDER, SyncEngine  # noqa: E402
from desktop.core.sync.share import Share  # noqa: E402

VISITS = 50
ROWS_BASELINE = "SELECT sum(length(caption)) FROM photos"  # the table's rows, read once


def laptop(folder: Path, name: str, share: Path):
    ws = open_workspace(folder / f"data-{name}")
    ws.set_setting("user_name", name)
    ws.set_setting(SHARED_FOLDER, str(share))
    return ws


def median_ms(action, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def clone_photos(alice, share: Path, photo_id: str, visits: list[str], count: int) -> None:
    """Alice's photo file, as N photos of hers (new ids, her stamps moved on)."""
    device = alice.store.author.device_id
    folder = Share(share, device).own / "records" / "photos"
    template = record_document(alice.store, "photos", photo_id)
    for n in range(count):
        document = copy.deepcopy(template)
        record = document["photos"][0]
        record.update(id=f"p{n:07d}", visit_id=visits[n % len(visits)])
        record["data"]["position"] = float(n)
        if n % 100 == 0:  # narrowed: Bob may no longer hold its caption
            record["data"].update(allowed_use="interne", caption=f"Personne {n} à l'atelier")
        for stamp in record["stamps"].values():
            stamp["stamp"] = stamp["stamp"].replace("-00000-", f"-{n % 90000 + 10000:05d}-")
        path = folder / f"{record['id']}.json"
        path.write_text(json.dumps(document), "utf-8")
        # Written an hour ago: files within 2 s of the share's newest are read again at
        # every pass (sync.new_files, racily clean), which a burst of 20,000 would be.
        os.utime(path, (time.time() - 3600,) * 2)


def drop_watch(writer) -> None:
    for (name,) in writer.db.conn.execute(
        "SELECT name FROM sqlite_temp_master WHERE name LIKE 'withdrawn_watch_%'"
    ).fetchall():
        writer.db.conn.execute(f"DROP TRIGGER temp.{name}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=20_000)
    count = parser.parse_args().photos
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        share = folder / "partage"
        share.mkdir()
        alice, bob = laptop(folder, "Alice", share), laptop(folder, "Bob", share)
        venue = alice.store.create_venue({"name": "La Fabrique du Moulin"})
        visits = [alice.store.create_visit(venue.id, f"2026-{1 + n % 12:02d}-15").id for n in range(VISITS)]  # fmt: skip
        picture = io.BytesIO()
        Image.new("RGB", (640, 480), (40, 120, 200)).save(picture, "JPEG")
        library = PhotoLibrary(alice.store, alice.media)
        photo = library.attach_bytes(visits[0], picture.getvalue(), "atelier.jpg").record_id
        library.update_photo(photo, {"identifiable_people": False, "caption": "L'atelier"})
        alice_engine, bob_engine = SyncEngine(alice, share), SyncEngine(bob, share)
        assert alice_engine.run_pass(sheets=False).ok
        clone_photos(alice, share, photo, visits, count)
        # What the watch's triggers cost a bulk import: Carol takes the same files without.
        carol = laptop(folder, "Carol", share)
        carol.service.call(drop_watch)
        started = time.perf_counter()
        assert SyncEngine(carol, share).run_pass(sheets=False).ok
        unwatched = time.perf_counter() - started
        carol.close()
        started = time.perf_counter()
        first = bob_engine.run_pass(sheets=False)
        print(
            f"Bob imports {count} photos in {time.perf_counter() - started:.1f} s "
            f"(Carol, without the watch's triggers: {unwatched:.1f} s), "
            f"erases {first.imported.photos_erased}"
        )
        while bob_engine.run_pass(sheets=False).imported.photos_erased:
            pass  # until nothing is left to do
        bob_engine.run_pass(sheets=False)
        conn, me = bob.db.conn, bob.store.author.device_id
        held = conn.execute("SELECT count(*) FROM photos").fetchone()[0]
        print(f"Bob holds {held} photos")
        baseline = median_ms(lambda: conn.execute("SELECT count(*) FROM photos").fetchone())
        rows = median_ms(lambda: conn.execute(ROWS_BASELINE).fetchone())
        before = median_ms(lambda: any_to_erase(conn, me))
        after = median_ms(lambda: withdrawals.erase_unheld_details(bob))
        idle = median_ms(lambda: bob_engine.run_pass(sheets=False), runs=5)
        print(f"baseline SELECT count(*) FROM photos: {baseline:.2f} ms")
        print(f"baseline reading every photo's row once: {rows:.2f} ms")
        print(f"before, both scans every pass: {before:.2f} ms (×{before / rows:.1f} the row read)")
        print(f"after, nothing changed: {after:.3f} ms (×{after / baseline:.2f} the count)")
        print(f"a whole pass with nothing changed (now): {idle:.0f} ms")
        for ws in (alice, bob):
            ws.close()


if __name__ == "__main__":
    main()
