"""`photos` and `set-photo`: image rights from scripts, refused values change nothing."""

import json

import pytest
from PIL import Image

from tests.core.test_cli import refused


@pytest.fixture
def visit_id(carnet) -> str:
    venue = carnet("new-venue", "--name", "La Quincaillerie", "--commune", "Guéret")
    return carnet("new-visit", venue.stdout.strip(), "--date", "2025-02-11").stdout.strip()


def attach_one(carnet, visit_id, tmp_path) -> str:
    path = tmp_path / "groupe.jpg"
    Image.new("RGB", (400, 300), (120, 60, 30)).save(path, "JPEG")
    result = carnet("attach", visit_id, str(path))
    assert result.returncode == 0, result.stderr
    photos = json.loads(carnet("photos", visit_id).stdout)
    assert len(photos) == 1
    return photos[0]["id"]


def test_photos_start_to_review_and_set_photo_changes_their_rights(carnet, visit_id, tmp_path):
    photo_id = attach_one(carnet, visit_id, tmp_path)
    [photo] = json.loads(carnet("photos", visit_id).stdout)
    assert photo["identifiable_people"] is None and photo["reaches"] == "interne"
    assert photo["file_name"] == "groupe.jpg"
    result = carnet(
        "set-photo", photo_id, "identifiable_people=oui", "consent=Formulaire signé",
        "allowed_use=reseau", "caption=L'équipe bénévole",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)  # stdout stays JSON for scripts
    assert shown["identifiable_people"] is True and shown["reaches"] == "reseau"
    assert shown["caption"] == "L'équipe bénévole"
    assert "Modifié" in result.stderr


def test_a_refused_value_changes_nothing(carnet, visit_id, tmp_path):
    photo_id = attach_one(carnet, visit_id, tmp_path)
    message = refused(carnet("set-photo", photo_id, "caption=Façade", "allowed_use=monde"))
    assert "Usage autorisé" in message and "Rien n'a été modifié" in message
    message = refused(carnet("set-photo", photo_id, "identifiable_people=peut-être"))
    assert "oui, non ou à vérifier" in message
    refused(carnet("set-photo", photo_id, "couleur=rouge"))
    [photo] = json.loads(carnet("photos", visit_id).stdout)
    assert photo["caption"] == "" and photo["allowed_use"] is None


def test_unknown_ids_are_said_so(carnet, visit_id):
    assert "introuvable" in refused(carnet("photos", "0" * 32))
    assert "introuvable" in refused(carnet("set-photo", "0" * 32, "caption=x"))


def test_set_photo_turns_a_photo_and_refuses_what_is_no_quarter_turn(carnet, visit_id, tmp_path):
    photo_id = attach_one(carnet, visit_id, tmp_path)
    [photo] = json.loads(carnet("photos", visit_id).stdout)
    assert photo["rotation"] == 0
    shown = json.loads(carnet("set-photo", photo_id, "rotation=-90").stdout)
    assert shown["rotation"] == 270  # a quarter turn to the left
    message = refused(carnet("set-photo", photo_id, "rotation=45"))
    assert "0, 90, 180 ou 270" in message and "Rien n'a été modifié" in message
    refused(carnet("set-photo", photo_id, "rotation=droite"))
    [photo] = json.loads(carnet("photos", visit_id).stdout)
    assert photo["rotation"] == 270
