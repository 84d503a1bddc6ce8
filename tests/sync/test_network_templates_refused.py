"""A broken template in the share is refused with its reason and changes nothing; a file a
sync client is still writing is waited for, not refused."""

from __future__ import annotations

import copy
import json
import os
import time

import pytest

from tests.sync.network_template_files import (
    RENAMED_TO,
    carnet_visit_sheet,
    drop,
    modeles,
    visit_sheet_v2,
)


def a_template(template_id="atelier", version=1, **extra) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Atelier",
        "type": "object",
        "x-template-id": template_id,
        "x-template-version": version,
        "properties": {"sujet": {"type": "string", "title": "Sujet"}},
        **extra,
    }


def deep_template(depth: int) -> str:
    """A template whose one field holds a note nested depth deep (as text: Python's own
    json would recurse too deep to write it)."""
    schema = a_template(properties={"sujet": {"type": "string", "x-note": "PROFOND"}})
    return json.dumps(schema).replace('"PROFOND"', "[" * depth + "]" * depth)


def without(schema: dict, key: str) -> dict:
    schema = copy.deepcopy(schema)
    del schema[key]
    return schema


def bad_replaces() -> dict:
    schema = visit_sheet_v2()
    schema["properties"][RENAMED_TO]["x-replaces"] = "champ_inexistant"
    return schema


def wider_replaces() -> dict:
    schema = visit_sheet_v2()
    schema["x-template-version"] = 3
    del schema["properties"]["obstacles"]  # « réseau » in the version in use
    schema["properties"]["notes_publiques"] = {"type": "string", "x-replaces": "obstacles"}
    return schema


def same_version_changed() -> dict:
    schema = carnet_visit_sheet()
    schema["title"] = "Fiche de visite (modifiée sans changer de version)"
    return schema


