"""Periods: closed intervals of dates, their algebra and their month arithmetic."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from opsreform.exceptions import ValidationError
from opsreform.periods import Period
from tests.strategies import LAST_DAY, dates, month_periods, periods

# --- building ------------------------------------------------------------------------------


def test_period_ends_before_start_is_refused() -> None:
    """A period that ends before it starts cannot be built; one day is fine."""
    with pytest.raises(ValidationError) as info:
        Period(date(2018, 2, 1), date(2018, 1, 31))
    assert info.value.field == "end"
    assert info.value.value == date(2018, 1, 31)
    assert "2018-01-31" in str(info.value) and "2018-02-01" in str(info.value)
    assert Period(date(2018, 2, 1), date(2018, 2, 1)).days == 1


@pytest.mark.parametrize("bad", [datetime(2018, 1, 1), "2018-01-01", 20180101, None])
def test_period_ends_must_be_dates(bad: object) -> None:
    """Datetimes, strings and numbers are not dates."""
    with pytest.raises(ValidationError) as info:
        Period(bad, date(2019, 1, 1))  # type: ignore[arg-type]
    assert info.value.field == "start"
    with pytest.raises(ValidationError) as info:
        Period(date(2017, 1, 1), bad)  # type: ignore[arg-type]
    assert info.value.field == "end"


def test_datetime_subclass_is_refused() -> None:
    """A subclass of datetime (as pandas' Timestamp is) is refused too."""

    class Stamp(datetime):
        pass

    with pytest.raises(ValidationError):
        Period(Stamp(2018, 1, 1), date(2018, 2, 1))


def test_period_is_frozen_and_hashable() -> None:
    """A period cannot be changed, and equal periods hash alike."""
    p = Period(date(2018, 1, 1), date(2018, 1, 31))
    with pytest.raises(AttributeError):
        p.end = date(2017, 1, 1)  # type: ignore[misc]
    assert {p, Period.month(2018, 1)} == {p}
    assert repr(p) == "Period(2018-01-01, 2018-01-31)"


@pytest.mark.parametrize(
    ("year", "month", "last"),
    [(2019, 2, 28), (2020, 2, 29), (1900, 2, 28), (2000, 2, 29), (2018, 4, 30),
     (2018, 12, 31), (2018, 1, 31)],
)
def test_month(year: int, month: int, last: int) -> None:
    """A whole month runs from its first to its last day (leap years included)."""
    assert Period.month(year, month) == Period(date(year, month, 1), date(year, month, last))


@pytest.mark.parametrize(("year", "month"), [(2018, 0), (2018, 13), (10000, 1), (0, 1),
                                              (2018, 1.0), (True, 1)])
def test_month_refuses_impossible(year: int, month: int) -> None:
    """Month 0 or 13, or a year outside 1-9999, is a ValidationError (not a ValueError)."""
    with pytest.raises(ValidationError):
        Period.month(year, month)


def test_months_between() -> None:
    """The first day of the first month to the last day of the last."""
    assert Period.months_between((2018, 11), (2019, 12)) == Period(date(2018, 11, 1),
                                                                   date(2019, 12, 31))
    with pytest.raises(ValidationError):
        Period.months_between((2019, 12), (2018, 11))


# --- Period.starting -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [(date(2017, 3, 1), 24, date(2019, 2, 28)),  # Tarnowskie Góry project
     (date(2018, 5, 8), 18, date(2019, 11, 7)),  # Niedrzwica Duża, 18 months
     (date(2019, 11, 8), 24, date(2021, 11, 7)),  # ... and 24 months of durability
     (date(2019, 1, 31), 1, date(2019, 2, 27)),  # 31.01 + 1 month = 28.02, day before
     (date(2020, 1, 31), 1, date(2020, 2, 28)),  # leap year: 29.02, day before
     (date(2019, 3, 31), 1, date(2019, 4, 29)),
     (date(2018, 1, 1), 12, date(2018, 12, 31)),
     (date(2016, 2, 29), 12, date(2017, 2, 27))],
)
def test_starting(start: date, months: int, end: date) -> None:
    """A start plus months ends the day before the same date that many months on."""
    assert Period.starting(start, months=months) == Period(start, end)


@pytest.mark.parametrize("months", [0, -3, 1.5, "24", True, None])
def test_starting_refuses_bad_lengths(months: object) -> None:
    """No months, negative, fractional or non-numeric lengths are ValidationErrors."""
    with pytest.raises(ValidationError) as info:
        Period.starting(date(2018, 1, 1), months=months)  # type: ignore[arg-type]
    assert info.value.field == "months"


def test_starting_past_year_9999() -> None:
    """A period that would end after 9999 is a ValidationError, not an OverflowError."""
    with pytest.raises(ValidationError):
        Period.starting(date(9999, 6, 1), months=12)
    with pytest.raises(ValidationError):
        Period.starting(datetime(2018, 1, 1), months=1)


@given(dates, st.integers(1, 600))
def test_starting_properties(start: date, months: int) -> None:
    """The period ends the day before start + months; consecutive periods tile."""
    p = Period.starting(start, months=months)
    assert p.end + timedelta(days=1) == start + relativedelta(months=months)
    assert p.start == start
    if start.day <= 28:
        nxt = Period.starting(p.end + timedelta(days=1), months=months)
        assert nxt.start == p.end + timedelta(days=1)
        assert (nxt.start.day == start.day)


