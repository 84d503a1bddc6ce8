"""The annual report of a workspace: figures for the « réseau » audience, the network's
name and logo as the visit sheets print them, written atomically."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.core.network_figures.compute import compute_figures
from desktop.core.network_figures.model import Period, Territory
from desktop.core.pdf.service import sheet_options
from desktop.core.privacy.audiences import RESEAU
from desktop.core.report.annual import ReportOptions, render_report
from desktop.core.storage.files import write_atomic


def make_report(workspace, year: int, territory: Territory, today: date | None = None) -> bytes:
    today = today or date.today()
    figures = compute_figures(workspace.db, workspace.templates.visit, Period.year(year),
                              territory, audience=RESEAU, today=today)  # fmt: skip
    sheet = sheet_options(workspace, RESEAU)
    return render_report(figures, ReportOptions(sheet.network_name, sheet.logo, _map(figures)))


def _map(figures):
    from desktop.core.report.map_drawing import map_drawing

    return map_drawing(figures)


def write_report(data: bytes, output: Path) -> Path:
    """Written beside then renamed: a reader never sees half a PDF, and a failed write
    (a folder in the way, a read-only folder) leaves no temp file behind."""
    output = Path(output)
    write_atomic(output, data)
    return output
