"""Fixtures for UI tests: a real data folder, a real main window on the offscreen platform."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import create_window  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402


@pytest.fixture(autouse=True)
def french_interface(qapp):
    """As the app starts for a French user: French catalogues and French dates."""
    from desktop.ui.i18n import install_translators

    translators = install_translators(qapp, "fr")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "donnees"


@pytest.fixture
def open_window(qtbot, data_dir):
    """Open a main window on data_dir; every window opened is closed at teardown."""
    opened = []

    def opener(first_run_done: bool = True):
        workspace = open_workspace(data_dir)
        if first_run_done:  # the user already said who they are (test_first_run.py: not yet)
            workspace.set_setting("identity_confirmed", "1")
        window = create_window(workspace)
        qtbot.addWidget(window)
        window.show()
        opened.append((window, workspace))
        return window

    yield opener
    for window, workspace in opened:
        window.close()
        workspace.close()


@pytest.fixture
def window(open_window):
    return open_window()


def accept_next_dialog(qtbot, fill):
    """Run fill(dialog) on the next modal dialog once it is shown, from the event loop."""
    from PySide6.QtCore import QTimer

    def attempt():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        fill(dialog)

    QTimer.singleShot(0, attempt)


def type_text(widget, text):
    """Type any text, accents included, as key events (QTest only knows ASCII keys)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


def drop_files(widget, paths) -> tuple[bool, bool]:
    """Drag files from the file manager onto widget (no paths: a drag of plain text);
    returns (enter accepted, drop accepted)."""
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    mime = QMimeData()
    if paths:
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    else:
        mime.setText("du texte")  # a drag of text, not files
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPoint(10, 10), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(10, 10), actions, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    if enter.isAccepted():
        QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()
