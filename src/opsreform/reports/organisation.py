"""The organisation report: units of the structure before and after, as a table or text."""

from __future__ import annotations

from opsreform.model.organisation import Structure
from opsreform.model.project import Project
from opsreform.reports._lang import Lang, label
from opsreform.reports.tables import Cell, ReportTable

__all__ = ["organisation_tables"]


def _rows(structure: Structure) -> list[list[Cell]]:
    rows: list[list[Cell]] = []

    def walk(units: tuple[object, ...], depth: int) -> None:
        for unit in units:
            rows.append(["  " * depth + unit.name,  # type: ignore[attr-defined]
                         unit.kind.value,  # type: ignore[attr-defined]
                         ", ".join(r.value for r in unit.roles),  # type: ignore[attr-defined]
                         "; ".join(str(a) for a in unit.addresses)])  # type: ignore[attr-defined]
            walk(unit.children, depth + 1)  # type: ignore[attr-defined]

    walk(structure.units, 0)
    return rows


def organisation_tables(project: Project, *, lang: Lang = "pl") -> list[ReportTable]:
    """One table per described structure (before, after): unit, kind, role, addresses."""
    organisation = project.organisation
    headers = [label(k, lang) for k in ("unit", "kind", "role", "addresses")]
    tables = []
    if organisation is not None:
        for key, structure in (("before", organisation.before), ("after", organisation.after)):
            if structure is not None:
                tables.append(ReportTable(
                    f"{label('structure', lang)} {label(key, lang)}", headers,
                    _rows(structure)))
    if not tables:
        tables.append(ReportTable(label("organisation_title", lang), headers, []))
    return tables
