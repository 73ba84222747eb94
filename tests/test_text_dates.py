"""Reading and writing dates in the Polish forms of the documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform import format_date, parse_date
from opsreform.exceptions import ValidationError
from opsreform.text.dates import format_weekday
from opsreform.text.months import month_lookup, month_name, weekday_lookup
from tests.common import assert_parse_error, assert_reads_or_refuses
from tests.strategies import (
    GENITIVE,
    NOMINATIVE,
    WEEKDAYS,
    dates,
    spaces,
    spellings,
    unaccent,
    year_words,
)

# --- accepted forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("22.05.2018", date(2018, 5, 22)), ("8.05.2018", date(2018, 5, 8)),
     ("8.5.2018", date(2018, 5, 8)), ("15.01.2018r.", date(2018, 1, 15)),
     ("15.01.2018 r.", date(2018, 1, 15)), ("15.01.2018 r", date(2018, 1, 15)),
     ("15.01.2018r", date(2018, 1, 15)), ("15.01.2018 roku", date(2018, 1, 15)),
     ("2018-05-22", date(2018, 5, 22)), ("2018-5-2", date(2018, 5, 2)),
     ("2018-05-22 r.", date(2018, 5, 22)),
     ("23 października 2018", date(2018, 10, 23)),
     ("23 październik 2018 roku", date(2018, 10, 23)),
     ("23 PAŹDZIERNIKA 2018 R.", date(2018, 10, 23)),
     ("23 pazdziernika 2018r.", date(2018, 10, 23)),
     ("poniedziałek, 28 maja 2018", date(2018, 5, 28)),
     ("poniedzialek 28 maja 2018", date(2018, 5, 28)),
     ("Środa, 24.10.2018", date(2018, 10, 24)),
     ("08 maja 2018 roku", date(2018, 5, 8)), ("5 sierpnia 2014 r.", date(2014, 8, 5)),
     ("1 sty 2019", date(2019, 1, 1)), ("1 paź. 2019", date(2019, 10, 1)),
     ("29 lutego 2020", date(2020, 2, 29)), ("29.02.2000", date(2000, 2, 29)),
     ("\u00a022.05.2018\u00a0r.\n", date(2018, 5, 22)),
     ("28\u00a0maja\u00a02018", date(2018, 5, 28)),
     ("23 pa\u017a".replace("\u017a", "z\u0301") + "dziernika 2018", date(2018, 10, 23))],
)
def test_parse_date_forms(text: str, expected: date) -> None:
    """Every date form of the documents, in any case, with or without diacritics."""
    assert parse_date(text) == expected


@given(dates, spellings, year_words, spaces)
def test_parse_long_form_any_spelling(day: date, spell: Callable[[str], str], suffix: str,
                                      space: str) -> None:
    """'D <genitive month> YYYY' with any year word, spelling and spacing reads back."""
    text = f"{day.day}{space}{GENITIVE[day.month - 1]}{space}{day.year}{suffix}"
    assert parse_date(spell(text)) == day
    text = f"{day.day} {NOMINATIVE[day.month - 1]} {day.year}{suffix}"
    assert parse_date(spell(text)) == day


@given(dates, spellings)
def test_weekday_form(day: date, spell: Callable[[str], str]) -> None:
    """A date led by its own weekday reads; led by any other weekday it is an error at 0."""
    right = WEEKDAYS[day.weekday()]
    assert parse_date(spell(f"{right}, {day.day:02d}.{day.month:02d}.{day.year}")) == day
    wrong = WEEKDAYS[(day.weekday() + 1) % 7]
    text = spell(f"{wrong}, {day.day} {GENITIVE[day.month - 1]} {day.year}")
    error = assert_parse_error(parse_date, text, 0)
    assert unaccent(format_weekday(day)).lower() in unaccent(str(error)).lower()


# --- refused forms -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position"),
    [("31.02.2018", 0), ("29.02.2019", 0), ("00.05.2018", 0), ("12.13.2018", 3),
     ("12.00.2018", 3), ("2018-02-30", 8), ("2018-2-30", 7), ("2018-13-01", 5),
     ("32 maja 2018", 0), ("31 kwietnia 2018", 0), ("22.05.18", 2), ("22.05.0999", 6),
     ("01.01.0000", 6), ("maj 2018", 0), ("2018", 0), ("22 maja", 7), ("22.05", 5),
     ("trzynastek 2018", 0), ("22 mayo 2018", 3), ("22.05.2018 godz. 8", 11),
     ("22.05.2018 22.05.2018", 11), ("wtorek, 28 maja 2018", 0), ("poniedziałek", 12),
     ("28 maja 18", 8), ("28 maja 20188", 8), ("123 maja 2018", 0), ("22/05/2018", 2),
     ("22.05.2018.", 10), ("22.05.2018 r. r.", 14), ("İ 22.05.2018", 0),
     ("22 - 23 maja 2018", 3), ("22.05.2018 – 23.05.2018", 11)],
)
def test_parse_date_refuses(text: str, position: int) -> None:
    """Impossible, incomplete or extra text: ParseError at the offending part."""
    assert_parse_error(parse_date, text, position)


@pytest.mark.parametrize("text", ["", "   ", "\u00a0", "\n\n"])
def test_parse_date_empty(text: str) -> None:
    """An empty text is an error about the whole text (no position)."""
    assert_parse_error(parse_date, text, None, match="empty")


def test_error_messages_say_what_was_wrong() -> None:
    """Messages name the found part and the expectation."""
    assert "day 31 does not exist in 02.2018" in str(
        assert_parse_error(parse_date, "31.02.2018", 0))
    assert "month 13" in str(assert_parse_error(parse_date, "12.13.2018", 3))
    assert "'mayo'" in str(assert_parse_error(parse_date, "22 mayo 2018", 3))
    assert "no year" in str(assert_parse_error(parse_date, "22 maja", 7))


@given(st.text(max_size=30))
def test_any_text_parses_or_raises_parse_error(text: str) -> None:
    """Arbitrary text gives a date or a ParseError with a position inside the text."""
    assert_reads_or_refuses(parse_date, text)


# --- writing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "style", "text"),
    [(date(2018, 5, 8), "numeric", "08.05.2018"), (date(2018, 5, 8), "long", "8 maja 2018"),
     (date(2018, 5, 28), "weekday", "poniedziałek, 28 maja 2018"),
     (date(2018, 10, 24), "weekday", "środa, 24 października 2018"),
     (date(1000, 1, 1), "numeric", "01.01.1000"), (date(9999, 12, 31), "long",
                                                   "31 grudnia 9999")],
)
def test_format_date(day: date, style: str, text: str) -> None:
    """The three styles write the documents' forms."""
    assert format_date(day, style) == text  # type: ignore[arg-type]


