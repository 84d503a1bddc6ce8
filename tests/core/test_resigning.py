"""Re-signing this laptop's visits with the name given (core/storage/resigning.py): in
batches, each its own transaction; interrupted, taken up again at the next start; only
this laptop's visits signed with an earlier name change, as stamped edits."""

from __future__ import annotations

import json
import threading

import pytest

from desktop.core.merge import exchange
from desktop.core.storage import resigning
from desktop.core.storage.data_service import system_user_name
from desktop.core.storage.identity import set_identity
from desktop.core.storage.resigning import pending_names, resign_all
from desktop.core.storage.workspace import open_workspace

LOGIN = system_user_name()


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(resigning, "BATCH", 4)
    monkeypatch.setattr(resigning, "WINDOW", 9)


def _visits(store, venue_id: str, count: int) -> list[str]:
    return [store.create_visit(venue_id, f"2025-01-{1 + i % 28:02d}").id for i in range(count)]


def _rows(workspace) -> dict[str, tuple]:
    """Every visit's stored row and its author field's stamp."""
    conn = workspace.db.conn
    stamps = {
        record_id: (stamp, device, user)
        for record_id, stamp, device, user in conn.execute(
            "SELECT record_id, stamp, device_id, user_name FROM field_stamps "
            "WHERE field = 'facilitator'"
        )
    }
    rows = conn.execute("SELECT id, data, author, search_text, error_count FROM visits")
    return {r[0]: (json.loads(r[1]), r[2], r[3], r[4], stamps.get(r[0])) for r in rows}


@pytest.fixture
def mixed(tmp_path, workspace, store):
    """Ours signed with the login name (many), ours signed by someone else, ours with no
    author, and a colleague's laptop's visit signed with the same login name."""
    venue = store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    mine = _visits(store, venue.id, 30)
    store.update_visit(mine[3], {"decision_making": "Collège solidaire"})
    theirs = store.create_visit(venue.id, "2025-02-01").id
    store.update_visit(theirs, {"facilitator": "Dominique"})
    blank = store.create_visit(venue.id, "2025-02-02").id
    store.update_visit(blank, {"facilitator": ""})
    colleague = open_workspace(tmp_path / "colleague")
    try:
        place = colleague.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
        elsewhere = colleague.store.create_visit(place.id, "2025-03-01").id
        exchange.export_json(colleague.store, tmp_path / "colleague.json")
    finally:
        colleague.close()
    exchange.import_json(store, tmp_path / "colleague.json")
    assert store.get_visit(elsewhere).author == LOGIN
    return {"mine": mine, "others": {theirs, blank, elsewhere}}


def test_only_this_laptops_visits_signed_with_the_earlier_name_change(
    workspace, store, mixed, small_batches
):
    before = _rows(workspace)
    reports = []
    assert set_identity(workspace, "Camille Martin", "Réseau Creusois")
    assert workspace.setting("user_name") == "Camille Martin"  # saved at once
    assert pending_names(workspace.setting) == (LOGIN,)
    assert resign_all(workspace, reports.append) == 30
    after = _rows(workspace)
    changed = {rid for rid in before if before[rid] != after[rid]}
    assert changed == set(mixed["mine"])
    for rid in changed:
        data, author, text, errors, stamp = after[rid]
        assert data == {**before[rid][0], "facilitator": "Camille Martin"}  # nothing else
        assert author == "Camille Martin" and "Camille Martin" in text
        assert errors == before[rid][3]
        assert stamp[0] > before[rid][4][0]  # a later stamp: colleagues take it
        assert stamp[1:] == (store.author.device_id, "Camille Martin")
    assert pending_names(workspace.setting) == ()
    # Batch after batch; the visit with no author is looked at (its author column holds
    # the name that stood in when it was written) and left alone.
    assert len(reports) >= 31 // 4 and reports[-1] == (31, 31)
    hits = store.search_visits("Camille Martin")
    assert {hit.visit_id for hit in hits} == set(mixed["mine"])


def test_each_batch_is_its_own_transaction_and_others_write_between(
    workspace, store, mixed, small_batches
):
    commits = []
    workspace.service.subscribe(lambda changes: commits.append(changes.ids("visits")))
    set_identity(workspace, "Camille Martin")
    resign_all(workspace)
    batches = [ids for ids in commits if ids]
    assert len(batches) >= 30 // 4
    assert all(len(ids) <= 4 for ids in batches)
    assert set().union(*batches) == set(mixed["mine"])


def test_stopped_midway_the_next_start_takes_up_the_rest(
    tmp_path, workspace, store, mixed, monkeypatch
):
    resigning_batch = 4
    stop = threading.Event()
    monkeypatch.setattr(resigning, "BATCH", resigning_batch)
    set_identity(workspace, "Camille Martin")
    signed = resign_all(workspace, lambda _progress: stop.set(), stop)
    assert signed == resigning_batch  # one batch, whole, then it stopped
    done = {rid for rid in mixed["mine"] if store.get_visit(rid).author == "Camille Martin"}
    assert len(done) == resigning_batch
    assert pending_names(workspace.setting) == (LOGIN,)  # what is left is known
    workspace.close()

    again = open_workspace(tmp_path / "data")  # the next start
    try:
        assert again.store.author.user_name == "Camille Martin"
        assert resign_all(again) == 30 - resigning_batch
        authors = {rid: again.store.get_visit(rid).author for rid in mixed["mine"]}
        assert set(authors.values()) == {"Camille Martin"}
        assert {again.store.get_visit(rid).author for rid in mixed["others"]} == {
            "Dominique",
            LOGIN,
        }
        assert pending_names(again.setting) == ()
    finally:
        again.close()


def test_a_name_changed_again_midway_reaches_every_visit(workspace, store, mixed, small_batches):
    stop = threading.Event()
    set_identity(workspace, "Camille")
    resign_all(workspace, lambda _progress: stop.set(), stop)  # one batch as « Camille »
    set_identity(workspace, "Camille Martin")
    assert pending_names(workspace.setting) == (LOGIN, "Camille")
    assert resign_all(workspace) == 30
    assert {store.get_visit(rid).author for rid in mixed["mine"]} == {"Camille Martin"}


def test_a_name_changed_between_two_batches_starts_over(workspace, store, mixed, small_batches):
    set_identity(workspace, "Camille")
    renamed = []

    def rename_once(_progress):
        if not renamed:  # the user changes the name again while the job runs
            renamed.append(set_identity(workspace, "Camille Martin"))

    resign_all(workspace, rename_once)
    assert {store.get_visit(rid).author for rid in mixed["mine"]} == {"Camille Martin"}
    assert pending_names(workspace.setting) == ()


def test_the_same_name_again_or_nothing_to_sign_leaves_nothing_pending(workspace, store):
    venue = store.create_venue({"name": "La Ruche"})
    visit = store.create_visit(venue.id, "2025-03-14")
    set_identity(workspace, "Camille")
    assert resign_all(workspace) == 1
    assert not set_identity(workspace, "Camille")  # unchanged: nothing to do
    assert resign_all(workspace) == 0
    assert store.get_visit(visit.id).author == "Camille"
