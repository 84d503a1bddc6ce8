"""The welcome label wraps its text without answering heightForWidth (welcome_page.py): the
window's first frame is the same, pixel for pixel, as with a label that answers it, at a
large and a small size, and the window's minimum size is the same."""

from __future__ import annotations

from desktop.app import placed
from desktop.core.storage.first_screen import read_first_screen
from desktop.core.storage.workspace import open_workspace
from desktop.ui.views.main_window import MainWindow

SIZES = ((1280, 720), (640, 420))


def first_frames(qtbot, folder, height_for_width: bool) -> tuple[list, object]:
    """The first frame's window (as the start makes it) grabbed at each of SIZES, and its
    minimum size."""
    window = placed(MainWindow(None, first_screen=read_first_screen(folder)))
    qtbot.addWidget(window)
    assert window.welcome.sizePolicy().hasHeightForWidth() is False
    assert window.welcome.wordWrap()
    if height_for_width:  # as QLabel.setWordWrap(True) leaves it
        policy = window.welcome.sizePolicy()
        policy.setHeightForWidth(True)
        window.welcome.setSizePolicy(policy)
    window.show()
    qtbot.waitExposed(window)
    frames = []
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.wait(10)
        frames.append(window.grab().toImage())
    minimum = window.minimumSizeHint()
    window.close()
    return frames, minimum


def test_the_welcome_looks_the_same_without_height_for_width(qtbot, data_dir):
    workspace = open_workspace(data_dir)
    workspace.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    workspace.close()
    ours, our_minimum = first_frames(qtbot, data_dir, height_for_width=False)
    wrapped, its_minimum = first_frames(qtbot, data_dir, height_for_width=True)
    assert [frame.size() for frame in ours] == [frame.size() for frame in wrapped]
    assert ours == wrapped
    assert our_minimum == its_minimum
