"""The published schedule (szczegółowy harmonogram udzielania wsparcia) and the activity table.

>>> import opsreform
>>> project = opsreform.load_project("examples/tarnowskie-gory.toml")
>>> table = schedule_tables(project)[2]
>>> table.rows[0][:4]
[1, 'SUPERWIZJA', datetime.date(2018, 5, 22), '08.00 - 11.00 11.00 - 14.00']
"""

from __future__ import annotations

from opsreform.model.activities import iter_activities
from opsreform.model.project import Project
from opsreform.model.sessions import Session
from opsreform.reports._lang import Lang, label
from opsreform.reports.tables import Cell, ReportTable
from opsreform.text.dates import format_date
from opsreform.text.periods import format_period
from opsreform.text.slots import format_slot

__all__ = ["activity_table", "schedule_tables"]


def _when(session: Session) -> Cell:
    """The day of a one-day session (a date cell), the period of a longer one (text)."""
    if session.period is not None:
        return format_period(session.period)
    return session.first_day


def _row(session: Session, venues: dict[str, str], number: int) -> list[Cell]:
    slots = " ".join(format_slot(b.slot) for b in session.slots)
    places = [venues.get(v, v) for v in session.venues]
    return [session.number if session.number is not None else number, session.label,
            _when(session), slots, "; ".join(dict.fromkeys(places))]


def schedule_tables(project: Project, *, lang: Lang = "pl") -> list[ReportTable]:
    """One table per published table (in the project's order), then one of other sessions.

    Columns: number, kind or title, date (a date cell; the period of a multi-day
    session as text), hours, address.
    """
    venues = {v.id: str(v) for v in project.venues}
    headers = [label(k, lang) for k in ("number", "kind_title", "date", "hours", "address")]
    tables = []
    for published in project.tables:
        sessions = [s for s in project.sessions if s.table == published.id]
        title = published.title or label("schedule_title", lang)
        if published.published is not None:
            title = f"{title} ({format_date(published.published, 'long')})"
        tables.append(ReportTable(title, headers, [_row(s, venues, n) for n, s in
                                                   enumerate(sessions, start=1)],
                                  name=f"{label('table', lang)} {published.id}"))
    loose = sorted((s for s in project.sessions if s.table is None), key=lambda s: s.first_day)
    if loose or not tables:
        tables.append(ReportTable(label("schedule_title", lang), headers,
                                  [_row(s, venues, n) for n, s in enumerate(loose, start=1)],
                                  name=label("table", lang)))
    return tables


def activity_table(project: Project, *, lang: Lang = "pl") -> ReportTable:
    """The numbered harmonogram: number (or ``-``), activity, period."""
    rows: list[list[Cell]] = []
    for _parent, activity in iter_activities(project.activities):
        rows.append([activity.number or "-", activity.title,
                     format_period(activity.period) if activity.period else
                     label("unknown", lang)])
    return ReportTable(label("activities_title", lang),
                       [label("number", lang), label("activity", lang), label("period", lang)],
                       rows)
