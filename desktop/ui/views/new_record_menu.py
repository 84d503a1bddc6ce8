"""« Nouveau… »: the record templates this laptop has, Carnet's and the network's told
apart (each group under its heading), whichever a record is made from."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core.forms.templates import ORIGIN_CARNET, ORIGIN_NETWORK, TemplateSet


class NewRecordMenu(QMenu):
    chosen = Signal(str)  # a template id

    def __init__(
        self, templates: TemplateSet | Callable[[], TemplateSet], parent: QWidget | None = None
    ) -> None:
        """templates: the set, or a function giving the current one (a network template
        may arrive while the window is open: the menu is filled again each time it opens)."""
        super().__init__(parent)
        self.setTitle(self.tr("Nouveau…"))
        self._templates = templates if callable(templates) else (lambda: templates)
        self._fill()
        self.aboutToShow.connect(self._fill)

    def _fill(self) -> None:
        self.clear()
        templates = self._templates()
        groups = (
            (ORIGIN_CARNET, self.tr("Modèles de Carnet")),
            (ORIGIN_NETWORK, self.tr("Modèles du réseau")),
        )
        for origin, heading in groups:
            members = [t for t in templates.records if t.origin == origin]
            if not members:
                continue
            if self.actions():
                self.addSeparator()
            self._heading(heading)
            for template in members:
                action = self.addAction(template.title)
                action.setData(template.id)
                action.setToolTip(template.schema.get("description", ""))
                action.triggered.connect(lambda _=False, i=template.id: self.chosen.emit(i))

    def _heading(self, text: str) -> None:
        """A group's title: a disabled bold entry (styles draw a section's text or not)."""
        action = self.addAction(text)
        action.setEnabled(False)
        font = QFont(action.font())
        font.setBold(True)
        action.setFont(font)

    def template_ids(self) -> list[str]:
        return [a.data() for a in self.actions() if a.data()]
