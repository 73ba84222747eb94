"""The one unit registry of opsreform: time, lesson hours, FTE (etaty) and money (PLN).

The registry is built once, from a few definitions of our own, with
:class:`fractions.Fraction` magnitudes. Floats drift (0.1 + 0.2), and a ``Decimal``
registry drifts through the 45-minute factor of the lesson hour (30 lesson hours would
come out as 22.50000000000000000000000001 h); fractions are exact, so 156 lesson hours
are exactly 117 hours and sums of money are exact to the grosz. Quantities are rounded
only when they are formatted.

It is never pint's global application registry, which belongs to the user's program.

>>> from opsreform import ureg
>>> (156 * ureg.lesson_hour).to("hour")
<Quantity(117, 'hour')>
>>> (3 * ureg.hour).to("godzina_lekcyjna")
<Quantity(4, 'lesson_hour')>
>>> format_quantity((30 * ureg.lesson_hour).to("hour"))
'22,50 h'
"""

from __future__ import annotations

import math
import threading
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint

__all__ = [
    "TIME_UNITS",
    "Quantity",
    "as_fraction",
    "format_quantity",
    "hours_from_minutes",
    "minutes_of",
    "minutes_per",
    "ureg",
]

_DEFINITIONS = """
second = [time] = s = sec
minute = 60 * second = min = minuta
hour = 60 * minute = h = godzina = clock_hour
day = 24 * hour = d = dzień
week = 7 * day = tydzień
lesson_hour = 45 * minute = godzina_lekcyjna = lh
FTE = [workload] = etat
PLN = [currency] = zł = zloty = złoty
grosz = PLN / 100 = gr
"""


def _build_registry() -> pint.UnitRegistry[Any]:
    import pint  # noqa: PLC0415 - see _Registry: pint is imported when first used

    registry: pint.UnitRegistry[Any] = pint.UnitRegistry(
        None, non_int_type=Fraction, autoconvert_offset_to_baseunit=False
    )
    for line in _DEFINITIONS.strip().splitlines():
        registry.define(line)
    registry.formatter.default_format = "~"
    # pint unpickles quantities into its global application registry, which does not
    # know PLN or lesson hours; ours come back into ours, so a Project pickles (process
    # pools, Dask). Only this registry's Quantity class is changed.
    registry.Quantity.__reduce__ = _reduce_quantity  # type: ignore[method-assign,assignment]
    return registry


