"""The organisation rules: separation, staffing ratio, family-assistant load, supervisors.

Legal basis (ustawa z dnia 12 marca 2004 r. o pomocy społecznej, and ustawa z dnia
9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej):

- ``separation`` — art. 110a: the centre may separate social work and services from the
  administrative procedure of granting benefits (optional, so a warning); a project of
  Action 2.5 exists to do it, so its "after" structure without it is an error.
- ``staffing-ratio`` — art. 110 ust. 11: one full-time social worker per 2 000
  inhabitants, or per at most 50 families in social work, and no fewer than three.
- ``family-assistant-load`` — art. 15 ust. 4 of the family-support act: at most 15
  families per family assistant at a time.
- ``supervisor-independence`` — art. 121a: a supervisor of social work holds the
  certificate, and is not employed by the centre whose workers they supervise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from fractions import Fraction

import attrs

from opsreform.findings import Finding, Severity
from opsreform.model.organisation import MODEL_ROLES, Organisation, Structure, UnitRole
from opsreform.model.people import Person, Profession
from opsreform.model.project import Project
from opsreform.model.sessions import SessionKind
from opsreform.rules._index import schedule_index
from opsreform.rules.engine import Rule, not_checked

__all__ = [
    "ORGANISATION_RULES",
    "FamilyAssistantLoad",
    "OverAllocation",
    "Separation",
    "StaffingRatio",
    "SupervisorIndependence",
    "UnitWithoutStaff",
    "supervisor_findings",
]

_ROLE_PL = {
    UnitRole.FIRST_CONTACT: "pierwszy kontakt",
    UnitRole.SOCIAL_WORK: "praca socjalna",
    UnitRole.SERVICES: "usługi",
    UnitRole.BENEFITS_BY_DECISION: "świadczenia przyznawane decyzją",
}


_WHICH_PL = {"before": "przed zmianą", "after": "po zmianie"}


def _structure(organisation: Organisation) -> tuple[str, Structure] | None:
    if organisation.after is not None:
        return "after", organisation.after
    if organisation.before is not None:
        return "before", organisation.before
    return None


@attrs.frozen
class Separation(Rule):
    """Social work and benefits by decision are separate units; first contact and services exist.

    Attributes:
        reorganisation_project: The project exists to separate them (Action 2.5), so
            an "after" structure without a model role is an error; else a warning.

    """

    id = "separation"
    description = "The structure separates social work from benefits granted by decision."
    reorganisation_project: bool = True

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each missing model role and each worker doing both."""
        organisation = project.organisation
        found = None if organisation is None else _structure(organisation)
        if organisation is None or found is None:
            yield not_checked(self, "organisation", "nie opisano struktury")
            return
        which, structure = found
        severity = (Severity.ERROR if which == "after" and self.reorganisation_project
                    else Severity.WARNING)
        roles = structure.roles()
        for role in MODEL_ROLES:
            if role not in roles:
                partial = " (dokument może wymieniać tylko część jednostek)" if (
                    structure.complete is not True) else ""
                yield self.finding(f"structure {which}",
                                   f"brak jednostki o roli {role.value} ({_ROLE_PL[role]}) "
                                   f"w strukturze {_WHICH_PL[which]}{partial}",
                                   severity=severity if structure.complete is not False
                                   else Severity.INFO)
        if organisation.assignments is None:
            return
        people = {p.id: p for p in project.people}
        roles_of: dict[str, set[UnitRole]] = defaultdict(set)
        for a in organisation.assignments:
            if a.before == (which == "before"):
                unit_role = structure.unit(a.unit).role
                if unit_role is not None:
                    roles_of[a.person].add(unit_role)
        for person, held in sorted(roles_of.items()):
            is_worker = people.get(person) is None or (
                people[person].profession in (None, Profession.SOCIAL_WORKER))
            if is_worker and {UnitRole.SOCIAL_WORK, UnitRole.BENEFITS_BY_DECISION} <= held:
                yield self.finding(f"person {person}",
                                   f"{person} prowadzi i pracę socjalną, i postępowania w "
                                   f"sprawie świadczeń (struktura {_WHICH_PL[which]})",
                                   severity=severity)


