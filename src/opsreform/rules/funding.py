"""The funding rules: sources add up, shares match, the budget adds up, durability.

They check a project's figures the way a controller of the intermediate body does.
Figures in documents are rounded line by line, so a difference up to the rule's
``tolerance`` is an ``info`` rounding note, and a larger one is an error with its
amount. The default tolerance is 5 grosze: every figure rounded to the grosz is off by at
most half a grosz, so a sum of up to nine rounded figures compared with a rounded total
is off by at most 5 grosze; a real mistake in a budget is hardly ever that small. A fact
the document does not state is not checked, and the rule says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.findings import Finding, Severity
from opsreform.messages import Message
from opsreform.model.funding import Funding, FundingKind
from opsreform.model.project import Project
from opsreform.money import amount_of, pln, round_grosz
from opsreform.programmes import ELIGIBILITY_2014
from opsreform.rules.amendments import durability_findings, durability_period
from opsreform.rules.engine import Rule, not_checked
from opsreform.rules.programmes import call_period_findings
from opsreform.units import as_fraction

__all__ = [
    "FUNDING_RULES",
    "PROGRAMME_ELIGIBILITY",
    "BudgetSum",
    "CallPeriod",
    "Durability",
    "FundingShare",
    "FundingSum",
    "NegativeAmount",
    "durability_period",
]

PROGRAMME_ELIGIBILITY = ELIGIBILITY_2014
"""When expenditure of a 2014-2020 programme is eligible (Regulation 1303/2013 art. 65(2)).

Kept for callers: the windows of every programme are in :mod:`opsreform.programmes`.
"""

def _tolerance(value: Any) -> Fraction:
    """Read a tolerance in zł: an exact number, or a float from a TOML file (as typed)."""
    if isinstance(value, float):
        value = Decimal(repr(value))
    try:
        tolerance = as_fraction(value)
    except (TypeError, ValueError):
        raise ValidationError(f"expected a number of złoty such as 0.05, got {value!r}",
                              field="tolerance", value=value) from None
    if tolerance < 0:
        raise ValidationError(f"a tolerance cannot be negative, got {value!r}",
                              field="tolerance", value=value)
    return tolerance


@attrs.frozen
class _FundingRule(Rule):
    """Shared parts: the rounding tolerance and comparing two amounts.

    Attributes:
        tolerance: The largest difference in zł that is a rounding note rather than an
            error (default 0,05 zł).

    """

    tolerance: Fraction = attrs.field(default=Fraction(5, 100), converter=_tolerance)

    def compare(self, subject: str, what: Message, found: Any, expected: Any,
                ) -> Iterator[Finding]:
        """Yield nothing when equal, a rounding note within tolerance, else an error.

        The messages are the rule's own ``<id>.differs`` and ``<id>.rounding``.
        """
        diff = amount_of(found) - amount_of(expected)
        if diff == 0:
            return
        facts = {"what": what, "found": found, "expected": expected, "diff": pln(diff)}
        if abs(diff) <= self.tolerance:
            yield self.finding(subject, Message(f"{self.id}.rounding", **facts),
                               severity=Severity.INFO)
        else:
            yield self.finding(subject, Message(f"{self.id}.differs", **facts))


@attrs.frozen
class FundingSum(_FundingRule):
    """The sources add up to the total (or agree with a stated bound)."""

    id = "funding-sum"
    description = "The funding sources add up to the total eligible costs."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding when the stated sources do not add up to the total."""
        funding = project.funding
        if funding is None:
            yield not_checked(self, "funding", Message("funding-sum.no-funding"))
            return
        if not funding.sources:
            yield not_checked(self, "funding", Message("funding-sum.no-sources"))
            return
        total = funding.sources_sum
        if total is None:
            unknown = [s.kind for s in funding.sources if s.amount is None]
            yield not_checked(self, "funding", Message("funding-sum.no-amount", kinds=unknown))
            return
        if funding.total is not None:
            yield from self.compare("funding", Message("funding-sum.sources"), total,
                                    funding.total)
        if funding.total_stated is not None and not funding.total_stated.admits(total):
            yield self.finding("funding", Message("funding-sum.stated", total=total,
                                                  stated=funding.total_stated))
        if funding.total is None and funding.total_stated is None:
            yield not_checked(self, "funding", Message("funding-sum.no-total"))


