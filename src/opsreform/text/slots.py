"""Time slots in the Polish forms of the documents, read and written.

One cell may hold several slots: ``08.00 - 11.00 11.30 - 14.30``; times are written
``8.00``, ``08.00`` or ``08:30``, and the dash may be a hyphen, an en dash or an em dash.
``od 8.00 do 14.00`` and a leading ``godz.`` or ``w godzinach`` are read too.

>>> parse_slots("08.00 - 11.00 11.30 - 14.30")
(TimeSlot(08:00-11:00), TimeSlot(11:30-14:30))
>>> format_slots(parse_slots("8.00–14.00"))
'08.00 - 14.00'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time

from opsreform.exceptions import ParseError, ValidationError
from opsreform.text._lexer import Token, tokenize
from opsreform.timeslots import TimeSlot

__all__ = ["format_slot", "format_slots", "parse_slots"]

_EXPECTED = "time slots such as '08.00 - 11.00' or '08.00 - 11.00 11.30 - 14.30'"


def _time(text: str, token: Token) -> time:
    hour_text, minute_text = token.text.replace(":", ".").split(".")
    hour, minute = int(hour_text), int(minute_text)
    if hour > 23 or minute > 59:
        raise ParseError(
            f"{token.text!r} is not a time of day", text=text, position=token.start,
            expected="a time from 0.00 to 23.59",
        )
    return time(hour, minute)


_LEAD_WORDS = frozenset({"w", "godz", "godz.", "godzina", "godziny", "godzinach"})
_JOIN_WORDS = frozenset({"i", "oraz"})


def parse_slots(text: str) -> tuple[TimeSlot, ...]:
    """Read one or more time slots from a cell of a schedule.

    Args:
        text: For example ``"08.00 - 11.00"``, ``"08.00 - 11.00 11.00 - 14.00"``,
            ``"08:30–11:30"``, ``"w godz. 8.00-14.00"``, ``"od 8.00 do 14.00"``. Slots
            may also be separated by commas, semicolons, "i" or "oraz".

    Returns:
        The slots, in the order written.

    Raises:
        ParseError: A slot that ends before it starts (``15.00 - 09.00``), an
            impossible time, a missing end, an empty text, or any other text;
            ``position`` points at the offending part.

    """
    every = tokenize(text, kinds=frozenset({"time", "dash", "comma", "word"}), what="time slots")
    if every and (every[-1].kind == "comma" or every[-1].text in _JOIN_WORDS):
        raise ParseError("the text ends after a separator", text=text,
                         position=every[-1].start, expected="another slot after it")
    tokens = [
        t for t in every
        if t.kind != "comma" and not (t.kind == "word" and t.text in _JOIN_WORDS)
    ]
    i = 0
    while i < len(tokens) and tokens[i].kind == "word" and tokens[i].text in _LEAD_WORDS:
        i += 1
    slots: list[TimeSlot] = []
    while i < len(tokens):
        opened_with_od = tokens[i].kind == "word" and tokens[i].text == "od"
        if opened_with_od:
            i += 1
        if i >= len(tokens):
            raise ParseError("the slot has no start time", text=text,
                             position=len(text.rstrip()), expected=_EXPECTED)
        start_token = tokens[i]
        if start_token.kind != "time":
            raise ParseError(
                f"{text[start_token.start:start_token.end]!r} is not a time", text=text,
                position=start_token.start, expected=_EXPECTED)
        separator = tokens[i + 1] if i + 1 < len(tokens) else None
        joined = separator is not None and (separator.kind == "dash" or (
            opened_with_od and separator.kind == "word" and separator.text == "do"))
        if not joined or i + 2 >= len(tokens) or tokens[i + 2].kind != "time":
            raise ParseError("the slot has no end time", text=text, position=start_token.start,
                             expected="'do' or a dash, and an end time" if opened_with_od
                             else _EXPECTED)
        end_token = tokens[i + 2]
        start, end = _time(text, start_token), _time(text, end_token)
        try:
            slots.append(TimeSlot(start, end))
        except ValidationError as exc:
            raise ParseError(
                f"the slot {text[start_token.start:end_token.end]!r} ends before it starts",
                text=text, position=start_token.start, expected="an end time after the start",
            ) from exc
        i += 3
    if not slots:
        raise ParseError("no time slot in the text", text=text,
                         position=len(text.rstrip()), expected=_EXPECTED)
    return tuple(slots)


def format_slot(slot: TimeSlot) -> str:
    """Write one slot the way the documents do: ``08.00 - 11.00``."""
    return f"{slot.start:%H.%M} - {slot.end:%H.%M}"


def format_slots(slots: Iterable[TimeSlot]) -> str:
    """Write several slots in one cell, separated by a space; :func:`parse_slots` reads it back."""
    return " ".join(format_slot(slot) for slot in slots)
