"""Call numbers (numer naboru / konkursu) in their official form, read and written.

``POWR.02.05.00-IP.03-00-012/17`` is programme POWR (PO WER), priority axis 02, action
05, sub-action 00, intermediate body IP.03, 00, call number 012, year 2017.

>>> call = parse_call_number("POWR.02.05.00-IP.03-00-012/17")
>>> call.action, call.intermediate_body, call.year, str(call)
('2.5', 'IP.03', 2017, 'POWR.02.05.00-IP.03-00-012/17')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

from opsreform.exceptions import ParseError, ValidationError

__all__ = ["CallNumber", "parse_call_number"]

_PARTS = (
    ("programme", r"[A-Z]{2,6}", "a programme code such as POWR"),
    (".", r"\.", "a dot"),
    ("axis", r"[0-9]{2}", "a two-digit priority axis such as 02"),
    (".", r"\.", "a dot"),
    ("action", r"[0-9]{2}", "a two-digit action such as 05"),
    (".", r"\.", "a dot"),
    ("subaction", r"[0-9]{2}", "a two-digit sub-action such as 00"),
    ("-", r"-", "a hyphen"),
    ("body", r"I[PZ]\.[0-9]{2}", "the institution, such as IP.03 or IZ.00"),
    ("-", r"-", "a hyphen"),
    ("region", r"[0-9]{2}", "a two-digit code such as 00"),
    ("-", r"-", "a hyphen"),
    ("number", r"[0-9]{3}", "a three-digit call number such as 012"),
    ("/", r"/", "a slash"),
    ("year", r"[0-9]{2}", "a two-digit year such as 17"),
)


def _matches(pattern: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    compiled = re.compile(pattern)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or compiled.fullmatch(value) is None:
            raise ValidationError(f"expected text of the form {pattern}, got {value!r}",
                                  field=attribute.name, value=value)
    return check


def _in_range(low: int, high: int) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ValidationError(f"expected a whole number from {low} to {high}, got "
                                  f"{value!r}", field=attribute.name, value=value)
    return check


_two_digits = _in_range(0, 99)


@attrs.frozen
class CallNumber:
    """A call (nabór) number in its parts.

    Attributes:
        programme: The programme code (``POWR`` is PO WER 2014-2020).
        axis: The priority axis (2 is axis II).
        action_number: The action within the axis (5 in 2.5).
        subaction: The sub-action (0 when none).
        intermediate_body: The institution running the call (``IP.03``).
        region: The two-digit code after the institution.
        number: The call's number.
        year: The year (four digits).

    """

    programme: str = attrs.field(validator=_matches(r"[A-Z]{2,6}"))
    axis: int = attrs.field(validator=_two_digits)
    action_number: int = attrs.field(validator=_two_digits)
    subaction: int = attrs.field(validator=_two_digits)
    intermediate_body: str = attrs.field(validator=_matches(r"I[PZ]\.[0-9]{2}"))
    region: str = attrs.field(validator=_matches(r"[0-9]{2}"))
    number: int = attrs.field(validator=_in_range(0, 999))
    year: int = attrs.field(validator=_in_range(2000, 2099))

    @property
    def action(self) -> str:
        """The action as written in programme documents: ``2.5``."""
        return f"{self.axis}.{self.action_number}"

    def __str__(self) -> str:
        return (f"{self.programme}.{self.axis:02d}.{self.action_number:02d}."
                f"{self.subaction:02d}-{self.intermediate_body}-{self.region}-"
                f"{self.number:03d}/{self.year % 100:02d}")


def parse_call_number(text: str) -> CallNumber:
    """Read a call number such as ``POWR.02.05.00-IP.03-00-012/17``.

    The form is strict, as in the programme's documents: upper-case programme code, two
    digits for the axis, action and sub-action, the institution (``IP.03`` — instytucja
    pośrednicząca, intermediate body; ``IZ.00`` — instytucja zarządzająca, managing
    authority), a two-digit code, a three-digit number and a two-digit year.

    Args:
        text: The call number; spaces around it are ignored.

    Returns:
        The call number in its parts.

    Raises:
        ParseError: At the first part that does not have its official form.

    """
    found: dict[str, str] = {}
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    position = 0
    if not stripped:
        raise ParseError("empty text where a call number was expected", text=text,
                         expected="a call number such as POWR.02.05.00-IP.03-00-012/17")
    for name, pattern, expected in _PARTS:
        match = re.compile(pattern).match(stripped, position)
        if match is None:
            raise ParseError(f"malformed call number: {expected} is missing", text=text,
                             position=offset + position, expected=expected)
        found[name] = match.group()
        position = match.end()
    if position != len(stripped):
        raise ParseError("unexpected text after the call number", text=text,
                         position=offset + position, expected="nothing after the year")
    year = int(found["year"])
    return CallNumber(found["programme"], int(found["axis"]), int(found["action"]),
                      int(found["subaction"]), found["body"], found["region"],
                      int(found["number"]), 2000 + year)
