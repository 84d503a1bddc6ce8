"""Several laptops (data folders) sharing one real folder on disk."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.forms.templates import TemplateSet
from desktop.core.merge.hlc import wall_clock_ms
from desktop.core.storage.workspace import Workspace, open_workspace
from desktop.core.sync.engine import SHARED_FOLDER, SyncEngine


@dataclass
class Laptop:
    name: str
    workspace: Workspace
    share_folder: Path

    @property
    def store(self):
        return self.workspace.store

    def sync(self, **options):
        return SyncEngine(self.workspace, self.share_folder).run_pass(
            sheets=options.pop("sheets", False), **options
        )

    def visit_data(self, visit_id: str) -> dict:
        return self.store.get_visit(visit_id).data

    def state(self) -> dict:
        """Every record's values and per-field stamps, without this laptop's local columns."""
        conn = self.workspace.db.conn
        stamps: dict[str, dict] = {}
        for record_id, field, stamp in conn.execute(
            "SELECT record_id, field, stamp FROM field_stamps"
        ):
            stamps.setdefault(record_id, {})[field] = stamp
        state = {}
        for table in ("venues", "visits"):
            for record_id, data, deleted in conn.execute(
                f"SELECT id, data, deleted_at FROM {table}"
            ):
                state[record_id] = (json.loads(data), deleted, stamps.get(record_id, {}))
        for record_id, caption, deleted in conn.execute(
            "SELECT id, caption, deleted_at FROM photos"
        ):
            state[record_id] = (caption, deleted, stamps.get(record_id, {}))
        return state


@pytest.fixture(scope="session")
def templates() -> TemplateSet:
    return TemplateSet.load()


@pytest.fixture
def share(tmp_path) -> Path:
    folder = tmp_path / "partage"
    folder.mkdir()
    return folder


@pytest.fixture
def laptops(tmp_path, share, templates):
    """make("alice") -> a Laptop with its own data folder, all on the same share
    (now_ms: its wall clock, to play a laptop whose clock is wrong)."""
    opened: list[Laptop] = []

    def make(name: str, share_folder: Path | None = None, now_ms=wall_clock_ms) -> Laptop:
        ws = open_workspace(tmp_path / f"data-{name}", templates, now_ms=now_ms)
        ws.set_setting("user_name", name.capitalize())
        ws.set_setting(SHARED_FOLDER, str(share_folder or share))
        ws.close()
        ws = open_workspace(tmp_path / f"data-{name}", templates, now_ms=now_ms)
        laptop = Laptop(name, ws, share_folder or share)
        opened.append(laptop)
        return laptop

    yield make
    for laptop in opened:
        laptop.workspace.close()
