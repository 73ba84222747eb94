"""Dates in the Polish forms of the documents, read and written.

Accepted: ``22.05.2018``, ``8.05.2018``, ``15.01.2018r.``, ``15.01.2018 r.``,
``2018-05-22``, ``23 października 2018``, ``23 październik 2018 roku``,
``poniedziałek, 28 maja 2018`` (the weekday must match the date).

>>> parse_date("poniedziałek, 28 maja 2018")
datetime.date(2018, 5, 28)
>>> format_date(parse_date("15.01.2018r."), style="long")
'15 stycznia 2018'

dateutil's parser is not used for reading: it fills a missing day or year from a
default and skips words it does not know, which would turn a typo into a wrong date.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Literal

import attrs
from babel.dates import format_date as _babel_format_date
from babel.dates import get_day_names

from opsreform.exceptions import ParseError
from opsreform.text._lexer import Token, tokenize
from opsreform.text.months import month_lookup, weekday_lookup

__all__ = ["format_date", "parse_date"]

YEAR_WORDS = frozenset({"r", "r.", "rok", "roku"})
DATE_KINDS = frozenset({"iso", "ddate", "num", "word", "dash", "comma"})


@attrs.frozen
class Point:
    """One end of a period as written: any of day, month and year may be missing."""

    day: int | None
    month: int | None
    year: int | None
    start: int  # position of the first token, for error messages
    day_pos: int
    month_pos: int


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


def read_point(cursor: Cursor) -> Point:
    """Read one written date or month, possibly incomplete (``24``, ``lipiec``)."""
    token = cursor.peek()
    if token is None:
        raise cursor.error(f"{cursor.what} ends too early", "a date or a month")
    if token.kind == "ddate":
        cursor.take()
        day, month, year = (int(part) for part in token.text.split("."))
        cursor.take_word(YEAR_WORDS)
        month_pos = token.start + token.text.index(".") + 1
        return Point(day, month, year, token.start, token.start, month_pos)
    if token.kind == "iso":
        cursor.take()
        year, month, day = (int(part) for part in token.text.split("-"))
        cursor.take_word(YEAR_WORDS)
        return Point(day, month, year, token.start, token.start + 8, token.start + 5)
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
        return date(point.year, point.month, day)
    except ValueError:
        raise ParseError(
            f"day {day} does not exist in {point.month:02d}.{point.year}", text=cursor.text,
            position=point.day_pos, expected="a day that exists in that month",
        ) from None


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
    cursor = Cursor(text, tokenize(text, kinds=DATE_KINDS, what="a date"), "a date")
    weekday_token = None
    first = cursor.peek()
    if first is not None and first.kind == "word" and first.text in weekday_lookup():
        weekday_token = cursor.take()
        if (comma := cursor.peek()) is not None and comma.kind == "comma":
            cursor.take()
    point = read_point(cursor)
    if not cursor.at_end():
        raise cursor.error("unexpected text after the date", "nothing after the date")
    if point.day is None or point.month is None or point.year is None:
        raise ParseError(
            "the text names a month, not a day", text=text, position=point.start,
            expected="a whole date with day, month and year",
        )
    result = make_date(cursor, point)
    if weekday_token is not None and weekday_lookup()[weekday_token.text] != result.weekday():
        actual = format_weekday(result)
        raise ParseError(
            f"{text[weekday_token.start:weekday_token.end]!r} does not match the date, "
            f"which is a {actual}", text=text, position=weekday_token.start,
            expected=f"the weekday {actual!r}",
        )
    return result


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

    >>> format_date(date(2018, 10, 24), "weekday")
    'środa, 24 października 2018'

    """
    if style == "numeric":
        return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
    long = str(_babel_format_date(day, "d MMMM y", locale="pl"))
    if style == "long":
        return long
    if style == "weekday":
        return f"{format_weekday(day)}, {long}"
    msg = f"unknown date style {style!r}; expected 'numeric', 'long' or 'weekday'"
    raise ValueError(msg)
