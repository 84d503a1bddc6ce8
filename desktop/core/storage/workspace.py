"""One data folder, opened: the data service (the one writer), a read connection, the
templates, the store.

Both the app and the headless commands start here, so they run on the same services.
A background job takes `worker_copy()`: its own read connection, the same writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.core.forms.template_language import templates_in
from desktop.core.forms.templates import NETWORK_TEMPLATES_DIR, TemplateSet
from desktop.core.media.media_store import MediaStore
from desktop.core.merge.hlc import wall_clock_ms
from desktop.core.privacy import withdrawn_watch
from desktop.core.privacy.rights_review import DONE_KEY, mark_unreviewed_photos
from desktop.core.storage.data_dir import DATABASE_NAME, check_data_dir, default_data_dir
from desktop.core.storage.data_service import DataService, get_meta
from desktop.core.storage.db import Database, is_read_only, open_reader
from desktop.core.storage.read_only import ReadOnlyService
from desktop.core.storage.store import CarnetStore

__all__ = ["Workspace", "open_workspace"]
TEMPLATES_RELOADED = "templates"  # the change broadcast's setting key after a reload


@dataclass
class Workspace:
    data_dir: Path
    db: Database  # read-only: writes go through `service`
    templates: TemplateSet
    store: CarnetStore
    media: MediaStore
    service: DataService
    owns_service: bool = True
    closed: bool = False

    @property
    def read_only(self) -> bool:
        """The data folder cannot be written: everything reads, every write is refused."""
        return getattr(self.service, "read_only", False)

    def setting(self, key: str, default: str = "") -> str:
        return get_meta(self.db, key, default)

    def set_setting(self, key: str, value: str) -> None:
        if key == "user_name":
            self.service.set_user_name(value)
        else:
            self.service.set_setting(key, value)

    def use_language(self, language: str | None) -> None:
        """Show the templates' texts in language (form, lists, Suivi, exports). The writer
        keeps the French ones, so what is stored (search text) and shared is the same
        whatever the language of the laptop."""
        self.templates = templates_in(self.templates, language)
        self.store.templates = self.templates

    def reload_templates(self) -> None:
        """Read the templates again (the network shipped one): for the writer (French, what
        merges and validation use) and for this workspace (in its language)."""
        fresh = TemplateSet.load(
            self.templates.schemas_dir, check=False, network_dir=self.network_templates_dir
        )

        def swap(writer) -> None:
            writer.service.templates = writer.service.store.templates = fresh
            writer.changes.note_setting(TEMPLATES_RELOADED)  # the views learn of it

        if self.read_only:
            self.service.templates = self.service.store.templates = fresh
        else:
            self.service.call(swap)
        self.templates = templates_in(fresh, self.templates.language)
        self.store.templates = self.templates

    @property
    def network_templates_dir(self) -> Path:
        return self.data_dir / NETWORK_TEMPLATES_DIR

    def worker_copy(self) -> Workspace:
        """The same workspace on its own read connection, for a background thread."""
        store = self.store.worker_copy()  # the one way to a reading connection
        return replace(self, db=store.db, store=store, owns_service=False)

    def close(self) -> None:
        self.closed = True
        self.db.conn.close()
        if self.owns_service:
            self.service.close()


def open_workspace(
    data_dir: Path | None = None,
    templates: TemplateSet | None = None,
    check_templates: bool = True,
    now_ms: Callable[[], int] = wall_clock_ms,
) -> Workspace:
    """Open (creating if needed) the data folder; raises DataDirError or DatabaseError.

    check_templates=False defers the templates' meta-schema check to their first use
    (the app checks them right after its window is shown). now_ms: the wall clock the
    data service stamps with (tests play a laptop whose clock is wrong).
    """
    folder = check_data_dir(data_dir or default_data_dir())
    folder.mkdir(parents=True, exist_ok=True)
    network = folder / NETWORK_TEMPLATES_DIR  # the templates the network shipped
    templates = templates or TemplateSet.load(check=check_templates, network_dir=network)
    media = MediaStore(folder / "media")
    db_path = folder / DATABASE_NAME
    service_type = ReadOnlyService if is_read_only(db_path) else DataService
    service = service_type(db_path, templates, media, CarnetStore, now_ms)
    try:
        db = open_reader(folder / DATABASE_NAME)
    except BaseException:
        service.close()
        raise
    store = CarnetStore(db, templates, service)
    if service_type is DataService:  # (a read-only folder is left as it is)
        service.call(withdrawn_watch.install)  # before any write: none escapes it
        if not get_meta(db, DONE_KEY, ""):
            service.call(mark_unreviewed_photos)
    return Workspace(folder, db, templates, store, media, service)
