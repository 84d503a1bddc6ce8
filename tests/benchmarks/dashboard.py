"""Benchmark: the network figures (« Tableau de bord », map, report) at the national scale:
3,500 venues and 20,000 visits (issue 17).

Run: .venv/bin/python tests/benchmarks/dashboard.py
Prints, against baselines measured in the same run (median of 7):
- baseline: a bare `SELECT count(*) FROM visits`, and json.loads of every live visit's data
  (what a naive dashboard would do before counting anything);
- compute_figures for a year, everywhere and for one région;
- every chart painted, and the map filled and painted, offscreen.
Target: under 300 ms. Data cached in <tmp>/carnet-bench/dashboard-20000.
"""

from __future__ import annotations

import json
import os
import random
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
from desktop.core.network_figures.compute import compute_figures  # noqa: E402
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
    """Prints the figures; returns them (ms) for run_all.py."""
    workspace = build(CACHE)
    conn, template, year = workspace.db.conn, workspace.templates.visit, Period.year(2025)
    figures = compute_figures(workspace.db, template, year, today=TODAY)
    print(f"{len(figures.venues)} lieux, {figures.visits_in_period} visites en 2025, "
          f"{len(figures.figures)} graphiques")  # fmt: skip
    count = median_ms(lambda: conn.execute("SELECT count(*) FROM visits").fetchone())

    def naive():
        rows = conn.execute("SELECT data FROM visits WHERE deleted_at IS NULL").fetchall()
        return [json.loads(r[0]) for r in rows]

    loads = median_ms(naive)
    everywhere = median_ms(lambda: compute_figures(workspace.db, template, year, today=TODAY))
    region = Territory(region="Bretagne")
    one = median_ms(lambda: compute_figures(workspace.db, template, year, region, today=TODAY))
    print(f"Ligne de base  SELECT count(*)              : {count:8.2f} ms")
    print(f"Ligne de base  json.loads de chaque visite  : {loads:8.2f} ms")
    print(f"Chiffres 2025, tout le réseau               : {everywhere:8.2f} ms  "
          f"(×{everywhere / loads:.2f} la lecture naïve)")  # fmt: skip
    print(f"Chiffres 2025, une région                   : {one:8.2f} ms")
    charts_ms, map_ms = _bench_views(workspace, figures)
    return {"figures_ms": everywhere, "naive_loads_ms": loads, "region_ms": one,
            "charts_ms": charts_ms, "map_ms": map_ms}  # fmt: skip


def _bench_views(workspace, figures) -> tuple[float, float]:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.views.dashboard_charts import BarChart

    app = QApplication.instance() or QApplication([])
    chart = BarChart()
    chart.resize(900, 500)

    def paint():
        for figure in figures.figures:
            chart.set_figure(figure)
            chart.grab()

    charts_ms = median_ms(paint)
    print(f"Chaque graphique dessiné ({len(figures.figures)})     : {charts_ms:8.2f} ms")
    from desktop.ui.views.map_view import MapView

    view = MapView()
    view.resize(900, 700)

    def fill_map():
        view.show_figures(figures)
        view.grab()

    map_ms = median_ms(fill_map)
    print(f"Carte remplie et dessinée ({len(figures.venues)} lieux) : {map_ms:8.2f} ms")
    app.processEvents()
    return charts_ms, map_ms


if __name__ == "__main__":
    main()
