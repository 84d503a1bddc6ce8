"""Several record templates: Carnet's own, and the newer versions a network ships.

A record names its template by id; the set finds it, keeps each id's highest version,
tells Carnet's templates from the network's, and never lets a damaged network file stop
the app."""

import json
import shutil

import pytest

from desktop.core.forms.template_language import templates_in
from desktop.core.forms.templates import (
    ORIGIN_CARNET,
    ORIGIN_NETWORK,
    SCHEMAS_DIR,
    TemplateError,
    TemplateSet,
)


def a_template(template_id: str, version: int, title: str, keys=("sujet",)) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "x-template-id": template_id,
        "x-template-version": version,
        "x-sections": [{"id": "principal", "title": "Principal"}],
        "properties": {k: {"type": "string", "title": k, "x-section": "principal"} for k in keys},
    }


def write(folder, name, schema) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(schema, ensure_ascii=False), "utf-8")


@pytest.fixture
def schemas(tmp_path):
    folder = tmp_path / "schemas"
    shutil.copytree(SCHEMAS_DIR, folder)
    write(folder, "atelier.schema.json", a_template("atelier", 1, "Atelier"))
    (folder / "atelier.schema.en.json").write_text(json.dumps({"title": "Workshop"}), "utf-8")
    return folder


def test_the_visit_sheet_comes_first_and_other_templates_are_found_by_id(schemas):
    templates = TemplateSet.load(schemas)
    assert templates.records[0] is templates.visit
    assert templates.template("atelier").title == "Atelier"
    assert templates.template("atelier").origin == ORIGIN_CARNET
    assert "venue" not in {t.id for t in templates.records}  # the venue card is apart
    assert {t.id for t in templates.records} >= {"visit-sheet", "atelier"}


def test_an_unknown_template_is_said_in_french_and_the_visit_sheet_stands_in(schemas):
    templates = TemplateSet.load(schemas)
    with pytest.raises(TemplateError, match="Modèle inconnu"):
        templates.template("inconnu")
    assert templates.template_or_visit("inconnu") is templates.visit


def test_a_network_version_replaces_an_older_one_and_is_told_apart(schemas, tmp_path):
    network = tmp_path / "data" / "modeles"
    write(network, "atelier.schema.json", a_template("atelier", 2, "Atelier v2", ("sujet", "lieu")))
    write(network, "cafe.schema.json", a_template("cafe", 1, "Café citoyen"))
    templates = TemplateSet.load(schemas, network_dir=network)
    atelier = templates.template("atelier")
    assert (atelier.version, atelier.origin, atelier.title) == (2, ORIGIN_NETWORK, "Atelier v2")
    assert templates.template("cafe").origin == ORIGIN_NETWORK


def test_an_older_network_version_does_not_hide_carnets_newer_one(schemas, tmp_path):
    network = tmp_path / "modeles"
    write(network, "atelier.schema.json", a_template("atelier", 0, "Ancien"))
    assert TemplateSet.load(schemas, network_dir=network).template("atelier").title == "Atelier"


def test_a_damaged_network_file_is_left_out_and_the_rest_loads(schemas, tmp_path):
    network = tmp_path / "modeles"
    network.mkdir()
    (network / "casse.schema.json").write_text("{ pas du json", "utf-8")
    write(network, "cafe.schema.json", a_template("cafe", 1, "Café citoyen"))
    templates = TemplateSet.load(schemas, network_dir=network)
    assert templates.template("cafe").title == "Café citoyen"


def test_a_damaged_template_of_carnets_own_stops_with_its_reason(schemas):
    (schemas / "casse.schema.json").write_text("{ pas du json", "utf-8")
    with pytest.raises(TemplateError, match="casse.schema.json"):
        TemplateSet.load(schemas)


def test_each_template_is_translated_from_the_catalogue_beside_its_file(schemas):
    english = templates_in(TemplateSet.load(schemas), "en")
    assert english.template("atelier").title == "Workshop"
    catalogue = json.loads((schemas / "visit-sheet.schema.en.json").read_text("utf-8"))
    assert english.visit.title == catalogue["title"]
