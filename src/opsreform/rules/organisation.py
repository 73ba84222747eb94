"""The organisation rules: separation, staffing ratio, family-assistant load, supervisors.

Legal basis (ustawa z dnia 12 marca 2004 r. o pomocy społecznej — the social assistance
act — and ustawa z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy
zastępczej — the family-support act):

- ``separation`` — art. 110a of the social assistance act: the centre *may* separate
  social work and services from the administrative procedure of granting benefits by
  decision (optional, so a warning); a project of Action 2.5 exists to do it, so its
  "after" structure without it is an error (parameter ``reorganisation_project``).
- ``staffing-ratio`` — art. 110 ust. 11: one full-time social worker per 2 000
  inhabitants, or per at most 50 families in social work, and no fewer than three.
- ``family-assistant-load`` — art. 15 ust. 4 of the family-support act: at most 15
  families per family assistant at a time.
- ``supervisor-independence`` — art. 121a of the social assistance act: a supervisor of
  social work holds the certificate and is not employed by the centre whose workers they
  supervise.
- ``unit-without-staff`` and ``over-allocation`` — consistency of the model: every unit of
  the "after" structure has staff, and nobody works over one full-time post (etat).

Every subject names the structure it is about: ``structure after``,
``structure after: unit zespol-uslug``, ``structure before: person pw-1``.

>>> from opsreform.model.project import Project
>>> from opsreform.model.organisation import Organisation, Structure, Unit
>>> after = Structure([Unit("ps", "Zespół Pracy Socjalnej", "team"),
...                    Unit("pk", "Stanowisko ds. Pierwszego Kontaktu", "post"),
...                    Unit("us", "Zespół ds. Usług", "team")])
>>> [f.subject for f in Separation().check(Project("P", organisation=Organisation(after=after)))
...  if f.severity == "error"]
['structure after']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import polars as pl

from opsreform.findings import Finding, Severity
from opsreform.messages import Message
from opsreform.model.organisation import (
    MODEL_ROLES,
    EngagementKind,
    Institution,
    Organisation,
    Structure,
    UnitRole,
    fte_fraction,
)
from opsreform.model.people import Person, Profession
from opsreform.model.project import Project
from opsreform.model.sessions import SessionKind
from opsreform.rules.engine import FrameRule, Rule, not_checked
from opsreform.text._lexer import fold

if TYPE_CHECKING:
    from opsreform.engine.frames import Frames

__all__ = [
    "ORGANISATION_RULES",
    "FamilyAssistantLoad",
    "OverAllocation",
    "Separation",
    "StaffingRatio",
    "SupervisorIndependence",
    "UnitWithoutStaff",
    "check_supervisor",
    "same_centre",
    "supervisor_findings",
]


def _subject(which: str, what: str | None = None) -> str:
    return f"structure {which}" if what is None else f"structure {which}: {what}"


def _ceil(value: Fraction) -> int:
    return -(-value.numerator // value.denominator)


def _unknown(key: str, bound: Fraction) -> Message:
    """``key`` (a count not stated), or ``key-known`` with the lower bound that is known."""
    return Message(f"{key}-known", bound=bound) if bound else Message(key)


def _is_social_worker(project: Project, person_id: str) -> bool:
    """True for a declared social worker, or a person whose profession is not stated."""
    for person in project.people:
        if person.id == person_id:
            return person.profession in (None, Profession.SOCIAL_WORKER)
    return True


@attrs.frozen
class Separation(Rule):
    """Social work and benefits by decision are separate; first contact and services exist.

    For each described structure: a unit of each of the four model roles exists, and no
    social worker is assigned both to social work and to benefits granted by decision.

    Attributes:
        reorganisation_project: The project exists to separate them (Action 2.5), so an
            "after" structure without a model role is an error; ``False`` (or a "before"
            structure with no "after") makes it a warning, as art. 110a makes the
            separation optional. A structure marked incomplete gives ``info`` instead.

    """

    id = "separation"
    description = ("The structure separates social work and services from benefits granted "
                   "by decision (art. 110a).")
    reorganisation_project: bool = True

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each missing model role and each worker doing both."""
        organisation = project.organisation
        if organisation is None or (organisation.before is None and organisation.after is None):
            yield not_checked(self, "organisation", Message("separation.no-structure"))
            return
        for which, structure in organisation.structures():
            if which == "before" and organisation.after is not None:
                # The "before" structure is what the project changes; its lacks are expected.
                yield from self._mixed_workers(project, organisation, which, structure)
                continue
            yield from self._missing_roles(which, structure)
            yield from self._combined_units(which, structure)
            yield from self._mixed_workers(project, organisation, which, structure)

    def _combined_units(self, which: str, structure: Structure) -> Iterator[Finding]:
        """Each unit whose own roles join benefits by decision with social work or services.

        Social work with benefits is what the separation ends: an error in the "after"
        structure of a reorganisation project, else a warning. Services with benefits
        go against the model (which separates services too), but art. 110a names social
        work: a warning.
        """
        for unit in structure.walk():
            if not unit.has(UnitRole.BENEFITS_BY_DECISION):
                continue
            subject = _subject(which, f"unit {unit.id}")
            if unit.has(UnitRole.SOCIAL_WORK):
                severity = (Severity.ERROR if which == "after" and self.reorganisation_project
                            else Severity.WARNING)
                yield self.finding(subject, Message("separation.combined-social-work",
                                                    unit=unit.name), severity=severity)
            if unit.has(UnitRole.SERVICES):
                yield self.finding(subject, Message("separation.combined-services",
                                                    unit=unit.name), severity=Severity.WARNING)

    def _missing_roles(self, which: str, structure: Structure) -> Iterator[Finding]:
        severity = (Severity.ERROR if which == "after" and self.reorganisation_project
                    else Severity.WARNING)
        roles = structure.roles()
        for role in MODEL_ROLES:
            if role in roles:
                continue
            if structure.complete is False:
                yield self.finding(_subject(which), Message(
                    "separation.missing-role-partial", role=role, which=which),
                    severity=Severity.INFO)
            else:
                yield self.finding(_subject(which), Message(
                    "separation.missing-role", role=role, which=which), severity=severity)

    def _mixed_workers(self, project: Project, organisation: Organisation, which: str,
                       structure: Structure) -> Iterator[Finding]:
        assignments = organisation.assignments_in(which)
        if assignments is None:
            yield not_checked(self, _subject(which), Message("separation.no-assignments"))
            return
        held: dict[str, set[UnitRole]] = defaultdict(set)
        both = {UnitRole.SOCIAL_WORK, UnitRole.BENEFITS_BY_DECISION}
        for a in assignments:
            roles = set(structure.unit(a.unit).roles)
            # In a unit that combines the two, which one a person does is not known:
            # the unit is reported (_combined_units), not each person in it.
            if not both <= roles:
                held[a.person].update(roles)
        severity = (Severity.ERROR if which == "after" and self.reorganisation_project
                    else Severity.WARNING)
        for person, roles in sorted(held.items()):
            if both <= roles and _is_social_worker(project, person):
                yield self.finding(_subject(which, f"person {person}"),
                                   Message("separation.both", person=person, which=which),
                                   severity=severity)


