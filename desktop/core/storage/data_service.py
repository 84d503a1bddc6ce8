"""The one writer: every change to the local database runs here, in order, on one thread.

In the shape of Anki's collection executor: a mutation is a function of a `Writer`
(the write connection's store, media and settings); the service runs it inside one
transaction (BEGIN IMMEDIATE ... COMMIT) on its own thread, then broadcasts what it
changed once to every subscriber. Everything else reads on its own connection (WAL),
opened read-only so that no other path can write.

The hybrid logical clock is database state: it is read at the start of each write
transaction and saved at its end, so a new stamp is later than every stamp stored,
whichever connection or program stored it, and `meta.clock` never goes backwards.

Another program's commits (a headless command, a second Carnet) are told from ours by
`PRAGMA data_version` on the write connection itself: it moves whenever any *other*
connection commits and never for this one's own commits, so no timing of ours can pass
for someone else's (the service counts those moves in `outside_writes`).
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from desktop.core.followup.derived import followup_templates, register_templates
from desktop.core.merge.hlc import HybridClock, Stamp, wall_clock_ms
from desktop.core.storage.changes import Changes, ChangeSet
from desktop.core.storage.db import (
    DURABLE_COMMIT,
    UNSYNCED_COMMIT,
    Database,
    DatabaseError,
    connect,
    data_version,
    schema_version,
)
from desktop.core.storage.figure_rows import register_figure_keys
from desktop.core.storage.migrations import MIGRATIONS
from desktop.core.storage.records import Author

T = TypeVar("T")
Mutation = Callable[["Writer"], T]
Subscriber = Callable[[Changes], None]
MUTATION, REDOABLE, BARE, LOOK = "mutation", "redoable", "bare", "look"  # the queue's kinds
log = logging.getLogger(__name__)


# ------------------------------------------------------------------ transactions
@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """All or nothing. Only this module opens write transactions (a test checks it)."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def migrate(db: Database, target: int | None = None) -> int:
    """Apply the numbered migrations above the stored version, each in one transaction."""
    target = len(MIGRATIONS) if target is None else target
    current = schema_version(db)
    if current > len(MIGRATIONS):
        raise DatabaseError(
            f"Cette base vient d'une version plus récente de Carnet (schéma {current}, "
            f"cette version connaît le schéma {len(MIGRATIONS)}). Mettez Carnet à jour."
        )
    for number in range(current + 1, target + 1):
        with transaction(db):
            MIGRATIONS[number - 1](db)
            db.conn.execute(f"PRAGMA user_version = {number}")
    return schema_version(db)


def open_database(path: Path) -> Database:
    """The write connection, migrated to the current schema."""
    import sqlite3

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = connect(path)
        try:
            migrate(db)
        except BaseException:
            db.conn.close()
            raise
    except sqlite3.DatabaseError as error:
        raise DatabaseError(
            f"La base de données « {path} » est illisible ou endommagée ({error})."
        ) from None
    return db


# ------------------------------------------------------------------ settings
def get_meta(db: Database, key: str, default: str = "") -> str:
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def _put_meta(db: Database, key: str, value: str) -> None:
    db.conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


# ------------------------------------------------------------------ the writer
class Writer:
    """What a mutation works with: the write connection and what it has changed so far."""

    def __init__(self, service: DataService, clock: HybridClock) -> None:
        self.service = service
        self.db = service.db
        self.store = service.store
        self.media = service.media
        self.templates = service.templates
        self.data_dir = service.data_dir
        self.clock = clock
        self.changes = ChangeSet()

    def setting(self, key: str, default: str = "") -> str:
        return get_meta(self.db, key, default)

    def set_setting(self, key: str, value: str) -> None:
        if get_meta(self.db, key, None) != value:
            _put_meta(self.db, key, value)
            self.changes.note_setting(key)

    def observe(self, stamp: Stamp, user_name: str = "") -> None:
        """A colleague's stamp: ours come after it; a clock far ahead is remembered."""
        self.clock.observe(stamp)
        ahead = stamp.wall_ms - self.clock.now_ms()
        if ahead > self.service.skew_limit_ms and stamp.device_id != self.store.author.device_id:
            self.db.conn.execute(
                "INSERT INTO clock_ahead(device_id, user_name, ahead_ms, seen_at) "
                "VALUES (?, ?, ?, datetime('now')) ON CONFLICT(device_id) DO UPDATE SET "
                "user_name = coalesce(nullif(excluded.user_name, ''), clock_ahead.user_name), "
                "ahead_ms = max(excluded.ahead_ms, clock_ahead.ahead_ms), "
                "seen_at = excluded.seen_at",
                (stamp.device_id, user_name, ahead),
            )


