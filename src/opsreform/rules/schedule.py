"""The schedule rules: breaks, holidays, weekends, periods, double bookings, hours, numbering.

Each rule states what it finds once, as a polars query over the engine's frames
(:class:`~opsreform.engine.Frames`: sessions, their days and bookings, and each project's
facts) returning the offending rows, and its Polish message once, as a function of a
row. The engine evaluates the queries for one project or a whole batch at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import attrs
import polars as pl

from opsreform.engine.frames import ENGINE, Frames
from opsreform.findings import Finding, Severity
from opsreform.messages import Message
from opsreform.model._validators import to_kinds
from opsreform.model.activities import Activity
from opsreform.model.project import Project
from opsreform.model.sessions import SessionKind
from opsreform.rules.engine import FrameRule, Rule, not_checked
from opsreform.units import minutes_per

__all__ = [
    "SCHEDULE_RULES",
    "DoubleBooking",
    "HoursExceeded",
    "OutsidePeriod",
    "PublicHoliday",
    "SummerBreak",
    "TableNumbering",
    "Weekend",
]

_SESSION = ["project", "position", "id", "label", "first", "last", "kind"]
"""The columns of a session its findings name."""


def _session_days(frames: Frames) -> pl.LazyFrame:
    """Each day of each session that counts, with the session's columns."""
    return frames.days.join(frames.active.select(_SESSION), on=["project", "position"])


def _subject(row: dict[str, Any], column: str = "id") -> str:
    return f"session {row[column]}"


@attrs.frozen
class SummerBreak(FrameRule):
    """No session of a kind the project suspends during its declared break.

    The break is the project's own (see :class:`~opsreform.model.breaks.DeclaredBreak`);
    a project that declares none has none. Each session is reported once per break, on
    its first day in it; a break that follows the school holidays in a year the
    ``holidays`` package has no data for is reported instead, on the first such day.
    """

    id = "summer-break"
    description = "Sessions respect the breaks the project declares (e.g. summer)."

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """Each session's first day in a declared break of its kind (or unknowable)."""
        day = pl.col("day")
        return (
            _session_days(frames)
            .join(frames.breaks, on=["project", "kind"])
            .with_columns(year=day.dt.year())
            .filter(pl.col("years").is_null() | pl.col("years").list.contains(pl.col("year")))
            .join(frames.school_breaks, on="year", how="left")
            .with_columns(unknown=pl.col("school") & pl.col("start").is_null())
            .filter(pl.col("unknown") | pl.when(pl.col("school"))
                    .then(day.is_between("start", "end"))
                    .otherwise(pl.col("months").list.contains(day.dt.month())))
            .filter(day == day.min().over("project", "brk", "position"))
        )

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """The session in the break, or the year whose school holidays are not known."""
        if row["unknown"]:
            message = Message("summer-break.unknown-year", year=row["year"])
        elif row["school"]:
            message = Message("summer-break.in-school-break", label=row["label"],
                              day=row["day"], kind=row["kind"])
        else:
            message = Message("summer-break.in-break", label=row["label"], day=row["day"],
                              months=row["months"], kind=row["kind"])
        yield self.finding(_subject(row), message, day=row["day"])


@attrs.frozen
class PublicHoliday(FrameRule):
    """No session on a Polish public holiday or on a day the centre declared closed.

    Nor on a day the centre gives off in lieu of a Saturday holiday.
    """

    id = "public-holiday"
    description = "No session on a public holiday or a day the centre is closed."

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """Each session day that is a holiday, a closed day or a day given in lieu."""
        closed = frames.closed.with_columns(closed=pl.lit(True))
        return (
            _session_days(frames)
            .join(frames.holidays, on="day", how="left")
            .join(closed, on=["project", "day"], how="left")
            .join(frames.lieu, on=["project", "day"], how="left")
            .filter(pl.col("name").is_not_null() | pl.col("closed").is_not_null()
                    | pl.col("holiday").is_not_null())
        )

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """The session and why its day is not a working one."""
        session = {"label": row["label"], "first": row["first"]}
        if row["name"] is not None:
            message = Message("public-holiday.holiday", name=row["name"], **session)
        elif row["closed"]:
            message = Message("public-holiday.closed", **session)
        else:
            message = Message("public-holiday.lieu", holiday=row["holiday"], **session)
        yield self.finding(_subject(row), message, day=row["day"])


