"""Agreement numbers (numer umowy o dofinansowanie) and call numbers of both periods."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform.exceptions import ParseError, ValidationError
from opsreform.text.agreements import (
    AgreementNumber,
    parse_agreement_number,
    read_agreement_number,
)
from opsreform.text.calls import CallNumber, parse_call_number, read_call_number

_codes = st.sampled_from(["POWR", "FERS", "RPSL", "FESL", "RPMP", "FEMP"])


@st.composite
def agreement_numbers(draw: st.DrawFn) -> AgreementNumber:
    """Agreement numbers of either form, with any parts."""
    old = draw(st.booleans())
    return AgreementNumber(
        draw(_codes), draw(st.integers(0, 99)), draw(st.integers(0, 99)),
        draw(st.integers(0, 99)) if old else None,
        f"{draw(st.integers(0, 99)):02d}" if old else None,
        None if old else f"I{draw(st.sampled_from('PZ'))}.{draw(st.integers(0, 99)):02d}",
        draw(st.integers(0, 9999)), draw(st.integers(2000, 2099)),
        f"{draw(st.integers(0, 99)):02d}")


@st.composite
def call_numbers(draw: st.DrawFn) -> CallNumber:
    """Call numbers of either form, with any parts."""
    old = draw(st.booleans())
    return CallNumber(
        draw(_codes), draw(st.integers(0, 99)), draw(st.integers(0, 99)),
        draw(st.integers(0, 99)) if old else None,
        f"I{draw(st.sampled_from('PZ'))}.{draw(st.integers(0, 99)):02d}",
        f"{draw(st.integers(0, 99)):02d}" if old else None,
        draw(st.integers(0, 999)), draw(st.integers(2000, 2099)))


@given(agreement_numbers())
def test_agreement_numbers_round_trip(number: AgreementNumber) -> None:
    """Writing an agreement number and reading it back gives the same parts, no misprint."""
    read = read_agreement_number(str(number))
    assert read.number == number and read.misprint is None
    assert parse_agreement_number(f" {number} ") == number


@given(call_numbers())
def test_call_numbers_of_both_forms_round_trip(call: CallNumber) -> None:
    """Writing a call number of either period and reading it back gives the same parts."""
    assert parse_call_number(str(call)) == call
    assert read_call_number(str(call)).misprint is None


@given(agreement_numbers(), st.data())
def test_a_group_a_digit_too_long_is_read_with_its_place(number: AgreementNumber,
                                                         data: st.DataObject) -> None:
    """A leading zero too many in one digit group is read, the misprint placed at the group."""
    text = str(number)
    # The digit groups: runs of digits, except the institution's (IP.03).
    starts = [i for i, ch in enumerate(text) if ch.isdigit() and not text[i - 1].isdigit()
              and text[i - 3:i] not in ("IP.", "IZ.")]
    start = data.draw(st.sampled_from(starts))
    misprinted = f"{text[:start]}0{text[start:]}"
    read = read_agreement_number(misprinted)
    assert read.number == number
    assert read.misprint is not None and read.misprint.position == start
    run = len(text[start:]) - len(text[start:].lstrip("0123456789"))
    assert read.misprint.written == "0" + text[start:start + run]
    with pytest.raises(ParseError) as info:
        parse_agreement_number(misprinted)
    assert info.value.position == start


def test_the_issue_s_misprint() -> None:
    """POWR.02.05.00-00-00123/17-00: the project number has five digits, from offset 17."""
    read = read_agreement_number("POWR.02.05.00-00-00123/17-00")
    assert str(read.number) == "POWR.02.05.00-00-0123/17-00"
    assert read.misprint is not None
    assert (read.misprint.position, read.misprint.group, read.misprint.width) == (
        17, "number", 4)


def test_a_call_number_misprint_is_read_too() -> None:
    """A call number with a group a digit too long is read; parse_call_number refuses it."""
    read = read_call_number("POWR.02.05.00-IP.03-00-0012/17")
    assert str(read.call) == "POWR.02.05.00-IP.03-00-012/17"
    assert read.misprint is not None and read.misprint.position == 23
    with pytest.raises(ParseError) as info:
        parse_call_number("POWR.02.05.00-IP.03-00-0012/17")
    assert info.value.position == 23


@pytest.mark.parametrize(("text", "position"), [
    ("POWR.02.05.00-00-12345/17-00", 17),   # a digit too many, not a leading zero
    ("POWR.02.05.00-00-000123/17-00", 21),  # two digits too many: the slash is missing
    ("POWR.02.05.00-00-0123/17", 24),       # no suffix
    ("POWR.02.05.00-0123/17-00", 16),       # no code
    ("POWR.002.005.00-00-0123/17-00", None),  # two misprints: a different number
    ("FERS.04.11-XX.03-0123/23-00", 11),    # no institution
    ("POWR.02.05.00-00-0123/17-00 nr 2", 27),
])
def test_unreadable_agreement_numbers(text: str, position: int | None) -> None:
    """Anything but the one misprint is a ParseError at the first wrong part."""
    with pytest.raises(ParseError) as info:
        read_agreement_number(text)
    if position is not None:
        assert info.value.position == position


def test_invalid_parts_cannot_be_built() -> None:
    """An agreement number with both forms' parts, or out-of-range parts, is refused."""
    with pytest.raises(ValidationError):
        AgreementNumber("POWR", 2, 5, 0, "00", "IP.03", 123, 2017, "00")
    with pytest.raises(ValidationError):
        AgreementNumber("POWR", 2, 5, 0, "00", None, 10000, 2017, "00")
    with pytest.raises(ValidationError):
        CallNumber("FERS", 4, 11, None, "IP.03", "00", 1, 2023)
