"""Shared fixtures of the core tests: real workspaces on real SQLite files in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.forms.templates import TemplateSet
from desktop.core.storage.workspace import open_workspace
from tests.headless import run_carnet

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shipped_templates() -> TemplateSet:
    return TemplateSet.load()


@pytest.fixture
def carnet(tmp_path):
    """Run a command on a data dir (tmp_path/data unless given); returns the finished process."""

    def run(*args: str, data_dir=None):
        return run_carnet(data_dir or tmp_path / "data", *args)

    return run


@pytest.fixture
def workspace(tmp_path):
    ws = open_workspace(tmp_path / "data")
    yield ws
    ws.close()


@pytest.fixture
def store(workspace):
    return workspace.store


@pytest.fixture
def venue(store):
    return store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})


@pytest.fixture
def visit(store, venue):
    return store.create_visit(venue.id, "2025-03-14")


@pytest.fixture
def row_counts():
    """Rows per data table, to prove a refused operation changed nothing."""

    def count(db) -> dict[str, int]:
        tables = ("venues", "visits", "field_stamps", "directory")
        return {t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    return count
