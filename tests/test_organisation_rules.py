"""The organisation rules on the seed structures and on invented centres, good and bad."""

from __future__ import annotations

import pytest

from opsreform.findings import Finding, Severity
from opsreform.model.organisation import (
    Assignment,
    Engagement,
    Institution,
    Organisation,
    Structure,
    Unit,
)
from opsreform.model.people import Person, Profession
from opsreform.model.project import Project
from opsreform.rules.engine import run_rules
from opsreform.rules.organisation import (
    ORGANISATION_RULES,
    FamilyAssistantLoad,
    OverAllocation,
    Separation,
    StaffingRatio,
    SupervisorIndependence,
    UnitWithoutStaff,
    check_supervisor,
    same_centre,
)
from tests.findings_util import by_rule, problems

RULE_IDS = {r.id for r in ORGANISATION_RULES}

# An invented GOPS of 7 400 inhabitants with the four model units, well staffed.
GOOD = Structure([
    Unit("dpk", "Dział Obsługi Mieszkańców", "department", children=[
        Unit("pk", "Stanowisko ds. Pierwszego Kontaktu", "post"),
        Unit("dec", "Zespół ds. Świadczeń Przyznawanych Decyzją", "team")]),
    Unit("ps", "Zespół Pracy Socjalnej", "team"),
    Unit("us", "Zespół ds. Usług Opiekuńczych", "team"),
], complete=True)
WORKERS = tuple(Person(f"pw{i}", f"Pracownik {i}", Profession.SOCIAL_WORKER) for i in range(4))
GOOD_ASSIGNMENTS = (Assignment("pw0", "pk"), Assignment("pw1", "dec"), Assignment("pw2", "ps"),
                    Assignment("pw3", "us"))
GMINA = Institution("GOPS", "Gminny Ośrodek Pomocy Społecznej w Przykładowie",
                    gmina="Przykładowo", population=7400)


def _project(org: Organisation | None, *people: Person) -> Project:
    return Project(title="P", organisation=org, people=people)


def _good(**changes: object) -> Organisation:
    fields: dict[str, object] = {"institution": GMINA, "after": GOOD,
                                 "assignments": GOOD_ASSIGNMENTS}
    fields.update(changes)
    return Organisation(**fields)  # type: ignore[arg-type]


def _run(project: Project) -> list[Finding]:
    return run_rules(project, ORGANISATION_RULES)


# --- the seeds --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["michalowice", "tarnowskie-gory", "warszawa-ochota",
                                  "swilcza", "niedrzwica-duza"])
def test_seeds_give_no_error_or_warning(examples: dict[str, Project], name: str) -> None:
    """No seed breaks an organisation rule: what they do not state is reported as info."""
    found = _run(examples[name])
    assert not problems(found)
    assert found, "each seed lacks some fact, so some rule must say it did not run"
    assert all(f.message.startswith("nie sprawdzono") or "tylko część" in f.message
               for f in found)


@pytest.mark.parametrize("name", ["tarnowskie-gory", "warszawa-ochota", "niedrzwica-duza"])
def test_seed_targets_have_the_four_model_roles(examples: dict[str, Project], name: str) -> None:
    """001, 002 and 004 describe target structures with all four model roles."""
    found = by_rule(_run(examples[name]), "separation")
    assert not [f for f in found if "brak jednostki" in f.message]


def test_seed_staffing_is_not_checked_without_population(examples: dict[str, Project]) -> None:
    """No seed states its population or families in social work: staffing-ratio is info."""
    for project in examples.values():
        [why] = [f for f in by_rule(_run(project), "staffing-ratio") if "mieszkańców" in f.message]
        assert why.severity is Severity.INFO


def test_seed_tarnowskie_gory_family_assistants(examples: dict[str, Project]) -> None:
    """001 has a family-assistant team but no caseloads: the load check says it did not run."""
    [note] = by_rule(_run(examples["tarnowskie-gory"]), "family-assistant-load")
    assert note.severity is Severity.INFO and note.subject == "structure after"


def test_seed_swilcza_has_no_structure(examples: dict[str, Project]) -> None:
    """003 describes no structure: separation cannot run."""
    [note] = by_rule(_run(examples["swilcza"]), "separation")
    assert note.severity is Severity.INFO and "struktury" in note.message


# --- invented centres: good -------------------------------------------------------------

def test_good_centre_passes_every_rule() -> None:
    """A complete structure, four social workers on 7 400 inhabitants: nothing to report."""
    assert _run(_project(_good(), *WORKERS)) == []


def test_shared_post_within_one_fte_is_fine() -> None:
    """Half a post in services and half in first contact is not over-allocation or mixing."""
    org = _good(assignments=(*GOOD_ASSIGNMENTS[1:], Assignment("pw0", "pk", "1/2"),
                             Assignment("pw0", "us", "1/2")))
    assert _run(_project(org, *WORKERS)) == []


# --- invented centres: bad --------------------------------------------------------------

