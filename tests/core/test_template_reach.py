"""No new template version lets a wider audience see a field kept under its key, at any
depth (table columns, nested objects), against every earlier version it is given;
narrowing stays allowed."""

from __future__ import annotations

import copy

import pytest

from desktop.core.forms.template_check import check_network_template
from desktop.core.forms.templates import TemplateError, template_from_schema
from desktop.core.privacy.template_reach import reach_by_path, widened_paths


def atelier(version: int = 1) -> dict:
    """A network's own template: a nested object and a table whose rows nest an object."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Atelier",
        "type": "object",
        "x-template-id": "atelier",
        "x-template-version": version,
        "properties": {
            "sujet": {"type": "string", "title": "Sujet"},
            "contact": {
                "type": "object",
                "title": "Contact",
                "x-audience": "reseau",
                "properties": {
                    "nom": {"type": "string", "x-personal": True},
                    "structure": {"type": "string"},
                },
            },
            "intervenants": {
                "type": "array",
                "title": "Intervenants",
                "items": {
                    "type": "object",
                    "properties": {
                        "role": {"type": "string", "x-audience": "reseau"},
                        "coordonnees": {
                            "type": "object",
                            "properties": {"tel": {"type": "string", "x-audience": "interne"}},
                        },
                    },
                },
            },
        },
    }


def newer(schema: dict, change) -> dict:
    schema = copy.deepcopy(schema)
    schema["x-template-version"] += 1
    change(schema["properties"])
    return schema


def judge(schema: dict, held: dict, earlier=()):
    return check_network_template(
        "atelier.schema.json", schema, template_from_schema(held), earlier
    )


def test_every_key_path_has_the_narrowest_audience_of_the_fields_holding_it():
    reach = reach_by_path(atelier())
    assert reach[("contact",)] == "reseau"
    assert reach[("contact", "nom")] == "interne"
    assert reach[("contact", "structure")] == "reseau"  # public itself, held by a réseau field
    assert reach[("intervenants", "role")] == "reseau"
    assert reach[("intervenants", "coordonnees", "tel")] == "interne"


WIDENINGS = {
    "colonne de tableau élargie": (
        lambda p: p["intervenants"]["items"]["properties"]["role"].pop("x-audience"),
        "intervenants › role",
    ),
    "objet imbriqué dans une ligne": (
        lambda p: p["intervenants"]["items"]["properties"]["coordonnees"]["properties"][
            "tel"
        ].update({"x-audience": "reseau"}),
        "intervenants › coordonnees › tel",
    ),
    "x-personal retiré d'un objet imbriqué": (
        lambda p: p["contact"]["properties"]["nom"].pop("x-personal"),
        "contact › nom",
    ),
    "objet entier élargi": (
        lambda p: p["contact"].update({"x-audience": "public"}),
        "contact",
    ),
    "lignes du tableau marquées plus larges": (
        lambda p: (
            p["intervenants"].update({"x-audience": "public"})
            or p["intervenants"]["items"]["properties"]["role"].update({"x-audience": "public"})
        ),
        "intervenants › role",
    ),
}


@pytest.mark.parametrize("case", WIDENINGS)
def test_a_wider_audience_at_any_depth_is_refused_with_the_key_path(case):
    change, shown = WIDENINGS[case]
    with pytest.raises(TemplateError) as refused:
        judge(newer(atelier(), change), atelier())
    assert f"le champ « {shown} » serait diffusé plus largement" in str(refused.value)


def test_narrowing_at_any_depth_is_accepted():
    def narrow(p):
        p["sujet"]["x-audience"] = "reseau"
        p["contact"]["properties"]["structure"]["x-personal"] = True
        p["intervenants"]["items"]["properties"]["role"]["x-audience"] = "interne"
        p["nouveau"] = {"type": "string", "title": "Nouveau"}  # a new key: public is fine

    assert judge(newer(atelier(), narrow), atelier()).version == 2


def test_a_key_removed_then_added_back_wider_is_refused_against_the_earlier_versions():
    v2 = newer(atelier(), lambda p: p["contact"]["properties"].pop("nom"))
    assert judge(v2, atelier(), [atelier()]).version == 2  # removing is no widening
    v3 = newer(v2, lambda p: p["contact"]["properties"].update(nom={"type": "string"}))
    assert widened_paths(v3, [v2]) == []  # the version in use alone would let it through
    with pytest.raises(TemplateError, match="contact › nom"):
        judge(v3, v2, [atelier(), v2])


def test_narrowed_then_widened_back_is_refused():
    v2 = newer(atelier(), lambda p: p["sujet"].update({"x-audience": "interne"}))
    v3 = newer(v2, lambda p: p["sujet"].pop("x-audience"))
    with pytest.raises(TemplateError, match="« interne »"):
        judge(v3, v2, [atelier()])


def test_a_field_renamed_earlier_cannot_be_read_through_wider():
    """Version 2 renames `contact` (x-replaces); version 3 gives the old key to a public
    field: documents of version 1 would show their contacts through it."""

    def rename(p):
        p["contact_principal"] = {**p.pop("contact"), "x-replaces": "contact"}

    v2 = newer(atelier(), rename)
    assert judge(v2, atelier(), [atelier()]).version == 2

    def reread(p):
        del p["contact_principal"]
        p["contact_public"] = {"type": "object", "x-replaces": "contact", "properties": {}}

    with pytest.raises(TemplateError, match="le champ « contact » serait diffusé"):
        judge(newer(v2, reread), v2, [atelier(), v2])
