"""Planning: proposed dates keep every rule, or the request is refused with reasons."""

from __future__ import annotations

from datetime import date, time

import attrs
import pytest

from opsreform.checks import check
from opsreform.exceptions import PlanningError
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.project import Project
from opsreform.periods import Period
from opsreform.planning import plan
from opsreform.rules.schedule import SCHEDULE_RULES
from opsreform.timeslots import TimeSlot
from tests.findings_util import problems

FULL_DAY = TimeSlot(time(8), time(14))


def test_plan_remaining_supervision_of_tarnowskie_gory(examples: dict[str, Project]) -> None:
    """156 lesson hours less the 72 clock hours scheduled leave 45 h: eight 6-hour sessions."""
    p = examples["tarnowskie-gory"]
    proposal = plan(p, contract="superwizja", slot=FULL_DAY, max_per_week=1,
                    period=Period(date(2018, 7, 1), date(2019, 2, 28)))
    assert len(proposal) == 8
    assert all(s.first_day.month not in (7, 8) for s in proposal)  # the declared break
    assert all(p.calendar.is_working_day(s.first_day) for s in proposal)
    weeks = [s.first_day.isocalendar()[:2] for s in proposal]
    assert len(set(weeks)) == len(weeks)
    trial = attrs.evolve(p, sessions=(*p.sessions, *proposal))
    new = {s.subject for s in proposal}
    assert not [f for f in problems(check(trial, SCHEDULE_RULES)) if f.subject in new]


def test_plan_avoids_holidays_and_busy_days() -> None:
    """Around 1-3 May the plan skips the holidays and the day the venue is taken."""
    p = Project(title="P", period=Period(date(2018, 4, 30), date(2018, 5, 11)))
    proposal = plan(p, kind="training", slot=FULL_DAY, sessions=3, weekdays=[0, 1, 2, 3])
    assert [s.first_day for s in proposal] == [date(2018, 4, 30), date(2018, 5, 2),
                                               date(2018, 5, 7)]


def test_plan_refuses_with_reasons() -> None:
    """Asking for 5 trainings in an August break explains what excluded the days."""
    p = Project(title="P", period=Period(date(2018, 8, 1), date(2018, 8, 31)),
                breaks=(DeclaredBreak(kinds=["training"], months=[6, 7, 8]),))
    with pytest.raises(PlanningError, match="declared break"):
        plan(p, kind="training", slot=FULL_DAY, sessions=5)


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
