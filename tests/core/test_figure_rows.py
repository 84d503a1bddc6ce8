"""The dashboard's derived table (figure_visits, migration 12) stays equal to a
recomputation from visits.data after every kind of write: an edit, a new visit carrying
over, a deletion and its restore, a purge, a share's document merged, a conflict resolved,
an erasure, a bulk insert, INSERT OR REPLACE, a backup restored, data that is not JSON, a
record naming no template, a template whose hints changed."""

from __future__ import annotations

import json

import pytest

from desktop.core.merge.conflicts import list_conflicts, resolve_conflict
from desktop.core.merge.exchange import export_document, import_document
from desktop.core.network_figures.compute import compute_figures
from desktop.core.network_figures.model import Period
from desktop.core.privacy.erasure import erase_person
from desktop.core.storage.figure_rows import refill
from desktop.core.storage.workspace import open_workspace
from tests.core.figure_rows import assert_figures_in_step, stored, tokens_stored

US = "\x1f"
VALUES = {
    "legal_form": "scic",
    "activity_types": ["fablab_makerspace_hackerspace", "cuisine_partagee", "", None],
    "support_needs": ["acces_au_foncier"],
    "public_funding_pct": 42.5,
    "facilitator": "Camille Martin",
}


@pytest.fixture
def described(store, venue):
    """A visit with a select, a multiselect (with empty items), a percent and an author."""
    visit = store.create_visit(venue.id, "2025-03-14")
    store.update_visit(visit.id, VALUES)
    return visit


def test_an_edited_visit_keeps_its_row_in_step(workspace, store, described):
    assert_figures_in_step(workspace)
    assert tokens_stored(workspace, described.id) == {
        f"legal_form{US}scic",
        f"activity_types{US}fablab_makerspace_hackerspace",
        f"activity_types{US}cuisine_partagee",
        f"support_needs{US}acces_au_foncier",
        f"public_funding_pct{US}42.5",
    }
    store.update_visit(described.id, {"legal_form": None, "visit_date": "2025-04-02",
                                      "public_funding_pct": "beaucoup"})  # fmt: skip
    assert_figures_in_step(workspace)
    [row] = stored(workspace)
    assert row[1] == "2025-04-02" and f"legal_form{US}scic" not in row[-1]
    assert not any(token.startswith("public_funding_pct") for token in row[-1])


def test_a_new_visit_carrying_over_has_its_row(workspace, store, venue, described):
    new = store.create_visit(venue.id, "2025-06-01")  # legal_form carries over
    assert_figures_in_step(workspace)
    assert f"legal_form{US}scic" in tokens_stored(workspace, new.id)


def test_a_visit_moved_to_another_venue_follows_it(workspace, store, described):
    other = store.create_venue({"name": "La Friche", "commune": "Tulle"})
    workspace.service.call(
        lambda writer: writer.db.conn.execute(
            "UPDATE visits SET venue_id = ? WHERE id = ?", (other.id, described.id)
        )
    )
    assert_figures_in_step(workspace)
    assert [row[4] for row in stored(workspace)] == [other.id]


def test_a_deleted_visit_leaves_and_a_restore_brings_it_back(workspace, store, described):
    store.delete_visit(described.id)
    assert stored(workspace) == set()
    store.restore_visit(described.id)
    assert_figures_in_step(workspace)
    assert len(stored(workspace)) == 1


def test_a_purged_visit_leaves_no_row(workspace, store, described):
    store.delete_visit(described.id)
    store.purge([("visits", described.id)])
    assert stored(workspace) == set()
    assert_figures_in_step(workspace)


def test_a_share_document_merged_in_fills_and_updates_the_row(
    tmp_path, workspace, store, described
):
    colleague = open_workspace(tmp_path / "colleague")
    try:
        import_document(colleague.store, json.loads(json.dumps(export_document(store))))
        assert_figures_in_step(colleague)
        assert tokens_stored(colleague, described.id) == tokens_stored(workspace, described.id)
        store.update_visit(described.id, {"legal_form": "scop", "support_needs": []})
        import_document(colleague.store, json.loads(json.dumps(export_document(store))))
        assert_figures_in_step(colleague)
        assert f"legal_form{US}scop" in tokens_stored(colleague, described.id)
        store.delete_visit(described.id)  # a deletion travels too
        import_document(colleague.store, json.loads(json.dumps(export_document(store))))
        assert stored(colleague) == set()
    finally:
        colleague.close()


