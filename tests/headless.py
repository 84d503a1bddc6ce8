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


def start_carnet(data_dir: Path, *args: str) -> subprocess.Popen:
    """A long-running command (sync --watch), its output readable at the end."""
    env = {**os.environ, "CARNET_NO_BOOTSTRAP": "1"}
    return subprocess.Popen(
        [sys.executable, "main.py", "--data-dir", str(data_dir), *args],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


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
