"""The compiled template check (fastjsonschema) answers « valid » without jsonschema: it
must never say so of a visit jsonschema refuses, and a refused visit keeps its French
messages (issue 15)."""

from __future__ import annotations

import copy

from desktop.core.forms.compiled_check import passes_compiled
from desktop.core.forms.templates import TemplateSet, template_from_schema
from desktop.core.forms.validation import validate_document
from tests.core.test_exchange_compiled import mutated, mutations
from tests.core.test_pdf_sheet import sample_value


def filled(template) -> dict:
    """Every field the sample values suit (the venue's patterned codes are left out)."""
    document = {spec.key: sample_value(spec, n) for n, spec in enumerate(template.fields, 1)}
    refused = {error.absolute_path[0] for error in template.validator.iter_errors(document)}
    return {key: value for key, value in document.items() if key not in refused}


def test_never_valid_where_jsonschema_refuses():
    for template in (TemplateSet.load().visit, TemplateSet.load().venue):
        document = filled(template)
        validator = template.validator
        assert validator.is_valid(document) and passes_compiled(template.schema, document)
        checked = refused = 0
        for path, action, value in mutations(document):
            candidate = mutated(document, path, action, value)
            valid = validator.is_valid(candidate)
            if passes_compiled(template.schema, candidate):
                assert valid, (template.id, path, action, value)
            checked, refused = checked + 1, refused + (not valid)
        assert checked > 100 and refused > 20


def test_dates_are_checked_as_jsonschema_checks_them():
    template = TemplateSet.load().visit
    for day, valid in (("2025-02-28", True), ("2025-02-30", False), ("2025-2-3", False),
                       ("11/02/2025", False), ("２０２５-02-11", False)):  # fmt: skip
        document = filled(template) | {"visit_date": day}
        assert template.validator.is_valid(document) is valid
        assert passes_compiled(template.schema, document) is valid
        assert (validate_document(template, document) == {}) is valid


def test_a_refused_visit_keeps_its_french_messages():
    template = TemplateSet.load().visit
    document = filled(template) | {"visit_date": "2025-02-30", "staff_fte": "beaucoup"}
    errors = validate_document(template, document)
    assert errors["visit_date"] == ["Date invalide (format attendu : AAAA-MM-JJ)."]
    assert errors["staff_fte"] == ["Valeur attendue : un nombre."]


def test_a_template_with_other_keywords_is_left_to_jsonschema():
    schema = copy.deepcopy(TemplateSet.load().visit.schema)
    schema["properties"]["visit_date"]["oneOf"] = [{"minLength": 10}]
    template = template_from_schema(schema)
    document = filled(template)
    assert not passes_compiled(template.schema, document)  # not known here
    assert validate_document(template, document) == {}  # jsonschema says valid
