"""Amounts in the Polish forms: parse_amount, format_amount and stated bounds."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform.exceptions import ParseError, ValidationError
from opsreform.money import amount_of, pln
from opsreform.text.amounts import (
    Relation,
    StatedAmount,
    format_amount,
    format_share,
    parse_amount,
    parse_amount_bound,
    parse_share,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(("text", "cents"), [
    ("356 397,50 zł", 35639750), ("300 371,81 zł", 30037181), ("56 025,69 zł", 5602569),
    ("22 551.00 złotych", 2255100), ("14 900,00 złotych", 1490000),
    ("25 200,00 złotych", 2520000), ("274 046,76 złotych", 27404676),
    ("420 872,19 złotych", 42087219), ("274046,76", 27404676),
    (f"356{NBSP}397,50{NBSP}zł", 35639750), ("356\u202f397,50 zł", 35639750),
    ("22 551.00 PLN", 2255100), ("5 zł.", 500), ("5zł", 500), ("5 zlotych", 500),
    ("421 tys. zł", 42100000), ("421,5 tys. zł", 42150000), ("1,2 mln zł", 120000000),
    ("1.234,56 zł", 123456), ("  12 zł  ", 1200), ("-5,00 zł", -500)])
def test_parse_amount_forms(text: str, cents: int) -> None:
    """Every form of the documents reads exactly to the grosz, with any space."""
    amount = parse_amount(text)
    assert amount_of(amount) == Fraction(cents, 100)
    assert isinstance(amount.magnitude, Fraction)


@pytest.mark.parametrize(("text", "position", "words"), [
    ("12,345,67 zł", 2, "two decimal separators"),
    ("1,2.50 zł", 1, "two decimal separators"),
    ("abc zł", 0, "no number"),
    ("22 551,505 zł", 6, "3 digits"),
    ("22 551.000", 6, "ambiguous"),
    ("5,5 zł", 1, "1 digit"),
    ("1 23 zł", 2, "unexpected '23'"),
    ("100 zł brutto", 7, "unexpected 'brutto'"),
    ("ponad 421 tys. zł", 0, "bound"),
    ("0,000001 tys. zł", 0, "whole number of grosze"),
    ("zł 5", 0, "no number")])
def test_parse_amount_malformed(text: str, position: int, words: str) -> None:
    """Malformed amounts are ParseErrors pointing at the offending part, saying what."""
    with pytest.raises(ParseError) as info:
        parse_amount(text)
    assert info.value.position == position
    assert words in str(info.value)
    assert info.value.text == text


@pytest.mark.parametrize("text", ["", "   ", NBSP])
def test_parse_amount_empty(text: str) -> None:
    """An empty amount is an error, never zero."""
    with pytest.raises(ParseError) as info:
        parse_amount(text)
    assert info.value.position is None


@pytest.mark.parametrize(("cents", "text"), [
    (35639750, "356 397,50 zł"), (2255100, "22 551,00 zł"), (0, "0,00 zł"),
    (5, "0,05 zł"), (123456789012, "1 234 567 890,12 zł"), (-150, "-1,50 zł")])
def test_format_amount(cents: int, text: str) -> None:
    """Amounts are written with plain-space thousands and a decimal comma."""
    assert format_amount(pln(Fraction(cents, 100))) == text


def test_format_amount_rounds_half_up() -> None:
    """A computed amount is written rounded half away from zero."""
    assert format_amount(pln("84174.435")) == "84 174,44 zł"
    assert format_amount(pln("-0.005")) == "-0,01 zł"


@given(st.integers(-10**13, 10**13))
def test_amount_round_trip(cents: int) -> None:
    """format_amount then parse_amount gives any whole-grosz amount back."""
    amount = pln(Fraction(cents, 100))
    assert parse_amount(format_amount(amount)) == amount


@given(st.integers(0, 10**13), st.sampled_from([" ", NBSP, "\u202f"]),
       st.sampled_from([",", "."]), st.sampled_from(["zł", "zł.", "złotych", "PLN", ""]))
def test_parse_any_spelling(cents: int, space: str, comma: str, unit: str) -> None:
    """Any grouping space, decimal mark and unit word reads the same amount."""
    text = format_amount(pln(Fraction(cents, 100)))[:-3].replace(" ", space)
    text = text.replace(",", comma) + (f" {unit}" if unit else "")
    assert amount_of(parse_amount(text)) == Fraction(cents, 100)


@given(st.text(max_size=20))
def test_parse_amount_any_text(text: str) -> None:
    """Any text gives an amount or a ParseError, never another exception."""
    position: int | None = 0
    try:
        parse_amount(text)
    except ParseError as exc:
        position = exc.position
    assert position is None or 0 <= position <= len(text)


def test_bound_ochota() -> None:
    """002: "ponad 421 tys. zł" is over 421 000 zł, not an amount."""
    bound = parse_amount_bound("ponad 421 tys. zł")
    assert (bound.relation, bound.value, bound.precision) == (
        Relation.OVER, pln(421_000), Fraction(1000))
    assert bound.admits(pln("421000.01")) and not bound.admits(pln(421_000))
    assert not bound.admits(pln("356397.50"))
    assert pln("421872.19") in bound
    assert not bound.is_exact


@pytest.mark.parametrize(("text", "relation", "inside", "outside"), [
    ("około 5 tys. zł", Relation.ABOUT, "5500", "5500.01"),
    ("ok. 421,5 tys. zł", Relation.ABOUT, "421550", "421550.01"),
    ("poniżej 10 000 zł", Relation.UNDER, "9999.99", "10000"),
    ("mniej niż 10 tys. zł", Relation.UNDER, "9999.99", "10000"),
    ("przeszło 1 mln zł", Relation.OVER, "1000000.01", "1000000"),
    ("421 tys. zł", Relation.EXACTLY, "420500", "421500.01"),
    ("356 397,50 zł", Relation.EXACTLY, "356397.50", "356397.51")])
def test_bounds(text: str, relation: Relation, inside: str, outside: str) -> None:
    """Each relation admits what it says, at the stated precision."""
    bound = parse_amount_bound(text)
    assert bound.relation is relation
    assert bound.admits(pln(inside)) and not bound.admits(pln(outside))


def test_bound_written_back() -> None:
    """A bound keeps its text; without a text it is written in Polish."""
    assert str(parse_amount_bound(" ponad 421 tys. zł ")) == "ponad 421 tys. zł"
    assert str(StatedAmount(Relation.OVER, pln(421_000))) == "ponad 421 000,00 zł"
    assert parse_amount_bound("356 397,50 zł").is_exact


@pytest.mark.parametrize("text", ["", "ponad", "ponad abc", "ponad 12,345,67 zł"])
def test_bound_malformed(text: str) -> None:
    """A bound without a readable amount is a ParseError."""
    with pytest.raises(ParseError):
        parse_amount_bound(text)


def test_stated_amount_validates() -> None:
    """A stated value must be money with a positive precision."""
    with pytest.raises(ValidationError):
        StatedAmount(Relation.OVER, 5)
    with pytest.raises(ValidationError):
        StatedAmount(Relation.OVER, pln(5), Fraction(0))


@pytest.mark.parametrize(("text", "share"), [
    ("84,28 %", Fraction("0.8428")), ("84.28%", Fraction("0.8428")),
    ("15,72 %", Fraction("0.1572")), ("100 %", Fraction(1)), ("0,5%", Fraction(1, 200))])
def test_parse_share(text: str, share: Fraction) -> None:
    """Percentages read into exact fractions."""
    assert parse_share(text) == share


@pytest.mark.parametrize("text", ["84,28", "abc %", "", "84,,28 %"])
def test_parse_share_malformed(text: str) -> None:
    """A share without % or a number is a ParseError."""
    with pytest.raises(ParseError):
        parse_share(text)


@given(st.integers(0, 10_000))
def test_share_round_trip(basis_points: int) -> None:
    """Shares in basis points format and parse back exactly."""
    share = Fraction(basis_points, 10_000)
    assert parse_share(format_share(share)) == share
