"""Benchmark: the network figures (« Tableau de bord », map, report) at the national scale:
3,500 venues and 20,000 visits (issue 17).

Run: .venv/bin/python tests/benchmarks/dashboard.py
Prints, against baselines measured in the same rounds (median of 7):
- baseline: a bare `SELECT count(*) FROM visits`, and json.loads of every live visit's data
  (what a naive dashboard would do before counting anything);
- the dashboard's figures for a year (dashboard_data, what its worker computes), everywhere
  and for one région; the report's (compute_figures, with the list of visits);
- every chart painted, the map filled and painted, offscreen; and all of it together
  (« le tout »: figures, charts, map), issue 17's target: under 300 ms.
Data cached in <tmp>/carnet-bench/dashboard-20000.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.forms.text import venue_sort_key  # noqa: E402
from desktop.core.forms.venue_directory import bundled_directory_path, read_directory_csv  # noqa: E402
from desktop.core.network_figures.compute import (  # noqa: E402
    EVERYWHERE,
    compute_figures,
    dashboard_data,
)
from desktop.core.network_figures.model import Period, Territory  # noqa: E402
from desktop.core.storage.workspace import Workspace, open_workspace  # noqa: E402
from tests.benchmarks.followup import median_ms  # noqa: E402  (the same 7 runs, medians)

CACHE = Path(tempfile.gettempdir()) / "carnet-bench" / "dashboard-20000"
VENUES, VISITS = 3500, 20_000
TODAY = date(2026, 6, 15)
NOW = "2026-06-01T10:00:00.000+00:00"


def _choice(rng, template, key):
    return rng.choice([v for v, _ in template.field(key).choices])


def _visit(rng, template, day: date) -> dict:
    data = {"visit_date": day.isoformat(), "facilitator": rng.choice(["Camille", "Sami", "Jo"]),
            "visit_type": _choice(rng, template, "visit_type"),
            "activity_types": [_choice(rng, template, "activity_types") for _ in range(2)],
            "support_needs": [_choice(rng, template, "support_needs")],
            "public_funding_pct": rng.randint(0, 100),
            "end_date": (day + timedelta(days=rng.randint(100, 1500))).isoformat(),
            "actions": [{"what": "Relancer", "who": rng.choice(["Camille", "Sami", ""]),
                         "due": (day + timedelta(days=rng.randint(-10, 200))).isoformat(),
                         "status": rng.choice(["a_faire", "en_cours", "fait"])}
                        for _ in range(3)]}  # fmt: skip
    for key in ("legal_form", "budget_band", "tenure", "agreement_type", "building_type"):
        data[key] = _choice(rng, template, key)
    return data


def build(data_dir: Path) -> Workspace:
    workspace = open_workspace(data_dir)
    if workspace.db.conn.execute("SELECT count(*) FROM visits").fetchone()[0] >= VISITS:
        return workspace
    rng, template = random.Random(17), workspace.templates.visit
    entries = read_directory_csv(bundled_directory_path())

    def fill(writer) -> None:  # the one writer's connection, in its transaction
        conn, venues = writer.db.conn, []
        for index in range(VENUES):
            entry = entries[index % len(entries)]
            name, venue_id = f"{entry.name} {index}", uuid.uuid4().hex
            data = {"name": name, "commune": entry.commune, "region": entry.region,
                    "department": entry.department, "lat": entry.lat, "lon": entry.lon}  # fmt: skip
            venues.append(venue_id)
            conn.execute(
                "INSERT INTO venues (id, name, commune, sort_key, data, search_text, created_at, "
                "created_device, created_user, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (venue_id, name, entry.commune, venue_sort_key(name, entry.commune or ""),
                 json.dumps(data, ensure_ascii=False), name, NOW, "bench", "bench", NOW),
            )  # fmt: skip
        for _ in range(VISITS):
            data = _visit(rng, template, date(2023, 1, 1) + timedelta(days=rng.randint(0, 1260)))
            conn.execute(
                "INSERT INTO visits (id, venue_id, template_id, template_version, data, "
                "visit_date, visit_type, author, owner_device, carried_over, error_count, "
                "completeness, search_text, created_at, created_device, created_user, "
                "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (uuid.uuid4().hex, rng.choice(venues), "visit-sheet", 1,
                 json.dumps(data, ensure_ascii=False), data["visit_date"], data["visit_type"],
                 data["facilitator"], "bench", "[]", 0, 0.5, "", NOW, "bench", "bench", NOW),
            )  # fmt: skip

    workspace.service.call(fill)
    return workspace


def main() -> dict:
    """Prints the figures; returns them (ms) for run_all.py. Every measure is taken in
    turn within each of 7 rounds (the baseline included), so that a busy machine weighs
    on all of them alike; medians."""
    workspace = build(CACHE)
    conn, template, year = workspace.db.conn, workspace.templates.visit, Period.year(2025)
    figures = compute_figures(workspace.db, template, year, today=TODAY)
    print(f"{len(figures.venues)} lieux, {figures.visits_in_period} visites en 2025, "
          f"{len(figures.figures)} graphiques")  # fmt: skip
    views = _views()
    region = Territory(region="Bretagne")

    def naive():
        rows = conn.execute("SELECT data FROM visits WHERE deleted_at IS NULL").fetchall()
        return [json.loads(r[0]) for r in rows]

    def dashboard(territory=EVERYWHERE):  # what the dashboard's worker computes
        return dashboard_data(workspace.db, template, year, territory, TODAY)[0]

    def filled():  # the figures, every chart painted, the map filled and painted
        shown = dashboard()
        views.paint_charts(shown)
        views.fill_map(shown)

    measures = {
        "naive_loads_ms": naive,
        "count_ms": lambda: conn.execute("SELECT count(*) FROM visits").fetchone(),
        "figures_ms": dashboard,
        "region_ms": lambda: dashboard(region),
        "report_figures_ms": lambda: compute_figures(workspace.db, template, year, today=TODAY),
        "charts_ms": lambda: views.paint_charts(figures),
        "map_ms": lambda: views.fill_map(figures),
        "filled_ms": filled,
    }
    times: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(7):
        for name, function in measures.items():
            times[name].append(median_ms(function, repeat=1))
    got = {name: statistics.median(values) for name, values in times.items()}
    loads = got["naive_loads_ms"]
    print(f"Ligne de base  SELECT count(*)              : {got['count_ms']:8.2f} ms")
    print(f"Ligne de base  json.loads de chaque visite  : {loads:8.2f} ms")
    for name, label in (
        ("figures_ms", "Chiffres 2025 du tableau de bord, tout le réseau"),
        ("region_ms", "Chiffres 2025 du tableau de bord, une région"),
        ("report_figures_ms", "Chiffres 2025 du bilan (avec la liste des visites)"),
        ("charts_ms", f"Chaque graphique dessiné ({len(figures.figures)})"),
        ("map_ms", f"Carte remplie et dessinée ({len(figures.venues)} lieux)"),
        ("filled_ms", "Tableau de bord et carte remplis (le tout)"),
    ):
        print(f"{label:50s}: {got[name]:8.2f} ms  (×{got[name] / loads:.2f} la lecture naïve)")
    return got


class _Views:
    """The dashboard's chart and map, offscreen, at the window's sizes."""

    def __init__(self) -> None:
        from desktop.ui.views.dashboard_charts import BarChart
        from desktop.ui.views.map_view import MapView

        self.chart, self.map = BarChart(), MapView()
        self.chart.resize(900, 500)
        self.map.resize(900, 700)

    def paint_charts(self, figures) -> None:
        for figure in figures.figures:
            self.chart.set_figure(figure)
            self.chart.grab()

    def fill_map(self, figures) -> None:
        self.map.show_figures(figures)
        self.map.grab()


def _views() -> _Views:
    from PySide6.QtWidgets import QApplication

    global _APP  # kept alive while the views live
    _APP = QApplication.instance() or QApplication([])
    return _Views()


if __name__ == "__main__":
    main()
