"""The follow-up's derived tables stay equal to a recomputation from visits.data after
every kind of write: an edit, a deletion and its restore, a purge, a share's document
merged, a conflict resolved, an erasure, a bulk insert, a backup restored, a template
whose hints changed."""

from __future__ import annotations

import json

import pytest

from desktop.core.followup.derived import refill
from desktop.core.followup.load import load_followup
from desktop.core.merge.conflicts import list_conflicts, resolve_conflict
from desktop.core.merge.exchange import export_document, import_document
from desktop.core.privacy.erasure import erase_person
from desktop.core.storage.workspace import open_workspace
from tests.core.followup_rows import assert_in_step, stored

ACTIONS = [
    {"what": "Relancer la commune", "who": "Camille", "due": "2025-04-01", "status": "a_faire"},
    {"what": "Envoyer le bilan", "who": "Sami", "due": "2025-05-15", "status": "fait"},
    {"what": "Sans date ni statut"},
]


@pytest.fixture
def planned(store, venue):
    """A visit with three actions (one done), an agreement end and a next visit."""
    visit = store.create_visit(venue.id, "2025-03-14")
    store.update_visit(
        visit.id, {"actions": ACTIONS, "end_date": "2026-09-30", "next_visit": "2025-10-01"}
    )
    return visit


def test_an_edited_visit_keeps_its_rows_in_step(workspace, store, planned):
    assert_in_step(workspace)
    actions, records = stored(workspace)
    assert len(actions) == 3 and [r[4:] for r in records] == [("2026-09-30", "2025-10-01")]
    assert sum(a[-1] for a in actions) == 1  # « fait »
    store.update_visit(
        planned.id, {"actions": ACTIONS[:1], "end_date": None, "visit_date": "2025-03-20"}
    )
    assert_in_step(workspace)
    assert [a[2] for a in stored(workspace)[0]] == ["2025-03-20"]
    store.update_visit(planned.id, {"actions": None})
    assert_in_step(workspace)
    assert stored(workspace)[0] == set()


def test_a_new_visit_carrying_over_has_its_rows(workspace, store, venue, planned):
    store.create_visit(venue.id, "2025-06-01")  # end_date carries over, actions do not
    assert_in_step(workspace)
    assert len(stored(workspace)[1]) == 2


def test_a_deleted_visit_leaves_the_suivi_and_a_restore_brings_it_back(workspace, store, planned):
    template = workspace.templates.visit
    assert len(load_followup(workspace.db, template).actions) == 3
    store.delete_visit(planned.id)
    assert_in_step(workspace)
    assert stored(workspace) == (set(), set())
    assert load_followup(workspace.db, template).actions == ()
    store.restore_visit(planned.id)
    assert_in_step(workspace)
    assert len(load_followup(workspace.db, template).actions) == 3


def test_a_purged_visit_leaves_no_row(workspace, store, planned):
    store.delete_visit(planned.id)
    store.restore_visit(planned.id)
    store.delete_visit(planned.id)
    store.purge([("visits", planned.id)])
    assert workspace.db.conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 0
    assert stored(workspace) == (set(), set())


def test_an_action_marked_done_is_done_in_the_table(workspace, store, planned):
    from desktop.core.followup.actions import set_action_status

    set_action_status(store, planned.id, 0, "fait")
    assert_in_step(workspace)
    assert sum(a[-1] for a in stored(workspace)[0]) == 2


def test_a_share_document_merged_in_fills_and_updates_the_rows(tmp_path, workspace, store, planned):
    colleague = open_workspace(tmp_path / "colleague")
    try:
        import_document(colleague.store, json.loads(json.dumps(export_document(store))))
        assert_in_step(colleague)
        assert stored(colleague) == stored(workspace)
        store.update_visit(planned.id, {"actions": ACTIONS[1:], "next_visit": "2025-11-02"})
        counts = import_document(colleague.store, json.loads(json.dumps(export_document(store))))
        assert counts["updated"] == 1
        assert_in_step(colleague)
        assert stored(colleague) == stored(workspace)
        store.delete_visit(planned.id)  # a deletion travels too
        import_document(colleague.store, json.loads(json.dumps(export_document(store))))
        assert stored(colleague) == (set(), set())
    finally:
        colleague.close()


def test_a_resolved_conflict_on_the_actions_is_in_step(workspace, store, planned):
    shown = store.field_stamps(planned.id)
    bases = {"actions": shown["actions"]["stamp"]}
    store.update_visit(planned.id, {"actions": ACTIONS[:2]})  # written underneath the editor
    store.update_visit(planned.id, {"actions": ACTIONS[2:]}, bases=bases)
    [conflict] = list_conflicts(store)
    assert conflict.field == "actions"
    assert_in_step(workspace)
    resolve_conflict(store, conflict, conflict.other.value)
    assert_in_step(workspace)
    assert {a[4] for a in stored(workspace)[0]} == {"Relancer la commune", "Envoyer le bilan"}


def test_an_erased_person_leaves_the_actions_table(workspace, store, planned):
    erase_person(store, "Camille")
    assert_in_step(workspace)
    assert "Camille" not in {a[5] for a in stored(workspace)[0]}


