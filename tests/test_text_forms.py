"""The Polish forms: dates, slots and periods read, written, and refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform.exceptions import ParseError, ValidationError
from opsreform.periods import Period
from opsreform.text.dates import format_date, parse_date
from opsreform.text.months import month_name
from opsreform.text.periods import format_period, parse_period
from opsreform.text.slots import format_slots, parse_slots
from opsreform.timeslots import TimeSlot
from tests.strategies import dashes, dates, month_periods, periods, spellings, time_slots

# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("22.05.2018", date(2018, 5, 22)), ("8.05.2018", date(2018, 5, 8)),
     ("15.01.2018r.", date(2018, 1, 15)), ("15.01.2018 r.", date(2018, 1, 15)),
     ("2018-05-22", date(2018, 5, 22)), ("23 października 2018", date(2018, 10, 23)),
     ("23 październik 2018 roku", date(2018, 10, 23)), ("01 marca 2017 r.", date(2017, 3, 1)),
     ("poniedziałek, 28 maja 2018", date(2018, 5, 28)), ("08 maja 2018 roku", date(2018, 5, 8)),
     ("20 marca 2017 r.", date(2017, 3, 20)), ("5 sierpnia 2014 r.", date(2014, 8, 5)),
     ("PONIEDZIALEK 28 MAJA 2018", date(2018, 5, 28)), (" 22.05.2018\u00a0", date(2018, 5, 22))],
)
def test_parse_date_forms(text: str, expected: date) -> None:
    """Every date form of the documents, and the same without diacritics or in capitals."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "position"),
    [("31.02.2018", 0), ("12.13.2018", 3), ("wtorek, 28 maja 2018", 0), ("maj 2018", 0),
     ("22.05.18", 2), ("22.05.2018 godz. 8", 11), ("32 maja 2018", 0), ("trzynastek 2018", 0),
     ("22 mayo 2018", 3), ("2018-02-30", 8)],
)
def test_parse_date_refuses(text: str, position: int) -> None:
    """Impossible or incomplete dates are errors that point at the offending part."""
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert info.value.position == position
    assert info.value.text == text


def test_parse_date_empty() -> None:
    """An empty text is an error with no position."""
    with pytest.raises(ParseError) as info:
        parse_date("   ")
    assert info.value.position is None


@given(dates, st.sampled_from(["numeric", "long", "weekday"]), spellings)
def test_date_round_trip(day: date, style: str, spell: Callable[[str], str]) -> None:
    """Any date written in any style (and spelt any way) reads back to itself."""
    assert parse_date(spell(format_date(day, style))) == day  # type: ignore[arg-type]


# --- slots ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("08.00 - 11.00", [(8, 0, 11, 0)]), ("8.00 - 14.00", [(8, 0, 14, 0)]),
     ("08.00 - 11.00 11.00 - 14.00", [(8, 0, 11, 0), (11, 0, 14, 0)]),
     ("08:30–11:30", [(8, 30, 11, 30)]), ("08.30 — 11.30", [(8, 30, 11, 30)]),
     ("08.00 - 11.00, 11.30 - 14.30", [(8, 0, 11, 0), (11, 30, 14, 30)])],
)
def test_parse_slots_forms(text: str, expected: list[tuple[int, int, int, int]]) -> None:
    """One or several slots, with any dash and separator."""
    assert parse_slots(text) == tuple(TimeSlot(time(a, b), time(c, d)) for a, b, c, d in expected)


@pytest.mark.parametrize(("text", "position"),
                         [("15.00 - 09.00", 0), ("08.00 -", 0), ("25.00 - 26.00", 0),
                          ("08.60 - 09.00", 0), ("08.00 - 11.00 11.30", 14), ("ósma", 0),
                          ("08.00 - 11.00 x", 14)])
def test_parse_slots_refuses(text: str, position: int) -> None:
    """Slots that end before they start, impossible times and stray text are errors."""
    with pytest.raises(ParseError) as info:
        parse_slots(text)
    assert info.value.position == position


@given(st.lists(time_slots(), min_size=1, max_size=4), dashes)
def test_slots_round_trip(slots: list[TimeSlot], dash: str) -> None:
    """Any slots written the documents' way (with any dash) read back."""
    text = format_slots(slots).replace(" - ", dash)
    assert parse_slots(text) == tuple(slots)


def test_slot_touching_is_not_overlap() -> None:
    """08.00-11.00 and 11.00-14.00 touch, 08.00-11.00 and 10.59-14.00 overlap; 3 h = 4 lh."""
    a, b = parse_slots("08.00 - 11.00 11.00 - 14.00")
    assert not a.overlaps(b) and not b.overlaps(a)
    [c] = parse_slots("10.59 - 14.00")
    assert a.overlaps(c) and c.overlaps(a)
    assert a.duration.to("lesson_hour").magnitude == 4
    with pytest.raises(ValidationError):
        TimeSlot(time(11), time(11))


# --- periods -------------------------------------------------------------------------------

