"""The ``[organisation]`` table of a project file, read and written.

Units nest as arrays of tables (``[[organisation.after.units]]`` holding
``[[organisation.after.units.units]]``); addresses are free text; FTE numbers or
strings (``"1/2"``, ``"0,5"``). Unknown keys are errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from opsreform.exceptions import OpsReformError
from opsreform.files._reader import Table, compact
from opsreform.model.organisation import (
    Assignment,
    Change,
    ChangeKind,
    Engagement,
    EngagementKind,
    Institution,
    InstitutionKind,
    Organisation,
    Reorganisation,
    Structure,
    Unit,
    UnitKind,
    UnitRole,
    role_from_name,
)
from opsreform.text.addresses import Address, parse_address, parse_addresses
from opsreform.text.dates import format_date
from opsreform.text.periods import format_period
from opsreform.units import ureg

__all__ = ["organisation_from_data", "organisation_to_data", "read_organisation"]


def organisation_from_data(data: Mapping[str, Any], *, where: str = "organisation",
                           path: str | None = None) -> Organisation:
    """Read the ``[organisation]`` table (see :func:`read_organisation`)."""
    return read_organisation(Table(data, where, path, lambda _key: None))


def _fte(value: object) -> Any:
    return ureg.Quantity(Fraction(str(value).replace(",", ".")), "FTE")


def read_organisation(t: Table) -> Organisation:
    """Read the ``[organisation]`` table from a checked table view.

    Raises:
        ProjectFileError: For an unknown key or a value that cannot be read, naming it.

    """
    institution = t.table("institution")
    reorganisation = t.table("reorganisation")
    before, after = t.table("before"), t.table("after")
    assignments = t.get("assignments", list)
    return t.build(
        Organisation,
        institution=None if institution is None else _institution(institution),
        before=None if before is None else _structure(before),
        after=None if after is None else _structure(after),
        assignments=None if assignments is None else tuple(
            _assignment(a) for a in t.tables("assignments")),
        engagements=tuple(_engagement(e) for e in t.tables("engagements")),
        reorganisation=None if reorganisation is None else _reorganisation(reorganisation),
        staff_supported=t.get("staff_supported", int),
        social_workers=t.get("social_workers", int),
        families_in_social_work=t.get("families_in_social_work", int),
        families_per_assistant=tuple(
            (f.get("person", str, required=True), f.get("families", int, required=True))
            for f in _checked(t.tables("families_per_assistant"))),
    )


def _checked(tables: list[Table]) -> list[Table]:
    for table in tables:
        table.read.update({"person", "families"})
        table.done()
    return tables


def _institution(t: Table) -> Institution:
    return t.build(
        Institution,
        kind=t.convert("kind", str, InstitutionKind, required=True),
        name=t.get("name", str, required=True),
        gmina=t.get("gmina", str),
        address=t.convert("address", str, parse_address),
        population=t.get("population", int),
    )


def _structure(t: Table) -> Structure:
    return t.build(
        Structure,
        units=tuple(_unit(u) for u in t.tables("units")),
        date=t.date("date"),
        complete=t.get("complete", bool),
    )


def _unit(t: Table) -> Unit:
    addresses: list[Address] = []
    for text in t.strings("addresses") or ():
        try:
            addresses.extend(parse_addresses(text))
        except OpsReformError as exc:
            raise t.error("addresses", str(exc)) from None
    return t.build(
        Unit,
        id=t.get("id", str, required=True),
        name=t.get("name", str, required=True),
        kind=t.convert("kind", str, UnitKind, required=True),
        role=t.convert("role", str, UnitRole),
        addresses=tuple(addresses),
        children=tuple(_unit(c) for c in t.tables("units")),
    )


def _assignment(t: Table) -> Assignment:
    fte = t.get("fte", (int, str))
    return t.build(
        Assignment,
        person=t.get("person", str, required=True),
        unit=t.get("unit", str, required=True),
        fte=Fraction(1) if fte is None else t.convert("fte", (int, str), _fte),
        before=t.get("before", bool) or False,
    )


def _engagement(t: Table) -> Engagement:
    fte = t.get("fte", (int, str))
    return t.build(
        Engagement,
        kind=t.convert("kind", str, EngagementKind, required=True),
        title=t.get("title", str, required=True),
        people=t.strings("people") or (),
        count=t.get("count", int),
        fte=None if fte is None else t.convert("fte", (int, str), _fte),
        profession=t.get("profession", str),
        period=t.period("period"),
        signed=t.date("signed"),
    )


def _reorganisation(t: Table) -> Reorganisation:
    return t.build(
        Reorganisation,
        effective=t.date("effective"),
        act=t.get("act", str),
        changes=tuple(t2.build(
            Change, kind=t2.convert("kind", str, ChangeKind, required=True),
            units=t2.strings("units") or (), into=t2.get("into", str),
            people=t2.strings("people") or (), text=t2.get("text", str))
            for t2 in t.tables("changes")),
    )



def _fte_data(value: Any) -> int | str:
    exact = Fraction(value.to("FTE").magnitude)
    return exact.numerator if exact.denominator == 1 else str(exact)


def _unit_data(unit: Unit) -> dict[str, Any]:
    guessed = role_from_name(unit.name)
    return compact({
        "id": unit.id, "name": unit.name, "kind": unit.kind.value,
        "role": None if unit.role is None or unit.role == guessed else unit.role.value,
        "addresses": [str(a) for a in unit.addresses],
        "units": [_unit_data(c) for c in unit.children],
    })


def _structure_data(s: Structure) -> dict[str, Any]:
    return compact({"date": s.date and format_date(s.date), "complete": s.complete,
                   "units": [_unit_data(u) for u in s.units]})


def organisation_to_data(org: Organisation) -> dict[str, Any]:
    """Write an :class:`Organisation` as the ``[organisation]`` table (read back equal)."""
    inst = org.institution
    reorg = org.reorganisation
    data = compact({
        "staff_supported": org.staff_supported,
        "social_workers": org.social_workers,
        "families_in_social_work": org.families_in_social_work,
        "institution": None if inst is None else compact({
            "kind": inst.kind.value, "name": inst.name, "gmina": inst.gmina,
            "address": inst.address and str(inst.address), "population": inst.population}),
        "reorganisation": None if reorg is None else compact({
            "effective": reorg.effective and format_date(reorg.effective), "act": reorg.act,
            "changes": [compact({"kind": c.kind.value, "units": list(c.units), "into": c.into,
                                "people": list(c.people), "text": c.text})
                        for c in reorg.changes]}),
        "before": None if org.before is None else _structure_data(org.before),
        "after": None if org.after is None else _structure_data(org.after),
        "engagements": [compact({
            "kind": e.kind.value, "title": e.title, "people": list(e.people),
            "count": e.count, "fte": None if e.fte is None else _fte_data(e.fte),
            "profession": e.profession, "period": e.period and format_period(e.period),
            "signed": e.signed and format_date(e.signed)}) for e in org.engagements],
        "families_per_assistant": [{"person": p, "families": n}
                                   for p, n in org.families_per_assistant],
    })
    if org.assignments is not None:  # an empty list means "known: nobody", so it is kept
        data["assignments"] = [
            compact({"person": a.person, "unit": a.unit, "fte": _fte_data(a.fte),
                    "before": a.before or None}) for a in org.assignments]
    return data
