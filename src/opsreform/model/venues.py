"""Venues: the places where sessions happen, declared once and referenced by id."""

from __future__ import annotations

import re

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import non_empty, optional_non_empty
from opsreform.text.addresses import Address

__all__ = ["Venue", "venue_id_for"]


@attrs.frozen
class Venue:
    """A place where sessions are held.

    Attributes:
        id: A stable id, unique in the project (``sienkiewicza-8``).
        address: The postal address, when known; two spellings of one address are one
            :class:`~opsreform.text.addresses.Address`.
        name: A name (a room, a hall, a visited centre), when the documents give one.

    """

    id: str = attrs.field(validator=non_empty)
    address: Address | None = None
    name: str | None = attrs.field(default=None, validator=optional_non_empty)

    def __attrs_post_init__(self) -> None:
        if self.address is None and self.name is None:
            raise ValidationError("a venue needs an address or a name", field="address",
                                  value=self.id)

    def __str__(self) -> str:
        parts = [p for p in (self.name, str(self.address) if self.address else None) if p]
        return ", ".join(parts)


def venue_id_for(address: Address) -> str:
    """Derive a readable id from an address (``ul. Sienkiewicza 8`` → ``sienkiewicza-8``).

    >>> from opsreform.text.addresses import parse_address
    >>> venue_id_for(parse_address("ul. Sienkiewicza 8 42-600 Tarnowskie Góry"))
    'sienkiewicza-8'
    """
    street = re.sub(r"^(ul|al|pl|os)\.\s*", "", address.street.casefold())
    return re.sub(r"[^\w]+", "-", street).strip("-")
