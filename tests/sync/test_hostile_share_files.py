"""One hostile file in the share must not stop every colleague's sync pass (found by QA).

The promise (README, Synchronisation): « a truncated, empty, non-UTF-8, invalid or
newer-format file is skipped with its reason ». Two files found by hand are not skipped:
the pass raises, nothing else from the share is imported, and the window's status bar
shows Python's English message (« maximum recursion depth exceeded… », « 'utf-8' codec
can't encode character '\\udcff'… »). Any laptop, a sync client or a colleague's tool can
leave such a file; until someone finds and deletes it by hand, nobody receives anything.
"""

from __future__ import annotations

import json
import os

import pytest

from desktop.core.sync.share import Share


@pytest.fixture
def published(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ferme de Chassagne"})
    visit = alice.store.create_visit(venue.id, "2026-10-13")
    alice.store.update_visit(visit.id, {"strengths": "Un collectif soudé"})
    assert alice.sync().ok
    share = Share(alice.share_folder, alice.store.author.device_id)
    return alice, bob, share, visit


def test_a_deeply_nested_json_file_is_skipped_not_fatal(published):
    alice, bob, share, visit = published
    folder = share.record_path("visits", visit.id).parent
    # valid JSON, 100,000 arrays deep: orjson refuses it (depth limit), and the standard
    # parser, tried next, raised RecursionError out of the pass
    (folder / "profond.json").write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    report = bob.sync()
    assert report.ok
    assert bob.visit_data(visit.id)["strengths"] == "Un collectif soudé"
    skipped = dict(report.skipped)
    assert any(path.endswith("profond.json") for path in skipped)
    assert "imbriqué" in next(w for p, w in skipped.items() if p.endswith("profond.json"))


@pytest.mark.parametrize("depth", [65, 1_000, 1_030])
def test_a_record_nested_too_deep_for_the_database_is_skipped(published, depth):
    """Below orjson's limit (1,024) but past what SQLite's JSON functions and Python's
    encoder walk: a valid document, with a field nested `depth` deep."""
    alice, bob, share, visit = published
    path = share.record_path("visits", visit.id)
    document = json.loads(path.read_text("utf-8"))
    document["visits"][0]["data"]["strengths"] = "PROFOND"
    deep = "[" * depth + "]" * depth  # as text: Python's own json would recurse too deep
    text = json.dumps(document).replace('"PROFOND"', deep)
    (path.parent / "profond.json").write_text(text, "utf-8")
    report = bob.sync()
    assert report.ok
    assert bob.visit_data(visit.id)["strengths"] == "Un collectif soudé"
    assert any(p.endswith("profond.json") and "imbriqué" in w for p, w in report.skipped)


def test_a_file_name_that_is_not_utf8_is_skipped_not_fatal(published):
    alice, bob, share, visit = published
    folder = share.record_path("visits", visit.id).parent
    # a name written by another system (Latin-1 « é », or any byte that is not UTF-8)
    with open(os.fsencode(folder) + b"/fiche-\xe9t\xe9.json", "wb") as file:
        file.write(b"{}")
    os.mkdir(os.fsencode(share.root) + b"/devices/appareil-\xe9")  # a folder too
    report = bob.sync()
    assert report.ok
    assert bob.visit_data(visit.id)["strengths"] == "Un collectif soudé"
    refused = {path: why for path, why in report.skipped if "\\xe9" in path}
    assert len(refused) == 2 and all("pas de l'UTF-8" in why for why in refused.values())
    assert all(path.encode("utf-8") for path in refused)  # printable, storable


@pytest.mark.parametrize("where", ["device", "share"])
def test_a_deeply_nested_device_or_share_file_is_no_fatal_error(published, where):
    """device.json (who a colleague is) and partage.json (the share's id) are read as they
    are: one nested 100,000 deep says nothing, and stops nothing."""
    alice, bob, share, visit = published
    device = share.root / "devices" / alice.store.author.device_id / "device.json"
    path = device if where == "device" else share.root / "partage.json"
    path.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    report = bob.sync()
    assert report.ok, report.error
    assert bob.visit_data(visit.id)["strengths"] == "Un collectif soudé"


@pytest.mark.parametrize(
    ("key", "odd"),
    [("services", [["cafe_bar"]]), ("visit_type", ["suivi"]), ("services", [{"a": 1}])],
)
def test_a_list_or_object_where_a_choice_is_expected_is_received_not_fatal(published, key, odd):
    """A colleague's tool (or an older or newer template) wrote a list where a choice is:
    the record arrives like any invalid value, kept and flagged, and the pass goes on."""
    alice, bob, share, visit = published
    path = share.record_path("visits", visit.id)
    document = json.loads(path.read_text("utf-8"))
    document["visits"][0]["data"][key] = odd
    document["visits"][0]["stamps"][key] = document["visits"][0]["stamps"]["strengths"]
    path.write_text(json.dumps(document), "utf-8")
    report = bob.sync()
    assert report.ok, report.error
    assert bob.visit_data(visit.id)["strengths"] == "Un collectif soudé"
    assert bob.visit_data(visit.id)[key] == odd  # kept as it came, flagged by validation
