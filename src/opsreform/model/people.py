"""People: those who lead sessions (trainers, supervisors, experts) and the centre's staff.

A person is declared once in a project and referenced by ``id`` from sessions,
contracts and the organisation, so that one person is recognised across all of them
(a supervisor booked twice at the same hour, a worker in two teams). A ``key`` names the
same person in other projects' files; ``absences`` and ``engagements`` say when the
person cannot lead or attend sessions and what other work they do.
"""

from __future__ import annotations

import enum
from datetime import date
from fractions import Fraction
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import non_empty, optional_non_empty, to_tuple
from opsreform.periods import Period
from opsreform.workcalendar import WorkCalendar

__all__ = ["TICKS_PER_MINUTE", "Person", "PersonEngagement", "Profession", "working_minutes"]

DAY_NORM_MINUTES = 8 * 60
"""The working-time norm of one working day: 8 hours (Kodeks pracy, art. 129 § 1)."""

TICKS_PER_MINUTE = 90_090_000
"""The units engagements are added in (2⁴·3²·5⁴·7·11·13 per minute).

An FTE of up to four decimal places or with a small denominator (``1/3``, ``1/7``)
times a day's norm, and hours a month to the hundredth, are whole numbers of ticks, so
sums are exact: a month of exactly 276 hours is exactly 276.
"""


class Profession(enum.StrEnum):
    """A person's profession (zawód / stanowisko)."""

    SOCIAL_WORKER = "social-worker"
    """Pracownik socjalny."""
    FAMILY_ASSISTANT = "family-assistant"
    """Asystent rodziny."""
    SPECIALIST = "specialist"
    """Specjalista (for example ds. monitoringu, psycholog, prawnik)."""
    CLERK = "clerk"
    """Pracownik administracyjny / referent."""
    MANAGER = "manager"
    """Kadra zarządzająca: dyrektor, kierownik."""
    TRAINER = "trainer"
    """Trener, szkoleniowiec (usually external)."""
    SUPERVISOR = "supervisor"
    """Superwizor pracy socjalnej."""
    EXPERT = "expert"
    """Ekspert, doradca."""
    OTHER = "other"
    """Any other profession."""


def working_minutes(period: Period) -> int:
    """The working-time norm of ``period`` in minutes: 8 h per weekday that is no holiday.

    Monday to Friday count, less the Polish public holidays that fall on them (the
    ``holidays`` package gives the holidays).

    >>> working_minutes(Period.month(2018, 5)) // 60  # 1, 3, 31 May are holidays
    160
    """
    calendar = WorkCalendar()  # the law's holidays; a centre's own closures do not count
    days = sum(1 for day in period.dates()
               if day.weekday() < _SATURDAY and not calendar.is_holiday(day))
    return days * DAY_NORM_MINUTES


_SATURDAY = 5
_MONTH_HOURS = 31 * 24


def _fraction(value: object) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str | Fraction):
        raise ValidationError(f"expected a number, got {value!r}", field="amount", value=value)
    return Fraction(value)


@attrs.frozen
class PersonEngagement:
    """Work a person does outside the project's sessions (zaangażowanie), in some months.

    Its size is a fraction of a full time (``fte``, etat) or stated hours a month;
    neither means the size is unknown.

    Attributes:
        period: When it lasts; None when the documents give no period: it then holds in
            every month.
        fte: The fraction of a full-time post (``1/2`` for half-time), when stated;
            a month's hours are ``fte`` × the working-time norm of its days in
            ``period`` (see :func:`working_minutes`).
        hours_per_month: Clock hours in each month ``period`` touches, when stated.
        text: What it is ("umowa o pracę w OPS Świlcza"), when stated.

    """

    period: Period | None
    fte: Fraction | None = attrs.field(default=None, converter=_fraction)
    hours_per_month: Fraction | None = attrs.field(default=None, converter=_fraction)
    text: str | None = attrs.field(default=None, validator=optional_non_empty)

    def __attrs_post_init__(self) -> None:
        if self.period is not None and not isinstance(self.period, Period):
            raise ValidationError(f"expected a Period, got {self.period!r}", field="period",
                                  value=self.period)
        if self.fte is not None and self.hours_per_month is not None:
            raise ValidationError("give fte or hours_per_month, not both", field="fte",
                                  value=self.fte)
        if self.fte is not None and not 0 < self.fte <= 1:
            raise ValidationError(f"an FTE lies above 0, up to 1; got {self.fte}",
                                  field="fte", value=self.fte)
        if self.hours_per_month is not None and not 0 < self.hours_per_month <= _MONTH_HOURS:
            raise ValidationError(f"hours a month lie above 0, up to 744; got "
                                  f"{self.hours_per_month}", field="hours_per_month",
                                  value=self.hours_per_month)
        for name, value, per in (("fte", self.fte, DAY_NORM_MINUTES),
                                 ("hours_per_month", self.hours_per_month, 60)):
            if value is not None and (value * per * TICKS_PER_MINUTE).denominator != 1:
                raise ValidationError(f"{name} {value} is too fine to add exactly; give at "
                                      "most four decimal places, or a fraction such as 1/3",
                                      field=name, value=value)

    @property
    def known(self) -> bool:
        """Whether its size is stated."""
        return self.fte is not None or self.hours_per_month is not None

    def minutes_in(self, year: int, month: int) -> Fraction | None:
        """Its minutes in one calendar month (0 outside its period; None when unknown)."""
        whole = Period.month(year, month)
        days = whole if self.period is None else self.period.intersection(whole)
        if days is None:
            return Fraction(0)
        if self.hours_per_month is not None:
            return self.hours_per_month * 60
        if self.fte is not None:
            return self.fte * working_minutes(days)
        return None


def _is_period(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    for item in value:  # type: ignore[attr-defined]
        if not isinstance(item, Period):
            raise ValidationError(f"expected periods, got {item!r}", field=attribute.name,
                                  value=item)


def _is_engagement(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    for item in value:  # type: ignore[attr-defined]
        if not isinstance(item, PersonEngagement):
            raise ValidationError(f"expected engagements, got {item!r}",
                                  field=attribute.name, value=item)


@attrs.frozen
class Person:
    """A person named in a project.

    Attributes:
        id: A stable id, unique in the project (``superwizor``, ``pw-kowalska``).
        name: The name as documents give it (may be a role when the name is not
            stated: "superwizor pracy socjalnej").
        profession: What the person is, when known.
        employer: Who employs the person (the centre's name, a company), when known.
        certified_supervisor: For supervisors: whether they hold the social-work
            supervisor certificate; ``None`` when the documents do not say.
        key: What identifies the same person in other projects' files (a trainer
            working for several centres), when given; unique in a project.
        absences: When the person is absent (urlop, leave): no session may be led or
            attended by them on these days.
        engagements: The person's work outside the sessions, as stated; ``None`` when
            the documents do not say (unknown), ``()`` when they say there is none.

    """

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    profession: Profession | None = attrs.field(
        default=None, converter=attrs.converters.optional(Profession)
    )
    employer: str | None = attrs.field(default=None, validator=optional_non_empty)
    certified_supervisor: bool | None = None
    key: str | None = attrs.field(default=None, validator=optional_non_empty)
    absences: tuple[Period, ...] = attrs.field(default=(), converter=to_tuple,
                                               validator=_is_period)
    engagements: tuple[PersonEngagement, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_tuple),
        validator=attrs.validators.optional(_is_engagement))

    def absent_on(self, day: date) -> bool:
        """Whether the person is absent on ``day``."""
        return any(day in period for period in self.absences)
