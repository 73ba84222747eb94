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
from opsreform.reports._lang import Lang
from opsreform.reports.tables import Cell, ReportTable
from opsreform.text.amounts import format_amount
from opsreform.text.dates import format_date
from opsreform.text.periods import format_period

__all__ = ["history_tables"]

# (Polish, English) wordings.
_WORDS = {
    "title": ("Aneksy do umowy o dofinansowanie", "Amendments to the funding agreement"),
    "number": ("Aneks", "Amendment"),
    "signed": ("Podpisany", "Signed"),
    "effective": ("Obowiązuje od", "In force from"),
    "changes": ("Zmiany", "Changes"),
    "period": ("okres realizacji: {}", "project period: {}"),
    "contract": ("umowa {}", "contract {}"),
    "ends": ("do {}", "until {}"),
    "hours": ("{} godz.", "{} hours"),
    "sessions": ("{} sesji", "{} sessions"),
    "total": ("wartość projektu: {}", "project value: {}"),
    "as_signed": ("Okres realizacji według umowy: {}", "Project period as signed: {}"),
    "final": ("Okres realizacji po zmianach: {}", "Project period as amended: {}"),
}


def _say(key: str, lang: Lang) -> str:
    pl, en = _WORDS[key]
    return pl if lang == "pl" else en


def _changes(amendment: Amendment, lang: Lang) -> str:
    parts = []
    if amendment.period is not None:
        parts.append(_say("period", lang).format(format_period(amendment.period, "numeric")))
    for change in amendment.contracts:
        what = []
        if change.period is not None:
            what.append(format_period(change.period, "numeric"))
        if change.ends is not None:
            what.append(_say("ends", lang).format(format_date(change.ends)))
        if change.hours is not None:
            hours = change.hours
            shown = str(hours.numerator) if hours.denominator == 1 else (
                f"{float(hours):.2f}".replace(".", "," if lang == "pl" else "."))
            what.append(_say("hours", lang).format(shown))
        if change.sessions is not None:
            what.append(_say("sessions", lang).format(change.sessions))
        parts.append(f"{_say('contract', lang).format(change.contract)}: {', '.join(what)}")
    if amendment.funding is not None and amendment.funding.total is not None:
        parts.append(_say("total", lang).format(format_amount(amendment.funding.total)))
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
        notes.append(_say("as_signed", lang).format(
            format_period(project.initial_period, "numeric")))
    if project.final_period is not None and project.final_period != project.initial_period:
        notes.append(_say("final", lang).format(format_period(project.final_period, "numeric")))
    return [ReportTable(_say("title", lang), [_say(k, lang) for k in (
        "number", "signed", "effective", "changes")], rows, notes, name="Aneksy")]
