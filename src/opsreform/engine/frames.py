"""The frames the rules read: a batch of projects as polars tables, built once per batch.

:data:`SCHEMA` is the one place that defines every frame's columns; :class:`Frames`
builds them the first time a rule asks for one: the sessions from the projects' own
tables (:class:`~opsreform.model.table.SessionTable`, concatenated), the rest from the
model's declarations. Every row carries
``project``, the project's position in the batch, so one pipeline serves a batch of one
or of thousands.

The session frame resolves each session's contract (its own, else its table's) and
leaders (its own, else its contract's) with a join and a coalesce: the meaning of
:meth:`~opsreform.model.project.Project.contract_of` and
:meth:`~opsreform.model.project.Project.leaders_of` (a test asserts they agree).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final

import polars as pl

from opsreform.engine.calendar import holidays_frame, school_breaks_frame
from opsreform.engine.notices import notices_frame, workdays_frame
from opsreform.model.sessions import SessionStatus
from opsreform.model.table import COLUMNS, KIND, STATUS, text_frame
from opsreform.text.months import month_name
from opsreform.versions import has_versions

if TYPE_CHECKING:
    from datetime import date

    from opsreform.model.project import Project
    from opsreform.periods import Period

__all__ = ["ENGINE", "KIND", "SCHEMA", "STATUS", "Frames", "text_frame"]

ENGINE: Final = "in-memory"
"""How the engine's queries are collected. polars 2 collects with its streaming engine by
default; our queries are many and over frames that fit in memory, where the in-memory
engine takes a fifth less time (``check_many`` at 100 000 sessions: 0.85 s of CPU
against 1.1 s)."""

_KEY = pl.UInt32
_IDS = pl.List(pl.String)

SCHEMA: dict[str, dict[str, Any]] = {
    # Every session of every project, cancelled ones included (numbering counts them).
    "sessions": {
        "project": _KEY, "position": _KEY, "id": pl.String, "label": pl.String,
        "kind": KIND, "status": STATUS, "table": pl.String, "number": pl.Int64,
        "first": pl.Date, "last": pl.Date, "minutes": pl.Int64,
        "contract": pl.String, "leaders": _IDS, "attendees": _IDS,
    },
    # One row per venue a session is held at (its slots' and its places), any status.
    "places": {"project": _KEY, "position": _KEY, "venue": pl.String},
    # One row per day of each session that counts (not cancelled).
    "days": {"project": _KEY, "position": _KEY, "day": pl.Date},
    # One row per day and slot of each session that counts; a session without stated
    # hours takes the whole of each of its days (0-1440) at no stated venue.
    "bookings": {"project": _KEY, "position": _KEY, "day": pl.Date, "start": pl.Int32,
                 "end": pl.Int32, "minutes": pl.Int32, "venue": pl.String},
    # One row per period a project had: as signed (``since`` null), then one per
    # amendment that changed it (``since``: the day it took effect).
    "projects": {"project": _KEY, "since": pl.Date, "start": pl.Date, "end": pl.Date},
    # One row per kind of each declared break (``brk``: its position in the project).
    "breaks": {"project": _KEY, "brk": _KEY, "kind": KIND, "months": pl.List(pl.Int8),
               "years": pl.List(pl.Int32), "school": pl.Boolean, "span": pl.String},
    "closed": {"project": _KEY, "day": pl.Date},
    "lieu": {"project": _KEY, "day": pl.Date, "holiday": pl.Date},
    # Monday 1 … Sunday 7, as polars' ``dt.weekday()``.
    "weekdays": {"project": _KEY, "weekday": pl.Int8},
    # ``limit_num / limit_den``: the contracted hours in minutes, exactly.
    "contracts": {"project": _KEY, "contract": pl.String, "signed": pl.Date,
                  "opens": pl.Date, "closes": pl.Date, "hours_num": pl.Int64,
                  "hours_den": pl.Int64, "unit": pl.String, "limit_num": pl.Int64,
                  "limit_den": pl.Int64, "sessions": pl.Int64, "leaders": _IDS},
    "tables": {"project": _KEY, "table": pl.String, "contract": pl.String,
               "published": pl.Date},
    "people": {"project": _KEY, "person": pl.String, "name": pl.String,
               "profession": pl.String},
    "venues": {"project": _KEY, "venue": pl.String, "text": pl.String},
    # Each session of the schedule in a table: the table that announced it as it is now
    # (added or last changed it, see opsreform.versions) and that table's date, if any.
    "notices": {"project": _KEY, "position": _KEY, "table": pl.String,
                "published": pl.Date},
    # Each of those with a dated table: the working days from that date to its first day.
    "workdays": {"project": _KEY, "position": _KEY, "working": pl.Int64},
    # Who attends each session through its declared groups (any status): ``resource`` is
    # ``group:<id>`` for the group and each group part of it, or a member's person id;
    # ``name`` is how a finding names it. Built by :mod:`opsreform.engine.people`.
    "attending": {"project": _KEY, "position": _KEY, "resource": pl.String,
                  "name": pl.String},
    # The people who have a ``key`` (the same person in other projects' files), with
    # the project's file (else its title) for findings about another project.
    "keys": {"project": _KEY, "person": pl.String, "key": pl.String, "source": pl.String},
    # Each person's engagements outside sessions by month, in ticks of
    # ``opsreform.model.people.TICKS_PER_MINUTE``; ``ticks`` is null when unknown.
    # ``engagement`` tells engagements apart (one stated alike in two files is one).
    "engaged": {"project": _KEY, "person": pl.String, "month": pl.Date,
                "engagement": pl.String, "ticks": pl.Int64},
    # How findings name each project (its file, else its title), and what it is: one
    # file given twice is one project (``same``: its file's absolute path, else its
    # position), so that nobody clashes with themselves or is counted twice.
    "sources": {"project": _KEY, "source": pl.String, "same": pl.String},
    # The absences of people: one row per period.
    "absences": {"project": _KEY, "person": pl.String, "start": pl.Date, "end": pl.Date},
    # The people whose engagements are not stated at all.
    "undeclared": {"project": _KEY, "person": pl.String},
    # The public holidays of the years the sessions span (the same for every project).
    "holidays": {"day": pl.Date, "name": pl.String},
    # The national school summer holidays of each of those years that has them.
    "school_breaks": {"year": pl.Int32, "start": pl.Date, "end": pl.Date},
}
"""Every frame's columns, in order, with their polars types: the one definition."""


