"""The [organisation] table of project files: reading, errors naming keys, round trips."""

from __future__ import annotations

import tomllib
from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform.exceptions import ProjectFileError, ValidationError
from opsreform.files.organisation import organisation_from_data, organisation_to_data, parse_fte
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
)
from opsreform.model.people import Profession
from opsreform.periods import Period
from opsreform.text.addresses import Address
from tests.strategies import dates, periods

TARNOWSKIE = """
[organisation.institution]
kind = "MOPS"
name = "Miejski Ośrodek Pomocy Społecznej w Tarnowskich Górach"

[organisation.reorganisation]
effective = "01.09.2017"
act = "Zarządzenie Dyrektora"

[organisation.after]
date = "01.09.2017 r."
complete = false

[[organisation.after.units]]
id = "dps"
name = "Dział Pomocy Środowiskowej"
kind = "department"

  [[organisation.after.units.units]]
  id = "pk"
  name = "Stanowisko ds. Pierwszego Kontakt"
  kind = "post"
  addresses = ["ul. Janasa 9"]

  [[organisation.after.units.units]]
  id = "dec"
  name = "Zespół ds. Świadczeń Przyznawanych Decyzją"
  kind = "team"
  addresses = "ul. Sienkiewicza 8 Tarnowskie Góry 42-600"

[[organisation.engagements]]
kind = "civil-contract"
title = "specjalista ds. monitoringu"
profession = "specialist"
period = "od 15.01.2018r. do 31.12.2018r."
"""


def _read(text: str) -> Organisation:
    return organisation_from_data(tomllib.loads(text)["organisation"], where="organisation")


def test_reads_nested_units_addresses_dates_and_periods() -> None:
    """A Tarnowskie Góry-like table reads into departments, posts and a civil contract."""
    org = _read(TARNOWSKIE)
    assert org.after is not None and org.after.date == date(2017, 9, 1)
    assert org.after.complete is False
    assert org.after.unit("pk").role is UnitRole.FIRST_CONTACT
    assert org.after.unit("dec").addresses == (Address("ul. Sienkiewicza 8", "42-600",
                                                       "Tarnowskie Góry"),)
    assert org.after.parent_of("dec") is org.after.unit("dps")
    assert org.reorganisation == Reorganisation(date(2017, 9, 1), "Zarządzenie Dyrektora")
    [contract] = org.engagements
    assert contract.kind is EngagementKind.CIVIL_CONTRACT
    assert contract.period == Period(date(2018, 1, 15), date(2018, 12, 31))
    assert org.assignments is None  # not in the file: unknown


def test_empty_assignments_mean_nobody() -> None:
    """``assignments = []`` is kept as known-empty, and written back."""
    org = organisation_from_data({"assignments": []}, where="organisation")
    assert org.assignments == ()
    assert organisation_to_data(org) == {"assignments": []}


@pytest.mark.parametrize(("text", "expected"), [
    (1, Fraction(1)), (0.5, Fraction(1, 2)), ("0,5", Fraction(1, 2)), ("1/3", Fraction(1, 3)),
    ("3 etaty", Fraction(3)), ("0,75 etatu", Fraction(3, 4)), ("2 FTE", Fraction(2))])
def test_fte_forms(text: Any, expected: Fraction) -> None:
    """FTE as TOML numbers or Polish text become exact quantities."""
    assert parse_fte(text).magnitude == expected


@pytest.mark.parametrize("text", ["pół etatu", "", "1,5,0", True, [1]])
def test_bad_fte_is_refused(text: Any) -> None:
    """Text that is not a number of posts is refused."""
    with pytest.raises(ValidationError):
        parse_fte(text)


