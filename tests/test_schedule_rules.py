"""The schedule rules, on the real seed documents and on made-up schedules."""

from __future__ import annotations

import re
from datetime import date, time

import attrs
import pytest

from opsreform.checks import check
from opsreform.findings import Severity
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.contracts import Contract
from opsreform.model.people import Person
from opsreform.model.project import Project
from opsreform.model.sessions import (
    Attendance,
    PublishedTable,
    Session,
    SessionStatus,
    SlotBooking,
)
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.rules.schedule import (
    DoubleBooking,
    HoursExceeded,
    OutsidePeriod,
    PublicHoliday,
    SummerBreak,
    TableNumbering,
    Weekend,
)
from opsreform.text.addresses import parse_address
from opsreform.timeslots import TimeSlot
from opsreform.workcalendar import WorkCalendar
from tests.findings_util import by_rule, problems

SLOT = TimeSlot(time(9), time(12))


def session(n: int, day: date, *, kind: str = "training", slot: TimeSlot = SLOT,
            venue: str | None = "a", table: str = "t", **kw: object) -> Session:
    """A one-slot session numbered ``n`` in table ``t``."""
    return Session(kind=kind, title=f"S{n}", day=day, slots=(SlotBooking(slot, venue),),
                   table=table, number=n, **kw)  # type: ignore[arg-type]


def project(*sessions: Session, **kw: object) -> Project:
    """A small project with venues a and b, a trainer and the table t."""
    base: dict[str, object] = {
        "title": "Test",
        "venues": (Venue("a", parse_address("ul. Długa 1 00-001 Warszawa")),
                   Venue("b", parse_address("ul. Krótka 2 00-001 Warszawa"))),
        "people": (Person("trener", "Trener"), Person("sup", "Superwizor")),
        "tables": (PublishedTable("t"),),
        "sessions": sessions,
    }
    base.update(kw)
    return Project(**base)  # type: ignore[arg-type]


# --- the seed documents ---------------------------------------------------------------


def test_tarnowskie_gory_findings_are_the_real_problems(examples: dict[str, Project]) -> None:
    """001: the gap at Lp. 5, two workshop parts at one time and place, one supervisor twice.

    And, as warnings, the staff groups at two addresses at once: trainings for the
    centre's staff and supervision for its social workers on 19.01, 23.02 and 23.05.2018,
    and the social workers' two supervisions on 12.06.2018.
    """
    findings = check(examples["tarnowskie-gory"])
    schedule = [f for f in problems(findings)
                if f.rule in {"summer-break", "public-holiday", "weekend", "outside-period",
                              "double-booking", "hours-exceeded", "numbering"}]
    assert sorted((f.rule, f.subject, f.date, f.severity.value) for f in schedule) == [
        ("double-booking", "session 2018-01-16#8", date(2018, 4, 17), "error"),
        ("double-booking", "session 2018-01-superwizja#3", date(2018, 1, 19), "warning"),
        ("double-booking", "session 2018-01-superwizja#6", date(2018, 2, 23), "warning"),
        ("double-booking", "session 2018-05-07#2", date(2018, 5, 23), "warning"),
        ("double-booking", "session 2018-05-07#6", date(2018, 6, 12), "error"),
        ("double-booking", "session 2018-05-07#6", date(2018, 6, 12), "warning"),
        ("numbering", "table 2018-05-07", None, "warning"),
    ]
    training = next(f for f in schedule if f.date == date(2018, 5, 23))
    assert "PRACA SOCJALNA - WPROWADZENIE" in training.message
    assert "pracownicy socjalni MOPS" in training.message
    gap = by_rule(findings, "numbering")[0]
    assert gap.severity is Severity.WARNING
    assert "5" in gap.message


def test_tarnowskie_gory_sessions_are_all_read(examples: dict[str, Project]) -> None:
    """Every row of the three published tables becomes a session (6 + 11 + 11)."""
    p = examples["tarnowskie-gory"]
    per_table = {t.id: sum(1 for s in p.sessions if s.table == t.id) for t in p.tables}
    assert per_table == {"2018-01-16": 11, "2018-01-superwizja": 11, "2018-05-07": 6}
    assert {v.id for v in p.venues} == {"sienkiewicza-8", "bytomska-15"}
    two_places = next(s for s in p.sessions if s.id == "2018-01-superwizja#11")
    assert [b.venue for b in two_places.slots] == ["bytomska-15", "sienkiewicza-8"]


