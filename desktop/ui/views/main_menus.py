"""The main window's menu bar: every action with its French label and shortcut, by name.

In the spirit of Frescobaldi's action collections: this class builds the actions and the
menus in their order, and the window connects each name to what it does. Labels,
shortcuts and order are what users and tests rely on; each shortcut is bound once.
An action triggered before connect() (at start, in the window's first frame) first asks
`ready` to finish the window, then runs what connect() gave it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu


class MainMenus(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.actions: dict[str, QAction] = {}
        self._slots: dict[str, Callable[[], object]] = {}
        self.ready: Callable[[], object] | None = None  # builds what connect() receives
        bar = window.menuBar()
        self._file(bar.addMenu(self.tr("&Fichier")))
        self._edit(bar.addMenu(self.tr("É&dition")))
        self._go(bar.addMenu(self.tr("&Aller")))
        help_menu = bar.addMenu(self.tr("Aid&e"))
        self._add(help_menu, "recent_messages", self.tr("&Derniers messages…"))
        self._add(help_menu, "about", self.tr("À &propos de Carnet"))

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def connect(self, slots: dict[str, Callable[[], object]]) -> None:
        """Run each named action's slot when it is triggered; every action needs one."""
        unknown, missing = slots.keys() - self.actions.keys(), self.actions.keys() - slots.keys()
        if unknown or missing:
            raise KeyError(f"menu actions unknown {sorted(unknown)}, unconnected {sorted(missing)}")
        self._slots = dict(slots)

    def _trigger(self, name: str) -> None:
        if not self._slots and self.ready is not None:
            self.ready()
        if name in self._slots:
            self._slots[name]()

    def _add(self, menu: QMenu, name: str, text: str, shortcut: str | None = None) -> None:
        # Nor QAction(text, parent), nor a QKeySequence: the constructor's overloads make
        # QIcon's Python type (its 151 theme icons) to choose one, and QKeySequence's is
        # 70 standard keys: ~4 ms of the first frame. The shortcut property converts the
        # text in C++, as QKeySequence(text) does; setShortcut's overloads would build
        # Qt's namespace.
        action = QAction(self._window)  # the window's child: found with its actions
        action.setText(text)
        if shortcut is not None:
            action.setProperty("shortcut", shortcut)
        menu.addAction(action)
        action.triggered.connect(lambda _checked=False, n=name: self._trigger(n))
        self.actions[name] = action

    def _file(self, menu: QMenu) -> None:
        self._add(menu, "new_venue", self.tr("Nouveau &lieu…"), "Ctrl+Shift+N")
        self._add(menu, "new_visit", self.tr("&Nouvelle visite"), "Ctrl+N")
        self._add(menu, "new_record", self.tr("Nou&veau… (choisir un modèle)"), "Ctrl+Alt+N")
        menu.addSeparator()
        self._add(menu, "pdf", self.tr("&Générer la fiche PDF"), "Ctrl+P")
        self._add(menu, "pdf_options", self.tr("Fiche PDF (&options)…"), "Ctrl+Shift+P")
        menu.addSeparator()
        self._add(menu, "export", self.tr("&Exporter…"), "Ctrl+E")
        self._add(menu, "import_json", self.tr("&Importer (JSON)…"), "Ctrl+I")
        menu.addSeparator()
        self._add(menu, "sync_now", self.tr("Syn&chroniser maintenant"), "F9")
        self._add(menu, "sync_panel", self.tr("S&ynchronisation…"), "Ctrl+Shift+Y")
        self._add(menu, "backup_now", self.tr("&Sauvegarder maintenant"))
        self._add(menu, "restore_backup", self.tr("&Restaurer une sauvegarde…"))
        menu.addSeparator()
        self._add(menu, "preferences", self.tr("&Préférences…"), "Ctrl+,")
        self._add(menu, "quit", self.tr("&Quitter"), "Ctrl+Q")

    def _edit(self, menu: QMenu) -> None:
        self._add(menu, "undo_delete", self.tr("&Annuler la suppression"), "Ctrl+Z")
        self["undo_delete"].setEnabled(False)  # until something is deleted
        self._add(menu, "delete_visit", self.tr("Supprimer la &visite"), "Ctrl+Del")
        self._add(menu, "delete_venue", self.tr("Supprimer le &lieu"), "Ctrl+Shift+Del")
        self._add(menu, "trash", self.tr("&Corbeille…"), "Ctrl+Shift+T")
        menu.addSeparator()
        self._add(menu, "persons", self.tr("&Personnes…"))

    def name_record(self, is_visit: bool) -> None:
        """The record's word in the menus: « visite » for a visit, « fiche » for the
        minutes of a meeting or any other template's record."""
        if is_visit:
            delete, close = self.tr("Supprimer la &visite"), self.tr("Fermer la &visite")
        else:
            delete, close = self.tr("Supprimer la &fiche"), self.tr("Fermer la fic&he")
        self["delete_visit"].setText(delete)
        self["close_visit"].setText(close)

    def _go(self, menu: QMenu) -> None:
        self._add(menu, "search", self.tr("&Rechercher dans les fiches…"), "Ctrl+F")
        self._add(menu, "filter_venues", self.tr("&Filtrer les lieux"), "Ctrl+L")
        self._add(menu, "show_venue", self.tr("Fiche du &lieu"), "Ctrl+Shift+L")
        self._add(menu, "followup", self.tr("&Suivi (actions, conventions, visites)"), "Ctrl+T")
        self._add(menu, "dashboard", self.tr("&Tableau de bord"), "Ctrl+Shift+B")
        self._add(menu, "venue_map", self.tr("&Carte des lieux"), "Ctrl+Shift+M")
        self._add(menu, "close_visit", self.tr("Fermer la &visite"), "Ctrl+W")
