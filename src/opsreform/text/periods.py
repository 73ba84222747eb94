"""Periods in the Polish forms of the documents, read and written.

Every form of the source documents' schedules is read, among them::

    lipiec – listopad 2018 roku          24 - 29 październik 2018 roku
    listopad 2018 – grudzień 2019 roku   23 październik 2018 roku
    01.03.2017r. – 28.02.2019r.          od 15.01.2018r. do 31.12.2018r.
    od stycznia 2018r. do lutego 2019r.  2-3 sierpnia 2021 r.
    w czerwcu 2018 r.                    czerwiec 2018 – 31 maja 2019

Also read: year ranges (``na lata 2014 – 2020``, ``w roku 2018``), days without a year
at the start (``24.10 – 29.10.2018``), a weekday before a date, a "w" before the second
month (``w listopadzie 2018 – w grudniu 2019``), "r", "r." or "roku" after any year,
non-breaking spaces, line breaks, and hyphens, en dashes, em dashes or minus signs.

A month at the start of a range means its first day, a month at the end its last day
(a year: 1 January and 31 December). The first end may leave out what the second
states (``24 - 29 październik 2018``: the month and year of 24 are those of 29).
Several periods in one text (``2-3 sierpnia 2021 r. oraz 8-9 września 2021 r.``) are
read by :func:`parse_periods`; :func:`parse_period` refuses them.

Years are written with four digits: :func:`format_period` raises
:class:`~opsreform.exceptions.ValidationError` for a period that starts before the year
1000, and the readers refuse such years, so that every period written reads back.

>>> parse_period("lipiec – listopad 2018 roku")
Period(2018-07-01, 2018-11-30)
>>> format_period(parse_period("24 - 29 październik 2018 roku"))
'24–29 października 2018'
"""

from __future__ import annotations

from datetime import date
from typing import Literal

import attrs

from opsreform.exceptions import ParseError, ValidationError
from opsreform.periods import Period
from opsreform.text._lexer import Token, tokenize
from opsreform.text.dates import (
    DATE_KINDS,
    MIN_YEAR,
    Cursor,
    Point,
    after_point,
    format_date,
    make_date,
    read_point,
)
from opsreform.text.months import month_name

__all__ = ["format_period", "parse_period", "parse_periods"]

# Words that may stand before a period: "w czerwcu", "od …", "w dniach 2-3 sierpnia",
# "w okresie od … do …", "na lata 2014 – 2020", "w roku 2018".
_LEAD_WORDS = frozenset({
    "w", "we", "od", "dnia", "dniu", "dniach", "okresie", "okres", "na", "lata", "latach",
    "rok", "roku",
})
_SECOND_LEAD_WORDS = frozenset({"w", "we", "dnia"})
# Words that join two periods in one text: "2-3 sierpnia 2021 r. oraz 8-9 września 2021 r.".
_JOIN_WORDS = frozenset({"oraz", "i", "a", "takze", "tudziez"})


@attrs.frozen
class _Range:
    """One period as written: its ends, before missing parts are filled in."""

    first: Point
    last: Point | None
    opened_with_od: bool


def _is_year_only(point: Point) -> bool:
    return point.day is None and point.month is None


def _has_year(written: _Range) -> bool:
    return written.first.year is not None or (
        written.last is not None and written.last.year is not None)


def _complete(cursor: Cursor, first: Point, last: Point | None) -> Period:
    if last is None:
        if first.day is not None and first.month is None:
            raise ParseError(
                "a day alone is not a period", text=cursor.text, position=first.start,
                expected="a month and a year after the day",
            )
        if first.year is None:
            raise ParseError(
                "the period has no year", text=cursor.text, position=first.start,
                expected="a year such as 2018 after the month",
            )
        if _is_year_only(first):
            return Period(*_year_bounds(cursor, first.year, first.start))
        if first.day is None:
            return Period.month(first.year, _month(cursor, first))
        day = make_date(cursor, first)
        return Period(day, day)
    if last.day is not None and last.month is None:
        raise ParseError(
            "the period ends with a day without a month", text=cursor.text,
            position=last.start, expected="a month and a year after the last day",
        )
    if _is_year_only(last) and first.year is None:
        raise ParseError(
            "the start of the period has no year", text=cursor.text, position=first.start,
            expected="a year after the start when the end is a whole year",
        )
    year_last = last.year if last.year is not None else first.year
    year_first = first.year if first.year is not None else year_last
    if year_first is None or year_last is None:
        raise ParseError(
            "the period has no year", text=cursor.text, position=last.start,
            expected="a year such as 2018 after the last month",
        )
    month_first = first.month
    if month_first is None and first.day is not None:
        # "24 - 29 październik 2018": the day takes the later month
        if last.day is None:
            raise ParseError(
                "a lone day cannot start a range of months or years", text=cursor.text,
                position=first.start, expected="a month name after the first day",
            )
        month_first = last.month
    first = attrs.evolve(first, month=month_first, year=year_first)
    last = attrs.evolve(last, year=year_last)
    start = _span(cursor, first, year_first)[0]
    end = _span(cursor, last, year_last)[1]
    if end < start:
        raise ParseError(
            f"the range ends on {format_date(end)}, before it starts on {format_date(start)}",
            text=cursor.text, position=last.start, expected="an end on or after the start",
        )
    return Period(start, end)


