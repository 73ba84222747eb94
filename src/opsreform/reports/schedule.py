"""The published schedule (szczegółowy harmonogram udzielania wsparcia) and the activity table.

>>> import opsreform
>>> project = opsreform.load_project("examples/tarnowskie-gory.toml")
>>> table = schedule_tables(project)[2]
>>> table.rows[0][:4]
[1, 'SUPERWIZJA', datetime.date(2018, 5, 22), '08.00 - 11.00 11.00 - 14.00']
"""

from __future__ import annotations

import attrs

from opsreform.model.activities import iter_activities
from opsreform.model.project import Project
from opsreform.model.sessions import PublishedTable, Session
from opsreform.reports._lang import Lang, label
from opsreform.reports.tables import Cell, ReportTable
from opsreform.text.dates import format_date
from opsreform.text.periods import format_period
from opsreform.text.slots import format_slot

__all__ = ["ScheduleSection", "activity_table", "schedule_headers", "schedule_sections",
           "schedule_tables", "session_places", "session_when"]


def session_when(session: Session) -> str:
    """The session's date (``22 maja 2018``) or period (``2–3 sierpnia 2021``)."""
    if session.period is not None:
        return format_period(session.period)
    return format_date(session.first_day, "long")


def _when(session: Session) -> Cell:
    """The day of a one-day session (a date cell), the period of a longer one (text)."""
    if session.period is not None:
        return format_period(session.period)
    return session.first_day


def session_places(session: Session, venues: dict[str, str]) -> list[str]:
    """The addresses of the session's venues, each once, in order (unknown ids as given)."""
    return list(dict.fromkeys(venues.get(v, v) for v in session.venues))


@attrs.frozen
class ScheduleSection:
    """One table of the schedule: a published table's sessions, or the other sessions.

    Attributes:
        title: The caption (the table's heading and publication date).
        table: The published table, or None for the sessions outside every table.
        sessions: Its sessions, as published (the others by date).

    """

    title: str
    table: PublishedTable | None
    sessions: tuple[Session, ...]

    def numbered(self) -> list[tuple[int, Session]]:
        """The sessions with their Lp.: their own number, else their place in the table."""
        return [(s.number if s.number is not None else n, s)
                for n, s in enumerate(self.sessions, start=1)]


def schedule_sections(project: Project, *, lang: Lang = "pl") -> list[ScheduleSection]:
    """One section per published table (in the project's order), then one of other sessions.

    The section of other sessions is left out when every session is in a table.
    """
    sections = []
    for published in project.tables:
        title = published.title or label("schedule_title", lang)
        if published.published is not None:
            title = f"{title} ({format_date(published.published, 'long')})"
        sections.append(ScheduleSection(title, published, tuple(
            s for s in project.sessions if s.table == published.id)))
    loose = sorted((s for s in project.sessions if s.table is None), key=lambda s: s.first_day)
    if loose or not sections:
        sections.append(ScheduleSection(label("schedule_title", lang), None, tuple(loose)))
    return sections


def schedule_headers(lang: Lang = "pl") -> list[str]:
    """Lp., kind or title, date, hours, address."""
    return [label(k, lang) for k in ("number", "kind_title", "date", "hours", "address")]


def schedule_tables(project: Project, *, lang: Lang = "pl") -> list[ReportTable]:
    """One table per published table (in the project's order), then one of other sessions.

    Columns: number, kind or title, date (a date cell; the period of a multi-day
    session as text), hours, address.
    """
    venues = {v.id: str(v) for v in project.venues}
    headers = schedule_headers(lang)
    tables = []
    for section in schedule_sections(project, lang=lang):
        rows: list[list[Cell]] = [
            [number, s.label, _when(s), " ".join(format_slot(b.slot) for b in s.slots),
             "; ".join(session_places(s, venues))] for number, s in section.numbered()]
        name = label("table", lang) if section.table is None else (
            f"{label('table', lang)} {section.table.id}")
        tables.append(ReportTable(section.title, headers, rows, name=name))
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
