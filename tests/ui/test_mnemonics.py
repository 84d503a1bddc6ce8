"""No two Alt+letter mnemonics of one menu, or of one window's visible buttons, labels
and tabs (with its menu bar's titles), share a letter: the second would only move the
focus between them instead of acting. Walked in French and in English."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

from desktop.ui.dialogs.sync_panel import SyncPanel
from desktop.ui.i18n import install_translators
from tests.ui.test_dashboard_view import open_dashboard

MNEMONIC = re.compile(r"&(?!&)(\w)")  # « && » is a plain « & »


def letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def clashes(labels: list[str]) -> dict[str, list[str]]:
    """letter -> the labels sharing it, for letters used more than once."""
    count = Counter(filter(None, map(letter, labels)))
    return {k: [t for t in labels if letter(t) == k] for k, n in count.items() if n > 1}


def visible_labels(root: QWidget) -> list[str]:
    """What Alt+letter can reach in root's window: visible buttons, labels with a buddy,
    group boxes and tabs."""
    labels = [b.text() for b in root.findChildren(QAbstractButton) if b.isVisibleTo(root)]
    labels += [q.text() for q in root.findChildren(QLabel) if q.buddy() and q.isVisibleTo(root)]
    labels += [g.title() for g in root.findChildren(QGroupBox) if g.isVisibleTo(root)]
    for bar in root.findChildren(QTabBar):
        if bar.isVisibleTo(root):
            labels += [bar.tabText(i) for i in range(bar.count())]
    return labels


def menu_levels(window) -> list[tuple[str, list[str]]]:
    """The menu bar's titles, then each menu's (and submenu's) actions."""
    bar = [a.text() for a in window.menuBar().actions()]
    levels, menus = [("barre de menus", bar)], [a.menu() for a in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        actions = [a for a in menu.actions() if not a.isSeparator()]
        levels.append((menu.title(), [a.text() for a in actions]))
        menus += [a.menu() for a in actions if a.menu()]
    return levels


@pytest.fixture(params=["fr", "en"])
def language(request, qapp):
    if request.param == "fr":
        yield "fr"
        return
    translators = install_translators(qapp, "en")
    yield "en"
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_helper_finds_a_clash():
    assert clashes(["Garder la &mienne", "&Modifier…", "Tom && Jerry", "&Ouvrir"]) == {
        "m": ["Garder la &mienne", "&Modifier…"]
    }


def test_each_menu_of_the_main_window_has_its_own_letters(language, window):
    assert window.menuBar().actions()[0].text() == ("&Fichier" if language == "fr" else "&File")
    levels = menu_levels(window)
    assert len(levels) == 5 and all(len(labels) >= 2 for _, labels in levels)
    assert {title: clashes(labels) for title, labels in levels if clashes(labels)} == {}


def test_the_dashboard_and_the_menu_bar_have_their_own_letters(language, window, qtbot):
    view = open_dashboard(window, qtbot)
    labels = visible_labels(view) + [a.text() for a in window.menuBar().actions()]
    assert sum(1 for text in labels if letter(text)) >= 8  # the year, the tabs, the menus
    assert clashes(labels) == {}


def test_the_sync_panel_has_its_own_letters(language, qtbot, window):
    panel = SyncPanel(window.context.workspace)
    qtbot.addWidget(panel)
    labels = visible_labels(panel)
    assert sum(1 for text in labels if letter(text)) >= 7  # the conflict's buttons and more
    assert clashes(labels) == {}
