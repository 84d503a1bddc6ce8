"""The checks a network template passes before any laptop uses it; the README's example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.forms.earlier_fields import plain_text, read_through
from desktop.core.forms.template_check import (
    TemplateIncomplete,
    check_network_template,
    parse_template_file,
)
from desktop.core.forms.templates import TemplateError

README = Path(__file__).parents[2] / "README.md"


def readme_example() -> dict:
    section = README.read_text("utf-8").split("### Writing it", 1)[1]
    return json.loads(section.split("```json", 1)[1].split("```", 1)[0])


def test_the_readme_example_is_accepted():
    template = check_network_template("cafe-citoyen.schema.json", readme_example(), None)
    assert (template.id, template.version) == ("cafe-citoyen", 1)
    assert [s.title for s in template.sections] == ["La séance", "Suites"]


@pytest.mark.parametrize("data", [b"", b"  \n", b'{"title": "Atelier", "prop', b'{"a": ['])
def test_a_file_cut_short_is_incomplete_not_broken(data):
    with pytest.raises(TemplateIncomplete):
        parse_template_file(data)


@pytest.mark.parametrize("data", [b"bonjour", b'{"a": 1,, "b": 2}', b"\xff\xfe{}"])
def test_a_file_that_is_not_json_is_broken(data):
    with pytest.raises(TemplateError) as refused:
        parse_template_file(data)
    assert not isinstance(refused.value, TemplateIncomplete)


def test_replaces_reads_through_and_keeps_the_old_key():
    schema = readme_example()
    schema["properties"]["sujet"] = {**schema["properties"].pop("theme"), "x-replaces": "theme"}
    held = check_network_template("c.schema.json", readme_example(), None)
    schema["x-template-version"] = 2
    template = check_network_template("c.schema.json", schema, held)
    shown = read_through(template, {"theme": "Mobilités"})
    assert shown == {"theme": "Mobilités", "sujet": "Mobilités"}
    assert read_through(template, {"theme": "A", "sujet": "B"})["sujet"] == "B"


def test_an_old_value_without_its_template_reads_as_plain_text():
    assert plain_text([{"action": "Relancer", "due": ""}, {"action": "Écrire"}]) == (
        "action : Relancer\naction : Écrire"
    )
    assert plain_text(True) == "oui" and plain_text(["a", "b"]) == "a\nb"


def test_the_venue_card_has_no_fields_of_a_previous_version():
    from desktop.core.forms.earlier_fields import earlier_fields
    from desktop.core.forms.templates import TemplateSet

    venue = TemplateSet.load().venue
    assert earlier_fields(venue, {"name": "Le Quai", "directory_id": "TL-0042"}) == []
