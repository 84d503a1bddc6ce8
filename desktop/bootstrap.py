"""Self-installing entry: run inside the project's own virtualenv, made on first use.

Standard library only: this runs before any dependency exists. `python main.py` and
`python -m tests` both call `ensure_environment`, so a fresh machine with Python 3.11+
needs no manual install step. The pins live in pyproject.toml; the virtualenv is
refreshed whenever they change (a hash of the list is kept in the venv).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
VENV_DIR = REPO_ROOT / ".venv"
MARKER_NAME = "carnet-requirements.txt"


def venv_python(venv_dir: Path = VENV_DIR) -> Path:
    if os.name == "nt":
        return venv_dir / "Scripts" / "python.exe"
    return venv_dir / "bin" / "python"


def pinned_requirements(extras: tuple[str, ...]) -> list[str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project.get("optional-dependencies", {}).get(extra, [])
    return requirements


def _running_in(venv_dir: Path) -> bool:
    return Path(sys.prefix).resolve() == venv_dir.resolve()


def _install(requirements: list[str], venv_dir: Path) -> None:
    """pip install what the marker does not list yet (app and test runs share the venv)."""
    marker = venv_dir / MARKER_NAME
    installed = set(marker.read_text("utf-8").split("\n")) if marker.exists() else set()
    if set(requirements) <= installed:
        return
    if not venv_python(venv_dir).exists():
        print("Carnet : préparation de l'environnement (première fois)…", file=sys.stderr)
        venv.create(venv_dir, with_pip=True)
    print("Carnet : installation des dépendances…", file=sys.stderr)
    command = [str(venv_python(venv_dir)), "-m", "pip", "install", "--disable-pip-version-check"]
    subprocess.run([*command, "-q", *requirements], check=True)
    # A changed pin replaces its old line: keep only pins still wanted or of other extras.
    names = {_name(r) for r in requirements}
    kept = {r for r in installed if r and _name(r) not in names}
    marker.write_text("\n".join(sorted(kept | set(requirements))), "utf-8")


def _name(requirement: str) -> str:
    return requirement.split("==")[0].strip().lower()


def ensure_environment(extras: tuple[str, ...] = ()) -> None:
    """Make sure we run in .venv with the pinned requirements, re-executing if needed.

    CARNET_NO_BOOTSTRAP=1 skips all this, for packagers who install the deps themselves.
    """
    if os.environ.get("CARNET_NO_BOOTSTRAP") == "1":
        return
    _install(pinned_requirements(extras), VENV_DIR)
    if _running_in(VENV_DIR):
        return
    python = str(venv_python())
    argv = [python, *sys.orig_argv[1:]]
    if os.name == "nt":  # execv on Windows does not replace the process cleanly
        sys.exit(subprocess.call(argv))
    os.execv(python, argv)
