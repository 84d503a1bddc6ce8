"""The window's first frame does not build Qt's namespace (its hundred Python enums, some
15 ms of the start: ui/qt_values.py) nor the Python types whose enums cost most: QStyle
(600 values, 6 ms: venue_delegate.py), QIcon and QKeySequence (main_menus.py); and it
looks as it did when it used them: the welcome text centred, the venues' list over the
visits' list, their column titles, the venues' names elided with « … », the shortcuts of
the menus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView

from desktop.core.storage.first_screen import read_first_screen
from desktop.core.storage.workspace import open_workspace
from desktop.ui import qt_values
from desktop.ui.views.main_window import MainWindow
from desktop.ui.views.venue_delegate import elided

ROOT = Path(__file__).resolve().parents[2]
LONG_NAME = "Tiers-lieu de la vallée de la Creuse et des anciennes tanneries " * 2

# Started as Carnet is (the benchmark's probe: desktop.entry.run), it says at its first
# paint which of these Python types were made before it; the probe quits once settled.
# QStyle: venue_delegate.py; QIcon and QKeySequence: main_menus.py.
EXPENSIVE_TYPES = {"QtCore": ["Qt"], "QtWidgets": ["QStyle"], "QtGui": ["QIcon", "QKeySequence"]}
AT_FIRST_PAINT = """
import builtins, sys
sys.path.insert(0, {benchmarks!r})
import startup_probe
say = builtins.print
def print(*args, **kwargs):
    if args and args[0] == "usable":
        made = [name for module, names in {types!r}.items() for name in names
                if name in vars(sys.modules["PySide6." + module])]
        say("made:", *made, flush=True)
    say(*args, **kwargs)
builtins.print = print
sys.argv = ["startup_probe.py", "carnet", {folder!r}]
startup_probe.main()
"""


def a_folder(data_dir: Path) -> Path:
    """Venues (one with a name too long for the list, one with a visit), the user known,
    the last visit open when Carnet was left."""
    workspace = open_workspace(data_dir)
    workspace.set_setting("identity_confirmed", "1")
    venue = workspace.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    workspace.store.create_venue({"name": LONG_NAME, "commune": "Aubusson"})
    visit = workspace.store.create_visit(venue.id, "2025-02-11")
    workspace.close()
    (data_dir / "window.ini").write_text(f"[last]\nvenue={venue.id}\nvisit={visit.id}\n")
    return data_dir


def test_the_first_frame_is_painted_without_qts_namespace_nor_the_costliest_types(
    data_dir, tmp_path
):
    folder = a_folder(data_dir)
    script = AT_FIRST_PAINT.format(
        benchmarks=str(ROOT / "tests" / "benchmarks"), folder=str(folder), types=EXPENSIVE_TYPES
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CARNET_NO_BOOTSTRAP": "1"}
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["made:", "usable", "settled"], done.stdout


def test_the_integers_the_first_frame_uses_are_qts_values():
    ours = {
        "DISPLAY_ROLE": Qt.ItemDataRole.DisplayRole,
        "TOOLTIP_ROLE": Qt.ItemDataRole.ToolTipRole,
        "FOREGROUND_ROLE": Qt.ItemDataRole.ForegroundRole,
        "USER_ROLE": Qt.ItemDataRole.UserRole,
        "ALIGN_LEFT": Qt.AlignmentFlag.AlignLeft,
        "ALIGN_CENTER": Qt.AlignmentFlag.AlignCenter,
        "VERTICAL": Qt.Orientation.Vertical,
    }
    assert {name: getattr(qt_values, name) for name in ours} == {
        name: value.value for name, value in ours.items()
    }


def test_the_frame_looks_as_before(qtbot, data_dir):
    folder = a_folder(data_dir)
    window = MainWindow(None, first_screen=read_first_screen(folder))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.welcome.alignment() == Qt.AlignmentFlag.AlignCenter
    assert window.browser.split.orientation() == Qt.Orientation.Vertical
    assert window.menus["new_venue"].shortcut().toString() == "Ctrl+Shift+N"
    assert window.menus["search"].shortcuts() == [window.menus["search"].shortcut()]
    titles = ["Date", "Type", "Auteur", "Complétude", "État"]
    header = window.browser.visit_view.horizontalHeader()

    def shown_titles():
        model = window.browser.visit_view.model()
        return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(titles))]

    def sizing():
        return [header.sectionResizeMode(i) for i in range(len(titles))]

    stretch, fit = QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents
    assert shown_titles() == titles and sizing() == [fit, stretch, stretch, fit, fit]
    workspace = open_workspace(folder)
    window.finish(workspace)
    assert window.browser.visit_view.model() is window.browser.visits
    assert shown_titles() == titles and sizing() == [fit, stretch, stretch, fit, fit]
    window.close()
    workspace.close()


def test_a_name_too_long_is_elided_as_qt_elides_it(qapp):
    bold = QFont(qapp.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for width in (40, 120, 300, 2000):
        ours = elided(metrics, LONG_NAME, width)
        assert metrics.horizontalAdvance(ours) <= width
        assert ours == metrics.elidedText(LONG_NAME, Qt.TextElideMode.ElideRight, width)
    assert elided(metrics, "Le Moulin", 2000) == "Le Moulin"
    assert elided(metrics, "Le Moulin", 1) == "…"
