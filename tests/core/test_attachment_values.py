"""A photo's or a document's value in conflict, in words (they have no template)."""

from __future__ import annotations

from desktop.core.merge.attachment_values import attachment_value


def test_choices_read_in_words():
    assert [attachment_value("identifiable_people", v) for v in (None, 0, 1, False, True)] == [
        "À vérifier", "Non", "Oui", "Non", "Oui"]  # fmt: skip
    assert attachment_value("allowed_use", "interne") == "Interne"
    assert attachment_value("rotation", 180) == "Tournée d'un demi-tour"
    assert attachment_value("rotation", -90) == "Tournée d'un quart de tour à gauche"
    assert attachment_value("doc_type", "convention_occupation") == "Convention d'occupation / bail"


def test_texts_dates_and_odd_values_are_shown_as_they_are():
    assert attachment_value("caption", "La façade") is None
    assert attachment_value("taken_on", "2025-02-11") is None
    assert attachment_value("allowed_use", "ailleurs") is None  # a later version's word
    assert attachment_value("rotation", 45) is None and attachment_value("rotation", True) is None
    assert attachment_value("identifiable_people", "peut-être") is None
