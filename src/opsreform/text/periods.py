"""Periods in the Polish forms of the documents, read and written.

Every form of the source documents' schedules is read, among them::

    lipiec – listopad 2018 roku          24 - 29 październik 2018 roku
    listopad 2018 – grudzień 2019 roku   23 październik 2018 roku
    01.03.2017r. – 28.02.2019r.          od 15.01.2018r. do 31.12.2018r.
    od stycznia 2018r. do lutego 2019r.  2-3 sierpnia 2021 r.
    w czerwcu 2018 r.                    czerwiec 2018 – 31 maja 2019

A month at the start of a range means its first day, a month at the end its last day.
The first end may leave out what the second states (``24 - 29 październik 2018``:
the month and year of 24 are those of 29).

>>> parse_period("lipiec – listopad 2018 roku")
Period(2018-07-01, 2018-11-30)
>>> format_period(parse_period("24 - 29 październik 2018 roku"))
'24–29 października 2018'
"""

from __future__ import annotations

import re
from typing import Literal

from opsreform.exceptions import ParseError, ValidationError
from opsreform.periods import Period
from opsreform.text._lexer import tokenize
from opsreform.text.dates import DATE_KINDS, Cursor, Point, format_date, make_date, read_point
from opsreform.text.months import month_name

__all__ = ["format_period", "parse_period", "parse_periods"]

_LEAD_WORDS = frozenset({"w", "we", "od", "dnia", "dniu", "dniach", "okresie", "okres"})


def _complete(cursor: Cursor, first: Point, last: Point | None) -> Period:
    if last is None:
        if first.day is None and first.month is None:
            raise cursor.error("no date or month", "a date or a month")
        if first.year is None:
            raise ParseError(
                "the period has no year", text=cursor.text, position=first.start,
                expected="a year such as 2018 after the month",
            )
        if first.day is None:
            return Period.month(first.year, _month(cursor, first))
        day = make_date(cursor, first)
        return Period(day, day)
    year_last = last.year if last.year is not None else first.year
    year_first = first.year if first.year is not None else year_last
    if year_first is None or year_last is None:
        raise ParseError(
            "the period has no year", text=cursor.text, position=last.start,
            expected="a year such as 2018 after the last month",
        )
    month_first = first.month
    if month_first is None:  # "24 - 29 październik 2018": the day takes the later month
        if last.day is None:
            raise ParseError(
                "a lone day cannot start a range of months", text=cursor.text,
                position=first.start, expected="a month name after the first day",
            )
        month_first = last.month
    assert month_first is not None and last.month is not None
    first = Point(first.day, month_first, year_first, first.start, first.day_pos, first.month_pos)
    last = Point(last.day, last.month, year_last, last.start, last.day_pos, last.month_pos)
    start = make_date(cursor, first) if first.day is not None else Period.month(
        year_first, _month(cursor, first)).start
    end = make_date(cursor, last) if last.day is not None else Period.month(
        year_last, _month(cursor, last)).end
    if end < start:
        raise ParseError(
            f"the range ends on {format_date(end)}, before it starts on {format_date(start)}",
            text=cursor.text, position=last.start, expected="an end on or after the start",
        )
    return Period(start, end)


def _month(cursor: Cursor, point: Point) -> int:
    assert point.month is not None
    if not 1 <= point.month <= 12:
        raise ParseError(
            f"month {point.month} does not exist", text=cursor.text, position=point.month_pos,
            expected="a month from 1 to 12",
        )
    return point.month


def parse_period(text: str) -> Period:
    """Read a period written in any of the Polish forms of the documents.

    Args:
        text: A single date or month, or a range of them (see the module docs).
            Line breaks inside the text are fine (documents wrap long cells).

    Returns:
        The closed period.

    Raises:
        ParseError: Unknown words (``trzynastek 2018``), impossible dates, a missing
            year, an empty text, or a range whose end is before its start;
            ``position`` points at the offending part.

    >>> parse_period("od stycznia 2018r. do lutego 2019r.")
    Period(2018-01-01, 2019-02-28)
    >>> parse_period("w czerwcu 2018 r.")
    Period(2018-06-01, 2018-06-30)

    """
    cursor = Cursor(text, tokenize(text, kinds=DATE_KINDS, what="a period"), "a period")
    opened_with_od = False
    while (lead := cursor.take_word(_LEAD_WORDS)) is not None:
        opened_with_od = opened_with_od or lead.text == "od"
    first = read_point(cursor)
    last = None
    if not cursor.at_end():
        separator = cursor.peek()
        assert separator is not None
        if separator.kind == "dash" or (separator.kind == "word" and separator.text == "do"):
            cursor.take()
            last = read_point(cursor)
        if not cursor.at_end():
            raise cursor.error(
                "unexpected text in the period",
                "a dash or 'do' between the two ends, and nothing after the end",
            )
    elif opened_with_od:
        raise cursor.error("'od' (from) without 'do' (to)", "'do' and the end of the period")
    return _complete(cursor, first, last)


_JOINERS = re.compile(r"\s+(?:oraz|i|a także)\s+|\s*[;,]\s*", re.IGNORECASE)


def parse_periods(text: str) -> tuple[Period, ...]:
    """Read several periods joined by "oraz", "i", commas or semicolons.

    >>> parse_periods("2-3 sierpnia 2021 r. oraz 8-9 września 2021 r.")
    (Period(2021-08-02, 2021-08-03), Period(2021-09-08, 2021-09-09))

    Raises:
        ParseError: When any part is not a period; ``position`` is in the whole text.

    """
    if not text.strip():
        raise ParseError("empty text where periods were expected", text=text,
                         expected="one or more periods")
    found = []
    start = 0
    for joiner in [*_JOINERS.finditer(text), None]:
        end = joiner.start() if joiner is not None else len(text)
        part = text[start:end]
        try:
            found.append(parse_period(part))
        except ParseError as exc:
            offset = start + (exc.position or 0)
            raise ParseError(str(exc).split(" (at position")[0].split(" (in ")[0], text=text,
                             position=offset, expected=exc.expected) from None
        start = joiner.end() if joiner is not None else len(text)
    return tuple(found)


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
    start, end = period.start, period.end
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