@attrs.frozen
class StaffingRatio(Rule):
    """Enough social workers: 1 FTE per 2 000 inhabitants or per ≤ 50 families; at least 3."""

    id = "staffing-ratio"
    description = "Social workers: 1 FTE per 2 000 inhabitants or per 50 families, at least 3."
    inhabitants_per_worker: int = 2000
    families_per_worker: int = 50
    minimum: int = 3

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield an error when the centre has too few social workers for its area."""
        organisation = project.organisation
        if organisation is None:
            return
        fte, count = _social_workers(project, organisation)
        if fte is None:
            yield not_checked(self, "organisation", "nie podano liczby etatów pracowników "
                                                    "socjalnych")
            return
        if count is not None and count < self.minimum:
            yield self.finding("organisation", f"pracownicy socjalni: {count}; ustawa wymaga "
                                               f"co najmniej {self.minimum}")
        population = organisation.institution.population if organisation.institution else None
        families = organisation.families_in_social_work
        if population is None and families is None:
            yield not_checked(self, "organisation", "nie podano ani liczby mieszkańców, ani "
                                                    "liczby rodzin objętych pracą socjalną")
            return
        by_population = population is not None and fte * self.inhabitants_per_worker >= (
            population)
        by_families = families is not None and fte * self.families_per_worker >= families
        if not (by_population or by_families):
            needs = []
            if population is not None:
                needs.append(f"{_ceil(Fraction(population, self.inhabitants_per_worker))} "
                             f"etatów na {population} mieszkańców")
            if families is not None:
                needs.append(f"{_ceil(Fraction(families, self.families_per_worker))} etatów "
                             f"na {families} rodzin")
            yield self.finding("organisation", f"etaty pracowników socjalnych: {_fmt(fte)}; "
                                               f"ustawa wymaga {' lub '.join(needs)}")


def _ceil(value: Fraction) -> int:
    return -(-value.numerator // value.denominator)


def _fmt(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.2f}".replace(".", ",")


def _social_workers(project: Project, organisation: Organisation,
                    ) -> tuple[Fraction | None, int | None]:
    """FTE and head count of social workers, from assignments or stated counts."""
    if organisation.assignments is not None:
        workers = {p.id for p in project.people if p.profession is Profession.SOCIAL_WORKER}
        assigned = [a for a in organisation.assignments if a.person in workers and not a.before]
        if assigned:
            fte = sum((Fraction(a.fte.to("FTE").magnitude) for a in assigned), Fraction(0))
            return fte, len({a.person for a in assigned})
    if organisation.social_workers is not None:
        # A head count without FTE: each counts as at most one FTE, so it is an upper bound.
        return Fraction(organisation.social_workers), organisation.social_workers
    return None, None


@attrs.frozen
class FamilyAssistantLoad(Rule):
    """A family assistant works with at most 15 families at a time."""

    id = "family-assistant-load"
    description = "At most 15 families per family assistant at a time."
    limit: int = 15

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield an error for each assistant with more families than the limit."""
        organisation = project.organisation
        if organisation is None:
            return
        for person, families in organisation.families_per_assistant:
            if families > self.limit:
                yield self.finding(f"person {person}", f"{person} pracuje z {families} "
                                                       f"rodzinami; limit to {self.limit}")


def supervisor_findings(rule: Rule, person: Person, centre: str | None) -> Iterator[Finding]:
    """Check one supervisor: certified, and not employed by the supervised centre."""
    subject = f"person {person.id}"
    if person.certified_supervisor is None:
        yield not_checked(rule, subject, f"nie podano, czy {person.name} ma certyfikat "
                                         "superwizora")
    elif not person.certified_supervisor:
        yield rule.finding(subject, f"{person.name} prowadzi superwizję pracy socjalnej bez "
                                    "certyfikatu superwizora")
    if person.employer is None or centre is None:
        yield not_checked(rule, subject, f"nie podano pracodawcy: {person.name}")
    elif _same(person.employer, centre):
        yield rule.finding(subject, f"{person.name}: zatrudnienie w {centre}, ośrodku, "
                                    "którego pracowników superwizuje")


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


@attrs.frozen
class SupervisorIndependence(Rule):
    """A supervisor of social work is certified and not employed by the supervised centre."""

    id = "supervisor-independence"
    description = "Supervisors are certified and independent of the centre."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield findings for each supervisor (by profession or leading supervision)."""
        ids = {p.id for p in project.people if p.profession is Profession.SUPERVISOR}
        index = schedule_index(project)
        supervision = SessionKind.SUPERVISION
        seen: set[tuple[str, ...]] = set()
        for session, leaders in zip(index.sessions, index.leaders, strict=True):
            if session.kind is supervision and leaders not in seen:
                seen.add(leaders)
                ids.update(leaders)
        organisation = project.organisation
        centre = organisation.institution.name if organisation and organisation.institution \
            else project.beneficiary
        for person in project.people:
            if person.id in ids:
                yield from supervisor_findings(self, person, centre)


@attrs.frozen
class UnitWithoutStaff(Rule):
    """Every unit of the "after" structure has someone assigned."""

    id = "unit-without-staff"
    description = "Every unit of the structure after the change has staff."
    severity = Severity.WARNING

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a warning for each leaf unit of the "after" structure nobody works in."""
        organisation = project.organisation
        if organisation is None or organisation.after is None:
            return
        if organisation.assignments is None:
            yield not_checked(self, "structure after", "nie podano, kto pracuje w której jednostce")
            return
        staffed = {a.unit for a in organisation.assignments if not a.before}
        for unit in organisation.after.walk():
            if not unit.children and unit.id not in staffed:
                yield self.finding(f"unit {unit.id}",
                                   f"nikt nie jest przypisany do jednostki {unit.name}")


@attrs.frozen
class OverAllocation(Rule):
    """Nobody is assigned more than one full-time post in a structure."""

    id = "over-allocation"
    description = "Nobody is assigned over 1 FTE."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield an error for each person whose assignments add up to more than 1 FTE."""
        organisation = project.organisation
        if organisation is None or not organisation.assignments:
            return
        totals: dict[tuple[str, bool], Fraction] = defaultdict(Fraction)
        for a in organisation.assignments:
            totals[a.person, a.before] += Fraction(a.fte.to("FTE").magnitude)
        for (person, before), total in sorted(totals.items()):
            if total > 1:
                which = "before" if before else "after"
                yield self.finding(f"person {person}", f"{person}: {_fmt(total)} etatu w "
                                                       f"strukturze {_WHICH_PL[which]}")


ORGANISATION_RULES: tuple[Rule, ...] = (
    Separation(), StaffingRatio(), FamilyAssistantLoad(), SupervisorIndependence(),
    UnitWithoutStaff(), OverAllocation(),
)
"""The organisation rules with their default parameters."""
