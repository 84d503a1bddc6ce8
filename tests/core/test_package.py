"""The wheel, built as pip builds it (hatchling), holds every data file and runs on its own."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LEFT_OUT = ("resources/packaging/", "resources/screenshots/", "resources/translations/update.py")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    code = "import sys, hatchling.build; print(hatchling.build.build_wheel(sys.argv[1]))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(out)], cwd=REPO, capture_output=True, text=True, check=True
    )
    return out / result.stdout.strip().splitlines()[-1]


def data_files() -> list[str]:
    """Every file under resources/ and schemas/ that git would keep (new ones included)."""
    command = [
        "git",
        "ls-files",
        "--cached",
        "--others",
        "--exclude-standard",
        "resources",
        "schemas",
    ]
    listed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True)
    return [path for path in listed.stdout.split() if not path.startswith(LEFT_OUT)]


def test_every_resource_and_schema_is_in_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = data_files()
    assert len(expected) > 15 and "schemas/visit-sheet.schema.json" in expected
    assert [path for path in expected if f"desktop/{path}" not in names] == []
    assert not [name for name in names if "packaging/" in name or "screenshots/" in name]
    assert "desktop/entry.py" in names and "desktop/core/storage/data_service.py" in names


def test_the_carnet_command_is_declared(wheel):
    archive = zipfile.ZipFile(wheel)
    entry_points = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
    assert "carnet = desktop.entry:main" in archive.read(entry_points).decode()


def test_the_unpacked_wheel_runs_a_round_trip_without_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "CARNET_NO_BOOTSTRAP": "1"}
    data = tmp_path / "data"

    def carnet(*args: str) -> str:
        code = (
            "import sys; from desktop.entry import main; sys.argv[0] = 'carnet'; sys.exit(main())"
        )
        command = [sys.executable, "-c", code, "--data-dir", str(data), *args]
        done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    where = "from desktop.paths import RESOURCES, SCHEMAS; print(RESOURCES); print(SCHEMAS)"
    shown = subprocess.run(
        [sys.executable, "-c", where], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert shown.stdout.split() == [
        str(site / "desktop" / "resources"),
        str(site / "desktop" / "schemas"),
    ]
    assert carnet("--help").startswith("usage: carnet ")  # its own name, not main.py's
    venue = carnet("new-venue", "--name", "La Grange", "--commune", "Millau")
    visit = carnet("new-visit", venue)
    carnet("set", visit, "visit_type=suivi")
    carnet("pdf", visit, "-o", str(tmp_path / "fiche.pdf"))
    assert (tmp_path / "fiche.pdf").read_bytes().startswith(b"%PDF-")
