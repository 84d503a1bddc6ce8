"""One window per data folder: a second launch brings the open window to the front.

The first Carnet on a folder holds `carnet.lock` in it (QLockFile) and listens on a local
socket named after the folder. A second launch that cannot take the lock connects, sends
"raise" and quits; it never opens the database. Headless commands take no lock: they may
run beside the window, as before. At start the lock is taken before the window, the
socket listened on right after its first frame (QtNetwork is imported then): a second
launch meanwhile retries its connection for two seconds.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QLockFile, QObject, QTimer

from desktop.core.storage.data_dir import check_data_dir, default_data_dir
from desktop.ui.i18n import choose_language, install_translators

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QWidget

LOCK_NAME = "carnet.lock"
RAISE = b"raise\n"
ANSWERED = b"ok\n"
# Long enough for a window that is starting (its event loop not running yet), short
# enough that a double click on the icon does not seem to hang.
ANSWER_TIMEOUT_MS = 2000
RETRY_MS = 100


def server_name(folder: Path) -> str:
    """A short local-socket name for the folder: a Unix socket path is limited to ~104
    bytes, and a path holds characters a socket name may not."""
    import hashlib

    path = os.path.normcase(str(Path(folder).resolve()))  # one name whatever the case (Windows)
    return "carnet-" + hashlib.sha256(path.encode("utf-8")).hexdigest()[:32]


class SingleInstance:
    """The claim of one Carnet window on one data folder.

    on_activate is called when another launch asks this one to show itself; it is set
    once the window exists (a request before that is answered and otherwise ignored:
    the window about to appear comes to the front anyway). Dropping the object releases
    the claim as release() does (QLockFile and QLocalServer clean up when deleted).
    """

    def __init__(self, folder: Path, on_activate: Callable[[], None] | None = None) -> None:
        self.folder = Path(folder)
        self.on_activate = on_activate
        self.lock = QLockFile(str(self.folder / LOCK_NAME))
        # 0: never stale by age, only when its process is gone (Qt checks the PID, and
        # the program's name against PID reuse): an app left open for days keeps it.
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None  # listen()

    @cached_property
    def name(self) -> str:
        return server_name(self.folder)  # hashlib: imported when first needed

    def acquire(self, listen: bool = True) -> bool:
        """Take the folder's lock and (unless listen=False: listen() later) listen; False
        when another live Carnet holds it.

        A lock that cannot be written at all (read-only folder…) is no other Carnet:
        carry on unguarded, opening the database then reports the real problem.
        """
        # If this fails, tryLock fails below with a write error, not LockFailedError.
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            return self.lock.error() != QLockFile.LockError.LockFailedError
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer the launches that ask this window to come to the front."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None:
            return
        self.server = QLocalServer()
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        # We hold the lock, so a socket of that name was left by a crashed Carnet (Unix).
        QLocalServer.removeServer(self.name)
        self.server.listen(self.name)

    def activate_existing(self, timeout_ms: int = ANSWER_TIMEOUT_MS) -> bool:
        """Ask the Carnet holding the lock to show its window; True once it answered."""
        _let_the_other_take_focus()
        return _RaiseRequest(self.name, timeout_ms).run()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()  # removes the socket file on Unix
        self.lock.unlock()

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # the request may have arrived with the connection

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            if bytes(socket.readLine().data()) != RAISE:
                continue
            socket.write(ANSWERED)
            socket.flush()
            socket.disconnectFromServer()
            if self.on_activate is not None:
                self.on_activate()


class _RaiseRequest(QObject):
    """One "raise" request, waited for in a local event loop (so that it is answered
    even by a server living in this same thread): connect, retrying while the other
    Carnet starts listening, send, and wait for its answer until the timeout."""

    def __init__(self, name: str, timeout_ms: int) -> None:
        from PySide6.QtNetwork import QLocalSocket

        super().__init__()
        self.name = name
        self.answered = False
        self.loop = QEventLoop(self)
        self.socket = QLocalSocket(self)
        self.socket.connected.connect(lambda: self.socket.write(RAISE))
        self.socket.readyRead.connect(self._read)
        self.socket.errorOccurred.connect(self._retry)
        self.connect_timer = _single_shot(self, 0, self._connect)
        self.deadline = _single_shot(self, timeout_ms, self.loop.quit)

    def run(self) -> bool:
        self.connect_timer.start()
        self.deadline.start()
        self.loop.exec()
        self.socket.abort()
        return self.answered

    def _connect(self) -> None:
        self.socket.connectToServer(self.name)

    def _read(self) -> None:
        if self.socket.canReadLine():
            self.answered = bytes(self.socket.readLine().data()) == ANSWERED
            self.loop.quit()

    def _retry(self, _error: QLocalSocket.LocalSocketError) -> None:
        if self.answered or not self.deadline.isActive():
            return
        self.socket.abort()
        self.connect_timer.start(RETRY_MS)


def _single_shot(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


def _let_the_other_take_focus() -> None:
    """Windows lets only the foreground process (this one: just launched) hand the focus
    to another: without this the open window would only flash in the taskbar."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)  # type: ignore[attr-defined]


def bring_to_front(window: QWidget) -> None:
    if window.isMaximized() and window.isMinimized():
        window.showMaximized()  # back as it was before it was minimised
    elif window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


def already_open_text(answered: bool) -> str:
    if answered:
        return QCoreApplication.translate(
            "SingleInstance", "Carnet est déjà ouvert sur ce dossier."
        )
    return QCoreApplication.translate(
        "SingleInstance", "Carnet est déjà ouvert sur ce dossier (la fenêtre ne répond pas)."
    )


def claim_data_dir(
    data_dir: Path | None, language: str | None, listen: bool = True
) -> SingleInstance | None:
    """This launch's claim on its data folder, or None when a Carnet already has it open:
    that window was asked to come to the front and the reason is printed.
    listen=False: the caller calls listen() later (the start: after the first frame).

    Raises DataDirError for a refused folder, like opening the workspace would.
    """
    instance = SingleInstance(check_data_dir(data_dir or default_data_dir()))
    if instance.acquire(listen):
        return instance
    answered = instance.activate_existing()
    if not answered and instance.acquire(listen):
        return instance  # it had just quit
    # No answer: the other Carnet is starting (a long migration) or hung. Either way a
    # second writer on its database is worse than a launch that says so and quits.
    _say_already_open(answered, language)
    return None


def _say_already_open(answered: bool, language: str | None) -> None:
    # The saved language is in the database, which we do not open: --lang or the system's.
    app = QCoreApplication.instance()
    translators = install_translators(app, choose_language(language, None))
    print(already_open_text(answered))
    for translator in translators:
        app.removeTranslator(translator)
