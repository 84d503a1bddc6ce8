"""A path typed or chosen: a line and its « Choisir… » button, as the first-run and the
preferences dialogs ask for the shared folder, the backups' second copy and the logo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.ui import file_dialogs


def path_row(
    value: str,
    placeholder: str,
    accessible: str,
    choose: Callable[[QLineEdit], str],
) -> tuple[QHBoxLayout, QLineEdit]:
    """The row to put in a form, and its line; choose(line) returns the path picked ("" if
    none), which then replaces the line's text."""
    # No parent yet: the form's layout adopts them where they stand, so that the tab order
    # and the first focus follow the form, not the order the rows were made in.
    line = QLineEdit(value)
    line.setPlaceholderText(placeholder)
    line.setAccessibleName(accessible)
    button = QPushButton(QCoreApplication.translate("FolderRow", "Choisir…"))
    button.setAccessibleName(
        QCoreApplication.translate("FolderRow", "Choisir : %1").replace("%1", accessible)
    )

    def chosen() -> None:
        path = choose(line)
        if path:
            line.setText(path)

    button.clicked.connect(chosen)
    row = QHBoxLayout()
    row.addWidget(line, 1)
    row.addWidget(button)
    return row, line


def folder_row(
    parent: QWidget, purpose: str, value: str, placeholder: str, accessible: str
) -> tuple[QHBoxLayout, QLineEdit]:
    """A folder's row: the dialog opens on the folder typed, else on the purpose's last one."""

    def choose(line: QLineEdit) -> str:
        return file_dialogs.existing_folder(parent, purpose, accessible, line.text())

    return path_row(value, placeholder, accessible, choose)
