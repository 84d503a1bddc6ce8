"""The status bar, whose messages are never cut at the window's edge.

QStatusBar paints a message on one line and clips it where the permanent widgets begin
(the counts, the sync indicator): a sync error with its path lost its end, with no way
to read it. Here a message is a label laid out with the bar: shown whole when it fits,
else shortened in the middle « … » (the start says what, the end names the file), the
whole text in its tooltip. The messages that mattered (shown 8 s or more, or until the
next one) are kept, the last ones first, in « Derniers messages » (a click on the
message, or Aide › Derniers messages…), whole and selectable.

showMessage, clearMessage and currentMessage keep QStatusBar's meaning for Python
callers. A status tip from Qt's own C++ still takes the bar's place for a moment, as it
does in any QStatusBar.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

KEPT = 30  # messages in « Derniers messages »
KEPT_FROM_MS = 8000  # shorter ones (« Enregistré à … ») are not kept


class ElidedLabel(QLabel):
    """One line, shortened in the middle to its width; the whole text in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = ""
        self.hint = ""  # said after the whole text in the tooltip
        self.on_click = lambda: None
        # Its width is the bar's to give, never the text's to ask: a long message must
        # not widen the window nor push the permanent widgets away.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(0)

    def set_whole(self, text: str) -> None:
        self.whole = text
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.on_click()

    def _fit(self) -> None:
        one_line = " ".join(self.whole.split())
        shown = self._elided(one_line) if one_line else ""  # none at the first frame
        self.setText(shown)
        tip = self.whole if shown != one_line else ""
        self.setToolTip("\n\n".join(part for part in (tip, self.hint) if part))

    def _elided(self, text: str) -> str:
        # Read after the first frame: Qt's namespace costs the start (ui/qt_values.py).
        from PySide6.QtCore import Qt

        width = max(0, self.contentsRect().width())
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, width)


class MessageBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = ElidedLabel(self)
        self.label.setObjectName("status_message")
        self.label.setAccessibleName(self.tr("Message"))
        self.label.hint = self.tr("Cliquez pour voir les derniers messages en entier.")
        self.label.on_click = self.show_recent
        self.addWidget(self.label, 1)
        self.recent: deque[tuple[str, str]] = deque(maxlen=KEPT)  # (time, text), oldest first
        self._text = ""
        self.recent_dialog = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clearMessage)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 - Qt's name
        self._timer.stop()
        self._text = text or ""
        self.label.set_whole(self._text)
        if self._text and (timeout == 0 or timeout >= KEPT_FROM_MS):
            now = QDateTime.currentDateTime().toString("HH:mm:ss")
            if not self.recent or self.recent[-1][1] != self._text:
                self.recent.append((now, self._text))
        if self._text and timeout > 0:
            self._timer.start(timeout)
        self.messageChanged.emit(self._text)

    def clearMessage(self) -> None:  # noqa: N802 - Qt's name
        self._timer.stop()
        if self._text:
            self._text = ""
            self.label.set_whole("")
            self.messageChanged.emit("")

    def currentMessage(self) -> str:  # noqa: N802 - Qt's name
        return self._text

    def show_recent(self):
        """« Derniers messages », newest first."""
        if self.recent_dialog is None:
            from desktop.ui.dialogs.recent_messages import RecentMessages

            self.recent_dialog = RecentMessages(self.window())
        self.recent_dialog.show_messages(list(reversed(self.recent)))
        return self.recent_dialog
