"""Time slots: time ranges within one day (godziny zajęć — the hours of a session).

>>> from datetime import time
>>> morning = TimeSlot(time(8, 0), time(11, 0))
>>> morning.duration.to("lesson_hour")
<Quantity(4, 'lesson_hour')>
>>> morning.overlaps(TimeSlot(time(11, 0), time(14, 0)))
False
"""

from __future__ import annotations

from datetime import time
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.units import hours_from_minutes

__all__ = ["TimeSlot"]


def _is_time(_instance: object, attribute: attrs.Attribute[time], value: object) -> None:
    if not isinstance(value, time):
        msg = f"expected a datetime.time, got {type(value).__name__} {value!r}"
        raise ValidationError(msg, field=attribute.name, value=value)
    if value.tzinfo is not None or value.second or value.microsecond:
        msg = f"expected a naive time in whole minutes, got {value!r}"
        raise ValidationError(msg, field=attribute.name, value=value)


@attrs.frozen(repr=False, order=True)
class TimeSlot:
    """A half-open time range ``[start, end)`` within a day.

    Attributes:
        start: The time it begins.
        end: The time it ends (after ``start``, else :class:`ValidationError`).

    """

    start: time = attrs.field(validator=_is_time)
    end: time = attrs.field(validator=_is_time)
    start_minute: int = attrs.field(init=False, eq=False, repr=False, order=False)
    """Minutes from midnight to the start (computed once: checks read it a lot)."""
    end_minute: int = attrs.field(init=False, eq=False, repr=False, order=False)
    """Minutes from midnight to the end."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "start_minute", self.start.hour * 60 + self.start.minute)
        object.__setattr__(self, "end_minute", self.end.hour * 60 + self.end.minute)
        if self.end <= self.start:
            msg = (
                f"slot ends at {self.end:%H:%M}, not after it starts at {self.start:%H:%M}; "
                "expected the end after the start on the same day"
            )
            raise ValidationError(msg, field="end", value=self.end)

    def __repr__(self) -> str:
        return f"TimeSlot({self.start:%H:%M}-{self.end:%H:%M})"

    @property
    def minutes(self) -> int:
        """The length in whole minutes."""
        return self.end_minute - self.start_minute

    @property
    def duration(self) -> Any:
        """The length as an exact pint quantity (in minutes; convert with ``.to``)."""
        return hours_from_minutes(self.minutes)

    def overlaps(self, other: TimeSlot) -> bool:
        """Return whether the slots share some time (touching ends do not overlap)."""
        return self.start < other.end and other.start < self.end
