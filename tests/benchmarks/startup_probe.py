"""Started as a subprocess by run.py: start a window, print « usable » once its first frame
is painted.

`bare` shows an empty PySide6 main window (the baseline); `carnet DATA_DIR` starts Carnet
as a user does, through the same entry point as `python main.py --data-dir DATA_DIR`
(desktop.entry.run: the command line, the log, the single-instance claim, the database
check, the window and what run_app schedules), its QApplication made when Carnet first
loads Qt. Both are timed the same way: an event filter on the first main window shown
sees its first paint, and « usable » is printed from the event loop right after that
paint, before anything else posted runs; « settled » once what waited for the first
frame is done."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


HIGH_PRIORITY = 1  # Qt.HighEventPriority, without loading the Qt namespace's enums (15 ms)


def watch_first_paint() -> None:
    """A QApplication (run_app uses the one already there); the first main window shown
    gets an event filter that, at its first paint, posts « usable » to be printed from
    the event loop right after that paint, ahead of anything else posted (a high
    priority event). The filter watches that window only: one on the whole application
    has PySide wrap every object and event of the start in Python (each new type's first
    wrapper costs its lazy initialisation: 35 ms for a rich-text label), which slows what
    it measures, the more the richer the window."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    usable_event = QEvent.Type(QEvent.registerEventType())

    def settled() -> None:
        print("settled", flush=True)
        app.quit()  # also ends a dialog's loop

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QCoreApplication.postEvent(self, QEvent(usable_event), HIGH_PRIORITY)
            return False

        def event(self, event) -> bool:
            if event.type() != usable_event:
                return super().event(event)
            print("usable", flush=True)
            QTimer.singleShot(0, settled)  # after what was posted with the first paint
            return True

    app.first_paint = FirstPaint()
    show = QMainWindow.show

    def show_watched(window) -> None:
        QMainWindow.show = show  # the first main window shown only
        window.installEventFilter(app.first_paint)
        show(window)

    QMainWindow.show = show_watched


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
