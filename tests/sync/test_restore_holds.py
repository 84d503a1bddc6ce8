"""QA finding (s8): « Restaurer une sauvegarde » on a laptop that syncs was silently undone by
the next sync.

The share holds the laptop's own files written after the backup (later stamps): the next
pass imported them as newer and put the values back, and colleagues, who had those values
already, never went back. Now the restore takes the laptop's later work back as a new edit
of its own (core/backups/restore_sync.py): the laptop keeps the restored values after its
sync, colleagues converge to them, a record created after the backup is in every laptop's
trash, and colleagues' work is neither undone nor lost.
"""

from __future__ import annotations

from desktop.core.backups.making import make_backup
from desktop.core.backups.restore import restore
from desktop.core.merge.conflicts import count_conflicts, list_conflicts
from desktop.core.storage.data_dir import DATABASE_NAME


def restore_live(laptop, backup):
    """« Fichier › Restaurer une sauvegarde » on the running app: through its data service."""
    workspace = laptop.workspace
    return restore(
        backup.path,
        workspace.data_dir / DATABASE_NAME,
        workspace.data_dir / "backups",
        service=workspace.service,
    )


def backed_up(laptop):
    return make_backup(
        laptop.workspace.data_dir / DATABASE_NAME, laptop.workspace.data_dir / "backups"
    )


def trashed(laptop, record_id: str) -> bool:
    return any(item.id == record_id for item in laptop.store.list_trash())


def venue_state(laptop, venue_id: str) -> tuple:
    venue = laptop.store.get_venue(venue_id)
    return venue.data, venue.deleted_at is not None


