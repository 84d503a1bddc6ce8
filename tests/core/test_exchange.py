"""The JSON exchange file: lossless round trip, per-field merge, all-or-nothing refusals."""

import json

import pytest

from desktop.core.merge import exchange
from desktop.core.merge.exchange import ExchangeError, export_document, import_document, import_json
from desktop.core.merge.hlc import Stamp
from desktop.core.storage.workspace import open_workspace


def _comparable(store) -> dict:
    """The export minus what legitimately differs between two laptops."""
    document = export_document(store)
    return {k: v for k, v in document.items() if k not in ("exported_at", "device_id")}


def _copy(document: dict) -> dict:
    return json.loads(json.dumps(document))


@pytest.fixture
def colleague(tmp_path):
    ws = open_workspace(tmp_path / "colleague")
    yield ws
    ws.close()


@pytest.fixture
def filled(store):
    """A realistic workspace: carried-over values, a deleted visit, a deleted venue."""
    moulin = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    first = store.create_visit(moulin.id, "2024-10-03")
    store.update_visit(
        first.id,
        {
            "legal_form": "scic",
            "economic_notes": "Équilibre fragile, économie de la contribution.",
            "actions": [{"what": "Relancer la commune", "who": "Camille", "status": "a_faire"}],
            "staff_fte": 1.5,
            "fibre": True,
        },
    )
    second = store.create_visit(moulin.id, "2025-03-14")
    store.update_visit(second.id, {"legal_form": "scop"})
    draft = store.create_visit(moulin.id, "2025-01-01", carry_over=False)
    store.delete_visit(draft.id)
    cafe = store.create_venue({"name": "Café Ô Champ", "commune": "Aubusson"})
    store.create_visit(cafe.id, "2024-06-01")
    store.delete_venue(cafe.id)
    return {"first": first.id, "second": second.id, "draft": draft.id, "cafe": cafe.id}


def test_export_then_import_gives_an_identical_export(store, filled, colleague):
    document = export_document(store)
    assert len(document["venues"]) == 2 and len(document["visits"]) == 4
    counts = import_document(colleague.store, _copy(document))
    assert counts == {"created": 6, "updated": 0, "unchanged": 0}
    assert _comparable(colleague.store) == _comparable(store)

    second = colleague.store.get_visit(filled["second"])
    assert second.carried_over == {"economic_notes", "staff_fte", "fibre"}  # legal_form edited
    assert second.carried_from == "2024-10-03"
    assert second.data["legal_form"] == "scop"
    assert colleague.store.field_stamps(filled["first"]) == store.field_stamps(filled["first"])
    trash = {(i.kind, i.id) for i in colleague.store.list_trash()}
    assert trash == {("visit", filled["draft"]), ("venue", filled["cafe"])}
    assert colleague.store.get_visit(filled["draft"]).data == store.get_visit(filled["draft"]).data


def test_an_imported_visit_is_listed_and_searchable(store, filled, colleague):
    import_document(colleague.store, _copy(export_document(store)))
    assert [v.visit_date for v in colleague.store.list_visits()] == ["2025-03-14", "2024-10-03"]
    hits = colleague.store.search_visits("contribution")
    assert {h.visit_id for h in hits} == {filled["first"], filled["second"]}
    assert [v.name for v in colleague.store.list_venues("felletin")] == ["Le Moulin Fabrique"]


def test_the_export_file_round_trips_through_disk(store, filled, colleague, tmp_path):
    path = tmp_path / "export.json"
    counts = exchange.export_json(store, path)
    assert (counts["venues"], counts["visits"], counts["photos_left_out"]) == (2, 4, 0)
    assert not path.with_name("export.json.tmp").exists()
    import_json(colleague.store, path)
    assert _comparable(colleague.store) == _comparable(store)


def test_importing_twice_changes_nothing_the_second_time(store, filled, colleague, row_counts):
    document = export_document(store)
    import_document(colleague.store, _copy(document))
    after_first, counts_first = _comparable(colleague.store), row_counts(colleague.db)
    again = import_document(colleague.store, _copy(document))
    assert again == {"created": 0, "updated": 0, "unchanged": 6}
    assert _comparable(colleague.store) == after_first
    assert row_counts(colleague.db) == counts_first


def test_an_older_export_does_not_undo_a_newer_local_edit(store, filled, colleague):
    old = export_document(store)
    import_document(colleague.store, _copy(old))
    colleague.store.update_visit(filled["first"], {"legal_form": "association_loi_1901"})
    store.update_visit(filled["first"], {"strengths": "Un lieu très ouvert"})
    newer = export_document(store)

    assert import_document(colleague.store, _copy(old))["updated"] == 0
    import_document(colleague.store, _copy(newer))
    data = colleague.store.get_visit(filled["first"]).data
    assert data["legal_form"] == "association_loi_1901"  # the colleague's later edit stays
    assert data["strengths"] == "Un lieu très ouvert"  # the other field does come in
    # And back the other way: the colleague's edit wins on the first laptop too.
    import_document(store, _copy(export_document(colleague.store)))
    assert store.get_visit(filled["first"]).data["legal_form"] == "association_loi_1901"
    assert _comparable(store) == _comparable(colleague.store)


