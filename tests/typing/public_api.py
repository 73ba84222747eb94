"""Pins the public types: type-checked by mypy, never run."""

from datetime import date, time

import opsreform

period: opsreform.Period = opsreform.parse_period("lipiec – listopad 2018 roku")
periods: tuple[opsreform.Period, ...] = opsreform.parse_periods("2-3 sierpnia 2021 r.")
day: date = opsreform.parse_date("22.05.2018")
slots: tuple[opsreform.TimeSlot, ...] = opsreform.parse_slots("08.00 - 11.00")
start: time = slots[0].start
minutes: int = slots[0].minutes
text: str = opsreform.format_period(period)
working: bool = opsreform.WorkCalendar().is_working_day(day)
project: opsreform.Project = opsreform.load_project("examples/tarnowskie-gory.toml")
findings: list[opsreform.Finding] = opsreform.check(project)
severity: opsreform.Severity = findings[0].severity
proposal: list[opsreform.Session] = opsreform.plan(project, slot=slots, sessions=1,
                                                   kind=opsreform.SessionKind.TRAINING)
call: opsreform.CallNumber = opsreform.parse_call_number("POWR.02.05.00-IP.03-00-012/17")
bound: opsreform.StatedAmount = opsreform.parse_amount_bound("ponad 421 tys. zł")
written: str = opsreform.dumps_project(project)
origin: opsreform.ProjectOrigin | None = project.origin
roles: tuple[opsreform.UnitRole, ...] = opsreform.roles_from_name("Zespół ds. usług i świadczeń")
unit_roles: tuple[opsreform.UnitRole, ...] = opsreform.Unit(
    "z", "Zespół X", "team", roles=["services", "benefits-by-decision"]).roles
groups: tuple[opsreform.Group, ...] = project.groups
attending: tuple[str, ...] = project.groups_of(project.sessions[0])
engaged: tuple[opsreform.PersonEngagement, ...] | None = project.people[0].engagements
absences: tuple[opsreform.Period, ...] = project.people[0].absences
