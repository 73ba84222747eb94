"""The working calendar: Polish public holidays, weekends, closures and days in lieu."""

from __future__ import annotations

import time as clock
from datetime import date, datetime

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform import WorkCalendar
from opsreform.exceptions import ValidationError
from opsreform.periods import Period
from opsreform.workcalendar import SCHOOL_HOLIDAYS_FROM
from tests.common import polish_holidays
from tests.strategies import dates

CAL = WorkCalendar()
law_dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


@pytest.mark.parametrize("year", range(2015, 2031))
def test_holidays_are_those_of_the_law(year: int) -> None:
    """Each year 2015-2030 the holidays are exactly the law's (written independently)."""
    assert set(CAL.holidays_of(year)) == set(polish_holidays(year))
    for day in polish_holidays(year):
        assert CAL.is_holiday(day) and not CAL.is_working_day(day)
        assert CAL.holiday_name(day)


@given(law_dates)
def test_working_day_definition(day: date) -> None:
    """A day is a working day exactly when it is Monday-Friday and not a holiday of the law."""
    expected = day.weekday() < 5 and day not in polish_holidays(day.year)
    assert CAL.is_working_day(day) == expected
    assert CAL.is_weekend(day) == (day.weekday() >= 5)


@pytest.mark.parametrize(
    ("day", "name"),
    [(date(2019, 5, 3), "Święto Narodowe Trzeciego Maja"), (date(2018, 1, 1), "Nowy Rok")],
)
def test_holiday_names_are_polish(day: date, name: str) -> None:
    """Names are Polish whatever the locale, and None on an ordinary day."""
    assert CAL.holiday_name(day) == name
    assert CAL.holiday_name(date(2018, 5, 22)) is None


