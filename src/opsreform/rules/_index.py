"""A per-project view of the schedule that every schedule rule shares, built once.

Resolving each session's contract (its own, else its table's) and leaders (its own,
else its contract's) is the same work for every rule; doing it once per project keeps
``check`` linear with a small constant. The columns are read with ``map`` and
``operator.attrgetter`` (a loop in C, not in bytecode), and only the sessions that need
a fallback are resolved one by one.

The views of the last few projects are kept (a small cache, while the project lives),
so that the rules of one ``check`` share one view without every project checked in a
run keeping its view in memory.
"""

from __future__ import annotations

import operator
import weakref
from collections import OrderedDict
from collections.abc import Callable
from itertools import compress, repeat
from typing import TYPE_CHECKING, TypeVar

from opsreform.model.sessions import Session, SessionKind, SessionStatus

if TYPE_CHECKING:
    from opsreform.model.contracts import Contract
    from opsreform.model.project import Project

__all__ = ["ScheduleIndex", "project_cache", "schedule_index"]

_STATUS = operator.attrgetter("status")
_CONTRACT = operator.attrgetter("contract")
_TABLE = operator.attrgetter("table")
_LEADERS = operator.attrgetter("leaders")
_KIND = operator.attrgetter("kind")

T = TypeVar("T")


class ScheduleIndex:
    """The active sessions of a project with their resolved contract and leaders.

    Attributes:
        sessions: The sessions that count (not cancelled), in the project's order.
        contract_ids: For each session, the id of its contract, or None.
        leaders: For each session, who leads it.
        contracts: The project's contracts by id.

    """

    __slots__ = ("_leaders", "contract_ids", "contracts", "sessions")

    def __init__(self, project: Project) -> None:
        self.contracts: dict[str, Contract] = {c.id: c for c in project.contracts}
        every = project.sessions
        cancelled = SessionStatus.CANCELLED
        self.sessions: list[Session] = (
            list(compress(every, map(operator.is_not, map(_STATUS, every), repeat(cancelled))))
            if cancelled in map(_STATUS, every) else list(every))
        sessions = self.sessions
        contract_ids: list[str | None] = list(map(_CONTRACT, sessions))
        if None in contract_ids:
            table_contract = {t.id: t.contract for t in project.tables if t.contract}
            if table_contract:
                contract_ids = [
                    cid if cid is not None else table_contract.get(table)
                    for cid, table in zip(contract_ids, map(_TABLE, sessions), strict=True)]
        self.contract_ids = contract_ids
        self._leaders: list[tuple[str, ...]] | None = None

    @property
    def leaders(self) -> list[tuple[str, ...]]:
        """For each session, who leads it (its own leaders, else its contract's)."""
        found = self._leaders
        if found is None:
            own: list[tuple[str, ...] | None] = list(map(_LEADERS, self.sessions))
            unnamed = own.count(None)
            if unnamed:
                by_contract = {cid: c.leaders for cid, c in self.contracts.items()}
                inherited: list[tuple[str, ...]] = list(
                    map(by_contract.get, self.contract_ids, repeat(())))  # type: ignore[arg-type]
                found = (
                    inherited if unnamed == len(own) else
                    [mine if mine is not None else theirs
                     for mine, theirs in zip(own, inherited, strict=True)])
            else:
                found = own  # type: ignore[assignment]
            self._leaders = found
        return found  # type: ignore[return-value]

    def leaders_of_kind(self, kind: SessionKind) -> set[tuple[str, ...]]:
        """The distinct leader tuples of the sessions of ``kind`` (columns read in C)."""
        of_kind = list(map(operator.is_, map(_KIND, self.sessions), repeat(kind)))
        if self._leaders is not None:
            return set(compress(self._leaders, of_kind))
        own = set(map(_LEADERS, compress(self.sessions, of_kind)))
        if None in own:
            own.discard(None)
            by_contract = {cid: c.leaders for cid, c in self.contracts.items()}
            unnamed = compress(self.contract_ids, map(operator.and_, of_kind, map(
                operator.is_, map(_LEADERS, self.sessions), repeat(None))))
            own.update(map(by_contract.get, unnamed, repeat(())))  # type: ignore[arg-type]
        return own

    def leaders_at(self, position: int) -> tuple[str, ...]:
        """Who leads the session at ``position`` (without building the whole column)."""
        if self._leaders is not None:
            return self._leaders[position]
        own = self.sessions[position].leaders
        if own is not None:
            return own
        contract_id = self.contract_ids[position]
        contract = self.contracts.get(contract_id) if contract_id is not None else None
        return contract.leaders if contract is not None else ()


def project_cache(size: int) -> Callable[[Callable[[Project], T]], Callable[[Project], T]]:
    """Cache a per-project view for the last ``size`` projects, while each lives.

    Projects are frozen, so a view of one stays valid; the cache is small so that a run
    over thousands of projects does not keep every view.
    """

    def decorate(build: Callable[[Project], T]) -> Callable[[Project], T]:
        cache: OrderedDict[int, tuple[weakref.ref[Project], T]] = OrderedDict()

        def cached(project: Project) -> T:
            key = id(project)
            found = cache.get(key)
            if found is not None and found[0]() is project:
                cache.move_to_end(key)
                return found[1]
            view = build(project)

            def forget(ref: weakref.ref[Project]) -> None:
                entry = cache.get(key)
                if entry is not None and entry[0] is ref:
                    del cache[key]

            cache[key] = (weakref.ref(project, forget), view)
            cache.move_to_end(key)
            while len(cache) > size:
                cache.popitem(last=False)
            return view

        cached.__doc__ = build.__doc__
        cached.cache = cache  # type: ignore[attr-defined]
        return cached

    return decorate


@project_cache(8)
def schedule_index(project: Project) -> ScheduleIndex:
    """Return the project's index, building it on first use (cached for recent projects)."""
    return ScheduleIndex(project)