@pytest.mark.parametrize(("data", "key"), [
    ({"after": {"units": [{"id": "d", "name": "Dział", "kind": "department", "units": [
        {"id": "a", "name": "Zespół ds. Usług", "kind": "team"},
        {"id": "b", "name": "Zespół Pracy Socjalnej", "kind": "team"},
        {"id": "t", "name": "Zespół X", "kind": "team"}]}]}},
     "organisation.after.units[0].units[2].role"),
    ({"after": {"units": [{"id": "t", "name": "Zespół", "kind": "team", "role": "juggling"}]}},
     "organisation.after.units[0].role"),
    ({"after": {"units": [{"id": "t", "name": "Zespół Usług", "kind": "squad"}]}},
     "organisation.after.units[0].kind"),
    ({"after": {"units": [{"id": "t", "name": "Zespół Usług", "kind": "team",
                           "colour": "red"}]}}, "organisation.after.units[0].colour"),
    ({"after": {"units": [{"id": "t", "name": "Zespół Usług", "kind": "team",
                           "addresses": ["Janasa"]}]}}, "organisation.after.units[0].addresses"),
    ({"institution": {"kind": "OPSS", "name": "X"}}, "organisation.institution.kind"),
    ({"institution": {"kind": "OPS", "name": "X", "population": "7 000"}},
     "organisation.institution.population"),
    ({"reorganisation": {"effective": "31.02.2017"}}, "organisation.reorganisation.effective"),
    ({"reorganisation": {"changes": [{"kind": "merged", "units": ["a"], "into": "b"}]}},
     "organisation.reorganisation.changes[0].units"),
    ({"engagements": [{"kind": "new-hire", "title": "x", "profession": "poet"}]},
     "organisation.engagements[0].profession"),
    ({"engagements": [{"kind": "new-hire", "title": "x", "fte": "dużo"}]},
     "organisation.engagements[0].fte"),
    ({"after": {"units": [{"id": "t", "name": "Zespół Usług", "kind": "team"}]},
      "assignments": [{"person": "p", "unit": "t", "fte": 1, "hours": 8}]},
     "organisation.assignments[0].hours"),
    ({"families_per_assistant": [{"person": "a", "families": 3, "note": "x"}]},
     "organisation.families_per_assistant[0].note"),
    ({"staff": 3}, "organisation.staff"),
])
def test_errors_name_the_key(data: dict[str, Any], key: str) -> None:
    """Every bad or unknown key is an error that names its dotted key."""
    with pytest.raises(ProjectFileError) as info:
        organisation_from_data(data, where="organisation")
    assert info.value.key == key


def test_several_roles_are_read_and_role_still_is() -> None:
    """``roles = [...]`` gives a unit several roles; ``role = "..."`` keeps loading."""
    data = {"after": {"units": [
        {"id": "zus", "name": "Zespół X", "kind": "team", "roles": ["services", "benefits"]},
        {"id": "ps", "name": "Zespół Y", "kind": "team", "role": "social-work"},
        {"id": "zs", "name": "Zespół ds. usług i świadczeń", "kind": "team"}]}}
    after = organisation_from_data(data, where="organisation").after
    assert after is not None
    both = (UnitRole.SERVICES, UnitRole.BENEFITS_BY_DECISION)
    assert after.unit("zus").roles == both and after.unit("zus").role is None
    assert after.unit("ps").roles == (UnitRole.SOCIAL_WORK,)
    assert after.unit("zs").roles == both  # told from the name
    written = organisation_to_data(Organisation(after=after))["after"]["units"]
    assert written[0]["roles"] == ["services", "benefits-by-decision"]
    assert written[1]["role"] == "social-work"
    assert "role" not in written[2] and "roles" not in written[2]


@pytest.mark.parametrize(("unit", "match"), [
    ({"role": "services", "roles": ["services"]}, "not both"),
    ({"roles": []}, "at least one role"),
    ({"roles": ["services", "juggling"]}, "unknown role 'juggling'"),
    ({"roles": [3]}, "expected a list of texts"),
])
def test_bad_roles_are_placed(unit: dict[str, Any], match: str) -> None:
    """A bad ``roles`` is an error naming the key and what was expected."""
    data = {"after": {"units": [{"id": "t", "name": "Zespół Usług", "kind": "team", **unit}]}}
    with pytest.raises(ProjectFileError, match=match) as info:
        organisation_from_data(data, where="organisation")
    assert info.value.key == "organisation.after.units[0].roles"


def test_unrecognised_role_asks_for_it() -> None:
    """A team whose name gives no role is an error listing the roles to choose from."""
    data = {"after": {"units": [{"id": "t", "name": "Zespół X", "kind": "team"}]}}
    with pytest.raises(ProjectFileError, match=r"state its role.*benefits-by-decision"):
        organisation_from_data(data, where="organisation")


_names = st.sampled_from(["Zespół ds. Usług", "Zespół Pracy Socjalnej", "Dział X",
                          "Stanowisko ds. Pierwszego Kontaktu", "Zespół Realizacji Świadczeń",
                          "Sekcja Y"])
