"""Taking back a status ticked in the Suivi: Ctrl+Z in the view, or its « Annuler »
button, puts the former status back (« En cours » stays « En cours »), through the store
like any edit, so it is stamped and syncs. A part of FollowupView (followup_view.py).

Ctrl+Z is the window's « Annuler la suppression » too: while the Suivi has a change to
take back, the view claims the key (ShortcutOverride, which reaches it from the table or
the button that has the focus) before the window's action.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.core.followup.actions import FollowupError, StatusChange, undo_status_change
from desktop.ui.texts import fill

UNDO_DEPTH = 20  # changes remembered, the latest taken back first


class FollowupUndo:
    """Mixed into FollowupView: the changes made here, and taking them back."""

    def _undo_button(self) -> QPushButton:
        self._changes: list[StatusChange] = []
        self.undo_button = QPushButton(self.tr("Annuler"))
        self.undo_button.setToolTip(self.tr("Remettre le statut d'avant (Ctrl+Z)"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last)
        return self.undo_button

    def remember(self, change: StatusChange) -> None:
        """A change just made: it can be taken back, and the status bar says how."""
        self._changes = [*self._changes, change][-UNDO_DEPTH:]
        self.undo_button.setEnabled(True)
        if change.status and change.status == self.data.done_of(change.action):
            text = self.tr("Action marquée faite — Ctrl+Z pour annuler.")
        else:
            text = self.tr("Action rouverte — Ctrl+Z pour annuler.")
        self.said.emit(text)

    def forget_changes(self) -> None:
        """The database was replaced (a backup restored): nothing to take back."""
        self._changes = []
        self.undo_button.setEnabled(False)

    def undo_last(self) -> None:
        if not self._changes:
            return
        change = self._changes.pop()
        self.undo_button.setEnabled(bool(self._changes))
        try:
            undo_status_change(self.store, change)
        except (FollowupError, LookupError) as error:
            QMessageBox.warning(self, self.tr("Suivi"), str(error))
            self.reload()
            return
        label = self._status_choices().get(change.before or "", "")
        if label:
            self.said.emit(fill(self.tr("Statut de l'action rétabli : %1."), label))
        else:
            self.said.emit(self.tr("Statut de l'action rétabli (sans statut)."))
        self._emit_counts(self._show_actions())  # back at its place, the current row
        self.action_changed.emit(change.action.visit_id)

    def event(self, event) -> bool:
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if (
            getattr(self, "_changes", None)
            and event.type() in kinds
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.undo_last()
            return True
        return super().event(event)
