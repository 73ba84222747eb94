"""Planning: proposed dates are those the project's own rules accept, or refusals by rule."""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path
from typing import ClassVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsreform.checks import check
from opsreform.exceptions import PlanningError
from opsreform.files.project import load_project
from opsreform.findings import Finding, Severity
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.people import Person
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SlotBooking
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.planning import PER_WEEK, Refusal, plan, refusal_text
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import Rule
from opsreform.rules.schedule import Weekend
from opsreform.timeslots import TimeSlot

DATA = Path(__file__).parent / "data" / "planning"
FULL_DAY = TimeSlot(time(8), time(14))
MORNING = TimeSlot(time(9), time(12))


def _new_problems(project: Project, proposal: list[Session]) -> list[Finding]:
    """What the project's own rules say with the proposal and not without it (no info)."""
    before = Counter(check(project))
    after = Counter(check(attrs.evolve(project, sessions=(*project.sessions, *proposal))))
    return [f for f in after - before if f.severity is not Severity.INFO]


@attrs.frozen
class OnLeave(Rule):
    """A rule the planner does not know: a person is on leave (urlop) for some days."""

    id = "test-on-leave"
    person: str = ""
    days: tuple[date, ...] = ()
    description: ClassVar[str] = "Nobody leads a session while on leave."

    def check(self, project: Project) -> Iterator[Finding]:
        """Each session the person leads on a day of their leave."""
        for session in project.sessions:
            if self.person in project.leaders_of(session) and session.first_day in self.days:
                yield self.finding(session.subject, f"{self.person} jest na urlopie",
                                   day=session.first_day)


Rule.registry.pop(OnLeave.id)  # a test's rule: not one a project file may name


def test_plan_remaining_supervision_of_tarnowskie_gory(examples: dict[str, Project]) -> None:
    """45 h left under the contract: seven whole 6-hour sessions, none giving a finding."""
    p = examples["tarnowskie-gory"]
    proposal = plan(p, contract="superwizja", slot=FULL_DAY, max_per_week=1,
                    period=Period(date(2018, 7, 1), date(2019, 2, 28)))
    assert len(proposal) == 7
    assert all(s.first_day.month not in (7, 8) for s in proposal)  # the declared break
    assert all(p.calendar.is_working_day(s.first_day) for s in proposal)
    weeks = [s.first_day.isocalendar()[:2] for s in proposal]
    assert len(set(weeks)) == len(weeks)
    assert _new_problems(p, proposal) == []


def test_plan_an_eighth_session_is_refused_by_the_contract(
        examples: dict[str, Project]) -> None:
    """Asking for eight sessions, the eighth over the contract: hours-exceeded refuses."""
    with pytest.raises(PlanningError) as caught:
        plan(examples["tarnowskie-gory"], contract="superwizja", slot=FULL_DAY,
             sessions=8, max_per_week=1, period=Period(date(2018, 7, 1), date(2019, 2, 28)))
    assert "hours-exceeded" in {r.rule for r in caught.value.refusals}
    assert "only 7 of the 8" in str(caught.value)


@pytest.mark.parametrize("name", ["michalowice", "niedrzwica-duza", "swilcza",
                                  "tarnowskie-gory", "warszawa-ochota"])
def test_plans_on_every_example_add_no_finding(examples: dict[str, Project],
                                               name: str) -> None:
    """On every seed example, three trainings planned at its first venue give no new finding."""
    p = examples[name]
    venue = p.venues[0].id if p.venues else None
    # Where the document states no period, unknown is not zero: the dates are given.
    window = p.period or Period(date(2018, 9, 1), date(2018, 12, 31))
    proposal = plan(p, kind="training", slot=MORNING, sessions=3, venue=venue,
                    period=window)
    assert len(proposal) == 3
    assert _new_problems(p, proposal) == []


def test_plan_avoids_holidays_and_busy_days() -> None:
    """Around 1-3 May the plan skips the holidays and the weekend."""
    p = Project(title="P", period=Period(date(2018, 4, 30), date(2018, 5, 11)))
    proposal = plan(p, kind="training", slot=FULL_DAY, sessions=3, weekdays=[0, 1, 2, 3])
    assert [s.first_day for s in proposal] == [date(2018, 4, 30), date(2018, 5, 2),
                                               date(2018, 5, 7)]


