"""Tables for analysts: a project's sessions and a run's findings as polars DataFrames.

Everything an analyst would otherwise resolve by hand is resolved here, once, by the
model's own rules: each slot's session has its contract (its own, else its table's:
:meth:`~opsreform.model.project.Project.contract_of`) and its leaders (its own, else its
contract's: :meth:`~opsreform.model.project.Project.leaders_of`); kinds and statuses are
their ids; lengths are whole minutes, never Fractions or pint quantities.

>>> import opsreform
>>> project = opsreform.load_project("examples/tarnowskie-gory.toml")
>>> frame = project.sessions_frame()
>>> frame.select("session", "date", "start", "end", "minutes", "venue", "contract").head(2)
shape: (2, 7)
┌──────────────┬────────────┬──────────┬──────────┬─────────┬────────────────┬───────────┐
│ session      ┆ date       ┆ start    ┆ end      ┆ minutes ┆ venue          ┆ contract  │
│ ---          ┆ ---        ┆ ---      ┆ ---      ┆ ---     ┆ ---            ┆ ---       │
│ str          ┆ date       ┆ time     ┆ time     ┆ i64     ┆ str            ┆ str       │
╞══════════════╪════════════╪══════════╪══════════╪═════════╪════════════════╪═══════════╡
│ 2018-01-16#1 ┆ 2018-01-19 ┆ 09:00:00 ┆ 15:00:00 ┆ 360     ┆ sienkiewicza-8 ┆ szkolenia │
│ 2018-01-16#2 ┆ 2018-01-25 ┆ 09:00:00 ┆ 15:00:00 ┆ 360     ┆ sienkiewicza-8 ┆ szkolenia │
└──────────────┴────────────┴──────────┴──────────┴─────────┴────────────────┴───────────┘
>>> findings = findings_frame(opsreform.check(project))
>>> findings.filter(findings["severity"] == "error")["rule"].to_list()
['double-booking', 'double-booking']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import polars as pl

from opsreform.engine._fork import before_first_query
from opsreform.engine.frames import ENGINE, Frames, text_frame
from opsreform.findings import Finding
from opsreform.messages import Lang

if TYPE_CHECKING:
    from opsreform.model.project import Project

__all__ = ["DELIVERY_SCHEMA", "FINDINGS_SCHEMA", "SESSIONS_SCHEMA", "delivery_frame",
           "findings_frame", "sessions_frame"]

SESSIONS_SCHEMA: dict[str, Any] = {
    "session": pl.String,
    "table": pl.String,
    "number": pl.Int64,
    "kind": pl.String,
    "title": pl.String,
    "part": pl.Int64,
    "status": pl.String,
    "date": pl.Date,
    "end_date": pl.Date,
    "days": pl.Int64,
    "slot": pl.Int64,
    "start": pl.Time,
    "end": pl.Time,
    "minutes": pl.Int64,
    "session_minutes": pl.Int64,
    "venue": pl.String,
    "address": pl.String,
    "contract": pl.String,
    "leaders": pl.List(pl.String),
    "activity": pl.String,
    "headcount": pl.Int64,
    "groups": pl.List(pl.String),
    "attendees": pl.List(pl.String),
    "line": pl.Int64,
}
"""The columns of :func:`sessions_frame`, in order, with their polars types.

