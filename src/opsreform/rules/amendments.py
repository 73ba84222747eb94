"""Durability from the final end, stated durations, and amendments in time.

Durability (trwałość) runs from the end of the project period as the last amendment
left it (:func:`durability_findings`, the judgement of ``durability``). ``duration``
warns when a stated period does not last the stated number of months; ``amendment``
when an amendment changes the project period after that period had ended.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import attrs

from opsreform.findings import Finding, Severity
from opsreform.messages import Message
from opsreform.model.project import Project
from opsreform.periods import Period
from opsreform.rules.engine import Rule, not_checked

__all__ = ["AMENDMENT_RULES", "AmendmentRule", "DurationRule", "durability_findings",
           "durability_period"]


def durability_period(project: Project) -> Period | None:
    """Return the durability period (trwałość) after the project, or None when unknown.

    It starts the day after the end of the final period (as amended) and lasts
    ``durability_months``.
    """
    final = project.final_period
    if final is None or project.durability_months is None:
        return None
    return Period.starting(final.end + timedelta(days=1), months=project.durability_months)


def durability_findings(rule: Rule, project: Project) -> Iterator[Finding]:
    """The judgement of ``durability``: where it lies, and contracts that reach into it."""
    months = project.durability_months
    if months is None:
        return
    period = durability_period(project)
    if period is None:
        why = (Message("durability.no-start", duration=project.duration_months, months=months)
               if project.duration_months is not None else
               Message("durability.no-period", months=months))
        yield not_checked(rule, "project", why)
        return
    amended = [a for a in project.amendments if a.period is not None]
    said = (Message("durability.period-amended", months=months, period=period,
                    signed=amended[-1].signed) if amended else
            Message("durability.period", months=months, period=period))
    yield rule.finding("project", said, severity=Severity.INFO)
    for declared in project.contracts:
        last = project.final_contract(declared.id).last_day
        if last is not None and last in period:
            yield rule.finding(f"contract {declared.id}", Message(
                "durability.contract", contract=declared.id, last=last), day=last)


@attrs.frozen
class DurationRule(Rule):
    """A stated period lasts the stated number of months (okres realizacji w miesiącach)."""

    id = "duration"
    description = "The project period lasts the number of months the document states."
    severity = Severity.WARNING

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a warning when a period and its ``duration_months`` disagree."""
        stated: list[tuple[str, Period | None, int | None, str | None]] = [
            ("project", project.period, project.duration_months, None)]
        stated += [(f"contract {c.id}", c.period, c.duration_months, c.id)
                   for c in project.contracts]
        for subject, period, months, contract in stated:
            if period is None or not months:
                continue
            expected = Period.starting(period.start, months=months)
            if expected.end != period.end:
                key = "duration.mismatch" if contract is None else "duration.contract"
                facts: dict[str, str] = {} if contract is None else {"contract": contract}
                yield self.finding(subject, Message(
                    key, period=period, months=months, start=period.start,
                    end=expected.end, **facts), day=period.start)


@attrs.frozen
class AmendmentRule(Rule):
    """An amendment changes the project period while that period still runs."""

    id = "amendment"
    description = "No amendment changes the project period after it has ended."
    severity = Severity.WARNING

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a warning for an amendment signed after the period in force had ended."""
        for n, amendment in enumerate(project.amendments, start=1):
            if amendment.period is None:
                continue
            before = project.period_on(amendment.signed - timedelta(days=1))
            if before is not None and amendment.signed > before.end:
                yield self.finding(f"amendment {n}", Message(
                    "amendment.after-end", signed=amendment.signed, end=before.end),
                    day=amendment.signed)


AMENDMENT_RULES: tuple[Rule, ...] = (DurationRule(), AmendmentRule())
"""The rules on durations and amendments, with their default parameters."""
