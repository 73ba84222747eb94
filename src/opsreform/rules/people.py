"""The rules about people: absences, and a person's hours in a month across projects.

``absence``: nobody leads or attends a session on a day of their leave.
``person-hours``: the hours a person leads sessions in a calendar month, with their
other declared work (``engagements``), stay within the programme's cap of 276 hours a
month in all ESF projects and other work (the eligibility guidelines for 2014–2020,
personnel costs). Over a batch of projects (:func:`~opsreform.check_many`) a person is
one person in every project that gives them the same ``key``.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import attrs
import polars as pl

from opsreform.engine.frames import ENGINE, Frames
from opsreform.findings import Finding
from opsreform.messages import Message
from opsreform.model.people import TICKS_PER_MINUTE
from opsreform.model.project import Project
from opsreform.rules.engine import FrameRule, Rule, not_checked

__all__ = ["PEOPLE_RULES", "Absence", "PersonHours"]


@attrs.frozen
class Absence(FrameRule):
    """No session is led or attended by a person on a day they are absent (on leave).

    A session's people are its leaders (its own, else its contract's), its named
    attendees and the members of its groups. Each session is reported once per absent
    person, on the first day of it they are absent. Cancelled sessions do not count.
    Over a batch of projects, a person's absences stated in one file hold in every file
    that gives them the same ``key``.
    """

    id = "absence"
    description = "Nobody leads or attends a session while absent."

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """Each session and absent person, on the first day of it in an absence."""
        away = frames.absences.select(pl.len()).collect(engine=ENGINE).item()
        if away == 0:  # nobody is ever away
            return pl.LazyFrame(schema={"project": pl.UInt32})
        active = frames.active
        people = pl.concat([
            active.select("project", "position", person="leaders", leads=pl.lit(True))
            .explode("person"),
            active.select("project", "position", person="attendees", leads=pl.lit(False))
            .explode("person"),
            frames.attending.filter(~pl.col("resource").str.starts_with("group:"))
            .select("project", "position", person="resource", leads=pl.lit(False)),
        ]).drop_nulls("person").group_by("project", "position", "person").agg(
            pl.col("leads").any())
        away = _identified(frames.absences, frames).join(
            frames.sources.select("project", "same", "source"), on="project").select(
            "who", "start", "end", "same", away_source="source")
        return (
            _identified(people, frames)
            .join(frames.days, on=["project", "position"])
            .join(frames.sources.select("project", "same"), on="project")
            .join(away, on="who", suffix="_away")
            .filter(pl.col("day").is_between("start", "end"))
            .sort("day", "start")
            .group_by("project", "position", "person").agg(pl.all().first())
            .join(active.select("project", "position", "id", "label"),
                  on=["project", "position"])
            .join(frames.people.select("project", "person", "name"),
                  on=["project", "person"], how="left")
        )

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """The session, the person, their role and the absence."""
        role = Message("absence.leads" if row["leads"] else "absence.attends")
        facts = {"person": row["name"] or row["person"], "start": row["start"],
                 "end": row["end"], "role": role, "label": row["label"], "id": row["id"],
                 "day": row["day"]}
        if row["same_away"] == row["same"]:
            message = Message("absence.absent", **facts)
        else:
            message = Message("absence.absent-elsewhere", other=row["away_source"], **facts)
        yield self.finding(f"session {row['id']}", message, day=row["day"])


def _to_cap(value: int | float | str | Fraction) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Fraction):
        msg = f"the cap is a number of hours, got {value!r}"
        raise ValueError(msg)
    try:
        cap = Fraction(str(value).strip().replace(",", ".")) if not isinstance(
            value, Fraction) else value
    except (ValueError, ZeroDivisionError):
        msg = f"the cap is a number of hours, got {value!r}"
        raise ValueError(msg) from None
    if cap <= 0:
        msg = f"the cap is a number of hours above 0, got {value}"
        raise ValueError(msg)
    return cap


@attrs.frozen
class PersonHours(FrameRule):
    """A person's hours in a calendar month stay within the cap (276 hours by default).

    A month's hours are the clock hours of the sessions the person leads that day by
    day fall in it (cancelled ones do not count), plus their declared engagements:
    an FTE times the working-time norm of the month's days the engagement lasts (8 h
    each weekday that is not a public holiday), or the hours a month it states. An
    engagement repeated alike in two projects' files is counted once. Sums are exact.

    Over the cap is an ``error``, on every project of the batch where the person has
    sessions or engagements that month. Unknowns are never guessed: a month with an
    engagement of unknown size, or led sessions without stated hours, gets an ``info``
    (unless the known hours alone are over the cap); a person who leads sessions and
    whose engagements are not stated in any file gets one ``info``.

    Attributes:
        cap: The most hours a month (the programme's 276).

    """

    id = "person-hours"
    description = "A person's monthly hours in all projects stay within the cap (276)."
    cap: Fraction = attrs.field(default=Fraction(276), converter=_to_cap)

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """Each person-month over the cap or not fully known, on each project concerned."""
        ticks = TICKS_PER_MINUTE
        led = (frames.active.select("project", "position", "minutes", person="leaders")
               .explode("person").drop_nulls("person"))
        month = pl.col("day").dt.truncate("1mo").alias("month")
        # A file given twice is one project: its sessions count once.
        sessions = (_identified(led.filter(pl.col("minutes").is_not_null())
                                .select("project", "position", "person")
                                .join(frames.bookings, on=["project", "position"]), frames)
                    .join(frames.sources.select("project", "same"), on="project")
                    .unique(["who", "same", "position", "day", "start"])
                    .select("project", "person", month,
                            led=pl.col("minutes").cast(pl.Int64) * ticks))
        unknown = (led.filter(pl.col("minutes").is_null())
                   .join(frames.days, on=["project", "position"])
                   .join(frames.sources.select("project", "same"), on="project")
                   .select("project", "person", month, session=pl.concat_str(
                       "same", pl.lit("#"), pl.col("position").cast(pl.String))))
        engaged = frames.engaged.select("project", "person", "month", "engagement",
                                        engaged="ticks", unsure=pl.col("ticks").is_null())
        rows = (_identified(pl.concat([sessions, unknown, engaged], how="diagonal_relaxed"),
                            frames)
                .join(frames.sources.select("project", "source"), on="project"))
        each = ["who", "month"]
        # An engagement stated alike in two files is one engagement.
        once = (rows.filter(pl.col("engagement").is_not_null())
                .unique([*each, "engagement"])
                .group_by(each).agg(engaged=pl.col("engaged").sum(),
                                    unsure=pl.col("unsure").any()))
        totals = (rows.group_by(each).agg(
                      led=pl.col("led").sum(),
                      unknown=pl.col("session").drop_nulls().n_unique(),
                      projects=pl.col("source").unique().sort())
                  .join(once, on=each, how="left")
                  .with_columns(pl.col("engaged").fill_null(0),
                                pl.col("unsure").fill_null(False))
                  .with_columns(total=pl.col("led") + pl.col("engaged")))
        limit = self.cap * 60 * ticks
        judged = (totals.with_columns(case=pl.when(
                      pl.col("total") * limit.denominator > limit.numerator)
                      .then(pl.lit("over"))
                      .when("unsure").then(pl.lit("unknown-engagement"))
                      .when(pl.col("unknown") > 0).then(pl.lit("unknown-session")))
                  .drop_nulls("case"))
        per_month = rows.select("project", "person", *each).unique().join(judged, on=each)
        # Engagements not stated in any file that names the person: one note each.
        people = _identified(frames.people.select("project", "person"), frames).join(
            frames.undeclared.with_columns(silent=pl.lit(True)), on=["project", "person"],
            how="left").with_columns(pl.col("silent").fill_null(False))
        silent = people.group_by("who").agg(pl.col("silent").all()).filter("silent")
        undeclared = (led.select("project", "person").unique()
                      .join(people, on=["project", "person"])
                      .join(silent, on="who", how="semi")
                      .select("project", "person", case=pl.lit("undeclared")))
        return (pl.concat([per_month, undeclared], how="diagonal_relaxed")
                .join(frames.people.select("project", "person", "name"),
                      on=["project", "person"], how="left"))

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """The person's month: its hours and where, or what is not known."""
        subject, case = f"person {row['person']}", row["case"]
        person = row["name"] or row["person"]
        if case == "undeclared":
            yield not_checked(self, subject, Message(
                "person-hours.undeclared", person=person, cap=self.cap))
            return
        per_hour = 60 * TICKS_PER_MINUTE
        month = row["month"].strftime("%m.%Y")
        hours = Fraction(row["total"], per_hour)
        if case == "over":
            projects = row["projects"]
            where = Message("person-hours.where", projects=projects) if len(
                projects) > 1 else ""
            yield self.finding(subject, Message(
                "person-hours.over", person=person, month=month, hours=hours,
                sessions=Fraction(row["led"], per_hour),
                engaged=Fraction(row["engaged"], per_hour), where=where, cap=self.cap),
                day=row["month"])
        elif case == "unknown-engagement":
            yield not_checked(self, subject, Message(
                "person-hours.unknown-engagement", person=person, month=month,
                cap=self.cap, hours=hours))
        else:
            yield not_checked(self, subject, Message(
                "person-hours.unknown-session", person=person, month=month,
                count=row["unknown"], cap=self.cap, hours=hours))


PEOPLE_RULES: tuple[Rule, ...] = (Absence(), PersonHours())
"""The rules about people with their default parameters."""


def _identified(rows: pl.LazyFrame, frames: Frames) -> pl.LazyFrame:
    """``rows`` with ``who``: the person's key, else one of their own (project and id)."""
    return rows.join(frames.keys.select("project", "person", "key"),
                     on=["project", "person"], how="left").with_columns(
        who=pl.coalesce("key", pl.concat_str(pl.lit("\0"), pl.col("project").cast(pl.String),
                                             pl.lit("\0"), "person")))
