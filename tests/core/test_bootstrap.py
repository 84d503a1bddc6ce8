"""The checkout's bootstrap: the lock it installs, and its failures said in French.

Each failure is real: a Python whose ensurepip refuses (as Debian's without python3-venv),
a real pip against an index that does not answer, a real pip refusing a file whose hash
is not the lock's. The bootstrap runs in its own process, as `python3 main.py` runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from desktop import bootstrap

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = REPO / "pyproject.toml"


def test_the_lock_holds_every_pin_of_pyproject():
    """Fails after a dependency is added without relocking: run resources/packaging/lock.py."""
    assert bootstrap.stale_pins(PYPROJECT, bootstrap.lock_file(()), ()) == []
    assert bootstrap.stale_pins(PYPROJECT, bootstrap.lock_file(("test",)), ("test",)) == []


def test_the_lock_pins_every_transitive_dependency_with_hashes():
    for name in ("app.txt", "test.txt", "packaging.txt"):
        text = (bootstrap.LOCK_DIR / name).read_text("utf-8")
        requirements = [line for line in text.splitlines() if line and line[0].isalnum()]
        assert len(requirements) >= 9
        for requirement in requirements:
            assert "==" in requirement and requirement.endswith("\\"), requirement  # hashes follow
    app = bootstrap.pins((bootstrap.LOCK_DIR / "app.txt").read_text("utf-8").splitlines())
    assert {"shiboken6", "referencing", "rpds-py", "click"} <= set(app)  # not in pyproject
    assert "pytest" not in app


def test_a_pin_missing_from_the_lock_is_named(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    text = PYPROJECT.read_text("utf-8")
    pyproject.write_text(text.replace("dependencies = [", 'dependencies = [\n "humanize==4.9.0",'))
    assert bootstrap.stale_pins(pyproject, bootstrap.lock_file(()), ()) == ["humanize==4.9.0"]


def run_bootstrap(folder: Path, env: dict[str, str], lock: Path | None = None):
    """prepare_or_exit in a process of its own, as main.py runs it."""
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from desktop.bootstrap import prepare_or_exit;"
        "prepare_or_exit(Path(sys.argv[2]), lock=Path(sys.argv[3]) if sys.argv[3] else None)"
    )
    command = [sys.executable, "-c", code, str(REPO), str(folder), str(lock or "")]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)


def offline_env(**extra: str) -> dict[str, str]:
    """No pip configuration of this machine (its local indexes), no bootstrap skipping."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "CARNET_"))}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_RETRIES": "0", "PIP_TIMEOUT": "5", **extra}


def test_without_ensurepip_it_names_python3_venv(tmp_path):
    debian_stub = tmp_path / "stub" / "ensurepip"  # what Debian ships without python3-venv
    debian_stub.mkdir(parents=True)
    (debian_stub / "__init__.py").write_text("")
    (debian_stub / "__main__.py").write_text(
        "import sys\nprint('ensurepip is disabled in Debian/Ubuntu for the system python.')\n"
        "sys.exit(1)\n"
    )
    folder = tmp_path / "venv"
    result = run_bootstrap(folder, offline_env(PYTHONPATH=str(debian_stub.parent)))
    assert result.returncode == 1, result.stderr
    assert "sudo apt install python3-venv" in result.stderr
    assert "ensurepip is disabled" in result.stderr  # pip's own words as the detail
    assert "Traceback" not in result.stderr
    assert not folder.exists()  # the half-made virtualenv is gone: the next start tries again


@pytest.fixture(scope="module")
def venv_with_pip(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bootstrap") / "venv"
    venv.create(folder, with_pip=True)
    return folder


def test_an_unreachable_index_says_to_check_the_network(venv_with_pip):
    """main.py itself, with the real lock, against an index on a closed port."""
    env = offline_env(PIP_INDEX_URL="http://127.0.0.1:9/", CARNET_VENV_DIR=str(venv_with_pip))
    command = [sys.executable, str(REPO / "main.py"), "--help"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 1
    assert "pas de connexion au dépôt de paquets Python" in result.stderr
    assert "clé USB" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (venv_with_pip / bootstrap.MARKER_NAME).exists()  # tried again next time


def probe_wheel(folder: Path) -> Path:
    wheel = folder / "carnet_probe-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("carnet_probe/__init__.py", "")
        info = "carnet_probe-1.0.dist-info/"
        archive.writestr(
            info + "METADATA", "Metadata-Version: 2.1\nName: carnet-probe\nVersion: 1.0\n"
        )
        archive.writestr(
            info + "WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        )
        archive.writestr(info + "RECORD", "")
    return wheel


def test_a_file_that_is_not_the_locked_one_is_refused(venv_with_pip, tmp_path):
    probe_wheel(tmp_path)
    lock = tmp_path / "lock.txt"
    lock.write_text("carnet-probe==1.0 \\\n    --hash=sha256:" + "0" * 64 + "\n")
    env = offline_env(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(tmp_path))
    result = run_bootstrap(venv_with_pip, env, lock)
    assert result.returncode == 1
    assert "ne correspond pas au verrou" in result.stderr
    assert "Dernières lignes de pip" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_locked_file_installs_and_is_not_installed_twice(venv_with_pip, tmp_path):
    import hashlib

    wheel = probe_wheel(tmp_path)
    lock = tmp_path / "lock.txt"
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    lock.write_text(f"carnet-probe==1.0 \\\n    --hash=sha256:{digest}\n")
    env = offline_env(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(tmp_path))
    assert run_bootstrap(venv_with_pip, env, lock).returncode == 0
    assert list(venv_with_pip.glob("lib/python*/site-packages/carnet_probe/__init__.py"))
    wheel.unlink()  # a second start must not need it: the marker says it is done
    again = run_bootstrap(venv_with_pip, env, lock)
    assert again.returncode == 0 and "installation" not in again.stderr


def test_a_stale_lock_stops_the_start_and_names_the_command(tmp_path):
    """A checkout whose pyproject gained a dependency the lock lacks (a merge before relocking)."""
    checkout = tmp_path / "checkout"
    (checkout / "desktop").mkdir(parents=True)
    for module in ("__init__.py", "bootstrap.py", "bootstrap_messages.py"):
        (checkout / "desktop" / module).write_bytes((REPO / "desktop" / module).read_bytes())
    requirements = checkout / "resources" / "packaging" / "requirements"
    requirements.mkdir(parents=True)
    (requirements / "app.txt").write_bytes((bootstrap.LOCK_DIR / "app.txt").read_bytes())
    text = PYPROJECT.read_text("utf-8")
    (checkout / "pyproject.toml").write_text(
        text.replace("dependencies = [", 'dependencies = [\n "humanize==4.9.0",')
    )
    code = "import sys; sys.path.insert(0, sys.argv[1]); from desktop.bootstrap import ensure_environment; ensure_environment()"
    env = offline_env(CARNET_VENV_DIR=str(tmp_path / "venv"))
    result = subprocess.run(
        [sys.executable, "-c", code, str(checkout)], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "humanize==4.9.0" in result.stderr
    assert "python3 resources/packaging/lock.py" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "venv").exists()  # refused before anything was installed
