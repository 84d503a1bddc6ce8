"""Where the program's own files are: resources, schemas, pyproject.toml.

One place, so that moving a module into a package never breaks a path counted in
`parents[N]`, and so that packaging can later point these at the installed data.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
SCHEMAS = ROOT / "schemas"
PYPROJECT = ROOT / "pyproject.toml"
