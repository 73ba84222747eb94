"""Time slots: half-open time ranges within a day, with exact durations."""

from __future__ import annotations

from datetime import UTC, datetime, time
from fractions import Fraction

import pytest
from hypothesis import given

from opsreform.exceptions import ValidationError
from opsreform.timeslots import TimeSlot
from opsreform.units import minutes_of
from tests.strategies import time_slots


def test_duration_is_exact() -> None:
    """08.00-11.00 lasts 3 h = 4 lesson hours; 09.00-15.00 is 8 lesson hours (a training)."""
    morning = TimeSlot(time(8), time(11))
    assert morning.minutes == 180
    assert morning.duration.to("lesson_hour").magnitude == 4
    assert morning.duration.to("hour").magnitude == 3
    training = TimeSlot(time(9), time(15))
    assert training.duration.to("lesson_hour").magnitude == 8
    odd = TimeSlot(time(8, 0), time(8, 50))
    assert odd.duration.to("lesson_hour").magnitude == Fraction(10, 9)


def test_supervision_contract_adds_up() -> None:
    """39 three-hour slots make exactly the contract's 156 lesson hours (117 clock hours)."""
    slot = TimeSlot(time(8), time(11))
    total = sum((slot.duration for _ in range(39)), 0 * slot.duration)
    assert total.to("lesson_hour").magnitude == 156
    assert total.to("hour").magnitude == 117


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [((8, 0, 11, 0), (11, 0, 14, 0), False), ((8, 0, 11, 0), (10, 59, 14, 0), True),
     ((8, 0, 14, 0), (9, 0, 10, 0), True), ((8, 0, 9, 0), (9, 1, 10, 0), False),
     ((8, 0, 9, 0), (8, 0, 9, 0), True), ((11, 0, 14, 0), (8, 0, 11, 0), False)],
)
def test_overlap_is_half_open(a: tuple[int, int, int, int], b: tuple[int, int, int, int],
                              overlap: bool) -> None:
    """08.00-11.00 and 11.00-14.00 touch but do not overlap; any shared minute overlaps."""
    first = TimeSlot(time(a[0], a[1]), time(a[2], a[3]))
    second = TimeSlot(time(b[0], b[1]), time(b[2], b[3]))
    assert first.overlaps(second) is overlap
    assert second.overlaps(first) is overlap


@given(time_slots(), time_slots())
def test_overlap_agrees_with_minutes(a: TimeSlot, b: TimeSlot) -> None:
    """Two slots overlap exactly when they share a minute."""
    minutes_a = set(range(a.start_minute, a.end_minute))
    minutes_b = set(range(b.start_minute, b.end_minute))
    assert a.overlaps(b) == bool(minutes_a & minutes_b) == b.overlaps(a)
    assert minutes_of(a.duration) == len(minutes_a) == a.minutes


@pytest.mark.parametrize(
    ("start", "end"),
    [(time(11), time(11)), (time(15), time(9)), (time(0, 1), time(0, 0))],
)
def test_end_must_follow_start(start: time, end: time) -> None:
    """An empty or reversed slot is refused (no slots across midnight)."""
    with pytest.raises(ValidationError) as info:
        TimeSlot(start, end)
    assert info.value.field == "end"


@pytest.mark.parametrize(
    "bad",
    [time(8, 0, 30), time(8, 0, 0, 1), time(8, tzinfo=UTC), "08:00", 8,
     datetime(2018, 1, 1, 8)],
)
def test_times_must_be_naive_whole_minutes(bad: object) -> None:
    """Seconds, time zones, strings, numbers and datetimes are refused."""
    with pytest.raises(ValidationError) as info:
        TimeSlot(bad, time(23))  # type: ignore[arg-type]
    assert info.value.field == "start"


def test_frozen_ordered_and_repr() -> None:
    """Slots are immutable, sort by start then end, and show as HH:MM-HH:MM."""
    a, b = TimeSlot(time(8), time(11)), TimeSlot(time(8), time(9, 30))
    with pytest.raises(AttributeError):
        a.start = time(7)  # type: ignore[misc]
    assert sorted([a, b]) == [b, a]
    assert repr(b) == "TimeSlot(08:00-09:30)"
    assert a == TimeSlot(time(8), time(11)) and hash(a) == hash(TimeSlot(time(8), time(11)))
