"""Contract progress: hours contracted, scheduled, delivered and remaining, per month.

Hours are counted in each contract's own unit (lesson hours for supervision in one
source document), exactly, and rounded only when written.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from fractions import Fraction

from opsreform.model.project import Project
from opsreform.model.sessions import SessionStatus
from opsreform.reports._lang import Lang, label
from opsreform.reports.tables import Cell, ReportTable

__all__ = ["contract_tables"]


def _num(value: Fraction | None) -> Cell:
    if value is None:
        return None
    if value.denominator == 1:
        return value.numerator
    return Decimal(value.numerator) / Decimal(value.denominator)


def _text(value: Cell) -> str:
    return "" if value is None else str(value).replace(".", ",")


def contract_tables(project: Project, *, lang: Lang = "pl") -> list[ReportTable]:
    """One table per contract: per month, scheduled and delivered hours, and what remains."""
    tables = []
    by_contract: dict[str, list[tuple[str, int, bool]]] = defaultdict(list)
    for session in project.sessions:
        if session.status is SessionStatus.CANCELLED:
            continue
        contract = project.contract_of(session)
        if contract is not None and session.minutes is not None:
            month = f"{session.first_day:%Y-%m}"
            by_contract[contract.id].append(
                (month, session.minutes, session.status is SessionStatus.DELIVERED))
    for contract in project.contracts:
        months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        count = 0
        for month, minutes, was_delivered in by_contract.get(contract.id, ()):
            months[month][0] += minutes
            months[month][1] += minutes if was_delivered else 0
            count += 1
        unit = contract.unit
        limit = contract.hours
        rows: list[list[Cell]] = []
        scheduled_total = delivered_total = 0
        for month in sorted(months):
            scheduled, delivered = months[month]
            scheduled_total += scheduled
            delivered_total += delivered
            remaining = None if limit is None else limit - contract.in_unit(scheduled_total)
            rows.append([month, _num(contract.in_unit(scheduled)),
                         _num(contract.in_unit(delivered)), _num(remaining)])
        rows.append([label("total", lang), _num(contract.in_unit(scheduled_total)),
                     _num(contract.in_unit(delivered_total)),
                     _num(None if limit is None else limit - contract.in_unit(scheduled_total))])
        unit_name = {"lesson_hour": "godz. lekcyjne" if lang == "pl" else "lesson hours",
                     "hour": "godz. zegarowe" if lang == "pl" else "clock hours"}.get(unit, unit)
        notes = [f"{label('contracted', lang)}: "
                 f"{_text(_num(limit)) if limit is not None else label('unknown', lang)} "
                 f"({unit_name})"]
        if contract.sessions is not None:
            notes.append(f"{label('contracted', lang)}: {contract.sessions}; "
                         f"{label('scheduled', lang)}: {count}")
        tables.append(ReportTable(
            f"{label('contract', lang)} {contract.id}: {contract.title}",
            [label("month", lang), f"{label('scheduled', lang)} ({unit_name})",
             f"{label('delivered', lang)} ({unit_name})",
             f"{label('remaining', lang)} ({unit_name})"], rows, notes))
    return tables