@attrs.frozen
class Weekend(FrameRule):
    """No session on a day of the week the centre does not work (Saturday, Sunday).

    Attributes:
        allowed_kinds: Kinds that may be held at weekends (for example study visits,
            when a project plans them so).

    """

    id = "weekend"
    description = "No session at the weekend (on days the centre does not work)."
    severity = Severity.WARNING
    allowed_kinds: frozenset[SessionKind] = attrs.field(
        factory=frozenset, converter=to_kinds
    )

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """Each day of a session of a kind not allowed, on a weekday the centre is off."""
        return (
            _session_days(frames)
            .filter(~pl.col("kind").is_in(sorted(k.value for k in self.allowed_kinds)))
            .with_columns(weekday=pl.col("day").dt.weekday())
            .join(frames.weekdays, on=["project", "weekday"], how="anti")
        )

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """The session and the weekday."""
        yield self.finding(_subject(row), Message(
            "weekend.day", label=row["label"], first=row["first"], day=row["day"]),
            day=row["day"])


@attrs.frozen
class OutsidePeriod(FrameRule):
    """Every session lies within the project period and within its contract's dates.

    A session that starts before its contract was signed is reported for that (not
    also for starting before the contract's period).
    """

    id = "outside-period"
    description = "Sessions lie within the project period and their contract's period."

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """Projects without a period; sessions outside theirs or their contract's dates."""
        first, last = pl.col("first"), pl.col("last")
        sessions = frames.active.select(*_SESSION, "contract")
        periods = frames.projects
        unknown = (periods.group_by("project").agg(pl.col("start").is_null().all().alias("none"))
                   .filter("none").join(sessions, on="project", how="semi")
                   .select("project", case=pl.lit("no-period")))
        # Each session against the period in force on its first day (the latest amendment
        # in force by then, else the period as signed).
        in_force = (sessions.join(periods, on="project")
                    .filter(pl.col("since").is_null() | (pl.col("since") <= first))
                    .sort("since", nulls_last=False)
                    .group_by("project", "position", maintain_order=True).last())
        project = (in_force.filter((first < pl.col("start")) | (last > pl.col("end")))
                   .with_columns(case=pl.lit("project"), day=first))
        contract = sessions.join(frames.contracts, on=["project", "contract"])
        before = (contract.filter(first < pl.col("signed")).with_columns(
                      case=pl.lit("signed"), bound=pl.col("signed"), day=first),
                  contract.filter(pl.col("signed").is_null() | (first >= pl.col("signed")))
                  .filter(first < pl.col("opens")).with_columns(
                      case=pl.lit("opens"), bound=pl.col("opens"), day=first),
                  contract.filter(last > pl.col("closes")).with_columns(
                      case=pl.lit("closes"), bound=pl.col("closes"), day=last))
        return pl.concat([unknown, project, *before], how="diagonal_relaxed")

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """The session and the dates it leaves."""
        case = row["case"]
        if case == "no-period":
            yield not_checked(self, "project", Message("outside-period.no-period"))
            return
        session = {"label": row["label"], "first": row["first"]}
        if case == "project":
            message = Message("outside-period.project", start=row["start"], end=row["end"],
                              **session)
        else:
            message = Message(f"outside-period.{case}", contract=row["contract"],
                              bound=row["bound"], **session)
        yield self.finding(_subject(row), message, day=row["day"])


