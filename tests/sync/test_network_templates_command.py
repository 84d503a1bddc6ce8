"""The headless commands with a network template: `sync` says what arrived and what was
refused (its usual lines kept), `show` names the fields of a previous version."""

from __future__ import annotations

import json

from tests.headless import run_carnet as carnet
from tests.sync.network_template_files import (
    REMOVED,
    RENAMED_FROM,
    RENAMED_TO,
    drop,
    visit_sheet_v2,
)


def test_sync_reports_templates_and_show_lists_the_earlier_fields(tmp_path):
    share, alice = tmp_path / "partage", tmp_path / "alice"
    share.mkdir()
    venue = carnet(alice, "new-venue", "--name", "La Ferme du Bourg").stdout.strip()
    visit = carnet(alice, "new-visit", venue, "--date", "2026-11-20").stdout.strip()
    carnet(alice, "set", visit, f"{REMOVED}=Commune", f"{RENAMED_FROM}=Collégiale")
    drop(share, "visit-sheet.schema.json", visit_sheet_v2())
    drop(share, "atelier.schema.json", {"title": "Atelier", "x-template-version": 1})
    result = carnet(alice, "sync", "--shared", str(share), "--no-sheets")
    assert result.returncode == 0, result.stderr
    assert "Publié : 2 enregistrement(s)" in result.stdout  # the usual lines stay
    assert "Modèle reçu du réseau : « Fiche de visite » (visit-sheet, version 2)." in result.stdout
    assert (
        "Modèle refusé : atelier.schema.json — il manque « x-template-id » "
        "(l'identifiant du modèle)"
    ) in result.stdout
    again = carnet(alice, "sync", "--no-sheets").stdout
    assert "Modèle refusé" not in again and "Modèle toujours refusé (inchangé)" in again

    shown = json.loads(carnet(alice, "show", visit).stdout)
    assert shown["template_version"] == 1 and shown["template_in_use"]["version"] == 2
    assert shown["fields"][REMOVED] == "Commune"  # kept
    assert shown["read_through"] == {RENAMED_TO: "Collégiale"}
    earlier = {f["key"]: f for f in shown["earlier_fields"]}
    assert earlier[REMOVED]["title"] == "Collectivités et partenaires publics impliqués"
    assert earlier[RENAMED_FROM]["replaced_by"] == "Décisions : qui décide, comment"
