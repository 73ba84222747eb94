"""The frames of the ``notice`` rule: which table announced each session, and when.

A session's notice runs from the publication of the table that announced it as it now
is — the version of its table that added it or last changed it
(:func:`opsreform.versions.lineages`) — to its first day. Which version that is, is
decided by matching the versions in Python, once per project; the rule's judgement is
a query over these frames.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

import polars as pl

from opsreform.versions import lineages

if TYPE_CHECKING:
    from opsreform.model.project import Project

__all__ = ["notices_frame", "workdays_frame"]

_KEY = pl.UInt32


def notices_frame(batch: Sequence[Project], versioned: Sequence[int]) -> pl.DataFrame:
    """One row per session that a table announced, of the projects ``versioned``.

    A project with versions of its tables: which version announced each session is
    found by matching the versions (:func:`opsreform.versions.lineages`).
    """
    project: list[int] = []
    position: list[int] = []
    table: list[str] = []
    published: list[date | None] = []
    for i in versioned:
        p = batch[i]
        dates = {t.id: t.published for t in p.tables}
        announced = [line.announced for line in lineages(p)[:len(p.schedule)]]
        for k, name in enumerate(announced):
            if name is not None:
                project.append(i)
                position.append(k)
                table.append(name)
                published.append(dates[name])
    return pl.DataFrame({"project": project, "position": position, "table": table,
                         "published": published},
                        schema={"project": _KEY, "position": _KEY, "table": pl.String,
                                "published": pl.Date})


def workdays_frame(batch: Sequence[Project], notices: pl.DataFrame) -> pl.DataFrame:
    """The working days after each dated table's publication, up to the session's first day.

    Counted with the project's own calendar (weekends, Polish public holidays, closures,
    days in lieu): one running count per project over the days its notices span, so a
    thousand sessions cost one pass over the calendar, not one each.
    """
    dated = notices.filter(pl.col("published").is_not_null())
    project: list[int] = []
    position: list[int] = []
    working: list[int] = []
    for (i,), rows in dated.group_by("project", maintain_order=True):
        p = batch[int(i)]
        firsts = p.schedule.frame.get_column("first").gather(rows["position"]).to_list()
        published = list(rows["published"])
        start = min(published + firsts)
        end = max(published + firsts)
        count = [0]
        day = start
        while day <= end:  # count[n]: working days from start up to start + n, inclusive
            count.append(count[-1] + (1 if p.calendar.is_working_day(day) else 0))
            day += timedelta(days=1)
        for k, when, first in zip(rows["position"], published, firsts, strict=True):
            project.append(int(i))
            position.append(k)
            after = count[(first - start).days + 1] - count[(when - start).days + 1]
            working.append(after)
    return pl.DataFrame({"project": project, "position": position, "working": working},
                        schema={"project": _KEY, "position": _KEY, "working": pl.Int64})
