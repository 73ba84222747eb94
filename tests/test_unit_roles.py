"""Unit roles: told from Polish names as the field writes them, several per unit, judged."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform.exceptions import ValidationError
from opsreform.findings import Severity
from opsreform.model.organisation import (
    Assignment,
    Organisation,
    Structure,
    Unit,
    UnitRole,
    role_from_name,
    roles_from_name,
)
from opsreform.model.people import Person, Profession
from opsreform.model.project import Project
from opsreform.rules.organisation import Separation

NAMES = Path(__file__).parent / "data" / "unit_names.csv"


def _names() -> list[tuple[str, tuple[UnitRole, ...]]]:
    with NAMES.open(encoding="utf-8", newline="") as f:
        return [(row["name"], tuple(UnitRole(r) for r in row["roles"].split(";") if r))
                for row in csv.DictReader(f)]


def test_the_name_list_is_long_and_varied() -> None:
    """At least 60 real names, with combined, single and unknown roles among them."""
    names = _names()
    assert len(names) >= 60
    assert len({name for name, _ in names}) == len(names)
    assert any(len(roles) > 1 for _, roles in names)
    assert sum(not roles for _, roles in names) >= 5
    assert {role for _, roles in names for role in roles} >= set(UnitRole) - {UnitRole.OTHER}


@pytest.mark.parametrize(("name", "roles"), _names(), ids=lambda v: str(v)[:40])
def test_roles_from_real_unit_names(name: str, roles: tuple[UnitRole, ...]) -> None:
    """Each name of an organisational regulation gives exactly its roles (none: unknown)."""
    assert roles_from_name(name) == roles
    assert role_from_name(name) == (roles[0] if len(roles) == 1 else None)


_SPELLINGS = ["ds.", "d/s", "ds", "do spraw", "d/s."]


@given(st.sampled_from(_names()), st.sampled_from(_SPELLINGS), st.booleans())
def test_case_and_the_spelling_of_ds_do_not_matter(
        item: tuple[str, tuple[UnitRole, ...]], spelling: str, upper: bool) -> None:
    """Upper case, and ``ds.`` written any of the usual ways, give the same roles."""
    name, roles = item
    varied = name.replace("ds.", spelling).replace("d/s", spelling)
    assert roles_from_name(varied.upper() if upper else varied) == roles


@given(st.text(max_size=80))
def test_any_text_gives_roles_once_in_order(text: str) -> None:
    """Any text gives distinct roles in the order of UnitRole, and never raises."""
    roles = roles_from_name(text)
    assert list(roles) == [r for r in UnitRole if r in roles]


def test_a_unit_takes_one_role_or_several() -> None:
    """``role=`` or ``roles=`` (in any order, the same unit); not both."""
    one = Unit("t", "Zespół X", "team", role="services")
    assert one.roles == (UnitRole.SERVICES,) and one.role is UnitRole.SERVICES
    a = Unit("t", "Zespół X", "team", roles=["benefits-by-decision", "services"])
    b = Unit("t", "Zespół X", "team", roles=[UnitRole.SERVICES, "benefits"])
    assert a == b and a.role is None and a.has(UnitRole.SERVICES)
    with pytest.raises(ValidationError, match="not both"):
        Unit("t", "Zespół X", "team", role="services", roles=["services"])
    with pytest.raises(ValidationError, match="state its role"):
        Unit("t", "Zespół X", "team")
    assert Unit("d", "Dział Pomocy Społecznej", "department").roles == ()  # unknown


def test_roles_by_their_polish_names() -> None:
    """A role may be named as the field names it, or ``benefits`` for short."""
    assert UnitRole("praca socjalna") is UnitRole.SOCIAL_WORK
    assert UnitRole("Świadczenia przyznawane decyzją") is UnitRole.BENEFITS_BY_DECISION
    assert UnitRole("benefits") is UnitRole.BENEFITS_BY_DECISION
    with pytest.raises(ValueError, match="juggling"):
        UnitRole("juggling")


def _after(*units: Unit, assignments: tuple[Assignment, ...] | None = None,
           people: tuple[Person, ...] = ()) -> Project:
    model = (Unit("pk", "Punkt Pierwszego Kontaktu", "post"),
             Unit("ps", "Zespół Pracy Socjalnej", "team"),
             Unit("us", "Zespół ds. Usług", "team"),
             Unit("sw", "Zespół ds. Świadczeń", "team"))
    return Project("P", people=people, organisation=Organisation(
        after=Structure([*model, *units]), assignments=assignments))


def test_separation_refuses_social_work_combined_with_benefits() -> None:
    """A team of social work and benefits by decision is an error after the change."""
    combined = Unit("zz", "Zespół Pracy Socjalnej i Świadczeń", "team")
    found = [f for f in Separation().check(_after(combined))
             if f.severity is not Severity.INFO]
    assert [(f.subject, f.severity, f.said and f.said.key) for f in found] == [
        ("structure after: unit zz", Severity.ERROR, "separation.combined-social-work")]
    assert "łączy pracę socjalną" in found[0].message
    assert "combines social work" in found[0].text("en")
    relaxed = Separation(reorganisation_project=False).check(_after(combined))
    assert [f.severity for f in relaxed if f.subject.endswith("zz")] == [Severity.WARNING]


def test_separation_warns_of_services_combined_with_benefits() -> None:
    """``Zespół ds. usług i świadczeń``: a warning (the model separates services too)."""
    combined = Unit("zus", "Zespół ds. usług i świadczeń", "team")
    found = [f for f in Separation().check(_after(combined)) if f.subject.endswith("zus")]
    assert [(f.severity, f.said and f.said.key) for f in found] == [
        (Severity.WARNING, "separation.combined-services")]


def test_separation_counts_combined_units_for_the_model_roles() -> None:
    """One combined unit is a unit of each of its roles: no role is reported missing."""
    p = Project("P", organisation=Organisation(after=Structure([
        Unit("pk", "Punkt Pierwszego Kontaktu", "post"),
        Unit("zz", "Zespół", "team", roles=["social-work", "services",
                                            "benefits-by-decision"])])))
    found = [f for f in Separation().check(p) if f.severity is not Severity.INFO]
    assert {f.said.key for f in found if f.said} == {"separation.combined-social-work",
                                                     "separation.combined-services"}
    assert all(f.subject == "structure after: unit zz" for f in found)


def test_a_department_holding_separate_teams_is_not_combined() -> None:
    """A department that holds a social-work team and a benefits team is not combined."""
    holder = Unit("d", "Dział Świadczeń i Pracy Socjalnej", "department", children=[
        Unit("a", "Zespół Pracy Socjalnej nr 2", "team"),
        Unit("b", "Zespół Świadczeń Rodzinnych", "team")])
    assert holder.roles == ()  # a holder's name listing several says what its units do
    single = Unit("d", "Dział Usług", "department", children=[
        Unit("z", "Zespół ds. Usług", "team")])
    assert single.roles == (UnitRole.SERVICES,)
    assert [f for f in Separation().check(_after(holder)) if f.subject.endswith("unit d")] == []


def test_people_in_a_combined_unit_are_not_reported_twice() -> None:
    """Who does what inside a combined unit is unknown: the unit is reported, not them."""
    combined = Unit("zz", "Zespół Pracy Socjalnej i Świadczeń", "team")
    worker = Person("pw", "Pracownik socjalny", profession=Profession.SOCIAL_WORKER)
    p = _after(combined, assignments=(Assignment("pw", "zz"),), people=(worker,))
    subjects = [f.subject for f in Separation().check(p) if f.severity is Severity.ERROR]
    assert subjects == ["structure after: unit zz"]
    split = _after(assignments=(Assignment("pw", "ps", "0,5"), Assignment("pw", "sw", "0,5")),
                   people=(worker,))
    assert "structure after: person pw" in [f.subject for f in Separation().check(split)]
