"""The ``notice`` rule: a session is announced before it happens (wyprzedzenie).

001 promises that after the summer the sessions "będą odbywały się zgodnie z podanym
odpowiednio wcześniej harmonogramem" (will follow a schedule given suitably in advance),
and its table of 16.01.2018 opens with a session three days later. A session's notice
runs from the publication date of the table that announced it as it now is (the version
of its table that added or last changed it, see :mod:`opsreform.versions`) to its first
day.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import attrs
import polars as pl

from opsreform.engine.frames import Frames
from opsreform.exceptions import ValidationError
from opsreform.findings import Finding, Severity
from opsreform.messages import Message
from opsreform.model.project import Project
from opsreform.rules.engine import FrameRule, not_checked

__all__ = ["Notice"]


def _min_days(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                              or not 0 <= value <= 3660):
        raise ValidationError(f"min_days must be a whole number of days from 0 to 3660, got "
                              f"{value!r}", field=attribute.name, value=value)


def _days(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in ("calendar", "working"):
        raise ValidationError(f"days must be \"calendar\" or \"working\", got {value!r}",
                              field=attribute.name, value=value)


@attrs.frozen
class Notice(FrameRule):
    """A session is announced before its day, and as early as the project requires.

    A session dated on or before the publication of the table that announced it is a
    ``warning``: nobody could plan for it. When the project sets a minimum
    (``[rules.notice] min_days = N``), shorter notice is a ``warning`` too. There is no
    minimum by default — the programme states no number, and none is invented — so then
    the shortest notice of each dated table is told as an ``info``. A table without a
    publication date cannot be judged: one ``info`` per table.

    Attributes:
        min_days: The least notice the project requires, in days, or None for none.
        days: How notice is counted: ``calendar`` days, or ``working`` days (Monday to
            Friday but Polish public holidays and the centre's closures: the project's
            calendar). Either way it is the days after the publication date up to and
            including the session's first day (16.01 → 19.01: three days).

    """

    id = "notice"
    description = "Sessions are announced before their day (and as early as required)."
    severity = Severity.WARNING
    min_days: int | None = attrs.field(default=None, validator=_min_days)
    days: Literal["calendar", "working"] = attrs.field(default="calendar", validator=_days)

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """Late and short notices; each undated table; each table's shortest if no minimum."""
        each = ["project", "table"]
        sessions = frames.active.select("project", "position", "id", "label", "first")
        announced = frames.notices.join(sessions, on=["project", "position"])
        undated = (announced.filter(pl.col("published").is_null())
                   .group_by(each).agg(count=pl.len()).with_columns(case=pl.lit("undated")))
        dated = announced.filter(pl.col("published").is_not_null()).with_columns(
            gap=(pl.col("first") - pl.col("published")).dt.total_days())
        if self.days == "working":
            dated = dated.join(frames.workdays, on=["project", "position"]).with_columns(
                notice=pl.col("working"))
        else:
            dated = dated.with_columns(notice=pl.col("gap"))
        late = dated.filter(pl.col("gap") <= 0).with_columns(case=pl.lit("late"))
        ahead = dated.filter(pl.col("gap") > 0)
        if self.min_days is not None:
            judged = ahead.filter(pl.col("notice") < self.min_days).with_columns(
                case=pl.lit("short"))
        else:
            shortest = ahead.filter(pl.col("notice") == pl.col("notice").min().over(each))
            judged = shortest.filter(
                pl.col("position") == pl.col("position").min().over(each)).with_columns(
                case=pl.lit("unjudged"))
        return pl.concat([undated, late, judged], how="diagonal_relaxed")

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """The session announced late or too late, or what could not be judged."""
        case, table = row["case"], row["table"]
        if case == "undated":
            yield not_checked(self, f"table {table}", Message(
                "notice.undated", table=table, count=row["count"]))
            return
        facts = {"label": row["label"], "first": row["first"], "published": row["published"],
                 "table": table, "notice": row["notice"]}
        if case == "unjudged":
            yield not_checked(self, f"table {table}", Message(
                "notice.no-minimum", id=row["id"], **facts))
        elif case == "late":
            yield self.finding(f"session {row['id']}", Message("notice.late", **facts),
                               day=row["first"])
        else:
            yield self.finding(f"session {row['id']}", Message(
                f"notice.short-{self.days}", min_days=self.min_days, **facts),
                day=row["first"])


NOTICE_RULES = (Notice(),)
"""The notice rule with its default parameters (no minimum)."""
