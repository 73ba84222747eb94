"""Reading and writing periods in the Polish forms of the documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform import format_period, parse_date, parse_period
from opsreform.exceptions import ValidationError
from opsreform.periods import Period
from opsreform.text.periods import parse_periods
from tests.common import assert_parse_error, assert_reads_or_refuses
from tests.strategies import (
    GENITIVE,
    LOCATIVE,
    NOMINATIVE,
    dashes,
    month_periods,
    months,
    one_month_periods,
    periods,
    spaces,
    spellings,
    year_words,
    years,
)


def _p(a: tuple[int, int, int], b: tuple[int, int, int] | None = None) -> Period:
    return Period(date(*a), date(*(b or a)))


# --- the forms of the brief and of the documents ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("lipiec – listopad 2018 roku", _p((2018, 7, 1), (2018, 11, 30))),
     ("24 - 29 październik 2018 roku", _p((2018, 10, 24), (2018, 10, 29))),
     ("23 październik 2018 roku", _p((2018, 10, 23))),
     ("listopad 2018 – grudzień 2019 roku", _p((2018, 11, 1), (2019, 12, 31))),
     ("lipiec 2018 – grudzień 2019 rok", _p((2018, 7, 1), (2019, 12, 31))),
     ("Październik – listopad 2018 roku", _p((2018, 10, 1), (2018, 11, 30))),
     ("grudzień 2018 roku", _p((2018, 12, 1), (2018, 12, 31))),
     ("01.03.2017r. – 28.02.2019r.", _p((2017, 3, 1), (2019, 2, 28))),
     ("od 15.01.2018r. do 31.12.2018r.", _p((2018, 1, 15), (2018, 12, 31))),
     ("od stycznia 2018r. do lutego 2019r.", _p((2018, 1, 1), (2019, 2, 28))),
     ("2-3 sierpnia 2021 r.", _p((2021, 8, 2), (2021, 8, 3))),
     ("w czerwcu 2018 r.", _p((2018, 6, 1), (2018, 6, 30))),
     ("czerwiec 2018 – 31 maja 2019", _p((2018, 6, 1), (2019, 5, 31))),
     # more forms the documents do not contain
     ("lipiec-listopad 2018", _p((2018, 7, 1), (2018, 11, 30))),
     ("LIPIEC—LISTOPAD 2018 R.", _p((2018, 7, 1), (2018, 11, 30))),
     ("lipiec 2018r.–listopad 2018r.", _p((2018, 7, 1), (2018, 11, 30))),
     ("od lipca do listopada 2018 roku", _p((2018, 7, 1), (2018, 11, 30))),
     ("w okresie od 01.03.2017 r. do 28.02.2019 r.", _p((2017, 3, 1), (2019, 2, 28))),
     ("od 01 marca 2017 r. do 28 lutego 2019 r.", _p((2017, 3, 1), (2019, 2, 28))),
     ("od 01.03.2017 – 28.02.2019", _p((2017, 3, 1), (2019, 2, 28))),
     ("2017-03-01 – 2019-02-28", _p((2017, 3, 1), (2019, 2, 28))),
     ("15.01.2018-31.12.2018", _p((2018, 1, 15), (2018, 12, 31))),
     ("30 września – 2 października 2018", _p((2018, 9, 30), (2018, 10, 2))),
     ("24.10 – 29.10.2018 r.", _p((2018, 10, 24), (2018, 10, 29))),
     ("24-29.10.2018", _p((2018, 10, 24), (2018, 10, 29))),
     ("w dniach 2-3 sierpnia 2021 r.", _p((2021, 8, 2), (2021, 8, 3))),
     ("W dniu 08 maja 2018 roku", _p((2018, 5, 8))),
     ("poniedziałek, 28 maja 2018", _p((2018, 5, 28))),
     ("22.05.2018", _p((2018, 5, 22))),
     ("luty 2020", _p((2020, 2, 1), (2020, 2, 29))),
     ("w lutym 2019", _p((2019, 2, 1), (2019, 2, 28))),
     ("W LISTOPADZIE 2017", _p((2017, 11, 1), (2017, 11, 30))),
     ("w listopadzie 2018 – w grudniu 2019", _p((2018, 11, 1), (2019, 12, 31))),
     ("grudzień 2018 – styczeń 2019", _p((2018, 12, 1), (2019, 1, 31))),
     ("30 grudnia 2018 – 2 stycznia 2019", _p((2018, 12, 30), (2019, 1, 2))),
     ("lipiec 2018 – 15 stycznia 2019", _p((2018, 7, 1), (2019, 1, 15))),
     ("15 lipca 2018 – styczeń 2019", _p((2018, 7, 15), (2019, 1, 31))),
     ("2014 – 2020", _p((2014, 1, 1), (2020, 12, 31))),
     ("na lata 2014 – 2020", _p((2014, 1, 1), (2020, 12, 31))),
     ("w roku 2018", _p((2018, 1, 1), (2018, 12, 31))),
     ("2018 r.", _p((2018, 1, 1), (2018, 12, 31))),
     ("listopad 2018 – grudzień 2019 \n\nroku", _p((2018, 11, 1), (2019, 12, 31))),
     ("listopad\u00a02018\u00a0–\u00a0grudzień\u00a02019\u00a0r.",
      _p((2018, 11, 1), (2019, 12, 31))),
     ("lipiec\n–\nlistopad\n2018", _p((2018, 7, 1), (2018, 11, 30))),
     ("lipiec \u2015 listopad 2018", _p((2018, 7, 1), (2018, 11, 30))),
     ("lipiec \u2212 listopad 2018", _p((2018, 7, 1), (2018, 11, 30))),
     ("pa\u017a".replace("\u017a", "z\u0301") + "dziernik 2018",
      _p((2018, 10, 1), (2018, 10, 31)))],
)
def test_parse_period_forms(text: str, expected: Period) -> None:
    """Every form of the brief and of the documents, and many they do not contain."""
    assert parse_period(text) == expected


@given(years, months, months, spellings, dashes, year_words)
def test_month_ranges_every_case(year: int, a: int, b: int, spell: Callable[[str], str],
                                 dash: str, suffix: str) -> None:
    """A range of months in any case and spelling means first day to last day."""
    first, last = min(a, b), max(a, b)
    expected = Period.months_between((year, first), (year, last))
    for names_first, names_last in ((NOMINATIVE, NOMINATIVE), (GENITIVE, GENITIVE),
                                    (LOCATIVE, LOCATIVE), (NOMINATIVE, GENITIVE)):
        text = f"{names_first[first - 1]}{dash}{names_last[last - 1]} {year}{suffix}"
        assert parse_period(spell(text)) == expected


@given(years, months, spellings, year_words, spaces)
def test_single_month_every_case(year: int, month: int, spell: Callable[[str], str],
                                 suffix: str, space: str) -> None:
    """One month in the nominative, 'od/do' genitive or 'w' locative is that month."""
    whole = Period.month(year, month)
    assert parse_period(spell(f"{NOMINATIVE[month - 1]}{space}{year}{suffix}")) == whole
    assert parse_period(spell(f"w{space}{LOCATIVE[month - 1]} {year}{suffix}")) == whole
    assert parse_period(spell(f"od {GENITIVE[month - 1]} {year}{suffix} do "
                              f"{GENITIVE[month - 1]} {year}{suffix}")) == whole


@given(one_month_periods(), dashes, spellings)
def test_day_range_in_one_month(period: Period, dash: str, spell: Callable[[str], str]) -> None:
    """'24 - 29 października 2018': the first day takes the month and year of the last."""
    for names in (GENITIVE, NOMINATIVE):
        text = (f"{period.start.day}{dash}{period.end.day} "
                f"{names[period.end.month - 1]} {period.end.year} r.")
        assert parse_period(spell(text)) == period


# --- refused -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position"),
    [("trzynastek 2018", 0), ("31.02.2018", 0), ("lipiec – trzynastek 2018", 9),
     ("grudzień 2019 – listopad 2018", 16), ("29 - 24 października 2018", 5),
     ("01.03.2019 – 28.02.2017", 13), ("2020 – 2014", 7),
     ("31 - 30 listopada 2018", 0),  # 31 November does not exist
     ("2-3 sierpnia", 2), ("lipiec – listopad", 9), ("lipiec", 0), ("24", 0),
     ("24 - 29", 5), ("od 01.03.2017", 13), ("od lipca 2018", 13),
     ("lipiec 18", 7), ("lipiec 20188", 7), ("24 - lipiec 2018", 0), ("lipiec – 2019", 0),
     ("1.01.2018 – 5.01.2018 – 9.01.2018", 22), ("do 31.12.2018", 0),
     ("2-3 sierpnia 2021 r. oraz 8-9 września 2021 r.", 21),
     ("12.13.2018 – 14.01.2019", 3), ("24 - 29 pazdziernka 2018", 8),
     ("styczeń 0999", 8), ("01.01.0999 – 01.01.2018", 6), ("lipiec: 2018", 6),
     ("wtorek, 28 maja 2018", 0), ("poniedziałek, maj 2018", 0), ("w", 1), ("od", 2)],
)
def test_parse_period_refuses(text: str, position: int) -> None:
    """Unknown words, impossible dates, missing years, reversed ranges: errors at the part."""
    assert_parse_error(parse_period, text, position)


@pytest.mark.parametrize("text", ["", " ", "\u00a0\n"])
def test_parse_period_empty(text: str) -> None:
    """An empty text is an error about the whole text."""
    assert_parse_error(parse_period, text, None, match="empty")


def test_reversed_range_message() -> None:
    """A reversed range names both ends."""
    error = assert_parse_error(parse_period, "grudzień 2019 – listopad 2018", 16)
    assert "30.11.2018" in str(error) and "01.12.2019" in str(error)


@given(st.text(max_size=40))
def test_any_text_period_or_parse_error(text: str) -> None:
    """Arbitrary text gives a period or a ParseError inside the text, nothing else."""
    assert_reads_or_refuses(parse_period, text)
    assert_reads_or_refuses(parse_periods, text)


# --- several periods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2-3 sierpnia 2021 r. oraz 8-9 września 2021 r.",
      (_p((2021, 8, 2), (2021, 8, 3)), _p((2021, 9, 8), (2021, 9, 9)))),
     ("W dniach 2-3 sierpnia 2021 r. oraz 8-9 września 2021 r.",
      (_p((2021, 8, 2), (2021, 8, 3)), _p((2021, 9, 8), (2021, 9, 9)))),
     ("2-3 sierpnia i 8-9 września 2021 r.",
      (_p((2021, 8, 2), (2021, 8, 3)), _p((2021, 9, 8), (2021, 9, 9)))),
     ("lipiec, sierpień 2018", (_p((2018, 7, 1), (2018, 7, 31)),
                                _p((2018, 8, 1), (2018, 8, 31)))),
     ("lipiec 2018; 01.09.2018 – 15.09.2018, w październiku 2018 r. a także 2019 r.",
      (Period.month(2018, 7), _p((2018, 9, 1), (2018, 9, 15)), Period.month(2018, 10),
       _p((2019, 1, 1), (2019, 12, 31)))),
     ("22.05.2018", (_p((2018, 5, 22)),)),
     ("poniedziałek, 28 maja 2018 oraz wtorek, 29 maja 2018",
      (_p((2018, 5, 28)), _p((2018, 5, 29)))),
     ("od stycznia 2018r. do lutego 2019r. oraz w okresie od 01.03.2019 do 31.03.2019",
      (_p((2018, 1, 1), (2019, 2, 28)), _p((2019, 3, 1), (2019, 3, 31))))],
)
def test_parse_periods(text: str, expected: tuple[Period, ...]) -> None:
    """Several periods joined by 'oraz', 'i', 'a także', commas or semicolons."""
    assert parse_periods(text) == expected


@pytest.mark.parametrize(
    ("text", "position"),
    [("2-3 sierpnia 2021 r. oraz 8-9 wrzesnio 2021 r.", 30),
     ("2-3 sierpnia 2021 r. 8-9 września 2021 r.", 21),
     ("2-3 sierpnia 2021 r. oraz", 25), ("2-3 sierpnia oraz 8-9 września", 20),
     ("15-16 grudnia i 5-6 stycznia 2019", 0),  # which December? not silently 2019
     ("oraz 2-3 sierpnia 2021", 0), ("", None)],
)
def test_parse_periods_refuses(text: str, position: int | None) -> None:
    """A bad part, a missing joiner or year, or a trailing joiner: error in the whole text."""
    assert_parse_error(parse_periods, text, position)


# --- writing and round trips ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "polish", "numeric"),
    [(_p((2018, 7, 1), (2018, 11, 30)), "lipiec – listopad 2018", "01.07.2018 – 30.11.2018"),
     (_p((2018, 11, 1), (2019, 12, 31)), "listopad 2018 – grudzień 2019",
      "01.11.2018 – 31.12.2019"),
     (_p((2018, 12, 1), (2018, 12, 31)), "grudzień 2018", "01.12.2018 – 31.12.2018"),
     (_p((2018, 10, 24), (2018, 10, 29)), "24–29 października 2018",
      "24.10.2018 – 29.10.2018"),
     (_p((2018, 10, 23)), "23 października 2018", "23.10.2018"),
     (_p((2017, 3, 1), (2019, 2, 28)), "marzec 2017 – luty 2019", "01.03.2017 – 28.02.2019"),
     (_p((2018, 1, 15), (2018, 12, 31)), "15.01.2018 – 31.12.2018",
      "15.01.2018 – 31.12.2018")],
)
def test_format_period(period: Period, polish: str, numeric: str) -> None:
    """Month names where the period is whole months or within one month; numbers otherwise."""
    assert format_period(period) == polish
    assert format_period(period, "numeric") == numeric
    assert parse_period(polish) == parse_period(numeric) == period


@given(periods(), st.sampled_from(["polish", "numeric"]), spellings)
def test_round_trip(period: Period, style: str, spell: Callable[[str], str]) -> None:
    """Any period written in either style, then spelt any way, reads back to itself."""
    assert parse_period(spell(format_period(period, style))) == period  # type: ignore[arg-type]


@given(st.one_of(month_periods(), one_month_periods()), spellings)
def test_round_trip_word_forms(period: Period, spell: Callable[[str], str]) -> None:
    """Whole-month and one-month periods use month names and read back."""
    text = format_period(period)
    assert not text[0].isdigit() or "–" in text or period.days == 1
    assert parse_period(spell(text)) == period


@given(st.lists(periods(), min_size=1, max_size=4), st.sampled_from([" oraz ", ", ", "; ",
                                                                    " i "]))
def test_parse_periods_round_trip(found: list[Period], joiner: str) -> None:
    """Formatted periods joined by any joiner read back as the same tuple."""
    text = joiner.join(format_period(p) for p in found)
    assert parse_periods(text) == tuple(found)


def test_years_before_1000_are_not_written() -> None:
    """A period before the year 1000 cannot be written in four-digit forms."""
    for style in ("polish", "numeric"):
        with pytest.raises(ValidationError):
            format_period(Period.month(999, 1), style)
        with pytest.raises(ValidationError):
            format_period(Period(date(999, 12, 1), date(1000, 1, 5)), style)
    assert parse_period(format_period(Period.month(1000, 1))) == Period.month(1000, 1)


def test_format_period_refuses_bad_input() -> None:
    """An unknown style or a non-period is a ValidationError."""
    with pytest.raises(ValidationError):
        format_period(Period.month(2018, 1), "long")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        format_period("lipiec 2018")  # type: ignore[arg-type]


def test_mixed_ends_agree_with_parse_date() -> None:
    """The end of 'czerwiec 2018 – 31 maja 2019' is the date parse_date reads."""
    p = parse_period("czerwiec 2018 – 31 maja 2019")
    assert p.end == parse_date("31 maja 2019") and p.start == date(2018, 6, 1)
    assert p.end - p.start == timedelta(days=364)
