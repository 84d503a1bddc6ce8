"""Fixtures for every test folder: Carnet's log kept out of the real home, and
hypothesis's example database out of the repository's top level."""

from __future__ import annotations

import faulthandler
import logging
import tempfile
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from desktop.core.diagnostics import log_files

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "carnet-hypothesis")


@pytest.fixture(autouse=True, scope="session")
def log_folder_out_of_home(tmp_path_factory):
    """Commands started as subprocesses log too: they inherit this (Linux's log folder
    is $XDG_STATE_HOME/Carnet/log)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("xdg-state")))
        # This computer's id (core/storage/device_binding.py), out of the real home too.
        patch.setenv("CARNET_MACHINE_DIR", str(tmp_path_factory.mktemp("poste")))
        yield


@pytest.fixture
def isolated_logging(monkeypatch, tmp_path, request):
    """start_logging() may be called: its log folder is tmp_path/state/Carnet/log, and the
    root logger and faulthandler are as before once the test is over."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield tmp_path / "state" / "Carnet" / "log"
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    log_files._handlers.clear()
    _restore_faulthandler(request.config)


def _restore_faulthandler(config) -> None:
    """Back to pytest's own faulthandler file, then close the crash log start_logging opened."""
    from _pytest.faulthandler import fault_handler_stderr_fd_key

    pytest_fd = config.stash.get(fault_handler_stderr_fd_key, None)
    if pytest_fd is None:
        faulthandler.disable()
    else:
        faulthandler.enable(file=pytest_fd)
    if log_files._crash_file is not None:
        log_files._crash_file.close()
        log_files._crash_file = None
