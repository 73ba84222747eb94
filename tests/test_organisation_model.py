"""The organisation model: roles from names, units, structures, staff and change."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from opsreform.exceptions import ValidationError
from opsreform.model.organisation import (
    MODEL_ROLES,
    ROLE_NAMES_PL,
    Assignment,
    Change,
    ChangeKind,
    Engagement,
    EngagementKind,
    Institution,
    InstitutionKind,
    Organisation,
    Structure,
    Unit,
    UnitKind,
    UnitRole,
    changes_between,
    role_from_name,
)
from opsreform.model.people import Profession
from opsreform.model.project import Project
from opsreform.periods import Period
from opsreform.text.addresses import parse_address
from opsreform.units import ureg


@pytest.mark.parametrize(
    ("name", "role"),
    [("Stanowisko ds. Pierwszego Kontakt", UnitRole.FIRST_CONTACT),
     ("Zespół ds. Świadczeń Przyznawanych Decyzją", UnitRole.BENEFITS_BY_DECISION),
     ("Dział Postępowań Administracyjnych", UnitRole.BENEFITS_BY_DECISION),
     ("zespół d/s świadczeń", UnitRole.BENEFITS_BY_DECISION),
     ("Zespół ds. Świadczeń z Pomocy Społecznej", UnitRole.BENEFITS_BY_DECISION),
     ("Zespół Realizacji Świadczeń", UnitRole.BENEFIT_PAYMENT),
     ("Zespół Asystentów Rodziny", UnitRole.FAMILY_ASSISTANCE),
     ("Zespół ds. Przeciwdziałania Przemocy w Rodzinie", UnitRole.DOMESTIC_VIOLENCE),
     ("Zespół ds. Analiz i Programów", UnitRole.ANALYSES_AND_PROGRAMMES),
     ("Zespół Usług Socjalnych", UnitRole.SERVICES),
     ("Sekcja Usług Opiekuńczych", UnitRole.SERVICES),
     ("stanowisko d/s usług", UnitRole.SERVICES),
     ("stanowisko d/s pracy socjalnej", UnitRole.SOCIAL_WORK),
     ("ZESPÓŁ PRACY SOCJALNEJ", UnitRole.SOCIAL_WORK),
     ("Sekcja Funduszu Alimentacyjnego", UnitRole.BENEFITS_BY_DECISION),
     ("Dział Księgowości", UnitRole.ADMINISTRATION),
     ("Dział Pracy Socjalnej i Asysty Rodzin", None),
     ("Dział Usług, Analiz i Programów", None),
     ("Dział Pomocy Środowiskowej", None),
     ("Sekcja X", None)],
)
def test_roles_from_names(name: str, role: UnitRole | None) -> None:
    """Names of the documents (typos included) map to roles; two roles or none give None."""
    assert role_from_name(name) is role


def test_model_roles_are_data() -> None:
    """The four model roles are a table, and every role has a Polish name."""
    assert [r.value for r in MODEL_ROLES] == ["first-contact", "social-work", "services",
                                             "benefits-by-decision"]
    assert UnitRole.SERVICES.is_model and not UnitRole.BENEFIT_PAYMENT.is_model
    assert set(ROLE_NAMES_PL) == set(UnitRole)


def test_stated_role_is_never_overridden() -> None:
    """A stated role wins over the name."""
    unit = Unit("x", "Zespół ds. Usług", "team", role="social-work")
    assert unit.role is UnitRole.SOCIAL_WORK


def test_team_or_post_needs_a_role_but_department_may_not() -> None:
    """A team whose role cannot be told is refused, naming the field; a department is a holder."""
    with pytest.raises(ValidationError, match="state its role") as info:
        Unit("x", "Sekcja X", "team")
    assert info.value.field == "role"
    assert Unit("x", "Sekcja X", "team", role="other").role is UnitRole.OTHER
    assert Unit("d", "Dział Pomocy Środowiskowej", "department").role is None


def test_unit_nesting_rules() -> None:
    """A post holds nothing; a team cannot hold a department."""
    post = Unit("p", "Stanowisko ds. Usług", "post")
    with pytest.raises(ValidationError, match="cannot hold"):
        Unit("q", "Stanowisko ds. Pracy Socjalnej", "post", children=[post])
    with pytest.raises(ValidationError, match="department"):
        Unit("t", "Zespół Usług", "team", children=[Unit("d", "Dział X", "department")])
    with pytest.raises(ValidationError, match="staff"):
        Unit("t", "Zespół Usług", "team", staff=-1)


def test_structure_lookups_and_inherited_addresses() -> None:
    """Units are found by id, with their holder; a team without address sits at its holder's."""
    seat = parse_address("ul. Bytomska 15 42-600 Tarnowskie Góry")
    elsewhere = parse_address("ul. Wyszyńskiego 131")
    s = Structure([Unit("d", "Dział Pracy Socjalnej i Asysty Rodzin", "department",
                        addresses=[seat], children=[
                            Unit("ps", "Zespół ds. Pracy Socjalnej", "team"),
                            Unit("ar", "Zespół Asystentów Rodziny", "team",
                                 addresses=[elsewhere])])])
    assert len(s) == 3 and "ps" in s and "zz" not in s
    assert [u.id for u in s] == ["d", "ps", "ar"]
    assert s.parent_of("ar") is s.unit("d") and s.parent_of("d") is None
    assert s.addresses_of("ps") == (seat,) and s.addresses_of("ar") == (elsewhere,)
    assert s.with_role(UnitRole.FAMILY_ASSISTANCE) == (s.unit("ar"),)
    assert s.unit("d").held_roles() == {UnitRole.SOCIAL_WORK, UnitRole.FAMILY_ASSISTANCE}
    assert s.unit("d").roles == ()  # a holder takes no role from a name listing several
    with pytest.raises(KeyError):
        s.unit("zz")


