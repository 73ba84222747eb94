"""Planning: propose dates for new sessions that break none of the project's rules.

Candidate days come from dateutil's ``rrule`` over the allowed weekdays, with the days
the rules forbid excluded (``rruleset.exdate``): holidays and closures, the declared
breaks, the days on which the venue or the people are already booked at that time; then
caps per week and per month are applied. The proposal is checked once more with the
schedule rules, so what is returned is what ``check`` accepts.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time
from fractions import Fraction

import attrs
from dateutil.rrule import DAILY, rrule, rruleset

from opsreform.exceptions import PlanningError
from opsreform.findings import Severity
from opsreform.model.contracts import Contract
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SessionKind, SessionStatus, SlotBooking
from opsreform.periods import Period
from opsreform.rules.engine import run_rules
from opsreform.rules.schedule import SCHEDULE_RULES
from opsreform.text.dates import format_date
from opsreform.timeslots import TimeSlot
from opsreform.units import ureg

__all__ = ["plan"]


def plan(
    project: Project,
    *,
    slot: TimeSlot | Iterable[TimeSlot],
    kind: SessionKind | str | None = None,
    contract: str | None = None,
    period: Period | None = None,
    sessions: int | None = None,
    hours: Fraction | int | None = None,
    weekdays: Iterable[int] = (0, 1, 2, 3, 4),
    venue: str | None = None,
    leaders: Iterable[str] | None = None,
    max_per_week: int | None = None,
    max_per_month: int | None = None,
    title: str | None = None,
    id_prefix: str = "plan-",
) -> list[Session]:
    """Propose dates for new sessions.

    Args:
        project: The project whose rules, calendar and sessions constrain the plan.
        slot: The time slot(s) of each new session (e.g. ``09.00 - 15.00``).
        kind: The session kind; by default the contract's, when it has one kind.
        contract: The contract the sessions are delivered under; it gives the
            default kind, leaders, period and how much remains.
        period: Where to look for dates; by default the contract's period within the
            project period.
        sessions: How many sessions to plan.
        hours: How many hours to plan, in the contract's unit (or clock hours without
            a contract); by default what remains under the contract.
        weekdays: Allowed weekdays (Monday 0).
        venue: The venue id of the new sessions.
        leaders: Who leads them; by default the contract's leaders.
        max_per_week: At most this many sessions of the contract (or kind) per ISO week,
            counting those already scheduled.
        max_per_month: The same per calendar month.
        title: The title of the new sessions.
        id_prefix: New sessions get ids ``plan-1``, ``plan-2``…

    Returns:
        The proposed sessions, in date order.

    Raises:
        PlanningError: When the request cannot be met, saying which constraints took
            how many days; or when it is incomplete (no kind, no period, no count).

    """
    slots = (slot,) if isinstance(slot, TimeSlot) else tuple(slot)
    if not slots:
        raise PlanningError("give at least one time slot for the new sessions")
    chosen = None
    if contract is not None:
        try:
            chosen = project.contract(contract)
        except KeyError:
            known = ", ".join(c.id for c in project.contracts) or "none"
            raise PlanningError(f"no contract {contract!r} in the project (known: {known})",
                                ) from None
    session_kind = _kind(kind, chosen)
    window = _window(project, period, chosen)
    needed = _needed(project, chosen, slots, sessions, hours)
    people = tuple(leaders) if leaders is not None else (chosen.leaders if chosen else ())
    declared = {p.id for p in project.people}
    for person in people:
        if person not in declared:
            raise PlanningError(f"person {person!r} is not declared in the project")
    if venue is not None and venue not in {v.id for v in project.venues}:
        raise PlanningError(f"venue {venue!r} is not declared in the project")

    reasons: Counter[str] = Counter()
    candidates = rruleset()
    candidates.rrule(rrule(DAILY, dtstart=_dt(window.start), until=_dt(window.end),
                           byweekday=sorted(set(weekdays))))
    busy = _busy(project, venue, people, slots)
    for day in window.dates():
        why = _excluded(project, session_kind, day, busy)
        if why is not None:
            candidates.exdate(_dt(day))
            if day.weekday() in set(weekdays):
                reasons[why] += 1

    peers = [s for s in _active(project)
             if (chosen is not None and project.contract_of(s) == chosen)
             or (chosen is None and s.kind is session_kind)]
    per_week = Counter(s.first_day.isocalendar()[:2] for s in peers)
    per_month = Counter((s.first_day.year, s.first_day.month) for s in peers)
    picked: list[date] = []
    for moment in candidates:
        day = moment.date()
        week, month = day.isocalendar()[:2], (day.year, day.month)
        if max_per_week is not None and per_week[week] >= max_per_week:
            reasons["the limit per week"] += 1
            continue
        if max_per_month is not None and per_month[month] >= max_per_month:
            reasons["the limit per month"] += 1
            continue
        picked.append(day)
        per_week[week] += 1
        per_month[month] += 1
        if len(picked) == needed:
            break
    if len(picked) < needed:
        detail = ", ".join(f"{count} day(s) excluded by {why}"
                           for why, count in reasons.most_common()) or "no day excluded"
        raise PlanningError(
            f"only {len(picked)} of the {needed} sessions fit between "
            f"{format_date(window.start)} and {format_date(window.end)} on the allowed "
            f"weekdays: {detail}")
    proposal = [
        Session(kind=session_kind, title=title or (chosen.title if chosen else "sesja"),
                day=day, slots=tuple(SlotBooking(s, venue) for s in slots),
                leaders=people if leaders is not None else None,
                contract=chosen.id if chosen else None, given_id=f"{id_prefix}{n}")
        for n, day in enumerate(picked, start=1)
    ]
    _verify(project, proposal)
    return proposal


def _dt(day: date) -> datetime:
    return datetime.combine(day, time())


def _kind(kind: SessionKind | str | None, contract: Contract | None) -> SessionKind:
    if kind is not None:
        return SessionKind(kind)
    if contract is not None and len(contract.kinds) == 1:
        return next(iter(contract.kinds))
    raise PlanningError("say which kind of session to plan (the contract does not name "
                        "exactly one kind)")


def _window(project: Project, period: Period | None, contract: Contract | None) -> Period:
    window = period
    if window is None and contract is not None:
        first = contract.first_day or contract.signed
        last = contract.last_day
        if first is not None and last is not None and first <= last:
            window = Period(first, last)
    if window is None:
        window = project.period
    if window is None:
        raise PlanningError("give a period: neither the contract nor the project states one")
    if project.period is not None:
        inside = window.intersection(project.period)
        if inside is None:
            raise PlanningError(f"the period {window} lies outside the project period "
                                f"{project.period}")
        window = inside
    return window


def _needed(project: Project, contract: Contract | None, slots: tuple[TimeSlot, ...],
            sessions: int | None, hours: Fraction | int | None) -> int:
    if sessions is not None:
        if sessions < 1:
            raise PlanningError(f"cannot plan {sessions} sessions; give at least 1")
        return sessions
    minutes_each = sum(s.minutes for s in slots)
    unit = contract.unit if contract is not None else "hour"
    if hours is not None:
        wanted = Fraction(ureg.Quantity(Fraction(hours), unit).to("minute").magnitude)
        return max(1, math.ceil(wanted / minutes_each))
    if contract is None:
        raise PlanningError("say how many sessions or hours to plan")
    done = [s for s in _active(project) if project.contract_of(s) == contract]
    limit = contract.limit_minutes
    if limit is not None:
        remaining = limit - sum(s.minutes or 0 for s in done)
        if remaining <= 0:
            raise PlanningError(f"contract {contract.id} has no hours left")
        return math.ceil(remaining / minutes_each)
    if contract.sessions is not None:
        if contract.sessions - len(done) <= 0:
            raise PlanningError(f"contract {contract.id} has no sessions left")
        return contract.sessions - len(done)
    raise PlanningError("the contract states neither hours nor sessions; say how many to plan")


def _busy(project: Project, venue: str | None, people: tuple[str, ...],
          slots: tuple[TimeSlot, ...]) -> set[date]:
    """Days on which the venue or a person is already booked at an overlapping time."""
    busy: set[date] = set()
    wanted = set(people)
    for session in _active(project):
        leaders = {*project.leaders_of(session), *session.attendance.people}
        shares_people = bool(wanted & leaders)
        for booking in session.slots or ():
            clash = any(booking.slot.overlaps(s) for s in slots)
            if clash and (shares_people or (venue is not None and booking.venue == venue)):
                busy.update(session.days())
        if not session.slots and shares_people:
            busy.update(session.days())
    return busy


def _active(project: Project) -> list[Session]:
    """The sessions that take place: every one but the cancelled."""
    return [s for s in project.sessions if s.status is not SessionStatus.CANCELLED]


def _excluded(project: Project, kind: SessionKind, day: date, busy: set[date]) -> str | None:
    cal = project.calendar
    if cal.is_holiday(day):
        return "public holidays"
    if not cal.is_working_day(day):
        return "days the centre does not work"
    for declared in project.breaks:
        if kind in declared.kinds and declared.covers(day, cal):
            return "the declared break"
    if day in busy:
        return "the venue or the people being booked already"
    return None


def _verify(project: Project, proposal: list[Session]) -> None:
    trial = attrs.evolve(project, sessions=(*project.sessions, *proposal))
    new = {s.subject for s in proposal}
    for finding in run_rules(trial, SCHEDULE_RULES):
        if finding.subject in new and finding.severity is not Severity.INFO:
            raise PlanningError(f"internal check failed: {finding.message}")
