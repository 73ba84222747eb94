"""Sessions, activities, contracts and venues: what can and cannot be built."""

from __future__ import annotations

from datetime import date, time
from fractions import Fraction

import pytest

from opsreform.exceptions import ValidationError
from opsreform.model.activities import Activity
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.contracts import Contract
from opsreform.model.people import Person
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SessionKind, SlotBooking, split_part
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.text.periods import parse_period
from opsreform.timeslots import TimeSlot

SLOT = SlotBooking(TimeSlot(time(9), time(15)))


def test_session_id_and_hours() -> None:
    """The id comes from table and number; 6 clock hours are 8 lesson hours, exactly."""
    s = Session(kind="training", title="T", day=date(2018, 1, 19), slots=(SLOT,), table="t",
                number=3, part=1)
    assert s.id == "t#3" and s.subject == "session t#3" and s.label == "T cz.1"
    assert s.hours.to("lesson_hour").magnitude == Fraction(8)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"day": date(2018, 1, 1), "period": Period.day(date(2018, 1, 1))}, "day"),
        ({}, "day"),
        ({"day": date(2018, 1, 1), "slots": ()}, "slots"),
        ({"day": date(2018, 1, 1), "number": 0}, "number"),
        ({"day": date(2018, 1, 1), "table": None}, "given_id"),
        ({"period": Period(date(2018, 1, 1), date(2018, 1, 2))}, "period"),
        ({"day": date(2018, 1, 1), "slots": (SLOT, SlotBooking(TimeSlot(time(14), time(16))))},
         "slots"),
    ],
)
def test_invalid_sessions_cannot_be_built(kwargs: dict[str, object], field: str) -> None:
    """Each impossible session raises ValidationError naming the field."""
    base: dict[str, object] = {"kind": "training", "title": "T", "slots": (SLOT,), "table": "t",
                               "number": 1}
    base.update(kwargs)
    with pytest.raises(ValidationError) as info:
        Session(**base)  # type: ignore[arg-type]
    assert info.value.field == field


def test_study_visit_spans_days_without_hours() -> None:
    """A two-day study visit has two days and unknown hours, not zero."""
    visit = Session(kind="study-visit", title="W", period=parse_period("2-3 sierpnia 2021 r."),
                    given_id="w")
    assert list(visit.days()) == [date(2021, 8, 2), date(2021, 8, 3)]
    assert visit.minutes is None and visit.hours is None


@pytest.mark.parametrize(
    ("title", "kind"),
    [("SUPERWIZJA", SessionKind.SUPERVISION), ("WARSZTATY UMIEJĘTNOŚCI", SessionKind.WORKSHOP),
     ("Wizyta studyjna", SessionKind.STUDY_VISIT), ("Doradztwo ekspertów",
                                                    SessionKind.EXPERT_ADVICE),
     ("Szkolenie dla dwóch osób", SessionKind.TRAINING), ("KODEKS POSTĘPOWANIA", None)],
)
def test_kind_from_polish(title: str, kind: SessionKind | None) -> None:
    """Kinds are recognised from Polish titles; an unknown title gives None, not a guess."""
    assert SessionKind.from_polish(title) is kind


def test_split_part_forms() -> None:
    """cz.1, cz. 2 and część 3 are parts; a title without one has none."""
    assert split_part("A cz.1") == ("A", 1)
    assert split_part("A cz. 2") == ("A", 2)
    assert split_part("A część 3") == ("A", 3)
    assert split_part("Czesław") == ("Czesław", None)


def test_activity_numbers_nest() -> None:
    """2.3 sits under 2; 3.1 under 2 is refused; dash items get keys 2.3-1, 2.3-2."""
    tree = Activity("2", "B", children=(Activity("2.3", "C", children=(
        Activity(None, "x"), Activity(None, "y"))),))
    assert [a.id for a in tree.walk()] == ["2", "2.3", "2.3-1", "2.3-2"]
    with pytest.raises(ValidationError, match="cannot sit under"):
        Activity("2", "B", children=(Activity("3.1", "C"),))
    with pytest.raises(ValidationError):
        Activity("2.x", "B")


def test_contract_units() -> None:
    """A contract refuses floats and units that are not time."""
    assert Contract(id="c", title="u", hours=156, unit="lesson_hour").limit_minutes == 7020
    with pytest.raises(ValidationError):
        Contract(id="c", title="u", hours=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Contract(id="c", title="u", unit="PLN")


def test_project_refuses_dangling_references() -> None:
    """A session naming an undeclared venue, person or contract cannot be part of a project."""
    s = Session(kind="training", title="T", day=date(2018, 1, 19),
                slots=(SlotBooking(TimeSlot(time(9), time(10)), "nowhere"),), given_id="s")
    with pytest.raises(ValidationError, match="nowhere"):
        Project(title="P", sessions=(s,))
    with pytest.raises(ValidationError, match="ghost"):
        Project(title="P", contracts=(Contract(id="c", title="u", leaders=("ghost",)),))
    with pytest.raises(ValidationError, match="unique"):
        Project(title="P", people=(Person("a", "A"), Person("a", "B")))


def test_venue_and_break_validation() -> None:
    """A venue needs an address or a name; a break needs kinds and real months."""
    with pytest.raises(ValidationError):
        Venue("v")
    with pytest.raises(ValidationError):
        DeclaredBreak(kinds=[], months=[7])
    with pytest.raises(ValidationError):
        DeclaredBreak(kinds=["training"], months=[13])