def test_tarnowskie_gory_supervision_hours_within_contract(examples: dict[str, Project]) -> None:
    """72 clock hours (96 lesson hours) of supervision are scheduled against 156 lesson hours."""
    p = examples["tarnowskie-gory"]
    minutes = sum(s.minutes or 0 for s in p.sessions if s.kind.value == "supervision")
    assert minutes == 72 * 60
    assert p.contract("superwizja").in_unit(minutes) == 96
    assert not by_rule(check(p), "hours-exceeded")


def test_michalowice_activity_tree_is_consistent(examples: dict[str, Project]) -> None:
    """000: sub-activities lie within their parents, numbering is whole, project period unknown."""
    findings = check(examples["michalowice"])
    assert not problems(findings)
    notes = by_rule(findings, "activity-outside-project", Severity.INFO)
    assert len(notes) == 1
    assert "nie jest podany" in notes[0].message


# --- the rules one by one ---------------------------------------------------------------


def test_summer_break_uses_declared_months_and_kinds() -> None:
    """A training in July breaks a June-August training break; supervision in June does not."""
    breaks = (DeclaredBreak(kinds=["training"], months=[6, 7, 8]),
              DeclaredBreak(kinds=["supervision"], months=[7, 8]))
    p = project(session(1, date(2018, 7, 3)),
                session(2, date(2018, 6, 12), kind="supervision"),
                session(3, date(2018, 7, 12), kind="supervision"), breaks=breaks)
    found = list(SummerBreak().check(p))
    assert [f.subject for f in found] == ["session t#1", "session t#3"]


def test_no_declared_break_means_no_break() -> None:
    """Without a declared break, August sessions are fine."""
    assert not list(SummerBreak().check(project(session(1, date(2018, 8, 7)))))


def test_break_limited_to_years() -> None:
    """A break declared for 2018 says nothing about 2019."""
    p = project(session(1, date(2019, 7, 2)),
                breaks=(DeclaredBreak(kinds=["training"], months=[7], years=[2018]),))
    assert not list(SummerBreak().check(p))


def test_public_holiday_and_closures() -> None:
    """3 May is a holiday; a declared closed day and a day in lieu are flagged too."""
    cal = WorkCalendar(closed=[date(2018, 5, 4)],
                       days_in_lieu={date(2020, 8, 15): date(2020, 8, 14)})
    p = project(session(1, date(2018, 5, 3)), session(2, date(2018, 5, 4)),
                session(3, date(2020, 8, 14)), session(4, date(2018, 5, 7)), calendar=cal)
    found = list(PublicHoliday().check(p))
    assert [f.subject for f in found] == ["session t#1", "session t#2", "session t#3"]
    assert "Konstytucji" in found[0].message or "Trzeciego Maja" in found[0].message


def test_weekend_is_a_warning_and_can_be_allowed() -> None:
    """A Saturday session is a weekend warning unless its kind is allowed."""
    p = project(session(1, date(2018, 5, 5)))
    [found] = Weekend().check(p)
    assert found.severity is Severity.WARNING
    assert not list(Weekend(allowed_kinds=["training"]).check(p))


def test_outside_project_and_contract_periods() -> None:
    """Sessions before signing, after the contract's end and outside the project are errors."""
    contract = Contract(id="c", title="umowa", signed=date(2018, 1, 10), ends=date(2018, 6, 30))
    p = project(session(1, date(2018, 1, 9), contract="c"),
                session(2, date(2018, 7, 2), contract="c"),
                session(3, date(2017, 12, 1)),
                period=Period(date(2018, 1, 1), date(2018, 12, 31)), contracts=(contract,))
    found = list(OutsidePeriod().check(p))
    assert sorted(f.subject for f in found) == ["session t#1", "session t#2", "session t#3"]


def test_outside_period_unknown_project_period_is_info() -> None:
    """Without a project period the rule says it could not run, never an error."""
    [note] = OutsidePeriod().check(project(session(1, date(2018, 5, 7))))
    assert note.severity is Severity.INFO


def test_double_booking_venue_touching_slots_do_not_clash() -> None:
    """08-11 and 11-14 at one venue touch; 09-12 and 11-14 overlap."""
    early, late = TimeSlot(time(8), time(11)), TimeSlot(time(11), time(14))
    day = date(2018, 5, 7)
    assert not list(DoubleBooking().check(project(session(1, day, slot=early),
                                                  session(2, day, slot=late))))
    [found] = DoubleBooking().check(project(session(1, day), session(2, day, slot=late)))
    assert found.subject == "session t#2"