def test_plan_avoids_a_double_booking_with_an_existing_session() -> None:
    """The venue is taken on Monday morning: the plan goes to Tuesday, not to Monday."""
    taken = Session(kind="workshop", title="W", day=date(2018, 9, 3), given_id="w1",
                    slots=(SlotBooking(TimeSlot(time(10), time(11)), "sala"),))
    p = Project(title="P", period=Period(date(2018, 9, 3), date(2018, 9, 7)),
                venues=(Venue("sala", name="Sala"),), sessions=(taken,))
    proposal = plan(p, kind="training", slot=MORNING, sessions=1, venue="sala")
    assert [s.first_day for s in proposal] == [date(2018, 9, 4)]
    afternoon = plan(p, kind="training", slot=TimeSlot(time(11), time(14)), sessions=1,
                     venue="sala")
    assert [s.first_day for s in afternoon] == [date(2018, 9, 3)]  # 11.00 only touches


def test_plan_refuses_with_reasons_by_rule_id() -> None:
    """Five trainings in an August break: refused, each rule with its days and first day."""
    p = Project(title="P", period=Period(date(2018, 8, 1), date(2018, 8, 31)),
                breaks=(DeclaredBreak(kinds=["training"], months=[6, 7, 8]),))
    with pytest.raises(PlanningError) as caught:
        plan(p, kind="training", slot=FULL_DAY, sessions=5)
    refusals = {r.rule: r for r in caught.value.refusals}
    assert refusals["summer-break"] == Refusal("summer-break", 31, date(2018, 8, 1))
    assert refusals["weekend"] == Refusal("weekend", 8, date(2018, 8, 4))
    assert refusals["public-holiday"] == Refusal("public-holiday", 1, date(2018, 8, 15))
    assert refusal_text(caught.value, "pl") == (
        "zmieściło się tylko 0 z 5 sesji między 01.08.2018 a 31.08.2018: summer-break "
        "odrzuca dni: 31 (pierwszy 01.08.2018); weekend odrzuca dni: 8 (pierwszy "
        "04.08.2018); public-holiday odrzuca dni: 1 (pierwszy 15.08.2018)")
    assert refusal_text(caught.value, "en").startswith(
        "only 0 of the 5 sessions fit between 2018-08-01 and 2018-08-31: summer-break "
        "refuses 31 day(s), the first 2018-08-01")
    clone = pickle.loads(pickle.dumps(caught.value))
    assert clone.refusals == caught.value.refusals and clone.said == caught.value.said


def test_weekend_study_visits_where_the_project_allows_them() -> None:
    """``[rules.weekend] allowed_kinds`` with study visits gives weekend dates; defaults don't."""
    allowed = load_project(DATA / "weekend-visits.toml")
    strict = load_project(DATA / "weekend-strict.toml")
    ask = {"kind": "study-visit", "slot": FULL_DAY, "sessions": 3}
    assert [s.first_day for s in plan(allowed, **ask)] == [
        date(2018, 9, 1), date(2018, 9, 2), date(2018, 9, 3)]
    assert [s.first_day for s in plan(strict, **ask)] == [
        date(2018, 9, 3), date(2018, 9, 4), date(2018, 9, 5)]
    # A training is not allowed at the weekend by either project.
    assert all(s.first_day.weekday() < 5 for s in plan(allowed, kind="training",
                                                       slot=FULL_DAY, sessions=5))


