"""What waits for the first frame runs right after the window's first paint, once; and
at start, the last visit, the template check and the first run's question come after
that paint."""

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


def opened(qtbot, data_dir, first_run_done=True, reopen_later=False):
    workspace = open_workspace(data_dir)
    if first_run_done:
        workspace.set_setting("identity_confirmed", "1")
    window = create_window(workspace, reopen_later=reopen_later)
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


def left_on_a_visit(qtbot, data_dir):
    """A session that ends on a visit: window.ini remembers it."""
    window, workspace = opened(qtbot, data_dir)
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    other = window.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.browser.reload_venues()
    window.open_visit(visit.id, venue.id)
    window.close()
    workspace.close()
    return venue.id, visit.id, other.id


class EditorAtPaint(PaintCount):
    """Whether the visit editor existed when the window was first painted."""

    def eventFilter(self, watched, event):
        if watched is self.window and event.type() == QEvent.Type.Paint and not self.count:
            self.built_at_paint = self.window.editors.visit_if_built() is not None
        return super().eventFilter(watched, event)


def test_the_last_visit_comes_back_right_after_the_first_frame(qtbot, data_dir):
    venue_id, visit_id, _ = left_on_a_visit(qtbot, data_dir)
    window, workspace = opened(qtbot, data_dir, reopen_later=True)
    at_paint = EditorAtPaint(window)
    window.show()
    after_first_frame(window, *first_frame_work(workspace, window))
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.editors.visit_if_built())
    assert at_paint.built_at_paint is False  # the first frame did not wait for it
    assert window.editors.built() == [window.visit_editor]  # not the venue's on the way
    assert window.visit_editor.record_id == visit_id
    assert window.browser.venue_id == venue_id
    assert window.browser.current_visit_id() == visit_id
    window.close()
    workspace.close()


def test_a_venue_chosen_before_the_last_visit_comes_back_stays_chosen(qtbot, data_dir):
    _, _, other_id = left_on_a_visit(qtbot, data_dir)
    window, workspace = opened(qtbot, data_dir, reopen_later=True)
    window.open_venue(other_id)  # the user was quicker than the reopening
    done = []
    window.show()
    after_first_frame(window, *first_frame_work(workspace, window), lambda: done.append(1))
    qtbot.waitUntil(lambda: done == [1])
    assert window.pages.currentWidget() is window.venue_editor
    assert window.venue_editor.record_id == other_id
    assert window.editors.visit_if_built() is None
    window.close()
    workspace.close()


def test_closed_before_the_last_visit_came_back_it_is_still_remembered(qtbot, data_dir):
    venue_id, visit_id, _ = left_on_a_visit(qtbot, data_dir)
    window, workspace = opened(qtbot, data_dir, reopen_later=True)
    window.close()  # before any frame
    workspace.close()
    again, workspace = opened(qtbot, data_dir)
    assert again.pages.currentWidget() is again.visit_editor
    assert again.visit_editor.record_id == visit_id and again.browser.venue_id == venue_id
    again.close()
    workspace.close()
