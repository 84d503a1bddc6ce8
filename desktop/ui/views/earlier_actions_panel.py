"""« Actions ouvertes des visites précédentes », at the top of a visit's « Bilan et
suites »: the earlier visits' open actions, their status editable here.

Changing a status edits the visit that agreed the action (core/followup/earlier.py):
the same action everywhere, not a copy in the new visit.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.followup.actions import FollowupError, set_action_status
from desktop.core.followup.earlier import earlier_open_actions
from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.model import ActionItem
from desktop.core.forms.templates import Template
from desktop.core.storage.store import CarnetStore
from desktop.core.storage.store_stamps import DELETED_FIELD
from desktop.ui.formatting import local_date
from desktop.ui.texts import fill

STATUS_COLUMN = 4


class EarlierActionsPanel(QWidget):
    def __init__(
        self, store: CarnetStore, parent: QWidget | None = None, template: Template | None = None
    ) -> None:
        """template: the records' template (the visit sheet unless told)."""
        super().__init__(parent)
        template = template or store.templates.visit
        # A meeting's minutes list the earlier meetings' actions: no « visite » there.
        self.of_visits = template.id == store.templates.visit.id
        self.setObjectName("earlier_actions")
        self.store = store
        self.visit_id: str | None = None
        self.actions: list[ActionItem] = []
        self.kept: set[tuple[str, int]] = set()  # changed here: listed until the visit closes
        fields = FollowupFields.of(template)
        table_spec = template.field(fields.actions) if fields.actions else None
        columns = {c.key: c for c in table_spec.columns} if table_spec else {}
        self.status_spec = columns.get(fields.status or "")
        # What an earlier visit's edit must touch to change the list: its actions, its date
        # (which visits are earlier), its deletion or restoring, its erasure.
        self.listed_keys = {fields.actions, template.date_key, DELETED_FIELD, "_purged"} - {
            None,
            "",
        }
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(
            self.tr("Actions ouvertes des visites précédentes")
            if self.of_visits
            else self.tr("Actions ouvertes des fiches précédentes")
        )
        dated = self.tr("Visite du") if self.of_visits else template.heading or self.tr("Fiche du")
        others = (self.tr("Action"), self.tr("Responsable"), self.tr("Échéance"), self.tr("Statut"))
        self.table.setHorizontalHeaderLabels([dated, *others])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.hide()

    def show_visit(self, visit_id: str) -> None:
        """A visit shown: list the earlier visits' actions still open."""
        if visit_id != self.visit_id:  # the same visit shown again keeps what was changed
            self.kept.clear()
        self.visit_id = visit_id
        self.reload()

    def reload(self) -> None:
        if not self.visit_id or self.status_spec is None:
            self.hide()
            return
        self.actions = earlier_open_actions(self.store, self.visit_id, frozenset(self.kept))
        self.table.setRowCount(len(self.actions))
        for index, action in enumerate(self.actions):
            due = local_date(action.due) or action.due
            texts = (local_date(action.visit_date), action.what, action.responsible, due)
            for column, text in enumerate(texts):
                self.table.setItem(index, column, QTableWidgetItem(text))
            self.table.setCellWidget(index, STATUS_COLUMN, self._status_combo(action))
        count = len(self.actions)
        self.title.setText(
            self.tr("%n action(s) encore ouverte(s) des visites précédentes", "", count)
            if self.of_visits
            else self.tr("%n action(s) encore ouverte(s) des fiches précédentes", "", count)
        )
        rows = sum(self.table.rowHeight(r) for r in range(count))
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows + 4)
        self.setVisible(bool(self.actions))

    def _status_combo(self, action: ActionItem) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(fill(self.tr("Statut de « %1 »"), action.what))
        combo.addItem("—", "")
        for value, label in self.status_spec.choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(action.status)))
        combo.currentIndexChanged.connect(
            lambda _i, a=action, c=combo: self._set_status(a, c.currentData())
        )
        return combo

    def _set_status(self, action: ActionItem, status: str) -> None:
        """An edit of the earlier visit, stamped and synced like any other."""
        self.kept.add((action.visit_id, action.row))
        try:
            set_action_status(self.store, action.visit_id, action.row, status or None, action)
        except (FollowupError, LookupError) as error:
            QMessageBox.warning(self, self.tr("Actions"), str(error))
            self.reload()

    def on_changes(self, changes) -> None:
        """An earlier visit's actions changed (here, in the Suivi, by a colleague): list them
        again. Another visit's other fields leave the list as it is: reloading it for each
        batch of visits re-signed with the user's name (100,000 of them) held the window
        for seconds. A change that names no field (a photo) counts as any change."""
        if not self.visit_id:
            return
        touched = changes.records.get("visits", {})
        if changes.everything or any(
            not keys or keys & self.listed_keys
            for record_id, keys in touched.items()
            if record_id != self.visit_id
        ):
            self.reload()
