"""The schedule as one table: a project's sessions as columns, one row per session.

A :class:`SessionTable` holds what :class:`~opsreform.model.sessions.Session` objects
hold, as a polars frame whose columns are :data:`COLUMNS`. The readers of session tables
build it straight from a file's columns; :class:`~opsreform.model.project.Project` keeps
its schedule in one, and makes ``Session`` objects from its rows only when they are asked
for. ``Session`` stays the value of one session: ``SessionTable.of(sessions)`` and
:meth:`SessionTable.sessions` go from one to the other and back without loss.

>>> from datetime import date
>>> from opsreform.model.sessions import Session, SlotBooking
>>> from opsreform.text.slots import parse_slots
>>> s = Session(kind="training", title="KPA", day=date(2018, 1, 19),
...             slots=[SlotBooking(t, "sala-1") for t in parse_slots("08.00 - 15.00")],
...             table="2018-01-16", number=1, line=12)
>>> table = SessionTable.of([s])
>>> table.frame.select("id", "kind", "first", "minutes").row(0)
('2018-01-16#1', 'training', datetime.date(2018, 1, 19), 420)
>>> SessionTable(table.frame).sessions() == (s,)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import time
from typing import Any

import attrs
import polars as pl

from opsreform.exceptions import ValidationError
from opsreform.model.sessions import (
    NOBODY_STATED,
    Attendance,
    Session,
    SessionKind,
    SessionStatus,
    SlotBooking,
)
from opsreform.periods import Period
from opsreform.timeslots import TimeSlot

__all__ = ["COLUMNS", "KIND", "NAMED", "SLOT", "STATUS", "Names", "SessionTable", "names_by",
           "names_of", "text_frame"]

KIND = pl.Enum([k.value for k in SessionKind])
"""The polars type of a session kind."""
STATUS = pl.Enum([s.value for s in SessionStatus])
"""The polars type of a session status."""
SLOT = pl.Struct({"start": pl.Int32, "end": pl.Int32, "venue": pl.String})
"""A time slot in minutes from midnight (``[start, end)``) and its venue id (or null)."""
_IDS = pl.List(pl.String)

COLUMNS: dict[str, Any] = {
    "id": pl.String,  # the given id, else table#number
    "given_id": pl.String,
    "kind": KIND,
    "title": pl.String,
    "part": pl.Int64,
    "first": pl.Date,  # the day, or the first day of a period
    "last": pl.Date,  # the day, or the last day of a period
    "spans": pl.Boolean,  # given as a period (a multi-day session), not as a day
    "slots": pl.List(SLOT),
    "minutes": pl.Int64,  # the slots' minutes over every day; null without slots
    "leaders": _IDS,  # null: those of its contract; empty: nobody named
    "headcount": pl.Int64,
    "groups": _IDS,
    "people": _IDS,
    "attended": pl.Int64,
    "absent": _IDS,
    "places": _IDS,
    "activity": pl.String,
    "contract": pl.String,
    "table": pl.String,
    "number": pl.Int64,
    "status": STATUS,
    "line": pl.Int64,  # where it was read; not part of its meaning
    "note": pl.String,
}
"""The columns of a session table, in order, with their polars types."""

NAMED = ("leaders", "people", "absent", "places", "venues", "contract", "table", "activity",
         "groups")
"""The columns whose values name things declared elsewhere (``venues``: the slots')."""


@attrs.frozen
class Names:
    """What a session table names: the distinct ids of each column of :data:`NAMED`.

    Attributes:
        ids: The ids each column names (nulls left out).
        sessions: The sessions' own ids.
        repeats: Whether two sessions have the same id.

    """

    ids: dict[str, frozenset[str]]
    sessions: frozenset[str]
    repeats: bool

    @classmethod
    def joined(cls, parts: Sequence[Names]) -> Names:
        """The names of the tables of ``parts`` made one."""
        sessions = frozenset().union(*(p.sessions for p in parts))
        return cls({c: frozenset().union(*(p.ids[c] for p in parts)) for c in NAMED},
                   sessions, any(p.repeats for p in parts)
                   or sum(len(p.sessions) for p in parts) > len(sessions))


def _named_exprs() -> list[pl.Expr]:
    exprs = []
    for column in NAMED:
        source = (pl.col("slots").list.eval(pl.element().struct.field("venue"))
                  if column == "venues" else pl.col(column))
        if column not in ("contract", "table", "activity"):
            source = source.explode()
        exprs.append(source.drop_nulls().unique().implode().alias(column))
    exprs.append(pl.col("id").unique().implode().alias("_sessions"))
    exprs.append(pl.col("id").is_duplicated().any().alias("repeats"))
    return exprs


def names_of(frame: pl.DataFrame) -> Names:
    """The :class:`Names` of the sessions of ``frame``."""
    return _names(frame.select(_named_exprs()).row(0, named=True))


def names_by(frame: pl.DataFrame, by: str) -> dict[Any, Names]:
    """The :class:`Names` of each group of ``frame``'s sessions by the column ``by``."""
    rows = frame.group_by(pl.col(by).alias("_group")).agg(_named_exprs())
    return {row["_group"]: _names(row) for row in rows.iter_rows(named=True)}


def _names(row: dict[str, Any]) -> Names:
    return Names({c: frozenset(row[c]) for c in NAMED}, frozenset(row["_sessions"]),
                 bool(row["repeats"]))


_EMPTY = pl.DataFrame(schema=COLUMNS)  # frames are immutable: one empty one serves all


def _utf8(value: Any) -> Any:
    # A text built in code may hold lone surrogates, which no UTF-8 column can: they
    # become "?" (what any UTF-8 output of them would show).
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, list):
        return [_utf8(v) for v in value]
    if isinstance(value, dict):
        return {k: _utf8(v) for k, v in value.items()}
    return value