def test_names_do_not_follow_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """An English machine locale does not change the names."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert WorkCalendar().holiday_name(date(2018, 11, 12)) == CAL.holiday_name(
        date(2018, 11, 12))
    assert "Independence" not in (CAL.holiday_name(date(2018, 11, 11)) or "")


def test_law_changes_and_one_offs() -> None:
    """24.12 is a holiday from 2025 only; 12.11.2018 was a one-off holiday."""
    assert CAL.is_working_day(date(2024, 12, 24))
    assert not CAL.is_working_day(date(2025, 12, 24))
    assert not CAL.is_working_day(date(2018, 11, 12))
    assert CAL.is_working_day(date(2019, 11, 12))
    assert CAL.add_working_days(date(2025, 12, 23), 1) == date(2025, 12, 29)


@pytest.mark.parametrize(
    ("start", "n", "end"),
    [(date(2018, 11, 9), 1, date(2018, 11, 13)),  # Fri → Tue over the weekend, 11 and 12.11
     (date(2018, 11, 13), -1, date(2018, 11, 9)),
     (date(2019, 4, 19), 1, date(2019, 4, 23)),  # Easter Monday 22.04.2019
     (date(2018, 5, 22), 0, date(2018, 5, 22)), (date(2018, 5, 26), 0, date(2018, 5, 26)),
     (date(2018, 5, 26), 1, date(2018, 5, 28)), (date(2018, 5, 26), -1, date(2018, 5, 25)),
     (date(2018, 12, 21), 5, date(2019, 1, 2))],
)
def test_add_working_days(start: date, n: int, end: date) -> None:
    """Adding working days skips weekends and holidays, forwards and backwards."""
    assert CAL.add_working_days(start, n) == end


@given(law_dates, st.integers(-40, 40))
def test_add_working_days_counts(start: date, n: int) -> None:
    """add_working_days lands on a working day with exactly |n| working days passed."""
    end = CAL.add_working_days(start, n)
    if n == 0:
        assert end == start
        return
    assert CAL.is_working_day(end)
    lo, hi = (start, end) if n > 0 else (end, start)
    assert len([d for d in CAL.working_days(Period(lo, hi)) if d != start]) == abs(n)


@given(law_dates, st.integers(1, 40))
def test_add_and_subtract(start: date, n: int) -> None:
    """From a working day, n forward then n back returns to it."""
    if CAL.is_working_day(start):
        assert CAL.add_working_days(CAL.add_working_days(start, n), -n) == start


@pytest.mark.parametrize("n", [1.5, 0.5, "1", True, None])
def test_add_working_days_needs_whole_numbers(n: object) -> None:
    """A fractional n is refused (it used to loop forever)."""
    with pytest.raises(ValidationError):
        CAL.add_working_days(date(2018, 1, 1), n)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [datetime(2018, 11, 12), "2018-11-12", 20181112])
def test_only_dates(bad: object) -> None:
    """Datetimes and strings are refused, not silently answered as working days."""
    for method in (CAL.is_working_day, CAL.is_holiday, CAL.is_weekend, CAL.holiday_name):
        with pytest.raises(ValidationError):
            method(bad)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        CAL.add_working_days(bad, 1)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        WorkCalendar(closed=[bad])  # type: ignore[list-item]


def test_working_days_of_seed_months() -> None:
    """May 2018 has 20 working days (1, 3 May holidays); Nov 2018 has 20 (1, 12 Nov)."""
    may = CAL.working_days(Period.month(2018, 5))
    assert len(may) == 20 and date(2018, 5, 1) not in may and date(2018, 5, 31) not in may
    assert len(CAL.working_days(Period.month(2018, 11))) == 20
    project = Period(date(2017, 3, 1), date(2019, 2, 28))
    expected = [d for d in project.dates()
                if d.weekday() < 5 and d not in polish_holidays(d.year)]
    assert CAL.working_days(project) == expected


def test_closed_days_and_working_weekdays() -> None:
    """Declared closures are not working days; a centre may work on Saturdays."""
    cal = WorkCalendar(closed=[date(2018, 5, 4)], working_weekdays=[0, 1, 2, 3, 4, 5])
    assert not cal.is_working_day(date(2018, 5, 4))
    assert cal.is_working_day(date(2018, 5, 5))
    assert not cal.is_working_day(date(2018, 5, 6))
    assert len(cal.working_days(Period.month(2018, 5))) == 23
    for bad in ([], [7], [-1], [True]):
        with pytest.raises(ValidationError):
            WorkCalendar(working_weekdays=bad)


@pytest.mark.parametrize("year", range(2015, 2031))
def test_saturday_holidays(year: int) -> None:
    """The Saturday holidays are exactly the law's holidays that fall on a Saturday."""
    whole = Period(date(year, 1, 1), date(year, 12, 31))
    expected = sorted(d for d in polish_holidays(year) if d.weekday() == 5)
    found = CAL.saturday_holidays(whole)
    assert [d for d, _ in found] == expected
    assert all(name for _, name in found)


def test_saturday_holidays_across_years() -> None:
    """A period over several years lists them all in order; 15.08.2020 and 26.12.2020."""
    found = [d for d, _ in CAL.saturday_holidays(Period(date(2020, 8, 1), date(2021, 5, 31)))]
    assert found == [date(2020, 8, 15), date(2020, 12, 26), date(2021, 5, 1)]


def test_days_in_lieu() -> None:
    """A day given for a Saturday holiday is not a working day; the owed list shrinks."""
    year = Period(date(2020, 1, 1), date(2020, 12, 31))
    cal = WorkCalendar(days_in_lieu={date(2020, 8, 15): date(2020, 8, 14)})
    assert not cal.is_working_day(date(2020, 8, 14))
    assert CAL.is_working_day(date(2020, 8, 14))
    assert [d for d, _ in cal.missing_days_in_lieu(year)] == [date(2020, 12, 26)]
    assert cal.add_working_days(date(2020, 8, 13), 1) == date(2020, 8, 17)


