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
from opsreform.text._groups import PROGRAMME_HEAD, Group, Misprint, digits, read_groups, sep

__all__ = ["CallNumber", "ReadCallNumber", "parse_call_number", "read_call_number"]

# 2014-2020: POWR.02.05.00-IP.03-00-012/17 (a sub-action, and a code after the institution).
_TAIL_2014 = (
    sep(".", "a dot"),
    digits("subaction", 2, "a two-digit sub-action such as 00"),
    sep("-", "a hyphen"),
    Group("body", r"I[PZ]\.[0-9]{2}", "the institution, such as IP.03 or IZ.00"),
    sep("-", "a hyphen"),
    digits("region", 2, "a two-digit code such as 00"),
    sep("-", "a hyphen"),
    digits("number", 3, "a three-digit call number such as 012"),
    sep("/", "a slash"),
    digits("year", 2, "a two-digit year such as 17"),
)
# 2021-2027: FERS.04.11-IP.03-001/23 (no sub-action, no code after the institution).
_TAIL_2021 = (
    sep("-", "a hyphen"),
    Group("body", r"I[PZ]\.[0-9]{2}", "the institution, such as IP.03 or IZ.00"),
    sep("-", "a hyphen"),
    digits("number", 3, "a three-digit call number such as 012"),
    sep("/", "a slash"),
    digits("year", 2, "a two-digit year such as 23"),
)
_EXAMPLE = "POWR.02.05.00-IP.03-00-012/17"


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


def _optional(check: Callable[[object, attrs.Attribute[Any], object], None],
              ) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)
    return optional


@attrs.frozen
class CallNumber:
    """A call (nabór) number in its parts.

    Two forms exist: that of 2014-2020 (``POWR.02.05.00-IP.03-00-012/17``, with a
    sub-action and a code after the institution) and that of 2021-2027
    (``FERS.04.11-IP.03-001/23``, with neither; their ``subaction`` and ``region`` are
    None).

    Attributes:
        programme: The programme code (``POWR`` is PO WER 2014-2020).
        axis: The priority axis (2 is axis II).
        action_number: The action within the axis (5 in 2.5).
        subaction: The sub-action (0 when none), None in the 2021-2027 form.
        intermediate_body: The institution running the call (``IP.03``).
        region: The two-digit code after the institution, None in the 2021-2027 form.
        number: The call's number.
        year: The year (four digits).

    """

    programme: str = attrs.field(validator=_matches(r"[A-Z]{2,6}"))
    axis: int = attrs.field(validator=_two_digits)
    action_number: int = attrs.field(validator=_two_digits)
    subaction: int | None = attrs.field(validator=_optional(_two_digits))
    intermediate_body: str = attrs.field(validator=_matches(r"I[PZ]\.[0-9]{2}"))
    region: str | None = attrs.field(validator=_optional(_matches(r"[0-9]{2}")))
    number: int = attrs.field(validator=_in_range(0, 999))
    year: int = attrs.field(validator=_in_range(2000, 2099))

    def __attrs_post_init__(self) -> None:
        if (self.subaction is None) != (self.region is None):
            raise ValidationError("a call number has both a sub-action and a code after "
                                  "the institution (2014-2020) or neither (2021-2027)",
                                  field="region", value=self.region)

    @property
    def action(self) -> str:
        """The action as written in programme documents: ``2.5``."""
        return f"{self.axis}.{self.action_number}"

    def __str__(self) -> str:
        head = f"{self.programme}.{self.axis:02d}.{self.action_number:02d}"
        tail = f"{self.number:03d}/{self.year % 100:02d}"
        if self.subaction is None:
            return f"{head}-{self.intermediate_body}-{tail}"
        return f"{head}.{self.subaction:02d}-{self.intermediate_body}-{self.region}-{tail}"


@attrs.frozen
class ReadCallNumber:
    """A call number read from a text, with the misprint it was read past, if any.

    Attributes:
        call: The call number.
        misprint: Where the text has a group one digit too long (``0012`` for ``012``),
            or None when it is in its official form.

    """

    call: CallNumber
    misprint: Misprint | None = None


def read_call_number(text: str) -> ReadCallNumber:
    """Read a call number, reading past one group written a digit too long.

    ``POWR.02.05.00-IP.03-00-0012/17`` is read as call 012 of 2017, with the misprint
    at offset 23 (group ``number``) for the reader to report.

    >>> read = read_call_number("POWR.02.05.00-IP.03-00-0012/17")
    >>> str(read.call), read.misprint.position, read.misprint.group
    ('POWR.02.05.00-IP.03-00-012/17', 23, 'number')

    Raises:
        ParseError: At the first part that has neither its official form nor that misprint.

    """
    start = len(text) - len(text.lstrip())
    found, misprints, position = read_groups(text, PROGRAMME_HEAD, what="call number",
                                             example=_EXAMPLE, start=start, whole=False)
    tail = _TAIL_2021 if text[position:position + 1] == "-" else _TAIL_2014
    read_groups(text, tail, what="call number", example=_EXAMPLE, start=position,
                found=found, misprints=misprints)
    subaction = found.get("subaction")
    call = CallNumber(found["programme"], int(found["axis"]), int(found["action"]),
                      None if subaction is None else int(subaction), found["body"],
                      found.get("region"), int(found["number"]), 2000 + int(found["year"]))
    return ReadCallNumber(call, misprints[0] if misprints else None)


def parse_call_number(text: str) -> CallNumber:
    """Read a call number such as ``POWR.02.05.00-IP.03-00-012/17``.

    The form is strict, as in the programme's documents: upper-case programme code, two
    digits for the axis, action and sub-action, the institution (``IP.03`` — instytucja
    pośrednicząca, intermediate body; ``IZ.00`` — instytucja zarządzająca, managing
    authority), a two-digit code, a three-digit number and a two-digit year. The
    2021-2027 form (``FERS.04.11-IP.03-001/23``) has no sub-action and no code.

    Args:
        text: The call number; spaces around it are ignored.

    Returns:
        The call number in its parts.

    Raises:
        ParseError: At the first part that does not have its official form (a group a
            digit too long too: :func:`read_call_number` reads past that).

    """
    read = read_call_number(text)
    if read.misprint is not None:
        m = read.misprint
        raise ParseError(f"malformed call number: the group {m.group} {m.written!r} has "
                         f"{m.width + 1} digits", text=text, position=m.position,
                         expected=f"{m.width} digits")
    return read.call
