"""The pinned Qt binding must not corrupt Python's reference counts.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every Qt call that
returns nothing (setText, setEnabled…): after a few thousand calls the interpreter
aborts with « none_dealloc ». A facilitator's session makes that many calls in minutes.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QLabel  # noqa: E402


def test_void_qt_calls_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("Carnet")
        label.setEnabled(True)
    assert sys.getrefcount(None) >= before - 10
