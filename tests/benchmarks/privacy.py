"""Benchmark: what the privacy rules cost a sync pass (issue 11).

Run: .venv/bin/python tests/benchmarks/privacy.py [--photos N]
Two laptops and a share on disk; Alice attaches N camera-like photos (1600 × 1200 with
grain: 200–300 KB at 1200 px; their print renditions are made by the real attach
pipeline) to 20 visits, reviews them
(nobody recognisable) and shares them; Bob receives them. Then, each against a baseline
measured in the same run:
- the privacy steps of a pass with nothing changed (cleaning our media folder in the
  share, forgetting received pictures we may no longer hold) against the whole pass;
- a pass that withdraws a tenth of the photos (their rights narrowed to « interne »):
  Alice's pass (rights republished alone, pictures taken out of the share) and Bob's
  (rights applied, received pictures deleted), against Alice's pass with nothing changed.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from desktop.core.media.photos import PhotoLibrary  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402
from desktop.core.sync import withdrawals  # noqa: E402
from desktop.core.sync.engine import SHARED_FOLDER, SyncEngine  # noqa: E402
from desktop.core.sync.scan import list_share  # noqa: E402
from desktop.core.sync.share import Share  # noqa: E402

VISITS = 20


def camera_like(index: int) -> bytes:
    """A 1600×1200 photo with grain and shapes: its 1200-px rendition weighs 200–300 KB."""
    size = (1600, 1200)
    grain = Image.effect_noise(size, 60 + index % 10)
    other = Image.effect_noise(size, 60).rotate(180)
    gradient = Image.linear_gradient("L").resize(size).rotate(90 * (index % 4))
    channels = (grain, other, grain)
    image = Image.merge(
        "RGB", [Image.blend(gradient, c, w) for c, w in zip(channels, (0.5, 0.3, 0.3), strict=True)]
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def laptop(folder: Path, name: str, share: Path):
    ws = open_workspace(folder / f"data-{name}")
    ws.set_setting("user_name", name)
    ws.set_setting(SHARED_FOLDER, str(share))
    return ws


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_of(action, runs: int = 5) -> float:
    return statistics.median(timed(action) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=200)
    count = parser.parse_args().photos
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        share = folder / "partage"
        share.mkdir()
        alice, bob = laptop(folder, "Alice", share), laptop(folder, "Bob", share)
        venue = alice.store.create_venue({"name": "La Fabrique du Moulin", "commune": "Guéret"})
        visits = [alice.store.create_visit(venue.id, f"2026-{1 + n % 12:02d}-15") for n in range(VISITS)]  # fmt: skip
        library = PhotoLibrary(alice.store, alice.media)
        started = time.perf_counter()
        ids = []
        for n in range(count):
            outcome = library.attach_bytes(visits[n % VISITS].id, camera_like(n), f"IMG_{n}.jpg")
            ids.append(outcome.record_id)
        library.update_photos(ids, {"identifiable_people": False})
        print(f"{count} photos attached and reviewed in {time.perf_counter() - started:.1f} s")
        prints = list((alice.data_dir / "media" / "print").rglob("*.jpg"))
        sizes = sorted(p.stat().st_size for p in prints)
        print(f"print renditions: median {sizes[len(sizes) // 2] / 1000:.0f} KB")
        alice_engine, bob_engine = SyncEngine(alice, share), SyncEngine(bob, share)
        assert alice_engine.run_pass(sheets=False).ok and bob_engine.run_pass(sheets=False).ok
        own = Share(share, alice.store.author.device_id)
        print(f"shared: {len(list((own.own / 'media').iterdir()))} pictures in Alice's folder")

        idle_pass = median_of(lambda: alice_engine.run_pass(sheets=False))
        entries = list_share(own).entries
        cleaning = median_of(lambda: withdrawals.clean_own_media(alice, own, entries))
        forgetting = median_of(lambda: withdrawals.forget_unholdable_media(bob))
        print(f"pass with nothing changed (baseline): {idle_pass * 1000:.0f} ms")
        print(
            f"  cleaning our media folder: {cleaning * 1000:.1f} ms "
            f"(×{cleaning / idle_pass:.2f} the pass)"
        )
        print(
            f"  forgetting pictures no longer held (Bob): {forgetting * 1000:.1f} ms "
            f"(×{forgetting / idle_pass:.2f} the pass)"
        )

        withdrawn = ids[: max(1, count // 10)]
        library.update_photos(withdrawn, {"allowed_use": "interne"})
        alice_time = timed(lambda: alice_engine.run_pass(sheets=False))
        left = len(list((own.own / "media").iterdir()))
        bob_time = timed(lambda: bob_engine.run_pass(sheets=False))
        held = sum(1 for _ in (bob.data_dir / "media" / "print").rglob("*.jpg"))
        print(
            f"withdrawing {len(withdrawn)} photos: Alice's pass {alice_time * 1000:.0f} ms "
            f"(×{alice_time / idle_pass:.2f} a pass with nothing changed), "
            f"{left} pictures left in her folder"
        )
        print(
            f"Bob's pass applying it: {bob_time * 1000:.0f} ms "
            f"(×{bob_time / idle_pass:.2f}), {held} pictures left on his laptop"
        )
        for ws in (alice, bob):
            ws.close()


if __name__ == "__main__":
    main()
