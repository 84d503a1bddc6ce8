"""The packaging tools (uv, PyInstaller) in their own virtualenv, installed from the lock.

Shared by lock.py, wheelhouse.py and build_bundle.py; standard library only. The virtualenv
is build/packaging-venv (git ignores build/), made on first use from
requirements/packaging.txt with --require-hashes, so every machine uses the same tools.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
REQUIREMENTS = HERE / "requirements"
TOOLS_VENV = REPO / "build" / "packaging-venv"


def venv_bin(venv_dir: Path, name: str) -> Path:
    if os.name == "nt":
        return venv_dir / "Scripts" / f"{name}.exe"
    return venv_dir / "bin" / name


def run(command: list[str | Path], **kwargs) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)


def tools_python() -> Path:
    """The tools virtualenv's python, (re)installed when requirements/packaging.txt changed."""
    lock = REQUIREMENTS / "packaging.txt"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    marker = TOOLS_VENV / "carnet-packaging-lock.sha256"
    python = venv_bin(TOOLS_VENV, "python")
    if marker.exists() and marker.read_text().strip() == digest and python.exists():
        return python
    if not python.exists():
        venv.create(TOOLS_VENV, with_pip=True)
    run([python, "-m", "pip", "install", "-q", "--require-hashes", "-r", lock])
    marker.write_text(digest)
    return python


def tool(name: str) -> Path:
    tools_python()
    return venv_bin(TOOLS_VENV, name)


if __name__ == "__main__":
    sys.exit(print(tools_python()))