def test_duplicate_unit_ids_are_refused() -> None:
    """Two units of one structure cannot share an id, even at different depths."""
    with pytest.raises(ValidationError, match="'a'"):
        Structure([Unit("a", "Dział Usług", "department",
                        children=[Unit("a", "Zespół Usług", "team")])])


@pytest.mark.parametrize(("given", "expected"),
                         [(1, Fraction(1)), ("0,5", Fraction(1, 2)), ("1/3", Fraction(1, 3)),
                          (Fraction(3, 4), Fraction(3, 4)), (Decimal("0.25"), Fraction(1, 4)),
                          (ureg.Quantity(Fraction(1, 2), "FTE"), Fraction(1, 2))])
def test_assignment_fte_is_exact(given: object, expected: Fraction) -> None:
    """FTE given as numbers, Polish decimal text or quantities become exact FTE quantities."""
    fte = Assignment("p", "u", given).fte
    assert fte.units == ureg.FTE and fte.magnitude == expected
    assert isinstance(fte.magnitude, Fraction)


@pytest.mark.parametrize("bad", [1.5, 0, "-1", "pół", ureg.Quantity(1, "hour"), True])
def test_assignment_bad_fte_is_refused(bad: object) -> None:
    """Floats, zero, negative, unreadable or non-FTE values are refused."""
    with pytest.raises(ValidationError):
        Assignment("p", "u", bad)


def test_organisation_assignments_reference_units() -> None:
    """An assignment to a unit the structure lacks, or to an undescribed structure, is refused."""
    after = Structure([Unit("ps", "Zespół Pracy Socjalnej", "team")])
    with pytest.raises(ValidationError, match="nowhere"):
        Organisation(after=after, assignments=[Assignment("x", "nowhere")])
    with pytest.raises(ValidationError, match="not described"):
        Organisation(after=after, assignments=[Assignment("x", "ps", before=True)])
    org = Organisation(after=after, assignments=[Assignment("x", "ps")])
    assert org.assignments_in("after") == (Assignment("x", "ps"),)
    assert org.assignments_in("before") == ()
    assert Organisation(after=after).assignments_in("after") is None


def test_unknown_is_not_zero() -> None:
    """Facts not stated stay None; an empty list of assignments means 'known: nobody'."""
    org = Organisation()
    assert org.assignments is None and org.social_workers is None and org.population is None
    assert Organisation(assignments=[]).assignments == ()
    inst = Institution("OPS-dzielnicy", "OPS Dzielnicy Ochota", gmina="Dzielnica Ochota")
    assert inst.kind is InstitutionKind.DISTRICT_OPS and inst.population is None


def test_social_workers_lower_bound_is_consistent() -> None:
    """A stated count below the stated lower bound is refused."""
    with pytest.raises(ValidationError, match="at least 12"):
        Organisation(social_workers=10, social_workers_at_least=12)