_addresses = st.lists(st.builds(Address, st.sampled_from(["ul. Janasa 9", "ul. Bytomska 15",
                                                          "al. Jana Pawła II 8/2"]),
                                st.sampled_from([None, "42-600"]),
                                st.sampled_from([None, "Tarnowskie Góry"])), max_size=2)
_fte = st.fractions(Fraction(1, 8), Fraction(2), max_denominator=8)


@st.composite
def _units(draw: st.DrawFn, prefix: str, depth: int) -> list[Unit]:
    units = []
    for i in range(draw(st.integers(0 if depth else 1, 3 if depth < 2 else 0))):
        kind = draw(st.sampled_from(list(UnitKind) if depth == 0 else [UnitKind.TEAM,
                                                                       UnitKind.POST]))
        children = draw(_units(f"{prefix}{i}-", depth + 1)) if kind is not UnitKind.POST else []
        # One role, or several for a unit that combines them (a department: maybe none).
        some = st.lists(st.sampled_from(list(UnitRole)), min_size=1, max_size=3)
        roles = draw(st.none() | some) if kind is UnitKind.DEPARTMENT else draw(some)
        units.append(Unit(f"{prefix}{i}", draw(_names), kind, roles=roles,
                          addresses=draw(_addresses), children=children,
                          staff=draw(st.none() | st.integers(0, 30))))
    return units


@st.composite
def organisations(draw: st.DrawFn) -> Organisation:
    """Any organisation the model can hold."""
    after = Structure(draw(_units("u", 0)), date=draw(st.none() | dates),
                      complete=draw(st.none() | st.booleans()))
    before = draw(st.none() | st.builds(Structure, _units("b", 0)))
    ids = [u.id for u in after.walk()]
    assignments = draw(st.none() | st.lists(st.builds(
        Assignment, st.sampled_from(["p1", "p2", "p3"]), st.sampled_from(ids), _fte),
        max_size=5))
    engagement = st.builds(
        Engagement, st.sampled_from([EngagementKind.NEW_HIRE, EngagementKind.MOVED_TO_PROJECT]),
        st.just("zatrudnienie pracownika"), count=st.none() | st.integers(1, 5),
        fte=st.none() | _fte, profession=st.none() | st.sampled_from(list(Profession)),
        period=st.none() | periods(), signed=st.none() | dates)
    change = st.builds(Change, st.sampled_from([ChangeKind.CREATED, ChangeKind.REMOVED]),
                       st.lists(st.sampled_from(ids), min_size=1, max_size=2),
                       text=st.none() | st.just("wyodrębnienie"))
    return Organisation(
        institution=draw(st.none() | st.builds(
            Institution, st.sampled_from(list(InstitutionKind)), st.just("OPS Z"),
            gmina=st.none() | st.just("Z"), population=st.none() | st.integers(0, 10**6),
            address=st.none() | st.just(Address("ul. Polna 1", "00-001", "Z")))),
        before=before, after=after, assignments=assignments,
        engagements=draw(st.lists(engagement, max_size=2)),
        reorganisation=draw(st.none() | st.builds(
            Reorganisation, st.none() | dates, st.none() | st.just("Zarządzenie Dyrektora"),
            st.lists(change, max_size=2))),
        staff_supported=draw(st.none() | st.integers(0, 99)),
        social_workers=draw(st.none() | st.integers(12, 40)),
        social_workers_at_least=draw(st.none() | st.integers(0, 12)),
        families_in_social_work=draw(st.none() | st.integers(0, 500)),
        families_per_assistant=draw(st.lists(st.tuples(st.sampled_from(["a1", "a2"]),
                                                       st.integers(0, 30)), max_size=2)),
    )


@given(organisations())
def test_round_trip(org: Organisation) -> None:
    """Any organisation written as data reads back equal."""
    assert organisation_from_data(organisation_to_data(org), where="organisation") == org


@given(organisations())
def test_written_data_has_no_unknowns(org: Organisation) -> None:
    """Unknown facts are left out of the written table, never written as zero or empty."""
    data = organisation_to_data(org)
    assert None not in data.values()
    assert ("assignments" in data) == (org.assignments is not None)
    assert ("population" in data.get("institution", {})) == (
        org.institution is not None and org.institution.population is not None)
