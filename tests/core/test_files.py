"""Atomic writes: whole or nothing, no temp file left behind, the usual file mode."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat

import pytest

from desktop.core.storage import files
from desktop.core.storage.files import atomic_target, new_file_mode, write_atomic

posix_only = pytest.mark.skipif(os.name == "nt", reason="no umask on Windows")


@pytest.fixture
def umask_027():
    """A umask other than the usual 022, so the test tells them apart."""
    previous = os.umask(0o027)
    new_file_mode.cache_clear()
    yield
    os.umask(previous)
    new_file_mode.cache_clear()


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@posix_only
def test_a_file_written_atomically_gets_the_umask_mode(tmp_path, umask_027):
    path = tmp_path / "partage" / "fiche.pdf"
    write_atomic(path, b"%PDF")
    assert path.read_bytes() == b"%PDF"
    assert _mode(path) == 0o640  # 0o666 less the umask, not mkstemp's private 0600
    (tmp_path / "ordinary").write_bytes(b"")  # what any other program would create
    assert _mode(path) == _mode(tmp_path / "ordinary")


@posix_only
def test_a_file_written_by_a_library_to_the_temp_path_gets_the_umask_mode(tmp_path, umask_027):
    path = tmp_path / "copie.sqlite"
    with atomic_target(path) as temporary:
        conn = sqlite3.connect(temporary)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    assert _mode(path) == 0o640
    assert sqlite3.connect(path).execute("SELECT count(*) FROM t").fetchone() == (0,)


@posix_only
def test_the_mode_is_read_without_changing_the_umask(umask_027):
    assert new_file_mode() == 0o640
    assert files._probed_mode() == 0o640  # where /proc does not tell it (macOS)
    assert os.umask(0o027) == 0o027  # still what it was


def test_an_interrupted_write_leaves_the_previous_file_and_no_temp(tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"previous")
    with pytest.raises(KeyboardInterrupt), atomic_target(path) as temporary:
        temporary.write_bytes(b"half of the new")
        raise KeyboardInterrupt
    assert path.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["export.xlsx"]


def test_a_failed_rename_leaves_the_previous_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "lieu.json"
    path.write_bytes(b"previous")

    def disk_full(source, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["lieu.json"]


def test_a_write_replaces_the_previous_file_whole(tmp_path):
    path = tmp_path / "lieu.json"
    path.write_bytes(b"previous, longer than the new")
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["lieu.json"]