def _span(cursor: Cursor, point: Point, year: int) -> tuple[date, date]:
    """The first and last day a written point covers: a year, a month, or one day."""
    if _is_year_only(point):
        return _year_bounds(cursor, year, point.start)
    if point.day is None:
        month = Period.month(year, _month(cursor, point))
        return month.start, month.end
    day = make_date(cursor, point)
    return day, day


def _year_bounds(cursor: Cursor, year: int, position: int) -> tuple[date, date]:
    if year < MIN_YEAR:  # pragma: no cover - _year refuses such years already
        raise ParseError(f"year {year} is before {MIN_YEAR}", text=cursor.text,
                         position=position, expected=f"a year from {MIN_YEAR}")
    return date(year, 1, 1), date(year, 12, 31)


def _month(cursor: Cursor, point: Point) -> int:
    assert point.month is not None
    if not 1 <= point.month <= 12:
        raise ParseError(
            f"month {point.month} does not exist", text=cursor.text, position=point.month_pos,
            expected="a month from 1 to 12",
        )
    return point.month


def _read_range(cursor: Cursor) -> _Range:
    opened_with_od = False
    while (lead := cursor.take_word(_LEAD_WORDS)) is not None:
        opened_with_od = opened_with_od or lead.text == "od"
    first = read_point(cursor)
    last = None
    separator = cursor.peek()
    if separator is not None and (
            separator.kind == "dash" or (separator.kind == "word" and separator.text == "do")):
        cursor.take()
        cursor.take_word(_SECOND_LEAD_WORDS)  # "w listopadzie 2018 – w grudniu 2019"
        last = read_point(cursor)
    elif opened_with_od:
        raise cursor.error("'od' (from) without 'do' (to)", "'do' and the end of the period")
    return _Range(first, last, opened_with_od)


def _cursor(text: str) -> Cursor:
    return Cursor(text, tokenize(text, kinds=DATE_KINDS, what="a period"), "a period")


def parse_period(text: str) -> Period:
    """Read a period written in any of the Polish forms of the documents.

    Args:
        text: A single date, month or year, or a range of them (see the module docs).
            Line breaks and non-breaking spaces inside the text are fine (documents
            wrap long cells); "r", "r." or "roku" may follow any year.

    Returns:
        The closed period.

    Raises:
        ParseError: Unknown words (``trzynastek 2018``), impossible dates, a missing
            year, an empty text, two periods (use :func:`parse_periods`), or a range
            whose end is before its start; ``position`` points at the offending part.

    >>> parse_period("od stycznia 2018r. do lutego 2019r.")
    Period(2018-01-01, 2019-02-28)
    >>> parse_period("w czerwcu 2018 r.")
    Period(2018-06-01, 2018-06-30)

    """
    cursor = _cursor(text)
    written = _read_range(cursor)
    if not cursor.at_end():
        raise _unexpected(cursor, written, "unexpected text in the period",
                          "a dash or 'do' between the two ends, and nothing after the end")
    return _complete(cursor, written.first, written.last)


def _unexpected(cursor: Cursor, written: _Range, message: str, expected: str) -> ParseError:
    """The error for a token after a period; a word after a lone day is a bad month."""
    token = cursor.peek()
    if token is not None and _is_joiner(token):
        return cursor.error(message, expected)
    return after_point(cursor, written.last if written.last is not None else written.first,
                       message, expected)


def _is_joiner(token: Token) -> bool:
    return token.kind == "comma" or (token.kind == "word" and token.text in _JOIN_WORDS)