def _frame(name: str, columns: dict[str, Any]) -> pl.DataFrame:
    return text_frame(columns, SCHEMA[name])


class Frames:
    """A batch of projects as frames (see :data:`SCHEMA`), each built on first use.

    Every property is a :class:`polars.LazyFrame` over the built table, so a rule states
    a query and the engine collects every rule's query at once.

    Attributes:
        batch: The projects of the batch; a row's ``project`` is a position here.

    """

    def __init__(self, projects: Sequence[Project], keep: Sequence[int] | None = None,
                 parent: Frames | None = None) -> None:
        self.batch = projects
        self._keep = keep
        self._parent = parent

    def only(self, keep: Sequence[int]) -> Frames:
        """The same frames restricted to the projects at positions ``keep``."""
        return Frames(self.batch, keep, self)

    def _get(self, name: str) -> pl.LazyFrame:
        if self._parent is not None:
            frame = self._parent._get(name)
            if "project" not in SCHEMA[name]:
                return frame
            return frame.filter(pl.col("project").is_in(pl.Series(self._keep, dtype=_KEY)))
        return self._built(name).lazy()

    def _built(self, name: str) -> pl.DataFrame:
        found: pl.DataFrame = getattr(self, "_" + name)
        return found

    # --- what the rules read -------------------------------------------------------

    @property
    def sessions(self) -> pl.LazyFrame:
        """Every session, cancelled ones included."""
        return self._get("sessions")

    @property
    def active(self) -> pl.LazyFrame:
        """The sessions that count: every one but the cancelled."""
        return self.sessions.filter(pl.col("status") != SessionStatus.CANCELLED.value)

    def __getattr__(self, name: str) -> pl.LazyFrame:
        if name in SCHEMA:
            return self._get(name)
        raise AttributeError(name)

    # --- building (once per batch) -------------------------------------------------

    @cached_property
    def _schedule(self) -> pl.DataFrame:
        """Every session of the batch, with its ``row``, ``project`` and ``position``.

        The projects' tables one after the other: ``row`` is the place in the batch,
        ``position`` the place in the project's schedule.
        """
        tables = [p.schedule.frame for p in self.batch]
        counts = pl.Series([t.height for t in tables], dtype=_KEY)
        every = pl.concat(tables, rechunk=True) if tables else pl.DataFrame(
            schema=COLUMNS)
        keys = pl.int_range(len(tables), dtype=_KEY, eager=True).repeat_by(counts).explode()
        return (every.with_columns(project=keys.drop_nulls()).with_row_index("row")
                .with_columns(position=pl.int_range(pl.len(), dtype=_KEY).over("project")))

    @cached_property
    def _slots(self) -> pl.DataFrame:
        """One row per stated slot: its session's ``row``, its place ``nth`` in it."""
        return (self._schedule.lazy().select("row", "slots")
                .filter(pl.col("slots").list.len() > 0)
                .with_columns(nth=pl.int_ranges(pl.col("slots").list.len(), dtype=_KEY))
                .explode("slots", "nth").unnest("slots")
                .select("row", "nth", "start", "end", "venue")
                .collect(engine=ENGINE))

    @cached_property
    def _sessions(self) -> pl.DataFrame:
        tables = self._tables.lazy().rename({"contract": "table_contract"})
        contracts = self._contracts.lazy().select(
            "project", "contract", contract_leaders="leaders")
        none = pl.lit([], dtype=_IDS)
        part = pl.col("part").cast(pl.String)
        return (
            self._schedule.lazy()
            .rename({"contract": "own_contract", "leaders": "own_leaders"})
            .join(tables, on=["project", "table"], how="left", maintain_order="left")
            # A session's contract is its own, else its table's.
            .with_columns(contract=pl.coalesce("own_contract", "table_contract"))
            .join(contracts, on=["project", "contract"], how="left", maintain_order="left")
            .with_columns(
                label=pl.when(part.is_null()).then("title")
                .otherwise(pl.concat_str("title", pl.lit(" cz."), part)),
                # Its leaders are its own when it names them, else its contract's.
                leaders=pl.coalesce("own_leaders", "contract_leaders", none),
                attendees="people",
            )
            .select(SCHEMA["sessions"].keys())
            .collect(engine=ENGINE)
            .cast(SCHEMA["sessions"])  # type: ignore[arg-type]
        )

    @cached_property
    def _places(self) -> pl.DataFrame:
        keys = self._schedule.lazy().select("row", "project", "position")
        places = (self._schedule.lazy().select("row", venue="places")
                  .explode("venue"))
        return (pl.concat([self._slots.lazy().select("row", "venue"), places])
                .drop_nulls("venue").unique()
                .join(keys, on="row")
                .select(SCHEMA["places"].keys())
                .collect(engine=ENGINE))

    @cached_property
    def _days(self) -> pl.DataFrame:
        active = self.active.select("project", "position", "first", "last")
        one = active.filter(pl.col("first") == pl.col("last")).select(
            "project", "position", day="first")
        many = (active.filter(pl.col("first") != pl.col("last"))
                .select("project", "position", day=pl.date_ranges("first", "last"))
                .explode("day"))
        return pl.concat([one, many]).collect(engine=ENGINE)

    @cached_property
    def _bookings(self) -> pl.DataFrame:
        keys = self._schedule.lazy().select("row", "project", "position")
        with_slots = self._slots.lazy().join(keys, on="row").select(
            "project", "position", "start", "end", "venue")
        whole_day = (self.sessions.filter(pl.col("minutes").is_null())
                     .select("project", "position", start=pl.lit(0, pl.Int32),
                             end=pl.lit(24 * 60, pl.Int32), venue=pl.lit(None, pl.String)))
        # Joined with the days of the sessions that count: cancelled ones drop out here.
        return (pl.concat([with_slots, whole_day])
                .join(self._days.lazy(), on=["project", "position"])
                .with_columns(minutes=pl.col("end") - pl.col("start"))
                .select(SCHEMA["bookings"].keys())
                .collect(engine=ENGINE))

    @cached_property
    def _projects(self) -> pl.DataFrame:
        rows: list[tuple[int, date | None, Period | None]] = []
        for i, project in enumerate(self.batch):
            rows.append((i, None, project.initial_period))
            rows.extend((i, a.in_force_from, a.period) for a in project.amendments
                        if a.period is not None)
        return _frame("projects", {
            "project": [r[0] for r in rows], "since": [r[1] for r in rows],
            "start": [None if r[2] is None else r[2].start for r in rows],
            "end": [None if r[2] is None else r[2].end for r in rows]})

    @cached_property
    def _breaks(self) -> pl.DataFrame:
        rows: dict[str, list[Any]] = {name: [] for name in SCHEMA["breaks"]}
        for i, project in enumerate(self.batch):
            for b, declared in enumerate(project.breaks):
                months = sorted(declared.months)
                span = ("wakacje szkolne" if declared.follow_school_holidays
                        else ", ".join(month_name(m) for m in months))
                for kind in sorted(declared.kinds):
                    for name, value in (("project", i), ("brk", b), ("kind", kind.value),
                                        ("months", months),
                                        ("years", None if declared.years is None
                                         else sorted(declared.years)),
                                        ("school", declared.follow_school_holidays),
                                        ("span", span)):
                        rows[name].append(value)
        return _frame("breaks", rows)

    @cached_property
    def _closed(self) -> pl.DataFrame:
        pairs = [(i, day) for i, p in enumerate(self.batch) for day in p.calendar.closed]
        return _frame("closed", {"project": [i for i, _ in pairs],
                                 "day": [d for _, d in pairs]})

    @cached_property
    def _lieu(self) -> pl.DataFrame:
        rows = [(i, given, holiday) for i, p in enumerate(self.batch)
                for holiday, given in p.calendar.days_in_lieu.items()]
        return _frame("lieu", {"project": [r[0] for r in rows], "day": [r[1] for r in rows],
                               "holiday": [r[2] for r in rows]})

    @cached_property
    def _weekdays(self) -> pl.DataFrame:
        rows = [(i, w + 1) for i, p in enumerate(self.batch)
                for w in sorted(p.calendar.working_weekdays)]
        return _frame("weekdays", {"project": [r[0] for r in rows],
                                   "weekday": [r[1] for r in rows]})

    @cached_property
    def _contracts(self) -> pl.DataFrame:
        rows: dict[str, list[Any]] = {name: [] for name in SCHEMA["contracts"]}
        for i, project in enumerate(self.batch):
            for declared in project.contracts:
                # Judged as the amendments left it (hours and dates as finally agreed).
                c = project.final_contract(declared.id)
                limit = c.limit_minutes
                for name, value in (
                        ("project", i), ("contract", c.id), ("signed", c.signed),
                        ("opens", c.first_day), ("closes", c.last_day),
                        ("hours_num", None if c.hours is None else c.hours.numerator),
                        ("hours_den", None if c.hours is None else c.hours.denominator),
                        ("unit", c.unit),
                        ("limit_num", None if limit is None else limit.numerator),
                        ("limit_den", None if limit is None else limit.denominator),
                        ("sessions", c.sessions), ("leaders", list(c.leaders))):
                    rows[name].append(value)
        return _frame("contracts", rows)

    @cached_property
    def _tables(self) -> pl.DataFrame:
        rows = [(i, t.id, t.contract, t.published) for i, p in enumerate(self.batch)
                for t in p.tables]
        return _frame("tables", {name: [r[k] for r in rows]
                                 for k, name in enumerate(SCHEMA["tables"])})

    @cached_property
    def _people(self) -> pl.DataFrame:
        rows = [(i, person.id, person.name,
                 None if person.profession is None else person.profession.value)
                for i, p in enumerate(self.batch) for person in p.people]
        return _frame("people", {name: [r[k] for r in rows]
                                 for k, name in enumerate(SCHEMA["people"])})

    @cached_property
    def _venues(self) -> pl.DataFrame:
        rows = [(i, v.id, str(v)) for i, p in enumerate(self.batch) for v in p.venues]
        return _frame("venues", {name: [r[k] for r in rows]
                                 for k, name in enumerate(SCHEMA["venues"])})

    @cached_property
    def _notices(self) -> pl.DataFrame:
        # A project without versions: each session's own table announced it (a join);
        # with versions, which version did is found by matching them (engine.notices).
        versioned = [i for i, p in enumerate(self.batch) if has_versions(p)]
        plain = (self._schedule.lazy()
                 .filter(~pl.col("project").is_in(pl.Series(versioned, dtype=_KEY)))
                 .drop_nulls("table")
                 .join(self._tables.lazy(), on=["project", "table"], how="left")
                 .select(SCHEMA["notices"].keys()))
        return pl.concat([plain.collect(engine=ENGINE),
                          notices_frame(self.batch, versioned)]).sort("project", "position")

    @cached_property
    def _workdays(self) -> pl.DataFrame:
        return workdays_frame(self.batch, self._notices)

    @cached_property
    def _attending(self) -> pl.DataFrame:
        from opsreform.engine.people import attending_rows  # noqa: PLC0415 - one job each

        return _frame("attending", attending_rows(self.batch))

    @cached_property
    def _keys(self) -> pl.DataFrame:
        from opsreform.engine.people import key_rows  # noqa: PLC0415 - as above

        return _frame("keys", key_rows(self.batch))

    @cached_property
    def _engaged(self) -> pl.DataFrame:
        from opsreform.engine.people import engaged_rows  # noqa: PLC0415 - as above

        return _frame("engaged", engaged_rows(self.batch))

    @cached_property
    def _sources(self) -> pl.DataFrame:
        from opsreform.engine.people import same_of, source_of  # noqa: PLC0415 - as above

        return _frame("sources", {"project": list(range(len(self.batch))),
                                  "source": [source_of(p) for p in self.batch],
                                  "same": [same_of(p, i) for i, p in enumerate(self.batch)]})

    @cached_property
    def _absences(self) -> pl.DataFrame:
        rows = [(i, person.id, period.start, period.end) for i, p in enumerate(self.batch)
                for person in p.people for period in person.absences]
        return _frame("absences", {name: [r[k] for r in rows]
                                   for k, name in enumerate(SCHEMA["absences"])})

    @cached_property
    def _undeclared(self) -> pl.DataFrame:
        rows = [(i, person.id) for i, p in enumerate(self.batch) for person in p.people
                if person.engagements is None]
        return _frame("undeclared", {"project": [r[0] for r in rows],
                                     "person": [r[1] for r in rows]})

    def _years(self) -> range:
        span = self._days.select(pl.col("day").min().alias("a"), pl.col("day").max().alias("b"))
        first, last = span.row(0)
        if first is None:
            return range(0)
        return range(first.year, last.year + 1)

    @cached_property
    def _holidays(self) -> pl.DataFrame:
        return holidays_frame(self._years())

    @cached_property
    def _school_breaks(self) -> pl.DataFrame:
        return school_breaks_frame(self._years())
