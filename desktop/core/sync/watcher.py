"""Noticing changes in the share: watchdog's native observer, plus a rescan in every case.

Network shares send no events and event queues overflow, so the observer only makes a
pass happen sooner; the periodic rescan is what guarantees convergence. Callbacks run
on watchdog's own thread: they only set a flag or call a thread-safe notifier.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from desktop.core.sync.names import temporary_reason


class ShareWatcher:
    """Calls on_change (from watchdog's thread) when a colleague's file may have changed."""

    def __init__(self, root: Path, own_device: Path, on_change: Callable[[], None]) -> None:
        self.root, self.own_device, self.on_change = Path(root), Path(own_device), on_change
        self._observer = None

    def start(self) -> bool:
        """Start the native observer; False if this folder cannot be watched (rescan only)."""
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.event_type in ("opened", "closed_no_write"):
                    return
                path = getattr(event, "dest_path", "") or event.src_path
                if watcher.relevant(Path(str(path))):
                    watcher.on_change()

        if not self.root.is_dir():
            return False  # the share is not there (yet): the rescan will find it
        try:
            observer = Observer()
            observer.schedule(Handler(), str(self.root), recursive=True)
            observer.start()
        except (OSError, RuntimeError):
            return False
        self._observer = observer
        return True

    def relevant(self, path: Path) -> bool:
        if self.own_device in path.parents or temporary_reason(path.name):
            return False
        return path.suffix.lower() in (".json", ".jpg", ".pdf", "") or "media" in path.parts

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None

    @property
    def watching(self) -> bool:
        return self._observer is not None and self._observer.is_alive()


def watch_forever(
    run_pass: Callable[[], object],
    watcher: ShareWatcher,
    rescan_seconds: float,
    stop: threading.Event,
    settle_seconds: float = 0.3,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Run a pass on each change (after a short settle) and every rescan_seconds anyway;
    on_ready is called once the observer is started (a change from then on is seen)."""
    changed = threading.Event()
    watcher.on_change = changed.set
    watcher.start()
    if on_ready:
        on_ready()
    try:
        while not stop.is_set():
            changed.wait(timeout=rescan_seconds)
            if stop.is_set():
                break
            if changed.is_set():
                stop.wait(settle_seconds)  # a sync client writing several files at once
                changed.clear()
            run_pass()
    finally:
        watcher.stop()
