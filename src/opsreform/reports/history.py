"""The history of a project's amendments (aneksy): what each changed, and from when.

A table for the budget report (and any other that shows the project's funding): one
row per amendment, with the day it was signed, the day it took effect and its changes
as the project file states them. A project without amendments has no such table.

>>> from datetime import date
>>> from opsreform.model.amendments import Amendment
>>> from opsreform.model.project import Project
>>> from opsreform.periods import Period
>>> p = Project("P", period=Period(date(2019, 2, 1), date(2020, 7, 31)),
...             amendments=[Amendment(date(2020, 6, 15), number="aneks nr 1",
...                                   period=Period(date(2019, 2, 1), date(2020, 10, 31)))])
>>> history_tables(p)[0].rows[0]
['aneks nr 1', '15.06.2020', '15.06.2020', 'okres realizacji: 01.02.2019 – 31.10.2020']
"""

from __future__ import annotations

from opsreform.model.amendments import Amendment
from opsreform.model.project import Project
from opsreform.reports._lang import Lang, label
from opsreform.reports.tables import Cell, ReportTable
from opsreform.text.amounts import format_amount
from opsreform.text.dates import format_date
from opsreform.text.periods import format_period

__all__ = ["history_tables"]


def _changes(amendment: Amendment, lang: Lang) -> str:
    parts = []
    if amendment.period is not None:
        period = format_period(amendment.period, "numeric")
        parts.append(label("history_period", lang).format(period))
    for change in amendment.contracts:
        what = []
        if change.period is not None:
            what.append(format_period(change.period, "numeric"))
        if change.ends is not None:
            what.append(label("history_ends", lang).format(format_date(change.ends)))
        if change.hours is not None:
            hours = change.hours
            shown = str(hours.numerator) if hours.denominator == 1 else (
                f"{float(hours):.2f}".replace(".", "," if lang == "pl" else "."))
            what.append(label("history_hours", lang).format(shown))
        if change.sessions is not None:
            what.append(label("history_sessions", lang).format(change.sessions))
        contract = label("history_contract", lang).format(change.contract)
        parts.append(f"{contract}: {', '.join(what)}")
    if amendment.funding is not None and amendment.funding.total is not None:
        parts.append(label("history_total", lang).format(format_amount(amendment.funding.total)))
    if amendment.text is not None:
        parts.append(f"„{amendment.text}”" if lang == "pl" else f"“{amendment.text}”")
    return "; ".join(parts)


def history_tables(project: Project, *, lang: Lang = "pl") -> list[ReportTable]:
    """Return the table of ``project``'s amendments (none when it has none)."""
    if not project.amendments:
        return []
    rows: list[list[Cell]] = [
        [a.number or str(n), format_date(a.signed), format_date(a.in_force_from),
         _changes(a, lang)] for n, a in enumerate(project.amendments, start=1)]
    notes = []
    if project.initial_period is not None:
        notes.append(label("history_as_signed", lang).format(
            format_period(project.initial_period, "numeric")))
    if project.final_period is not None and project.final_period != project.initial_period:
        final = format_period(project.final_period, "numeric")
        notes.append(label("history_final", lang).format(final))
    return [ReportTable(label("history_title", lang), [label(f"history_{k}", lang) for k in (
        "number", "signed", "effective", "changes")], rows, notes, name="Aneksy")]
