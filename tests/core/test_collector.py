"""Python's collector runs less often during a bulk job, and as before after it."""

from __future__ import annotations

import gc
import threading

import pytest

from desktop.core.collector import BULK_THRESHOLD, fewer_collections


def test_a_bulk_job_raises_the_young_threshold_and_restores_it():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (BULK_THRESHOLD, *before[1:])
        assert gc.isenabled()  # it still runs: a cycle made in the job is still freed
    assert gc.get_threshold() == before


def test_a_small_job_leaves_the_collector_alone():
    before = gc.get_threshold()
    with fewer_collections(bulk=False):
        assert gc.get_threshold() == before


def test_an_error_in_the_job_restores_the_threshold():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("disque plein")
    assert gc.get_threshold() == before


def test_two_jobs_at_once_keep_it_raised_until_the_last_ends():
    before = gc.get_threshold()
    first_in, second_done = threading.Event(), threading.Event()
    during_second: list[tuple] = []

    def second_job() -> None:
        first_in.wait(5)
        with fewer_collections():
            pass
        during_second.append(gc.get_threshold())  # the first job is still running
        second_done.set()

    thread = threading.Thread(target=second_job)
    thread.start()
    with fewer_collections():
        first_in.set()
        assert second_done.wait(5)
    thread.join()
    assert during_second == [(BULK_THRESHOLD, *before[1:])]
    assert gc.get_threshold() == before
