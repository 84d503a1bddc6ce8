"""The headless `conflicts` command: the open conflicts as JSON, for scripts."""

import json
import re
from datetime import UTC, datetime

from desktop.core.storage.workspace import open_workspace

ISO_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def conflicts(carnet) -> list[dict]:
    result = carnet("conflicts")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return json.loads(result.stdout)


def test_a_fresh_folder_has_no_conflict(carnet):
    assert conflicts(carnet) == []


def test_a_value_written_over_unseen_is_listed_with_both_versions(carnet, tmp_path):
    ws = open_workspace(tmp_path / "data")
    try:
        ws.set_setting("user_name", "Camille")
        venue = ws.store.create_venue({"name": "La Fabrique Éphémère"})
        visit = ws.store.create_visit(venue.id, "2026-11-20")
        shown = ws.store.update_visit(visit.id, {"strengths": "Un jardin"}).stamps["strengths"]
        ws.store.update_visit(visit.id, {"strengths": "Un atelier"})  # another window
        # The form still showed « Un jardin »: the value stored since is kept aside.
        ws.store.update_visit(visit.id, {"strengths": "Un café"}, bases={"strengths": shown})
        device = ws.store.author.device_id
    finally:
        ws.close()

    [item] = conflicts(carnet)
    assert item["table"] == "visits" and item["record_id"] == visit.id
    assert (item["visit_id"], item["venue_id"]) == (visit.id, venue.id)
    assert item["field"] == "strengths" and item["kind"] == "champ" and item["title"]
    assert item["context"].startswith("La Fabrique Éphémère — visite du ")
    assert item["en_place"]["value"] == "Un café" and item["autre"]["value"] == "Un atelier"
    for version in (item["en_place"], item["autre"]):
        assert version["author"] == "Camille" and version["device_id"] == device
        assert ISO_UTC.fullmatch(version["time"]), version["time"]
        wall_ms = int(version["stamp"].split("-")[0])
        shown_time = datetime.fromtimestamp(wall_ms // 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert version["time"] == shown_time
    assert item["autre"]["stamp"] < item["en_place"]["stamp"]


def test_a_cleared_value_is_null(carnet, tmp_path):
    ws = open_workspace(tmp_path / "data")
    try:
        venue = ws.store.create_venue({"name": "Le Relais"})
        visit = ws.store.create_visit(venue.id, "2026-11-20")
        shown = ws.store.update_visit(visit.id, {"obstacles": "Le toit"}).stamps["obstacles"]
        ws.store.update_visit(visit.id, {"obstacles": ""})
        ws.store.update_visit(visit.id, {"obstacles": "Le chauffage"}, bases={"obstacles": shown})
    finally:
        ws.close()
    [item] = conflicts(carnet)
    assert item["en_place"]["value"] == "Le chauffage" and item["autre"]["value"] is None


def test_an_edit_made_after_seeing_the_version_written_underneath_answers_it(carnet, tmp_path):
    """The form showed both (the conflict's marker) and the user typed again: that edit
    has seen the version written underneath, so the command lists nothing."""
    ws = open_workspace(tmp_path / "data")
    try:
        venue = ws.store.create_venue({"name": "Le Relais"})
        visit = ws.store.create_visit(venue.id, "2026-11-20")
        shown = ws.store.update_visit(visit.id, {"obstacles": "Le toit"}).stamps["obstacles"]
        ws.store.update_visit(visit.id, {"obstacles": "Le chauffage"})  # another window
        ws.store.update_visit(visit.id, {"obstacles": "La cour"}, bases={"obstacles": shown})
    finally:
        ws.close()
    [item] = conflicts(carnet)
    assert item["autre"]["value"] == "Le chauffage"
    ws = open_workspace(tmp_path / "data")
    try:
        ws.store.update_visit(visit.id, {"obstacles": "La cour et le chauffage"})
    finally:
        ws.close()
    assert conflicts(carnet) == []
