"""Venues and visits in the local database: what is typed is kept, stamped and undoable."""

import pytest

from desktop.core.merge.hlc import Stamp
from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.storage.workspace import open_workspace

EVERY_KIND = {
    "facilitator": "Camille Martin",  # text
    "governance_notes": "Collégiale à 5.\nRéunion mensuelle, « ouverte ».",  # textarea
    "legal_form": "scic",  # select
    "services": ["cafe_bar", "mediation_numerique"],  # multiselect
    "staff_fte": 2.5,  # number
    "volunteers": 14,  # integer
    "end_date": "2027-06-30",  # date
    "fibre": False,  # checkbox (False is a value, not an empty field)
    "actions": [
        {"what": "Relancer la commune", "who": "Camille", "due": "2025-06-01", "status": "a_faire"}
    ],  # table
}
CARRIED = {
    "legal_form": "scic",
    "economic_notes": "Économie de la contribution",
    "tenure": "proprietaire",
}
NOT_CARRIED = {"visit_type": "diagnostic", "strengths": "Un lieu très ouvert", "referrals": "DLA"}


def test_a_new_venue_and_visit_are_stored(store, venue):
    assert venue.name == "Le Moulin Fabrique" and venue.commune == "Felletin"
    visit = store.create_visit(venue.id, "2025-03-14")
    assert visit.venue_id == venue.id
    assert visit.data["visit_date"] == "2025-03-14"
    assert visit.data["facilitator"] == store.author.user_name
    assert visit.template_id == "visit-sheet"
    assert visit.owner_device == store.author.device_id
    [summary] = store.list_visits()
    assert (summary.id, summary.venue_name, summary.visit_date) == (
        visit.id,
        "Le Moulin Fabrique",
        "2025-03-14",
    )


def test_a_venue_needs_a_name(store):
    with pytest.raises(ValueError, match="Un lieu doit avoir un nom"):
        store.create_venue({"name": "  ", "commune": "Felletin"})
    assert store.list_venues() == []


def test_unknown_records_are_reported_in_french(store):
    with pytest.raises(RecordNotFound, match="Visite introuvable"):
        store.get_visit("inconnue")
    with pytest.raises(RecordNotFound, match="Lieu introuvable"):
        store.create_visit("inconnu")


def test_every_kind_of_value_reads_back_as_typed(store, visit):
    result = store.update_visit(visit.id, EVERY_KIND)
    assert set(result.changed) == set(EVERY_KIND)
    assert result.errors == {}
    data = store.get_visit(visit.id).data
    for key, value in EVERY_KIND.items():
        assert data[key] == value and type(data[key]) is type(value), key
    assert result.completeness == store.get_visit(visit.id).completeness > visit.completeness


def test_an_unchanged_value_is_not_a_change(store, visit):
    store.update_visit(visit.id, {"volunteers": 14})
    stamps = store.field_stamps(visit.id)
    result = store.update_visit(visit.id, {"volunteers": 14})
    assert result.changed == ()
    assert store.field_stamps(visit.id) == stamps


def test_each_edit_is_stamped_with_device_user_and_a_growing_stamp(store, visit):
    seen = []
    for count in (1, 2, 3):
        store.update_visit(visit.id, {"volunteers": count})
        stamp = store.field_stamps(visit.id)["volunteers"]
        assert stamp["device_id"] == store.author.device_id
        assert stamp["user_name"] == store.author.user_name
        seen.append(Stamp.decode(stamp["stamp"]))
    assert seen[0] < seen[1] < seen[2]
    assert [s.device_id for s in seen] == [store.author.device_id] * 3


def test_clearing_a_field_removes_it(store, visit):
    store.update_visit(visit.id, {"strengths": "Un lieu très ouvert", "services": ["formation"]})
    result = store.update_visit(visit.id, {"strengths": "", "services": []})
    assert set(result.changed) == {"strengths", "services"}
    data = store.get_visit(visit.id).data
    assert "strengths" not in data and "services" not in data
    # The clearing itself is stamped, so the sync can carry it to colleagues.
    assert "strengths" in store.field_stamps(visit.id)


# --- carry-over -----------------------------------------------------------------------


def test_a_second_visit_takes_over_governance_economy_and_place(store, venue):
    first = store.create_visit(venue.id, "2024-10-03")
    store.update_visit(first.id, {**CARRIED, **NOT_CARRIED})
    older = store.create_visit(venue.id, "2023-05-01", carry_over=False)
    store.update_visit(older.id, {"legal_form": "association_loi_1901"})

    second = store.create_visit(venue.id, "2025-03-14")
    assert {k: second.data.get(k) for k in CARRIED} == CARRIED
    assert second.carried_over == frozenset(CARRIED)
    assert second.carried_from == "2024-10-03"  # the latest visit, not the last created
    assert not set(NOT_CARRIED) & set(second.data)
    assert second.data["visit_date"] == "2025-03-14"


def test_a_first_visit_carries_nothing(store, venue):
    visit = store.create_visit(venue.id, "2025-03-14")
    assert visit.carried_over == frozenset() and visit.carried_from is None


def test_carry_over_can_be_declined(store, venue):
    first = store.create_visit(venue.id, "2024-10-03")
    store.update_visit(first.id, CARRIED)
    second = store.create_visit(venue.id, "2025-03-14", carry_over=False)
    assert not set(CARRIED) & set(second.data)


