"""Another program's writes to the database, noticed by the window's one-second poll."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import wait as wait_for
from typing import TYPE_CHECKING

from desktop.core.storage.db import Database, data_version

if TYPE_CHECKING:
    from desktop.core.storage.data_service import DataService


class ExternalWrites:
    """Tells when another program (a headless command, a second Carnet, the sqlite3 shell)
    wrote to the database: a poll, from the thread of the read connection `db`.

    The read connection's data_version moves on every commit, ours included: it only
    tells when to ask the writer, whose own connection knows whether the commit was
    someone else's (DataService.outside_writes). The poll never waits for that answer
    unless told to: it reads it at the next poll, and `looked()` (called on the writer's
    thread) says when it has come.
    """

    def __init__(
        self, db: Database, service: DataService, looked: Callable[[], None] | None = None
    ) -> None:
        self.db, self.service, self.looked = db, service, looked
        self._version = data_version(db)
        self._seen = service.outside_writes
        self._look: Future | None = None

    def poll(self, wait: float = 0.0) -> bool:
        """Whether another program wrote since the last poll that said so; wait: seconds
        to wait for the writer's answer (0: read it at the next poll)."""
        version = data_version(self.db)
        if version != self._version:
            self._version = version
            self._ask_writer()
        if wait and self._look is not None:
            wait_for([self._look], timeout=wait)
        seen, self._seen = self._seen, self.service.outside_writes
        return seen != self._seen

    def _ask_writer(self) -> None:
        """A look already queued and not started sees this commit too; otherwise queue one."""
        if self._look is not None and not (self._look.running() or self._look.done()):
            return
        try:
            self._look = self.service.look_for_outside_writes()
        except RuntimeError:  # the service closed: nothing more will change
            return
        self._look.add_done_callback(self._answered)

    def _answered(self, look: Future) -> None:
        """On the writer's thread: call `looked` only for news (not after each of our commits)."""
        if self.looked is not None and look.exception() is None and look.result() != self._seen:
            self.looked()
