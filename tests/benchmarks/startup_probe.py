"""Started as a subprocess by run.py: start a window, print « usable » once its first frame
is painted.

`bare` shows an empty PySide6 main window (the baseline); `carnet DATA_DIR` starts Carnet
as a user does, through the same entry point as `python main.py --data-dir DATA_DIR`
(desktop.entry.run: the command line, the log, the single-instance claim, the database
check, the window and what run_app schedules), its QApplication made when Carnet first
loads Qt. Both are timed the same way: an event filter sees the main window's first
paint, and « usable » is printed from the event loop right after that paint, before
anything posted later runs; « settled » once what waited for the first frame is done.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def watch_first_paint() -> None:
    """A QApplication (run_app uses the one already there) whose event filter prints
    « usable » from the event loop right after the first paint of a main window."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    def usable() -> None:
        print("usable", flush=True)
        QTimer.singleShot(0, settled)  # after what was posted with the first paint

    def settled() -> None:
        """What waited for the first frame (the last visit reopened, the template check) is
        done, or the first run's « who are you » is up (this runs in its loop then)."""
        print("settled", flush=True)
        app.quit()  # also ends a dialog's loop

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                app.removeEventFilter(self)
                QTimer.singleShot(0, usable)  # after this paint, as the next event
            return False

    app.first_paint = FirstPaint()
    app.installEventFilter(app.first_paint)


class QtWhenTheAppIsImported:
    """Carnet's start loads Qt when it imports desktop.app (entry.py imports its Qt-free
    modules first): the probe's QApplication is made at that same moment."""

    def find_spec(self, name, path=None, target=None):
        if name == "desktop.app":
            sys.meta_path.remove(self)
            watch_first_paint()
        return None  # the module itself is found as usual


def main() -> None:
    if sys.argv[1] == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        watch_first_paint()
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 720)
        window.show()
        QApplication.instance().exec()
        return
    from desktop.entry import run

    sys.meta_path.insert(0, QtWhenTheAppIsImported())
    sys.exit(run(["--data-dir", sys.argv[2], "--lang", "fr"]))


if __name__ == "__main__":
    main()