def _social_workers(project: Project, organisation: Organisation,
                    ) -> tuple[str, Fraction | None, int | None, Fraction]:
    """Which structure, exact FTE and head count of social workers, and a lower bound."""
    which = "after" if organisation.after is not None else "before"
    fte: Fraction | None = None
    heads: int | None = None
    assignments = organisation.assignments_in(which)
    if assignments:
        workers = {p.id for p in project.people if p.profession is Profession.SOCIAL_WORKER}
        assigned = [a for a in assignments if a.person in workers]
        if assigned:
            fte = sum((fte_fraction(a.fte) for a in assigned), Fraction(0))
            heads = len({a.person for a in assigned})
    if fte is None:
        which = "organisation"
        if organisation.social_workers is not None:
            fte, heads = Fraction(organisation.social_workers), organisation.social_workers
    bound = Fraction(organisation.social_workers_at_least or 0)
    engaged = Fraction(0)
    for e in organisation.engagements:
        if e.profession is Profession.SOCIAL_WORKER and e.kind is not EngagementKind.CIVIL_CONTRACT:
            if e.fte is not None:
                engaged += fte_fraction(e.fte)
            elif e.count is not None or e.people:
                engaged += e.count if e.count is not None else len(e.people)
    return which, fte, heads, max(bound, engaged)


