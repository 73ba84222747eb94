"""Sessions: the dated occurrences of support (trainings, workshops, supervision, visits…).

A session has a kind, a title, a part (``cz.1``), a date (or a period for multi-day
kinds such as a two-day study visit), one or more time slots each with its venue, the
people who lead it and who attend, and where it comes from: the published table and
its number there.

>>> from datetime import date
>>> from opsreform.text.slots import parse_slots
>>> s = Session(kind="supervision", title="SUPERWIZJA", day=date(2018, 5, 22),
...             slots=[SlotBooking(slot, "sienkiewicza-8")
...                    for slot in parse_slots("08.00 - 11.00 11.00 - 14.00")],
...             table="2018-05-07", number=1)
>>> s.id, s.minutes, s.hours.to("lesson_hour")
('2018-05-07#1', 360, <Quantity(8, 'lesson_hour')>)
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import non_empty, optional_non_empty, to_enum, to_tuple
from opsreform.periods import Period
from opsreform.text._lexer import fold
from opsreform.timeslots import TimeSlot
from opsreform.units import hours_from_minutes

__all__ = [
    "Attendance",
    "PublishedTable",
    "Session",
    "SessionKind",
    "SessionStatus",
    "SlotBooking",
    "split_part",
]


class SessionKind(enum.StrEnum):
    """The kind of a session."""

    TRAINING = "training"
    """Szkolenie."""
    WORKSHOP = "workshop"
    """Warsztaty."""
    SUPERVISION = "supervision"
    """Superwizja (spotkanie superwizyjne): supervision of social work."""
    STUDY_VISIT = "study-visit"
    """Wizyta studyjna: a visit to centres that have made the change."""
    EXPERT_ADVICE = "expert-advice"
    """Doradztwo eksperckie: advice of an expert."""
    OTHER = "other"
    """Any other kind of support."""

    @classmethod
    def from_polish(cls, text: str) -> SessionKind | None:
        """Guess the kind from a Polish name or title, or None when no keyword is found.

        >>> SessionKind.from_polish("WARSZTATY UMIEJĘTNOŚCI INTERPERSONALNYCH cz.1")
        <SessionKind.WORKSHOP: 'workshop'>
        """
        folded = fold(text)
        for stem, kind in _KIND_STEMS:
            if stem in folded:
                return kind
        return None

    @property
    def multi_day(self) -> bool:
        """Whether sessions of this kind may span several days (study visits)."""
        return self is SessionKind.STUDY_VISIT


_KIND_STEMS = (
    ("superwizj", SessionKind.SUPERVISION),
    ("warsztat", SessionKind.WORKSHOP),
    ("wizyt", SessionKind.STUDY_VISIT),
    ("doradztw", SessionKind.EXPERT_ADVICE),
    ("szkoleni", SessionKind.TRAINING),
)


class SessionStatus(enum.StrEnum):
    """Whether a session is planned, was delivered, or was cancelled."""

    PLANNED = "planned"
    """Zaplanowane: in a published schedule, not yet confirmed as held."""
    DELIVERED = "delivered"
    """Zrealizowane: held."""
    CANCELLED = "cancelled"
    """Odwołane: will not be held (not counted against a contract)."""


_PART = re.compile(r"\s*\bcz(?:\.|ęść|esc)\s*(\d+)\s*$", re.IGNORECASE)


def split_part(title: str) -> tuple[str, int | None]:
    """Split a trailing part marker off a title.

    >>> split_part("DIAGNOZA W PRACY SOCJALNEJ cz.2")
    ('DIAGNOZA W PRACY SOCJALNEJ', 2)
    >>> split_part("PRACA SOCJALNA - WPROWADZENIE")
    ('PRACA SOCJALNA - WPROWADZENIE', None)
    """
    match = _PART.search(title)
    if match is None:
        return title.strip(), None
    return title[:match.start()].strip(), int(match.group(1))


def _is_slot(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, TimeSlot):
        raise ValidationError(f"expected a TimeSlot (e.g. from parse_slots), got "
                              f"{type(value).__name__} {value!r}", field=attribute.name,
                              value=value)


@attrs.frozen
class SlotBooking:
    """A time slot of a session and the venue it is held at.

    Bookings are values: equal ones are interchangeable, and readers share them.

    Attributes:
        slot: The time range.
        venue: The id of the venue, or None when the document does not say where.

    """

    slot: TimeSlot = attrs.field(validator=_is_slot)
    venue: str | None = attrs.field(default=None, validator=optional_non_empty)


def _positive_int(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise ValidationError(f"expected a whole number from 1 up, got {value!r}",
                              field=attribute.name, value=value)


def _count_or_none(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ValidationError(f"expected a whole number from 0 up, got {value!r}",
                              field=attribute.name, value=value)


@attrs.frozen
class Attendance:
    """Who attends a session, and, once it is delivered, who came (obecni) and who did not.

    ``headcount``, ``groups`` and ``people`` say who the session is for (planned); on a
    delivered session ``people`` are the named people who attended. ``attended`` and
    ``absent`` are facts of a delivered session only (the session checks that). Unknown
    is None or empty, never zero: a delivered session whose attendance is not stated has
    ``attended`` None.

    Attributes:
        headcount: How many people attend, when stated (planned).
        groups: Named groups ("pracownicy socjalni", "zespół roboczy"), when stated.
        people: Ids of named attendees (declared in the project's people).
        attended: How many people attended a delivered session (lista obecności), when
            stated; at least as many as are named in ``people``.
        absent: Ids of people expected who did not attend (nieobecni); none of them is
            also in ``people``.

    """

    headcount: int | None = attrs.field(default=None, validator=_positive_int)
    groups: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    people: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    attended: int | None = attrs.field(default=None, validator=_count_or_none)
    absent: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        both = sorted(set(self.people) & set(self.absent))
        if both:
            raise ValidationError(f"{', '.join(both)} both attended and was absent; name each "
                                  "person in attendees or in absent, not both",
                                  field="absent", value=both[0])
        named = len(set(self.people))
        if self.attended is not None and self.attended < named:
            raise ValidationError(f"attended {self.attended} is fewer than the {named} people "
                                  "named in attendees; the count is of everyone who came, "
                                  "named or not", field="attended", value=self.attended)

    @property
    def outcome_stated(self) -> bool:
        """Whether it states anything about who came (``attended`` or ``absent``)."""
        return self.attended is not None or bool(self.absent)


NOBODY_STATED = Attendance()
"""The attendance of a session whose participants are not stated (shared: it is frozen)."""


@attrs.frozen
class PublishedTable:
    """A session table as a centre published it (each one numbered from 1).

    Attributes:
        id: A stable id, unique in the project; by convention the publication date
            (``2018-05-07``), with a suffix when one day has several tables.
        published: The date printed on the table, when there is one.
        title: The heading ("SZCZEGÓŁOWY HARMONOGRAM DZIAŁAŃ W PROJEKCIE").
        kind: The kind of its sessions when the rows do not say.
        contract: The contract its sessions belong to, when the same for all rows.
        supersedes: The id of the earlier table this one replaces (a new version of
            it: a session moved, re-timed or cancelled), when it replaces one. The
            project's schedule is the latest version; see :mod:`opsreform.versions`.
        groups: The groups that attend its sessions, when the same for all rows (a
            session naming its own groups names them instead).

    """

    id: str = attrs.field(validator=non_empty)
    published: date | None = None
    title: str | None = None
    kind: SessionKind | None = attrs.field(
        default=None, converter=attrs.converters.optional(SessionKind)
    )
    contract: str | None = None
    supersedes: str | None = attrs.field(default=None, validator=optional_non_empty)
    groups: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        if self.supersedes == self.id:
            raise ValidationError(f"table {self.id!r} cannot supersede itself",
                                  field="supersedes", value=self.supersedes)


def _to_slots(value: Iterable[SlotBooking]) -> tuple[SlotBooking, ...]:
    slots = tuple(value)
    for booking in slots:
        if not isinstance(booking, SlotBooking):
            raise ValidationError(f"each slot must be a SlotBooking (a TimeSlot and its "
                                  f"venue), got {type(booking).__name__} {booking!r}",
                                  field="slots", value=booking)
    return slots


def _total_minutes(slots: tuple[SlotBooking, ...], period: Period | None) -> int | None:
    """The minutes of ``slots`` over every day, or None without slots."""
    if not slots:
        return None
    total = 0
    for booking in slots:
        total += booking.slot.end_minute - booking.slot.start_minute
    if period is not None:
        total *= period.days
    return total


def _slot_key(slot: TimeSlot) -> tuple[int, int]:
    return (slot.start_minute, slot.end_minute)


def _to_kind(value: SessionKind | str) -> SessionKind:
    return to_enum(SessionKind, value)


def _to_status(value: SessionStatus | str) -> SessionStatus:
    return to_enum(SessionStatus, value)


def _id_or_none(value: str | None) -> str | None:
    return value if value is None else str(value)


@attrs.frozen(repr=False)
class Session:
    """One dated session.

    Exactly one of ``day`` and ``period`` is given: a day for one-day sessions, a period
    for multi-day ones (a two-day study visit). Slots (with their venues) are optional
    for multi-day sessions, whose hours the documents often do not state.

    Attributes:
        kind: What kind of support it is.
        title: Its title as published ("KODEKS POSTĘPOWANIA ADMINISTRACYJNEGO…").
        day: The date of a one-day session.
        period: The days of a multi-day session.
        slots: The time slots with their venues, in the order published.
        part: The part (``cz.2`` → 2) of a session given in parts, when stated.
        leaders: Ids of who leads it (trainer, supervisor); None means "those of its
            contract" (by default), an empty tuple means "nobody named".
        attendance: Who attends.
        places: Ids of venues where a session without stated hours happens (the
            centres a study visit visits); sessions with slots give venues per slot.
        activity: The id of the activity of the harmonogram it delivers (``2.3``).
        contract: The id of the contract it is delivered under.
        table: The id of the published table it comes from.
        number: Its number (Lp.) in that table.
        status: Planned, delivered or cancelled.
        given_id: An id given explicitly; otherwise the id is ``table#number``.
        line: The line of the source file it was read from, when read from a file.
        note: Free remarks.

    """

    kind: SessionKind = attrs.field(converter=_to_kind)
    title: str = attrs.field(validator=non_empty)
    day: date | None = None
    period: Period | None = None
    slots: tuple[SlotBooking, ...] = attrs.field(default=(), converter=_to_slots)
    part: int | None = attrs.field(default=None, validator=_positive_int)
    leaders: tuple[str, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_tuple)
    )
    attendance: Attendance = attrs.field(default=NOBODY_STATED)
    places: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    activity: str | None = None
    contract: str | None = None
    table: str | None = None
    number: int | None = attrs.field(default=None, validator=_positive_int)
    status: SessionStatus = attrs.field(default=SessionStatus.PLANNED, converter=_to_status)
    given_id: str | None = attrs.field(default=None, converter=_id_or_none)
    line: int | None = attrs.field(default=None, eq=False)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.day is None) == (self.period is None):
            raise ValidationError("give either a day or a period, not both and not neither",
                                  field="day", value=self.day or self.period)
        if self.period is not None and self.period.days > 1 and not self.kind.multi_day:
            raise ValidationError(
                f"a {self.kind.value} session lasts one day; only study visits span "
                f"several (got {self.period})", field="period", value=self.period)
        # A multi-day session may have no stated hours; a one-day one always has them.
        if self.day is not None and not self.slots:
            raise ValidationError("a one-day session needs at least one time slot",
                                  field="slots", value=self.title)
        # Sorted by minutes (ints), not by the slots' generated ordering (tuples).
        ordered = sorted((b.slot for b in self.slots), key=_slot_key) if len(
            self.slots) > 1 else ()
        for first, second in itertools.pairwise(ordered):
            if first.overlaps(second):
                raise ValidationError(f"slots {first} and {second} of one session overlap",
                                      field="slots", value=self.title)
        if self.attendance.outcome_stated and self.status is not SessionStatus.DELIVERED:
            field = "attended" if self.attendance.attended is not None else "absent"
            raise ValidationError(
                f"attendance ({field}) is stated for a session that is {self.status.value}, "
                "not delivered; mark it delivered, or leave attended and absent out",
                field=field, value=self.title)
        if self.given_id is None and (self.table is None or self.number is None):
            raise ValidationError("a session needs an id, or a table and a number to derive one",
                                  field="given_id", value=self.title)

    def __repr__(self) -> str:
        when = self.day.isoformat() if self.day else repr(self.period)
        return f"Session({self.id!r}, {self.kind.value}, {when}, {self.title!r})"

    @property
    def id(self) -> str:
        """The given id, or ``table#number`` (``2018-05-07#6``)."""
        return self.given_id if self.given_id is not None else f"{self.table}#{self.number}"

    @property
    def label(self) -> str:
        """The title with its part, as published (``DIAGNOZA W PRACY SOCJALNEJ cz.2``)."""
        return self.title if self.part is None else f"{self.title} cz.{self.part}"

    @property
    def subject(self) -> str:
        """The subject string of findings about this session (``session 2018-05-07#6``)."""
        return f"session {self.id}"

    @property
    def first_day(self) -> date:
        """The session's (first) day."""
        if self.day is not None:
            return self.day
        assert self.period is not None
        return self.period.start

    def days(self) -> Iterator[date]:
        """Yield every day of the session."""
        if self.day is not None:
            yield self.day
        else:
            assert self.period is not None
            yield from self.period.dates()

    @property
    def day_count(self) -> int:
        """How many days the session spans."""
        return 1 if self.period is None else self.period.days

    @property
    def minutes(self) -> int | None:
        """Total length in minutes over all its days (None when no slots are stated)."""
        return _total_minutes(self.slots, self.period)

    @property
    def hours(self) -> Any:
        """Total length as an exact pint quantity, or None when unknown."""
        minutes = self.minutes
        return None if minutes is None else hours_from_minutes(minutes)

    @property
    def venues(self) -> tuple[str, ...]:
        """The ids of its venues (of its slots, then its places), without repeats, in order."""
        slot_venues = (b.venue for b in self.slots if b.venue is not None)
        return tuple(dict.fromkeys((*slot_venues, *self.places)))
