"""Reading official numbers made of fixed groups (call and agreement numbers), part by part.

A number such as ``POWR.02.05.00-00-0123/17-00`` is a sequence of groups: a programme
code, digit groups of a fixed width, separators, an institution (``IP.03``). The reader
walks the groups in order and stops at the first one that does not have its form, with a
:class:`~opsreform.exceptions.ParseError` at that character.

One misprint is common enough in published documents to be read anyway: a digit group
one digit too long with a leading zero (``00123`` where four digits are expected). Its
value is not in doubt, so the reader takes it and says where it was (:class:`Misprint`);
whoever reads the number decides how loudly to report it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from opsreform.exceptions import ParseError

__all__ = ["PROGRAMME_HEAD", "Group", "Misprint", "digits", "read_groups", "sep"]


@attrs.frozen
class Misprint:
    """A digit group written one digit too long, with a leading zero.

    Attributes:
        position: The character offset of the group in the text read.
        group: The group's name (``number``, ``axis``…).
        written: The group as written (``00123``).
        width: How many digits the group has in the official form.

    """

    position: int
    group: str
    written: str
    width: int


@attrs.frozen
class Group:
    """One group of an official number.

    Attributes:
        name: Its name in the value read (``axis``), or a separator's text (``.``).
        pattern: The regular expression it must match.
        expected: What it should be, in words, for an error.
        width: For a digit group, its number of digits (a misprint may add one).

    """

    name: str
    pattern: str
    expected: str
    width: int | None = None


def sep(text: str, expected: str) -> Group:
    """A separator group: ``text`` exactly."""
    return Group(text, re.escape(text), expected)


def digits(name: str, width: int, expected: str) -> Group:
    """A group of exactly ``width`` digits."""
    return Group(name, f"[0-9]{{{width}}}", expected, width)


PROGRAMME_HEAD = (
    Group("programme", r"[A-Z]{2,6}", "a programme code such as POWR"),
    sep(".", "a dot"),
    digits("axis", 2, "a two-digit priority axis such as 02"),
    sep(".", "a dot"),
    digits("action", 2, "a two-digit action such as 05"),
)
"""How call and agreement numbers begin: the programme, its priority axis and action."""


def read_groups(text: str, groups: Sequence[Group], *, what: str, example: str,
                start: int = 0, found: dict[str, str] | None = None,
                misprints: list[Misprint] | None = None, whole: bool = True,
                ) -> tuple[dict[str, str], list[Misprint], int]:
    """Read ``groups`` from ``text`` at ``start`` (an offset in ``text``).

    Args:
        text: The whole text (positions in errors are offsets in it).
        groups: The groups, in order.
        what: What is read, for messages ("call number").
        example: A well-formed example, for the error on an empty text.
        start: Where to start reading.
        found: Groups already read (updated and returned).
        misprints: Misprints already met (updated and returned).
        whole: Whether the text must end after the last group.

    Returns:
        The groups read by name, the misprints met, and the offset after the last group.

    Raises:
        ParseError: At the first group that does not have its form (a second misprint
            too: one is a misprint, two are a different number).

    """
    found = {} if found is None else found
    misprints = [] if misprints is None else misprints
    if not text.strip():
        raise ParseError(f"empty text where a {what} was expected", text=text,
                         expected=f"a {what} such as {example}")
    position = start
    for group in groups:
        match = re.compile(group.pattern).match(text, position)
        if match is not None and group.width is not None:
            # A run of exactly one digit more: the misprint when it is a leading zero.
            # Longer runs read as before: the group, then an error at what follows.
            run = re.compile("[0-9]+").match(text, position)
            assert run is not None
            if len(run.group()) == group.width + 1:
                if run.group().startswith("0") and not misprints:
                    misprints.append(Misprint(position, group.name, run.group(),
                                              group.width))
                    found[group.name] = run.group()[1:]
                    position = run.end()
                    continue
                raise ParseError(f"malformed {what}: {group.expected} has "
                                 f"{group.width + 1} digits", text=text, position=position,
                                 expected=f"{group.width} digits")
        if match is None:
            raise ParseError(f"malformed {what}: {group.expected} is missing", text=text,
                             position=position, expected=group.expected)
        found[group.name] = match.group()
        position = match.end()
    if whole and position != len(text.rstrip()):
        raise ParseError(f"unexpected text after the {what}", text=text, position=position,
                         expected="nothing after it")
    return found, misprints, position
