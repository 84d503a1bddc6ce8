"""Wrong values get a French message next to their field, and are never thrown away."""

import pytest

from desktop.core.forms.validation import validate_document

VALID = {"visit_date": "2025-03-14", "visit_type": "suivi"}


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("visit_type", "visite_surprise", "Valeur hors de la liste proposée."),
        ("staff_fte", "deux", "Valeur attendue : un nombre."),
        ("volunteers", 2.5, "Valeur attendue : un nombre entier."),
        ("indoor_m2", -40, "La valeur doit être au moins 0."),
        ("public_funding_pct", 120, "La valeur doit être au plus 100."),
        ("visit_date", "2025-13-45", "Date invalide (format attendu : AAAA-MM-JJ)."),
        ("end_date", "31/12/2026", "Date invalide (format attendu : AAAA-MM-JJ)."),
        ("services", ["cafe_bar", "cafe_bar"], "Une même valeur est choisie deux fois."),
        ("fibre", "oui", "Valeur attendue : oui ou non."),
    ],
)
def test_a_wrong_value_gets_a_french_message_on_its_field(shipped_templates, key, value, message):
    errors = validate_document(shipped_templates.visit, {**VALID, key: value})
    assert errors == {key: [message]}


def test_a_valid_sheet_has_no_message(shipped_templates):
    data = {
        **VALID,
        "indoor_m2": 0,
        "public_funding_pct": 100,
        "erp_category": 5,
        "services": ["cafe_bar", "formation"],
        "actions": [{"what": "Relancer la commune", "due": "2025-06-30", "status": "a_faire"}],
    }
    assert validate_document(shipped_templates.visit, data) == {}


def test_missing_visit_date_is_reported_on_the_date_field(shipped_templates):
    assert validate_document(shipped_templates.visit, {"visit_type": "suivi"}) == {
        "visit_date": ["Champ obligatoire."]
    }


@pytest.mark.parametrize(
    "siret", ["1234", "123 456 789 00012", "1234567890001A", "123456789000123"]
)
def test_siret_must_have_14_digits(shipped_templates, siret):
    errors = validate_document(shipped_templates.venue, {"name": "La Forge", "siret": siret})
    assert errors == {"siret": ["Le SIRET compte 14 chiffres, sans espaces."]}


def test_a_valid_siret_passes(shipped_templates):
    venue = {"name": "La Forge", "siret": "12345678900012", "postal_code": "2A004"}
    assert validate_document(shipped_templates.venue, venue) == {}


def test_a_table_row_missing_its_required_column_names_row_and_column(shipped_templates):
    data = {**VALID, "actions": [{"who": "Camille", "due": "2025-06-30"}]}
    assert validate_document(shipped_templates.visit, data) == {
        "actions": ["Ligne 1, « Action » : Champ obligatoire."]
    }


def test_a_wrong_cell_names_its_row_and_column(shipped_templates):
    data = {
        **VALID,
        "people_met": [{"role": "Présidente"}, {"name": "Camille"}],
        "actions": [{"what": "Relancer", "due": "bientôt"}],
    }
    assert validate_document(shipped_templates.visit, data) == {
        "people_met": ["Ligne 2, « Rôle » : Champ obligatoire."],
        "actions": ["Ligne 1, « Échéance » : Date invalide (format attendu : AAAA-MM-JJ)."],
    }


def test_an_invalid_value_is_still_saved_and_flagged_in_the_list(store, visit):
    result = store.update_visit(visit.id, {"indoor_m2": -40, "visit_type": "visite_surprise"})
    assert result.changed == ("indoor_m2", "visit_type")
    assert result.errors == {
        "indoor_m2": ["La valeur doit être au moins 0."],
        "visit_type": ["Valeur hors de la liste proposée."],
    }
    saved = store.get_visit(visit.id)
    assert saved.data["indoor_m2"] == -40
    assert saved.data["visit_type"] == "visite_surprise"
    assert saved.errors == result.errors
    [summary] = store.list_visits()
    assert summary.error_count == 2

    store.update_visit(visit.id, {"indoor_m2": 40, "visit_type": "suivi"})
    [summary] = store.list_visits()
    assert summary.error_count == 0
    assert store.get_visit(visit.id).errors == {}


def test_clearing_the_visit_date_is_saved_and_flagged(store, visit):
    result = store.update_visit(visit.id, {"visit_date": None})
    assert result.errors == {"visit_date": ["Champ obligatoire."]}
    assert "visit_date" not in store.get_visit(visit.id).data
    assert store.list_visits()[0].error_count == 1


def test_an_invalid_venue_value_is_saved_and_reported(store, venue):
    result = store.update_venue(venue.id, {"siret": "1234"})
    assert result.errors == {"siret": ["Le SIRET compte 14 chiffres, sans espaces."]}
    saved = store.get_venue(venue.id)
    assert saved.data["siret"] == "1234"
    assert saved.errors == result.errors
