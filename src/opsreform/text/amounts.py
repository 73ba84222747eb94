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

from opsreform.exceptions import ParseError
from opsreform.money import amount_of, pln
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
    (?P<int>\d{{1,3}}(?:[{_SPACES}]\d{{3}})+|\d{{1,3}}(?:\.\d{{3}})+(?=,)|\d+)
    (?:[.,](?P<frac>\d+))?""",
    re.VERBOSE,
)
_SCALES = {"tys": 1000, "tys.": 1000, "tysiecy": 1000, "mln": 1_000_000, "mln.": 1_000_000}
_UNITS = {"zl", "zl.", "zlotych", "zlote", "zloty", "pln"}
_EXPECTED = "an amount such as '356 397,50 zł' or '22 551.00 złotych'"


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


def _read(text: str, start: int) -> tuple[Fraction, int, int]:
    """Read the number and scale at ``start``; return (value in zł, precision, end)."""
    match = _NUMBER.match(text, start)
    if match is None:
        raise ParseError("no number where an amount was expected", text=text, position=start,
                         expected=_EXPECTED)
    digits = re.sub(rf"[{_SPACES}.]", "", match["int"])
    frac = match["frac"] or ""
    if match["frac"] is not None and len(frac) != 2:
        position = match.start("frac") - 1
        if len(frac) == 3 and "," not in text[match.start():match.end()]:
            raise ParseError("a dot followed by three digits is ambiguous", text=text,
                             position=position,
                             expected="spaces between thousands and a comma before grosze")
        raise ParseError(f"{len(frac)} digits after the decimal separator", text=text,
                         position=position, expected="two digits of grosze, as in 397,50")
    value = Fraction(int(digits)) + (Fraction(int(frac), 100) if frac else 0)
    if match["sign"]:
        value = -value
    end = match.end()
    rest = fold(text[end:])
    precision = 100 if frac else 1
    words = rest.split()
    scale = 1
    if words and words[0] in _SCALES:
        scale = _SCALES[words[0]]
        end += len(text[end:]) - len(text[end:].lstrip()) + len(words[0])
        rest = fold(text[end:])
        words = rest.split()
    if words and words[0] in _UNITS:
        end += len(text[end:]) - len(text[end:].lstrip()) + len(words[0])
    if text[end:].strip():
        offset = end + len(text[end:]) - len(text[end:].lstrip())
        word = text[offset:].split(maxsplit=1)[0]
        raise ParseError(f"unexpected {word!r} after the amount", text=text,
                         position=offset, expected=_EXPECTED)
    return value * scale, precision if scale == 1 else 1, end


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
    value: Any
    precision: Fraction = Fraction(1, 100)
    text: str | None = None

    def admits(self, amount: Any) -> bool:
        """Whether an exact amount agrees with the statement."""
        exact, stated = amount_of(amount), amount_of(self.value)
        if self.relation is Relation.OVER:
            return exact > stated
        if self.relation is Relation.UNDER:
            return exact < stated
        if self.relation is Relation.ABOUT:
            return abs(exact - stated) <= self.precision / 2
        return exact == stated

    def __str__(self) -> str:
        return self.text or f"{self.relation.value} {format_amount(self.value)}"


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
    value, _precision, _end = _read(text, start)
    scaled = any(s in folded for s in ("tys", "mln"))
    digits_after = "," in text[start:] or re.search(r"\.\d\d\b", text[start:]) is not None
    precision = Fraction(1000) if "tys" in folded else (
        Fraction(1_000_000) if "mln" in folded else Fraction(1, 100 if digits_after else 1))
    if scaled and digits_after:
        precision = precision / 100
    return StatedAmount(relation, pln(value), precision, text.strip())


def format_amount(amount: Any) -> str:
    """Write an amount the Polish way, rounded to the grosz: ``356 397,50 zł``.

    Thousands are separated by a plain space (babel gives the CLDR group separator,
    a non-breaking space in pl; :func:`parse_amount` reads both).
    """
    value = amount_of(amount)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    text = format_decimal(exact.quantize(Decimal("0.01")), format="#,##0.00", locale="pl")
    return f"{text.replace(chr(0xa0), ' ')} zł"


def format_share(share: Fraction) -> str:
    """Write a share as a Polish percentage with two decimals: ``84,28 %``."""
    exact = Decimal(share.numerator) / Decimal(share.denominator)
    return str(format_percent(exact, format="#,##0.00 %", locale="pl")).replace(chr(0xa0), " ")


def parse_share(text: str) -> Fraction:
    """Read a percentage such as ``84,28 %`` or ``84.28%`` into an exact fraction (0.8428).

    Raises:
        ParseError: When the text is not a number followed by ``%``.

    """
    match = re.fullmatch(r"\s*(\d{1,3})(?:[.,](\d+))?\s*%\s*", text)
    if match is None:
        raise ParseError("not a percentage", text=text, position=0,
                         expected="a percentage such as '84,28 %'")
    whole, frac = match.group(1), match.group(2) or ""
    return Fraction(int(whole + frac), 10 ** len(frac)) / 100