def test_a_rule_the_planner_does_not_know_refuses_days() -> None:
    """A project's own rule with its own parameters (a leave) refuses days, by its id."""
    leave = OnLeave(person="anna", days=(date(2018, 9, 3), date(2018, 9, 4)))
    p = Project(title="P", period=Period(date(2018, 9, 3), date(2018, 9, 14)),
                people=(Person("anna", "Anna"),), rules=(*default_rules(), leave))
    proposal = plan(p, kind="training", slot=FULL_DAY, sessions=2, leaders=["anna"])
    assert [s.first_day for s in proposal] == [date(2018, 9, 5), date(2018, 9, 6)]
    without = attrs.evolve(p, rules=None)
    assert [s.first_day for s in plan(without, kind="training", slot=FULL_DAY, sessions=2,
                                      leaders=["anna"])] == [date(2018, 9, 3),
                                                             date(2018, 9, 4)]
    with pytest.raises(PlanningError) as caught:
        plan(p, kind="training", slot=FULL_DAY, sessions=9, leaders=["anna"])
    assert Refusal("test-on-leave", 2, date(2018, 9, 3)) in caught.value.refusals


def test_rules_given_override_the_projects() -> None:
    """``rules=`` replaces the project's choice: without the weekend rule, Saturdays fit."""
    p = Project(title="P", period=Period(date(2018, 9, 1), date(2018, 9, 30)))
    proposal = plan(p, kind="training", slot=FULL_DAY, sessions=1,
                    rules=[r for r in default_rules() if not isinstance(r, Weekend)])
    assert proposal[0].first_day == date(2018, 9, 1)  # a Saturday


def test_limits_per_week_are_refusals_too() -> None:
    """The per-week limit is counted among the refusals under its own id."""
    p = Project(title="P", period=Period(date(2018, 9, 3), date(2018, 9, 9)))
    with pytest.raises(PlanningError) as caught:
        plan(p, kind="training", slot=FULL_DAY, sessions=2, max_per_week=1)
    assert Refusal(PER_WEEK, 4, date(2018, 9, 4)) in caught.value.refusals


def test_plan_needs_a_count_and_a_period() -> None:
    """Without a count or a period the request is incomplete, and says so."""
    with pytest.raises(PlanningError, match="how many"):
        plan(Project(title="P", period=Period(date(2018, 1, 1), date(2018, 2, 1))),
             kind="training", slot=FULL_DAY)
    with pytest.raises(PlanningError, match="period"):
        plan(Project(title="P"), kind="training", slot=FULL_DAY, sessions=1)


def test_plan_hours_in_contract_unit(examples: dict[str, Project]) -> None:
    """8 lesson hours are 6 clock hours: one 6-hour session."""
    proposal = plan(examples["tarnowskie-gory"], contract="superwizja", slot=FULL_DAY,
                    hours=8, period=Period(date(2018, 9, 1), date(2018, 9, 30)))
    assert len(proposal) == 1


def _reference(project: Project, day_slots: list[TimeSlot], count: int, venue: str,
               max_per_week: int | None) -> list[date]:
    """The plain reference: day by day, keep a session ``check`` says nothing new about."""
    picked: list[Session] = []
    for day in project.period.dates() if project.period else ():
        if len(picked) == count:
            break
        week = day.isocalendar()[:2]
        if max_per_week is not None and sum(
                s.first_day.isocalendar()[:2] == week for s in picked) >= max_per_week:
            continue
        candidate = Session(kind="training", title="sesja", day=day, given_id=f"plan-"
                            f"{len(picked) + 1}", slots=tuple(SlotBooking(s, venue)
                                                              for s in day_slots))
        base = attrs.evolve(project, sessions=(*project.sessions, *picked))
        if not _new_problems(base, [candidate]):
            picked.append(candidate)
    return [s.first_day for s in picked]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=st.dates(date(2018, 4, 20), date(2018, 12, 20)),
       taken=st.lists(st.tuples(st.integers(0, 20), st.integers(8, 15)), max_size=6),
       hour=st.integers(8, 14), count=st.integers(1, 6),
       per_week=st.none() | st.integers(1, 3))
