"""Where the program's own files are: resources and schemas (and pyproject.toml in a checkout).

Found from the package's own folder, so that one rule serves every way Carnet runs:
- installed (wheel, pipx, uv tool) and bundled (PyInstaller): the build maps the top-level
  resources/ and schemas/ into the package, as desktop/resources and desktop/schemas;
- from a checkout (`python3 main.py`, `pip install -e .`): they stay at the repository's top,
  beside the package.
The package's __file__ names it in every case above (what importlib.resources.files
answers for a package in a real folder), without importing importlib.resources at start.
"""

from pathlib import Path

import desktop

PACKAGE = Path(desktop.__file__).parent  # a real folder in every case above


def _data_folder(name: str) -> Path:
    packaged = PACKAGE / name
    return packaged if packaged.is_dir() else PACKAGE.parent / name


RESOURCES = _data_folder("resources")
SCHEMAS = _data_folder("schemas")
# Only a checkout has it; an installed Carnet reads its version from importlib.metadata.
PYPROJECT = PACKAGE.parent / "pyproject.toml"
