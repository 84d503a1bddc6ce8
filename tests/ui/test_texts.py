"""Placeholders are filled in one pass: a value is never rescanned."""

from desktop.ui.texts import fill


def test_each_placeholder_gets_its_value():
    assert fill("Visite du %1 — %2", "11 février 2025", "Hôp Hop Hop") == (
        "Visite du 11 février 2025 — Hôp Hop Hop"
    )


def test_a_value_holding_a_placeholder_is_left_as_it_is():
    assert fill("%1 : %2", "rapport %2.pdf", "introuvable") == "rapport %2.pdf : introuvable"


def test_placeholders_without_a_value_stay_and_ten_is_not_one():
    assert fill("%1 %3 %10", "a") == "a %3 %10"
