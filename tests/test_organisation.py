"""The organisation: units and roles, the separation model and staffing rules."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform.checks import check
from opsreform.exceptions import ProjectFileError, ValidationError
from opsreform.files.organisation import organisation_from_data, organisation_to_data
from opsreform.findings import Severity
from opsreform.model.organisation import (
    Assignment,
    Institution,
    Organisation,
    Structure,
    Unit,
    UnitRole,
    role_from_name,
)
from opsreform.model.people import Person, Profession
from opsreform.model.project import Project
from opsreform.reports.orgchart import render_organisation_text
from opsreform.rules.organisation import (
    FamilyAssistantLoad,
    OverAllocation,
    Separation,
    StaffingRatio,
    SupervisorIndependence,
    UnitWithoutStaff,
)
from opsreform.units import ureg
from tests.findings_util import by_rule, problems

GOOD = Structure([
    Unit("pk", "Stanowisko ds. Pierwszego Kontaktu", "post"),
    Unit("ps", "Zespół Pracy Socjalnej", "team"),
    Unit("us", "Dział Usług", "department"),
    Unit("dec", "Dział Postępowań Administracyjnych", "department"),
])


@pytest.mark.parametrize(
    ("name", "role"),
    [("Stanowisko ds. Pierwszego Kontakt", UnitRole.FIRST_CONTACT),
     ("Zespół ds. Świadczeń Przyznawanych Decyzją", UnitRole.BENEFITS_BY_DECISION),
     ("Dział Postępowań Administracyjnych", UnitRole.BENEFITS_BY_DECISION),
     ("Zespół Realizacji Świadczeń", UnitRole.BENEFIT_PAYMENT),
     ("Zespół Asystentów Rodziny", UnitRole.FAMILY_ASSISTANCE),
     ("Zespół ds. Przeciwdziałania Przemocy w Rodzinie", UnitRole.DOMESTIC_VIOLENCE),
     ("Zespół ds. Analiz i Programów", UnitRole.ANALYSES_AND_PROGRAMMES),
     ("stanowisko d/s usług", UnitRole.SERVICES),
     ("stanowisko d/s pracy socjalnej", UnitRole.SOCIAL_WORK),
     ("Dział Pracy Socjalnej i Asysty Rodzin", None), ("Sekcja X", None)],
)
def test_roles_from_names(name: str, role: UnitRole | None) -> None:
    """Names of the documents map to roles; a name with two roles or none gives None."""
    assert role_from_name(name) is role


def test_leaf_unit_needs_a_role() -> None:
    """A unit whose role cannot be told, and that holds nothing, must state it."""
    with pytest.raises(ValidationError, match="role"):
        Unit("x", "Sekcja X", "team")
    assert Unit("x", "Sekcja X", "team", role="other").role is UnitRole.OTHER


def test_tarnowskie_gory_structure(examples: dict[str, Project]) -> None:
    """001: three departments, eight units with their addresses, effective 01.09.2017."""
    org = examples["tarnowskie-gory"].organisation
    assert org is not None and org.after is not None
    assert [u.name for u in org.after.units] == [
        "Dział Pomocy Środowiskowej", "Dział Pracy Socjalnej i Asysty Rodzin",
        "Dział Usług, Analiz i Programów"]
    assert len(list(org.after.walk())) == 11
    assert str(org.after.unit("zespol-asystentow-rodziny").addresses[0]) == "ul. Wyszyńskiego 131"
    assert org.reorganisation is not None and org.reorganisation.effective == date(2017, 9, 1)
    assert set(org.after.roles()) >= {UnitRole.FIRST_CONTACT, UnitRole.SOCIAL_WORK,
                                      UnitRole.SERVICES, UnitRole.BENEFITS_BY_DECISION}


@pytest.mark.parametrize("name", ["tarnowskie-gory", "warszawa-ochota", "niedrzwica-duza"])
def test_seed_target_structures_separate(examples: dict[str, Project], name: str) -> None:
    """001, 002 and 004 describe target structures with all four model roles."""
    assert not by_rule(check(examples[name]), "separation")


def test_seed_unknown_facts_are_info(examples: dict[str, Project]) -> None:
    """No organisation rule reports an error or warning on a seed: their gaps are unknowns."""
    org_rules = {"separation", "staffing-ratio", "family-assistant-load",
                 "supervisor-independence", "unit-without-staff", "over-allocation"}
    for project in examples.values():
        assert not [f for f in problems(check(project)) if f.rule in org_rules]


def _project(org: Organisation, *people: Person) -> Project:
    return Project(title="P", organisation=org, people=people)


def test_separation_missing_roles() -> None:
    """An "after" structure without benefits by decision is an error; a "before" one a warning."""
    lacking = Structure([Unit("ps", "Zespół Pracy Socjalnej", "team"),
                         Unit("pk", "Zespół Pierwszego Kontaktu", "team"),
                         Unit("us", "Zespół Usług", "team")])
    [after] = Separation().check(_project(Organisation(after=lacking)))
    assert after.severity is Severity.ERROR and "benefits-by-decision" in after.message
    [before] = Separation().check(_project(Organisation(before=lacking)))
    assert before.severity is Severity.WARNING
    [optional] = Separation(reorganisation_project=False).check(
        _project(Organisation(after=lacking)))
    assert optional.severity is Severity.WARNING
    assert not list(Separation().check(_project(Organisation(after=GOOD))))


def test_separation_worker_doing_both() -> None:
    """A social worker in both social work and benefit decisions breaks the separation."""
    org = Organisation(after=GOOD, assignments=(
        Assignment("anna", "ps", Fraction(1, 2)), Assignment("anna", "dec", Fraction(1, 2))))
    [found] = Separation().check(_project(org, Person("anna", "Anna",
                                                      Profession.SOCIAL_WORKER)))
    assert found.subject == "person anna"


def test_staffing_ratio() -> None:
    """6 000 inhabitants need 3 FTE; 2,5 FTE is too few; unknown population is info."""
    people = tuple(Person(f"pw{i}", f"PW {i}", Profession.SOCIAL_WORKER) for i in range(3))
    assignments = (Assignment("pw0", "ps"), Assignment("pw1", "ps"),
                   Assignment("pw2", "ps", Fraction(1, 2)))
    inst = Institution("GOPS", "GOPS X", population=6000)
    [low] = StaffingRatio().check(_project(Organisation(institution=inst, after=GOOD,
                                                        assignments=assignments), *people))
    assert low.severity is Severity.ERROR and "3 etatów na 6000 mieszkańców" in low.message
    ok = Organisation(institution=inst, after=GOOD, assignments=assignments,
                      families_in_social_work=100)
    assert not list(StaffingRatio().check(_project(ok, *people)))
    [note] = StaffingRatio().check(_project(Organisation(after=GOOD, social_workers=4)))
    assert note.severity is Severity.INFO


def test_family_assistant_load_and_over_allocation() -> None:
    """16 families is over 15; 1,5 FTE in one structure is over-allocation."""
    [load] = FamilyAssistantLoad().check(_project(Organisation(
        families_per_assistant=(("ar", 16), ("as", 15)))))
    assert load.subject == "person ar"
    org = Organisation(after=GOOD, assignments=(Assignment("x", "ps"),
                                                Assignment("x", "us", Fraction(1, 2))))
    [over] = OverAllocation().check(_project(org))
    assert "1,50 etatu" in over.message


def test_unit_without_staff() -> None:
    """Units of the after structure nobody works in are warnings; unknown staff is info."""
    org = Organisation(after=GOOD, assignments=(Assignment("x", "ps"),))
    found = list(UnitWithoutStaff().check(_project(org)))
    assert sorted(f.subject for f in found) == ["unit dec", "unit pk", "unit us"]
    [note] = UnitWithoutStaff().check(_project(Organisation(after=GOOD)))
    assert note.severity is Severity.INFO


def test_supervisor_independence() -> None:
    """A supervisor employed by the centre, or without the certificate, is an error."""
    inst = Institution("MOPS", "MOPS X")
    own = Person("s", "Superwizor", Profession.SUPERVISOR, employer="MOPS X",
                 certified_supervisor=False)
    found = list(SupervisorIndependence().check(_project(Organisation(institution=inst), own)))
    assert [f.severity for f in found] == [Severity.ERROR, Severity.ERROR]
    ok = Person("s", "Superwizor", Profession.SUPERVISOR, employer="Firma",
                certified_supervisor=True)
    assert not list(SupervisorIndependence().check(_project(Organisation(institution=inst),
                                                            ok)))


def test_assignment_to_unknown_unit_is_refused() -> None:
    """An assignment to a unit the structure lacks cannot be built."""
    with pytest.raises(ValidationError, match="nowhere"):
        Organisation(after=GOOD, assignments=(Assignment("x", "nowhere"),))
    with pytest.raises(ValidationError):
        Assignment("x", "ps", 1.5)  # type: ignore[arg-type]


def test_file_errors_name_the_key() -> None:
    """A bad role in a nested unit names its key."""
    data = {"after": {"units": [{"id": "d", "name": "Dział", "kind": "department",
                                 "units": [{"id": "t", "name": "Zespół", "kind": "team",
                                            "role": "juggling"}]}]}}
    with pytest.raises(ProjectFileError) as info:
        organisation_from_data(data)
    assert info.value.key == "organisation.after.units[0].units[0].role"


_roles = st.sampled_from(list(UnitRole))


@given(st.lists(st.tuples(_roles, st.sampled_from(["team", "post"]),
                          st.fractions(Fraction(1, 4), 1)), min_size=1, max_size=6),
       st.booleans())
def test_organisation_round_trip(units: list[tuple[UnitRole, str, Fraction]],
                                 known: bool) -> None:
    """Any organisation written as data reads back equal."""
    structure = Structure([Unit(f"u{i}", f"Jednostka {i}", kind, role=role)
                           for i, (role, kind, _f) in enumerate(units)])
    assignments = tuple(Assignment(f"p{i}", f"u{i}", f) for i, (_r, _k, f) in enumerate(units))
    org = Organisation(institution=Institution("GOPS", "GOPS Y", population=1234),
                       after=structure, assignments=assignments if known else None)
    assert organisation_from_data(organisation_to_data(org)) == org


def test_orgchart_text_shows_fte() -> None:
    """The chart shows units, roles and assigned FTE."""
    org = Organisation(after=GOOD, assignments=(Assignment("x", "ps", 1 * ureg.FTE),))
    text = render_organisation_text(org, lang="en")
    assert "Zespół Pracy Socjalnej  [team · social-work · 1 FTE]" in text
