"""Reading and writing the time slots of schedule cells."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform import format_slot, format_slots, parse_slots
from opsreform.timeslots import TimeSlot
from tests.common import assert_parse_error, assert_reads_or_refuses
from tests.strategies import dashes, spaces, time_slots


def _slots(*spec: tuple[int, int, int, int]) -> tuple[TimeSlot, ...]:
    return tuple(TimeSlot(time(a, b), time(c, d)) for a, b, c, d in spec)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("08.00 - 11.00", _slots((8, 0, 11, 0))), ("8.00 - 14.00", _slots((8, 0, 14, 0))),
     ("08.00 - 11.00 11.00 - 14.00", _slots((8, 0, 11, 0), (11, 0, 14, 0))),
     ("08:30–11:30", _slots((8, 30, 11, 30))), ("08.30—11.30", _slots((8, 30, 11, 30))),
     ("8.00-11.00 11.30-14.30", _slots((8, 0, 11, 0), (11, 30, 14, 30))),
     ("08.00 - 11.00, 11.30 - 14.30", _slots((8, 0, 11, 0), (11, 30, 14, 30))),
     ("08.00 - 11.00; 11.30 - 14.30", _slots((8, 0, 11, 0), (11, 30, 14, 30))),
     ("08.00 - 11.00 oraz 11.30 - 14.30", _slots((8, 0, 11, 0), (11, 30, 14, 30))),
     ("08.00 - 11.00\n11.30 - 14.30", _slots((8, 0, 11, 0), (11, 30, 14, 30))),
     ("\u00a008.00\u00a0-\u00a011.00\u00a0", _slots((8, 0, 11, 0))),
     ("godz. 9.00 - 15.00", _slots((9, 0, 15, 0))),
     ("w godzinach 9:00–15:00", _slots((9, 0, 15, 0))),
     ("od 8.00 do 14.00", _slots((8, 0, 14, 0))),
     ("od 8.00 do 11.00 i od 11.30 do 14.30", _slots((8, 0, 11, 0), (11, 30, 14, 30))),
     ("0.00 - 23.59", _slots((0, 0, 23, 59))),
     ("11.30 - 14.30 08.00 - 11.00", _slots((11, 30, 14, 30), (8, 0, 11, 0)))],
)
def test_parse_slots_forms(text: str, expected: tuple[TimeSlot, ...]) -> None:
    """One or several slots per cell, any dash, separator or spacing, in the order written."""
    assert parse_slots(text) == expected


@pytest.mark.parametrize(
    ("text", "position"),
    [("15.00 - 09.00", 0), ("11.00 - 11.00", 0), ("08.00 - 11.00 15.00 - 09.00", 14),
     ("08.00 -", 0), ("08.00", 0), ("08.00 11.00", 0), ("- 11.00", 0),
     ("25.00 - 26.00", 0), ("08.00 - 24.00", 8), ("08.60 - 09.00", 0), ("08.00 - 09.75", 8),
     ("08.00 - 11.00 11.30", 14), ("08.00 - 11.00 x", 14), ("ósma - dziewiąta", 0),
     ("8 - 11", 0), ("08.00 - 11.00,", 13), ("08.00 - 11.00 oraz", 14),
     ("od 8.00", 3), ("godz.", 5), ("22.05.2018", 0), ("08,00 - 11,00", 0),
     ("08.00 - 11.00 r.", 14)],
)
def test_parse_slots_refuses(text: str, position: int) -> None:
    """Reversed or empty slots, impossible times, loose ends and stray text: errors there."""
    assert_parse_error(parse_slots, text, position)


@pytest.mark.parametrize("text", ["", "  ", "\n"])
def test_parse_slots_empty(text: str) -> None:
    """An empty cell is an error about the whole text."""
    assert_parse_error(parse_slots, text, None, match="empty")


def test_reversed_slot_message() -> None:
    """A slot that ends before it starts is quoted in the message."""
    error = assert_parse_error(parse_slots, "15.00 - 09.00", 0)
    assert "'15.00 - 09.00'" in str(error) and "before it starts" in str(error)


@given(st.lists(time_slots(), min_size=1, max_size=4), dashes, spaces)
def test_round_trip(slots: list[TimeSlot], dash: str, space: str) -> None:
    """Slots written the documents' way, with any dash and spacing, read back."""
    text = format_slots(slots).replace(" - ", dash).replace(" 0", space + "0")
    assert parse_slots(text) == tuple(slots)
    assert parse_slots(format_slots(slots)) == tuple(slots)


@given(st.text(max_size=30))
def test_any_text_slots_or_parse_error(text: str) -> None:
    """Arbitrary text gives slots or a ParseError inside the text."""
    assert_reads_or_refuses(parse_slots, text)


def test_format_slot() -> None:
    """Two-digit hours with a dot, a spaced hyphen between, a space between slots."""
    slots = _slots((8, 0, 11, 0), (11, 30, 14, 30))
    assert format_slot(slots[0]) == "08.00 - 11.00"
    assert format_slots(slots) == "08.00 - 11.00 11.30 - 14.30"
    assert format_slots(()) == ""