@attrs.frozen
class FundingShare(_FundingRule):
    """Each source's share of the total matches its stated share and the programme's."""

    id = "funding-share"
    description = "Each source is its share of eligible costs (Action 2.5: 84,28 % EU)."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each source whose amount is not its share of the total."""
        funding = project.funding
        if funding is None or all(s.amount is None for s in funding.sources):
            return
        if funding.total is None:
            yield not_checked(self, "funding", Message("funding-share.no-total"))
            return
        total = funding.total
        for source in funding.sources:
            if source.amount is None:
                continue
            subject = f"source {source.kind.value}"
            if source.share is not None:
                yield from self.compare(
                    subject, Message("funding-share.stated-share", kind=source.kind,
                                     share=source.share), source.amount,
                    round_grosz(total * source.share))
            rate = funding.shares.get(source.kind)
            if rate is None:
                if funding.shares and amount_of(source.amount) != 0:
                    yield self.finding(subject, Message("funding-share.not-in-programme",
                                                        kind=source.kind,
                                                        amount=source.amount),
                                       severity=Severity.WARNING)
                continue
            if source.share is not None and source.share == rate:
                continue
            expected = self._expected(funding, source.kind, rate)
            yield from self.compare(subject, Message("funding-share.programme-share",
                                                     kind=source.kind, share=rate),
                                    source.amount, expected)

    @staticmethod
    def _expected(funding: Funding, kind: FundingKind, rate: Fraction) -> Any:
        # The targeted subsidy is "the rest": total less the rounded EU share.
        eu_rate = funding.shares.get(FundingKind.EU)
        if kind is FundingKind.TARGETED_SUBSIDY and eu_rate is not None and (
                eu_rate + rate == 1):
            return funding.total - round_grosz(funding.total * eu_rate)
        return round_grosz(funding.total * rate)


@attrs.frozen
class BudgetSum(_FundingRule):
    """The budget lines, with indirect costs, add up to the total.

    Whether the lines a document lists are all the lines is a fact of its own
    (``Funding.lines_complete``). When they are declared complete, lines plus indirect
    costs must make the total. When they are declared incomplete, or the document does
    not say, what the total leaves over the listed lines is reported as a note, saying
    whether it is the flat rate of indirect costs; only lines above the total are an
    error then.
    """

    id = "budget-sum"
    description = "Budget lines plus indirect costs add up to the total."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield findings on staff lines, tasks, indirect costs and the budget's sum."""
        funding = project.funding
        if funding is None or not funding.lines:
            return
        for n, line in enumerate(funding.lines, start=1):
            if line.amount is not None and line.computed is not None:
                yield from self.compare(f"budget line {n}",
                                        Message("budget-sum.line", title=line.title),
                                        line.amount, line.computed)
        yield from self._tasks(funding)
        budget = funding.budget
        direct, rate, expected_indirect = budget.direct, budget.rate, budget.expected_indirect
        if direct is None or rate is None or expected_indirect is None:
            yield not_checked(self, "budget", Message("budget-sum.no-amount"))
            return
        if funding.indirect is not None:
            yield from self.compare("budget", Message("budget-sum.indirect", rate=rate,
                                                      direct=direct),
                                    funding.indirect, expected_indirect)
        indirect = funding.indirect if funding.indirect is not None else expected_indirect
        if funding.total is None:
            yield from self._against_bound(funding, direct + indirect)
            return
        if amount_of(direct) > amount_of(funding.total):
            yield self.finding("budget", Message("budget-sum.over-total", direct=direct,
                                                 total=funding.total))
            return
        if funding.lines_complete:
            together = (
                Message("budget-sum.together-stated", direct=direct, indirect=indirect)
                if funding.indirect is not None else
                Message("budget-sum.together-flat", direct=direct, indirect=indirect,
                        rate=rate))
            yield from self.compare("budget", together, direct + indirect, funding.total)
            return
        yield self._remainder(funding.total, direct, indirect, rate, funding.lines_complete,
                              stated_indirect=funding.indirect is not None)

    def _remainder(self, total: Any, direct: Any, indirect: Any, rate: Fraction,
                   complete: bool | None, *, stated_indirect: bool) -> Finding:
        """The note on what the total leaves over lines that may not be all the lines."""
        rest = total - direct
        gap = amount_of(rest) - amount_of(indirect)
        what = (Message("budget-sum.to-stated") if stated_indirect
                else Message("budget-sum.to-flat", rate=rate))
        if complete is False:
            return self.finding("budget", Message("budget-sum.incomplete", rest=rest,
                                                  direct=direct), severity=Severity.INFO)
        if abs(gap) <= self.tolerance:
            how = (Message("budget-sum.exactly") if gap == 0
                   else Message("budget-sum.rounded", gap=pln(gap)))
            return self.finding(
                "budget", Message("budget-sum.rest", rest=rest, what=what, indirect=indirect,
                                  how=how), severity=Severity.INFO)
        return self.finding(
            "budget", Message("budget-sum.unexplained", direct=direct, rate=rate,
                              indirect=indirect, gap=pln(gap)), severity=Severity.INFO)

    def _against_bound(self, funding: Funding, summed: Any) -> Iterator[Finding]:
        """Compare complete lines with a stated bound, or say the total is not known."""
        bound = funding.total_stated
        if bound is None or not funding.lines_complete:
            yield not_checked(self, "budget", Message("budget-sum.no-exact-total"))
            return
        if not bound.admits(summed):
            yield self.finding("budget", Message("budget-sum.stated", summed=summed,
                                                 stated=bound))

    def _tasks(self, funding: Funding) -> Iterator[Finding]:
        """Each task with a stated amount against the lines that name it."""
        for task in funding.tasks:
            summed = funding.budget.task_sum(task.number)
            if task.amount is None or summed is None:
                continue
            subject = f"task {task.number}"
            if funding.lines_complete:
                yield from self.compare(subject, Message("budget-sum.task", task=task.number),
                                        summed, task.amount)
            elif amount_of(summed) > amount_of(task.amount) + self.tolerance:
                yield self.finding(subject, Message("budget-sum.task-over", task=task.number,
                                                    summed=summed, amount=task.amount))


