"""Started as a subprocess by run.py: start a window, print « usable » once its first frame
is painted.

`bare` shows an empty PySide6 main window (the baseline); `carnet DATA_DIR` starts Carnet
as a user does, through the same entry point as `python main.py --data-dir DATA_DIR`
(desktop.entry.run: the command line, the log, the single-instance claim, the database
check, the window and what run_app schedules). Both are timed the same way: an event
filter sees the main window's first paint, and « usable » is printed from the event loop
right after that paint, before anything posted later runs.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])  # run_app uses the one already there

    def usable() -> None:
        print("usable", flush=True)
        app.quit()  # also ends a dialog's loop (the first run's « who are you »)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                app.removeEventFilter(self)
                QTimer.singleShot(0, usable)  # after this paint, as the next event
            return False

    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    if sys.argv[1] == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 720)
        window.show()
        app.exec()
        return
    from desktop.entry import run

    sys.exit(run(["--data-dir", sys.argv[2], "--lang", "fr"]))


if __name__ == "__main__":
    main()
