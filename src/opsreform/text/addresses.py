"""Postal addresses as documents write them, read into one normal form.

One place is written several ways ("ul. Sienkiewicza 8 42-600 Tarnowskie Góry",
"ul. Sienkiewicza 8 Tarnowskie Góry 42-600"); both read to the same :class:`Address`,
so a venue is recognised whichever way a table writes it. A schedule cell may hold two
streets before one town ("ul. Bytomska 15 ul. Sienkiewicza 8 Tarnowskie Góry 42-600"):
:func:`parse_addresses` reads both.

>>> a = parse_address("ul. Sienkiewicza 8 Tarnowskie Góry 42-600")
>>> a == parse_address("ul.  Sienkiewicza 8, 42-600 Tarnowskie Góry")
True
>>> str(a)
'ul. Sienkiewicza 8, 42-600 Tarnowskie Góry'
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import attrs

from opsreform.exceptions import ParseError, ValidationError

__all__ = ["Address", "parse_address", "parse_addresses"]

# ASCII digits only ([0-9], not \d): no Polish address writes another script's digits.
_POSTCODE = re.compile(r"\b([0-9]{2})\s*-\s*([0-9]{3})\b")
_STREET_PREFIX = r"(?:ul\.|al\.|pl\.|os\.|ulica|aleja|plac|osiedle)"
# A street is its prefix, its name, and its number:
#     (?P<prefix>PREFIX)\s*(?P<name>(?:[0-9]{1,2}\s+)?[^0-9\s,][^0-9,]*?)\s+(?P<number>NUMBER)
# The name may begin with a number, as in "ul. 3 Maja 5" or "al. 11 Listopada 12". Matched
# as one regular expression, each prefix would scan ahead to the next digit, so a long
# cell of prefixes without numbers took quadratic time; :func:`_streets` finds the same
# matches in one pass (the name holds no digit, so the number is the first digit run).
_PREFIX = re.compile(_STREET_PREFIX, re.IGNORECASE)
_LEADING = re.compile(r"[0-9]{1,2} +")
_NUMBER = re.compile(r"[0-9]+[a-zA-Z]?(?:/[0-9]+[a-zA-Z]?)?(?![\w-])")
_DIGIT = re.compile(r"[0-9]")
_FOREIGN_DIGIT = re.compile(r"(?![0-9])\d")
_PREFIXES = {"ulica": "ul.", "aleja": "al.", "plac": "pl.", "osiedle": "os."}


def _clean(text: str) -> str:
    """Return ``text`` with commas and odd spaces made plain spaces, keeping its length.

    Keeping the length keeps positions in the cleaned text valid in ``text``.
    """
    return "".join(" " if char == "," or char.isspace() else char for char in text)


_POSTCODE_FORM = re.compile(r"[0-9]{2}-[0-9]{3}")


@attrs.frozen
class _Street:
    """One street found in a cell: where it stands and its parts as written."""

    start: int
    end: int
    prefix: str
    name: str
    number: str


def _streets(cleaned: str) -> list[_Street]:
    """Find the streets of a cleaned cell (spaces only), left to right, in linear time.

    The same matches, in the same order, as ``re.finditer`` of the expression above.
    """
    found: list[_Street] = []
    size = len(cleaned)
    resume = 0
    digit = -1  # the first digit at or after some earlier position (-1: not looked yet)
    run_of = -1  # the digit whose run of spaces before it starts at run_start
    run_start = 0
    for prefix in _PREFIX.finditer(cleaned):
        if prefix.start() < resume:
            continue
        name_start = prefix.end()
        while name_start < size and cleaned[name_start] == " ":
            name_start += 1
        first = name_start  # the name's first character that is not its leading number
        if (leading := _LEADING.match(cleaned, name_start)) is not None:
            first = leading.end()
        if first >= size or cleaned[first] == " " or "0" <= cleaned[first] <= "9":
            continue
        if digit < first:
            next_digit = _DIGIT.search(cleaned, first)
            digit = size if next_digit is None else next_digit.start()
        if digit >= size or cleaned[digit - 1] != " ":
            continue
        if run_of != digit:
            run_of, run_start = digit, digit - 1
            while run_start > 0 and cleaned[run_start - 1] == " ":
                run_start -= 1
        if run_start <= first:
            continue
        number = _NUMBER.match(cleaned, digit)
        if number is None:
            continue
        found.append(_Street(prefix.start(), number.end(), prefix.group(),
                             cleaned[name_start:run_start], number.group()))
        resume = number.end()
    return found


def _is_postcode(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not (isinstance(value, str) and _POSTCODE_FORM.fullmatch(value)):
        msg = f"postal code {value!r} is not in the form 00-000"
        raise ValidationError(msg, field=attribute.name, value=value)


def _is_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name != "street":  # an unknown postcode or town
        return
    if not isinstance(value, str) or not value.strip():
        msg = f"expected a non-empty text, got {value!r}"
        raise ValidationError(msg, field=attribute.name, value=value)


@attrs.frozen
class Address:
    """A postal address in normal form.

    Attributes:
        street: Street with its prefix and number, as ``ul. Sienkiewicza 8``.
        postcode: The postal code ``42-600``, or None when not written.
        city: The town, or None when not written.

    """

    street: str = attrs.field(validator=_is_text)
    postcode: str | None = attrs.field(default=None, validator=_is_postcode)
    city: str | None = attrs.field(default=None, validator=_is_text)

    def __str__(self) -> str:
        place = " ".join(part for part in (self.postcode, self.city) if part)
        return f"{self.street}, {place}" if place else self.street

    @property
    def key(self) -> str:
        """A case- and space-insensitive key: equal for two spellings of one place."""
        return str(self).casefold()


def parse_addresses(text: str) -> tuple[Address, ...]:
    """Read one or more street addresses that share a town and postal code.

    Args:
        text: A cell such as ``"ul. Bytomska 15 ul. Sienkiewicza 8 Tarnowskie Góry 42-600"``.

    Returns:
        The addresses in the order written.

    Raises:
        ParseError: When no street address (``ul. Name 8``) can be found, or text stands
            between two streets.

    """
    cleaned = _clean(text)
    if not cleaned.strip():
        raise ParseError("empty text where an address was expected", text=text,
                         expected="an address such as 'ul. Sienkiewicza 8 42-600 Tarnowskie Góry'")
    if (foreign := _FOREIGN_DIGIT.search(cleaned)) is not None:
        raise ParseError("a digit of another script", text=text, position=foreign.start(),
                         expected="digits 0-9")
    first = len(cleaned) - len(cleaned.lstrip())
    streets = _streets(cleaned)
    if not streets or streets[0].start != first:
        raise ParseError(
            "no street address found at the start", text=text, position=first,
            expected="a street with its number, such as 'ul. Sienkiewicza 8'",
        )
    for before, after in itertools.pairwise(streets):
        between = cleaned[before.end:after.start]
        if between.strip():
            raise ParseError(
                "text between two street addresses", text=text,
                position=before.end + len(between) - len(between.lstrip()),
                expected="streets one after another, then the postal code and town",
            )
    tail = cleaned[streets[-1].end:]
    postcode = None
    if match := _POSTCODE.search(tail):
        postcode = f"{match.group(1)}-{match.group(2)}"
        tail = tail[:match.start()] + " " + tail[match.end():]
    city = " ".join(tail.split()) or None
    return tuple(
        Address(
            f"{_PREFIXES.get(m.prefix.lower(), m.prefix.lower())} "
            f"{' '.join(m.name.split())} {m.number}",
            postcode,
            city,
        )
        for m in streets
    )


def parse_address(text: str) -> Address:
    """Read exactly one street address (see :func:`parse_addresses`).

    Raises:
        ParseError: When the text holds no address, or more than one.

    """
    found = parse_addresses(text)
    if len(found) != 1:
        raise ParseError(f"{len(found)} addresses where one was expected", text=text,
                         expected="a single address")
    return found[0]
