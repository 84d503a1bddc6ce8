"""The venue directory (national list of tiers-lieux) in the local database."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from desktop.core.forms.text import fold
from desktop.core.forms.venue_directory import DirectoryEntry, read_directory_csv
from desktop.core.storage.db import Database

ENTRY_FIELDS = tuple(f.name for f in fields(DirectoryEntry))


def replace_directory(workspace, entries: list[DirectoryEntry]) -> int:
    """Replace the whole directory with these entries, in one transaction (the writer's)."""
    rows = []
    for entry in entries:
        row = asdict(entry)
        row["search_key"] = fold(
            " ".join(filter(None, [entry.name, entry.commune, entry.postal_code]))
        )
        rows.append(row)

    def replace(writer) -> None:
        writer.db.conn.execute("DELETE FROM directory")
        writer.db["directory"].insert_all(rows, pk="source_id", batch_size=500)

    workspace.service.call(replace)
    return len(rows)


def directory_size(db: Database) -> int:
    return db.conn.execute("SELECT count(*) FROM directory").fetchone()[0]


def ensure_bundled_directory(workspace, path) -> int:
    """Load the bundled national list the first time it is needed."""
    if directory_size(workspace.db) == 0:
        return replace_directory(workspace, read_directory_csv(path))
    return 0


def search_directory(db: Database, query: str, limit: int = 30) -> list[DirectoryEntry]:
    """Entries whose name, commune or postcode contain every word typed, accents folded;
    those whose name starts with what was typed first (« La Ferme » before « Ferme
    collective de la… »), then by name."""
    words = fold(query).split()
    if not words:
        return []
    where = " AND ".join("search_key LIKE ?" for _ in words)
    params: list[Any] = [f"%{w}%" for w in words]
    starts = " ".join(words) + "%"  # the key begins with the folded name
    rows = db.conn.execute(
        f"SELECT {', '.join(ENTRY_FIELDS)} FROM directory WHERE {where} "
        "ORDER BY search_key NOT LIKE ?, name LIMIT ?",
        [*params, starts, limit],
    ).fetchall()
    return [DirectoryEntry(*row) for row in rows]


def identity_from_entry(entry: DirectoryEntry) -> dict[str, Any]:
    """A venue identity pre-filled from a directory entry (only the fields it has)."""
    identity = {
        "name": entry.name,
        "address": entry.address,
        "postal_code": entry.postal_code,
        "commune": entry.commune,
        "insee_code": entry.insee_code,
        "website": entry.website,
        "typology": entry.typology,
        "lat": entry.lat,
        "lon": entry.lon,
        "region": entry.region,
        "department": entry.department,
        "directory_id": entry.source_id,
    }
    return {k: v for k, v in identity.items() if v not in (None, "")}


def best_directory_match(db: Database, name: str, commune: str = "") -> DirectoryEntry | None:
    """The national list's entry « Nouveau lieu » would offer first for this name (and
    commune): found by the same search, the best name first (the same name, then a name
    that starts with it, then the closest length), then the commune."""
    entries = search_directory(db, f"{name} {commune}", limit=500)
    if not entries and commune:
        entries = search_directory(db, name, limit=500)
    wanted, town = fold(name).strip(), fold(commune).strip()

    def score(entry: DirectoryEntry) -> tuple:
        found = fold(entry.name).strip()
        return (found == wanted, found.startswith(wanted), -abs(len(found) - len(wanted)),
                bool(town) and fold(entry.commune or "") == town)  # fmt: skip

    return max(entries, key=score, default=None)
