"""One writer, one clock: every write goes through the data service, stamps only move on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from desktop.core.merge import exchange
from desktop.core.merge.conflicts import list_conflicts
from desktop.core.merge.hlc import MAX_COUNTER, HybridClock, Stamp, wall_clock_ms
from desktop.core.storage.data_service import get_meta
from desktop.core.storage.workspace import open_workspace

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
HOUR_MS = 3_600_000
WRITE_TRANSACTION = re.compile(r"(?<![\w.])transaction\(|[\"']BEGIN")


def test_only_the_data_service_opens_write_transactions():
    writers = sorted(
        str(path.relative_to(DESKTOP))
        for path in DESKTOP.rglob("*.py")
        if WRITE_TRANSACTION.search(path.read_text("utf-8"))
    )
    # backup.py writes its manifest into the backup copy, a file of its own being made.
    assert writers == ["core/backups/making.py", "core/storage/data_service.py"]
    backup_source = (DESKTOP / "core" / "backups" / "making.py").read_text("utf-8")
    assert WRITE_TRANSACTION.findall(backup_source) == ['"BEGIN']


def test_the_read_connections_cannot_write(workspace):
    with pytest.raises(Exception, match="readonly"):
        workspace.db.conn.execute("UPDATE meta SET value = 'x' WHERE key = 'device_id'")
    copy = workspace.worker_copy()
    try:
        with pytest.raises(Exception, match="readonly"):
            copy.db.conn.execute("DELETE FROM venues")
    finally:
        copy.close()
    assert workspace.service.db.conn is not workspace.db.conn


def _stamp_of(workspace, record_id: str, key: str) -> str:
    return workspace.store.field_stamps(record_id)[key]["stamp"]


def _clock(workspace) -> str:
    return get_meta(workspace.db, "clock")


def test_a_colleague_an_hour_ahead_never_puts_a_later_local_edit_behind(tmp_path):
    window = open_workspace(tmp_path / "alice")
    worker = open_workspace(tmp_path / "alice")  # a sync pass or a command: its own service
    bob = open_workspace(tmp_path / "bob", now_ms=lambda: wall_clock_ms() + HOUR_MS)
    try:
        venue = window.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
        visit = window.store.create_visit(venue.id, "2025-02-11")
        bob.store.service.call(
            lambda w: exchange.merge_document(w.store, exchange.export_document(window.store))
        )
        bob.store.update_visit(visit.id, {"economic_notes": "Bob, une heure d'avance"})
        clocks = [_clock(window)]
        exchange.import_document(worker.store, exchange.export_document(bob.store))
        clocks.append(_clock(window))
        bobs = _stamp_of(window, visit.id, "economic_notes")
        window.store.update_visit(visit.id, {"economic_notes": "Alice, après avoir lu Bob"})
        clocks.append(_clock(window))
        assert _stamp_of(window, visit.id, "economic_notes") > bobs
        exchange.import_document(bob.store, exchange.export_document(window.store))
        for laptop in (window, bob):
            assert laptop.store.get_visit(visit.id).data["economic_notes"] == (
                "Alice, après avoir lu Bob"
            )
            assert list_conflicts(laptop.store) == []
        assert clocks == sorted(clocks)
    finally:
        for ws in (window, worker, bob):
            ws.close()


def test_the_counter_keeps_its_order_past_99999():
    clock = HybridClock("dev", now_ms=lambda: 1_000)
    stamps = [clock.tick() for _ in range(MAX_COUNTER + 5)]
    encoded = [s.encode() for s in stamps]
    assert encoded == sorted(encoded)
    assert len(set(encoded)) == len(encoded)
    assert max(len(e) for e in encoded) == len(encoded[0])
    assert Stamp.decode(encoded[-1]) == stamps[-1]


class FakeTime:
    """A wall clock the test moves, forwards or backwards (no sleep orders the stamps)."""

    def __init__(self) -> None:
        self.ms = 1_700_000_000_000

    def __call__(self) -> int:
        return self.ms


steps = st.lists(
    st.tuples(
        st.sampled_from(["edit-window", "edit-worker", "import", "restart", "clock"]),
        st.integers(-2 * HOUR_MS, 2 * HOUR_MS),
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=12,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=steps)
def test_meta_clock_never_decreases_and_each_edit_follows_the_one_it_replaces(
    tmp_path_factory, steps
):
    root = tmp_path_factory.mktemp("interleavings")
    time, colleague_time = FakeTime(), FakeTime()
    open_here = lambda: open_workspace(root / "moi", now_ms=time)  # noqa: E731
    window, worker = open_here(), open_here()
    colleague = open_workspace(root / "collegue", now_ms=colleague_time)
    try:
        venue = window.store.create_venue({"name": "Le Tiers-Lieu", "commune": "Aubusson"})
        visit = window.store.create_visit(venue.id, "2025-03-14")
        colleague.store.service.call(
            lambda w: exchange.merge_document(w.store, exchange.export_document(window.store))
        )
        clocks = [_clock(window)]
        for number, (action, shift) in enumerate(steps):
            before = window.store.field_stamps(visit.id).get("economic_notes", {}).get("stamp", "")
            if action == "clock":
                time.ms += shift  # the laptop's clock is set back or forward
            elif action == "import":
                colleague_time.ms = time.ms + shift
                colleague.store.update_visit(visit.id, {"economic_notes": f"collègue {number}"})
                exchange.import_document(worker.store, exchange.export_document(colleague.store))
            elif action == "restart":
                window.close()
                window = open_here()
            else:
                editor = window if action == "edit-window" else worker
                editor.store.update_visit(visit.id, {"economic_notes": f"ici {number}"})
                assert _stamp_of(window, visit.id, "economic_notes") > before
            clocks.append(_clock(window))
        assert clocks == sorted(clocks)
        assert _clock(window) >= max(
            r[0] for r in window.db.conn.execute("SELECT stamp FROM field_stamps")
        )
    finally:
        for ws in (window, worker, colleague):
            ws.close()


def test_an_editor_writing_over_a_value_it_never_showed_keeps_both(store, visit):
    shown = store.update_visit(visit.id, {"economic_notes": "Texte affiché"}).stamps
    store.update_visit(visit.id, {"economic_notes": "VALEUR CLI"})  # underneath the editor
    result = store.update_visit(visit.id, {"economic_notes": "Texte affiché + frappe"}, bases=shown)
    assert result.conflicts == ("economic_notes",)
    [conflict] = list_conflicts(store)
    assert conflict.current.value == "Texte affiché + frappe"
    assert conflict.other.value == "VALEUR CLI"


def test_an_editor_that_saw_the_latest_value_makes_no_conflict(store, visit):
    shown = store.update_visit(visit.id, {"economic_notes": "v1"}).stamps
    shown = store.update_visit(visit.id, {"economic_notes": "v2"}, bases=shown).stamps
    store.update_visit(visit.id, {"economic_notes": "v3"}, bases=shown)
    assert list_conflicts(store) == []


def test_a_deletion_that_missed_an_edit_is_a_conflict_and_a_restore_answers_it(tmp_path):
    alice, bob = open_workspace(tmp_path / "alice"), open_workspace(tmp_path / "bob")
    try:
        venue = alice.store.create_venue({"name": "La Friche", "commune": "Tulle"})
        visit = alice.store.create_visit(venue.id, "2025-04-01")
        exchange.import_document(bob.store, exchange.export_document(alice.store))
        alice.store.delete_visit(visit.id)
        bob.store.update_visit(visit.id, {"strengths": "Une équipe soudée"})
        exchange.import_document(bob.store, exchange.export_document(alice.store))
        assert bob.store.get_visit(visit.id).deleted_at is not None
        [conflict] = list_conflicts(bob.store)
        assert conflict.is_deletion
        assert conflict.other.device_id == bob.store.author.device_id
        from desktop.core.merge.conflicts import resolve_conflict
        from desktop.core.merge.field_merge import MISSING

        resolve_conflict(bob.store, conflict, MISSING)
        assert bob.store.get_visit(visit.id).deleted_at is None
        assert bob.store.get_visit(visit.id).data["strengths"] == "Une équipe soudée"
        exchange.import_document(alice.store, exchange.export_document(bob.store))
        assert alice.store.get_visit(visit.id).deleted_at is None
        assert list_conflicts(alice.store) == list_conflicts(bob.store) == []
    finally:
        alice.close()
        bob.close()


def test_each_mutation_is_broadcast_once_with_what_it_changed(workspace, venue):
    seen = []
    workspace.service.subscribe(seen.append)
    visit = workspace.store.create_visit(venue.id, "2025-05-02")
    workspace.store.update_visit(visit.id, {"strengths": "Accueil"})
    assert [c.ids("visits") for c in seen] == [{visit.id}, {visit.id}]
    assert seen[1].fields_of("visits", visit.id) == {"strengths"}


def _sync_level(writer) -> int:
    return writer.db.conn.execute("PRAGMA synchronous").fetchone()[0]


def test_a_redoable_write_commits_without_waiting_and_every_other_write_waits(workspace):
    """A share's files merged may commit unsynced (the next pass reads them again); what
    comes after, a user's edit above all, commits waiting for the disk, failure or not."""
    normal, full = 1, 2
    service = workspace.service
    assert service.submit(_sync_level, redoable=True).result() == normal
    assert service.call(_sync_level) == full

    def refused(writer):
        raise ValueError("refusée")

    with pytest.raises(ValueError):
        service.submit(refused, redoable=True).result()
    assert service.call(_sync_level) == full
    assert service.submit(_sync_level).result() == full
