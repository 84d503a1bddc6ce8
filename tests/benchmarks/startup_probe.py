"""Started as a subprocess by run.py: show a window, print when the first frame is painted.

`bare` shows an empty PySide6 main window (the baseline); `carnet` shows Carnet's
main window on a data folder.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    if sys.argv[1] == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
    else:
        from desktop.app import create_window
        from desktop.core.storage.workspace import open_workspace
        from desktop.ui.i18n import install_translators

        install_translators(app, "fr")
        # As run_app does: the template check runs after the first paint.
        window = create_window(open_workspace(Path(sys.argv[2]), check_templates=False))
    window.resize(1280, 720)
    window.show()

    def painted() -> None:
        print("usable", flush=True)
        app.quit()

    QTimer.singleShot(0, painted)  # runs once the first events (show, paint) are handled
    app.exec()


if __name__ == "__main__":
    main()
