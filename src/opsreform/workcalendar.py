"""The working calendar of a centre: Polish public holidays, weekends and declared closures.

Holidays come from the ``holidays`` package (its one-off days and its changes over the
years, such as 24 December being a holiday from 2025), always with Polish names and
always asked with ``date`` objects. Each year is computed once into a set, so that a
membership test is a set look-up.

>>> from datetime import date
>>> cal = WorkCalendar()
>>> cal.is_working_day(date(2018, 11, 12))   # the one-off centenary holiday
False
>>> cal.add_working_days(date(2025, 12, 23), 1)  # 24 December is a holiday from 2025
datetime.date(2025, 12, 29)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from functools import cache, cached_property
from types import MappingProxyType

import attrs
import holidays

from opsreform.exceptions import ValidationError
from opsreform.periods import Period

__all__ = ["SCHOOL_HOLIDAYS_FROM", "WorkCalendar"]

SCHOOL_HOLIDAYS_FROM = 2018
"""The first year for which ``holidays`` lists Poland's school holidays."""

_SATURDAY = 5


def _check_day(day: object, field: str = "day") -> date:
    """Return ``day`` when it is a plain date; a datetime or anything else is an error."""
    if type(day) is date:  # the fast path: one type check per look-up
        return day
    if not isinstance(day, date) or isinstance(day, datetime):
        msg = (f"expected a datetime.date, got {type(day).__name__} {day!r}; a datetime "
               "is a moment, not a day (pass .date())")
        raise ValidationError(msg, field=field, value=day)
    return day


def _date_set(value: Iterable[date]) -> frozenset[date]:
    return frozenset(_check_day(day, "closed") for day in value)


@cache
def _public_holidays(year: int) -> Mapping[date, str]:
    """The holidays of one year, computed once for every calendar (they are the law's)."""
    return MappingProxyType({
        day: str(name)
        for day, name in holidays.country_holidays("PL", years=year, language="pl").items()
    })


def _int_set(value: Iterable[int]) -> frozenset[int]:
    return frozenset(value)


class _DateMap(Mapping[date, date]):
    """A read-only mapping of dates that pickles (``MappingProxyType`` does not)."""

    __slots__ = ("_items",)

    def __init__(self, items: dict[date, date]) -> None:
        self._items = items

    def __getitem__(self, key: date) -> date:
        return self._items[key]

    def __iter__(self) -> Iterator[date]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        return dict(self._items) == other if isinstance(other, Mapping) else NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return repr(self._items)

    def __reduce__(self) -> tuple[type[_DateMap], tuple[dict[date, date]]]:
        return (_DateMap, (dict(self._items),))


def _date_map(value: Mapping[date, date]) -> Mapping[date, date]:
    return _DateMap({
        _check_day(holiday, "days_in_lieu"): _check_day(given, "days_in_lieu")
        for holiday, given in dict(value).items()
    })