BROKEN = {
    "pas du JSON": ("atelier.schema.json", "Ceci n'est pas un modèle", "pas du JSON valide"),
    "schéma invalide": (
        "atelier.schema.json",
        a_template(properties={"sujet": {"type": "chaine"}}),
        "pas un JSON Schema valide",
    ),
    "sans identifiant": (
        "atelier.schema.json",
        without(a_template(), "x-template-id"),
        "il manque « x-template-id »",
    ),
    "version non entière": (
        "atelier.schema.json",
        a_template(version="2"),
        "nombre entier",
    ),
    "identifiant mal formé": ("atelier.schema.json", a_template("Atelier Été"), "minuscules"),
    "widget inconnu": (
        "atelier.schema.json",
        a_template(properties={"sujet": {"type": "string", "x-widget": "curseur"}}),
        "widget inconnu",
    ),
    "version zéro": ("atelier.schema.json", a_template(version=0), "à partir de 1"),
    "même version modifiée": (
        "visit-sheet.schema.json",
        same_version_changed(),
        "augmentez « x-template-version » (2)",
    ),
    "x-replaces inconnu": ("visit-sheet.schema.json", bad_replaces(), "champ_inexistant"),
    "x-replaces plus large": (
        "visit-sheet.schema.json",
        wider_replaces(),
        "diffuserait plus largement",
    ),
    "fiche du lieu": ("venue.schema.json", a_template("atelier"), "ne peut pas les remplacer"),
    "identifiant réservé": ("lieu.schema.json", a_template("venue"), "réservé à Carnet"),
    "JSON trop imbriqué": ("atelier.schema.json", "[" * 100_000 + "]" * 100_000, "imbriqué"),
    "schéma trop imbriqué": ("atelier.schema.json", deep_template(900), "imbriqué"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_template_is_refused_with_its_reason_and_changes_nothing(laptops, tmp_path, case):
    name, content, reason = BROKEN[case]
    alice = laptops("alice")
    before = alice.workspace.templates
    drop(alice.share_folder, name, content)
    report = alice.sync()
    assert report.ok, report.error
    [(refused_name, why)] = report.templates.refused
    assert refused_name == name and reason in why, why
    assert f"Modèle refusé : {name} — " in report.summary()
    assert report.templates.arrived == []
    assert alice.workspace.templates is before  # not even read again
    assert not (tmp_path / "data-alice" / "modeles").exists()  # nothing installed


def test_a_refusal_is_told_once_and_judged_again_only_when_the_file_changes(laptops):
    alice = laptops("alice")
    drop(alice.share_folder, "atelier.schema.json", without(a_template(), "x-template-id"))
    assert len(alice.sync().templates.refused) == 1
    again = alice.sync().templates
    assert again.refused == []  # not refused loudly at every pass...
    assert [name for name, _ in again.still_refused] == ["atelier.schema.json"]  # ...still shown
    assert "Modèle toujours refusé (inchangé) : atelier.schema.json" in alice.sync().summary()

    drop(alice.share_folder, "atelier.schema.json", a_template(version="1"))  # fixed, wrongly
    assert "nombre entier" in alice.sync().templates.refused[0][1]
    drop(alice.share_folder, "atelier.schema.json", a_template())
    report = alice.sync().templates
    assert report.refused == report.still_refused == []
    assert [(i, v) for i, v, _ in report.arrived] == [("atelier", 1)]
    assert alice.workspace.templates.template("atelier").title == "Atelier"


def test_a_refused_newer_version_leaves_the_version_in_use(laptops, share):
    alice = laptops("alice")
    drop(share, "visit-sheet.schema.json", visit_sheet_v2())
    assert alice.sync().templates.arrived
    drop(share, "visit-sheet.schema.json", bad_replaces() | {"x-template-version": 3})
    report = alice.sync()
    assert "champ_inexistant" in report.templates.refused[0][1]
    assert alice.workspace.templates.visit.version == 2


def test_an_older_version_than_the_one_in_use_is_refused(laptops, share):
    alice = laptops("alice")
    drop(share, "visite-v2.schema.json", visit_sheet_v2())
    alice.sync()
    drop(share, "visite-v1.schema.json", carnet_visit_sheet())  # the old one, shipped again
    [(name, why)] = alice.sync().templates.refused
    assert name == "visite-v1.schema.json"
    assert why.startswith("version 1 plus ancienne que la version 2 déjà en service")
    assert alice.workspace.templates.visit.version == 2


def test_files_a_sync_client_is_still_writing_are_not_refused(laptops, share):
    alice = laptops("alice")
    whole = drop(share, "atelier.schema.json", a_template()).read_text("utf-8")
    (modeles(share) / "atelier.schema.json").write_text(whole[: len(whole) // 2], "utf-8")
    drop(share, ".atelier.schema.json.~3f2a9c", "{")  # Nextcloud's temp name
    drop(share, "cafe.schema.json.part", "{")  # a partial download
    drop(share, "vide.schema.json", "")
    report = alice.sync()
    assert report.ok and report.templates.refused == [] and report.templates.still_refused == []
    assert sorted(report.templates.arriving) == ["atelier.schema.json", "vide.schema.json"]
    assert "Modèle refusé" not in report.summary()

    drop(share, "atelier.schema.json", whole)  # the copy completes
    report = alice.sync()
    assert [(i, v) for i, v, _ in report.templates.arrived] == [("atelier", 1)]

    old = time.time() - 3600  # still empty an hour later: damaged, not arriving
    os.utime(modeles(share) / "vide.schema.json", (old, old))
    [(name, why)] = alice.sync().templates.refused
    assert name == "vide.schema.json" and "inchangé depuis plus de 10 minutes" in why


def test_a_template_removed_from_the_share_stays_in_use(laptops, share):
    alice = laptops("alice")
    path = drop(share, "atelier.schema.json", a_template())
    alice.sync()
    path.unlink()  # the drive unplugged, or the coordinator tidied up
    assert alice.sync().ok
    assert alice.workspace.templates.template("atelier").version == 1


def test_a_catalogue_travels_with_its_template(laptops, share, tmp_path):
    alice = laptops("alice")
    drop(share, "atelier.schema.json", a_template())
    drop(share, "atelier.schema.en.json", {"title": "Workshop"})
    alice.sync()
    received = tmp_path / "data-alice" / "modeles"
    assert (received / "atelier.schema.en.json").is_file()
    assert (received / "versions" / "atelier.v1.schema.en.json").is_file()
    alice.workspace.use_language("en")
    assert alice.workspace.templates.template("atelier").title == "Workshop"
