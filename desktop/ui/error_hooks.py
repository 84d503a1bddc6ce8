"""Unexpected errors: logged with their traceback, then shown in a dialog on the UI thread.

PySide hands an exception raised in a slot or an overridden Qt method to sys.excepthook
and carries on, so without this hook a failure would only reach a console nobody reads.
Installed at start, before the first frame: the dialog (dialogs/error_dialog.py) and its
Qt classes are imported when an error is first shown.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, qVersion
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

log = logging.getLogger(__name__)


def error_dialog(details: str, report: str, log_folder: Path | None) -> QDialog:
    from desktop.ui.dialogs.error_dialog import ErrorDialog

    return ErrorDialog(details, report, log_folder)


DialogFactory = Callable[[str, str, "Path | None"], "QDialog"]


class ErrorReporter(QObject):
    """Installed as sys.excepthook and threading.excepthook. It lives in the UI thread:
    a failure in another thread reaches the dialog through a queued signal."""

    reported = Signal(str)  # the traceback

    def __init__(self, log_folder: Path | None, make_dialog: DialogFactory = error_dialog):
        super().__init__()
        self.log_folder = log_folder
        self.make_dialog = make_dialog
        self.dialog: QDialog | None = None
        self._shown: set[str] = set()
        self._busy = False
        self.reported.connect(self._show)  # direct from the UI thread, queued from others

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal: no dialog
            sys.__excepthook__(kind, error, tb)
            return
        log.critical("Unexpected error", exc_info=(kind, error, tb))
        self._hand_over(kind, error, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):  # ends its thread quietly, as by default
            return
        name = args.thread.name if args.thread is not None else "?"
        exc_info = (args.exc_type, args.exc_value, args.exc_traceback)
        log.critical("Unexpected error in thread %s", name, exc_info=exc_info)
        self._hand_over(*exc_info)

    def _hand_over(self, kind, error, tb) -> None:
        """To the dialog, from any thread; the error is already in the log."""
        if QApplication.instance() is None:
            return
        try:
            self.reported.emit("".join(traceback.format_exception(kind, error, tb)))
        except RuntimeError:  # this object is gone with the application: stderr
            sys.__excepthook__(kind, error, tb)

    def _show(self, details: str) -> None:
        """One dialog at a time, once per distinct error (a failing repaint or timer would
        otherwise reopen it forever); a failure here is logged, never re-raised."""
        if self._busy or self.dialog is not None or details in self._shown:
            return
        self._busy = True
        self._shown.add(details)
        try:
            self._open_dialog(details)
        except Exception:
            log.exception("The error dialog itself failed")
        finally:
            self._busy = False

    def _open_dialog(self, details: str) -> None:
        import PySide6
        from PySide6.QtCore import Qt

        from desktop.core.diagnostics.error_report import error_report

        toolkit = f"Qt {qVersion()}, PySide6 {PySide6.__version__}"
        report = error_report(details, self.log_folder, toolkit)
        dialog = self.make_dialog(details, report, self.log_folder)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.show()  # not exec(): no nested event loop inside error handling
        dialog.raise_()
        dialog.activateWindow()

    def _forget_dialog(self) -> None:
        self.dialog = None


def install_error_hooks(
    log_folder: Path | None, make_dialog: DialogFactory = error_dialog
) -> ErrorReporter:
    """Call from the UI thread once the QApplication exists."""
    reporter = ErrorReporter(log_folder, make_dialog)
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_excepthook
    return reporter
