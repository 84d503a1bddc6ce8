"""« Restaurer une sauvegarde » : the backups with their date and content, restored after a
confirmation; the backup folder can be changed here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.backups.info import BackupError, BackupInfo, list_backups
from desktop.core.forms.french import size_text as french_size
from desktop.ui import file_dialogs
from desktop.ui.texts import fill

ITEM_ROLE = Qt.ItemDataRole.UserRole


def when_text(when: datetime) -> str:
    return QLocale().toString(QDateTime(when), QLocale.FormatType.ShortFormat)


class BackupCounts(QObject):
    """The plural texts about backups (lupdate extracts self.tr calls with a count)."""

    def venues(self, count: int) -> str:
        return self.tr("%n lieu(x)", "", count)

    def visits(self, count: int) -> str:
        return self.tr("%n fiche(s)", "", count)

    def photos(self, count: int) -> str:
        return self.tr("%n photo(s)", "", count)

    def missing_media(self, count: int) -> str:
        return self.tr(
            "%n fichier(s) de photos ou de documents manquent dans le dossier des données.",
            "",
            count,
        )


def content_text(info: BackupInfo) -> str:
    """« 3 lieux, 12 visites, 40 photos », or why the file cannot be read."""
    if not info.restorable:
        return QCoreApplication.translate("RestoreDialog", "illisible")
    counts = BackupCounts()
    return ", ".join(
        [counts.venues(info.venues), counts.visits(info.visits), counts.photos(info.photos or 0)]
    )


def media_text(info: BackupInfo) -> str:
    """Whether the photos and documents are in the backup (beside it, on a second copy)."""
    if not info.restorable:
        return ""
    if not info.media_files:
        return QCoreApplication.translate("RestoreDialog", "aucun")
    if info.media_included:
        return QCoreApplication.translate("RestoreDialog", "inclus")
    return QCoreApplication.translate("RestoreDialog", "non inclus (dossier des données)")


def size_text(size: int) -> str:
    return french_size(size)  # « 0,5 Mo »


class RestoreDialog(QDialog):
    restore_requested = Signal(object)  # BackupInfo

    def __init__(
        self,
        folder: Path,
        change_folder: Callable[[Path], Path],
        parent: QWidget | None = None,
        synced: bool = False,
    ) -> None:
        """synced: this laptop uses a shared folder (the confirmation says what follows)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restaurer une sauvegarde"))
        self.resize(640, 420)
        self.folder, self._change_folder = folder, change_folder
        self.synced = synced
        # Replaceable in tests: the confirmation and the folder picker.
        self.confirm: Callable[[BackupInfo], bool] = self._confirm
        self.pick_folder: Callable[[], str] = lambda: file_dialogs.existing_folder(
            self, "backups", self.tr("Dossier des sauvegardes"), str(self.folder)
        )
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backups = QTreeWidget()
        self.backups.setRootIsDecorated(False)
        self.backups.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Contenu"),
                self.tr("Photos et documents"),
                self.tr("Taille"),
                self.tr("Remarque"),
            ]
        )
        self.backups.itemSelectionChanged.connect(self._selection_changed)
        self.backups.itemDoubleClicked.connect(lambda *_: self._restore())
        self.restore_button = QPushButton(self.tr("&Restaurer…"))
        self.restore_button.clicked.connect(self._restore)
        self.folder_button = QPushButton(self.tr("Changer de &dossier…"))
        self.folder_button.clicked.connect(self._choose_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.backups)
        note = QLabel(
            self.tr(
                "Restaurer remplace toutes les données actuelles par celles de la sauvegarde. "
                "L'état actuel est d'abord sauvegardé (« avant restauration »), vous pourrez donc "
                "revenir en arrière. Les photos et documents ne sont inclus que dans les "
                "sauvegardes de la seconde copie (clé USB, disque externe, voir les "
                "Préférences) ; les autres les laissent dans le dossier des données."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.where.setText(fill(self.tr("Sauvegardes dans « %1 »"), self.folder))
        self.backups.clear()
        for info in list_backups(self.folder):
            note = info.problem or info.label
            texts = [when_text(info.created), content_text(info), media_text(info)]
            item = QTreeWidgetItem([*texts, size_text(info.size), note])
            item.setData(0, ITEM_ROLE, info)
            item.setDisabled(not info.restorable)
            self.backups.addTopLevelItem(item)
        for column in range(4):
            self.backups.resizeColumnToContents(column)
        if self.backups.topLevelItemCount() == 0:
            empty = QTreeWidgetItem([self.tr("Aucune sauvegarde dans ce dossier.")])
            empty.setDisabled(True)
            self.backups.addTopLevelItem(empty)
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        items = self.backups.selectedItems()
        return items[0].data(0, ITEM_ROLE) if items else None

    def select(self, row: int) -> None:
        self.backups.setCurrentItem(self.backups.topLevelItem(row))

    def _selection_changed(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.restorable)

    def confirmation_text(self, info: BackupInfo) -> str:
        text = self.tr(
            "Remplacer toutes les données actuelles par la sauvegarde du %1 (%2) ?\n\n"
            "L'état actuel sera d'abord sauvegardé (« avant restauration »)."
        )
        text = fill(text, when_text(info.created), content_text(info))
        if self.synced:  # the restore travels (core/backups/restore_sync.py)
            text += "\n\n" + self.tr(
                "Ce poste est synchronisé : à la prochaine synchronisation, vos collègues "
                "verront aussi les fiches revenir à l'état de la sauvegarde, et ce que vous "
                "avez créé depuis ira dans la corbeille (rien n'est effacé). Les "
                "modifications faites depuis par vos collègues sont gardées."
            )
        return text

    def _confirm(self, info: BackupInfo) -> bool:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.confirmation_text(info),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _restore(self) -> None:
        info = self.selected()
        if info is None or not info.restorable or not self.confirm(info):
            return
        self.restore_requested.emit(info)
        self.accept()

    def _choose_folder(self) -> None:
        chosen = self.pick_folder()
        if not chosen:
            return
        try:
            self.folder = self._change_folder(Path(chosen))
        except BackupError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        self.reload()