@attrs.frozen
class DoubleBooking(FrameRule):
    """One venue, or one person, is not in two sessions at overlapping times on one day.

    A person also cannot be at two venues at once. Slots are half-open: 08.00-11.00 and
    11.00-14.00 touch but do not overlap. A multi-day session without stated hours
    (a study visit) takes its people for the whole of each of its days. A session's
    people are its leaders (its own, else its contract's) and its named attendees.

    Each pair of sessions that clash is reported once per venue or person they share, on
    the first day they clash, about the one that comes later in the project's list.

    Groups (:class:`~opsreform.model.groups.Group`): two sessions at once at different
    venues that share a declared group, a group part of one the other has, or a member
    of one (named in the other or in its group) are reported once per pair, as a
    ``warning``: the group's people may be split between them, and the coordinator
    should confirm.

    Across projects (a batch of :func:`~opsreform.check_many`): a person whose ``key``
    is the same in two projects, in sessions of both at overlapping times, is reported
    on each of the two sessions, naming the other project and session; an ``error`` when
    the person is named in both, a ``warning`` when only through a group.
    """

    id = "double-booking"
    description = "No venue and no person is booked twice at the same time."

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """Each pair of sessions booking one venue or person at once, on the first day."""
        # Two sessions can clash only on a day both take (its first and last differ).
        bookings = frames.bookings.filter(
            pl.col("position").min().over("project", "day")
            < pl.col("position").max().over("project", "day"))
        people = (frames.active.select(
            "project", "position", person=pl.concat_list("leaders", "attendees").list.unique())
            .explode("person").drop_nulls("person"))
        by_resource = pl.concat([
            bookings.drop_nulls("venue").select(
                "project", "position", "day", "start", "end", what=pl.lit("venue"),
                resource="venue"),
            bookings.join(people, on=["project", "position"]).select(
                "project", "position", "day", "start", "end", what=pl.lit("person"),
                resource="person"),
        ])
        key = ["project", "day", "what", "resource"]
        pairs = (
            by_resource.filter(pl.len().over(key) > 1)  # booked more than once that day
            .join(by_resource, on=key, suffix="_2")
            .filter(pl.col("position") < pl.col("position_2"),
                    pl.col("start") < pl.col("end_2"), pl.col("start_2") < pl.col("end"))
            .group_by("project", "what", "resource", "position", "position_2")
            .agg(pl.col("day").min())
        )
        if not _empty(frames.attending):  # (most batches declare no groups: no query)
            pairs = pl.concat([pairs, _group_pairs(frames, bookings, people)],
                              how="diagonal_relaxed")
        pairs = pairs.cache()
        # (One plan node read three times below, which polars does not find alone:
        # evaluated once per query, kept for nothing longer.)
        # Where each session of a pair is held (its venues as a set), to say "apart".
        paired = pl.concat([pairs.select("project", "position"),
                            pairs.select("project", position="position_2")])
        held = (frames.places.join(paired, on=["project", "position"], how="semi")
                .group_by("project", "position").agg(venues=pl.col("venue").unique().sort()))
        sessions = frames.active.select("project", "position", "id", "label")
        local = (
            pairs.join(sessions, on=["project", "position"])
            .join(sessions, left_on=["project", "position_2"],
                  right_on=["project", "position"], suffix="_2")
            .join(held, on=["project", "position"], how="left")
            .join(held, left_on=["project", "position_2"],
                  right_on=["project", "position"], how="left", suffix="_2")
            .join(frames.people, left_on=["project", "resource"],
                  right_on=["project", "person"], how="left")
            .join(frames.venues, left_on=["project", "resource"],
                  right_on=["project", "venue"], how="left")
            .with_columns(apart=pl.col("venues").fill_null([])
                          != pl.col("venues_2").fill_null([]))
            # Groups (people who may be split between sessions) clash only apart.
            .filter((pl.col("what") != "group") | pl.col("apart"))
        )
        if _empty(frames.keys):  # nobody with a key: nobody shared with another project
            return local
        return pl.concat([local, _across_projects(frames, people)], how="diagonal_relaxed")

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """The later session of the pair, the resource, and the earlier one."""
        both = {"label": row["label"], "label_2": row["label_2"], "id": row["id"],
                "day": row["day"]}
        if row["what"] == "venue":
            where = row["text"] if row["text"] is not None else row["resource"]
            message = Message("double-booking.venue", venue=where, **both)
        elif row["what"] == "group":
            yield self.finding(_subject(row, "id_2"), Message(
                "double-booking.group", who=row["shown"], id_2=row["id_2"], **both),
                day=row["day"], severity=Severity.WARNING)
            return
        elif row["what"] == "project":
            case = "double-booking.other-project" + ("-group" if row["via"] else "")
            yield self.finding(_subject(row), Message(
                case, person=row["name"], label=row["label"], id=row["id"],
                other=row["source"], label_2=row["label_2"], id_2=row["id_2"],
                day=row["day"]), day=row["day"],
                severity=Severity.WARNING if row["via"] else None)
            return
        else:
            who = row["name"] if row["name"] is not None else row["resource"]
            case = "person-apart" if row["apart"] else "person"
            message = Message(f"double-booking.{case}", person=who, **both)
        yield self.finding(_subject(row, "id_2"), message, day=row["day"])


