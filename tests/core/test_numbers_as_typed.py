"""Numbers come back as a French user typed them, never rounded; sizes in French units."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.forms.field_values import parse_number
from desktop.core.forms.french import number_as_typed, size_text

NNBSP = "\u202f"


def test_thousands_and_decimal_comma():
    assert number_as_typed(2400) == f"2{NNBSP}400"
    assert number_as_typed(1234.5) == f"1{NNBSP}234,5"
    assert number_as_typed(2.0) == "2"
    assert number_as_typed(0.125) == "0,125"  # not rounded to 0,13
    assert number_as_typed(-1234567.25) == f"-1{NNBSP}234{NNBSP}567,25"


@given(st.one_of(st.integers(-(10**12), 10**12), st.floats(-1e12, 1e12, allow_nan=False)))
def test_what_is_shown_reads_back_to_the_same_number(value):
    assert parse_number(number_as_typed(value), integer=False) == value


@pytest.mark.parametrize("typed", ["nan", "NaN", "inf", "-inf", "Infinity", "1e999"])
def test_a_word_that_python_reads_as_a_number_is_no_number(typed):
    """float() takes them, JSON and SQLite do not: kept as typed and flagged instead."""
    for integer in (False, True):
        with pytest.raises(ValueError):
            parse_number(typed, integer=integer)


def test_sizes():
    assert size_text(500_000) == f"0,5{NNBSP}Mo"
    assert size_text(12_000) == f"12{NNBSP}ko"
    assert size_text(2_400_000) == f"2,4{NNBSP}Mo"
    assert size_text(1_200_000_000) == f"1,2{NNBSP}Go"
    assert size_text(999) == f"999{NNBSP}octets"


@pytest.mark.parametrize(
    ("typed", "unit", "number"),
    [
        ("45 000 €", "€", 45000),
        ("45\u202f000\u00a0euros", "€", 45000),
        ("EUR 45", "€", 45),
        ("€45", "€", 45),
        ("30 %", "%", 30),
        ("12,5 pour cent", "%", 12.5),
        ("120 m2", "m²", 120),
        ("120 M²", "m²", 120),
        ("1 200 € par mois", "€/mois", 1200),
        ("1200 euros/mois", "€/mois", 1200),
        ("1,5 ETP", "ETP", 1.5),
        ("48,85°", "°", 48.85),
        ("\u22123", "°", -3),  # the minus sign of a word processor
    ],
)
def test_the_fields_own_unit_typed_with_the_number_is_dropped(typed, unit, number):
    assert parse_number(typed, integer=False, unit=unit) == number


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("30 %", "€"),  # another unit: not the field's, the text is kept and flagged
        ("45 k€", "€"),  # a multiplier: 45 or 45,000? not guessed
        ("48,85° N", "°"),
        ("€ 45 €", "€"),
        ("12²", "m²"),
        ("1.200.50 €", "€"),
        ("€", "€"),
        ("45 €", ""),  # a field without a unit takes none
    ],
)
def test_any_other_word_with_a_number_is_no_number(typed, unit):
    with pytest.raises(ValueError):
        parse_number(typed, integer=False, unit=unit)


def test_an_integer_field_with_its_unit_still_refuses_decimals():
    assert parse_number("3 ETP", integer=True, unit="ETP") == 3
    with pytest.raises(ValueError):
        parse_number("1,5 ETP", integer=True, unit="ETP")