@attrs.define
class WorkCalendar:
    """Which days a centre works: not weekends, not public holidays, not declared closures.

    Attributes:
        closed: Extra days the centre declares closed (for example a day off given for
            a holiday that fell on a Saturday, or a move between premises).
        days_in_lieu: For holidays that fall on a Saturday, the day the centre gives
            off instead (Kodeks pracy art. 130 § 2): ``{holiday: day_given}``. Those
            given days are not working days.
        working_weekdays: The weekdays (``date.weekday()``, Monday 0) the centre
            works on; Monday to Friday by default.

    """

    # The fields cannot be reassigned: the checks of __attrs_post_init__ and the cached
    # set of days in lieu would no longer hold. Build a new calendar instead.
    closed: frozenset[date] = attrs.field(
        factory=frozenset, converter=_date_set, on_setattr=attrs.setters.frozen)
    days_in_lieu: Mapping[date, date] = attrs.field(
        factory=dict, converter=_date_map, on_setattr=attrs.setters.frozen)
    working_weekdays: frozenset[int] = attrs.field(
        default=frozenset(range(5)), converter=_int_set, on_setattr=attrs.setters.frozen
    )
    _school_breaks: dict[int, Period] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        for holiday, given in self.days_in_lieu.items():
            if holiday.weekday() != _SATURDAY or holiday not in self.holidays_of(holiday.year):
                msg = (f"{holiday.isoformat()} is not a public holiday on a Saturday; a day "
                       "in lieu is given only for those")
                raise ValidationError(msg, field="days_in_lieu", value=holiday)
            if not self._is_workday_ignoring_lieu(given):
                msg = f"the day given in lieu, {given.isoformat()}, is not a working day anyway"
                raise ValidationError(msg, field="days_in_lieu", value=given)
        given_days = list(self.days_in_lieu.values())
        for given in given_days:
            if given_days.count(given) > 1:
                msg = (f"{given.isoformat()} is given in lieu of more than one holiday; each "
                       "Saturday holiday is owed its own day off")
                raise ValidationError(msg, field="days_in_lieu", value=given)
        if not self.working_weekdays or not self.working_weekdays <= set(range(7)) or any(
                isinstance(d, bool) for d in self.working_weekdays):
            msg = (f"working weekdays {sorted(self.working_weekdays)} must be a non-empty "
                   "subset of 0-6 (Monday 0)")
            raise ValidationError(msg, field="working_weekdays", value=self.working_weekdays)

    def holidays_of(self, year: int) -> Mapping[date, str]:
        """Return the public holidays of ``year`` with their Polish names."""
        if isinstance(year, bool) or not isinstance(year, int):
            msg = f"expected a year as an int, got {type(year).__name__} {year!r}"
            raise ValidationError(msg, field="year", value=year)
        return _public_holidays(year)

    @cached_property
    def _lieu_days(self) -> frozenset[date]:
        return frozenset(self.days_in_lieu.values())

    def holiday_name(self, day: date) -> str | None:
        """Return the Polish name of the public holiday on ``day``, or None."""
        return _public_holidays(_check_day(day).year).get(day)

    def is_holiday(self, day: date) -> bool:
        """Whether ``day`` is a Polish public holiday."""
        return day in _public_holidays(_check_day(day).year)

    def is_weekend(self, day: date) -> bool:
        """Whether ``day`` is a day of the week the centre does not work."""
        return _check_day(day).weekday() not in self.working_weekdays

    def _is_workday_ignoring_lieu(self, day: date) -> bool:
        return not (self.is_weekend(day) or self.is_holiday(day) or day in self.closed)

    def is_working_day(self, day: date) -> bool:
        """Whether the centre works on ``day``."""
        return self._is_workday_ignoring_lieu(day) and day not in self._lieu_days

    def add_working_days(self, day: date, n: int) -> date:
        """Return the working day ``n`` working days after ``day`` (before it if n < 0).

        ``day`` itself need not be a working day; ``n == 0`` returns ``day`` unchanged.

        Raises:
            ValidationError: For an ``n`` that is not a whole number, or a ``day`` that
                is not a date.

        """
        _check_day(day)
        if isinstance(n, bool) or not isinstance(n, int):
            msg = f"expected a whole number of working days, got {type(n).__name__} {n!r}"
            raise ValidationError(msg, field="n", value=n)
        step = timedelta(days=1 if n >= 0 else -1)
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days(self, period: Period) -> list[date]:
        """Return the working days of ``period``, in order."""
        return [day for day in period.dates() if self.is_working_day(day)]

    def saturday_holidays(self, period: Period) -> list[tuple[date, str]]:
        """Return the public holidays in ``period`` that fall on a Saturday.

        For each, the employer owes another day off (Kodeks pracy art. 130 § 2);
        declare it in :attr:`days_in_lieu`.
        """
        found = []
        for year in range(period.start.year, period.end.year + 1):
            for day, name in sorted(self.holidays_of(year).items()):
                if day in period and day.weekday() == _SATURDAY:
                    found.append((day, name))
        return found

    def school_summer_break(self, year: int) -> Period:
        """Return the national school summer holidays (ferie letnie) of ``year``.

        They are the same in every voivodeship; the ``holidays`` package has them from
        2018 (its ``school`` category).

        Raises:
            ValidationError: For a year without data (before 2018): never "no break".

        >>> WorkCalendar().school_summer_break(2018)
        Period(2018-06-23, 2018-09-02)

        """
        if isinstance(year, bool) or not isinstance(year, int):
            msg = f"expected a year as an int, got {type(year).__name__} {year!r}"
            raise ValidationError(msg, field="year", value=year)
        found = self._school_breaks.get(year)
        if found is None:
            days = sorted(
                day for day, name in holidays.country_holidays(
                    "PL", years=year, categories=("school",), subdiv="14",
                    language="pl").items()
                if "letnie" in str(name).lower()) if year >= SCHOOL_HOLIDAYS_FROM else []
            if not days:
                msg = (f"the holidays package has no Polish school summer holidays for {year}; "
                       f"it has them from {SCHOOL_HOLIDAYS_FROM}")
                raise ValidationError(msg, field="year", value=year)
            found = Period(days[0], days[-1])
            self._school_breaks[year] = found
        return found

    def missing_days_in_lieu(self, period: Period) -> list[tuple[date, str]]:
        """Return the Saturday holidays in ``period`` with no day in lieu declared yet."""
        return [(d, n) for d, n in self.saturday_holidays(period) if d not in self.days_in_lieu]