``session`` is the session's id; ``date`` and ``end_date`` its first and last day
(equal for a one-day session), ``days`` how many days it spans; ``slot`` the slot's
position in the session (from 0; null when a multi-day session states no hours), with
``start``, ``end`` and ``minutes`` of that slot on each day; ``session_minutes`` the
session's whole length over all its days (null when its hours are not stated);
``venue`` the venue id and ``address`` its address as written back; ``contract`` and
``leaders`` resolved (the session's own, else its table's contract; its own leaders,
else its contract's: :meth:`~opsreform.model.project.Project.contract_of` and
:meth:`~opsreform.model.project.Project.leaders_of`); ``line`` the line of the file it
was read from.
"""

FINDINGS_SCHEMA: dict[str, Any] = {
    "rule": pl.String,
    "severity": pl.String,
    "date": pl.Date,
    "subject": pl.String,
    "message": pl.String,
    "key": pl.String,
}
"""The columns of :func:`findings_frame`, in order, with their polars types."""


def sessions_frame(project: Project) -> pl.DataFrame:
    """Return the sessions of ``project``, one row per slot, as a polars DataFrame.

    A session without stated hours (a study visit given only by its days) has one row
    per place it visits (or one row) with null ``slot``, ``start``, ``end`` and
    ``minutes``. Cancelled sessions are
    included (``status`` says so): filter them out as the question needs.

    Args:
        project: The project.

    Returns:
        A frame with the columns of :data:`SESSIONS_SCHEMA`.

    """
    before_first_query()
    strings = pl.List(pl.String)
    venues = text_frame({"venue": [v.id for v in project.venues],
                         "address": [None if v.address is None else str(v.address)
                                     for v in project.venues]},
                        {"venue": pl.String, "address": pl.String})
    # Each session's contract and leaders as the engine resolves them (its own, else its
    # table's contract; its own leaders, else its contract's): one definition.
    resolved = Frames([project]).sessions.select("position", "contract", "leaders")
    sessions = (
        project.schedule.frame.lazy().drop("contract", "leaders")
        .with_row_index("row")
        .join(resolved, left_on="row", right_on="position", how="left",
              maintain_order="left")
        .with_columns(session_minutes="minutes",
                      days=(pl.col("last") - pl.col("first")).dt.total_days() + 1)
    )
    timed = (sessions.filter(pl.col("slots").list.len() > 0)
             .with_columns(slot=pl.int_ranges(pl.col("slots").list.len(), dtype=pl.Int64))
             .explode("slots", "slot")
             .with_columns(start=pl.col("slots").struct.field("start"),
                           end=pl.col("slots").struct.field("end"),
                           venue=pl.col("slots").struct.field("venue"))
             .drop("slots"))
    # A session without stated hours: one row per place it visits, or one row.
    untimed = (sessions.filter(pl.col("slots").list.len() == 0)
               .with_columns(slot=pl.lit(None, pl.Int64), start=pl.lit(None, pl.Int32),
                             end=pl.lit(None, pl.Int32),
                             venue=pl.when(pl.col("places").list.len() > 0).then("places")
                             .otherwise(pl.lit([None], dtype=strings)))
               .drop("slots").explode("venue"))
    clock = {name: pl.time(pl.col(name) // 60, pl.col(name) % 60) for name in ("start", "end")}
    return (
        pl.concat([timed, untimed], how="diagonal_relaxed")
        .sort("row", "slot", maintain_order=True, nulls_last=True)
        .join(venues.lazy(), on="venue", how="left", maintain_order="left")
        .with_columns(minutes=pl.col("end") - pl.col("start"), **clock)
        .select(session="id", date="first", end_date="last", attendees="people",
                **{name: name for name in SESSIONS_SCHEMA
                   if name not in ("session", "date", "end_date", "attendees")})
        .select(SESSIONS_SCHEMA.keys())
        .cast(SESSIONS_SCHEMA)  # type: ignore[arg-type]
        .collect(engine=ENGINE)
    )


def findings_frame(findings: Iterable[Finding], lang: Lang = "pl") -> pl.DataFrame:
    """Return ``findings`` as a polars DataFrame, one row per finding, in their order.

    Args:
        findings: Findings, for example those of :func:`opsreform.check`.
        lang: The language of ``message`` (``pl`` or ``en``); ``key`` names the message
            whatever the language.

    Returns:
        A frame with the columns of :data:`FINDINGS_SCHEMA` (``severity`` as its id:
        ``error``, ``warning``, ``info``).

    """
    before_first_query()
    columns: dict[str, list[Any]] = {name: [] for name in FINDINGS_SCHEMA}
    for finding in findings:
        columns["rule"].append(finding.rule)
        columns["severity"].append(finding.severity.value)
        columns["date"].append(finding.date)
        columns["subject"].append(finding.subject)
        columns["message"].append(finding.text(lang))
        columns["key"].append(None if finding.said is None else finding.said.key)
    return text_frame(columns, FINDINGS_SCHEMA)


DELIVERY_SCHEMA: dict[str, Any] = {
    "session": pl.String,
    "kind": pl.String,
    "title": pl.String,
    "date": pl.Date,
    "month": pl.String,
    "contract": pl.String,
    "unit": pl.String,
    "minutes": pl.Int64,
    "leaders": pl.List(pl.String),
    "attendees": pl.List(pl.String),
    "people": pl.List(pl.String),
    "headcount": pl.Int64,
    "attended": pl.Int64,
    "absent": pl.List(pl.String),
}
"""The columns of :func:`delivery_frame`, with their polars types."""


def delivery_frame(project: Project) -> pl.DataFrame:
    """Return the delivered sessions as a polars DataFrame, one row per session.

    ``minutes`` is the session's whole length in minutes (exact; null when its hours
    are not stated, never 0); ``month`` is its first day's ``YYYY-MM``; ``contract``
    and ``unit`` are its contract's (its own, else its table's) and the unit that
    contract counts hours in; ``leaders`` are its own or its contract's; ``people``
    are its leaders and its named attendees (who a person's delivered hours count);
    ``attended`` is the count of who came, null when not stated.

    Hours per person are one ``explode`` away:

    >>> import polars as pl
    >>> from opsreform import load_project
    >>> frame = delivery_frame(load_project("tests/data/delivery/delivered.toml"))
    >>> (frame.explode("people").group_by("people")
    ...  .agg(pl.col("minutes").sum()).sort("people").rows())
    [('anna', 180), ('ewa', 180), ('trener', 360)]

    Args:
        project: The project.

    Returns:
        A frame with the columns of :data:`DELIVERY_SCHEMA`.

    """
    from opsreform.model.delivery import delivered_sessions, people_of  # noqa: PLC0415

    before_first_query()
    columns: dict[str, list[Any]] = {name: [] for name in DELIVERY_SCHEMA}
    for session in delivered_sessions(project):
        contract = project.contract_of(session)
        row = {
            "session": session.id, "kind": session.kind.value, "title": session.label,
            "date": session.first_day, "month": f"{session.first_day:%Y-%m}",
            "contract": None if contract is None else contract.id,
            "unit": None if contract is None else contract.unit,
            "minutes": session.minutes, "leaders": list(project.leaders_of(session)),
            "attendees": list(session.attendance.people),
            "people": list(people_of(project, session)),
            "headcount": session.attendance.headcount,
            "attended": session.attendance.attended,
            "absent": list(session.attendance.absent),
        }
        for name, values in columns.items():
            values.append(row[name])
    return text_frame(columns, DELIVERY_SCHEMA)