# --- algebra -------------------------------------------------------------------------------


def _days(p: Period) -> set[date]:
    return set(p.dates())


@given(periods(max_days=400), periods(max_days=400))
def test_algebra_agrees_with_sets_of_days(a: Period, b: Period) -> None:
    """Overlap, intersection and containment agree with the sets of days they stand for."""
    common = _days(a) & _days(b)
    assert a.overlaps(b) == b.overlaps(a) == bool(common)
    inter = a.intersection(b)
    if common:
        assert inter is not None and _days(inter) == common
        assert inter == b.intersection(a)
    else:
        assert inter is None
    assert a.contains(b) == (_days(b) <= _days(a)) == (b in a)


@given(periods(), periods())
def test_algebra_on_long_periods(a: Period, b: Period) -> None:
    """On any periods, intersection lies in both and overlaps is symmetric."""
    inter = a.intersection(b)
    assert (inter is not None) == a.overlaps(b) == b.overlaps(a)
    if inter is not None:
        assert a.contains(inter) and b.contains(inter)
        assert inter.days <= min(a.days, b.days)
    assert a.contains(a) and a.overlaps(a) and a.intersection(a) == a


@given(periods(max_days=2000))
def test_days_and_dates(p: Period) -> None:
    """Days count both ends, and dates() yields exactly that many consecutive days."""
    days = list(p.dates())
    assert len(days) == p.days == (p.end - p.start).days + 1
    assert days[0] == p.start and days[-1] == p.end
    assert all(b - a == timedelta(days=1) for a, b in itertools.pairwise(days))


@given(periods())
def test_months_spanned(p: Period) -> None:
    """The months are consecutive, from the start's to the end's."""
    months = p.months()
    assert months[0] == (p.start.year, p.start.month)
    assert months[-1] == (p.end.year, p.end.month)
    assert len(months) == (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1
    assert all((y2, m2) == ((y1 + 1, 1) if m1 == 12 else (y1, m1 + 1))
               for (y1, m1), (y2, m2) in itertools.pairwise(months))


def test_months_of_seed_periods() -> None:
    """Tarnowskie Góry 01.03.2017-28.02.2019 spans 24 months; one day spans one month."""
    project = Period(date(2017, 3, 1), date(2019, 2, 28))
    assert len(project.months()) == 24 and project.days == 730
    assert Period.day(date(2018, 5, 22)).months() == ((2018, 5),)


@given(month_periods())
def test_whole_months(p: Period) -> None:
    """Whole-month periods say so; removing a day at either end breaks it."""
    assert p.is_whole_months
    if p.days > 1:
        assert not Period(p.start + timedelta(days=1), p.end).is_whole_months
        assert not Period(p.start, p.end - timedelta(days=1)).is_whole_months


def test_contains_dates_and_periods() -> None:
    """Both ends are inside; the days around are not; other objects are not."""
    p = Period(date(2018, 7, 1), date(2018, 11, 30))
    assert date(2018, 7, 1) in p and date(2018, 11, 30) in p
    assert date(2018, 6, 30) not in p and date(2018, 12, 1) not in p
    assert Period(date(2018, 10, 24), date(2018, 10, 29)) in p
    assert Period(date(2018, 10, 24), date(2018, 12, 1)) not in p
    assert "2018-07-01" not in p
    assert None not in p


def test_contains_refuses_datetime() -> None:
    """A datetime is a moment, not a day: asking is an error, not a wrong answer."""
    p = Period(date(2018, 1, 1), date(2018, 1, 3))
    with pytest.raises(ValidationError):
        p.contains(datetime(2018, 1, 2, 10))
    with pytest.raises(ValidationError):
        _ = datetime(2018, 1, 2) in p


def test_touching_periods_overlap_by_one_day() -> None:
    """Closed intervals: periods sharing an end day overlap in exactly that day."""
    a = Period(date(2018, 1, 1), date(2018, 1, 31))
    b = Period(date(2018, 1, 31), date(2018, 2, 28))
    c = Period(date(2018, 2, 1), date(2018, 2, 28))
    assert a.intersection(b) == Period.day(date(2018, 1, 31))
    assert not a.overlaps(c) and a.intersection(c) is None


def test_ordering() -> None:
    """Periods sort by start, then end."""
    a = Period(date(2018, 1, 1), date(2018, 12, 31))
    b = Period(date(2018, 1, 1), date(2018, 1, 31))
    c = Period(date(2017, 6, 1), date(2019, 1, 1))
    assert sorted([a, b, c]) == [c, b, a]


def test_shifted() -> None:
    """Shifting moves both ends; shifting past year 9999 is a ValidationError."""
    p = Period(date(2018, 1, 31), date(2018, 3, 31))
    assert p.shifted(relativedelta(months=1)) == Period(date(2018, 2, 28), date(2018, 4, 30))
    assert p.shifted(relativedelta(days=-31)) == Period(date(2017, 12, 31), date(2018, 2, 28))
    with pytest.raises(ValidationError):
        Period(date(9999, 1, 1), LAST_DAY.replace(year=9999)).shifted(relativedelta(years=1))
