"""Money: exact PLN quantities, rounding to the grosz, and exact splitting of totals.

Amounts are quantities of :data:`opsreform.ureg` in ``PLN`` with
:class:`~fractions.Fraction` magnitudes, so sums are exact. Rounding happens only where
the programme rounds (a share of a total, a flat rate) and when formatting.

>>> total = pln("356397.50")
>>> eu = round_grosz(total * Fraction("0.8428"))
>>> eu
<Quantity(30037181/100, 'PLN')>
>>> [str(grosze(p)) for p in split_total(pln("0.10"), [1, 1, 1])]
['4', '3', '3']
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from opsreform.exceptions import ValidationError
from opsreform.units import as_fraction, ureg

__all__ = [
    "amount_of",
    "grosze",
    "is_whole_grosze",
    "pln",
    "round_grosz",
    "share_of",
    "split_total",
]


def pln(value: int | str | Decimal | Fraction) -> Any:
    """Return an exact amount in PLN (floats are refused: they are not exact).

    >>> pln("22551.00") + pln("14900")
    <Quantity(37451, 'PLN')>
    """
    try:
        return ureg.Quantity(as_fraction(value), "PLN")
    except (TypeError, ValueError) as exc:
        raise ValidationError(str(exc), field="amount", value=value) from None


def amount_of(quantity: Any) -> Fraction:
    """Return the exact number of złoty of a PLN quantity (ValidationError otherwise)."""
    try:
        return Fraction(quantity.to("PLN").magnitude)
    except Exception as exc:  # pint raises several kinds; any is "not money"
        msg = f"expected an amount in PLN, got {quantity!r}"
        raise ValidationError(msg, field="amount", value=quantity) from exc


def grosze(quantity: Any) -> Fraction:
    """Return the amount in grosze (hundredths), exactly."""
    return amount_of(quantity) * 100


def is_whole_grosze(quantity: Any) -> bool:
    """Whether an amount is a whole number of grosze (as every amount in a document is).

    >>> is_whole_grosze(pln("0.10")), is_whole_grosze(pln("0.105"))
    (True, False)
    """
    return grosze(quantity).denominator == 1


def round_grosz(quantity: Any) -> Any:
    """Round an amount to the grosz, half away from zero (0,005 zł → 0,01 zł).

    Half away from zero (for positive amounts: half up) is the commercial rounding of
    Polish accounting. That the PO WER application generator (SOWA) rounds shares and
    flat rates this way is an **assumption**: no published rule was found that states
    it, and the source documents cannot tell the modes apart (84,28 % of 356 397,50 zł is
    300 371,813 zł, stated as 300 371,81 zł: every mode but rounding up gives that).
    Rounding half up differs from banker's rounding only on an exact half grosz.

    >>> round_grosz(pln("300371.805"))
    <Quantity(30037181/100, 'PLN')>
    >>> round_grosz(pln("-0.005"))
    <Quantity(-1/100, 'PLN')>
    """
    hundredths = amount_of(quantity) * 100
    whole, rest = divmod(abs(hundredths), 1)
    if rest >= Fraction(1, 2):
        whole += 1
    return pln(Fraction(int(whole) if hundredths >= 0 else -int(whole), 100))


def share_of(part: Any, total: Any) -> Fraction:
    """Return the exact share ``part / total`` of two amounts (0.8428 for 84,28 %).

    Raises:
        ValidationError: When ``total`` is zero (a share of nothing is undefined).

    >>> share_of(pln("300371.81"), pln("356397.50"))
    Fraction(30037181, 35639750)

    """
    whole = amount_of(total)
    if whole == 0:
        raise ValidationError("a share of a zero total is undefined", field="total",
                              value=total)
    return amount_of(part) / whole


def split_total(total: Any, weights: Sequence[int | Fraction | Decimal | str]) -> list[Any]:
    """Split ``total`` by ``weights`` into grosz amounts that add back to it exactly.

    Each part is rounded down to the grosz, and the grosze left over go to the parts
    with the largest remainders (the largest-remainder method), earliest first on ties.
    Every part is then within one grosz of its exact share, and the parts add back to
    ``total`` exactly; rounding each share on its own (:func:`round_grosz`) can miss
    the total by a grosz or more.

    Args:
        total: The amount to split (a whole number of grosze).
        weights: The shares, in any proportion (``["84.28", "15.72"]`` or ``[1, 1, 1]``).

    Returns:
        One PLN amount per weight, in the same order.

    Raises:
        ValidationError: For no weights, a negative weight, weights summing to zero, or
            a total that is not a whole number of grosze.

    """
    fractions = [as_fraction(w) for w in weights]
    if not fractions or any(w < 0 for w in fractions) or sum(fractions) == 0:
        raise ValidationError(f"expected non-negative weights with a positive sum, got "
                              f"{list(weights)!r}", field="weights", value=weights)
    cents = grosze(total)
    if cents.denominator != 1:
        raise ValidationError(f"{total} is not a whole number of grosze", field="total",
                              value=total)
    whole = sum(fractions)
    exact = [cents * w / whole for w in fractions]
    floors = [e.numerator // e.denominator for e in exact]
    left = int(cents) - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [pln(Fraction(f, 100)) for f in floors]
