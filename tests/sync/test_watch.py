"""Change detection: the real watchdog observer, and the rescan when events are lost."""

from __future__ import annotations

import threading
import time

from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.watcher import ShareWatcher, watch_forever


def test_the_observer_reports_a_colleagues_new_file(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    alice.sync(), bob.sync()
    engine = SyncEngine(bob.workspace)
    seen = threading.Event()
    watcher = ShareWatcher(engine.share.root, engine.share.own, seen.set)
    assert watcher.start()
    try:
        alice.store.create_venue({"name": "Le Bocal"})
        alice.sync()
        assert seen.wait(10)
    finally:
        watcher.stop()


def test_bobs_own_writes_and_temp_files_are_not_changes(laptops):
    bob = laptops("bob")
    bob.sync()
    engine = SyncEngine(bob.workspace)
    watcher = ShareWatcher(engine.share.root, engine.share.own, lambda: None)
    assert not watcher.relevant(engine.share.own / "records" / "venues" / "x.json")
    other = engine.share.devices / "abc" / "records" / "venues"
    assert not watcher.relevant(other / ".syncthing.x.json.tmp")
    assert watcher.relevant(other / "x.json")


def test_events_dropped_the_rescan_still_converges(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    alice.sync(), bob.sync()
    engine = SyncEngine(bob.workspace)
    watcher = ShareWatcher(engine.share.root, engine.share.own, lambda: None)
    watcher.start()
    watcher.stop()  # the observer died (queue overflow, network share): no events at all
    venue = alice.store.create_venue({"name": "La Grange"})
    alice.sync()
    assert engine.run_pass(sheets=False).imported.created == 1
    assert bob.store.get_venue(venue.id).name == "La Grange"


def test_watch_mode_merges_a_change_within_seconds(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    alice.sync(), bob.sync()
    from desktop.core.storage.workspace import open_workspace

    worker = open_workspace(bob.workspace.data_dir, bob.workspace.templates)
    engine = SyncEngine(worker)
    stop, passes, ready = threading.Event(), [], threading.Event()
    watcher = ShareWatcher(engine.share.root, engine.share.own, lambda: None)
    thread = threading.Thread(
        target=watch_forever,
        args=(lambda: passes.append(engine.run_pass(sheets=False)), watcher, 60.0, stop),
        kwargs={"settle_seconds": 0.1, "on_ready": ready.set},
    )
    thread.start()
    try:
        assert ready.wait(10)  # the observer is on: a change from now on is seen
        venue = alice.store.create_venue({"name": "L'Escale"})
        alice.sync()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(p.imported.created for p in passes):
            time.sleep(0.05)
        assert any(p.imported.created for p in passes)
        assert bob.store.get_venue(venue.id).name == "L'Escale"
    finally:
        stop.set()
        thread.join(10)
        worker.close()
