"""QA finding (s7): a network template that keeps a field's key but widens who may see
it (drops `x-personal` from the names of the people met) is accepted, and every laptop
then publishes those names in the share and on the shared PDF sheets.

Reproduced by hand: visit-sheet.schema.json copied, `x-template-version` 2, `x-personal`
removed from people_met.name, dropped into <share>/Carnet/modeles/; `sync` accepted it
(`templates` then lists « visit-sheet 2 reseau ») and « Jeanne Secret », typed in
« Personnes rencontrées », appeared in devices/<id>/records/visits/<id>.json and in
Fiches/<Lieu>/… Visite ….pdf. The README promises « never widening who may see the
value » and « x-personal: true is never beyond interne ».
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from desktop.core.forms.template_check import check_network_template
from desktop.core.forms.templates import TemplateError, template_from_schema

SCHEMAS = Path(__file__).parents[2] / "schemas"


def carnet_visit_sheet() -> dict:
    return json.loads((SCHEMAS / "visit-sheet.schema.json").read_text("utf-8"))


def next_version(schema: dict) -> dict:
    newer = copy.deepcopy(schema)
    newer["x-template-version"] = schema["x-template-version"] + 1
    return newer


def test_the_same_file_with_a_higher_version_is_accepted():
    held = template_from_schema(carnet_visit_sheet())
    template = check_network_template(
        "visit-sheet.schema.json", next_version(carnet_visit_sheet()), held
    )
    assert template.version == 2


def test_dropping_x_personal_from_the_names_of_people_met_is_refused():
    held = template_from_schema(carnet_visit_sheet())
    widened = next_version(carnet_visit_sheet())
    del widened["properties"]["people_met"]["items"]["properties"]["name"]["x-personal"]
    with pytest.raises(TemplateError):
        check_network_template("visit-sheet.schema.json", widened, held)


def test_widening_a_reseau_field_to_public_is_refused():
    held = template_from_schema(carnet_visit_sheet())
    widened = next_version(carnet_visit_sheet())
    widened["properties"]["governance_notes"]["x-audience"] = "public"
    with pytest.raises(TemplateError):
        check_network_template("visit-sheet.schema.json", widened, held)