def _empty(frame: pl.LazyFrame) -> bool:
    """Whether ``frame`` has no row (a count: cheap beside the query it spares)."""
    count: int = frame.select(pl.len()).collect(engine=ENGINE).item()
    return count == 0


def _members(frames: Frames, people: pl.LazyFrame) -> pl.LazyFrame:
    """Who is in each session: named (``via`` false) or only through its groups (true)."""
    return pl.concat([
        people.select("project", "position", resource="person", via=pl.lit(False)),
        frames.attending.join(frames.active, on=["project", "position"], how="semi")
        .select("project", "position", "resource", via=pl.lit(True)),
    ]).group_by("project", "position", "resource").agg(pl.col("via").all())


def _group_pairs(frames: Frames, bookings: pl.LazyFrame, people: pl.LazyFrame,
                 ) -> pl.LazyFrame:
    """Pairs of sessions at once that share people through a group (one row per pair).

    A group, a group part of it, or one of its members in both; pairs whose only shared
    people are named in both are the person case, not this one. The resource shown is
    the first shared one, groups (``group:…``) before people.
    """
    grouped = frames.attending.select("project").unique()  # only these can have a pair
    members = (bookings.join(grouped, on="project", how="semi")
               .join(_members(frames, people), on=["project", "position"])
               .select("project", "position", "day", "start", "end", "resource", "via"))
    key = ["project", "day", "resource"]
    return (
        members.filter(pl.len().over(key) > 1)
        .join(members, on=key, suffix="_2")
        .filter(pl.col("position") < pl.col("position_2"),
                pl.col("start") < pl.col("end_2"), pl.col("start_2") < pl.col("end"),
                pl.col("via") | pl.col("via_2"))
        .group_by("project", "position", "position_2")
        .agg(pl.col("day").min(), pl.col("resource").min())
        .join(frames.attending.group_by("project", "resource").agg(pl.col("name").first()),
              on=["project", "resource"], how="left")
        .join(frames.people.select("project", resource="person", person_name="name"),
              on=["project", "resource"], how="left")
        .select("project", "position", "position_2", "day", "resource",
                what=pl.lit("group"), shown=pl.coalesce("name", "person_name", "resource"))
    )


