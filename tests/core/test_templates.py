"""The visit sheet is a JSON Schema: the shipped one, and one a network writes itself."""

import json

import pytest

from desktop.core.forms.templates import (
    WIDGETS,
    TemplateError,
    TemplateSet,
    infer_widget,
    load_template,
    template_from_schema,
)
from desktop.core.storage.workspace import open_workspace

SECTION_TITLES = [
    "Visite",
    "Activités et publics",
    "Gouvernance",
    "Modèle économique",
    "Lieu et occupation",
    "Bilan et suites",
]
FRENCH_LETTERS = set("éèêàâçôîûùëïœÉÈÀÇÔ’'")


# --- the shipped templates ----------------------------------------------------------


def test_visit_sheet_has_the_six_sections_in_order(shipped_templates):
    visit = shipped_templates.visit
    assert [s.title for s in visit.sections] == SECTION_TITLES
    assert visit.id == "visit-sheet" and visit.version >= 1


def test_activities_governance_economy_and_place_carry_over(shipped_templates):
    carried = [s.id for s in shipped_templates.visit.sections if s.carry_over]
    assert carried == ["activites", "gouvernance", "economie", "lieu"]
    keys = shipped_templates.visit.carry_over_keys()
    assert {"legal_form", "economic_notes", "tenure", "end_date"} <= set(keys)
    assert not {"visit_date", "visit_type", "actions", "strengths"} & set(keys)


def test_every_field_has_a_french_title_and_a_known_widget(shipped_templates):
    for template in (shipped_templates.visit, shipped_templates.venue):
        for spec in template.fields:
            assert spec.widget in WIDGETS, spec.key
            assert spec.title and spec.title != spec.key, spec.key
            for column in spec.columns:
                assert column.title and column.title != column.key, (spec.key, column.key)
    # The titles are written in French, not English placeholders.
    titles = " ".join(f.title for f in shipped_templates.visit.fields)
    assert FRENCH_LETTERS & set(titles)
    assert shipped_templates.visit.field("visit_date").title == "Date de la visite"


def test_every_widget_kind_is_used_by_the_visit_sheet(shipped_templates):
    used = {spec.widget for spec in shipped_templates.visit.fields}
    assert used == {
        "text",
        "textarea",
        "select",
        "multiselect",
        "number",
        "integer",
        "date",
        "checkbox",
        "table",
    }


def test_fields_within_a_section_follow_their_order(shipped_templates):
    for section in shipped_templates.visit.sections:
        orders = [f.order for f in section.fields]
        assert orders == sorted(orders), section.id
        assert all(f.section == section.id for f in section.fields)
    visite = shipped_templates.visit.sections[0]
    assert [f.key for f in visite.fields][:3] == ["visit_date", "facilitator", "visit_type"]


def test_people_met_and_actions_are_tables_with_their_columns(shipped_templates):
    visit = shipped_templates.visit
    people, actions = visit.field("people_met"), visit.field("actions")
    assert people.widget == "table" and actions.widget == "table"
    assert [c.key for c in people.columns] == ["role", "name"]
    assert [c.key for c in actions.columns] == ["what", "who", "due", "status"]
    assert [c.title for c in actions.columns] == ["Action", "Responsable", "Échéance", "Statut"]
    assert [c.widget for c in actions.columns] == ["text", "text", "date", "select"]
    status = actions.columns[3]
    assert status.label_of("a_faire") == "À faire"
    assert people.section == "visite" and actions.section == "bilan"


def test_select_choices_carry_french_labels(shipped_templates):
    status = shipped_templates.visit.field("financial_status")
    assert status.choices == (
        ("deficit", "Déficit"),
        ("equilibre", "Équilibre"),
        ("excedent", "Excédent"),
    )
    assert shipped_templates.visit.field("indoor_m2").unit == "m²"


# --- a template a network writes itself ---------------------------------------------


def network_schema() -> dict:
    """The shipped visit sheet plus a « Mobilité » section with three new fields."""
    schema = json.loads(json.dumps(TemplateSet.load().visit.schema))
    schema["x-template-id"] = "visit-sheet-reseau"
    schema["x-sections"].insert(
        5, {"id": "mobilite", "title": "Mobilité et accès", "x-carry-over": False}
    )
    schema["properties"] |= {
        "velo_notes": {
            "title": "Remarques sur l’accès à vélo",
            "type": "string",
            "x-section": "mobilite",
            "x-order": 30,
        },
        "bike_parking": {
            "title": "Stationnement vélo",
            "type": "boolean",
            "x-section": "mobilite",
            "x-order": 10,
        },
        "nb_ateliers": {
            "title": "Ateliers de réparation",
            "type": "integer",
            "minimum": 0,
            "x-unit": "ateliers/an",
            "x-section": "mobilite",
            "x-order": 20,
        },
    }
    return schema


@pytest.fixture
def written_template(tmp_path):
    path = tmp_path / "fiche-reseau.schema.json"
    path.write_text(json.dumps(network_schema(), ensure_ascii=False), "utf-8")
    return path


