"""The governance documents of the open venue: attach, list by type, date, open, delete.

Documents are small: attaching is synchronous. Each file of a batch is checked on its
own, so a bad file (renamed, empty, vanished, unsupported) is reported in French and
the good files of the same batch are attached all the same. The selected document's
type and dates are edited below the list (document_details.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileIconProvider,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.media.documents import (
    AGREEMENT_TYPES,
    SUPPORTED,
    DocumentLibrary,
    type_title,
)
from desktop.core.media.media_store import MediaStore
from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.storage.records import AttachOutcome, Document
from desktop.core.storage.store import CarnetStore
from desktop.ui import file_dialogs
from desktop.ui.formatting import local_date
from desktop.ui.texts import fill
from desktop.ui.views.document_details import DocumentDetails

DOCUMENT_ROLE = Qt.ItemDataRole.UserRole  # the document id, on document rows only
_PATTERNS = " ".join(f"*{ext} *{ext.upper()}" for ext in sorted(SUPPORTED))


class DocumentsPanel(DocumentDetails, QWidget):
    """Section « Documents de gouvernance » of the venue page."""

    documents_changed = Signal()
    visit_updated = Signal(str)  # the visit whose occupation end date was filled in

    def __init__(self, store: CarnetStore, media: MediaStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.media = store, media
        self.library = DocumentLibrary(store, media)
        self.venue_id: str | None = None
        self.document_id: str | None = None  # the one in the editor
        self.deleted_id: str | None = None  # for « Annuler »
        self.last_report = ""
        self.last_outcomes: list[AttachOutcome] = []
        self.open_url = QDesktopServices.openUrl  # replaced in tests: no viewer launched
        self._loading = False
        self._icons: dict[str, QIcon] = {}
        self.setAcceptDrops(True)
        self._build_tree()
        self._build_editor()
        self._build_layout()
        self._show_document(None)

    # ------------------------------------------------------------------ layout
    def _build_tree(self) -> None:
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Documents du lieu"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Document"), self.tr("Date"), self.tr("Fin")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(True)
        self.tree.setMinimumHeight(160)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._selected)
        self.tree.itemDoubleClicked.connect(self._double_clicked)

    def _build_layout(self) -> None:
        self.attach_button = QPushButton(self.tr("Joindre un document…"))
        self.attach_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self.tr("Ouvrir"))
        self.open_button.clicked.connect(self._open_current)
        self.delete_button = QPushButton(self.tr("Supprimer"))
        self.delete_button.setToolTip(self.tr("Mettre le document à la corbeille"))
        self.delete_button.clicked.connect(self.delete_current)
        hint = QLabel(self.tr("ou glissez-déposez des fichiers sur cette section"))
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addWidget(hint, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(self.tr("Annuler"))
        self.undo_button.setToolTip(self.tr("Remettre le document dans la liste"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        status_line = QHBoxLayout()
        status_line.addWidget(self.status, 1)
        status_line.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        layout.addLayout(status_line)
        layout.addWidget(self.editor)

    def _title(self, kind: str) -> str:
        """The French title of a type, through tr() for the English catalogue."""
        titles = {
            "statuts": self.tr("Statuts"),
            "reglement_interieur": self.tr("Règlement intérieur"),
            "charte": self.tr("Charte"),
            "convention_occupation": self.tr("Convention d'occupation / bail"),
            "deliberation": self.tr("Délibération"),
            "comptes_annuels": self.tr("Comptes annuels"),
            "pv_assemblee": self.tr("PV d'assemblée"),
            "autre": self.tr("Autre"),
        }
        return titles.get(kind) or type_title(kind)

    # ------------------------------------------------------------------ listing
    def show_venue(self, venue_id: str) -> None:
        self.venue_id = venue_id
        self.document_id = self.deleted_id = None
        self.undo_button.hide()
        self._say("")
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Rebuild the tree: a bold group per type that has documents, in the list's order."""
        select = select or self.document_id
        documents = self.library.list_documents(self.venue_id) if self.venue_id else []
        self._loading = True
        try:
            self.tree.clear()
            groups: dict[str, list[Document]] = {}
            for document in documents:  # already in DOCUMENT_TYPES order, unknown types last
                groups.setdefault(document.doc_type, []).append(document)
            selected = None
            for kind, members in groups.items():
                group = QTreeWidgetItem(self.tree)
                group.setText(0, f"{self._title(kind)} ({len(members)})")
                font = QFont(group.font(0))
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setFirstColumnSpanned(True)
                group.setData(0, DOCUMENT_ROLE, None)
                for document in members:
                    item = QTreeWidgetItem(group)
                    self._fill_item(item, document)
                    if document.id == select:
                        selected = item
                group.setExpanded(True)
        finally:
            self._loading = False
        if selected is not None:
            self.tree.setCurrentItem(selected)  # loads the editor through _selected
        else:
            self.tree.setCurrentItem(None)
            self._show_document(None)

    def _fill_item(self, item: QTreeWidgetItem, document: Document) -> None:
        item.setData(0, DOCUMENT_ROLE, document.id)
        item.setText(0, document.original_name)
        item.setIcon(0, self._icon(document.path))
        item.setToolTip(0, document.original_name)
        item.setText(1, local_date(document.doc_date))
        agreement = document.doc_type in AGREEMENT_TYPES
        item.setText(2, local_date(document.end_date) if agreement else "")

    def _icon(self, path: str) -> QIcon:
        """A file-type icon. A PDF gets no first-page thumbnail: Carnet ships only
        PySide6-Essentials (no QtPdf), Pillow and no PDF renderer."""
        ext = Path(path).suffix.lower()
        if ext not in self._icons:
            icon = QFileIconProvider().icon(QFileInfo(path))
            if icon.isNull():
                icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            self._icons[ext] = icon
        return self._icons[ext]

    def document_items(self) -> dict[str, list[str]]:
        """{group title: [document names]} as shown, in order (for tests and checks)."""
        shown = {}
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            shown[group.text(0)] = [group.child(j).text(0) for j in range(group.childCount())]
        return shown

    def _item_of(self, document_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, DOCUMENT_ROLE) == document_id:
                    return group.child(j)
        return None

    def _selected(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if self._loading:
            return
        document_id = current.data(0, DOCUMENT_ROLE) if current is not None else None
        document = None
        if document_id:
            try:
                document = self.library.get(document_id)
            except RecordNotFound:
                document = None
        self._show_document(document)

    # ------------------------------------------------------------------ attaching
    def choose_files(self) -> None:
        if not self.venue_id:
            return
        paths = file_dialogs.open_files(
            self,
            "documents",
            self.tr("Joindre des documents au lieu"),
            fill(self.tr("Documents (%1);;Tous les fichiers (*)"), _PATTERNS),
        )
        if paths:
            self.attach_paths([Path(p) for p in paths])

    def attach_paths(self, paths: list[Path]) -> list[AttachOutcome]:
        """Attach each file on its own; a bad file never stops the others."""
        if not self.venue_id:
            return []
        outcomes = []
        for path in paths:
            path = Path(path)
            try:
                outcomes.append(self.library.attach(self.venue_id, path))
            except (OSError, ValueError, RecordNotFound) as error:  # venue gone, disk…
                message = fill(
                    self.tr("%1 : impossible de joindre ce fichier (%2)."), path.name, error
                )
                outcomes.append(AttachOutcome(path.name, "refused", message))
        self.last_outcomes = outcomes
        kept = [o.record_id for o in outcomes if o.record_id and o.status != "refused"]
        if any(o.status == "attached" for o in outcomes):
            self.documents_changed.emit()
        self.deleted_id = None
        self.undo_button.hide()
        self.refresh(select=kept[-1] if kept else None)
        self._report(outcomes)
        return outcomes

    def _report(self, outcomes: list[AttachOutcome]) -> str:
        """Say what happened to a batch, under the list; refused files also in a box."""
        attached = sum(1 for o in outcomes if o.status == "attached")
        refused = [o for o in outcomes if o.status == "refused"]
        lines = []
        if attached == 1:
            lines.append(self.tr("1 document joint."))
        elif attached > 1:
            lines.append(fill(self.tr("%1 documents joints."), attached))
        lines += [o.message for o in outcomes if o.status == "duplicate"]
        if refused:
            lines.append(self.tr("Non joints :"))
            lines += [o.message for o in refused]
        self.last_report = "\n".join(lines)
        self._say(self.last_report)
        if refused:
            QMessageBox.warning(
                self,
                self.tr("Documents non joints"),
                self.tr("Certains fichiers n'ont pas été joints ; les autres l'ont été.")
                + "\n\n"
                + "\n".join(o.message for o in refused),
            )
        return self.last_report

    def dragEnterEvent(self, event) -> None:
        if self.venue_id and _local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = _local_paths(event.mimeData())
        if self.venue_id and paths:
            event.acceptProposedAction()
            self.attach_paths(paths)
        else:
            event.ignore()

    # ------------------------------------------------------------------ opening, deleting
    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        document_id = item.data(0, DOCUMENT_ROLE)
        if document_id:
            self.open_document(document_id)

    def _open_current(self) -> None:
        if self.document_id:
            self.open_document(self.document_id)

    def open_document(self, document_id: str) -> bool:
        """Open the stored file with the system's viewer."""
        try:
            document = self.library.get(document_id)
        except RecordNotFound as error:
            self._say(str(error))
            return False
        if not Path(document.path).is_file():
            self._say(
                fill(
                    self.tr("Le fichier de « %1 » est introuvable dans le dossier de données."),
                    document.original_name,
                )
            )
            return False
        if not self.open_url(QUrl.fromLocalFile(document.path)):
            self._say(
                fill(self.tr("Aucune application n'a pu ouvrir « %1 »."), document.original_name)
            )
            return False
        return True

    def delete_current(self) -> None:
        if not self.document_id:
            return
        document_id = self.document_id
        try:
            self.library.delete(document_id)
        except RecordNotFound as error:
            self._say(str(error))
            return
        self.document_id, self.deleted_id = None, document_id
        self.refresh()
        self._say(self.tr("Document mis à la corbeille"))
        self.undo_button.show()
        self.documents_changed.emit()

    def undo_delete(self) -> None:
        if not self.deleted_id:
            return
        document_id, self.deleted_id = self.deleted_id, None
        self.library.restore(document_id)
        self.undo_button.hide()
        self.refresh(select=document_id)
        self._say(self.tr("Document remis dans la liste"))
        self.documents_changed.emit()

    def _say(self, text: str) -> None:
        self.status.setText(text)


def _local_paths(mime) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