def _minutes(value: int) -> time:
    return time(value // 60, value % 60)


class SessionTable:
    """The sessions of a project as one polars frame (see :data:`COLUMNS`).

    It is a value: two tables are equal when their sessions are (the ``line`` a session
    was read from is not part of its meaning, as in ``Session``). A table made from
    ``Session`` objects gives those objects back from :meth:`sessions`.

    Args:
        frame: The sessions, with exactly the columns and types of :data:`COLUMNS`
            (else :class:`~opsreform.exceptions.ValidationError`). Their values are
            checked where a project is built from the table (ids, references) and where
            a ``Session`` is made of a row; give a table made by :meth:`of` or by a
            reader when in doubt.
        objects: The ``Session`` values of the rows, when the table was made from them.
        names: What the rows name (:class:`Names`), when the reader worked it out;
            otherwise :meth:`named` works it out. It must be the rows' own.

    Attributes:
        frame: The sessions, one row each, in the schedule's order.

    """

    __slots__ = ("_names", "_objects", "frame")

    def __init__(self, frame: pl.DataFrame, objects: tuple[Session, ...] | None = None,
                 names: Names | None = None) -> None:
        if dict(frame.schema) != COLUMNS:
            got = ", ".join(f"{n}: {t}" for n, t in frame.schema.items())
            msg = (f"a session table has the columns {', '.join(COLUMNS)}, of the types "
                   f"of opsreform.model.table.COLUMNS; got {got}")
            raise ValidationError(msg, field="sessions", value=frame.columns)
        self.frame = frame
        self._objects = objects
        self._names = names

    @classmethod
    def empty(cls) -> SessionTable:
        """A table without sessions."""
        return cls(_EMPTY, ())

    @classmethod
    def of(cls, sessions: SessionTable | Iterable[Session]) -> SessionTable:
        """The table of ``sessions`` (a table is returned as it is)."""
        if isinstance(sessions, SessionTable):
            return sessions
        items = tuple(sessions)
        if not items:
            return cls.empty()
        for item in items:
            if not isinstance(item, Session):
                msg = f"each session must be a Session, got {type(item).__name__} {item!r}"
                raise ValidationError(msg, field="sessions", value=item)
        return cls(_frame(items), items)

    @classmethod
    def concat(cls, tables: Sequence[SessionTable]) -> SessionTable:
        """One table of the sessions of ``tables``, in order."""
        if not tables:
            return cls.empty()
        if len(tables) == 1:
            return tables[0]
        objects = [t._objects for t in tables]
        joined = None if any(o is None for o in objects) else tuple(
            s for o in objects for s in o)  # type: ignore[union-attr]
        names = [t._names for t in tables]
        return cls(pl.concat([t.frame for t in tables], rechunk=True), joined,
                   None if any(n is None for n in names)
                   else Names.joined(names))  # type: ignore[arg-type]

    def __len__(self) -> int:
        return self.frame.height

    def __repr__(self) -> str:
        return f"SessionTable({self.frame.height} sessions)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SessionTable):
            return NotImplemented
        return self.frame.drop("line").equals(other.frame.drop("line"))

    def __hash__(self) -> int:
        return hash(tuple(self.frame["id"].to_list()))

    def __getstate__(self) -> pl.DataFrame:
        return self.frame

    def __setstate__(self, state: pl.DataFrame) -> None:
        self.frame = state
        self._objects = None
        self._names = None

    def filter(self, keep: pl.Series) -> SessionTable:
        """The sessions where ``keep`` (a boolean series, one per row) is true."""
        objects = self._objects
        if objects is not None:
            objects = tuple(s for s, k in zip(objects, keep.to_list(), strict=True) if k)
        return SessionTable(self.frame.filter(keep), objects)

    def named(self) -> Names:
        """The ids the sessions name, by column (see :data:`NAMED`), and whether ids repeat.

        Worked out on the first call (a reader of many tables gives it ready-made).
        """
        if self._names is None:
            self._names = names_of(self.frame)
        return self._names

    def all_known(self, declared: dict[str, set[str]]) -> bool:
        """Whether every id the sessions name is in ``declared`` under its column's name.

        ``declared`` maps a column of :data:`NAMED` (``leaders``, ``contract``…) to the ids
        it may name.
        """
        names = self.named()
        return all(names.ids[column] <= ids for column, ids in declared.items())

    def sessions(self) -> tuple[Session, ...]:
        """The sessions as :class:`Session` values, in order (made on the first call)."""
        if self._objects is None:
            self._objects = _sessions(self.frame)
        return self._objects


def _frame(sessions: tuple[Session, ...]) -> pl.DataFrame:
    columns: dict[str, list[Any]] = {
        "id": [s.id for s in sessions],
        "given_id": [s.given_id for s in sessions],
        "kind": [s.kind.value for s in sessions],
        "title": [s.title for s in sessions],
        "part": [s.part for s in sessions],
        "first": [s.first_day for s in sessions],
        "last": [s.day if s.period is None else s.period.end for s in sessions],
        "spans": [s.period is not None for s in sessions],
        "slots": [[{"start": b.slot.start_minute, "end": b.slot.end_minute, "venue": b.venue}
                   for b in s.slots] for s in sessions],
        "minutes": [s.minutes for s in sessions],
        "leaders": [None if s.leaders is None else list(s.leaders) for s in sessions],
        "headcount": [s.attendance.headcount for s in sessions],
        "groups": [list(s.attendance.groups) for s in sessions],
        "people": [list(s.attendance.people) for s in sessions],
        "attended": [s.attendance.attended for s in sessions],
        "absent": [list(s.attendance.absent) for s in sessions],
        "places": [list(s.places) for s in sessions],
        "activity": [s.activity for s in sessions],
        "contract": [s.contract for s in sessions],
        "table": [s.table for s in sessions],
        "number": [s.number for s in sessions],
        "status": [s.status.value for s in sessions],
        "line": [s.line for s in sessions],
        "note": [s.note for s in sessions],
    }
    return text_frame(columns, COLUMNS)


def text_frame(columns: dict[str, list[Any]], schema: dict[str, Any]) -> pl.DataFrame:
    """A frame of ``columns`` (lone surrogates in texts, never in a file, shown as "?")."""
    try:
        return pl.DataFrame(columns, schema=schema)
    except UnicodeEncodeError:
        return pl.DataFrame({k: [_utf8(v) for v in values] for k, values in columns.items()},
                            schema=schema)


def _sessions(frame: pl.DataFrame) -> tuple[Session, ...]:
    """Make a ``Session`` of each row (slots and periods shared between equal rows)."""
    slots: dict[tuple[int, int], TimeSlot] = {}
    periods: dict[tuple[Any, Any], Period] = {}

    def slot(start: int, end: int) -> TimeSlot:
        found = slots.get((start, end))
        if found is None:
            found = slots[start, end] = TimeSlot(_minutes(start), _minutes(end))
        return found

    made = []
    for row in frame.iter_rows(named=True):
        period = None
        if row["spans"]:
            key = (row["first"], row["last"])
            period = periods.get(key)
            if period is None:
                period = periods[key] = Period(row["first"], row["last"])
        attendance = NOBODY_STATED
        if (row["headcount"] is not None or row["groups"] or row["people"]
                or row["attended"] is not None or row["absent"]):
            attendance = Attendance(headcount=row["headcount"], groups=row["groups"],
                                    people=row["people"], attended=row["attended"],
                                    absent=row["absent"])
        made.append(Session(
            kind=row["kind"], title=row["title"],
            day=None if row["spans"] else row["first"], period=period,
            slots=[SlotBooking(slot(b["start"], b["end"]), b["venue"]) for b in row["slots"]],
            part=row["part"], leaders=row["leaders"], attendance=attendance,
            places=row["places"], activity=row["activity"], contract=row["contract"],
            table=row["table"], number=row["number"], status=row["status"],
            given_id=row["given_id"], line=row["line"], note=row["note"]))
    return tuple(made)