def test_a_restore_holds_after_the_sync_and_colleagues_follow_it(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne", "commune": "Chassagne"})
    visit = alice.store.create_visit(venue.id, "2026-10-13")
    alice.store.update_visit(visit.id, {"obstacles": "Bail précaire"})
    assert alice.sync().ok and bob.sync().ok
    backup = backed_up(alice)

    alice.store.update_visit(visit.id, {"obstacles": "Texte effacé par erreur"})
    alice.store.update_venue(venue.id, {"commune": "Ailleurs"})
    later = alice.store.create_venue({"name": "Lieu saisi après la sauvegarde"})
    later_visit = alice.store.create_visit(venue.id, "2026-11-02")
    assert alice.sync().ok and bob.sync().ok
    assert bob.visit_data(visit.id)["obstacles"] == "Texte effacé par erreur"

    report = restore_live(alice, backup)
    assert alice.visit_data(visit.id)["obstacles"] == "Bail précaire"

    assert alice.sync().ok
    # Not undone by the laptop's own later files in the share.
    assert alice.visit_data(visit.id)["obstacles"] == "Bail précaire"
    assert report.taken_back.fields == 2 and report.taken_back.trashed == 2
    assert alice.store.get_venue(venue.id).data["commune"] == "Chassagne"
    assert trashed(alice, later.id) and trashed(alice, later_visit.id)
    assert bob.sync().ok
    assert bob.visit_data(visit.id)["obstacles"] == "Bail précaire"
    assert bob.store.get_venue(venue.id).data["commune"] == "Chassagne"
    # Nothing lost: what was created after the backup is in both trashes, whole.
    assert trashed(bob, later.id) and trashed(bob, later_visit.id)
    assert bob.store.get_venue(later.id).name == "Lieu saisi après la sauvegarde"
    # And it stays so: further passes change nothing, nobody sees a conflict.
    for _ in range(2):
        assert alice.sync().ok and bob.sync().ok
    assert alice.state() == bob.state()
    assert alice.visit_data(visit.id)["obstacles"] == "Bail précaire"
    assert count_conflicts(alice.store) == count_conflicts(bob.store) == 0
    assert alice.sync().published.records == 0


def test_a_restore_cleared_field_and_a_restored_deletion_travel_too(laptops):
    """A field first filled after the backup goes back to empty; a venue deleted after
    the backup comes back out of the trash, on both laptops."""
    alice, bob = laptops("alice"), laptops("bob")
    kept = alice.store.create_venue({"name": "La Casemate"})
    gone = alice.store.create_venue({"name": "Le Tiers-Lieu du Port"})
    assert alice.sync().ok and bob.sync().ok
    backup = backed_up(alice)
    alice.store.update_venue(kept.id, {"commune": "Grenoble"})
    alice.store.delete_venue(gone.id)
    assert alice.sync().ok and bob.sync().ok
    assert trashed(bob, gone.id)

    restore_live(alice, backup)
    for _ in range(2):
        assert alice.sync().ok and bob.sync().ok
    for laptop in (alice, bob):
        assert "commune" not in laptop.store.get_venue(kept.id).data
        assert not trashed(laptop, gone.id)
    assert alice.state() == bob.state()


def test_colleagues_work_since_the_backup_is_kept(laptops):
    """The restore takes back this laptop's own work only: a colleague's edit and a
    colleague's new venue, received before the restore, stay (on both laptops)."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne"})
    visit = alice.store.create_visit(venue.id, "2026-10-13")
    assert alice.sync().ok and bob.sync().ok
    backup = backed_up(alice)
    bob.store.update_visit(visit.id, {"referrals": "France Active (Bob)"})
    theirs = bob.store.create_venue({"name": "Le Fablab de Bob"})
    alice.store.update_visit(visit.id, {"obstacles": "Erreur d'Alice"})
    assert bob.sync().ok and alice.sync().ok and bob.sync().ok

    report = restore_live(alice, backup)
    assert report.taken_back.fields == 1 and report.taken_back.trashed == 0
    for _ in range(2):
        assert alice.sync().ok and bob.sync().ok
    for laptop in (alice, bob):
        data = laptop.visit_data(visit.id)
        assert data.get("referrals") == "France Active (Bob)"
        assert "obstacles" not in data
        assert laptop.store.get_venue(theirs.id).deleted_at is None
    assert alice.state() == bob.state()
    assert count_conflicts(alice.store) == count_conflicts(bob.store) == 0


def test_a_colleagues_edit_not_yet_received_is_kept_as_a_conflict(laptops):
    """Bob edits the field Alice goes back on, after her later edit and before her
    restore, and she has not received it: the restore's later stamp wins, and Bob's
    version is listed as a conflict on both laptops (the restore never saw it)."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne"})
    visit = alice.store.create_visit(venue.id, "2026-10-13")
    alice.store.update_visit(visit.id, {"obstacles": "Bail précaire"})
    assert alice.sync().ok and bob.sync().ok
    backup = backed_up(alice)
    alice.store.update_visit(visit.id, {"obstacles": "Erreur d'Alice"})
    assert alice.sync().ok and bob.sync().ok
    bob.store.update_visit(visit.id, {"obstacles": "Convention signée (Bob)"})
    assert bob.sync().ok  # published; Alice has not read it

    restore_live(alice, backup)
    for _ in range(2):
        assert alice.sync().ok and bob.sync().ok
    for laptop in (alice, bob):
        assert laptop.visit_data(visit.id)["obstacles"] == "Bail précaire"
        conflicts = list_conflicts(laptop.store)
        assert [(c.field, c.current.value, c.other.value) for c in conflicts] == [
            ("obstacles", "Bail précaire", "Convention signée (Bob)")
        ]


