"""A per-project view of the schedule that every schedule rule shares, built once.

Resolving each session's contract (its own, else its table's) and leaders (its own,
else its contract's) is the same work for every rule; doing it once per project keeps
``check`` linear with a small constant.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from opsreform.model.sessions import Session, SessionStatus

if TYPE_CHECKING:
    from opsreform.model.contracts import Contract
    from opsreform.model.project import Project

__all__ = ["ScheduleIndex", "schedule_index"]


class ScheduleIndex:
    """The active sessions of a project with their resolved contract and leaders.

    Attributes:
        sessions: The sessions that count (not cancelled), in the project's order.
        contract_ids: For each session, the id of its contract, or None.
        leaders: For each session, who leads it.
        contracts: The project's contracts by id.

    """

    __slots__ = ("__weakref__", "contract_ids", "contracts", "leaders", "sessions")

    def __init__(self, project: Project) -> None:
        self.contracts: dict[str, Contract] = {c.id: c for c in project.contracts}
        table_contract = {t.id: t.contract for t in project.tables}
        cancelled = SessionStatus.CANCELLED
        self.sessions: list[Session] = [s for s in project.sessions if s.status is not cancelled]
        self.contract_ids: list[str | None] = [
            s.contract if s.contract is not None else table_contract.get(s.table)  # type: ignore[arg-type]
            for s in self.sessions]
        by_contract = {cid: c.leaders for cid, c in self.contracts.items()}
        self.leaders: list[tuple[str, ...]] = [
            s.leaders if s.leaders is not None else by_contract.get(cid, ()) if cid else ()
            for s, cid in zip(self.sessions, self.contract_ids, strict=True)]


_CACHE: dict[int, tuple[weakref.ref[Project], ScheduleIndex]] = {}


def schedule_index(project: Project) -> ScheduleIndex:
    """Return the project's index, building it on first use (cached while the project lives)."""
    key = id(project)
    found = _CACHE.get(key)
    if found is not None and found[0]() is project:
        return found[1]
    index = ScheduleIndex(project)

    def forget(ref: weakref.ref[Project]) -> None:
        entry = _CACHE.get(key)
        if entry is not None and entry[0] is ref:
            del _CACHE[key]

    _CACHE[key] = (weakref.ref(project, forget), index)
    return index