@attrs.frozen
class StaffingRatio(Rule):
    """Enough social workers: 1 FTE per 2 000 inhabitants or per ≤ 50 families; at least 3.

    The centre's social workers come from the assignments of its "after" structure (else
    "before"), or from a stated number; a lower bound (social workers moved onto or hired
    by the project, ``social_workers_at_least``) can show the law is met but never that
    it is broken.

    Attributes:
        inhabitants_per_worker: Inhabitants per full-time social worker (2 000).
        families_per_worker: Families in social work per full-time social worker (50).
        minimum: The fewest social workers a centre may have (3).

    """

    id = "staffing-ratio"
    description = ("Social workers: 1 FTE per 2 000 inhabitants or per 50 families, at "
                   "least 3 (art. 110 ust. 11).")
    inhabitants_per_worker: int = 2000
    families_per_worker: int = 50
    minimum: int = 3

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield an error when the centre has too few social workers for its area."""
        organisation = project.organisation
        if organisation is None:
            yield not_checked(self, "organisation", Message("staffing-ratio.no-organisation"))
            return
        which, fte, heads, bound = _social_workers(project, organisation)
        subject = "organisation" if which == "organisation" else _subject(which)
        if heads is not None and heads < self.minimum:
            yield self.finding(subject, Message("staffing-ratio.too-few", heads=heads,
                                                minimum=self.minimum))
        elif heads is None and bound < self.minimum:
            yield not_checked(self, subject, _unknown("staffing-ratio.no-heads", bound))
        population = organisation.population
        families = organisation.families_in_social_work
        needs: list[tuple[Fraction, Message]] = []
        if population is not None:
            need = Fraction(population, self.inhabitants_per_worker)
            needs.append((need, Message("staffing-ratio.per-inhabitants", count=_ceil(need),
                                        population=population)))
        if families is not None:
            need = Fraction(families, self.families_per_worker)
            needs.append((need, Message("staffing-ratio.per-families", count=_ceil(need),
                                        families=families)))
        if not needs:
            yield not_checked(self, subject, Message("staffing-ratio.no-need"))
            return
        required = min(n for n, _ in needs)  # either proportion satisfies the act
        if fte is not None:
            if fte < required:
                # Either proportion satisfies the act, so the message names each stated.
                said = [m for _, m in needs]
                if len(said) == 1:
                    message = Message("staffing-ratio.fte", fte=fte, need=said[0])
                else:
                    message = Message("staffing-ratio.fte-either", fte=fte, need=said[0],
                                      need_2=said[1])
                yield self.finding(subject, message)
        elif bound < required:
            yield not_checked(self, subject, _unknown("staffing-ratio.no-fte", bound))


@attrs.frozen
class FamilyAssistantLoad(Rule):
    """A family assistant works with at most 15 families at a time.

    Attributes:
        limit: The most families per assistant at a time (15).

    """

    id = "family-assistant-load"
    description = "At most 15 families per family assistant at a time (art. 15 ust. 4 uwr)."
    limit: int = 15

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield an error for each assistant with more families than the limit."""
        organisation = project.organisation
        if organisation is None:
            return
        for person, families in organisation.families_per_assistant:
            if families > self.limit:
                yield self.finding(f"person {person}", Message(
                    "family-assistant-load.over", person=person, families=families,
                    limit=self.limit))
        if organisation.families_per_assistant:
            return
        has_assistants = any(p.profession is Profession.FAMILY_ASSISTANT for p in project.people)
        for which, structure in organisation.structures():
            if structure.with_role(UnitRole.FAMILY_ASSISTANCE):
                has_assistants = True
                yield not_checked(self, _subject(which),
                                  Message("family-assistant-load.unknown"))
                return
        if has_assistants:
            yield not_checked(self, "organisation", Message("family-assistant-load.unknown"))


_CENTRE_WORDS = (
    ("miejsko-gminny osrodek pomocy spolecznej", "mgops"),
    ("miejsko gminny osrodek pomocy spolecznej", "mgops"),
    ("miejski osrodek pomocy spolecznej", "mops"),
    ("gminny osrodek pomocy spolecznej", "gops"),
    ("miejski osrodek pomocy rodzinie", "mopr"),
    ("centrum uslug spolecznych", "cus"),
    ("osrodek pomocy spolecznej", "ops"),
)


def _centre_key(name: str) -> str:
    text = " ".join(re.sub(r"[^\w-]+", " ", fold(name)).split())
    for words, short in _CENTRE_WORDS:
        text = text.replace(words, short)
    return text


def same_centre(employer: str, institution: Institution | str) -> bool:
    """Return whether ``employer`` names the centre ``institution``.

    Names are compared without case, diacritics and punctuation, with the centre's kind
    written out or abbreviated alike.

    >>> same_centre("MOPS w Tarnowskich Górach",
    ...             "Miejski Ośrodek Pomocy Społecznej w Tarnowskich Górach")
    True
    >>> same_centre("Firma Szkoleniowa", "MOPS w Tarnowskich Górach")
    False
    """
    name = institution if isinstance(institution, str) else institution.name
    return _centre_key(employer) == _centre_key(name)


def supervisor_findings(rule: Rule, person: Person,
                        centre: Institution | str | None) -> Iterator[Finding]:
    """Check one supervisor for ``rule``: certified, and not employed by the centre."""
    subject = f"person {person.id}"
    if person.certified_supervisor is None:
        yield not_checked(rule, subject, Message("supervisor-independence.certificate-unknown",
                                                 name=person.name))
    elif not person.certified_supervisor:
        yield rule.finding(subject, Message("supervisor-independence.uncertified",
                                            name=person.name))
    if person.employer is None or centre is None:
        yield not_checked(rule, subject, Message("supervisor-independence.employer-unknown",
                                                 name=person.name))
    elif same_centre(person.employer, centre):
        name = centre if isinstance(centre, str) else centre.name
        yield rule.finding(subject, Message("supervisor-independence.employed",
                                            name=person.name, centre=name))