class DataService:
    """Owns the write connection and its thread; `close()` it when done."""

    skew_limit_ms = 86_400_000  # a colleague's clock more than a day ahead is named

    def __init__(
        self,
        db_path: Path,
        templates,
        media,
        make_store: Callable[[Database, Any, DataService], Any],
        now_ms: Callable[[], int] = wall_clock_ms,
    ) -> None:
        """make_store(db, templates, service) builds the writer's store (CarnetStore: the
        store's methods route through this service, so it is handed in, not imported)."""
        self.path = Path(db_path)
        self.data_dir = self.path.parent
        self.templates, self.media, self.now_ms = templates, media, now_ms
        self.db = open_database(self.path)
        self._subscribers: list[Subscriber] = []
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._current: Writer | None = None
        self._version = data_version(self.db)  # the file as this connection last saw it
        self.outside_writes = 0  # times another connection was seen to have committed
        self.author = Author("", "")
        self.store = make_store(self.db, templates, self)
        self._thread = threading.Thread(target=self._serve, name="carnet-writer", daemon=True)
        self._thread.start()
        self.author = self.call(_load_author)
        self.call(self.derive)

    def derive(self, writer: Writer) -> None:
        """Derived rows that depend on the templates (the follow-up's and the dashboard's
        keys): refilled when this version's templates name other keys than the database
        holds."""
        records = followup_templates(self.templates)
        register_templates(writer.db.conn, records)
        register_figure_keys(writer.db.conn, records, self.templates.visit)

    # -------------------------------------------------------------- running
    def submit(self, mutation: Mutation, origin: object = None, redoable: bool = False) -> Future:
        """Queue a mutation; the future holds its result (or its error) once committed.

        redoable: what it writes can be written again from elsewhere if a power cut loses
        it (a share's files merged, with their index rows in the same transaction: the
        next pass reads them again). Its commit does not wait for the disk (WAL with
        synchronous = NORMAL); the next plain mutation's commit syncs the log, and with
        it every redoable commit before it. What the user typed is never redoable."""
        return self._enqueue(mutation, origin, REDOABLE if redoable else MUTATION)

    def call(self, mutation: Mutation[T], origin: object = None) -> T:
        """Run a mutation and wait for it. Inside a mutation, runs in the same transaction."""
        if threading.current_thread() is self._thread and self._current is not None:
            return mutation(self._current)
        return self.submit(mutation, origin).result()

    def call_outside_transaction(self, job: Callable[[Database], T]) -> T:
        """Run job(write connection) on the writer with no transaction open (a restore)."""
        return self._enqueue(job, None, BARE).result()

    def look_for_outside_writes(self) -> Future:
        """Queue a look at whether another connection committed since the writer last
        looked; the future holds `outside_writes` then. Nothing is written or broadcast."""
        return self._enqueue(None, None, LOOK)

    def _enqueue(self, job, origin: object, kind: str) -> Future:
        future: Future = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("Le service de données est fermé.")
            self._queue.put((job, future, origin, kind))
        return future

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Called on the writer's thread after each commit that changed something."""
        self._subscribers.append(subscriber)
        return lambda: self._subscribers.remove(subscriber)

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(None)
        self._thread.join()
        self.db.conn.close()

    # -------------------------------------------------------------- the thread
    def _serve(self) -> None:
        while (item := self._queue.get()) is not None:
            job, future, origin, kind = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                if kind == MUTATION:
                    result, changes = self._run(job, origin)
                elif kind == REDOABLE:
                    result, changes = self._run_redoable(job, origin)
                elif kind == BARE:
                    result, changes = job(self.db), Changes(everything=True, conflicts=True)
                else:
                    result, changes = self._note_outside_writes(), None
            except BaseException as error:  # noqa: BLE001 - handed to whoever waits
                future.set_exception(error)
                continue
            if changes is not None:
                self._broadcast(changes)
            future.set_result(result)

    def _run_redoable(self, mutation: Mutation, origin: object) -> tuple[Any, Changes | None]:
        """Run a redoable mutation (see submit) with commits that do not wait for the disk.

        A first import of 114,280 files (the WAL copied on its own thread), interleaved
        with every commit waiting for the disk: 25.8, 24.5, 20.3 s against 27.6, 24.4,
        23.4 s; the writer waited 5,700–6,500 times against 8,100–10,100 (each sync of
        a chunk's 14 MB of log: 3–9 ms on these machines)."""
        self.db.conn.execute(f"PRAGMA synchronous = {UNSYNCED_COMMIT}")
        try:
            return self._run(mutation, origin)
        finally:
            self.db.conn.execute(f"PRAGMA synchronous = {DURABLE_COMMIT}")

    def _run(self, mutation: Mutation, origin: object) -> tuple[Any, Changes | None]:
        with transaction(self.db):
            self._note_outside_writes()  # before ours: the file as the other program left it
            stored = get_meta(self.db, "clock")
            last_stored = Stamp.decode(stored) if stored else None
            clock = HybridClock(self.author.device_id, last_stored, self.now_ms)
            writer = self._current = Writer(self, clock)
            self.store.begin(writer)
            try:
                result = mutation(writer)
                last = clock.last.encode() if clock.last else ""
                if last > stored:
                    _put_meta(self.db, "clock", last)  # never backwards: only ever raised
            finally:
                self._current = None
                self.store.end()
        local = clock.ticks > 0  # a stamp of this device: an edit made here
        return result, writer.changes.frozen(origin, local) if writer.changes else None

    def _note_outside_writes(self) -> int:
        """Count a commit of another connection since the last look (on the writer's thread)."""
        version = data_version(self.db)
        if version != self._version:
            self._version = version
            self.outside_writes += 1
        return self.outside_writes

    def _broadcast(self, changes: Changes) -> None:
        for subscriber in list(self._subscribers):
            try:
                subscriber(changes)
            except Exception:  # a view's failure must not stop the writer
                log.exception("Un abonné aux changements a échoué")

    # -------------------------------------------------------------- settings
    def set_setting(self, key: str, value: str) -> None:
        self.call(lambda writer: writer.set_setting(key, value))

    def reload_author(self) -> None:
        """Read the device id and the name again (the database was replaced: a restore)."""
        self.author = self.call(_load_author)

    def set_user_name(self, name: str) -> None:
        self.call(lambda writer: writer.set_setting("user_name", name))
        self.author = replace(self.author, user_name=name)


def _load_author(writer: Writer) -> Author:
    """This laptop's device id (made once, kept while the database stays on this computer
    and in this data folder: core/storage/device_binding.py) and its user's name."""
    from desktop.core.storage.device_binding import bound_device_id

    device_id = bound_device_id(writer, writer.data_dir)
    # The login name stands in until the user says who they are (first run), and is
    # not stored: a stored name is one the user chose (see core/storage/identity.py).
    user_name = writer.setting("user_name") or system_user_name()
    return Author(device_id, user_name)


def system_user_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "Utilisateur"


def writes(method: Callable[..., T]) -> Callable[..., T]:
    """Run a method of a store-like object on the data service's writer.

    The object says how to bind itself to the writer with `on(writer)`; called from the
    writer's own thread (inside another mutation), it runs in that same transaction.
    """

    @functools.wraps(method)
    def through_writer(self, *args, **kwargs):
        return self.service.call(lambda writer: method(self.on(writer), *args, **kwargs))

    return through_writer
