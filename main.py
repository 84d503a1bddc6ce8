"""Carnet — visites de tiers-lieux.

`python main.py` opens the app; `python main.py COMMAND ...` runs a headless command
(`python main.py --help` lists them). The first run prepares a virtualenv in .venv.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from desktop.bootstrap import ensure_environment  # noqa: E402


def main() -> int:
    ensure_environment()
    from desktop.entry import run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