def _across_projects(frames: Frames, people: pl.LazyFrame) -> pl.LazyFrame:
    """The same person (by ``key``) in sessions of two projects at once, for each side."""
    keyed = (_members(frames, people).rename({"resource": "person"})
             .join(frames.keys, on=["project", "person"])
             .group_by("project", "position", "key", "person", "source")
             .agg(pl.col("via").all()))
    booked = (frames.bookings.join(keyed, on=["project", "position"])
              .join(frames.sources.select("project", "same"), on="project")
              .select("project", "position", "day", "start", "end", "key", "person",
                      "source", "same", "via"))
    sessions = frames.active.select("project", "position", "id", "label")
    return (
        booked.join(booked, on=["day", "key"], suffix="_2")
        .filter(pl.col("same") != pl.col("same_2"),  # one file given twice is one
                pl.col("start") < pl.col("end_2"), pl.col("start_2") < pl.col("end"))
        .group_by("project", "position", "project_2", "position_2", "key", "person",
                  "source_2")
        .agg(pl.col("day").min(), via=(pl.col("via") | pl.col("via_2")).all())
        .join(sessions, on=["project", "position"])
        .join(sessions, left_on=["project_2", "position_2"],
              right_on=["project", "position"], suffix="_2")
        .join(frames.people, on=["project", "person"], how="left")
        .select("project", "position", "day", "id", "label", "id_2", "label_2", "name",
                "via", what=pl.lit("project"), source="source_2")
    )


@attrs.frozen
class HoursExceeded(FrameRule):
    """No contract has more hours (or sessions) scheduled than it holds.

    A contract's sessions are taken in date order (the project's order on one day): the
    finding names the first session over the count, and the one at which the hours run
    out. Hours are compared exactly (whole minutes against the contracted hours in
    minutes, a fraction).
    """

    id = "hours-exceeded"
    description = "Scheduled hours and sessions stay within each contract's."

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """Contracts without limits, over their count, over their hours, or unknowable."""
        each = ["project", "contract"]
        minutes = pl.col("minutes")
        mine = (
            frames.active.select(*_SESSION, "contract", "minutes")
            .join(frames.contracts, on=each)
            .sort("project", "contract", "first", "position")
            .with_columns(order=pl.int_range(pl.len()).over(each),
                          count=pl.len().over(each),
                          so_far=minutes.fill_null(0).cum_sum().over(each),
                          total=minutes.fill_null(0).sum().over(each))
        )
        no_limit = (mine.filter(pl.col("hours_num").is_null(), pl.col("sessions").is_null())
                    .group_by(each).agg().with_columns(case=pl.lit("no-limit")))
        over_count = mine.filter(pl.col("count") > pl.col("sessions"),
                                 pl.col("order") == pl.col("sessions"))
        over = mine.filter(pl.col("so_far") * pl.col("limit_den") > pl.col("limit_num"))
        crossed = over.filter(pl.col("order") == pl.col("order").min().over(each))
        unknown = (mine.filter(pl.col("hours_num").is_not_null(), minutes.is_null())
                   .group_by(each).agg(unknown=pl.len(), ids=pl.col("id").sort_by("order")))
        return pl.concat([no_limit, over_count.with_columns(case=pl.lit("count")),
                          crossed.with_columns(case=pl.lit("hours")),
                          unknown.with_columns(case=pl.lit("unknown"))],
                         how="diagonal_relaxed")

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """What the contract holds and what is scheduled under it."""
        cid = row["contract"]
        subject, case = f"contract {cid}", row["case"]
        if case == "no-limit":
            yield not_checked(self, subject, Message("hours-exceeded.no-limit"))
        elif case == "count":
            yield self.finding(subject, Message(
                "hours-exceeded.count", contract=cid, count=row["count"],
                sessions=row["sessions"], id=row["id"], first=row["first"]), day=row["first"])
        elif case == "hours":
            scheduled = Fraction(row["total"]) / minutes_per(row["unit"])
            held = Fraction(row["hours_num"], row["hours_den"])
            yield self.finding(subject, Message(
                "hours-exceeded.hours", contract=cid, scheduled=scheduled, unit=row["unit"],
                held=held, id=row["id"], first=row["first"]), day=row["first"])
        else:
            yield not_checked(self, subject, Message(
                "hours-exceeded.unknown", count=row["unknown"], ids=row["ids"][:5]))