def test_a_cleared_field_and_a_deletion_travel(store, filled, colleague):
    import_document(colleague.store, _copy(export_document(store)))
    store.update_visit(filled["first"], {"economic_notes": None})
    store.delete_visit(filled["second"])
    store.restore_visit(filled["draft"])
    import_document(colleague.store, _copy(export_document(store)))
    assert "economic_notes" not in colleague.store.get_visit(filled["first"]).data
    listed = {v.id for v in colleague.store.list_visits()}
    assert filled["second"] not in listed and filled["draft"] in listed
    assert colleague.store.search_visits("contribution") == []


def test_a_local_edit_after_restart_beats_a_file_from_a_clock_ahead(store, filled, tmp_path):
    """A colleague's clock runs 10 minutes fast; we import, quit, restart and edit."""
    document = _copy(export_document(store))
    for record in document["visits"]:
        for stamp in record["stamps"].values():
            wall = Stamp.decode(stamp["stamp"])
            stamp["stamp"] = Stamp(wall.wall_ms + 600_000, wall.counter, wall.device_id).encode()
    folder = tmp_path / "laptop"
    ws = open_workspace(folder)
    import_document(ws.store, _copy(document))
    ws.close()

    ws = open_workspace(folder)
    try:
        ws.store.update_visit(filled["first"], {"legal_form": "scop"})
        import_document(ws.store, _copy(document))
        assert ws.store.get_visit(filled["first"]).data["legal_form"] == "scop"
    finally:
        ws.close()


# --- refusals: a French message, and nothing changed ------------------------------------


def _refused(store, row_counts, path) -> str:
    before, counts = _comparable(store), row_counts(store.db)
    with pytest.raises(ExchangeError) as info:
        import_json(store, path)
    assert _comparable(store) == before
    assert row_counts(store.db) == counts
    return str(info.value)


def test_a_file_that_is_not_json_is_refused(store, filled, row_counts, tmp_path):
    path = tmp_path / "visites.json"
    path.write_text('{"format": "carnet-exchange", "venues": [', "utf-8")
    assert "n'est pas un fichier JSON lisible" in _refused(store, row_counts, path)
    path.write_bytes(b"\xff\xfe\x00 pas du texte")
    assert "n'est pas un fichier texte UTF-8" in _refused(store, row_counts, path)


def test_a_missing_file_is_refused(store, filled, row_counts, tmp_path):
    assert "Impossible de lire" in _refused(store, row_counts, tmp_path / "absent.json")


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("visits"),
        lambda d: d.update(format="autre-chose"),
        lambda d: d["venues"][0]["data"].pop("name"),
        lambda d: d["visits"][0]["stamps"]["legal_form"].update(stamp="hier"),
        lambda d: d["visits"][0].update(id="../../etc/passwd"),
        lambda d: d["visits"][0].pop("template_id"),
        lambda d: d["visits"].append("une visite"),
    ],
)
def test_a_file_that_fails_the_exchange_schema_is_refused(
    store, filled, row_counts, tmp_path, breakage
):
    document = _copy(export_document(store))
    document["venues"].append(
        {**document["venues"][0], "id": "nouveau", "data": {"name": "Nouveau lieu"}}
    )
    breakage(document)
    path = tmp_path / "visites.json"
    path.write_text(json.dumps(document), "utf-8")
    assert "n'est pas un export Carnet valide" in _refused(store, row_counts, path)


def test_a_file_from_a_newer_format_is_refused(store, filled, row_counts, tmp_path):
    document = _copy(export_document(store))
    document["version"] = exchange.FORMAT_VERSION + 1
    path = tmp_path / "visites.json"
    path.write_text(json.dumps(document), "utf-8")
    message = _refused(store, row_counts, path)
    assert "version plus récente de Carnet" in message and "Mettez Carnet à jour" in message


def test_a_visit_of_an_unknown_venue_is_refused_all_or_nothing(
    store, filled, row_counts, tmp_path, colleague
):
    newcomer = colleague.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    good = colleague.store.create_visit(newcomer.id, "2025-02-02")
    document = _copy(export_document(colleague.store))
    orphan = {**document["visits"][0], "id": "orpheline", "venue_id": "lieu-inconnu"}
    document["visits"].append(orphan)
    path = tmp_path / "visites.json"
    path.write_text(json.dumps(document), "utf-8")
    message = _refused(store, row_counts, path)
    assert message == "La visite orpheline renvoie à un lieu absent du fichier."
    # The venue and visit before the orphan were not half-imported either.
    assert [v.name for v in store.list_venues("quincaillerie")] == []
    assert good.id not in {v.id for v in store.list_visits()}


def test_a_merge_keeps_the_local_carry_over_markers(tmp_path):
    from desktop.core.merge.exchange import export_document, import_document

    here = open_workspace(tmp_path / "here")
    venue = here.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    first = here.store.create_visit(venue.id, "2025-01-10")
    here.store.update_visit(first.id, {"legal_form": "scic"})
    second = here.store.create_visit(venue.id, "2025-06-10")
    document = export_document(here.store)  # second still marks legal_form as carried over
    here.store.confirm_carried_over(second.id, ["legal_form"])
    here.store.update_visit(second.id, {"strengths": "Équipe"})
    there = open_workspace(tmp_path / "there")
    import_document(there.store, document)
    there.store.update_visit(second.id, {"obstacles": "Bail précaire"})
    import_document(here.store, export_document(there.store))
    merged = here.store.get_visit(second.id)
    assert merged.data["obstacles"] == "Bail précaire"
    assert "legal_form" not in merged.carried_over  # the marker cleared here stays cleared
    here.close()
    there.close()
