"""The « Synchronisation » panel: deletion conflicts in the user's terms, clocks far ahead."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop.core.merge.conflicts import list_conflicts  # noqa: E402
from desktop.core.merge.hlc import DAY_MS, wall_clock_ms  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402
from desktop.core.sync.engine import SHARED_FOLDER, SyncEngine  # noqa: E402
from desktop.ui.dialogs.sync_panel import SyncPanel  # noqa: E402


@pytest.fixture
def laptop(tmp_path):
    """laptop("Alice") -> a workspace on the shared folder tmp_path/partage."""
    share, opened = tmp_path / "partage", []
    share.mkdir()

    def make(name: str, now_ms=wall_clock_ms):
        ws = open_workspace(tmp_path / name.lower(), now_ms=now_ms)
        ws.set_setting("user_name", name)
        ws.set_setting(SHARED_FOLDER, str(share))
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


def sync(*workspaces) -> None:
    for ws in workspaces:
        assert SyncEngine(ws).run_pass(sheets=False).ok


def row(panel: SyncPanel, index: int = 0) -> list[str]:
    return [panel.conflicts.item(index, c).text() for c in range(panel.conflicts.columnCount())]


def test_a_deletion_conflict_reads_plainly_and_restore_brings_the_visit_back(qtbot, laptop):
    alice, bob = laptop("Alice"), laptop("Bob")
    venue = alice.store.create_venue({"name": "La Scierie"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    sync(alice, bob)
    alice.store.delete_visit(visit.id)
    bob.store.update_visit(visit.id, {"strengths": "Un atelier partagé"})
    sync(alice, bob, alice, bob)

    seen_by_alice = SyncPanel(alice)
    qtbot.addWidget(seen_by_alice)
    where, what, deleted, edited = row(seen_by_alice)
    assert where.startswith("La Scierie — visite du ") and what == "Suppression"
    assert deleted.startswith("Supprimée par Alice (vous) le ")
    assert edited.startswith("Modifiée par Bob le ") and edited.endswith(", pendant ce temps")

    panel = SyncPanel(bob)
    qtbot.addWidget(panel)
    _, _, deleted, edited = row(panel)
    assert deleted.startswith("Supprimée par Alice le ")
    assert deleted.endswith(", pendant que vous la modifiiez")
    assert edited.startswith("Vos modifications du ")
    panel.conflicts.selectRow(0)
    assert panel.restore.isEnabled() and panel.keep_deleted.isEnabled()
    assert panel.keep_deleted.text() == "La&isser supprimée"
    assert not panel.edit_value.isEnabled() and not panel.keep_mine.isEnabled()
    assert not panel.open_record.isEnabled()  # in the trash: restore it to open it

    panel.restore.click()
    assert bob.store.get_visit(visit.id).deleted_at is None
    assert panel.conflicts.rowCount() == 0 and panel.tabs.tabText(0) == "Conflits (0)"
    sync(bob, alice)
    assert alice.store.get_visit(visit.id).deleted_at is None
    assert list_conflicts(alice.store) == []


def test_leave_deleted_confirms_the_deletion(qtbot, laptop):
    alice, bob = laptop("Alice"), laptop("Bob")
    venue = alice.store.create_venue({"name": "Le Lavoir"})
    alice.store.update_venue(venue.id, {"commune": "Bourganeuf"})
    sync(alice, bob)
    alice.store.delete_venue(venue.id)
    bob.store.update_venue(venue.id, {"commune": "Royère-de-Vassivière"})
    sync(alice, bob, alice)

    panel = SyncPanel(alice)
    qtbot.addWidget(panel)
    assert row(panel)[2].startswith("Supprimé par Alice (vous) le ")  # un lieu
    panel.conflicts.selectRow(0)
    assert panel.keep_deleted.text() == "La&isser supprimé"
    panel.keep_deleted.click()
    assert alice.store.get_venue(venue.id).deleted_at is not None
    assert panel.conflicts.rowCount() == 0


def test_a_colleagues_clock_far_ahead_is_said(qtbot, laptop):
    alice = laptop("Alice")
    bob = laptop("Bob", now_ms=lambda: wall_clock_ms() + 2 * DAY_MS)
    venue = alice.store.create_venue({"name": "La Gare"})
    sync(alice, bob)
    bob.store.update_venue(venue.id, {"commune": "Felletin"})
    sync(bob, alice)

    panel = SyncPanel(alice)
    qtbot.addWidget(panel)
    assert panel.clock_notice.isVisibleTo(panel)
    text = panel.clock_notice.text()
    assert "Bob" in text and bob.store.author.device_id in text and "2 jours" in text
    assert panel.clock_notice._duration(30 * 3_600_000) == "30 heures"

    their_panel = SyncPanel(bob)
    qtbot.addWidget(their_panel)
    assert not their_panel.clock_notice.isVisibleTo(their_panel)


def test_a_late_clocks_edit_is_listed_answered_and_stays_answered(qtbot, laptop):
    """Bob's clock is 30 minutes late: his « oui » looks older than the « oui » Alice
    then changed to « non », yet nobody had seen it when Chloé's « non » (clock ahead)
    won. Alice's panel lists it; taking it answers it on every laptop, for good."""
    alice = laptop("Alice")
    bob = laptop("Bob", now_ms=lambda: wall_clock_ms() - 30 * 60_000)
    chloe = laptop("Chloé", now_ms=lambda: wall_clock_ms() + 2 * DAY_MS)
    venue = alice.store.create_venue({"name": "La Filature"})
    visit = alice.store.create_visit(venue.id, "2026-11-24").id
    sync(alice, bob, chloe)
    alice.store.update_visit(visit, {"strengths": "oui"})
    bob.store.update_visit(visit, {"strengths": "oui"})
    sync(bob, alice)  # Bob's « oui » loses to Alice's here, and looks seen by her « non »:
    alice.store.update_visit(visit, {"strengths": "non"})
    chloe.store.update_visit(visit, {"strengths": "non"})
    sync(alice, chloe, bob, alice, chloe)

    panel = SyncPanel(alice)
    qtbot.addWidget(panel)
    assert panel.tabs.tabText(0) == "Conflits (1)"
    assert [(c.other.user_name, c.other.value) for c in list_conflicts(alice.store)] == [
        ("Bob", "oui")
    ]
    for ws in (bob, chloe):
        assert [(c.other.user_name, c.other.value) for c in list_conflicts(ws.store)] == [
            ("Bob", "oui")
        ]
    panel.conflicts.selectRow(0)
    panel.take_theirs.click()
    assert panel.conflicts.rowCount() == 0 and panel.tabs.tabText(0) == "Conflits (0)"
    for _ in range(2):
        sync(alice, bob, chloe)
        for ws in (alice, bob, chloe):
            assert ws.store.get_visit(visit).data["strengths"] == "oui"
            assert list_conflicts(ws.store) == []
    kept = alice.db.conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0]
    assert kept > 0  # the versions stay kept aside, judged answered: not listed
    again = SyncPanel(alice)
    qtbot.addWidget(again)
    assert again.tabs.tabText(0) == "Conflits (0)"


