"""The programme of a project, and the rules on its call and agreement numbers.

A project's programme is what its funding says: the programme as written, else the
prefix of its call number, else that of its agreement number
(:func:`programme_of`). ``call-period`` (in :mod:`opsreform.rules.funding`) judges the
project against that programme's eligibility window (:func:`call_period_findings`), and
says so when it does not know the programme rather than assume PO WER.

``programme`` warns when the programme as written and a number's prefix disagree;
``agreement-number`` reports call and agreement numbers read past a misprint, and an
agreement whose programme, axis or action is not its call's.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from opsreform.findings import Finding, Severity
from opsreform.messages import Message
from opsreform.model.funding import Funding
from opsreform.model.project import Project
from opsreform.programmes import FundingProgramme, programme_by_code, programme_named
from opsreform.rules.engine import Rule, not_checked
from opsreform.text._groups import Misprint
from opsreform.text.agreements import ReadAgreementNumber, read_agreement_number
from opsreform.text.calls import read_call_number

__all__ = [
    "PROGRAMME_RULES",
    "AgreementNumberRule",
    "ProgrammeFacts",
    "ProgrammeRule",
    "call_period_findings",
    "programme_of",
]


@attrs.frozen
class ProgrammeFacts:
    """What a project's funding says of its programme.

    Attributes:
        stated: The programme its ``programme`` names, when it names one opsreform knows.
        by_call: The programme of its call number's prefix, when known.
        by_agreement: The programme of its agreement number's prefix, when known.
        agreement: Its agreement number read, when it states one.

    """

    stated: FundingProgramme | None
    by_call: FundingProgramme | None
    by_agreement: FundingProgramme | None
    agreement: ReadAgreementNumber | None

    @property
    def programme(self) -> FundingProgramme | None:
        """The project's programme: as written, else by its call, else by its agreement."""
        return self.stated or self.by_call or self.by_agreement


def programme_of(funding: Funding) -> ProgrammeFacts:
    """Return what ``funding`` says of its programme.

    >>> from opsreform.text.calls import parse_call_number
    >>> facts = programme_of(Funding(call=parse_call_number("FERS.04.11-IP.03-001/23")))
    >>> facts.programme.name
    'FERS 2021-2027'

    """
    stated = None if funding.programme is None else programme_named(funding.programme)
    by_call = None if funding.call is None else programme_by_code(funding.call.programme)
    number = funding.agreement.number if funding.agreement is not None else None
    agreement = None if number is None else read_agreement_number(number)
    by_agreement = None if agreement is None else programme_by_code(
        agreement.number.programme)
    return ProgrammeFacts(stated, by_call, by_agreement, agreement)


def call_period_findings(rule: Rule, project: Project) -> Iterator[Finding]:
    """The judgement of ``call-period``: each period the project had, within its window.

    The window is the call's period when stated, else the eligibility of the project's
    programme; the period as signed and each period an amendment set are judged.
    """
    funding = project.funding
    final = project.final_period
    if final is None:
        if funding is not None:
            yield not_checked(rule, "project", Message("call-period.no-period"))
        return
    if funding is None:
        return  # nothing is known of the funding: no call, no programme
    window = funding.call_period
    if window is None:
        programme = programme_of(funding).programme
        if programme is None:
            why = (Message("call-period.no-programme") if funding.programme is None else
                   Message("call-period.unknown-programme", programme=funding.programme))
            yield not_checked(rule, "project", why)
        else:
            window = programme.eligibility
            if funding.call is not None:
                yield not_checked(rule, "project", Message("call-period.programme-window",
                                                           programme=programme.name))
    if window is not None:
        initial = project.initial_period
        if initial is not None and not window.contains(initial):
            yield rule.finding("project", Message("call-period.outside", period=initial,
                                                  window=window), day=initial.start)
        for n, amendment in enumerate(project.amendments, start=1):
            period = amendment.period
            if period is not None and not window.contains(period):
                yield rule.finding(f"amendment {n}", Message(
                    "call-period.outside-amended", period=period, window=window,
                    signed=amendment.signed), day=amendment.in_force_from)
    agreement = funding.agreement
    if agreement is not None and agreement.signed is not None and agreement.signed > final.end:
        yield rule.finding("agreement", Message("call-period.agreement-late",
                                                signed=agreement.signed), day=agreement.signed)


@attrs.frozen
class ProgrammeRule(Rule):
    """The programme as written is the one its call and agreement numbers belong to."""

    id = "programme"
    description = "The programme as written agrees with the prefix of its call and agreement."
    severity = Severity.WARNING

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a warning for each number whose prefix is another programme's."""
        funding = project.funding
        if funding is None or funding.programme is None:
            return
        facts = programme_of(funding)
        if facts.stated is None:
            return  # call-period says it does not know the programme
        numbers = []
        if funding.call is not None:
            numbers.append((str(funding.call), funding.call.programme, facts.by_call))
        if facts.agreement is not None:
            numbers.append((str(facts.agreement.number), facts.agreement.number.programme,
                            facts.by_agreement))
        for number, code, programme in numbers:
            if code != facts.stated.code:
                named = programme.name if programme is not None else code
                yield self.finding("funding", Message(
                    "programme.mismatch", stated=funding.programme, programme=named,
                    code=code, number=number))


def _misprint(key: str, written: str, read: object, misprint: Misprint) -> Message:
    return Message(key, written=written, group=misprint.group, position=misprint.position,
                   digits=misprint.written, read=str(read))


@attrs.frozen
class AgreementNumberRule(Rule):
    """Call and agreement numbers are in their official form, and agree with each other.

    A number with one group a digit too long (``00123``) is read, with a warning at
    the character where the group starts. An agreement number belongs to its call:
    the same programme, priority axis and action.
    """

    id = "agreement-number"
    description = "The agreement number is well formed and belongs to the project's call."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield warnings for misprints and errors for an agreement not of its call."""
        funding = project.funding
        if funding is None:
            return
        call = funding.call
        if call is not None and funding.call_written is not None:
            read = read_call_number(funding.call_written)
            if read.misprint is not None:
                yield self.finding("call", _misprint(
                    "agreement-number.call-misprint", funding.call_written, call,
                    read.misprint), severity=Severity.WARNING)
        facts = programme_of(funding)
        if facts.agreement is None:
            return
        written = funding.agreement.number if funding.agreement is not None else None
        number = facts.agreement.number
        if facts.agreement.misprint is not None and written is not None:
            yield self.finding("agreement", _misprint(
                "agreement-number.misprint", written, number, facts.agreement.misprint),
                severity=Severity.WARNING)
        if call is None:
            yield not_checked(self, "agreement", Message("agreement-number.no-call"))
            return
        if number.programme != call.programme:
            yield self.finding("agreement", Message(
                "agreement-number.programme", call=str(call), number=str(number),
                call_programme=_name(call.programme), programme=_name(number.programme)))
        elif (number.axis, number.action_number) != (call.axis, call.action_number):
            yield self.finding("agreement", Message(
                "agreement-number.action", number=str(number), call=str(call),
                axis=number.axis, action=number.action, call_axis=call.axis,
                call_action=call.action))


def _name(code: str) -> str:
    programme = programme_by_code(code)
    return programme.name if programme is not None else code


PROGRAMME_RULES: tuple[Rule, ...] = (ProgrammeRule(), AgreementNumberRule())
"""The rules on programmes and numbers, with their default parameters."""
