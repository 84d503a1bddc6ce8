"""A wheelhouse to install Carnet with no network, from a USB key:
`python3 resources/packaging/wheelhouse.py [--platform windows|macos|linux]`.

Writes dist/carnet-wheelhouse-VERSION-PLATFORM/: wheels/ (every locked dependency, checked
against the lock's hashes, plus the carnet wheel), requirements.txt (the lock and carnet's own
hash) and the installers (installer.sh, installer.bat) that run, on the laptop:
    python3 -m venv DOSSIER
    DOSSIER/bin/pip install --no-index --find-links wheels --require-hashes -r requirements.txt
The laptop needs the Python version the wheels are for (PYTHON_VERSION in the folder:
this machine's by default, or --python 3.12), from python.org or, on Debian/Ubuntu, with
python3-venv; for a laptop without Python, bring the bundle instead (build_bundle.py).
By default the wheels are for this machine's system; --platform fetches another's (64-bit).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

from tools import REPO, REQUIREMENTS, run, tools_python

HERE = Path(__file__).resolve().parent
PLATFORMS = {  # pip's platform tags for each system's wheels (newest first is pip's choice)
    "windows": ["win_amd64"],
    "macos": ["macosx_11_0_arm64", "macosx_13_0_x86_64", "macosx_11_0_universal2"],
    "linux": [
        "manylinux_2_34_x86_64",
        "manylinux_2_28_x86_64",
        "manylinux_2_17_x86_64",
        "manylinux2014_x86_64",
    ],
}


def build_carnet_wheel(python: Path) -> Path:
    staging = REPO / "build" / "wheelhouse"
    shutil.rmtree(staging, ignore_errors=True)
    pip_wheel = [python, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
    run([*pip_wheel, "-w", staging, REPO])
    return next(staging.glob("carnet-*.whl"))


def download_locked_wheels(python: Path, wheels: Path, platform: str | None, version: str) -> None:
    """Every wheel of the lock for that Python, each checked against the lock's hashes."""
    download = [python, "-m", "pip", "download", "-q", "--require-hashes", "--only-binary", ":all:"]
    download += ["-r", REQUIREMENTS / "app.txt", "-d", wheels]
    download += ["--python-version", version, "--implementation", "cp"]
    download += [f"--platform={tag}" for tag in PLATFORMS.get(platform or "", [])]
    run(download)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", choices=sorted(PLATFORMS), help="another system's wheels")
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    parser.add_argument("--python", default=here, help=f"the laptop's Python (default {here})")
    args = parser.parse_args(argv)
    python = tools_python()  # hatchling, to build the carnet wheel as [build-system] says
    carnet = build_carnet_wheel(python)
    version = carnet.name.split("-")[1]
    name = f"carnet-wheelhouse-{version}-{args.platform or sys.platform}-py{args.python}"
    target = REPO / "dist" / name
    shutil.rmtree(target, ignore_errors=True)
    download_locked_wheels(python, target / "wheels", args.platform, args.python)
    shutil.copy(carnet, target / "wheels")
    digest = hashlib.sha256(carnet.read_bytes()).hexdigest()
    lock = (REQUIREMENTS / "app.txt").read_text("utf-8")
    carnet_line = f"carnet=={version} \\\n    --hash=sha256:{digest}\n"
    (target / "requirements.txt").write_text(lock + carnet_line, "utf-8")
    (target / "PYTHON_VERSION").write_text(args.python + "\n", "utf-8")  # read by the installers
    for installer in ("installer.sh", "installer.bat"):
        shutil.copy(HERE / "wheelhouse" / installer, target)
    (target / "installer.sh").chmod(0o755)
    print(f"Prêt à copier sur une clé USB : {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