SEED_PERIODS = [
    ("lipiec – listopad 2018 roku", (2018, 7, 1), (2018, 11, 30)),
    ("24 - 29 październik 2018 roku", (2018, 10, 24), (2018, 10, 29)),
    ("23 październik 2018 roku", (2018, 10, 23), (2018, 10, 23)),
    ("17-19 październik 2018 roku", (2018, 10, 17), (2018, 10, 19)),
    ("lipiec 2018 – grudzień 2019 rok", (2018, 7, 1), (2019, 12, 31)),
    ("Październik – listopad 2018 roku", (2018, 10, 1), (2018, 11, 30)),
    ("grudzień 2018 roku", (2018, 12, 1), (2018, 12, 31)),
    ("listopad 2018 – grudzień 2019 \n\nroku", (2018, 11, 1), (2019, 12, 31)),
    ("kwiecień 2019 – grudzień 2019 \n\nroku", (2019, 4, 1), (2019, 12, 31)),
    ("01.03.2017r. – 28.02.2019r.", (2017, 3, 1), (2019, 2, 28)),
    ("od 15.01.2018r. do 31.12.2018r.", (2018, 1, 15), (2018, 12, 31)),
    ("od stycznia 2018r. do lutego 2019r.", (2018, 1, 1), (2019, 2, 28)),
    ("01.04.2017r. – 30.11.2017r.", (2017, 4, 1), (2017, 11, 30)),
    ("2-3 sierpnia 2021 r.", (2021, 8, 2), (2021, 8, 3)),
    ("8-9 września 2021 r.", (2021, 9, 8), (2021, 9, 9)),
    ("w czerwcu 2018 r.", (2018, 6, 1), (2018, 6, 30)),
    ("w maju 2017 r.", (2017, 5, 1), (2017, 5, 31)),
    ("w kwietniu 2018 r.", (2018, 4, 1), (2018, 4, 30)),
    ("czerwiec 2018 – 31 maja 2019", (2018, 6, 1), (2019, 5, 31)),
    ("W LISTOPADZIE 2017", (2017, 11, 1), (2017, 11, 30)),
    ("od 01 marca 2017 r. do 28 lutego 2019 r.", (2017, 3, 1), (2019, 2, 28)),
    ("luty 2020", (2020, 2, 1), (2020, 2, 29)),
]


@pytest.mark.parametrize(("text", "start", "end"), SEED_PERIODS)
def test_parse_period_forms(text: str, start: tuple[int, int, int],
                            end: tuple[int, int, int]) -> None:
    """The periods of the documents (and their cases, any letter case) read right."""
    assert parse_period(text) == Period(date(*start), date(*end))


@pytest.mark.parametrize(
    ("text", "position"),
    [("trzynastek 2018", 0), ("grudzień 2019 – listopad 2018", 16), ("31.02.2018", 0),
     ("2-3 sierpnia", 2), ("od 01.03.2017", 13), ("lipiec – listopad", 9),
     ("29 - 24 października 2018", 5), ("lipiec 18", 7), ("24 - lipiec 2018", 0),
     ("1.01.2018 – 5.01.2018 – 9.01.2018", 22)],
)
def test_parse_period_refuses(text: str, position: int) -> None:
    """Unknown words, missing years, reversed ranges: errors pointing at the part."""
    with pytest.raises(ParseError) as info:
        parse_period(text)
    assert info.value.position == position


@given(periods(), st.sampled_from(["polish", "numeric"]), spellings)
def test_period_round_trip(period: Period, style: str, spell: Callable[[str], str]) -> None:
    """Any period written in either style (any spelling) reads back to itself."""
    assert parse_period(spell(format_period(period, style))) == period  # type: ignore[arg-type]


@given(month_periods())
def test_month_ranges_use_month_names(period: Period) -> None:
    """Whole-month periods are written with month names and read back."""
    text = format_period(period)
    assert month_name(period.end.month) in text
    assert parse_period(text) == period


@given(st.integers(1, 12), st.integers(1990, 2100))
def test_every_case_of_every_month(month: int, year: int) -> None:
    """Nominative, genitive and locative names of every month mean that month."""
    whole = Period.month(year, month)
    assert parse_period(f"{month_name(month)} {year}") == whole
    assert parse_period(f"od {month_name(month, 'genitive')} {year} do "
                        f"{month_name(month, 'genitive')} {year}") == whole


def test_parse_periods_joined() -> None:
    """Two study visits in one sentence read as two periods; a bad part points into the text."""
    from opsreform.text.periods import parse_periods

    assert parse_periods("2-3 sierpnia 2021 r. oraz 8-9 września 2021 r.") == (
        Period(date(2021, 8, 2), date(2021, 8, 3)), Period(date(2021, 9, 8), date(2021, 9, 9)))
    with pytest.raises(ParseError) as info:
        parse_periods("2-3 sierpnia 2021 r. oraz 8-9 wrzesnio 2021 r.")
    assert info.value.position == 30  # at "wrzesnio"
