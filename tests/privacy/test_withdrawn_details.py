"""A colleague's copy of a photo it may no longer hold keeps its rights alone.

Consent withdrawn (QA's finding: test_withdrawn_caption_stays.py), use narrowed, photo
deleted, visit deleted: on the colleague's laptop the caption, the date taken, the file
name, the consent reference and the versions kept aside for them are erased, and what
« Personnes » finds there is nothing. The author keeps everything; given back, the
photo's details return on every laptop with the author's stamps, whatever the order in
which the laptops read each other's files.
"""

from __future__ import annotations

import pytest

from desktop.core.merge.exchange import export_document, import_document, validate_exchange
from desktop.core.privacy.persons import find_person
from tests.privacy.test_withdrawals import COLOURS, attach, photos, share_files

CAPTION = "Paul Martin au fournil"
DETAILS = ("caption", "taken_on", "original_name", "consent")


@pytest.fixture
def shared(laptops):
    """Alice's public photo of Paul Martin, received by Bob."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Le Fournil Partagé"})
    visit_id = alice.store.create_visit(venue.id, "2026-10-14").id
    photo = attach(alice, visit_id, CAPTION, COLOURS[1], identifiable_people=True,
                   consent="Accord écrit de M. Martin", allowed_use="public")  # fmt: skip
    photos(alice).update_photo(photo, {"taken_on": "2026-10-12"})
    assert alice.sync().ok and bob.sync().ok
    assert photos(bob).get_photo(photo).caption == CAPTION
    return alice, bob, photo


def details(laptop, photo_id) -> dict:
    row = photos(laptop).get_photo(photo_id)
    return {key: getattr(row, key) for key in DETAILS}


def stamps(laptop, photo_id) -> dict:
    """The photo's stamps as a merge reads them (an erased field has none)."""
    return {k: v["stamp"] for k, v in laptop.store.field_stamps(photo_id).items()}


def erased(laptop, photo_id) -> bool:
    found = find_person(laptop.store, "Paul Martin") + find_person(laptop.store, "Martin")
    kept = laptop.workspace.db.conn.execute(
        "SELECT count(*) FROM sync_conflicts WHERE record_id = ?", (photo_id,)
    ).fetchone()[0]
    blank = {"caption": "", "taken_on": None, "original_name": "", "consent": ""}
    return details(laptop, photo_id) == blank and not found and not kept


def shared_text(laptop) -> str:
    return "".join(p.read_text("utf-8", "replace") for p in share_files(laptop))


def test_narrowed_use_erases_the_colleagues_details_and_widening_brings_them_back(shared):
    alice, bob, photo = shared
    before = details(alice, photo)
    photos(alice).update_photo(photo, {"allowed_use": "interne"})
    assert alice.sync().ok
    assert bob.sync().imported.photos_erased == 1
    assert erased(bob, photo)
    assert not any(k in stamps(bob, photo) for k in ("caption", "taken_on", "consent"))
    assert bob.sync().imported.photos_erased == 0  # done once
    assert details(alice, photo) == before  # the author's own copy is never erased

    photos(alice).update_photo(photo, {"allowed_use": "public"})
    assert alice.sync().ok
    assert bob.sync().imported.media_fetched == 1
    assert details(bob, photo) == before
    assert stamps(bob, photo) == stamps(alice, photo)  # the author's stamps, as sent
    found = [m.field for m in find_person(bob.store, "Paul Martin")]
    assert found == ["caption", "original_name"]  # « Paul Martin au fournil.jpg »


def test_a_deleted_photo_leaves_no_details_in_the_colleagues_trash(shared):
    alice, bob, photo = shared
    photos(alice).delete_photo(photo)
    assert alice.sync().ok and bob.sync().ok
    assert erased(bob, photo)  # « Personnes » reads the trash too: nothing there
    assert details(alice, photo)["caption"] == CAPTION

    alice.store.set_deleted("photos", photo, None)  # restored by its author
    assert alice.sync().ok and bob.sync().ok
    assert details(bob, photo) == details(alice, photo)
    assert photos(bob).list_photos(photos(bob).get_photo(photo).visit_id)[0].caption == CAPTION


def test_a_visit_in_the_trash_keeps_its_photos_details_until_it_is_purged(shared):
    """A deleted visit is in the trash, restorable, on every laptop: its photos keep their
    details there, as its own fields do (the trash is emptied by a purge, which travels
    with its own rule, purge_horizon); only the photo's own rights or deletion erase them
    (its picture still leaves the colleague's media folder, as before)."""
    alice, bob, photo = shared
    visit_id = photos(alice).get_photo(photo).visit_id
    alice.store.delete_visit(visit_id)
    assert alice.sync().ok and bob.sync().ok
    assert not erased(bob, photo)
    alice.store.restore_visit(visit_id)
    assert alice.sync().ok and bob.sync().ok
    assert details(bob, photo) == details(alice, photo)


