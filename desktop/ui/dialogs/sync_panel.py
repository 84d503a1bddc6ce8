"""« Synchronisation »: the last pass, the conflicts to resolve, colleagues, skipped files."""

from __future__ import annotations

import json
from html import escape  # the panel's status is rich text: a path's « & », « < »
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.merge.conflicts import (
    ATTACHMENT_TABLES,
    Conflict,
    list_conflicts,
    resolve_conflict,
)
from desktop.core.merge.field_merge import MISSING, FieldVersion
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.engine import colleagues
from desktop.core.sync.importer import ignored_files, skipped_files
from desktop.core.sync.ownership import take_over_sheets
from desktop.ui.dialogs.network_templates_tab import NetworkTemplatesTab
from desktop.ui.formatting import local_date
from desktop.ui.texts import fill
from desktop.ui.views.clock_notice import ClockNotice


def display_value(value: Any, spec=None, whole: bool = True, attachment_field: str = "") -> str:
    """A value in conflict as the user reads it: long texts whole (or shortened), the rest
    as the venue history shows it (enum labels, French numbers, table rows); a photo's or
    a document's field (attachment_field: they have no template) in words too."""
    from desktop.core.forms.visit_diff import display
    from desktop.core.merge.attachment_values import attachment_value

    words = attachment_value(attachment_field, value)  # None for MISSING, and the rest
    if words is not None:
        return words
    if value is MISSING or value is None or value == "" or value == []:
        return "(vide)"
    if spec is None or (spec.is_text and whole):
        return str(value)
    return display(spec, value)


def stamp_time(version: FieldVersion) -> str:
    wall_ms = int(version.stamp.split("-", 1)[0])
    from datetime import datetime

    return datetime.fromtimestamp(wall_ms / 1000).strftime("%d/%m/%Y %H:%M")