class _Registry:
    """The registry, built the first time anything asks it for a unit or a quantity.

    Importing pint takes a fifth of a second (it imports numpy and dask when they are
    installed), more than checking a small project; a run that meets no quantity (a
    schedule without contracts in hours or money) does not pay for it.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        return getattr(_real(), name)

    # Python looks special methods up on the class, past __getattr__: the registry's
    # own ones are passed on here (ureg("3 hour"), ureg["hour"], "hour" in ureg…).
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _real()(*args, **kwargs)

    def __getitem__(self, item: Any) -> Any:
        return _real()[item]

    def __contains__(self, item: Any) -> bool:
        return item in _real()

    def __iter__(self) -> Any:
        return iter(_real())

    def __dir__(self) -> list[str]:
        return dir(_real())

    def __repr__(self) -> str:
        return repr(_real())


_BUILT: list[pint.UnitRegistry[Any]] = []
_BUILDING = threading.Lock()


def _real() -> pint.UnitRegistry[Any]:
    if not _BUILT:
        with _BUILDING:  # one registry, even when threads ask for it at once
            if not _BUILT:
                _BUILT.append(_build_registry())
    return _BUILT[0]


ureg: pint.UnitRegistry[Any] = _Registry()  # type: ignore[assignment]
"""The registry shared by the whole library (``opsreform.ureg``)."""


def _unpickle_quantity(magnitude: Any, units: Any) -> Any:
    """Rebuild a quantity of :data:`ureg` (pickled by :func:`_reduce_quantity`)."""
    return ureg.Quantity(magnitude, units)


def _reduce_quantity(self: Any) -> tuple[Any, tuple[Any, Any]]:
    return (_unpickle_quantity, (self.magnitude, self._units))


if TYPE_CHECKING:
    Quantity: Any
    """The quantity class of :data:`ureg`; build quantities with it or by ``n * ureg.unit``."""


def __getattr__(name: str) -> Any:
    # ``Quantity`` is the registry's class, which exists once the registry is built.
    if name == "Quantity":
        return ureg.Quantity
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def as_fraction(value: int | Fraction | Decimal | str) -> Fraction:
    """Return ``value`` as an exact fraction; binary floats are refused.

    Args:
        value: An integer, fraction, decimal, or a decimal string such as ``"84.28"``.

    Returns:
        The exact fraction.

    Raises:
        TypeError: For a ``float`` (it is not exact) or any other type.

    >>> as_fraction("84.28")
    Fraction(2107, 25)

    """
    if isinstance(value, (bool, float)):
        msg = f"{value!r} is a {type(value).__name__}; give an int, Fraction, Decimal or str"
        raise TypeError(msg)
    if isinstance(value, int | Fraction | Decimal | str):
        return Fraction(value)
    msg = f"cannot use {type(value).__name__} {value!r} as an exact number"
    raise TypeError(msg)


def hours_from_minutes(minutes: int) -> Any:
    """Return a whole number of minutes as an exact quantity in minutes.

    >>> hours_from_minutes(180).to("lesson_hour")
    <Quantity(4, 'lesson_hour')>
    """
    return ureg.Quantity(Fraction(minutes), "minute")


TIME_UNITS: dict[str, int] = {
    "minute": 1, "min": 1, "minuta": 1,
    "hour": 60, "h": 60, "godzina": 60, "clock_hour": 60,
    "lesson_hour": 45, "godzina_lekcyjna": 45, "lh": 45,
    "day": 24 * 60, "d": 24 * 60, "dzień": 24 * 60,
}
"""The minutes of the time units contracts are written in, by every name the registry
gives them (``tests/test_units.py`` asks the registry the same): known without importing
pint, so that a schedule is checked without it."""


def minutes_per(unit: str) -> Fraction:
    """Return how many minutes one ``unit`` of time is, exactly (``lesson_hour`` → 45).

    >>> minutes_per("lesson_hour")
    Fraction(45, 1)
    """
    known = TIME_UNITS.get(unit)
    if known is not None:
        return Fraction(known)
    return Fraction(ureg.Quantity(Fraction(1), unit).to("minute").magnitude)


def minutes_of(quantity: Any) -> Fraction:
    """Return a time quantity's length in minutes, exactly.

    >>> minutes_of(4 * ureg.lesson_hour)
    Fraction(180, 1)
    """
    return Fraction(quantity.to("minute").magnitude)


def format_quantity(quantity: Any, unit: str | None = None, *, places: int = 2) -> str:
    """Write a quantity the Polish way, rounded (half away from zero) only here.

    The magnitude stays exact until this point; Python 3.11 cannot format a
    :class:`~fractions.Fraction` with ``:.2f``, and going through ``float`` would round
    twice. The decimal separator is a comma, as in Polish documents.

    Args:
        quantity: A quantity of :data:`ureg`.
        unit: Convert to this unit first (``"hour"``, ``"PLN"``…); by default the
            quantity's own unit.
        places: Decimal places to keep (0 or more).

    Returns:
        For example ``"22,50 h"`` or ``"-0,01 zł"`` (the unit's symbol).

    Raises:
        ValueError: For a negative number of places.

    >>> format_quantity(156 * ureg.lesson_hour, "hour", places=0)
    '117 h'
    >>> format_quantity(ureg.Quantity(Fraction(1, 200), "PLN"))
    '0,01 zł'

    """
    if places < 0:
        msg = f"places must be 0 or more, got {places}"
        raise ValueError(msg)
    if unit is not None:
        quantity = quantity.to(unit)
    magnitude = as_fraction(quantity.magnitude) if not isinstance(
        quantity.magnitude, Fraction) else quantity.magnitude
    scaled = abs(magnitude) * 10**places
    units = math.floor(scaled + Fraction(1, 2))
    sign = "-" if magnitude < 0 and units else ""
    whole, part = divmod(units, 10**places)
    number = f"{sign}{whole},{part:0{places}d}" if places else f"{sign}{whole}"
    return f"{number} {quantity.units:~}"
