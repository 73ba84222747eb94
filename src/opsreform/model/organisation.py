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
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import non_empty, optional_non_empty, to_tuple
from opsreform.model.people import Profession
from opsreform.periods import Period
from opsreform.text._lexer import fold
from opsreform.text.addresses import Address
from opsreform.units import ureg

__all__ = [
    "MODEL_ROLES",
    "ROLE_NAMES_PL",
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
    "changes_between",
    "fte_fraction",
    "name_words",
    "role_from_name",
    "roles_from_name",
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

    @classmethod
    def _missing_(cls, value: object) -> UnitRole | None:
        # "benefits" for short, and the Polish names ("praca socjalna") as the field says.
        if not isinstance(value, str):
            return None
        wanted = fold(" ".join(value.split()))
        if wanted == "benefits":
            return cls.BENEFITS_BY_DECISION
        return next((role for role, said in ROLE_NAMES_PL.items() if fold(said) == wanted),
                    None)

    @property
    def is_model(self) -> bool:
        """Whether it is one of the four roles of the separation model (:data:`MODEL_ROLES`)."""
        return self in MODEL_ROLES


MODEL_ROLES: tuple[UnitRole, ...] = (
    UnitRole.FIRST_CONTACT, UnitRole.SOCIAL_WORK, UnitRole.SERVICES,
    UnitRole.BENEFITS_BY_DECISION,
)
"""The four roles of the separation model (art. 110a of the social assistance act)."""

ROLE_NAMES_PL: dict[UnitRole, str] = {
    UnitRole.FIRST_CONTACT: "pierwszy kontakt",
    UnitRole.SOCIAL_WORK: "praca socjalna",
    UnitRole.SERVICES: "usługi",
    UnitRole.BENEFITS_BY_DECISION: "świadczenia przyznawane decyzją",
    UnitRole.FAMILY_ASSISTANCE: "asystenci rodziny",
    UnitRole.DOMESTIC_VIOLENCE: "przeciwdziałanie przemocy w rodzinie",
    UnitRole.ANALYSES_AND_PROGRAMMES: "analizy i programy",
    UnitRole.BENEFIT_PAYMENT: "realizacja świadczeń",
    UnitRole.ADMINISTRATION: "administracja",
    UnitRole.MANAGEMENT: "kierownictwo",
    UnitRole.OTHER: "inne",
}
"""The Polish name of each role, as findings and charts show it."""

# Abbreviations of the field, written out before matching ("Zespół ds. DPS").
_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "dps": ("domu", "pomocy", "spolecznej"),
    "ps": ("pomocy", "spolecznej"),
    "sr": ("swiadczen", "rodzinnych"),
    "fa": ("funduszu", "alimentacyjnego"),
    "ppk": ("punkt", "pierwszego", "kontaktu"),
    "zi": ("zespol", "interdyscyplinarny"),
}

# Words that only connect ("Zespół d/s Usług", "do spraw", "nr 2"): never a role.
_NOISE = frozenset({"ds", "d", "s", "do", "spraw", "nr", "i", "oraz", "w", "z", "ze", "na"})

