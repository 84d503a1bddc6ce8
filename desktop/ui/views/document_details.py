"""The detail editor of the documents panel: the selected document's type and dates, and
an agreement's end date offered to the venue's latest visit.

A part of DocumentsPanel (documents_panel.py), whose library, store, buttons, status
line and signals it uses. Each change is saved as soon as it is made.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QMessageBox,
    QWidget,
)

from desktop.core.media.documents import AGREEMENT_TYPES, DOCUMENT_TYPES
from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.storage.records import Document
from desktop.ui.form.date_field import DateField
from desktop.ui.form.wheel_guard import guard_wheel
from desktop.ui.formatting import local_date
from desktop.ui.texts import fill


class DocumentDetails:
    """The editor's widgets (doc_type, doc_date, end_date in `editor`) and their saving."""

    def _build_editor(self) -> None:
        self.doc_type = QComboBox()
        for kind, _title in DOCUMENT_TYPES:
            self.doc_type.addItem(self._title(kind), kind)
        self.doc_type.currentIndexChanged.connect(self._type_changed)
        guard_wheel(self.doc_type)
        self.doc_type.setAccessibleName(self.tr("Type de document"))
        self.doc_date = DateField()
        self.doc_date.setAccessibleName(self.tr("Date du document"))
        self.doc_date.line.setAccessibleName(self.tr("Date du document"))
        self.doc_date.committed.connect(lambda: self._date_edited("doc_date"))
        self.end_date = DateField()
        self.end_date.setAccessibleName(self.tr("Fin de la convention"))
        self.end_date.line.setAccessibleName(self.tr("Fin de la convention"))
        self.end_date.line.setToolTip(
            self.tr("Date de fin de la convention d'occupation ou du bail")
        )
        self.end_date.committed.connect(lambda: self._date_edited("end_date"))
        self.editor = QWidget()
        form = QFormLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Type :"), self.doc_type)
        form.addRow(self.tr("Date du document :"), self.doc_date)
        form.addRow(self.tr("Fin de la convention :"), self.end_date)

    # ------------------------------------------------------------------ editing
    def _show_document(self, document: Document | None) -> None:
        self.document_id = document.id if document else None
        self._loading = True
        try:
            index = self.doc_type.findData(document.doc_type) if document else -1
            self.doc_type.setCurrentIndex(index)
            self.doc_date.set_value(document.doc_date if document else None)
            self.end_date.set_value(document.end_date if document else None)
        finally:
            self._loading = False
        self.editor.setEnabled(document is not None)
        self.open_button.setEnabled(document is not None)
        self.delete_button.setEnabled(document is not None)
        self.end_date.setEnabled(document is not None and document.doc_type in AGREEMENT_TYPES)

    def _type_changed(self, index: int) -> None:
        if self._loading or not self.document_id or index < 0:
            return
        kind = self.doc_type.itemData(index)
        if self._save({"doc_type": kind}):
            self.refresh(select=self.document_id)  # moves it to its new group
            self._say(fill(self.tr("Type enregistré : %1."), self._title(kind)))

    def _date_edited(self, key: str) -> None:
        if self._loading or not self.document_id:
            return
        document = self._current_document()
        if document is None:
            return
        editor = self.doc_date if key == "doc_date" else self.end_date
        value = editor.value()
        if editor.is_flagged():  # kept as typed, flagged beside it; nothing replaced
            self._say(fill(self.tr("Date non enregistrée : « %1 » n'est pas une date."), value))
            return
        if value == getattr(document, key):  # editingFinished comes twice: Enter, then focus
            return
        if not self._save({key: value}):
            return
        document = self.library.get(self.document_id)
        item = self._item_of(document.id)
        if item is not None:
            self._fill_item(item, document)
        self._say(self.tr("Date enregistrée.") if value else self.tr("Date effacée."))
        if key == "end_date" and value and document.doc_type in AGREEMENT_TYPES:
            self._offer_occupation_end(value)

    def _save(self, changes: dict) -> bool:
        try:
            self.library.update(self.document_id, changes)
        except (ValueError, RecordNotFound) as error:
            self._say(fill(self.tr("Non enregistré : %1"), error))
            self._show_document(self._current_document())
            return False
        self.documents_changed.emit()
        return True

    def _current_document(self) -> Document | None:
        try:
            return self.library.get(self.document_id) if self.document_id else None
        except RecordNotFound:
            return None

    # ------------------------------------------------------------------ occupation
    def _offer_occupation_end(self, iso: str) -> None:
        """An agreement's end date is also the venue's occupation end: offer to copy it."""
        # The visit sheet's section, never a meeting's record (which has no such field).
        visits = self.store.list_visits(self.venue_id, self.store.templates.visit.id)
        if not visits:
            self._say(
                self.tr(
                    "Date enregistrée. Ce lieu n'a pas encore de visite : aucune section "
                    "« Lieu et occupation » à mettre à jour."
                )
            )
            return
        latest = visits[0]
        if self.store.get_visit(latest.id).data.get("end_date") == iso:
            return  # already there
        if not self._confirm_fill_occupation(local_date(iso)):
            return
        self.store.update_visit(latest.id, {"end_date": iso})
        self.visit_updated.emit(latest.id)
        self._say(
            fill(
                self.tr(
                    "Date de fin reportée dans la section « Lieu et occupation » de la "
                    "visite du %1."
                ),
                local_date(latest.visit_date),
            )
        )

    def _confirm_fill_occupation(self, date_text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Date de fin de l'occupation"),
            fill(
                self.tr(
                    "Reporter cette date de fin (%1) dans la section « Lieu et occupation » "
                    "de la dernière visite de ce lieu ?"
                ),
                date_text,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes
