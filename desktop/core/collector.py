"""Python's cycle collector, made to run less often during a long bulk job."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BULK_THRESHOLD = 100_000  # container objects allocated (net) before a young collection
_LOCK = threading.Lock()  # the threshold is process-wide: jobs of two threads share it
_HOLDERS = [0]  # jobs running
_SAVED: list[int] = []  # the threshold before the first of them


@contextmanager
def fewer_collections(bulk: bool = True) -> Iterator[None]:
    """A bulk job makes millions of short-lived dicts and lists without cycles (parsed
    records, rows): at the default threshold (700) the collector ran every few records,
    each time walking every young object, and in a first import of 114,280 files it took
    about a tenth of the importing process's time while finding nothing to free. It
    still runs, 140 times less often. Process-wide, and restored after; nested or
    concurrent jobs leave the threshold raised until the last one is done."""
    if not bulk:
        yield
        return
    with _LOCK:
        _HOLDERS[0] += 1
        if _HOLDERS[0] == 1:
            _SAVED[:] = gc.get_threshold()
            gc.set_threshold(BULK_THRESHOLD, *_SAVED[1:])
    try:
        yield
    finally:
        with _LOCK:
            _HOLDERS[0] -= 1
            if _HOLDERS[0] == 0:
                gc.set_threshold(*_SAVED)