def test_after_structure_without_benefits_unit_is_an_error() -> None:
    """An Action 2.5 "after" structure lacking a model role has failed its purpose."""
    lacking = Structure([Unit("ps", "Zespół Pracy Socjalnej", "team"),
                         Unit("pk", "Zespół Pierwszego Kontaktu", "team"),
                         Unit("us", "Zespół Usług", "team")])
    org = Organisation(after=lacking, assignments=())
    [missing] = by_rule(_run(_project(org)), "separation")
    assert missing.severity is Severity.ERROR and missing.subject == "structure after"
    assert "„świadczenia przyznawane decyzją”" in missing.message
    [optional] = Separation(reorganisation_project=False).check(_project(org))
    assert optional.severity is Severity.WARNING


def test_before_structure_alone_is_a_warning() -> None:
    """A centre described only as it is (no project target) gets warnings: art. 110a is optional."""
    old = Structure([Unit("ps", "Sekcja Pomocy", "team", role="social-work")], complete=True)
    found = list(Separation().check(_project(Organisation(before=old, assignments=()))))
    assert {f.severity for f in found} == {Severity.WARNING}
    assert {f.subject for f in found} == {"structure before"}
    assert len(found) == 3


def test_before_lacks_are_expected_when_after_is_given() -> None:
    """The "before" structure is what the project changes: its missing roles are not reported."""
    old = Structure([Unit("ps", "Sekcja Pomocy", "team", role="social-work")])
    org = _good(before=old)
    assert not [f for f in Separation().check(_project(org, *WORKERS))
                if "before" in f.subject and "brak" in f.message]


def test_partial_structure_gives_info_only() -> None:
    """A document naming only some units ("m.in.") cannot show a role is missing."""
    partial = Structure([Unit("ps", "Zespół Pracy Socjalnej", "team")], complete=False)
    found = list(Separation().check(_project(Organisation(after=partial, assignments=()))))
    assert len(found) == 3 and {f.severity for f in found} == {Severity.INFO}


def test_social_worker_doing_both_is_an_error() -> None:
    """A social worker in both social work and benefit decisions breaks the separation."""
    org = _good(assignments=(*GOOD_ASSIGNMENTS[:2], Assignment("pw2", "ps", "1/2"),
                             Assignment("pw2", "dec", "1/2"), Assignment("pw3", "us")))
    [mixed] = by_rule(_run(_project(org, *WORKERS)), "separation")
    assert mixed.severity is Severity.ERROR
    assert mixed.subject == "structure after: person pw2"


def test_clerk_in_both_units_is_not_mixing() -> None:
    """Only social workers are bound by the separation; a clerk may serve both units."""
    clerk = Person("ref", "Referent", Profession.CLERK)
    org = _good(assignments=(*GOOD_ASSIGNMENTS, Assignment("ref", "ps", "1/2"),
                             Assignment("ref", "dec", "1/2")))
    assert not by_rule(_run(_project(org, *WORKERS, clerk)), "separation")


def test_too_few_social_workers() -> None:
    """Two social workers are under the minimum of three, whatever the population."""
    small = Institution("GOPS", "GOPS Mała Wieś", population=3000)
    org = Organisation(institution=small, after=GOOD, assignments=(
        Assignment("pw0", "pk"), Assignment("pw1", "dec"), Assignment("x", "ps"),
        Assignment("x2", "us")))
    [few] = StaffingRatio().check(_project(org, *WORKERS[:2]))
    assert few.severity is Severity.ERROR and "co najmniej 3" in few.message
    assert few.subject == "structure after"


def test_ratio_by_population_and_by_families() -> None:
    """9 000 inhabitants need 5 FTE; 4 FTE is too few unless families are at most 200."""
    big = Institution("MOPS", "MOPS Y", population=9000)
    [low] = StaffingRatio().check(_project(_good(institution=big), *WORKERS))
    assert "5 etatów na 9000 mieszkańców" in low.message and "4" in low.message
    assert not list(StaffingRatio().check(
        _project(_good(institution=big, families_in_social_work=200), *WORKERS)))
    [both] = StaffingRatio().check(
        _project(_good(institution=big, families_in_social_work=201), *WORKERS))
    assert "lub" in both.message


def test_ratio_with_part_time_workers_is_exact() -> None:
    """Half posts add up exactly: 3 × 1/2 + 2 = 3,5 FTE is short of 7 000 / 2 000."""
    inst = Institution("GOPS", "GOPS Z", population=7001)
    assignments = (Assignment("pw0", "pk", "1/2"), Assignment("pw1", "dec", "1/2"),
                   Assignment("pw2", "ps", "1/2"), Assignment("pw3", "us"),
                   Assignment("pw4", "ps"))
    people = (*WORKERS, Person("pw4", "Pracownik 4", Profession.SOCIAL_WORKER))
    [low] = StaffingRatio().check(_project(_good(institution=inst, assignments=assignments),
                                           *people))
    assert "3,50" in low.message
    ok = Institution("GOPS", "GOPS Z", population=7000)
    assert not list(StaffingRatio().check(
        _project(_good(institution=ok, assignments=assignments), *people)))


