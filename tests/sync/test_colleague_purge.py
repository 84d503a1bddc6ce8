"""QA finding (s6): a colleague's « Vider la corbeille » destroys the author's visit,
even while the author's own edit of it stands against the deletion as an open conflict,
and with the photos that never left the author's laptop.

Found by hand (two data folders, one shared folder): Bob deletes Alice's visit; Alice,
not having seen it, goes on editing it; both sync: each lists the conflict « Suppression »
(Bob's deletion against Alice's edit; « Rien n'a été perdu : choisissez… »). Before Alice
answers, Bob empties his trash. At Alice's next pass the visit, her edit, the conflict
she was asked to settle, and her photo kept « interne » (it was never shared: Bob never
had it) are purged from her laptop, files included. Only an older backup holds them.
"""

from __future__ import annotations

from PIL import Image

from desktop.core.media.photos import PhotoLibrary
from desktop.core.merge.conflicts import list_conflicts, resolve_conflict
from desktop.core.storage.purge import empty_trash


def test_a_colleague_s_purge_does_not_erase_an_edit_still_in_conflict(laptops, tmp_path):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne"})
    visit = alice.store.create_visit(venue.id, "2026-10-13")
    alice.store.update_visit(visit.id, {"strengths": "Un collectif soudé"})
    picture = tmp_path / "grange.jpg"
    Image.new("RGB", (300, 200), (120, 60, 20)).save(picture, "JPEG")
    photos = PhotoLibrary(alice.store, alice.workspace.media)
    (outcome,) = photos.attach_files(visit.id, [picture])  # « à vérifier »: stays home
    assert alice.sync().ok and bob.sync().ok

    bob.store.delete_visit(visit.id)
    alice.store.update_visit(visit.id, {"referrals": "France Active, rendez-vous pris"})
    assert bob.sync().ok and alice.sync().ok and bob.sync().ok
    assert [c.field for c in list_conflicts(alice.store)] == ["_deleted"]

    empty_trash(bob.store, bob.workspace.media, [visit.id])
    assert bob.sync().ok and alice.sync().ok

    # Alice never answered the conflict: her edit and her private photo are still hers
    assert alice.store.get_visit(visit.id).data["referrals"] == ("France Active, rendez-vous pris")
    conn = alice.workspace.db.conn
    held = conn.execute("SELECT 1 FROM photos WHERE id = ?", (outcome.record_id,)).fetchone()
    assert held is not None


# ---------------------------------------------------------------- the rule, in general
# A colleague's purge erases here only what it had: each record's stamps at most the
# purge's horizon (what the purger had of it), and no record it never had in the family.

import json  # noqa: E402

import pytest  # noqa: E402

from desktop.cli.privacy import cmd_trash  # noqa: E402
from desktop.core.storage.purge import describe  # noqa: E402


def jpeg(path, colour):
    Image.new("RGB", (300, 200), colour).save(path, "JPEG")
    return path


