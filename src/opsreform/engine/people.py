"""The rows of the frames about people: who attends through groups, keys, engagements.

Plain Python over the model (groups are few and small); :class:`~opsreform.engine.Frames`
turns the rows into frames once per batch.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import polars as pl

from opsreform.model.groups import GroupBook
from opsreform.model.people import TICKS_PER_MINUTE

if TYPE_CHECKING:
    from opsreform.model.project import Project

__all__ = ["attending_rows", "engaged_rows", "key_rows", "same_of", "source_of"]


def source_of(project: Project) -> str:
    """How findings name a project: its file, else its title."""
    if project.origin is not None and project.origin.path is not None:
        return project.origin.path
    return project.title


def same_of(project: Project, position: int) -> str:
    """What a project is: its file's absolute path, else its position in the batch."""
    if project.origin is not None and project.origin.path is not None:
        return os.path.abspath(project.origin.path)
    return f"#{position}"


def attending_rows(projects: Sequence[Project]) -> dict[str, list[Any]]:
    """One row per session and each group (and part) and member attending it."""
    rows: dict[str, list[Any]] = {k: [] for k in ("project", "position", "resource", "name")}
    for i, project in enumerate(projects):
        if not project.groups:
            continue
        book = GroupBook(project.groups)
        names = {p.id: p.name for p in project.people}
        columns = project.schedule.frame.select("groups", "table")
        for position, (own, table) in enumerate(columns.iter_rows()):
            found: dict[str, str] = {}
            for group_id in project.groups_named(own, table):
                for part in sorted(book.within(group_id)):
                    found[f"group:{part}"] = book.groups[part].name
                for member in sorted(book.members(group_id)):
                    found[member] = names[member]
            for resource, name in found.items():
                for column, value in (("project", i), ("position", position),
                                      ("resource", resource), ("name", name)):
                    rows[column].append(value)
    return rows


def key_rows(projects: Sequence[Project]) -> dict[str, list[Any]]:
    """One row per person with a key."""
    rows = [(i, person.id, person.key, source_of(p)) for i, p in enumerate(projects)
            for person in p.people if person.key is not None]
    return {name: [r[k] for r in rows]
            for k, name in enumerate(("project", "person", "key", "source"))}


def engaged_rows(projects: Sequence[Project]) -> dict[str, list[Any]]:
    """One row per person, engagement and month it touches: its ticks, or None (unknown)."""
    rows: list[tuple[int, str, date, str, int | None]] = []
    every: tuple[tuple[int, int], ...] | None = None
    for i, project in enumerate(projects):
        for person in project.people:
            for engagement in person.engagements or ():
                said = repr(engagement)
                if engagement.period is not None:
                    months = engagement.period.months()
                else:  # no period: every month anything of the batch happens in
                    every = _months(projects) if every is None else every
                    months = every
                for year, month in months:
                    minutes = engagement.minutes_in(year, month)
                    ticks = None if minutes is None else int(minutes * TICKS_PER_MINUTE)
                    rows.append((i, person.id, date(year, month, 1), said, ticks))
    return {name: [r[k] for r in rows]
            for k, name in enumerate(("project", "person", "month", "engagement", "ticks"))}


def _months(projects: Sequence[Project]) -> tuple[tuple[int, int], ...]:
    """Every month of the batch's project periods and sessions."""
    months: set[tuple[int, int]] = set()
    for project in projects:
        if project.period is not None:
            months.update(project.period.months())
        days = project.schedule.frame.select(
            day=pl.date_ranges("first", "last").explode().dt.month_start()).unique()
        months.update((day.year, day.month) for day in days.get_column("day"))
    return tuple(sorted(months))
