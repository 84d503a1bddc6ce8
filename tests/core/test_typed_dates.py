"""Dates typed the French way are read day first, and a text that is not a date is kept."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.forms.french import long_date
from desktop.core.forms.typed_dates import (
    as_typed_in_the_form,
    is_unreadable,
    read_typed_date,
    shown_date,
    typed_date_value,
)


@pytest.mark.parametrize(
    "typed",
    [
        "11/02/2025",
        "11022025",
        "11/02/25",
        "110225",
        "11.02.2025",
        "11-02-2025",
        "11 02 2025",
        " 11/2/2025 ",
        "2025-02-11",
        "11 février 2025",
        "11 fevrier 2025",
        "11 FÉVRIER 25",
        "11 févr. 2025",
        "11 fév 2025",
        "mardi 11 février 2025",
        "le mardi 11 février 2025",
        "Le 11  février  2025",
    ],
)
def test_the_ways_of_typing_the_eleventh_of_february(typed):
    assert read_typed_date(typed) == date(2025, 2, 11)
    assert typed_date_value(typed) == "2025-02-11"


@pytest.mark.parametrize(
    "typed",
    [
        "30/02/2025",
        "31/04/2025",
        "00/01/2025",
        "11/13/2025",
        "1102202",
        "fin mars",
        "11/02/2",
        "2025-02-30",
        "12/25/2025",
        "mercredi 11 février 2025",  # 11 February 2025 is a Tuesday: which did they mean?
        "11 févri 2025",
        "30 février 2025",
        "30/02",
        "février 2025",
        "1 er mars 2025",
        "fin 11 février 2025",
    ],
)
def test_a_text_that_is_not_a_date_is_kept_as_typed_never_replaced(typed):
    assert read_typed_date(typed) is None
    assert typed_date_value(typed) == typed.strip()
    assert is_unreadable(typed_date_value(typed))


@pytest.mark.parametrize(
    "typed", ["11/02", "11/2", "11.02", "11-02", "11 février", "mardi 11 févr.", "le 11 fevrier"]
)
def test_a_date_without_a_year_is_in_this_years(typed):
    """As a spreadsheet reads it; the field shows the full date at once."""
    assert read_typed_date(typed, today=date(2025, 12, 30)) == date(2025, 2, 11)
    assert typed_date_value(typed, today=date(2025, 1, 2)) == "2025-02-11"
    assert typed_date_value(typed, today=date(2031, 6, 1)) != "2025-02-11"  # 2031's instead


def test_a_weekday_without_a_year_is_checked_against_this_years_date():
    assert typed_date_value("mercredi 11 février", today=date(2025, 6, 1)) == "mercredi 11 février"
    assert typed_date_value("mercredi 11 février", today=date(2026, 6, 1)) == "2026-02-11"


def test_the_29th_of_february_without_a_year_needs_a_leap_year():
    assert typed_date_value("29/02", today=date(2028, 5, 1)) == "2028-02-29"
    assert typed_date_value("29/02", today=date(2027, 5, 1)) == "29/02"


@pytest.mark.parametrize("typed", ["2025/02/11", "2025.2.11", "2025 / 02 / 11"])
def test_year_first_with_slashes_or_dots(typed):
    assert typed_date_value(typed) == "2025-02-11"


def test_two_digit_years_and_empty_text():
    assert typed_date_value("01/01/69") == "2069-01-01"
    assert typed_date_value("01/01/70") == "1970-01-01"
    assert typed_date_value("  ") is None and typed_date_value(None) is None
    assert not is_unreadable(None)


def test_stored_dates_are_shown_day_first_and_other_text_as_is():
    assert shown_date("2025-02-11") == "11/02/2025"
    assert shown_date("fin mars") == "fin mars"
    assert shown_date(None) == ""


def test_the_form_speaks_of_the_typed_format():
    message = "Ligne 1, « Échéance » : Date invalide (format attendu : AAAA-MM-JJ)."
    assert as_typed_in_the_form(message) == (
        "Ligne 1, « Échéance » : Date illisible : écrivez-la JJ/MM/AAAA (ex. 11/02/2025)."
    )


FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")  # fmt: skip


def test_the_first_of_the_month_is_typed_premier():
    assert typed_date_value("1er mars 2026") == "2026-03-01"


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31)))
def test_every_date_survives_its_typed_forms(day):
    for typed in (
        day.strftime("%d/%m/%Y"),
        day.strftime("%d%m%Y"),
        day.strftime("%d/%m/%y"),
        shown_date(day.isoformat()),
        long_date(day.isoformat()),  # as the record's title shows it: « mardi 11 février 2025 »
        f"{day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}",
    ):
        assert typed_date_value(typed) == day.isoformat()


@given(st.text(max_size=12))
def test_any_text_is_either_a_date_or_kept_exactly(text):
    value = typed_date_value(text)
    if value is None:
        assert not text.strip()
    elif is_unreadable(value):
        assert value == text.strip()
    else:
        assert read_typed_date(value) is not None
