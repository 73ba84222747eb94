"""Call numbers (numer naboru) in their official form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform.exceptions import ParseError, ValidationError
from opsreform.text.calls import CallNumber, parse_call_number

OCHOTA = "POWR.02.05.00-IP.03-00-012/17"


def test_ochota_call_parts() -> None:
    """002's call: programme, axis, action, intermediate body, number and year."""
    call = parse_call_number(OCHOTA)
    assert (call.programme, call.axis, call.action_number, call.subaction,
            call.intermediate_body, call.region, call.number, call.year) == (
        "POWR", 2, 5, 0, "IP.03", "00", 12, 2017)
    assert call.action == "2.5"
    assert str(call) == OCHOTA


def test_spaces_around_are_ignored() -> None:
    """Spaces around the number do not matter; inside they do."""
    assert str(parse_call_number(f"  {OCHOTA}\n")) == OCHOTA


@pytest.mark.parametrize(("text", "position"), [
    ("", None), ("powr.02.05.00-IP.03-00-012/17", 0), ("POWR.2.05.00-IP.03-00-012/17", 5),
    ("POWR.02.05.00-IP.03-00-12/17", 23), ("POWR.02.05.00-IP.03-00-012/2017", 29),
    ("POWR.02.05.00-XX.03-00-012/17", 14), ("POWR.02.05.00-IP.03-00-012", 26),
    ("POWR 02.05.00-IP.03-00-012/17", 4), ("POWR.02.05.00-IP.03-00-012/17 x", 29)])
def test_malformed_call_numbers(text: str, position: int | None) -> None:
    """A malformed call number is a ParseError at the first wrong part."""
    with pytest.raises(ParseError) as info:
        parse_call_number(text)
    assert info.value.position == position


def test_call_number_validates() -> None:
    """A CallNumber built by hand must have the official parts."""
    with pytest.raises(ValidationError):
        CallNumber("POWR", 200, 5, 0, "IP.03", "00", 12, 2017)
    with pytest.raises(ValidationError):
        CallNumber("POWR", 2, 5, 0, "IP3", "00", 12, 2017)


@given(st.sampled_from(["POWR", "RPMA", "RPSL"]), st.integers(0, 99), st.integers(0, 99),
       st.integers(0, 99), st.sampled_from(["IP", "IZ"]), st.integers(0, 99),
       st.integers(0, 99), st.integers(0, 999), st.integers(0, 99))
def test_call_round_trip(programme: str, axis: int, action: int, sub: int, kind: str,
                         body: int, region: int, number: int, year: int) -> None:
    """Any well-formed call number parses and writes back the same."""
    text = (f"{programme}.{axis:02d}.{action:02d}.{sub:02d}-{kind}.{body:02d}-{region:02d}-"
            f"{number:03d}/{year:02d}")
    call = parse_call_number(text)
    assert str(call) == text
    assert call.year == 2000 + year and call.number == number