@pytest.mark.parametrize(
    "lieu",
    [{date(2020, 8, 16): date(2020, 8, 14)},  # a Sunday
     {date(2020, 8, 8): date(2020, 8, 14)},  # a Saturday, but no holiday
     {date(2020, 8, 15): date(2020, 8, 16)},  # the day given is a Sunday anyway
     {date(2020, 8, 15): date(2020, 11, 11)},  # ... or a holiday anyway
     {date(2020, 8, 15): date(2020, 8, 14), date(2020, 12, 26): date(2020, 8, 14)},
     {datetime(2020, 8, 15): date(2020, 8, 14)}],
)
def test_days_in_lieu_refused(lieu: dict[date, date]) -> None:
    """Days in lieu only for Saturday holidays, on working days, one per holiday."""
    with pytest.raises(ValidationError) as info:
        WorkCalendar(days_in_lieu=lieu)
    assert info.value.field == "days_in_lieu"


def test_calendar_cannot_be_changed_after_checks() -> None:
    """Fields cannot be reassigned, and days_in_lieu cannot be mutated around the checks."""
    cal = WorkCalendar(days_in_lieu={date(2020, 8, 15): date(2020, 8, 14)})
    with pytest.raises(AttributeError):
        cal.closed = frozenset({date(2020, 8, 13)})
    with pytest.raises(TypeError):
        cal.days_in_lieu[date(2020, 12, 26)] = date(2020, 8, 14)  # type: ignore[index]


def test_membership_is_fast() -> None:
    """Ten years of days are answered in well under a second (per-year sets, cached)."""
    cal = WorkCalendar()
    days = list(Period(date(2015, 1, 1), date(2024, 12, 31)).dates())
    cal.working_days(Period(date(2015, 1, 1), date(2024, 12, 31)))  # warm the cache
    began = clock.perf_counter()
    for _ in range(5):
        for day in days:
            cal.is_working_day(day)
    assert clock.perf_counter() - began < 1.0


# --- school summer holidays ----------------------------------------------------------------


@pytest.mark.parametrize("year", range(SCHOOL_HOLIDAYS_FROM, 2031))
def test_school_summer_break_is_national(year: int) -> None:
    """'Ferie letnie' are the same in every voivodeship, and the method returns them."""
    found = CAL.school_summer_break(year)
    for subdiv in holidays.country_holidays("PL").subdivisions:
        days = sorted(d for d, name in holidays.country_holidays(
            "PL", years=year, categories=("school",), subdiv=subdiv, language="pl").items()
            if name == "Ferie letnie")
        assert (days[0], days[-1]) == (found.start, found.end)
        assert len(days) == found.days  # no gaps
    assert found.start.month == 6 and found.end >= date(year, 8, 31)
    assert Period(date(year, 7, 1), date(year, 8, 31)) in found


def test_school_summer_break_known_year() -> None:
    """2018: from Saturday 23 June to Sunday 2 September."""
    assert CAL.school_summer_break(2018) == Period(date(2018, 6, 23), date(2018, 9, 2))


@pytest.mark.parametrize("year", [2017, 2000, 1990])
def test_school_summer_break_without_data(year: int) -> None:
    """A year without data is a ValidationError naming the year, never 'no break'."""
    with pytest.raises(ValidationError, match=str(year)) as info:
        CAL.school_summer_break(year)
    assert info.value.field == "year"


@pytest.mark.parametrize("year", ["2018", 2018.0, True])
def test_school_summer_break_needs_an_int(year: object) -> None:
    """A year must be an int."""
    with pytest.raises(ValidationError):
        CAL.school_summer_break(year)  # type: ignore[arg-type]


@given(dates.filter(lambda d: d.year >= 2020))
def test_holidays_of_is_cached(day: date) -> None:
    """holidays_of returns the same mapping object for a year (computed once)."""
    assert CAL.holidays_of(day.year) is CAL.holidays_of(day.year)
    assert CAL.is_holiday(day) == (day in CAL.holidays_of(day.year))
    assert CAL.add_working_days(day, 0) == day
