"""Breaks a project declares: months in which some kinds of sessions are not held.

One source document announces: "W związku z okresem wakacyjnym nie będą odbywały się:
szkolenia (czerwiec, lipiec, sierpień), spotkania superwizyjne (lipiec, sierpień)" — no
trainings in June-August and no supervision in July-August (the summer break, przerwa
wakacyjna). A project without a declared break has none.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import to_frozenset, to_kinds
from opsreform.model.sessions import SessionKind

if TYPE_CHECKING:
    from opsreform.workcalendar import WorkCalendar

__all__ = ["DeclaredBreak"]


def _months(value: object) -> frozenset[int]:
    months: frozenset[int] = frozenset(value)  # type: ignore[call-overload]
    if not months or not all(isinstance(m, int) and 1 <= m <= 12 for m in months):
        raise ValidationError(f"expected months from 1 to 12, got {sorted(months)!r}",
                              field="months", value=value)
    return months


@attrs.frozen
class DeclaredBreak:
    """A break declared by the project.

    Attributes:
        kinds: The session kinds not held during the break.
        months: The months (1-12) of the break.
        years: The years it applies to, or None for every year of the project.
        follow_school_holidays: When true, the break is the national school summer
            holidays (ferie letnie) of each year instead of whole ``months`` — from the
            ``holidays`` package, which has them from 2018; an earlier year is an error.
        text: The declaration as the document words it.

    """

    kinds: frozenset[SessionKind] = attrs.field(
        converter=to_kinds
    )
    months: frozenset[int] = attrs.field(converter=_months, factory=lambda: frozenset({7, 8}))
    years: frozenset[int] | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_frozenset)
    )
    follow_school_holidays: bool = False
    text: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.kinds:
            raise ValidationError("a break must name at least one session kind", field="kinds",
                                  value=self.kinds)

    def applies_to_year(self, year: int) -> bool:
        """Whether the break applies in ``year``."""
        return self.years is None or year in self.years

    def covers(self, day: date, calendar: WorkCalendar) -> bool:
        """Whether ``day`` falls in the break (for the break's kinds).

        Raises:
            ValidationError: For a break that follows the school holidays in a year the
                ``holidays`` package has no data for: never silently "no break".

        """
        if not self.applies_to_year(day.year):
            return False
        if self.follow_school_holidays:
            return day in calendar.school_summer_break(day.year)
        return day.month in self.months
