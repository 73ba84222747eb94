"""Shared hypothesis strategies: dates 1990-2100, periods, time slots, Polish spellings."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, time, timedelta

from hypothesis import strategies as st

from opsreform.periods import Period
from opsreform.timeslots import TimeSlot

FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2100, 12, 31)

dates = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
"""Any date of 1990-2100."""

years = st.integers(FIRST_DAY.year, LAST_DAY.year)
months = st.integers(1, 12)


@st.composite
def periods(draw: st.DrawFn, *, max_days: int | None = None) -> Period:
    """Any closed period of 1990-2100 (at most ``max_days`` long when given)."""
    start = draw(dates)
    if max_days is None:
        return Period(start, draw(st.dates(min_value=start, max_value=LAST_DAY)))
    length = draw(st.integers(0, max_days - 1))
    return Period(start, min(start + timedelta(days=length), LAST_DAY))


@st.composite
def month_periods(draw: st.DrawFn) -> Period:
    """Periods made of whole months (the form "lipiec – listopad 2018")."""
    first = draw(st.tuples(years, months))
    last = draw(st.tuples(years, months))
    return Period.months_between(min(first, last), max(first, last))


@st.composite
def one_month_periods(draw: st.DrawFn) -> Period:
    """Periods inside one calendar month (the form "24–29 października 2018")."""
    whole = Period.month(draw(years), draw(months))
    a = draw(st.integers(1, whole.end.day))
    b = draw(st.integers(1, whole.end.day))
    return Period(whole.start.replace(day=min(a, b)), whole.start.replace(day=max(a, b)))


@st.composite
def time_slots(draw: st.DrawFn) -> TimeSlot:
    """Any slot within a day, in whole minutes."""
    start = draw(st.integers(0, 23 * 60 + 58))
    end = draw(st.integers(start + 1, 23 * 60 + 59))
    return TimeSlot(time(start // 60, start % 60), time(end // 60, end % 60))


def unaccent(text: str) -> str:
    """Drop Polish diacritics (people type without them)."""
    return text.translate(str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ"))


def decompose(text: str) -> str:
    """Write Polish letters as a base letter plus a combining mark (as some PDFs do)."""
    return "".join(unicodedata.normalize("NFD", c) if c not in {"ł", "Ł"} else c
                   for c in text)


SPELLINGS: list[Callable[[str], str]] = [str, str.upper, str.lower, str.title, unaccent,
                                         lambda s: unaccent(s.upper()), decompose]
spellings = st.sampled_from(SPELLINGS)
"""Ways people (and PDF exports) spell the same Polish words."""

dashes = st.sampled_from(["-", "–", "—", " - ", " – ", " — ", "  -  ", "\u00a0–\u00a0",
                          " −  "])
"""A dash between the ends of a range, with or without spaces around it."""

spaces = st.sampled_from([" ", "  ", "\u00a0", "\n", " \n\n", "\t"])
"""Whitespace documents put between words (wrapped cells, non-breaking spaces)."""

year_words = st.sampled_from(["", " r.", "r.", " r", "r", " roku", " rok"])
"""What documents write after a year."""

# Month names in the cases the documents use, written out by hand (not from CLDR, so
# that the tests do not trust the code's own source of names).
NOMINATIVE = ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
              "sierpień", "wrzesień", "październik", "listopad", "grudzień")
GENITIVE = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
            "sierpnia", "września", "października", "listopada", "grudnia")
LOCATIVE = ("styczniu", "lutym", "marcu", "kwietniu", "maju", "czerwcu", "lipcu",
            "sierpniu", "wrześniu", "październiku", "listopadzie", "grudniu")
WEEKDAYS = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")