def check_supervisor(person: Person, institution: Institution | str | None, *,
                     rule: Rule | None = None) -> list[Finding]:
    """Check one supervisor of social work against the supervised centre.

    Reusable for anyone who supervises (a person of profession ``supervisor``, or the
    leader of a supervision session).

    Args:
        person: The supervisor.
        institution: The centre whose workers they supervise (or its name), or None
            when not known.
        rule: The rule the findings belong to (a default
            :class:`SupervisorIndependence` when not given).

    Returns:
        Errors for a missing certificate or employment by the centre; ``info`` for
        facts not stated.

    >>> p = Person("s", "Anna Nowak", "supervisor", employer="GOPS w Świlczy",
    ...            certified_supervisor=True)
    >>> centre = "Gminny Ośrodek Pomocy Społecznej w Świlczy"
    >>> [f.severity.value for f in check_supervisor(p, centre)]
    ['error']

    """
    return list(supervisor_findings(rule or SupervisorIndependence(), person, institution))


@attrs.frozen
class SupervisorIndependence(FrameRule):
    """A supervisor of social work is certified and not employed by the supervised centre.

    It checks every person of profession ``supervisor`` and every leader of a supervision
    session that counts (not cancelled).
    """

    id = "supervisor-independence"
    description = "Supervisors of social work are certified and independent of the centre " \
                  "(art. 121a)."

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """The people to check: supervisors by profession or by leading supervision."""
        leading = (frames.active.filter(pl.col("kind") == SessionKind.SUPERVISION.value)
                   .select("project", person=pl.col("leaders")).explode("person"))
        people = frames.people
        return pl.concat([
            people.filter(pl.col("profession") == Profession.SUPERVISOR.value),
            people.join(leading, on=["project", "person"], how="semi"),
        ]).select("project", "person").unique()

    def report(self, row: dict[str, Any], project: Project) -> Iterator[Finding]:
        """Whether the person is certified and independent of the centre."""
        organisation = project.organisation
        centre: Institution | str | None = (
            organisation.institution if organisation and organisation.institution
            else project.beneficiary)
        yield from supervisor_findings(self, project.person(row["person"]), centre)


@attrs.frozen
class UnitWithoutStaff(Rule):
    """Every unit of the "after" structure has staff.

    A unit counts as staffed when someone is assigned to it or the document states a
    number of staff above zero; a unit with neither, when assignments are unknown, is
    reported once as ``info``.
    """

    id = "unit-without-staff"
    description = "Every unit of the structure after the change has staff."
    severity = Severity.WARNING

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a warning for each leaf unit of the "after" structure nobody works in."""
        organisation = project.organisation
        if organisation is None or organisation.after is None:
            yield not_checked(self, _subject("after"), Message("unit-without-staff.no-after"))
            return
        assignments = organisation.assignments_in("after")
        staffed = {a.unit for a in assignments or ()}
        unknown = []
        for unit in organisation.after.walk():
            if unit.children:
                continue
            if unit.id in staffed or (unit.staff is not None and unit.staff > 0):
                continue
            if unit.staff == 0 or assignments is not None:
                yield self.finding(_subject("after", f"unit {unit.id}"),
                                   Message("unit-without-staff.empty", unit=unit.name,
                                           kind=unit.kind))
            else:
                unknown.append(unit.name)
        if unknown:
            yield not_checked(self, _subject("after"),
                              Message("unit-without-staff.unknown", units=unknown))


@attrs.frozen
class OverAllocation(Rule):
    """Nobody is assigned more than one full-time post (etat) in a structure.

    Attributes:
        limit: The most FTE one person may hold in one structure (1).

    """

    id = "over-allocation"
    description = "Nobody is assigned over 1 FTE."
    limit: int = 1

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield an error for each person whose assignments add up to more than 1 FTE."""
        organisation = project.organisation
        if organisation is None or organisation.assignments is None:
            yield not_checked(self, "organisation", Message("over-allocation.no-assignments"))
            return
        totals: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
        for a in organisation.assignments:
            totals[a.structure, a.person] += fte_fraction(a.fte)
        for (which, person), total in sorted(totals.items()):
            if total > self.limit:
                yield self.finding(_subject(which, f"person {person}"),
                                   Message("over-allocation.over", person=person, fte=total,
                                           which=which, limit=self.limit))


ORGANISATION_RULES: tuple[Rule, ...] = (
    Separation(), StaffingRatio(), FamilyAssistantLoad(), SupervisorIndependence(),
    UnitWithoutStaff(), OverAllocation(),
)
"""The organisation rules with their default parameters."""
