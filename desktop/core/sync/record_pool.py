"""Reading record files on the other cores during a large pass (a first import of a share).

The checks of record_reading.py run in worker processes (the GIL keeps threads on one
core), one per core but the writer's (workers()), a few chunks ahead of the merge: while the single writer merges one chunk, the
workers read and validate the next ones. Never more than LOOKAHEAD chunks wait, so the
memory held stays flat however large the share. A small pass (a colleague's few new
files) is read in the calling thread: starting processes would cost more than it saves.
Workers are spawned, not forked: the app has threads (the writer, Qt's, watchdog's)
and a fork would copy their locks in whatever state they are. A spawned worker imports
the main script again (main.py keeps its start under `if __name__ == "__main__"`); a
frozen bundle would start the whole app again unless its entry point calls
multiprocessing.freeze_support() first, so a bundle reads serially.
"""

from __future__ import annotations

import dataclasses
import functools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from desktop.core.sync.record_reading import FileRead, read_record_files
from desktop.core.sync.scan import Entry
from desktop.core.sync.share import Share

POOL_THRESHOLD = 2000  # files to read before a pass starts worker processes
# Chunks read ahead of the merge. One is enough: the workers read a chunk in less time
# than the writer merges one. Each chunk ahead holds its files' bytes and
# derived columns (some 4 MB at 500 files): with two, the pass's peak memory was 4 MB
# higher and varied more with the share's size (94 MB at 114,280 files, against 98).
LOOKAHEAD = 1
PIECES = 4  # a chunk is cut in this many tasks, so every worker stays busy

Todo = list[tuple[Entry, Any]]
Reader = Callable[[Share, Todo], list[FileRead]]  # read_record_files with its template


def workers(cores: int | None = None) -> int:
    """One core left to the single writer, the pass's critical path; one worker at least
    (even on one core, reading overlaps the merge's waits on the disk), four at most.

    On two cores, two workers left three busy processes for two cores: the writer waited
    4.5–5.1 s for a core during a first import of 114,280 files, against 2.4–2.5 s with
    one worker, and the pass took 32.2 and 34.5 s against 30.1 and 31.3 (interleaved).
    The one worker keeps ahead of the writer: it reads a chunk in some 80 ms of CPU
    where the writer merges it in some 100."""
    cores = cores or os.cpu_count() or 1
    return max(1, min(4, cores - 1))


def read_in_order(
    share: Share,
    chunks: Iterator[Todo],
    total: int,
    pool_threshold: int | None = None,
    template: Any = None,
) -> Iterator[tuple[Todo, list[FileRead]]]:
    """(todo, its reads) for each chunk, in order; on a pool when total is large.

    template: the writer's visit template (see read_record_files), or None."""
    threshold = POOL_THRESHOLD if pool_threshold is None else pool_threshold
    if template is not None:  # a copy without what it worked out and cached (not picklable)
        template = dataclasses.replace(template)
    read = functools.partial(read_record_files, template=template)
    if total < threshold or getattr(sys, "frozen", False):
        for todo in chunks:
            yield todo, read(share, todo)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers(), mp_context=context) as pool:
        yield from _pipelined(share, chunks, pool.submit, read)


def _pipelined(
    share: Share, chunks: Iterator[Todo], submit: Callable[..., Future], read: Reader
) -> Iterator[tuple[Todo, list[FileRead]]]:
    waiting: deque[tuple[Todo, list[Future]]] = deque()
    for todo in chunks:
        waiting.append((todo, _submitted(share, todo, submit, read)))
        if len(waiting) > LOOKAHEAD:
            yield _collected(share, *waiting.popleft(), read)
    while waiting:
        yield _collected(share, *waiting.popleft(), read)


def _submitted(share: Share, todo: Todo, submit, read: Reader) -> list[Future]:
    size = max(1, -(-len(todo) // PIECES))
    try:
        return [submit(read, share, todo[i : i + size]) for i in range(0, len(todo), size)]
    except BrokenProcessPool:  # a worker died earlier: this chunk is read here
        done: Future = Future()
        done.set_result(read(share, todo))
        return [done]


def _collected(
    share: Share, todo: Todo, futures: list[Future], read: Reader
) -> tuple[Todo, list[FileRead]]:
    try:
        return todo, [one for future in futures for one in future.result()]
    except BrokenProcessPool:  # a worker died (out of memory, killed): read it here
        return todo, read(share, todo)
