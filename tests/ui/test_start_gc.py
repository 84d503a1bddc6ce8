"""The garbage collector is paused while the window's first frame is made (entry.py) and
on again right after it (app.py): started as Carnet is, through the benchmark's probe
(desktop.entry.run), it is off at the first paint and on once the start is settled; and
on for a migration that must come before the frame."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

from desktop.app import first_screen
from desktop.core.storage.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]

SAYS_GC = """
import builtins, gc, sys
sys.path.insert(0, {benchmarks!r})
import startup_probe
say = builtins.print
def print(*args, **kwargs):
    if args and args[0] in ("usable", "settled"):
        say(args[0], "gc on" if gc.isenabled() else "gc off", flush=True)
        return
    say(*args, **kwargs)
builtins.print = print
sys.argv = ["startup_probe.py", "carnet", {folder!r}]
startup_probe.main()
"""


def test_the_collector_waits_for_the_first_frame_then_runs_again(data_dir, tmp_path):
    workspace = open_workspace(data_dir)
    workspace.set_setting("identity_confirmed", "1")
    workspace.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    workspace.close()
    script = SAYS_GC.format(benchmarks=str(ROOT / "tests" / "benchmarks"), folder=str(data_dir))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CARNET_NO_BOOTSTRAP": "1"}
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["usable gc off", "settled gc on"], done.stdout


def test_a_migration_before_the_frame_runs_with_the_collector_on(qapp, data_dir):
    """A database of an earlier version is migrated before the window (first_screen): the
    collector, paused for the frame, is on again for that work."""
    data_dir.mkdir()
    shutil.copy(
        ROOT / "tests" / "core" / "data" / "carnet-schema-v14.sqlite", data_dir / "carnet.sqlite"
    )
    gc.disable()
    try:
        screen, workspace = first_screen(data_dir, "fr", None)
        assert gc.isenabled()
        assert workspace is not None and screen.data_dir == workspace.data_dir
        workspace.close()
    finally:
        gc.enable()
