"""QA finding (s6): a backup restored on a second computer keeps the first one's device id,
and a colleague then silently misses edits.

README (Sauvegardes): « a lost laptop is restored from the key ». The restored base keeps
meta device_id, so when the first laptop is still in use (found again, or the user
restores onto the office computer to go on working there) both write the same
`devices/<id>/` folder, each overwriting the other's record file. Found by hand with
`backup -o` / `restore` (and the same with a copied data folder): the colleague (Bob)
never receives the first laptop's edit, while both « Alice » laptops look up to date.
"""

from __future__ import annotations

from desktop.core.backups.making import write_backup
from desktop.core.backups.restore import restore
from desktop.core.merge.conflicts import count_conflicts
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.device_binding import MACHINE_DIR_ENV
from desktop.core.sync.engine import colleagues
from desktop.core.sync.ownership import take_over_sheets


def restored_elsewhere(laptop, tmp_path, monkeypatch, name="bureau"):
    """The laptop's backup restored (« restore FICHIER ») into the data folder of another
    computer; from then on every laptop opened is opened on that computer."""
    copy = tmp_path / f"{laptop.name}-cle-usb.sqlite"
    write_backup(laptop.workspace.data_dir / DATABASE_NAME, copy)
    monkeypatch.setenv(MACHINE_DIR_ENV, str(tmp_path / f"poste-{name}"))
    folder = tmp_path / f"data-{name}"
    folder.mkdir()
    restore(copy, folder / DATABASE_NAME, folder / "backups")
    return copy


def test_a_colleague_receives_the_edits_of_both_computers(laptops, tmp_path, monkeypatch):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne"})
    visit = alice.store.create_visit(venue.id, "2026-10-13")
    assert alice.sync().ok
    restored_elsewhere(alice, tmp_path, monkeypatch)  # on the office computer
    office = laptops("bureau")
    assert office.store.author.device_id != alice.store.author.device_id

    alice.store.update_visit(visit.id, {"obstacles": "Bail précaire (saisi sur le portable)"})
    office.store.update_visit(visit.id, {"referrals": "France Active (saisi au bureau)"})
    assert alice.sync().ok and office.sync().ok
    for _ in range(2):
        assert bob.sync().ok and alice.sync().ok and office.sync().ok

    data = bob.visit_data(visit.id)
    assert data.get("referrals") == "France Active (saisi au bureau)"
    assert data.get("obstacles") == "Bail précaire (saisi sur le portable)"


def test_a_lost_laptop_restored_still_shares_what_it_had_not_shared(laptops, tmp_path, monkeypatch):
    """The laptop is lost after edits it never synced: the computer that restores its
    backup publishes them (under its own id), and Bob receives them."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne"})
    visit = alice.store.create_visit(venue.id, "2026-10-13")
    assert alice.sync(sheets=True).ok
    alice.store.update_visit(visit.id, {"obstacles": "Bail précaire (jamais synchronisé)"})
    later = alice.store.create_visit(venue.id, "2026-11-02")  # never synced either
    restored_elsewhere(alice, tmp_path, monkeypatch)
    sheets = sorted(p.name for p in (tmp_path / "partage").rglob("*.pdf"))
    assert sheets
    alice.workspace.close()  # lost: never writes again

    office = laptops("bureau")
    assert office.sync(sheets=True).ok
    assert bob.sync().ok
    assert bob.visit_data(visit.id).get("obstacles") == "Bail précaire (jamais synchronisé)"
    assert bob.store.get_visit(later.id) is not None
    # The old id's sheets stay in the share (they are not the new id's to take away) ...
    assert sorted(p.name for p in (tmp_path / "partage").rglob("*.pdf")) == sheets
    # ... and the old laptop is listed, so its sheets can be taken over.
    old = [c.device_id for c in colleagues(office.workspace)]
    assert alice.store.author.device_id in old
    assert take_over_sheets(office.store, alice.store.author.device_id) == 2
    assert office.sync(sheets=True).published.sheets == 2
    # Going on from the restored text is an edit, not a conflict with the lost laptop.
    office.store.update_visit(visit.id, {"obstacles": "Bail signé pour 9 ans"})
    assert office.sync().ok and bob.sync().ok
    assert bob.visit_data(visit.id).get("obstacles") == "Bail signé pour 9 ans"
    assert count_conflicts(office.store) == count_conflicts(bob.store) == 0


def test_the_restored_computer_does_not_publish_the_old_laptops_later_edits(
    laptops, tmp_path, monkeypatch
):
    """Both computers go on: the first one's edits after the backup are its own to publish
    (the restored one merges them, and writes a record file again only for its own)."""
    alice = laptops("alice")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne"})
    assert alice.sync().ok
    restored_elsewhere(alice, tmp_path, monkeypatch)
    office = laptops("bureau")
    assert office.sync().ok
    alice.store.update_venue(venue.id, {"commune": "Chassagne"})
    assert alice.sync().ok
    report = office.sync()
    assert report.imported.updated == 1
    assert office.store.get_venue(venue.id).data.get("commune") == "Chassagne"
    assert office.sync().published.records == 0
