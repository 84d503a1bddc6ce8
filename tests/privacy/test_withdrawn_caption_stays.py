"""QA finding (s6): after a consent is withdrawn, the colleague's laptop keeps the caption
that came with the shared photo (here, the person's name).

DESIGN (Audiences and privacy): « What may no longer be shared is withdrawn from the share
and from colleagues' copies ». The share is cleaned (the record is written again as its
rights alone) and Bob's picture files are deleted, but Bob's photo record still holds
« Anne Dubois devant la grange »: Bob's « Personnes »
(`person "Anne Dubois"`) lists it. Found by hand
with `set-photo … consent=` on one laptop and `sync` then `person` on the other.
"""

from __future__ import annotations

import pytest

from desktop.core.media.photos import PhotoLibrary
from tests.privacy.test_withdrawals import COLOURS, attach, photos


@pytest.fixture
def shared_visit(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne"})
    return alice, bob, alice.store.create_visit(venue.id, "2026-10-13").id


def test_a_withdrawn_photo_leaves_no_caption_on_the_colleagues_laptop(shared_visit):
    alice, bob, visit_id = shared_visit
    photo = attach(alice, visit_id, "Anne Dubois devant la grange", COLOURS[0],
                   identifiable_people=True, consent="Accord écrit de Mme Dubois",
                   allowed_use="public")  # fmt: skip
    assert alice.sync().ok and bob.sync().ok
    assert photos(bob).list_photos(visit_id)[0].caption == "Anne Dubois devant la grange"

    photos(alice).update_photo(photo, {"consent": ""})  # Mme Dubois withdrew
    assert alice.sync().ok and bob.sync().ok

    copies = PhotoLibrary(bob.store, bob.workspace.media).list_photos(visit_id)
    assert [(copy.caption, copy.consent) for copy in copies] in ([], [("", "")])