def parse_periods(text: str) -> tuple[Period, ...]:
    """Read one or more periods joined by "oraz", "i", commas or semicolons.

    Each part is any form :func:`parse_period` reads. A part without a year takes the
    year of the next part that has one (``2-3 sierpnia i 8-9 września 2021``), provided
    the periods then follow each other; otherwise the text is ambiguous and an error.

    Args:
        text: For example ``"w dniach 2-3 sierpnia 2021 r. oraz 8-9 września 2021 r."``.

    Returns:
        The periods in the order written.

    Raises:
        ParseError: When any part is not a period, text stands between two periods
            without a joiner, or a part has no year; ``position`` is in the whole text.

    >>> parse_periods("2-3 sierpnia 2021 r. oraz 8-9 września 2021 r.")
    (Period(2021-08-02, 2021-08-03), Period(2021-09-08, 2021-09-09))

    """
    cursor = _cursor(text)
    parts: list[_Range] = []
    while True:
        parts.append(_read_range(cursor))
        if cursor.at_end():
            break
        joiner = cursor.peek()
        assert joiner is not None
        if not _is_joiner(joiner):
            raise _unexpected(cursor, parts[-1], "unexpected text after a period",
                              "'oraz', 'i', a comma or a semicolon, then the next period")
        while (token := cursor.peek()) is not None and _is_joiner(token):
            cursor.take()
        if cursor.at_end():
            raise cursor.error("the text ends after a joiner", "another period")
    found: list[Period | None] = [None] * len(parts)
    for index in range(len(parts) - 1, -1, -1):
        written = parts[index]
        if _has_year(written) or index == len(parts) - 1:
            found[index] = _complete(cursor, written.first, written.last)
            continue
        donor = next(parts[j] for j in range(index + 1, len(parts)) if _has_year(parts[j]))
        year = donor.first.year if donor.first.year is not None else (
            donor.last.year if donor.last is not None else None)
        first, last = written.first, written.last
        if last is None:
            first = attrs.evolve(first, year=year)
        else:
            last = attrs.evolve(last, year=year)
        period = _complete(cursor, first, last)
        following = found[index + 1]
        assert following is not None
        if period.end >= following.start:
            raise ParseError(
                f"the year of this period is not written, and {year} would put it after "
                "the next one", text=text, position=written.first.start,
                expected="a year after each period",
            )
        found[index] = period
    return tuple(p for p in found if p is not None)


def format_period(period: Period, style: Literal["polish", "numeric"] = "polish") -> str:
    """Write a period the Polish way; :func:`parse_period` reads every output back.

    Args:
        period: The period.
        style: ``polish`` uses month names where the period is made of whole months
            (``lipiec – listopad 2018``) or lies in one month (``24–29 października
            2018``); ``numeric`` always writes ``01.03.2017 – 28.02.2019``.

    >>> from datetime import date
    >>> format_period(Period(date(2018, 11, 1), date(2019, 12, 31)))
    'listopad 2018 – grudzień 2019'
    >>> format_period(Period(date(2017, 3, 1), date(2019, 2, 28)), "numeric")
    '01.03.2017 – 28.02.2019'

    """
    if not isinstance(period, Period):
        msg = f"expected a Period, got {type(period).__name__} {period!r}"
        raise ValidationError(msg, field="period", value=period)
    start, end = period.start, period.end
    if start.year < MIN_YEAR:
        msg = (f"{period!r} starts before the year {MIN_YEAR}; the Polish forms write "
               "four-digit years")
        raise ValidationError(msg, field="period", value=period)
    if style == "numeric" or (style == "polish" and not _has_words(period)):
        if start == end:
            return format_date(start)
        return f"{format_date(start)} – {format_date(end)}"
    if style != "polish":
        msg = f"unknown period style {style!r}; expected 'polish' or 'numeric'"
        raise ValidationError(msg, field="style", value=style)
    if period.is_whole_months:
        first, last = month_name(start.month), month_name(end.month)
        if (start.year, start.month) == (end.year, end.month):
            return f"{first} {start.year}"
        if start.year == end.year:
            return f"{first} – {last} {end.year}"
        return f"{first} {start.year} – {last} {end.year}"
    if start == end:
        return format_date(start, "long")
    return f"{start.day}–{format_date(end, 'long')}"


def _has_words(period: Period) -> bool:
    same_month = (period.start.year, period.start.month) == (period.end.year, period.end.month)
    return period.is_whole_months or same_month

