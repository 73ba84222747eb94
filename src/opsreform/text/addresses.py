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

import attrs

from opsreform.exceptions import ParseError

__all__ = ["Address", "parse_address", "parse_addresses"]

_POSTCODE = re.compile(r"\b(\d{2})\s*-\s*(\d{3})\b")
_STREET_PREFIX = r"(?:ul\.|al\.|pl\.|os\.|ulica|aleja|plac|osiedle)"
_STREET = re.compile(
    rf"(?P<prefix>{_STREET_PREFIX})\s*(?P<name>[^\d,]+?)\s+(?P<number>\d+[a-zA-Z]?(?:/\d+[a-zA-Z]?)?)",
    re.IGNORECASE,
)
_PREFIXES = {"ulica": "ul.", "aleja": "al.", "plac": "pl.", "osiedle": "os."}


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace(",", " ").split())


@attrs.frozen
class Address:
    """A postal address in normal form.

    Attributes:
        street: Street with its prefix and number, as ``ul. Sienkiewicza 8``.
        postcode: The postal code ``42-600``, or None when not written.
        city: The town, or None when not written.

    """

    street: str
    postcode: str | None = None
    city: str | None = None

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
    if not cleaned:
        raise ParseError("empty text where an address was expected", text=text,
                         expected="an address such as 'ul. Sienkiewicza 8 42-600 Tarnowskie Góry'")
    streets = list(_STREET.finditer(cleaned))
    if not streets or streets[0].start() != 0:
        raise ParseError(
            "no street address found at the start", text=text, position=0,
            expected="a street with its number, such as 'ul. Sienkiewicza 8'",
        )
    for before, after in itertools.pairwise(streets):
        if cleaned[before.end():after.start()].strip():
            raise ParseError(
                "text between two street addresses", text=text, position=None,
                expected="streets one after another, then the postal code and town",
            )
    tail = cleaned[streets[-1].end():]
    postcode = None
    if match := _POSTCODE.search(tail):
        postcode = f"{match.group(1)}-{match.group(2)}"
        tail = tail[:match.start()] + " " + tail[match.end():]
    city = " ".join(tail.split()) or None
    return tuple(
        Address(
            f"{_PREFIXES.get(m['prefix'].lower(), m['prefix'].lower())} {m['name'].strip()} "
            f"{m['number']}",
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