class SyncPanel(QDialog):
    sync_requested = Signal()
    set_up_requested = Signal()  # the user agreed to prepare a folder never used as a share
    open_visit_requested = Signal(str, str)  # visit id, venue id
    resolved = Signal(str)  # the record whose field was resolved

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.me = workspace.store.author.device_id
        self.setWindowTitle(self.tr("Synchronisation"))
        self.resize(980, 560)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        sync_button = QPushButton(self.tr("&Synchroniser maintenant"))
        sync_button.clicked.connect(self.sync_requested)
        self.set_up_button = QPushButton(self.tr("&Préparer ce dossier…"))
        self.set_up_button.clicked.connect(self._ask_set_up)
        self.set_up_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.set_up_button)
        top.addWidget(sync_button)
        self.clock_notice = ClockNotice()
        self.tabs = QTabWidget()
        self.conflicts = self._table(
            [self.tr("Où"), self.tr("Champ"), self.tr("Valeur en place"), self.tr("Autre valeur")]
        )
        self.people = self._table(
            [self.tr("Collègue"), self.tr("Appareil"), self.tr("Dernière activité")]
        )
        self.files = self._table([self.tr("Fichier"), self.tr("Raison")])
        self.media = self._table([self.tr("Fichier attendu")])
        self.templates = NetworkTemplatesTab(
            self._table([self.tr("Fichier"), self.tr("État"), self.tr("Raison")])
        )
        self.tabs.addTab(self._conflicts_page(), "")
        self.tabs.addTab(self._people_page(), self.tr("Collègues"))
        self.tabs.addTab(self.files, self.tr("Fichiers ignorés"))
        self.tabs.addTab(self.media, self.tr("Médias en attente"))
        self.tabs.addTab(self.templates, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.clock_notice)
        layout.addWidget(self.tabs, 1)
        self.items: list[Conflict] = []
        self.refresh(None)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    def _conflicts_page(self) -> QWidget:
        page = QWidget()
        self.keep_mine = QPushButton(self.tr("Garder la &mienne"))
        self.take_theirs = QPushButton(self.tr("Prendre la &leur"))
        self.edit_value = QPushButton(self.tr("Mo&difier…"))  # M: « la &mienne »
        self.restore = QPushButton(self.tr("&Restaurer"))
        self.keep_deleted = QPushButton()  # its text (« supprimé(e) »): _update_buttons
        self.open_record = QPushButton(self.tr("&Ouvrir la fiche"))
        self.keep_mine.clicked.connect(lambda: self._resolve(mine=True))
        self.take_theirs.clicked.connect(lambda: self._resolve(mine=False))
        self.edit_value.clicked.connect(self._edit)
        # A deletion conflict: MISSING brings the record back, any other value confirms.
        self.restore.clicked.connect(lambda: self._resolve_deletion(MISSING))
        self.keep_deleted.clicked.connect(lambda: self._resolve_deletion(True))
        self.open_record.clicked.connect(self._open)
        buttons = QHBoxLayout()
        for button in self._buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Deux personnes ont modifié le même champ en même temps, ou l'une a supprimé "
                "une fiche pendant que l'autre la modifiait. Rien n'a été perdu : choisissez "
                "la valeur à garder, champ par champ, ou s'il faut restaurer la fiche."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.conflicts, 1)
        layout.addLayout(buttons)
        self.conflicts.itemSelectionChanged.connect(self._update_buttons)
        return page

    def _people_page(self) -> QWidget:
        page = QWidget()
        take = QPushButton(self.tr("Reprendre ses fiches (ordinateur retiré)…"))
        take.clicked.connect(self._take_over)
        layout = QVBoxLayout(page)
        layout.addWidget(self.people, 1)
        row = QHBoxLayout()
        row.addWidget(take)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    # ------------------------------------------------------------------ filling
    def refresh(self, report=None) -> None:
        self._fill_status(report)
        self.clock_notice.show_for(self.workspace.store)
        self.items = list_conflicts(self.workspace.store)
        self._fill(self.conflicts, [self._conflict_row(c) for c in self.items])
        self.tabs.setTabText(0, fill(self.tr("Conflits (%1)"), len(self.items)))
        self.colleagues = colleagues(self.workspace)
        self._fill(
            self.people, [[c.user_name, c.device_id, _local(c.last_seen)] for c in self.colleagues]
        )
        files = skipped_files(self.workspace) + ignored_files(self.workspace)
        if report is not None:
            files = list(dict.fromkeys([*report.skipped, *files]))
        self._fill(self.files, [list(row) for row in files])
        missing = report.missing_media if report is not None else []
        self._fill(self.media, [[name] for name in missing])
        refused = self.templates.refresh(self.workspace)
        title = self.tr("Modèles du réseau")
        self.tabs.setTabText(
            self.tabs.indexOf(self.templates),
            fill(self.tr("%1 (%2 refusé(s))"), title, refused) if refused else title,
        )
        self._update_buttons()

    def _ask_set_up(self) -> None:
        folder = self.workspace.setting("shared_folder")
        question = fill(
            self.tr(
                "Le dossier « %1 » n'a jamais servi de dossier partagé à Carnet : le préparer "
                "et y publier vos lieux, visites, photos et fiches ?\n\nSi ce dossier devrait "
                "déjà contenir le dossier « Carnet » (disque réseau ou clé non branché), "
                "répondez Non et rebranchez-le."
            ),
            folder,
        )
        answer = QMessageBox.question(self, self.tr("Préparer le dossier partagé"), question)
        if answer == QMessageBox.StandardButton.Yes:
            self.set_up_button.hide()
            self.set_up_requested.emit()

    def _fill_status(self, report) -> None:
        self.set_up_button.setVisible(bool(report is not None and report.needs_setup))
        last = json.loads(self.workspace.setting("sync_last_pass") or "{}")
        folder = self.workspace.setting("shared_folder")
        if not folder:
            text = self.tr("Aucun dossier partagé : choisissez-le dans Fichier › Préférences.")
        elif report is not None and report.publish_error and not report.error:
            text = self.tr(
                "<b>Publication impossible</b> : %1<br>Le travail des collègues est importé "
                "(%2 nouveau(x), %3 mis à jour) ; %4 élément(s) de ce poste en attente de "
                "publication, publiés dès que le dossier partagé acceptera l'écriture."
            )
            got, why = report.imported, escape(report.publish_error)  # read, not written
            text = fill(text, why, got.created, got.updated, report.pending)
        elif report is not None and not report.ok:
            text = fill(
                self.tr(
                    "<b>Dernière tentative échouée</b> : %1<br>%2 élément(s) en "
                    "attente de publication."
                ),
                escape(report.error),
                report.pending,
            )
        else:
            success = self.workspace.setting("sync_last_success")
            text = self.tr("Dossier partagé : %1<br>Dernière synchronisation réussie : %2")
            text = fill(text, escape(folder), _local(success) or self.tr("jamais"))
            if last:
                text += fill(
                    self.tr("<br>Publié : %1, importé : %2 nouveau(x), %3 mis à jour."),
                    last.get("published", 0),
                    last.get("created", 0),
                    last.get("updated", 0),
                )
        self.status.setText(text)

    def _conflict_row(self, conflict: Conflict) -> list[str]:
        if conflict.is_deletion:
            return self._deletion_row(conflict)
        store = self.workspace.store
        template = {"venues": store.templates.venue}.get(conflict.table)
        if conflict.table == "visits":  # the record's own template: a meeting's field too
            template = store.template_of(conflict.record_id)
        spec = template.field(conflict.field) if template is not None else None
        attachment = conflict.field if conflict.table in ATTACHMENT_TABLES else ""

        def version(v: FieldVersion) -> str:
            shown = display_value(v.value, spec, attachment_field=attachment)
            return f"{shown}\n— {self._who(v)}, {stamp_time(v)}"

        return [
            conflict.context,
            conflict.title,
            version(conflict.current),
            version(conflict.other),
        ]

    def _who(self, version: FieldVersion) -> str:
        return version.user_name + (self.tr(" (vous)") if version.device_id == self.me else "")

    def _deletion_row(self, conflict: Conflict) -> list[str]:
        """`current` is the deletion, `other` the edit its author had not seen."""
        deletion, edit = conflict.current, conflict.other
        deleted, edited = self._deletion_words(
            conflict.table == "venues", edit.device_id == self.me
        )
        deleted = fill(deleted, self._who(deletion), stamp_time(deletion))
        edited = fill(edited, self._who(edit), stamp_time(edit))
        return [conflict.context, self.tr("Suppression"), deleted, edited]

    def _deletion_words(self, venue: bool, edited_here: bool) -> tuple[str, str]:
        """%1 who, %2 when; a venue (« lieu ») is masculine, a visit feminine."""
        if edited_here:  # in the terms of who edited it here
            if venue:
                return (
                    self.tr("Supprimé par %1 le %2, pendant que vous le modifiiez"),
                    self.tr("Vos modifications du %2"),
                )
            return (
                self.tr("Supprimée par %1 le %2, pendant que vous la modifiiez"),
                self.tr("Vos modifications du %2"),
            )
        if venue:
            return (
                self.tr("Supprimé par %1 le %2"),
                self.tr("Modifié par %1 le %2, pendant ce temps"),
            )
        return (
            self.tr("Supprimée par %1 le %2"),
            self.tr("Modifiée par %1 le %2, pendant ce temps"),
        )

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeRowsToContents()

    # ------------------------------------------------------------------ acting
    def selected(self) -> Conflict | None:
        rows = self.conflicts.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.keep_mine,
            self.take_theirs,
            self.edit_value,
            self.restore,
            self.keep_deleted,
            self.open_record,
        )

    def _update_buttons(self) -> None:
        conflict = self.selected()
        deletion = conflict is not None and conflict.is_deletion
        # A record in the trash is not opened for editing: restore it first.
        for button in (self.keep_mine, self.take_theirs, self.edit_value, self.open_record):
            button.setEnabled(conflict is not None and not deletion)
        for button in (self.restore, self.keep_deleted):
            button.setEnabled(deletion)
        venue = conflict is not None and conflict.table == "venues"
        self.keep_deleted.setText(
            self.tr("La&isser supprimé") if venue else self.tr("La&isser supprimée")
        )

    def _resolve(self, mine: bool) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        other_is_mine = conflict.other.device_id == self.me != conflict.current.device_id
        mine_version, theirs = (
            (conflict.other, conflict.current)
            if other_is_mine
            else (conflict.current, conflict.other)
        )
        self.resolve(conflict, (mine_version if mine else theirs).value)

    def _resolve_deletion(self, value: Any) -> None:
        conflict = self.selected()
        if conflict is not None and conflict.is_deletion:
            self.resolve(conflict, value)

    def resolve(self, conflict: Conflict, value: Any) -> None:
        resolve_conflict(self.workspace.store, conflict, value)
        self.resolved.emit(conflict.record_id)
        self.refresh(None)

    def _edit(self) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        current = conflict.current.value
        if not isinstance(current, str | type(MISSING)) or not isinstance(
            conflict.other.value, str | type(MISSING)
        ):
            self._open()  # a list or a table: edit it in the sheet itself
            return
        start = "" if current is MISSING else current
        text, ok = QInputDialog.getMultiLineText(
            self, conflict.title, self.tr("Valeur à garder :"), start
        )
        if ok:
            self.resolve(conflict, text.strip() or MISSING)

    def _open(self) -> None:
        conflict = self.selected()
        if conflict is not None and conflict.visit_id:
            self.open_visit_requested.emit(conflict.visit_id, conflict.venue_id)

    def _take_over(self) -> None:
        rows = self.people.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Choisissez d'abord un collègue dans la liste.")
            )
            return
        colleague = self.colleagues[rows[0].row()]
        question = self.tr(
            "Cet ordinateur publiera désormais les fiches PDF des visites de l'appareil "
            "%1 (%2). À faire seulement si cet ordinateur-là n'est plus utilisé. Continuer ?"
        )
        answer = QMessageBox.question(
            self, self.windowTitle(), fill(question, colleague.device_id, colleague.user_name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            count = take_over_sheets(self.workspace.store, colleague.device_id)
            QMessageBox.information(
                self, self.windowTitle(), fill(self.tr("%1 fiche(s) reprise(s)."), count)
            )
            self.sync_requested.emit()


def _local(iso: str) -> str:
    if not iso:
        return ""
    return f"{local_date(iso[:10])} {iso[11:16]}"
