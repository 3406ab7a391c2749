"""Danish amounts: formatting and parsing (budget.beloeb)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.beloeb import (
    MAKS,
    BeloebFejl,
    format_aarsvaerk,
    format_kr,
    format_mio,
    parse_aarsvaerk,
    parse_beloeb,
)

beloeb = st.integers(min_value=-MAKS, max_value=MAKS)


@given(beloeb)
def test_formatting_and_parsing_round_trip_for_every_amount(value):
    text = format_kr(value)
    assert parse_beloeb(text) == value
    assert parse_beloeb(f"{text} kr.") == value
    assert parse_beloeb(str(value)) == value  # plain digits


@given(beloeb)
def test_english_thousands_are_read_when_unambiguous(value):
    english = f"{value:,}"
    if abs(value) >= 1_000_000 or abs(value) < 1000:
        assert parse_beloeb(english) == value  # two or more groups, or no separator
    else:
        with pytest.raises(BeloebFejl):
            parse_beloeb(english)  # "1,020": 1,02 to a Dane


@given(beloeb)
def test_danish_format_groups_by_three_with_dots(value):
    text = format_kr(value)
    digits = text.lstrip("-").split(".")
    assert all(len(group) == 3 for group in digits[1:])
    assert 1 <= len(digits[0]) <= 3
    assert text.startswith("-") == (value < 0)


@given(st.integers(min_value=-999_999, max_value=999_999))
def test_mio_and_tkr_units_scale_exactly(thousands):
    assert parse_beloeb(f"{thousands} t.kr.") == thousands * 1000
    mio = (Decimal(thousands) / 1000).normalize()  # e.g. -0.37
    text = f"{mio:f}".replace(".", ",")
    whole, _, fraction = text.lstrip("-").partition(",")
    if len(fraction) == 3 and whole != "0" and len(whole) <= 3:
        # "1,001 mio.": 1,001 million to a Dane, 1001 million in English: refused, not guessed.
        with pytest.raises(BeloebFejl) as exc:
            parse_beloeb(f"{text} mio.")
        assert exc.value.code == "tvetydig"
    else:
        assert parse_beloeb(f"{text} mio.") == thousands * 1000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.020.000", 1_020_000),
        ("-1.020.000", -1_020_000),
        ("−370.000", -370_000),  # the minus sign
        ("– 650.000", -650_000),  # Word's en dash
        ("-0,37 mio.", -370_000),
        ("-0,37 mio. kr.", -370_000),
        ("0.37 mio", 370_000),
        ("650 t.kr.", 650_000),
        ("650 tkr", 650_000),
        ("kr. 1.020.000", 1_020_000),
        ("+475.000", 475_000),
        ("1 020 000", 1_020_000),
        ("1,2 mia.", 1_200_000_000),
        ("1.020.000,00", 1_020_000),
        ("1,020,000", 1_020_000),
        ("-", None),
        ("", None),
        ("  ", None),
    ],
)
def test_accepted_inputs(text, value):
    assert parse_beloeb(text) == value


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("abc", "ikke_tal"),
        ("12 kroner og 50 øre", "ikke_tal"),
        ("1,020", "tvetydig"),  # 1,02 or 1020
        ("1.250 mio.", "tvetydig"),  # 1250 mio. or 1,25 mio.
        ("1,5,3", "to_decimaltegn"),
        ("1.020,5,0", "to_decimaltegn"),
        ("0,5", "oere"),
        ("1.5", "oere"),
        ("0,3701234 mio.", "oere"),
        ("--5", "ikke_tal"),
        ("10000 mia.", "for_stort"),
        ("1.02.000", "to_decimaltegn"),
    ],
)
def test_refused_inputs_say_why_in_danish(text, code):
    with pytest.raises(BeloebFejl) as exc:
        parse_beloeb(text)
    assert exc.value.code == code
    assert str(exc.value)  # a Danish message for the cell


def test_mio_formatting_for_frames_and_targets():
    assert format_mio(115_900_000) == "115,9 mio. kr."
    assert format_mio(100_000) == "0,1 mio. kr."
    assert format_mio(50_000_000) == "50 mio. kr."


@pytest.mark.parametrize(("text", "value"), [("1,35", "1.35"), ("0", "0"), ("-2", "-2")])
def test_aarsvaerk_round_trip(text, value):
    assert parse_aarsvaerk(text) == Decimal(value)
    assert format_aarsvaerk(parse_aarsvaerk(text)) == text


@pytest.mark.parametrize("text", ["1,3,5", "en", "1,355"])
def test_aarsvaerk_refuses_nonsense(text):
    with pytest.raises(BeloebFejl):
        parse_aarsvaerk(text)
