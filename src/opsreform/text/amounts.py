"""Amounts of money in the Polish forms of the documents, read and written.

Read: ``356 397,50 zł``, ``300 371,81 zł``, ``22 551.00 złotych``, ``420 872,19
złotych``, ``274046,76``, with ordinary, non-breaking or narrow spaces between the
thousands, and ``421 tys. zł`` (thousands). A stated bound (``ponad 421 tys. zł`` —
"over 421 thousand zł") is not an amount: :func:`parse_amount_bound` reads it.

>>> parse_amount("356 397,50 zł")
<Quantity(712795/2, 'PLN')>
>>> format_amount(parse_amount("22 551.00 złotych"))
'22 551,00 zł'
>>> parse_amount_bound("ponad 421 tys. zł").admits(parse_amount("421 872,19 zł"))
True
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from babel.numbers import format_decimal, format_percent

from opsreform.exceptions import ParseError, ValidationError
from opsreform.money import amount_of, pln, round_grosz
from opsreform.text._lexer import fold

__all__ = [
    "Relation",
    "StatedAmount",
    "format_amount",
    "format_share",
    "parse_amount",
    "parse_amount_bound",
    "parse_share",
]

_SPACES = "\u0020\u00a0\u202f\u2009"
_NUMBER = re.compile(
    rf"""(?P<sign>[-\u2212])?\s*
    (?P<int>[0-9]{{1,3}}(?:[{_SPACES}][0-9]{{3}})+|[0-9]{{1,3}}(?:\.[0-9]{{3}})+(?=,)|[0-9]+)
    (?:[.,](?P<frac>[0-9]+))?""",
    re.VERBOSE,
)
_EXPECTED = "an amount such as '356 397,50 zł' or '22 551.00 złotych'"
MAX_DIGITS = 15
"""The most digits an amount may have before and after its comma: up to a trillion zł."""


class Relation(enum.StrEnum):
    """How a stated value relates to the real amount."""

    EXACTLY = "exactly"
    """The amount itself."""
    OVER = "over"
    """ponad, powyżej, przeszło, więcej niż: the amount is above the value."""
    UNDER = "under"
    """poniżej, mniej niż, niecałe: the amount is below the value."""
    ABOUT = "about"
    """około, ok., blisko: the amount rounds to the value at its stated precision."""


_RELATION_WORDS = (
    ("wiecej niz", Relation.OVER), ("ponad", Relation.OVER), ("powyzej", Relation.OVER),
    ("przeszlo", Relation.OVER), ("mniej niz", Relation.UNDER), ("ponizej", Relation.UNDER),
    ("niecale", Relation.UNDER), ("okolo", Relation.ABOUT), ("ok.", Relation.ABOUT),
    ("blisko", Relation.ABOUT),
)


_TAIL = re.compile(
    r"""\s*(?P<scale>tys\.|tys\b|tysiecy\b|mln\.|mln\b)?\s*
    (?P<unit>zl\.|zl\b|zlotych\b|zlote\b|zloty\b|pln\b)?\s*""",
    re.VERBOSE,
)
_SCALE = {"tys": 1000, "tysiecy": 1000, "mln": 1_000_000}


def _read(text: str, start: int) -> tuple[Fraction, Fraction, int]:
    """Read the number, scale and unit at ``start``; return (zł, precision in zł, end)."""
    match = _NUMBER.match(text, start)
    if match is None:
        raise ParseError("no number where an amount was expected", text=text, position=start,
                         expected=_EXPECTED)
    digits = re.sub(rf"[{_SPACES}.]", "", match["int"])
    frac = match["frac"] or ""
    if len(digits) > MAX_DIGITS or len(frac) > MAX_DIGITS:
        raise ParseError(f"more than {MAX_DIGITS} digits in one amount", text=text,
                         position=match.start(), expected=_EXPECTED)
    after = match.end()
    if match["frac"] is not None and after < len(text) and text[after] in ".," and (
            text[after + 1:after + 2] in tuple("0123456789")):
        raise ParseError("two decimal separators in one amount", text=text,
                         position=match.start("frac") - 1,
                         expected="one comma (or dot) before the grosze, as in 12 345,67")
    tail = _TAIL.match(fold(text), after)
    assert tail is not None  # every part of _TAIL is optional
    scale = _SCALE[tail["scale"].rstrip(".")] if tail["scale"] else 1
    if match["frac"] is not None and len(frac) != 2 and scale == 1:
        position = match.start("frac") - 1
        if len(frac) == 3 and "," not in text[match.start():match.end()]:
            raise ParseError("a dot followed by three digits is ambiguous", text=text,
                             position=position,
                             expected="spaces between thousands and a comma before grosze")
        raise ParseError(f"{len(frac)} digit{'s' if len(frac) > 1 else ''} after the decimal "
                         "separator", text=text, position=position,
                         expected="two digits of grosze, as in 397,50")
    value = (Fraction(int(digits)) + (Fraction(int(frac), 10 ** len(frac)) if frac else 0)) * scale
    if (value * 100).denominator != 1:
        raise ParseError("the amount is not a whole number of grosze", text=text,
                         position=match.start(), expected="at most two decimals of złoty")
    if match["sign"]:
        value = -value
    end = tail.end()
    if end < len(text):
        word = text[end:].split(maxsplit=1)[0]  # not empty: _TAIL ate the spaces
        raise ParseError(f"unexpected {word!r} after the amount", text=text,
                         position=end, expected=_EXPECTED)
    precision = Fraction(scale, 10 ** len(frac))
    return value, precision, end


def parse_amount(text: str) -> Any:
    """Read an amount of money into an exact quantity in PLN.

    Args:
        text: ``"356 397,50 zł"``, ``"22 551.00 złotych"``, ``"274046,76"``…

    Returns:
        A PLN quantity with a Fraction magnitude.

    Raises:
        ParseError: For an empty text, a bound (``ponad …``), two decimal separators
            (``12,345,67 zł``), one or three digits of grosze, or any other text;
            ``position`` points at the offending part.

    """
    if not text.strip():
        raise ParseError("empty text where an amount was expected", text=text,
                         expected=_EXPECTED)
    start = len(text) - len(text.lstrip())
    folded = fold(text[start:])
    for word, _relation in _RELATION_WORDS:
        if folded.startswith(word):
            raise ParseError("this is a bound, not an amount", text=text, position=start,
                             expected="an exact amount (read bounds with parse_amount_bound)")
    value, _precision, _end = _read(text, start)
    return pln(value)


def _is_money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    amount_of(value)  # ValidationError when it is not an amount in PLN


def _is_positive(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Fraction | int) or value <= 0:
        raise ValidationError(f"expected a positive exact number, got {value!r}",
                              field=attribute.name, value=value)


@attrs.frozen
class StatedAmount:
    """A value as a document states it: exact, or a bound such as "ponad 421 tys. zł".

    Attributes:
        relation: Exactly, over, under or about.
        value: The stated value in PLN.
        precision: The unit of the last stated digit, in zł (1000 for "421 tys.",
            0.01 for "356 397,50"): what "about" rounds to.
        text: The text as written.

    """

    relation: Relation = attrs.field(converter=Relation)
    value: Any = attrs.field(validator=_is_money)
    precision: Fraction = attrs.field(default=Fraction(1, 100), validator=_is_positive)
    text: str | None = None

    def admits(self, amount: Any) -> bool:
        """Whether an exact amount agrees with the statement.

        ``over`` and ``under`` are strict (``ponad 421 tys. zł`` does not admit 421 000 zł);
        ``about`` admits what rounds to the value at its precision (``około 5 tys. zł``:
        4 500 – 5 500 zł). ``exactly`` at a coarser precision than the grosz ("421 tys.
        zł" with no word before it) is a rounded figure, so it is read like ``about``.

        >>> bound = parse_amount_bound("ponad 421 tys. zł")
        >>> bound.admits(pln("421000.01")), bound.admits(pln(421000))
        (True, False)

        """
        exact, stated = amount_of(amount), amount_of(self.value)
        if self.relation is Relation.OVER:
            return exact > stated
        if self.relation is Relation.UNDER:
            return exact < stated
        if self.relation is Relation.ABOUT or self.precision > Fraction(1, 100):
            return abs(exact - stated) <= self.precision / 2
        return exact == stated

    def __contains__(self, amount: object) -> bool:
        return self.admits(amount)

    @property
    def is_exact(self) -> bool:
        """Whether the statement is an exact amount to the grosz (``356 397,50 zł``)."""
        return self.relation is Relation.EXACTLY and self.precision == Fraction(1, 100)

    def __str__(self) -> str:
        if self.text:
            return self.text
        word = {Relation.OVER: "ponad ", Relation.UNDER: "poniżej ", Relation.ABOUT: "około ",
                Relation.EXACTLY: ""}[self.relation]
        return f"{word}{format_amount(self.value)}"


def parse_amount_bound(text: str) -> StatedAmount:
    """Read a stated value that may be a bound: ``ponad 421 tys. zł``, ``około 5 tys. zł``.

    Raises:
        ParseError: When the number cannot be read (see :func:`parse_amount`).

    """
    if not text.strip():
        raise ParseError("empty text where an amount was expected", text=text,
                         expected=_EXPECTED)
    start = len(text) - len(text.lstrip())
    folded = fold(text)
    relation = Relation.EXACTLY
    for word, candidate in _RELATION_WORDS:
        if folded.startswith(word, start):
            relation = candidate
            start += len(word)
            start += len(text[start:]) - len(text[start:].lstrip())
            break
    value, precision, _end = _read(text, start)
    return StatedAmount(relation, pln(value), precision, text.strip())


def format_amount(amount: Any) -> str:
    """Write an amount the Polish way, rounded to the grosz: ``356 397,50 zł``.

    The grouping and the decimal comma come from babel's Polish locale (CLDR). CLDR
    separates thousands with a non-breaking space; it is written here as a plain space,
    because project files and terminals are typed and searched by people, who type plain
    spaces. :func:`parse_amount` reads both. Half a grosz rounds away from zero, as
    :func:`opsreform.money.round_grosz` does.

    >>> format_amount(pln("1234567.891"))
    '1 234 567,89 zł'
    >>> format_amount(pln("-0.005"))
    '-0,01 zł'

    """
    value = amount_of(round_grosz(amount))
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    text = format_decimal(exact, format="#,##0.00", locale="pl")
    return f"{text.replace(chr(0xa0), ' ').replace(chr(0x202f), ' ')} zł"


def format_share(share: Fraction) -> str:
    """Write a share as a Polish percentage with two decimals: ``84,28 %``."""
    exact = Decimal(share.numerator) / Decimal(share.denominator)
    return str(format_percent(exact, format="#,##0.00 %", locale="pl")).replace(chr(0xa0), " ")


def parse_share(text: str) -> Fraction:
    """Read a percentage such as ``84,28 %`` or ``84.28%`` into an exact fraction (0.8428).

    Raises:
        ParseError: When the text is not a number (ASCII digits) followed by ``%``, or
            is above 100 %.

    """
    match = re.fullmatch(r"\s*([0-9]{1,3})(?:[.,]([0-9]{1,15}))?\s*%\s*", text)
    if match is None:
        raise ParseError("not a percentage", text=text, position=0,
                         expected="a percentage such as '84,28 %'")
    whole, frac = match.group(1), match.group(2) or ""
    share = Fraction(int(whole + frac), 10 ** len(frac)) / 100
    if share > 1:
        raise ParseError("a share above 100 %", text=text, position=match.start(1),
                         expected="a percentage from 0 to 100 %")
    return share
