"""Self-installing entry of a checkout: run inside the project's own virtualenv, made on first use.

Standard library only: this runs before any dependency exists. `python3 main.py` and
`python3 -m tests` both call `ensure_environment`, so a fresh machine with Python 3.11+
needs no manual install step. What is installed is the lock, with its hashes
(resources/packaging/requirements/app.txt, or test.txt for the tests, exported from uv.lock):
every transitive dependency at the same version, from the same files, on every laptop.
The virtualenv is refreshed whenever the lock changes (the digests installed are kept in it).
A failure ends in a French message saying what to install or do, never a traceback.
An installed Carnet (pip, pipx, uv tool, the bundle) does not come through here.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from desktop.bootstrap_messages import BootstrapError, explain_pip_failure, no_venv_message

REPO_ROOT = Path(__file__).resolve().parents[1]
LOCK_DIR = REPO_ROOT / "resources" / "packaging" / "requirements"
LOCK_COMMAND = "python3 resources/packaging/lock.py"
MARKER_NAME = "carnet-lock.sha256"


def venv_dir() -> Path:
    """.venv in the checkout; CARNET_VENV_DIR elsewhere (a read-only checkout, the tests)."""
    return Path(os.environ.get("CARNET_VENV_DIR") or REPO_ROOT / ".venv")


def venv_python(folder: Path) -> Path:
    if os.name == "nt":
        return folder / "Scripts" / "python.exe"
    return folder / "bin" / "python"


def lock_file(extras: tuple[str, ...]) -> Path:
    """app.txt for the app; test.txt (the app's lock plus the test extra) for the tests."""
    return LOCK_DIR / ("test.txt" if "test" in extras else "app.txt")


def normalized(name: str) -> str:
    return "-".join(name.replace("_", "-").replace(".", "-").lower().split("-"))


def pins(lines: list[str]) -> dict[str, str]:
    """name -> version of each `name==version` requirement (markers and hashes left aside)."""
    found = {}
    for line in lines:
        requirement = line.split(";")[0].split("\\")[0].split("#")[0].strip()
        if "==" in requirement:
            name, version = requirement.split("==", 1)
            found[normalized(name.split("[")[0])] = version.strip()
    return found


def pyproject_pins(pyproject: Path, extras: tuple[str, ...]) -> dict[str, str]:
    import tomllib

    project = tomllib.loads(pyproject.read_text("utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in extras:
        wanted += project.get("optional-dependencies", {}).get(extra, [])
    return pins(wanted)


def stale_pins(pyproject: Path, lock: Path, extras: tuple[str, ...]) -> list[str]:
    """pyproject's pins that the lock lacks or holds at another version (`name==version`)."""
    locked = pins(lock.read_text("utf-8").splitlines()) if lock.exists() else {}
    wanted = pyproject_pins(pyproject, extras)
    return [f"{name}=={version}" for name, version in wanted.items() if locked.get(name) != version]


def check_lock(extras: tuple[str, ...]) -> Path:
    lock = lock_file(extras)
    stale = stale_pins(REPO_ROOT / "pyproject.toml", lock, extras)
    if stale:
        raise BootstrapError(
            f"le verrou des dépendances n'est pas à jour ({', '.join(stale)} manque dans "
            f"{lock.relative_to(REPO_ROOT).as_posix()}).\n"
            f"Après une modification de pyproject.toml, lancez : {LOCK_COMMAND}"
        )
    return lock


def create_venv(folder: Path) -> None:
    """venv, then pip through ensurepip: what Debian leaves out without python3-venv."""
    import subprocess  # here: every start comes through this module, few need it

    print("Carnet : préparation de l'environnement (première fois)…", file=sys.stderr)
    try:
        import venv

        venv.create(folder, with_pip=False)
    except (ImportError, OSError, subprocess.CalledProcessError) as error:
        raise BootstrapError(no_venv_message(folder, str(error))) from None
    ensurepip = [str(venv_python(folder)), "-m", "ensurepip", "--upgrade", "--default-pip"]
    result = subprocess.run(ensurepip, capture_output=True, text=True, errors="replace")
    if result.returncode != 0:
        _remove_half_made(folder)
        raise BootstrapError(no_venv_message(folder, result.stdout + result.stderr))


def _remove_half_made(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)  # so that the next start tries again


def install_lock(lock: Path, folder: Path) -> None:
    """pip install --require-hashes the lock; pip's progress shows, its errors are explained."""
    marker = folder / MARKER_NAME
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    done = set(marker.read_text("utf-8").split()) if marker.exists() else set()
    if digest in done and venv_python(folder).exists():
        return
    if not venv_python(folder).exists():
        create_venv(folder)
    import subprocess

    print("Carnet : installation des dépendances (une fois, plusieurs minutes)…", file=sys.stderr)
    command = [str(venv_python(folder)), "-m", "pip", "install", "--disable-pip-version-check"]
    command += ["--require-hashes", "-r", str(lock)]
    result = subprocess.run(command, stderr=subprocess.PIPE, text=True, errors="replace")
    if result.returncode != 0:
        raise BootstrapError(explain_pip_failure(result.returncode, result.stderr))
    current = {hashlib.sha256(f.read_bytes()).hexdigest() for f in LOCK_DIR.glob("*.txt")}
    marker.write_text("\n".join(sorted((done & current) | {digest})), "utf-8")


def prepare_or_exit(folder: Path, extras: tuple[str, ...] = (), lock: Path | None = None) -> None:
    """The virtualenv in `folder` with the lock installed, or a French message and exit code 1."""
    try:
        install_lock(lock or check_lock(extras), folder)
    except BootstrapError as error:
        print(f"Carnet : {error}", file=sys.stderr)
        raise SystemExit(1) from None


def ensure_environment(extras: tuple[str, ...] = ()) -> None:
    """Make sure we run in the virtualenv with the locked requirements, re-executing if needed.

    CARNET_NO_BOOTSTRAP=1 skips all this, for packagers who install the deps themselves.
    """
    if os.environ.get("CARNET_NO_BOOTSTRAP") == "1":
        return
    if sys.version_info < (3, 11):  # noqa: UP036 - this runs on whatever python3 the user has
        version = ".".join(map(str, sys.version_info[:3]))
        print(
            f"Carnet : Python 3.11 ou plus récent est nécessaire (ici {version}).", file=sys.stderr
        )
        raise SystemExit(1)
    folder = venv_dir()
    prepare_or_exit(folder, extras)
    if Path(sys.prefix).resolve() == folder.resolve():
        return
    python = str(venv_python(folder))
    argv = [python, *sys.orig_argv[1:]]
    if os.name == "nt":  # execv on Windows does not replace the process cleanly
        import subprocess

        sys.exit(subprocess.call(argv))
    os.execv(python, argv)
