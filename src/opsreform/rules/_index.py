"""A per-project view of the schedule that every schedule rule shares, built once.

Resolving each session's contract (its own, else its table's) and leaders (its own,
else its contract's) is the same work for every rule; it is done once per project and
once per :class:`~opsreform.model.sessions.SessionFacet` (the values many sessions
share), so that ``check`` reads one column of a million sessions and counts it (a
``Counter``, in C), instead of resolving each session.

The views of the last few projects are kept (a small cache),
so that the rules of one ``check`` share one view without every project checked in a
run keeping its view in memory.
"""

from __future__ import annotations

import threading
import weakref
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from itertools import compress
from typing import TYPE_CHECKING, TypeVar

from opsreform.model.sessions import Session, SessionFacet, SessionKind, SessionStatus

if TYPE_CHECKING:
    from opsreform.model.contracts import Contract
    from opsreform.model.project import Project

__all__ = ["ScheduleIndex", "project_cache", "schedule_index"]

T = TypeVar("T")


class ScheduleIndex:
    """The active sessions of a project with their resolved contract and leaders.

    Contracts and leaders are resolved once per :class:`SessionFacet` (a few per project),
    not once per session; the per-session columns are built only when a rule asks.

    Attributes:
        sessions: The sessions that count (not cancelled), in the project's order.
        counts: How many active sessions have each facet.
        every_facet: The facets of all the project's sessions, cancelled ones included.
        tables: Every table id of the project's sessions, cancelled ones included
            (None for sessions without a table).
        contracts: The project's contracts by id.
        contract_of: For each facet counted, the id of its contract (its own, else its
            table's), or None.
        leaders_of: For each facet counted, who leads its sessions (its own leaders,
            else its contract's).
        multi_day: Whether any active session spans several days.

    """

    __slots__ = ("_contract_ids", "_leaders", "contract_of", "contracts", "counts",
                 "every_facet", "leaders_of", "multi_day", "sessions", "tables")

    def __init__(self, project: Project) -> None:
        self.contracts: dict[str, Contract] = {c.id: c for c in project.contracts}
        every = project.sessions
        counts = Counter([s.facet for s in every])
        self.every_facet: set[SessionFacet] = set(counts)
        cancelled = SessionStatus.CANCELLED
        if any(f.status is cancelled for f in counts):
            keep = [s.facet.status is not cancelled for s in every]
            self.sessions: Sequence[Session] = list(compress(every, keep))
            counts = Counter([s.facet for s in self.sessions])
        else:
            self.sessions = every
        self.counts: Counter[SessionFacet] = counts
        self.contract_of: dict[SessionFacet, str | None] = {}
        self.leaders_of: dict[SessionFacet, tuple[str, ...]] = {}
        self.multi_day = False
        # One session per facet (a few per project) is resolved by the model's own
        # Project.contract_of and Project.leaders_of: the facet holds everything they read.
        example = {s.facet: s for s in reversed(self.sessions)} if counts else {}
        for f in counts:
            session = example[f]
            contract = project.contract_of(session)
            self.contract_of[f] = None if contract is None else contract.id
            self.leaders_of[f] = project.leaders_of(session)
            if f.multi_day:
                self.multi_day = True
        self.tables: set[str | None] = {f.table for f in self.every_facet}
        self._contract_ids: list[str | None] | None = None
        self._leaders: list[tuple[str, ...]] | None = None

    @property
    def contract_ids(self) -> list[str | None]:
        """For each session, the id of its contract, or None (built on first use)."""
        found = self._contract_ids
        if found is None:
            found = self._contract_ids = list(
                map(self.contract_of.__getitem__, [s.facet for s in self.sessions]))
        return found

    @property
    def leaders(self) -> list[tuple[str, ...]]:
        """For each session, who leads it (its own leaders, else its contract's)."""
        found = self._leaders
        if found is None:
            found = self._leaders = list(
                map(self.leaders_of.__getitem__, [s.facet for s in self.sessions]))
        return found

    def leaders_of_kind(self, kind: SessionKind) -> set[tuple[str, ...]]:
        """The distinct leader tuples of the active sessions of ``kind``."""
        return {leaders for f, leaders in self.leaders_of.items() if f.kind is kind}

    def leaders_at(self, position: int) -> tuple[str, ...]:
        """Who leads the session at ``position``."""
        return self.leaders_of[self.sessions[position].facet]

    def contract_totals(self) -> dict[str | None, tuple[int, int | None]]:
        """For each contract id (None: no contract), its active sessions and minutes.

        The minutes are None when any of those sessions has no stated hours. Summed per
        facet: a few additions, whatever the number of sessions.
        """
        totals: dict[str | None, tuple[int, int | None]] = {}
        contract_of = self.contract_of
        for facet, n in self.counts.items():
            cid = contract_of[facet]
            count, minutes = totals.get(cid, (0, 0))
            totals[cid] = (count + n, None if minutes is None or facet.minutes is None
                           else minutes + facet.minutes * n)
        return totals


def project_cache(size: int) -> Callable[[Callable[[Project], T]], Callable[[Project], T]]:
    """Cache a per-project view for the last ``size`` projects.

    Projects are frozen, so a view of one stays valid; the cache is small so that a run
    over thousands of projects does not keep every view (a view of a project that is gone
    stays until ``size`` others push it out). Safe to call from several threads: a view
    is only ever returned for the project it was built from.
    """

    def decorate(build: Callable[[Project], T]) -> Callable[[Project], T]:
        cache: OrderedDict[int, tuple[weakref.ref[Project], T]] = OrderedDict()
        lock = threading.Lock()
        # The rules of one check ask for the same project's view one after another. One
        # slot holds the last entry and is replaced whole, so a thread reads an entry (a
        # project's weak reference with its view) or another, never half of each.
        last: list[tuple[weakref.ref[Project], T] | None] = [None]

        def cached(project: Project) -> T:
            entry = last[0]
            if entry is not None and entry[0]() is project:
                return entry[1]
            key = id(project)
            with lock:
                found = cache.get(key)
                if found is not None and found[0]() is project:
                    cache.move_to_end(key)
                    last[0] = found
                    return found[1]
            # Built outside the lock: threads checking different projects do not wait.
            entry = (weakref.ref(project), build(project))
            with lock:
                cache[key] = entry
                cache.move_to_end(key)
                while len(cache) > size:
                    cache.popitem(last=False)
            last[0] = entry
            return entry[1]

        cached.__doc__ = build.__doc__
        cached.cache = cache  # type: ignore[attr-defined]
        return cached

    return decorate


@project_cache(2)
def schedule_index(project: Project) -> ScheduleIndex:
    """Return the project's index, building it on first use (cached for recent projects)."""
    return ScheduleIndex(project)
