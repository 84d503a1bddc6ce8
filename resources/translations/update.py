"""Refresh Carnet's translation catalogues: extract with lupdate, compile with lrelease.

Run with the virtualenv's Python, from any folder:

    .venv/bin/python resources/translations/update.py

- carnet_en.ts: every source string (French) with its English translation;
- carnet_fr.ts: only the ``%n`` strings (-pluralonly), for the French plural forms;
- carnet_en.qm / carnet_fr.qm: compiled next to them, loaded by desktop/ui/i18n.py;
- qtbase_extra_fr.ts (by hand, not extracted): Qt's own words that Qt's qtbase_fr misses.

Strings no longer in the code are dropped (-no-obsolete); existing translations are kept.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TOOLS = Path(sys.executable).parent
SOURCE_LANGUAGE = "fr"
# (language, extra lupdate options)
CATALOGUES = (("en", []), ("fr", ["-pluralonly"]))
QT_EXTRA = ["qtbase_extra_fr"]  # written by hand: Qt's words its qtbase_fr leaves English


def tool(name: str) -> str:
    for candidate in (TOOLS / name, TOOLS / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    sys.exit(f"{name} not found next to {sys.executable}: run this with the virtualenv's Python")


def sources() -> list[str]:
    files = sorted((ROOT / "desktop" / "ui").rglob("*.py")) + [ROOT / "desktop" / "app.py"]
    return [str(path.relative_to(ROOT)) for path in files]


def run(command: list[str]) -> None:
    print("$", Path(command[0]).name, *command[1:])
    subprocess.run(command, cwd=ROOT, check=True)


def main() -> int:
    files = sources()
    print(f"{len(files)} source files under desktop/ui and desktop/app.py")
    lupdate, lrelease = tool("pyside6-lupdate"), tool("pyside6-lrelease")
    for language, options in CATALOGUES:
        ts = HERE / f"carnet_{language}.ts"
        run(
            [lupdate, "-no-obsolete", *options]
            + ["-source-language", SOURCE_LANGUAGE, "-target-language", language]
            + files
            + ["-ts", str(ts.relative_to(ROOT))]
        )
    names = [f"carnet_{language}" for language, _ in CATALOGUES] + QT_EXTRA
    for name in names:
        ts, qm = HERE / f"{name}.ts", HERE / f"{name}.qm"
        run([lrelease, str(ts.relative_to(ROOT)), "-qm", str(qm.relative_to(ROOT))])
        print(f"compiled {qm.relative_to(ROOT)} ({qm.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