def test_a_bulk_insert_in_one_statement_fills_the_rows(workspace, store, venue):
    """What a first import of a share may do: many rows inserted at once, by the writer."""
    visit = store.create_visit(venue.id, "2025-01-01")
    row = workspace.db.conn.execute("SELECT * FROM visits WHERE id = ?", (visit.id,)).fetchone()
    names = [d[0] for d in workspace.db.conn.execute("SELECT * FROM visits LIMIT 0").description]
    copies = []
    for number in range(50):
        copy = dict(zip(names, row, strict=True))
        copy["id"] = f"bulk{number:04d}"
        copy["data"] = json.dumps(
            {"visit_date": "2025-02-01", "actions": ACTIONS, "end_date": "2027-01-01"}
        )
        copies.append(copy)
    marks = ", ".join("?" for _ in names)

    def insert(writer) -> None:
        writer.db.conn.executemany(
            f"INSERT INTO visits ({', '.join(names)}) VALUES ({marks})",
            [[c[n] for n in names] for c in copies],
        )

    workspace.service.call(insert)
    assert_in_step(workspace)
    assert len(stored(workspace)[0]) == 150


def test_data_that_is_not_json_is_skipped_not_fatal(workspace, store, venue):
    visit = store.create_visit(venue.id, "2025-01-01")
    workspace.service.call(
        lambda writer: writer.db.conn.execute(
            "UPDATE visits SET data = ? WHERE id = ?", ('{"actions": [NaN', visit.id)
        )
    )
    assert stored(workspace)[0] == set()
    assert [r[0] for r in stored(workspace)[1]] == [visit.id]  # still a live visit


def test_hints_that_changed_refill_the_rows_at_the_next_start(tmp_path):
    """A database whose keys are another template version's (or none: a restored older
    backup) gets its rows refilled when the data service starts."""
    folder = tmp_path / "data"
    ws = open_workspace(folder)
    venue = ws.store.create_venue({"name": "La Friche", "commune": "Tulle"})
    visit = ws.store.create_visit(venue.id, "2025-04-01")
    ws.store.update_visit(visit.id, {"actions": ACTIONS, "end_date": "2026-01-01"})

    def stale(writer) -> None:
        writer.db.conn.execute("UPDATE followup_keys SET due = NULL, done = 'autre'")
        refill(writer.db.conn)

    ws.service.call(stale)
    assert {a[6] for a in stored(ws)[0]} == {None}
    ws.close()
    ws = open_workspace(folder)
    try:
        assert_in_step(ws)
        assert {a[6] for a in stored(ws)[0]} == {"2025-04-01", "2025-05-15", None}
    finally:
        ws.close()


def test_a_restored_backup_has_its_rows_in_step(tmp_path, workspace, store, planned):
    from desktop.core.backups.making import make_backup
    from desktop.core.backups.restore import restore

    db_path = workspace.data_dir / "carnet.sqlite"
    info = make_backup(db_path, tmp_path / "backups")
    store.update_visit(planned.id, {"actions": ACTIONS[2:]})
    restore(info.path, db_path, tmp_path / "backups", service=workspace.service)
    assert_in_step(workspace)
    assert len(stored(workspace)[0]) == 3


def test_a_network_template_with_its_own_keys_fills_the_rows_from_its_hints(tmp_path):
    """No Python per field: a template whose hints name other keys (« suites », « qui »,
    « fin_bail ») and another « done » value gets its rows, and the Suivi reads them."""
    from dataclasses import replace

    from desktop.core.forms.templates import TemplateSet, template_from_schema
    from tests.sync.network_template_files import carnet_visit_sheet

    schema = carnet_visit_sheet()  # a fresh copy, read from its file
    props = schema["properties"]
    props["suites"] = props.pop("actions")
    columns = props["suites"]["items"]["properties"]
    columns["qui"] = columns.pop("who")
    columns["status"]["x-followup-done"] = "a_faire"  # this network counts « à faire » done
    props["fin_bail"] = props.pop("end_date")
    templates = replace(TemplateSet.load(), visit=template_from_schema(schema, check=False))
    ws = open_workspace(tmp_path / "data", templates=templates)
    try:
        venue = ws.store.create_venue({"name": "La Friche", "commune": "Tulle"})
        visit = ws.store.create_visit(venue.id, "2025-04-01")
        suites = [{"what": "Relancer", "qui": "Nour", "due": "2025-05-01", "status": "a_faire"}]
        ws.store.update_visit(visit.id, {"suites": suites, "fin_bail": "2026-01-31"})
        assert_in_step(ws)
        [action] = stored(ws)[0]
        assert (action[4], action[5], action[7], action[8]) == ("Relancer", "Nour", "a_faire", 1)
        assert [r[4] for r in stored(ws)[1]] == ["2026-01-31"]
        result = load_followup(ws.db, templates.visit)
        assert [(a.field, a.responsible) for a in result.actions] == [("suites", "Nour")]
        assert result.open_actions() == [] and result.overdue_count() == 0
        assert [a.end_date for a in result.agreements] == ["2026-01-31"]
    finally:
        ws.close()


def test_a_visit_row_replaced_whole_keeps_its_rows_in_step(workspace, store, planned):
    """INSERT OR REPLACE deletes the old row without firing its delete trigger."""
    names = [d[0] for d in workspace.db.conn.execute("SELECT * FROM visits LIMIT 0").description]
    row = dict(
        zip(names, workspace.db.conn.execute("SELECT * FROM visits").fetchone(), strict=True)
    )
    row["data"] = json.dumps({"visit_date": "2025-03-14", "actions": ACTIONS[:1]})
    marks = ", ".join("?" for _ in names)
    workspace.service.call(
        lambda writer: writer.db.conn.execute(
            f"INSERT OR REPLACE INTO visits ({', '.join(names)}) VALUES ({marks})",
            [row[n] for n in names],
        )
    )
    assert_in_step(workspace)
    assert len(stored(workspace)[0]) == 1
