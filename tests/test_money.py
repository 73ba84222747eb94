"""Money: exact PLN amounts, rounding to the grosz, shares and exact splitting."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform.exceptions import ValidationError
from opsreform.money import (
    amount_of,
    grosze,
    is_whole_grosze,
    pln,
    round_grosz,
    share_of,
    split_total,
)
from opsreform.units import ureg

cents = st.integers(min_value=0, max_value=10**12)
weights = st.lists(st.integers(0, 10_000), min_size=1, max_size=8).filter(any)


@pytest.mark.parametrize("value", [356397, "356397.50", Decimal("356397.50"),
                                   Fraction(712795, 2)])
def test_pln_from_exact_numbers(value: object) -> None:
    """int, str, Decimal and Fraction give the same exact amount."""
    assert amount_of(pln(value)) in (Fraction(356397), Fraction(712795, 2))  # type: ignore[arg-type]
    assert isinstance(pln(value).magnitude, Fraction)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [0.5, True, None, [1]])
def test_pln_refuses_inexact_or_other(value: object) -> None:
    """Floats, booleans and other objects are refused with a ValidationError."""
    with pytest.raises(ValidationError):
        pln(value)  # type: ignore[arg-type]


def test_amount_of_refuses_other_units() -> None:
    """Hours are not money."""
    with pytest.raises(ValidationError):
        amount_of(3 * ureg.hour)


def test_grosz_unit() -> None:
    """One grosz is a hundredth of a złoty; 250 gr is 2,50 zł."""
    assert amount_of(250 * ureg.grosz) == Fraction(5, 2)
    assert grosze(pln("2.50")) == 250


@pytest.mark.parametrize(("value", "rounded"), [
    ("0.005", "0.01"), ("0.004999", "0.00"), ("-0.005", "-0.01"), ("300371.813", "300371.81"),
    ("84174.435", "84174.44"), ("2.345", "2.35"), ("2.355", "2.36")])
def test_round_grosz_half_away_from_zero(value: str, rounded: str) -> None:
    """Half a grosz rounds away from zero (not to even: 2,345 → 2,35)."""
    assert round_grosz(pln(value)) == pln(rounded)


@given(cents, st.integers(1, 1000))
def test_round_grosz_is_nearest(whole: int, denominator: int) -> None:
    """The rounded amount is a whole grosz at most half a grosz away."""
    amount = pln(Fraction(whole, denominator * 100))
    rounded = round_grosz(amount)
    assert is_whole_grosze(rounded)
    assert abs(amount_of(rounded) - amount_of(amount)) <= Fraction(1, 200)


def test_share_of_tarnowskie_gory() -> None:
    """001: 300 371,81 of 356 397,50 is 84,28 % to the basis point, not exactly."""
    share = share_of(pln("300371.81"), pln("356397.50"))
    assert round(share * 10_000) == 8428
    assert share != Fraction("0.8428")


def test_share_of_zero_total() -> None:
    """A share of a zero total is refused."""
    with pytest.raises(ValidationError):
        share_of(pln(1), pln(0))


def test_split_seed_totals() -> None:
    """Splitting the seed totals by 84,28/15,72 gives the documents' amounts."""
    eu, subsidy = split_total(pln("356397.50"), ["84.28", "15.72"])
    assert (eu, subsidy) == (pln("300371.81"), pln("56025.69"))


def test_split_gives_leftover_grosze_to_largest_remainders() -> None:
    """0,10 zł in three gives 4+3+3 gr; 1 zł by 1:2 gives 0,33 and 0,67."""
    assert [grosze(p) for p in split_total(pln("0.10"), [1, 1, 1])] == [4, 3, 3]
    assert split_total(pln(1), [1, 2]) == [pln("0.33"), pln("0.67")]


@given(cents, weights)
def test_split_adds_back_exactly(total_cents: int, ws: list[int]) -> None:
    """Splitting a total into shares and adding them back gives the total exactly."""
    total = pln(Fraction(total_cents, 100))
    parts = split_total(total, ws)
    assert sum(parts, pln(0)) == total
    assert all(is_whole_grosze(p) for p in parts)
    for part, weight in zip(parts, ws, strict=True):
        assert abs(amount_of(part) - amount_of(total) * weight / sum(ws)) < Fraction(1, 100)
        if weight == 0:
            assert amount_of(part) == 0


@given(cents, st.integers(0, 10_000))
def test_split_in_two_by_basis_points(total_cents: int, basis_points: int) -> None:
    """Two shares of a rate in basis points add back, each within a grosz of exact."""
    total = pln(Fraction(total_cents, 100))
    rate = Fraction(basis_points, 10_000)
    first, second = split_total(total, [rate, 1 - rate] if rate not in (0, 1) else
                                [basis_points, 10_000 - basis_points])
    assert first + second == total
    assert abs(amount_of(first) - amount_of(total) * rate) < Fraction(1, 100)


@pytest.mark.parametrize(("total", "ws"), [("1", []), ("1", [0, 0]), ("1", [-1, 2]),
                                           ("0.005", [1, 1])])
def test_split_refuses(total: str, ws: list[int]) -> None:
    """No weights, zero or negative weights, or a total in fractions of a grosz."""
    with pytest.raises(ValidationError):
        split_total(pln(total), ws)
