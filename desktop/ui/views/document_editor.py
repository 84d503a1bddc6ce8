"""The editors of one visit and of one venue's identity: a generated form plus autosave."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.followup.fields import FollowupFields
from desktop.core.forms.templates import Template
from desktop.core.media.media_store import MediaStore
from desktop.core.storage.changes import Changes
from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.storage.records import ChangeResult, Venue, Visit
from desktop.core.storage.store import CarnetStore
from desktop.ui.controllers.autosave import Autosaver
from desktop.ui.controllers.operations import Operations
from desktop.ui.form.form_view import FormView
from desktop.ui.formatting import local_date, percent
from desktop.ui.texts import fill
from desktop.ui.views.documents_panel import DocumentsPanel
from desktop.ui.views.earlier_actions_panel import EarlierActionsPanel
from desktop.ui.views.new_record_menu import NewRecordMenu
from desktop.ui.views.photo_panel import PhotoPanel
from desktop.ui.views.venue_history_panel import VenueHistoryPanel


class DocumentEditor(QWidget):
    """Shared frame: a title line, a form, and an autosaver bound to one record.

    It remembers the stamp of each field it shows (`stamps`): saves carry them as their
    base, and a field stored meanwhile by someone else is shown anew unless the user is
    typing in it (then the save keeps both values as a conflict: nothing is lost).
    """

    TABLE = ""
    changed = Signal(object)  # ChangeResult, after each save
    save_failed = Signal(str)

    def __init__(self, store: CarnetStore, template: Template, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.record_id: str | None = None
        self.data: dict[str, Any] = {}
        self.stamps: dict[str, str] = {}
        self.form = FormView(template)
        self.form.field_edited.connect(self._on_edited)
        self.autosaver = Autosaver(self._submit, lambda key: self.stamps.get(key, ""), self)
        self.ops = Operations(store.service, self)
        self.ops.failed.connect(self.save_failed)
        self.autosaver.saved.connect(self._on_saved)
        self.autosaver.failed.connect(self.save_failed)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        self.header.addLayout(titles, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.header)
        layout.addWidget(self.form, 1)

    def _on_edited(self, key: str, value: Any) -> None:
        if self.record_id is None:
            return
        self.data[key] = value
        self.autosaver.queue(key, value)

    def _bind(self, record_id: str) -> None:
        """Before showing another record: what was typed stays with its own record."""
        self.autosaver.bind(record_id)
        self.autosaver.save_now()
        self.record_id = record_id
        self.stamps = {k: v["stamp"] for k, v in self.store.field_stamps(record_id).items()}

    def _submit(self, record_id: str, changes: dict[str, Any], bases: dict[str, str]) -> Future:
        raise NotImplementedError

    def _on_saved(self, result: ChangeResult) -> None:
        if result.record_id == self.record_id:
            self.stamps.update(result.stamps)
            self.form.show_errors(result.errors)
            if result.conflicts:
                self.show_conflicts()
            self.refresh_header()
        self.changed.emit(result)

    def on_changes(self, changes: Changes) -> None:
        """The data service wrote something: show what changed under the open record."""
        if changes.origin is self or not changes.touches_record(self.TABLE, self.record_id):
            return
        self.refresh_underneath()

    def refresh_underneath(self) -> None:
        record = self._read()
        if record is None:
            return
        stored = {k: v["stamp"] for k, v in self.store.field_stamps(self.record_id).items()}
        typing = self.autosaver.pending_keys(self.record_id)
        moved = [
            k
            for k, s in stored.items()
            if s != self.stamps.get(k) and k not in typing and not k.startswith("_")
        ]
        for key in moved:
            self.form.set_field(key, record.data.get(key))
            self.data[key] = record.data.get(key)
            self.stamps[key] = stored[key]
        if moved:  # fields of a previous version, and what reads them (x-replaces)
            self.form.refresh_earlier(record.data, typing)
        self.form.show_errors(record.errors)
        self.show_conflicts()
        self.refresh_header()

    def _read(self):
        raise NotImplementedError

    def show_conflicts(self) -> None:
        pass

    def refresh_header(self) -> None:
        raise NotImplementedError

    def flush(self) -> bool:
        self.form.send_held()  # a date half typed, held back so as not to flag it, goes too
        return self.autosaver.flush()


class VisitEditor(DocumentEditor):
    """The editor of one record of any template (a visit, a meeting's minutes…): one
    generated form per template, built the first time a record of it opens; the photos
    panel moves to the form shown."""

    TABLE = "visits"
    delete_requested = Signal(str)
    kind_shown = Signal(bool)  # whether the record now shown is a visit (else « fiche »)

    def __init__(
        self, store: CarnetStore, media: MediaStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, store.templates.visit, parent)
        self.photos = PhotoPanel(store, media)
        self.stack = QStackedWidget()
        self.layout().replaceWidget(self.form, self.stack)
        self.forms: dict[str, tuple[FormView, EarlierActionsPanel, QWidget]] = {}
        self._adopt(store.templates.visit.id, self.form)
        self._use_template(store.templates.visit.id)
        self.setAcceptDrops(True)  # files or folders dropped anywhere on the visit
        self.venue_name = ""
        self.completeness = 0.0
        self.delete = QPushButton(self.tr("Supprimer la visite"))
        self.delete.setToolTip(self.tr("Mettre la visite à la corbeille (Suppr)"))
        self.delete.clicked.connect(lambda: self.delete_requested.emit(self.record_id))
        self.header.addWidget(self.delete)

    def _adopt(self, template_id: str, form: FormView) -> None:
        """A template's form, with its photos section and earlier records' open actions."""
        holder = QWidget()
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        form.add_extra_section(self.tr("Photos"), holder)
        form.carry_over_confirmed.connect(self._confirm_carried)
        earlier = EarlierActionsPanel(self.store, template=form.template)
        actions_key = FollowupFields.of(form.template).actions
        if actions_key:
            form.insert_above(actions_key, earlier)
        self.stack.addWidget(form)
        self.forms[template_id] = (form, earlier, holder)

    def _use_template(self, template_id: str | None) -> None:
        template = self.store.templates.template_or_visit(template_id)
        if template.id not in self.forms:
            form = FormView(template)
            form.field_edited.connect(self._on_edited)
            self._adopt(template.id, form)
        self.form, self.earlier, holder = self.forms[template.id]
        holder.layout().addWidget(self.photos)
        self.stack.setCurrentWidget(self.form)
        if hasattr(self, "delete"):  # a meeting's minutes are no visit
            is_visit = template.id == self.store.templates.visit.id
            self.delete.setText(
                self.tr("Supprimer la visite") if is_visit else self.tr("Supprimer la fiche")
            )
            self.delete.setToolTip(
                self.tr("Mettre la visite à la corbeille (Suppr)")
                if is_visit
                else self.tr("Mettre la fiche à la corbeille (Suppr)")
            )
            self.kind_shown.emit(is_visit)

    def open(self, visit: Visit, venue_name: str) -> None:
        self.photos.flush()
        another = visit.id != self.record_id
        self._bind(visit.id)  # what was typed goes with its record, whatever its form
        self._use_template(visit.template_id)
        if another:
            self.form.scroll_to_top()  # another visit: from its top
        self.photos.show_visit(visit.id)
        self.earlier.show_visit(visit.id)
        self.data = dict(visit.data)
        self.venue_name, self.completeness = venue_name, visit.completeness
        self.carried_from = visit.carried_from
        self.form.load(visit.data, visit.errors, visit.carried_over, local_date(visit.carried_from))
        self.show_conflicts()
        self.refresh_header()

    def on_changes(self, changes: Changes) -> None:
        super().on_changes(changes)
        self.earlier.on_changes(changes)
        self._photos_from_elsewhere(changes)

    def _photos_from_elsewhere(self, changes: Changes) -> None:
        """Photos changed elsewhere (a colleague's, `attach` beside the window): the grid
        and the open card show them (PhotoPanel.follow_elsewhere). Its own attaching shows
        each photo as it is stored, and reloads once at the end."""
        if not self.record_id or self.photos.running or not changes.touches("photos"):
            return
        self.photos.follow_elsewhere()

    def _read(self) -> Visit | None:
        try:
            visit = self.store.get_visit(self.record_id) if self.record_id else None
        except RecordNotFound:
            return None
        if visit is not None:
            self.completeness = visit.completeness
        return visit

    def show_conflicts(self) -> None:
        if self.record_id:
            self.form.show_conflicts(self._conflict_texts(self.record_id))

    def _conflict_texts(self, visit_id: str) -> dict[str, str]:
        from desktop.core.merge.conflicts import conflicts_of

        found = conflicts_of(self.store, visit_id)
        if not found:
            return {}
        from desktop.ui.dialogs.sync_panel import display_value, stamp_time

        texts = {}
        for key, versions in found.items():
            spec = self.form.template.field(key)
            others = "; ".join(
                fill(
                    self.tr("%1 (%2) : « %3 »"),
                    v.user_name,
                    stamp_time(v),
                    display_value(v.value, spec, whole=False),
                )
                for v in versions
            )
            texts[key] = fill(
                self.tr(
                    "⚠ Modifié en même temps par %1 — à trancher dans Fichier › Synchronisation "
                    "(Ctrl+Maj+Y)"
                ),
                others,
            )
        return texts

    def _submit(self, record_id: str, changes: dict[str, Any], bases: dict[str, str]) -> Future:
        return self.store.service.submit(
            lambda writer: writer.store.update_visit(record_id, changes, bases), origin=self
        )

    def dragEnterEvent(self, event) -> None:
        if self.record_id and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.photos.attach_paths(paths)
            event.acceptProposedAction()

    def flush(self) -> bool:
        return super().flush() and self.photos.flush()

    def _on_saved(self, result: ChangeResult) -> None:
        if result.record_id == self.record_id:
            self.completeness = result.completeness
            carried = self.store.get_visit(result.record_id).carried_over
            self.form.show_carried(carried, local_date(self.carried_from))
        super()._on_saved(result)

    def _confirm_carried(self, keys: list[str]) -> None:
        if not self.record_id:
            return
        record_id = self.record_id
        self.autosaver.save_now()  # queued first: the writer runs them in order

        def shown(_result) -> None:
            visit = self.store.get_visit(record_id)
            if self.record_id == record_id:
                self.form.show_carried(visit.carried_over, local_date(visit.carried_from))

        self.ops.run(
            lambda writer: writer.store.confirm_carried_over(record_id, keys), origin=self
        ).success(shown)

    def refresh_header(self) -> None:
        template = self.form.template
        date = local_date(self.data.get(template.date_key), long=True)
        date = date or self.tr("date à préciser")
        if template.heading:  # « Réunion du 12 mars 2026 — La Fabrique du Val »
            self.title.setText(fill("%1 %2 — %3", template.heading, date, self.venue_name))
        else:
            self.title.setText(fill(self.tr("Visite du %1 — %2"), date, self.venue_name))
        completeness = fill(
            self.tr("Complétude : %1 · enregistrement automatique"), percent(self.completeness)
        )
        is_visit = template.id == self.store.templates.visit.id
        self.subtitle.setText(completeness if is_visit else f"{template.title} · {completeness}")


class VenueEditor(DocumentEditor):
    TABLE = "venues"
    new_visit_requested = Signal()
    new_record_requested = Signal(str)  # a template id, from « Nouveau… »
    visit_requested = Signal(str, str)  # visit id, venue id (from the history)

    def __init__(
        self, store: CarnetStore, media: MediaStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, store.templates.venue, parent)
        self.documents = DocumentsPanel(store, media)
        self.form.add_extra_section(self.tr("Documents de gouvernance"), self.documents)
        self.history = VenueHistoryPanel(store)
        self.history.visit_requested.connect(self.visit_requested)
        self.form.add_extra_section(self.tr("Historique des fiches"), self.history)
        new_visit = QPushButton(self.tr("Nouvelle visite"))
        new_visit.clicked.connect(self.new_visit_requested)
        self.header.addWidget(new_visit)
        new_record = QPushButton(self.tr("Nouveau…"))
        new_record.setToolTip(
            self.tr("Une fiche d'un autre modèle : compte rendu d'instance… (Ctrl+Alt+N)")
        )
        menu = NewRecordMenu(lambda: store.templates, new_record)  # the current ones
        menu.chosen.connect(self.new_record_requested)
        new_record.setMenu(menu)
        self.header.addWidget(new_record)

    def open(self, venue: Venue) -> None:
        self._bind(venue.id)
        self.documents.show_venue(venue.id)
        self.history.show_venue(venue.id)
        self.data = dict(venue.data)
        self.form.load(venue.data, venue.errors)
        self.refresh_header()

    def on_changes(self, changes: Changes) -> None:
        super().on_changes(changes)
        if self.record_id and self.isVisible() and changes.touches("visits"):
            self.history.show_venue(self.record_id)  # a visit's date, type or author moved

    def _read(self) -> Venue | None:
        try:
            return self.store.get_venue(self.record_id) if self.record_id else None
        except RecordNotFound:
            return None

    def _submit(self, record_id: str, changes: dict[str, Any], bases: dict[str, str]) -> Future:
        return self.store.service.submit(
            lambda writer: writer.store.update_venue(record_id, changes, bases), origin=self
        )

    def refresh_header(self) -> None:
        self.title.setText(self.data.get("name") or self.tr("Lieu sans nom"))
        self.subtitle.setText(self.tr("Fiche d'identité du lieu, commune à toutes ses visites"))