# "Pomoc środowiskowa" is not among them: a Dział Pomocy Środowiskowej holds social work
# in one centre and first contact with benefits in another (Tarnowskie Góry), so its
# name does not tell its role.
#
# What a name says, as word stems (folded: lower case, no diacritics), each stem the
# start of one word in any declension ("pracy", "pracowników"; "świadczeń"). Read in
# this order, most specific first; the words a pattern matched are not read again, so
# "Realizacji Świadczeń" is benefit payment and not also benefits by decision.
_PATTERNS: tuple[tuple[tuple[str, ...], UnitRole], ...] = (
    (("pierwsz", "kontakt"), UnitRole.FIRST_CONTACT),
    (("realizacj", "swiadcz"), UnitRole.BENEFIT_PAYMENT),
    (("wyplat",), UnitRole.BENEFIT_PAYMENT),
    (("postepowan", "administracyjn"), UnitRole.BENEFITS_BY_DECISION),
    (("dom", "pomocy", "spoleczn"), UnitRole.BENEFITS_BY_DECISION),  # placements in a DPS
    (("dodatk", "mieszkaniow"), UnitRole.BENEFITS_BY_DECISION),
    (("asyst", "rodzin"), UnitRole.FAMILY_ASSISTANCE),
    (("prac", "socjaln"), UnitRole.SOCIAL_WORK),  # pracy / pracowników socjalnych
    (("przemoc",), UnitRole.DOMESTIC_VIOLENCE),
    (("interdyscyplinarn",), UnitRole.DOMESTIC_VIOLENCE),  # the team of the 2005 act
    (("analiz",), UnitRole.ANALYSES_AND_PROGRAMMES),
    (("program",), UnitRole.ANALYSES_AND_PROGRAMMES),
    (("uslug",), UnitRole.SERVICES),
    (("opiekun",), UnitRole.SERVICES),  # usługi opiekuńcze, opiekunki
    (("swiadcz",), UnitRole.BENEFITS_BY_DECISION),
    (("decyzj",), UnitRole.BENEFITS_BY_DECISION),
    (("przyzna",), UnitRole.BENEFITS_BY_DECISION),
    (("alimentacyjn",), UnitRole.BENEFITS_BY_DECISION),
    (("zasilk",), UnitRole.BENEFITS_BY_DECISION),
    (("stypendi",), UnitRole.BENEFITS_BY_DECISION),
    (("kierown",), UnitRole.MANAGEMENT),
    (("dyrekt",), UnitRole.MANAGEMENT),
    (("ksiegow",), UnitRole.ADMINISTRATION),
    (("administrac",), UnitRole.ADMINISTRATION),
    (("kadr",), UnitRole.ADMINISTRATION),
    (("sekretariat",), UnitRole.ADMINISTRATION),
    (("finansow",), UnitRole.ADMINISTRATION),
    (("gospodarcz",), UnitRole.ADMINISTRATION),
)

# Words that say which benefits, read with a benefit they qualify ("Świadczeń Rodzinnych
# i Alimentacyjnych", "Decyzji Administracyjnych"), not as roles of their own.
_BENEFIT_WORDS = ("swiadcz", "rodzinn", "alimentacyjn", "fundusz", "mieszkaniow",
                  "energetyczn", "pieniezn", "wychowawcz", "przyzna", "decyzj",
                  "administracyjn")


def name_words(name: str) -> list[str]:
    """A unit name as the matcher reads it: folded words, abbreviations written out.

    >>> name_words("Zespół d/s Świadczeń Rodzinnych nr 2")
    ['zespol', 'swiadczen', 'rodzinnych', '2']
    >>> name_words("Sekcja ds. DPS")
    ['sekcja', 'domu', 'pomocy', 'spolecznej']
    """
    words: list[str] = []
    for word in re.findall(r"[^\W_]+", fold(name).replace("d/s", " ds ")):
        if word not in _NOISE:
            words.extend(_ABBREVIATIONS.get(word, (word,)))
    return words


def roles_from_name(name: str) -> tuple[UnitRole, ...]:
    """Tell a unit's roles from its Polish name: every role it names, or none.

    The name is read as words (:func:`name_words`); each pattern of word stems names a
    role. A name combining roles gives them all ("Zespół ds. usług i świadczeń"); a
    name that says no role gives none (unknown, not a guess).

    >>> [r.value for r in roles_from_name("Zespół ds. usług i świadczeń")]
    ['services', 'benefits-by-decision']
    >>> [r.value for r in roles_from_name("Sekcja Pracowników Socjalnych")]
    ['social-work']
    >>> roles_from_name("Dział Pieczy Zastępczej")
    ()
    """
    words = name_words(name)
    used = [False] * len(words)
    found: set[UnitRole] = set()
    for stems, role in _PATTERNS:
        places = _match(stems, words, used)
        if places is None:
            continue
        found.add(role)
        for place in places:
            used[place] = True
        if role in (UnitRole.BENEFITS_BY_DECISION, UnitRole.BENEFIT_PAYMENT):
            for place, word in enumerate(words):
                if word.startswith(_BENEFIT_WORDS):
                    used[place] = True
    return tuple(role for role in UnitRole if role in found)


