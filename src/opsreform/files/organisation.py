"""The ``[organisation]`` table of a project file, read and written.

Units nest as arrays of tables (``[[organisation.after.units]]`` holding
``[[organisation.after.units.units]]``); addresses are free text read with
:func:`~opsreform.text.addresses.parse_addresses`; dates and periods are Polish text;
FTE are numbers or text (``1``, ``0.5``, ``"1/2"``, ``"0,5"``, ``"3 etaty"``). Unknown
keys are errors, never silently dropped.

>>> org = organisation_from_data({
...     "institution": {"kind": "GOPS", "name": "GOPS w Przykładowie", "population": 7000},
...     "after": {"units": [{"id": "zps", "name": "Zespół Pracy Socjalnej", "kind": "team",
...                          "addresses": ["ul. Polna 1 00-001 Przykładowo"]}]},
...     "assignments": [{"person": "pw-1", "unit": "zps", "fte": "0,5"}],
... }, where="organisation")
>>> org.after.unit("zps").role.value, org.assignments[0].fte.magnitude
('social-work', Fraction(1, 2))
>>> organisation_from_data(organisation_to_data(org), where="organisation") == org
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from opsreform.exceptions import OpsReformError, ValidationError
from opsreform.files._reader import PEOPLE, POPULATION, Table, compact, shown
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
    fte_fraction,
)
from opsreform.model.people import Profession
from opsreform.text.addresses import Address, parse_address, parse_addresses
from opsreform.text.dates import format_date
from opsreform.text.periods import format_period
from opsreform.units import ureg

__all__ = ["organisation_from_data", "organisation_to_data", "parse_fte", "read_organisation"]

# ASCII digits, a few of them: "0,5", "1/2", "3 etaty" (never "٣" or a thousand digits).
_FTE = re.compile(r"^\s*(?P<n>[0-9]{1,9}(?:[.,][0-9]{1,9})?|[0-9]{1,9}\s*/\s*[0-9]{1,9})\s*"
                  r"(?:etat\w*|fte)?\s*$", re.IGNORECASE)


def parse_fte(value: int | float | str) -> Any:
    """Read an FTE (etat) as a project file writes it, into an exact FTE quantity.

    A TOML float is read through its decimal text (``0.5`` is exactly one half).

    Raises:
        ValidationError: For text that is not a number of posts, or more posts than
            :data:`~opsreform.files._reader.PEOPLE`.

    >>> parse_fte("0,5"), parse_fte("3 etaty"), parse_fte(0.25), parse_fte("2/3")
    (<Quantity(1/2, 'FTE')>, <Quantity(3, 'FTE')>, <Quantity(1/4, 'FTE')>, <Quantity(2/3, 'FTE')>)

    """
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValidationError(f"expected FTE as a number or text, got {value!r}", field="fte",
                              value=value)
    match = _FTE.match(str(value))
    if match is None:
        raise ValidationError(f"expected FTE such as 1, 0,5, \"1/2\" or \"3 etaty\", got "
                              f"{value!r}", field="fte", value=value)
    numerator, _, denominator = match["n"].replace(",", ".").replace(" ", "").partition("/")
    if denominator and int(denominator) == 0:
        raise ValidationError(f"FTE {shown(value)} divides by zero", field="fte", value=value)
    number = Fraction(numerator) / (int(denominator) if denominator else 1)
    if number > PEOPLE:
        raise ValidationError(f"FTE {shown(value)} is not plausible; expected at most {PEOPLE}",
                              field="fte", value=value)
    return ureg.Quantity(number, "FTE")


def organisation_from_data(data: Mapping[str, Any], *, where: str = "organisation",
                           path: str | None = None) -> Organisation:
    """Read the ``[organisation]`` table of a project file.

    Args:
        data: The table as TOML gives it.
        where: The dotted key of the table, for error messages (``organisation``).
        path: The file it came from, for error messages.

    Returns:
        The organisation.

    Raises:
        ProjectFileError: For an unknown key or a value that cannot be read, naming its
            key (``organisation.after.units[0].units[2].role``).

    """
    return read_organisation(Table(data, where, path, lambda _key: None))


def read_organisation(t: Table) -> Organisation:
    """Read the ``[organisation]`` table from a checked table view.

    Raises:
        ProjectFileError: For an unknown key or a value that cannot be read, naming it.

    """
    institution = t.table("institution")
    reorganisation = t.table("reorganisation")
    before, after = t.table("before"), t.table("after")
    assignments = None if t.get("assignments", list) is None else tuple(
        _assignment(a) for a in t.tables("assignments"))
    return t.build(
        Organisation,
        institution=None if institution is None else _institution(institution),
        before=None if before is None else _structure(before),
        after=None if after is None else _structure(after),
        assignments=assignments,
        engagements=tuple(_engagement(e) for e in t.tables("engagements")),
        reorganisation=None if reorganisation is None else _reorganisation(reorganisation),
        staff_supported=t.count("staff_supported", high=PEOPLE),
        social_workers=t.count("social_workers", high=PEOPLE),
        social_workers_at_least=t.count("social_workers_at_least", high=PEOPLE),
        families_in_social_work=t.count("families_in_social_work", high=PEOPLE),
        families_per_assistant=tuple(_families(f) for f in t.tables("families_per_assistant")),
    )


def _families(t: Table) -> tuple[str, int]:
    person = t.get("person", str, required=True)
    families = t.count("families", high=PEOPLE, required=True)
    assert families is not None  # required
    t.done()
    return person, families


def _institution(t: Table) -> Institution:
    return t.build(
        Institution,
        kind=t.convert("kind", str, InstitutionKind, required=True),
        name=t.get("name", str, required=True),
        gmina=t.get("gmina", str),
        address=t.convert("address", str, parse_address),
        population=t.count("population", high=POPULATION),
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
        roles=_roles(t),
        addresses=tuple(addresses),
        children=tuple(_unit(c) for c in t.tables("units")),
        staff=t.count("staff", high=PEOPLE),
    )


def _roles(t: Table) -> tuple[UnitRole, ...] | None:
    """The ``roles = [...]`` of a unit that combines several (``role`` names one)."""
    names = t.strings("roles")
    if names is None:
        return None
    if "role" in t.data:
        raise t.error("roles", "give role (one) or roles (several), not both")
    if not names:
        raise t.error("roles", "expected at least one role, got an empty list")
    roles = []
    for name in names:
        try:
            roles.append(UnitRole(name))
        except ValueError:
            raise t.error("roles", f"unknown role {name!r}; expected one of: "
                          f"{', '.join(r.value for r in UnitRole)}") from None
    return tuple(roles)


def _assignment(t: Table) -> Assignment:
    fte = t.convert("fte", (int, float, str), parse_fte)
    return t.build(
        Assignment,
        person=t.get("person", str, required=True),
        unit=t.get("unit", str, required=True),
        fte=Fraction(1) if fte is None else fte,
        before=t.get("before", bool) or False,
    )


def _engagement(t: Table) -> Engagement:
    return t.build(
        Engagement,
        kind=t.convert("kind", str, EngagementKind, required=True),
        title=t.get("title", str, required=True),
        people=t.strings("people") or (),
        count=t.count("count", high=PEOPLE),
        fte=t.convert("fte", (int, float, str), parse_fte),
        profession=t.convert("profession", str, Profession),
        period=t.period("period"),
        signed=t.date("signed"),
    )


def _reorganisation(t: Table) -> Reorganisation:
    return t.build(
        Reorganisation,
        effective=t.date("effective"),
        act=t.get("act", str),
        changes=tuple(_change(c) for c in t.tables("changes")),
    )


def _change(t: Table) -> Change:
    return t.build(
        Change,
        kind=t.convert("kind", str, ChangeKind, required=True),
        units=t.strings("units") or (),
        into=t.get("into", str),
        people=t.strings("people") or (),
        text=t.get("text", str),
    )


def _fte_data(value: Any) -> int | str:
    exact = fte_fraction(value)
    return exact.numerator if exact.denominator == 1 else str(exact)


def _unit_data(unit: Unit) -> dict[str, Any]:
    # Roles the name gives are left out, as a person writing the file would.
    told = unit.roles == unit.roles_from_its_name()
    stated = [] if told else [r.value for r in unit.roles]
    return compact({
        "id": unit.id, "name": unit.name, "kind": unit.kind.value,
        "role": stated[0] if len(stated) == 1 else None,
        "roles": stated if len(stated) > 1 else None,
        "addresses": [str(a) for a in unit.addresses],
        "staff": unit.staff,
        "units": [_unit_data(c) for c in unit.children],
    })


def _structure_data(s: Structure) -> dict[str, Any]:
    return compact({"date": s.date and format_date(s.date), "complete": s.complete,
                    "units": [_unit_data(u) for u in s.units]})


def _change_data(c: Change) -> dict[str, Any]:
    return compact({"kind": c.kind.value, "units": list(c.units), "into": c.into,
                    "people": list(c.people), "text": c.text})


def organisation_to_data(org: Organisation) -> dict[str, Any]:
    """Write an :class:`Organisation` as the ``[organisation]`` table (read back equal).

    Unknown facts are left out; a known empty list of assignments is kept, as it says
    that nobody is assigned.
    """
    inst = org.institution
    reorg = org.reorganisation
    data = compact({
        "staff_supported": org.staff_supported,
        "social_workers": org.social_workers,
        "social_workers_at_least": org.social_workers_at_least,
        "families_in_social_work": org.families_in_social_work,
        "institution": None if inst is None else compact({
            "kind": inst.kind.value, "name": inst.name, "gmina": inst.gmina,
            "address": inst.address and str(inst.address), "population": inst.population}),
        "reorganisation": None if reorg is None else compact({
            "effective": reorg.effective and format_date(reorg.effective), "act": reorg.act,
            "changes": [_change_data(c) for c in reorg.changes]}),
        "before": None if org.before is None else _structure_data(org.before),
        "after": None if org.after is None else _structure_data(org.after),
        "engagements": [compact({
            "kind": e.kind.value, "title": e.title, "people": list(e.people),
            "count": e.count, "fte": None if e.fte is None else _fte_data(e.fte),
            "profession": e.profession and e.profession.value,
            "period": e.period and format_period(e.period),
            "signed": e.signed and format_date(e.signed)}) for e in org.engagements],
        "families_per_assistant": [{"person": p, "families": n}
                                   for p, n in org.families_per_assistant],
    })
    if org.assignments is not None:
        data["assignments"] = [
            compact({"person": a.person, "unit": a.unit, "fte": _fte_data(a.fte),
                     "before": a.before or None}) for a in org.assignments]
    return data