def test_double_booking_person_at_two_venues() -> None:
    """One supervisor in two sessions at two venues at once is flagged; cancelled ones are not."""
    day = date(2018, 6, 12)
    p = project(session(1, day, venue="a", leaders=["sup"]),
                session(2, day, venue="b", leaders=["sup"]))
    [found] = DoubleBooking().check(p)
    assert "Superwizor" in found.message and "w różnych miejscach" in found.message
    cancelled = project(session(1, day, venue="a", leaders=["sup"]),
                        session(2, day, venue="b", leaders=["sup"],
                                status=SessionStatus.CANCELLED))
    assert not list(DoubleBooking().check(cancelled))


def test_double_booking_leaders_default_to_contract() -> None:
    """Sessions naming no leader take the contract's, and clash through it."""
    contract = Contract(id="c", title="superwizja", leaders=("sup",))
    day = date(2018, 6, 12)
    p = project(session(1, day, venue="a", contract="c"), session(2, day, venue="b",
                                                                   contract="c"),
                contracts=(contract,))
    assert len(list(DoubleBooking().check(p))) == 1


def test_double_booking_attendee_on_multi_day_visit() -> None:
    """A named attendee on a two-day study visit cannot lead a session on its second day."""
    visit = Session(kind="study-visit", title="Wizyta", period=Period(date(2021, 8, 2),
                    date(2021, 8, 3)), given_id="v", attendance=Attendance(people=("trener",)))
    p = project(visit, session(1, date(2021, 8, 3), leaders=["trener"]))
    [found] = DoubleBooking().check(p)
    assert found.date == date(2021, 8, 3)


def test_double_booking_is_found_among_many() -> None:
    """One clash among 500 sessions on distinct days is found once."""
    days = [date(2018, 1, 1) + (date(2018, 1, 2) - date(2018, 1, 1)) * i for i in range(500)]
    sessions = [session(i + 1, d) for i, d in enumerate(days)]
    sessions.append(session(501, days[250]))
    found = list(DoubleBooking().check(project(*sessions)))
    assert [f.subject for f in found] == ["session t#501"]


def test_hours_exceeded_in_the_contract_unit() -> None:
    """4 lesson hours are 3 clock hours: a fifth hour-long session passes a 4-lesson-hour limit."""
    contract = Contract(id="c", title="umowa", hours=4, unit="lesson_hour")
    fits = project(session(1, date(2018, 5, 7), contract="c"), contracts=(contract,))
    assert not list(HoursExceeded().check(fits))
    one_more = project(session(1, date(2018, 5, 7), contract="c"),
                       session(2, date(2018, 5, 8), contract="c",
                               slot=TimeSlot(time(9), time(9, 1))),
                       contracts=(contract,))
    [found] = HoursExceeded().check(one_more)
    assert found.subject == "contract c" and found.date == date(2018, 5, 8)


def test_hours_exceeded_counts_sessions() -> None:
    """A contract for 1 session with 2 scheduled is exceeded at the second."""
    contract = Contract(id="c", title="umowa", sessions=1)
    p = project(session(1, date(2018, 5, 7), contract="c"),
                session(2, date(2018, 5, 9), contract="c"), contracts=(contract,))
    [found] = HoursExceeded().check(p)
    assert "t#2" in found.message


def test_numbering_gaps_and_repeats() -> None:
    """Table numbers 1, 2, 2, 4: 2 is repeated (error) and 3 is missing (warning)."""
    day = date(2018, 5, 7)
    p = project(session(1, day), session(2, day, slot=TimeSlot(time(13), time(14))),
                attrs.evolve(session(2, date(2018, 5, 8)), given_id="x"),
                session(4, date(2018, 5, 9)))
    found = list(TableNumbering().check(p))
    assert sorted((f.severity.value, re.findall(r"\d+", f.message)[0]) for f in found) == [
        ("error", "2"), ("warning", "3")]


@pytest.mark.parametrize("rule", [SummerBreak(), PublicHoliday(), Weekend(), OutsidePeriod(),
                                  DoubleBooking(), HoursExceeded(), TableNumbering()])
def test_rules_are_quiet_on_an_empty_project(rule: object) -> None:
    """No sessions, no findings."""
    assert not list(rule.check(Project(title="empty")))  # type: ignore[attr-defined]