def _match(stems: tuple[str, ...], words: list[str], used: list[bool]) -> list[int] | None:
    """The places of unused words starting with each stem in turn, or None."""
    places: list[int] = []
    for stem in stems:
        place = next((i for i, word in enumerate(words) if not used[i]
                      and i not in places and word.startswith(stem)), None)
        if place is None:
            return None
        places.append(place)
    return places


def role_from_name(name: str) -> UnitRole | None:
    """Tell a unit's single role from its Polish name, or None when it names not one.

    A name that names two roles ("Dział Pracy Socjalnej i Asysty Rodzin") gives None
    here; :func:`roles_from_name` gives both.

    >>> role_from_name("Stanowisko ds. Pierwszego Kontakt")
    <UnitRole.FIRST_CONTACT: 'first-contact'>
    >>> role_from_name("Zespół Realizacji Świadczeń")
    <UnitRole.BENEFIT_PAYMENT: 'benefit-payment'>
    >>> role_from_name("Dział Pracy Socjalnej i Asysty Rodzin") is None
    True
    """
    roles = roles_from_name(name)
    return roles[0] if len(roles) == 1 else None


def _addresses(value: Any) -> tuple[Address, ...]:
    items = tuple(value)
    for item in items:
        if not isinstance(item, Address):
            raise ValidationError(f"expected an Address, got {type(item).__name__} {item!r}; "
                                  "read free text with parse_addresses",
                                  field="addresses", value=item)
    return items


def _optional_count(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                              or value < 0):
        raise ValidationError(f"expected a whole number of at least 0, got {value!r}",
                              field=attribute.name, value=value)


def _to_roles(value: Any) -> tuple[UnitRole, ...]:
    """Roles in the order of :class:`UnitRole`, each once (so equal sets compare equal)."""
    items = [value] if isinstance(value, str) else list(value)
    roles = {UnitRole(item) for item in items}
    return tuple(role for role in UnitRole if role in roles)