def test_a_resolved_conflict_is_in_step(workspace, store, described):
    bases = {"legal_form": store.field_stamps(described.id)["legal_form"]["stamp"]}
    store.update_visit(described.id, {"legal_form": "scop"})  # written underneath the editor
    store.update_visit(described.id, {"legal_form": "sarl_sas_sa"}, bases=bases)
    [conflict] = list_conflicts(store)
    assert_figures_in_step(workspace)
    resolve_conflict(store, conflict, conflict.other.value)
    assert_figures_in_step(workspace)


def test_an_erased_person_leaves_the_author_column(workspace, store, described):
    erase_person(store, "Camille Martin")
    assert_figures_in_step(workspace)
    assert "Camille" not in str(stored(workspace))


def _copies(workspace, visit_id: str, count: int, data: dict) -> tuple[list[str], list[list]]:
    names = [d[0] for d in workspace.db.conn.execute("SELECT * FROM visits LIMIT 0").description]
    row = workspace.db.conn.execute("SELECT * FROM visits WHERE id = ?", (visit_id,)).fetchone()
    rows = []
    for number in range(count):
        copy = dict(zip(names, row, strict=True))
        copy["id"] = f"bulk{number:04d}" if count > 1 else visit_id
        copy["data"] = json.dumps(data)
        rows.append([copy[n] for n in names])
    return names, rows


def test_a_bulk_insert_in_one_statement_fills_the_rows(workspace, store, described):
    names, rows = _copies(workspace, described.id, 50, {"tenure": "proprietaire", **VALUES})
    marks = ", ".join("?" for _ in names)
    workspace.service.call(
        lambda writer: writer.db.conn.executemany(
            f"INSERT INTO visits ({', '.join(names)}) VALUES ({marks})", rows
        )
    )
    assert_figures_in_step(workspace)
    assert len(stored(workspace)) == 51


def test_a_visit_row_replaced_whole_keeps_its_row_in_step(workspace, store, described):
    """INSERT OR REPLACE deletes the old row without firing its delete trigger."""
    names, rows = _copies(workspace, described.id, 1, {"visit_date": "2025-03-14"})
    marks = ", ".join("?" for _ in names)
    workspace.service.call(
        lambda writer: writer.db.conn.execute(
            f"INSERT OR REPLACE INTO visits ({', '.join(names)}) VALUES ({marks})", rows[0]
        )
    )
    assert_figures_in_step(workspace)
    assert tokens_stored(workspace, described.id) == set()


def test_data_that_is_not_json_and_a_record_naming_no_template(workspace, store, venue):
    broken = store.create_visit(venue.id, "2025-01-01")
    legacy = store.create_visit(venue.id, "2025-02-01")
    store.update_visit(legacy.id, {"legal_form": "scop"})

    def write(writer) -> None:
        run = writer.db.conn.execute
        run("UPDATE visits SET data = ? WHERE id = ?", ('{"legal_form": [NaN', broken.id))
        run("UPDATE visits SET template_id = NULL WHERE id = ?", (legacy.id,))

    workspace.service.call(write)
    assert_figures_in_step(workspace)
    assert tokens_stored(workspace, broken.id) == set()  # still a live visit, no values
    assert tokens_stored(workspace, legacy.id) == {f"legal_form{US}scop"}  # read as a visit
    figures = compute_figures(workspace.db, workspace.templates.visit, Period.year(2025))
    assert figures.visits_in_period == 2
    assert {b.key: b.total for b in figures.figure("legal_form").bars if b.total} == {"scop": 1}


