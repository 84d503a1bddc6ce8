"""A photo shown large, arrows to move through the visit's photos, caption editable,
the photo turned a quarter at a time (Ctrl+R, Ctrl+Maj+R)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from desktop.core.media.photos import PhotoLibrary
from desktop.ui.controllers.autosave import Autosaver
from desktop.ui.screen_fit import bounded_resize
from desktop.ui.views.photo_grid import turned


class PhotoViewer(QDialog):
    def __init__(self, library: PhotoLibrary, photo_ids: list[str], current_id: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo"))
        bounded_resize(self, 1000, 720)  # a 1024×600 screen: smaller
        self.library, self.photo_ids = library, photo_ids
        self.index = photo_ids.index(current_id) if current_id in photo_ids else 0
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(400, 300)
        self.image.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.position = QLabel()
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("Légende"))
        self.autosaver = Autosaver(
            lambda photo_id, changes, _bases: library.service.submit(
                lambda w: library.on(w).update_photo(photo_id, changes)
            ),
            lambda _key: "",
            self,
        )
        self.caption.textEdited.connect(self._caption_edited)
        previous = QPushButton(self.tr("◀ Précédente"))
        previous.clicked.connect(lambda: self.go(-1))
        following = QPushButton(self.tr("Suivante ▶"))
        following.clicked.connect(lambda: self.go(1))
        # Arrows when the caption is not being edited; Page Up/Down work everywhere.
        keys = (
            (Qt.Key.Key_Left, -1),
            (Qt.Key.Key_Right, 1),
            (Qt.Key.Key_PageUp, -1),
            (Qt.Key.Key_PageDown, 1),
        )
        for key, step in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda step=step: self.go(step))
        bar = QHBoxLayout()
        bar.addWidget(previous)
        for label, tip, keys, quarter_turns in (
            (self.tr("↺"), self.tr("Tourner à gauche (Ctrl+Maj+R)"), "Ctrl+Shift+R", -1),
            (self.tr("↻"), self.tr("Tourner à droite (Ctrl+R)"), "Ctrl+R", 1),
        ):
            button = QPushButton(label)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _=False, q=quarter_turns: self.turn(q))
            shortcut = QShortcut(QKeySequence(keys), self)  # as the arrows: the dialog's
            shortcut.activated.connect(lambda q=quarter_turns: self.turn(q))
            bar.addWidget(button)
        bar.addWidget(self.position, 1, Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(following)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.caption)
        layout.addLayout(bar)
        self.show_current()

    @property
    def current_id(self) -> str:
        return self.photo_ids[self.index]

    def _caption_edited(self, text: str) -> None:
        self.autosaver.bind(self.current_id)
        self.autosaver.queue("caption", text)

    def go(self, step: int) -> None:
        self.autosaver.flush()  # the caption typed here is saved before moving on
        self.index = (self.index + step) % len(self.photo_ids)
        self.show_current()

    def turn(self, quarter_turns: int) -> None:
        self.autosaver.flush()  # the caption typed is saved, then shown again
        self.library.rotate_photo(self.current_id, quarter_turns)
        self.show_current()

    def show_current(self) -> None:
        photo = self.library.get_photo(self.current_id)
        self._pixmap = turned(QPixmap(photo.print_rendition), photo.rotation)
        self._fit()
        self.caption.setText(photo.caption)
        self.position.setText(f"{self.index + 1} / {len(self.photo_ids)} — {photo.original_name}")

    def _fit(self) -> None:
        if not self._pixmap.isNull():
            self.image.setPixmap(
                self._pixmap.scaled(
                    self.image.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def done(self, result: int) -> None:
        self.autosaver.flush()
        super().done(result)
