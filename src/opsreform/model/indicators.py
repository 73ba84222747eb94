"""Indicators (wskaźniki): what a project declares it will achieve, and what counts toward it.

An indicator names a target ("40 pracowników objętych wsparciem") and, from a small
closed vocabulary, what counts toward it: the distinct people who attended delivered
sessions (of some kinds), the delivered sessions, their hours, or a number of people
supported that the project states itself (``achieved``). What is achieved is derived
from the sessions by :func:`opsreform.model.delivery.indicator_progress`; a fact it
needs that the project does not state leaves the achievement unknown, never zero.

>>> i = Indicator(id="kadra", name="pracownicy OPS objęci wsparciem", unit="osoby",
...               target=40, counts="people-supported")
>>> i.target, i.counts.value, i.achieved
(Fraction(40, 1), 'people-supported', None)
"""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import non_empty, optional_non_empty, to_enum, to_kinds
from opsreform.model.sessions import SessionKind

__all__ = ["Indicator", "IndicatorCount"]


class IndicatorCount(enum.StrEnum):
    """What counts toward an indicator (the closed vocabulary of ``counts``)."""

    DISTINCT_ATTENDEES = "distinct-attendees"
    """Distinct people named as attending at least one delivered session (of ``kinds``)."""
    DELIVERED_SESSIONS = "delivered-sessions"
    """Delivered sessions (of ``kinds``)."""
    DELIVERED_HOURS = "delivered-hours"
    """Clock hours (60 minutes) of delivered sessions (of ``kinds``)."""
    PEOPLE_SUPPORTED = "people-supported"
    """People supported, as the project states it (``achieved``); not derived."""

    @property
    def from_sessions(self) -> bool:
        """Whether the achievement is counted from the sessions (all but people-supported)."""
        return self is not IndicatorCount.PEOPLE_SUPPORTED


def _to_count(value: IndicatorCount | str) -> IndicatorCount:
    return to_enum(IndicatorCount, value)


def _exact(value: object) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, float | bool) or not isinstance(value, int | str | Fraction | Decimal):
        raise ValidationError(f"expected an exact number, got {value!r}", field="target",
                              value=value)
    return Fraction(value)


def _not_negative(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value < 0:
        raise ValidationError(f"expected a number from 0 up, got {value}",
                              field=attribute.name, value=value)


def _above_zero(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None or value <= 0:
        raise ValidationError(f"expected a number above 0, got {value}",
                              field=attribute.name, value=value)


@attrs.frozen
class Indicator:
    """One declared indicator of the project (wskaźnik).

    Attributes:
        id: A stable id, unique in the project.
        name: What it measures, as the document words it.
        target: The value to reach (wartość docelowa), counted from the project's start.
        counts: What counts toward it.
        unit: The unit it is stated in, as text (``osoby``, ``godziny``), when stated.
        kinds: The session kinds that count (empty: every kind); only for counts
            derived from sessions.
        baseline: The value before the project (wartość bazowa), when stated; shown
            beside the progress, not added to it.
        achieved: The value reached, as the project states it; only for
            ``people-supported`` (the other counts are derived from the sessions).
        note: Remarks, e.g. the sentence of the document it was read from.

    """

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    target: Fraction = attrs.field(converter=_exact, validator=_above_zero)
    counts: IndicatorCount = attrs.field(converter=_to_count)
    unit: str | None = attrs.field(default=None, validator=optional_non_empty)
    kinds: frozenset[SessionKind] = attrs.field(factory=frozenset, converter=to_kinds)
    baseline: Fraction | None = attrs.field(default=None, converter=_exact,
                                            validator=_not_negative)
    achieved: Fraction | None = attrs.field(default=None, converter=_exact,
                                            validator=_not_negative)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.achieved is not None and self.counts.from_sessions:
            raise ValidationError(
                f"an indicator counting {self.counts.value} is counted from the sessions; "
                "'achieved' is only for people-supported", field="achieved",
                value=self.achieved)
        if self.kinds and not self.counts.from_sessions:
            raise ValidationError(
                "'kinds' chooses sessions; a people-supported indicator counts none",
                field="kinds", value=sorted(self.kinds))

    @property
    def subject(self) -> str:
        """The subject of findings about it (``indicator kadra``)."""
        return f"indicator {self.id}"
