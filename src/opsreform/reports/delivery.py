"""The delivery report: delivered hours per contract, month and person, attendance, indicators.

Counts only delivered sessions; hours are exact until written (two decimals at most).
What the project does not state is shown as not stated, never as zero: the hours of a
delivered session without stated hours, the attendance of a session that does not give
it, an indicator whose achievement cannot be counted.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from opsreform.model.delivery import delivered_hours, delivered_sessions, indicator_progress
from opsreform.model.project import Project
from opsreform.reports._lang import Lang, label
from opsreform.reports.tables import Cell, ReportTable, Share
from opsreform.rules.delivery import IndicatorsReached

__all__ = ["delivery_tables", "indicator_table"]

_CENT = Decimal("0.01")


def _hours(value: Fraction | None) -> Cell:
    """Exact hours as a cell: a whole number, else rounded to two decimals."""
    if value is None:
        return None
    if value.denominator == 1:
        return value.numerator
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(_CENT, rounding=ROUND_HALF_UP)


def _unit_name(unit: str, lang: Lang) -> str:
    return {"lesson_hour": label("lesson_hours", lang),
            "hour": label("clock_hours", lang)}.get(unit, unit)


def delivery_tables(project: Project, *, lang: Lang = "pl", as_of: date | None = None
                    ) -> list[ReportTable]:
    """The delivery report: hours per contract, month and person; attendance; indicators.

    Args:
        project: The project.
        lang: The language of headers and notes.
        as_of: The day of the indicators' count (default: the ``indicators`` rule's
            ``as_of`` in the project, else today).

    """
    hours = delivered_hours(project)
    unknown_note = ([f"{label('hours_unknown', lang)}: {', '.join(hours.unknown)}"]
                    if hours.unknown else [])
    contract_rows: list[list[Cell]] = []
    for contract in project.contracts:
        minutes = hours.by_contract.get(contract.id, 0)
        count = sum(1 for s in delivered_sessions(project) if s.minutes is not None
                    and (c := project.contract_of(s)) is not None and c.id == contract.id)
        contract_rows.append([contract.id, _unit_name(contract.unit, lang),
                              _hours(contract.hours), _hours(contract.in_unit(minutes)),
                              count])
    if None in hours.by_contract:
        contract_rows.append([label("no_contract", lang), label("clock_hours", lang), None,
                              _hours(hours.hours(hours.by_contract[None])), None])
    tables = [
        ReportTable(label("delivery_contracts_title", lang),
                    [label("contract", lang), label("unit_of_hours", lang),
                     label("contracted", lang), label("delivered", lang),
                     label("sessions_delivered", lang)], contract_rows,
                    [f"{label('sessions_delivered', lang)}: {hours.sessions}", *unknown_note],
                    name=label("delivery_contracts_sheet", lang)),
        ReportTable(label("delivery_months_title", lang),
                    [label("month", lang), f"{label('delivered', lang)} "
                     f"({label('clock_hours', lang)})"],
                    [[month, _hours(hours.hours(m))] for month, m in hours.by_month.items()],
                    unknown_note, name=label("delivery_months_sheet", lang)),
        ReportTable(label("delivery_people_title", lang),
                    [label("person_id", lang), label("person_name", lang),
                     f"{label('delivered', lang)} ({label('clock_hours', lang)})"],
                    [[p.id, p.name, _hours(hours.hours(hours.by_person[p.id]))]
                     for p in project.people if p.id in hours.by_person],
                    [label("people_note", lang), *unknown_note],
                    name=label("delivery_people_sheet", lang)),
        _attendance_table(project, lang),
    ]
    if project.indicators:
        tables.append(indicator_table(project, lang=lang, as_of=as_of))
    return tables


def _attendance_table(project: Project, lang: Lang) -> ReportTable:
    rows: list[list[Cell]] = []
    for session in delivered_sessions(project):
        attendance = session.attendance
        rows.append([session.id, session.first_day, session.label, attendance.headcount,
                     attendance.attended, len(attendance.people) or None,
                     ", ".join(attendance.absent) or None])
    return ReportTable(
        label("attendance_title", lang),
        [label("session", lang), label("date", lang), label("kind_title", lang),
         label("planned_headcount", lang), label("attended", lang),
         label("named_attendees", lang), label("absent", lang)],
        rows, [label("attendance_note", lang)], name=label("attendance_sheet", lang))


def _as_of(project: Project, as_of: date | None) -> date:
    if as_of is not None:
        return as_of
    for rule in project.rules or ():
        if isinstance(rule, IndicatorsReached):
            return rule.day()
    return date.today()


def indicator_table(project: Project, *, lang: Lang = "pl", as_of: date | None = None
                    ) -> ReportTable:
    """The indicators with their targets and progress, counted as of ``as_of``.

    ``as_of`` defaults to the ``as_of`` of the project's ``indicators`` rule, else
    today. An achievement that cannot be counted is shown as not stated, with the
    reason under the table, and what the stated facts count for certain as "at least".
    """
    day = _as_of(project, as_of)
    rows: list[list[Cell]] = []
    notes = [f"{label('as_of', lang)}: {day.isoformat()}"]
    rule = IndicatorsReached(as_of=day)
    for indicator in project.indicators:
        progress = indicator_progress(project, indicator, as_of=day)
        rows.append([indicator.id, indicator.name, indicator.unit,
                     _hours(indicator.baseline), _hours(indicator.target),
                     _hours(progress.achieved),
                     None if progress.achieved is not None or not progress.known
                     else _hours(progress.known),
                     None if progress.share is None else Share(progress.share)])
    notes.extend(f"{_indicator_id(f.subject)}: {f.text(lang)}" for f in rule.check(project))
    return ReportTable(
        label("indicators_title", lang),
        [label("indicator_id", lang), label("indicator_name", lang), label("unit", lang),
         label("baseline", lang), label("target", lang), label("achieved", lang),
         label("at_least", lang), label("share_of_target", lang)],
        rows, notes, name=label("indicators_sheet", lang))


def _indicator_id(subject: str) -> str:
    """The id of an indicator from a finding's subject (``indicator kadra`` → ``kadra``)."""
    return subject.removeprefix("indicator ")
