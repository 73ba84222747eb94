"""Dates in the Polish forms of the documents, read and written.

Accepted: ``22.05.2018``, ``8.05.2018``, ``15.01.2018r.``, ``15.01.2018 r.``,
``2018-05-22``, ``23 października 2018``, ``23 październik 2018 roku``,
``poniedziałek, 28 maja 2018`` (the weekday must match the date); any letter case, with
or without Polish diacritics, with "r", "r." or "roku" after the year.

Years are written with four digits, so dates before the year 1000 are neither read
(``01.01.0999`` is a :class:`~opsreform.exceptions.ParseError`) nor written
(:func:`format_date` raises :class:`~opsreform.exceptions.ValidationError`): every date
that :func:`format_date` writes reads back to itself.

>>> parse_date("poniedziałek, 28 maja 2018")
datetime.date(2018, 5, 28)
>>> format_date(parse_date("15.01.2018r."), style="long")
'15 stycznia 2018'

dateutil's parser is not used for reading: it fills a missing day or year from a
default and skips words it does not know, which would turn a typo into a wrong date.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Literal

import attrs
from babel.dates import format_date as _babel_format_date
from babel.dates import get_day_names

from opsreform.exceptions import ParseError, ValidationError
from opsreform.text._lexer import Token, tokenize
from opsreform.text.months import month_lookup, weekday_lookup

__all__ = ["format_date", "parse_date"]

YEAR_WORDS = frozenset({"r", "r.", "rok", "roku"})
DATE_KINDS = frozenset({"iso", "ddate", "time", "num", "word", "dash", "comma"})
MIN_YEAR = 1000
"""The first year that a four-digit Polish date form can write."""


@attrs.frozen
class Point:
    """One end of a period as written: any of day, month and year may be missing."""

    day: int | None
    month: int | None
    year: int | None
    start: int  # position of the first token, for error messages
    day_pos: int
    month_pos: int
    weekday: int | None = None  # a weekday named before the date (Monday 0)
    weekday_pos: int = 0


class Cursor:
    """Walks a token list; every reader of the package shares it."""

    def __init__(self, text: str, tokens: list[Token], what: str) -> None:
        self.text = text
        self.tokens = tokens
        self.index = 0
        self.what = what

    def peek(self, offset: int = 0) -> Token | None:
        """Return the token ``offset`` ahead, or None past the end."""
        i = self.index + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def take(self) -> Token:
        """Consume and return the next token (the caller has peeked it)."""
        token = self.tokens[self.index]
        self.index += 1
        return token

    def take_word(self, words: frozenset[str]) -> Token | None:
        """Consume the next token when it is one of ``words``."""
        token = self.peek()
        if token is not None and token.kind == "word" and token.text in words:
            return self.take()
        return None

    def at_end(self) -> bool:
        """Whether every token was consumed."""
        return self.index >= len(self.tokens)

    def error(self, message: str, expected: str, token: Token | None = None) -> ParseError:
        """Return a ParseError at ``token`` (default: the next one, or the end)."""
        token = token or self.peek()
        position = token.start if token else len(self.text.rstrip())
        return ParseError(message, text=self.text, position=position, expected=expected)


def _year(cursor: Cursor) -> int | None:
    token = cursor.peek()
    if token is None or token.kind != "num":
        return None
    if len(token.text) != 4:
        raise cursor.error(f"year {token.text!r} is not four digits", "a year such as 2018")
    _check_year(cursor, int(token.text), token.start)
    cursor.take()
    cursor.take_word(YEAR_WORDS)
    return int(token.text)


def _month_word(cursor: Cursor) -> tuple[int, int] | None:
    token = cursor.peek()
    if token is None or token.kind != "word":
        return None
    number = month_lookup().get(token.text.rstrip("."))
    if number is None:
        return None
    cursor.take()
    return number, token.start


def _check_year(cursor: Cursor, year: int, position: int) -> None:
    if year < MIN_YEAR:
        raise ParseError(
            f"year {year} is before {MIN_YEAR}", text=cursor.text, position=position,
            expected=f"a four-digit year from {MIN_YEAR}",
        )


def _weekday(cursor: Cursor) -> Token | None:
    """Consume a weekday name (and a comma after it) when one comes next."""
    token = cursor.peek()
    if token is None or token.kind != "word" or token.text not in weekday_lookup():
        return None
    cursor.take()
    if (comma := cursor.peek()) is not None and comma.kind == "comma":
        cursor.take()
    return token


def read_point(cursor: Cursor) -> Point:
    """Read one written date or month, possibly incomplete (``24``, ``lipiec``).

    A weekday may stand before a date (``poniedziałek, 28 maja 2018``); it is kept in
    the point and checked by :func:`make_date`.
    """
    weekday = _weekday(cursor)
    point = _read_point(cursor)
    if weekday is None:
        return point
    if point.day is None or point.month is None:
        raise ParseError(
            "a weekday stands before something that is not a date", text=cursor.text,
            position=weekday.start, expected="a whole date after the weekday",
        )
    return attrs.evolve(point, start=weekday.start, weekday=weekday_lookup()[weekday.text],
                        weekday_pos=weekday.start)


def _read_point(cursor: Cursor) -> Point:
    token = cursor.peek()
    if token is None:
        raise cursor.error(f"{cursor.what} ends too early", "a date or a month")
    if token.kind == "ddate":
        cursor.take()
        day, month, year = (int(part) for part in token.text.split("."))
        month_pos = token.start + token.text.index(".") + 1
        _check_year(cursor, year, token.start + token.text.rindex(".") + 1)
        cursor.take_word(YEAR_WORDS)
        return Point(day, month, year, token.start, token.start, month_pos)
    if token.kind == "iso":
        cursor.take()
        year, month, day = (int(part) for part in token.text.split("-"))
        _check_year(cursor, year, token.start)
        cursor.take_word(YEAR_WORDS)
        month_pos = token.start + token.text.index("-") + 1
        day_pos = token.start + token.text.rindex("-") + 1
        return Point(day, month, year, token.start, day_pos, month_pos)
    if token.kind == "time" and "." in token.text:  # "24.10" (day.month, no year)
        cursor.take()
        day, month = (int(part) for part in token.text.split("."))
        month_pos = token.start + token.text.index(".") + 1
        return Point(day, month, None, token.start, token.start, month_pos)
    if token.kind == "num" and len(token.text) == 4:  # a whole year: "2018", "w latach 2014-2020"
        return Point(None, None, _year(cursor), token.start, token.start, token.start)
    if token.kind == "num":
        if len(token.text) > 2:
            raise cursor.error(f"{token.text!r} is not a day of the month", "a day from 1 to 31")
        cursor.take()
        named = _month_word(cursor)
        if named is None:
            return Point(int(token.text), None, None, token.start, token.start, token.start)
        return Point(int(token.text), named[0], _year(cursor), token.start, token.start, named[1])
    named = _month_word(cursor)
    if named is not None:
        return Point(None, named[0], _year(cursor), token.start, token.start, named[1])
    raise cursor.error(
        f"{cursor.text[token.start:token.end]!r} is not a date, a day or a Polish month name",
        "a date such as 22.05.2018 or 23 października 2018, or a month such as lipiec 2018",
    )


def after_point(cursor: Cursor, point: Point, message: str, expected: str) -> ParseError:
    """Return the error for the token after ``point``: a word after a lone day is a bad month."""
    token = cursor.peek()
    if (token is not None and token.kind == "word" and point.month is None
            and point.day is not None):
        return cursor.error(
            f"{cursor.text[token.start:token.end]!r} is not a Polish month name",
            "a month such as 'października' after the day",
        )
    return cursor.error(message, expected)


def make_date(cursor: Cursor, point: Point, day: int | None = None) -> date:
    """Build the date of a complete point, or raise ParseError at the part that is wrong."""
    day = point.day if day is None else day
    assert day is not None and point.month is not None and point.year is not None
    if not 1 <= point.month <= 12:
        raise ParseError(
            f"month {point.month} does not exist", text=cursor.text, position=point.month_pos,
            expected="a month from 1 to 12",
        )
    try:
        result = date(point.year, point.month, day)
    except ValueError:
        raise ParseError(
            f"day {day} does not exist in {point.month:02d}.{point.year}", text=cursor.text,
            position=point.day_pos, expected="a day that exists in that month",
        ) from None
    if point.weekday is not None and point.weekday != result.weekday():
        actual = format_weekday(result)
        named = _weekday_names()[point.weekday]
        raise ParseError(
            f"the weekday {named!r} does not match {format_date(result)}, which is a {actual}",
            text=cursor.text, position=point.weekday_pos, expected=f"the weekday {actual!r}",
        )
    return result


def parse_date(text: str) -> date:
    """Read a date written in any of the Polish forms of the documents.

    Args:
        text: For example ``"22.05.2018"``, ``"15.01.2018r."``, ``"2018-05-22"``,
            ``"23 października 2018"``, ``"poniedziałek, 28 maja 2018"``.

    Returns:
        The date.

    Raises:
        ParseError: The text is not one whole date (``31.02.2018``, a month alone, a
            weekday that does not match…); ``position`` points at the offending part.

    >>> parse_date("8.05.2018")
    datetime.date(2018, 5, 8)
    >>> parse_date("31.02.2018")
    Traceback (most recent call last):
    ...
    opsreform.exceptions.ParseError: day 31 does not exist in 02.2018; ...

    """
    plain = _PLAIN.fullmatch(text)
    if plain is not None:
        try:
            return date(int(plain[3]), int(plain[2]), int(plain[1]))
        except ValueError:
            pass  # a day that does not exist: the full reader says where
    return _read_date(text)


# The form of nearly every cell of a schedule, "22.05.2018": read without the lexer (a
# table reader reads each distinct text once per table, and most dates are distinct).
# ASCII digits and a year from 1000, exactly what the full reader gives this form;
# tests/test_dates.py checks the two agree.
_PLAIN = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([1-9][0-9]{3})")


def _read_date(text: str) -> date:
    """:func:`parse_date` by the full reader (every form, placed errors)."""
    cursor = Cursor(text, tokenize(text, kinds=DATE_KINDS, what="a date"), "a date")
    point = read_point(cursor)
    if not cursor.at_end():
        raise after_point(cursor, point, "unexpected text after the date",
                          "nothing after the date")
    if point.day is None or point.month is None:
        raise ParseError(
            f"the text names a {'month' if point.month else 'year'}, not a day", text=text,
            position=point.start, expected="a whole date with day, month and year",
        )
    if point.year is None:
        raise cursor.error("the date has no year", "a year such as 2018 after the month")
    return make_date(cursor, point)


def format_weekday(day: date) -> str:
    """Return the Polish name of the weekday of ``day`` (``poniedziałek``…)."""
    return _weekday_names()[day.weekday()]


@cache
def _weekday_names() -> tuple[str, ...]:
    names = get_day_names("wide", "format", locale="pl")
    return tuple(str(names[i]) for i in range(7))


def format_date(day: date, style: Literal["numeric", "long", "weekday"] = "numeric") -> str:
    """Write a date the Polish way; :func:`parse_date` reads every style back.

    Args:
        day: The date.
        style: ``numeric`` (``22.05.2018``), ``long`` (``22 maja 2018``) or
            ``weekday`` (``wtorek, 22 maja 2018``).

    Raises:
        ValidationError: For a date before the year 1000 (the Polish forms write four
            digits) or an unknown style.

    >>> format_date(date(2018, 10, 24), "weekday")
    'środa, 24 października 2018'

    """
    if not isinstance(day, date):
        msg = f"expected a datetime.date, got {type(day).__name__} {day!r}"
        raise ValidationError(msg, field="day", value=day)
    if day.year < MIN_YEAR:
        msg = (f"{day.isoformat()} is before the year {MIN_YEAR}; the Polish forms write "
               "four-digit years")
        raise ValidationError(msg, field="year", value=day.year)
    if style == "numeric":
        return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
    long = str(_babel_format_date(day, "d MMMM y", locale="pl"))
    if style == "long":
        return long
    if style == "weekday":
        return f"{format_weekday(day)}, {long}"
    msg = f"unknown date style {style!r}; expected 'numeric', 'long' or 'weekday'"
    raise ValidationError(msg, field="style", value=style)
