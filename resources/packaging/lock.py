"""Lock every dependency, with hashes: `python3 resources/packaging/lock.py [--upgrade]`.

Run it after any change to pyproject.toml's dependencies, optional dependencies or
dependency groups (and after merging branches that changed them). It writes:
- uv.lock, at the top: one universal resolution (Windows, macOS, Linux; Python 3.11+), the
  source of truth, also read by `uv sync` for those who use uv;
- requirements/*.txt here, exported from it for pip with --require-hashes:
  app.txt (what Carnet runs on: the bootstrap of main.py, the wheelhouse, the bundle),
  test.txt (app + the test extra: `python3 -m tests`, CI), packaging.txt (uv, PyInstaller).
Without --upgrade, versions already locked are kept (only what changed is resolved);
with it, every unpinned transitive dependency moves to its newest allowed version.
"""

from __future__ import annotations

import sys

from tools import REPO, REQUIREMENTS, run, tool

EXPORTS = {
    "app.txt": ["--no-dev"],
    "test.txt": ["--no-dev", "--extra", "test"],
    "packaging.txt": ["--only-group", "packaging"],
}


def main(argv: list[str]) -> int:
    uv = tool("uv")
    run([uv, "lock", *(["--upgrade"] if "--upgrade" in argv else [])], cwd=REPO)
    for name, selection in EXPORTS.items():
        output = (REQUIREMENTS / name).relative_to(REPO).as_posix()  # as written in its header
        command = [uv, "export", "--quiet", "--frozen", "--format", "requirements-txt"]
        command += ["--no-emit-project"]
        run([*command, *selection, "--output-file", output], cwd=REPO)
    print("Verrou à jour : uv.lock et resources/packaging/requirements/*.txt (à committer).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
