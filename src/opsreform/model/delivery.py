"""Delivery: the hours of delivered sessions per contract, month and person; indicator progress.

Only delivered sessions count (``status = "delivered"``); hours are exact (minutes, or
Fractions of a contract's unit). A fact the project does not state stays unknown: a
delivered session without stated hours is listed apart, never counted as zero, and a
session still marked planned after its last day leaves the achievement of an indicator
that counts it unknown (it may have been held or not).

>>> from datetime import date
>>> from opsreform import load_project
>>> project = load_project("examples/tarnowskie-gory.toml")
>>> delivered_hours(project).sessions
0
>>> progress = indicator_progress(project, Indicator(
...     id="x", name="x", target=10, counts="delivered-sessions"), as_of=date(2019, 6, 1))
>>> progress.achieved is None, len(progress.undecided)
(True, 28)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date
from fractions import Fraction

import attrs

from opsreform.model.indicators import Indicator, IndicatorCount
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SessionStatus

__all__ = ["DeliveredHours", "IndicatorProgress", "delivered_hours", "delivered_sessions",
           "indicator_progress", "people_of"]


def delivered_sessions(project: Project) -> Iterator[Session]:
    """Yield the project's delivered sessions, in the project's order."""
    return (s for s in project.sessions if s.status is SessionStatus.DELIVERED)


def people_of(project: Project, session: Session) -> tuple[str, ...]:
    """The ids of who took part in ``session``: its leaders, then its named attendees.

    Leaders are its own or its contract's (:meth:`Project.leaders_of`); attendees are
    those named (on a delivered session, who came). No repeats, in that order.
    """
    return tuple(dict.fromkeys((*project.leaders_of(session), *session.attendance.people)))


@attrs.frozen
class DeliveredHours:
    """The minutes of delivered sessions, summed three ways (exact integers).

    Attributes:
        by_contract: Minutes per contract id (None: sessions of no contract).
        by_month: Minutes per calendar month (``2018-05``) of a session's first day.
        by_person: Minutes per person id, of the sessions they led or attended.
        sessions: How many sessions were delivered.
        unknown: Ids of delivered sessions whose hours are not stated (not counted).

    """

    by_contract: Mapping[str | None, int]
    by_month: Mapping[str, int]
    by_person: Mapping[str, int]
    sessions: int
    unknown: tuple[str, ...]

    def in_contract_unit(self, project: Project, contract_id: str) -> Fraction:
        """The delivered hours of a contract in its own unit (lesson hours…), exactly."""
        return project.contract(contract_id).in_unit(self.by_contract.get(contract_id, 0))

    @staticmethod
    def hours(minutes: int) -> Fraction:
        """Minutes as exact clock hours."""
        return Fraction(minutes, 60)


def delivered_hours(project: Project) -> DeliveredHours:
    """Sum the minutes of the delivered sessions per contract, month and person."""
    contracts: dict[str | None, int] = defaultdict(int)
    months: dict[str, int] = defaultdict(int)
    people: dict[str, int] = defaultdict(int)
    unknown: list[str] = []
    count = 0
    for session in delivered_sessions(project):
        count += 1
        minutes = session.minutes
        if minutes is None:
            unknown.append(session.id)
            continue
        contract = project.contract_of(session)
        contracts[None if contract is None else contract.id] += minutes
        months[f"{session.first_day:%Y-%m}"] += minutes
        for person in people_of(project, session):
            people[person] += minutes
    return DeliveredHours(dict(contracts), dict(sorted(months.items())), dict(people), count,
                          tuple(unknown))


@attrs.frozen
class IndicatorProgress:
    """How far an indicator is reached, from what the project states.

    Attributes:
        indicator: The indicator.
        known: What the stated facts count for certain (a lower bound when incomplete).
        achieved: The value reached, or None when some fact it needs is not stated.
        undecided: Ids of sessions of the indicator still marked planned after their
            last day (held or not: unknown).
        unnamed: Ids of delivered sessions whose attendance or hours are not (fully)
            stated, so that what they count is unknown.

    """

    indicator: Indicator
    known: Fraction | None
    achieved: Fraction | None
    undecided: tuple[str, ...] = ()
    unnamed: tuple[str, ...] = ()

    @property
    def reached(self) -> bool | None:
        """Whether the target is reached (None when the achievement is unknown)."""
        return None if self.achieved is None else self.achieved >= self.indicator.target

    @property
    def share(self) -> Fraction | None:
        """The achieved part of the target (1 = reached), or None when unknown."""
        return None if self.achieved is None else self.achieved / self.indicator.target


def indicator_progress(project: Project, indicator: Indicator, *, as_of: date
                       ) -> IndicatorProgress:
    """Count what the project achieved toward ``indicator`` by the day ``as_of``.

    Args:
        project: The project.
        indicator: One of its indicators (or any indicator to count over it).
        as_of: The day of the count: a session still planned whose last day is before
            it may have been held, so it makes the achievement unknown; one on or after
            it has not been held yet and counts nothing.

    Returns:
        The progress; ``achieved`` is None when a fact it needs is not stated.

    """
    if not indicator.counts.from_sessions:
        return IndicatorProgress(indicator, indicator.achieved, indicator.achieved)
    chosen = [s for s in project.sessions
              if not indicator.kinds or s.kind in indicator.kinds]
    undecided = tuple(s.id for s in chosen if s.status is SessionStatus.PLANNED
                      and _last_day(s) < as_of)
    delivered = [s for s in chosen if s.status is SessionStatus.DELIVERED]
    unnamed: list[str] = []
    known: Fraction
    if indicator.counts is IndicatorCount.DELIVERED_SESSIONS:
        known = Fraction(len(delivered))
    elif indicator.counts is IndicatorCount.DELIVERED_HOURS:
        unnamed = [s.id for s in delivered if s.minutes is None]
        known = sum((Fraction(s.minutes, 60) for s in delivered if s.minutes is not None),
                    Fraction(0))
    else:
        people: set[str] = set()
        for session in delivered:
            attendance = session.attendance
            people.update(attendance.people)
            complete = (bool(attendance.people) if attendance.attended is None
                        else attendance.attended == len(set(attendance.people)))
            if not complete:
                unnamed.append(session.id)
        known = Fraction(len(people))
    complete = not undecided and not unnamed
    return IndicatorProgress(indicator, known, known if complete else None, undecided,
                             tuple(unnamed))


def _last_day(session: Session) -> date:
    return session.day if session.day is not None else session.period.end  # type: ignore[union-attr]