def test_values_of_other_types_as_the_figures_read_them(workspace, store, venue):
    visit = store.create_visit(venue.id, "2025-01-01")
    odd = {"legal_form": True, "tenure": 3, "domain": {"a": 1}, "labels": [["x"], "a\x1eb", 2],
           "public_funding_pct": [50], "budget_band": ""}  # fmt: skip
    workspace.service.call(
        lambda writer: writer.db.conn.execute(
            "UPDATE visits SET data = ? WHERE id = ?", (json.dumps(odd), visit.id)
        )
    )
    assert_figures_in_step(workspace)
    assert tokens_stored(workspace, visit.id) == {
        f"legal_form{US}True", f"tenure{US}3", f"labels{US}a b", f"labels{US}2"
    }  # fmt: skip


def test_hints_that_changed_refill_the_rows_at_the_next_start(tmp_path):
    """A database whose keys are another template version's (or none: a restored older
    backup) gets its rows refilled when the data service starts."""
    folder = tmp_path / "data"
    ws = open_workspace(folder)
    venue = ws.store.create_venue({"name": "La Friche", "commune": "Tulle"})
    visit = ws.store.create_visit(venue.id, "2025-04-01")
    ws.store.update_visit(visit.id, VALUES)

    def stale(writer) -> None:
        writer.db.conn.execute("DELETE FROM figure_keys WHERE key = 'legal_form'")
        refill(writer.db.conn)

    ws.service.call(stale)
    assert f"legal_form{US}scic" not in tokens_stored(ws, visit.id)
    ws.close()
    ws = open_workspace(folder)
    try:
        assert_figures_in_step(ws)
        assert f"legal_form{US}scic" in tokens_stored(ws, visit.id)
    finally:
        ws.close()


def test_a_restored_backup_has_its_rows_in_step(tmp_path, workspace, store, described):
    from desktop.core.backups.making import make_backup
    from desktop.core.backups.restore import restore

    db_path = workspace.data_dir / "carnet.sqlite"
    info = make_backup(db_path, tmp_path / "backups")
    store.update_visit(described.id, {"legal_form": "scop"})
    restore(info.path, db_path, tmp_path / "backups", service=workspace.service)
    assert_figures_in_step(workspace)
    assert f"legal_form{US}scic" in tokens_stored(workspace, described.id)


def test_a_network_template_with_its_own_choice_field_gets_its_figure(tmp_path):
    """No Python per field: a choice field added to the template (an enumeration in the
    JSON Schema) is kept in the derived table and charted."""
    from dataclasses import replace

    from desktop.core.forms.templates import TemplateSet, template_from_schema
    from tests.sync.network_template_files import carnet_visit_sheet

    schema = carnet_visit_sheet()  # a fresh copy, read from its file
    props = schema["properties"]
    props["statut_foncier"] = {**props["tenure"], "title": "Statut foncier", "x-order": 41}
    templates = replace(TemplateSet.load(), visit=template_from_schema(schema, check=False))
    ws = open_workspace(tmp_path / "data", templates=templates)
    try:
        venue = ws.store.create_venue({"name": "La Friche", "commune": "Tulle"})
        visit = ws.store.create_visit(venue.id, "2025-04-01")
        ws.store.update_visit(visit.id, {"statut_foncier": "proprietaire"})
        assert_figures_in_step(ws)
        figures = compute_figures(ws.db, templates.visit, Period.year(2025))
        figure = figures.figure("statut_foncier")
        assert figure is not None and figure.title == "Statut foncier"
        assert {b.key: b.venue_ids for b in figure.bars if b.total} == {"proprietaire": (venue.id,)}
    finally:
        ws.close()


def test_a_value_twice_in_a_list_counts_its_venue_once(workspace, store, venue):
    visit = store.create_visit(venue.id, "2025-05-01")
    twice = ["cuisine_partagee", "cuisine_partagee"]
    store.update_visit(
        visit.id, {"activity_types": twice, "support_needs": ["acces_au_foncier"] * 2}
    )
    assert_figures_in_step(workspace)
    figures = compute_figures(workspace.db, workspace.templates.visit, Period.year(2025))
    for key, value in (
        ("activity_types", "cuisine_partagee"),
        ("support_needs", "acces_au_foncier"),
    ):
        [bar] = [b for b in figures.figure(key).bars if b.key == value]
        assert bar.values == (1,) and bar.venue_ids == (venue.id,)
