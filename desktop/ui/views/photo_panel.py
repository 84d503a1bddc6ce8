"""The photos of the open visit: attach (dialog, drop, paste), reorder, caption, rights.

« Retirer la photo » asks nothing: the photo goes to the trash, and « Annuler » (or
Ctrl+Z in the photos) puts it back at its place, so nothing is lost and no dialog is in
the way of the common case.

Attaching runs in the background on its own database connection; each photo shows
up as soon as it is stored, with a progress bar; the form stays usable meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QDateTime, QEvent, QIODevice, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.media.media_store import MediaStore
from desktop.core.media.photos import PhotoLibrary, check_value
from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.storage.records import AttachOutcome, Photo
from desktop.core.storage.store import CarnetStore
from desktop.ui import file_dialogs
from desktop.ui.controllers.autosave import Autosaver
from desktop.ui.controllers.background import BackgroundRunner
from desktop.ui.dialogs.photo_rights_dialog import (
    IDENTIFIABLE_VALUES,
    PhotoRightsDialog,
)
from desktop.ui.form.reflow_layout import ReflowLayout
from desktop.ui.texts import fill
from desktop.ui.views.photo_details import PhotoDetails
from desktop.ui.views.photo_grid import PHOTO_ROLE, PhotoGrid, badge_icon, rights_state

FILE_FILTER = "Photos (*.jpg *.jpeg *.png *.heic *.heif *.webp *.tif *.tiff)"


class PhotoPanel(QWidget):
    photos_changed = Signal()

    def __init__(self, store: CarnetStore, media: MediaStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.media = store, media
        self.library = PhotoLibrary(store, media)
        self.runner = BackgroundRunner(self)
        self.visit_id: str | None = None
        self._icons: dict[tuple[str, str], QIcon] = {}
        self.running = 0
        self.last_outcomes: list[AttachOutcome] = []
        self.removed: list[str] = []  # photos of this visit put in the trash here, latest last
        self.grid = PhotoGrid()
        self.grid.files_dropped.connect(self.attach_paths)
        self.grid.moved.connect(self._moved)
        self.grid.currentItemChanged.connect(self._selected)
        self.grid.itemDoubleClicked.connect(self.open_viewer)
        self.details = PhotoDetails()
        self.details.taken_on.anchor = self._visit_date  # an empty date's calendar
        self.details.setEnabled(False)
        self.autosaver = Autosaver(self._submit_details, lambda _key: "", self)
        self.autosaver.saved.connect(lambda _result: self._refresh_current())
        self._connect_details()
        self.progress = QProgressBar()
        self.progress.hide()
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_layout()
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.grid)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste)
        for keys, quarter_turns in (("Ctrl+R", 1), ("Ctrl+Shift+R", -1)):
            turn = QShortcut(QKeySequence(keys), self.grid)
            turn.setContext(Qt.ShortcutContext.WidgetShortcut)
            turn.activated.connect(lambda q=quarter_turns: self.turn_selection(q))

    def _build_layout(self) -> None:
        add = QPushButton(self.tr("Ajouter des photos…"))
        add.clicked.connect(self.choose_files)
        paste = QPushButton(self.tr("Coller une image"))
        paste.clicked.connect(self.paste)
        self.remove = QPushButton(self.tr("Retirer la photo"))
        self.remove.setToolTip(self.tr("Mettre la photo à la corbeille (Ctrl+Z la remet)"))
        self.remove.clicked.connect(self.delete_current)
        self.undo_remove = QPushButton(self.tr("Annuler"))
        self.undo_remove.setToolTip(self.tr("Remettre la photo retirée (Ctrl+Z)"))
        self.undo_remove.clicked.connect(self.restore_removed)
        self.undo_remove.hide()
        self.rights = QPushButton(self.tr("Droits de la sélection…"))
        self.rights.setToolTip(
            self.tr("Régler d'un coup le droit à l'image des photos sélectionnées")
        )
        self.rights.clicked.connect(self.set_rights_of_selection)
        hint = QLabel(self.tr("ou glissez-déposez des photos ou un dossier sur la fiche"))
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)  # never widens the form past the window
        buttons = ReflowLayout()  # on two lines when the form is narrow (a 1024-px screen)
        for widget in (add, paste, self.remove, self.rights):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.progress)
        report_line = QHBoxLayout()
        report_line.addWidget(self.report, 1)
        report_line.addWidget(self.undo_remove)
        layout.addLayout(report_line)
        layout.addWidget(self.grid)
        layout.addWidget(self.details)

    def _connect_details(self) -> None:
        d = self.details
        d.caption.textEdited.connect(lambda text: self._queue("caption", text))
        d.turn_left.clicked.connect(lambda: self.turn_selection(-1))
        d.turn_right.clicked.connect(lambda: self.turn_selection(1))
        d.taken_on.committed.connect(self._date_taken_edited)
        d.consent.textEdited.connect(lambda text: self._queue("consent", text))
        d.identifiable.activated.connect(
            lambda: self._queue(
                "identifiable_people", IDENTIFIABLE_VALUES[d.identifiable.currentData()]
            )
        )
        d.allowed_use.activated.connect(
            lambda: self._queue("allowed_use", d.allowed_use.currentData())
        )

    # ----------------------------------------------------------------- showing
    def show_visit(self, visit_id: str) -> None:
        self.flush()
        if visit_id != self.visit_id:
            self._icons.clear()
            self._forget_removed()
        self.visit_id = visit_id
        self.report.clear()
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        self.grid.clear()
        for photo in self.library.list_photos(self.visit_id) if self.visit_id else []:
            self._add_item(photo)
        self._select(select_id)
        self.grid.fit_height()
        self.photos_changed.emit()

    def follow_elsewhere(self) -> None:
        """Photos changed elsewhere (a colleague's, synced in; the `attach` command beside
        the window): added or taken away, the grid is read again, the chosen photo kept;
        turned, captioned or their rights changed, each thumbnail follows, and so does the
        open card, unless it is being edited (what is typed there is not overwritten)."""
        listed = self.library.list_photos(self.visit_id) if self.visit_id else []
        shown, row = self.photo_ids(), self.grid.currentRow()
        if [photo.id for photo in listed] != shown:
            self.reload(shown[row] if 0 <= row < len(shown) else None)
            return
        self._show_items({photo.id: photo for photo in listed})
        current = listed[row] if 0 <= row < len(listed) else None
        if current is None:
            return
        editing = self.autosaver.has_pending or self.details.isAncestorOf(
            QApplication.focusWidget()
        )
        if editing:
            self.details.show_warning(current)
        else:
            self.details.show_photo(current)

    def _icon(self, photo: Photo) -> QIcon:
        """Thumbnails decoded once: a reload after a batch of 100 photos stays instant."""
        key = (photo.sha256, rights_state(photo), photo.rotation)
        if key not in self._icons:
            self._icons[key] = badge_icon(photo)
        return self._icons[key]

    def _add_item(self, photo: Photo) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(PHOTO_ROLE, photo.id)
        self._show_on(item, photo)
        self.grid.addItem(item)
        self.grid.fit_height()
        return item

    def _show_items(self, photos: dict[str, Photo]) -> None:
        """Those photos' items as stored (by id); the others as they are."""
        for row in range(self.grid.count()):
            item = self.grid.item(row)
            photo = photos.get(item.data(PHOTO_ROLE))
            if photo is not None:
                self._show_on(item, photo)
        self.grid.doItemsLayout()  # a turned thumbnail changes its shape: lay out again
        self.grid.viewport().update()

    def _show_on(self, item: QListWidgetItem, photo: Photo) -> None:
        """The photo's thumbnail (turned, its rights' badge), its title and its warning."""
        item.setIcon(self._icon(photo))
        item.setText(photo.caption or photo.original_name)
        if photo.needs_review:
            item.setToolTip(self.tr("À vérifier : personnes reconnaissables ?"))
        elif photo.lacks_consent:
            item.setToolTip(self.tr("Personnes reconnaissables sans autorisation"))
        else:
            item.setToolTip("")

    def _select(self, photo_id: str | None) -> None:
        rows = [
            i for i in range(self.grid.count()) if self.grid.item(i).data(PHOTO_ROLE) == photo_id
        ]
        self.grid.setCurrentRow(rows[0] if rows else -1)
        if not rows:
            self.details.show_photo(None)

    def _visit_date(self) -> str | None:
        return self.store.get_visit(self.visit_id).data.get("visit_date") if self.visit_id else None

    def photo_ids(self) -> list[str]:
        return [self.grid.item(i).data(PHOTO_ROLE) for i in range(self.grid.count())]

    def current_photo(self) -> Photo | None:
        item = self.grid.currentItem()
        return self.library.get_photo(item.data(PHOTO_ROLE)) if item else None

    def _selected(self, current, _previous) -> None:
        self.flush()
        self.details.show_photo(self.current_photo() if current else None)

    def _refresh_current(self) -> None:
        item = self.grid.currentItem()
        if item is None:
            return
        photo = self.library.get_photo(item.data(PHOTO_ROLE))
        self._show_on(item, photo)
        self.details.show_warning(photo)

    # ----------------------------------------------------------------- editing
    def _queue(self, key: str, value: Any) -> None:
        if self.grid.currentItem() is not None:
            self._editing_id = self.grid.currentItem().data(PHOTO_ROLE)
            self.autosaver.bind(self._editing_id)
            self.autosaver.queue(key, value)

    def _date_taken_edited(self) -> None:
        field = self.details.taken_on
        if field.is_flagged():  # kept as typed and flagged; the stored date stays
            self.report.setText(
                self.tr("Date de prise de vue non enregistrée : ce n'est pas une date.")
            )
            return
        photo = self.current_photo()
        if photo is not None and field.value() != photo.taken_on:
            self._queue("taken_on", field.value())

    def _submit_details(self, photo_id: str, changes: dict[str, Any], _bases):
        try:
            for key, value in changes.items():
                check_value(key, value)
        except ValueError as error:  # a bad date: say so, keep the rest
            self.report.setText(str(error))
            changes = {k: v for k, v in changes.items() if k != "taken_on"}
        library = self.library
        return library.service.submit(lambda w: library.on(w).update_photo(photo_id, changes))

    def flush(self) -> bool:
        return self.autosaver.flush()

    def _moved(self, photo_id: str, new_index: int) -> None:
        self.library.move_photo(photo_id, new_index)

    def delete_current(self) -> None:
        photo = self.current_photo()
        if photo:
            self.flush()
            self.library.delete_photo(photo.id)
            self.removed.append(photo.id)
            self.reload()
            name = photo.caption or photo.original_name
            text = self.tr("Photo « %1 » retirée (dans la corbeille) — Ctrl+Z pour annuler.")
            self.report.setText(fill(text, name))
            self.undo_remove.show()

    def restore_removed(self) -> None:
        """The photo removed last, back at its place and selected."""
        if not self.removed:
            return
        photo_id = self.removed.pop()
        self.undo_remove.setVisible(bool(self.removed))
        try:
            self.library.restore_photo(photo_id)
        except RecordNotFound:  # deleted for good from the trash meanwhile
            self.report.setText(self.tr("Cette photo n'est plus dans la corbeille."))
            return
        self.reload(photo_id)
        self.grid.setFocus()  # a second Ctrl+Z brings back the one removed before
        self.report.setText(self.tr("Photo remise à sa place."))

    def _forget_removed(self) -> None:
        self.removed = []
        self.undo_remove.hide()

    def event(self, event) -> bool:
        """Ctrl+Z in the photos (the grid, the buttons) brings the removed photo back:
        claimed before the window's « Annuler la suppression »; in the caption, Ctrl+Z
        stays the text's own undo."""
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        undo = QKeySequence.StandardKey.Undo
        if getattr(self, "removed", None) and event.type() in kinds and event.matches(undo):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.restore_removed()
            return True
        return super().event(event)

    def turn_selection(self, quarter_turns: int) -> None:
        """The selected photos (else the current one) a quarter turn to the right (1) or
        the left (-1): a stamped field of each, shown, printed and synced."""
        ids = self.selected_ids() or (
            [self.grid.currentItem().data(PHOTO_ROLE)] if self.grid.currentItem() else []
        )
        if not ids:
            return
        self.flush()
        for photo_id in ids:
            self.library.rotate_photo(photo_id, quarter_turns)
        self._show_items({photo_id: self.library.get_photo(photo_id) for photo_id in ids})

    def selected_ids(self) -> list[str]:
        return [item.data(PHOTO_ROLE) for item in self.grid.selectedItems()]

    def set_rights_of_selection(self) -> None:
        """The same image rights for every selected photo (all of them if none is)."""
        self.flush()
        ids = self.selected_ids() or self.photo_ids()
        if not ids:
            return
        dialog = PhotoRightsDialog(len(ids), self)
        if dialog.exec() != PhotoRightsDialog.DialogCode.Accepted or not dialog.changes():
            return
        library, changes = self.library, dialog.changes()
        changed = library.service.call(lambda w: library.on(w).update_photos(ids, changes))
        current = self.grid.currentItem()
        self.reload(current.data(PHOTO_ROLE) if current else None)
        self.report.setText(fill(self.tr("Droits enregistrés pour %1 photo(s)."), len(changed)))

    def open_viewer(self, item: QListWidgetItem | None = None) -> None:
        from desktop.ui.views.photo_viewer import PhotoViewer

        item = item or self.grid.currentItem()
        if item is None:
            return
        self.flush()
        viewer = PhotoViewer(self.library, self.photo_ids(), item.data(PHOTO_ROLE), self)
        viewer.exec()
        self.reload(viewer.current_id)

    # ----------------------------------------------------------------- attaching
    def choose_files(self) -> None:
        names = file_dialogs.open_files(self, "photos", self.tr("Ajouter des photos"), FILE_FILTER)
        if names:
            self.attach_paths([Path(n) for n in names])

    def paste(self) -> None:
        clipboard = QGuiApplication.clipboard().mimeData()
        if clipboard.hasUrls():
            self.attach_paths([Path(u.toLocalFile()) for u in clipboard.urls() if u.isLocalFile()])
        elif clipboard.hasImage():
            self.attach_image(QGuiApplication.clipboard().image())

    def attach_image(self, image) -> None:
        """A pasted image, stored as PNG (lossless) under a dated name."""
        if self.visit_id is None or image.isNull():
            return
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        data = bytes(QByteArray(buffer.data()))
        stamp = QDateTime.currentDateTime().toString("yyyyMMdd-HHmmss")
        outcome = self.library.attach_bytes(self.visit_id, data, f"image-collée-{stamp}.png")
        self._finished([outcome])

    def attach_paths(self, paths: list[Path]) -> None:
        if self.visit_id is None or not paths:
            return
        visit_id, store = self.visit_id, self.store
        self.running += 1
        self.progress.setRange(0, 0)
        self.progress.show()
        self.report.setText(self.tr("Préparation des photos…"))

        def job(report):
            worker = store.worker_copy()  # SQLite connections stay on their own thread
            try:
                library = PhotoLibrary(worker, self.media)
                return library.attach_files(visit_id, paths, lambda *args: report(args))
            finally:
                worker.close()

        self.runner.run_with_progress(job, self._progress, self._finished, self._failed)

    def _progress(self, values: tuple[int, int, AttachOutcome]) -> None:
        done, total, outcome = values
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v / %m photos"))
        if outcome.status == "attached" and self.visit_id:
            photo = self.library.get_photo(outcome.record_id)
            if photo.visit_id == self.visit_id:
                self._add_item(photo)  # shown as soon as it is stored

    def _finished(self, outcomes: list[AttachOutcome]) -> None:
        self.running = max(0, self.running - 1)
        self.progress.setVisible(self.running > 0)
        self.last_outcomes = outcomes
        attached = sum(1 for o in outcomes if o.status == "attached")
        problems = [o.message for o in outcomes if o.status != "attached"]
        text = self.tr("%n photo(s) ajoutée(s).", "", attached)
        self.report.setText("\n".join([text, *problems]))
        self.reload(self.grid.currentItem().data(PHOTO_ROLE) if self.grid.currentItem() else None)

    def _failed(self, error: Exception) -> None:
        self.running = max(0, self.running - 1)
        self.progress.setVisible(self.running > 0)
        self.report.setText(fill(self.tr("L'ajout des photos a échoué : %1"), error))
