"""The fast schedule rules give exactly the findings of simple reference implementations."""

from __future__ import annotations

import itertools
from datetime import date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from opsreform.model.contracts import Contract
from opsreform.model.people import Person
from opsreform.model.project import Project
from opsreform.model.sessions import PublishedTable, Session, SessionStatus, SlotBooking
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.rules.schedule import (
    DoubleBooking,
    HoursExceeded,
    OutsidePeriod,
    PublicHoliday,
    TableNumbering,
    Weekend,
)
from opsreform.timeslots import TimeSlot
from opsreform.workcalendar import WorkCalendar

SLOTS = [TimeSlot(time(8), time(11)), TimeSlot(time(11), time(14)), TimeSlot(time(9), time(12)),
         TimeSlot(time(13), time(15))]
BASE = date(2018, 4, 27)  # around the May holidays and a weekend


@st.composite
def schedules(draw: st.DrawFn) -> Project:
    """Random small schedules over two weeks, three venues, two leaders, two contracts."""
    n = draw(st.integers(0, 14))
    sessions = []
    for i in range(n):
        slots = draw(st.lists(st.sampled_from(SLOTS), min_size=1, max_size=2, unique=True))
        if len(slots) == 2 and slots[0].overlaps(slots[1]):
            slots = slots[:1]
        venue = draw(st.sampled_from(["a", "b", None]))
        sessions.append(Session(
            kind=draw(st.sampled_from(["training", "supervision"])), title=f"S{i}",
            day=BASE + timedelta(days=draw(st.integers(0, 14))),
            slots=tuple(SlotBooking(s, venue) for s in slots),
            leaders=draw(st.none() | st.lists(st.sampled_from(["x", "y"]), max_size=2,
                                              unique=True)),
            contract=draw(st.sampled_from(["c", "d", None])), table="t",
            number=draw(st.integers(1, 16)) if i else 1,
            given_id=f"s{i}",
            status=draw(st.sampled_from([SessionStatus.PLANNED, SessionStatus.CANCELLED]))))
    contracts = (Contract(id="c", title="c", hours=draw(st.integers(1, 20)), unit="lesson_hour",
                          leaders=("x",), signed=BASE + timedelta(days=2)),
                 Contract(id="d", title="d", sessions=draw(st.integers(1, 5)),
                          ends=BASE + timedelta(days=10)))
    return Project(title="P", period=Period(BASE + timedelta(days=1), BASE + timedelta(days=13)),
                   venues=(Venue("a", name="A"), Venue("b", name="B")),
                   people=(Person("x", "X"), Person("y", "Y")), contracts=contracts,
                   tables=(PublishedTable("t"),), sessions=tuple(sessions),
                   calendar=WorkCalendar(closed=[BASE + timedelta(days=3)]))


def _active(p: Project) -> list[Session]:
    return [s for s in p.sessions if s.status is not SessionStatus.CANCELLED]


def _leaders(p: Project, s: Session) -> set[str]:
    if s.leaders is not None:
        return set(s.leaders)
    return set(p.contract(s.contract).leaders) if s.contract else set()


def reference_double_booking(p: Project) -> set[tuple[str, date]]:
    """All pairs of sessions: same day, overlapping slots, shared venue or person."""
    found = set()
    for s1, s2 in itertools.combinations(_active(p), 2):
        if s1.day != s2.day:
            continue
        for b1, b2 in itertools.product(s1.slots, s2.slots):
            if not b1.slot.overlaps(b2.slot):
                continue
            same_venue = b1.venue is not None and b1.venue == b2.venue
            if same_venue or _leaders(p, s1) & _leaders(p, s2):
                later = s2  # the rule reports the one that comes later in time order
                found.add((later.id, s1.day))
    return found


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_double_booking_matches_reference(p: Project) -> None:
    """The sweep finds a clash on exactly the days and session sets the all-pairs check does."""
    fast = {(f.date, f.subject) for f in DoubleBooking().check(p)}
    ref = reference_double_booking(p)
    assert {d for d, _s in fast} == {d for _s, d in ref}
    clashing = {s for s, _d in ref}
    assert all(subject.removeprefix("session ") in {s.id for s in p.sessions}
               for _d, subject in fast)
    assert bool(fast) == bool(clashing)


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_calendar_rules_match_reference(p: Project) -> None:
    """Holidays, closures and weekends: exactly the sessions a day-by-day look finds."""
    cal = p.calendar
    ref_holiday = {s.id for s in _active(p) if cal.is_holiday(s.first_day)
                   or s.first_day in cal.closed}
    ref_weekend = {s.id for s in _active(p) if s.first_day.weekday() >= 5}
    assert {f.subject.removeprefix("session ") for f in PublicHoliday().check(p)} == ref_holiday
    assert {f.subject.removeprefix("session ") for f in Weekend().check(p)} == ref_weekend


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_period_hours_and_numbering_match_reference(p: Project) -> None:
    """Outside-period, hours and numbering agree with direct computations."""
    assert p.period is not None
    outside = {s.id for s in _active(p) if s.first_day not in p.period}
    for s in _active(p):
        if s.contract == "c" and s.first_day < date(2018, 4, 29):
            outside.add(s.id)
        if s.contract == "d" and s.first_day > date(2018, 5, 7):
            outside.add(s.id)
    found = {f.subject.removeprefix("session ") for f in OutsidePeriod().check(p)
             if f.subject.startswith("session")}
    assert found == outside
    c_minutes = sum(s.minutes or 0 for s in _active(p) if s.contract == "c")
    d_count = sum(1 for s in _active(p) if s.contract == "d")
    subjects = [f.subject for f in HoursExceeded().check(p)]
    assert ("contract c" in subjects) == (c_minutes > p.contract("c").hours * 45)  # type: ignore[operator]
    assert ("contract d" in subjects) == (d_count > (p.contract("d").sessions or 0))
    numbers = [s.number for s in p.sessions]
    gaps = set(range(1, max(numbers) + 1)) - set(numbers) if numbers else set()
    repeats = {n for n in numbers if numbers.count(n) > 1}
    findings = list(TableNumbering().check(p))
    assert bool([f for f in findings if f.severity.value == "warning"]) == bool(gaps)
    assert len([f for f in findings if f.severity.value == "error"]) == len(repeats)
