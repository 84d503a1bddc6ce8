"""Venues and visits in the local database: every edit stamped, every delete undoable.

Each mutation runs in one transaction and returns what changed. Each field change
records its hybrid-logical-clock stamp, device and user in field_stamps, which the
shared-folder sync merges on. CarnetStore is put together from one part per job:
store_venues.py, store_visits.py, store_trash.py, store_purge.py and store_stamps.py.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.forms.templates import TemplateSet
from desktop.core.merge.hlc import HybridClock
from desktop.core.storage.changes import ChangeSet
from desktop.core.storage.data_service import DataService, Writer
from desktop.core.storage.db import Database, open_reader
from desktop.core.storage.records import Author
from desktop.core.storage.store_purge import Purges
from desktop.core.storage.store_stamps import FieldStamps
from desktop.core.storage.store_trash import Trash
from desktop.core.storage.store_venues import VenueRecords
from desktop.core.storage.store_visits import VisitRecords


class CarnetStore(VenueRecords, VisitRecords, Trash, Purges, FieldStamps):
    """Venues and visits. Reads run on this store's connection; the methods marked
    @writes run on the data service's writer (see data_service.py), in its transaction."""

    def __init__(self, db: Database, templates: TemplateSet, service: DataService) -> None:
        self.db = db
        self.templates = templates
        self.service = service
        self.writer: Writer | None = None  # the running mutation, while the service has one
        self.clock: HybridClock | None = None  # set by the service for each transaction
        self.changes: ChangeSet | None = None

    @property
    def author(self) -> Author:
        return self.service.author

    def on(self, writer: Writer) -> CarnetStore:
        return writer.store

    def worker_copy(self) -> CarnetStore:
        """The same store on its own read connection, for a background thread; close() it."""

        path = self.db.conn.execute("PRAGMA database_list").fetchone()[2]
        return CarnetStore(open_reader(Path(path)), self.templates, self.service)

    def close(self) -> None:
        self.db.conn.close()

    def begin(self, writer: Writer) -> None:
        """The service opened a transaction: stamps come from its clock."""
        self.writer, self.clock, self.changes = writer, writer.clock, writer.changes

    def end(self) -> None:
        self.writer = self.clock = self.changes = None