@attrs.frozen
class TableNumbering(FrameRule):
    """Each published table is numbered 1, 2, 3… with no gap and no repeat.

    Every row counts, cancelled ones too. Also checks the numbering of the activity
    tree (harmonogram): siblings numbered ``2.1, 2.2…`` without gaps or duplicates.
    """

    id = "numbering"
    description = "Tables and the activity tree are numbered without gaps or repeats."

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """Each number a table repeats, and each table with numbers missing below its top."""
        each = ["project", "table"]
        numbers = frames.sessions.drop_nulls(["table", "number"]).select(*each, "number")
        repeats = (numbers.group_by(*each, "number").agg(count=pl.len())
                   .filter(pl.col("count") > 1).with_columns(case=pl.lit("repeat")))
        tops = (numbers.group_by(each).agg(top=pl.col("number").max(),
                                           distinct=pl.col("number").n_unique())
                .filter(pl.col("distinct") < pl.col("top")))
        gaps = (tops.with_columns(number=pl.int_ranges(1, pl.col("top") + 1))
                .explode("number")
                .join(numbers, on=[*each, "number"], how="anti")
                .group_by(*each, "top").agg(missing=pl.col("number").sort())
                .with_columns(case=pl.lit("gap")))
        return pl.concat([repeats, gaps], how="diagonal_relaxed")

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """A repeated number (an error), or the missing numbers (a warning)."""
        subject = f"table {row['table']}"
        if row["case"] == "repeat":
            yield self.finding(subject, Message("numbering.repeat", number=row["number"],
                                                count=row["count"]))
        else:
            yield from self._gaps(subject, row["missing"], row["top"], "")

    def plain(self, project: Project) -> Iterator[Finding]:
        """The numbering of the activity tree (a few dozen items: plain Python)."""
        if project.activities_excerpt:
            labels = [a.number for a in project.activities if a.number is not None]
            for label in sorted(set(labels)):
                if labels.count(label) > 1:
                    yield self.finding("activities", Message(
                        "numbering.repeat", number=label, count=labels.count(label)))
            yield not_checked(self, "activities", Message("numbering.excerpt"))
        else:
            yield from self._siblings("activities", "", project.activities)

    def _siblings(self, subject: str, prefix: str, items: tuple[Activity, ...],
                  ) -> Iterator[Finding]:
        numbered = [(a.number, a) for a in items if a.number is not None]
        yield from self._sequence(
            subject, [int(number.rsplit(".", 1)[-1]) for number, _ in numbered], prefix)
        for number, activity in numbered:
            yield from self._siblings(f"activity {number}", f"{number}.", activity.children)

    def _sequence(self, subject: str, numbers: list[int], prefix: str) -> Iterator[Finding]:
        if not numbers:
            return
        for number in sorted(set(numbers)):
            count = numbers.count(number)
            if count > 1:
                yield self.finding(subject, Message(
                    "numbering.repeat", number=f"{prefix}{number}", count=count))
        top = max(numbers)
        yield from self._gaps(subject, sorted(set(range(1, top + 1)) - set(numbers)), top,
                              prefix)

    def _gaps(self, subject: str, missing: list[int], top: int, prefix: str,
              ) -> Iterator[Finding]:
        if missing:
            case = "numbering.gaps" if len(missing) > 1 else "numbering.gap"
            yield self.finding(subject, Message(
                case, missing=[f"{prefix}{n}" for n in missing], top=f"{prefix}{top}"),
                severity=Severity.WARNING)


SCHEDULE_RULES: tuple[Rule, ...] = (
    SummerBreak(),
    PublicHoliday(),
    Weekend(),
    OutsidePeriod(),
    DoubleBooking(),
    HoursExceeded(),
    TableNumbering(),
)
"""The schedule rules with their default parameters."""