def test_engagements_of_the_documents() -> None:
    """New hires, workers moved onto the project and a civil contract with its period."""
    hired = Engagement("new-hire", "zatrudnienie 2 pracowników socjalnych", count=2,
                       profession="social-worker")
    moved = Engagement("moved-to-project", "3 etaty przesunięte", fte="3",
                       profession=Profession.SOCIAL_WORKER)
    contract = Engagement(EngagementKind.CIVIL_CONTRACT, "specjalista ds. monitoringu",
                          count=1, period=Period(date(2018, 1, 15), date(2018, 12, 31)))
    assert hired.profession is Profession.SOCIAL_WORKER
    assert moved.fte.magnitude == 3
    assert contract.period is not None and contract.period.days == 351
    with pytest.raises(ValidationError, match="count"):
        Engagement("new-hire", "x", people=["a", "b"], count=1)
    with pytest.raises(ValidationError, match="civil contract"):
        Engagement("civil-contract", "x", fte=1)


def test_change_needs_what_it_changes() -> None:
    """A merger names two units and the result; a rename names the new name."""
    assert Change("merged", ["a", "b"], into="c").kind is ChangeKind.MERGED
    with pytest.raises(ValidationError, match="two units"):
        Change("merged", ["a"], into="c")
    with pytest.raises(ValidationError, match="into"):
        Change("renamed", ["a"])
    with pytest.raises(ValidationError, match="names no unit"):
        Change("created", [])


def test_changes_between_structures() -> None:
    """Created, renamed and removed units are read from the two structures."""
    before = Structure([Unit("ds", "Dział Pomocy Środowiskowej", "department"),
                        Unit("old", "Zespół ds. Usług Opiekuńczych", "team")])
    after = Structure([Unit("ds", "Dział Pracy Socjalnej i Asysty Rodzin", "department"),
                       Unit("pk", "Stanowisko ds. Pierwszego Kontaktu", "post")])
    kinds = [(c.kind, c.units, c.into) for c in changes_between(before, after)]
    assert kinds == [(ChangeKind.RENAMED, ("ds",), "Dział Pracy Socjalnej i Asysty Rodzin"),
                     (ChangeKind.CREATED, ("pk",), None),
                     (ChangeKind.REMOVED, ("old",), None)]


def test_tarnowskie_gory_structure(examples: dict[str, Project]) -> None:
    """001: three departments with eight teams and posts, each team at its own address."""
    org = examples["tarnowskie-gory"].organisation
    assert org is not None and org.after is not None
    assert [u.name for u in org.after.units] == [
        "Dział Pomocy Środowiskowej", "Dział Pracy Socjalnej i Asysty Rodzin",
        "Dział Usług, Analiz i Programów"]
    assert [len(u.children) for u in org.after.units] == [3, 3, 2]
    addresses = {u.id: [a.street for a in u.addresses] for u in org.after.walk() if u.addresses}
    assert addresses["zespol-swiadczen-decyzja"] == ["ul. Sienkiewicza 8"]
    assert addresses["zespol-asystentow-rodziny"] == ["ul. Wyszyńskiego 131"]
    assert addresses["zespol-analiz"] == ["ul. Piastowska 8"]
    assert org.reorganisation is not None and org.reorganisation.effective == date(2017, 9, 1)
    assert org.reorganisation.act is not None and "Zarządzenie" in org.reorganisation.act
    [contract] = [e for e in org.engagements if e.kind is EngagementKind.CIVIL_CONTRACT]
    assert contract.period == Period(date(2018, 1, 15), date(2018, 12, 31))
    assert set(MODEL_ROLES) <= org.after.roles()


def test_ochota_and_niedrzwica_targets(examples: dict[str, Project]) -> None:
    """002 and 004: the new units carry the four model roles; the hires and FTE moved."""
    ochota = examples["warszawa-ochota"].organisation
    assert ochota is not None and ochota.after is not None
    assert ochota.institution is not None
    assert ochota.institution.kind is InstitutionKind.DISTRICT_OPS
    assert ochota.after.unit("dzial-postepowan-administracyjnych").kind is UnitKind.DEPARTMENT
    assert set(MODEL_ROLES) <= ochota.after.roles()
    assert ochota.staff_supported == 40
    assert [e.count for e in ochota.engagements if e.kind is EngagementKind.NEW_HIRE] == [2]
    niedrzwica = examples["niedrzwica-duza"].organisation
    assert niedrzwica is not None and niedrzwica.after is not None
    assert {u.kind for u in niedrzwica.after.walk()} == {UnitKind.TEAM, UnitKind.POST}
    assert set(MODEL_ROLES) <= niedrzwica.after.roles()
    [moved] = niedrzwica.engagements
    assert moved.kind is EngagementKind.MOVED_TO_PROJECT and moved.fte.magnitude == 3
    for org in (ochota, niedrzwica):
        assert org.assignments is None and org.population is None  # not stated: unknown
