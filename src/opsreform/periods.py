"""Periods: closed intervals of dates (okres realizacji — the period in which something runs).

>>> from datetime import date
>>> project = Period.starting(date(2017, 3, 1), months=24)
>>> project
Period(2017-03-01, 2019-02-28)
>>> date(2018, 5, 22) in project
True
>>> project.days
730
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import attrs
from dateutil.relativedelta import relativedelta

from opsreform.exceptions import ValidationError

__all__ = ["Period"]


def _is_date(_instance: object, attribute: attrs.Attribute[date], value: object) -> None:
    # datetime is a subclass of date; a datetime here would compare unequal to dates.
    if not isinstance(value, date) or isinstance(value, datetime):
        msg = f"expected a datetime.date, got {type(value).__name__} {value!r}"
        raise ValidationError(msg, field=attribute.name, value=value)


@attrs.frozen(repr=False, order=True)
class Period:
    """A closed interval of dates, both ends included.

    Attributes:
        start: The first day.
        end: The last day (``start <= end``, else :class:`ValidationError`).

    """

    start: date = attrs.field(validator=_is_date)
    end: date = attrs.field(validator=_is_date)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            msg = (f"period ends on {self.end.isoformat()}, "
                   f"before it starts on {self.start.isoformat()}")
            raise ValidationError(msg, field="end", value=self.end)

    def __repr__(self) -> str:
        return f"Period({self.start.isoformat()}, {self.end.isoformat()})"

    @classmethod
    def day(cls, day: date) -> Period:
        """Return the one-day period of ``day``."""
        return cls(day, day)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Return the whole calendar month (first to last day).

        >>> Period.month(2019, 2)
        Period(2019-02-01, 2019-02-28)
        """
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            msg = f"month {month!r} is not a whole number between 1 and 12"
            raise ValidationError(msg, field="month", value=month)
        if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
            msg = f"year {year!r} is not a whole number between 1 and 9999"
            raise ValidationError(msg, field="year", value=year)
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def months_between(cls, first: tuple[int, int], last: tuple[int, int]) -> Period:
        """Return the period from the first day of ``first`` to the last day of ``last``.

        Args:
            first: ``(year, month)`` of the first month.
            last: ``(year, month)`` of the last month.

        """
        return cls(cls.month(*first).start, cls.month(*last).end)

    @classmethod
    def starting(cls, start: date, *, months: int) -> Period:
        """Return the period of ``months`` months from ``start``.

        It ends the day before the same date ``months`` months later; relativedelta
        keeps month ends right.

        Args:
            start: The first day.
            months: The length in months (at least 1).

        >>> Period.starting(date(2018, 5, 8), months=18)
        Period(2018-05-08, 2019-11-07)

        """
        if isinstance(months, bool) or not isinstance(months, int):
            msg = f"expected a whole number of months, got {type(months).__name__} {months!r}"
            raise ValidationError(msg, field="months", value=months)
        if months < 1:
            msg = f"a period of {months} months has no days; expected at least 1 month"
            raise ValidationError(msg, field="months", value=months)
        _is_date(None, attrs.fields(cls).start, start)
        try:
            end = start + relativedelta(months=months) - timedelta(days=1)
        except (OverflowError, ValueError):
            msg = f"{months} months from {start.isoformat()} end after the year 9999"
            raise ValidationError(msg, field="months", value=months) from None
        return cls(start, end)

    @property
    def days(self) -> int:
        """The length in days, both ends counted."""
        return (self.end - self.start).days + 1

    def contains(self, other: date | Period) -> bool:
        """Return whether a date, or a whole other period, lies inside this one.

        Raises:
            ValidationError: For a ``datetime`` (a moment, not a day: ask with
                ``.date()``) or anything that is neither a date nor a period.

        """
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        if not isinstance(other, date) or isinstance(other, datetime):
            msg = f"expected a datetime.date or a Period, got {type(other).__name__} {other!r}"
            raise ValidationError(msg, field="other", value=other)
        return self.start <= other <= self.end

    def __contains__(self, other: object) -> bool:
        if isinstance(other, Period | date):  # a datetime raises ValidationError
            return self.contains(other)
        return False

    def overlaps(self, other: Period) -> bool:
        """Return whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: Period) -> Period | None:
        """Return the days common to both periods, or ``None`` when they are disjoint."""
        if not self.overlaps(other):
            return None
        return Period(max(self.start, other.start), min(self.end, other.end))

    def months(self) -> tuple[tuple[int, int], ...]:
        """Return the ``(year, month)`` pairs of every calendar month the period touches.

        >>> Period(date(2018, 11, 20), date(2019, 1, 3)).months()
        ((2018, 11), (2018, 12), (2019, 1))
        """
        result = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(result)

    def dates(self) -> Iterator[date]:
        """Iterate over every date of the period, in order."""
        day = self.start
        one = timedelta(days=1)
        while day <= self.end:
            yield day
            day += one

    @property
    def is_whole_months(self) -> bool:
        """Whether the period starts on a month's first day and ends on a month's last."""
        return self.start.day == 1 and (self.end + timedelta(days=1)).day == 1

    def shifted(self, delta: relativedelta) -> Period:
        """Return the period moved by a relativedelta (both ends).

        Raises:
            ValidationError: When an end would leave the years 1-9999.

        """
        try:
            start, end = self.start + delta, self.end + delta
        except (OverflowError, ValueError):
            msg = f"{self!r} moved by {delta!r} leaves the years 1-9999"
            raise ValidationError(msg, field="delta", value=delta) from None
        return Period(start, end)