@given(dates, st.sampled_from(["numeric", "long", "weekday"]), spellings)
def test_round_trip(day: date, style: str, spell: Callable[[str], str]) -> None:
    """Any date written in any style, then spelt any way, reads back to itself."""
    assert parse_date(spell(format_date(day, style))) == day  # type: ignore[arg-type]


@given(st.dates(min_value=date(1000, 1, 1)), st.sampled_from(["numeric", "long", "weekday"]))
def test_round_trip_all_four_digit_years(day: date, style: str) -> None:
    """Every date from the year 1000 to 9999 round-trips."""
    assert parse_date(format_date(day, style)) == day  # type: ignore[arg-type]


@given(st.dates(max_value=date(999, 12, 31)), st.sampled_from(["numeric", "long", "weekday"]))
def test_years_before_1000_are_not_written(day: date, style: str) -> None:
    """Dates before 1000 cannot be written in a four-digit form: ValidationError."""
    with pytest.raises(ValidationError) as info:
        format_date(day, style)  # type: ignore[arg-type]
    assert info.value.field == "year"


def test_format_date_refuses_bad_input() -> None:
    """An unknown style and a non-date are ValidationErrors."""
    with pytest.raises(ValidationError):
        format_date(date(2018, 1, 1), "short")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        format_date("2018-01-01")  # type: ignore[arg-type]
    assert format_date(datetime(2018, 1, 1).date()) == "01.01.2018"


# --- month and weekday names ---------------------------------------------------------------


def test_month_names_in_every_case() -> None:
    """Nominative, genitive and locative names (with and without diacritics) are known."""
    lookup = month_lookup()
    for month in range(1, 13):
        for name in (NOMINATIVE[month - 1], GENITIVE[month - 1]):
            assert lookup[unaccent(name)] == month
        assert month_name(month) == NOMINATIVE[month - 1]
        assert month_name(month, "genitive") == GENITIVE[month - 1]


def test_weekday_names() -> None:
    """The seven Polish weekdays, folded, map to Monday 0 … Sunday 6."""
    assert {unaccent(w): i for i, w in enumerate(WEEKDAYS)} == weekday_lookup()
    assert [format_weekday(date(2018, 5, 28 + i)) for i in range(4)] == list(WEEKDAYS[:4])
