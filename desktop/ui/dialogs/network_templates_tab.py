"""The Synchronisation panel's « Modèles du réseau » tab: what each template file of the
share's `modeles/` folder was found to be (received, refused and why, still arriving),
and the network's templates in use on this laptop."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forms.templates import ORIGIN_NETWORK
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.template_inbox import ACCEPTED, REFUSED, STATE_KEY
from desktop.ui.texts import fill


class NetworkTemplatesTab(QWidget):
    def __init__(self, table: QTableWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table  # made by the panel, like its other tables
        self.table.setObjectName("network_templates")
        header = self.table.horizontalHeader()  # the reason gets the room
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.in_use)
        layout.addWidget(self.table, 1)

    def rows(self, workspace: Workspace) -> list[list[str]]:
        state = json.loads(workspace.setting(STATE_KEY) or "{}")
        rows = []
        for name, found in sorted(state.items(), key=lambda item: item[1]["status"] != REFUSED):
            if found["status"] == REFUSED:
                rows.append([name, self.tr("Refusé"), found.get("reason", "")])
            elif found["status"] == ACCEPTED:
                what = fill(self.tr("Reçu : « %1 », version %2"), found["id"], found["version"])
                rows.append([name, what, ""])
            else:
                rows.append([name, self.tr("En cours d'arrivée"), self.tr("fichier incomplet")])
        return rows

    def refresh(self, workspace: Workspace) -> int:
        """Fill the tab; returns how many files are refused (the tab's title says it)."""
        network = [t for t in workspace.templates.records if t.origin == ORIGIN_NETWORK]
        names = ", ".join(fill(self.tr("« %1 » (version %2)"), t.title, t.version) for t in network)
        self.in_use.setText(
            fill(
                self.tr(
                    "Modèles du réseau en service ici : %1.\nUn coordinateur les dépose dans "
                    "le dossier « Carnet/modeles » du dossier partagé ; chaque ordinateur les "
                    "vérifie à sa synchronisation suivante. Un modèle refusé ne change rien : "
                    "la version en service reste utilisée."
                ),
                names or self.tr("aucun"),
            )
        )
        rows = self.rows(workspace)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        return sum(1 for row in rows if row[1] == self.tr("Refusé"))