def test_lower_bounds_prove_only_compliance() -> None:
    """Workers known to exist can show the minimum is met, never that it is broken."""
    met = Organisation(social_workers_at_least=12)
    assert [f.message for f in StaffingRatio().check(_project(met))] == [
        "nie sprawdzono: nie podano ani liczby mieszkańców, ani liczby rodzin objętych pracą "
        "socjalną"]
    two = Organisation(engagements=[Engagement("new-hire", "2 pracowników", count=2,
                                               profession="social-worker")])
    found = list(StaffingRatio().check(_project(two)))
    assert {f.severity for f in found} == {Severity.INFO} and len(found) == 2
    enough = Organisation(institution=Institution("GOPS", "G", population=20000),
                          social_workers_at_least=12)
    assert not list(StaffingRatio().check(_project(enough)))
    unknown = Organisation(institution=Institution("GOPS", "G", population=30000),
                           social_workers_at_least=12)
    [note] = StaffingRatio().check(_project(unknown))
    assert note.severity is Severity.INFO and "12" in note.message


def test_family_assistant_load() -> None:
    """16 families at a time is over the limit of 15; 15 is allowed."""
    org = Organisation(families_per_assistant=(("ar1", 16), ("ar2", 15)))
    [load] = FamilyAssistantLoad().check(_project(org))
    assert load.subject == "person ar1" and load.severity is Severity.ERROR
    assert not list(FamilyAssistantLoad(limit=16).check(_project(org)))


def test_supervisor_independence() -> None:
    """A supervisor employed by the centre, or without the certificate, is an error."""
    own = Person("s", "Superwizor", Profession.SUPERVISOR,
                 employer="GOPS w Przykładowie", certified_supervisor=False)
    found = list(SupervisorIndependence().check(_project(_good(), own, *WORKERS)))
    assert [f.severity for f in found] == [Severity.ERROR, Severity.ERROR]
    outside = Person("s", "Superwizor", Profession.SUPERVISOR, employer="Firma Superwizja",
                     certified_supervisor=True)
    assert not list(SupervisorIndependence().check(_project(_good(), outside)))
    unknown = Person("s", "Superwizor", Profession.SUPERVISOR)
    assert {f.severity for f in check_supervisor(unknown, GMINA)} == {Severity.INFO}


def test_same_centre_reads_abbreviations() -> None:
    """The centre's full name and its abbreviation name the same employer; others do not."""
    assert same_centre("GOPS w Przykładowie", GMINA)
    assert same_centre("gminny ośrodek pomocy społecznej w przykładowie", GMINA.name)
    assert not same_centre("MOPS w Przykładowie", GMINA)


def test_unit_without_staff() -> None:
    """A unit of the "after" structure nobody works in is a warning, naming it."""
    org = _good(assignments=GOOD_ASSIGNMENTS[:3])
    [empty] = UnitWithoutStaff().check(_project(org, *WORKERS))
    assert empty.subject == "structure after: unit us" and empty.severity is Severity.WARNING
    stated = Structure([Unit("us", "Zespół Usług", "team", staff=0),
                        Unit("ps", "Zespół Pracy Socjalnej", "team", staff=3)])
    [zero] = UnitWithoutStaff().check(_project(Organisation(after=stated)))
    assert zero.subject == "structure after: unit us"
    [note] = UnitWithoutStaff().check(_project(Organisation(after=GOOD)))
    assert note.severity is Severity.INFO


def test_over_allocation_names_the_structure() -> None:
    """1,5 FTE for one person in one structure is an error; 1 FTE in each structure is not."""
    old = Structure([Unit("a", "Sekcja Pomocy", "team", role="social-work")])
    org = _good(before=old, assignments=(*GOOD_ASSIGNMENTS, Assignment("pw0", "us", "1/2"),
                                         Assignment("pw0", "a", before=True)))
    [over] = OverAllocation().check(_project(org, *WORKERS))
    assert over.subject == "structure after: person pw0" and "1,50 etatu" in over.message
    [note] = OverAllocation().check(_project(Organisation(after=GOOD)))
    assert note.severity is Severity.INFO


def test_no_organisation_every_rule_says_so_or_is_silent() -> None:
    """A project with no organisation gives only info findings."""
    found = _run(_project(None))
    assert found and {f.severity for f in found} == {Severity.INFO}
    assert {f.rule for f in found} <= RULE_IDS


def test_rule_parameters_come_from_project_files() -> None:
    """Rules are built from a project file's parameters by id."""
    rule = Separation.from_params({"reorganisation_project": False})
    assert rule == Separation(reorganisation_project=False)
    assert StaffingRatio.from_params({"minimum": 4}) == StaffingRatio(minimum=4)