def test_editing_a_carried_over_field_removes_its_marker(store, venue):
    first = store.create_visit(venue.id, "2024-10-03")
    store.update_visit(first.id, CARRIED)
    second = store.create_visit(venue.id, "2025-03-14")
    store.update_visit(second.id, {"legal_form": "scop"})
    assert store.get_visit(second.id).carried_over == frozenset(CARRIED) - {"legal_form"}
    store.confirm_carried_over(second.id, ["tenure"])
    assert store.get_visit(second.id).carried_over == {"economic_notes"}
    assert store.get_visit(first.id).data["legal_form"] == "scic"  # the old visit is untouched


# --- trash ----------------------------------------------------------------------------


def test_a_deleted_visit_goes_to_the_trash_and_comes_back(store, venue, visit):
    store.update_visit(visit.id, {"strengths": "Fablab très actif"})
    store.delete_visit(visit.id)
    assert store.list_visits() == []
    assert store.search_visits("fablab") == []
    [item] = store.list_trash()
    assert (item.kind, item.id) == ("visit", visit.id)
    assert item.label == "Visite du 2025-03-14 — Le Moulin Fabrique"
    assert store.get_visit(visit.id).deleted_at is not None

    store.restore_visit(visit.id)
    assert [v.id for v in store.list_visits()] == [visit.id]
    assert [h.visit_id for h in store.search_visits("fablab")] == [visit.id]
    assert store.list_trash() == []
    assert store.get_visit(visit.id).data["strengths"] == "Fablab très actif"


def test_a_deleted_venue_hides_its_visits_until_restored(store, venue, visit):
    store.delete_venue(venue.id)
    assert store.list_venues() == [] and store.list_venues("moulin") == []
    assert store.list_visits() == [] and store.list_visits(venue.id) == []
    assert store.search_visits("moulin") == []
    assert [(i.kind, i.id) for i in store.list_trash()] == [("venue", venue.id)]
    assert "Le Moulin Fabrique" in store.list_trash()[0].label

    store.restore_venue(venue.id)
    assert [v.id for v in store.list_venues()] == [venue.id]
    assert [v.id for v in store.list_visits()] == [visit.id]
    assert [h.visit_id for h in store.search_visits("moulin")] == [visit.id]
    assert store.list_trash() == []


def test_deleting_is_stamped_for_the_sync(store, visit):
    store.delete_visit(visit.id)
    assert "_deleted" in store.field_stamps(visit.id)


# --- durability -----------------------------------------------------------------------


def test_data_survives_closing_and_reopening(tmp_path):
    ws = open_workspace(tmp_path / "data")
    venue = ws.store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    visit = ws.store.create_visit(venue.id, "2025-03-14")
    ws.store.update_visit(visit.id, EVERY_KIND)
    device, stamps = ws.store.author.device_id, ws.store.field_stamps(visit.id)
    ws.close()

    again = open_workspace(tmp_path / "data")
    try:
        assert again.store.author.device_id == device  # made once, kept forever
        assert {k: again.store.get_visit(visit.id).data[k] for k in EVERY_KIND} == EVERY_KIND
        assert again.store.field_stamps(visit.id) == stamps
        assert [v.id for v in again.store.list_visits()] == [visit.id]
        # The clock goes on from where it stopped: a new edit is stamped later.
        again.store.update_visit(visit.id, {"volunteers": 15})
        assert again.store.field_stamps(visit.id)["volunteers"]["stamp"] > max(
            s["stamp"] for s in stamps.values()
        )
    finally:
        again.close()


# --- venue list -----------------------------------------------------------------------


def test_venues_are_found_by_name_or_commune_without_accents(store):
    for name, commune in [
        ("La Quincaillerie", "Guéret"),
        ("Le Moulin Fabrique", "Felletin"),
        ("Tiers-Lieu des Îles", "Guérande"),
    ]:
        store.create_venue({"name": name, "commune": commune})
    assert [v.name for v in store.list_venues("gueret")] == ["La Quincaillerie"]
    assert [v.name for v in store.list_venues("GUÉRET")] == ["La Quincaillerie"]
    assert [v.name for v in store.list_venues("guer")] == [
        "La Quincaillerie",
        "Tiers-Lieu des Îles",
    ]
    assert [v.name for v in store.list_venues("moulin")] == ["Le Moulin Fabrique"]
    assert [v.name for v in store.list_venues("iles")] == ["Tiers-Lieu des Îles"]
    assert store.list_venues("Paris") == []


def test_venues_are_sorted_the_french_way(store):
    for name in ["Forge", "écluse", "Dune", "Œuvre commune", "Abri", "Écluse", "Zinc", "Noria"]:
        store.create_venue({"name": name})
    names = [v.name for v in store.list_venues()]
    assert names.index("Dune") < names.index("Écluse") < names.index("Forge")
    assert names.index("Noria") < names.index("Œuvre commune") < names.index("Zinc")
    assert names[0] == "Abri" and names[-1] == "Zinc"


def test_renaming_a_venue_shows_in_lists(store, venue, visit):
    result = store.update_venue(venue.id, {"name": "La Fabrique du Moulin"})
    assert result.changed == ("name",)
    assert [v.name for v in store.list_venues("fabrique")] == ["La Fabrique du Moulin"]
    assert store.list_visits()[0].venue_name == "La Fabrique du Moulin"


def test_a_venue_never_loses_its_name(store, venue):
    result = store.update_venue(venue.id, {"name": "", "commune": "Aubusson"})
    assert result.changed == ("commune",)
    assert store.get_venue(venue.id).name == "Le Moulin Fabrique"
