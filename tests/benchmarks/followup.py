"""Benchmark: the « Suivi » over 10,000 visits and 30,000 actions (issue: suivi), or
100,000 visits, 300,000 actions and 15,000 venues (run_all.py --big).

Run: .venv/bin/python tests/benchmarks/followup.py [VISITS]   (10,000 by default; 100000)
Prints, each against baselines measured in the same run (median of 7):
- baseline: a bare `SELECT count(*) FROM visits`, and reading every live visit's data
  with json.loads in Python (what a naive Suivi would do);
- load_followup: every action made an ActionItem (the core's API, no longer the view's);
- what the view reads: load_followup without the actions and the other tabs' lists, those
  tabs' counts (core/followup/tab_lists.py), the actions' counts per due date and their
  first page (core/followup/action_rows.py);
- the Suivi view filled from scratch (compute + models + first layout), offscreen; with
  another tab shown (its list read too), and a tab shown the first time after a refresh;
- a page deep in the list (scrolled to the end), a filter changed;
- marking one action done (a stamped update_visit), and from the view (its row re-read).
Target: the Suivi data and the filled view well under 200 ms.
The data folder is cached in <tmp>/carnet-bench/followup-<VISITS>, so a rerun starts at once.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.followup.load import load_followup  # noqa: E402
from desktop.core.forms.text import venue_sort_key  # noqa: E402
from desktop.core.storage.workspace import Workspace, open_workspace  # noqa: E402
from tests.benchmarks.dataset import WORDS, sentence  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "carnet-bench"
VENUES_PER_VISIT, VISITS, ACTIONS_PER_VISIT = 0.15, 10_000, 3  # 1,500 venues for 10,000
REPEAT = 7
TODAY = date(2025, 6, 15)
PEOPLE = ["Camille", "Sami", "Louise", "Nour", "Jo", "Claude", ""]


def build(data_dir: Path, visits: int = VISITS) -> Workspace:
    """1,500 venues and 10,000 visits (or as many visits, and venues in proportion) with
    the stable parts filled and 3 actions each.

    Rows are written straight into the tables (not through update_visit, which validates
    and indexes each one: some minutes for 10,000) with what the store would write.
    """
    workspace = open_workspace(data_dir)
    db = workspace.db
    if db.conn.execute("SELECT count(*) FROM visits").fetchone()[0] >= visits:
        return workspace
    rng = random.Random(11)
    now = "2025-06-01T10:00:00.000+00:00"
    venues = []

    def fill(writer) -> None:  # the one writer's connection, in its transaction
        db = writer.db
        for index in range(round(visits * VENUES_PER_VISIT)):
            name, commune = f"Tiers-lieu {index} {rng.choice(WORDS)}", rng.choice(WORDS).title()
            venue_id = uuid.uuid4().hex
            venues.append(venue_id)
            data = {"name": name, "commune": commune}
            db.conn.execute(
                "INSERT INTO venues (id, name, commune, sort_key, data, search_text, created_at, "
                "created_device, created_user, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (venue_id, name, commune, venue_sort_key(name, commune),
                 json.dumps(data, ensure_ascii=False), name, now, "bench", "bench", now),
            )  # fmt: skip
        for _ in range(visits):
            visit_date = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2350))
            data = {
                "visit_date": visit_date.isoformat(),
                "facilitator": rng.choice(PEOPLE[:-1]),
                "visit_type": rng.choice(["suivi", "diagnostic", "premier_contact"]),
                "legal_form": rng.choice(["association_loi_1901", "scic", "scop"]),
                "decision_making": sentence(rng, 30),
                "staff_fte": rng.randint(0, 8),
                "public_funders": ["commune", "region"],
                "economic_notes": sentence(rng, 40),
                "tenure": "locataire_loyer_modere",
                "agreement_type": "convention_occupation_temporaire",
                "end_date": (visit_date + timedelta(days=rng.randint(100, 1500))).isoformat(),
                "strengths": sentence(rng, 20),
                "next_visit": (visit_date + timedelta(days=rng.randint(60, 400))).isoformat(),
                "actions": [
                    {
                        "what": sentence(rng, 5),
                        "who": rng.choice(PEOPLE),
                        "due": (visit_date + timedelta(days=rng.randint(-10, 200))).isoformat(),
                        "status": rng.choice(["a_faire", "a_faire", "en_cours", "fait"]),
                    }
                    for _ in range(ACTIONS_PER_VISIT)
                ],
            }
            db.conn.execute(
                "INSERT INTO visits (id, venue_id, template_id, template_version, data, "
                "visit_date, visit_type, author, owner_device, carried_over, error_count, "
                "completeness, search_text, created_at, created_device, created_user, "
                "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (uuid.uuid4().hex, rng.choice(venues), "visit-sheet", 1,
                 json.dumps(data, ensure_ascii=False), data["visit_date"], data["visit_type"],
                 data["facilitator"], "bench", "[]", 0, 0.3, data["strengths"], now, "bench",
                 "bench", now),
            )  # fmt: skip

    workspace.service.call(fill)
    return workspace


def median_ms(function, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(visits: int = VISITS) -> dict:
    folder = CACHE / f"followup-{visits}"
    print(f"Données : {folder}")
    started = time.perf_counter()
    workspace = build(folder, visits)
    print(f"  prêtes en {time.perf_counter() - started:.1f} s")
    conn, template = workspace.db.conn, workspace.templates.visit
    visits = conn.execute("SELECT count(*) FROM visits WHERE deleted_at IS NULL").fetchone()[0]
    result = load_followup(workspace.db, template, TODAY)
    print(f"{visits} visites, {len(result.actions)} actions "
          f"({len(result.open_actions())} ouvertes), {len(result.venues)} lieux")  # fmt: skip
    del result  # 300,000 ActionItem at 100,000 visits: the app never holds them

    count = median_ms(lambda: conn.execute("SELECT count(*) FROM visits").fetchone())

    def naive():
        rows = conn.execute("SELECT data FROM visits WHERE deleted_at IS NULL").fetchall()
        return [json.loads(r[0]) for r in rows]

    loads = median_ms(naive)
    core = median_ms(lambda: load_followup(workspace.db, template, TODAY))
    read = median_ms(lambda: view_reads(workspace))
    print(f"Ligne de base  SELECT count(*)              : {count:8.2f} ms")
    print(f"Ligne de base  json.loads de chaque visite  : {loads:8.2f} ms")
    print(f"load_followup  (toutes les actions)         : {core:8.2f} ms"
          f"  ({core / loads:.2f} × json.loads)")  # fmt: skip
    print(f"Lu par la vue (sans les actions ; actions : décomptes + 1re page) : {read:8.2f} ms"
          f"  ({read / loads:.2f} × json.loads)")  # fmt: skip

    view_ms = view_figures(workspace)
    workspace.close()
    return {"core_ms": core, "read_ms": read, "naive_loads_ms": loads, "view_ms": view_ms}


def view_reads(workspace: Workspace) -> None:
    """What the Suivi view reads to fill itself (FollowupView.reload's work)."""
    from desktop.core.followup.action_rows import ActionFilter, ActionLayout, ActionRows
    from desktop.core.followup.fields import FollowupFields
    from desktop.core.followup.tab_lists import Window, tab_counts

    templates, conn = workspace.templates, workspace.db.conn
    load_followup(conn, templates.visit, TODAY, templates.others, actions=False, lists=False)
    tab_counts(conn, templates.visit, templates.others, TODAY, Window.of(TODAY, 3), 12)
    fields = {t.id: FollowupFields.of(t) for t in (templates.visit, *templates.others)}
    layout = ActionLayout.read(workspace.db.conn, fields, TODAY, ActionFilter())
    rows = ActionRows(workspace.db.conn, layout, lambda group, count: None)
    rows[1]  # noqa: B018 - the first page read


def view_figures(workspace: Workspace) -> float:
    from PySide6.QtWidgets import QApplication

    from desktop.core.followup.actions import set_action_status
    from desktop.ui.views.followup_view import FollowupView

    app = QApplication.instance() or QApplication([])

    def first():  # a new view, its columns fitted to what it shows first
        new = FollowupView(workspace.store, today=lambda: TODAY)
        new.resize(1000, 700)
        new.show()
        new.refresh()
        app.processEvents()
        return new

    def first_gone():
        started = time.perf_counter()
        new = first()
        times.append((time.perf_counter() - started) * 1000)
        new.close()
        new.deleteLater()
        app.processEvents()

    times: list[float] = []
    for _ in range(3):
        first_gone()
    print(f"Vue Suivi neuve remplie (colonnes ajustées) : {statistics.median(times):8.2f} ms")
    view = first()

    def fill():
        view.refresh()
        app.processEvents()

    ms = filled_ms = median_ms(fill)
    print(f"Vue Suivi remplie (calcul + modèles + affichage) : {ms:8.2f} ms")
    data = view.data
    ui = median_ms(lambda: (view.show_data(data), app.processEvents()))
    print(f"  dont fil de l'interface seul (show_data + affichage ; le calcul, lui, tourne "
          f"en arrière-plan dans l'app) : {ui:8.2f} ms")  # fmt: skip
    for index, name in enumerate(("conventions", "visites", "lieux")):
        view.tabs.setCurrentIndex(index + 1)
        app.processEvents()
        ms = median_ms(fill, 3)
        print(f"  … onglet {name} affiché : {ms:8.2f} ms")

    def switch(index):  # after a refresh on the actions: its list read when shown
        view.tabs.setCurrentIndex(0)
        view.refresh()
        app.processEvents()
        started = time.perf_counter()
        view.tabs.setCurrentIndex(index)
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    for index, name in enumerate(("conventions", "visites", "lieux")):
        ms = statistics.median(switch(index + 1) for _ in range(3))
        print(f"  … onglet {name} montré après une actualisation : {ms:8.2f} ms")
    view.tabs.setCurrentIndex(0)
    view.responsible.ensure_loaded()  # as when the user opens it
    flip = iter(range(1000))
    filters = median_ms(
        lambda: (view.responsible.setCurrentIndex(1 + next(flip) % 2), app.processEvents())
    )
    print(f"Filtre « responsable » changé : {filters:8.2f} ms")
    model = view.actions_model

    def deep():  # the end of the list, as after Ctrl+Fin: a page read
        view._show_actions()
        view.actions_view.scrollToBottom()
        app.processEvents()

    print(f"Fin de la liste (Ctrl+Fin : compte + page lue) : {median_ms(deep):8.2f} ms")
    action = next(model.item(r) for r in range(model.rowCount()) if model.item(r))
    started = time.perf_counter()
    set_action_status(workspace.store, action.visit_id, action.row, view.data.fields.done, action)
    marked = (time.perf_counter() - started) * 1000
    done = action._replace(what=action.what)  # put it back: the cached folder stays the same
    set_action_status(workspace.store, done.visit_id, done.row, action.status or None)
    print(f"Action marquée « fait » (update_visit)       : {marked:8.2f} ms")
    view.refresh()
    row = next(r for r in range(model.rowCount()) if model.item(r))
    action = model.item(row)
    view.actions_view.setCurrentIndex(model.index(row, 2))
    started = time.perf_counter()
    view.mark_current_done()
    app.processEvents()
    marked = (time.perf_counter() - started) * 1000
    set_action_status(workspace.store, action.visit_id, action.row, action.status or None)
    print(f"  … depuis la vue (enregistrée, décomptes et lignes relus) : {marked:8.2f} ms")
    view.close()
    return filled_ms


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else VISITS)