def test_a_photos_conflict_reads_in_words_not_stored_values(qtbot, laptop, tmp_path):
    """Photos have no template: their choices were listed as stored (« 90 », « reseau »)."""
    from PIL import Image

    from desktop.core.media.photos import PhotoLibrary

    alice, bob = laptop("Alice"), laptop("Bob")
    venue = alice.store.create_venue({"name": "La Grange"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    Image.new("RGB", (120, 80), (90, 120, 60)).save(tmp_path / "grange.jpg", "JPEG")
    alices = PhotoLibrary(alice.store, alice.media)
    [attached] = alices.attach_files(visit.id, [tmp_path / "grange.jpg"])
    alices.update_photo(attached.record_id, {"identifiable_people": False})
    sync(alice, bob)
    bobs = PhotoLibrary(bob.store, bob.media)
    alices.update_photo(attached.record_id, {"allowed_use": "reseau", "rotation": 90})
    bobs.update_photo(attached.record_id, {"allowed_use": "public", "rotation": 270})
    sync(alice, bob, alice)

    panel = SyncPanel(alice)
    qtbot.addWidget(panel)
    rows = {r[1]: r for r in (row(panel, i) for i in range(panel.conflicts.rowCount()))}
    assert {"Usage autorisé", "Orientation"} <= rows.keys()
    for title, words in (("Usage autorisé", {"Réseau", "Public"}),
                         ("Orientation", {"Tournée d'un quart de tour à droite",
                                          "Tournée d'un quart de tour à gauche"})):  # fmt: skip
        where, _title, mine, theirs = rows[title]
        assert where == "Photo « grange.jpg » — La Grange — visite du 20 novembre 2026"
        assert {mine.split("\n")[0], theirs.split("\n")[0]} == words
    # « Ouvrir la fiche » opens the visit that holds the photo
    places = {(c.visit_id, c.venue_id) for c in list_conflicts(alice.store) if c.table == "photos"}
    assert places == {(visit.id, venue.id)}