@attrs.frozen(init=False)
class Unit:
    """A department (dział), team (zespół) or single post (stanowisko), with what it holds.

    Attributes:
        id: A stable id, unique in its structure.
        name: The name as the document gives it.
        kind: Department, team or post.
        roles: What it does: one role, or several for a unit that combines them
            ("Zespół ds. usług i świadczeń"), in the order of :class:`UnitRole`. Given as
            ``role=`` (one) or ``roles=`` (several); when neither is given they are told
            from the name (:func:`roles_from_name`); stated roles are never overridden.
            A team or post whose roles cannot be told is refused; a department may have
            none (unknown). A department holding units takes a role from its name only
            when the name gives one (:meth:`roles_from_its_name`); the roles its units
            have are :meth:`held_roles`.
        addresses: Where it sits, when stated (a team may sit elsewhere than its
            department); see :meth:`Structure.addresses_of` for inherited addresses.
        children: The teams and posts it holds, in the document's order.
        staff: How many people work in it, when the document states a number but no
            names (``None``: unknown).

    >>> Unit("zus", "Zespół ds. usług i świadczeń", "team").roles
    (<UnitRole.SERVICES: 'services'>, <UnitRole.BENEFITS_BY_DECISION: 'benefits-by-decision'>)

    """

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    kind: UnitKind = attrs.field(converter=UnitKind)
    roles: tuple[UnitRole, ...] = attrs.field(converter=_to_roles)
    addresses: tuple[Address, ...] = attrs.field(converter=_addresses)
    children: tuple[Unit, ...] = attrs.field(converter=to_tuple)
    staff: int | None = attrs.field(validator=_optional_count)

    def __init__(
        self,
        id: str,
        name: str,
        kind: UnitKind | str,
        role: UnitRole | str | None = None,
        addresses: Any = (),
        children: Any = (),
        staff: int | None = None,
        *,
        roles: Any = None,
    ) -> None:
        """Build a unit; give its role as ``role`` (one) or ``roles`` (several), or neither."""
        if role is not None and roles is not None:
            raise ValidationError(f"give the role of {name!r} as role or as roles, not both",
                                  field="roles", value=(role, roles))
        stated = roles if roles is not None else (() if role is None else (role,))
        self.__attrs_init__(id, name, kind, stated, addresses, children, staff)

    def __attrs_post_init__(self) -> None:
        if not self.roles:
            object.__setattr__(self, "roles", self.roles_from_its_name())
        if not self.roles and self.kind is not UnitKind.DEPARTMENT:
            raise ValidationError(
                f"cannot tell the role of the {self.kind.value} {self.name!r} from its name; "
                f"state its role (one of: {', '.join(r.value for r in UnitRole)})",
                field="role", value=self.name)
        if self.kind is UnitKind.POST and self.children:
            raise ValidationError(f"a single post ({self.name!r}) cannot hold other units",
                                  field="children", value=self.name)
        for child in self.children:
            if not isinstance(child, Unit):
                raise ValidationError(f"expected a Unit in {self.name!r}, got {child!r}",
                                      field="children", value=child)
            if child.kind is UnitKind.DEPARTMENT and self.kind is not UnitKind.DEPARTMENT:
                raise ValidationError(f"the {self.kind.value} {self.name!r} cannot hold the "
                                      f"department {child.name!r}", field="children",
                                      value=child.name)

    def roles_from_its_name(self) -> tuple[UnitRole, ...]:
        """The roles its name tells: what it has when none are stated.

        A department holding units takes a role from its name only when the name gives
        exactly one ("Dział Usług"): a name listing several ("Dział Pracy Socjalnej i
        Asysty Rodzin") says what the units it holds do, each in its own unit.
        """
        told = roles_from_name(self.name)
        if self.kind is UnitKind.DEPARTMENT and self.children and len(told) > 1:
            return ()
        return told

    @property
    def role(self) -> UnitRole | None:
        """Its role when it has exactly one; None when it has several or none."""
        return self.roles[0] if len(self.roles) == 1 else None

    def has(self, role: UnitRole) -> bool:
        """Whether ``role`` is one of its own roles."""
        return role in self.roles

    def walk(self) -> Iterator[Unit]:
        """Yield this unit and every unit below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def held_roles(self) -> frozenset[UnitRole]:
        """The roles of this unit and of every unit it holds."""
        return frozenset(role for u in self.walk() for role in u.roles)


@attrs.frozen
class Structure:
    """An organisational structure: the top-level units and all below them.

    Attributes:
        units: The top-level units (departments, and teams or posts outside any).
        date: When it is (or was) in force, when stated.
        complete: Whether the document lists every unit: ``True``, ``False`` (only the
            units the project is about: "m.in."), or ``None`` when it cannot be told.

    >>> s = Structure([Unit("d", "Dział Usług", "department", children=[
    ...     Unit("z", "Zespół ds. Usług", "team")])])
    >>> [u.id for u in s.walk()], s.parent_of("z").id
    (['d', 'z'], 'd')

    """

    units: tuple[Unit, ...] = attrs.field(converter=to_tuple)
    date: date | None = None
    complete: bool | None = None
    _index: dict[str, tuple[Unit, Unit | None]] = attrs.field(
        init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, tuple[Unit, Unit | None]] = {}

        def add(unit: Unit, parent: Unit | None) -> None:
            if unit.id in index:
                raise ValidationError(f"two units have the id {unit.id!r}; ids must be unique "
                                      "in a structure", field="units", value=unit.id)
            index[unit.id] = (unit, parent)
            for child in unit.children:
                add(child, unit)

        for unit in self.units:
            if not isinstance(unit, Unit):
                raise ValidationError(f"expected a Unit, got {unit!r}", field="units",
                                      value=unit)
            add(unit, None)
        object.__setattr__(self, "_index", index)

    def walk(self) -> Iterator[Unit]:
        """Yield every unit, depth first, in document order."""
        for unit in self.units:
            yield from unit.walk()

    def __iter__(self) -> Iterator[Unit]:
        return self.walk()

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self._index

    def unit(self, unit_id: str) -> Unit:
        """Return the unit with ``unit_id`` (KeyError if none)."""
        return self._index[unit_id][0]

    def parent_of(self, unit_id: str) -> Unit | None:
        """Return the unit that holds ``unit_id``, or None for a top-level unit."""
        return self._index[unit_id][1]

    def addresses_of(self, unit_id: str) -> tuple[Address, ...]:
        """Return where a unit sits: its own addresses, else the nearest holder's."""
        unit: Unit | None = self.unit(unit_id)
        while unit is not None:
            if unit.addresses:
                return unit.addresses
            unit = self.parent_of(unit.id)
        return ()

    def roles(self) -> set[UnitRole]:
        """The roles of its units (every role of a unit that combines several)."""
        return {role for u in self.walk() for role in u.roles}

    def with_role(self, role: UnitRole) -> tuple[Unit, ...]:
        """Return the units that have ``role`` among their own roles, in document order."""
        return tuple(u for u in self.walk() if role in u.roles)