def test_a_conflict_open_before_the_restore_on_a_field_it_sets_back_is_counted(laptops):
    """Bob's edit lost to Alice's later one and is an open conflict; Alice restores the
    backup: the restore's edit answers it (it has seen Alice's later version, so every
    earlier one), and says so (the restore's message counts it)."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne"})
    visit = alice.store.create_visit(venue.id, "2026-10-13")
    alice.store.update_visit(visit.id, {"obstacles": "Bail précaire"})
    assert alice.sync().ok and bob.sync().ok
    backup = backed_up(alice)
    bob.store.update_visit(visit.id, {"obstacles": "Convention signée (Bob)"})
    alice.store.update_visit(visit.id, {"obstacles": "Erreur d'Alice"})
    assert bob.sync().ok and alice.sync().ok and bob.sync().ok
    assert count_conflicts(alice.store) == count_conflicts(bob.store) == 1

    report = restore_live(alice, backup)
    assert (report.taken_back.fields, report.taken_back.answered) == (1, 1)
    for _ in range(2):
        assert alice.sync().ok and bob.sync().ok
    for laptop in (alice, bob):
        assert laptop.visit_data(visit.id)["obstacles"] == "Bail précaire"
    assert count_conflicts(alice.store) == count_conflicts(bob.store) == 0


def test_a_colleagues_edit_after_the_restore_wins_as_usual(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne", "commune": "Chassagne"})
    assert alice.sync().ok and bob.sync().ok
    backup = backed_up(alice)
    alice.store.update_venue(venue.id, {"commune": "Ailleurs"})
    assert alice.sync().ok and bob.sync().ok
    restore_live(alice, backup)
    assert alice.sync().ok and bob.sync().ok
    assert bob.store.get_venue(venue.id).data["commune"] == "Chassagne"
    bob.store.update_venue(venue.id, {"commune": "Chassagne-Montrachet"})
    assert bob.sync().ok and alice.sync().ok
    assert alice.store.get_venue(venue.id).data["commune"] == "Chassagne-Montrachet"
    assert count_conflicts(alice.store) == count_conflicts(bob.store) == 0


def test_a_photo_and_a_sheet_made_after_the_backup_leave_the_share(laptops, tmp_path):
    """A shared photo added after the backup is in Alice's trash and leaves Bob's visit; the
    sheet of a visit created after the backup leaves Fiches/ (Alice's sheets index is the
    one of just before the restore, so she knows she wrote it)."""
    from tests.sync.test_media_and_sheets import _photos, jpeg

    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "L'Atelier partagé"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    assert alice.sync(sheets=True).ok and bob.sync().ok
    backup = backed_up(alice)
    [added] = _photos(alice).attach_files(visit.id, [jpeg(tmp_path / "facade.jpg")])
    _photos(alice).update_photo(
        added.record_id, {"caption": "La façade", "identifiable_people": False}
    )
    later_visit = alice.store.create_visit(venue.id, "2026-11-27")
    assert alice.sync(sheets=True).ok and bob.sync().ok
    assert [p.caption for p in _photos(bob).list_photos(visit.id)] == ["La façade"]
    sheets = alice.share_folder / "Carnet" / "Fiches"
    assert len(list(sheets.rglob("*.pdf"))) == 2

    restore_live(alice, backup)
    for _ in range(2):
        assert alice.sync(sheets=True).ok and bob.sync().ok
    assert _photos(alice).list_photos(visit.id) == [] == _photos(bob).list_photos(visit.id)
    assert trashed(alice, added.record_id)  # whole, with its caption, in Alice's trash
    caption = "SELECT caption FROM photos WHERE id = ?"
    assert alice.workspace.db.conn.execute(caption, (added.record_id,)).fetchone()[0] == (
        "La façade"
    )
    [left] = sheets.rglob("*.pdf")  # the later visit's sheet is gone
    assert left.name.startswith("2026-11-20")
    assert trashed(bob, later_visit.id)


def test_restoring_the_state_before_the_restore_brings_everything_back(laptops):
    """« Undo » a restore: the « avant restauration » backup restored, on both laptops."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne", "commune": "Chassagne"})
    assert alice.sync().ok and bob.sync().ok
    backup = backed_up(alice)
    alice.store.update_venue(venue.id, {"commune": "Ailleurs"})
    later = alice.store.create_venue({"name": "Lieu saisi après la sauvegarde"})
    assert alice.sync().ok and bob.sync().ok
    report = restore_live(alice, backup)
    assert alice.sync().ok and bob.sync().ok
    assert trashed(bob, later.id)

    again = restore_live(alice, report.pre_restore)
    assert again.taken_back.fields == 2  # the commune, and the later venue out of the trash
    for _ in range(2):
        assert alice.sync().ok and bob.sync().ok
    for laptop in (alice, bob):
        assert laptop.store.get_venue(venue.id).data["commune"] == "Ailleurs"
        assert not trashed(laptop, later.id)
    assert alice.state() == bob.state()


