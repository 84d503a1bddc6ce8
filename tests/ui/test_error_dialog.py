"""Unexpected errors are logged and shown: a French dialog, its details, its report."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop.core.diagnostics import log_files
from desktop.core.diagnostics.log_files import start_logging
from desktop.ui.dialogs.error_dialog import ErrorDialog, install_error_hooks


@pytest.fixture
def hooks(qapp, isolated_logging):
    """install_error_hooks(log folder[, dialog factory]) as run_app does; the previous
    hooks are back and any error dialog closed once the test is over."""
    previous = sys.excepthook, threading.excepthook
    reporters = []

    def install(make_dialog=ErrorDialog):
        reporters.append(install_error_hooks(start_logging(), make_dialog))
        return reporters[-1]

    yield install
    sys.excepthook, threading.excepthook = previous
    for reporter in reporters:
        if reporter.dialog is not None:
            reporter.dialog.close()


def raise_and_hand_to_hook(message: str = "boum") -> None:
    try:
        compute_the_sheet(message)
    except ValueError:
        sys.excepthook(*sys.exc_info())


def compute_the_sheet(message: str) -> None:
    raise ValueError(message)


def log_text() -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (log_files.log_folder() / log_files.LOG_NAME).read_text("utf-8")


def test_an_uncaught_error_is_logged_and_shown(hooks):
    reporter = hooks()
    raise_and_hand_to_hook()
    dialog = reporter.dialog
    assert dialog in QApplication.topLevelWidgets() and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Une erreur inattendue s'est produite" in texts
    assert f"Journal de Carnet : {log_files.log_folder()}" in texts
    details = dialog.details.toPlainText()
    assert "Traceback (most recent call last)" in details
    assert "in compute_the_sheet" in details and "ValueError: boum" in details
    logged = log_text()
    assert "CRITICAL desktop.ui.error_hooks [MainThread] Unexpected error" in logged
    assert "in compute_the_sheet" in logged and "ValueError: boum" in logged


def test_details_are_behind_a_button(hooks, qtbot):
    reporter = hooks()
    raise_and_hand_to_hook()
    dialog = reporter.dialog
    assert not dialog.details.isVisible()
    qtbot.mouseClick(dialog.show_details, Qt.MouseButton.LeftButton)
    assert dialog.details.isVisible()


def test_copy_the_report(hooks, qtbot):
    reporter = hooks()
    raise_and_hand_to_hook()
    dialog = reporter.dialog
    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    report = QApplication.clipboard().text()
    assert report.startswith("Carnet ")
    assert f"Python {sys.version.split()[0]}" in report
    assert "Qt 6." in report and "PySide6 6." in report and "Platform: " in report
    assert f"Log folder: {log_files.log_folder()}" in report
    assert "in compute_the_sheet" in report and "ValueError: boum" in report
    assert dialog.copy_button.text() == "Rapport copié"


def test_close_the_dialog(hooks, qtbot):
    reporter = hooks()
    raise_and_hand_to_hook()
    dialog = reporter.dialog
    assert dialog.close_button.text() == "Fermer"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert reporter.dialog is None
    raise_and_hand_to_hook("une autre")
    assert reporter.dialog is not None  # a new error, a new dialog


def test_an_error_in_a_slot_reaches_the_dialog(hooks, qtbot):
    """What PySide does with an exception raised in a slot called by Qt."""
    reporter = hooks()
    QTimer.singleShot(0, lambda: compute_the_sheet("dans un slot"))
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert "ValueError: dans un slot" in reporter.dialog.details.toPlainText()


def test_no_dialog_for_ctrl_c(hooks, capsys):
    reporter = hooks()
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        sys.excepthook(*sys.exc_info())
    assert reporter.dialog is None
    assert "KeyboardInterrupt" in capsys.readouterr().err


def test_one_dialog_at_a_time_and_once_per_error(hooks):
    shown = []

    def make_dialog(*args):
        shown.append(args)
        return ErrorDialog(*args)

    reporter = hooks(make_dialog)
    raise_and_hand_to_hook("première")
    raise_and_hand_to_hook("seconde")  # while the first dialog is open: logged only
    reporter.dialog.close()
    raise_and_hand_to_hook("première")  # the same error again (a failing timer): logged only
    assert len(shown) == 1
    assert "ValueError: seconde" in log_text()
    assert log_text().count("ValueError: première") == 2


def test_a_failing_dialog_does_not_recurse(hooks):
    calls = []

    def broken_dialog(*args):
        calls.append(args)
        raise_and_hand_to_hook("pendant le dialogue")  # the hook re-entered
        raise RuntimeError("le dialogue ne s'ouvre pas")

    reporter = hooks(broken_dialog)
    raise_and_hand_to_hook()  # returns: no recursion, nothing raised
    assert len(calls) == 1 and reporter.dialog is None
    logged = log_text()
    assert "ValueError: boum" in logged and "ValueError: pendant le dialogue" in logged
    assert "The error dialog itself failed" in logged
    assert "RuntimeError: le dialogue ne s'ouvre pas" in logged


def test_an_error_in_a_thread_is_logged_and_shown_on_the_ui_thread(hooks, qtbot):
    built_in = []

    def make_dialog(*args):
        built_in.append(QThread.currentThread())
        return ErrorDialog(*args)

    reporter = hooks(make_dialog)
    worker = threading.Thread(target=compute_the_sheet, args=("en arrière-plan",),
                              name="import-photos")  # fmt: skip
    worker.start()
    worker.join()
    logged = log_text()
    assert "CRITICAL desktop.ui.error_hooks [import-photos] Unexpected error in thread" in logged
    assert "ValueError: en arrière-plan" in logged
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert built_in == [QApplication.instance().thread()]
    assert "ValueError: en arrière-plan" in reporter.dialog.details.toPlainText()


def test_the_dialog_speaks_english_too(hooks, qapp):
    from desktop.ui.i18n import install_translators

    translators = install_translators(qapp, "en")
    try:
        reporter = hooks()
        raise_and_hand_to_hook()
        assert reporter.dialog.copy_button.text() == "Copy the report"
        assert reporter.dialog.close_button.text() == "Close"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_run_app_logs_and_installs_the_hooks(hooks, qapp, monkeypatch):
    """Wiring only: a start that stops early (the damaged-database dialog was cancelled)."""
    import desktop.ui.dialogs.damaged_start
    from desktop.app import run_app
    from desktop.ui.dialogs.error_dialog import ErrorReporter

    monkeypatch.setattr(
        desktop.ui.dialogs.damaged_start, "open_or_recover", lambda *args, **kwargs: None
    )
    names = qapp.applicationName(), qapp.organizationName()
    try:
        assert run_app(None, None) == 2
    finally:
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])
    assert isinstance(sys.excepthook.__self__, ErrorReporter)
    assert isinstance(threading.excepthook.__self__, ErrorReporter)
    assert "Carnet started" in log_text()
