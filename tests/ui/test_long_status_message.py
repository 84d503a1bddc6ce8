"""A long message in the status bar (a sync error with its path) is never cut at the
window's edge with no way to read it: shortened in the middle « … » to the room the
bar has, the whole text in its tooltip, in « Derniers messages » and, for the sync, in
its panel."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.core.storage.workspace import open_workspace
from desktop.core.sync.engine import SHARED_FOLDER

PATH = "/srv/partages/réseau-des-tiers-lieux-de-nouvelle-aquitaine/" + "sous-dossier/" * 8
LONG = f"le dossier partagé n'accepte pas l'écriture : accès refusé ({PATH}fiche.json)."


def message_label(window):
    return window.statusBar().label


def fits(label) -> bool:
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


def settle(window) -> None:
    window.statusBar().layout().activate()
    QApplication.processEvents()


def test_a_long_message_is_shortened_in_the_middle_and_kept_whole(window):
    width = window.width()
    window.context.say(LONG)
    settle(window)
    label, bar = message_label(window), window.statusBar()
    assert bar.currentMessage() == LONG  # what the callers said, whole
    assert label.text() != LONG and "…" in label.text()
    assert label.text().startswith("le dossier partagé") and label.text().endswith("json).")
    assert fits(label)
    assert label.geometry().right() < window.counts.geometry().left()  # not under the counts
    assert window.width() == width  # the window did not grow to hold it
    assert label.toolTip().startswith(LONG)
    dialog = bar.show_recent()  # a click on the message, or Aide › Derniers messages…
    assert LONG in dialog.text.toPlainText()
    dialog.close()


def test_a_narrower_window_shortens_it_again(window):
    window.context.say(LONG)
    settle(window)
    wide = message_label(window).text()
    window.resize(700, window.height())
    QApplication.sendEvent(window, QResizeEvent(QSize(700, window.height()), window.size()))
    settle(window)
    label = message_label(window)
    assert fits(label) and len(label.text()) < len(wide)
    assert label.toolTip().startswith(LONG)


def test_a_short_message_is_shown_whole_without_a_tooltip_of_it(window):
    window.context.say("Restauré.", 4000)
    settle(window)
    label = message_label(window)
    assert label.text() == "Restauré."
    assert not label.toolTip().startswith("Restauré.")  # only the hint to click


def test_recent_messages_keep_what_mattered_newest_first(window, qtbot):
    bar = window.statusBar()
    bar.showMessage("Enregistré à 10:00:00", 4000)  # a save: not kept
    window.context.say(LONG)
    window.context.say("Bilan annuel enregistré : /tmp/bilan.pdf", 8000)
    text = bar.show_recent().text.toPlainText()
    assert "Enregistré à 10:00:00" not in text
    assert text.index("Bilan annuel") < text.index(LONG)
    bar.showMessage("Fini.", 50)  # a message with a timeout goes away, as in QStatusBar
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=2000)
    assert message_label(window).text() == ""
    bar.recent_dialog.close()


def test_an_unreachable_share_with_a_long_path_is_readable_whole(
    qtbot, tmp_path, data_dir, open_window
):
    folder = tmp_path / ("disque-réseau-du-réseau-des-tiers-lieux-" * 3) / "Carnet & Co <2025>"
    bob = open_workspace(data_dir)
    bob.set_setting(SHARED_FOLDER, str(folder))
    bob.store.create_venue({"name": "Le Local hors ligne"})
    bob.close()
    window = open_window()
    window.resize(900, 600)
    qtbot.waitUntil(lambda: window.sync.controller.last_report is not None, timeout=15000)
    error = window.sync.controller.last_report.error
    assert str(folder) in error
    settle(window)
    label, bar = message_label(window), window.statusBar()
    assert bar.currentMessage() == error and fits(label) and label.text() != error
    assert label.toolTip().startswith(error)
    assert error in bar.show_recent().text.toPlainText()
    window.sync.show_panel()  # the panel says it whole, the path's « & » and « < » as typed
    shown = QTextDocument()
    shown.setHtml(window.sync.panel.status.text())
    assert error in shown.toPlainText().replace("\n", " ")
