"""Shared hypothesis strategies: dates, periods, time slots, Polish spellings."""

from __future__ import annotations

from datetime import date, time

from hypothesis import strategies as st

from opsreform.periods import Period
from opsreform.timeslots import TimeSlot

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Any closed period of 1990-2100."""
    a, b = draw(dates), draw(dates)
    return Period(min(a, b), max(a, b))


@st.composite
def month_periods(draw: st.DrawFn) -> Period:
    """Periods made of whole months (the form "lipiec – listopad 2018")."""
    first = draw(st.tuples(st.integers(1990, 2100), st.integers(1, 12)))
    last = draw(st.tuples(st.integers(1990, 2100), st.integers(1, 12)))
    return Period.months_between(min(first, last), max(first, last))


@st.composite
def time_slots(draw: st.DrawFn) -> TimeSlot:
    """Any slot within a day, in whole minutes."""
    start = draw(st.integers(0, 23 * 60 + 58))
    end = draw(st.integers(start + 1, 23 * 60 + 59))
    return TimeSlot(time(start // 60, start % 60), time(end // 60, end % 60))


def unaccent(text: str) -> str:
    """Drop Polish diacritics (people type without them)."""
    return text.translate(str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ"))


spellings = st.sampled_from([str, str.upper, str.lower, str.title, unaccent])
dashes = st.sampled_from(["-", "–", "—", " - ", " – ", " — ", "  -  "])
