"""Contracts (umowy): who delivers which sessions, between which dates, how many hours.

A contract counts hours in the unit it was signed in — lesson hours (godziny lekcyjne,
45 minutes) for the supervision of one source document, clock hours or another length
elsewhere — so its progress is reported in that unit, exactly.

>>> from fractions import Fraction
>>> c = Contract(id="superwizja", title="156 godzin lekcyjnych superwizji",
...              hours=Fraction(156), unit="lesson_hour")
>>> c.limit.to("hour")
<Quantity(117, 'hour')>
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import non_empty, optional_non_empty, to_kinds, to_tuple
from opsreform.model.sessions import SessionKind
from opsreform.periods import Period
from opsreform.units import TIME_UNITS, minutes_per, ureg

__all__ = ["Contract"]


def _unit(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value in TIME_UNITS:
        return
    try:
        unit = ureg.Unit(value)
    except Exception:  # pint's parser raises many kinds: TokenError, AssertionError, 1/0…
        msg = f"{value!r} is not a unit of opsreform.ureg; expected e.g. 'lesson_hour' or 'hour'"
        raise ValidationError(msg, field=attribute.name, value=value) from None
    if unit.dimensionality != ureg.hour.dimensionality:
        raise ValidationError(f"{value!r} is not a unit of time", field=attribute.name,
                              value=value)


def _fraction_or_none(value: object) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, float | bool):
        raise ValidationError(f"expected an exact number of hours, got {value!r}",
                              field="hours", value=value)
    if not isinstance(value, int | str | Fraction | Decimal):
        raise ValidationError(f"expected an exact number of hours, got {value!r}",
                              field="hours", value=value)
    return Fraction(value)


def _non_negative(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value <= 0:
        raise ValidationError(f"expected a number above zero, got {value!r}",
                              field=attribute.name, value=value)


@attrs.frozen
class Contract:
    """A contract that delivers sessions.

    Attributes:
        id: A stable id, unique in the project.
        title: What it is for, as the document words it.
        supplier: Who delivers it (a company, a person), when stated.
        signed: The date it was signed (zawarta), when stated.
        period: When its sessions are to be held, when stated (a document may give only
            the end: then ``ends``).
        ends: The last day sessions may be held, when only that is stated.
        kinds: The session kinds it delivers.
        hours: How many hours it holds, in ``unit``, when stated.
        unit: The unit its hours are counted in (``lesson_hour``, ``hour``…).
        sessions: How many sessions it holds, when stated (for example 26 trainings).
        leaders: Ids of the people who lead its sessions (by default those of every
            session that names none).
        note: Remarks, e.g. how a figure of the document was read.
        duration_months: How many months it runs, when the document states it ("umowa
            na 12 miesięcy"); the ``duration`` rule compares it with ``period``.

    """

    id: str = attrs.field(validator=non_empty)
    title: str = attrs.field(validator=non_empty)
    supplier: str | None = attrs.field(default=None, validator=optional_non_empty)
    signed: date | None = None
    period: Period | None = None
    ends: date | None = None
    kinds: frozenset[SessionKind] = attrs.field(
        factory=frozenset, converter=to_kinds
    )
    hours: Fraction | None = attrs.field(
        default=None, converter=_fraction_or_none, validator=_non_negative
    )
    unit: str = attrs.field(default="hour", validator=_unit)
    sessions: int | None = attrs.field(default=None, validator=_non_negative)
    leaders: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    note: str | None = None
    duration_months: int | None = attrs.field(default=None, validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        if self.period is not None and self.ends is not None and self.ends != self.period.end:
            raise ValidationError("give the period or its end, not two different ends",
                                  field="ends", value=self.ends)

    @property
    def last_day(self) -> date | None:
        """The last day its sessions may be held, when known."""
        return self.period.end if self.period is not None else self.ends

    @property
    def first_day(self) -> date | None:
        """The first day its sessions may be held: its period's start, else None."""
        return self.period.start if self.period is not None else None

    @property
    def limit(self) -> Any:
        """The contracted hours as an exact quantity in the contract's unit, or None."""
        return None if self.hours is None else ureg.Quantity(self.hours, self.unit)

    @functools.cached_property
    def limit_minutes(self) -> Fraction | None:
        """The contracted hours in minutes, or None when not stated (computed once)."""
        return None if self.hours is None else self.hours * minutes_per(self.unit)

    def in_unit(self, minutes: int | Fraction) -> Fraction:
        """Convert a number of minutes into the contract's unit, exactly."""
        return Fraction(minutes) / minutes_per(self.unit)
