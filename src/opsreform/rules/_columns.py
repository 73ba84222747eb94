"""Columns of a project's active sessions, read once and shared by the schedule rules.

The schedule rules ask questions of whole columns first — is any day a holiday, do two
sessions share a day — with set operations, ``sorted``, ``compress`` and ``list.index``,
which loop in C. A column is read with a list comprehension: Python 3.11 specialises its
attribute read, which makes it faster than ``map(operator.attrgetter(...))`` (see
docs/performance.md). Only the sessions a question points at are then looked at
one by one, so the findings are the same as those of a session-by-session loop
(``tests/test_rules_reference.py`` proves it on random schedules).
"""

from __future__ import annotations

import operator
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cached_property, lru_cache
from itertools import compress, islice
from typing import TYPE_CHECKING

from opsreform.model.sessions import Session, SessionKind
from opsreform.rules._index import ScheduleIndex, project_cache, schedule_index

if TYPE_CHECKING:
    from opsreform.model.project import Project

__all__ = ["ScheduleColumns", "days_off", "schedule_columns"]



class ScheduleColumns:
    """The active sessions of a project as columns (lists in session order).

    Attributes:
        index: The shared schedule index (sessions, contracts, leaders).
        days: For each session, its day, or None for a multi-day session.
        multi: The positions of the multi-day sessions.
        taken: Every day any active session takes (those of multi-day ones too), sorted,
            as often as sessions take it.
        dayset: The same days as a set.
        first: The earliest of those days, or None without sessions.
        last: The latest, or None.

    """

    def __init__(self, project: Project) -> None:
        self.index: ScheduleIndex = schedule_index(project)
        sessions = self.index.sessions
        days: list[date | None] = [s.day for s in sessions]
        self.days = days
        # Whether any session spans days is known from the facets (a few), not the days.
        self.multi: list[int] = (
            [i for i, day in enumerate(days) if day is None] if self.index.multi_day else [])
        taken: list[date] = list(filter(None, days)) if self.multi else days  # type: ignore[assignment]
        for i in self.multi:
            taken.extend(sessions[i].days())
        # Schedules are listed by date, so this sort is one pass of comparisons.
        self.taken: list[date] = sorted(taken)
        self.dayset: set[date] = set(taken)
        self.first: date | None = self.taken[0] if taken else None
        self.last: date | None = self.taken[-1] if taken else None

    @property
    def sessions(self) -> Sequence[Session]:
        """The active sessions, in the project's order."""
        return self.index.sessions

    @cached_property
    def kinds(self) -> list[SessionKind]:
        """For each session, its kind."""
        return [s.kind for s in self.index.sessions]

    def shared_days(self) -> set[date]:
        """The days two or more sessions take (a set of days with possible clashes)."""
        if len(self.dayset) == len(self.taken):
            return set()
        taken = self.taken
        return set(compress(taken, map(operator.eq, taken, islice(taken, 1, None))))

    def years(self) -> range:
        """The years from the first day's to the last day's (empty without sessions)."""
        if self.first is None or self.last is None:
            return range(0)
        return range(self.first.year, self.last.year + 1)

    def touching(self, days: set[date] | frozenset[date]) -> list[int]:
        """The positions, in order, of the sessions that take any of ``days``."""
        if not days:
            return []
        if not self.multi and len(days) <= 8:
            # A few days (the usual question): how often each occurs is read from the
            # sorted days by bisection, and its positions with list.index, which
            # compares in C at a third of the cost of a set lookup per session and
            # stops at the last occurrence.
            taken, column = self.taken, self.days
            found = []
            for day in days:
                at = -1
                for _ in range(bisect_right(taken, day) - bisect_left(taken, day)):
                    at = column.index(day, at + 1)
                    found.append(at)
            found.sort()
            return found
        found = list(compress(range(len(self.days)), map(days.__contains__, self.days)))
        if self.multi:
            sessions = self.index.sessions
            found.extend(i for i in self.multi if not days.isdisjoint(sessions[i].days()))
            found.sort()
        return found


@project_cache(2)
def schedule_columns(project: Project) -> ScheduleColumns:
    """Return the project's columns, building them on first use (cached for recent ones)."""
    return ScheduleColumns(project)


@lru_cache(maxsize=256)
def days_off(first_year: int, last_year: int, off: frozenset[int]) -> frozenset[date]:
    """The days from ``first_year`` to ``last_year`` whose weekday (Monday 0) is in ``off``.

    Computed once per span: a schedule is intersected with it in one operation.
    """
    day, end = date(first_year, 1, 1), date(last_year, 12, 31)
    found = []
    step = timedelta(days=1)
    while day <= end:
        if day.weekday() in off:
            found.append(day)
        day += step
    return frozenset(found)
