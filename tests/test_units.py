"""The unit registry: exact lesson hours, FTE and money, rounded only when formatted."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import opsreform
from opsreform.units import (
    _DEFINITIONS,
    Quantity,
    as_fraction,
    format_quantity,
    hours_from_minutes,
    minutes_of,
    minutes_per,
    ureg,
)


def test_one_registry_exported() -> None:
    """opsreform.ureg is the module's registry, not pint's global application registry."""
    assert opsreform.ureg is ureg
    assert ureg is not pint.get_application_registry()  # type: ignore[no-untyped-call]
    assert Quantity is ureg.Quantity


@pytest.mark.parametrize(
    ("amount", "unit", "target", "expected"),
    [(3, "hour", "lesson_hour", 4), (156, "lesson_hour", "hour", 117),
     (30, "lesson_hour", "hour", Fraction(45, 2)), (1, "lesson_hour", "minute", 45),
     (4, "godzina_lekcyjna", "minute", 180), (1, "hour", "minute", 60),
     (1, "minute", "lesson_hour", Fraction(1, 45)), (1, "day", "hour", 24),
     (156, "lesson_hour", "lesson_hour", 156), (1, "PLN", "grosz", 100),
     (1, "zł", "PLN", 1), (1, "zloty", "grosz", 100), (1, "grosz", "PLN", Fraction(1, 100)),
     (Fraction(356_397_50, 100), "PLN", "grosz", 356_397_50)],
)
def test_exact_conversions(amount: int | Fraction, unit: str, target: str,
                           expected: Fraction) -> None:
    """Conversions are exact fractions: 3 h = 4 lh, 156 lh = 117 h, 30 lh = 45/2 h."""
    result = Quantity(amount, unit).to(target).magnitude
    assert result == expected
    assert isinstance(result, int | Fraction)
    assert not isinstance(result, float)


def _registry_like_ours(non_int_type: type) -> pint.UnitRegistry[Any]:
    registry: pint.UnitRegistry[Any] = pint.UnitRegistry(None, non_int_type=non_int_type)
    for line in _DEFINITIONS.strip().splitlines():
        registry.define(line)
    return registry


def test_decimal_and_float_registries_would_drift() -> None:
    """The same definitions with Decimal or float drift; ours (Fraction) does not."""
    decimal = _registry_like_ours(Decimal)
    assert decimal.Quantity(Decimal(30), "lesson_hour").to("hour").magnitude != Decimal("22.5")
    floats = _registry_like_ours(float)
    assert (floats.Quantity(0.1, "PLN") + floats.Quantity(0.2, "PLN")).magnitude != 0.3
    assert (30 * ureg.lesson_hour).to("hour").magnitude == Fraction(45, 2)
    assert (Quantity(Fraction(1, 10), "PLN") + Quantity(Fraction(2, 10), "PLN")).magnitude == (
        Fraction(3, 10))


@given(st.integers(0, 10_000))
def test_lesson_hours_round_trip(n: int) -> None:
    """Any whole number of lesson hours goes to clock hours and back unchanged."""
    back = (n * ureg.lesson_hour).to("hour").to("lesson_hour")
    assert back.magnitude == n
    assert (n * ureg.lesson_hour).to("minute").magnitude == 45 * n


@given(st.lists(st.integers(-10**10, 10**10), max_size=60))
def test_money_sums_are_exact_to_the_grosz(grosze: list[int]) -> None:
    """A sum of amounts in zł is exactly the sum of their grosze, however many."""
    total = sum((Quantity(Fraction(g, 100), "zł") for g in grosze), Quantity(0, "PLN"))
    assert total.to("grosz").magnitude == sum(grosze)
    assert isinstance(total.magnitude, int | Fraction)


def test_seed_funding_sums_exactly() -> None:
    """Tarnowskie Góry: 300 371,81 + 56 025,69 = 356 397,50 zł, exactly."""
    eu = Quantity(as_fraction("300371.81"), "PLN")
    subsidy = Quantity(as_fraction("56025.69"), "zł")
    assert eu + subsidy == Quantity(as_fraction("356397.50"), "PLN")
    # Niedrzwica Duża: the budget lines add up to 336 697,76 zł, not the stated 420 872,19.
    lines = [Quantity(as_fraction(v), "PLN")
             for v in ("22551.00", "14900.00", "25200.00", "274046.76")]
    assert sum(lines, Quantity(0, "PLN")).magnitude == Fraction(33669776, 100)


def test_fte_is_its_own_dimension() -> None:
    """FTE (etat) converts to nothing else: not hours, not money."""
    assert (2 * ureg.etat) == (2 * ureg.FTE)
    for other in ("hour", "PLN", "lesson_hour"):
        with pytest.raises(pint.DimensionalityError):
            (1 * ureg.FTE).to(other)
    with pytest.raises(pint.DimensionalityError):
        (1 * ureg.PLN).to("hour")


def test_units_parse_from_strings_exactly() -> None:
    """Strings read by the registry give exact fractions, not floats."""
    assert ureg.Quantity("0.1 PLN").magnitude == Fraction(1, 10)
    assert ureg.Quantity("2.5 h").to("lesson_hour").magnitude == Fraction(10, 3)


def test_as_fraction_refuses_floats() -> None:
    """Floats and bools are refused; ints, Decimals, Fractions and decimal strings are exact."""
    for bad in (0.1, True, None, [1]):
        with pytest.raises(TypeError):
            as_fraction(bad)  # type: ignore[arg-type]
    assert as_fraction(Decimal("84.28")) == Fraction(2107, 25)
    assert as_fraction("356397.50") == Fraction(35639750, 100)
    assert as_fraction(Fraction(1, 3)) == Fraction(1, 3)
    assert as_fraction(7) == 7


def test_minutes_helpers() -> None:
    """minutes_per, minutes_of and hours_from_minutes are exact."""
    assert minutes_per("lesson_hour") == 45
    assert minutes_per("hour") == 60
    assert minutes_of(hours_from_minutes(135)) == 135
    assert hours_from_minutes(135).to("lesson_hour").magnitude == 3
    assert minutes_of(Quantity(Fraction(1, 3), "hour")) == 20


@pytest.mark.parametrize(
    ("quantity", "unit", "places", "text"),
    [(Quantity(Fraction(45, 2), "hour"), None, 2, "22,50 h"),
     (Quantity(156, "lesson_hour"), "hour", 0, "117 h"),
     (Quantity(Fraction(1, 200), "PLN"), None, 2, "0,01 zł"),
     (Quantity(Fraction(-1, 200), "PLN"), None, 2, "-0,01 zł"),
     (Quantity(Fraction(1, 300), "PLN"), None, 2, "0,00 zł"),
     (Quantity(Fraction(-1, 300), "PLN"), None, 2, "0,00 zł"),
     (Quantity(Fraction(5, 3), "PLN"), None, 2, "1,67 zł"),
     (Quantity(Fraction(2, 3), "hour"), None, 3, "0,667 h"),
     (Quantity(Fraction(35639750, 100), "PLN"), None, 2, "356397,50 zł"),
     (Quantity(1, "FTE"), None, 1, "1,0 etat")],
)
def test_format_quantity_rounds_only_here(quantity: object, unit: str | None, places: int,
                                          text: str) -> None:
    """Formatting rounds half away from zero, with a decimal comma; the value stays exact."""
    assert format_quantity(quantity, unit, places=places) == text


@given(st.integers(-10**12, 10**12))
def test_format_quantity_whole_grosze(grosze: int) -> None:
    """A whole number of grosze is written with exactly its digits."""
    sign = "-" if grosze < 0 else ""
    whole, part = divmod(abs(grosze), 100)
    text = format_quantity(Quantity(Fraction(grosze, 100), "PLN"))
    assert text == f"{sign}{whole},{part:02d} zł"


def test_format_quantity_refuses_bad_input() -> None:
    """Negative places and float magnitudes are errors, not silently rounded floats."""
    with pytest.raises(ValueError, match="places"):
        format_quantity(Quantity(1, "PLN"), places=-1)
    with pytest.raises(TypeError):
        format_quantity(Quantity(0.1, "PLN"))


def test_the_time_units_known_without_pint_agree_with_the_registry() -> None:
    """TIME_UNITS answers minutes_per without pint; each entry is what the registry says."""
    from opsreform.units import TIME_UNITS

    for name, minutes in TIME_UNITS.items():
        assert ureg.Quantity(Fraction(1), name).to("minute").magnitude == minutes, name


def test_importing_opsreform_does_not_import_pint() -> None:
    """The registry is built on first use: a schedule-only run never imports pint."""
    import subprocess
    import sys

    code = ("import sys, opsreform; from opsreform.units import minutes_per; "
            "minutes_per('lesson_hour'); print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_the_registry_is_called_indexed_and_searched_as_pint_s() -> None:
    """ureg("3 hour") and "etat" in ureg work as on pint's registry (ureg[…] too)."""
    assert ureg("3 hour") == 3 * ureg.hour
    with pytest.warns(DeprecationWarning, match="getitem"):  # pint deprecates ureg[…]
        assert ureg["lesson_hour"] == 1 * ureg.lesson_hour
    assert "etat" in ureg
    assert "Quantity" in dir(ureg)