def _fte(value: Any) -> Any:
    if isinstance(value, str):
        try:
            value = Fraction(value.strip().replace(",", "."))
        except ValueError:
            raise ValidationError(f"expected FTE (etat) such as 1, 0,5 or 1/2, got {value!r}",
                                  field="fte", value=value) from None
    if isinstance(value, Decimal):
        value = Fraction(value)
    if isinstance(value, int | Fraction) and not isinstance(value, bool):
        value = ureg.Quantity(Fraction(value), "FTE")
    if isinstance(value, float) or not hasattr(value, "dimensionality") or (
            value.dimensionality != ureg.FTE.dimensionality):
        raise ValidationError(f"expected FTE (etat) as an exact quantity, got {value!r}",
                              field="fte", value=value)
    if isinstance(value.magnitude, float):
        raise ValidationError(f"expected an exact FTE (Fraction), got the float {value!r}",
                              field="fte", value=value)
    if value.magnitude <= 0:
        raise ValidationError(f"FTE must be above zero, got {value}", field="fte", value=value)
    return ureg.Quantity(Fraction(value.to("FTE").magnitude), "FTE")


def fte_fraction(quantity: Any) -> Fraction:
    """Return an FTE quantity's magnitude as an exact fraction.

    >>> fte_fraction(ureg.Quantity(Fraction(1, 2), "FTE"))
    Fraction(1, 2)
    """
    return Fraction(quantity.to("FTE").magnitude)


@attrs.frozen
class Assignment:
    """A person working in a unit for part or all of a post (etat).

    Attributes:
        person: The person's id (declared in the project's people).
        unit: The unit's id (in the "after" structure unless ``before`` is true).
        fte: The part of a full-time post: an FTE quantity, or a number or text that
            becomes one (``1``, ``Fraction(1, 2)``, ``"0,5"``).
        before: True when the assignment belongs to the structure before the change.

    >>> Assignment("pw-1", "zps", "0,5").fte
    <Quantity(1/2, 'FTE')>

    """

    person: str = attrs.field(validator=non_empty)
    unit: str = attrs.field(validator=non_empty)
    fte: Any = attrs.field(default=Fraction(1), converter=_fte)
    before: bool = False

    @property
    def structure(self) -> str:
        """``before`` or ``after``: the structure the assignment belongs to."""
        return "before" if self.before else "after"


class EngagementKind(enum.StrEnum):
    """How the project pays for people."""

    NEW_HIRE = "new-hire"
    """Zatrudnienie nowego pracownika: a new employee paid by the project."""
    MOVED_TO_PROJECT = "moved-to-project"
    """Pracownicy przesunięci do realizacji projektu: existing staff paid by the project."""
    CIVIL_CONTRACT = "civil-contract"
    """Umowa zlecenie: a specialist on a civil contract for a period."""


