"""Funding-agreement numbers (numer umowy o dofinansowanie), read into their parts.

An agreement number repeats the call's programme, priority axis and action, then the
project's own number and year:

- 2014-2020: ``POWR.02.05.00-00-0123/17-00`` — programme, axis 02, action 05,
  sub-action 00, a two-digit code, the project number 0123, year 2017, and a two-digit
  suffix (the agreement's version, ``-00``);
- 2021-2027: ``FERS.04.11-IP.03-0123/23-00`` — programme, axis, action, the institution,
  the project number, year and suffix.

>>> n = parse_agreement_number("POWR.02.05.00-00-0123/17-00")
>>> n.programme, n.action, n.number, n.year, str(n)
('POWR', '2.5', 123, 2017, 'POWR.02.05.00-00-0123/17-00')

A number written with one group a digit too long and a leading zero (``00123``) is read,
with the place of the misprint (:func:`read_agreement_number`).
"""

from __future__ import annotations

from typing import Any

import attrs

from opsreform.exceptions import ParseError, ValidationError
from opsreform.text._groups import PROGRAMME_HEAD, Group, Misprint, digits, read_groups, sep

__all__ = ["AgreementNumber", "ReadAgreementNumber", "parse_agreement_number",
           "read_agreement_number"]

_TAIL_2014 = (
    sep(".", "a dot"),
    digits("subaction", 2, "a two-digit sub-action such as 00"),
    sep("-", "a hyphen"),
    digits("region", 2, "a two-digit code such as 00"),
)
_TAIL_2021 = (
    sep("-", "a hyphen"),
    Group("body", r"I[PZ]\.[0-9]{2}", "the institution, such as IP.03"),
)
_NUMBER = (
    sep("-", "a hyphen"),
    digits("number", 4, "a four-digit project number such as 0123"),
    sep("/", "a slash"),
    digits("year", 2, "a two-digit year such as 17"),
    sep("-", "a hyphen"),
    digits("suffix", 2, "a two-digit suffix such as 00"),
)
_EXAMPLE = "POWR.02.05.00-00-0123/17-00"


def _check(ok: bool, field: str, value: Any, expected: str) -> None:
    if not ok:
        raise ValidationError(f"expected {expected}, got {value!r}", field=field, value=value)


@attrs.frozen
class AgreementNumber:
    """A funding-agreement number in its parts.

    Attributes:
        programme: The programme code (``POWR``, ``FERS``, ``RPSL``…).
        axis: The priority axis.
        action_number: The action within the axis.
        subaction: The sub-action (2014-2020 form), else None.
        region: The two-digit code after the sub-action (2014-2020 form), else None.
        body: The institution (2021-2027 form, ``IP.03``), else None.
        number: The project's number.
        year: The year (four digits).
        suffix: The two-digit suffix (``00``).

    """

    programme: str
    axis: int
    action_number: int
    subaction: int | None
    region: str | None
    body: str | None
    number: int
    year: int
    suffix: str

    def __attrs_post_init__(self) -> None:
        _check(isinstance(self.programme, str) and self.programme.isascii()
               and self.programme.isupper() and 2 <= len(self.programme) <= 6,
               "programme", self.programme, "a programme code such as POWR")
        for name in ("axis", "action_number", "subaction"):
            value = getattr(self, name)
            _check((value is None and name == "subaction") or (isinstance(value, int)
                   and not isinstance(value, bool) and 0 <= value <= 99), name, value,
                   "a whole number from 0 to 99")
        _check(0 <= self.number <= 9999, "number", self.number, "a number from 0 to 9999")
        _check(2000 <= self.year <= 2099, "year", self.year, "a year from 2000 to 2099")
        _check(len(self.suffix) == 2 and self.suffix.isdigit(), "suffix", self.suffix,
               "two digits")
        old = self.subaction is not None and self.region is not None and self.body is None
        new = self.subaction is None and self.region is None and self.body is not None
        _check(old or new, "body", self.body,
               "a sub-action and a code (2014-2020) or an institution (2021-2027)")
        if self.region is not None:
            _check(len(self.region) == 2 and self.region.isdigit(), "region", self.region,
                   "two digits")
        if self.body is not None:
            _check(len(self.body) == 5 and self.body[:3] in ("IP.", "IZ.")
                   and self.body[3:].isdigit(), "body", self.body, "IP.NN or IZ.NN")

    @property
    def action(self) -> str:
        """The action as written in programme documents: ``2.5``."""
        return f"{self.axis}.{self.action_number}"

    def __str__(self) -> str:
        head = f"{self.programme}.{self.axis:02d}.{self.action_number:02d}"
        middle = (f"-{self.body}" if self.body is not None
                  else f".{self.subaction:02d}-{self.region}")
        return f"{head}{middle}-{self.number:04d}/{self.year % 100:02d}-{self.suffix}"


@attrs.frozen
class ReadAgreementNumber:
    """An agreement number read from a text, with the misprint read past, if any.

    Attributes:
        number: The agreement number.
        misprint: Where the text has a group one digit too long, or None.

    """

    number: AgreementNumber
    misprint: Misprint | None = None


def read_agreement_number(text: str) -> ReadAgreementNumber:
    """Read an agreement number, reading past one group written a digit too long.

    >>> read = read_agreement_number("POWR.02.05.00-00-00123/17-00")
    >>> str(read.number), read.misprint.position, read.misprint.group
    ('POWR.02.05.00-00-0123/17-00', 17, 'number')

    Args:
        text: The number; spaces around it are ignored.

    Returns:
        The number and its misprint, if any.

    Raises:
        ParseError: At the first part that has neither its form nor that misprint.

    """
    start = len(text) - len(text.lstrip())
    found, misprints, position = read_groups(text, PROGRAMME_HEAD, what="agreement number",
                                             example=_EXAMPLE, start=start, whole=False)
    tail = _TAIL_2021 if text[position:position + 1] == "-" else _TAIL_2014
    read_groups(text, (*tail, *_NUMBER), what="agreement number", example=_EXAMPLE,
                start=position, found=found, misprints=misprints)
    subaction = found.get("subaction")
    number = AgreementNumber(
        found["programme"], int(found["axis"]), int(found["action"]),
        None if subaction is None else int(subaction), found.get("region"),
        found.get("body"), int(found["number"]), 2000 + int(found["year"]),
        found["suffix"])
    return ReadAgreementNumber(number, misprints[0] if misprints else None)


def parse_agreement_number(text: str) -> AgreementNumber:
    """Read an agreement number in its official form (see :func:`read_agreement_number`).

    Raises:
        ParseError: At the first part that does not have its form, a misprint included.

    """
    read = read_agreement_number(text)
    if read.misprint is not None:
        m = read.misprint
        raise ParseError(f"malformed agreement number: the group {m.group} {m.written!r} "
                         f"has {m.width + 1} digits", text=text, position=m.position,
                         expected=f"{m.width} digits")
    return read.number