def test_plan_equals_the_plain_reference(start: date, taken: list[tuple[int, int]],
                                         hour: int, count: int,
                                         per_week: int | None) -> None:
    """The batched planner proposes exactly the days the day-by-day reference does."""
    existing = tuple(
        Session(kind="workshop", title="W", day=start + timedelta(days=offset),
                given_id=f"w{n}", slots=(SlotBooking(TimeSlot(time(at), time(at + 2)),
                                                      "sala"),))
        for n, (offset, at) in enumerate(taken))
    p = Project(title="P", period=Period(start, start + timedelta(days=20)),
                venues=(Venue("sala", name="Sala"),), sessions=existing,
                breaks=(DeclaredBreak(kinds=["training"], months=[7, 8]),))
    slot = TimeSlot(time(hour), time(hour + 2))
    expected = _reference(p, [slot], count, "sala", per_week)
    if len(expected) < count:
        with pytest.raises(PlanningError):
            plan(p, kind="training", slot=slot, sessions=count, venue="sala",
                 max_per_week=per_week)
    else:
        assert [s.first_day for s in plan(p, kind="training", slot=slot, sessions=count,
                                          venue="sala", max_per_week=per_week)] == expected


def test_the_projects_own_calendar_refuses_fridays_and_closed_days() -> None:
    """A centre working Monday to Thursday: no Friday, no closed day, reasons by rule."""
    p = load_project(DATA / "four-day-week.toml")
    proposal = plan(p, kind="workshop", slot=MORNING, sessions=8)
    days = [s.first_day for s in proposal]
    assert all(d.weekday() < 4 for d in days) and date(2018, 9, 13) not in days
    assert days[:4] == [date(2018, 9, 3), date(2018, 9, 4), date(2018, 9, 5),
                        date(2018, 9, 6)]
    with pytest.raises(PlanningError) as caught:
        plan(p, kind="workshop", slot=MORNING, sessions=20)
    refusals = {r.rule: r for r in caught.value.refusals}
    assert refusals["weekend"].first == date(2018, 9, 1)
    assert refusals["weekend"].days == 14  # 4 Fridays, 5 Saturdays, 5 Sundays
    assert refusals["public-holiday"] == Refusal("public-holiday", 1, date(2018, 9, 13))


def test_plan_keeps_attending_groups_off_absences_and_clashes() -> None:
    """A group whose member is on leave, or which attends another session, is not booked.

    Ewa Nowak (in the social workers' group) is absent 10-14.02.2020; the staff group,
    which contains the social workers, has a training on 11.02 at another venue.
    """
    project = load_project(DATA / "absences.toml")
    slot = TimeSlot(time(10), time(12))
    window = Period(date(2020, 2, 10), date(2020, 2, 21))
    with_group = plan(project, slot=slot, kind="supervision", period=window, sessions=3,
                      venue="gok", groups=["ps"])
    assert [s.day for s in with_group] == [date(2020, 2, 17), date(2020, 2, 18),
                                           date(2020, 2, 19)]
    assert all(s.attendance.groups == ("ps",) for s in with_group)
    # Without the group, only the venue (taken on 11.02 by the supervision) limits it.
    alone = plan(project, slot=slot, kind="supervision", period=window, sessions=3,
                 venue="gok")
    assert [s.day for s in alone] == [date(2020, 2, 10), date(2020, 2, 12),
                                      date(2020, 2, 13)]
    with pytest.raises(PlanningError) as info:
        plan(project, slot=slot, kind="supervision", sessions=3, venue="gok",
             period=Period(date(2020, 2, 10), date(2020, 2, 14)), groups=["ps"])
    refused = {r.rule: r.days for r in info.value.refusals}
    assert refused["absence"] == 5
    assert refused["double-booking"] >= 1
    with pytest.raises(PlanningError, match="group 'nobody' is not declared"):
        plan(project, slot=slot, kind="supervision", period=window, sessions=1,
             groups=["nobody"])


def test_plan_command_takes_groups_and_leaders(capsys: pytest.CaptureFixture[str]) -> None:
    """``--groups`` and ``--leaders`` reach the planner from the command line."""
    from opsreform.cli import main

    code = main(["plan", str(DATA / "absences.toml"), "--kind", "supervision",
                 "--period", "10.02.2020 - 21.02.2020", "--sessions", "1",
                 "--slot", "10.00 - 12.00", "--venue", "gok", "--groups", "ps",
                 "--leaders", "kow"])
    assert code == 0
    assert "17 lutego 2020" in capsys.readouterr().out