@attrs.frozen
class NegativeAmount(Rule):
    """No amount of the funding is negative."""

    id = "negative-amount"
    description = "No stated amount is negative."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield an error for each negative amount."""
        funding = project.funding
        if funding is None:
            return
        named: list[tuple[str, Any]] = [("funding total", funding.total),
                                        ("indirect costs", funding.indirect)]
        named += [(f"source {s.kind.value}", s.amount) for s in funding.sources]
        named += [(f"budget line {n}", amount)
                  for n, line in enumerate(funding.lines, start=1)
                  for amount in (line.amount, line.monthly_cost)]
        named += [(f"task {t.number}", t.amount) for t in funding.tasks]
        if funding.total_stated is not None:
            named.append(("funding total", funding.total_stated.value))
        for subject, amount in named:
            if amount is not None and amount_of(amount) < 0:
                yield self.finding(subject, Message("negative-amount.amount",
                                                    subject=subject, amount=amount))


# The call's and the programme's windows are the same for thousands of projects.


@attrs.frozen
class CallPeriod(Rule):
    """The project period lies within the call's, or at least within its programme's.

    The programme is the project's own (:func:`opsreform.rules.programmes.programme_of`);
    when it is not known, the rule says so. Each period the project had (as signed, and
    as each amendment set it) is judged.
    """

    id = "call-period"
    description = "The project runs within its call's period (and its programme's)."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield an error for each period of the project that leaves its window."""
        return call_period_findings(self, project)


@attrs.frozen
class Durability(Rule):
    """Durability (trwałość): from the final end, and no contract of the project runs into it."""

    id = "durability"
    description = "The durability period is known; the project's contracts end before it."
    severity = Severity.WARNING

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield the durability period as a note, and a warning for contracts reaching it."""
        return durability_findings(self, project)


FUNDING_RULES: tuple[Rule, ...] = (
    FundingSum(), FundingShare(), BudgetSum(), NegativeAmount(), CallPeriod(), Durability(),
)
"""The funding rules with their default parameters."""
