"""Planning: propose dates for new sessions that the project's own rules accept.

The planner does not know what a rule forbids. For each candidate day it adds the
proposed session to the project and asks the project's own rules, with the project's
own parameters (``project.rules``, else the default rules) — the rules ``check`` runs.
A day is accepted when the rules give no new finding with it than without it (``info``
notes aside: a check that cannot run for lack of facts refuses nothing). So a
``[rules.weekend] allowed_kinds = ["study-visit"]`` lets study visits fall on
Saturdays, a rule a project adds (absences of people, say) is kept without the planner
knowing it, and every refusal is explained by the rule id that refused.

Speed: the candidates of a round go through the engine as one batch, one project per
candidate (:func:`opsreform.engine.evaluate` builds the frames once for all of them);
a round takes more candidates than are still needed, so a plan takes a few rounds.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from fractions import Fraction

import attrs

from opsreform.engine import evaluate
from opsreform.exceptions import PlanningError
from opsreform.findings import Finding, Severity
from opsreform.messages import Lang, Message
from opsreform.model.contracts import Contract
from opsreform.model.project import Project
from opsreform.model.sessions import (
    NOBODY_STATED,
    Attendance,
    Session,
    SessionKind,
    SessionStatus,
    SlotBooking,
)
from opsreform.periods import Period
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import Rule
from opsreform.timeslots import TimeSlot
from opsreform.units import ureg

__all__ = ["PER_MONTH", "PER_WEEK", "Refusal", "plan", "refusal_text"]

PER_WEEK = "max-per-week"
"""The id under which days refused by the ``max_per_week`` limit are counted."""
PER_MONTH = "max-per-month"
"""The id under which days refused by the ``max_per_month`` limit are counted."""

_FIRST_ROUND = 32
"""Candidates judged in the first round (at least twice what is still needed)."""


@attrs.frozen
class Refusal:
    """Why candidate days were refused: one rule (or limit), how many days, the first.

    Attributes:
        rule: The id of the rule that gave a new finding for the session on those days
            (``public-holiday``, ``weekend``…), or :data:`PER_WEEK` / :data:`PER_MONTH`.
        days: How many candidate days it refused.
        first: The first day it refused.

    """

    rule: str
    days: int
    first: date

    def message(self) -> Message:
        """The refusal as a message (said in Polish or English)."""
        return Message("planning.refused-by", rule=self.rule, days=self.days,
                       first=self.first)


def plan(
    project: Project,
    *,
    slot: TimeSlot | Iterable[TimeSlot],
    kind: SessionKind | str | None = None,
    contract: str | None = None,
    period: Period | None = None,
    sessions: int | None = None,
    hours: Fraction | int | None = None,
    weekdays: Iterable[int] | None = None,
    venue: str | None = None,
    leaders: Iterable[str] | None = None,
    groups: Iterable[str] = (),
    attendees: Iterable[str] = (),
    max_per_week: int | None = None,
    max_per_month: int | None = None,
    title: str | None = None,
    id_prefix: str = "plan-",
    rules: Iterable[Rule] | None = None,
) -> list[Session]:
    """Propose dates for new sessions that the project's rules accept.

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
            a contract); by default as many whole sessions as the hours that remain
            under the contract hold.
        weekdays: The weekdays to consider (Monday 0); by default every day, and the
            rules decide (a project's ``weekend`` rule may allow some kinds at weekends).
        venue: The venue id of the new sessions.
        leaders: Who leads them; by default the contract's leaders.
        groups: The ids of the project's groups that attend them (``[[groups]]``): the
            rules then keep the groups and their members from being booked twice or
            while absent.
        attendees: The ids of people who attend them, named one by one.
        max_per_week: At most this many sessions of the contract (or kind) per ISO week,
            counting those already scheduled.
        max_per_month: The same per calendar month.
        title: The title of the new sessions.
        id_prefix: New sessions get ids ``plan-1``, ``plan-2``…
        rules: The rules to ask; by default the project's own (as :func:`~opsreform.check`).

    Returns:
        The proposed sessions, in date order: with them added, the rules give no
        finding (other than ``info`` notes) that they do not give without them.

    Raises:
        PlanningError: When the request cannot be met, with the rules that refused how
            many days (:attr:`PlanningError.refusals`); or when it is incomplete (no
            kind, no period, no count).

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
    named = tuple(attendees)
    for person in (*people, *named):
        if person not in declared:
            raise PlanningError(f"person {person!r} is not declared in the project")
    attending = tuple(groups)
    known_groups = {g.id for g in project.groups}
    for group in attending:
        if group not in known_groups:
            raise PlanningError(f"group {group!r} is not declared in the project")
    attendance = (Attendance(groups=attending, people=named) if attending or named
                  else NOBODY_STATED)
    if venue is not None and venue not in {v.id for v in project.venues}:
        raise PlanningError(f"venue {venue!r} is not declared in the project")
    allowed = set(range(7)) if weekdays is None else set(weekdays)

    def session(day: date, number: int) -> Session:
        return Session(kind=session_kind, title=title or (chosen.title if chosen else "sesja"),
                       day=day, slots=tuple(SlotBooking(s, venue) for s in slots),
                       leaders=people if leaders is not None else None,
                       attendance=attendance,
                       contract=chosen.id if chosen else None,
                       given_id=f"{id_prefix}{number}")

    peers = [s for s in project.sessions if s.status is not SessionStatus.CANCELLED
             and ((chosen is not None and project.contract_of(s) == chosen)
                  or (chosen is None and s.kind is session_kind))]
    limits = _Limits(max_per_week, max_per_month, peers)
    judge = _Judge(project, tuple(rules) if rules is not None else _own_rules(project))
    waiting = [day for day in window.dates() if day.weekday() in allowed]
    picked: list[Session] = []
    size = max(_FIRST_ROUND, 2 * needed)
    while waiting and len(picked) < needed:
        batch, waiting = waiting[:size], waiting[size:]
        size *= 2
        fits = judge.fits([session(day, len(picked) + 1) for day in batch], picked)
        taken: list[Session] = []
        limited: list[tuple[str, date]] = []
        for n, day in enumerate(fits):
            if len(picked) + len(taken) == needed:
                # Not needed now; judged again should the taken ones not hold together.
                waiting = sorted([*fits[n:], *waiting])
                break
            limit = limits.refuses(day)
            if limit is not None:
                limited.append((limit, day))
                continue
            taken.append(session(day, len(picked) + len(taken) + 1))
            limits.take(day)
        if len(taken) > 1 and not judge.accepts(picked, taken):
            # Together they give a finding none gives alone (e.g. a limit of the
            # contract): keep the first, judged exactly, and judge the rest again.
            # The days a limit refused counted the sessions let go: judge them again too.
            for extra in taken[1:]:
                limits.release(extra.first_day)
            waiting = sorted([*(s.first_day for s in taken[1:]),
                              *(day for _, day in limited), *waiting])
            taken, limited = taken[:1], []
        for limit, day in limited:
            judge.refuse(limit, day)
        picked.extend(taken)
    if len(picked) < needed:
        refusals = judge.refusals()
        said = Message("planning.refused", found=len(picked), needed=needed,
                       start=window.start, end=window.end)
        detail = "; ".join(r.message().text("en") for r in refusals) or "no day refused"
        raise PlanningError(f"{said.text('en')}: {detail}", refusals=refusals, said=said)
    return picked


def refusal_text(error: PlanningError, lang: str = "pl") -> str:
    """Say a refused plan in ``lang`` (``pl`` or ``en``): what fits, and which rules refused.

    An incomplete request (no refusals, no message) is said as its English text.
    """
    said = error.said
    if not isinstance(said, Message):
        return str(error)
    language: Lang = "en" if lang == "en" else "pl"
    reasons = [r.message().text(language) for r in error.refusals
               if isinstance(r, Refusal)]
    head = said.text(language)
    return f"{head}: {'; '.join(reasons)}" if reasons else head


def _own_rules(project: Project) -> tuple[Rule, ...]:
    """The project's own rules with their parameters, else the defaults (as ``check``)."""
    return project.rules if project.rules is not None else default_rules()


class _Limits:
    """The per-week and per-month caps, counting the sessions already scheduled."""

    def __init__(self, per_week: int | None, per_month: int | None,
                 peers: Sequence[Session]) -> None:
        self.per_week, self.per_month = per_week, per_month
        self.weeks = Counter(s.first_day.isocalendar()[:2] for s in peers)
        self.months = Counter((s.first_day.year, s.first_day.month) for s in peers)

    def refuses(self, day: date) -> str | None:
        if self.per_week is not None and self.weeks[day.isocalendar()[:2]] >= self.per_week:
            return PER_WEEK
        if self.per_month is not None and self.months[(day.year, day.month)] >= self.per_month:
            return PER_MONTH
        return None

    def take(self, day: date) -> None:
        self.weeks[day.isocalendar()[:2]] += 1
        self.months[(day.year, day.month)] += 1

    def release(self, day: date) -> None:
        self.weeks[day.isocalendar()[:2]] -= 1
        self.months[(day.year, day.month)] -= 1


def _key(finding: Finding) -> tuple[object, ...]:
    return (finding.rule, finding.severity, finding.subject, finding.message, finding.date)


class _Judge:
    """Asks the rules about candidate sessions, and remembers who refused which day."""

    def __init__(self, project: Project, rules: tuple[Rule, ...]) -> None:
        self.project, self.rules = project, rules
        self.refused: dict[str, list[date]] = {}

    def _with(self, sessions: Sequence[Session]) -> Project:
        return attrs.evolve(self.project, sessions=(*self.project.sessions, *sessions))

    def _new(self, base: list[Finding], trial: list[Finding]) -> list[Finding]:
        """The findings of ``trial`` that ``base`` does not have (``info`` aside)."""
        left = Counter(_key(f) for f in base)
        new = []
        for finding in trial:
            key = _key(finding)
            if left[key] > 0:
                left[key] -= 1
            elif finding.severity is not Severity.INFO:
                new.append(finding)
        return new

    def fits(self, candidates: list[Session], picked: list[Session]) -> list[date]:
        """The days of ``candidates`` the rules accept one by one beside ``picked``."""
        # One batch: the base (the project with what is picked) and one project per
        # candidate; the engine builds its frames once for all of them.
        trials = [self._with(picked), *(self._with([*picked, c]) for c in candidates)]
        found = evaluate(trials, [self.rules] * len(trials))
        days = []
        for candidate, trial in zip(candidates, found[1:], strict=True):
            new = self._new(found[0], trial)
            for rule in sorted({f.rule for f in new}):
                self.refuse(rule, candidate.first_day)
            if not new:
                days.append(candidate.first_day)
        return days

    def accepts(self, picked: list[Session], taken: list[Session]) -> bool:
        """Whether the rules accept ``taken`` together beside ``picked``."""
        base, trial = evaluate([self._with(picked), self._with([*picked, *taken])],
                               [self.rules] * 2)
        return not self._new(base, trial)

    def refuse(self, rule: str, day: date) -> None:
        self.refused.setdefault(rule, []).append(day)

    def refusals(self) -> tuple[Refusal, ...]:
        """Each rule with how many days it refused and the first, most days first."""
        found = [Refusal(rule, len(days), min(days)) for rule, days in self.refused.items()]
        return tuple(sorted(found, key=lambda r: (-r.days, r.rule)))


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
    done = [s for s in project.sessions
            if s.status is not SessionStatus.CANCELLED and project.contract_of(s) == contract]
    limit = contract.limit_minutes
    if limit is not None:
        remaining = limit - sum(s.minutes or 0 for s in done)
        # Whole sessions only: one more would run over the contract (``hours-exceeded``).
        if remaining < minutes_each:
            raise PlanningError(f"contract {contract.id} has no hours left for a session of "
                                f"{Fraction(minutes_each, 60)} h")
        return math.floor(remaining / minutes_each)
    if contract.sessions is not None:
        if contract.sessions - len(done) <= 0:
            raise PlanningError(f"contract {contract.id} has no sessions left")
        return contract.sessions - len(done)
    raise PlanningError("the contract states neither hours nor sessions; say how many to plan")

