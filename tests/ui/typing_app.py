"""A real Carnet window that keeps typing into a visit, for the kill -9 test.

Usage: python typing_app.py DATA_DIR VISIT_ID RUN. Prints "ready", then one line
"N TIMESTAMP" after each typed character has been handled by the editor.
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import create_window  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402

FIELD = "governance_notes"
KEY_INTERVAL_MS = 30


def typed_text(run: int, count: int) -> str:
    """The characters run number `run` types, in order (the test recomputes them)."""
    pattern = f"[{run}:" + "abcdefghijklmnopqrstuvwxyzéèà" * 200
    return pattern[:count]


def main() -> None:
    data_dir, visit_id, run = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    app = QApplication([])
    workspace = open_workspace(data_dir)
    window = create_window(workspace)
    window.show()
    visit = workspace.store.get_visit(visit_id)
    window.open_visit(visit_id, visit.venue_id)
    box = window.visit_editor.form.editor(FIELD).box
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    text = typed_text(run, 10_000)
    count = 0

    def type_one() -> None:
        nonlocal count
        char = text[count]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(
                box, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
        count += 1
        print(f"{count} {time.time()}", flush=True)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(KEY_INTERVAL_MS)
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
