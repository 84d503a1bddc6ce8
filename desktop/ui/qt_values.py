"""The few values of Qt's namespace (Qt.ItemDataRole, Qt.AlignmentFlag, Qt.Orientation)
that the window's first frame needs, as plain integers.

PySide builds the Python enums of a class the first time anything reads one, and the
`Qt` namespace holds about a hundred of them: the first `from PySide6.QtCore import Qt`
(or a call whose argument is one of its enums, or a Python override receiving one)
costs the start some 15 ms. The first frame's modules therefore use these integers (a
model's roles are ints in Qt's C++ signatures; an enum property set by name takes one)
and read `QtCore.Qt` only in code that runs after the first frame.
tests/ui/test_start_qt_namespace.py checks that the first frame does not build it and
that these values are Qt's.
"""

DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole
USER_ROLE = 256  # Qt.ItemDataRole.UserRole

ALIGN_LEFT = 0x0001  # Qt.AlignmentFlag.AlignLeft
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter (horizontally and vertically)

VERTICAL = 2  # Qt.Orientation.Vertical
