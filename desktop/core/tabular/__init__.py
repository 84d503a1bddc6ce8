"""Exports for the network: visits, actions and venues as CSV files or an XLSX workbook.

    result = export_tables(store, Path("reseau.xlsx"), "xlsx", ExportFilter(...))

The tables come from the templates (tables.py); writers.py turns them into files. The
lossless JSON exchange export stays in desktop.core.merge.exchange.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.storage.store import CarnetStore
from desktop.core.tabular.tables import (
    ExportFilter,
    Tables,
    TabularExportError,
    build_tables,
)
from desktop.core.tabular.writers import write_csv, write_xlsx

FORMATS = ("xlsx", "csv")

__all__ = [
    "FORMATS",
    "ExportFilter",
    "ExportResult",
    "TabularExportError",
    "Tables",
    "build_tables",
    "export_tables",
]


@dataclass(frozen=True)
class ExportResult:
    visits: int
    actions: int
    venues: int
    paths: tuple[Path, ...]  # the workbook, or the three CSV files
    cut_cells: int = 0  # XLSX: texts too long for an Excel cell, cut with a note
    others: tuple[tuple[str, int], ...] = ()  # (sheet name, rows) of the other templates


def export_tables(
    store: CarnetStore, path: Path, fmt: str, filters: ExportFilter | None = None
) -> ExportResult:
    """Write the export; raises TabularExportError on refused filters, OSError on disk errors."""
    if fmt not in FORMATS:
        raise TabularExportError(f"Format inconnu « {fmt} » ; formats : {', '.join(FORMATS)}.")
    tables = build_tables(store, filters or ExportFilter())
    path = Path(path)
    cut = 0
    if fmt == "xlsx":
        workbook, cut = write_xlsx(list(tables), path)
        paths: tuple[Path, ...] = (workbook,)
    else:
        paths = tuple(write_csv(list(tables), path))
    return ExportResult(
        len(tables.visits.rows),
        len(tables.actions.rows),
        len(tables.venues.rows),
        paths,
        cut,
        tuple((t.name, len(t.rows)) for t in tables.others),
    )
