"""Values: exact units, periods and the working calendar."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from dateutil.easter import easter
from hypothesis import given
from hypothesis import strategies as st

from opsreform.exceptions import ValidationError
from opsreform.periods import Period
from opsreform.units import as_fraction, ureg
from opsreform.workcalendar import WorkCalendar
from tests.strategies import dates, periods

# --- units ---------------------------------------------------------------------------------


def test_lesson_hours_are_exact() -> None:
    """3 h = 4 lh, 156 lh = 117 h, 30 lh = 22,5 h exactly (a Decimal registry would drift)."""
    assert (3 * ureg.hour).to("lesson_hour").magnitude == 4
    assert (156 * ureg.godzina_lekcyjna).to("hour").magnitude == 117
    assert (30 * ureg.lesson_hour).to("hour").magnitude == Fraction(45, 2)
    assert isinstance((30 * ureg.lesson_hour).to("hour").magnitude, Fraction)


@given(st.lists(st.integers(0, 10**9), max_size=50))
def test_money_sums_exact(grosze: list[int]) -> None:
    """Sums of grosz amounts in zł are exact, whatever their number."""
    total = sum((Fraction(g, 100) * ureg.zł for g in grosze), 0 * ureg.PLN)
    assert total.to("grosz").magnitude == sum(grosze)


def test_aliases_and_dimensions() -> None:
    """zł, zloty and PLN are one unit; grosz is 1/100; FTE is its own dimension."""
    assert (1 * ureg.zloty) == (1 * ureg.PLN) == (100 * ureg.grosz)
    assert (1 * ureg.etat).dimensionality != (1 * ureg.hour).dimensionality
    assert (1 * ureg.FTE).dimensionality != (1 * ureg.PLN).dimensionality


def test_no_floats() -> None:
    """Binary floats are refused where exact numbers are needed."""
    with pytest.raises(TypeError):
        as_fraction(0.1)  # type: ignore[arg-type]
    assert as_fraction(Decimal("0.1")) == Fraction(1, 10)


# --- periods -------------------------------------------------------------------------------


def test_period_starting_uses_month_ends() -> None:
    """01.03.2017 + 24 months ends 28.02.2019; 31.01 + 1 month ends 27.02 (day before 28.02)."""
    assert Period.starting(date(2017, 3, 1), months=24) == Period(date(2017, 3, 1),
                                                                  date(2019, 2, 28))
    assert Period.starting(date(2019, 1, 31), months=1).end == date(2019, 2, 27)
    with pytest.raises(ValidationError):
        Period.starting(date(2019, 1, 31), months=0)


def test_invalid_period() -> None:
    """A period that ends before it starts cannot be built."""
    with pytest.raises(ValidationError) as info:
        Period(date(2018, 2, 1), date(2018, 1, 31))
    assert info.value.field == "end"


@given(periods(), periods())
def test_period_algebra(a: Period, b: Period) -> None:
    """Overlap, intersection and containment agree with each other and with the days."""
    common = a.intersection(b)
    assert (common is not None) == a.overlaps(b) == b.overlaps(a)
    if common is not None:
        assert a.contains(common) and b.contains(common)
        assert common.days == len(set(a.dates()) & set(b.dates())) if a.days < 800 else True
    assert a.contains(a) and (a.contains(b) == (b.start in a and b.end in a))


@given(periods())
def test_period_days_and_months(p: Period) -> None:
    """Days count both ends; the months spanned are consecutive and cover both ends."""
    assert p.days == (p.end - p.start).days + 1
    months = p.months()
    assert months[0] == (p.start.year, p.start.month)
    assert months[-1] == (p.end.year, p.end.month)
    assert len(months) == (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1


# --- the working calendar ------------------------------------------------------------------


def polish_holidays(year: int) -> set[date]:
    """Public holidays by the ustawa o dniach wolnych od pracy, written independently."""
    e = easter(year)
    days = {date(year, 1, 1), date(year, 1, 6), e, e + timedelta(days=1), date(year, 5, 1),
            date(year, 5, 3), e + timedelta(days=49), e + timedelta(days=60),
            date(year, 8, 15), date(year, 11, 1), date(year, 11, 11), date(year, 12, 25),
            date(year, 12, 26)}
    if year >= 2025:
        days.add(date(year, 12, 24))
    if year == 2018:
        days.add(date(2018, 11, 12))
    return days


@pytest.mark.parametrize("year", range(2015, 2031))
def test_holidays_2015_2030(year: int) -> None:
    """The calendar's holidays are exactly those of the law, each year 2015-2030."""
    cal = WorkCalendar()
    assert set(cal.holidays_of(year)) == polish_holidays(year)
    assert all(not cal.is_working_day(d) for d in polish_holidays(year))


def test_holiday_names_are_polish() -> None:
    """Names are Polish whatever the locale."""
    assert WorkCalendar().holiday_name(date(2018, 11, 12)) is not None
    assert WorkCalendar().holiday_name(date(2019, 5, 3)) == "Święto Narodowe Trzeciego Maja"


@given(dates.filter(lambda d: 2015 <= d.year <= 2030), st.integers(-30, 30))
def test_add_working_days_counts_working_days(start: date, n: int) -> None:
    """add_working_days lands on a working day with exactly |n| working days passed."""
    cal = WorkCalendar()
    end = cal.add_working_days(start, n)
    if n == 0:
        assert end == start
        return
    assert cal.is_working_day(end)
    lo, hi = (start, end) if n > 0 else (end, start)
    between = cal.working_days(Period(lo, hi))
    counted = len([d for d in between if d != start])
    assert counted == abs(n)


def test_saturday_holidays_and_days_in_lieu() -> None:
    """15.08.2020 fell on a Saturday; the day given instead is not a working day."""
    cal = WorkCalendar()
    year = Period(date(2020, 1, 1), date(2020, 12, 31))
    assert [d for d, _ in cal.saturday_holidays(year)] == [date(2020, 8, 15), date(2020, 12, 26)]
    given_cal = WorkCalendar(days_in_lieu={date(2020, 8, 15): date(2020, 8, 14)})
    assert not given_cal.is_working_day(date(2020, 8, 14))
    assert [d for d, _ in given_cal.missing_days_in_lieu(year)] == [date(2020, 12, 26)]
    with pytest.raises(ValidationError):
        WorkCalendar(days_in_lieu={date(2020, 8, 16): date(2020, 8, 14)})


def test_closed_days_and_weekdays() -> None:
    """Declared closures and non-working weekdays are not working days."""
    cal = WorkCalendar(closed=[date(2018, 5, 4)], working_weekdays=[0, 1, 2, 3, 4, 5])
    assert not cal.is_working_day(date(2018, 5, 4))
    assert cal.is_working_day(date(2018, 5, 5))  # a Saturday the centre works
    # 31 days - 4 Sundays - 1, 3 and 31 May (holidays) - the closed 4 May
    assert len(cal.working_days(Period.month(2018, 5))) == 23


def test_school_summer_break() -> None:
    """The school summer holidays come from holidays (2018 on); 2017 is an error."""
    cal = WorkCalendar()
    # Corpus Christi fell on Thursday 20.06.2019, so classes ended on Wednesday 19.06;
    # they started again on Monday 02.09.2019.
    assert cal.school_summer_break(2019) == Period(date(2019, 6, 20), date(2019, 9, 1))
    with pytest.raises(ValidationError, match="2017"):
        cal.school_summer_break(2017)
