"""Session facets: what many sessions share, interned, immutable, and true to the session."""

from __future__ import annotations

import copy
import gc
import pickle
from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform.model.sessions import (
    Attendance,
    Session,
    SessionFacet,
    SessionKind,
    SessionStatus,
    SlotBooking,
    facet_of,
    shared_count,
)
from opsreform.periods import Period
from opsreform.timeslots import TimeSlot

SLOTS = [TimeSlot(time(8), time(11)), TimeSlot(time(11, 30), time(14, 30)),
         TimeSlot(time(9), time(15))]


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    """Random valid sessions: one-day ones with slots, study visits over a period."""
    kind = draw(st.sampled_from(list(SessionKind)))
    multi = kind.multi_day and draw(st.booleans())
    first = date(2018, 5, 1) + timedelta(days=draw(st.integers(0, 60)))
    slots = draw(st.sampled_from([[], [SLOTS[0]], [SLOTS[2]], SLOTS[:2]] if multi
                                 else [[SLOTS[0]], [SLOTS[2]], SLOTS[:2]]))
    numbered = draw(st.booleans())
    return Session(
        kind=kind, title="T",
        day=None if multi else first,
        period=Period(first, first + timedelta(days=draw(st.integers(0, 2)))) if multi
        else None,
        slots=[SlotBooking(s, draw(st.sampled_from(["a", None]))) for s in slots],
        leaders=draw(st.none() | st.lists(st.sampled_from(["x", "y"]), max_size=2,
                                          unique=True)),
        attendance=Attendance(people=draw(st.lists(st.sampled_from(["x", "z"]), max_size=1))),
        contract=draw(st.sampled_from([None, "c", "d"])),
        table="t", number=draw(st.integers(1, 500)) if numbered else None,
        given_id=None if numbered else "s1",
        status=draw(st.sampled_from(list(SessionStatus))))


@given(s=sessions())
def test_facet_states_what_the_session_says(s: Session) -> None:
    """Each value of the facet is the session's own; minutes are its slots' over its days."""
    f = s.facet
    assert (f.kind, f.contract, f.table, f.status, f.leaders, f.attendees) == (
        s.kind, s.contract, s.table, s.status, s.leaders, s.attendance.people)
    assert f.multi_day is (s.day is None) and f.numbered is (s.number is not None)
    per_day = sum(b.slot.end_minute - b.slot.start_minute for b in s.slots)
    assert s.minutes == (None if not s.slots else per_day * s.day_count)


@given(a=sessions(), b=sessions())
def test_equal_values_share_one_facet(a: Session, b: Session) -> None:
    """Two sessions that agree on every facet value point at one object; others do not."""
    same = (a.kind, a.contract, a.table, a.status, a.leaders, a.attendance.people,
            a.minutes, a.day is None, a.number is not None) == (
        b.kind, b.contract, b.table, b.status, b.leaders, b.attendance.people,
        b.minutes, b.day is None, b.number is not None)
    assert (a.facet is b.facet) is same


@given(s=sessions())
def test_pickled_and_copied_sessions_keep_their_facet(s: Session) -> None:
    """A round trip through pickle or deepcopy gives an equal session with the same facet."""
    for back in (pickle.loads(pickle.dumps(s)), copy.deepcopy(s), copy.copy(s)):
        assert back == s
        assert back.facet is s.facet


def test_a_facet_cannot_be_changed() -> None:
    """Facets are shared by many sessions, so none may change one."""
    f = facet_of(SessionKind.TRAINING, "c", "t", SessionStatus.PLANNED, None, (), 180,
                 False, True)
    assert isinstance(f, SessionFacet)
    with pytest.raises(AttributeError, match="immutable"):
        f.minutes = 60  # type: ignore[misc]
    assert f.minutes == 180
    assert "training" in repr(f)


def test_unused_facets_are_let_go() -> None:
    """The interning table keeps a facet only while some session uses it."""
    s = Session(kind="workshop", title="W", day=date(2018, 5, 7),
                slots=[SlotBooking(TimeSlot(time(7, 1), time(7, 59)))], given_id="w",
                contract="only-here")
    key = (s.kind, s.contract, s.table, s.status, s.leaders, s.attendance.people,
           s.minutes, False, False)
    from opsreform.model import sessions as module

    assert module._FACETS.get(key) is s.facet
    del s
    gc.collect()
    assert module._FACETS.get(key) is None


@given(n=st.integers(0, 300))
def test_shared_count_is_one_to_n_made_of_the_numbers_sessions_use(n: int) -> None:
    """`shared_count(n)` is [1 … n], with the very int objects session numbers share."""
    counted = shared_count(n)
    assert counted == list(range(1, n + 1))
    if n:
        s = Session(kind="training", title="T", day=date(2018, 5, 7), slots=[
            SlotBooking(SLOTS[0])], table="t", number=int(str(n)))
        assert s.number is counted[-1]


def test_slots_must_be_bookings_of_time_slots() -> None:
    """A slot given as text, or a booking of text, is refused with the field and value."""
    from opsreform.exceptions import ValidationError

    with pytest.raises(ValidationError, match="SlotBooking") as caught:
        Session(kind="training", title="T", day=date(2018, 5, 7), slots=["08.00 - 11.00"],
                given_id="x")
    assert caught.value.field == "slots"
    with pytest.raises(ValidationError, match="TimeSlot") as caught:
        SlotBooking("08.00 - 11.00")  # type: ignore[arg-type]
    assert caught.value.field == "slot"