def test_a_written_template_shows_its_new_section_and_fields_in_order(written_template):
    template = load_template(written_template)
    titles = [s.title for s in template.sections]
    assert titles == SECTION_TITLES[:5] + ["Mobilité et accès", "Bilan et suites"]
    mobility = template.sections[5]
    assert [f.key for f in mobility.fields] == ["bike_parking", "nb_ateliers", "velo_notes"]
    assert [f.widget for f in mobility.fields] == ["checkbox", "integer", "text"]
    assert mobility.fields[1].unit == "ateliers/an"
    assert template.field("nb_ateliers").title == "Ateliers de réparation"


@pytest.mark.parametrize(
    ("schema", "widget"),
    [
        ({"type": "string"}, "text"),
        ({"type": "string", "format": "date"}, "date"),
        ({"type": "string", "enum": ["a", "b"]}, "select"),
        ({"type": "array", "items": {"type": "string", "enum": ["a"]}}, "multiselect"),
        ({"type": "array", "items": {"type": "object", "properties": {}}}, "table"),
        ({"type": "boolean"}, "checkbox"),
        ({"type": "integer"}, "integer"),
        ({"type": "number"}, "number"),
    ],
)
def test_widget_is_inferred_when_the_template_gives_none(schema, widget):
    assert infer_widget(schema) == widget
    template = template_from_schema({"type": "object", "properties": {"champ": schema}})
    assert template.field("champ").widget == widget


def test_fields_without_a_known_section_land_in_other_information():
    template = template_from_schema(
        {"type": "object", "properties": {"libre": {"type": "string", "title": "Libre"}}}
    )
    assert [(s.title, [f.key for f in s.fields]) for s in template.sections] == [
        ("Autres informations", ["libre"])
    ]


def _template_error(tmp_path, content: str) -> str:
    path = tmp_path / "casse.schema.json"
    path.write_text(content, "utf-8")
    with pytest.raises(TemplateError) as info:
        load_template(path)
    return str(info.value)


def test_an_invalid_json_schema_is_refused_in_french(tmp_path):
    schema = {"type": "objet", "properties": {"n": {"type": "integer"}}}
    message = _template_error(tmp_path, json.dumps(schema))
    assert "n'est pas un JSON Schema valide" in message


def test_an_unknown_widget_is_refused_in_french(tmp_path):
    schema = network_schema()
    schema["properties"]["bike_parking"]["x-widget"] = "curseur"
    message = _template_error(tmp_path, json.dumps(schema))
    assert message == "Le champ « bike_parking » demande un widget inconnu : « curseur »."


def test_a_template_that_is_not_json_is_refused_in_french(tmp_path):
    message = _template_error(tmp_path, '{"type": "object", ')
    assert message.startswith("Impossible de lire le modèle casse.schema.json")


@pytest.mark.parametrize("content", ["true", "[]", '"fiche"', "42"])
def test_a_template_that_is_not_an_object_is_refused_in_french(tmp_path, content):
    assert _template_error(tmp_path, content).startswith("Le modèle")


@pytest.mark.parametrize(
    "breakage",
    [
        {"x-sections": [{"title": "Sans identifiant"}]},
        {"x-sections": "visite"},
        {"properties": {"n": {"type": "integer", "x-order": "dix"}}},
        {"x-template-version": "deux"},
    ],
)
def test_malformed_hints_are_refused_in_french_not_with_a_crash(breakage):
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}} | breakage
    with pytest.raises(TemplateError) as info:
        template_from_schema(schema)
    assert str(info.value).startswith("Le modèle")


# --- end to end: a new field is stored and searched -------------------------------------


def test_a_new_field_is_stored_validated_and_searchable(tmp_path, written_template):
    templates = TemplateSet(visit=load_template(written_template), venue=TemplateSet.load().venue)
    ws = open_workspace(tmp_path / "data", templates=templates)
    try:
        store = ws.store
        venue = store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
        visit = store.create_visit(venue.id, "2025-05-20")
        result = store.update_visit(
            visit.id,
            {"bike_parking": True, "nb_ateliers": 12, "velo_notes": "Arceaux sous le préau"},
        )
        assert set(result.changed) == {"bike_parking", "nb_ateliers", "velo_notes"}
        assert result.errors == {}
        stored = store.get_visit(visit.id)
        assert stored.template_id == "visit-sheet-reseau"
        assert stored.data["bike_parking"] is True
        assert stored.data["nb_ateliers"] == 12
        hits = store.search_visits("preau")
        assert [h.visit_id for h in hits] == [visit.id]
        assert "\x02préau\x03" in hits[0].snippet
        # The new field is validated like any other.
        errors = store.update_visit(visit.id, {"nb_ateliers": -1}).errors
        assert errors == {"nb_ateliers": ["La valeur doit être au moins 0."]}
    finally:
        ws.close()
