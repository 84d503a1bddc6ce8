"""What waits for the first frame runs right after the window's first paint, once; and
at start, the template check and the first run's question come after that paint."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.app import create_window, first_frame_work
from desktop.core.storage.identity import needs_identity
from desktop.core.storage.workspace import open_workspace
from desktop.ui.first_frame import FirstFrame, after_first_frame
from tests.ui.conftest import accept_next_dialog, type_text


class PaintCount(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.count = window, 0
        window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def opened(qtbot, data_dir, first_run_done=True):
    workspace = open_workspace(data_dir)
    if first_run_done:
        workspace.set_setting("identity_confirmed", "1")
    window = create_window(workspace)
    qtbot.addWidget(window)
    return window, workspace


def test_the_work_runs_once_right_after_the_first_paint(qtbot, data_dir):
    window, workspace = opened(qtbot, data_dir)
    paints, seen = PaintCount(window), []
    after_first_frame(window, lambda: seen.append(paints.count), lambda: seen.append("second"))
    QApplication.processEvents()
    assert seen == []  # not shown, not painted: nothing yet
    window.show()
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[0] >= 1 and seen[1] == "second"  # painted before, in the order given
    window.update()
    qtbot.wait(50)
    assert len(seen) == 2  # later paints run nothing again
    window.close()
    workspace.close()


def test_a_window_never_painted_runs_the_work_after_the_fallback_delay(qtbot, data_dir):
    window, workspace = opened(qtbot, data_dir)
    seen = []
    FirstFrame(window, [lambda: seen.append(1)], fallback_ms=50)
    qtbot.waitUntil(lambda: seen == [1], timeout=1000)
    window.show()
    qtbot.wait(50)
    assert seen == [1]
    window.close()
    workspace.close()


def test_at_start_the_first_run_question_comes_after_the_first_paint(qtbot, data_dir):
    window, workspace = opened(qtbot, data_dir, first_run_done=False)
    paints, painted_when_asked = PaintCount(window), []

    def fill(dialog):
        painted_when_asked.append(paints.count)
        type_text(dialog.user_name, "Camille Martin")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    window.show()
    accept_next_dialog(qtbot, fill)
    after_first_frame(window, *first_frame_work(workspace, window))
    qtbot.waitUntil(lambda: not needs_identity(workspace))
    assert painted_when_asked and painted_when_asked[0] >= 1
    assert window.isVisible()  # the templates are valid: the check let the window be
    assert workspace.setting("user_name") == "Camille Martin"
    window.close()
    workspace.close()
