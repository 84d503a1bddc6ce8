"""A data folder that cannot be written (a read-only disk or share, no write permission).

It opens read-only instead of failing: every reading works (the lists, `show`, exports,
PDFs written elsewhere), and every write is refused with one French message. SQLite is
opened « immutable »: with the folder read-only it cannot make the WAL's shared-memory
file, and nothing else can write there either.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from desktop.core.storage.db import DatabaseError, connect_read_only
from desktop.core.storage.records import Author


class ReadOnlyData(DatabaseError):
    """A write asked of a read-only data folder; str() is the French message."""


def refusal(data_dir: Path) -> str:
    return (
        f"Le dossier des données « {data_dir} » est en lecture seule : Carnet peut tout y "
        "lire, mais rien ne peut y être enregistré. Copiez-le sur un disque où vous pouvez écrire, "
        "ou rendez-le modifiable."
    )


class ReadOnlyService:
    """The data service's face for a read-only folder: it reads, and refuses every write."""

    read_only = True

    def __init__(self, db_path: Path, templates, media, make_store: Callable, now_ms=None):
        self.path = Path(db_path)
        self.data_dir = self.path.parent
        self.templates, self.media = templates, media
        self.db = connect_read_only(self.path)
        self.outside_writes = 0  # immutable: nothing else may write (external_writes.py)
        meta = dict(self.db.conn.execute("SELECT key, value FROM meta"))
        self.author = Author(meta.get("device_id", ""), meta.get("user_name", ""))
        self.store = make_store(self.db, templates, self)

    def _refuse(self, *_args: Any, **_kwargs: Any):
        raise ReadOnlyData(refusal(self.data_dir))

    call = call_outside_transaction = set_setting = set_user_name = _refuse

    def submit(self, mutation, origin: object = None) -> Future:  # noqa: ARG002
        """A future that failed, as a refused write on the writer's thread would."""
        future: Future = Future()
        future.set_exception(ReadOnlyData(refusal(self.data_dir)))
        return future

    def look_for_outside_writes(self) -> Future:
        future: Future = Future()
        future.set_result(self.outside_writes)
        return future

    def subscribe(self, _subscriber) -> Callable[[], None]:
        return lambda: None  # nothing will ever change

    def close(self) -> None:
        self.db.conn.close()
