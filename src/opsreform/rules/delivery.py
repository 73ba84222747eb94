"""The rule on delivery: a project whose period has ended reached its indicators' targets.

An indicator's achievement is counted from what the project states
(:func:`opsreform.model.delivery.indicator_progress`); when a fact it needs is not
stated — a session past its date still marked planned, a delivered session that does not
name who came, a people-supported figure not given — the rule says so as ``info`` and
judges nothing: unknown is never taken for zero.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import attrs

from opsreform.exceptions import ValidationError
from opsreform.findings import Finding, Severity
from opsreform.messages import Message
from opsreform.model.delivery import IndicatorProgress, indicator_progress
from opsreform.model.indicators import IndicatorCount
from opsreform.model.project import Project
from opsreform.rules.engine import Rule, not_checked

__all__ = ["DELIVERY_RULES", "IndicatorsReached"]


def _to_day(value: date | str | None) -> date | None:
    if isinstance(value, datetime):
        msg = f"as_of: expected a date, got a date and time {value.isoformat()}"
        raise ValidationError(msg, field="as_of", value=value)
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        from opsreform.text.dates import parse_date  # noqa: PLC0415 - only for text

        return parse_date(value)
    msg = f"as_of: expected a date (2019-06-30 or 30.06.2019), got {value!r}"
    raise ValidationError(msg, field="as_of", value=value)


@attrs.frozen
class IndicatorsReached(Rule):
    """Each declared indicator reaches its target by the end of the project period.

    Attributes:
        as_of: The day of the check (default: today); an indicator is judged only once
            the project period has ended before it.

    """

    id = "indicators"
    description = ("Each indicator the project declares reaches its target by the end of "
                   "the project period.")
    severity = Severity.WARNING

    as_of: date | None = attrs.field(default=None, converter=_to_day)

    def day(self) -> date:
        """The day of the check: ``as_of``, or today."""
        return self.as_of if self.as_of is not None else date.today()

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a warning per indicator below target after the end, info where unknown."""
        as_of = self.day()
        end = project.period.end if project.period is not None else None
        for indicator in project.indicators:
            progress = indicator_progress(project, indicator, as_of=as_of)
            unit = f" {indicator.unit}" if indicator.unit else ""
            facts = {"name": indicator.name, "target": indicator.target, "unit": unit}
            if progress.achieved is None:
                yield not_checked(self, indicator.subject, _why_unknown(progress, facts))
                continue
            if progress.reached:
                continue
            if end is None:
                yield not_checked(self, indicator.subject, Message(
                    "indicators.no-end", achieved=progress.achieved, **facts))
            elif end < as_of:
                yield self.finding(indicator.subject, Message(
                    "indicators.below-target", achieved=progress.achieved, end=end, **facts),
                    day=end)


def _shown(ids: tuple[str, ...]) -> tuple[str, ...]:
    """The first ids of a long list, and an ellipsis (the count says how many)."""
    return ids if len(ids) <= _SHOWN else (*ids[:_SHOWN], "…")


_SHOWN = 10


def _why_unknown(progress: IndicatorProgress, facts: dict[str, object]) -> Message:
    name = facts["name"]
    if progress.undecided:
        return Message("indicators.undecided", name=name, count=len(progress.undecided),
                       ids=_shown(progress.undecided))
    if progress.unnamed and progress.indicator.counts is IndicatorCount.DELIVERED_HOURS:
        return Message("indicators.no-hours", name=name, count=len(progress.unnamed),
                       ids=_shown(progress.unnamed))
    if progress.unnamed:
        return Message("indicators.unnamed", name=name, count=len(progress.unnamed),
                       ids=_shown(progress.unnamed))
    return Message("indicators.not-stated", **facts)


DELIVERY_RULES: tuple[Rule, ...] = (IndicatorsReached(),)
"""The delivery rules with their default parameters."""
