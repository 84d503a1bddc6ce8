"""The menu bar keeps its labels, shortcuts and order, in French and in English."""

import pytest
from PySide6.QtWidgets import QMainWindow

from desktop.ui.i18n import install_translators
from desktop.ui.views.main_menus import MainMenus

FRENCH = [
    ("&Fichier", [
        ("Nouveau &lieu…", "Ctrl+Shift+N"), ("&Nouvelle visite", "Ctrl+N"),
        ("Nou&veau… (choisir un modèle)", "Ctrl+Alt+N"), None,
        ("&Générer la fiche PDF", "Ctrl+P"), ("Fiche PDF (&options)…", "Ctrl+Shift+P"), None,
        ("&Exporter…", "Ctrl+E"), ("&Importer (JSON)…", "Ctrl+I"), None,
        ("Syn&chroniser maintenant", "F9"), ("S&ynchronisation…", "Ctrl+Shift+Y"),
        ("&Sauvegarder maintenant", ""), ("&Restaurer une sauvegarde…", ""), None,
        ("&Préférences…", "Ctrl+,"), ("&Quitter", "Ctrl+Q"),
    ]),
    ("É&dition", [
        ("&Annuler la suppression", "Ctrl+Z"), ("Supprimer la &visite", "Ctrl+Del"),
        ("Supprimer le &lieu", "Ctrl+Shift+Del"), ("&Corbeille…", "Ctrl+Shift+T"), None,
        ("&Personnes…", ""),
    ]),
    ("&Aller", [
        ("&Rechercher dans les fiches…", "Ctrl+F"), ("&Filtrer les lieux", "Ctrl+L"),
        ("Fiche du &lieu", "Ctrl+Shift+L"),
        ("&Suivi (actions, conventions, visites)", "Ctrl+T"), ("&Tableau de bord", "Ctrl+Shift+B"),
        ("&Carte des lieux", "Ctrl+Shift+M"), ("Fermer la &visite", "Ctrl+W"),
    ]),
    ("Aid&e", [("&Derniers messages…", ""), ("À &propos de Carnet", "")]),
]  # fmt: skip


def layout(window: QMainWindow) -> list:
    """(menu title, [(label, shortcut) or None for a separator]) in the menu bar's order."""
    return [
        (entry.menu().title(), [
            None if a.isSeparator() else (a.text(), a.shortcut().toString())
            for a in entry.menu().actions()
        ])
        for entry in window.menuBar().actions()
    ]  # fmt: skip


@pytest.fixture
def bare_window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


def test_the_app_window_keeps_every_label_shortcut_and_order(window):
    assert layout(window) == FRENCH
    assert not window.undo_action.isEnabled()  # nothing deleted yet


def test_english_labels_keep_the_same_shortcuts(qapp, bare_window):
    translators = install_translators(qapp, "en")
    try:
        MainMenus(bare_window)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    english = layout(bare_window)
    assert english[0][0] == "&File" and english[0][1][0] == ("New &venue…", "Ctrl+Shift+N")
    assert english[1][1][3] == ("&Bin…", "Ctrl+Shift+T")
    shortcuts = [[entry and entry[1] for entry in actions] for _, actions in english]
    assert shortcuts == [[entry and entry[1] for entry in actions] for _, actions in FRENCH]


def test_every_action_is_connected_by_its_name(bare_window):
    menus = MainMenus(bare_window)
    triggered = []

    def slot(name):
        return lambda: triggered.append(name)  # no argument: Qt's `checked` is left out

    slots = {name: slot(name) for name in menus.actions}
    menus.connect(slots)
    menus["trash"].trigger()
    assert triggered == ["trash"]
    with pytest.raises(KeyError, match="unconnected"):
        MainMenus(bare_window).connect({"trash": print})
    with pytest.raises(KeyError, match="unknown"):
        MainMenus(bare_window).connect({**slots, "imprimer": print})
