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