@attrs.frozen
class Engagement:
    """People the project pays for, and how.

    Attributes:
        kind: New hire, moved onto the project, or a civil contract.
        title: What the document says ("specjalista ds. monitoringu …").
        people: Ids of the people, when named.
        count: How many people, when stated.
        fte: How many posts (etaty), when stated.
        profession: Their profession, when stated.
        period: For how long, when stated.
        signed: When the contract was concluded, when stated.

    """

    kind: EngagementKind = attrs.field(converter=EngagementKind)
    title: str = attrs.field(validator=non_empty)
    people: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    count: int | None = attrs.field(default=None, validator=_optional_count)
    fte: Any = attrs.field(default=None, converter=attrs.converters.optional(_fte))
    profession: Profession | None = attrs.field(
        default=None, converter=attrs.converters.optional(Profession))
    period: Period | None = None
    signed: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.count is not None and self.people and self.count != len(self.people):
            raise ValidationError(f"count is {self.count} but {len(self.people)} people are "
                                  "named", field="count", value=self.count)
        if self.kind is EngagementKind.CIVIL_CONTRACT and self.fte is not None:
            raise ValidationError("a civil contract (umowa zlecenie) is not an employment "
                                  "post; give its period, not FTE", field="fte", value=self.fte)


class ChangeKind(enum.StrEnum):
    """A change of structure."""

    CREATED = "created"
    """Powołanie / wyodrębnienie: a unit is created."""
    RENAMED = "renamed"
    """Zmiana nazwy: a unit is renamed."""
    MERGED = "merged"
    """Połączenie: units are merged into one."""
    REMOVED = "removed"
    """Likwidacja: a unit is closed."""
    MOVED = "moved"
    """Przeniesienie: people are moved between units."""


@attrs.frozen
class Change:
    """One change between the structure before and after.

    Attributes:
        kind: What happened.
        units: The ids (or names, for units of no modelled structure) concerned: the
            unit created, renamed or removed, the units merged, or the units people were
            moved into.
        into: For renames and mergers, the resulting unit.
        people: For moves, who was moved (ids), when named.
        text: The document's words.

    """

    kind: ChangeKind = attrs.field(converter=ChangeKind)
    units: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    into: str | None = attrs.field(default=None, validator=optional_non_empty)
    people: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    text: str | None = attrs.field(default=None, validator=optional_non_empty)

    def __attrs_post_init__(self) -> None:
        if self.kind in (ChangeKind.RENAMED, ChangeKind.MERGED) and self.into is None:
            raise ValidationError(f"a {self.kind.value} change needs the resulting unit "
                                  "(into)", field="into", value=None)
        if self.kind is ChangeKind.MERGED and len(self.units) < 2:
            raise ValidationError(f"a merger needs at least two units, got {list(self.units)}",
                                  field="units", value=self.units)
        if self.kind is not ChangeKind.MOVED and not self.units:
            raise ValidationError(f"a {self.kind.value} change names no unit", field="units",
                                  value=self.units)


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
    act: str | None = attrs.field(default=None, validator=optional_non_empty)
    changes: tuple[Change, ...] = attrs.field(default=(), converter=to_tuple)


def changes_between(before: Structure, after: Structure) -> tuple[Change, ...]:
    """Return the changes that turn ``before`` into ``after``, read from unit ids.

    A unit id only in ``after`` is created, only in ``before`` removed; one id with two
    names is renamed. People moves and mergers cannot be told from the structures alone.

    Examples:
        >>> old = Structure([Unit("a", "Dział Pomocy", "department")])
        >>> new = Structure([Unit("a", "Dział Usług", "department"),
        ...                  Unit("b", "Zespół Pracy Socjalnej", "team")])
        >>> [(c.kind.value, c.units, c.into) for c in changes_between(old, new)]
        [('renamed', ('a',), 'Dział Usług'), ('created', ('b',), None)]

    """
    found: list[Change] = []
    for unit in after.walk():
        if unit.id not in before:
            found.append(Change(ChangeKind.CREATED, (unit.id,)))
        elif before.unit(unit.id).name != unit.name:
            found.append(Change(ChangeKind.RENAMED, (unit.id,), into=unit.name))
    found.extend(Change(ChangeKind.REMOVED, (u.id,)) for u in before.walk() if u.id not in after)
    return tuple(found)


@attrs.frozen
class Institution:
    """The centre (ośrodek).

    Attributes:
        kind: OPS, MOPS, GOPS, MGOPS, MOPR, CUS or a Warsaw district's OPS.
        name: Its full name.
        gmina: The commune (or the Warsaw district) it serves, when stated.
        address: Its seat, when stated.
        population: Inhabitants of the area it serves (for a Warsaw district, the
            district's), when stated.

    """

    kind: InstitutionKind = attrs.field(converter=InstitutionKind)
    name: str = attrs.field(validator=non_empty)
    gmina: str | None = attrs.field(default=None, validator=optional_non_empty)
    address: Address | None = None
    population: int | None = attrs.field(default=None, validator=_optional_count)


