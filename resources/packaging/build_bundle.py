"""Build Carnet's self-contained bundle: `python3 resources/packaging/build_bundle.py`.

One-folder PyInstaller bundle (carnet.spec) from a clean virtualenv holding exactly the lock
(requirements/app.txt and packaging.txt, --require-hashes) and the carnet wheel, so that the
bundle carries what `pip install .` would install, no more. Output in dist/ (git ignores it):
- Linux: dist/carnet/ and dist/carnet-VERSION-linux-ARCH.tar.gz (desktop entry, AppStream
  metainfo, icon and installer.sh inside); the metainfo is validated when appstreamcli exists;
- Windows: dist/carnet/ then, when Inno Setup's ISCC is on PATH, the installer (carnet.iss);
- macOS: dist/Carnet.app then dist/Carnet-VERSION.dmg (hdiutil).
Build each system's bundle on that system (.github/workflows/bundles.yml does it in CI).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from tools import REPO, REQUIREMENTS, run, venv_bin
from windows_version import write_version_file

HERE = Path(__file__).resolve().parent
BUILD = REPO / "build"
DIST = REPO / "dist"
BUNDLE_VENV = BUILD / "bundle-venv"


def prepare_venv() -> Path:
    """A fresh virtualenv: the app's lock, the tools' lock, then carnet itself (no deps)."""
    shutil.rmtree(BUNDLE_VENV, ignore_errors=True)
    venv.create(BUNDLE_VENV, with_pip=True)
    python = venv_bin(BUNDLE_VENV, "python")
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    for lock in ("app.txt", "packaging.txt"):
        run([*pip, "--require-hashes", "-r", REQUIREMENTS / lock])
    run([*pip, "--no-deps", "--no-build-isolation", REPO])  # hatchling comes from the lock
    return python


def version_of(python: Path) -> str:
    code = "import importlib.metadata as m; print(m.version('carnet'))"
    return subprocess.run(
        [python, "-c", code], check=True, capture_output=True, text=True
    ).stdout.strip()


def build(python: Path, version: str) -> None:
    icons = BUILD / "icons"
    run([python, HERE / "icons.py", icons])
    env = {**os.environ, "CARNET_ICONS": str(icons)}
    if sys.platform == "win32":
        env["CARNET_WINDOWS_VERSION_FILE"] = str(write_version_file(BUILD / "version.txt", version))
    command = [python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    command += ["--distpath", DIST, "--workpath", BUILD / "pyinstaller", HERE / "carnet.spec"]
    run(command, env=env, cwd=BUILD)  # not the checkout: `desktop` is the installed wheel


def linux_archive(version: str) -> Path:
    """dist/carnet-VERSION-linux-ARCH.tar.gz: the bundle, its desktop files and installer.sh."""
    from linux_files import add_desktop_files

    add_desktop_files(DIST / "carnet", BUILD / "icons" / "carnet.png", version)
    name = f"carnet-{version}-linux-{platform.machine()}"
    staging = BUILD / name
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(DIST / "carnet", staging, symlinks=True)
    archive = DIST / f"{name}.tar.gz"
    run(["tar", "-czf", archive, "-C", BUILD, name])
    return archive


def windows_installer(version: str) -> None:
    installed = [
        Path(os.environ.get(v, "")) / "Inno Setup 6" / "ISCC.exe"
        for v in ("ProgramFiles(x86)", "ProgramFiles")
    ]
    iscc = shutil.which("ISCC") or next((str(p) for p in installed if p.is_file()), None)
    if not iscc:
        print("Inno Setup (ISCC) absent : dist/carnet/ est prêt, l'installateur n'est pas fait.")
        return
    defines = [f"/DVersion={version}", f"/DSourceDir={DIST / 'carnet'}"]
    defines += [f"/DIconFile={BUILD / 'icons' / 'carnet.ico'}", f"/O{DIST}"]
    run([iscc, *defines, HERE / "windows" / "carnet.iss"])


def macos_dmg(version: str) -> None:
    dmg = DIST / f"Carnet-{version}.dmg"
    dmg.unlink(missing_ok=True)
    run(
        [
            "hdiutil",
            "create",
            "-volname",
            "Carnet",
            "-srcfolder",
            DIST / "Carnet.app",
            "-ov",
            "-format",
            "UDZO",
            dmg,
        ]
    )


def main() -> int:
    python = prepare_venv()
    version = version_of(python)
    build(python, version)
    if sys.platform.startswith("linux"):
        print("Archive :", linux_archive(version))
    elif sys.platform == "win32":
        windows_installer(version)
    elif sys.platform == "darwin":
        macos_dmg(version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
