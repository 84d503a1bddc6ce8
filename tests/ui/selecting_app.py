"""A real Carnet window where a venue, then maybe one of its visits, is chosen in the
lists as a click does, for the kill -9 test of test_last_shown_after_a_kill.py.

Usage: python selecting_app.py DATA_DIR VENUE_ID [VISIT_ID]. Prints "ready" a second
after the choice (window_state.py writes it once settled, half a second after), then
waits to be killed.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import create_window  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402


def main() -> None:
    data_dir, venue_id, visit_id = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
    app = QApplication([])
    workspace = open_workspace(data_dir)
    window = create_window(workspace)
    window.show()
    window.browser.select_venue(venue_id)  # its row made current: venue_selected
    for visit in visit_id:
        window.browser.select_visit(visit)  # visit_selected
    QTimer.singleShot(1000, lambda: print("ready", flush=True))
    app.exec()


if __name__ == "__main__":
    main()
