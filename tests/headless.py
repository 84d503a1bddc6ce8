"""Running the headless commands as a user would: python main.py --data-dir DIR COMMAND…"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def run_carnet(data_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The finished process of one command (the test run's virtualenv, no bootstrap)."""
    env = {**os.environ, "CARNET_NO_BOOTSTRAP": "1"}
    return subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data_dir), *args],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def run_python(code: str) -> subprocess.CompletedProcess:
    """Python code run in a fresh interpreter from the repository (what a module imports
    at start, without this test process's modules already loaded)."""
    env = {**os.environ, "CARNET_NO_BOOTSTRAP": "1"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )


def start_carnet(data_dir: Path, *args: str) -> subprocess.Popen:
    """A long-running command (sync --watch), its output readable at the end."""
    # PYTHONFAULTHANDLER: a command that hangs is aborted by stop_with_ctrl_c, and
    # prints every thread's stack on its way out.
    env = {**os.environ, "CARNET_NO_BOOTSTRAP": "1", "PYTHONFAULTHANDLER": "1"}
    return subprocess.Popen(
        [sys.executable, "main.py", "--data-dir", str(data_dir), *args],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def stop_with_ctrl_c(process: subprocess.Popen, timeout: float = 20) -> None:
    """Ctrl+C, as a user stops `sync --watch`; a command still running after timeout is
    aborted and the test fails with its threads' stacks (faulthandler), not a bare
    TimeoutExpired."""
    import signal

    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)
        _out, err = process.communicate(timeout=10)
        raise AssertionError(f"still running {timeout} s after Ctrl+C:\n{err[-6000:]}") from None


class LineReader:
    """The lines of a running command's stdout, waited for with a deadline (a thread
    reads them, so a command that prints nothing never blocks the test)."""

    def __init__(self, process: subprocess.Popen) -> None:
        import queue
        import threading

        self.lines: list[str] = []
        self._queue: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, start: str, timeout: float = 60) -> str:
        """The first line from now on that starts with `start`; AssertionError if none."""
        import queue
        import time

        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.lines.append(line)
            if line.startswith(start):
                return line
        raise AssertionError(f"« {start} » never printed:\n{''.join(self.lines)}")

    def rest(self) -> str:
        """Everything printed, once the process has ended."""
        while (line := self._queue.get(timeout=20)) is not None:
            self.lines.append(line)
        return "".join(self.lines)