def test_kept_versions_go_and_the_colleagues_own_file_is_written_again(shared):
    """Bob edited the caption too: his version and Alice's are kept aside as a conflict,
    and Bob's own file of the photo carries his caption. Both go."""
    alice, bob, photo = shared
    photos(alice).update_photo(photo, {"caption": "Paul Martin et son levain"})
    photos(bob).update_photo(photo, {"caption": "M. Martin pétrit"})
    for laptop in (alice, bob, alice):
        assert laptop.sync().ok
    conflicts = "SELECT count(*) FROM sync_conflicts WHERE record_id = ?"
    assert bob.workspace.db.conn.execute(conflicts, (photo,)).fetchone()[0] >= 1
    assert "pétrit" in shared_text(bob)

    photos(alice).update_photo(photo, {"consent": ""})  # M. Martin withdrew
    for laptop in (alice, bob, bob, alice):  # Bob's next pass writes his file again
        assert laptop.sync().ok
    assert erased(bob, photo)
    text = shared_text(alice)
    assert "Martin" not in text and "pétrit" not in text and "Accord écrit" not in text
    assert alice.workspace.db.conn.execute(conflicts, (photo,)).fetchone()[0] >= 1
    assert photos(alice).get_photo(photo).caption in (
        "Paul Martin et son levain",
        "M. Martin pétrit",
    )


def test_a_colleague_who_reads_only_after_the_photo_is_given_back_sees_it_whole(laptops, shared):
    alice, bob, photo = shared
    carol = laptops("carol")  # joins now; reads nothing until the photo is given back
    photos(alice).update_photo(photo, {"consent": ""})
    assert alice.sync().ok and bob.sync().ok
    assert erased(bob, photo)
    photos(alice).update_photo(photo, {"consent": "Nouvel accord de M. Martin"})
    assert alice.sync().ok
    for laptop in (carol, bob):  # erased before, or never erased: the same photo
        assert laptop.sync().ok
        assert details(laptop, photo) == details(alice, photo)
        assert stamps(laptop, photo) == stamps(alice, photo)


def test_a_stale_full_copy_read_after_the_withdrawal_is_erased_again(laptops, shared):
    """Carol edited the caption offline before she learnt of the withdrawal: her full
    file reaches the share after Alice's rights-only one. Read later by Bob, it brings
    the caption back for no longer than the pass that reads it."""
    alice, bob, photo = shared
    carol = laptops("carol")
    assert carol.sync().ok
    photos(carol).update_photo(photo, {"caption": "Paul Martin, boulanger"})
    photos(alice).update_photo(photo, {"consent": ""})
    assert alice.sync().ok and bob.sync().ok
    assert erased(bob, photo)

    assert carol.sync().ok  # publishes her full file, then reads the withdrawal
    assert "boulanger" in shared_text(carol)
    assert erased(carol, photo)
    assert bob.sync().ok  # reads Carol's full file
    assert erased(bob, photo)
    assert carol.sync().ok and bob.sync().ok  # Carol's file becomes rights alone
    assert "boulanger" not in shared_text(carol) and erased(bob, photo)

    photos(alice).update_photo(photo, {"consent": "Nouvel accord"})
    for laptop in (alice, bob, carol):
        assert laptop.sync().ok
    for laptop in (bob, carol):  # the author's values and stamps, on every laptop
        assert details(laptop, photo) == details(alice, photo)
        assert stamps(laptop, photo) == stamps(alice, photo)


def test_an_erased_photo_still_makes_a_valid_private_export(shared):
    """An erased field's empty stamp is no stamp: it never leaves in a file."""
    alice, bob, photo = shared
    photos(alice).update_photo(photo, {"consent": ""})
    assert alice.sync().ok and bob.sync().ok
    document = export_document(bob.store, include_private_photos=True)
    validate_exchange(document)  # raises ExchangeError on an empty stamp
    [copy] = [p for p in document["photos"] if p["id"] == photo]
    assert set(copy["stamps"]) == {"identifiable_people", "consent", "allowed_use", "position"}
    assert import_document(alice.store, document)["updated"] == 0  # Alice's copy untouched
    assert details(alice, photo)["caption"] == CAPTION