def test_a_backup_from_another_computer_restored_over_its_own_data(laptops, tmp_path, monkeypatch):
    """The office computer, already syncing, restores Alice's backup (new device id, the
    backup's): what the office had made itself since goes to the trash under its new id,
    what Alice and Bob made stays, and every laptop agrees."""
    from desktop.core.storage.device_binding import MACHINE_DIR_ENV

    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne", "commune": "Chassagne"})
    assert alice.sync().ok
    backup = backed_up(alice)
    monkeypatch.setenv(MACHINE_DIR_ENV, str(tmp_path / "poste-bureau"))
    office = laptops("bureau")
    assert office.sync().ok and bob.sync().ok
    own = office.store.create_venue({"name": "Essai au bureau"})
    office.store.update_venue(venue.id, {"commune": "Saisi au bureau"})
    assert office.sync().ok and bob.sync().ok

    before = office.store.author.device_id
    report = restore_live(office, backup)
    assert office.store.author.device_id not in (before, alice.store.author.device_id)
    assert report.taken_back.fields == 1 and report.taken_back.trashed == 1
    for _ in range(2):
        assert office.sync().ok and bob.sync().ok and alice.sync().ok
    for laptop in (office, bob, alice):
        assert laptop.store.get_venue(venue.id).data["commune"] == "Chassagne"
        assert trashed(laptop, own.id)
    assert office.state() == bob.state() == alice.state()


def test_a_purge_made_after_the_backup_keeps_its_tombstone_in_the_share(laptops):
    """Restoring a backup from before an emptied trash brings the records back on this
    laptop (as before this change: colleagues keep them purged, a purge is final), and
    never writes them over the tombstone that tells the network they were purged."""
    from desktop.core.storage.purge import empty_trash
    from desktop.core.sync.share import Share

    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Lieu effacé pour de bon"})
    assert alice.sync().ok and bob.sync().ok
    backup = backed_up(alice)
    alice.store.delete_venue(venue.id)
    empty_trash(alice.store, alice.workspace.media, [venue.id])
    assert alice.sync().ok and bob.sync().ok
    path = Share(alice.share_folder, alice.store.author.device_id).record_path("venues", venue.id)
    tombstone = path.read_bytes()
    assert b'"purged"' in tombstone

    restore_live(alice, backup)
    for _ in range(2):
        assert alice.sync().ok and bob.sync().ok
    assert alice.store.get_venue(venue.id).deleted_at is None  # back here
    assert path.read_bytes() == tombstone
    assert bob.workspace.db.conn.execute(
        "SELECT count(*) FROM venues WHERE id = ?", (venue.id,)
    ).fetchone() == (0,)


def test_a_photo_turned_after_the_backup_is_turned_back_everywhere(laptops, tmp_path):
    """The rotation (migration 16) is a stamped field of the photo like its caption: a
    restore sets it back to the backup's, and the colleague follows."""
    from tests.sync.test_media_and_sheets import _photos, jpeg

    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Cour commune"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    [photo] = _photos(alice).attach_files(visit.id, [jpeg(tmp_path / "cour.jpg")])
    _photos(alice).update_photo(
        photo.record_id, {"caption": "La cour", "identifiable_people": False}
    )
    _photos(alice).rotate_photo(photo.record_id, 1)
    assert alice.sync().ok and bob.sync().ok
    backup = backed_up(alice)
    _photos(alice).rotate_photo(photo.record_id, 1)  # 180° now
    assert alice.sync().ok and bob.sync().ok
    assert _photos(bob).get_photo(photo.record_id).rotation == 180

    restore_live(alice, backup)
    for _ in range(2):
        assert alice.sync().ok and bob.sync().ok
    assert _photos(alice).get_photo(photo.record_id).rotation == 90
    assert _photos(bob).get_photo(photo.record_id).rotation == 90
