"""« Derniers messages »: the status bar's last messages, whole, newest first, to read
and copy (a sync error's path, a file refused)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget


class RecentMessages(QDialog):
    """Not modal: the window stays usable while it is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Derniers messages"))
        self.resize(760, 360)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Derniers messages"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def show_messages(self, messages: list[tuple[str, str]]) -> None:
        """messages: (time, text), newest first."""
        lines = [f"{time}  {text}" for time, text in messages]
        empty = self.tr("Aucun message depuis le démarrage de Carnet.")
        self.text.setPlainText("\n\n".join(lines) or empty)
        self.show()
        self.raise_()
        self.activateWindow()