def _families(value: Any) -> tuple[tuple[str, int], ...]:
    pairs = tuple(value.items()) if isinstance(value, dict) else tuple(value)
    result = []
    for pair in pairs:
        person, families = pair
        if not isinstance(person, str) or isinstance(families, bool) or not isinstance(
                families, int) or families < 0:
            raise ValidationError(f"expected (person id, number of families), got {pair!r}",
                                  field="families_per_assistant", value=pair)
        result.append((person, families))
    return tuple(result)


@attrs.frozen
class Organisation:
    """The centre's organisation before and after the change, and its staff.

    Attributes:
        institution: The centre, when described.
        before: The structure before the change, when stated.
        after: The structure after the change (the project's target), when stated.
        assignments: Who works where; ``None`` when the documents do not say (unknown),
            an empty tuple when it is known that nobody is assigned.
        engagements: Whom the project pays for, and how.
        reorganisation: The change as data.
        staff_supported: How many staff the project supports, when stated.
        social_workers: How many social workers (full-time) the centre has, when stated
            without names.
        social_workers_at_least: A lower bound on the centre's social workers when the
            document gives only part of them (e.g. 12 social workers on a study visit).
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
    staff_supported: int | None = attrs.field(default=None, validator=_optional_count)
    social_workers: int | None = attrs.field(default=None, validator=_optional_count)
    social_workers_at_least: int | None = attrs.field(default=None, validator=_optional_count)
    families_in_social_work: int | None = attrs.field(default=None, validator=_optional_count)
    families_per_assistant: tuple[tuple[str, int], ...] = attrs.field(
        default=(), converter=_families)

    def __attrs_post_init__(self) -> None:
        for assignment in self.assignments or ():
            structure = self.structure(assignment.structure)
            if structure is None:
                raise ValidationError(
                    f"{assignment.person} is assigned to {assignment.unit!r} in the structure "
                    f"{assignment.structure}, but that structure is not described",
                    field="assignments", value=assignment.unit)
            if assignment.unit not in structure:
                raise ValidationError(f"{assignment.person} is assigned to unit "
                                      f"{assignment.unit!r}, which the structure "
                                      f"{assignment.structure} does not have",
                                      field="assignments", value=assignment.unit)
        if (self.social_workers is not None and self.social_workers_at_least is not None
                and self.social_workers < self.social_workers_at_least):
            raise ValidationError(f"{self.social_workers} social workers, but at least "
                                  f"{self.social_workers_at_least} are stated",
                                  field="social_workers", value=self.social_workers)

    @property
    def population(self) -> int | None:
        """The population of the area the centre serves, when stated."""
        return None if self.institution is None else self.institution.population

    def structure(self, which: str) -> Structure | None:
        """Return the structure ``before`` or ``after`` (None when not described)."""
        if which not in ("before", "after"):
            raise ValueError(f"expected 'before' or 'after', got {which!r}")
        return self.before if which == "before" else self.after

    def structures(self) -> Iterator[tuple[str, Structure]]:
        """Yield ``("before", structure)`` and ``("after", structure)`` for those described."""
        if self.before is not None:
            yield "before", self.before
        if self.after is not None:
            yield "after", self.after

    def assignments_in(self, which: str) -> tuple[Assignment, ...] | None:
        """The assignments of one structure; None when assignments are unknown."""
        if self.assignments is None:
            return None
        return tuple(a for a in self.assignments if a.structure == which)

    def person_ids(self) -> frozenset[str]:
        """Every person id the organisation names (assignments, engagements, changes)."""
        ids = {a.person for a in self.assignments or ()}
        ids.update(p for e in self.engagements for p in e.people)
        ids.update(person for person, _families in self.families_per_assistant)
        if self.reorganisation is not None:
            ids.update(p for c in self.reorganisation.changes for p in c.people)
        return frozenset(ids)