def shared_visit(alice, tmp_path):
    """A venue, a visit and a photo shared with the network (nobody identifiable)."""
    venue = alice.store.create_venue({"name": "La Fabrique", "commune": "Tulle"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.store.update_visit(visit.id, {"strengths": "Atelier bois très fréquenté"})
    photos = PhotoLibrary(alice.store, alice.workspace.media)
    (outcome,) = photos.attach_files(visit.id, [jpeg(tmp_path / "a.jpg", (200, 10, 10))])
    photos.update_photo(outcome.record_id, {"identifiable_people": False})
    return venue, visit, outcome.record_id


def settle(*laptops):
    for _ in range(3):
        for laptop in laptops:
            assert laptop.sync().ok


def seen_by_all(laptop, ids):
    state = laptop.state()
    conflicts = sorted(
        (c.record_id, c.field, c.current.stamp, c.other.stamp) for c in list_conflicts(laptop.store)
    )
    return {i: state.get(i) for i in ids}, conflicts


@pytest.mark.parametrize("first", ["edit", "tombstone"])
def test_an_edit_the_purge_never_saw_stays_and_every_laptop_ends_the_same(laptops, tmp_path, first):
    """Bob deletes Alice's visit and empties his trash before her later edit reaches him.
    Chloé receives the edit and the tombstone in either order. Everywhere the visit ends
    in the trash with its « Suppression » conflict, Alice's edit and the shared photo."""
    alice, bob, chloe = laptops("alice"), laptops("bob"), laptops("chloe")
    venue, visit, photo_id = shared_visit(alice, tmp_path)
    settle(alice, bob, chloe)

    bob.store.delete_visit(visit.id)
    alice.store.update_visit(visit.id, {"referrals": "France Active, rendez-vous pris"})
    if first == "edit":  # Chloé and Alice see the deletion and the edit, Bob not the edit
        assert bob.sync().ok and alice.sync().ok and chloe.sync().ok
        assert [c.field for c in list_conflicts(chloe.store)] == ["_deleted"]
    empty_trash(bob.store, bob.workspace.media, [visit.id])
    assert not bob.store.list_trash()
    assert bob.sync().ok and chloe.sync().ok  # the tombstone
    if first == "tombstone":  # Chloé had nothing later than Bob: erased, then comes back
        assert (
            chloe.workspace.db.conn.execute(
                "SELECT 1 FROM visits WHERE id = ?", (visit.id,)
            ).fetchone()
            is None
        )
    report = alice.sync()
    assert report.ok and report.imported.purged == 0
    (told,) = report.imported.purges_kept
    assert "non appliquée ici" in told and "Gardé sur ce poste" in report.summary()
    settle(alice, bob, chloe)

    # The shared photo of a deleted visit does not travel (Privacy): it is compared once
    # the visit is restored.
    ids = (venue.id, visit.id)
    expected = seen_by_all(alice, ids)
    assert expected == seen_by_all(bob, ids) == seen_by_all(chloe, ids)
    data, deleted, _stamps = expected[0][visit.id]
    assert data["referrals"] == "France Active, rendez-vous pris" and deleted
    assert [(c[0], c[1]) for c in expected[1]] == [(visit.id, "_deleted")]
    (conflict,) = list_conflicts(bob.store)
    assert conflict.current.user_name == "Bob" and conflict.other.user_name == "Alice"

    # Alice answers « Restaurer »: the visit and its photo are back on every laptop
    resolve_conflict(alice.store, list_conflicts(alice.store)[0], None)
    settle(alice, bob, chloe)
    ids = (venue.id, visit.id, photo_id)
    expected = seen_by_all(alice, ids)
    assert expected == seen_by_all(bob, ids) == seen_by_all(chloe, ids)
    assert expected[1] == [] and expected[0][visit.id][1] is None
    assert expected[0][photo_id] is not None

    # Nothing concurrent any more: Bob's next purge goes everywhere, as it always did
    bob.store.delete_visit(visit.id)
    empty_trash(bob.store, bob.workspace.media, [visit.id])
    settle(bob, alice, chloe)
    for laptop in (alice, bob, chloe):
        assert laptop.state().get(visit.id) is None and laptop.state().get(photo_id) is None


def test_a_photo_that_never_left_the_laptop_keeps_its_visit_in_the_trash(laptops, tmp_path):
    """Bob had the visit and its shared photo, never the photo kept « à vérifier »: his
    purge leaves Alice's visit in her trash (his deletion applied), with both photos and
    their files, and tells her; nothing comes back on Bob's laptop."""
    alice, bob = laptops("alice"), laptops("bob")
    _venue, visit, shared_id = shared_visit(alice, tmp_path)
    photos = PhotoLibrary(alice.store, alice.workspace.media)
    (private,) = photos.attach_files(visit.id, [jpeg(tmp_path / "b.jpg", (10, 10, 200))])
    settle(alice, bob)
    conn = alice.workspace.db.conn
    digest = conn.execute("SELECT sha256 FROM photos WHERE id = ?", (private.record_id,))
    digest = digest.fetchone()[0]

    bob.store.delete_visit(visit.id)
    empty_trash(bob.store, bob.workspace.media, [visit.id])
    assert bob.sync().ok
    report = alice.sync()
    (told,) = report.imported.purges_kept
    assert "jamais eu" in told and "Visite du 2026-11-20 — La Fabrique" in told
    ignored = dict(conn.execute("SELECT path, reason FROM sync_index WHERE status = 'ignored'"))
    assert told in ignored.values()  # listed in the Synchronisation panel's files
    assert [item.id for item in alice.store.list_trash()] == [visit.id]  # Bob's deletion
    for photo_id in (private.record_id, shared_id):
        assert conn.execute("SELECT 1 FROM photos WHERE id = ?", (photo_id,)).fetchone()
    assert alice.workspace.media.has("thumbnails", digest) and any(
        digest in p.name for p in (alice.workspace.data_dir / "media").rglob("*")
    )
    assert not list_conflicts(alice.store)  # nothing was edited: no conflict to answer

    settle(alice, bob)
    assert bob.state().get(visit.id) is None and bob.state().get(shared_id) is None
    assert alice.state()[visit.id][1]  # still in Alice's trash, hers to empty


def test_emptying_a_trash_leaves_a_deletion_in_conflict_and_says_so(laptops, capsys):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Le Tiers-Lieu du Moulin"})
    visit = alice.store.create_visit(venue.id, "2026-10-13")
    other = alice.store.create_visit(venue.id, "2026-10-20")
    settle(alice, bob)
    bob.store.delete_visit(visit.id)
    bob.store.delete_visit(other.id)
    alice.store.update_visit(visit.id, {"strengths": "Un collectif soudé"})
    settle(bob, alice)

    purged = empty_trash(bob.store, bob.workspace.media)
    assert purged.records == (("visits", other.id),)
    assert [(t, i) for t, i, _why in purged.kept] == [("visits", visit.id)]
    assert "Laissé(s) dans la corbeille : 1 élément(s)" in describe(purged)
    assert [c.field for c in list_conflicts(bob.store)] == ["_deleted"]
    args = type("Args", (), {"empty": True, "ids": [visit.id]})()
    cmd_trash(bob.workspace, args)
    out = capsys.readouterr().out
    assert (
        f"Laissé dans la corbeille : Visite du 2026-10-13 — Le Tiers-Lieu du Moulin ({visit.id})"
        in out
    )
    assert "Supprimé définitivement" not in out
    assert json.dumps(bob.store.get_visit(visit.id).data)  # still there
