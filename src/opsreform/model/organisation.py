"""The organisation: the centre, its units (działy, zespoły, stanowiska), staff and change.

The point of every Action 2.5 project is a change of structure that separates social
work and services from the administrative procedure of granting benefits by decision.
Unit names vary from centre to centre; the checks read each unit's *role*, not its name
or whether it is a department, a team or a single post.

>>> unit = Unit("zps", "Zespół ds. Pracy Socjalnej", UnitKind.TEAM)
>>> unit.role
<UnitRole.SOCIAL_WORK: 'social-work'>
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import non_empty, optional_non_empty, to_tuple
from opsreform.periods import Period
from opsreform.text._lexer import fold
from opsreform.text.addresses import Address
from opsreform.units import ureg

__all__ = [
    "MODEL_ROLES",
    "Assignment",
    "Change",
    "ChangeKind",
    "Engagement",
    "EngagementKind",
    "Institution",
    "InstitutionKind",
    "Organisation",
    "Reorganisation",
    "Structure",
    "Unit",
    "UnitKind",
    "UnitRole",
    "role_from_name",
]


class InstitutionKind(enum.StrEnum):
    """The kind of centre."""

    OPS = "OPS"
    """Ośrodek Pomocy Społecznej."""
    MOPS = "MOPS"
    """Miejski Ośrodek Pomocy Społecznej (a town's)."""
    GOPS = "GOPS"
    """Gminny Ośrodek Pomocy Społecznej (a rural commune's)."""
    MGOPS = "MGOPS"
    """Miejsko-Gminny Ośrodek Pomocy Społecznej."""
    MOPR = "MOPR"
    """Miejski Ośrodek Pomocy Rodzinie."""
    CUS = "CUS"
    """Centrum Usług Społecznych."""
    DISTRICT_OPS = "OPS-dzielnicy"
    """Ośrodek Pomocy Społecznej Dzielnicy … m.st. Warszawy (a Warsaw district's)."""


class UnitKind(enum.StrEnum):
    """What a unit is."""

    DEPARTMENT = "department"
    """Dział: holds teams and posts."""
    TEAM = "team"
    """Zespół."""
    POST = "post"
    """Stanowisko: a single post."""


class UnitRole(enum.StrEnum):
    """What a unit does; the four model roles first."""

    FIRST_CONTACT = "first-contact"
    """Pierwszy kontakt: receives everyone who comes to the centre."""
    SOCIAL_WORK = "social-work"
    """Praca socjalna."""
    SERVICES = "services"
    """Usługi (usługi opiekuńcze, usługi społeczne)."""
    BENEFITS_BY_DECISION = "benefits-by-decision"
    """Świadczenia przyznawane decyzją (postępowania administracyjne)."""
    FAMILY_ASSISTANCE = "family-assistance"
    """Asystenci rodziny."""
    DOMESTIC_VIOLENCE = "domestic-violence"
    """Przeciwdziałanie przemocy w rodzinie."""
    ANALYSES_AND_PROGRAMMES = "analyses-and-programmes"
    """Analizy i programy."""
    BENEFIT_PAYMENT = "benefit-payment"
    """Realizacja świadczeń: paying out benefits already granted."""
    ADMINISTRATION = "administration"
    """Administracja, księgowość, kadry."""
    MANAGEMENT = "management"
    """Kierownictwo, dyrekcja."""
    OTHER = "other"
    """Any other role."""


MODEL_ROLES: tuple[UnitRole, ...] = (
    UnitRole.FIRST_CONTACT, UnitRole.SOCIAL_WORK, UnitRole.SERVICES,
    UnitRole.BENEFITS_BY_DECISION,
)
"""The four roles of the separation model (art. 110a of the social assistance act)."""

# Stems of Polish unit names (folded: lower case, no diacritics), most specific first.
_ROLE_STEMS: tuple[tuple[tuple[str, ...], UnitRole], ...] = (
    (("pierwsz", "kontakt"), UnitRole.FIRST_CONTACT),
    (("realizacj", "swiadczen"), UnitRole.BENEFIT_PAYMENT),
    (("przyznawan",), UnitRole.BENEFITS_BY_DECISION),
    (("postepowan", "administracyjn"), UnitRole.BENEFITS_BY_DECISION),
    (("swiadczen",), UnitRole.BENEFITS_BY_DECISION),
    (("asyst", "rodzin"), UnitRole.FAMILY_ASSISTANCE),
    (("przemoc",), UnitRole.DOMESTIC_VIOLENCE),
    (("analiz",), UnitRole.ANALYSES_AND_PROGRAMMES),
    (("uslug",), UnitRole.SERVICES),
    (("prac", "socjaln"), UnitRole.SOCIAL_WORK),
    (("kierown",), UnitRole.MANAGEMENT),
    (("dyrekt",), UnitRole.MANAGEMENT),
    (("ksiegow",), UnitRole.ADMINISTRATION),
    (("administrac",), UnitRole.ADMINISTRATION),
)


def role_from_name(name: str) -> UnitRole | None:
    """Guess a unit's role from its Polish name, or None when no single role fits.

    A name that matches two different roles ("Dział Pracy Socjalnej i Asysty Rodzin")
    gives None: such a unit is a container, or its role must be stated.

    >>> role_from_name("Stanowisko ds. Pierwszego Kontakt")
    <UnitRole.FIRST_CONTACT: 'first-contact'>
    >>> role_from_name("Zespół Realizacji Świadczeń")
    <UnitRole.BENEFIT_PAYMENT: 'benefit-payment'>
    >>> role_from_name("Dział Pracy Socjalnej i Asysty Rodzin") is None
    True
    """
    folded = fold(name)
    found: list[UnitRole] = []
    for stems, role in _ROLE_STEMS:
        if all(stem in folded for stem in stems):
            if role not in found:
                found.append(role)
            for stem in stems:  # a matched word is not read again for a vaguer role
                folded = folded.replace(stem, " ")
    return found[0] if len(found) == 1 else None


def _addresses(value: Any) -> tuple[Address, ...]:
    return tuple(value)


@attrs.frozen
class Unit:
    """A department, team or post, with what it holds.

    Attributes:
        id: A stable id, unique in its structure.
        name: The name as the document gives it.
        kind: Department, team or post.
        role: What it does; guessed from the name when not given (a unit holding
            other units may have none).
        addresses: Where it sits (a team may sit elsewhere than its department).
        children: The teams and posts it holds.

    """

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    kind: UnitKind = attrs.field(converter=UnitKind)
    role: UnitRole | None = attrs.field(default=None,
                                        converter=attrs.converters.optional(UnitRole))
    addresses: tuple[Address, ...] = attrs.field(default=(), converter=_addresses)
    children: tuple[Unit, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        if self.role is None:
            object.__setattr__(self, "role", role_from_name(self.name))
        if self.role is None and not self.children:
            raise ValidationError(
                f"cannot tell the role of {self.name!r} from its name; state its role "
                f"({', '.join(r.value for r in UnitRole)})", field="role", value=self.name)
        if self.kind is UnitKind.POST and self.children:
            raise ValidationError(f"a single post ({self.name!r}) cannot hold other units",
                                  field="children", value=self.name)

    def walk(self) -> Iterator[Unit]:
        """Yield this unit and every unit below it."""
        yield self
        for child in self.children:
            yield from child.walk()


@attrs.frozen
class Structure:
    """An organisational structure: the top-level units and all below them.

    Attributes:
        units: The top-level units (departments, and teams or posts outside any).
        date: When it is (or was) in force, when stated.
        complete: Whether the document lists every unit (False: only those the
            project is about).

    """

    units: tuple[Unit, ...] = attrs.field(converter=to_tuple)
    date: date | None = None
    complete: bool | None = None

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for unit in self.walk():
            if unit.id in seen:
                raise ValidationError(f"two units have the id {unit.id!r}", field="units",
                                      value=unit.id)
            seen.add(unit.id)

    def walk(self) -> Iterator[Unit]:
        """Yield every unit, depth first, in document order."""
        for unit in self.units:
            yield from unit.walk()

    def unit(self, unit_id: str) -> Unit:
        """Return the unit with ``unit_id`` (KeyError if none)."""
        for unit in self.walk():
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)

    def roles(self) -> set[UnitRole]:
        """The roles of its units."""
        return {u.role for u in self.walk() if u.role is not None}


def _fte(value: Any) -> Any:
    if isinstance(value, int | str | Fraction):
        value = ureg.Quantity(Fraction(value), "FTE")
    if isinstance(value, float) or not hasattr(value, "dimensionality") or (
            value.dimensionality != ureg.FTE.dimensionality):
        raise ValidationError(f"expected FTE (etat) as an exact quantity, got {value!r}",
                              field="fte", value=value)
    if value.magnitude <= 0:
        raise ValidationError(f"FTE must be above zero, got {value}", field="fte", value=value)
    return value


@attrs.frozen
class Assignment:
    """A person working in a unit for part or all of a post.

    Attributes:
        person: The person's id (declared in the project's people).
        unit: The unit's id (in the "after" structure unless ``before`` is true).
        fte: The part of a full-time post (etat), e.g. ``1/2 * ureg.FTE``.
        before: True when the assignment belongs to the structure before the change.

    """

    person: str = attrs.field(validator=non_empty)
    unit: str = attrs.field(validator=non_empty)
    fte: Any = attrs.field(default=Fraction(1), converter=_fte)
    before: bool = False


class EngagementKind(enum.StrEnum):
    """How the project pays for people."""

    NEW_HIRE = "new-hire"
    """Zatrudnienie nowego pracownika."""
    MOVED_TO_PROJECT = "moved-to-project"
    """Pracownicy przesunięci do realizacji projektu: existing staff paid by the project."""
    CIVIL_CONTRACT = "civil-contract"
    """Umowa zlecenie: a specialist on a civil contract for a period."""


@attrs.frozen
class Engagement:
    """People the project pays for.

    Attributes:
        kind: New hire, moved onto the project, or a civil contract.
        title: What the document says ("specjalista ds. monitoringu …").
        people: Ids of the people, when named.
        count: How many people, when stated (and nobody is named).
        fte: How many posts, when stated.
        profession: Their profession (a :class:`~opsreform.model.people.Profession`
            value), when stated.
        period: For how long, when stated.
        signed: When the contract was concluded, when stated.

    """

    kind: EngagementKind = attrs.field(converter=EngagementKind)
    title: str = attrs.field(validator=non_empty)
    people: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    count: int | None = None
    fte: Any = attrs.field(default=None, converter=attrs.converters.optional(_fte))
    profession: str | None = attrs.field(default=None, validator=optional_non_empty)
    period: Period | None = None
    signed: date | None = None


class ChangeKind(enum.StrEnum):
    """A change of structure."""

    CREATED = "created"
    """Powołanie / wyodrębnienie: a unit is created."""
    RENAMED = "renamed"
    """A unit is renamed."""
    MERGED = "merged"
    """Units are merged into one."""
    REMOVED = "removed"
    """A unit is closed."""
    MOVED = "moved"
    """People are moved between units."""


@attrs.frozen
class Change:
    """One change between the structure before and after.

    Attributes:
        kind: What happened.
        units: The ids (or names) of the units concerned.
        into: For renames and mergers, the resulting unit.
        people: For moves, who was moved.
        text: The document's words.

    """

    kind: ChangeKind = attrs.field(converter=ChangeKind)
    units: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    into: str | None = None
    people: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    text: str | None = None


@attrs.frozen
class Reorganisation:
    """The change of structure, as data.

    Attributes:
        effective: The date it took effect (e.g. 01.09.2017), when stated.
        act: The act that made it ("Zarządzenie Dyrektora", "Regulamin Organizacyjny z
            dnia 31.07.2017 r."), when stated.
        changes: The changes, in the document's order.

    """

    effective: date | None = None
    act: str | None = None
    changes: tuple[Change, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class Institution:
    """The centre.

    Attributes:
        kind: OPS, MOPS, GOPS, MGOPS, MOPR, CUS or a Warsaw district's OPS.
        name: Its full name.
        gmina: The commune (or the Warsaw district) it serves.
        address: Its seat, when stated.
        population: Inhabitants of the area it serves (for a Warsaw district, the
            district's), when stated.

    """

    kind: InstitutionKind = attrs.field(converter=InstitutionKind)
    name: str = attrs.field(validator=non_empty)
    gmina: str | None = None
    address: Address | None = None
    population: int | None = None


@attrs.frozen
class Organisation:
    """The centre's organisation before and after the change, and its staff.

    Attributes:
        institution: The centre, when described.
        before: The structure before the change, when stated.
        after: The structure after the change (the project's target), when stated.
        assignments: Who works where; None when the documents do not say (unknown),
            an empty tuple when it is known that nobody is assigned.
        engagements: Whom the project pays for, and how.
        reorganisation: The change as data.
        staff_supported: How many staff the project supports, when stated.
        social_workers: How many social workers the centre has, when stated without names.
        families_in_social_work: Families (and single people) in social work, when stated.
        families_per_assistant: For each family assistant (person id), how many families
            they work with at a time, when stated.

    """

    institution: Institution | None = None
    before: Structure | None = None
    after: Structure | None = None
    assignments: tuple[Assignment, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_tuple))
    engagements: tuple[Engagement, ...] = attrs.field(default=(), converter=to_tuple)
    reorganisation: Reorganisation | None = None
    staff_supported: int | None = None
    social_workers: int | None = None
    families_in_social_work: int | None = None
    families_per_assistant: tuple[tuple[str, int], ...] = attrs.field(
        default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        for assignment in self.assignments or ():
            structure = self.before if assignment.before else self.after
            if structure is None:
                raise ValidationError(
                    f"{assignment.person} is assigned to {assignment.unit!r}, but that "
                    "structure is not described", field="assignments", value=assignment.unit)
            try:
                structure.unit(assignment.unit)
            except KeyError:
                raise ValidationError(f"{assignment.person} is assigned to unit "
                                      f"{assignment.unit!r}, which the structure does not "
                                      "have", field="assignments",
                                      value=assignment.unit) from None
