"""The editors of one visit and of one venue's identity: a generated form plus autosave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.media_store import MediaStore
from desktop.core.records import ChangeResult, Venue, Visit
from desktop.core.store import CarnetStore
from desktop.core.templates import Template
from desktop.ui.autosave import Autosaver
from desktop.ui.documents_panel import DocumentsPanel
from desktop.ui.form.form_view import FormView
from desktop.ui.formatting import local_date, percent
from desktop.ui.photo_panel import PhotoPanel
from desktop.ui.venue_history_panel import VenueHistoryPanel


class DocumentEditor(QWidget):
    """Shared frame: a title line, a form, and an autosaver bound to one record."""

    changed = Signal(object)  # ChangeResult, after each save
    save_failed = Signal(str)

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_id: str | None = None
        self.data: dict[str, Any] = {}
        self.form = FormView(template)
        self.form.field_edited.connect(self._on_edited)
        self.autosaver = Autosaver(self._save, self)
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

    def _save(self, changes: dict[str, Any]) -> ChangeResult:
        raise NotImplementedError

    def _on_saved(self, result: ChangeResult) -> None:
        self.form.show_errors(result.errors)
        self.refresh_header()
        self.changed.emit(result)

    def refresh_header(self) -> None:
        raise NotImplementedError

    def flush(self) -> bool:
        return self.autosaver.flush()


class VisitEditor(DocumentEditor):
    delete_requested = Signal(str)

    def __init__(
        self, store: CarnetStore, media: MediaStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(store.templates.visit, parent)
        self.store = store
        self.photos = PhotoPanel(store, media)
        self.form.add_extra_section(self.tr("Photos"), self.photos)
        self.setAcceptDrops(True)  # files or folders dropped anywhere on the visit
        self.venue_name = ""
        self.completeness = 0.0
        self.form.carry_over_confirmed.connect(self._confirm_carried)
        delete = QPushButton(self.tr("Supprimer la visite"))
        delete.setToolTip(self.tr("Mettre la visite à la corbeille (Suppr)"))
        delete.clicked.connect(lambda: self.delete_requested.emit(self.record_id))
        self.header.addWidget(delete)

    def open(self, visit: Visit, venue_name: str) -> None:
        self.flush()
        self.photos.show_visit(visit.id)
        self.record_id, self.data = visit.id, dict(visit.data)
        self.venue_name, self.completeness = venue_name, visit.completeness
        self.carried_from = visit.carried_from
        self.form.load(visit.data, visit.errors, visit.carried_over, local_date(visit.carried_from))
        self.form.show_conflicts(self._conflict_texts(visit.id))
        self.refresh_header()

    def _conflict_texts(self, visit_id: str) -> dict[str, str]:
        from desktop.core.conflicts import conflicts_of

        found = conflicts_of(self.store, visit_id)
        if not found:
            return {}
        from desktop.ui.sync_panel import display_value, stamp_time

        texts = {}
        for key, versions in found.items():
            spec = self.store.templates.visit.field(key)
            others = "; ".join(
                self.tr("%1 (%2) : « %3 »").replace("%1", v.user_name)
                .replace("%2", stamp_time(v)).replace("%3", display_value(v.value, spec, whole=False))
                for v in versions
            )  # fmt: skip
            texts[key] = self.tr(
                "⚠ Modifié en même temps par %1 — à trancher dans Fichier › Synchronisation "
                "(Ctrl+Maj+Y)"
            ).replace("%1", others)
        return texts

    def _save(self, changes: dict[str, Any]) -> ChangeResult:
        return self.store.update_visit(self.record_id, changes)

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
        self.completeness = result.completeness
        carried = self.store.get_visit(result.record_id).carried_over
        self.form.show_carried(carried, local_date(self.carried_from))
        super()._on_saved(result)

    def _confirm_carried(self, keys: list[str]) -> None:
        if self.record_id:
            self.flush()
            self.store.confirm_carried_over(self.record_id, keys)
            visit = self.store.get_visit(self.record_id)
            self.form.show_carried(visit.carried_over, local_date(visit.carried_from))

    def refresh_header(self) -> None:
        date = local_date(self.data.get("visit_date"), long=True) or self.tr("date à préciser")
        self.title.setText(
            self.tr("Visite du %1 — %2").replace("%1", date).replace("%2", self.venue_name)
        )
        self.subtitle.setText(
            self.tr("Complétude : %1 · enregistrement automatique").replace(
                "%1", percent(self.completeness)
            )
        )


class VenueEditor(DocumentEditor):
    new_visit_requested = Signal()
    visit_requested = Signal(str, str)  # visit id, venue id (from the history)

    def __init__(
        self, store: CarnetStore, media: MediaStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(store.templates.venue, parent)
        self.store = store
        self.documents = DocumentsPanel(store, media)
        self.form.add_extra_section(self.tr("Documents de gouvernance"), self.documents)
        self.history = VenueHistoryPanel(store)
        self.history.visit_requested.connect(self.visit_requested)
        self.form.add_extra_section(self.tr("Historique des visites"), self.history)
        new_visit = QPushButton(self.tr("Nouvelle visite"))
        new_visit.clicked.connect(self.new_visit_requested)
        self.header.addWidget(new_visit)

    def open(self, venue: Venue) -> None:
        self.flush()
        self.documents.show_venue(venue.id)
        self.history.show_venue(venue.id)
        self.record_id, self.data = venue.id, dict(venue.data)
        self.form.load(venue.data, venue.errors)
        self.refresh_header()

    def _save(self, changes: dict[str, Any]) -> ChangeResult:
        return self.store.update_venue(self.record_id, changes)

    def refresh_header(self) -> None:
        self.title.setText(self.data.get("name") or self.tr("Lieu sans nom"))
        self.subtitle.setText(self.tr("Fiche d'identité du lieu, commune à toutes ses visites"))
